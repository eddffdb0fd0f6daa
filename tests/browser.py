"""Shared helpers for tests that open the viewer in headless Chromium (Debian's, via playwright).

Test modules import the fixtures they use (``from browser import chromium, open_viewer``). The
browser is Debian's /usr/bin/chromium: nothing is downloaded. Pages are opened over file://
and every request that is not that file is recorded and aborted.

Run as a script, it regenerates the README's screenshot of the viewer on the bundled corpus::

    python -m tests.browser screenshot [docs/viewer.png]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS

from plankg.graph.rdf.vocab import PK

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
SCREENSHOT_VIEWPORT = {"width": 1280, "height": 800}
# the node the screenshot selects, so that the details panel shows a program and its evidence
SCREENSHOT_SEARCH = "科技创新人才队伍推进计划"
SCREENSHOT_LIMIT = 300_000  # bytes
ROOT = Path(__file__).parents[1]


def chromium_executable() -> str | None:
    """Debian's Chromium (the test command installs it), or one named chromium on PATH."""
    return shutil.which(str(CHROMIUM)) or shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """One headless Chromium for the session (playwright gives each launch a fresh profile)."""
    executable = chromium_executable()
    if executable is None:
        pytest.skip(f"no Chromium at {CHROMIUM}: `apt-get install chromium` (tests/run.sh does)")
    from playwright.sync_api import sync_playwright  # a test dependency: missing is an error

    with sync_playwright() as pw:
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

    def click_node(self, node_id: str) -> Any:
        """Zoom to a node, click it as a user would, and return the details panel's locator."""
        self.js("id => window.network.focus(id, {scale: 1.5})", node_id)
        x, y = self.node_on_screen(node_id)
        self.page.mouse.click(x, y)
        return self.page.locator("#details")


def open_page(context: object, path: Path) -> Viewer:
    """Open a written viewer file in ``context``, offline, and wait until it has laid out."""
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


@pytest.fixture
def open_viewer(chromium: object) -> Iterator[object]:
    """``open_viewer(path)`` opens a written viewer file and waits until it has laid out."""
    contexts = []

    def open_(path: Path) -> Viewer:
        context = chromium.new_context(viewport=VIEWPORT)
        contexts.append(context)
        return open_page(context, path)

    yield open_
    for context in contexts:
        context.close()


