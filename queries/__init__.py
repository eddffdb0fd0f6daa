"""The query layer: an RDF dataset in, answers out.

The named questions are the ``.rq`` files beside this module (``named`` reads them); ``store``
keeps the graph on disk in Oxigraph, ``sources`` opens any graph (store, file, endpoint) for
querying, ``querytext`` checks query text before it runs, ``rows`` is the plain result model,
``remote`` talks to SPARQL endpoints, ``serve`` runs one, and ``export`` writes the graph in
other formats. Nothing here reads plan texts or extracts facts: ``plankg.graph.rdf`` hands this
layer a dataset.
"""
