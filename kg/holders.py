"""Whose office a bare title names: 'President X', 'Prime Minister Y' with the holder unsaid.

News names a title's holder once ('Ukrainian Prime Minister Y', 'the president of Ukraine, X')
and then drops it ('Prime Minister Y offered his resignation'), or never says it because the
article is about one country. A position with no holder is still a fact, but a vague one: a
reader writes 'Y is prime minister of Ukraine'. After resolution, when every mention knows its
entity, a holder-less position takes a holder from what the corpus itself says, most sure
first:

1. the same person holds the same role of a named holder elsewhere in the same article;
2. the same person holds the same role of one holder in another article, and that holder is
   named in this article too (the evidence stays a span of this article); the same for a
   role of the same kind, after those the same article gives ('opposition leader X' here,
   'X, leader of the Y Party' in another article, the Y Party named here too);
3. the role is held in an organisation of a kind (``data/holder_kinds.json``: a judge in a
   court, a lawmaker in a legislature, a drummer in a band) and the article names exactly one
   organisation of that kind, by the head noun of its name ('Velby District Court'), the
   end of its name ('Legislative Council') or the noun written before it ('the band X'):
   that organisation; when it names several, the one the role's own sentence names, else the
   one its paragraph names (a profession, which needs no holder, takes only its sentence's);
4. the role is held of one piece of work ('lead author', ``data/work_roles.json``): the one
   study or report the role's sentence writes, else the only one the article names, else
   the one named last before the role's sentence;
5. the role is an office only one country has ('taoiseach'): that country, when the
   article names it, and nothing otherwise;
6. the role is an office of a country, a state or a city (``_country_offices`` and its
   siblings in ``data/roles.json``), the person holds no position in an organisation
   anywhere in the corpus, and the article names one such place far more than any other:
   that place; else the one place of its kind the fact's own sentence names (a country by
   name or adjective); else, for a state's or a city's office whose sentence names none,
   the one the sentence before names ('Floods hit Montana. Gov. X declared an emergency');
   else, for a country's office, the country the story is filed from (its dateline); else
   the place of its kind the headline names ('Floods strand hundreds across Denver suburbs'
   and then 'Mayor X'): the one it names, when one of the two of its kind the article names
   most, or of several the one the article names more than any other. A country of the
   dateline must be one of the two the article names most too, so that one named in
   passing is not taken; else, for a national seat only some countries' legislatures have
   ('senator', ``seat_countries`` of ``data/holder_kinds.json``), the one country the
   article names that has it;
7. the title was written with a place as its described owner ('the city's mayor, X', "the
   state's attorney general, Y"; ``place_owners`` of ``data/holder_kinds.json``), tried
   before 3 as the description says what to look for: the one place of the kind the
   description names that its context names, nearest first: its own sentence before the
   title, the sentence before, the headline, else the place of that kind the article names
   far more than any other. The description, not the title, says the kind: 'the city's
   home minister' is a city's. Capitalised words the gazetteer knows as a place of the kind
   count at each scope even when the recogniser missed them, so that a missed name makes
   the description ambiguous rather than pointing at the other place.

A holder taken from the same role stated elsewhere (1, 2) brings its tenure: when every
statement of that post says it is over ('former ambassador X'), the bare title ('Ambassador
X') is the same ended post and is marked so.

A title nothing fills stays a fact with one participant, at the low confidence a position
without a holder has: judged on both sets, a bare profession ('actor X') is mostly correct and
a bare office ('President X') mostly vague, but the gold also records bare offices ('court
commissioner', 'opposition leader'), so dropping them would cost more than it saves.

The filled fact keeps its own sentence and trigger; its rule says how the holder was found
and counts as inherited for ``kg:confidence``, which is recomputed. Nothing is filled when two
holders fit, so a bare 'President X' in an article about two countries stays holder-less.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

from kg.extract.facts import confidence_of
from kg.gazetteer import lookup
from kg.lexicon import (
    data_file,
    demonyms,
    holder_kind_classes,
    kinship_roles,
    organisation_kinds,
    professions,
)
from kg.model import (
    Dateline,
    Document,
    Entity,
    EntityType,
    Fact,
    Mention,
    ResolvedCorpus,
    Role,
    RoleName,
)
from kg.type_votes import kind_described_after

AFFILIATED = "affiliatedWith"
MEMBER = "member"
# A place must be named at least this often, and this many times more than the next place of
# its kind, to be taken as the place an article is about.
_MIN_MENTIONS = 2
_DOMINANCE = 2.0


@cache
def _roles_data() -> dict[str, Any]:
    """data/roles.json, read once for the office tables below."""
    return data_file("roles.json")


@cache
def _title_classes() -> dict[str, tuple[tuple[str, ...], bool]]:
    """Canonical title -> (the words that mark the organisations it is held in, in order;
    whether only its own sentence may give one), from data/holder_kinds.json."""
    return {title: (tuple(group["holders"]), bool(group.get("profession")))
            for group in holder_kind_classes() for title in group["titles"]}


# Words that end the head of a name: 'House' of 'House of Representatives'.
_NAME_POSTMODIFIERS = frozenset({"of", "for", "on", "in", "at"})


def name_phrase(label: str) -> str:
    """The head of an organisation's name with what follows it, lower case: 'court' of
    'Harlow District Court', 'university of tarn', 'house of representatives'; a kind is
    its first word or, for a kind of several words, its start."""
    words = label.lower().replace("'s", "").split()
    for index, word in enumerate(words):
        if index and word in _NAME_POSTMODIFIERS:
            return " ".join(words[index - 1:])
    return words[-1] if words else ""


@cache
def _one_country_offices() -> dict[str, str]:
    """Canonical role -> the one country that has that office ('taoiseach' -> Ireland)."""
    data = _roles_data()
    return dict(data.get("_offices_of_one_country", {}))


@cache
def _offices() -> dict[str, str]:
    """Canonical role -> the kind of place it is an office of ('country', 'state', 'city')."""
    data = _roles_data()
    offices: dict[str, str] = {}
    for kind in ("country", "state", "city"):
        for role in data[f"_{kind}_offices"]:
            offices[role] = kind
    return offices


def office_kind(role: str) -> str | None:
    """The kind of place a role is held of, when it is a public office: 'foreign minister' ->
    'country', 'governor' -> 'state'; any '... minister' but a first or chief minister is a
    country's."""
    role = role.lower()
    if role in _offices():
        return _offices()[role]
    if role.endswith(" minister") and not role.startswith(("first ", "chief ")):
        return "country"
    return None


