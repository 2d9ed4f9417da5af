"""Extraction rules on sentences written for the test (not the seeds)."""

from __future__ import annotations

import pytest
from helpers import corpus_of, corpus_of_documents, find, object_id, role

from kg.model import Factuality


@pytest.mark.parametrize("text", [
    "Putin gave Kim a rifle.",
    "Putin gave a rifle to Kim.",
    "The rifle was given to Kim by Putin.",
])
def test_give_is_one_fact_with_giver_thing_and_recipient(text):
    corpus = corpus_of("Vladimir Putin met Kim Jong Un.", text)
    gifts = find(corpus, "person/vladimir-putin", "gave", "thing/rifle")
    assert len(gifts) == 1
    assert role(gifts[0], "recipient") == ["person/kim-jong-un"]


def test_recipient_misattached_to_a_participle_is_recovered():
    corpus = corpus_of("Kim Jong Un presented a gun made in North Korea to Vladimir Putin.")
    (gift,) = find(corpus, "person/kim-jong-un", "gave", "thing/gun")
    assert role(gift, "recipient") == ["person/vladimir-putin"]


def test_visit_and_relative_clause_give_two_facts():
    corpus = corpus_of("Kim visited a factory in Amur that produces fighter jets.")
    (visit,) = find(corpus, "person/kim", "visited", "thing/factory")
    assert role(visit, "place") == ["place/amur"]
    assert find(corpus, "thing/factory", "produced", "thing/fighter-jet")


def test_time_is_normalised_against_the_article_date_and_place_is_kept():
    corpus = corpus_of("Kim Jong Un met Vladimir Putin on Wednesday at the Vostochny Cosmodrome.")
    (meeting,) = find(corpus, "person/kim-jong-un", "met", "person/vladimir-putin")
    assert role(meeting, "time") == ["2023-09-13"]
    assert role(meeting, "place") == ["place/vostochny-cosmodrome"]


def test_relative_time_is_not_normalised_without_an_article_date():
    corpus = corpus_of("Biden met with Zelensky in Kyiv on Monday.", date=None)
    (meeting,) = find(corpus, "person/biden", "met", "person/zelensky")
    assert role(meeting, "time") == ["Monday"]
    assert role(meeting, "place") == ["place/kyiv"]


def test_attribution_names_the_speaker():
    corpus = corpus_of("Kremlin spokesman Dmitry Peskov said that Putin gave Kim a rifle.")
    (gift,) = find(corpus, "person/putin", "gave", "thing/rifle")
    assert gift.evidence.attributed_entity_id == "person/dmitry-peskov"
    (peskov,) = [e for e in corpus.entities if e.entity_id == "person/dmitry-peskov"]
    assert peskov.titles == ("Kremlin spokesman",)


def test_according_to_is_attribution():
    corpus = corpus_of("According to the Kremlin, Putin will travel to Pyongyang next month.")
    (trip,) = find(corpus, "person/putin", "traveledTo", "place/pyongyang")
    assert trip.evidence.attributed_entity_id == "organization/kremlin"
    assert trip.evidence.factuality is Factuality.EXPECTED


@pytest.mark.parametrize(("text", "subject", "predicate", "obj", "factuality"), [
    ("Putin did not meet Joe Biden.", "person/joe-biden", "met", "person/putin",
     Factuality.NEGATED),
    ("Putin is expected to visit North Korea in October.", "person/putin", "visited",
     "place/north-korea", Factuality.EXPECTED),
    ("Pyongyang and Moscow have denied that North Korea would supply arms to Russia.",
     "place/north-korea", "supplied", "thing/arm", Factuality.DENIED),
    ("Putin may visit China.", "person/putin", "visited", "place/china", Factuality.POSSIBLE),
    ("Putin reportedly visited China.", "person/putin", "visited", "place/china",
     Factuality.REPORTED),
    ("Putin visited China.", "person/putin", "visited", "place/china", Factuality.ASSERTED),
])
def test_factuality(text, subject, predicate, obj, factuality):
    (fact,) = find(corpus_of(text), subject, predicate, obj)
    assert fact.evidence.factuality is factuality


def test_pronoun_subject_resolves_to_the_previous_person():
    corpus = corpus_of("Kim Jong Un arrived in Russia. He met Vladimir Putin.")
    (meeting,) = find(corpus, "person/kim-jong-un", "met", "person/vladimir-putin")
    assert meeting.subject.mention.is_pronoun
    assert meeting.evidence.confidence < 0.9


def test_reciprocal_gift_is_two_facts():
    corpus = corpus_of("Putin and Kim Jong Un have gifted guns to each other.")
    there = find(corpus, "person/putin", "gave", "thing/gun")
    back = find(corpus, "person/kim-jong-un", "gave", "thing/gun")
    assert role(there[0], "recipient") == ["person/kim-jong-un"]
    assert role(back[0], "recipient") == ["person/putin"]


