"""The persistent graph store: a folder with the graph in an embedded Oxigraph database and
each document's extraction record, so ``kg build --update`` re-extracts only new or changed
articles and re-resolves the corpus from the records.

Layout of a store folder::

    records/<key>.json   one ExtractionResult per document; ``key`` hashes the Document
                         record it was extracted from and how (kg's code and data, model,
                         confidence floor): content-addressed, never rewritten
    g-<pid>-<n>/         a generation: manifest.json (settings, source -> key) and
                         oxigraph/ (the database)
    current              symbolic link to the live generation
    lock                 held (flock) while a build writes, so two writers cannot interleave

A write stages a whole new generation beside the live one, then points ``current`` at it by
renaming a new link over the old one (atomic on POSIX). A killed or failed write therefore
leaves the previous generation live and whole; the next write removes what it left behind.
Readers open the generation ``current`` names, read-only.

rdflib stays the Python interface: ``read_dataset`` gives an rdflib Dataset, and
``write_store`` takes one, or its quads as they are made (``kg.graphstream``). N-Quads and
N-Triples are streamed from the database by Oxigraph's own writer (``dump``), never copied
into rdflib.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, partial
from pathlib import Path

import pyoxigraph as ox
from pydantic import BaseModel, ConfigDict, ValidationError
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.term import Node

from kg import __version__, journal, outputset
from kg.durable import fsync_folder, replacing, sole_writer, write_durably
from kg.errors import GraphError, KgError, OutputError
from kg.export import remove_stale_temps, write_outputs
from kg.model import Document, ExtractionResult
from kg.namespaces import PREFIXES

RdfQuad = tuple[Node, Node, Node, Node | None] | ox.Quad
"""(subject, predicate, object, graph name or None for the default graph), in rdflib terms;
or an Oxigraph quad (a document part read from the rows a worker wrote: kg.graphstream)."""

DEFAULT_STORE = Path("output/store")
"""Where ``kg build`` keeps its store when not told otherwise."""

LAYOUT_VERSION = 1
CURRENT = "current"
MANIFEST = "manifest.json"
DATABASE = "oxigraph"
RECORDS = "records"


class StoreManifest(BaseModel):
    """What a generation holds: the settings every record was extracted with (an update must
    use the same, or its records would not match a one-go build) and which record is each
    document's."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    layout: int = LAYOUT_VERSION
    kg_version: str = __version__
    extractor: str = ""
    """``extractor_fingerprint()`` of the kg that extracted the records: an update by a kg
    whose code or data differ would mix two extractions (an older store has '')."""
    model: str
    min_confidence: float
    documents: dict[str, str]
    """Document source (as ``kg build`` names it) -> record key."""
    datatypes: dict[str, str] = {}
    """Predicate -> the integer datatype its values had (xsd:nonNegativeInteger for
    nif:beginIndex), which Oxigraph keeps only as xsd:integer (see ``IntegerTypes``)."""


def record_key(document: Document, model: str, min_confidence: float) -> str:
    """The content hash a document's record is filed under: every field of the Document (its
    text, source, title, date...) and how it was read (kg's code and data, the spaCy
    pipeline, the confidence floor), so a record file of a key is always the same record."""
    reading = f"{extractor_fingerprint()}\0{model}\0{min_confidence!r}\0"
    return hashlib.sha256((reading + document.model_dump_json()).encode("utf-8")
                          ).hexdigest()[:32]


FINGERPRINTED = (".py", ".json", ".txt", ".ttl", ".gz", ".tsv", ".jsonld")


