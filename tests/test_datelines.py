"""Datelines and date stamps: read before parsing, blanked from the body, kept as facts.

kg/datelines.py reads the stamp; kg/extract/datelines.py turns it into mentions and a fact;
kg/rdf.py records it on the article. Every text here is invented for the test.
"""

from __future__ import annotations

import pytest
from helpers import corpus_of, corpus_of_documents, find, labelled_triples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.datelines import blank_spans, is_citation_line, read_dateline, read_stamps
from kg.extract import extract_document
from kg.ingest import clean_body, make_document
from kg.namespaces import SCHEMA
from kg.nlp import choose_model, parse_documents
from kg.rdf import build_dataset, document_iri, entity_iri, union_graph

# --- the reader -----------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "place", "region", "date", "agency"), [
    ("SEOUL, Oct. 19 (Yonhap) -- The ministry opened a port.", "Seoul", None, None, "Yonhap"),
    ("PERUGIA, Italy (AP) — A court freed two students.", "Perugia", "Italy", None, "AP"),
    ("FRESNO, Calif. — Growers sold the harvest early.", "Fresno", "California", None, None),
    ("TUPELO, Miss. (AP) — The mayor opened a library.", "Tupelo", "Mississippi", None, "AP"),
    ("Berlin, 14 March 2024 - The council approved a budget.", "Berlin", None, "2024-03-14",
     None),
    ("WASHINGTON (Reuters) - The Senate passed a bill.", "Washington", None, None, "Reuters"),
    ("NEW YORK, June 3, 2022 — Shares rose.", "New York", None, "2022-06-03", None),
    ("LONDON: The bank raised its rate.", "London", None, None, None),
    ("KOUROU, French Guiana — A rocket lifted off.", "Kourou", "French Guiana", None, None),
    # on a line of its own, ended by the agency and the line break, not a dash
    ("ARDMORE, Oklahoma (AP)\nThe ferry service resumed.", "Ardmore", "Oklahoma", None, "AP"),
    # a nation or a province of a country is a region too (ISO 3166-2)
    ("KELSO, Scotland (PA) — The mill reopened.", "Kelso", "Scotland", None, "PA"),
    ("TIMMINS, Ontario — The mine closed.", "Timmins", "Ontario", None, None),
])
def test_a_dateline_says_where_when_and_through_whom(body, place, region, date, agency):
    dateline = read_dateline(body)
    assert dateline is not None
    assert (dateline.place, dateline.region, dateline.date, dateline.agency) == \
        (place, region, date, agency)
    assert body[dateline.place_start:dateline.place_end].lower() == place.lower()


def test_the_dateline_ends_at_its_dash_and_keeps_its_offsets():
    body = "Harbour deal signed\n\nFRESNO, Calif. — Growers sold the harvest early.\n"
    dateline = read_dateline(body)
    assert dateline is not None
    assert body[dateline.start:dateline.end] == "FRESNO, Calif. —"
    assert body[dateline.region_start:dateline.region_end] == "Calif."


@pytest.mark.parametrize("body", [
    "However, the company said it would sell the plant.",
    "Yesterday, the company sold the plant — for a song.",
    "Meanwhile, Acme Corp. - the buyer - paid cash.",
    "UPDATE: The company sold the plant.",
    "EXCLUSIVE — The company sold the plant.",
    "Note: the figures are unaudited.",
    "Paris: a city of light, a guide for visitors.",
    "the lower-case opening - of a sentence.",
    "Mr. Lund (retired)\nHe sold the plant.",
    "Acme Corp. (ACM)\nShares rose.",
    "",
])
def test_prose_and_labels_are_no_dateline(body):
    assert read_dateline(body) is None


def test_a_stamp_below_the_first_paragraph_opens_a_section_not_the_story():
    body = ("The city council met on Tuesday and approved a new budget for the harbour.\n\n"
            "OSLO — Elsewhere, the ministry spoke.")
    assert read_dateline(body) is None


@pytest.mark.parametrize(("body", "dates"), [
    ("Story text.\n\nLast updated: 12 March 2024", [("2024-03-12", False)]),
    ("Published: March 5, 2021, 10:32 GMT\nStory text.", [("2021-03-05", True)]),
    ("date 2024-06-19 A headline for the story", [("2024-06-19", True)]),
    ("Updated on 2 May 2020\nPosted 1 May 2020", [("2020-05-02", False), ("2020-05-01", True)]),
    ("The deal closed 12 March 2024.", []),
    ("Dates: 12 March 2024 was a Tuesday.", []),
])
def test_date_stamps_are_read_at_a_line_start(body, dates):
    assert [(s.date, s.published) for s in read_stamps(body)] == dates


# --- the document ---------------------------------------------------------------------------


