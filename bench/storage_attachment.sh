#!/usr/bin/env bash
# Imports a 1 GiB file into a fresh vault and reads it back, under
# /usr/bin/time -v: prints throughput and peak RSS of each step.
# Usage: bench/storage_attachment.sh [BUILD_DIR] [SIZE_MIB]
set -euo pipefail
build=${1:-build}
size_mib=${2:-1024}
bin="$build/bench/bench_storage_attachment"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c "$((size_mib << 20))" /dev/urandom > "$work/input.bin"
for step in import read; do
  if [ "$step" = import ]; then args=(import "$work/vault" "$work/input.bin"); else args=(read "$work/vault"); fi
  /usr/bin/time -v "$bin" "${args[@]}" 2> "$work/time.txt"
  rss_kib=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
  echo "$step: peak RSS $((rss_kib / 1024)) MiB"
done
du -sh "$work/vault" | awk '{print "vault on disk: " $1}'
