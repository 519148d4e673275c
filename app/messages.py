"""Words the CLI and the service share: evidence previews cut at a word, and what to do when the store is empty."""

from __future__ import annotations

import re

ELLIPSIS = "…"
_SPACE = re.compile(r"\s+")


def clip(text: str | None, n: int) -> str:
    """`text` on one line, at most `n` characters: cut at the last space before the limit, with '…' when anything
    was left out (a single word longer than `n` is cut inside, with '…')."""
    s = _SPACE.sub(" ", (text or "")[: 4 * n + 64]).strip()  # a 10 MB input is not scanned whole
    if len(s) <= n and len(text or "") <= 4 * n + 64:
        return s
    head = s[: max(1, n - 1)]
    cut = head.rfind(" ")
    if s[len(head)] != " " and cut >= n // 2:  # inside a word: back to its start, if not too far back
        head = head[:cut]
    return head.rstrip(" ,;:.-–—(") + ELLIPSIS


def empty_store(store: str, exists: bool = True) -> str:
    """Why a store answers nothing, and the command that fills it."""
    what = f"The store {store} holds no documents yet" if exists else f"There is no store at {store} yet"
    return (f"{what}: run `lexgraph build` first (`lexgraph build seeds/` reads the sample articles; "
            f"`lexgraph build PATH... --store {store}` your own texts or PDFs).")
