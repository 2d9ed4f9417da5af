"""Write kg/data/verb_forms.json: every one-word English verb WordNet 3.0 knows, with how often
its senses were seen in WordNet's tagged corpus, the lexicographer class of its most frequent
sense, and the irregular past forms; and kg/data/abstract_nouns.json: the one-word nouns
whose most frequent sense is abstract (an attribute, a thought, a feeling, a motive, a
quantity, a relation, a shape or a time) and that have no frequent sense of something that
can act (a person, a group, an animal, a natural force, an activity, a document).

Why: the small spaCy model sometimes lemmatises an inflected verb to a base that is rare or
no verb at all ('slated' -> 'slat', 're-elected' -> 're-electe'), and the fact then carries a
nonsense predicate (judged wrong on the second held-out sheet). Undoing the regular endings
gives the candidate bases ('slate', 'slat'); the one WordNet's sense-tagged corpus saw most
is the reading of the word (kg.extract.preferences.verb_base). And a garbled parse makes an
abstract noun the doer of a deed ('the primary goal repatriates refugees', 'the magnitude
attacked the Philippines'): a thought or a quantity does nothing, though it may rise or
fall (a verb of change or state), so the verb's class and the noun's are both needed
(kg.extract.preferences.doer_fits). And kg/data/noun_classes.json: the one-word nouns by the
class of their most frequent sense (a deed, an event, a saying, a sum...), so that a verb's
sense can refuse an object of the wrong class ('made a decision' produced nothing; 'found
success' discovered nothing: relations.json's other_sense_classes, judged wrong on both sets'
sheets).

This script is run by hand, not at build or run time (kg fetches nothing); its output is
shipped as data with WordNet's licence notice.

Usage: python tools/wordnet_verb_forms.py [/usr/share/wordnet]  (Debian: wordnet-base)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wordnet_files import read_index, read_synsets

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
LICENCE = ("WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Permission "
           "to use, copy, modify and distribute this database for any purpose and without fee "
           "or royalty is granted under the WordNet 3.0 licence, provided this notice appears "
           "on all copies. THIS DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES "
           "NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.")


# WordNet's lexicographer files by number (lexnames(5WN)).
LEXICOGRAPHER_FILES = (
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
    "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event",
    "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
    "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
    "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance",
    "noun.time", "verb.body", "verb.change", "verb.cognition", "verb.communication",
    "verb.competition", "verb.consumption", "verb.contact", "verb.creation", "verb.emotion",
    "verb.motion", "verb.perception", "verb.possession", "verb.social", "verb.stative",
    "verb.weather", "adj.ppl",
)
ABSTRACT = frozenset({"attribute", "cognition", "feeling", "motive", "quantity", "relation",
                      "shape", "time"})
DOER_SENSES = frozenset({"person", "group", "animal", "phenomenon", "act", "communication"})
# Classes a verb's sense may refuse in its object or subject (relations.json's
# other_sense_classes): a deed, an event, a saying, a state, a sum... ('made a decision'
# produced nothing, 'the missions ran $1.5 billion' led nothing, 'the storm struck' attacked
# no one); persons, whom no sense of some verbs takes ('the court published Ms X':
# kg.extract.preferences.patient_fits); and artifacts one holds, not a structure one is in,
# which no one departs from or travels to ('left a flag': preferences.json's
# refused_objects). Other concrete classes (places, groups...) are left out: no sense
# refuses them.
CONCRETE = frozenset({"artifact", "person", "structure"})
SENSE_CLASSES = frozenset({"act", "artifact", "attribute", "cognition", "communication",
                           "event", "feeling", "motive", "person", "phenomenon",
                           "possession", "process", "quantity", "relation", "state",
                           "structure", "time"})


def sense_classes(wordnet: Path, pos: str) -> dict[str, list[str]]:
    """One-word lemma -> the lexicographer classes of its senses, most frequent first
    ('verb.social' -> 'social'), as index.<pos> lists them."""
    classes = {offset: LEXICOGRAPHER_FILES[synset.lexfile].split(".")[1]
               for offset, synset in read_synsets(wordnet, pos).items()}
    senses = {lemma: [classes[o] for o in entry.offsets]
              for lemma, entry in read_index(wordnet, pos).items() if "_" not in lemma}
    return dict(sorted(senses.items()))


# Synsets of artifacts one is in or goes to rather than holds (structure, facility,
# conveyance, way, and an artifact's area such as a room): 'left the courthouse' departed
# from it, 'left a flag' departed from nothing.
WHEREABOUTS = frozenset({"04341686", "03315023", "03100490", "04564698", "02735688"})


def whereabouts_nouns(wordnet: Path) -> frozenset[str]:
    """One-word nouns whose most frequent sense is an artifact under ``WHEREABOUTS`` (by
    WordNet's hypernym pointers, '@')."""
    parents = {offset: [p.target for p in synset.pointers if p.symbol in {"@", "@i"}]
               for offset, synset in read_synsets(wordnet, "noun").items()}

    def under(offset: str, seen: frozenset[str] = frozenset()) -> bool:
        return offset in WHEREABOUTS or any(
            under(p, seen | {offset}) for p in parents.get(offset, ()) if p not in seen)

    found = {lemma for lemma, entry in read_index(wordnet, "noun").items()
             if "_" not in lemma and under(entry.offsets[0])}
    return frozenset(found)


def abstract(senses: list[str]) -> bool:
    """An abstraction: the most frequent sense is abstract and none of the three most
    frequent names something that can act ('force' is also a group of soldiers, 'authority'
    a person, 'investigation' an activity, 'policy' a document)."""
    return senses[0] in ABSTRACT and not DOER_SENSES & set(senses[:3])


def tagged_counts(wordnet: Path) -> dict[str, int]:
    """One-word verb lemma -> its senses' count in the tagged corpus (index.verb's
    tagsense_cnt, the field before the synset offsets)."""
    counts = {lemma: entry.tagged for lemma, entry in read_index(wordnet, "verb").items()
              if "_" not in lemma}
    return dict(sorted(counts.items()))


def irregular_forms(wordnet: Path) -> dict[str, str]:
    """Inflected form -> base, for the forms no ending rule undoes ('left' -> 'leave')."""
    forms = {}
    for line in (wordnet / "verb.exc").read_text("latin-1").splitlines():
        form, base = line.split()[:2]
        if "_" not in form and "_" not in base:
            forms[form] = base
    return dict(sorted(forms.items()))


def main() -> None:
    wordnet = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    out = {"_comment": "Generated by tools/wordnet_verb_forms.py from WordNet 3.0: one-word "
                       "verbs -> tagged sense count (index.verb), irregular forms -> base "
                       "(verb.exc).",
           "_licence": LICENCE,
           "tagged_counts": tagged_counts(wordnet),
           "first_sense_class": {v: c[0] for v, c in sense_classes(wordnet, "verb").items()},
           "irregular": irregular_forms(wordnet)}
    (DATA / "verb_forms.json").write_text(json.dumps(out, indent=0) + "\n", "utf-8")
    nouns = sense_classes(wordnet, "noun")
    found = {"_comment": "Generated by tools/wordnet_verb_forms.py from WordNet 3.0: one-word "
                         "nouns whose most frequent sense is in the lexicographer classes "
                         f"{sorted(ABSTRACT)} and none of whose three most frequent senses "
                         f"is in {sorted(DOER_SENSES)}.",
             "_licence": LICENCE,
             "nouns": sorted(n for n, c in nouns.items() if abstract(c))}
    (DATA / "abstract_nouns.json").write_text(json.dumps(found, indent=0) + "\n", "utf-8")
    places = whereabouts_nouns(wordnet)
    nouns = {n: [("structure" if n in places else "artifact") if c[0] == "artifact" else c[0],
                 *c[1:]] for n, c in nouns.items()}
    # A plural WordNet lists as a noun of its own ('works' a factory, 'ways' a shipway,
    # 'sessions' a surname) is read in news as its singular's plural, as kg.relations.
    # noun_class reads an unlisted plural: the concrete classes leave it out.
    nouns = {n: c for n, c in nouns.items()
             if not (c[0] in CONCRETE and n.endswith("s") and n[:-1] in nouns)}
    classes = {"_comment": "Generated by tools/wordnet_verb_forms.py from WordNet 3.0: "
                           "one-word nouns by the lexicographer class of their most frequent "
                           f"sense, for the classes {sorted(SENSE_CLASSES)}; an artifact one "
                           "is in or goes to (under structure, facility, conveyance, way or "
                           "an artifact's area) is a 'structure'.",
               "_licence": LICENCE,
               "classes": {k: sorted(n for n, c in nouns.items() if c[0] == k)
                           for k in sorted(SENSE_CLASSES)}}
    (DATA / "noun_classes.json").write_text(json.dumps(classes, indent=0) + "\n", "utf-8")


if __name__ == "__main__":
    main()
