"""What a verb's facts are built from, shared by ``verbal``, ``subjects``, ``verb_roles`` and
``nominal``: the ``Frame`` a verb's participants are gathered in, the ``Reading`` every fact of
one verb shares, the verb's lemma, its pattern slots and whether it alone states an event
(``occurrence_verb``). It is a module of its own so that the others need not import each other
in a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extract.memo import per_token
from kg.extract.preferences import verb_base
from kg.extract.state import DocState
from kg.model import Factuality, Mention, Role, RoleName
from kg.patterns import Slot
from kg.relations import RelationSpec, RelationVocabulary, load_vocabulary

FINITE_TAGS = {"VBD", "VBZ", "VBP"}


@dataclass(frozen=True)
class Reading:
    """What holds for every fact of one verb: its lemma, relation, speaker and factuality."""

    lemma: str
    spec: RelationSpec | None
    speaker: Mention | None
    factuality: Factuality


@dataclass
class Frame:
    subjects: list[tuple[Mention, str]] = field(default_factory=list)
    objects: list[tuple[Mention, str]] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    reciprocal: RoleName | None = None


def occurrence_verb(verb: Token, lemma: str, vocab: RelationVocabulary, *,
                    passive: bool) -> bool:
    """Whether the verb alone states an event: in the active voice an occurrence verb ('die',
    'resign', 'erupt': said with one participant), in an agentless passive any vocabulary verb
    ('was arrested'); never speech or a mental verb, nor with a clause that carries the content
    ('X wants to ...', 'X announced that ...')."""
    if verb.pos_ != "VERB" or lemma in vocab.never_events:
        return False
    spec = vocab.spec(lemma)
    if lemma not in vocab.occurrence_verbs and not (
            passive and spec is not None and _own_predicate(lemma, spec.predicate)):
        return False
    if spec is not None and spec.predicate in vocab.structural_predicates:
        return False
    return not any(c.dep_ in {"ccomp", "xcomp", "csubj", "csubjpass"} for c in verb.children)


def _own_predicate(lemma: str, predicate: str) -> bool:
    """Whether a predicate is the verb's own ('arrest' -> arrested) rather than a broader one
    it shares ('make' -> produced, 'name' -> appointed): with no object to steady it, a
    broader predicate too often says what the text did not ('flags were lowered' -> cut)."""
    return predicate.lower().startswith(lemma.split()[0][:4])


@per_token
def verb_lemma(verb: Token) -> str:
    """The lemma with its particle: 'rule out' is not 'rule', 'hand over' is not 'hand'; a
    prepositional verb the vocabulary lists ('call on', 'call for') is one verb too. The
    base is checked against WordNet's verbs (``preferences.verb_base``: 'slated' is 'slate')."""
    base = verb_base(verb)
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    verdict = [c for c in verb.children if c.dep_ in {"acomp", "advmod", "oprd"}
               and c.lower_ == "guilty"]
    if verdict:  # 'pleaded guilty', 'pleaded not guilty'
        negated = any(c.dep_ == "neg" for c in [*verdict[0].children, *verb.children])
        return f"{base} {'not ' if negated else ''}guilty"
    if not particles:
        # 'stepped down' is often parsed with 'down' as an adverb.
        vocab = load_vocabulary()
        for child in (c for c in verb.children if c.dep_ in {"advmod", "prep"}
                      and c.i == verb.i + 1):
            phrasal = f"{base} {child.lower_}"
            if phrasal in vocab.relations or (child.dep_ == "advmod" and
                                              phrasal in vocab.occurrence_verbs):
                return phrasal  # 'called on Italy to join': the phrase is the verb
    return " ".join([base, *particles])


def _slots(state: DocState, verb: Token, kind: str | None = None) -> list[Slot]:
    """The verb's argument slots found by the patterns of data/patterns.json."""
    return [s for s in state.slots.get(verb.i, ()) if kind is None or s.slot == kind]
