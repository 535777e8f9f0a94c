#!/usr/bin/env bash
# check_hardening.sh BINARY... : each binary must be PIE, have full RELRO,
# stack-protector and _FORTIFY_SOURCE calls, and a non-executable stack
# (what Debian's hardening-check reports, read here with readelf so the test
# needs only binutils). Prints one line per failed property; exits 1 if any.
set -u
fail=0
for bin in "$@"; do
  name=$(basename "$bin")
  header=$(readelf -hW "$bin") || { echo "$name: not an ELF file"; fail=1; continue; }
  phdrs=$(readelf -lW "$bin")
  dynamic=$(readelf -dW "$bin")
  dynsyms=$(readelf --dyn-syms -W "$bin")
  grep -Eq 'Type:[[:space:]]+DYN' <<<"$header" || { echo "$name: not PIE"; fail=1; }
  grep -q 'GNU_RELRO' <<<"$phdrs" || { echo "$name: no RELRO"; fail=1; }
  grep -Eq '\(FLAGS\).*BIND_NOW|\(FLAGS_1\).*NOW' <<<"$dynamic" || { echo "$name: RELRO not full (no BIND_NOW)"; fail=1; }
  grep -q '__stack_chk_fail' <<<"$dynsyms" || { echo "$name: no stack protector"; fail=1; }
  grep -Eq '__[a-z0-9_]+_chk(@|[[:space:]]|$)' <<<"$(grep -v __stack_chk_fail <<<"$dynsyms")" ||
    { echo "$name: no _FORTIFY_SOURCE checked calls"; fail=1; }
  stack=$(grep 'GNU_STACK' <<<"$phdrs")
  if [ -z "$stack" ]; then
    echo "$name: no GNU_STACK header (stack executable by default)"; fail=1
  elif grep -Eq 'RWE' <<<"$stack"; then
    echo "$name: executable stack"; fail=1
  fi
done
exit $fail
