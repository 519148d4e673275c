"""A Neo4j build killed and run again gives the one-shot graph (issue 24, item 1, at corpus scale): `lexgraph build`
of the texts into a real Neo4j that this benchmark starts on the given ports, the server's JVM killed (SIGKILL) once
the build has written N documents or relations, the server restarted, the build run again; the checksum of the graph
in Neo4j (`graph.incremental.checksum`: documents, relations, dates of effect, evidence, ambiguities) compared with
that of the one-shot build into the embedded store. Exits 1 on a difference.

    python -m bench.order_kill ../shared/corpus/congbao/texts --bolt-port 57687 --http-port 57474
    python -m bench.order_kill ../shared/corpus/congbao/texts --at documents:600 --at relations:4000 \\
        --at half:documents:600 --bolt-port 57687 --http-port 57474

A point `KIND:N` kills the server once the store holds N documents (or relations) during a build into an emptied
store; `half:KIND:N` first builds the first half of the texts (uninterrupted), then kills the build of all of them
once it has added N (what an ingest into a filled store is). Before the points, one uninterrupted build into Neo4j
is compared too. The server (its own home, `--home`, default `.lexgraph/neo4j-order`) is stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POINTS = ["documents:600", "relations:4000", "relations:9000", "half:documents:600"]


@dataclass
class Point:
    kind: str  # documents | relations
    at: int
    half: bool  # the first half of the texts built first

    @classmethod
    def parse(cls, spec: str) -> Point:
        half = spec.startswith("half:")
        kind, _, n = spec.removeprefix("half:").partition(":")
        if kind not in ("documents", "relations") or not n.isdigit():
            raise SystemExit(f"not a kill point: {spec!r} (KIND:N or half:KIND:N, KIND documents or relations)")
        return cls(kind, int(n), half)

    def __str__(self) -> str:
        return f"{'half, then ' if self.half else ''}{self.kind} {self.at}"


def one_shot_checksum(paths: list[Path], jobs: int) -> tuple[str, dict[str, int]]:
    """The checksum of the one-shot build of `paths` into an embedded store (in a temporary folder)."""
    from graph.clean import iter_sources
    from graph.incremental import build_into, checksum
    from graph.pipeline import read_sources
    from graph.stores.memory import MemoryStore

    with tempfile.TemporaryDirectory(prefix="lexgraph-order-kill-") as tmp:
        st = MemoryStore(Path(tmp) / "one.lexgraph")
        build_into(st, read_sources(*iter_sources(paths), jobs=jobs))
        return checksum(st), st.counts()


def kill_server(cfg: Any, start_timeout: float = 300) -> None:
    """SIGKILL the server's JVM, wait until it and its Bolt port are gone, start it again (tests/test_order.py calls
    it too)."""
    from app import neo4j_server as ns

    pid = int(cfg.pid_file.read_text().strip())
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        try:
            os.waitpid(pid, os.WNOHANG)  # reaped if this process started it
        except ChildProcessError:
            pass
        stat = Path(f"/proc/{pid}/stat")
        if stat.exists() and ") Z" in stat.read_text(errors="replace"):
            break
        time.sleep(0.1)
    while time.monotonic() < deadline:  # the ports closed with it (a JVM's threads may take a moment to go)
        with socket.socket() as s:
            s.settimeout(0.5)
            if s.connect_ex(("127.0.0.1", cfg.bolt_port)) != 0:
                break
        time.sleep(0.2)
    ns.start(cfg, timeout=start_timeout)


class Bench:
    def __init__(self, args: argparse.Namespace, cfg: Any) -> None:
        from graph.clean import iter_sources

        self.cfg = cfg
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), "LEXGRAPH_NEO4J_USER": "neo4j",
                    "LEXGRAPH_NEO4J_PASSWORD": cfg.password}
        tail = ["--store", cfg.bolt_uri, "--jobs", str(args.jobs)]
        self.build_all = [sys.executable, "-m", "app.cli", "build", *map(str, args.paths), *tail]
        files = sorted(iter_sources(args.paths)[0])
        self.build_half = [sys.executable, "-m", "app.cli", "build", *map(str, files[: len(files) // 2]), *tail]

    def store(self, **kw: Any) -> Any:
        from graph.stores.neo4j_store import Neo4jStore

        return Neo4jStore(self.cfg.bolt_uri, user="neo4j", password=self.cfg.password, **kw)

    def run(self, cmd: list[str]) -> float:
        t = time.perf_counter()
        p = subprocess.run(cmd, env=self.env, cwd=ROOT, capture_output=True, text=True, timeout=3600)
        if p.returncode != 0:
            raise SystemExit(f"the build failed ({p.returncode}):\n{p.stderr[-3000:]}")
        return time.perf_counter() - t

    def uninterrupted(self) -> tuple[str, float]:
        from graph.incremental import checksum

        st = self.store()
        try:
            st.clear()
            took = self.run(self.build_all)
            return checksum(st), took
        finally:
            st.close()

    def killed(self, point: Point) -> dict[str, Any]:
        """Build, kill the server at `point`, restart it, build again: what happened and the checksum after."""
        from graph.incremental import checksum

        st = self.store(connection_timeout=2, retry_time=1)
        try:
            st.clear()
            at = point.at
            if point.half:
                self.run(self.build_half)
                at += st.counts()[point.kind]
            p = subprocess.Popen(self.build_all, env=self.env, cwd=ROOT, text=True, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
            deadline = time.monotonic() + 3600
            held = {}
            while p.poll() is None and time.monotonic() < deadline:
                held = st.counts()
                if held[point.kind] >= at:
                    break
                time.sleep(0.05)
            if p.poll() is not None:
                raise SystemExit(f"{point}: the build finished before the store held {at} {point.kind}")
            t = time.perf_counter()
            kill_server(self.cfg)
            restart = time.perf_counter() - t
            _, err = p.communicate(timeout=3600)
        finally:
            st.close()
        last = err.strip().splitlines()[-1] if err.strip() else ""
        out = {"killed at": f"{held['documents']} documents, {held['relations']} relations",
               "build": f"exit {p.returncode}" + (f" ({last[:160]})" if p.returncode else ""),
               "traceback": "Traceback" in err, "restart s": round(restart, 1)}
        out["rerun s"] = round(self.run(self.build_all), 1)
        st = self.store()
        try:
            out["checksum"] = checksum(st)
            counts = st.counts()
            out["held"] = f"{counts['documents']} documents, {counts['relations']} relations"
        finally:
            st.close()
        return out


def main(argv: list[str] | None = None) -> int:
    from app import neo4j_server as ns
    from graph.pipeline import default_jobs

    ap = argparse.ArgumentParser(prog="python -m bench.order_kill", description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", type=Path, help="folders or files to build")
    ap.add_argument("--at", action="append", default=[], help=f"a kill point (default: {' '.join(DEFAULT_POINTS)})")
    ap.add_argument("--bolt-port", type=int, default=57687)
    ap.add_argument("--http-port", type=int, default=57474)
    ap.add_argument("--home", type=Path, default=ROOT / ".lexgraph" / "neo4j-order", help="the server's home")
    ap.add_argument("--want", default="", help="the one-shot checksum, if known (else computed first)")
    ap.add_argument("-j", "--jobs", type=int, default=0)
    args = ap.parse_args(argv)
    args.jobs = args.jobs or default_jobs()
    points = [Point.parse(s) for s in args.at or DEFAULT_POINTS]
    want = args.want
    if not want:
        t = time.perf_counter()
        want, counts = one_shot_checksum(args.paths, args.jobs)
        print(f"{want}  one-shot, embedded: {counts['documents']} documents, {counts['relations']} relations, "
              f"{time.perf_counter() - t:.1f} s", flush=True)
    cfg = ns.ServerConfig(password=ns.generated_password(args.home), home=args.home, bolt_port=args.bolt_port,
                          http_port=args.http_port, heap_size="1g", pagecache_size="512m")
    ns.start(cfg, timeout=300)
    sums = {}
    try:
        bench = Bench(args, cfg)
        c, took = bench.uninterrupted()
        sums["uninterrupted"] = c
        print(f"{c}  Neo4j, uninterrupted: {took:.1f} s", flush=True)
        for point in points:
            out = bench.killed(point)
            sums[str(point)] = out["checksum"]
            print(f"{out.pop('checksum')}  Neo4j, killed at {point}: " + "; ".join(f"{k} {v}" for k, v in out.items()),
                  flush=True)
    finally:
        ns.stop(cfg)
    differ = [name for name, c in sums.items() if c != want]
    if differ:
        print(f"DIFFERENT from the one-shot build: {', '.join(differ)}", file=sys.stderr)
        return 1
    print("identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
