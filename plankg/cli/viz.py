"""``plankg viz``: write the interactive graph viewer, one offline HTML file."""

from __future__ import annotations

from pathlib import Path

import click
from rdflib import Dataset, Graph

from plankg.cli.options import SourceSpec, reports_errors, source_options
from plankg.errors import InputError
from plankg.viz.graphml import to_graphml
from plankg.viz.html import write_html
from plankg.viz.network import VIEWS, plan_network
from plankg.viz.overview import (
    OVERVIEW_FROM,
    chosen_plans_dataset,
    overview_network,
    plan_count,
)


def write_viewer(
    dataset: Dataset | Graph,
    output: Path,
    *,
    view: str = "full",
    types: list[str] | None = None,
    plans: list[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
    title: str | None = None,
    graphml: bool | None = None,
) -> tuple[int, int]:
    """Build the network from ``dataset`` and write the page; returns (nodes, edges) written.

    ``graphml`` writes the network as GraphML instead of HTML (default: when ``output`` ends in
    ``.graphml``).

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
    if graphml is None:
        graphml = output.suffix.lower() == ".graphml"
    if graphml:  # the same network for Gephi, Cytoscape, yEd …
        to_graphml(network, output)
    else:
        write_html(network, output, title=title)
    return network.number_of_nodes(), network.number_of_edges()


@click.command("viz")
@source_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("plans.html"),
    show_default=True,
    help="File to write (atomically): the HTML viewer, or as GraphML if it ends in .graphml.",
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
@click.option(
    "--full",
    is_flag=True,
    help=f"Draw every node even when more than {OVERVIEW_FROM} plans would make the overview "
    "the first view.",
)
@reports_errors
def viz(
    source: SourceSpec,
    output: Path,
    plans: tuple[str, ...],
    types: str | None,
    focus: str | None,
    depth: int | None,
    view: str,
    full: bool,
) -> None:
    """Write an interactive graph viewer: one HTML file that works offline.

    With -o NAME.graphml the same network (nodes, relations, evidence) is written as GraphML for
    Gephi, Cytoscape or yEd instead. A graph of more than 10 plans is drawn as an overview
    (plans, the industries they name and the programs and platforms several of them share, with
    counts) unless --plan, --focus, --types, --view or --full asks for nodes.
    """
    if depth is not None and focus is None:
        raise InputError("--depth needs --focus")
    if depth is not None and depth < 0:
        raise InputError(f"--depth must be 0 or more, not {depth}")
    if not output.parent.is_dir():
        raise InputError(f"{output}: folder {output.parent} does not exist")
    opened = source.open()
    narrowed = plans or focus is not None or types is not None or view != "full"
    count = plan_count(opened)
    graphml_out = output.suffix.lower() == ".graphml"
    if not full and not narrowed and not graphml_out and count > OVERVIEW_FROM:
        network = overview_network(opened)
        write_html(network, output, title=f"{count} plans · overview")
        click.echo(
            f"wrote {output}: overview of {count} plans, {network.number_of_nodes()} nodes, "
            f"{network.number_of_edges()} edges (--plan TITLE for one plan's network, "
            "--full for every node)"
        )
        return
    # one plan of many: read its graph (and the ontology's), not the whole store, into rdflib
    big = plans and focus is None and count > OVERVIEW_FROM
    try:
        dataset = chosen_plans_dataset(opened, list(plans)) if big else opened.dataset()
        nodes, edges = write_viewer(
            dataset,
            output,
            view=view,
            types=[t.strip() for t in types.split(",") if t.strip()] if types is not None else None,
            plans=list(plans),
            focus=focus,
            depth=1 if depth is None else depth,
        )
    except InputError as err:
        if str(err).startswith(f"{output}:"):  # could not write the page: the graph is fine
            raise
        raise InputError(f"{opened.name}: {err}") from err
    click.echo(f"wrote {output}: {nodes} nodes, {edges} edges")
