"""Where things are (kg/extract/places.py)."""

from __future__ import annotations

import pytest
from helpers import corpus_of, find, labelled_triples

from kg.model import ResolvedCorpus

WHERE = {"locatedIn", "basedIn", "bornIn", "livedIn", "cameFrom"}


def located(corpus: ResolvedCorpus) -> set[tuple[str, str, str]]:
    return {t for t in labelled_triples(corpus) if t[1] in WHERE}


@pytest.mark.parametrize(("text", "expected"), [
    ("The festival opened in Lyon, France, on Friday.", ("Lyon", "locatedIn", "France")),
    ("A storm hit Tupelo, Miss., overnight.", ("Tupelo", "locatedIn", "Mississippi")),
    ("Denver-based Alpine Robotics hired forty engineers.",
     ("Alpine Robotics", "basedIn", "Denver")),
    ("Vienna's Hofburg Orchestra cancelled the tour.",
     ("Hofburg Orchestra", "basedIn", "Vienna")),
    ("Daniel Weber was born in Valencia and studied law.",
     ("Daniel Weber", "bornIn", "Valencia")),
    ("Owen Pryce, a native of Cardiff, won the race.", ("Owen Pryce", "cameFrom", "Cardiff")),
])
def test_where_things_are(text, expected):
    assert expected in located(corpus_of(text))


def test_a_comma_between_two_towns_is_not_nesting():
    corpus = corpus_of("Trains ran between Lyon, Dijon and Lille.")
    assert not [f for f in located(corpus) if f[1] == "locatedIn"]


def test_a_list_of_places_is_not_a_place_in_a_place():
    corpus = corpus_of("Maria Lopez won Colorado, Maine, Ohio and Utah on Tuesday.")
    assert not [f for f in corpus.facts if f.predicate == "locatedIn"]


def test_two_town_state_pairs_in_a_row_are_both_read():
    facts = labelled_triples(corpus_of(
        "The band played in Tupelo, Miss., and in Dayton, Ohio, last week."))
    assert ("Tupelo", "locatedIn", "Mississippi") in facts
    assert ("Dayton", "locatedIn", "Ohio") in facts


def test_a_state_does_not_lie_in_another_state():
    corpus = corpus_of("Storms hit Kansas, Nebraska on Sunday.")
    assert not [f for f in corpus.facts if f.predicate == "locatedIn"]


def test_a_chain_of_places_nests_each_in_the_next():
    facts = labelled_triples(corpus_of("Protests spread in Dayton, Ohio, United States."))
    assert ("Ohio", "locatedIn", "United States") in facts


@pytest.mark.parametrize(("text", "expected"), [
    ("The Mexican company Harlow Datos sold the files.", ("Harlow Datos", "basedIn", "Mexico")),
    ("He flew to the Indian capital, New Delhi, on Monday.", ("New Delhi", "locatedIn", "India")),
    ("The festival returned to the Canadian city of Toronto.", ("Toronto", "locatedIn", "Canada")),
    ("Protests spread in the US state of Alabama.", ("Alabama", "locatedIn", "United States")),
])
def test_a_demonym_or_possessive_says_where_a_thing_is(text, expected):
    assert expected in labelled_triples(corpus_of(text))


def test_a_place_is_no_short_form_of_an_organisation_named_after_it():
    corpus = corpus_of("Governor Kay Reyes signed the Nebraska Water Protection Act. "
                       "Farmers in Nebraska, United States, protested.")
    labels = {e.label for e in corpus.entities if e.type.value == "Place"}
    assert "Nebraska" in labels


def test_a_description_beside_an_organisation_says_where_it_is_based():
    facts = labelled_triples(corpus_of(
        "Harlow Holdings, a major Hong Kong property group, bought the port."))
    assert ("Harlow Holdings", "basedIn", "Hong Kong") in facts


def test_a_place_right_before_in_and_a_country_lies_in_it():
    # The parser hangs the second 'in' on the verb; the order of the words still says it.
    corpus = corpus_of("The outbreak began in Kerala in India last year.")
    assert find(corpus, "place/kerala", "locatedIn", "place/india")
    corpus = corpus_of("They met in Lyon in June.")
    assert not [f for f in corpus.facts if f.predicate == "locatedIn"]


