"""kg.model: records share their set of given fields (memory, issue 14) without any record
seeing another's: copies with updates, pickles and dumps stay those of the record alone."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

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
