"""Properties of the whole pipeline on generated news-like text: whatever the sentences, every
offset slices the original text to its quote, and the graph conforms to the shapes."""

from __future__ import annotations

from helpers import corpus_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.rdf import build_dataset, union_graph
from kg.validate import validate_graph

PEOPLE = ["Vladimir Putin", "Kim Jong Un", "Angela Merkel", "Joe Biden", "Putin", "Kim", "He",
          "The company", "Microsoft", "The North Korean leader"]
VERBS = ["gave", "met", "visited", "sent", "bought", "praised", "did not meet", "will visit",
         "reportedly sold", "admired"]
OBJECTS = ["a rifle", "Moscow", "Joe Biden", "the factory that makes fighter jets",
           "tanks to Ukraine", "Kim a glove", "North Korea with food", "each other"]
TAILS = ["", " on Wednesday", " in July 2000", " at the Vostochny Cosmodrome", ", Peskov said",
         " (Sept 13)", " last week"]
SEPARATORS = [" ", "\n", "\n\n", "  \r\n", "\n\nRead more: elsewhere\n\n"]

SENTENCES = st.builds(lambda s, v, o, t: f"{s} {v} {o}{t}.", st.sampled_from(PEOPLE),
                      st.sampled_from(VERBS), st.sampled_from(OBJECTS), st.sampled_from(TAILS))
ARTICLES = st.lists(st.tuples(SENTENCES, st.sampled_from(SEPARATORS)), min_size=1, max_size=5)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES)
def test_offsets_always_slice_the_text_and_the_graph_conforms(parts):
    text = "".join(sentence + separator for sentence, separator in parts)
    corpus = corpus_of(text)
    (document,) = corpus.documents
    for sentence in corpus.sentences:
        assert document.text[sentence.start:sentence.end] == sentence.text
    for fact in corpus.facts:
        evidence = fact.evidence
        assert document.text[evidence.trigger_start:evidence.trigger_end] == evidence.trigger
        assert evidence.sentence_start <= evidence.trigger_start < evidence.sentence_end
        if evidence.clause_start is not None:
            assert evidence.sentence_start <= evidence.clause_start < evidence.clause_end \
                <= evidence.sentence_end
        for role in (fact.subject, *([fact.object] if fact.object else []), *fact.roles):
            assert role.mention.start < role.mention.end <= len(document.text)
    report = validate_graph(union_graph(build_dataset(corpus, "test-model 1.0")))
    assert report.conforms, report.describe()
