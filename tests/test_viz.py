"""The viewer's model (networkx graph), its page, GraphML export and the ``viz`` command."""

from __future__ import annotations

import base64
import doctest
import hashlib
import json
import math
import os
import re
from pathlib import Path

import networkx as nx
import pytest
from browser import synthetic_dataset
from click.testing import CliRunner
from rdflib import Dataset

import plankg.viz.graphml
import plankg.viz.layout
import plankg.viz.network
from plankg.cli import main
from plankg.cli.viz import viz
from plankg.errors import InputError
from plankg.queries.store import write_store
from plankg.viz.graphml import to_graphml
from plankg.viz.html import render_html
from plankg.viz.layout import plan_cluster_layout
from plankg.viz.network import plan_network

DATA = Path(__file__).parent / "data" / "viz"
SMALL = DATA / "small.trig"
XSS = DATA / "xss.trig"
CORPUS = Path(__file__).parents[1] / "corpus"

WUXING = "吴兴区人才发展“十四五”规划"
XIUZHOU = "秀洲区人才发展“十四五”规划"
ID = "https://w3id.org/plankg/id/"
KUNPENG = ID + "program/kun-peng-xing-dong-ji-hua"
TAIHU_LAB = ID + "platform/tai-hu-shi-yan-shi"
SHENGEN = ID + "program/shen-gen-ji-hua"
TAIHU_SENTENCE = (
    "聚焦新材料、新能源、智能装备三个领域,高标准推进太湖实验室建设,争取融入全省实验室布局。"
)


@pytest.fixture(scope="module")
def small() -> Dataset:
    return Dataset().parse(SMALL, format="trig")


def labels(network: nx.MultiDiGraph, cls: str | None = None) -> set[str]:
    return {d["label"] for _, d in network.nodes(data=True) if cls in (None, d["cls"])}