def test_unknown_verb_still_yields_a_fact_weighed_like_a_known_one():
    """A verb outside the vocabulary still gives a fact. Its confidence is no lower: facts
    read from a verb were judged right 0.45 of the time with a known verb and 0.42 with an
    unknown one on the dev sheets, 0.45 and 0.46 on the fresh ones, and the sign worsened
    the score of a fit on one set scored on the other (kg.confidence.signs). Each sentence
    opens its own article, so that how far into the article a fact stands (a sign of its own)
    is the same for both."""
    corpus = corpus_of("Putin toasted Kim.", "Putin admired Kim.")
    (known,) = find(corpus, "person/putin", "toasted", "person/kim")
    (unknown,) = find(corpus, "person/putin", "admire", "person/kim")
    assert unknown.evidence.confidence == known.evidence.confidence


def test_offsets_slice_the_original_text_to_the_sentence_and_trigger():
    text = "Boilerplate line\n\nIntro.  Putin gave   Kim a rifle on Tuesday.\nMore text here."
    corpus = corpus_of(text)
    (gift,) = find(corpus, "person/putin", "gave", "thing/rifle")
    evidence = gift.evidence
    assert text[evidence.sentence_start:evidence.sentence_end] == evidence.sentence_text
    assert evidence.sentence_text == "Putin gave   Kim a rifle on Tuesday."
    assert text[evidence.trigger_start:evidence.trigger_end] == "gave"


def test_a_headline_without_a_period_is_its_own_sentence():
    corpus = corpus_of("Putin Meets Kim In Russia\nKim Jong Un visited Moscow on Tuesday.")
    (visit,) = find(corpus, "person/kim-jong-un", "visited", "place/moscow")
    assert visit.evidence.sentence_text == "Kim Jong Un visited Moscow on Tuesday."


def test_infinitival_relative_takes_the_clause_subject_not_the_noun():
    corpus = corpus_of("Kim Jong Un traveled to Russia on a special train to meet with Putin.")
    assert find(corpus, "person/kim-jong-un", "met", "person/putin")
    assert not [f for f in corpus.facts if f.subject.entity_id == "thing/train"]


def test_it_resolves_to_an_organisation_subject_just_before():
    corpus = corpus_of("Microsoft said on Tuesday it would buy Activision.")
    (deal,) = find(corpus, "organization/microsoft", "bought", "organization/activision")
    assert deal.subject.mention.is_pronoun
    assert deal.evidence.factuality is Factuality.EXPECTED


def test_headline_infinitive_is_expected_not_asserted():
    corpus = corpus_of("Microsoft to acquire Activision Blizzard for $69 billion\n\nMore soon.")
    (deal,) = [f for f in corpus.facts if f.predicate == "bought"]
    assert deal.evidence.factuality is Factuality.EXPECTED


def test_html_entities_keep_names_whole_and_offsets_into_the_stored_text():
    from kg.ingest import make_document

    raw = ("<p>The minister Jos&eacute; Albares said that Spain&rsquo;s navy sent ships to "
           "Gaza.</p><p>Albares met Antony Blinken in Madrid.</p>")
    document = make_document(raw, source="x.html", media_type="text/html")
    assert len(document.body) == len(document.text)
    corpus = corpus_of_documents(document)
    (sent,) = [f for f in corpus.facts if f.predicate == "sent"]
    assert sent.evidence.attributed_entity_id == "person/jose-albares"
    assert "José Albares" in {e.label for e in corpus.entities}
    quote = document.text[sent.evidence.sentence_start:sent.evidence.sentence_end]
    assert quote == sent.evidence.sentence_text and "José Albares" in quote
    assert "&" not in quote
    assert find(corpus, "person/antony-blinken", "met", "person/jose-albares")


@pytest.mark.parametrize("text", ["Germany will provide Ukraine with tanks.",
                                  "Germany will provide tanks to Ukraine."])
def test_with_phrase_names_what_is_given(text):
    (fact,) = find(corpus_of(text), "place/germany", "supplied", "thing/tank")
    assert role(fact, "recipient") == ["place/ukraine"]


def test_place_names_ending_in_verb_like_words_stay_whole():
    corpus = corpus_of("The United States warned North Korea on Monday.")
    assert find(corpus, "place/united-states", "warned", "place/north-korea")


def test_a_date_in_parentheses_overrides_counting_back_from_the_dateline():
    corpus = corpus_of("Kim Jong Un met Vladimir Putin on Wednesday (Sept 13) in Moscow.",
                       date="2023-10-01")
    (meeting,) = find(corpus, "person/kim-jong-un", "met", "person/vladimir-putin")
    assert role(meeting, "time") == ["2023-09-13"]


def test_an_appositive_name_stands_for_its_role_word():
    corpus = corpus_of("Its chairman, Erik Lindqvist, sold a stake to Nordbank.")
    assert [f.subject.entity_id for f in corpus.facts if f.predicate == "sold"] == \
        ["person/erik-lindqvist"]


def test_a_measure_noun_gives_way_to_what_is_measured():
    corpus = corpus_of("Japan sent 300 tonnes of rice to Haiti.")
    assert find(corpus, "place/japan", "sent", "thing/rice")


