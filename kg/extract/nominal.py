"""Facts said with nouns: "Sorokin's visit to Pyongyang", 'held talks with X', 'the assassination
of X by Y', "Kessler's assassin, Z", 'the founder of X, Z'.

An event noun takes the predicate and roles of the verb it names (``data/nominal_events.json``
says which verb, and which prepositions bring the object and the doer); its doer is the
possessive ('Sorokin's visit'; for nouns like 'arrest' the possessive is the one it happens to),
a 'by'-phrase, or the subject of a light verb ('made a visit', 'held talks', 'carried out an
attack'). An agent noun ('assassin', 'founder') set beside a name makes that person the doer.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.counts import counted_participant, fate_of, fate_victim
from kg.extract.facts import make_fact, same_span
from kg.extract.frames import Frame, verb_lemma
from kg.extract.preferences import classed
from kg.extract.reference import conjuncts, referent
from kg.extract.state import DocState
from kg.extract.subjects import ACCUSING_PREPS, accused_of, fill_subjects
from kg.extract.titles import demonym_mention
from kg.extract.verb_roles import add_time
from kg.extract.verbal import speaker_of
from kg.factuality import judge_factuality, light_factuality, plan_called_off
from kg.lexicon import DerivedNouns, EventNoun, derived_nouns, event_nouns, factuality_words
from kg.model import EntityType, Fact, Factuality, Mention, Role, RoleName, Sentence
from kg.relations import RelationSpec, RelationVocabulary, load_vocabulary

EXPECTED_MODIFIERS = {"planned", "proposed", "upcoming", "expected", "scheduled", "possible",
                      "potential", "future", "forthcoming", "prospective", "pending",
                      "impending", "looming", "intended", "threatened"}
# 'the alleged death of X', 'a reported visit': someone says so, the text does not.
REPORTED_MODIFIERS = {"alleged", "reported", "purported", "suspected", "rumoured", "rumored",
                      "unconfirmed", "apparent", "presumed"}
NAMED = {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE}
# How a date or a place's name stands before the noun it dates or places: 'the 2016 sale'
# (nummod), 'the March 4 visit' (nmod), 'the Tuesday attack', 'the Lisbon talks' (compound).
PRENOMINAL_DEPS = frozenset({"nummod", "nmod", "compound", "npadvmod"})


def nominal_facts(state: DocState, sentence: Sentence, sent: Span,
                  vocab: RelationVocabulary) -> Iterator[Fact]:
    """Every event a noun of the sentence names, and every doer an agent noun names: the
    hand-written nouns first, then those derived from the verb lexicon (WordNet's links
    between a verb and its nouns, kept by the ending table in noun_morphology.json)."""
    lexicon = event_nouns()
    derived = derived_nouns()
    for token in sent:
        if token.lower_ in lexicon.fate_groups and \
                (fallen := _fallen_clause(state, token)) is not None:
            yield from _among_the_fallen(state, sentence, token, fallen, vocab)
            continue
        if token.lower_ in lexicon.fate_causes and token.pos_ != "NOUN":
            yield from _left_in_fate(state, sentence, token, vocab)
            continue
        if (token.pos_ not in {"NOUN", "PROPN"} and token.dep_ != "compound") or \
                token.i in state.mention_at:
            continue  # (a compound is a noun, whatever the tagger says: 'Marek assassin Z')
        lemma = token.lemma_.lower()
        if any(f"{c.lower_} {lemma}" in lexicon.other_senses for c in token.children
               if c.dep_ in {"amod", "compound"}):
            continue  # 'suffered a cardiac arrest'
        doer = derived.without_joint_prefix(lemma)  # 'co-inventor' invented it too
        if lemma in lexicon.charge_nouns:
            yield from _listed_charges(state, sentence, token, vocab)
        if lemma in lexicon.nouns:
            yield from _event_noun(state, sentence, token, lexicon.nouns[lemma], vocab,
                                   patient_possessive=lemma in lexicon.patient_possessive)
        elif doer in lexicon.agent_nouns:
            yield from _agent_noun(state, sentence, token, lexicon.agent_nouns[doer], vocab)
        elif (frame := derived.event_frame(lemma, vocab.relations,
                                           vocab.occurrence_verbs)) is not None:
            yield from _event_noun(state, sentence, token, frame, vocab,
                                   patient_possessive=False)
        elif (frame := derived.agent_frame(doer, vocab.relations)) is not None:
            yield from _agent_noun(state, sentence, token, frame, vocab)
        elif (frame := _deed_with_participants(state, token, derived, vocab)) is not None:
            yield from _event_noun(state, sentence, token, frame, vocab,
                                   patient_possessive=False)


def _deed_with_participants(state: DocState, noun: Token, derived: DerivedNouns,
                            vocab: RelationVocabulary) -> EventNoun | None:
    """The frame of a deed noun that names a deed only with its participants written out: a
    noun mostly a thing ('selection') or one of a verb relations.json does not type
    ('certification'); None when they are not there."""
    lemma = noun.lemma_.lower()
    frame = derived.guarded_frame(lemma, vocab.relations)
    if frame is not None:
        return frame if _named_doer_and_object(state, noun) else None
    frame = derived.untyped_frame(lemma)
    return frame if frame is not None and _doer_and_object(state, noun, frame) else None


def _named_doer_and_object(state: DocState, noun: Token) -> bool:
    """Whether a noun that is mostly a thing ('management', 'selection', 'collection';
    ``guarded_events`` of derived_nouns.json) names a deed here: a named possessive doer and
    a named 'of' object ("X's selection of Y"), where 'the management' or 'a collection of
    paintings' names a body or a set."""
    doers = [m for c in noun.children if c.dep_ == "poss"
             and (m := referent(state, c, possessive=True)) is not None and m.type in NAMED
             and c.pos_ == "PROPN"]
    return bool(doers) and any(m.type in NAMED for m in _prep_objects(state, noun, ("of",)))


def _doer_and_object(state: DocState, noun: Token, frame: EventNoun) -> bool:
    """Whether a deed noun of an untyped verb ('untyped_events' of derived_nouns.json) has
    both participants a nominalisation states its deed with: a named doer, possessive or in
    a 'by'-phrase ("Velmar's certification of the ballots", 'the withholding of aid by the
    ministry'), and an 'of' object. Without them such a noun most often names the thing or
    the field ('a recording', 'drilling', 'recycling'), and no fact is read."""
    doers = [m for c in noun.children if c.dep_ == "poss"
             and (m := referent(state, c, possessive=True)) is not None]
    doers += [*_prep_objects(state, noun, ("by",)), *_agents_on_object(state, noun, frame)]
    if any(m.type in NAMED for m in doers):
        return next(_prep_objects(state, noun, ("of",)), None) is not None
    # a name said to be the deed ('Night Harbor is a continuation of Red Dock') does it only
    # to a name: 'a continuation of the universe of X' read 'continue' of a description
    return bool(_named_as_event(state, noun)) and \
        any(m.ner_label for m in _prep_objects(state, noun, ("of",)))


