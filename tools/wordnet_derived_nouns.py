"""Write kg/data/derived_nouns.json: the nouns that name the deed or the doer of a verb kg knows.

Why: news says many events with a noun ('the death of X', "X's resignation", 'the sale of X to
Y') and many doers with an agent noun ('the inventor of X', 'the killer of X'). Listing them by
hand one error at a time misses most; every verb in kg/data/relations.json has its
nominalisations in WordNet 3.0, linked by derivational pointers. A link counts only when the
noun has a shape English uses for a nominalisation or an agent noun (the ending table in
kg/data/noun_morphology.json, as data) and WordNet files the noun as an act, event, process or
communication (deeds; a deed of saying: 'the disclosure of X', 'X's denouncement of Y') or a
person (doers); the table's irregular pairs ('death' -> 'die') are added as they are. Doer
nouns that are positions or professions ('director', 'editor': roles.json and person_nouns.txt,
which titles.py reads) stay titles and are left out.

This script is run by hand, not at build or run time (kg fetches nothing); its output is
shipped as data with WordNet's licence notice.

Usage: python tools/wordnet_derived_nouns.py [/usr/share/wordnet]  (Debian: wordnet-base)
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from wordnet_files import read_synsets

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
DEED_FILES = {4, 10, 11, 22}  # noun.act, noun.communication, noun.event, noun.process
PERSON_FILE = 18  # noun.person
LICENCE = ("WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Permission "
           "to use, copy, modify and distribute this database for any purpose and without fee "
           "or royalty is granted under the WordNet 3.0 licence, provided this notice appears "
           "on all copies. THIS DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES "
           "NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.")


def _shapes(verb: str, endings: list[list[str]], *, gerund: bool) -> set[str]:
    shapes = {verb[:len(verb) - len(cut)] + add for cut, add in endings if verb.endswith(cut)}
    # The verb's last consonant doubled: 'kidnapping', 'shipper'. A noun spelt as its verb
    # ('order', 'head') is never taken: see the table's comment.
    shapes.add(verb + verb[-1] + ("ing" if gerund else "er"))
    shapes.discard(verb)
    return shapes


def derive(wordnet: Path) -> dict[str, dict[str, str]]:
    morphology = json.loads((DATA / "noun_morphology.json").read_text("utf-8"))
    verbs_known = json.loads((DATA / "relations.json").read_text("utf-8"))["relations"]
    roles = {k.lower() for k in json.loads((DATA / "roles.json").read_text("utf-8"))["roles"]}
    roles |= {line.strip() for line in (DATA / "person_nouns.txt").read_text("utf-8").splitlines()
              if line.strip() and not line.startswith("#")}  # professions titles.py reads
    verbs = read_synsets(wordnet, "verb")
    nouns = read_synsets(wordnet, "noun")
    found: dict[str, dict[str, set[str]]] = {"events": defaultdict(set), "agents": defaultdict(set),
                                             "guarded_events": defaultdict(set),
                                             "untyped_events": defaultdict(set)}
    for synset in verbs.values():
        words = synset.lower_words
        for pointer in synset.pointers:
            verb = words[pointer.source_word - 1] if pointer.source_word else None
            if pointer.symbol != "+" or pointer.pos != "n" or verb is None or " " in verb \
                    or "_" in verb:
                continue
            noun_file = nouns[pointer.target].lexfile
            noun = nouns[pointer.target].lower_words[pointer.target_word - 1]
            if verb not in verbs_known:
                _add_untyped(found["untyped_events"], verb, noun, noun_file, morphology)
                continue
            if noun_file in DEED_FILES and noun in _shapes(
                    verb, morphology["event_endings"], gerund=True):
                # a noun left out as mostly a thing ('management', 'collection') is still
                # a deed with a named doer and a named 'of' object: kept apart
                kind = "guarded_events" if noun in morphology["not_events"] else "events"
                found[kind][noun].add(verb)
            elif noun_file == PERSON_FILE and noun in _shapes(
                    verb, morphology["agent_endings"], gerund=False) and \
                    noun not in roles and noun not in morphology["not_agents"]:
                found["agents"][noun].add(verb)
    out: dict[str, dict[str, str]] = {}
    for kind, irregular in (("events", "irregular_events"), ("agents", "irregular_agents"),
                            ("guarded_events", ""), ("untyped_events", "")):
        # A noun two verbs share ('control', 'check') takes the verb it is spelt like.
        chosen = {noun: min(verbs, key=lambda v, n=noun: (not n.startswith(v), v))
                  for noun, verbs in found[kind].items()}
        chosen.update({noun: verb for noun, verb in morphology.get(irregular, {}).items()
                       if verb in verbs_known})
        out[kind] = dict(sorted(chosen.items()))
    typed = set(out["events"]) | set(out["guarded_events"])
    out["untyped_events"] = {noun: verb for noun, verb in out["untyped_events"].items()
                             if noun not in typed}
    return out


def _add_untyped(found: dict[str, set[str]], verb: str, noun: str, noun_file: int,
                 morphology: dict[str, Any]) -> None:
    """Keep a deed noun of a verb relations.json does not type ('certification' of certify,
    'withholding' of withhold): NomBank's reading of a nominalisation with a possessive or
    'by' doer and an 'of' object ("X's certification of Y") holds for it as for a typed one,
    and the fact keeps the verb's own name, as the verb path keeps an untyped verb's. The
    nouns mostly things (``not_events``) stay out."""
    if noun_file in DEED_FILES and noun not in morphology["not_events"] and noun in _shapes(
            verb, morphology["event_endings"], gerund=True):
        found[noun].add(verb)


def main() -> None:
    wordnet = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    derived = derive(wordnet)
    text = json.dumps({"_comment": ("Generated by tools/wordnet_derived_nouns.py from "
                                    "relations.json, noun_morphology.json and WordNet 3.0: noun "
                                    "-> the verb it names the deed ('events') or the doer "
                                    "('agents') of; 'guarded_events' are deed nouns "
                                    "noun_morphology.json leaves out as mostly things, deeds "
                                    "only with a named doer and a named 'of' object; "
                                    "'untyped_events' are deed nouns of verbs relations.json "
                                    "does not type, deeds only with a named possessive or "
                                    "'by' doer and an 'of' object. Do not edit; edit the "
                                    "table and rerun."),
                       "_licence": LICENCE, **derived}, indent=1, ensure_ascii=False)
    (DATA / "derived_nouns.json").write_text(text + "\n", "utf-8")
    print(f"{len(derived['events'])} deed nouns, {len(derived['agents'])} doer nouns, "
          f"{len(derived['guarded_events'])} guarded deed nouns, "
          f"{len(derived['untyped_events'])} untyped deed nouns")


if __name__ == "__main__":
    main()