def test_money_can_be_what_is_given():
    corpus = corpus_of("Castell gave Hale $80,000 in 2021.")
    (gift,) = [f for f in corpus.facts if f.predicate == "gave"]
    assert gift.object.mention.text == "$80,000"


@pytest.mark.parametrize(("text", "subject", "predicate", "obj", "factuality"), [
    ("Vladimir Putin said he would visit Pyongyang.", "person/vladimir-putin", "visited",
     "place/pyongyang", Factuality.EXPECTED),
    ("Harbor Foods denied reports that it had bought a stake in Delta Mills.",
     "organization/harbor-foods", "bought", "thing/stake", Factuality.DENIED),
    ("Investigators allege that Richard Hale accepted a boat.", "person/richard-hale",
     "accepted", "thing/boat", Factuality.REPORTED),
])
def test_reported_speech_pronouns_and_embedded_factuality(text, subject, predicate, obj,
                                                         factuality):
    (fact,) = find(corpus_of(text), subject, predicate, obj)
    assert fact.evidence.factuality is factuality


def test_the_company_refers_to_the_organisation_just_named():
    corpus = corpus_of("Okafor Industries said on Monday that the company had hired "
                       "Hartwell Capital.")
    assert find(corpus, "organization/okafor-industries", "employed",
                "organization/hartwell-capital")


def test_particle_verbs_are_their_own_lemma():
    corpus = corpus_of("Kim Jong Un handed over a letter to Vladimir Putin. "
                       "Vladimir Putin did not rule out a summit.")
    (gift,) = find(corpus, "person/kim-jong-un", "gave", "thing/letter")
    assert role(gift, "recipient") == ["person/vladimir-putin"]
    assert not [f for f in corpus.facts if f.predicate == "led"]


def test_a_dateline_is_not_the_subject():
    corpus = corpus_of("KOUROU, French Guiana — The European Space Agency launched a lander.")
    subjects = {f.subject.entity_id for f in corpus.facts if f.predicate == "launched"}
    assert subjects == {"organization/european-space-agency"}


def test_hyphenated_words_stay_one_thing():
    corpus = corpus_of("Lumio launched a foldable e-reader on Tuesday.")
    # ('foldable' says what kind of e-reader: descriptions keep their kind adjectives.)
    assert [object_id(f) for f in corpus.facts] == ["thing/foldable-e-reader"]


def test_an_accusation_is_asserted_but_what_is_alleged_is_reported():
    corpus = corpus_of("Prosecutors accused Richard Hale of fraud. "
                       "Prosecutors allege that Richard Hale accepted a boat.")
    (accusation,) = [f for f in corpus.facts if f.predicate == "accused"]
    (boat,) = [f for f in corpus.facts if f.predicate == "accepted"]
    assert accusation.evidence.factuality is Factuality.ASSERTED
    assert boat.evidence.factuality is Factuality.REPORTED


def test_passive_ditransitive_subject_is_the_recipient():
    corpus = corpus_of("Emeka Okonjo was awarded the trophy by Shaun Pillay.")
    gifts = [f for f in corpus.facts if f.predicate == "gave"]
    assert [(f.subject.entity_id, object_id(f)) for f in gifts] == \
        [("person/shaun-pillay", "thing/trophy")]
    assert role(gifts[0], "recipient")[0].endswith("okonjo")


def test_the_district_of_a_named_place_is_that_place():
    corpus = corpus_of("Paula Mondlane toured the flooded district of Nicoadala.")
    assert find(corpus, "person/paula-mondlane", "visited", "place/nicoadala")


def test_a_sibling_denial_does_not_make_the_next_clause_denied():
    corpus = corpus_of("Harbor Foods denied the report and said that Harbor Foods bought "
                       "Greenfield Dairy in 2021.")
    bought = [f for f in corpus.facts if f.predicate == "bought"]
    assert bought and all(f.evidence.factuality is not Factuality.DENIED for f in bought)


def test_an_appositive_name_can_be_the_antecedent_of_he():
    corpus = corpus_of("Its chairman, Erik Lindqvist, sold a stake to Harbor Foods, and he "
                       "will join the board.")
    (join,) = [f for f in corpus.facts if f.predicate == "joined"]
    assert join.subject.entity_id == "person/erik-lindqvist"


def test_a_long_sentence_gets_a_short_clause_quote_that_slices_the_text():
    text = ("Officials said on Monday, after a long meeting that ran late into the night and "
            "ended without a statement, that Vladimir Putin gave Kim Jong Un a rifle.")
    corpus = corpus_of(text)
    (gift,) = find(corpus, "person/vladimir-putin", "gave", "thing/rifle")
    evidence = gift.evidence
    clause = text[evidence.clause_start:evidence.clause_end]
    assert clause == "Vladimir Putin gave Kim Jong Un a rifle"


def test_two_named_subjects_of_a_symmetric_verb_met_each_other():
    corpus = corpus_of("Joe Biden and Xi Jinping met in Bali on Monday.")
    (meeting,) = find(corpus, "person/joe-biden", "met", "person/xi-jinping")
    assert role(meeting, "place") == ["place/bali"]