def _among_the_fallen(state: DocState, sentence: Sentence, group: Token,
                      fallen: tuple[Token, list[Mention]],
                      vocab: RelationVocabulary) -> Iterator[Fact]:
    """'X was among the dead', 'one of the dead was X', 'the injured included X and Y': who is
    counted among those an event befell (``fate_groups``) underwent it: X died, X was injured
    (the one it was done to, as in an agentless passive, unless the verb states an occurrence
    of its own). ``fallen`` is the clause's verb and its members (``_fallen_clause``)."""
    clause, members = fallen
    verb = event_nouns().fate_groups[group.lower_]
    spec = vocab.spec(verb)
    role = RoleName.AGENT if verb in vocab.occurrence_verbs else RoleName.THEME
    rule = "copula/among-fate" if group.head.lower_ == "among" else \
        f"{verb_lemma(clause)}/counted-fate"
    for member in members:
        yield make_fact(state, sentence, group.doc[group.i:group.i + 1],
                        predicate=spec.predicate if spec is not None else verb, lemma=verb,
                        subject=member, obj=None, rule=rule, roles=(),
                        factuality=judge_factuality(clause, vocab), subject_role=role)


def _fallen_clause(state: DocState, group: Token) -> tuple[Token, list[Mention]] | None:
    """The clause that counts people among those an event befell, and the people it counts:
    'X was among the dead' (any named or described member, as the 'among' always counts
    people), and, naming people only, 'one of the dead was X', 'X was one of the injured'
    (a counter of the group beside its copula: ``fate_counters`` or a number), 'the dead
    included X and Y' (the group as subject of a ``listing_verbs`` verb), 'the dead were
    identified as X' (``fate_naming_verbs`` with 'as'). None when the group is counted by
    no such clause ('the dead were buried', 'mourned the dead')."""
    if group.dep_ == "pobj" and group.head.lower_ == "among":
        copula = group.head.head
        while copula.lemma_ != "be" and copula.dep_ == "prep" and copula.head.i != copula.i:
            copula = copula.head  # 'was, according to police, among the dead'
        if copula.lemma_ != "be":
            return None
        return copula, _copula_members(state, copula, group, people_only=False)
    counter = _fate_counter(group)
    if counter is not None and counter.dep_ in {"nsubj", "attr"} and \
            counter.head.lemma_ == "be":
        return counter.head, _copula_members(state, counter.head, counter, people_only=True)
    if group.dep_ in {"nsubj", "nsubjpass"} and group.head.pos_ in {"VERB", "AUX"}:
        return group.head, _listed_members(state, group.head)
    return None


def _fate_counter(group: Token) -> Token | None:
    """The word that counts some of a fate group through 'of' ('one of the dead', 'two of
    the injured', 'most of the wounded'): a number or a ``fate_counters`` word; else None."""
    prep = group.head
    if group.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep" or \
            not any(c.dep_ == "det" for c in group.children):
        return None
    counter = prep.head
    if counter.pos_ == "NUM" or counter.lower_ in event_nouns().fate_counters:
        return counter
    return None


def _copula_members(state: DocState, copula: Token, group: Token, *,
                    people_only: bool) -> list[Mention]:
    """Who the copula says is of the group: its subject or complement other than the group
    word, each conjunct, dates aside; with ``people_only`` only a person the text names."""
    return [m for c in copula.children if c.dep_ in {"nsubj", "attr"} and c.i != group.i
            for conj in conjuncts(c) if (m := referent(state, conj)) is not None
            and m.type is not EntityType.DATE
            and (not people_only or _named_person(m))]


def _listed_members(state: DocState, verb: Token) -> list[Mention]:
    """The people a fate group's own verb lists: the object or complement of a listing verb
    ('the dead included X', 'the injured were X and Y'), or the 'as'-phrase of a naming verb
    ('the dead were identified as X'); only people the text names, each conjunct."""
    lemma = verb_lemma(verb)
    lexicon = event_nouns()
    if lemma in lexicon.listing_verbs:
        listed = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
    elif lemma in lexicon.fate_naming_verbs:
        listed = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                  for p in c.children if p.dep_ == "pobj"]
    else:
        return []
    return [m for c in listed for conj in conjuncts(c)
            if (m := referent(state, conj)) is not None and _named_person(m)]


def _named_person(mention: Mention) -> bool:
    """Whether a mention is a person the text names (or a pronoun standing for one), the
    only members a counted fate group is read for: 'the dead included two children' counts,
    it names no one. A name the tagger took for an organisation counts too: only people die
    or are injured, and the small model tags many a foreign personal name ORG."""
    return mention.type in {EntityType.PERSON, EntityType.ORGANIZATION} and \
        (mention.ner_label is not None or mention.antecedent is not None)


def _left_in_fate(state: DocState, sentence: Sentence, fate: Token,
                  vocab: RelationVocabulary) -> Iterator[Fact]:
    """'The blast left three people dead', 'the crash leaves two dead': a fate word
    (``fate_causes``) complementing the object of a verb of leaving (``resultative_verbs``)
    says the verb's subject brought that fate on the object, as 'the blast killed three
    people' says it. The parser hangs the fate word on the verb ('oprd') or, after a bare
    number, on the object itself."""
    lexicon = event_nouns()
    if fate_of(fate.head) == fate:
        verb = fate.head
        victim = fate_victim(verb)  # 'left seven riders dead', 'left five dead'
    elif fate.dep_ == "amod" and fate.i > fate.head.i and fate.head.dep_ == "dobj":
        verb, victim = fate.head.head, fate.head
    else:
        return
    cause = lexicon.fate_causes[fate.lower_]
    spec = vocab.spec(cause)
    if victim is None or spec is None or verb.pos_ != "VERB" or \
            verb_lemma(verb) not in lexicon.resultative_verbs:
        return
    victims = [m for conj in conjuncts(victim)
               if (m := referent(state, conj) or counted_participant(state, conj, fated=True))
               is not None and m.type is not EntityType.DATE]
    subjects = Frame()
    fill_subjects(state, verb, subjects)
    trigger = fate.doc[fate.i:fate.i + 1]
    for subject, rule in subjects.subjects:
        for one in (v for v in victims if not same_span(subject, v)):
            yield make_fact(state, sentence, trigger, predicate=spec.predicate, lemma=cause,
                            subject=subject, obj=one, rule=f"{rule}/left-{fate.lower_}",
                            roles=(), factuality=judge_factuality(verb, vocab),
                            speaker=speaker_of(state, verb, vocab))


