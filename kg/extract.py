"""Turn one parsed spaCy ``Doc`` into sentences, mentions and facts with roles.

Facts come from the dependency parse: a verb with a subject and an object. The slots a verb
fills directly (``nsubj``, a passive's agent, ``dobj``, datives, prepositional phrases, dated
modifiers) are found by the named DependencyMatcher patterns of ``data/patterns.json``; this
module adds what patterns cannot say because it follows the tree upwards or across sentences:
the noun a relative clause hangs on, the subject of a governing verb (``xcomp``/``conj``,
raising), pronoun antecedents and named groups, and which role a preposition gives.
Datives and ``to``-phrases become recipients, dated phrases times, places places. Each fact names
the rule that produced it (``subject-rule/object-rule``), so its provenance says how it was read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from kg.dates import normalize_time
from kg.factuality import governors, judge_factuality
from kg.ingest import PADDING
from kg.model import (
    Document,
    EntityType,
    Evidence,
    ExtractionResult,
    Fact,
    Factuality,
    Mention,
    Role,
    RoleName,
    Sentence,
)
from kg.patterns import Slot, find_slots
from kg.relations import RelationSpec, RelationVocabulary, load_vocabulary, name_kind

NER_TYPES = {
    "PERSON": EntityType.PERSON, "ORG": EntityType.ORGANIZATION, "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE, "FAC": EntityType.PLACE, "PRODUCT": EntityType.THING,
    "WORK_OF_ART": EntityType.THING, "LAW": EntityType.THING, "EVENT": EntityType.EVENT,
    "DATE": EntityType.DATE, "TIME": EntityType.DATE, "MONEY": EntityType.THING,
}
PERSONAL_PRONOUNS = {"he", "him", "she", "her"}
NEUTER_PRONOUNS = {"it"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}
VAGUE_HEADS = {"other", "each", "one", "lot", "part", "way", "thing", "something", "anything",
               "everything", "nothing", "all", "both", "some", "many", "few", "most", "number",
               "kind", "sort", "type", "reason", "time", "fact", "issue", "matter", "what"}
TITLE_DEPS = {"compound", "amod", "nmod", "npadvmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@dataclass
class _DocState:
    """Per-document lookups built once: token index -> mention, and people in reading order."""

    document: Document
    doc: Doc
    sentence_index: dict[int, int] = field(default_factory=dict)
    mention_at: dict[int, Mention] = field(default_factory=dict)
    people: list[tuple[int, Mention, bool]] = field(default_factory=list)
    organisations: list[tuple[int, Mention, bool]] = field(default_factory=list)
    slots: dict[int, tuple[Slot, ...]] = field(default_factory=dict)
    last_group: tuple[int, list[Mention]] | None = None


def extract_document(document: Document, doc: Doc,
                     vocabulary: RelationVocabulary | None = None) -> ExtractionResult:
    """Sentences, named mentions and facts of one document; pure given the parse."""
    vocab = vocabulary or load_vocabulary()
    state = _DocState(document=document, doc=doc, slots=find_slots(doc))
    sentences = tuple(_sentences(state))
    mentions = tuple(_named_mentions(state))
    facts: list[Fact] = []
    for sent, sentence in zip(_nonblank_sents(doc), sentences, strict=True):
        for token in sent:
            if token.pos_ == "VERB" and token.lemma_.lower() not in vocab.skip_verbs:
                facts.extend(_facts_for_verb(state, sentence, token, vocab))
    return ExtractionResult(document=document, sentences=sentences, mentions=mentions,
                            facts=tuple(_dedupe(facts)))


def _nonblank_sents(doc: Doc) -> Iterator[Span]:
    for sent in doc.sents:
        if sent.text.strip():
            yield sent


def _sentences(state: _DocState) -> Iterator[Sentence]:
    text = state.document.text
    for index, sent in enumerate(_nonblank_sents(state.doc)):
        words = [t for t in sent if not t.is_space]
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        for token in sent:
            state.sentence_index[token.i] = index
        yield Sentence(doc_id=state.document.doc_id, index=index, start=start, end=end,
                       text=text[start:end], headline=is_headline(words))


SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with",
               "as", "from", "vs", "is", "are"}


def is_headline(words: list[Token]) -> bool:
    """Title Case ('Putin And Kim Gifted Each Other Rifles') and no final stop."""
    content = [t for t in words if t.is_alpha and t.lower_ not in SMALL_WORDS]
    if len(content) < 4 or words[-1].text in {".", "!", "?", "\"", "”", "’", "'"}:
        return False
    return sum(t.text[:1].isupper() for t in content) >= 0.8 * len(content)


def _trim_entity(ent: Span) -> Span | None:
    """Drop a leading determiner and a trailing possessive: 'the Kremlin's' -> 'Kremlin'."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_space
                           or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_space or (
            doc[end - 1].is_punct and doc[end - 1].text not in ".-")):
        end -= 1
    return Span(doc, start, end, label=ent.label_) if end > start else None


