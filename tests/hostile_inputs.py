"""The crafted inputs of issue 13, made in one place: the regression tests
(test_hostile_input, test_graphfile, test_store, test_query) and the audit that runs them
through the CLI (benchmarks/trust_audit.py, which puts this folder on its path) use the same
bytes and the same local servers, so the audit's table measures what the tests assert."""

from __future__ import annotations

import itertools
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLE = "Vladimir Putin met Kim Jong Un in Vladivostok on Wednesday.\n"

BAD_RECORDS = {  # JSON Lines records that crashed kg with a traceback
    "nested 3,000 deep": '{"text": ' + "[" * 3000 + "]" * 3000 + "}",
    "a 5,000-digit integer": '{"text": "Putin met Kim.", "id": ' + "9" * 5000 + "}",
    "a lone surrogate in the text": '{"text": "Putin met Kim \\ud800 in Moscow."}',
    "a lone surrogate in the title": '{"text": "Putin met Kim.", "title": "A \\udc00 b"}',
}

SLOW_ARTICLES = {  # each took minutes (or gigabytes) before; a few seconds now
    "nested.html": "<html><body>" + "<div>" * 100_000 + ARTICLE * 5 + "</div>" * 100_000,
    "brackets.html": f"<html><body><p>{ARTICLE}</p>" + "<" * 100_000 + "</body></html>",
    "comment.html": f"<html><body><p>{ARTICLE}</p><!--" + "x" * 1_000_000,
    "images.md": ARTICLE + "![a](" * 40_000,
    "blank.txt": ARTICLE + "\n" * 40_000,
    "parens.txt": ARTICLE + "(" * 20_000,
    "one-line.txt": ARTICLE.strip() + " " + "Kim met Putin and they talked about rifles. " * 6_000,
}

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE r [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="urn:a"><rdfs:label>&d;&d;&d;&d;&d;&d;&d;&d;</rdfs:label>
  </rdf:Description>
</rdf:RDF>
"""
"""A 1 KB RDF/XML "billion laughs": 24^4 x 8 copies of 72 characters if expanded."""


SECRET = "Kim Jong Un met Xi Jinping in Beijing on a secret Tuesday.\n"


def linked_out_corpus(folder: Path) -> tuple[Path, Path]:
    """An input folder ``folder/corpus`` with one article and two symbolic links out of it,
    to a file and to a folder, both holding ``SECRET`` (in ``folder/outside``): a build must
    not read them unless asked. Returns the corpus and the secret file."""
    secret = folder / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET)
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    (corpus / "leak.txt").symlink_to(secret)
    (corpus / "dir").symlink_to(secret.parent, target_is_directory=True)
    return corpus, secret


def long_literal_text() -> str:
    """10 MB over 250,000 lines, with Turtle escapes, as written inside the literal."""
    return 'line with "quotes", \\"escapes\\" and \\u00e9\n' * 250_000


def long_turtle_literal() -> str:
    """A Turtle file of one 10 MB multi-line literal (rdflib's own reader copies the
    literal once per line: minutes)."""
    return f'<urn:a> <urn:b> """{long_literal_text()}""" .\n'


def cartesian_graph(subjects: int) -> str:
    """N-Triples whose four-way cartesian product in SPARQL is ``subjects ** 4`` rows."""
    return "".join(f'<urn:s{i}> <urn:p> "{i}" .\n' for i in range(subjects))


class _Recorder(BaseHTTPRequestHandler):
    """Answers anything with a valid JSON-LD context, so a fetch would succeed if made."""

    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        body = json.dumps({"@context": {"rdfs": "http://www.w3.org/2000/01/rdf-schema#"}})
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.end_headers()
        self.wfile.write(body.encode())

    do_POST = do_GET
    do_PUT = do_GET

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def recording_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server on 127.0.0.1 and the list of request paths it has seen."""
    requests: list[str] = []
    handler = type("Handler", (_Recorder,), {"requests": requests})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@contextmanager
def holding_server(trickle: bool) -> Iterator[tuple[str, list[str]]]:
    """A local server that reads each request and never answers it, or (``trickle``)
    answers one byte every half second, forever; and the connections it accepted."""
    stop = threading.Event()
    connections: list[str] = []
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)

    def hold(connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            try:
                connection.recv(65536)
                for byte in itertools.cycle(b"HTTP/1.1 200 OK\r\nX-Slow: "):
                    if stop.wait(0.5):
                        return
                    if trickle:
                        connection.sendall(bytes([byte]))
            except OSError:
                return  # the client hung up

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            connections.append("connection")
            threading.Thread(target=hold, args=(connection,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", connections
    finally:
        stop.set()
        thread.join()
        listener.close()
