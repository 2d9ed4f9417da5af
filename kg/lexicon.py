"""The word lists extraction reads, as data: role words, demonyms, event nouns, US state
abbreviations. Each file in ``kg/data`` is loaded once and shared; none names a person or an
organisation, only general words and the places a demonym stands for."""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from kg.model import EntityType, Factuality, RoleName


def data_file(name: str) -> dict[str, Any]:
    """One JSON file of ``kg/data`` as read from the installed package: the one reader every
    module goes through, so that a data file's place and encoding are decided once."""
    return json.loads(resources.files("kg").joinpath(f"data/{name}").read_text("utf-8"))


def data_lines(name: str) -> tuple[str, ...]:
    """The entries of one plain-text list of ``kg/data`` ('titles.txt', 'boilerplate.txt'),
    one a line, stripped, in file order: lines opening with '#' are the file's note of what
    it holds and where it comes from, and blank lines separate nothing. The one reader of
    text lists, as ``data_file`` is of JSON, so every list skips its notes the same way."""
    text = resources.files("kg").joinpath(f"data/{name}").read_text("utf-8")
    return tuple(line for line in (raw.strip() for raw in text.splitlines())
                 if line and not line.startswith("#"))


@cache
def english_function_words() -> frozenset[str]:
    """data/english_function_words.json: frequent English words no other Latin-script language
    uses as often, by which kg.language calls a text English without langdetect."""
    return frozenset(data_file("english_function_words.json")["words"])  # type: ignore[arg-type]


def _determiner_section(name: str) -> frozenset[str]:
    """One section of data/determiners.json; no word is in two sections, so each set below is
    a union of sections and says which kinds of determiner it holds."""
    return frozenset(data_file("determiners.json")[name])  # type: ignore[arg-type]


@cache
def possessive_determiners() -> frozenset[str]:
    """'his', 'her', 'their': a possessive that opens a noun phrase ('his sister')."""
    return _determiner_section("possessives")


@cache
def country_institutions() -> frozenset[str]:
    """Nouns of the bodies a country has one of ('government', 'army'): reference.json."""
    return frozenset(data_file("reference.json")["country_institutions"])  # type: ignore[arg-type]


@cache
def determiners() -> frozenset[str]:
    """Words that open a noun phrase and name nothing: 'the', 'a', 'this', 'his', 'their'
    (data/determiners.json). One list, so every stage that strips them strips the same."""
    return articles() | definite_determiners() | possessive_determiners()


@cache
def articles() -> frozenset[str]:
    """'a', 'an', 'the': an article before a name ('the Velora pipeline') writes it as a
    thing's, and one before a noun is stripped to read the noun (data/determiners.json)."""
    return _determiner_section("indefinite_articles") | _determiner_section("definite_article")


@cache
def indefinite_articles() -> frozenset[str]:
    """'a', 'an': some one of a kind, not one the text told of (data/determiners.json)."""
    return _determiner_section("indefinite_articles")


@cache
def definite_determiners() -> frozenset[str]:
    """'the', 'this', 'that', 'these', 'those': a noun they alone open ('the decision', 'that
    plan') is one the document told of before (data/determiners.json)."""
    return singular_definites() | _determiner_section("plural_demonstratives")


@cache
def singular_definites() -> frozenset[str]:
    """'the', 'this', 'that': a singular noun they open ('the plan', 'this Court') is one
    thing the reader already knows, what a later 'it' most often is (data/determiners.json)."""
    return _determiner_section("definite_article") | _determiner_section(
        "singular_demonstratives")


@cache
def definite_before_mention() -> frozenset[str]:
    """'the', 'this': the definite determiners that still mark one when read as plain text
    right before a mention ('that' is as often the conjunction: 'said that investigators
    found'); data/determiners.json 'read_before_a_mention', which must be determiners."""
    words = frozenset(data_file("determiners.json")["read_before_a_mention"])  # type: ignore[arg-type]
    if not words <= definite_determiners():
        raise ValueError("read_before_a_mention: definite determiners only (determiners.json)")
    return words


@cache
def group_possessives() -> frozenset[str]:
    """'its', 'their': the possessives that name an organisation, a place that acts or a
    group, never one person; data/determiners.json 'group_possessives', which must be
    possessives."""
    words = frozenset(data_file("determiners.json")["group_possessives"])  # type: ignore[arg-type]
    if not words <= possessive_determiners():
        raise ValueError("group_possessives: possessive determiners only (determiners.json)")
    return words


@cache
def unspecific_determiners() -> frozenset[str]:
    """'a', 'any', 'another', 'every', 'each', 'some', 'no': a noun they open ('a Danish
    court', 'no ministry') is some one of a kind, not one the article names, and no
    referent for a later 'the court' (data/determiners.json)."""
    return indefinite_articles() | universal_determiners() | _determiner_section(
        "negative_quantifiers") | _determiner_section("other_indefinites")


@cache
def negative_pronouns() -> frozenset[str]:
    """'none', 'nobody', 'nothing': pronouns that name no participant, so a clause with one
    as an argument states no fact about anyone (data/determiners.json)."""
    return _determiner_section("negative_pronouns")


@cache
def generic_quantifiers() -> frozenset[str]:
    """'any', 'every', 'no': a subject opened by one speaks of a kind or of nobody, so it is
    no participant (data/determiners.json; 'each' speaks of a group at hand)."""
    return _determiner_section("universal_quantifiers") | _determiner_section(
        "negative_quantifiers")


@cache
def universal_determiners() -> frozenset[str]:
    """'any', 'every', 'each': a present relative clause on a noun they open ('any official
    who is convicted') picks out whoever it applies to, not someone who did it
    (data/determiners.json)."""
    return _determiner_section("universal_quantifiers") | _determiner_section(
        "distributive_quantifiers")


