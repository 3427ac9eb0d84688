#!/usr/bin/env bash
# Installs the project (if needed) and runs the whole test suite, headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

# The privacy tests watch every socket the app opens with Debian's strace.
if ! command -v strace >/dev/null && command -v apt-get >/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "Installing strace (once), for the test that proves nothing leaves the machine" >&2
  $sudo_cmd apt-get install -y -qq strace >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq strace >/dev/null; } \
    || echo "strace could not be installed; the network test will say so" >&2
fi

export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# Two test processes (pytest-xdist), a test file each at a time: the suite waits on models,
# subprocesses and timers for a good part of its time, so two keep both cores of a laptop busy
# (SPOENK_TEST_PROCESSES=0: one process, e.g. to debug with -s or --pdb).
processes=${SPOENK_TEST_PROCESSES:-2}
if [ "$processes" != "0" ]; then
  set -- -n "$processes" --dist loadfile "$@"
fi
exec .venv/bin/python -m pytest "$@"
