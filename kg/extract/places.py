"""Where things are, as the text says it.

- a place in a place: 'Paris, France', 'Natchez, Miss.' -> locatedIn (the second is a country or
  a US state in the gazetteer, or an AP state abbreviation);
- an organisation in a place: "Oslo's Nordlys Ballet", 'Velmar in Kassel', 'X Inc. of
  Chicago', 'Boston-based X', 'X, based in Y' -> basedIn (a facility: locatedIn); a news
  outlet only from words that say where it is ('Boston-based', 'based in', 'headquarters'),
  never from its masthead ('Aegean Mail'), an 'X, Place' pair or 'the X in Y';
- people: 'was born in Y' -> bornIn; 'X, a native of Y', 'X of Chicago', 'X, from Ohio', and a
  demonym before a name with no role ('the American singer X') -> cameFrom; 'a resident of Y'
  -> livedIn. Living and working verbs come from the relation vocabulary;
- a country beside a country noun that names a continent ('Laos, an Asian nation', 'the first
  country in Africa') -> locatedIn that continent, when GeoNames agrees.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.datelines import is_citation_line
from kg.extract.datelines import source_line_facts
from kg.extract.facts import make_fact
from kg.extract.memo import per_document
from kg.extract.reference import as_place, referent
from kg.extract.state import DocState, make_mention, mention_end, mention_spans
from kg.extract.titles import demonym_mention
from kg.gazetteer import (
    can_contain,
    continent_holds,
    lies_in,
    lookup,
    rank,
    region_countries,
    region_within,
    town,
)
from kg.lexicon import (
    canonical_role,
    constituency_roles,
    noun_classes,
    organisation_kinds,
    person_nouns,
    place_words,
    state_abbreviations,
)
from kg.model import EntityType, Fact, Mention, Sentence
from kg.relations import load_vocabulary

ORG_PREPS = {"in", "of", "from"}


def person_place_nouns() -> dict[str, str]:
    """'native' -> cameFrom, 'home' -> livedIn, 'birthplace' -> bornIn (data/places.json)."""
    return {k: v for k, v in place_words()["person_place_nouns"].items() if k != "_comment"}


def residence_verbs() -> dict[str, str]:
    """'bear' -> bornIn, 'live' -> livedIn, in a clause on a name ('X, born in Y')."""
    return {k: v for k, v in place_words()["residence_verbs"].items() if k != "_comment"}


def organisation_place_nouns() -> dict[str, str]:
    """'headquarters' -> basedIn: a noun an organisation owns that is where it is based."""
    return {k: v for k, v in place_words()["organisation_place_nouns"].items() if k != "_comment"}


def organisation_verbs() -> dict[str, str]:
    """'headquarter' -> basedIn, for 'X is headquartered in Y'."""
    return {k: v for k, v in place_words()["organisation_verbs"].items() if k != "_comment"}


@cache  # asked for every token of every sentence: one set per section, not one a call
def _words(section: str) -> frozenset[str]:
    return frozenset(place_words()[section]["words"])


@cache
def _organisation_nouns() -> frozenset[str]:
    """``organisation_words`` and ``organisation_kinds`` together, joined once."""
    return organisation_words() | organisation_kinds()


def organisation_words() -> frozenset[str]:
    """Words that make 'the Greek ___ X' an organisation whatever the recogniser said
    (places.json organisation_description_words: 'producer', 'site' and the like)."""
    return _words("organisation_description_words")


def place_facts(state: DocState, sentence: Sentence, sent: Span) -> Iterator[Fact]:
    if is_citation_line([t.text for t in sent if not t.is_space]):
        # 'LD0706183794 Riga Radio Riga Network in Latvian 1700 GMT 7 Jun 94': the outlet's
        # city is all the line says; read as prose, 'GMT' and 'Jun' would be places.
        yield from source_line_facts(state, sentence, sent)
        return
    spans = list(mention_spans(state, sent))
    facts = [*_place_in_place(state, sentence, sent, spans),
             *_place_in_named_place(state, sentence, spans),
             *_where_clauses(state, sentence, spans),
             *_described_places(state, sentence, spans),
             *_organisations(state, sentence, sent, spans),
             *_people(state, sentence, spans),
             *_unnamed_people_from(state, sentence, sent),
             *_homes(state, sentence, sent),
             *_continent_of_country(state, sentence, spans),
             *source_line_facts(state, sentence, sent)]
    facts = [_as_site(f) for f in facts]
    yield from facts
    placed = {f.subject.mention.start for f in facts if f.predicate == "locatedIn"}
    yield from _gazetteer_nesting(state, sentence, spans, placed)


def _fact(state: DocState, sentence: Sentence, trigger: Span, predicate: str, subject: Mention,
          obj: Mention, rule: str) -> Fact:
    return make_fact(state, sentence, trigger, predicate=predicate, lemma=predicate,
                     subject=subject, obj=obj, rule=rule, roles=())


def _place_in_place(state: DocState, sentence: Sentence, sent: Span,
                    spans: list[tuple[Span, Mention]]) -> Iterator[Fact]:
    """'Paris, France' and 'Natchez, Miss.': a place, a comma, a place that contains it. A
    name the recogniser typed otherwise is a town when the gazetteer knows it ('CARACAS,
    Venezuela'); a facility or an organisation so placed ('Camp Butner, N.C.', 'Acme
    Corp., Dallas, Texas') lies or is based there."""
    doc = sent.doc
    for span, mention in spans:
        comma = after_aside(doc, span.end, sent.end)
        if comma + 1 >= sent.end or doc[comma].text != ",":
            continue
        predicate = "locatedIn"
        if mention.type is not EntityType.PLACE:
            if mention.type in {EntityType.ORGANIZATION, EntityType.PERSON} and \
                    lookup(mention.text) is not None:
                mention = mention.model_copy(update={"type": EntityType.PLACE})
            elif mention.type is EntityType.ORGANIZATION and not news_outlet(mention):
                predicate = "basedIn"
            else:
                continue
        after = doc[comma + 1]
        outer = state.mention_at.get(after.i)
        abbreviation = state_abbreviation(after)
        if abbreviation is not None and (outer is None or outer.text.lower() == after.lower_):
            outer = make_mention(state, doc[after.i:after.i + 1], EntityType.PLACE,
                                 ner_label="GPE").model_copy(update={"text": abbreviation})
            if after.i == sent.end - 1 and after.text.endswith("."):
                # 'born in Natchez, Miss.' at the end: the period also ends the sentence.
                outer = outer.model_copy(update={"end": outer.end - 1})
        elif outer is None or outer.type is not EntityType.PLACE or not (
                can_contain(outer.text) or _in_region(mention.text, outer.text) is True or
                ((predicate == "basedIn" or _building(mention)) and
                 _town_state(state, after)) or
                (predicate == "locatedIn" and _district_of_city(mention.text, outer.text))):
            continue
        if outer is mention or not _nests(mention.text, outer.text) or (
                _in_a_list(state, doc, span, after) if predicate == "locatedIn" else
                doc[min(mention_end(state, after) + 1, len(doc) - 1)].lower_ in {"and", "or"}):
            continue
        yield _fact(state, sentence, doc[comma:comma + 1], predicate, mention, outer,
                    "place-comma-place" if predicate == "locatedIn" else "org-comma-place")
        first = state.mention_at.get(span.root.head.i) if span.root.dep_ == "conj" else None
        if predicate == "locatedIn" and first is not None and first.type is EntityType.PLACE \
                and first is not mention and not can_contain(first.text) and \
                not region_countries(first.text) and _nests(first.text, outer.text) and \
                _same_country(first.text, outer.text) and \
                span.start - span.root.head.i <= 4:
            # 'between Salida and Gunnison, Colorado': both towns lie in the state.
            yield _fact(state, sentence, doc[comma:comma + 1], predicate, first, outer,
                        "place-and-place-comma-place")


def _place_in_named_place(state: DocState, sentence: Sentence,
                          spans: list[tuple[Span, Mention]]) -> Iterator[Fact]:
    """'residents near Mount Talvo in Sarangan City', 'the village of Barra in Mozambique':
    a named place followed at once by 'in' and a named place that can hold it lies there,
    as 'Paris, France' does with a comma. Only when the 'in' phrase hangs on the first
    place's own name and follows it directly; a country or a US state is said to be 'in'
    a place only as an actor there ('the US in Iraq'), and buildings and sites are read by
    ``_organisations``; the gazetteer refuses a larger place in a smaller one."""
    for span, mention in spans:
        if mention.type is not EntityType.PLACE or _building(mention) or \
                can_contain(mention.text):
            continue
        for prep, place in _prep_places(state, span.root, {"in"}):
            if prep.i != span.end or place is mention or place.text == mention.text or \
                    not _nests(mention.text, place.text):
                continue
            yield _fact(state, sentence, span.doc[prep.i:prep.i + 1], "locatedIn", mention,
                        place, "place-in-place")


def _continent_of_country(state: DocState, sentence: Sentence,
                          spans: list[tuple[Span, Mention]]) -> Iterator[Fact]:
    """'Kenya, an African nation', 'Ghana became the first country in Africa', 'African
    countries including Ghana and Togo': a country set beside a noun for a country
    (places.json country_nouns) that names a continent lies there. Only the continent the
    article names, and only when GeoNames puts the country on it: the text decides what is
    said, the gazetteer only guards against a misread."""
    for span, mention in spans:
        place = lookup(mention.text)
        if mention.type is not EntityType.PLACE or place is None or place.kind != "country":
            continue
        for noun in _country_nouns_beside(span.root):
            for continent in _continents_named(state, noun):
                if continent_holds(continent.text, mention.text):
                    yield _fact(state, sentence, span.doc[noun.i:noun.i + 1], "locatedIn",
                                mention, continent, "country-continent")


def _country_nouns_beside(root: Token) -> list[Token]:
    """The country nouns a name is set beside: its apposition ('Kenya, an African nation'),
    the noun it is an apposition of, the complement of its copula ('Ghana is the first
    country in Africa') or of a small clause ('made Ghana the first country in Africa'), or
    the noun whose 'including' or 'like' lists it."""
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    near = [c for c in root.children if c.dep_ == "appos"]
    if first.dep_ == "appos":
        near.append(first.head)
    if first.dep_ in {"nsubj", "nsubjpass"}:
        near.extend(c for c in first.head.children if c.dep_ == "attr")
        near.append(first.head)  # 'made Norway the first country': a verbless small clause
    if first.dep_ == "dobj":
        near.extend(c for c in first.head.children if c.dep_ in {"oprd", "ccomp"})
    if first.dep_ == "pobj" and first.head.lower_ in {"including", "like"}:
        near.append(first.head.head)
    nouns = _words("country_nouns")
    return [t for t in near if t.lemma_.lower() in nouns and t.pos_ == "NOUN"]


def _continents_named(state: DocState, noun: Token) -> Iterator[Mention]:
    """The places a country noun names before it ('an African nation') or in an 'in'
    phrase on it ('the first country in Asia'); the caller keeps only continents."""
    for child in noun.children:
        if child.dep_ in {"amod", "compound"}:
            mention = demonym_mention(state, [child])
            if mention is not None:
                yield mention
        elif child.dep_ == "prep" and child.lower_ == "in":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                mention = state.mention_at.get(pobj.i)
                if mention is not None and mention.type is EntityType.PLACE:
                    yield mention


LONGEST_ASIDE = 6


def after_aside(doc: Doc, index: int, end: int) -> int:
    """The index after a short bracketed aside that starts at ``index`` ('British Columbia
    (B.C.), Canada': the abbreviation stands between a name and what the text says of it),
    or ``index`` itself when none does."""
    if index >= end or doc[index].text != "(":
        return index
    for close in range(index + 1, min(index + LONGEST_ASIDE + 2, end)):
        if doc[close].text == ")":
            return close + 1
        if doc[close].text == "(":
            break
    return index


def _where_clauses(state: DocState, sentence: Sentence,
                   spans: list[tuple[Span, Mention]]) -> Iterator[Fact]:
    """'Rolling Fork, where X was born', 'the town where she grew up': a residence verb in a
    'where' clause on a place says its subject was born or lived there."""
    verbs = residence_verbs()
    for span, place in spans:
        if place.type is not EntityType.PLACE:
            continue
        for clause in (c for c in span.root.children if c.dep_ == "relcl" and
                       c.lemma_.lower() in verbs and
                       any(a.lower_ == "where" for a in c.children if a.dep_ == "advmod")):
            for subject in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}):
                person = state.mention_at.get(subject.i)
                if person is None:
                    person = next((state.mention_at[a.i] for a in subject.children
                                   if a.dep_ == "appos" and a.i in state.mention_at), None)
                if person is not None and person.type is EntityType.PERSON:
                    yield _fact(state, sentence, span.doc[clause.i:clause.i + 1],
                                verbs[clause.lemma_.lower()], person, place,
                                f"person-where-{clause.lemma_.lower()}")


