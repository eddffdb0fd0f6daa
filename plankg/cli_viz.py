"""``plankg viz``: write the interactive graph viewer, one offline HTML file."""

from __future__ import annotations

from pathlib import Path

import click
from rdflib import Dataset

from plankg.graph.errors import InputError
from plankg.viz.html import write_html
from plankg.viz.network import VIEWS, plan_network

# rdflib parser names by file extension
GRAPH_FORMATS = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
}


def load_graph_file(path: Path) -> Dataset:
    """Read a graph file into a Dataset; the format comes from the extension."""
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = " ".join(sorted(GRAPH_FORMATS))
        raise InputError(f"{path}: unknown graph format {path.suffix!r}; use one of {known}")
    dataset = Dataset()
    try:
        dataset.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many types for bad syntax; all mean "cannot read"
        reason = " ".join(str(err).split()) or type(err).__name__
        if len(reason) > 200:
            reason = reason[:199] + "…"
        raise InputError(f"{path}: not valid {fmt}: {reason}") from err
    return dataset


def write_viewer(
    dataset: Dataset,
    output: Path,
    *,
    view: str = "full",
    types: list[str] | None = None,
    plans: list[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
    title: str | None = None,
) -> tuple[int, int]:
    """Build the network from ``dataset`` and write the page; returns (nodes, edges) written.

    The seam for graph sources: whatever loads the dataset (file, store, endpoint) calls this.
    """
    network = plan_network(dataset, view=view, classes=types, plans=plans, focus=focus, depth=depth)
    if network.number_of_nodes() == 0:
        raise InputError("nothing to show: no plan or node of the chosen types in the graph")
    if title is None:
        shown = network.graph["plans"]
        title = shown[0] if len(shown) == 1 else f"{len(shown)} plans"
        if focus is not None:
            title = f"{focus} · {title}"
    write_html(network, output, title=title)
    return network.number_of_nodes(), network.number_of_edges()


@click.command("viz")
@click.option(
    "--graph",
    "graph_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Graph file to show (.trig .nq .ttl .nt .jsonld).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("plans.html"),
    show_default=True,
    help="HTML file to write.",
)
@click.option("--plan", "plans", multiple=True, help="Only what this plan names (title or part).")
@click.option("--types", help="Node types, comma-separated, e.g. Program,Industry (full view).")
@click.option("--focus", help="Only the neighbourhood of the node with this label or alias.")
@click.option("--depth", type=int, help="How many relations away from --focus to go [default: 1].")
@click.option(
    "--view",
    type=click.Choice(VIEWS),
    default="full",
    show_default=True,
    help="Whole graph, or a bipartite program-industry / platform-industry graph.",
)
def viz(
    graph_file: Path,
    output: Path,
    plans: tuple[str, ...],
    types: str | None,
    focus: str | None,
    depth: int | None,
    view: str,
) -> None:
    """Write an interactive graph viewer: one HTML file that works offline."""
    if depth is not None and focus is None:
        raise click.ClickException("--depth needs --focus")
    if not output.parent.is_dir():
        raise click.ClickException(f"{output}: folder {output.parent} does not exist")
    try:
        dataset = load_graph_file(graph_file)
    except InputError as err:
        raise click.ClickException(str(err)) from err
    try:
        nodes, edges = write_viewer(
            dataset,
            output,
            view=view,
            types=[t for t in types.split(",") if t.strip()] if types is not None else None,
            plans=list(plans),
            focus=focus,
            depth=1 if depth is None else depth,
        )
    except InputError as err:
        raise click.ClickException(f"{graph_file}: {err}") from err
    except OSError as err:
        raise click.ClickException(f"{output}: cannot write: {err.strerror or err}") from err
    click.echo(f"wrote {output}: {nodes} nodes, {edges} edges")
