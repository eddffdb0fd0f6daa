"""Commands that read the graph and move it around: queries, query, export, push, serve.

The lead registers them on the ``plankg`` group (``main.add_command(...)``); each is a plain
click command and is tested on its own.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from types import FrameType

import click

from plankg import api
from plankg.cli.formats import ROW_FORMATS, render
from plankg.cli.options import (
    SourceSpec,
    format_option,
    graph_option,
    output_option,
    remote_options,
    reports_errors,
    source_options,
    store_option,
)
from plankg.errors import InputError
from plankg.queries import export as exporting
from plankg.queries import named
from plankg.queries.defaults import DEFAULT_PORT


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        exporting.write_atomically(output, text.encode("utf-8"))


@click.command("queries")
@format_option(("table", "json"), default="table")
@reports_errors
def queries_command(fmt: str) -> None:
    """List the named queries with their titles and parameters."""
    rows = api.Rows(
        ["name", "title", "parameters", "description"],
        (
            {
                "name": q.name,
                "title": q.title,
                "parameters": ", ".join(f"{p} ({d})" if d else p for p, d in q.params.items())
                or None,
                "description": q.description,
            }
            for q in named.load_all()
        ),
    )
    if fmt == "table":
        rows = api.Rows(rows.columns[:3], rows)
    click.echo(render(rows, fmt, terminal=sys.stdout.isatty()), nl=False)


@click.command("query")
@click.argument("name", required=False, metavar="NAME|FILE.rq")
@click.option("-e", "--sparql", "text", metavar="SPARQL", help="Run this SELECT query instead.")
@click.option(
    "-p", "--param", "pairs", multiple=True, metavar="KEY=VALUE", help="Bind a parameter."
)
@format_option(ROW_FORMATS, default="table")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    metavar="N",
    help="At most N rows: the first N in the query's order (sent as LIMIT when the engine's "
    "order is final, else cut after plankg sorts).",
)
@output_option
@source_options
@reports_errors
def query_command(
    name: str | None,
    text: str | None,
    pairs: tuple[str, ...],
    fmt: str,
    limit: int | None,
    output: Path | None,
    source: SourceSpec,
) -> None:
    """Run a named query, a query file, or a SELECT given with -e.

    Queries that list rows for every plan take -p plan=TITLE|FILE|KEY: only that plan's graph
    is read (its title as `plankg query plans` prints it, its file name, or its key, the end
    of its graph IRI). --limit N shows the first N rows.

    \b
    plankg query programs
    plankg query targets -p plan=秀洲区人才发展“十四五”规划 --limit 20
    plankg query entity -p label=鲲鹏行动计划 -f csv
    plankg query my-question.rq --graph g.trig
    plankg query -e 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g'
    """
    if (name is None) == (text is None):
        raise click.UsageError("give a query NAME or FILE.rq, or -e SPARQL (one of them)")
    params = api.params_from(pairs)
    if text is not None:
        chosen, strict = named.from_text(text), False
    elif name is not None and (name.endswith(".rq") or Path(name).is_file()):
        chosen, strict = named.from_file(name), False
    else:
        chosen, strict = named.load(name or ""), True
    rows = api.run(chosen, source.open(), params, strict=strict, limit=limit)
    title = chosen.title or None
    if fmt == "table" and limit is not None and len(rows) == limit:
        title = f"{title or chosen.name} (first {len(rows)} rows)"
    _emit(render(rows, fmt, title=title, terminal=output is None and sys.stdout.isatty()), output)


GRAPHML = "graphml"  # the viewer's network (networkx) for Gephi and Cytoscape, not RDF


@click.command("export")
@format_option((*exporting.FORMATS, GRAPHML))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (atomically).",
)
@source_options
@reports_errors
def export_command(fmt: str | None, output: Path, source: SourceSpec) -> None:
    """Write the whole graph to a file: ttl, trig, nt, nq, jsonld or graphml.

    TriG, N-Quads and JSON-LD keep one named graph per plan; Turtle and N-Triples hold the
    union of all graphs. GraphML holds the network the viewer shows (entities, relations and
    their evidence as attributes) for Gephi or Cytoscape.
    """
    if fmt == GRAPHML or (fmt is None and output.suffix.lower() == ".graphml"):
        from plankg.cli.viz import write_viewer

        opened = source.open()
        nodes, edges = write_viewer(opened.dataset(), output, graphml=True)
        click.echo(f"wrote {output} (graphml, {nodes} nodes, {edges} edges)", err=True)
        return
    fmt = exporting.format_for(output, fmt)
    size = exporting.write_export(output, source.open().oxigraph(), fmt)
    click.echo(f"wrote {output} ({fmt}, {size:,} bytes)", err=True)


@click.command("push")
@click.option("--endpoint", metavar="URL", help="SPARQL query endpoint of the target server.")
@click.option(
    "--graph-store",
    metavar="URL",
    help="Graph Store Protocol URL [default: derived from --endpoint, Oxigraph's /store].",
)
@store_option
@graph_option
@remote_options
@reports_errors
def push_command(
    endpoint: str | None,
    graph_store: str | None,
    store: Path | None,
    graph: Path | None,
    timeout: float,
    user: str | None,
    password: str | None,
) -> None:
    """Upload the graph to a triplestore, one named graph per plan plus the ontology graph.

    Each graph is replaced (HTTP PUT, SPARQL 1.1 Graph Store Protocol), so pushing again
    duplicates nothing.
    """
    if not endpoint and not graph_store:
        raise click.UsageError("give --endpoint URL (or --graph-store URL)")
    from plankg.queries import remote  # the endpoint client: only for push

    target = graph_store or remote.graph_store_url(endpoint or "")
    local = SourceSpec(store=store, graph=graph).open().oxigraph()
    pushed = remote.push(local, target, timeout=timeout, user=user, password=password)
    if not pushed:
        raise InputError("nothing to push: the graph has no named graphs")
    for name, count in pushed:
        click.echo(f"PUT {name}  {count:,} triples")
    total = sum(count for _, count in pushed)
    click.echo(f"pushed {len(pushed)} graphs, {total:,} triples to {target}", err=True)


@click.command("serve")
@click.option(
    "--port",
    type=click.IntRange(min=0, max=65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port on 127.0.0.1 (0: any free port).",
)
@store_option
@reports_errors
def serve_command(port: int, store: Path | None) -> None:
    """Serve the store as a read-only SPARQL endpoint on 127.0.0.1 until stopped.

    The Oxigraph server answers at /query (SPARQL 1.1 protocol) from a snapshot of the store
    taken at start.
    """

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt  # unwinds through serving(), which stops the server

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        from plankg.queries.serve import serving  # http.server: only for serve

        with serving(store, port=port) as server:
            click.echo(f"SPARQL endpoint: {server.query_url}")
            click.echo("read-only snapshot of the store; press Ctrl-C to stop", err=True)
            sys.stdout.flush()
            try:
                server.process.wait()
            except KeyboardInterrupt:
                return
            status = server.process.returncode
            raise InputError(f"the Oxigraph server stopped by itself (exit status {status})")
    finally:
        signal.signal(signal.SIGTERM, previous)


COMMANDS = (queries_command, query_command, export_command, push_command, serve_command)
