#!/usr/bin/env bash
# Times our age implementation (bench_age) beside the real age on the same
# 1 GiB file, one X25519 recipient: throughput, CPU time and peak RSS of
# encrypt and decrypt, best of ROUNDS runs each, printed with ratios. Every file lives in a
# temporary folder that is removed at the end; outputs are checked with cmp.
# Usage: bench/age.sh [BUILD_DIR] [SIZE_MIB] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
size_mib=${2:-1024}
rounds=${3:-2}
ours="$build/bench/bench_age"
[ -x "$ours" ] || { echo "missing $ours: cmake --build --preset release --target bench_age"; exit 1; }
command -v age >/dev/null || { echo "age is not installed"; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
age-keygen -o "$tmp/key.txt" 2>/dev/null
recipient=$(age-keygen -y "$tmp/key.txt")
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$tmp/plain"

# measure LABEL CMD...: runs CMD under time -v and appends
# "LABEL wall_s cpu_s rss_kib" to $tmp/results.
measure() {
  local label=$1; shift
  /usr/bin/time -v -o "$tmp/time.txt" "$@" >/dev/null 2>"$tmp/err.txt" ||
    { cat "$tmp/err.txt" "$tmp/time.txt" >&2; exit 1; }
  awk -F': ' -v label="$label" '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /User time \(seconds\)/ { cpu += $2 }
    /System time \(seconds\)/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%s %.3f %.3f %d\n", label, s, cpu, rss }' "$tmp/time.txt" >> "$tmp/results"
}

# Rounds interleave the two tools so that load from other processes on the
# machine hits both alike; the best wall time and the least CPU time count.
: > "$tmp/results"
for _ in $(seq "$rounds"); do
  # Outputs are removed first: truncating last round's 1 GiB is not the tool's cost.
  rm -f "$tmp"/*.age "$tmp"/*.out
  measure ours_enc "$ours" encrypt -r "$recipient" -o "$tmp/ours.age" "$tmp/plain"
  measure age_enc age -r "$recipient" -o "$tmp/age.age" "$tmp/plain"
  # Ours decrypts age's file and age ours (interop at full size), checked below.
  measure ours_dec "$ours" decrypt -i "$tmp/key.txt" -o "$tmp/ours.out" "$tmp/age.age"
  measure age_dec age -d -i "$tmp/key.txt" -o "$tmp/age.out" "$tmp/ours.age"
done
cmp -s "$tmp/plain" "$tmp/ours.out" || { echo "FAIL: our decryption differs"; exit 1; }
cmp -s "$tmp/plain" "$tmp/age.out" || { echo "FAIL: age's decryption of our file differs"; exit 1; }

awk -v mib="$size_mib" -v rounds="$rounds" '
  { if (!($1 in t) || $2 < t[$1]) t[$1] = $2
    if (!($1 in c) || $3 < c[$1]) c[$1] = $3
    if ($4 > r[$1]) r[$1] = $4 }
  END {
    printf "age v1, %d MiB, one X25519 recipient, best of %d interleaved runs (outputs verified with cmp)\n", mib, rounds
    printf "%-11s %10s %10s %7s %10s %10s %7s %10s %10s %7s\n", "op", "ours MiB/s", "age MiB/s", "ratio",
      "ours CPU s", "age CPU s", "ratio", "ours RSS", "age RSS", "ratio"
    split("ours_enc ours_dec", rows, " ")
    for (i = 1; i <= 2; i++) {
      k = rows[i]; a = "age_" substr(k, 6); so = mib / t[k]; sa = mib / t[a]
      name = substr(k, 6) == "enc" ? "encrypt" : "decrypt"
      printf "%-11s %10.0f %10.0f %6.2fx %10.2f %10.2f %6.2fx %7.1fMiB %7.1fMiB %6.2fx\n",
        name, so, sa, so / sa, c[k], c[a], c[k] / c[a], r[k] / 1024, r[a] / 1024, r[k] / r[a]
    }
    print "MiB/s ratio = ours / age (>= 1: at least as fast); CPU and RSS ratios = ours / age (< 1: less)"
  }' "$tmp/results"
echo "libsodium ChaCha20-Poly1305 alone (no I/O): $("$ours" aead "$size_mib") CPU s for $size_mib MiB"
