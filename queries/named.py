"""The named queries: one SPARQL SELECT per ``.rq`` file of this package, the file stem its name.

A query file opens with ``#`` lines that describe it, then plain SPARQL that any client can run:

    # title: Programs
    # description: Every program each plan names, …
    # param: label — the entity's name as printed
    # list: level, parent, section
    # order: plan, program

``param`` lines name the variables a caller must bind (the text never contains user input);
``list`` lines name the columns that hold several values joined by ``GROUP_CONCAT`` with the
separator ``"; "``. SPARQL leaves the order inside a GROUP_CONCAT open, and engines differ, so
:meth:`Query.finish` sorts the values of those columns: every engine then gives the same cells.

``order`` lines name the columns the rows are sorted by (``-column`` for descending), the
remaining columns breaking ties: plankg sorts the rows in Python instead of an ``ORDER BY`` in
the text. On the on-disk store pyoxigraph decodes both strings of every comparison of a sort
from RocksDB, which cost as much as the query itself on a few thousand rows; Python sorts the
decoded rows in milliseconds (docs/decisions/024-named-queries-at-scale.md).

``hidden`` lines name columns the query projects only to sort by (offsets in the text that
are no column of the result): plankg sorts by them, then drops them from the rows.

``plan`` lines (``# plan: g``) name the variable of the plan's named graph: the query then takes
an optional ``plan`` parameter (a title, file name or key; :mod:`plankg.queries.planfilter`)
that binds that variable, so the engine reads one plan's graph.

``match`` lines (``# match: label @zh @en``) say that a parameter is compared with labels as
printed: the value is bound as the plain literal and as the literal tagged with each language
given, several rows of one VALUES block. Matching terms exactly lets the engine look the label
up in its index; ``FILTER (STR(?name) = ?label)`` reads every label of the graph.

>>> "programs" in names()
True
>>> q = load("entity")
>>> q.title, list(q.params)
('Everything about one entity', ['label'])
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

from plankg.errors import InputError
from plankg.queries.querytext import LangLiteral, blank_out
from plankg.queries.rows import Rows

_PACKAGE = "plankg.queries"  # the .rq files are data of the package, beside this module
LIST_SEPARATOR = "; "
SUFFIX = ".rq"
_HEADER = re.compile(r"#\s*([A-Za-z-]+)\s*:\s*(.*)")
# "label — text", "label - text" or "label: text"
_PARAM = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*(?:—|–|-|:)?\s*(.*)")


class UnknownQuery(InputError):
    """No named query of that name."""


@dataclass(frozen=True)
class Query:
    """One query: its SPARQL text and what its header says about it."""

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: dict[str, str] = field(default_factory=dict)
    lists: tuple[str, ...] = ()
    order: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    match: dict[str, tuple[str, ...]] = field(default_factory=dict)
    plan_graph: str | None = None

    @classmethod
    def parse(cls, name: str, text: str) -> Query:
        title = description = ""
        params: dict[str, str] = {}
        lists: list[str] = []
        order: list[str] = []
        hidden: list[str] = []
        matched: dict[str, tuple[str, ...]] = {}
        plan_graph: str | None = None
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            match = _HEADER.match(line)
            if not match:
                continue
            key, value = match.group(1).lower(), match.group(2).strip()
            if key == "title":
                title = value
            elif key == "description":
                description = value
            elif key == "param" and (param := _PARAM.match(value)):
                params[param.group(1)] = param.group(2).strip()
            elif key == "list":
                lists.extend(c.strip() for c in value.split(",") if c.strip())
            elif key == "order":
                order.extend(c.strip() for c in value.split(",") if c.strip())
            elif key == "hidden":
                hidden.extend(c.strip() for c in value.split(",") if c.strip())
            elif key == "plan" and value:
                plan_graph = value.lstrip("?")
            elif key == "match" and value.split():
                var, *langs = value.split()
                matched[var] = tuple(tag.lstrip("@") for tag in langs)
        return cls(
            name,
            text,
            title,
            description,
            params,
            tuple(lists),
            tuple(order),
            tuple(hidden),
            matched,
            plan_graph,
        )

    def check_params(self, given: Iterable[str]) -> None:
        """Raise unless ``given`` names exactly the declared parameters."""
        given = set(given)
        if self.plan_graph:
            given.discard(PLAN_PARAM)  # optional: the plan filter
        missing = [p for p in self.params if p not in given]
        unknown = sorted(given - set(self.params))
        if missing:
            raise InputError(
                f"query {self.name}: missing parameter {', '.join(missing)} "
                f"(give it as -p {missing[0]}=…)"
            )
        if unknown:
            takes = ", ".join([*self.params, *([PLAN_PARAM] if self.plan_graph else [])]) or "none"
            raise InputError(
                f"query {self.name}: unknown parameter {', '.join(unknown)} (it takes: {takes})"
            )

    def check_values(self, given: Mapping[str, object]) -> None:
        """Raise unless every value is text that can be bound: no lone surrogates.

        On Linux a command-line argument that is not UTF-8 arrives with its bad bytes as lone
        surrogates; no store can hold such a string, so it is refused here in one line.
        """
        for key, value in given.items():
            if isinstance(value, str):
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError:
                    raise InputError(
                        f"query {self.name}: the value of {key} is not valid text (bytes that "
                        "are not UTF-8 in the argument?)"
                    ) from None

    def bindings(self, params: Mapping[str, str]) -> dict[str, object]:
        """The values to bind: a ``match`` parameter becomes its literal in every form."""
        out: dict[str, object] = dict(params)
        if self.plan_graph:
            out.pop(PLAN_PARAM, None)  # bound to the plan's graph by the caller (planfilter)
        for var, langs in self.match.items():
            value = params.get(var)
            if isinstance(value, str):
                out[var] = (value, *(LangLiteral(value, lang) for lang in langs))
        return out

    def limited(self, limit: int | None) -> tuple[str, bool]:
        """The text to run for at most ``limit`` rows, and whether it holds the LIMIT itself.

        The LIMIT goes into the text when the engine's order is the final one: no ``# order:``
        (plankg sorts those rows after the query, so the first N are known only then) and no
        LIMIT or OFFSET of its own. Otherwise the caller keeps the first N rows after
        :meth:`finish` (docs/decisions/033-plan-filter-and-limit.md).
        """
        if limit is None or self.order or _TAIL_SLICE.search(blank_out(self.text)):
            return self.text, False
        return f"{self.text.rstrip()}\nLIMIT {int(limit)}\n", True

    def finish(self, rows: Rows) -> Rows:
        """Sort the values inside list columns (an empty list becomes ``None``), then the rows."""
        for row in rows if self.lists else ():
            for column in self.lists:
                value = row.get(column)
                if isinstance(value, str):
                    items = sorted({v for v in value.split(LIST_SEPARATOR) if v})
                    row[column] = LIST_SEPARATOR.join(items) if items else None
        if self.order:
            sort_rows(rows, self.order)
        if self.hidden:
            rows.columns = [c for c in rows.columns if c not in self.hidden]
            for row in rows:
                for column in self.hidden:
                    row.pop(column, None)
        return rows


PLAN_PARAM = "plan"
# a LIMIT or OFFSET after the last closing brace: the query slices its rows itself
_TAIL_SLICE = re.compile(r"\}[^{}]*\b(?:LIMIT|OFFSET)\b[^{}]*$", re.IGNORECASE)


def sort_rows(rows: Rows, order: Iterable[str]) -> None:
    """Sort ``rows`` in place by the columns of ``order`` (``-c`` descending), then the rest.

    Unbound cells come first, then numbers, then dates, then text, as SPARQL's ``ORDER BY``
    puts them; text compares by code point, as pyoxigraph and rdflib compare strings.

    >>> rows = Rows(["a", "b"], [{"a": "乙", "b": 1}, {"a": "甲", "b": 2}, {"a": "乙", "b": None}])
    >>> sort_rows(rows, ["-a"]); [r["b"] for r in rows]  # 甲 (U+7532) after 乙 (U+4E59)
    [2, None, 1]
    """
    keys = [(c.lstrip("-"), c.startswith("-")) for c in order]
    named = {c for c, _ in keys}
    keys += [(c, False) for c in rows.columns if c not in named]
    if not any(descending for _, descending in keys):
        rows.sort(key=lambda row: tuple(_order_key(row.get(c)) for c, _ in keys))
        return
    # sorts are stable: sort by the last key first
    for column, descending in reversed(keys):
        rows.sort(key=lambda row: _order_key(row.get(column)), reverse=descending)


def _order_key(value: object) -> tuple[int, Any]:
    if value is None:
        return (0, 0)
    if isinstance(value, bool):
        return (3, str(value).lower())
    if isinstance(value, (int, float, Decimal)):
        return (1, value)
    if isinstance(value, datetime.date):
        return (2, value)
    return (3, str(value))


def names() -> list[str]:
    """The names of the bundled queries, sorted."""
    return sorted(
        Path(entry.name).stem for entry in files(_PACKAGE).iterdir() if entry.name.endswith(SUFFIX)
    )


def load(name: str) -> Query:
    """The bundled query ``name`` (read with importlib.resources: works from a wheel too)."""
    resource = files(_PACKAGE).joinpath(name + SUFFIX)
    if not name or "/" in name or not resource.is_file():
        known = ", ".join(names())
        raise UnknownQuery(f"no query named {name!r} (known: {known})")
    return Query.parse(name, resource.read_text(encoding="utf-8"))


def load_all() -> list[Query]:
    return [load(name) for name in names()]


def from_file(path: Path | str) -> Query:
    """A query from any ``.rq`` file; the header lines are optional."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the query: {err}") from err
    return Query.parse(path.stem, text)


def from_text(text: str, *, name: str = "query") -> Query:
    """A query typed on the command line (``-e``)."""
    return Query.parse(name, text)
