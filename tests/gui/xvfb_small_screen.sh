#!/usr/bin/env bash
# The real window on a 1024x640 screen, at 100 % and at 200 %
# ($SAFEHOLD_UI_SCALE=2, as a HiDPI monitor's content scale): the window
# (asked for at 1280x800, scaled to the monitor) must fit the screen, and
# it must draw. The screens' contents are checked headless at the same size
# (layout_fit.tests.cpp). Screenshots kept in SHOTS_DIR if given.
# Usage: xvfb_small_screen.sh /path/to/safehold [SHOTS_DIR]
set -euo pipefail
XVFB_LIB=$(cd "$(dirname "$0")" && pwd)/xvfb_lib.sh
source "$XVFB_LIB"
app=$(realpath "$1")
shots=${2:-}
skip_unless_installed xvfb-run xwininfo import convert

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"

cat >"$tmp/inner.sh" <<'INNER'
set -u
source "$XVFB_LIB"
start_and_await_window "$APP" --demo --screen "$SCREEN"
await_first_frame "$SHOT"
sleep 1
import -window root "$SHOT"
xwininfo -name Safehold | awk '/Absolute upper-left X/{x=$NF} /Absolute upper-left Y/{y=$NF}
  /Width:/{w=$NF} /Height:/{h=$NF} END{print x, y, w, h}' >"$RESULT.geometry"
kill -TERM "$pid"
wait "$pid"
echo "app exit code $?" >"$RESULT"
INNER

fail=0
for scale in 1 2; do
  for screen in intake settings; do
    XVFB_SCREEN=1024x640x24 run_in_xvfb "$tmp/result" "$tmp/inner.sh" HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" \
        APP="$app" SCREEN="$screen" SAFEHOLD_UI_SCALE="$scale" SHOT="$tmp/shot.png" || true
    [ -f "$tmp/result" ] || { echo "FAIL: Xvfb did not start"; exit 1; }
    read -r x y w h <"$tmp/result.geometry"
    colors=$(convert "$tmp/shot.png" -format '%k' info:)
    echo "scale $scale, $screen: window at $x,$y size ${w}x$h on 1024x640; $colors colours; $(cat "$tmp/result")"
    if [ "$x" -lt 0 ] || [ "$y" -lt 0 ] || [ $((x + w)) -gt 1024 ] || [ $((y + h)) -gt 640 ]; then
      echo "FAIL: the window does not fit the screen"; fail=1
    fi
    [ "$colors" -gt 20 ] || { echo "FAIL: screenshot looks blank"; fail=1; }
    grep -qx 'app exit code 0' "$tmp/result" || { echo "FAIL: app did not exit cleanly"; fail=1; }
    if [ -n "$shots" ]; then cp "$tmp/shot.png" "$shots/small-screen-$screen-scale$scale.png"; fi
  done
done
[ "$fail" -eq 0 ] && echo "PASS"
exit "$fail"
