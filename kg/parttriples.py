"""A part of the graph as plain triples (a document's, or a chunk of the corpus part), for the
streamed write (issue 14).

``kg.rdf``'s builders only ever ``add`` triples to a part; a build then writes the part as
N-Quads lines, hands it to the shapes engine and looks a few things up in it (evidence links,
spans' quotes). An rdflib Graph did all that at a cost: its store's three indices on every add
and its pattern machinery on every read were about a quarter of the write stage. A
``PartTriples`` keeps the triples in the order they were added, once each, with the two small
indices the lookups need, and makes the rdflib Graph (``graph``) only when a caller needs one:
a part with a violation to explain, or a format written from a whole graph.

The lookups answer as a ``SimpleMemory`` graph of the same adds answers: the same objects in
the same order, so anything read from either is the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


class PartTriples:
    """Triples added once each, in order, with what ``kg.validate`` and ``kg.rdf.span_quote``
    read: a subject's objects by predicate and a predicate's (subject, object) pairs."""

    def __init__(self) -> None:
        self._triples: dict[Triple, None] = {}
        self._by_subject: dict[Node, dict[Node, dict[Node, None]]] = {}
        # as SimpleMemory's pos index: by predicate, then object (first added first), then subject
        self._by_predicate: dict[Node, dict[Node, dict[Node, None]]] = {}

    def add(self, triple: Triple) -> None:
        """Add ``triple`` unless it is here (a graph holds a triple once). Each lookup is
        made once, and no empty index level made to be dropped: a literal hashes in Python
        (``Literal.__hash__``), and a build adds every triple of its graph here (issue 14)."""
        triples = self._triples
        held = len(triples)
        triples.setdefault(triple, None)
        if len(triples) == held:
            return
        s, p, o = triple
        _index_under(self._by_subject, s, p, o)
        _index_under(self._by_predicate, p, o, s)

    def remove(self, pattern: tuple[Node | None, Node | None, Node | None]) -> None:
        """Remove the triples matching ``pattern`` (None matches any term), as
        ``Graph.remove`` does: a test breaks a part this way to see its check fail."""
        def matches(triple: Triple) -> bool:
            pairs = zip(pattern, triple, strict=True)
            return all(want is None or want == term for want, term in pairs)
        for s, p, o in [triple for triple in self._triples if matches(triple)]:
            del self._triples[(s, p, o)]
            _drop(self._by_subject, s, p, o)
            _drop(self._by_predicate, p, o, s)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as its triples in order, its indices made again when unpickled: a corpus
        chunk is kept on disk until the final check (``kg.validate``), and three indices
        pickled would be each term's reference three times over."""
        return _made_of, (tuple(self._triples),)

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple: Triple) -> bool:
        return triple in self._triples

    def objects(self, subject: Node | None, predicate: Node) -> Iterator[Node]:
        """``subject``'s objects by ``predicate`` (None: no subject, none)."""
        if subject is None:
            return iter(())
        return iter(self._by_subject.get(subject, {}).get(predicate, {}))

    def subjects(self, predicate: Node | None = None, obj: Node | None = None,
                 unique: bool = False) -> Iterator[Node]:
        """The subjects of the triples matching ``predicate`` and ``obj`` (None: any), as
        ``Graph.subjects`` gives them for a SimpleMemory graph of the same adds: all of them,
        each distinct subject once when ``unique`` (with neither given, in the order first
        added), and for a predicate and an object in the order their triples were added."""
        if predicate is None and obj is None:
            if unique:
                return iter(self._by_subject)
            return (s for s, _, _ in self._triples)
        if predicate is not None and obj is not None:
            return iter(self._by_predicate.get(predicate, {}).get(obj, {}))
        found = (s for s, p, o in self._triples
                 if predicate in (None, p) and obj in (None, o))
        return iter(dict.fromkeys(found)) if unique else found

    def value(self, subject: Node | None, predicate: Node) -> Node | None:
        """The first of ``objects`` (rdflib's ``Graph.value`` with ``any=True``), or None."""
        return next(self.objects(subject, predicate), None)

    def subject_objects(self, predicate: Node) -> Iterator[tuple[Node, Node]]:
        """The (subject, object) pairs of ``predicate``."""
        for obj, subjects in self._by_predicate.get(predicate, {}).items():
            for subject in subjects:
                yield subject, obj

    def with_predicate(self, predicate: Node) -> list[Triple]:
        """The triples of ``predicate``, in the order ``Graph.triples((None, p, None))``
        gives them for a SimpleMemory graph of the same adds."""
        return [(s, predicate, o) for s, o in self.subject_objects(predicate)]

    def graph(self) -> Graph:
        """The same triples as an rdflib graph (SimpleMemory), added in the same order."""
        graph = Graph(store="SimpleMemory")
        for triple in self._triples:
            graph.add(triple)
        return graph


def _made_of(triples: tuple[Triple, ...]) -> PartTriples:
    """A ``PartTriples`` unpickled: ``triples`` added in their order."""
    part = PartTriples()
    for triple in triples:
        part.add(triple)
    return part


def _index_under(index: dict[Node, dict[Node, dict[Node, None]]], first: Node, second: Node,
                 third: Node) -> None:
    """Put ``third`` under ``first`` and ``second``, making the levels missing."""
    inner = index.get(first)
    if inner is None:
        index[first] = {second: {third: None}}
        return
    innermost = inner.get(second)
    if innermost is None:
        inner[second] = {third: None}
    else:
        innermost[third] = None


def _drop(index: dict[Node, dict[Node, dict[Node, None]]], first: Node, second: Node,
          third: Node) -> None:
    """Remove ``third`` under ``first`` and ``second``, and the levels it leaves empty."""
    inner = index[first]
    del inner[second][third]
    if not inner[second]:
        del inner[second]
    if not inner:
        del index[first]
