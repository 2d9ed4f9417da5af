"""kg.model: records share their set of given fields and their dicts' keys (memory, issue 14)
without any record seeing another's: copies with updates, pickles and dumps stay those of the
record alone."""

from __future__ import annotations

import pickle
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from kg.model import EntityType, Mention

texts = st.text(min_size=1, max_size=12)


def _mention(text: str, **more: object) -> Mention:
    return Mention(doc_id="d", sentence_index=0, start=0, end=len(text), text=text,
                   type=EntityType.PERSON, **more)


@given(texts, texts, st.one_of(st.none(), texts))
def test_records_share_given_fields_and_copies_never_change_them(a, b, title):
    first, second = _mention(a), _mention(b)
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    before = set(first.__pydantic_fields_set__)
    copied = first.model_copy(update={"title": title})
    assert copied.title == title and "title" in copied.__pydantic_fields_set__
    assert first.__pydantic_fields_set__ == before == second.__pydantic_fields_set__
    assert "title" not in first.model_dump(exclude_unset=True)
    assert copied.model_dump(exclude_unset=True)["title"] == title


@given(texts, st.one_of(st.none(), texts))
def test_an_unpickled_record_equals_the_record_and_shares_its_fields(text, title):
    record = _mention(text, title=title)
    back = pickle.loads(pickle.dumps(record))
    assert back == record and hash(back) == hash(record)
    assert back.__pydantic_fields_set__ is record.__pydantic_fields_set__
    assert back.model_dump_json(exclude_unset=True) == record.model_dump_json(exclude_unset=True)


def _shares_keys(record: Mention) -> bool:
    """A key-sharing dict holds only its values: smaller than a dict of the same items."""
    return sys.getsizeof(record.__dict__) < sys.getsizeof(dict(record.__dict__))


@given(texts, st.one_of(st.none(), texts), st.one_of(st.none(), texts))
def test_records_keep_their_values_in_key_sharing_dicts_however_made(text, title, lemma):
    record = _mention(text, title=title)
    made = [record, pickle.loads(pickle.dumps(record)), record.model_copy(update={"lemma": lemma}),
            Mention.model_validate_json(record.model_dump_json()),
            _mention(text, title=title, antecedent=record)]
    assert all(_shares_keys(m) for m in made)
    assert all(list(m.__dict__) == list(Mention.model_fields) for m in made)
    assert made[1] == made[3] == record and hash(made[1]) == hash(record)
    assert made[2].lemma == lemma and made[2].text == text and record.lemma is None
    assert made[4].antecedent == record and made[4].model_dump()["antecedent"] == \
        record.model_dump()


def test_a_record_cannot_be_changed_after_its_dict_is_shared():
    record = _mention("Putin")
    with pytest.raises(ValidationError):
        record.text = "Kim"  # type: ignore[misc]
    assert record.text == "Putin"
