"""Facts said with verbs: a verb with its subject, object and roles.

The slots a verb fills directly (``nsubj``, a passive's agent, ``dobj``, datives, prepositional
phrases, dated modifiers) are found by the named DependencyMatcher patterns of
``data/patterns.json``; this module adds what patterns cannot say because it follows the tree
upwards: the noun a relative clause hangs on, the subject of a governing verb (``xcomp``/``conj``,
raising; an infinitive after a verb of asking or making someone act is that object's,
``data/arguments.json``) only where grammar gives it (a participle or purpose clause, a gerund
after 'before'/'after'/..., an infinitive on the verb's own object or on a plan noun), named
groups, the doer an 'in'-phrase gives an agentless passive
('condemned in a statement by X', 'killed in a bombing'), and which role a preposition gives
(from the relation vocabulary).
Each fact names the rule that produced it (``subject-rule/object-rule``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.dates import is_duration, normalize_time
from kg.extract.facts import make_fact, same_span
from kg.extract.places import pair_container
from kg.extract.reference import (
    COMPLEMENT_PREPS,
    as_place,
    conjuncts,
    counted_group,
    group_referent,
    referent,
)
from kg.extract.state import RELATIVE_PRONOUNS, DocState, make_mention, mention_end
from kg.factuality import governors, judge_factuality, plan_noun, raised_infinitive
from kg.lexicon import (
    argument_words,
    canonical_role,
    event_nouns,
    event_verbs,
    object_verbs,
)
from kg.model import EntityType, Fact, Factuality, Mention, Role, RoleName, Sentence
from kg.patterns import Slot
from kg.relations import RelationSpec, RelationVocabulary, VerbIdiom, load_vocabulary

FINITE_TAGS = {"VBD", "VBZ", "VBP"}
# Nouns a relative clause without a relative word tells the time, place or manner of.
GAPLESS = {"day", "week", "month", "year", "time", "moment", "night", "morning", "evening",
           "afternoon", "hour", "minute", "season", "decade", "era", "period", "way", "manner",
           "place", "reason", "extent", "point", "stage", "case"}


@dataclass(frozen=True)
class Reading:
    """What holds for every fact of one verb: its lemma, relation, speaker and factuality."""

    lemma: str
    spec: RelationSpec | None
    speaker: Mention | None
    factuality: Factuality


@dataclass
class Frame:
    subjects: list[tuple[Mention, str]] = field(default_factory=list)
    objects: list[tuple[Mention, str]] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    reciprocal: RoleName | None = None


def facts_for_verb(state: DocState, sentence: Sentence, verb: Token,
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
    if frame.subjects and _headline_passive(sentence, verb):
        yield from _headline_passive_facts(state, sentence, verb, lemma, spec, vocab, frame)
        return
    if firer := _firer(state, verb):
        frame.subjects = firer  # 'X fired the shots that killed Y': X killed Y
    if not frame.subjects:
        shared = list(_coordinated_passive_facts(state, sentence, verb, lemma, spec, vocab))
        if shared:
            yield from shared
            return
        if verb.dep_ in {"acl", "amod"} and verb.tag_ == "VBN":
            yield from _participle(state, sentence, verb, lemma, spec, vocab)
        else:
            yield from _agentless_passive(state, sentence, verb, lemma, spec, vocab)
        return
    _fill_objects_and_roles(state, verb, spec, frame, vocab)
    if not frame.objects:
        frame.objects = _shared_objects(state, verb)
    if lemma in event_nouns().support_verbs:
        # 'made a visit to Kyiv', 'held talks with X': the event noun states the fact (nominal).
        frame.objects = [(m, r) for m, r in frame.objects
                         if _head_word(m.lemma or "") not in event_nouns().nouns]
    symmetric = spec is not None and spec.predicate in vocab.symmetric_predicates
    if symmetric and not frame.objects and len(frame.subjects) >= 2:
        frame.reciprocal = RoleName.THEME  # 'Putin and Kim met': they met each other
    if symmetric and len(frame.subjects) == 1 and len(frame.objects) == 1:
        # 'Putin met Kim. They exchanged rifles.': the two are the group 'they' refers to.
        pair = [frame.subjects[0][0], frame.objects[0][0]]
        if all(m.ner_label not in (None, "PROPN") for m in pair):
            state.last_group = (sentence.index, pair)
    reading = _reading(state, verb, lemma, spec, vocab)
    if firer and reading.factuality is Factuality.ASSERTED:
        # 'allegedly fired the shots that killed Y': the killing is as sure as the firing.
        reading = Reading(reading.lemma, reading.spec, reading.speaker,
                          judge_factuality(verb.head.head, vocab))
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
            if not occurrence and lemma in object_verbs():
                # 'X recognised', 'X visited', 'Mary lived': a verb whose usual sense takes an
                # object says nothing without one (judged vague or wrong); 'X resigned' stays.
                return
            rule = "intransitive" if occurrence else "intransitive-other"
            if not occurrence:
                # The verb's own word: a relation's predicate is for its transitive sense
                # ('contributed' is not 'gave', 'came in second' is not 'travelled').
                reading = Reading(lemma, None, reading.speaker, reading.factuality)
            for subject, subject_rule in frame.subjects:
                if occurrence or (_happening(verb, lemma) and subject.ner_label is None) or \
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


def _firer(state: DocState, verb: Token) -> list[tuple[Mention, str]]:
    """Who did what a fired missile did: in 'X fired the shots that killed Y' or 'planted the
    bomb that destroyed the car' the relative clause's subject is the missile
    (``instrument_nouns``), the direct object of a verb of firing (``firing_verbs``); the
    one who fired it, that verb's subject, is the doer. Empty for any other clause."""
    words = argument_words()
    head = verb.head
    if verb.dep_ != "relcl" or head.dep_ != "dobj" or \
            head.lemma_.lower() not in words.instrument_nouns or \
            verb_lemma(head.head) not in words.firing_verbs or \
            not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
        return []
    inherited = Frame()
    fill_subjects(state, head.head, inherited)
    return [(m, "firer-relcl") for m, _ in inherited.subjects]


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
    return sorted((t for t in found if t.tag_ == verb.tag_), key=lambda t: t.i)


