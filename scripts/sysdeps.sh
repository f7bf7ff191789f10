#!/usr/bin/env bash
# Installs the Debian packages a group needs when they are missing: as root with apt-get,
# otherwise it prints the exact apt-get line to run and fails.
#   groups: runtime (Qt's libraries), test (virtual screen, sound server, tools), cues (speech)
set -euo pipefail

declare -A GROUP
GROUP[runtime]="libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 \
libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 \
libpulse0 libasound2 fonts-dejavu-core alsa-utils mpg123 libglib2.0-bin"
GROUP[test]="xvfb xauth pulseaudio pulseaudio-utils sox poppler-utils imagemagick \
desktop-file-utils appstream dbus-daemon bash-completion zsh fish man-db openbox xdotool x11-utils \
trayer espeak-ng opencv-doc"  # opencv-doc: messi5.jpg and vtest.avi, the camera tests' people
GROUP[cues]="espeak-ng sox"

missing=()
for group in "$@"; do
  for pkg in ${GROUP[$group]}; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
done
((${#missing[@]})) || exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "ptcoach needs these system packages. Run:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
