"""Facts said with verbs: a verb with its subject, object and roles.

The slots a verb fills directly (``nsubj``, a passive's agent, ``dobj``, datives, prepositional
phrases, dated modifiers) are found by the named DependencyMatcher patterns of
``data/patterns.json``; what patterns cannot say because it follows the tree upwards lives in
``subjects`` (who acts) and ``verb_roles`` (what the verb is about, and where, when and how),
over the shared ``frames``. This module is the entry point that turns them into facts
(``facts_for_verb``): which verbs state facts at all (readings, speakers, idioms), participles,
coordinated verbs that share their participants, headline and agentless passives (the doer an
'in'-phrase gives: 'condemned in a statement by X', 'killed in a bombing') and reciprocal facts.
Each fact names the rule that produced it (``subject-rule/object-rule``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from kg.extract.complements import idiom_topics
from kg.extract.facts import make_fact, same_span
from kg.extract.frames import FINITE_TAGS, Frame, Reading, occurrence_verb, verb_lemma
from kg.extract.preferences import classed, complement_sense, doer_fits
from kg.extract.reference import COMPLEMENT_PREPS, conjuncts, referent, says_who
from kg.extract.state import DocState, nonblank_sents
from kg.extract.subjects import (
    _firer,
    _hidden_agents,
    _issuers,
    fill_subjects,
    headline_patient,
    joint_doers,
    modifier_doers,
    owner_doers,
    participle_patients,
    passive_participle_clause,
)
from kg.extract.verb_roles import _fill_objects_and_roles, _prepositional_object
from kg.factuality import governors, judge_factuality
from kg.lexicon import (
    argument_words,
    canonical_role,
    control_words,
    event_nouns,
    event_verbs,
    object_verbs,
    role_modifiers,
    verdict_verbs,
)
from kg.model import EntityType, Fact, Factuality, Mention, Role, RoleName, Sentence
from kg.relations import RelationSpec, RelationVocabulary, VerbIdiom, load_vocabulary


def facts_for_verb(state: DocState, sentence: Sentence, verb: Token,
                    vocab: RelationVocabulary) -> Iterator[Fact]:
    """The facts a verb states: its own, and, for an infinitive after a governor whose act
    is recorded with it ('agreed to wear a tag'), the governing act too (``governed_facts``)."""
    facts = list(_verb_facts(state, sentence, verb, vocab))
    yield from facts
    yield from governed_facts(state, sentence, verb, facts, vocab)


def governed_facts(state: DocState, sentence: Sentence, verb: Token, facts: list[Fact],
                   vocab: RelationVocabulary) -> Iterator[Fact]:
    """The act of the verb an infinitive completes, stated with it: 'Dara agreed to wear a
    tag' is the wearing (to come) and an agreement that happened, 'X --agree to wear--> tag';
    'declined to comment' a refusal, 'voted to leave the union' a vote. Only after a governor
    whose own act is an event a reader writes down (``recorded_governors`` in
    data/control.json), and only for the facts whose subject is the governor's own, borrowed
    by the infinitive ('inherited-xcomp'): in 'urged Pak to resign' Pak resigns, and nobody
    agreed to anything. The fact is as sure as the governor ('did not agree to wear':
    negated; 'opted not to compete' is a choice made: 'opt not to compete'), its
    participants and roles the infinitive's."""
    governor = verb.head
    if verb.dep_ != "xcomp" or governor.pos_ != "VERB" or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return
    governing = verb_lemma(governor)
    if governing not in control_words().recorded_governors:
        return
    factuality = judge_factuality(governor, vocab)
    speaker = speaker_of(state, governor, vocab)
    trigger = verb.doc[min(governor.i, verb.i):max(governor.i, verb.i) + 1]
    # 'opted not to compete': the choice was made, of not competing; the word stays.
    to = "not to" if any(c.dep_ == "neg" for c in verb.children) else "to"
    for fact in facts:
        if not fact.evidence.rule.startswith("inherited-xcomp/"):
            continue
        lemma = f"{governing} {to} {fact.lemma}"
        yield make_fact(state, sentence, trigger, predicate=lemma.replace(" ", "_"),
                        lemma=lemma, subject=fact.subject.mention,
                        obj=fact.object.mention if fact.object else None,
                        rule=f"{fact.evidence.rule}+governor", roles=fact.roles,
                        factuality=factuality, speaker=speaker,
                        subject_role=fact.subject.name)


def _verb_facts(state: DocState, sentence: Sentence, verb: Token,
                vocab: RelationVocabulary) -> Iterator[Fact]:
    lemma = verb_lemma(verb)
    if states_nothing(verb, lemma):
        return
    idiom = verb_idiom(verb, lemma, vocab)
    if idiom is not None:
        yield from _idiom_facts(state, sentence, verb, idiom, vocab)
        return
    spec = vocab.spec(lemma)
    frame = Frame()
    fill_subjects(state, verb, frame)
    frame.subjects = [(m, rule) for m, rule in frame.subjects if not _measured_by(verb, m)]
    if frame.subjects and _headline_passive(sentence, verb):
        yield from _headline_passive_facts(state, sentence, verb, lemma, spec, vocab, frame)
        return
    if firer := _firer(state, verb):
        frame.subjects = firer  # 'X fired the shots that killed Y': X killed Y
    frame.subjects += _companions(state, frame.subjects)
    if not frame.subjects:
        shared = list(_coordinated_passive_facts(state, sentence, verb, lemma, spec, vocab))
        if shared:
            yield from shared
            return
        if (verb.dep_ in {"acl", "amod"} and verb.tag_ == "VBN") or \
                passive_participle_clause(verb):
            yield from _participle(state, sentence, verb, lemma, spec, vocab)
        else:
            yield from _agentless_passive(state, sentence, verb, lemma, spec, vocab)
        return
    _fill_objects_and_roles(state, verb, spec, frame, vocab)
    gerund = [(m, "inherited-nsubjpass-gerund") for m in _gerund_patients(state, verb)]
    if gerund and all(rule.startswith("prep-") for _, rule in frame.objects):
        # 'freed after being questioned by police': the 'by'-phrase is the doer, the freed
        # one the patient; 'being voted into the post by X': the one voted in, not the post.
        frame.objects = gerund
    if not frame.objects:
        frame.objects = _shared_objects(state, verb) or _infinitive_subjects(state, verb)
    if lemma in event_nouns().support_verbs:
        # 'made a visit to Kyiv', 'held talks with X': the event noun states the fact (nominal).
        frame.objects = [(m, r) for m, r in frame.objects
                         if _head_word(m.lemma or "") not in event_nouns().nouns]
    symmetric = spec is not None and spec.predicate in vocab.symmetric_predicates
    if symmetric and not frame.objects and len(frame.subjects) >= 2:
        frame.reciprocal = RoleName.THEME  # 'Sorokin and Pak met': they met each other
    conversation = _with_each_other(verb, lemma, frame)
    if conversation:
        frame.reciprocal = RoleName.THEME  # 'X and Y spoke on the phone': with each other
    if symmetric and len(frame.subjects) == 1 and len(frame.objects) == 1:
        # 'Sorokin met Pak. They exchanged rifles.': the two are the group 'they' refers to.
        pair = [frame.subjects[0][0], frame.objects[0][0]]
        if all(m.ner_label not in (None, "PROPN") for m in pair):
            state.last_group = (sentence.index, pair)
    reading = _reading(state, verb, lemma, spec, vocab)
    if firer and reading.factuality is Factuality.ASSERTED:
        # 'allegedly fired the shots that killed Y': the killing is as sure as the firing.
        reading = Reading(reading.lemma, reading.spec, reading.speaker,
                          judge_factuality(verb.head.head, vocab))
    if conversation:
        reading = Reading(f"{lemma} with", None, reading.speaker, reading.factuality)
    if not frame.objects and frame.reciprocal is None:
        preps = vocab.occurrence_object_preps if occurrence_verb(
            verb, lemma, vocab, passive=False) else vocab.object_preps
        reading = _prepositional_object(state, verb, reading, frame, preps)
    if frame.reciprocal is not None and len(frame.subjects) >= 2:
        yield from _reciprocal_facts(state, sentence, verb, reading, frame)
        return
    if not frame.objects and not any(c.dep_ in {"dobj", "attr", "oprd", "agent", "nsubjpass"}
                                     for c in verb.children):
        occurrence = occurrence_verb(verb, lemma, vocab, passive=False)
        if occurrence or _intransitive_event(verb, lemma, vocab):
            # 'X resigned', 'X died in Paris on Monday': one participant, roles as they come;
            # 'the campaign started on Monday', 'police also attended'.
            if not occurrence and _wants_complement(lemma):
                return
            rule = "intransitive" if occurrence else "intransitive-other"
            if not occurrence:
                # The verb's own word: a relation's predicate is for its transitive sense
                # ('contributed' is not 'gave', 'came in second' is not 'travelled').
                reading = Reading(lemma, None, reading.speaker, reading.factuality)
            for subject, subject_rule in frame.subjects:
                # A verb of happening takes any subject: a description ('the bid failed')
                # or a capitalised word the tagger alone called a name ('twelve Liberals
                # defected', the mention labelled PROPN), as much a participant as 'the bid'.
                if occurrence or _happening(verb, lemma) or \
                        subject.ner_label not in (None, "PROPN") or \
                        (subject.lemma or "")[:1].isdigit() or \
                        (subject.antecedent is not None and subject.antecedent.ner_label):
                    yield _fact(state, sentence, verb, reading, subject, None,
                                f"{subject_rule}/{rule}", frame.roles)
        return
    for subject, subject_rule in frame.subjects:
        for obj, object_rule in frame.objects:
            if same_span(subject, obj):
                continue
            yield _fact(state, sentence, verb, reading, subject, obj,
                        f"{subject_rule}/{object_rule}", frame.roles)


