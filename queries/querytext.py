"""SPARQL text handed in by users: only SELECT queries pass, parameters go in as VALUES.

The query path is read-only. Whether a text is a query or an update is decided by parsing it
(rdflib's grammar knows both), never by looking for words such as INSERT, which may just as well
sit inside a string or a comment. A syntax error is reported with its line and column, taken
from pyoxigraph's parser, whose positions are exact.

>>> check_select("SELECT ?s WHERE { ?s ?p 'INSERT' }")
>>> check_select("DROP ALL")
Traceback (most recent call last):
...
plankg.queries.querytext.QueryError: query: this is a SPARQL update; only SELECT queries run here
>>> print(inject_values("SELECT * WHERE { ?s ?p ?label }", {"label": '"太湖"'}))
SELECT * WHERE { VALUES ?label { "太湖" }
 ?s ?p ?label }
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph

from plankg.errors import InputError

MAX_MESSAGE = 200
MAX_QUOTE = 40
_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_FORM = re.compile(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", re.IGNORECASE)


class QueryError(InputError):
    """A query that cannot be run: syntax error, an update, a missing parameter."""


@lru_cache(maxsize=256)
def check_select(text: str, *, name: str = "query") -> None:
    """Raise :class:`QueryError` unless ``text`` parses as a SPARQL SELECT query.

    rdflib's grammar is slow (tens of milliseconds for a named query), so a text that passed
    is remembered; a refusal is an exception, which is never cached. The grammar is imported
    here, not with the module: the pyoxigraph query path never needs it.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = parseQuery(text)
    except ParseException:
        parsed = None
    if parsed is None:
        if _is_update(text):
            raise QueryError(f"{name}: this is a SPARQL update; only SELECT queries run here")
        raise QueryError(f"{name}: {syntax_error_message(text)}")
    form = parsed[1].name
    if form != "SelectQuery":
        kind = form.removesuffix("Query").upper()
        article = "an" if kind[:1] in "AEIOU" else "a"
        raise QueryError(f"{name}: only SELECT queries give rows; this is {article} {kind} query")


def _is_update(text: str) -> bool:
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except ParseException:
        return False
    return True


def syntax_error_message(text: str) -> str:
    """One line: "syntax error at line L, column C (in: …): …" with pyoxigraph's position."""
    try:
        # parsing is all that happens: the store is empty and in memory
        pyoxigraph.Store().query(text)
    except SyntaxError as err:
        return _one_line(str(err), text)
    except (OSError, ValueError) as err:
        return _one_line(f"error: {err}", text)
    # rdflib rejected what pyoxigraph accepts (a SPARQL 1.2 form, say): report rdflib's position
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(text)
    except ParseException as err:
        return _one_line(f"error at {err.lineno}:{err.col}: {err.msg}", text)
    return "syntax error"


def _one_line(message: str, text: str) -> str:
    match = _POSITION.match(message)
    if match:
        line, column, rest = match.groups()
        lines = text.splitlines() or [""]
        number = int(line)
        printed = lines[number - 1].strip() if 0 < number <= len(lines) else ""
        if len(printed) > MAX_QUOTE:
            printed = printed[: MAX_QUOTE - 1] + "…"
        where = f" (in: {printed})" if printed else " (at the end)"
        message = f"syntax error at line {line}, column {column}{where}: {rest}"
    message = " ".join(message.split())
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    return message


@dataclass(frozen=True)
class LangLiteral:
    """A literal with a language tag, to bind without rdflib: ``LangLiteral("人才", "zh")``."""

    text: str
    lang: str


@dataclass(frozen=True)
class IRI:
    """An IRI to bind without rdflib: ``IRI("https://w3id.org/plankg/graph/…")``."""

    value: str


def inject_values(text: str, bindings: Mapping[str, str]) -> str:
    """Bind variables by a ``VALUES`` block at the start of the query's top-level WHERE group.

    ``bindings`` maps variable names to terms already written in SPARQL syntax (build them with
    rdflib's ``Literal(...).n3()``, which escapes quotes and newlines). A VALUES block joined at
    the top of the group constrains the whole group, FILTERs included, like a substitution.
    """
    if not bindings:
        return text
    start = _where_brace(text)
    blocks = [(start, bindings)]
    # A subquery that projects a bound variable as it is gets the same block inside: joining
    # the block at the top keeps only its rows with that value anyway, and inside, the engine
    # looks the value up instead of evaluating the subquery for every value first.
    blocks += [
        (brace, {v: t for v, t in bindings.items() if v in names})
        for brace, names in _subqueries(text)
    ]
    out = text
    for brace, chosen in sorted(blocks, key=lambda b: b[0], reverse=True):
        if chosen:
            block = " ".join(f"VALUES ?{var} {{ {term} }}" for var, term in chosen.items())
            out = f"{out[: brace + 1]} {block}\n{out[brace + 1 :]}"
    return out


