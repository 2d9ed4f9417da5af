"""The word sets of kg/lexicon.py: each data section has one home, and the sets code reads
are built from sections whose invariants these tests hold (no word in two sections that
must be disjoint, each derived set the union its docstring promises)."""

from __future__ import annotations

import json
from importlib import resources

from kg import lexicon

DETERMINER_SECTIONS = ("indefinite_articles", "definite_article", "singular_demonstratives",
                       "plural_demonstratives", "possessives", "universal_quantifiers",
                       "distributive_quantifiers", "negative_quantifiers", "other_indefinites",
                       "negative_pronouns")
# Not sections: subsets picked from them (lexicon.definite_before_mention,
# lexicon.group_possessives).
DETERMINER_SUBSETS = ("read_before_a_mention", "group_possessives")


def _data(name: str) -> dict[str, object]:
    return json.loads(resources.files("kg").joinpath(f"data/{name}").read_text("utf-8"))


def test_determiner_sections_are_disjoint_and_lower_case() -> None:
    data = _data("determiners.json")
    seen: dict[str, str] = {}
    for section in DETERMINER_SECTIONS:
        words = data[section]
        assert isinstance(words, list) and words, section
        for word in words:
            assert word == word.lower().strip(), (section, word)
            assert word not in seen, f"{word!r} in {seen.get(word)} and {section}"
            seen[word] = section
    assert not {k for k in data if not k.startswith("_")} - set(DETERMINER_SECTIONS) - set(
        DETERMINER_SUBSETS)


def test_determiner_sets_are_unions_of_sections() -> None:
    data = _data("determiners.json")

    def union(*names: str) -> frozenset[str]:
        return frozenset(w for n in names for w in data[n])  # type: ignore[union-attr]

    assert lexicon.determiners() == union(
        "indefinite_articles", "definite_article", "singular_demonstratives",
        "plural_demonstratives", "possessives")
    assert lexicon.articles() == union("indefinite_articles", "definite_article")
    assert lexicon.indefinite_articles() == union("indefinite_articles")
    assert lexicon.definite_determiners() == union(
        "definite_article", "singular_demonstratives", "plural_demonstratives")
    assert lexicon.singular_definites() == union("definite_article", "singular_demonstratives")
    assert lexicon.unspecific_determiners() == union(
        "indefinite_articles", "universal_quantifiers", "distributive_quantifiers",
        "negative_quantifiers", "other_indefinites")
    assert lexicon.generic_quantifiers() == union("universal_quantifiers", "negative_quantifiers")
    assert lexicon.universal_determiners() == union(
        "universal_quantifiers", "distributive_quantifiers")
    assert lexicon.generic_determiners() == union(
        "indefinite_articles", "universal_quantifiers", "distributive_quantifiers")


def test_quantifier_sets_differ_where_their_comment_says() -> None:
    # 'each minister signed' names a group at hand: a participant, so no generic subject;
    # 'no member resigned' is a negated deed, not a rule of a kind.
    assert "each" not in lexicon.generic_quantifiers()
    assert "each" in lexicon.universal_determiners()
    assert "no" in lexicon.generic_quantifiers()
    assert "no" not in lexicon.generic_determiners()
    assert not lexicon.generic_quantifiers() & lexicon.determiners()


def test_no_determiner_set_is_left_in_factuality_data() -> None:
    assert "generic_determiners" not in _data("factuality.json")
    assert not hasattr(lexicon.factuality_words(), "generic_determiners")


CONTROL_CLASSES = ("object_control", "object_raising", "implicative_control",
                   "subject_control_plans", "raising_verbs")


def test_control_and_raising_classes_live_in_control_data_only() -> None:
    control, arguments = _data("control.json"), _data("arguments.json")
    for name in CONTROL_CLASSES:
        assert name in control and f"_{name}_comment" in control, name
        assert name not in arguments, name
        assert name not in lexicon.ArgumentWords.model_fields, name
        assert getattr(lexicon.control_words(), name), name


