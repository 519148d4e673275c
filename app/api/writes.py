"""Writes queue: the ingests of a service write one at a time, in the order they came, and never hold a thread
while they wait (a waiting ingest is a coroutine, not a blocked worker). At most `ingest_queue` wait
(LEXGRAPH_INGEST_QUEUE); one more gets a 503 with Retry-After, the time the queue ahead of it is expected to take.

The stores serialise writes themselves too (the embedded store's `_writing` lock, Neo4j's `_upserting`), so a
program that shares a store between threads gets the same order; what each write reports as added is counted by
the write itself."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Request

from .offload import Busy


class WriteQueue:
    def __init__(self, size: int) -> None:
        self.size = size
        self.waiting = 0
        self.seconds = 1.0  # a write's duration, smoothed: what Retry-After is estimated from
        self._turn: asyncio.Lock | None = None

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Wait for this write's turn (first come, first served: asyncio.Lock wakes waiters in order)."""
        if self._turn is None:
            self._turn = asyncio.Lock()
        if self._turn.locked() and self.waiting >= self.size:
            raise Busy(503, f"{self.waiting} ingests are waiting to write (LEXGRAPH_INGEST_QUEUE={self.size}); "
                            "send this one again later", self.seconds * (self.waiting + 1))
        self.waiting += 1
        try:
            await self._turn.acquire()
        finally:
            self.waiting -= 1
        t = time.monotonic()
        try:
            yield
        finally:
            self.seconds = 0.8 * self.seconds + 0.2 * (time.monotonic() - t)
            self._turn.release()


def write_queue(request: Request) -> WriteQueue:
    queue: WriteQueue | None = getattr(request.app.state, "writes", None)
    if queue is None:
        queue = request.app.state.writes = WriteQueue(request.app.state.settings.ingest_queue)
    return queue
