#!/usr/bin/env bash
# Installs every Debian 12 package that Safehold's build, app, tests,
# benchmarks and fuzzers use, and fetches the Dear ImGui source the GUI is
# built from (see fetch_imgui below). Idempotent: quiet when everything is present.
set -euo pipefail

BACKPORTS_PKGS=(libsqlcipher-dev catch2)
PKGS=(
  build-essential cmake ninja-build pkg-config git
  libsodium-dev libarchive-dev nlohmann-json3-dev libcli11-dev
  libzxcvbn-dev libqrencode-dev libcairo2-dev libpango1.0-dev
  libfontconfig1-dev libfribidi-dev zlib1g-dev
  libglfw3-dev libgl-dev libfreetype-dev
  fonts-noto-cjk fonts-noto-core fonts-dejavu-core
  age minisign
  xvfb xauth imagemagick x11-utils xdotool debian-archive-keyring
  clang-14 libfuzzer-14-dev libclang-rt-14-dev lld
  time python3 strace poppler-utils
  help2man librsvg2-bin lintian mmdebstrap
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

# Dear ImGui 1.90.1 (32-bit ImWchar, keyboard navigation of every widget,
# input queue) is built by the project from Debian 13's source package: no
# Debian 13 binary is installed. apt fetches it with a private configuration
# (deb-src trixie only, never added to the system's sources) and checks it:
# the InRelease signature against the Debian archive keyring, then the
# Sources index hashes, then the .dsc/.orig.tar.xz hashes. The pinned SHA-256
# below is a second check. Only the upstream tarball is unpacked (the debian/
# part merely adds a Makefile); the result lives in third_party/, ignored by git.
IMGUI_DEB_VERSION=1.90.1+ds-1
IMGUI_ORIG=imgui_1.90.1+ds.orig.tar.xz
IMGUI_ORIG_SHA256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IMGUI_DIR="$REPO_ROOT/third_party/imgui-1.90.1"

fetch_imgui() {
  [ -f "$IMGUI_DIR/.safehold-verified" ] && return 0
  echo "safehold setup: fetching Dear ImGui $IMGUI_DEB_VERSION source (Debian 13)" >&2
  local work
  work=$(mktemp -d)
  trap 'rm -rf "$work"; trap - RETURN' RETURN
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/etc" "$work/src"
  # apt downloads as the unprivileged _apt user when run as root.
  chmod 0755 "$work"
  if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$work/src"; fi
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    >"$work/etc/trixie.sources"
  local apt_opts=(-o Dir::Etc::sourcelist=/dev/null -o "Dir::Etc::sourceparts=$work/etc"
                  -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -qq)
  apt-get "${apt_opts[@]}" update >/dev/null
  (cd "$work/src" && apt-get "${apt_opts[@]}" source --download-only "imgui=$IMGUI_DEB_VERSION" >/dev/null)
  echo "$IMGUI_ORIG_SHA256  $work/src/$IMGUI_ORIG" | sha256sum --check --quiet -
  rm -rf "$IMGUI_DIR.partial"
  mkdir -p "$IMGUI_DIR.partial"
  tar -xJf "$work/src/$IMGUI_ORIG" -C "$IMGUI_DIR.partial" --strip-components=1
  echo "$IMGUI_DEB_VERSION $IMGUI_ORIG_SHA256" >"$IMGUI_DIR.partial/.safehold-verified"
  rm -rf "$IMGUI_DIR"
  mv "$IMGUI_DIR.partial" "$IMGUI_DIR"
}

if [ ${#missing[@]} -eq 0 ]; then
  fetch_imgui
  exit 0
fi

echo "safehold setup: installing ${missing[*]}" >&2
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo 'deb http://deb.debian.org/debian bookworm-backports main' |
    "${SUDO[@]}" tee /etc/apt/sources.list.d/safehold-backports.list >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PKGS[@]}" >/dev/null
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends -t bookworm-backports "${BACKPORTS_PKGS[@]}" >/dev/null
fetch_imgui