@cache
def generic_determiners() -> frozenset[str]:
    """'a', 'an', 'any', 'every', 'each': a simple-present subject they open ('a senator serves
    six years') names a kind, so the clause states a rule, not a deed (data/determiners.json)."""
    return _determiner_section("indefinite_articles") | universal_determiners()


@cache
def institution_nouns() -> frozenset[str]:
    """'government', 'ministry', 'embassy': head nouns of bodies a text names by their owner
    ('the Danish government'), read by kg.extract.institutions (data/institutions.json)."""
    return frozenset(data_file("institutions.json")["nouns"])  # type: ignore[arg-type]


@cache
def person_nouns() -> frozenset[str]:
    """Professions from WordNet's person nouns ('linguist', 'soprano'), generated by
    tools/wordnet_person_nouns.py; the hand-written roles.json wins where both name a word."""
    return frozenset(data_lines("person_nouns.txt"))


@cache
def roles() -> dict[str, str]:
    """Role word (lower case, as written: 'gov.', 'foreign minister') -> canonical role."""
    written = {k.lower(): v for k, v in data_file("roles.json")["roles"].items()}  # type: ignore[union-attr]
    return {**{word: word for word in person_nouns()}, **written}


@cache
def not_roles() -> frozenset[str]:
    """Person nouns of praise or regard that name no position ('hero', 'role model'): read
    as a role's words (a demonym before them still says where someone is from) but never a
    position fact (data/roles.json)."""
    return frozenset(data_file("roles.json").get("_not_roles", ()))  # type: ignore[arg-type]


@cache
def role_modifiers() -> frozenset[str]:
    """Words before a role that name no organisation: 'former', 'acting', 'deputy'."""
    return frozenset(data_file("roles.json").get("_modifiers", ()))  # type: ignore[arg-type]


@cache
def hedging_modifiers() -> frozenset[str]:
    """Words before a role that make it a claim, not a post held: 'purported expert X'."""
    return frozenset(data_file("roles.json").get("_hedging_modifiers", ()))  # type: ignore[arg-type]


@cache
def rank_modifiers() -> frozenset[str]:
    """Modifiers that make a lower office of the role after them: 'deputy director'."""
    return frozenset(data_file("roles.json").get("_rank_modifiers", ()))  # type: ignore[arg-type]


class ArgumentWords(BaseModel):
    """Words that choose a verb's participants (data/arguments.json; who does an infinitive
    is ``ControlWords``). ``causing_events`` and ``harm_verbs``: in 'two people were killed
    in a bombing' the bombing did it. The other lists say when a subject may be borrowed,
    how sure a governed verb is, and which words are no participant; the file's comment says
    what each holds."""

    model_config = ConfigDict(frozen=True)
    causing_events: frozenset[str]
    harm_verbs: frozenset[str]
    harm_predicates: frozenset[str] = frozenset()
    party_deeds: frozenset[str] = frozenset()
    owner_participles: frozenset[str] = frozenset()
    gerund_adjunct_preps: frozenset[str] = frozenset()
    obligation_verbs: frozenset[str] = frozenset()
    uncertainty_governors: frozenset[str] = frozenset()
    improbability_words: frozenset[str] = frozenset()
    claim_verbs: frozenset[str] = frozenset()
    claimant_nouns: frozenset[str] = frozenset()
    complex_preposition_nouns: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    optative_verbs: frozenset[str] = frozenset()
    reason_preps: frozenset[str] = frozenset()
    outcome_verbs: frozenset[str] = frozenset()
    deed_nouns: frozenset[str] = frozenset()
    relation_verbs: frozenset[str] = frozenset()
    prepositional_participles: frozenset[str] = frozenset()
    counterfactual_modals: frozenset[str] = frozenset()
    normative_modals: frozenset[str] = frozenset()
    instrument_verbs: frozenset[str] = frozenset()
    means_preps: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    aim_nouns: frozenset[str] = frozenset()
    age_words: frozenset[str] = frozenset()
    request_verbs: frozenset[str] = frozenset()
    finding_verbs: frozenset[str] = frozenset()
    eligibility_words: frozenset[str] = frozenset()
    partitive_words: frozenset[str] = frozenset()
    partitive_durations: frozenset[str] = frozenset()
    ranking_verbs: frozenset[str] = frozenset()
    prepositional_frames: dict[str, frozenset[str]] = {}
    location_frames: dict[str, frozenset[str]] = {}
    holding_frames: dict[str, frozenset[str]] = {}
    prevention_verbs: frozenset[str] = frozenset()
    complement_verbs: frozenset[str] = frozenset()
    dating_frames: dict[str, frozenset[str]] = {}
    conversation_verbs: frozenset[str] = frozenset()
    offence_verbs: frozenset[str] = frozenset()
    companion_preps: frozenset[str] = frozenset()
    instrument_nouns: frozenset[str] = frozenset()
    firing_verbs: frozenset[str] = frozenset()
    order_nouns: frozenset[str] = frozenset()
    event_order_preps: frozenset[str] = frozenset()
    cause_preps: frozenset[str] = frozenset()
    verdict_words: frozenset[str] = frozenset()
    issuing_verbs: frozenset[str] = frozenset()
    authored_nouns: frozenset[str] = frozenset()


