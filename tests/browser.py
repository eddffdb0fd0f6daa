"""Shared helpers for tests that open the viewer in headless Chromium (Debian's, via playwright).

Test modules import the fixtures they use (``from browser import chromium, open_viewer``). The
browser is Debian's /usr/bin/chromium: nothing is downloaded. Pages are opened over file://
and every request that is not that file is recorded and aborted.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS

from plankg.graph.vocab import PK

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 850}


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """One headless Chromium for the session (playwright gives each launch a fresh profile)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    executable = shutil.which(str(CHROMIUM)) or shutil.which("chromium")
    if executable is None:
        pytest.skip("no Chromium: install Debian's chromium package")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Viewer:
    """One open viewer page and what it did: console messages, requests, dialogs."""

    page: object
    url: str
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: object = None) -> object:
        return self.page.evaluate(expression, arg)

    def wait_for(self, expression: str, arg: object = None, *, timeout: float = 60.0) -> object:
        # The page's CSP forbids eval, which page.wait_for_function relies on: poll instead.
        deadline = time.monotonic() + timeout
        while True:
            value = self.js(expression, arg)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {expression}")
            time.sleep(0.05)

    def wait_centred(self, node_id: str) -> None:
        """Wait until the view is centred on the node (search focuses with a short animation)."""
        self.wait_for(
            """id => { const v = window.network.getViewPosition();
                       const p = window.network.getPositions([id])[id];
                       return Math.hypot(v.x - p.x, v.y - p.y) < 1; }""",
            node_id,
            timeout=10,
        )

    def node_on_screen(self, node_id: str) -> tuple[float, float]:
        """Page coordinates of a node's centre."""
        x, y = self.js(
            """id => { const p = window.network.getPositions([id])[id];
                       const d = window.network.canvasToDOM(p); return [d.x, d.y]; }""",
            node_id,
        )
        box = self.page.locator("#network canvas").bounding_box()
        return box["x"] + x, box["y"] + y


@pytest.fixture
def open_viewer(chromium: object) -> Iterator[object]:
    """``open_viewer(path)`` opens a written viewer file and waits until it has laid out."""
    contexts = []

    def open_(path: Path) -> Viewer:
        context = chromium.new_context(viewport=VIEWPORT)
        contexts.append(context)
        page = context.new_page()
        viewer = Viewer(page=page, url=path.resolve().as_uri())
        page.on("console", lambda m: m.type == "error" and viewer.console_errors.append(m.text))
        page.on("pageerror", lambda err: viewer.console_errors.append(str(err)))
        page.on("dialog", lambda d: (viewer.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: viewer.requests.append(r.url))
        context.route(
            "**/*",
            lambda route: route.continue_() if route.request.url == viewer.url else route.abort(),
        )
        page.goto(viewer.url)
        viewer.wait_for("window.plankgReady === true")
        return viewer

    yield open_
    for context in contexts:
        context.close()


def synthetic_dataset(*, plans: int, nodes_per_plan: int, shared: int) -> Dataset:
    """Plans in the model's shape, big enough to need the precomputed layout.

    Each plan has its Plan node and ``nodes_per_plan - 1`` programs, each program targeting one
    of ``shared`` industries that all plans share; node count = plans * nodes_per_plan + shared.
    """
    ds = Dataset()
    base = "https://w3id.org/plankg/id/"
    industries = [URIRef(f"{base}industry/i{k}") for k in range(shared)]
    for p in range(plans):
        plan = URIRef(f"{base}plan/p{p}")
        g = ds.graph(URIRef(f"https://w3id.org/plankg/graph/p{p}"))
        g.add((plan, RDF.type, PK.Plan))
        g.add((plan, DCTERMS.title, Literal(f"第{p}号规划", lang="zh")))
        for k in range(nodes_per_plan - 1):
            program = URIRef(f"{base}program/p{p}-{k}")
            g.add((program, RDF.type, PK.Program))
            g.add((program, RDFS.label, Literal(f"规划{p}计划{k}", lang="zh")))
            g.add((program, PK.inPlan, plan))
            industry = industries[(p + k) % shared]
            g.add((program, PK.targetsIndustry, industry))
            g.add((industry, RDF.type, PK.Industry))
            g.add((industry, RDFS.label, Literal(f"产业{industries.index(industry)}", lang="zh")))
            g.add((industry, PK.inPlan, plan))
    return ds
