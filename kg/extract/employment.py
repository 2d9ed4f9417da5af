"""Employment stated by a verb as a position: 'X works for Y', 'X was employed by Y',
'Y hired X' give ``X affiliatedWith Y`` with the role 'employee'; 'X plays for Y' with
'player'; 'X held the post of Z' the role Z.

The verb readers already give 'X workedFor Y' as an event; the role fact is what a reader
notes of such a sentence (the blind gold writes 'employee' when only employment is said),
and what a question about who works where is asked against. A role word given with 'as'
('works at Y as a chef', 'hired X as coach') is read by ``kg.extract.titles`` instead, and
says more. The verbs are data (kg/data/employment.json).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.facts import make_fact
from kg.extract.state import DocState
from kg.extract.titles import AFFILIATED, HOLDER_TYPES, role_noun_facts, verb_holder
from kg.extract.titles import copula_subject as spoken_of
from kg.factuality import judge_factuality
from kg.lexicon import employment_words, organisation_kinds
from kg.model import EntityType, Fact, Mention, Sentence
from kg.relations import load_vocabulary

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependents that give the verb a role word of its own: 'hired X as coach', 'made X chief'.
ROLE_DEPS = frozenset({"attr", "oprd"})


def employment_facts(state: DocState, sentence: Sentence, sent: Span) -> Iterator[Fact]:
    """Each job or team place an employment verb of the sentence states."""
    words = employment_words()
    at_verbs: dict[str, dict[str, object]] = words["at_verbs"]  # type: ignore[assignment]
    employer_verbs = frozenset(words["employer_verbs"])  # type: ignore[arg-type]
    post_verbs = frozenset(words["post_verbs"])  # type: ignore[arg-type]
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ == "VERB" and lemma in post_verbs:
            yield from _post_held(state, sentence, verb)
        if not _main_verb(verb) or (lemma not in at_verbs and lemma not in employer_verbs) or \
                _has_role_word(verb):
            continue  # (the lemma first: the children are walked for the few verbs left)
        if lemma in at_verbs:
            preps = frozenset(at_verbs[lemma]["preps"])  # type: ignore[arg-type]
            pairs, role = _worker_at(state, verb, preps), str(at_verbs[lemma]["role"])
        elif lemma in employer_verbs:
            pairs, role = _employed_by(state, verb), str(words["role"])
        else:
            continue
        for person, employer in pairs:
            yield _employee_fact(state, sentence, verb, person, employer, role)


def _main_verb(verb: Token) -> bool:
    """A verb heading its clause: 'be' is tagged AUX even where it is the only verb ('A and B
    were in the band Y'), and then it may state a membership; as a helper ('was working
    for Y') it states nothing of its own."""
    return verb.pos_ == "VERB" or (verb.pos_ == "AUX" and verb.dep_ not in {"aux", "auxpass"})


def _has_role_word(verb: Token) -> bool:
    """Whether the verb names the job itself ('as a chef', 'hired X coach')."""
    return any(c.dep_ in ROLE_DEPS or (c.dep_ == "prep" and c.lower_ == "as")
               for c in verb.children)


def _worker_at(state: DocState, verb: Token,
               preps: frozenset[str]) -> list[tuple[Mention, Mention]]:
    """'X works for Y', 'X, who worked at Y': the person subject and the organisation the
    preposition names."""
    people = _people(state, verb, SUBJECT_DEPS - {"nsubjpass"})
    employers = [m for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in preps
                 for pobj in prep.children if pobj.dep_ == "pobj"
                 for m in [_named_at(state, pobj)] if _employer(m)]
    return [(p, e) for p in people for e in employers]


def _named_at(state: DocState, pobj: Token) -> Mention | None:
    """The name a preposition's object gives: its own, or the name set beside a kind noun
    of organisations ('in the band Y', 'for the agency Y')."""
    mention = state.mention_at.get(pobj.i)
    if mention is not None or pobj.lemma_.lower() not in organisation_kinds():
        return mention
    return next((m for c in pobj.children if c.dep_ == "appos"
                 for m in [state.mention_at.get(c.i)] if m is not None), None)


def _employed_by(state: DocState, verb: Token) -> list[tuple[Mention, Mention]]:
    """'Y employs X', 'Y hired X' and the passive 'X was hired by Y': the employer is the
    organisation doing it, the employee the person it is done to."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if passive:
        people = _people(state, verb, frozenset({"nsubjpass"}))
        employers = [m for agent in verb.children if agent.dep_ == "agent"
                     for pobj in agent.children if pobj.dep_ == "pobj"
                     for m in [state.mention_at.get(pobj.i)] if _employer(m)]
    else:
        people = [m for c in verb.children if c.dep_ == "dobj"
                  for m in [state.mention_at.get(c.i)]
                  if m is not None and m.type is EntityType.PERSON]
        employers = [m for c in verb.children if c.dep_ == "nsubj"
                     for m in [spoken_of(state, verb, c)] if _employer(m)]
    return [(p, e) for p in people for e in employers]


def _people(state: DocState, verb: Token, deps: frozenset[str]) -> list[Mention]:
    """The people a verb's subjects name, through a pronoun or a relative clause, each of
    a pair ('A and B were in the band Y')."""
    return [m for c in verb.children if c.dep_ in deps for word in (c, *c.conjuncts)
            for m in [spoken_of(state, verb, word)]
            if m is not None and m.type is EntityType.PERSON]


def _employer(mention: Mention | None) -> bool:
    """An organisation can employ; a place named after 'at' is where, not for whom."""
    return mention is not None and mention.type in HOLDER_TYPES and \
        (mention.antecedent or mention).type is EntityType.ORGANIZATION


def _employee_fact(state: DocState, sentence: Sentence, verb: Token, person: Mention,
                   employer: Mention, role: str) -> Fact:
    return make_fact(state, sentence, verb.doc[verb.i:verb.i + 1], predicate=AFFILIATED,
                     lemma=role, subject=person, obj=employer, rule="employment-verb",
                     roles=(), role_name=role,
                     factuality=judge_factuality(verb, load_vocabulary()))


def _post_held(state: DocState, sentence: Sentence, verb: Token) -> Iterator[Fact]:
    """'X held the post of treasurer', 'X, who assumed the office of chair of Y': the role
    the post's 'of' names is the subject's, with the holder its own words give, else the
    organisation the verb names ('held the post of treasurer at Y')."""
    post_nouns = frozenset(employment_words()["post_nouns"])  # type: ignore[arg-type]
    roles = [pobj for post in verb.children if post.dep_ == "dobj"
             and post.lemma_.lower() in post_nouns
             for prep in post.children if prep.dep_ == "prep" and prep.lower_ == "of"
             for pobj in prep.children if pobj.dep_ == "pobj"]
    if not roles:
        return
    for person in _people(state, verb, frozenset({"nsubj"})):
        for role_head in roles:
            yield from role_noun_facts(state, sentence, role_head, person, "title-post-held",
                                       verb_holder(state, verb))
