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
"""

from __future__ import annotations

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
