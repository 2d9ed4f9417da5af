"""The write step's maps on disk (kg.diskindex, GraphParts' document index, the validation's
corpus context) answer as the in-memory maps they replace did, here and in a forked process."""

from __future__ import annotations

import multiprocessing

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from kg.diskindex import DiskIndex
from kg.model import Sentence
from kg.rdf import SentenceSpan, _DocumentIndex
from kg.validate import CorpusContext

_NODES = st.sampled_from([URIRef(f"https://example.org/id/{name}") for name in
                          ("fact/0a", "fact/1b", "person/ada-quill", "place/n\u00e9ra", "run/7")])
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_LABELS = st.one_of(
    st.builds(Literal, _TEXT),
    st.builds(lambda text: Literal(text, lang="en"), _TEXT),
    st.builds(lambda n: Literal(str(n), datatype=XSD.integer), st.integers(0, 99)),
    _NODES,
)
_CHUNKS = st.lists(st.lists(st.tuples(_NODES, _LABELS), max_size=6), max_size=4)


def _chunks(triples: list[list[tuple[URIRef, object]]]) -> list[Graph]:
    graphs = []
    for pairs in triples:
        graph = Graph()
        for node, label in pairs:
            graph.add((node, RDFS.label, label))
        graph.add((URIRef("https://example.org/id/run/7"), RDFS.comment, Literal("a run")))
        graphs.append(graph)
    return graphs


@settings(max_examples=60, deadline=None)
@given(_CHUNKS, _NODES)
def test_the_corpus_context_on_disk_answers_as_the_set_and_dict_did(triples, asked):
    """``owned`` as a set of subjects' strings and ``labels`` as a dict of lists, in the
    order the chunks gave them: what PartValidation held before."""
    context, owned, labels = CorpusContext(), set(), {}
    for chunk in _chunks(triples):
        context.add(chunk)
        owned.update(str(node) for node in chunk.subjects(unique=True))
        for node, label in chunk.subject_objects(RDFS.label):
            labels.setdefault(node, []).append(label)
    assert context.owns(str(asked)) == (str(asked) in owned)
    found = context.labels_of(asked)
    assert found == labels.get(asked, [])
    # the same terms, not only equal values: language and datatype kept
    assert [(type(x), getattr(x, "language", None), getattr(x, "datatype", None))
            for x in found] == [(type(x), getattr(x, "language", None),
                                 getattr(x, "datatype", None)) for x in labels.get(asked, [])]


def _sentence(doc_id: str, index: int, start: int) -> Sentence:
    return Sentence(doc_id=doc_id, index=index, start=start, end=start + 10, text="")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["d1", "d2", "d3"]),
                          st.sets(st.text("abcé-/", min_size=1, max_size=5), max_size=4)),
                max_size=6),
       st.lists(st.tuples(st.sampled_from(["d1", "d2"]), st.integers(0, 5),
                          st.integers(0, 500)), max_size=10))
def test_the_document_index_answers_as_the_maps_did(entities, sentences):
    """Whom a document mentions, sorted as Python sorts the ids, its sentences by number
    (the last one given of a number wins, as a dict would keep it) and the entities' labels."""
    index = _DocumentIndex(_sentence(d, i, start) for d, i, start in sentences)
    mentioned: dict[str, set[str]] = {}
    for number, (doc_id, names) in enumerate(entities):
        for name in names:
            entity_id = f"{name}{number}"
            index.add_mentions(entity_id, [doc_id])
            mentioned.setdefault(doc_id, set()).add(entity_id)
        index.add_label(f"{names and min(names)}{number}", f"label {number}")
    index.commit()
    labels = {f"{names and min(names)}{number}": f"label {number}"
              for number, (_, names) in enumerate(entities)}
    assert dict(index.labels) == labels and len(index.labels) == len(labels)
    assert "no such entity" not in index.labels
    held = {(d, i): SentenceSpan(start, start + 10) for d, i, start in sentences}
    for doc_id in ("d1", "d2", "d3", "d4"):
        assert index.mentioned(doc_id) == sorted(mentioned.get(doc_id, ()))
        assert index.sentences(doc_id) == {i: span for (d, i), span in held.items()
                                           if d == doc_id}


_FORKED: DiskIndex | None = None


def _read_in_child(key: str) -> list[tuple[str, int]]:
    assert _FORKED is not None
    return [tuple(row) for row in _FORKED.rows("SELECT name, n FROM t WHERE name = ?", (key,))]


def test_a_forked_process_reads_what_was_committed_before_it_was_forked():
    """A worker opens its own connection (a SQLite connection must not cross a fork) and
    reads the rows the parent committed."""
    global _FORKED
    index = DiskIndex("CREATE TABLE t (name TEXT, n INTEGER);")
    index.add("INSERT INTO t VALUES (?, ?)", [("quill", 1), ("marsh", 2), ("quill", 3)])
    index.commit()
    _FORKED = index
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            assert pool.apply(_read_in_child, ("quill",)) == [("quill", 1), ("quill", 3)]
    finally:
        _FORKED = None
    assert index.rows("SELECT count(*) FROM t") == [(3,)]  # the parent's still works