def _listed_charges(state: DocState, sentence: Sentence, noun: Token,
                    vocab: RelationVocabulary) -> Iterator[Fact]:
    """"X's charges include fraud and arson", 'the charges against X involved bribery': a
    charge noun (``charge_nouns``) whose clause lists the charges (``listing_verbs``) says X
    was charged with each, as 'X was charged with fraud' does (the one charged is the fact's
    subject, in the role of the one it was done to)."""
    verb = noun.head
    spec = vocab.spec("charge")
    if noun.dep_ != "nsubj" or verb.pos_ not in {"VERB", "AUX"} or spec is None or \
            verb_lemma(verb) not in event_nouns().listing_verbs:
        return
    charged = [m for c in noun.children if c.dep_ == "poss"
               and (m := referent(state, c, possessive=True)) is not None]
    charged += list(_prep_objects(state, noun, ("against",)))
    crimes = [m for c in verb.children if c.dep_ in {"dobj", "attr"} for conj in conjuncts(c)
              if not _split_modifier(conj) and (m := referent(state, conj)) is not None
              and m.type is not EntityType.DATE and m.start <= conj.idx < m.end]
    trigger = noun.doc[noun.i:noun.i + 1]
    for person in charged:
        if person.type not in {EntityType.PERSON, EntityType.ORGANIZATION}:
            continue
        for crime in (c for c in crimes if not same_span(person, c)):
            yield make_fact(state, sentence, trigger, predicate=spec.predicate,
                            lemma="charge with", subject=person, obj=crime,
                            rule=f"noun-charges-{verb_lemma(verb)}/noun-{noun.lemma_.lower()}",
                            roles=(), factuality=judge_factuality(verb, vocab),
                            speaker=speaker_of(state, verb, vocab),
                            subject_role=RoleName.THEME)


def _split_modifier(conj: Token) -> bool:
    """Whether a conjunct is the first word of a noun phrase the parser split ('arson and
    witness tampering' read as 'witness' and a 'tampering' hung elsewhere): the next word is
    a noun or a gerund that is not in the conjunct's own phrase, with no comma, 'and' or
    preposition between them."""
    following = conj.doc[conj.i + 1] if conj.i + 1 < len(conj.doc) else None
    return conj.dep_ == "conj" and following is not None and \
        following.pos_ in {"NOUN", "VERB"} and following.head.i != conj.i and \
        not any(t.i == following.i for t in conj.subtree)


def _source_doers(state: DocState, noun: Token) -> list[Mention]:
    """The doer a verb of coming takes onto itself from the event noun it has as subject
    ('support for X came from Y', 'criticism came from Y'; ``source_verbs``): Y, as 'support
    for X from Y' names it."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or \
            verb_lemma(verb).split()[0] not in event_nouns().source_verbs:
        return []
    return list(_prep_objects(state, verb, ("from",)))


def _accusing_verb(noun: Token) -> Token | None:
    """The verb of the courts or the police a deed noun completes through a preposition
    ('charged in the slaying', 'sentenced to death for the murder'), or None."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in ACCUSING_PREPS:
        return None
    verb = noun.head.head
    if verb.pos_ in {"ADJ", "ADV"} and verb.head.pos_ == "VERB":
        verb = verb.head  # 'pleaded guilty to the murder'
    if verb.pos_ not in {"VERB", "ADJ"}:
        return None
    return verb if verb_lemma(verb) in load_vocabulary().accusing_verbs else None


def _penalty_verb(noun: Token) -> Token | None:
    """The verb of the penalty or the charge a deed noun completes ('is serving a life
    sentence for the murder of X', 'was indicted on a charge of murder in the killing of Y',
    'faces charges in the shooting of Y'): a verb of the courts (``accusing_verbs``), or one
    whose subject bears the penalty (``penalty_verbs``); else None. A later conjunct ('for
    the torture and murder of X') completes it as the first does."""
    noun = _first_conjunct(noun)
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in ACCUSING_PREPS:
        return None
    penalty = noun.head.head
    if penalty.pos_ == "VERB":  # 'received a sentence for the killing': 'for' on the verb
        penalty = next((c for c in penalty.children if c.dep_ == "dobj"), penalty)
    if penalty.lemma_.lower() not in event_nouns().penalty_nouns:
        return None
    if penalty.dep_ == "dobj":
        verb = penalty.head
    elif penalty.dep_ == "pobj" and penalty.head.dep_ == "prep":
        verb = penalty.head.head
    else:
        return None
    lemma = verb_lemma(verb)
    known = lemma in load_vocabulary().accusing_verbs or lemma in event_nouns().penalty_verbs
    return verb if verb.pos_ == "VERB" and known else None


def _held_to(state: DocState, court: Token) -> list[Mention]:
    """Whom a verb of the courts holds to a deed ('charged X'), or who bears the penalty a
    ``penalty_verbs`` verb names ('X is serving a sentence')."""
    if verb_lemma(court) in load_vocabulary().accusing_verbs:
        return accused_of(state, court)
    subjects = Frame()
    fill_subjects(state, court, subjects)
    return [m for m, _ in subjects.subjects if m.type is EntityType.PERSON]


def _death_held_against(state: DocState, sentence: Sentence, noun: Token,
                        vocab: RelationVocabulary) -> list[Fact]:
    """A death the courts or the police hold someone to is a killing by him ('charged in the
    death of X', 'convicted of murder in the death of X', 'is serving a sentence for the
    death of X'): ``held_deaths`` names the nouns and the verb of the deed. The death itself
    ('X died') is the noun's own fact."""
    verb = event_nouns().held_deaths.get(noun.lemma_.lower())
    spec = vocab.spec(verb) if verb is not None else None
    if spec is None:
        return []
    court = _accusing_verb(noun) or _penalty_verb(noun)
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and \
        noun.head.lower_ in {"in", "for", "over"} else None
    if court is None and head is not None and head.pos_ == "NOUN":
        court = _accusing_verb(head) or _penalty_verb(head)  # 'murder in the death of X'
    if court is None:
        return []
    victims = list(_prep_objects(state, noun, ("of",)))
    victims += [m for c in noun.children if c.dep_ == "poss"
                and (m := referent(state, c, possessive=True)) is not None]
    factuality = Factuality.REPORTED if _only_accused(court, vocab) else Factuality.ASSERTED
    trigger = noun.doc[noun.i:noun.i + 1]
    return [make_fact(state, sentence, trigger, predicate=spec.predicate, lemma=verb,
                      subject=accused, obj=victim,
                      rule=f"noun-accused-{verb_lemma(court)}/noun-{noun.lemma_.lower()}",
                      roles=(), factuality=factuality)
            for accused in _held_to(state, court) for victim in victims
            if victim.type is EntityType.PERSON and not same_span(accused, victim)]


def _only_accused(court: Token, vocab: RelationVocabulary) -> bool:
    """Whether the verb that holds someone to a deed only accuses ('charged', 'faces
    charges') rather than finds ('convicted', 'is serving a sentence')."""
    lemma = verb_lemma(court)
    return lemma in vocab.hedge_verbs or \
        event_nouns().penalty_verbs.get(lemma) is Factuality.REPORTED


