"""Load a built Dataset into a triplestore over the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph goes to ``<endpoint>?graph=<iri>`` and the default graph to
``<endpoint>?default``, one request per graph, as N-Triples (Turtle if the server answers 415).
A store without a default graph (Virtuoso's Graph Store refuses ``?default``) gets the default
graph as the named graph ``DEFAULT_GRAPH_STAND_IN`` instead. Only the standard library is used,
so loading needs no extra dependency. The protocol has no transactions: if request 3 of 10
fails, the first two graphs stay loaded, and the error says so. The whole load has a deadline,
so a server that answers one byte at a time cannot hold kg forever.

The endpoint is the server's Graph Store URL, which differs per server; ``KNOWN_ENDPOINTS``
lists the usual ones. A request is never sent without ``graph``/``default``: on Oxigraph a bare
``PUT /store`` replaces the whole dataset.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from html.parser import HTMLParser
from typing import IO
from urllib.parse import parse_qs, quote, unquote, urlsplit, urlunsplit

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import StoreError
from kg.namespaces import ID
from kg.progress import Progress, Silent, step

KNOWN_ENDPOINTS: dict[str, str] = {
    # Graph Store URLs by server; {host}, {dataset} and {repository} are the user's.
    "oxigraph": "http://{host}:7878/store",
    "fuseki": "http://{host}:3030/{dataset}/data",
    "graphdb": "http://{host}:7200/repositories/{repository}/rdf-graphs/service",
    # Virtuoso: /sparql-graph-crud is anonymous (the SPARQL user needs SPARQL_UPDATE);
    # /sparql-graph-crud-auth asks for credentials (Digest only, which load_dataset answers).
    "virtuoso": "http://{host}:8890/sparql-graph-crud-auth",
}

DEFAULT_TIMEOUT = 60.0
"""Seconds to wait on any one socket operation (connect, send, each read), not on a whole load."""

DEFAULT_DEADLINE = 900.0
"""Seconds a whole load may take, every request and retry included; a server that trickles its
answers never trips the per-operation ``DEFAULT_TIMEOUT``, so this is what bounds it."""

DEFAULT_GRAPH_STAND_IN = str(ID["graph/default"])
"""Where the default graph (kg's entities and facts) goes in a store that has no default graph
to write to, such as Virtuoso's Graph Store endpoints. Its SPARQL endpoint reads every graph
when a query names none, so queries written for the default graph still answer."""


def _ntriples(graph: Graph) -> bytes:
    lines = graph.serialize(format="nt").splitlines(keepends=True)
    return "".join(sorted(lines)).encode("utf-8")


def _turtle(graph: Graph) -> bytes:
    return graph.serialize(format="turtle").encode("utf-8")


PAYLOADS: dict[str, Callable[[Graph], bytes]] = {
    # Tried in order: the next one is used only after a server answers 415 to the previous.
    "application/n-triples": _ntriples,
    "text/turtle; charset=utf-8": _turtle,
}


@dataclass(frozen=True)
class GraphLoad:
    """One request that succeeded: ``graph`` is the IRI, or None for the default graph.
    ``default`` is true when the default graph went to the named graph ``graph`` instead,
    because the store has no default graph (or the caller asked for it)."""

    graph: str | None
    triples: int
    status: int
    content_type: str
    default: bool = False


@dataclass(frozen=True)
class LoadReport:
    """What was sent where: the endpoint (without credentials) and one entry per graph, default
    graph first, then named graphs in IRI order."""

    endpoint: str
    graphs: tuple[GraphLoad, ...]

    @property
    def triples(self) -> int:
        """Triples sent, summed over graphs (a triple in two graphs counts twice)."""
        return sum(load.triples for load in self.graphs)


def load_dataset(dataset: Dataset, endpoint: str, *, replace: bool = True,
                 auth: tuple[str, str] | str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, deadline: float | None = DEFAULT_DEADLINE,
                 default_graph: str | None = None, progress: Progress | None = None
                 ) -> LoadReport:
    """Send every graph of ``dataset`` to the Graph Store at ``endpoint``.

    ``endpoint`` is the Graph Store URL itself (see ``KNOWN_ENDPOINTS``), for example
    ``http://localhost:7878/store`` (Oxigraph) or ``http://localhost:3030/news/data`` (Fuseki).

    With ``replace`` (the default) each graph is sent with PUT, so the store's copy of every graph
    in ``dataset``, including its default graph, becomes exactly this one and loading twice is
    harmless. With ``replace=False`` it is sent with POST and merged into what the store holds:
    use that to add several builds into one store. Graphs on the server that ``dataset`` does not
    mention are never touched, and empty graphs are not sent (so nothing is cleared by accident).
    Blank nodes are scoped to one request: POSTing a graph with blank nodes twice stores them
    twice, and a blank node shared between two graphs arrives as two (kg itself mints none).

    The default graph goes to ``?default``, or to the named graph ``default_graph`` when given.
    A store that refuses ``?default`` because it has no default graph (Virtuoso) gets it as the
    named graph ``DEFAULT_GRAPH_STAND_IN``; the report marks that entry ``default``.

    ``auth`` is ``(user, password)`` or ``"user:password"``; credentials written in the URL
    (``http://user:pw@host/...``) are used too. They go out as HTTP Basic with the first request;
    a server that refuses Basic (Virtuoso answers 401 with no challenge) is asked again without it
    and its Digest challenge answered, and the rest of the load uses Digest. Over plain http
    Basic sends the password in clear, so use https beyond localhost. Redirects are not followed
    (urllib would turn a redirected POST into a GET): the error names the URL to pass instead.

    Raises ``StoreError`` with a one-line message naming the endpoint and the HTTP status (or the
    network failure) if the server cannot be reached, refuses a graph, does not answer within
    ``timeout`` seconds, or the whole load is not done within ``deadline`` seconds (None: no
    deadline). Graphs are checked before anything is sent: one named by a blank node or a
    relative IRI cannot be addressed over the protocol and is refused up front.

    ``progress`` hears of the step ``load``, counted in graphs, advanced as each one is stored.

    Example, with ``oxigraph serve`` running on this machine::

        import kg
        from kg.store import load_dataset

        report = load_dataset(kg.build(["seeds/"]), "http://localhost:7878/store")
        print(f"{report.triples} triples in {len(report.graphs)} graphs")
    """
    url, credentials = _parse_endpoint(endpoint, auth)
    if default_graph is not None:
        _check_graph_name(URIRef(default_graph), url)
    graphs = _graphs_to_send(dataset, url)
    reporter = progress or Silent()
    with _Deadline(deadline) as clock, step(reporter, "load", len(graphs)) as summary:
        session = _Session(url, credentials, timeout, clock)
        method = "PUT" if replace else "POST"
        loads: list[GraphLoad] = []
        for name, graph in graphs:
            is_default = name is None
            target = default_graph if is_default else name
            progress = (len(loads), len(graphs))
            try:
                status, content_type = session.put_graph(method, target, graph, progress)
            except _NoDefaultGraph:
                target = DEFAULT_GRAPH_STAND_IN
                status, content_type = session.put_graph(method, target, graph, progress)
            loads.append(GraphLoad(target, len(graph), status, content_type,
                                   default=is_default and target is not None))
            reporter.advance("load", len(loads))
        summary.append(f"{sum(load.triples for load in loads)} triples in {len(loads)} "
                       "graph(s)")
    return LoadReport(url, tuple(loads))


def _parse_endpoint(endpoint: str, auth: tuple[str, str] | str | None
                    ) -> tuple[str, tuple[str, str] | None]:
    """The URL to call and show (credentials in it are taken out) and the credentials."""
    try:
        parts = urlsplit(endpoint)
        netloc = parts.netloc.rpartition("@")[2]
        url = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
        hostname, _ = parts.hostname, parts.port  # .port raises on a non-numeric port
    except ValueError as err:  # 'http://u:p@[::1/store': an unclosed IPv6 bracket, a bad port
        shown = re.sub(r"//[^/]*@", "//", endpoint, count=1)  # never show a password
        raise StoreError(f"{shown!r}: not a valid URL ({err}); pass the store's Graph Store "
                         f"endpoint, e.g. http://localhost:7878/store") from None
    if parts.scheme not in ("http", "https") or not hostname:
        raise StoreError(f"{url!r}: not an http(s) URL; pass the store's Graph Store endpoint, "
                         f"e.g. http://localhost:7878/store")
    if {"graph", "default"} & parse_qs(parts.query, keep_blank_values=True).keys():
        raise StoreError(f"{url}: pass the endpoint without graph=/default; kg adds them")
    if isinstance(auth, str):
        user, colon, password = auth.partition(":")
        if not colon:
            raise StoreError(f"{url}: credentials must be given as 'user:password'")
        auth = (user, password)
    if auth is None and parts.username is not None:
        auth = (unquote(parts.username), unquote(parts.password or ""))
    return url, auth


def _graph_url(url: str, name: str | None) -> tuple[str, str]:
    """The URL of one graph in the store, and how errors about it name it."""
    separator = "&" if urlsplit(url).query else "?"
    if name is None:
        return f"{url}{separator}default", f"{url} (default graph)"
    return f"{url}{separator}graph={quote(name, safe='')}", f"{url} (graph <{name}>)"


def _check_graph_name(name: object, url: str) -> None:
    if not isinstance(name, URIRef) or not urlsplit(str(name)).scheme:
        shown = name.n3() if isinstance(name, URIRef | BNode) else repr(name)
        raise StoreError(f"{url}: graph {shown} is not named by an absolute IRI, so "
                         f"the Graph Store protocol cannot address it; nothing was sent")


def _graphs_to_send(dataset: Dataset, url: str) -> list[tuple[str | None, Graph]]:
    """Non-empty graphs, default first, then named graphs in IRI order."""
    default: list[tuple[str | None, Graph]] = []
    named: list[tuple[str | None, Graph]] = []
    for graph in dataset.graphs():
        if len(graph) == 0:
            continue
        if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
            default.append((None, graph))
            continue
        _check_graph_name(graph.identifier, url)
        named.append((str(graph.identifier), graph))
    named.sort(key=lambda item: item[0] or "")
    return default + named


class _NoDefaultGraph(Exception):
    """The store refused ``?default`` because it has no default graph to write to."""


class _Session:
    """What one load learns as it goes: which payload type the server takes, and whether it
    refuses preemptive Basic credentials (then Digest answers its challenges)."""

    def __init__(self, url: str, credentials: tuple[str, str] | None, timeout: float,
                 clock: _Deadline) -> None:
        self.url = url
        self.credentials = credentials
        self.timeout = timeout
        self.clock = clock
        self.basic = credentials is not None
        self.payloads = list(PAYLOADS.items())
        self.opener = _opener(url, credentials, clock)

    def put_graph(self, method: str, name: str | None, graph: Graph,
                  progress: tuple[int, int]) -> tuple[int, str]:
        """Send one graph; the HTTP status and the content type that was accepted."""
        target, where = _graph_url(self.url, name)
        while True:
            content_type, serialise = self.payloads[0]
            request = urllib.request.Request(target, data=serialise(graph), method=method,
                                             headers={"Content-Type": content_type})
            sent_basic = self.basic
            if sent_basic and self.credentials is not None:
                request.add_unredirected_header("Authorization", _basic(self.credentials))
            try:
                return self._send(request, where, progress), content_type
            except _Refused as refused:
                if refused.status == 401 and sent_basic:
                    self.basic = False  # remembered: the rest of the load uses Digest
                    continue
                if refused.status == 415 and len(self.payloads) > 1:
                    self.payloads.pop(0)  # remembered for the remaining graphs
                    continue
                if refused.status == 415:
                    raise StoreError(f"{where}: HTTP 415: the server accepts neither N-Triples "
                                     f"nor Turtle; is this a Graph Store endpoint?") from None
                if name is None and "default graph" in refused.message.lower():
                    raise _NoDefaultGraph from None
                raise refused.error from None

    def _send(self, request: urllib.request.Request, where: str,
              progress: tuple[int, int]) -> int:
        """The HTTP status of a successful request; ``_Refused`` for an HTTP error (which
        ``put_graph`` may cure by another try), StoreError for anything else."""
        done, total = progress
        partial = f" ({done} of {total} graphs were loaded before this)" if done else ""
        self.clock.check(where, partial)
        try:
            with self.opener.open(request, timeout=self.clock.cap(self.timeout)) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as err:
            with err:
                message = explain_http_error(err)
            failure = StoreError(f"{where}: {request.get_method()} failed with HTTP {err.code} "
                                 f"{err.reason}{message}{partial}")
            raise _Refused(err.code, message, failure) from None
        except urllib.error.URLError as err:
            self.clock.check(where, partial)
            reason = err.reason
            if isinstance(reason, TimeoutError):
                reason = f"no answer within {self.timeout:g} s"
            raise StoreError(f"{where}: cannot connect: {reason}{partial}") from None
        except TimeoutError:
            self.clock.check(where, partial)
            raise StoreError(f"{where}: no answer within {self.timeout:g} s{partial}") from None
        except (OSError, http.client.HTTPException) as err:
            self.clock.check(where, partial)
            raise StoreError(f"{where}: connection failed: {err or type(err).__name__}"
                             f"{partial}") from None
        except ValueError as err:  # urllib's answer to an authentication scheme it cannot do
            raise StoreError(f"{where}: {err}{partial}") from None


class _Refused(Exception):
    """An HTTP error answer: its status, the server's message, and the error to raise if no
    other try cures it."""

    def __init__(self, status: int, message: str, error: StoreError) -> None:
        super().__init__(status)
        self.status = status
        self.message = message
        self.error = error


class _Deadline:
    """An overall time limit: when it passes, every open connection is shut down, so a read
    blocked on a server that trickles bytes returns at once and the load fails with one line."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.end = None if seconds is None else time.monotonic() + seconds
        self.expired = False
        self._connections: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def __enter__(self) -> _Deadline:
        if self.seconds is not None:
            self._timer = threading.Timer(self.seconds, self._expire)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def watch(self, connection: http.client.HTTPConnection) -> None:
        with self._lock:
            self._connections = [c for c in self._connections if c.sock is not None]
            self._connections.append(connection)
            expired = self.expired
        if expired:
            self._shut(connection)

    def cap(self, timeout: float) -> float:
        """``timeout``, or less if the deadline comes first (never below a millisecond)."""
        if self.end is None:
            return timeout
        return max(0.001, min(timeout, self.end - time.monotonic()))

    def check(self, where: str, partial: str) -> None:
        if self.expired or (self.end is not None and time.monotonic() >= self.end):
            raise StoreError(f"{where}: the load did not finish within its deadline of "
                             f"{self.seconds:g} s{partial}")

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            connections = list(self._connections)
        for connection in connections:
            self._shut(connection)

    @staticmethod
    def _shut(connection: http.client.HTTPConnection) -> None:
        sock = connection.sock
        if sock is not None:
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: Message, newurl: str) -> None:
        return None  # urllib then raises HTTPError with the 3xx status, handled in _send


class _WatchedHTTP(urllib.request.HTTPHandler):
    """urllib's handler, with every connection handed to the deadline that may shut it."""

    def __init__(self, clock: _Deadline) -> None:
        super().__init__()
        self.clock = clock

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connect, req)

    def _connect(self, host: str, **kwargs: object) -> http.client.HTTPConnection:
        connection = _WatchedConnection(host, **kwargs)  # type: ignore[arg-type]
        connection.clock = self.clock
        return connection