class FactualityWords(BaseModel):
    """Words that say how sure a governed verb is, beside those of data/arguments.json
    (data/factuality.json; its comment says what each list holds)."""

    model_config = ConfigDict(frozen=True)
    capacity_adjectives: frozenset[str] = frozenset()
    plan_adjectives: frozenset[str] = frozenset()
    deliberation_verbs: frozenset[str] = frozenset()
    lemma_corrections: dict[str, str] = Field(default_factory=dict)
    excess_degrees: frozenset[str] = frozenset()
    sufficient_degrees: frozenset[str] = frozenset()
    wish_words: frozenset[str] = frozenset()
    attempt_verbs: frozenset[str] = frozenset()
    fear_words: frozenset[str] = frozenset()
    hortative_verbs: frozenset[str] = frozenset()
    hortative_nouns: frozenset[str] = frozenset()
    inference_verbs: frozenset[str] = frozenset()
    prospective_light_verbs: frozenset[str] = frozenset()
    announcing_light_verbs: frozenset[str] = frozenset()
    announced_outcome_nouns: frozenset[str] = frozenset()
    future_time_marks: frozenset[str] = frozenset()
    carried_out_verbs: frozenset[str] = frozenset()
    rarity_adverbs: frozenset[str] = frozenset()
    habitual_adverbs: frozenset[str] = frozenset()
    forecast_verbs: frozenset[str] = frozenset()
    paying_verbs: frozenset[str] = frozenset()
    alternative_marks: frozenset[str] = frozenset()
    mandative_verbs: frozenset[str] = frozenset()
    cancellation_verbs: frozenset[str] = frozenset()
    permission_verbs: frozenset[str] = frozenset()
    pending_adverbs: frozenset[str] = frozenset()
    prospective_verbs: frozenset[str] = frozenset()
    leading_verbs: frozenset[str] = frozenset()
    lead_nouns: frozenset[str] = frozenset()
    exception_preps: frozenset[str] = frozenset()
    fitness_adjectives: frozenset[str] = frozenset()
    clause_separators: frozenset[str] = frozenset()
    conjecture_verbs: frozenset[str] = frozenset()
    view_verbs: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    rejecting_verbs: frozenset[str] = frozenset()
    possibility_adverbs: frozenset[str] = frozenset()
    charging_phrases: frozenset[str] = frozenset()
    clearing_phrases: frozenset[str] = frozenset()
    culpability_adjectives: frozenset[str] = frozenset()
    hearsay_passives: frozenset[str] = frozenset()
    attempt_nouns: frozenset[str] = frozenset()
    failure_modifiers: frozenset[str] = frozenset()
    negated_forecasts: frozenset[str] = frozenset()
    deliberating_phrases: frozenset[str] = frozenset()
    proposal_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    advocacy_verbs: frozenset[str] = frozenset()
    demand_nouns: frozenset[str] = frozenset()
    progressive_prospective_verbs: frozenset[str] = frozenset()
    compliance_verbs: frozenset[str] = frozenset()
    offer_verbs: frozenset[str] = frozenset()
    prevention_verbs: frozenset[str] = frozenset()
    no_determiners: frozenset[str] = frozenset()
    charge_noun_phrases: frozenset[str] = frozenset()
    upholding_verbs: frozenset[str] = frozenset()
    losing_verbs: frozenset[str] = frozenset()
    deontic_modals: frozenset[str] = frozenset()
    present_obligation_verbs: frozenset[str] = frozenset()
    contention_verbs: frozenset[str] = frozenset()
    withdrawal_verbs: frozenset[str] = frozenset()
    negative_correlatives: frozenset[str] = frozenset()
    negative_pronouns: frozenset[str] = frozenset()
    inverted_conditionals: frozenset[str] = frozenset()


@cache
def factuality_words() -> FactualityWords:
    return FactualityWords.model_validate(data_file("factuality.json"))


class ControlWords(BaseModel):
    """Who does an infinitive and whether it happened: every control and raising verb class,
    in one file (data/control.json; a comment beside or in it says what each class holds).
    Its object after ``object_control`` and ``object_raising`` verbs ('urged Lena to resign',
    'expected the bill to pass'), else its subject ('used satellites to study the ice');
    ``implicative_control`` says the object did it ('forced X to resign'); after
    ``subject_control_plans`` ('voted to lift the ban') it is a plan; ``raising_verbs``
    ('happened to meet') carry the verb after them. Then prepositional control ('relied on
    X to carry'), directives ('told X to leave'), the negated governors whose infinitive did
    not happen and the governors whose own act is stated with their infinitive ('agreed to
    wear')."""

    model_config = ConfigDict(frozen=True)
    object_control: frozenset[str]
    object_raising: frozenset[str]
    implicative_control: frozenset[str]
    subject_control_plans: frozenset[str]
    raising_verbs: frozenset[str]
    prepositional_control: frozenset[str] = frozenset()
    implicative_prepositional: frozenset[str] = frozenset()
    directive_verbs: frozenset[str] = frozenset()
    negation_passing_governors: frozenset[str] = frozenset()
    claim_proof_governors: frozenset[str] = frozenset()
    performative_decisions: frozenset[str] = frozenset()
    recorded_governors: frozenset[str] = frozenset()


@cache
def control_words() -> ControlWords:
    return ControlWords.model_validate(data_file("control.json"))


class TenureWords(BaseModel):
    """Words that say a position is over (data/tenure.json; its comment says what each
    list holds)."""

    model_config = ConfigDict(frozen=True)
    modifiers: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    adverbs: frozenset[str] = frozenset()
    end_prepositions: frozenset[str] = frozenset()
    lasting_roles: frozenset[str] = frozenset()
    leaving_verbs: frozenset[str] = frozenset()
    removing_verbs: frozenset[str] = frozenset()
    leaving_nouns: frozenset[str] = frozenset()
    refusing_verbs: frozenset[str] = frozenset()
    past_as_verbs: frozenset[str] = frozenset()


