#!/usr/bin/env bash
# Installs every Debian 12 package that Safehold's build, app, tests,
# benchmarks and fuzzers use. Idempotent: quiet when everything is present.
set -euo pipefail

BACKPORTS_PKGS=(libsqlcipher-dev catch2)
PKGS=(
  build-essential cmake ninja-build pkg-config git
  libsodium-dev libarchive-dev nlohmann-json3-dev libcli11-dev
  libzxcvbn-dev libqrencode-dev libcairo2-dev libpango1.0-dev
  libfontconfig1-dev zlib1g-dev
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libfreetype-dev
  fonts-noto-cjk fonts-noto-core
  age minisign
  xvfb xauth imagemagick x11-utils
  clang-14 libfuzzer-14-dev libclang-rt-14-dev
  time python3 strace
)

SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi

missing=()
for p in "${PKGS[@]}" "${BACKPORTS_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# SQLCipher must be the 4.6 series from backports, not bookworm's 3.4.1.
if dpkg-query -W -f='${Version}' libsqlcipher-dev 2>/dev/null | grep -qv '^4\.'; then
  missing+=(libsqlcipher-dev)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "safehold setup: installing ${missing[*]}" >&2
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo 'deb http://deb.debian.org/debian bookworm-backports main' |
    "${SUDO[@]}" tee /etc/apt/sources.list.d/safehold-backports.list >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PKGS[@]}" >/dev/null
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends -t bookworm-backports "${BACKPORTS_PKGS[@]}" >/dev/null