@pytest.mark.parametrize(("text", "expected"), [
    ("In 1901, poet Ilse Varga was born in Keene, N.H.", ("Ilse Varga", "bornIn", "New Hampshire")),
    ("Pedro Salas, a teacher from Dayton, Ohio, spoke first.", ("Pedro Salas", "cameFrom", "Ohio")),
    ("Depot Nine, Brooklyn, N.Y., will close.", ("Brooklyn", "locatedIn", "New York")),
])
def test_a_fact_about_a_town_holds_for_the_state_written_after_it(text, expected):
    assert expected in located(corpus_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Actress Nora Bell, who was born in Kulm, donated a coat.", ("Nora Bell", "bornIn", "Kulm")),
    ("Tomas Wolde, born in Richmond, was a writer.", ("Tomas Wolde", "bornIn", "Richmond")),
    ("The third mayor of the town, Jim Mondo, was born in Lisbon.",
     ("Jim Mondo", "bornIn", "Lisbon")),
    ("Mrs. Koda is from Sendai.", ("Koda", "cameFrom", "Sendai")),
    ("Ms. Vale, a Fargo native, sent a sweater.", ("Vale", "cameFrom", "Fargo")),
    ("The film was directed by Modesto native Carl Dunn.", ("Carl Dunn", "cameFrom", "Modesto")),
    ("Harry Dorn is returning to his Iowa hometown to marry.", ("Harry Dorn", "cameFrom", "Iowa")),
    ("Jed Marr touted his big win in his native South Carolina.",
     ("Jed Marr", "cameFrom", "South Carolina")),
])
def test_where_a_person_was_born_lives_or_comes_from(text, expected):
    assert expected in located(corpus_of(text))


@pytest.mark.parametrize("text", [
    "Harry Dorn is planning his Iowa trip for May.",  # a trip is no home
    "Nora Bell, who was born in May, donated a coat in Kulm.",  # a month is no birthplace
    "Ms. Vale praised the Fargo team.",
])
def test_no_home_without_a_home_word(text):
    assert not [t for t in located(corpus_of(text)) if t[1] in {"cameFrom", "bornIn", "livedIn"}]


@pytest.mark.parametrize(("text", "expected"), [
    ("The U.S. Senate passed two bills.", ("U.S. Senate", "basedIn", "United States")),
    ("The Ohio Department of Health issued a warning.",
     ("Ohio Department of Health", "basedIn", "Ohio")),
])
def test_an_organisation_named_after_its_country_or_state_is_based_there(text, expected):
    assert expected in located(corpus_of(text))


def test_a_name_opening_with_a_city_is_not_based_in_the_state_the_city_is_named_after():
    facts = located(corpus_of("The Kansas City Chiefs won on Sunday."))
    assert not [f for f in facts if f[1] == "basedIn"]


def test_a_town_or_an_adjective_opening_a_name_is_no_base():
    facts = located(corpus_of("The Warren Commission and the Italian Farmers Confederation met."))
    assert not [f for f in facts if f[1] == "basedIn"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Crews cleared the site north of Whitefish in northwest Montana.",
     ("Whitefish", "locatedIn", "Montana")),
    ("Officials in Perugia in Umbria province said nothing.", ("Perugia", "locatedIn", "Umbria")),
])
def test_a_place_in_a_region_written_after_it(text, expected):
    assert expected in located(corpus_of(text))


def test_a_town_after_in_is_no_region():
    facts = located(corpus_of("Officials in Perugia in Florence said nothing."))
    assert ("Perugia", "locatedIn", "Florence") not in facts


@pytest.mark.parametrize(("text", "expected"), [
    ("Sales rose at Harlow Datos Inc., Dallas, Texas, last year.",
     ("Harlow Datos Inc.", "basedIn", "Dallas")),
    # a dateline on its own: read as one, under the name a reader uses (kg/datelines.py)
    ("CARACAS, Venezuela (AP)", ("Caracas", "locatedIn", "Venezuela")),
])
def test_a_name_before_a_town_and_state(text, expected):
    assert expected in located(corpus_of(text))


@pytest.mark.parametrize("text", [
    "The Ohio Gazette said the mayor would resign.",
    "Readers of the Norway Post wrote in about the ferry fares.",
    "The Kenya News Agency quoted two nurses at the clinic.",
])
def test_a_news_outlet_named_after_a_place_is_not_based_there_by_its_name(text):
    # a masthead is no address: the article never says where the paper is printed
    assert not [f for f in located(corpus_of(text)) if f[1] == "basedIn"]


def test_an_outlet_before_a_comma_and_a_place_is_not_based_there():
    # 'X, Place' after an outlet is where a story was filed, not where the outlet is
    facts = located(corpus_of("The story ran in the Harbour Tribune, Ohio, on Monday."))
    assert not [f for f in facts if f[1] == "basedIn"]


def test_an_outlet_in_a_place_is_reporting_from_there_not_based_there():
    facts = located(corpus_of("The Harbour Tribune in Tehran reported two deaths."))
    assert not [f for f in facts if f[1] == "basedIn"]