_GROUP_BY = re.compile(r"\bGROUP\s+BY\b", re.IGNORECASE)
_MODIFIER = re.compile(r"\s*(?:(?:DISTINCT|REDUCED)\b)?\s*", re.IGNORECASE)


def with_projected(text: str, names: list[str]) -> str | None:
    """``text`` with the variables ``names`` added to its top-level projection, or None.

    pyoxigraph substitutes a value for a variable only when the query projects it; substituted,
    the value reaches every pattern, OPTIONALs inside a GRAPH block included, where a VALUES
    block outside the block leaves them to be evaluated in full (decision 033). Adding a
    variable bound to one value changes no row of a query without GROUP BY (a DISTINCT one
    included); for a grouped query, or ``SELECT *``, None says to bind by VALUES instead.

    >>> with_projected("SELECT DISTINCT ?a WHERE { GRAPH ?g { ?a ?p ?o } }", ["g"])
    'SELECT DISTINCT ?g ?a WHERE { GRAPH ?g { ?a ?p ?o } }'
    """
    blanked = blank_out(text)
    brace = _where_brace(text)
    end = _closing(blanked, brace)
    form = _FORM.search(blanked)
    if form is None or end < 0 or _GROUP_BY.search(blanked, end):
        return None
    head = _MODIFIER.match(blanked, form.end())
    cut = head.end() if head else form.end()
    if blanked.startswith("*", cut):
        return None
    added = " ".join(f"?{name}" for name in names)
    return f"{text[:cut]}{added} {text[cut:]}"


_SUBSELECT = re.compile(r"\{\s*SELECT\b", re.IGNORECASE)
_SLICE = re.compile(r"[^{}]*?\b(?:LIMIT|OFFSET)\b", re.IGNORECASE)  # after the WHERE group


def _subqueries(text: str) -> list[tuple[int, set[str]]]:
    """Each subquery's WHERE brace and the variables it projects as they are.

    Variables bound by an expression (``(… AS ?v)``) are left out, and so are subqueries
    with LIMIT or OFFSET, where a value bound inside could change which rows are kept.
    """
    blanked = blank_out(text)
    found = []
    for match in _SUBSELECT.finditer(blanked):
        brace = blanked.find("{", match.end())
        if brace < 0:
            continue
        projection = blanked[match.end() : brace]
        while (flat := re.sub(r"\([^()]*\)", " ", projection)) != projection:
            projection = flat
        end = _closing(blanked, brace)
        if end < 0 or _SLICE.match(blanked, end + 1):
            continue
        found.append((brace, set(re.findall(r"\?(\w+)", projection))))
    return found


def _closing(blanked: str, brace: int) -> int:
    depth = 0
    for i in range(brace, len(blanked)):
        if blanked[i] == "{":
            depth += 1
        elif blanked[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _where_brace(text: str) -> int:
    """Offset of the ``{`` opening a SELECT query's WHERE group.

    Projection expressions use parentheses, never braces, so this is the first brace outside
    strings, IRIs and comments after the SELECT keyword.
    """
    blanked = blank_out(text)
    form = _FORM.search(blanked)
    if form is None or form.group(1).upper() != "SELECT":
        raise QueryError("query: parameters can only be bound in a SELECT query")
    brace = blanked.find("{", form.end())
    if brace < 0:
        raise QueryError("query: no WHERE group to bind parameters in")
    return brace


def blank_out(text: str) -> str:
    """``text`` with strings, IRIs and comments replaced by spaces, offsets unchanged."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            end = i + len(quote)
            while end < n and not text.startswith(quote, end):
                end += 2 if text[end] == "\\" else 1
            end = min(n, end + len(quote))
        elif ch == "<" and (iri := _IRIREF.match(text, i)):
            end = iri.end()
        else:
            i += 1
            continue
        out[i:end] = " " * (end - i)
        i = end
    return "".join(out)
