"""Hostile article inputs get a one-line skip or error, in bounded time, never a traceback.

Each case is a small generated file; the time bound is the harness's (pytest-timeout), never a
threshold on kg's own clock. The cases are listed in the README ('What bad input gets').
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import kill_and_reap, start_with_workers
from hostile_inputs import ARTICLE, BAD_RECORDS, SLOW_ARTICLES, linked_out_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import read_documents

REPO = Path(__file__).resolve().parent.parent


def _run_kg(*args: str, cwd: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *args],
                          cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)


def _one_line(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1, stderr
    return lines[0]


# --- what is read ---------------------------------------------------------------------------


def test_a_symlink_out_of_the_folder_is_not_read_unless_asked(tmp_path):
    corpus, _ = linked_out_corpus(tmp_path)
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")

    report = read_documents([corpus])

    assert [d.source for d in report.documents] == ["a.txt"]
    assert all("secret" not in d.text for d in report.documents)
    assert any(i.startswith("leak.txt (symbolic link out of the folder") for i in report.ignored)
    assert any(i.startswith("dir (symbolic link out of the folder") for i in report.ignored)

    followed = read_documents([corpus], follow_links=True)
    assert any("secret" in d.text for d in followed.documents)


@pytest.mark.timeout(60)
def test_a_symlink_loop_ends_when_links_are_followed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)

    report = read_documents([corpus], follow_links=True)

    assert [d.text for d in report.documents] == [ARTICLE]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_device_named_as_input_is_one_line(tmp_path, kind):
    if kind == "fifo":
        path = tmp_path / "feed.txt"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")

    with pytest.raises(InputError, match="not a regular file"):
        read_documents([path])


@pytest.mark.timeout(30)
def test_a_fifo_in_a_folder_is_ignored_not_opened(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")

    report = read_documents([tmp_path])

    assert [d.source for d in report.documents] == ["a.txt"]
    assert "pipe.txt (not a regular file)" in report.ignored


def test_a_file_over_the_cap_is_refused_after_reading_only_the_cap(tmp_path, monkeypatch):
    from kg import ingest

    monkeypatch.setattr(ingest, "MAX_TEXT_FILE_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 100)
    reads: list[int] = []
    real_read = ingest.os.fdopen

    def counting_fdopen(*args, **kwargs):
        stream = real_read(*args, **kwargs)
        original = stream.read

        def read(size=-1):
            reads.append(size)
            return original(size)

        stream.read = read
        return stream

    monkeypatch.setattr(ingest.os, "fdopen", counting_fdopen)

    with pytest.raises(InputError, match=r"big\.txt: more than 1,000 bytes"):
        read_documents([big])
    assert reads == [1001]


def test_a_document_over_the_character_cap_in_a_folder_is_skipped(tmp_path, monkeypatch):
    from kg import ingest

    monkeypatch.setattr(ingest, "MAX_DOCUMENT_CHARS", 200)
    (tmp_path / "short.txt").write_text(ARTICLE)
    (tmp_path / "long.txt").write_text(ARTICLE * 10)

    report = read_documents([tmp_path])

    assert [d.source for d in report.documents] == ["short.txt"]
    assert any(s.startswith("long.txt:") and "split the file" in s for s in report.skipped)


# --- JSON Lines records -------------------------------------------------------------------




@pytest.mark.timeout(30)
@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
def test_a_hostile_json_lines_record_is_skipped_alone_in_one_line(tmp_path, case):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(BAD_RECORDS[case] + "\n" + json.dumps({"text": ARTICLE}) + "\n")

    report = read_documents([feed])

    assert [d.text for d in report.documents] == [ARTICLE]
    (skip,) = report.skipped
    assert skip.startswith("feed.jsonl:1: ") and skip.endswith("line skipped")
    assert "\n" not in skip


@pytest.mark.timeout(240)
def test_a_lone_surrogate_never_reaches_turtle_as_a_question_mark(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(BAD_RECORDS["a lone surrogate in the text"] + "\n"
                    + json.dumps({"text": ARTICLE, "title": "Talks"}) + "\n")

    result = _run_kg("build", str(feed), "-o", "g.ttl", "--no-validate", "--quiet", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "surrogate" in _one_line(result.stderr)
    graph = (tmp_path / "g.ttl").read_text("utf-8")
    assert "Kim ? in" not in graph and "in Moscow" not in graph and "Vladivostok" in graph


@pytest.mark.timeout(240)
def test_a_file_name_that_is_not_utf8_builds(tmp_path):
    folder = os.fsencode(tmp_path / "corpus")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as stream:
        stream.write(ARTICLE.encode())

    result = _run_kg("build", os.fsdecode(folder), "-o", "x.nt", "--no-validate", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "caf\ufffd.txt" in (tmp_path / "x.nt").read_text("utf-8")


# --- linear time and bounded memory -----------------------------------------------------------




@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", sorted(SLOW_ARTICLES))
def test_a_crafted_article_builds_or_is_skipped_in_bounded_time_and_memory(tmp_path, name):
    article = tmp_path / "in" / name
    article.parent.mkdir()
    article.write_text(SLOW_ARTICLES[name], encoding="utf-8")

    # The harness bounds the time; RLIMIT_AS bounds memory (a few hundred MB over the model).
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30)); "
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-c", limit + "from kg.cli import main; main()", "build",
         str(article.parent), "-o", "g.ttl", "--no-validate"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240, check=False)

    assert "Traceback" not in result.stderr, result.stderr
    if result.returncode == 0:
        assert (tmp_path / "g.ttl").read_text("utf-8").startswith("@prefix")
    else:
        assert len([ln for ln in result.stderr.splitlines() if ln.strip()]) == 1, result.stderr


def test_long_documents_are_parsed_in_chunks_whose_offsets_slice_the_text():
    from kg.ingest import make_document
    from kg.nlp import CHUNK_CHARS, choose_model, parse_documents

    text = ("Vladimir Putin met Kim Jong Un in Vladivostok. " * 1200
            + "Kim boarded his train " * 900 + "\n\nPutin gave Kim a rifle.\n")
    assert len(text) > 2 * CHUNK_CHARS
    document = make_document(text, source="long.txt")

    ((parsed, doc),) = list(parse_documents([document], choose_model()))

    assert parsed is document
    assert len(doc.text) == len(text)
    for token in doc:
        assert text[token.idx:token.idx + len(token.text)] == token.text or token.is_space
    for sentence in doc.sents:
        assert text[sentence.start_char:sentence.end_char].strip()


def test_chunks_end_on_whitespace_and_never_exceed_the_size():
    from kg.nlp import chunk_bounds

    text = "abc defg. Hij klm " * 50 + "x" * 63 + " " + "no stops here " * 30
    bounds = chunk_bounds(text, {0, 18, 36}, size=100)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    for (begin, end), (next_begin, _) in itertools.pairwise(bounds):
        assert end == next_begin and end - begin <= 100
        assert text[end - 1].isspace()


def test_a_document_over_its_time_limit_is_skipped_and_the_build_goes_on(tiny_corpus_dir):
    import kg

    with pytest.raises(InputError, match="no document could be read in time"):
        kg.build_result([tiny_corpus_dir], document_seconds=1e-6)

    result = kg.build_result([tiny_corpus_dir], document_seconds=60)
    assert len(result.corpus.documents) == 2 and not result.skipped


# --- the model -----------------------------------------------------------------------------


def test_a_model_folder_that_is_not_a_pipeline_is_one_line(tmp_path):
    from kg.errors import ModelError
    from kg.nlp import choose_model, load_pipeline

    (tmp_path / "notes.txt").write_text("not a pipeline")
    with pytest.raises(ModelError, match="cannot load spaCy pipeline"):
        load_pipeline(choose_model(str(tmp_path)))
    with pytest.raises(ModelError, match="not installed"):
        choose_model("./no/such/dir")


def test_a_broken_pipeline_config_is_one_line(tmp_path):
    from kg.errors import ModelError
    from kg.nlp import load_pipeline

    (tmp_path / "meta.json").write_text('{"lang": "en", "name": "broken", "version": "1"}')
    (tmp_path / "config.cfg").write_text('[nlp]\nlang = "en"\npipeline = ["parser"]\n\n'
                                         '[components]\n\n[components.parser]\n'
                                         'factory = "no_such_factory"\n')
    with pytest.raises(ModelError) as raised:
        load_pipeline(str(tmp_path))
    assert "\n" not in str(raised.value)


# --- outputs -------------------------------------------------------------------------------


@pytest.mark.timeout(240)
@pytest.mark.parametrize("where", ["the input file", "inside the input folder"])
def test_an_output_is_never_written_over_an_input(tmp_path, where):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = corpus / "a.txt"
    article.write_text(ARTICLE)
    if where == "the input file":
        args = ["build", str(article), "-o", str(article), "--format", "turtle"]
    else:
        args = ["build", str(corpus), "-o", str(corpus / "out" / "g.ttl")]

    result = _run_kg(*args, cwd=tmp_path)

    assert result.returncode == 7
    assert "write the graph elsewhere" in _one_line(result.stderr)
    assert article.read_text() == ARTICLE
    assert not (corpus / "out").exists()


def test_a_failed_rename_puts_back_the_outputs_already_replaced(tmp_path, monkeypatch):
    from kg import export
    from kg.errors import OutputError

    first, second = tmp_path / "graph.ttl", tmp_path / "graph.jsonld"
    first.write_text("old turtle\n")
    second.write_text("old json\n")
    real_replace = export.os.replace
    calls: list[str] = []

    def failing_second(src, dst):
        calls.append(str(dst))
        if str(dst) == str(second):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(export.os, "replace", failing_second)
    with pytest.raises(OutputError, match="no output was changed"):
        export.write_all({first: "new turtle\n", second: "new json\n"})

    assert first.read_text() == "old turtle\n" and second.read_text() == "old json\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.jsonld", "graph.ttl"]


@pytest.mark.timeout(300)
def test_outputs_that_cannot_be_written_leave_the_store_beside_them_as_it_was(tmp_path):
    """The store in a plain output folder switches only once the files are written: a
    graph.jsonld that cannot be written leaves graph.ttl and the store both on the old build."""
    from kg.graphstore import open_store

    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    output = tmp_path / "output"
    first = _run_kg("build", "a.txt", "--no-validate", "-q", "--no-atomic-set", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    turtle = (output / "graph.ttl").read_bytes()
    documents = open_store(output / "store").manifest.documents
    (output / "graph.jsonld").unlink()
    (output / "graph.jsonld").mkdir()  # in the way of the rename
    article.write_text("Kim Jong Un gave Vladimir Putin a rifle in Pyongyang on Friday.\n")

    failed = _run_kg("build", "a.txt", "--no-validate", "-q", "--no-atomic-set", cwd=tmp_path)

    assert failed.returncode == 7
    assert "no output was changed" in _one_line(failed.stderr)
    assert (output / "graph.ttl").read_bytes() == turtle
    assert open_store(output / "store").manifest.documents == documents
    assert not [p.name for p in output.iterdir() if p.name.startswith(".")]


@pytest.mark.timeout(300)
def test_a_store_left_by_a_first_build_that_died_is_taken_over_by_the_next(tmp_path):
    """A first build killed (or failed) while writing its store leaves records, the lock and a
    staged generation but no live one; the next build takes the folder over, never refusing it
    as another program's."""
    from kg.graphstore import CURRENT, RECORDS, open_store

    (tmp_path / "a.txt").write_text(ARTICLE)
    store = tmp_path / "output" / "store"
    (store / RECORDS).mkdir(parents=True)
    (store / RECORDS / "0123.json").write_text("{}")
    (store / "lock").touch()
    (store / "g-99999-x").mkdir()
    (store / f".{CURRENT}.kg99999.tmp").symlink_to("g-99999-x")

    result = _run_kg("build", "a.txt", "--no-validate", "-q", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert list(open_store(store).manifest.documents) == ["a.txt"]
    assert sorted(p.name for p in store.iterdir()) == sorted(
        [CURRENT, RECORDS, "lock", open_store(store).generation.name])


@pytest.mark.timeout(60)
def test_a_folder_of_other_files_is_still_refused_as_a_store(tmp_path):
    from kg.errors import OutputError
    from kg.graphstore import write_store

    (tmp_path / "mine.txt").write_text("not kg's\n")
    with pytest.raises(OutputError, match="not a kg graph store"):
        write_store(tmp_path, None, [], [])  # type: ignore[arg-type]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


def test_temp_files_of_a_killed_run_are_removed_by_the_next(tmp_path):
    from kg.export import write_all

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = tmp_path / f".graph.ttl.kg{dead}.x1y2.tmp"
    stale.write_text("half a graph")
    mine = tmp_path / f".graph.ttl.kg{os.getpid()}.busy.tmp"  # a live process's: kept
    mine.write_text("being written")

    write_all({tmp_path / "graph.ttl": "a graph\n"})

    assert not stale.exists() and mine.exists()
    assert (tmp_path / "graph.ttl").read_text() == "a graph\n"


# --- kills ---------------------------------------------------------------------------------


OUTPUTS = ("graph.ttl", "graph.jsonld", "report.html")  # what `kg build` writes, as one set


def _pair(folder: Path) -> tuple[bytes | None, ...]:
    return tuple((folder / "output" / name).read_bytes()
                 if (folder / "output" / name).exists() else None for name in OUTPUTS)


def _kg_build_process(cwd: Path, corpus: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "build",
                             str(corpus), "--no-validate", "--no-atomic-set"], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.timeout(1200)
def test_a_kill_at_any_moment_leaves_the_previous_or_the_new_pair_whole(tmp_path):
    import random
    import signal
    import time

    from kg.export import remove_stale_temps
    from kg.graphstore import open_store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = corpus / "a.txt"
    versions = [ARTICLE, "Kim Jong Un gave Vladimir Putin a rifle in Pyongyang on Friday.\n"]
    pairs = []
    started = time.monotonic()
    for text in versions:
        article.write_text(text)
        assert _kg_build_process(tmp_path, corpus).wait(timeout=300) == 0
        pairs.append(_pair(tmp_path))
    run_seconds = (time.monotonic() - started) / 2
    assert pairs[0] != pairs[1] and None not in pairs[0] + pairs[1]

    rng = random.Random(13)
    for _ in range(20):
        previous = rng.randrange(2)
        for path, content in zip(OUTPUTS, pairs[previous], strict=True):
            (tmp_path / "output" / path).write_bytes(content)
        article.write_text(versions[1 - previous])
        process = _kg_build_process(tmp_path, corpus)
        time.sleep(rng.uniform(0, run_seconds * 1.1))
        how = rng.choice([signal.SIGTERM, signal.SIGKILL])
        process.send_signal(how)
        process.wait(timeout=120)

        assert _pair(tmp_path) in pairs, f"mixed or half pair after {how!r}"
        # The graph store beside them is all-or-nothing on its own (tests/test_graphstore.py).
        assert open_store(tmp_path / "output" / "store").manifest.documents
        leftovers = [p.name for p in (tmp_path / "output").iterdir()
                     if p.name not in {*OUTPUTS, "store"}]
        if how == signal.SIGTERM:
            assert leftovers == [], leftovers
        else:  # nothing can clean up after SIGKILL; the next run removes what it left
            for name in OUTPUTS:
                remove_stale_temps(tmp_path / "output" / name)
            assert sorted(p.name for p in (tmp_path / "output").iterdir()) == sorted(
                [*OUTPUTS, "store"])


@pytest.mark.timeout(300)
def test_spacy_workers_die_with_a_killed_parent(tmp_path):
    script = (
        "from kg.ingest import make_document\n"
        "from kg.nlp import PARALLEL_FROM, choose_model, parse_documents\n"
        "docs = [make_document(f'Putin met Kim on day {i}.', source=f'{i}.txt')\n"
        "        for i in range(PARALLEL_FROM + 8)]\n"
        "parsed = parse_documents(docs, choose_model())\n"
        "next(parsed)\n"
    )
    parent, children = start_with_workers(script, tmp_path)
    assert len(children) >= 2, "no spaCy workers started"

    alive = kill_and_reap(parent, children)

    assert not alive, f"workers {alive} outlived their parent"


# --- fuzzing -------------------------------------------------------------------------------

WORDS = st.sampled_from(["Putin", "met", "Kim", "in", "Moscow", "gave", "a", "rifle", ".", ",",
                         "(", ")", "[", "]", "![a](", "](", "<", ">", "<!--", "-->", "<div>",
                         "</div>", "<p>", "</p>", "&amp;", "**", "# ", "\n", "\n\n", " ", "\t",
                         "\ud800", "\u2028", "\x00", "“", "—", "2024-05-06", "x" * 70, "(" * 30])
FUZZ_TEXT = st.lists(st.one_of(WORDS, st.text(max_size=4)), max_size=60).map(" ".join)
JSON_VALUE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                                    FUZZ_TEXT), lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(
        ["text", "title", "id", "date", "url", "body"]), inner, max_size=4)), max_leaves=8)


