"""Roles and titles become affiliatedWith facts with a role name (kg/extract/titles.py)."""

from __future__ import annotations

import pytest
from helpers import corpus_of, labelled_triples, object_id

from kg.model import Fact, ResolvedCorpus


def positions(corpus: ResolvedCorpus) -> set[tuple[str, str, str | None]]:
    """(person, holder, role); the holder is '' when none is stated ('actor X')."""
    labels = {e.entity_id: e.label for e in corpus.entities}
    return {(labels[f.subject.entity_id or ""], labels.get(object_id(f) or "", ""), f.role_name)
            for f in corpus.facts if f.predicate == "affiliatedWith"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Harbor Foods CEO Lena Marsh opened a plant.", ("Lena Marsh", "Harbor Foods",
                                                     "chief executive")),
    ("Norwegian Prime Minister Eirik Dahl visited the port.", ("Eirik Dahl", "Norway",
                                                               "prime minister")),
    ("Montana Gov. Carl Webb signed the bill.", ("Carl Webb", "Montana", "governor")),
    ("Peru's foreign minister Ana Quispe met the envoy.", ("Ana Quispe", "Peru",
                                                          "foreign minister")),
    ("Tomas Ferreira, the chief executive of Lumen Bank, resigned.",
     ("Tomas Ferreira", "Lumen Bank", "chief executive")),
    ("Greta Holm, executive director of the Baltic Water Trust, spoke.",
     ("Greta Holm", "Baltic Water Trust", "executive director")),
    ("The spokesperson of the Danube Commission, Ivo Marek, declined to comment.",
     ("Ivo Marek", "Danube Commission", "spokesperson")),
    ("Rosa Lind is the mayor of Tampere.", ("Rosa Lind", "Tampere", "mayor")),
])
def test_a_title_is_a_fact_linking_person_and_holder(text, expected):
    assert expected in positions(corpus_of(text))


def test_the_role_fact_carries_evidence_on_the_role_words():
    corpus = corpus_of("Harbor Foods CEO Lena Marsh opened a plant.")
    (fact,) = [f for f in corpus.facts if f.predicate == "affiliatedWith"]
    assert isinstance(fact, Fact)
    assert fact.evidence.trigger == "CEO"
    assert fact.evidence.rule == "title-before-name"
    assert 0 < fact.evidence.confidence <= 1


def test_a_profession_with_a_demonym_is_a_nationality_not_a_position():
    corpus = corpus_of("The Chilean painter Rocio Vera opened a gallery.")
    # Chile does not employ her: no position held for anyone; she is a painter, from Chile.
    assert not {p for p in positions(corpus) if p[1]}
    assert ("Rocio Vera", "", "painter") in positions(corpus)
    assert ("Rocio Vera", "cameFrom", "Chile") in labelled_triples(corpus)


@pytest.mark.parametrize("text", [
    "The film features purported wine expert Dara Voss.",
    "The film features self-styled prophet Jon Feld.",
    "Police in Ostby arrested alleged gang leader Jon Feld.",
])
def test_a_hedged_title_states_no_position(text):
    """'purported wine expert X' is a claim about X, not a title the text gives X."""
    assert not positions(corpus_of(text))


def test_an_unhedged_title_still_states_its_position():
    assert ("Dara Voss", "", "expert") in positions(
        corpus_of("The film features wine expert Dara Voss."))


def test_no_role_word_no_position():
    assert not positions(corpus_of("Lena Marsh opened a plant in Harbor Town."))


def test_a_person_of_an_organisation_is_a_member():
    corpus = corpus_of("Lena Marsh of Harbor Foods Inc. opened a plant.")
    assert ("Lena Marsh", "Harbor Foods Inc.", "member") in positions(corpus) or \
        ("Lena Marsh", "Harbor Foods", "member") in positions(corpus)


def test_an_initialism_before_a_title_is_its_holder():
    found = positions(corpus_of("US President Carl Webb signed the bill."))
    assert {("Carl Webb", "US", "president"), ("Carl Webb", "United States", "president")} & found


@pytest.mark.parametrize(("text", "expected"), [
    ("Italian economic development minister Marco Feltri opened the plant.",
     ("Marco Feltri", "Italy", "economic development minister")),
    ("NATO Secretary-General Bram Olsen spoke in Oslo.", ("Bram Olsen", "NATO",
                                                         "secretary-general")),
    ("Vice President-elect Cora Diaz spoke.", ("Cora Diaz", "", "vice president-elect")),
    ("The then-manager of Harbor Athletic, Dan Pike, resigned.",
     ("Dan Pike", "Harbor Athletic", "manager")),
    ("Ex-UK Prime Minister Hal Brent spoke.", ("Hal Brent", "United Kingdom", "prime minister")),
    ("Civil Aviation Minister Raj Malhotra spoke.", ("Raj Malhotra", "",
                                                     "civil aviation minister")),
])
def test_a_role_is_the_longest_role_phrase(text, expected):
    assert expected in positions(corpus_of(text))


def test_a_hyphenated_role_is_one_role():
    found = positions(corpus_of("NATO Secretary-General Bram Olsen spoke in Oslo."))
    assert not {p for p in found if p[2] == "general"}


@pytest.mark.parametrize("text", ["US President Carl Webb signed the bill.",
                                  "The summit was opened by U.S. President Carl Webb."])
def test_a_us_president_is_president_of_the_united_states(text):
    assert ("Carl Webb", "United States", "president") in positions(corpus_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("The film starred actor Rolf Ames.", ("Rolf Ames", "", "actor")),
    ("Herpetologist Sara Lind studied the frogs.", ("Sara Lind", "", "herpetologist")),
    ("President Tomas Berg signed the bill.", ("Tomas Berg", "", "president")),
])
def test_a_role_with_no_holder_is_a_fact_with_one_participant(text, expected):
    corpus = corpus_of(text)
    assert expected in positions(corpus)
    (fact,) = [f for f in corpus.facts if f.predicate == "affiliatedWith"]
    assert fact.object is None
    assert fact.evidence.rule.endswith("no-holder")


def test_a_plain_noun_before_a_name_is_no_role():
    assert not positions(corpus_of("The visitor Rolf Ames bought a ticket."))


def test_a_role_with_a_holder_is_not_repeated_without_one():
    found = positions(corpus_of("Norwegian Prime Minister Eirik Dahl visited the port."))
    assert found == {("Eirik Dahl", "Norway", "prime minister")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Former US Ambassador to the European Union Carla Moss criticised the plan.",
     ("Carla Moss", "United States", "ambassador")),
    ("Canadian Ambassador to Peru Tom Reed arrived on Monday.",
     ("Tom Reed", "Canada", "ambassador")),
    ("Adviser to the Halvard Foundation Tom Reed arrived on Monday.",
     ("Tom Reed", "Halvard Foundation", "adviser")),
    ("Chairman of the Halvard Foundation Tom Reed arrived on Monday.",
     ("Tom Reed", "Halvard Foundation", "chair")),
])
def test_a_title_with_a_to_or_of_the_phrase_before_the_name(text, expected):
    """'to' after an ambassador's kind of title names where the holder is sent, so the
    holder is the country before the title; after an adviser's, whom the holder serves."""
    found = positions(corpus_of(text))
    assert expected in found
    assert not any(holder in {"European Union", "Peru"} for _, holder, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Secretary of State Gina Holt flew to Rome.", ("Gina Holt", "", "secretary of state")),
    ("US Secretary of State Mark Dole flew to Rome.", ("Mark Dole", "United States",
                                                       "secretary of state")),
    ("First Minister of Scotland Hana Moss spoke.", ("Hana Moss", "Scotland", "first minister")),
    ("Mayor of Springfield Ivo Kent spoke.", ("Ivo Kent", "Springfield", "mayor")),
])
def test_a_title_with_an_of_phrase_before_the_name(text, expected):
    assert expected in positions(corpus_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Senator Jana Reed of Nebraska spoke.", ("Jana Reed", "Nebraska", "senator")),
    ("U.S. Representative Karl Vos from Oregon spoke.", ("Karl Vos", "Oregon",
                                                         "representative")),
    ("Professor Anna Berg of Lumen University spoke.", ("Anna Berg", "Lumen University",
                                                        "professor")),
])
def test_a_holder_after_a_titled_name(text, expected):
    found = positions(corpus_of(text))
    assert expected in found
    assert (expected[0], expected[1], "member") not in found  # not said twice
    assert (expected[0], "", expected[2]) not in found


