"""Mentions: the sentences of a document and the names the recogniser found in them.

Names are trimmed ('the Kremlin's' -> 'Kremlin'), split where a headline glued two together
('Sorokin Meets Pak'), retyped by a kind word inside them ('Brookvale Dairy' is an organisation),
and carry the title words before them ('Kremlin spokesman').
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.datelines import is_citation_line
from kg.entity_names import brand_shaped, introduced_name, is_never_alone, time_zones
from kg.extract.institutions import institution_mentions
from kg.extract.name_bounds import (
    cut_at_measure,
    cut_role_lead,
    is_fragment,
    joined_ents,
    names_a_thing,
    opens_complement,
    split_acronym_lead,
    split_at_bracket,
    split_at_break,
    split_hyphen_pair,
    split_person_of_place,
    split_place_lead,
    split_role_inside,
    split_town_region,
    without_openers,
)
from kg.extract.state import SUBJECT_DEPS, DocState, make_mention, nonblank_sents
from kg.lexicon import (
    articles,
    canonical_role,
    data_lines,
    initialisms,
    longest_role,
    role_modifiers,
)
from kg.model import EntityType, Mention, Sentence
from kg.relations import load_vocabulary, name_kind

NER_TYPES = {
    "PERSON": EntityType.PERSON, "ORG": EntityType.ORGANIZATION, "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE, "FAC": EntityType.PLACE, "PRODUCT": EntityType.THING,
    "WORK_OF_ART": EntityType.THING, "LAW": EntityType.THING, "EVENT": EntityType.EVENT,
    "DATE": EntityType.DATE, "TIME": EntityType.DATE, "MONEY": EntityType.THING,
}


TITLE_DEPS = {"compound", "amod", "nmod", "npadvmod"}


def read_sentences(state: DocState) -> Iterator[Sentence]:
    text = state.document.text
    for index, sent in enumerate(nonblank_sents(state.doc)):
        words = [t for t in sent if not t.is_space]
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        for token in sent:
            state.sentence_index[token.i] = index
        yield Sentence(doc_id=state.document.doc_id, index=index, start=start, end=end,
                       text=text[start:end], headline=is_headline(words))


SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with",
               "as", "from", "vs", "is", "are"}


def is_headline(words: list[Token]) -> bool:
    """Title Case ('Sorokin And Pak Gifted Each Other Rifles') and no final stop; a report's
    citation line ('LD0311120294 Moscow Interfax in English 1120 GMT') is none, nor an item of
    a list that ends in a semicolon or a comma ('Lumen Test Center, Alden, Ohio;')."""
    if is_citation_line([t.text for t in words]):
        return False
    content = [t for t in words if t.is_alpha and t.lower_ not in SMALL_WORDS]
    if len(content) < 4 or words[-1].text in {".", "!", "?", "\"", "”", "’", "'", ";", ","}:
        return False
    return sum(t.text[:1].isupper() for t in content) >= 0.8 * len(content)


def _trim_entity(ent: Span) -> Span | None:
    """Drop a leading determiner and a trailing possessive: 'the Kremlin's' -> 'Kremlin'; a
    full stop the recogniser took with the name stays only after an abbreviation ('Jr.')."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in articles() or doc[start].is_space
                           or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_space or (
            doc[end - 1].is_punct and doc[end - 1].text not in ".-") or
            _sentence_stop(doc[start:end])):
        end -= 1
    return Span(doc, start, end, label=ent.label_) if end > start else None


# The longest abbreviation a full stop of its own may close inside a name ('Jr', 'Ltd', 'Co').
ABBREVIATION_LENGTH = 3


def _sentence_stop(span: Span) -> bool:
    """'met bassist Ada Moreno.' read as 'Ada Moreno.': a full stop token at a name's end,
    glued to a word too long to be an abbreviation, ends the sentence, not the name."""
    if len(span) < 2 or span[-1].text != ".":
        return False
    word = span[-2]
    return word.is_alpha and not word.whitespace_ and len(word) > ABBREVIATION_LENGTH


