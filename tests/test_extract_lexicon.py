"""The lexicon: package data, user files that extend it, the empty mode, its IRIs and schemes."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import SKOS

from plankg.errors import InputError
from plankg.graph.extract.lexicon import INDUSTRY_SCHEME, PLATFORM_KIND_SCHEME, load_lexicon
from plankg.graph.extract.names import plain
from plankg.graph.rdf.identifiers import Minter

DATA = Path(__file__).parent / "data" / "lexicon"


def test_default_lexicon_knows_aliases_levels_and_kinds() -> None:
    lexicon = load_lexicon()
    assert lexicon.find("program", "“鲲鹏行动”计划").name == "鲲鹏行动计划"
    assert lexicon.find("program", "鲲鹏计划").level == "provincial"
    assert lexicon.find("industry", "金属新材").name == "金属新材料"
    assert lexicon.find("platform", "哈工大机器人集团湖州国际创新研究院").name == (
        "哈工大机器人湖州国际创新研究院"
    )
    workstation = lexicon.kind_named("院士专家工作站")
    assert workstation is not None and workstation.en == "academician and expert workstation"
    assert lexicon.kind_named("中心").needs_name and not lexicon.kind_named("实验室").needs_name
    # the departments block (graph/extract/departments.py reads it)
    assert lexicon.department_aliases["人力社保局"] == "人力资源和社会保障局"


def test_broader_industries() -> None:
    lexicon = load_lexicon()
    metal = lexicon.find("industry", "金属新材料")
    assert [lexicon.entry(iri).name for iri in metal.broader] == ["新材料"]


def test_user_files_extend_the_default() -> None:
    lexicon = load_lexicon(DATA / "extra.ttl")
    assert lexicon.find("industry", "茶产业").name == "生态茶业"
    assert lexicon.find("program", "梧桐引凤计划").level == "city"
    assert lexicon.find("industry", "新能源") is not None  # the default is still there


def test_empty_lexicon_keeps_only_the_platform_kinds() -> None:
    lexicon = load_lexicon(empty=True)
    for kind in ("industry", "program", "platform", "region", "not-industry", "department"):
        assert lexicon.labels(kind) == {}
    assert lexicon.kind_named("孵化器") is not None
    assert len(lexicon.kinds) == len(load_lexicon().kinds)


@pytest.mark.parametrize("name", ["broken.ttl", "missing.ttl"])
def test_bad_user_file_is_one_line_error_naming_it(name: str) -> None:
    with pytest.raises(InputError) as err:
        load_lexicon(DATA / name)
    message = str(err.value)
    assert message.startswith(str(DATA / name)) and "\n" not in message


def test_entry_iris_are_the_iris_a_build_mints() -> None:
    lexicon = load_lexicon()
    minter = Minter()
    for kind in ("industry", "program", "platform"):
        entries = lexicon.entries[kind]
        assert entries
        for entry in entries:
            assert entry.iri == minter.shared(kind, entry.name), entry.name


def test_schemes_for_the_ontology_graph() -> None:
    graph = load_lexicon().schemes()
    new_energy = URIRef("https://w3id.org/plankg/id/industry/xin-neng-yuan")
    assert (new_energy, SKOS.inScheme, INDUSTRY_SCHEME) in graph
    kinds = set(graph.subjects(SKOS.inScheme, PLATFORM_KIND_SCHEME))
    assert URIRef("https://w3id.org/plankg/id/platform-kind/talent-enclave") in kinds
    # programs, places and the words that are no industry stay out of the ontology graph
    assert not list(graph.subjects(SKOS.inScheme, URIRef(str(INDUSTRY_SCHEME)[:-8] + "region")))


# The modules whose rules read programs, platforms, industries, departments and targets.
RULE_MODULES = ("extract/programs", "extract/platforms", "extract/industries",
                "extract/relations", "extract/extractor", "extract/phrases", "extract/names",
                "extract/candidates", "extract/departments", "extract/targets", "extract/facts",
                "extract/figures", "extract/tasks", "extract/segment", "extract/evaluate",
                "rdf/facts", "rdf/targets", "rdf/build")


def _code_strings(path: Path) -> list[str]:
    """The string constants of a module that are code, not its docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docs]


def test_no_rule_names_a_program_or_platform_of_any_annotated_plan() -> None:
    # names of the bundled plans and the fixtures may be in lexicon.ttl (data) and in comments,
    # never in rules: every gold file (bundled plans, 澄岚, the four fixtures of issue 12)
    gold_files = sorted((Path(__file__).parent / "data" / "gold").glob("*.json"))
    assert len(gold_files) >= 10  # with the held-out tangxi fixture
    names = set()
    for path in gold_files:
        entities = json.loads(path.read_text(encoding="utf-8")).get("entities", {})
        names |= {plain(n) for kind in ("program", "platform", "department")
                  for n in entities.get(kind, [])}
    assert len(names) > 200
    graph = Path(__file__).resolve().parent.parent / "graph"
    found = {(module, name) for module in RULE_MODULES
             for text in _code_strings(graph / f"{module}.py")
             for name in names if name in text}
    assert found == set()
