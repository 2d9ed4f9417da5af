"""One reader of WordNet 3.0's database files for the tools that derive kg's lexicon data.

The ``wordnet_*`` tools each turn WordNet into one of kg's data files. Each used to parse the
same two file formats itself (``data.<pos>``: one synset a line; ``index.<pos>``: one lemma a
line; wndb(5WN)), five times over with small differences in what they kept; a slip in one
copy would have changed one data file silently. This module reads each format once and
keeps every field those tools use, so a tool says only what it derives.

Usage: ``from wordnet_files import read_synsets, read_index`` (the tools run from the
repository root as ``python tools/<tool>.py [/usr/share/wordnet]``; Debian: wordnet-base).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Pointer:
    """A pointer from a synset (or one of its words) to another synset: '@' hypernym,
    '~' hyponym, '@i' instance hypernym, '+' derivation, ... (wninput(5WN))."""

    symbol: str
    target: str  # the target synset's offset
    pos: str  # the target's part of speech: n, v, a, s, r
    source_word: int  # 0: the whole synset; else the word number in this synset
    target_word: int


@dataclass(frozen=True)
class Synset:
    """One line of ``data.<pos>``: a synset's lexicographer file, words and pointers, and for
    verbs its sentence frames."""

    offset: str
    lexfile: int  # lexnames(5WN): 18 noun.person, 31 verb.cognition, ...
    words: tuple[str, ...]  # as WordNet writes them, case kept ('Labourite', 'get_hold_of')
    pointers: tuple[Pointer, ...]
    frames: frozenset[tuple[int, int]]  # (frame number, word number; 0 = every word), verbs

    @property
    def lower_words(self) -> list[str]:
        return [word.lower() for word in self.words]


@dataclass(frozen=True)
class IndexEntry:
    """One line of ``index.<pos>``: a lemma's senses, most frequent first."""

    lemma: str
    tagged: int  # tagsense_cnt: how often WordNet's tagged corpus saw the lemma's senses
    offsets: tuple[str, ...]


def _lines(path: Path) -> list[str]:
    """The file's records: WordNet's licence header lines start with two spaces."""
    return [line for line in path.read_text("latin-1").splitlines() if not line.startswith("  ")]


def _synset(line: str) -> Synset:
    fields = line.split(" | ")[0].split()  # the gloss after ' | ' is free text
    count = int(fields[3], 16)
    words = tuple(fields[4 + 2 * i] for i in range(count))
    at = 4 + 2 * count
    pointers = []
    for i in range(int(fields[at])):
        symbol, target, pos, ends = fields[at + 1 + 4 * i:at + 5 + 4 * i]
        pointers.append(Pointer(symbol, target, pos, int(ends[:2], 16), int(ends[2:], 16)))
    at += 1 + 4 * int(fields[at])
    frames = set()
    if at < len(fields):  # only data.verb has frames: 'f_cnt + f_num w_num ...'
        for i in range(int(fields[at])):
            _, frame, word = fields[at + 1 + 3 * i:at + 4 + 3 * i]
            frames.add((int(frame), int(word, 16)))
    return Synset(fields[0], int(fields[1]), words, tuple(pointers), frozenset(frames))


def read_synsets(wordnet: Path, pos: str) -> dict[str, Synset]:
    """Offset -> synset, for ``data.<pos>`` (pos: noun, verb, adj, adv)."""
    return {synset.offset: synset for synset in map(_synset, _lines(wordnet / f"data.{pos}"))}


def read_index(wordnet: Path, pos: str) -> dict[str, IndexEntry]:
    """Lemma -> its index entry, in the file's (alphabetical) order, for ``index.<pos>``."""
    entries = {}
    for line in _lines(wordnet / f"index.{pos}"):
        fields = line.split()
        senses = int(fields[2])
        entries[fields[0]] = IndexEntry(fields[0], int(fields[-senses - 1]),
                                        tuple(fields[-senses:]))
    return entries