@pytest.mark.parametrize("second", ["They exchanged rifles.", "The pair exchanged rifles.",
                                    "The two leaders exchanged rifles."])
def test_they_and_the_pair_refer_to_the_last_named_group(second):
    corpus = corpus_of(f"Vladimir Putin and Kim Jong Un met in Vostochny. {second}")
    givers = {f.subject.entity_id for f in corpus.facts if f.predicate == "exchanged"}
    assert givers == {"person/vladimir-putin", "person/kim-jong-un"}


def test_a_company_the_recogniser_calls_a_person_is_no_antecedent_for_he():
    corpus = corpus_of("Erik Lindqvist visited Oslo on Monday. Greenfield Dairy hired Anna Berg. "
                       "He met Peter Olsen.")
    (meeting,) = [f for f in corpus.facts if f.predicate == "met"]
    assert "person/erik-lindqvist" in {meeting.subject.entity_id, object_id(meeting)}


def test_a_thing_keeps_its_of_phrase():
    corpus = corpus_of("Lawmakers passed two articles of impeachment. "
                       "Governor Tom Reyes imposed a state of emergency.")
    objects = {object_id(f) for f in corpus.facts}
    assert "thing/two-articles-of-impeachment" in objects  # the count is kept
    assert "thing/state-of-emergency" in objects


def test_a_titled_description_refers_to_the_person_with_that_title():
    corpus = corpus_of("Judge Amy Reyes heard the case on Monday. "
                       "The judge sentenced Tom Blake to five years.")
    assert find(corpus, "person/amy-reyes", "sentenced", "person/tom-blake")


def test_a_surname_that_is_a_month_is_a_person():
    corpus = corpus_of("Theresa May stepped down on July 24.")
    assert {e.entity_id for e in corpus.entities} >= {"person/theresa-may"}


def test_two_titled_names_on_one_title_are_both_participants():
    corpus = corpus_of("The talks were attended by Ruritanian prime minister Anna Berg "
                       "and energy minister Tomas Lind.")
    attendees = {f.subject.entity_id for f in corpus.facts if f.predicate == "attended"}
    assert attendees == {"person/anna-berg", "person/tomas-lind"}


def test_the_object_of_a_control_verb_does_the_infinitive():
    corpus = corpus_of("Tom Reyes persuaded Lena Marsh to visit Oslo. "
                       "Maria Lopez wants to visit Bergen.")
    visitors = {f.subject.entity_id for f in corpus.facts if f.predicate == "visited"}
    assert visitors == {"person/lena-marsh", "person/maria-lopez"}


def test_first_person_in_a_quote_is_the_named_speaker():
    corpus = corpus_of('"I have sued the Harlow Council," Maria Lopez said on Monday.')
    assert [f for f in corpus.facts if f.subject.entity_id == "person/maria-lopez"
            and f.predicate == "sued"]


def test_they_is_the_last_plural_subject():
    corpus = corpus_of("Farmers from Harlow gathered in Oslo on Monday. "
                       "They blocked the E6 motorway.")
    (block,) = [f for f in corpus.facts if f.predicate == "blocked"]
    assert block.subject.mention.is_pronoun
    assert "farmer" in (block.subject.entity_id or "")


def test_a_prepositional_verb_from_the_vocabulary_takes_its_object():
    corpus = corpus_of("Tom Reyes called on Norway and Chile to join the pact.")
    assert {object_id(f) for f in corpus.facts if f.predicate == "urged"} == \
        {"place/norway", "place/chile"}
    assert {f.subject.entity_id for f in corpus.facts if f.predicate == "joined"} == \
        {"place/norway", "place/chile"}


def test_a_name_inside_a_description_keeps_it_specific():
    corpus = corpus_of("The Harlow pipeline connected the Brenna gas fields.")
    (fact,) = [f for f in corpus.facts if f.lemma == "connect"]
    assert fact.subject.entity_id == "thing/harlow-pipeline"
    assert object_id(fact) == "thing/brenna-gas-field"


def test_the_press_is_a_subject_news_names_without_naming_anyone():
    corpus = corpus_of("The press asked Tom Reyes about the deal on Monday.")
    assert find(corpus, "thing/press", "asked", "person/tom-reyes")


def test_a_capitalised_name_tagged_as_a_noun_is_not_lemmatised():
    corpus = corpus_of("In that role, Cummings oversaw the inquiry into the agency.")
    assert not [e for e in corpus.entities if e.label == "cumming"]


def test_pleading_guilty_is_one_verb_with_its_charges():
    corpus = corpus_of("Tom Reyes pleaded guilty to two counts of fraud on Tuesday. "
                       "Lena Marsh pleaded not guilty.")
    (guilty,) = [f for f in corpus.facts if f.predicate == "pleadedGuilty"]
    assert object_id(guilty) == "thing/two-counts-of-fraud"
    (innocent,) = [f for f in corpus.facts if f.predicate == "pleadedNotGuilty"]
    assert innocent.evidence.factuality is Factuality.ASSERTED