def _split_entity(ent: Span) -> Iterator[Span]:
    """Headlines fool the recogniser into 'Putin Meets Kim' or 'Kim & Putin' as one name; a
    verb, conjunction or preposition inside a name splits it into the names around it."""
    if ent.label_ in {"DATE", "TIME"}:
        yield ent
        return
    start = ent.start
    for token in ent:
        if token.i > ent.start and (token.pos_ in {"VERB", "AUX", "CCONJ", "ADP", "SCONJ"}
                                    or token.text in {"&", "+", "/"}
                                    or (ent.label_ == "PERSON" and _looks_like_verb(token))):
            if token.i > start:
                yield Span(ent.doc, start, token.i, label=ent.label_)
            start = token.i + 1
    if start < ent.end:
        yield Span(ent.doc, start, ent.end, label=ent.label_)


def _looks_like_verb(token: Token) -> bool:
    """A capitalised headline verb tagged as a name: 'Meets', 'Visits', 'Gifted', 'Meeting'."""
    if not token.is_title:
        return False
    word = token.lower_
    stems = {word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("ed"),
             word.removesuffix("d"), word.removesuffix("ing"), word.removesuffix("ing") + "e"}
    return bool(stems & load_vocabulary().verb_words)


def _named_mentions(state: _DocState) -> Iterator[Mention]:
    for ent in (part for whole in state.doc.ents for part in _split_entity(whole)):
        entity_type = NER_TYPES.get(ent.label_)
        span = _trim_entity(ent)
        if entity_type is None or span is None or not any(t.is_alpha or t.like_num for t in span):
            continue
        if ent.label_ == "MONEY" and span.start > 0 and span.doc[span.start - 1].is_currency:
            span = Span(span.doc, span.start - 1, span.end, label=ent.label_)  # '$' + '80,000'
        if entity_type in {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE}:
            # 'Greenfield Dairy' read as a person is still no 'he' for a later pronoun.
            words = tuple(t.lower_ for t in span if t.is_alpha)
            entity_type = name_kind(words) or entity_type
        mention = _mention(state, span, entity_type, ner_label=ent.label_,
                           title=_title_of(span) if entity_type is EntityType.PERSON else None)
        for token in span:
            state.mention_at[token.i] = mention
        root = span.root
        if entity_type is EntityType.PERSON:
            is_speaker = root.dep_ == "nsubj" and root.head.lemma_.lower() in \
                load_vocabulary().speech_verbs
            # 'Its chairman, Erik Lindqvist, sold ...': the appositive name is the subject too.
            subject = root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos"
                                                    and root.head.dep_ in SUBJECT_DEPS)
            state.people.append((span.start, mention, subject and not is_speaker))
        elif entity_type is EntityType.ORGANIZATION:
            state.organisations.append((span.start, mention, root.dep_ in SUBJECT_DEPS))
        yield mention


def surface_text(span: str) -> str:
    """A name as read: markup padding removed and whitespace collapsed (offsets still index
    the original file; the quote with markup is the sentence's anchor text)."""
    return " ".join(span.replace(PADDING, "").split())


