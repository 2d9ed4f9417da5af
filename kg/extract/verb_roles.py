"""What a verb is about and where, when and how: its objects and roles.

Beyond the direct objects the patterns find, this module fills a verb's objects and roles
(``_fill_objects_and_roles``): the object gap of a relative clause, circumstances the parser hung
on a noun of the clause, a recipient misparsed inside the object, which role a preposition gives
(from the relation vocabulary), times (``add_time``, also used by ``nominal``), and, for a verb
with no plain object, the object a preposition gives, the whole of a partitive ('one of X') and
a ranking ('came in second'). It is apart from ``verbal`` so that fact-making and the reading of
participants can be read (and changed) one at a time.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.dates import (
    is_anchored,
    is_bare_number,
    is_duration,
    is_uncounted_ago,
    normalize_time,
)
from kg.extract.complements import content_roles
from kg.extract.frames import Frame, Reading, _slots, occurrence_verb, verb_lemma
from kg.extract.mentions import title_nouns
from kg.extract.places import pair_container
from kg.extract.reference import as_place, conjuncts, counted_group, referent
from kg.extract.state import (
    RELATIVE_PRONOUNS,
    DocState,
    make_mention,
    mention_end,
    surface_text,
)
from kg.extract.subjects import _relative_head, _subject_taken_as_object, partitive_whole
from kg.factuality import judge_factuality
from kg.lexicon import (
    argument_words,
    as_idioms,
    attribute_verbs,
    canonical_role,
    contest_verbs,
    noun_classes,
    preposition_roles,
    time_words,
)
from kg.model import EntityType, Factuality, Mention, Role, RoleName
from kg.relations import RelationSpec, RelationVocabulary, load_vocabulary

# Nouns a relative clause without a relative word tells the time, place or manner of.
GAPLESS = {"day", "week", "month", "year", "time", "moment", "night", "morning", "evening",
           "afternoon", "hour", "minute", "season", "decade", "era", "period", "way", "manner",
           "place", "reason", "extent", "point", "stage", "case"}


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
    located = argument_words().location_frames.get(reading.lemma, frozenset())
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        word = prep.lower_
        if word not in (preps if framed is None else framed) | located or \
                _source_of_state(prep):
            continue
        if (gerund := _gerund_object(state, prep) or _tagged_gerund(state, prep)) is not None:
            # 'confessed to killing his sister', 'apologised for calling X a liar': the act
            # is what the verb is about; left out, the fact says only 'X confessed'.
            frame.objects.append((gerund, f"prep-{word}-gerund"))
            return Reading(f"{reading.lemma} {word}", None, reading.speaker, reading.factuality)
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if pobj.ent_type_ in {"DATE", "TIME"} or pobj.like_num or complex_preposition(pobj):
                continue
            pobj = partitive_whole(pobj)
            mentions = [m for c in conjuncts(pobj) if (m := referent(state, c)) is not None
                        and m.type is not EntityType.DATE]
            if not mentions or all(_where_only(word, m, framed, located) for m in mentions):
                continue
            frame.objects.extend((m, f"prep-{word}") for m in mentions)
            frame.roles = [r for r in frame.roles if r.mention not in mentions]
            return Reading(f"{reading.lemma} {word}", None, reading.speaker, reading.factuality)
    return reading


def _source_of_state(prep: Token) -> bool:
    """'came under fire from residents', 'has come under scrutiny from both parties': a
    'from' after an 'under' phrase of the same verb names who puts the subject in that state
    (the residents fire on it), not where the subject comes from (judged wrong: 'he did not
    come from a side'). A common noun after 'under' only: 'came from under the rubble' and
    'lives under Ostby Bridge' are other shapes."""
    if prep.lower_ != "from":
        return False
    return any(p.dep_ == "prep" and p.lower_ == "under" and p.i < prep.i and
               any(o.dep_ == "pobj" and o.pos_ == "NOUN" and not o.ent_type_
                   for o in p.children) for p in prep.head.children)


def _where_only(word: str, mention: Mention, framed: frozenset[str] | None,
                located: frozenset[str]) -> bool:
    """Whether a place after the preposition says only where the verb happened: a place
    after a preposition that locates ('spoke in Porto'), unless the verb's prepositional
    frame takes it as what the verb is about ('stayed at the Harbor Hotel'). A verb of
    staying (``location_frames``) is about a building after 'in' ('stayed in the Harbor
    Hotel', as in 'stayed in the police station'), but a town or a country only says where
    ('stayed in Porto for a week')."""
    if mention.type is not EntityType.PLACE or word not in load_vocabulary().place_preps or \
            (framed is not None and word in framed):
        return False
    return word not in located or mention.ner_label != "FAC"


# Dependents of a gerund that belong to the act it names: 'killing his sister', 'acting
# alone', 'handing over the files'; a time, a place or a clause after them does not.
GERUND_PARTS = frozenset({"dobj", "prt", "advmod", "neg", "dative", "acomp", "oprd"})


def _gerund_object(state: DocState, prep: Token) -> Mention | None:
    """The act a preposition's gerund names, as the thing the verb is about ('to killing his
    sister'): the gerund with its object, particle or manner word, when they follow it with
    nothing between; None for any other preposition's object, and after a preposition of
    time or manner (``gerund_adjunct_preps`` in data/arguments.json)."""
    gerund = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
    if gerund is None or prep.lower_ in argument_words().gerund_adjunct_preps:
        return None  # 'wept upon hearing', 'left after meeting': when or how, not what
    end = gerund.i
    for part in (c for c in gerund.children if c.i > gerund.i):
        if part.dep_ not in GERUND_PARTS or part.left_edge.i != end + 1:
            break
        end = part.right_edge.i
    span = gerund.doc[gerund.i:end + 1]
    if any(t.dep_ in {"prep", "relcl", "acl", "ccomp", "advcl"} for t in span[1:]):
        return None  # a phrase the act's own words do not end: too long to be one thing
    if end == gerund.i and any(c.dep_ in {"prep", "ccomp", "xcomp"} for c in gerund.children):
        return None  # 'committed to proceeding with the trial': the act is in what follows
    # An Event, not a Thing: 'passing the bill' is an act, and no later 'the bill' is it.
    return make_mention(state, span, EntityType.EVENT, ner_label=None,
                        lemma=surface_text(span.text))


def _tagged_gerund(state: DocState, prep: Token) -> Mention | None:
    """'convicted for sexually abusing minors': the small parser often reads a gerund with a
    bare object after an adverb of manner as an adjective on that object ('abusing' on
    'minors'), and the object alone ('minors') then stands for the act. A participle that
    opens the phrase after its adverb, on a noun with no determiner, is that act: 'abusing
    minors'. Without the adverb ('growing concerns') the participle is an adjective."""
    for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.tag_ in {"NN", "NNS"}):
        if any(c.dep_ in {"det", "poss", "nummod"} for c in pobj.children):
            continue
        participle = next((c for c in pobj.children if c.dep_ == "amod" and c.tag_ == "VBG"
                           and c.left_edge.i == prep.i + 1), None)
        if participle is None or not any(c.dep_ == "advmod" and c.tag_ == "RB"
                                         for c in participle.children):
            continue
        span = pobj.doc[participle.i:pobj.i + 1]
        return make_mention(state, span, EntityType.EVENT, ner_label=None,
                            lemma=surface_text(span.text))
    return None


def ranked_attribute(verb: Token, noun: Token) -> bool:
    """'became the first Pacific Islander to win', 'would become the first female and first
    Asian-American vice president': an attribute ranked by an ordinal or a superlative says
    where the subject stands among others, not what it became. With a 'to'-infinitive the
    ranking is of that act ('the first president to be impeached twice' did not become
    president then), so it never counts; without one, a title or office ('became the first
    female prime minister') is still what the subject became, any other noun ('female',
    'country') is not (judged wrong on the dev sheets)."""
    if not any(c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.tag_ == "JJS")
               for c in noun.children):
        return False
    return _ranked_infinitive(verb, noun) or noun.lemma_.lower() not in title_nouns()