class _WatchedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, clock: _Deadline) -> None:
        super().__init__()
        self.clock = clock

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connect, req, context=self._context)  # type: ignore[attr-defined]

    def _connect(self, host: str, **kwargs: object) -> http.client.HTTPSConnection:
        connection = _WatchedSecureConnection(host, **kwargs)  # type: ignore[arg-type]
        connection.clock = self.clock
        return connection


class _WatchedConnection(http.client.HTTPConnection):
    clock: _Deadline

    def connect(self) -> None:
        super().connect()
        self.clock.watch(self)


class _WatchedSecureConnection(http.client.HTTPSConnection):
    clock: _Deadline

    def connect(self) -> None:
        super().connect()
        self.clock.watch(self)


def _opener(url: str, credentials: tuple[str, str] | None,
            clock: _Deadline) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = [_NoRedirects(), _WatchedHTTP(clock),
                                                  _WatchedHTTPS(clock)]
    if credentials is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, *credentials)
        handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
    return urllib.request.build_opener(*handlers)


def _basic(credentials: tuple[str, str]) -> str:
    token = base64.b64encode(":".join(credentials).encode("utf-8")).decode("ascii")
    return f"Basic {token}"


def explain_http_error(err: urllib.error.HTTPError) -> str:
    """The server's message as one line of text (HTML tags stripped), and where a redirect
    points."""
    if 300 <= err.code < 400:
        location = err.headers.get("Location", "")
        return f" (redirects to {location}; pass that URL as the endpoint)" if location else ""
    try:
        body = err.read(8000).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        body = ""
    content_type = err.headers.get("Content-Type", "") if err.headers else ""
    text = server_message(body, html="html" in content_type.lower()
                          or body.lstrip()[:1] == "<")
    return f": {text}" if text else ""


MESSAGE_LIMIT = 300
"""Characters of a server's error message kept in kg's one-line error."""


def server_message(body: str, *, html: bool) -> str:
    """A server's error body as one line: the text of an HTML page (without its title and the
    status line it repeats), or plain text with its line breaks folded."""
    if html:
        reader = _PageText()
        reader.feed(body)
        reader.close()
        pieces = reader.pieces
    else:
        pieces = body.splitlines()
    pieces = [" ".join(piece.split()) for piece in pieces]
    text = ": ".join(p for p in pieces if p and not p.upper().startswith("HTTP/"))
    return text if len(text) <= MESSAGE_LIMIT else text[:MESSAGE_LIMIT - 1] + "…"


class _PageText(HTMLParser):
    """Text blocks of an HTML page, skipping the head, scripts and styles."""

    SKIPPED = frozenset({"head", "title", "script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self._skipping += 1
        elif tag == "xmp":  # Virtuoso wraps its message in <xmp>, whose content is raw text
            self.set_cdata_mode(tag)  # type: ignore[attr-defined]

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping and data.strip():
            self.pieces.append(data)