def _infinitive_subjects(state: DocState, verb: Token) -> list[tuple[Mention, str]]:
    """Whom a verb of letting or asking someone act acts on when the parser reads its object
    as the subject of the infinitive after it: 'the council allowed Kessel Air to build a
    hangar' is parsed 'allowed [Kessel Air to build a hangar]', yet the council allowed
    Kessel Air (``object_control`` and ``object_raising`` in data/control.json; the
    infinitive keeps its own subject). Not after any other verb: in 'said Pak to be ill' or
    'wanted the army to leave' the governing verb does nothing to the infinitive's subject."""
    words = control_words()
    if verb_lemma(verb) not in words.object_control | words.object_raising:
        return []
    return [(mention, "ccomp-nsubj")
            for clause in verb.children if clause.dep_ == "ccomp" and clause.i > verb.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            for subject in clause.children if subject.dep_ == "nsubj" and subject.i > verb.i
            for conj in conjuncts(subject)
            if (mention := referent(state, conj)) is not None]


# What may stand between a verb and the verb it is coordinated with when the two share the
# object after the second: 'arrested and charged X', 'bought, renovated and sold X'.
COORDINATION_GAP_DEPS = frozenset({"cc", "punct", "advmod", "neg", "prt", "conj", "advcl"})


def _shared_objects(state: DocState, verb: Token) -> list[tuple[Mention, str]]:
    """'Police arrested and charged X', 'X sued and defeated Y': coordinated verbs with one
    subject share the object written once, after the last of them (right-node raising). A
    verb takes it only when nothing of its own follows it before the next verb (no object,
    preposition or clause: 'returned to Oslo and sold the house' does not return the house),
    and only from a later conjunct with no subject of its own. Only a verb of the relation
    vocabulary, which takes an object, and not one that states an event alone: 'smiled and
    thanked X' did not smile X, 'arrived and shot X' did not arrive X. Verbs joined by 'or'
    share nothing: 'to own or possess a gun' asserts neither."""
    vocab = load_vocabulary()
    lemma = verb_lemma(verb)
    if verb.pos_ != "VERB" or vocab.spec(lemma) is None or lemma in vocab.occurrence_verbs or \
            _alternatives(verb):
        return []
    if any(c.dep_ not in COORDINATION_GAP_DEPS for c in verb.children if c.i > verb.i):
        return []
    if any(c.dep_ in {"nsubjpass", "auxpass", "ccomp", "xcomp"} for c in verb.children):
        return []
    later = _later_conjuncts(verb)
    for other in later:
        if other.pos_ != "VERB" or any(c.dep_ in {"nsubj", "nsubjpass", "auxpass", "expl"}
                                       for c in other.children):
            return []
        objects = [c for c in other.children if c.dep_ == "dobj" and c.i > other.i]
        if objects:
            return [(m, "inherited-dobj-conj") for o in objects for c in conjuncts(o)
                    if (m := referent(state, c)) is not None and m.type is not EntityType.DATE]
        if any(c.dep_ not in COORDINATION_GAP_DEPS for c in other.children if c.i > other.i):
            return []
    return []


def _coordinated_passive_facts(state: DocState, sentence: Sentence, verb: Token, lemma: str,
                               spec: RelationSpec | None, vocab: RelationVocabulary
                               ) -> Iterator[Fact]:
    """'X was shot and killed by Y': coordinated passives share the subject and auxiliary
    written before the first and the 'by'-phrase written after the last, so Y shot X and Y
    killed X. The parser gives the 'by'-phrase to the last verb and the subject to the first;
    each verb here takes what it lacks from the other. Nothing when the first verb has a
    'by'-phrase of its own ('was shot by Y and died': its own facts say it)."""
    first = verb
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and \
            not any(c.dep_ in {"nsubj", "nsubjpass", "auxpass"} for c in verb.children):
        first = verb.head
    if first.pos_ != "VERB" or first.tag_ != "VBN" or _alternatives(first) or \
            not any(c.dep_ == "auxpass" for c in first.children) or \
            any(c.dep_ == "neg" for c in first.children):
        return  # 'were not connected to or impacted by X': neither, and not both
    # One passive subject: a second is the parser's ('Today's highlight: X was shot ...').
    subjects = [c for c in first.children if c.dep_ == "nsubjpass" and c.i < first.i][-1:]
    patients = [m for c in subjects for conj in conjuncts(c)
                if (m := referent(state, conj)) is not None and m.type is not EntityType.DATE]
    own = _agents(state, verb)
    if own and first is verb:
        return  # its own 'by' and its own subject: an ordinary passive
    agents = [(m, "agent") for m in own]
    if not agents and first is verb:
        # The first verb borrows the agent of the last, if nothing of its own stands between.
        if any(c.dep_ not in COORDINATION_GAP_DEPS for c in verb.children if c.i > verb.i):
            return
        for other in _later_conjuncts(verb):
            if any(c.dep_ in {"nsubj", "nsubjpass", "auxpass"} for c in other.children):
                return
            agents = [(m, "inherited-agent-conj") for m in _agents(state, other)]
            if agents or any(c.dep_ not in COORDINATION_GAP_DEPS
                             for c in other.children if c.i > other.i):
                break
    if not agents or not patients:
        return
    frame = Frame()
    _fill_objects_and_roles(state, verb, spec, frame, vocab)
    taken = [*patients, *(m for m, _ in agents)]
    roles = [r for r in frame.roles if not any(same_span(r.mention, t) for t in taken)]
    reading = _reading(state, verb, lemma, spec, vocab)
    patient_rule = "nsubjpass" if first is verb else "inherited-nsubjpass-conj"
    for agent, agent_rule in agents:
        for patient in patients:
            if not same_span(agent, patient):
                yield _fact(state, sentence, verb, reading, agent, patient,
                            f"{agent_rule}/{patient_rule}", roles)


def _alternatives(verb: Token) -> bool:
    """Whether the verbs coordinated with this one are joined by 'or' or 'nor'."""
    first = verb.head if verb.dep_ == "conj" else verb
    return any(c.dep_ == "cc" and c.lower_ in {"or", "nor"}
               for t in (first, verb) for c in t.children)


def _agents(state: DocState, verb: Token) -> list[Mention]:
    """Who a passive's own 'by'-phrase names ('by Y and Z')."""
    return [m for c in verb.children if c.dep_ == "agent" for p in c.children
            if p.dep_ == "pobj" for conj in conjuncts(p)
            if (m := referent(state, conj)) is not None and m.type is not EntityType.DATE]


