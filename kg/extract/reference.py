"""Reference: what a token in an argument slot stands for.

A name the recogniser found, a pronoun's antecedent ('he', 'it', in reported speech the
speaker), a description that points back to a named organisation ('the company'), a named group
('they', 'the two leaders'), or else a thing keyed by its noun phrase ('fighter jets').
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg import gazetteer
from kg.extract.counts import counted_participant
from kg.extract.descriptions import described_name
from kg.extract.gender import (
    fits,
    known_to_fit,
    leans_against,
    reference_words,
    same_name,
    surname,
    word_sex,
)
from kg.extract.mentions import is_clock_zone, title_nouns
from kg.extract.name_bounds import opens_no_name
from kg.extract.preferences import deed_verb, verb_base
from kg.extract.quotations import quotation_at
from kg.extract.state import (
    NEUTER_PRONOUNS,
    PERSONAL_PRONOUNS,
    SUBJECT_DEPS,
    DocState,
    make_mention,
    surface_text,
)
from kg.factuality import governors
from kg.lexicon import (
    articles,
    canonical_role,
    definite_before_mention,
    definite_determiners,
    demonyms,
    derived_nouns,
    event_nouns,
    group_possessives,
    indefinite_articles,
    initialisms,
    narrower_kind_nouns,
    negative_pronouns,
    object_complements,
    organisation_kinds,
    person_nouns,
    singular_definites,
    thing_verbs,
)
from kg.model import EntityType, Mention
from kg.relations import RelationVocabulary, head_noun, load_vocabulary, noun_class

POSSESSIVE_PRONOUNS = {"his"}  # 'her' is already personal
# What joins a second party to a subject ('Velora, along with Tidewell Foods, ...'): its
# 'their' is the two, which no one mention stands for.
GROUP_PREPS = {"with", "along"}

VAGUE_HEADS = {"other", "each", "one", "lot", "part", "way", "thing", "something", "anything",
               "everything", "nothing", "all", "both", "some", "many", "few", "most", "number",
               "kind", "sort", "type", "reason", "time", "fact", "issue", "matter", "what"}


def referent(state: DocState, token: Token, *, possessive: bool = False) -> Mention | None:
    """The mention a dependency-head token stands for, or None when it names nothing useful.
    With ``possessive`` a possessive 'his' stands for its person too ('his wife, X'); event
    nouns leave it out, as 'his campaign manager' did not manage him."""
    if token.i in state.mention_at and token.lower_ not in FIRST_PERSON:
        # 'I WON THIS ELECTION': a shouted 'I' the tagger takes for a name is still 'I'
        named = state.mention_at[token.i]
        if token.pos_ == "NOUN" and named.text.islower() and \
                (deed := _deed_before(state, token)) is not None:
            return deed  # 'the discovery', which the recogniser took for a product
        if (counted := _amount_of(state, token, named)) is not None:
            return counted
        full = _full_name(state, token, named)
        return named if full is None else named.model_copy(
            update={"antecedent": full, "is_pronoun": True})
    if is_clock_zone(token.doc[token.i:token.i + 1]):
        return None  # 'launched at 1922 UTC': the zone is part of the time, no place
    if token.lower_ in negative_pronouns():
        return None  # 'none of the candidates won', 'nobody signed it': no one to name
    lower = token.lower_
    vocab = load_vocabulary()
    if lower in PRONOUN_WORDS and _bracketed_fragment(state, token):
        return None  # '"[T]he House ...', '"[I]t's ...': a letter an editor set in brackets
    if lower in PERSONAL_PRONOUNS or lower in NEUTER_PRONOUNS or (
            possessive and lower in POSSESSIVE_PRONOUNS and token.dep_ == "poss"):
        person = lower not in NEUTER_PRONOUNS
        if not person and token.dep_ == "dobj" and lower == "it":
            return _object_before(state, token)
        if not person and token.dep_ not in SUBJECT_DEPS:
            return None  # 'it' only as a subject or object: other 'it's name nothing
        if not person and _unnamed_subject_before(state, token):
            # 'Because this Court finds ..., it abstains': not a court named before, but
            # the description before it ('the plane turned back and it crashed').
            return _thing_before(state, token)
        candidates = state.people if person else _actors(state)
        antecedent = (_clause_subject(state, token) if token.dep_ == "poss" and person
                      else None) or _reporting_subject(state, token, person) or _antecedent(
            state, token, candidates, sentences_back=2 if person else 1)
        if antecedent is not None and (voice := _quote_voice(state, token)) is not None and \
                same_name(antecedent, voice):
            # '"He died in my arms," said Lena Park': inside a quote, never its speaker.
            antecedent = _antecedent(state, token, [c for c in candidates
                                                    if not same_name(c[1], voice)],
                                     sentences_back=2 if person else 1)
        if not person and antecedent is not None and \
                (reported := _reported_thing(state, token, antecedent)) is not None:
            return reported
        if antecedent is None:
            return None if person else _thing_before(state, token)
        return make_mention(state, token.doc[token.i:token.i + 1], antecedent.type, ner_label=None,
                        antecedent=antecedent)
    if possessive and lower in group_possessives() and token.dep_ == "poss":
        # 'Velora cut its prices', 'The ministers ended their talks': whose the thing is.
        owner = _group_possessor(state, token)
        return None if owner is None else make_mention(
            state, token.doc[token.i:token.i + 1], owner.type, ner_label=None,
            antecedent=owner)
    if lower in RELATIVE_WORDS and token.tag_ in {"WDT", "WP"} and \
            (clause := _relative_clause(token)) is not None:
        # 'the treaty which Sorokin signed', 'the man whom police arrested': the head noun.
        return referent(state, clause.head)
    if lower in FIRST_PERSON_WORDS and _first_person_slot(token, possessive):
        speaker = _first_person_speaker(state, token)
        return None if speaker is None else make_mention(
            state, token.doc[token.i:token.i + 1], speaker.type, ner_label=None,
            antecedent=speaker)
    if lower in PLURAL_PRONOUNS and token.dep_ in SUBJECT_DEPS:
        plural = _governing_body(state, token) or _plural_antecedent(state, token)
        if plural is None or _lifeless(plural):
            # 'Floods hit Velm. Greenpeace said they would send a team': the floods send
            # nothing; an organisation reporting what 'they' will do speaks of itself.
            plural = _reporting_organisation(state, token) or plural or \
                _relative_clause_speaker(state, token)
        if plural is not None and (voice := _quote_voice(state, token)) is not None and \
                same_name(plural, voice):
            plural = None  # '"They lied," Velora said': not the speaker, who says 'we'
        return None if plural is None else make_mention(
            state, token.doc[token.i:token.i + 1], plural.type, ner_label=None,
            antecedent=plural)
    if (token.pos_ == "NUM" or _bare_number(token)) and \
            (token.dep_ in SUBJECT_DEPS or _counts_of(token) or _bare_number(token)):
        # '35 were rescued'; as an object only with what it counts: 'won four of the seats';
        # 'seventeen were killed' with no noun before: the people the verb's frame wants.
        return _counted(state, token) or counted_participant(state, token)
    if token.pos_ == "NUM" and (counted := counted_participant(state, token)) is not None:
        # 'the quake killed 12': a bare number whose verb says it counts people.
        return counted
    if (age := _age_described(token)) is not None:
        # 'Tom Reyes, 45, was charged. The 45-year-old denied ...': the one person that age;
        # 'the 52-year-old killer' after 'serial killer Tom Reyes': the one so described.
        aged = _aged_person(state, token, age) or \
            described_name(state, token, _own_clause_subjects(state, token))
        return None if aged is None else make_mention(
            state, token.doc[token.i:token.i + 1], aged.type, ner_label=None, antecedent=aged)
    if lower in charged_descriptions() and (charged := _the_one_charged(state, token)):
        # 'Police charged Tom Reyes with arson. ... arrested the accused': the one person
        # the document proceeded against ('accused' is a participle to the tagger).
        return make_mention(state, token.doc[token.i:token.i + 1], charged.type,
                            ner_label=None, antecedent=charged)
    if token.pos_ not in {"NOUN", "PROPN"} or (lower in VAGUE_HEADS and
                                                not _indefinite_measure(token, vocab)):
        return None
    if (holder := _holder_from_place(state, token)) is not None:
        # 'Senator from Ohio Tom Reyes trailed him': the parser hangs the name under 'from',
        # the place glued to it; the title is the person's.
        return holder
    if token.pos_ == "NOUN" and token.is_title and token.i > token.sent.start and \
            token.tag_ in {"NN", "NNS"} and not any(c.dep_ == "det" for c in token.children):
        # A capitalised word mid-sentence tagged as a common noun is a name the tagger
        # missed ('Whitfield oversaw'): read it as written, never lemmatised to 'holli'.
        return make_mention(state, token.doc[token.i:token.i + 1], EntityType.THING,
                            ner_label="PROPN", lemma=token.text)
    if _surname_opening_sentence(state, token):
        # 'Simmons passed the bar exam' after 'Dana Simmons': a name the tagger read as
        # a plural noun at the head of a sentence; as written, never lemmatised to 'cumming'.
        return make_mention(state, token.doc[token.i:token.i + 1], EntityType.THING,
                            ner_label="PROPN", lemma=token.text)
    for child in token.children:
        # 'Its chairman, Erik Sandvold, sold ...': the name, not the role word.
        named = state.mention_at.get(child.i) if child.dep_ == "appos" else None
        if named is None and _unrecognised_name_after(token, child):
            # 'the Ruritanian carrier Velora': a name the recogniser missed says which one.
            return referent(state, child)
        if named is not None and (named.type in {EntityType.PERSON, EntityType.ORGANIZATION,
                                                 EntityType.PLACE} or
                                  (named.ner_label is not None and
                                   named.type is not EntityType.DATE)):
            # 'its own tournament, Spring Frenzy': the name says which one.
            return named
    if (predicated := _small_clause_subject(state, token)) is not None:
        # 'made Norway the first country to ban petrol cars': the description is said of
        # the name, and what it does after is the name's doing.
        return predicated
    if (fronted := _fronted_apposition(state, token)) is not None:
        # 'A resident of Oslo, Tom Reyes was charged': the parser gives the verb two subjects,
        # and the description is the name after it.
        return fronted
    if token.lemma_.lower() in vocab.measure_nouns | vocab.place_nouns:
        # '300 tonnes of rice' is rice; 'the district of Nacuro' is Nacuro.
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                inner = referent(state, pobj)
                if token.lemma_.lower() in vocab.measure_nouns or (
                        inner is not None and inner.ner_label is not None):
                    return inner
    kind = token.lemma_.lower()
    if (kind in vocab.organisation_nouns or kind in description_kinds() or
            kind in generic_organisation_nouns()) and _is_definite_bare(token):
        # 'the company' / 'its lender' / 'the ministry': the name the document set beside
        # that noun ('Velora Oil, an energy firm'), else the one named organisation of the
        # document it can be.
        antecedent = _apposed_name(state, token, kind) or \
            _described_organisation(state, token, kind)
        if antecedent is not None:
            return make_mention(state, token.doc[token.i:token.i + 1], antecedent.type,
                            ner_label=None, antecedent=antecedent)
    if (_is_definite_bare(token) or _possessed_bare(token)) and \
            (apposed := _apposed_name(state, token, kind)) is not None:
        # 'Tom Reyes, the gunman, ...' and later 'the gunman fled'; 'his sister, Lena Park'
        # and later 'his sister': the one name the document set beside that noun.
        return make_mention(state, token.doc[token.i:token.i + 1], apposed.type,
                            ner_label=None, antecedent=apposed)
    if _possessed_bare(token) and kind in kin_inverses() and \
            (kin := _kin_named(state, token, kind)) is not None:
        # 'Tom Reyes, brother of Lena Park, ... killed his sister': the one person the
        # document named as the one his brotherhood is to.
        return make_mention(state, token.doc[token.i:token.i + 1], kin.type,
                            ner_label=None, antecedent=kin)
    if (labels := description_labels().get(kind)) is not None and _is_definite_bare(token):
        # 'the bill' in an article that names one law, 'the film' with one film named, 'the
        # country' with one country: the one named thing of that kind before it.
        described = _described_by_label(state, token, labels)
        if described is not None:
            return make_mention(state, token.doc[token.i:token.i + 1], described.type,
                                ner_label=None, antecedent=described)
    if (kind in name_kind_words() or kind in gathering_words()) and \
            _is_definite_bare(token) and \
            (typed := _named_with_kind_word(state, token, kind)) is not None:
        # 'the storm' after 'Hurricane Lira', 'the ship' after 'USS Tala': the one name
        # before it whose own words say it is one of that kind.
        return make_mention(state, token.doc[token.i:token.i + 1], typed.type,
                            ner_label=None, antecedent=typed)
    if kind in narrower_kind_nouns() and _is_definite_bare(token) and \
            (introduced := _named_with_kind_noun(state, token, kind)) is not None:
        # 'the film' after 'Tidewater Nights, a documentary by ...', 'the vessel' after 'the
        # freighter Nordic Crane': the one name the document brought in with a noun of that
        # kind, or of a narrower kind.
        return make_mention(state, token.doc[token.i:token.i + 1], introduced.type,
                            ner_label=None, antecedent=introduced)
    country = _demonym_before(token)
    if (country is not None or _is_definite_bare(token)) and \
            token.tag_ not in {"NNS", "NNPS"} and (role := canonical_role(token.lemma_.lower())):
        # 'the judge' after 'Judge Amy Reyes', 'the American president' after 'US President
        # Joe Harlan': the one person the text gave that title ('its astronauts' are not
        # the one astronaut named).
        if _rule_condition(token):
            return None  # 'if the President dies, ...': whoever holds it then, no one named
        titled = _titled_person(state, token, role, country)
        if titled is not None:
            return make_mention(state, token.doc[token.i:token.i + 1], titled.type,
                                ner_label=None, antecedent=titled)
    if not canonical_role(token.lemma_.lower()) and \
            (described := described_name(state, token, _own_clause_subjects(state, token))):
        # 'the rock trio' after 'the rock band Blue Harbor', 'the federal agency' after 'X is
        # a federal agency': the one name the document described with that noun. A title
        # ('the North Korean leader') is left to the titled person above and to resolution's
        # title-description merge, which says how it was joined.
        return make_mention(state, token.doc[token.i:token.i + 1], described.type,
                            ner_label=None, antecedent=described)
    if (deed := _deed_before(state, token)) is not None:
        # 'Divers discovered a ferry wreck. ... The navy confirmed the discovery': the deed
        # the document told before, with what it was done to ('discovery of ferry wreck').
        return deed
    if (office := _office_told_before(state, token)) is not None:
        # 'served as Speaker of the Assembly and held the post': the office told before.
        return office
    if (intended := _intention_before(state, token)) is not None:
        # 'The party decided to cancel the primary ... Ostland made the same decision': the
        # decision the document told before, with what it was to do.
        return intended
    if token.pos_ == "NOUN" and _is_definite_bare(token) and \
            (introduced := _introduction(state, token)) is not None:
        # 'A propeller plane crashed ... the plane turned back': the one way the document
        # described that kind of thing when it brought it in says which one ('propeller plane').
        return make_mention(state, token.doc[token.i:token.i + 1], introduced.type,
                            ner_label=None, antecedent=introduced)
    if (headlined := _headline_participant(state, token) or
            _headline_organisation(state, token)) is not None:
        # 'Murder suspect appears in court' over 'Tom Reyes, 31, appeared in court on
        # Monday': the headline describes the one its lead names doing the same thing.
        return make_mention(state, token.doc[token.i:token.i + 1], headlined.type,
                            ner_label=None, antecedent=headlined)
    left = token.i
    while left > 0 and token.doc[left - 1].dep_ == "compound" and \
            token.doc[left - 1].head.i in range(left, token.i + 1) and \
            (token.doc[left - 1].i not in state.mention_at or token.pos_ == "NOUN") and \
            not opens_no_name(token.doc[left - 1]):  # 'Unlike' of 'Unlike Senators'
        left -= 1  # a name before a common noun is part of it: 'the AegeanLink pipeline'
    joined = _dash_joined_start(token, left)
    span = token.doc[left:token.i + 1]
    if token.pos_ == "PROPN":
        return make_mention(state, span, EntityType.THING, ner_label="PROPN",
                        lemma=surface_text(span.text))
    words = [t.text if t.pos_ == "PROPN" or _code_word(t) else t.lower_ for t in span[:-1]
             if t.is_alpha or t.like_num or _code_word(t)] + \
        [token.text if _code_word(token) else
         token.lower_ if token.lower_ in owned_nouns() else token.lemma_.lower()]
    if joined is not None:
        # 'Libya-Turkey relations' (an en dash read as a hyphen): both names, not 'Turkey
        # relation'
        words = [f"{token.doc[joined].text}-{token.doc[left].text}", *words[1:]]
        left = joined
    elif (share := _share_before(token, left)) is not None:
        # 'a 20 percent tariff', 'a 100% vaccination rate': how much is part of what it is
        # ('percent tariff' says nothing)
        words = [share, *words[1:]] if token.doc[left].is_alpha else [share, *words]
        left -= 1
    while left > 0 and token.doc[left - 1].dep_ in {"amod", "compound"} and \
            token.doc[left - 1].head.i in range(left, token.i + 1):
        left -= 1
        modifier = token.doc[left]
        if modifier.dep_ == "amod" and _kind_adjective(modifier) and modifier.is_alpha and \
                not any(modifier.children) and not _inside_longer_name(modifier) and \
                (modifier.lower_ not in vocab.vague_modifiers or _says_which_in_series(modifier)):
            # 'primary elections', 'a military offensive', 'the Chilean ambassador', 'the
            # Republican primary': the kind is part of what it is ('the new plan' is just
            # the plan).
            proper = modifier.ent_type_ != "" or (modifier.text[:1].isupper() and
                                                  modifier.i > modifier.sent.start)
            words.insert(0, modifier.text if proper else modifier.lower_)
    count = [c for c in token.children if c.dep_ == "nummod" and c.i < token.i]
    if count and (token.tag_ == "NNS" or token.ent_type_ in COUNTED_ENTITIES):
        # '18 people died', 'at least 42 people', 'reached 95%': how many is what a reader
        # needs ('%' alone says nothing).
        number = token.doc[count[0].left_edge.i:count[0].i + 1]
        words = [*(t.lower_ for t in number), *words[:-1], token.lower_]
        if token.lower_ == "%" and count[0].i == token.i - 1:
            words[-2:] = [words[-2] + "%"]  # '95%' as written
        left = min(left, number.start)
    end = token.i
    eventive = token.lemma_.lower() in event_nouns().nouns
    preps = noun_complement_preps() | (COMPLEMENT_PREPS if eventive or
                                       token.lemma_.lower() in vocab.plan_nouns else set()) | \
        (TOPIC_PREPS if token.lemma_.lower() in topic_nouns() else set())
    complement = _complement(token, preps) or _own_complement(token) or \
        _complement_on_verb(token) or \
        (_phrase_ending_in_a_name(token, preps) if eventive or _owned_noun(token) else None) \
        or _infinitive_complement(state, token)
    if complement is not None:
        # 'state of emergency', 'articles of impeachment', 'a ban on niqabs', 'a plan for
        # the march', 'an investigation of Tom Reyes's son', 'a delegate from Ostland', 'guilt
        # in eight murders', 'his intent to appeal': the head alone says too little.
        words += [token.doc[complement.start - 1].lower_, *_phrase_words(complement)]
        end = complement.end - 1
    if len(words) < COMPLEMENT_WORDS and \
            (owner := _possessor_named(state, token, eventive or _owned_noun(token))) is not None:
        # 'announced his death' after 'Tom Reyes died', 'asked for Martin Ashby's
        # resignation', 'Hallam's investigation into ...', 'worked at Velora's Oslo
        # restaurant': whose it is is what a reader needs ("Tom Reyes's death"); the head
        # stays the word the key ends on.
        words = [f"{owner}'s", *words]
    return make_mention(state, token.doc[left:end + 1], EntityType.THING, ner_label=None,
                        lemma=surface_text(re.sub(r" (['’]s?)(?= |$)", r"\1", " ".join(words))))


def _holder_from_place(state: DocState, token: Token) -> Mention | None:
    """The person a title followed by 'from <place> <name>' or 'of <place> <name>' names
    ('Senator from Ohio Tom Reyes', 'a delegate from Chile Ana Vidal', 'Governor of Texas Tom
    Reyes'): the parser reads the place as a word of the name, under the preposition. Only
    when the place is a word the gazetteer knows written right before a person's name: 'the
    lawyer from the firm of Tom Reyes' is someone else."""
    if canonical_role(token.lemma_.lower()) is None:
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            named = state.mention_at.get(pobj.i)
            glued = [c for c in pobj.children if c.dep_ == "compound" and c.i == prep.i + 1]
            if named is not None and named.type is EntityType.PERSON and glued and \
                    glued[0].idx < named.start and gazetteer.lookup(glued[0].text) is not None:
                return named
    return None


def _surname_opening_sentence(state: DocState, token: Token) -> bool:
    """Whether a capitalised common noun opening its sentence is written, as is, as a word of
    a person's name in the document ('Simmons' of 'Dana Simmons'): a capital there says
    nothing by itself ('Officials said'), a name the document gave does."""
    if token.i != token.sent.start or not token.is_title or token.tag_ not in {"NN", "NNS"} \
            or any(c.dep_ == "det" for c in token.children):
        return False
    return any(token.text in mention.text.split()[1:] for _, mention, _ in state.people)


def _kind_adjective(modifier: Token) -> bool:
    """Whether a modifier is an adjective: a common one ('military') or a proper one the
    tagger calls a name ('the Republican primary', 'the Democratic caucus'), which says
    which one it is all the more."""
    return (modifier.pos_ == "ADJ" and modifier.tag_ == "JJ") or \
        (modifier.pos_ == "PROPN" and modifier.tag_ == "NNP" and modifier.text[:1].isupper())


AMOUNT_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY"})


def _indefinite_measure(token: Token, vocab: RelationVocabulary) -> bool:
    """'a number of cities', 'a lot of rice': an indefinite measure with its 'of' phrase says
    'some cities', and the measure branch of ``referent`` reads the cities; 'the number of
    deaths rose' is the count, and stays vague."""
    return token.lower_ in vocab.measure_nouns and \
        any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children) and \
        any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _amount_of(state: DocState, token: Token, named: Mention) -> Mention | None:
    """An amount the recogniser found with the 'of' phrase that says what it counts ('tens
    of millions of records', 'thousands of protesters'): the amount alone says nothing, so
    the label is the whole phrase; None for an amount with no such phrase."""
    if named.ner_label not in AMOUNT_LABELS or token.tag_ != "NNS":
        return None
    counted = _complement(token, {"of"})
    if counted is None or counted.root.tag_ not in {"NNS", "NNPS"}:
        return None
    span = token.doc[token.left_edge.i:counted.end]
    words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in span]
    return make_mention(state, span, EntityType.THING, ner_label=None,
                        lemma=surface_text(" ".join(words)))