def _mention(state: _DocState, span: Span, entity_type: EntityType, *, ner_label: str | None,
             title: str | None = None, lemma: str | None = None,
             antecedent: Mention | None = None) -> Mention:
    start, end = span.start_char, span.end_char
    return Mention(doc_id=state.document.doc_id, sentence_index=state.sentence_index[span.start],
                   start=start, end=end, text=surface_text(state.document.body[start:end]),
                   type=entity_type,
                   ner_label=ner_label, lemma=lemma, title=title,
                   is_pronoun=antecedent is not None, antecedent=antecedent)


@cache
def title_nouns() -> frozenset[str]:
    lines = resources.files("kg").joinpath("data/titles.txt").read_text("utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


def _title_of(span: Span) -> str | None:
    """Role words right before a name ('Kremlin spokesman'), or an appositive ('the president
    of Russia'), when headed by a title noun; titles are attributes, not separate entities."""
    doc = span.doc
    i = span.start
    while i > 0 and doc[i - 1].dep_ in TITLE_DEPS and doc[i - 1].head.i >= doc[i - 1].i \
            and doc[i - 1].pos_ in {"NOUN", "PROPN", "ADJ"} and doc[i - 1].ent_type_ != "PERSON":
        i -= 1
    if i < span.start and doc[span.start - 1].lemma_.lower() in title_nouns():
        return doc[i:span.start].text
    for child in span.root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in title_nouns():
            sub = doc[child.left_edge.i:child.right_edge.i + 1]
            if len(sub) <= 8:
                return sub.text
    return None


def _argument(state: _DocState, token: Token) -> Mention | None:
    """The mention a dependency-head token stands for, or None when it names nothing useful."""
    if token.i in state.mention_at:
        return state.mention_at[token.i]
    lower = token.lower_
    vocab = load_vocabulary()
    if lower in PERSONAL_PRONOUNS or lower in NEUTER_PRONOUNS:
        person = lower in PERSONAL_PRONOUNS
        if not person and token.dep_ not in SUBJECT_DEPS:
            return None  # 'it' only as a subject: most other 'it's name nothing
        antecedent = _reporting_subject(state, token, person) or _antecedent(
            state, token, state.people if person else state.organisations,
            sentences_back=2 if person else 1)
        if antecedent is None:
            return None
        return _mention(state, token.doc[token.i:token.i + 1], antecedent.type, ner_label=None,
                        antecedent=antecedent)
    if token.pos_ not in {"NOUN", "PROPN"} or lower in VAGUE_HEADS:
        return None
    for child in token.children:
        # 'Its chairman, Erik Lindqvist, sold ...': the name, not the role word.
        named = state.mention_at.get(child.i) if child.dep_ == "appos" else None
        if named is not None and named.type in {EntityType.PERSON, EntityType.ORGANIZATION,
                                                EntityType.PLACE}:
            return named
    if token.lemma_.lower() in vocab.measure_nouns | vocab.place_nouns:
        # '300 tonnes of rice' is rice; 'the district of Nicoadala' is Nicoadala.
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                inner = _argument(state, pobj)
                if token.lemma_.lower() in vocab.measure_nouns or (
                        inner is not None and inner.ner_label is not None):
                    return inner
    if token.lemma_.lower() in vocab.organisation_nouns and _is_definite_bare(token):
        # 'the company' / 'its lender' right after a named organisation is that organisation.
        antecedent = _antecedent(state, token, state.organisations, sentences_back=2)
        if antecedent is not None:
            return _mention(state, token.doc[token.i:token.i + 1], antecedent.type,
                            ner_label=None, antecedent=antecedent)
    left = token.i
    while left > 0 and token.doc[left - 1].dep_ == "compound" and \
            token.doc[left - 1].head.i in range(left, token.i + 1) and \
            token.doc[left - 1].i not in state.mention_at:
        left -= 1
    span = token.doc[left:token.i + 1]
    if token.pos_ == "PROPN":
        return _mention(state, span, EntityType.THING, ner_label="PROPN",
                        lemma=surface_text(span.text))
    lemma = surface_text(" ".join([t.lower_ for t in span[:-1] if t.is_alpha or t.like_num] +
                                  [token.lemma_.lower()]))
    while left > 0 and token.doc[left - 1].dep_ in {"amod", "compound"} and \
            token.doc[left - 1].head.i in range(left, token.i + 1):
        left -= 1
    return _mention(state, token.doc[left:token.i + 1], EntityType.THING, ner_label=None,
                    lemma=lemma)


def _is_definite_bare(token: Token) -> bool:
    """'the company' or 'its bank', with no other words that could name another one."""
    children = list(token.children)
    return any(c.lower_ in {"the", "its", "their"} for c in children) and not any(
        c.dep_ in {"compound", "amod", "nmod", "prep", "relcl", "acl", "nummod"}
        for c in children)


def _reporting_subject(state: _DocState, pronoun: Token, person: bool) -> Mention | None:
    """In reported speech the pronoun is usually the speaker: 'Putin said he would visit',
    'Harbor Foods denied that it had bought'."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return None
    vocab = load_vocabulary()
    for governor in governors(pronoun.head, limit=2):
        if governor.lemma_.lower() not in vocab.speech_verbs | vocab.denial_verbs:
            continue
        # 'The army denied X and said it ...': 'said' shares the subject of 'denied'.
        speaker = governor.head if governor.dep_ == "conj" and not any(
            c.dep_ == "nsubj" for c in governor.children) else governor
        for child in speaker.children:
            if child.dep_ == "nsubj" and child.lower_ not in PERSONAL_PRONOUNS | NEUTER_PRONOUNS:
                mention = _argument(state, child)
                if mention is None or (mention.type is EntityType.PERSON) != person:
                    return None
                if not person and (mention.lemma or "") in title_nouns():
                    return None  # 'the chair said it would ...': 'it' is not the chair
                return mention
        return None
    return None


def _antecedent(state: _DocState, pronoun: Token, candidates: list[tuple[int, Mention, bool]],
                sentences_back: int) -> Mention | None:
    """The nearest candidate before the pronoun within a few sentences, preferring subjects of
    non-speech verbs (in 'Peskov said ... he received', 'he' is rarely the speaker) and
    excluding the pronoun's own clause subject when the pronoun is an object ('Putin met him').
    'it' is only resolved as a subject, to an organisation subject at most one sentence back:
    most 'it's in news text refer to no named thing."""
    sentence = state.sentence_index[pronoun.i]
    clause_subjects = {c.i for c in pronoun.head.children if c.dep_ in SUBJECT_DEPS}
    window = [(i, m, subj) for i, m, subj in candidates
              if i < pronoun.i and sentence - sentences_back <= m.sentence_index <= sentence
              and (pronoun.dep_ in SUBJECT_DEPS or i not in clause_subjects)]
    if not window:
        return None
    subjects = [item for item in window if item[2]]
    if pronoun.lower_ in NEUTER_PRONOUNS:
        return subjects[-1][1] if subjects else None
    return (subjects or window)[-1][1]


def _conjuncts(token: Token) -> list[Token]:
    """The token and its later conjuncts of the same kind: 'to Kim and Putin' is two
    recipients, but in 'to Kim as well as a glove' the glove is not a recipient."""
    proper = token.ent_type_ != "" or token.pos_ == "PROPN"
    return [token, *[t for t in token.conjuncts if t.i > token.i
                     and (t.ent_type_ != "" or t.pos_ == "PROPN") == proper]]


@dataclass(frozen=True)
class _Reading:
    """What holds for every fact of one verb: its relation, speaker and factuality."""

    spec: RelationSpec | None
    speaker: Mention | None
    factuality: Factuality


@dataclass
class _Frame:
    subjects: list[tuple[Mention, str]] = field(default_factory=list)
    objects: list[tuple[Mention, str]] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    reciprocal: RoleName | None = None


def _facts_for_verb(state: _DocState, sentence: Sentence, verb: Token,
                    vocab: RelationVocabulary) -> Iterator[Fact]:
    lemma = verb_lemma(verb)
    spec = vocab.spec(lemma)
    frame = _Frame()
    _fill_subjects(state, verb, frame)
    if not frame.subjects:
        return
    _fill_objects_and_roles(state, verb, spec, frame, vocab)
    symmetric = spec is not None and spec.predicate in vocab.symmetric_predicates
    if symmetric and not frame.objects and len(frame.subjects) >= 2:
        frame.reciprocal = RoleName.THEME  # 'Putin and Kim met': they met each other
    if symmetric and len(frame.subjects) == 1 and len(frame.objects) == 1:
        # 'Putin met Kim. They exchanged rifles.': the two are the group 'they' refers to.
        pair = [frame.subjects[0][0], frame.objects[0][0]]
        if all(m.ner_label not in (None, "PROPN") for m in pair):
            state.last_group = (sentence.index, pair)
    # Who said it and how sure the text is belong to the verb: read once, not once per pair.
    reading = _Reading(spec, _speaker(state, verb, vocab), judge_factuality(verb, vocab))
    if frame.reciprocal is not None and len(frame.subjects) >= 2:
        yield from _reciprocal_facts(state, sentence, verb, reading, frame)
        return
    for subject, subject_rule in frame.subjects:
        for obj, object_rule in frame.objects:
            if _same_span(subject, obj):
                continue
            yield _fact(state, sentence, verb, reading, subject, obj,
                        f"{subject_rule}/{object_rule}", frame.roles)


def verb_lemma(verb: Token) -> str:
    """The lemma with its particle: 'rule out' is not 'rule', 'hand over' is not 'hand'."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles])


GROUP_WORDS = {"they", "pair", "duo", "both"}


def _group_referent(state: _DocState, head: Token) -> list[Mention]:
    """'Putin and Kim met. They exchanged rifles.' / 'the pair' / 'the two leaders': the last
    group of named subjects, if it was in this or the previous sentence."""
    if state.last_group is None:
        return []
    two = any(c.dep_ == "nummod" and c.lower_ == "two" for c in head.children)
    if head.lower_ not in GROUP_WORDS and not (two and head.tag_ == "NNS"):
        return []
    sentence, group = state.last_group
    return list(group) if state.sentence_index[head.i] - sentence <= 1 else []


def _slots(state: _DocState, verb: Token, kind: str | None = None) -> list[Slot]:
    """The verb's argument slots found by the patterns of data/patterns.json."""
    return [s for s in state.slots.get(verb.i, ()) if kind is None or s.slot == kind]


def _fill_subjects(state: _DocState, verb: Token, frame: _Frame) -> None:
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    for slot in _slots(state, verb, "subject"):
        head, rule = verb.doc[slot.argument], slot.name
        if head.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            head, rule = verb.head, "relcl"
        group = _group_referent(state, head)
        if group:
            frame.subjects.extend((m, f"{rule}-group") for m in group)
            continue
        for conj in _conjuncts(head):
            mention = _argument(state, conj)
            if mention is not None and mention.type is not EntityType.DATE:
                frame.subjects.append((mention, rule))
    named = [m for m, _ in frame.subjects if m.ner_label not in (None, "PROPN")]
    if len(named) >= 2:
        state.last_group = (state.sentence_index[verb.i], named)
    if frame.subjects or passive:
        return
    if verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # Infinitival: 'took a train to meet Putin' - the traveller meets, not the train.
        governor = verb.head
        while governor.pos_ not in {"VERB", "AUX"} and governor.head.i != governor.i:
            governor = governor.head
        if governor.pos_ in {"VERB", "AUX"}:
            inherited = _Frame()
            _fill_subjects(state, governor, inherited)
            frame.subjects.extend((m, "inherited-relcl") for m, _ in inherited.subjects)
    elif verb.dep_ == "relcl":
        mention = _argument(state, verb.head)
        if mention is not None:
            frame.subjects.append((mention, "relcl"))
    elif verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head.pos_ in {"VERB", "AUX"}:
        inherited = _Frame()
        _fill_subjects(state, verb.head, inherited)
        if not inherited.subjects and verb.dep_ == "xcomp":
            # Raising: 'Putin is expected to visit' - the passive subject is the visitor.
            for child in verb.head.children:
                if child.dep_ == "nsubjpass" and (mention := _argument(state, child)):
                    inherited.subjects.append((mention, "nsubjpass"))
        frame.subjects.extend((m, f"inherited-{verb.dep_}") for m, _ in inherited.subjects)


def _fill_objects_and_roles(state: _DocState, verb: Token, spec: RelationSpec | None,
                            frame: _Frame, vocab: RelationVocabulary) -> None:
    preferred: list[tuple[Mention, str]] = []
    deps = {c.dep_ for c in verb.children}
    # 'Okonjo was awarded the trophy by Pillay': with a direct object as well, the passive
    # subject of a giving verb is the recipient.
    passive_recipient = "dobj" in deps and "nsubjpass" in deps and spec is not None \
        and bool(spec.recipient)
    for slot in _slots(state, verb):
        argument = verb.doc[slot.argument]
        if slot.slot == "object" and slot.name == "nsubjpass" and passive_recipient:
            _add_role(state, frame, RoleName.RECIPIENT, argument, vocab)
        elif slot.slot == "object":
            if _is_reciprocal(argument, vocab):
                frame.reciprocal = RoleName.THEME
                continue
            for conj in _conjuncts(argument):
                mention = _argument(state, conj)
                if mention is not None and mention.type is not EntityType.DATE:
                    frame.objects.append((mention, slot.name))
                    _recipient_inside_object(state, conj, spec, frame)
        elif slot.slot == "recipient":
            _add_role(state, frame, RoleName.RECIPIENT, argument, vocab)
        elif slot.slot == "prep":
            preferred.extend(_prep_roles(state, verb, argument, spec, frame, vocab))
        elif slot.slot == "time":
            _add_time(state, frame, argument)
    _attached_circumstances(state, verb, spec, frame, vocab)
    themes = [r for r in frame.roles if r.name is RoleName.THEME]
    if themes:
        # 'provided Ukraine with tanks': the tanks are given, Ukraine receives them.
        frame.roles = [r for r in frame.roles if r.name is not RoleName.THEME]
        frame.roles += [Role(name=RoleName.RECIPIENT, mention=m) for m, _ in frame.objects]
        frame.objects = [(r.mention, "prep-with") for r in themes]
    if not frame.objects:
        frame.objects.extend(preferred)


CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "nsubj",
               "nsubjpass", "mark", "cc", "punct"}


