"""IRIs of the vocabularies kg writes, in one place (rdflib's namespace pattern)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

KG = Namespace("https://w3id.org/kg-news/ontology#")
KGV = Namespace("https://w3id.org/kg-news/verb/")
ID = Namespace("https://w3id.org/kg-news/id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = SDO

PREFIXES: dict[str, Namespace] = {
    "kg": KG, "kgv": KGV, "id": ID, "nif": NIF, "schema": SCHEMA, "prov": PROV, "skos": SKOS,
    "dcterms": DCTERMS, "rdfs": RDFS, "rdf": RDF, "xsd": XSD, "owl": OWL,
}

__all__ = ["DCTERMS", "ID", "KG", "KGV", "NIF", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA",
           "SKOS", "XSD"]
