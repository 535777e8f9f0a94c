#!/usr/bin/env bash
# The checker must refuse a binary built without hardening: proves that
# check_hardening.sh can fail (a checker that always passes would be worthless).
set -eu
checker=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#include <string.h>\nint main(int c, char **v) { char b[8]; strcpy(b, v[c - 1]); return b[0]; }\n' >"$work/weak.c"
cc -O2 -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=0 -fno-stack-protector -no-pie -fno-pie \
   -Wl,-z,norelro -Wl,-z,lazy -Wl,-z,execstack -o "$work/weak" "$work/weak.c"
out=$("$checker" "$work/weak" || true)
echo "$out"
for want in "not PIE" "no RELRO" "no stack protector" "no _FORTIFY_SOURCE" "executable stack"; do
  grep -q "$want" <<<"$out" || { echo "checker missed: $want"; exit 1; }
done
