"""kg:confidence is a fitted chance of being right: the signs the rules know move it."""

from __future__ import annotations

import json
from importlib import resources

from helpers import corpus_of
from hypothesis import given
from hypothesis import strategies as st

from kg.confidence import MEANINGS, calibrated, signs, weights
from kg.lexicon import determiners

BASE = dict(rule="nsubj/dobj", predicate="visited", subject="Lena Marsh", obj="Oslo",
            known_predicate=True, sentence="Lena Marsh visited Oslo on Monday.",
            factuality="asserted", position=0, dated=False)


def score(**change: object) -> float:
    return calibrated(signs(**{**BASE, **change}))  # type: ignore[arg-type]


def test_every_sign_has_a_fitted_weight():
    assert set(signs(**BASE)) | {"bias"} == set(weights())  # type: ignore[arg-type]


def test_every_sign_says_what_it_means_in_the_data():
    """Helpers that add new kinds of facts read there which signs their facts set."""
    data = json.loads(resources.files("kg").joinpath("data/confidence.json").read_text("utf-8"))
    assert set(data["signs"]) == set(signs(**BASE)) == set(MEANINGS)  # type: ignore[arg-type]


def test_weak_links_lower_confidence():
    best = score()
    assert 0 < best < 1
    assert score(subject="researcher") < best
    assert score(rule="inherited-conj/dobj") < best
    assert score(subject="Tom Reyes") < best  # a subject not named in the sentence: a pronoun
    assert score(predicate="affiliatedWith", rule="title-before-name") > best


def test_a_pronoun_subject_is_less_sure_than_a_name():
    corpus = corpus_of("Lena Marsh arrived in Busan. She visited Oslo. "
                       "Lena Marsh visited Bergen on Friday.")
    visits = [f for f in corpus.facts if f.predicate == "visited"]
    (pronoun,) = [f for f in visits if f.subject.mention.is_pronoun]
    (named,) = [f for f in visits if not f.subject.mention.is_pronoun]
    assert pronoun.subject.entity_id == named.subject.entity_id == "person/lena-marsh"
    assert pronoun.evidence.confidence < named.evidence.confidence


def test_a_borrowed_subject_is_less_sure_than_the_verbs_own():
    """'X met Y and signed Z' shares X; '..., saying it would end Z' borrows it from another
    clause. Borrowed either way, the fact was judged right less often than one whose verb has
    its own subject (dev 0.37 and 0.27 against 0.48; fresh 0.36 and 0.42 against 0.47). That
    a subject borrowed across a clause is less sure than a shared one held on the dev sheets
    and not on the fresh ones (0.42 against 0.36), so the fit no longer tells them apart."""
    own = score()
    for rule in ("inherited-conj/dobj", "inherited-advcl/dobj", "inherited-relcl/dobj"):
        assert score(rule=rule) < own


def test_what_is_not_yet_done_is_less_sure_than_what_was_done():
    done = score()
    for factuality in ("expected", "possible", "normative"):
        assert score(factuality=factuality) < done


def test_a_participant_that_is_one_bare_noun_is_less_sure():
    """A bare noun is the least sure object. Facts read from a verb with a named subject were
    right with a bare-noun object 0.35 of the time on the dev sheets (496 facts) and 0.38 on
    the fresh ones (98), against 0.55 and 0.62 with a named object and 0.72 and 0.54 with a
    fuller description. (That a description is surer than a name held on dev only, so the
    fit no longer tells those two apart.)"""
    assert score(obj="the farm") < score()
    assert score(obj="the farm") < score(obj="the Harlow farm")
    assert score(subject="the council", sentence="The council visited Oslo.") < \
        score(subject="the Harlow council", sentence="The Harlow council visited Oslo.")


def test_a_description_is_weighed_by_its_head_phrase():
    """'Paramedics' opening a sentence is labelled 'paramedic' in the graph, the participant a
    reader (and the judges whose verdicts fitted the weights) sees: one bare noun, not a name
    for its capital letter. (A public service: other bare generic doers, 'Neighbours', make
    no fact at all, kg.extract.subjects.bare_generic_noun.)"""
    corpus = corpus_of("Paramedics confronted Tom Reyes on Monday. "
                       "Lena Marsh confronted Tom Reyes on Friday.")
    by_subject = {f.subject.mention.text: f for f in corpus.facts
                  if f.object is not None and f.object.entity_id == "person/tom-reyes"}
    described = by_subject["Paramedics"]
    assert described.evidence.confidence < by_subject["Lena Marsh"].evidence.confidence
    assert described.evidence.confidence == score(
        subject="paramedic", obj="Tom Reyes", predicate=described.predicate,
        sentence="Paramedics confronted Tom Reyes on Monday.", dated=True)


@given(determiner=st.sampled_from(sorted(determiners())),
       noun=st.from_regex(r"[a-z]{3,10}", fullmatch=True).filter(lambda w: w not in determiners()),
       other=st.from_regex(r"[a-z]{3,10}", fullmatch=True).filter(
           lambda w: w not in determiners()))