# Prepositions that belong inside names: 'House of Representatives', 'Centers for Disease
# Control', 'Omar bin Saleh', 'Pierre de Valmont'.
NAME_PREPS = {"of", "for", "de", "du", "des", "la", "le", "von", "van", "der", "den", "al", "bin",
              "ibn", "da", "di", "dos", "do", "del", "y"}


_VERSUS = frozenset({"v.", "vs.", "v", "vs", "versus"})


def _split_entity(ent: Span) -> Iterator[Span]:
    """Headlines fool the recogniser into 'Sorokin Meets Pak' or 'Pak & Sorokin' as one name; a
    verb, conjunction or preposition inside a name splits it into the names around it."""
    if ent.label_ in {"DATE", "TIME"} or (ent.label_ == "WORK_OF_ART" and
                                          any(t.text == ":" for t in ent)):
        yield ent  # 'Harbour Knights: Broken Oath', a title with its subtitle: no headline
        return
    start = ent.start
    joined = _joined_name(ent)
    for token in ent:
        if token.lower_ in {"and", "&"} and _joins_modifiers(ent, token):
            continue  # 'Song and Dance Hall of Fame': two words of one name's modifier
        if token.text == "&" and _firm_ampersand(ent, token):
            continue  # 'Velmar Lodge & Tavern' in running text: one firm's name
        if token.lower_ in _VERSUS and ent.start < token.i < ent.end - 1:
            continue  # 'Harlan v. Moore': one case's name, not 'Harlan' and 'Moore'
        if token.i > ent.start and (token.pos_ in {"VERB", "AUX", "SCONJ"}
                                    or (token.pos_ == "CCONJ" and not joined)
                                    or (token.pos_ == "ADP" and token.lower_ not in NAME_PREPS
                                        and not opens_complement(token))
                                    or token.text in {"&", "+", "/"}
                                    or (ent.label_ == "PERSON" and _looks_like_verb(token))):
            if token.i > start:
                yield Span(ent.doc, start, token.i, label=ent.label_)
            start = token.i + 1
    if start < ent.end:
        yield Span(ent.doc, start, ent.end, label=ent.label_)


def _joined_name(ent: Span) -> bool:
    """'House Oversight and Budget Committee', 'Faculty of Arts and Design': an
    organisation whose 'and' comes after a name preposition or before its kind word is one
    name, not two glued by a headline ('Pak and Sorokin')."""
    if ent.label_ not in {"ORG", "FAC"}:
        return False
    words = [t.lower_ for t in ent]
    conjunction = next((i for i, t in enumerate(ent) if t.pos_ == "CCONJ"), None)
    if conjunction is None:
        return False
    return any(w in {"of", "for"} for w in words[:conjunction]) or \
        name_kind(("", words[-1])) is EntityType.ORGANIZATION  # the first word is skipped


def _joins_modifiers(ent: Span, conjunction: Token) -> bool:
    """'the Song and Dance Hall of Fame', 'Arts & Crafts Museum': capitalised words on both
    sides of an 'and' that the parser makes one modifier of a head later in the same name
    (the left word a compound or nmod of it, the right its conjunct or a compound of the same
    head) are one name's words, not two names a headline glued ('Pak and Sorokin', 'Harbor
    Foods and Delmar', where the word after 'and' is the head itself). A person's name is
    never read this way."""
    doc, i = ent.doc, conjunction.i
    if ent.label_ == "PERSON" or not ent.start < i < ent.end - 2:
        return False
    left, right = doc[i - 1], doc[i + 1]
    head = left.head
    return left.dep_ in {"compound", "nmod", "amod"} and i + 1 < head.i < ent.end and \
        left.text[:1].isupper() and right.text[:1].isupper() and \
        (right.head.i == left.i or right.head.i == head.i)


def _firm_ampersand(ent: Span, ampersand: Token) -> bool:
    """'Harlow Lodge & Tavern', 'Barnes & Noble': in running text an ampersand the
    recogniser keeps inside one organisation or building, between capitalised words, is
    part of a firm's name; only a headline glues two names with one ('Pak & Sorokin')."""
    doc, i = ent.doc, ampersand.i
    if ent.label_ not in {"ORG", "FAC"} or not ent.start < i < ent.end - 1:
        return False
    words = [t for t in ampersand.sent if not t.is_space]
    return doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper() and \
        not is_headline(words)


