"""Named queries and free SPARQL: the loader, every query's rows on the fixture, every engine.

Expected rows are typed from tests/data/queries/mini.trig (which quotes corpus/): two plans,
吴兴 and 秀洲. Strings sort by code point, as both engines order them (吴 before 秀).
"""

from __future__ import annotations

import datetime
import doctest
import json
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset

import plankg.api as api
from plankg.cli.query import queries_command, query_command
from plankg.errors import InputError
from plankg.queries import named as queries
from plankg.queries import store
from plankg.queries.querytext import QueryError, check_select, inject_values
from plankg.queries.rows import Rows
from plankg.queries.sources import EndpointSource, RdflibSource, load_file, open_source

DATA = Path(__file__).parent / "data" / "queries"
MINI = DATA / "mini.trig"
WUXING = "吴兴区人才发展“十四五”规划"
XIUZHOU = "秀洲区人才发展“十四五”规划"

COLUMNS = {
    "plans": "plan region issued publisher sections programs platforms indicators",
    "programs": "plan program level parent section",
    "platforms": "plan platform kind section",
    "industries": "industry plans programs platforms",
    "program-industries": "plan program industry evidence",
    "platform-industries": "plan platform industry evidence",
    "indicators": "plan indicator unit baseline baseline_year target target_year qualifier",
    "observations": "plan indicator unit year role value qualifier",
    "departments": "plan department role subject",
    "targets": "plan section program value unit qualifier year evidence",
    "shared-entities": "entity type plans",
    "entity": "subject predicate object evidence",
}
PARAMS = {"entity": {"label": "鲲鹏行动计划"}}

# sentences quoted by the fixture
TAIHU_1 = "聚焦新材料、新能源、智能装备三个领域,高标准推进太湖实验室建设,争取融入全省实验室布局。"
TAIHU_2 = "集聚新材料、新能源、智能装备的优势科创资源,争取太湖实验室纳入全省重点实验室布局。"
KUNPENG_WX = (
    "一方面,以“鲲鹏行动”计划、“南太湖精英计划”、“海外工程师”等引才项目工程为抓手,"
    "细化人才招引颗粒度。"
)
KUNPENG_XZ = (
    "坚持人才强区战略，以创新驱动发展，力争突破基础研究、前沿高端技术研究中关键瓶颈，"
    "深入实施“鲲鹏行动”计划，采用“一事一议”“量身定制”等灵活开放的顶尖人才（团队）引进支持机制，"
    "靶向引进重点领域全球顶尖人才和关键核心技术攻关人才。"
)
TECH = (
    "围绕“3+3”产业导向，即培育壮大数字经济、低碳经济、健康经济三大新兴产业，"
    "做优家居、纺织、毛衫三大传统优势产业，全力实施科技创新人才队伍推进计划，"
    "推进人才链与创新链、产业链等融合，精准引进一批海内外高精尖缺人才，高质量培育一批科技人才和团队。"
)
SKILLS = (
    "实施百名紧缺型技能人才引进计划，大力引进光伏新能源、智能家居、时尚纺织、装备制造、"
    "新能源汽车、健康医疗、人工智能、航空航天和现代物流等产业所需的各类急需紧缺型高技能人才。"
)
BIOMED = (
    "推动建设特色产业工程师协同创新中心建设，重点强化秀洲生物医药工程师协同创新中心在产业培育、"
    "人才引领上的作用发挥，形成生物医药产业领域的公共研发平台、人才集聚平台，争创省级试点建设。"
)
FARMERS = "到2025年,新增高素质农民600人,共计培养新型职业农民和农村实用人才18600名。"
TOP_TALENT = (
    "加快院士专家工作站、秀水院士之家建设，到2025年，力争全职引进顶尖人才（团队）10个以上，"
    "入选省“鲲鹏行动”计划1个以上。"
)
SECTION_XZ_3_1 = "（一）聚焦顶尖人才，实施“秀水领英”工程"
SECTION_XZ_3_2 = "（二）聚焦科创人才，实施“秀水精英”工程"
SECTION_XZ_3_4 = "（四）聚焦技能人才，实施“秀水巧匠”工程"
SECTION_XZ_4_1 = "（一）高质量打造高能级人才平台体系"

