"""Golden test on the seeds: a small, reviewed list of facts and entities that must be found.

The list is in tests/golden/seed_facts.json; it names only facts the articles state plainly,
so a change that loses one is a regression, and one that adds facts does not break it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import object_id

GOLDEN = json.loads((Path(__file__).parent / "golden" / "seed_facts.json").read_text("utf-8"))


def _matches(fact, expected) -> bool:
    return (fact.subject.entity_id, fact.predicate, object_id(fact)) == (
        expected["subject"], expected["predicate"], expected["object"])


@pytest.mark.parametrize("expected", GOLDEN["facts"],
                         ids=lambda e: f"{e['subject']}-{e['predicate']}-{e['object']}")
def test_golden_fact_is_found(seed_build, expected):
    readings = [f for f in seed_build.corpus.facts if _matches(f, expected)]
    assert readings, "fact not extracted"
    documents = {f.evidence.doc_id for f in readings}
    assert len(documents) >= expected["min_support"]
    for role, values in expected["roles"].items():
        found = {r.entity_id or r.normalized for f in readings for r in f.roles
                 if r.name.value == role}
        assert set(values) <= found, f"{role}: wanted {values}, found {sorted(found - {None})}"
    for fact in readings:
        evidence = fact.evidence
        document = next(d for d in seed_build.corpus.documents if d.doc_id == evidence.doc_id)
        assert document.text[evidence.sentence_start:evidence.sentence_end] == \
            evidence.sentence_text


@pytest.mark.parametrize(("entity_id", "expected"), sorted(GOLDEN["entities"].items()))
def test_golden_entity(seed_build, entity_id, expected):
    entities = {e.entity_id: e for e in seed_build.corpus.entities}
    assert entity_id in entities
    entity = entities[entity_id]
    assert set(expected["aliases"]) <= set(entity.aliases)
    assert set(expected.get("titles", [])) <= set(entity.titles)


def test_kim_jong_il_is_not_an_alias_of_kim_jong_un(seed_build):
    entities = {e.entity_id: e for e in seed_build.corpus.entities}
    assert "Kim Jong-il" not in entities["person/kim-jong-un"].aliases
