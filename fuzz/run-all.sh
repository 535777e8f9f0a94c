#!/usr/bin/env bash
# Runs every fuzz_* target in BUILD_DIR for SECONDS each (default 60), with
# ASan+UBSan, starting from the seed corpus in fuzz/seeds/<name>/ if present.
# Usage: fuzz/run-all.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-fuzz}
seconds=${2:-60}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
found=0
for bin in "$build"/fuzz/fuzz_*; do
  [ -x "$bin" ] || continue
  found=1
  name=$(basename "$bin"); name=${name#fuzz_}
  corpus=$(mktemp -d)
  seeds=()
  [ -d "fuzz/seeds/$name" ] && seeds=("fuzz/seeds/$name")
  printf '%-24s ' "$name"
  if "$bin" -max_total_time="$seconds" -max_len=300000 -rss_limit_mb=2048 \
      "$corpus" "${seeds[@]}" >"$corpus.log" 2>&1; then
    grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$corpus.log" | tail -1 || echo ok
  else
    echo "FAILED"; tail -40 "$corpus.log"; rm -rf "$corpus" "$corpus.log"; exit 1
  fi
  rm -rf "$corpus" "$corpus.log"
done
[ "$found" = 1 ] || { echo "no fuzz targets in $build/fuzz"; exit 1; }
