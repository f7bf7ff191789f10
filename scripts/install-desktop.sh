#!/usr/bin/env bash
# Installs the launcher, icons and AppStream metainfo into the user's XDG folders.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${XDG_DATA_HOME:-$HOME/.local/share}"
exe="$(pwd)/.venv/bin/ptcoach"
mkdir -p "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps"
sed "s|^Exec=ptcoach|Exec=$exe|" resources/desktop/io.github.ptcoach.PTCoach.desktop \
  > "$data/applications/io.github.ptcoach.PTCoach.desktop"
cp resources/desktop/io.github.ptcoach.PTCoach.metainfo.xml "$data/metainfo/"
cp assets/icons/ptcoach.svg "$data/icons/hicolor/scalable/apps/ptcoach.svg"
for png in assets/icons/hicolor/*/apps/ptcoach.png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  mkdir -p "$data/icons/hicolor/$size/apps"
  cp "$png" "$data/icons/hicolor/$size/apps/ptcoach.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Installed ptcoach's launcher into $data"
