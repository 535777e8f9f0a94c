#!/usr/bin/env bash
# Builds the Debian package and tests it as an IT contact would meet it:
#   1. the release build's programs, icons, man pages -> cpack -> .deb;
#      lintian must report no error, the AppStream metainfo must validate;
#   2. a fresh Debian 12 root (mmdebstrap: the base system and apt, with
#      bookworm-backports for SQLCipher 4.6) gets `apt install ./safehold.deb`
#      without Recommends, so only the Depends dpkg-shlibdeps derived are
#      there, and no source tree;
#   3. in that root, as an unprivileged user (nobody): safehold-cli
#      --version (--help until --version exists), a vault round trip (init,
#      case new, case list), man pages readable, and `safehold --demo` in a
#      real window on an Xvfb display of the host, screenshotted;
#   4. `apt purge safehold` leaves none of its files behind; the root is
#      deleted.
# Run as root (chroot). Needs the Debian archive. Caches only inside
# build/deb-test/: the base root (base.tar) and downloaded packages
# (archives/); delete that folder to start from nothing.
# Usage: packaging/test-deb.sh [--skip-setup]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
[ "${1:-}" = --skip-setup ] || ./packaging/setup-debian.sh
[ "$(id -u)" -eq 0 ] || { echo "test-deb: needs root (chroot, mount)"; exit 1; }
step() { printf '\n== test-deb: %s (%ss) ==\n' "$*" "$SECONDS"; }

step "package"
cmake --preset release -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON >/dev/null
cmake --build --preset release -j"$(nproc)" --target safehold safehold-cli \
    safehold_icons safehold_man_pages safehold_changelog
rm -f build/safehold_*.deb
(cd build && cpack >/dev/null)
deb=$(ls build/safehold_*.deb)
dpkg-deb --field "$deb" Package Version Depends
lint_rc=0
lintian --fail-on error "$deb" >build/lintian.log 2>&1 || lint_rc=$?
grep -v 'running with root privileges' build/lintian.log || true
[ "$lint_rc" -eq 0 ] || { echo "FAIL: lintian reports errors"; exit 1; }
appstreamcli validate --no-net packaging/deb/invalid.safehold.Safehold.metainfo.xml

work=$repo/build/deb-test
root=$work/root
mkdir -p "$work/archives" "$work/tmp"
export TMPDIR=$work/tmp
if [ ! -s "$work/base.tar" ]; then
  step "base root (mmdebstrap, cached in $work/base.tar)"
  mirror=http://deb.debian.org/debian
  mmdebstrap --variant=apt --mode=root --format=tar --skip=cleanup/apt/lists bookworm "$work/base.tar.partial" \
      "deb $mirror bookworm main" "deb $mirror bookworm-updates main" \
      "deb http://deb.debian.org/debian-security bookworm-security main" \
      "deb $mirror bookworm-backports main" >"$work/mmdebstrap.log" 2>&1 ||
    { tail -20 "$work/mmdebstrap.log"; echo "FAIL: mmdebstrap"; exit 1; }
  mv "$work/base.tar.partial" "$work/base.tar"
fi

# Every mount under the root is undone before the root is deleted, and rm
# never crosses into another file system (the host's X socket folder).
cleanup() {
  for m in tmp/.X11-unix proc; do
    if mountpoint -q "$root/$m"; then umount "$root/$m" || umount -l "$root/$m"; fi
  done
  if [ -d "$root" ]; then
    if findmnt -rn -o TARGET | grep -q "^$root"; then
      echo "test-deb: $root still has mounts; not deleting it"
    else
      rm -rf --one-file-system "$root"
    fi
  fi
}
trap cleanup EXIT
cleanup

step "install into a fresh root"
mkdir -p "$root"
tar -xf "$work/base.tar" -C "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/safehold.deb"
cp -n "$work/archives/"*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 "$@"; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    /tmp/safehold.deb >"$work/apt-install.log" 2>&1 ||
  { tail -30 "$work/apt-install.log"; echo "FAIL: apt install ./safehold.deb"; exit 1; }