def fill_holders(corpus: ResolvedCorpus) -> ResolvedCorpus:
    """The corpus with each holder-less position given the holder the corpus supports."""
    index = HolderIndex()
    for fact in corpus.facts:
        index.add_fact(fact)
    for entity in corpus.entities:
        index.add_entity(entity)
    for document in corpus.documents:
        index.add_document(document)
    filled = [index.fill(f) for f in corpus.facts]
    if all(a is b for a, b in zip(filled, corpus.facts, strict=True)):
        return corpus
    return corpus.model_copy(update={"facts": tuple(filled)})


class Span(NamedTuple):
    """Where a mention stands in its article's text."""

    start: int
    end: int


class NamedHere:
    """An entity's named mentions in one article, in text order, as the holders' index keeps
    them to the end of a build: the first whole (a filled holder's object cites it), every
    one by its offsets, two machine integers each. Whole mentions for every wanted article
    cost ~0.5 KB each and grew with the corpus (issue 14)."""

    __slots__ = ("_offsets", "first")

    def __init__(self, first: Mention) -> None:
        self.first = first
        self._offsets = array("q", (first.start, first.end))

    def append(self, mention: Mention) -> None:
        """Keep where the next mention of the article stands."""
        self._offsets.extend((mention.start, mention.end))

    def __iter__(self) -> Iterator[Span]:
        offsets = self._offsets
        return (Span(offsets[i], offsets[i + 1]) for i in range(0, len(offsets), 2))

    def __len__(self) -> int:
        return len(self._offsets) // 2


class HolderIndex:
    """What filling holders needs of a corpus, fed one fact, entity and document at a time,
    so that a streamed build (issue 14) fills them without holding every reading or entity:
    the holders stated for each (person, role), who serves in an organisation, and only for
    the articles with a holder-less position (``wanting``) who is named there, the places,
    organisations and works among them, and the article's body and dateline.

    Feed every fact (``add_fact``), then every entity and document; then ``fill`` each fact.
    ``fill_holders`` is this over a corpus held in memory."""

    def __init__(self) -> None:
        self.holders = Holders()
        self.wanting: set[str] = set()  # articles with a position to fill
        self._served: list[tuple[str | None, str]] = []  # (person, in what), not 'member'
        self._served_in: set[str] | None = None
        self._organisations: set[str] = set()  # those of them that are organisations
        self._serving: set[str | None] | None = None
        self.named: dict[str, dict[str, NamedHere]] = defaultdict(dict)
        self.places: dict[str, Entity] = {}
        self.kinds: ByKind = defaultdict(lambda: defaultdict(set))
        self._described: set[str] = set()  # articles whose kinds count the nouns before names
        self.works: WorksByKind = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
        self.texts: dict[str, ArticleText] = {}
        self.ended: set[tuple[str, str, str]] = set()  # (doc, person, role) said to be over

    def add_fact(self, fact: Fact) -> None:
        if not _is_position(fact):
            return
        if fact.position_ended and fact.subject.entity_id:
            self.ended.add(_post_in_article(fact))
        if fact.object is None:
            if fact.subject.entity_id:
                self.wanting.add(fact.evidence.doc_id)
            return
        if fact.object.entity_id and fact.subject.entity_id:
            key = (fact.subject.entity_id, (fact.role_name or "").lower())
            self.holders[key][fact.evidence.doc_id].add(fact.object.entity_id)
            if not fact.position_ended:
                self.holders.current.add((*key, fact.object.entity_id))
                self.holders.seated[(fact.evidence.doc_id, key[1], fact.object.entity_id)].add(
                    key[0])
        # a member of a party or a club holds no office there: 'Republican X, the governor'
        # is still the state's governor; nor does a party's nominee or candidate
        if fact.object.entity_id and fact.role_name != MEMBER \
                and (fact.role_name or "").lower() not in _candidacies():
            self._served.append((fact.subject.entity_id, fact.object.entity_id))

    def add_entity(self, entity: Entity) -> None:
        """Keep of ``entity`` what the wanting articles need: its named (not pronoun)
        mentions there in text order, and whether it is a place, an organisation of a kind
        or a work there."""
        if self._served_in is None:
            self._served_in = {o for _, o in self._served}
        if entity.type is EntityType.ORGANIZATION and entity.entity_id in self._served_in:
            self._organisations.add(entity.entity_id)
        wanted = [m for m in sorted(entity.mentions, key=lambda m: (m.doc_id, m.start))
                  if not m.is_pronoun and m.doc_id in self.wanting]
        if not wanted:
            return
        if entity.type is EntityType.PLACE:  # read for its label: its mentions are in named
            self.places[entity.entity_id] = entity.model_copy(update={"mentions": ()})
        label = entity.label.lower() if entity.type is EntityType.ORGANIZATION else None
        work = _label_head(entity.label) if entity.type is EntityType.THING else None
        for mention in wanted:
            in_doc = self.named[mention.doc_id]
            if (here := in_doc.get(entity.entity_id)) is None:
                in_doc[entity.entity_id] = NamedHere(mention)
            else:
                here.append(mention)
            if label is not None:
                self.kinds[mention.doc_id][label].add(entity.entity_id)
            if work is not None and work in _work_roles()["works"]:
                self.works[mention.doc_id][work][entity.entity_id].append(mention.start)

    def add_document(self, document: Document) -> None:
        if document.doc_id in self.wanting:
            self.texts[document.doc_id] = ArticleText(document.body, document.dateline,
                                                      headline_span(document))

    def fill(self, fact: Fact) -> Fact:
        """``fact`` with the holder the corpus supports, if it is a holder-less position."""
        if self._serving is None:
            self._serving = {p for p, o in self._served if o in self._organisations}
        doc = fact.evidence.doc_id
        if doc in self.kinds and doc not in self._described:
            self._described.add(doc)
            self.kinds[doc] = described_kinds(self.kinds[doc], self.named.get(doc, {}),
                                              self.texts.get(doc, NO_TEXT).body)
        filled = _filled(fact, self.holders, self.named, self.places, self._serving,
                         self.texts, self.kinds, self.works)
        return _ended_as_stated_elsewhere(filled, self.ended)