def test_after_a_profession_a_place_is_where_someone_is_from():
    corpus = corpus_of("Actor Tom Reed of Boston spoke.")
    assert ("Tom Reed", "Boston", "actor") not in positions(corpus)
    assert ("Tom Reed", "cameFrom", "Boston") in labelled_triples(corpus)


@pytest.mark.parametrize(("text", "expected"), [
    ("Greek prime minister Nikos Varela and energy minister Petros Lamb met the envoy.",
     ("Petros Lamb", "Greece", "energy minister")),
    ("The Greek president and foreign minister, Ada Rell, spoke.",
     ("Ada Rell", "Greece", "foreign minister")),
    ("The Greek president and foreign minister, Ada Rell, spoke.",
     ("Ada Rell", "Greece", "president")),
])
def test_coordinated_titles_share_their_holder(text, expected):
    found = positions(corpus_of(text))
    assert expected in found
    assert (expected[0], "", expected[2]) not in found


def test_a_second_title_with_its_own_holder_keeps_it():
    found = positions(corpus_of(
        "Greek prime minister Nikos Varela and US Treasury Secretary Petros Lamb met."))
    assert ("Petros Lamb", "United States", "treasury secretary") in found
    assert ("Petros Lamb", "Greece", "treasury secretary") not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Conservative MP Owen Tally spoke.", {("Owen Tally", "", "member of parliament"),
                                           ("Owen Tally", "Conservative Party", "member")}),
    ("Dana Pell, the Republican Senate Majority Leader, spoke.",
     {("Dana Pell", "Senate", "majority leader"), ("Dana Pell", "Republican Party", "member")}),
    ("Two Democratic Representatives, Ann Bole and Bill Crane, spoke.",
     {("Ann Bole", "", "representative"), ("Ann Bole", "Democratic Party", "member"),
      ("Bill Crane", "", "representative"), ("Bill Crane", "Democratic Party", "member")}),
    ("Labour leader Hugh Penn spoke.", {("Hugh Penn", "Labour Party", "leader")}),
])
def test_a_party_word_before_a_role_names_the_party(text, expected):
    found = positions(corpus_of(text))
    assert expected <= found
    assert not {p for p in found if p[1] in {"Conservative", "Republican", "Democratic",
                                             "Labour"}}


@pytest.mark.parametrize(("text", "expected"), [
    ("Nora Falk served as the chair of the Lumen Water Committee.",
     ("Nora Falk", "Lumen Water Committee", "chair")),
    ("Nora Falk acted as spokesperson for the Lumen Water Committee.",
     ("Nora Falk", "Lumen Water Committee", "spokesperson")),
    ("Karl Nyberg works at Harbor Grill as a chef.", ("Karl Nyberg", "Harbor Grill", "chef")),
    ("Zara Quill is Acme University's professor of engineering.",
     ("Zara Quill", "Acme University", "professor")),
    ("Tim Bolt was appointed chief executive of Lumen Bank.",
     ("Tim Bolt", "Lumen Bank", "chief executive")),
])
def test_a_role_stated_through_a_verb(text, expected):
    assert expected in positions(corpus_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Carl Webb arrived. His wife, Anna Webb, spoke.", ("Anna Webb", "Carl Webb", "wife")),
    ("Bo Lind, son of Erik Dahl, spoke.", ("Bo Lind", "Erik Dahl", "son")),
    ("Tom Bell died in May. His widow Mia Kest spoke.", ("Mia Kest", "Tom Bell", "widow")),
    ("Senator Carla Mendes arrived. Her running mate, Rob Tine, spoke.",
     ("Rob Tine", "Carla Mendes", "running mate")),
    ("Jon Fell's brother Sam Fell spoke.", ("Sam Fell", "Jon Fell", "brother")),
])
def test_a_relative_is_affiliated_with_a_person(text, expected):
    assert expected in positions(corpus_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Senator Orla Brandt resigned on Monday. The senator's lawyer, Peter Rusk, denied it.",
     ("Peter Rusk", "Orla Brandt", "lawyer")),
    ("Singer Nina Vey cancelled a tour. The singer's manager, Jo Amis, confirmed it.",
     ("Jo Amis", "Nina Vey", "manager")),
])
def test_a_relation_to_a_described_person_is_held_toward_that_person(text, expected):
    assert expected in positions(corpus_of(text))


def test_a_described_person_holds_no_post_that_is_not_toward_a_person():
    text = "Singer Nina Vey cancelled a tour. The singer's drummer, Jo Amis, confirmed it."
    assert not {p for p in positions(corpus_of(text)) if p[1] == "Nina Vey"}


@pytest.mark.parametrize("text", ["The widow Mia Kest spoke.",
                                  "Brother Sam Fell of the Harbor Abbey spoke."])
def test_a_kinship_word_without_a_person_gives_no_fact(text):
    assert not {p for p in positions(corpus_of(text)) if p[2] in {"widow", "brother"}}


@pytest.mark.parametrize(("text", "person", "place"), [
    ("US actor Rolf Ames spoke.", "Rolf Ames", "United States"),
])
def test_a_profession_with_a_country_initialism_is_a_nationality(text, person, place):
    corpus = corpus_of(text)
    assert (person, "cameFrom", place) in labelled_triples(corpus)
    assert not {p for p in positions(corpus) if p[1] == place}
    assert (person, "", "actor") in positions(corpus)  # what a reader notes: an actor


def test_a_second_name_on_one_title_does_not_take_the_first_title():
    found = positions(corpus_of("The talks were attended by Norwegian prime minister Anna "
                                "Berg and energy minister Tomas Lind."))
    assert ("Anna Berg", "Norway", "prime minister") in found
    assert not [p for p in found if p[0] == "Tomas Lind" and p[2] == "prime minister"]


def test_a_title_with_another_person_inside_is_not_given_to_a_later_name():
    found = positions(corpus_of("US president Tom Reyes ousts national security adviser "
                                "Lena Marsh\n\nThe adviser left on Monday."))
    assert not [p for p in found if p[0] == "Lena Marsh" and p[2] == "president"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Coast Guard Lt. Dana Reyes said the boat sank.", ("Dana Reyes", "Coast Guard",
                                                        "lieutenant")),
    ("FAA Administrator Ola Brandt issued the order.", ("Ola Brandt", "FAA", "administrator")),
])
def test_a_role_swallowed_into_an_organisation_name_is_split_off(text, expected):
    corpus = corpus_of(text)
    assert expected in positions(corpus)
    assert not {e.label for e in corpus.entities} & {"Coast Guard Lt", "FAA Administrator"}


def test_an_organisation_ending_in_a_role_word_with_no_name_after_is_kept():
    corpus = corpus_of("The Board of Governors met on Monday.")
    assert "Board of Governors" in {e.label for e in corpus.entities}


@pytest.mark.parametrize(("text", "expected"), [
    ("Democrat Mary Fell and Republican Tom Hart voted.",
     {("Mary Fell", "Democratic Party", "member"), ("Tom Hart", "Republican Party", "member")}),
    ("The president greeted Ohio's governor, Democrat Rick Celt.",
     {("Rick Celt", "Democratic Party", "member"), ("Rick Celt", "Ohio", "governor")}),
])
def test_a_party_noun_before_a_name_is_membership(text, expected):
    assert expected <= positions(corpus_of(text))


