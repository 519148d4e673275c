"""The `lexgraph` command line: extract, build, look up, and run the local Neo4j."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from app.messages import clip, empty_store
from graph.clean import iter_sources
from graph.errors import AmbiguousReference, LexgraphError, NoSuchPart, NotFound
from graph.gcpause import gc_paused
from graph.incremental import build_into
from graph.model import AGENCY_RELATIONS, Graph
from graph.pipeline import default_jobs, extract_sources, read_sources, shared
from graph.resolve import SourceResult
from graph.stores import Store, open_store, redact_uri
from graph.vocab import vocabulary

app = typer.Typer(help="lexgraph: a knowledge graph of Vietnamese legal documents.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
NEO4J_HELP = """Run a local Neo4j 5.26 server with Neo4j Browser (no Docker needed).

Needs Java 17 or 21 (a JDK: openjdk-17-jdk-headless) and Maven (mvn, Debian's maven): the first start fetches Neo4j from Maven Central, a few minutes, with progress.

\b
Environment (all optional; default in parentheses):
  LEXGRAPH_NEO4J_PASSWORD       password of user neo4j, 8+ characters
  LEXGRAPH_NEO4J_PASSWORD_FILE  or a file holding it. With neither, one
                                is generated and kept in
                                <home>.password
  LEXGRAPH_NEO4J_HOME           jars, conf, data, logs (.lexgraph/neo4j
                                in a source checkout, else
                                ~/.local/share/lexgraph/neo4j)
  LEXGRAPH_NEO4J_BOLT_PORT      Bolt port on 127.0.0.1 (7687)
  LEXGRAPH_NEO4J_HTTP_PORT      Browser's HTTP port on 127.0.0.1 (7474)
  LEXGRAPH_NEO4J_HEAP           JVM heap (2g)
  LEXGRAPH_NEO4J_PAGECACHE      page cache (2g)
  LEXGRAPH_JAVA_HOME            the JDK 17 or 21 (first in /usr/lib/jvm)
  LEXGRAPH_SERVICE_URL          the lexgraph service Browser loads its
                                guide and style from after connecting
                                (http://127.0.0.1:$LEXGRAPH_PORT, 8000)
"""
neo4j_app = typer.Typer(help=NEO4J_HELP, no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

DEFAULT_STORE = os.environ.get("LEXGRAPH_STORE", ".lexgraph/graph.lexgraph")
StoreOpt = Annotated[str, typer.Option("--store", help="Embedded store file, or a Neo4j URI (bolt:// or neo4j://).")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=0, help="Processes that read the files (0: one per core); "
                                                                 "inputs under 2 MB are read in one")]


def graph_json(g: Graph) -> dict[str, Any]:
    """The extraction as JSON: sources, documents (with their dates of effect), relations (numbers as displayed),
    ambiguities, relations held back, and contradicting statements of one document."""
    v = vocabulary()

    def label(key: str) -> str:
        d = g.documents.get(key)
        return d.label if d else key

    docs = []
    for d in g.documents.values():
        docs.append({
            "key": d.key, "number": d.number or d.name, "name": d.name, "type": d.type, "type_id": d.type_id,
            "issuer": v.agencies[d.issuer].name if d.issuer in v.agencies else d.issuer, "issuer_id": d.issuer,
            "co_issuers": [v.agencies[a].name for a in d.co_issuers if a in v.agencies],
            "date": d.date.isoformat() if d.date else None, "year": d.year, "title": d.title,
            "mentions": d.mentions, "evidence": [e.model_dump() for e in d.evidence[:3]],
            # its dates of effect as the store keeps them: when it took effect, the last day of a term it names for
            # itself, and the statements read (parts that take effect apart, and those that contradict)
            "effective": d.effective.isoformat() if d.effective else None,
            "expires": d.expires.isoformat() if d.expires else None,
            "effective_statements": [c.model_dump(mode="json") for c in d.effective_claims],
            "effective_conflicts": [c.model_dump(mode="json") for c in d.effective_conflicts],
        })
    rels = []
    for r in g.relations.values():
        agency = r.type in AGENCY_RELATIONS
        rels.append({
            "type": r.type, "source": label(r.source),
            "target": (v.agencies[r.target].name if agency and r.target in v.agencies else label(r.target)),
            "source_key": r.source, "target_key": r.target,
            "evidence": r.evidence[0].model_dump() if r.evidence else None,
        })
    return {
        "sources": [{"path": s.path, "document": label(s.document) if s.document else None,
                     **({"error": s.error} if s.error else {})} for s in g.sources],
        "documents": docs,
        "relations": rels,
        "ambiguous": [a.model_dump() for a in g.ambiguities],
        "rejected": [r.model_dump() for r in g.rejected],
        "conflicts": [c.model_dump() for c in g.conflicts],
    }


def _extract_with_progress(paths: list[Path], known: Any = None, quiet: bool = False, jobs: int = 0) -> Graph:
    """`extract_sources` with a progress bar on the terminal, and the files it could not read named."""
    files, missing = iter_sources(paths)
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=quiet or not err.is_terminal, transient=True) as progress:
        task = progress.add_task("extracting", total=len(files))
        g = extract_sources(files, missing, lambda _: progress.advance(task), known, jobs or default_jobs())
    for s in g.sources:
        if s.error:
            err.print(f"[yellow]skipped[/] {escape(s.path)}: {escape(s.error)}")
    return g


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Text or PDF files, or folders (every .txt, .md and .pdf file in them).")],
    format: Annotated[str, typer.Option("--format", "-f", help="json or text")] = "json",
    jobs: JobsOpt = 0,
) -> None:
    """Extract documents and relations from texts and print them (nothing is stored)."""
    g = _extract_with_progress(paths, quiet=True, jobs=jobs)
    if format == "json":
        sys.stdout.write(json.dumps(graph_json(g), ensure_ascii=False, indent=1) + "\n")
    else:
        data = graph_json(g)
        for d in data["documents"]:
            out.print(f"{d['number']}\t{d['type']}\t{d['issuer']}\t{d['date'] or ''}\t{clip(d['title'], 80)}")
        for r in data["relations"]:
            if r["type"] not in ("ISSUED_BY", "CITES"):
                out.print(f"{r['source']} {r['type']} {r['target']}")
    if g.sources and all(s.error for s in g.sources):
        raise typer.Exit(1)


@app.command()
def build(
    paths: Annotated[list[Path] | None, typer.Argument(help="Texts, PDFs or folders; default seeds/.")] = None,
    store: StoreOpt = DEFAULT_STORE,
    jobs: JobsOpt = 0,
) -> None:
    """Build (or extend) the graph in a store from texts; safe to run again. Exits 1, writing nothing, when a path does
    not exist, a folder holds no .txt, .md or .pdf file, or no file could be read."""
    paths = paths or [Path("seeds")]
    _check_inputs(paths)
    st = open_store(store)
    try:
        results = _read_with_progress(paths, jobs=jobs)
        if not any(not r.error for r in results):
            err.print(f"[red]error:[/] none of the {len(results)} files could be read as text or PDF; "
                      "nothing was written to the store")
            raise typer.Exit(1)
        built = build_into(st, results)
        _kept_until_exit()  # the graph too (and so not scanned at exit either)
        g, stats = built.graph, built.stats
        if built.legacy:
            err.print("[yellow]warning:[/] this store was built before lexgraph kept the texts' extractions, so the new "
                      "texts were merged into it as before, and its graph may depend on the order its texts came in; "
                      "build it again from all its texts into a new store file (or an emptied Neo4j database) to fix it")
        c = st.counts()
        ok = sum(1 for r in results if not r.error)
        changed = "" if built.legacy else (f", {stats.changed_documents} changed, {stats.removed_documents} removed; "
                                           f"relations: +{stats.relations}, {stats.changed_relations} changed, "
                                           f"{stats.removed_relations} removed")
        out.print(f"[green]built[/] {escape(redact_uri(store))}: {ok} of {len(results)} sources read"
                  + (f" (the graph of {built.kept} sources, resolved together)" if not built.legacy else "") + "; "
                  + (f"+{stats.documents} documents, +{stats.relations} relations" if built.legacy
                     else f"documents: +{stats.documents}{changed}")
                  + f"; store holds {c['documents']} documents, {c['agencies']} agencies, {c['relations']} relations")
        if g.ambiguities:
            out.print(f"{len(g.ambiguities)} mentions name several documents and were not linked (see `lexgraph extract`)")
        if g.rejected:
            out.print(f"{len(g.rejected)} relations read against the order of dates were left out (see `lexgraph extract`)")
    finally:
        st.close()


def _read_with_progress(paths: list[Path], jobs: int = 0) -> list[SourceResult]:
    """Each file's extraction, unresolved, with a progress bar on the terminal and the files it could not read named."""
    files, missing = iter_sources(paths)
    # refreshed as each file is read, not by a thread of its own: a process that runs one thread forks its reading
    # workers (`graph.pipeline.start_method`), which then start at once
    jobs = jobs or default_jobs()
    share = shared(files, jobs)  # decided once: a read not shared runs in this process, with its collector on
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=not err.is_terminal, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("extracting", total=len(files))

        def advance(_: str) -> None:
            progress.advance(task)
            progress.refresh()

        # what this process reads lives until it exits: where workers read (this process only decodes what they send,
        # which makes no garbage cycles), the collector waits, and what was read is then left out of its scans
        with gc_paused() if share else contextlib.nullcontext():
            results = read_sources(files, missing, advance, jobs if share else 1, kept=True)
            if share:  # (in this process, extraction leaves garbage cycles the collector has not yet found)
                _kept_until_exit()
    for r in results:
        if r.error:
            err.print(f"[yellow]skipped[/] {escape(r.path)}: {escape(r.error)}")
    return results


def _check_inputs(paths: list[Path]) -> None:
    """Every path exists, and every folder holds a file to read; otherwise say which, and exit 1."""
    problems = []
    for p in paths:
        if not p.exists():
            problems.append(f"{p}: no such file or folder")
        elif p.is_dir() and not iter_sources([p])[0]:
            problems.append(f"{p}: a folder with no text (.txt, .md) or PDF file in it")
    for line in problems:
        err.print(f"[red]error:[/] {escape(line)}")
    if problems:
        err.print("nothing was built; `lexgraph build PATH...` takes texts (.txt, .md), PDFs, or folders of them")
        raise typer.Exit(1)


def _open_built(store: str) -> Store:
    """The store a reading command asks (`show`, `ask` …), once it is known to hold documents; otherwise say to
    run `lexgraph build` first, and exit 1."""
    from graph.stores import is_neo4j_uri

    if not is_neo4j_uri(store) and not Path(store).exists():
        err.print(f"[red]error:[/] {escape(empty_store(store, exists=False))}")
        raise typer.Exit(1)
    st = open_store(store)
    try:
        empty = st.counts()["documents"] == 0
    except BaseException:
        st.close()
        raise
    if empty:
        st.close()
        err.print(f"[red]error:[/] {escape(empty_store(store))}")
        raise typer.Exit(1)
    return st


def _fail(e: LexgraphError) -> None:
    err.print(f"[red]error:[/] {escape(str(e))}")
    raise typer.Exit(2 if isinstance(e, (NotFound, AmbiguousReference, NoSuchPart)) else 1)


def _day(at: str | None) -> Any:
    """--at as a date (None: today); exit 2 for what is not YYYY-MM-DD."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(at) if at else None
    except ValueError:
        err.print(f"[red]error:[/] --at {escape(at or '')!r} is not a date (YYYY-MM-DD)")
        raise typer.Exit(2) from None


AtOpt = Annotated[str | None, typer.Option("--at", help="A day, YYYY-MM-DD (default: today).")]
_STATE_STYLE = {"in_force": "green", "amended": "yellow", "partly_in_force": "yellow", "repealed": "red",
                "replaced": "red", "expired": "red", "suspended": "magenta", "not_yet_in_force": "blue",
                "unknown": "dim"}


def _badge(state: str, since: Any = None) -> str:
    return (f"[{_STATE_STYLE.get(state, 'dim')}]{state.replace('_', ' ')}[/]"
            + (f" since {since.isoformat()}" if since else ""))


def _show_parts(st: Store, ref: str, day: Any, changed: bool = False, depth: int = 0) -> None:
    """`show REF --parts`: the tree of parts, each with its status on the day (two reads)."""
    from rich.tree import Tree

    from graph.provisions import PartsView, PartTree, label_of

    pv = PartsView.read(st, ref, day)
    d, trees = pv.document, pv.trees()
    ended = pv.ended()
    root = Tree(f"[bold]{escape(d.typed_label)}[/]  {_badge(pv.status.state)} "
                f"(on {pv.status.at.isoformat()})")

    def shown(t: PartTree) -> bool:
        return not changed or t.status.state != "in_force" or any(shown(c) for c in t.children)

    def add(into: Tree, t: PartTree, level: int = 1) -> None:
        if not shown(t):
            return
        n, s = t.node, t.status
        by = f" by {', '.join(pv.labels.get(k, k) for k in s.by)}" if s.by and s.state != "in_force" else ""
        heading = f". {escape(n.heading)}" if n.heading else ""
        branch = into.add(f"{escape(n.label)}{heading}  {_badge(s.state, s.since if s.state != 'in_force' else None)}"
                          f"{escape(by)}")
        for c in t.children if not depth or level < depth else []:
            add(branch, c, level + 1)

    for t in trees:
        add(root, t)
    out.print(root)
    if not pv.read_in_full:
        out.print(f"  {d.label} was not read in full: its parts are those other texts' effects name.", markup=False)
    if ended:
        out.print(f"  partly in force: {', '.join(label_of(e.part) for e in ended)} repealed or suspended", markup=False)


@app.command()
def show(ref: Annotated[str, typer.Argument(help="A number in any written form: '43/2011/nd-cp'.")],
         store: StoreOpt = DEFAULT_STORE,
         parts: Annotated[bool, typer.Option("--parts", help="The tree of its parts, each with its status.")] = False,
         at: AtOpt = None,
         changed: Annotated[bool, typer.Option("--changed", help="With --parts: only the parts not simply in force "
                                                                 "(and those holding them).")] = False,
         depth: Annotated[int, typer.Option("--depth", min=0, help="With --parts: the levels shown (0: all).")] = 0,
         ) -> None:
    """Show a document, its status and its relations with evidence; with --parts, its parts and their status."""
    from graph.status import changes, status_on

    day = _day(at)
    st = _open_built(store)
    try:
        if parts:
            _show_parts(st, ref, day, changed, depth)
            return
        view = st.document_relations(ref)  # one read: the document, its relations, the documents they name
        d = view.document
        v = vocabulary()
        status = status_on(d, changes(view.relations, view.others), day)
        heading = f"{d.name} {d.number}" if d.name and d.number else d.typed_label  # 'Bộ luật Lao động 45/2019/QH14'
        out.print(f"[bold]{escape(heading)}[/]  ({escape(d.key)})")
        out.print(f"  issuer: {v.agencies[d.issuer].name if d.issuer in v.agencies else d.issuer or 'unknown'}")
        out.print(f"  date:   {d.date.isoformat() if d.date else (d.year or 'not stated')}")
        if d.title:
            out.print(f"  title:  {d.title}", markup=False)
        out.print(f"  status: {status.state.replace('_', ' ')}" + (f" since {status.since.isoformat()}" if status.since else "")
                  + f" (on {status.at.isoformat()})")
        if d.effective or d.expires:
            out.print(f"  in force: from {d.effective.isoformat() if d.effective else '(not stated)'}"
                      + (f" until the end of {d.expires.isoformat()}" if d.expires else ""))
        for r in (r for r in view.relations if r.type != "ISSUED_BY"):
            other = view.others.get(r.other)
            name = other.label if other else (v.agencies[r.other].name if r.other in v.agencies else r.other)
            arrow = "->" if r.direction == "out" else "<-"
            ev = r.evidence[0].sentence if r.evidence else ""
            out.print(f"  {arrow} {r.type} {name}\n       “{clip(ev, 200)}”", markup=False)
    except LexgraphError as e:
        _fail(e)
    finally:
        st.close()


@app.command("replaced-by")
def replaced_by(ref: Annotated[str, typer.Argument(help="A number in any written form.")],
                store: StoreOpt = DEFAULT_STORE) -> None:
    """What replaced a document: the chain to the document now in force, with evidence."""
    st = _open_built(store)
    try:
        d, chain = st.document_chain(ref, "in")
        if not chain:
            out.print(f"{d.typed_label}: the texts read so far state no replacement.")
            return
        out.print(d.typed_label)
        for step in chain:
            ev = step.evidence[0] if step.evidence else None
            out.print(f"  replaced by {step.document.typed_label}"
                      + (f" ({step.document.date.isoformat()})" if step.document.date else ""))
            if ev:
                out.print(f"    “{clip(ev.sentence, 240)}” [{ev.source}:{ev.start}-{ev.end}]", markup=False)
        out.print(f"  now in force, as far as the graph knows: {chain[-1].document.label}")
    except LexgraphError as e:
        _fail(e)
    finally:
        st.close()


@app.command()
def ask(question: Annotated[str, typer.Argument(help="A question in Vietnamese or English: 'Văn bản nào thay thế "
                                                    "Nghị định 43/2011/NĐ-CP?', 'what replaced decree 43/2011?'")],
        store: StoreOpt = DEFAULT_STORE,
        as_json: Annotated[bool, typer.Option("--json", help="The answer as the API's /ask gives it.")] = False) -> None:
    """Answer a question from the graph, as GET /ask does, with the sentences that say so."""
    from graph.questions import ask as answer_question

    st = _open_built(store)
    try:
        a = answer_question(st, question)
        if as_json:
            from app.api.presenters import answer_out

            out.print_json(answer_out(a).model_dump_json(by_alias=True))
        else:
            out.print(a.text, markup=False)
            for item in a.items:
                ev = item.evidence[0] if item.evidence else None
                out.print(f"  - {item.label}" + (f"\n      “{clip(ev.sentence, 240)}” [{ev.source}]" if ev else ""),
                          markup=False)
            for ev in a.evidence[:3]:
                out.print(f"  “{clip(ev.sentence, 240)}” [{ev.source}]", markup=False)
        if not a.understood:
            raise typer.Exit(2)
    except LexgraphError as e:
        _fail(e)
    finally:
        st.close()


@app.command()
def validate(store: StoreOpt = DEFAULT_STORE,
             warnings: Annotated[bool, typer.Option("--warnings", help="List the warnings too.")] = False) -> None:
    """Check the built graph against the ontology's SHACL shapes (ontology/shapes.ttl); exit 1 on a violation."""
    from graph.validate import validate as run_validation

    st = _open_built(store)
    try:
        g = st.to_graph()
    finally:
        st.close()
    with err.status("validating with pyshacl …"):
        report = run_validation(g)
    for f in report.violations:
        out.print(f"[red]violation[/] {escape(f.focus)}: {escape(f.message)}")
    if warnings:
        for f in report.warnings:
            out.print(f"[yellow]warning[/] {escape(f.focus)}: {escape(f.message)}")
    out.print(f"{len(g.documents)} documents, {len(g.relations)} relations: {report.summary()}")
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="ttl, jsonld, nt, graphml or csv")] = "ttl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (a folder for csv); default stdout")] = None,
    store: StoreOpt = DEFAULT_STORE,
    base_iri: Annotated[str | None, typer.Option(help="Base of the IRIs (default LEXGRAPH_BASE_IRI)")] = None,
) -> None:
    """Export the graph: RDF aligned with ELI (ttl, jsonld, nt), GraphML, or CSV for `neo4j-admin database import`."""
    from app.api.settings import Settings
    from graph.export import FORMATS, write_csv_dir
    from graph.export import export as run_export

    if format not in FORMATS:
        err.print(f"[red]error:[/] unknown format {escape(format)!r}: one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    base = Settings(base_iri=base_iri).base_iri if base_iri else Settings().base_iri
    st = open_store(store)
    try:
        g = st.to_graph()
    finally:
        st.close()
    if format == "csv":
        folder = output or Path("lexgraph-csv")
        paths = write_csv_dir(g, folder)
        out.print(f"wrote {', '.join(p.name for p in paths)} to {folder}/\n"
                  + (folder / "IMPORT.txt").read_text(encoding="utf-8").strip(), markup=False)
        return
    data = run_export(g, format, base)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        err.print(f"wrote {output} ({len(data):,} bytes)")


@app.command()
def serve(
    store: Annotated[str | None, typer.Option("--store", help="Store file or Neo4j URI (default: LEXGRAPH_STORE or the embedded file).")] = None,
    host: Annotated[str | None, typer.Option(help="Address to bind (default 127.0.0.1: this machine only).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
) -> None:
    """Serve the query API (OpenAPI at /docs, the graph drawn at /graph/view)."""
    import uvicorn

    from app.api.main import create_app
    from app.api.settings import Settings

    overrides: dict[str, Any] = {k: v for k, v in (("store", store), ("host", host), ("port", port)) if v is not None}
    settings = Settings(**overrides)
    if not settings.uses_neo4j and not Path(settings.store).exists():
        err.print(f"[yellow]warning:[/] {escape(empty_store(settings.store, exists=False))} "
                  "The service starts all the same; /ready answers 503 until then.")
    from app.api.http import protocol_class
    from app.api.main import store_of

    try:  # a damaged or unreadable store: one line naming the fix, before the server starts
        st = store_of(settings)
    except LexgraphError as e:
        err.print(f"error: {escape(str(e))}", markup=True, soft_wrap=True)
        raise typer.Exit(1) from None
    out.print(f"lexgraph serving {escape(redact_uri(settings.store))} on http://{settings.host}:{settings.port}  "
              f"(API docs /docs, graph /graph/view?ref=42/2022/NĐ-CP; Ctrl-C stops)")
    out.print(f"  look things up at http://{settings.host}:{settings.port}/ (search, documents, graph; offline)",
              markup=False)
    try:
        # the request line and headers bounded (uvicorn's httptools protocol has no limit of its own; h11's is set)
        uvicorn.run(create_app(settings, store=st), host=settings.host, port=settings.port, log_level="info",
                    access_log=False, timeout_graceful_shutdown=5, http=protocol_class(settings.max_header_bytes),
                    h11_max_incomplete_event_size=settings.max_header_bytes)
    finally:
        st.close()


@app.command()
def status(ref: Annotated[str, typer.Argument(help="A number in any written form, or a part of it written before or "
                                                   "after it: 'khoản 2 Điều 8 Nghị định 145/2020/NĐ-CP'.")],
           at: AtOpt = None,
           store: StoreOpt = DEFAULT_STORE) -> None:
    """In force or not on a day, since when, and why — with the sentences that say so — and the timeline; of a
    part ('khoản 2 Điều 8 …'), from the effects on it and on the parts holding it."""
    from graph.provisions import split_reference
    from graph.status import STATUS_TYPES, changes, events, status_on

    day = _day(at)
    st = _open_built(store)
    try:
        split = split_reference(ref)
        if split is not None:
            _part_status(st, *split, day)
            return
        view = st.document_relations(ref, STATUS_TYPES, "in")  # one read: the document and what acts on it
        d = view.document
        acting = changes(view.relations, view.others)
        s = status_on(d, acting, day)
        out.print(f"[bold]{escape(d.typed_label)}[/] on {s.at.isoformat()}: [bold]{s.state.replace('_', ' ')}[/]"
                  + (f" since {s.since.isoformat()}" if s.since else ""))
        for r in s.reasons:
            out.print(f"  {r}", markup=False)
        for e in s.evidence[:4]:
            out.print(f"    “{clip(e.sentence, 220)}” [{e.source}]", markup=False)
        timeline = events(d, acting)
        if timeline:
            out.print("  timeline:")
            for ev in timeline:
                out.print(f"    {ev.date.isoformat() if ev.date else '    ?     '}  {ev.text}", markup=False)
    except LexgraphError as e:
        _fail(e)
    finally:
        st.close()


def _part_status(st: Store, part: str, ref: str, day: Any) -> None:
    """`status 'khoản 2 Điều 8 Nghị định …'`: the part's status on the day, the effects on it, with their sentences."""
    from graph.provisions import PartsView, article_range, label_of, part_id

    pv = PartsView.read(st, ref, day)
    d = pv.document
    pid = part_id(pv.parts if pv.read_in_full else [], part)
    if pid is None:
        raise NoSuchPart(d.label, part, article_range(pv.parts))
    s = pv.part(pid)
    out.print(f"[bold]{escape(label_of(pid))} {escape(d.typed_label)}[/] on {s.at.isoformat()}: "
              f"[bold]{_badge(s.state, s.since)}[/]")
    if not pv.read_in_full:
        out.print(f"  ({d.label} was not read in full: from the effects other texts state on it.)", markup=False)
    for r in s.reasons:
        out.print(f"  {r}", markup=False)
    for row, scope in pv.effects_on(pid):
        where = "" if scope == "self" else f" ({row.effect.written or ', '.join(row.parts)}: {scope})"
        out.print(f"  {row.since.isoformat() if row.since else '    ?     '}  {row.effect.kind.replace('_', ' ')}"
                  f"{where} by {pv.labels.get(row.source, row.source)}"
                  + (f" ({label_of(row.effect.by_part)})" if row.effect.by_part else ""), markup=False)
        e = row.effect.evidence
        out.print(f"      “{clip(e.sentence, 220)}” [{e.source}:{e.start}-{e.end}]", markup=False)


@app.command()
def effects(ref: Annotated[str, typer.Argument(help="A number in any written form.")],
            direction: Annotated[str, typer.Option("--direction", help="in: other texts' effects on it; out: its "
                                                                      "effects on others.")] = "in",
            store: StoreOpt = DEFAULT_STORE) -> None:
    """The table of a document's effects, part by part: the part, the effect, by which text and part, since when,
    and the sentence (as GET /documents/{ref}/effects)."""
    from rich.table import Table

    from graph.provisions import effect_rows, label_of

    if direction not in ("in", "out"):
        err.print("[red]error:[/] --direction is 'in' or 'out'")
        raise typer.Exit(2)
    st = _open_built(store)
    try:
        view = st.document_relations(ref, None, direction)  # type: ignore[arg-type]
        d = view.document
        labels = {**{k: o.label for k, o in view.others.items()}, d.key: d.label}
        rows = effect_rows(d, view.relations, view.others)
        if not rows:
            out.print(f"{d.typed_label}: the texts read state no effect "
                      + ("on its parts." if direction == "in" else "of it on other texts' parts."), markup=False)
            return
        table = Table(title=f"{d.typed_label}: effects " + ("on it" if direction == "in" else "on other texts"))
        for col in ("since", "text" if direction == "out" else "part", "part" if direction == "out" else "effect",
                    "effect" if direction == "out" else "by", "sentence"):
            table.add_column(col, overflow="fold")
        for r in rows:
            part = ", ".join(label_of(p) for p in r.parts) or "(whole text)"
            by = labels.get(r.source, r.source) + (f" {label_of(r.effect.by_part)}" if r.effect.by_part else "")
            cells = [r.since.isoformat() if r.since else "?", part, r.effect.kind.replace("_", " "), by]
            if direction == "out":
                cells = [cells[0], labels.get(r.target, r.target), part, r.effect.kind.replace("_", " ")]
            table.add_row(*(escape(c) for c in cells), escape(clip(r.effect.evidence.sentence, 160)))
        out.print(table)
    except LexgraphError as e:
        _fail(e)
    finally:
        st.close()


@neo4j_app.command("start", help="Install (the first time, through Maven, with progress) and start the local "
                   "Neo4j; waits until Bolt answers.\n\n" + NEO4J_HELP.split("\n", 2)[2])
def neo4j_start() -> None:
    from app import neo4j_server as ns

    try:
        cfg = ns.ServerConfig.from_env()
        generated = not (os.environ.get("LEXGRAPH_NEO4J_PASSWORD") or os.environ.get("LEXGRAPH_NEO4J_PASSWORD_FILE"))
        pid = ns.start(cfg, progress=lambda line: err.print(escape(line)))
        st = ns.status(cfg)
        out.print(f"Neo4j running (pid {pid}): {st['bolt_uri']}  Browser: {st['http_url']}/browser/")
        if generated:
            out.print(f"  user neo4j, password in {ns.password_file(cfg.home)} (generated; LEXGRAPH_NEO4J_PASSWORD "
                      "overrides it)", markup=False)
        out.print(f"  Browser opens the lexgraph guide and style from {cfg.browser_service} (`lexgraph serve`)",
                  markup=False)
    except ns.Neo4jServerError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(1) from None


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j cleanly."""
    from app import neo4j_server as ns

    cfg = ns.ServerConfig.from_env(require_password=False)
    ns.stop(cfg)
    out.print("Neo4j stopped")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Is the local Neo4j running?"""
    from app import neo4j_server as ns

    cfg = ns.ServerConfig.from_env(require_password=False)
    out.print(json.dumps(ns.status(cfg), default=str, indent=1))


@neo4j_app.command("import")
def neo4j_import(
    paths: Annotated[list[Path] | None, typer.Argument(help="Texts, PDFs or folders; default seeds/.")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Confirm: the graph in the local server is replaced.")] = False,
) -> None:
    """First load of a large graph into the local Neo4j with neo4j-admin's offline importer (replaces its graph;
    stops and restarts the server). To keep a store up to date, use `lexgraph build --store neo4j://…`."""
    from app import neo4j_server as ns
    from app.bulk_import import bulk_load

    try:
        cfg = ns.ServerConfig.from_env()
        if not replace:
            err.print(f"[red]error:[/] this replaces the graph of the local Neo4j server ({cfg.home}); "
                      "add --replace to go on, or use `lexgraph build --store neo4j://…` to add to it")
            raise typer.Exit(2)
        g = _extract_with_progress(paths or [Path("seeds")])
        r = bulk_load(cfg, g)
        out.print(f"[green]imported[/] into {cfg.bolt_uri}: {r.documents} documents, {r.agencies} agencies, "
                  f"{r.relations} relations in {r.seconds:.1f} s (CSV {r.csv_seconds:.1f} s, import "
                  f"{r.import_seconds:.1f} s, start {r.start_seconds:.1f} s, indexes {r.schema_seconds:.1f} s)")
    except ns.Neo4jServerError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(1) from None
    except LexgraphError as e:
        _fail(e)


@neo4j_app.command("style")
def neo4j_style(
    one_line: Annotated[bool, typer.Option("--one-line", help="As one line, to paste after `:style ` in Browser.")] = False,
) -> None:
    """Print the Neo4j Browser style (GraSS): paste it after `:style` in Browser, or drag the file in."""
    from app.browser_style import grass

    text = grass()
    sys.stdout.write(" ".join(line.strip() for line in text.splitlines()) + "\n" if one_line else text)


def _local_password() -> None:
    """No Neo4j password in the environment: the one `lexgraph neo4j start` generated for the local server, if any,
    so `--store bolt://127.0.0.1:7687` and the service work with it as they would with the variable."""
    if os.environ.get("LEXGRAPH_NEO4J_PASSWORD") or os.environ.get("LEXGRAPH_NEO4J_PASSWORD_FILE"):
        return
    from app.neo4j_server import DEFAULT_HOME, password_file

    f = password_file(Path(os.environ.get("LEXGRAPH_NEO4J_HOME") or DEFAULT_HOME))
    if f.is_file():
        os.environ["LEXGRAPH_NEO4J_PASSWORD_FILE"] = str(f)


_OWN_PROCESS = False  # set by `main`: the command runs as `lexgraph …`, in a process that ends with it


def _kept_until_exit() -> None:
    """Everything the process holds now lives until it exits, so the garbage collector leaves it out of its scans
    (`gc.freeze`): a build's decoded sources and graph are hundreds of thousands of objects, scanned again at each
    full collection and at exit. Only in a process of the command's own (not a program that calls the command)."""
    if _OWN_PROCESS:
        gc.freeze()


def main() -> None:
    global _OWN_PROCESS
    _OWN_PROCESS = True
    _local_password()
    try:
        app()
    except LexgraphError as e:
        err.print(f"[red]error:[/] {escape(str(e))}", soft_wrap=True)  # one line, however long
        sys.exit(1)


if __name__ == "__main__":
    main()
