"""The ``plankg`` command line: one click group; commands live in modules named by what they do."""

from __future__ import annotations

import click

from plankg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plankg")
def main() -> None:
    """Knowledge graph and semantic queries over Chinese government plan documents."""


# --- command registration (one line per module) ---------------------------------------------