EXPECTED: dict[str, list[tuple]] = {
    "plans": [
        (WUXING, "吴兴区", datetime.date(2022, 4, 14), None, 10, 2, 1, 0),
        (XIUZHOU, "秀洲区", datetime.date(2021, 12, 31),
         "中共嘉兴市秀洲区委组织部; 嘉兴市秀洲区发展和改革局", 9, 5, 1, 1),
    ],
    "programs": [
        (WUXING, "南太湖精英计划", "city", None, "(二)面临形势"),
        (WUXING, "鲲鹏行动计划", "provincial", None, "(二)面临形势"),
        (XIUZHOU, "百名紧缺型技能人才引进计划", None, None, SECTION_XZ_3_4),
        (XIUZHOU, "秀水精英工程", "district", None, SECTION_XZ_3_2),
        (XIUZHOU, "秀水领英工程", "district", None, SECTION_XZ_3_1),
        (XIUZHOU, "科技创新人才队伍推进计划", None, "秀水精英工程", SECTION_XZ_3_2),
        (XIUZHOU, "鲲鹏行动计划", "provincial", "秀水领英工程", SECTION_XZ_3_1),
    ],
    "platforms": [
        (WUXING, "太湖实验室", "实验室",
         "(一)快步推进创新平台建设; (三)以科学规划着力锻造高能级人才发展平台"),
        (XIUZHOU, "秀洲生物医药工程师协同创新中心", "创新中心", SECTION_XZ_4_1),
    ],
    "industries": [
        ("新能源", 2, 1, 1),
        ("健康经济", 1, 1, 0),
        ("数字经济", 1, 1, 0),
        ("新材料", 1, 0, 1),
        ("智能装备", 1, 0, 1),
        ("生物医药", 1, 0, 1),
    ],
    "program-industries": [
        (XIUZHOU, "百名紧缺型技能人才引进计划", "新能源", SKILLS),
        (XIUZHOU, "科技创新人才队伍推进计划", "健康经济", TECH),
        (XIUZHOU, "科技创新人才队伍推进计划", "数字经济", TECH),
    ],
    "platform-industries": [
        (WUXING, "太湖实验室", "新材料", TAIHU_1),
        (WUXING, "太湖实验室", "新材料", TAIHU_2),
        (WUXING, "太湖实验室", "新能源", TAIHU_1),
        (WUXING, "太湖实验室", "智能装备", TAIHU_1),
        (XIUZHOU, "秀洲生物医药工程师协同创新中心", "生物医药", BIOMED),
    ],
    "departments": [
        (WUXING, "组织部门", "lead", "加强组织领导"),
        (WUXING, "职能部门", "support", "加强组织领导"),
        (XIUZHOU, "区委人才工作领导小组办公室", "lead", "加强组织领导"),
        (XIUZHOU, "中共嘉兴市秀洲区委组织部", "publisher", XIUZHOU),
        (XIUZHOU, "嘉兴市秀洲区发展和改革局", "publisher", XIUZHOU),
    ],
    "targets": [
        (WUXING, "(四)实施乡村振兴人才聚力行动", None, Decimal("600"), "人", None, 2025, FARMERS),
        (WUXING, "(四)实施乡村振兴人才聚力行动", None, Decimal("18600"), "名", "累计", 2025,
         FARMERS),
        (XIUZHOU, SECTION_XZ_3_1, "鲲鹏行动计划", Decimal("1"), "个", "以上", 2025, TOP_TALENT),
        (XIUZHOU, SECTION_XZ_3_1, "秀水领英工程", Decimal("10"), "个", "以上", 2025, TOP_TALENT),
    ],
    "shared-entities": [
        ("新能源", "Industry", f"{WUXING}; {XIUZHOU}"),
        ("鲲鹏行动计划", "Program", f"{WUXING}; {XIUZHOU}"),
    ],
    "entity": [
        ("(二)面临形势", "pk:mentions", "鲲鹏行动计划", KUNPENG_WX),
        (SECTION_XZ_3_1, "pk:mentions", "鲲鹏行动计划", KUNPENG_XZ),
        ("鲲鹏行动计划", "pk:partOfProgram", "秀水领英工程", KUNPENG_XZ),
    ],
    # the indicators engineer owns these two queries; the fixture's one indicator row
    "indicators": [
        (XIUZHOU, "人才资源总量", "万人", Decimal("12.21"), 2020, Decimal("14.71"), 2025, None),
    ],
    "observations": [
        (XIUZHOU, "人才资源总量", "万人", 2020, "baseline", Decimal("12.21"), None),
        (XIUZHOU, "人才资源总量", "万人", 2025, "target", Decimal("14.71"), None),
    ],
}  # fmt: skip

