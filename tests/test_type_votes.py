"""Type voting: every mention votes, with the recogniser's label one vote among several."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import make_document
from kg.model import EntityType, ExtractionResult, Mention
from kg.resolve import name_key, resolve_corpus
from kg.type_votes import (
    PRIORITY,
    apposition_type,
    ends_with_word,
    load_rules,
    mention_votes,
    noun_kind,
    winner,
)


def _mention(text: str, label: str | None, entity_type: EntityType, *, start: int = 0,
             title: str | None = None) -> Mention:
    return Mention(doc_id="d", sentence_index=0, start=start, end=start + len(text), text=text,
                   type=entity_type, ner_label=label, title=title)


def _votes(text: str, label: str, entity_type: EntityType, doc_text: str = "",
           **kwargs) -> Counter[EntityType]:
    start = doc_text.find(text) if doc_text else 0
    mention = _mention(text, label, entity_type, start=start, **kwargs)
    return mention_votes(mention, name_key(text), doc_text or text)


def test_a_title_outvotes_the_recogniser_calling_a_person_an_organisation():
    text = "Foreign minister Sergei Lavrov said so."
    votes = _votes("Sergei Lavrov", "ORG", EntityType.ORGANIZATION, text,
                   title="Foreign minister")
    assert winner(votes) is EntityType.PERSON


def test_the_gazetteer_outvotes_an_organisation_label_but_not_a_person_label():
    assert winner(_votes("Oslo", "ORG", EntityType.ORGANIZATION)) is EntityType.PLACE
    assert winner(_votes("Georgia", "ORG", EntityType.ORGANIZATION)) is EntityType.PLACE
    # 'Kim' and 'Lincoln' are towns, 'Chad' a country: and people, when read as people.
    assert winner(_votes("Lincoln", "PERSON", EntityType.PERSON)) is EntityType.PERSON
    assert winner(_votes("Chad", "PERSON", EntityType.PERSON)) is EntityType.PERSON
    both = _votes("Chad", "PERSON", EntityType.PERSON) + _votes("Chad", "GPE", EntityType.PLACE)
    assert winner(both) is EntityType.PLACE  # one reading each way: the gazetteer decides


def test_a_short_form_casts_no_gazetteer_vote():
    # 'Georgia' as the short form of 'Georgia Pacific Holdings' names the firm, not the state.
    mention = _mention("Georgia", "ORG", EntityType.ORGANIZATION)
    assert winner(mention_votes(mention, ("georgia",), "Georgia")) is EntityType.PLACE
    votes = mention_votes(mention, ("georgia",), "Georgia", short_form=True)
    assert winner(votes) is EntityType.ORGANIZATION


def test_a_kind_word_in_the_name_outvotes_the_recogniser():
    assert winner(_votes("Atletico Madrid FC", "PERSON", EntityType.PERSON)) \
        is EntityType.ORGANIZATION
    assert winner(_votes("Rite Aid Corporation", "PERSON", EntityType.PERSON)) \
        is EntityType.ORGANIZATION


def test_context_words_vote():
    text = "They met in the city of Harlow. Mr. Brennan left. Kestrel-based firms grew."
    assert winner(_votes("Harlow", "PERSON", EntityType.PERSON, text)) is EntityType.PLACE
    assert winner(_votes("Brennan", "ORG", EntityType.ORGANIZATION, text)) is EntityType.PERSON
    assert winner(_votes("Kestrel", "PERSON", EntityType.PERSON, text)) is EntityType.PLACE


def test_a_context_word_must_be_a_whole_word():
    text = "They met the Harlow team in Mordor."  # 'Mordor' is not after 'dr'
    assert winner(_votes("Mordor", "ORG", EntityType.ORGANIZATION, text)) \
        is EntityType.ORGANIZATION


def test_the_weights_are_data():
    rules = load_rules()
    assert rules.weights.kind_word > rules.weights.recogniser > rules.weights.guessed
    assert rules.before[EntityType.PLACE] and rules.after[EntityType.ORGANIZATION]


@given(st.dictionaries(st.sampled_from(list(EntityType)[:5]),
                       st.floats(min_value=0.1, max_value=50, allow_nan=False), min_size=1))
def test_the_winner_has_the_most_weight_and_ties_go_by_priority(weights):
    votes = Counter(weights)
    best = winner(votes)
    assert votes[best] == max(votes.values())
    tied = [t for t in PRIORITY if votes.get(t) == votes[best]]
    assert best == tied[0]


def test_many_mislabelled_short_forms_do_not_outvote_the_full_name():
    text = "Ivo Marchetti spoke. " + "Marchetti nodded. " * 12
    full = _mention("Ivo Marchetti", "PERSON", EntityType.PERSON)
    votes = mention_votes(full, name_key("Ivo Marchetti"), text)
    for found in range(12):
        short = _mention("Marchetti", "ORG", EntityType.ORGANIZATION,
                         start=text.find("Marchetti nodded") + found * 18)
        votes += mention_votes(short, ("marchetti",), text, short_form=True)
    assert winner(votes) is EntityType.PERSON


def test_an_apposition_saying_what_a_thing_is_outvotes_several_person_readings():
    text = ("A report by Brightwell, a cybersecurity firm, found the leak. Brightwell wrote "
            "to the bank. Brightwell waited. Brightwell published the files.")
    document = make_document(text, source="a.txt", date="2023-09-15")
    mentions = []
    at = text.find("Brightwell")
    while at >= 0:
        mentions.append(Mention(doc_id=document.doc_id, sentence_index=0, start=at,
                                end=at + 10, text="Brightwell", type=EntityType.PERSON,
                                ner_label="PERSON"))
        at = text.find("Brightwell", at + 1)
    corpus = resolve_corpus([ExtractionResult(document=document, sentences=(),
                                              mentions=tuple(mentions), facts=())])
    assert [e.type for e in corpus.entities] == [EntityType.ORGANIZATION]


def test_apposition_kinds_and_what_is_no_apposition():
    assert apposition_type(", a cybersecurity firm, said") is EntityType.ORGANIZATION
    assert apposition_type(", a small fishing village in Wales") is EntityType.PLACE
    assert apposition_type(", a company spokesman, said") is None  # a person, not a firm
    assert apposition_type(", a man of the party, said") is None
    assert apposition_type(" and a firm") is None


def test_the_last_kind_word_of_a_name_decides_its_kind():
    assert winner(_votes("Harbor Energy Arena", "ORG", EntityType.ORGANIZATION)) is \
        EntityType.PLACE
    assert winner(_votes("Airport Authority of Ruritania", "ORG", EntityType.ORGANIZATION)) \
        is EntityType.ORGANIZATION


def test_an_age_before_a_name_votes_person():
    text = "The first victim was 40-year-old Tamsin Okoro, a waiter."
    assert winner(_votes("Tamsin Okoro", "ORG", EntityType.ORGANIZATION, text)) \
        is EntityType.PERSON


def test_posting_to_a_name_votes_organisation():
    for text in ("Her lawyer posted a photo to Chirper showing them.",
                 "\"It is over,\" wrote Mr Vale on Chirper.",
                 "He resigned, speaking via Chirper on Monday.",
                 "The statement was posted to his Chirper account.",
                 "He wrote, \"I WON, BY A LOT!\" on Chirper."):
        assert EntityType.ORGANIZATION in _votes("Chirper", "PERSON", EntityType.PERSON, text), \
            text
    # 'to' after no posting verb is no vote ('went to Chirper'), nor is a mere 'on'.
    for text in ("Her lawyer went to Chirper on Monday.", "They counted on Chirper again.",
                 "He spoke to the Chirper Post.", "She wrote to Chirper in May."):
        assert EntityType.ORGANIZATION not in _votes("Chirper", "PERSON", EntityType.PERSON,
                                                     text), text


def test_an_island_before_a_name_votes_place():
    text = "Our biggest island Velmora has no zone of its own."
    assert winner(_votes("Velmora", "ORG", EntityType.ORGANIZATION, text)) is EntityType.PLACE


def test_a_small_town_outvotes_an_organisation_label_and_an_unsupported_person_label():
    # Harlech (Wales) has about 1,800 people: only the small-town table knows it.
    assert winner(_votes("Harlech", "ORG", EntityType.ORGANIZATION)) is EntityType.PLACE
    # A person label with nothing else for a person (no given name, title, 'Mr', 'he')
    # loses to the town; with any of them it wins.
    assert winner(_votes("Harlech", "PERSON", EntityType.PERSON)) is EntityType.PLACE
    assert winner(_votes("Harlech", "PERSON", EntityType.PERSON,
                         "Mr Harlech was late.")) is EntityType.PERSON
    assert winner(_votes("Harlech", "PERSON", EntityType.PERSON,
                         "Harlech said he was late.")) is EntityType.PERSON
    assert winner(_votes("Qorvex", "ORG", EntityType.ORGANIZATION)) is EntityType.ORGANIZATION
    assert winner(_votes("HARLECH", "ORG", EntityType.ORGANIZATION)) is EntityType.ORGANIZATION


def test_a_one_word_name_with_the_arabic_article_votes_organisation():
    votes = _votes("al-Nusrat", "PERSON", EntityType.PERSON, "He led al-Nusrat for years.")
    assert winner(votes) is EntityType.ORGANIZATION
    # a person's full name with the article is no group; nor is a short form's vote cast
    votes = _votes("Bashir al-Nusrat", "PERSON", EntityType.PERSON)
    assert winner(votes) is EntityType.PERSON
    mention = _mention("al-Nusrat", "PERSON", EntityType.PERSON)
    assert EntityType.ORGANIZATION not in mention_votes(mention, ("al", "nusrat"), "al-Nusrat",
                                                        short_form=True)


def test_kind_nouns_around_a_name_make_a_vessel_a_pipeline_or_an_event():
    text = ("The opening of the TurkStream gas pipeline was held. The university dispatched "
            "the research ship Kaimana-Loa from July 13. The city hosted the tenth Furnal "
            "Equinox, an annual event dedicated to fans. A man fled up London Bridge.")
    corpus = resolve_corpus([_result(text, [
        ("TurkStream", "ORG", EntityType.ORGANIZATION),
        ("Kaimana-Loa", "PERSON", EntityType.PERSON),
        ("Furnal Equinox", "ORG", EntityType.ORGANIZATION),
        ("London Bridge", "ORG", EntityType.ORGANIZATION)])])
    types = {e.label: e.type for e in corpus.entities}
    assert types["TurkStream"] is EntityType.THING
    assert types["Kaimana-Loa"] is EntityType.THING
    assert types["Furnal Equinox"] is EntityType.EVENT
    assert types["London Bridge"] is EntityType.PLACE


def test_a_name_entered_by_an_army_is_a_place_not_the_person_the_recogniser_read():
    text = "The Syrian Army entered Tell Tamer yesterday."
    corpus = resolve_corpus([_result(text, [("Tell Tamer", "PERSON", EntityType.PERSON)])])
    assert {e.label: e.type for e in corpus.entities}["Tell Tamer"] is EntityType.PLACE


def _result(text: str, names: list[tuple[str, str, EntityType]]) -> ExtractionResult:
    """One document whose recogniser read each name once, with the label given."""
    document = make_document(text, source="t.txt", date="2023-09-15")
    mentions = []
    for name, label, entity_type in names:
        at = text.find(name)
        mentions.append(Mention(doc_id=document.doc_id, sentence_index=0, start=at,
                                end=at + len(name), text=name, type=entity_type,
                                ner_label=label))
    return ExtractionResult(document=document, sentences=(), mentions=tuple(mentions), facts=())


def test_a_natural_feature_is_a_place_whatever_the_recogniser_read():
    assert winner(_votes("Mawlan Estuary", "ORG", EntityType.ORGANIZATION)) is EntityType.PLACE
    assert winner(_votes("Aletsch Glacier", "ORG", EntityType.ORGANIZATION)) is EntityType.PLACE
    # a surname that is also a feature word is no feature: 'Marsh', 'Rivers'
    assert winner(_votes("Joan Rivers", "PERSON", EntityType.PERSON)) is EntityType.PERSON


def test_two_cities_joined_by_a_hyphen_are_a_place_but_a_town_and_a_word_are_not():
    assert winner(_votes("Dallas-Fort Worth", "ORG", EntityType.ORGANIZATION)) is \
        EntityType.PLACE
    assert winner(_votes("Hewlett-Packard", "ORG", EntityType.ORGANIZATION)) is \
        EntityType.ORGANIZATION


def test_the_ending_of_a_one_word_name_can_say_its_kind():
    assert winner(_votes("Veltranews", "PERSON", EntityType.PERSON)) is EntityType.ORGANIZATION
    assert winner(_votes("Grexit", "PERSON", EntityType.PERSON)) is EntityType.EVENT
    # too short a stem is no ending; two words are read by their kind words instead
    assert winner(_votes("Upnews", "PERSON", EntityType.PERSON)) is EntityType.PERSON
    assert winner(_votes("Ada Grexit", "PERSON", EntityType.PERSON)) is EntityType.PERSON


def test_a_given_name_or_a_family_name_written_first_supports_a_person_label():
    # 'Kim' and 'Victoria' are towns too; alone they are still the people the recogniser read
    assert winner(_votes("Kim", "PERSON", EntityType.PERSON)) is EntityType.PERSON
    assert winner(_votes("Victoria", "PERSON", EntityType.PERSON)) is EntityType.PERSON
    # nothing for a person: the town wins
    assert winner(_votes("Barmouth", "PERSON", EntityType.PERSON)) is EntityType.PLACE


def test_a_kind_noun_right_before_a_name_says_what_it_is():
    text = "The data is owned by the Mexican company Veltra Lumen, which makes apps."
    assert winner(_votes("Veltra Lumen", "PERSON", EntityType.PERSON, text)) is \
        EntityType.ORGANIZATION
    text = "The single-engine propeller plane, a Corvan Sierra, was flying to Reno."
    assert winner(_votes("Corvan Sierra", "ORG", EntityType.ORGANIZATION, text)) is \
        EntityType.THING
    # a name that opens with a given name is the person the sentence is about
    text = "He joined the company John Reyes founded."
    assert winner(_votes("John Reyes", "PERSON", EntityType.PERSON, text)) is EntityType.PERSON


def test_the_written_with_a_capital_inside_a_sentence_makes_a_title():
    text = "According to a report by The Veltrian, the group kept a list."
    assert winner(_votes("Veltrian", "LOC", EntityType.PLACE, text)) is \
        EntityType.ORGANIZATION
    # a place whose name has 'The' is still a place; a sentence's own 'The' says nothing
    text = "The court sits in The Hague."
    assert winner(_votes("Hague", "GPE", EntityType.PLACE, text)) is EntityType.PLACE
    text = "The Veltrian was calm."
    assert winner(_votes("Veltrian", "LOC", EntityType.PLACE, text)) is EntityType.PLACE


# Round 7: legislatures, outlets, common initialisms, building, competition and benefit heads,
# and a given name the article itself uses.

def test_a_legislature_named_by_its_word_alone_is_an_organisation():
    text = "She was first elected to Congress in 1996."
    assert winner(_votes("Congress", "GPE", EntityType.PLACE, text)) is EntityType.ORGANIZATION


def test_a_one_word_name_in_an_outlets_place_is_a_publication_but_not_a_short_form():
    text = "In an interview with Dawnlight, she said she was forced to marry."
    assert winner(_votes("Dawnlight", "PERSON", EntityType.PERSON, text)) is \
        EntityType.ORGANIZATION
    mention = _mention("Dawnlight", "PERSON", EntityType.PERSON, start=text.index("Dawnlight"))
    short = mention_votes(mention, name_key("Dawnlight"), text, short_form=True)
    assert short[EntityType.ORGANIZATION] == 0
    assert winner(_votes("Tolliver", "PERSON", EntityType.PERSON,
                         "The Tolliver newspaper reported the fire.")) is EntityType.ORGANIZATION
    assert winner(_votes("Tolliver", "PERSON", EntityType.PERSON,
                         "Tolliver said the fire was out.")) is EntityType.PERSON


def test_a_common_initialism_alone_is_a_thing_but_an_unknown_one_keeps_its_label():
    text = "The clinic used CT scans and shipped LNG to the port."
    assert winner(_votes("CT", "ORG", EntityType.ORGANIZATION, text)) is EntityType.THING
    assert winner(_votes("LNG", "ORG", EntityType.ORGANIZATION, text)) is EntityType.THING
    assert winner(_votes("NRDQ", "ORG", EntityType.ORGANIZATION,
                         "The NRDQ met.")) is EntityType.ORGANIZATION


def test_building_competition_and_benefit_heads_say_what_a_name_is():
    assert winner(_votes("Carrick Hall", "ORG", EntityType.ORGANIZATION)) is EntityType.PLACE
    assert winner(_votes("Harbour Business Plan Competition", "ORG",
                         EntityType.ORGANIZATION)) is EntityType.EVENT
    assert winner(_votes("Coastal Emergency Response Benefit", "ORG",
                         EntityType.ORGANIZATION)) is EntityType.THING


def test_a_given_name_the_article_uses_makes_a_coordinated_name_a_person():
    text = "Their counterparts, Nikos Dendias and Nikos Alexiou, met in Cairo."
    document = make_document(text, source="g.txt", date="2023-09-15")

    def named(name, label, entity_type):
        at = text.index(name)
        return Mention(doc_id=document.doc_id, sentence_index=0, start=at, end=at + len(name),
                       text=name, type=entity_type, ner_label=label)

    corpus = resolve_corpus([ExtractionResult(document=document, sentences=(), facts=(),
                                              mentions=(named("Nikos Dendias", "PERSON",
                                                              EntityType.PERSON),
                                                        named("Nikos Alexiou", "ORG",
                                                              EntityType.ORGANIZATION)))])
    types = {e.label: e.type for e in corpus.entities}
    assert types["Nikos Alexiou"] is EntityType.PERSON
    alone = resolve_corpus([ExtractionResult(
        document=document, sentences=(), facts=(),
        mentions=(named("Nikos Alexiou", "ORG", EntityType.ORGANIZATION),))])
    assert {e.label: e.type for e in alone.entities}["Nikos Alexiou"] is \
        EntityType.ORGANIZATION


def test_the_words_before_a_name_that_goes_on_are_about_the_longer_name():
    text = "Team leader Tim Vale told the Harbury Post, 'It was amazing.'"
    assert _votes("Harbury", "GPE", EntityType.PLACE, text)[EntityType.ORGANIZATION] == 0
    assert winner(_votes("Harbury Post", "ORG", EntityType.ORGANIZATION, text)) is \
        EntityType.ORGANIZATION


# Round 8: a vessel's prefix, a publication's kind noun, an operation's name.

def test_a_name_after_a_vessel_prefix_votes_thing_but_not_after_a_title():
    text = "Divers found the remains of the U.S.S. Marlowfin. The Marlowfin sank in 1944."
    votes = _votes("Marlowfin", "PERSON", EntityType.PERSON, text)
    assert winner(votes) is EntityType.THING
    # case counts: 'Ms' is a title, not the prefix 'MS'
    text = "The court heard Ms Marlowfin. Marlowfin said she was innocent."
    assert winner(_votes("Marlowfin", "PERSON", EntityType.PERSON, text)) is EntityType.PERSON


def test_a_publication_named_after_its_kind_noun_is_an_organisation():
    text = "The Greek daily Veltrimerini said the deal would be signed."
    assert winner(_votes("Veltrimerini", "PERSON", EntityType.PERSON, text)) is \
        EntityType.ORGANIZATION
    text = "Officials told Veltrimerini that the deal would be signed."
    assert winner(_votes("Veltrimerini", "PERSON", EntityType.PERSON, text)) is \
        EntityType.ORGANIZATION
    # a given name alone after 'told' is a person the article speaks to
    text = "Officials told Maria that the deal would be signed."
    assert winner(_votes("Maria", "PERSON", EntityType.PERSON, text)) is EntityType.PERSON
    # an outlet's own words still make a given name the outlet ('an interview with Hope')
    text = "The minister gave an interview with Hope on Sunday."
    assert winner(_votes("Hope", "PERSON", EntityType.PERSON, text)) is EntityType.ORGANIZATION


def test_an_operation_or_a_mission_to_do_something_is_an_event():
    text = "Operation Harbour Shield began on Monday."
    assert winner(_votes("Operation Harbour Shield", "ORG", EntityType.ORGANIZATION, text)) is \
        EntityType.EVENT
    text = "The flight was part of the Ostervang Mission to return nationals home."
    assert winner(_votes("Ostervang Mission", "ORG", EntityType.ORGANIZATION, text)) is \
        EntityType.EVENT
    # a mission to a place or a body is a delegation, an organisation
    for text in ("The Ostervang Mission to the United Nations said so.",
                 "The Ostervang Mission to Veltria said so.",
                 "The Ostervang Mission said so."):
        assert winner(_votes("Ostervang Mission", "ORG", EntityType.ORGANIZATION, text)) is \
            EntityType.ORGANIZATION


def test_a_kind_noun_says_what_a_description_can_stand_for():
    assert noun_kind("aircraft") is EntityType.THING
    assert noun_kind("Newspaper") is EntityType.ORGANIZATION
    assert noun_kind("town") is EntityType.PLACE
    assert noun_kind("man") is None and noun_kind("it") is None


_PIECES = st.sampled_from(["told", "the", "mr.", "told the", "a", "-", " ", ",", "u.s.", "(",
                           "ministry of", "by", "in"])


@given(st.lists(_PIECES, max_size=6).map("".join),
       st.lists(_PIECES.filter(str.strip), max_size=4, unique=True).map(tuple))
def test_a_text_ends_with_a_word_of_a_list_as_it_ends_with_one_of_them(text, words):
    """The one pattern of a word list says what a pattern per word says."""
    assert ends_with_word(text, words) == \
        any(re.search(rf"(?:^|\W){re.escape(w)}$", text) for w in words)


_BEFORE_PIECES = st.sampled_from(["company", "Firm", "CITY", "village", "plane", "jet",
                                  "the", "A", "an", ",", " ", "  ", "\n", "\u00a0", "big",
                                  "social", "media", "\u017fhip", "f\u0131rm", "ban\u212a",
                                  "said", "near", "-", "’s", "plane,", "Firm,", ", the",
                                  "jet, An"])


@settings(deadline=None)  # the first example loads the rules and compiles the patterns
@given(st.lists(_BEFORE_PIECES, max_size=9).map(" ".join),
       st.lists(_BEFORE_PIECES, max_size=4).map("".join))
def test_the_quick_test_before_the_instance_patterns_never_changes_their_answer(words, glued):
    """``instance_type`` asks the last word first and tries its patterns only when they can
    match: it answers what the patterns alone answer, on any text (case, commas, Unicode
    spaces and letters that fold to ASCII ones)."""
    from kg.type_votes import _instance_patterns, instance_type

    for before in (words, words + " ", glued, words + glued + " "):
        plain = next((t for t, pattern in _instance_patterns() if pattern.search(before)),
                     None)
        assert instance_type(before) is plain


def test_a_kind_noun_or_an_article_after_one_still_says_what_a_name_is():
    from kg.type_votes import instance_type

    assert instance_type("talks with the freight company ") is EntityType.ORGANIZATION
    assert instance_type("they boarded the plane, a ") is EntityType.THING
    assert instance_type("talks with the freight company") is None  # no space: glued on
    assert instance_type("the company said ") is None


def _entity_types(text: str, name: str, label: str, entity_type: EntityType
                  ) -> list[EntityType]:
    """The types resolution gives ``name`` where every mention of it is read as ``label``."""
    document = make_document(text, source="k.txt", date="2024-03-02")
    starts = [m.start() for m in re.finditer(re.escape(name), text)]
    mentions = tuple(Mention(doc_id=document.doc_id, sentence_index=0, start=at,
                             end=at + len(name), text=name, type=entity_type, ner_label=label)
                     for at in starts)
    corpus = resolve_corpus([ExtractionResult(document=document, sentences=(),
                                              mentions=mentions, facts=())])
    return [e.type for e in corpus.entities]


def test_a_band_the_article_calls_a_band_is_an_organisation_not_a_person():
    text = ("Velvet Ortolan, a short-lived supergroup, toured twice. Velvet Ortolan sold "
            "records. Critics loved Velvet Ortolan.")
    assert _entity_types(text, "Velvet Ortolan", "PERSON", EntityType.PERSON) == [
        EntityType.ORGANIZATION]


def test_the_kind_noun_before_a_name_types_it_from_wordnet_hyponyms_too():
    text = ("Crews boarded the freighter Quorra Tide at dawn. Quorra Tide listed. "
            "Quorra Tide sank by noon.")
    assert _entity_types(text, "Quorra Tide", "PERSON", EntityType.PERSON) == [
        EntityType.THING]
    text = ("The superhero film Iron Heron opened on Friday. Iron Heron earned millions. "
            "Fans queued for Iron Heron.")
    assert _entity_types(text, "Iron Heron", "ORG", EntityType.ORGANIZATION) == [
        EntityType.THING]


def test_a_copula_says_the_kind_and_a_name_after_the_article_says_nothing():
    text = "Quillspark is a satellite startup based in Perth. Quillspark hired ten engineers."
    assert _entity_types(text, "Quillspark", "PERSON", EntityType.PERSON) == [
        EntityType.ORGANIZATION]
    # 'the Queen' is a name, not a modifier of 'parliament': nothing said of Tollard
    text = ("Tollard Mews, the Queen suspended parliament for, wept. Tollard Mews left. "
            "Tollard Mews sighed.")
    assert _entity_types(text, "Tollard Mews", "PERSON", EntityType.PERSON) == [
        EntityType.PERSON]


def test_no_said_kind_for_a_name_opening_with_a_given_name_but_one_for_a_bare_name():
    text = "She joined the band John Orrin founded. John Orrin smiled. John Orrin sang."
    assert _entity_types(text, "John Orrin", "PERSON", EntityType.PERSON) == [
        EntityType.PERSON]
    text = "The record label Skyvane signed her. Skyvane grew. Skyvane paid."
    assert _entity_types(text, "Skyvane", "PERSON", EntityType.PERSON) == [
        EntityType.ORGANIZATION]


def test_a_name_opening_with_its_kind_is_of_that_kind_unless_a_kind_word_ends_it():
    from kg.relations import name_kind
    assert name_kind(("tropical", "storm", "mirel")) is EntityType.EVENT
    assert name_kind(("cyclone", "ulo")) is EntityType.EVENT
    assert name_kind(("operation", "harbour", "shield")) is EntityType.EVENT
    assert name_kind(("hurricane",)) is None
    assert name_kind(("hurricane", "center")) is None
    assert name_kind(("cyclone", "relief", "fund")) is None
    assert name_kind(("coastal", "fisheries", "act")) is EntityType.THING
    assert name_kind(("treaty", "of", "varenna")) is EntityType.THING


def test_a_description_after_a_name_reads_alike_for_the_apposition_and_the_said_kind():
    # One pattern shape serves both readers (type_votes.kind_described_after): an article,
    # at most three modifiers, no preposition among them, and a kind noun ending the phrase.
    from kg.type_votes import said_kind_type

    def said(text: str) -> EntityType | None:
        return said_kind_type(_mention("Brindlecombe", None, EntityType.PERSON), name_key(
            "Brindlecombe"), text)

    assert said("Brindlecombe, a loud four-piece rock band from Velby, toured.") is \
        EntityType.ORGANIZATION
    assert apposition_type(", a loud four-piece rock band from Velby, toured.") is \
        EntityType.ORGANIZATION
    assert said("Brindlecombe was the band that toured.") is EntityType.ORGANIZATION
    # four modifiers, or a preposition before the noun: no description of the name
    assert said("Brindlecombe, a loud new four-piece rock band, toured.") is None
    assert apposition_type(", a loud new four-piece rock band, toured.") is None
    assert said("Brindlecombe, a fan of the band, toured.") is None
    assert apposition_type(", a fan of the firm, toured.") is None
    # a noun after the kind noun: 'a band member' is no band
    assert said("Brindlecombe, a band member, toured.") is None
    # where they differ on purpose: the apposition reads any case, the said kind as written
    assert apposition_type(", A Cybersecurity Firm, said") is EntityType.ORGANIZATION
    assert said("Brindlecombe, A Rock Band, toured.") is None


def test_a_show_prize_or_vehicle_named_after_a_person_is_a_thing():
    """A work's, prize's or vehicle's head ends the name: the person's name inside it does
    not make it a person, however the recogniser read it."""
    for name, sentence in (
            ("The Dana Ruiz Show", "The Dana Ruiz Show said it would air the debate."),
            ("Quillan Prize", "The Quillan Prize went to a poet."),
            ("Marek Odell Capsule", "The Marek Odell Capsule docked on Friday."),
            ("Tamsin Rover", "The Tamsin Rover drove across the crater.")):
        votes = _votes(name, "PERSON", EntityType.PERSON, sentence)
        assert winner(votes) is EntityType.THING, (name, votes)


def test_a_company_ending_written_with_dots_is_a_kind_word():
    text = "Orsoni S.A. owns two hotels."
    votes = _votes("Orsoni S.A.", "PERSON", EntityType.PERSON, text)
    assert winner(votes) is EntityType.ORGANIZATION


def test_a_name_the_text_goes_on_with_a_model_number_is_a_product():
    text = "The Velmar Skyhawk 3 landed safely after the test."
    assert winner(_votes("Velmar Skyhawk", "PERSON", EntityType.PERSON, text)) \
        is EntityType.THING
    assert winner(_votes("Velmar Skyhawk 3", "ORG", EntityType.ORGANIZATION, text)) \
        is EntityType.THING


def test_a_number_after_a_person_or_a_road_makes_no_product():
    """A score after a given name, a count after a name, a road the recogniser read as a
    place: none is a product."""
    score = "Tomas Reyes 3, Ana Lind 1 in the final round."
    assert winner(_votes("Tomas Reyes", "PERSON", EntityType.PERSON, score)) \
        is EntityType.PERSON
    count = "Harrow Vale 3 percent of the vote went elsewhere."
    assert winner(_votes("Harrow Vale", "ORG", EntityType.ORGANIZATION, count)) \
        is EntityType.ORGANIZATION
    road = "Crews closed Route 9 near the bridge."
    assert winner(_votes("Route 9", "FAC", EntityType.PLACE, road)) is EntityType.PLACE


def test_a_makers_name_and_its_models_name_make_a_product():
    """'Orbix' and 'Starhawk' are each written alone: 'Orbix Starhawk' is the product, and
    so is 'Starhawk' after the maker, whatever the recogniser read them as."""
    text = ("The Orbix Starhawk docked on Friday. Engineers at Orbix said the Starhawk "
            "carried two pilots.")
    assert winner(_votes("Orbix Starhawk", "PERSON", EntityType.PERSON, text)) \
        is EntityType.THING
    model = "Engineers at Orbix said the Starhawk carried two pilots. The Orbix Starhawk flew."
    mention = _mention("Starhawk", "PRODUCT", EntityType.THING, start=model.find("Starhawk"))
    votes = mention_votes(mention, ("starhawk",), model)
    assert votes[EntityType.THING] >= load_rules().weights.kind_word


def test_a_person_after_a_party_or_title_word_is_no_product():
    text = ("Voters backed Republican Ana Lindqvist. Republican officials said Lindqvist "
            "won. Senator Tomas Brenner thanked them, and the Senator left.")
    assert winner(_votes("Ana Lindqvist", "PERSON", EntityType.PERSON, text)) \
        is EntityType.PERSON
    assert winner(_votes("Tomas Brenner", "PERSON", EntityType.PERSON, text)) \
        is EntityType.PERSON


def test_a_name_before_a_founder_or_its_staff_is_an_organisation():
    text = "Quillo founder Ana Lind said Quillo employees would be paid."
    votes = _votes("Quillo", "PERSON", EntityType.PERSON, text)
    assert winner(votes) is EntityType.ORGANIZATION


def test_a_name_shot_or_murdered_is_a_person_not_the_town_of_that_name():
    # 'Lincoln' is a city the gazetteer knows; only a person is shot or murdered.
    text = "A drifter shot Lincoln outside the depot on Friday."
    assert winner(_votes("Lincoln", "ORG", EntityType.ORGANIZATION, text)) is EntityType.PERSON
    text = "The murder of Lincoln shocked the whole county."
    assert winner(_votes("Lincoln", "GPE", EntityType.PLACE, text)) is EntityType.PERSON
    # the town is still the town where nothing is done to a person, or where its mayor was
    text = "A drifter shot Lincoln's mayor outside the depot on Friday."
    assert winner(_votes("Lincoln", "ORG", EntityType.ORGANIZATION, text)) is EntityType.PLACE
    text = "The drifter drove to Lincoln on Friday."
    assert winner(_votes("Lincoln", "GPE", EntityType.PLACE, text)) is EntityType.PLACE


def test_a_place_reading_of_a_name_opening_with_a_given_name_or_a_title_is_a_person():
    text = "The dogs were found at a farm owned by Sara Quellan near the border."
    assert winner(_votes("Sara Quellan", "GPE", EntityType.PLACE, text)) is EntityType.PERSON
    text = "Prince Oderal opened the session on Tuesday."
    assert winner(_votes("Prince Oderal", "GPE", EntityType.PLACE, text)) is EntityType.PERSON
    # a place the gazetteer knows, or one a kind word names, stays a place
    for place in ("Santa Ana", "Prince George", "Victoria Falls", "King County"):
        text = f"The storm reached {place} on Tuesday."
        assert winner(_votes(place, "GPE", EntityType.PLACE, text)) is EntityType.PLACE
    # and a company named for a person is not made one by its given name
    text = "Sara Quellan opened a store on Tuesday."
    assert winner(_votes("Sara Quellan", "ORG", EntityType.ORGANIZATION,
                         text)) is EntityType.ORGANIZATION


def test_a_name_opening_with_a_state_that_is_also_a_given_name_stays_what_it_was():
    # 'Virginia' and 'Georgia' are given names and states: a school named for the state
    # is no person whatever the recogniser read
    text = "She holds a degree from Georgia Polytech in engineering."
    assert winner(_votes("Georgia Polytech", "GPE", EntityType.PLACE, text)) is EntityType.PLACE