def test_a_plain_capitalised_word_before_a_name_is_no_party():
    assert not positions(corpus_of("Yesterday Mary Fell voted."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Sam Kade of the corporate law firm of Dunmore Hale said so.",
     ("Sam Kade", "Dunmore Hale", "member")),
    ("Wen Li at the Institute of Optics has made headway.",
     ("Wen Li", "Institute of Optics", "member")),
    ("Spokesman Dirk Kanz of the smaller Rollei company spoke.",
     ("Dirk Kanz", "Rollei", "spokesperson")),
])
def test_a_person_of_an_organisation_through_a_kind_noun_or_at(text, expected):
    assert expected in positions(corpus_of(text))


def test_coordinated_names_share_their_organisation():
    found = positions(corpus_of("Jim Blake and Dave Welt of Harvard University say so."))
    assert {("Jim Blake", "Harvard University", "member"),
            ("Dave Welt", "Harvard University", "member")} <= found


def test_a_person_at_a_place_is_no_member():
    assert not {p for p in positions(corpus_of("Wen Li at Boston spoke.")) if p[2] == "member"}


def test_a_portfolio_names_its_organisation_with_its_own_preposition():
    found = positions(corpus_of(
        "Jo Emmer, vice president of daytime programs for ABC Entertainment, spoke."))
    assert ("Jo Emmer", "ABC Entertainment", "vice president") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Tom Bell arrived. Mia Kest, his wife, spoke.", {("Mia Kest", "Tom Bell", "wife")}),
    ("Tom Bell arrived. His parents, Anna Webb and Carl Webb, spoke.",
     {("Anna Webb", "Tom Bell", "parent"), ("Carl Webb", "Tom Bell", "parent")}),
])
def test_a_possessive_pronoun_relative_is_the_last_person_named(text, expected):
    found = positions(corpus_of(text))
    assert expected <= found
    assert not {p for p in found if p[0] == p[1]}


@pytest.mark.parametrize(("text", "expected"), [
    ("Linguist Phil Lieber spoke.", ("Phil Lieber", "", "linguist")),
    ("Lumen University geostrategy expert Dan Rothe spoke.",
     ("Dan Rothe", "Lumen University", "expert")),
    ("Physiologist Rae Lind spoke.", ("Rae Lind", "", "physiologist")),
])
def test_professions_come_from_a_broad_lexicon(text, expected):
    assert expected in positions(corpus_of(text))


def test_the_broad_lexicon_holds_professions_not_people_in_general():
    from kg.lexicon import canonical_role, professions
    assert {"linguist", "physiologist", "soprano"} <= professions()
    assert not {canonical_role(w) for w in ("man", "visitor", "guest", "socialist")} - {None}


@pytest.mark.parametrize(("text", "person", "party", "state", "role"), [
    ("Sen. Jake Morrow, R-Utah, voted against the bill.", "Jake Morrow", "Republican Party",
     "Utah", "senator"),
    ("Rep. Ann Lee (D-N.Y.) spoke on Tuesday.", "Ann Lee", "Democratic Party", "New York",
     "representative"),
])
def test_a_party_and_state_tag_gives_party_and_seat(text, person, party, state, role):
    facts = corpus_of(text).facts
    held = {(f.subject.mention.text, f.object.mention.text, f.role_name) for f in facts
            if f.predicate == "affiliatedWith" and f.object is not None}
    assert (person, party, "member") in held
    assert (person, state, role) in held


def test_a_hyphenated_word_after_a_name_is_no_party_tag():
    facts = corpus_of("Rep. Ann Lee, X-Ray expert, spoke on Tuesday.").facts
    assert not [f for f in facts if f.evidence.rule.startswith("party-state-tag")]


@pytest.mark.parametrize(("text", "person", "role", "holder"), [
    ("The strongest critic has been Dana Bolt, chairman of the largest opposition party, "
     "the Social Liberal Party.", "Dana Bolt", "chair", "Social Liberal Party"),
    ("Ernest Boyd, a spokesman for the union and president of Microsoft, spoke.",
     "Ernest Boyd", "president", "Microsoft"),
])
def test_a_title_whose_holder_the_parser_hangs_elsewhere(text, person, role, holder):
    facts = corpus_of(text).facts
    assert (person, role, holder) in {
        (f.subject.mention.text, f.role_name, f.object.mention.text) for f in facts
        if f.predicate == "affiliatedWith" and f.object is not None}


@pytest.mark.parametrize(("text", "person", "role", "holder"), [
    ("The talks were attended by Israeli prime minister Dan Oren and energy minister "
     "Eli Baram, Greek prime minister Nikos Alexiou and energy minister Petros Kallis.",
     "Eli Baram", "energy minister", "Israel"),
    ("A member of the Tunisian Parliament, Samir Haddad said, \"We are ready\".",
     "Samir Haddad", "member", "Tunisian Parliament"),
    ("House of Commons Speaker John Barrow commented on the matter.",
     "John Barrow", "speaker", "House of Commons"),
])
def test_a_title_whose_holder_stands_apart_from_it(text, person, role, holder):
    facts = corpus_of(text).facts
    assert (person, role, holder) in {
        (f.subject.mention.text, f.role_name, f.object.mention.text) for f in facts
        if f.predicate == "affiliatedWith" and f.object is not None}


@pytest.mark.parametrize(("text", "expected"), [
    ("Rosa Lind won the vote. She is the mayor of Tampere.", ("Rosa Lind", "Tampere", "mayor")),
    ("Maria Okafor, who is a member of the Danube Commission, spoke.",
     ("Maria Okafor", "Danube Commission", "member")),
])
def test_a_copula_reads_through_a_pronoun_or_a_relative_clause(text, expected):
    assert expected in positions(corpus_of(text))


def test_serving_in_an_organisation_is_membership_and_serving_in_a_place_is_not():
    assert ("Carl Munk", "US Army", "member") in positions(
        corpus_of("Carl Munk served in the US Army during the war."))
    assert not positions(corpus_of("Carl Munk served in Iraq for two years."))


def test_an_employer_before_a_profession_beats_the_place_of_the_post():
    found = positions(corpus_of(
        "John Hale, a Lumen Weather Service meteorologist in Galveston, said the storm would hit."))
    assert ("John Hale", "Lumen Weather Service", "meteorologist") in found


def test_a_persons_own_party_is_one_they_belong_to_but_not_a_company():
    found = positions(corpus_of("Marta Quinn's Progressive Unity Party won the election."))
    assert ("Marta Quinn", "Progressive Unity Party", "member") in found
    assert not positions(corpus_of("Marta Quinn's Lumen Foods opened a plant."))


@pytest.mark.parametrize(("text", "expected"), [
    # Two coordinated titles before a name: each is the person's, each with its own holder.
    ("Retired Harbor Police detective and crime novelist Ian Moss signed copies.",
     {("Ian Moss", "Harbor Police", "detective")}),
    # The name hangs on the second of two coordinated titles; the first is the person's too.
    ("Lumen University geology expert and former army officer, Pavel Ring, said it would fail.",
     {("Pavel Ring", "Lumen University", "expert")}),
    # A role the lexicon names with its 'of' phrase is no holder-less 'author of the study'.
    ("The letter was signed by Edna Vogt, who is the secretary of state.",
     {("Edna Vogt", "", "secretary of state")}),
    # A demonym before words naming a branch of the state: that country employs the person.
    ("A Chilean army official, Rafael Mena, denied the report.",
     {("Rafael Mena", "Chile", "official")}),
])
def test_coordinated_titles_of_roles_and_state_branches(text, expected):
    assert expected <= positions(corpus_of(text))


def test_a_demonym_before_a_trade_is_no_employer():
    """'a Chilean wine exporter' does not serve Chile: only branches of the state do."""
    found = positions(corpus_of("A Chilean wine official, Rafael Mena, denied the report."))
    assert not any(holder == "Chile" for _, holder, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Orvex financial spokesman Ken Tally said the plan failed.",
     ("Ken Tally", "Orvex", "spokesperson")),
    ("Former Dunlow chief executive Ada Kiel resigned.", ("Ada Kiel", "Dunlow", "chief executive")),
])
def test_a_field_adjective_between_the_employer_and_the_role_keeps_the_employer(text, expected):
    assert expected in positions(corpus_of(text))


