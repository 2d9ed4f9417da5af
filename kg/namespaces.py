"""IRIs of the vocabularies kg writes, in one place (rdflib's namespace pattern)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

KG = Namespace("https://w3id.org/kg-news/ontology#")
KGV = Namespace("https://w3id.org/kg-news/verb/")
ID = Namespace("https://w3id.org/kg-news/id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = SDO

# One prefix per kind of minted IRI: Turtle reads 'person:kim-jong-un', SPARQL can say the same,
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