def _ranked_infinitive(verb: Token, noun: Token) -> bool:
    """Whether a 'to'-infinitive after the ranked noun completes it: hung on the noun
    ('the first woman to win') or, as the parser often has it, on the verb after the noun."""
    heads = [c for c in noun.children if c.dep_ in {"acl", "relcl"}] + \
        [c for c in verb.children if c.dep_ == "xcomp" and c.i > noun.i]
    return any(any(a.dep_ == "aux" and a.lower_ == "to" for a in h.children) for h in heads)


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


def _subject_of_next_clause(noun: Token) -> bool:
    """Whether a noun the parser joined to an object opens a clause of its own: in 'had
    arrested Vell and Kessel Air would be fined' the auxiliary right after it makes it the
    subject of 'be fined' (``_subject_taken_as_object``, which gives it that clause), so it
    is no object of 'arrested'."""
    after = noun.i + 1
    if after >= len(noun.doc) or noun.doc[after].dep_ not in {"aux", "auxpass"}:
        return False
    taken = _subject_taken_as_object(noun.doc[after].head)
    return taken is not None and taken.i == noun.i


def _fill_objects_and_roles(state: DocState, verb: Token, spec: RelationSpec | None,
                            frame: Frame, vocab: RelationVocabulary) -> None:
    preferred: list[tuple[Mention, str]] = []
    deps = {c.dep_ for c in verb.children}
    # 'Adewale was awarded the trophy by Ferreira': with a direct object as well, the passive
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
                if slot.name == "attr" and ranked_attribute(verb, conj):
                    continue
                if _subject_of_next_clause(conj):
                    continue  # 'arrested Vell and Kessel Air would be fined': Kessel Air's clause
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
    _time_on_named_subject(state, verb, frame, vocab)
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
    frame.roles = keep_nearest_time(_roles_outside_objects(frame), verb.idx,
                                    len({m for m, _ in frame.objects}))
    frame.roles += _predicatives(state, verb, frame)
    frame.roles += content_roles(state, verb, frame)


