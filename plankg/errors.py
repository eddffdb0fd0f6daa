"""The one exception type for bad input: its message is one line and names the file."""

from __future__ import annotations


class InputError(Exception):
    """Input the tool cannot use; the CLI prints ``str(err)`` and exits non-zero."""