@cache
def extractor_fingerprint() -> str:
    """A hash of kg's own code and data files: what a record's readings depend on besides
    the document and the model. A kg release, a change to a lexicon or a rule is a new one."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    files = sorted(f for f in root.rglob("*") if f.is_file() and f.suffix in FINGERPRINTED
                   and "__pycache__" not in f.parts)
    for file in files:
        digest.update(file.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def is_store(path: Path) -> bool:
    return (Path(path) / CURRENT).is_symlink()


@dataclass(frozen=True)
class GraphStore:
    """A store's live generation, opened for reading."""

    path: Path
    generation: Path

    @cached_property
    def manifest(self) -> StoreManifest:
        try:
            return StoreManifest.model_validate_json(
                (self.generation / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError, ValidationError) as err:
            raise GraphError(f"{self.path}: damaged store manifest ({_first_line(err)})") from None

    def record(self, key: str) -> ExtractionResult:
        file = self.path / RECORDS / f"{key}.json"
        try:
            return ExtractionResult.model_validate_json(file.read_text("utf-8"))
        except (OSError, ValueError, ValidationError) as err:
            raise GraphError(f"{file}: damaged extraction record ({_first_line(err)})") from None

    def records(self) -> list[ExtractionResult]:
        return [self.record(key) for key in self.manifest.documents.values()]

    @contextlib.contextmanager
    def database(self) -> Iterator[ox.Store]:
        try:
            store = ox.Store.read_only(str(self.generation / DATABASE))
        except OSError as err:
            raise GraphError(f"{self.path}: cannot open the database ({_first_line(err)})"
                             ) from None
        try:
            yield store
        finally:
            del store


def open_store(path: str | Path) -> GraphStore:
    """The live generation of the store at ``path``; ``GraphError`` if there is none."""
    path = Path(path)
    journal.roll_forward(path)  # a plain build's files and store switch under one journal
    if not is_store(path):
        raise GraphError(f"{path}: not a kg graph store (build one with kg build --store DIR)")
    generation = (path / CURRENT).resolve()
    if not generation.is_dir():
        raise GraphError(f"{path}: damaged store (its current generation is missing)")
    return GraphStore(path, generation)


def write_store(path: str | Path, manifest: StoreManifest,
                records: Iterable[ExtractionResult], dataset: Dataset | Iterable[RdfQuad],
                before_swap: Callable[[], None] | None = None,
                commit: Callable[[Path], None] | None = None) -> None:
    """Make ``dataset`` (a Dataset, or its quads as they come: ``kg.graphstream``) and
    ``records`` the store's content, all or nothing: stage a new generation, swap the
    ``current`` link by rename, then drop the old generation and the records no document uses
    any more. A store folder that does not exist is created. ``before_swap`` runs when the
    quads are loaded; if it raises, the staged generation is dropped and nothing changes.
    ``commit``, if given, is called with the staged generation instead of the swap: an output
    set (kg.outputset) switches the store together with its files."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: a file is in the way of the store folder")
    if path.is_dir():
        # a build killed between the renames of plain files and this store's link (under
        # one journal: --no-atomic-set) is finished before its staged generation is removed
        journal.roll_forward(path)
    if path.is_dir() and not is_store(path) and not _unfinished_first_write(path):
        raise OutputError(f"{path}: is a folder but not a kg graph store; choose another")
    try:
        (path / RECORDS).mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{path}: cannot write here ({err.strerror or err})") from None
    # the store's lock file, part of its layout from the start (a set folder, which must
    # gain no file a reader could take for an output, locks the folder itself)
    with sole_writer(path / "lock", f"{path}: another kg build is writing this store"):
        _remove_leftovers(path)
        for record in records:
            _write_record(path, record, manifest)
        staged = Path(tempfile.mkdtemp(dir=path, prefix=f"g-{os.getpid()}-"))
        try:
            datatypes = _write_database(staged / DATABASE, dataset)
            manifest = manifest.model_copy(update={"datatypes": datatypes})
            write_durably(staged / MANIFEST, manifest.model_dump_json(indent=1))
            if before_swap is not None:
                before_swap()
            (commit or partial(_swap_current, path))(staged)
        except BaseException:
            if (path / CURRENT).resolve() != staged.resolve():  # a stop after the switch
                shutil.rmtree(staged, ignore_errors=True)       # keeps what it made live
            raise
        _remove_leftovers(path)


def _unfinished_first_write(path: Path) -> bool:
    """An empty folder, or what a first write killed or failed before its switch leaves
    (records, the lock, staged generations, temporary links): the next write takes it over
    instead of refusing the folder as someone else's."""
    return all(entry.name in {RECORDS, "lock"} or entry.name.startswith(("g-", f".{CURRENT}.kg"))
               for entry in path.iterdir())


def _write_record(path: Path, record: ExtractionResult, manifest: StoreManifest) -> None:
    key = record_key(record.document, manifest.model, manifest.min_confidence)
    if manifest.documents.get(record.document.source) != key:
        raise KgError(f"{record.document.source}: record not in the store manifest (a bug)")
    file = path / RECORDS / f"{key}.json"
    if not file.exists():  # content-addressed, reading included: an existing record is this one
        write_durably(file, record.model_dump_json())


def _write_database(folder: Path, dataset: Dataset | Iterable[RdfQuad]) -> dict[str, str]:
    """Bulk-load the quads; return the integer datatypes to put back on reading."""
    types = IntegerTypes()
    quads = dataset.quads((None, None, None, None)) if isinstance(dataset, Dataset) \
        else dataset
    try:
        store = ox.Store(str(folder))
        store.bulk_extend(to_oxigraph(quad, types) for quad in quads)
        store.flush()
        del store
    except OSError as err:
        raise OutputError(f"{folder}: cannot write the database ({_first_line(err)})") from None
    return types.by_predicate()


class IntegerTypes:
    """Oxigraph stores numbers by value: "5"^^xsd:nonNegativeInteger comes back as
    "5"^^xsd:integer. kg gives each integer predicate one datatype, so the store remembers it
    per predicate and reading puts it back; a predicate with two integer datatypes cannot be
    stored exactly and is refused rather than silently changed. (Lexical forms are kept by
    value too: kg writes numbers in canonical form, "0.6" not "0.60"; a test round-trips the
    seeds' graph to check.)"""

    def __init__(self) -> None:
        self.seen: dict[str, set[str]] = {}

    def note(self, predicate: str, datatype: str) -> None:
        kinds = self.seen.setdefault(predicate, set())
        if datatype not in kinds:
            kinds.add(datatype)
            if len(kinds) > 1:
                raise GraphError(f"<{predicate}> has values of {len(kinds)} integer datatypes "
                                 f"({', '.join(sorted(kinds))}); the store keeps only one")

    def by_predicate(self) -> dict[str, str]:
        return {p: next(iter(k)) for p, k in sorted(self.seen.items())
                if next(iter(k)) != INTEGER}


INTEGER = str(XSD.integer)
INTEGER_TYPES = frozenset(str(XSD[name]) for name in (
    "integer", "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte"))


def _swap_current(path: Path, generation: Path) -> None:
    bound = outputset.bound_set(path / CURRENT)
    if bound is not None:  # the store switches with the output set it is bound to
        outputset.commit(bound, {}, store=(path / CURRENT, generation))
        return
    link = path / f".{CURRENT}.kg{os.getpid()}.tmp"
    link.unlink(missing_ok=True)
    os.symlink(generation.name, link)
    os.replace(link, path / CURRENT)  # the one atomic step: before it the old, after the new
    fsync_folder(path, strict=True)


def _remove_leftovers(path: Path) -> None:
    """Generations other than the live one (staged by a killed run, or replaced), records no
    document of the live generation uses, and temporary files. Called with the lock held."""
    live = (path / CURRENT).resolve() if is_store(path) else None
    if live is not None and not live.is_dir():
        # a link to nothing: the output set's current generation has no store (a checkout of
        # a committed ``output/`` brings generations without their ignored store link), so
        # there is no live generation to keep and the build writes the store anew
        live = None
    used: set[str] = set()
    if live is not None:
        used = set(GraphStore(path, live).manifest.documents.values())
    for entry in path.iterdir():
        if entry.name.startswith("g-") and entry.is_dir() and (
                live is None or entry.name != live.name):
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(f".{CURRENT}.kg") and not entry.name.startswith(
                f".{CURRENT}.kg{os.getpid()}."):
            entry.unlink(missing_ok=True)
    if live is not None:
        for record in (path / RECORDS).iterdir():
            if record.name.endswith(".tmp") or record.stem not in used:
                record.unlink(missing_ok=True)


# --- reading -------------------------------------------------------------------------------


def read_dataset(path: str | Path) -> Dataset:
    """The store's graph as an rdflib Dataset (one named graph per article, entities and facts
    in the default graph), as ``kg.build`` returns it; for the commands that take a graph."""
    dataset = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    opened = open_store(path)
    datatypes = opened.manifest.datatypes
    with opened.database() as store:
        graphs: dict[str, object] = {}
        for quad in store:
            name = quad.graph_name
            key = "" if isinstance(name, ox.DefaultGraph) else name.value
            graph = graphs.get(key)
            if graph is None:
                graph = graphs[key] = (dataset.default_graph if not key
                                       else dataset.graph(URIRef(key)))
            graph.add((from_oxigraph(quad.subject), from_oxigraph(quad.predicate),
                       from_oxigraph(quad.object, datatypes.get(quad.predicate.value))))
    return dataset


def quad_count(path: str | Path) -> int:
    with open_store(path).database() as store:
        return len(store)


STREAM_FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "nt": ox.RdfFormat.N_TRIPLES}
"""Formats written straight from the database; others go through ``read_dataset``."""