def _gazetteer_nesting(state: DocState, sentence: Sentence, spans: list[tuple[Span, Mention]],
                       placed: set[int]) -> Iterator[Fact]:
    """'Egypt has terminals in Kafr Tamir', 'In Idaho, smoke hung over Boise': a sentence that
    names a place and the country or US state the gazetteer puts it in says where it lies,
    whatever words join them. Only names read as places (``_named_place``), and only for a
    place no other rule of the sentence has placed, so 'Lyon, France' keeps its one fact."""
    named = [(span, m) for span, m in spans if not m.is_pronoun and _named_place(span, m)]
    for span, inner in named:
        if inner.start in placed or not _after_preposition(span, PLACE_PREPOSITIONS):
            continue  # 'Ottawa expelled the envoy': a capital as its government, not a place
        outer = next((m for s, m in named if m is not inner and s.text != span.text and
                      lies_in(span.text, s.text)), None)
        if outer is not None:
            yield _fact(state, sentence, span, "locatedIn", inner, outer, "place-in-gazetteer")


# Prepositions after which a town's name stands for the town ('a court in Sarapur', 'smoke
# hung over Boise'), whatever type the recogniser gave the name.
WHERE_PREPOSITIONS = frozenset({"in", "at", "near", "over", "outside", "around", "across",
                                "into", "inside"})
# Where a place the recogniser named stands for the place itself, not for its government
# ('Ottawa expelled the envoy') or a body's seat ("the Institute's Geneva headquarters").
PLACE_PREPOSITIONS = WHERE_PREPOSITIONS | {"to", "from", "of"}


def _named_place(span: Span, mention: Mention) -> bool:
    """A name the recogniser took for a place (GPE, LOC), or a city's name it typed otherwise
    that stands after a preposition of place, or in a list after one ('in Kafr Tamir and
    Abu Hamra'): the recogniser calls small towns people or products, but not after 'in'."""
    if mention.type is EntityType.PLACE and mention.ner_label in {"GPE", "LOC"}:
        return True
    found = lookup(span.text)
    return found is not None and found.kind == "city" and mention.ner_label is not None and \
        _after_preposition(span, WHERE_PREPOSITIONS)


