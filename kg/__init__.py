"""kg: news articles in, an RDF knowledge graph with per-fact provenance out.

    >>> import kg
    >>> dataset = kg.build(["seeds/"])          # rdflib.Dataset, one named graph per document
    >>> kg.validate(dataset).conforms
    True
"""

__version__ = "0.1.0"

from kg.pipeline import BuildResult, build, build_result, validate

__all__ = ["BuildResult", "__version__", "build", "build_result", "validate"]