@cache
def attribute_verbs() -> frozenset[str]:
    """Verbs whose 'as' phrase says what the object is taken, made or named as ('named X as
    chief executive', 'described the deal as a disaster'): the fact's attribute, not where
    or when (data/secondary_predicates.json)."""
    return frozenset(data_file("secondary_predicates.json")["verbs"])  # type: ignore[arg-type]


@cache
def verdict_verbs() -> frozenset[str]:
    """Verbs whose passive with an adjective complement is one event named with the
    adjective ('was found guilty', 'pronounced dead'), not a state or an opinion
    (data/secondary_predicates.json)."""
    return frozenset(data_file("secondary_predicates.json")["verdict_verbs"])  # type: ignore[arg-type]


@cache
def as_idioms() -> frozenset[str]:
    """Nouns that after 'as' make a connective ('as part of', 'as a result'), no attribute
    (data/secondary_predicates.json)."""
    return frozenset(data_file("secondary_predicates.json")["as_idioms"])  # type: ignore[arg-type]


@cache
def object_complements() -> dict[str, object]:
    """What a bare object noun needs to say which one it is (data/object_complements.json):
    'noun_preps', the prepositions whose phrase says which one ('term' -> 'as'), and
    'ordinal_nouns', nouns of a series an ordinal picks from ('third term')."""
    return data_file("object_complements.json")


@cache
def tenure_words() -> TenureWords:
    return TenureWords.model_validate(data_file("tenure.json"))


@cache
def argument_words() -> ArgumentWords:
    return ArgumentWords.model_validate(data_file("arguments.json"))


@cache
def preposition_roles() -> dict[str, dict[EntityType, RoleName]]:
    """The role a governed prepositional phrase gives by its preposition and its
    participant's kind (data/preposition_roles.json), for a verb whose relation entry names
    no role for that preposition: 'returned the car to Lena' (a person receives), 'inducted
    into the hall' (where to). A kind the table leaves out gives no role."""
    data = data_file("preposition_roles.json")
    return {prep: {EntityType(kind): RoleName(role) for kind, role in kinds.items()}
            for prep, kinds in data.items() if isinstance(kinds, dict)}


@cache
def contest_verbs() -> frozenset[str]:
    """Verbs whose 'to' phrase names the winner ('lost to Reyes'): no receiver, so the
    preposition table gives it no role (data/preposition_roles.json)."""
    return frozenset(data_file("preposition_roles.json")["contest_verbs"])  # type: ignore[arg-type]


@cache
def professions() -> frozenset[str]:
    """Canonical roles that say what someone does ('singer'), not a position held for a body."""
    written = frozenset(data_file("roles.json").get("_professions", ()))  # type: ignore[arg-type]
    return written | (person_nouns() - set(data_file("roles.json")["roles"].values()))  # type: ignore[union-attr]


@cache
def constituency_roles() -> frozenset[str]:
    """Canonical roles held for a place: 'Senator X of Nebraska' is Nebraska's senator."""
    return frozenset(data_file("roles.json").get("_constituency_roles", ()))  # type: ignore[arg-type]


@cache
def counterpart_nouns() -> frozenset[str]:
    """Nouns that give a person the office another holds, for another country ('his Greek
    counterpart Y'): the role is the possessor's, the holder the demonym's."""
    return frozenset(data_file("roles.json").get("_counterpart_nouns", ()))  # type: ignore[arg-type]


@cache
def kinship_roles() -> frozenset[str]:
    """Canonical roles that relate a person to another person ('wife', 'son', 'running mate');
    without a person to hold them they say nothing worth a fact."""
    return frozenset(data_file("roles.json").get("_kinship", ()))  # type: ignore[arg-type]


@cache
def parties() -> dict[str, str]:
    """Capitalised party words as written ('Conservative', 'GOP') -> the party's usual name."""
    return dict(data_file("roles.json").get("_parties", {}))  # type: ignore[call-overload]


@cache
def person_service_roles() -> frozenset[str]:
    """Roles of representation and personal service ('lawyer', 'manager') held toward the
    person a possessive description names ("the singer's manager, X")."""
    return frozenset(data_file("roles.json").get("_person_service", ()))  # type: ignore[arg-type]


@cache
def served_with_to() -> frozenset[str]:
    """Canonical roles whose 'to' names whom they serve ('an adviser to X'); after any other
    role 'to' names a destination ('ambassador to Italy')."""
    return frozenset(data_file("roles.json").get("_served_with_to", ()))  # type: ignore[arg-type]


@cache
def field_roles() -> frozenset[str]:
    """Canonical roles whose 'of' or 'in' names a field, not a holder ('a professor of
    chemistry'): still a position, its holder unsaid."""
    return frozenset(data_file("roles.json").get("_field_roles", ()))  # type: ignore[arg-type]


@cache
def place_of_nouns() -> frozenset[str]:
    """Nouns of a place that stand for the place their 'of' names ('the city of Halden'):
    that place holds the role they are the holder of ('mayor of the city of Halden')."""
    return frozenset(data_file("roles.json").get("_place_of_nouns", ()))  # type: ignore[arg-type]


@cache
def party_offices() -> frozenset[str]:
    """Roles held for a party itself: 'Labour leader X' leads the party, where 'Labour MP X'
    only belongs to it."""
    return frozenset(data_file("roles.json").get("_party_offices", ()))  # type: ignore[arg-type]


@cache
def party_letters() -> dict[str, str]:
    """'R' -> 'Republican Party' in the tag 'Sen. X, R-Utah' (roles.json)."""
    return dict(data_file("roles.json").get("_party_letters", {}))  # type: ignore[call-overload]


