"""Selectional preferences: which participants a verb can take, and which base form a verb
has.

A garbled parse gives a verb a doer it cannot have: 'the primary goal repatriates refugees',
'the magnitude attacked the Philippines'. A deed (WordNet's classes of the verb's most
frequent sense, ``data/preferences.json``) is not done by an abstraction (a noun whose most
frequent sense is an attribute, a thought, a quantity..., ``data/abstract_nouns.json``), and
such a fact is not stated. Nor is a person what a verb of making is done to ('the court
published Ms X', ``data/thing_verbs.json`` from WordNet's sentence frames). And a relation's
sense takes objects of some classes only: 'left a flag' departed from nothing, so the fact
keeps the verb's own name ('leave'; ``refused_objects`` of data/preferences.json, read
against the WordNet class of the object's head noun, ``data/noun_classes.json``).

The small spaCy model also lemmatises some inflected verbs to a base that is rare or no verb
('slated' -> 'slat'); ``verb_base`` undoes the regular English endings and keeps the base
WordNet's tagged corpus saw, when spaCy's choice was never seen there
(``data/verb_forms.json``, written by tools/wordnet_verb_forms.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.lexicon import (
    abstract_nouns,
    complement_senses,
    deed_classes,
    refused_objects,
    thing_verbs,
    verb_forms,
)
from kg.model import EntityType, Fact, Mention, RoleName
from kg.relations import head_noun, noun_class

INFLECTED_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ"})
# Rules whose object is what the verb is done to ('published the book', 'the book it
# published', 'the book was published by X'), not a prepositional complement.
PATIENT_RULES = frozenset({"dobj", "relcl-gap", "nsubjpass", "acl"})
# spaCy labels of a span that is an amount, not a name, and none (a description).
CLASSED_LABELS = frozenset({None, "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Pronouns that stand for a person whatever they refer to.
PERSON_PRONOUNS = frozenset({"him", "her", "he", "she", "himself", "herself"})


def abstract_noun(noun: str) -> bool:
    """Whether a noun's most frequent sense is an abstraction (an attribute, a thought, a
    quantity...; data/abstract_nouns.json), which can rise or fall but does no deed."""
    return noun.lower() in abstract_nouns()


def classed(mention: Mention) -> bool:
    """Whether a mention's head noun says what kind of thing it is, so that a verb's sense
    can refuse its class (relations.json's other_sense_classes): a description or an amount
    ('about $1.5 billion' is a sum), not a name ('Hope' is a person, not a feeling)."""
    return mention.ner_label in CLASSED_LABELS


def deed_verb(lemma: str) -> bool:
    """Whether a verb's most frequent sense is a deed (saying, a social act, a contest,
    making, striking...: ``deed_classes`` of data/preferences.json), which wants a doer that
    can act; moving, perceiving and owning are not, since an abstraction is rightly said to
    do them ('the rate reached 95%'). A phrasal verb ('call for') is read by its verb."""
    verb = lemma.split()[0] if lemma.split() else lemma
    found = verb_forms()[2].get(verb.replace("-", ""))
    return found is not None and found in deed_classes()


def doer_fits(fact: Fact) -> bool:
    """Whether the fact's doer can do what its verb says: not a description whose head noun
    is an abstraction, when the verb is a deed ('the primary goal repatriates refugees' is a
    misread parse). Names, pronouns and facts without a doer (agentless passives) fit."""
    doer = fact.subject.mention
    if fact.subject.name is not RoleName.AGENT or doer.ner_label is not None or \
            doer.is_pronoun:
        return True
    # The head noun is the last word before an 'of'-phrase ('the magnitude of the quake').
    words = (doer.lemma or doer.text).split(" of ")[0].split()
    return not (words and abstract_noun(words[-1]) and deed_verb(fact.lemma))


def person(mention: Mention) -> bool:
    """Whether a mention is a person: a person's name, a description whose head noun's most
    frequent WordNet sense is a person ('the senator', 'two victims'), or what a pronoun
    stands for (``object_class``)."""
    return object_class(mention) == "person"


def patient(fact: Fact) -> Mention | None:
    """What the fact's verb is done to: the object of a patient rule ('published the
    book'), or the subject of an agentless passive ('the book was published')."""
    if fact.subject.name is RoleName.THEME and fact.object is None:
        return fact.subject.mention
    if fact.object is not None and fact.evidence.rule.rsplit("/", 1)[-1] in PATIENT_RULES:
        return fact.object.mention
    return None