def _later_conjuncts(verb: Token) -> list[Token]:
    """The verbs coordinated with this one that come after it, nearest first: spaCy hangs
    every conjunct on the first ('bought, renovated and sold': 'renovated' and 'sold' on
    'bought'), or chains them ('renovated' as a clause of 'bought', 'sold' on 'renovated')."""
    chain = [c for c in verb.children if c.dep_ in {"conj", "advcl"} and c.i > verb.i]
    if verb.dep_ == "conj":
        chain += [c for c in verb.head.children if c.dep_ == "conj" and c.i > verb.i]
    found: list[Token] = []
    for token in sorted(chain, key=lambda t: t.i):
        if token.dep_ == "advcl" and not _right_after_coordinator(token):
            continue  # a clause of its own ('left after ...'), not a coordinated verb
        found.append(token)
        found += [c for c in token.children if c.dep_ == "conj"]
    # Like verbs in like forms: 'exploded, killing eight' is a participle, not a coordination.
    return sorted((t for t in found if _like_form(verb, t)), key=lambda t: t.i)


def _like_form(verb: Token, conjunct: Token) -> bool:
    """Whether a later conjunct is in the verb's own form. A past participle with no
    auxiliary after a past tense is the parser's tag for a second past tense ('covered up
    and protected the officials', 'hid and destroyed the files'): English cannot coordinate
    a finite verb with a bare participle, so it is one too. A participle with an auxiliary
    of its own ('arrived and was arrested') stays a clause of its own."""
    if conjunct.tag_ == verb.tag_:
        return True
    return verb.tag_ == "VBD" and conjunct.tag_ == "VBN" and \
        not any(c.dep_ in {"aux", "auxpass"} for c in conjunct.children)


def speaks_of_thing(verb: Token, vocab: RelationVocabulary) -> bool:
    """Whether a verb of speech kg otherwise skips states a fact: 'denied the accusation',
    'cited the treaty' (``thing_speech_verbs`` with a noun or a recognised name as object and
    no clause carrying what was said), 'told Pak about the plan' (``addressee_speech_verbs``
    with a person named as object and no clause). 'X said that ...', 'told reporters' and
    'told the BBC, "..."' (a source named for a quote: attribution, judged no fact) stay
    attribution."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects and lemma in vocab.thing_speech_verbs and _named_doer_phrase(verb):
        # 'the attack was claimed by the Front', 'the report was denied by the ministry':
        # the passive says what the active does, what was claimed its patient.
        objects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not objects:
        return False
    if any(c.dep_ in {"ccomp", "xcomp", "csubj"} for c in verb.children):
        return False
    if lemma in vocab.addressee_speech_verbs:
        return all(o.ent_type_ == "PERSON" for o in objects)
    return lemma in vocab.thing_speech_verbs and \
        all(o.pos_ == "NOUN" or (o.pos_ == "PROPN" and o.ent_type_) for o in objects)


def _named_doer_phrase(verb: Token) -> bool:
    """Whether a passive has a 'by'-phrase that names who did it (not 'by two weeks': a
    measure, ``_measure_agent``)."""
    return any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.dep_ == "agent" and not _measure_agent(c) for c in verb.children)


# Entity labels of a 'by'-phrase that says how much, not who: 'extended by two weeks', 'cut
# by 5%', 'raised by $2 million', 'won by 12 votes' (a number before its noun, too).
MEASURE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL"})


def _measure_agent(agent: Token) -> bool:
    """Whether a passive's 'by'-phrase is a measure of the change, not its doer: its noun is
    a date, a time, an amount or a number, or a noun counted by a number ('by 12 votes')."""
    objects = [c for c in agent.children if c.dep_ == "pobj"]
    return bool(objects) and all(
        o.ent_type_ in MEASURE_LABELS or o.like_num or
        any(c.dep_ == "nummod" and (c.like_num or c.ent_type_ == "CARDINAL")
            for c in o.children) for o in objects)


def _measured_by(verb: Token, mention: Mention) -> bool:
    """Whether a doer read from a passive's 'by'-phrase is the measure of the change ('was
    passed by 12 votes', 'raised by 5%'): nobody did it, and the passive is agentless."""
    return any(c.dep_ == "agent" and _measure_agent(c) and
               c.idx <= mention.start < c.right_edge.idx + len(c.right_edge)
               for c in verb.children)


# Singular subjects a verb in the base form does not agree with: 'God bless X' is a wish.
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})


def states_nothing(verb: Token, lemma: str) -> bool:
    """A verb that is no event of its own: a wish or formula ('God bless X', 'long live the
    King': a verb of ``optative_verbs`` in the base form with a singular subject it does not
    agree with, and no auxiliary), or a raising verb that only carries the verb after it
    ('had come to believe', 'happened to meet': ``raising_verbs`` with an infinitive), or a
    title the parser took for a verb ('systems engineer Jan Novak') or a participle that
    only qualifies a title ('sitting President X', ``_modifier_before_title``), or a label
    or a companion (``_labels_or_accompanies``)."""
    words = argument_words()
    if lemma in control_words().raising_verbs and _infinitive_after(verb):
        return True
    if _title_before_name(verb) or _modifier_before_title(verb) or \
            _labels_or_accompanies(verb, lemma):
        return True
    if lemma not in words.optative_verbs or verb.tag_ not in {"VB", "VBP"} or \
            any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and c.tag_ in SINGULAR_NOUN_TAGS and
               not any(d.dep_ == "conj" for d in c.children) for c in verb.children)


def _labels_or_accompanies(verb: Token, lemma: str) -> bool:
    """A verb whose sense here is no event of its own: a label given with an object
    complement ('called the agreement illegitimate': an opinion of it), or a companion in a
    deed a gerund names ('joined the other clinics in returning to normal': the return is the
    event, read from the gerund; no clinic was joined)."""
    vocab = load_vocabulary()
    if lemma in vocab.labelling_verbs and any(
            c.dep_ == "oprd" or (c.dep_ == "dobj" and _quote_after(c)) for c in verb.children):
        return True
    preps = vocab.companion_verbs.get(lemma, frozenset())
    return any(c.dep_ == "dobj" for c in verb.children) and any(
        p.dep_ == "prep" and p.lower_ in preps and
        any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in p.children)
        for p in verb.children)


# Straight single quotes are left out: "the players' union" closes a possessive.
OPENING_QUOTES = frozenset({'"', "“", "‘"})


def _quote_after(noun: Token) -> bool:
    """A quotation opening right after a noun: 'calling the agreements "legitimate and
    fully compatible"', the label the parser hangs on the noun instead of the verb."""
    following = noun.doc[noun.i + 1:noun.i + 3]
    return len(following) == 2 and following[0].text in OPENING_QUOTES and \
        not following[1].is_punct


def _title_before_name(verb: Token) -> bool:
    """'researcher and systems engineer Jan Novak of Brno came ...': a role noun the parser
    took for a present-tense verb of the words before it, with the name it titles as its
    object. No one 'engineered' Novak (judged wrong twice); the title is read elsewhere."""
    if verb.tag_ not in {"VB", "VBP"} or canonical_role(verb.text) is None or \
            any(c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" and c.left_edge.i == verb.i + 1
               for c in verb.children)


def _modifier_before_title(verb: Token) -> bool:
    """'misconduct by sitting President Jon Feld', 'a letter from acting Mayor Dara Voss': a
    participle of roles.json's title modifiers ('sitting', 'acting', 'serving') the parser
    took for a gerund with the titled person as its object. Nobody 'sat' Feld (judged wrong:
    'sitting describes the President'); the title is read elsewhere. A gerund no title
    modifier spells ('by appointing Judge X') stays a deed."""
    if verb.tag_ != "VBG" or verb.lower_ not in role_modifiers() or \
            any(c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children):
        return False
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return following is not None and canonical_role(following.text) is not None and any(
        c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 for c in verb.children)