def _frame_objects(state: DocState, head: Token, frame: EventNoun) -> Iterator[Mention]:
    """The objects the frame's prepositions bring, only names of the frame's types when it
    has ``named_objects`` ('her role as Marta Ruiz', not 'his role as chair')."""
    for mention in _prep_objects(state, head, frame.object):
        if not frame.named_objects or \
                (mention.type in frame.named_objects and mention.ner_label is not None):
            yield mention


def _prep_objects(state: DocState, head: Token, preps: tuple[str, ...]) -> Iterator[Mention]:
    for prep in (c for c in head.children if c.dep_ in {"prep", "dative"} and c.lower_ in preps):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for conj in conjuncts(pobj):
                mention = referent(state, conj)
                if mention is not None and mention.type is not EntityType.DATE:
                    yield mention


def _event_noun(state: DocState, sentence: Sentence, noun: Token, frame: EventNoun,
                vocab: RelationVocabulary, *, patient_possessive: bool) -> Iterator[Fact]:
    """The event a noun names; when a support verb's own fact was dropped for it ('held
    primary elections in six states', 'gave a speech in Oslo') and the noun has no
    participant to state it with, the support verb states it after all, with the noun as
    its object: the event is not lost."""
    if _tally(noun):
        return  # 'giving him six electoral votes': no one voted, nothing was given
    facts = list(_event_noun_facts(state, sentence, noun, frame, vocab,
                                   patient_possessive=patient_possessive))
    facts += _death_held_against(state, sentence, noun, vocab)
    yield from facts
    light = light_verb(noun)
    if facts or light is None or light_lemma(noun, light) not in event_nouns().support_verbs or \
            light_lemma(noun, light) in event_nouns().vague_support_verbs or \
            vocab.spec(frame.verb) is None or \
            any(next(_prep_objects(state, head, frame.object), None) is not None
                for head in (noun, light)):
        return  # 'had a tour', 'held talks with officials': no fact, or a vague one
    yield from _support_verb_facts(state, sentence, light, noun, vocab)


def light_verb(noun: Token) -> Token | None:
    """The light verb whose object (or complement) an event noun is, also for the later
    conjuncts of that object ('held primaries in six states and caucuses in one')."""
    head = _first_conjunct(noun)
    if head.dep_ in {"dobj", "attr"} and verb_lemma(head.head) in event_nouns().light_verbs:
        return head.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "VERB" and \
            light_lemma(noun, head.head.head) in event_nouns().light_verbs:
        return head.head.head  # 'embarked on a tour of X', 'engaged in talks with X'
    return None


def _patient_light_verb(noun: Token) -> Token | None:
    """The verb whose subject undergoes the event its object names ('suffered a defeat',
    'received an invitation from Y', 'underwent surgery'), or None."""
    head = _first_conjunct(noun)
    if head.dep_ == "dobj" and verb_lemma(head.head) in event_nouns().patient_light_verbs:
        return head.head
    return None


def _under_verb(noun: Token) -> Token | None:
    """The verb whose subject undergoes the event an 'under'-phrase names ('X came under
    attack from Y', 'X is under investigation by Y', 'X was placed under arrest'): one of
    ``undergoing_verbs``, unless the noun names terms one acts by ('under the agreement')."""
    head = _first_conjunct(noun)
    lexicon = event_nouns()
    if head.dep_ != "pobj" or head.head.dep_ != "prep" or head.head.lower_ != "under" or \
            noun.lemma_.lower() in lexicon.not_undergone:
        return None
    verb = head.head.head
    if verb.pos_ not in {"VERB", "AUX"} or verb_lemma(verb) not in lexicon.undergoing_verbs:
        return None
    return verb


def _target_verb(noun: Token) -> Token | None:
    """The copula whose subject is named the one an event befalls ('X was the target of an
    attack by Y', 'X became the subject of an investigation by Y'): a noun of
    ``undergoing_nouns`` as its complement, the event noun in that noun's 'of'-phrase."""
    head = _first_conjunct(noun)
    if head.dep_ != "pobj" or head.head.lower_ != "of" or head.head.dep_ != "prep":
        return None
    target = head.head.head
    if target.dep_ != "attr" or target.lemma_.lower() not in event_nouns().undergoing_nouns:
        return None
    verb = target.head
    if verb.pos_ not in {"VERB", "AUX"} or verb_lemma(verb) not in event_nouns().undergoing_verbs:
        return None
    return verb


def _rallying_verb(noun: Token) -> Token | None:
    """The verb of coming to someone's side whose 'to'-phrase holds a noun of help with a
    possessive ('Y came to X's defense', 'rushed to X's aid'): the verb's subject does the
    deed to the possessive (``rallying_verbs``, ``rallying_nouns``); else None."""
    lexicon = event_nouns()
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "to" or prep.dep_ != "prep" or \
            noun.lemma_.lower() not in lexicon.rallying_nouns or \
            not any(c.dep_ == "poss" for c in noun.children):
        return None
    verb = prep.head
    return verb if verb.pos_ == "VERB" and \
        f"{verb_lemma(verb)} to" in lexicon.rallying_verbs else None


def _undergoers(state: DocState, verb: Token) -> list[Mention]:
    """Who undergoes what the verb's object or 'under'-phrase names: its subject, or its
    passive subject ('X was placed under arrest')."""
    return _clause_subjects(state, verb)


def _clause_subjects(state: DocState, verb: Token) -> list[Mention]:
    """The verb's subjects as ``fill_subjects`` reads them, else its passive subjects."""
    subjects = Frame()
    fill_subjects(state, verb, subjects)
    found = [m for m, _ in subjects.subjects]
    if not found:
        found = [m for c in verb.children if c.dep_ == "nsubjpass"
                 for conj in conjuncts(c) if (m := referent(state, conj)) is not None]
    return found


def light_lemma(noun: Token, light: Token) -> str:
    """The light verb as the lexicon lists it: 'embark on' when the noun comes through
    that preposition ('embarked on a tour'), else the verb's lemma ('made')."""
    lemma = verb_lemma(light)
    head = _first_conjunct(noun)
    if head.dep_ == "pobj" and head.head.head.i == light.i and \
            not lemma.endswith(f" {head.head.lower_}"):
        return f"{lemma} {head.head.lower_}"
    return lemma


def _first_conjunct(noun: Token) -> Token:
    head = noun
    while head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head
    return head


