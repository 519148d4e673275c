# Sourced by quickstart.sh and test.sh: create .venv and install lexgraph with the extras in $1 (may be empty).
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
mkdir -p .lexgraph
.venv/bin/python -m pip install -q --upgrade pip >.lexgraph/pip.log 2>&1 || { cat .lexgraph/pip.log; exit 1; }
.venv/bin/python -m pip install -q -e ".${1:+[$1]}" >>.lexgraph/pip.log 2>&1 || { cat .lexgraph/pip.log; exit 1; }
