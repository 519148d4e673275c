#!/usr/bin/env bash
# Install lexgraph with its test tools into .venv and run the whole test suite, then the corpus checks.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh dev
.venv/bin/ruff check graph app bench tests
.venv/bin/mypy
.venv/bin/python -m pytest -q tests
# Acceptance on the whole Gazette corpus, when it is beside the checkout (CI has it): >= 99% self-identification.
if [ -d ../shared/corpus/congbao ]; then
  .venv/bin/python -m bench.corpus_eval ../shared/corpus/congbao
fi