def _attached_circumstances(state: _DocState, verb: Token, spec: RelationSpec | None,
                            frame: _Frame, vocab: RelationVocabulary) -> None:
    """Times and places the parser hung on a noun of this clause ('met Putin on Wednesday at
    the Cosmodrome' often attaches to 'Putin'): they still date and place the event. A role
    preposition on the direct object ('imposed sanctions on Russia') fills that role."""
    objects = {c.i for c in verb.children if c.dep_ == "dobj"}
    stack = [c for c in verb.children if c.dep_ in {"dobj", "dative", "prep", "attr", "npadvmod"}]
    taken = {r.mention for r in frame.roles} | {m for m, _ in frame.objects}
    while stack:
        token = stack.pop()
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i != verb.i:
            word = token.head.lower_
            if token.ent_type_ in {"DATE", "TIME"} and word in vocab.time_preps:
                _add_time(state, frame, token)
            else:
                mention = state.mention_at.get(token.i)
                if mention is None and token.pos_ == "PROPN" and token.ent_type_ == "":
                    mention = _as_place(_argument(state, token))
                role = spec.role_for_prep(word) if spec else None
                if role is RoleName.THEME and token.head.head.i in objects:
                    # 'armed the rebels with missiles' with 'with' hung on 'rebels'.
                    for conj in _conjuncts(token):
                        theme = _argument(state, conj)
                        if theme is not None and theme not in taken:
                            frame.roles.append(Role(name=role, mention=theme))
                            taken.add(theme)
                elif mention is not None and role is not None and \
                        token.head.head.i in objects and mention not in taken:
                    frame.roles.append(Role(name=role, mention=mention))
                    taken.add(mention)
                elif mention is not None and mention.type is EntityType.PLACE and \
                        word in vocab.place_preps and mention not in taken:
                    frame.roles.append(Role(name=RoleName.PLACE, mention=mention))
                    taken.add(mention)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS)