def speaks_of_thing(verb: Token, vocab: RelationVocabulary) -> bool:
    """Whether a verb of speech kg otherwise skips states a fact: 'denied the accusation',
    'cited the treaty' (``thing_speech_verbs`` with a noun or a recognised name as object and
    no clause carrying what was said), 'told Kim about the plan' (``addressee_speech_verbs``
    with a person named as object and no clause). 'X said that ...', 'told reporters' and
    'told the BBC, "..."' (a source named for a quote: attribution, judged no fact) stay
    attribution."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    if any(c.dep_ in {"ccomp", "xcomp", "csubj"} for c in verb.children):
        return False
    if lemma in vocab.addressee_speech_verbs:
        return all(o.ent_type_ == "PERSON" for o in objects)
    return lemma in vocab.thing_speech_verbs and \
        all(o.pos_ == "NOUN" or (o.pos_ == "PROPN" and o.ent_type_) for o in objects)


# Singular subjects a verb in the base form does not agree with: 'God bless X' is a wish.
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})


def states_nothing(verb: Token, lemma: str) -> bool:
    """A verb that is no event of its own: a wish or formula ('God bless X', 'long live the
    King': a verb of ``optative_verbs`` in the base form with a singular subject it does not
    agree with, and no auxiliary), or a raising verb that only carries the verb after it
    ('had come to believe', 'happened to meet': ``raising_verbs`` with an infinitive), or a
    title the parser took for a verb ('systems engineer Jan Novak')."""
    words = argument_words()
    if lemma in words.raising_verbs and _infinitive_after(verb):
        return True
    if _title_before_name(verb):
        return True
    if lemma not in words.optative_verbs or verb.tag_ not in {"VB", "VBP"} or \
            any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and c.tag_ in SINGULAR_NOUN_TAGS and
               not any(d.dep_ == "conj" for d in c.children) for c in verb.children)


def _title_before_name(verb: Token) -> bool:
    """'researcher and systems engineer Jan Novak of Brno came ...': a role noun the parser
    took for a present-tense verb of the words before it, with the name it titles as its
    object. No one 'engineered' Novak (judged wrong twice); the title is read elsewhere."""
    if verb.tag_ not in {"VB", "VBP"} or canonical_role(verb.text) is None or \
            any(c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" and c.left_edge.i == verb.i + 1
               for c in verb.children)


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
    for child in verb.children:
        if child.dep_ == "dobj":
            idiom = vocab.verb_idioms.get(f"{lemma} {child.lemma_.lower()}")
            if idiom is not None:
                return child, idiom
        elif child.dep_ == "prep":  # 'came into force', 'went on trial'
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                idiom = vocab.verb_idioms.get(f"{lemma} {child.lower_} {pobj.lemma_.lower()}")
                if idiom is not None:
                    return pobj, idiom
    return None


def _idiom_facts(state: DocState, sentence: Sentence, verb: Token,
                 idiom: tuple[Token, VerbIdiom], vocab: RelationVocabulary) -> Iterator[Fact]:
    """'X lost their lives' is 'X died'; 'X claimed responsibility for the attacks': the
    idiom's noun is part of the verb, and its object is what the idiom's preposition (on the
    verb or on the noun) introduces."""
    noun, meaning = idiom
    frame = Frame()
    fill_subjects(state, verb, frame)
    if not frame.subjects:
        return
    spec = vocab.spec(meaning.verb)
    _fill_objects_and_roles(state, verb, spec, frame, vocab)
    frame.objects = [] if not meaning.direct_object else [
        (m, "idiom-dobj") for c in verb.children if c.dep_ == "dobj" for conj in conjuncts(c)
        if (m := referent(state, conj)) is not None and m.type is not EntityType.DATE]
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
    reading = Reading(meaning.verb, spec, speaker_of(state, verb, vocab),
                      judge_factuality(verb, vocab))
    for subject, subject_rule in frame.subjects:
        if not frame.objects:
            yield _fact(state, sentence, verb, reading, subject, None,
                        f"{subject_rule}/idiom", frame.roles)
        for obj, object_rule in frame.objects:
            if not same_span(subject, obj):
                yield _fact(state, sentence, verb, reading, subject, obj,
                            f"{subject_rule}/{object_rule}", frame.roles)


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


def _prepositional_object(state: DocState, verb: Token, reading: Reading, frame: Frame,
                          preps: frozenset[str]) -> Reading:
    """'contributed to the tribute', 'sided with the rebels', 'voted against the bill': a verb
    with no direct object states its fact with the first argument preposition's object
    (``object_preps`` in the vocabulary, fewer for a verb that states an event alone: 'resigned
    from the board', but 'died in Paris'; never a time, nor a place the preposition locates).
    The fact is the prepositional verb ('contribute to'), not the verb's direct-object sense
    ('contribute' is 'give'), so the reading drops the relation; the role the phrase filled
    is now the object."""
    if any(c.dep_ in {"dobj", "attr", "oprd", "ccomp", "xcomp"} for c in verb.children):
        return reading
    ranked = _ranking(state, verb, reading.lemma)
    if ranked is not None:
        frame.objects.append((ranked, "ordinal"))
        return Reading(_ranking_lemma(verb, reading.lemma), None, reading.speaker,
                       reading.factuality)
    framed = argument_words().prepositional_frames.get(reading.lemma)
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        word = prep.lower_
        if word not in (preps if framed is None else framed):
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if pobj.ent_type_ in {"DATE", "TIME"} or pobj.like_num or complex_preposition(pobj):
                continue
            pobj = partitive_whole(pobj)
            mentions = [m for c in conjuncts(pobj) if (m := referent(state, c)) is not None
                        and m.type is not EntityType.DATE]
            if not mentions or (framed is None and word in load_vocabulary().place_preps and
                                all(m.type is EntityType.PLACE for m in mentions)):
                continue
            frame.objects.extend((m, f"prep-{word}") for m in mentions)
            frame.roles = [r for r in frame.roles if r.mention not in mentions]
            return Reading(f"{reading.lemma} {word}", None, reading.speaker, reading.factuality)
    return reading


def partitive_whole(token: Token) -> Token:
    """'arrested several of the protesters', 'sold most of its shares': a quantifier
    (``partitive_words``) with an 'of'-phrase takes a part of what that phrase names, which
    is the participant; any other token is itself. A stretch of time is no participant
    ('lived most of her life': ``partitive_durations``), nor a number: 'won four of the
    seats' is a counted group (kg.extract.reference)."""
    words = argument_words()
    if token.lower_ not in words.partitive_words or token.like_num:
        return token
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            return token if pobj.lemma_.lower() in words.partitive_durations else pobj
    return token


# Where the parser hangs the ordinal of 'came in second' / 'finished third'.
RANK_DEPS = frozenset({"advmod", "npadvmod", "oprd", "acomp", "attr", "dobj"})


def _ranking(state: DocState, verb: Token, lemma: str) -> Mention | None:
    """'came in second', 'finished third in the primary': a verb of finishing
    (``ranking_verbs``) with an ordinal says where its subject finished; the ordinal, a
    word no mention covers, becomes the fact's object (a thing)."""
    if lemma not in argument_words().ranking_verbs:
        return None
    candidates = [c for c in verb.children if c.dep_ in RANK_DEPS] + [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
        for p in c.children if p.dep_ == "pobj"]
    for token in candidates:
        if token.ent_type_ == "ORDINAL" and not list(token.children):
            return make_mention(state, token.doc[token.i:token.i + 1], EntityType.THING,
                                ner_label=None, lemma=token.lower_)
    return None


def _ranking_lemma(verb: Token, lemma: str) -> str:
    """The verb of a ranking as the reader writes it: 'come in' (with its 'in', however the
    parser hung it), 'finish', 'place'."""
    if lemma == "come" and any(c.lower_ == "in" and c.i == verb.i + 1 for c in verb.children):
        return "come in"
    return lemma


def complex_preposition(pobj: Token) -> bool:
    """'ruled in regard to the case', 'acted on behalf of X': the noun is part of a
    preposition made of words (``complex_preposition_nouns``: bare, with a preposition of its
    own), not a participant."""
    return pobj.lemma_.lower() in argument_words().complex_preposition_nouns and \
        not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in pobj.children) and \
        any(c.dep_ == "prep" for c in pobj.children)


def occurrence_verb(verb: Token, lemma: str, vocab: RelationVocabulary, *,
                    passive: bool) -> bool:
    """Whether the verb alone states an event: in the active voice an occurrence verb ('die',
    'resign', 'erupt': said with one participant), in an agentless passive any vocabulary verb
    ('was arrested'); never speech or a mental verb, nor with a clause that carries the content
    ('X wants to ...', 'X announced that ...')."""
    if verb.pos_ != "VERB" or lemma in vocab.never_events:
        return False
    spec = vocab.spec(lemma)
    if lemma not in vocab.occurrence_verbs and not (
            passive and spec is not None and _own_predicate(lemma, spec.predicate)):
        return False
    if spec is not None and spec.predicate in vocab.structural_predicates:
        return False
    return not any(c.dep_ in {"ccomp", "xcomp", "csubj", "csubjpass"} for c in verb.children)


