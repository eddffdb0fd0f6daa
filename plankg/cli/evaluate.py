"""``plankg evaluate``: precision, recall and F1 of the extractor against a gold annotation.

With ``--graph`` it scores a built graph file; without, it reads the plan text the gold file
names (``--text``, else next to the gold file, else ``corpus/``), builds its graph in memory as
``plankg build`` would (tasks included), and scores that, with the default lexicon,
``--lexicon`` files added, or ``--empty-lexicon``.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from plankg.cli.options import reports_errors
from plankg.errors import InputError
from plankg.graph.extract.evaluate import Score, read_gold, score
from plankg.graph.extract.lexicon import Lexicon, load_lexicon
from plankg.graph.rdf.build import build_dataset, bundled_corpus
from plankg.queries.sources import RdflibSource, Source, load_file


def find_text(gold_file: Path, document: str, text: Path | None) -> Path:
    """The plan text a gold file is about: ``text`` if given, else where its name is found."""
    if text is not None:
        if not text.is_file():
            raise InputError(f"{text}: no such plan text")
        return text
    name = Path(document).name
    places = [gold_file.parent, gold_file.parent.parent / "plans", Path("corpus"),
              bundled_corpus()]
    for folder in places:
        if (folder / name).is_file():
            return folder / name
    raise InputError(f"{gold_file}: plan text {name!r} not found next to it or in corpus/; "
                     "give --text or --graph")


def score_table(scores: list[Score], *, title: str) -> Table:
    table = Table(title=title)
    for column in ("type", "gold", "found", "correct", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for row in scores:
        table.add_row(row.type, str(row.gold), str(row.predicted), str(row.correct),
                      f"{row.precision:.2f}", f"{row.recall:.2f}", f"{row.f1:.2f}")
    return table


@click.command("evaluate")
@click.argument("gold_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--graph", type=click.Path(dir_okay=False, path_type=Path),
              help="Score this graph file (.trig, .nq, .ttl …) instead of extracting now.")
@click.option("--text", type=click.Path(dir_okay=False, path_type=Path),
              help="The plan text to extract from [default: found by the gold file's name].")
@click.option("--lexicon", "lexicons", multiple=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="A Turtle lexicon file that extends the default one (repeatable).")
@click.option("--empty-lexicon", is_flag=True,
              help="Extract with no known names, to measure the rules alone.")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list the gold items missed and the items found wrongly.")
@reports_errors
def evaluate(gold_file: Path, graph: Path | None, text: Path | None, lexicons: tuple[Path, ...],
             empty_lexicon: bool, show_errors: bool) -> None:
    """Score the extraction of one plan against GOLD_FILE (JSON, see docs/extraction.md)."""
    gold = read_gold(gold_file)
    if graph is not None:
        if lexicons or empty_lexicon or text is not None:
            raise click.UsageError("--text, --lexicon and --empty-lexicon apply when extracting, "
                                   "not with --graph")
        source = load_file(graph)
    else:
        plan_text = find_text(gold_file, gold.document, text)
        source = build_source(plan_text, lexicon=load_lexicon(*lexicons, empty=empty_lexicon))
    scores = score(gold, source)
    console = Console()
    console.print(score_table(scores, title=f"{gold.document} ({gold_file.name})"))
    if show_errors:
        for row in scores:
            for name in row.missed:
                console.print(f"{row.type}\tmissed\t{name}", markup=False)
            for name in row.spurious:
                console.print(f"{row.type}\twrong\t{name}", markup=False)


def build_source(text: Path, *, lexicon: Lexicon) -> Source:
    """The graph ``plankg build`` would write for one plan text, in memory, for scoring.

    It is built by the same code as a build (plan node, sections, tasks, facts), so the subject
    of a department relation, often a task, is matched by its title as in a built graph.
    """
    return RdflibSource(build_dataset([text], lexicon=lexicon).dataset, str(text))
