# Shared by the tests that drive the real window under Xvfb
# (xvfb_smoke.sh, xvfb_keyboard_count.sh). Sourced, not run.

# In the outer script: exits 77 (ctest's skip) naming the first of the
# tools given that is not installed.
skip_unless_installed() {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null; then
      echo "SKIP: $tool not installed (packaging/setup-debian.sh installs it)"
      exit 77
    fi
  done
}

# In the script xvfb-run runs: starts the command given in the background
# (its pid in $pid) and waits up to 20 s for the "Safehold" window. If none
# appears, writes "no window (app exit code N)" to $RESULT and exits 0, so
# the outer script can try again on another display.
start_and_await_window() {
  "$@" &
  pid=$!
  local shown=no
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
}

# In the script xvfb-run runs: waits up to 20 s until a screenshot shows
# more than a flat colour (the window can be mapped before its first frame
# is drawn on a busy machine; keys sent before it are lost). SHOT: the file.
await_first_frame() {
  local shot=$1
  for _ in $(seq 1 40); do
    sleep 0.5
    import -window root "$shot"
    [ "$(convert "$shot" -format '%k' info:)" -gt 20 ] && return 0
  done
  return 1
}

# In the outer script: runs `bash INNER` under `xvfb-run -a` at 1280x800
# (or $XVFB_SCREEN, e.g. 1024x640x24) in
# a clean environment with RESULT=RESULT_FILE, XVFB_LIB and the NAME=VALUE
# pairs given; up to three times, as xvfb-run -a can lose a race for a
# display number with another X server starting at the same moment (other
# test runs on this machine). Returns 1 if no attempt showed a window.
# Usage: run_in_xvfb RESULT_FILE INNER NAME=VALUE...
run_in_xvfb() {
  local result=$1 inner=$2
  shift 2
  for attempt in 1 2 3; do
    rm -f "$result"
    env -i PATH="$PATH" RESULT="$result" XVFB_LIB="$XVFB_LIB" "$@" \
        xvfb-run -a -s "-screen 0 ${XVFB_SCREEN:-1280x800x24}" bash "$inner" || true
    if [ -f "$result" ] && ! grep -q '^no window' "$result"; then return 0; fi
    echo "attempt $attempt: $(cat "$result" 2>/dev/null || echo 'Xvfb did not start')"
  done
  return 1
}
