# Sourced by bench/bundle.sh and bench/exchange_1gib.sh: measuring a step
# under /usr/bin/time -v, the stock pipeline that seals and opens a
# bundle-shaped file, and the summary helpers. Works in the current folder
# (results.txt, time.txt, log.txt).

# measure LABEL COMMAND...: appends "LABEL wall_s peak_rss_kib cpu_s" to
# results.txt (CPU = user + system of the command and all its children).
measure() {
  local label=$1; shift
  sync
  /usr/bin/time -v -o time.txt "$@" >/dev/null 2>>log.txt || { cat log.txt >&2; return 1; }
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' time.txt)
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' time.txt)
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' time.txt)
  printf '%s %s %s %s\n' "$label" "$wall" "$rss" "$cpu" >> results.txt
}

# stock_seal STAGE SECRET_KEY RECIPIENT OUT: sha256sum of the files under
# STAGE (cases/, attachments/, audit/), minisign -S of SHA256SUMS, then
# tar | age -r (piped: no plaintext tar on disk). The manifest is a stand-in.
stock_seal() {
  local key out
  key=$(realpath "$2"); out=$(realpath "$4")
  (
    cd "$1" || exit 1
    files=$(for d in cases attachments audit; do if [ -d "$d" ]; then find "$d" -type f; fi; done | LC_ALL=C sort)
    printf '{"bundle_id":"%s"}\n' "$(cat /proc/sys/kernel/random/uuid)" > manifest.json
    sha256sum manifest.json $files > SHA256SUMS &&
      minisign -S -s "$key" -m SHA256SUMS -x SHA256SUMS.minisig -t "safehold-bundle v1" >/dev/null &&
      tar --format=pax --no-recursion -cf - manifest.json SHA256SUMS SHA256SUMS.minisig $files \
        | age -r "$3" -o "$out"
  )
}

# stock_open IDENTITY PUBLIC_KEY BUNDLE OUT_DIR: age -d | tar -x into OUT_DIR,
# minisign -V, sha256sum -c.
stock_open() {
  local id pub bundle
  id=$(realpath "$1"); pub=$(realpath "$2"); bundle=$(realpath "$3")
  rm -rf "$4" && mkdir "$4" &&
    age -d -i "$id" "$bundle" | tar -xf - -C "$4" &&
    (cd "$4" && minisign -Vm SHA256SUMS -p "$pub" -q && sha256sum -c --quiet SHA256SUMS)
}
export -f stock_seal stock_open

# Summaries over results.txt: best wall and CPU of a label, a ratio ("-"
# without a base), the peak RSS in MiB over all runs of a label.
best() { awk -v l="$1" '$1==l {if (!m || $2<m) m=$2} END {print m}' results.txt; }
best_cpu() { awk -v l="$1" '$1==l {if (!m || $4<m) m=$4} END {print m}' results.txt; }
ratio() { if [ -z "$2" ]; then echo -; else awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; fi; }
peak() { awk -v l="$1" '$1==l {if ($3>m) m=$3} END {printf "%.1f", m/1024}' results.txt; }