def _infinitive_after(verb: Token) -> bool:
    """'come to believe', 'happened to meet': an infinitive of the verb's right after it
    (adverbs aside); 'came to Oslo to meet X' has a place first and is a journey."""
    following = [t for t in verb.doc[verb.i + 1:verb.i + 4] if t.pos_ != "ADV"
                 and t.dep_ != "prt"]  # 'went on to win'
    return len(following) >= 2 and following[0].lower_ == "to" and \
        following[0].dep_ == "aux" and following[1].head.i == verb.i and \
        following[0].head.i == following[1].i


def verb_idiom(verb: Token, lemma: str, vocab: RelationVocabulary
               ) -> tuple[Token, VerbIdiom] | None:
    """The idiom a verb makes with its direct object ('lost their lives', 'took part'), with
    that object's token; None when the two are meant literally."""
    passive = any(c.dep_ == "auxpass" for c in verb.children) or _shares_passive(verb) or \
        _headline_participle(verb)
    for child in verb.children:
        if child.dep_ == "dobj" or (passive and child.dep_ in {"oprd", "acomp"}):
            # 'was taken ill': a passive's complement makes the idiom as an object does
            idiom = vocab.verb_idioms.get(f"{lemma} {child.lemma_.lower()}") or \
                (_verdict(lemma, child) if passive else None)
            if idiom is not None:
                return child, idiom
        elif passive and child.dep_ == "xcomp" and not any(child.children):
            # 'was reported missing': the parser reads a bare participle as a clause
            verdict = _verdict(lemma, child)
            if verdict is not None:
                return child, verdict
        elif child.dep_ == "prep":  # 'came into force', 'went on trial'
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                idiom = vocab.verb_idioms.get(f"{lemma} {child.lower_} {pobj.lemma_.lower()}")
                if idiom is not None:
                    return pobj, idiom
    return None


