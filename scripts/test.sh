#!/usr/bin/env bash
# Install lexgraph with its test tools into .venv and run the whole test suite, then the corpus checks.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh dev
# The Browser test drives Debian's Chromium (playwright never downloads a browser here).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Chromium for the browser tests (apt-get, log in .lexgraph/apt.log)"
    { apt-get install -y -q chromium || { apt-get update -q && apt-get install -y -q chromium; }; } >.lexgraph/apt.log 2>&1 \
      || { tail -20 .lexgraph/apt.log; echo "could not install chromium"; exit 1; }
  else
    echo "Chromium is needed for the browser tests: install Debian's 'chromium' package"; exit 1
  fi
fi
# The Neo4j tests start their own real server (first run: its jars from Maven Central, see app/neo4j_files/pom.xml).
.venv/bin/ruff check graph app bench tests
.venv/bin/mypy
.venv/bin/python -m pytest -q tests
# Catastrophic backtracking: timed, so a benchmark (CPU time, best of several runs), not a test; exits 1 on a pattern
# whose time grows like the square of its input.
.venv/bin/python -m bench.backtracking
# Acceptance on the whole Gazette corpus, when it is beside the checkout (CI has it): >= 99% self-identification.
if [ -d ../shared/corpus/congbao ]; then
  .venv/bin/python -m bench.corpus_eval ../shared/corpus/congbao
fi