UPDATES = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR ALL",
    "DROP GRAPH <https://w3id.org/plankg/graph/ontology>",
    "CREATE GRAPH <urn:g>",
    "ADD DEFAULT TO <urn:g>",
    "MOVE <urn:g> TO <urn:h>",
    "COPY DEFAULT TO <urn:g>",
    "PREFIX pk: <https://w3id.org/plankg/ontology#>\n# a comment\n"
    "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
]


@pytest.fixture(scope="module")
def engines(mini_store: Path) -> dict[str, object]:
    """The same graph behind every local way in: store and file, each engine."""
    union = Dataset(default_union=True)
    union.parse(MINI, format="trig")
    return {
        "store/oxigraph": open_source(store=mini_store),
        "store/rdflib": open_source(store=mini_store, engine="rdflib"),
        "file/oxigraph": open_source(graph=MINI),
        "file/rdflib": open_source(graph=MINI, engine="rdflib"),
        "rdflib default_union": RdflibSource(union, "union"),
    }


def run(name: str, source) -> Rows:
    return api.run(queries.load(name), source, PARAMS.get(name, {}))


# --- the loader ------------------------------------------------------------------------------


def test_every_named_query_is_bundled_with_title_and_description():
    assert set(queries.names()) == set(COLUMNS)
    for query in queries.load_all():
        assert query.title and query.description, query.name


def test_params_are_read_from_the_header():
    assert queries.load("entity").params == {
        "label": "the entity's name as printed, e.g. 鲲鹏行动计划 or “鲲鹏行动”计划"
    }
    assert all(not q.params for q in queries.load_all() if q.name != "entity")


def test_every_query_reads_named_graphs_only():
    for query in queries.load_all():
        assert "GRAPH ?" in query.text, query.name


def test_list_columns_are_declared_and_joined_the_same_way():
    for query in queries.load_all():
        # a list column may choose between two: IF(…, GROUP_CONCAT(…), GROUP_CONCAT(…)) AS ?column
        concats = re.findall(r"GROUP_CONCAT\(.*?separator=\"([^\"]*)\"\)+ AS \?(\w+)", query.text)
        assert {column for _, column in concats} == set(query.lists), query.name
        assert all(sep == queries.LIST_SEPARATOR for sep, _ in concats), query.name


def test_unknown_query_lists_the_known_ones():
    with pytest.raises(queries.UnknownQuery, match="known: departments, entity"):
        queries.load("../plans")


# --- rows on the fixture --------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_named_query_gives_its_columns_and_rows(mini_store, name):
    rows = run(name, open_source(store=mini_store))
    assert rows.columns == COLUMNS[name].split()
    assert rows.tuples() == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_every_engine_gives_the_same_rows(engines, name):
    results = {way: run(name, source) for way, source in engines.items()}
    first = results["store/oxigraph"]
    assert first.tuples(), name  # an empty answer would agree trivially
    for way, rows in results.items():
        assert rows.columns == first.columns, way
        assert rows.tuples() == first.tuples(), way


def test_entity_is_found_by_a_printed_variant_of_its_name(engines):
    for way, source in engines.items():
        rows = api.run(queries.load("entity"), source, {"label": "“鲲鹏行动”计划"})
        assert rows.tuples() == EXPECTED["entity"], way


def test_parameters_are_bound_not_pasted(engines):
    hostile = '鲲鹏行动计划" ) } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o # '
    for way, source in engines.items():
        rows = api.run(queries.load("entity"), source, {"label": hostile})
        assert rows == [], way


@pytest.mark.parametrize("value", ['a"b\nc', 'x\n"', 'a"""} ; DROP ALL #\n', "back\\slash'"])
def test_values_block_carries_any_string_intact(value):
    from rdflib import Literal

    text = inject_values("SELECT ?label WHERE { }", {"label": Literal(value).n3()})
    check_select(text)
    answer = [s["label"].value for s in pyoxigraph.Store().query(text)]
    assert answer == [value]


def test_values_block_goes_into_the_where_group_not_a_string_or_iri():
    text = (
        "PREFIX x: <urn:x:WHERE>\n# SELECT { not here\n"
        'SELECT (CONCAT("WHERE {", ?l) AS ?c) FROM <urn:x:where> WHERE { ?s x:p ?l }'
    )
    bound = inject_values(text, {"l": '"v"'})
    assert bound.endswith('FROM <urn:x:where> WHERE { VALUES ?l { "v" }\n ?s x:p ?l }')


