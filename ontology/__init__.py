"""The plankg vocabulary, shapes and JSON-LD context as package data, and the IRIs they define.

The namespace IRIs are plain strings here so that every stage can name plankg's terms without
loading an RDF library; ``plankg.graph.rdf.vocab`` builds the checked rdflib namespaces on them.
"""

PK_IRI = "https://w3id.org/plankg/ontology#"  # the vocabulary's terms (prefix pk:)
ID_IRI = "https://w3id.org/plankg/id/"  # the data's nodes
GRAPH_IRI = "https://w3id.org/plankg/graph/"  # named graphs: one per plan, and the ontology's
