#!/usr/bin/env bash
# Writes manifest.json in the canonical layout of schema/bundle-v1.md 4.2 with
# nothing but shell and coreutils, for the files under cases/, attachments/,
# notices/ and audit/ of the current folder. Inputs (environment):
#   bundle_id created app_version name sender_pub sender_age recipients cases
#   format_version (optional, default 1; 2 for a bundle with notices/)
# recipients and cases: space-separated, already sorted (LC_ALL=C).
# name: plain text without '"' or '\' (this script does not escape).
set -euo pipefail
export LC_ALL=C

key_line=$(sed -n 2p "$sender_pub")
# Key id: bytes 2..9 of the decoded key line, printed as a little-endian
# 64-bit number in 16 upper-case hex digits (minisign's own way).
key_id=""
for b in $(printf '%s' "$key_line" | base64 -d | od -An -tx1 -j2 -N8); do key_id="$b$key_id"; done
key_id=$(printf '%s' "$key_id" | tr a-f A-F)

array() {  # array <indent> <items…>: one quoted string per line
  local indent=$1; shift
  local first=1
  for item in "$@"; do
    [ $first = 1 ] || printf ',\n'
    printf '%s  "%s"' "$indent" "$item"
    first=0
  done
  printf '\n'
}

files=$(for d in cases notices attachments audit; do
          if [ -d "$d" ]; then find "$d" -type f | sort; fi
        done)

{
  printf '{\n'
  printf '  "app_version": "%s",\n' "$app_version"
  printf '  "bundle_id": "%s",\n' "$bundle_id"
  printf '  "cases": [\n'; array '  ' $cases; printf '  ],\n'
  printf '  "created": "%s",\n' "$created"
  if [ -z "$files" ]; then printf '  "files": [],\n'; else
  printf '  "files": [\n'
  first=1
  for f in $files; do
    [ $first = 1 ] || printf ',\n'
    first=0
    printf '    {\n'
    printf '      "path": "%s",\n' "$f"
    printf '      "sha256": "%s",\n' "$(sha256sum "$f" | cut -d' ' -f1)"
    printf '      "size": %s\n' "$(stat -c %s "$f")"
    printf '    }'
  done
  printf '\n  ],\n'
  fi
  printf '  "format_version": %s,\n' "${format_version:-1}"
  printf '  "recipients": [\n'; array '  ' $recipients; printf '  ],\n'
  printf '  "sender": {\n'
  printf '    "age_recipient": "%s",\n' "$sender_age"
  printf '    "minisign_key_id": "%s",\n' "$key_id"
  printf '    "minisign_public_key": "%s",\n' "$key_line"
  printf '    "name": "%s"\n' "$name"
  printf '  }\n'
  printf '}\n'
} > manifest.json
