"""Type voting: which kind of thing the mentions of one entity name.

The recogniser labels each mention on its own and is often wrong ('Sergei Orlin' an
organisation, 'Rite Aid' a person), so its label is one vote among several: a kind word in the
name ('Tidewell Foods Inc.', 'Deportivo Almena FC'), the offline gazetteer ('Kiev' is a city), a
title on a person ('Kremlin spokesman'), and the words around the mention ('the city of X',
'X-based'). The type with the most weight wins, whichever mention came first. Words and
weights are data (``kg/data/type_votes.json``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from pydantic import BaseModel, ConfigDict

from kg.entity_names import (
    common_acronyms,
    family_names_first,
    ship_prefixes,
    title_prefixes,
)
from kg.extract.gender import given_names
from kg.gazetteer import lookup, town
from kg.lexicon import (
    articles,
    data_file,
    demonyms,
    holder_kind_classes,
    narrower_kind_nouns,
    place_words,
    roles,
)
from kg.model import EntityType, Mention
from kg.relations import name_kind

PRIORITY = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE, EntityType.EVENT,
            EntityType.THING)


class _Weights(BaseModel):
    model_config = ConfigDict(frozen=True)

    recogniser: float
    guessed: float
    short_form: float
    kind_word: float
    gazetteer: dict[str, float]
    recogniser_on_place_name: dict[EntityType, float] = {}
    title: float
    context: float
    apposition: float = 0.0
    arabic_article: float = 0.0
    unsupported_person: float = 1.0
    capital_the: float = 0.0
    given_here: float = 0.0
    said_kind: float = 0.0
    person_opener: float = 0.0


class _SaidKinds(BaseModel):
    """Where the kind nouns of ``said_kind_type`` come from (``said_kinds``)."""

    model_config = ConfigDict(frozen=True)

    holder_words_not_kinds: frozenset[str] = frozenset()
    heads: dict[EntityType, tuple[str, ...]] = {}
    narrower_of: tuple[str, ...] = ()
    narrower_not_kinds: frozenset[str] = frozenset()


class TypeVoteRules(BaseModel):
    """The weights and context words of ``type_votes.json``."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    weights: _Weights
    before: dict[EntityType, tuple[str, ...]]
    after: dict[EntityType, tuple[str, ...]]
    document_split_margin: float = 1.0
    before_patterns: dict[EntityType, tuple[str, ...]] = {}
    apposition_nouns: dict[EntityType, tuple[str, ...]] = {}
    kind_suffixes: dict[EntityType, tuple[str, ...]] = {}
    instance_of_nouns: dict[EntityType, tuple[str, ...]] = {}
    speech_after: tuple[str, ...] = ()
    one_word_kinds: dict[EntityType, tuple[str, ...]] = {}
    outlet_one_word: dict[str, tuple[str, ...]] = {}
    event_names: dict[str, tuple[str, ...]] = {}
    said_kinds: _SaidKinds = _SaidKinds()
    after_patterns: dict[EntityType, tuple[str, ...]] = {}
    person_apposition_not_roles: frozenset[str] = frozenset()
    person_cue_not_after: frozenset[str] = frozenset()
    harmed_before: tuple[str, ...] = ()
    harmed_name_ends: frozenset[str] = frozenset()


@cache
def load_rules() -> TypeVoteRules:
    return TypeVoteRules.model_validate(data_file("type_votes.json"))


def document_split_margin() -> float:
    """How far ahead of any other type one document's votes must put a type for a name to
    be another thing there than in documents that vote otherwise (kg/resolve.py)."""
    return load_rules().document_split_margin