def _participle(state: DocState, sentence: Sentence, verb: Token, lemma: str,
                spec: RelationSpec | None, vocab: RelationVocabulary) -> Iterator[Fact]:
    """'the project, funded by the Foundation', 'the arrested protesters': a past participle on
    a noun (after it or before it) is a passive whose patient is that noun; with 'by' it is a
    fact between the two, without it an occurrence of a verb with its own predicate. A verb
    the vocabulary does not know states a fact under its own name only with a named doer
    ('a plan first advocated by Senator X', 'the figures outlined by the Commission'), and
    not when it is a state or a report ('the scale used by X', 'followed by X')."""
    patient = referent(state, verb.head)
    if patient is None or patient.type is EntityType.DATE:
        return
    agents = [referent(state, pobj) for c in verb.children if c.dep_ == "agent"
              for pobj in c.children if pobj.dep_ == "pobj"]
    rule = "agent/acl"
    if not agents:
        agents, rule = _issuers(state, verb), "issuer/acl"
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
            not (verb.dep_ == "amod" and lemma not in object_verbs()):
        # Before its noun, the participle of a verb said with a bare subject tells what the
        # noun did or is ('a retired agent', 'a failed coup', 'the agreed facts'), not what
        # someone did to it ('a rescued woman').
        yield _fact(state, sentence, verb, reading, patient, None, "acl/agentless", roles,
                    subject_role=RoleName.THEME)


def _issuers(state: DocState, verb: Token) -> list[Mention | None]:
    """Who put out a text named in an 'in' phrase of the clause: 'In a statement issued on
    Monday, the police confirmed ...' - the police issued it (``issuing_verbs`` and
    ``authored_nouns`` in data/arguments.json). The subjects are the clause verb's own, never
    borrowed along a chain nor a passive's agent; none when the participle has a subject
    of its own or the text is not one its speaker writes ('in an interview aired Sunday')."""
    words = argument_words()
    text, prep = verb.head, verb.head.head
    compound = f"{text.doc[text.i - 1].lower_} {text.lower_}" if text.i else text.lower_
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb_lemma(verb) not in words.issuing_verbs \
            or not {text.lemma_.lower(), compound} & words.authored_nouns:
        return []
    if text.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ not in {"VERB", "AUX"}:
        return []
    governor = prep.head
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in governor.children):
        return []
    frame = Frame()
    fill_subjects(state, governor, frame)
    return [m for m, rule in frame.subjects if not rule.startswith(("inherited", "agent"))]


def _own_predicate(lemma: str, predicate: str) -> bool:
    """Whether a predicate is the verb's own ('arrest' -> arrested) rather than a broader one
    it shares ('make' -> produced, 'name' -> appointed): with no object to steady it, a
    broader predicate too often says what the text did not ('flags were lowered' -> cut)."""
    return predicate.lower().startswith(lemma.split()[0][:4])


def _agentless_passive(state: DocState, sentence: Sentence, verb: Token, lemma: str,
                       spec: RelationSpec | None, vocab: RelationVocabulary) -> Iterator[Fact]:
    """'X was arrested on Monday': the one we know of is who it was done to (the theme).
    'X was arrested and charged': the second verb shares the first one's patient."""
    shared = verb.dep_ == "conj" and verb.tag_ == "VBN" and \
        any(c.dep_ == "auxpass" for c in verb.head.children) and \
        not any(c.dep_ in {"nsubj", "nsubjpass", "auxpass"} for c in verb.children)
    if not (shared or any(c.dep_ == "auxpass" for c in verb.children)) or \
            any(c.dep_ == "agent" for c in verb.children):
        return
    if not shared:
        hidden = list(_hidden_agent_facts(state, sentence, verb, lemma, spec, vocab))
        if hidden:
            yield from hidden
            return
    if not occurrence_verb(verb, lemma, vocab, passive=True):
        if not (_eventive_passive(verb, lemma, vocab) or _declared(verb, lemma, vocab)):
            return
        spec = None  # 'the bill was suspended': the verb's own word, not a broader predicate
    frame = Frame()
    _fill_objects_and_roles(state, verb, spec, frame, vocab)
    patients = [(m, rule) for m, rule in frame.objects if rule == "nsubjpass"] or \
        [(m, "nsubjpass") for m in _borrowed_patients(state, verb)]
    if not patients:
        return
    reading = _reading(state, verb, lemma, spec, vocab)
    for patient, _ in patients:
        yield _fact(state, sentence, verb, reading, patient, None, "nsubjpass/agentless",
                    frame.roles, subject_role=RoleName.THEME)


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
    to be released' is X's)."""
    if verb.dep_ not in {"conj", "xcomp"} or \
            any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return []
    governed = list(verb.head.children)
    if verb.dep_ == "xcomp" and any(c.dep_ in {"dobj", "dative"} for c in governed):
        return []
    if verb.dep_ == "conj" and not _right_after_coordinator(verb):
        return []  # 'and scores more were injured': a subject the parser left elsewhere
    return [m for c in governed if c.dep_ in {"nsubj", "nsubjpass"}
            and c.lower_ not in {"it", "there"}
            for conj in conjuncts(c) if (m := referent(state, conj)) is not None]


def _right_after_coordinator(verb: Token) -> bool:
    """Whether only auxiliaries and adverbs stand between a conjunct and its 'and' (or
    comma): 'and was later hospitalized' shares the subject, 'and the bill was passed' has
    one of its own."""
    i = verb.i - 1
    while i > verb.head.i and verb.doc[i].pos_ in {"AUX", "ADV", "PART"}:
        i -= 1
    return i > verb.head.i and verb.doc[i].pos_ in {"CCONJ", "PUNCT"}


def _hidden_agents(state: DocState, verb: Token) -> list[tuple[Mention, str]]:
    """Who did what a passive with no 'by' of its own tells, from an 'in'-phrase: 'was
    condemned in a statement by Chile and Peru' (the 'by' hangs on the statement), 'two
    people were killed in a bombing' (an event that does harm did it, ``causing_events``);
    or from a command it was done on: 'was murdered on the orders of X', 'at X's behest'
    (``order_nouns``: X had it done)."""
    words = argument_words()
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ORDER_PREPS):
        for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            if pobj.lemma_.lower() in words.order_nouns:
                ordered = _order_owners(state, pobj)
                if ordered:
                    return ordered
            if prep.lower_ != "in":
                continue
            agents = [(m, "agent-in") for by in pobj.children
                      if by.dep_ == "prep" and by.lower_ == "by"
                      for p in by.children if p.dep_ == "pobj" for c in conjuncts(p)
                      if (m := referent(state, c)) is not None
                      and m.type is not EntityType.DATE]
            if agents:
                return agents
            if verb.lemma_.lower() in words.harm_verbs and \
                    pobj.lemma_.lower() in words.causing_events and \
                    (event := referent(state, pobj)) is not None:
                return [(event, "cause-in")]
    return []


# The prepositions a passive's hidden doer comes with: 'in a bombing', 'on the orders of X',
# 'at X's behest', 'under the command of X'.
ORDER_PREPS = frozenset({"in", "on", "at", "under"})


def _order_owners(state: DocState, order: Token) -> list[tuple[Mention, str]]:
    """Who gave a command: its possessor ('on X's orders') or its 'of'-phrase ('on the orders
    of X'), a person or an organisation."""
    owners = [c for c in order.children if c.dep_ == "poss"] + [
        p for c in order.children if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children if p.dep_ == "pobj"]
    return [(m, "agent-order") for o in owners for c in conjuncts(o)
            if (m := referent(state, c, possessive=True)) is not None
            and m.type in {EntityType.PERSON, EntityType.ORGANIZATION}]


def _hidden_agent_facts(state: DocState, sentence: Sentence, verb: Token, lemma: str,
                        spec: RelationSpec | None, vocab: RelationVocabulary) -> Iterator[Fact]:
    """The facts of an agentless passive whose doer an 'in'-phrase tells (``_hidden_agents``):
    the doer is the subject and the passive subject the object, as with 'by'."""
    agents = _hidden_agents(state, verb)
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


def _intransitive_event(verb: Token, lemma: str, vocab: RelationVocabulary) -> bool:
    """Whether a verb with a subject and nothing else still tells of something that happened
    ('the campaign started', 'hundreds of teams participated'): any eventive verb, as for an
    agentless passive, in the active voice."""
    finite = verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" for c in verb.children)
    return finite and \
        not any(c.dep_ in {"auxpass", "nsubjpass", "dative", "acomp"} for c in verb.children) and \
        _eventive_passive(verb, lemma, vocab)


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
    if spec is not None and spec.object_types and obj is not None and \
            obj.type not in spec.object_types:
        predicate = lemma.replace(" ", "_")  # another sense: 'executed the plan', 'formed a basis'
        # ... whose roles the relation's frame does not license: 'named the group as
        # terrorists' appoints nobody, so 'as terrorists' is no destination.
        roles = [r for r in roles if r.name in {RoleName.TIME, RoleName.PLACE}]
    return make_fact(state, sentence, verb.doc[verb.i:verb.i + 1],
                     predicate=predicate, lemma=lemma,
                     subject=subject, obj=obj, rule=rule, roles=roles,
                     factuality=reading.factuality, speaker=reading.speaker,
                     subject_role=subject_role)


def verb_lemma(verb: Token) -> str:
    """The lemma with its particle: 'rule out' is not 'rule', 'hand over' is not 'hand'; a
    prepositional verb the vocabulary lists ('call on', 'call for') is one verb too."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    verdict = [c for c in verb.children if c.dep_ in {"acomp", "advmod", "oprd"}
               and c.lower_ == "guilty"]
    if verdict:  # 'pleaded guilty', 'pleaded not guilty'
        negated = any(c.dep_ == "neg" for c in [*verdict[0].children, *verb.children])
        return f"{verb.lemma_.lower()} {'not ' if negated else ''}guilty"
    if not particles:
        # 'stepped down' is often parsed with 'down' as an adverb.
        vocab = load_vocabulary()
        for child in (c for c in verb.children if c.dep_ in {"advmod", "prep"}
                      and c.i == verb.i + 1):
            phrasal = f"{verb.lemma_.lower()} {child.lower_}"
            if phrasal in vocab.relations or (child.dep_ == "advmod" and
                                              phrasal in vocab.occurrence_verbs):
                return phrasal  # 'called on Italy to join': the phrase is the verb
    return " ".join([verb.lemma_.lower(), *particles])


def _slots(state: DocState, verb: Token, kind: str | None = None) -> list[Slot]:
    """The verb's argument slots found by the patterns of data/patterns.json."""
    return [s for s in state.slots.get(verb.i, ()) if kind is None or s.slot == kind]


# Parts of speech that name nothing: a word the parser makes a subject though it is a
# preposition, an adverb or a conjunction ('Amongst them reported ...').
NO_PARTICIPANT_POS = frozenset({"ADP", "ADV", "SCONJ", "CCONJ", "PART", "AUX", "INTJ", "PUNCT"})
PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "we"})
EMBEDDED_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis",
                              "csubj", "pcomp"})