def _recipient_inside_object(state: _DocState, obj: Token, spec: RelationSpec | None,
                             frame: _Frame) -> None:
    """Repair a common misparse: 'presented a gun made in Korea to Putin' hangs the 'to'-phrase
    on the participle; a recipient preposition inside the object still names the recipient."""
    if spec is None or not spec.recipient:
        return
    for token in obj.subtree:
        if token.dep_ == "prep" and token.lower_ in spec.recipient and token.head.i != obj.i:
            for pobj in (c for c in token.children if c.dep_ == "pobj"):
                mention = _argument(state, pobj)
                if mention is not None and mention.type in {EntityType.PERSON,
                                                            EntityType.ORGANIZATION,
                                                            EntityType.PLACE}:
                    frame.roles.append(Role(name=RoleName.RECIPIENT, mention=mention))


def _prep_roles(state: _DocState, verb: Token, prep: Token, spec: RelationSpec | None,
                frame: _Frame, vocab: RelationVocabulary) -> Iterator[tuple[Mention, str]]:
    """Fill roles from one prepositional phrase; yield candidates for the direct object."""
    word = "by" if prep.dep_ == "agent" else prep.lower_
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        if _is_reciprocal(pobj, vocab) and spec is not None:
            frame.reciprocal = spec.role_for_prep(word) or RoleName.COAGENT
            continue
        if pobj.ent_type_ in {"DATE", "TIME"} and word in vocab.time_preps:
            _add_time(state, frame, pobj)
            continue
        role = spec.role_for_prep(word) if spec else None
        object_preps = spec.object if spec else ()
        for conj in _conjuncts(pobj):
            mention = _argument(state, conj)
            if mention is None or mention.type is EntityType.DATE:
                continue
            if mention.ner_label == "PROPN" and word in vocab.place_preps:
                mention = _as_place(mention)
            if word in object_preps:
                yield mention, f"prep-{word}"
            if role is not None:
                frame.roles.append(Role(name=role, mention=mention))
            elif mention.type is EntityType.PLACE and word in vocab.place_preps:
                frame.roles.append(Role(name=RoleName.PLACE, mention=mention))


