#!/usr/bin/env bash
# Export and import of a case with one large attachment through the real
# safehold-cli, beside the stock pipeline doing the same work, in the same
# run; prints wall and CPU times, ratios and peak RSS (/usr/bin/time -v).
# Goal: ours no slower than stock, peak RSS under 64 MiB.
#
#   bench/exchange_1gib.sh [BUILD_DIR] [SIZE_MIB] [ROUNDS]   (defaults: build 1024 1)
#   STOCK=0 bench/exchange_1gib.sh build 4096                (ours only: constant memory)
#
# Needs about 5 x SIZE_MIB of free space in ${TMPDIR:-/var/tmp} (not a
# tmpfs: the files would count as memory). The attachment is random data
# (SPARSE=1: a sparse file of zeros, quicker to make); everything is removed at
# exit.
#
# Vaults: two (caseworker, NGO) made by bench_exchange_vault with cheap
# Argon2id parameters, so RSS is the bundle work (a real vault's unlock spends
# 256 MiB on Argon2id first); cards exchanged and verified with the CLI.
#
# ours export: safehold-cli export (consent check, records, the attachment
#   decrypted from the vault and re-hashed while it is sealed, fsync, rename,
#   audit).
# stock export: sha256sum of the files, minisign -S of SHA256SUMS,
#   tar | age -r (piped: no plaintext tar on disk), from a plaintext folder.
# ours import: safehold-cli import (every check of bundle-v1.md 8 and 11, the
#   attachment re-encrypted into the vault as it streams, fsync, one commit).
#   ours verify: safehold-cli verify (the same checks, nothing kept).
# stock import: age -d | tar -x, minisign -V, sha256sum -c.
set -euo pipefail
. "$(dirname "$(realpath "${BASH_SOURCE[0]}")")/stock_pipeline.sh"
build=$(realpath "${1:-build}")
size_mib=${2:-1024}
rounds=${3:-1}
cli="$build/app/cli/safehold-cli"
mkvault="$build/bench/bench_exchange_vault"
for b in "$cli" "$mkvault"; do [ -x "$b" ] || { echo "no $b (build the release preset)"; exit 1; }; done

work=$(mktemp -d -p "${TMPDIR:-/var/tmp}" safehold-exbench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf 'bench passphrase\n' > pass
sender() { "$cli" --vault sender --passphrase-file pass "$@"; }
ngo() { "$cli" --vault "ngo$round" --passphrase-file pass "$@"; }

if [ "${SPARSE:-0}" = 1 ]; then truncate -s "${size_mib}M" attachment.bin
else head -c "${size_mib}M" /dev/urandom > attachment.bin; fi

# The caseworker's vault: one case with consent and the attachment.
"$mkvault" sender "Caseworker" pass
case_id=$(sender case new --title "Exchange bench")
sender consent record "$case_id" --method oral-noted --scope all=yes >/dev/null
sender incident add "$case_id" --tactic D1 --narrative "bench" >/dev/null
: > results.txt
measure intake_attachment_add "$cli" --vault sender --passphrase-file pass attachment add "$case_id" attachment.bin

# The stock sender's plaintext folder (what a stock pipeline starts from).
minisign -G -W -p stock.pub -s stock.key >/dev/null
age-keygen -o stock-ngo.txt 2>/dev/null
stock_recipient=$(age-keygen -y stock-ngo.txt)
evidence_id=$(sender attachment list "$case_id" | cut -f2)
mkdir -p "stage/cases/$case_id" stage/attachments
for id in $(sender record list --case "$case_id" | cut -f1) "$case_id"; do
  sender record show "$id" --json > "stage/cases/$case_id/$id.json"
done
ln attachment.bin "stage/attachments/$evidence_id"

for round in $(seq "$rounds"); do
  # A fresh NGO vault per round (an imported bundle cannot be imported again).
  rm -rf "ngo$round" ours.age
  "$mkvault" "ngo$round" "NGO" pass
  ngo identity export-card -o ngo.card 2>/dev/null
  contact=$(sender contact add --card ngo.card --kind ngo 2>/dev/null)
  sender contact verify "$contact" --method in-person >/dev/null 2>&1
  sender identity export-card -o sender.card --force 2>/dev/null
  back=$(ngo contact add --card sender.card 2>/dev/null)
  ngo contact verify "$back" --method in-person >/dev/null 2>&1

  if [ "${STOCK:-1}" = 1 ]; then measure stock_export bash -c 'stock_seal stage stock.key "$0" stock.age' "$stock_recipient"; fi
  measure ours_export "$cli" --vault sender --passphrase-file pass export --case "$case_id" --to "$contact" -o ours.age
  if [ "${STOCK:-1}" = 1 ]; then measure stock_import bash -c 'stock_open stock-ngo.txt stock.pub stock.age stock-out'; rm -rf stock-out; fi
  measure ours_verify "$cli" --vault "ngo$round" --passphrase-file pass verify ours.age
  measure ours_import "$cli" --vault "ngo$round" --passphrase-file pass import ours.age
  # The import must have worked: the attachment is in the NGO's vault.
  ngo attachment list "$case_id" | grep -q "$evidence_id" || { echo "import did not bring the attachment"; exit 1; }
  sender contact remove "$contact" >/dev/null 2>&1 || true
  rm -rf "ngo$round"
done

echo "attachment: ${size_mib} MiB$([ "${SPARSE:-0}" = 1 ] && echo ' (sparse zeros)'), best of ${rounds} round(s)," \
  "$(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), bundle $(stat -c %s ours.age 2>/dev/null || echo '?') bytes"
echo "(CPU = user + system seconds of all processes; the stock pipelines run 2-3 processes at once)"
printf '%-22s %8s %8s %8s %10s %13s\n' step "wall s" "wall/st" "CPU s" "CPU/stock" "peak RSS MiB"
for step in intake_attachment_add stock_export ours_export stock_import ours_verify ours_import; do
  [ -n "$(best $step)" ] || continue
  case $step in *export*) base=stock_export ;; *import*|*verify*) base=stock_import ;; *) base=none ;; esac
  printf '%-22s %8s %8s %8s %10s %13s\n' "$step" "$(best $step)" "$(ratio "$(best $step)" "$(best $base)")" \
    "$(best_cpu $step)" "$(ratio "$(best_cpu $step)" "$(best_cpu $base)")" "$(peak $step)"
done
