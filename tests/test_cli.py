"""The kg command: files written, one-line errors with exit codes, readable query output."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset, Graph

from kg import cli
from kg.cli import main
from kg.export import serialize
from kg.namespaces import KG, RDF, RDFS
from kg.rdf import union_graph
from kg.validate import ValidationReport, Violation

PUTIN = "https://w3id.org/kg-news/id/person/vladimir-putin"


def kg(*args: str, **env: str) -> Result:
    return CliRunner(env=env or None).invoke(main, list(args), prog_name="kg")


PROGRESS_LINE = re.compile(r"kg: (parse|extract|resolve|graph|validate|write): .+ in \d+\.\d s")


def _assert_one_line_error(result: Result, code: int, *words: str) -> None:
    """One error line; the log lines of the steps that finished before it (stderr is not a
    terminal here) may precede it."""
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if not PROGRESS_LINE.fullmatch(line)]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error: ")
    for word in words:
        assert word in lines[0]


@pytest.fixture(scope="module")
def good_graph(tiny_build, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("graphs") / "good.ttl"
    path.write_text(serialize(tiny_build.dataset, "turtle"), encoding="utf-8")
    return path


# --- kg build -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "options", "rdflib_format"), [
    ("graph.ttl", [], "turtle"),
    ("graph.jsonld", [], "json-ld"),
    ("graph.out", ["--format", "trig"], "trig"),
    ("graph.data", ["-f", "nquads"], "nquads"),
])
def test_build_writes_the_file_in_the_chosen_format(tiny_build, tiny_corpus_dir, tmp_path, name,
                                                    options, rdflib_format):
    target = tmp_path / name

    result = kg("build", str(tiny_corpus_dir), "-o", str(target), *options, "--quiet")

    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.startswith("2 documents, ")
    assert str(target) in result.stdout
    parsed = Dataset()
    parsed.parse(target, format=rdflib_format)
    assert len(union_graph(parsed)) == len(union_graph(tiny_build.dataset))


def test_build_without_output_writes_turtle_jsonld_and_the_report_under_output(
        tiny_corpus_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", str(tiny_corpus_dir)], prog_name="kg")
    written = sorted(p.name for p in (tmp_path / "output").iterdir())

    assert result.exit_code == 0, result.output
    # A new folder is an output set (kg.outputset): the three files are links through its
    # one pointer, .kg-current, into its one generation.
    assert written == [".kg-current", ".kg-generations", "graph.jsonld", "graph.ttl",
                       "report.html", "store"]
    assert len(list((tmp_path / "output" / ".kg-generations").iterdir())) == 1
    assert "output/report.html" in result.stdout and "output/store" in result.stdout
    page = (tmp_path / "output" / "report.html").read_text(encoding="utf-8")
    assert "Conforms to the kg SHACL shapes" in page
    assert "Kim Jong Un met Vladimir Putin" in page


def test_build_reports_skipped_files_and_still_writes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gift.txt").write_text("Vladimir Putin gave Kim Jong Un a rifle.", encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"caf\xe9")
    target = tmp_path / "graph.ttl"

    result = kg("build", str(corpus), "-o", str(target), "--strict")

    assert result.exit_code == 0, result.output
    assert target.is_file()
    assert "kg: skipped " in result.stderr
    assert "broken.txt" in result.stderr
    assert "1 skipped" in result.stdout


def test_build_reads_other_encodings_unless_strict_and_reports_ignored_files(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gift.txt").write_bytes("Vladimir Putin gave Kim Jong Un a caf\xe9 rifle."
                                      .encode("latin-1"))
    (corpus / "notes.pdf").write_bytes(b"%PDF")
    target = tmp_path / "graph.ttl"

    result = kg("build", str(corpus), "-o", str(target))

    assert result.exit_code == 0, result.output
    assert "kg: skipped" not in result.stderr
    assert "1 documents" in result.stdout
    assert "1 ignored (notes.pdf (unsupported suffix))" in result.stdout


def test_build_skips_a_bad_json_line_and_keeps_the_rest(tmp_path):
    source = tmp_path / "feed.jsonl"
    source.write_bytes(b'{"text": "Putin met Kim."}\n{"text": \n{"text": "Kim met Putin."}\n')
    target = tmp_path / "graph.ttl"

    result = kg("build", str(source), "-o", str(target))

    assert result.exit_code == 0, result.output
    assert "kg: skipped feed.jsonl:2: not valid JSON" in result.stderr
    assert result.stdout.startswith("2 documents")


BAD_INPUTS = {
    "missing": ("missing.txt", None, "no such file"),
    "empty": ("empty.txt", b"", "empty"),
    "binary": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "non-utf-8": ("latin.txt", "Caf\xe9 talks".encode("latin-1"), "UTF-8"),
    "no good json line": ("feed.jsonl", b'{"text": \n{"title": "x"}\n', "feed.jsonl:1"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_build_with_bad_input_fails_with_one_line(tmp_path, case):
    name, content, words = BAD_INPUTS[case]
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    target = tmp_path / "graph.ttl"

    result = kg("build", str(source), "-o", str(target), "--strict")

    _assert_one_line_error(result, 2, name, words)
    assert not target.exists()


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_build_with_a_bad_worker_count_is_a_usage_error(tiny_corpus_dir, tmp_path, value):
    target = tmp_path / "graph.ttl"

    result = kg("build", str(tiny_corpus_dir), "-o", str(target), "--workers", value)

    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "'--workers'" in errors[0]
    assert "Traceback" not in result.output and not target.exists()


def test_build_in_one_worker_writes_what_the_default_workers_write(tiny_build, tiny_corpus_dir,
                                                                   tmp_path):
    target = tmp_path / "graph.nq"

    result = kg("build", str(tiny_corpus_dir), "-o", str(target), "--workers", "1", "--quiet")

    assert result.exit_code == 0, result.output
    assert target.read_text("utf-8") == serialize(tiny_build.dataset, "nquads")


def test_build_with_unknown_output_suffix_asks_for_a_format(tiny_corpus_dir, tmp_path):
    target = tmp_path / "graph.xyz"

    result = kg("build", str(tiny_corpus_dir), "-o", str(target))

    _assert_one_line_error(result, 1, "--format")
    assert not target.exists()


def test_build_rejects_an_unknown_format_choice(tiny_corpus_dir, tmp_path):
    result = kg("build", str(tiny_corpus_dir), "-o", str(tmp_path / "g.ttl"), "--format", "rdfxml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "rdfxml" in result.stderr


def _failing_report(graph: object) -> ValidationReport:
    violation = Violation(focus="urn:fact", label='"Putin gave rifle" <urn:fact>',
                          path="kg:evidence", message="A fact needs evidence.",
                          sentence="Putin gave Kim a rifle.", source="gift.txt")
    return ValidationReport(conforms=False, violations=(violation,))


def test_build_strict_writes_nothing_when_the_graph_violates_the_shapes(
        tiny_corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "validate_graph", _failing_report)
    target = tmp_path / "graph.ttl"
    target.write_text("previous\n", encoding="utf-8")

    result = kg("build", str(tiny_corpus_dir), "-o", str(target), "--strict")

    assert result.exit_code == 5
    assert '"Putin gave rifle"' in result.stderr
    assert result.stderr.splitlines()[-1].startswith("kg: error: ")
    assert target.read_text(encoding="utf-8") == "previous\n"


def test_build_without_strict_reports_violations_and_writes(tiny_corpus_dir, tmp_path,
                                                             monkeypatch):
    monkeypatch.setattr(cli, "validate_graph", _failing_report)
    target = tmp_path / "graph.ttl"

    result = kg("build", str(tiny_corpus_dir), "-o", str(target))

    assert result.exit_code == 0
    assert '"Putin gave rifle"' in result.stderr
    assert target.is_file()


def test_build_no_validate_skips_validation(tiny_corpus_dir, tmp_path, monkeypatch):
    def must_not_run(graph: object) -> ValidationReport:
        raise AssertionError("validate_graph was called")

    monkeypatch.setattr(cli, "validate_graph", must_not_run)

    result = kg("build", str(tiny_corpus_dir), "-o", str(tmp_path / "g.ttl"), "--no-validate")

    assert result.exit_code == 0, result.output


def test_build_logs_one_line_per_step_with_counts_and_seconds(tiny_corpus_dir, tmp_path):
    target = tmp_path / "graph.ttl"

    result = kg("build", str(tiny_corpus_dir), "-o", str(target))

    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert all(PROGRESS_LINE.fullmatch(line) for line in lines), lines
    steps = [line.split(":")[1].strip() for line in lines]
    assert steps == ["parse", "extract", "resolve", "graph", "validate", "write"]
    assert lines[0].startswith("kg: parse: 2 documents in ")
    assert re.fullmatch(r"kg: resolve: \d+ entities, \d+ fact readings in \d+\.\d s", lines[2])
    assert lines[4].startswith("kg: validate: conforms in ")
    assert lines[5].startswith(f"kg: write: {target} in ")
    assert result.stdout.startswith("2 documents, ")


def test_build_quiet_logs_nothing_but_keeps_warnings_and_the_summary(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gift.txt").write_text("Vladimir Putin gave Kim Jong Un a rifle.", encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"caf\xe9")

    result = kg("build", str(corpus), "-o", str(tmp_path / "g.ttl"), "--strict", "-q")

    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [line for line in result.stderr.splitlines()
                                          if line.startswith("kg: skipped ")]
    assert "broken.txt" in result.stderr
    assert result.stdout.startswith("1 documents, ")


def test_build_draws_bars_on_a_terminal(tiny_corpus_dir, tmp_path, monkeypatch):
    from rich.console import Console

    terminal = io.StringIO()
    monkeypatch.setattr(cli, "err_console", Console(file=terminal, force_terminal=True,
                                                    width=100))

    result = kg("build", str(tiny_corpus_dir), "-o", str(tmp_path / "g.ttl"))

    assert result.exit_code == 0, result.output
    assert not PROGRESS_LINE.search(result.stderr)
    drawn = terminal.getvalue()
    for verb in ("parsing", "extracting", "resolving", "building the graph", "validating",
                 "writing"):
        assert verb in drawn


def test_help_lists_every_exit_code():
    from kg.errors import exit_codes

    result = kg("--help")

    assert "Exit codes:" in result.stdout
    for code, meaning in {**exit_codes(), 0: "success", 130: "interrupted"}.items():
        assert re.search(rf"^ +{code} +{re.escape(meaning)}", result.stdout, re.M), code


def test_readme_lists_every_exit_code():
    from kg.errors import exit_codes

    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    for code, meaning in exit_codes().items():
        assert f"| {code} | {meaning}" in readme, code


# --- kg validate --------------------------------------------------------------------------------


def test_validate_accepts_a_good_graph(good_graph):
    result = kg("validate", str(good_graph))

    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout


def test_validate_names_the_fact_behind_a_violation(tiny_build, tmp_path):
    graph = union_graph(tiny_build.dataset)
    statement = sorted(graph.subjects(RDF.type, RDF.Statement))[0]
    label = str(graph.value(statement, RDFS.label))
    graph.remove((statement, KG.evidence, None))
    bad = tmp_path / "bad.nt"
    bad.write_text(graph.serialize(format="nt"), encoding="utf-8")

    result = kg("validate", str(bad))

    assert result.exit_code == 5
    assert "Traceback" not in result.output
    assert f'"{label}"' in result.stderr
    assert "kg:evidence" in result.stderr
    assert result.stderr.splitlines()[-1] == f"kg: error: {bad}: 1 violation(s)"


@pytest.mark.parametrize(("name", "content", "words"), [
    ("missing.ttl", None, "no such graph file"),
    ("broken.ttl", b"<urn:a> <urn:b> .", "cannot parse as turtle"),
    ("graph.csv", b"a,b\n", "unknown RDF suffix"),
])
def test_validate_bad_graph_file_fails_with_one_line(tmp_path, name, content, words):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)

    _assert_one_line_error(kg("validate", str(path)), 4, name, words)


# --- kg query -----------------------------------------------------------------------------------

GAVE = "SELECT ?giver ?label WHERE { ?giver kg:gave ?what ; rdfs:label ?label }"


def test_query_prints_a_table_with_a_row_count(good_graph):
    result = kg("query", str(good_graph), GAVE)

    assert result.exit_code == 0, result.output
    assert "giver" in result.stdout and "label" in result.stdout
    assert "Vladimir Putin" in result.stdout
    assert result.stdout.splitlines()[-1] == "1 row(s)"


def test_query_table_folds_long_iris_instead_of_cutting_them(good_graph):
    result = kg("query", str(good_graph), "SELECT ?giver WHERE { ?giver kg:gave ?what }",
                COLUMNS="30")

    assert result.exit_code == 0, result.output
    cells = [line.strip("│ ") for line in result.stdout.splitlines() if line.startswith("│")]
    assert "".join(cells) == PUTIN


def test_query_csv(good_graph):
    result = kg("query", str(good_graph), GAVE, "--format", "csv")

    assert result.exit_code == 0, result.output
    assert result.stdout == f"giver,label\n{PUTIN},Vladimir Putin\n"


def test_query_json(good_graph):
    result = kg("query", str(good_graph), GAVE, "-f", "json")

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"giver": PUTIN, "label": "Vladimir Putin"}]


def test_query_ask(good_graph):
    result = kg("query", str(good_graph), "ASK { ?a kg:met ?b }", "-f", "csv")
    assert result.stdout == "ask\ntrue\n"


@pytest.mark.parametrize(("sparql", "words"), [
    ("SELEC ?x", "bad SPARQL"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "bad SPARQL"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <file:///etc/hostname> WHERE { ?s ?p ?o }", "FROM"),
])
def test_query_errors_are_one_line(good_graph, sparql, words):
    _assert_one_line_error(kg("query", str(good_graph), sparql), 4, words)


def test_query_construct_prints_turtle(good_graph):
    result = kg("query", str(good_graph), "CONSTRUCT { ?b kg:gaveTo ?a } WHERE { ?a kg:gave ?b }")

    assert result.exit_code == 0, result.output
    answer = Graph().parse(data=result.stdout, format="turtle")
    assert len(answer) > 0
    assert {(str(p), str(o)) for _, p, o in answer} == {(str(KG.gaveTo), PUTIN)}


def test_query_timeout_stops_a_cartesian_product_with_one_line(good_graph):
    product = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"

    _assert_one_line_error(kg("query", str(good_graph), product, "--timeout", "1"), 4,
                           "stopped after 1 s")


def test_query_on_missing_graph_is_one_line(tmp_path):
    _assert_one_line_error(kg("query", str(tmp_path / "nope.ttl"), "ASK {}"), 4, "nope.ttl")


# --- help -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("command", "example"), [
    ([], "kg build articles/ -o out/news.trig"),
    (["build"], "kg build feed.jsonl -o graph.nq --format nquads"),
    (["validate"], "kg validate output/graph.ttl"),
    (["query"], "kg query output/graph.ttl"),
])
def test_help_shows_examples(command, example):
    for flag in ("--help", "-h"):
        result = kg(*command, flag)
        assert result.exit_code == 0
        assert "Example" in result.stdout
        assert example in result.stdout


def test_version():
    result = kg("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("kg, version ")


def test_build_into_a_path_that_cannot_be_a_folder_is_a_one_line_error(tiny_corpus_dir, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")

    result = kg("build", str(tiny_corpus_dir), "-o", str(blocker / "graph.ttl"))

    _assert_one_line_error(result, 7, "cannot write")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_build_never_modifies_its_inputs(tiny_corpus_dir, tmp_path):
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tiny_corpus_dir.rglob("*")
              if p.is_file()}

    result = kg("build", str(tiny_corpus_dir), "-o", str(tmp_path / "g.ttl"))

    assert result.exit_code == 0, result.output
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tiny_corpus_dir.rglob("*")
             if p.is_file()}
    assert after == before


def test_facts_command_lists_facts_as_csv(good_graph):
    result = kg("facts", str(good_graph), "--format", "csv")

    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header == ("subject,predicate,object,roles,support,confidence,factuality,readings,"
                      "kind,subject_iri,predicate_iri,object_iri,fact_iri")
    assert rows


def test_facts_command_on_a_missing_file_is_a_one_line_error(tmp_path):
    _assert_one_line_error(kg("facts", str(tmp_path / "none.ttl")), 4, "none.ttl")


def test_a_document_longer_than_the_parser_takes_is_a_one_line_error(tmp_path, monkeypatch):
    from kg import ingest

    monkeypatch.setattr(ingest, "MAX_DOCUMENT_CHARS", 50)
    article = tmp_path / "long.txt"
    article.write_text("Vladimir Putin met Kim Jong Un in Vladivostok on a sunny Wednesday.",
                       encoding="utf-8")

    result = kg("build", str(article), "-o", str(tmp_path / "g.ttl"))

    _assert_one_line_error(result, 2, "long.txt", "split the file")
    assert not (tmp_path / "g.ttl").exists()


@pytest.mark.parametrize("how", ["option", "environment"])
def test_an_uninstalled_model_is_a_one_line_error(tiny_corpus_dir, tmp_path, how):
    target = str(tmp_path / "g.ttl")
    if how == "option":
        result = kg("build", str(tiny_corpus_dir), "-o", target, "--model", "no_such_pipeline")
    else:
        result = kg("build", str(tiny_corpus_dir), "-o", target, KG_SPACY_MODEL="no_such_pipeline")

    _assert_one_line_error(result, 3, "no_such_pipeline", "not installed")


def test_the_model_can_be_chosen_by_name(tiny_corpus_dir, tmp_path):
    from kg.nlp import choose_model

    result = kg("build", str(tiny_corpus_dir), "-o", str(tmp_path / "g.ttl"),
                "--model", choose_model())

    assert result.exit_code == 0, result.output


def test_build_states_only_facts_above_the_confidence_floor(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Lena Marsh visited Oslo. Green algae absorb carbon and produce oxygen.\n",
                      encoding="utf-8")
    everything = tmp_path / "all.ttl"
    sure = tmp_path / "sure.ttl"
    assert kg("build", str(source), "-o", str(everything), "--min-confidence", "0").exit_code == 0
    assert kg("build", str(source), "-o", str(sure), "--min-confidence", "0.5").exit_code == 0
    count = lambda path: path.read_text("utf-8").count("kg:extractionRule")  # noqa: E731
    assert 0 < count(sure) < count(everything)


def test_entities_lists_names_types_links_and_documents(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Lena Marsh flew to France on Monday. Lena Marsh met Tom Reyes in Paris.\n",
                      encoding="utf-8")
    target = tmp_path / "graph.ttl"
    assert kg("build", str(source), "-o", str(target)).exit_code == 0

    result = kg("entities", str(target), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert rows["Lena Marsh"]["type"] == "Person" and rows["Lena Marsh"]["documents"] == "a.txt"
    assert rows["France"]["links"] == "https://sws.geonames.org/3017382/"
    places = kg("entities", str(target), "--type", "place", "--format", "csv")
    assert "Lena Marsh" not in places.stdout and "France" in places.stdout


def test_build_no_validate_says_so_in_the_report(tiny_corpus_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    result = kg("build", str(tiny_corpus_dir), "--no-validate")

    assert result.exit_code == 0, result.output
    page = (tmp_path / "output" / "report.html").read_text(encoding="utf-8")
    assert "Not validated against the SHACL shapes" in page
    assert "Conforms to the kg SHACL shapes" not in page


def test_entities_show_why_each_alias_was_merged(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Vladimir Putin met Lena Marsh in Paris. Putin thanked Lena Marsh.\n",
                      encoding="utf-8")
    target = tmp_path / "graph.ttl"
    assert kg("build", str(source), "-o", str(target)).exit_code == 0
    result = kg("entities", str(target), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    merged = rows["Vladimir Putin"]["merged because"].split("; ")
    assert "Putin: short-form (1)" in merged and "Vladimir Putin: same-name (1)" in merged


def test_entities_merges_lists_each_merge_and_keep_apart_undoes_it(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Vladimir Putin met Lena Marsh in Paris. Putin thanked Lena Marsh.\n",
                      encoding="utf-8")
    target = tmp_path / "graph.ttl"
    assert kg("build", str(source), "-o", str(target)).exit_code == 0
    result = kg("entities", str(target), "--merges", "--type", "person", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {"name": "Vladimir Putin", "type": "Person", "alias": "Putin",
            "merged because": "short-form", "mentions": "1", "documents": "a.txt",
            "iri": PUTIN} in rows
    assert {r["type"] for r in rows} == {"Person"}

    pairs = tmp_path / "apart.json"
    pairs.write_text('[["putin", "Vladimir Putin"]]', encoding="utf-8")
    for how in (["--keep-apart", "Putin", "vladimir putin"], ["--keep-apart-file", str(pairs)]):
        apart = tmp_path / "apart.ttl"
        assert kg("build", str(source), "-o", str(apart), *how).exit_code == 0
        merges = json.loads(kg("entities", str(apart), "--merges", "--format", "json").stdout)
        putin = {(r["name"], r["alias"]) for r in merges if "Putin" in r["alias"]}
        assert ("Vladimir Putin", "Putin") not in putin and ("Putin", "Putin") in putin


@pytest.mark.parametrize("content", ['{"a": 1}', '[["one"]]', "not json"])
def test_a_bad_keep_apart_file_is_a_one_line_error(tmp_path, content):
    source = tmp_path / "a.txt"
    source.write_text("Lena Marsh flew to France.\n", encoding="utf-8")
    pairs = tmp_path / "apart.json"
    pairs.write_text(content, encoding="utf-8")
    result = kg("build", str(source), "-o", str(tmp_path / "g.ttl"), "--keep-apart-file",
                str(pairs))
    _assert_one_line_error(result, 2, "apart.json", "name pairs")