@pytest.mark.parametrize("text", [
    "The Lisbon-based Harbour Tribune printed the letter.",
    "The Harbour Tribune, based in Lisbon, printed the letter.",
])
def test_an_outlet_is_still_placed_where_the_text_says_it_is(text):
    assert ("Harbour Tribune", "basedIn", "Lisbon") in located(corpus_of(text))


def test_a_demonym_before_a_makers_name_on_a_thing_is_no_base():
    facts = located(corpus_of("The crew saw a Swedish Harlow Industries cargo drone offshore."))
    assert not [f for f in facts if f[1] == "basedIn"]


def test_a_list_of_organisations_and_states_is_no_base():
    facts = located(corpus_of("Our chief said Acme Corp., Ohio and Texas are rivals."))
    assert not [f for f in facts if f[1] == "basedIn"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The hotel stands in Gwynedd, Wales.", ("Gwynedd", "locatedIn", "Wales")),
    ("Pet Rescue, a charity in Kitchener, Ontario, took the dogs.",
     ("Kitchener", "locatedIn", "Ontario")),
])
def test_a_province_or_region_holds_the_town_before_it(text, expected):
    assert expected in located(corpus_of(text))


def test_a_region_of_one_country_holds_no_known_town_of_another():
    # 'Victoria' is an Australian state; Houston is a town the gazetteer places in the US.
    facts = located(corpus_of("Floods hit Houston, Victoria, on Monday."))
    assert ("Houston", "locatedIn", "Victoria") not in facts


@pytest.mark.parametrize(("text", "expected"), [
    ("The composer Felix Barr is a native of Hollins, Minn.",
     ("Felix Barr", "cameFrom", "Hollins")),
    ("Dale Worth, a Republican from Toledo, lost the seat.", ("Dale Worth", "cameFrom", "Toledo")),
    ("Ohio-born Carla Nunn arrived in Boston.", ("Carla Nunn", "bornIn", "Ohio")),
    ("They drove through Pine Bluff, where the singer Ray Dunn was born.",
     ("Ray Dunn", "bornIn", "Pine Bluff")),
    ("An Australian, Brent Coyle, was charged.", ("Brent Coyle", "cameFrom", "Australia")),
    ("Marta Quinn was born on Feb. 5, 1907, in Portland, Ore., and moved west.",
     ("Marta Quinn", "bornIn", "Portland")),
    ("Mark Heller died on Monday at his home in Elmwood.", ("Mark Heller", "livedIn", "Elmwood")),
])
def test_where_a_person_is_from_or_lives(text, expected):
    assert expected in located(corpus_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Brisk Corp. is headquartered in Tulsa.", ("Brisk Corp.", "basedIn", "Tulsa")),
    ("Tarla Foods' headquarters in Leeds were closed.", ("Tarla Foods", "basedIn", "Leeds")),
    ("Atlantic Forum's Washington headquarters hosted the talks.",
     ("Atlantic Forum", "basedIn", "Washington")),
    ("Halden Industries, a Chicago-based maker of tools, cut jobs.",
     ("Halden Industries", "basedIn", "Chicago")),
    ("Rexa Ltd, a software company in Leeds, was sold.", ("Rexa Ltd", "basedIn", "Leeds")),
    ("Reporters waited at Zenta Bank headquarters in Leeds for the decision.",
     ("Zenta Bank", "basedIn", "Leeds")),
    ("The German Government faces elections this year.",
     ("German Government", "basedIn", "Germany")),
])
def test_where_an_organisation_is_based(text, expected):
    assert expected in located(corpus_of(text))


def test_a_trip_to_a_place_is_no_home_there():
    facts = located(corpus_of("Mark Heller planned his trip in Elmwood for May."))
    assert not [f for f in facts if f[1] == "livedIn"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Flooding closed the road between Salida and Gunnison, Colorado.",
     ("Salida", "locatedIn", "Colorado")),
    ("Crocodiles in Zambia's Kafue River have killed five people.",
     ("Kafue River", "locatedIn", "Zambia")),
    ("The storm passed near Florida's West Palm Beach on Monday.",
     ("West Palm Beach", "locatedIn", "Florida")),
    ("The visitors will live at the Campbell Farm, a retreat center in Wapato, he said.",
     ("Campbell Farm", "locatedIn", "Wapato")),
])
def test_a_place_said_to_lie_in_another_by_coordination_possessive_or_description(
        text, expected):
    assert expected in located(corpus_of(text))


