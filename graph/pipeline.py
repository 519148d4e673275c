"""The build: files -> clean -> extract -> resolve -> graph. Bad files are reported; the rest goes on."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .clean import clean, decode, iter_sources, read
from .errors import InputError
from .extract import extract
from .model import Graph
from .resolve import Resolver, SourceResult


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


def extract_paths(
    paths: Iterable[Path],
    progress: Callable[[str], None] | None = None,
    known: Callable[[str], list[str]] | None = None,
) -> Graph:
    """Build the graph of every text file under `paths` (folders are walked)."""
    files, missing = iter_sources(list(paths))
    results: list[SourceResult] = [SourceResult(path=e.path, error=e.reason) for e in missing]
    for f in files:
        results.append(extract_file(f))
        if progress:
            progress(str(f))
    return Resolver(known=known).build(results)

