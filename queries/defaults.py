"""Defaults of the source options, apart from the modules that use them.

A command's options show them (``--timeout``, ``--engine``) before any source is opened; from
here they cost nothing to import, so ``plankg build`` and ``plankg query`` do not import the
endpoint client or the server (http.client, SPARQLWrapper, importlib.metadata) to print their
help, to build or to query a local store
(docs/decisions/039-jieba-dictionary-cache.md, "Imports").
"""

from __future__ import annotations

DEFAULT_TIMEOUT = 60.0  # seconds an endpoint request may take (queries/remote.py)
ENGINES: tuple[str, ...] = ("oxigraph", "rdflib")  # local query engines (queries/sources.py)
DEFAULT_PORT = 7878  # where `plankg serve` listens (queries/serve.py)
