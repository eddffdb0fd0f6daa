"""Where plankg keeps files it can always make again (a faster form of a package's data).

``$PLANKG_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/plankg``, else ``~/.cache/plankg``; never
inside the installed package, which may be read-only. Whatever reads a file from here checks it
and makes it again when it is missing, stale or damaged, and works without it when the folder
cannot be written.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "PLANKG_CACHE_DIR"


def cache_dir() -> Path:
    """``$PLANKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/plankg``, else ``~/.cache/plankg``."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "plankg"
