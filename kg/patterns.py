"""The verb-argument patterns of ``data/patterns.json``, with spaCy's DependencyMatcher's
pattern language.

Patterns are data: a new way for an argument to attach to its verb is a new named entry in the
JSON file, and its name shows up in the provenance of every fact it helps to find.

Every pattern the file holds now is a tree of immediate-head arcs (``REL_OP`` '>') from the
verb down, each node tested on a few token attributes: such patterns are read here by walking
each verb's children (:func:`_tree_slots`), which finds the same matches as spaCy's
DependencyMatcher in a fraction of its time (it built token-level matches for every node of
every pattern over the whole document: a tenth of extraction, issue 14). A pattern with any
other operator or attribute sends the whole file to the DependencyMatcher as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
    trees = tree_patterns()
    found = _tree_slots(doc, trees) if trees is not None else _matched_slots(doc)
    by_verb: dict[int, list[Slot]] = {}
    for slot in sorted(found, key=lambda s: (s.verb, s.argument, s.name)):
        by_verb.setdefault(slot.verb, []).append(slot)
    return {verb: tuple(slots) for verb, slots in by_verb.items()}


def _matched_slots(doc: Doc) -> set[Slot]:
    """The slots spaCy's DependencyMatcher finds with every pattern of the file."""
    entries = {str(e["name"]): e for e in load_patterns()}
    found: set[Slot] = set()
    for match_id, token_ids in _matcher(doc.vocab)(doc):
        name = doc.vocab.strings[match_id]
        ids = [node["RIGHT_ID"] for node in entries[name]["pattern"]]  # type: ignore[index]
        tokens = dict(zip(ids, token_ids, strict=True))
        found.add(Slot(name, str(entries[name]["slot"]), tokens["verb"], tokens["argument"]))
    return found


# The token attributes a tree pattern may test: the DependencyMatcher's names, which are
# also the columns of spaCy's ``Doc.to_array``.
_TOKEN_ATTRS = frozenset({"POS", "TAG", "DEP", "LEMMA", "LOWER", "ORTH", "ENT_TYPE"})


@dataclass(frozen=True)
class _Test:
    """One attribute test of a node: the attribute's value is (``wanted``) or is not in
    ``values``."""

    attr: str
    values: frozenset[str]
    wanted: bool


@dataclass(frozen=True)
class _Node:
    """A pattern node below the verb: a child of the node ``parent`` names."""

    name: str
    parent: str
    tests: tuple[_Test, ...]


@dataclass(frozen=True)
class TreePattern:
    """A pattern read as a tree: the verb's tests, then its other nodes in file order."""

    name: str
    slot: str
    root: str
    root_tests: tuple[_Test, ...]
    nodes: tuple[_Node, ...]


@cache
def tree_patterns() -> tuple[TreePattern, ...] | None:
    """The file's patterns as trees of immediate-head arcs, or None when any of them is not
    one (another operator, an attribute or a test this reader does not know)."""
    trees = [_as_tree(entry) for entry in load_patterns()]
    return None if any(t is None for t in trees) else tuple(trees)  # type: ignore[arg-type]


def _as_tree(entry: dict[str, object]) -> TreePattern | None:
    nodes = list(entry["pattern"])  # type: ignore[call-overload]
    root_tests = _tests(nodes[0].get("RIGHT_ATTRS", {}))
    if root_tests is None or set(nodes[0]) - {"RIGHT_ID", "RIGHT_ATTRS"}:
        return None
    seen = {nodes[0]["RIGHT_ID"]}
    below: list[_Node] = []
    for node in nodes[1:]:
        tests = _tests(node.get("RIGHT_ATTRS", {}))
        if tests is None or node.get("REL_OP") != ">" or node.get("LEFT_ID") not in seen or \
                node.get("RIGHT_ID") in seen or \
                set(node) - {"LEFT_ID", "REL_OP", "RIGHT_ID", "RIGHT_ATTRS"}:
            return None
        seen.add(node["RIGHT_ID"])
        below.append(_Node(node["RIGHT_ID"], node["LEFT_ID"], tests))
    return TreePattern(str(entry["name"]), str(entry["slot"]), nodes[0]["RIGHT_ID"],
                       root_tests, tuple(below))


