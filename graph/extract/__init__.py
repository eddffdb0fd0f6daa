"""The extraction stage: a ``Document`` in, ``Facts`` out.

``extractor.extract_facts(doc, lexicon=…)`` runs the finders of programs, platforms,
industries, departments and quantitative targets (each a module named by what it finds, built on
``phrases``, ``names`` and ``candidates``), keeps one name per thing, and reads the relations
between them (``relations``); ``figures`` reads the headline figures the prose states about the
past. The curated names live as data in ``lexicon.ttl`` (read by ``lexicon``). ``evaluate``
scores what a built graph holds against a hand-made gold annotation. Every fact carries the
sentence and offsets it came from (``facts``). Nothing here writes RDF.
"""
