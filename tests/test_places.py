"""Where things are (kg/extract/places.py)."""

from __future__ import annotations

import pytest
from helpers import corpus_of, labelled_triples

from kg.model import ResolvedCorpus

WHERE = {"locatedIn", "basedIn", "bornIn", "livedIn", "cameFrom"}


def located(corpus: ResolvedCorpus) -> set[tuple[str, str, str]]:
    return {t for t in labelled_triples(corpus) if t[1] in WHERE}


@pytest.mark.parametrize(("text", "expected"), [
    ("The festival opened in Lyon, France, on Friday.", ("Lyon", "locatedIn", "France")),
    ("A storm hit Tupelo, Miss., overnight.", ("Tupelo", "locatedIn", "Mississippi")),
    ("Denver-based Alpine Robotics hired forty engineers.",
     ("Alpine Robotics", "basedIn", "Denver")),
    ("Vienna's Hofburg Orchestra cancelled the tour.",
     ("Hofburg Orchestra", "basedIn", "Vienna")),
    ("Daniel Weber was born in Valencia and studied law.",
     ("Daniel Weber", "bornIn", "Valencia")),
    ("Owen Pryce, a native of Cardiff, won the race.", ("Owen Pryce", "cameFrom", "Cardiff")),
])
def test_where_things_are(text, expected):
    assert expected in located(corpus_of(text))


def test_a_comma_between_two_towns_is_not_nesting():
    corpus = corpus_of("Trains ran between Lyon, Dijon and Lille.")
    assert not [f for f in located(corpus) if f[1] == "locatedIn"]
