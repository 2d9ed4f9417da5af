"""Serialise a Dataset to a file, atomically and deterministically.

Writers are a registry keyed by format name, so a new format is one entry. Output goes to
temporary files in the target folders and they are renamed over the targets only when all are
complete, under a commit journal (kg.journal): a failed or stopped run leaves the previous set
intact, and one killed between two renames leaves a set the next kg run or reader finishes;
never a mixed one. Into a folder that is an output set (kg.outputset) the files are committed
as a new generation of the set instead, which no reader, kg or not, sees mixed.
Single-graph formats get the union of all named graphs.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from io import BytesIO
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from kg import journal, outputset
from kg.durable import fsync_folder, signals_held, temp_prefix, write_temp
from kg.errors import KgError, OutputError
from kg.lexicon import data_file
from kg.namespaces import PREFIXES
from kg.outputset import Output
from kg.rdf import union_graph

FORMAT_SUFFIXES = {"turtle": ".ttl", "json-ld": ".jsonld", "trig": ".trig", "nquads": ".nq",
                   "nt": ".nt"}
SUFFIX_FORMATS = {v: k for k, v in FORMAT_SUFFIXES.items()} | {".json": "json-ld", ".n3": "turtle"}


@cache
def jsonld_context() -> dict[str, object]:
    """data/context.jsonld's context, read once and written inline into kg's JSON-LD."""
    return data_file("context.jsonld")["@context"]


class _TurtleWriter(TurtleSerializer):
    """rdflib's Turtle writer, giving the same bytes, with each IRI's prefixed name looked up
    once: rdflib caches a successful lookup but not a failed one, and every NIF span IRI
    (``doc:...#char=1,5``) fails, so it searched the namespace trie again for every use.
    A lookup can only change when a prefix is bound, so the memo is cleared then."""

    def reset(self) -> None:
        super().reset()
        self._pnames: dict[tuple[Node, bool], str | None] = {}
        self._bound = self._bindings()

    def _bindings(self) -> int:
        return sum(1 for _ in self.store.namespaces())

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        key = (uri, gen_prefix)
        if key in self._pnames:
            return self._pnames[key]
        pname = super().get_pname(uri, gen_prefix)
        if (bound := self._bindings()) != self._bound:
            self._pnames.clear()
            self._bound = bound
        self._pnames[key] = pname
        return pname


def turtle_of(graph: Graph) -> str:
    """``graph.serialize(format="turtle")``, byte for byte, in a fraction of the time."""
    stream = BytesIO()
    _TurtleWriter(graph).serialize(stream, base=graph.base, encoding="utf-8")
    return stream.getvalue().decode("utf-8")


def _turtle(dataset: Dataset) -> str:
    return turtle_of(union_graph(dataset))


def _ntriples(dataset: Dataset) -> str:
    return ntriples_of(union_graph(dataset))


def ntriples_of(graph: Graph) -> str:
    return "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True)))


def _nquads(dataset: Dataset) -> str:
    return "".join(sorted(dataset.serialize(format="nquads").splitlines(keepends=True)))


def _trig(dataset: Dataset) -> str:
    """rdflib's TriG writer orders graphs by store internals, which vary between runs; so each
    graph is written with the (deterministic) Turtle writer and wrapped, in IRI order. The body is
    not indented: a line break inside a long string literal is part of the literal."""
    lines = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())] + [""]
    graphs = sorted(dataset.graphs(), key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID,
                                                     str(g.identifier)))
    for graph in graphs:
        if len(graph) == 0:
            continue
        copy = Graph(store="SimpleMemory")
        for prefix, namespace in PREFIXES.items():
            copy.bind(prefix, namespace)
        copy.addN((s, p, o, copy) for s, p, o in graph)
        body = [ln for ln in turtle_of(copy).splitlines()
                if not ln.startswith("@prefix")]
        name = "" if graph.identifier == DATASET_DEFAULT_GRAPH_ID else f"<{graph.identifier}> "
        lines.append(name + "{")
        lines += body
        lines.append("}")
        lines.append("")
    return "\n".join(lines)


def _jsonld(dataset: Dataset) -> str:
    return jsonld_of(union_graph(dataset))


def jsonld_of(graph: Graph) -> str:
    """Compact JSON-LD with kg's readable context; nodes sorted by @id for stable bytes."""
    data = json.loads(graph.serialize(format="json-ld", context=jsonld_context(),
                                      auto_compact=True))
    nodes = data.get("@graph", [data] if "@id" in data else [])
    nodes = [_sorted_values(_native_numbers(node)) for node in nodes]
    nodes.sort(key=lambda node: str(node.get("@id", "")))
    return json.dumps({"@context": jsonld_context(), "@graph": nodes}, indent=2,
                      ensure_ascii=False, sort_keys=False) + "\n"


NUMERIC_TYPES = {f"xsd:{name}" for name in ("decimal", "double", "float", "integer", "int",
                                             "long", "nonNegativeInteger", "positiveInteger")}


@cache
def numeric_terms() -> frozenset[str]:
    """The context's terms coerced to a numeric datatype: their values are written as JSON
    numbers."""
    return frozenset(term for term, definition in jsonld_context().items()
                     if isinstance(definition, dict) and definition.get("@type") in NUMERIC_TYPES)


def _native_numbers(node: dict[str, object]) -> dict[str, object]:
    """'"confidence": "0.6"' -> '"confidence": 0.6' for numeric terms. A JSON number with the
    term's coercion reads back as the literal whose lexical form is the number as Python prints
    it, so a value is converted only when that is exactly its lexical form ('0.6', '12'), and
    the graph read back from the JSON-LD is the same graph."""
    terms = numeric_terms()
    return {key: _number(value) if key in terms else value for key, value in node.items()}


def _number(value: object) -> object:
    if isinstance(value, list):
        return [_number(item) for item in value]
    if not isinstance(value, str):
        return value
    for kind in (int, float):
        try:
            number = kind(value)
        except ValueError:
            continue
        if repr(number) == value:
            return number
    return value


def _sorted_values(node: object) -> object:
    if isinstance(node, dict):
        return {key: _sorted_values(node[key]) for key in sorted(node)}
    if isinstance(node, list):
        items = [_sorted_values(item) for item in node]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return node


WRITERS: dict[str, Callable[[Dataset], str]] = {
    "turtle": _turtle, "json-ld": _jsonld, "trig": _trig, "nquads": _nquads, "nt": _ntriples,
}
# kg's single-graph writers, which can take a union graph the caller already made
# (``write_outputs`` makes it once for all its targets, not once per format).
UNION_WRITERS: dict[Callable[[Dataset], str], Callable[[Graph], str]] = {
    _turtle: turtle_of, _jsonld: jsonld_of, _ntriples: ntriples_of,
}


def serialize(dataset: Dataset, fmt: str, union: Graph | None = None) -> str:
    """``dataset`` in format ``fmt``; ``union`` is ``union_graph(dataset)`` if the caller has
    it already (it must be exactly that)."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise KgError(f"unknown format {fmt!r}; choose one of {', '.join(WRITERS)}") from None
    if union is not None and writer in UNION_WRITERS:
        return UNION_WRITERS[writer](union)
    return writer(dataset)


def format_for(path: Path, fmt: str | None) -> str:
    if fmt:
        return fmt
    try:
        return SUFFIX_FORMATS[path.suffix.lower()]
    except KeyError:
        raise KgError(f"{path}: cannot tell the format from the suffix; pass --format") from None


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary sibling and rename, so readers never see half a file."""
    write_all({path: text})


def write_outputs(dataset: Dataset, targets: dict[Path, str],
                  pages: dict[Path, str] | None = None, inputs: Iterable[Path] = ()) -> None:
    """Serialise every target first, then write them all or none (``write_all``). ``pages``
    are files already rendered (the HTML report), written along with the graph. A target
    that is one of ``inputs`` or inside an input folder is refused before anything is done."""
    write_all(render_outputs(dataset, targets, pages, inputs))


def render_outputs(dataset: Dataset, targets: dict[Path, str],
                   pages: dict[Path, str] | None = None, inputs: Iterable[Path] = ()
                   ) -> dict[Path, str]:
    """What ``write_outputs`` writes, path -> text, for a caller that commits them itself
    (kg build, with the graph store, as one output set)."""
    pages = pages or {}
    refuse_overwriting_inputs([*targets, *pages], inputs)
    writers = [WRITERS.get(fmt) for fmt in targets.values()]
    union = union_graph(dataset) if any(w in UNION_WRITERS for w in writers) else None
    return {path: serialize(dataset, fmt, union) for path, fmt in targets.items()} | pages


def refuse_overwriting_inputs(targets: Iterable[Path], inputs: Iterable[Path]) -> None:
    """Raise ``OutputError`` when an output would replace an input file or land in an input
    folder (where the next build would read the graph as an article)."""
    sources = [_resolved(p) for p in inputs]
    for target in targets:
        out = _resolved(target)
        for source in sources:
            if out == source:
                raise OutputError(f"{target}: is an input; write the graph elsewhere")
            if source.is_dir() and out.is_relative_to(source):
                raise OutputError(f"{target}: is inside the input folder {source}; write the "
                                  "graph elsewhere")


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def write_all(files: Mapping[Path, Output], links: Mapping[Path, str] | None = None) -> None:
    """Write a set of files all or nothing: every file goes to a temporary sibling (flushed to
    disk; a ``Path`` value is a finished file to move in, on the same file system), then all
    are renamed over their targets with SIGINT and SIGTERM held back; if a rename fails, the
    targets already replaced get their previous content back. ``links`` (path -> link text:
    a graph store's ``current``) are replaced by new symbolic links last, in the same set.
    The renames run under a commit journal, so even SIGKILL between two of them leaves a set
    that the next run (here, first) or reader finishes (``journal.roll_forward``). Temporary
    files are removed on every exit path; those a killed run left behind are removed here
    first. Files of one folder that holds an output set (kg.outputset) are committed as a new
    generation of that set instead, in one rename."""
    links = links or {}
    folders = {path.parent for path in files}
    if not links and len(folders) == 1 and outputset.is_set_folder(folder := folders.pop()):
        outputset.commit(folder, {path.name: data for path, data in files.items()})
        return
    for path in [*files, *links]:
        remove_stale_temps(path)
    temps: dict[Path, str] = {}
    backups: dict[Path, str | None] = {}
    try:
        for path, data in files.items():
            temps[path] = str(_flushed(data) if isinstance(data, Path) else write_temp(path, data))
        for path, target in links.items():  # last: a failed rename before them puts all back
            temps[path] = str(_temp_link(path, target))
        with signals_held():
            backups.update((path, _backup(path)) for path in temps)
            journals = journal.begin({Path(temp): path for path, temp in temps.items()},
                                     leftovers=[Path(b) for b in backups.values() if b])
            _replace_all(temps, backups, journals)
            journal.end(journals)
    finally:
        for temp in [*temps.values(), *backups.values()]:
            if temp is not None:
                Path(temp).unlink(missing_ok=True)


def _flushed(finished: Path) -> Path:
    with open(finished, "rb") as stream:
        os.fsync(stream.fileno())
    return finished


def _temp_link(path: Path, target: str) -> Path:
    temp = path.with_name(f"{temp_prefix(path)}link.tmp")
    try:
        temp.unlink(missing_ok=True)
        os.symlink(target, temp)
    except OSError as err:
        raise OutputError(f"{path}: cannot write ({err.strerror or err}); no output was "
                          "changed") from None
    return temp


def remove_stale_temps(path: Path) -> None:
    """Finish a set a stopped kg process left half-renamed in ``path``'s folder, then remove
    the temporary siblings of ``path`` left by a kg process that no longer runs (files, and
    the folders a streamed file is sorted in)."""
    journal.roll_forward(path.parent)
    try:
        siblings = list(path.parent.glob(f".{glob.escape(path.name)}.kg*.tmp"))
    except OSError:
        return
    for sibling in siblings:
        pid = sibling.name[len(path.name) + 4:].split(".", 1)[0]
        if pid.isdigit() and not journal.process_alive(int(pid)):
            if sibling.is_dir() and not sibling.is_symlink():
                shutil.rmtree(sibling, ignore_errors=True)
            else:
                sibling.unlink(missing_ok=True)


def _replace_all(temps: dict[Path, str], backups: dict[Path, str | None],
                 journals: list[Path]) -> None:
    """Rename each temporary file over its target; on a failure drop the journal (the set is
    not to be finished) and put back what was replaced (from ``backups``, hard links to the
    previous targets)."""
    replaced: list[Path] = []
    try:
        for path, temp in temps.items():
            os.replace(temp, path)
            replaced.append(path)
            if len(replaced) == 1 < len(temps):
                journal.pause_for_tests()
    except OSError as err:
        journal.end(journals)
        for done in replaced:
            _restore(done, backups[done])
        raise OutputError(f"{path}: cannot write ({err.strerror or err}); no output was "
                          "changed") from None
    for folder in {path.parent for path in temps}:
        fsync_folder(folder)


def _restore(path: Path, backup: str | None) -> None:
    try:
        if backup is None:
            path.unlink(missing_ok=True)  # it did not exist before this run
        else:
            os.replace(backup, path)
    except OSError:
        pass  # the error being raised already says the set could not be written


def _backup(path: Path) -> str | None:
    """A hard link to the current ``path`` (None if there is none or links are not possible),
    so a failed set of renames can restore it."""
    if not path.is_file():
        return None
    backup = f"{path.parent}/{temp_prefix(path)}old.tmp"
    try:
        Path(backup).unlink(missing_ok=True)
        os.link(path, backup)
    except OSError:
        return None
    return backup