def _split_after_title_of(ent: Span) -> Iterator[Span]:
    """'Secretary of State Gina Holt', 'Mayor of Springfield Ivo Kent': after '<role> of' the
    recogniser glues the role's last word or its place onto the name. The words that finish a
    known role ('State') are dropped, a known place ('Springfield') is a place of its own, and
    the rest is the person the title names."""
    doc, start = ent.doc, ent.start
    if ent.label_ not in {"ORG", "GPE", "PERSON", "FAC"} or len(ent) < 3 or start < 2 or \
            doc[start - 1].lower_ != "of" or not canonical_role(doc[start - 2].lower_):
        yield ent
        return
    before = " ".join(t.lower_ for t in doc[max(start - 4, 0):start])
    for size in range(1, len(ent) - 1):
        lead, rest = doc[start:start + size], doc[start + size:ent.end]
        if not all(t.pos_ == "PROPN" and t.is_title for t in rest):
            continue
        if any(canonical_role(" ".join([*before.split()[-n:], *(t.lower_ for t in lead)]))
               for n in (2, 3, 4)):
            yield Span(doc, rest.start, rest.end, label="PERSON")
            return
        if gazetteer.lookup(lead.text) is not None or gazetteer.region_countries(lead.text):
            yield Span(doc, lead.start, lead.end, label="GPE")
            yield Span(doc, rest.start, rest.end, label="PERSON")
            return
    yield ent


HOLDER_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}


def _split_role_off(ent: Span) -> Iterator[Span]:
    """'Coast Guard Lt. Steve Hardy', 'FAA Administrator Ann Lee': before a name the
    recogniser often swallows the role into the organisation. Role words (from the role
    lexicon) ending an organisation or place right before a proper name are no part of it: the
    organisation is the holder and the role stays a role."""
    doc = ent.doc
    stop = ent.end + 1 if ent.end < len(doc) and doc[ent.end].text == "." else ent.end
    if ent.label_ not in HOLDER_LABELS or len(ent) < 2 or stop >= len(doc) or \
            not (doc[stop].ent_type_ == "PERSON" or
                 (doc[stop].pos_ == "PROPN" and doc[stop].is_title)):
        yield ent
        return
    for size in range(min(len(ent) - 1, longest_role()), 0, -1):
        words = ent[len(ent) - size:]
        text = doc[words.start:stop].text
        if not words[0].is_alpha or not words[0].text[:1].isupper():
            continue
        if canonical_role(text) or canonical_role(" ".join(t.lower_ for t in words)):
            yield Span(doc, ent.start, ent.end - size, label=ent.label_)
            return
    yield ent


def _with_surname(span: Span) -> Span:
    """'Judge Clara Moss Hartley' read as 'Clara Moss': a proper noun right after a person's
    name, outside any name the recogniser found, whose modifier the name's last word is, is
    the name's last word (a fragment 'Clara Moss' would be a person of its own)."""
    doc, end = span.doc, span.end
    if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and \
            not doc[end].ent_type_ and doc[end - 1].whitespace_ == " " and \
            doc[end - 1].dep_ in {"compound", "flat"} and doc[end - 1].head.i == end:
        return Span(doc, span.start, end + 1, label=span.label_)
    return span


def _looks_like_verb(token: Token) -> bool:
    """A capitalised headline verb tagged as a name: 'Meets', 'Visits', 'Gifted', 'Meeting';
    not the half of a hyphenated name ('Mei-Ling Chow')."""
    if not token.is_title or token.lower_ in NAME_PREPS or \
            (token.i > 0 and token.doc[token.i - 1].text == "-"
             and not token.doc[token.i - 1].whitespace_):
        return False  # nor a particle: 'Di' of 'Paolo Di Venti' is no 'die'
    word = token.lower_
    stems = {word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("ed"),
             word.removesuffix("d"), word.removesuffix("ing"), word.removesuffix("ing") + "e"}
    return bool(stems & load_vocabulary().verb_words)