@cache
def organisation_kinds() -> frozenset[str]:
    """Common nouns that say a name beside them is an organisation: 'the Velmar company',
    'victim group Safe Harbor', 'the law firm of X'."""
    return frozenset(data_file("roles.json").get("_organisation_kinds", ()))  # type: ignore[arg-type]


@cache
def state_sectors() -> frozenset[str]:
    """Words between a demonym and a role that name a branch of the state: 'an Israeli
    security official' serves Israel; 'a Russian oil executive' does not serve Russia."""
    return frozenset(data_file("roles.json").get("_state_sectors", ()))  # type: ignore[arg-type]


@cache
def service_nouns() -> frozenset[str]:
    """Nouns of a public service, body or force whose bare plural means the one at hand
    ('Police shot the attacker', 'Rebels took the town'): a doer even with no determiner
    (data/service_nouns.json)."""
    return frozenset(data_file("service_nouns.json")["service_nouns"])  # type: ignore[arg-type]


@cache
def longest_role() -> int:
    return max(len(k.split()) for k in roles())


@cache
def dropped_prefixes() -> tuple[str, ...]:
    """Prefixes glued to a role that leave it the same role: 'then-manager', 'ex-minister'."""
    return tuple(data_file("roles.json").get("_dropped_prefixes", ()))  # type: ignore[arg-type]


@lru_cache(maxsize=1 << 16)  # asked of the same words by every title rule
def canonical_role(words: str) -> str | None:
    """'Gov.' -> 'governor', 'spokeswoman' -> 'spokesperson', 'then-manager' -> 'manager';
    None if not a role."""
    folded = " ".join(words.lower().split())
    if not folded:
        return None
    for prefix in dropped_prefixes():
        if folded.startswith(prefix) and len(folded) > len(prefix):
            return canonical_role(folded.removeprefix(prefix))
    return roles().get(folded) or roles().get(folded.replace(".", "")) or roles().get(
        folded.removesuffix("s"))


@cache
def demonyms() -> dict[str, str]:
    """'russian' -> 'Russia', 'north korean' -> 'North Korea', 'texan' -> 'Texas'."""
    return {k.lower(): v for k, v in data_file("demonyms.json")["demonyms"].items()}  # type: ignore[union-attr]


@cache
def initialisms() -> dict[str, str]:
    """'US' -> 'United States', 'UK' -> 'United Kingdom'; keys as written (case matters)."""
    return dict(data_file("demonyms.json").get("initialisms", {}))  # type: ignore[call-overload]


class MetonymyWords(BaseModel):
    """data/metonymy.json: the acts a capital does for its state (``state_acts`` whenever
    the document names another country, ``civic_acts`` only when its sentence does, since a
    city's council bans and closes too), the acts whose capital object is its state
    (``acts_on_states``), and what a deed (arguments.json's ``party_deeds``) does that its
    country or organisation modifier did (``deed_acts``); before a ``target_nouns`` deed a
    country's name says where it was done, not who did it."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    state_acts: frozenset[str]
    civic_acts: frozenset[str]
    acts_on_states: frozenset[str]
    target_nouns: frozenset[str]
    deed_acts: frozenset[str]


@cache
def metonymy_words() -> MetonymyWords:
    """The word classes of kg.extract.metonymy, loaded once."""
    return MetonymyWords.model_validate(data_file("metonymy.json"))


class EventNoun(BaseModel):
    """How an event noun takes its participants: 'visit' + 'to X' is what is visited."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    verb: str
    object: tuple[str, ...] = ()
    agent: tuple[str, ...] = ("by",)
    named_objects: frozenset[EntityType] = Field(default=frozenset(), description=(
        "When set, the noun's prepositional objects count only as names of these types: "
        "\"her role as Marta Ruiz\" names the part she played, \"his role as the board's "
        "chair\" a post, which is no part played."))