def _share_before(token: Token, left: int) -> str | None:
    """The share written before a noun as the first word of its compounds, with its number
    ('a 20 percent tariff' -> '20 percent', 'a 100% rate' -> '100%'); None when the phrase
    starts with no percentage."""
    measure = token.doc[left]
    if left == token.i or measure.ent_type_ != "PERCENT" or measure.dep_ != "compound":
        return None
    number = next((c for c in measure.children if c.dep_ == "nummod" and c.i == left - 1
                   and c.like_num), None)
    if number is None:
        return None
    return number.text + measure.text if measure.text == "%" else \
        f"{number.text} {measure.lower_}"


COMPLEMENT_PREPS = {"on", "into", "against", "for", "with", "to"}
TOPIC_PREPS = frozenset({"on"})  # 'the directive on plastic packaging': which
CODE_WORD = re.compile(r"(?=[\w-]*[A-Z])(?=[\w-]*\d)[A-Za-z\d]+(?:-[A-Za-z\d]+)*")


def _code_word(token: Token) -> bool:
    """Whether a word is a code of capitals and digits ('K7', 'B212', 'H5N1', 'F-16'): it
    says which one a description is ('the K7 strain', 'the B212'), so it is kept as written;
    neither ``is_alpha`` nor ``like_num`` holds for it, and a lowered 'b212' names nothing.
    A capital is required: '1990s', '3rd', '50m' are not codes."""
    return CODE_WORD.fullmatch(token.text) is not None


def _own_preps(noun: Token) -> frozenset[str]:
    """The prepositions whose phrase says which one this noun is, beyond those every noun
    keeps ('a term as president', 'channels to Ankara', 'a deal with the prosecutors')."""
    preps = object_complements()["noun_preps"]
    return frozenset(preps.get(noun.lemma_.lower(), ()))  # type: ignore[attr-defined]


def _own_complement(noun: Token) -> Span | None:
    """The phrase of one of the noun's own prepositions right after it, when it names a party
    or an office ('a deal with Chile', 'a term as governor'; not 'a deal with great
    reluctance', 'the agreement with the help of Chile')."""
    return _party_phrase(_complement(noun, _own_preps(noun)))


