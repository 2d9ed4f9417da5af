"""kg.store against a real Oxigraph server: graphs arrive whole, PUT replaces, POST adds.

Each test gets a fresh ``oxigraph serve`` on a free local port and reads the store back through
its SPARQL endpoint. Authentication and the Turtle fallback are exercised through a small gate in
front of Oxigraph that behaves like a stricter server (credentials required, no N-Triples).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import hypothesis
import pytest
from hostile_inputs import holding_server
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDFS
from rdflib.term import Node

from kg.errors import StoreError
from kg.namespaces import PREFIXES
from kg.store import load_dataset

EX = Namespace("http://example.org/")
GRAPH_A = "http://example.org/graph/a"
GRAPH_B = "http://example.org/graph/b?lang=ru&v=1#x"  # must be escaped inside ?graph=
USER, PASSWORD = "kg", "pa:ss"  # a colon in the password: only the first one splits


# --- the server -----------------------------------------------------------------------------

def _oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    if beside_python.is_file():
        return str(beside_python)
    return shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Oxigraph:
    base: str

    @property
    def store(self) -> str:
        return f"{self.base}/store"

    def _query(self, sparql: str, accept: str) -> bytes:
        request = urllib.request.Request(
            f"{self.base}/query", data=urllib.parse.urlencode({"query": sparql}).encode(),
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    def graph(self, name: str | None) -> Graph:
        """The triples the store holds in one graph (None: the default graph)."""
        pattern = "?s ?p ?o" if name is None else f"GRAPH <{name}> {{ ?s ?p ?o }}"
        body = self._query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pattern} }}",
                           "application/n-triples")
        return Graph().parse(data=body.decode("utf-8"), format="nt")

    def graph_names(self) -> set[str]:
        body = self._query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                           "application/sparql-results+json")
        return {row["g"]["value"] for row in json.loads(body)["results"]["bindings"]}


def _start(binary: str, location: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start a server and wait until it answers; a few tries in case a port gets taken."""
    for _ in range(3):
        base = f"http://127.0.0.1:{_free_port()}"
        with log.open("ab") as out:
            process = subprocess.Popen(
                [binary, "serve", "--location", str(location), "--bind", base[len("http://"):]],
                stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{base}/", timeout=1):
                    return process, base
            except OSError:
                time.sleep(0.05)
        _stop(process)
    pytest.fail(f"oxigraph did not start:\n{log.read_text(errors='replace')}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _missing(reason: str) -> None:
    """Skip a live-store test on a machine without the server, fail where CI says it must run
    (``.ci/run`` sets KG_LIVE_STORES=required after installing both)."""
    if os.environ.get("KG_LIVE_STORES") == "required":
        pytest.fail(f"{reason}, and KG_LIVE_STORES=required")
    pytest.skip(reason)


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[Oxigraph]:
    binary = _oxigraph_binary()
    if binary is None:
        _missing("the oxigraph server binary is not installed next to python nor on PATH "
                 "(pip install oxigraph)")
        return
    process, base = _start(binary, tmp_path / "oxigraph", tmp_path / "oxigraph.log")
    try:
        yield Oxigraph(base)
    finally:
        _stop(process)


# --- comparing graphs -----------------------------------------------------------------------

# Oxigraph stores typed literals as values (oxigraph/oxigraph#526): "0.90"^^xsd:decimal comes back
# as "0.9", and types derived from xsd:integer come back as xsd:integer. Same value, other
# spelling; so graphs are compared by value, with those types folded into their base type.
_XSD = "http://www.w3.org/2001/XMLSchema#"
_BASE_TYPES = {URIRef(_XSD + name): URIRef(_XSD + "integer") for name in (
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long",
    "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}


def _value_form(graph: Graph) -> Graph:
    out = Graph()
    for s, p, o in graph:
        out.add((s, p, _by_value(o)))
    return out


def _by_value(term: Node) -> Node:
    if isinstance(term, Literal) and term.datatype is not None and term.value is not None:
        value = term.value.normalize() if isinstance(term.value, Decimal) else term.value
        return Literal(value, datatype=_BASE_TYPES.get(term.datatype, term.datatype))
    return term


def _holds_exactly(server: Oxigraph, name: str | None, expected: Graph) -> None:
    actual = server.graph(name)
    assert len(actual) == len(expected), f"{name}: {len(actual)} triples, sent {len(expected)}"
    assert isomorphic(_value_form(actual), _value_form(expected)), f"{name}: other triples"


def _named(dataset: Dataset, name: str) -> Graph:
    return dataset.graph(URIRef(name))


def _hand_dataset() -> Dataset:
    """Two named graphs and a default graph, with non-ASCII, escapes, a language tag, a
    non-canonical number, a blank node, and an empty graph that must not be sent."""
    from rdflib.namespace import XSD  # imported here: pytest's collection trips over namespaces

    dataset = Dataset()
    dataset.default_graph.add((EX.kg, RDFS.label, Literal("the default graph")))
    dataset.default_graph.add((EX.kg, EX.confidence, Literal("0.90", datatype=XSD.decimal)))
    a = dataset.graph(URIRef(GRAPH_A))
    a.add((EX.zurich, RDFS.label, Literal("Zürich", lang="de")))
    a.add((EX.beijing, RDFS.label, Literal("北京")))
    a.add((EX.beijing, EX.note, Literal('a "quote", a\nnewline and a snowman ☃')))
    b = dataset.graph(URIRef(GRAPH_B))
    b.add((EX.moscow, RDFS.label, Literal("Москва", lang="ru")))
    b.add((EX.moscow, EX.founded, Literal("1147", datatype=XSD.gYear)))
    b.add((BNode(), EX.mentions, EX.moscow))
    dataset.graph(EX.empty)
    return dataset


# --- loading --------------------------------------------------------------------------------

def test_each_graph_arrives_with_exactly_the_triples_sent(oxigraph):
    dataset = _hand_dataset()
    report = load_dataset(dataset, oxigraph.store)
    assert [load.graph for load in report.graphs] == [None, GRAPH_A, GRAPH_B]
    assert [load.triples for load in report.graphs] == [2, 3, 3]
    assert report.triples == 8
    assert {load.content_type for load in report.graphs} == {"application/n-triples"}
    assert oxigraph.graph_names() == {GRAPH_A, GRAPH_B}  # the empty graph was not sent
    _holds_exactly(oxigraph, None, dataset.default_graph)
    _holds_exactly(oxigraph, GRAPH_A, _named(dataset, GRAPH_A))
    _holds_exactly(oxigraph, GRAPH_B, _named(dataset, GRAPH_B))


def test_loading_twice_with_replace_does_not_duplicate(oxigraph):
    dataset = _hand_dataset()
    load_dataset(dataset, oxigraph.store)
    load_dataset(dataset, oxigraph.store)
    for name in (None, GRAPH_A, GRAPH_B):  # GRAPH_B's blank node would be stored twice by POST
        expected = dataset.default_graph if name is None else _named(dataset, name)
        _holds_exactly(oxigraph, name, expected)


def test_replace_swaps_the_graphs_sent_and_leaves_the_others(oxigraph):
    load_dataset(_hand_dataset(), oxigraph.store)
    update = Dataset()
    update.graph(URIRef(GRAPH_A)).add((EX.zurich, RDFS.label, Literal("Zurich", lang="en")))
    load_dataset(update, oxigraph.store, replace=True)
    _holds_exactly(oxigraph, GRAPH_A, _named(update, GRAPH_A))
    _holds_exactly(oxigraph, GRAPH_B, _named(_hand_dataset(), GRAPH_B))
    assert len(oxigraph.graph(None)) == 2  # the update had no default graph to send


def test_replace_false_adds_to_what_the_store_holds(oxigraph):
    first = _hand_dataset()
    load_dataset(first, oxigraph.store)
    more = Dataset()
    more.default_graph.add((EX.kg, RDFS.comment, Literal("added later, ça va")))
    more.graph(URIRef(GRAPH_A)).add((EX.zurich, RDFS.label, Literal("Zurich", lang="en")))
    report = load_dataset(more, oxigraph.store, replace=False)
    assert report.triples == 2
    _holds_exactly(oxigraph, None, first.default_graph + more.default_graph)
    _holds_exactly(oxigraph, GRAPH_A, _named(first, GRAPH_A) + _named(more, GRAPH_A))
    load_dataset(first, oxigraph.store, replace=False)  # POST merges: blank nodes are new ones
    assert len(oxigraph.graph(GRAPH_B)) == len(_named(first, GRAPH_B)) + 1


def test_a_built_graph_round_trips(oxigraph, tmp_path):
    import kg

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "one.txt").write_text(
        "Leaders meet in Zürich\n\nAngela Merkel visited Zürich on 3 May 2021. "
        "She met Emmanuel Macron there.\n", encoding="utf-8")
    (articles / "two.txt").write_text(
        "A gift in Berlin\n\nEmmanuel Macron gave a book to Angela Merkel in Berlin.\n",
        encoding="utf-8")
    dataset = kg.build([articles])
    named = sorted(str(g.identifier) for g in dataset.graphs()
                   if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g))
    assert len(named) == 2

    report = load_dataset(dataset, oxigraph.store)
    assert report.triples == sum(len(graph) for graph in dataset.graphs())
    assert oxigraph.graph_names() == set(named)
    _holds_exactly(oxigraph, None, dataset.default_graph)
    for name in named:
        _holds_exactly(oxigraph, name, _named(dataset, name))

    # What the store gives back (integer subtypes folded to xsd:integer) still conforms.
    merged = oxigraph.graph(None)
    for name in named:
        merged += oxigraph.graph(name)
    assert kg.validate(merged).conforms, kg.validate(merged).describe()


# --- failures -------------------------------------------------------------------------------

def test_unreachable_endpoint_raises_store_error():
    endpoint = f"http://127.0.0.1:{_free_port()}/store"  # nothing listens there any more
    with pytest.raises(StoreError, match="cannot connect") as caught:
        load_dataset(_hand_dataset(), endpoint)
    assert endpoint in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unknown_path_raises_store_error_with_the_status(oxigraph):
    endpoint = f"{oxigraph.base}/no-such-store"
    with pytest.raises(StoreError, match="HTTP 404") as caught:
        load_dataset(_hand_dataset(), endpoint)
    assert endpoint in str(caught.value)
    assert "\n" not in str(caught.value)
    assert oxigraph.graph_names() == set()


def test_a_server_that_never_answers_times_out():
    with socket.socket() as listener:  # accepts connections (backlog) but never replies
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        endpoint = f"http://127.0.0.1:{listener.getsockname()[1]}/store"
        with pytest.raises(StoreError, match="no answer within"):
            load_dataset(_hand_dataset(), endpoint, timeout=0.2)


@pytest.mark.parametrize("endpoint", ["ftp://example.org/store", "localhost:7878/store",
                                      "http://127.0.0.1:7878/store?default"])
def test_endpoints_that_cannot_work_are_refused_before_sending(endpoint):
    with pytest.raises(StoreError, match=r"endpoint|http"):
        load_dataset(_hand_dataset(), endpoint)


def test_a_graph_named_by_a_blank_node_is_refused_before_sending(oxigraph):
    dataset = _hand_dataset()
    dataset.graph(BNode()).add((EX.a, EX.b, EX.c))
    with pytest.raises(StoreError, match="absolute IRI"):
        load_dataset(dataset, oxigraph.store)
    assert oxigraph.graph_names() == set()


# --- a stricter server: credentials, no N-Triples, redirects ---------------------------------

@dataclass
class Gate:
    """Stands in front of Oxigraph like a stricter store: answers 401 without the right
    credentials, 415 to N-Triples, and forwards everything else."""

    oxigraph: Oxigraph
    scheme: str  # "basic", "digest", or "virtuoso" (Digest, and a bare 401 to Basic)
    url: str = ""
    seen: list[tuple[str, str, str]] = field(default_factory=list)  # method, type, auth scheme

    def handle(self, request: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        body = request.rfile.read(int(request.headers.get("Content-Length", 0)))
        authorization = request.headers.get("Authorization", "")
        content_type = request.headers.get("Content-Type", "")
        self.seen.append((request.command, content_type, authorization.partition(" ")[0]))
        if self.scheme == "virtuoso" and authorization.startswith("Basic "):
            return 401, {}, b""  # what Virtuoso 7 does: no challenge, so no hint to use Digest
        if not self._authorized(request.command, request.path, authorization):
            challenge = ('Basic realm="kg"' if self.scheme == "basic" else
                         'Digest realm="SPARQL", nonce="n0nce", qop="auth", algorithm="MD5"')
            return 401, {"WWW-Authenticate": challenge}, b"who are you?"
        if content_type.startswith("application/n-triples"):
            return 415, {}, b"Turtle only"
        query = urllib.parse.urlsplit(request.path).query
        forward = urllib.request.Request(f"{self.oxigraph.store}?{query}", data=body,
                                         method=request.command,
                                         headers={"Content-Type": content_type})
        try:
            with urllib.request.urlopen(forward, timeout=30) as response:
                return response.status, {}, b""
        except urllib.error.HTTPError as err:
            return err.code, {}, err.read()

    def _authorized(self, method: str, path: str, authorization: str) -> bool:
        scheme, _, credentials = authorization.partition(" ")
        if self.scheme == "basic":
            expected = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
            return scheme == "Basic" and credentials == expected
        if scheme != "Digest":
            return False
        fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(credentials))

        def md5(text: str) -> str:
            return hashlib.md5(text.encode()).hexdigest()

        ha1 = md5(f"{USER}:SPARQL:{PASSWORD}")
        ha2 = md5(f"{method}:{fields['uri']}")
        expected = md5(f"{ha1}:n0nce:{fields['nc']}:{fields['cnonce']}:auth:{ha2}")
        return fields.get("username") == USER and fields["uri"] == path and \
            fields.get("response") == expected


@contextmanager
def _serving(handle: Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]
             ) -> Iterator[str]:
    """A local HTTP server in a thread answering PUT and POST with ``handle``; yields its URL."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            status, headers, body = handle(self)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_PUT = do_POST = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/store"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def _gate(oxigraph: Oxigraph, scheme: str) -> Iterator[Gate]:
    gate = Gate(oxigraph, scheme)
    with _serving(gate.handle) as url:
        gate.url = url
        yield gate


def test_basic_auth_is_sent_and_a_415_switches_to_turtle(oxigraph):
    dataset = _hand_dataset()
    with _gate(oxigraph, "basic") as gate:
        report = load_dataset(dataset, gate.url, auth=f"{USER}:{PASSWORD}")
    assert {load.content_type for load in report.graphs} == {"text/turtle; charset=utf-8"}
    types = [content_type for _, content_type, _ in gate.seen]
    assert types[0] == "application/n-triples"  # refused once, then Turtle for every graph
    assert types[1:] == ["text/turtle; charset=utf-8"] * 3
    assert {auth for _, _, auth in gate.seen} == {"Basic"}
    _holds_exactly(oxigraph, None, dataset.default_graph)
    _holds_exactly(oxigraph, GRAPH_A, _named(dataset, GRAPH_A))
    _holds_exactly(oxigraph, GRAPH_B, _named(dataset, GRAPH_B))


def test_credentials_in_the_url_are_used_and_never_shown(oxigraph):
    with _gate(oxigraph, "basic") as gate:
        netloc = urllib.parse.urlsplit(gate.url).netloc
        good = gate.url.replace(netloc, f"{USER}:{urllib.parse.quote(PASSWORD)}@{netloc}")
        report = load_dataset(_hand_dataset(), good)
        assert report.endpoint == gate.url
        with pytest.raises(StoreError, match="HTTP 401") as caught:
            load_dataset(_hand_dataset(), gate.url.replace(netloc, f"{USER}:sesame@{netloc}"))
    assert "sesame" not in str(caught.value)
    assert gate.url in str(caught.value)


def test_a_digest_challenge_is_answered(oxigraph):
    dataset = _hand_dataset()
    with _gate(oxigraph, "digest") as gate:
        load_dataset(dataset, gate.url, auth=(USER, PASSWORD))
        with pytest.raises(StoreError, match="HTTP 401"):
            load_dataset(dataset, gate.url, auth=(USER, "sesame"))
    assert "Digest" in {auth for _, _, auth in gate.seen}
    _holds_exactly(oxigraph, GRAPH_A, _named(dataset, GRAPH_A))


def test_a_redirect_is_reported_not_followed():
    def moved(request: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        request.rfile.read(int(request.headers.get("Content-Length", 0)))
        return 302, {"Location": "https://elsewhere.example/store"}, b""

    with _serving(moved) as url, pytest.raises(StoreError, match="HTTP 302") as caught:
        load_dataset(_hand_dataset(), url, replace=False)  # urllib would re-send POST as GET
    assert "https://elsewhere.example/store" in str(caught.value)


# --- the CLI ------------------------------------------------------------------------------------


def test_kg_load_command_loads_a_trig_file_one_graph_per_document(oxigraph, tmp_path):
    from click.testing import CliRunner

    import kg
    from kg.cli import main
    from kg.export import serialize

    (tmp_path / "a.txt").write_text("Angela Merkel met Emmanuel Macron in Paris.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Emmanuel Macron visited Berlin on 3 May 2021.\n", "utf-8")
    dataset = kg.build([tmp_path / "a.txt", tmp_path / "b.txt"])
    trig = tmp_path / "graph.trig"
    trig.write_text(serialize(dataset, "trig"), "utf-8")
    result = CliRunner().invoke(main, ["load", str(trig), oxigraph.store])
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output
    documents = {str(g.identifier) for g in dataset.graphs()
                 if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)}
    assert oxigraph.graph_names() == documents


class _Steps:
    """A Progress that records what it hears."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str, object]] = []

    def start(self, step: str, total: int | None = None) -> None:
        self.events.append(("start", step, total))

    def advance(self, step: str, done: int) -> None:
        self.events.append(("advance", step, done))

    def finish(self, step: str, summary: str, seconds: float) -> None:
        self.events.append(("finish", step, summary))


def test_a_load_reports_progress_per_graph(oxigraph):
    steps = _Steps()

    load_dataset(_hand_dataset(), oxigraph.store, progress=steps)

    assert steps.events == [("start", "load", 3), ("advance", "load", 1),
                            ("advance", "load", 2), ("advance", "load", 3),
                            ("finish", "load", "8 triples in 3 graph(s)")]


def test_a_failed_load_is_not_reported_finished(tmp_path):
    steps = _Steps()

    with pytest.raises(StoreError):
        load_dataset(_hand_dataset(), f"http://127.0.0.1:{_free_port()}/store", progress=steps)

    assert steps.events == [("start", "load", 3)]


@pytest.mark.parametrize("quiet", [False, True])
def test_kg_load_logs_its_step_unless_quiet(oxigraph, tmp_path, quiet):
    from click.testing import CliRunner

    from kg.cli import main

    graph = tmp_path / "g.trig"
    graph.write_text("<http://a/s> <http://a/p> <http://a/o> .\n"
                     "<http://a/g1> { <http://a/s> <http://a/p> <http://a/o1> . }\n"
                     "<http://a/g2> { <http://a/s> <http://a/p> <http://a/o2> . }\n", "utf-8")

    result = CliRunner().invoke(main, ["load", str(graph), oxigraph.store, *(["-q"] * quiet)])

    assert result.exit_code == 0, result.output
    logged = [line for line in result.stderr.splitlines() if line.startswith("kg: load: ")]
    if quiet:
        assert result.stderr == ""
    else:
        assert len(logged) == 1
        assert re.fullmatch(r"kg: load: 3 triples in 3 graph\(s\) in \d+\.\d s", logged[0])
    assert result.stdout.startswith("loaded 3 triples in 3 graph(s)")


def test_kg_load_to_a_dead_endpoint_is_a_one_line_error(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    graph = tmp_path / "g.ttl"
    graph.write_text("<http://a/s> <http://a/p> <http://a/o> .\n", "utf-8")
    result = CliRunner().invoke(main, ["load", str(graph), f"http://127.0.0.1:{_free_port()}/store"])
    assert result.exit_code != 0
    assert result.output.strip().startswith("kg: error:")
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_a_server_that_refuses_basic_without_a_challenge_gets_digest(oxigraph):
    dataset = _hand_dataset()
    with _gate(oxigraph, "virtuoso") as gate:
        load_dataset(dataset, gate.url, auth=(USER, PASSWORD))
        schemes = [auth for _, _, auth in gate.seen]
        with pytest.raises(StoreError, match="HTTP 401") as caught:
            load_dataset(dataset, gate.url, auth=(USER, "sesame"))
    assert schemes.count("Basic") == 1  # tried once, then Digest for the rest of the load
    assert "Digest" in schemes
    assert "sesame" not in str(caught.value)
    _holds_exactly(oxigraph, None, dataset.default_graph)
    _holds_exactly(oxigraph, GRAPH_B, _named(dataset, GRAPH_B))


VIRTUOSO_ERROR_PAGE = (  # the shape of Virtuoso 7's error pages
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html>\n  <head>\n'
    "    <title>SPARQL Graph Protocol request failed</title>\n  </head>\n  <body>\n"
    "    <h1>HTTP/1.1 {status} Request Failed</h1>\n    <h3>Error 22023</h3>\n"
    "<xmp>{message}</xmp></body></html>")


def _refusing(status: int, message: str, *, only_default: bool = False, seen: list[str]
              ) -> Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]:
    def handle(request: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        request.rfile.read(int(request.headers.get("Content-Length", 0)))
        query = urllib.parse.unquote(urllib.parse.urlsplit(request.path).query)
        seen.append(query)
        if only_default and query != "default":
            return 201, {}, b""
        page = VIRTUOSO_ERROR_PAGE.format(status=status, message=message)
        return status, {"Content-Type": "text/html; charset=UTF-8"}, page.encode()

    return handle


def test_an_html_error_page_is_shown_as_its_text():
    message = "SR133: Bad graph <http://example.org/g> \"quoted\"\nsecond line"
    seen: list[str] = []
    with _serving(_refusing(500, message, seen=seen)) as url, \
            pytest.raises(StoreError, match="HTTP 500") as caught:
        load_dataset(_hand_dataset(), url)
    shown = str(caught.value)
    assert "\n" not in shown
    assert "DOCTYPE" not in shown and "<h3>" not in shown and "Request Failed</h1>" not in shown
    assert "Error 22023" in shown
    assert 'SR133: Bad graph <http://example.org/g> "quoted" second line' in shown


def test_a_store_without_a_default_graph_gets_it_as_a_named_graph():
    from kg.store import DEFAULT_GRAPH_STAND_IN

    seen: list[str] = []
    refusal = ('The request to SPARQL 1.1 Graph Store endpoint contains "default" param but the '
               'endpoint is not configured to have default graph')
    with _serving(_refusing(500, refusal, only_default=True, seen=seen)) as url:
        report = load_dataset(_hand_dataset(), url)
    assert seen[:2] == ["default", f"graph={DEFAULT_GRAPH_STAND_IN}"]
    assert report.graphs[0].graph == DEFAULT_GRAPH_STAND_IN and report.graphs[0].default
    assert not any(load.default for load in report.graphs[1:])


def test_other_refusals_of_the_default_graph_are_errors_not_redirections():
    seen: list[str] = []
    with _serving(_refusing(500, "disk full", only_default=True, seen=seen)) as url, \
            pytest.raises(StoreError, match="disk full"):
        load_dataset(_hand_dataset(), url)
    assert seen == ["default"]


def test_the_default_graph_goes_where_the_caller_says(oxigraph):
    dataset = _hand_dataset()
    report = load_dataset(dataset, oxigraph.store, default_graph=str(EX.corpus))
    assert report.graphs[0].graph == str(EX.corpus) and report.graphs[0].default
    assert oxigraph.graph_names() == {str(EX.corpus), GRAPH_A, GRAPH_B}
    assert len(oxigraph.graph(None)) == 0
    _holds_exactly(oxigraph, str(EX.corpus), dataset.default_graph)


@hypothesis.given(st.text(max_size=3000), st.booleans())
def test_a_server_message_is_always_one_short_line(body, html):
    from kg.store import MESSAGE_LIMIT, server_message

    shown = server_message(body, html=html)
    assert len(shown) <= MESSAGE_LIMIT
    assert not any(char in shown for char in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


@pytest.mark.parametrize("endpoint", ["http://u:secret@[::1/store", "http://[::1:7878/store",
                                      "http://127.0.0.1:port/store", "http://u:secret@h:99999/"])
def test_malformed_urls_are_one_line_errors_without_the_password(endpoint):
    with pytest.raises(StoreError, match="not a valid URL") as caught:
        load_dataset(_hand_dataset(), endpoint)
    assert "secret" not in str(caught.value) and "\n" not in str(caught.value)


# --- deadline ---------------------------------------------------------------------------------

def test_a_trickling_server_cannot_hold_kg_load_past_its_deadline(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text("<http://a/s> <http://a/p> <http://a/o> .\n", "utf-8")
    with holding_server(trickle=True) as (server, _):
        url = f"{server}/store"
        done = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "load",
                               str(graph), url, "--deadline", "2", "--timeout", "5"],
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == StoreError.exit_code
    assert done.stderr.startswith("kg: error:") and "deadline of 2 s" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_kg_load_with_a_malformed_url_is_one_line(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    graph = tmp_path / "g.ttl"
    graph.write_text("<http://a/s> <http://a/p> <http://a/o> .\n", "utf-8")
    result = CliRunner().invoke(main, ["load", str(graph), "http://u:p@[::1/store"])
    assert result.exit_code == StoreError.exit_code
    assert result.output.startswith("kg: error:") and len(result.output.splitlines()) == 1


# --- live stores: the seeds, loaded into real Oxigraph and Virtuoso -------------------------

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
"""
VIRTUOSO_USER = ("kg", "pa:ss")  # a colon in the password, granted SPARQL_UPDATE only


@dataclass(frozen=True)
class LiveStore:
    """A running store: where kg loads (its Graph Store URL and credentials) and where the test
    reads back (its SPARQL endpoint, with whatever makes the named graphs the default graph)."""

    name: str
    graph_store: str
    sparql: str
    auth: str | None = None
    has_default_graph: bool = True

    def select(self, sparql: str) -> list[dict[str, dict[str, str]]]:
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
        request = urllib.request.Request(
            self.sparql, data=urllib.parse.urlencode({"query": prologue + sparql}).encode(),
            headers={"Accept": "application/sparql-results+json",
                     "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())["results"]["bindings"]

    def counts(self, names: set[str]) -> dict[str | None, int]:
        """Triples per named graph in ``names``, and in the default graph if the store has one."""
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        counts: dict[str | None, int] = {row["g"]["value"]: int(row["n"]["value"]) for row in rows
                                         if row["g"]["value"] in names}
        if self.has_default_graph:
            only_default = self.sparql.split("?")[0]  # without union-default-graph
            store = replace(self, sparql=only_default, has_default_graph=False)
            (row,) = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
            counts[None] = int(row["n"]["value"])
        return counts


def _start_virtuoso(folder: Path) -> tuple[subprocess.Popen[bytes], str, int]:
    binary = shutil.which("virtuoso-t")
    assert binary is not None
    log = folder / "server.log"
    for _ in range(3):
        http_port, sql_port = _free_port(), _free_port()
        ini = folder / "virtuoso.ini"
        ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
        with log.open("ab") as out:
            process = subprocess.Popen([binary, "-f", "-c", str(ini)], cwd=folder, stdout=out,
                                       stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{http_port}"
        deadline = time.monotonic() + 120  # a first start creates the database: ~7 s here
        while process.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{base}/sparql", timeout=2):
                    return process, base, sql_port
            except OSError:
                time.sleep(0.2)
        _stop(process)
    pytest.fail(f"virtuoso did not start:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStore]:
    """Debian's Virtuoso 7 on free local ports, with a user allowed to write graphs; one per
    session (it takes seconds to start), so tests use graphs of their own."""
    isql = shutil.which("isql-vt") or shutil.which("isql")
    if shutil.which("virtuoso-t") is None or isql is None:
        _missing("Virtuoso is not installed (apt-get install virtuoso-opensource)")
        return
    folder = tmp_path_factory.mktemp("virtuoso")
    process, base, sql_port = _start_virtuoso(folder)
    try:
        user, password = VIRTUOSO_USER
        subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                        f"exec=DB.DBA.USER_CREATE('{user}', '{password}'); "
                        f'GRANT SPARQL_UPDATE TO "{user}";'],
                       check=True, capture_output=True, timeout=60)
        yield LiveStore("virtuoso", f"{base}/sparql-graph-crud-auth", f"{base}/sparql",
                        auth=f"{user}:{password}", has_default_graph=False)
    finally:
        _stop(process)


@pytest.fixture
def oxigraph_store(oxigraph: Oxigraph) -> LiveStore:
    return LiveStore("oxigraph", oxigraph.store, f"{oxigraph.base}/query?union-default-graph")


@pytest.fixture(scope="module")
def seeds_trig(seed_build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds as ``kg build -o output/graph.trig`` writes them."""
    from kg.export import serialize

    path = tmp_path_factory.mktemp("seeds") / "graph.trig"
    path.write_text(serialize(seed_build.dataset, "trig"), "utf-8")
    return path


def _readme_queries() -> list[str]:
    """The SPARQL of every ``kg query`` example in the README."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    queries = re.findall(r"^\$ kg query \S+ (?:--format \w+ )?'(.+?)'$", readme, re.M | re.S)
    assert len(queries) >= 2, "the README's kg query examples moved; update _readme_queries"
    return queries


def _value(text: str) -> str:
    """One spelling per value: stores write 0.90 as 0.9 and 5 as '5'^^xsd:integer."""
    try:
        number = Decimal(text)
    except ArithmeticError:
        return text
    return str(number.normalize()) if number.is_finite() else text


def _check_seeds_load(store: LiveStore, trig: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main
    from kg.query import load_graph, run_query
    from kg.store import DEFAULT_GRAPH_STAND_IN

    local = load_graph(trig)
    expected: dict[str | None, int] = {
        (None if g.identifier == DATASET_DEFAULT_GRAPH_ID else str(g.identifier)): len(g)
        for g in local.graphs() if len(g)}
    if not store.has_default_graph:
        expected[DEFAULT_GRAPH_STAND_IN] = expected.pop(None)
    names = {name for name in expected if name is not None}
    assert len(names) >= 5  # one graph per seed article

    command = ["load", str(trig), store.graph_store]
    if store.auth:
        command += ["--auth", store.auth]
    for _ in range(2):  # the second load replaces each graph: same counts
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 0, result.output
        assert f"loaded {sum(expected.values())} triples in {len(expected)} graph(s)" \
            in result.output
        assert store.counts(names) == expected

    for sparql in _readme_queries():
        mine = run_query(local, sparql)
        rows = store.select(sparql)
        theirs = [tuple(_value(row[c]["value"]) if c in row else "" for c in mine.columns)
                  for row in rows]
        assert mine.rows, sparql
        assert sorted(theirs) == sorted(tuple(map(_value, row)) for row in mine.rows), sparql
        # ... and `kg query --endpoint` asks the store the same and prints the same rows.
        asked = CliRunner().invoke(main, ["query", "--endpoint", store.sparql, sparql,
                                          "--format", "json"])
        assert asked.exit_code == 0, asked.output
        through_kg = [tuple(_value(row[c]) for c in mine.columns)
                      for row in json.loads(asked.stdout)]
        assert sorted(through_kg) == sorted(tuple(map(_value, row)) for row in mine.rows)
    construct = "CONSTRUCT { ?f kg:supportCount ?n } WHERE { ?f kg:supportCount ?n }"
    built = CliRunner().invoke(main, ["query", "--endpoint", store.sparql, construct])
    assert built.exit_code == 0, built.output
    assert len(Graph().parse(data=built.stdout, format="turtle")) == \
        run_query(local, construct).triples > 0


def test_the_seeds_load_into_oxigraph_and_answer_the_readme_queries(oxigraph_store, seeds_trig):
    _check_seeds_load(oxigraph_store, seeds_trig)


def test_the_seeds_load_into_virtuoso_and_answer_the_readme_queries(virtuoso, seeds_trig):
    _check_seeds_load(virtuoso, seeds_trig)


def test_virtuoso_refuses_a_wrong_password_in_one_line(virtuoso):
    user = virtuoso.auth.partition(":")[0] if virtuoso.auth else "kg"
    with pytest.raises(StoreError, match="HTTP 401") as caught:
        load_dataset(_hand_dataset(), virtuoso.graph_store, auth=(user, "sesame"))
    assert "sesame" not in str(caught.value) and "\n" not in str(caught.value)


def test_virtuoso_holds_what_was_sent(virtuoso):
    dataset = _hand_dataset()
    report = load_dataset(dataset, virtuoso.graph_store, auth=virtuoso.auth,
                          default_graph=str(EX.virtuoso_default))
    assert report.graphs[0].graph == str(EX.virtuoso_default) and report.graphs[0].default
    sent = {str(EX.virtuoso_default): dataset.default_graph, GRAPH_A: _named(dataset, GRAPH_A),
            GRAPH_B: _named(dataset, GRAPH_B)}
    assert virtuoso.counts(set(sent)) == {name: len(graph) for name, graph in sent.items()}
    for name, graph in sent.items():  # every literal arrives with its text, tag and type
        rows = virtuoso.select(f"SELECT ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} "
                               f"FILTER(isLiteral(?o)) }}")
        arrived = sorted((r["o"]["value"], r["o"].get("xml:lang", ""),
                          r["o"].get("datatype", "")) for r in rows)
        expected = sorted((str(o), o.language or "", str(o.datatype or ""))
                          for o in graph.objects() if isinstance(o, Literal))
        assert [(_value(v), lang) for v, lang, _ in arrived] == \
            [(_value(v), lang) for v, lang, _ in expected], name