def test_the_body_starts_at_the_lede():
    text = "Growers sell early\n\nFRESNO, Calif. (AP) — Growers sold the harvest early.\n"
    doc = make_document(text, source="t.txt")
    lede = text.index("Growers sold")
    assert doc.body[:lede].split() == ["Growers", "sell", "early"]
    assert doc.body[lede:] == text[lede:]
    assert len(doc.body) == len(text)
    assert doc.dateline is not None and doc.dateline.agency == "AP"


def test_the_date_is_taken_from_the_dateline_then_stamps_then_the_text():
    assert make_document("Berlin, 14 March 2024 - The council met on 1 May 2023.",
                         source="t.txt").date == "2024-03-14"
    assert make_document("Published: 2 May 2020\nThe council met on 1 May 2023.",
                         source="t.txt").date == "2020-05-02"
    assert make_document("The council met on 1 May 2023.\n\nLast updated: 2 June 2023",
                         source="t.txt").date == "2023-05-01"
    footer_only = "The council met on Tuesday.\n" + "It voted.\n" * 80 + "Updated: 2 June 2023"
    assert make_document(footer_only, source="t.txt").date == "2023-06-02"


def test_a_given_date_beats_the_dateline():
    doc = make_document("Berlin, 14 March 2024 - The council met.", source="t.txt",
                        date="2024-03-15")
    assert doc.date == "2024-03-15"


def test_stamps_are_blanked_but_the_title_after_them_stays():
    text = "date 2024-06-19 Harbour authority opens a new port\nThe port opened.\n"
    doc = make_document(text, source="t.txt")
    assert doc.title == "Harbour authority opens a new port"
    assert doc.body.startswith(" " * len("date 2024-06-19"))


# --- extraction -----------------------------------------------------------------------------


def test_the_lede_keeps_its_facts_and_the_dateline_place_is_no_subject():
    corpus = corpus_of("LYON, France (AP) — Acme Corp. bought Beta Ltd. on Monday.")
    assert find(corpus, "organization/acme", "bought", "organization/beta")
    assert {f.subject.entity_id for f in corpus.facts if f.predicate != "locatedIn"} == \
        {"organization/acme"}


def test_a_dateline_place_lies_in_its_region():
    corpus = corpus_of("FRESNO, Calif. — Growers sold the harvest early.")
    (fact,) = find(corpus, "place/fresno", "locatedIn", "place/california")
    evidence = fact.evidence
    assert evidence.rule == "dateline"
    assert evidence.sentence_text == "FRESNO, Calif."
    assert corpus.documents[0].text[evidence.sentence_start:evidence.sentence_end] == \
        evidence.sentence_text
    assert ("Fresno", "locatedIn", "California") in labelled_triples(corpus)


def test_a_dateline_on_a_line_of_its_own_is_read_and_kept_out_of_the_lede():
    corpus = corpus_of("KELSO, Scotland (PA)\nAcme Corp. bought Beta Ltd. on Monday.")
    (fact,) = find(corpus, "place/kelso", "locatedIn", "place/scotland")
    assert fact.evidence.rule == "dateline"
    assert find(corpus, "organization/acme", "bought", "organization/beta")


def test_a_dateline_without_a_region_still_names_its_place():
    corpus = corpus_of("WASHINGTON (Reuters) - The Senate passed a bill.")
    assert "place/washington" in {e.entity_id for e in corpus.entities}
    assert not [f for f in corpus.facts if f.subject.entity_id == "place/washington"]


def test_the_article_records_where_it_was_filed_and_by_whom():
    document = make_document("PERUGIA, Italy (AP) — A court freed two students.",
                             source="t.txt")
    corpus = corpus_of_documents(document)
    graph = union_graph(build_dataset(corpus, "test-model"))
    node = document_iri(document.doc_id)
    assert list(graph.objects(node, SCHEMA.locationCreated)) == [entity_iri("place/perugia")]
    assert [str(o) for o in graph.objects(node, SCHEMA.sourceOrganization)] == ["AP"]


def test_an_article_without_a_dateline_records_no_place():
    document = make_document("The council met on Tuesday.", source="t.txt")
    graph = union_graph(build_dataset(corpus_of_documents(document), "test-model"))
    assert not list(graph.objects(document_iri(document.doc_id), SCHEMA.locationCreated))


# --- odd input ------------------------------------------------------------------------------


_LINE = st.text(alphabet=st.sampled_from(list("ABCFNOSWabcdey .,:;-—–()\n\t0123456789'’")),
                max_size=80)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_LINE, st.text(max_size=200), st.builds(
    lambda place, rest: place + rest,
    st.sampled_from(["FRESNO, Calif. — ", "Berlin, 14 March 2024 - ", "SEOUL (", "X, Y (Z) -",
                     "However, ", "Published: ", "date 2024-13-45 "]), _LINE)))
