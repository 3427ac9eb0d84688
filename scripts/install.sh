#!/usr/bin/env bash
# Installs Spoenk Publisher and its test tools into .venv (created if needed).
# Re-running is cheap: nothing is reinstalled while pyproject.toml and this script are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "Spoenk Publisher needs Python 3.11 or newer ($PYTHON is $("$PYTHON" -V 2>&1))." >&2; exit 1; }
  "$PYTHON" -m venv .venv
fi

stamp=.venv/.spoenk-install-stamp
want=$(cat pyproject.toml scripts/install.sh | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi

echo "Installing Spoenk Publisher into .venv (first time: a few minutes) ..." >&2
pip() { .venv/bin/python -m pip --disable-pip-version-check -q "$@"; }
pip install --upgrade pip
# face_recognition_models imports pkg_resources, which setuptools 81 removed.
pip install 'setuptools<81' wheel
# face_recognition_models is a 100 MB sdist: pip's cache (~/.cache/pip) keeps the built wheel,
# so a second install on the same machine downloads nothing.
pip install -e ".[test]"
# face_recognition declares `dlib` (a long C++ build); dlib-bin, installed above, ships the same
# module as a wheel, so face_recognition goes in without its declared dependencies.
pip install --no-deps 'face_recognition==1.3.0'
.venv/bin/python -c 'import face_recognition, onnxruntime, PySide6, pillow_heif' \
  || { echo "The installation is incomplete: see the messages above." >&2; exit 1; }
echo "$want" > "$stamp"
