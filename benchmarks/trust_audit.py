"""Issue 13 audit: run every reproducer the issue names through the real CLI and tabulate what
kg does now (exit code, stderr lines, traceback or not, seconds, peak RSS, requests that reached a
local HTTP server, whether a file outside the inputs was opened).

Each case runs in a fresh temporary folder under ``timeout`` and ``/usr/bin/time -v``; the cases
that must not reach out also run under ``strace -f -e trace=openat,connect`` so a file opened or a
socket connected is seen, not assumed. The table is written as Markdown; the tests that cover
each case and the README line that lists it are named in the table (checked by hand, kept here so
a rerun keeps them).

    PYTHONPATH=$PWD python benchmarks/trust_audit.py benchmarks/results/trust_audit_<commit>.md
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the inputs the regression tests make (one maker)
from hostile_inputs import (  # noqa: E402
    ARTICLE,
    BAD_RECORDS,
    LAUGHS,
    SLOW_ARTICLES,
    cartesian_graph,
    holding_server,
    linked_out_corpus,
    long_turtle_literal,
    recording_server,
)

SENTENCES = ["Vladimir Putin met Kim Jong Un in Vladivostok on Wednesday.",
             "Kim gave Putin a rifle in Pyongyang.",
             "The two leaders discussed sanctions, trade and the railway to Russia.",
             "Sergei Lavrov said the talks were useful, according to Reuters."]


# --- running one case ------------------------------------------------------------------------


@dataclass
class Outcome:
    rc: int
    seconds: float
    rss_mb: float
    lines: list[str]
    traceback: bool
    requests: int = 0
    secret_opened: bool | None = None
    notes: list[str] = field(default_factory=list)


def run_kg(args: list[str], cwd: Path, limit: float = 240, trace: Path | None = None,
           secret: Path | None = None) -> Outcome:
    timing = cwd / ".time.txt"
    command = ["timeout", "-k", "5", str(limit), "/usr/bin/time", "-v", "-o", str(timing)]
    if trace is not None:
        command += ["strace", "-f", "-qq", "-e", "trace=openat,open,connect", "-o", str(trace)]
    command += [sys.executable, "-c", "from kg.cli import main; main()", *args]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    started = time.monotonic()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          errors="replace", check=False)
    wall = time.monotonic() - started
    report = timing.read_text() if timing.exists() else ""
    timing.unlink(missing_ok=True)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    outcome = Outcome(rc=done.returncode, seconds=wall,
                      rss_mb=int(rss.group(1)) / 1024 if rss else float("nan"), lines=lines,
                      traceback="Traceback" in done.stderr)
    if trace is not None and secret is not None:
        log = trace.read_text(errors="replace")
        outcome.secret_opened = any(str(secret) in ln and "= -1" not in ln
                                    for ln in log.splitlines() if "open" in ln)
    return outcome


def graph_file(folder: Path, suffix: str = ".ttl") -> Path:
    """A real kg graph of one article, built once and copied."""
    cache = WORK / f"base{suffix}"
    if not cache.exists():
        (WORK / "base.txt").write_text(" ".join(SENTENCES) + "\n")
        outcome = run_kg(["build", "base.txt", "-o", cache.name, "--no-validate", "-q"], WORK)
        assert outcome.rc == 0, outcome.lines
    target = folder / f"g{suffix}"
    shutil.copy(cache, target)
    return target


# --- the cases -------------------------------------------------------------------------------


@dataclass
class Case:
    item: str
    name: str
    run: Callable[[Path], Outcome]
    expect: str
    tests: str
    readme: str
    limit: float = 240


CASES: list[Case] = []


def case(item: str, name: str, expect: str, tests: str, readme: str) -> Callable[
        [Callable[[Path], Outcome]], Callable[[Path], Outcome]]:
    def register(function: Callable[[Path], Outcome]) -> Callable[[Path], Outcome]:
        CASES.append(Case(item, name, function, expect, tests, readme))
        return function
    return register


def _query_through(template: str) -> Callable[[Path], Outcome]:
    def run(folder: Path) -> Outcome:
        graph = graph_file(folder)
        with recording_server() as (url, seen):
            outcome = run_kg(["query", str(graph), template.format(url=url)], folder,
                             trace=folder / "trace")
        outcome.requests = len(seen)
        return outcome
    return run


NET = "network and file reads"
for label, template, test in [
    ("SERVICE", "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
     "test_graphfile.py::test_service_and_from_are_refused_before_any_request"),
    ("FROM", "SELECT * FROM <{url}/g.ttl> WHERE {{ ?s ?p ?o }}",
     "test_graphfile.py::test_service_and_from_are_refused_before_any_request"),
    ("FROM NAMED", "SELECT * FROM NAMED <{url}/g.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
     "test_graphfile.py::test_service_and_from_are_refused_before_any_request"),
    ("CONSTRUCT with SERVICE",
     "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
     "test_graphfile.py::test_service_and_from_are_refused_before_any_request"),
    ("INSERT DATA (update)", "INSERT DATA {{ <urn:a> <urn:b> <urn:c> }}",
     "test_query.py::test_bad_sparql_is_a_graph_error"),
    ("LOAD <url> (update)", "LOAD <{url}/g.ttl>",
     "test_query.py::test_bad_sparql_is_a_graph_error"),
]:
    CASES.append(Case(NET, f"kg query {label}", _query_through(template),
                      "one line, exit 4, no request", test,
                      "`SERVICE`, `FROM` or `FROM NAMED`" if "update" not in label
                      else "Updates (`INSERT`, `LOAD`) do not parse"))


@case(NET, "kg query FROM <file:///secret.ttl>", "one line, secret not opened",
      "test_cli.py::test_query_errors_are_one_line",
      "`SERVICE`, `FROM` or `FROM NAMED`")
def _from_file(folder: Path) -> Outcome:
    graph = graph_file(folder)
    secret = folder / "secret.ttl"
    secret.write_text("<urn:secret> <urn:p> <urn:o> .\n")
    return run_kg(["query", str(graph), f"SELECT * FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}"],
                  folder, trace=folder / "trace", secret=secret)


@case(NET, "kg query SERVICE to a hanging endpoint", "one line at once, no connection",
      "test_graphfile.py::test_service_and_from_are_refused_before_any_request",
      "`SERVICE`, `FROM` or `FROM NAMED`")
def _hanging_service(folder: Path) -> Outcome:
    graph = graph_file(folder)
    with holding_server(False) as (url, seen):
        outcome = run_kg(["query", str(graph),
                          f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"], folder,
                         limit=120)
    outcome.requests = len(seen)
    return outcome


def _context_document(reference: object) -> dict[str, object]:
    return {"@context": reference, "@id": "https://w3id.org/kg-news/id/person/vladimir-putin",
            "http://www.w3.org/2000/01/rdf-schema#label": "Vladimir Putin"}


def _remote_context(command: str, shape: str) -> Callable[[Path], Outcome]:
    def run(folder: Path) -> Outcome:
        with recording_server() as (url, seen):
            remote = f"{url}/context.jsonld"
            reference = remote if shape == "@context" else {"@version": 1.1, "@import": remote}
            path = folder / "ctx.jsonld"
            path.write_text(json.dumps(_context_document(reference)))
            args = {"validate": ["validate", str(path)],
                    "query": ["query", str(path), "SELECT * WHERE { ?s ?p ?o }"],
                    "facts": ["facts", str(path)],
                    "load": ["load", str(path), "http://127.0.0.1:9/store"]}[command]
            outcome = run_kg(args, folder, trace=folder / "trace")
        outcome.requests = len(seen)
        return outcome
    return run


for command, shape in [("validate", "@context"), ("query", "@context"), ("facts", "@context"),
                       ("load", "@context"), ("validate", "@import")]:
    CASES.append(Case(NET, f"kg {command}: remote {shape}", _remote_context(command, shape),
                      "one line, no request",
                      "test_graphfile.py::test_remote_json_ld_context_is_refused_and_never_fetched",
                      "`@context` or `@import` names a URL"))


@case(NET, "kg validate: \"@context\": \"file:///…/secret.jsonld\"", "one line, not opened",
      "test_graphfile.py::test_file_context_is_refused_and_the_file_is_not_opened",
      "a `file:` IRI or a relative path")
def _file_context(folder: Path) -> Outcome:
    secret = folder / "secret.jsonld"
    secret.write_text(json.dumps({"@context": {"rdfs": "http://www.w3.org/2000/01/rdf-schema#"}}))
    path = folder / "ctx.jsonld"
    path.write_text(json.dumps(_context_document(secret.as_uri())))
    return run_kg(["validate", str(path)], folder, trace=folder / "trace", secret=secret)


@case(NET, "kg validate: \"@context\": \"file:///etc/passwd\"", "one line, not opened",
      "test_graphfile.py::test_file_context_is_refused_and_the_file_is_not_opened",
      "a `file:` IRI or a relative path")
def _passwd_context(folder: Path) -> Outcome:
    path = folder / "ctx.jsonld"
    path.write_text(json.dumps(_context_document("file:///etc/passwd")))
    return run_kg(["validate", str(path)], folder, trace=folder / "trace",
                  secret=Path("/etc/passwd"))


@case(NET, "kg validate: @context on a hanging server", "one line at once, no connection",
      "test_graphfile.py::test_remote_json_ld_context_is_refused_and_never_fetched",
      "`@context` or `@import` names a URL")
def _hanging_context(folder: Path) -> Outcome:
    with holding_server(False) as (url, seen):
        path = folder / "ctx.jsonld"
        path.write_text(json.dumps(_context_document(f"{url}/ctx.jsonld")))
        outcome = run_kg(["validate", str(path)], folder, limit=120)
    outcome.requests = len(seen)
    return outcome


@case(NET, "kg build: symlink out of the input folder", "built, secret not opened",
      "test_hostile_input.py::test_a_symlink_out_of_the_folder_is_not_read_unless_asked",
      "symbolic links that point out of an")
def _symlink(folder: Path) -> Outcome:
    corpus, secret = linked_out_corpus(folder)
    outcome = run_kg(["build", str(corpus), "-o", "g.ttl", "-q"], folder,
                     trace=folder / "trace", secret=secret)
    if "Xi Jinping" in (folder / "g.ttl").read_text():
        outcome.notes.append("SECRET IN GRAPH")
    return outcome


OUT = "outputs"


@case(OUT, "kg build a.txt -o a.txt", "exit 7, one line, a.txt unchanged",
      "test_hostile_input.py::test_an_output_is_never_written_over_an_input",
      "`-o` equal to an input")
def _over_input(folder: Path) -> Outcome:
    (folder / "a.txt").write_text(ARTICLE)
    outcome = run_kg(["build", "a.txt", "-o", "a.txt", "--format", "turtle"], folder)
    if (folder / "a.txt").read_text() != ARTICLE:
        outcome.notes.append("INPUT OVERWRITTEN")
    return outcome


@case(OUT, "kg build corpus/ -o corpus/out/g.ttl", "exit 7, one line, nothing written",
      "test_hostile_input.py::test_an_output_is_never_written_over_an_input",
      "or inside an input folder")
def _inside_input(folder: Path) -> Outcome:
    (folder / "corpus").mkdir()
    (folder / "corpus" / "a.txt").write_text(ARTICLE)
    outcome = run_kg(["build", "corpus", "-o", "corpus/out/g.ttl"], folder)
    if (folder / "corpus" / "out").exists():
        outcome.notes.append("WROTE INSIDE INPUT")
    return outcome


@case(OUT, "kg build: graph.jsonld cannot be written (a folder in its place)",
      "exit 7, graph.ttl and the store still the old build, no temp file",
      "test_hostile_input.py::test_a_failed_rename_puts_back_the_outputs_already_replaced; "
      "test_hostile_input.py::test_outputs_that_cannot_be_written_leave_the_store_beside_them"
      "_as_it_was", "if a rename fails the files already replaced are put back")
def _half_pair(folder: Path) -> Outcome:
    from kg.graphstore import open_store

    (folder / "a.txt").write_text(ARTICLE)
    output = folder / "output"
    first = run_kg(["build", "a.txt", "--no-atomic-set", "-q"], folder)
    assert first.rc == 0, first.lines
    turtle = (output / "graph.ttl").read_bytes()
    documents = open_store(output / "store").manifest.documents
    (output / "graph.jsonld").unlink()
    (output / "graph.jsonld").mkdir()
    (folder / "a.txt").write_text(SENTENCES[1] + "\n")
    outcome = run_kg(["build", "a.txt", "--no-atomic-set", "-q"], folder)
    if (output / "graph.ttl").read_bytes() != turtle:
        outcome.notes.append("GRAPH.TTL REPLACED")
    outcome.notes.append("store unchanged" if open_store(output / "store").manifest.documents
                         == documents else "STORE SWITCHED")
    stray = [p.name for p in output.iterdir() if p.name.startswith(".")]
    if stray:
        outcome.notes.append(f"left {stray}")
    return outcome


@case(OUT, "kg build: store folder left by a first build killed mid-write",
      "built, the folder taken over",
      "test_hostile_input.py::test_a_store_left_by_a_first_build_that_died_is_taken_over_by"
      "_the_next", "leaves a folder the next build takes over")
def _dead_first_store(folder: Path) -> Outcome:
    (folder / "a.txt").write_text(ARTICLE)
    store = folder / "output" / "store"
    (store / "records").mkdir(parents=True)
    (store / "lock").touch()
    (store / "g-99999-x").mkdir()
    return run_kg(["build", "a.txt", "-q"], folder)


@case(OUT, "default kg build into the plain output/ an older kg left (files + store)",
      "built; the folder taken over as one output set, the store switched with it",
      "test_outputset.py::test_kg_build_killed_at_random_moments_leaves_one_whole_set_for_any"
      "_reader", "A folder of plain files is taken over")
def _plain_taken_over(folder: Path) -> Outcome:
    from kg import outputset

    (folder / "a.txt").write_text(ARTICLE)
    output = folder / "output"
    first = run_kg(["build", "a.txt", "--no-atomic-set", "-q"], folder)
    assert first.rc == 0, first.lines
    (folder / "a.txt").write_text(SENTENCES[1] + "\n")
    outcome = run_kg(["build", "a.txt", "-q"], folder)
    names = ("graph.ttl", "graph.jsonld", "report.html")
    links = all(os.readlink(output / n) == f"{outputset.CURRENT}/{n}" for n in names
                if (output / n).is_symlink())
    outcome.notes.append("a set" if outputset.is_set_folder(output) and links else "NOT A SET")
    outcome.notes.append("store switched with it" if outputset.binds(output / "store" / "current")
                         else "STORE ON ITS OWN")
    stray = [p.name for p in output.iterdir() if p.name.endswith(".tmp")]
    if stray:
        outcome.notes.append(f"left {stray}")
    return outcome


CRASH = "the 9 crashes"


def _build_jsonl(record: str) -> Callable[[Path], Outcome]:
    def run(folder: Path) -> Outcome:
        (folder / "feed.jsonl").write_text(record + "\n" + json.dumps({"text": ARTICLE}) + "\n")
        return run_kg(["build", "feed.jsonl", "-o", "g.ttl", "-q"], folder)
    return run


for label, record in [
    ("JSONL nested 3,000 deep", BAD_RECORDS["nested 3,000 deep"]),
    ("JSONL integer of 5,000 digits", BAD_RECORDS["a 5,000-digit integer"]),
    ("JSONL lone surrogate in text", BAD_RECORDS["a lone surrogate in the text"]),
    ("JSONL lone surrogate in title", BAD_RECORDS["a lone surrogate in the title"]),
]:
    CASES.append(Case(CRASH, label, _build_jsonl(record), "record skipped in one line, exit 0",
                      "test_hostile_input.py::test_a_hostile_json_lines_record_is_skipped_alone"
                      "_in_one_line", "a record nested 2,000+ deep"))


@case(CRASH, "non-UTF-8 file name, -o x.nt", "exit 0, U+FFFD in kg:sourceFile",
      "test_hostile_input.py::test_a_file_name_that_is_not_utf8_builds",
      "File names that are not UTF-8")
def _bad_name(folder: Path) -> Outcome:
    corpus = os.fsencode(folder / "corpus")
    os.mkdir(corpus)
    with open(os.path.join(corpus, b"caf\xe9.txt"), "wb") as stream:
        stream.write(ARTICLE.encode())
    return run_kg(["build", os.fsdecode(corpus), "-o", "x.nt", "-q"], folder)


@case(CRASH, "--model ./dir (not a pipeline)", "one line, exit 3",
      "test_hostile_input.py::test_a_model_folder_that_is_not_a_pipeline_is_one_line",
      "`--model ./dir` that is not a spaCy pipeline")
def _model_dir(folder: Path) -> Outcome:
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "dir").mkdir()
    (folder / "dir" / "notes.txt").write_text("not a pipeline")
    return run_kg(["build", "a.txt", "--model", "./dir", "-o", "g.ttl"], folder)


@case(CRASH, "--model with a broken config.cfg", "one line, exit 3",
      "test_hostile_input.py::test_a_broken_pipeline_config_is_one_line",
      "a pipeline with a broken `config.cfg`")
def _model_config(folder: Path) -> Outcome:
    (folder / "a.txt").write_text(ARTICLE)
    model = folder / "broken"
    model.mkdir()
    (model / "meta.json").write_text('{"lang": "en", "name": "broken", "version": "1"}')
    (model / "config.cfg").write_text('[nlp]\nlang = "en"\npipeline = ["parser"]\n\n'
                                      '[components]\n\n[components.parser]\n'
                                      'factory = "no_such_factory"\n')
    return run_kg(["build", "a.txt", "--model", "./broken", "-o", "g.ttl"], folder)


def _ill_typed(folder: Path) -> Path:
    text = graph_file(folder).read_text()
    bad = folder / "bad.ttl"
    replaced = re.sub(r"kg:confidence [0-9.]+", 'kg:confidence "NaN"^^xsd:decimal', text, count=1)
    replaced = re.sub(r"kg:supportCount \d+", 'kg:supportCount "many"^^xsd:integer', replaced,
                      count=1)
    assert replaced != text
    bad.write_text(replaced)
    return bad


@case(CRASH, "kg validate: kg:confidence \"NaN\", supportCount \"many\"",
      "violations listed, exit 5, no rdflib warning",
      "test_validate.py::test_a_decimal_that_is_not_a_number_is_a_violation_not_a_crash; "
      "test_graphfile.py::test_ill_typed_literals_give_kg_lines_and_no_rdflib_traceback",
      "`kg:confidence \"NaN\"`")
def _nan_validate(folder: Path) -> Outcome:
    outcome = run_kg(["validate", str(_ill_typed(folder))], folder)
    outcome.notes.append(f"{sum('kg: error' in ln for ln in outcome.lines)} error line")
    return outcome


@case(CRASH, "kg facts: non-numeric support / confidence", "one line, exit 4",
      "test_facts.py::test_an_ill_typed_number_is_a_graph_error_naming_the_fact; "
      "test_graphfile.py::test_ill_typed_literals_give_kg_lines_and_no_rdflib_traceback",
      "`kg facts`")
def _nan_facts(folder: Path) -> Outcome:
    return run_kg(["facts", str(_ill_typed(folder))], folder)


@case(CRASH, "kg load g.trig 'http://u:p@[::1/store'", "one line, exit 6, no password",
      "test_store.py::test_kg_load_with_a_malformed_url_is_one_line; "
      "test_store.py::test_malformed_urls_are_one_line_errors_without_the_password",
      "`kg load` to a malformed URL")
def _bad_url(folder: Path) -> Outcome:
    outcome = run_kg(["load", str(graph_file(folder, ".trig")), "http://u:p@[::1/store"], folder)
    if any(":p@" in ln for ln in outcome.lines):
        outcome.notes.append("PASSWORD SHOWN")
    return outcome


@case(CRASH, "rdflib warnings: kg query on ill-typed literals", "rows, no rdflib lines",
      "test_graphfile.py::test_ill_typed_literals_give_kg_lines_and_no_rdflib_traceback",
      "no rdflib warning or traceback")
def _rdflib_warning(folder: Path) -> Outcome:
    return run_kg(["query", str(_ill_typed(folder)),
                   "SELECT ?c WHERE { ?f kg:confidence ?c } LIMIT 3"], folder)


HANG = "the 14 hangs and blow-ups"


def _build_file(name: str, content: Callable[[], str | bytes]) -> Callable[[Path], Outcome]:
    def run(folder: Path) -> Outcome:
        (folder / "in").mkdir()
        data = content()
        path = folder / "in" / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
        outcome = run_kg(["build", "in", "-o", "g.ttl", "-q"], folder, limit=600)
        outcome.notes.append(f"{path.stat().st_size / 1e6:.2f} MB file")
        return outcome
    return run


def _prose(chars: int) -> str:
    out, i = [], 0
    while sum(map(len, out)) < chars:
        out.append(SENTENCES[i % len(SENTENCES)] + (" " if i % 7 else "\n\n"))
        i += 1
    return "".join(out)[:chars]


for label, name, content, test, readme in [
    ("100k nested <div>", "nested.html",
     lambda: SLOW_ARTICLES["nested.html"],
     "test_hostile_input.py::test_a_crafted_article_builds_or_is_skipped_in_bounded_time_and_"
     "memory[nested.html]", "100,000 nested `<div>`"),
    ("'<' x 100k in HTML", "brackets.html",
     lambda: SLOW_ARTICLES["brackets.html"],
     "…[brackets.html]", "100,000 bare `<`"),
    ("'![a](' x 40k in Markdown", "images.md", lambda: SLOW_ARTICLES["images.md"],
     "…[images.md]", "`![a](` x 40,000"),
    ("1 MB unclosed <!--", "comment.html",
     lambda: SLOW_ARTICLES["comment.html"], "…[comment.html]",
     "1 MB unclosed `<!--`"),
    ("40 KB of blank lines", "blank.txt", lambda: SLOW_ARTICLES["blank.txt"], "…[blank.txt]",
     "40 KB of blank lines"),
    ("20 KB of '('", "parens.txt", lambda: SLOW_ARTICLES["parens.txt"], "…[parens.txt]",
     "20,000 `(`"),
    ("4.9 M-character line in .txt", "line.txt", lambda: "Putin met Kim. " * 330_000,
     "test_hostile_input.py::test_a_file_over_the_cap_is_refused_after_reading_only_the_cap",
     "400 KB for text"),
    ("4.9 M-character line in .html", "line.html",
     lambda: "<html><body><p>" + "Putin met Kim. " * 330_000 + "</p></body></html>",
     "test_hostile_input.py::test_a_file_over_the_cap_is_refused_after_reading_only_the_cap",
     "4 MiB for a"),
    ("4.9 M-character line in .jsonl", "feed.jsonl",
     lambda: json.dumps({"text": "Putin met Kim. " * 330_000}) + "\n" + json.dumps(
         {"text": ARTICLE}) + "\n",
     "test_ingest.py::test_jsonl_is_read_a_record_at_a_time_and_a_too_long_record_is_skipped"
     "_alone", "over 1.2 MB is skipped"),
    ("390 KB one-line .txt (under the size cap)", "one.txt", lambda: "Putin met Kim. " * 26_000,
     "test_hostile_input.py::test_a_document_over_the_character_cap_in_a_folder_is_skipped",
     "100,000\n  characters"),
    ("1 MB document (HTML prose)", "big.html",
     lambda: "<html><body><article><p>" + _prose(1_000_000).replace("\n\n", "</p><p>")
     + "</p></article></body></html>",
     "test_hostile_input.py::test_a_document_over_the_character_cap_in_a_folder_is_skipped",
     "100,000\n  characters"),
    ("95,000-character document (under the cap)", "long.txt", lambda: _prose(95_000),
     "test_hostile_input.py::test_a_document_over_its_time_limit_is_skipped_and_the_build_goes"
     "_on", "--time-limit"),
]:
    CASES.append(Case(HANG, label, _build_file(name, content), "built or skipped in one line",
                      test, readme, limit=600))


@case(HANG, "/dev/zero named as input", "one line at once",
      "test_hostile_input.py::test_a_fifo_or_device_named_as_input_is_one_line",
      "Named as input (`/dev/zero`, a FIFO)")
def _dev_zero(folder: Path) -> Outcome:
    return run_kg(["build", "/dev/zero", "-o", "g.ttl"], folder, limit=60)


@case(HANG, "a FIFO named as input", "one line at once",
      "test_hostile_input.py::test_a_fifo_or_device_named_as_input_is_one_line",
      "Named as input (`/dev/zero`, a FIFO)")
def _fifo(folder: Path) -> Outcome:
    os.mkfifo(folder / "feed.txt")
    return run_kg(["build", "feed.txt", "-o", "g.ttl"], folder, limit=60)


@case(HANG, "a FIFO inside an input folder", "ignored, build goes on",
      "test_hostile_input.py::test_a_fifo_in_a_folder_is_ignored_not_opened",
      "FIFOs, sockets and devices are ignored")
def _fifo_folder(folder: Path) -> Outcome:
    (folder / "in").mkdir()
    (folder / "in" / "a.txt").write_text(ARTICLE)
    os.mkfifo(folder / "in" / "pipe.txt")
    return run_kg(["build", "in", "-o", "g.ttl", "-q"], folder, limit=120)




@case(HANG, "1 KB RDF/XML entity expansion (kg validate)", "one line at once",
      "test_graphfile.py::test_rdf_xml_entity_expansion_is_refused", "billion laughs")
def _laughs(folder: Path) -> Outcome:
    (folder / "laughs.rdf").write_text(LAUGHS)
    return run_kg(["validate", "laughs.rdf"], folder, limit=120)


@case(HANG, "10 MB multi-line Turtle literal (kg query)", "answers in seconds",
      "test_graphfile.py::test_ten_megabyte_multi_line_turtle_literal_parses",
      "10 MB multi-line Turtle literal")
def _long_literal(folder: Path) -> Outcome:
    (folder / "long.ttl").write_text(long_turtle_literal())
    return run_kg(["query", "long.ttl", "SELECT (STRLEN(?o) AS ?n) WHERE { ?s ?p ?o }"], folder,
                  limit=300)


@case(HANG, "SPARQL cartesian product (kg query, default --timeout)",
      "stopped in one line (timeout 30 s or 1 GB)",
      "test_query.py::test_a_query_past_its_memory_ceiling_is_stopped_with_one_line",
      "cartesian product")
def _product(folder: Path) -> Outcome:
    (folder / "g.nt").write_text(cartesian_graph(200))
    return run_kg(["query", "g.nt", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
                   " ORDER BY ?c ?f ?i"], folder, limit=300)


@case(HANG, "SPARQL cartesian product, kg query --timeout 3", "stopped after 3 s, one line",
      "test_cli.py::test_query_timeout_stops_a_cartesian_product_with_one_line",
      "stopped after `--timeout`")
def _product_timeout(folder: Path) -> Outcome:
    (folder / "g.nt").write_text(cartesian_graph(60))
    return run_kg(["query", "g.nt", "--timeout", "3",
                   "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"],
                  folder, limit=120)


@case(HANG, "store trickling a byte every 0.5 s (kg load --deadline 3)",
      "stopped at the deadline, one line, exit 6",
      "test_store.py::test_a_trickling_server_cannot_hold_kg_load_past_its_deadline",
      "cut off by `--deadline` (default 900 s)")
def _trickle(folder: Path) -> Outcome:
    graph = graph_file(folder, ".trig")
    with holding_server(True) as (url, _seen):
        return run_kg(["load", str(graph), f"{url}/store", "--deadline", "3", "--timeout", "5"],
                      folder, limit=120)


TESTS = [  # kills at random moments, workers, fuzzing: the tests are the reproducers
    "tests/test_outputset.py::test_kg_build_killed_at_random_moments_leaves_one_whole_set_for"
    "_any_reader",
    "tests/test_outputset.py::test_kg_build_killed_just_before_its_switch_leaves_the_old_set"
    "_whole",
    "tests/test_outputset.py::test_kg_build_update_killed_at_random_moments_leaves_the_store"
    "_whole_and_the_files",
    "tests/test_outputset.py::test_every_build_combination_killed_at_random_moments_switches"
    "_files_and_store_together",
    "tests/test_journal.py::test_a_store_link_in_the_set_is_renamed_last_and_rolled_forward"
    "_with_it",
    "tests/test_hostile_input.py::test_a_kill_at_any_moment_leaves_the_previous_or_the_new_pair"
    "_whole",
    "tests/test_journal.py::test_kg_build_killed_between_renames_then_kg_facts_sees_the_new_set"
    "_whole",
    "tests/test_hostile_input.py::test_temp_files_of_a_killed_run_are_removed_by_the_next",
    "tests/test_hostile_input.py::test_spacy_workers_die_with_a_killed_parent",
    "tests/test_workers.py::test_the_workers_die_with_a_killed_build",
    "tests/test_hostile_input.py::test_fuzzed_articles_read_or_skip_in_one_line_and_keep_offsets",
    "tests/test_hostile_input.py::test_fuzzed_articles_parse_into_facts_whose_offsets_slice_the"
    "_text",
    "tests/test_graphfile.py::test_fuzzed_graph_files_load_or_fail_in_one_line",
    "tests/test_graphfile.py::test_long_literals_read_as_rdflib_reads_them",
]


def run_tests() -> list[str]:
    rows = ["", "### kills, workers, fuzzing (the tests themselves, run now)", "",
            "| test | result | s |", "|---|---|---|"]
    for node in TESTS:
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               node], cwd=REPO, env=dict(os.environ, PYTHONPATH=str(REPO)),
                              capture_output=True, text=True, check=False)
        summary = "passed" if done.returncode == 0 else f"FAILED (pytest exit {done.returncode})"
        rows.append(f"| {node.removeprefix('tests/')} | {summary} | "
                    f"{time.monotonic() - started:.0f} |")
        print(rows[-1], flush=True)
    return rows


def _format(outcome: Outcome, case: Case) -> str:
    line = outcome.lines[-1] if outcome.lines else ""
    line = line.replace("|", "\\|")
    if len(line) > 110:
        line = line[:107] + "…"
    extra = []
    if outcome.requests:
        extra.append(f"**{outcome.requests} request(s)**")
    if outcome.secret_opened:
        extra.append("**file opened**")
    elif outcome.secret_opened is False:
        extra.append("not opened (strace)")
    extra += outcome.notes
    readme_ok = "yes" if case.readme and " ".join(case.readme.split()) in README else "**no**"
    return (f"| {case.name} | {outcome.rc} | {len(outcome.lines)}"
            f"{' **traceback**' if outcome.traceback else ''} | {outcome.seconds:.1f} | "
            f"{outcome.rss_mb:.0f} | {'; '.join(extra)} | `{line}` | {case.tests} | {readme_ok} |")


WORK = Path(tempfile.mkdtemp(prefix="kg-audit-"))
README = " ".join((REPO / "README.md").read_text().split())


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout.strip()
    rows = [f"Issue 13 reproducers run through the CLI at {commit} "
            f"(benchmarks/trust_audit.py; {os.cpu_count()} cores)."]
    item = None
    for number, entry in enumerate(CASES):
        if only and only not in entry.name:
            continue
        if entry.item != item:
            item = entry.item
            rows += ["", f"### {item}", "",
                     "| case | rc | stderr lines | s | MB | observed | last stderr line | "
                     "test | README |", "|---|---|---|---|---|---|---|---|---|"]
        folder = WORK / f"case{number}"
        folder.mkdir()
        outcome = entry.run(folder)
        rows.append(_format(outcome, entry))
        print(rows[-1], flush=True)
    if not only:
        rows += run_tests()
    text = "\n".join(rows) + "\n"
    if target is not None:
        target.write_text(text)
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
