#!/usr/bin/env bash
# Screenshot of one screen of `safehold --demo` in the real window under
# Xvfb, for docs/screenshots (not a test). Fictional demo data only.
# Usage: xvfb_screenshot.sh /path/to/safehold SCREEN LANGUAGE OUT.png [SETTLE_SECONDS] ["X,Y X,Y…"]
#   SCREEN as --screen takes (report, statistics, case…); LANGUAGE en,
#   zh-Hans or zh-Hant (through LANG, as a first start picks it); the
#   points are clicked (xdotool) in order before the shot.
set -euo pipefail
XVFB_LIB=$(cd "$(dirname "$0")" && pwd)/xvfb_lib.sh
source "$XVFB_LIB"
app=$(realpath "$1")
screen=$2
lang=$3
out=$(realpath -m "$4")
settle=${5:-4}
clicks=${6:-}
skip_unless_installed xvfb-run xwininfo import convert
case "$lang" in
  en) locale=en_US.UTF-8 ;;
  zh-Hans) locale=zh_CN.UTF-8 ;;
  zh-Hant) locale=zh_TW.UTF-8 ;;
  *) echo "unknown language $lang"; exit 2 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"
cat >"$tmp/inner.sh" <<'INNER'
set -u
source "$XVFB_LIB"
start_and_await_window "$APP" --demo --screen "$SCREEN"
await_first_frame "$SHOT"
sleep "$SETTLE"  # the demo vault opens (Argon2id) and the screen fills
for point in $CLICKS; do
  xdotool mousemove "${point%,*}" "${point#*,}" click 1
  sleep 1
done
import -window root "$SHOT"
kill -TERM "$pid"
wait "$pid"
echo "app exit code $?" >"$RESULT"
INNER
run_in_xvfb "$tmp/result" "$tmp/inner.sh" HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" LANG="$locale" \
    APP="$app" SCREEN="$screen" SHOT="$tmp/shot.png" SETTLE="$settle" CLICKS="$clicks"
cat "$tmp/result"
cp "$tmp/shot.png" "$out"
echo "wrote $out"