def mention_votes(mention: Mention, key: tuple[str, ...], text: str, *,
                  short_form: bool = False, he_or_she: bool = False,
                  given_here: bool = False) -> Counter[EntityType]:
    """The votes one mention casts. ``key`` is its folded name, ``text`` the document's text
    (for the words around it); a ``short_form`` of a longer name casts no gazetteer or
    kind-word vote, since its words name the longer thing ('Jordan' of 'Michael Jordan'), and
    its recogniser label is worth only the ``short_form`` weight: the recogniser reads a lone
    surname as anything ('Brannock' an organisation ten times over the one 'Kyle
    Brannock' it read as a person), so the full name's mentions and the words around the
    short one decide. ``he_or_she``: a 'he' or 'she' of the document refers back to the
    name, which supports the recogniser's person label (``person_supported``).
    ``given_here``: the name's first word opens a name the recogniser read as a person's in
    the same document ('Nikos Karalis, Nikos Alexiou and ...'): the article itself uses it
    as a given name, whatever the recogniser read this name as."""
    rules = load_rules()
    weights = rules.weights
    votes: Counter[EntityType] = Counter()
    before_types, after_types = _context_types(mention, text)
    around = before_types | after_types
    strong = mention.ner_label is not None and mention.ner_label != "PROPN"
    recogniser = weights.recogniser if strong else weights.guessed
    kind_of_place: str | None = None
    if not short_form:
        kind = event_name(mention.text, text[mention.end:mention.end + 40]) or \
            name_kind(name_words(mention.text)) or _suffix_kind(key)
        if kind is None and (_model_numbered(mention, key, text) or
                             _maker_and_model(mention, key, text)):
            kind = EntityType.THING
        if kind is not None:
            votes[kind] += weights.kind_word
        place = lookup(" ".join(key)) if key else None
        if place is None and _may_be_town(mention.text):
            place = town(mention.text)
        kind_of_place = place.kind if place is not None else _place_pair(mention.text)
        if kind_of_place is not None:
            votes[EntityType.PLACE] += weights.gazetteer.get(kind_of_place, 0.0)
            recogniser = min(recogniser, weights.recogniser_on_place_name.get(mention.type,
                                                                              recogniser))
        if kind is None and kind_of_place is None and mention.type is EntityType.PLACE and \
                _opens_with_person_word(key, mention.text):
            votes[EntityType.PERSON] += weights.person_opener
        if kind is None and _harmed(mention, text):
            votes[EntityType.PERSON] += weights.context
        if strong and mention.type is EntityType.PERSON and len(key) == 1 and \
                not he_or_she and not person_supported(mention, key, text, around):
            recogniser = min(recogniser, weights.unsupported_person)
    votes[mention.type] += weights.short_form if short_form else recogniser
    if not short_form and ARABIC_ARTICLE.match(mention.text):
        votes[EntityType.ORGANIZATION] += weights.arabic_article
    if not short_form and _titled_with_the(mention, key, text):
        votes[EntityType.ORGANIZATION] += weights.capital_the
    if mention.title:
        votes[EntityType.PERSON] += weights.title
    if not short_form and given_here:
        votes[EntityType.PERSON] += weights.given_here
    if not short_form and len(key) == 1:
        one_word = _one_word_kind(mention, key, text)
        if one_word is not None:
            votes[one_word] += weights.kind_word
    if EntityType.ORGANIZATION in around and _opens_with_given_name(key) and \
            before_types == {EntityType.ORGANIZATION}:
        around = around - {EntityType.ORGANIZATION}  # 'the company John Reyes founded'
    for entity_type in around:
        votes[entity_type] += weights.context
    defined = apposition_type(text[mention.end:mention.end + 120])
    if defined is None and role_apposition(text[mention.end:mention.end + 120]) and \
            _person_cue_here(text[max(0, mention.start - 40):mention.start].lower()):
        defined = EntityType.PERSON  # not 'born in Boston, a noted scholar': someone else
    if defined is not None:
        votes[defined] += weights.apposition
    instance = None if _opens_with_given_name(key) else \
        instance_type(text[max(0, mention.start - 60):mention.start])
    if instance is not None:
        votes[instance] += weights.apposition
    elif defined is None and not short_form and kind_of_place not in _LARGE_PLACES:
        said = said_kind_type(mention, key, text)
        if said is not None:
            votes[said] += weights.said_kind
    return votes


def _model_numbered(mention: Mention, key: tuple[str, ...], text: str) -> bool:
    """'Velmar Skyhawk 3', 'Orbix Falcon 9': a name of two words or more that ends in a
    model number, or that the text goes on with one ('the Velmar Skyhawk 3 landed', when
    the recogniser left the number out), is a product's, a thing: no person's or
    company's name ends in a number, and the maker's name inside it ('Velmar') is no person
    either. Not a name the recogniser read as a place's (a road, 'Route 2'), nor one that
    opens with a given name ('Tom Reyes 2, Ana Lind 1': a score), nor one written before a
    unit or a count ('Velmar Skyhawk 3 percent'). A kind word of the name says what it is
    first ('Harbour Radio 4' is a station): asked only without one."""
    if len(key) < 2 or _opens_with_given_name(key) or \
            mention.type is EntityType.PLACE:
        return False  # 'Route 2', 'Highway 9' the recogniser read as places are roads
    if key[-1].isdigit() and any(c.isalpha() for c in "".join(key[:-1])):
        return not key[-2].isdigit()
    return _MODEL_NUMBER_AFTER.match(text, mention.end) is not None