@pytest.mark.parametrize(("text", "wrong"), [
    ("Talks were held in Lyon and Madrid, Spain.", ("Lyon", "locatedIn", "Spain")),
    ("Rome is in Lazio province and Naples in Campania.",
     ("Lazio province", "locatedIn", "Campania")),
    ("Protesters gathered outside the Brazilian Embassy on Monday.",
     ("Brazilian Embassy", "basedIn", "Brazil")),
])
def test_no_place_in_a_place_the_gazetteer_contradicts(text, wrong):
    assert wrong not in located(corpus_of(text))


def test_a_town_named_like_a_bigger_one_abroad_still_lies_in_the_state_after_it():
    # The gazetteer's largest 'Salisbury' is English; a US state after the comma decides.
    facts = located(corpus_of("Ellen Moss is a native of Salisbury, N.C."))
    assert ("Salisbury", "locatedIn", "North Carolina") in facts


def test_a_state_abbreviation_whose_period_the_tokenizer_split_off():
    corpus = corpus_of("In 1872, the 30th U.S. president, Calvin Moore, was born in "
                       "Plymouth, Vt.")
    read = {(f.subject.mention.text, f.predicate, f.object.mention.text)
            for f in corpus.facts if f.object is not None}
    assert ("Plymouth", "locatedIn", "Vermont") in read
    assert ("Calvin Moore", "bornIn", "Vermont") in read


@pytest.mark.parametrize("text", [
    "Labour's seat in Hartlepool fell to the Conservatives.",
    "Harlow Datos is incorporated in Delaware.",
])
def test_a_seat_in_parliament_or_a_place_of_incorporation_is_no_base(text):
    assert not [f for f in located(corpus_of(text)) if f[1] == "basedIn"]


def test_a_unit_named_before_headquarters_is_no_place():
    facts = located(corpus_of(
        "Lt. Allen Hart, a marine inspector at the Coast Guard's 8th District headquarters, "
        "spoke."))
    assert not [f for f in facts if f[1] == "basedIn"]


@pytest.mark.parametrize(("text", "expected"), [
    # A building or site by the last word of its name lies where 'in' or 'at' says.
    ("The game at the Harbor Energy Arena in Oklahoma City was postponed.",
     ("Harbor Energy Arena", "locatedIn", "Oklahoma City")),
    # Right after a body that is a prepositional object, 'in' + a known town is its seat,
    # though the parser hangs the phrase on the verb.
    ("The dispute went to the International Maritime Tribunal in Hamburg.",
     ("International Maritime Tribunal", "basedIn", "Hamburg")),
    # A description word of an organisation kind after a demonym: based in that country.
    ("The deal was signed by the Italian utility Enerva.", ("Enerva", "basedIn", "Italy")),
])
def test_buildings_bodies_and_firms_are_placed(text, expected):
    assert expected in labelled_triples(corpus_of(text))


@pytest.mark.parametrize("text", [
    "The regulator fined Lumen Bank in Hamburg.",  # a direct object: where the fining was
    "Lumen Bank opened a branch in Hamburg.",  # a subject
])
def test_in_a_place_after_a_verbs_object_or_subject_is_where_the_event_was(text):
    """Only after a prepositional object is 'in Y' read by word order as a seat."""
    corpus = corpus_of(text)
    assert not [f for f in corpus.facts if f.evidence.rule == "org-next-in-place"]


@pytest.mark.parametrize(("text", "organisation", "place"), [
    ("Ada Kiel opened the Corvo Gallery in Leeds last year.", "Corvo Gallery", "Leeds"),
])
def test_an_organisation_founded_or_opened_in_a_place_is_based_there(text, organisation, place):
    facts = [f for f in corpus_of(text).facts if f.predicate == "basedIn"]
    assert [(f.subject.mention.text, f.object.mention.text) for f in facts
            if f.object is not None] == [(organisation, place)]


@pytest.mark.parametrize("text", [
    "Ada Kiel sued the Corvo Gallery in Leeds last year.",
    "Ada Kiel visited the Corvo Gallery in Leeds last year.",
])
def test_an_organisation_sued_or_visited_in_a_place_is_not_placed_by_the_verb(text):
    assert not [f for f in corpus_of(text).facts
                if f.evidence.rule in {"org-sue-in", "org-visit-in"}]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Greek gas producer Ventera signed the deal.", ("Ventera", "basedIn", "Greece")),
    ("The Austrian news site Dagblad reported it.", ("Dagblad", "basedIn", "Austria")),
    ("She spoke to the Canadian think tank Harbor Council.",
     ("Harbor Council", "basedIn", "Canada")),
])
def test_a_demonym_before_an_organisations_description_says_where_it_is_based(text, expected):
    # 'producer' is also a role word: before an organisation it describes no person's office
    assert expected in labelled_triples(corpus_of(text))


def test_a_demonym_before_a_persons_office_is_no_origin():
    found = labelled_triples(corpus_of("The Greek foreign minister Nikos Pavlos spoke."))
    assert not {t for t in found if t[1] == "cameFrom"}


