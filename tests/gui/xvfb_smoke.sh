#!/usr/bin/env bash
# Smoke test of the real window: starts `safehold --demo` under Xvfb, waits
# for its window, takes a screenshot, checks it is not blank, asks the app to
# quit (SIGTERM) and checks it exited cleanly, deleted its demo folder and
# wrote no file anywhere else (HOME, XDG dirs and the working folder are
# fresh, empty folders), and checks the running app's umask is 077.
# Usage: xvfb_smoke.sh /path/to/safehold [screenshot.png]
set -euo pipefail
app=$1
keep_shot=${2:-}
for tool in xvfb-run xwininfo import convert; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool not installed (packaging/setup-debian.sh installs it)"
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/run" "$tmp/cwd"
chmod 700 "$tmp/run"

cat >"$tmp/inner.sh" <<'INNER'
set -u
"$APP" --demo &
pid=$!
shown=no
for _ in $(seq 1 100); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"Safehold"'; then shown=yes; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
if [ "$shown" = no ]; then
  kill -TERM "$pid" 2>/dev/null
  wait "$pid"
  echo "no window (app exit code $?)" >"$RESULT"
  exit 0
fi
# The window can be mapped before its first frame is drawn (busy machine):
# take screenshots until one shows more than a flat colour, for up to 20 s.
for _ in $(seq 1 40); do
  sleep 0.5
  import -window root "$SHOT"
  [ "$(convert "$SHOT" -format '%k' info:)" -gt 20 ] && break
done
# core::start_process() ran in the real app: every file it makes is private.
grep '^Umask:' "/proc/$pid/status" >"$RESULT.umask" 2>/dev/null
kill -TERM "$pid"
wait "$pid"
echo "app exit code $?" >"$RESULT"
INNER

cd "$tmp/cwd"
# xvfb-run -a can lose a race for a display number with another X server
# starting at the same moment (other test runs on this machine): retry then.
for attempt in 1 2 3; do
  rm -f "$tmp/result"
  env -i PATH="$PATH" HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" \
      APP="$app" SHOT="$tmp/shot.png" RESULT="$tmp/result" \
      xvfb-run -a -s "-screen 0 1280x800x24" bash "$tmp/inner.sh" || true
  if [ -f "$tmp/result" ] && ! grep -q '^no window' "$tmp/result"; then break; fi
  echo "attempt $attempt: $(cat "$tmp/result" 2>/dev/null || echo 'Xvfb did not start')"
done
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