def _maker_and_model(mention: Mention, key: tuple[str, ...], text: str) -> bool:
    """'Orbix Starhawk' when the article also writes 'Orbix' alone and 'Starhawk' alone: a
    maker's name and then its model's, a product, a thing ('the Starhawk docked'; 'Orbix
    said'), whichever of them the recogniser read as a person; so is the model's name
    alone ('Starhawk') when the article writes it after such a maker, unless the recogniser
    read this mention of it as a person's ('Republican Ana Lind'). A person's name seldom
    has both halves written alone: not one that opens with a given name, a family name
    written first ('Maria Costa' and 'Costa'), a title or a known place
    (``_may_be_maker``), nor one the recogniser read as a place's, nor one with a word in
    lower case ('Chinese government'). The maker written alone must stand inside a
    sentence (at its start a capital says nothing: 'Air' of 'Air Caledon' opens 'Air
    quality fell')."""
    words = mention.text.split()
    if mention.type is EntityType.PLACE or not key or \
            not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    if len(words) >= 2 and len(key) >= 2 and _may_be_maker(words[0]) and \
            lookup(" ".join(words[1:])) is None and \
            _written_alone(words[0], text, inside_sentence=True) and \
            _written_alone(" ".join(words[1:]), text, inside_sentence=False):
        return True
    if mention.ner_label == "PERSON":
        return False  # 'Republican Kevin Ames': the model alone is weighed on other readings
    return any(_may_be_maker(found.group(1)) and
               _written_alone(found.group(1), text, inside_sentence=True)
               for found in re.finditer(rf"(?<![\w-])([A-Z][\w-]+) {re.escape(mention.text)}"
                                        rf"(?![\w-])", text))


def _may_be_maker(word: str) -> bool:
    """Whether a capitalised word may be a maker's name before its model's: no given name
    ('Tom' of 'Tom Reyes'), family name written first, demonym ('Brazilian Tom Reyes'),
    title or person noun ('Senator
    Reyes', 'Representatives Ana Lind'), article or place the gazetteer knows ('Nanaimo'
    of 'Nanaimo RCMP', a town's police), nor initials ('UC' of a campus, 'UC Linden')."""
    folded = word.lower()
    if word.isupper() or folded in given_names() or folded in family_names_first():
        return False
    return folded not in articles() and folded not in demonyms() and \
        not _is_role_word(folded) and lookup(word) is None


def _is_role_word(folded: str) -> bool:
    """A title or a person noun, singular or plural ('Senator', 'Representatives')."""
    return any(w in _title_words() or w in roles() for w in (folded, folded.removesuffix("s")))


@cache
def _title_words() -> frozenset[str]:
    return frozenset().union(*(title_prefixes(when) for when in ("any", "honorific",
                                                                  "full_name")))


def _written_alone(name: str, text: str, *, inside_sentence: bool) -> bool:
    """Whether ``text`` writes ``name`` as a name of its own: not inside a longer name (no
    capitalised word right before or after it)."""
    for found in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        before = text[:found.start()].rstrip()
        after = text[found.end():]
        if _NAME_GOES_ON.match(after) or re.search(r"[A-Z][\w'’.-]*$", before):
            continue
        if inside_sentence and (not before or before[-1] in ".!?\"“”:\n"):
            continue
        return True
    return False


# ' 3 landed', ' 9,' but not ' 3 percent', ' 3 million', ' 3-2', ' 3.5', ' 3:1'
_MODEL_NUMBER_AFTER = re.compile(
    r" \d{1,4}(?![\d.:,/-]\d)(?=[,;)]|\.(?!\d)|$| (?!(?:percent|per|million|billion|"
    r"thousand|hundred|years?|months?|days?|hours?|minutes?|points?|goals?|votes?|people|"
    r"of|to|and|or)\b)[a-z])")


def name_words(name: str) -> tuple[str, ...]:
    """A name's words in lower case, as ``name_kind`` reads them, with initials written with
    dots kept as one word: 'Orsoni S.A.' -> ('orsoni', 'sa'), so a company's dotted
    ending ('S.A.', 'N.V.', 'S.p.A.') is the kind word it is when written plain; split
    letter by letter it was no word at all and the name went to the recogniser's label (a
    person, for a company named after its founder)."""
    return tuple(w.replace(".", "") for w in _NAME_WORD.findall(name.lower()))


_NAME_WORD = re.compile(r"(?<![a-z])(?:[a-z]\.){2,}|[a-z]+")


_LARGE_PLACES = frozenset({"city", "state", "country"})  # gazetteer evidence outweighs a said kind