def _shares_passive(verb: Token) -> bool:
    """'X was arrested and found guilty': a past participle coordinated with a passive, with
    no subject or auxiliary of its own, is a passive too."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and \
        any(c.dep_ == "auxpass" for c in verb.head.children) and \
        not any(c.dep_ in {"nsubj", "nsubjpass", "auxpass"} for c in verb.children)


def _headline_participle(verb: Token) -> bool:
    """'Nurse found guilty of fraud': the past form at the root of a headline (the first
    sentence, with no stop) is a passive without its auxiliary (``_headline_passive``)."""
    first = next(nonblank_sents(verb.doc), None)
    return first is not None and verb.sent.start == first.start and verb.dep_ == "ROOT" and \
        verb.tag_ in {"VBD", "VBN"} and not first.text.rstrip().endswith(HEADLINE_ENDS) and \
        not any(c.dep_ == "dobj" for c in verb.children)


# The tags of an adjective complement: 'guilty', 'dead', and the participle 'missing'.
VERDICT_TAGS = frozenset({"JJ", "VBG"})


def _verdict(lemma: str, complement: Token) -> VerbIdiom | None:
    """'X was found guilty of fraud', 'pronounced dead', 'reported missing': a verb of finding
    or declaring (``verdict_verbs``) with an adjective complement is one event the reader names
    with the adjective, its 'of'-phrase the object; the verb alone ('X was found') says
    something else, and kg stated nothing of it."""
    if lemma.split(" ")[0] not in verdict_verbs() or complement.tag_ not in VERDICT_TAGS:
        return None
    # 'found (not) guilty' has its verdict in the lemma already (``verb_lemma``).
    named = lemma if lemma.endswith(f" {complement.lower_}") else f"{lemma} {complement.lower_}"
    return VerbIdiom(verb=named, object=("of",), direct_object=True)


def _idiom_facts(state: DocState, sentence: Sentence, verb: Token,
                 idiom: tuple[Token, VerbIdiom], vocab: RelationVocabulary) -> Iterator[Fact]:
    """'X lost their lives' is 'X died'; 'X claimed responsibility for the attacks': the
    idiom's noun is part of the verb, and its object is what the idiom's preposition (on the
    verb or on the noun) introduces."""
    noun, meaning = idiom
    frame = Frame()
    fill_subjects(state, verb, frame)
    patients = _idiom_patients(state, verb)
    if not frame.subjects and not patients:
        return
    spec = vocab.spec(meaning.verb)
    _fill_objects_and_roles(state, verb, spec, frame, vocab)
    frame.objects = [] if not meaning.direct_object else [
        (m, "idiom-dobj") for c in verb.children if c.dep_ == "dobj" for conj in conjuncts(c)
        if (m := referent(state, conj)) is not None and m.type is not EntityType.DATE]
    subject_role = RoleName.AGENT
    if patients and meaning.direct_object:
        frame.objects = [(m, "nsubjpass") for m in patients]  # 'was taken into custody by X'
    elif patients and not frame.subjects:
        frame.subjects = [(m, "nsubjpass") for m in patients]  # 'was taken ill': fell ill
    if not frame.subjects:
        # 'was taken into custody': who was arrested, by someone the text does not name
        frame.subjects, frame.objects = frame.objects, []
        subject_role = RoleName.THEME
    for prep in (c for head in (verb, noun) for c in head.children if c.dep_ == "prep"):
        if prep.lower_ not in meaning.object:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            frame.objects.extend((m, f"idiom-{prep.lower_}") for c in conjuncts(pobj)
                                 if (m := referent(state, c)) is not None
                                 and m.type is not EntityType.DATE)
    mentions = [m for m, _ in frame.objects]
    mentions.append(referent(state, noun))  # the idiom's own noun is no role: 'into force'
    frame.roles = [r for r in frame.roles if r.mention not in mentions]
    frame.roles += idiom_topics(state, noun, frozenset(meaning.object))
    if meaning.needs_object and not frame.objects:
        return  # 'took heart', 'made sense': no event to name
    reading = Reading(meaning.verb, spec, speaker_of(state, verb, vocab),
                      judge_factuality(verb, vocab))
    for subject, subject_rule in frame.subjects:
        if not frame.objects:
            yield _fact(state, sentence, verb, reading, subject, None,
                        f"{subject_rule}/idiom", frame.roles, subject_role=subject_role)
        for obj, object_rule in frame.objects:
            if not same_span(subject, obj):
                yield _fact(state, sentence, verb, reading, subject, obj,
                            f"{subject_rule}/{object_rule}", frame.roles)


def _idiom_patients(state: DocState, verb: Token) -> list[Mention]:
    """Who a passive idiom was done to: its own passive subject ('X was taken into
    custody') or one it shares with the verb it is coordinated with or completes."""
    shared = verb.dep_ == "conj" and verb.tag_ == "VBN" and \
        any(c.dep_ == "auxpass" for c in verb.head.children)
    if not (shared or any(c.dep_ == "auxpass" for c in verb.children)):
        return []
    own = [m for c in verb.children if c.dep_ == "nsubjpass" for conj in conjuncts(c)
           if (m := referent(state, conj)) is not None and m.type is not EntityType.DATE]
    return own or _borrowed_patients(state, verb)


def _head_word(description: str) -> str:
    """The noun a description is about: 'visit' in 'surprise visit to Oslo', 'state' in
    'state of emergency' (the word before its first preposition, else the last word)."""
    words = description.split(" ")
    for i, word in enumerate(words[1:], start=1):
        if word in COMPLEMENT_PREPS or word == "of":
            return words[i - 1]
    return words[-1]


def _reading(state: DocState, verb: Token, lemma: str, spec: RelationSpec | None,
             vocab: RelationVocabulary) -> Reading:
    """Who said it and how sure the text is belong to the verb: read once, not once per
    pair of participants."""
    return Reading(lemma, spec, speaker_of(state, verb, vocab), judge_factuality(verb, vocab))


def _participle(state: DocState, sentence: Sentence, verb: Token, lemma: str,
                spec: RelationSpec | None, vocab: RelationVocabulary) -> Iterator[Fact]:
    """'the project, funded by the Foundation', 'the arrested protesters': a past participle on
    a noun (after it or before it) is a passive whose patient is that noun; with 'by' it is a
    fact between the two, without it an occurrence of a verb with its own predicate. A verb
    the vocabulary does not know states a fact under its own name only with a named doer
    ('a plan first advocated by Senator X', 'the figures outlined by the Commission'), and
    not when it is a state or a report ('the scale used by X', 'followed by X'). A bare
    participle clause on a verb ('X appeared in court, charged with murder') is the same
    passive, done to that verb's subject, and says what it was done with as a finite
    passive does ('X --charge with--> murder', ``_passive_with_object``)."""
    headline = sentence.index == 0 and not sentence.text.rstrip().endswith(HEADLINE_ENDS)
    for patient in _participle_heads(state, verb, headline):
        yield from _participle_facts(state, sentence, verb, patient, headline, lemma, spec, vocab)


def _participle_heads(state: DocState, verb: Token, headline: bool) -> list[Mention]:
    """Who a past participle was done to: the noun it qualifies, or, for a clause on a
    verb, that verb's subjects (``participle_patients``)."""
    if passive_participle_clause(verb):
        return participle_patients(state, verb)
    patient = referent(state, headline_patient(verb) if headline else verb.head)
    return [] if patient is None or patient.type is EntityType.DATE else [patient]


def _participle_facts(state: DocState, sentence: Sentence, verb: Token, patient: Mention,
                      headline: bool, lemma: str, spec: RelationSpec | None,
                      vocab: RelationVocabulary) -> Iterator[Fact]:
    """The facts of one past participle with one patient (see ``_participle``)."""
    clause = passive_participle_clause(verb)
    agents = [referent(state, pobj) for c in verb.children if c.dep_ == "agent"
              for pobj in c.children if pobj.dep_ == "pobj"]
    rule = "agent/advcl-participle" if clause else "agent/acl"
    if not agents:
        agents, rule = [*modifier_doers(state, verb)], "agent-modifier/acl"
    if not agents:
        agents, rule = [*owner_doers(state, verb)], "agent-owner/acl"
    if not agents:
        agents, rule = [m for m, _ in joint_doers(state, verb, lemma)], "agent-between/acl"
    if not agents:
        agents, rule = _issuers(state, verb), "issuer/acl"
    if not agents and lemma in vocab.stative_passive_objects:
        yield from _stative_participle_facts(state, sentence, verb, patient, lemma, vocab)
        return
    named_doer = bool(agents) and all(a is not None and a.ner_label not in (None, "PROPN")
                                      for a in agents)
    if lemma not in vocab.relations and not (named_doer and
                                             _eventive_passive(verb, lemma, vocab)):
        return
    frame = Frame()
    _fill_objects_and_roles(state, verb, spec, frame, vocab)
    reading = _reading(state, verb, lemma, spec, vocab)
    roles = [r for r in frame.roles if r.mention not in agents]
    for agent in agents:
        if agent is not None and not same_span(agent, patient):
            yield _fact(state, sentence, verb, reading, agent, patient, rule, roles)
    if not agents and occurrence_verb(verb, lemma, vocab, passive=True) and \
            not (verb.dep_ == "amod" and lemma not in object_verbs()) and \
            (headline or _anchored_occurrence(patient, roles)):
        # Before its noun, the participle of a verb said with a bare subject tells what the
        # noun did or is ('a retired agent', 'a failed coup', 'the agreed facts'), not what
        # someone did to it ('a rescued woman').
        yield _fact(state, sentence, verb, reading, patient, None,
                    "advcl-participle/agentless" if clause else "acl/agentless", roles,
                    subject_role=RoleName.THEME)
    if clause and not agents:
        yield from _passive_with_object(state, sentence, verb, reading, frame,
                                        [(patient, "advcl-participle")], vocab)


def _stative_participle_facts(state: DocState, sentence: Sentence, verb: Token,
                              patient: Mention, lemma: str,
                              vocab: RelationVocabulary) -> Iterator[Fact]:
    """'prescriptions tied to her death', 'a film based on a novel', 'Based on a play, the
    series ...': a stative participle with no doer relates its noun to what its preposition
    names (``stative_passive_objects``), as its finite passive does; alone it says nothing."""
    if patient.type is EntityType.DATE:
        return
    frame = Frame()
    _fill_objects_and_roles(state, verb, None, frame, vocab)
    reading = _reading(state, verb, lemma, None, vocab)
    rule = "advcl-participle" if passive_participle_clause(verb) else "acl"
    yield from _passive_with_object(state, sentence, verb, reading, frame, [(patient, rule)],
                                    vocab)


def _anchored_occurrence(patient: Mention, roles: list[Role]) -> bool:
    """Whether a participle with no doer on its noun says enough to be a fact of its own: a
    named patient ('X, first elected in 1996') or a time or a place it happened at ('a man
    arrested in 1990'). A bare description with neither says next to nothing or is a
    misparse ('a Facebook user registered from Ireland', 'many offered versions', 'a
    convicted murderer'): the blind judges found 2 of 19 agentless participle facts correct
    on the dev sheets. A headline's participle is its event and is kept by the caller."""
    return patient.ner_label not in (None, "PROPN") or \
        any(r.name in {RoleName.TIME, RoleName.PLACE} for r in roles)


def _agentless_passive(state: DocState, sentence: Sentence, verb: Token, lemma: str,
                       spec: RelationSpec | None, vocab: RelationVocabulary) -> Iterator[Fact]:
    """'X was arrested on Monday': the one we know of is who it was done to (the theme).
    'X was arrested and charged': the second verb shares the first one's patient."""
    shared = verb.dep_ == "conj" and verb.tag_ == "VBN" and \
        any(c.dep_ == "auxpass" for c in verb.head.children) and \
        not any(c.dep_ in {"nsubj", "nsubjpass", "auxpass"} for c in verb.children)
    if not (shared or any(c.dep_ == "auxpass" for c in verb.children)) or \
            any(c.dep_ == "agent" and not _measure_agent(c) for c in verb.children):
        return  # 'extended by two weeks' is agentless: the 'by'-phrase is a measure
    hidden = list(_hidden_agent_facts(state, sentence, verb, lemma, spec, vocab))
    yield from hidden
    if any(_kept_doer(state, f) for f in hidden):
        return  # the doer is the verb's own: the fact with it says all
    # None, or one borrowed from a coordinated verb (``_shared_cause``): what was done to the
    # patient is stated alone as well, as sure as the passive itself.
    stative = not occurrence_verb(verb, lemma, vocab, passive=True) and \
        not (_eventive_passive(verb, lemma, vocab) or _declared(verb, lemma, vocab))
    if stative and lemma not in vocab.stative_passive_objects:
        return
    if not occurrence_verb(verb, lemma, vocab, passive=True):
        spec = None  # 'the bill was suspended': the verb's own word, not a broader predicate
    frame = Frame()
    _fill_objects_and_roles(state, verb, spec, frame, vocab)
    patients = [(m, rule) for m, rule in frame.objects if rule == "nsubjpass"] or \
        [(m, "nsubjpass") for m in _borrowed_patients(state, verb)] or \
        [(m, "inherited-nsubjpass-gerund") for m in _gerund_patients(state, verb)]
    if not patients or _generic_passive(verb) or _raised_infinitive(verb, lemma, vocab):
        return
    reading = _reading(state, verb, lemma, spec, vocab)
    if stative:
        # 'the series is based on a play': no event, only the relation the preposition names.
        yield from _passive_with_object(state, sentence, verb, reading, frame, patients, vocab)
        return
    with_object = list(_passive_with_object(state, sentence, verb, reading, frame, patients,
                                            vocab))
    if with_object and lemma in vocab.stative_passive_objects:
        # 'X and Y were engaged in a war': X and Y engaged in it; nobody engaged X or Y.
        yield from with_object
        return
    if lemma not in vocab.anchored_passives or \
            any(r.name in {RoleName.TIME, RoleName.PLACE} for r in frame.roles):
        for patient, patient_rule in patients:
            yield _fact(state, sentence, verb, reading, patient, None,
                        f"{patient_rule}/agentless", frame.roles, subject_role=RoleName.THEME)
    yield from with_object


def _kept_doer(state: DocState, fact: Fact) -> bool:
    """Whether a hidden doer's fact stands for the passive: the doer is the verb's own (not
    borrowed from a coordinated verb) and the document keeps it. 'Twelve people were killed in
    the crash', the crash unnamed: the document drops a lone definite doer that says nothing
    of who acted (``says_who``), and the patient's own fact is then all a reader gets."""
    return not fact.evidence.rule.startswith("inherited-cause") and doer_fits(fact) and \
        says_who(state, fact.subject.mention)


def _raised_infinitive(verb: Token, lemma: str, vocab: RelationVocabulary) -> bool:
    """'X was projected to have won', 'was suspected to have the virus', 'is slated to open':
    a raising passive (``raising_passives``) with a to-infinitive says what is thought or to
    come about X, and the infinitive is the fact (X won, reported); '(someone) --project--> X'
    alone was judged vague or wrong on both sets' sheets. The parser hangs the infinitive on
    the passive as a complement or, after a time phrase, as a clause."""
    return lemma in vocab.raising_passives and any(
        c.dep_ in {"xcomp", "advcl", "ccomp"} and c.i > verb.i and
        any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) for c in verb.children)


