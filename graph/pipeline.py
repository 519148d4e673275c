"""The build: files -> clean -> extract -> resolve -> graph. Bad files are reported; the rest goes on."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .clean import clean, decode, fork_server_started, iter_sources, read
from .errors import InputError
from .extract import extract
from .gcpause import forked_child, gc_paused
from .incremental import dump_source, load_source
from .model import Graph
from .resolve import Resolver, SourceResult, prepare


def extract_text(text: str, path: str) -> SourceResult:
    """Extract one decoded text; never raises on text content."""
    return SourceResult(path=path, extraction=extract(clean(text)))


def extract_bytes(data: bytes, path: str) -> SourceResult:
    try:
        return extract_text(decode(data, path), path)
    except InputError as e:
        return SourceResult(path=path, error=e.reason)


def extract_file(path: Path, display: str | None = None) -> SourceResult:
    name = display or str(path)
    try:
        return extract_text(read(path), name)
    except InputError as e:
        return SourceResult(path=name, error=e.reason)


PARALLEL_MIN_BYTES = 2_000_000  # less than this is read in one process (starting one costs about 0.3 s)


def extract_kept(path: Path) -> SourceResult:
    """One file's extraction as a store keeps it (`SourceResult.kept`), the extraction itself dropped."""
    r = extract_file(path)
    if r.extraction is None:
        return r
    return SourceResult(path=r.path, kept=dump_source(r))


def read_files(files: list[Path], jobs: int = 1, kept: bool = False) -> Iterator[tuple[int, SourceResult]]:
    """Each file's extraction and its index in `files`, as each is read; over `jobs` processes when there is enough to
    share (`shared`), the longest texts first, four files at a time, so that no worker is left reading a long text
    alone at the end. With `kept`, each as a store keeps it (`extract_kept`): encoded where it was read, it comes back
    as a tenth of the bytes of the pickled extraction (9.8 MB for the corpus, not 85 MB), and a build has nothing left
    to encode."""
    read = extract_kept if kept else extract_file
    sizes = [_size(f) for f in files] if jobs > 1 else []
    if not _shares(sizes, jobs):
        for i, f in enumerate(files):
            yield i, read(f)
        return
    order = sorted(range(len(files)), key=lambda i: (-sizes[i], i))
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(start_method()), initializer=_worker_start,
                             initargs=(os.getpid(),)) as pool:
        yield from zip(order, pool.map(read, [files[i] for i in order], chunksize=_CHUNK), strict=True)


def shared(files: list[Path], jobs: int) -> bool:
    """Whether `read_files` reads the files in workers (enough to share), not in this process."""
    return jobs > 1 and _shares([_size(f) for f in files], jobs)


def _shares(sizes: list[int], jobs: int) -> bool:
    return jobs > 1 and len(sizes) >= 2 * jobs and sum(sizes) >= PARALLEL_MIN_BYTES


_CHUNK = 4  # files handed to a worker at once: the last hand-out is four of the shortest texts


def start_method() -> str:
    """How reading workers start: forked where this process runs one thread (on Linux), so that each starts at once with
    the modules and compiled patterns this process holds (started afresh, each imports them again: about 0.4 s of a
    build's two cores); started afresh where it runs others (a forked child keeps, held, any lock another thread
    held: a program's threads, a progress bar's), or once it has started the PDF readers' fork server (a forked child
    cannot use it: `clean.fork_server_started`)."""
    if sys.platform.startswith("linux") and threading.active_count() == 1 and not fork_server_started():
        return "fork"
    return "spawn"


def _worker_start(parent: int) -> None:
    """A reading worker's start: it ends once the process that started it is gone. A build killed (SIGKILL) leaves
    its workers waiting for work that never comes, and multiprocessing's resource tracker with them (it ends when they
    do); a worker started from a thread cannot use the kernel's parent-death signal (it fires when that thread ends).
    A forked worker collects its garbage whatever its parent did (a build pauses its collector while workers read: the
    parent only decodes; extraction makes garbage cycles), and leaves its parent's objects out of its scans."""
    forked_child()
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _size(f: Path) -> int:
    with contextlib.suppress(OSError):  # a file gone since the walk: its read reports it
        return f.stat().st_size
    return 0


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def extract_paths(
    paths: Iterable[Path],
    progress: Callable[[str], None] | None = None,
    known: Callable[[str], list[str]] | None = None,
    jobs: int = 1,
) -> Graph:
    """Build the graph of every text or PDF file under `paths` (folders are walked), over `jobs` processes."""
    return extract_sources(*iter_sources(list(paths)), progress, known, jobs)


def read_text(text: str, path: str = "<text>") -> Graph:
    """The graph one text states: its documents, bodies and relations, each with the sentence that says so
    (`path` names the source in that evidence)."""
    return Resolver().build([extract_text(text, path)])


def read_paths(paths: Iterable[str | os.PathLike[str]], jobs: int = 1) -> Graph:
    """The graph of every text or PDF file under `paths` (folders are walked), read over `jobs` processes (0: one
    per core); a file that cannot be read is named in `Graph.sources` with its error, the rest goes on."""
    return extract_paths([Path(p) for p in paths], jobs=jobs or default_jobs())


def extract_sources(
    files: list[Path],
    missing: list[InputError],
    progress: Callable[[str], None] | None = None,
    known: Callable[[str], list[str]] | None = None,
    jobs: int = 1,
) -> Graph:
    """`extract_paths` on the files `iter_sources` listed, and the inputs it could not (reported, not read)."""
    return Resolver(known=known).build(read_sources(files, missing, progress, jobs))


def read_sources(files: list[Path], missing: list[InputError], progress: Callable[[str], None] | None = None,
                 jobs: int = 1, kept: bool = False) -> list[SourceResult]:
    """Each file's extraction, unresolved (with `kept`, as a store keeps it: `graph.incremental.build_into` reads
    either), and the inputs `iter_sources` could not list as errors."""
    results: list[SourceResult | None] = [None] * len(files)
    for i, r in read_files(files, jobs, kept):
        if r.kept is not None and jobs > 1:  # decoded here, while the workers read on, not after them
            with gc_paused():  # (extraction read in this process makes garbage cycles: not paused for it)
                r.extraction = load_source(r.kept).extraction
                prepare(r)  # and what resolving it needs of it alone
        results[i] = r
        if progress:
            progress(r.path)
    return [SourceResult(path=e.path, error=e.reason) for e in missing] + [r for r in results if r is not None]

