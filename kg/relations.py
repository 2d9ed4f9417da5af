"""The relation vocabulary (``data/relations.json``) as typed, cached configuration.

Which verb becomes which predicate, and which preposition fills which role, is data: adding a
verb is a new entry in the JSON file plus its declaration in ``data/ontology.ttl``.
"""

from __future__ import annotations

from functools import cache, cached_property

from pydantic import BaseModel, ConfigDict, Field

from kg.lexicon import data_file, noun_classes, verb_phrases
from kg.model import EntityType, RoleName


class RelationSpec(BaseModel):
    """How one verb lemma maps to a predicate; lists name prepositions per role."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    predicate: str
    action: str | None = Field(default=None, description="schema.org Action class of the event.")
    transitive: str | None = Field(default=None, description="Predicate with a direct object: "
                                   "'heads to Paris' travels, 'heads a bank' leads.")
    object: tuple[str, ...] = Field(default=(), description="Preps naming the direct object.")
    object_types: tuple[EntityType, ...] = Field(default=(), description=(
        "The kinds of object this sense takes ('execute' a person is to kill; 'execute' a "
        "plan is not): with another kind the fact keeps the verb's own name."))
    other_sense_objects: tuple[str, ...] = Field(default=(), description=(
        "Head nouns of a direct object with which the verb means something else ('passed "
        "the exam' approved nothing, 'delivered a speech' supplied nothing, 'posted a loss' "
        "published nothing): with one the fact keeps the verb's own name."))
    other_sense_classes: tuple[str, ...] = Field(default=(), description=(
        "WordNet classes (of the most frequent sense of a described object's head noun, "
        "data/noun_classes.json) with which the verb means something else: 'made a "
        "decision' (a deed) produced nothing, 'found success' (an event) discovered nothing, "
        "'the missions ran $1.5 billion' (a quantity) led nothing. A name is not classed."))
    other_sense_subject_classes: tuple[str, ...] = Field(default=(), description=(
        "The same for a described subject: 'the storm struck the coast' (a natural "
        "phenomenon) attacked no one."))
    transitive_only: bool = Field(default=False, description=(
        "The predicate is the verb's sense with an object only: with none the subject is "
        "what undergoes it ('the war began' launched nothing, 'the ship sank' destroyed "
        "nothing), so the fact keeps the verb's own name."))
    recipient: tuple[str, ...] = ()
    destination: tuple[str, ...] = ()
    origin: tuple[str, ...] = ()
    coagent: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()

    def other_sense(self, object_phrase: str, *, named: bool = False) -> bool:
        """Whether an object of this phrase (a lemma phrase: 'state bar exam', 'adopter of
        scuba equipment' read as 'scuba equipment') gives the verb another sense than the
        relation's, by the phrase's head noun: listed itself, or (unless the phrase is a
        name) of a listed class."""
        head = head_noun(object_phrase)
        return head in self.other_sense_objects or \
            (not named and noun_class(head) in self.other_sense_classes)

    def other_subject_sense(self, subject_phrase: str, *, named: bool = False) -> bool:
        """Whether a described subject of this phrase gives the verb another sense ('the
        earthquake struck the island' attacked nothing), by its head noun's class."""
        return bool(self.other_sense_subject_classes) and not named and \
            noun_class(head_noun(subject_phrase)) in self.other_sense_subject_classes

    def role_for_prep(self, prep: str) -> RoleName | None:
        for role in (RoleName.RECIPIENT, RoleName.DESTINATION, RoleName.ORIGIN, RoleName.COAGENT,
                     RoleName.THEME):
            if prep in getattr(self, role.value):
                return role
        return None


# Words that end a noun phrase's head before what modifies it: 'loss of 5 million'.
_POST_HEAD_WORDS = frozenset({"of", "in", "on", "for", "to", "with", "from", "at", "by",
                              "about", "over", "against", "into"})


def head_noun(phrase: str) -> str:
    """The head noun of a lower-case noun phrase: the word before its first preposition,
    else its last word; of a hyphenated word, its last part ('follow-up' -> 'up')."""
    words = phrase.lower().split()
    for i, word in enumerate(words[1:], start=1):
        if word in _POST_HEAD_WORDS:
            return words[i - 1].split("-")[-1]
    return words[-1].split("-")[-1] if words else ""


def noun_class(noun: str) -> str | None:
    """The WordNet class of a noun's most frequent sense ('decision' -> 'act', 'billion' ->
    'quantity'), for the classes a sense may refuse (tools/wordnet_verb_forms.py); None for
    a concrete or unknown noun. A plural not lemmatised (an amount's 'dollars') is read as
    its singular."""
    classes, word = noun_classes(), noun.lower()
    return classes.get(word) or (classes.get(word[:-1]) if word.endswith("s") else None)


class VerbIdiom(BaseModel):
    """A verb and noun that together say one thing ('lost their lives' is 'die', 'claimed
    responsibility for X'): the verb it stands for and the prepositions giving its object."""

    model_config = ConfigDict(frozen=True)

    verb: str
    object: tuple[str, ...] = ()
    direct_object: bool = Field(default=False, description=(
        "The verb's direct object stays the fact's object: 'took X into custody' arrested "
        "X, where 'lost their lives' has none and 'claimed responsibility for X' takes its "
        "object from the preposition."))
    needs_object: bool = Field(default=False, description=(
        "The idiom states a fact only with an object: an idiom WordNet lists ('took heart', "
        "'made sense') says no event kg can name with its subject alone."))


class PlaceKinds(BaseModel):
    """The kinds of entity a place relation holds between: what is somewhere, and where."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    subject: tuple[EntityType, ...] = ()
    object: tuple[EntityType, ...] = ()

    def fit(self, subject: EntityType | None, obj: EntityType | None) -> bool:
        """Whether the two kinds fit; an empty list or an unknown kind allows any."""
        return all(kind is None or not allowed or kind in allowed
                   for kind, allowed in ((subject, self.subject), (obj, self.object)))


class RelationVocabulary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    speech_verbs: frozenset[str]
    skip_verbs: frozenset[str]
    declared_passives: frozenset[str] = Field(default=frozenset(), description=(
        "Speech verbs whose agentless passive states an event, the thing proclaimed: 'an "
        "emergency was declared', 'the winners were announced'."))
    raising_passives: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs whose passive with an infinitive only says what is to come or is thought "
        "('was slated to open', 'is forecast to reach'), unlike 'was ordered to leave'."))
    expect_words: frozenset[str]
    thing_speech_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Skipped verbs of speech that state a fact when their direct object is a thing, not a "
        "clause: 'denied the accusation', 'cited Article 5', 'wrote a letter', 'alleged foreign "
        "involvement' (a gold fact of the second set kg skipped); in the passive with a 'by'-doer "
        "too ('the attack was claimed by the Front')."))
    addressee_speech_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Skipped verbs of speech whose direct object is who was spoken to: a fact when that "
        "is someone named ('told Pak', 'informed Smith that ...'), never 'told reporters'."))
    future_auxiliaries: frozenset[str]
    possible_auxiliaries: frozenset[str]
    denial_verbs: frozenset[str]
    conditional_marks: frozenset[str] = Field(default=frozenset(), description=(
        "Words that open a clause whose event is only a possibility: 'if', 'unless', "
        "'whether'."))
    negating_governors: frozenset[str] = Field(default=frozenset(), description=(
        "Words that say the governed verb did not happen: 'failed to react', 'refused to "
        "sign', 'was unable to negotiate'."))
    hedge_adverbs: frozenset[str]
    hedge_verbs: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    vague_modifiers: frozenset[str] = Field(default=frozenset(), description=(
        "Adjectives that do not say what kind of thing a description is ('the new plan', "
        "'other countries'): left out of its name, unlike 'primary elections'."))
    organisation_nouns: frozenset[str] = frozenset()
    reciprocal_objects: frozenset[str]
    symmetric_predicates: frozenset[str] = frozenset()
    place_preps: frozenset[str] = Field(description=(
        "Prepositions whose named place is where the event happened ('crashed in Tala'). "
        "Not 'near' or 'outside': 'crashed in a desert near Tala' and 'a statement from "
        "his club outside Tala' did not happen in Tala (the dev judges marked both wrong)."))
    time_preps: frozenset[str]
    object_preps: frozenset[str] = Field(default=frozenset(), description=(
        "Prepositions whose object is the other participant of a verb with no direct object "
        "('contributed to X', 'sided with X', 'voted against X')."))
    occurrence_object_preps: frozenset[str] = Field(default=frozenset(), description=(
        "The same for occurrence verbs, which otherwise state their event alone: 'resigned "
        "from the board', 'escaped from prison', but 'died of cancer' stays 'died'."))
    passive_object_preps: frozenset[str] = Field(default=frozenset(), description=(
        "The same for an agentless passive, whose one participant is the patient: 'X was "
        "convicted of fraud', 'diagnosed with cancer', 'recalled to the institute'; a place "
        "('killed in Paris') or a time is never the object, nor a 'for' phrase, which on "
        "real news named a reason or a purpose more often than a participant ('harvested "
        "for data', 'convicted for abusing minors' read as 'for minors')."))
    plan_nouns: frozenset[str] = Field(default=frozenset(), description=(
        "Nouns whose content has not happened: a gerund after them ('an agreement on sending "
        "troops', 'a bid for winning') is planned, not done."))
    stative_passives: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs whose agentless passive describes a state or a report, not an event someone "
        "did ('is located in', 'was considered', 'were expected'): never read as one."))
    stative_passive_objects: dict[str, frozenset[str]] = Field(
        default_factory=dict, description=(
            "Stative passives that relate their patient to a second participant after a "
            "preposition: 'the series is based on a play', 'he was involved in the research', "
            "'heroin mixed with a sedative', 'a group linked to the attack'. No event happened, "
            "yet the relation between the two is a fact a reader writes down ('X --base on--> "
            "Y'); the passive alone ('X was based') still says nothing."))
    stative_passive_doers: dict[str, str] = Field(default_factory=dict, description=(
        "Stative passives whose prepositional participant is the active verb's subject: 'the "
        "force is made up of militias' is 'militias --make up--> force', as a reader says it."))
    anchored_passives: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs whose agentless passive is true of nearly everyone and so tells something "
        "only with a time or a place: 'X was born in 1960' or 'in Lagos' is a fact, 'when X "
        "was born' alone is not (judged vague on the dev sheets)."))
    verb_idioms: dict[str, VerbIdiom] = Field(default_factory=dict, description=(
        "'verb noun' (lemmas) -> the idiom's meaning: 'lose life' -> die, 'take part' -> "
        "participate in, 'claim responsibility' for; 'verb preposition noun' for idioms "
        "said through a preposition: 'come into force' -> take effect, 'go on trial'."))
    relations: dict[str, RelationSpec]
    accusing_verbs: dict[str, str] = Field(default_factory=dict, description=(
        "Verbs of the courts and the police -> who stands accused of the deed their "
        "complement names: 'object' ('charged X with murder', 'X was convicted of killing "
        "Y', 'X, suspected of the assassination of Y') or 'subject' ('X pleaded guilty to "
        "the murder'). The deed is reported when the verb is a hedge verb too ('charged', "
        "'accused'), stated when it is a verdict ('convicted')."))
    occurrence_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs that state an event with one participant in the active voice ('die', "
        "'resign', 'erupt'); those outside ``relations`` are emitted under their own name."))
    collective_subjects: frozenset[str] = Field(default=frozenset(), description=(
        "Groups news names without naming anyone ('police', 'prosecutors'): a fact with "
        "one of them alone as subject is kept; other lone common nouns are not."))
    structural_predicates: frozenset[str] = Field(default=frozenset(), description=(
        "Predicates read from noun phrases, not verbs: positions held, where things are."))
    labelling_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs that with an object complement say what someone thinks the object is, no "
        "event: 'called the deal lousy', 'branded the vote a sham'."))
    companion_verbs: dict[str, frozenset[str]] = Field(default_factory=dict, description=(
        "Verb -> prepositions after which a gerund says what its object did too: 'joined "
        "the other clinics in returning to normal' joined no clinic; the gerund is the "
        "event."))
    place_relation_kinds: dict[str, PlaceKinds] = Field(default_factory=dict, description=(
        "Place predicate -> the kinds it holds between, checked once the corpus has voted "
        "every entity's type: places nest in places and organisations are in places, but "
        "a person is never the container ('Ashcombe, Pryor end ...' is no town and its "
        "state). What is somewhere is left to the rule that read it: 'the Italian utility "
        "Enerva' is an organisation, whatever the votes make of a name seen once."))

    def place_kinds_fit(self, predicate: str, subject: EntityType | None,
                        obj: EntityType | None) -> bool:
        """Whether a place relation holds between entities of these kinds (any other
        predicate fits any kinds)."""
        kinds = self.place_relation_kinds.get(predicate)
        return kinds is None or kinds.fit(subject, obj)

    def spec(self, lemma: str) -> RelationSpec | None:
        return self.relations.get(lemma)

    @cached_property
    def predicates(self) -> frozenset[str]:
        """Every predicate the vocabulary can emit (all declared in ontology.ttl)."""
        return frozenset(spec.predicate for spec in self.relations.values()) | \
            self.structural_predicates

    @cached_property
    def never_events(self) -> frozenset[str]:
        """Verbs that never state an event by themselves: speech, skipped and plan verbs (their
        content is a clause, or they say nothing). Built once, not per verb read."""
        return self.speech_verbs | self.skip_verbs | self.expect_words

    @cached_property
    def verb_words(self) -> frozenset[str]:
        """Verbs the vocabulary knows, relations and speech alike."""
        return frozenset(self.relations) | self.speech_verbs


@cache
def load_vocabulary() -> RelationVocabulary:
    """relations.json, with WordNet's verb + noun idioms (data/verb_phrases.json) added to its
    hand-written verb_idioms, which win."""
    data = data_file("relations.json")
    data["verb_idioms"] = {**wordnet_idioms(data), **data["verb_idioms"]}
    return RelationVocabulary.model_validate(data)


def wordnet_idioms(data: dict[str, list[str]]) -> dict[str, dict[str, object]]:
    """WordNet's verb + noun idioms as verb_idioms entries: named as themselves ('found fault
    with X' is 'find fault', not 'discovered'), their object after the prepositions WordNet
    writes, else after a preposition that names a participant (relations.json's
    object_preps that name no place or time: 'made peace with X', 'kept pace with X')."""
    participant_preps = sorted(set(data["object_preps"]) - set(data["place_preps"]) -
                               set(data["time_preps"]))
    return {phrase: {"verb": phrase, "object": list(preps) or participant_preps,
                     "needs_object": True}
            for phrase, preps in verb_phrases().items()}


@cache
def _kind_words() -> dict[EntityType, frozenset[str]]:
    data = data_file("name_words.json")
    return {EntityType.ORGANIZATION: frozenset(data["organization"]),
            EntityType.PLACE: frozenset(data["place"]),
            EntityType.EVENT: frozenset(data.get("event", ())),
            EntityType.THING: frozenset(data.get("thing", ()))}


def name_kind(words: tuple[str, ...]) -> EntityType | None:
    """The kind a word inside a name gives it ('Eastmoor City FC', 'Amur Oblast'), or None.
    ``words`` are folded name words; the first is skipped ('Bank Street' is not a bank). The
    last kind word decides, as an English name's head comes last: 'Harbor Energy Arena' is
    an arena, 'Airport Authority' an authority. With no kind word after the first, a kind
    that opens the name decides (``opening_kind``: 'Hurricane Dorlan', 'Operation Sea
    Shield')."""
    kinds = _kind_words()
    for word in reversed(words[1:]):
        for entity_type, kind_words in kinds.items():
            if word in kind_words:
                return entity_type
    return opening_kind(words)


def opening_kind(words: tuple[str, ...]) -> EntityType | None:
    """The kind the opening words of a name give it (name_words.json 'openers'): a storm's
    name opens with its kind ('Tropical Storm Wenla', 'Typhoon Ulo'), an operation's with
    'Operation'. Some name must follow the opener, and no word that makes the name an
    office or a body ('not_after_openers': 'Hurricane Center', 'Operation Centre')."""
    openers, not_after = _openers()
    for entity_type, opening in openers:
        rest = words[len(opening):]
        if words[:len(opening)] == opening and rest and not_after.isdisjoint(rest):
            return entity_type
    return None


@cache
def _openers() -> tuple[tuple[tuple[EntityType, tuple[str, ...]], ...], frozenset[str]]:
    """The openers of name_words.json, longest first ('tropical storm' before a shorter one
    it may begin with), each as its folded words, and the words that undo them."""
    data = data_file("name_words.json")
    openers = sorted(((EntityType(kind.capitalize()), tuple(opener.split()))
                      for kind, words in data.get("openers", {}).items() for opener in words),
                     key=lambda pair: -len(pair[1]))
    return tuple(openers), frozenset(data.get("not_after_openers", ()))
