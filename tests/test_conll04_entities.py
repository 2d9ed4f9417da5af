"""benchmarks/conll04_entities.py: span match, type confusion and unmatched kg names.

Sentences here are written for the test, in the split's token form; kg's mentions are made by
hand, so no build runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import conll04
import conll04_entities as ce


def _sentence(tokens: list[str], entities: list[tuple[str, int, int]]) -> conll04.Sentence:
    gold = conll04.GoldSentence(0, tuple(tokens),
                                tuple(conll04.GoldEntity(*e) for e in entities), ())
    return conll04.Sentence(gold, *conll04.detokenise(gold.tokens))


def _mention(sentence: conll04.Sentence, text: str, kg_type: str,
             named: bool = True) -> ce.KgMention:
    start = sentence.text.index(text)
    end = start + len(text)
    return ce.KgMention(text, sentence.trimmed((start, end)), sentence.token_at(end - 1),
                        kg_type, named)


def test_exact_and_head_word_matches_and_the_confusion_matrix():
    sentence = _sentence(["Sen.", "Ada", "Pell", "met", "Orvik", "Mills", "in", "Tarrow", "."],
                         [("Peop", 0, 3), ("Org", 4, 6), ("Loc", 7, 9)])
    mentions = {0: [_mention(sentence, "Ada Pell", "Person"),  # head word only: no title
                    _mention(sentence, "Orvik Mills", "Person"),  # exact span, wrong type
                    _mention(sentence, "Tarrow", "Place")]}  # exact once the period is trimmed
    report = ce.score_entities([sentence], mentions)
    assert (report["gold_entities"], report["found_head_word"], report["found_exact"]) == \
        (3, 3, 2)
    assert report["matrix"]["Org"] == {"Peop": 1}
    assert report["confusions"] == {"Org as Peop": 1}
    assert report["type_accuracy"] == round(2 / 3, 4)


def test_a_missed_entity_and_a_named_mention_that_ends_no_gold_entity():
    sentence = _sentence(["Ada", "Pell", "thanked", "Brel", "Radio", "."], [("Peop", 0, 2)])
    mentions = {0: [_mention(sentence, "Brel Radio", "Organization"),
                    _mention(sentence, "thanked", "Thing", named=False)]}
    report = ce.score_entities([sentence], mentions)
    assert report["matrix"]["Peop"] == {ce.MISSED: 1}
    assert report["typed"] == 0
    assert report["unmatched_named"] == {"Organization": 1}


def test_other_kg_types_read_as_other():
    assert ce.as_gold_type("Event") == "Other"
    assert ce.as_gold_type("Place") == "Loc"
