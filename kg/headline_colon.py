"""Headlines that name a source or a topic before a colon: 'Police: man shot by officer',
'Velmar: rebels seize airport', 'Election 2024: Reyes wins primary'. Headline grammar puts the
speaker or the subject area first and the news after the colon, but spaCy's small English
model parses the line as one clause, so the word before the colon becomes the subject of the
verb after it ('Velmar --seize--> airport') or the head the news hangs on ('police' shot by
the officer).

This runs inside the spaCy pipeline, after the parser, on each line that ends without a stop
(a headline or heading, data/headline_colon.json). When the part before the first colon is a
short phrase with no verb and the part after it has a verb, the tree is cut at the colon: each
part keeps the links the parse made inside it, and a word that hung on the other part hangs on
its own part's head, so that the line becomes two sentences, the label and the news, and the
news is read like any other clause. The words, their tags and their offsets never change,
only the tree (facts still point into the original text).
"""
from __future__ import annotations

from functools import cache

from kg.lexicon import data_file

VERB_TAGS = frozenset({"VBZ", "VBP", "VBD", "VBN", "MD"})


@cache
def _settings() -> dict[str, object]:
    """data/headline_colon.json, read once."""
    return data_file("headline_colon.json")


def _label_and_news(sentence) -> tuple[object, object] | None:  # (Span) -> (Span, Span)
    """The label before the colon (colon included) and the news after it, when the line is a
    headline of that shape: no stop at its end, a short verbless label, a verb in the news."""
    settings = _settings()
    words = [t for t in sentence if not t.is_space]
    if not words or words[-1].text in set(settings["statement_ends"]):  # type: ignore[arg-type]
        return None
    colon = next((t for t in sentence if t.text == ":"), None)
    if colon is None or colon.i == sentence.start:
        return None
    label = sentence.doc[sentence.start:colon.i + 1]
    news = sentence.doc[colon.i + 1:sentence.end]
    if len(label) - 1 > int(settings["max_label_words"]) or \
            any(t.tag_ in VERB_TAGS or t.pos_ in {"VERB", "AUX"} for t in label):
        return None
    if len([t for t in news if not t.is_space]) < 2 or not any(t.tag_ in VERB_TAGS for t in news):
        return None
    return label, news


def _news_heads(news) -> list[tuple[int, str]]:  # (Span) -> [(head index, dep)]
    """The news's own tree, cut from the line's: its words keep the heads the line's parse gave
    them inside it, and a word that hung on the label hangs on the news's head word, a finite
    verb when one hung there ('rebels seize airport'), else the first ('man' of 'man shot by
    officer'). The news is not parsed again: alone, a short clause such as 'Reyes, Tan win
    primaries' is parsed no better than inside the line, and a cut changes nothing else."""
    inside = range(news.start, news.end)
    loose = [t for t in news if not t.is_space and (t.head.i not in inside or t.head.i == t.i)]
    if not loose:
        return [(t.head.i, t.dep_) for t in news]
    head = next((t for t in loose if t.tag_ in VERB_TAGS), loose[0])
    heads = []
    for token in news:
        if token.i == head.i:
            heads.append((head.i, "ROOT"))
        elif token.head.i in inside and token.head.i != token.i:
            heads.append((token.head.i, token.dep_))
        else:
            heads.append((head.i, "punct" if token.is_punct else "dep"))
    return heads


def _set_trees(doc, parts: list[tuple[object, list[tuple[int, str]]]]) -> None:
    """Give each part of the line the heads and dependency labels worked out for it, in one
    pass, so that the document's tree is never half old and half new."""
    from spacy.attrs import DEP, HEAD

    array = doc.to_array([HEAD, DEP])  # uint64: HEAD a signed offset in two's complement
    for part, heads in parts:
        for row, (head, dep) in zip(range(part.start, part.end), heads, strict=True):
            array[row, 0] = (head - row) % 2**64
            array[row, 1] = doc.vocab.strings.add(dep)
    doc.from_array([HEAD, DEP], array)


def _label_heads(label) -> list[tuple[int, str]]:  # (Span) -> [(head index, dep)]
    """The label's own tree, cut from the line's: its words keep their heads inside it, and a
    word that hung on the news (the label's head, the colon) hangs on the label's head word,
    which becomes a root. The label is not parsed again: alone, a noun phrase such as
    'United States presidential election' is parsed worse than inside the line."""
    inside = range(label.start, label.end)
    words = [t for t in label if t.text != ":" or t.i != label.end - 1]
    head = next((t for t in reversed(words) if t.head.i not in inside or t.head.i == t.i),
                words[-1])
    heads = []
    for token in label:
        if token.i == head.i:
            heads.append((head.i, "ROOT"))
        elif token.head.i in inside and token.head.i != token.i and token.text != ":":
            heads.append((token.head.i, token.dep_))
        else:
            heads.append((head.i, "punct" if token.is_punct else "dep"))
    return heads


def split_colon_headlines(doc):  # (Doc) -> Doc
    """Part each headline with a label before a colon into the label and the news, each
    keeping the line's parse inside it (module docstring)."""
    for sentence in list(doc.sents):
        parts = _label_and_news(sentence)
        if parts is not None:
            label, news = parts
            _set_trees(doc, [(label, _label_heads(label)), (news, _news_heads(news))])
    return doc