def _inside_longer_name(token: Token) -> bool:
    """Whether ``token`` is one word of a name the recogniser read as several ('South' of
    'South African'): alone it would label 'a South African rifle' a 'South rifle'."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "I" or (token.ent_iob_ == "B" and following is not None and
                                     following.ent_iob_ == "I")


def _party_phrase(phrase: Span | None) -> Span | None:
    """The phrase when its head names a party or an office: a name, a title or profession, or
    an organisation noun ('the prosecutors', 'the government'); else None (a manner or a
    means: 'with great reluctance')."""
    if phrase is None:
        return None
    head = phrase.root
    lemma = head.lemma_.lower()
    party = head.pos_ == "PROPN" or head.ent_type_ in NAMED or \
        canonical_role(lemma) is not None or lemma in person_nouns() or \
        lemma in organisation_kinds() or lemma in description_kinds() or \
        lemma in generic_organisation_nouns()
    return phrase if party else None


def _says_which_in_series(modifier: Token) -> bool:
    """Whether an ordinal says which one of a series its noun is ('his third term', 'the
    second round'), where elsewhere it says little ('the first plan' is the plan)."""
    series = object_complements()["ordinal_nouns"]
    return modifier.ent_type_ == "ORDINAL" and \
        modifier.head.lemma_.lower() in series  # type: ignore[operator]


@cache
def topic_nouns() -> frozenset[str]:
    """Nouns of written texts whose 'on' phrase says which one ('the directive on plastic
    packaging', 'a report on safety'): reference.json."""
    return frozenset(reference_words()["topic_nouns"])  # type: ignore[arg-type]
# A singular head the number is part of: '95%', '40 percent', '30 miles per hour'.
COUNTED_ENTITIES = frozenset({"PERCENT", "QUANTITY"})


# How many sentences after the headline (a date line not counted) its lead may take: a
# headline sums up the report's first sentences, not its later detail.
LEAD_SENTENCES = 2


def _headline_participant(state: DocState, token: Token) -> Mention | None:
    """The named participant a headline's description stands for: 'Murder suspect appears
    in court' over 'Tom Reyes, 31, appeared in Oslo District Court', 'Sister of singer
    jailed' over 'Lena Park was jailed'. Headlines drop names and articles, and the lead says
    the same thing with the name; so the one named person (or organisation) the lead gives
    the same verb, in the same place (a headline's dropped 'was' makes its subject the lead's
    passive subject), when the description's noun fits that kind. None outside the headline,
    for a plural ('Researchers find ...' is not the one scientist the lead names), or when the
    lead's first such verb has no one name in that place ('the suspect', 'X and Y').
    """
    wanted = _description_type(token.lemma_.lower())
    labels = description_labels().get(token.lemma_.lower())
    headline_verb = _headline_verb(token)
    if (wanted is None and labels is None) or headline_verb is None or \
            token.tag_ not in {"NN", "NNP"} or not _in_headline(state, token):
        return None
    lemma, slots = headline_verb[0].lemma_.lower(), headline_verb[1]
    verb = next((t for lead in _lead_sentences(token.sent) for t in lead
                 if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() == lemma), None)
    participants = [] if verb is None else [c for c in verb.children if c.dep_ in slots]
    if len(participants) != 1 or any(c.dep_ == "conj" for c in participants[0].children):
        return None  # the first such verb decides: no one there, or a group of names
    if wanted is None:
        # 'Governor signs anti-abortion measure' over '... signed the Velm Human Life
        # Protection Act': a thing of the description's kind, by its label or its words.
        return _lead_thing(state, participants[0], token.lemma_.lower(), labels or frozenset())
    named = _lead_name(state, participants[0])
    sex = word_sex(token.lemma_)
    if named is None or named.type is not wanted or (
            sex is not None and not fits(state, "she" if sex == "f" else "he", named)):
        return None  # 'Sister of singer jailed' is no man the lead names
    return named


def _headline_organisation(state: DocState, token: Token) -> Mention | None:
    """The one organisation the lead names whose name says the kind a headline's bare
    description gives: 'Federal agency announces plan' over 'On Monday, the Harbor Transit
    Administration sent a letter ...' ('agency' fits an administration, reference.json
    description_kinds). Headlines drop names, and the lead gives them; None for a noun any
    organisation can be ('company'), or when the lead names two that fit."""
    wanted = description_kinds().get(token.lemma_.lower())
    if wanted is None or token.tag_ != "NN" or \
            any(c.dep_ == "det" or c.dep_ == "poss" for c in token.children) or \
            not _in_headline(state, token):
        return None
    found = [m for lead in _lead_sentences(token.sent) for t in lead
             if (m := state.mention_at.get(t.i)) is not None and m.antecedent is None and
             m.type is EntityType.ORGANIZATION and
             {w.lower().strip(".,") for w in m.text.split()} & wanted]
    return found[0] if found and len(_name_groups(found)) == 1 else None


def _lead_thing(state: DocState, token: Token, kind: str, labels: frozenset[str]
                ) -> Mention | None:
    """The named thing a lead's participant is, when it is of the kind a headline's
    description says: a recogniser label of description_labels ('measure': a law) or a word of
    name_kind_words last or first in its name ('the Velm Clean Water Act' for 'bill')."""
    named = state.mention_at.get(token.i)
    if named is None or named.ner_label is None or named.antecedent is not None:
        return None
    words = [w.lower() for w in named.text.split()]
    kind_words = name_kind_words().get(kind, frozenset()) | _label_words(labels)
    return named if named.ner_label in labels or {words[0], words[-1]} & kind_words else None


def _label_words(labels: frozenset[str]) -> frozenset[str]:
    """Words that end the names of laws ('Act', 'Bill'), whatever label the recogniser gave:
    the name_kind_words of 'law' when laws are the labels wanted."""
    return name_kind_words().get("law", frozenset()) if "LAW" in labels else frozenset()


def _lead_name(state: DocState, token: Token) -> Mention | None:
    """The name a lead's participant is written with: the token's own, or the one set beside
    it ('An Australian, Tom Reyes, aged 31, appeared')."""
    for candidate in (token, *(c for c in token.children if c.dep_ == "appos")):
        named = state.mention_at.get(candidate.i)
        if named is not None and named.ner_label is not None and \
                named.type in {EntityType.PERSON, EntityType.ORGANIZATION}:
            return named
    return None


def _small_clause_subject(state: DocState, token: Token) -> Mention | None:
    """The name a description is predicated of without a verb ('made Norway the first
    country ...', 'named Lena Park the new chair'), which the parser gives as the noun's own
    subject. Only one name, and only a person, organisation or place named by the
    recogniser: a thing may be what the description is not."""
    subjects = [c for c in token.children if c.dep_ == "nsubj" and c.i < token.i]
    named = state.mention_at.get(subjects[0].i) if token.pos_ == "NOUN" and \
        len(subjects) == 1 else None
    if named is None or named.ner_label is None or named.type not in {
            EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE}:
        return None
    return named


def _fronted_apposition(state: DocState, token: Token) -> Mention | None:
    """The name a sentence-opening description is set before: 'A native of Oslo, Tom Reyes
    was charged', 'A former nurse, Lena Park founded ...', which the parser reads as two
    subjects of one verb. Only an indefinite description of a person or an organisation that
    opens the sentence, a comma, and then the one name in the same place of the same verb."""
    wanted = _description_type(token.lemma_.lower())
    if wanted is None or token.dep_ not in SUBJECT_DEPS or token.left_edge.i != token.sent.start \
            or not any(c.dep_ == "det" and c.lower_ in indefinite_articles()
                       for c in token.children):
        return None
    others = [c for c in token.head.children if c.dep_ == token.dep_ and c.i > token.i]
    if len(others) != 1 or token.doc[others[0].left_edge.i - 1].text != ",":
        return None
    named = state.mention_at.get(others[0].i)
    return named if named is not None and named.type is wanted and \
        named.ner_label is not None else None


def _description_type(noun: str) -> EntityType | None:
    """A person for 'suspect', 'brother', 'minister'; an organisation for 'company',
    'ministry'; None for any other noun ('police' in a headline is no one person)."""
    words = reference_words()
    if noun in words["person_descriptions"] or canonical_role(noun) or \
            noun in words["male"] or noun in words["female"]:  # type: ignore[operator]
        return EntityType.PERSON
    if noun in load_vocabulary().organisation_nouns or noun in description_kinds() or \
            noun in generic_organisation_nouns():
        return EntityType.ORGANIZATION
    return None


def _headline_verb(token: Token) -> tuple[Token, frozenset[str]] | None:
    """The headline's verb for this participant and the dependencies the participant has in
    the lead: a subject stays one, but a headline verb in the past participle lost its 'was'
    ('Suspect released on bail', or read as a reduced relative: 'Brother of singer jailed'),
    and an object may be the lead's passive subject ('Police arrest suspect' over 'Tom Reyes
    was arrested')."""
    if token.dep_ == "nsubjpass" or (token.dep_ == "nsubj" and token.head.tag_ == "VBN"):
        return token.head, frozenset({"nsubjpass"})
    if token.dep_ == "nsubj":
        return token.head, frozenset({"nsubj"})
    if token.dep_ == "dobj":
        return token.head, frozenset({"dobj", "nsubjpass"})
    reduced = [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return (reduced[0], frozenset({"nsubjpass"})) if token.dep_ == "ROOT" and reduced else None


def _in_headline(state: DocState, token: Token) -> bool:
    """The token is in the document's title line, its first sentence."""
    title = state.document.title
    first = next((s for s in token.doc.sents if any(t.is_alpha for t in s)), None)
    return title is not None and first is not None and first.start <= token.i < first.end \
        and " ".join(first.text.split()) in " ".join(title.split())


def _lead_sentences(headline: Span) -> list[Span]:
    """The first sentences after the headline that have words (a date line has none)."""
    return [s for s in headline.doc.sents if s.start >= headline.end and
            any(t.is_alpha for t in s)][:LEAD_SENTENCES]


def _introduction(state: DocState, token: Token) -> Mention | None:
    """The description a definite noun ('the plane', 'the outbreak', 'the protesters') points
    back to: the noun phrase of the same noun and number the document wrote before it with
    words that say which one ('a propeller plane', 'a measles outbreak', 'pro-democracy
    protesters', 'the government of Ostland'), when it wrote it one way only. None when it
    wrote two ('a new hotel', 'an old hotel'), when a count stood on it ('two databases': the
    definite may be one of them), or when no earlier phrase said more than the noun."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    found: dict[str, Mention] = {}
    vague = load_vocabulary().vague_modifiers
    for i in state.nouns_of(token.lemma_.lower()):
        earlier = token.doc[i]
        if i >= token.i:
            break
        if earlier.tag_ != token.tag_ or i in state.mention_at or earlier.dep_ == "compound" \
                or _is_definite_bare(earlier) or _possessed_bare(earlier) or \
                any(c.dep_ in {"nummod", "poss"} for c in earlier.children) or \
                _another_tenure(earlier):
            continue
        words = _country_of(state, earlier) or " ".join(
            _share_before(earlier, c.i) or c.lower_ for c in earlier.children
            if c.dep_ in {"amod", "compound"} and c.i < i and c.lower_ not in vague) or \
            _named_of_phrase(state, earlier)
        # (with its share: 'a 100% rate' and 'a 95% rate' are two descriptions)
        if not words:
            continue  # 'a plane', 'a new plane': nothing said which one
        mention = referent(state, earlier)
        if mention is None or mention.antecedent is not None or mention.ner_label is not None:
            return None
        found.setdefault(words, mention)
    distinct = [w for w in found if not any(
        w != o and set(w.split()) < set(o.split()) for o in found)]
    if len(distinct) != 1 or not all(set(w.split()) <= set(distinct[0].split()) for w in found):
        return None  # ('a propeller plane', later 'the single-engine propeller plane': one)
    only = next(iter(found.values()))
    return only if (only.lemma or "") not in {"", token.lemma_.lower()} else None


def _named_of_phrase(state: DocState, noun: Token) -> str:
    """The words of an 'of' phrase right after a noun that ends in a name ('the government
    of Ostland', 'the port of Velm'): it says which one, so a later 'the government' is that
    one. '' when there is none or it names nothing ('the end of the year')."""
    phrase = _complement(noun, {"of"})
    last = None if phrase is None else phrase[-1]
    if last is None or (last.pos_ != "PROPN" and (
            last.i not in state.mention_at or state.mention_at[last.i].ner_label is None)):
        return ""  # (a name the recogniser missed still says which one: 'of Velm')
    return " ".join(["of", *_phrase_words(phrase)])


def _deed_before(state: DocState, token: Token) -> Mention | None:
    """What 'the discovery', 'the sale', 'the killing' stands for when the document told that
    deed before with what it was done to: an earlier 'the discovery of a ferry wreck' (the
    same key, so the same thing), or an earlier verb of the deed with its one object ('divers
    discovered a ferry wreck' -> 'discovery of ferry wreck'). Only a lone 'the' before the
    noun (a possessor or a modifier may say it is another one), within this document, and
    None when the document told it twice differently or once without one object: a guess
    between two is a wrong participant."""
    lemma = token.lemma_.lower()
    # the verb it names the deed of, and the word before what that is done to: 'attack on'
    # (nominal_events.json), else WordNet's 'discover' for 'discovery' with 'of'
    frame = event_nouns().nouns.get(lemma)
    verb = frame.verb if frame is not None else derived_nouns().events.get(lemma)
    prep = frame.object[0] if frame is not None and frame.object else "of"
    if token.pos_ != "NOUN" or not _is_definite_bare(token) or \
            not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or \
            verb is None:
        return None
    told: set[str] = set()
    for earlier in token.doc[:token.i]:
        if earlier.pos_ == "NOUN" and earlier.lemma_.lower() == lemma and \
                any(c.dep_ == "prep" for c in earlier.children) and \
                not any(c.dep_ == "poss" for c in earlier.children):
            # Told with a phrase after it ('the discovery of ...'); words before it are
            # _introduction's ('a skull survey'), and a possessor says whose it was,
            # another's may follow ('the Labour Party's nomination').
            mention = referent(state, earlier)
            if mention is not None and mention.antecedent is None and \
                    len((mention.lemma or mention.text).split()) > 1:
                told.add(mention.lemma or mention.text)
        elif earlier.pos_ == "VERB" and earlier.lemma_.lower() == verb:
            told.add(_deed_of_verb(state, earlier, f"{token.lower_} {prep}"))
    keys = {_told_key(words) for words in told}
    if len(keys) != 1 or "" in keys:
        return None
    words = min(told)
    if token.i in state.mention_at:
        # The recogniser took the noun for a name ('the discovery' as a product), whose
        # entity its span would join: the telling stands on 'the discovery' with its article.
        return make_mention(state, token.doc[token.i:token.i + 1], EntityType.THING,
                            ner_label=None, antecedent=make_mention(
                                state, token.doc[token.left_edge.i:token.i + 1],
                                EntityType.THING, ner_label=None, lemma=words))
    # The key of its telling, so one thing, with the noun as written an alias.
    return make_mention(state, token.doc[token.i:token.i + 1], EntityType.THING,
                        ner_label=None, lemma=words)


def _deed_of_verb(state: DocState, verb: Token, noun: str) -> str:
    """'discovery of ferry wreck' for 'discovered an old ferry wreck' (or 'a ferry wreck was
    discovered'), ``noun`` being 'discovery of'; '' when the verb has no one object
    ('discovered that ...', 'X and Y')."""
    done_to = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if len(done_to) != 1 or any(c.dep_ == "conj" for c in done_to[0].children):
        return ""
    what = referent(state, done_to[0])
    return "" if what is None else f"{noun} {_label_of(what)}"


def _label_of(mention: Mention) -> str:
    """How a participant is written in a longer description: a name as named, a thing by
    its key ('ferry wreck')."""
    shown = mention.antecedent or mention
    return shown.text if shown.ner_label is not None else (shown.lemma or shown.text)


def _told_key(words: str) -> str:
    """Two tellings of one deed compare without articles ('discovery of a ferry wreck')."""
    return " ".join(w for w in words.lower().split() if w not in articles())


def _country_of(state: DocState, noun: Token) -> str | None:
    """The country a description says its noun is of, written either way: 'the Ruritanian
    government' and 'the government of Ruritania' both say 'ruritania', so a later 'the
    government' is one thing, not two descriptions. None when the noun has other words
    before it ('the new Ruritanian government') or no country."""
    modifiers = [c for c in noun.children if c.i < noun.i and c.dep_ not in {"det", "punct"}]
    if len(modifiers) == 1 and modifiers[0].dep_ in {"amod", "compound"} and \
            (country := demonyms().get(modifiers[0].lower_)) is not None:
        return country.lower()
    if modifiers:
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            place = state.mention_at.get(pobj.i)
            if place is None:
                continue
            known = gazetteer.lookup(place.text)
            if known is not None and (place.type is EntityType.PLACE or known.kind == "country"):
                # (a country the recogniser called an organisation in 'the government of
                # Ruritania' is still the country)
                return known.name.lower()
    return None


def _full_name(state: DocState, token: Token, named: Mention) -> Mention | None:
    """The organisation a short form written 'the X' stands for: the one organisation named
    before it in the document whose name holds all its words and more ('the House' after
    'the Ruritanian House of Deputies', 'the Commission' after 'the Fisheries Commission').
    None when two different names fit ('the House' after both a House of Deputies and a
    White House), when the short form is not definite ('Apple' is no short form of 'Apple
    Music'), or when the document wrote the short form as a name of its own before."""
    if named.type is not EntityType.ORGANIZATION or named.antecedent is not None or \
            token.tag_ == "NNPS":
        return None  # 'the Representatives who voted' are members, not the House
    words = [w.lower().strip(".,") for w in named.text.split()]
    start = token.i
    while start > 0 and state.mention_at.get(start - 1) is named:
        start -= 1
    definite = words[:1] == ["the"] or (start > 0 and token.doc[start - 1].lower_ == "the")
    words = words[1:] if words[:1] == ["the"] else words
    if not words or not definite or len(words) > 2:
        return None
    found: dict[str, Mention] = {}
    for i, mention, _ in state.organisations:
        if i >= token.i or mention is named:
            continue
        longer = [w.lower().strip(".,") for w in mention.text.split()]
        if longer == words or (longer[:1] == ["the"] and longer[1:] == words):
            return None  # the document names 'the House' on its own before
        if set(words) <= set(longer) and len(longer) > len(words) and \
                not _branch_in_place(words, longer):
            found.setdefault(" ".join(longer), mention)
    keys = list(found)
    distinct = [k for k in keys if not any(k != o and set(o.split()) < set(k.split())
                                           for o in keys)]
    # ('the House' after 'the House of Deputies' and 'the Ruritanian House of Deputies': one)
    return found[max(keys, key=len)] if len({frozenset(k.split()) for k in distinct}) == 1 \
        else None


def _branch_in_place(words: list[str], longer: list[str]) -> bool:
    """'the Liberal party' is not the 'Ostland Liberal Party': a short form that is a
    name of its own (two words) and a longer name that adds only a place the gazetteer
    knows are the body and its branch there. A one-word kind ('the Senate') still stands for
    the place's body ('the Ostland Senate')."""
    extra = [w for w in longer if w not in words and w != "the"]
    return len(words) >= 2 and bool(extra) and gazetteer.lookup(" ".join(extra)) is not None


def _counts_of(number: Token) -> bool:
    """Whether a number has an 'of'-phrase saying what it counts ('four of the seats')."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        c.dep_ == "pobj" and c.tag_ == "NNS" for c in p.children) for p in number.children)


def _unrecognised_name_after(token: Token, child: Token) -> bool:
    """Whether ``child`` is a capitalised name right after the common noun it stands in
    apposition to ('the gas producer Velora'), with no comma between: the description says
    what it is, the name which one."""
    return child.dep_ == "appos" and child.pos_ == "PROPN" and token.pos_ == "NOUN" and \
        child.left_edge.i == token.i + 1 and child.text[:1].isupper() and \
        child.ent_type_ in {"", "ORG", "PERSON", "GPE", "PRODUCT", "FAC", "NORP"}


def _counted(state: DocState, number: Token) -> Mention | None:
    """A number standing for what it counts: '149 of the survivors' are 149 survivors, and in
    'seventeen people died and 35 were rescued' the 35 are people too (the noun the sentence
    last counted). A year or a number that counts nothing named is not a participant."""
    if number.ent_type_ in {"TIME", "MONEY", "PERCENT"}:
        return None
    if (named := _apposed_to_number(state, number)) is not None:
        return named
    noun: Token | None = None
    for prep in (c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"):
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.tag_ == "NNS"), None)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in number.children)
    if noun is None and not definite:
        noun = next((t for t in reversed(number.doc[number.sent.start:number.i])
                     if t.tag_ == "NNS" and any(c.dep_ == "nummod" for c in t.children)), None)
    if noun is None and definite:
        # 'Twelve people were hurt. The twelve were taken to hospital': the plural the same
        # number counted just before, in this sentence or the two before it.
        noun = _counted_before(state, number)
    if noun is None:
        return None
    span = number.doc[number.i:number.i + 1]
    # 'one of his lawyers' is one lawyer: a plural after 'one' would be garbled ('one lawyers').
    counted = noun.lemma_.lower() if number.lower_ in SINGLE_COUNTS else noun.lower_
    return make_mention(state, span, EntityType.THING, ner_label=None,
                        lemma=surface_text(f"{number.lower_} {counted}"))


# Numbers that count a single thing, whose noun is then singular.
SINGLE_COUNTS = frozenset({"one", "1"})


def _apposed_to_number(state: DocState, number: Token) -> Mention | None:
    """'One of these militias, the Velm Liberation Front, opposed it': the one a single
    count stands for when the sentence names it in apposition."""
    if number.lower_ not in SINGLE_COUNTS:
        return None
    named = [state.mention_at[c.i] for c in number.children
             if c.dep_ == "appos" and c.i in state.mention_at]
    return named[0] if len(named) == 1 and named[0].ner_label is not None else None


def _counted_before(state: DocState, number: Token) -> Token | None:
    """The plural noun that the same number ('twelve', '12') counts last before ``number``,
    within its sentence and the two before it; None when none does."""
    value = number_value(number.lower_)
    if value is None:
        return None
    sentence = state.sentence_index[number.i]
    for token in reversed(number.doc[:number.i]):
        if state.sentence_index.get(token.i, sentence) < sentence - 2:
            return None
        if token.tag_ == "NNS" and any(c.dep_ == "nummod" and number_value(c.lower_) == value
                                       for c in token.children):
            return token
    return None


COMPLEMENT_WORDS = 7  # a label longer than this reads as a sentence, not a name


def _complement(token: Token, preps: frozenset[str] | set[str], *,
                nested: bool = True, adjacent_to: Token | None = None) -> Span | None:
    """The noun phrase a prepositional phrase right after a common noun adds to it ('of
    impeachment', 'in eight murders', 'in sociology and history', 'about the budget';
    after an event noun also 'on', 'into', 'against', ...), with its compounds, adjectives and
    count, and one 'of'-phrase of its own ('with the government of Norway'); None when there
    is none, when it is a date or a time, or when it runs on into clauses and further
    phrases, which would make the name a sentence. ``adjacent_to``: the phrase must follow
    that word instead of ``token`` (a phrase the parser hung on the verb)."""
    after = token if adjacent_to is None else adjacent_to
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in preps):
        if prep.i != after.i + 1:
            return None
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if pobj.pos_ not in {"NOUN", "PROPN"} or pobj.lower_ in VAGUE_HEADS or \
                    pobj.ent_type_ in {"DATE", "TIME"}:
                return None
            if prep.lower_ != "of" and pobj.pos_ == "NOUN" and \
                    not any(c.i < pobj.i for c in pobj.children) and \
                    any(c.i > pobj.i and c.dep_ not in {"cc", "conj", "punct"}
                        for c in pobj.children):
                return None  # 'in exchange for', 'in footage released by': a bare noun with
                # more after it is a circumstance or a complex preposition, not a name
            start = pobj.i
            while start > prep.i + 1 and token.doc[start - 1].head.i in range(start, pobj.i + 1) \
                    and token.doc[start - 1].dep_ in {"amod", "compound", "nummod"}:
                start = token.doc[start - 1].left_edge.i  # 'at least 50 people'
            start = _possessor_start(pobj, start, prep.i + 1)
            if start == prep.i + 2 and token.doc[start - 1].lower_ in articles():
                start -= 1  # 'the shooting of a protester'
            if start != prep.i + 1 or any(t.dep_ in {"relcl", "acl", "appos"} or
                                          t.tag_ in {"WDT", "WP"}
                                          for t in token.doc[start:pobj.i + 1]):
                return None  # 'the fate of those people', 'the plan of his party': too loose
            end = pobj.i + 1
            listed = _list_end(pobj)
            if listed is None and prep.lower_ == "between" and (
                    pobj.tag_ not in {"NNS", "NNPS"} or
                    any(c.dep_ == "conj" for c in pobj.children)):
                return None  # 'the gap between the old members and ...': half a pair
            if listed is not None:
                end = listed  # 'in sociology and history', 'of Tarvia, Ostland and Velm'
            elif nested and (inner := _complement(pobj, {"of"}, nested=False)) is not None:
                end = inner.end  # 'an agreement with the government of Norway'
            if end - start > COMPLEMENT_WORDS or (prep.lower_ in PLACE_PREPS and
                                                  _names_place(token.doc[start:end])):
                return None  # 'killed three people in Oslo': Oslo is where, a role
            if end < len(token.doc) and token.doc[end].head.i == pobj.i and \
                    token.doc[end].dep_ in {"appos", "compound", "amod", "nmod", "npadvmod"}:
                return None  # 'an article from the news site oe24.at': cut mid-name
            return token.doc[start:end]
    return None


LIST_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "poss", "case"})


def _list_end(first: Token) -> int | None:
    """Where a coordinated list of plain noun phrases that starts at ``first`` ends ('the
    overdoses and the new payments', 'Tarvia, Ostland and Velm'): a phrase's whole list says
    which one it is, and its first item alone reads as another thing ('the delegations of
    Tarvia' were not all the delegations). None when there is no list, or when anything but
    commas, a conjunction and the items' own modifiers before them stands between, or the
    last item runs on ('the dams that the town built'): a clause, not a name. The items are
    all names or all common nouns: 'the leader of Catholic Christianity, priests and nuns'
    is a name and the subject of the next clause run together by the parser."""
    items = []
    item = first
    while (after := next((c for c in item.children if c.dep_ == "conj" and c.i > item.i),
                         None)) is not None:
        items.append(after)
        item = after
    chain = {first.i, *(t.i for t in items)}
    if not items or not any(t.dep_ == "cc" and t.head.i in chain
                            for t in first.doc[first.i + 1:items[-1].i]):
        return None
    for word in first.doc[first.i + 1:items[-1].i + 1]:
        if word.i in chain:
            fits = word.pos_ == first.pos_ and word.ent_type_ not in {"DATE", "TIME"}
        else:
            fits = word.head.i in chain and (
                word.dep_ == "cc" or (word.dep_ == "punct" and word.text == ",") or
                (word.dep_ in LIST_MODIFIERS and word.i < word.head.i))
        if not fits:
            return None
    if any(c.i > items[-1].i for c in items[-1].children):
        return None
    return items[-1].i + 1


def _infinitive_complement(state: DocState, noun: Token) -> Span | None:
    """The to-infinitive right after a noun of intention or decision that says which one it
    is ('his intent to appeal', 'plans to withdraw the troops', 'the vote to expel Ana
    Vidal'; object_complements.json 'infinitive_nouns'): the verb, its particle and its
    object, from the verb on (the word before it is 'to'). What follows the object, a place,
    a time or a manner ('on Friday', 'in Oslo'), is the clause's, not the noun's; None when
    there is no such infinitive or its object runs on into a clause or a date, and when a
    named owner says which one already ('Tom Reyes's offer to resign' is Tom Reyes's offer,
    as the news writes it: 'his resignation offer')."""
    if noun.lemma_.lower() not in infinitive_nouns() or noun.i + 2 >= len(noun.doc) or \
            _possessor_named(state, noun) is not None:
        return None
    to, verb = noun.doc[noun.i + 1], noun.doc[noun.i + 2]
    if to.lower_ != "to" or to.head.i != verb.i or verb.head.i != noun.i or \
            verb.dep_ != "acl" or verb.tag_ != "VB":
        return None
    return _infinitive_phrase(verb)


def _infinitive_phrase(verb: Token) -> Span | None:
    """A to-infinitive's verb, its particle and its plain object ('cancel the primary'),
    without what follows (a place, a time, a manner are the clause's); None when the object
    runs on too long to be part of a name."""
    end = verb.i + 1
    for child in sorted((c for c in verb.children if c.i > verb.i), key=lambda c: c.i):
        if child.dep_ == "prt" and child.i == end:
            end += 1
        elif child.dep_ in {"dobj", "attr", "oprd"} and child.left_edge.i == end:
            end = _plain_phrase_end(child)
            break
        else:
            break
    if end - verb.i > COMPLEMENT_WORDS - 1:
        return None
    return verb.doc[verb.i:end]


@cache
def infinitive_verbs() -> dict[str, str]:
    """'decision' -> 'decide': the verb whose to-infinitive says what an infinitive noun
    does (object_complements.json 'infinitive_verbs')."""
    return dict(object_complements()["infinitive_verbs"])  # type: ignore[call-overload]


DESCRIBING_DEPS = frozenset({"amod", "compound", "prep", "acl", "relcl", "poss", "nmod"})


def _points_back(token: Token) -> bool:
    """'the decision', 'that plan', 'the same decision': a noun with nothing of its own
    that says which one, so it is one the document told before."""
    children = list(token.children)
    definite = definite_determiners()
    return any(c.dep_ == "det" and c.lower_ in definite for c in children) and \
        all((c.dep_ == "det" and c.lower_ in definite) or
            (c.dep_ == "amod" and c.lower_ == "same") for c in children)


@cache
def office_nouns() -> frozenset[str]:
    """'position', 'post', 'office': nouns that stand for an office a person holds
    (reference.json 'office_nouns')."""
    return frozenset(reference_words()["office_nouns"])  # type: ignore[arg-type]


def _office_told_before(state: DocState, token: Token) -> Mention | None:
    """What 'the post', 'that office', 'the position' stands for: the one office the
    sentence or the one before it named with 'as' ('served as Speaker of the Assembly and
    held the post'), else the one title the document gave the clause's subject ('chief
    adviser Tom Reyes ... Reyes had held the position': 'adviser position'). None when two
    offices fit or none:
    'held the position' alone says nothing a reader can check."""
    if token.lemma_.lower() not in office_nouns() or not _points_back(token):
        return None
    sentences = [s for s in token.doc.sents if s.start <= token.i][-2:]
    found = {" ".join(_phrase_words(phrase)): phrase
             for t in token.doc[sentences[0].start:token.i]
             if (phrase := _office_as(t)) is not None}
    noun = token.lemma_.lower()
    if not found and (title := _subject_title(state, token)) is not None:
        # a title as news writes it before the noun, the noun the key ends on ('adviser
        # position'), as an owner is written ("Tom Reyes's death")
        return make_mention(state, token.doc[token.i:token.i + 1], EntityType.THING,
                            ner_label=None, lemma=surface_text(f"{title} {noun}"))
    if len(found) != 1:
        return None
    return make_mention(state, token.doc[token.i:token.i + 1], EntityType.THING,
                        ner_label=None, lemma=surface_text(f"{noun} of {next(iter(found))}"))


def _office_as(token: Token) -> Span | None:
    """'Speaker of the Assembly' of 'served as Speaker of the Assembly': a role word after
    'as', with its 'of' phrase."""
    if token.dep_ != "pobj" or token.head.lower_ != "as" or \
            not canonical_role(token.lemma_.lower()):
        return None
    start = token.left_edge.i
    if token.doc[start].lower_ in articles():
        start += 1
    inner = _complement(token, {"of"})
    end = token.i + 1 if inner is None else inner.end
    return token.doc[start:end] if end - start <= COMPLEMENT_WORDS else None


def _subject_title(state: DocState, token: Token) -> str | None:
    """The one title the document gave the person who is the subject of ``token``'s verb
    ('chief adviser' for Tom Reyes)."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    named = None if subject is None else state.mention_at.get(subject.i)
    if named is None or named.ner_label is None:
        return None  # (a lone surname the recogniser typed otherwise: its people's title)
    titles = {title.lower() for i, mention, _ in state.people
              if i < token.i and surname(mention) == surname(named) and
              (title := mention.title or _role_before(token.doc, i) or _role_inside(mention))}
    return next(iter(titles)) if len(titles) == 1 else None


def _intention_before(state: DocState, token: Token) -> Mention | None:
    """What 'the decision', 'the same decision', 'that plan' stands for when the document
    told it before with what it was to do: an earlier 'decision to cancel the primary', or
    an earlier verb with its to-infinitive ('the party decided to cancel the primary' ->
    'decision to cancel primary'). None when it told two different ones, or none, or when
    the last one of that noun it described was another ('the border agreement'): the noun
    alone says nothing a reader can check, and a guess between two is a wrong participant."""
    lemma = token.lemma_.lower()
    verb = infinitive_verbs().get(lemma)
    if token.pos_ != "NOUN" or verb is None or not _points_back(token):
        return None
    told: set[str] = set()
    for earlier in token.doc[:token.i]:
        if earlier.pos_ == "NOUN" and earlier.lemma_.lower() == lemma:
            if (phrase := _infinitive_complement(state, earlier)) is not None:
                told.add(" ".join([lemma, "to", *_phrase_words(phrase)]))
            elif not _points_back(earlier) and any(c.dep_ in DESCRIBING_DEPS
                                                   for c in earlier.children):
                told.clear()  # 'the maritime border agreement' told after it: that one
        elif earlier.pos_ == "VERB" and earlier.lemma_.lower() == verb:
            for done in (c for c in earlier.children if c.dep_ == "xcomp" and c.tag_ == "VB"
                         and any(a.lower_ == "to" for a in c.children if a.i < c.i)):
                phrase = _infinitive_phrase(done)
                told.add("" if phrase is None else
                         " ".join([lemma, "to", *_phrase_words(phrase)]))
    keys = {_told_key(words) for words in told}
    if len(keys) != 1 or "" in keys:
        return None
    return make_mention(state, token.doc[token.i:token.i + 1], EntityType.THING,
                        ner_label=None, lemma=surface_text(min(told)))


def _plain_phrase_end(head: Token) -> int:
    """Where a noun phrase ends before anything that would make a name a sentence: its whole
    subtree when that has no clause, punctuation or date in it ('the troops'), else its head
    ('the bill' of 'the bill, which ...')."""
    phrase = head.doc[head.left_edge.i:head.right_edge.i + 1]
    if any(t.is_punct or t.tag_ in {"WDT", "WP"} or t.ent_type_ in {"DATE", "TIME"} or
           t.dep_ in {"relcl", "acl", "advcl", "ccomp", "prep"} for t in phrase):
        return head.i + 1
    return phrase.end


def _complement_word(token: Token) -> str:
    """A word of a complement as a label writes it: a name as written, anything else
    lower-cased. (A pronoun stays as written: resolving it here would ask for the referent
    of the phrase it is part of.)"""
    return token.text if token.pos_ == "PROPN" or token.dep_ == "case" or token.ent_type_ \
        else token.lower_


def _phrase_words(phrase: Span) -> list[str]:
    """A complement's words as a label writes them, a comma kept on the word before it
    ('of Tarvia, Ostland and Velm', not 'Tarvia , Ostland')."""
    words: list[str] = []
    for token in phrase:
        if token.text == "," and words:
            words[-1] += token.text
        else:
            words.append(_complement_word(token))
    return words


@cache
def infinitive_nouns() -> frozenset[str]:
    """Nouns whose to-infinitive says which one they are: object_complements.json."""
    return frozenset(object_complements()["infinitive_nouns"])  # type: ignore[arg-type]


NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def _phrase_ending_in_a_name(token: Token, preps: frozenset[str] | set[str]) -> Span | None:
    """The phrase right after an event or plan noun when it ends in the one name it holds,
    though the parser cut it up ('a ban on flights from Tarvia', 'the death of pioneering
    oceanographer Tom Reyes' read as a clause): the name says which event it is, and a short
    phrase ending in it reads as one; None when it is long, has punctuation, a date, a
    clause word or a second name, or does not end in the name."""
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in preps), None)
    if prep is None or prep.i != token.i + 1:
        return None
    phrase = token.doc[prep.i + 1:prep.right_edge.i + 1]
    if not 0 < len(phrase) <= COMPLEMENT_WORDS or phrase[-1].ent_type_ not in NAMED or \
            sum(t.ent_iob_ == "B" for t in phrase) != 1 or \
            (phrase.end < len(token.doc) and token.doc[phrase.end].ent_iob_ == "I"):
        return None  # (one name, which the phrase ends in, whole)
    if prep.lower_ in PLACE_PREPS and _names_place(phrase):
        return None  # 'the summit in Rome': where, a role of the fact
    if any(t.is_punct or t.tag_ in {"WDT", "WP", "MD"} or t.pos_ == "AUX" or
           t.dep_ in {"relcl", "advcl", "ccomp", "nsubj", "cc"} for t in phrase):
        return None
    return phrase


def _names_place(phrase: Span) -> bool:
    """Whether a phrase names a place or a time: a recogniser label, a place noun, or a name
    the gazetteer knows ('Puerto Rico', even when the recogniser missed it)."""
    vocab = load_vocabulary()
    names = " ".join(t.text for t in phrase if t.pos_ == "PROPN")
    return any(t.ent_type_ in PLACE_LABELS or t.lemma_.lower() in vocab.place_nouns
               for t in phrase) or (names != "" and gazetteer.lookup(names) is not None)


def _complement_on_verb(noun: Token) -> Span | None:
    """'admitted his guilt in eight murders', 'won the last delegate from the island of
    Tala': the parser hangs the phrase on the verb, but right after the object, with a
    preposition of ``verb_complement_preps`` and no place, date or time in it, it is the
    object's own ('killed three people in Oslo' stays a place); so is one of the noun's own
    prepositions (object_complements.json) when it names a party, place or not ('a deal
    with Chile')."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i == noun.i + 1):
        if prep.lower_ in _own_preps(noun):
            if _verbs_role(verb, prep.lower_):
                return None  # 'signed the deal with the company': the company co-signed
            # 'violated his deal with prosecutors', 'kept channels to Chile': whom the noun
            # is with or to, though a place, is what it is
            return _party_phrase(_complement(verb, {prep.lower_}, adjacent_to=noun))
        if prep.lower_ not in verb_complement_preps():
            return None
        phrase = _complement(verb, {prep.lower_}, adjacent_to=noun)
        return None if phrase is None or _names_place(phrase) else phrase
    return None


def _verbs_role(verb: Token, prep: str) -> bool:
    """Whether the verb's frame gives the preposition's phrase a role of its own ('sign ...
    with' a co-agent, 'send ... to' a destination): then the phrase is the verb's, not the
    object noun's complement."""
    spec = load_vocabulary().spec(verb.lemma_.lower())
    return spec is not None and spec.role_for_prep(prep) is not None


PLACE_LABELS = {"GPE", "LOC", "FAC", "DATE", "TIME"}
PLACE_PREPS = {"in", "at", "from"}  # 'people in Oslo', 'from Oslo': a place role, not a name


@cache
def verb_complement_preps() -> frozenset[str]:
    """Prepositions whose phrase, hung on a verb right after its object, is the object's:
    reference.json."""
    return frozenset(reference_words()["verb_complement_preps"])  # type: ignore[arg-type]


@cache
def noun_complement_preps() -> frozenset[str]:
    """Prepositions whose phrase right after any common noun is part of what it names
    ('member of', 'degree in'; not 'from': 'a glove from a space suit' is a glove):
    reference.json."""
    return frozenset(reference_words()["complement_preps"])  # type: ignore[arg-type]


DASHES = frozenset({"-", "\u2013", "\u2014"})


def _dash_joined_start(token: Token, left: int) -> int | None:
    """Where a pair of names joined by a dash before a common noun starts ('Libya-Turkey
    relations', 'US-China ties', the first name and the dash hung on the second or on the
    noun, as the parser does either); None when the phrase does not start with such a pair."""
    doc = token.doc
    if token.pos_ != "NOUN" or left < 2 or left == token.i or doc[left].pos_ != "PROPN":
        return None
    dash, first = doc[left - 1], doc[left - 2]
    if dash.text in DASHES and dash.head.i in {left, first.i} and \
            first.head.i in {left, token.i} and first.pos_ == "PROPN" and \
            first.dep_ in {"compound", "nmod"} and \
            first.whitespace_ == "" and dash.whitespace_ == "":
        return first.i
    return None


def _owned_noun(token: Token) -> bool:
    """Whether a noun is an act, a plan or a relation whose owner is part of what it names
    ('Ashby's offer', 'Norway's ties'): plan nouns and reference.json's 'owned_nouns'."""
    lemma = token.lemma_.lower()
    return lemma in load_vocabulary().plan_nouns or lemma in owned_nouns() or \
        lemma in derived_nouns().events


@cache
def owned_nouns() -> frozenset[str]:
    """Relational nouns that say whose they are through a possessive: reference.json."""
    return frozenset(reference_words()["owned_nouns"])  # type: ignore[arg-type]


def _possessor_named(state: DocState, noun: Token, owned: bool = True) -> str | None:
    """Whose an event is, when a possessive says it and names someone: 'his death' after
    Tom Reyes was named, 'Martin Ashby's resignation' (a name that is a short form reads as
    the full one), a description standing for a name ('the prime minister's resignation'),
    a description with a name in it ('the Velora legal team's claims'); None for a
    possessor that names no one ('the company's plan', no company named) or that is the
    verb's own subject ('Tom Reyes filed his resignation' adds nothing). A noun that is no
    event or relation (``owned`` false) takes only a name written as its possessor
    ('Velora's Oslo restaurant'), not a pronoun's ('his restaurant' says no more)."""
    owners = [c for c in noun.children if c.dep_ == "poss" and
              c.pos_ in ({"PRON", "PROPN", "NOUN"} if owned else {"PROPN", "NOUN"})
              and (owned or _owns_next(c, noun))]
    if not owners:
        return None
    # (for a plain noun only a named or pronoun subject: a described one would ask for this
    # noun's referent again in 'the X is Velora's Y')
    subjects = [m for c in noun.head.children if c.dep_ in SUBJECT_DEPS and c.i != noun.i
                and (owned or c.i in state.mention_at or c.pos_ == "PRON")
                and (m := referent(state, c)) is not None]
    subjects += [m.antecedent for m in subjects if m.antecedent is not None]
    for owner in owners:
        # (a noun owner counts when it stands for a name: 'the prime minister's resignation')
        mention = referent(state, owner, possessive=True)
        if mention is not None and mention.antecedent is None and \
                _names_inside(mention, owner):
            return mention.lemma
        while mention is not None and mention.antecedent is not None:
            mention = mention.antecedent
        if mention is not None and any(same_name(mention, s) for s in subjects):
            return None  # 'Tom Reyes filed his resignation': nothing to add; and 'Acme
            # announced his death' does not make Acme the one who died
        if mention is not None and mention.ner_label not in (None, "PROPN") and \
                mention.type in {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE}:
            return _person_full_name(state, mention)
    return None


def _owns_next(owner: Token, noun: Token) -> bool:
    """Whether a possessor stands right before its noun's own modifiers ('Velora's Oslo
    bistro'), not before another phrase the parser ran into it ('Velora's clinic and the
    Oslo bistro')."""
    after = owner.right_edge.i + 1
    return all(t.head.i in range(t.i + 1, noun.i + 1) and
               t.dep_ in {"compound", "amod", "nummod", "nmod"}
               for t in noun.doc[after:noun.i])


def _names_inside(mention: Mention, owner: Token) -> bool:
    """Whether a common-noun possessor has a name among its words ('the Velora legal team'),
    which says whose; a bare 'the team' does not."""
    names = [t.text for t in owner.subtree if t.i < owner.i and t.text[:1].isupper() and
             (t.pos_ == "PROPN" or t.ent_type_)]
    words = (mention.lemma or "").split()
    return mention.ner_label is None and owner.pos_ == "NOUN" and bool(names) and \
        all(name in words for name in names)


def _person_full_name(state: DocState, mention: Mention) -> str:
    """A name written alone ('Ashby's suggestion', 'Xi's visit') as the full name the
    document gives that person most often ('Martin Ashby', 'Xi Jinping': the lone word first
    or last; most often, as a headline's run-on 'Pak Song Chol Gifted' or a clipped 'Pak Song'
    holds it too), so that an owner reads the same in every fact; the name as written when
    it is no lone word or when two people of the document share it ('Pak' of two Paks)."""
    words = mention.text.split()
    if mention.type is not EntityType.PERSON or len(words) != 1:
        return mention.text
    fuller = Counter(m.text for _, m, _ in state.people
                     if m.type is EntityType.PERSON and len(m.text.split()) > 1
                     and words[0] in (m.text.split()[0], m.text.split()[-1]))
    if not fuller:
        return mention.text
    usual = min(fuller, key=lambda f: (-fuller[f], len(f.split()), f))
    shortest = min(fuller, key=lambda f: (len(f.split()), f))
    if not all(set(shortest.split()) <= set(f.split()) for f in fuller):
        return mention.text
    return usual


def _possessor_start(noun: Token, start: int, first: int) -> int:
    """Where a noun phrase starts when a short possessor ends right before ``start`` ('Tom
    Reyes's son', 'the company's shares'): the possessor's first word; else ``start``."""
    doc = noun.doc
    if start - 1 < first or doc[start - 1].dep_ != "case":
        return start
    owner = doc[start - 1].head
    if owner.dep_ != "poss" or owner.head.i != noun.i:
        return start
    words = doc[owner.left_edge.i:owner.i + 1]
    if owner.left_edge.i < first or len(words) > 4 or not all(
            t.dep_ in {"compound", "det", "amod"} or t.i == owner.i for t in words):
        return start
    return owner.left_edge.i


MASS_GROUPS = {"police", "press", "media"}  # groups named in the singular: 'the press asked'


def says_who(state: DocState, mention: Mention) -> bool:
    """Whether a subject tells a reader who acted: a name, a pronoun resolved to one, a
    description with words of its own ('Vancouver researchers', 'a factory'), a group news
    names that way ('police', 'the prosecutors'), but not a lone definite noun that stands
    for something the article names and kg could not link ('the pipeline', 'the
    researcher'). Judged by hand on real news, facts with lone-noun subjects were right 1
    time in 12. 'The cyclone' after 'Cyclone Tolani' stays: resolution links it to the name.
    A possessed noun ('his lawyers', 'their government') says whose and stays; of such
    facts kg had dropped on the dev and second sets, 8 of 9 read right by hand."""
    if mention.antecedent is not None:
        return says_who(state, mention.antecedent)
    lemma = mention.lemma or ""
    plural = mention.text.lower().split()[-1] != lemma if mention.text else False
    if mention.ner_label is not None or " " in lemma or (
            (plural or lemma in MASS_GROUPS) and lemma in load_vocabulary().collective_subjects):
        return True
    if _determiner(state, mention) not in definite_before_mention():
        return True
    # 'the cyclone' after 'Cyclone Tolani' is linked by resolution; 'the North Korean dictator'
    # and 'the Covid-19 pandemic' carry a name of their own.
    return lemma in state.name_words() | state.named_kinds() | state.described_kinds() or \
        any(w[:1].isupper() for w in mention.text.split()) or \
        _stands_for_nothing_named(state, lemma) or _says_which_one(mention, lemma)


def _determiner(state: DocState, mention: Mention) -> str:
    """The word written right before a mention, lower-cased ('the', 'his', 'another'): a
    whole word, so that 'another son' is not read as 'her son' nor 'whether' as 'the'."""
    before = state.document.body[max(0, mention.start - 12):mention.start]  # no copy of it all
    words = before.lower().split() if before.endswith(" ") else []
    return words[-1].lstrip("\"'“‘([") if words else ""  # '"The expedition' too


def _says_which_one(mention: Mention, lemma: str) -> bool:
    """Whether a singular description says which one with a word of its own that its head
    phrase leaves out ('the first quake', 'the second attack', 'the 67-year-old killer', 'the
    winning team'): an ordinal or a describing word picks one thing the article tells of,
    not a named one kg failed to link. Of the facts this kept on the dev and second sets,
    5 of 6 read right by hand. A plural ('the parents') stays with the other rules."""
    words = mention.text.lower().split() if mention.text else []
    return len(words) > 1 and words[-1] == lemma


def _stands_for_nothing_named(state: DocState, lemma: str) -> bool:
    """Whether a lone definite description that kg did not link can only be the thing it
    says: the document names nothing of its kind ('the company' where no organisation is
    named, 'the plane' where no aircraft is, 'the suspect' where no person is), or it is a
    thing that happens ('the storm', 'the bid') and the document never described two of
    them. Readers write such facts as they read them ('plane --crash'); where the document
    names a thing of that kind, the description most often stands for it, and a fact
    without the name is a wrong participant."""
    if lemma in state.described_ways():
        return False  # 'a cargo plane', 'a propeller plane': 'the plane' is one of two
    kind = _kind_type(lemma)
    if kind is EntityType.PERSON:
        return not state.people
    if kind is EntityType.ORGANIZATION:
        return not state.organisations
    if kind is EntityType.PLACE:
        return False  # a place the document names: kg would have linked a lone 'the city'
    if (labels := description_labels().get(lemma)) is not None:
        return not any(m.ner_label in labels or (m.type is EntityType.PLACE and
                       "country" in labels) for m in state.mention_at.values())
    return lemma in event_nouns().nouns or lemma in unnamed_kinds()


@cache
def name_kind_words() -> dict[str, frozenset[str]]:
    """'storm' -> {'hurricane', 'typhoon', ...}: words that, in a name, say it is one of the
    kind a description names (reference.json)."""
    kinds = reference_words()["name_kind_words"]
    return {noun: frozenset(words) for noun, words in kinds.items()}  # type: ignore[union-attr]


def _named_with_kind_word(state: DocState, token: Token, kind: str) -> Mention | None:
    """The one name before ``token`` in its document that starts or ends with a word of its
    kind ('Hurricane Lira', 'Tropical Storm Lira' for 'the storm'), or holds one followed by
    what says which ('Flight 2210', 'Harbour Expo Ruritania'); None when two different names fit
    or none does, or when the name is the clause's own subject."""
    first_or_last = name_kind_words().get(kind, frozenset())
    last = gathering_words().get(kind, frozenset())
    found: dict[str, Mention] = {}
    for mention in _names_before(state, token):
        words = [w.lower().strip(".,") for w in mention.text.split()]
        if len(words) >= 2 and ({words[0], words[-1]} & first_or_last or words[-1] in last or
                                _kind_word_then_which(mention.text.split(),
                                                      first_or_last | last)):
            found.setdefault(" ".join(words), mention)
    return _the_one(found)


def _named_with_kind_noun(state: DocState, token: Token, kind: str) -> Mention | None:
    """The one name before ``token`` that the document brought in with the description's
    noun or a narrower one ('Tidewater Nights, a documentary', 'the freighter Nordic Crane'
    for 'the film', 'the vessel'): the kind noun says what the name is, whatever the
    recogniser called it. None when two different names fit, when another name of the kind
    the description stands for competes ('the film' with a second film named), or when the
    name is the clause's own subject."""
    fitting = narrower_kind_nouns()[kind] | {kind}
    own = _own_clause_subjects(state, token)
    found: dict[str, Mention] = {}
    for i, noun, mention in _name_kind_nouns(state):
        if i < token.i and noun in fitting and mention.antecedent is None and \
                not any(same_name(mention, o) for o in own):
            found.setdefault(" ".join(mention.text.lower().split()), mention)
    only = _the_one(found)
    labels = description_labels().get(kind, frozenset())
    if only is None or any(m.ner_label in labels and not same_name(m, only)
                           for m in _names_before(state, token)):
        return None
    return only


def _name_kind_nouns(state: DocState) -> list[tuple[int, str, Mention]]:
    """(position, lemma, name) of each common noun the document set right beside a name: in
    apposition just after its comma ('Tidewater Nights, a documentary by ...') or just
    before it ('the submarine Kursk', 'the freighter Nordic Crane', 'the mockumentary Velm
    Nights'). Only next to the name: the parser also hangs a later phrase of a list on a
    name ('in Velm, Ostland, a pickup truck ...'), which says nothing of what it is. A place
    the gazetteer knows is never a thing so described. Read once per document, as each
    description asks for it."""
    if state.kind_nouns_beside_names is None:
        state.kind_nouns_beside_names = _kind_nouns_beside_names(state)
    return state.kind_nouns_beside_names


def _kind_nouns_beside_names(state: DocState) -> list[tuple[int, str, Mention]]:
    found: list[tuple[int, str, Mention]] = []
    for token in state.doc:
        if token.dep_ == "appos":
            pairs = ((token, token.head), (token.head, token))
        elif token.dep_ in {"compound", "amod"}:
            pairs = ((token, token.head),)
        else:
            continue
        for noun, name in pairs:
            mention = state.mention_at.get(name.i)
            if noun.pos_ in {"NOUN", "ADJ"} and noun.i not in state.mention_at and \
                    mention is not None and mention.ner_label is not None and \
                    _next_to_name(state, noun, mention) and not (
                        mention.type is EntityType.PLACE and
                        gazetteer.lookup(mention.text) is not None):
                found.append((noun.i, noun.lemma_.lower(), mention))
    return found


def _next_to_name(state: DocState, noun: Token, mention: Mention) -> bool:
    """Whether a noun stands right before the name ('the submarine Kursk') or its phrase
    opens right after the name's comma ('Kursk, a submarine')."""
    doc = state.doc
    if noun.i + 1 < len(doc) and state.mention_at.get(noun.i + 1) is mention:
        return noun.i == 0 or state.mention_at.get(noun.i - 1) is not mention
    edge = noun.left_edge.i
    if edge < 2 or doc[edge - 1].text != "," or state.mention_at.get(edge - 2) is not mention:
        return False
    # (not 'in Velm, Ostland, a pickup truck and a van collided': a noun with conjuncts, or
    # after a name itself set beside a place, is a misread list)
    name = doc[edge - 2]
    return not any(c.dep_ == "conj" for c in noun.children) and (
        name.dep_ != "appos" or state.mention_at.get(name.head.i) is mention)


@cache
def gathering_words() -> dict[str, frozenset[str]]:
    """'event' -> {'expo', 'festival', ...}: words that say a name is a gathering's when
    they end it or a number or a place follows them, never when they open it ('Summit
    Entertainment'; reference.json)."""
    kinds = reference_words()["gathering_words"]
    return {noun: frozenset(words) for noun, words in kinds.items()}  # type: ignore[union-attr]


def _kind_word_then_which(words: list[str], wanted: frozenset[str]) -> bool:
    """Whether a kind word inside a name is followed only by what says which one of that
    kind it is: a number ('Air Velora Flight 2210', 'Tropical Storm Nine') or a place
    ('Harbour Expo Ruritania'). Any other words after it make it part of another kind of name
    ('Fire Department', 'Flight Safety Foundation')."""
    for i, word in enumerate(words[:-1]):
        if word.lower().strip(".,") not in wanted:
            continue
        rest = [w.strip(".,") for w in words[i + 1:]]
        return all(w.isdigit() or number_value(w.lower()) is not None for w in rest) or \
            (rest[0][:1].isupper() and gazetteer.lookup(" ".join(rest)) is not None)
    return False


def _names_before(state: DocState, token: Token) -> list[Mention]:
    """The named mentions of the document before ``token`` that stand for themselves (no
    antecedent) and are not the subject of ``token``'s own clause: what a description may
    stand for."""
    own = _own_clause_subjects(state, token)
    return [m for i, m in sorted(state.mention_at.items()) if i < token.i
            and m.antecedent is None and m.ner_label not in (None, "PROPN")
            and not any(same_name(m, o) for o in own)]


def _the_one(found: dict[str, Mention]) -> Mention | None:
    """The one thing among names keyed by their words, a name's shorter forms counting as it
    ('propeller plane' inside 'single-engine propeller plane'); None when two differ."""
    keys = list(found)
    distinct = [k for k in keys if not any(k != o and set(k.split()) < set(o.split())
                                           for o in keys)]
    return found[distinct[0]] if len(distinct) == 1 else None


@cache
def unnamed_kinds() -> frozenset[str]:
    """Nouns of things that happen or act by themselves and that news seldom names ('the
    storm', 'the outbreak'; reference.json)."""
    return frozenset(reference_words()["unnamed_kinds"])  # type: ignore[arg-type]


def _titled_person(state: DocState, token: Token, role: str,
                   country: str | None = None) -> Mention | None:
    """The person named earlier in the document with this role as title ('the judge' after
    'Judge Amy Reyes'); with ``country`` only one whose title names that country ('the
    American president' after 'US President X'); None when two different people fit. A
    gendered description ('the actress') never stands for a person known to be the other sex."""
    found: list[Mention] = []
    sex = word_sex(token.lemma_)
    for i, mention, _ in reversed(state.people):
        title = mention.title or _role_before(token.doc, i) or _role_inside(mention)
        if i >= token.i or not title or mention.antecedent is not None:
            continue
        words = title.lower().replace(".", "").replace(",", " ").split()
        if not words or role not in {canonical_role(" ".join(words[-2:])),
                                     canonical_role(words[-1])}:
            continue
        if tenure_modifiers() & set(words) and not _another_tenure(token):
            continue  # 'the president' is not 'Dana Ruiz, the incoming president'
        if country is not None and country not in _countries_named(mention.title):
            continue
        if sex is not None and not fits(state, "she" if sex == "f" else "he", mention):
            continue
        found.append(mention)
    names = {surname(m) for m in found}
    return found[0] if len(names) == 1 else None


@cache
def rule_conditions() -> frozenset[str]:
    """'if', 'unless', 'whenever', 'should' (reference.json rule_conditions)."""
    return frozenset(reference_words()["rule_conditions"])  # type: ignore[arg-type]


def _rule_condition(token: Token) -> bool:
    """Whether a word is the subject of a condition stated as a rule, in the present tense
    ('if the President dies, the vice president assumes the post', 'should the chair resign,
    ...'): whoever holds the office then, not the holder the text named, so it stays
    unresolved. A past condition ('if the president had known') is about the one named."""
    verb = token.head
    if token.dep_ not in SUBJECT_DEPS or verb.dep_ != "advcl":
        return False
    marks = [c for c in verb.children if (c.dep_ == "mark" or (c.dep_ == "aux" and
                                                               c.i < token.i))
             and c.lower_ in rule_conditions()]
    present = verb.tag_ in {"VBZ", "VBP"} or (verb.tag_ == "VB" and any(
        c.lower_ == "should" for c in marks)) or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} for c in verb.children)
    return bool(marks) and present


def _role_before(doc: Doc, start: int) -> str | None:
    """The role words written right before a name ('Constable' in 'Constable Tom Reyes',
    'head coach'), when the lexicon knows them as a role; the mention's own title covers only
    the shorter list of title nouns."""
    i = start
    while i > 0 and i > start - 3 and doc[i - 1].dep_ in {"compound", "amod"} and \
            doc[i - 1].head.i >= start and doc[i - 1].pos_ in {"NOUN", "PROPN", "ADJ"} and \
            (doc[i - 1].ent_type_ != "PERSON" or canonical_role(doc[i - 1].lower_)):
        # (a role word the recogniser took into the person's name and kg cut off it,
        # 'Constable' of 'Constable Anna Berg', is still the title written before it)
        i -= 1
    words = [t.lower_ for t in doc[i:start]]
    if words and (canonical_role(" ".join(words[-2:])) or canonical_role(words[-1])):
        return " ".join(words)
    return None


def _role_inside(mention: Mention) -> str | None:
    """A role word the recogniser took into the name ('Constable Anna Berg')."""
    words = mention.text.split()
    first = words[0].lower().rstrip(".") if len(words) > 2 else ""
    return first if first and canonical_role(first) else None


def _demonym_before(token: Token) -> str | None:
    """'the American president' -> 'United States': the country of the one nationality
    adjective on a definite noun with no other words; None otherwise."""
    children = list(token.children)
    if not any(c.lower_ == "the" for c in children):
        return None
    modifiers = [c for c in children if c.dep_ not in {"det", "punct"}]
    if len(modifiers) != 1 or modifiers[0].dep_ not in {"amod", "compound"} or \
            modifiers[0].i > token.i:
        return None
    return demonyms().get(modifiers[0].lower_) or (
        initialisms().get(modifiers[0].text) if modifiers[0].text.isupper() else None)


def _countries_named(title: str) -> set[str]:
    """The countries a title names by demonym or initialism ('US President', 'Russian
    Foreign Minister')."""
    words = title.replace(",", " ").split()
    found = {demonyms()[w.lower()] for w in words if w.lower() in demonyms()}
    found |= {initialisms()[w] for w in words if w in initialisms()}
    pairs = [" ".join(words[i:i + 2]).lower() for i in range(len(words) - 1)]
    return found | {demonyms()[p] for p in pairs if p in demonyms()}


@cache
def description_kinds() -> dict[str, frozenset[str]]:
    """'ministry' -> the name words of an organisation 'the ministry' can be."""
    kinds = reference_words()["description_kinds"]
    return {noun: frozenset(words) for noun, words in kinds.items()}  # type: ignore[union-attr]


@cache
def generic_organisation_nouns() -> frozenset[str]:
    return frozenset(reference_words()["generic_organisation"])  # type: ignore[arg-type]


@cache
def _special_name_words() -> frozenset[str]:
    """Name words of organisations that are not companies ('Ministry', 'Party', 'FC')."""
    return frozenset().union(*(words for noun, words in description_kinds().items()
                               if noun not in {"airline", "carrier", "bank", "lender",
                                               "insurer", "newspaper", "broadcaster", "band"}))


def _described_organisation(state: DocState, token: Token, kind: str) -> Mention | None:
    """The one organisation named before a description in the document that it can be: 'the
    ministry' is the one whose name says ministry, 'the company' any one whose name says no
    other kind ('the company' is not the Labour Party). None when two different ones fit,
    unless only one of them is in the description's own sentence, or, none being there, in
    the sentence just before it: a guess between two is a wrong participant half the time."""
    wanted = description_kinds().get(kind)
    own = _own_clause_subjects(state, token)
    found: list[Mention] = []
    in_sentence: list[Mention] = []
    in_previous: list[Mention] = []
    previous = _previous_sentence_start(token)
    for i, mention, _ in reversed(state.organisations):
        if i >= token.i or any(same_name(mention, o) for o in own):
            continue
        words = {w.lower().strip(".,") for w in mention.text.split()}
        if wanted is not None and not words & wanted:
            continue
        if wanted is None and kind in generic_organisation_nouns() and \
                words & _special_name_words():
            continue
        found.append(mention)
        if i >= token.sent.start:
            in_sentence.append(mention)
        elif previous is not None and i >= previous:
            in_previous.append(mention)
    if len(_name_groups(found)) == 1:
        return found[0]
    # Two fit in the document, but one alone in the description's own sentence ('Anna Berg,
    # a member of the Budget Committee, became the committee's chair' after another
    # committee named earlier), or, the sentence naming none, one alone in the sentence
    # before ('Berg became chair of the Budget Committee. She led the committee's inquiry'):
    # a reader takes the one just named.
    if in_sentence:
        return in_sentence[0] if len(_name_groups(in_sentence)) == 1 else None
    return in_previous[0] if len(_name_groups(in_previous)) == 1 else None


def _previous_sentence_start(token: Token) -> int | None:
    """Where the sentence before ``token``'s starts in its document; None in the first."""
    start = token.sent.start
    return token.doc[start - 1].sent.start if start > 0 else None


def _name_groups(mentions: list[Mention]) -> list[set[str]]:
    """The organisations among ``mentions`` by their name words, a shorter form of a name
    ('Budget Committee' in 'City Budget Committee') counting as it."""
    groups: list[set[str]] = []
    for mention in mentions:
        words = {w.lower().strip(".,") for w in mention.text.split()} - CORPORATE_WORDS
        if not any(words <= group or group <= words for group in groups):
            groups.append(words)
    return groups


@cache
def description_labels() -> dict[str, frozenset[str]]:
    """'bill' -> {'LAW'}, 'film' -> {'WORK_OF_ART'}, 'country' -> {'country'}: the kinds of
    named thing a definite description can stand for (reference.json)."""
    kinds = reference_words()["description_labels"]
    return {noun: frozenset(labels) for noun, labels in kinds.items()}  # type: ignore[union-attr]


def _described_by_label(state: DocState, token: Token, labels: frozenset[str]
                        ) -> Mention | None:
    """The one thing named before ``token`` in its document whose recogniser label is one of
    ``labels`` ('country': a place the gazetteer knows as a country); None when two
    different names fit or none does. Never another document: ``state`` is this one's."""
    found: dict[str, Mention] = {}
    for mention in _names_before(state, token):
        words = mention.text.lower().split()
        if mention.ner_label in labels or (words and description_labels().get(
                words[-1].rstrip(".,")) == labels):
            # (a name ending in a word of the kind is one too, whatever the recogniser
            # called it: 'the Open Roads Act' tagged an event still competes)
            key = " ".join(words)
        elif "country" in labels and mention.type is EntityType.PLACE and \
                (place := gazetteer.lookup(mention.text)) is not None and place.kind == "country":
            key = place.name.lower()
        else:
            continue
        found.setdefault(key, mention)
    only = _the_one(found)
    if only is None:
        return None
    own_word = description_labels().get(only.text.lower().split()[-1].rstrip(".,")) == labels
    if "country" not in labels and not own_word and only.type in {
            EntityType.PERSON, EntityType.PLACE, EntityType.ORGANIZATION}:
        return None  # 'the aircraft' is no airport the recogniser called a product; such a
        # name still competes, so 'the bill' is not the other law when one is mistyped
    return only


CORPORATE_WORDS = {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "group", "the",
                   "company", "holdings", "ag", "sa", "se", "nv", "gmbh", "limited"}


def _own_clause_subjects(state: DocState, token: Token) -> list[Mention]:
    """The mentions of the subject of the clause a word is an object or complement
    in ('Sorokin met him', 'Arkady Sorokin gave a rifle to him', 'Sorokin wants to meet him',
    'Sorokin met Pak and praised him'): a pronoun there is never that subject, nor an earlier
    mention of the same name."""
    if token.dep_ in SUBJECT_DEPS | {"poss"}:
        return []  # 'Sorokin praised his army': a possessive is most often the subject
    governor = token.head
    while governor.pos_ not in {"VERB", "AUX"} and governor.head.i != governor.i:
        governor = governor.head
    found: list[Mention] = []
    while True:
        subjects = [c for c in governor.children if c.dep_ in SUBJECT_DEPS]
        for subject in subjects:
            for word in (subject, *subject.conjuncts,
                         *(c for c in subject.children if c.dep_ == "appos"),
                         *_title_holders(state, subject)):
                if (mention := state.mention_at.get(word.i)) is not None:
                    found.append(mention)
        if not subjects and _purpose_infinitive(governor):
            governor = _clause_verb(governor.head)  # 'joined the race to replace him'
            continue
        if subjects or governor.dep_ not in {"conj", "xcomp", "advcl"} or \
                governor.head.i == governor.i:
            return found
        governor = governor.head


def _purpose_infinitive(verb: Token) -> bool:
    """Whether a verb is a 'to' infinitive on a noun with no subject of its own ('Cummings
    joined the race to replace him', 'Velora launched a bid to buy it'): the verb above does
    it, so its object pronoun is never that verb's subject either."""
    return verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VB" and \
        verb.head.pos_ in {"NOUN", "PROPN"} and verb.head.head.i != verb.head.i and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _title_holders(state: DocState, subject: Token) -> list[Token]:
    """The people named inside a subject headed by a title ('Ostland Senator from Velm Tom
    Reyes trailed him': the parser hangs the name on the place, under 'from'): the title is
    theirs, so they are the subject too, and an object pronoun of its clause is not them.
    A possessor's people are left out ('the senator's aide', 'Reyes's lawyer')."""
    if canonical_role(subject.lemma_.lower()) is None:
        return []
    return [t for t in subject.subtree if t.i != subject.i
            and (named := state.mention_at.get(t.i)) is not None
            and named.type is EntityType.PERSON
            and not any(a.dep_ == "poss" for a in t.ancestors if a.i in range(
                subject.left_edge.i, subject.right_edge.i + 1) and a.i != subject.i)
            and t.dep_ != "poss"]


def _unnamed_subject_before(state: DocState, pronoun: Token) -> bool:
    """Whether the pronoun's sentence has, before it, a subject that is a common noun with a
    determiner and names nothing ('this Court', 'the plan'): that is what a following 'it'
    most often is, not an organisation named further back."""
    for token in pronoun.doc[pronoun.sent.start:pronoun.i]:
        if token.dep_ in SUBJECT_DEPS and token.pos_ == "NOUN" and \
                token.i not in state.mention_at and token.tag_ in {"NN", "NNP"} and any(
                    c.dep_ == "det" and c.lower_ in singular_definites()
                    for c in token.children):
            return True
    return False


def _thing_before(state: DocState, pronoun: Token) -> Mention | None:
    """The thing a subject 'it' stands for when no organisation fits: the subject of the
    clause it is coordinated with, else, when no subject stands before it in its sentence,
    the main subject of the sentence before, when that is a singular definite description
    of a thing ('The plane turned back. It crashed.'); None when that subject is a name, a
    person, a pronoun or an expletive 'it', or is not definite."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return None
    verb = pronoun.head
    before = [t for t in pronoun.doc[pronoun.sent.start:pronoun.i] if t.dep_ in SUBJECT_DEPS
              and ((verb.dep_ == "conj" and t.head.i == verb.head.i) or
                   _fronted_clause_of(t.head, verb))]
    # (in its own sentence only the subject of the clause it is coordinated with: 'the plane
    # turned back and it crashed'; in 'the map draws the pipeline, where it merges' it is not
    # the map)
    if not before and not any(t.dep_ in SUBJECT_DEPS
                              for t in pronoun.doc[pronoun.sent.start:pronoun.i]) and \
            pronoun.sent.start > 0:
        previous = pronoun.doc[pronoun.sent.start - 1].sent
        before = [t for t in previous.root.children if t.dep_ in SUBJECT_DEPS]
    if not before:
        return None
    subject = before[-1]
    if _named_thing(state, subject):
        thing: Mention | None = state.mention_at[subject.i]
    elif subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.i in state.mention_at or \
            _kind_type(subject.lemma_.lower()) is EntityType.PERSON or not any(
                c.dep_ == "det" and c.lower_ in singular_definites()
                for c in subject.children):
        return None
    else:
        thing = referent(state, subject)
    if thing is None or thing.type is EntityType.PERSON:
        return None
    return make_mention(state, pronoun.doc[pronoun.i:pronoun.i + 1], thing.type,
                        ner_label=None, antecedent=thing)


def _fronted_clause_of(verb: Token, main: Token) -> bool:
    """Whether ``verb`` heads an adverbial clause of ``main`` written before it ('when the
    aircraft failed to stop, it fell into a ditch'): a subject 'it' of the main clause is
    most often that clause's subject."""
    return verb.dep_ == "advcl" and verb.head.i == main.i and verb.i < main.i


def _named_thing(state: DocState, subject: Token) -> bool:
    """Whether a subject is a name the recogniser read as a thing or an event (a storm, a
    ship, a product), which 'it' stands for as it does for 'the plane'; names of people,
    organisations and places have their own ways in."""
    named = state.mention_at.get(subject.i)
    return named is not None and named.ner_label is not None and \
        named.type in {EntityType.THING, EntityType.EVENT} and subject.tag_ != "NNPS"


def _governing_body(state: DocState, pronoun: Token) -> Mention | None:
    """'The Harbor Board closed the beach when they found the leak', 'According to police,
    they found the car': 'they' as the subject of a clause said of an organisation (or a body
    news calls 'they', COLLECTIVE_BODIES) is that body, the subject of the clause it hangs on
    or the source of 'according to', when no plural stands between them to be 'they'."""
    verb = pronoun.head
    bodies = [c for c in verb.head.children if c.dep_ == "nsubj"] \
        if verb.dep_ == "advcl" else []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "according"):
        bodies += [o for to in prep.children if to.lower_ == "to"
                   for o in to.children if o.dep_ == "pobj"]
    if len(bodies) != 1 or bodies[0].i > pronoun.i or any(
            (t.tag_ in {"NNS", "NNPS"} or (t.i in state.mention_at and state.mention_at[
                t.i].type is EntityType.ORGANIZATION)) and not _in_phrase_of_phrase(t)
            for t in pronoun.doc[bodies[0].i + 1:pronoun.i]):
        return None  # 'fined Velora Oil when they ...': two bodies fit
    body = referent(state, bodies[0])
    if body is None or body.is_pronoun or not (
            body.type is EntityType.ORGANIZATION or
            bodies[0].lemma_.lower() in COLLECTIVE_BODIES):
        return None
    return body


def _in_phrase_of_phrase(token: Token) -> bool:
    """Whether a word sits in a prepositional phrase that qualifies the object of another
    ('described him as a figure in the Velora Group'): a noun that deep is background, not a
    participant a following 'they' would stand for, as the object 'fined Velora Oil' is."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "prep":
            return ancestor.head.pos_ in {"NOUN", "PROPN"} and ancestor.head.dep_ == "pobj"
    return False


def _reporting_organisation(state: DocState, pronoun: Token) -> Mention | None:
    """'Greenpeace said they would appeal': a named organisation that says 'they' will do
    something is speaking of itself, when no plural was named just before."""
    speaker = _reporting_subject(state, pronoun, person=False)
    return speaker if speaker is not None and speaker.type is EntityType.ORGANIZATION and \
        speaker.antecedent is None else None


@cache
def lifeless_classes() -> frozenset[str]:
    """WordNet classes of nouns whose referents do and say nothing (reference.json
    lifeless_classes: 'floods' a phenomenon, 'plans' a cognition)."""
    return frozenset(reference_words()["lifeless_classes"])  # type: ignore[arg-type]


def _lifeless(mention: Mention) -> bool:
    """Whether a plural antecedent is a description of things that cannot act or speak
    ('the floods', 'the plans'), not people, a group or a name."""
    if mention.ner_label is not None or mention.is_pronoun:
        return False
    return noun_class(head_noun(mention.lemma or mention.text)) in lifeless_classes()


def _relative_clause_speaker(state: DocState, pronoun: Token) -> Mention | None:
    """'Greenpeace said the boat they found was a trawler': 'they' as the subject of a
    relative clause looks outside it, to the named organisation reporting the clause the
    relative clause's noun is an argument of; None when that noun hangs on no verb."""
    clause = pronoun.head
    if clause.dep_ != "relcl" or pronoun.dep_ not in SUBJECT_DEPS:
        return None
    noun = clause.head
    if noun.dep_ not in SUBJECT_DEPS | {"dobj"} or noun.head.pos_ not in {"VERB", "AUX"}:
        return None
    speaker = _reporting_subject(state, pronoun, person=False, verb=noun.head)
    return speaker if speaker is not None and speaker.type is EntityType.ORGANIZATION and \
        speaker.antecedent is None else None


def _age_described(token: Token) -> str | None:
    """The age in 'the 45-year-old' (one token, or 'old' with 'year' and a number under it)."""
    if not any(c.lower_ == "the" for c in token.children):
        return None
    if (whole := re.fullmatch(r"(\d{1,3})-years?-old", token.lower_)) is not None:
        return whole.group(1)
    if token.lower_ != "old":
        return None
    for year in (c for c in token.children if c.lower_ in {"year", "years"}):
        for number in (c for c in year.children if c.dep_ == "nummod" and c.like_num):
            return number.text
    return None


def _aged_person(state: DocState, token: Token, age: str) -> Mention | None:
    """The one person named earlier with this age ('Tom Reyes, 45,', 'a 45-year-old, Tom
    Reyes', 'Tom Reyes (45)', 'Tom Reyes, aged 45'); None when two people are that age."""
    found: list[Mention] = []
    for i, mention, _ in state.people:
        if i >= token.i or mention.antecedent is not None:
            continue
        after = token.doc[i:min(i + 8, len(token.doc))].text
        before = token.doc[max(i - 6, 0):i].text
        name = re.escape(mention.text)
        if re.search(rf"^{name}\s*(,|\()\s*(aged\s+)?{age}\b", after) or \
                re.search(rf"\b{age}\s*-\s*year\s*-\s*old\s*,?\s*$", before):
            found.append(mention)
    return found[0] if len({surname(m) for m in found}) == 1 else None


RELATIVE_WORDS = {"which", "that", "who", "whom"}


def _relative_clause(pronoun: Token) -> Token | None:
    """The relative clause's verb a relative pronoun is an argument of, directly or through a
    preposition ('the company for which she worked'), when it has a noun to stand for."""
    clause = pronoun.head
    if clause.dep_ == "prep":
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return clause


FIRST_PERSON = {"i", "we"}
FEMININE = {"she", "her", "hers", "herself"}
PLURAL_PRONOUNS = {"they"}


def _bracketed_fragment(state: DocState, token: Token) -> bool:
    """Whether a pronoun-like token is part of a word an editor bracketed a letter of ('[T]he',
    '[I]t's', 'W]e' after a quote cut): a bracket glued to it with a letter on the other side."""
    text = state.document.text  # (the parser's text has the brackets blanked)
    start, end = token.idx, token.idx + len(token.text)
    return (text[start - 1:start] == "]" and text[start - 2:start - 1].isalpha()) or \
        (text[end:end + 1] == "]" and text[end + 1:end + 2].isalpha())


# First person in every slot a quote puts it: subject, object, possessive ('my', 'our').
FIRST_PERSON_WORDS = {"i", "we", "me", "my", "our"}
FIRST_PERSON_PLURAL = {"we", "our"}
FIRST_PERSON_POSSESSIVES = {"my", "our"}
PRONOUN_WORDS = PERSONAL_PRONOUNS | NEUTER_PRONOUNS | FIRST_PERSON_WORDS | {"they", "his",
                                                                         "its", "their"}


def _first_person_slot(token: Token, possessive: bool) -> bool:
    """Whether a first-person word stands where kg reads a participant: 'I' and 'we' as
    subjects anywhere, 'me' as an object, 'my' and 'our' when the caller reads possessors
    (``referent``'s ``possessive``). An object 'us' is left out: 'stay with us', 'told us'
    are mostly everyone or the public, not the speaker's organisation."""
    if token.lower_ in FIRST_PERSON_POSSESSIVES:
        return possessive and token.dep_ == "poss"
    if token.lower_ in FIRST_PERSON:
        return token.dep_ in SUBJECT_DEPS
    return token.dep_ in {"dobj", "pobj", "dative"}


def _first_person_speaker(state: DocState, pronoun: Token) -> Mention | None:
    """Who 'I', 'me', 'my' (the speaker) or 'we', 'our' (the speaker's organisation when
    the words that name the speaker name one: 'Velora spokeswoman Anna Berg said: "We ..."',
    else the speaker) stand for. Inside a quotation its speaker or no one; outside one only
    a subject 'I' or 'we' reaches for a speaker in its sentence (``_quoting_speaker``)."""
    quotation = quotation_at(pronoun.doc, state.document.body, pronoun.i)
    if quotation is None:
        return _quoting_speaker(state, pronoun) if pronoun.lower_ in FIRST_PERSON else None
    speaker = _quote_voice(state, pronoun)
    if speaker is None or speaker.ner_label is None or \
            speaker.type not in {EntityType.PERSON, EntityType.ORGANIZATION}:
        return None
    if pronoun.lower_ in FIRST_PERSON_PLURAL and speaker.type is EntityType.PERSON and \
            quotation.speaker is not None:
        return _speaker_organisation(state, pronoun.doc[quotation.speaker]) or speaker
    return speaker


def _quote_voice(state: DocState, token: Token) -> Mention | None:
    """Who speaks the quotation a token stands in (``kg.extract.quotations``), as the name the
    speaker's word stands for ('he said' is the man named before); None outside a quotation
    or when no one speaker is named."""
    quotation = quotation_at(token.doc, state.document.body, token.i)
    if quotation is None or quotation.speaker is None:
        return None
    speaker = referent(state, token.doc[quotation.speaker])
    while speaker is not None and speaker.antecedent is not None:
        speaker = speaker.antecedent
    return speaker


def _speaker_organisation(state: DocState, speaker: Token) -> Mention | None:
    """The one organisation named in the words that name a speaker ('Velora spokeswoman Anna
    Berg', 'Anna Berg of Velora', 'Anna Berg, a Velora spokeswoman'), which a quoted 'we'
    stands for; None when they name none or two."""
    found = {m.text: m for t in _naming_words(speaker) if
             (m := state.mention_at.get(t.i)) is not None and
             m.type is EntityType.ORGANIZATION and m.ner_label is not None}
    return next(iter(found.values())) if len(found) == 1 else None


# What names a speaker along with the name: 'Velora spokeswoman', 'of Velora', ', a Velora
# spokeswoman'; not a relative clause ('who paid for her to attend the Academy').
NAMING_DEPS = frozenset({"compound", "appos", "prep", "pobj", "poss", "nmod", "amod"})


def _naming_words(speaker: Token) -> list[Token]:
    """The words below a speaker's name that say who the speaker is (``NAMING_DEPS``)."""
    found: list[Token] = []
    todo = [c for c in speaker.children if c.dep_ in NAMING_DEPS]
    while todo:
        word = todo.pop()
        found.append(word)
        todo += [c for c in word.children if c.dep_ in NAMING_DEPS]
    return found


def _quoting_speaker(state: DocState, pronoun: Token) -> Mention | None:
    """'"I have instructed the agency," Halvorsen said': in a quote, 'I' is whoever the sentence
    says is speaking, when exactly one named speaker is."""
    sentence = pronoun.sent
    vocab = load_vocabulary()
    speakers = []
    for verb in sentence:
        if verb.lemma_.lower() not in vocab.speech_verbs or verb.i == pronoun.head.i:
            continue
        for child in verb.children:
            if child.dep_ == "nsubj" and child.lower_ not in FIRST_PERSON:
                mention = referent(state, child)
                if mention is not None and mention.ner_label is not None:
                    speakers.append(mention)
    return speakers[0] if len({m.text for m in speakers}) == 1 else None


def _plural_antecedent(state: DocState, pronoun: Token) -> Mention | None:
    """'The foreign ministers met in Cairo. They called on Turkey to ...': 'they' as a subject
    is the last plural subject before it in this or the previous sentence (a plural noun, or
    names joined by 'and'), when it names something."""
    sentence = state.sentence_index[pronoun.i]
    collective: Mention | None = None
    other_plural = False
    for token in reversed(pronoun.doc[:pronoun.i]):
        if state.sentence_index.get(token.i, sentence) < sentence - 1:
            break
        if token.tag_ in {"NNS", "NNPS"} and token.ent_type_ not in {"DATE", "TIME"} and \
                token.dep_ not in SUBJECT_DEPS and not _abstract_noun(token) and \
                not _inside_a_name(token):
            other_plural = True  # 'hired two engineers. They ...': maybe the engineers
        if token.dep_ not in SUBJECT_DEPS or token.lower_ in PLURAL_PRONOUNS:
            continue
        plural = token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in token.children)
        if not plural:
            if collective is None and token.lemma_.lower() in COLLECTIVE_BODIES:
                collective = referent(state, token)
            continue
        mention = referent(state, token)
        if mention is not None and not mention.is_pronoun:
            return mention
    # 'The government announced his death. They also declared ...': a body of people
    # named in the singular, when no plural came before.
    if other_plural or collective is None or collective.is_pronoun:
        return None
    return collective


@cache
def abstract_suffixes() -> tuple[str, ...]:
    """Suffixes of abstract nouns ('agreements', 'differences'): reference.json."""
    return tuple(reference_words()["abstract_suffixes"])  # type: ignore[arg-type]


def _abstract_noun(token: Token) -> bool:
    """Whether a noun is an abstract one made of a verb or an adjective ('conclusions',
    'agreements'), which no 'they' that acts stands for; not a noun the lexicon knows as
    people or an organisation ('governments', 'witnesses')."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and lemma.endswith(abstract_suffixes()) and \
        _kind_type(lemma) is None


def _inside_a_name(token: Token) -> bool:
    """Whether a word is part of a name without being its head ('Affairs' in 'the Ministry of
    Foreign Affairs'): it is that name, not a plural of its own."""
    return any(ent.start <= token.i < ent.end and ent.root.i != token.i
               for ent in token.doc.ents)


# Bodies of people news calls 'they' in the singular ('the government ... they declared').
COLLECTIVE_BODIES = {"government", "police", "council", "committee", "cabinet", "parliament",
                     "administration", "team", "army", "military", "commission", "board",
                     "authority", "ministry", "department", "congress", "senate", "jury"}


def _possessed_bare(token: Token) -> bool:
    """'his sister', 'her lawyer': a possessive pronoun and the noun, no other words."""
    children = list(token.children)
    return any(c.dep_ == "poss" and c.lower_ in {"his", "her", "their"} for c in children) \
        and not any(c.dep_ in {"compound", "amod", "nmod", "prep", "relcl", "acl", "nummod",
                               "appos"} for c in children)


def _apposed_name(state: DocState, token: Token, kind: str) -> Mention | None:
    """The one name the document set beside this noun before it ('Tom Reyes, the gunman');
    None when it set two different names beside it, or the noun is itself in that
    apposition."""
    wanted = _kind_type(kind)
    # (A name set beside 'a firm' is a firm even when the recogniser called it a person.)
    allowed = {wanted, EntityType.PERSON} if wanted is EntityType.ORGANIZATION else {wanted}
    found = [m for i, m in state.appositions().get(kind, ()) if i < token.i and (
        m.type in allowed if wanted is not None else
        (m.type is EntityType.PERSON or m.ner_label in THING_LABELS))
        and not _another_tenure(token.doc[i])]
    if not found or any(i == token.i for i, _ in state.appositions().get(kind, ())):
        return None
    return found[-1] if all(same_name(m, found[-1]) for m in found) else None


THING_LABELS = {"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC"}


@cache
def tenure_modifiers() -> frozenset[str]:
    """'former', 'incoming', 'acting': words that make a role noun another holder than the
    bare role (reference.json)."""
    return frozenset(reference_words()["tenure_modifiers"])  # type: ignore[arg-type]


def _another_tenure(noun: Token) -> bool:
    """'the incoming president', 'Dana Ruiz, the former minister': a role said of someone
    before or after its time, whom a later bare 'the president' does not name."""
    before = noun.doc[max(0, noun.i - 2):noun.i]  # 'ex-minister', 'president-elect'
    hyphened = len(before) == 2 and before[1].text == "-" and before[0].lower_ in \
        tenure_modifiers()
    return hyphened or any(c.dep_ in {"amod", "advmod", "compound"} and c.lower_ in
                           tenure_modifiers() for c in noun.children)

@cache
def kin_inverses() -> dict[str, frozenset[str]]:
    """'sister' -> {'brother', 'sister', 'sibling'}: the kin nouns that, said of someone,
    make the other person their sister, brother, ... (reference.json)."""
    kinds = reference_words()["kin_inverses"]
    return {noun: frozenset(words) for noun, words in kinds.items()}  # type: ignore[union-attr]


def _kin_named(state: DocState, token: Token, kind: str) -> Mention | None:
    """Who 'his sister' is when the document named the possessor as kin of one person ('Tom
    Reyes, brother of Lena Park'; 'Lena Park's brother, Tom Reyes'): that person, when the
    noun's sex fits them and only one such person was named before. None otherwise: 'his
    sister' of a man named as brother of two people is either."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    possessor = referent(state, owner, possessive=True) if owner is not None else None
    if possessor is None or possessor.type is not EntityType.PERSON:
        return None
    possessor = possessor.antecedent or possessor
    sex = word_sex(kind)
    found: list[Mention] = []
    for noun in kin_inverses()[kind]:
        for i, named in state.appositions().get(noun, ()):
            if i >= token.i or not same_name(named, possessor):
                continue
            kin = _kin_of(state, token.doc[i])
            if kin is None:
                return None
            for other in kin:
                if other.type is EntityType.PERSON and not same_name(other, possessor) and \
                        (sex is None or fits(state, "she" if sex == "f" else "he", other)):
                    found.append(other)
    return found[0] if found and len({surname(m) for m in found}) == 1 else None


def _kin_of(state: DocState, noun: Token) -> list[Mention] | None:
    """The people a kin noun says it is kin of: its 'of' phrase, every name joined in it
    ('brother of Lena Park and Ana Cruz'), or its named possessor ('Lena Park's brother').
    A bare description joined to a name is that name ('brother of singer and activist Lena
    Park'); None when the phrase has an unnamed person of its own ('brother of a teacher
    and Lena Park'), who may be the one meant ('the singer Lena Park' is named)."""
    heads = [j for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj" for j in (g, *g.conjuncts)]
    if any(h.i not in state.mention_at and any(c.dep_ == "det" for c in h.children) and
           not any(c.i in state.mention_at for c in h.children) for h in heads):
        return None
    heads += [c for c in noun.children if c.dep_ in {"poss", "conj"} and c.i in state.mention_at]
    # (a name joined to the noun itself is a second one of the 'of' phrase the parser
    # misplaced: 'brother of Lena Park and Ana Cruz')
    found = [m.antecedent or m for h in heads if (m := referent(state, h)) is not None]
    return [m for m in found if m.ner_label is not None or m.antecedent is not None]


def _kind_type(kind: str) -> EntityType | None:
    """What a noun says its referent is: a person ('gunman', 'sister', 'minister'), an
    organisation ('company', 'ministry'), a place ('district'); None for other nouns, whose
    referent is a person the lexicon does not list ('gunman') or a named thing ('the plane',
    'the film'), never an organisation or a place ('the primary, Vermont' is a misparse)."""
    vocab = load_vocabulary()
    if kind in person_nouns() or canonical_role(kind) or word_sex(kind) or kind in title_nouns():
        return EntityType.PERSON
    if kind in vocab.organisation_nouns or kind in description_kinds() or \
            kind in generic_organisation_nouns():
        return EntityType.ORGANIZATION
    if kind in vocab.place_nouns:
        return EntityType.PLACE
    return None


@cache
def charged_descriptions() -> frozenset[str]:
    """'accused', 'defendant', 'suspect' (reference.json charged_descriptions)."""
    return frozenset(reference_words()["charged_descriptions"])  # type: ignore[arg-type]


@cache
def charging_verbs() -> frozenset[str]:
    """'charge', 'arrest', 'indict', ... (reference.json charging_verbs)."""
    return frozenset(reference_words()["charging_verbs"])  # type: ignore[arg-type]


def _the_one_charged(state: DocState, token: Token) -> Mention | None:
    """Who 'the accused' is: the one named person a charging verb before it took as its
    object or passive subject ('charged Tom Reyes', 'Tom Reyes was arrested'). A description
    with words of its own ('the other suspect', 'a suspect') says nothing of which; two people
    charged name neither."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(
            c.dep_ in {"amod", "compound", "nummod", "poss", "relcl", "acl"}
            for c in token.children):
        return None
    charged: dict[str, Mention] = {}
    for verb in token.doc[:token.i]:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in charging_verbs():
            continue
        for argument in _proceeded_against(verb):
            for mention in (_named_person(state, conj) for conj in conjuncts(argument)):
                if mention is not None:
                    charged.setdefault(surname(mention), mention)
    return next(iter(charged.values())) if len(charged) == 1 else None


def _named_person(state: DocState, token: Token) -> Mention | None:
    """The person a word names, or its apposition does ('an Australian, Tom Reyes, ...')."""
    for word in (token, *(c for c in token.children if c.dep_ == "appos")):
        mention = state.mention_at.get(word.i)
        if mention is not None and mention.type is EntityType.PERSON:
            return mention
    return None


def _proceeded_against(verb: Token) -> list[Token]:
    """Whom a charging verb names: its object or passive subject ('charged Tom Reyes', 'Tom
    Reyes was arrested'), or, for a bare participle ('Tom Reyes appeared in court, charged
    with arson'; 'a man arrested in Oslo'), the subject it is said of or the noun it hangs on."""
    arguments = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if arguments or verb.tag_ != "VBN" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return arguments
    if verb.dep_ == "acl":
        return [verb.head]
    if verb.dep_ == "advcl":
        return [c for c in verb.head.children if c.dep_ == "nsubj"]
    return []


def _is_definite_bare(token: Token) -> bool:
    """'the company', 'this bill' or 'its bank', with no other words that could name another
    one: a singular demonstrative points back at the one thing just told of, as 'the' does."""
    children = list(token.children)
    return any(c.lower_ in {"the", "its", "their"} or (
        c.dep_ == "det" and c.lower_ in singular_definites()) for c in children) and not any(
        c.dep_ in {"compound", "amod", "nmod", "prep", "relcl", "acl", "nummod"}
        for c in children)


def _reporting_subject(state: DocState, pronoun: Token, person: bool,
                       verb: Token | None = None) -> Mention | None:
    """In reported speech the pronoun is usually the speaker: 'Sorokin said he would visit',
    'Tidewell Foods denied that it had bought'. ``verb`` is the clause to look above when it
    is not the pronoun's own (a relative clause's 'they' looks outside it)."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return None
    vocab = load_vocabulary()
    for governor in governors(pronoun.head if verb is None else verb, limit=2):
        if governor.lemma_.lower() not in vocab.speech_verbs | vocab.denial_verbs:
            continue
        # 'The army denied X and said it ...': 'said' shares the subject of 'denied'.
        speaker = governor.head if governor.dep_ == "conj" and not any(
            c.dep_ == "nsubj" for c in governor.children) else governor
        for child in speaker.children:
            if child.dep_ == "nsubj" and child.lower_ not in PERSONAL_PRONOUNS | NEUTER_PRONOUNS:
                mention = referent(state, child)
                if mention is None or (mention.type is EntityType.PERSON) != person:
                    return None
                if not fits(state, pronoun.lower_, mention):
                    return None  # 'Anna Berg said he ...': someone else
                if not person and (mention.lemma or "") in title_nouns():
                    return None  # 'the chair said it would ...': 'it' is not the chair
                return mention
        return None
    return None


def _reported_thing(state: DocState, pronoun: Token, reporter: Mention) -> Mention | None:
    """What a later 'it' stands for when the organisation it was taken for only reported on
    something: in 'The weather service reported the storm had gained strength. If it
    strengthens, ...' the storm, not the service. A reporter is the subject of a speech verb
    before the pronoun (in its sentence or the one before); the reported clause's subject
    takes its place when it is a singular thing the text already knows, not a person, an
    organisation, a pronoun or a date. None when the reporter said nothing with a subject of
    its own ('the firm said it would ...' stays the firm)."""
    vocab = load_vocabulary()
    sentence = state.sentence_index[pronoun.i]
    for token in reversed(pronoun.doc[:pronoun.i]):
        if state.sentence_index.get(token.i, sentence) < sentence - 1:
            return None
        if state.mention_at.get(token.i) is not reporter or token.dep_ not in SUBJECT_DEPS:
            continue
        if token.head.lemma_.lower() not in vocab.speech_verbs or _deed_of_pronoun(pronoun):
            return None  # the organisation acted itself, or the 'it' acts as it would
        return _reported_subject(state, pronoun, token.head)
    return None


def _deed_of_pronoun(pronoun: Token) -> bool:
    """Whether a subject 'it' does a deed (issues, announces, signs: ``deed_verb``), which the
    organisation that reported is far likelier to do than what it reported on ('reported the
    storm had strengthened. It issued a warning' is the reporter's warning). A passive
    subject is done to, so it does no deed ('it would be named')."""
    return pronoun.dep_ == "nsubj" and deed_verb(verb_base(pronoun.head))


def _reported_subject(state: DocState, pronoun: Token, verb: Token) -> Mention | None:
    """The singular thing a speech verb's clause before the pronoun is about ('reported the
    depression had winds of 30 mph'), as a mention for the pronoun; None when there is none."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.right_edge.i < pronoun.i):
        for subject in (c for c in clause.children if c.dep_ in SUBJECT_DEPS):
            if subject.tag_ not in {"NN", "NNP"} or not _definite_or_named(state, subject):
                return None
            thing = referent(state, subject)
            if thing is None or thing.type in {EntityType.PERSON, EntityType.ORGANIZATION,
                                               EntityType.DATE}:
                return None  # an organisation reported on acts for itself: still ambiguous
            return make_mention(state, pronoun.doc[pronoun.i:pronoun.i + 1], thing.type,
                                ner_label=None, antecedent=thing)
    return None


def _definite_or_named(state: DocState, subject: Token) -> bool:
    """Whether a reported subject is one thing the reader already knows: a name or 'the
    storm', not 'an agreement' (new to the text) nor 'its profit' (the reporter's own, which a
    later 'it also cut jobs' is not)."""
    if any(c.dep_ == "poss" for c in subject.children):
        return False
    named = state.mention_at.get(subject.i)
    return (named is not None and named.ner_label is not None) or any(
        c.dep_ == "det" and c.lower_ in singular_definites() for c in subject.children)


def _clause_subject(state: DocState, pronoun: Token) -> Mention | None:
    """'Kovalchuk filed his resignation', 'Kest ended her campaign': a possessive in the rest
    of a clause is most often the clause's own subject, when that subject is a named person
    written before it, or after it when the possessive is in a phrase fronted before the
    subject ('After his conviction, Dawson agreed', 'At the time of her death, X had')."""
    governor = pronoun.head
    while governor.pos_ not in {"VERB", "AUX"} and governor.head.i != governor.i and \
            governor.dep_ not in SUBJECT_DEPS:
        governor = governor.head
    if governor.pos_ not in {"VERB", "AUX"}:
        return None
    fronted = {c.i for c in governor.children if c.dep_ in {"prep", "advcl", "npadvmod"}
               and c.left_edge.i <= pronoun.i <= c.right_edge.i}
    for child in governor.children:
        if child.dep_ in SUBJECT_DEPS and (child.i < pronoun.i or any(
                f < child.left_edge.i for f in fronted)):
            mention = state.mention_at.get(child.i)
            # (The recogniser often calls a person an organisation; 'his' says which.)
            if mention is not None and mention.type in {EntityType.PERSON,
                                                        EntityType.ORGANIZATION} and \
                    fits(state, pronoun.lower_, mention):
                return mention.model_copy(update={"type": EntityType.PERSON})
    return None


def _group_possessor(state: DocState, pronoun: Token) -> Mention | None:
    """Whose a possessive 'its' or 'their' says the thing is: the subject of its clause
    written before it ('Velora cut its prices', 'Ostland, which planned to hold its election'),
    else, when the possessive is inside that subject ('Its chairman resigned', 'Their
    talks failed'), what a subject 'it' or 'they' there would stand for. Only a name: 'its'
    an organisation, a place or a named thing, 'their' an organisation or a named group; a
    subject before it that is none of these ('the plan lost its backing', 'Kest and Amos
    ended their talks': two owners), or a clause whose subject the parse does not give,
    keeps it from reaching further back."""
    subject = _subject_before(pronoun)
    if subject is None:
        if not _inside_subject(pronoun):
            return None
        owner = _antecedent(state, pronoun, _actors(state), sentences_back=1) \
            if pronoun.lower_ == "its" else _plural_antecedent(state, pronoun)
    elif any(c.dep_ == "conj" or (c.dep_ == "prep" and c.lower_ in GROUP_PREPS)
             for c in subject.children):
        return None  # 'Velora, along with Tidewell Foods, cut their prices': a group
    else:
        owner = referent(state, subject)
    if owner is not None and owner.is_pronoun:
        owner = owner.antecedent
    return owner if owner is not None and _owns_as(pronoun, subject, owner) else None


def _inside_subject(pronoun: Token) -> bool:
    """Whether a possessive is part of its clause's subject ('Their talks failed')."""
    return any(a.dep_ in SUBJECT_DEPS for a in pronoun.ancestors
               if a.head.pos_ in {"VERB", "AUX"})


def _owns_as(pronoun: Token, subject: Token | None, owner: Mention) -> bool:
    """Whether a name can be what 'its' or 'their' stands for: a named non-person for 'its'
    (not a plural subject), an organisation or a named plural for 'their'."""
    plural = subject is not None and subject.tag_ in {"NNS", "NNPS"}
    if owner.ner_label is None or owner.type is EntityType.PERSON:
        return False
    if pronoun.lower_ == "its":
        return not plural
    return owner.type is EntityType.ORGANIZATION or plural


def _subject_before(pronoun: Token) -> Token | None:
    """The subject of the clause a possessive sits in, written before it and not holding it,
    looked for up the clauses that share it ('Ostland, which planned to hold its election',
    'Velora sued Tidewell Foods and cut its prices'), as ``_own_clause_subjects`` does."""
    governor = pronoun.head
    while governor.pos_ not in {"VERB", "AUX"} and governor.head.i != governor.i:
        governor = governor.head
    while governor.pos_ in {"VERB", "AUX"}:
        subjects = [c for c in governor.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects[0] if subjects[0].right_edge.i < pronoun.i else None
        if governor.dep_ not in {"conj", "xcomp"} or governor.head.i == governor.i:
            return None
        controllers = [c for c in governor.head.children if c.dep_ == "dobj" and
                       not any(t.is_punct for t in
                               pronoun.doc[c.i + 1:governor.left_edge.i])] \
            if governor.dep_ == "xcomp" else []
        if controllers:
            # 'urged the states to reschedule their votes': the object does the infinitive
            # (not 'started a firm, Velora, to sell their patent', a purpose set off by a comma)
            return controllers[0] if controllers[0].right_edge.i < pronoun.i else None
        governor = governor.head
    return None


def _antecedent(state: DocState, pronoun: Token, candidates: list[tuple[int, Mention, bool]],
                sentences_back: int) -> Mention | None:
    """The nearest candidate before the pronoun within a few sentences, preferring subjects of
    non-speech verbs (in 'Marchenko said ... he received', 'he' is rarely the speaker) and
    excluding the pronoun's own clause subject when the pronoun is an object ('Sorokin met him').
    'it' is only resolved as a subject, to an organisation subject at most one sentence back:
    most 'it's in news text refer to no named thing."""
    sentence = state.sentence_index[pronoun.i]
    own = _own_clause_subjects(state, pronoun)
    window = [(i, m, subj) for i, m, subj in candidates
              if i < pronoun.i and sentence - sentences_back <= m.sentence_index <= sentence
              and not any(same_name(m, o) for o in own) and fits(state, pronoun.lower_, m)]
    if not window:
        return _main_person(state, candidates, pronoun) \
            if pronoun.lower_ not in NEUTER_PRONOUNS and candidates is state.people else None
    if any(known_to_fit(state, pronoun.lower_, m) for _, m, _ in window):
        # 'Sander Koit met his wife, Ilmi Tarvo. She ...': the one the article says is a
        # woman, before one it hints is a man. News names more men than women and marks
        # the women more often ('Ms', 'she said'), so for 'she' a person it says nothing of
        # gives way too; for 'he' an unmarked man is as likely as a marked one ('Shevchuk
        # met Kovalchuk, whom the article calls "he" twice. He also instructed ...').
        window = [item for item in window if known_to_fit(state, pronoun.lower_, item[1])
                  or not (leans_against(state, pronoun.lower_, item[1]) or
                          pronoun.lower_ in FEMININE)]
    subjects = [item for item in window if item[2]]
    if pronoun.lower_ in NEUTER_PRONOUNS:
        return subjects[-1][1] if subjects else None
    subjects = [item for item in window
                if item[2] or _inside_subject_phrase(pronoun.doc[item[0]], item[1])]
    nearer = _nearer_in_sentence(state, pronoun, window, subjects)
    return nearer or (subjects or window)[-1][1]


def _inside_subject_phrase(token: Token, mention: Mention) -> bool:
    """'Okafor's position put him at the centre', 'The case against Okafor is that he ...':
    a person who owns the subject, or is its complement, is what the clause is about as
    much as a subject is, and a later 'he' takes that person up; a person deeper in an
    object ('the centre of the Harlan campaign') is not. ``token``: the mention's first."""
    while token.head.i != token.i and mention.start <= token.head.idx < mention.end:
        token = token.head  # the mention's own head word
    if token.dep_ not in {"poss", "pobj"}:
        return False
    while token.dep_ in {"poss", "pobj", "prep", "compound"}:
        if token.dep_ == "prep" and (token.head.pos_ not in {"NOUN", "PROPN"} or
                                     token.lower_ == "as" or
                                     any(c.dep_ == "poss" for c in token.head.children)):
            # a verb's 'against Okafor' is its circumstance, not its subject's; 'his role as
            # Okafor' is about its owner, and 'as' names a part played, not a participant
            return False
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def _clause_verb(token: Token) -> Token:
    """The verb whose clause a token is in: itself, or the first verb above it."""
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


def _nearer_in_sentence(state: DocState, pronoun: Token,
                        window: list[tuple[int, Mention, bool]],
                        subjects: list[tuple[int, Mention, bool]]) -> Mention | None:
    """'Senators broke with Dan Okafor and urged him to resign': an object 'him'/'her' is the
    person its own sentence names after the last subject in reach, when that person belongs
    to another verb's clause (a co-argument of the same verb is never its antecedent: 'Okafor
    thanked him'); the subject preference reaches back to an earlier sentence only when the
    sentence names no one nearer."""
    if pronoun.dep_ not in {"dobj", "pobj", "dative"} or not subjects:
        return None
    sentence, last = state.sentence_index[pronoun.i], subjects[-1][0]
    if subjects[-1][1].sentence_index >= sentence:
        return None  # a subject of its own sentence is nearer still
    verb = _clause_verb(pronoun)
    nearer = [m for i, m, subj in window if not subj and i > last
              and m.sentence_index == sentence
              and _clause_verb(pronoun.doc[i]).i != verb.i]
    return nearer[-1] if len(nearer) == 1 else None


# What makes an object 'it' no thing of its own: 'made it clear that', 'found it hard to'.
IT_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "oprd", "acomp"})


def _object_before(state: DocState, pronoun: Token) -> Mention | None:
    """What an object 'it' stands for: the nearest singular thing another verb took as its
    object before it, in its sentence or the one before ('asked for his resignation, and he
    tendered it'; 'planned to hold its primary election, but the governor postponed it').
    An object 'it' takes up the last thing acted on far more often than anything else; a
    person is never 'it', nor a place (a country is 'it' as a subject), and an 'it' that
    carries a clause or a complement ('made it clear that ...') stands for nothing."""
    verb = pronoun.head
    if any(c.dep_ in IT_COMPLEMENT_DEPS for c in verb.children):
        return None
    sentence = state.sentence_index[pronoun.i]
    for token in reversed(pronoun.doc[:pronoun.i]):
        if state.sentence_index.get(token.i, sentence) < sentence - 1:
            return None
        if token.dep_ != "dobj" or token.head.i == verb.i:
            continue
        if token.tag_ not in {"NN", "NNP"} or token.lower_ in NEUTER_PRONOUNS:
            return None  # the nearest object is plural or a pronoun: not this 'it'
        thing = referent(state, token)
        if thing is None or thing.type in {EntityType.PERSON, EntityType.PLACE,
                                           EntityType.DATE}:
            return None
        return make_mention(state, pronoun.doc[pronoun.i:pronoun.i + 1], thing.type,
                            ner_label=None, antecedent=thing)
    return None


def _actors(state: DocState) -> list[tuple[int, Mention, bool]]:
    """What a subject 'it' may stand for: an organisation, or a place that was itself a
    clause subject ('Norway left the bloc, which it had joined in 1973'; 'Ohio postponed its
    vote. It did not change ...'). A country or a state acts in news as an organisation
    does; ``_antecedent`` still takes only the nearest subject at most a sentence back, so a
    place named in passing ('talks in Oslo') is never one."""
    acting = [item for item in state.places if item[2]]
    return sorted([*state.organisations, *acting], key=lambda item: item[0])


def _main_person(state: DocState, people: list[tuple[int, Mention, bool]],
                 pronoun: Token) -> Mention | None:
    """Who 'he' is when no one was named in the last sentences: the person the article is
    about, if one is named at least three times before it and more often than anyone else
    (an obituary's 'He also researched ...' three paragraphs after the last 'Lorimer')."""
    counts: dict[str, int] = {}
    last: dict[str, Mention] = {}
    for i, mention, _ in people:
        if i >= pronoun.i or mention.antecedent is not None or \
                not fits(state, pronoun.lower_, mention):
            continue
        key = surname(mention)
        counts[key] = counts.get(key, 0) + 1
        last[key] = mention
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return last[ranked[0][0]]


def conjuncts(token: Token) -> list[Token]:
    """The token and its later conjuncts of the same kind: 'to Pak and Sorokin' is two
    recipients, but in 'to Pak as well as a glove' the glove is not a recipient. A title with
    two named appositions stands for both people."""
    proper = token.ent_type_ != "" or token.pos_ == "PROPN"
    # 'Tom Reyes and his wife Lena': a description with a name in apposition is that name.
    later = [t for t in token.conjuncts if t.i > token.i
             and ((t.ent_type_ != "" or t.pos_ == "PROPN") == proper or (proper and any(
                 c.dep_ == "appos" and c.ent_type_ != "" and c.ent_type_ == token.ent_type_
                 for c in t.children)))]
    names = [c for c in token.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    if not proper and len(names) >= 2:
        # 'by prime minister A and energy minister B': the parser hangs both names on the
        # first title; each is a participant.
        return [*names, *later]
    if proper and not later:
        # 'A, B, C and D contributed': the parser often reads B as A's apposition and hangs
        # C and D on B. A named apposition of the same kind with conjuncts of its own is the
        # rest of the list, not another name for A.
        for appos in (c for c in token.children if c.dep_ == "appos"
                      and c.ent_type_ == token.ent_type_ != ""):
            rest = [t for t in appos.conjuncts if t.i > appos.i and t.ent_type_ == appos.ent_type_]
            if rest:
                return [token, appos, *rest]
    return [token, *later]


GROUP_WORDS = {"they", "pair", "duo", "both"}
PAIR_WORDS = {"pair", "duo", "both"}


def group_referent(state: DocState, head: Token) -> list[Mention]:
    """'Sorokin and Pak met. They exchanged rifles.' / 'the pair' / 'the two leaders' / 'both
    nations' / 'the three': the last group of named subjects, if it was in this or the
    previous sentence, or, for a word that says how many ('the two', 'both', 'the three
    suspects'), the last names joined by 'and' there in any slot with that many members
    ('police arrested A and B. The two were charged'). A count that does not fit the group
    finds none: 'the three' is not the pair named before; a counted noun ('both articles',
    'the three grids') is only ever the group of subjects, never names joined elsewhere."""
    if (whole := _quantified_whole(head)) is not None:
        return _whole_group(state, head, whole)
    if listed := listed_members(state, head):
        return listed
    titled = _titled_group(state, head)
    if titled:
        return titled
    size = _group_size(head)
    if head.lower_ not in GROUP_WORDS and size is None:
        return []
    if size is not None and head.tag_ != "NNS" and (joined := _joined_names(state, head)):
        # ('both articles', 'the three power grids' have a noun of their own: not the names)
        return joined if len(joined) == size else []
    if head.lower_ in PLURAL_PRONOUNS and (enclosing := _enclosing_group(state, head)):
        return enclosing  # 'Hurley and Behnken, when they depart, plan to ...'
    if state.last_group is None:
        return []
    sentence, group = state.last_group
    if size is not None and len(group) != size:
        return []
    return list(group) if state.sentence_index[head.i] - sentence <= 1 else []


def _enclosing_group(state: DocState, pronoun: Token) -> list[Mention]:
    """The names joined by 'and' that are the subject of the clause a subject 'they' is an
    adverbial clause of, written before it ('Hurley and Behnken, when they depart, plan to
    return the flag'): that group is read after the pronoun's own clause, so it is not yet
    the last group named. Empty unless two names or more, all named."""
    clause = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or clause.dep_ not in {"advcl", "relcl"}:
        return []
    # (the parser hangs a 'when' clause set off by commas on the subject as a relative one)
    if clause.dep_ == "relcl" and not any(c.dep_ == "advmod" and c.lower_ in {"when", "whenever"}
                                          for c in clause.children):
        return []  # 'Webb and Park, whom they praised, ...': a relative clause proper
    subjects = [clause.head] if clause.dep_ == "relcl" else list(clause.head.children)
    for subject in (c for c in subjects if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i):
        members = [state.mention_at.get(t.i) for t in conjuncts(subject)]
        if len(members) >= 2 and all(m is not None and m.ner_label is not None
                                     for m in members):
            return [m for m in members if m is not None]
    return []


def counted_group(state: DocState, head: Token) -> list[Mention]:
    """The named group a word that says how many stands for in any slot ('police charged
    the two', 'the three were arrested'); empty for other words, which ``referent`` reads."""
    if _quantified_whole(head) is not None:
        return group_referent(state, head)  # 'acquitted both of them', 'charged all of them'
    if listed := listed_members(state, head):
        return listed  # 'police charged two men, Tom Reyes and Ivan Berg'
    if head.lower_ == "them" and head.dep_ in {"dobj", "dative", "pobj"}:
        # (each a pronoun mention with its antecedent: a reference, judged as one)
        return [make_mention(state, head.doc[head.i:head.i + 1], m.type, ner_label=None,
                             antecedent=m) for m in _plural_before(state, head)]
    return group_referent(state, head) if _group_size(head) is not None and \
        head.tag_ != "NNS" else []


def listed_members(state: DocState, head: Token) -> list[Mention]:
    """The members a counted group names beside it: 'Two senators, Ana Vidal and Tom Reyes,
    opposed the bill', 'three candidates withdrew: A, B and C' (the parser hangs the first
    name on the noun as its apposition, across a comma, a dash or a colon, and the others
    on the first), 'countries including Norway and Chile'. Each named member is a
    participant, as the group word is no one; empty unless the names are as many as the
    number says, all of one kind ('three candidates: A and B' names not all of them, and
    kg does not guess the third)."""
    if head.tag_ != "NNS":
        return []
    count = next((number_value(c.lower_) for c in head.children
                  if c.dep_ == "nummod" and c.i < head.i), None)
    first = next((c for c in head.children if c.dep_ == "appos" and c.i > head.i), None)
    if first is None and count is None and (named := _included_names(head)):
        # 'African countries including Norway and Chile imposed bans': each one named did
        first, count = named[0], len(named)
    elif count is None or count < 2 or first is None:
        return []
    members: dict[str, Mention] = {}
    for name in conjuncts(first):  # ('A, B and C': B the parser's apposition of A)
        mention = state.mention_at.get(name.i) or (
            referent(state, name) if name.pos_ == "PROPN" else None)
        if mention is None or mention.ner_label is None:
            return []
        members.setdefault(mention.text, mention)
    # (a name the recogniser missed has no kind of its own: it takes the others')
    kinds = {m.type for m in members.values() if m.ner_label != "PROPN"}
    if len(members) != count or len(kinds) > 1:
        return []
    kind = next(iter(kinds), None)
    return [m if kind is None or m.ner_label != "PROPN" else m.model_copy(update={"type": kind})
            for m in members.values()]


def _included_names(head: Token) -> list[Token]:
    """The names of an 'including' list right after a plural noun ('countries including
    Norway and Chile'), each of the members it names; empty when there is none or it holds
    a common noun ('countries including small ones')."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "including"
                 and c.i == head.i + 1), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if pobj is None:
        return []
    names = conjuncts(pobj)
    return names if all(t.pos_ == "PROPN" for t in names) else []


@cache
def whole_quantifiers() -> frozenset[str]:
    """'all', 'both', 'each' (reference.json whole_quantifiers)."""
    return frozenset(reference_words()["whole_quantifiers"])  # type: ignore[arg-type]


def _quantified_whole(head: Token) -> Token | None:
    """The group word of 'all of them', 'both of the ministers', 'each of them': a quantifier
    that takes every member of its 'of' phrase, so that phrase is the participant. None for
    any other word, and for a part ('one of them', 'some of the hostages'), which names no
    member."""
    if head.lower_ not in whole_quantifiers():
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            return pobj
    return None


def _whole_group(state: DocState, head: Token, whole: Token) -> list[Mention]:
    """Every member of the group 'all of them' / 'both of the leaders' takes: for 'them'
    the plural before it (each name a pronoun mention with its antecedent), else the group
    word itself ('the leaders', 'the two'); 'both' must find two."""
    if whole.lower_ == "them":
        found = _plural_before(state, whole) or (
            _two_people_before(state, whole) if head.lower_ in PAIR_WORDS else [])
        members = [make_mention(state, whole.doc[whole.i:whole.i + 1], m.type,
                                ner_label=None, antecedent=m) for m in found]
    else:
        members = group_referent(state, whole)
    if head.lower_ in PAIR_WORDS and len(members) != 2:
        return []  # 'both of them' after three names: not that group
    return members


def _two_people_before(state: DocState, pronoun: Token) -> list[Mention]:
    """'Tom Reyes was impeached in 1998, and Anna Berg in 2001. The Senate acquitted both of
    them': the parser joins no names there, but 'both' can only be the two people named in
    this sentence and the one before, when exactly two are (own clause subjects left out)."""
    own = {t.i for s in _own_subject_tokens(pronoun) for t in (s, *s.conjuncts)}
    sentence = state.sentence_index[pronoun.i]
    people: dict[str, Mention] = {}
    for i, mention, _ in state.people:
        if i < pronoun.i and i not in own and mention.antecedent is None and \
                state.sentence_index.get(i, -1) >= sentence - 1:
            people.setdefault(surname(mention), mention)
    return list(people.values()) if len(people) == 2 else []


def _plural_before(state: DocState, pronoun: Token) -> list[Mention]:
    """What 'them' as an object stands for: the nearest plural before it in its sentence or
    the one before, names joined by 'and' ('arrested A and B. A judge released them') or a
    plural noun ('Three men robbed a bank. Police arrested them'), never a subject of its own
    clause ('police ... arrested them' is not the police) nor a date or a measure."""
    own = {t.i for s in _own_subject_tokens(pronoun) for t in (s, *s.conjuncts)}
    sentence = state.sentence_index[pronoun.i]
    vocab = load_vocabulary()
    things = _takes_things(pronoun)
    for token in reversed(pronoun.doc[:pronoun.i]):
        if state.sentence_index.get(token.i, sentence) < sentence - 1:
            return []
        if token.i in own or token.dep_ == "conj" or token.ent_type_ in {
                "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"}:
            continue
        if any(c.dep_ == "conj" for c in token.children) and token.dep_ != "compound":
            members = [m for c in conjuncts(token) if c.i not in own
                       and (m := state.mention_at.get(c.i)) is not None
                       and m.ner_label is not None]
            if len({m.text for m in members}) >= 2 and len({m.type for m in members}) == 1 \
                    and not (things and members[0].type is EntityType.PERSON):
                return list({m.text: m for m in members}.values())
        if token.tag_ == "NNS" and token.pos_ == "NOUN" and token.dep_ != "compound" and \
                token.lemma_.lower() not in vocab.measure_nouns | VAGUE_HEADS and \
                not (things and _kind_type(token.lemma_.lower()) is EntityType.PERSON):
            mention = referent(state, token)
            return [mention] if mention is not None else []
    return []


@cache
def thing_object_verbs() -> frozenset[str]:
    """Verbs whose direct object is a thing, never a person: WordNet's verbs of making
    (data/thing_verbs.json) and the verbs of transfer of reference.json thing_object_verbs
    ('sell', 'steal', 'smuggle')."""
    return thing_verbs() | frozenset(reference_words()["thing_object_verbs"])  # type: ignore[arg-type]


def _takes_things(pronoun: Token) -> bool:
    """Whether 'them' is the direct object of a verb that is done to things only ('Lee sold
    them', 'police seized them'): its antecedent is a plural thing, so the people named
    nearer ('Prosecutors say Lee sold them': the prosecutors who report it) are passed over."""
    return pronoun.dep_ == "dobj" and verb_base(pronoun.head) in thing_object_verbs()


def _own_subject_tokens(token: Token) -> list[Token]:
    """The subject words of the clause a word is an object in, through the verbs that share
    them ('Police arrested three men and questioned them')."""
    governor = token.head
    while governor.pos_ not in {"VERB", "AUX"} and governor.head.i != governor.i:
        governor = governor.head
    while True:
        subjects = [c for c in governor.children if c.dep_ in SUBJECT_DEPS]
        if subjects or governor.dep_ not in {"conj", "xcomp", "advcl"} or \
                governor.head.i == governor.i:
            return subjects
        governor = governor.head


def _group_size(head: Token) -> int | None:
    """How many a group word says it is: 'both', 'the pair' and 'both nations' two, 'the
    three' and 'the three suspects' three; None when it says no number ('they', 'leaders')."""
    if head.lower_ in PAIR_WORDS:
        return 2
    if _bare_number(head):
        return number_value(head.lower_)
    if head.tag_ != "NNS":
        return None
    for child in head.children:
        if child.dep_ in {"det", "predet"} and child.lower_ == "both":
            return 2
        if child.dep_ == "nummod" and child.i < head.i and \
                any(c.lower_ == "the" for c in head.children):
            return number_value(child.lower_)
    return None


def _joined_names(state: DocState, head: Token) -> list[Mention]:
    """The last names of one kind joined by 'and' before ``head`` in its sentence or the one
    before ('Police arrested Tom Reyes and Anna Berg'), each once; empty when there are none."""
    sentence = state.sentence_index[head.i]
    for token in reversed(head.doc[:head.i]):
        if state.sentence_index.get(token.i, sentence) < sentence - 1:
            break
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        members: dict[str, Mention] = {}
        for conj in conjuncts(token):
            mention = state.mention_at.get(conj.i)
            if conj.i < head.i and mention is not None and mention.ner_label is not None:
                members.setdefault(mention.text, mention)
        if len(members) >= 2 and len({m.type for m in members.values()}) == 1:
            return list(members.values())
    return []


def _bare_number(token: Token) -> bool:
    """'the two', 'the twelve' (which the tagger sometimes calls a noun): a number of two or
    more standing alone after 'the', for the things it counted before."""
    value = number_value(token.lower_)
    return value is not None and value >= 2 and token.tag_ in {"CD", "NN"} and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


@cache
def _number_words() -> dict[str, int]:
    return {w: i for i, w in enumerate(reference_words()["number_words"])}  # type: ignore[arg-type]


def number_value(word: str) -> int | None:
    """12 for '12' or 'twelve' (reference.json number_words); None for any other word."""
    return int(word) if word.isdigit() and len(word) < 7 else _number_words().get(word.lower())


def _titled_group(state: DocState, head: Token) -> list[Mention]:
    """'The agreement was signed by the energy ministers' after 'energy minister A', 'energy
    minister B' and 'energy minister C': a definite plural role noun is every person the
    document gave that title before it, when it gave it to at least two (one is not a
    plural's referent; three named and 'the ministers' meaning two of them is the risk)."""
    if head.tag_ != "NNS" or not any(c.dep_ == "det" and c.lower_ == "the"
                                     for c in head.children):
        return []
    if any(c.dep_ not in {"det", "compound"} for c in head.children if c.i < head.i):
        return []
    words = [c.lower_ for c in head.children if c.dep_ == "compound" and c.i < head.i]
    role = canonical_role(" ".join([*words, head.lemma_.lower()]))
    if role is None:
        return []
    people: dict[str, Mention] = {}
    for i, mention, _ in state.people:
        if i >= head.i or not mention.title or mention.antecedent is not None:
            continue
        title = mention.title.lower().replace(".", "").replace(",", " ").split()
        if title and role in {canonical_role(" ".join(title[-2:])), canonical_role(title[-1])}:
            people.setdefault(surname(mention), mention)
    return list(people.values()) if len(people) >= 2 else []


def as_place(mention: Mention | None) -> Mention | None:
    """An unrecognised proper name after 'in'/'at' ('in Kyiv') is most likely a place."""
    if mention is None or mention.ner_label != "PROPN":
        return mention
    return mention.model_copy(update={"type": EntityType.PLACE})
