#!/usr/bin/env bash
# The app: sets everything up, builds the default library from corpus/ on first run, opens Streamlit.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh core
# shellcheck disable=SC1091
. .venv/bin/activate
uniondraft library init
exec streamlit run app.py --server.headless true --browser.gatherUsageStats false \
  --server.address "${UNIONDRAFT_HOST:-127.0.0.1}" --server.port "${UNIONDRAFT_PORT:-8501}" "$@"