def _generic_passive(verb: Token) -> bool:
    """'Members of the House are elected for two-year terms', 'responses are rarely
    observed': a present-tense agentless passive of a bare plural (no determiner, number or
    possessive) states a rule or a habit, not something that happened; the blind judges found
    such facts generic or wrong. A perfect ('have been killed') or a name is an event."""
    if _rule_condition(verb) or _under_generic_passive(verb):
        return True
    if not _present_passive(verb):
        return False
    return any(c.dep_ == "nsubjpass" and c.tag_ == "NNS" and
               not any(d.dep_ in {"det", "nummod", "poss", "predet"} for d in c.children)
               for c in verb.children)


def _present_passive(verb: Token) -> bool:
    """'are elected', 'is killed': a simple present passive, no perfect or modal."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return any(a.dep_ == "auxpass" and a.tag_ in {"VBP", "VBZ"} for a in auxiliaries) and \
        not any(a.dep_ == "aux" for a in auxiliaries)


# Subordinators of a condition: a present passive after them, under a present main verb,
# is the condition of a rule ('assumes the office if the president is killed').
CONDITION_MARKS = frozenset({"if", "unless", "whenever", "once"})


def _rule_condition(verb: Token) -> bool:
    """'The deputy assumes the office if the president is killed or incapacitated': a present
    passive in the condition of a present-tense main clause states what a rule provides, not
    something that happened or may; the blind judges found each such fact wrong. Coordinated
    passives share their first conjunct's clause."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.pos_ == "VERB":
        clause = clause.head
    if clause.dep_ != "advcl" or not _present_passive(clause) or not any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children):
        return False
    governor = clause.head
    return governor.tag_ in {"VBZ", "VBP"} or (
        governor.tag_ == "VBN" and _present_passive(governor))


def _under_generic_passive(verb: Token) -> bool:
    """'Officials are removed from office after being impeached': a passive gerund with no
    subject of its own, on a generic present passive, is part of the same rule, as are the
    passives coordinated with it ('after being impeached for, and convicted of, bribery')."""
    first = verb
    while first.dep_ == "conj" and first.head.pos_ == "VERB" and \
            not any(c.dep_ in {"nsubj", "nsubjpass"} for c in first.children):
        first = first.head
    if first is not verb:
        return first.tag_ == "VBN" and _generic_passive(first)
    if verb.dep_ not in {"pcomp", "advcl"} or \
            any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    governor = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return governor is not verb and governor.pos_ == "VERB" and governor.tag_ == "VBN" and \
        _generic_passive(governor)


def _passive_with_object(state: DocState, sentence: Sentence, verb: Token, reading: Reading,
                         frame: Frame, patients: list[tuple[Mention, str]],
                         vocab: RelationVocabulary) -> Iterator[Fact]:
    """'X was convicted of fraud', 'diagnosed with cancer', 'recalled to the institute': an
    agentless passive with an argument preposition (``passive_object_preps``) says what the
    patient was convicted of or sent to, which a reader writes down as the fact ('X --convict
    of--> fraud'). The one-participant fact stays beside it: a reader may write either. A
    verb of arrest or punishment (``offence_verbs``) also takes its 'for'-phrase, the offence
    ('was arrested for arson'); any other verb's 'for' is a reason ('praised for her courage')."""
    argued = Frame(roles=list(frame.roles))
    preps = vocab.passive_object_preps | \
        vocab.stative_passive_objects.get(reading.lemma, frozenset())
    if reading.lemma in argument_words().offence_verbs:
        preps = preps | {"for"}
    doer_prep = vocab.stative_passive_doers.get(reading.lemma)
    active = Reading(reading.lemma, None, reading.speaker, reading.factuality)
    reading = _prepositional_object(state, verb, reading, argued, preps)
    for obj, object_rule in argued.objects:
        for patient, patient_rule in patients:
            if same_span(patient, obj):
                continue
            if object_rule == f"prep-{doer_prep}":
                # 'X is made up of Y': Y makes up X, said in the active as a reader does.
                yield _fact(state, sentence, verb, active, obj, patient,
                            f"{object_rule}/{patient_rule}", argued.roles)
                continue
            yield _fact(state, sentence, verb, reading, patient, obj,
                        f"{patient_rule}/{object_rule}", argued.roles,
                        subject_role=RoleName.THEME)


# A headline ends without a stop; its tense is the present for what someone did ('Harwick
# summit denounces agreement'), so a bare past form is a passive ('Tributes paid to X').
HEADLINE_ENDS = (".", "!", "?", "\"", "\u201d", ":")


def _headline_passive(sentence: Sentence, verb: Token) -> bool:
    """'Ona Vick sentenced to ten years', 'Orlov projected president-elect': the article's
    headline drops the auxiliary of a passive, and the parser reads its patient as the doer."""
    return sentence.index == 0 and not sentence.text.rstrip().endswith(HEADLINE_ENDS) and \
        verb.dep_ == "ROOT" and verb.tag_ in {"VBD", "VBN"} and \
        any(c.dep_ == "nsubj" for c in verb.children) and \
        not any(c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children)


def _headline_passive_facts(state: DocState, sentence: Sentence, verb: Token, lemma: str,
                            spec: RelationSpec | None, vocab: RelationVocabulary,
                            frame: Frame) -> Iterator[Fact]:
    """The headline's subject is who it was done to, as in an agentless passive; what the
    parser took for an object is the passive's complement ('projected president-elect')."""
    if not occurrence_verb(verb, lemma, vocab, passive=True):
        if not (_eventive_passive(verb, lemma, vocab) or _declared(verb, lemma, vocab)):
            return
        spec = None
    circumstances = Frame()
    _fill_objects_and_roles(state, verb, spec, circumstances, vocab)
    reading = _reading(state, verb, lemma, spec, vocab)
    for patient, _ in frame.subjects:
        yield _fact(state, sentence, verb, reading, patient, None, "headline-passive/agentless",
                    circumstances.roles, subject_role=RoleName.THEME)


