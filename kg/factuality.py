"""How sure the text is of a fact, read from the verbs that govern it.

'Pyongyang denied that North Korea would supply arms' is a denied supply; 'is expected to
visit' an expected visit; 'did not meet' a negated meeting; 'allege that' or 'reportedly' a
reported one. Siblings in a coordination share auxiliaries ('will visit and meet') but not
verbs ('denied X and said Y': Y is not denied).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.lexicon import argument_words
from kg.model import Factuality
from kg.relations import RelationVocabulary, load_vocabulary


def governors(verb: Token, limit: int = 4) -> Iterator[Token]:
    """The verbs this one is embedded under: 'said that [he] would [visit]' -> said."""
    for token, _ in governor_links(verb, limit):
        yield token


def governor_links(verb: Token, limit: int = 4) -> Iterator[tuple[Token, str]]:
    """Governors with the link that reached them; 'conj' marks a sibling ('denied X and said
    Y': 'denied' is Y's sibling, not its governor)."""
    token = verb
    for _ in range(limit):
        if token.dep_ == "pcomp" and token.head.pos_ == "ADP" and \
                token.head.head.pos_ in {"VERB", "ADJ"}:
            # 'accused of killing', 'charged with selling': the gerund hangs on a preposition
            token = token.head.head
            yield token, "pcomp"
            continue
        if token.dep_ not in {"ccomp", "xcomp", "conj", "advcl", "relcl", "acl", "parataxis"} \
                or token.head.i == token.i:
            return
        link = token.dep_
        token = token.head
        if token.pos_ == "NOUN" and token.dep_ in {"dobj", "pobj"} and token.head.i != token.i:
            # 'denied reports that it had bought': the clause hangs on a noun of 'denied'.
            token = token.head
            if token.pos_ == "ADP" and token.head.i != token.i:
                token = token.head
        yield token, link


def judge_factuality(verb: Token, vocab: RelationVocabulary) -> Factuality:
    links = list(governor_links(verb))
    chain = [verb, *(t for t, _ in links)]  # siblings share auxiliaries: 'will visit and meet'
    # ... but not their verbs: in 'denied X and said Y', Y is not denied.
    # A relative clause's head noun governs nothing: 'the plan, which X rejected' is no plan.
    governing = {t.lemma_.lower() for t, link in links
                 if link != "conj" and t.pos_ in {"VERB", "AUX", "ADJ"}} - {verb.lemma_.lower()}
    if any(c.dep_ == "neg" for c in verb.children) or _no_object(verb) or \
            governing & vocab.negating_governors:
        return Factuality.NEGATED  # 'did not meet', 'received no response', 'failed to act'
    if governing & vocab.denial_verbs:
        return Factuality.DENIED  # 'rejected the plan' is a rejection, asserted
    auxiliaries = {c.lower_ for t in chain for c in t.children if c.dep_ in {"aux", "auxpass"}}
    unlikely = any(c.lower_ == "unlikely" for t in chain for c in t.children)
    clauses = [verb, *(t for t, link in links if link == "conj")]
    conditions = [c for t in clauses for c in t.children if c.dep_ == "advcl"]
    if any(m.dep_ == "mark" and m.lower_ in vocab.conditional_marks
           for t in [*clauses, *conditions] for m in t.children):
        # 'if Pakistan defeated India', 'asked whether X met Y', and what depends on such a
        # condition: 'will resign unless Y apologises'.
        return Factuality.POSSIBLE
    words = argument_words()
    if _counterfactual(verb, auxiliaries, words.counterfactual_modals) or any(
            _counterfactual(t, _auxiliaries(t), words.counterfactual_modals)
            for t in _completed_by(verb, links)):
        # 'would have died': it did not; nor did what it would have let happen ('a bill that
        # would have allowed X to extradite Y').
        return Factuality.NEGATED
    # Only a verb the clause completes makes it a plan ('expected to visit', 'plans to
    # resign'); a clause beside it does not ('though X confessed, others were tried').
    completing = {t.lemma_.lower() for t, link in links if link in {"xcomp", "ccomp"}
                  and t.pos_ in {"VERB", "AUX", "ADJ"}}
    # 'is unlikely to visit', 'appeared to be wearing', 'called it unlikely that X would buy';
    # not 'appeared in court, charged with ...'.
    uncertain = bool(completing & words.uncertainty_governors)
    if auxiliaries & vocab.possible_auxiliaries or unlikely or uncertain:
        return Factuality.POSSIBLE
    asked = "to" in auxiliaries and bool(completing & words.request_verbs)
    if auxiliaries & words.normative_modals or completing & words.normative_modals or asked:
        # 'the board should resign', 'ought to apologise', 'urged Kim to resign', 'were
        # called to join': what someone says ought to happen ('could ask X to' stays possible).
        return Factuality.NORMATIVE
    headline_infinitive = verb.dep_ == "ROOT" and "to" in auxiliaries  # 'Microsoft to buy X'
    # 'signed an agreement to build a pipeline', 'joined the race to replace him': what a
    # thing or an act is for has not happened yet.
    purpose = (verb.dep_ in {"acl", "relcl", "advcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
        not _ranked(verb.head)) or _purpose_after_object(verb)
    # 'an agreement on sending troops': what a plan is about is planned.
    planned = verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and plan_noun(verb.head.head)
    # 'voted to lift the ban', 'agreed to suspend talks': decided, not yet done.
    # 'had to leave', 'needs to act': an obligation, like 'must'; 'allowed him to run',
    # 'urged X to resign': asked or let, not done ('forced X to resign' is done).
    # An obligation needs its infinitive: 'had to leave', not 'had control'.
    obliged = any(link == "xcomp" and t.lemma_.lower() in words.obligation_verbs
                  for t, link in links) and "to" in auxiliaries
    # Asked or let someone do it: only an infinitive ('told X to leave', not 'told X that').
    requested = "to" in auxiliaries and bool(
        completing & (words.object_control - words.implicative_control))
    governed_by_expectation = obliged or requested or bool(
        completing & (vocab.expect_words | words.subject_control_plans))
    expectation_modifier = any(c.lower_ in vocab.expect_words for t in chain
                               for c in t.children if c.dep_ in {"acomp", "advmod"})
    if headline_infinitive or purpose or planned or auxiliaries & vocab.future_auxiliaries or \
            governed_by_expectation or expectation_modifier:
        return Factuality.EXPECTED
    # 'X accused Y' is asserted; 'allege that Y' is reported. A named source ('the Post
    # reported that ...', 'according to the Post') is attribution: asserted, attributed to it.
    if governing & vocab.hedge_verbs or any(c.lower_ in vocab.hedge_adverbs for t in chain
                                            for c in t.children) or _secondhand(chain, vocab):
        return Factuality.REPORTED
    return Factuality.ASSERTED


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}


def _counterfactual(verb: Token, auxiliaries: set[str], modals: frozenset[str]) -> bool:
    """'would have allowed', 'should have resigned': a modal, 'have' and a participle."""
    return verb.tag_ == "VBN" and "have" in auxiliaries and bool(auxiliaries & modals)


def _completed_by(verb: Token, links: list[tuple[Token, str]]) -> Iterator[Token]:
    """The verbs this one completes, up the chain while each link is a complement ('would
    have allowed the mayor to expel': 'expel' completes 'allowed')."""
    for token, link in links:
        if link not in {"xcomp", "ccomp"}:
            return
        yield token


def _purpose_after_object(verb: Token) -> bool:
    """'started a firm to sell engines': an infinitive the parser hung as a complement on a
    verb that already has its object is what the act was for, not an act done; not after a
    verb whose object does it ('urged Kim to resign', judged elsewhere) or is the means it
    was done with ('used a drone to film the match')."""
    governor = verb.head
    if verb.dep_ != "xcomp" or governor.i == verb.i or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    words = argument_words()
    lemma = governor.lemma_.lower()
    return any(c.dep_ == "dobj" for c in governor.children) and \
        lemma not in words.object_control | words.implicative_control | words.instrument_verbs


RANKS = {"first", "last", "only", "second", "third", "fourth", "fifth", "sole"}


def _ranked(noun: Token) -> bool:
    """'the first woman to win', 'the only one to vote against': an infinitive after a rank
    tells what happened, unlike 'a plan to win'."""
    return any(c.dep_ == "amod" and (c.lower_ in RANKS or c.tag_ == "JJS")
               for c in noun.children)


HEARSAY_NOUNS = {"report", "source", "media", "outlet", "projection", "rumour", "rumor"}


def _secondhand(chain: list[Token], vocab: RelationVocabulary) -> bool:
    """The writer passes it on rather than states it: 'according to local media', 'per
    reports', 'by reports', or a speech verb whose subject is reports or sources ('sources
    said he had died'). A named or already-mentioned source ('according to the electoral
    commission', 'the report said') is attribution, not hearsay."""
    for token in chain:
        for child in token.children:
            sources: list[Token] = []
            if child.lower_ == "according":
                sources = [g for to in child.children for g in to.children if g.dep_ == "pobj"]
            elif child.dep_ == "prep" and child.lower_ in {"per", "by"}:
                sources = [g for g in child.children if g.dep_ == "pobj"]
            elif token is not chain[0] and token.lemma_.lower() in vocab.speech_verbs and \
                    child.dep_ == "nsubj":
                sources = [child]
            if any(_hearsay(source) for source in sources):
                return True
    return False


def _hearsay(source: Token) -> bool:
    """'reports', 'sources', 'local media', 'a report': no one the reader can check."""
    media = source.lower_ == "media"  # the model lemmatises it to 'medium'
    if source.lemma_.lower() not in HEARSAY_NOUNS and not media:
        return False
    specific = any(c.dep_ in {"poss", "compound"} or c.lower_ in {"the", "this", "that"}
                   for c in source.children)
    return source.tag_ == "NNS" or media or not specific


def plan_noun(noun: Token) -> bool:
    """A noun that names a plan ('agreement', 'intent'), also through its 'of' ('a letter of
    intent'): what it is about is planned, and its holder would do it."""
    plans = load_vocabulary().plan_nouns
    return noun.lemma_.lower() in plans or any(
        c.dep_ == "prep" and c.lower_ == "of" and
        any(g.dep_ == "pobj" and g.lemma_.lower() in plans for g in c.children)
        for c in noun.children)


def _no_object(verb: Token) -> bool:
    """'received no response', 'found no evidence': the object is denied by its determiner."""
    return any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
               for c in verb.children)
