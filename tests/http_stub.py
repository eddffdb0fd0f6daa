"""A small HTTP server on 127.0.0.1 for the tests of remote faults: a handler class answers by
path as a broken or hostile SPARQL service would; ``answering`` serves it on a free port and
stops it, releasing any request still held open."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class StubHandler(BaseHTTPRequestHandler):
    """Replies are sent with ``_send``; ``release`` frees requests a handler holds on purpose."""

    release = threading.Event()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.release = threading.Event()  # one per stub: stopping one frees only its own requests

    def _send(self, status: int, text: str, kind: str = "application/sparql-results+json"):
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:  # keep test output clean
        pass


@contextmanager
def answering(handler: type[StubHandler]) -> Iterator[str]:
    """Serve ``handler`` on 127.0.0.1 and yield the base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        handler.release.set()
        httpd.shutdown()
        httpd.server_close()
