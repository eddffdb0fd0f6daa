"""The viewer in a real headless Chromium, opened from disk with the network cut off."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import browser
import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef

from plankg.graph.rdf.vocab import PK_IRI
from plankg.queries.sources import open_source
from plankg.viz.html import write_html
from plankg.viz.layout import BIG_GRAPH
from plankg.viz.network import plan_network

pytestmark = pytest.mark.browser
# fixtures shared with other browser tests: pytest finds them as names of this module
chromium = browser.chromium
open_viewer = browser.open_viewer

DATA = Path(__file__).parent / "data" / "viz"
ROOT = Path(__file__).parents[1]
ID = "https://w3id.org/plankg/id/"
WUXING = "吴兴区人才发展“十四五”规划"
XIUZHOU = "秀洲区人才发展“十四五”规划"
PROGRAM = ID + "program/ke-ji-chuang-xin-ren-cai-dui-wu-tui-jin-ji-hua"
PROGRAM_SENTENCE = (
    "围绕“3+3”产业导向，即培育壮大数字经济、低碳经济、健康经济三大新兴产业，做优家居、纺织、"
    "毛衫三大传统优势产业，全力实施科技创新人才队伍推进计划，推进人才链与创新链、产业链等融合，"
    "精准引进一批海内外高精尖缺人才，高质量培育一批科技人才和团队。"
)
NODE_COUNT = "window.network.body.data.nodes.length"
HIDDEN = "window.network.body.data.nodes.get({filter: n => n.hidden}).map(n => n.id).sort()"


@pytest.fixture(scope="module")
def small_network():
    return plan_network(Dataset().parse(DATA / "small.trig", format="trig"))


@pytest.fixture(scope="module")
def small_page(small_network, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("viz") / "small.html"
    write_html(small_network, path, title="两个规划")
    return path


def ids_of(network, cls: str | None = None, plans: set[str] | None = None) -> list[str]:
    return sorted(
        n
        for n, d in network.nodes(data=True)
        if (cls is None or d["cls"] == cls) and (plans is None or set(d["plans"]) <= plans)
    )


def test_opens_offline_without_errors(open_viewer, small_page: Path, small_network) -> None:
    viewer = open_viewer(small_page)
    assert viewer.console_errors == []
    assert viewer.requests == [viewer.url]
    assert viewer.js(NODE_COUNT) == small_network.number_of_nodes() == 23
    assert viewer.js("window.network.body.data.edges.length") == 38
    assert viewer.page.inner_text("#count") == "Showing 23 of 23 nodes · 38 of 38 edges"
    assert viewer.page.title() == "两个规划 · plankg"
    # physics ran, then froze
    assert viewer.js("window.network.physics.options.enabled") is False
    assert viewer.page.is_checked("#physics") is False
    # the layout is seeded: opened again, the same picture
    positions = "window.network.getPositions()"
    assert open_viewer(small_page).js(positions) == viewer.js(positions)


def test_search_selects_and_centres_the_node(open_viewer, small_page: Path) -> None:
    viewer = open_viewer(small_page)
    for query, node in [
        ("深根计划", ID + "program/shen-gen-ji-hua"),
        ("区委组织部", ID + "department/zhong-gong-jia-xing-shi-xiu-zhou-qu-wei-zu-zhi-bu"),
        ("kunpeng action program", ID + "program/kun-peng-xing-dong-ji-hua"),
    ]:
        viewer.page.fill("#search", query)
        viewer.page.press("#search", "Enter")
        assert viewer.js("window.network.getSelectedNodes()") == [node]
        viewer.wait_centred(node)
        assert viewer.js("document.getElementById('details').dataset.node") == node
    assert viewer.console_errors == []


def test_filters_hide_and_show_nodes(open_viewer, small_page: Path, small_network) -> None:
    viewer = open_viewer(small_page)
    industry = viewer.page.locator("#classes input[data-cls='Industry']")
    industry.uncheck()
    assert viewer.js(HIDDEN) == ids_of(small_network, "Industry")
    assert len(viewer.js(HIDDEN)) == 5
    assert viewer.page.inner_text("#count").startswith("Showing 18 of 23 nodes")
    industry.check()
    assert viewer.js(HIDDEN) == []

    wuxing = viewer.page.locator("#plans label", has_text=WUXING).locator("input")
    wuxing.uncheck()
    hidden = viewer.js(HIDDEN)
    assert hidden == ids_of(small_network, plans={WUXING})
    assert len(hidden) == 10  # the shared 鲲鹏行动计划 stays: the Xiuzhou plan names it too
    assert ID + "program/kun-peng-xing-dong-ji-hua" not in hidden
    assert viewer.page.inner_text("#count").startswith("Showing 13 of 23 nodes")
    wuxing.check()
    assert viewer.js(HIDDEN) == []
    assert viewer.console_errors == []


def test_clicking_a_program_shows_its_evidence(open_viewer, small_page: Path) -> None:
    viewer = open_viewer(small_page)
    details = viewer.click_node(PROGRAM)
    assert viewer.js("document.getElementById('details').dataset.node") == PROGRAM
    assert details.locator("h2").inner_text() == "科技创新人才队伍推进计划"
    evidence = details.locator("ol.evidence > li")
    assert evidence.count() == 1
    assert evidence.locator(".quote").inner_text() == PROGRAM_SENTENCE
    assert evidence.locator(".cite").inner_text() == (
        f"{XIUZHOU} · （二）聚焦科创人才，实施“秀水精英”工程 · chars 7856–7978"
    )
    relations = details.locator("ul.relations > li")
    # inPlan, partOfProgram → 秀水精英工程, targetsIndustry → 健康经济 and 数字经济
    assert relations.count() == 4
    assert "partOfProgram → 秀水精英工程" in details.inner_text()


def test_document_text_is_inert(open_viewer, tmp_path: Path) -> None:
    network = plan_network(Dataset().parse(DATA / "xss.trig", format="trig"))
    path = tmp_path / "xss.html"
    write_html(network, path, title="<img src=x onerror=alert(4)>")
    viewer = open_viewer(path)
    viewer.page.fill("#search", "<img")
    viewer.page.press("#search", "Enter")
    details = viewer.page.locator("#details")
    assert details.locator("h2").inner_text() == "<img src=x onerror=alert(1)>"
    text = details.inner_text()
    assert "</script><script>window.__pwned=1</script>" in text
    quote = "实施“<img src=x onerror=alert(1)>”计划，</script><script>window.__pwned=1</script>"
    assert quote + "发展产业。" in text
    assert "一、<b onmouseover=alert(2)>任务</b>" in text
    assert viewer.page.inner_text("#title") == "<img src=x onerror=alert(4)>"
    # hover a node: vis-network shows its title as text
    viewer.wait_centred(ID + "program/img-xss")
    x, y = viewer.node_on_screen(ID + "program/img-xss")
    viewer.page.mouse.move(x - 20, y - 20)
    viewer.page.mouse.move(x, y, steps=5)
    tooltip = "(document.querySelector('div.vis-tooltip') || {}).textContent || ''"
    viewer.wait_for(f"({tooltip}).includes('onerror')", timeout=10)
    assert "<img src=x onerror=alert(1)>" in viewer.js(tooltip)
    viewer.page.mouse.move(x + 3, y + 3)
    viewer.page.wait_for_timeout(300)
    assert viewer.dialogs == []
    assert viewer.js("window.__pwned") is None
    assert viewer.js("document.querySelectorAll('img, svg[onload], b').length") == 0
    assert viewer.console_errors == []
    assert viewer.requests == [viewer.url]

    # the same fixture through `plankg viz`: the plan's title is the page's title, as text
    from plankg.cli import main

    page = tmp_path / "cli.html"
    written = CliRunner().invoke(main, ["viz", "--graph", str(DATA / "xss.trig"), "-o", str(page)])
    assert written.exit_code == 0, written.output
    viewer = open_viewer(page)
    assert viewer.page.inner_text("#title") == "</script><script>window.__pwned=1</script>规划"
    assert viewer.js("window.__pwned") is None
    assert viewer.dialogs == [] and viewer.console_errors == []
    assert viewer.requests == [viewer.url]


def test_big_graph_opens_with_precomputed_layout(open_viewer, tmp_path: Path) -> None:
    network = plan_network(browser.synthetic_dataset(plans=30, nodes_per_plan=100, shared=20))
    assert network.number_of_nodes() == 3020 > BIG_GRAPH
    path = tmp_path / "big.html"
    write_html(network, path, title="big")
    viewer = open_viewer(path)
    assert viewer.js(NODE_COUNT) == 3020
    assert viewer.js("window.network.physics.options.enabled") is False
    assert viewer.page.inner_text("#count") == (
        f"Showing 3020 of 3020 nodes · {network.number_of_edges()} of "
        f"{network.number_of_edges()} edges · layout precomputed, physics off"
    )
    # positions are the ones written into the page
    node = ID + "program/p3-7"
    placed = viewer.js(f"window.network.body.data.nodes.get('{node}')")
    assert viewer.js(f"window.network.getPositions(['{node}'])['{node}']") == {
        "x": placed["x"],
        "y": placed["y"],
    }
    viewer.page.locator("#plans input[data-plan='0']").uncheck()
    assert viewer.page.inner_text("#count").startswith("Showing 2920 of 3020 nodes")
    assert viewer.console_errors == []


# --- the bundled corpus, built for real ---------------------------------------------------------

CORPUS = ROOT / "corpus"
# Every instance of the viewer's classes that a plan names, and the plans: docs/model.md, read
# straight from the graph file with SPARQL rather than through the viewer's own network code.
SHOWN_NODES = """PREFIX pk: <https://w3id.org/plankg/ontology#>
SELECT DISTINCT ?node ?cls WHERE {
  VALUES ?cls { pk:Plan pk:Program pk:Platform pk:Industry pk:Department pk:Region pk:Task
                pk:Goal pk:Indicator }
  GRAPH ?g { ?node a ?cls }
  FILTER (?cls = pk:Plan || EXISTS { GRAPH ?h { ?node pk:inPlan ?plan } })
}"""
PLANS_OF = """PREFIX pk: <https://w3id.org/plankg/ontology#>
SELECT DISTINCT ?node ?title WHERE {
  { GRAPH ?g { ?node pk:inPlan ?plan } }
  UNION { GRAPH ?g { ?node a pk:Plan } BIND (?node AS ?plan) }
  GRAPH ?h { ?plan <http://purl.org/dc/terms/title> ?title }
}"""
NAMED = """PREFIX pk: <https://w3id.org/plankg/ontology#>
SELECT DISTINCT ?node WHERE {
  GRAPH ?g { ?node a ?cls }
  GRAPH ?h { ?node <http://www.w3.org/2000/01/rdf-schema#label> ?label }
  FILTER (STR(?label) = ?name)
}"""
# Typed from corpus/jiaxing-xiuzhou-talent-plan-2021-2025.txt, section "（二）聚焦科创人才，实施
# “秀水精英”工程": the sentence that names the program and the six industries it serves.
SECTION = "（二）聚焦科创人才，实施“秀水精英”工程"
INDUSTRIES = ["数字经济", "低碳经济", "健康经济", "家居", "纺织", "毛衫"]


@dataclass(frozen=True)
class Corpus:
    graph: Path  # plankg build corpus -o g.trig
    page: Path  # plankg viz --graph g.trig -o plans.html
    nodes: dict[str, str]  # IRI -> class, from SPARQL on g.trig
    plans: dict[str, set[str]]  # IRI -> plan titles

    def iri(self, label: str, cls: str) -> str:
        rows = open_source(graph=self.graph).select(
            NAMED, bindings={"name": label, "cls": URIRef(PK_IRI + cls)}
        )
        assert len(rows) == 1, f"{cls} {label}: {rows}"
        return str(rows[0]["node"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    from plankg.cli import main

    folder = tmp_path_factory.mktemp("corpus")
    graph, page = folder / "g.trig", folder / "plans.html"
    built = CliRunner().invoke(main, ["build", str(CORPUS), "-o", str(graph), "--no-store"])
    assert built.exit_code == 0, built.output
    shown = CliRunner().invoke(main, ["viz", "--graph", str(graph), "-o", str(page)])
    assert shown.exit_code == 0, shown.output
    source = open_source(graph=graph)
    nodes: dict[str, str] = {}
    for row in source.select(SHOWN_NODES):
        cls = str(row["cls"]).removeprefix(PK_IRI)
        # a node of two classes shows as the first of Plan, Program, Platform …
        if row["node"] not in nodes or cls == "Plan":
            nodes[str(row["node"])] = cls
    plans: dict[str, set[str]] = {}
    for row in source.select(PLANS_OF):
        plans.setdefault(str(row["node"]), set()).add(str(row["title"]))
    edges = int(shown.output.split(", ")[1].split()[0])
    assert shown.output == f"wrote {page}: {len(nodes)} nodes, {edges} edges\n"
    return Corpus(graph=graph, page=page, nodes=nodes, plans=plans)


@pytest.fixture(scope="module")
def corpus_page(chromium, corpus: Corpus) -> Iterator[browser.Viewer]:
    # laying out 300-odd nodes takes a few seconds: the corpus tests share one page
    context = chromium.new_context(viewport=browser.VIEWPORT)
    yield browser.open_page(context, corpus.page)
    context.close()


@pytest.fixture
def corpus_viewer(corpus_page: browser.Viewer) -> browser.Viewer:
    """The shared corpus page as it opened: every filter on, no search, nothing selected."""
    viewer = corpus_page
    for box in viewer.page.locator("#classes input, #plans input").all():
        box.check()
    viewer.page.fill("#search", "")
    viewer.js("window.network.unselectAll()")
    viewer.js("window.network.fit({animation: false})")
    viewer.console_errors.clear()
    assert viewer.js(HIDDEN) == []
    return viewer


def test_corpus_opens_offline_with_every_node(corpus_viewer, corpus: Corpus) -> None:
    viewer = corpus_viewer
    assert viewer.console_errors == []
    assert viewer.requests == [viewer.url]
    assert len(corpus.nodes) > 200  # both plans, with their programs, platforms, industries …
    assert sorted(viewer.js("window.network.body.data.nodes.getIds()")) == sorted(corpus.nodes)
    plans = sorted(t for n, c in corpus.nodes.items() if c == "Plan" for t in corpus.plans[n])
    assert plans == [WUXING, XIUZHOU]
    assert viewer.page.title() == "2 plans · plankg"
    count = viewer.page.inner_text("#count")
    assert count.startswith(f"Showing {len(corpus.nodes)} of {len(corpus.nodes)} nodes · ")
    assert viewer.js("window.network.physics.options.enabled") is False  # laid out, then frozen
    # some node is one node for both plans (a shared program, industry or department)
    assert any(titles == {WUXING, XIUZHOU} for titles in corpus.plans.values())


def test_corpus_search_focuses_the_node(corpus_viewer, corpus: Corpus) -> None:
    viewer = corpus_viewer
    for query, label, cls in [
        ("科技创新人才队伍推进计划", "科技创新人才队伍推进计划", "Program"),
        ("“南太湖精英计划”", "南太湖精英计划", "Program"),  # printed with quotes: an altLabel
        ("太湖实验室", "太湖实验室", "Platform"),
        ("纺织", "纺织", "Industry"),  # the exact label first, before 纺织服装
    ]:
        node = corpus.iri(label, cls)
        viewer.page.fill("#search", query)
        viewer.page.press("#search", "Enter")
        assert viewer.js("window.network.getSelectedNodes()") == [node], query
        viewer.wait_centred(node)
        assert viewer.js("document.getElementById('details').dataset.node") == node
        assert viewer.page.locator("#details h2").inner_text() == label
    results = viewer.page.locator("#results button").all_inner_texts()
    assert results[0] == "纺织 · Industry" and "纺织服装 · Industry" in results[1:]
    assert viewer.console_errors == []


def test_corpus_filters_hide_the_right_nodes(corpus_viewer, corpus: Corpus) -> None:
    viewer = corpus_viewer
    total = len(corpus.nodes)
    programs = sorted(n for n, c in corpus.nodes.items() if c == "Program")
    assert len(programs) > 40
    box = viewer.page.locator("#classes input[data-cls='Program']")
    box.uncheck()
    assert viewer.js(HIDDEN) == programs
    assert viewer.page.inner_text("#count").startswith(
        f"Showing {total - len(programs)} of {total} nodes"
    )
    box.check()
    assert viewer.js(HIDDEN) == []

    wuxing_only = sorted(n for n in corpus.nodes if corpus.plans[n] == {WUXING})
    both = [n for n in corpus.nodes if corpus.plans[n] == {WUXING, XIUZHOU}]
    viewer.page.locator("#plans label", has_text=WUXING).locator("input").uncheck()
    assert viewer.js(HIDDEN) == wuxing_only
    assert not set(both) & set(viewer.js(HIDDEN))  # shared nodes stay for the Xiuzhou plan
    viewer.page.locator("#plans label", has_text=XIUZHOU).locator("input").uncheck()
    assert viewer.js(HIDDEN) == sorted(corpus.nodes)
    assert viewer.page.inner_text("#count").startswith(f"Showing 0 of {total} nodes · 0 of ")
    assert viewer.console_errors == []


def test_corpus_click_on_a_program_shows_its_evidence(corpus_viewer, corpus: Corpus) -> None:
    text = (CORPUS / "jiaxing-xiuzhou-talent-plan-2021-2025.txt").read_text(encoding="utf-8")
    start = text.index(PROGRAM_SENTENCE)
    program = corpus.iri("科技创新人才队伍推进计划", "Program")
    viewer = corpus_viewer
    viewer.js("id => window.network.focus(id, {scale: 2})", program)
    x, y = viewer.node_on_screen(program)
    viewer.page.mouse.click(x, y)
    assert viewer.js("window.network.getSelectedNodes()") == [program]
    details = viewer.page.locator("#details")
    assert viewer.js("document.getElementById('details').dataset.node") == program
    assert details.locator("h2").inner_text() == "科技创新人才队伍推进计划"
    evidence = details.locator("ol.evidence > li")
    assert evidence.count() == 1
    assert evidence.locator(".quote").inner_text() == PROGRAM_SENTENCE
    assert evidence.locator(".cite").inner_text() == (
        f"{XIUZHOU} · {SECTION} · chars {start}–{start + len(PROGRAM_SENTENCE)}"
    )
    relations = details.locator("ul.relations > li").all_inner_texts()
    for industry in INDUSTRIES:
        assert any(r.startswith(f"targetsIndustry → {industry}") for r in relations), industry
    assert any(r.startswith("partOfProgram → 秀水精英工程") for r in relations)
    assert any(r.startswith(f"inPlan → {XIUZHOU}") for r in relations)
    assert viewer.console_errors == []


def test_screenshot_helper_keeps_the_colours(chromium, corpus: Corpus) -> None:
    # the side panel: every class's swatch, Chinese text, checkboxes (the whole page takes
    # seconds to quantise in pure Python; `python -m tests.browser screenshot` does that)
    shot = browser.screenshot(chromium, corpus.page, clip="#side")
    assert browser.png_size(shot) == (250, 800 - 36)  # the panel, below the header
    small = browser.palette_png(shot)
    assert len(small) < len(shot)
    # Chromium decodes the palette PNG to the same picture, give or take a shade
    context = chromium.new_context()
    try:
        page = context.new_page()
        difference = page.evaluate(
            """async ([a, b]) => {
                 const pixels = async (b64) => {
                   const img = new Image(); img.src = "data:image/png;base64," + b64;
                   await img.decode();
                   const c = document.createElement("canvas");
                   c.width = img.naturalWidth; c.height = img.naturalHeight;
                   const g = c.getContext("2d"); g.drawImage(img, 0, 0);
                   return [c.width, c.height, g.getImageData(0, 0, c.width, c.height).data];
                 };
                 const [w, h, p] = await pixels(a), [w2, h2, q] = await pixels(b);
                 let sum = 0;
                 for (let i = 0; i < p.length; i++) sum += Math.abs(p[i] - q[i]);
                 return [w, h, w2, h2, sum / p.length];
               }""",
            [base64.b64encode(shot).decode(), base64.b64encode(small).decode()],
        )
    finally:
        context.close()
    assert difference[:4] == [250, 764, 250, 764]
    assert difference[4] < 1.5  # mean difference per channel, out of 255


def test_readme_screenshot_is_a_small_png() -> None:
    data = (ROOT / "docs" / "viewer.png").read_bytes()
    assert browser.png_size(data) == (1280, 800)
    assert len(data) < browser.SCREENSHOT_LIMIT


# --- a large graph: the overview (docs/decisions/025-viz-overview.md) --------------------------


def test_many_plans_open_as_an_interactive_overview(open_viewer, tmp_path: Path) -> None:
    from plankg.cli import main

    graph = tmp_path / "plans.trig"
    browser.overview_dataset(plans=50).serialize(graph, format="trig")
    page = tmp_path / "overview.html"
    written = CliRunner().invoke(main, ["viz", "--graph", str(graph), "-o", str(page)])
    assert written.exit_code == 0, written.output
    assert "overview of 50 plans" in written.output
    viewer = open_viewer(page)  # waits until the page says it is ready
    assert viewer.console_errors == []
    assert viewer.requests == [viewer.url]
    # 50 plans, the 12 industries they all name, the one program they share; every plan names
    # all 12 industries (its 39 programs target industries p, p+1, … p+38 modulo 12)
    assert viewer.page.inner_text("#count") == (
        "Showing 63 of 63 nodes · 650 of 650 edges · layout precomputed, physics off"
    )
    plan = ID + "plan/p7"
    details = viewer.click_node(plan)
    assert viewer.js("document.getElementById('details').dataset.node") == plan
    assert details.locator("h2").inner_text() == "第7号规划"
    text = details.inner_text()
    assert "40" in text  # 39 programs of its own and the shared one
    assert 'plankg viz --plan "第7号规划"' in text
    # the interaction works: a plan switched off hides its node
    viewer.page.locator("#plans input[data-plan='0']").uncheck()
    assert viewer.page.inner_text("#count").startswith("Showing 62 of 63 nodes")
    assert viewer.console_errors == []
