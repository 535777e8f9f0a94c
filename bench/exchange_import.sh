#!/usr/bin/env bash
# Import of a bundle of 1,000 cases (6,000 records) into a vault, and of an
# update touching 10% of the records, through the library: prints records per
# second and the peak RSS of each import (bench_exchange_import).
#
#   bench/exchange_import.sh [BUILD_DIR] [CASES] [ROUNDS]   (defaults: build 1000 3)
#
# Work files go to ${TMPDIR:-/var/tmp} and are removed afterwards.
set -euo pipefail
build=$(realpath "${1:-build}")
cases=${2:-1000}
rounds=${3:-3}
cmake --build "$build" --target bench_exchange_import >/dev/null
for i in $(seq "$rounds"); do
  echo "round $i"
  work=$(mktemp -d "${TMPDIR:-/var/tmp}/safehold-bench-import.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  "$build/bench/bench_exchange_import" "$cases" "$work"
  rm -rf "$work"
done