def _after_preposition(span: Span, prepositions: frozenset[str]) -> bool:
    """Whether a name is the object of one of these prepositions, itself or as a later item
    of a list that is ('in Kafr Tamir and Abu Hamra')."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in prepositions


def _district_of_city(inner: str, outer: str) -> bool:
    """'Larkmoor, Ostervang': a place no gazetteer knows as a town, written
    before a city it knows, is a district of that city; so is one the gazetteer knows only
    in that city's own country, as a town, city or region ('Salford, Manchester'), since a
    writer names a district before its city but never a town of another country before a
    city ('Paris, Berlin' is two places). A list of towns is ruled out by the caller."""
    around = lookup(outer)
    if around is None or around.kind != "city":
        return False
    inside, small = lookup(inner), town(inner)
    if inside is None and small is None:
        return True
    countries = {place.country_code for place in (inside, small) if place is not None}
    if inside is None:
        countries |= region_countries(inner)
    return around.country_code is not None and around.country_code in countries and \
        (inside is None or inside.country_code == around.country_code)


def state_abbreviation(token: Token) -> str | None:
    """The US state an AP abbreviation names ('Miss.' -> Mississippi), also when the
    tokenizer split its period off at the end of a sentence ('Plymouth, Vt' '.')."""
    found = state_abbreviations().get(token.lower_)
    if found is None and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "." \
            and not token.whitespace_:
        found = state_abbreviations().get(token.lower_ + ".")
    return found


def _town_state(state: DocState, town: Token) -> bool:
    """'Dallas, Texas' / 'Petaluma, Calif.': a town followed by the state it lies in."""
    after = mention_end(state, town) + 1
    if after + 1 >= len(town.doc) or town.doc[after].text != ",":
        return False
    region = town.doc[after + 1]
    named = state.mention_at.get(region.i)
    return state_abbreviation(region) is not None or (
        named is not None and can_contain(named.text))


def _described_places(state: DocState, sentence: Sentence,
                      spans: list[tuple[Span, Mention]]) -> Iterator[Fact]:
    """'the Indian capital, New Delhi', "Tonga's capital, X", 'the Canadian city of Halifax',
    'the US state of Alabama': a place noun that says which country or state it lies in,
    and 'Kerala in India': a place in a larger place that the gazetteer knows."""
    vocab = load_vocabulary()
    for span, mention in spans:
        root = span.root
        if mention.type is not EntityType.PLACE and not mention.is_pronoun and \
                root.dep_ == "pobj" and _naming_place_noun(root.head.head):
            # 'the Spanish island of Ibiza' though the recogniser called it a body
            mention = mention.model_copy(update={"type": EntityType.PLACE})
        if mention.type is not EntityType.PLACE:
            continue
        noun = None
        if root.dep_ == "appos" and root.head.lemma_.lower() in vocab.place_nouns | {"capital"}:
            noun = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and \
                root.head.head.lemma_.lower() in vocab.place_nouns | {"capital"}:
            noun = root.head.head
        if noun is not None and noun.pos_ == "NOUN" and noun.i not in state.mention_at:
            outer = _container_of(state, noun)
            if outer is not None and outer.text != mention.text and \
                    _nests(mention.text, outer.text):
                yield _fact(state, sentence, span.doc[noun.i:noun.i + 1], "locatedIn", mention,
                            outer, "place-noun-of-place")
        for prep, outer in [*_prep_places(state, root, {"in"}), *_next_in_place(state, span)]:
            if outer.text != mention.text and _region(state, outer) and \
                    _nests(mention.text, outer.text):
                yield _fact(state, sentence, span.doc[prep.i:prep.i + 1], "locatedIn", mention,
                            outer, "place-in-place")
        for child in (c for c in root.children if c.dep_ == "poss"):
            # "Zambia's Kafue River", "Florida's North Cedar Beach"
            outer = _place_of(state, child)
            if outer is not None and outer.text != mention.text and _region(state, outer) and \
                    _nests(mention.text, outer.text) and _same_country(mention.text, outer.text):
                yield _fact(state, sentence, span.doc[child.i:child.i + 1], "locatedIn", mention,
                            outer, "place-possessive-place")
        for noun in _described_by(state, span):
            # 'Campbell Farm, a retreat centre in Wapato', 'the Rocky Flats plant in Colorado',
            # 'the Dunmerrow section of Ostervang'
            area = noun.lemma_.lower() in _words("area_nouns")
            for prep, outer in _prep_places(state, noun, {"in", "of"} if area else {"in"}):
                if outer.text != mention.text and _nests(mention.text, outer.text) and (
                        mention.ner_label != "GPE" or area or _region(state, outer)):
                    yield _fact(state, sentence, span.doc[prep.i:prep.i + 1], "locatedIn",
                                mention, outer, "place-description-in-place")


def _described_by(state: DocState, span: Span) -> Iterator[Token]:
    """The common noun a place's name describes: set beside it ('X, a retreat centre') or
    the head the name modifies ('the X processing plant')."""
    root = span.root
    yield from (c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN")
    head = root
    while head.dep_ in {"compound", "amod", "nmod"} and head.head.i != head.i and \
            head.head.i not in state.mention_at and head.head.pos_ in {"NOUN", "VERB", "ADJ"}:
        head = head.head
    if head is not root and head.pos_ == "NOUN":
        yield head


def _same_country(inner: str, outer: str) -> bool:
    """Whether a town the gazetteer knows lies in the country named (unknown: yes)."""
    inside, around = lookup(inner), lookup(outer)
    if inside is None or around is None or inside.kind != "city" or around.kind != "country":
        return True
    return inside.country_code == around.country_code


def _container_of(state: DocState, noun: Token) -> Mention | None:
    """The country or state a place noun names by demonym or possessive ('the Indian
    capital', "Tonga's capital", 'the US state')."""
    for child in noun.children:
        if child.dep_ == "poss":
            # "Tonga's capital"; "the country's capital": the one country named before
            place = _place_of(state, child) or (
                _described_place(state, child) if child.pos_ == "NOUN" else None)
            if place is not None:
                return place
        if child.dep_ in {"amod", "compound", "nmod"}:
            named = state.mention_at.get(child.i)
            place = demonym_mention(state, [child]) or (
                _place_of(state, child) if named is not None else None)
            if place is not None:
                return place
    return None


# A description of a place, and the gazetteer kind of place it fits ("the country's capital").
PLACE_DESCRIPTIONS = {"country": "country", "nation": "country", "state": "state"}


def _described_place(state: DocState, noun: Token) -> Mention | None:
    """The place a description stands for ("the country's", "the state's"): reference's
    answer when it has one, else the one place of that kind the document names before it
    (none when it names two)."""
    found = referent(state, noun)
    named = found.antecedent if found is not None and found.antecedent is not None else found
    if named is not None and named.type is EntityType.PLACE:
        return found
    kind = PLACE_DESCRIPTIONS.get(noun.lemma_.lower())
    if kind is None:
        return None
    earlier: dict[str, Mention] = {}
    for i, mention in sorted(state.mention_at.items()):
        place = lookup(mention.text) if i < noun.i and mention.type is EntityType.PLACE \
            and not mention.is_pronoun else None
        if place is not None and place.kind == kind:
            earlier.setdefault(place.name, mention)
    return next(iter(earlier.values())) if len(earlier) == 1 else None


def _nests(inner: str, outer: str) -> bool:
    """A town lies in a state or country and a state in a country, never the other way:
    'Colorado, Maine' is two states, not one in the other."""
    within = _in_region(inner, outer)
    if within is not None:
        return within
    inside, around = lookup(inner), lookup(outer)
    if inside is None or around is None:
        return True
    return rank(inside) > rank(around)


def pair_container(state: DocState, token: Token) -> Token | None:
    """When ``token`` names the second place of a 'Town, Country' pair ('a plane in Ohio,
    United States crashed', 'Vick of Porto, Portugal found'), the last word of the first
    place; else None. The second place only says where the first lies; the parser sometimes
    makes it a clause's subject or object of its own, but it takes part in nothing. A list of
    equals ('Ohio, Texas') is no such pair."""
    outer = state.mention_at.get(token.i)
    if outer is None or outer.type is not EntityType.PLACE:
        return None
    start = token.i
    while start > 0 and state.mention_at.get(start - 1) is outer:
        start -= 1
    if start < 2 or token.doc[start - 1].text != ",":
        return None
    inner = state.mention_at.get(start - 2)
    # Both known to the gazetteer ('Kessler, Marden end their campaigns' is two people),
    # the first whatever the recogniser typed it ('Ashmont, Ohio', as _place_in_place reads).
    if inner is None or inner is outer or inner.type is EntityType.DATE or \
            lookup(inner.text) is None or lookup(outer.text) is None or \
            not _nests(inner.text, outer.text):
        return None
    return token.doc[start - 2]


def _in_region(inner: str, outer: str) -> bool | None:
    """'Nanaimo, British Columbia', 'Nashik, Maharashtra': the outer name is a province, state or
    region of some country (ISO 3166-2) and the inner one is a town the gazetteer does not
    know, or one of its towns in that country (so 'Victoria' the Australian state holds
    Australian towns only); a region lies only in the region ISO 3166-2 puts it in ('Cumbria,
    England'; not 'Lazio province in Campania'). None when the outer name is no such region."""
    regions = region_countries(outer)
    words = inner.split()
    if not regions or not words or can_contain(outer):
        return None  # a country or US state: the gazetteer's ranks decide ('Boone, N.C.')
    named = " ".join(words[:-1]) if words[-1].lower() in _words("region_words") else inner
    if region_countries(named):
        return region_within(named, outer)
    if named != inner:
        return None  # 'Clay County, Texas': a region ISO 3166-2 does not list
    inside = lookup(inner)
    return inside is None or (inside.kind == "city" and inside.country_code in regions)


def _in_a_list(state: DocState, doc: Doc, span: Span, after: Token) -> bool:
    """'won Texas, Maine, Ohio and Utah': a comma list of places is not a place in a place.
    The pair is in a list when a place and a comma come just before it, or when a comma or a
    conjunction and a bare place (not itself 'Town, State') come just after it."""
    before = span.start - 1
    if before >= 1 and doc[before].text == "," and _place_at(state, doc[before - 1]):
        previous = state.mention_at.get(before - 1)
        inside, around = lookup(previous.text) if previous else None, lookup(span.text)
        # 'Racine, Wisconsin, United States' is a chain of places, each in the next; so is
        # 'Lumen Test Center, Alden, Ohio', a building, its town and its state.
        building = previous is not None and _building(previous)
        if not building and (inside is None or around is None or rank(inside) <= rank(around)):
            return True
    nxt = mention_end(state, after) + 1
    if nxt >= len(doc) or doc[nxt].text not in {",", "and", "or"}:
        return False
    inner = state.mention_at.get(span.start)
    if inner is not None and _building(inner) and _town_state(state, after):
        return False  # 'Lumen Test Center, Alden, Ohio': a building in a town in a state
    while nxt < len(doc) and doc[nxt].text in {",", "and", "or"}:
        nxt += 1
    if nxt >= len(doc) or not _place_at(state, doc[nxt]):
        return False
    if _chained(state, after, doc[nxt]):
        return False  # 'Ashgrove, New Hampshire, United States': each place in the next
    following = mention_end(state, doc[nxt]) + 1
    return not (following + 1 < len(doc) and doc[following].text == "," and
                _place_at(state, doc[following + 1]))


def _chained(state: DocState, outer: Token, following: Token) -> bool:
    """Whether the place after a pair's outer place, with only a comma between, is the one
    the gazetteer puts the outer place in: then the three names are a chain ('Town, State,
    Country'), not a list of equals ('Texas, Maine, Ohio')."""
    around, beyond = state.mention_at.get(outer.i), state.mention_at.get(following.i)
    return around is not None and beyond is not None and \
        outer.doc[following.i - 1].text == "," and lies_in(around.text, beyond.text)


def _place_at(state: DocState, token: Token) -> bool:
    mention = state.mention_at.get(token.i)
    return (mention is not None and mention.type is EntityType.PLACE) or \
        state_abbreviation(token) is not None


def _organisations(state: DocState, sentence: Sentence, sent: Span,
                   spans: list[tuple[Span, Mention]]) -> Iterator[Fact]:
    for span, mention in spans:
        if _instrument(mention):
            continue  # 'the Ohio Clean Water Act' is a law, based nowhere
        if mention.type is EntityType.PERSON and _unmistakable_facility(mention):
            mention = mention.model_copy(update={"type": EntityType.PLACE})  # 'Orchid Mall'
        if mention.type is EntityType.ORGANIZATION:
            yield from _demonym_before_name(state, sentence, span, mention)
            yield from _described_after(state, sentence, span, mention)
            if not news_outlet(mention):
                yield from _place_in_name(state, sentence, span, mention)
        if mention.type is EntityType.ORGANIZATION or (
                mention.type is EntityType.PERSON and _based(span)):
            predicate = "basedIn"
        elif mention.type is EntityType.PLACE and (
                mention.ner_label == "FAC" or _facility(mention)):
            predicate = "locatedIn"
        else:
            continue
        root = span.root
        if mention.type is EntityType.ORGANIZATION and root.dep_ == "appos" and \
                root.head.pos_ == "NOUN" and root.head.i not in state.mention_at and \
                root.head.lemma_.lower() in _organisation_nouns() | \
                _words("national_institutions"):
            # "Tonga's parliament, the Legislative Assembly": the owner of a body's kind
            # ('parliament', 'bank'); not "Russia's rival, X"
            for child in (c for c in root.head.children if c.dep_ == "poss"):
                place = _place_of(state, child)
                if place is not None:
                    yield _fact(state, sentence, sent.doc[child.i:child.i + 1], predicate,
                                mention, place, "org-appositive-possessive")
        for child in _possessors(state, root, mention):
            place = _place_of(state, child)
            if place is not None:  # "Oslo's Nordlys Ballet"
                yield _fact(state, sentence, span, predicate, mention, place,
                            "org-possessive" if child.head.i == root.i else
                            "org-possessive-list")
        for child in root.children:
            if child.lower_ == "based":  # 'Boston-based X', 'X, based in Y'
                for place in _based_places(state, child):
                    yield _fact(state, sentence, sent.doc[child.i:child.i + 1], "basedIn",
                                mention, place, "org-based")
        preps = ORG_PREPS | {"at"} if predicate == "locatedIn" else ORG_PREPS
        reporting = mention.type is EntityType.ORGANIZATION and news_outlet(mention)
        # 'the Associated Press in Tehran reported': an outlet 'in Y' is a bureau or a
        # reporter there, not its seat ('X, based in Y' and 'its headquarters in Y' still are).
        placed = [] if reporting else list(_prep_places(state, root, preps))
        if not placed and not reporting and (root.dep_ == "pobj" or (
                root.dep_ in OBJECT_DEPS and _building(mention))):
            # 'went to the International Court of Justice in The Hague', 'a game at the
            # Lumen Arena in Tulsa', 'damaged the Orchid Mall in Y': the parser hangs 'in Y'
            # on the verb, but right after a body or a building that is the object of a
            # preposition, or a building that is the verb's own object or subject, it says
            # where that is.
            for prep, place in _next_in_place(state, span):
                if place.text != mention.text and lookup(place.text) is not None:
                    yield _fact(state, sentence, sent.doc[prep.i:prep.i + 1], predicate,
                                mention, place, "org-next-in-place")
        for prep, place in placed:
            yield _fact(state, sentence, sent.doc[prep.i:prep.i + 1], predicate, mention, place,
                        f"org-{prep.lower_}-place")
        if mention.type is EntityType.ORGANIZATION:
            yield from _organisation_seats(state, sentence, _owner_token(span), mention)


def _owner_token(span: Span) -> Token:
    """The word of a name that owns what follows it: the name's head, or its last word when
    the parser hangs the possessive there ("the University of the Northern Isles's campus":
    'Isles' owns 'campus', and 'University' heads a phrase the parser ends before it)."""
    last = span[-1]
    if last.dep_ == "poss" and not span.start <= last.head.i < span.end:
        return last
    return span.root


def _possessors(state: DocState, root: Token, mention: Mention) -> list[Token]:
    """The possessors of an organisation's name: its own ("Oslo's Nordlys Ballet"), or, for
    a later name in a list of organisations with no determiner or possessor of its own, the
    first one's ("the United States' National Science Foundation, Department of Energy, and
    Office of Naval Research": the possessive is written once for the whole list; the parser
    links the list by 'conj' or 'appos'). Only a list of three or more: "Germany's Kessler
    Bank and Brightwater Capital" may pair a German bank with any other."""
    own = [c for c in root.children if c.dep_ == "poss"]
    if own or any(c.dep_ == "det" for c in root.children) or \
            mention.type is not EntityType.ORGANIZATION:
        return own
    first = root
    while first.dep_ in LIST_DEPS:
        first = first.head
        if not _listed_organisation(state, first):
            return []
        owners = [c for c in first.children if c.dep_ == "poss"]
        if owners:
            return owners if _list_size(state, first) >= SHORTEST_OWNED_LIST else []
    return []


LIST_DEPS = frozenset({"conj", "appos"})


def _listed_organisation(state: DocState, token: Token) -> bool:
    named = state.mention_at.get(token.i)
    return named is not None and named.type is EntityType.ORGANIZATION


def _list_size(state: DocState, first: Token) -> int:
    """How many organisations a list that opens with ``first`` names."""
    items = [c for c in first.children if c.dep_ in LIST_DEPS and
             _listed_organisation(state, c)]
    return 1 + sum(_list_size(state, c) for c in items)


SHORTEST_OWNED_LIST = 3


def _instrument(mention: Mention) -> bool:
    """A law, a treaty or another written instrument by the last word of its name
    (places.json instrument_name_words), whatever type the recogniser gave it."""
    words = mention.text.lower().split()
    return len(words) >= 2 and words[-1] in _words("instrument_name_words")


def _organisation_seats(state: DocState, sentence: Sentence, root: Token,
                        organisation: Mention) -> Iterator[Fact]:
    """"X's headquarters in Leeds", "X's Washington headquarters", 'X headquarters in Y' (a
    seat noun the organisation owns), 'X is headquartered in Tulsa' (a seat verb it is the
    subject of) and 'X, a Chicago-based maker' (a description beside it that is based
    somewhere)."""
    doc = root.doc
    nouns, verbs = organisation_place_nouns(), organisation_verbs()
    if root.dep_ in {"poss", "compound"} and root.head.lemma_.lower() in nouns:
        # "X's headquarters in Leeds", 'at X headquarters in nearby Tulsa'
        seat = root.head
        places = [p for _, p in _prep_places(state, seat, {"in", "at"})] or \
            [p for _, p in _next_in_place(state, doc[seat.i:seat.i + 1])]  # 'in Y' on the verb
        # "X's Washington headquarters"; not "the Coast Guard's 8th District headquarters"
        places += [p for c in seat.children if c.dep_ in {"compound", "nmod"}
                   for p in [_place_of(state, c)] if p is not None and (
                       lookup(p.text) is not None or region_countries(p.text))]
        for place in places:
            yield _fact(state, sentence, doc[seat.i:seat.i + 1], nouns[seat.lemma_.lower()],
                        organisation, place, "org-seat-noun")
    noun = root.head if root.dep_ == "compound" and root.head.pos_ == "NOUN" and \
        root.head.lemma_.lower() in _organisation_nouns() else root
    if noun.dep_ == "dobj" and _verb_phrase(noun.head) in _words("organisation_founding_verbs"):
        # 'founded the Varta company in Heuchelheim', 'established X in Tulsa'
        verb = noun.head
        for _, place in _prep_places(state, verb, {"in"}):
            yield _fact(state, sentence, doc[verb.i:verb.i + 1], "basedIn", organisation,
                        place, f"org-{verb.lemma_.lower()}-in")
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in verbs:
        verb = root.head
        for _, place in _prep_places(state, verb, {"in", "at"}, lenient=True):
            yield _fact(state, sentence, doc[verb.i:verb.i + 1], verbs[verb.lemma_.lower()],
                        organisation, place, f"org-{verb.lemma_.lower()}-in")
    for noun in (c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        for based in (c for c in noun.children if c.lower_ == "based"):
            for place in _based_places(state, based):
                yield _fact(state, sentence, doc[based.i:based.i + 1], "basedIn",
                            organisation, place, "org-appositive-based")
        if noun.lemma_.lower() in _organisation_nouns():
            for prep, place in _prep_places(state, noun, {"in"}):  # 'X, a charity in Y'
                yield _fact(state, sentence, doc[prep.i:prep.i + 1], "basedIn", organisation,
                            place, "org-appositive-in-place")


def _verb_phrase(verb: Token) -> str:
    """A verb's lemma with its particle ('set up'), as the lexicon writes it."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles])


def news_outlet(organisation: Mention) -> bool:
    """'Aegean Mail', 'Anatolia News Agency': a newspaper, an agency or a broadcaster by the
    last word or two of its name (places.json news_outlet_words). Such a name is its masthead,
    not its address ('the Washington Post' could be printed anywhere), and the place after it in
    a credit line or an 'X, Place' pair is where a story was filed; only words that say where
    it is ('the London-based X', 'X in Y') place it."""
    words = organisation.text.lower().removesuffix("'s").replace("-", " ").split()
    endings = _words("news_outlet_words")
    return any(" ".join(words[-size:]) in endings for size in (1, 2) if len(words) > size) \
        or (len(words) == 1 and words[0] in endings)


def _place_in_name(state: DocState, sentence: Sentence, span: Span,
                   organisation: Mention) -> Iterator[Fact]:
    """'the U.S. Congress', 'the Texas Department of Agriculture': an organisation whose name
    opens with a country or a state (an initialism, or a name the gazetteer knows as one) is
    based there. Towns are left out: too many share a surname ('the Sutton Commission'), and
    adjectives too ('the Italian ... Confederation' names no separate place)."""
    words = [t for t in span if t.dep_ != "det" and not t.is_punct]
    for size in (3, 2, 1):
        if len(words) <= size or words[size].lower_ in {"'s", "of", "and"} or \
                not all(t.pos_ == "PROPN" for t in words[:size]):
            continue
        phrase = words[:size]
        opening = phrase[0].text
        initialism = size == 1 and (opening.isupper() or "." in opening)
        mention = demonym_mention(state, phrase) if initialism else None  # 'U.S.', 'UK'
        known = lookup(" ".join(t.text for t in phrase))
        if mention is None and known is not None and rank(known) <= 1:
            mention = make_mention(state, span.doc[phrase[0].i:phrase[-1].i + 1],
                                   EntityType.PLACE, ner_label="GPE")
        if mention is None and known is not None:
            return  # 'the Oklahoma City Rangers' opens with a town, not with the state
        if mention is None:
            continue
        yield _fact(state, sentence, span.doc[phrase[0].i:phrase[-1].i + 1], "basedIn",
                    organisation, mention, "org-name-opens-with-place")
        return
    # 'the German Government', 'the Haitian Parliament': a demonym opens a national body.
    ending = " ".join(t.lower_ for t in words[1:])
    if len(words) > 1 and any(ending == w or ending.endswith(" " + w)
                              for w in _words("national_institutions")):
        place = demonym_mention(state, words[:1])
        if place is not None:
            yield _fact(state, sentence, span.doc[words[0].i:words[0].i + 1], "basedIn",
                        organisation, place, "org-name-opens-with-demonym")


def _described_after(state: DocState, sentence: Sentence, span: Span,
                     organisation: Mention) -> Iterator[Fact]:
    """'Harbourline Holdings, a major Hong Kong property group': an appositive description that
    names a place or a demonym says where the organisation is based."""
    for noun in (c for c in span.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                 and c.lemma_.lower() in organisation_words()):
        for word in noun.lefts:
            named = state.mention_at.get(word.i)
            if named is not None and named.type is EntityType.PLACE and \
                    named is not organisation:
                yield _fact(state, sentence, span.doc[word.i:word.i + 1], "basedIn",
                            organisation, named, "org-appositive-place")
                return
            place = demonym_mention(state, [word])
            if place is not None:
                yield _fact(state, sentence, span.doc[word.i:word.i + 1], "basedIn",
                            organisation, place, "org-appositive-demonym")
                return


def _building(place: Mention) -> bool:
    """A building or a site, as the recogniser typed it (FAC) or by its last word."""
    return place.ner_label == "FAC" or _facility(place)


def _facility(place: Mention) -> bool:
    """'Lumen Energy Arena', 'Tarnby International Airport': a building or a site by the
    last word of its name (places.json facility_words)."""
    words = place.text.split()
    return len(words) > 1 and words[-1].lower() in _words("facility_words")


def _unmistakable_facility(name: Mention) -> bool:
    """'Palmview Mall', 'Orchid Hotel': a name whose last word no surname is
    (places.json unmistakable_facility_words), a building even if typed a person."""
    words = name.text.split()
    return len(words) > 1 and words[-1].lower() in _words("unmistakable_facility_words")


# The rules that place a body by a preposition or a comma alone ('X in Y', 'X, Y').
SITE_RULES = frozenset({"org-in-place", "org-of-place", "org-from-place", "org-at-place",
                        "org-comma-place", "org-next-in-place"})


def _as_site(fact: Fact) -> Fact:
    """A body named as a building or a site ('Shands Hospital in Gainesville', 'Army
    Reserve Center, Springfield') lies in its place rather than being based there, whatever
    the recogniser typed it: locatedIn, not basedIn, when only a preposition or a comma
    places it. Words that say based ('Denver-based', 'headquartered in', 'opened the X
    Gallery in Y') still do."""
    if fact.predicate != "basedIn" or fact.evidence.rule not in SITE_RULES or \
            not _facility(fact.subject.mention):
        return fact
    return fact.model_copy(update={"predicate": "locatedIn", "lemma": "locatedIn"})


# A name's role in its clause where 'in Y' right after it, hung on the verb, still places
# a building named ('searched the Orchid Mall in Y', 'the Orchid Mall in Y was hit').
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "nsubj"})


def _based(span: Span) -> bool:
    """'Denver-based X': whatever the recogniser thought X was, it has a base."""
    return any(c.lower_ == "based" for c in span.root.children)


def _based_places(state: DocState, based: Token) -> Iterator[Mention]:
    for child in based.children:
        if child.dep_ in {"npadvmod", "compound", "nmod", "amod"}:
            place = _place_of(state, child)
            if place is not None:
                yield place
    yield from (place for _, place in _prep_places(state, based, {"in", "at"}))


def _next_in_place(state: DocState, span: Span) -> Iterator[tuple[Token, Mention]]:
    """'began in Kerala in India', 'Whitefish in northwest Montana': the parser hangs the
    second 'in' on the verb, but a place written right after another with 'in' (and maybe a
    compass word) between is where the first one lies when it is a region (checked by the
    caller)."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "in":
        at = span.end + 1
        compass = _words("compass_words")
        while at + 1 < len(doc) and doc[at].lower_ in compass and at - span.end <= 3:
            at += 1
        outer = _place_of(state, doc[at])
        if outer is not None:
            yield doc[span.end], outer


def _region(state: DocState, place: Mention) -> bool:
    """Whether a place can contain towns: a country or US state in the gazetteer, or a
    name of a region by its own words ('Kumamoto Prefecture', 'Umbria province')."""
    if can_contain(place.text) or region_countries(place.text):
        return True
    words = _words("region_words")
    if place.text.split()[-1].lower() in words:
        return True
    end = state.document.body[place.end:place.end + 40].split()
    return bool(end) and end[0].lower().strip(".,;") in words


def _prep_places(state: DocState, head: Token, preps: set[str], *,
                 lenient: bool = False) -> Iterator[tuple[Token, Mention]]:
    """The places in the prepositional phrases of a word: 'based [in Denver]'. With
    ``lenient``, where only a place can stand ('born in X'), a name the recogniser took for
    an organisation is read as a place."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            place = _place_of(state, pobj)
            named = state.mention_at.get(pobj.i)
            if place is None and lenient and named is not None and \
                    named.type is EntityType.ORGANIZATION:
                place = named.model_copy(update={"type": EntityType.PLACE})
            if place is not None:
                yield prep, place


def _place_of(state: DocState, token: Token) -> Mention | None:
    """The place a token names; an unrecognised proper noun where only a place can stand
    ('a native of Cardiff', 'born in Valencia') is taken as one."""
    mention = state.mention_at.get(token.i)
    if mention is None and token.pos_ == "NOUN":
        area = _area_place(state, token) if token.lemma_.lower() in _words("area_nouns") \
            else None
        return area or _place_named_after_noun(state, token)
    if mention is None and token.pos_ == "PROPN" and token.ent_type_ == "":
        return as_place(referent(state, token))
    if mention is not None and mention.type is not EntityType.PLACE and \
            mention.type is not EntityType.DATE and lookup(mention.text) is not None:
        return mention.model_copy(update={"type": EntityType.PLACE})  # the gazetteer knows it
    return mention if mention is not None and mention.type is EntityType.PLACE else None


# Place nouns whose 'of' phrase names the place itself ('the province of X', 'the island of
# X'), not a place it lies in or belongs to ('the capital of X', 'the area of X').
NOT_NAMING_PLACE_NOUNS = frozenset({"capital", "area"})


def _naming_place_noun(noun: Token) -> bool:
    """'province' in 'the province of X': a place noun (relations.json place_nouns) whose
    'of' phrase is the place's name, so only a place can stand there."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() not in NOT_NAMING_PLACE_NOUNS and \
        noun.lemma_.lower() in load_vocabulary().place_nouns


def _place_named_after_noun(state: DocState, noun: Token) -> Mention | None:
    """'in the province of North Aldera', 'born in the city of Mosul': the place the 'of'
    phrase of a naming place noun names; a name the recogniser typed as a body or a person
    is read as a place there."""
    if not _naming_place_noun(noun):
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            named = state.mention_at.get(pobj.i)
            if named is not None and not named.is_pronoun and named.type in {
                    EntityType.PLACE, EntityType.ORGANIZATION, EntityType.PERSON}:
                return named.model_copy(update={"type": EntityType.PLACE})
            if named is None and pobj.pos_ == "PROPN":  # 'the province of Punjab' (NORP)
                name = pobj.doc[pobj.left_edge.i:pobj.i + 1]
                return make_mention(state, name, EntityType.PLACE, ner_label="GPE")
    return None


def _area_place(state: DocState, noun: Token) -> Mention | None:
    """'the Larkmoor area', 'the Halden suburbs': the place a name before an area noun
    names, standing for the area."""
    for child in (c for c in noun.lefts if c.dep_ in {"compound", "nmod", "amod"}):
        named = state.mention_at.get(child.i)
        if named is not None and named.type is EntityType.PLACE:
            return named
    return None


def _people(state: DocState, sentence: Sentence,
            spans: list[tuple[Span, Mention]]) -> Iterator[Fact]:
    nouns = person_place_nouns()
    for span, person in spans:
        if person.type is not EntityType.PERSON:
            continue
        doc, root = span.doc, span.root
        for verb, predicate in _residence_clauses(root):  # 'X was born in Y', 'X, born in Y'
            for _, place in _residence_places(state, verb):
                yield _fact(state, sentence, doc[verb.i:verb.i + 1], predicate, person,
                            place, f"person-{verb.lemma_.lower()}-in")
        for participle, predicate in _place_participles(root):  # 'Ohio-born X'
            for place in _based_places(state, participle):
                yield _fact(state, sentence, doc[participle.i:participle.i + 1], predicate,
                            person, place, f"person-place-{participle.lower_}")
        subject = root.head if root.dep_ == "appos" and root.head.dep_ == "nsubj" else root
        if subject.dep_ == "nsubj" and subject.head.lemma_ == "be":  # 'X is from Ohio'
            copula = subject.head
            for prep, place in _prep_places(state, copula, {"from"}):
                yield _fact(state, sentence, doc[prep.i:prep.i + 1], "cameFrom", person, place,
                            "person-is-from-place")
            for noun in (c for c in copula.children if c.dep_ == "attr"
                         and c.lemma_.lower() in nouns):  # 'X is a native of Y'
                yield from _noun_places(state, sentence, noun, person, nouns[noun.lemma_.lower()])
        seat_holder = _titled_legislator(span)
        for prep, place in _prep_places(state, root, {"of", "from"}):  # 'X of Chicago'
            if seat_holder or _constituency(place) or _owns_constituency(prep):
                # 'X of Ohio's 9th Congressional District' represents the district; the
                # state that owns it says nothing of where X comes from
                continue
            yield _fact(state, sentence, doc[prep.i:prep.i + 1], "cameFrom", person, place,
                        f"person-{prep.lower_}-place")
        for child in (c for c in root.children if c.dep_ == "poss"):  # "Virginia's Hartwell"
            place = _place_of(state, child)
            if place is not None and not any(canonical_role(t.lower_) for t in span):
                yield _fact(state, sentence, doc[child.i:child.i + 1], "cameFrom", person,
                            place, "person-possessive-place")
        # 'X, a native of Y', 'X, a Fargo native', 'Modesto native X'
        # 'A resident of Y, X': the name set beside the noun that comes first.
        beside = [c for c in root.children if c.dep_ == "appos"] + \
            [t for t in doc[max(span.sent.start, span.start - 3):span.start]
             if t.dep_ in {"compound", "amod", "nmod"} and span.start <= t.head.i < span.end] + \
            ([root.head] if root.dep_ == "appos" and root.head.i < span.start else []) + \
            _fronted_description(span)
        for noun in (t for t in beside if t.lemma_.lower() in nouns):
            yield from _noun_places(state, sentence, noun, person, nouns[noun.lemma_.lower()])
        for noun in (t for t in beside if t.pos_ in {"NOUN", "PROPN", "ADJ"} and
                     _unnamed_or_group(state, t)):
            # 'X, a teacher from Y', 'X, a Republican from Y'; not 'X, a senator from Y'
            for prep, place in ([] if _legislator_title(noun) else
                                _prep_places(state, noun, {"from"})):
                yield _fact(state, sentence, doc[prep.i:prep.i + 1], "cameFrom", person, place,
                            "person-appositive-from-place")
            set_beside = noun.dep_ == "appos" or (root.dep_ == "appos" and noun.i == root.head.i) \
                or (noun.i < span.start and doc[noun.i + 1].text == ",")
            demonym = demonym_mention(state, [noun]) if set_beside and not any(
                c.dep_ == "prep" for c in noun.children) else None
            if demonym is not None:  # 'An Australian, X', 'X, a Serb,'
                yield _fact(state, sentence, doc[noun.i:noun.i + 1], "cameFrom", person,
                            demonym, "person-appositive-demonym")
        yield from _demonym_before_name(state, sentence, span, person)


def _unnamed_people_from(state: DocState, sentence: Sentence, sent: Span) -> Iterator[Fact]:
    """'two pilgrims from Chile also died', 'a man from Peru who tested positive', 'two of
    the victims were from Nantes': people the text does not name, said to come from a place
    (cameFrom), as 'X, from Kansas' is said of a named person by ``_people``. Only nouns whose
    first WordNet sense is a person (noun_classes.json 'person') or that name a profession
    or a role (person_nouns.txt, roles.json: 'climbers', whose first sense is a plant);
    never a legislator's title (a 'senator from Kansas' represents it, as in ``_people``),
    and never a verb's direct or passive object, where 'from' is more often the verb's
    source ('evacuated tourists from Velora')."""
    doc = sent.doc
    for prep in (t for t in sent if t.dep_ == "prep" and t.lower_ == "from"):
        noun = _people_noun(prep.head)
        if noun is None or _named_beside(state, noun):
            continue
        person = referent(state, noun)
        if person is None or person.type not in {EntityType.THING, EntityType.PERSON}:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for word in (pobj, *pobj.conjuncts):  # 'pilots from Lyon and Nantes'
                place = _place_of(state, word)
                if place is not None:
                    yield _fact(state, sentence, doc[prep.i:prep.i + 1], "cameFrom", person,
                                place, "people-from-place")


def _people_noun(head: Token) -> Token | None:
    """The unnamed people a 'from' phrase is said of: the noun it hangs on ('pilgrims from
    Y'), or the subject of 'be' it follows ('they were from Y' is left to names; 'two of the
    victims were from Y' is the victims)."""
    noun = head
    if head.lemma_ == "be":
        noun = next((c for c in head.children if c.dep_ == "nsubj"), head)
        if noun.pos_ == "NUM":  # 'two of the victims'
            noun = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"), noun)
    elif head.dep_ in {"dobj", "nsubjpass"}:
        return None
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or _legislator_title(noun) or not (
            noun_classes().get(lemma) == "person" or lemma in person_nouns() or
            canonical_role(lemma)):
        return None
    return noun


def _named_beside(state: DocState, noun: Token) -> bool:
    """Whether a name is set beside the noun ('X, a teacher from Y'): ``_people`` reads that
    as the named person's origin."""
    beside = [c for c in noun.children if c.dep_ == "appos"] + \
        ([noun.head] if noun.dep_ == "appos" else [])
    return noun.i in state.mention_at or any(
        state.mention_at[t.i].type is EntityType.PERSON for t in beside
        if t.i in state.mention_at)


def _constituency(place: Mention) -> bool:
    """'the 7th Congressional District', 'Ward Five': a place a politician represents, by the
    last word of its name (places.json constituency_words), not one a person comes from."""
    words = place.text.lower().split()
    return bool(words) and (words[-1] in _words("constituency_words") or
                            words[0] in _words("constituency_words"))


def _legislator_title(token: Token) -> bool:
    """'senator', 'Rep.', 'MP' (places.json legislator_titles), or any role held for a place
    ('governor', 'mayor': roles.json _constituency_roles): the place after such a title is
    the seat its holder represents, not where the holder comes from."""
    return token.lower_.rstrip(".") in _words("legislator_titles") or \
        canonical_role(token.lower_) in constituency_roles()


def _titled_legislator(span: Span) -> bool:
    """'Senator X', 'U.S. Rep. X': a legislator's title inside the name's span or in the
    run of words written right before it and hung on it."""
    doc = span.doc
    before = span.start
    while before > span.sent.start and doc[before - 1].dep_ in {"compound", "nmod", "amod"} \
            and before <= doc[before - 1].head.i < span.end:
        before -= 1
    root = span.root
    if root.dep_ == "appos" and root.head.i == span.start - 1 and _legislator_title(root.head):
        return True  # 'the late governor X of Nevada', the name parsed beside the title
    return any(_legislator_title(t) for t in doc[before:span.end])


def _owns_constituency(prep: Token) -> bool:
    """'of Ohio's 9th District': the preposition's object is a constituency that the
    named place owns, whatever mention the place rules found inside the phrase."""
    return any(c.lower_ in _words("constituency_words") for c in prep.children
               if c.dep_ == "pobj")


def _fronted_description(span: Span) -> list[Token]:
    """'A resident of Fenwick, Illinois, X is accused', 'A native of Y, X won': the small
    parser makes the description a second subject (or a clause) of the name's verb; it ends
    at the comma right before the name."""
    doc, root = span.doc, span.root
    if span.start < 2 or doc[span.start - 1].text != "," or root.dep_ not in FRONTED_DEPS:
        return []
    return [c for c in root.head.children if c.dep_ in FRONTED_DEPS and c.pos_ == "NOUN"
            and c.i < span.start and c.right_edge.i in {span.start - 2, span.start - 1}]


FRONTED_DEPS = frozenset({"nsubj", "nsubjpass", "advcl"})


def _unnamed_or_group(state: DocState, token: Token) -> bool:
    """A word beside a name that may describe the person: a common noun, or a word the
    recogniser took for a group ('Republican', 'Australian'), not another person's name."""
    named = state.mention_at.get(token.i)
    return named is None or named.ner_label == "NORP"


def _residence_places(state: DocState, verb: Token) -> Iterator[tuple[Token, Mention]]:
    """The 'in' places of a residence verb, also when the parser hangs 'in' on a date
    written first ('born on Feb. 5, 1907, in Portland')."""
    yield from _prep_places(state, verb, {"in"}, lenient=True)
    for name in _birth_names(state, verb):  # 'was born Mary Ann Dobbs in Greenville'
        yield from _prep_places(state, name, {"in"}, lenient=True)
    for child in (c for c in verb.children if c.dep_ in {"prep", "npadvmod"}):
        dates = [child] if child.dep_ == "npadvmod" else \
            [c for c in child.children if c.dep_ == "pobj"]
        for date in (d for d in dates if d.ent_type_ == "DATE"):
            yield from _prep_places(state, date, {"in"}, lenient=True)


def _birth_names(state: DocState, verb: Token) -> list[Token]:
    """The name someone was born with, after a passive 'born' ('X was born Mary Ann Dobbs'):
    the parser hangs the place on it."""
    if verb.lemma_.lower() != "bear" or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ in {"dobj", "oprd", "attr"}
            and c.i in state.mention_at and state.mention_at[c.i].type is EntityType.PERSON]


def _place_participles(root: Token) -> Iterator[tuple[Token, str]]:
    """'Ohio-born X', 'Texas-raised Y': a participle of a residence verb on the name, with
    the place written before it."""
    verbs = residence_verbs()
    for child in root.children:
        if child.dep_ in {"amod", "compound"} and child.lower_ in {"born", "raised", "bred"}:
            yield child, verbs.get(child.lemma_.lower(), "livedIn")


def _residence_clauses(root: Token) -> Iterator[tuple[Token, str]]:
    """The verbs that say where the person a name's head stands for was born or lives: the
    verb it is the passive subject of ('X was born'), or a clause on it ('X, who was born',
    'X, born in', 'X, living in'), also when the name is set beside a description that is
    the subject ('the fifth president, X, was born in') or that a clause is on ('X, a surgeon
    based in Y', 'X, a teacher who lives in Y')."""
    verbs = residence_verbs()
    heads = [root]
    if root.dep_ == "appos":
        heads.append(root.head)
    heads += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    for head in heads:
        if head.dep_ in {"nsubjpass", "nsubj"} and head.head.lemma_.lower() in verbs:
            yield head.head, verbs[head.head.lemma_.lower()]
        if head.dep_ in {"dobj", "oprd", "attr"} and head.head.lemma_.lower() == "bear" and \
                "bear" in verbs and any(c.dep_ == "auxpass" for c in head.head.children):
            yield head.head, verbs["bear"]  # the birth name: 'X was born Mary Ann Dobbs in Y'
        for clause in (c for c in head.children if c.dep_ in {"relcl", "acl"}
                       and c.lemma_.lower() in verbs):
            yield clause, verbs[clause.lemma_.lower()]


def _noun_places(state: DocState, sentence: Sentence, noun: Token, person: Mention,
                 predicate: str) -> Iterator[Fact]:
    """The place a person noun ('native', 'home', 'resident') names, written before it ('a
    Fargo native', 'his Iowa hometown') or after it with 'of' ('a native of Cardiff')."""
    lemma = noun.lemma_.lower()
    # 'a native of Cardiff'; a home is also 'in' a place ('his home in suburban Elmwood').
    preps = {"of", "in"} if predicate == "livedIn" and lemma not in {"resident", "inhabitant"} \
        else {"of"}
    places = [p for _, p in _prep_places(state, noun, preps)]
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":  # 'Minnesota is her home state'
        places += [p for c in noun.head.children if c.dep_ == "nsubj"
                   for p in [_place_of(state, c)] if p is not None]
    for child in (c for c in noun.lefts if c.dep_ in {"compound", "nmod", "npadvmod"}):
        place = _place_of(state, child)
        if place is not None and place is not person:
            places.append(place)
    for place in places:
        yield _fact(state, sentence, noun.doc[noun.i:noun.i + 1], predicate, person, place,
                    f"person-{lemma}-place")


def _first_possessors(doc: Doc) -> dict[int, int]:
    """Each token's first 'poss' child (by position), for the tokens that have one."""
    first: dict[int, int] = {}
    for token in doc:
        if token.dep_ == "poss" and token.head.i != token.i:
            first.setdefault(token.head.i, token.i)
    return first


def _homes(state: DocState, sentence: Sentence, sent: Span) -> Iterator[Fact]:
    """'his Iowa hometown', "Ms. Varga's Germantown home", 'his hometown of Alden', 'his
    native South Carolina': a place owned as a home by the person the possessive names."""
    nouns = person_place_nouns()
    doc = sent.doc
    possessors = per_document(doc, "first_possessors", lambda: _first_possessors(doc))
    for token in sent:
        if token.i not in possessors:
            continue
        owner_word = doc[possessors[token.i]]
        owner = referent(state, owner_word, possessive=True)
        while owner is not None and owner.antecedent is not None and owner.is_pronoun and \
                owner.type is not EntityType.PERSON:
            owner = owner.antecedent
        if owner is None or owner.type is not EntityType.PERSON:
            continue
        lemma = token.lemma_.lower()
        predicate = nouns.get(lemma) or _home_place_noun(token)
        if token.pos_ == "NOUN" and predicate and token.i not in state.mention_at:
            yield from _noun_places(state, sentence, token, owner, predicate)
        elif any(c.lower_ == "native" and c.dep_ == "amod" for c in token.children):
            place = _place_of(state, token)
            if place is not None:
                yield _fact(state, sentence, sent.doc[token.i:token.i + 1], "cameFrom", owner,
                            place, "person-native-place")


def _home_place_noun(token: Token) -> str | None:
    """'home state', 'home country' (places.json home_place_nouns): cameFrom, as 'hometown'."""
    if token.lemma_.lower() in _words("home_place_nouns") and any(
            c.dep_ == "compound" and c.lower_ == "home" for c in token.children):
        return "cameFrom"
    return None


def _demonym_before_name(state: DocState, sentence: Sentence, span: Span,
                         person: Mention) -> Iterator[Fact]:
    """'the American singer X', 'Russian X': a nationality, unless a role follows it (then it
    names the country the role serves: see titles). Before an organisation ('the Greek gas
    producer Kymatia', 'the Mexican company X', 'Greek daily Y') it is where it is based."""
    doc = span.doc
    left = span.start
    opening = span.sent.start  # found once: a span's sentence is looked for at each ask
    # The run of modifiers before the name, each modifying a word to its right in the run
    # ('the Canadian think tank X': 'Canadian' modifies 'tank'); a name stops it.
    while (left > opening and doc[left - 1].dep_ in {"amod", "compound", "nmod"} and
           left <= doc[left - 1].head.i < span.end + 8 and doc[left - 1].pos_ != "PROPN") \
            or (left > opening and doc[left - 1].ent_type_ == "NORP"):
        left -= 1
    words = list(doc[left:span.start])
    place_before = state.mention_at.get(left - 1) if left > opening else None
    if place_before is not None and place_before.type is EntityType.PLACE and words and \
            words[-1].lemma_.lower() in _organisation_nouns():
        # 'the United States think tank X': a place's name (a proper noun, which stops the
        # run) opens a description of an organisation's kind; not of a person's ('Phoenix
        # newspaper reporter X').
        words = [doc[left - 1], *words]
    root = span.root
    if not words and root.dep_ == "appos" and root.head.pos_ == "NOUN" and \
            root.head.i == span.start - 1:
        # 'the Mexican company Luma Norte': the name is set beside the description.
        words = [t for t in doc[root.head.left_edge.i:root.head.i + 1] if t.dep_ != "det"]
    if not words or any(t.is_punct for t in words):
        return
    described = any(t.lemma_.lower() in _organisation_nouns()
                    for t in words[1:])
    if person.type is EntityType.ORGANIZATION and not described and _names_a_make(span):
        return  # 'a Japanese Kawara bomber': the adjective is the bomber's, not the maker's
    organisation = person.type is EntityType.ORGANIZATION or described
    if not organisation and any(canonical_role(t.lower_) for t in words[1:]):
        return  # 'the Greek foreign minister X': the country he serves (titles), not his origin
    predicate, rule = ("basedIn", "org-demonym") if organisation else \
        ("cameFrom", "person-demonym")
    for size in (2, 1):
        if len(words) >= size:
            place = demonym_mention(state, words[:size])
            if place is not None:
                yield _fact(state, sentence, doc[words[0].i:words[size - 1].i + 1], predicate,
                            person, place, rule)
                return
    if organisation:
        # 'the independent Beirut newspaper As-Sabah': a place named in the description.
        for word in words:
            named = state.mention_at.get(word.i)
            if named is not None and named.type is EntityType.PLACE:
                yield _fact(state, sentence, doc[word.i:word.i + 1], "basedIn", person, named,
                            "org-place-description")
                return


def _names_a_make(span: Span) -> bool:
    """'a Japanese Kawara bomber', 'a German Velmar turbine': a name set before a common
    noun as its maker or model; a demonym before both describes the thing, and says nothing
    the text states of where the maker is."""
    root = span.root
    return root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= span.end


# Facts whose place object also lies in the place written around it ('born in Ashford,
# N.Y.' is born in New York too; 'Fort Hamilton, Brooklyn, N.Y.' lies in New York).
WIDENED_PREDICATES = frozenset({"bornIn", "livedIn", "cameFrom", "basedIn", "locatedIn",
                                "diedIn"})


def widened_to_containers(facts: Iterable[Fact]) -> Iterator[Fact]:
    """For each where-fact about a place that the same sentence nests in a larger one ('X was
    born in Natchez, Miss.'), the same fact about the larger place, quoting both. Chains are
    followed ('Fort Hamilton, Brooklyn, N.Y.'). The new facts keep the first fact's trigger
    and factuality; their rule ends in '+container'."""
    facts = list(facts)
    around: dict[tuple[int, int], list[Mention]] = {}
    for fact in facts:
        if fact.predicate == "locatedIn" and fact.object is not None and \
                fact.subject.mention.type is EntityType.PLACE and \
                fact.object.mention.sentence_index == fact.subject.mention.sentence_index:
            key = (fact.subject.mention.start, fact.subject.mention.end)
            around.setdefault(key, []).append(fact.object.mention)
    pending = [f for f in facts if f.predicate in WIDENED_PREDICATES and f.object is not None]
    seen = {(f.predicate, f.subject.mention.start, f.object.mention.start)
            for f in pending if f.object is not None}
    while pending:
        fact = pending.pop()
        assert fact.object is not None
        inner = fact.object.mention
        for outer in around.get((inner.start, inner.end), []):
            key = (fact.predicate, fact.subject.mention.start, outer.start)
            if key in seen or outer.start == fact.subject.mention.start:
                continue
            seen.add(key)
            widened = _with_object(fact, outer)
            pending.append(widened)
            yield widened


def _with_object(fact: Fact, obj: Mention) -> Fact:
    evidence = fact.evidence
    update: dict[str, object] = {"rule": evidence.rule.removesuffix("+container") + "+container"}
    if evidence.clause_start is not None and evidence.clause_end is not None:
        update["clause_start"] = min(evidence.clause_start, obj.start)
        update["clause_end"] = max(evidence.clause_end, obj.end)
    assert fact.object is not None
    return fact.model_copy(update={"object": fact.object.model_copy(update={"mention": obj}),
                                   "evidence": evidence.model_copy(update=update)})
