"""Check a built graph against the SHACL shapes of ``ontology/shapes.ttl``.

The data is the union of every named graph except the ontology graph, plus the default graph.
The ontology graph is left out because it holds reference data (the vocabulary, the lexicon's
concept schemes) that was not read from any plan, so "every node has evidence and a plan" does not
apply to it. The pk: vocabulary is then added to the union: SHACL follows rdfs:subClassOf only
through the data graph, and the shapes need it (a pk:Target is a qb:Observation) as well as its
individuals (pk:provincial is a pk:AdministrativeLevel). No inference is run.

>>> from rdflib import RDF, Graph, URIRef
>>> from plankg.graph.rdf.vocab import PK
>>> bare = Graph().add((URIRef("https://w3id.org/plankg/id/plan/p"), RDF.type, PK.Plan))
>>> result = validate(bare)
>>> result.conforms
False
>>> sorted(v.shape for v in result.violations)
['Chinese label', 'evidence', 'plan region', 'plan sha256', 'plan source', 'plan title']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SH, SKOS
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node
from rdflib.util import guess_format

from plankg.graph.rdf.ontology import load_ontology, load_shapes
from plankg.graph.rdf.vocab import ID_IRI, OA, ONTOLOGY_GRAPH, ORG, PK, PK_IRI, QB, SCHEMA

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_REPORT_PREFIXES = (
    ("id", ID_IRI),
    ("pk", PK_IRI),
    ("rdf", str(RDF)),
    ("rdfs", str(RDFS)),
    ("xsd", str(XSD)),
    ("dcterms", str(DCTERMS)),
    ("skos", str(SKOS)),
    ("org", str(ORG)),
    ("qb", str(QB)),
    ("oa", str(OA)),
    ("schema", str(SCHEMA)),
)
_LONGEST_LITERAL = 60


@dataclass(frozen=True)
class Violation:
    """One SHACL result: ``focus`` fails the shape named ``shape`` (on ``path`` for a property)."""

    focus: Node
    path: Node | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    shape: str  # sh:name of the shape, else the local name of its IRI
    value: Node | None = None


@dataclass
class ValidationResult:
    conforms: bool
    violations: list[Violation]
    nodes: int  # typed nodes in the data that was checked
    triples: int  # triples in the data that was checked, the vocabulary not counted

    def report(self, *, examples: int = 3) -> str:
        """The result as text: one block per shape and message, with a count and examples.

        >>> print(ValidationResult(conforms=True, violations=[], nodes=3, triples=20).report())
        Conforms: 3 nodes, 20 triples, no violations.
        """
        if not self.violations:
            return f"Conforms: {self.nodes} nodes, {self.triples} triples, no violations."
        groups: dict[tuple[str, str, str], list[Violation]] = {}
        for v in self.violations:
            groups.setdefault((v.severity, v.shape, v.message), []).append(v)
        counts = Counter(v.severity for v in self.violations)
        summary = ", ".join(
            f"{n} {severity.lower()}{'' if n == 1 else 's'}" for severity, n in counts.items()
        )
        verdict = "Conforms" if self.conforms else "Does not conform"
        lines = [
            f"{verdict}: {summary} in {len(groups)} group{'' if len(groups) == 1 else 's'} "
            f"({self.nodes} nodes, {self.triples} triples checked)."
        ]
        for key in sorted(groups, key=lambda k: (_SEVERITY_ORDER.get(k[0], 3), -len(groups[k]), k)):
            severity, shape, message = key
            found = groups[key]
            lines += ["", f"{severity} ×{len(found)}  [{shape}] {message}"]
            lines += [f"    {_describe(v)}" for v in found[:examples]]
            if len(found) > examples:
                lines.append(f"    … and {len(found) - examples} more")
        return "\n".join(lines)


def validate(data: Dataset | Graph, *, shapes: Path | None = None) -> ValidationResult:
    """Validate ``data`` against the plankg shapes, or against the shapes file ``shapes``.

    Raises ValueError when the data holds no pk:Plan (a check of nothing must not pass) or when
    ``shapes`` cannot be read.
    """
    union = _data_union(data)
    if (None, RDF.type, PK.Plan) not in union:
        raise ValueError("nothing to validate: the data holds no pk:Plan")
    triples = len(union)
    nodes = len(set(union.subjects(RDF.type, None)))
    union += load_ontology()
    shapes_graph = load_shapes() if shapes is None else _read_shapes(shapes)
    sparql = _sparql_constraints(shapes_graph)
    core = Graph()
    core += shapes_graph
    for shape, constraint in sparql:
        core.remove((shape, SH.sparql, constraint))
    conforms, results, _ = pyshacl.validate(
        union,
        shacl_graph=core,
        inference="none",
        inplace=True,  # the union is our own copy
        allow_warnings=True,
        allow_infos=True,
    )
    violations = _violations(results, shapes_graph)
    for shape, constraint in sparql:
        violations += _check_sparql(union, shapes_graph, shape, constraint)
    violations = _ordered(violations)
    return ValidationResult(
        conforms=bool(conforms) and all(v.severity != "Violation" for v in violations),
        violations=violations,
        nodes=nodes,
        triples=triples,
    )


def _data_union(data: Dataset | Graph) -> Graph:
    union = Graph()
    if isinstance(data, Dataset):
        for graph in data.graphs():
            if graph.identifier != ONTOLOGY_GRAPH:
                union += graph
    else:
        union += data
    return union


def _read_shapes(path: Path) -> Graph:
    try:
        return Graph().parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as exc:  # rdflib's parsers raise their own types (SAXParseException …)
        first = next((s for s in str(exc).splitlines() if s.strip()), type(exc).__name__)
        raise ValueError(f"{path}: cannot read the shapes: {first}") from exc


def _violations(results: Graph, shapes: Graph) -> list[Violation]:
    found = []
    # only the report's own results: those nested under sh:detail repeat what their parent says
    for result in results.objects(None, SH.result):
        shape = results.value(result, SH.sourceShape)
        name = shapes.value(shape, SH.name) if shape is not None else None
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        found.append(
            Violation(
                focus=results.value(result, SH.focusNode),
                path=results.value(result, SH.resultPath),
                message="; ".join(messages),
                severity=str(severity).rpartition("#")[2] if severity else "Violation",
                shape=str(name) if name is not None else _local_name(shape),
                value=results.value(result, SH.value),
            )
        )
    return found


def _ordered(violations: list[Violation]) -> list[Violation]:
    # several constraints of one shape share its message: report each failure once
    unique = list(dict.fromkeys(violations))
    unique.sort(
        key=lambda v: (_SEVERITY_ORDER.get(v.severity, 3), v.shape, v.message, str(v.focus))
    )
    return unique


# pyshacl parses a SPARQL constraint's text again for every focus node (milliseconds each, so
# tens of seconds for a few thousand statements). Node-shape constraints are run here instead
# with the same pre-binding of $this (rdflib initBindings), parsed once.
_UNSUPPORTED_VARIABLES = re.compile(r"[$?](PATH|value|shapesGraph)\b")
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _sparql_constraints(shapes: Graph) -> list[tuple[Node, Node]]:
    """The (shape, constraint) pairs this module runs itself; pyshacl keeps every other one."""
    found = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        select = shapes.value(constraint, SH.select)
        if (
            select is None
            or (shape, SH.path, None) in shapes
            or (constraint, SH.prefixes, None) in shapes
            or _UNSUPPORTED_VARIABLES.search(str(select))
            or not any((shape, target, None) in shapes for target in _TARGETS)
        ):
            continue
        found.append((shape, constraint))
    return found


def _check_sparql(data: Graph, shapes: Graph, shape: Node, constraint: Node) -> list[Violation]:
    if _deactivated(shapes, shape) or _deactivated(shapes, constraint):
        return []
    query = prepareQuery(str(shapes.value(constraint, SH.select)))
    name = shapes.value(shape, SH.name)
    messages = list(shapes.objects(constraint, SH.message))
    messages = messages or list(shapes.objects(shape, SH.message))
    severity = shapes.value(shape, SH.severity, default=SH.Violation)
    found = []
    for focus in sorted(_focus_nodes(data, shapes, shape), key=str):
        for row in data.query(query, initBindings={"this": focus, "currentShape": shape}):
            bound = row.asdict()
            found.append(
                Violation(
                    focus=focus,
                    path=bound.get("path"),
                    message=_fill(messages, bound) or "the SPARQL constraint found a result",
                    severity=str(severity).rpartition("#")[2],
                    shape=str(name) if name is not None else _local_name(shape),
                    value=bound.get("value", focus),
                )
            )
    return found


def _deactivated(shapes: Graph, node: Node) -> bool:
    return bool(shapes.value(node, SH.deactivated, default=Literal(False)).toPython())


def _focus_nodes(data: Graph, shapes: Graph, shape: Node) -> set[Node]:
    nodes: set[Node] = set(shapes.objects(shape, SH.targetNode))
    for cls in shapes.objects(shape, SH.targetClass):
        for sub in data.transitive_subjects(RDFS.subClassOf, cls):
            nodes.update(data.subjects(RDF.type, sub))
    for prop in shapes.objects(shape, SH.targetSubjectsOf):
        nodes.update(data.subjects(prop, None))
    for prop in shapes.objects(shape, SH.targetObjectsOf):
        nodes.update(data.objects(None, prop))
    return nodes


def _fill(messages: list[Node], bound: dict[str, Node]) -> str:
    """sh:message templates: {?name} and {$name} become the value bound to that variable."""

    def value(match: re.Match[str]) -> str:
        node = bound.get(match.group(1))
        return _term(node) if node is not None else match.group(0)

    return "; ".join(sorted(re.sub(r"\{[?$](\w+)\}", value, str(m)) for m in messages))


def _local_name(shape: Node | None) -> str:
    if isinstance(shape, URIRef):
        return str(shape).rpartition("#")[2] or str(shape)
    return "unnamed shape"


def _describe(v: Violation) -> str:
    text = _term(v.focus)
    if v.path is not None:
        text += f"  {_term(v.path)}"
    if v.value is not None and v.value != v.focus:
        text += f" = {_term(v.value)}"
    return text


def _term(node: Node) -> str:
    if isinstance(node, Literal):
        lexical = str(node)
        if len(lexical) > _LONGEST_LITERAL:
            lexical = lexical[: _LONGEST_LITERAL - 1] + "…"
        if node.language:
            return f'"{lexical}"@{node.language}'
        if node.datatype is not None and node.datatype != XSD.string:
            return f'"{lexical}"^^{_term(node.datatype)}'
        return f'"{lexical}"'
    if isinstance(node, URIRef):
        # prefix:rest even where rest holds "/" (data IRIs): not Turtle, but short and plain
        for prefix, namespace in _REPORT_PREFIXES:
            if node.startswith(namespace) and len(node) > len(namespace):
                return f"{prefix}:{node[len(namespace) :]}"
    return node.n3()
