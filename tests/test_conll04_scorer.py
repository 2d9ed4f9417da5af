"""benchmarks/conll04.py: how gold relations are read for head-word matching.

Sentences here are written for the test, in the split's token form.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import conll04


def _sentence(tokens: list[str], entities: list[tuple[str, int, int]],
              relations: list[tuple[str, int, int]]) -> conll04.Sentence:
    gold = conll04.GoldSentence(0, tuple(tokens),
                                tuple(conll04.GoldEntity(*e) for e in entities),
                                tuple(relations))
    return conll04.Sentence(gold, *conll04.detokenise(gold.tokens))


def test_a_final_period_split_off_a_name_is_not_its_head_word():
    sentence = _sentence(["DALTON", ",", "N.Y", "."], [("Loc", 0, 1), ("Loc", 2, 4)],
                         [("Located_In", 0, 1)])
    (relation,) = conll04.gold_relations(sentence)
    assert relation.tail.last_token == 2
    assert relation.tail.head == "n.y"


def test_a_one_token_name_keeps_its_token():
    sentence = _sentence(["Ada", "Kiel", "lives", "in", "Oslo", "."],
                         [("Peop", 0, 2), ("Loc", 4, 5)], [("Live_In", 0, 1)])
    (relation,) = conll04.gold_relations(sentence)
    assert (relation.head.last_token, relation.tail.last_token) == (1, 4)