def _as_place(mention: Mention | None) -> Mention | None:
    """An unrecognised proper name after 'in'/'at' ('in Kyiv') is most likely a place."""
    if mention is None or mention.ner_label != "PROPN":
        return mention
    return mention.model_copy(update={"type": EntityType.PLACE})


def _add_role(state: _DocState, frame: _Frame, name: RoleName, token: Token,
              vocab: RelationVocabulary) -> None:
    if _is_reciprocal(token, vocab):
        frame.reciprocal = name
        return
    for conj in _conjuncts(token):
        mention = _argument(state, conj)
        if mention is not None:
            frame.roles.append(Role(name=name, mention=mention))


def _add_time(state: _DocState, frame: _Frame, token: Token) -> None:
    mention = state.mention_at.get(token.i)
    if mention is None or mention.type is not EntityType.DATE:
        return
    if any(r.name is RoleName.TIME and r.mention == mention for r in frame.roles):
        return
    normalized = normalize_time(mention.text, state.document.date)
    explicit = _parenthetical_date(state, token)
    if explicit is not None:
        # 'on Wednesday (Sept 13)': the writer's own date beats counting back from the dateline.
        normalized = normalize_time(explicit.text, state.document.date) or normalized
    frame.roles.append(Role(name=RoleName.TIME, mention=mention, normalized=normalized))