def _borrowed_patients(state: DocState, verb: Token) -> list[Mention]:
    """Who a passive with no subject of its own was done to, from the verb it hangs on:
    'X was arrested and charged', 'X is under sanctions and was condemned', 'a bill was
    proposed but was not passed' (a conjunct's subject); 'the bridge is to be completed',
    'the eruption was found to be associated with' (a passive infinitive's patient is the
    subject of the verb it completes, unless that verb has an object of its own: 'ordered X
    to be released' is X's); 'more permits are likely to be issued' (the subject of the
    verb the adjective completes); 'a plan to be unveiled in May' (the noun a passive
    infinitive qualifies, ``_infinitive_noun``)."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return []
    if (noun := _infinitive_noun(state, verb)) is not None:
        return [noun]
    if (reported := _reported_patients(state, verb)) is not None:
        return reported
    if verb.dep_ not in {"conj", "xcomp"}:
        return []
    governor = verb.head
    if verb.dep_ == "xcomp" and governor.pos_ == "ADJ" and governor.dep_ == "acomp":
        governor = governor.head  # 'are likely to be issued', 'is due to be completed'
    governed = list(governor.children)
    if verb.dep_ == "xcomp" and any(c.dep_ in {"dobj", "dative"} for c in governed):
        return []
    if verb.dep_ == "conj" and not _right_after_coordinator(verb):
        return []  # 'and scores more were injured': a subject the parser left elsewhere
    return [m for c in governed if c.dep_ in {"nsubj", "nsubjpass"}
            and c.lower_ not in {"it", "there"}
            for conj in conjuncts(c) if (m := referent(state, conj)) is not None]


def _reported_patients(state: DocState, verb: Token) -> list[Mention] | None:
    """Who a reported passive was done to when the parser read its subject as the speech
    verb's object: 'Rappler reported three malls were damaged', 'the mayor announced classes
    would be cancelled' (the malls, the classes; never the speaker, whom a passive conjunct
    would otherwise share). Only with no coordinator between the object and the passive:
    'X announced the plan and was praised' is X's. None when the shape is not this."""
    governor = verb.head
    if verb.dep_ not in {"ccomp", "conj"} or \
            verb_lemma(governor) not in load_vocabulary().speech_verbs:
        return None
    between = [c for c in governor.children if governor.i < c.i < verb.i]
    objects = [c for c in between if c.dep_ == "dobj"]
    if not objects or any(c.dep_ == "cc" or c.pos_ == "CCONJ" for c in between):
        return None
    return [m for conj in conjuncts(objects[-1]) if (m := referent(state, conj)) is not None]


def _infinitive_noun(state: DocState, verb: Token) -> Mention | None:
    """The noun a passive infinitive qualifies, which is what it will be done to: 'a plan to
    be unveiled in May', 'the bridge to be built next year'. The parser hangs the infinitive
    on the noun as a relative clause; a date is never the patient ('the day to be
    remembered')."""
    if verb.dep_ not in {"relcl", "acl"} or verb.head.pos_ not in {"NOUN", "PROPN"} or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    noun = referent(state, verb.head)
    return None if noun is None or noun.type is EntityType.DATE else noun


# Prepositions before a passive gerund that say when it happened to the clause's subject
# ('died after being diagnosed', 'resigned before being charged'); not 'without' (it did not).
GERUND_PREPS = frozenset({"after", "before", "following", "upon", "on", "since", "despite"})


def _gerund_patients(state: DocState, verb: Token) -> list[Mention]:
    """Who a passive gerund or perfect participle with no subject of its own was done to: the
    subject of the clause it qualifies. 'X died after being diagnosed with cancer' (X was
    diagnosed), 'X was freed after being questioned by police', 'Having been elected in 1998,
    X ...'. The parser hangs the gerund on its preposition ('pcomp') or on the verb
    ('advcl'), or after a comma as a conjunct or complement ('resumed the post, being voted
    into it by X'); a clause whose own subject is 'it' or 'there' lends none."""
    if verb.tag_ != "VBN" or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return []
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if "being" not in auxiliaries and not {"having", "been"} <= auxiliaries:
        return []
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in GERUND_PREPS:
        governor = verb.head.head
    elif verb.dep_ in {"advcl", "conj", "ccomp"} and not any(
            c.dep_ in {"mark", "advmod"} and c.i < verb.i
            for c in verb.children if c.lower_ != "first"):
        governor = verb.head
    else:
        return []
    if governor.pos_ not in {"VERB", "AUX"}:
        return []
    return [m for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"}
            and c.lower_ not in {"it", "there"}
            for conj in conjuncts(c) if (m := referent(state, conj)) is not None
            and m.type is not EntityType.DATE]


def _right_after_coordinator(verb: Token) -> bool:
    """Whether only auxiliaries and adverbs stand between a conjunct and its 'and' (or
    comma): 'and was later hospitalized' shares the subject, 'and the bill was passed' has
    one of its own."""
    i = verb.i - 1
    while i > verb.head.i and verb.doc[i].pos_ in {"AUX", "ADV", "PART"}:
        i -= 1
    return i > verb.head.i and verb.doc[i].pos_ in {"CCONJ", "PUNCT"}


def _hidden_agent_facts(state: DocState, sentence: Sentence, verb: Token, lemma: str,
                        spec: RelationSpec | None, vocab: RelationVocabulary) -> Iterator[Fact]:
    """The facts of an agentless passive whose doer an 'in'-phrase tells (``_hidden_agents``):
    the doer is the subject and the passive subject the object, as with 'by'."""
    agents = _hidden_agents(state, verb) or joint_doers(state, verb, lemma) or \
        _shared_cause(state, verb)
    if not agents:
        return
    frame = Frame()
    _fill_objects_and_roles(state, verb, spec, frame, vocab)
    patients = [m for m, rule in frame.objects if rule == "nsubjpass"] or \
        _borrowed_patients(state, verb)
    taken = [m for m, _ in agents]
    roles = [r for r in frame.roles if not any(same_span(r.mention, a) for a in taken)]
    reading = _reading(state, verb, lemma, spec, vocab)
    for agent, rule in agents:
        for patient in patients:
            if not same_span(agent, patient):
                yield _fact(state, sentence, verb, reading, agent, patient,
                            f"{rule}/nsubjpass", roles)


def _companions(state: DocState, subjects: list[tuple[Mention, str]]
                ) -> list[tuple[Mention, str]]:
    """'X, along with Y, visited Z', 'X, together with Y, bought Z': a companion phrase
    (``companion_preps``) between a subject and its verb names a second doer of what the
    subject did, whichever verb the subject is read for. The parser hangs the phrase on the
    subject or on the verb; one after the verb ('seized rifles along with ammunition') may
    go with the object, and is left alone."""
    found: list[tuple[Mention, str]] = []
    for subject, rule in subjects:
        span = state.doc.char_span(subject.start, subject.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "nsubj":
            continue
        head, verb = span.root, span.root.head
        phrases = [c for c in head.children if c.i > head.i] + \
            [c for c in verb.children if head.i < c.i < verb.i]
        for pobj in (p for c in phrases for p in _companion_objects(c)):
            found += [(m, f"companion-{rule}") for c in conjuncts(pobj)
                      if (m := referent(state, c)) is not None
                      and m.type is not EntityType.DATE
                      and not any(same_span(m, s) for s, _ in subjects + found)]
    return found


def _companion_objects(token: Token) -> list[Token]:
    """The objects of a companion phrase whatever the parser made of its words: 'along' or
    'together' with 'with' under it, 'with' with 'together' under it, or 'alongside'."""
    words = argument_words().companion_preps
    if token.dep_ not in {"prep", "advmod"}:
        return []
    inner = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "with"]
    if inner and f"{token.lower_} with" in words:
        token = inner[0]
    elif token.lower_ == "with" and any(f"{c.lower_} with" in words
                                        for c in token.children if c.dep_ == "advmod"):
        pass
    elif token.lower_ not in words:
        return []
    return [c for c in token.children if c.dep_ == "pobj"]


def _shared_cause(state: DocState, verb: Token) -> list[tuple[Mention, str]]:
    """'two people were killed and eight were injured in a bombing': the harmful event after
    the last of coordinated passives of harm (``harm_verbs``, ``causing_events``) did them
    all, though the parser hangs it on the last. The first verb takes it only when nothing of
    its own follows it ('were killed in Narvik and ... injured in a blast' says where, not by
    what), and only from a passive of harm coordinated with it, with its own auxiliary ('were
    killed and eight were injured') or sharing the first one's ('were killed and injured')."""
    harm = argument_words().harm_verbs
    if verb.lemma_.lower() not in harm or \
            any(c.dep_ not in COORDINATION_GAP_DEPS for c in verb.children if c.i > verb.i):
        return []
    for other in (c for c in verb.children if c.dep_ == "conj" and c.i > verb.i):
        if other.lemma_.lower() in harm and other.tag_ == "VBN" and (
                any(c.dep_ == "auxpass" for c in other.children) or
                not any(c.dep_ in {"nsubj", "nsubjpass"} for c in other.children)):
            return [(m, "inherited-cause-in-conj") for m, rule in _hidden_agents(state, other)
                    if rule == "cause-in"]
    return []


