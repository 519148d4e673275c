"""The stores: the embedded one (`memory.MemoryStore`, a file) and Neo4j (`neo4j_store.Neo4jStore`), one contract
(`base.Store`). `open_store(uri)` opens either from what a user writes: the one way the CLI and the service do."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .base import Store

__all__ = ["NEO4J_SCHEMES", "Store", "is_neo4j_uri", "open_store", "redact_uri"]

NEO4J_SCHEMES = ("bolt://", "neo4j://", "bolt+s://", "neo4j+s://", "bolt+ssc://", "neo4j+ssc://")


def is_neo4j_uri(uri: str | os.PathLike[str]) -> bool:
    """A Neo4j URI (bolt://, neo4j://, neo4j+s:// …), not a file path."""
    return isinstance(uri, str) and uri.startswith(NEO4J_SCHEMES)


def redact_uri(uri: str | os.PathLike[str]) -> str:
    """A store URI as it may be shown or logged: the password of `scheme://user:password@host` written `***`
    (the one helper for every place a store URI is printed). A path, or a URI without a password, is unchanged."""
    text = os.fspath(uri)
    if "://" not in text or "@" not in text:
        return text
    try:
        parts = urlsplit(text)
        if parts.password is None:
            return text
        host = parts.netloc.rpartition("@")[2]
        user = parts.netloc.rpartition("@")[0].partition(":")[0]
        return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query, parts.fragment))
    except ValueError:  # unreadable: show no part of what stands before the '@'
        scheme, _, rest = text.partition("://")
        return f"{scheme}://***@{rest.rpartition('@')[2]}"


def open_store(uri: str | os.PathLike[str], *, user: str | None = None, password: str | None = None,
               database: str | None = None) -> Store:
    """The store a URI names: a file path -> the embedded store (created when the file does not exist yet);
    bolt://, neo4j://, neo4j+s:// … -> Neo4j. Neo4j's credentials and database come from the URI
    (`neo4j://user:password@host/database`), else from the arguments, else from the environment
    (LEXGRAPH_NEO4J_USER, LEXGRAPH_NEO4J_PASSWORD or _PASSWORD_FILE, LEXGRAPH_NEO4J_DATABASE; batch size and writers
    from LEXGRAPH_NEO4J_BATCH and LEXGRAPH_NEO4J_WRITERS). The Neo4j driver is imported only for a Neo4j URI."""
    if is_neo4j_uri(uri):
        from .neo4j_store import Neo4jStore

        return Neo4jStore.from_uri(str(uri), user=user, password=password, database=database)
    from .memory import MemoryStore

    return MemoryStore(Path(uri))