def by_class(network: nx.MultiDiGraph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, cls in network.nodes(data="cls"):
        counts[cls] = counts.get(cls, 0) + 1
    return counts


# --- the fixture itself ------------------------------------------------------------------------


def test_fixture_quotes_are_the_corpus_text(small: Dataset) -> None:
    network = plan_network(small)
    texts = {
        WUXING: (CORPUS / "huzhou-wuxing-talent-plan-2021-2025.txt").read_text(encoding="utf-8"),
        XIUZHOU: (CORPUS / "jiaxing-xiuzhou-talent-plan-2021-2025.txt").read_text(encoding="utf-8"),
    }
    quotes = [q for _, d in network.nodes(data=True) for q in d["evidence"]]
    assert len(quotes) >= 20
    for q in quotes:
        assert texts[q["plan"]][q["start"] : q["end"]] == q["exact"]


# --- network -----------------------------------------------------------------------------------


def test_default_network_has_the_plans_entities(small: Dataset) -> None:
    network = plan_network(small)
    assert by_class(network) == {
        "Plan": 2,
        "Program": 6,
        "Platform": 2,
        "Industry": 5,
        "Department": 3,
        "Region": 2,
        "Task": 1,
        "Goal": 1,
        "Indicator": 1,
    }
    # in the lexicon (ontology graph) but named by no plan
    assert "集成电路" not in labels(network)
    # 22 inPlan links, 7 relations in the Wuxing plan, 9 in the Xiuzhou plan
    assert network.number_of_edges() == 38
    assert network.graph["plans"] == [WUXING, XIUZHOU]


def test_shared_program_is_one_node_with_both_plans(small: Dataset) -> None:
    node = plan_network(small).nodes[KUNPENG]
    assert node["cls"] == "Program"
    assert node["label"] == "鲲鹏行动计划"
    assert node["label_en"] == "Kunpeng Action Program"
    assert node["alt_labels"] == ["“鲲鹏行动”计划"]
    assert node["plans"] == [WUXING, XIUZHOU]
    assert ["programLevel", "provincial"] in node["facts"]
    assert [(q["plan"], q["start"], q["end"]) for q in node["evidence"]] == [
        (WUXING, 3664, 3716),
        (XIUZHOU, 7658, 7772),
    ]
    assert node["evidence"][0]["exact"] == (
        "一方面,以“鲲鹏行动”计划、“南太湖精英计划”、“海外工程师”等引才项目工程为抓手,细化人才招引颗粒度。"
    )
    assert node["evidence"][1]["section"] == "（一）聚焦顶尖人才，实施“秀水领英”工程"


def test_relations_carry_their_evidence(small: Dataset) -> None:
    network = plan_network(small)
    edge = network.edges[TAIHU_LAB, ID + "industry/xin-cai-liao", "targetsIndustry"]
    assert edge["evidence"] == [
        {
            "exact": TAIHU_SENTENCE,
            "plan": WUXING,
            "section": "(三)以科学规划着力锻造高能级人才发展平台",
            "start": 8605,
            "end": 8649,
        }
    ]
    publisher = network.edges[
        ID + "plan/xiu-zhou-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua",
        ID + "department/zhong-gong-jia-xing-shi-xiu-zhou-qu-wei-zu-zhi-bu",
        "dcterms:publisher",
    ]
    assert publisher["evidence"][0]["exact"] == "嘉兴市秀洲区发展和改革局  中共嘉兴市秀洲区委组织部"
    assert publisher["evidence"][0]["section"] == ""
    assert network.nodes[TAIHU_LAB]["facts"] == [["platformKind", "实验室"]]


def test_program_industry_view_is_bipartite(small: Dataset) -> None:
    network = plan_network(small, view="program-industry")
    assert labels(network, "Program") == {"科技创新人才队伍推进计划"}
    assert labels(network, "Industry") == {"数字经济", "健康经济"}
    assert {k for _, _, k in network.edges(keys=True)} == {"targetsIndustry"}
    assert network.number_of_edges() == 2


def test_platform_industry_view(small: Dataset) -> None:
    network = plan_network(small, view="platform-industry")
    assert labels(network, "Platform") == {"太湖实验室"}
    assert labels(network, "Industry") == {"新材料", "新能源", "智能装备"}
    assert network.number_of_edges() == 3


def test_types_pick_classes_and_sections_are_opt_in(small: Dataset) -> None:
    network = plan_network(small, classes=["program", "Section"])
    assert by_class(network) == {"Program": 6, "Section": 8}
    # pk:mentions from sections: 1-2 → 鲲鹏, 南太湖; 3-1 → 鲲鹏 (3-3 mentions a platform)
    assert sorted(k for _, _, k in network.edges(keys=True)).count("mentions") == 3
    with pytest.raises(InputError, match="unknown type 'Bogus'"):
        plan_network(small, classes=["Program", "Bogus"])
    with pytest.raises(InputError, match="--types applies to the full view"):
        plan_network(small, view="program-industry", classes=["Program"])


def test_plan_filter_keeps_what_the_plan_names(small: Dataset) -> None:
    network = plan_network(small, plans=["秀洲区"])
    assert network.graph["plans"] == [XIUZHOU]
    assert network.number_of_nodes() == 13
    assert KUNPENG in network  # shared with the Wuxing plan
    assert TAIHU_LAB not in network
    assert plan_network(small, plans=[WUXING, XIUZHOU]).number_of_nodes() == 23
    with pytest.raises(InputError, match="no plan titled '上海市'"):
        plan_network(small, plans=["上海市"])


def test_focus_matches_label_english_and_alias(small: Dataset) -> None:
    by_english = plan_network(small, focus="kunpeng action program", depth=1)
    assert by_english.graph["focus"] == [KUNPENG]
    assert labels(by_english) == {"鲲鹏行动计划", "秀水领英工程", WUXING, XIUZHOU}

    by_alias = plan_network(small, focus="“深根计划”", depth=1)
    assert labels(by_alias) == {"深根计划", "浙江清华长三角研究院", XIUZHOU}
    # plans are reached but not walked through: depth 2 adds no other node of the plan
    assert labels(plan_network(small, focus="深根计划", depth=2)) == labels(by_alias)

    assert labels(plan_network(small, focus="深根计划", depth=0)) == {"深根计划"}


def test_unknown_focus_is_an_input_error(small: Dataset) -> None:
    with pytest.raises(InputError, match=r"no node labelled '鲲鹏'.*鲲鹏行动计划"):
        plan_network(small, focus="鲲鹏")


# --- layout --------------------------------------------------------------------------------------


def test_cluster_layout_places_every_node_apart() -> None:
    network = plan_network(synthetic_dataset(plans=12, nodes_per_plan=60, shared=8))
    assert network.number_of_nodes() == 12 * 60 + 8
    positions = plan_cluster_layout(network)
    assert set(positions) == set(network)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())
    assert len({(round(x), round(y)) for x, y in positions.values()}) == len(positions)