def test_a_portfolio_before_a_minister_is_still_no_employer():
    found = positions(corpus_of("Natural Resources Minister Ada Kiel said the plan failed."))
    assert not [p for p in found if p[1]]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Harbor Relief Agency is preparing a brochure, said Robin Woods, a spokeswoman for "
     "the agency.", ("Robin Woods", "Harbor Relief Agency", "spokesperson")),
    ("The Corvex Group cut 200 jobs. The company's chief executive, Ada Kiel, said sales fell.",
     ("Ada Kiel", "Corvex Group", "chief executive")),
])
def test_a_description_of_the_employer_is_the_organisation_named_before(text, expected):
    assert expected in positions(corpus_of(text))


def test_a_description_two_organisations_fit_names_no_employer():
    found = positions(corpus_of("The Corvex Group and the Lumen Bank merged. The company's "
                                "chief executive, Ada Kiel, said sales fell."))
    assert ("Ada Kiel", "", "chief executive") in found
    assert not [p for p in found if p[0] == "Ada Kiel" and p[1]]


def test_a_role_with_an_organisations_service_serves_the_organisation():
    found = positions(corpus_of("Tom Hale, an agricultural engineer with the Varda Agency's "
                                "research service, said so."))
    assert ("Tom Hale", "Varda Agency", "engineer") in found


def test_a_member_of_a_school_an_organisation_owns_is_the_owners_member_too():
    found = positions(corpus_of("Tom Hale of Marvel University's Kessler School of Law wrote "
                                "the paper."))
    assert ("Tom Hale", "Marvel University", "member") in found
    assert ("Tom Hale", "Kessler School of Law", "member") in found


def test_a_description_with_named_is_an_appositive():
    corpus = corpus_of("A Polish chef named Marek Nowak chased the attacker.")
    assert ("Marek Nowak", "", "chef") in positions(corpus)
    assert ("Marek Nowak", "cameFrom", "Poland") in labelled_triples(corpus)


@pytest.mark.parametrize(("text", "expected"), [
    ("Mara Quill, head of the Norvik Alliance peacekeeping forces in the area, said the talks "
     "had ended.", ("Mara Quill", "Norvik Alliance", "head")),
    ("Tomas Brand, director of the Lumen Arts festival, opened the hall.",
     ("Tomas Brand", "Lumen Arts", "director")),
])
def test_a_role_of_a_thing_an_organisation_names_is_held_for_that_organisation(text, expected):
    assert expected in positions(corpus_of(text))


def test_a_place_before_a_plain_noun_holds_no_post():
    # 'the Oslo office' is no region: the place does not employ the manager
    found = positions(corpus_of("Ada Lunde, manager of the Oslo office, left in May."))
    assert not {p for p in found if p[1] == "Oslo"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Rep. Tom Hale, R-Ohio, chairman of the House Energy Committee, said the bill would pass.",
     ("Tom Hale", "House Energy Committee", "chair")),
    ("Sen. Ann Kerr, D-Mont., the ranking member of the Senate Banking Committee, objected.",
     ("Ann Kerr", "Senate Banking Committee", "member")),
])
def test_a_title_after_a_party_state_tag_is_the_politicians(text, expected):
    found = positions(corpus_of(text))
    assert expected in found
    # the tag is no holder of the title and the state holds no committee chair
    assert not {p for p in found if p[2] == expected[2] and p[1] in {"Ohio", "Montana"}}


def test_the_object_of_an_active_naming_verb_holds_the_role_for_whoever_named_them():
    found = positions(corpus_of(
        "The Velmar Group named Ivo Marek its new chief operating officer on Monday."))
    assert ("Ivo Marek", "Velmar Group", "chief operating officer") in found


def test_naming_someone_a_winner_is_no_position():
    found = positions(corpus_of("The jury named Lena Voss the winner of the prize."))
    assert not {p for p in found if p[0] == "Lena Voss" and p[2] == "winner"}


def test_a_holder_before_the_role_beats_a_place_in_its_object():
    found = positions(corpus_of(
        "Nina Holt, Harbor Aid Society relief chairman for the Calder parish, said the "
        "shelters were full."))
    assert not {p for p in found if p[0] == "Nina Holt" and p[1] == "Calder"}


def test_what_an_inventor_invented_does_not_employ_them():
    found = positions(corpus_of("Olaf Brenn, inventor of the Vistar engine, died in 1931."))
    assert not {p for p in found if p[1] == "Vistar"}


def test_a_title_set_before_a_name_after_an_opening_phrase_is_the_names():
    # the parser hangs both the title and the name on 'Radio Nordvik'
    found = positions(corpus_of(
        "Speaking to Radio Nordvik, the president of the Baltic League for Clean Rivers, "
        "Ada Brix, said the plan had failed."))
    assert ("Ada Brix", "Baltic League for Clean Rivers", "president") in found


@pytest.mark.parametrize(("text", "person", "organisation"), [
    ("Norvik Bank is cutting jobs, said Tom Reyes, a company spokesman.", "Tom Reyes",
     "Norvik Bank"),
    ("Harlow Motors recalled 300 cars on Monday. Company spokeswoman Ann Lee said no one was "
     "hurt.", "Ann Lee", "Harlow Motors"),
])
def test_a_kind_noun_before_a_role_stands_for_the_organisation_named_before(
        text, person, organisation):
    assert (person, "affiliatedWith", organisation) in labelled_triples(corpus_of(text))


def test_a_kind_noun_before_a_role_names_no_holder_when_two_could_be_meant():
    facts = labelled_triples(corpus_of(
        "Norvik Bank and Harlow Motors signed a deal, said Tom Reyes, a company spokesman."))
    assert not any(s == "Tom Reyes" and p == "affiliatedWith" and o for s, p, o in facts)


def test_a_kind_noun_with_a_name_before_it_keeps_that_name_as_holder():
    facts = labelled_triples(corpus_of(
        "Harlow Motors sued the paper. Ostin newspaper reporter Dan Pike was named."))
    assert ("Dan Pike", "affiliatedWith", "Harlow Motors") not in facts


def test_a_title_the_recogniser_kept_inside_a_name_is_read():
    # 'Taoiseach Aine Dolan' is one name to the recogniser; the title still says her office
    corpus = corpus_of("The British minister met Taoiseach Aine Dolan in Dublin.")
    facts = [f for f in corpus.facts if f.predicate == "affiliatedWith"]
    assert [f.role_name for f in facts] == ["taoiseach"]
    assert facts[0].evidence.rule.startswith("title-before-name")


def test_a_kind_noun_with_a_place_after_it_is_the_organisation_named_before():
    corpus = corpus_of("The Lumen Water Agency is testing wells, said Nora Vell, a spokeswoman "
                       "for the agency in Tarnow.")
    assert ("Nora Vell", "Lumen Water Agency", "spokesperson") in positions(corpus)


def test_a_kind_noun_that_fits_two_organisations_names_no_holder():
    corpus = corpus_of("Velmar Bank and Lumen Bank cut rates, said Ana Rolf, a spokeswoman "
                       "for the bank in the capital.")
    assert not any(p[0] == "Ana Rolf" and p[1] for p in positions(corpus))


def test_who_after_a_name_speaks_of_that_person_when_the_parse_hangs_it_elsewhere():
    corpus = corpus_of("Bolton often had disagreements with Mara Quill who is the secretary "
                       "of state.")
    assert ("Mara Quill", "", "secretary of state") in positions(corpus)


def test_a_capitalised_second_title_hung_on_the_first_ones_holder_is_read():
    corpus = corpus_of("The then-manager of Harlow Publicity and Director of Tarn Valley "
                       "Tourism Partnership, David Marsh, called it a loss.")
    assert ("David Marsh", "Tarn Valley Tourism Partnership", "director") in positions(corpus)
    assert ("David Marsh", "Harlow Publicity", "manager") in positions(corpus)