def screenshot(
    browser: object, page_path: Path, *, search: str = SCREENSHOT_SEARCH, clip: str | None = None
) -> bytes:
    """A PNG of the viewer at 1280x800 once laid out, with ``search`` found and the graph fitted.

    ``clip`` (a CSS selector) takes only that element. Raises AssertionError if the page logs an
    error or asks for anything over the network.
    """
    context = browser.new_context(viewport=SCREENSHOT_VIEWPORT, device_scale_factor=1)
    try:
        viewer = open_page(context, page_path)
        viewer.page.fill("#search", search)
        viewer.page.press("#search", "Enter")
        selected = viewer.wait_for("window.network.getSelectedNodes()[0]", timeout=10)
        viewer.wait_centred(str(selected))
        viewer.page.click("#fit")  # the whole graph, the found node still selected
        viewer.page.wait_for_timeout(200)  # one more frame drawn after the fit
        if viewer.console_errors or viewer.requests != [viewer.url]:
            raise AssertionError(f"viewer misbehaved: {viewer.console_errors} {viewer.requests}")
        if clip is not None:
            return viewer.page.locator(clip).screenshot(type="png")
        return viewer.page.screenshot(type="png")
    finally:
        context.close()


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk."""
    if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def palette_png(data: bytes, colours: int = 256) -> bytes:
    """Chromium's RGB(A) screenshot as an 8-bit palette PNG, a third of the size or less.

    The palette takes colours by frequency but first far apart from each other, so that the few
    pixels of a red plan star are not lost to shades of grey; every other colour maps to the
    nearest palette entry.
    """
    width, height, pixels = _rgb_pixels(data)
    counts = Counter(pixels)
    palette: list[bytes] = []
    for gap in (192, 96, 48, 24, 0):  # weighted distance, coarse to fine
        for colour, _ in counts.most_common():
            if len(palette) == colours:
                break
            if colour not in palette and all(_distance(colour, p) >= gap**2 for p in palette):
                palette.append(colour)
    index = {c: i for i, c in enumerate(palette)}
    for r, g, b in counts.keys() - index.keys():
        gaps = [3 * (r - pr) ** 2 + 4 * (g - pg) ** 2 + 2 * (b - pb) ** 2 for pr, pg, pb in palette]
        index[bytes((r, g, b))] = gaps.index(min(gaps))
    scanlines = bytearray()
    for y in range(height):
        scanlines.append(0)  # filter "none": best for palette images
        scanlines.extend(index[c] for c in pixels[y * width : (y + 1) * width])
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 3, 0, 0, 0])
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"PLTE", b"".join(palette))
        + _chunk(b"IDAT", zlib.compress(bytes(scanlines), 9))
        + _chunk(b"IEND", b"")
    )


def _distance(a: bytes, b: bytes) -> int:
    # the eye is most sensitive to green, least to blue
    return 3 * (a[0] - b[0]) ** 2 + 4 * (a[1] - b[1]) ** 2 + 2 * (a[2] - b[2]) ** 2


def _chunk(kind: bytes, body: bytes) -> bytes:
    size = len(body).to_bytes(4, "big")
    return size + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")


def _rgb_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the RGB of every pixel of an 8-bit RGB or RGBA, non-interlaced PNG."""
    pos, idat, header = 8, [], b""
    while pos < len(data):
        size = int.from_bytes(data[pos : pos + 4], "big")
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + size]
        pos += 12 + size
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat.append(body)
    width, height = int.from_bytes(header[:4], "big"), int.from_bytes(header[4:8], "big")
    depth, kind, interlace = header[8], header[9], header[12]
    if depth != 8 or kind not in (2, 6) or interlace:
        raise ValueError("only 8-bit RGB or RGBA PNGs without interlacing")
    step = 3 if kind == 2 else 4
    stride = width * step
    raw = zlib.decompress(b"".join(idat))
    above = bytearray(stride)
    pixels: list[bytes] = []
    for y in range(height):
        start = y * (stride + 1)
        kind_of_filter, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        # undo the row's filter (PNG spec, section 9): each byte is stored as a difference
        if kind_of_filter == 1:  # from the byte to the left
            for i in range(step, stride):
                line[i] = (line[i] + line[i - step]) & 255
        elif kind_of_filter == 2:  # from the byte above
            line = bytearray((x + u) & 255 for x, u in zip(line, above, strict=True))
        elif kind_of_filter == 3:  # from the mean of left and above
            for i in range(stride):
                left = line[i - step] if i >= step else 0
                line[i] = (line[i] + ((left + above[i]) >> 1)) & 255
        elif kind_of_filter == 4:  # from whichever of left, above, corner is nearest a guess
            for i in range(stride):
                left, up = (line[i - step], above[i]) if i >= step else (0, above[i])
                corner = above[i - step] if i >= step else 0
                guess = left + up - corner
                to_left, to_up, to_corner = abs(guess - left), abs(guess - up), abs(guess - corner)
                if to_left <= to_up and to_left <= to_corner:
                    line[i] = (line[i] + left) & 255
                elif to_up <= to_corner:
                    line[i] = (line[i] + up) & 255
                else:
                    line[i] = (line[i] + corner) & 255
        pixels.extend(bytes(line[x : x + 3]) for x in range(0, stride, step))
        above = line
    return width, height, pixels


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


def overview_dataset(*, plans: int) -> Dataset:
    """:func:`synthetic_dataset` with 40 nodes a plan and 12 industries, whose plans also share
    one program ("共享人才计划"): every plan names all 12 industries (its 39 programs target
    industries p, p+1, … p+38 modulo 12) and 40 programs."""
    ds = synthetic_dataset(plans=plans, nodes_per_plan=40, shared=12)
    shared = URIRef("https://w3id.org/plankg/id/program/shared")
    for p in range(plans):
        g = ds.graph(URIRef(f"https://w3id.org/plankg/graph/p{p}"))
        g.add((shared, RDF.type, PK.Program))
        g.add((shared, RDFS.label, Literal("共享人才计划", lang="zh")))
        g.add((shared, PK.inPlan, URIRef(f"https://w3id.org/plankg/id/plan/p{p}")))
    return ds


def _regenerate_screenshot(out: Path) -> int:
    from playwright.sync_api import sync_playwright

    from plankg.cli.viz import write_viewer
    from plankg.graph.rdf.build import build_dataset
    from plankg.queries.export import write_atomically

    executable = chromium_executable()
    if executable is None:
        print(f"error: no Chromium at {CHROMIUM}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "plans.html"
        nodes, edges = write_viewer(build_dataset().dataset, page_path)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS
            )
            try:
                data = screenshot(browser, page_path)
            finally:
                browser.close()
    data = palette_png(data)
    if len(data) > SCREENSHOT_LIMIT:
        print(f"error: screenshot is {len(data)} bytes, over {SCREENSHOT_LIMIT}", file=sys.stderr)
        return 1
    write_atomically(out, data)
    width, height = png_size(data)
    print(f"wrote {out}: {width}x{height}, {len(data)} bytes ({nodes} nodes, {edges} edges)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.browser")
    commands = parser.add_subparsers(dest="command", required=True)
    shot = commands.add_parser("screenshot", help="the viewer on the bundled corpus, as a PNG")
    shot.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "viewer.png")
    args = parser.parse_args(argv)
    return _regenerate_screenshot(args.out)


if __name__ == "__main__":
    sys.exit(main())
