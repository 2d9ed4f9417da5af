"""Where a recognised name starts and ends, and which spans are pieces of something else.

The small recogniser cuts names at the wrong places: 'Paolo Di Venti' becomes 'Paolo' and
'Venti', 'PDK-ULR' becomes 'ULR', 'told NPR Fadil bin Saleh had ...' becomes one name,
'United States Representative Dana Whitfield' one organisation, and it reads pieces of
longer unnamed things as names of their own ('Lakes' of 'the Treaty of the Lakes', 'Global Islamic
Politics' of 'Chair in Global Maritime Studies', 'fentanyl'). These functions join, split and
drop spans before kg/extract/mentions.py types them; the words they read are data
(``kg/data/entity_names.json``, the role lexicon, the gazetteer).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg import gazetteer
from kg.entity_names import (
    award_words,
    chair_words,
    connector_heads,
    known_name,
    name_complement_heads,
    name_part_titles,
    name_particles,
    opening_words,
    organisation_connectors,
    place_heads,
    ship_prefixes,
    title_phrase_ends,
    work_kinds,
    work_title_links,
)
from kg.extract.gender import given_names
from kg.lexicon import canonical_role, data_file, demonyms, initialisms, longest_role
from kg.model import EntityType
from kg.relations import name_kind, opening_kind

HOLDERS = {"ORG", "GPE", "NORP", "FAC", "LOC"}


def joined_ents(doc: Doc) -> list[Span]:
    """The recogniser's names with the halves of one name joined: a person's name around a
    particle ('Paolo' 'Di' 'Venti'), a name glued by a hyphen to capitals before it ('MPR-'
    'FDL'), and a campus after a university named for its state ('University of Wisconsin,
    Eau Claire')."""
    spans = _with_organisation_runs(doc, _with_kind_named(_with_subtitled_works(
        doc, _with_work_titles(_with_defined_long_forms(list(doc.ents))))))
    joined: list[Span] = []
    i = 0
    while i < len(spans):
        span = _glued_by_hyphen(spans[i])
        following = spans[i + 1] if i + 1 < len(spans) else None
        if following is not None and (_particle_between(span, following)
                                      or _particle_opens(span, following)
                                      or _campus_after(span, following)):
            joined.append(Span(doc, span.start, following.end, label=span.label_))
            i += 2
            continue
        if following is not None and _organisation_continues(span, following):
            joined.append(Span(doc, span.start, following.end, label="ORG"))
            i += 2
            continue
        if following is not None and _word_before_day_name(span, following):
            joined.append(Span(doc, span.start, following.end, label="EVENT"))
            i += 2
            continue
        if following is not None and _given_names_before_organisation(span, following):
            joined.append(Span(doc, span.start, following.end, label=following.label_))
            i += 2
            continue
        joined.append(_with_number(_with_possessive_place(_with_head_of_the(
            _with_complement(_with_unrecognised_head(_particle_before(span)))))))
        i += 1
    return _without_overlaps(joined)


_LONG_FORM_LINKS = frozenset({"of", "and", "for", "the", "on", "in", "&"})


def _with_defined_long_forms(spans: list[Span]) -> list[Span]:
    """'the Veltran Drama Academy (VDA)': the recogniser names the initials in brackets but
    often not the capitalised words before them that they spell (or only a piece of them,
    'Veltran'). Those words, when their capitals spell the initials, are the name the
    initials stand for, of the initials' kind (the long form an acronym defines)."""
    doc = spans[0].doc if spans else None
    found: list[Span] = []
    for span in spans:
        long_form = _long_form_before(span)
        if long_form is not None and not any(s.start <= long_form.start and
                                             s.end >= long_form.end for s in spans):
            found.append(long_form)
    if doc is None or not found:
        return spans
    kept = [s for s in spans if not any(s.start < f.end and f.start < s.end for f in found)]
    return sorted([*kept, *found], key=lambda s: s.start)


def _with_work_titles(spans: list[Span]) -> list[Span]:
    """'the 2012 documentary Echoes of Mr. Valdane': after a noun for a kind of creative work
    (``work_kinds``) the recogniser names a piece of the title ('Valdane', a person) or none of
    it. The title-case run the noun introduces is one title (a work of art) in place of the
    names inside it; a run that is one person's name alone ('the film Ada Lind made') is left
    as it was read."""
    if not spans:
        return spans
    titles = [t for t in (_work_title_after(k) for k in spans[0].doc if
                          k.lower_ in work_kinds() and k.is_lower) if t is not None]
    if not titles:
        return spans
    kept = [s for s in spans if not any(s.start < t.end and t.start < s.end for t in titles)]
    return sorted([*kept, *titles], key=lambda s: s.start)


def _work_title_after(kind: Token) -> Span | None:
    """The title-case run right after ``kind`` that the parser hangs ``kind`` on, with the
    small words (``work_title_links``) between its capitalised words, up to the sentence's
    end; None when there is none, or it is a person's name the recogniser read whole."""
    doc, start = kind.doc, kind.i + 1
    if start >= len(doc) or not _title_word(doc[start]):
        return None
    end, i = start + 1, start + 1
    while i < kind.sent.end:
        if _title_word(doc[i]):
            end = i = i + 1
        elif doc[i].lower_ in work_title_links() and i > start:
            i += 1
        else:
            break
    title = Span(doc, start, end, label="WORK_OF_ART")
    if not (kind.head.i in range(start, end) and kind.dep_ in {"compound", "nmod"}) and \
            not any(t.dep_ == "appos" and t.head.i == kind.i for t in title):
        return None
    if any(e.label_ == "PERSON" and e.start == start and e.end == end for e in doc.ents):
        return None
    return title


_MOST_TITLE_WORDS = 4  # on either side of the colon: 'Star Voyage: The Final Frontier'


def _with_subtitled_works(doc: Doc, spans: list[Span]) -> list[Span]:
    """'appeared in Harbour Knights: Iron Tide and ...': a title and its subtitle glued by a
    colon name one work, though the recogniser reads a piece of it or none of it ('Tide'
    alone, or the person 'Harbour'). The capitalised words before the colon and those after
    it that the parser hangs on the title as an apposition, ending before a word that is no
    noun or verb ('and', 'which', a stop), are the work's title in place of the pieces; not
    in a heading, and not a colon that opens a sentence ('told the Post: Harlow Council
    will close ...', where a verb or a noun follows)."""
    titles = [t for t in (_subtitled_work_at(c) for c in doc if c.text == ":")
              if t is not None]
    if not titles:
        return spans
    kept = [s for s in spans if not any(s.start < t.end and t.start < s.end for t in titles)]
    return sorted([*kept, *titles], key=lambda s: s.start)


def _subtitled_work_at(colon: Token) -> Span | None:
    """The work named around ``colon`` (``_with_subtitled_works``), or None."""
    doc, i = colon.doc, colon.i
    if i < 1 or i + 2 > len(doc) or doc[i - 1].whitespace_ or not colon.whitespace_ or \
            _title_case_line(colon.sent):
        return None
    start = i
    while start > colon.sent.start and i - start < _MOST_TITLE_WORDS and \
            _title_word_of_work(doc[start - 1]):
        start -= 1
    stop = i + 1
    while stop < colon.sent.end and stop - i <= _MOST_TITLE_WORDS and \
            _title_word_of_work(doc[stop]):
        stop += 1
    after = doc[stop] if stop < len(doc) else None
    if start == i or stop == i + 1 or stop - i > _MOST_TITLE_WORDS or (
            after is not None and (after.pos_ in {"NOUN", "PROPN", "VERB", "AUX", "NUM"}
                                   or after.text[:1].isupper())):
        return None
    if not any(t.dep_ == "appos" and start <= t.head.i < i for t in doc[i + 1:stop]) or \
            _title_goes_on(doc, stop):
        return None
    return Span(doc, start, stop, label="WORK_OF_ART")


def _title_goes_on(doc: Doc, stop: int) -> bool:
    """Whether the subtitle ending at ``stop`` goes on past a small word ('Perpetual Motif:
    The Art' 'of Lena Ray'), where its end is unsure; not a second title after 'and'
    ('Harbour Knights: Iron Tide and Harbour Knights: Last Watch')."""
    if stop + 1 >= len(doc) or doc[stop].lower_ not in _LONG_FORM_LINKS or \
            not doc[stop + 1].is_title:
        return False
    return not (doc[stop].lower_ in {"and", "&"} and
                any(t.text == ":" for t in doc[stop + 1:stop + 2 + _MOST_TITLE_WORDS]))


def _title_word_of_work(token: Token) -> bool:
    """A capitalised word of a title, not a date's ('Monday: Harlow ...') nor a sentence's
    first word."""
    return token.is_alpha and token.is_title and not token.is_sent_start and \
        token.ent_type_ not in {"DATE", "TIME"}


def _with_kind_named(spans: list[Span]) -> list[Span]:
    """'Tropical Depression Five formed', 'Hurricane Dorlan struck', 'Coastal Air flight 212
    landed': names that open with their kind (name_words.json 'openers') the recogniser reads
    as an organisation's or a person's, or not at all (a number word, 'Five', is no name to
    it), and a flight the recogniser reads as its airline and a number. Each is one name of
    its kind in place of the pieces: a storm or an operation an event, a flight a thing."""
    if not spans:
        return spans
    doc = spans[0].doc
    # Only a capitalised word outside the names read opens one (``_kind_named_at``'s first
    # test, made here once per document rather than once per token and name).
    inside = {i for s in spans for i in range(s.start + 1, s.end)}
    named = [n for n in (_kind_named_at(t, spans) for t in doc
                         if t.i not in inside and t.text[:1].isupper()) if n is not None]
    named += [f for f in (_flight_after(s) for s in spans) if f is not None]
    if not named:
        return spans
    kept = [s for s in spans if not any(s.start < n.end and n.start < s.end for n in named)]
    return sorted([*kept, *named], key=lambda s: s.start)


def _with_organisation_runs(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Cinema for Peace Foundation' read as 'Cinema' and 'Peace', or not at all: capitalised
    words joined by small words (name_words.json 'organisation_run_links') that end in or
    open with an organisation's kind word are one organisation, in place of the pieces the
    recogniser read inside it. Not when a name the recogniser read runs out of it, not in a
    headline (every word capitalised), and never across a comma, quote or sentence start."""
    sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    runs = [r for sent in sents if not _title_case_line(sent)
            for r in _organisation_runs(sent) if _replaces_pieces(r, spans)]
    if not runs:
        return spans
    kept = [s for s in spans if not any(s.start < r.end and r.start < s.end for r in runs)]
    return sorted([*kept, *runs], key=lambda s: s.start)


_MOST_RUN_WORDS = 8  # 'Society for the Protection of Coastal Birds and Wetlands'
_NOT_NAME_WORDS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                             "QUANTITY"})


def _organisation_runs(sent: Span) -> Iterator[Span]:
    """Each maximal run of capitalised words and links in ``sent`` that names an
    organisation (``_organisation_run``)."""
    i = sent.start
    while i < sent.end:
        end = _run_end(sent, i) if _run_word(sent.doc[i]) else i + 1
        # A run is no shorter after its leading role is cut; under three words it names no
        # organisation (``_organisation_run``), so no span is made for it.
        if end - i >= _LEAST_RUN_WORDS and _organisation_run(
                run := _without_leading_role(sent.doc[i:end])):
            yield Span(sent.doc, run.start, run.end, label="ORG")
        i = max(end, i + 1)


def _without_leading_role(run: Span) -> Span:
    """'Volunteers of Cinema for Peace Foundation', 'President of the Harlow Council': a role
    and the links after it open no organisation's name; the name is what follows them."""
    start = run.start
    while start < run.end and canonical_role(run.doc[start].lower_) is not None:
        start += 1
        while start < run.end and run.doc[start].lower_ in _run_links():
            start += 1
    return run.doc[start:run.end]


def _run_end(sent: Span, start: int) -> int:
    """Where the run of capitalised words and links opening at ``start`` ends: after its
    last capitalised word, before a link that may not join there (``_link_joins``)."""
    doc, end, i = sent.doc, start + 1, start + 1
    while i < sent.end and i - start < _MOST_RUN_WORDS:
        if _run_word(doc[i]):
            end = i = i + 1
        elif _link_joins(doc, start, i, sent.end):
            i += 1
        else:
            break
    return end


def _link_joins(doc: Doc, start: int, i: int, sent_end: int) -> bool:
    """Whether the small word at ``i`` joins the run opened at ``start`` to what follows:
    'the' after another link ('Bank of the West'); 'on' as the complement the parser hangs
    on the word before ('Council on Coastal Affairs'); 'and' after an 'of' or 'for' and
    before words with no kind word of their own ('Department of Health and Social Care',
    not 'Institute of Arts and Harlow University')."""
    word = doc[i].text  # a capitalised 'The' opens a name of its own ('The Daily Post')
    if word not in _run_links() or i + 1 >= sent_end:
        return False
    if word == "the":
        return doc[i - 1].lower_ in _run_links() and doc[i - 1].lower_ != "and"
    if word == "on":
        return opens_complement(doc[i])
    if word == "and":
        rest = _run_end(Span(doc, i + 1, sent_end), i + 1) if _run_word(doc[i + 1]) else i + 1
        return any(t.lower_ in {"of", "for"} for t in doc[start:i]) and \
            not any(_organisation_word(t) for t in doc[i + 1:rest])
    return _run_word(doc[i + 1]) or doc[i + 1].lower_ == "the"


def _run_word(token: Token) -> bool:
    """A capitalised word that may stand in an organisation's name: not a function word
    ('The' opening a sentence, 'For' in a heading) nor a date or a number, nor a common noun
    capitalised only because it opens the sentence ('Support for the Velmar Party came from
    ...' names the party, not a 'Support for the Velmar Party')."""
    if token.lower_ in _run_links() or (token.is_stop and not token.is_upper) or len(token) < 2:
        return False
    if token.is_sent_start and token.pos_ != "PROPN":
        return False
    return token.is_alpha and token.text[:1].isupper() and \
        token.ent_type_ not in _NOT_NAME_WORDS


_LEAST_RUN_WORDS = 3  # two capitalised words and a link


def _organisation_run(run: Span) -> bool:
    """Whether a run is one organisation's name: two capitalised words or more joined by a
    link, ending in or opening with a kind word of one."""
    if len(run) < _LEAST_RUN_WORDS or not any(t.text in _run_links() for t in run):
        return False
    return _organisation_word(run[-1]) or _organisation_word(run[0])


def _organisation_word(token: Token) -> bool:
    return name_kind(("", token.lower_)) is EntityType.ORGANIZATION


def _replaces_pieces(run: Span, spans: list[Span]) -> bool:
    """Whether the recogniser read the run in part or not at all: no name it read is the
    run itself or runs out of it ('Harlow University Press' beyond 'University'), and none
    inside it is a person or a people ('Ada Lind of Harlow University' is a person and her
    employer, 'Sunni Members of Parliament' no organisation), an organisation read whole
    (``_named_organisation``), nor a known place opening it ('the United States' 'House of
    Representatives': ``_with_unrecognised_head`` reads it)."""
    for span in spans:
        start = span.start + 1 if span[0].lower_ == "the" else span.start
        if not (start < run.end and run.start < span.end):
            continue
        if start < run.start or span.end > run.end or \
                (start == run.start and span.end == run.end) or \
                span.label_ in {"PERSON", "NORP"} or \
                (start == run.start and _place_name(span)) or \
                (span.end < run.end and _named_organisation(span)):
            return False
    return True


def _named_organisation(span: Span) -> bool:
    """Whether the recogniser read an organisation whole, its kind word first or last
    ('Institute of Botany', 'Harlow University'): a run going on after it would tie a
    second name or a place to it ('Institute of Botany of Harlow'), two names read as one."""
    words = span[1:] if span[0].lower_ == "the" and len(span) > 1 else span
    return span.label_ in {"ORG", "FAC"} and (
        _organisation_word(words[0]) or _organisation_word(words[-1]))


def _title_case_line(sent: Span) -> bool:
    """A heading ('Campaign For Clean Rivers Wins Award'), where capitals mark no name."""
    words = [t for t in sent if t.is_alpha and not t.is_stop]
    return len(words) >= 4 and all(t.text[:1].isupper() for t in words)


@cache
def _run_links() -> frozenset[str]:
    """name_words.json 'organisation_run_links'."""
    return frozenset(data_file("name_words.json").get("organisation_run_links", ()))


_MOST_WORDS_AFTER_OPENER = 4  # 'Tropical Storm X', 'Operation Enduring Harbour Shield'


def _kind_named_at(token: Token, spans: list[Span]) -> Span | None:
    """The name opening at ``token`` with a kind word (``opening_kind``), written with
    capitals up to the first word that is not ('Typhoon Ulo hit', 'Tropical Depression Five
    of 2019'), or None; not inside a name the recogniser read from an earlier word
    ('National Hurricane Center'), and not when a kind word ends it ('Hurricane Center'). A
    vessel's prefix (``ship_prefixes``) opens a vessel's name, a thing: 'MV Professor Anke
    Lorenz' is no professor the recogniser reads after an organisation 'MV'."""
    if not token.text[:1].isupper() or any(s.start < token.i < s.end for s in spans):
        return None
    end = token.i + 1
    while end - token.i <= _MOST_WORDS_AFTER_OPENER and \
            _name_goes_on(token.doc, end, token.sent.end):
        end += 1
    if token.text in ship_prefixes():  # 'MV Professor Anke Lorenz': the vessel, a thing
        named = end > token.i + 1 and not _named_without_prefix(token.doc[token.i + 1:end])
        return Span(token.doc, token.i, end, label="PRODUCT") if named else None
    words = tuple(t.lower_ for t in token.doc[token.i:end])
    if opening_kind(words) is None:  # 'Hurricane Tobrin Advisory Number 9' is no storm
        return None
    for stop in range(len(words), 1, -1):
        kind = opening_kind(words[:stop])
        if kind is not None and name_kind(words[:stop]) is kind:
            return Span(token.doc, token.i, token.i + stop, label=_KIND_LABELS[kind])
    return None


def _name_goes_on(doc: Doc, i: int, sent_end: int) -> bool:
    """Whether the word at ``i`` is part of a name opened before it: a capitalised word, or
    'of' before one ('Treaty of Varenna'), before ``sent_end``, the end of its sentence."""
    def capitalised(j: int) -> bool:
        return j < sent_end and doc[j].text[:1].isupper() and doc[j].is_alpha
    return capitalised(i) or (i < sent_end and doc[i].lower_ == "of" and capitalised(i + 1))


def _named_without_prefix(name: Span) -> bool:
    """Whether the document writes the vessel's name without its prefix elsewhere: a ship
    named for a person ('MV Ada Lind' after the 'Ada Lind' the article is about) would take
    every mention of the person for its own, so the names are left as the recogniser read
    them."""
    text = name.doc.text
    return text.count(name.text) > text.count(f"{name.doc[name.start - 1].text} {name.text}")


_KIND_LABELS = {EntityType.EVENT: "EVENT", EntityType.THING: "PRODUCT"}


def _flight_after(span: Span) -> Span | None:
    """'Coastal Air flight 212': an organisation's name, 'flight' and a number name a
    flight, a thing, not the airline."""
    doc = span.doc
    if span.label_ != "ORG" or span.end + 1 >= len(doc) or \
            doc[span.end].lower_ != "flight" or not doc[span.end + 1].like_num:
        return None
    return Span(doc, span.start, span.end + 2, label="PRODUCT")


def _title_word(token: Token) -> bool:
    """A word of a title-case run: capitalised and no sentence punctuation ('Mr.' is one)."""
    return token.text[:1].isupper() and (token.is_alpha or token.text.endswith("."))


def _long_form_before(span: Span) -> Span | None:
    """The capitalised words right before '(' + ``span`` + ')' whose capitals spell it."""
    doc, start = span.doc, span.start
    initials = span.text.replace(".", "")
    if span.label_ not in HOLDERS or len(span) != 1 or not initials.isalpha() or \
            not initials.isupper() or not 2 <= len(initials) <= 8 or start < 3 or \
            doc[start - 1].text != "(" or span.end >= len(doc) or doc[span.end].text != ")":
        return None
    end = start - 1
    capitals = ""
    i = end - 1
    while i >= 0 and len(capitals) < len(initials):
        token = doc[i]
        if token.is_alpha and token.text[:1].isupper():
            capitals = token.text[0].upper() + capitals
        elif token.lower_ not in _LONG_FORM_LINKS:
            return None
        i -= 1
    first = i + 1
    if capitals != initials or end - first < 2:
        return None
    return Span(doc, first, end, label=span.label_)


def opens_complement(token: Token) -> bool:
    """Whether a preposition opens the complement of a head that takes one in its name
    ('on' of 'Select Committee on Harbour Safety'): part of the name, not a split point."""
    return token.lower_ in {"on", "for", "of"} and token.head.i == token.i - 1 and \
        token.head.lower_ in name_complement_heads() and token.head.text[:1].isupper()


def _particle_opens(first: Span, second: Span) -> bool:
    """'Nour El Din' 'Ben Yahia': a person name right after another, with nothing but a
    space between, that opens with a capitalised name particle ('Ben', 'bin', 'van') is the
    second half of one name."""
    doc = first.doc
    return first.label_ == "PERSON" and second.label_ == "PERSON" and \
        second.start == first.end and len(second) >= 2 and \
        second[0].lower_ in name_particles() and second[0].text[:1].isupper() and \
        doc[first.end - 1].whitespace_ == " "


def _organisation_continues(first: Span, second: Span) -> bool:
    """'the Veltrian League' 'for the Defence of Coastal Fisheries': an organisation's span
    ending in its kind word ('league', 'party'; ``connector_heads``: 'state'), a connector of
    ``organisation_connectors`` and a capitalised name that is no person are one organisation
    cut in two. Not a title ('Minister' is no kind word), nor two organisations joined by
    'and' ('Ostervang Farmers Union and the Veltria Miners Federation': 'and' joins only
    after an 'of' or 'for' in the first half, and not before a name with a kind word
    of its own)."""
    doc = first.doc
    if first.label_ not in {"ORG", "NORP"} or second.label_ not in HOLDERS:
        return False
    between = [t.lower_ for t in doc[first.end:second.start]]
    tail = second
    if tail[0].lower_ == "the" and len(tail) > 1:
        between.append("the")
        tail = tail[1:]
    when = organisation_connectors().get(" ".join(between))
    if when is None or not tail[0].text[:1].isupper():
        return False
    head = first[-1]
    if when == "after_of":  # the kind word is the one before the first half's 'of'
        inner = next((t for t in first[1:] if t.lower_ in {"of", "for"}), None)
        if inner is None or name_kind(("", *(t.lower_ for t in tail))) is not None:
            return False  # '... Federation of Trade Unions and the Veltria Miners Federation'
        head = doc[inner.i - 1]
    return head.lower_ in connector_heads() or \
        name_kind(("", head.lower_)) is EntityType.ORGANIZATION


def _given_names_before_organisation(person: Span, org: Span) -> bool:
    """'the Ada and Otto Sandvold Foundation' read as the person 'Ada' and the organisation
    'Otto Sandvold Foundation': given names joined by 'and' to an organisation that opens
    with a given name and ends with a kind word are the people it is named after, inside one
    name."""
    doc = person.doc
    return person.label_ == "PERSON" and org.label_ == "ORG" and \
        org.start == person.end + 1 and doc[person.end].lower_ in {"and", "&"} and \
        all(t.lower_ in given_names() for t in person) and \
        org[0].lower_ in given_names() and \
        name_kind(tuple(t.lower_ for t in org)) is EntityType.ORGANIZATION


def _word_before_day_name(word: Span, day: Span) -> bool:
    """'Super' 'Tuesday', 'Black' 'Friday': the recogniser reads the day as a date and the
    word before it as a name of its own; the two are one named day, an event (a person's
    name before a day, 'Marsh Tuesday said', is no such word: see ``_before_day_name``)."""
    return day.label_ in {"DATE", "TIME"} and len(day) == 1 and day.start == word.end and \
        _before_day_name(word)


_POSSESSIVE_OPENERS = frozenset({"PERSON", "GPE", "LOC", "FAC"})


def _with_possessive_place(span: Span) -> Span:
    """'Martha's Vineyard' read as the person 'Martha' (or 'Hilton's Island' as two places):
    a name, ''s' and capitalised proper nouns ending in a place's kind word ('island',
    'lake': name_words.json 'place', or 'possessive_place_heads': 'vineyard', 'end') are
    one place, as is any such run the gazetteer knows whole ('King's Lynn'). Not after an
    organisation or a place the gazetteer knows ('Apple's Bay Campus', 'Norway's Lake
    District' are genitives: the owner and the thing owned)."""
    doc, end = span.doc, span.end
    if span.label_ not in _POSSESSIVE_OPENERS or end + 1 >= len(doc) or \
            doc[end].lower_ not in {"'s", "’s"} or doc[end - 1].whitespace_:
        return span
    stop = end + 1
    while stop < len(doc) and doc[stop].pos_ == "PROPN" and doc[stop].is_title and \
            doc[stop].ent_type_ not in {"DATE", "TIME", "PERSON", "ORG"}:
        stop += 1
    if stop == end + 1:
        return span
    whole = doc[span.start:stop].text
    if gazetteer.lookup(whole) is not None:
        return Span(doc, span.start, stop, label="GPE")
    if _place_name(span) or not _possessive_place_head(doc[stop - 1].lower_):
        return span
    return Span(doc, span.start, stop, label="LOC")


_NUMBERED = frozenset({"ORG", "GPE", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_NAME_NUMBER = re.compile(r"\d{1,3}[A-Z]?")


def _with_number(span: Span) -> Span:
    """'U.S. Route 41' read as 'U.S. Route', 'the Harbour Line 7' as 'Harbour Line': the
    recogniser leaves out a number that ends a name. A short number (no year: 'Tokyo 2020'
    stays apart) right after a name whose last word is capitalised, and that the parser hangs
    on that word, is the name's own number; a number the parser hangs on a noun after it
    counts that noun ('Harlow 300 workers', 'the Apollo 11 crew' is left as read), and a
    person's name takes none. Nor does a name that has a number already ('GMT 21 Apr' '94'),
    a country or state the gazetteer knows (a table's 'Portland, Maine 11 fair', a date line's
    'Russia 21 Apr 94'), or a number that opens a date going on after it."""
    doc, end = span.doc, span.end
    if span.label_ not in _NUMBERED or end >= len(doc) or not span[-1].whitespace_ or \
            any(t.like_num for t in span) or _place_name(span) or \
            (end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I"):
        return span
    last, number = span[-1], doc[end]
    if not (last.is_title and last.is_alpha and _NAME_NUMBER.fullmatch(number.text)
            and number.head.i == last.i and number.dep_ in {"nummod", "appos", "npadvmod",
                                                             "compound", "nmod"}):
        return span
    return Span(doc, span.start, end + 1, label=span.label_)


def _possessive_place_head(word: str) -> bool:
    """Whether ``word`` ends a place's name that has a possessive inside it."""
    return name_kind(("", word)) is EntityType.PLACE or word in _possessive_place_heads()


@cache
def _possessive_place_heads() -> frozenset[str]:
    """name_words.json 'possessive_place_heads'."""
    return frozenset(data_file("name_words.json").get("possessive_place_heads", ()))


def _with_head_of_the(span: Span) -> Span:
    """'the Treaty of the Lakes' read as the place 'Lakes': the capitalised word the recogniser
    left out before 'of the' (``_end_of_longer_name``) opens the name, which is the whole
    'X of the Y' (an organisation when its head is a kind word of one, 'Bank of the West',
    otherwise a thing), not its last word."""
    words = span[1:] if span[0].lower_ == "the" and len(span) > 1 else span
    if not _end_of_longer_name(words):
        return span
    head = span.doc[words.start - 3]
    label = "ORG" if name_kind(("", head.lower_)) is EntityType.ORGANIZATION else "WORK_OF_ART"
    return Span(span.doc, head.i, span.end, label=label)


def _with_complement(span: Span) -> Span:
    """'the United States House Select Committee on Harbour Safety' read without 'on Harbour
    Safety': after a head that takes a complement in its name (``name_complement_heads``:
    committee, commission, ...) the preposition the parser attaches to that head and the capitalised
    words after it (a 'the' before them, an 'of' or 'for' between them: 'Committee for the
    Protection of Journalists') are part of the name; not a date ('the committee on Monday')."""
    doc = span.doc
    end = span.end
    if span.label_ != "ORG" or end + 1 >= len(doc) or not (
            opens_complement(doc[end]) or _unnamed_of_after_kind(span)):
        return span
    start = end + 1
    if start + 1 < len(doc) and doc[start].lower_ == "the" and _name_word(doc[start + 1]):
        start += 1  # 'Committee for the Protection of Journalists'
    stop = start
    while stop < len(doc) and (_name_word(doc[stop]) or (
            stop > start and doc[stop].lower_ in {"of", "for"} and stop + 1 < len(doc)
            and _name_word(doc[stop + 1]))):
        stop += 1
    return span if stop == start else Span(doc, span.start, stop, label=span.label_)


def _with_unrecognised_head(span: Span) -> Span:
    """'the United States' 'House of Representatives': the recogniser often ends an
    organisation or place at the country that opens a longer name and leaves the rest
    unnamed. Capitalised proper nouns right after it that the parser makes the head of its
    last word, and none of which the recogniser names, are the rest of that name, with an
    'of' and capitalised words the parser hangs on the new head ('of Representatives').
    Only after a place the gazetteer knows; not a role ('US President'), which names a
    person's office, not an organisation."""
    doc, end = span.doc, span.end
    if span.label_ not in {"ORG", "GPE"} or not _place_name(span):
        return span  # 'told MSNBC Hollis ...': after a broadcaster, a person's name
    while end < len(doc) and doc[end - 1].dep_ == "compound" and \
            doc[end - 1].head.i == end and _name_word(doc[end]) and not doc[end].ent_type_ \
            and doc[end].is_title and not canonical_role(doc[end].lower_):
        end += 1
    if end == span.end:
        return span
    head = doc[end - 1]
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end].head.i == head.i:
        stop = end + 1
        while stop < len(doc) and _name_word(doc[stop]) and not doc[stop].ent_type_:
            stop += 1
        end = stop if stop > end + 1 else end
    kind = name_kind(("", head.lower_))
    label = span.label_ if kind is EntityType.PLACE else "ORG"
    return Span(doc, span.start, end, label=label)


def _place_name(span: Span) -> bool:
    """Whether a span, without its 'the', is a place the gazetteer knows, by name or by its
    initials ('US')."""
    words = span[1:] if span[0].lower_ == "the" else span
    text = initialisms().get(words.text, words.text)
    return gazetteer.lookup(text) is not None


def _unnamed_of_after_kind(span: Span) -> bool:
    """'Progressive Party' 'of Working People': an organisation's span ending in its kind
    word ('party', 'league', 'union': kg/data/name_words.json), then the 'of' the parser
    hangs on that word and capitalised words the recogniser gave no name of their own, are
    one name. A place after the 'of' stays apart ('Apple Inc. of Cupertino')."""
    doc, end = span.doc, span.end
    head = doc[end - 1]
    if doc[end].lower_ != "of" or doc[end].head.i != head.i or not head.text[:1].isupper() \
            or name_kind(("", head.lower_)) is not EntityType.ORGANIZATION:
        return False
    after = end + 1
    if after < len(doc) and doc[after].lower_ == "the":
        after += 1
    return after < len(doc) and _name_word(doc[after]) and not doc[after].ent_type_


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and \
        token.ent_type_ not in {"DATE", "TIME", "PERSON"}


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _particle_between(first: Span, second: Span) -> bool:
    """'Paolo' 'Di' 'Venti': two person names with only a name particle between them."""
    doc = first.doc
    return first.label_ == "PERSON" and second.label_ == "PERSON" and \
        second.start == first.end + 1 and doc[first.end].lower_ in name_particles() and \
        doc[first.end].text[:1].isupper() and doc[first.end - 1].whitespace_ == " "


def _particle_before(span: Span) -> Span:
    """'Paolo Di' + 'Venti' read as the person 'Venti': a capitalised particle and a given name
    right before a lone person name are part of it."""
    doc, start = span.doc, span.start
    if span.label_ != "PERSON" or start < 2:
        return span
    particle, given = doc[start - 1], doc[start - 2]
    if particle.lower_ in name_particles() and particle.text[:1].isupper() and \
            given.is_title and given.pos_ == "PROPN" and not given.ent_type_ and \
            given.lower_ in given_names():
        return Span(doc, start - 2, span.end, label=span.label_)
    return span


def _glued_by_hyphen(span: Span) -> Span:
    """'PDK-ULR' read as 'ULR': capitals joined to the name by a hyphen with no space are
    the start of the same name (not 'pro-Kremlin': only a capitalised word joins; nor a
    party letter, 'R-Utah')."""
    doc, start = span.doc, span.start
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and \
            not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isupper() and \
            doc[start - 2].is_alpha and len(doc[start - 2]) >= 2:
        start -= 2
    return span if start == span.start else Span(doc, start, span.end, label=span.label_)


def _campus_after(org: Span, place: Span) -> bool:
    """'University of Wisconsin, Eau Claire': a university named 'of' a state or country,
    a comma, and a place: the place names the campus, not a mention of the city."""
    doc = org.doc
    words = [t.lower_ for t in org]
    return org.label_ == "ORG" and place.label_ in {"GPE", "LOC"} and \
        place.start == org.end + 1 and doc[org.end].text == "," and \
        any(w in {"university", "college", "institute"} for w in words) and "of" in words and \
        gazetteer.can_contain(doc[org.end - 1].text) and \
        not (place.end < len(doc) and doc[place.end].pos_ == "PROPN")


def split_role_inside(ent: Span) -> Iterator[Span]:
    """'United States Representative Dana Whitfield' read as one organisation: a holder
    (a known place or initialism), a role from the role lexicon, and a name after it are the
    holder and the person; the role words are left out (mentions.py reads them as the
    person's title)."""
    doc = ent.doc
    if ent.label_ not in HOLDERS or len(ent) < 3:
        yield ent
        return
    for i in range(1, len(ent) - 1):
        lead = ent[:i]
        if not _holder_name(lead.text):
            continue
        for size in range(min(longest_role(), len(ent) - i - 1), 0, -1):
            role, rest = ent[i:i + size], ent[i + size:]
            if role[0].text[:1].isupper() and canonical_role(role.text.lower()) and \
                    all(t.pos_ == "PROPN" and t.is_title for t in rest) and \
                    (len(rest) >= 2 or rest[0].lower_ in given_names()):
                yield Span(doc, lead.start, lead.end, label=ent.label_)
                yield Span(doc, rest.start, rest.end, label="PERSON")
                return
    yield ent


def cut_role_lead(ent: Span, nouns: frozenset[str]) -> Iterator[Span]:
    """'Broadcaster Lena Marsh', 'Detective Constable Ana Ruiz' read as one name: role words
    (the role lexicon) before a full name are the person's title, not part of the name; so is
    a common noun capitalised only because it opens the sentence ('Lead Paul Kim talked'; the
    document writes 'lead' lower case elsewhere, ``nouns`` as ``_capitalised_noun`` reads them).
    The name left must be two words or more of capitals; an organisation the recogniser made
    of it is a person only when that name opens with a given name. Titles written as part of a
    name ('Pope Clement', ``name_part_titles``) stay."""
    if ent.label_ not in {"PERSON", "ORG"} or len(ent) < 3:
        yield ent
        return
    for size in range(min(longest_role(), len(ent) - 2), 0, -1):
        lead, rest = ent[:size], ent[size:]
        if _role_lead(lead, nouns) and _full_name(rest) and \
                (ent.label_ == "PERSON" or rest[0].lower_ in given_names()):
            yield Span(ent.doc, rest.start, rest.end, label="PERSON")
            return
    yield ent


def _role_lead(lead: Span, nouns: frozenset[str]) -> bool:
    if not all(t.is_alpha and t.text[:1].isupper() for t in lead) or \
            lead[0].lower_ in name_part_titles() or lead[0].lower_ in given_names():
        return False
    if canonical_role(lead.text.lower()):
        return True
    return len(lead) == 1 and lead.start == lead.sent.start and lead[0].lower_ in nouns


def _full_name(rest: Span) -> bool:
    """Two words or more, each capitalised or a hyphen or full stop inside the name
    ('Sun-Hyung', 'J. Doe'), opening with a capitalised proper noun that is no role word
    ('Constable Brandt' after 'Detective' is still a title and a surname)."""
    words = [t for t in rest if t.is_alpha]
    return len(words) >= 2 and rest[0].pos_ == "PROPN" and rest[0].is_title and \
        not canonical_role(rest[0].lower_) and \
        all(t.text[:1].isupper() or t.text in {"-", "."} for t in rest)


def _holder_name(text: str) -> bool:
    return gazetteer.lookup(text) is not None or text in initialisms() or \
        known_name(text) is not None


def split_person_of_place(ent: Span) -> Iterator[Span]:
    """'Rep. Lena Kealoha of Hawaii' read as one organisation: a given name and a surname (or
    a name after a role), 'of', and a place the gazetteer knows are a person and where she
    is from; so is a surname the document gave in full before, 'of' and a capitalised name
    ('Corder of R-SEAS' after 'Sam Corder'), a person and where he works."""
    doc = ent.doc
    words = [t.lower_ for t in ent]
    if ent.label_ not in {"ORG", "PERSON"} or "of" not in words:
        yield ent
        return
    at = ent.start + words.index("of")
    person, place = doc[ent.start:at], doc[at + 1:ent.end]
    if len(person) == 1 and len(place) and _surname_named_before(person[0]) and \
            place[0].text[:1].isupper():
        # 'lead authors, Corder of R-SEAS and ...' after 'Sam Corder': the surname, then
        # where he works ('of R-SEAS'), an organisation unless the gazetteer knows a place.
        yield Span(doc, person.start, person.end, label="PERSON")
        yield Span(doc, place.start, place.end,
                   label="GPE" if gazetteer.lookup(place.text) is not None else "ORG")
        return
    titled = ent.start > 0 and canonical_role(doc[ent.start - 1].lower_) is not None
    if 2 <= len(person) <= 3 and (person[0].lower_ in given_names() or titled) and \
            all(t.is_title for t in person) and len(place) and \
            (gazetteer.lookup(place.text) is not None or gazetteer.region_countries(place.text)):
        yield Span(doc, person.start, person.end, label="PERSON")
        yield Span(doc, place.start, place.end, label="GPE")
        return
    yield ent


def _surname_named_before(token: Token) -> bool:
    """Whether the document names a person of two words or more ending in this word before
    it ('Sam Corder' ... 'Corder')."""
    return token.is_title and any(
        e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == token.text and e.end <= token.i
        for e in token.doc.ents)


def split_acronym_lead(ent: Span) -> Iterator[Span]:
    """'told NPR Fadil bin Saleh had ...': an initialism glued to a person's name after it
    (a given name or an Arabic 'bin'/'ibn' says so) is an organisation and a person."""
    doc = ent.doc
    if ent.label_ not in {"ORG", "PERSON"} or len(ent) < 3:
        yield ent
        return
    head, rest = ent[0], ent[1:]
    if head.is_alpha and head.text.isupper() and 2 <= len(head.text) <= 6 and \
            rest[0].is_title and (rest[0].lower_ in given_names() or
                                  any(t.lower_ in {"bin", "ibn", "bint"} for t in rest)):
        label = "GPE" if _holder_name(head.text) and gazetteer.lookup(
            known_name(head.text) or head.text) is not None else "ORG"
        yield Span(doc, head.i, head.i + 1, label=label)
        yield Span(doc, rest.start, rest.end, label="PERSON")
        return
    yield ent


def split_place_lead(ent: Span) -> Iterator[Span]:
    """'Vermont Gil Thorne' read as one person: a country or a state (the gazetteer's
    larger places) glued before a name of two or three capitalised words is where the
    person is from or serves, and the person. A town is left alone, since many
    share a surname or a given name ('Sydney', 'Austin'); so is a lead that is itself a given
    name ('Georgia Ann Reyes'). The recogniser may call the whole an organisation ('Senator
    from Velora Gil Thorne'); then the words after the place must open with a given name,
    or a firm named for its state ('Texas Roadhouse Grill') would be split."""
    doc = ent.doc
    if ent.label_ not in {"PERSON", "ORG", "GPE"} or len(ent) < 3:
        yield ent
        return
    for size in (2, 1):
        lead, rest = ent[:size], ent[size:]
        place = gazetteer.lookup(lead.text)
        if place is None or gazetteer.rank(place) > 1 or not 2 <= len(rest) <= 3 or \
                lead[0].lower_ in given_names() or gazetteer.lookup(rest[0].text) or \
                not all(t.pos_ == "PROPN" and (t.is_title or t.text.endswith("."))
                        for t in rest) or \
                (ent.label_ != "PERSON" and not (_person_words(rest) or _after_role_of(ent))):
            continue
        yield Span(doc, lead.start, lead.end, label="GPE")
        yield Span(doc, rest.start, rest.end, label="PERSON")
        return
    yield ent


def _person_words(words: Span) -> bool:
    """Whether capitalised words are a person's name: they open with a given name, or the
    document names a person by their last word elsewhere ('Thorne said')."""
    last = words[-1]
    return words[0].lower_ in given_names() or any(
        e.label_ == "PERSON" and e[-1].text == last.text and not e.start <= last.i < e.end
        for e in words.doc.ents)


def _after_role_of(ent: Span) -> bool:
    """'Senator from Velora ...', 'Governor of Ostland ...': a role and 'from' or 'of' right
    before a span that opens with a place: the role's holder is named after the place,
    unless a kind word makes the whole a body ('president of Ohio State University')."""
    doc, start = ent.doc, ent.start
    return start >= 2 and doc[start - 1].lower_ in {"from", "of"} and \
        canonical_role(doc[start - 2].lower_) is not None and \
        name_kind(tuple(t.lower_ for t in ent)) is None


def split_at_bracket(ent: Span) -> Iterator[Span]:
    """'National Harbour Office (NHO' read as one name: a bracket inside a name ends it; the
    words inside the brackets (initials, another name) are a name of their own."""
    doc = ent.doc
    opening = next((t.i for t in ent[1:] if t.text == "("), None)
    if opening is None:
        yield ent
        return
    yield Span(doc, ent.start, opening, label=ent.label_)
    inside = opening + 1
    closing = next((t.i for t in doc[inside:ent.end] if t.text == ")"), ent.end)
    if closing > inside:
        yield Span(doc, inside, closing, label=ent.label_)


@cache
def _span_breaks() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The dashes, spaced hyphens and second-name openers of name_words.json 'span_breaks'."""
    breaks = data_file("name_words.json").get("span_breaks", {})
    return (frozenset(breaks.get("dashes", ())), frozenset(breaks.get("spaced_hyphens", ())),
            frozenset(breaks.get("second_name_openers", ())))


def split_at_break(ent: Span) -> Iterator[Span]:
    """'Harlow Dairy — Velmar Poland', 'Ferris Group - Quint Logistics', 'Radio Sarnia the
    Harbour Authority': the recogniser runs two names into one across a dash, a line break or
    a lower-case 'the' that opens the second. Such a mark ends the first name and the words
    after it are a name of their own, unless the data knows the whole as one name. A hyphen
    glued to its words ('CNDD-FDD') and a 'the' after a name's preposition or conjunction
    ('Bank of Ostland and the Isles') are inside one name."""
    if ent.label_ in {"DATE", "TIME", "MONEY", "CARDINAL", "QUANTITY", "PERCENT"} or \
            known_name(ent.text) or gazetteer.lookup(ent.text) is not None:
        yield ent
        return
    start = ent.start
    for token in ent:
        if token.i <= start or token.i >= ent.end - 1 or not _breaks_name(ent, token):
            continue
        if token.i > start:
            yield Span(ent.doc, start, token.i, label=ent.label_)
        start = token.i if _opens_second_name(token) else token.i + 1
    yield Span(ent.doc, start, ent.end, label=ent.label_)


def _breaks_name(ent: Span, token: Token) -> bool:
    """Whether ``token``, inside ``ent`` between two of its words, ends one name there."""
    doc = ent.doc
    dashes, spaced, _ = _span_breaks()
    before, after = doc[token.i - 1], doc[token.i + 1]
    if token.is_space:
        return "\n" in token.text
    if token.text in dashes:
        return True
    if token.text in spaced:
        return bool(before.whitespace_) and bool(token.whitespace_)
    return _opens_second_name(token) and before.is_alpha and before.text[:1].isupper() and \
        before.lower_ not in NAME_LINKS and after.text[:1].isupper() and \
        not (ent.label_ == "PERSON" and token.i + 2 >= ent.end)  # 'Ivan the Terrible'


def _opens_second_name(token: Token) -> bool:
    """A lower-case word ('the') that opens the second of two names run together; it stays
    with the second name (a later trim drops an article)."""
    return token.text in _span_breaks()[2]


# Lower-case words a name runs on across ('Bosnia and the Herzegovina Fund', 'Kingdom of
# the Isles'): a 'the' after them is inside one name.
NAME_LINKS = frozenset({"of", "and", "for", "in", "on", "at", "to", "from", "with", "by", "or",
                        "upon", "de", "del", "la", "le"})


def split_hyphen_pair(ent: Span) -> Iterator[Span]:
    """'the Halvorsen-Ukraine ties', 'Smith-Peru talks': two names joined by a hyphen before a
    noun name a pair, not one place or body. When one half is a country or a state and the
    whole is no name the gazetteer knows ('Guinea-Bissau', 'Austria-Hungary' stay), the
    halves are a place and a name of their own (a person's, unless the gazetteer knows it)."""
    doc = ent.doc
    hyphens = [t for t in ent if t.text == "-" and not t.whitespace_]
    if len(hyphens) != 1 or ent.label_ not in HOLDERS | {"PERSON"} or \
            gazetteer.lookup(ent.text) is not None or known_name(ent.text) is not None or \
            not _attributive(ent):
        yield ent
        return
    at = hyphens[0].i
    halves = [doc[ent.start:at], doc[at + 1:ent.end]]
    places = [gazetteer.lookup(h.text) for h in halves]
    if not all(len(h) and all(t.is_title for t in h) for h in halves) or \
            doc[at - 1].whitespace_ or not any(_country_or_state(h.text) for h in halves):
        yield ent
        return
    for half, place in zip(halves, places, strict=True):
        yield Span(doc, half.start, half.end, label="GPE" if place is not None else "PERSON")


def _country_or_state(name: str) -> bool:
    """A country or a state by the gazetteer, written out or as its initialism ('US')."""
    place = gazetteer.lookup(initialisms().get(name, name))
    return place is not None and gazetteer.rank(place) <= 1


def names_a_pair(text: str) -> bool:
    """'Halvorsen-Ukraine', 'US-China': capitalised names glued by hyphens, one of them a country
    or a state, name the two sides of a call, a deal or a scandal, not one body or place of
    that whole name. A whole the gazetteer or the name data knows ('Guinea-Bissau',
    'Bosnia-Herzegovina') is one name."""
    parts = text.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts) or \
            gazetteer.lookup(text) is not None or known_name(text) is not None:
        return False
    return any(_country_or_state(p) for p in parts)


def opens_no_name(token: Token) -> bool:
    """A capitalised word read into the start of a name that is no part of it: a preposition
    opening the sentence ('Unlike Senators, who ...') or the end of an honorific phrase
    after 'of' ('Guests of Honour Edna Pryce'), by ``opening_words`` and
    ``title_phrase_ends``."""
    if token.lower_ in opening_words():
        return True
    doc = token.doc
    return token.lower_ in title_phrase_ends() and token.i >= 2 and \
        doc[token.i - 1].lower_ == "of" and doc[token.i - 2].text[:1].isupper()


def without_openers(span: Span) -> Span:
    """The span without the words ``opens_no_name`` reads at its start; a span of nothing
    else stays as it is (the caller's other checks judge it)."""
    start = span.start
    while start < span.end - 1 and opens_no_name(span.doc[start]):
        start += 1
    return span if start == span.start else Span(span.doc, start, span.end, label=span.label_)


def split_town_region(ent: Span) -> Iterator[Span]:
    """'Vellumpuram, Kerala', 'Cedar City, Utah' read as one place: a town, a comma and the
    country, US state or province it lies in are two places, as the text writes them apart
    ('Paris, France' usually comes as two names). The part after the comma must be one the
    gazetteer or ISO 3166-2 knows as able to hold towns, and the part before it a
    capitalised name that is no larger place, so 'Washington, D.C.' and lists of countries
    ('France, Germany') stay as they are read."""
    doc = ent.doc
    commas = [t for t in ent if t.text == ","]
    if ent.label_ not in {"GPE", "LOC"} or len(commas) != 1 or \
            gazetteer.lookup(ent.text) is not None:
        yield ent
        return
    town, region = doc[ent.start:commas[0].i], doc[commas[0].i + 1:ent.end]
    inner, outer = gazetteer.lookup(town.text), gazetteer.lookup(region.text)
    holds = (outer is not None and gazetteer.rank(outer) <= 1) or \
        bool(gazetteer.region_countries(region.text))
    if not len(town) or not len(region) or not holds or \
            (inner is not None and gazetteer.rank(inner) <= 1) or \
            not all(t.is_title or not t.is_alpha for t in town):
        yield ent
        return
    yield Span(doc, town.start, town.end, label=ent.label_)
    yield Span(doc, region.start, region.end, label="GPE")


def _attributive(span: Span) -> bool:
    """Whether a span modifies a common noun after it ('Halvorsen-Ukraine ties')."""
    last = span[-1]
    head = last.head
    return last.dep_ in {"compound", "amod", "nmod"} and head.i >= span.end and \
        head.pos_ == "NOUN"


def cut_at_measure(ent: Span) -> Iterator[Span]:
    """'the storm Odalys 620 miles west of Bermuda' read as one person: a number followed by
    a lower-case word ('785 miles', '40 people') is a measure after the name, never part of it;
    a person's name takes no figure at all. Names that carry a number keep it ('Lost 52
    Project', 'Apollo 11'): there the number is followed by a capitalised word or ends it."""
    doc = ent.doc
    if ent.label_ not in HOLDERS | {"PERSON"}:
        yield ent
        return
    for token in ent[1:]:
        following = doc[token.i + 1] if token.i + 1 < ent.end else None
        if token.like_num and any(c.isdigit() for c in token.text) and (
                ent.label_ == "PERSON" or (following is not None and following.is_lower)):
            yield Span(doc, ent.start, token.i, label=ent.label_)
            return
    yield ent


def is_fragment(span: Span) -> bool:
    """Spans that name no entity of their own: no capital at all ('fentanyl', 'restraint'),
    a chair or its field ('Hallam Early Career' of '... Professor of Engineering', 'Chair
    In Global Maritime Studies'), a role alone ('a new National Security Advisor'), the end
    of an unnamed 'X of the Y' ('Lakes' of 'the Treaty of the Lakes'), or an adjective that opens a
    sentence before its noun ('Amateur researcher ...'), or the end of a capitalised phrase
    ('Mind Thistles' of the business 'Don't Mind Thistles')."""
    if not any(c.isupper() for c in span.text):
        return True
    return _chair(span) or _role_alone(span) or _end_of_longer_name(span) or \
        _opening_adjective(span) or _after_capitalised_negation(span) or \
        _demonym_alone(span) or _prefixed_descriptor(span) or _before_day_name(span) or \
        _title_before_name(span)


def _title_before_name(span: Span) -> bool:
    """'Harwick RCMP Constable Tom Lyle said': a span ending in a role word ('Constable')
    right before a person's name is that person's title, not a name of its own (the town
    in it is a place, no short form of a title)."""
    doc = span.doc
    return len(span) >= 2 and span.end < len(doc) and \
        canonical_role(span[-1].lower_) is not None and \
        doc[span.end].ent_type_ == "PERSON" and doc[span.end].ent_iob_ == "B"


# Dependencies of a word that modifies a noun ('the U.S. ambassador'), not heads a phrase.
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})


def _demonym_alone(span: Span) -> bool:
    """'the historic Welsh ex-hotel', 'the Tongan Prime Minister': a nationality adjective is
    no entity; it names its country, which facts read from it elsewhere. Not a demonym that is
    a place's own name too (the gazetteer knows it), nor a country's initialism standing as
    the head of its phrase ('researchers in the U.S.'), where it is the country's name."""
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > 2 or span.text.lower() not in demonyms():
        return False
    if span.text in initialisms() and span.root.dep_ not in MODIFIER_DEPS:
        return False
    return gazetteer.lookup(span.text) is None


_DESCRIPTOR_PREFIXES = ("non-", "anti-", "pro-", "ex-", "post-", "pre-", "pan-", "neo-")


def _prefixed_descriptor(span: Span) -> bool:
    """'non-Latino', 'anti-Brexit', 'pro-Kremlin': a lower-case prefix on a name makes a
    descriptor of something, not a name of anything."""
    return span.text.startswith(_DESCRIPTOR_PREFIXES)


_DAY_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday"})


def _before_day_name(span: Span) -> bool:
    """'Black' of 'Black Friday', 'Cyber' of 'Cyber Monday': the recogniser reads the day as
    a date and leaves the word before it as a name of its own; that word names nothing alone.
    A person's name before a day ('Marsh Tuesday said') is not cut off this way: only a
    one-word name the recogniser did not call a person."""
    if len(span) != 1 or span.label_ == "PERSON" or span.end >= len(span.doc):
        return False
    after = span.doc[span.end]
    return after.lower_ in _DAY_NAMES and after.text[:1].isupper() and bool(span[-1].whitespace_)


def _chair(span: Span) -> bool:
    doc = span.doc
    if len(span) >= 2 and _chair_word(span[0].lower_, span[1].lower_):
        return True  # 'Chair In Global Maritime Studies'
    start = span.start - (1 if span.start > 0 and doc[span.start - 1].lower_ == "the" else 0)
    if start >= 2 and doc[start - 2].text[:1].isupper() and \
            _chair_word(doc[start - 2].lower_, doc[start - 1].lower_):
        return True  # 'Professor of Engineering'
    end = span.end
    if end < len(doc) and _chair_word(span[-1].lower_, doc[end].lower_):
        return True  # 'Chair' cut from 'Chair In Global Maritime Studies'
    return end + 1 < len(doc) and doc[end].is_title and \
        _chair_word(doc[end].lower_, doc[end + 1].lower_)  # 'Hallam Professor of ...'


def _chair_word(word: str, preposition: str) -> bool:
    """'professor' before 'of', 'chair' before 'in': a chair, by ``chair_words``."""
    return preposition in {"of", "in"} and word in chair_words()["before_" + preposition]


def _role_alone(span: Span) -> bool:
    return span.label_ in HOLDERS and len(span) >= 2 and \
        canonical_role(span.text.lower()) is not None


def _end_of_longer_name(span: Span) -> bool:
    """'the Treaty of the Lakes': a capitalised word the recogniser left out, then 'of the', then
    the span; the span is the end of that longer name, unless the word is a role ('Mayor of
    London'), a title, or the head of a place's own name ('Republic of Ireland')."""
    doc = span.doc
    i = span.start - 2
    if i < 1 or doc[i + 1].lower_ != "the" or doc[i].lower_ != "of":
        return False  # without 'the' it may be a person's place: 'Sultan Rashid of Oman'
    head = doc[i - 1]
    return head.is_title and head.is_alpha and not head.ent_type_ and \
        head.i != head.sent.start and head.pos_ in {"PROPN", "NOUN"} and \
        head.lower_ not in place_heads() and canonical_role(head.lower_) is None and \
        name_kind(("", head.lower_)) is not EntityType.PLACE  # 'Gulf of Mexico'


def _after_capitalised_negation(span: Span) -> bool:
    doc, start = span.doc, span.start
    return start >= 2 and doc[start - 1].lower_ in {"n't", "n’t", "not"} and \
        doc[start - 2].text[:1].isupper() and not doc[start - 2].ent_type_


def _opening_adjective(span: Span) -> bool:
    doc = span.doc
    return len(span) == 1 and span.start == span.sent.start and span[0].tag_ == "JJ" and \
        span.end < len(doc) and doc[span.end].is_lower and doc[span.end].pos_ == "NOUN"


def names_a_thing(span: Span) -> bool:
    """A vessel ('USS Brantley', 'H.M.S. Victory') or an award ('Harmon Medal of Chemistry',
    'Pulitzer Prize'): a thing, whatever kind of name the recogniser took it for."""
    words = [t for t in span if not t.is_punct or t.text in ship_prefixes()]
    if len(words) >= 2 and words[0].text in ship_prefixes():
        return True
    lower = [t.lower_ for t in span if t.is_alpha]
    before_of = lower[:lower.index("of")] if "of" in lower else lower
    return bool(before_of) and before_of[-1] in award_words()