def test_any_determiner_of_the_shared_list_leaves_a_bare_noun(determiner, noun, other):
    bare = signs(**{**BASE, "obj": f"{determiner} {noun}"})  # type: ignore[arg-type]
    fuller = signs(**{**BASE, "obj": f"{determiner} {other} {noun}"})  # type: ignore[arg-type]
    assert bare["object_bare_noun"] == 1.0
    assert fuller["object_bare_noun"] == 0.0


def test_a_position_with_no_holder_is_less_sure_than_one_with_its_holder():
    """'Lena Marsh, an adviser' (no organisation) was judged vague far more often."""
    title = dict(predicate="affiliatedWith", sentence="Lena Marsh, an adviser, spoke.")
    held = score(rule="title-appositive", obj="Harlow Bank", **title)
    assert score(rule="title-appositive-no-holder", obj="", **title) < held
    assert signs(**{**BASE, "predicate": "affiliatedWith", "obj": ""})[  # type: ignore[arg-type]
        "position_without_holder"] == 1.0
    assert signs(**BASE)["position_without_holder"] == 0.0  # type: ignore[arg-type]


def test_a_quotation_in_the_sentence_lowers_confidence():
    plain = score()
    for quoted in ('Lena Marsh visited Oslo, "a cold town", on Monday.',
                   "Lena Marsh visited Oslo, \u201ca cold town\u201d, on Monday."):
        assert score(sentence=quoted) < plain


def test_a_fact_read_from_a_verb_is_less_sure_than_a_fixed_name_pattern():
    """The same names and predicate: a verb's arguments against 'Oslo, Norway'."""
    place = dict(predicate="locatedIn", obj="Norway", sentence="Oslo, Norway, is cold.",
                 subject="Oslo")
    assert score(rule="nsubj/dobj", **place) < score(rule="place-comma-place", **place)
    assert signs(**{**BASE, "rule": "agent-noun/dobj"})["read_from_verb"] == 1.0  # type: ignore[arg-type]
    assert signs(**{**BASE, "rule": "title-appositive"})["read_from_verb"] == 0.0  # type: ignore[arg-type]


def test_a_longer_sentence_lowers_confidence_up_to_a_cap():
    padding = " while the rain fell on the quiet harbour" * 3
    longer = f"Lena Marsh visited Oslo on Monday{padding}."
    assert score(sentence=longer) < score()
    very_long = signs(**{**BASE, "sentence": "word " * 500})  # type: ignore[arg-type]
    assert very_long["sentence_length"] == 2.0


def test_a_fact_later_in_the_article_is_less_sure_up_to_a_cap():
    """The lead states what the article is about; past it come background and quotations.
    On every judged sheet facts of the first 400 characters were right 0.66 of the time and
    those past 1000 about 0.50, and past 2000 characters no lower."""
    assert score(position=1200) < score(position=0)
    assert score(position=2000) < score(position=1200)
    assert score(position=9000) == score(position=2000)
    assert signs(**{**BASE, "position": 9000})["late_in_article"] == 1.0  # type: ignore[arg-type]


def test_the_extractor_weighs_where_in_the_document_a_fact_stands():
    """Two facts alike but for where they stand: the one after a long stretch of text is
    scored with its own position, not the start of its sentence or of the document."""
    filler = "The harbour was quiet and grey that week. " * 60
    corpus = corpus_of(f"Lena Marsh visited Oslo on Monday. {filler}"
                       "Tom Reyes visited Bergen on Friday.")
    visits = {f.subject.mention.text: f for f in corpus.facts if f.predicate == "visited"}
    early, late = visits["Lena Marsh"].evidence, visits["Tom Reyes"].evidence
    assert late.trigger_start > 2000
    assert late.confidence < early.confidence
    assert early.confidence == score(
        subject="Lena Marsh", obj="Oslo", predicate="visited", rule=early.rule,
        sentence="Lena Marsh visited Oslo on Monday.", position=early.trigger_start,
        dated=True)


def test_a_dated_event_is_surer_than_one_with_no_time():
    """A time role anchors the event the way a report states what happened."""
    assert score(dated=True) > score(dated=False)


def test_the_extractor_marks_a_fact_with_a_time_role_as_dated():
    corpus = corpus_of("Lena Marsh visited Oslo on Monday. Tom Reyes visited Bergen.")
    visits = {f.subject.mention.text: f for f in corpus.facts if f.predicate == "visited"}
    dated, undated = visits["Lena Marsh"], visits["Tom Reyes"]
    assert any(r.name.value == "time" for r in dated.roles)
    assert all(r.name.value != "time" for r in undated.roles)
    assert dated.evidence.confidence > undated.evidence.confidence


def test_signs_that_did_not_transfer_across_sets_are_not_weighed():
    """A verb outside the vocabulary, an object from a preposition and a relative clause
    ranked the dev articles' facts and not the fresh ones' (benchmarks/calibrate.py --test):
    a fact is weighed the same with or without them."""
    plain = score()
    assert score(known_predicate=False) == plain
    assert score(rule="nsubj/prep-about") == plain
    assert score(rule="relcl/dobj") == score(rule="nsubj/dobj")
    assert score(rule="inherited-advcl/dobj") == score(rule="inherited-conj/dobj")