# Roles of another participant, which an object's own phrase may hold ('channels to Ostland').
PARTY_ROLES = frozenset({RoleName.RECIPIENT, RoleName.DESTINATION, RoleName.ORIGIN,
                         RoleName.COAGENT})


def _roles_outside_objects(frame: Frame) -> list[Role]:
    """The frame's roles less a party inside an object's own phrase: 'keep channels to
    Ostland open' reads its object as 'channels to Ostland' (the noun keeps its 'to',
    data/object_complements.json), so Ostland says which channels, not where anything went;
    the parser hangs the phrase on the verb all the same. A time or a place stays."""
    spans = [(m.start, m.end) for m, _ in frame.objects]
    return [r for r in frame.roles if r.name not in PARTY_ROLES or not any(
        start <= r.mention.start and r.mention.end <= end and
        (start, end) != (r.mention.start, r.mention.end) for start, end in spans)]


ATTRIBUTE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
# Punctuation that ends a complement's phrase; a hyphen inside a name ('Al-Qaeda') does not.
PHRASE_BREAKS = frozenset({",", ";", ":", "(", ")", "[", "]", "—", ".", "!", "?"})


def _as_attribute(verb: Token, word: str, pobj: Token) -> RoleName | None:
    """'named X as chief executive', 'described the deal as a disaster': after a verb of
    naming, choosing or regarding (data/secondary_predicates.json) an 'as' phrase says what
    the object is taken as, the point of the sentence, not where it went (the relation
    vocabulary gives some of these verbs 'as' for a destination). 'as part of the deal' and
    'as a result' are connectives."""
    if word != "as" or verb_lemma(verb) not in attribute_verbs() or pobj.pos_ not in ATTRIBUTE_POS:
        return None
    objects = [c for c in pobj.head.children if c.dep_ == "pobj"]
    after = pobj.doc[pobj.right_edge.i + 1] if pobj.right_edge.i + 1 < len(pobj.doc) else None
    if len(objects) > 1 or any(c.pos_ in {"VERB", "AUX"} for c in pobj.head.children) or (
            after is not None and after.tag_ in FINITE_TAGS):
        return None  # 'announced a deal as Turkey invades': 'as' opens a clause, misparsed
    return None if pobj.lemma_.lower() in as_idioms() else RoleName.ATTRIBUTE


def complement_mention(state: DocState, token: Token) -> Mention:
    """What a secondary predicate says: the name it gives ('identified as Ana Ruiz'), else
    its words as a thing, without article or possessive ('his running mate' -> 'running
    mate', 'terrorists' -> 'terrorist'), since a label or a quality is the point of the phrase
    whether or not it names anything; the resolved noun ('mate', 'Dan Halvorsen's choice') would
    clip it or name someone else."""
    named = state.mention_at.get(token.i)
    if named is not None and named.type not in {EntityType.THING, EntityType.DATE}:
        return named
    words = _phrase_words(token)
    lemma = " ".join("".join((t.lemma_.lower() if t == token and t.pos_ != "PROPN" else t.text)
                             + _space_after(t) for t in words).split())  # 'Al-Qaeda' stays one
    return make_mention(state, token.doc[words[0].i:words[-1].i + 1], EntityType.THING,
                        ner_label=None, lemma=lemma)


