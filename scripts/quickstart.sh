#!/usr/bin/env bash
# Install lexgraph into .venv, build the graph of seeds/ into the embedded store, and answer a lookup.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
mkdir -p .lexgraph
.venv/bin/python -m pip install -q --upgrade pip >.lexgraph/pip.log 2>&1 || { cat .lexgraph/pip.log; exit 1; }
.venv/bin/python -m pip install -q -e . >>.lexgraph/pip.log 2>&1 || { cat .lexgraph/pip.log; exit 1; }
.venv/bin/lexgraph build seeds/
echo
.venv/bin/lexgraph replaced-by "43/2011/NĐ-CP"
echo
.venv/bin/lexgraph show "Quyết định 749/QĐ-TTg"
