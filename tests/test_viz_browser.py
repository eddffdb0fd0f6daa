"""The viewer in a real headless Chromium, opened from disk with the network cut off."""

from __future__ import annotations

from pathlib import Path

import browser
import pytest
from click.testing import CliRunner
from rdflib import Dataset

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
    viewer.js("id => window.network.focus(id, {scale: 1.5})", PROGRAM)
    x, y = viewer.node_on_screen(PROGRAM)
    viewer.page.mouse.click(x, y)
    details = viewer.page.locator("#details")
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


def test_real_corpus_build(open_viewer, tmp_path: Path) -> None:
    if not (ROOT / "graph" / "build.py").exists():
        pytest.skip("graph/build.py does not exist yet: no real graph of the corpus to show")
    from plankg.cli import main

    if "build" not in main.commands:
        pytest.skip("`plankg build` is not registered yet: no real graph of the corpus to show")
    built = tmp_path / "g.trig"
    result = CliRunner().invoke(main, ["build", str(ROOT / "corpus"), "-o", str(built)])
    assert result.exit_code == 0, result.output
    network = plan_network(Dataset().parse(built, format="trig"))
    assert len(network.graph["plans"]) == 2
    path = tmp_path / "plans.html"
    write_html(network, path, title="corpus")
    viewer = open_viewer(path)
    assert viewer.console_errors == []
    assert viewer.requests == [viewer.url]
    assert viewer.js(NODE_COUNT) == network.number_of_nodes()
    # shared things are one node: some node is named by both plans
    assert any(set(d["plans"]) == {WUXING, XIUZHOU} for _, d in network.nodes(data=True))
