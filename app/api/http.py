"""The HTTP/1.1 protocol `lexgraph serve` runs: uvicorn's, with the request head bounded and its refusals as
problem details.

uvicorn's httptools protocol (the fast one, used when httptools is installed, as `uvicorn[standard]` does) sets no
limit on the request line and headers: llhttp keeps a header that never ends, so ten connections each sending an
unfinished 100 MB header held a gigabyte before any authentication. Here the bytes of a head still open after a
read are counted, and past `max_head` bytes the request is answered 431 (a header too large) or 414 (a request
line too long) as `application/problem+json` and the connection closed, whoever sent it. What a read holds
beyond the limit is kept until the close (a read is at most 256 KiB), so a connection costs at most the limit
plus one read. Bytes the parser refuses get a 400 as problem+json too (uvicorn writes text/plain).

Without httptools uvicorn's h11 protocol runs, bounded by `h11_max_incomplete_event_size` (the same limit); its
refusals stay uvicorn's plain-text 400s.

The count starts with the read in which a head begins: a client that pipelines a request after a large body in
one read has that body's tail counted too (HTTP clients do not pipeline; none is refused for it in practice).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

GRACE = 2.0  # seconds a refused connection is read (and the bytes dropped) before it is closed


def _problem(status: int, reason: str, title: str, detail: str) -> bytes:
    body = json.dumps({"type": "about:blank", "title": title, "status": status, "detail": detail}).encode()
    return (f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/problem+json\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n").encode("latin-1") + body


def protocol_class(max_head: int) -> type[asyncio.Protocol] | str:
    """The protocol class for uvicorn.Config(http=…): heads bounded to `max_head` bytes."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:  # no httptools: h11, bounded by h11_max_incomplete_event_size
        return "h11"

    class BoundedHttpToolsProtocol(HttpToolsProtocol):
        limit = max_head

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._head_open = False
            self._head_bytes = 0
            self._refused = False

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._head_open = True

        def on_headers_complete(self) -> None:
            self._head_open = False
            super().on_headers_complete()

        def data_received(self, data: bytes) -> None:
            if self._refused:  # answered: what still comes is dropped until the close
                return
            was_open = self._head_open
            super().data_received(data)
            if self._head_open and not self._refused:
                self._head_bytes = (self._head_bytes if was_open else 0) + len(data)
                if self._head_bytes > self.limit:
                    if not self.headers and len(self.url or b"") > self.limit // 2:
                        self._refuse(_problem(414, "URI Too Long", "Request line too long",
                                              f"The request line and headers are limited to {self.limit} bytes."))
                    else:
                        self._refuse(_problem(431, "Request Header Fields Too Large", "Headers too large",
                                              f"The request line and headers are limited to {self.limit} bytes."))

        def send_400_response(self, msg: str) -> None:
            self._refuse(_problem(400, "Bad Request", "Not HTTP",
                                  "The request is not valid HTTP/1.1: a URL must be percent-encoded (a space, 'Đ' "
                                  "or any letter past ASCII written raw in it is refused; curl -G --data-urlencode "
                                  "'q=…' encodes it); see /docs for the API."))

        def _refuse(self, response: bytes) -> None:
            """Answer, half-close, drop what the client still sends for a moment (closing at once, with its bytes
            unread, would reset the connection before the client reads the answer), then close."""
            self._refused = True
            self._head_open = False
            self.headers = []
            self.url = b""
            transport = self.transport
            if transport is None or transport.is_closing():
                return
            transport.write(response)
            if transport.can_write_eof():
                transport.write_eof()
            self.loop.call_later(GRACE, transport.close)

    return BoundedHttpToolsProtocol
