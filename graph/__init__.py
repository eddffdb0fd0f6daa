"""From plan files to an RDF dataset, in three stages that each hand the next plain data.

``text`` (a file in, a ``Document`` out) → ``extract`` (a ``Document`` in, ``Facts`` out) →
``rdf`` (``Document`` + ``Facts`` in, an RDF dataset out). A stage imports only the stages
before it; docs/architecture.md draws the whole pipeline.
"""
