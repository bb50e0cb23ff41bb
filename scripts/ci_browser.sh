#!/usr/bin/env bash
# Installs what the browser tests (tests/test_web_browser.py) need: Debian's headless
# Chromium and the Playwright Python package. Playwright's own browser download does not
# work here, so `playwright install` is never run: the tests drive /usr/bin/chromium.
# Usage: scripts/ci_browser.sh [PYTHON]   (default: .venv/bin/python)
set -euo pipefail

PYTHON="${1:-.venv/bin/python}"

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-core >/dev/null
fi

if ! "$PYTHON" -c "import playwright.sync_api" >/dev/null 2>&1; then
    "$PYTHON" -m pip install --quiet "playwright>=1.40"
fi

/usr/bin/chromium --version
"$PYTHON" -c "import playwright; from importlib.metadata import version; print('playwright', version('playwright'))"