# --- page ----------------------------------------------------------------------------------------


def page_payload(page: str) -> dict:
    match = re.search(
        r'<script type="application/json" id="plankg-data">(.*?)</script>', page, re.S
    )
    assert match
    return json.loads(match.group(1))


def test_page_is_self_contained(small: Dataset) -> None:
    page = render_html(plan_network(small), title="两个规划")
    assert re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page) is None
    assert "<link" not in page
    assert "vis.Network" in page and "vis-network" in page  # the library is inlined
    assert page.count("PLANKG:") == 0
    payload = page_payload(page)
    assert payload["title"] == "两个规划"
    assert len(payload["nodes"]) == 23 and len(payload["edges"]) == 38
    assert payload["precomputed"] is False and payload["options"]["physics"]["enabled"] is True


def test_page_escapes_document_text(tmp_path: Path) -> None:
    page = render_html(plan_network(Dataset().parse(XSS, format="trig")))
    # document text appears only as escaped JSON, never as markup
    assert "<img src=x" not in page
    assert "window.__pwned=1</script>" not in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page
    details = page_payload(page)["details"][ID + "program/img-xss"]
    assert details["label"] == "<img src=x onerror=alert(1)>"
    assert details["alt"] == ["</script><script>window.__pwned=1</script>"]


def test_csp_allows_exactly_the_pages_scripts(small: Dataset) -> None:
    page = render_html(plan_network(small))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    bodies = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(bodies) == 2
    allowed = re.findall(r"'sha256-([^']+)'", policy)
    assert allowed == [
        base64.b64encode(hashlib.sha256(b.encode("utf-8")).digest()).decode() for b in bodies
    ]
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


# --- GraphML ------------------------------------------------------------------------------------


def test_graphml_round_trip(small: Dataset, tmp_path: Path) -> None:
    out = tmp_path / "plans.graphml"
    to_graphml(plan_network(small), out)
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    back = nx.read_graphml(out, force_multigraph=True)
    assert back.number_of_nodes() == 23 and back.number_of_edges() == 38
    lab = back.nodes[TAIHU_LAB]
    assert lab["label"] == "太湖实验室"
    assert lab["type"] == "Platform"
    assert lab["evidence_count"] == 1
    assert TAIHU_SENTENCE in lab["evidence"]
    kunpeng = back.nodes[KUNPENG]
    assert kunpeng["plans"] == f"{WUXING}; {XIUZHOU}"
    relations = [d["relation"] for _, _, d in back.edges(data=True)]
    assert relations.count("targetsIndustry") == 6


# --- command -------------------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(viz, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


def test_command_writes_the_viewer(tmp_path: Path) -> None:
    out = tmp_path / "plans.html"
    code, output = run("--graph", str(SMALL), "-o", str(out))
    assert (code, output) == (0, f"wrote {out}: 23 nodes, 38 edges\n")
    assert len(page_payload(out.read_text(encoding="utf-8"))["nodes"]) == 23
    assert [p.name for p in tmp_path.iterdir()] == ["plans.html"]  # no temp file left


def test_command_writes_graphml_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "plans.graphml"
    code, output = run("--graph", str(SMALL), "-o", str(out), "--view", "program-industry")
    assert code == 0, output
    back = nx.read_graphml(out, force_multigraph=True)
    nodes, edges = back.number_of_nodes(), back.number_of_edges()
    assert output == f"wrote {out}: {nodes} nodes, {edges} edges\n"
    assert {d["type"] for _, d in back.nodes(data=True)} == {"Program", "Industry"}
    program = "https://w3id.org/plankg/id/program/ke-ji-chuang-xin-ren-cai-dui-wu-tui-jin-ji-hua"
    industry = "https://w3id.org/plankg/id/industry/shu-zi-jing-ji"
    assert back.nodes[program]["label"] == "科技创新人才队伍推进计划"
    assert [d["relation"] for d in back.get_edge_data(program, industry).values()] == [
        "targetsIndustry"]