def test_a_title_the_parser_makes_a_conjunct_of_the_name_is_its_appositive():
    corpus = corpus_of("The post was about Anna Kowalczyk, the chair and spokesperson for the "
                       "Lumen Party.")
    assert ("Anna Kowalczyk", "Lumen Party", "chair") in positions(corpus)
    assert ("Anna Kowalczyk", "Lumen Party", "spokesperson") in positions(corpus)


def test_a_title_joined_by_and_to_a_name_is_another_persons():
    corpus = corpus_of("The critics were Anna Kowalczyk, the chair of the Lumen Party, and "
                       "the mayor of Tarnow.")
    assert not any(p[0] == "Anna Kowalczyk" and p[2] == "mayor" for p in positions(corpus))


def test_a_second_title_shares_no_post_when_the_first_serves_no_organisation():
    corpus = corpus_of("The post was about Anna Kowalczyk, the chair and spokesperson for "
                       "the clean water campaign.")
    assert not any(p[0] == "Anna Kowalczyk" and p[2] == "spokesperson"
                   for p in positions(corpus))


def test_an_organisation_named_inside_a_role_phrase_is_its_holder():
    corpus = corpus_of("Dana Whitfield, chairman of the Joint Chiefs of Staff, met the "
                       "generals.")
    assert ("Dana Whitfield", "Joint Chiefs of Staff",
            "chairman of the joint chiefs of staff") in positions(corpus)
    plain = corpus_of("Mara Quill, the secretary of state, met the generals.")
    assert ("Mara Quill", "", "secretary of state") in positions(plain)


def test_a_deputy_holds_a_lower_office_than_the_role_after_it():
    corpus = corpus_of("Alex Marsh, deputy director of the Lumen Energy Forum, said prices "
                       "would rise.")
    assert ("Alex Marsh", "Lumen Energy Forum", "deputy director") in positions(corpus)
    assert not any(p[2] == "director" for p in positions(corpus))


def test_a_doctoral_candidate_is_not_a_candidate():
    corpus = corpus_of("The study's author, doctoral candidate Mara Quill, spoke.")
    assert "candidate" not in {p[2] for p in positions(corpus)}
    assert "doctoral candidate" in {p[2] for p in positions(corpus)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Shares rose after Orvane Holdings (OH) chief executive Dana Holt spoke.",
     ("Dana Holt", "Orvane Holdings", "chief executive")),
    ("Support went to the Valmoran Labour Union (VLU) candidate Ines Carro.",
     ("Ines Carro", "Valmoran Labour Union", "candidate")),
])
def test_the_organisation_before_a_bracketed_aside_holds_the_role_after_it(text, expected):
    assert expected in positions(corpus_of(text))


def test_a_place_before_a_bracketed_aside_holds_no_role():
    found = positions(corpus_of("Rain fell on Valmora (a town) where resident Dana Holt lives."))
    assert not [p for p in found if p[1] == "Valmora"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mara Quint, a professor of history and director of the Halden Institute, said the find "
     "was rare.", ("Mara Quint", "Halden Institute", "director")),
    ("Mara Quint, an advocate for patients and chair of the Orvane Health Board, welcomed the "
     "plan.", ("Mara Quint", "Orvane Health Board", "chair")),
])
def test_a_second_title_hung_on_the_first_ones_object_keeps_its_own_holder(text, expected):
    assert expected in positions(corpus_of(text))


def test_a_field_coordinated_with_a_field_is_no_title():
    found = positions(corpus_of("Mara Quint, a professor of history and economics at the "
                                "Halden Institute, spoke."))
    assert not [p for p in found if p[2] == "economics"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Vessel Freight grew fast last year. Its chief executive, Odo Brandt, plans a new depot.",
     ("Odo Brandt", "Vessel Freight", "chief executive")),
    ("Vessel Freight grew fast last year. Odo Brandt, its chief executive, plans a new depot.",
     ("Odo Brandt", "Vessel Freight", "chief executive")),
    ("Vessel Freight said on Monday that its chairman Odo Brandt would step down.",
     ("Odo Brandt", "Vessel Freight", "chair")),
])
def test_its_before_a_title_is_the_organisation_just_told_of(text, expected):
    assert expected in positions(corpus_of(text))


def test_its_before_a_title_after_a_thing_names_no_holder():
    corpus = corpus_of("The old mill grew fast last year. Its manager, Odo Brandt, plans a depot.")
    assert ("Odo Brandt", "", "manager") in positions(corpus)


@pytest.mark.parametrize(("text", "expected"), [
    ("Vessel Freight grew fast. One of the firm's founders, Odo Brandt, plans a depot.",
     ("Odo Brandt", "Vessel Freight", "founder")),
    ("Vessel Freight grew fast. Odo Brandt, one of its founders, plans a new depot.",
     ("Odo Brandt", "Vessel Freight", "founder")),
])
def test_one_of_a_group_of_role_holders_holds_the_role(text, expected):
    assert expected in positions(corpus_of(text))


def test_one_of_a_group_that_is_no_role_is_no_position():
    corpus = corpus_of("Odo Brandt, one of the three children, plans a new depot.")
    assert not any(p[0] == "Odo Brandt" for p in positions(corpus))


@pytest.mark.parametrize("text", [
    "Member of Parliament (MP) Odo Brandt asked for a recount.",
    "On Monday, Member of Parliament (MP) Odo Brandt asked the minister to resign.",
])
def test_a_bracketed_gloss_between_a_title_and_a_name_is_read_through(text):
    assert ("Odo Brandt", "Parliament", "member of parliament") in positions(corpus_of(text))


def test_a_bracket_that_is_no_gloss_of_the_title_is_not_read_through():
    corpus = corpus_of("The club (founded in 1990) Odo Brandt said would close.")
    assert not any(p[0] == "Odo Brandt" for p in positions(corpus))


@pytest.mark.parametrize(("text", "expected"), [
    ("Former bishop and cardinal Piet Olsen denied it.",
     {("Piet Olsen", "", "bishop"), ("Piet Olsen", "", "cardinal")}),
    ("Retired navy officer and security analyst Dan Pruitt spoke.",
     {("Dan Pruitt", "", "officer"), ("Dan Pruitt", "", "analyst")}),
])
def test_two_bare_titles_joined_before_a_name_are_both_held(text, expected):
    assert expected <= positions(corpus_of(text))


def test_titles_joined_after_a_determiner_may_be_two_people():
    found = positions(corpus_of("The president and first lady Ann Hale arrived."))
    assert not any(role == "president" for _, _, role in found)


def test_a_word_ending_the_first_of_two_joined_titles_ends_both():
    corpus = corpus_of("Former bishop and cardinal Piet Olsen denied it.")
    ended = {f.role_name: f.position_ended for f in corpus.facts
             if f.predicate == "affiliatedWith"}
    assert ended.get("bishop") is True and ended.get("cardinal") is True


def test_a_city_before_a_profession_is_not_where_the_person_comes_from():
    """'Oslo lawyer X' says where X works; a nationality ('Polish chef X') says origin."""
    from helpers import corpus_of

    corpus = corpus_of("Polish chef Odile Ferrant opened a cafe. Oslo lawyer Ilan Bessa spoke.")
    labels = {e.entity_id: e.label for e in corpus.entities}
    came = {(labels[f.subject.entity_id or ""], labels.get(f.object.entity_id or "", ""))
            for f in corpus.facts if f.predicate == "cameFrom" and f.object is not None}
    assert not any(person == "Ilan Bessa" for person, _ in came)
    assert any(person == "Odile Ferrant" for person, _ in came)


@pytest.mark.parametrize(("text", "expected"), [
    ("Marta Quill, a senator from Oregon, voted against the bill.",
     ("Marta Quill", "Oregon", "senator")),
    ("Senator from Oregon Marta Quill spoke to reporters on Monday.",
     ("Marta Quill", "Oregon", "senator")),
    ("Lena Marsh, a governor from Idaho, signed the order.", ("Lena Marsh", "Idaho", "governor")),
])
def test_the_place_after_from_is_the_seat_of_a_legislator(text, expected):
    """'a senator from Oregon' names the seat the post is held for: the place is the
    position's holder, not where the person comes from."""
    corpus = corpus_of(text)
    assert expected in positions(corpus)
    assert not any(p == "cameFrom" for _, p, _ in labelled_triples(corpus))