# How the parser hangs the first place of a 'Town, State' subject on the verb it split from.
PAIR_SPLIT_DEPS = frozenset({"npadvmod", "nsubj", "appos", "dep"})


def fill_subjects(state: DocState, verb: Token, frame: Frame) -> None:
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    for slot in _slots(state, verb, "subject"):
        head, rule = verb.doc[slot.argument], slot.name
        if head.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            head, rule = _relative_head(state, verb), "relcl"
        if _description_before_name(head):
            continue
        group = group_referent(state, head)
        if group:
            named_after = _named_in_own_clause(state, verb, head)
            frame.subjects.extend((m, f"{rule}-group") for m in group
                                  if m.text.lower() not in named_after)
            continue
        for conj in conjuncts(head):
            if conj.pos_ in NO_PARTICIPANT_POS or \
                    conj.lower_ in argument_words().function_words:
                continue  # 'Amongst reported incidents ...': the parser's subject is no thing
            if (first := pair_container(state, conj)) is not None:
                # 'a plane in Ohio, United States crashed': Ohio's country is no doer; in
                # 'Dayton, Ohio hosts the fair' the parser hung the town on the verb: it hosts.
                conj = first
                if first.head.i != verb.i or first.dep_ not in PAIR_SPLIT_DEPS:
                    continue
            mention = referent(state, conj)
            if mention is not None and mention.antecedent is not None and \
                    mention.antecedent.text.lower() in _named_in_own_clause(state, verb, head):
                continue  # 'he praised Lena Marsh': he is not the one his clause names
            if mention is not None and mention.type is not EntityType.DATE:
                frame.subjects.append((mention, rule))
    named = [m for m, _ in frame.subjects if m.ner_label not in (None, "PROPN")]
    if len(named) >= 2:
        state.last_group = (state.sentence_index[verb.i], named)
    if frame.subjects or passive or any(c.dep_ in {"nsubj", "csubj", "expl"}
                                        for c in verb.children):
        return  # a subject we could not resolve is still not the governing verb's subject
    if verb.dep_ == "advcl" and verb.tag_ in FINITE_TAGS:
        # 'after Joan May stepped down': a finite clause has its own subject; the parser
        # sometimes hangs it on the conjunction.
        for mark in (c for c in verb.children if c.dep_ in {"mark", "prep"}):
            for pobj in (c for c in mark.children if c.dep_ == "pobj"):
                mention = referent(state, pobj)
                if mention is not None and mention.type is not EntityType.DATE:
                    frame.subjects.append((mention, "mark-pobj"))
        return
    if verb.dep_ in {"relcl", "acl"} and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # Infinitival: 'took a train to meet Putin' - the traveller meets, not the train;
        # 'joined the race to replace him'; 'Kim's plan to visit': the possessor.
        owners = [m for c in verb.head.children if c.dep_ == "poss"
                  if (m := referent(state, c, possessive=True)) is not None]
        if owners:
            frame.subjects.extend((m, "inherited-poss") for m in owners)
            return
        governor = verb.head
        while governor.pos_ not in {"VERB", "AUX"} and governor.head.i != governor.i:
            governor = governor.head
        if governor.pos_ in {"VERB", "AUX"} and _borrows_through_noun(verb.head, governor):
            inherited = Frame()
            fill_subjects(state, governor, inherited)
            frame.subjects.extend((m, "inherited-relcl") for m, _ in inherited.subjects)
    elif verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        # 'the group that attacked', and a present participle on its noun: 'demonstrations
        # protesting the shooting', 'a survey finding no storm': the noun does it.
        mention = referent(state, _relative_head(state, verb))
        if mention is not None:
            frame.subjects.append((mention, verb.dep_))
    elif verb.dep_ == "advcl" and not _borrows_for_adverbial(verb) and \
            not raised_infinitive(verb):
        return  # see _borrows_for_adverbial: a clause whose doer grammar does not give;
        # 'X passed the exam and went on to found a bank': the raising verb's subject does
    elif verb.dep_ == "pcomp" and (held := _held_to_deed(state, verb)):
        # 'a jury found X guilty of murdering Y', 'X was found guilty of killing Y'
        frame.subjects.extend((m, "inherited-accused-pcomp") for m in held)
    elif verb.dep_ in {"pcomp", "xcomp", "advcl"} and \
            (governor := _governing_verb(verb)) is not None:
        # 'left before moving to California', 'was unable to negotiate a deal', 'was killed
        # after posting pictures': the governing clause's subject (or, when it is passive
        # with no agent, its passive subject) does the gerund or the infinitive.
        accused = accused_of(state, governor) if verb.head.lower_ in ACCUSING_PREPS else []
        if accused:
            # 'police charged X with killing Y', 'X, convicted of killing Y': the one the
            # court or the police hold to it did it, not the police
            frame.subjects.extend((m, f"inherited-accused-{verb.dep_}") for m in accused)
            return
        inherited = Frame()
        fill_subjects(state, governor, inherited)
        if not inherited.subjects:
            inherited.subjects.extend(_passive_subjects(state, governor))
        frame.subjects.extend((m, f"inherited-{verb.dep_}") for m, _ in inherited.subjects)
    elif verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head.pos_ in {"VERB", "AUX"}:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if infinitive and any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.head.children):
            # 'X was sentenced by the judge to prison and to pay restitution', 'X was asked
            # to leave': who was sentenced pays, not the judge.
            frame.subjects.extend((m, f"inherited-{verb.dep_}")
                                  for m, _ in _passive_subjects(state, verb.head))
            if frame.subjects:
                return
        if verb.dep_ == "xcomp" and not infinitive and verb.tag_ == "VBG" and \
                verb_lemma(verb.head) in argument_words().object_control:
            return  # 'the rule requires reporting thefts': whoever reports, not the rule
        controllers = _object_controllers(state, verb) if verb.dep_ == "xcomp" else []
        if controllers:
            # 'asked Turkey to halt drilling', 'called on X and Y to join': the object acts.
            frame.subjects.extend((m, "inherited-object") for m in controllers)
            return
        if _active_after_passive(verb):
            frame.subjects.extend((m, "inherited-conj-passive")
                                  for m, _ in _passive_subjects(state, verb.head))
            return
        inherited = Frame()
        fill_subjects(state, verb.head, inherited)
        if not inherited.subjects and verb.dep_ == "xcomp" and verb.head.dep_ == "acl" and \
                (mention := referent(state, verb.head.head)) is not None:
            # 'the pipeline, intended to connect the fields': the pipeline connects.
            inherited.subjects.append((mention, "acl"))
        if not inherited.subjects and verb.dep_ == "xcomp":
            # Raising: 'Putin is expected to visit' - the passive subject is the visitor.
            inherited.subjects.extend(_passive_subjects(state, verb.head))
        link = "raising" if raised_infinitive(verb) else verb.dep_  # 'went on to found'
        frame.subjects.extend((m, f"inherited-{link}") for m, _ in inherited.subjects)


