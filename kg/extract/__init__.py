"""Extraction: one parsed spaCy ``Doc`` in, sentences, mentions and facts with roles out.

The package is laid out by capability: ``mentions`` (sentences and names), ``reference``
(what a word refers to), ``verbal`` (facts said with verbs, built from ``frames``: who acts is
read by ``subjects``, objects and roles by ``verb_roles``), ``nominal`` (facts said with event
nouns: 'Sorokin's visit to Pyongyang'), ``titles`` (positions held: 'Kremlin spokesman Dmitry
Marchenko'), ``places`` (where places, organisations and people are), ``datelines`` (the place
a story was filed from, read before parsing) and ``facts`` (the evidence every fact carries).
Words and patterns are data in ``kg/data``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract.datelines import read_dateline_facts
from kg.extract.employment import employment_facts
from kg.extract.facts import dedupe, states_something
from kg.extract.mentions import named_mentions, read_sentences
from kg.extract.metonymy import metonymic_reading
from kg.extract.nominal import nominal_facts
from kg.extract.places import place_facts, widened_to_containers
from kg.extract.preferences import doer_fits, own_sense, patient_fits
from kg.extract.reference import says_who
from kg.extract.state import DocState, nonblank_sents
from kg.extract.subjects import misread_subject
from kg.extract.tenure import ended_by_leaving
from kg.extract.titles import title_facts
from kg.extract.verbal import facts_for_verb, speaks_of_thing, verb_idiom
from kg.extract.verbless import mend_verbless_sentences
from kg.model import Document, ExtractionResult, Fact
from kg.patterns import Slot, find_slots
from kg.relations import RelationVocabulary, load_vocabulary

__all__ = ["extract_document"]

# A verb is a word of two letters or more ('re-elect'); a tagger's 'VERB' on a fragment such as
# the 't' of a bracketed '[I]t's' or a stray symbol names no act.
_VERB_WORD = re.compile(r"^[A-Za-z][A-Za-z-]*[A-Za-z]$")


def _trusted_slots(doc: Doc) -> dict[int, tuple[Slot, ...]]:
    """The verbs' pattern slots, less the subjects the parser gave a verb by misreading the
    sentence's shape (``misread_subject``): no fact should take them as doer or patient."""
    return {verb: kept for verb, slots in find_slots(doc).items()
            if (kept := tuple(s for s in slots if not misread_subject(doc[s.argument])))}


def extract_document(document: Document, doc: Doc,
                     vocabulary: RelationVocabulary | None = None) -> ExtractionResult:
    """Sentences, named mentions and facts of one document; pure given the parse."""
    vocab = vocabulary or load_vocabulary()
    mend_verbless_sentences(doc)  # 'The Velmar Party awards seats.': a verb tagged a noun
    state = DocState(document=document, doc=doc, slots=_trusted_slots(doc))
    sentences = tuple(read_sentences(state))
    mentions = tuple(named_mentions(state))
    facts: list[Fact] = []
    for sent, sentence in zip(nonblank_sents(doc), sentences, strict=True):
        for token in sent:
            if token.pos_ == "VERB" and _VERB_WORD.match(token.lemma_) and (
                    token.lemma_.lower() not in vocab.skip_verbs or
                                         verb_idiom(token, token.lemma_.lower(), vocab) or
                                         speaks_of_thing(token, vocab)):
                # A doer or a patient the verb cannot take is a misread parse; an object
                # the relation's sense cannot take gives the verb another sense
                # (kg.extract.preferences).
                # A capital or a deed that stands for the state that acted (or was acted
                # on) gives way to it (kg.extract.metonymy).
                facts.extend(metonymic_reading(state, own_sense(f))
                             for f in facts_for_verb(state, sentence, token, vocab)
                             if doer_fits(f) and patient_fits(f))
        facts.extend(metonymic_reading(state, own_sense(f))
                     for f in nominal_facts(state, sentence, sent, vocab))
        facts.extend(title_facts(state, sentence, sent))
        facts.extend(employment_facts(state, sentence, sent))
        facts.extend(place_facts(state, sentence, sent))
    dateline = read_dateline_facts(document, len(sentences))
    if dateline is not None:
        sentences += (dateline.sentence,)
        mentions += dateline.mentions
        facts.extend(dateline.facts)
    facts.extend(list(widened_to_containers(facts)))
    facts = ended_by_leaving(state, facts)
    return ExtractionResult(document=document, sentences=sentences, mentions=mentions,
                            facts=tuple(dedupe(f for f in facts
                                               if says_who(state, f.subject.mention)
                                               and states_something(f))))
