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


def _state_pickle(record: Mention) -> bytes:
    """``record`` pickled as pydantic pickles a model: its state of four dicts."""
    return pickle.dumps((type(record), record.__getstate__()))


@given(texts, st.one_of(st.none(), texts))
def test_a_record_pickles_as_its_values_smaller_than_pydantics_state(text, title):
    record = _mention(text, title=title, antecedent=_mention(text + "s"))
    blob = pickle.dumps(record)
    assert len(blob) < len(_state_pickle(record))
    back = pickle.loads(blob)
    assert back == record and back.antecedent == record.antecedent
    assert back.antecedent.__pydantic_fields_set__ is record.antecedent.__pydantic_fields_set__
    assert back.__pydantic_extra__ is None and back.__pydantic_private__ is None
    assert _shares_keys(back) and _shares_keys(back.antecedent)


def test_a_record_missing_fields_is_pickled_with_its_state_and_comes_back_as_it_was():
    # model_construct skips validation: a field with no default can be left out of __dict__
    partial = Mention.model_construct(doc_id="d", text="Quillby Harbour")
    back = pickle.loads(pickle.dumps(partial))
    assert back.__dict__ == partial.__dict__ and list(back.__dict__) == list(partial.__dict__)
    assert back.__pydantic_fields_set__ == partial.__pydantic_fields_set__ == {"doc_id", "text"}
