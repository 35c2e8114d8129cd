#!/bin/sh
# Build the .deb from the PyInstaller bundle: the program under /opt/chushang-desk, a menu entry, the icon
# in the hicolor theme and /usr/bin/chushang-desk for the headless commands. Removing the package removes
# all of it; officers' profiles (~/.local/share/chushang-desk) are theirs and stay.
# Usage: sh installer/linux/build-deb.sh [BUNDLE_DIR] [ICON_DIR] [OUT_DIR]
set -eu
cd "$(dirname "$0")/../.."
bundle=${1:-dist/chushang-desk}
icons=${2:-build/icons}
out=${3:-dist}
[ -x "$bundle/chushang-desk" ] || { echo "no bundle in $bundle: run make installer" >&2; exit 1; }
version=$("$bundle/chushang-desk" --version | sed -n 's/^chushang-desk \([^ ]*\).*/\1/p')
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" "$stage/DEBIAN"
cp -a "$bundle" "$stage/opt/chushang-desk"
ln -s /opt/chushang-desk/chushang-desk "$stage/usr/bin/chushang-desk"
install -m 0644 installer/linux/chushang-desk.desktop "$stage/usr/share/applications/chushang-desk.desktop"
for size in 16 24 32 48 64 128 256; do
  dir="$stage/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  install -m 0644 "$icons/app-$size.png" "$dir/chushang-desk.png"
done
mkdir -p "$stage/usr/share/icons/hicolor/scalable/apps"
install -m 0644 "$icons/app.svg" "$stage/usr/share/icons/hicolor/scalable/apps/chushang-desk.svg"

size_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
# The libraries Qt's xcb and Wayland plugins load from the system (the Makefile's APT_RUN) and a CJK font.
cat > "$stage/DEBIAN/control" <<CONTROL
Package: chushang-desk
Version: $version
Architecture: $arch
Maintainer: Chushang Desk maintainers <chushang-desk@localhost>
Installed-Size: $size_kb
Section: misc
Priority: optional
Depends: libc6, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libdbus-1-3, libglib2.0-0,
 libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0,
 libxcb-render0, libxcb-render-util0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-xfixes0, libxcb-xkb1
Recommends: fonts-noto-cjk
Description: Chushang Desk (楚商联络台), the liaison officers' desktop client
 Directory of Hubei-born merchants, alumni and talents, visit log with follow-ups, referrals and the
 visit-log export; works offline and syncs with the central server.
CONTROL
# The menu and icon caches, where the desktop has them (no error where it has not).
for script in postinst postrm; do
  cat > "$stage/DEBIAN/$script" <<'SCRIPT'
#!/bin/sh
set -e
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
exit 0
SCRIPT
  chmod 0755 "$stage/DEBIAN/$script"
done
mkdir -p "$out"
deb="$out/chushang-desk_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "$deb"
