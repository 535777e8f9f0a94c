#!/usr/bin/env bash
# Backup, verify, restore and wipe of a vault holding one attachment of
# SIZE_MIB (default 1024) with safehold-cli, against `tar -c VAULT | age -r KEY`
# and `age -d | tar -x` of the same folder in the same run. Prints wall time
# and peak RSS (/usr/bin/time -v) of each step and the time ratios.
# The vault's key file gets the CLI's real Argon2id cost (interactive:
# 256 MiB, 3 passes) through `passwd`, so each Safehold step pays one unlock.
# Usage: bench/backup.sh [BUILD_DIR] [SIZE_MIB]
set -euo pipefail
build=${1:-build}
size_mib=${2:-1024}
cli="$build/app/cli/safehold-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'bench\n' > "$work/pass"
printf 'bench-passphrase-real-cost\n' > "$work/pass2"

head -c "$((size_mib << 20))" /dev/urandom > "$work/input.bin"
"$build/bench/bench_storage_attachment" import "$work/vault" "$work/input.bin" > /dev/null
rm "$work/input.bin"
"$cli" --vault "$work/vault" --passphrase-file "$work/pass" --new-passphrase-file "$work/pass2" passwd --kdf interactive 2> /dev/null
sync

# run LABEL CMD...: prints "LABEL: S s, peak RSS M MiB" and sets $secs.
run() {
  local label=$1
  shift
  /usr/bin/time -v "$@" 2> "$work/time.txt" > /dev/null
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time.txt")
  local rss_kib
  rss_kib=$(awk '/Maximum resident set size/ {print $NF}' "$work/time.txt")
  printf '%-28s %7.2f s  peak RSS %5d MiB\n' "$label:" "$secs" "$((rss_kib / 1024))"
}

echo "vault: $(du -sm "$work/vault" | cut -f1) MiB ($size_mib MiB attachment)"
age-keygen -o "$work/age.key" 2> /dev/null
recipient=$(age-keygen -y "$work/age.key")

run "safehold backup" "$cli" --vault "$work/vault" --passphrase-file "$work/pass2" backup -o "$work/vault.shbackup"
t_backup=$secs
run "tar -c | age -r" sh -c "tar -c -C '$work' vault | age -r $recipient > '$work/vault.tar.age'"
t_tar=$secs
run "safehold backup verify" "$cli" --vault "$work/none" --passphrase-file "$work/pass2" backup verify "$work/vault.shbackup"
sync
run "safehold restore" "$cli" --vault "$work/restored" --passphrase-file "$work/pass2" restore "$work/vault.shbackup"
t_restore=$secs
mkdir "$work/untar"
run "age -d | tar -x" sh -c "age -d -i '$work/age.key' '$work/vault.tar.age' | tar -x -C '$work/untar'"
t_untar=$secs
echo "sizes: backup $(du -m "$work/vault.shbackup" | cut -f1) MiB, tar.age $(du -m "$work/vault.tar.age" | cut -f1) MiB"
awk -v a="$t_backup" -v b="$t_tar" -v c="$t_restore" -v d="$t_untar" \
  'BEGIN { printf "ratio backup/tar|age: %.2f   restore/age|tar: %.2f\n", (b > 0 ? a / b : 0), (d > 0 ? c / d : 0) }'
sync
run "safehold wipe ($size_mib MiB vault)" "$cli" --vault "$work/restored" wipe --yes --i-accept-data-loss
"$cli" --vault "$work/vault" wipe --yes --i-accept-data-loss 2> /dev/null | sed 's/^/wipe of the original: /'