def _tests(attrs: dict[str, object]) -> tuple[_Test, ...] | None:
    """A node's attribute tests: a value, {"IN": [...]} or {"NOT_IN": [...]}; None for any
    other."""
    tests = []
    for key, value in attrs.items():
        if key not in _TOKEN_ATTRS:
            return None
        if isinstance(value, str):
            tests.append(_Test(key, frozenset([value]), True))
        elif isinstance(value, dict) and len(value) == 1 and \
                next(iter(value)) in {"IN", "NOT_IN"} and \
                all(isinstance(v, str) for v in next(iter(value.values()))):
            (op, values), = value.items()
            tests.append(_Test(key, frozenset(values), op == "IN"))
        else:
            return None
    return tuple(tests)


# A test as the parse's arrays read it: (column, the values' ids, wanted).
_ArrayTest = tuple[int, frozenset[int], bool]


def _tree_slots(doc: Doc, trees: tuple[TreePattern, ...]) -> set[Slot]:
    """The slots the tree patterns find: each node a child of the node it hangs on, every
    combination the DependencyMatcher would return (a set: the same slot found twice is
    one). The parse is read once into columns (``Doc.to_array``: the attributes' ids and each
    token's head), so no token object is made and each test is one pass over a column."""
    attrs = sorted({test.attr for tree in trees
                    for test in (*tree.root_tests, *(t for n in tree.nodes for t in n.tests))})
    columns: list[list[int]] = doc.to_array(attrs).reshape(len(doc), len(attrs)).T.tolist()
    children: list[list[int]] = [[] for _ in range(len(doc))]
    for i, offset in enumerate(doc.to_array("HEAD").astype("int64").tolist()):
        if offset:
            children[i + offset].append(i)

    def compiled(tests: tuple[_Test, ...]) -> tuple[_ArrayTest, ...]:
        return tuple((attrs.index(t.attr), frozenset(doc.vocab.strings[v] for v in t.values),
                      t.wanted) for t in tests)

    found: set[Slot] = set()
    # Most trees share their verb's tests (9 trees, 2 distinct tests): each pass over the
    # whole document is made once per distinct tests, not once per tree.
    roots: dict[tuple[_Test, ...], list[int]] = {}
    for tree in trees:
        nodes = tuple((n.name, n.parent, compiled(n.tests)) for n in tree.nodes)
        if tree.root_tests not in roots:
            roots[tree.root_tests] = _passing(range(len(doc)), compiled(tree.root_tests),
                                              columns)
        for verb in roots[tree.root_tests]:
            for bound in _bindings(nodes, {tree.root: verb}, columns, children):
                found.add(Slot(tree.name, tree.slot, bound[tree.root], bound["argument"]))
    return found


def _passing(tokens: Iterable[int], tests: tuple[_ArrayTest, ...],
             columns: list[list[int]]) -> list[int]:
    """The tokens, in order, that pass every test."""
    kept = list(tokens)
    for column, ids, wanted in tests:
        values = columns[column]
        kept = [i for i in kept if (values[i] in ids) is wanted]
    return kept


def _bindings(nodes: tuple[tuple[str, str, tuple[_ArrayTest, ...]], ...], bound: dict[str, int],
              columns: list[list[int]], children: list[list[int]]
              ) -> Iterator[dict[str, int]]:
    """Every way to bind ``nodes`` in order, each to a child (in text order) of its parent's
    token that passes its tests."""
    if not nodes:
        yield bound
        return
    (name, parent, tests), rest = nodes[0], nodes[1:]
    for child in _passing(children[bound[parent]], tests, columns):
        yield from _bindings(rest, {**bound, name: child}, columns, children)
