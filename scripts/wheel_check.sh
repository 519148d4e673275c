#!/usr/bin/env bash
# What `pip install .` gives a user must build and serve. Builds lexgraph's wheel, checks that it holds every file of
# graph/, app/ and ontology/ (modules, app/static with the vendored JS, the ontology's tables), installs it (not
# editable) into a fresh virtual environment, and from a folder outside the checkout runs `lexgraph build` on a copy
# of seeds/ and `lexgraph serve` on a free port, then asks the service what a user would. The environment and the
# folder are removed at the end. Any failure exits 1 with a line that says what failed ("wheel check FAILED: …").
# Needs python3 with venv and the package index (the wheel's dependencies); nothing beyond pip.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lexgraph-wheel-check.XXXXXX")
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "wheel check FAILED: $*" >&2; exit 1; }
step() { echo "wheel check: $*"; }
show_log() { echo "---- $1 (last 40 lines)" >&2; tail -40 "$1" >&2 || true; echo "----" >&2; }

case "$WORK/" in "$ROOT"/*) fail "the temporary folder $WORK is inside the checkout";; esac

VENV=$WORK/venv
step "a fresh virtual environment in $VENV"
"$PY" -m venv "$VENV" >"$WORK/venv.log" 2>&1 || { show_log "$WORK/venv.log"; fail "$PY -m venv did not make an environment"; }
"$VENV/bin/python" -m pip install -q --upgrade pip >"$WORK/pip.log" 2>&1 || { show_log "$WORK/pip.log"; fail "could not upgrade pip in the fresh environment"; }

step "building the wheel (pip wheel . --no-deps)"
"$VENV/bin/python" -m pip wheel "$ROOT" --no-deps -w "$WORK/dist" >"$WORK/build.log" 2>&1 \
  || { show_log "$WORK/build.log"; fail "pip wheel could not build lexgraph"; }
WHEEL=$(ls "$WORK"/dist/lexgraph-*.whl 2>/dev/null | head -1)
[ -n "$WHEEL" ] || fail "pip wheel made no lexgraph-*.whl in $WORK/dist"

step "the wheel holds every file of graph/, app/ and ontology/"
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$ROOT" ls-files graph app ontology >"$WORK/expected.txt"
else
  find graph app ontology -type f ! -path '*/__pycache__/*' ! -name '*.pyc' | sort >"$WORK/expected.txt"
fi
[ -s "$WORK/expected.txt" ] || fail "no source files listed under graph/, app/, ontology/"
"$VENV/bin/python" - "$WHEEL" "$WORK/expected.txt" <<'EOF' || fail "the wheel lacks files the installed lexgraph needs (listed above): see [tool.setuptools] in pyproject.toml"
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
expected = [line.strip() for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
missing = [f for f in expected if f not in names]
for f in missing:
    print(f"  not in the wheel: {f}", file=sys.stderr)
print(f"  {len(expected) - len(missing)} of {len(expected)} files in the wheel")
sys.exit(1 if missing else 0)
EOF

step "installing the wheel (not editable)"
"$VENV/bin/python" -m pip install -q "$WHEEL" >"$WORK/install.log" 2>&1 \
  || { show_log "$WORK/install.log"; fail "pip install of the wheel failed"; }

SITE=$WORK/site
mkdir -p "$SITE"
cp -r "$ROOT/seeds" "$SITE/seeds"
cd "$SITE"
unset PYTHONPATH
export LEXGRAPH_STORE="$SITE/graph.lexgraph"  # nothing of the environment points at the checkout

# the modules come from the installed wheel, not from the checkout
"$VENV/bin/python" - "$ROOT" <<'EOF' || fail "lexgraph is imported from the checkout, not from the installed wheel"
import sys
from pathlib import Path
import app, graph, ontology
root = Path(sys.argv[1]).resolve()
for m in (app, graph, ontology):
    where = Path(m.__file__).resolve()
    if root in where.parents:
        print(f"  {m.__name__} from {where}", file=sys.stderr)
        sys.exit(1)
EOF

# the local Neo4j server's files come with the package, and its home is not inside site-packages
HOME="$SITE/home" XDG_DATA_HOME= "$VENV/bin/python" - <<'EOF' || fail "lexgraph neo4j cannot find its pom or would live in site-packages"
import sys
from app.neo4j_server import DEFAULT_HOME, DEFAULT_POM
if not DEFAULT_POM.is_file():
    sys.exit(f"  no {DEFAULT_POM}")
if "site-packages" in DEFAULT_HOME.parts:
    sys.exit(f"  the server's home would be {DEFAULT_HOME}")
print(f"  neo4j: pom {DEFAULT_POM.name} shipped; home {DEFAULT_HOME}")
EOF

step "lexgraph build (a copy of seeds/, from $SITE)"
"$VENV/bin/lexgraph" build --store "$SITE/graph.lexgraph" >"$WORK/lexgraph-build.log" 2>&1 \
  || { show_log "$WORK/lexgraph-build.log"; fail "lexgraph build of the seeds failed with the installed wheel"; }
[ -s "$SITE/graph.lexgraph" ] || { show_log "$WORK/lexgraph-build.log"; fail "lexgraph build wrote no store"; }
grep -q "built" "$WORK/lexgraph-build.log" || { show_log "$WORK/lexgraph-build.log"; fail "lexgraph build did not say what it built"; }

PORT=$("$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
step "lexgraph serve on 127.0.0.1:$PORT"
"$VENV/bin/lexgraph" serve --store "$SITE/graph.lexgraph" --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!

"$VENV/bin/python" - "$PORT" "$SERVER_PID" <<'EOF' || { show_log "$WORK/serve.log"; fail "the installed lexgraph does not serve what it should (above)"; }
import json, os, sys, time, urllib.error, urllib.request

port, pid = int(sys.argv[1]), int(sys.argv[2])
base = f"http://127.0.0.1:{port}"


def get(path: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            return r.status, r.headers.get("content-type", ""), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("content-type", ""), e.read().decode("utf-8", "replace")


def alive() -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:  # a zombie has exited
        return f.read().rsplit(")", 1)[1].split()[0] != "Z"


deadline = time.monotonic() + 90
while True:
    try:
        if get("/health")[0] == 200:
            break
    except OSError:
        pass
    if not alive():
        sys.exit("  lexgraph serve exited before answering /health")
    if time.monotonic() > deadline:
        sys.exit("  lexgraph serve did not answer /health within 90 s")
    time.sleep(0.5)

failures = []


def check(path: str, what: str, test) -> None:
    status, ctype, body = get(path)
    try:
        ok = status == 200 and test(ctype, body)
    except Exception as e:  # a body that is not what it should be (not JSON, a missing field)
        ok, body = False, f"{body[:300]} ({type(e).__name__}: {e})"
    print(f"  GET {path}: {status} {'ok' if ok else 'WRONG'} ({what})")
    if not ok:
        failures.append(f"GET {path}: {status}, expected 200 and {what}; body: {body[:300]!r}")


check("/health", 'status "ok"', lambda t, b: json.loads(b)["status"] == "ok")
check("/ready", "the store's documents", lambda t, b: json.loads(b)["documents"] > 0)
check("/documents/43%2F2011%2FND-CP/replaced-by", "in force: 42/2022/ND-CP",
      lambda t, b: json.loads(b)["in_force"]["key"] == "42/2022/ND-CP" and "42/2022" in b)
check("/graph/view", "the page, its style filled in",
      lambda t, b: t.startswith("text/html") and "/static/vendor/cytoscape.min.js" in b and "/*STYLE*/{}" not in b)
check("/static/vendor/cytoscape.min.js", "the vendored Cytoscape.js",
      lambda t, b: "javascript" in t and len(b) > 100_000)
check("/neo4j/guide.html", "the Browser guide with the ready queries",
      lambda t, b: t.startswith("text/html") and b.count("<slide") > 3)
check("/graph?ref=42/2022/N%C4%90-CP", "a neighbourhood",
      lambda t, b: any(n["id"] == "42/2022/ND-CP" for n in json.loads(b)["nodes"]))
for f in failures:
    print("  " + f, file=sys.stderr)
sys.exit(1 if failures else 0)
EOF

step "passed: the installed wheel builds the seeds and serves them"