def test_a_preposition_on_a_title_noun_is_the_titles_not_the_verbs():
    corpus = corpus_of("Norway expelled the Chilean ambassador to Norway on Monday.")
    (expulsion,) = [f for f in corpus.facts if f.predicate == "expelled"]
    assert role(expulsion, "destination") == []


def test_a_verb_sense_needs_its_kind_of_object():
    corpus = corpus_of("Harlow executed Tom Reyes on Monday. Harlow executed the plan on Friday.")
    assert find(corpus, "place/harlow", "killed", "person/tom-reyes") or \
        [f for f in corpus.facts if f.predicate == "killed" and object_id(f) == "person/tom-reyes"]
    assert not [f for f in corpus.facts if f.predicate == "killed" and object_id(f) == "thing/plan"]


@pytest.mark.parametrize("junk", ["2024-06-19 HKT", "www.harlow-news.com", "UTC +04:00"])
def test_junk_is_never_a_named_entity(junk):
    from kg.extract.mentions import _junk_name

    assert _junk_name(junk)


@pytest.mark.parametrize("name", ["3M", "G7", "Amazon.com", "Lena Marsh"])
def test_short_and_odd_names_stay_names(name):
    from kg.extract.mentions import _junk_name

    assert not _junk_name(name)


def test_a_verb_with_no_direct_object_takes_its_prepositional_object():
    corpus = corpus_of("Marta Oliveira contributed to the Lisbon Relief Fund on Friday.")
    (fact,) = [f for f in corpus.facts if f.lemma == "contribute to"]
    assert fact.subject.entity_id == "person/marta-oliveira"
    assert fact.object is not None
    assert fact.object.entity_id == "organization/lisbon-relief-fund"
    assert role(fact, "time") == ["2023-09-15"]
    # The phrase is the object now, not also a recipient.
    assert role(fact, "recipient") == []


def test_a_prepositional_object_is_never_a_time_or_a_located_place():
    corpus = corpus_of("Marta Oliveira spoke in Porto on Friday.")
    assert not [f for f in corpus.facts if f.object is not None and f.lemma.startswith("speak")]


def test_an_occurrence_verb_takes_only_its_own_prepositions():
    corpus = corpus_of("Marta Oliveira resigned from the Porto Harbour Board.",
                       "Jonas Weber died of pneumonia in Bremen.")
    resigned = [f for f in corpus.facts if f.subject.entity_id == "person/marta-oliveira"]
    assert [f.object is not None for f in resigned] == [True]
    died = [f for f in corpus.facts if f.subject.entity_id == "person/jonas-weber"
            and f.predicate == "died"]
    assert died and all(f.object is None for f in died)


def test_a_comma_list_of_names_read_as_an_apposition_is_every_name():
    corpus = corpus_of("Marta Oliveira, Jonas Weber, Ines Duarte and Paul Becker signed "
                       "the letter.")
    subjects = {f.subject.entity_id for f in corpus.facts if f.lemma == "sign"}
    assert subjects == {"person/marta-oliveira", "person/jonas-weber", "person/ines-duarte",
                        "person/paul-becker"}


def test_a_description_keeps_its_kind_and_what_an_event_noun_is_about():
    corpus = corpus_of("Lumio held primary elections and imposed a ban on e-readers.",
                       "Lumio launched a new e-reader.")
    objects = {object_id(f) for f in corpus.facts}
    assert "thing/ban-on-e-readers" in objects
    assert "thing/e-reader" in objects  # 'new' says nothing of what it is


def test_a_gerund_after_a_preposition_shares_its_clause_subject():
    corpus = corpus_of("Lena Park sold her flat in Oslo before moving to Bergen.",
                       "Tomas Berg was arrested after attacking Nils Dahl.")
    (moved,) = [f for f in corpus.facts if f.lemma == "move"]
    assert moved.subject.entity_id == "person/lena-park"
    assert object_id(moved) == "place/bergen"
    attacked = [f for f in corpus.facts if f.lemma == "attack"]
    assert [f.subject.entity_id for f in attacked] == ["person/tomas-berg"]
    assert [object_id(f).endswith("/nils-dahl") for f in attacked] == [True]


def test_an_infinitive_after_unable_or_failed_did_not_happen():
    corpus = corpus_of("Lena Park was unable to sign the treaty.",
                       "Tomas Berg failed to sign the accord.")
    signed = {f.subject.entity_id: f for f in corpus.facts if f.lemma == "sign"}
    assert set(signed) == {"person/lena-park", "person/tomas-berg"}
    assert {f.evidence.factuality for f in signed.values()} == {Factuality.NEGATED}


def test_a_relative_clause_without_a_relative_word_is_about_its_noun():
    corpus = corpus_of("Investigators traced the car Lena Park rented.",
                       "The day Tomas Berg arrived was cold.")
    (rented,) = [f for f in corpus.facts if f.lemma == "rent"]
    assert rented.subject.entity_id == "person/lena-park"
    assert object_id(rented) == "thing/car"
    assert not [f for f in corpus.facts if object_id(f) == "thing/day"]


