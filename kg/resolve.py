"""Resolve mentions to entities within and across documents.

Names are compared as token sets after folding case and hyphens, so 'Kim Jong-un', 'Kim Jong Un'
and 'kim jong un' share a key. Full names (two or more tokens) cluster when their last tokens are
equal and their other tokens are near-equal ('Kim Jung Un' ~ 'Kim Jong Un', 'Dimitri Peskov' ~
'Dmitry Peskov'), but 'Kim Jong-il' stays apart from 'Kim Jong-un'. A shorter name ('Kim',
'Jong-un', 'Putin') joins the person cluster whose tokens contain it, preferring clusters named in
the same document, then the most mentioned. Pronouns follow their antecedent. Noun phrases that
name no one ('rifle', 'fighter jet') become Thing entities keyed by their lemma; a noun for
a particular event or party ('the summit', 'the deal', 'his counterpart') is keyed by its lemma
*and its document*, so the summits of two articles stay two things.

Every mention records why it joined its entity (``Merge``: same name, name variant, short form,
initials, known alias, title, head word, pronoun). Across documents only names merge: a short
form only into the one person that fits, descriptions and pronouns never.

The type of an entity is voted by all its mentions (``kg.type_votes``), not taken from the first.

Stable IRIs. An entity's key is its type and its most mentioned full name (multi-word name key;
ties: the longer, then alphabetical), so it does not depend on which surface form wins the label
nor on the order documents are read: the same corpus always gives the same keys, in one go or
in any order. Adding articles can still change the key: a corpus that said only 'Putin' keyed
'person/putin'; once 'Vladimir Putin' is read the key is 'person/vladimir-putin'. No key can
foresee that, so every entity also lists the keys a smaller corpus could have given it: each of
its name keys under each type its mentions voted for (``Entity.former_ids``), written as
``owl:sameAs`` redirects to the current IRI. A key that two entities could claim, or that is
another entity's own key, is not written (it would merge them). So every IRI of an earlier build
of part of the corpus still exists, as the entity or as a redirect to it, unless the larger
corpus split the entity or gave its name to another.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from importlib import resources

from kg.model import (
    Entity,
    EntityType,
    ExtractionResult,
    Fact,
    Mention,
    Merge,
    MergeReason,
    ResolvedCorpus,
    Role,
)
from kg.relations import load_vocabulary
from kg.type_votes import mention_votes, winner

_SHORT_REASONS = {MergeReason.SHORT_FORM, MergeReason.UNIQUE_PERSON, MergeReason.INITIALS}
_COMPANY_SUFFIXES = {"inc", "corp", "corporation", "ltd", "llc", "plc", "ag", "sa", "gmbh", "co",
                     "limited", "nv", "bv", "spa", "se", "lp", "llp"}
_NAME_PREFIXES = {"president", "mr", "mrs", "ms", "dr", "minister", "chairman", "leader", "general",
                  "prime", "sir", "lord", "king", "queen", "prince", "senator", "governor"}


def name_key(text: str) -> tuple[str, ...]:
    """Fold a surface name into comparable tokens: case, accents, hyphens, possessives."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"['’]s\b", "", folded)
    tokens = re.findall(r"[a-z0-9]+", folded)
    while len(tokens) > 1 and tokens[0] in _NAME_PREFIXES | {"the"}:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in _COMPANY_SUFFIXES:
        tokens = tokens[:-1]
    return tuple(tokens)


def _near(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4 or a[0] != b[0]:
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.6


def same_full_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two multi-token names of one person: equal last token, near-equal others; or the same
    first and last name with one middle name more ('Elijah Eugene Cummings', 'Elijah
    Cummings'), which is not 'Robert Cummings' nor 'Ruth Elma Cummings'."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
        return False
    if abs(len(a) - len(b)) == 1:
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        return len(short) == 2 and short[0] == long_[0] and len(long_[0]) > 1
    if len(a) != len(b):
        return False
    return all(_near(x, y) for x, y in zip(a[:-1], b[:-1], strict=True))


def _contained(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Exact token containment: near-matching short names ('Sergey' ~ 'Sergei') is too loose."""
    return len(short) < len(full) and set(short) <= set(full)


class _Cluster:
    """Mentions of one name, each with the reason it joined; documents and type votes are kept
    up to date as mentions join, because they are asked for on every short name (keeps
    clustering linear in practice)."""

    def __init__(self, key: tuple[str, ...], texts: dict[str, str]) -> None:
        self.keys: set[tuple[str, ...]] = {key}
        self.mentions: list[Mention] = []
        self.reasons: list[MergeReason] = []
        self.docs: set[str] = set()
        self.votes: Counter[EntityType] = Counter()
        self._texts = texts

    def add(self, mention: Mention, reason: MergeReason) -> None:
        self.mentions.append(mention)
        self.reasons.append(reason)
        self.docs.add(mention.doc_id)
        self.votes.update(mention_votes(mention, name_key(mention.text),
                                        self._texts.get(mention.doc_id, ""),
                                        short_form=reason in _SHORT_REASONS))

    @property
    def type(self) -> EntityType:
        """The type all mentions vote for (kg.type_votes), not the first mention's."""
        return winner(self.votes)

    def key(self) -> tuple[str, ...]:
        """The key the entity's IRI is minted from: the most mentioned multi-word name key
        (ties: the longer, then alphabetical), else the most mentioned key."""
        counts = Counter(name_key(m.text) for m, r in zip(self.mentions, self.reasons,
                                                           strict=True)
                         if r not in _SHORT_REASONS)
        full = {k: n for k, n in counts.items() if len(k) >= 2} or counts or \
            Counter(name_key(m.text) for m in self.mentions)
        return sorted(full.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


@dataclass
class _EntityRecord:
    label: str
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    merges: set[Merge] = field(default_factory=set)
    former_ids: set[str] = field(default_factory=set)


class _EntityTable:
    """Which entity each mention (by document and offsets) was assigned to, and why."""

    def __init__(self) -> None:
        self.records: dict[str, _EntityRecord] = {}
        self._of: dict[tuple[str, int, int], str] = {}

    def assign(self, mention: Mention, entity_id: str, label: str, entity_type: EntityType,
               reason: MergeReason) -> None:
        self._of[(mention.doc_id, mention.start, mention.end)] = entity_id
        record = self.records.setdefault(entity_id, _EntityRecord(label, entity_type))
        record.mentions.append(mention)
        record.merges.add(_merge(mention, reason))
        if mention.title:
            record.titles.add(mention.title)

    def entity_id(self, mention: Mention) -> str | None:
        """A pronoun's entity is its antecedent's."""
        target = mention.antecedent if mention.is_pronoun and mention.antecedent else mention
        return self._of.get((target.doc_id, target.start, target.end))

    def note_pronoun(self, mention: Mention) -> None:
        """A pronoun that a fact resolved through is evidence of coreference too."""
        entity_id = self.entity_id(mention)
        if mention.is_pronoun and entity_id in self.records:
            self.records[entity_id].merges.add(_merge(mention, MergeReason.PRONOUN))

    def entities(self) -> tuple[Entity, ...]:
        claimed = Counter(i for r in self.records.values() for i in r.former_ids)
        out = []
        for key in sorted(self.records):
            record = self.records[key]
            mentions = tuple(sorted(record.mentions, key=lambda m: (m.doc_id, m.start)))
            former = tuple(sorted(i for i in record.former_ids if claimed[i] == 1
                                  and i not in self.records))
            out.append(Entity(entity_id=key, type=record.type, label=record.label,
                              aliases=tuple(sorted({m.text for m in mentions} - {record.label})),
                              titles=tuple(sorted(record.titles)), mentions=mentions,
                              merges=tuple(sorted(record.merges, key=lambda m: (
                                  m.doc_id, m.start, m.end, m.reason.value))),
                              former_ids=former))
        return tuple(out)


def _merge(mention: Mention, reason: MergeReason) -> Merge:
    return Merge(alias=mention.text, reason=reason, doc_id=mention.doc_id,
                 start=mention.start, end=mention.end)


def resolve_corpus(results: Iterable[ExtractionResult]) -> ResolvedCorpus:
    """Assign every mention an entity and rewrite facts to point at entity ids."""
    results = sorted(results, key=lambda r: r.document.doc_id)
    table = _EntityTable()
    titled, named_words = _assign_names(results, table)
    _assign_noun_phrases(results, table, titled, named_words)
    facts = _resolve_facts(results, table)  # first: it notes the pronouns facts resolve
    return ResolvedCorpus(
        documents=tuple(r.document for r in results),
        sentences=tuple(s for r in results for s in r.sentences),
        entities=table.entities(), facts=facts,
    )


def _assign_names(results: list[ExtractionResult], table: _EntityTable
                  ) -> tuple[dict[str, dict[str, set[str]]], dict[tuple[str, str], set[str]]]:
    """Cluster the named mentions; return who is titled what, and the words of each name, per
    document, for the noun phrases that refer back to them."""
    named = [m for r in results for m in _all_mentions(r) if not m.is_pronoun
             and m.type is not EntityType.DATE and (m.lemma is None or m.ner_label == "PROPN")]
    titled: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    named_words: dict[tuple[str, str], set[str]] = defaultdict(set)
    texts = {r.document.doc_id: r.document.text for r in results}
    for cluster in _cluster_names(_without_headline_only_names(named, results), texts):
        entity_type = cluster.type
        label = _canonical_label(cluster)
        key = cluster.key()
        cluster_id = mint_key_id(entity_type, key)
        if entity_type is not EntityType.THING:
            for doc_id in cluster.docs:
                for word in {w for k in cluster.keys for w in k}:
                    named_words[(doc_id, word)].add(cluster_id)
        for mention, reason in zip(cluster.mentions, cluster.reasons, strict=True):
            if reason is MergeReason.SAME_NAME and name_key(mention.text) != key:
                reason = MergeReason.NAME_VARIANT
            if reason is MergeReason.SAME_NAME and _read_as_other_words(mention, texts):
                reason = MergeReason.KNOWN_ALIAS
            table.assign(mention, cluster_id, label, entity_type, reason)
            if mention.title and entity_type is EntityType.PERSON:
                titled[_description_key(mention.title)][mention.doc_id].add(cluster_id)
        voted = {t for t, w in cluster.votes.items() if w > 0} | {entity_type}
        table.records[cluster_id].former_ids.update(
            mint_key_id(t, k) for t in voted for k in cluster.keys)
        table.records[cluster_id].former_ids.discard(cluster_id)
    return titled, named_words


def _assign_noun_phrases(results: list[ExtractionResult], table: _EntityTable,
                         titled: dict[str, dict[str, set[str]]],
                         named_words: dict[tuple[str, str], set[str]]) -> None:
    """A noun phrase is a named entity it describes ('the North Korean dictator', 'the
    cyclone'), else a Thing keyed by its lemma ('rifle')."""
    named_in: dict[str, set[str]] = defaultdict(set)
    for (doc_id, _), entity_ids in named_words.items():
        named_in[doc_id] |= entity_ids
    for result in results:
        mentions = _all_mentions(result)
        kinds = _named_kinds(mentions)
        for mention in mentions:
            if mention.lemma is None or mention.ner_label == "PROPN" or mention.is_pronoun:
                continue
            described = _described_person(mention, titled, named_in[mention.doc_id])
            named = described or _named_by_head_word(mention, result.document.text,
                                                      named_words)
            kind = None if named else _named_by_head_word(mention, result.document.text, kinds)
            if named is not None:
                record = table.records[named]
                reason = MergeReason.TITLE if described else MergeReason.HEAD_WORD
                table.assign(mention, named, record.label, record.type, reason)
            elif kind is not None:
                # 'the pipeline' after 'the EastMed pipeline': the one named one of its kind.
                table.assign(mention, mint_thing_id(kind, mention.doc_id), kind,
                             EntityType.THING, MergeReason.HEAD_WORD)
            else:
                table.assign(mention, mint_thing_id(mention.lemma, mention.doc_id),
                             mention.lemma, EntityType.THING, MergeReason.SAME_NAME)


def _resolve_facts(results: list[ExtractionResult], table: _EntityTable) -> tuple[Fact, ...]:
    facts: dict[tuple[object, ...], Fact] = {}
    symmetric = load_vocabulary().symmetric_predicates
    for result in results:
        for fact in result.facts:
            for role in (fact.subject, fact.object, *fact.roles):
                if role is not None:
                    table.note_pronoun(role.mention)
            if fact.evidence.attributed_to is not None:
                table.note_pronoun(fact.evidence.attributed_to)
            resolved = _resolve_fact(fact, table.entity_id)
            if resolved is None:
                continue
            if resolved.predicate in symmetric and resolved.object is not None and \
                    (resolved.subject.entity_id or "") > (resolved.object.entity_id or ""):
                resolved = _swapped(resolved)
            key = (resolved.evidence.doc_id, resolved.evidence.trigger_start, resolved.predicate,
                   resolved.subject.entity_id,
                   resolved.object.entity_id if resolved.object else resolved.subject.name)
            facts.setdefault(key, resolved)
    return tuple(facts.values())


def _all_mentions(result: ExtractionResult) -> list[Mention]:
    """Named mentions plus the argument mentions facts introduced (noun phrases, pronouns)."""
    seen: dict[tuple[int, int], Mention] = {(m.start, m.end): m for m in result.mentions}
    for fact in result.facts:
        roles = [fact.subject, *([fact.object] if fact.object else []), *fact.roles]
        speaker = fact.evidence.attributed_to
        mentions = [r.mention for r in roles] + ([speaker] if speaker else [])
        mentions += [m.antecedent for m in mentions if m.antecedent is not None]
        for mention in mentions:
            known = seen.setdefault((mention.start, mention.end), mention)
            if mention.ner_label == "NORP" and mention.text != known.text:
                # The lexicon's name for what the words stand for ('US' -> 'United States',
                # 'Labour' before a role -> 'Labour Party') says more than the words.
                seen[(mention.start, mention.end)] = mention
    return [seen[k] for k in sorted(seen)]


def _without_headline_only_names(mentions: list[Mention],
                                 results: list[ExtractionResult]) -> list[Mention]:
    """Names read only in Title Case headlines ('Putin-Kim Jong Gift Guns') are mostly the
    recogniser misreading capitals; keep a headline name only if the body names it too (as
    itself or as part of a longer name: 'Putin' in 'Vladimir Putin')."""
    headlines = {(s.doc_id, s.index) for r in results for s in r.sentences if s.headline}
    body = {name_key(m.text) for m in mentions
            if (m.doc_id, m.sentence_index) not in headlines}

    def named_in_body(key: tuple[str, ...]) -> bool:
        return key in body or any(full[i:i + len(key)] == key for full in body
                                  for i in range(len(full) - len(key) + 1))

    return [m for m in mentions if (m.doc_id, m.sentence_index) not in headlines
            or named_in_body(name_key(m.text))]


def _cluster_names(mentions: list[Mention], texts: dict[str, str]) -> list[_Cluster]:
    by_key: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for mention in mentions:
        key = name_key(mention.text)
        if key:
            by_key[key].append(mention)
    clusters: list[_Cluster] = []
    singles: dict[tuple[str, ...], _Cluster] = {}
    # Longest names first, so that a short form finds the full names it could belong to.
    for key in sorted(by_key, key=lambda k: (-len(k), -len(by_key[k]), k)):
        home = next((c for c in clusters if len(key) >= 2
                     and any(same_full_name(key, k) for k in c.keys)), None)
        if home is not None:
            home.keys.add(key)
            for mention in by_key[key]:
                home.add(mention, MergeReason.NAME_VARIANT)
            continue
        acronym = len(key) == 1 and by_key[key][0].text.isupper() and len(key[0]) >= 2
        place = Counter(m.type for m in by_key[key]).most_common(1)[0][0] is EntityType.PLACE
        # A place is no short form of an organisation named after it: 'Alabama' is not the
        # 'Alabama Human Life Protection Act', 'Toronto' not 'Toronto Police'.
        containers = [c for c in clusters if any(_short_form(key, k, c.type, acronym)
                                                 for k in c.keys)
                      and not (place and c.type is EntityType.ORGANIZATION)]
        for mention in by_key[key]:
            home, reason = _best_container(mention, containers)
            if home is None:
                home = singles.get(key)
                reason = MergeReason.SAME_NAME
            elif acronym and home.type is EntityType.ORGANIZATION:
                reason = MergeReason.INITIALS
            if home is None:
                home = singles[key] = _Cluster(key, texts)
                clusters.append(home)
            else:
                home.keys.add(key)
            home.add(mention, reason)
    return clusters


def _read_as_other_words(mention: Mention, texts: dict[str, str]) -> bool:
    """Whether extraction named the mention by the lexicon ('US' read as 'United States')."""
    written = " ".join(texts.get(mention.doc_id, "")[mention.start:mention.end].split())
    return bool(written) and name_key(written) != name_key(mention.text)


def _description_key(text: str) -> str:
    words = re.findall(r"[a-z0-9-]+", text.lower().replace("’s", "").replace("'s", ""))
    while words and words[0] in {"the", "a", "an", "its", "his", "her", "their"}:
        words = words[1:]
    return " ".join(words)


def _described_person(mention: Mention, titled: dict[str, dict[str, set[str]]],
                      named_here: set[str]) -> str | None:
    """'the North Korean dictator' is the person called 'North Korean dictator' in the same
    document, when only one is so titled there; a bare role word ('the dictator') needs a
    unique match in the same document too. A title given in another document counts only for
    a person this document names as well (the only one so titled in the corpus): the merge is
    still within the document, and two articles' 'dictator' with no name may be two people."""
    key = _description_key(mention.text)
    if not key:
        return None
    by_doc = titled.get(key)
    if by_doc is None:
        if " " in key:
            return None
        heads = {k: v for k, v in titled.items() if k.split()[-1] == key}
        local = {p for v in heads.values() for p in v.get(mention.doc_id, set())}
        return local.pop() if len(local) == 1 else None
    local = by_doc.get(mention.doc_id, set())
    if local:
        return next(iter(local)) if len(local) == 1 else None
    everywhere = set().union(*by_doc.values())
    return everywhere.pop() if len(everywhere) == 1 and everywhere <= named_here else None


def _named_kinds(mentions: list[Mention]) -> dict[tuple[str, str], set[str]]:
    """Descriptions that say which one they are, by their head word: ('doc', 'pipeline') ->
    {'EastMed pipeline'}, ('doc', 'bill') -> {'extradition bill'}; counts ('35 people') are
    not kinds."""
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for mention in mentions:
        words = (mention.lemma or "").split()
        if mention.ner_label is None and not mention.is_pronoun and len(words) >= 2 and \
                words[-1].islower() and words[-1].isalpha() and not words[0][:1].isdigit() \
                and words[0] not in {"at", "least", "more", "about", "some", "over"}:
            # 'the EastMed pipeline', and 'the extradition bill': a later 'the bill' is it
            # when the document describes no other bill.
            kinds[(mention.doc_id, words[-1])].add(mention.lemma or "")
    return kinds


def _named_by_head_word(mention: Mention, text: str,
                        named_words: dict[tuple[str, str], set[str]]) -> str | None:
    """'the cyclone' after 'Cyclone Mara', 'the council' after 'Riverside City Council': a
    definite noun that is a word of exactly one name in the same document is that entity."""
    before = text[max(0, mention.start - 8):mention.start]  # not a copy of the whole text
    if " " in (mention.lemma or " ") or not before.lower().endswith(("the ", "its ")):
        return None
    candidates = named_words.get((mention.doc_id, mention.lemma or ""), set())
    return next(iter(candidates)) if len(candidates) == 1 else None


def _short_form(short: tuple[str, ...], full: tuple[str, ...], full_type: EntityType,
                acronym: bool) -> bool:
    """Whether ``short`` can name the entity called ``full``: any part of a person's name
    ('Jong-un', 'Kim'), the leading words of an organisation's ('Harbor' for 'Harbor Foods'),
    or an organisation's initials ('ESA'). Places never: 'Korea' is not 'North Korea'."""
    if full_type is EntityType.PERSON:
        return _contained(short, full)
    if full_type is not EntityType.ORGANIZATION or len(short) >= len(full):
        return False
    if acronym:
        initials = "".join(w[0] for w in full if w not in {"of", "the", "and", "for", "de"})
        return short[0] == initials
    return full[:len(short)] == short


def _best_container(mention: Mention, candidates: list[_Cluster]
                    ) -> tuple[_Cluster | None, MergeReason]:
    """The cluster a short name belongs to, and why: one named in the same document (the
    most mentioned if several); from another document only a person, and only when exactly
    one person in the corpus fits. 'The House' of one article is not another's 'House of
    Commons', and 'Elizabeth' is not Elizabeth Warren when a Queen Elizabeth is named too."""
    if not candidates:
        return None, MergeReason.SAME_NAME
    local = [c for c in candidates if mention.doc_id in c.docs]
    if local:
        # The most mentioned; among equals the one named first, whom an article introduces
        # before his parents ('Elijah Cummings ... His parents, Robert Cummings and Ruth
        # Cummings ... Cummings passed the bar').
        def weight(cluster: _Cluster) -> tuple[int, int]:
            first = min(m.start for m in cluster.mentions if m.doc_id == mention.doc_id)
            return len(cluster.mentions), -first
        return max(local, key=weight), MergeReason.SHORT_FORM
    people = [c for c in candidates if c.type is EntityType.PERSON]
    if len(people) == 1 and len(candidates) == 1:
        return people[0], MergeReason.UNIQUE_PERSON
    return None, MergeReason.SAME_NAME


def _canonical_label(cluster: _Cluster) -> str:
    """The most frequent multi-word form (a full name), else the most frequent form: what a
    reader would call the entity, and robust to one headline gluing a word onto a name."""
    forms = Counter(m.text for m in cluster.mentions if len(name_key(m.text)) >= 2)
    if not forms:
        forms = Counter(m.text for m in cluster.mentions)
    return sorted(forms.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def mint_entity_id(entity_type: EntityType, label: str) -> str:
    """A readable, stable key: 'person/kim-jong-un'; a hash suffix keeps odd labels distinct."""
    return mint_key_id(entity_type, name_key(label), label)


def mint_key_id(entity_type: EntityType, key: tuple[str, ...], label: str = "") -> str:
    """The key of a folded name: 'person/kim-jong-un' for ('kim', 'jong', 'un')."""
    slug = "-".join(key) or hashlib.sha256(label.encode()).hexdigest()[:12]
    return f"{entity_type.value.lower()}/{slug}"


@cache
def _document_scoped_heads() -> frozenset[str]:
    text = resources.files("kg").joinpath("data/document_things.json").read_text("utf-8")
    words = json.loads(text)["nouns"]
    return frozenset(words)


def mint_thing_id(lemma: str, doc_id: str) -> str:
    """A noun phrase that names no one: 'thing/rifle', a concept shared by every article; but
    a noun for a particular event or party ('summit', 'deal', 'counterpart';
    ``data/document_things.json``) is one thing per document, 'thing/summit/<doc>', so the
    summits of two articles are two nodes and neither carries the other's facts. A noun
    phrase with a name in it ('the Harlow flood') says which one it is and stays shared."""
    concept = mint_entity_id(EntityType.THING, lemma)
    words = lemma.split()
    named = any(word[:1].isupper() for word in words)  # 'the Harlow flood' says which flood
    if words and not named and words[-1].lower() in _document_scoped_heads():
        return f"{concept}/{doc_id[:16]}"
    return concept


EntityLookup = Callable[[Mention], str | None]


def _resolve_fact(fact: Fact, entity_id: EntityLookup) -> Fact | None:
    subject = _resolve_role(fact.subject, entity_id)
    obj = _resolve_role(fact.object, entity_id) if fact.object is not None else None
    if subject.entity_id is None or (obj is not None and obj.entity_id in {None,
                                                                         subject.entity_id}):
        return None
    thing = f"{EntityType.THING.value.lower()}/"
    if load_vocabulary().spec(fact.lemma) is None and subject.entity_id.startswith(thing) \
            and (obj is None or (obj.entity_id or "").startswith(thing)) \
            and not any(_names_something(r.mention) for r in (fact.subject, fact.object) if r) \
            and not (obj is None and _counts_something(fact.subject.mention)):
        # 'photos showed crowds': a verb outside the vocabulary between two nouns; but '35
        # people were rescued' says how many it happened to.
        return None
    arguments = {subject.entity_id, obj.entity_id if obj is not None else None}
    roles = []
    for role in fact.roles:
        resolved = _resolve_role(role, entity_id)
        if role.mention.type is EntityType.DATE or (
                resolved.entity_id is not None
                and resolved.entity_id not in arguments):
            roles.append(resolved)
    evidence = fact.evidence
    if evidence.attributed_to is not None:
        evidence = evidence.model_copy(update={"attributed_entity_id":
                                               entity_id(evidence.attributed_to)})
    return fact.model_copy(update={"subject": subject, "object": obj, "roles": tuple(roles),
                                   "evidence": evidence})


def _counts_something(mention: Mention) -> bool:
    """A description that counts what it names ('35 people', 'at least 17 people')."""
    return any(word[:1].isdigit() for word in (mention.lemma or "").split()[:3])


def _names_something(mention: Mention) -> bool:
    """A description with a name in it ('the EastMed pipeline') says which thing it is."""
    return any(word[:1].isupper() for word in (mention.lemma or "").split())


def _swapped(fact: Fact) -> Fact:
    """'Putin met Kim' and 'Kim met Putin' are one fact: symmetric predicates are stored with
    their two entities in a canonical order."""
    if fact.object is None:
        return fact
    subject = fact.object.model_copy(update={"name": fact.subject.name})
    obj = fact.subject.model_copy(update={"name": fact.object.name})
    return fact.model_copy(update={"subject": subject, "object": obj})


def _resolve_role(role: Role, entity_id: EntityLookup) -> Role:
    if role.mention.type is EntityType.DATE:
        return role
    return role.model_copy(update={"entity_id": entity_id(role.mention)})
