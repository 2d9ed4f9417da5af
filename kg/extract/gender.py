"""Gender: which people of a document 'he' and 'she' can stand for.

A pronoun resolved to the wrong person puts the wrong participant in a fact, the worst kind of
wrong fact. The article itself usually says who is a man and who a woman: an honorific or a
gendered noun at the name ('Mr Lind', 'his wife, Anna Berg', 'actress Maria Soler'), and the
pronouns that can only point at one person (the only person named in the sentence before
them). A given name that is nearly always one sex (US SSA baby-name counts, shipped as
``data/given_names.txt``, see tools/ssa_given_names.py) is evidence too. Evidence is weighed per
person: a full name, and a lone surname ('Lind') counts for the one full name of the document
that ends with it ('Tomas Lind'); with two ('Carl Webb', 'Anna Webb') it says no sex alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.state import DocState, mention_end
from kg.lexicon import articles, data_file, data_lines
from kg.model import EntityType, Mention
from kg.relations import name_kind

PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "himself": "m",
               "she": "f", "her": "f", "hers": "f", "herself": "f"}
NAME_WEIGHT = 3  # a given name alone decides, unless the article says otherwise
WORD_WEIGHT = 4  # 'Mrs', 'actress', 'his wife, X': the article says so
PRONOUN_WEIGHT = 1  # one pronoun can be in a quote about someone else: two are needed


@cache
def given_names() -> dict[str, str]:
    """Lower-case given name -> 'm' or 'f', for names nearly always one sex."""
    pairs = (line.split("\t") for line in data_lines("given_names.txt"))
    return {name: sex for name, sex in pairs}


@cache
def reference_words() -> dict[str, object]:
    """data/reference.json, read once for gender and reference resolution alike."""
    return data_file("reference.json")


@cache
def gendered_words() -> dict[str, str]:
    """'mrs' -> 'f', 'chairman' -> 'm', 'crown princess' -> 'f'."""
    words = reference_words()
    return {**{w: "m" for w in words["male"]},  # type: ignore[union-attr]
            **{w: "f" for w in words["female"]}}  # type: ignore[union-attr]


def surname(mention: Mention) -> str:
    """The key a person is known by across a document: the last word of the name."""
    words = mention.text.split()
    return words[-1] if words else ""


def same_name(a: Mention, b: Mention) -> bool:
    """'Sorokin' and 'Arkady Sorokin' name one person; 'Carl Webb' and 'Anna Webb' two."""
    if a is b or a.text == b.text:
        return True
    short, full = sorted((a.text.split(), b.text.split()), key=len)
    return len(short) == 1 and bool(full) and full[-1] == short[0]


def sex_of(state: DocState, person: Mention) -> str | None:
    """'m' or 'f' when the document says which this person is, else None."""
    sex = _genders(state).get(_person_key(state, person), "")
    return sex if sex in {"m", "f"} else None


def leans_against(state: DocState, pronoun: str, person: Mention) -> bool:
    """Whether what little the document says of this person ('Koit met his wife') is of the
    other sex than the pronoun's: not enough to rule the person out, enough to prefer one it
    does say is of the pronoun's sex."""
    wanted = PRONOUN_SEX.get(pronoun.lower())
    sex = _genders(state).get(_person_key(state, person), "")
    return wanted is not None and sex[:1] not in {"", wanted}


def _genders(state: DocState) -> dict[str, str]:
    if state.genders is None:
        state.genders = _document_genders(state)
    return state.genders


def _person_key(state: DocState, person: Mention) -> str:
    """A person's full name; a lone name stands for the one full name that ends with it
    ('Pellinger'), or when none does, the one that starts with it ('John' for 'John R.
    Pellinger', as a quote calls him)."""
    if " " in person.text:
        return person.text
    fulls = {m.text for _, m, _ in state.people if m.antecedent is None and " " in m.text}
    for place in (-1, 0):
        named = {full for full in fulls if full.split()[place] == person.text}
        if named:
            return named.pop() if len(named) == 1 else person.text
    return person.text


def fits(state: DocState, pronoun: str, person: Mention) -> bool:
    """Whether a pronoun can stand for this person: 'she' never for a known man, and 'he'
    or 'she' never for a name the document shows is no person (``can_be_person``)."""
    wanted = PRONOUN_SEX.get(pronoun.lower())
    return wanted is None or (sex_of(state, person) in (None, wanted) and
                              can_be_person(state, person))


def can_be_person(state: DocState, mention: Mention) -> bool:
    """Whether a name can be the 'he' or 'she' of a later pronoun. The small recogniser calls
    many things people ('the Velora pipeline', 'a Chirper post', 'the manager of Harbor
    Grill' the restaurant); a name the document itself writes as a thing's is none, unless the
    document also says it is a person: a title at it, a given name, a gendered word ('Mrs',
    'his wife, X'). The recogniser's other labels for the name are weaker evidence (it calls
    'Reyes' an event once): the pronouns the document uses of the name outweigh them.
    Answered once per name and type in a document (``DocState.person_names``): the answer
    reads only the name's text and type and the document's mentions."""
    key = (mention.text, mention.type)
    if key not in state.person_names:
        state.person_names[key] = _can_be_person(state, mention)
    return state.person_names[key]


def _can_be_person(state: DocState, mention: Mention) -> bool:
    if _written_as_thing(state, mention):
        return _person_evidence(state, mention)
    if _labelled_as_thing(state, mention):
        return sex_of(state, mention) is not None or _person_evidence(state, mention)
    return True