def export_store(path: str | Path, target: Path, fmt: str) -> int:
    """Write the store's graph to ``target`` in ``fmt`` (a ``kg.export`` format name) and
    return its quad count. N-Quads and N-Triples stream (``stream_to_file``); the other
    formats are written by kg's usual writers from the graph read into memory, byte for byte
    as ``kg build -o`` writes them."""
    if fmt in STREAM_FORMATS:
        stream_to_file(path, target, fmt)
        return quad_count(path)
    dataset = read_dataset(path)
    write_outputs(dataset, {target: fmt})
    return len(dataset)


def stream_to_file(path: str | Path, target: Path, fmt: str) -> None:
    """Write the store's graph as N-Quads (every graph) or N-Triples (their union, each triple
    once) to ``target`` without holding the graph in memory: Oxigraph writes as it reads, into
    a temporary sibling renamed over ``target`` when complete. Lines come in the database's
    order (the same for the same graph), not sorted as ``kg build -o`` sorts them; integers get
    their own datatype back (``IntegerTypes``)."""
    remove_stale_temps(target)
    opened = open_store(path)
    types = opened.manifest.datatypes
    with opened.database() as store, replacing(target) as stream:
        if fmt == "nquads":
            ox.serialize((restored(q, types) for q in store), stream, STREAM_FORMATS[fmt])
        else:
            rows = store.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }",
                               use_default_graph_as_union=True)
            ox.serialize((restored(ox.Quad(r["s"], r["p"], r["o"]), types).triple
                          for r in rows), stream, STREAM_FORMATS[fmt])


