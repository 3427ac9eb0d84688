#!/usr/bin/env bash
# Installs the project (if needed) and starts the desktop app on the demo event, or on the
# folders/photos given as arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

# Qt's X11 plugin needs a few xcb libraries that a fresh Debian/Ubuntu lacks.
XCB_PACKAGES="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0 libxkbcommon-x11-0 libxkbcommon0
  libegl1 libgl1 libfontconfig1 libdbus-1-3"
missing_xcb_libraries() {
  local plugin
  plugin=$(.venv/bin/python -c 'import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / "Qt/plugins/platforms/libqxcb.so")')
  { ldd "$plugin" 2>/dev/null | grep -q "not found"; } && return 0
  # Qt loads libxcb-cursor at run time, so ldd does not list it.
  { ldconfig -p 2>/dev/null | grep -q "libxcb-cursor.so.0"; } || return 0
  return 1
}

if [ "${QT_QPA_PLATFORM:-}" != "offscreen" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if [ -z "${DISPLAY:-}" ]; then
    echo "No screen found (DISPLAY is not set): start the app from a desktop session." >&2
    exit 1
  fi
  if missing_xcb_libraries; then
    if command -v apt-get >/dev/null; then
      sudo_cmd=""
      [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
      echo "Installing the X11 libraries Qt needs (once): $XCB_PACKAGES" | tr -s ' \n' ' ' >&2; echo >&2
      $sudo_cmd apt-get update -qq
      # shellcheck disable=SC2086
      DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq $XCB_PACKAGES >/dev/null
    else
      echo "Qt needs these X11 libraries; install them with your package manager:" $XCB_PACKAGES >&2
      exit 1
    fi
  fi
fi
# Without a folder or photo: the demo event, with its own demo register (never the real one).
if [ "$#" -eq 0 ]; then
  exec .venv/bin/spoenk-publisher gui --demo
fi
exec .venv/bin/spoenk-publisher gui "$@"