def test_the_countrys_capital_lies_in_the_one_country_named_before():
    found = labelled_triples(corpus_of("Peru held a vote. The country's capital, Lima, "
                                       "was quiet."))
    assert ("Lima", "locatedIn", "Peru") in found


def test_the_countrys_capital_is_no_fact_when_two_countries_were_named():
    found = labelled_triples(corpus_of("Peru and Chile held a vote. The country's capital, "
                                       "Lima, was quiet."))
    assert not {t for t in found if t[0] == "Lima" and t[1] == "locatedIn"}


def test_a_town_in_a_former_country():
    found = labelled_triples(corpus_of("The talks were held in Vukovar, Yugoslavia, in May."))
    assert ("Vukovar", "locatedIn", "Yugoslavia") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("The letter was translated by the Harbor Press bureau in Beirut.",
     ("Harbor Press", "locatedIn", "Beirut")),
    ("Officials at Vantor Motors' Paris office declined to comment.",
     ("Vantor Motors", "locatedIn", "Paris")),
])
def test_an_organisations_bureau_or_office_in_a_place_does_not_place_the_body(text, expected):
    # An office is no seat, and it places only itself: the body may sit elsewhere (the dev
    # judges marked 'University of X locatedIn Y' from 'the University of X's campus in Y'
    # wrong at 6931708).
    found = labelled_triples(corpus_of(text))
    assert expected not in found
    assert (expected[0], "basedIn", expected[2]) not in found


def test_born_with_another_name_in_a_place():
    found = labelled_triples(corpus_of("In 1936, singer Rolf Ames was born Rolf Anders Amesson "
                                       "in Tulsa, Oklahoma."))
    assert ("Rolf Ames", "bornIn", "Tulsa") in found
    assert ("Rolf Anders Amesson", "bornIn", "Tulsa") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Norway's central bank, Norges Bank, raised rates.", ("Norges Bank", "basedIn", "Norway")),
    ("Peru's parliament, the Congress of the Republic, voted.",
     ("Congress of the Republic", "basedIn", "Peru")),
])
def test_a_countrys_body_named_beside_it_is_based_there(text, expected):
    assert expected in labelled_triples(corpus_of(text))


def test_a_countrys_rival_named_beside_it_is_not_based_there():
    found = labelled_triples(corpus_of("Peru's rival, the Harbor Alliance, objected."))
    assert not {t for t in found if t[1] == "basedIn" and t[2] == "Peru"}


def test_an_organisation_in_the_hague():
    found = labelled_triples(corpus_of("The case went to the International Court of "
                                       "Arbitration in the Hague."))
    assert ("International Court of Arbitration", "basedIn", "The Hague") in found or \
        ("International Court of Arbitration", "basedIn", "Hague") in found


def test_an_area_a_place_name_modifies_stands_for_that_place():
    facts = located(corpus_of("Mara Quill was born in the Halden area in 1950."))
    assert ("Mara Quill", "bornIn", "Halden") in facts


def test_a_named_section_of_a_city_lies_in_it():
    facts = located(corpus_of("Police searched a flat in the Marbury section of Ostervang on "
                              "Friday."))
    assert ("Marbury", "locatedIn", "Ostervang") in facts


def test_an_area_noun_without_a_place_name_is_no_place():
    facts = located(corpus_of("Mara Quill was born in a rural area in 1950."))
    assert not {f for f in facts if f[0] == "Mara Quill" and f[1] == "bornIn"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Police closed roads in Larkmoor, Toronto, after the storm.",
     ("Larkmoor", "locatedIn", "Toronto")),
    ("A fire broke out in a shop in Dunmerrow, Dublin, on Sunday.",
     ("Dunmerrow", "locatedIn", "Dublin")),
])
def test_an_unknown_place_before_a_city_is_a_district_of_it(text, expected):
    assert expected in located(corpus_of(text))


@pytest.mark.parametrize("text", [
    "The band toured Paris, Berlin and Rome last year.",
    "The band toured Larkmoor, Dublin and Cork last year.",
])
def test_a_list_of_places_is_no_district(text):
    facts = located(corpus_of(text))
    assert not {f for f in facts if f[1] == "locatedIn"}


@pytest.mark.parametrize("text", [
    "The crew flew from the Harlow Air Station, Tuscaloosa, Ala., to Texas.",
    "Cedar Bluff Test Center, Spartanburg, S.C.;",
])
def test_a_building_its_town_and_its_state_are_a_chain_not_a_list(text):
    facts = labelled_triples(corpus_of(text))
    building = "Harlow Air Station" if "Harlow" in text else "Cedar Bluff Test Center"
    town, state = ("Tuscaloosa", "Alabama") if "Harlow" in text else ("Spartanburg",
                                                                       "South Carolina")
    assert {(building, "locatedIn", town), (town, "locatedIn", state),
            (building, "locatedIn", state)} <= facts


