#!/usr/bin/env bash
# Seal and open of one large attachment with Safehold (bench_bundle) beside
# the stock pipeline doing the same work, in the same run; prints wall times,
# ratios and peak RSS (/usr/bin/time -v). Goal: no slower than stock, peak
# RSS under 64 MiB.
#
#   bench/bundle.sh [BUILD_DIR] [SIZE_MIB] [ROUNDS]     (defaults: build 1024 2)
#
# Needs 4 x SIZE_MIB of free space in ${TMPDIR:-/var/tmp}. The attachment is
# random (synthetic) data; plaintext copies exist only in the work folder,
# which is removed at exit.
#
# Stock seal: sha256sum (the hashes a manifest needs), minisign -S of
#   SHA256SUMS, tar | age -r (piped, so no plaintext tar on disk).
# Stock open: age -d | tar -x, minisign -V, sha256sum -c.
# Ours: bench_bundle seal (re-hashes while encrypting; with and without the
#   fsync that AtomicFileWriter does) and bench_bundle open (stages every
#   file through AtomicFileWriter, fsync, commit) / verify (keeps nothing).
set -euo pipefail
build=$(realpath "${1:-build}")
size_mib=${2:-1024}
rounds=${3:-2}
bench="$build/bench/bench_bundle"
[ -x "$bench" ] || { echo "no $bench (build the release preset)"; exit 1; }

work=$(mktemp -d -p "${TMPDIR:-/var/tmp}" safehold-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"

age-keygen -o recipient.txt 2>/dev/null
recipient=$(age-keygen -y recipient.txt)
minisign -G -W -p sender.pub -s sender.key >/dev/null
case_id=$(cat /proc/sys/kernel/random/uuid)
att_id=$(cat /proc/sys/kernel/random/uuid)
mkdir -p "stage/cases/$case_id" stage/attachments
printf '{"id":"%s","entity":"case"}' "$case_id" > "stage/cases/$case_id/$case_id.json"
head -c "${size_mib}M" /dev/urandom > attachment.bin
ln attachment.bin "stage/attachments/$att_id"
sha=$(sha256sum attachment.bin | cut -d' ' -f1)   # known from intake in the product

# measure LABEL COMMAND...: runs under /usr/bin/time -v; prints "LABEL wall rss".
measure() {
  local label=$1; shift
  sync
  /usr/bin/time -v -o time.txt "$@" >/dev/null
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' time.txt)
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' time.txt)
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' time.txt)
  printf '%s %s %s %s\n' "$label" "$wall" "$rss" "$cpu" >> results.txt
}

stock_seal() {
  cd stage
  local files="cases/$case_id/$case_id.json attachments/$att_id"
  sha256sum $files > sums.part
  printf '{"bundle_id":"%s"}\n' "$(cat /proc/sys/kernel/random/uuid)" > manifest.json  # stands in for the manifest
  { sha256sum manifest.json; cat sums.part; } > SHA256SUMS
  rm sums.part
  minisign -S -s ../sender.key -m SHA256SUMS -x SHA256SUMS.minisig -t "safehold-bundle v1" >/dev/null
  tar --format=pax --no-recursion -cf - manifest.json SHA256SUMS SHA256SUMS.minisig $files \
    | age -r "$recipient" -o ../stock.age
  cd ..
}
stock_open() {
  rm -rf stock-out && mkdir stock-out
  age -d -i recipient.txt stock.age | tar -xf - -C stock-out
  cd stock-out
  minisign -Vm SHA256SUMS -p ../sender.pub -q
  sha256sum -c --quiet SHA256SUMS
  cd ..
}
export -f stock_seal stock_open
export case_id att_id recipient

: > results.txt
for _ in $(seq "$rounds"); do
  measure stock_seal bash -c stock_seal
  measure ours_seal_nosync "$bench" seal sender.key "$recipient" attachment.bin "$sha" ours.age nosync
  measure ours_seal_fsync "$bench" seal sender.key "$recipient" attachment.bin "$sha" ours.age
  measure stock_open bash -c stock_open
  rm -rf ours-out
  measure ours_open_fsync "$bench" open recipient.txt sender.pub ours.age ours-out
  measure ours_verify "$bench" verify recipient.txt sender.pub ours.age
  rm -rf stock-out ours-out
done

best() { awk -v l="$1" '$1==l {if (!m || $2<m) m=$2} END {print m}' results.txt; }
best_cpu() { awk -v l="$1" '$1==l {if (!m || $4<m) m=$4} END {print m}' results.txt; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
peak() { awk -v l="$1" '$1==l {if ($3>m) m=$3} END {printf "%.1f", m/1024}' results.txt; }
echo "attachment: ${size_mib} MiB, best of ${rounds} rounds, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "(CPU = user + system seconds of all processes; the stock pipelines run 2-3 processes at once)"
printf '%-18s %8s %8s %8s %10s %13s\n' step "wall s" "wall/st" "CPU s" "CPU/stock" "peak RSS MiB"
for step in stock_seal ours_seal_nosync ours_seal_fsync stock_open ours_open_fsync ours_verify; do
  case $step in *seal*) base=stock_seal ;; *) base=stock_open ;; esac
  printf '%-18s %8s %8s %8s %10s %13s\n' "$step" "$(best $step)" "$(ratio "$(best $step)" "$(best $base)")" \
    "$(best_cpu $step)" "$(ratio "$(best_cpu $step)" "$(best_cpu $base)")" "$(peak $step)"
done
