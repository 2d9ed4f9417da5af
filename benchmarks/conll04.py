"""Score kg's facts against the CoNLL04 relation test set (Roth and Yih, 2004).

Usage:  python benchmarks/conll04.py PATH [--json] [--limit N] [--errors K] [--model NAME]

PATH is the CoNLL04 test split as JSON, as SpERT distributes it (a list of {"tokens",
"entities": [{"type", "start", "end"}], "relations": [{"type", "head", "tail"}], "orig_id"})
or as TablERT re-encodes it (BILOU "tags" instead of "entities"; relations index the entities in
order of appearance); the split has 288 sentences, 1,079 entities and 422 relations. The data
is not part of this repository; get it from
  http://lavis.cs.hs-rm.de/storage/spert/public/datasets/conll04/conll04_test.json
(the folder lavis-nlp/spert's scripts/fetch_datasets.sh downloads), or, in the TablERT form,
from the public repository YoumiMa/TablERT-CNN, file data/datasets/conll04/conll04_test.json
(sha256 6e5788026281f1678ab0d0dda64a304241574b5e7b806b57fe3e796a1acf95b9 at commit ada00a8).

Why this benchmark: CoNLL04 is a public, widely reported relation set on news sentences
(Work_For, Kill, OrgBased_In, Live_In, Located_In), so kg's typed facts can be checked against
gold written by others, not by kg's developers. kg is not trained for it: its facts are mapped
to CoNLL04 types by predicate through PREDICATE_MAP below, which is the one thing to extend.

How: each sentence is detokenised (tokens joined by spaces, punctuation and clitics attached,
`` and '' made straight quotes), keeping each token's character span. All sentences go to kg in
one build, one JSON Lines record (one document) per sentence. Each fact whose predicate is in
PREDICATE_MAP becomes a predicted relation between its subject's and object's mentions (a
pronoun stands for its antecedent). A prediction is correct when a gold relation of the same
type has
  strict     the same head and tail character spans as the gold entities (final periods
             aside: the data glues a sentence's full stop to its last word, 'Philadelphia.');
  head-word  the same last word for head and for tail (the last token of kg's mention span, or
             the last word of the entity label when the mention has no usable span, against the
             last token of the gold entity, a final period split off as a token of its own
             aside: 'N.Y' '.'; case-insensitive).
Precision, recall and F1 are micro-averaged over sentences, per type and over all types;
identical predictions in one sentence count once. Negated and denied facts are not predictions.
Only the public API is used: kg.build_result and the kg.model records.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import kg
from kg.model import Entity, EntityType, Fact, Mention, ResolvedCorpus, Role


@dataclass(frozen=True)
class Rule:
    """How one kg predicate reads as a CoNLL04 relation.

    ``reverse`` swaps subject and object ('IBM hired Smith' is Smith Work_For IBM);
    ``subject_types``, when set, is the kg entity types the fact's subject must have (so
    ``locatedIn`` is OrgBased_In for an organisation and Located_In for a place);
    ``object_types`` likewise for the object (a position held in a country, 'Canada's
    ambassador X', is what CoNLL04 calls Live_In: its Work_For needs an organisation).
    """

    relation: str
    reverse: bool = False
    subject_types: frozenset[str] | None = None
    object_types: frozenset[str] | None = None


_ORG = frozenset({EntityType.ORGANIZATION.value})
_PLACE = frozenset({EntityType.PLACE.value})

# kg predicate -> the CoNLL04 relations it gives. Extend here. 'employs'/'employed' and
# 'leads'/'led' are kg's own names for hiring and leading (the verbs hire, employ, lead, rule).
PREDICATE_MAP: dict[str, tuple[Rule, ...]] = {
    "affiliatedWith": (Rule("Work_For", object_types=_ORG),
                       Rule("Live_In", object_types=_PLACE)),
    **{p: (Rule("Work_For"),) for p in (
        "employedBy", "workedFor", "led", "leads", "founded", "joined")},
    **{p: (Rule("Work_For", reverse=True),) for p in ("hired", "employs", "employed")},
    **{p: (Rule("Kill"),) for p in ("killed", "assassinated", "shot", "murdered")},
    "basedIn": (Rule("OrgBased_In"),),
    "locatedIn": (Rule("OrgBased_In", subject_types=_ORG),
                  Rule("Located_In", subject_types=_PLACE)),
    **{p: (Rule("Live_In"),) for p in ("livedIn", "bornIn", "cameFrom", "residentOf", "diedIn")},
}
RELATIONS = ("Work_For", "Kill", "OrgBased_In", "Live_In", "Located_In")
NOT_PREDICTIONS = frozenset({"negated", "denied"})

Span = tuple[int, int]


# --- gold data --------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldEntity:
    type: str
    start: int  # token indices, end exclusive
    end: int


@dataclass(frozen=True)
class GoldSentence:
    orig_id: object
    tokens: tuple[str, ...]
    entities: tuple[GoldEntity, ...]
    relations: tuple[tuple[str, int, int], ...]  # (type, head entity, tail entity)


def _entities_from_bilou(tags: Sequence[str]) -> list[GoldEntity]:
    """TablERT's BILOU tags back to SpERT's entity list (same order: by start token)."""
    entities: list[GoldEntity] = []
    start = 0
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if prefix in ("B", "U"):
            start = i
        if prefix in ("L", "U"):
            entities.append(GoldEntity(kind, start, i + 1))
    return entities


def load_conll04(path: Path) -> list[GoldSentence]:
    """Read the split in either JSON form (see the module docstring)."""
    sentences = []
    for record in json.loads(path.read_text("utf-8")):
        if "entities" in record:
            entities = [GoldEntity(e["type"], e["start"], e["end"]) for e in record["entities"]]
        else:
            entities = _entities_from_bilou(record["tags"])
        relations = tuple((r["type"], r["head"], r["tail"]) for r in record["relations"])
        sentences.append(GoldSentence(record.get("orig_id"), tuple(record["tokens"]),
                                      tuple(entities), relations))
    return sentences


# --- detokenisation ---------------------------------------------------------------------------

_CLITICS = frozenset({"'s", "'t", "n't", "'re", "'ve", "'ll", "'d", "'m"})
_CLOSING = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "..."})
_OPENING = frozenset({"(", "[", "{", "$", "#"})
# Bracket escapes; '_' stands for a dash, and in this corpus '-LCB-' for a half ('25 -LCB- hours').
_REPLACE = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "_": "—", "-LCB-": "½"}
_INFIX = {",": 3, ":": 2}  # between digits: '7 , 000' was '7,000', '1 : 44' was '1:44'


def detokenise(tokens: Sequence[str]) -> tuple[str, list[Span]]:
    """The sentence as text a parser reads well, and each token's character span in it.

    Quote pairs ('` `', "' '", '``', "''") become one straight double quote, shared by both
    tokens' spans; straight double quotes alternate opening and closing; a comma or colon
    between digits closes up. Gold spans are character spans of this text.
    """
    pieces: list[tuple[str, str, int]] = []  # (text, open/close/infix/word, tokens covered)
    double_open = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token in ("`", "'") and following == token:
            pieces.append(('"', "open" if token == "`" else "close", 2))
            i += 2
            continue
        text = _REPLACE.get(token, token)
        if token in _INFIX and i and tokens[i - 1][-1:].isdigit() and following is not None \
                and len(following) == _INFIX[token] and following.isdigit():
            kind = "infix"
        elif token in ("``", "''"):
            text, kind = '"', "open" if token == "``" else "close"
        elif token == '"':
            kind = "close" if double_open else "open"
            double_open = not double_open
        elif token == "`":
            kind = "open"
        elif token == "'" or token.lower() in _CLITICS or text in _CLOSING or text == "½" \
                or (token[:1] == "-" and token[1:].isalpha()):  # '3 ½ -year' was '3½-year'
            kind = "close"
        elif text in _OPENING:
            kind = "open"
        else:
            kind = "word"
        pieces.append((text, kind, 1))
        i += 1
    out: list[str] = []
    spans: list[Span] = []
    length, previous = 0, "open"
    for text, kind, covered in pieces:
        if kind not in ("close", "infix") and previous not in ("open", "infix"):
            out.append(" ")
            length += 1
        out.append(text)
        spans += [(length, length + len(text))] * covered
        length += len(text)
        previous = kind
    return "".join(out), spans


# --- kg's predictions -------------------------------------------------------------------------

@dataclass(frozen=True)
class Argument:
    """One end of a relation, kg's or gold, in the terms both match modes compare."""

    text: str
    span: Span | None  # characters, final periods trimmed; None: a pronoun with no antecedent
    last_token: int | None  # gold token the span ends in
    head: str  # its last word, normalised (the label's, when there is no span)
    type: str  # kg entity type, or the gold entity type


@dataclass(frozen=True)
class Prediction:
    """A kg fact read as a CoNLL04 relation; predicate and rule say where it came from."""

    sentence: int
    relation: str
    head: Argument
    tail: Argument
    predicate: str
    rule: str


@dataclass(frozen=True)
class Sentence:
    """A gold sentence as kg saw it."""

    gold: GoldSentence
    text: str
    spans: list[Span]

    def entity_span(self, entity: GoldEntity) -> Span:
        return self.spans[entity.start][0], self.spans[entity.end - 1][1]

    def trimmed(self, span: Span) -> Span:
        """The span without final periods: CoNLL04 glues a sentence's full stop to its last
        word ('Philadelphia.'), which kg's mentions rightly leave out."""
        start, end = span
        while end - 1 > start and self.text[end - 1] == ".":
            end -= 1
        return start, end

    def quote(self, entity: GoldEntity) -> str:
        start, end = self.entity_span(entity)
        return self.text[start:end]

    def token_at(self, char: int) -> int | None:
        return next((i for i, (s, e) in enumerate(self.spans) if s <= char < e), None)


def _word(word: str) -> str:
    return word.strip(".,;:!?'\"`()").lower() or word.lower()


def _argument(role: Role, fact: Fact, entities: dict[str, Entity], sentence: Sentence
              ) -> Argument:
    """Where kg read the role: its mention, or for a pronoun its antecedent's mention."""
    mention: Mention | None = role.mention
    if role.mention.is_pronoun:
        antecedent = role.mention.antecedent
        same_doc = antecedent is not None and antecedent.doc_id == fact.evidence.doc_id
        mention = antecedent if same_doc else None
    entity = entities.get(role.entity_id) if role.entity_id else None
    kind = (entity.type if entity else role.mention.type).value
    if mention is None:
        label = entity.label if entity else role.mention.text
        return Argument(role.mention.text, None, None, _word(label.split()[-1]), kind)
    text = sentence.text[mention.start:mention.end]
    last = sentence.token_at(mention.start + len(text.rstrip()) - 1)
    words = mention.text.split() or [text]
    head = _word(sentence.gold.tokens[last]) if last is not None else _word(words[-1])
    return Argument(mention.text, sentence.trimmed((mention.start, mention.end)), last, head,
                    kind)


def run_kg(sentences: Sequence[Sentence], model: str | None
           ) -> tuple[ResolvedCorpus, str, float]:
    """One build over all sentences, one JSON Lines record each; returns corpus, model, time."""
    with tempfile.TemporaryDirectory(prefix="kg-conll04-") as tmp:
        path = Path(tmp) / "conll04.jsonl"
        path.write_text("".join(json.dumps({"text": s.text}, ensure_ascii=False) + "\n"
                                for s in sentences), "utf-8")
        started = time.perf_counter()
        result = kg.build_result([path], model=model, document_seconds=None)
        return result.corpus, result.model, time.perf_counter() - started


def kg_arguments(corpus: ResolvedCorpus, sentences: Sequence[Sentence]
                 ) -> tuple[list[tuple[int, Fact, Argument, Argument]], dict[int, set[int]]]:
    """Every fact as (sentence, fact, subject, object), and per sentence the last tokens of all
    kg mentions (what kg recognised at all). kg reads identical sentences once; their facts
    count for each copy."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for index, sentence in enumerate(sentences):
        by_text[sentence.text].append(index)
    doc_sentences = {d.doc_id: by_text[d.text] for d in corpus.documents}
    entities = {e.entity_id: e for e in corpus.entities}
    facts = []
    for fact in corpus.facts:
        if fact.object is None:  # CoNLL04 relations are binary
            continue
        for index in doc_sentences.get(fact.evidence.doc_id, []):
            sentence = sentences[index]
            facts.append((index, fact, _argument(fact.subject, fact, entities, sentence),
                          _argument(fact.object, fact, entities, sentence)))
    recognised: dict[int, set[int]] = defaultdict(set)
    for entity in corpus.entities:
        for mention in entity.mentions:
            for index in doc_sentences.get(mention.doc_id, []):
                last = sentences[index].token_at(mention.end - 1)
                if last is not None:
                    recognised[index].add(last)
    return facts, recognised


def predictions(facts: Sequence[tuple[int, Fact, Argument, Argument]]) -> list[Prediction]:
    """The facts PREDICATE_MAP turns into CoNLL04 relations (a fact may give none or several)."""
    found = []
    for index, fact, subject, obj in facts:
        if fact.evidence.factuality.value in NOT_PREDICTIONS:
            continue
        for rule in PREDICATE_MAP.get(fact.predicate, ()):
            if rule.subject_types is not None and subject.type not in rule.subject_types:
                continue
            if rule.object_types is not None and obj.type not in rule.object_types:
                continue
            head, tail = (obj, subject) if rule.reverse else (subject, obj)
            found.append(Prediction(index, rule.relation, head, tail, fact.predicate,
                                    fact.evidence.rule))
    return found


# --- scoring ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldRelation:
    relation: str
    head: Argument
    tail: Argument


def gold_relations(sentence: Sentence) -> list[GoldRelation]:
    """The sentence's gold relations with their entities as Arguments, to match predictions."""

    def argument(entity: GoldEntity) -> Argument:
        last = entity.end - 1
        if last > entity.start and sentence.gold.tokens[last] == ".":
            last -= 1  # 'N.Y' '.': the split-off final period is no word of the name
        return Argument(sentence.quote(entity), sentence.trimmed(sentence.entity_span(entity)),
                        last, _word(sentence.gold.tokens[last]), entity.type)

    entities = sentence.gold.entities
    return [GoldRelation(t, argument(entities[h]), argument(entities[tl]))
            for t, h, tl in sentence.gold.relations]


def _at(arg: Argument, gold: Argument) -> bool:
    """Head-word match of one argument: the same last token, or for an argument known only by
    its label, the same last word."""
    return arg.last_token == gold.last_token if arg.last_token is not None \
        else arg.head == gold.head


def strict_match(p: Prediction, g: GoldRelation) -> bool:
    return p.relation == g.relation and p.head.span == g.head.span and p.tail.span == g.tail.span


def head_match(p: Prediction, g: GoldRelation) -> bool:
    return p.relation == g.relation and _at(p.head, g.head) and _at(p.tail, g.tail)


def _rates(c: Counter[str]) -> dict[str, float | int]:
    precision = c["correct"] / c["predicted"] if c["predicted"] else 0.0
    recall = c["found"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold": c["gold"], "predicted": c["predicted"], "correct": c["correct"],
            "found": c["found"], "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1, 4)}


def _miss_class(g: GoldRelation, preds: Sequence[Prediction],
                facts: Sequence[tuple[Fact, Argument, Argument]], recognised: set[int]
                ) -> tuple[str, str]:
    """Why a gold relation has no strict match: the nearest thing kg did."""
    if any(head_match(p, g) for p in preds):
        return "boundary: head words right, span wrong", ""
    linking = sorted({f.predicate for f, s, o in facts if (_at(s, g.head) and _at(o, g.tail))
                      or (_at(o, g.head) and _at(s, g.tail))})
    if linking:
        return "kg links the pair under an unmapped predicate/type", ", ".join(linking)
    if {g.head.last_token, g.tail.last_token} <= recognised:
        return "no kg fact links the pair (both recognised as mentions)", ""
    return "an argument is not a kg mention", ""


def _false_positive_class(p: Prediction, gold: Sequence[GoldRelation], entity_ends: set[int]
                          ) -> str:
    if any(head_match(p, g) for g in gold):
        return "boundary: head words right, span wrong"
    if {p.head.last_token, p.tail.last_token} <= entity_ends:
        return "both arguments are gold entities, no such gold relation"
    return "an argument is not a gold entity"


def evaluate(sentences: Sequence[Sentence], facts: Sequence[tuple[int, Fact, Argument, Argument]],
             recognised: dict[int, set[int]]) -> dict[str, object]:
    """Scores in both modes, per kg predicate, and every strict miss and false positive, classed.

    Precision counts the predictions that match some gold relation, recall the gold relations
    some prediction matches (in head-word mode one prediction may match two gold relations
    whose entities end in the same word, so the two counts can differ).
    """
    by_sentence: dict[int, dict[tuple[object, ...], Prediction]] = defaultdict(dict)
    for p in predictions(facts):
        by_sentence[p.sentence].setdefault(
            (p.relation, p.head.span or p.head.text, p.tail.span or p.tail.text), p)
    facts_in: dict[int, list[tuple[Fact, Argument, Argument]]] = defaultdict(list)
    for index, fact, subject, obj in facts:
        facts_in[index].append((fact, subject, obj))
    matchers = {"strict": strict_match, "head_word": head_match}
    counts = {mode: {r: Counter[str]() for r in RELATIONS} for mode in matchers}
    per_predicate: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[dict[str, object]] = []
    false_positives: list[dict[str, object]] = []
    for index, sentence in enumerate(sentences):
        gold = gold_relations(sentence)
        preds = list(by_sentence.get(index, {}).values())
        for mode, match in matchers.items():
            for g in gold:
                counts[mode][g.relation]["gold"] += 1
                counts[mode][g.relation]["found"] += any(match(p, g) for p in preds)
            for p in preds:
                counts[mode][p.relation]["predicted"] += 1
                counts[mode][p.relation]["correct"] += any(match(p, g) for g in gold)
        where = {"sentence": index, "orig_id": sentence.gold.orig_id, "text": sentence.text}
        entity_ends = {e.end - 1 for e in sentence.gold.entities}
        for p in preds:
            right = {mode: any(match(p, g) for g in gold) for mode, match in matchers.items()}
            per_predicate[p.predicate]["predicted"] += 1
            per_predicate[p.predicate]["strict_correct"] += right["strict"]
            per_predicate[p.predicate]["head_word_correct"] += right["head_word"]
            if not right["strict"]:
                false_positives.append({
                    **where, "relation": p.relation, "head": p.head.text, "tail": p.tail.text,
                    "predicate": p.predicate, "rule": p.rule,
                    "class": _false_positive_class(p, gold, entity_ends)})
        for g in gold:
            if not any(strict_match(p, g) for p in preds):
                why, linking = _miss_class(g, preds, facts_in.get(index, []),
                                           recognised.get(index, set()))
                misses.append({**where, "relation": g.relation, "head": g.head.text,
                               "tail": g.tail.text, "class": why, "predicates": linking})
    scores: dict[str, object] = {}
    for mode, table in counts.items():
        scores[mode] = {"per_type": {r: _rates(c) for r, c in table.items()},
                        "micro": _rates(sum(table.values(), Counter[str]()))}
    linking_predicates = Counter(p for m in misses if m["predicates"]
                                 for p in str(m["predicates"]).split(", "))
    return {**scores, "predicates": {p: dict(c) for p, c in sorted(per_predicate.items())},
            "miss_classes": dict(Counter(str(m["class"]) for m in misses).most_common()),
            "miss_linking_predicates": dict(linking_predicates.most_common()),
            "false_positive_classes": dict(Counter(str(f["class"])
                                                   for f in false_positives).most_common()),
            "misses": misses, "false_positives": false_positives}


# --- report -----------------------------------------------------------------------------------

def _sample(items: list[dict[str, object]], k: int) -> list[dict[str, object]]:
    """A fixed-seed sample in data order, so runs compare."""
    picked = random.Random(0).sample(range(len(items)), min(k, len(items)))
    return [items[i] for i in sorted(picked)]


def format_report(report: dict[str, object], errors: int) -> str:
    lines = [f"CoNLL04 {report['data']}: {report['sentences']} sentences "
             f"({report['documents']} distinct), kg {report['kg']} with {report['model']}",
             f"time: kg build {report['build_seconds']:.1f} s, total {report['seconds']:.1f} s; "
             f"kg facts {report['kg_facts']}, CoNLL04 predictions {report['predictions']}", ""]
    header = (f"{'':<12}{'gold':>5} | {'strict: pred':>12} {'ok':>4} {'P':>6} {'R':>6} {'F1':>6}"
              f" | {'head-word: pred':>15} {'ok':>4} {'found':>5} {'P':>6} {'R':>6} {'F1':>6}")
    lines += [header, "-" * len(header)]
    strict: dict[str, dict[str, dict[str, float]]] = report["strict"]  # type: ignore[assignment]
    head: dict[str, dict[str, dict[str, float]]] = report["head_word"]  # type: ignore[assignment]
    rows = [(r, strict["per_type"][r], head["per_type"][r]) for r in RELATIONS]
    for name, s, h in [*rows, ("micro", strict["micro"], head["micro"])]:
        if name == "micro":
            lines.append("-" * len(header))
        lines.append(f"{name:<12}{s['gold']:>5} | {s['predicted']:>12} {s['correct']:>4} "
                     f"{s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} | "
                     f"{h['predicted']:>15} {h['correct']:>4} {h['found']:>5} "
                     f"{h['precision']:>6.3f} {h['recall']:>6.3f} {h['f1']:>6.3f}")
    predicates: dict[str, dict[str, int]] = report["predicates"]  # type: ignore[assignment]
    lines += ["pred = distinct predictions; ok = predictions matching a gold relation; found = "
              "gold relations matched (strict: same as ok)."]
    lines += ["", "by kg predicate (predicted, strict correct, head-word correct): " + (
        "; ".join(f"{p} {c['predicted']}/{c['strict_correct']}/{c['head_word_correct']}"
                  for p, c in predicates.items()) or "none")]
    for key, title in (("miss_classes", "strict misses"),
                       ("miss_linking_predicates", "predicates linking missed pairs"),
                       ("false_positive_classes", "strict false positives")):
        classes: dict[str, int] = report[key]  # type: ignore[assignment]
        lines.append(f"{title}: " + ("; ".join(f"{c} {n}" for c, n in classes.items())
                                     or "none"))
    if errors:
        fps: list[dict[str, object]] = report["false_positives"]  # type: ignore[assignment]
        misses: list[dict[str, object]] = report["misses"]  # type: ignore[assignment]
        lines += ["", f"FALSE POSITIVES (strict; {len(fps)} of {report['false_positives_total']})"]
        lines += [f"  - [{f['sentence']}] {f['head']} {f['relation']} {f['tail']}  "
                  f"<{f['predicate']}; {f['rule']}> ({f['class']})\n      {f['text']}"
                  for f in fps]
        lines += ["", f"MISSES (strict; {len(misses)} of {report['misses_total']})"]
        lines += [f"  - [{m['sentence']}] {m['head']} {m['relation']} {m['tail']}  ({m['class']}"
                  + (f": {m['predicates']}" if m["predicates"] else "") + f")\n      {m['text']}"
                  for m in misses]
    return "\n".join(lines)


def option_parser(doc: str | None, path_help: str, errors_help: str) -> argparse.ArgumentParser:
    """The options every CoNLL04 script takes (a split's path, --json, --limit, --errors,
    --model), so this scorer and conll04_entities.py read their command lines alike."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("path", type=Path, help=path_help)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument("--errors", type=int, default=0, metavar="K", help=errors_help)
    parser.add_argument("--model", default=None, help="spaCy model (default: kg's choice)")
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the options, build, score and print (a table, or JSON with --json)."""
    parser = option_parser(__doc__, "conll04_test.json (SpERT or TablERT form)",
                           "show K sample false positives and K sample misses")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        parser.error(f"{args.path}: no such file (where to get it: see the top of this script)")
    started = time.perf_counter()
    gold = load_conll04(args.path)[:args.limit]
    if not gold:
        parser.error(f"{args.path}: no sentences")
    sentences = [Sentence(g, *detokenise(g.tokens)) for g in gold]
    corpus, model, build_seconds = run_kg(sentences, args.model)
    facts, recognised = kg_arguments(corpus, sentences)
    scored = evaluate(sentences, facts, recognised)
    predicates: dict[str, dict[str, int]] = scored["predicates"]  # type: ignore[assignment]
    report: dict[str, object] = {
        "data": str(args.path), "sentences": len(sentences), "documents": len(corpus.documents),
        "kg": str(Path(kg.__file__).parent), "model": model,
        "build_seconds": round(build_seconds, 2),
        "seconds": round(time.perf_counter() - started, 2),
        "kg_facts": len(corpus.facts),
        "predictions": sum(c["predicted"] for c in predicates.values()), **scored}
    for key in ("misses", "false_positives"):
        items: list[dict[str, object]] = report.pop(key)  # type: ignore[assignment]
        report[f"{key}_total"] = len(items)
        if args.errors:
            report[key] = _sample(items, args.errors)
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False)
        print()
    else:
        print(format_report(report, args.errors))


if __name__ == "__main__":
    main()
