#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Safehold and launches the desktop app.
# Extra arguments go to the app (e.g. --demo for a throw-away sample vault).
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target safehold safehold-cli
exec ./build/app/gui/safehold "$@"
