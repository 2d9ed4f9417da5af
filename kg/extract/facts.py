"""Facts and their evidence, built the same way whatever stated them (a verb, an event noun,
a title, a place name), so every capability cites its rule and quote alike."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.tokens import Span

from kg.confidence import calibrated, signs
from kg.extract.identifying import identified, identified_doer
from kg.extract.state import DocState
from kg.lexicon import argument_words, data_file
from kg.model import Evidence, Fact, Factuality, Mention, Role, RoleName, Sentence
from kg.relations import load_vocabulary


def same_span(a: Mention, b: Mention) -> bool:
    return (a.start, a.end) == (b.start, b.end)


def make_fact(state: DocState, sentence: Sentence, trigger: Span, *, predicate: str, lemma: str,
              subject: Mention, obj: Mention | None, rule: str, roles: Iterable[Role],
              factuality: Factuality = Factuality.ASSERTED,
              speaker: Mention | None = None, role_name: str | None = None,
              subject_role: RoleName = RoleName.AGENT) -> Fact:
    """One fact with its evidence. ``trigger`` is the word(s) that state it (a verb, an event
    noun, a title); roles naming the subject or the object again are dropped. With no object
    the fact is an occurrence; ``subject_role`` says whether its one participant did it
    (agent) or had it done to them (theme, an agentless passive). Its confidence is the
    calibrated chance that such a fact is right (``kg.confidence``). An unnamed subject or
    object keeps the words before its head that say which one it is
    (``kg.extract.identifying``); a subject only when it says who without them
    (``kg.extract.reference.says_who``), so they never let in a fact says_who would drop
    (a name among them may still let kg.resolve keep a fact between two descriptions)."""
    subject = identified_doer(state, subject)
    obj = None if obj is None else identified(state, obj)
    return fact_at(state.document.doc_id, sentence,
                   (trigger.start_char, trigger.end_char, trigger.text), predicate=predicate,
                   lemma=lemma, subject=subject, obj=obj, rule=rule, roles=roles,
                   factuality=factuality, speaker=speaker,
                   role_name=role_name, subject_role=subject_role)


def fact_at(doc_id: str, sentence: Sentence, trigger: tuple[int, int, str], *, predicate: str,
            lemma: str, subject: Mention, obj: Mention | None, rule: str, roles: Iterable[Role],
            factuality: Factuality = Factuality.ASSERTED,
            speaker: Mention | None = None, role_name: str | None = None,
            subject_role: RoleName = RoleName.AGENT) -> Fact:
    """``make_fact`` for a trigger given as (start, end, text) in the document: what was read
    outside the parse (a dateline) has no spaCy tokens."""
    trigger_start, trigger_end, trigger_text = trigger
    arguments = (subject,) if obj is None else (subject, obj)
    kept = tuple(r for r in roles if not any(same_span(r.mention, a) for a in arguments))
    # The words of the fact itself, a readable quote when the sentence is a run-on paragraph.
    parts = [(m.start, m.end) for m in (*arguments, *(r.mention for r in kept))
             if m.sentence_index == sentence.index]
    parts.append((trigger_start, trigger_end))
    clause = (min(s for s, _ in parts), max(e for _, e in parts))
    clause_start, clause_end = clause if clause != (sentence.start, sentence.end) else (None, None)
    evidence = Evidence(
        doc_id=doc_id, sentence_index=sentence.index,
        sentence_start=sentence.start, sentence_end=sentence.end, sentence_text=sentence.text,
        trigger_start=trigger_start, trigger_end=trigger_end, trigger=trigger_text,
        clause_start=clause_start, clause_end=clause_end,
        rule=rule, confidence=confidence_of(predicate, lemma, subject, obj, rule, sentence.text,
                                            factuality, trigger_start, kept),
        factuality=factuality, attributed_to=speaker,
    )
    return Fact(predicate=predicate, lemma=lemma, role_name=role_name,
                subject=Role(name=subject_role, mention=subject),
                object=None if obj is None else Role(name=RoleName.THEME, mention=obj),
                roles=kept, evidence=evidence)


def confidence_of(predicate: str, lemma: str, subject: Mention, obj: Mention | None, rule: str,
                  sentence: str, factuality: Factuality, position: int,
                  roles: Iterable[Role]) -> float:
    """``kg:confidence`` of a fact from its parts; also for a fact completed after resolution
    (kg.holders), so it is judged by the same signs as one read whole. ``position`` is where
    its trigger starts in the document; ``roles`` its time, place and other roles."""
    vocab = load_vocabulary()
    return calibrated(signs(
        rule=rule, predicate=predicate, subject=_name(subject),
        obj=_name(obj) if obj is not None else "",
        known_predicate=vocab.spec(lemma) is not None or predicate in vocab.structural_predicates,
        sentence=sentence, factuality=factuality.value, position=position,
        dated=any(r.name is RoleName.TIME for r in roles)))


def _name(mention: Mention) -> str:
    """What a reader would see for a mention: a pronoun's antecedent, else its name, and for
    a description the head phrase its entity is labelled with ('member' for 'Members of the
    public'): the judged facts that fitted the confidence show that label, so the signs
    must be read from it too."""
    while mention.antecedent is not None:
        mention = mention.antecedent
    if mention.lemma and mention.ner_label is None and not mention.is_pronoun:
        return mention.lemma
    return mention.text


@cache
def subject_alone_verbs() -> frozenset[str]:
    """Verbs whose fact with its subject alone says nothing: the verbs whose meaning is their
    complement ('all contributed') and those the blind judges found hollow without an object
    or a place ('X won', 'X voted': data/hollow_facts.json, with its counts). Not all of
    WordNet's object verbs: kg.extract.verbal lets a verb of happening through on purpose
    ('the boy drowned', 'the crowd dispersed'), and those were judged right."""
    own = frozenset(data_file("hollow_facts.json")["subject_alone_verbs"])
    return own | argument_words().complement_verbs


def states_something(fact: Fact) -> bool:
    """Whether a fact says something of its own, so that it is stated at all: its object
    says what it is (``says_what_of_object``) and it is not a doer alone with a verb about
    what it acts on (``doer_alone_says_nothing``). Any path may make such a fact (an
    inherited subject, a verb idiom, an event noun), so this is checked last."""
    return says_what_of_object(fact) and not doer_alone_says_nothing(fact)


def doer_alone_says_nothing(fact: Fact) -> bool:
    """Whether a fact is a doer with no object and no role but a time, whose verb is about
    what it acts on or where ('Lena won', 'the envoy served'): judged vague or wrong far
    more often than right. A patient alone ('the flag was lowered'), a fact with a place
    ('won in Ohio') and a position whose holder is found later (kg.holders) are not."""
    if fact.object is not None or fact.subject.name is not RoleName.AGENT or fact.role_name:
        return False
    if any(role.name is not RoleName.TIME for role in fact.roles):
        return False
    return fact.lemma.replace("_", " ") in subject_alone_verbs()


@cache
def shell_nouns() -> frozenset[str]:
    """Nouns whose content is a clause said elsewhere ('the claim', 'the move'):
    data/hollow_facts.json, with its source and counts."""
    return frozenset(data_file("hollow_facts.json")["shell_nouns"])


def says_what_of_object(fact: Fact) -> bool:
    """Whether a fact's object says what it is. An object that is one bare shell noun, with
    nothing kept to say which ('X justified the claim', 'Y criticised the move'), leaves the
    fact with nothing a reader could check: judged vague or wrong every time on the dev and
    fresh sheets (data/hollow_facts.json). With a complement the label is no longer the bare
    noun ('the offer to buy the mine')."""
    return fact.object is None or fact.role_name is not None or \
        _name(fact.object.mention) not in shell_nouns()


def dedupe(facts: Iterable[Fact]) -> Iterator[Fact]:
    seen: set[tuple[object, ...]] = set()
    for fact in facts:
        # ('released them': one pronoun, one fact per person of the group it stands for)
        key = (fact.predicate, fact.role_name, _place(fact.subject.mention),
               _place(fact.object.mention) if fact.object else -1,
               fact.evidence.trigger_start,
               tuple(sorted((r.name.value, r.mention.start) for r in fact.roles)))
        if key not in seen:
            seen.add(key)
            yield fact


def _place(mention: Mention) -> tuple[int, int]:
    """Where a mention is, and where what it stands for is (a pronoun's antecedent)."""
    return mention.start, mention.antecedent.start if mention.antecedent is not None else -1