def _support_verb_facts(state: DocState, sentence: Sentence, light: Token, noun: Token,
                        vocab: RelationVocabulary) -> Iterator[Fact]:
    obj = referent(state, noun)
    if obj is None:
        return
    lemma = light_lemma(noun, light)
    spec = vocab.spec(lemma)
    # The verb's own word ('held'), never a broader predicate it shares ('made' is not
    # 'produced' a visit).
    predicate = spec.predicate if spec is not None and \
        spec.predicate[:1] == lemma[:1] else lemma.replace(" ", "_")
    subjects = Frame()
    fill_subjects(state, light, subjects)
    roles = Frame()
    for head in (light, noun):
        for prep in (c for c in head.children if c.dep_ in {"prep", "dative"}):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                role = spec.role_for_prep(prep.lower_) if spec is not None else None
                if pobj.ent_type_ in {"DATE", "TIME"}:
                    add_time(state, roles, pobj)
                elif role is not None and \
                        (other := referent(state, pobj)) is not None:
                    roles.roles.append(Role(name=role, mention=other))  # 'gave an award to X'
                elif prep.lower_ in vocab.place_preps and \
                        (place := referent(state, pobj)) is not None and \
                        place.type is EntityType.PLACE:
                    roles.roles.append(Role(name=RoleName.PLACE, mention=place))
    for child in (c for c in light.children if c.dep_ == "npadvmod"):
        add_time(state, roles, child)
    trigger = light.doc[light.i:light.i + 1]
    for subject, rule in subjects.subjects:
        if not same_span(subject, obj):
            yield make_fact(state, sentence, trigger, predicate=predicate, lemma=lemma,
                            subject=subject, obj=obj, rule=f"{rule}/support-{noun.lemma_.lower()}",
                            roles=roles.roles, factuality=light_factuality(light, noun, vocab),
                            speaker=speaker_of(state, light, vocab))


def _agents_on_object(state: DocState, noun: Token, frame: EventNoun) -> Iterator[Mention]:
    """'the assassination of X by Y' often hangs 'by Y' on the name X; a name takes no
    'by'-phrase of its own, so Y is the doer."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in frame.object):
        for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.i in state.mention_at):
            yield from _prep_objects(state, pobj, frame.agent)


def _prenominal_doers(state: DocState, noun: Token) -> Iterator[Mention]:
    """The doer written before a deed noun: a nationality ('a Norwegian raid on X': Norway)
    or an organisation's name ('an EU ban on X', 'the NATO strike on X'). A place's name
    there is where it happened ('the Oslo talks'), and a nationality before an event of one
    participant is who it befell ('Norwegian deaths'), so neither is read as a doer."""
    for child in noun.children:
        if child.i > noun.i or child.dep_ not in {"amod", "compound", "nmod"}:
            continue
        mention = state.mention_at.get(child.i)
        if mention is not None and mention.type is EntityType.ORGANIZATION:
            yield mention
        elif mention is None and (place := demonym_mention(state, [child])) is not None:
            yield place


def _prenominal_destinations(state: DocState, noun: Token) -> list[Mention]:
    """The place a noun of a journey goes to, named before it ('her Lisbon visit', the
    ``destination_nouns`` of nominal_events.json), as 'a visit to Lisbon' names it."""
    if noun.lemma_.lower() not in event_nouns().destination_nouns:
        return []
    return [m for c in noun.children if c.i < noun.i and c.dep_ in {"compound", "nmod"}
            and (m := state.mention_at.get(c.i)) is not None and m.type is EntityType.PLACE]


def _prenominal_circumstances(state: DocState, noun: Token, frame: Frame,
                              participants: list[Mention]) -> None:
    """The time and the place written before an event noun, as its own phrases after it give
    them: a date ("Orion's 2016 purchase of Vexa", 'the March 4 visit of X', "Norway's Tuesday
    attack on Y") is when, a place's name ('the Lisbon talks between X and Y') is where,
    unless that name is already one of the event's participants."""
    for child in (c for c in noun.children if c.i < noun.i and c.dep_ in PRENOMINAL_DEPS):
        if child.ent_type_ in {"DATE", "TIME"}:
            add_time(state, frame, child)
            continue
        place = state.mention_at.get(child.i)
        if place is not None and place.type is EntityType.PLACE and \
                place not in participants and not any(r.mention == place for r in frame.roles):
            frame.roles.append(Role(name=RoleName.PLACE, mention=place))


def _frame_role(spec: RelationSpec, frame: EventNoun, prep: str) -> RoleName | None:
    """The role a preposition after an event noun gives, as it does after the verb ('sold X
    to Y', 'the sale of X to Y': Y receives), unless the noun's frame takes it for its
    object or its doer."""
    if prep in frame.object or prep in frame.agent:
        return None
    return spec.role_for_prep(prep)


def _requested(noun: Token) -> bool:
    """Whether someone asks for the event the noun names ('called for the resignation of
    X', 'demanded the release of X', 'urged the withdrawal of Y'): what is asked for ought to
    happen, it has not. The verbs, with the preposition that brings what they ask for, are
    ``requesting_verbs`` of nominal_events.json: 'called the election' or 'called X his hero
    in an interview' asks for nothing."""
    head = _first_conjunct(noun)
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        verb = head.head.head
    elif head.dep_ == "dobj":
        verb = head.head
    else:
        return False
    return verb.pos_ == "VERB" and light_lemma(noun, verb) in event_nouns().requesting_verbs \
        and not _granted(noun)


def _granted(noun: Token) -> bool:
    """'asked X for his resignation, which was given to me this morning': a relative clause
    in the past tense that hands the asked-for thing over (``granting_verbs``) says the
    request was met; 'which he would give' or 'which he did not give' does not."""
    for clause in (c for c in noun.children if c.dep_ == "relcl"):
        finite = [clause, *(c for c in clause.children if c.dep_ in {"aux", "auxpass"})]
        if clause.lemma_.lower() in event_nouns().granting_verbs and \
                any(t.tag_ == "VBD" for t in finite) and \
                not any(t.tag_ == "MD" or t.dep_ == "neg" for t in [*finite, *clause.children]):
            return True
    return False


def _hedged(noun: Token) -> Factuality | None:
    """The factuality a word governing the noun gives its event, when that word says the
    event is meant, feared or denied rather than done (``hedging_governors``): 'planned a
    visit to X', 'feared an attack on Y', 'the threat of an invasion of Y', 'an
    assassination attempt'; and 'negated' for an event the noun's own adjective says did not
    come off ('the attempted assassination of X'). None when nothing hedges it."""
    lexicon = event_nouns()
    if any(c.lower_ in lexicon.unrealised_modifiers for c in noun.children if c.dep_ == "amod"):
        return Factuality.NEGATED
    if _sought_lead(noun):
        return Factuality.POSSIBLE
    head = _first_conjunct(noun)
    governor = head.head
    if head.dep_ == "pobj" and governor.dep_ == "prep":
        word = governor.head
        key = light_lemma(noun, word) if word.pos_ in {"VERB", "AUX"} else \
            f"{word.lemma_.lower()} {governor.lower_}"
    elif head.dep_ in {"dobj", "attr"} and governor.pos_ in {"VERB", "AUX"}:
        key = verb_lemma(governor)
    elif head.dep_ == "compound" and governor.pos_ == "NOUN":
        key = governor.lemma_.lower()  # 'an assassination attempt', 'a coup plot'
    else:
        return None
    return lexicon.hedging_governors.get(key)


def _governed_factuality(noun: Token, vocab: RelationVocabulary) -> Factuality:
    """The factuality of the verb whose object the event noun is, when that verb is itself
    not asserted: 'sought to create a conflict between X and Y', 'than to create a conflict
    between X and Y' bring about no conflict; the noun's event is as sure as its bringing
    about (blind judges called 'X fought Y' from such a sentence wrong on the second set)."""
    head = _first_conjunct(noun)
    if head.dep_ != "dobj" or head.head.pos_ != "VERB":
        return Factuality.ASSERTED
    return judge_factuality(head.head, vocab)


def _sought_lead(noun: Token) -> bool:
    """'a reward for information leading to his capture': the event a lead is sought for
    has not happened. The lead noun (``lead_nouns`` of factuality.json) must be what a
    'for'-phrase asks for; 'the raid leading to his capture' tells of a capture made."""
    head = _first_conjunct(noun)
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "to" or prep.head.dep_ != "acl":
        return False
    words = factuality_words()
    leading, lead = prep.head, prep.head.head
    return leading.lemma_.lower() in words.leading_verbs and \
        lead.lemma_.lower() in words.lead_nouns and lead.dep_ == "pobj" and \
        lead.head.lower_ == "for"


def _tally(noun: Token) -> bool:
    """Whether an event noun counts units held rather than deeds ('Pennsylvania's 20
    electoral votes', 'gave him six more votes'): a ``tally_nouns`` word, plural or counted."""
    return noun.lemma_.lower() in event_nouns().tally_nouns and _counted(noun)


def _counted(noun: Token) -> bool:
    """Whether a noun is plural or counted ('deaths', '55,000 deaths', 'six votes')."""
    return noun.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "nummod" for c in noun.children)


