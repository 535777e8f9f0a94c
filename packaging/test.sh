#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Safehold and runs every test:
#   1. release build: all unit, interop (age, minisign, tar, sha256sum) and
#      GUI tests (headless ImGui + real window under Xvfb);
#   2. ASan+UBSan build of the core and CLI with the GUI switched off;
#   3. a short smoke run of every libFuzzer target (clang 14), which builds
#      only the fuzz targets and the libraries they need.
# Long fuzzing runs are documented in fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/setup-debian.sh

jobs=$(nproc)
step() { printf '\n== %s ==\n' "$*"; }

step "release build and tests"
cmake --preset release >/dev/null
cmake --build --preset release -j"$jobs"
ctest --preset release

step "ASan+UBSan build and tests (GUI off)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$jobs"
ctest --preset asan

if [ -f fuzz/CMakeLists.txt ]; then
  step "fuzz smoke (${SAFEHOLD_FUZZ_SECONDS:-5} s per target)"
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j"$jobs" --target fuzzers
  ./fuzz/run-all.sh build-fuzz "${SAFEHOLD_FUZZ_SECONDS:-5}"
fi
echo
echo "all tests passed"
