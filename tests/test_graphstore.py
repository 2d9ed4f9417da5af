"""The graph store (kg/graphstore.py) and incremental builds into it (kg/incremental.py):
what goes in comes back, an update equals a one-go build, a killed update changes nothing."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from kg.cli import main
from kg.errors import GraphError, KgError
from kg.export import serialize
from kg.graphstore import (
    StoreManifest,
    extractor_fingerprint,
    open_store,
    read_dataset,
    record_key,
    stream_to_file,
    write_store,
)
from kg.incremental import build_for_store, save, update_for_store
from kg.rdf import entity_iri

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def _nquads(dataset: Dataset) -> str:
    return serialize(dataset, "nquads")


def _lines(path: Path) -> set[str]:
    """N-Quads or N-Triples lines, spacing before the final dot normalised (rdflib writes two
    spaces where Oxigraph writes one)."""
    return {re.sub(r"\s+\.$", " .", line) for line in path.read_text("utf-8").splitlines()
            if line}


@pytest.fixture(scope="module")
def halves(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seeds split in two folders: three articles, then two."""
    root = tmp_path_factory.mktemp("halves")
    first, second = root / "a", root / "b"
    for folder, seeds in ((first, SEEDS[:3]), (second, SEEDS[3:])):
        folder.mkdir()
        for seed in seeds:
            shutil.copy(seed, folder / seed.name)
    return first, second


@pytest.fixture(scope="module")
def stores(halves, tmp_path_factory) -> dict[str, Path]:
    """'a': a build of the first half; 'a+b': it updated with the second; 'ab': one build of
    both. Kept read-only: tests that write copy them."""
    first, second = halves
    root = tmp_path_factory.mktemp("stores")
    save(root / "a", build_for_store([first]))
    shutil.copytree(root / "a", root / "a+b", symlinks=True)
    save(root / "a+b", update_for_store(root / "a+b", [second]))
    save(root / "ab", build_for_store([first, second]))
    return {name: root / name for name in ("a", "a+b", "ab")}


def _copy(store: Path, target: Path) -> Path:
    shutil.copytree(store, target, symlinks=True)
    return target


# --- what goes in comes back ---------------------------------------------------------------


def test_the_store_gives_back_the_graph_it_was_given(seed_build, tmp_path):
    write_store(tmp_path / "s", StoreManifest(model="m", min_confidence=0, documents={}), (),
                seed_build.dataset)
    back = read_dataset(tmp_path / "s")
    # Byte for byte in kg's sorted N-Quads: every term, every graph, every datatype
    # (nif:beginIndex keeps xsd:nonNegativeInteger, which Oxigraph alone would make integer).
    assert _nquads(back) == _nquads(seed_build.dataset)
    assert serialize(back, "turtle") == serialize(seed_build.dataset, "turtle")


def test_streamed_nquads_and_ntriples_hold_the_same_graph(seed_build, tmp_path):
    write_store(tmp_path / "s", StoreManifest(model="m", min_confidence=0, documents={}), (),
                seed_build.dataset)
    stream_to_file(tmp_path / "s", tmp_path / "g.nq", "nquads")
    stream_to_file(tmp_path / "s", tmp_path / "g.nt", "nt")
    (tmp_path / "kg.nq").write_text(_nquads(seed_build.dataset), "utf-8")
    (tmp_path / "kg.nt").write_text(serialize(seed_build.dataset, "nt"), "utf-8")
    assert _lines(tmp_path / "g.nq") == _lines(tmp_path / "kg.nq")
    assert _lines(tmp_path / "g.nt") == _lines(tmp_path / "kg.nt")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_predicate_with_two_integer_datatypes_is_refused_not_changed(tmp_path):
    dataset = Dataset()
    p = URIRef("https://example.org/p")
    dataset.add((URIRef("https://example.org/a"), p, Literal(1, datatype=XSD.nonNegativeInteger)))
    dataset.add((URIRef("https://example.org/b"), p, Literal(2, datatype=XSD.positiveInteger)))
    with pytest.raises(GraphError, match="2 integer datatypes"):
        write_store(tmp_path / "s", StoreManifest(model="m", min_confidence=0, documents={}),
                    (), dataset)
    assert not (tmp_path / "s" / "current").exists()


def test_a_folder_that_is_not_a_store_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(GraphError, match="not a kg graph store"):
        open_store(tmp_path)
    with pytest.raises(KgError, match="not a kg graph store"):
        write_store(tmp_path, StoreManifest(model="m", min_confidence=0, documents={}), (),
                    Dataset())
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


# --- incremental == one go -----------------------------------------------------------------