# --- free SPARQL and its errors -------------------------------------------------------------


def test_free_select_with_a_bound_variable(engines):
    text = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?x WHERE { GRAPH ?g { ?x rdfs:label ?name } FILTER (STR(?name) = ?n) }"
    )
    for way, source in engines.items():
        rows = api.run(queries.from_text(text), source, {"n": "太湖实验室"}, strict=False)
        assert rows.tuples() == [("https://w3id.org/plankg/id/platform/tai-hu-shi-yan-shi",)], way


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_on_the_query_path(mini_store, update):
    result = CliRunner().invoke(query_command, ["-e", update, "--store", str(mini_store)])
    assert result.exit_code == 1
    assert result.output == "Error: query: this is a SPARQL update; only SELECT queries run here\n"
    assert len(store.open_store(mini_store)) > 0


def test_a_select_mentioning_update_words_is_a_query():
    check_select('SELECT ?s WHERE { ?s ?p "DROP ALL; INSERT DATA {}" } # DELETE')


def test_construct_is_not_a_row_query():
    with pytest.raises(QueryError, match="only SELECT queries give rows; this is a CONSTRUCT"):
        check_select("CONSTRUCT WHERE { ?s ?p ?o }")


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("ASK { ?s ?p ?o }", "an ASK"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", "a CONSTRUCT"),
    ],
)
def test_other_query_forms_are_refused_by_every_engine(mini_store, text, form):
    for extra in (
        ["--store", str(mini_store)],
        ["--store", str(mini_store), "--engine", "rdflib"],
        ["--graph", str(MINI)],
    ):
        result = CliRunner().invoke(query_command, ["-e", text, *extra])
        assert (result.exit_code, result.output) == (
            1,
            f"Error: query: only SELECT queries give rows; this is {form} query\n",
        ), extra