def said_kind_type(mention: Mention, key: tuple[str, ...], text: str) -> EntityType | None:
    """The type a kind noun the article predicates of the name implies (``said_kinds``):
    written just before it ('the rock band X', 'the freighter X'), unless the name opens
    with a given name ('the band John Reyes founded' is his band, not him) or has a title,
    or heading an
    appositive or a copula after it ('X, an early supergroup', 'X is a satellite
    startup'). The recogniser reads such names by their words ('Harper Lane' a person, a
    film named for a beast an organisation); the article says what they are. None when it
    says nothing, or names kinds of two types."""
    found: set[EntityType] = set()
    words = text[max(0, mention.start - 30):mention.start].split()
    if words and text[mention.start - 1:mention.start].isspace() and \
            not _opens_with_given_name(key) and mention.title is None:
        before = _said_kind_nouns().get(words[-1])  # as written: 'Rock Band X' is a name
        if before is not None:
            found.add(before)
    after = _said_after().match(text, mention.end)
    if after is not None:
        found.add(_said_kind_nouns()[after.group(1)])
    return next(iter(found)) if len(found) == 1 else None


@cache
def _said_kind_nouns() -> dict[str, EntityType]:
    """Kind noun -> the type it implies: every holder word of data/holder_kinds.json that is
    no name ending is an organisation's; the data/kind_nouns.json heads of ``heads``, and the
    WordNet hyponyms of those in ``narrower_of``, the type of their head."""
    said = load_rules().said_kinds
    kinds: dict[str, EntityType] = {
        word: EntityType.ORGANIZATION for kind in holder_kind_classes() for word in kind["holders"]
        if " " not in word and word not in said.holder_words_not_kinds}
    narrower = narrower_kind_nouns()
    for entity_type, heads in said.heads.items():
        for head in heads:
            kinds.setdefault(head, entity_type)
            if head in said.narrower_of:
                for noun in sorted(narrower.get(head, frozenset()) - said.narrower_not_kinds):
                    kinds.setdefault(noun, entity_type)
    return kinds


# Words that cannot be a modifier before the kind noun of a description after a name: 'a
# member of the band' is a member, 'a man of the party' a man.
_NOT_MODIFIERS = ("of", "at", "in", "for", "from", "with", "to", "by", "on", "and", "or")


def kind_described_after(lead: str, modifier_word: str, nouns: list[str],
                         next_words: tuple[str, ...], flags: int = 0, *,
                         marks: str = "[,.;:)]", not_modifiers: tuple[str, ...] = _NOT_MODIFIERS,
                         fewest_modifiers: bool = False) -> re.Pattern[str]:
    """A description of a name right after it: ``lead`` (a comma, or a copula, with the
    space after it), an article, up to three modifiers (``modifier_word``, none of
    ``not_modifiers``; the fewest that fit when ``fewest_modifiers``) and one of ``nouns``
    (group 1, tried in the order given) that ends the phrase, at one of ``marks`` or before
    one of ``next_words`` ('a band from X', 'a company that ...'), never before another noun
    ('a band member' is no band). The one shape of ``_said_after``, ``_apposition_patterns``
    and kg.holders.kinds_said_after, so a kind said after a name is read alike for its type
    and for the roles it holds."""
    excluded = rf"(?!(?:{'|'.join(not_modifiers)})\s)" if not_modifiers else ""
    modifier = rf"(?:{excluded}{modifier_word}\s+)"
    count = "{0,3}?" if fewest_modifiers else "{0,3}"
    end = rf"(?=\s*(?:{marks}|$)|\s+(?:{'|'.join(next_words)})\b)"
    article = "|".join(sorted(articles()))
    return re.compile(rf"{lead}(?:{article})\s+{modifier}{count}"
                      rf"({'|'.join(map(re.escape, nouns))}){end}", flags)


@cache
def _said_after() -> re.Pattern[str]:
    """', an early supergroup', ' is a satellite startup': an appositive or a copula right
    after a name, an article, up to three modifiers in lower case (no name: 'Reyes, the
    council adjourned the session for' says nothing of Reyes) and a kind noun that ends the
    phrase, all as written (``kind_described_after``)."""
    return kind_described_after(
        r"(?:\s*,|\s+(?:is|was))\s+", r"[a-z0-9][\w'’-]*",
        sorted(_said_kind_nouns(), key=len, reverse=True),
        ("that", "which", "based", "in", "of", "from", "with", "founded", "formed", "owned",
         "headquartered", "known", "run", "whose", "led", "released", "made", "where", "for"))