def _space_after(token: Token) -> str:
    """The space after a word, or after the quote mark that closes it ('"emerging" figure')."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.whitespace_ or (after.whitespace_ if after is not None and after.is_quote
                                 else "")


def _phrase_words(token: Token) -> list[Token]:
    """The words of a complement's phrase that say what it is: not a small clause's subject
    ('considered [Marlow] a flight risk'), an article, a possessive or quote marks, nor
    what follows a comma or a conjunction ('a guiding force, a stimulating force, ...')."""
    subject = {t.i for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}
               for t in c.subtree}
    words = []
    for t in token.doc[token.left_edge.i:token.right_edge.i + 1]:
        if t.i > token.i and (t.dep_ in {"cc", "conj", "relcl"} or t.text in PHRASE_BREAKS):
            break
        if t.i not in subject and not t.is_quote and not (
                t.i < token.i and t.dep_ in {"det", "poss", "case", "punct"}):
            words.append(t)
    return words


def _predicatives(state: DocState, verb: Token, frame: Frame) -> list[Role]:
    """What the verb makes, names or finds its object to be ('declared COVID-19 a pandemic',
    'was named chief executive', 'called the plan illegal'): a fact without it says little
    ('declared COVID-19'). 'declared the virus a pandemic' the small parser often reads as a
    verbless clause; its subject is then the fact's object. Only with an object, so the
    attribute has something to be said of."""
    small_clause = _small_clause(verb)
    if small_clause is not None and not frame.objects:
        subject = next(c for c in small_clause.children if c.dep_ == "nsubj")
        mention = referent(state, subject)
        if mention is not None and mention.type is not EntityType.DATE:
            frame.objects.append((mention, "small-clause"))
    if not frame.objects and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    roles = _name_before_title(state, verb, frame)
    for complement in _predicative_words(verb, small_clause):
        mention = complement_mention(state, complement)
        if mention.type is not EntityType.DATE and \
                all(m.start != mention.start for m, _ in frame.objects):
            roles.append(Role(name=RoleName.ATTRIBUTE, mention=mention))
    return roles


def _name_before_title(state: DocState, verb: Token, frame: Frame) -> list[Role]:
    """'elected Irene Vasko Speaker', 'elected Dara Quill president of the council': the
    small parser reads the name as the title's compound, one object 'Irene Vasko Speaker'.
    After a complex-transitive verb the person is the object and the title what they were
    made; the object phrase is replaced by the person."""
    roles = []
    if verb_lemma(verb) not in attribute_verbs():
        return roles
    for title in (c for c in verb.children if c.dep_ == "dobj" and canonical_role(c.lower_)):
        names = [c for c in title.children if c.dep_ == "compound" and c.i < title.i]
        person = state.mention_at.get(names[-1].i) if names else None
        if person is None or person.type is not EntityType.PERSON:
            continue
        if person.end > title.idx:  # the name read with the title: 'Irene Vasko Speaker'
            first = next(n for n in names if n.idx >= person.start)
            person = make_mention(state, title.doc[first.i:names[-1].i + 1], EntityType.PERSON,
                                  ner_label=person.ner_label)
        start = max(person.end, title.left_edge.idx)
        words = title.doc.char_span(start, title.right_edge.idx + len(title.right_edge),
                                    alignment_mode="expand")
        if words is None:
            continue
        attribute = make_mention(state, words, EntityType.THING, ner_label=None,
                                 lemma=title.lemma_.lower())
        frame.objects = [(person if m.start <= title.idx < m.end else m, rule)
                         for m, rule in frame.objects]
        roles.append(Role(name=RoleName.ATTRIBUTE, mention=attribute))
    return roles


def _predicative_words(verb: Token, small_clause: Token | None) -> list[Token]:
    """The head words of the verb's object predicatives: one the parser marks ('oprd', after
    any verb), the predicate of a verbless clause after a complex-transitive verb ('declared
    [the virus a pandemic]'), and, after such a verb, an 'appositive' written with no comma
    ('declared Ana Ruiz the winner' is no 'Ana Ruiz, the winner')."""
    words = [c for c in verb.children if c.dep_ == "oprd" and c.pos_ in ATTRIBUTE_POS]
    if small_clause is not None:
        words.append(small_clause)
    if verb_lemma(verb) in attribute_verbs():
        objects = [o for o in verb.children if o.dep_ == "dobj"]
        words += [a for o in objects for a in o.children
                  if a.dep_ == "appos" and a.pos_ in ATTRIBUTE_POS and a.i > o.i and
                  not any(t.is_punct for t in verb.doc[o.i + 1:a.left_edge.i])]
        # 'classified the outbreak of the disease as a pandemic': the parser can hang the
        # verb's 'as' on its object.
        words += [p for o in objects for prep in o.children
                  if prep.dep_ == "prep" and prep.lower_ == "as" for p in prep.children
                  if p.dep_ == "pobj" and _as_attribute(verb, "as", p) is not None]
    return words


def _small_clause(verb: Token) -> Token | None:
    """'declared the virus a pandemic' read as a clause with no verb ('ccomp' headed by a noun
    or adjective, with a subject): its predicate, after a complex-transitive verb."""
    if verb_lemma(verb) not in attribute_verbs():
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ATTRIBUTE_POS
                 and not c.tag_.startswith("VB") and any(g.dep_ == "nsubj" for g in c.children)
                 # a verb the tagger took for a noun takes an object: 'as Turkey invades X'
                 and not any(g.dep_ in {"dobj", "aux", "neg"} for g in c.children)), None)


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
    """Times and places the parser hung on a noun of this clause ('met Sorokin on Wednesday at
    the Cosmodrome' often attaches to 'Sorokin'): they still date and place the event. A role
    preposition on the direct object ('imposed sanctions on Russia') fills that role."""
    objects = {c.i for c in verb.children if c.dep_ == "dobj"}
    gap = _gapped_clause_start(verb)
    stack = [c for c in verb.children if c.dep_ in {"dobj", "dative", "prep", "attr", "npadvmod"}
             and c.i < gap and not _other_event_phrase(c) and
             not _governors_circumstance(verb, c)]
    stack.extend(_happening_subject_places(verb, frame, vocab))
    taken = {r.mention for r in frame.roles} | {m for m, _ in frame.objects}
    elsewhere = _placed_participant(verb, spec, vocab)
    while stack:
        token = stack.pop()
        if _phrase_depth(verb, token) > MAX_PHRASE_DEPTH:
            continue  # 'sentenced for his conviction in the slaying of a student in Ely'
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


# WordNet classes of nouns that name a happening ('riot' an act, 'fire' an event, 'flood' a
# phenomenon; data/noun_classes.json): such a noun as the subject of an occurrence verb is the
# event itself, so where it was is where the event was.
HAPPENING_CLASSES = frozenset({"act", "event", "phenomenon", "process"})


def _happening_subject_places(verb: Token, frame: Frame,
                              vocab: RelationVocabulary) -> list[Token]:
    """'Riots in Vaduz broke out', 'a fire at the depot occurred': the 'in'/'at' phrases on
    a happening noun that is the subject of an occurrence verb place the event, when the
    verb has no place of its own. Not for other verbs: 'the attack in Paris shocked Europe'
    does not say where the shock was."""
    if any(r.name is RoleName.PLACE for r in frame.roles) or \
            verb_lemma(verb) not in vocab.occurrence_verbs:
        return []
    classes = noun_classes()
    return [prep for subject in verb.children if subject.dep_ == "nsubj" and
            subject.pos_ == "NOUN" and classes.get(subject.lemma_.lower()) in HAPPENING_CLASSES
            for prep in subject.children
            if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}]


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


# How deep in nested prepositional phrases a time or place may sit and still be the verb's.
# 'crashed upon landing at the airport in Goa' is three deep and the crash's; four deep it is
# another thing's: 'sentenced for his conviction on charges in the slaying of a student in
# Ely' (Ely is the student's), 'secured a plurality in four states, including his home state
# of Vermont'. Counted on the dev and fresh articles and a CoNLL04 train sample (benchmarks/
# conll04_audit): of six such roles five were another thing's (the one right one, 'in the
# southeastern United States', had its state three deep); none of the judged facts changes.
MAX_PHRASE_DEPTH = 3


def _phrase_depth(verb: Token, token: Token) -> int:
    """How many prepositional phrases, one inside another, hold ``token`` below ``verb``:
    past ``MAX_PHRASE_DEPTH`` its dates and places belong to a noun far down, not the verb."""
    depth, node = 0, token
    while node.i != verb.i and node.head.i != node.i:
        depth += node.dep_ == "prep"
        node = node.head
    return depth


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
    Sunday, he suffered a stroke on Monday', 'after his arrest on Friday he stayed in jail')
    or gives its cause ('moved to Portugal due to a job offer in Lisbon', 'resigned because
    of a scandal in Madrid'): the dates and places inside it are that other event's or
    thing's, not the verb's; so are those of the report it comes from ('according to a report
    on Wednesday, two databases were found')."""
    words = argument_words()
    return token.dep_ == "prep" and token.lower_ in \
        words.event_order_preps | words.cause_preps | time_words().source_preps


def _recipient_inside_object(state: DocState, obj: Token, spec: RelationSpec | None,
                             frame: Frame) -> None:
    """Repair a common misparse: 'presented a gun made in Korea to Sorokin' hangs the 'to'-phrase
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
    dating = argument_words().dating_frames.get(verb_lemma(verb), frozenset())
    time_preps = vocab.time_preps | dating
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        if _is_reciprocal(pobj, vocab) and spec is not None:
            frame.reciprocal = spec.role_for_prep(word) or RoleName.COAGENT
            continue
        if pobj.ent_type_ in {"DATE", "TIME"} and word in time_preps:
            add_time(state, frame, pobj)
            continue
        if word in dating and (year := _bare_year(state, pobj)) is not None:
            frame.roles.append(Role(name=RoleName.TIME, mention=year,
                                    normalized=normalize_time(year.text, state.document.date)))
            continue
        role = _as_attribute(verb, word, pobj) or (spec.role_for_prep(word) if spec else None)
        object_preps = spec.object if spec else ()
        # 'called on Italy and Egypt to join': a list after the verb's own preposition is its
        # objects, each one fact; none of them is where the other's fact happened.
        listed = word in object_preps and len(conjuncts(pobj)) > 1
        for conj in conjuncts(pobj):
            mention = complement_mention(state, conj) if role is RoleName.ATTRIBUTE else \
                referent(state, conj)
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
            elif ((mention.type is EntityType.PLACE and word in vocab.place_preps) or
                  _held_in(verb, word, mention)) and not listed:
                frame.roles.append(Role(name=RoleName.PLACE, mention=mention))
            elif (default := _default_role(spec, verb, word, mention)) is not None \
                    and not listed and not _inside_object(state, verb, prep):
                frame.roles.append(Role(name=default, mention=mention))


def _held_in(verb: Token, word: str, mention: Mention) -> bool:
    """'was kept in solitary confinement', 'placed under house arrest': after a verb of
    keeping someone somewhere (``holding_frames``) the phrase is where, whatever its noun;
    never a person ('the trust they placed in me' is given to someone, kept nowhere)."""
    return mention.type is not EntityType.PERSON and \
        word in argument_words().holding_frames.get(verb_lemma(verb), frozenset())


def _default_role(spec: RelationSpec | None, verb: Token, word: str,
                  mention: Mention) -> RoleName | None:
    """The role a governed phrase gives when the verb's relation entry names none for its
    preposition ('returned the car to Lena': Lena receives it; 'inducted into the hall': where
    to), by the preposition and the participant's kind (data/preposition_roles.json), so
    that a participant the sentence gives is not left out. Never for a preposition the
    entry already reads (another role, or its object when the verb has none of its own) nor
    for a described thing: 'charged with murder' names no partner. A topic the entry reads
    as an object is still the topic beside a direct object ('asked the mayor about the fire':
    the mayor is the object, the fire what it was about)."""
    role = preposition_roles().get(word, {}).get(mention.type)
    beside_object = role is RoleName.TOPIC and any(c.dep_ == "dobj" for c in verb.children)
    if spec is not None and (spec.role_for_prep(word) or
                             (word in spec.object and not beside_object)):
        return None
    if word == "to" and verb_lemma(verb).split()[0] in contest_verbs():
        return None  # 'lost to Reyes': the winner, who received nothing
    if role is RoleName.TOPIC and (mention.lemma or mention.text)[:1].isdigit():
        return None  # 'won over 60% of the vote': a number, nothing spoken of
    return role


def _inside_object(state: DocState, verb: Token, prep: Token) -> bool:
    """Whether the phrase is read as part of the verb's direct object ('keep channels to
    Ostland open': the parser hangs 'to Ostland' on the verb, the object's mention holds it):
    it then says which object, not who else took part."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(m.start <= prep.idx < m.end for c in objects
               if (m := state.mention_at.get(c.i)) is not None) or any(
        prep.i == c.right_edge.i + 1 and any(g.dep_ in {"acl", "relcl"} for g in c.subtree)
        for c in objects)  # 'released a summary of a call made by X to Y': to Y is the call's


