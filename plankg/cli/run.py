"""``plankg run``: the main job in one command (build, answer the researcher questions, viewer)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from plankg.api import query
from plankg.cli.build import run_build, summary_table
from plankg.cli.formats import render
from plankg.cli.options import reports_errors, store_option
from plankg.queries.export import write_atomically
from plankg.queries.rows import Rows
from plankg.queries.sources import open_source

# The questions the main job answers, as named queries; each is written to <out>/<name>.csv.
QUESTIONS = ("plans", "program-industries", "platform-industries", "programs", "platforms",
             "departments", "indicators", "shared-entities")


def grouped(rows: Rows, key: str, value: str) -> list[tuple[str, str]]:
    """``key`` → its distinct ``value``s sorted and joined with 、; keys in first-seen order."""
    found: dict[str, list[str]] = {}
    for row in rows:
        values = found.setdefault(str(row[key]), [])
        if str(row[value]) not in values:
            values.append(str(row[value]))
    return [(k, "、".join(sorted(v))) for k, v in found.items()]


@click.command("run")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True,
              help="Folder for the graph (plans.trig), the answers (*.csv) and plans.html.")
@store_option
@reports_errors
def run_command(paths: tuple[Path, ...], out: Path, store: Path | None) -> None:
    """Build the graph (default: the bundled corpus), answer the researcher questions and write
    the interactive viewer."""
    from plankg.cli.viz import write_viewer

    console = Console()
    build = run_build(paths, out / "plans.trig", store, console=console, make_folder=True)
    console.print(summary_table(build))
    source = open_source(store=store)
    answers = {name: query(name, source=source) for name in QUESTIONS}
    for name, rows in answers.items():
        write_atomically(out / f"{name}.csv", render(rows, "csv").encode("utf-8"))
    for title, name, key in (("Which industries does each program target?",
                              "program-industries", "program"),
                             ("Which industries does each platform carry?",
                              "platform-industries", "platform")):
        table = Table(title=title)
        table.add_column(key)
        table.add_column("industries", overflow="fold")
        for subject, industries in grouped(answers[name], key, "industry"):
            table.add_row(subject, industries)
        console.print(table)
    nodes, edges = write_viewer(build.dataset, out / "plans.html")
    console.print(f"wrote {out}/plans.trig, {len(QUESTIONS)} answers as {out}/*.csv, "
                  f"{out}/plans.html ({nodes} nodes, {edges} edges)", highlight=False)
