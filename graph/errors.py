"""The package's exceptions: one root type, specific subclasses, messages a person can act on."""

from __future__ import annotations


class LexgraphError(Exception):
    """Root of every error lexgraph raises on purpose."""


class InputError(LexgraphError):
    """A source cannot be read as Vietnamese text (binary, invalid UTF-8, empty, too large)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NumberError(LexgraphError, ValueError):
    """A string is not a document number (số hiệu) lexgraph can read."""


class NotFound(LexgraphError):
    """No document matches a reference; `suggestions` holds close matches."""

    def __init__(self, ref: str, suggestions: list[str] | None = None) -> None:
        hint = f" Close matches: {', '.join(suggestions)}." if suggestions else ""
        super().__init__(f"No document {ref!r} in the graph.{hint}")
        self.ref = ref
        self.suggestions = suggestions or []


class UnknownAgency(NotFound):
    """No body matches a reference (an id, code or name); `suggestions` holds close names."""

    def __init__(self, ref: str, suggestions: list[str] | None = None) -> None:
        super().__init__(ref, suggestions)
        hint = f" Close matches: {', '.join(self.suggestions)}." if self.suggestions else ""
        self.args = (f"No agency {ref!r} in the graph; /agencies lists them.{hint}",)


class AmbiguousReference(LexgraphError):
    """A number without a year names several documents (one per year); the caller must choose."""

    def __init__(self, ref: str, candidates: list[str], example_year: int | None = None,
                 example_number: str | None = None) -> None:
        # candidates of several years differ by their year; of one year (the year already given: '43/2011'), by
        # their type and issuer's code, which only the full number names
        advice = (f"Give the full number (e.g. '{example_number}')" if example_number
                  else f"Add the year (e.g. '{ref.strip()} {example_year or 2020}')")
        super().__init__(f"{ref!r} names {len(candidates)} documents: {', '.join(candidates)}. {advice} to choose one.")
        self.ref = ref
        self.candidates = candidates


class StoreError(LexgraphError):
    """The store failed (corrupt file, write error)."""


class StoreUnavailable(StoreError):
    """The store cannot be reached right now (Neo4j down); try again later."""


class StoreFull(StoreError):
    """The store could not be saved: no space left on its disk, or past a file size or disk quota limit. Nothing
    was changed: the store answers, and its file holds, what they did before the write."""


class NoSuchPart(LexgraphError):
    """A document read in full has no part a reference names; `articles` says which it has ('Điều 1 to Điều 12')."""

    def __init__(self, document: str, ref: str, articles: str) -> None:
        super().__init__(f"{document} has no part {ref!r}: its articles are {articles}.")
        self.document = document
        self.ref = ref
        self.articles = articles


class NotAPart(LexgraphError, ValueError):
    """A reference names no part: not 'khoản 2 Điều 8', 'Điều 8 khoản 2', 'd8k2' nor an id 'dieu_8/khoan_2'."""
