#!/usr/bin/env bash
# Smoke test of the real window: starts `safehold --demo` under Xvfb, waits
# for its window, takes a screenshot, checks it is not blank, asks the app to
# quit (SIGTERM) and checks it exited cleanly, deleted its demo folder and
# wrote no file anywhere else (HOME, XDG dirs and the working folder are
# fresh, empty folders), and checks the running app's umask is 077.
# Usage: xvfb_smoke.sh /path/to/safehold [screenshot.png]
set -euo pipefail
XVFB_LIB=$(cd "$(dirname "$0")" && pwd)/xvfb_lib.sh
source "$XVFB_LIB"
app=$(realpath "$1")
keep_shot=${2:-}
skip_unless_installed xvfb-run xwininfo import convert

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/run" "$tmp/cwd"
chmod 700 "$tmp/run"

cat >"$tmp/inner.sh" <<'INNER'
set -u
source "$XVFB_LIB"
start_and_await_window "$APP" --demo
await_first_frame "$SHOT"
# core::start_process() ran in the real app: every file it makes is private.
grep '^Umask:' "/proc/$pid/status" >"$RESULT.umask" 2>/dev/null
kill -TERM "$pid"
wait "$pid"
echo "app exit code $?" >"$RESULT"
INNER

cd "$tmp/cwd"
run_in_xvfb "$tmp/result" "$tmp/inner.sh" HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" \
    APP="$app" SHOT="$tmp/shot.png" || true
[ -f "$tmp/result" ] || { echo "FAIL: Xvfb did not start"; exit 1; }

cat "$tmp/result"
grep -qx 'app exit code 0' "$tmp/result" || { echo "FAIL: app did not exit cleanly"; exit 1; }
[ -s "$tmp/shot.png" ] || { echo "FAIL: no screenshot"; exit 1; }
grep -q '0077' "$tmp/result.umask" || { echo "FAIL: the app's umask is not 077: $(cat "$tmp/result.umask")"; exit 1; }
colors=$(convert "$tmp/shot.png" -format '%k' info:)
echo "screenshot has $colors colours"
[ "$colors" -gt 20 ] || { echo "FAIL: screenshot looks blank"; exit 1; }
if [ -n "$keep_shot" ]; then cp "$tmp/shot.png" "$keep_shot"; fi

leftover=$(find "$tmp/home" "$tmp/run" "$tmp/cwd" -mindepth 1 | head -20)
if [ -n "$leftover" ]; then
  echo "FAIL: files written outside a vault:"
  echo "$leftover"
  exit 1
fi
echo "PASS"