def test_a_list_of_states_is_still_no_place_in_a_place():
    facts = labelled_triples(corpus_of("The senator toured Texas, Maine, Ohio and Utah."))
    assert not any(p == "locatedIn" for _, p, _ in facts)


def test_a_citation_line_says_where_its_outlet_is_and_nothing_else_about_places():
    facts = labelled_triples(corpus_of(
        "LD0706183794 Ostrava Radio Vltava Network in Czech 1700 GMT 7 Jun 94"))
    assert {t for t in facts if t[1] in WHERE} == {("Radio Vltava Network", "basedIn", "Ostrava")}


def test_a_law_named_after_a_state_is_based_nowhere():
    corpus = corpus_of("The Ohio Clean Water Act took effect in May.")
    assert not {t for t in located(corpus) if t[0].endswith("Act")}, located(corpus)


@pytest.mark.parametrize(("text", "expected"), [
    ("Engineers from Halvard Polytechnic in the U.S. built the bridge.",
     ("Halvard Polytechnic", "basedIn", "United States")),
    ("Funding came from Norway's Research Council, Department of Fisheries, and Office of "
     "Coastal Safety.", ("Office of Coastal Safety", "basedIn", "Norway")),
    ("The clinic opened in Nova Scotia (N.S.), Canada last spring.",
     ("Nova Scotia", "locatedIn", "Canada")),
])
def test_a_dotted_initialism_a_possessive_over_a_list_and_an_aside(text, expected):
    assert expected in located(corpus_of(text))


def test_a_possessive_before_two_organisations_places_only_the_first():
    facts = located(corpus_of("Analysts at Sweden's Kestrel Bank and Orvane Capital disagreed."))
    assert ("Kestrel Bank", "basedIn", "Sweden") in facts
    assert ("Orvane Capital", "basedIn", "Sweden") not in facts


def test_a_place_name_opening_an_organisations_description_is_its_base():
    facts = located(corpus_of("She met the New Zealand company Orvane Holdings last week."))
    assert ("Orvane Holdings", "basedIn", "New Zealand") in facts


@pytest.mark.parametrize("text", [
    "In London the singer Mara Quint performed.",
    "The court heard from Leeds newspaper reporter Mara Quint on Monday.",
])
def test_a_place_before_a_persons_description_is_no_base(text):
    facts = located(corpus_of(text))
    assert not [f for f in facts if f[0] == "Mara Quint" and f[1] == "basedIn"]


@pytest.mark.parametrize(("text", "expected"), [
    ("A resident of Antioch, Illinois, Dana Holt is accused of fraud.",
     ("Dana Holt", "livedIn", "Antioch")),
    ("A longtime resident of Leeds, Omar Brandt opened a bakery.",
     ("Omar Brandt", "livedIn", "Leeds")),
])
def test_a_description_set_before_a_name_says_where_the_person_lives(text, expected):
    assert expected in located(corpus_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Morocco opened two new ports, one of them in Casablanca, last spring.",
     ("Casablanca", "locatedIn", "Morocco")),
    ("In Idaho, where crews fought fires all week, smoke hung over Boise.",
     ("Boise", "locatedIn", "Idaho")),
])
def test_a_sentence_naming_a_town_and_its_country_places_it_by_the_gazetteer(text, expected):
    assert expected in located(corpus_of(text))


def test_a_capital_standing_for_its_government_is_not_placed_by_the_gazetteer():
    corpus = corpus_of("Athens recalled its envoy to Greece's neighbour last week.")
    assert ("Athens", "locatedIn", "Greece") not in located(corpus)


def test_a_hospital_lies_in_its_town_rather_than_being_based_there():
    triples = located(corpus_of("Ivo Brandt, a patient at Corvane Valley Hospital in "
                                "Middletown, was charged on Monday."))
    assert ("Corvane Valley Hospital", "locatedIn", "Middletown") in triples
    assert ("Corvane Valley Hospital", "basedIn", "Middletown") not in triples


@pytest.mark.parametrize(("text", "expected"), [
    ("The Bank of Norvenia's headquarters in Leeds were searched on Monday.",
     ("Bank of Norvenia", "basedIn", "Leeds")),
    ("Staff at the University of Varnholt's headquarters in Tonga went on strike.",
     ("University of Varnholt", "basedIn", "Tonga")),
])
def test_a_named_body_with_an_of_phrase_owns_its_headquarters(text, expected):
    assert expected in located(corpus_of(text))