def _one_word_kind(mention: Mention, key: tuple[str, ...], text: str) -> EntityType | None:
    """What a one-word name is by itself or by the words around it: a legislature's word
    ('Congress', 'Senate': ``one_word_kinds``) is an organisation; an initialism of a common
    thing ('LNG', 'CT' scans: ``kg/data/entity_names.json`` common_acronyms) is a thing; a
    one-word name an outlet's words surround ('an interview with Mercury', 'Metro reported':
    ``outlet_one_word``) is a publication, since a person the article quotes is named in
    full first (a surname alone is a short form and casts no such vote)."""
    rules = load_rules()
    for entity_type, words in rules.one_word_kinds.items():
        if key[0] in words:
            return entity_type
    if mention.text.isupper() and mention.text in common_acronyms():
        return EntityType.THING
    before = "" if _NAME_GOES_ON.match(text, mention.end) else \
        " ".join(text[max(0, mention.start - 40):mention.start].lower().split())
    after = text[mention.end:mention.end + 30].lower()
    outlet = rules.outlet_one_word
    words_before = outlet.get("before", ()) + (
        () if key[0] in given_names() else outlet.get("before_unless_given_name", ()))
    if ends_with_word(before, words_before) \
            or any(after.startswith(w) and not after[len(w):len(w) + 1].isalnum()
                   for w in outlet.get("after", ())):
        return EntityType.ORGANIZATION
    return None


def _titled_with_the(mention: Mention, key: tuple[str, ...], text: str) -> bool:
    """'a report by The Baltic': 'The' written with a capital inside a sentence is part of
    a title, a publication's or a band's, not of a place's name, unless the gazetteer knows
    the name as a city or larger ('The Hague', 'The Gambia')."""
    before = text[max(0, mention.start - 40):mention.start]
    if not before.endswith("The ") or lookup(" ".join(key)) is not None or \
            lookup("the " + " ".join(key)) is not None:
        return False
    rest = before[:-4].rstrip()
    return bool(rest) and rest[-1] not in ".!?:;\"“”'‘’([-—–" and not rest.endswith("\n")


def _opens_with_given_name(key: tuple[str, ...]) -> bool:
    return len(key) >= 2 and key[0] in given_names()


def _opens_with_person_word(key: tuple[str, ...], name: str) -> bool:
    """Whether a name of two words or more opens as only a person's does: with a given name
    ('Sara Okoro') or a title ('Prince Oderal', 'Sir Tom Alder'). Asked of a name the
    recogniser read as a place's that neither the gazetteer nor a kind word of the name
    explains ('Santa Ana', 'King County' are places): the recogniser reads unfamiliar
    surnames as towns, and its label then stood alone. ``key`` is the folded name (which
    leaves a title out), ``name`` the name as written."""
    words = name.split()
    if len(words) < 2 or words[0].lower() in place_words()["compass_words"]["words"] or \
            _large_place(words[0]) or any(_place_word(w) for w in words[1:]):
        return False  # 'West Yorkshire', 'Virginia Tech', 'Pearl Harbor', 'West Germany'
    return _opens_with_given_name(key) or words[0].lower().rstrip(".") in _opening_titles()


def _large_place(word: str) -> bool:
    """A state or a country the gazetteer knows ('Virginia', 'Georgia', 'Jordan'): a name it
    opens is the place's or named for it ('Virginia Tech'), though the word is a given name
    too. A town or city of a given name's spelling ('Elizabeth') says less."""
    place = lookup(word)
    return place is not None and place.kind in ("state", "country")


def _place_word(word: str) -> bool:
    """A word that makes a name a place's wherever it stands in it: a place the gazetteer
    knows ('Germany' of 'West Germany') or a site's last word (places.json facility_words:
    'Harbor')."""
    return lookup(word) is not None or word.lower() in place_words()["facility_words"]["words"]


@cache
def _opening_titles() -> frozenset[str]:
    """The titles written before a name that make it a person's ('any' and 'honorific' of
    kg/data/entity_names.json title_prefixes), not those of a full name only ('Judge')."""
    return title_prefixes("any") | title_prefixes("honorific")


def person_supported(mention: Mention, key: tuple[str, ...], text: str,
                     around: set[EntityType] | None = None) -> bool:
    """Whether anything but the recogniser says a name is a person's: a given name that
    opens it ('Tom Harker') or is all of it, a family name written first ('Pak'), a title
    ('Kremlin spokesman X'), person words around it ('Mr', 'said she'), or a speech verb
    after it ('Hartley said'; a place says nothing). Without
    any (nor a 'he' or 'she' for it), the recogniser's person label weighs
    ``unsupported_person``, less than a town of that name: 'Tebay' in 'appliances from
    Kendal, Penrith, Alston, Tebay' is the town, not a person. Only one-word names
    are weighed so: two capitalised words the recogniser calls a person mostly are one."""
    return _opens_with_given_name(key) or mention.title is not None or \
        (len(key) == 1 and (key[0] in given_names() or key[0] in family_names_first())) or \
        EntityType.PERSON in (around if around is not None
                              else set().union(*_context_types(mention, text))) or \
        _speaks().match(text[mention.end:mention.end + 20]) is not None


