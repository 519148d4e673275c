#!/usr/bin/env bash
# Install lexgraph into .venv, build the graph of seeds/ into the embedded store, and answer a lookup.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh
.venv/bin/lexgraph build seeds/
echo
.venv/bin/lexgraph replaced-by "43/2011/NĐ-CP"
echo
.venv/bin/lexgraph show "Quyết định 749/QĐ-TTg"