MONTH_SURNAMES = {"may", "june", "april", "august"}
NAMED_TYPES = {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE}
_JUNK = re.compile(r"(?i)^(?:https?://|www\.)|^\W*\w\W*$|^-|-$|"
                   r"\d{1,4}[-/.:]\d{1,2}[-/.:]\d{1,4}|\b\d{1,2}:\d{2}\b|\butc\b|\bgmt\b")


def _junk_name(text: str) -> bool:
    """Not a name: a URL, a date or clock time, a single character, mostly digits."""
    letters = sum(c.isalpha() for c in text)
    digits = sum(c.isdigit() for c in text)
    return bool(_JUNK.search(text)) or digits > letters


def _capitalised_noun(span: Span, nouns: frozenset[str]) -> bool:
    """'Fires rage across ...', 'Tributes pour in': one word capitalised only because it opens
    a sentence or a headline, which the same article writes as a common noun elsewhere
    (``nouns``: the document's common nouns as written, ``state.common_nouns()``)."""
    if len(span) != 1 or not span[0].is_alpha:
        return False
    sent = span.sent
    headline = sum(t.is_title for t in sent if t.is_alpha) >= max(3, len(sent) * 0.6)
    if span.start != sent.start and not headline:
        return False
    return span[0].lower_ in nouns


CLOCK = re.compile(r"(?i)(?:\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?|\b\d{4})"
                   r"\s*$")


def is_clock_zone(span: Span) -> bool:
    """Whether a span is a time zone written after a clock time ('at 1922 UTC', '3:22 p.m.
    EDT'): part of when, never a place nor a participant. Alone a zone's letters may be a
    name ('CAT'), so the clock is what says it is a zone."""
    return span.text in time_zones() and CLOCK.search(
        span.doc.text[max(0, span.start_char - 16):span.start_char]) is not None


def _not_a_name(span: Span) -> bool:
    """Words the recogniser takes for names that are none: a word never an entity alone
    ('State' of 'Secretary of State', 'the Administration'; ``data/entity_names.json``)
    unless a kind noun introduces it as one ('the journal Science'), a
    time zone after a clock time ('7:38 pm IST'), a word shouted in capitals ('BY A LOT')."""
    # Doc.text joins every token anew: read it only for the rare words that need it.
    if is_never_alone(span.text):
        return not introduced_name(span.doc.text[max(0, span.start_char - 40):span.start_char])
    if is_clock_zone(span):
        return True
    return span.text.isupper() and len(span) == 1 and _shouted(span)


def _shouted(span: Span) -> bool:
    """Capitals around the word that are no names either ('I WON, BY A LOT!'): a word in a
    run of shouting, not an initialism among names ('US, UK and EU')."""
    doc = span.doc
    near = [t for t in doc[max(span.sent.start, span.start - 3):min(span.sent.end, span.end + 3)]
            if t.is_alpha and (t.i < span.start or t.i >= span.end)]
    return sum(t.text.isupper() and not t.ent_type_ for t in near) >= 2


def _without_modifier(ent: Span) -> Span:
    """'Retired FBI agent X', 'Former Apple chief Y': a role's modifier that opens a sentence
    is capitalised and read into the name after it; it is no part of it. What is left, in
    capitals, is the holder of the role: an organisation ('FBI'), not a person."""
    if len(ent) < 2 or ent[0].tag_ not in {"JJ", "VBN"} or \
            ent[0].text.lower() not in role_modifiers():
        return ent
    rest = ent[1:]
    label = "ORG" if len(rest) == 1 and rest.text.isupper() else ent.label_
    return Span(ent.doc, rest.start, rest.end, label=label)


def _name_read_as_month(ent: Span) -> Span:
    """'Joan May' read as a date: a month-name surname right after a capitalised given
    name that modifies it is a person."""
    doc = ent.doc
    if ent.label_ == "DATE" and len(ent) == 1 and ent[0].lower_ in MONTH_SURNAMES and \
            ent.start > 0:
        given = doc[ent.start - 1]
        if given.pos_ == "PROPN" and given.is_title and given.ent_type_ == "" and \
                given.dep_ == "compound" and given.head.i == ent.start:
            return Span(doc, given.i, ent.end, label="PERSON")
    return ent


