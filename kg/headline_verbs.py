"""Verbs the tagger read as nouns in a clause with no finite verb: 'Court Rules Against Firm',
'Council denounces plan', 'Crowds march in capital'. A telegraphic headline has no article and
no final stop, and spaCy's small English model then reads its verb as a plural noun (NNS, NNPS)
or a noun after a plural noun, so the line has no verb and yields no fact.

This runs inside the spaCy pipeline, after the parser, on each sentence that has no finite verb.
The first word that can be a verb (WordNet knows it as one, data/verb_forms.json) after a noun,
in the form a present-tense headline verb takes after that noun ('-s' after a singular noun, the
base after a plural), is put in place of an unambiguous verb of the same shape ('finds',
'find') and the sentence alone is parsed again. The new tree is kept only when that verb is its
root, with a subject before it and an object or a prepositional phrase after it; the words
and their offsets never change, only tags, lemma and the tree (so facts still point into the
original text).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from kg.headline_colon import split_colon_headlines
from kg.lexicon import data_file, verb_forms

# Tags of a finite verb or of a headline's participle ('X sentenced to life'): a sentence with
# one has a verb the parser found, and is left alone.
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "VBN", "MD"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# A present-tense verb the parser hung on a noun as its modifier ('Villagers foil bank robbery'
# read as one compound): tagged a verb, parsed a noun, and no clause's head.
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
OBJECT_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp", "prt", "dative"})


@cache
def _words() -> dict[str, object]:
    """data/headline_verbs.json, read once (asked for each candidate word of a parse)."""
    return data_file("headline_verbs.json")


def stand_in(third_person: bool) -> str:
    """The unambiguous verb put in place of the mis-tagged one while the sentence is parsed
    again (data/headline_verbs.json)."""
    return str(_words()["stand_in_third_person" if third_person else "stand_in_base"])


def verb_base(word: str, third_person: bool) -> str | None:
    """The base a headline verb form comes from, when WordNet's tagged corpus saw it used as a
    verb: 'denounces' -> 'denounce', 'carries' -> 'carry', 'march' -> 'march'. None for a
    word no verb has ('summit' has no tagged verb sense)."""
    counts = verb_forms()[0]
    floor = int(_words()["min_tagged_senses"])  # type: ignore[arg-type]
    for base in _bases(word.lower(), third_person):
        if counts.get(base, -1) >= floor:
            return base
    return None


def _bases(word: str, third_person: bool) -> Iterator[str]:
    if not third_person:
        yield word
        return
    if word.endswith("ies") and len(word) > 4:
        yield word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        yield word[:-1]  # 'rules' -> 'rule' before 'rul'
    if word.endswith("es") and len(word) > 3:
        yield word[:-2]  # 'approaches' -> 'approach'



def _candidate(sentence) -> tuple[object, str, bool] | None:  # (Span) -> (Token, base, -s?)
    """The first word read as a noun that a verb form can be, right after a noun that could be
    its subject and before another word, unless the parser made it the modifier of the noun
    right after it (a heading's compound such as 'Velmar council awards ceremony'); in Title
    Case every word looks like a name's and that reading is no evidence ('Council Bans
    Lorries From Old Town')."""
    for token in sentence[1:-1]:
        previous = token.doc[token.i - 1]
        if not _read_as_noun(token) or not token.is_alpha or previous.tag_ not in NOUN_TAGS:
            continue
        if token.dep_ == "compound" and token.head.i == token.i + 1 and token.is_lower:
            continue  # a plural noun-noun compound: 'council awards ceremony', 'jobs report'
        third_person = previous.tag_ not in PLURAL_TAGS
        if third_person != token.lower_.endswith("s"):
            continue
        base = verb_base(token.text, third_person)
        if base is not None:
            return token, base, third_person
    return None


def _read_as_noun(token) -> bool:  # (Token) -> bool
    """Tagged a noun, or tagged a present-tense verb but parsed as a noun's modifier."""
    return token.tag_ in NOUN_TAGS or (token.tag_ in {"VBZ", "VBP"} and
                                       token.dep_ in MODIFIER_DEPS)


def _needs_verb(sentence) -> bool:  # (Span) -> bool
    """No finite verb heads a clause: none is tagged one, or each is parsed a noun's modifier.
    A headline's label before its colon (kg.headline_colon) is a noun phrase by definition."""
    return len(sentence) >= 3 and sentence[-1].text != ":" and not any(
        t.tag_ in FINITE_TAGS and t.dep_ not in MODIFIER_DEPS for t in sentence)


def _reparsed(parse: Callable[[str], object], sentence, token, third_person: bool):
    """The sentence parsed alone with the stand-in verb, or None when its words do not line up
    one for one with the original's or the stand-in is not a root with both sides filled."""
    offset = sentence.start_char
    at = token.idx - offset
    text = sentence.text
    variant = text[:at] + stand_in(third_person) + text[at + len(token.text):]
    new = parse(variant)
    if len(new) != len(sentence):
        return None
    index = token.i - sentence.start
    others = (a.text == b.text for a, b in zip(new, sentence, strict=True) if a.i != index)
    verb = new[index]
    if not all(others) or verb.dep_ != "ROOT" or sum(1 for t in new if t.dep_ == "ROOT") != 1:
        return None
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    followers = [c for c in verb.rights if c.dep_ in OBJECT_DEPS]
    return new if subjects and followers else None


def _apply(doc, sentence, new, token, base: str, third_person: bool) -> None:
    """Copy the new tree onto the sentence's tokens and make the word a verb."""
    from spacy.attrs import DEP, HEAD

    array = doc.to_array([HEAD, DEP])  # uint64: HEAD a signed offset in two's complement
    for position, word in enumerate(new):
        row = sentence.start + position
        array[row, 0] = (word.head.i - word.i) % 2**64
        array[row, 1] = doc.vocab.strings.add(word.dep_)
    doc.from_array([HEAD, DEP], array)
    # The other words keep their tags: the stand-in's parse tags them no better ('Against/NNP').
    doc.ents = [e for e in doc.ents if not e.start <= token.i < e.end]
    token.tag_ = "VBZ" if third_person else "VBP"
    token.pos_ = "VERB"
    token.lemma_ = base


def retag_headline_verbs(doc, parse: Callable[[str], object]):  # (Doc, str -> Doc) -> Doc
    """Give each verbless sentence of ``doc`` the verb its tagger missed, when a parse with a
    stand-in verb confirms it (module docstring). ``parse`` parses a short text alone. A
    headline with a label before a colon is first parted in two (kg.headline_colon), so that
    the news after the label is the clause whose verb is looked for."""
    split_colon_headlines(doc)
    for sentence in list(doc.sents):
        if not _needs_verb(sentence):
            continue
        found = _candidate(sentence)
        if found is None:
            continue
        token, base, third_person = found
        new = _reparsed(parse, sentence, token, third_person)
        if new is not None:
            _apply(doc, doc[sentence.start:sentence.end], new, token, base, third_person)
    return doc
