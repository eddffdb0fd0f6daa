"""The text stage: a plan file in, a ``Document`` out.

``structure.read_document(path)`` reads the file (``reading``: bytes → text, the encoding
detected, nothing normalised), splits it into lines with offsets (``lines``), reads the header
and signature (``header``), numbering conventions (``headings``, ``numerals``) and builds the
heading tree of sections, paragraphs and sentences (the ``document`` model); ``tables`` reads
the indicator tables inside it into rows and cells. Every span is a pair of character offsets
into ``Document.text``. Nothing here knows about programs, platforms or RDF.
"""
