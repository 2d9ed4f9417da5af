"""The verb-argument patterns of ``data/patterns.json``, run with spaCy's DependencyMatcher.

Patterns are data: a new way for an argument to attach to its verb is a new named entry in the
JSON file, and its name shows up in the provenance of every fact it helps to find.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.lexicon import data_file


@dataclass(frozen=True)
class Slot:
    """One argument slot of a verb: ``argument`` is a token index in the Doc."""

    name: str
    slot: str
    verb: int
    argument: int


@cache
def load_patterns() -> tuple[dict[str, object], ...]:
    return tuple(data_file("patterns.json")["patterns"])


_MATCHERS: dict[int, tuple[Vocab, DependencyMatcher]] = {}


def _matcher(vocab: Vocab) -> DependencyMatcher:
    """One matcher per vocabulary (a pipeline has one), built on first use."""
    cached = _MATCHERS.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        matcher = DependencyMatcher(vocab)
        for entry in load_patterns():
            matcher.add(str(entry["name"]), [entry["pattern"]])
        cached = _MATCHERS[id(vocab)] = (vocab, matcher)
    return cached[1]


def find_slots(doc: Doc) -> dict[int, tuple[Slot, ...]]:
    """Every verb's argument slots, in text order, each once."""
    entries = {str(e["name"]): e for e in load_patterns()}
    found: set[Slot] = set()
    for match_id, token_ids in _matcher(doc.vocab)(doc):
        name = doc.vocab.strings[match_id]
        ids = [node["RIGHT_ID"] for node in entries[name]["pattern"]]  # type: ignore[index]
        tokens = dict(zip(ids, token_ids, strict=True))
        found.add(Slot(name, str(entries[name]["slot"]), tokens["verb"], tokens["argument"]))
    by_verb: dict[int, list[Slot]] = {}
    for slot in sorted(found, key=lambda s: (s.verb, s.argument, s.name)):
        by_verb.setdefault(slot.verb, []).append(slot)
    return {verb: tuple(slots) for verb, slots in by_verb.items()}
