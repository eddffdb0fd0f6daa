"""The ``plan`` filter of the named queries: a plan's named graph, by its title, file or key.

A query whose header says ``# plan: g`` takes an optional ``plan`` parameter. Its value is
looked up here — the plan's title as printed (``dcterms:title``), the name of the file it was
built from (``dcterms:source``), or its key, the last segment of its graph IRI
(``https://w3id.org/plankg/graph/<key>``) — and the query's graph variable is bound to that
graph: the engine then reads one plan's quads instead of every plan's
(docs/decisions/033-plan-filter-and-limit.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from plankg.errors import InputError
from plankg.queries.querytext import IRI, LangLiteral
from plankg.queries.rows import Rows

PARAM = "plan"
GRAPH_BASE = "https://w3id.org/plankg/graph/"
_PREFIXES = """PREFIX pk: <https://w3id.org/plankg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
_FIND = _PREFIXES + "SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {} ?p a pk:Plan }} }}"
_BY_TITLE = _FIND.format("?p dcterms:title ?title .")
_BY_FILE = _FIND.format("?p dcterms:source ?file .")
_BY_KEY = _FIND.format("")

Select = Callable[..., Rows]  # a Source's select(query, bindings=…)


def plan_graphs(select: Select, value: str) -> tuple[IRI, ...]:
    """The graphs of the plans ``value`` names (several plans may share a title).

    Raises :class:`InputError` in one line when no plan has that title, file name or key.
    """
    value = value.strip()
    lookups: list[tuple[str, Mapping[str, Any]]] = [
        (_BY_TITLE, {"title": (value, LangLiteral(value, "zh"))}),
        (_BY_FILE, {"file": value}),
    ]
    key = _key_iri(value)
    if key is not None:
        lookups.append((_BY_KEY, {"g": key}))
    for text, bindings in lookups:
        rows = select(text, bindings=bindings)
        found = sorted({row["g"] for row in rows if row.get("g")})
        if found:
            return tuple(IRI(str(g)) for g in found)
    raise InputError(
        f"no plan {value!r} in the graph: give its title as `plankg query plans` prints it, "
        "the name of its file, or its key (the end of its graph IRI)"
    )


def _key_iri(value: str) -> IRI | None:
    """The graph IRI for a key or a full graph IRI, or None when it cannot be one."""
    import pyoxigraph

    iri = value if value.startswith(GRAPH_BASE) else GRAPH_BASE + value
    if not value or "/" in iri[len(GRAPH_BASE) :]:
        return None
    try:
        pyoxigraph.NamedNode(iri)
    except ValueError:
        return None
    return IRI(iri)
