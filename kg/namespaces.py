"""IRIs of the vocabularies kg writes, in one place (rdflib's namespace pattern)."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD


class TermNamespace(Namespace):
    """A namespace that hands out the same IRI object for a name it was asked for lately:
    rdflib's makes and checks a new ``URIRef`` at every ``NIF.beginIndex`` or ``ID[...]``,
    which was a tenth of the CPU of writing a graph (each term of each triple). The IRIs
    are equal either way; the cache is bounded."""

    def term(self, name: str) -> URIRef:
        return _term(str(self), name) if isinstance(name, str) else super().term(name)

    def __getattr__(self, name: str) -> URIRef:
        """``NIF.beginIndex``: rdflib's ``__getattr__`` runs for every use of a term written as
        an attribute (hundreds of thousands in a large build). The term is kept in the
        instance's dict, so the next use is a plain attribute. Only names the code writes
        as attributes get there, a bounded set; ``ID[...]`` goes through ``term``."""
        iri = super().__getattr__(name)
        self.__dict__[name] = iri
        return iri


@lru_cache(maxsize=1 << 13)
def _term(namespace: str, name: str) -> URIRef:
    """The few hundred terms of the vocabularies are asked for all the time and stay; an
    IRI minted for one document or entity is asked for while its part is made."""
    return URIRef(namespace + name)


KG = TermNamespace("https://w3id.org/kg-news/ontology#")
KGV = TermNamespace("https://w3id.org/kg-news/verb/")
ID = TermNamespace("https://w3id.org/kg-news/id/")
NIF = TermNamespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = SDO

# One prefix per kind of minted IRI: Turtle reads 'person:pak-song-chol', SPARQL can say the same,
# and rdflib's serialiser finds prefixes at once instead of inventing one per IRI (a quadratic
# slowdown on large graphs).
ID_FAMILIES = ("doc", "fact", "evidence", "person", "organization", "place", "thing", "event",
               "run", "software")
PREFIXES: dict[str, Namespace] = {
    "kg": KG, "kgv": KGV, "nif": NIF, "schema": SCHEMA, "prov": PROV, "skos": SKOS,
    "dcterms": DCTERMS, "rdfs": RDFS, "rdf": RDF, "xsd": XSD, "owl": OWL,
    **{family: Namespace(f"{ID}{family}/") for family in ID_FAMILIES},
}

__all__ = ["DCTERMS", "ID", "KG", "KGV", "NIF", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA",
           "SKOS", "XSD"]