class ArticleText(NamedTuple):
    """What filling a holder reads of an article: its body, its dateline, and where its
    headline stands in the body ((0, 0) when it has none)."""

    body: str
    dateline: Dateline | None
    headline: tuple[int, int]


NO_TEXT = ArticleText("", None, (0, 0))
# How far into the body a headline may start: past a web page's leftovers, not into its story.
_HEADLINE_REACH = 200


def headline_span(document: Document) -> tuple[int, int]:
    """Where a document's headline stands in its body: its title, found at the top and not
    ending in a full stop (a title guessed from a first sentence is no headline); (0, 0)
    when there is none."""
    title = (document.title or "").strip()
    if not title or title.endswith("."):
        return 0, 0
    pattern = re.compile(r"\s+".join(map(re.escape, title.split())))
    found = pattern.search(document.body, 0, _HEADLINE_REACH + len(document.title or ""))
    return (found.start(), found.end()) if found else (0, 0)


class Holders(defaultdict[tuple[str, str], dict[str, set[str]]]):
    """(person, role) -> doc -> the holders stated there; ``roles_of`` a person's roles
    without a scan of every person's (``_kindred_holders`` asks for each position);
    ``current`` the (person, role, holder) stated at least once as not over."""

    def __init__(self) -> None:
        super().__init__(lambda: defaultdict(set))
        self._roles: dict[str, list[str]] | None = None
        self.current: set[tuple[str, str, str]] = set()
        # (doc, role, holder) -> the people an article says hold that office now
        self.seated: defaultdict[tuple[str, str, str], set[str]] = defaultdict(set)

    def seated_elsewhere(self, fact: Fact, place: str) -> bool:
        """Whether ``fact``'s article gives another person ``fact``'s office at ``place``, not
        as over: 'Ukrainian President Z' leaves 'President T' in the same article no claim to
        Ukraine by the sentence's country."""
        role = (fact.role_name or "").lower()
        people = self.seated.get((fact.evidence.doc_id, role, place), set())
        return bool(people - {fact.subject.entity_id})

    def __setitem__(self, key: tuple[str, str], value: dict[str, set[str]]) -> None:
        self._roles = None  # a new (person, role): the index is made again when asked
        super().__setitem__(key, value)

    def roles_of(self, person: str) -> list[str]:
        """The roles ``person`` holds somewhere, in the order first stated."""
        if self._roles is None:
            self._roles = defaultdict(list)
            for holder, role in self:
                self._roles[holder].append(role)
        return self._roles.get(person, [])


ByKind = dict[str, dict[str, set[str]]]  # doc -> lower-case name or kind noun -> organisations


def _organisation_of_kind(fact: Fact, kinds: dict[str, set[str]],
                          in_doc: dict[str, NamedHere], text: str) -> tuple[str, str] | None:
    """The one organisation of the kinds a title is held in, and the scope that settled it
    ('article', 'paragraph', 'sentence'): 'judge' -> the one court the article names. The
    first kind named at all decides; when it names several, the one the title's sentence
    names, else the one its paragraph names, is meant, as a reader takes 'lawmaker X' in a
    sentence on the Legislative Council to sit there. A profession looks in its sentence
    only. None when the title has no kinds, or two fit at the nearest scope that has any."""
    entry = _title_classes().get((fact.role_name or "").lower())
    if entry is None:
        return None
    words, profession = entry
    for word in words:
        found = {o for name, ids in kinds.items() if _names_kind(name, word) for o in ids}
        if found:
            return _nearest_one(found, fact, in_doc, text, profession)
    return None


def _names_kind(name: str, word: str) -> bool:
    """Whether an organisation's lower-case name (or the kind noun written before it) marks
    it as of a kind: by the head of the name ('court' of 'harlow district court'), or for a
    kind of several words by the head phrase or the end of the name ('house of commons',
    'legislative council'), so that a representative's House is never the White House."""
    head = name_phrase(name)
    if " " in word:
        return head.startswith(word) or name == word or name.endswith(" " + word)
    return head.split()[0] == word if head else False


_PARAGRAPH_BREAK = re.compile(r"\n")


