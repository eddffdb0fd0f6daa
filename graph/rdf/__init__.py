"""The RDF stage: ``Document`` + ``Facts`` in, an RDF dataset out.

``build.build_dataset(paths)`` reads each plan (text stage), extracts its facts (extraction
stage) and writes one named graph per plan: the plan node and its regions (``regions``, with
``regions.tsv``), sections, goals and tasks, the facts (``facts``, ``targets``), the indicator
tables as RDF Data Cube observations (``indicators``), each with its evidence (``evidence``),
under stable IRIs (``identifiers``) of the vocabulary (``vocab``, ``ontology``). ``validate``
checks a dataset against the SHACL shapes. Storing and querying the dataset is the query
layer's work (``plankg.queries``).
"""
