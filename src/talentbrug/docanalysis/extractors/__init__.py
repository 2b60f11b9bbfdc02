"""Text and metadata extraction per format. Every extractor writes into a bounded ``TextSink``.

Extractors may raise anything; ``analyse()`` turns exceptions into entries of ``errors``.

One module per noun; callers import the module they need (this package re-exports nothing):

- ``sink``: the bounded ``TextSink``, the ``Extracted`` metadata, shared helpers
- ``registry``: ``EXTRACTORS``, the extractor per document type
- ``text``, ``pdf``, ``office``, ``mail``, ``archives``: the extractors per family of formats
  (``archives`` also holds the zip-bomb check every container passes first)
"""