cp -n "$root/var/cache/apt/archives/"*.deb "$work/archives/" 2>/dev/null || true
grep -c '^Setting up' "$work/apt-install.log" | sed 's/^/packages set up: /'
[ ! -e "$root$repo" ] || { echo "FAIL: the source tree is visible in the root"; exit 1; }

step "the CLI as an unprivileged user"
mkdir -p "$root/tmp/home"
chown 65534:65534 "$root/tmp/home"
as_user() { chroot --userspec=65534:65534 "$root" env -i PATH=/usr/bin:/bin HOME=/tmp/home LC_ALL=C.UTF-8 "$@"; }
if as_user safehold-cli --version; then :; else
  echo "(no --version yet: --help instead)"
  help=$(as_user safehold-cli --help) || { echo "FAIL: the installed safehold-cli does not run"; exit 1; }
  head -1 <<<"$help"
fi
pass='correct horse battery staple 42 Safehold'
printf '%s\n' "$pass" | as_user safehold-cli --new-passphrase-file - init --name "Deb Test" >/dev/null
case_id=$(printf '%s\n' "$pass" | as_user safehold-cli --passphrase-file - case new --title "Installed package round trip" |
          awk '{print $1}')
listed=$(printf '%s\n' "$pass" | as_user safehold-cli --passphrase-file - case list)
echo "$listed"
grep -q "^$case_id[[:space:]].*Installed package round trip" <<<"$listed" ||
  { echo "FAIL: the case made by the installed CLI is not listed"; exit 1; }
for page in safehold safehold-cli; do
  zcat "$root/usr/share/man/man1/$page.1.gz" | grep -q '^\.SH' || { echo "FAIL: man page $page"; exit 1; }
done

step "safehold --demo under Xvfb (screenshot: build/deb-test/safehold-demo.png)"
source tests/gui/xvfb_lib.sh
XVFB_LIB=$repo/tests/gui/xvfb_lib.sh
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
mkdir -p "$root/tmp/run" && chown 65534:65534 "$root/tmp/run" && chmod 700 "$root/tmp/run"
cat >"$work/inner.sh" <<'INNER'
set -u
source "$XVFB_LIB"
install -m 0644 "$XAUTHORITY" "$ROOT/tmp/Xauthority"
start_and_await_window chroot --userspec=65534:65534 "$ROOT" env -i PATH=/usr/bin:/bin \
    HOME=/tmp/home XDG_RUNTIME_DIR=/tmp/run DISPLAY="$DISPLAY" XAUTHORITY=/tmp/Xauthority \
    safehold --demo
await_first_frame "$SHOT"
kill -TERM "$pid"
wait "$pid"
echo "app exit code $?" >"$RESULT"
INNER
rm -f "$work/safehold-demo.png"
run_in_xvfb "$work/result" "$work/inner.sh" ROOT="$root" SHOT="$work/safehold-demo.png" || true
cat "$work/result" 2>/dev/null || true
grep -qx 'app exit code 0' "$work/result" || { echo "FAIL: the installed app did not run cleanly"; exit 1; }
colors=$(convert "$work/safehold-demo.png" -format '%k' info:)
echo "screenshot has $colors colours"
[ "$colors" -gt 20 ] || { echo "FAIL: screenshot looks blank"; exit 1; }
umount "$root/tmp/.X11-unix"

step "remove"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q safehold >"$work/apt-purge.log" 2>&1 ||
  { tail -20 "$work/apt-purge.log"; echo "FAIL: apt purge safehold"; exit 1; }
left=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$' |
       while read -r f; do [ ! -e "$root$f" ] || echo "$f"; done)
[ -z "$left" ] || { echo "FAIL: left after purge: $left"; exit 1; }
echo "purged: no file of the package is left"
echo
echo "test-deb: PASS (${SECONDS}s)"
