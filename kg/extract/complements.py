"""What a verb of asking, letting, ordering, sending or preventing asks its object to do or
not to do (the content role), and what a verb idiom is about (the topic its noun's
'about'-phrase names).

'urged the states not to reschedule their elections', 'a licence allowing him to buy weapons',
'was tasked to produce a recovery plan': after the object of an object-control or
object-raising verb (data/control.json) the to-infinitive says what the object is to do. The
infinitive has a fact of its own, but the governing verb's fact without it says only that
someone urged or allowed someone, which the blind judges marked vague on both sets' sheets
('X --urged--> states', 'licence --allow--> X', '(someone) --task--> ministry'). The phrase
becomes the fact's ``content`` role; subject, verb and object stay as they were. A verb of
preventing (data/arguments.json ``prevention_verbs``) takes its 'from'-gerund the same way
('prevented two ferries from docking').
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.frames import Frame, verb_lemma
from kg.extract.reference import conjuncts, referent
from kg.extract.state import DocState, make_mention, surface_text
from kg.lexicon import argument_words, control_words, preposition_roles
from kg.model import EntityType, Role, RoleName

# Words before an infinitive that belong to it: 'not to reschedule', 'to quickly leave'.
LEADING_PARTS = frozenset({"aux", "neg", "advmod"})
# Dependents after an infinitive that say what is to be done: 'to buy weapons', 'to take
# down a post', 'to be dead', 'to give them a chance', 'to vote for the bill', 'to keep
# working'.
TRAILING_PARTS = frozenset({"dobj", "prt", "acomp", "attr", "oprd", "dative", "advmod", "prep",
                            "xcomp"})
# Where what is to be done ends inside one of those dependents: a clause of its own, a
# coordination or an aside ('to extradite people who had been accused of crimes').
PHRASE_ENDS = frozenset({"relcl", "acl", "ccomp", "advcl", "conj", "cc", "appos", "punct",
                         "mark", "parataxis"})
# Longer than this, the phrase is a clause of its own, told by its own fact.
MAX_WORDS = 10


def content_roles(state: DocState, verb: Token, frame: Frame) -> list[Role]:
    """The content role of a verb of asking, letting, ordering or sending with an object (or
    a passive subject: 'was tasked to produce a plan') and a to-infinitive after it, or of a
    verb of preventing with the act its 'from'-gerund names ('prevented two ships from
    docking'); none for any other verb ('wanted the army to leave' and 'said Pak to be ill'
    do nothing to their object), nor for an infinitive with no object before it ('agreed to
    leave': the infinitive is the subject's own plan, its own fact)."""
    lemma = verb_lemma(verb)
    words = control_words()
    has_object = bool(frame.objects) or any(c.dep_ in {"dobj", "nsubjpass"}
                                            for c in verb.children)
    span = None
    if lemma in words.object_control | words.object_raising:
        span = _asked_act(verb, has_object)
    if span is None and has_object and lemma in argument_words().prevention_verbs:
        span = _prevented_act(verb)
    if span is None:
        return []
    mention = make_mention(state, span, EntityType.EVENT, ner_label=None,
                           lemma=surface_text(span.text))
    return [Role(name=RoleName.CONTENT, mention=mention)]


def _asked_act(verb: Token, has_object: bool) -> Span | None:
    """The first to-infinitive after the verb with the object before it: what is asked."""
    for clause in (c for c in verb.children if c.i > verb.i):
        if _infinitive(clause) and (has_object or _subject_of(clause) is not None):
            return _content_span(clause, clause.i)
    return None


def _prevented_act(verb: Token) -> Span | None:
    """'prevented two ships from docking at the port', 'barred him from running': the
    gerund after the verb's 'from' with its object, 'from' included."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                 and c.i > verb.i):
        gerund = next((c for c in prep.children if c.dep_ in {"pcomp", "pobj"}
                       and c.tag_ == "VBG"), None)
        if gerund is not None:
            return _content_span(gerund, prep.i)
    return None


def _infinitive(clause: Token) -> bool:
    """A to-infinitive the parser hangs on the verb: as its complement ('urged X to leave'),
    with the object read as its subject, as a clause ('allowed [X to leave]'), or as a
    purpose ('sent its envoy to attend the summit')."""
    return clause.dep_ in {"xcomp", "ccomp", "advcl"} and clause.pos_ in {"VERB", "AUX"} and \
        clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" and c.i < clause.i
                                    for c in clause.children)


def _subject_of(clause: Token) -> Token | None:
    """The object the parser read as the infinitive's subject ('allowed [him to buy]')."""
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)


def _content_span(clause: Token, first: int) -> Span | None:
    """The words of what is to be done: the infinitive or gerund from ``first`` (its
    'from'), with 'to', 'not' and the object, particle or complement that follow it, up to a
    clause, list or aside of their own; None when that is too long to be one thing
    (``MAX_WORDS``)."""
    doc = clause.doc
    start = min((c.i for c in clause.children
                 if c.dep_ in LEADING_PARTS and c.i < clause.i and c.left_edge.i == c.i),
                default=first)
    end = clause.i
    for part in (c for c in clause.children if c.i > clause.i):
        if part.dep_ not in TRAILING_PARTS or part.left_edge.i != end + 1 or _dating(part):
            break
        end = _part_end(part)
        if end < part.right_edge.i:
            break  # the part's own clause or list follows: what is to be done ends here
    return doc[start:end + 1] if end - start + 1 <= MAX_WORDS else None


def _dating(part: Token) -> bool:
    """A phrase that dates the act ('to appeal the verdict on Monday'): the fact's time,
    not what is to be done."""
    return part.dep_ == "prep" and any(c.ent_type_ in {"DATE", "TIME"} for c in part.children)


def _part_end(part: Token) -> int:
    """The last word of a dependent before its own clause, list or aside begins (at that
    clause's first word: 'people [who had been accused]')."""
    return max(part.i, min((t.left_edge.i - 1 for t in part.subtree
                            if t.i > part.i and t.dep_ in PHRASE_ENDS), default=part.right_edge.i))


def idiom_topics(state: DocState, noun: Token, object_preps: frozenset[str]) -> list[Role]:
    """'could not reach an agreement about the national budget', 'struck a deal over the
    port': the noun of a verb idiom ('reach agreement' is 'agree') keeps the phrase that says
    what the act is about, which the idiom's own object prepositions do not read; its topic
    (data/preposition_roles.json) is the fact's, else 'X --agree--> (nothing)' says nothing
    (judged vague on the second set's sheets)."""
    topics = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ not in object_preps):
        for pobj in (c for c in prep.children if c.dep_ == "pobj" and not c.like_num):
            for conj in conjuncts(pobj):
                mention = referent(state, conj)
                if mention is not None and preposition_roles().get(prep.lower_, {}).get(
                        mention.type) is RoleName.TOPIC:
                    topics.append(Role(name=RoleName.TOPIC, mention=mention))
    return topics
