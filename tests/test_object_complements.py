"""What a bare object noun keeps to say which one it is (kg.extract.reference, with
kg/data/object_complements.json): the ordinal of a series and the one phrase its noun takes.
Sentences written for the test; each rule has its refusal."""

from __future__ import annotations

from helpers import corpus_of, object_id


def _labels(corpus, lemma: str) -> set[str]:
    labels = {e.entity_id: e.label for e in corpus.entities}
    return {labels.get(object_id(f) or "", "") for f in corpus.facts if f.lemma == lemma}


def test_a_term_keeps_its_ordinal_and_the_office_it_is_served_as():
    corpus = corpus_of("Ana Vidal served her second term as governor.")
    assert _labels(corpus, "serve") == {"second term as governor"}


def test_an_ordinal_of_a_noun_that_comes_in_no_series_stays_out():
    corpus = corpus_of("Tom Reyes rejected the first plan.")
    assert _labels(corpus, "reject") == {"plan"}


def test_a_deal_keeps_whom_it_is_with_though_the_parser_hangs_it_on_the_verb():
    corpus = corpus_of("Tom Reyes broke his supply deal with the prosecutors.")
    assert _labels(corpus, "break") == {"supply deal with the prosecutors"}


def test_a_with_phrase_after_a_noun_that_takes_none_is_no_part_of_it():
    corpus = corpus_of("Tom Reyes painted the fence with a brush.")
    assert not any("brush" in label for label in _labels(corpus, "paint"))


def test_a_channel_keeps_where_it_leads():
    corpus = corpus_of("Norway opened channels to Chile on Monday.")
    assert _labels(corpus, "open") == {"channel to Chile"}


def test_a_share_written_before_a_noun_keeps_its_number():
    corpus = corpus_of("Norway imposed a 20 percent tariff on Monday.",
                       "Velora Oil announced a 5% pay rise.")
    assert _labels(corpus, "impose") == {"20 percent tariff"}
    assert _labels(corpus, "announce") == {"5% pay rise"}


def test_a_noun_after_no_share_gains_no_number():
    corpus = corpus_of("Norway imposed a steel tariff on Monday.")
    assert _labels(corpus, "impose") == {"steel tariff"}


def test_a_definite_noun_after_two_shares_of_it_is_neither():
    corpus = corpus_of("Velora Oil sought a 100% vaccination rate. Ruritania reported a 95% "
                       "vaccination rate on Monday. The rate reached 97% on Friday.")
    labels = {e.entity_id: e.label for e in corpus.entities}
    reached = {labels[f.subject.entity_id] for f in corpus.facts if f.lemma == "reach"}
    assert reached and not any("%" in label for label in reached)


def test_a_with_phrase_that_names_no_party_is_no_part_of_a_deal():
    # 'violate' gives 'with' no role of its own, so the party is the deal's ('signed a deal
    # with X' keeps X as the co-signer: test_verb_circumstances)
    corpus = corpus_of("Norway violated a trade deal with great reluctance.",
                       "Chile violated a trade deal with the government of Peru.")
    assert _labels(corpus, "violate") == {"trade deal", "trade deal with the government of Peru"}


def test_a_noun_of_intention_keeps_the_infinitive_that_says_which():
    corpus = corpus_of("Ivo Sands lodged his intent to appeal on Tuesday.",
                       "The Velora board announced plans to recall the frigates.")
    assert _labels(corpus, "lodge") == {"intent to appeal"}
    assert _labels(corpus, "announce") == {"plan to recall the frigates"}


def test_an_infinitive_after_a_noun_that_takes_none_is_no_part_of_it():
    corpus = corpus_of("Ivo Sands bought bread to feed the ducks.")
    assert not any("feed" in label for label in _labels(corpus, "buy"))


def test_a_named_owner_says_which_one_without_the_infinitive():
    corpus = corpus_of("Mira Olsen accepted Ivo Sands's offer to resign on Monday.")
    assert _labels(corpus, "accept") == {"Ivo Sands's offer"}


def test_a_proper_adjective_the_tagger_calls_a_name_stays_in_the_label():
    corpus = corpus_of("Mira Olsen won the Republican primary with most of the vote.")
    assert _labels(corpus, "win") == {"Republican primary"}


def test_a_named_possessor_says_whose_a_plain_thing_is():
    corpus = corpus_of("Ivo Sands cooked for three years at Velora's Lisbon bistro.",
                       "Ivo Sands sold his bistro in 2012.")
    labels = {e.entity_id: e.label for e in corpus.entities}
    objects = {labels.get(object_id(f) or "", "") for f in corpus.facts}
    assert "Velora's Lisbon bistro" in objects
    assert "bistro" in objects  # his own: 'his' adds nothing to what he sold


def test_an_amount_keeps_what_it_counts():
    corpus = corpus_of("Ivo Sands sold tens of millions of albums in Asia.")
    assert _labels(corpus, "sell") == {"tens of millions of albums"}


def test_the_same_decision_is_the_one_a_verb_told_before_with_what_it_was_to_do():
    corpus = corpus_of("The Tarvia Party decided to cancel its spring congress. Ostland made the "
                       "same decision in June.")
    assert _labels(corpus, "make") == {"decision to cancel its spring congress"}


def test_the_vote_is_the_one_told_before_as_a_verb_with_its_infinitive():
    corpus = corpus_of("The council voted to expel Ana Vidal on Monday. Tom Reyes praised the "
                       "vote.")
    assert _labels(corpus, "praise") == {"vote to expel Ana Vidal"}


def test_the_decision_stays_bare_when_the_document_told_two():
    corpus = corpus_of("Ostland decided to close the harbour. Velm decided to keep its ferry. "
                       "Tom Reyes criticized the decision.")
    assert _labels(corpus, "criticize") == {"decision"}


def test_a_decision_with_words_of_its_own_is_not_the_one_told_before():
    corpus = corpus_of("Ostland decided to close the harbour. Tom Reyes criticized a new "
                       "decision on Friday.")
    assert "decision to close harbour" not in _labels(corpus, "criticize")


def test_the_agreement_is_not_the_one_to_do_something_when_another_was_described_since():
    corpus = corpus_of("Ostland made an agreement to build a bridge. Velm criticized the fishing "
                       "agreement with Tarvia. Tom Reyes signed the agreement on Friday.")
    assert "agreement to build bridge" not in _labels(corpus, "sign")