def _intransitive_event(verb: Token, lemma: str, vocab: RelationVocabulary) -> bool:
    """Whether a verb with a subject and nothing else still tells of something that happened
    ('the campaign started', 'hundreds of teams participated'): any eventive verb, as for an
    agentless passive, in the active voice."""
    finite = verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" for c in verb.children)
    return finite and \
        not any(c.dep_ in {"auxpass", "nsubjpass", "dative", "acomp"} for c in verb.children) and \
        _eventive_passive(verb, lemma, vocab)


# Prepositions that give a talk another partner, an addressee or a topic as its object
# ('spoke with reporters', 'talked to the press', 'argued about the budget').
OTHER_PARTY_PREPS = frozenset({"with", "to", "about", "against"})


def _with_each_other(verb: Token, lemma: str, frame: Frame) -> bool:
    """Whether two or more subjects of a verb of talk (``conversation_verbs``) did it with
    each other: 'X and Y spoke on the phone', 'X and Y disagreed'; not with an object, a
    clause, or a phrase that names another partner or what the talk was about."""
    return lemma in argument_words().conversation_verbs and len(frame.subjects) >= 2 and \
        not frame.objects and not any(
            c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "oprd"} or
            (c.dep_ == "prep" and c.lower_ in OTHER_PARTY_PREPS) for c in verb.children)


def _wants_complement(lemma: str) -> bool:
    """Whether a verb with its subject alone says nothing: 'X recognised', 'X visited' (its
    usual sense takes an object, ``object_verbs``) or 'all contributed', 'the hall dates'
    (its meaning is the complement it is said with, ``complement_verbs``); both were judged
    vague or wrong, where 'X resigned' stays a fact."""
    return lemma in object_verbs() or lemma in argument_words().complement_verbs


def _happening(verb: Token, lemma: str) -> bool:
    """Whether a verb with a subject and nothing else tells that something happened to or
    was done by that subject, whatever the subject is ('the depression dissipated', 'the bid
    for early elections failed'): a verb of change, motion, contest or social act in
    WordNet's classes (``event_verbs``), not a state or speech ('the plan remains'), and not
    a verb whose complement clause carries what happened ('the firm tried to ...')."""
    return lemma in event_verbs() and not any(
        c.dep_ in {"ccomp", "xcomp", "csubj", "acomp", "attr", "oprd"} for c in verb.children)


def _declared(verb: Token, lemma: str, vocab: RelationVocabulary) -> bool:
    """'an outbreak was declared', 'the winners were announced': a speech verb whose passive
    subject is the thing proclaimed (``declared_passives``) states that it was, unless a
    clause carries what was said ('it was announced that ...')."""
    return verb.pos_ == "VERB" and lemma in vocab.declared_passives and \
        not any(c.dep_ in {"ccomp", "xcomp", "csubj", "csubjpass", "oprd", "attr"}
                for c in verb.children)


def _eventive_passive(verb: Token, lemma: str, vocab: RelationVocabulary) -> bool:
    """Whether an agentless passive outside the vocabulary still tells of something done
    ('the plane was built in 1977', '35 were rescued'): any verb but states and reports ('is
    located', 'was considered'), speech, plans, and verbs whose clause carries the content."""
    if verb.pos_ != "VERB" or lemma in vocab.never_events or lemma in vocab.stative_passives:
        return False
    if any(c.dep_ == "auxpass" for c in verb.children) and lemma not in vocab.raising_passives:
        # 'was ordered to leave', 'was designated to treat patients': someone did it to them;
        # 'was slated to open' only says what is to come.
        clauses = {"ccomp", "csubj", "csubjpass", "oprd", "attr"}
    else:
        clauses = {"ccomp", "xcomp", "csubj", "csubjpass", "oprd", "attr"}
    return not any(c.dep_ in clauses for c in verb.children)


def _fact(state: DocState, sentence: Sentence, verb: Token, reading: Reading,
          subject: Mention, obj: Mention | None, rule: str, roles: Iterable[Role],
          subject_role: RoleName = RoleName.AGENT) -> Fact:
    lemma, spec = reading.lemma, reading.spec
    predicate = spec.predicate if spec else lemma.replace(" ", "_")
    if spec is not None and spec.transitive and rule.endswith("/dobj"):
        predicate = spec.transitive
    if spec is not None and (not _sense_fits(spec, obj, rule, subject_role, subject) or
                             complement_sense(verb, lemma)):
        predicate = lemma.replace(" ", "_")  # another sense: 'passed the exam', 'the war began'
    if spec is not None and spec.object_types and obj is not None and \
            obj.type not in spec.object_types:
        predicate = lemma.replace(" ", "_")  # another sense: 'executed the plan', 'formed a basis'
        # ... whose roles the relation's frame does not license: 'named the group as
        # terrorists' appoints nobody, so 'as terrorists' is no destination; what the group
        # was named as is said of it in any sense (the attribute).
        roles = [r for r in roles
                 if r.name in {RoleName.TIME, RoleName.PLACE, RoleName.ATTRIBUTE}]
    return make_fact(state, sentence, verb.doc[verb.i:verb.i + 1],
                     predicate=predicate, lemma=lemma,
                     subject=subject, obj=obj, rule=rule, roles=roles,
                     factuality=reading.factuality, speaker=reading.speaker,
                     subject_role=subject_role)


# Object rules whose object is the verb's patient ('passed the exam', 'the exam he passed',
# 'the exam was passed by X'), not a prepositional complement.
PATIENT_OBJECT_RULES = frozenset({"dobj", "relcl-gap", "nsubjpass", "acl"})


def _sense_fits(spec: RelationSpec, obj: Mention | None, rule: str,
                subject_role: RoleName = RoleName.AGENT,
                subject: Mention | None = None) -> bool:
    """Whether the relation's predicate is the sense the verb has here: not with no object
    when it names the transitive sense only ('the ceasefire began' launched nothing), nor
    with a direct object whose head noun the relation lists as another sense's ('passed the
    bar exam' approved nothing, 'delivered a speech' supplied nothing). An agentless
    passive's subject is what was done to ('the offensive was begun'): the sense fits.
    A doer of a refused class ('the storm struck the coast') gives the verb another sense."""
    if subject is not None and subject_role is RoleName.AGENT and spec.other_subject_sense(
            subject.lemma or subject.text, named=not classed(subject)):
        return False
    if obj is None:
        return subject_role is not RoleName.AGENT or not spec.transitive_only
    return rule.rsplit("/", 1)[-1] not in PATIENT_OBJECT_RULES or \
        not spec.other_sense(obj.lemma or obj.text, named=not classed(obj))


def _reciprocal_facts(state: DocState, sentence: Sentence, verb: Token, reading: Reading,
                      frame: Frame) -> Iterator[Fact]:
    """'Sorokin and Pak gave rifles to each other' is two gifts, one in each direction."""
    people = frame.subjects
    for subject, subject_rule in people:
        for other, _ in people:
            if same_span(subject, other):
                continue
            if frame.reciprocal is RoleName.THEME or not frame.objects:
                yield _fact(state, sentence, verb, reading, subject, other,
                            f"{subject_rule}/reciprocal", frame.roles)
                continue
            extra = [*frame.roles, Role(name=frame.reciprocal, mention=other)]
            for obj, object_rule in frame.objects:
                yield _fact(state, sentence, verb, reading, subject, obj,
                            f"{subject_rule}/{object_rule}+reciprocal", extra)


def speaker_of(state: DocState, verb: Token, vocab: RelationVocabulary) -> Mention | None:
    """Who the fact is attributed to: the subject of a governing speech verb, or 'according
    to X' anywhere up the chain."""
    for token in [verb, *governors(verb, limit=6)]:
        for child in token.children:
            if child.lower_ == "according":
                for pobj in (g for c in child.children for g in c.children if g.dep_ == "pobj"):
                    mention = referent(state, pobj)
                    if mention is not None:
                        return mention
        if token is not verb and token.lemma_.lower() in vocab.speech_verbs:
            for child in token.children:
                if child.dep_ == "nsubj":
                    mention = referent(state, child)
                    if mention is not None:
                        return mention
    return None
