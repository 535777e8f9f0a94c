#!/usr/bin/env bash
# Reproducibility check: builds one commit twice, in two folders of
# different names and depths, and compares the two programs and the two
# .deb files byte for byte. Exit 0 only if all are identical.
#
# What makes them identical: SOURCE_DATE_EPOCH is the commit time (man page
# dates, changelog, the .deb's member times); -DSAFEHOLD_REPRODUCIBLE=ON maps
# the source and build folders out of the objects (-ffile-prefix-map); no
# __DATE__/__TIME__ in our code; embedded data files are sorted; cpack
# writes sorted archives owned by root; gzip -n. ccache is off: a cache hit
# would hand both builds the same object and hide a difference.
#
# Slow (two full builds of the programs without cache, side by side), so CI
# does not run it. Usage:
#   packaging/repro-check.sh [COMMIT]     (default HEAD; builds in build-repro/)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
commit=$(git rev-parse "${1:-HEAD}")
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct "$commit")
export SOURCE_DATE_EPOCH
out=$repo/build-repro
imgui=$repo/third_party/imgui-1.90.1
[ -f "$imgui/imgui.cpp" ] || { echo "repro-check: run packaging/setup-debian.sh first (Dear ImGui)"; exit 1; }
rm -rf "$out"
mkdir -p "$out"

build() {  # build SOURCE_FOLDER: clone, configure, build, pack
  local src=$1
  mkdir -p "$(dirname "$src")"
  git clone -q --no-local "$repo" "$src"
  git -C "$src" -c advice.detachedHead=false checkout -q "$commit"
  mkdir -p "$src/third_party/imgui-1.90.1"
  cp -r "$(realpath "$imgui")/." "$src/third_party/imgui-1.90.1/"
  env -u CMAKE_C_COMPILER_LAUNCHER -u CMAKE_CXX_COMPILER_LAUNCHER CCACHE_DISABLE=1 \
    cmake -S "$src" -B "$src/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      "-DCMAKE_C_FLAGS_RELEASE=-O2 -DNDEBUG" "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
      -DSAFEHOLD_TESTS=OFF -DSAFEHOLD_BENCH=OFF -DSAFEHOLD_REPRODUCIBLE=ON >/dev/null
  env CCACHE_DISABLE=1 cmake --build "$src/build" -j"$(nproc)" >"$src.build.log" 2>&1 ||
    { tail -20 "$src.build.log"; echo "repro-check: build failed in $src"; exit 1; }
  (cd "$src/build" && cpack >/dev/null)
}

# The two builds run at the same time (half the wall time on a busy machine).
start=$SECONDS
echo "repro-check: $commit, SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"
build "$out/a/src" & first=$!
build "$out/second/deeper/safehold" & second=$!
wait "$first" || { echo "repro-check: first build failed"; exit 1; }
wait "$second" || { echo "repro-check: second build failed"; exit 1; }
echo "both builds: $((SECONDS - start)) s"

a=$out/a/src/build
b=$out/second/deeper/safehold/build
status=0
for f in app/cli/safehold-cli app/gui/safehold; do
  if cmp -s "$a/$f" "$b/$f"; then
    echo "identical: $f  $(sha256sum <"$a/$f" | cut -c1-16)"
  else
    echo "DIFFERENT: $f"; status=1
  fi
done
deb_a=$(ls "$a"/safehold_*.deb)
deb_b=$(ls "$b"/safehold_*.deb)
if cmp -s "$deb_a" "$deb_b"; then
  echo "identical: $(basename "$deb_a")  $(sha256sum <"$deb_a" | cut -c1-16)"
else
  echo "DIFFERENT: $(basename "$deb_a")"; status=1
  # Where: the listing, then each member.
  diff <(dpkg-deb -c "$deb_a") <(dpkg-deb -c "$deb_b") | head -20 || true
  mkdir -p "$out/x/a" "$out/x/b"
  dpkg-deb -R "$deb_a" "$out/x/a"
  dpkg-deb -R "$deb_b" "$out/x/b"
  diff -rq "$out/x/a" "$out/x/b" | head -20 || true
fi
[ "$status" -eq 0 ] && echo "repro-check: PASS" || echo "repro-check: FAIL"
exit "$status"