def _active_after_passive(verb: Token) -> bool:
    """'X was elected in 2005 and served two terms', 'the ship was hit by a missile and sank':
    an active verb coordinated with a passive one shares its subject, the one the passive is
    about, never the passive's agent (the missile did not sink).
    Only a finite verb after 'and', 'but' or a comma on the passive verb: a participle is
    either passive itself, sharing the auxiliary ('was arrested and charged': charged too),
    or not coordinated at all ('was hit, killing ten': the blast kills)."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS:
        return False
    if not any(c.dep_ == "nsubjpass" for c in verb.head.children):
        return False
    auxiliaries = [c for c in verb.head.children if c.dep_ in {"aux", "auxpass"}]
    if auxiliaries and (auxiliaries[0].tag_ == "VBD") != (verb.tag_ == "VBD"):
        return False  # tenses that differ: a misparse ('had been released on the provision
        # he agreed to wear a tag, submit to curfews': 'submit' belongs to 'wear')
    if any(t.ent_type_ == "PERSON" for c in verb.children if c.dep_ in {"dobj", "oprd", "attr"}
           for t in c.subtree):
        return False  # a person after the verb is where the parser errs ('was born in X and
        # christened John Smith' is passive too; 'when Y was shot and tackled his assassin'
        # has another subject); on CoNLL04 train both such readings were wrong
    between = verb.doc[verb.head.i + 1:verb.i]
    return any((t.dep_ == "cc" or t.text == ",") and t.head.i == verb.head.i for t in between)


def _named_in_own_clause(state: DocState, verb: Token, subject: Token) -> frozenset[str]:
    """The names the subject's own clause says after it ('they keep channels to Veloria open'):
    a pronoun subject cannot mean one of them, or the writer would have said 'itself' or
    repeated no name (the binding rule that keeps 'he praised Kim' from meaning Kim)."""
    if subject.lower_ not in PRONOUN_SUBJECTS:
        return frozenset()
    names: set[str] = set()
    stack = [c for c in verb.children if c.i > subject.i and c.dep_ not in EMBEDDED_CLAUSES]
    while stack:  # not into a clause of its own: 'he said the money Reyes got ...' may be his
        token = stack.pop()
        if (mention := state.mention_at.get(token.i)) is not None:
            names.add(mention.text.lower())
        stack.extend(c for c in token.children if c.dep_ not in EMBEDDED_CLAUSES)
    return frozenset(names)


def _borrows_through_noun(noun: Token, governor: Token) -> bool:
    """Whether an infinitive on a noun is done by the governing verb's subject: when the noun
    is a plan ('expressed intent to become a lawyer': noun control) or hangs on that verb
    itself, as its object or through its own preposition, which makes the infinitive the
    verb's purpose ('joined the race to replace him', 'traveled on a train to meet Kim').
    A noun deeper in a phrase ('released plans for an election to fill the seat': the
    election fills it) or coordinated with another ('restrictions were lifted, and schools
    to reopen') leaves the infinitive to its own doer, which grammar does not give."""
    if noun.lemma_.lower() in load_vocabulary().plan_nouns:
        return True
    if noun.dep_ == "conj":
        return False
    if noun.head.i == governor.i:
        return noun.dep_ in {"dobj", "attr", "npadvmod", "oprd"}
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == governor.i


def _borrows_for_adverbial(verb: Token) -> bool:
    """Whether an adverbial clause without a subject is done by its governing verb's subject.
    Grammar gives that for a participle ('..., providing aid', 'charged with murder, X
    appeared', 'called while driving') and a purpose infinitive ('emigrated to pursue his
    studies') on a verb with a subject of its own. Not for a finite clause (its subject is its
    own), nor when the governing verb's subject is borrowed itself (a relative clause, a
    passive, 'it' or a relative word), nor when a noun right before the gerund
    is its subject ('spoke of Turkey assuming the duty'). On the judged samples, adverbial
    clauses' borrowed subjects were right in fewer than one fact in three (11 of 37)."""
    governor = verb.head
    if governor.pos_ not in {"VERB", "AUX"} or governor.dep_ == "relcl":
        return False
    if verb.tag_ in FINITE_TAGS:
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not infinitive and verb.tag_ not in {"VBG", "VBN"}:
        return False
    if not infinitive and verb.lemma_.lower() in argument_words().outcome_verbs:
        return False  # '..., resulting in two deaths': what results is the whole clause
    if governor.dep_ == "advcl" and any(c.dep_ == "mark" for c in governor.children):
        # 'deaths rose after the payments started, resulting from drug abuse': a participle
        # the parser hung on a subordinate clause belongs to the main one, not its subject.
        return False
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.pos_ in {"NOUN", "PROPN"} and before.dep_ == "pobj":
        return False
    own = [c for c in governor.children if c.dep_ == "nsubj"]
    return bool(own) and all(c.lower_ not in RELATIVE_PRONOUNS | {"it"} for c in own)


def _relative_head(state: DocState, verb: Token) -> Token:
    """The noun a relative clause is about: the noun it hangs on, or, when that noun is a
    description in apposition to a name ('Harbor Foods, the company that makes soup') or said
    of one by a copula ('Vell was the clerk who signed it', ``_predicate_holder``), the
    name: the description alone would be dropped as saying too little."""
    head = verb.head
    if head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.i in state.mention_at and \
            state.mention_at[head.head.i].ner_label is not None:
        return head.head
    holder = _predicate_holder(head)
    if holder is not None and referent(state, holder) is not None:
        return holder
    return head


# Personal pronouns a predicate noun may be said of: 'he was the man who killed X'.
PERSON_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


def _predicate_holder(noun: Token) -> Token | None:
    """Who a predicate noun is: 'Oswald was the gunman who killed X', 'he was among the
    members who voted against the bill' - the copula's one subject, a name or a personal
    pronoun, so that the relative clause on the noun is that subject's deed. None after a
    negated copula ('X was not the man who ...'), for a named predicate ('X is Y, who ...')
    and for a subject that is itself a description ('the problem is the law that allows X')."""
    copula = noun.head
    if noun.dep_ == "pobj" and copula.dep_ == "prep" and copula.lower_ == "among" and \
            noun.tag_ in {"NNS", "NNPS"}:
        copula = copula.head  # 'was among the members (the Democrats) who voted'
    elif noun.dep_ != "attr" or noun.pos_ != "NOUN":
        return None
    if copula.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in copula.children):
        return None
    subjects = [c for c in copula.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or not (subjects[0].pos_ == "PROPN" or
                                  subjects[0].lower_ in PERSON_SUBJECT_PRONOUNS):
        return None
    return subjects[0]


def _description_before_name(head: Token) -> bool:
    """'The shipping line Brennvor signed': the parser sometimes makes both the description
    and the name right after it subjects of the verb; the name is the one subject."""
    return head.pos_ == "NOUN" and head.dep_ == "nsubj" and any(
        c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.left_edge.i == head.i + 1
        for c in head.head.children)


ACCUSABLE = frozenset({EntityType.PERSON, EntityType.ORGANIZATION})
# The prepositions that bring the deed: 'charged with', 'convicted of', 'jailed for', 'charged
# in the slaying', 'pleaded guilty to'; not 'arrested after fleeing'.
ACCUSING_PREPS = frozenset({"with", "of", "for", "in", "over", "to", "on"})


def accused_of(state: DocState, verb: Token) -> list[Mention]:
    """Whom a verb of the courts or the police holds to a deed ('charged X with murder', 'X
    was convicted of killing', 'X, suspected of the assassination', 'X pleaded guilty to',
    'X went on trial for'): the verb's object, its passive subject, the noun it qualifies,
    or, for verbs whose subject stands accused (``accusing_verbs`` in relations.json:
    'plead', 'admit'), its subject. Empty for any other verb."""
    verbs = load_vocabulary().accusing_verbs
    lemma = verb.lemma_.lower()
    if lemma not in verbs:
        return []
    if verbs[lemma] == "subject":
        held = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        held = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if not held and verb.dep_ in {"acl", "amod", "relcl"} and verb.tag_ == "VBN":
            held = [verb.head]
        if not held and verb.dep_ == "conj":  # 'were arrested and charged with murder'
            held = [c for c in verb.head.children if c.dep_ in {"dobj", "nsubjpass"}]
    found = []
    for token in held:
        for conj in conjuncts(token):
            mention = referent(state, conj)
            if mention is not None and mention.type in ACCUSABLE:
                found.append(mention)
    return found


def _held_to_deed(state: DocState, verb: Token) -> list[Mention]:
    """Who a verdict holds to a deed said with a gerund: 'found X guilty of murdering Y' (the
    parser makes X the adjective's subject), 'X was found guilty of killing Y', 'X is guilty
    of stealing' (``verdict_words`` in data/arguments.json): X did it. The jury or the court
    only found it; empty when no verdict word governs the gerund, no one is held or the
    verdict is denied ('not guilty')."""
    prep = verb.head
    if verb.tag_ != "VBG" or prep.dep_ != "prep" or prep.lower_ not in ACCUSING_PREPS:
        return []
    verdict = prep.head
    if verdict.pos_ != "ADJ" or verdict.lemma_.lower() not in argument_words().verdict_words:
        return []
    if any(c.dep_ == "neg" for c in [*verdict.children, *verdict.head.children]) or \
            verdict.doc[verdict.i - 1].lower_ in {"not", "never"}:
        return []  # 'found X not guilty of murdering Y': held to nothing
    held = [c for c in verdict.children if c.dep_ == "nsubj"]
    governor = verdict.head
    if not held and verdict.dep_ in {"oprd", "acomp", "ccomp", "xcomp"}:
        wanted = {"nsubjpass", "nsubj"} if governor.lemma_.lower() == "be" or any(
            c.dep_ == "auxpass" for c in governor.children) else {"dobj"}
        held = [c for c in governor.children if c.dep_ in wanted]
    return [m for token in held for conj in conjuncts(token)
            if (m := referent(state, conj)) is not None and m.type in ACCUSABLE]


def _passive_subjects(state: DocState, verb: Token) -> list[tuple[Mention, str]]:
    """The passive subjects of a verb ('Putin is expected', 'X was killed'), each of them when
    they are coordinated ('X and Y were asked to draft a plan': both draft it), as subjects a
    governed clause can share."""
    found: list[tuple[Mention, str]] = []
    for child in (c for c in verb.children if c.dep_ == "nsubjpass"):
        group = counted_group(state, child)  # 'A and B were arrested. The two are expected'
        found += [(m, "nsubjpass-group") for m in group] or [
            (mention, "nsubjpass") for conj in conjuncts(child)
            if (mention := referent(state, conj))]
    return found


def _object_gap(verb: Token) -> bool:
    """Whether a relative clause leaves its object to the noun it modifies: it has a subject
    of its own, no relative word ('which', 'where', 'when': the patterns read those), no
    object or complement clause, and modifies a noun."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in {"NOUN", "PROPN"} or verb.pos_ != "VERB" \
            or verb.head.ent_type_ in {"DATE", "TIME"} or verb.head.lemma_.lower() in GAPLESS:
        return False  # 'the day he arrived', 'the way she spoke' say when and how
    children = list(verb.children)
    return any(c.dep_ == "nsubj" and c.i < verb.i for c in children) and not any(
        c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "oprd", "dative", "nsubjpass", "auxpass"}
        or c.lower_ in RELATIVE_PRONOUNS or c.tag_ in {"WRB", "WDT", "WP"}
        for c in children)


def accused_of_deed(governor: Token, prep: Token) -> bool:
    """'charged X with killing Y', 'convicted of selling': a verb of the courts or the police
    with the preposition that brings the deed (see ``accused_of``)."""
    return prep.lower_ in ACCUSING_PREPS and \
        governor.lemma_.lower() in load_vocabulary().accusing_verbs


def _governing_verb(verb: Token) -> Token | None:
    """The verb whose subject a subject-less gerund or infinitive shares when the parser
    hangs it on something else: a preposition ('before moving', 'prior to setting') or an
    adjective ('unable to negotiate'). None when it hangs on a verb directly (the general
    case below) or when the clause is not a gerund or an infinitive."""
    head = verb.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep":
        governor = head.head
        word = head.lower_
        if governor.dep_ == "prep" and governor.head.pos_ in {"VERB", "AUX"}:
            word = f"{governor.lower_} {word}"  # 'prior to setting', 'instead of going'
            governor = governor.head
        elif governor.pos_ in {"ADV", "ADJ"} and governor.head.pos_ in {"VERB", "AUX"}:
            word = f"{governor.lower_} {word}"
            governor = governor.head
        # 'left before moving', 'was arrested after attacking': the verb's subject does it.
        # A gerund on a noun ('a letter of intent on selling gas': no sale), or after a
        # complement preposition ('barred him from serving', 'resulted in overlapping
        # claims', 'described as resembling hair') is not the subject's deed; 'for' and
        # 'in' are the subject's without an object ('in the news for travelling', 'acted
        # alone in killing X') or on that object ('feels remorse for killing X').
        words = argument_words()
        if governor.pos_ in {"NOUN", "PROPN"} and governor.dep_ == "dobj" and \
                accused_of_deed(governor.head, head):
            governor = governor.head  # 'convicted X of killing Y', 'of' hung on X
        reason = word in words.reason_preps
        if reason and governor.pos_ == "NOUN" and governor.dep_ == "dobj":
            governor = governor.head  # 'feels remorse for killing X': the one who feels
        elif reason:
            reason = not any(c.dep_ in {"dobj", "dative"} for c in governor.children)
        reason = reason and governor.lemma_.lower() not in words.outcome_verbs
        if governor.pos_ == "NOUN" and plan_noun(governor):
            # 'signed an agreement on selling gas', 'a letter of intent on selling': the
            # plan's holders, the verb's subject, would do it (planned, kg.factuality).
            for _ in range(3):
                if governor.pos_ not in {"NOUN", "PROPN"} or \
                        governor.dep_ not in {"dobj", "pobj"}:
                    break
                governor = governor.head
                if governor.dep_ == "prep" and governor.lower_ == "of":
                    governor = governor.head
            return governor if governor.pos_ in {"VERB", "AUX"} else None
        if word not in words.gerund_adjunct_preps and not reason and \
                not (governor.pos_ in {"VERB", "AUX"} and accused_of_deed(governor, head)):
            return None
    elif verb.dep_ == "xcomp" and infinitive and head.pos_ == "ADJ" and head.dep_ == "acomp":
        governor = head.head
    else:
        return None
    return governor if governor.pos_ in {"VERB", "AUX"} else None


def _object_controllers(state: DocState, verb: Token) -> list[Mention]:
    """The governing verb's objects, who do an infinitive after it: 'urged Kim to resign',
    'instructed the committee to meet', 'called on Italy and Egypt to join'. Only after a
    verb of making or asking someone do something (``object_control``): in 'used satellites
    to study the ice' or 'bought land to build homes' the subject does it."""
    governor = verb.head
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or \
            verb_lemma(governor) not in argument_words().object_control:
        return []
    for child in governor.children:
        if child.i > verb.i:
            continue
        objects = [child] if child.dep_ == "dobj" else [
            p for p in child.children if p.dep_ == "pobj"] if (
            child.dep_ == "prep" and child.lower_ == "on") else []
        if objects:
            return [m for o in objects for c in conjuncts(o)
                    if (m := referent(state, c)) is not None]
    return []


def _fill_objects_and_roles(state: DocState, verb: Token, spec: RelationSpec | None,
                            frame: Frame, vocab: RelationVocabulary) -> None:
    preferred: list[tuple[Mention, str]] = []
    deps = {c.dep_ for c in verb.children}
    # 'Okonjo was awarded the trophy by Pillay': with a direct object as well, the passive
    # subject of a giving verb is the recipient.
    passive_recipient = "dobj" in deps and "nsubjpass" in deps and spec is not None \
        and bool(spec.recipient)
    gap = _gapped_clause_start(verb)
    for slot in _slots(state, verb):
        argument = verb.doc[slot.argument]
        if slot.slot in {"prep", "time"} and argument.i > gap:
            continue  # 'X was impeached in 1998, and Y in 1868': 1868 is Y's
        if slot.slot in {"prep", "time"} and _governors_circumstance(verb, argument):
            continue
        if slot.slot == "object" and slot.name == "nsubjpass" and passive_recipient:
            _add_role(state, frame, RoleName.RECIPIENT, argument, vocab)
        elif slot.slot == "object":
            if argument.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                argument = _relative_head(state, verb)  # 'the plan, which the police rejected'
            if _is_reciprocal(argument, vocab):
                frame.reciprocal = RoleName.THEME
                continue
            if group := counted_group(state, argument):  # 'police charged the two'
                frame.objects.extend((m, slot.name) for m in group)
                continue
            argument = partitive_whole(argument)  # 'arrested several of the protesters'
            for conj in conjuncts(argument):
                mention = None if pair_container(state, conj) is not None else \
                    referent(state, conj)
                if mention is not None and mention.type is not EntityType.DATE:
                    frame.objects.append((mention, slot.name))
                    _recipient_inside_object(state, conj, spec, frame)
        elif slot.slot == "recipient":
            _add_role(state, frame, RoleName.RECIPIENT, argument, vocab)
        elif slot.slot == "prep":
            preferred.extend(_prep_roles(state, verb, argument, spec, frame, vocab))
        elif slot.slot == "time":
            add_time(state, frame, argument)
    for verdict in (c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "guilty"):
        # 'pleaded guilty to eight counts': the charges hang on 'guilty'.
        for prep in (c for c in verdict.children if c.dep_ == "prep"):
            preferred.extend(_prep_roles(state, verb, prep, spec, frame, vocab))
    _attached_circumstances(state, verb, spec, frame, vocab)
    themes = [r for r in frame.roles if r.name is RoleName.THEME]
    if themes:
        # 'provided Ukraine with tanks': the tanks are given, Ukraine receives them.
        frame.roles = [r for r in frame.roles if r.name is not RoleName.THEME]
        frame.roles += [Role(name=RoleName.RECIPIENT, mention=m) for m, _ in frame.objects]
        frame.objects = [(r.mention, "prep-with") for r in themes]
    if not frame.objects and not preferred and _object_gap(verb) and \
            not occurrence_verb(verb, verb_lemma(verb), vocab, passive=False):
        # 'the firearms he used', 'the wreck they found': a relative clause with its own
        # subject and no object or relative word is about the noun it hangs on.
        mention = referent(state, _relative_head(state, verb))
        if mention is not None and mention.type is not EntityType.DATE:
            frame.objects.append((mention, "relcl-gap"))
    if not frame.objects:
        frame.objects.extend(preferred)


CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "nsubj",
               "nsubjpass", "mark", "cc", "punct"}
