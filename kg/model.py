"""The data model every stage speaks: plain, frozen pydantic records.

Stages hand these objects to each other and never spaCy or rdflib objects, so each stage can be
tested on tiny hand-made inputs and the graph can be rebuilt from the records alone.
Offsets are always Python string indices (Unicode code points) into ``Document.text``, which is
the source file decoded with no newline translation (for a web page, its article as clean text),
so ``text[start:end]`` is the quote.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field


class _Record(BaseModel):
    """Frozen, and light: pydantic keeps a set of the fields given for each instance
    (``__pydantic_fields_set__``; 728 bytes for a Mention's), which was half the memory of a
    corpus's records. Instances with the same fields given share one set, never changed in
    place: a frozen model cannot be assigned to, and ``model_copy`` copies the set before it
    adds to it. (Issue 14: the records of every document are held for resolution.)

    The field values themselves sit in a key-sharing dict (``_share_keys``): pydantic gives
    each instance a dict of its own keys (464 bytes for a Mention's), the instances of a class
    can share one table of keys and keep only their values (about half the size). Nothing
    else changes: it is the same dict type with the same items in the same order."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        _lighten(self)

    def __setstate__(self, state: dict[Any, Any]) -> None:  # unpickled from a worker
        super().__setstate__(state)
        _lighten(self)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its class and its values in field order (``_restored``), not pydantic's
        state of four dicts: a build pickles every record at least twice (worker to main
        process, spools on disk) and unpickling was most of the write step's reading."""
        values = self.__dict__
        if self.__pydantic_extra__ is None and self.__pydantic_private__ is None and \
                tuple(values) == _field_names(type(self)):
            return _restored, (type(self), tuple(values.values()), self.__pydantic_fields_set__)
        return _from_state, (type(self), self.__getstate__())

    def model_copy(self, *, update: Mapping[str, Any] | None = None,
                   deep: bool = False) -> Self:
        copied = super().model_copy(update=update, deep=deep)  # adds to its own copy first
        _lighten(copied)
        return copied


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
_FIELD_NAMES: dict[type[BaseModel], tuple[str, ...]] = {}


def _field_names(cls: type[BaseModel]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(cls.model_fields)
    return names


def _restored(cls: type[BaseModel], values: tuple[Any, ...], fields_set: set[str]) -> Any:
    """A record unpickled from ``_Record.__reduce__``: what ``__setstate__`` makes of
    pydantic's state (values in a key-sharing dict, the shared set of given fields, no extra
    or private values), set directly instead of through a dict made and then dropped."""
    record = cls.__new__(cls)
    for name, value in zip(_field_names(cls), values, strict=True):
        _SET(record, name, value)
    _SET(record, "__pydantic_fields_set__", _shared_fields_set(fields_set))
    _SET(record, "__pydantic_extra__", None)
    _SET(record, "__pydantic_private__", None)
    return record


def _from_state(cls: type[BaseModel], state: dict[Any, Any]) -> Any:
    """A record pickled with pydantic's state (one with extra or private values)."""
    record = cls.__new__(cls)
    record.__setstate__(state)
    return record


def _lighten(record: BaseModel) -> None:
    _share_fields_set(record)
    _share_keys(record)


def _share_keys(record: BaseModel) -> None:
    """Put ``record``'s values in a dict that shares its keys with the other instances of its
    class. CPython makes such a dict when an instance's attributes are set one by one on an
    instance with no dict yet (PEP 412); pydantic assigns a dict of its own instead, so the
    values are moved: the dict is removed and each field set again, in the same order."""
    values = record.__dict__
    object.__delattr__(record, "__dict__")
    for name, value in values.items():
        _SET(record, name, value)


_SET = object.__setattr__


def _share_fields_set(record: BaseModel) -> None:
    object.__setattr__(record, "__pydantic_fields_set__",
                       _shared_fields_set(record.__pydantic_fields_set__))


def _shared_fields_set(fields: set[str]) -> set[str]:
    key = frozenset(fields)
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        shared = _FIELDS_SETS[key] = set(key)
    return shared


class Dateline(_Record):
    """The stamp that opens a news story ('MODESTO, Calif. (AP) — '): where it was filed and
    sometimes when and by which agency. Offsets index ``Document.text``; the body blanks
    ``start:end``, so the parser starts at the lede and the place is read from here instead."""

    start: int
    end: int = Field(description="Just past the dash or colon that ends the stamp.")
    place: str = Field(description="The place as a reader names it: 'Harwick' for 'HARWICK'.")
    place_start: int
    place_end: int
    region: str | None = Field(default=None, description="The state or country that "
                               "contains the place, spelled out: 'California' for 'Calif.'.")
    region_start: int | None = None
    region_end: int | None = None
    date: str | None = Field(default=None, description="ISO 8601, when the stamp has a year.")
    agency: str | None = Field(default=None, description="The news agency in parentheses.")


class Document(_Record):
    """One article as read from disk; ``text`` is what offsets index into."""

    doc_id: str = Field(description="Content hash (a JSON Lines record's id, when it has one); "
                        "the stable key of the document.")
    source: str = Field(description="Path relative to the folder read (file name for a file "
                        "named alone), #line or #id for a JSON Lines record; unique in a build.")
    text: str = Field(description="What offsets index: the decoded file, or a web page's "
                      "article as clean text.")
    body: str = Field(description="Same length as text, markup and boilerplate blanked; parsed.")
    title: str | None = None
    date: str | None = Field(default=None, description="ISO 8601 publication date, if known.")
    url: str | None = None
    media_type: str = "text/plain"
    dateline: Dateline | None = Field(default=None, description="The opening stamp, if any.")
    sha256: str | None = Field(default=None, description="Hash of the original bytes: the "
                               "file, a JSON Lines record's line, or the text given (UTF-8).")
    encoding: str = Field(default="utf-8", description="How the file's bytes were decoded.")
    author: str | None = None
    site_name: str | None = None
    language: str | None = Field(default=None, description="ISO 639-1 code, when the text is "
                                 "long enough to tell.")


class Sentence(_Record):
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    headline: bool = Field(default=False, description="A Title Case line with no final stop, "
                                                      "where the recogniser misreads names.")


class EntityType(StrEnum):
    PERSON = "Person"
    ORGANIZATION = "Organization"
    PLACE = "Place"
    THING = "Thing"
    EVENT = "Event"
    DATE = "Date"


class Mention(_Record):
    """A span of text that names (or refers back to) an entity. ``text`` is the surface form as
    read (HTML entities decoded, whitespace collapsed); ``start``/``end`` index the original."""

    doc_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    type: EntityType
    ner_label: str | None = Field(default=None, description="spaCy label, None for noun phrases.")
    lemma: str | None = Field(default=None, description="Normalised head phrase of a noun phrase.")
    is_pronoun: bool = False
    antecedent: Mention | None = Field(default=None, description="What a pronoun refers back to.")
    title: str | None = Field(default=None, description="Role words before a name: 'spokesman'.")


class MergeReason(StrEnum):
    """Why a mention was taken to name an entity: the evidence behind every merge, kept so a
    user can see it and undo it."""

    SAME_NAME = "same-name"  # the entity's own name after folding case, accents, hyphens
    NAME_VARIANT = "name-variant"  # near spelling ('Pak Sung Chol') or one middle name more
    SPELLING_VARIANT = "spelling-variant"  # a transliteration in the same document
    SHORT_FORM = "short-form"  # part of a full name in the same document ('Sorokin')
    UNIQUE_PERSON = "short-form-unique-person"  # another document's only person that fits
    INITIALS = "initials"  # an organisation's initials ('ESA')
    KNOWN_ALIAS = "known-alias"  # the lexicon's name for the words ('US' -> 'United States')
    DECLARED_ALIAS = "declared-alias"  # named in parentheses after it: 'X Agency (XA)'
    TITLE = "title-description"  # 'the North Korean dictator', a title given to a name
    HEAD_WORD = "head-word"  # 'the cyclone' after 'Cyclone Tolani'
    PRONOUN = "pronoun"  # 'he' after 'Pak Song Chol'


class Merge(_Record):
    """One mention joined to an entity and why; offsets index the document's text."""

    alias: str = Field(description="The mention's text as read.")
    reason: MergeReason
    doc_id: str
    start: int
    end: int


class Entity(_Record):
    entity_id: str = Field(description="Stable key: type and the entity's most mentioned full "
                           "name (see kg.resolve), or a noun's lemma for things.")
    type: EntityType
    label: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    merges: tuple[Merge, ...] = Field(default=(), description="Every mention (pronouns too) "
                                      "with the reason it was joined to this entity.")
    former_ids: tuple[str, ...] = Field(default=(), description="Keys a smaller corpus may "
                                        "have given this entity (other names, other types it "
                                        "was voted); written as owl:sameAs redirects.")


class Factuality(StrEnum):
    ASSERTED = "asserted"
    NEGATED = "negated"
    DENIED = "denied"
    EXPECTED = "expected"
    POSSIBLE = "possible"
    REPORTED = "reported"
    NORMATIVE = "normative"  # said to be what ought to happen: 'the board should resign'


class RoleName(StrEnum):
    AGENT = "agent"
    THEME = "theme"
    RECIPIENT = "recipient"
    TIME = "time"
    PLACE = "place"
    DESTINATION = "destination"
    ORIGIN = "origin"
    COAGENT = "coagent"
    ATTRIBUTE = "attribute"  # what the object is made, named or called: 'declared X a pandemic'
    TOPIC = "topic"  # what it is about: 'warned residents about the flood'
    CONTENT = "content"  # what the object is asked, allowed or sent to do: 'urged X to resign'


class Role(_Record):
    """One participant of a fact; ``mention`` is resolved to an entity by ``resolve``."""

    name: RoleName
    mention: Mention
    entity_id: str | None = None
    normalized: str | None = Field(default=None, description="ISO date for time roles.")


class Evidence(_Record):
    """Where a fact was read: the sentence, the trigger, who said it and how sure we are."""

    doc_id: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    sentence_text: str
    trigger_start: int
    trigger_end: int
    trigger: str
    clause_start: int | None = Field(default=None, description="From the first to the last "
                                     "word of the fact, when shorter than the sentence.")
    clause_end: int | None = None
    rule: str
    confidence: float = Field(ge=0.0, le=1.0)
    factuality: Factuality = Factuality.ASSERTED
    attributed_to: Mention | None = None
    attributed_entity_id: str | None = None


class Fact(_Record):
    """A relation between entities with its roles; subject and object are the direct triple.

    A fact with no object is an occurrence with one participant: 'X resigned' (the subject is
    the agent) or, from an agentless passive, 'X was arrested' (the subject role is named
    ``theme``: who was arrested, by someone the text does not say). It has no direct triple.
    """

    predicate: str = Field(description="Local name in the relation vocabulary, e.g. 'gave'.")
    lemma: str
    role_name: str | None = Field(default=None, description="For a position held "
                                  "(affiliatedWith): the role, e.g. 'spokesperson'.")
    position_ended: bool = Field(default=False, description="For a position held: the text "
                                 "says it is over ('former minister X', 'ex-chairman', "
                                 "'then-mayor', 'X was chair until 2019').")
    subject: Role
    object: Role | None = None
    roles: tuple[Role, ...] = ()
    evidence: Evidence


class ExtractionResult(_Record):
    """What ``extract`` returns for one document."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]


class ResolvedCorpus(_Record):
    """Everything ``rdf`` needs: documents, sentences, entities and resolved facts."""

    documents: tuple[Document, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