@cache
def _speaks() -> re.Pattern[str]:
    """A verb of speech right after a name (``speech_after``), as written."""
    verbs = "|".join(map(re.escape, load_rules().speech_after))
    return re.compile(rf"\s+(?:{verbs})\b")


def event_name(name: str, after: str) -> EntityType | None:
    """An operation's name is an event's (``event_names``): 'Operation Sea Shield', or a
    mission, campaign or drive named for what it is to do ('the Harbour Mission to return
    nationals'); a mission named for where it is ('UN Mission in Kosovo', 'Mission to the
    UN') is the organisation its kind word says. ``after``: the text right after the name."""
    words = name.lower().split()
    kinds = load_rules().event_names
    if len(words) < 2:
        return None
    if words[0] in kinds.get("opening", ()) or (
            words[-1] in kinds.get("head_with_purpose", ()) and
            _PURPOSE.match(after) is not None):
        return EntityType.EVENT
    return None


# 'to' and a verb in lower case, not an article ('Mission to the United Nations').
_PURPOSE = re.compile(r"\s+to\s+(?!(?:the|a|an|this|that|its|his|her|their)\b)[a-z]+\b")


def _suffix_kind(key: tuple[str, ...]) -> EntityType | None:
    """The kind a one-word name's ending gives it (``kind_suffixes``): 'Metronews' ends with
    an outlet word, an organisation; 'Grexit' is an exit, an event. The stem before the
    ending must be three letters or more."""
    if len(key) != 1:
        return None
    for entity_type, endings in load_rules().kind_suffixes.items():
        if any(key[0].endswith(e) and len(key[0]) >= len(e) + 3 for e in endings):
            return entity_type
    return None


def _place_pair(name: str) -> str | None:
    """'Minneapolis-Saint Paul', 'Leeds-Bradford': two places the gazetteer knows as cities or
    larger, joined by a hyphen, name the place they make together; its kind is the smaller
    one's. A town ('Hewlett' of 'Hewlett-Packard') is not enough."""
    halves = name.split("-")
    if len(halves) != 2 or not all(h[:1].isupper() for h in halves):
        return None
    places = [lookup(h) for h in halves]
    if any(p is None for p in places):
        return None
    return min((p for p in places if p is not None), key=lambda p: _KIND_SIZE.get(p.kind, 9)
               ).kind


_KIND_SIZE = {"town": 0, "city": 1, "state": 2, "country": 3}


@cache
def _instance_patterns() -> tuple[tuple[EntityType, re.Pattern[str]], ...]:
    """'the Mexican company X', 'social media site X', 'the plane, a X': a kind noun in
    lower case right before the name (after up to two lower-case words), or before a comma
    and 'a' or 'the', says what the name is an instance of."""
    rules = load_rules()
    found = []
    for entity_type, nouns in rules.instance_of_nouns.items():
        kinds = "|".join(map(re.escape, nouns))
        found.append((entity_type, re.compile(
            rf"(?:(?:^|\s)(?:[a-z][\w'’-]*\s+){{0,2}}(?:{kinds})|"
            rf"\b(?:{kinds}),\s+(?:a|an|the))\s+$", re.IGNORECASE)))
    return tuple(found)


def noun_kind(noun: str) -> EntityType | None:
    """The kind of thing a common noun says its referent is ('aircraft' a thing, 'airport'
    a place, 'newspaper' an organisation), from the kind nouns of ``instance_of_nouns`` and
    ``apposition_nouns``; None for a noun neither lists ('man', 'group' of people). A
    description ('the aircraft') can stand only for an entity of its noun's kind."""
    return _noun_kinds().get(noun.lower())


@cache
def _noun_kinds() -> dict[str, EntityType]:
    rules = load_rules()
    kinds: dict[str, EntityType] = {}
    for table in (rules.instance_of_nouns, rules.apposition_nouns):
        for entity_type, nouns in table.items():
            for noun in nouns:
                kinds.setdefault(noun, entity_type)
    return kinds


