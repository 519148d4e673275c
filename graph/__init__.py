"""lexgraph as a library: read Vietnamese legal texts into a graph, keep it in a store, ask it questions.

    import graph

    g = graph.read_paths(["seeds/"])                 # or graph.read_text("Nghị định số 42/2022/NĐ-CP …")
    store = graph.open_store("/tmp/g.lexgraph")      # a file: the embedded store; bolt://… or neo4j://…: Neo4j
    store.upsert(g)
    graph.ask(store, "what replaced decree 43/2011?").text

Each name is imported when first used (`__getattr__`), so `import graph.numbers` costs no more than that module.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Graph
    from .pipeline import read_paths, read_text
    from .questions import Answer, ask
    from .stores import open_store
    from .stores.base import Store

__all__ = ["Answer", "Graph", "Store", "ask", "open_store", "read_paths", "read_text"]

_HOME = {"read_text": "pipeline", "read_paths": "pipeline", "open_store": "stores", "ask": "questions",
         "Answer": "questions", "Graph": "model", "Store": "stores.base"}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:  # a submodule (`from graph import numbers`) is imported by the import system, not here
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