class EventNouns(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    nouns: dict[str, EventNoun]
    agent_nouns: dict[str, EventNoun] = {}
    light_verbs: frozenset[str] = frozenset()
    support_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Light verbs that say nothing but the noun's event ('made a visit', 'held talks'): "
        "their own fact with the event noun as object is dropped. Others ('ended the "
        "campaign', 'signed the deal') keep it and lend the noun their subject."))
    patient_possessive: frozenset[str] = frozenset()
    vague_support_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Support verbs too bare to state an event by themselves ('had a tour', 'did an "
        "interview'): when the noun names no participant, nothing is said."))
    patient_light_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs whose subject undergoes the event their object names ('suffered a defeat', "
        "'received support from Y'): the doer comes with 'by' or 'from'."))
    undergoing_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs whose subject (or passive subject) undergoes the event an 'under'-phrase "
        "names ('X came under attack from Y', 'X is under investigation', 'X was placed under "
        "arrest', 'the region fell under the occupation of Y')."))
    undergoing_nouns: frozenset[str] = Field(default=frozenset(), description=(
        "Nouns that, as the complement of an ``undergoing_verbs`` copula, name its subject "
        "the one the event of their 'of'-phrase befalls ('X was the target of an attack by "
        "Y')."))
    not_undergone: frozenset[str] = Field(default=frozenset(), description=(
        "Event nouns that after 'under' name the terms one acts by, not an event one "
        "undergoes ('under the agreement', 'under contract with Y')."))
    rallying_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs with 'to' of coming to someone's side ('came to X's defense', 'rushed to X's "
        "aid'): their subject does the ``rallying_nouns`` deed to the possessive."))
    rallying_nouns: frozenset[str] = Field(default=frozenset(), description=(
        "Nouns of help that a ``rallying_verbs`` verb's 'to'-phrase holds with a possessive."))
    destination_nouns: frozenset[str] = Field(default=frozenset(), description=(
        "Nouns of a journey whose place name written before them is where they go ('her "
        "Lisbon visit'), as a 'to'-phrase is; before other event nouns it is where."))
    clause_doer_nouns: frozenset[str] = Field(default=frozenset(), description=(
        "Nouns of going and meeting whose doer, when the text names none, is the subject of "
        "the clause they time ('X was received during a visit to Oslo', 'after talks with Y, "
        "X said'); not deeds ('police arrested X after the attack on Y': police did not "
        "attack)."))
    stance_nouns: frozenset[str] = Field(default=frozenset(), description=(
        "Event nouns that, bare in an 'in'-phrase on a verb, say in what stance the verb's "
        "subject acts ('rallied in support of X', 'marched in protest against Y'): that "
        "subject does the noun's deed."))
    clause_doer_preps: frozenset[str] = Field(default=frozenset(), description=(
        "The prepositions that hang such a noun on its clause: 'during', 'after', 'ahead "
        "(of)'."))
    verbal_prepositions: frozenset[str] = Field(default=frozenset(), description=(
        "Prepositions the small model tags as verbs with the event noun as their object "
        "('crashed following departure from X'); read as the preposition they are."))
    other_senses: frozenset[str] = Field(default=frozenset(), description=(
        "An event noun with a word before it that makes it something else ('cardiac "
        "arrest', 'heart attack', 'charm offensive'): no one arrested or attacked anyone."))
    fate_groups: dict[str, str] = Field(default_factory=dict, description=(
        "Words for those an event befell, as news counts them ('among the dead', 'among "
        "the injured') -> the verb of that fate: 'X was among the dead' is 'X died'."))
    fate_counters: frozenset[str] = Field(default=frozenset(), description=(
        "Words that count some of a fate group through 'of' beside a copula ('one of the "
        "dead was X', 'X was one of the injured'); a number counts as well."))
    fate_naming_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs whose 'as'-phrase names the members of the fate group that is their subject "
        "('the dead were identified as X and Y')."))
    requesting_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs, with the preposition that brings what they ask for, whose object is an "
        "event someone asks for ('called for the resignation of X', 'demanded the release "
        "of Y'): the event ought to happen, it has not."))
    granting_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs of handing over or taking: a past relative clause of these on an event noun "
        "asked for ('asked X for his resignation, which was given to me this morning', "
        "'demanded his resignation, which he tendered') says the request was met: the event "
        "happened (blind judges called such a resignation read as normative wrong)."))
    cancelling_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs that keep the event their object names from happening ('cancelled his "
        "visit', 'postponed the summit'): the noun states no event."))
    hedging_governors: dict[str, Factuality] = Field(default_factory=dict, description=(
        "A word governing an event noun (a verb, with its preposition when the noun comes "
        "through one; a noun with its preposition; or the noun an event noun qualifies) "
        "that says the event is meant, feared or denied, not done ('planned a visit', 'the "
        "threat of an attack', 'an assassination attempt') -> the factuality it gives."))
    unrealised_modifiers: frozenset[str] = Field(default=frozenset(), description=(
        "Adjectives that say the event the noun names did not come off ('the attempted "
        "assassination of X', 'a foiled attack'): negated."))
    penalty_nouns: frozenset[str] = Field(default=frozenset(), description=(
        "Nouns of a charge or a punishment a deed noun completes ('a life sentence for the "
        "murder of X', 'a charge of murder in the killing of Y')."))
    penalty_verbs: dict[str, Factuality] = Field(default_factory=dict, description=(
        "Verbs whose subject bears a penalty noun ('is serving a sentence for', 'faces "
        "charges in') -> how surely that holds the subject to the deed."))
    suspect_nouns: frozenset[str] = Field(default=frozenset(), description=(
        "Nouns for one held to a deed ('Z, the suspect in the shooting of Y'): the person "
        "they name did the deed the noun's 'in'/'for' phrase names, as reported."))
    held_deaths: dict[str, str] = Field(default_factory=dict, description=(
        "Nouns of a death -> the verb of the deed when the courts or the police hold someone "
        "to it ('charged in the death of X': he killed X, as charged)."))
    organisation_doers: frozenset[str] = Field(default=frozenset(), description=(
        "Nouns of ``patient_possessive`` whose possessive, when it names an organisation, "
        "does the deed ('the party's nomination'), as a person's undergoes it ('Berg's "
        "nomination')."))
    place_venues: frozenset[str] = Field(default=frozenset(), description=(
        "Nouns of ``patient_possessive`` whose possessive, when it names a place, is where "
        "the event is held (\"the state's special election\"), not the one it befalls "
        "(\"Berg's election\")."))
    fate_causes: dict[str, str] = Field(default_factory=dict, description=(
        "Fate words -> the verb of the deed that brings that fate, when they complement a "
        "``resultative_verbs`` verb's object ('the blast left three people dead': it killed "
        "them)."))
    resultative_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs whose object a fate word complements with the state they left it in ('left "
        "X dead', 'left nine injured')."))
    charge_nouns: frozenset[str] = Field(default=frozenset(), description=(
        "Nouns of a criminal charge whose clause can list the charges (\"X's charges "
        "include fraud\"): X was charged with each."))
    listing_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs by which a charge noun lists its charges ('include', 'involve', 'be')."))
    source_verbs: frozenset[str] = Field(default=frozenset(), description=(
        "Verbs that take an event noun's 'from'-doer onto themselves ('support for X came "
        "from Y'): Y did it, when the noun's frame takes 'from' for its doer."))
    tally_nouns: frozenset[str] = Field(default=frozenset(), description=(
        "Event nouns that, plural or counted, count units someone holds, not deeds "
        "('Pennsylvania's 20 electoral votes', 'gave him six votes'): no event."))