def instance_type(before: str) -> EntityType | None:
    """The kind of thing the words right before a name say it is an instance of
    (``instance_of_nouns``), or None. ``before``: the text right before the name."""
    if not _may_name_instance(before):
        return None
    for entity_type, pattern in _instance_patterns():
        if pattern.search(before):
            return entity_type
    return None


def _may_name_instance(before: str) -> bool:
    """Whether ``_instance_patterns`` can match ``before`` at all: both end in a space and
    either a kind noun ('company X') or an article after a kind noun and a comma ('the
    plane, a X') as the last word. Asked first because the patterns, tried at every offset,
    were a tenth of resolution's time for every mention (issue 14). A last word that is not
    plain ASCII is left to the patterns (their case folding is Unicode's)."""
    words = before.split()
    if not words or not before[-1].isspace():
        return False
    last = words[-1]
    return not last.isascii() or last.lower() in _instance_last_words()


@cache
def _instance_last_words() -> frozenset[str]:
    """The words that can end a match of ``_instance_patterns``: the kind nouns, and the
    articles of 'the plane, a X'."""
    nouns = {n.lower() for ns in load_rules().instance_of_nouns.values() for n in ns}
    if any(not n.isascii() or any(c.isspace() for c in n) for n in nouns):
        raise ValueError("instance_of_nouns: one plain word each (type_votes.json)")
    return frozenset(nouns | articles())


ARABIC_ARTICLE = re.compile(r"(?i)^a[lnrst][-‐‑](?=\w)\S+$")  # one word: 'al-Qaeda', 'Ash-Sham'


def _may_be_town(name: str) -> bool:
    """Whether to ask the small-town table (read on first use): a capitalised name of at
    most three words that no bigger place has; no initialism ('SALA' is no town 'Sala')."""
    words = name.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words)


@cache
def _apposition_patterns() -> tuple[tuple[EntityType, re.Pattern[str]], ...]:
    """', a cybersecurity firm,': an article, up to three modifiers and a kind noun that ends
    the apposition, in any case (``kind_described_after``)."""
    next_words = ("that", "which", "based", "in", "of", "from", "with", "founded", "owned",
                  "headquartered", "known", "run", "whose", "dedicated", "held", "where", "for")
    return tuple((entity_type, kind_described_after(
        r"^\s*,\s+", r"[\w'’-]+", list(nouns), next_words, re.IGNORECASE))
        for entity_type, nouns in load_rules().apposition_nouns.items())


def role_apposition(after: str) -> bool:
    """Whether an apposition right after a name gives it a role only a person has ('Tidwell,
    a retired CIA officer,'; 'Lincoln, the 16th president,'), in the shape of
    ``apposition_type`` and asked only when that finds no kind. ``after``: the text right
    after the name."""
    return _role_apposition_pattern().search(after) is not None


@cache
def _role_apposition_pattern() -> re.Pattern[str]:
    """The role words of data/roles.json, but none that ``person_apposition_not_roles``
    lists as a company's or a country's too ('the host', 'the developer') nor any other
    type's apposition noun; the longest first, so 'foreign minister' is read whole."""
    rules = load_rules()
    others = {n for nouns in rules.apposition_nouns.values() for n in nouns}
    written = data_file("roles.json")["roles"]
    words = {w.lower() for w in written} - rules.person_apposition_not_roles - others
    next_words = ("that", "who", "whose", "in", "of", "from", "with", "at", "for", "since")
    return kind_described_after(r"^\s*,\s+", r"[\w'’-]+",
                                sorted(words, key=lambda w: (-len(w), w)), next_words,
                                re.IGNORECASE)


def apposition_type(after: str) -> EntityType | None:
    """The kind of thing an apposition right after a name says it is ('Brightwall, a
    cybersecurity firm, found ...' -> organisation; 'Tavua, a town in Fiji' -> place);
    None when none is there. ``after``: the text right after the name."""
    for entity_type, pattern in _apposition_patterns():
        if pattern.search(after):
            return entity_type
    return None