def _bare_year(state: DocState, token: Token) -> Mention | None:
    """'the hall dates to 1873': the small tagger often leaves a year after a dating verb a
    bare number (CARDINAL, no date mention); as the object of that verb's time preposition a
    four-digit number is a year, the time the fact needs."""
    if token.ent_type_ not in {"", "CARDINAL"} or not (token.text.isdigit() and
                                                     len(token.text) == 4):
        return None
    return make_mention(state, token.doc[token.i:token.i + 1], EntityType.DATE,
                        ner_label="DATE")


def _manner_noun(token: Token, mention: Mention) -> bool:
    """A bare singular common noun ('with sorrow', 'with great concern'): a mass noun of how
    something was done, no partner who did it with the subject ('with the company', 'with
    officials', 'with Pak' keep a determiner, a plural or a name)."""
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
    if is_duration(mention.text) or is_uncounted_ago(mention.text) or \
            is_bare_number(mention.text):
        return  # 'killed a few weeks after ...', 'for three days', 'years ago', 'aged 13
    if any(r.name is RoleName.TIME and r.mention == mention for r in frame.roles):
        return
    if is_anchored(mention.text):
        return  # 'the same day', 'four years earlier': counted from another event, no time
    end = _range_end(token)
    if end is None and token.dep_ == "pobj" and token.head.lower_ in time_words().bound_preps:
        return  # 'fund the government through September', 'by Friday': an end, not when
    # A span in one phrase ('from March 15 to 17') is one interval, its ends in its words.
    clause = _clause_of(token)
    # What is still to happen lies ahead of the article ('will meet on Monday'); what was
    # expected then ('was to end in August') or is told in the present ('debuts on October
    # 9') lies on either side of it, at the nearer such date.
    expected = _expected(clause)
    then = expected and clause is not None and _expected_as_then(clause)
    ahead = expected and not then
    nearest = then or (not expected and _told_in_present(clause))
    normalized = None if _quoted_deixis(token, mention) else normalize_time(
        _day_phrase(token, mention), state.document.date, ahead=ahead, nearest=nearest)
    if end is not None and state.mention_at.get(end.i) != mention:
        normalized = _split_span(state, token, end, ahead)  # 'from 2009 to 2017' cut in two
    explicit = _parenthetical_date(state, token)
    if explicit is not None:
        # 'on Wednesday (Sept 13)': the writer's own date beats counting back from the dateline.
        normalized = normalize_time(explicit.text, state.document.date, ahead=ahead) or normalized
    if end is None and normalized is not None and _opens_state(token):
        normalized = f"{normalized.split('/')[0]}/.."  # 'since 2010': from then on
    frame.roles.append(Role(name=RoleName.TIME, mention=mention, normalized=normalized))


