"""The entity table's rows on disk read back as the dicts and lists they stand for."""

from __future__ import annotations

import gc
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import make_document
from kg.model import EntityType, ExtractionResult, Mention, MergeReason
from kg.resolve import Resolution, _EntityTable
from kg.tabledisk import RowsByEntity, SpanMap

_DOCS = st.sampled_from(["d1", "d2", "d3"])
_SPAN = st.tuples(_DOCS, st.integers(0, 6), st.integers(0, 6))
_STEP = st.one_of(
    st.tuples(st.just("set"), _SPAN, st.sampled_from(["person/a", "place/b", "thing/c"])),
    st.tuples(st.just("read"), _DOCS, st.none()),
    st.tuples(st.just("get"), _SPAN, st.none()))


@settings(deadline=None, max_examples=80)
@given(st.lists(_STEP, max_size=60), st.integers(1, 5))
def test_a_span_map_answers_what_a_dict_answers(steps, held):
    """Whatever the order of assignments, documents read and lookups, and however few
    entries are held before they go to disk, the map answers as a dict (the later
    assignment of a span wins)."""
    spans, plain = SpanMap(held=held), {}
    for what, value, entity in steps:
        if what == "set":
            spans[value] = entity
            plain[value] = entity
        elif what == "read":
            spans.reading(value)
        else:
            assert spans.get(value) == plain.get(value)
    for span in {s for _, s, _ in steps if isinstance(s, tuple)}:
        assert spans.get(span) == plain.get(span)


_ROW = st.tuples(st.sampled_from(["e/b", "e/a", "e/ä", "e/10", "e/9"]),
                 st.sampled_from(["d2", "d1", "2024", "10"]), st.integers(-3, 40),
                 st.sampled_from(["Ona", "Ola", "2024"]))


@settings(deadline=None, max_examples=80)
@given(st.lists(_ROW, max_size=50), st.integers(1, 7), st.booleans())
def test_rows_by_entity_read_back_as_sorted_lists(rows, held, distinct):
    """Rows read back grouped by entity in ``sorted`` order, each entity's by its order
    columns, then as added (a stable sort); ``distinct`` keeps the first of equal rows, as a
    set would. Strings that read as numbers stay strings ('2024', not 2024)."""
    table = RowsByEntity(("doc", "at_start", "word"), distinct=distinct, held=held)
    expected: dict[str, list[tuple[object, ...]]] = defaultdict(list)
    for entity, doc, start, word in rows:
        row = (word, doc, start, EntityType.PERSON, {"text"}) if not distinct else \
            (word, doc, start, MergeReason.SAME_NAME)
        table.add(entity, (doc, start, word), row)
        if not distinct or row not in expected[entity]:
            expected[entity].append(row)
    wanted = [(entity, sorted(found, key=lambda r: (r[1], r[2], r[0])))
              for entity, found in sorted(expected.items())]
    assert list(table.groups()) == wanted


def _mention(doc_id: str, start: int, text: str) -> Mention:
    return Mention(doc_id=doc_id, sentence_index=0, start=start, end=start + len(text),
                   text=text, type=EntityType.PERSON, ner_label="PERSON")


def test_the_table_gives_each_entity_its_mentions_in_offset_order_across_documents():
    """A mention assigned after the table has moved on to another document (its rows on
    disk) is still the entity's, in (document, offset) order."""
    table = _EntityTable()
    table.assign(_mention("d2", 9, "Brenna Coyle"), "person/brenna-coyle", "Brenna Coyle",
                 EntityType.PERSON, MergeReason.SAME_NAME)
    table.reading(make_document("Brenna Coyle spoke. " * 3, source="d1.txt", doc_id="d1"))
    table.assign(_mention("d1", 40, "Coyle"), "person/brenna-coyle", "Brenna Coyle",
                 EntityType.PERSON, MergeReason.SHORT_FORM)
    table.assign(_mention("d1", 3, "Brenna Coyle"), "person/brenna-coyle", "Brenna Coyle",
                 EntityType.PERSON, MergeReason.SAME_NAME)
    assert table.entity_id(_mention("d2", 9, "Brenna Coyle")) == "person/brenna-coyle"
    (entity,) = table.entities()
    assert [(m.doc_id, m.start) for m in entity.mentions] == [("d1", 3), ("d1", 40), ("d2", 9)]
    assert [m.reason for m in entity.merges] == [
        MergeReason.SAME_NAME, MergeReason.SHORT_FORM, MergeReason.SAME_NAME]


class _Broken(Exception):
    pass


def _records() -> list[ExtractionResult]:
    results = []
    for number, text in enumerate(("Marla Venn met Oskar Tidd in Pellow.",
                                   "Oskar Tidd thanked Marla Venn.")):
        document = make_document(text, source=f"t{number}.txt", doc_id=f"d{number}")
        mentions = tuple(_mention(document.doc_id, text.find(name), name)
                         for name in ("Marla Venn", "Oskar Tidd"))
        results.append(ExtractionResult(document=document, sentences=(), mentions=mentions,
                                        facts=()))
    return results


def test_a_resolution_that_fails_midway_leaves_no_stray_files(monkeypatch, tmp_path: Path):
    """The table's files live in a private temporary folder, removed when the table goes,
    also when resolution fails in the middle of its second pass."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    records = _records()

    def failing():
        yield records[0]
        raise _Broken("the records spool could not be read")

    resolution = Resolution.of_names(records)
    with pytest.raises(_Broken):
        for result in failing():
            resolution.add_document(result)
    assert any(tmp_path.iterdir())  # the table's files were on disk
    del resolution
    gc.collect()
    assert list(tmp_path.iterdir()) == []