def named_mentions(state: DocState) -> Iterator[Mention]:
    """The document's names, typed; a surname repeated after the full name is that person
    whatever the recogniser made of it (see ``_surname_echoes``)."""
    mentions = list(_recognised_mentions(state))
    mentions = sorted([*mentions, *institution_mentions(state)], key=lambda m: m.start)
    yield from _surname_echoes(state, mentions)


def _surname_echoes(state: DocState, mentions: list[Mention]) -> list[Mention]:
    """'Walter Brandt died. Brandt was 101.': the small model often reads the lone 'Brandt'
    as an organisation or not at all. After a person's full name, the same surname written
    alone is that person (one sense per article), unless the recogniser read it as a place
    ('Jack London' ... 'London')."""
    first_full: dict[str, int] = {}
    for mention in mentions:
        words = mention.text.split()
        if mention.type is EntityType.PERSON and len(words) >= 2 and words[-1][:1].isupper():
            first_full.setdefault(words[-1], mention.start)
    if not first_full:
        return mentions
    replaced: dict[int, Mention] = {}
    for token in state.doc:
        if token.text not in first_full or token.pos_ != "PROPN" or \
                token.idx <= first_full[token.text]:
            continue
        current = state.mention_at.get(token.i)
        misread = current is not None and current.text == token.text and (
            current.type is EntityType.ORGANIZATION or
            (current.type is EntityType.PLACE and gazetteer.lookup(token.text) is None))
        if current is not None and not misread:
            continue  # a real place of that name stays one ('Washington')
        if any(state.doc[j].pos_ == "PROPN" for j in (token.i - 1, token.i + 1)
               if 0 <= j < len(state.doc)) and current is None:
            continue  # part of a longer name the recogniser missed
        span = state.doc[token.i:token.i + 1]
        person = make_mention(state, span, EntityType.PERSON, ner_label="PERSON")
        state.mention_at[token.i] = person
        if current is not None:
            replaced[current.start] = person
            state.organisations[:] = [o for o in state.organisations if o[1] is not current]
        else:
            replaced[person.start] = person
        subject = token.dep_ in SUBJECT_DEPS
        bisect.insort(state.people, (token.i, person, subject), key=lambda item: item[0])
    kept = [replaced.pop(m.start, m) if m.start in replaced and m.type is not EntityType.PERSON
            else m for m in mentions]
    return sorted([*kept, *replaced.values()], key=lambda m: m.start)


