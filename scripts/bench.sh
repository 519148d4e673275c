#!/usr/bin/env bash
# Install lexgraph with its benchmark tools (matplotlib) into .venv and run the benchmarks:
#   scripts/bench.sh run --size 1000000     # 10k, 100k, 1M: writes bench/RESULTS.md and docs/img/scale-*.png
# Needs wrk for the service figures if it is installed (else a Python client), Java 17 for Neo4j (as the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh dev,bench
exec .venv/bin/python -m bench "$@"
