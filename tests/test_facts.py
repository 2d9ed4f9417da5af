"""kg.facts and `kg facts`: typed rows, readings that slice the file, entity lookup by any name
part, and a table that reads at 80 columns."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import corpus_of
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kg.cli import main
from kg.errors import GraphError, NoSuchEntity
from kg.export import serialize
from kg.facts import FactRow, ReadingRow, find_entities, list_facts, list_readings
from kg.namespaces import KG, RDF, RDFS, SKOS, XSD
from kg.rdf import build_dataset, union_graph

PUTIN = "https://w3id.org/kg-news/id/person/vladimir-putin"


def kg(*args: str, **env: str) -> Result:
    return CliRunner(env=env or None).invoke(main, list(args), prog_name="kg")


@pytest.fixture(scope="module")
def seeds(seed_build) -> Graph:
    return union_graph(seed_build.dataset)


@pytest.fixture(scope="module")
def seeds_file(seed_build, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("facts") / "seeds.ttl"
    path.write_text(serialize(seed_build.dataset, "turtle"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def occurrences_graph() -> Graph:
    corpus = corpus_of("Deputy minister Jan Kowalski resigned in Krakow on Tuesday. "
                       "Tomas Brandt was arrested on Monday.")
    return union_graph(build_dataset(corpus, "test-model 1.0"))


# --- rows ---------------------------------------------------------------------------------------


def test_a_fact_has_subject_predicate_object_roles_and_typed_numbers(seeds):
    rows = list_facts(seeds)
    gift = next(r for r in rows if (r.subject, r.predicate, r.object)
                == ("Vladimir Putin", "gave", "rifle"))

    assert gift.kind == "statement"
    assert gift.subject_iri == PUTIN
    assert gift.predicate_iri == str(KG.gave)
    assert gift.object_iri == "https://w3id.org/kg-news/id/thing/rifle"
    assert gift.roles["recipient"] == ["Kim Jong Un"]
    assert gift.support == 3 and isinstance(gift.support, int)
    assert isinstance(gift.confidence, float) and 0 < gift.confidence <= 1
    assert gift.factuality == ["asserted"]
    assert gift.readings >= gift.support
    assert len({r.fact_iri for r in rows}) == len(rows)


def test_facts_come_most_supported_then_most_confident_first(seeds):
    keys = [(-r.support, -r.confidence) for r in list_facts(seeds)]
    assert keys == sorted(keys)


def test_an_occurrence_shows_its_agent_as_subject_and_its_theme_as_object(occurrences_graph):
    rows = {r.predicate: r for r in list_facts(occurrences_graph)}

    resigned, arrested = rows["resigned"], rows["arrested"]
    assert (resigned.kind, resigned.subject, resigned.object) == ("occurrence", "Jan Kowalski",
                                                                   None)
    assert resigned.roles["place"] == ["Krakow"] and resigned.object_iri is None
    assert (arrested.kind, arrested.subject, arrested.object) == ("occurrence", None,
                                                                   "Tomas Brandt")
    assert arrested.subject_iri is None


def test_min_support_and_min_confidence_filter_facts(seeds):
    rows = list_facts(seeds)
    threshold = sorted(r.confidence for r in rows)[len(rows) // 2]

    supported = list_facts(seeds, min_support=2)
    confident = list_facts(seeds, min_confidence=threshold)

    assert supported and all(r.support >= 2 for r in supported)
    assert len(supported) == sum(r.support >= 2 for r in rows)
    assert confident and all(r.confidence >= threshold for r in confident)
    assert len(confident) == sum(r.confidence >= threshold for r in rows) < len(rows)


def test_readings_are_one_row_per_evidence_with_a_quote_that_slices_the_file(seeds, seeds_dir):
    facts = list_facts(seeds, entity="Kim Jong-un")
    readings = list_readings(seeds, entity="Kim Jong-un")

    assert len(readings) == sum(f.readings for f in facts)
    assert [r.fact_iri for r in readings] == [f.fact_iri for f in facts for _ in range(f.readings)]
    for reading in readings:
        text = (seeds_dir / reading.file).read_bytes().decode("utf-8")
        assert reading.quote == " ".join(text[reading.begin:reading.end].split())
        assert "\n" not in reading.quote and reading.rule


def test_readings_min_confidence_applies_to_each_reading(seeds):
    everything = list_readings(seeds)
    threshold = sorted(r.confidence for r in everything)[len(everything) // 2]

    kept = list_readings(seeds, min_confidence=threshold)

    assert kept and all(r.confidence >= threshold for r in kept)
    assert len(kept) == sum(r.confidence >= threshold for r in everything)


def test_a_hard_wrapped_quote_is_shown_on_one_line(tiny_build, tiny_corpus_dir):
    graph = union_graph(tiny_build.dataset)
    wrapped = [(r, raw) for r in list_readings(graph)
               for raw in [(tiny_corpus_dir / r.file).read_text("utf-8")[r.begin:r.end]]
               if "\n" in raw]

    assert wrapped
    assert all(r.quote == " ".join(raw.split()) for r, raw in wrapped)


def test_an_ill_typed_number_is_a_graph_error_naming_the_fact():
    graph = Graph()
    fact = URIRef("https://example.org/fact/1")
    graph.add((fact, RDF.type, RDF.Statement))
    graph.add((fact, RDF.predicate, KG.met))
    graph.add((fact, KG.supportCount, Literal("many", datatype=XSD.integer)))
    graph.add((fact, KG.confidence, Literal("0.5", datatype=XSD.decimal)))

    with pytest.raises(GraphError, match=r"fact/1.*supportCount.*'many', not a number"):
        list_facts(graph)


# --- entities by name ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Vladimir", "putin", "VLADIMIR PUTIN", "Vladimir Putin"])
def test_entity_matches_any_name_part_in_any_case(seeds, name):
    rows = list_facts(seeds, entity=name)

    assert rows
    assert all(PUTIN in (r.subject_iri, r.object_iri)
               or any("Vladimir Putin" in values for values in r.roles.values()) for r in rows)


def test_entity_matches_an_alias_with_hyphens_and_accents_folded(seeds):
    by_alias = list_facts(seeds, entity="Kim Jong-un")

    assert by_alias == list_facts(seeds, entity="kim jong un")
    assert {r.fact_iri for r in by_alias} >= {r.fact_iri for r in list_facts(seeds)
                                              if r.subject == "Kim Jong Un"}


def _one_fact_graph(label: str, alias: str) -> tuple[Graph, URIRef]:
    graph = Graph()
    fact, person = URIRef("https://example.org/fact/1"), URIRef("https://example.org/p")
    graph.add((fact, RDF.type, RDF.Statement))
    graph.add((fact, RDF.subject, person))
    graph.add((fact, RDF.predicate, KG.met))
    graph.add((person, RDFS.label, Literal(label)))
    graph.add((person, SKOS.altLabel, Literal(alias)))
    return graph, person


# Letters whose case forms fold alike (not the Turkish dotless i: 'ı'.upper() is 'I').
LETTERS = st.characters(categories=["L"]).filter(
    lambda c: len({c.casefold(), c.upper().casefold(), c.lower().casefold()}) == 1)


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.text(LETTERS, min_size=1, max_size=8), min_size=1, max_size=4),
       data=st.data())
def test_any_run_of_a_names_words_in_any_case_finds_it(words, data):
    graph, person = _one_fact_graph("Someone Else", " ".join(words))
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    query = "-".join(words[start:end])
    query = data.draw(st.sampled_from([query, query.upper(), query.lower(), query.title()]))

    assert person in find_entities(graph, query)


def test_part_of_a_word_is_not_a_match():
    graph, _ = _one_fact_graph("Vladimir Putin", "Putin")
    with pytest.raises(NoSuchEntity):
        find_entities(graph, "Vlad")


def test_an_unknown_entity_suggests_near_names(seeds):
    with pytest.raises(NoSuchEntity) as caught:
        list_facts(seeds, entity="Vladmir Putn")

    message = str(caught.value)
    assert message.startswith("no entity named 'Vladmir Putn'; did you mean ")
    assert "'Vladimir Putin'" in message


def test_an_unknown_entity_with_nothing_near_says_where_to_look(seeds):
    with pytest.raises(NoSuchEntity, match=r"no entity named 'Qqqxz'.*kg entities"):
        list_facts(seeds, entity="Qqqxz")


# --- the command --------------------------------------------------------------------------------


def test_json_keeps_numbers_as_numbers_and_lists_as_lists(seeds_file):
    result = kg("facts", str(seeds_file), "--format", "json")

    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and set(rows[0]) == set(FactRow.model_fields)
    assert all(isinstance(r["support"], int) and isinstance(r["confidence"], float)
               and isinstance(r["factuality"], list) and isinstance(r["roles"], dict)
               for r in rows)
    gift = next(r for r in rows if (r["subject"], r["predicate"], r["object"])
                == ("Vladimir Putin", "gave", "rifle"))
    assert gift["roles"]["recipient"] == ["Kim Jong Un"]


def test_csv_readings_have_file_begin_end_and_quote(seeds_file, seeds_dir):
    result = kg("facts", str(seeds_file), "--readings", "--entity", "putin", "--format", "csv")

    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and list(rows[0]) == list(ReadingRow.model_fields)
    for row in rows:
        text = (seeds_dir / row["file"]).read_bytes().decode("utf-8")
        assert row["quote"] == " ".join(text[int(row["begin"]):int(row["end"])].split())


def test_csv_roles_and_lists_are_one_cell(seeds_file):
    result = kg("facts", str(seeds_file), "--min-support", "2", "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    gift = next(r for r in rows if (r["subject"], r["predicate"], r["object"])
                == ("Vladimir Putin", "gave", "rifle"))
    assert gift["roles"] == "recipient: Kim Jong Un"
    assert all(int(r["support"]) >= 2 for r in rows)


@pytest.mark.parametrize("options", [[], ["--readings"]])
def test_the_table_reads_at_80_columns(seeds, seeds_file, options):
    result = kg("facts", str(seeds_file), "--entity", "putin", *options, COLUMNS="80")

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[-1].endswith(" row(s)")
    words = result.stdout.split()
    # Names wrap between words, never inside one; numbers are never cut.
    rows = list_readings(seeds, entity="putin") if options else list_facts(seeds, entity="putin")
    for row in rows:
        for name in (row.subject, row.object):
            assert all(word in words for word in (name or "").split()), name
        assert f"{row.confidence:g}" in words
        if options:
            assert str(row.begin) in words and str(row.end) in words
    if not options:
        headers = lines[0].split()
        assert headers == ["subject", "predicate", "object", "sup", "conf", "factuality",
                           "roles"]


def test_an_unknown_entity_is_one_line_and_exit_8(seeds_file):
    result = kg("facts", str(seeds_file), "--entity", "Vladmir")

    assert result.exit_code == 8
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: no entity named 'Vladmir'; ")
    assert "did you mean" in lines[0] and "Vladimir" in lines[0]
    assert result.stdout == ""


def test_suggestions_name_each_spelling_once(seeds):
    with pytest.raises(NoSuchEntity) as caught:
        list_facts(seeds, entity="Pesokv")

    suggested = str(caught.value).split("did you mean ", 1)[1].rstrip("?").split(", ")
    assert "'Peskov'" in suggested or "'Dmitry Peskov'" in suggested
    assert len({s.lower() for s in suggested}) == len(suggested)


def _runaway(*_args: object, **_kwargs: object) -> list[FactRow]:
    import time

    time.sleep(600)  # a listing that never ends, as on a huge or crafted graph
    return []


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("command", "lister"), [("facts", "list_facts"),
                                                 ("entities", "list_entities")])
def test_a_runaway_listing_stops_at_the_timeout_in_one_line(seeds_file, monkeypatch, command,
                                                            lister):
    monkeypatch.setattr(f"kg.cli.{lister}", _runaway)

    result = kg(command, str(seeds_file), "--timeout", "1")

    assert result.exit_code == 4, result.output
    assert result.stderr.splitlines() == [f"kg: error: kg {command} stopped after 1 s (raise "
                                          "--timeout to allow more)"]
    assert result.stdout == ""


@pytest.mark.timeout(60)
@pytest.mark.parametrize("command", ["facts", "entities"])
def test_the_timeout_holds_on_a_real_graph_and_errors_still_come_back(seeds_file, command):
    stopped = kg(command, str(seeds_file), "--timeout", "0.001")
    assert stopped.exit_code == 4 and "stopped after 0.001 s" in stopped.stderr

    listed = kg(command, str(seeds_file), "--format", "json")
    assert listed.exit_code == 0 and json.loads(listed.stdout)


def test_an_unknown_entity_comes_back_from_the_worker_as_exit_8(seeds_file):
    result = kg("facts", str(seeds_file), "--entity", "Vladmir", "--timeout", "30")

    assert result.exit_code == 8 and "did you mean" in result.stderr
