"""Check a graph against the SHACL shapes and explain each violation in words.

pyshacl does the checking; this module adds what a reader needs to act on a violation: the
fact's label and the sentence it was read from, looked up in the data graph itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.namespaces import KG, NIF, PROV


@dataclass(frozen=True)
class Violation:
    focus: str
    label: str
    path: str | None
    message: str
    sentence: str | None
    source: str | None

    def describe(self) -> str:
        where = f' (from "{self.sentence}" in {self.source})' if self.sentence else ""
        path = f" [{self.path}]" if self.path else ""
        return f"{self.label}{path}: {self.message}{where}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]

    def describe(self) -> str:
        if self.conforms:
            return "conforms to the kg shapes"
        lines = [f"{len(self.violations)} violation(s) of the kg shapes:"]
        lines += [f"  - {v.describe()}" for v in self.violations]
        return "\n".join(lines)


def shapes_path() -> Path:
    """The shapes shipped in the wheel (kg/shapes), or the repository's shapes/ folder."""
    packaged = Path(str(resources.files("kg"))) / "shapes"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "shapes"


@cache
def load_shapes() -> Graph:
    graph = Graph()
    for file in sorted(shapes_path().glob("*.ttl")):
        graph.parse(file, format="turtle")
    return graph


def validate_graph(data: Graph) -> ValidationReport:
    from pyshacl import validate

    conforms, results, _ = validate(data, shacl_graph=load_shapes(), inference="none",
                                    advanced=True, allow_warnings=True)
    violations = sorted((_explain(data, results, r) for r in
                         results.subjects(RDF.type, SH.ValidationResult)),
                        key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(conforms=bool(conforms), violations=tuple(violations))


def _explain(data: Graph, results: Graph, result: Node) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    message = results.value(result, SH.resultMessage)
    label = data.value(focus, RDFS.label) if focus is not None else None
    sentence, source = _sentence_behind(data, focus)
    return Violation(
        focus=str(focus), label=f'"{label}" <{focus}>' if label else f"<{focus}>",
        path=_short(data, path), message=str(message) if message else "violates a shape",
        sentence=sentence, source=source,
    )


def _sentence_behind(data: Graph, focus: Node | None) -> tuple[str | None, str | None]:
    """Follow statement -> evidence -> sentence, or evidence -> sentence, to a quote."""
    if focus is None:
        return None, None
    evidence = [focus] if (focus, RDF.type, KG.Evidence) in data else \
        sorted(data.objects(focus, KG.evidence))
    for item in evidence:
        sentence = data.value(item, KG.sentence)
        quote = data.value(sentence, NIF.anchorOf) if sentence is not None else None
        document = data.value(item, PROV.wasDerivedFrom)
        source = data.value(document, KG.sourceFile) if document is not None else None
        if quote is not None:
            return str(quote), str(source) if source else None
    return None, None


def _short(data: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        try:
            return data.namespace_manager.normalizeUri(node)
        except (ValueError, KeyError):
            return str(node)
    return str(node)