# Labels of the recogniser that say a name is no person.
THING_NER_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT",
                              "NORP", "LAW"})


def _written_as_thing(state: DocState, mention: Mention) -> bool:
    """Whether the document writes a name as a thing's: a description that is no person
    ('the government of X', which the recogniser labelled), a kind word in the name ('Kestrel
    Studio'), or the name anywhere after 'the' or 'a' or modifying a noun ('the Velora
    pipeline', 'a Chirper post'), as no person's name is written."""
    if mention.text[:1].islower() and mention.type is not EntityType.PERSON:
        return True
    if name_kind(tuple(w.lower().strip(".,") for w in mention.text.split())) is not None:
        return True
    return any(_thing_occurrence(span) for span in _occurrences(state, mention))


def _occurrences(state: DocState, mention: Mention) -> list[Span]:
    """Every place the document writes this name (the same text) as a mention."""
    starts = {(m.start, m.end) for m in state.mention_at.values()
              if m.text == mention.text and m.ner_label is not None}
    spans = (state.doc.char_span(s, e, alignment_mode="expand") for s, e in sorted(starts))
    return [span for span in spans if span is not None]


def _thing_occurrence(name: Span) -> bool:
    """'the Velora pipeline', 'a Chirper post': an article right before a name, or a name
    that modifies a common noun."""
    if name.start > 0 and name.doc[name.start - 1].lower_ in articles():
        return True
    return name.root.dep_ == "compound" and name.root.head.pos_ == "NOUN"


def _labelled_as_thing(state: DocState, mention: Mention) -> bool:
    """Whether the recogniser labels the name a thing ('Harbor Grill' a facility) at least
    as often as a person across the document."""
    labels = Counter(m.ner_label for m in {m.start: m for m in state.mention_at.values()
                                           if m.text == mention.text}.values())
    things = sum(n for label, n in labels.items() if label in THING_NER_LABELS)
    return things > 0 and things >= labels["PERSON"]


def _person_evidence(state: DocState, mention: Mention) -> bool:
    """Whether the document says a name is a person's: a title at some mention of it, a
    given name that starts it, or a gendered word beside it."""
    key = _person_key(state, mention)
    if " " in key and key.split()[0].lower() in given_names():
        return True
    for start, other, _ in state.people:
        if other.antecedent is None and _person_key(state, other) == key and (
                other.title or _said_sexes(state, other, state.doc[start])):
            return True
    return False


def known_to_fit(state: DocState, pronoun: str, person: Mention) -> bool:
    """Whether the document says this person is of the pronoun's sex ('she' and 'Ms Berg')."""
    wanted = PRONOUN_SEX.get(pronoun.lower())
    return wanted is not None and sex_of(state, person) == wanted


def word_sex(word: str) -> str | None:
    """The sex a description says ('the actress' -> 'f'), or None."""
    return gendered_words().get(word.lower())


def _document_genders(state: DocState) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for start, mention, _ in state.people:
        if mention.antecedent is not None:
            continue
        key = _person_key(state, mention)
        words = mention.text.split()
        if (len(words) >= 2 or key == mention.text) and \
                (sex := given_names().get(words[0].lower())):
            # ('Mary' alone, when no full name ends or starts with it, is her given name)
            votes[key][sex] += NAME_WEIGHT
        for sex in _said_sexes(state, mention, state.doc[start]):
            votes[key][sex] += WORD_WEIGHT
    for token in state.doc:
        sex = PRONOUN_SEX.get(token.lower_)
        if sex is not None and (key := _only_person_before(state, token)) is not None:
            votes[key][sex] += PRONOUN_WEIGHT
    genders: dict[str, str] = {}
    for key, count in votes.items():
        for sex, other in (("m", "f"), ("f", "m")):
            if count[sex] >= 2 and count[sex] >= 3 * count[other]:
                genders[key] = sex
            elif count[sex] > count[other]:
                genders[key] = f"{sex}?"  # a lean, not a fact: see leans_against
    return genders


def _said_sexes(state: DocState, mention: Mention, first: Token) -> set[str]:
    """Sexes the words at a name say: an honorific or gendered title before it ('Mrs',
    'actress', 'Queen'), or a gendered noun in apposition ('X, his wife', 'the actress, X')."""
    doc = first.doc
    words = (mention.title or "").lower().replace(",", " ").split()
    if first.i > 0:
        words.append(doc[first.i - 1].lower_)
    root = doc[first.i:mention_end(state, first) + 1].root
    words += [c.lemma_.lower() for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        words.append(root.head.lemma_.lower())
    phrases = [w.rstrip(".") for w in words] + [" ".join((mention.title or "").lower().split())]
    return {sex for phrase in phrases if (sex := word_sex(phrase)) is not None}


def _only_person_before(state: DocState, pronoun: Token) -> str | None:
    """The key of the one person a pronoun can point at: the only person named earlier in its
    sentence, or, when none is, the only one named in the sentence before."""
    sentence = state.sentence_index.get(pronoun.i)
    if sentence is None:
        return None
    for wanted in (sentence, sentence - 1):
        keys = {_person_key(state, m) for i, m, _ in state.people
                if m.antecedent is None and m.sentence_index == wanted and
                (wanted < sentence or i < pronoun.i)}
        if keys:
            return keys.pop() if len(keys) == 1 else None
    return None