CLAUSE_HEAD_POS = frozenset({"VERB", "AUX"})


def _gapped_clause_start(verb: Token) -> int:
    """Where a gapped clause begins: 'X was impeached in 1998, and Y in 1868' hangs 'Y' on the
    verb as a conjunct and 'in 1868' after it on the verb too; what follows such a nominal
    conjunct belongs to the clause whose verb was left out. Past the sentence if none."""
    nominal = [c.i for c in verb.children if c.dep_ == "conj" and c.i > verb.i
               and c.pos_ in {"NOUN", "PROPN", "PRON"}]
    return min(nominal, default=len(verb.doc))


def _own_clause(token: Token) -> bool:
    """A phrase of this clause, not the head of a clause of its own: 'stayed in the hotel
    before appearing in court on Monday' - Monday dates the appearing (a gerund after a
    preposition), not the stay; but 'killed her by strangling her in 2016' is one event."""
    return token.dep_ not in CLAUSE_DEPS and not (
        token.dep_ == "pcomp" and token.pos_ in CLAUSE_HEAD_POS and
        token.head.lower_ not in argument_words().means_preps)


def _attached_circumstances(state: DocState, verb: Token, spec: RelationSpec | None,
                            frame: Frame, vocab: RelationVocabulary) -> None:
    """Times and places the parser hung on a noun of this clause ('met Putin on Wednesday at
    the Cosmodrome' often attaches to 'Putin'): they still date and place the event. A role
    preposition on the direct object ('imposed sanctions on Russia') fills that role."""
    objects = {c.i for c in verb.children if c.dep_ == "dobj"}
    gap = _gapped_clause_start(verb)
    stack = [c for c in verb.children if c.dep_ in {"dobj", "dative", "prep", "attr", "npadvmod"}
             and c.i < gap and not _other_event_phrase(c) and
             not _governors_circumstance(verb, c)]
    taken = {r.mention for r in frame.roles} | {m for m, _ in frame.objects}
    elsewhere = _placed_participant(verb, spec, vocab)
    while stack:
        token = stack.pop()
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i != verb.i:
            word = token.head.lower_
            if token.ent_type_ in {"DATE", "TIME"} and word in vocab.time_preps:
                add_time(state, frame, token)
            else:
                mention = state.mention_at.get(token.i)
                if mention is None and token.pos_ == "PROPN" and token.ent_type_ == "":
                    mention = as_place(referent(state, token))
                role = spec.role_for_prep(word) if spec else None
                if role is RoleName.THEME and token.head.head.i in objects:
                    # 'armed the rebels with missiles' with 'with' hung on 'rebels'.
                    for conj in conjuncts(token):
                        theme = referent(state, conj)
                        if theme is not None and theme not in taken:
                            frame.roles.append(Role(name=role, mention=theme))
                            taken.add(theme)
                elif mention is not None and role is not None and \
                        token.head.head.i in objects and mention not in taken and \
                        not canonical_role(token.head.head.lemma_.lower()) and \
                        not (role is RoleName.COAGENT and _manner_noun(token, mention)):
                    # ('expelled the ambassador to Greece': 'to Greece' is the title's.)
                    frame.roles.append(Role(name=role, mention=mention))
                    taken.add(mention)
                elif mention is not None and mention.type is EntityType.PLACE and \
                        word in vocab.place_preps and mention not in taken and \
                        token.i not in elsewhere:
                    # 'won the races in Oslo, Bergen and Tromso': each place of the list.
                    for conj in conjuncts(token):
                        place = mention if conj.i == token.i else as_place(
                            state.mention_at.get(conj.i))
                        if place is not None and place.type is EntityType.PLACE and \
                                place not in taken:
                            frame.roles.append(Role(name=RoleName.PLACE, mention=place))
                            taken.add(place)
        stack.extend(c for c in token.children if _own_clause(c))


