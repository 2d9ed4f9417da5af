"""Which one an unnamed object is (kg.extract.identifying, with
kg/data/identifying_modifiers.json): the names and hyphenated words before its head that its
label used to leave out. Sentences written for the test; each rule
has its refusal."""

from __future__ import annotations

from helpers import corpus_of, object_id


def _labels(corpus, lemma: str) -> set[str]:
    labels = {e.entity_id: e.label for e in corpus.entities}
    return {labels.get(object_id(f) or "", "") for f in corpus.facts if f.lemma == lemma}


def test_a_place_name_the_parser_hangs_on_the_head_stays_in_the_label():
    corpus = corpus_of("Dara Quill toured the Velmar central police station.")
    assert _labels(corpus, "tour") == {"Velmar central police station"}


def test_a_quoted_name_before_the_head_says_which_one():
    corpus = corpus_of("Lena Park led the 'Falcon' rescue in 1980.")
    assert _labels(corpus, "lead") == {"Falcon rescue"}


def test_a_quoted_name_of_several_words_keeps_its_closing_mark_out():
    corpus = corpus_of('Tom Reyes won the "Golden Reed" award.')
    assert _labels(corpus, "win") == {"Golden Reed award"}


def test_a_name_with_a_hyphenated_tail_is_its_doer_not_which_one():
    corpus = corpus_of("Rebels shelled the Brindle Motors-controlled plant on Friday.")
    assert _labels(corpus, "shell") == {"plant"}


def test_a_name_of_several_words_before_the_head_is_kept_whole():
    corpus = corpus_of("Tom Reyes praised the Bank of Ostland report.")
    assert _labels(corpus, "praise") == {"Bank of Ostland report"}


def test_a_pair_of_nationalities_joined_by_a_hyphen_stays_whole():
    corpus = corpus_of("Ostland denounced the Ostlandic-Ruritanian maritime border agreement.")
    assert _labels(corpus, "denounce") == {"Ostlandic-Ruritanian maritime border agreement"}


def test_a_hyphenated_kind_word_says_what_kind():
    corpus = corpus_of("The governor signed the state's anti-abortion measure.")
    assert _labels(corpus, "sign") == {"anti-abortion measure"}


def test_a_hyphenated_word_of_origin_leaves_the_thing_its_plain_name():
    corpus = corpus_of("Dara Quill gave Tom Reyes a Velmar-made rifle.")
    assert _labels(corpus, "give") == {"rifle"}


def test_a_hyphenated_number_says_how_long():
    corpus = corpus_of("Judge Ana Ruiz handed down a 40-year sentence.")
    assert _labels(corpus, "hand down") == {"40-year sentence"}


def test_a_possessor_is_left_to_reference_and_written_once():
    corpus = corpus_of("Tom Reyes accepted Dara Quill's resignation.",
                       "Prime Minister Dara Quill offered to resign on Monday. "
                       "President Tom Reyes rejected the prime minister's resignation.")
    assert _labels(corpus, "accept") == {"Dara Quill's resignation"}
    assert _labels(corpus, "reject") == {"resignation"}


def test_a_name_already_in_a_hyphenated_label_word_is_not_added_again():
    corpus = corpus_of("Dara Quill discussed Ostland-Ruritania relations on Monday.")
    assert not any(label.startswith("Ruritania ") for label in _labels(corpus, "discuss"))


def test_a_plain_adjective_or_a_described_possessor_adds_nothing():
    corpus = corpus_of("Tom Reyes rejected the new plan.",
                       "Velora Oil's board rejected the company's plan.")
    assert _labels(corpus, "reject") == {"plan"}


def test_a_subject_that_says_who_keeps_its_words_too():
    corpus = corpus_of("The Ostlandic-Ruritanian team released its findings on Monday.")
    labels = {e.entity_id: e.label for e in corpus.entities}
    assert {labels[f.subject.entity_id or ""] for f in corpus.facts if f.lemma == "release"} \
        == {"Ostlandic-Ruritanian team"}


def test_a_name_cut_by_its_own_possessive_is_not_added():
    corpus = corpus_of('The "Velmar\'s Den" hall was expanded this year.')
    labels = {e.entity_id: e.label for e in corpus.entities}
    assert "Den hall" not in {labels.get(f.subject.entity_id or "", "") for f in corpus.facts}


def test_a_shell_noun_stays_hollow_with_a_name_before_it():
    corpus = corpus_of("Tom Reyes rejected the Ostlandic-Ruritanian claim.")
    assert _labels(corpus, "reject") == set()


def test_part_of_a_recognised_name_is_never_added_alone():
    # 'a South African rifle': 'South' alone would make 'South rifle'.
    corpus = corpus_of("Lena Marsh received a South African rifle from Tom Reyes.")
    labels = _labels(corpus, "receive")
    assert labels and not any(label.split()[0] == "South" and "African" not in label
                              for label in labels)