def _timed_clause(noun: Token) -> Token | None:
    """The verb a noun times through a preposition ('received during a visit', 'after talks
    with Y, X said', 'ahead of the summit'), or None."""
    prep = noun.head
    if noun.dep_ != "pobj" and not _verbal_preposition(noun):
        return None
    if prep.dep_ != "prep":
        return None
    if prep.lower_ == "of" and prep.head.lower_ == "ahead" and prep.head.dep_ in {"advmod", "prep"}:
        prep = prep.head  # 'ahead of the visit'
    if prep.lower_ not in event_nouns().clause_doer_preps or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    return prep.head


def _verbal_preposition(noun: Token) -> bool:
    """Whether the noun is the object of a preposition the tagger read as a verb ('crashed
    following departure from X', 'said following talks with Y': 'following' as a VERB with
    the noun as its dobj, hung on the clause as 'prep'); ``verbal_prepositions`` of
    nominal_events.json lists them."""
    head = noun.head
    return noun.dep_ == "dobj" and head.dep_ == "prep" and \
        head.lower_ in event_nouns().verbal_prepositions


def _stance_clause(noun: Token) -> Token | None:
    """The verb a noun of stance qualifies through 'in' ('rallied in support of X', 'marched
    in protest against Y', 'gathered in celebration of Z'; ``stance_nouns``): whoever does the
    verb does it in that stance, so the verb's subject supports X. None for any other noun or
    shape ('the rise in support for X' hangs the noun on a noun)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "in" or \
            noun.lemma_.lower() not in event_nouns().stance_nouns or \
            any(c.dep_ in {"det", "poss"} for c in noun.children):
        return None
    verb = prep.head
    return verb if verb.pos_ == "VERB" else None


def _clause_doers(state: DocState, verb: Token) -> list[Mention]:
    """Who makes the visit or holds the talks a clause is timed by ('X was received during
    a visit to Oslo' is X's visit; 'after talks with Y, X said'): the clause's subject,
    active or passive, when it names someone."""
    return [m for m in _clause_subjects(state, verb)
            if m.ner_label is not None or m.antecedent is not None]


def _event_noun_facts(state: DocState, sentence: Sentence, noun: Token, frame: EventNoun,
                      vocab: RelationVocabulary, *, patient_possessive: bool) -> Iterator[Fact]:
    spec = _relation_of(frame.verb, vocab)
    if noun.dep_ in {"dobj", "nsubjpass"} and \
            verb_lemma(noun.head) in event_nouns().cancelling_verbs:
        return  # 'cancelled his visit': no visit
    agents: list[tuple[Mention, str]] = []
    objects: list[Mention] = []
    under = _under_verb(noun)
    named_objects = list(_frame_objects(state, noun, frame)) or \
        _prenominal_destinations(state, noun)
    if under is None:
        under = _target_verb(noun)  # 'X was the target of an attack by Y'
    else:
        # 'X came under the occupation of Y': the one the verb's subject undergoes it from
        agents += [(m, "noun-of") for m in named_objects]
        named_objects = []
    possessed = [m for c in noun.children if c.dep_ == "poss"
                 and (m := referent(state, c, possessive=True)) is not None]
    rally = _rallying_verb(noun)
    if rally is not None:
        # "Y came to X's defense": X is defended, by the verb's subject
        objects += possessed
        agents += [(m, f"light-{light_lemma(noun, rally)}")
                   for m in _undergoers(state, rally) if m not in possessed]
    elif patient_possessive and not named_objects:
        # "Navalny's arrest": he was arrested; but 'the party's nomination': it nominates
        acting = [m for m in possessed if m.type is EntityType.ORGANIZATION and
                  noun.lemma_.lower() in event_nouns().organisation_doers]
        # "Ohio's special election": held there; no one elected the state
        venues = [m for m in possessed if m.type is EntityType.PLACE and
                  noun.lemma_.lower() in event_nouns().place_venues]
        objects += [m for m in possessed if m not in acting and m not in venues]
        agents += [(m, "noun-possessive") for m in acting]
    else:
        agents += [(m, "noun-possessive") for m in possessed]  # "X's arrest of Y", 'its attack'
    by_agents = list(_prep_objects(state, noun, frame.agent))
    if not by_agents and "from" in frame.agent:
        by_agents = _source_doers(state, noun)  # 'support for X came from Y'
    agents += [(m, "noun-by") for m in by_agents]
    if not agents:
        agents += [(m, "noun-by") for m in _agents_on_object(state, noun, frame)]
    if not agents:
        agents += [(m, "noun-prenominal") for m in _prenominal_doers(state, noun)]
    if not agents and not patient_possessive and under is None and named_objects:
        agents += [(m, "noun-named-by") for m in _named_as_event(state, noun)]
    objects += named_objects
    light = light_verb(noun)
    undergoer = (_patient_light_verb(noun) or under) if light is None else None
    if undergoer is not None:
        # 'X received support from Y', 'X suffered a defeat by Y', 'X came under attack from
        # Y': the verb's subject is the one it is done to; the doer comes with 'by' or
        # 'from', on the noun or the verb.
        objects += [m for m in _undergoers(state, undergoer) if m not in objects]
        agents += [(m, "noun-by") for m in _prep_objects(state, undergoer, (*frame.agent, "from"))
                   if m not in objects]
        if under is not None:
            agents += [(m, "noun-by") for m in _prep_objects(state, noun, ("from",))
                       if m not in objects]
    clause = _timed_clause(noun) if not agents and light is None and \
        noun.lemma_.lower() in event_nouns().clause_doer_nouns else None
    if clause is not None:
        agents += [(m, "noun-clause-subject") for m in _clause_doers(state, clause)]
    stance = _stance_clause(noun) if not agents and light is None and clause is None else None
    if stance is not None:
        agents += [(m, "noun-stance-subject") for m in _clause_subjects(state, stance)]
    court = (_accusing_verb(noun) or _penalty_verb(noun)) if not agents else None
    if court is not None:
        # 'charged in the slaying of Y', 'X, suspected of the assassination of Y', 'X is
        # serving a sentence for the murder of Y': the one held to it is the doer; reported
        # unless it is a verdict
        agents += [(m, f"noun-accused-{verb_lemma(court)}") for m in _held_to(state, court)]
    suspect = _suspect_noun(noun) if not agents else None
    if suspect is not None:
        # 'Z, the suspect in the shooting of Y': Z did it, as those who suspect Z say
        agents += [(m, f"noun-suspect-{suspect.lemma_.lower()}")
                   for m in _named_by(state, suspect) if m.type is EntityType.PERSON]
    circumstances = Frame()
    _prenominal_circumstances(state, noun, circumstances,
                              [*objects, *(m for m, _ in agents)])
    for child in noun.children:
        if child.dep_ == "prep":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                if pobj.ent_type_ in {"DATE", "TIME"}:
                    add_time(state, circumstances, pobj)
                elif (role := _frame_role(spec, frame, child.lower_)) is not None and \
                        (other := referent(state, pobj)) is not None and \
                        other.type is not EntityType.DATE and other not in objects:
                    # 'the sale of X to Y': the verb's own prepositions give its roles
                    circumstances.roles.append(Role(name=role, mention=other))
                else:
                    place = state.mention_at.get(pobj.i)
                    if place is not None and place.type is EntityType.PLACE and \
                            child.lower_ in vocab.place_preps and place not in objects:
                        circumstances.roles.append(Role(name=RoleName.PLACE, mention=place))
    factuality = Factuality.ASSERTED
    speaker = None
    if undergoer is not None or rally is not None:
        factuality = judge_factuality(undergoer or rally, vocab)
        speaker = speaker_of(state, undergoer or rally, vocab)
    if light is not None:
        # 'made a surprise visit to Kyiv', 'held talks with X': the light verb's subject acts,
        # unless the noun names its own doer ('Reuters announced the acquisition of Y by Z',
        # "the ministry announced Kest's visit to Oslo": Z bought, Kest visited; the
        # announcer did neither)
        if not agents and not _parties_named(state, noun):
            subjects = Frame()
            fill_subjects(state, light, subjects)
            agents += [(m, f"light-{light_lemma(noun, light)}") for m, _ in subjects.subjects]
        objects += [m for m in _frame_objects(state, light, frame) if m not in objects]
        factuality = light_factuality(light, noun, vocab)
        speaker = speaker_of(state, light, vocab)
    elif (timing := clause or stance) is not None and agents:
        factuality = judge_factuality(timing, vocab)  # 'will meet Y ahead of his trip'
    elif _requested(noun):
        factuality = Factuality.NORMATIVE  # 'called for the resignation of X': not done
    elif any(c.lower_ in EXPECTED_MODIFIERS for c in noun.children if c.dep_ == "amod"):
        # 'the planned trip to Warsaw, which was cancelled': a plan called off did not happen
        factuality = Factuality.NEGATED if plan_called_off(noun) else Factuality.EXPECTED
    elif any(c.lower_ in REPORTED_MODIFIERS for c in noun.children if c.dep_ == "amod") or \
            suspect is not None or (court is not None and _only_accused(court, vocab)):
        factuality = Factuality.REPORTED
    if factuality is Factuality.ASSERTED and (hedged := _hedged(noun)) is not None:
        factuality = hedged  # 'planned a visit to X', 'the threat of an attack on Y'
    if factuality is Factuality.ASSERTED and light is None and undergoer is None:
        factuality = _governed_factuality(noun, vocab)
    if not objects and len(agents) >= 2 and (spec.predicate in vocab.symmetric_predicates or (
            "between" in frame.agent and len(by_agents) >= 2)):
        # 'talks between X and Y', 'the meeting of X, Y and Z': each met each other one
        yield from _reciprocal_nominal(state, sentence, noun, spec.predicate, frame.verb,
                                       agents, circumstances.roles, factuality, speaker)
        return
    trigger = noun.doc[noun.i:noun.i + 1]
    if frame.verb in vocab.occurrence_verbs and not named_objects and \
            spec.predicate not in vocab.symmetric_predicates:
        # "Kest's resignation", 'announced his death', 'after his arrival in Oslo': the event
        # with its one participant, as 'Kest resigned' would say it. Whoever announces or
        # mourns a death did not die.
        # 'X had 55,000 deaths': counted events a light verb's subject has are where they
        # happened, not who underwent them
        doers = possessed or by_agents or (
            [m for m, _ in agents] if light is not None and not _counted(noun) and
            light_lemma(noun, light) in event_nouns().support_verbs else [])
        for one in doers:
            if one.type in NAMED:
                yield make_fact(state, sentence, trigger, predicate=spec.predicate,
                                lemma=frame.verb, subject=one, obj=None,
                                rule=f"noun-possessive/noun-{noun.lemma_.lower()}",
                                roles=circumstances.roles, factuality=factuality,
                                speaker=speaker)
        return
    undergone = patient_possessive or under is not None
    if not agents and undergone and len(objects) == 1 and objects[0].type in NAMED \
            and light is None and (undergoer is not None or
                                   any(c.dep_ == "poss" for c in noun.children)):
        # "Berg's arrest": done to him by no one named, as 'Berg was arrested' says it.
        how = "noun-possessive" if undergoer is None else \
            "noun-under" if under is not None else f"light-{verb_lemma(undergoer)}"
        yield make_fact(state, sentence, trigger, predicate=spec.predicate, lemma=frame.verb,
                        subject=objects[0], obj=None,
                        rule=f"{how}-patient/noun-{noun.lemma_.lower()}",
                        roles=circumstances.roles, factuality=factuality, speaker=speaker,
                        subject_role=RoleName.THEME)
    for agent, rule in agents:
        for obj in objects:
            if same_span(agent, obj) or (agent.type not in NAMED and obj.type not in NAMED) \
                    or obj.start <= noun.idx < obj.end:
                continue  # (nor is the event its own object: 'support for the bill')
            fits = _sense_fits(spec, obj)
            yield make_fact(state, sentence, trigger,
                            predicate=spec.predicate if fits else frame.verb.replace(" ", "_"),
                            lemma=frame.verb, subject=agent, obj=obj,
                            rule=f"{rule}/noun-{noun.lemma_.lower()}",
                            roles=circumstances.roles if fits else [
                                r for r in circumstances.roles
                                if r.name in {RoleName.TIME, RoleName.PLACE}],
                            factuality=factuality, speaker=speaker)


def _sense_fits(spec: RelationSpec, obj: Mention) -> bool:
    """Whether the noun's object is of a kind the relation's sense takes, as the verb's own
    object must be (``object_types``, ``other_sense_objects`` of relations.json): "the
    United States' return to spaceflight" returned to no place, so the fact keeps the verb's
    own name, not 'traveledTo' (judged nonsense on the second set's sheet)."""
    if spec.object_types and obj.type not in spec.object_types:
        return False
    return not spec.other_sense(obj.lemma or obj.text, named=not classed(obj))


def _relation_of(verb: str, vocab: RelationVocabulary) -> RelationSpec:
    """The relation a hand-listed event noun's verb names; a verb relations.json does not
    list ('the trial of X': try; 'the intervention of X in Y': intervene) keeps its own name,
    as the verb path keeps it ('tried', 'intervened'): the noun was listed for its deed,
    which is no less said for having no typed predicate."""
    return vocab.spec(verb) or RelationSpec(predicate=verb.replace(" ", "_"))


def _parties_named(state: DocState, noun: Token) -> bool:
    """Whether the noun's own 'between'-phrase names two or more parties ('arranged a
    meeting between X and Y', 'brokered talks between X and Y'): they are the ones who meet,
    and the light verb's subject only brings it about (blind judges called 'Z met X', read
    from 'Z worked to arrange a meeting between X and Y', wrong on the second set)."""
    return len(list(_prep_objects(state, noun, ("between",)))) >= 2


def _reciprocal_nominal(state: DocState, sentence: Sentence, noun: Token, predicate: str,
                        verb: str, agents: list[tuple[Mention, str]], roles: list[Role],
                        factuality: Factuality, speaker: Mention | None) -> Iterator[Fact]:
    trigger = noun.doc[noun.i:noun.i + 1]
    for i, (one, rule) in enumerate(agents):
        for other, _ in agents[i + 1:]:
            if not same_span(one, other):
                yield make_fact(state, sentence, trigger, predicate=predicate, lemma=verb,
                                subject=one, obj=other,
                                rule=f"{rule}/noun-{noun.lemma_.lower()}",
                                roles=roles, factuality=factuality, speaker=speaker)


def _named_by(state: DocState, noun: Token) -> list[Mention]:
    """The names a person noun stands for: in apposition ('Z, the founder of X'; 'the
    suspect, Z') or as the complement of the name's copula ('Z is the founder of X')."""
    people: list[Mention] = []
    if noun.dep_ == "appos" and (m := state.mention_at.get(noun.head.i)) is not None:
        people.append(m)
    people += [m for c in noun.children if c.dep_ == "appos"
               and (m := state.mention_at.get(c.i)) is not None]
    if noun.dep_ == "attr":
        people += [m for c in noun.head.children if c.dep_ == "nsubj"
                   and (m := state.mention_at.get(c.i)) is not None]
    return people


def _named_by_complement(state: DocState, noun: Token) -> list[Mention]:
    """The names a person noun stands for as the subject of a copula whose complement is the
    name ("Marek's killer was Z", 'the founder of X is Z'): the copula said the other way
    round from 'Z is the founder of X'."""
    if noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return []
    return [m for c in noun.head.children if c.dep_ == "attr"
            and (m := state.mention_at.get(c.i)) is not None]


def _named_as_event(state: DocState, noun: Token) -> list[Mention]:
    """The names an event noun with its object is said to be: in apposition ('Harvest Day,
    an annual commemoration of the uprising') or as the complement of the name's copula
    ('Night Harbor is a continuation of Red Dock'). The name does the noun's deed, as the
    gold writers of both sets read it ('commemorate', 'continue'); a pronoun or a bare
    noun names nothing here."""
    return [m for m in _named_by(state, noun)
            if m.ner_label and m.start < noun.idx
            and (m.type is not EntityType.DATE or _named_day(m))
            and state.mention_at.get(noun.i) is None]


def _named_day(mention: Mention) -> bool:
    """Whether a date is a named observance ('Harvest Day', 'Founders Remembrance Week': the
    tagger's DATE) that can commemorate or celebrate, not a day of the calendar ('Monday',
    'March 4')."""
    words = mention.text.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and \
        not any(ch.isdigit() for ch in mention.text)


def _suspect_noun(noun: Token) -> Token | None:
    """The noun of a suspect a deed noun completes ('Z, the suspect in the shooting of Y',
    'Z, a defendant in the killing of Y'), from ``suspect_nouns``; else None."""
    head = _first_conjunct(noun)
    if head.dep_ != "pobj" or head.head.dep_ != "prep" or head.head.lower_ not in {"in", "for"}:
        return None
    suspect = head.head.head
    return suspect if suspect.pos_ == "NOUN" and \
        suspect.lemma_.lower() in event_nouns().suspect_nouns else None


def _agent_noun(state: DocState, sentence: Sentence, noun: Token, frame: EventNoun,
                vocab: RelationVocabulary) -> Iterator[Fact]:
    """"Kessler's assassin, Z", 'Z, the founder of X', 'Z is the founder of X'. Only a
    verb with a typed relation: a doer noun of an untyped one is most often a title
    ('author', 'curator') that titles.py reads, and a fact of its verb beside the title
    made the title's holder worse on the dev set."""
    spec = vocab.spec(frame.verb)
    if spec is None:
        return
    people = _named_by(state, noun) + _named_by_complement(state, noun)
    objects = [m for c in noun.children if c.dep_ == "poss"
               and (m := referent(state, c)) is not None]
    if noun.dep_ == "compound" and (m := state.mention_at.get(noun.head.i)) is not None:
        # 'Kessler assassin Z', 'Orion founder Z': the noun stands as a title before the
        # doer's name, and a name before the noun is what was done to
        people.append(m)
        objects += [o for c in noun.children if c.dep_ == "compound" and c.i < noun.i
                    and (o := state.mention_at.get(c.i)) is not None and o.type in NAMED
                    and o is not m]
        # "Garfield's assassin Charles Guiteau": the parser hangs the possessive on the name
        objects += [o for c in noun.head.children if c.dep_ == "poss" and c.i < noun.i
                    and (o := referent(state, c)) is not None and o is not m]
    objects += list(_prep_objects(state, noun, frame.object))
    trigger = noun.doc[noun.i:noun.i + 1]
    for person in people:
        if person.type is not EntityType.PERSON and person.type is not EntityType.ORGANIZATION:
            continue
        for obj in objects:
            if same_span(person, obj):
                continue
            rule = f"agent-noun-{noun.lemma_.lower()}"
            # 'an early adopter of scuba equipment' approved none: another sense of the verb
            other = spec.other_sense(obj.lemma or obj.text, named=not classed(obj))
            predicate = frame.verb.replace(" ", "_") if other else spec.predicate
            yield make_fact(state, sentence, trigger, predicate=predicate, lemma=frame.verb,
                            subject=person, obj=obj, rule=rule, roles=())