def test_control_classes_keep_their_stated_relations() -> None:
    words = lexicon.control_words()
    # 'expected the bill to pass' asks no one to act; 'urged Kim to resign' does.
    assert not words.object_raising & words.object_control
    # A raising verb ('seemed to') carries the verb after it and controls nothing.
    others = (words.object_control | words.object_raising | words.implicative_control |
              words.subject_control_plans | words.directive_verbs | words.recorded_governors)
    assert not words.raising_verbs & others
    # 'told the clerk to file': a directive's object does the infinitive.
    assert words.directive_verbs <= words.object_control
    # 'relies on X to carry' is prepositional control whose infinitive happens.
    assert words.implicative_prepositional <= words.prepositional_control
    # A decision that calls something off is a decision first.
    assert words.performative_decisions <= words.subject_control_plans
    for name, value in words.model_dump().items():
        assert value and all(w == w.lower().strip() for w in value), name


ABSTRACT_CLASSES = {"attribute", "cognition", "feeling", "motive", "quantity", "relation",
                    "shape", "time"}


def test_abstract_nouns_agree_with_noun_classes() -> None:
    # Both files come from tools/wordnet_verb_forms.py; an abstract noun the class table
    # knows must have an abstract first sense there, and the table is not a superset of the
    # list ('shape' nouns) nor the list a subset of its abstract classes (later senses).
    classes = lexicon.noun_classes()
    abstract = lexicon.abstract_nouns()
    assert {classes[n] for n in abstract if n in classes} <= ABSTRACT_CLASSES
    assert abstract - classes.keys()
    assert {n for n, c in classes.items() if c in ABSTRACT_CLASSES} - abstract


def test_the_definites_read_before_a_mention_are_definite_determiners_but_not_that():
    # 'said that investigators found': 'that' before a noun read as text is often the
    # conjunction, so it marks no definite noun there; 'the' and 'this' do.
    assert lexicon.definite_before_mention() == {"the", "this"}
    assert lexicon.definite_before_mention() < lexicon.definite_determiners()
    assert "that" in lexicon.definite_determiners()


def test_the_group_possessives_are_possessives_no_person_is_named_by():
    # 'Velora cut its prices': 'its' and 'their' say an organisation's or a group's thing;
    # 'his' and 'her' are a person's and stay out.
    assert lexicon.group_possessives() == {"its", "their"}
    assert lexicon.group_possessives() < lexicon.possessive_determiners()
    assert not {"his", "her"} & lexicon.group_possessives()


def test_the_institution_nouns_are_read_through_the_lexicon():
    assert {"government", "ministry", "embassy"} <= lexicon.institution_nouns()
    assert all(n == n.lower().strip() for n in lexicon.institution_nouns())


def test_data_lines_skips_notes_and_blank_lines_and_strips(monkeypatch, tmp_path) -> None:
    """A text list's '#' notes and blank lines are no entries; entries keep their order."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tools.txt").write_text(
        "# Hand tools, one a line.\n\nhammer\n  chisel  \n# a second note\nsaw\t\n\n",
        "utf-8")
    monkeypatch.setattr(lexicon.resources, "files", lambda _package: tmp_path)
    assert lexicon.data_lines("tools.txt") == ("hammer", "chisel", "saw")


def test_text_lists_read_through_data_lines_have_no_notes() -> None:
    """Every plain-text list kg ships reads as entries only: no note, no blank entry."""
    for name in ("titles.txt", "boilerplate.txt", "given_names.txt", "person_nouns.txt"):
        entries = lexicon.data_lines(name)
        assert entries, name
        assert not any(entry.startswith("#") or not entry for entry in entries), name


def test_harm_predicates_are_relation_predicates() -> None:
    """data/arguments.json 'harm_predicates' names predicates relations.json gives a verb:
    a misspelt one would never match and silently drop the rule it serves."""
    relations = _data("relations.json")["relations"]
    predicates = {spec["predicate"] for spec in relations.values()}  # type: ignore[union-attr]
    harm = lexicon.argument_words().harm_predicates
    assert harm and harm <= predicates