def test_syntax_error_shows_line_and_column(mini_store):
    text = "PREFIX pk: <https://w3id.org/plankg/ontology#>\nSELECT ?p WHRE {\n  ?p a pk:Plan\n}"
    result = CliRunner().invoke(query_command, ["-e", text, "--store", str(mini_store)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: query: syntax error at line 2, column ")
    assert "(in: SELECT ?p WHRE {): expected" in result.output
    assert len(result.output.splitlines()) == 1


def test_syntax_error_in_a_query_file_names_the_position(tmp_path):
    rq = tmp_path / "broken.rq"
    rq.write_text("# title: broken\nSELECT ?x\nWHERE { ?x ?y ?z }\nLIMT 5\n", encoding="utf-8")
    result = CliRunner().invoke(query_command, [str(rq), "--graph", str(MINI)])
    assert result.exit_code == 1
    assert re.fullmatch(
        r"Error: query: syntax error at line 4, column \d+ \(in: LIMT 5\): .*\n", result.output
    )


def test_unknown_prefix_is_an_error_on_every_engine(engines):
    for way, source in engines.items():
        with pytest.raises(QueryError):
            source.select("SELECT ?x WHERE { GRAPH ?g { ?x a ex:Plan } }")
        assert way


# --- the command line -----------------------------------------------------------------------


def test_queries_command_lists_names_titles_and_parameters():
    result = CliRunner().invoke(queries_command, ["-f", "json"])
    assert result.exit_code == 0
    listed = {q["name"]: q for q in json.loads(result.output)}
    assert set(listed) == set(COLUMNS)
    assert listed["programs"]["title"] == "Programs"
    assert listed["entity"]["parameters"].startswith("label (the entity's name as printed")
    table = CliRunner().invoke(queries_command, [])
    assert "shared-entities" in table.output and "Shared entities" in table.output


def test_query_command_csv(mini_store):
    result = CliRunner().invoke(
        query_command, ["industries", "--store", str(mini_store), "-f", "csv"]
    )
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "industry,plans,programs,platforms",
        "新能源,2,1,1",
        "健康经济,1,1,0",
        "数字经济,1,1,0",
        "新材料,1,0,1",
        "智能装备,1,0,1",
        "生物医药,1,0,1",
    ]


def test_query_command_tsv_and_limit(mini_store):
    result = CliRunner().invoke(
        query_command, ["plans", "--store", str(mini_store), "-f", "tsv", "--limit", "1"]
    )
    assert result.output.splitlines() == [
        "plan\tregion\tissued\tpublisher\tsections\tprograms\tplatforms\tindicators",
        f"{WUXING}\t吴兴区\t2022-04-14\t\t10\t2\t1\t0",
    ]


def test_query_command_json_and_jsonl(mini_store):
    args = ["targets", "--graph", str(MINI), "--engine", "rdflib"]
    rows = json.loads(CliRunner().invoke(query_command, [*args, "-f", "json"]).output)
    assert rows[1] == {
        "plan": WUXING,
        "section": "(四)实施乡村振兴人才聚力行动",
        "program": None,
        "value": 18600,
        "unit": "名",
        "qualifier": "累计",
        "year": 2025,
        "evidence": FARMERS,
    }
    lines = CliRunner().invoke(query_command, [*args, "-f", "jsonl"]).output.splitlines()
    assert [json.loads(line) for line in lines] == rows


def test_query_command_table_shows_the_title_and_cells(mini_store):
    result = CliRunner().invoke(query_command, ["shared-entities", "--store", str(mini_store)])
    assert result.exit_code == 0
    assert "Shared entities" in result.output
    assert "鲲鹏行动计划" in result.output and "2 rows" in result.output


def test_query_command_with_parameter_and_output_file(mini_store, tmp_path):
    out = tmp_path / "kunpeng.csv"
    result = CliRunner().invoke(
        query_command,
        [
            "entity",
            "-p",
            "label=鲲鹏行动计划",
            "--store",
            str(mini_store),
            "-f",
            "csv",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0 and result.output == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "subject,predicate,object,evidence"
    assert lines[3] == f"鲲鹏行动计划,pk:partOfProgram,秀水领英工程,{KUNPENG_XZ}"
    assert [p.name for p in tmp_path.iterdir()] == ["kunpeng.csv"]


def test_query_file_with_free_parameters(tmp_path):
    rq = tmp_path / "levels.rq"
    rq.write_text(
        "PREFIX pk: <https://w3id.org/plankg/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?program WHERE { GRAPH ?g { ?x pk:programLevel ?lvl ; rdfs:label ?program } "
        "FILTER (STRAFTER(STR(?lvl), '#') = ?level) } ORDER BY ?program\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        query_command, [str(rq), "-p", "level=district", "--graph", str(MINI), "-f", "csv"]
    )
    assert result.output.splitlines() == ["program", "秀水精英工程", "秀水领英工程"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["entity"], "Error: query entity: missing parameter label (give it as -p label=…)"),
        (["plans", "-p", "year=2025"],
         "Error: query plans: unknown parameter year (it takes: none)"),
        (["plans", "-p", "oops"], "Error: parameter 'oops' is not key=value"),
        (["no-such-query"], "Error: no query named 'no-such-query' (known: departments, entity, "
         "indicators, industries, observations, plans, platform-industries, platforms, "
         "program-industries, programs, shared-entities, targets)"),
    ],
)  # fmt: skip
def test_query_command_errors_are_one_line(mini_store, args, message):
    result = CliRunner().invoke(query_command, [*args, "--store", str(mini_store)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [message]


def test_query_command_without_a_store_says_so(tmp_path):
    result = CliRunner().invoke(query_command, ["plans", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path / 'none'}: no graph store here "
        "(run `plankg build` first, or pass --store/--graph)\n"
    )


def test_query_command_refuses_two_sources(mini_store):
    result = CliRunner().invoke(
        query_command, ["plans", "--store", str(mini_store), "--graph", str(MINI)]
    )
    assert result.exit_code == 1
    assert (
        result.output == "Error: give only one of --store, --graph, --endpoint (got store, graph)\n"
    )


def test_missing_graph_file_is_named(tmp_path):
    missing = tmp_path / "g.trig"
    result = CliRunner().invoke(query_command, ["plans", "--graph", str(missing)])
    assert result.output == f"Error: {missing}: no such graph file\n"


# --- Python API -----------------------------------------------------------------------------


def test_api_query_on_every_kind_of_source(mini_store):
    expected = EXPECTED["shared-entities"]
    opened = pyoxigraph.Store.read_only(str(mini_store))
    dataset = api.load_graph(MINI)
    for source in (mini_store, str(MINI), opened, dataset, load_file(MINI)):
        assert api.query("shared-entities", source=source).tuples() == expected


def test_api_default_store_and_open_store(mini_store, monkeypatch):
    monkeypatch.setenv(store.ENV_VAR, str(mini_store))
    assert api.query("industries")[0] == {
        "industry": "新能源",
        "plans": 2,
        "programs": 1,
        "platforms": 1,
    }
    assert len(api.open_store()) == len(pyoxigraph.Store.read_only(str(mini_store)))
    dataset = api.load_graph()
    assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {
        "https://w3id.org/plankg/graph/ontology",
        "https://w3id.org/plankg/graph/wu-xing-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua",
        "https://w3id.org/plankg/graph/xiu-zhou-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua",
    }


def test_api_sparql_binds_keyword_arguments():
    rows = api.sparql(
        "PREFIX pk: <https://w3id.org/plankg/ontology#>\n"
        "SELECT (COUNT(?x) AS ?n) WHERE { GRAPH ?g { ?x a pk:Section ; pk:inPlan ?plan } }",
        source=MINI,
        plan=__import__("rdflib").URIRef(
            "https://w3id.org/plankg/id/plan/xiu-zhou-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua"
        ),
    )
    assert rows.tuples() == [(9,)]


def test_rows_to_dataframe():
    rows = api.query("industries", source=MINI)
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pip install pandas"):
            rows.to_dataframe()
    else:
        frame = rows.to_dataframe()
        assert list(frame.columns) == COLUMNS["industries"].split()
        assert frame.iloc[0]["industry"] == "新能源"


def test_endpoint_source_rejects_a_non_http_url():
    with pytest.raises(Exception, match="not an http"):
        open_source(endpoint="ftp://example.org/sparql")
    assert EndpointSource  # the remote behaviour is tested in test_remote.py


def test_doctests_of_the_query_modules():
    from plankg.cli import formats
    from plankg.queries import querytext, sources

    for module in (queries, querytext, sources, formats, api):
        failures, tried = doctest.testmod(module)
        assert tried > 0 and failures == 0, module.__name__


def test_a_turtle_file_is_read_into_one_named_graph(mini_store, tmp_path):
    from plankg.queries import export

    ttl = tmp_path / "union.ttl"
    export.write_atomically(ttl, export.serialize(store.open_store(mini_store), "ttl"))
    for engine in ("oxigraph", "rdflib"):
        source = open_source(graph=ttl, engine=engine)
        graphs = source.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert graphs.tuples() == [(ttl.resolve().as_uri(),)]
        assert run("plans", source).tuples() == EXPECTED["plans"]


# --- the benchmark script -------------------------------------------------------------------


def test_benchmark_script_runs_and_reports_every_query(tmp_path):
    """One quick run of bench/run.py on one plan: no timing is checked, only what it reports."""
    import subprocess
    import sys

    root = Path(__file__).parents[1]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plan = root / "corpus" / "jiaxing-xiuzhou-talent-plan-2021-2025.txt"
    (corpus / plan.name).write_bytes(plan.read_bytes())
    out_json, out_md = tmp_path / "results.json", tmp_path / "benchmarks.md"
    done = subprocess.run(
        [sys.executable, str(root / "bench" / "run.py"), "--quick", "--corpus", str(corpus),
         "--json", str(out_json), "--markdown", str(out_md)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(out_json.read_text(encoding="utf-8"))
    assert results["graph"]["plans"] == [XIUZHOU]
    assert [row["what"] for row in results["queries"]] == queries.names()
    assert all(row["same_rows"] for row in results["queries"])
    assert {row["what"]: row["rows"] for row in results["queries"]}["plans"] == 1
    quads = results["graph"]["quads"]
    for row in results["memory"]:  # each engine loaded the whole graph in its own process
        assert row["oxigraph"]["quads"] == row["rdflib"]["quads"] == quads, row["what"]
    for section in ("load", "queries", "serialise"):
        for row in results[section]:
            assert row["ratio"] == row["rdflib"]["median"] / row["oxigraph"]["median"]
    text = out_md.read_text(encoding="utf-8")
    for name in queries.names():
        assert f"| `{name}` |" in text
    assert "python bench/run.py" in text


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_graph_file_without_triples_is_refused(tmp_path, engine):
    empty = tmp_path / "empty.trig"
    empty.write_bytes(b"")
    prefixes_only = tmp_path / "prefixes.ttl"
    prefixes_only.write_text("@prefix pk: <https://w3id.org/plankg/ontology#> .\n", "utf-8")
    for path in (empty, prefixes_only):
        with pytest.raises(InputError, match=f"^{re.escape(str(path))}: no triples in this"):
            load_file(path, engine=engine)
    result = CliRunner().invoke(query_command, ["plans", "--graph", str(empty)])
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {empty}: no triples in this graph file\n",
    )


# --- the plan filter and --limit (docs/decisions/033-plan-filter-and-limit.md) ---------------

WUXING_FILE = "huzhou-wuxing-talent-plan-2021-2025.txt"
WUXING_KEY = "wu-xing-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua"
PER_PLAN = [q.name for q in queries.load_all() if q.plan_graph]


def test_queries_that_list_rows_per_plan_take_the_plan_filter():
    assert {"departments", "targets", "observations", "indicators", "programs"} <= set(PER_PLAN)
    # a cross-plan question has no plan filter: one plan's graph cannot show what is shared
    assert queries.load("shared-entities").plan_graph is None


@pytest.mark.parametrize("plan", [WUXING, WUXING_FILE, WUXING_KEY])
def test_plan_filter_by_title_file_or_key(engines, plan):
    # mini.trig: 吴兴's task 8-1 (加强组织领导) is led by 组织部门, supported by 职能部门; its two
    # targets are 600 人 and 18600 名 (累计)
    for label, source in engines.items():
        rows = api.run(queries.load("departments"), source, {"plan": plan})
        assert rows.tuples() == [
            (WUXING, "组织部门", "lead", "加强组织领导"),
            (WUXING, "职能部门", "support", "加强组织领导"),
        ], label
        targets = api.run(queries.load("targets"), source, {"plan": plan})
        assert [(r["plan"], r["value"], r["unit"], r["qualifier"]) for r in targets] == [
            (WUXING, Decimal("600"), "人", None),
            (WUXING, Decimal("18600"), "名", "累计"),
        ], label


@pytest.mark.parametrize("name", PER_PLAN)
def test_plan_filter_gives_that_plans_rows_of_the_whole_answer(engines, name):
    for label, source in engines.items():
        whole = api.run(queries.load(name), source, {})
        for title in (WUXING, XIUZHOU):
            part = api.run(queries.load(name), source, {"plan": title})
            assert part.columns == whole.columns, label
            assert part.tuples() == [tuple(r.values()) for r in whole if r["plan"] == title], (
                label,
                title,
            )


def test_unknown_plan_is_one_line(mini_store):
    result = CliRunner().invoke(
        query_command, ["targets", "--store", str(mini_store), "-p", "plan=棠溪县规划"]
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: no plan '棠溪县规划' in the graph")
    assert len(result.output.splitlines()) == 1


def test_plan_filter_only_where_the_query_declares_it(mini_store):
    result = CliRunner().invoke(
        query_command, ["shared-entities", "--store", str(mini_store), "-p", f"plan={WUXING}"]
    )
    assert result.exit_code == 1
    assert "unknown parameter plan" in result.output


def test_limit_goes_into_the_text_only_where_the_engines_order_is_final():
    text, pushed = queries.load("observations").limited(5)  # ORDER BY in the text
    assert pushed and text.rstrip().endswith("LIMIT 5")
    text, pushed = queries.load("targets").limited(5)  # sorted by plankg (# order:)
    assert not pushed and "LIMIT" not in text.split("WHERE", 1)[1]
    sliced = queries.from_text("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    assert sliced.limited(2) == (sliced.text, False)


@pytest.mark.parametrize("name", ["observations", "targets", "departments", "plans"])
def test_limit_gives_the_first_rows_of_the_whole_answer(engines, name):
    for label, source in engines.items():
        whole = api.run(queries.load(name), source, PARAMS.get(name, {}))
        assert len(whole) >= 2, name
        first = api.run(queries.load(name), source, PARAMS.get(name, {}), limit=1)
        assert first.tuples() == whole.tuples()[:1], label


def test_query_command_plan_and_limit(mini_store):
    result = CliRunner().invoke(
        query_command,
        [
            "targets",
            "--store",
            str(mini_store),
            "-p",
            f"plan={WUXING_KEY}",
            "--limit",
            "1",
            "-f",
            "tsv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "plan\tsection\tprogram\tvalue\tunit\tqualifier\tyear\tevidence",
        f"{WUXING}\t(四)实施乡村振兴人才聚力行动\t\t600\t人\t\t2025\t"
        "到2025年,新增高素质农民600人,共计培养新型职业农民和农村实用人才18600名。",
    ]
