"""Load a built Dataset into a triplestore over the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph goes to ``<endpoint>?graph=<iri>`` and the default graph to
``<endpoint>?default``, one request per graph, as N-Triples (Turtle if the server answers 415).
Only the standard library is used, so loading needs no extra dependency. The protocol has no
transactions: if request 3 of 10 fails, the first two graphs stay loaded, and the error says so.

The endpoint is the server's Graph Store URL, which differs per server; ``KNOWN_ENDPOINTS``
lists the usual ones. A request is never sent without ``graph``/``default``: on Oxigraph a bare
``PUT /store`` replaces the whole dataset.
"""

from __future__ import annotations

import base64
import http.client
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import IO
from urllib.parse import parse_qs, quote, unquote, urlsplit, urlunsplit

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import StoreError

KNOWN_ENDPOINTS: dict[str, str] = {
    # Graph Store URLs by server; {host}, {dataset} and {repository} are the user's.
    "oxigraph": "http://{host}:7878/store",
    "fuseki": "http://{host}:3030/{dataset}/data",
    "graphdb": "http://{host}:7200/repositories/{repository}/rdf-graphs/service",
    # Virtuoso: /sparql-graph-crud is anonymous (the SPARQL user needs SPARQL_UPDATE);
    # /sparql-graph-crud-auth asks for credentials (Digest, which load_dataset answers).
    "virtuoso": "http://{host}:8890/sparql-graph-crud-auth",
}

DEFAULT_TIMEOUT = 60.0
"""Seconds to wait on any one socket operation (connect, send, each read), not on a whole load."""


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
    """One request that succeeded: ``graph`` is the IRI, or None for the default graph."""

    graph: str | None
    triples: int
    status: int
    content_type: str


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
                 timeout: float = DEFAULT_TIMEOUT) -> LoadReport:
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

    ``auth`` is ``(user, password)`` or ``"user:password"``; credentials written in the URL
    (``http://user:pw@host/...``) are used too. They go out as HTTP Basic with every request and
    in answer to a Digest challenge (Virtuoso's ``-auth`` endpoints); over plain http Basic
    sends the password in clear, so use https beyond localhost. Redirects are not followed (urllib
    would turn a redirected POST into a GET): the error names the URL to pass instead.

    Raises ``StoreError`` with a one-line message naming the endpoint and the HTTP status (or the
    network failure) if the server cannot be reached, refuses a graph, or does not answer within
    ``timeout`` seconds. Graphs are checked before anything is sent: one named by a blank node or
    a relative IRI cannot be addressed over the protocol and is refused up front.

    Example, with ``oxigraph serve`` running on this machine::

        import kg
        from kg.store import load_dataset

        report = load_dataset(kg.build(["seeds/"]), "http://localhost:7878/store")
        print(f"{report.triples} triples in {len(report.graphs)} graphs")
    """
    url, credentials = _parse_endpoint(endpoint, auth)
    graphs = _graphs_to_send(dataset, url)
    opener = _opener(url, credentials)
    method = "PUT" if replace else "POST"
    payloads = list(PAYLOADS.items())
    loads: list[GraphLoad] = []
    for name, graph in graphs:
        target, where = _graph_url(url, name)
        while True:
            content_type, serialise = payloads[0]
            request = urllib.request.Request(target, data=serialise(graph), method=method,
                                             headers={"Content-Type": content_type})
            if credentials is not None:
                request.add_unredirected_header("Authorization", _basic(credentials))
            status = _send(opener, request, timeout, where, done=len(loads), total=len(graphs))
            if status != 415:
                break
            if len(payloads) == 1:
                raise StoreError(f"{where}: HTTP 415: the server accepts neither N-Triples nor "
                                 f"Turtle; is this a Graph Store endpoint?")
            payloads.pop(0)  # remembered for the remaining graphs
        loads.append(GraphLoad(name, len(graph), status, content_type))
    return LoadReport(url, tuple(loads))


def _parse_endpoint(endpoint: str, auth: tuple[str, str] | str | None
                    ) -> tuple[str, tuple[str, str] | None]:
    """The URL to call and show (credentials in it are taken out) and the credentials."""
    parts = urlsplit(endpoint)
    netloc = parts.netloc.rpartition("@")[2]
    url = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    if parts.scheme not in ("http", "https") or not parts.hostname:
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
        name = graph.identifier
        if not isinstance(name, URIRef) or not urlsplit(str(name)).scheme:
            raise StoreError(f"{url}: graph {name.n3()} is not named by an absolute IRI, so "
                             f"the Graph Store protocol cannot address it; nothing was sent")
        named.append((str(name), graph))
    named.sort(key=lambda item: item[0] or "")
    return default + named


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: Message, newurl: str) -> None:
        return None  # urllib then raises HTTPError with the 3xx status, handled in _send


def _opener(url: str, credentials: tuple[str, str] | None) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = [_NoRedirects()]
    if credentials is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, *credentials)
        handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
    return urllib.request.build_opener(*handlers)


def _basic(credentials: tuple[str, str]) -> str:
    token = base64.b64encode(":".join(credentials).encode("utf-8")).decode("ascii")
    return f"Basic {token}"


def _send(opener: urllib.request.OpenerDirector, request: urllib.request.Request,
          timeout: float, where: str, *, done: int, total: int) -> int:
    """The HTTP status of a successful request, or 415; anything else raises StoreError."""
    partial = f" ({done} of {total} graphs were loaded before this)" if done else ""
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as err:
        with err:
            if err.code == 415:
                return 415
            raise StoreError(f"{where}: {request.get_method()} failed with HTTP {err.code} "
                             f"{err.reason}{_explain(err)}{partial}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, TimeoutError):
            reason = f"no answer within {timeout:g} s"
        raise StoreError(f"{where}: cannot connect: {reason}{partial}") from None
    except TimeoutError:
        raise StoreError(f"{where}: no answer within {timeout:g} s{partial}") from None
    except (OSError, http.client.HTTPException) as err:
        raise StoreError(f"{where}: connection failed: {err or type(err).__name__}"
                         f"{partial}") from None
    except ValueError as err:  # urllib's answer to an authentication scheme it cannot do
        raise StoreError(f"{where}: {err}{partial}") from None


def _explain(err: urllib.error.HTTPError) -> str:
    """The first line of the server's message, and where a redirect points."""
    if 300 <= err.code < 400:
        location = err.headers.get("Location", "")
        return f" (redirects to {location}; pass that URL as the endpoint)" if location else ""
    try:
        body = err.read(2000).decode("utf-8", "replace").strip()
    except (OSError, http.client.HTTPException):
        body = ""
    first = body.splitlines()[0][:200] if body else ""
    return f": {first}" if first else ""
