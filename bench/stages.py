"""Where extraction spends its time, by stage: each stage's own time (its callees that are stages themselves are
counted in theirs), summed over the texts. The stages are functions of the pipeline wrapped by a timer for the
length of one run (`timed`); the pipeline itself carries no timing code.

    python -m bench.extract_speed --stages [CORPUS_DIR]
"""

from __future__ import annotations

import contextlib
import importlib
import time
from collections.abc import Callable, Generator, Iterator
from typing import Any

# (stage name, module, function): where each stage begins. A function imported by name into another module is
# wrapped there too (`_IMPORTED_AS`), so that every caller goes through the timer.
STAGES: list[tuple[str, str, str]] = [
    ("clean", "graph.clean", "clean"),
    ("fold (context)", "graph.extract.context", "_Ctx.__init__"),
    ("sentences", "graph.extract.sentences", "split_sentences"),
    ("numbers: scan", "graph.numbers", "scan"),
    ("numbers: type, date, issuer, subject", "graph.extract.mentions", "_numbered"),
    ("laws by name", "graph.extract.laws", "named_laws"),
    ("short references", "graph.extract.mentions", "_short_references"),
    ("self references", "graph.extract.mentions", "_self_references"),
    ("mentions: issuer and date before", "graph.extract.mentions", "find_mentions"),
    ("header", "graph.extract.header", "_header"),
    ("quotes", "graph.extract.quotes", "_Quotes.__init__"),
    ("relations: triggers", "graph.extract.relations", "_Clauses.triggers_in"),
    ("relations: list items", "graph.extract.relations", "_list_items"),
    ("relations: lists headed", "graph.extract.relations", "_heads_a_list"),
    ("relations: proposers", "graph.extract.relations", "_proposers"),
    ("relations: clauses", "graph.extract.relations", "_Relator.sentence"),
    ("relations: legal bases", "graph.extract.relations", "_Relator.based_on"),
    ("relations: sentence walk", "graph.extract.relations", "relate"),
    ("dates of effect", "graph.extract.effective", "find_effective"),
    ("effects: relations", "graph.extract.effects", "relation_effects"),
    ("effects: items", "graph.extract.effects", "item_effects"),
    ("effects: suspensions", "graph.extract.effects", "suspensions"),
    ("parts (structure)", "graph.extract", "parts_of"),
    ("extract (rest)", "graph.extract", "extract"),
    ("resolve", "graph.resolve", "Resolver.build"),
]

_IMPORTED_AS = {("graph.clean", "clean"): ["graph.pipeline"], ("graph.numbers", "scan"): ["graph.extract.mentions"],
                ("graph.extract.sentences", "split_sentences"): ["graph.extract"],
                ("graph.extract.laws", "named_laws"): ["graph.extract.mentions"],
                ("graph.extract.mentions", "find_mentions"): ["graph.extract"],
                ("graph.extract.header", "_header"): ["graph.extract"],
                ("graph.extract.relations", "relate"): ["graph.extract"],
                ("graph.extract.effective", "find_effective"): ["graph.extract"],
                ("graph.extract.effects", "relation_effects"): ["graph.extract.relations"],
                ("graph.extract.effects", "item_effects"): ["graph.extract.relations"],
                ("graph.extract.effects", "suspensions"): ["graph.extract.relations"],
                ("graph.extract", "extract"): ["graph.pipeline"]}


class _Clock:
    """Own time per stage: a stack of (stage, start, time spent in the stages it called)."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.own: dict[str, float] = {}
        self.stack: list[list[Any]] = []
        self.now = clock

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed_call(*args: Any, **kw: Any) -> Any:
            result = self.call(name, fn, *args, **kw)
            return self.steps(name, result) if isinstance(result, Generator) else result

        return timed_call

    def call(self, name: str, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        self.stack.append([name, self.now(), 0.0])
        try:
            return fn(*args, **kw)
        finally:
            _, t0, inner = self.stack.pop()
            spent = self.now() - t0
            self.own[name] = self.own.get(name, 0.0) + spent - inner
            if self.stack:
                self.stack[-1][2] += spent

    def steps(self, name: str, gen: Generator[Any, None, None]) -> Iterator[Any]:
        """A generator's steps, each timed as its stage (a generator's body runs at each next())."""
        while True:
            try:
                yield self.call(name, next, gen)
            except StopIteration:
                return


@contextlib.contextmanager
def timed(now: Callable[[], float] = time.perf_counter) -> Iterator[dict[str, float]]:
    """Within the block, every stage's own time (seconds, by the clock `now`) is added up into the dict yielded."""
    clock = _Clock(now)
    undo: list[tuple[Any, str, Any]] = []
    for name, module, attr in STAGES:
        owner: Any = importlib.import_module(module)
        *path, fname = attr.split(".")
        for p in path:
            owner = getattr(owner, p)
        fn = owner.__dict__[fname]
        wrapped = clock.wrap(name, fn)
        undo.append((owner, fname, fn))
        setattr(owner, fname, wrapped)
        for other in _IMPORTED_AS.get((module, attr), []):
            m = importlib.import_module(other)
            undo.append((m, fname, getattr(m, fname)))
            setattr(m, fname, wrapped)
    try:
        yield clock.own
    finally:
        for owner, fname, fn in reversed(undo):
            setattr(owner, fname, fn)