def test_a_total_of_is_the_things_counted():
    corpus = corpus_of("The Nordland Health Agency reported a total of 40 cases.")
    assert [object_id(f) for f in corpus.facts if f.lemma == "report"] == ["thing/40-cases"]


def test_a_capitalised_common_noun_opening_a_sentence_is_no_name():
    from spacy.tokens import Span

    from kg.extract.mentions import _capitalised_noun
    from kg.extract.state import common_nouns
    from kg.nlp import choose_model, load_pipeline

    nlp = load_pipeline(choose_model())
    doc = nlp("Fires rage across the valley near Oslo. Officials said the fires spread.")
    nouns = common_nouns(doc)
    assert _capitalised_noun(Span(doc, 0, 1, label="PERSON"), nouns)  # 'fires' is a noun here
    assert not _capitalised_noun(Span(doc, 6, 7, label="GPE"), nouns)  # 'Oslo' mid-sentence
    doc = nlp("Oslo is cold. Officials said Oslo was calm.")
    # never written lower-case
    assert not _capitalised_noun(Span(doc, 0, 1, label="GPE"), common_nouns(doc))


def test_a_name_cut_at_a_hyphen_is_no_name():
    from kg.extract.mentions import _junk_name

    assert _junk_name("Tak-") and _junk_name("-Sing")
    assert not _junk_name("Tak-Sing Wong")


def test_a_movement_verb_to_an_abstract_thing_is_not_travel():
    corpus = corpus_of("Lena Park returned to Oslo on Monday.",
                       "The Bergen clinic returned to normal operation on Monday.")
    assert find(corpus, "person/lena-park", "traveledTo", "place/oslo")
    assert not [f for f in corpus.facts if f.predicate == "traveledTo"
                and (object_id(f) or "").startswith("thing/")]


def test_a_named_apposition_says_which_thing_a_description_is():
    corpus = corpus_of("The Harlow League has cancelled its own tournament, Dunmore Madness, "
                       "for the first time.")
    (fact,) = [f for f in corpus.facts if f.lemma == "cancel"]
    assert fact.object is not None
    assert fact.object.entity_id is not None and "dunmore-madness" in fact.object.entity_id


def test_a_surname_alone_after_the_full_name_is_that_person():
    corpus = corpus_of("Walter Brandt, the oceanographer, died on Friday. Brandt was 101. "
                       "Brandt studied waves at the Harlow Institute.")
    people = {e.entity_id for e in corpus.entities if e.type.value == "Person"}
    assert people == {"person/walter-brandt"}
    assert not [e for e in corpus.entities if e.label == "Brandt"]


def test_a_surname_that_is_a_known_place_stays_the_place():
    from kg.extract import extract_document
    from kg.ingest import make_document
    from kg.nlp import choose_model, parse_documents
    document = make_document("Actor Denzel Washington paid for the course. "
                             "Lena Marsh flew to Washington on Monday.", source="t.txt")
    ((parsed, doc),) = list(parse_documents([document], choose_model()))
    mentions = extract_document(parsed, doc).mentions
    assert [m.type.value for m in mentions if m.text == "Washington"] == ["Place"]


@pytest.mark.parametrize("text", [
    "Tom Reyes used two drones and a boat to survey the Brenna lake.",
    "Tom Reyes bought a boat to survey the Brenna lake.",
])
def test_the_subject_does_an_infinitive_after_a_verb_that_does_not_hand_it_on(text):
    corpus = corpus_of(text)
    surveys = [f for f in corpus.facts if f.lemma == "survey"]
    assert surveys
    assert {f.subject.entity_id for f in surveys} == {"person/tom-reyes"}


def test_the_object_of_an_asking_verb_does_the_infinitive():
    corpus = corpus_of("Tom Reyes ordered Lena Marsh to survey the Brenna lake. "
                       "Maria Lopez demanded Ana Silva to survey the Harlow lake.")
    assert {f.subject.entity_id for f in corpus.facts if f.lemma == "survey"} == \
        {"person/lena-marsh", "person/ana-silva"}


def test_every_place_of_a_list_places_the_event():
    corpus = corpus_of("Tom Reyes won the races in Norway, Chile and Peru.")
    (won,) = [f for f in corpus.facts if f.predicate == "won"]
    assert set(role(won, "place")) == {"place/norway", "place/chile", "place/peru"}


def test_a_by_phrase_on_the_statement_names_who_did_a_passive():
    corpus = corpus_of("The attack was condemned in a joint statement by Norway and Chile.")
    assert {f.subject.entity_id for f in corpus.facts if f.predicate == "criticized"} == \
        {"place/norway", "place/chile"}


