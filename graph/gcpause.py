"""The cyclic garbage collector paused while a stage builds many objects that outlive it.

Decoding kept sources and resolving them make hundreds of thousands of small objects (mentions, models, lists) that
all live on in the graph. Each 700 new containers trigger a collection, and the older generations are scanned again
and again as the heap grows: on the Gazette corpus a third of the resolver's time and two fifths of the decoding
(`python -m bench.extract_speed`; CPU time with and without, bench/RESULTS.md). These stages make no garbage cycles
of their own worth collecting at once, so the collector waits until the outermost paused stage ends; then it runs
as usual. Extraction is not paused: it makes garbage cycles (a third of a megabyte per megabyte of text read).
Nested and concurrent pauses (the service's threads) count; a collector the program disabled before the outermost
pause began stays disabled (one it disables during a pause is enabled again when the pause ends).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_LOCK = threading.Lock()
_depth = 0
_resume = False  # whether the collector was running when the outermost pause began


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Within the block (or the decorated function), no cyclic collection."""
    global _depth, _resume
    with _LOCK:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _LOCK:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()


def forked_child() -> None:
    """A process forked from one that may have been within a pause (a reading worker of a build): no pause is its own,
    its collector runs, and it leaves out what it was given by its parent, which it does not change (scanning those
    objects would write to their pages, copying the parent's heap into the child)."""
    global _LOCK, _depth, _resume
    _LOCK = threading.Lock()
    _depth, _resume = 0, False
    gc.freeze()
    gc.enable()