def _context_types(mention: Mention, text: str) -> tuple[set[EntityType], set[EntityType]]:
    """The types the words right before the mention, and those right after it, vote for:
    read once per mention (the 'before' ones alone tell 'the company John Reyes founded').
    The words before a name that goes on in capitals ('told the Washington Post' for
    'Washington') are about the longer name, not this one."""
    rules = load_rules()
    found: set[EntityType] = set()
    before = " ".join(text[max(0, mention.start - 40):mention.start].lower().split())
    if _NAME_GOES_ON.match(text, mention.end):
        before = ""
    for entity_type, words in rules.before.items():
        if ends_with_word(before, words):
            found.add(entity_type)
    for entity_type, patterns in _before_patterns().items():
        if any(p.search(before) for p in patterns):
            found.add(entity_type)
    after_text = text[mention.end:mention.end + 40].lower()
    following = {entity_type for entity_type, words in rules.after.items()
                 if any(after_text.startswith(w) and not after_text[len(w):len(w) + 1].isalnum()
                        for w in words)}
    following |= {entity_type for entity_type, patterns in _after_patterns().items()
                  if any(p.match(after_text) for p in patterns)}
    if _opens_who_clause(before, after_text):
        following.add(EntityType.PERSON)
    if _after_ship_prefix(text, mention.start):
        found.add(EntityType.THING)
    return found, following


def _opens_who_clause(before: str, after: str) -> bool:
    """', who' right after the name: a relative clause only a person's name opens ('Warner,
    who owned a bank', which the recogniser and the town table read as a place), unless the
    word before the name may make the clause the noun's before it ('the people of Kenya,
    who ...': ``_person_cue_here``). ``before`` and ``after`` in lower case."""
    return after.startswith(", who") and not after[5:6].isalnum() and _person_cue_here(before)


def _harmed(mention: Mention, text: str) -> bool:
    """Whether the name is the one a verb or noun of killing or wounding right before it is
    done to (``harmed_before``: 'shot X', 'the murder of X'): only a person is shot, so a
    town of that name ('Lincoln', 'Booth') is not what is meant. Not when the name goes on
    as a modifier: a possessive ('shot Harlow's mayor': the mayor was) or a word in lower
    case that may not end the phrase of the one harmed (``harmed_name_ends``: 'killed Harlow
    residents'; 'shot X in the back' is fine; a verb in the past after it, 'the murder of
    X shocked', is too), nor when a name in capitals
    goes on ('killed Harlow Tower guards'). Asked only of a name with no kind word."""
    if _NAME_GOES_ON.match(text, mention.end):
        return False
    before = " ".join(text[max(0, mention.start - 40):mention.start].lower().split())
    if not ends_with_word(before, load_rules().harmed_before):
        return False
    after = text[mention.end:mention.end + 30]
    if after.startswith(("'s", "’s", "'", "’")):
        return False
    following = _NEXT_WORD.match(after)
    return following is None or following.group(1) in load_rules().harmed_name_ends or \
        following.group(1).endswith("ed")


_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def _person_cue_here(before: str) -> bool:
    """Whether a person cue right after a name (a 'who' clause, a role apposition) may be
    about the name: not when the word before it is a preposition or the like
    (``person_cue_not_after``: 'born in Boston, a noted scholar') or ends in a comma (a place
    after its town, 'Budapest, Hungary, who'), when the cue is about a noun before.
    ``before``: the lower-case text right before the name."""
    words = before.split()
    return not words or (words[-1] not in load_rules().person_cue_not_after and
                         not words[-1].endswith(","))


@cache
def _after_patterns() -> dict[EntityType, tuple[re.Pattern[str], ...]]:
    return {t: tuple(map(re.compile, ps)) for t, ps in load_rules().after_patterns.items()}


def ends_with_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` ends with one of ``words`` at the start of a word (after the
    beginning or a character no word has)."""
    return bool(words) and _ending_pattern(words).search(text) is not None


@cache
def _ending_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all of ``words`` (built once per word list): a pattern per word, made
    for every mention, was a third of resolution's time."""
    return re.compile(rf"(?:^|\W)(?:{'|'.join(map(re.escape, words))})$")


def _after_ship_prefix(text: str, start: int) -> bool:
    """'the U.S.S. Grayfin', 'HMS Ardent': a vessel prefix (``ship_prefixes``) right before
    the name, as written (case counts: 'Ms' is no 'MS'), makes the name a vessel's even when
    the recogniser left the prefix out of the name or a sentence break cut it off."""
    words = text[max(0, start - 12):start].split()
    return bool(words) and text[start - 1:start].isspace() and words[-1] in ship_prefixes()


_NAME_GOES_ON = re.compile(r" [A-Z][a-z]")


@cache
def _before_patterns() -> dict[EntityType, tuple[re.Pattern[str], ...]]:
    return {t: tuple(map(re.compile, ps)) for t, ps in load_rules().before_patterns.items()}


def winner(votes: Counter[EntityType]) -> EntityType:
    """The type with the most weight; ties go by ``PRIORITY`` (a person before the rest)."""
    if not votes:
        return EntityType.THING
    best = max(votes.values())
    return next(t for t in PRIORITY if abs(votes.get(t, 0.0) - best) < 1e-9)