def test_a_harmful_event_after_in_did_a_passive_harm():
    corpus = corpus_of("Tom Reyes was killed in a helicopter crash near Oslo.",
                       "Five climbers were rescued in the storm.")
    (killed,) = [f for f in corpus.facts if f.predicate == "killed"]
    assert (killed.subject.entity_id or "").startswith("thing/helicopter-crash")
    assert object_id(killed) == "person/tom-reyes"
    # Not every passive after an event is that event's doing.
    (rescued,) = [f for f in corpus.facts if f.predicate == "rescued"]
    assert object_id(rescued) is None


def test_a_gerund_a_rule_requires_is_not_the_rule_makers_deed():
    corpus = corpus_of("On Monday, Tom Reyes announced a new rule to require reporting thefts "
                       "to the police.")
    assert not [f for f in corpus.facts if f.lemma == "report"
                and f.subject.entity_id == "person/tom-reyes"]
    assert [f for f in corpus.facts if f.predicate == "announced"]


@pytest.mark.parametrize(("text", "subject", "predicate"), [
    ("Tom Reyes praised Harbor Foods, the company that makes the Brenna soup.",
     "organization/harbor-foods", "produced"),
    ("Acme Corp, the firm which owns the Harlow mine, sued Norway.",
     "organization/acme", "owned"),
])
def test_a_relative_clause_on_a_description_of_a_name_is_about_the_name(text, subject,
                                                                        predicate):
    corpus = corpus_of(text)
    assert {f.subject.entity_id for f in corpus.facts if f.predicate == predicate} == {subject}


def test_a_preposition_the_tagger_took_for_a_name_is_no_subject():
    """'Amongst reported incidents, ...' opens with a preposition the small tagger reads as a
    proper noun and the parser as the subject of 'reported'."""
    corpus = corpus_of("Amongst reported incidents of fraud and theft, recently a clerk was "
                       "dismissed.")
    labels = {e.entity_id: e.label.lower() for e in corpus.entities}
    assert not any(labels.get(f.subject.entity_id or "") == "amongst" for f in corpus.facts)


# Borrowed subjects: kept only where grammar gives the doer (issue 10, precision).
@pytest.mark.parametrize(("text", "lemma", "subject"), [
    # a participle or a gerund after a subordinating word: the clause's subject does it
    ("Tom Reyes returned to Oslo on Sunday, bringing a gift for Lena Park.", "bring",
     "person/tom-reyes"),
    ("Lena Park called Tom Reyes while driving to Bergen.", "drive to", "person/lena-park"),
    # 'for' + gerund on a verb without an object
    ("Lena Park is in the news for travelling to Bergen.", "travel", "person/lena-park"),
    ("Lena Park acted alone in robbing Tom Reyes.", "rob", "person/lena-park"),
    ("Lena Park feels great remorse for robbing Tom Reyes.", "rob", "person/lena-park"),
    # an infinitive on the verb's own object is the verb's purpose
    ("Lena Park joined the race to replace Tom Reyes.", "replace", "person/lena-park"),
    # a plan noun hands its infinitive to whoever holds the plan
    ("Lena Park expressed her intent to become a lawyer.", "become", "person/lena-park"),
])
def test_a_borrowed_subject_stays_where_grammar_gives_it(text, lemma, subject):
    corpus = corpus_of(text)
    assert {f.subject.entity_id for f in corpus.facts if f.lemma == lemma} == {subject}


@pytest.mark.parametrize(("text", "lemma"), [
    # an infinitive on a noun deep in a phrase: the bridge links, not Lena Park
    ("Lena Park praised the design of a bridge to link the islands.", "link"),
    ("Lena Park criticised the cost of a new road to connect Oslo and Bergen.", "connect"),
    # a gerund on a noun's preposition that names no plan
    ("Norvex Energy praised the design of a pipeline for carrying gas to Balder Oil.", "carry"),
    # 'for' + gerund after an object is the object's deed, not the subject's
    ("Lena Park thanked Tom Reyes for visiting Bergen.", "visit"),
    # after a verb of outcome the gerund is nobody's
    ("The Harlow treaty resulted in Lena Park losing the Brenna farm.", "lose"),
    # a noun right before the gerund is its own subject
    ("The Harlow statement spoke of Norway assuming the duty of guarding the border.",
     "assume"),
    ("The Harlow statement spoke of Norway assuming the duty of guarding the border.",
     "guard"),
])
def test_a_subject_grammar_does_not_give_is_not_borrowed(text, lemma):
    corpus = corpus_of(text)
    borrowed = [f for f in corpus.facts if f.lemma == lemma and
                (f.evidence.rule.startswith("inherited-") or
                 f.subject.entity_id in {"person/lena-park", "organization/norvex-energy"})]
    assert not borrowed
    assert corpus.facts  # the governing verb's own fact is still read


def test_a_gerund_a_court_holds_someone_to_is_still_theirs():
    corpus = corpus_of("Police charged Tom Reyes with stealing a car in Oslo.")
    assert {f.subject.entity_id for f in corpus.facts if f.lemma == "steal"} == \
        {"person/tom-reyes"}