# Roles whose phrase says where to or from ('flown to a clinic in Madrid'): a place inside it
# locates that end; a place inside another participant's phrase ('met with Vick in Porto')
# is most often where the event was, hung on the wrong word by the parser.
WHERE_TO_ROLES = frozenset({RoleName.DESTINATION, RoleName.ORIGIN, RoleName.RECIPIENT})


def _placed_participant(verb: Token, spec: RelationSpec | None,
                        vocab: RelationVocabulary) -> set[int]:
    """The words of the verb's prepositional phrases that say where to or from ('was flown
    from Porto to a clinic in Madrid'): a place inside them locates that end, not the event."""
    if spec is None:
        return set()
    return {t.i for c in verb.children if c.dep_ == "prep" and c.lower_ not in vocab.place_preps
            and spec.role_for_prep(c.lower_) in WHERE_TO_ROLES for t in c.subtree}


def _governors_circumstance(verb: Token, token: Token) -> bool:
    """'X said at a press conference yesterday morning the laws should be changed': a time or
    place the parser hung on a reported clause, written between the saying verb and that
    clause's subject, is the saying's."""
    if verb.dep_ != "ccomp" or not verb.head.i < token.i < verb.i:
        return False
    subjects = [c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    return bool(subjects) and token.i < min(subjects)


def _other_event_phrase(token: Token) -> bool:
    """A phrase that sets the verb's event against another one ('despite signs of recovery on
    Sunday, he suffered a stroke on Monday', 'after his arrest on Friday he stayed in jail'):
    the dates and places inside it are that other event's, not the verb's."""
    return token.dep_ == "prep" and token.lower_ in argument_words().event_order_preps


def _recipient_inside_object(state: DocState, obj: Token, spec: RelationSpec | None,
                             frame: Frame) -> None:
    """Repair a common misparse: 'presented a gun made in Korea to Putin' hangs the 'to'-phrase
    on the participle; a recipient preposition inside the object still names the recipient."""
    if spec is None or not spec.recipient:
        return
    for token in obj.subtree:
        if token.dep_ == "prep" and token.lower_ in spec.recipient and token.head.i != obj.i:
            for pobj in (c for c in token.children if c.dep_ == "pobj"):
                mention = referent(state, pobj)
                if mention is not None and mention.type in {EntityType.PERSON,
                                                            EntityType.ORGANIZATION,
                                                            EntityType.PLACE}:
                    frame.roles.append(Role(name=RoleName.RECIPIENT, mention=mention))


def _prep_roles(state: DocState, verb: Token, prep: Token, spec: RelationSpec | None,
                frame: Frame, vocab: RelationVocabulary) -> Iterator[tuple[Mention, str]]:
    """Fill roles from one prepositional phrase; yield candidates for the direct object."""
    word = "by" if prep.dep_ == "agent" else prep.lower_
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        if _is_reciprocal(pobj, vocab) and spec is not None:
            frame.reciprocal = spec.role_for_prep(word) or RoleName.COAGENT
            continue
        if pobj.ent_type_ in {"DATE", "TIME"} and word in vocab.time_preps:
            add_time(state, frame, pobj)
            continue
        role = spec.role_for_prep(word) if spec else None
        object_preps = spec.object if spec else ()
        # 'called on Italy and Egypt to join': a list after the verb's own preposition is its
        # objects, each one fact; none of them is where the other's fact happened.
        listed = word in object_preps and len(conjuncts(pobj)) > 1
        for conj in conjuncts(pobj):
            mention = referent(state, conj)
            if mention is None or mention.type is EntityType.DATE:
                continue
            if mention.ner_label == "PROPN" and word in vocab.place_preps:
                mention = as_place(mention)
            if word in object_preps:
                yield mention, f"prep-{word}"
            if role is RoleName.RECIPIENT and conj.lemma_.lower() in argument_words().measure_nouns:
                continue  # 'gave him six votes, for a total of 279': the total receives nothing
            if role is RoleName.COAGENT and _manner_noun(conj, mention):
                continue  # 'announced it with great sorrow': how, not with whom
            if role is not None:
                frame.roles.append(Role(name=role, mention=mention))
            elif mention.type is EntityType.PLACE and word in vocab.place_preps and not listed:
                frame.roles.append(Role(name=RoleName.PLACE, mention=mention))


def _manner_noun(token: Token, mention: Mention) -> bool:
    """A bare singular common noun ('with sorrow', 'with great concern'): a mass noun of how
    something was done, no partner who did it with the subject ('with the company', 'with
    officials', 'with Kim' keep a determiner, a plural or a name)."""
    return mention.type is EntityType.THING and mention.ner_label is None and \
        token.tag_ == "NN" and not any(c.dep_ in {"det", "poss", "nummod", "compound"}
                                       for c in token.children)


def _add_role(state: DocState, frame: Frame, name: RoleName, token: Token,
              vocab: RelationVocabulary) -> None:
    if _is_reciprocal(token, vocab):
        frame.reciprocal = name
        return
    for conj in conjuncts(token):
        mention = referent(state, conj)
        if mention is not None:
            frame.roles.append(Role(name=name, mention=mention))


def add_time(state: DocState, frame: Frame, token: Token) -> None:
    mention = state.mention_at.get(token.i)
    if mention is None or mention.type is not EntityType.DATE:
        return
    if mention.text.split()[0].lower() in argument_words().age_words:
        return  # 'died at age 68': an age, not when
    if is_duration(mention.text):
        return  # 'killed a few weeks after ...', 'for three days': a length, not when
    if any(r.name is RoleName.TIME and r.mention == mention for r in frame.roles):
        return
    ahead = _still_to_happen(token)
    normalized = normalize_time(mention.text, state.document.date, ahead=ahead)
    explicit = _parenthetical_date(state, token)
    if explicit is not None:
        # 'on Wednesday (Sept 13)': the writer's own date beats counting back from the dateline.
        normalized = normalize_time(explicit.text, state.document.date, ahead=ahead) or normalized
    frame.roles.append(Role(name=RoleName.TIME, mention=mention, normalized=normalized))


def _still_to_happen(token: Token) -> bool:
    """Whether the clause a date hangs in is expected from now ('is scheduled to vote on March
    10', 'will meet on Monday'): its date without a year or week lies ahead of the article's."""
    clause = token
    for _ in range(8):
        if clause.pos_ in CLAUSE_HEAD_POS or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.pos_ not in CLAUSE_HEAD_POS or \
            judge_factuality(clause, load_vocabulary()) is not Factuality.EXPECTED:
        return False
    # ... as seen now, not as it was: 'was expected to end on December 15' (and then was not)
    # may lie behind the article.
    chain = [clause]
    while chain[-1].dep_ == "xcomp" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return not any(t.tag_ == "VBD" for v in chain for t in
                   (v, *(c for c in v.children if c.dep_ in {"aux", "auxpass"})))


def _parenthetical_date(state: DocState, token: Token) -> Mention | None:
    doc = token.doc
    end = mention_end(state, token)
    if end + 2 < len(doc) and doc[end + 1].text == "(":
        inner = state.mention_at.get(end + 2)
        if inner is not None and inner.type is EntityType.DATE and inner is not \
                state.mention_at.get(token.i):
            return inner
    return None


def _is_reciprocal(token: Token, vocab: RelationVocabulary) -> bool:
    phrase = token.doc[token.left_edge.i:token.i + 1].text.lower()
    return phrase in vocab.reciprocal_objects


def _reciprocal_facts(state: DocState, sentence: Sentence, verb: Token, reading: Reading,
                      frame: Frame) -> Iterator[Fact]:
    """'Putin and Kim gave rifles to each other' is two gifts, one in each direction."""
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
