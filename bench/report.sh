#!/usr/bin/env bash
# Makes a vault with one case of 200 incidents and 500 evidence items, then
# writes its signed report (A4, English, then Traditional Chinese): prints
# time, pages and peak RSS. Usage: bench/report.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
bin="$build/bench/bench_report"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" setup "$work/vault"
"$bin" write "$work/vault" "$work/report-en.pdf" a4 en
"$bin" write "$work/vault" "$work/report-zh.pdf" letter zh-Hant