@pytest.mark.parametrize("args", [["-f", "graphml", "-o", "net.xml"], ["-o", "net.graphml"]])
def test_export_graphml_is_the_viewer_network(small: Dataset, tmp_path: Path, args) -> None:
    out = tmp_path / args[-1]
    args = [*args[:-1], str(out)]
    result = CliRunner().invoke(main, ["export", "--graph", str(SMALL), *args])
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out, force_multigraph=True)
    network = plan_network(small)
    assert set(back.nodes) == set(network.nodes)
    assert back.number_of_edges() == network.number_of_edges()


def test_command_views_and_focus(tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    view = run("--graph", str(SMALL), "-o", str(out), "--view", "platform-industry")
    assert view == (0, f"wrote {out}: 4 nodes, 3 edges\n")
    focus = run("--graph", str(SMALL), "-o", str(out), "--focus", "深根计划", "--depth", "1")
    assert focus == (0, f"wrote {out}: 3 nodes, 3 edges\n")
    payload = page_payload(out.read_text(encoding="utf-8"))
    assert payload["focus"] == [SHENGEN]
    typed = run("--graph", str(SMALL), "-o", str(out), "--types", "Program,Industry")
    assert typed == (0, f"wrote {out}: 11 nodes, 4 edges\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "不存在的计划"], "small.trig: no node labelled '不存在的计划'"),
        (["--plan", "上海市"], "small.trig: no plan titled '上海市'"),
        (["--types", "Program,Nope"], "small.trig: unknown type 'Nope'"),
        (["--depth", "2"], "--depth needs --focus"),
    ],
)
def test_command_rejects_bad_options(tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "old.html"
    out.write_text("earlier output", encoding="utf-8")
    code, output = run("--graph", str(SMALL), "-o", str(out), *args)
    assert code == 1
    assert output.count("\n") == 1 and message in output
    assert out.read_text(encoding="utf-8") == "earlier output"
    assert [p.name for p in tmp_path.iterdir()] == ["old.html"]


def test_command_rejects_bad_graph_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.trig"
    broken.write_text("<a> <b> {{{", encoding="utf-8")
    code, output = run("--graph", str(broken), "-o", str(tmp_path / "x.html"))
    assert code == 1 and output.startswith(f"Error: {broken}: not valid trig")
    assert output.count("\n") == 1
    text = tmp_path / "plan.txt"
    text.write_text("吴兴区", encoding="utf-8")
    code, output = run("--graph", str(text), "-o", str(tmp_path / "x.html"))
    assert code == 1 and "unknown graph file type" in output
    code, output = run("--graph", str(tmp_path / "gone.trig"), "-o", str(tmp_path / "x.html"))
    assert (code, output) == (1, f"Error: {tmp_path / 'gone.trig'}: no such graph file\n")
    code, output = run("--graph", str(SMALL), "-o", str(tmp_path / "missing" / "x.html"))
    assert code == 1 and "does not exist" in output
    code, output = run("--graph", str(SMALL), "--store", str(tmp_path), "-o", "x.html")
    assert code == 1 and "give only one of --store, --graph, --endpoint" in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.trig", "plan.txt"]


def test_command_reads_the_store_like_every_command(
    small: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANKG_STORE", raising=False)
    # no store yet: the default place is .plankg/store in the working folder
    code, output = run()
    assert code == 1 and output.startswith("Error: .plankg/store: no graph store here")
    assert output.count("\n") == 1
    assert not (tmp_path / "plans.html").exists()

    write_store(small, tmp_path / ".plankg" / "store")
    assert run() == (0, "wrote plans.html: 23 nodes, 38 edges\n")
    assert len(page_payload((tmp_path / "plans.html").read_text(encoding="utf-8"))["nodes"]) == 23

    write_store(small, tmp_path / "elsewhere")
    assert run("--store", "elsewhere", "-o", "a.html", "--plan", "秀洲区") == (
        0,
        "wrote a.html: 13 nodes, 21 edges\n",
    )
    monkeypatch.setenv("PLANKG_STORE", str(tmp_path / "elsewhere"))
    assert run("-o", "b.html", "--view", "program-industry") == (
        0,
        "wrote b.html: 3 nodes, 2 edges\n",
    )
    code, output = run("--store", "elsewhere", "--focus", "不存在的计划")
    assert (code, output) == (1, "Error: elsewhere: no node labelled '不存在的计划' in this view\n")


def test_page_gets_the_mode_of_a_plain_file(tmp_path: Path) -> None:
    out = tmp_path / "plans.html"
    old = os.umask(0o027)
    try:
        assert run("--graph", str(SMALL), "-o", str(out))[0] == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o640  # 0o666 less the umask, not mkstemp's 0o600
    out.chmod(0o604)
    assert run("--graph", str(SMALL), "-o", str(out), "--view", "platform-industry")[0] == 0
    assert out.stat().st_mode & 0o777 == 0o604  # rewriting keeps the file's mode
    assert "太湖实验室" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("module", [plankg.viz.network, plankg.viz.layout, plankg.viz.graphml])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module)
    assert result.failed == 0


# --- many plans: the overview (docs/decisions/025-viz-overview.md) ------------------------------


def _overview_graph(tmp_path: Path, plans: int) -> Path:
    from browser import overview_dataset

    path = tmp_path / f"plans-{plans}.trig"
    overview_dataset(plans=plans).serialize(path, format="trig")
    return path


def test_overview_counts_what_each_plan_names(tmp_path: Path) -> None:
    from plankg.queries.sources import open_source
    from plankg.viz.overview import overview_network

    network = overview_network(open_source(graph=_overview_graph(tmp_path, 12)))
    classes = sorted(d["cls"] for _, d in network.nodes(data=True))
    assert classes == ["Industry"] * 12 + ["Plan"] * 12 + ["Program"]
    assert network.number_of_edges() == 12 * 12 + 12  # every industry and the shared program
    plan = network.nodes["https://w3id.org/plankg/id/plan/p3"]
    assert plan["label"] == "第3号规划"
    assert dict(plan["facts"]) == {
        "programs": "40",
        "platforms": "0",
        "departments": "0",
        "industries": "12",
        "its full network": 'plankg viz --plan "第3号规划"',
    }
    shared = network.nodes["https://w3id.org/plankg/id/program/shared"]
    assert shared["label"] == "共享人才计划"
    assert dict(shared["facts"]) == {"named by": "12 plans"}
    positions = network.graph["positions"]
    assert set(positions) == set(network)
    assert len(set(positions.values())) == len(network)  # no two nodes on one spot


def test_viz_draws_the_overview_past_ten_plans_unless_asked_for_nodes(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    few = CliRunner().invoke(
        main, ["viz", "--graph", str(_overview_graph(tmp_path, 10)), "-o", str(page)]
    )
    assert few.exit_code == 0, few.output
    assert "overview of" not in few.output
    # 10 plans, 10 × 39 programs, 12 industries, the shared program
    assert few.output.startswith(f"wrote {page}: 413 nodes")

    many = _overview_graph(tmp_path, 11)
    written = CliRunner().invoke(main, ["viz", "--graph", str(many), "-o", str(page)])
    assert written.exit_code == 0, written.output
    assert f"wrote {page}: overview of 11 plans, 24 nodes, 143 edges" in written.output
    full = CliRunner().invoke(main, ["viz", "--graph", str(many), "-o", str(page), "--full"])
    assert full.exit_code == 0, full.output
    assert full.output.startswith(f"wrote {page}: 453 nodes")  # 11 + 11 × 39 + 12 + 1
    one = CliRunner().invoke(
        main, ["viz", "--graph", str(many), "-o", str(page), "--plan", "第3号规划"]
    )
    assert one.exit_code == 0, one.output
    # only that plan's graph is read: the plan, its 39 programs, 12 industries, the shared one
    assert one.output.startswith(f"wrote {page}: 53 nodes")
    unknown = CliRunner().invoke(
        main, ["viz", "--graph", str(many), "-o", str(page), "--plan", "第99号规划"]
    )
    assert unknown.exit_code == 1
    assert unknown.output.startswith(f"Error: {many}: no plan titled '第99号规划'")