def _nearest_one(found: set[str], fact: Fact, in_doc: dict[str, NamedHere], text: str,
                 sentence_only: bool) -> tuple[str, str] | None:
    """The one candidate of the nearest scope around the title that names any: its sentence,
    its paragraph, its article (only the sentence when ``sentence_only``); a single candidate
    in the article is the article's, wherever it is named."""
    start, end = fact.evidence.sentence_start, fact.evidence.sentence_end
    if len(found) == 1 and not sentence_only:
        return next(iter(found)), "article"
    scopes = [("sentence", start, end)]
    if not sentence_only:
        scopes.append(("paragraph", *_paragraph_of(text, start, end)))
    for scope, low, high in scopes:
        near = {o for o in found if any(low <= m.start < high for m in in_doc.get(o, ()))}
        if near:
            return (next(iter(near)), scope) if len(near) == 1 else None
    return None


def _paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the paragraph (a line of the body) holding text[start:end]."""
    before = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, start)]
    after = _PARAGRAPH_BREAK.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


_WORD_BEFORE = re.compile(r"([a-z][a-z.&-]*)\s+$")
# Where the kind noun a description predicates of a name ends its noun phrase: at a mark, at
# the end of the text, or before a word that opens what follows the head ('a band from X',
# 'a company that ...'), never before another noun ('a band member' is no band).
_PHRASE_MARKS = r"[,.;:)!?\u2014]"
_PHRASE_NEXT_WORDS = ("of", "in", "from", "at", "that", "which", "who", "whose", "based",
                      "founded", "formed", "set", "with", "known", "led", "run", "owned", "since",
                      "for", "and", "or")
_PHRASE_END = rf"(?=\s*(?:{_PHRASE_MARKS}|$)|\s+(?:{'|'.join(_PHRASE_NEXT_WORDS)})\b)"


def described_kinds(names: dict[str, set[str]], in_doc: dict[str, NamedHere],
                    text: str) -> dict[str, set[str]]:
    """``names`` with each organisation also under the kind nouns its article predicates of
    it: the noun written just before it ('the band X', 'rocket company Y'), when that noun
    is one that makes a name an organisation (``lexicon.organisation_kinds``) and marks a kind
    of holder; and the head of a description said of it after its name, as an appositive
    ('X, the British supergroup', 'Y, a private rocket company'), a copula ('X is a rock
    trio') or a noun after 'the X' ('the X label'), so that a name that says nothing of its
    kind is still typed the way its article types it. After a name the head may be any
    kind word of data/holder_kinds.json: the name is already known as an organisation."""
    words = _kind_words() & organisation_kinds()
    typed: dict[str, set[str]] = {name: set(ids) for name, ids in names.items()}
    for organisation in {o for ids in names.values() for o in ids}:
        for mention in in_doc.get(organisation, ()):
            before = _WORD_BEFORE.search(text[max(0, mention.start - 30):mention.start].lower())
            if before and before.group(1) in words:
                typed.setdefault(before.group(1), set()).add(organisation)
            for kind in kinds_said_after(text, mention.start, mention.end):
                typed.setdefault(kind, set()).add(organisation)
    return typed


@cache
def _kind_words() -> frozenset[str]:
    """Every word of data/holder_kinds.json that marks an organisation of a kind."""
    return frozenset(w for holders, _ in _title_classes().values() for w in holders)


@cache
def _descriptions() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The descriptions that predicate a kind of the name just before them: an appositive
    or a copula with an article ('X, a rock trio', 'X is the company'), the fewest of up to
    three modifiers of any kind before the kind noun (the shape kg.type_votes reads a
    name's type by, ``kind_described_after``); and a bare kind noun after a name ('the X
    label'), whose 'the' is checked before the name."""
    kinds = sorted(_kind_words(), key=len, reverse=True)
    described = kind_described_after(
        r"(?:\s*,\s*|\s+(?:is|was|are|were|remains|became|has\s+been|had\s+been)\s+)",
        r"[\w'.&-]+", kinds, _PHRASE_NEXT_WORDS, re.IGNORECASE, marks=_PHRASE_MARKS,
        not_modifiers=(), fewest_modifiers=True)
    compound = re.compile(rf"\s+({'|'.join(map(re.escape, kinds))}){_PHRASE_END}",
                          re.IGNORECASE)
    return described, compound


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def kinds_said_after(text: str, start: int, end: int) -> list[str]:
    """The kind nouns (lower case) the text predicates of the name at text[start:end] right
    after it: 'a trio' of 'X, a rock trio, played'; 'label' of 'the X label'."""
    described, compound = _descriptions()
    said = [m.group(1).lower() for m in (described.match(text, end),) if m]
    bare = compound.match(text, end)
    if bare and _THE_BEFORE.search(text, max(0, start - 5), start):
        said.append(bare.group(1).lower())
    return said


@cache
def _work_roles() -> dict[str, frozenset[str]]:
    """data/work_roles.json: 'roles' (held of one work: 'author') and 'works' (the head
    nouns of such works: 'study', 'report')."""
    data = data_file("work_roles.json")
    return {"roles": frozenset(data["roles"]), "works": frozenset(data["works"])}


WorksByKind = dict[str, dict[str, dict[str, list[int]]]]  # doc -> noun -> work -> starts


def _label_head(label: str) -> str:
    """The head noun of a thing's label: 'study' of 'study of river otters', 'hypothesis' of
    'hypothesis of the report'."""
    words = label.lower().split()
    cut = next((i for i, w in enumerate(words) if i and w in _NAME_POSTMODIFIERS), len(words))
    return words[cut - 1] if words else ""


def _work_of_role(fact: Fact, works: dict[str, dict[str, list[int]]], text: str) -> str | None:
    """The work an author's role is held of: the one work noun the role's sentence writes
    ('the study's lead author'), else the one work the article names; None for any other
    role. When two fit ('the study' and 'the report', neither in the sentence; a headline's
    'survey' and the body's 'study') the one named last before the role's sentence is
    meant, as a reader takes 'Lead author X' to be the author of the work just told of, so
    long as no other is named in the same sentence as it."""
    if (fact.role_name or "").lower() not in _work_roles()["roles"]:
        return None
    sentence = set(re.findall(r"[a-z]+", fact.evidence.sentence_text.lower()))
    said = [ids for noun, ids in works.items() if noun in sentence]
    candidates = said[0] if len(said) == 1 else (
        {k: v for ids in works.values() for k, v in ids.items()} if not said else {})
    if len(candidates) == 1:
        return next(iter(candidates))
    return _named_last_before(candidates, fact.evidence.sentence_start, text)


_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def _named_last_before(candidates: dict[str, list[int]], start: int, text: str) -> str | None:
    """The candidate named last before ``start``, when it is named in a later sentence than
    every other ('a report and a study' named together is still two works); None when none
    is named before it or two are named last in one sentence."""
    before = sorted(((max(s for s in starts if s < start), c) for c, starts in candidates.items()
                     if any(s < start for s in starts)), reverse=True)
    if not before:
        return None
    if len(before) > 1 and not _SENTENCE_BREAK.search(text, before[1][0], before[0][0]):
        return None
    return before[0][1]


def _is_position(fact: Fact) -> bool:
    return fact.predicate == AFFILIATED and bool(fact.role_name)


def _filled(fact: Fact, holders: Holders, named: dict[str, dict[str, NamedHere]],
            places: dict[str, Entity], serving: set[str | None],
            texts: dict[str, ArticleText], kinds: ByKind, works: WorksByKind) -> Fact:
    if not _is_position(fact) or fact.object is not None or not fact.subject.entity_id:
        return fact
    doc = fact.evidence.doc_id
    in_doc = named.get(doc, {})
    text, dateline, headline = texts.get(doc, NO_TEXT)
    stated = holders.get((fact.subject.entity_id, (fact.role_name or "").lower()), {})
    here = stated.get(doc, set())
    if len(here) == 1:
        return _with_holder(fact, next(iter(here)), in_doc, "holder-in-article",
                            _only_ended(fact, next(iter(here)), holders))
    if here:
        return fact
    elsewhere = {h for d, ids in stated.items() if d != doc for h in ids}
    if len(elsewhere) == 1 and next(iter(elsewhere)) in in_doc:
        return _with_holder(fact, next(iter(elsewhere)), in_doc, "holder-in-corpus",
                            _only_ended(fact, next(iter(elsewhere)), holders))
    if elsewhere:
        return fact
    kin = _kindred_holders(fact, holders, doc)
    if len(kin) == 1:
        return _with_holder(fact, next(iter(kin)), in_doc, "holder-of-kindred-role",
                            _kindred_only_ended(fact, next(iter(kin)), holders))
    if kin:
        return fact
    kin = {h for h in _kindred_holders(fact, holders, doc, elsewhere=True) if h in in_doc}
    if len(kin) == 1:
        return _with_holder(fact, next(iter(kin)), in_doc, "holder-of-kindred-role-in-corpus",
                            _kindred_only_ended(fact, next(iter(kin)), holders))
    if kin:
        return fact
    owner = _described_place_owner(fact, text)
    if owner is not None:
        return _holder_of_described_place(owner, fact, in_doc, places, text, headline)
    if _described_owner_before(fact, text):
        return fact
    organisation = _organisation_of_kind(fact, kinds.get(doc, {}), in_doc, text)
    if organisation is not None:
        return _with_holder(fact, organisation[0], in_doc,
                            f"holder-organisation-of-{organisation[1]}")
    work = _work_of_role(fact, works.get(doc, {}), text)
    if work is not None:
        return _with_holder(fact, work, in_doc, "holder-work-of-article")
    country = _one_country_offices().get((fact.role_name or "").lower())
    if country is not None:
        return _named_country(fact, country, in_doc, places)
    kind, label = _office_place_kind(fact.role_name or "")
    if fact.subject.entity_id in serving:
        return fact  # 'President X' of a firm or a league the corpus names: not a country's
    if kind is None:
        return fact
    place = _dominant_place(kind, in_doc, places, text)
    if place is not None and _free(place, fact, label, holders):
        return _with_holder(fact, place, in_doc, f"holder-{label}-of-article")
    place = _place_of_sentence(kind, fact, in_doc, places, text)
    if place is not None and _free(place, fact, label, holders):
        return _with_holder(fact, place, in_doc, f"holder-{label}-of-sentence")
    place = _place_of_sentence_before(kind, fact, in_doc, places, text)
    if place is not None and _free(place, fact, label, holders):
        return _with_holder(fact, place, in_doc, f"holder-{label}-of-previous-sentence")
    place = _country_of_dateline(dateline, in_doc, places, text) if kind == "country" else None
    if place is not None and _free(place, fact, label, holders):
        return _with_holder(fact, place, in_doc, f"holder-{label}-of-dateline")
    place = _place_of_headline(kind, in_doc, places, text, headline)
    if place is not None and _free(place, fact, label, holders):
        return _with_holder(fact, place, in_doc, f"holder-{label}-of-headline")
    place = _country_with_seat(fact, in_doc, places, text)
    if place is None:
        return fact
    return _with_holder(fact, place, in_doc, f"holder-{label}-of-seat-title")


_DESCRIBED_OWNER = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+[a-z][a-z-]*(?:'s|s')\s+$")


def _described_owner_before(fact: Fact, text: str) -> bool:
    """Whether the title was written with a described owner ("the company's chief executive,
    X"): extraction resolves such a description to the one organisation it fits, so a title
    left without a holder is one whose description fits two; a holder found by kind would pick
    one of the two the article did not choose between."""
    start = fact.evidence.trigger_start
    return bool(text) and _DESCRIBED_OWNER.search(text[max(0, start - 40):start]) is not None


@cache
def _place_owners() -> dict[str, str]:
    """A description's noun -> the kind of place it describes ('town' -> 'city'),
    data/holder_kinds.json's ``place_owners``."""
    return dict(data_file("holder_kinds.json")["place_owners"])


# "the city's mayor, X", "the capital city's Democratic mayor X": a definite description
# (with at most one word before its noun) owning the title, with at most two words between.
_DESCRIBED_PLACE = re.compile(
    r"\b[Tt]he\s+(?:[a-z-]+\s+)?([a-z]+)'s\s+(?:[A-Za-z-]+\s+){0,2}$")


def _described_place_owner(fact: Fact, text: str) -> str | None:
    """The kind of place a title's described owner is ('city' of "the city's mayor, X"),
    when its owner is a description of a place and the title a post, not a profession;
    None otherwise."""
    start = fact.evidence.trigger_start
    if (fact.role_name or "").lower() in professions():
        return None  # 'the country's top epidemiologist': what X does, not a post it fills
    found = _DESCRIBED_PLACE.search(text[max(0, start - 60):start]) if text else None
    return _place_owners().get(found.group(1)) if found else None


def _holder_of_described_place(kind: str, fact: Fact, in_doc: dict[str, NamedHere],
                               places: dict[str, Entity], text: str,
                               headline: tuple[int, int]) -> Fact:
    """The fact with the one place of ``kind`` its described owner stands for, nearest
    first: named in the title's sentence before it, in the sentence before, in the
    headline, else the place of that kind the article names far more than any other. A
    description points back to the place just told of; when two are named at the nearest
    scope that names any, the fact is left as it is."""
    start, trigger = fact.evidence.sentence_start, fact.evidence.trigger_start
    scopes = (("sentence", start, trigger), ("previous-sentence", *_sentence_before(text, start)),
              ("headline", *headline))
    for scope, low, high in scopes:
        named = _places_named_in(kind, in_doc, places, text, low, high)
        if named:
            if len(named) > 1:
                return fact
            return _with_holder(fact, named.pop(), in_doc, f"holder-described-{kind}-of-{scope}")
    place = _dominant_place(kind, in_doc, places, text)
    if place is None:
        return fact
    return _with_holder(fact, place, in_doc, f"holder-described-{kind}-of-article")


def _sentence_before(text: str, start: int) -> tuple[int, int]:
    """The bounds of the sentence (or line) before the one starting at ``start``."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, max(0, start - 2))]
    return (breaks[-1] if breaks else 0), start


def _places_named_in(kind: str, in_doc: dict[str, NamedHere], places: dict[str, Entity],
                     text: str, low: int, high: int) -> set[str]:
    """The places of ``kind`` the article names in text[low:high], by name or (a country)
    by a capitalised adjective ('Iraqi')."""
    if high <= low:
        return set()
    named = {entity_id for entity_id in _place_counts(kind, in_doc, places, text)
             if any(low <= m.start < high for m in in_doc[entity_id])
             or _adjective_between(places[entity_id].label, text, low, high)}
    known = {found.name for e in named if (found := lookup(places[e].label)) is not None}
    unread = _unread_places(kind, text, low, high) - known
    return named | {f"unread:{name}" for name in unread}


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*")


def _unread_places(kind: str, text: str, low: int, high: int) -> set[str]:
    """The gazetteer's names of the places of ``kind`` that capitalised words in
    text[low:high] spell, whether or not the recogniser took them as mentions: a place it
    missed ('Tampere and Turku opened tram lines') still makes a description ambiguous."""
    found: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(text, low, high):
        words = run.group().split()
        for phrase in [run.group(), *(words if len(words) > 1 else ())]:
            place = lookup(phrase.strip(".'"))
            if place is not None and place.kind == kind:
                found.add(place.name)
    return found


def _place_of_headline(kind: str, in_doc: dict[str, NamedHere], places: dict[str, Entity],
                       text: str, headline: tuple[int, int]) -> str | None:
    """The place of an office's kind the article's headline names: the one it names, when
    that is one of the two of its kind the article names most (not one named in passing);
    of several it names, the one the article names more than any other place of the kind
    ('Ostland President X announces troop withdrawal from Westland', and Ostland named most).
    None when the headline names none, or several and none of them leads the article."""
    named = _places_named_in(kind, in_doc, places, text, *headline)
    ranked = _place_counts(kind, in_doc, places, text).most_common(3)
    if len(named) == 1:
        place = named.pop()
        return place if place in {e for e, _ in ranked[:2]} else None
    if not named or not ranked or ranked[0][0] not in named:
        return None
    leads = len(ranked) == 1 or ranked[0][1] > ranked[1][1]
    return ranked[0][0] if leads else None


def _free(place: str, fact: Fact, label: str, holders: Holders) -> bool:
    """Whether a place found for a bare title may be its holder: not when the article gives
    another person that office there now (the next kind of evidence is tried instead); seats
    in a legislature are many, so a senator never blocks another. A title stated as over
    ('former president X', 'then-president X') is never blocked: that someone else holds the
    office now is what makes X its former holder, not a sign of another country."""
    return (label == "legislature-country" or fact.position_ended
            or not holders.seated_elsewhere(fact, place))


@cache
def _candidacies() -> frozenset[str]:
    """Roles of standing for an office ('nominee'), data/roles.json: stated of a party, they
    do not make someone an organisation's officer whose bare 'President' is not a country's."""
    return frozenset(_roles_data().get("_candidacies", ()))


@cache
def _national_legislator_offices() -> frozenset[str]:
    """Seats in a country's legislature ('senator'), data/roles.json."""
    return frozenset(_roles_data().get("_national_legislator_offices", ()))


def _office_place_kind(role: str) -> tuple[str | None, str]:
    """The kind of place a bare title's holder is sought among, and the word the filled
    rule names the evidence by: a public office's own kind ('governor' -> 'state'); a
    national legislator's seat, once no senate or parliament is named, the country, named
    'legislature-country' so that its confidence can be told from a head of state's."""
    kind = office_kind(role)
    if kind is None and role.lower() in _national_legislator_offices():
        return "country", "legislature-country"
    return kind, kind or ""


def _named_country(fact: Fact, country: str, in_doc: dict[str, NamedHere],
                   places: dict[str, Entity]) -> Fact:
    """The fact with the one country its office belongs to, when the article names that
    country; else unchanged (never the country the article is about instead)."""
    for entity_id in in_doc:
        entity = places.get(entity_id)
        place = lookup(entity.label) if entity is not None else None
        if place is not None and place.name == country:
            return _with_holder(fact, entity_id, in_doc, "holder-country-of-office")
    return fact


def _kindred_holders(fact: Fact, holders: Holders, doc: str,
                     elsewhere: bool = False) -> set[str]:
    """The holders the same article gives the same person in a role of the same kind: 'the
    minister X' after 'Foreign Minister X of Peru' (roles ending in the same word), 'President
    X' after 'X, the president-elect of Y'. A profession shares only with a role of its own
    head word stated of a holder ('intelligence agent X' after 'X, an agent of the Y Agency'):
    the same person called by the same noun in one article does the same work, for the same
    body. A relation has no holder to share, and 'member' says too little to stand for an
    office. With ``elsewhere``, the holders the other articles give instead ('opposition
    leader X' in one article after 'X, leader of the Y Party' in another; the caller keeps
    only those named in the fact's own article, as for the same role stated elsewhere)."""
    role = (fact.role_name or "").lower()
    if not role or role in kinship_roles():
        return set()
    word = _role_word(role)
    person = fact.subject.entity_id or ""
    return {h for other in holders.roles_of(person)
            if other != role and other != "member" and other not in kinship_roles()
            and _role_word(other) == word
            and (role not in professions() or other not in professions() or
                 role.endswith(" " + other))
            for d, ids in holders[(person, other)].items() if (d != doc) == elsewhere
            for h in ids}


def _kindred_only_ended(fact: Fact, holder: str, holders: Holders) -> bool:
    """Whether every kindred role the person holds of ``holder`` is stated only as over:
    'basketball player X' after 'former player X of the Y League' is the same ended post."""
    person, word = fact.subject.entity_id or "", _role_word((fact.role_name or "").lower())
    return not any((person, other, holder) in holders.current
                   for other in holders.roles_of(person) if _role_word(other) == word)


def _role_word(role: str) -> str:
    """The head word of a role: 'minister' of 'foreign minister', 'president' of
    'vice-president' is not taken ('vice' changes the office), nor of 'president-elect'."""
    words = role.replace("-elect", "").split()
    return "" if not words or any(w.startswith(("vice", "deputy")) for w in words) \
        else words[-1]


def _dominant_place(kind: str, in_doc: dict[str, NamedHere],
                    places: dict[str, Entity], text: str) -> str | None:
    """The place of a kind the article is about: named, and named (by its name or by an
    adjective of it: 'the Ukrainian government') far more often than any other."""
    ranked = _place_counts(kind, in_doc, places, text).most_common(2)
    if not ranked or ranked[0][1] < _MIN_MENTIONS:
        return None
    if len(ranked) == 2 and ranked[0][1] < _DOMINANCE * ranked[1][1]:
        return None
    return ranked[0][0]


def _place_counts(kind: str, in_doc: dict[str, NamedHere], places: dict[str, Entity],
                  text: str) -> Counter[str]:
    """place -> how often the article names it, by name or by a capitalised adjective."""
    counts: Counter[str] = Counter()
    for entity_id, mentions in in_doc.items():
        entity = places.get(entity_id)
        place = lookup(entity.label) if entity is not None else None
        if place is not None and place.kind == kind:
            starts = {m.start for m in mentions}
            counts[entity_id] = len(mentions) + sum(
                found.start() not in starts and found.group()[:1].isupper()
                for found in _adjectives_of(place.name).finditer(text))
    return counts


def _place_of_sentence(kind: str, fact: Fact, in_doc: dict[str, NamedHere],
                       places: dict[str, Entity], text: str) -> str | None:
    """The one place of an office's kind its own sentence names, by name or adjective ('The
    Syrian Army, whose commander-in-chief is President X'). A country must be one of the two
    the article names most: an article about two countries gives a bare 'President X' to
    neither, but the sentence that names one of them settles it. A state or a city must be
    named before the title, as the sentence's setting ('In Ohio, Governor X postponed the
    vote'), however many others a story of several states names; one named after it may
    be where the holder went ('Governor X flew to Utah'). None when the sentence names no
    such place or two."""
    start, end = fact.evidence.sentence_start, fact.evidence.sentence_end
    counts = _place_counts(kind, in_doc, places, text)
    said = {entity_id for entity_id in counts
            if any(start <= m.start < end for m in in_doc[entity_id])
            or _adjective_between(places[entity_id].label, text, start, end)}
    if len(said) != 1:
        return None
    place = next(iter(said))
    if kind != "country":
        before = fact.evidence.trigger_start
        return place if any(start <= m.start < before for m in in_doc[place]) else None
    return place if place in {e for e, _ in counts.most_common(2)} else None


def _place_of_sentence_before(kind: str, fact: Fact, in_doc: dict[str, NamedHere],
                              places: dict[str, Entity], text: str) -> str | None:
    """The one state or city the sentence before the title's names, when the title's own
    sentence names none ('Floods hit Montana. Gov. X declared an emergency'): the setting of
    one sentence carries to the next that names no other. Not a country: a story of two
    countries goes back and forth between them ('Ostland denied it. Prime Minister X ...'
    is as often the other's)."""
    start, end = fact.evidence.sentence_start, fact.evidence.sentence_end
    if kind == "country" or _places_named_in(kind, in_doc, places, text, start, end):
        return None
    named = _places_named_in(kind, in_doc, places, text, *_sentence_before(text, start))
    place = named.pop() if len(named) == 1 else None
    return place if place in places else None


@cache
def _seat_countries() -> dict[str, frozenset[str]]:
    """A national seat ('senator') -> the country codes of the legislatures that have it,
    data/holder_kinds.json's ``seat_countries``."""
    table = data_file("holder_kinds.json").get("seat_countries", {})
    return {role: frozenset(codes) for role, codes in table.items()}


def _country_with_seat(fact: Fact, in_doc: dict[str, NamedHere],
                       places: dict[str, Entity], text: str) -> str | None:
    """The one country the article names whose legislature has the fact's seat: 'Senator X'
    in a story of the United States, Turkey and Syria sits in the one of them that has a
    senate. None for any other title, or when none or two of the countries named have it."""
    codes = _seat_countries().get((fact.role_name or "").lower())
    if not codes:
        return None
    found = [entity_id for entity_id in _place_counts("country", in_doc, places, text)
             if (place := lookup(places[entity_id].label)) is not None
             and place.country_code in codes]
    return found[0] if len(found) == 1 else None


def _country_of_dateline(dateline: Dateline | None, in_doc: dict[str, NamedHere],
                         places: dict[str, Entity], text: str) -> str | None:
    """The country a story is filed from ('KYIV, Ukraine -'), when it is one of the two
    countries the article names most: a bare national office in a story filed from one of
    its two countries is more likely that country's. None without a dateline, or when the
    country filed from is not among those two."""
    if dateline is None:
        return None
    codes = {place.country_code for name in (dateline.region, dateline.place)
             if name and (place := lookup(name)) is not None and place.country_code}
    top = [entity_id for entity_id, _ in
           _place_counts("country", in_doc, places, text).most_common(2)]
    found = [entity_id for entity_id in top
             if (place := lookup(places[entity_id].label)) is not None
             and place.country_code in codes]
    return found[0] if len(found) == 1 else None


def _adjective_between(label: str, text: str, start: int, end: int) -> bool:
    """Whether a capitalised adjective of the place ('Syrian') stands in text[start:end]."""
    place = lookup(label)
    return place is not None and any(
        found.group()[:1].isupper()
        for found in _adjectives_of(place.name).finditer(text, start, end))


@cache
def _adjectives_of(place: str) -> re.Pattern[str]:
    """The adjectives of a place as one pattern ('Ukrainian' for Ukraine, 'U.S.' for the
    United States), matched without case; a pattern that never matches when there are none."""
    forms = sorted((k for k, v in demonyms().items() if v == place), key=len, reverse=True)
    if not forms:
        return re.compile(r"(?!)")
    alternatives = "|".join(map(re.escape, forms))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _post_in_article(fact: Fact) -> tuple[str, str, str]:
    return fact.evidence.doc_id, fact.subject.entity_id or "", (fact.role_name or "").lower()


def _ended_as_stated_elsewhere(fact: Fact, ended: set[tuple[str, str, str]]) -> Fact:
    """A title left bare, marked over when its article says elsewhere that the same person's
    same role is over ('Former basketball player X dies' and then 'basketball player X was
    on board'): one article is written at one time, and the bare title is the same ended
    post, named without 'former' (a post with a holder takes its tenure in ``_only_ended``)."""
    if not _is_position(fact) or fact.object is not None or fact.position_ended or \
            _post_in_article(fact) not in ended:
        return fact
    return fact.model_copy(update={"position_ended": True})


def _only_ended(fact: Fact, holder: str, holders: Holders) -> bool:
    """Whether the corpus states the person's role of this holder only as over: 'former
    ambassador X' and then 'Ambassador X' (a title kept by courtesy) is the same ended post."""
    key = (fact.subject.entity_id or "", (fact.role_name or "").lower(), holder)
    return key not in holders.current


def _with_holder(fact: Fact, holder: str, in_doc: dict[str, NamedHere], how: str,
                 ended: bool = False) -> Fact:
    """The fact with the holder found ``how``; marked over when ``ended`` (the holder was
    taken from a post stated only as over), else keeping its own tenure."""
    mentions = in_doc.get(holder)
    if not mentions or holder == fact.subject.entity_id:
        return fact
    mention = mentions.first
    rule = f"{fact.evidence.rule.removesuffix('-no-holder')}-inherited-{how}"
    confidence = confidence_of(fact.predicate, fact.lemma, fact.subject.mention, mention, rule,
                               fact.evidence.sentence_text, fact.evidence.factuality,
                               fact.evidence.trigger_start, fact.roles)
    evidence = fact.evidence.model_copy(update={"rule": rule, "confidence": confidence})
    return fact.model_copy(update={
        "object": Role(name=RoleName.THEME, mention=mention, entity_id=holder),
        "evidence": evidence, "position_ended": fact.position_ended or ended})