def _opens_state(token: Token) -> bool:
    """'has lived in Lyon since 2010', 'held the post from March': a date after a
    preposition of a start (``open_start_preps``) with no end written is when a state
    began, not when the event was; its time is the open interval from it (EDTF's '2010/..'),
    so that no reader takes the start for the event's date."""
    return token.dep_ == "pobj" and token.head.lower_ in time_words().open_start_preps


def _split_span(state: DocState, token: Token, end: Token, ahead: bool) -> str | None:
    """The interval of a span the parser cut in two ('from 2009 to 2017' -> '2009/2017'), or
    None when either end dates to nothing on its own: its start alone is not when the whole
    happened, nor its end."""
    first, last = (_date_words(state, t) for t in sorted((token, end), key=lambda t: t.i))
    return normalize_time(f"{first} to {last}", state.document.date, ahead=ahead)


def _date_words(state: DocState, token: Token) -> str:
    """A date's mention, or the token itself (the tagger often leaves a span's end a bare
    number)."""
    mention = state.mention_at.get(token.i)
    return mention.text if mention is not None else token.text


NAMED_HOLDERS = frozenset({EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE})


def _time_on_named_subject(state: DocState, verb: Token, frame: Frame,
                           vocab: RelationVocabulary) -> None:
    """'The charity Wave-Aid on Sunday renamed its ship': the parser hangs a date written
    between a named subject and its verb on the name. A name takes no time of its own (unlike
    'the meeting on Monday was cancelled'), so the date is the verb's."""
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i):
        mention = state.mention_at.get(subject.i)
        if mention is None or mention.type not in NAMED_HOLDERS:
            continue
        for prep in (c for c in subject.children if c.dep_ == "prep" and c.i < verb.i
                     and c.lower_ in vocab.time_preps):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"
                         and c.ent_type_ in {"DATE", "TIME"}):
                add_time(state, frame, pobj)


