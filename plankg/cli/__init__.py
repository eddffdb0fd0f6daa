"""The ``plankg`` command line: one click group; commands live in modules named by what they do.

The group knows each command's name, module and one-line help without importing the module:
``plankg --help`` lists them all and loads nothing heavy (no rdflib, networkx, pyshacl,
pyoxigraph or pypinyin). A command's module is imported the first time the command is looked up
(``plankg query …``, ``plankg query --help``, ``main.commands["query"]``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping

import click

from plankg import __version__

# name → (module, attribute, the first paragraph of its help); tests/test_cli.py checks that
# the help here is the command's own
LAZY_COMMANDS: dict[str, tuple[str, str, str]] = {
    "run": ("plankg.cli.run", "run_command",
            "Build the graph (default: the bundled corpus), answer the researcher questions and "
            "write the interactive viewer."),
    "build": ("plankg.cli.build", "build_command",
              "Build the graph from plan texts (files or folders; default: the bundled corpus)."),
    "validate": ("plankg.cli.build", "validate_command",
                 "Check the graph against the SHACL shapes; exit 1 with a report when it does "
                 "not conform."),
    "stats": ("plankg.cli.build", "stats_command",
              "Count the nodes of each class in each plan's graph."),
    "queries": ("plankg.cli.query", "queries_command",
                "List the named queries with their titles and parameters."),
    "query": ("plankg.cli.query", "query_command",
              "Run a named query, a query file, or a SELECT given with -e."),
    "export": ("plankg.cli.query", "export_command",
               "Write the whole graph to a file: ttl, trig, nt, nq, jsonld or graphml."),
    "push": ("plankg.cli.query", "push_command",
             "Upload the graph to a triplestore, one named graph per plan plus the ontology "
             "graph."),
    "serve": ("plankg.cli.query", "serve_command",
              "Serve the store as a read-only SPARQL endpoint on 127.0.0.1 until stopped."),
    "viz": ("plankg.cli.viz", "viz",
            "Write an interactive graph viewer: one HTML file that works offline."),
    "evaluate": ("plankg.cli.evaluate", "evaluate",
                 "Score the extraction of one plan against GOLD_FILE (JSON, see "
                 "docs/extraction.md)."),
}


class _Commands(MutableMapping[str, click.Command]):
    """The group's commands: every name is known at once, a module is imported on first use."""

    def __init__(self, lazy: dict[str, tuple[str, str, str]]) -> None:
        self._lazy = dict(lazy)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            if name not in self._lazy:
                raise KeyError(name)
            module, attribute, _ = self._lazy[name]
            self._loaded[name] = getattr(importlib.import_module(module), attribute)
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        self._loaded.pop(name, None)
        self._lazy.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        yield from self._lazy
        yield from (name for name in self._loaded if name not in self._lazy)

    def __len__(self) -> int:
        return len(self._lazy.keys() | self._loaded.keys())

    def __contains__(self, name: object) -> bool:
        return name in self._lazy or name in self._loaded

    def short_help(self, name: str) -> str | None:
        """The one-line help of a command not loaded yet (``None`` once it is loaded)."""
        if name in self._loaded or name not in self._lazy:
            return None
        return self._lazy[name][2]


class LazyGroup(click.Group):
    """A click group whose commands are imported when used, not when the group is."""

    def __init__(self, *args: object, lazy: dict[str, tuple[str, str, str]], **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.commands = _Commands(lazy)  # type: ignore[assignment]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            assert isinstance(self.commands, _Commands)
            text = self.commands.short_help(name)
            if text is None:
                command = self.get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                rows.append((name, command.get_short_help_str(limit)))
            else:
                rows.append((name, click.utils.make_default_short_help(text, limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, lazy=LAZY_COMMANDS,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plankg")
def main() -> None:
    """Knowledge graph and semantic queries over Chinese government plan documents."""
