#!/usr/bin/env bash
# Runs every fuzz_* target in BUILD_DIR for SECONDS each (default 60), with
# ASan+UBSan, starting from the seed corpus in fuzz/seeds/<name>/ if present.
# Targets run side by side, one per core (FUZZ_JOBS overrides), because each
# libFuzzer run is single-threaded.
# Usage: fuzz/run-all.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-fuzz}
export FUZZ_SECONDS=${2:-60}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# run_one BIN: one target with a fresh corpus; prints one line, or the tail of
# the log and fails.
run_one() {
  local bin=$1 name corpus
  name=$(basename "$bin"); name=${name#fuzz_}
  corpus=$(mktemp -d)
  local seeds=()
  [ -d "fuzz/seeds/$name" ] && seeds=("fuzz/seeds/$name")
  if "$bin" -max_total_time="$FUZZ_SECONDS" -max_len=300000 -rss_limit_mb=2048 \
      "$corpus" "${seeds[@]}" >"$corpus.log" 2>&1; then
    # One line per target: runs and seconds, then libFuzzer's final coverage
    # (cov = edges, ft = features), corpus size, speed and peak RSS.
    printf '%-24s %s | %s\n' "$name" \
      "$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$corpus.log" | tail -1 || echo ok)" \
      "$(grep -E '^#[0-9]+' "$corpus.log" | tail -1 |
         grep -Eo '(cov|ft|corp|exec/s|rss): [^ ]+' | tr '\n' ' ')"
    rm -rf "$corpus" "$corpus.log"
  else
    { printf '%-24s FAILED\n' "$name"; tail -40 "$corpus.log"; } >&2
    rm -rf "$corpus" "$corpus.log"
    return 1
  fi
}
export -f run_one

bins=()
for bin in "$build"/fuzz/fuzz_*; do
  [ -x "$bin" ] && bins+=("$bin")
done
[ ${#bins[@]} -gt 0 ] || { echo "no fuzz targets in $build/fuzz"; exit 1; }
printf '%s\n' "${bins[@]}" |
  xargs -P "${FUZZ_JOBS:-$(nproc)}" -I{} bash -c 'run_one "$1"' _ {} ||
  { echo "fuzz run failed"; exit 1; }
