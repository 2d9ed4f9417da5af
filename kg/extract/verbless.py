"""Sentences the small tagger left without a verb: 'The Velmar Party awards seats
proportionally.', 'The oldest murals date to the ninth century.' A finite verb spelt like a
noun ('awards', 'date', 'lead') is tagged a noun, and the parser then reads the whole
sentence as one noun phrase, so no verb states its fact.

A sentence that ends as a statement does ('.', '!') but whose root is a noun is such a
misreading when a word of that phrase is a verb kg knows (the relation vocabulary or
WordNet's event verbs, ``data/event_verbs.json``) with a noun phrase before it to be its
subject and something after it to be its object: the word right before the root noun
('awards' in 'Party awards delegates', the root its object), or the root itself with an
object preposition ('date to', 'lead to'). The parse is mended in place before extraction
(the verb made the root, the words before it its subject, the root noun its object), so that
the verb's fact is read like any other. A heading ('Council report on housing') has no final
period and is left alone. A phrase before a semicolon that the parser made the subject of
the clause after it ('Aldana's image lead to calls; since then, groups have grown') is such a
clause too, joined to the next one side by side.

The tagger also reads a regular past tense as a past participle on the noun before it ('The
band reunited in 2005.', 'one man sprayed Reyes with paint, others ...'): the verb hangs on its
subject as a modifier ('acl'), and no fact comes of it, or a passive one with the doer read as
the patient. A participle is such a finite verb when its noun is the head of a statement with
no verb of its own, or the subject of a later verb while the participle takes a direct object
of its own (a participle on a noun takes none: 'the data collected by X'); a 'by'-phrase naming
a doer keeps it a participle ('Photo taken by X.'). It is made the clause's verb and the noun its
subject (``_misread_participles``); of two such participles on one noun the last is the verb
('The bridge, destroyed in the flood, reopened in May'). On the dev and second sets' parses,
each of the participles this reads was a finite verb.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.lexicon import event_verbs
from kg.relations import load_vocabulary

NOUN_TAGS = frozenset({"NN", "NNS"})
SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON"})
STATEMENT_ENDS = frozenset({".", "!"})
# Words of a subject phrase: what comes before the subject's head noun ('the Velmar Party').
SUBJECT_DEPS = frozenset({"det", "compound", "amod", "poss", "nummod", "case", "nmod",
                          "punct"})


def mend_verbless_sentences(doc: Doc) -> None:
    """Mend, in place, each sentence the parser read as one noun phrase around a verb the
    tagger called a noun (the module docstring says when), and each such phrase before a
    semicolon that the parser made the subject of the clause after it."""
    for sent in list(doc.sents):
        for phrase in [sent.root, *_phrases_before_semicolon(sent)]:
            verb = _hidden_verb(phrase)
            if verb is not None:
                _make_clause(phrase, verb)
        for participle, noun in list(_misread_participles(sent)):
            _make_finite(participle, noun)


def _phrases_before_semicolon(sent: Span) -> list[Token]:
    """'The Velmar Party awards seats; parties must win 5%': the noun phrase before a
    semicolon that the parser hung as the subject of the verb after it. A semicolon joins
    whole clauses, so that phrase is a clause of its own, its verb misread."""
    return [t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "NOUN" and
            any(c.text == ";" and t.right_edge.i < c.i < t.head.i for c in t.head.children)]


def _known_verb(token: Token) -> bool:
    """Whether the word is a verb kg reads facts of: in the relation vocabulary or among
    WordNet's event verbs."""
    lemma = token.lemma_.lower()
    return load_vocabulary().spec(lemma) is not None or lemma in event_verbs()


def _hidden_verb(root: Token) -> Token | None:
    """The verb hidden in a verbless statement whose phrase ``root`` heads, or None: the
    noun right before the root ('awards' of 'awards delegates') or the root with an object
    preposition ('date to')."""
    sent = root.sent
    after = root.right_edge.i + 1
    ends = sent[-1].text if root.i == sent.root.i else \
        root.doc[after].text if after < len(root.doc) else ""
    if root.pos_ not in {"NOUN", "PROPN"} or ends not in STATEMENT_ENDS | {";"} or \
            any(t.pos_ in {"VERB", "AUX"} and t.head.i == root.i for t in root.subtree):
        return None
    before = root.doc[root.i - 1] if root.i > sent.start else None
    if before is not None and before.dep_ == "compound" and before.head.i == root.i and \
            before.tag_ in NOUN_TAGS and _known_verb(before) and _subject_head(before):
        return before
    preps = load_vocabulary().object_preps
    if root.tag_ in NOUN_TAGS and _known_verb(root) and _subject_head(root) and any(
            c.dep_ == "prep" and c.lower_ in preps and c.i == root.i + 1 for c in root.children):
        return root
    return None