@pytest.mark.parametrize(("text", "body"), [
    ("The University of Varnholt's campus in Tonga closed for a week.",
     "University of Varnholt"),
    ("Staff at the Bank of Norvenia's office in Leeds went on strike.", "Bank of Norvenia"),
    ("Before politics, Ilse Marr taught history at the University of Varnholt's campus in "
     "Tonga.", "University of Varnholt"),
    ("Workers at the Lumen Motors plant in Dayton walked out.", "Lumen Motors"),
])
def test_a_campus_office_or_plant_places_the_part_not_the_body(text, body):
    """'the University of X's campus in Y': the campus is in Y, the university may sit
    elsewhere; a careful reader marks 'University of X locatedIn Y' wrong."""
    assert not [t for t in located(corpus_of(text)) if t[0] == body]


def test_a_representative_of_a_district_does_not_come_from_it_nor_its_state():
    triples = located(corpus_of("When Representative Tomas Varga of Ohio's ninth Congressional "
                                "District announced his retirement in 2001, Lena Ortiz entered "
                                "the race."))
    assert not [t for t in triples if t[0] == "Tomas Varga" and t[1] == "cameFrom"]
    assert ("Tomas Varga", "cameFrom", "Dayton") in located(corpus_of(
        "The winner was Tomas Varga of Dayton."))


@pytest.mark.parametrize("text", [
    "Senator Ilse Marr of Nebraska voted against the bill.",
    "Senator Ilse Marr from Nebraska voted against the bill.",
    "U.S. Rep. Ilse Marr of Nebraska voted against the bill.",
    "Ilse Marr, a congresswoman from Nebraska, voted against the bill.",
])
def test_the_state_a_legislator_represents_is_no_place_she_comes_from(text):
    """'Senator X of Nebraska' holds a seat for Nebraska (a position the title rules read);
    where X comes from the sentence does not say."""
    assert ("Ilse Marr", "cameFrom", "Nebraska") not in located(corpus_of(text))


@pytest.mark.parametrize("text", [
    "Ilse Marr, a teacher from Nebraska, voted against the bill.",
    "Retired teacher Ilse Marr of Nebraska voted against the bill.",
])
def test_a_person_of_a_place_with_another_title_still_comes_from_it(text):
    assert ("Ilse Marr", "cameFrom", "Nebraska") in located(corpus_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Anna Berg lost her home state of Nebraska on Tuesday.",
     ("Anna Berg", "cameFrom", "Nebraska")),
    ("Tom Reyes returned to his home country of Chile.", ("Tom Reyes", "cameFrom", "Chile")),
    ("Tom Reyes led the polls in Ohio; Ohio is Reyes's home state.",
     ("Tom Reyes", "cameFrom", "Ohio")),
])
def test_a_persons_home_state_or_country_is_where_the_person_comes_from(text, expected):
    """'her home state of Nebraska' says where she is from, as 'her hometown' does; it is
    where a legislator's origin is read, not from the seat in 'Senator X of Nebraska'."""
    assert expected in located(corpus_of(text))


def test_a_home_state_owned_by_no_one_places_no_one():
    triples = located(corpus_of("Tom Reyes visited the home state of the late senator."))
    assert not [t for t in triples if t[1] == "cameFrom"]


def test_a_named_place_in_a_named_place_lies_there():
    facts = located(corpus_of("Villagers near Mount Halcon in Calapan City fled on Monday."))
    assert ("Mount Halcon", "locatedIn", "Calapan City") in facts


def test_a_town_its_state_and_its_country_are_a_chain_not_a_list():
    facts = located(corpus_of("A barn burned down near Greenfield, Iowa, United States, on "
                              "Sunday."))
    assert ("Greenfield", "locatedIn", "Iowa") in facts
    assert ("Iowa", "locatedIn", "United States") in facts


def test_a_town_the_gazetteer_knows_in_the_city_s_own_country_is_a_district_of_it():
    facts = located(corpus_of("Police closed a road in Hackney, London, on Monday."))
    assert ("Hackney", "locatedIn", "London") in facts


def test_a_city_of_another_country_before_a_city_is_no_district():
    facts = located(corpus_of("Police closed a road in Hamburg, London, on Monday."))
    assert not {f for f in facts if f[1] == "locatedIn"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Floods hit Multan in the province of Punjab on Monday.",
     ("Multan", "locatedIn", "Punjab")),
    ("Tourists flocked to the Spanish island of Ibiza last summer.",
     ("Ibiza", "locatedIn", "Spain")),
    ("Maria Lund was born in the city of Tromso and moved away.",
     ("Maria Lund", "bornIn", "Tromso")),
    ("The Tarvik Foundation, based in the city of Leeds, paid the bill.",
     ("Tarvik Foundation", "basedIn", "Leeds")),
])
def test_a_place_noun_with_of_names_the_place(text, expected):
    """'the province of X', 'the city of X': the 'of' phrase is the place itself."""
    assert expected in located(corpus_of(text))