def _recognised_mentions(state: DocState) -> Iterator[Mention]:
    ents = (_name_read_as_month(e) for e in joined_ents(state.doc))
    for ent in (_without_modifier(part) for bracketed in ents
                for whole in split_at_bracket(bracketed) for unbroken in split_at_break(whole)
                for split in _split_entity(unbroken)
                for titled in _split_after_title_of(split)
                for inside in split_role_inside(titled)
                for lead in split_acronym_lead(inside)
                for paired in (pair for hyphened in split_hyphen_pair(lead)
                               for pair in split_town_region(hyphened))
                for measured in cut_at_measure(paired)
                for placed in split_place_lead(measured)
                for origin in split_person_of_place(placed)
                for off in _split_role_off(origin)
                for part in cut_role_lead(off, state.common_nouns())):
        entity_type = NER_TYPES.get(ent.label_)
        span = _trim_entity(ent)
        span = without_openers(span) if span is not None else None  # 'Unlike Senators'
        if span is not None and ent.label_ == "PERSON":
            span = _with_surname(span)
        if entity_type is None or span is None or not (
                any(t.is_alpha or t.like_num for t in span) or span.text in initialisms()):
            continue
        if entity_type in NAMED_TYPES and (_junk_name(span.text) or
                                          _capitalised_noun(span, state.common_nouns()) or
                                          _not_a_name(span) or is_fragment(span)):
            continue  # '2024-06-19 HKT', 'www.example.com', 'A', 'Tak-': no person or firm
        if ent.label_ == "MONEY" and span.start > 0 and _currency(span.doc[span.start - 1]):
            span = Span(span.doc, span.start - 1, span.end, label=ent.label_)  # '$' + '80,000'
        if entity_type is EntityType.THING and _numbered_place(span):
            entity_type = EntityType.PLACE  # 'Region 11' read as a law
        if entity_type in {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE}:
            # 'Brookvale Dairy' read as a person is still no 'he' for a later pronoun.
            words = tuple(t.lower_ for t in span if t.is_alpha)
            entity_type = name_kind(words) or entity_type
            if entity_type is EntityType.PERSON and len(span) == 1 and brand_shaped(span.text):
                entity_type = EntityType.ORGANIZATION  # 'SpaceX', 'YouTube': no one's name
            if names_a_thing(span):
                entity_type = EntityType.THING  # 'USS Brantley', 'Harmon Medal of Chemistry'
        mention = make_mention(state, span, entity_type, ner_label=ent.label_,
                           title=_title_of(span) if entity_type is EntityType.PERSON else None)
        if mention.text in initialisms():  # 'US' is labelled as the 'United States' it names
            mention = mention.model_copy(update={"text": initialisms()[mention.text]})
        elif entity_type is EntityType.PLACE and \
                (usual := gazetteer.canonical_country(mention.text)):
            # 'Islamic Republic of Iran' and 'Iran' are one country, known by its usual name.
            mention = mention.model_copy(update={"text": usual})
        for token in span:
            state.mention_at[token.i] = mention
        root = span.root
        if entity_type is EntityType.PERSON:
            is_speaker = root.dep_ == "nsubj" and root.head.lemma_.lower() in \
                load_vocabulary().speech_verbs
            # 'Its chairman, Erik Sandvold, sold ...': the appositive name is the subject too.
            subject = root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos"
                                                    and root.head.dep_ in SUBJECT_DEPS)
            state.people.append((span.start, mention, subject and not is_speaker))
        elif entity_type is EntityType.ORGANIZATION:
            state.organisations.append((span.start, mention, root.dep_ in SUBJECT_DEPS))
        elif entity_type is EntityType.PLACE:
            state.places.append((span.start, mention, root.dep_ in SUBJECT_DEPS))
        yield mention


def _numbered_place(span: Span) -> bool:
    """'Region 11', 'District 9', 'Zone 4': a place's kind word and a number after it is a
    numbered place, though the recogniser reads such a name as a law or a product ('Article
    5' and 'Falcon 9' have no place's kind word and stay things)."""
    words = [t for t in span if t.lower_ != "the"]
    return len(words) >= 2 and words[-1].like_num and any(c.isdigit() for c in words[-1].text) \
        and all(t.is_alpha and t.is_title for t in words[:-1]) and \
        name_kind(("", *(t.lower_ for t in words[:-1]))) is EntityType.PLACE


def _currency(token: Token) -> bool:
    """'$', or a country's dollar written as letters glued to it ('C$', 'NZ$'): without it a
    sum is a bare number ('received 10,000'), a garbled object."""
    return token.is_currency or (token.text.endswith("$") and token.text[:-1].isalpha()
                                 and token.text[:-1].isupper() and len(token.text) <= 4)


@cache
def title_nouns() -> frozenset[str]:
    """data/titles.txt: nouns that make the words before a name a title ('Kremlin spokesman')."""
    return frozenset(data_lines("titles.txt"))


def _title_of(span: Span) -> str | None:
    """Role words right before a name ('Kremlin spokesman'), or an appositive ('the president
    of Russia'), when headed by a title noun; titles are attributes, not separate entities."""
    doc = span.doc
    i = span.start
    while i > 0 and doc[i - 1].dep_ in TITLE_DEPS and doc[i - 1].head.i >= doc[i - 1].i \
            and doc[i - 1].pos_ in {"NOUN", "PROPN", "ADJ"} and doc[i - 1].ent_type_ != "PERSON":
        i -= 1
    if i < span.start and doc[span.start - 1].lemma_.lower() in title_nouns() and \
            doc[span.start - 1].pos_ != "ADJ":  # 'his official Twitter account': no title
        return doc[i:span.start].text
    for child in span.root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in title_nouns():
            sub = doc[child.left_edge.i:child.right_edge.i + 1]
            if len(sub) <= 8:
                return sub.text
    return None