# --- terms ---------------------------------------------------------------------------------


def to_oxigraph(quad: tuple[Node, Node, Node, Node | None] | ox.Quad,
                types: IntegerTypes | None = None) -> ox.Quad:
    """The quad in Oxigraph's terms (one already in them is only noted in ``types``)."""
    if isinstance(quad, ox.Quad):
        o = quad.object
        if types is not None and isinstance(o, ox.Literal) \
                and o.datatype.value in INTEGER_TYPES:
            types.note(quad.predicate.value, o.datatype.value)
        return quad
    s, p, o, g = quad
    graph = (ox.DefaultGraph() if g is None or g == DATASET_DEFAULT_GRAPH_ID
             else _ox_term(getattr(g, "identifier", g)))
    if types is not None and isinstance(o, Literal) and str(o.datatype) in INTEGER_TYPES:
        types.note(str(p), str(o.datatype))
    return ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), graph)


def _ox_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise GraphError(f"cannot store the term {term!r}")


def from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal, integer_type: str | None = None
                  ) -> Node:
    """The rdflib term; a plain string comes back as rdflib's plain literal (RDF 1.1 makes it
    xsd:string, which kg never writes explicitly), an integer with ``integer_type`` (its
    predicate's, from the manifest) when given."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == str(XSD.string):
        return Literal(term.value)
    if datatype == INTEGER and integer_type:
        datatype = integer_type
    return Literal(term.value, datatype=URIRef(datatype))


def restored(quad: ox.Quad, datatypes: dict[str, str]) -> ox.Quad:
    """The quad as written: its integer object with its predicate's own datatype again."""
    o = quad.object
    if (isinstance(o, ox.Literal) and o.datatype.value == INTEGER
            and (kind := datatypes.get(quad.predicate.value))):
        value = ox.Literal(o.value, datatype=ox.NamedNode(kind))
        return ox.Quad(quad.subject, quad.predicate, value, quad.graph_name)
    return quad


def _first_line(err: BaseException) -> str:
    return next(iter(str(err).splitlines()), type(err).__name__)


__all__ = [
    "DEFAULT_STORE",
    "GraphStore",
    "StoreManifest",
    "export_store",
    "is_store",
    "open_store",
    "quad_count",
    "read_dataset",
    "record_key",
    "stream_to_file",
    "write_store",
]