@pytest.mark.parametrize(("text", "expected"), [
    ("Dr. Ellen Marsh, a surgeon based in Roanoke, Virginia, was charged.",
     ("Ellen Marsh", "basedIn", "Roanoke")),
    ("Anna Kowal, a nurse born in Gdansk, moved to Oslo in 2001.",
     ("Anna Kowal", "bornIn", "Gdansk")),
])
def test_a_clause_on_a_description_beside_a_name(text, expected):
    """'X, a surgeon based in Y': the description set beside the name is the person."""
    assert expected in located(corpus_of(text))


def test_a_clause_on_another_noun_of_the_description_is_not_the_persons():
    """'X, a spokesman for a firm based in Y': the firm is based there, not X."""
    corpus = corpus_of("Tom Reyes, a spokesman for a firm based in Fresno, declined to comment.")
    assert not [f for f in located(corpus) if f[0] == "Tom Reyes"]


def test_in_after_a_building_that_is_the_verbs_object_places_it():
    """The parser hangs 'in Y' on the verb; right after a building's name it places it."""
    corpus = corpus_of("Rescuers searched the Palmview Mall in Tulsa.")
    assert ("Palmview Mall", "locatedIn", "Tulsa") in located(corpus)


def test_in_after_a_body_that_is_the_verbs_object_does_not_place_it():
    """'sued Acme Robotics in Texas': where the suit was, not where the body is."""
    corpus = corpus_of("Investors sued Acme Robotics in Texas on Monday.")
    assert not [f for f in located(corpus) if f[0] == "Acme Robotics"]


def test_a_name_ending_in_mall_is_a_building_even_if_typed_a_person():
    """'the Robert Dela Cruz Mall': no surname is 'Mall', so 'in Y' after it places it."""
    corpus = corpus_of("The quake damaged the Robert Dela Cruz Mall in Tacloban on Tuesday.")
    assert ("Robert Dela Cruz Mall", "locatedIn", "Tacloban") in located(corpus)


@pytest.mark.parametrize(("text", "expected"), [
    ("Tarvia Lopez said Laos, an Asian nation of seven million, opened a railway.",
     ("Laos", "locatedIn", "Asia")),
    ("Ghana became the first country in Africa to ban the dye.",
     ("Ghana", "locatedIn", "Africa")),
    ("Envoys of African countries including Ghana and Mali met on Monday.",
     ("Ghana", "locatedIn", "Africa")),
])
def test_a_country_beside_a_continent_lies_on_it(text, expected):
    assert expected in located(corpus_of(text))


@pytest.mark.parametrize("text", [
    "Peru, a country in Africa, opened a railway.",  # GeoNames puts Peru elsewhere
    "Kenya, a nation of fifty million people, held elections on Sunday.",  # none named
])
def test_a_continent_is_only_the_one_the_text_names_and_the_gazetteer_allows(text):
    assert not [f for f in located(corpus_of(text)) if f[2] in {"Africa", "Asia"}]


def test_a_small_clause_places_a_country_on_its_continent():
    corpus = corpus_of("The vote would make Chile the first country in South America to tax sugar.")
    assert ("Chile", "locatedIn", "South America") in located(corpus)


@pytest.mark.parametrize(("text", "place"), [
    ("Three nurses from Ghana joined the clinic in March.", "Ghana"),
    ("Police said two of the passengers were from Lisbon.", "Lisbon"),
    ("The storm stranded hikers near the lake, and a woman from Bergen who was camping "
     "there called for help.", "Bergen"),
])
def test_unnamed_people_from_a_place_come_from_it(text, place):
    assert [f for f in located(corpus_of(text)) if f[1] == "cameFrom" and f[2] == place]


@pytest.mark.parametrize("text", [
    "The navy evacuated sixty tourists from Sorrento on Sunday.",
    "A senator from Oregon opposed the bill.",
    "A shipment from Rotterdam arrived late.",
])
def test_no_origin_from_a_source_a_seat_or_a_thing(text):
    assert not [f for f in located(corpus_of(text)) if f[1] == "cameFrom"]


def test_unnamed_people_come_from_each_place_of_a_list():
    facts = [f for f in located(corpus_of("Pilots from Lyon and Nantes flew the cargo plane."))
             if f[1] == "cameFrom"]
    assert {f[2] for f in facts} == {"Lyon", "Nantes"}