def _record_line(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=True).encode("ascii")


FUZZ_FILES = st.one_of(
    st.tuples(st.just("feed.jsonl"), st.lists(st.one_of(
        JSON_VALUE.map(_record_line), st.binary(max_size=20)), min_size=1, max_size=4)
        .map(b"\n".join)),
    st.tuples(st.sampled_from(["page.html", "note.md", "story.txt"]),
              FUZZ_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
)


@pytest.mark.timeout(300)
@settings(max_examples=150, deadline=10_000, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(case=FUZZ_FILES)
def test_fuzzed_articles_read_or_skip_in_one_line_and_keep_offsets(tmp_path, case):
    name, content = case
    path = tmp_path / name
    path.write_bytes(content)
    try:
        report = read_documents([path])
    except InputError as err:
        assert "\n" not in str(err)
        return
    for skipped in report.skipped:
        assert "\n" not in skipped
    for document in report.documents:
        assert len(document.body) == len(document.text)
        document.text.encode("utf-8")  # no lone surrogate ever reaches a graph


@pytest.mark.timeout(600)
@settings(max_examples=25, deadline=30_000, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=FUZZ_TEXT.filter(lambda t: t.strip()),
       media_type=st.sampled_from(["text/plain", "text/markdown"]))
def test_fuzzed_articles_parse_into_facts_whose_offsets_slice_the_text(text, media_type):
    from kg.extract import extract_document
    from kg.ingest import make_document
    from kg.nlp import choose_model, parse_documents

    try:
        document = make_document(text, source="f.txt", media_type=media_type)
    except InputError:
        return
    for parsed, doc in parse_documents([document], choose_model()):
        result = extract_document(parsed, doc)
        for sentence in result.sentences:
            assert document.text[sentence.start:sentence.end] == sentence.text
        for fact in result.facts:
            evidence = fact.evidence
            assert document.text[evidence.sentence_start:evidence.sentence_end] \
                == evidence.sentence_text
