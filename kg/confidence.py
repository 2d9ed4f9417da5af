"""What ``kg:confidence`` means: the chance, learnt from hand-judged facts, that a fact is right.

Each fact is described by a few signs the rules know to matter (is it a position held, a
place, an event with one participant; are its subject and object names; was the subject
inherited from another verb or read through a relative clause; is the subject's name in the
sentence or did a pronoun stand for it; is the verb in the vocabulary; is the sentence a
run-on, how long is it, does it hold a quotation; is it reported or negated, or not yet done;
is a participant one bare common noun, is the object a description; did the object come from
a preposition rather than the verb's own object; was the fact read from a verb's arguments or
from a fixed pattern of names; is a position held given with no holder). A logistic
model over those signs was fitted on facts that people judged blind on real news
(``benchmarks/calibrate.py`` writes the weights to ``data/confidence.json``), so a confidence
of 0.8 means about 8 in 10 such facts were right; scored by fits that never saw their
article, the facts at >= 0.8 were right 0.87 of the time. The weights are data: refit them
when the extractor changes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache
from importlib import resources

from kg.lexicon import determiners

# Facts whose fitted chance of being right is below this are not stated at all: on the judged
# samples, each scored by a fit that never saw its article, fewer than 1 in 10 of them were
# right (13 of 167, benchmarks/calibrate.py --cross-validate), and a graph people trust must
# not carry them.
FLOOR = 0.15
PLACE_PREDICATES = frozenset({"locatedIn", "basedIn", "bornIn", "livedIn", "cameFrom"})
RUN_ON_WORDS = 40
# Sentence length enters also as words / LENGTH_SCALE, capped at LENGTH_CAP: the longer the
# sentence, the more ways a parse can go astray, and past 80 words it no longer adds.
LENGTH_SCALE = 40
LENGTH_CAP = 2.0
QUOTE_MARKS = ('"', "\u201c", "\u201d")
# Rules that read a fact from a verb's or an event noun's arguments, against the fixed
# patterns of names (a title before a name, 'City, Country', 'X of Y'): the judges found the
# verb-read facts right less often even when both participants are names.
VERB_READ_RULES = ("nsubj", "agent", "relcl", "acl", "inherited", "noun-", "light-")
# A subject borrowed from another clause: an adverbial ('..., saying it would end X'), a
# relative, a prepositional or a possessive clause. Judged far more often wrong than a
# subject shared by coordinated or controlled verbs ('X met Y and signed Z', 'X agreed to Y').
# Not (yet) done: a plan, a possibility, what someone says ought to happen. Judged right about
# half as often as other facts (an intention read as an act, 'could' read as 'will').
UNREALISED = frozenset({"expected", "possible", "normative"})
CLAUSE_INHERITED = ("inherited-advcl", "inherited-relcl", "inherited-pcomp", "inherited-object",
                    "inherited-poss", "inherited-accused-pcomp")


# What each sign says and how an extractor sets it (written into data/confidence.json beside
# its weight). A fact of a new kind, that no judge has seen, is scored by these: a rule that
# lets a description act ('the plane crashed') gives a subject without a name; a verb outside
# the vocabulary is no known predicate; an object taken from a preposition is named in the
# rule's second half 'prep-<word>'.
MEANINGS = {
    "subject_in_sentence": "the subject's last word is in the sentence (else a pronoun or "
                           "another clause stood for it)",
    "role": "a position held (affiliatedWith)",
    "place": "where something is, was born, lived or came from",
    "one_participant": "no object",
    "subject_named": "the subject as shown starts with a capital: a name, not a description",
    "object_named": "the object as shown starts with a capital",
    "inherited": "the subject was borrowed from another verb or a group (rule 'inherited-', "
                 "'group')",
    "inherited_across_clause": "borrowed across an adverbial, relative, prepositional or "
                               "possessive clause",
    "relative_clause": "read through a relative clause or participle (rule 'relcl', 'acl')",
    "noun_or_light_verb": "an event said with a noun or a light verb (rule 'light-', 'noun-', "
                          "'agent-noun')",
    "known_predicate": "the verb is in the relation vocabulary, not an untyped lemma",
    "run_on_sentence": f"the sentence has more than {RUN_ON_WORDS} words",
    "reported_or_negated": "factuality reported, negated or denied",
    "unrealised": "factuality expected, possible or normative",
    "subject_bare_noun": "the subject is one common noun ('the company', 'plane')",
    "object_bare_noun": "the object is one common noun",
    "object_from_preposition": "the object came from a preposition (rule '.../prep-<word>')",
    "position_without_holder": "a position held with no organisation or place named "
                               "('X, an observer')",
    "quotation_in_sentence": "the sentence holds a quotation mark (quoted speech, which the "
                             "parser often splits wrongly)",
    "read_from_verb": "read from a verb's or event noun's arguments (rule 'nsubj', 'agent', "
                      "'relcl', 'acl', 'inherited-', 'noun-', 'light-'), not a fixed name pattern",
    "object_description": "the object is several words starting lower case ('memoranda of "
                          "understanding'), a description rather than a name",
    "sentence_length": f"words in the sentence / {LENGTH_SCALE}, at most {LENGTH_CAP}",
}


def signs(*, rule: str, predicate: str, subject: str, obj: str, known_predicate: bool,
          sentence: str, factuality: str) -> dict[str, float]:
    """The signs of one fact, from what both the extractor and a judged sample record.
    ``subject`` and ``obj`` are the names as read, a pronoun's being its antecedent's ('' when
    the fact has no object); a subject whose name is not in the sentence came from a pronoun
    or another clause."""
    named = _looks_named
    last_word = subject.split()[-1].lower() if subject.split() else ""
    return {
        "subject_in_sentence": float(bool(last_word) and last_word in sentence.lower()),
        "role": float(predicate == "affiliatedWith"),
        "place": float(predicate in PLACE_PREDICATES),
        "one_participant": float(not obj),
        "subject_named": float(named(subject)),
        "object_named": float(bool(obj) and named(obj)),
        "inherited": float("inherited" in rule or "group" in rule),
        "inherited_across_clause": float(rule.startswith(CLAUSE_INHERITED)),
        "relative_clause": float("relcl" in rule or "acl" in rule),
        "noun_or_light_verb": float(rule.startswith(("light-", "noun-", "agent-noun"))),
        "known_predicate": float(known_predicate),
        "run_on_sentence": float(len(sentence.split()) > RUN_ON_WORDS),
        # Disjoint, so neither weight has to undo the other: a claim passed on or denied
        # ('reported', 'negated', 'denied') against one not yet done.
        "reported_or_negated": float(factuality not in UNREALISED | {"asserted"}),
        "unrealised": float(factuality in UNREALISED),
        "subject_bare_noun": float(_bare_noun(subject)),
        "object_bare_noun": float(_bare_noun(obj)),
        # 'talked about the budget', 'came in second': a preposition's noun read as the
        # object (rule 'nsubj/prep-about'); judged right less often than a direct object.
        "object_from_preposition": float(rule.rpartition("/")[2].startswith("prep-")),
        **_sentence_and_kind_signs(rule=rule, predicate=predicate, obj=obj, sentence=sentence),
    }


def _sentence_and_kind_signs(*, rule: str, predicate: str, obj: str,
                             sentence: str) -> dict[str, float]:
    """Signs added when the fit moved to folds by article (benchmarks/calibrate.py): each
    raised the held-out ROC AUC or lowered the held-out log loss on the judged sheets."""
    object_words = obj.split()
    return {
        # 'Luigi Di Maio, an observer': judged vague far more often than a title with its
        # holder, and the rule name alone does not say whether a holder was found later.
        "position_without_holder": float(predicate == "affiliatedWith" and not obj),
        "quotation_in_sentence": float(any(mark in sentence for mark in QUOTE_MARKS)),
        "read_from_verb": float(rule.startswith(VERB_READ_RULES)),
        "object_description": float(len(object_words) > 1 and not _looks_named(obj)),
        "sentence_length": min(len(sentence.split()) / LENGTH_SCALE, LENGTH_CAP),
    }


def _bare_noun(text: str) -> bool:
    """A participant that is one common noun ('the company', 'payments', 'role'): judged
    right about half as often as a name or a fuller description, often too vague to use."""
    words = text.split()
    while words and words[0].lower() in determiners():
        words = words[1:]
    return len(words) == 1 and words[0][:1].islower()


def _looks_named(text: str) -> bool:
    return bool(text) and text[0].isupper()


@cache
def weights() -> Mapping[str, float]:
    text = resources.files("kg").joinpath("data/confidence.json").read_text("utf-8")
    return json.loads(text)["weights"]


def calibrated(fact_signs: Mapping[str, float]) -> float:
    """The fitted probability that a fact with these signs is right, rounded to 2 places."""
    w = weights()
    score = w.get("bias", 0.0) + sum(w.get(name, 0.0) * value
                                     for name, value in fact_signs.items())
    return round(min(0.99, max(0.01, 1.0 / (1.0 + math.exp(-score)))), 2)