@pytest.mark.parametrize("text", [
    "God bless Lena Park.",
    "God save the Harlow Council.",
])
def test_a_wish_or_formula_is_no_event(text):
    corpus = corpus_of(text)
    assert not [f for f in corpus.facts if f.lemma in {"bless", "save"}]


def test_a_verb_that_agrees_with_its_subject_is_an_event():
    corpus = corpus_of("Lena Park helps the Harlow Council.",
                       "Lena Park and Tom Reyes help the Harlow Council.")
    assert len([f for f in corpus.facts if f.lemma == "help"]) == 3


def test_a_raising_verb_states_nothing_of_its_own():
    corpus = corpus_of("The Harlow Council had come to believe Tom Reyes was in Oslo.",
                       "Lena Park came to Oslo on Monday to meet Tom Reyes.")
    comers = [f for f in corpus.facts if f.lemma.split()[0] == "come"]
    assert [f.subject.entity_id for f in comers] == ["person/lena-park"]


def test_the_noun_of_a_complex_preposition_is_no_participant():
    corpus = corpus_of("The Harlow Court ruled in regard to the case of Tom Reyes.")
    assert not [f for f in corpus.facts if f.object is not None and
                f.object.mention.text.lower() == "regard"]


def test_a_time_belongs_to_its_own_clause():
    corpus = corpus_of(
        "Tom Reyes stayed in the Harlow hotel overnight before appearing in court on Monday.",
        "Tom Reyes moved to Canada to study medicine, before moving to Oslo in 1990.",
        "Tom Reyes was arrested in 1998, and Lena Marsh in 2004.",
        "Lena Marsh defeated Tom Reyes by winning the final in 2004.")
    (stay,) = [f for f in corpus.facts if f.lemma.startswith("stay")]
    assert role(stay, "time") == []  # Monday dates the court appearance
    (appeared,) = [f for f in corpus.facts if f.lemma.startswith("appear")]
    assert role(appeared, "time") == ["2023-09-11"]
    (study,) = [f for f in corpus.facts if f.lemma == "study"]
    assert role(study, "time") == []  # 1990 is the second move's
    # A gapped clause's date is not the first clause's.
    (arrest,) = [f for f in corpus.facts if f.predicate == "arrested"]
    assert role(arrest, "time") == ["1998"]
    # A gerund after 'by' says how it was done: one event, one date.
    (defeat,) = [f for f in corpus.facts if f.predicate == "defeated"]
    assert role(defeat, "time") == ["2004"]


def test_a_date_of_what_is_still_to_happen_lies_ahead():
    corpus = corpus_of("Tom Reyes will meet Lena Marsh on Monday.",
                       "The Harlow council is scheduled to sell the farm on March 10.")
    (meeting,) = [f for f in corpus.facts if f.predicate == "met"]
    assert role(meeting, "time") == ["2023-09-18"]  # the article is of Friday 2023-09-15
    (sale,) = [f for f in corpus.facts if f.predicate == "sold"]
    assert role(sale, "time") == ["2024-03-10"]
    # What was expected then may lie behind the article.
    corpus = corpus_of("The Harlow council was scheduled to sell the farm on March 10.")
    (sale,) = [f for f in corpus.facts if f.predicate == "sold"]
    assert role(sale, "time") == ["2023-03-10"]


def test_an_amount_after_a_recipients_preposition_receives_nothing():
    corpus = corpus_of("The Harlow council gave Lena Marsh six more seats, for a total of forty "
                       "seats.")
    (gift,) = [f for f in corpus.facts if f.predicate == "gave"]
    assert role(gift, "recipient") == ["person/lena-marsh"]


def test_an_age_is_not_a_time():
    corpus = corpus_of("Tom Reyes died at age 68 in Oslo.",
                       "Lena Marsh won the Harlow Prize at age 10.")
    for fact in (f for f in corpus.facts if f.predicate in {"died", "won"}):
        assert role(fact, "time") == []


@pytest.mark.parametrize(("text", "lemma", "subjects"), [
    ("The Ministry of Fisheries and the Ministry of Transport were asked to draft a new plan.",
     "draft", {"organization/ministry-of-fisheries", "organization/ministry-of-transport"}),
    ("Tom Reyes and Anna Berg are expected to visit Oslo.", "visit",
     {"person/tom-reyes", "person/anna-berg"}),
])
def test_every_coordinated_passive_subject_does_the_infinitive(text, lemma, subjects):
    corpus = corpus_of(text)
    assert {f.subject.entity_id for f in corpus.facts if f.lemma == lemma} == subjects


def test_a_verb_tag_on_a_word_fragment_names_no_act():
    """A quote opening with an editor's bracket ('[I]t's') is tokenised as 'I]t' + 's', and
    the tagger calls a fragment of it a verb: no fact has a one-letter predicate."""
    corpus = corpus_of('Mara Ilves of the Velm Rights League said, "[I]t\'s still not full '
                       'protection; we still need to fight for the docks."')
    assert corpus.facts
    assert all(len(f.predicate) > 1 and f.predicate.replace("_", "").isalpha()
               for f in corpus.facts)