def patient_fits(fact: Fact) -> bool:
    """Whether what the verb is done to can be done to: not a person when the verb makes or
    consumes things and no sense of it takes a person (data/thing_verbs.json: 'the court
    published Ms X' is a judgement in her favour misread). A phrasal verb ('write off') is
    not judged by its verb alone."""
    done_to = patient(fact)
    return done_to is None or " " in fact.lemma or \
        not (fact.lemma in thing_verbs() and person(done_to))


def object_class(mention: Mention) -> str | None:
    """The WordNet class of what a mention is, as a sense may refuse it: 'person' for a
    person's name, the class of a description's head noun ('flag' an artifact one holds,
    'courthouse' a structure one is in; data/noun_classes.json), else None (a place's or a
    group's name). A pronoun is what it stands for; with none read, 'him' and 'her' are
    persons."""
    if mention.antecedent is not None:
        return object_class(mention.antecedent)
    if mention.is_pronoun:
        return "person" if mention.text.lower() in PERSON_PRONOUNS else None
    if mention.ner_label is not None:
        return "person" if mention.type is EntityType.PERSON else None
    return noun_class(head_noun(mention.lemma or mention.text))


def own_sense(fact: Fact) -> Fact:
    """The fact with the verb's own name when its object is of a class the relation's sense
    cannot take (``refused_objects`` of data/preferences.json): 'left a flag behind' and
    'left him with 20 delegates' departed nothing, so they are 'leave'; 'left the
    courthouse' departed."""
    refused = refused_objects().get(fact.predicate)
    if refused is None or fact.object is None or \
            object_class(fact.object.mention) not in refused:
        return fact
    return fact.model_copy(update={"predicate": fact.lemma.replace(" ", "_")})


def complement_sense(verb: Token, lemma: str) -> bool:
    """Whether an object complement gives the verb a sense other than its most frequent one
    (WordNet's frames: 'the storm left two people dead' departed nothing, though 'left the
    city' did; ``complement_senses`` of data/verb_phrases.json), so that the fact keeps the
    verb's own name."""
    return lemma in complement_senses() and any(c.dep_ == "oprd" for c in verb.children)


def tagged_count(verb: str) -> int | None:
    """How often WordNet's tagged corpus saw the verb's senses; None for no verb WordNet
    knows ('re-elect' is looked up as 'reelect')."""
    counts = verb_forms()[0]
    found = counts.get(verb)
    return found if found is not None else counts.get(verb.replace("-", ""))


def regular_bases(form: str) -> Iterator[str]:
    """The bases an inflected form may come from by the regular English endings: 'slated'
    -> 'slate', 'slat'; 'planned' -> 'plan'; 'carries' -> 'carry'; an irregular form's base
    from WordNet's exception list ('left' -> 'leave')."""
    irregular = verb_forms()[1].get(form)
    if irregular is not None:
        yield irregular
    for ending, replacements in (("ied", ("y",)), ("ies", ("y",)), ("ed", ("e", "")),
                                 ("ing", ("e", "")), ("es", ("e", "")), ("s", ("",))):
        if not form.endswith(ending) or len(form) <= len(ending) + 1:
            continue
        stem = form[:-len(ending)]
        yield from (stem + r for r in replacements)
        if len(stem) > 2 and stem[-1] == stem[-2]:
            yield stem[:-1]  # 'planned', 'stopping'


def verb_base(token: Token) -> str:
    """The token's verb lemma: spaCy's, unless that base was never seen as a verb in
    WordNet's tagged corpus while another base the inflection allows was ('slated' is
    'slate', not 'slat'; 're-elected' is 're-elect', not 're-electe'), or spaCy gave no verb
    at all and the form is one WordNet knows ('overshot', mistagged as a present, is
    'overshoot')."""
    lemma = token.lemma_.lower()
    seen_as_verb = tagged_count(lemma)
    if seen_as_verb or (seen_as_verb == 0 and token.tag_ not in INFLECTED_TAGS):
        return lemma
    bases = [(count, base) for base in regular_bases(token.lower_)
             if base != lemma and (count := tagged_count(base)) is not None]
    best = max(bases, default=(0, lemma))
    return best[1] if bases and (best[0] > 0 or seen_as_verb is None) else lemma
