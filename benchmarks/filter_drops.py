"""Which filter drops each fact kg makes, and which missed gold facts each filter cost.

Usage:
  python benchmarks/filter_drops.py ARTICLES_DIR GOLD_DIR OUT.json

A diagnosis, not a score (read it on the dev and fresh sets, never on the third set): kg is
run with every filter letting facts through but tagging them (the rule gets a suffix
'|DROP:<filter>'): says_who (lone descriptions), shell_object and doer_alone
(kg.extract.facts.states_something), doer_fits/patient_fits (kg.extract.preferences),
thing_between_descriptions (kg.resolve._resolve_fact's verb outside the vocabulary between
two descriptions), place_kinds (kg.resolve._place_kinds_fit), and floor (confidence under
kg.confidence.FLOOR). A gold fact is lost to a filter when no untagged fact finds it and a
tagged one does (the filters of the fewest-tagged hit are named). OUT.json holds the counts
and rows; OUT_facts.json every tagged fact, keyed as the judged sheets are
(judged_projection.row_key), to count the judges' verdicts of each filter's drops.
Written in session 20 (filters20); it patches module globals, so it runs in one process.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, "benchmarks")
import realnews_eval as ev

import kg
import kg.extract as kx
import kg.resolve as kr
from kg.confidence import FLOOR
from kg.extract import facts as kf

failed_who: set = set()
orig_says_who, orig_dedupe = kx.says_who, kx.dedupe
orig_doer, orig_patient = kx.doer_fits, kx.patient_fits


def tag(fact, name):
    ev_ = fact.evidence
    return fact.model_copy(
        update={"evidence": ev_.model_copy(update={"rule": ev_.rule + "|DROP:" + name})}
    )


def says_who(state, mention):
    if not orig_says_who(state, mention):
        failed_who.add((mention.doc_id, mention.start, mention.end))
    return True


kx.says_who = says_who
kx.states_something = lambda f: True
pref_fail: dict = {}


def doer_fits(f):
    if not orig_doer(f):
        pref_fail[id(f)] = "doer_fits"
    return True


def patient_fits(f):
    if not orig_patient(f):
        pref_fail.setdefault(id(f), "patient_fits")
    return True


kx.doer_fits, kx.patient_fits = doer_fits, patient_fits


def dedupe(facts):
    out = []
    for f in facts:
        m = f.subject.mention
        names = []
        if (m.doc_id, m.start, m.end) in failed_who:
            names.append("says_who")
        if not kf.says_what_of_object(f):
            names.append("shell_object")
        if kf.doer_alone_says_nothing(f):
            names.append("doer_alone")
        out.append(tag(f, "+".join(names)) if names else f)
    return orig_dedupe(out)


kx.dedupe = dedupe
# preference filters: tag via metonymic_reading wrapper is awkward; mark through id map
orig_meto = kx.metonymic_reading


def meto(state, f):
    name = pref_fail.pop(id(f), None)
    r = orig_meto(state, f)
    return tag(r, name) if name else r


kx.metonymic_reading = meto
# own_sense is applied before metonymic_reading and copies; tag ids before it
orig_own = kx.own_sense


def own(f):
    name = pref_fail.pop(id(f), None)
    r = orig_own(f)
    if name:
        pref_fail[id(r)] = name
    return r


kx.own_sense = own

current = {}


class Recorder(frozenset):
    def __contains__(self, rule):
        current["thing"] = True
        return True


plain = kr._PLAIN_CLAUSE_RULES
kr._PLAIN_CLAUSE_RULES = Recorder()
orig_rf = kr._resolve_fact


def resolve_fact(fact, entity_id, shared=lambda m: m):
    current.clear()
    real_rule = fact.evidence.rule.split("|")[0]
    r = orig_rf(fact, entity_id, shared)
    if r is not None and current.get("thing") and real_rule not in plain \
            and fact.evidence.confidence < getattr(kr, "THING_FACT_CONFIDENCE", 2.0):
        r = tag(r, "thing_between_descriptions")
    return r


kr._resolve_fact = resolve_fact
pk_fail: set = set()
orig_pk = kr._place_kinds_fit


def place_kinds(fact, table):
    if not orig_pk(fact, table):
        pk_fail.add(
            (
                fact.evidence.trigger_start,
                fact.predicate,
                " ".join(fact.evidence.sentence_text.split()),
            )
        )
    return True


kr._place_kinds_fit = place_kinds


def main(articles: Path, gold_dir: Path, out: str):
    gold = ev.load_gold(gold_dir)
    result = kg.build_result(
        [articles / n for n in gold], document_seconds=None, min_confidence=0.0, workers=1
    )
    facts = ev.emitted_facts(result.corpus)

    def filt(f):
        tags = [t for t in f.rule.split("|DROP:")[1:] for t in t.split("+") if t]
        if f.confidence < FLOOR:
            tags.append("floor")
        if (f.position, f.predicate, f.sentence) in pk_fail:
            tags.append("place_kinds")
        return tags

    lost = defaultdict(list)
    made = Counter()
    for f in facts:
        for t in filt(f):
            made[t] += 1
    rows = []
    for article, gfs in gold.items():
        mine = [f for f in facts if f.article == article]
        for g in gfs:
            hits = [f for f in mine if ev.arguments_fit(g, f) and ev.relation_fits(g, f)]
            if not hits or any(not filt(f) for f in hits):
                continue
            tagsets = [filt(f) for f in hits]
            best = min(tagsets, key=len)
            rows.append(
                {
                    "article": article,
                    "gold": g.show(),
                    "filters": best,
                    "facts": [(h.show(), h.rule, round(h.confidence, 3)) for h in hits[:3]],
                    "quote": g.quote[:200],
                }
            )
            for t in best:
                lost[t].append(g.show())
    tagged = [
        {
            "key": [f.article, f.sentence, f.subject[0], f.predicate, f.object[0]],
            "tags": filt(f),
            "show": f.show(),
            "rule": f.rule,
            "conf": f.confidence,
        }
        for f in facts
        if filt(f)
    ]
    Path(out.replace(".json", "_facts.json")).write_text(json.dumps(tagged))
    lost_counts = {k: len(v) for k, v in lost.items()}
    Path(out).write_text(
        json.dumps({"made_dropped": made, "lost": lost_counts, "rows": rows}, indent=1))
    print(out, dict(made), {k: len(v) for k, v in lost.items()})


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
