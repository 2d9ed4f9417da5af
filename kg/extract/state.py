"""What extraction knows about one document while it reads it, and how it makes mentions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.memo import per_document
from kg.ingest import PADDING
from kg.model import Document, EntityType, Mention
from kg.patterns import Slot

PERSONAL_PRONOUNS = {"he", "him", "she", "her"}


NEUTER_PRONOUNS = {"it"}


RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}


SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@dataclass
class DocState:
    """Per-document lookups built once: token index -> mention, and people in reading order."""

    document: Document
    doc: Doc
    sentence_index: dict[int, int] = field(default_factory=dict)
    mention_at: dict[int, Mention] = field(default_factory=dict)
    people: list[tuple[int, Mention, bool]] = field(default_factory=list)
    organisations: list[tuple[int, Mention, bool]] = field(default_factory=list)
    # Places in reading order, with whether each is a clause subject: a country or a state
    # that acts ('Norway joined the treaty') is what a later subject 'it' may stand for.
    places: list[tuple[int, Mention, bool]] = field(default_factory=list)
    slots: dict[int, tuple[Slot, ...]] = field(default_factory=dict)
    last_group: tuple[int, list[Mention]] | None = None
    genders: dict[str, str] | None = None  # surname -> 'm'/'f', read by kg.extract.gender
    # (position, noun lemma, name) of kind nouns set beside names, read by kg.extract.reference
    kind_nouns_beside_names: list[tuple[int, str, Mention]] | None = None
    # (name, type) -> whether a pronoun may stand for it, read by kg.extract.gender: each
    # answer scans every mention of the document, and pronouns ask it of the same names
    person_names: dict[tuple[str, EntityType], bool] = field(default_factory=dict)
    _name_words: frozenset[str] | None = None
    _named_kinds: frozenset[str] | None = None
    _common_nouns: frozenset[str] | None = None
    _described_kinds: frozenset[str] | None = None
    _described_ways: frozenset[str] | None = None
    _appositions: dict[str, list[tuple[int, Mention]]] | None = None
    _nouns_by_lemma: dict[str, list[int]] | None = None

    def name_words(self) -> frozenset[str]:
        """Lower-cased words of the document's names ('cyclone' of 'Cyclone Tolani')."""
        if self._name_words is None:
            self._name_words = frozenset(
                word.lower() for m in self.mention_at.values() if m.ner_label is not None
                for word in m.text.split())
        return self._name_words

    def named_kinds(self) -> frozenset[str]:
        """Common nouns the document also writes with a name in front ('pipeline' of 'the
        AegeanLink pipeline'): 'the pipeline' is that one, and resolution links it."""
        if self._named_kinds is None:
            self._named_kinds = frozenset(
                token.lemma_.lower() for token in self.doc if token.pos_ == "NOUN"
                and token.i not in self.mention_at and any(
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children))
        return self._named_kinds

    def described_kinds(self) -> frozenset[str]:
        """Common nouns the document writes once with words that say which one ('the
        extradition bill', 'a propeller plane'): a later 'the bill' is that one, and
        resolution links it. A noun described in two ways ('the new bill', 'the old bill')
        is not here: 'the bill' could be either."""
        if self._described_kinds is None:
            ways: dict[str, set[str]] = {}
            for token in self.doc:
                if token.pos_ != "NOUN" or token.i in self.mention_at:
                    continue
                words = tuple(c.lower_ for c in token.children if c.i < token.i and (
                    (c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"}) or
                    (c.dep_ == "amod" and c.pos_ == "ADJ" and c.tag_ == "JJ")))
                if words:
                    ways.setdefault(token.lemma_.lower(), set()).add(" ".join(words))
            for lemma, written in ways.items():
                # 'propeller plane' and 'single-engine propeller plane' are one way, said
                # twice: a shorter description inside a longer one names the same thing.
                ways[lemma] = {w for w in written if not any(
                    w != o and set(w.split()) < set(o.split()) for o in written)}
            self._described_kinds = frozenset(k for k, v in ways.items() if len(v) == 1)
            self._described_ways = frozenset(k for k, v in ways.items() if len(v) > 1)
        return self._described_kinds

    def described_ways(self) -> frozenset[str]:
        """Common nouns the document writes with two different descriptions ('a cargo
        plane', 'a propeller plane'): a lone 'the plane' could be either."""
        if self._described_ways is None:
            self.described_kinds()
        return self._described_ways or frozenset()

    def appositions(self) -> dict[str, list[tuple[int, Mention]]]:
        """Common nouns the document sets beside a name ('Tom Reyes, the gunman', 'his
        sister, Lena Park', 'the gunman Tom Reyes'): noun lemma -> (position, named mention)
        in reading order, so a later 'the gunman' can be that one person."""
        if self._appositions is None:
            found: dict[str, list[tuple[int, Mention]]] = {}
            for token in self.doc:
                if token.dep_ != "appos":
                    continue
                for noun, name in ((token, token.head), (token.head, token)):
                    mention = self.mention_at.get(name.i)
                    if noun.pos_ == "NOUN" and noun.i not in self.mention_at and \
                            mention is not None and mention.ner_label is not None:
                        found.setdefault(noun.lemma_.lower(), []).append((noun.i, mention))
            self._appositions = found
        return self._appositions

    def nouns_of(self, lemma: str) -> list[int]:
        """Where the document writes a common noun of this lemma, in reading order (one pass
        over the document for all lemmas: a description looks back for its introduction)."""
        if self._nouns_by_lemma is None:
            found: dict[str, list[int]] = {}
            for token in self.doc:
                if token.pos_ == "NOUN":
                    found.setdefault(token.lemma_.lower(), []).append(token.i)
            self._nouns_by_lemma = found
        return self._nouns_by_lemma.get(lemma, [])

    def common_nouns(self) -> frozenset[str]:
        """Words the document writes as common nouns, as written ('fires')."""
        if self._common_nouns is None:
            self._common_nouns = common_nouns(self.doc)
        return self._common_nouns


def common_nouns(doc: Doc) -> frozenset[str]:
    """The texts of a parsed document's common-noun tokens ('fires', 'Tributes')."""
    return frozenset(t.text for t in doc if t.tag_ in {"NN", "NNS"})


def nonblank_sents(doc: Doc) -> Iterator[Span]:
    """The document's sentences that hold more than whitespace, in reading order; their
    bounds are found once per document (every verb of the first sentence asks again)."""
    for start, end in per_document(doc, "nonblank_sents", lambda: _nonblank_bounds(doc)):
        yield doc[start:end]


def _nonblank_bounds(doc: Doc) -> tuple[tuple[int, int], ...]:
    return tuple((sent.start, sent.end) for sent in doc.sents if sent.text.strip())


def mention_spans(state: DocState, sent: Span,
                  kind: EntityType | None = None) -> Iterator[tuple[Span, Mention]]:
    """Each named mention of a sentence once, with the tokens that name it; ``kind`` keeps
    only mentions of that type."""
    seen: set[int] = set()
    for token in sent:
        mention = state.mention_at.get(token.i)
        if mention is None or id(mention) in seen or kind not in (None, mention.type):
            continue
        seen.add(id(mention))
        yield sent.doc[token.i:mention_end(state, token, stop=sent.end) + 1], mention


def mention_end(state: DocState, token: Token, stop: int | None = None) -> int:
    """The last token of the mention that starts at ``token`` (the token itself when it is
    in no mention), not going past ``stop`` (default: the end of the document)."""
    mention, end = state.mention_at.get(token.i), token.i
    limit = len(token.doc) if stop is None else stop
    while mention is not None and end + 1 < limit and state.mention_at.get(end + 1) is mention:
        end += 1
    return end


def surface_text(span: str) -> str:
    """A name as read: markup padding removed and whitespace collapsed (offsets still index
    the original file; the quote with markup is the sentence's anchor text)."""
    return " ".join(span.replace(PADDING, "").split())


def make_mention(state: DocState, span: Span, entity_type: EntityType, *, ner_label: str | None,
             title: str | None = None, lemma: str | None = None,
             antecedent: Mention | None = None) -> Mention:
    start, end = span.start_char, span.end_char
    return Mention(doc_id=state.document.doc_id, sentence_index=state.sentence_index[span.start],
                   start=start, end=end, text=surface_text(state.document.body[start:end]),
                   type=entity_type,
                   ner_label=ner_label, lemma=lemma, title=title,
                   is_pronoun=antecedent is not None, antecedent=antecedent)
