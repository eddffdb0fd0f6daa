"""The ``plankg`` command line: one click group; commands live in modules named by what they do."""

from __future__ import annotations

import click

from plankg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plankg")
def main() -> None:
    """Knowledge graph and semantic queries over Chinese government plan documents."""


# --- command registration (one line per module) ---------------------------------------------


def _register() -> None:
    from plankg.cli.build import COMMANDS as BUILD_COMMANDS
    from plankg.cli.evaluate import evaluate
    from plankg.cli.query import COMMANDS as QUERY_COMMANDS
    from plankg.cli.run import run_command
    from plankg.cli.viz import viz

    for command in (run_command, *BUILD_COMMANDS, *QUERY_COMMANDS, viz, evaluate):
        main.add_command(command)


_register()