def test_from_after_a_profession_names_no_holder():
    corpus = corpus_of("Chef from Oslo Marta Quill cooked the dinner.")
    assert not any(holder == "Oslo" for _, holder, _ in positions(corpus))


def test_a_seat_and_the_country_before_the_title_are_both_holders():
    positions_ = positions(corpus_of("Marta Quill, a sitting U.S. Senator from Oregon, spoke."))
    assert {("Marta Quill", "Oregon", "senator"),
            ("Marta Quill", "United States", "senator")} <= positions_


@pytest.mark.parametrize(("text", "person"), [
    ("United States Senator from Oregon Tom Reed voted against the bill.", "Tom Reed"),
    ("US Representative from Ohio Dale Verner asked for a recount.", "Dale Verner"),
])
def test_a_country_before_a_seat_title_read_before_the_name_is_a_holder_too(text, person):
    """'United States Senator from Oregon X' before the name, as after it: the seat is the
    state's and the office the country's."""
    found = {(holder, role) for name, holder, role in positions(corpus_of(text)) if name == person}
    assert {("United States", role) for _, role in found} & found
    assert any(holder in {"Oregon", "Ohio"} for holder, _ in found)


def test_a_place_after_a_name_set_beside_a_seat_title_is_the_seat():
    """'The late governor X of Nevada' is parsed with the name beside the title: Nevada is
    the governor's state, not where X comes from."""
    corpus = corpus_of("The late governor Hal Brandt of Nevada was honoured.")
    assert ("Hal Brandt", "Nevada", "governor") in positions(corpus)
    assert ("Hal Brandt", "cameFrom", "Nevada") not in labelled_triples(corpus)


@pytest.mark.parametrize(("text", "body"), [
    ("Republican committee chairman Tom Verlane said the vote would wait.", ""),
    ("Tom Verlane, the Republican chairman of the House Budget Committee, spoke first.",
     "House Budget Committee"),
])
def test_a_party_word_before_another_bodys_chair_says_only_membership(text, body):
    """'Democratic committee chairman X' chairs a committee, not the party: the party word
    says X belongs to it."""
    found = positions(corpus_of(text))
    assert ("Tom Verlane", "Republican Party", "member") in found
    assert ("Tom Verlane", "Republican Party", "chair") not in found
    assert ("Tom Verlane", body, "chair") in found


@pytest.mark.parametrize("text", [
    "Mara Quill was a true Canadian hero.",
    "Football legend Mara Quill opened the stadium.",
    "Mara Quill, a role model for young players, opened the stadium.",
])
def test_a_word_of_praise_is_no_title(text):
    assert not {p for p in positions(corpus_of(text)) if p[0] == "Mara Quill"}


def test_a_name_before_an_employers_kind_noun_is_the_holder():
    """'the head chef of Oslo's Harbor Grill restaurant': the restaurant is the employer even
    when the recogniser reads its name as a place; a bare 'chef Karl Nyberg' elsewhere in the
    article then takes it too."""
    found = positions(corpus_of("Missing chef Karl Nyberg found. Karl Nyberg, the head chef "
                                "of Oslo's Harbor Grill restaurant, had been missing since "
                                "Friday."))
    assert ("Karl Nyberg", "Harbor Grill", "chef") in found
    assert ("Karl Nyberg", "", "chef") not in found


@pytest.mark.parametrize(("text", "person", "country"), [
    ("Bangladeshi Road Transport and Bridges Minister Rahim Karim said the roads would close.",
     "Rahim Karim", "Bangladesh"),
    ("French Economy and Finance Minister Paul Lemaire spoke on Monday.", "Paul Lemaire",
     "France"),
])
def test_a_demonym_opening_a_joined_portfolio_names_the_ministers_country(text, person,
                                                                         country):
    found = positions(corpus_of(text))
    assert any(p == person and h == country and r.endswith("minister") for p, h, r in found)


def test_a_portfolio_with_no_demonym_names_no_holder():
    found = positions(corpus_of("Natural Resources Minister Ann Rowe said the mines would "
                                "close."))
    assert ("Ann Rowe", "", "natural resources minister") in found
@pytest.mark.parametrize(("text", "expected"), [
    ("Orbital Labs engineers Mira Dahl and Tomas Berg repaired the probe.",
     {("Mira Dahl", "Orbital Labs", "engineer"), ("Tomas Berg", "Orbital Labs", "engineer")}),
])
def test_a_plural_title_before_coordinated_names_is_each_names(text, expected):
    assert expected <= positions(corpus_of(text))


def test_a_singular_title_before_the_first_of_two_names_is_not_shared():
    found = positions(corpus_of("Norwegian prime minister Anna Berg and Tomas Lind met."))
    assert ("Anna Berg", "Norway", "prime minister") in found
    assert not [p for p in found if p[0] == "Tomas Lind"]


def test_from_an_organisation_after_a_role_names_its_holder():
    found = positions(corpus_of("Tom Reyes, a columnist from the Daily Clarion, asked."))
    assert ("Tom Reyes", "Daily Clarion", "columnist") in found


def test_from_a_place_after_a_profession_names_no_holder():
    found = positions(corpus_of("Anna Berg, a doctor from Lagos, treated him."))
    assert not [p for p in found if p[1] == "Lagos"]


def test_a_profession_listed_in_the_lexicon_is_read_as_a_title():
    found = positions(corpus_of("Orbital Agency astronauts Mira Dahl and Tomas Berg "
                                "returned on Friday."))
    assert {("Mira Dahl", "Orbital Agency", "astronaut"),
            ("Tomas Berg", "Orbital Agency", "astronaut")} <= found


def test_a_name_compounded_with_an_employer_kind_is_the_holder():
    # 'Harbor Grill' alone is read as a place; 'restaurant' after it makes it the employer
    found = positions(corpus_of("Anna Berg, the head chef of Oslo's Harbor Grill restaurant, "
                                "vanished."))
    assert ("Anna Berg", "Harbor Grill", "chef") in found


@pytest.mark.parametrize("text", [
    "Democratic committee chairman Tom Reyes of Ohio spoke.",
    "Tom Reyes, the Democratic chairman of the Harbor Oversight Committee, died.",
])
def test_a_party_office_held_of_another_body_is_party_membership(text):
    found = positions(corpus_of(text))
    assert ("Tom Reyes", "Democratic Party", "member") in found
    assert ("Tom Reyes", "Democratic Party", "chair") not in found


@pytest.mark.parametrize(("text", "expected"), [
    # a conjunct verb shares its subject with the first one
    ("Olav Brekke joined the council in 1998 and later served as the chairman of the "
     "Nordic Salt Council.", ("Olav Brekke", "Nordic Salt Council", "chair")),
    ("Piet Drost joined Velmor Oil in 2004 and was named chief executive of the company in "
     "2011.", ("Piet Drost", "Velmor Oil", "chief executive")),
    # a participle hung on its clause shares the clause's subject
    ("Olav Brekke stayed on the board for ten years, eventually serving as the chairman of the "
     "Nordic Salt Council.", ("Olav Brekke", "Nordic Salt Council", "chair")),
    # a participle on a name speaks of the name
    ("Olav Brekke, serving as the chairman of the Nordic Salt Council, said the plan failed.",
     ("Olav Brekke", "Nordic Salt Council", "chair")),
    ("The council praised Olav Brekke, named chairman of the Nordic Salt Council last year.",
     ("Olav Brekke", "Nordic Salt Council", "chair")),
])
def test_a_post_stated_by_a_verb_without_its_own_subject_is_its_clauses_subjects(text,
                                                                                 expected):
    assert expected in positions(corpus_of(text))