def _parenthetical_date(state: _DocState, token: Token) -> Mention | None:
    doc = token.doc
    end = token.i
    while end + 1 < len(doc) and state.mention_at.get(end + 1) is state.mention_at.get(token.i):
        end += 1
    if end + 2 < len(doc) and doc[end + 1].text == "(":
        inner = state.mention_at.get(end + 2)
        if inner is not None and inner.type is EntityType.DATE and inner is not \
                state.mention_at.get(token.i):
            return inner
    return None


def _is_reciprocal(token: Token, vocab: RelationVocabulary) -> bool:
    phrase = token.doc[token.left_edge.i:token.i + 1].text.lower()
    return phrase in vocab.reciprocal_objects


def _reciprocal_facts(state: _DocState, sentence: Sentence, verb: Token, reading: _Reading,
                      frame: _Frame) -> Iterator[Fact]:
    """'Putin and Kim gave rifles to each other' is two gifts, one in each direction."""
    people = frame.subjects
    for subject, subject_rule in people:
        for other, _ in people:
            if _same_span(subject, other):
                continue
            if frame.reciprocal is RoleName.THEME or not frame.objects:
                yield _fact(state, sentence, verb, reading, subject, other,
                            f"{subject_rule}/reciprocal", frame.roles)
                continue
            extra = [*frame.roles, Role(name=frame.reciprocal, mention=other)]
            for obj, object_rule in frame.objects:
                yield _fact(state, sentence, verb, reading, subject, obj,
                            f"{subject_rule}/{object_rule}+reciprocal", extra)