def _range_end(token: Token) -> Token | None:
    """The other end of a span the parser split ('from 2009 to 2017': '2017' hangs on a 'to'
    under 'from', or on the verb beside 'from 2009'; the tagger often leaves the end a bare
    number), or None: a span's start alone is not when the whole happened, nor its end."""
    words = time_words()
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    starts = prep.lower_ in words.range_start_preps
    if not starts and prep.lower_ not in words.range_end_preps:
        return None
    others = [*prep.children, *token.children, *prep.head.children]
    if not starts and prep.head.dep_ == "prep":
        others.append(prep.head)
    wanted = words.range_start_preps if not starts else words.range_end_preps
    for other in (c for c in others if c.dep_ == "prep" and c.i != prep.i and
                  c.lower_ in wanted):
        end = next((c for c in other.children if c.dep_ == "pobj" and
                    (c.ent_type_ in {"DATE", "TIME"} or c.like_num)), None)
        if end is not None:
            return end
    return None


def _day_phrase(token: Token, mention: Mention) -> str:
    """The words that date a part of the day ('yesterday morning', 'Saturday afternoon'): the
    parser makes 'morning' a time of its own and hangs the day on it, so the day is read
    from the words before it; any other time is its mention."""
    if token.lower_ not in time_words().day_parts or token.left_edge.i == token.i:
        return mention.text
    return token.doc[token.left_edge.i:token.i + 1].text


