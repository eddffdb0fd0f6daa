"""Defaults of the source options, apart from the modules that use them.

A command's options show them (``--timeout``, ``--engine``) before any source is opened; from
here they cost nothing to import, so ``plankg build`` does not import the endpoint client
(http.client, SPARQLWrapper, importlib.metadata) to print its help or to build
(docs/decisions/039-jieba-dictionary-cache.md, "Imports").
"""

from __future__ import annotations

DEFAULT_TIMEOUT = 60.0  # seconds an endpoint request may take (queries/remote.py)
ENGINES: tuple[str, ...] = ("oxigraph", "rdflib")  # local query engines (queries/sources.py)