def test_reading_never_raises_and_never_changes_the_body_length(body):
    dateline = read_dateline(body)
    stamps = read_stamps(body)
    spans = [(s.start, s.end) for s in stamps]
    if dateline is not None:
        assert 0 <= dateline.start <= dateline.place_start < dateline.place_end <= dateline.end
        assert dateline.end <= len(body)
        spans.append((dateline.start, dateline.end))
    blanked = blank_spans(body, spans)
    assert len(blanked) == len(body)
    assert blanked.count("\n") == body.count("\n")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["", "Heading line here now\n\n", "  "]), st.sampled_from(
    ["FRESNO, Calif. (AP) — ", "SEOUL, Oct. 19 (Yonhap) -- ", "Berlin, 14 March 2024 - ",
     "Yesterday, ", "UPDATE: ", "Last updated: 30 February 2024\n", "date 2024-06-19 "]), _LINE)
def test_a_document_with_any_stamp_keeps_its_length_and_its_words_outside_the_stamp(
        head, stamp, rest):
    text = head + stamp + rest + " The council met."
    doc = make_document(text, source="t.txt")
    assert len(doc.body) == len(text)
    assert all(b == t or b == " " for b, t in zip(doc.body, text, strict=True))
    if doc.dateline is not None:  # after the dateline, only the usual cleaning
        after = doc.dateline.end
        assert doc.body[after:] == clean_body(text, "text/plain")[after:]


# --- the citation line of a monitored report ------------------------------------------------


def _based_in(text: str) -> set[tuple[str, str]]:
    """The citation facts extraction reads (before resolution: the recogniser may read
    'Lisbon DIARIO NOVO' as one name, which resolution then keeps whole)."""
    document = make_document(text, source="t.txt", date="2023-09-15")
    (_, doc), = parse_documents([document], choose_model())
    facts = extract_document(document, doc).facts
    return {(f.subject.mention.text, f.object.mention.text) for f in facts
            if f.evidence.rule == "source-line" and f.object is not None}


@pytest.mark.parametrize(("line", "outlet", "city"), [
    ("Lisbon DIARIO NOVO", "DIARIO NOVO", "Lisbon"),
    ("Nairobi KBX-TV", "KBX-TV", "Nairobi"),
    ("Oslo Radio Fjord Network", "Radio Fjord Network", "Oslo"),
])
def test_a_citation_line_places_the_outlet_in_its_city(line, outlet, city):
    assert _based_in(line) == {(outlet, city)}


def test_a_numbered_citation_line_in_a_body_places_the_outlet():
    body = ("Port Reopens After Strike\n\n"
            "KB1203110094 Lisbon DIARIO NOVO in Portuguese 1200 GMT 12 Mar 94\n\n"
            "DIARIO NOVO reported on Friday that the port of Lisbon reopened after the strike.")
    assert _based_in(body) == {("DIARIO NOVO", "Lisbon")}


@pytest.mark.parametrize("text", [
    "Paris Hilton",  # a name, not an outlet: neither in capitals nor an outlet's word
    "Lisbon Rivera opened the NOVA store.",  # prose with a verb
    "Lisbon DIARIO NOVO reported a strike at the port.",  # no report number: prose
])
def test_prose_opening_with_a_city_is_no_citation_line(text):
    assert _based_in(text) == set()


def _resolved_based_in(text: str) -> set[tuple[str, str]]:
    """The citation facts left after resolution, by entity label."""
    corpus = corpus_of(text)
    labels = {e.entity_id: e.label for e in corpus.entities}
    return {(labels[f.subject.entity_id], labels[f.object.entity_id]) for f in corpus.facts
            if f.evidence.rule == "source-line" and f.object is not None
            and f.subject.entity_id and f.object.entity_id}


@pytest.mark.parametrize(("line", "outlet", "city"), [
    ("MB1203110094 Nairobi KBX in English 1200 GMT 12 Mar 94", "KBX", "Nairobi"),
    ("Oslo Radio Fjord Network", "Radio Fjord Network", "Oslo"),
    ("Madrid Radio Iberia International", "Radio Iberia International", "Madrid"),
])
def test_a_citation_line_standing_alone_is_no_headline_and_keeps_its_outlet(line, outlet, city):
    # A whole document of one capitalised line looks like a headline, whose names resolution
    # drops unless the body repeats them; a citation line's names are stated, not misread.
    assert _resolved_based_in(line) == {(outlet, city)}


@pytest.mark.parametrize(("words", "citation"), [
    ("LD0311120294 Moscow Interfax in English 1120 GMT 3 Nov 94", True),
    ("Harvest Improves In Two Provinces KB1203110094 Lisbon DIARIO NOVO in Portuguese", True),
    ("Paris AFP", True),
    ("Oslo Radio Fjord Network", True),
    ("Oslo Mayor Opens New Harbour Bridge", False),
    ("Paris Hilton Opens Her Store", False),
    ("Senate Passes The Budget Bill Tonight", False),
])
def test_a_citation_line_is_told_from_a_headline(words, citation):
    assert is_citation_line(words.split()) is citation
