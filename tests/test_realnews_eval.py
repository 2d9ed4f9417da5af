"""The real-news scorer's second names rule: syntactic heads of noun phrases."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from eval_extract import names_match
from realnews_eval import Emitted, GoldFact, arguments_fit, heads_match, phrase_head


def test_the_head_is_the_word_before_the_first_post_modifier():
    assert phrase_head(["correlation", "between", "rent", "and", "price"]) == "correlation"
    assert phrase_head(["picture", "of", "herself", "with", "friend"]) == "picture"
    assert phrase_head(["measles", "outbreak"]) == "outbreak"
    assert phrase_head([]) is None


def test_a_leading_preposition_is_not_a_post_modifier():
    assert phrase_head(["of", "course"]) == "course"


def test_heads_match_where_the_last_word_rule_does_not():
    gold = "correlation between the rents and the prices"
    assert not names_match(gold, ("correlation",))
    assert heads_match(gold, ("correlation",))
    assert heads_match("pictures of her garden", ("picture of the lake",))


def test_heads_match_keeps_different_heads_apart():
    assert not heads_match("correlation between rents and prices", ("rent",))
    assert not heads_match("museum of modern art", ("art gallery",))
    assert not heads_match("", ("museum",))


def _fact(subject: str, obj: str) -> Emitted:
    return Emitted(article="a.txt", subject=(subject,), predicate="disagree_with",
                   lemma="disagree with", object=(obj,), role_name="", roles=(),
                   confidence=0.5, factuality="asserted", rule="test", sentence="",
                   position=0)


def test_arguments_fit_takes_the_rule_it_is_given():
    gold = GoldFact("a.txt", "Nora Vail", "disagree with", "link between rents and prices",
                    "event", False, "")
    fact = _fact("Nora Vail", "link")
    assert not arguments_fit(gold, fact)
    assert arguments_fit(gold, fact, heads_match)


def _idiom(subject: str, lemma: str, obj: str) -> Emitted:
    return Emitted(article="a.txt", subject=(subject,), predicate="relatedTo", lemma=lemma,
                   object=(obj,), role_name="", roles=(), confidence=0.5,
                   factuality="asserted", rule="test", sentence="", position=0)


def test_an_idiom_lemma_holds_the_gold_object():
    gold = GoldFact("a.txt", "delivery van", "catch", "fire", "event", False, "")
    assert arguments_fit(gold, _idiom("van", "catch fire", ""))
    claim = GoldFact("a.txt", "Harbour Front", "claim", "responsibility", "event", False, "")
    assert arguments_fit(claim, _idiom("Harbour Front", "claim responsibility", "the blasts"))


def test_an_idiom_lemma_still_needs_the_subject_and_the_same_noun():
    gold = GoldFact("a.txt", "delivery van", "catch", "fire", "event", False, "")
    assert not arguments_fit(gold, _idiom("bus", "catch fire", ""))
    assert not arguments_fit(gold, _idiom("van", "catch breath", ""))
    assert not arguments_fit(gold, _idiom("van", "catch", "fire brigade"))


def test_a_doer_only_gold_event_is_found_with_a_prepositional_participant():
    gold = GoldFact("a.txt", "ferry crew", "return", "", "event", False, "")
    assert arguments_fit(gold, _idiom("crew", "return from", "Malta"))
    assert not arguments_fit(gold, _idiom("crew", "return", "the ferry"))
    assert not arguments_fit(gold, _idiom("pilot", "return from", "Malta"))
