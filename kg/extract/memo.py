"""Answers about a parsed document worked out once and kept on its ``Doc`` (issue 14).

Extraction asks the same questions of the same tokens many times: every verb, mention and
place rule walks the sentence list or a verb's children again. A question whose answer
depends only on the parse can be answered once per document and looked up after. The
answers live in ``doc.user_data`` (as :mod:`kg.extract.quotations` keeps its quotes), so
they go when the ``Doc`` does and no two documents share them.

Only plain values are kept (ints, strings, tuples of them), never spaCy ``Span`` or
``Token`` objects, so a ``Doc`` with its answers still pickles. The parse must not change
after the first question: :func:`kg.extract.verbless.mend_verbless_sentences` mends it
before extraction reads anything, and nothing later writes to it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from spacy.tokens import Doc, Token

Answer = TypeVar("Answer")

_PREFIX = "kg.memo"


def per_document(doc: Doc, name: str, work: Callable[[], Answer]) -> Answer:
    """``work()``'s answer for this document, worked out on the first call under ``name``
    and kept on the ``Doc`` for the next."""
    key = (_PREFIX, name)
    if key not in doc.user_data:
        doc.user_data[key] = work()
    return doc.user_data[key]


def per_token(function: Callable[[Token], Answer]) -> Callable[[Token], Answer]:
    """``function`` answered once per token of each document: for a function of a token's
    parse alone (its words, tags and arcs), whose answer is a plain value."""
    name = f"{function.__module__}.{function.__qualname__}"

    @wraps(function)
    def remembered(token: Token) -> Answer:
        answers: dict[int, Answer] = per_document(token.doc, name, dict)
        if token.i not in answers:
            answers[token.i] = function(token)
        return answers[token.i]

    return remembered
