#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Safehold and runs every test:
#   1. release build: all unit, interop (age, minisign, tar, sha256sum) and
#      GUI tests (headless ImGui + real window under Xvfb); its .deb, installed
#      and run in a fresh Debian root (packaging/test-deb.sh);
#   2. ASan+UBSan build (clang 14) of the core, the CLI, the tests and every
#      libFuzzer target, with the GUI switched off; its tests, then
#   3. a short smoke run of every libFuzzer target from that same build (one
#      sanitizer build instead of two: the libraries compile twice, not
#      three times).
# Long fuzzing runs use the optimised "fuzz" preset: see fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/setup-debian.sh
echo "set-up done at ${SECONDS} s"

jobs=$(nproc)
# Each step prints the seconds since the script began, so a CI log shows
# where the time goes (set-up, the two builds, the test runs).
step() { printf '\n== %s (at %d s) ==\n' "$*" "$SECONDS"; }

step "release build"
# The benchmarks (bench/, programs that print numbers) are not run here, so
# not built either: ten more programs to compile and link. A developer's
# `cmake --preset release` builds them (and puts this option back on).
cmake --preset release -DSAFEHOLD_BENCH=OFF >/dev/null
cmake --build --preset release -j"$jobs"
step "release tests"
ctest --preset release

# The package test mostly waits on the Debian archive and dpkg (a fresh root
# is made with mmdebstrap), so it runs beside the sanitizer build instead of
# before it; its log is printed, and its result counted, at the end.
deb_log=build/test-deb.log
deb_pid=
if [ "$(id -u)" -eq 0 ]; then
  ./packaging/test-deb.sh --skip-setup >"$deb_log" 2>&1 &
  deb_pid=$!
fi

step "ASan+UBSan build (clang 14, GUI off)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$jobs"
step "ASan+UBSan tests"
ctest --preset asan

step "fuzz smoke (${SAFEHOLD_FUZZ_SECONDS:-5} s per target)"
./fuzz/run-all.sh build-asan "${SAFEHOLD_FUZZ_SECONDS:-5}"

step "Debian package: lintian, installed in a fresh Debian root, removed"
if [ -n "$deb_pid" ]; then
  deb_status=0
  wait "$deb_pid" || deb_status=$?
  cat "$deb_log"
  [ "$deb_status" -eq 0 ] || { echo "packaging/test-deb.sh failed ($deb_status)"; exit 1; }
else
  echo "SKIPPED: packaging/test-deb.sh needs root (chroot); run it with sudo"
fi
echo
echo "all tests passed (${SECONDS} s)"