@cache
def event_nouns() -> EventNouns:
    return EventNouns.model_validate(data_file("nominal_events.json"))


class DerivedNouns(BaseModel):
    """The nouns of the deed and of the doer of the verbs kg knows, made by
    tools/wordnet_derived_nouns.py (WordNet's derivational links, kept when their shape is in
    noun_morphology.json). They stand behind the hand-written lists of nominal_events.json,
    which win where both name a noun: those carry prepositions checked by hand."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    events: dict[str, str]
    agents: dict[str, str]
    guarded_events: dict[str, str] = {}
    untyped_events: dict[str, str] = {}
    joint_prefixes: tuple[str, ...] = ()

    def event_frame(self, noun: str, relations: dict[str, Any],
                    occurrences: frozenset[str]) -> EventNoun | None:
        """The frame a derived deed noun takes from its verb: 'of' brings what the verb does
        its deed to ('the sale of X'), or, for a verb without a direct object, who does or
        undergoes it ('the death of X', 'the participation of X in Y', like the possessive);
        the verb's own object prepositions follow it ('withdrawal from X'); 'by' brings the
        doer."""
        verb = self.events.get(noun)
        if verb is None or verb not in relations:
            return None
        own = tuple(relations[verb].object)
        if verb in occurrences or own:
            # no direct object ('die'; 'participate in', 'withdraw from'): 'of' is who acts
            return EventNoun(verb=verb, object=own, agent=("by", "of"))
        return EventNoun(verb=verb, object=("of", *own), agent=("by",))

    def guarded_frame(self, noun: str, relations: dict[str, Any]) -> EventNoun | None:
        """The frame of a deed noun left out of ``events`` as mostly a thing ('management',
        'collection', 'selection'): only a transitive verb's, 'of' its object; the caller
        asks for a named possessive doer and a named 'of' object ("X's selection of Y")."""
        verb = self.guarded_events.get(noun)
        if verb is None or verb not in relations or relations[verb].object:
            return None
        return EventNoun(verb=verb, object=("of",), agent=())

    def untyped_frame(self, noun: str) -> EventNoun | None:
        """The frame of a deed noun whose verb relations.json does not type ('certification',
        'withholding'): 'of' its object, 'by' its doer; the caller asks for a named doer and
        an 'of' object, the two participants NomBank's reading of a nominalisation needs."""
        verb = self.untyped_events.get(noun)
        return None if verb is None else EventNoun(verb=verb, object=("of",), agent=("by",))

    def without_joint_prefix(self, noun: str) -> str:
        """'co-inventor' -> 'inventor': a joint prefix leaves the doer's deed the same."""
        for prefix in self.joint_prefixes:
            if noun.startswith(prefix) and len(noun) > len(prefix):
                return noun[len(prefix):]
        return noun

    def agent_frame(self, noun: str, relations: dict[str, Any]) -> EventNoun | None:
        """'the adopter of X', 'a smuggler of X': the doer of the verb, its 'of' what is
        done."""
        verb = self.agents.get(noun)
        if verb is None or verb not in relations:
            return None
        return EventNoun(verb=verb, object=("of",), agent=())


@cache
def derived_nouns() -> DerivedNouns:
    prefixes = data_file("noun_morphology.json").get("joint_prefixes", ())
    return DerivedNouns.model_validate({**data_file("derived_nouns.json"),
                                        "joint_prefixes": prefixes})


@cache
def place_words() -> dict[str, Any]:
    """places.json, read once, for every reader of its sections (kg.extract.places, the
    dateline and source-line readers): where-words, seat nouns, state abbreviations."""
    return data_file("places.json")


@cache
def source_lines() -> dict[str, Any]:
    """How the citation line of a monitored report is written ('Moscow Interfax in English
    1120 GMT'): its report number's pattern, stop words and outlet words (places.json)."""
    return dict(place_words()["source_lines"])  # type: ignore[call-overload]


@cache
def state_abbreviations() -> dict[str, str]:
    """AP-style and postal abbreviations of US states: 'calif.' -> 'California'."""
    return {k.lower(): v for k, v in place_words()["us_state_abbreviations"].items()}  # type: ignore[union-attr]


@cache
def event_verbs() -> frozenset[str]:
    """Verbs that tell of something happening with one participant ('crash', 'dissipate',
    'fail'), from WordNet's verb classes by tools/wordnet_event_verbs.py: with one of them a
    subject that is only a description ('the storm') still makes a fact."""
    return frozenset(data_file("event_verbs.json")["verbs"])  # type: ignore[arg-type]


@cache
def refused_objects() -> dict[str, frozenset[str]]:
    """Relation predicate -> the WordNet classes of object its sense cannot take ('departed'
    a flag, a person or a state; data/preferences.json), read by kg.extract.preferences."""
    table: dict[str, list[str]] = data_file("preferences.json")["refused_objects"]  # type: ignore[assignment]
    return {predicate: frozenset(classes) for predicate, classes in table.items()}


@cache
def thing_verbs() -> frozenset[str]:
    """Verbs of making or consuming that take a thing as object in some WordNet sense and a
    person in none ('publish', 'manufacture'; tools/wordnet_thing_verbs.py): 'X published
    Ms Y' is a misread parse, since no sense of the verb lets a person be what is
    published."""
    return frozenset(data_file("thing_verbs.json")["verbs"])  # type: ignore[arg-type]


