"""Parsing documents together: the same parses as one document at a time, in bounded groups."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.ingest import make_document
from kg.nlp import choose_model, load_pipeline, parse_document, parse_groups, parse_together

# Invented: a headline line (a pre-set sentence start), a hyphenated word, a long document cut
# into several chunks, and a one-liner.
TEXTS = [
    "Orchard Growers Report Early Frost\n\nApple growers in the Tessel valley lost a third of "
    "their blossom, the co-operative said on Monday.",
    "The regional rail operator ordered twelve low-floor trains from a Danish maker. " * 400,
    "Mayor Ilse Brandvold opened the bridge.",
]


def test_documents_parsed_together_get_the_parses_each_gets_alone():
    nlp = load_pipeline(choose_model())
    documents = [make_document(text, source=f"n{i}.txt") for i, text in enumerate(TEXTS)]

    together = parse_together(nlp, documents)

    assert len(together[1].text) == len(documents[1].body) > 20_000  # several chunks joined
    assert [doc.to_bytes() for doc in together] == \
        [parse_document(nlp, document).to_bytes() for document in documents]


@given(st.lists(st.integers(min_value=1, max_value=150), max_size=30),  # too short to detect
       st.integers(min_value=1, max_value=400))
def test_groups_keep_the_order_and_stay_under_their_size(lengths, chars):
    documents = [make_document("x" * n, source=f"{i}.txt") for i, n in enumerate(lengths)]

    groups = parse_groups(documents, chars)

    assert [d for group in groups for d in group] == documents
    for group in groups:
        assert len(group) == 1 or sum(len(d.body) for d in group) <= chars