def test_an_update_with_the_second_half_equals_one_build_of_both(stores, tmp_path):
    assert _nquads(read_dataset(stores["a+b"])) == _nquads(read_dataset(stores["ab"]))
    # The database itself holds the same quads: its own dump is the same, byte for byte.
    stream_to_file(stores["a+b"], tmp_path / "update.nq", "nquads")
    stream_to_file(stores["ab"], tmp_path / "whole.nq", "nquads")
    assert (tmp_path / "update.nq").read_bytes() == (tmp_path / "whole.nq").read_bytes()
    assert open_store(stores["a+b"]).manifest == open_store(stores["ab"]).manifest


def test_rerunning_an_update_parses_nothing_and_changes_nothing(stores, halves, tmp_path,
                                                                monkeypatch):
    import kg.pipeline

    def no_parsing(*_args, **_kwargs):
        raise AssertionError("an unchanged article was parsed again")

    monkeypatch.setattr(kg.pipeline, "_parse_and_extract", no_parsing)
    store = _copy(stores["a+b"], tmp_path / "s")
    again = update_for_store(store, [halves[1]])
    assert (again.added, again.replaced, len(again.unchanged)) == ((), (), 2)
    save(store, again)
    assert _nquads(read_dataset(store)) == _nquads(read_dataset(stores["ab"]))
    assert sorted(p.name for p in (store / "records").iterdir()) == sorted(
        p.name for p in (stores["ab"] / "records").iterdir())


def test_a_changed_article_replaces_its_old_readings(stores, halves, tmp_path):
    first, second = halves
    changed = tmp_path / "b"
    shutil.copytree(second, changed)
    name = SEEDS[3].name
    (changed / name).write_text("Kim Jong Un gave Vladimir Putin a rifle in Pyongyang.\n",
                                "utf-8")
    store = _copy(stores["a+b"], tmp_path / "s")
    update = update_for_store(store, [changed / name])
    assert (update.added, update.replaced, update.unchanged) == ((), (name,), ())
    said = CliRunner().invoke(main, ["build", "--update", str(_copy(store, tmp_path / "t")),
                                     str(changed / name), "--no-validate", "--quiet"])
    assert said.exit_code == 0, said.output
    assert said.stderr.splitlines() == [f"kg: replaced {name}: its text changed since the "
                                        "store read it; the readings of the old text are "
                                        "dropped"]
    save(store, update)

    whole = build_for_store([first, changed])
    assert _nquads(read_dataset(store)) == _nquads(whole.result.dataset)
    kept_quotes = {str(o) for _, _, o in read_dataset(store).triples((None, None, None))
                   if isinstance(o, Literal)}
    old_sentence = SEEDS[3].read_text("utf-8").split(".")[0]
    assert not any(old_sentence in quote for quote in kept_quotes)
    assert len(list((store / "records").iterdir())) == 5  # the old record is gone