@cache
def object_verbs() -> frozenset[str]:
    """Verbs that need an object to say anything ('recognise', 'visit', 'contribute'): their
    two most frequent WordNet senses are not said with a bare subject
    (tools/wordnet_object_verbs.py).
    'X recognised' with nothing recognised is no fact; 'X resigned' is."""
    return frozenset(data_file("object_verbs.json")["verbs"])  # type: ignore[arg-type]


@cache
def deed_classes() -> frozenset[str]:
    """WordNet verb classes whose verbs are deeds an abstraction cannot do
    (data/preferences.json), read by kg.extract.preferences."""
    return frozenset(data_file("preferences.json")["deed_classes"])  # type: ignore[arg-type]


@cache
def abstract_nouns() -> frozenset[str]:
    """Nouns whose most frequent WordNet sense is an abstraction ('goal', 'magnitude'),
    by tools/wordnet_verb_forms.py (data/abstract_nouns.json). Not derived from
    ``noun_classes``, which holds only the first sense's class: this list also drops a noun
    whose second or third sense is a deed, a group or a person ('acceptance', 'ace'), and
    keeps the 'shape' class that ``noun_classes`` has no use for."""
    return frozenset(data_file("abstract_nouns.json")["nouns"])  # type: ignore[arg-type]


@cache
def verb_phrases() -> dict[str, tuple[str, ...]]:
    """WordNet's verb + noun idioms ('find fault', 'keep pace', 'take heart') -> the
    prepositions WordNet writes after the noun (data/verb_phrases.json,
    tools/wordnet_verb_phrases.py): the verb does not mean what it means alone."""
    phrases: dict[str, list[str]] = data_file("verb_phrases.json")["phrases"]  # type: ignore[assignment]
    return {phrase: tuple(preps) for phrase, preps in phrases.items()}


@cache
def complement_senses() -> frozenset[str]:
    """Verbs whose most frequent sense takes no object complement while another sense does
    ('left two people dead', 'made the hospitals wards'; data/verb_phrases.json)."""
    return frozenset(data_file("verb_phrases.json")["complement_senses"])  # type: ignore[arg-type]


@cache
def noun_classes() -> dict[str, str]:
    """One-word nouns -> the WordNet class of their most frequent sense ('decision' -> 'act'),
    for the classes a verb's sense may refuse (data/noun_classes.json,
    tools/wordnet_verb_forms.py)."""
    classes: dict[str, list[str]] = data_file("noun_classes.json")["classes"]  # type: ignore[assignment]
    return {noun: name for name, nouns in classes.items() for noun in nouns}


@cache
def verb_forms() -> tuple[dict[str, int], dict[str, str], dict[str, str]]:
    """WordNet's one-word verbs with their tagged sense counts, its irregular forms -> base,
    and each verb's most frequent sense's class (data/verb_forms.json,
    tools/wordnet_verb_forms.py)."""
    data = data_file("verb_forms.json")
    return data["tagged_counts"], data["irregular"], data["first_sense_class"]  # type: ignore[return-value]


class TimeWords(BaseModel):
    """Words that choose a fact's time (data/times.json): phrases that count from another
    event ('the same day', 'four years earlier'), the prepositions and joiners of a span
    ('from 2009 to 2017', 'March 15 to 17'), the start of a state with no end ('since 2010'),
    parts of a day ('Saturday afternoon'), and the
    prepositions of a report's source ('according to a report on Wednesday')."""

    model_config = ConfigDict(frozen=True)
    anchored_words: frozenset[str]
    anchored_openers: tuple[str, ...]
    range_start_preps: frozenset[str]
    range_end_preps: frozenset[str]
    bound_preps: frozenset[str]
    open_start_preps: frozenset[str]
    range_words: frozenset[str]
    day_parts: frozenset[str]
    day_part_days: dict[str, str]
    edge_words: frozenset[str]
    source_preps: frozenset[str]
    deictic_words: frozenset[str]
    count_words: dict[str, int]


@cache
def time_words() -> TimeWords:
    return TimeWords.model_validate(data_file("times.json"))


@cache
def employment_words() -> dict[str, object]:
    """Verbs that state a job with no role word ('works for Y', 'employed by Y'): the role
    they give, the verbs with the prepositions naming the employer, and the verbs whose
    subject is the employer (kg/data/employment.json)."""
    return data_file("employment.json")


@cache
def relative_antecedents() -> dict[str, frozenset[str]]:
    """What a relative word asks of the noun it is about: 'who' a person, 'which' a thing,
    and the verb forms that mark a singular or a plural relative subject
    (data/relative_antecedents.json), for kg.extract.subjects to choose between the nouns
    of 'the director of the commission, who ...'."""
    data = data_file("relative_antecedents.json")
    return {key: frozenset(value) for key, value in data.items()  # type: ignore[union-attr]
            if not key.startswith("_")}


@cache
def narrower_kind_nouns() -> dict[str, frozenset[str]]:
    """'film' -> {'documentary', 'newsreel', ...}, 'vessel' -> {'submarine', 'freighter', ...}:
    the nouns WordNet files under a description head kg resolves (data/kind_nouns.json, made
    by tools/wordnet_kind_nouns.py), so that 'the film' can be the name brought in as 'a
    documentary'."""
    table = data_file("kind_nouns.json")["narrower"]
    return {head: frozenset(nouns) for head, nouns in table.items()}  # type: ignore[union-attr]


@cache
def holder_kind_classes() -> tuple[dict[str, Any], ...]:
    """data/holder_kinds.json's classes (titles, the words that mark the organisations they are
    held in, whether a profession): read once for the holders of titles (kg.holders) and the
    kind nouns that vote an organisation's type (kg.type_votes)."""
    return tuple(data_file("holder_kinds.json")["classes"])  # type: ignore[arg-type]

