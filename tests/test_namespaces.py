"""kg.namespaces: a term asked for as an attribute is rdflib's IRI, kept after its first use
(issue 14: rdflib's ``__getattr__`` ran for every use of a term in a large build)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Namespace, URIRef

from kg.namespaces import TermNamespace

names = st.from_regex(r"[a-z][A-Za-z0-9]{0,12}", fullmatch=True)


@given(names)
def test_an_attribute_term_is_rdflibs_iri_and_the_same_object_the_next_time(name):
    vocabulary = TermNamespace("https://example.org/harbour#")
    if hasattr(str, name):  # a str method ('upper') is not a term in any namespace
        return
    first = getattr(vocabulary, name)
    assert type(first) is URIRef
    assert first == getattr(Namespace("https://example.org/harbour#"), name)
    assert getattr(vocabulary, name) is first and name in vocabulary.__dict__
    assert vocabulary[name] == first and vocabulary.term(name) == first


def test_special_names_are_not_terms_and_other_namespaces_keep_their_own():
    docks = TermNamespace("https://example.org/docks/")
    quays = TermNamespace("https://example.org/quays/")
    with pytest.raises(AttributeError):
        docks.__wharfage__  # noqa: B018
    assert docks.berth == URIRef("https://example.org/docks/berth")
    assert quays.berth == URIRef("https://example.org/quays/berth")
    assert "berth" not in Namespace.__dict__