OPENING_QUOTES = frozenset({"\u201c", "\u2018"})
CLOSING_QUOTES = frozenset({"\u201d", "\u2019"})


def _quoted_deixis(token: Token, mention: Mention) -> bool:
    """'wrote "... who passed away this evening"': a time counted from the moment of speaking
    (``deictic_words``), inside a quotation, counts from the speaker's day, which the article's
    date need not be; left as words, not dated."""
    words = {w.lower() for w in mention.text.split()}
    if not words & time_words().deictic_words:
        return False
    before = token.doc[token.sent.start:token.i]
    straight = sum(t.text == '"' for t in before)
    opened = [t.i for t in before if t.text in OPENING_QUOTES]
    closed = [t.i for t in before if t.text in CLOSING_QUOTES]
    return straight % 2 == 1 or max(opened, default=-1) > max(closed, default=-1)


def keep_nearest_time(roles: list[Role], anchor: int, objects: int = 1) -> list[Role]:
    """At most one time on a fact: the one written nearest its verb or noun (character
    ``anchor``). Two times on one fact are two events' ('begun on November 15 ... ended on
    Sunday'): the nearer is its own clause's modifier, the other most often another clause's.
    With several ``objects`` as well, each time is most often one object's ('reported a rate
    on December 24, and the last death on December 26'), which the shared roles cannot say:
    no time at all rather than one object's on the other."""
    times = [r for r in roles if r.name is RoleName.TIME]
    if len(times) < 2:
        return roles
    nearest = min(times, key=lambda r: (abs(r.mention.start - anchor), r.mention.start))
    if objects > 1:
        nearest = None
    return [r for r in roles if r.name is not RoleName.TIME or r is nearest]


def _clause_of(token: Token) -> Token | None:
    """The verb of the clause a date hangs in, or None (a date on a noun of no clause)."""
    clause = token
    for _ in range(8):
        if clause.pos_ in CLAUSE_HEAD_POS or clause.head.i == clause.i:
            break
        clause = clause.head
    return clause if clause.pos_ in CLAUSE_HEAD_POS else None


def _expected(clause: Token | None) -> bool:
    """Whether the clause is expected ('is scheduled to vote on March 10', 'will meet on
    Monday', 'was to end in August')."""
    return clause is not None and \
        judge_factuality(clause, load_vocabulary()) is Factuality.EXPECTED


PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _told_in_present(clause: Token | None) -> bool:
    """'Harbour Lights debuts on October 9', 'Hollis dies at 68', 'the strike is holding on
    Monday': the present tense tells a recent event (headlines) or a scheduled one alike."""
    if clause is None:
        return False
    auxes = [c.tag_ for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    return (clause.tag_ in PRESENT_TAGS and not auxes) or \
        (bool(auxes) and all(tag in PRESENT_TAGS for tag in auxes) and
         clause.tag_ in {"VBG", "VBN"} and not any(
             c.lemma_ == "have" for c in clause.children if c.dep_ == "aux"))


def _expected_as_then(clause: Token) -> bool:
    """An expectation told in the past ('was expected to end on December 15', and then was
    not): its date may lie on either side of the article's."""
    chain = [clause]
    while chain[-1].dep_ == "xcomp" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return any(t.tag_ == "VBD" for v in chain for t in
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
