"""Rows as text: a rich table for people, CSV/TSV for spreadsheets, JSON/JSON Lines for programs.

Cells print as SPARQL writes them: decimals without exponent, booleans ``true``/``false``,
dates ISO, an unbound cell empty (CSV/TSV) or ``null`` (JSON). In JSON, integers and decimals
are numbers (a decimal as a JSON number, i.e. a double for most readers).

CSV and TSV are opened in spreadsheets, which run a cell that starts with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return before one) as a formula. Text cells come from scraped
documents, so such a cell is written with a leading apostrophe, which spreadsheets show as
text and do not print; numbers (``-3.5``) are written as they are.

>>> from plankg.queries.rows import Rows
>>> from decimal import Decimal
>>> rows = Rows(["indicator", "value"], [{"indicator": "人才资源总量", "value": Decimal("14.71")}])
>>> print(render(rows, "csv"), end="")
indicator,value
人才资源总量,14.71
>>> print(render(rows, "jsonl"), end="")
{"indicator": "人才资源总量", "value": 14.71}
>>> print(render(Rows(["label"], [{"label": '=HYPERLINK("http://x")'}]), "csv"), end="")
label
"'=HYPERLINK(""http://x"")"
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from decimal import Decimal
from typing import Any

from plankg.queries.rows import Rows, Value

ROW_FORMATS = ("table", "csv", "tsv", "json", "jsonl")
# wide enough that a piped table keeps each evidence sentence on one line
PIPED_WIDTH = 400
# what makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def spreadsheet_cell(value: Value) -> str:
    """A CSV/TSV cell: text that a spreadsheet would run as a formula gets a leading apostrophe."""
    text = text_cell(value)
    if isinstance(value, str) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def json_cell(value: Value) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def render(rows: Rows, fmt: str, *, title: str | None = None, terminal: bool = False) -> str:
    """``rows`` as text in format ``fmt`` (one of :data:`ROW_FORMATS`)."""
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(rows.columns)
        writer.writerows([spreadsheet_cell(row.get(c)) for c in rows.columns] for row in rows)
        return out.getvalue()
    if fmt == "json":
        data = [{c: json_cell(row.get(c)) for c in rows.columns} for row in rows]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(
            json.dumps({c: json_cell(row.get(c)) for c in rows.columns}, ensure_ascii=False) + "\n"
            for row in rows
        )
    if fmt == "table":
        return _table(rows, title=title, terminal=terminal)
    raise ValueError(f"unknown row format {fmt!r}")


def _table(rows: Rows, *, title: str | None, terminal: bool) -> str:
    from rich.console import Console  # only for a table: CSV and JSON need none of rich
    from rich.table import Table

    table = Table(title=title, caption=f"{len(rows)} row{'' if len(rows) == 1 else 's'}")
    for column in rows.columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(text_cell(row.get(c)) for c in rows.columns))
    out = io.StringIO()
    console = Console(
        file=out,
        width=None if terminal else PIPED_WIDTH,
        force_terminal=terminal,
        color_system="auto" if terminal else None,
    )
    console.print(table)
    return out.getvalue()