def _same_span(a: Mention, b: Mention) -> bool:
    return (a.start, a.end) == (b.start, b.end)


def _fact(state: _DocState, sentence: Sentence, verb: Token, reading: _Reading,
          subject: Mention, obj: Mention, rule: str, roles: Iterable[Role]) -> Fact:
    spec = reading.spec
    kept = tuple(r for r in roles if not _same_span(r.mention, subject)
                 and not _same_span(r.mention, obj))
    # The words of the fact itself, a readable quote when the sentence is a run-on paragraph.
    parts = [(m.start, m.end) for m in (subject, obj, *(r.mention for r in kept))
             if m.sentence_index == sentence.index] + [(verb.idx, verb.idx + len(verb.text))]
    clause = (min(s for s, _ in parts), max(e for _, e in parts))
    clause_start, clause_end = clause if clause != (sentence.start, sentence.end) else (None, None)
    evidence = Evidence(
        doc_id=state.document.doc_id, sentence_index=sentence.index,
        sentence_start=sentence.start, sentence_end=sentence.end, sentence_text=sentence.text,
        trigger_start=verb.idx, trigger_end=verb.idx + len(verb.text), trigger=verb.text,
        clause_start=clause_start, clause_end=clause_end,
        rule=rule, confidence=_confidence(spec, subject, obj, rule),
        factuality=reading.factuality, attributed_to=reading.speaker,
    )
    lemma = verb_lemma(verb)
    return Fact(predicate=spec.predicate if spec else lemma.replace(" ", "_"), lemma=lemma,
                subject=Role(name=RoleName.AGENT, mention=subject),
                object=Role(name=RoleName.THEME, mention=obj), roles=kept, evidence=evidence)


def _confidence(spec: RelationSpec | None, subject: Mention, obj: Mention, rule: str) -> float:
    """A transparent score, not a probability: start high, subtract for each weak link."""
    score = 0.9
    score -= 0.2 if spec is None else 0.0
    for mention in (subject, obj):
        if mention.is_pronoun:
            score -= 0.15
        elif mention.ner_label is None:
            score -= 0.1
        elif mention.ner_label == "PROPN":
            score -= 0.05
    if "inherited" in rule or "relcl" in rule or "group" in rule:
        score -= 0.1
    return round(max(0.05, min(score, 0.99)), 2)


def _speaker(state: _DocState, verb: Token, vocab: RelationVocabulary) -> Mention | None:
    """Who the fact is attributed to: the subject of a governing speech verb, or 'according
    to X' anywhere up the chain."""
    for token in [verb, *governors(verb, limit=6)]:
        for child in token.children:
            if child.lower_ == "according":
                for pobj in (g for c in child.children for g in c.children if g.dep_ == "pobj"):
                    mention = _argument(state, pobj)
                    if mention is not None:
                        return mention
        if token is not verb and token.lemma_.lower() in vocab.speech_verbs:
            for child in token.children:
                if child.dep_ == "nsubj":
                    mention = _argument(state, child)
                    if mention is not None:
                        return mention
    return None


def _dedupe(facts: Iterable[Fact]) -> Iterator[Fact]:
    seen: set[tuple[object, ...]] = set()
    for fact in facts:
        key = (fact.predicate, fact.subject.mention.start, fact.object.mention.start,
               fact.evidence.trigger_start,
               tuple(sorted((r.name.value, r.mention.start) for r in fact.roles)))
        if key not in seen:
            seen.add(key)
            yield fact
