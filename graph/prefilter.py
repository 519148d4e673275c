"""Where a pattern may match in a whole text, found in one pass of Hyperscan (a compiled engine, from wheels).

Python's regex engine tries a pattern at every position of a text where its first character may stand; a
pattern that begins with a class of characters (a digit, say) costs 15–30 ns a character of the text, most of it
finding nothing. Hyperscan (`hyperscan` on PyPI: wheels for Linux, macOS and Windows, x86-64 and ARM) finds
every end of a simpler pattern in one pass at hundreds of MB/s. A `Gate` is such a pattern, written to match
wherever the real one can (a superset: never fewer places); the caller then tries the real pattern, with
Python's `re`, only there, and gets exactly the matches it would have had.

The text is given to Hyperscan as ASCII, each other character as one '?' (so offsets are the same); a gate that
must see a character past ASCII accepts '?' in its place. Without Hyperscan (not installed, or a CPU it does not
run on) `Gate.starts` answers None and the caller scans as before: the same output, slower.
"""

from __future__ import annotations

import threading
from typing import Any

try:  # pragma: no branch - which one depends on the machine
    import hyperscan as _hs
except ImportError:  # pragma: no cover - every platform with a wheel has it
    _hs = None  # type: ignore[assignment]


class Gate:
    """Hyperscan patterns over bytes; `starts(text)` gives where their matches begin, in order. Each pattern is its own
    (Hyperscan reports each end of a pattern once, with the leftmost start: two patterns ending at one place keep
    both starts)."""

    def __init__(self, *expressions: bytes) -> None:
        self.expressions = expressions
        self._db: Any = None
        self._failed = _hs is None
        self._lock = threading.Lock()
        self._local = threading.local()  # a scratch space per thread: Hyperscan scans without the GIL

    def _scratch(self) -> Any:
        """This thread's scratch space, the database compiled on first use; None when Hyperscan cannot run."""
        local = self._local
        scratch = getattr(local, "scratch", None)
        if scratch is not None or self._failed:
            return scratch
        with self._lock:
            if self._db is None and not self._failed:
                try:
                    db = _hs.Database()
                    n = len(self.expressions)
                    db.compile(expressions=list(self.expressions), ids=list(range(n)),
                               flags=[_hs.HS_FLAG_SOM_LEFTMOST] * n)
                    self._db = db
                except Exception:  # noqa: BLE001 - any failure of the engine means: scan without it
                    self._failed = True
                    return None
        local.scratch = _hs.Scratch(database=self._db)
        return local.scratch

    @property
    def available(self) -> bool:
        return self._scratch() is not None

    def starts(self, text: str) -> list[int] | None:
        """Where each match of the patterns in `text` begins (leftmost for each end), ascending, each place once; None
        without Hyperscan."""
        scratch = self._scratch()
        if scratch is None:
            return None
        found: list[int] = []
        self._db.scan(text.encode("ascii", "replace"), match_event_handler=_collect, context=found, scratch=scratch)
        if len(self.expressions) > 1:
            return sorted(set(found))
        found.sort()
        return found

    def starts_of(self, text: str) -> list[int] | None:
        """`starts(text)`, kept for the last text this thread asked about (a text's sentences ask for it one by one)."""
        local = self._local
        if getattr(local, "text", None) is not text:
            local.found = self.starts(text)
            local.text = text
        found: list[int] | None = local.found
        return found


def _collect(_id: int, start: int, _end: int, _flags: int, found: list[int]) -> None:
    found.append(start)
