"""The vocabulary, SHACL shapes and JSON-LD context shipped as package data in ``plankg.ontology``.

They are read through ``importlib.resources`` so an editable install and a wheel find the same
files. Each call parses afresh and returns a new object: callers may add to what they get.

>>> from rdflib import RDFS
>>> from plankg.graph.rdf.vocab import PK, QB
>>> (PK.Target, RDFS.subClassOf, QB.Observation) in load_ontology()
True
>>> load_context()["@context"]["pk"]
'https://w3id.org/plankg/ontology#'
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from rdflib import Graph, URIRef

ONTOLOGY_IRI = URIRef("https://w3id.org/plankg/ontology")
SHAPES_IRI = URIRef("https://w3id.org/plankg/shapes")

_PACKAGE = "plankg.ontology"


def read_resource(name: str) -> str:
    """The text of one file of ``plankg.ontology``, e.g. ``"plankg.ttl"``."""
    return files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def load_ontology() -> Graph:
    """The pk: vocabulary (``ontology/plankg.ttl``) as a new graph."""
    return Graph().parse(data=read_resource("plankg.ttl"), format="turtle")


def load_shapes() -> Graph:
    """The SHACL shapes (``ontology/shapes.ttl``) as a new graph."""
    return Graph().parse(data=read_resource("shapes.ttl"), format="turtle")


def load_context() -> dict[str, Any]:
    """The JSON-LD context document (``ontology/context.jsonld``), ``{"@context": {...}}``."""
    return json.loads(read_resource("context.jsonld"))
