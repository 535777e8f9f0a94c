#!/usr/bin/env bash
# Signs and verifies one large file with Safehold's minisign and with the real
# minisign, side by side in the same run: wall time, CPU time (user+sys) and
# peak RSS from /usr/bin/time -v, best of RUNS each, and the ratios
# ours/theirs (< 1 = ours is faster or smaller). On a shared machine the wall
# time is noisy; the CPU time is the steadier comparison. The file is random
# bytes in a temporary folder.
# Usage: bench/minisign.sh [BUILD_DIR] [SIZE_MIB]   (defaults: build 1024)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
size_mib=${2:-1024}
runs=${RUNS:-3}
bench="$build/bench/bench_minisign"
[ -x "$bench" ] || { echo "build $bench first (cmake --build --preset release)"; exit 1; }
command -v minisign >/dev/null || { echo "minisign is not installed"; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (apt install time)"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/safehold-bench-minisign.XXXXXX")
trap 'rm -rf "$work"' EXIT
head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/data"
minisign -G -W -p "$work/k.pub" -s "$work/k.key" >/dev/null
cat "$work/data" >/dev/null  # both tools then read from the page cache

# measure NAME CMD...: best wall seconds, best CPU seconds, largest peak RSS (KiB).
declare -A wall cpu rss
measure() {
  local name=$1; shift
  local best_w="" best_c="" max_r=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt"; exit 1; }
    read -r w c r < <(awk -F': ' '
      /Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; w=s}
      /User time \(seconds\)/ {c+=$2}
      /System time \(seconds\)/ {c+=$2}
      /Maximum resident set size/ {r=$2}
      END {print w, c, r}' "$work/time.txt")
    if [ -z "$best_w" ] || awk -v a="$w" -v b="$best_w" 'BEGIN{exit !(a<b)}'; then best_w=$w; fi
    if [ -z "$best_c" ] || awk -v a="$c" -v b="$best_c" 'BEGIN{exit !(a<b)}'; then best_c=$c; fi
    [ "$r" -gt "$max_r" ] && max_r=$r
  done
  wall[$name]=$best_w
  cpu[$name]=$best_c
  rss[$name]=$max_r
}

measure minisign_sign minisign -S -s "$work/k.key" -m "$work/data" -x "$work/theirs.minisig" -t bench
measure ours_sign "$bench" sign "$work/k.key" "$work/data" "$work/ours.minisig"
measure minisign_verify minisign -V -H -p "$work/k.pub" -m "$work/data" -x "$work/theirs.minisig"
measure ours_verify "$bench" verify "$work/k.pub" "$work/data" "$work/theirs.minisig"
# Cross-check: each verifies the other's signature.
minisign -V -H -q -p "$work/k.pub" -m "$work/data" -x "$work/ours.minisig"
"$bench" verify "$work/k.pub" "$work/data" "$work/theirs.minisig" >/dev/null

printf 'minisign sign/verify of a %d MiB file, best of %d (%s)\n' "$size_mib" "$runs" "$(minisign -v)"
printf '%-7s %11s %9s %7s %11s %9s %7s %13s %9s %7s\n' op "minisign s" "ours s" ratio \
  "minisign cpu" "ours cpu" ratio "minisign KiB" "ours KiB" ratio
for op in sign verify; do
  awk -v op="$op" -v tw="${wall[minisign_$op]}" -v ow="${wall[ours_$op]}" \
      -v tc="${cpu[minisign_$op]}" -v oc="${cpu[ours_$op]}" \
      -v tr="${rss[minisign_$op]}" -v or="${rss[ours_$op]}" 'BEGIN {
    printf "%-7s %11.2f %9.2f %7.2f %11.2f %9.2f %7.2f %13d %9d %7.2f\n",
           op, tw, ow, ow/tw, tc, oc, (tc > 0 ? oc/tc : 0), tr, or, or/tr }'
done
