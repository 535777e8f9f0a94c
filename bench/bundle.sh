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
. "$(dirname "$(realpath "${BASH_SOURCE[0]}")")/stock_pipeline.sh"
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

: > results.txt
for _ in $(seq "$rounds"); do
  measure stock_seal bash -c 'stock_seal stage sender.key "$0" stock.age' "$recipient"
  measure ours_seal_nosync "$bench" seal sender.key "$recipient" attachment.bin "$sha" ours.age nosync
  measure ours_seal_fsync "$bench" seal sender.key "$recipient" attachment.bin "$sha" ours.age
  measure stock_open bash -c 'stock_open recipient.txt sender.pub stock.age stock-out'
  rm -rf ours-out
  measure ours_open_fsync "$bench" open recipient.txt sender.pub ours.age ours-out
  measure ours_verify "$bench" verify recipient.txt sender.pub ours.age
  rm -rf stock-out ours-out
done

echo "attachment: ${size_mib} MiB, best of ${rounds} rounds, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "(CPU = user + system seconds of all processes; the stock pipelines run 2-3 processes at once)"
printf '%-18s %8s %8s %8s %10s %13s\n' step "wall s" "wall/st" "CPU s" "CPU/stock" "peak RSS MiB"
for step in stock_seal ours_seal_nosync ours_seal_fsync stock_open ours_open_fsync ours_verify; do
  case $step in *seal*) base=stock_seal ;; *) base=stock_open ;; esac
  printf '%-18s %8s %8s %8s %10s %13s\n' "$step" "$(best $step)" "$(ratio "$(best $step)" "$(best $base)")" \
    "$(best_cpu $step)" "$(ratio "$(best_cpu $step)" "$(best_cpu $base)")" "$(peak $step)"
done