def test_an_article_the_store_has_under_another_name_is_skipped(stores, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(SEEDS[0], copy / "same-text.txt")
    update = update_for_store(stores["ab"], [copy])
    assert update.added == () and update.result.skipped == (
        f"same-text.txt: same document as {SEEDS[0].name} in the store",)
    assert _nquads(update.result.dataset) == _nquads(read_dataset(stores["ab"]))


def test_entity_iris_of_the_first_half_still_name_an_entity_after_the_update(stores):
    first = {URIRef(entity_iri(key)) for key in _entity_keys(stores["a"])}
    subjects = set(read_dataset(stores["a+b"]).subjects())
    assert first and first <= subjects, sorted(first - subjects)[:5]


def _entity_keys(store: Path) -> set[str]:
    from kg.resolve import resolve_corpus

    return {e.entity_id for e in resolve_corpus(open_store(store).records()).entities}


def test_an_update_with_other_settings_is_refused(stores, halves, tmp_path):
    with pytest.raises(KgError, match="--min-confidence"):
        update_for_store(stores["a"], [halves[1]], min_confidence=0.0)


def test_an_update_by_a_kg_that_reads_otherwise_is_refused(stores, halves, tmp_path,
                                                         monkeypatch):
    """Records read by another kg (its code or data changed) would mix two extractions."""
    store = _copy(stores["a"], tmp_path / "s")
    assert open_store(store).manifest.extractor == extractor_fingerprint()
    monkeypatch.setattr("kg.incremental.extractor_fingerprint", lambda: "another-kg")
    with pytest.raises(KgError, match="another version of kg"):
        update_for_store(store, [halves[1]])


def test_a_whole_build_leaves_its_own_readings_for_the_next_update(halves, tmp_path,
                                                                  monkeypatch):
    """The records an older kg read (other code or data, so other readings) of the same
    documents are not this kg's: a whole build files its own and drops theirs."""
    store = tmp_path / "s"
    with monkeypatch.context() as older:
        for module in ("kg.graphstore", "kg.incremental"):
            older.setattr(f"{module}.extractor_fingerprint", lambda: "an-older-kg")
        save(store, build_for_store([halves[0]]))
    for stale in (store / "records").iterdir():  # what the older kg read differs
        stale.write_text(stale.read_text("utf-8").replace('"facts":[', '"facts":[ ', 1),
                         "utf-8")
    build = build_for_store([halves[0]])
    save(store, build)
    written = {f.stem: f.read_text("utf-8") for f in (store / "records").iterdir()}
    assert written == {record_key(r.document, build.manifest.model, build.manifest.min_confidence):
                       r.model_dump_json() for r in build.records}


# --- a killed update -----------------------------------------------------------------------


def _update_process(store: Path, articles: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "build",
                             "--update", str(store), str(articles), "--no-validate"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)


def _answer(store: Path) -> str:
    """What `kg query` says about the store: its documents and facts."""
    result = CliRunner().invoke(main, ["query", str(store), "--format", "csv",
                                       "SELECT (COUNT(DISTINCT ?d) AS ?docs) (COUNT(?f) AS ?n) "
                                       "WHERE { { ?d a schema:NewsArticle } UNION "
                                       "{ ?f kg:supportCount ?s } }"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.timeout(900)
def test_a_killed_update_leaves_the_store_as_it_was(stores, halves, tmp_path):
    before, after = _answer(stores["a"]), _answer(stores["ab"])
    assert before != after
    rng = random.Random(14)
    # Kill when a step's log line appears (parse, extract, resolve, graph: the write comes
    # next), or after a random wait; by SIGTERM (cleans up) or SIGKILL (cannot).
    moments = ["parse", "extract", "graph", "graph", "graph", None, None]
    finished = 0
    for number, moment in enumerate(moments):
        store = _copy(stores["a"], tmp_path / f"s{number}")
        process = _update_process(store, halves[1])
        if moment is None:
            time.sleep(rng.uniform(2, 12))
        else:
            for line in process.stderr:
                if line.startswith(f"kg: {moment}:"):
                    break
            time.sleep(rng.uniform(0, 0.8))
        how = rng.choice([signal.SIGTERM, signal.SIGKILL])
        process.send_signal(how)
        code = process.wait(timeout=120)
        answer = _answer(store)
        if code == 0:
            finished += 1
            assert answer == after
        elif moment in {"parse", "extract"}:
            # Killed long before the swap: nothing of the update is there.
            assert answer == before, f"store changed by an update killed at {moment} ({how!r})"
        else:
            # Killed near the swap: the store is the old one or the new one whole, never a mix
            # (a signal that lands after the rename ends a process whose update is done).
            assert answer in {before, after}, \
                f"store mixed by an update killed at {moment} ({how!r})"
        # Whatever the kill left (a staged generation, records) goes with the next write.
        save(store, update_for_store(store, [halves[1]]))
        assert _answer(store) == after
        generations = [p.name for p in store.iterdir() if p.name.startswith("g-")]
        assert generations == [(store / "current").resolve().name]
        assert not [p for p in store.iterdir() if p.name.endswith(".tmp")]
    assert finished < len(moments)  # the kills did land before the end


# --- the commands --------------------------------------------------------------------------


def test_query_facts_and_entities_read_a_store_as_they_read_its_graph_file(stores, tmp_path):
    graph = tmp_path / "graph.trig"
    assert CliRunner().invoke(main, ["export", str(stores["ab"]), "-o", str(graph)]).exit_code \
        == 0
    for command in (["facts", "{}", "--entity", "putin", "--format", "csv"],
                    ["entities", "{}", "--format", "csv"],
                    ["query", "{}", "--format", "csv",
                     "SELECT ?s ?o WHERE { ?s kg:gave ?o } ORDER BY ?s ?o"]):
        on_store = CliRunner().invoke(main, _fill(command, {"{}": stores["ab"]}))
        on_file = CliRunner().invoke(main, _fill(command, {"{}": graph}))
        assert on_store.exit_code == 0, on_store.output
        assert on_store.stdout == on_file.stdout and on_store.stdout.count("\n") > 1


def test_kg_query_on_a_store_answers_as_on_its_graph_file(stores, tmp_path):
    """The README's queries, an ASK, a direct-triple SELECT (its triple is in two graphs) and
    a CONSTRUCT (whose integers keep their datatype) give the same answer on both."""
    graph = tmp_path / "graph.trig"
    assert CliRunner().invoke(main, ["export", str(stores["ab"]), "-o", str(graph)]).exit_code \
        == 0
    readme = (REPO / "README.md").read_text("utf-8")
    queries = re.findall(r"^\$ kg query \S+ (?:--format \w+ )?'(.+?)'$", readme, re.M | re.S)
    assert len(queries) >= 2
    queries += ["ASK { ?s kg:supportCount 3 }", "SELECT ?s ?o WHERE { ?s kg:gave ?o }",
                "CONSTRUCT { ?s nif:beginIndex ?b ; kg:supportCount ?n } WHERE { "
                "{ ?s nif:beginIndex ?b } UNION { ?s kg:supportCount ?n } }"]
    for sparql in queries:
        on_store = CliRunner().invoke(main, ["query", str(stores["ab"]), "--format", "csv",
                                             sparql])
        on_file = CliRunner().invoke(main, ["query", str(graph), "--format", "csv", sparql])
        assert on_store.exit_code == 0, on_store.output
        store_lines, file_lines = on_store.stdout.splitlines(), on_file.stdout.splitlines()
        assert store_lines[0] == file_lines[0] and len(store_lines) > 1
        assert sorted(store_lines) == sorted(file_lines), sparql[:60]
    refused = CliRunner().invoke(main, ["query", str(stores["ab"]),
                                        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> "
                                        "{ ?s ?p ?o } }"])
    assert refused.exit_code == 4 and "SERVICE" in refused.stderr


def test_kg_export_streams_nquads_from_the_store(stores, tmp_path):
    result = CliRunner().invoke(main, ["export", str(stores["ab"]), "-o", str(tmp_path / "g.nq")])
    assert result.exit_code == 0, result.output
    (tmp_path / "kg.nq").write_text(_nquads(read_dataset(stores["ab"])), "utf-8")
    assert _lines(tmp_path / "g.nq") == _lines(tmp_path / "kg.nq")
    assert result.stdout == f"{len(_lines(tmp_path / 'g.nq'))} quads -> {tmp_path / 'g.nq'}\n"


def test_kg_build_update_says_what_it_did(stores, halves, tmp_path):
    store = _copy(stores["a"], tmp_path / "s")
    result = CliRunner().invoke(main, ["build", "--update", str(store), str(halves[1]),
                                       "--no-validate", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "5 documents (2 added, 0 replaced, 0 unchanged (not parsed again), 3 kept)" \
        in result.stdout
    assert result.stdout.rstrip().endswith(f"-> {store}")
    assert _answer(store) == _answer(stores["ab"])


@pytest.mark.parametrize(("arguments", "message", "code"), [
    (["build", "--update", "{store}"], "--update STORE takes the articles", 2),
    (["build", "--update", "{empty}", "{articles}"], "not a kg graph store", 4),
    (["query", "{empty}", "ASK { ?s ?p ?o }"], "a folder, and not a kg graph store", 4),
    (["export", "{empty}", "-o", "{empty}/x.nq"], "not a kg graph store", 4),
])
def test_store_errors_are_one_line(stores, halves, tmp_path, arguments, message, code):
    (tmp_path / "empty").mkdir()
    values = {"{store}": stores["a"], "{empty}": tmp_path / "empty", "{articles}": halves[1]}
    result = CliRunner().invoke(main, _fill(arguments, values))
    assert result.exit_code == code
    assert message in result.stderr and "Traceback" not in result.output
    if code != 2:
        assert result.stderr.count("\n") == 1


def _fill(arguments: list[str], values: dict[str, Path]) -> list[str]:
    """The arguments with each placeholder ('{store}', or a path prefix as in '{empty}/x.nq')
    replaced; SPARQL's braces are left alone."""
    out = []
    for argument in arguments:
        for name, value in values.items():
            if argument.startswith(name):
                argument = str(value) + argument[len(name):]
        out.append(argument)
    return out


def test_the_readme_store_example_runs_as_shown(tmp_path, monkeypatch):
    """The console block of the README's store section: each `$ kg ...` line is run (in a
    folder with first/ = three seeds, more/ = the other two) and must print the lines shown
    under it."""
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("## The graph store and incremental updates", 1)[1]
    block = section.split("```console\n", 1)[1].split("```", 1)[0]
    for folder, seeds in (("first", SEEDS[:3]), ("more", SEEDS[3:])):
        (tmp_path / folder).mkdir()
        for seed in seeds:
            shutil.copy(seed, tmp_path / folder / seed.name)
    monkeypatch.chdir(tmp_path)
    steps: list[tuple[list[str], list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ kg "):
            steps.append((line[5:].split(), []))
        else:
            steps[-1][1].append(line)
    assert len(steps) >= 4
    for command, shown in steps:
        result = CliRunner().invoke(main, [*command, "--quiet"] if command[0] == "build"
                                    else command)
        assert result.exit_code == 0, (command, result.output)
        assert result.stdout.splitlines() == shown, command
