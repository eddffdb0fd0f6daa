"""Query results as plain Python rows, the same whichever engine answered.

Every engine (pyoxigraph, rdflib, a remote endpoint's JSON) hands its terms to :func:`cell`,
which keeps only what a researcher can compare and sort: IRIs and strings become ``str`` (the
language tag is dropped), integers ``int``, decimals a normalised ``Decimal`` (so ``"4.50"`` and
``"4.5"`` are the same value), doubles ``float``, booleans ``bool``, ``xsd:date`` a
``datetime.date``, ``xsd:gYear`` an ``int``; an unbound variable is ``None``.

>>> XSD = "http://www.w3.org/2001/XMLSchema#"
>>> cell("literal", "12.210", XSD + "decimal")
Decimal('12.21')
>>> cell("literal", "2025", XSD + "gYear")
2025
>>> cell("literal", "鲲鹏行动计划", None)
'鲲鹏行动计划'
>>> rows = Rows(["a", "b"], [{"a": 1, "b": None}])
>>> rows.columns, rows[0]["a"]
(['a', 'b'], 1)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

XSD = "http://www.w3.org/2001/XMLSchema#"

Value = str | int | Decimal | float | bool | datetime.date | None

_INTEGER_TYPES = {
    XSD + name
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
        "unsignedByte",
    )
}  # fmt: skip
_FLOAT_TYPES = {XSD + "double", XSD + "float"}
_YEAR = re.compile(r"-?\d{4,}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def cell(kind: str, lexical: str, datatype: str | None = None) -> Value:
    """The canonical value of one term: ``kind`` is "iri", "bnode" or "literal"."""
    if kind == "bnode":
        # blank node labels differ between engines; nothing stable can be said about them
        return "_:" + lexical
    if kind != "literal" or datatype is None:
        return lexical
    try:
        if datatype in _INTEGER_TYPES:
            return int(lexical)
        if datatype == XSD + "decimal":
            return canonical_decimal(Decimal(lexical))
        if datatype in _FLOAT_TYPES:
            return float(lexical)
        if datatype == XSD + "boolean":
            return lexical.strip() in ("true", "1")
        if datatype == XSD + "date" and _DATE.fullmatch(lexical):
            return datetime.date.fromisoformat(lexical)
        if datatype == XSD + "gYear" and _YEAR.fullmatch(lexical):
            return int(lexical)
    except (ValueError, InvalidOperation):
        pass  # an ill-typed literal is still worth showing as printed
    return lexical


def canonical_decimal(value: Decimal) -> Decimal:
    """``Decimal("10.50")`` → ``Decimal("10.5")``, ``Decimal("1E+1")`` → ``Decimal("10")``."""
    return Decimal(format(value.normalize(), "f"))


class Rows(list[dict[str, Value]]):
    """A list of rows (dicts keyed by column, in ``columns`` order) with its column names."""

    def __init__(self, columns: Iterable[str], rows: Iterable[dict[str, Value]] = ()) -> None:
        super().__init__(rows)
        self.columns: list[str] = list(columns)

    def to_dataframe(self) -> Any:
        """The rows as a ``pandas.DataFrame`` (pandas is an optional dependency)."""
        try:
            import pandas
        except ImportError as err:
            raise ImportError("Rows.to_dataframe() needs pandas: pip install pandas") from err
        return pandas.DataFrame(list(self), columns=self.columns)

    def tuples(self) -> list[tuple[Value, ...]]:
        """Each row as a tuple in column order: handy for comparing results."""
        return [tuple(row.get(c) for c in self.columns) for row in self]