def test_an_infinitive_of_aim_states_no_post_held():
    found = positions(corpus_of("Olav Brekke moved to Bergen to serve as the chairman of the "
                                "Nordic Salt Council."))
    assert not {p for p in found if p[0] == "Olav Brekke" and p[2] == "chair"}


def test_a_country_glued_to_the_role_by_hyphens_is_its_holder_and_then_ends_it():
    corpus = corpus_of("The dam was finished under then-U.S.-president Walter Brandt in 1979.")
    assert ("Walter Brandt", "United States", "president") in positions(corpus)
    (fact,) = [f for f in corpus.facts if f.role_name == "president"]
    assert fact.position_ended


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian President Ivan Petrov met his Turkish counterpart Emre Kaya in Ankara.",
     {("Emre Kaya", "Turkey", "president")}),
    ("Chancellor Ivan Petrov greeted Emre Kaya, his Turkish counterpart, in Ankara.",
     {("Emre Kaya", "Turkey", "chancellor")}),
    ("Finnish foreign minister Aino Koski and his Danish and Swedish counterparts, Lars Dahl "
     "and Eva Lind, met in Oslo.",
     {("Lars Dahl", "Denmark", "foreign minister"), ("Eva Lind", "Sweden", "foreign minister")}),
])
def test_a_counterpart_holds_the_possessors_office_for_the_demonyms_country(text, expected):
    assert expected <= positions(corpus_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    # three demonyms, the first of which the parser hangs 'his' on, and the names parsed
    # as conjuncts of 'counterparts'
    ("Swedish foreign minister Lars Berg and his Danish, Polish and Irish counterparts, Ole "
     "Holm, Piotr Nowak and Sean Byrne, respectively, met in Oslo on Monday.",
     {("Ole Holm", "Denmark", "foreign minister"), ("Piotr Nowak", "Poland", "foreign minister"),
      ("Sean Byrne", "Ireland", "foreign minister")}),
    # the names after an object's comma, parsed as a modifier of the verb
    ("Swedish finance minister Lars Berg welcomed his Danish and Irish counterparts, Ole Holm "
     "and Sean Byrne, to Oslo.",
     {("Ole Holm", "Denmark", "finance minister"), ("Sean Byrne", "Ireland", "finance minister")}),
])
def test_counterparts_listed_after_a_comma_are_paired_however_the_list_is_parsed(text, expected):
    assert expected <= positions(corpus_of(text))


def test_people_joined_to_counterparts_with_no_comma_are_no_counterparts():
    found = positions(corpus_of("Swedish finance minister Lars Berg praised his Danish "
                                "counterparts and Ole Holm."))
    assert not any(person == "Ole Holm" for person, _, _ in found)


def test_a_title_read_by_word_order_shares_the_holder_of_the_titled_name_before_it():
    """However the parser hangs a list of titled names, each title ends the words before
    its name, and a title with no country shares the one of the titled name before it."""
    found = positions(corpus_of(
        "The meeting was attended by Swedish prime minister Lars Berg and energy minister Ole "
        "Holm, Danish prime minister Piotr Nowak and energy minister Sean Byrne, and Irish "
        "president Carl Webb and energy minister Tom Reed."))
    assert {("Tom Reed", "Ireland", "energy minister"),
            ("Sean Byrne", "Denmark", "energy minister")} <= found


def test_an_organisation_after_from_employs_rather_than_the_country_before_the_role():
    found = positions(corpus_of("Tom Reed, a US sport columnist from the Daily Clarion, wrote "
                                "the piece."))
    assert ("Tom Reed", "Daily Clarion", "columnist") in found
    assert not any(holder == "United States" for _, holder, _ in found)


@pytest.mark.parametrize("text", [
    "The statement was posted to the official Tom Reed fan page.",
    "He wrote on his official Tom Reed account.",
])
def test_a_name_that_modifies_a_noun_takes_no_title_from_the_words_before_it(text):
    assert not positions(corpus_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("President Tom Reed named his elected successor, Carl Webb, on Friday.",
     ("Carl Webb", "Tom Reed", "successor")),
    ("Mayor Ann Webb praised her predecessor Tom Reed.", ("Tom Reed", "Ann Webb", "predecessor")),
])
def test_a_successor_is_a_relation_to_the_person_succeeded(text, expected):
    assert expected in positions(corpus_of(text))


def test_a_successor_of_no_one_named_is_no_position():
    assert not positions(corpus_of("Lumen Bank named a successor, Carl Webb, on Friday."))


@pytest.mark.parametrize("text", [
    "The trial ran at Lumen University. Ann Webb, an associate professor of chemistry, led it.",
    "The trial ran at Lumen University. Ann Webb is a lecturer in law and ethics.",
])
def test_a_field_after_an_academic_title_still_leaves_a_position(text):
    """'a professor of chemistry': the 'of' names the field, not the holder, so the post is
    held all the same, here of the one university the article names."""
    found = positions(corpus_of(text))
    assert any(person == "Ann Webb" and holder == "Lumen University"
               for person, holder, _ in found)


def test_an_unfilled_of_after_another_role_is_still_no_position():
    found = positions(corpus_of("The trial ran at Lumen University. Ann Webb, the author of "
                                "the report, spoke."))
    assert not any(person == "Ann Webb" and holder == "Lumen University"
                   for person, holder, _ in found)


@pytest.mark.parametrize("text", [
    "Ann Webb is the mayor of the city of Denver.",
    "Ann Webb served as the district attorney for the city of Denver.",
    "Ann Webb, the district attorney for the city of Denver, spoke.",
])
def test_a_noun_of_a_place_with_its_name_stands_for_the_place(text):
    found = positions(corpus_of(text))
    assert any(person == "Ann Webb" and holder == "Denver" for person, holder, _ in found)


def test_a_noun_of_a_place_with_no_name_is_no_holder():
    found = positions(corpus_of("Ann Webb is the mayor of a city in the north."))
    assert not any(holder for person, holder, _ in found if person == "Ann Webb")


def test_counterparts_are_paired_with_their_countries_in_order_not_crossed():
    found = positions(corpus_of(
        "Finnish foreign minister Aino Koski and his Danish and Swedish counterparts, Lars "
        "Dahl and Eva Lind, met in Oslo."))
    assert ("Lars Dahl", "Sweden", "foreign minister") not in found
    assert ("Eva Lind", "Denmark", "foreign minister") not in found


def test_a_counterpart_of_someone_with_no_known_office_gives_no_position():
    found = positions(corpus_of("Ivan Petrov met his Turkish counterpart Emre Kaya in Ankara."))
    assert not any(person == "Emre Kaya" and holder == "Turkey" for person, holder, _ in found)


@pytest.mark.parametrize(("text", "person", "party"), [
    ("Paul Varney, a Democrat from Maine, opposed the levy.", "Paul Varney", "Democratic Party"),
    ("A Republican, Mark Fell, voted against the levy.", "Mark Fell", "Republican Party"),
])
def test_a_party_noun_beside_a_name_makes_a_member(text, person, party):
    assert (person, party, "member") in positions(corpus_of(text))


def test_a_relative_named_with_a_far_pronoun_is_kin_of_the_last_person_it_fits():
    found = positions(corpus_of(
        "Leon Marek drowned off the coast in 2015. A photograph of the beach drew attention. "
        "The accident happened during a storm. The storm lasted a week.\n\n"
        "\"This day is very hard for me,\" said his father, Peter Marek, after the service."))
    assert ("Peter Marek", "Leon Marek", "father") in found


def test_a_relatives_pronoun_passes_over_a_person_it_cannot_stand_for():
    found = positions(corpus_of(
        "Leon Marek drowned off the coast in 2015. Reporters spoke to Anna Kowalska. The "
        "accident happened during a storm. The storm lasted a week.\n\n"
        "\"This day is very hard for me,\" said his father, Peter Marek, after the service."))
    assert ("Peter Marek", "Anna Kowalska", "father") not in found