def _subject_head(verb: Token) -> Token | None:
    """The noun right before the verb that heads a subject phrase made of the root's left
    words: 'Party' of 'The Velmar Party awards', 'murals' of 'The oldest murals date'."""
    if verb.i == 0:
        return None
    head = verb.doc[verb.i - 1]
    return head if head.pos_ in SUBJECT_POS and head.dep_ in {"compound", "poss", "nmod"} \
        else None


def _make_clause(root: Token, verb: Token) -> None:
    """Re-hang the phrase as a clause: the verb the root, the words before it its subject
    (hung on the subject's head noun), the old root its object when it is not the verb, the
    sentence's openers ('In 2019,') and its end on the verb."""
    subject = _subject_head(verb)
    if subject is None:
        return
    sent = root.sent
    words_before = [t for t in sent if t.i < verb.i and t.head.i in {root.i, verb.i}]
    whole = root.i == sent.root.i
    clause_head = root.head  # before a semicolon: the verb after it
    verb.head = verb if whole else clause_head
    verb.dep_ = "ROOT" if whole else "parataxis"
    verb.pos_ = "VERB"
    verb.tag_ = "VBZ" if verb.lower_.endswith("s") and verb.lower_ != verb.lemma_.lower() \
        else "VBP" if verb.lower_ == verb.lemma_.lower() else "VBD"
    subject.head = verb
    subject.dep_ = "nsubj"
    for word in words_before:
        if word.i == subject.i:
            continue
        in_subject = word.dep_ in SUBJECT_DEPS and word.i > _opening_end(sent, verb)
        word.head = subject if in_subject else verb
    if root.i != verb.i:
        root.head = verb
        root.dep_ = "dobj"
        for child in [c for c in root.children if c.i > root.i and c.is_punct and
                      c.i == sent.end - 1]:
            child.head = verb


def _opening_end(sent: Span, verb: Token) -> int:
    """The last word of a sentence opener before the subject ('In 2019,'): the last comma
    before the verb, or the sentence's start."""
    commas = [t.i for t in sent if t.i < verb.i and t.text == ","]
    return max(commas, default=sent.start - 1)


# What the noun of a verbless statement may have before its misread verb: words of its own
# phrase ('The band', 'Reyes, a keen sailor and former teacher,').
NOUN_PHRASE_DEPS = SUBJECT_DEPS | {"appos", "cc", "conj", "prep", "acl", "relcl", "npadvmod"}
PAST_ENDING = "ed"  # a regular past, spelt as its participle; 'taken', 'sent' are told apart


def _misread_participles(sent: Span) -> Iterator[tuple[Token, Token]]:
    """Each past participle on a noun that is the sentence's finite verb, with that noun (the
    module docstring says when)."""
    for verb in sent:
        noun = verb.head
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or not verb.lower_.endswith(PAST_ENDING) or \
                verb.i < noun.i or not _bare_participle(verb):
            continue
        subject = _apposed_to(noun)
        if subject.i == sent.root.i and _verbless_statement(sent, subject, verb):
            yield verb, subject
        elif noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.i > verb.i and \
                any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children):
            yield verb, noun


def _apposed_to(noun: Token) -> Token:
    """The noun an apposition describes ('Quill' of 'Quill, a sailor and former boxer,'): a
    participle after the apposition's closing comma is hung on its last noun by the parser."""
    while noun.dep_ in {"appos", "conj"} and noun.head.i < noun.i:
        noun = noun.head
    return noun


def _bare_participle(verb: Token) -> bool:
    """Whether a participle has nothing that makes it one: no auxiliary or subject of its own
    and no 'by'-phrase that names a doer ('by shouting' is a manner, a finite verb's)."""
    if any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "csubj"} for c in verb.children):
        return False
    return not any(c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children)
                   for c in verb.children)


def _verbless_statement(sent: Span, noun: Token, verb: Token) -> bool:
    """Whether the noun heads a statement whose only verb is the participle: it ends as a
    statement does and the noun has nothing else but its own phrase before the verb."""
    if noun.pos_ not in {"NOUN", "PROPN"} or not any(t.text in STATEMENT_ENDS for t in sent[-2:]):
        return False
    others = [c for c in {*noun.children, *verb.head.children} if c.i != verb.i]
    # 'The bridge, destroyed in the flood, reopened in May': the last participle is the verb,
    # one before it between commas a participle.
    return not any(c.pos_ in {"VERB", "AUX"} and (c.dep_ not in {"acl", "relcl"} or c.i > verb.i)
                   for c in others) and \
        all(c.dep_ in NOUN_PHRASE_DEPS or c.is_punct for c in others if c.i < verb.i)


def _make_finite(verb: Token, noun: Token) -> None:
    """Re-hang a misread participle as the finite verb of its noun: the root of the sentence
    (what followed it hung on it) or a clause beside the verb the noun was the subject of."""
    if noun.dep_ == "ROOT":
        for child in [c for c in (*noun.children, *verb.head.children) if c.i > verb.i]:
            child.head = verb
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = noun.head, "parataxis"
    verb.tag_ = "VBD"
    noun.head, noun.dep_ = verb, "nsubj"
