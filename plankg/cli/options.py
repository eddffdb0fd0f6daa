"""Click options shared by every command that reads the graph, and the error convention.

A command that reads the graph takes ``@source_options`` and receives one ``source`` argument
(a :class:`SourceSpec`) instead of seven options; ``source.open()`` gives the
:class:`~plankg.queries.sources.Source`. Commands wrap their body in ``@reports_errors`` so any
:class:`~plankg.errors.InputError` becomes a one-line ``Error: …`` and exit status 1.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from plankg.errors import InputError
from plankg.queries.defaults import DEFAULT_TIMEOUT, ENGINES
from plankg.queries.store import ENV_VAR

if TYPE_CHECKING:
    from plankg.queries.sources import Source

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class SourceSpec:
    """What the source options said; nothing is opened until :meth:`open`."""

    store: Path | None = None
    graph: Path | None = None
    endpoint: str | None = None
    engine: str = "oxigraph"
    timeout: float = DEFAULT_TIMEOUT
    user: str | None = None
    password: str | None = None

    def open(self) -> Source:
        from plankg.queries.sources import open_source  # pyoxigraph, the endpoint client

        return open_source(
            store=self.store,
            graph=self.graph,
            endpoint=self.endpoint,
            engine=self.engine,  # type: ignore[arg-type]
            timeout=self.timeout,
            user=self.user,
            password=self.password,
        )


store_option = click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    help=f"Graph store directory [default: ${ENV_VAR} or .plankg/store].",
)
graph_option = click.option(
    "--graph",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read a graph file instead (.trig, .nq, .jsonld, .ttl, .nt).",
)
endpoint_option = click.option(
    "--endpoint", metavar="URL", help="Query a SPARQL 1.1 endpoint instead."
)
engine_option = click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="oxigraph",
    show_default=True,
    help="Who runs SPARQL on local data.",
)
timeout_option = click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Give up on a query (local or on the endpoint) after this long.",
)
user_option = click.option(
    "--user", envvar="PLANKG_USER", help="HTTP basic auth user [env: PLANKG_USER]."
)
password_option = click.option(
    "--password",
    envvar="PLANKG_PASSWORD",
    help="HTTP basic auth password [env: PLANKG_PASSWORD].",
)


def remote_options(func: F) -> F:
    """``--timeout``, ``--user``, ``--password``."""
    return timeout_option(user_option(password_option(func)))


def source_options(func: F) -> F:
    """``--store``/``--graph``/``--endpoint``, ``--engine`` and the remote options.

    The command receives them as one keyword argument, ``source``.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        kwargs["source"] = SourceSpec(
            **{f.name: kwargs.pop(f.name) for f in dataclasses.fields(SourceSpec)}
        )
        return func(*args, **kwargs)

    for option in (password_option, user_option, timeout_option, engine_option):
        wrapper = option(wrapper)
    for option in (endpoint_option, graph_option, store_option):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


def format_option(choices: Sequence[str], *, default: str | None = None) -> Callable[[F], F]:
    """``-f/--format`` with the given choices."""
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=default is not None,
        help="Output format.",
    )


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically) instead of standard output.",
)


def reports_errors(func: F) -> F:
    """Turn bad input into ``Error: <one line>`` and exit status 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputError as err:
            raise click.ClickException(" ".join(str(err).split())) from err

    return wrapper  # type: ignore[return-value]
