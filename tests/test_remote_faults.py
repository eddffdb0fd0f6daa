"""Endpoints that misbehave: each fault is one line naming the endpoint, and a non-zero exit.

A small HTTP server on loopback answers by path the way broken or hostile SPARQL services do:
403, 404, an HTML page where results were expected, JSON cut off mid-answer, a redirect to
itself, a reply that never comes, a connection closed without an answer. The same faults on
``push`` (Graph Store Protocol PUT) are checked too.
"""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from http_stub import StubHandler, answering

from plankg.cli import main

MINI = Path(__file__).parent / "data" / "queries" / "mini.trig"
RESULTS = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [
    {"n": {"type": "literal", "value": "7"}}]}})  # fmt: skip


class Faulty(StubHandler):
    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        path = urllib.parse.urlsplit(self.path).path
        if path == "/403":
            return self._send(403, "<html><body><h1>Forbidden</h1></body></html>", "text/html")
        if path == "/404":
            return self._send(404, "<html><body>Not Found</body></html>", "text/html")
        if path == "/html":
            return self._send(200, "<!doctype html><html><body>登录</body></html>", "text/html")
        if path == "/truncated":
            return self._send(200, RESULTS[: len(RESULTS) // 2])
        if path == "/loop":
            self.send_response(302)
            self.send_header("Location", self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path == "/hang":
            Faulty.release.wait(10)
            return self._send(200, RESULTS)
        if path == "/close":
            self.close_connection = True
            return None  # no status line at all
        return self._send(200, RESULTS)

    do_POST = do_PUT = do_GET = _answer


@pytest.fixture(scope="module")
def faulty() -> Iterator[str]:
    with answering(Faulty) as url:
        yield url


def one_line_error(result, url: str) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {url}: "), result.output
    return lines[0].removeprefix(f"Error: {url}: ")


@pytest.mark.parametrize("path, says", [
    ("/403", "HTTP 403"),
    ("/404", "HTTP 404"),
    ("/html", "not SPARQL JSON results"),
    ("/truncated", "not SPARQL JSON results"),
    ("/loop", "redirect"),
    ("/close", "cannot reach the endpoint"),
])
def test_a_faulty_endpoint_is_one_line(faulty: str, path: str, says: str) -> None:
    url = faulty + path
    result = CliRunner().invoke(main, ["query", "plans", "--endpoint", url])
    assert says in one_line_error(result, url)


def test_a_hung_endpoint_is_cut_by_the_timeout(faulty: str) -> None:
    url = faulty + "/hang"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["query", "plans", "--endpoint", url, "--timeout", "0.5"])
    assert one_line_error(result, url) == "no answer within 0.5 s (timeout)"
    assert time.monotonic() - started < 8  # cut by the timeout, not by the server's release


@pytest.mark.parametrize("path, says", [
    ("/403", "HTTP 403"),
    ("/404", "HTTP 404"),
    ("/loop", "redirect"),
    ("/close", "cannot reach"),
])
def test_push_to_a_faulty_graph_store_is_one_line(faulty: str, path: str, says: str) -> None:
    url = faulty + path
    result = CliRunner().invoke(main, ["push", "--graph-store", url, "--graph", str(MINI)])
    assert says in one_line_error(result, url)


def test_export_from_a_faulty_endpoint_writes_nothing(faulty: str, tmp_path: Path) -> None:
    out = tmp_path / "copy.trig"
    out.write_text("previous", encoding="utf-8")
    url = faulty + "/truncated"
    result = CliRunner().invoke(main, ["export", "--endpoint", url, "-o", str(out)])
    assert "not SPARQL JSON results" in one_line_error(result, url)
    assert out.read_text(encoding="utf-8") == "previous"
