#!/usr/bin/env bash
# The tests: sets everything up (venv, extras, offline assets, browser for the UI test) and runs pytest.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh test
# shellcheck disable=SC1091
. .venv/bin/activate
exec python -m pytest "$@"
