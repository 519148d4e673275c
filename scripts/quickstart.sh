#!/usr/bin/env bash
# Install lexgraph into .venv, build the graph of seeds/ into the embedded store, answer two lookups, and
# serve the query API on http://127.0.0.1:8000 (Ctrl-C stops it; LEXGRAPH_NO_SERVE=1 skips serving).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh
.venv/bin/lexgraph build seeds/
echo
.venv/bin/lexgraph replaced-by "43/2011/NĐ-CP"
echo
.venv/bin/lexgraph show "Quyết định 749/QĐ-TTg"
echo
if [ "${LEXGRAPH_NO_SERVE:-}" = 1 ]; then exit 0; fi
PORT=${LEXGRAPH_PORT:-8000}
cat <<MSG
Ask the graph while it serves (another terminal):
  curl -s 'http://127.0.0.1:$PORT/ask?q=what%20replaced%20decree%2043/2011'
  curl -s 'http://127.0.0.1:$PORT/documents/43/2011/ND-CP/replaced-by'
  open http://127.0.0.1:$PORT/docs (the API) or http://127.0.0.1:$PORT/graph/view?ref=42/2022/NĐ-CP (the graph)
MSG
exec .venv/bin/lexgraph serve --port "$PORT"