def test_a_plural_title_after_two_names_pairs_its_holders_in_order():
    found = positions(corpus_of(
        "Lars Dahl and Eva Lind, the foreign ministers of Denmark and Sweden respectively, "
        "met in Oslo."))
    assert {("Lars Dahl", "Denmark", "foreign minister"),
            ("Eva Lind", "Sweden", "foreign minister")} <= found
    assert ("Eva Lind", "Denmark", "foreign minister") not in found


def test_plural_demonyms_before_two_names_give_each_its_own_country():
    found = positions(corpus_of(
        "Danish and Swedish foreign ministers Lars Dahl and Eva Lind met in Oslo."))
    assert ("Eva Lind", "Sweden", "foreign minister") in found
    assert ("Eva Lind", "Denmark", "foreign minister") not in found


def test_a_plural_title_before_a_list_of_three_names_is_each_ones():
    found = positions(corpus_of(
        "Representatives Ann Lee, Tom Hart, and Carl Webb signed the letter."))
    assert {("Ann Lee", "", "representative"), ("Tom Hart", "", "representative"),
            ("Carl Webb", "", "representative")} <= found


@pytest.mark.parametrize(("text", "expected"), [
    ("Carl Webb asked the court to question Peter Walsh and his son, Tomas Walsh.",
     ("Tomas Walsh", "Peter Walsh", "son")),
    ("Carl Webb asked the court to question Peter Walsh and his lawyer, Tomas Ferreira.",
     ("Tomas Ferreira", "Peter Walsh", "lawyer")),
    ("Carl Webb met Helen Walsh and her husband, Tomas Walsh.",
     ("Tomas Walsh", "Helen Walsh", "husband")),
])
def test_a_possessive_on_a_conjunct_is_the_person_it_is_joined_to(text, expected):
    found = positions(corpus_of(text))
    assert expected in found
    assert not {p for p in found if p[1] == "Carl Webb"}


def test_a_possessive_of_the_wrong_gender_is_not_the_conjunct():
    found = positions(corpus_of("Carl Webb met Helen Walsh and his son, Tomas Walsh."))
    assert ("Tomas Walsh", "Helen Walsh", "son") not in found


def test_a_plural_title_after_a_list_of_names_is_every_name_s():
    found = positions(corpus_of("Tomas Ferreira, Peter Walsh and Linda Haynes, all nurses at "
                                "Halden Hospital, were injured."))
    assert {(name, "Halden Hospital", "nurse")
            for name in ("Tomas Ferreira", "Peter Walsh", "Linda Haynes")} <= found


def test_a_singular_title_inside_a_list_is_only_its_own_name_s():
    found = positions(corpus_of("Tomas Ferreira, Peter Walsh, the director of Lumen Bank, "
                                "and Linda Haynes were injured."))
    assert ("Peter Walsh", "Lumen Bank", "director") in found
    assert not {p for p in found if p[2] == "director" and p[0] != "Peter Walsh"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Tomas Ferreira, a senior adviser to Peter Walsh, resigned.",
     ("Tomas Ferreira", "Peter Walsh", "adviser")),
    ("Tomas Ferreira, an aide to the Halden Arts Council, resigned.",
     ("Tomas Ferreira", "Halden Arts Council", "aide")),
])
def test_to_names_whom_an_adviser_or_aide_serves(text, expected):
    assert expected in positions(corpus_of(text))


def test_to_after_an_ambassador_is_where_not_whom():
    found = positions(corpus_of("Tomas Ferreira, the Canadian ambassador to Italy, resigned."))
    assert ("Tomas Ferreira", "Canada", "ambassador") in found
    assert not {p for p in found if p[1] == "Italy"}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Halden Legislative Council met on Monday. Council President Tomas Ferreira "
     "adjourned the session.", ("Tomas Ferreira", "Halden Legislative Council", "president")),
    ("The Halden Budget Committee met on Monday. Committee Chair Tomas Ferreira adjourned "
     "the session.", ("Tomas Ferreira", "Halden Budget Committee", "chair")),
])
def test_a_capitalised_kind_word_before_a_title_is_the_organisation_named_before(text,
                                                                                 expected):
    assert expected in positions(corpus_of(text))


def test_a_kind_word_that_two_organisations_fit_names_no_holder():
    found = positions(corpus_of("The Halden Budget Committee and the Lumen Trade Committee "
                                "met. Committee Chair Tomas Ferreira adjourned the session."))
    assert not {p for p in found if p[0] == "Tomas Ferreira" and p[1]}


@pytest.mark.parametrize(("text", "expected"), [
    ("Tomas Ferreira is the chairman and chief executive of Lumen Bank.",
     {("Tomas Ferreira", "Lumen Bank", "chair"),
      ("Tomas Ferreira", "Lumen Bank", "chief executive")}),
    ("Tomas Ferreira is the mayor of Halden and a member of the Lumen Bank board.",
     {("Tomas Ferreira", "Halden", "mayor"), ("Tomas Ferreira", "Lumen Bank", "member")}),
])
def test_coordinated_titles_after_a_copula_are_each_held(text, expected):
    assert expected <= positions(corpus_of(text))


def test_a_party_is_no_holder_of_a_country_office_coordinated_after_its_leader():
    found = positions(corpus_of("In May, Tomas Ferreira became leader of the Lumen Reform "
                                "Party and prime minister."))
    assert ("Tomas Ferreira", "Lumen Reform Party", "leader") in found
    assert ("Tomas Ferreira", "Lumen Reform Party", "prime minister") not in found


def test_a_second_praise_noun_after_a_copula_is_no_post():
    found = positions(corpus_of("Peter Walsh said Tomas Ferreira was a warm man and a "
                                "brilliant artist."))
    assert not {p for p in found if p[2] == "artist"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Harbor Foods hired two chemists, Lena Marsh and Tomas Berg, in May.",
     {("Lena Marsh", "Harbor Foods", "chemist"), ("Tomas Berg", "Harbor Foods", "chemist")}),
    ("The Baltic Water Agency met in Riga. The agency appointed a new treasurer, Greta Holm.",
     {("Greta Holm", "Baltic Water Agency", "treasurer")}),
])
def test_a_role_the_organisation_of_the_clause_staffs_is_held_for_it(text, expected):
    assert expected <= positions(corpus_of(text))


def test_a_person_who_hires_is_no_holder_of_the_role():
    found = positions(corpus_of("Lena Marsh hired two lawyers, Tomas Berg and Ivo Marek."))
    assert not {p for p in found if p[1] == "Lena Marsh"}


def test_a_possessive_after_a_pair_of_names_is_both_names():
    found = positions(corpus_of("Rosa Lind and Anton Lind's father, Karl Lind, spoke to "
                                "reporters on Sunday."))
    assert {("Karl Lind", "Rosa Lind", "father"), ("Karl Lind", "Anton Lind", "father")} <= found


def test_a_shared_possessive_is_read_for_kin_only():
    found = positions(corpus_of("Rosa Lind and Anton Berg's lawyer, Karl Marsh, spoke to "
                                "reporters on Sunday."))
    assert not {p for p in found if p[1] == "Rosa Lind"}


def factualities(text: str) -> dict[str, str]:
    """The factuality of each position fact, by its role name."""
    return {f.role_name or "": f.evidence.factuality.value
            for f in corpus_of(text).facts if f.predicate == "affiliatedWith"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Tomas Ferreira would become the first chairman of Lumen Bank.", "expected"),
    ("Tomas Ferreira may become the mayor of Halden.", "possible"),
    ("Tomas Ferreira became the mayor of Halden in 2010.", "asserted"),
])
def test_a_position_through_a_copula_is_as_sure_as_the_copula(text, expected):
    assert set(factualities(text).values()) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Reportedly, Lena Marsh argued with Tomas Ferreira, who is the chairman of Lumen Bank.",
     "asserted"),
    ("Lena Marsh met Tomas Ferreira, who would become the chairman of Lumen Bank.",
     "expected"),
])
def test_a_relative_clause_title_is_hedged_by_its_own_modal_only(text, expected):
    assert factualities(text).get("chair") == expected