def test_the_fitted_weights_name_the_sheets_of_both_sets():
    """The fit is on the dev and the fresh sheets together, so neither set's articles alone
    decide it; the names carry their set, as both sets' sheets share names."""
    data = json.loads(resources.files("kg").joinpath("data/confidence.json").read_text("utf-8"))
    sets = {name.split("/")[0] for name in data["fitted_on"]}
    assert sets == {"realnews", "realnews_fresh"}


def test_a_name_used_as_a_descriptions_modifier_is_less_sure():
    """'the Orvel Heavy rocket' is a thing named by its maker's or model's name, not the
    named thing itself: judged right 0.51 of the time on dev and 0.48 on fresh, against 0.57
    and 0.55 for all facts. The small words of a name or a title are no such word."""
    assert score(obj="Orvel Heavy rocket") < score(obj="Orvel Heavy")
    assert score(subject="Harlow river board") < score(subject="Harlow River Board")
    for name in ("Paolo di Venti", "Bank of Harlow", "Songs for the Road"):
        assert signs(**{**BASE, "obj": name})["name_before_noun"] == 0.0  # type: ignore[arg-type]
    assert signs(**{**BASE, "obj": "the farm"})["name_before_noun"] == 0.0  # type: ignore[arg-type]


def test_an_initialism_is_less_sure_than_a_name_spelt_out():
    """Its kind is guessed from letters alone; both sets' fits weighed it below zero."""
    spelt = score(subject="Northern Harbour Board",
                  sentence="The Northern Harbour Board visited Oslo on Monday.")
    assert score(subject="NHRB", sentence="The NHRB visited Oslo on Monday.") < spelt
    for name, flagged in (("U.K.", 1.0), ("NHRB", 1.0), ("Oslo", 0.0), ("A", 0.0),
                          ("Harlow NHRB", 0.0)):
        assert signs(**{**BASE, "obj": name})["initialism"] == flagged  # type: ignore[arg-type]


def test_a_subject_and_object_sharing_a_name_are_less_sure():
    """'Harlow Rowing Club' and 'Harlow': one name inside the other, or one name read twice."""
    club = dict(subject="Harlow Rowing Club", sentence="Harlow Rowing Club visited Oslo.")
    assert score(obj="Harlow", **club) < score(obj="Bergen", **club)
    assert signs(**{**BASE, **club, "obj": "the harlow"})[  # type: ignore[arg-type]
        "names_share_a_word"] == 0.0


def test_the_extractor_weighs_a_maker_named_thing_and_an_initialism_lower():
    corpus = corpus_of("Lena Marsh bought the Orvel Heavy rocket on Monday. "
                       "Lena Marsh bought Glenmoor Farm on Friday. "
                       "The NHRB fined Tom Reyes on Tuesday. "
                       "The Northern Harbour Board fined Tom Reyes on Sunday.")
    bought = {f.object.mention.text: f.evidence.confidence for f in corpus.facts
              if f.predicate == "bought" and f.object is not None}
    fined = {f.subject.mention.text: f.evidence.confidence for f in corpus.facts
             if f.predicate == "fined"}
    assert bought["Orvel Heavy rocket"] < bought["Glenmoor Farm"]
    assert fined["NHRB"] < fined["Northern Harbour Board"]


def test_a_headline_or_fragment_with_no_final_stop_is_less_sure():
    """A sentence that ends with no stop is a headline, a caption or a fragment, written
    short and without its verb's full arguments; a stop inside closing quotes or brackets
    still ends a sentence."""
    assert score(sentence="Lena Marsh visits Oslo") < score(sentence="Lena Marsh visits Oslo.")
    for sentence, flagged in (("Lena Marsh visits Oslo", 1.0),
                              ("Lena Marsh visits Oslo: talks on fishing quotas", 1.0),
                              ("Lena Marsh visited Oslo.", 0.0),
                              ('Lena Marsh said she "visited Oslo."', 0.0),
                              ("Lena Marsh visited Oslo (in May.)", 0.0),
                              ("Did Lena Marsh visit Oslo?  ", 0.0)):
        assert signs(**{**BASE, "sentence": sentence})[  # type: ignore[arg-type]
            "no_final_stop"] == flagged


def test_an_object_named_outside_the_sentence_is_weighed_as_resolved():
    """An object shown by a name its sentence does not hold was resolved from a pronoun or
    a description ('the firm') to the article's name for it: judged right more often on
    both sets, unlike a subject out of the sentence."""
    sentence = "Lena Marsh visited the firm on Monday."
    resolved = score(obj="Glenmoor Farm", sentence=sentence)
    assert signs(**{**BASE, "obj": "Glenmoor Farm", "sentence": sentence})[  # type: ignore[arg-type]
        "object_not_in_sentence"] == 1.0
    assert resolved > score(obj="Glenmoor Farm",
                            sentence="Lena Marsh visited Glenmoor Farm on Monday.")
    assert signs(**{**BASE, "obj": ""})["object_not_in_sentence"] == 0.0  # type: ignore[arg-type]
