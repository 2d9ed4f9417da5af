"""Web pages in, the article and only the article out: clean text, right metadata."""

from __future__ import annotations

import hashlib
import json

import pytest
from helpers import corpus_of_documents
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import make_document, read_documents
from kg.webpage import read_article

STORY = [
    "Russian President Vladimir Putin gave North Korean leader Kim Jong Un a rifle on Tuesday.",
    "Kim thanked Putin for the gift and invited him to visit Pyongyang next year.",
    "The two leaders met for four hours at the Vostochny Cosmodrome in the Amur region.",
]
NOISE = {
    "teaser": "Elon Musk bought a football club in Manchester",
    "second story": "Angela Merkel opened a bakery in Hamburg",
    "gallery": "Rishi Sunak visited a zoo in Glasgow",
    "cookie": "We use cookies to improve your experience",
    "newsletter": "Sign up for our morning newsletter",
    "bio": "Jane Doe is a correspondent based in Seoul",
    "share": "Share on Facebook",
}


def page(*, head: str = "", story: list[str] = STORY, second: bool = True) -> str:
    paragraphs = "".join(f"<p>{s}</p>" for s in story)
    second_story = (f"<article><h1>Merkel bakes</h1><p>{NOISE['second story']} on Monday "
                    "and sold bread to neighbours all day long, and then some more bread to "
                    "the tourists who came from far away to buy it.</p>" * 3 + "</article>"
                    ) if second else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Putin gives Kim a rifle | World News</title>{head}</head><body>
<div class="cookie-banner" id="cookie-consent"><p>{NOISE['cookie']}.</p><button>OK</button></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>Putin gives Kim a rifle</h1>
<div class="share-bar"><a href="#">{NOISE['share']}</a></div>
{paragraphs}
<div class="newsletter-signup"><p>{NOISE['newsletter']}.</p></div>
<div class="author-bio"><p>{NOISE['bio']}.</p></div>
</article>
<div class="gallery"><figure><img src="a.jpg"><figcaption>{NOISE['gallery']}.</figcaption>
</figure></div>
<aside class="related"><h3>Read more</h3><ul><li><a href="/x">{NOISE['teaser']}</a></li></ul>
</aside>{second_story}</main>
<footer><p>Copyright 2024 World News</p></footer></body></html>
"""


def test_the_article_is_kept_and_everything_else_is_dropped():
    doc = make_document(page(), source="p.html", media_type="text/html")

    for sentence in STORY:
        assert sentence in doc.text
    for kind, noise in NOISE.items():
        assert noise not in doc.text, kind
    assert doc.text.startswith("Putin gives Kim a rifle\n\n")
    assert "<" not in doc.text and "&" not in doc.text


def test_only_the_first_of_two_stories_on_a_page_is_read():
    doc = make_document(page(second=True), source="p.html", media_type="text/html")
    assert "Merkel" not in doc.text and "bakery" not in doc.text
    assert STORY[0] in doc.text


def test_entities_are_decoded_in_the_stored_text():
    story = ["The minister Jos&eacute; Albares said that Spain&rsquo;s navy sent ships to "
             "Gaza &amp; Cyprus on Monday morning, officials said."]
    doc = make_document(page(story=story, second=False), source="p.html",
                        media_type="text/html")
    assert "José Albares said that Spain’s navy sent ships to Gaza & Cyprus" in doc.text


def test_graph_carries_the_article_text_the_file_hash_and_path(tmp_path):
    import kg

    raw = page().encode("utf-8")
    (tmp_path / "world").mkdir()
    (tmp_path / "world" / "story.html").write_bytes(raw)
    result = kg.build_result([tmp_path])
    (document,) = result.corpus.documents

    assert document.source == "world/story.html"
    assert document.sha256 == hashlib.sha256(raw).hexdigest()
    from kg.namespaces import KG, NIF
    from kg.rdf import document_iri, union_graph

    graph = union_graph(result.dataset)
    node = document_iri(document.doc_id)
    assert str(graph.value(node, NIF.isString)) == document.text
    assert "<" not in document.text
    assert str(graph.value(node, KG.sha256)) == document.sha256
    assert str(graph.value(node, KG.sourceFile)) == "world/story.html"
    for fact in result.corpus.facts:
        e = fact.evidence
        assert document.text[e.sentence_start:e.sentence_end] == e.sentence_text
        assert "<" not in e.sentence_text


# --- metadata -------------------------------------------------------------------------------


def test_title_with_an_apostrophe_is_whole():
    head = """<meta property="og:title" content="Putin's gift: Kim gets a rifle">"""
    article = read_article(page(head=head), "p.html")
    assert article.title == "Putin's gift: Kim gets a rifle"


def test_date_only_in_json_ld_is_found():
    head = ('<script type="application/ld+json">' + json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Putin gives Kim a rifle", "datePublished": "2023-09-13T08:00:00Z",
        "author": {"@type": "Person", "name": "Anna Reporter"}}) + "</script>")
    doc = make_document(page(head=head), source="p.html", media_type="text/html")
    assert doc.date == "2023-09-13"


@pytest.mark.parametrize(("stamp", "expected"), [
    ("<p class=\"date\">19.01.2020</p>", "2020-01-19"),
    ("<time datetime=\"2021-05-04\">4 May</time>", "2021-05-04"),
    ("<p>Published on January 19, 2020</p>", "2020-01-19"),
])
def test_visible_and_time_dates_are_found(stamp, expected):
    html = page().replace("<h1>Putin gives Kim a rifle</h1>",
                          f"<h1>Putin gives Kim a rifle</h1>{stamp}")
    doc = make_document(html, source="p.html", media_type="text/html")
    assert doc.date == expected


def test_meta_date_author_site_and_url():
    head = ('<meta property="article:published_time" content="2024-06-19T10:00:00Z">'
            '<meta name="author" content="Anna Reporter">'
            '<meta property="og:site_name" content="World News">'
            '<link rel="canonical" href="https://news.example/world/putin-kim">')
    doc = make_document(page(head=head), source="p.html", media_type="text/html")
    assert (doc.date, doc.author, doc.site_name, doc.url) == (
        "2024-06-19", "Anna Reporter", "World News", "https://news.example/world/putin-kim")


def test_a_page_with_no_article_text_is_an_input_error():
    with pytest.raises(InputError, match="no article text"):
        make_document("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                      source="empty.html", media_type="text/html")


# --- charsets -------------------------------------------------------------------------------

LATIN_STORY = ["Café owner José Núñez said the “grand” reopening of the café in Málaga "
               "drew hundreds of guests on Saturday — more than expected.", *STORY]


@pytest.mark.parametrize(("encoding", "declare"), [
    ("windows-1252", True), ("windows-1252", False), ("iso-8859-1", True),
    ("utf-8", False), ("utf-8-sig", False), ("utf-16", False),
])
def test_each_charset_is_read(tmp_path, encoding, declare):
    story = LATIN_STORY if encoding != "iso-8859-1" else [
        s.replace("“", '"').replace("”", '"').replace("—", "-") for s in LATIN_STORY]
    html = page(story=story, second=False)
    if declare:
        html = html.replace('<meta charset="utf-8">', f'<meta charset="{encoding}">')
    else:
        html = html.replace('<meta charset="utf-8">', "")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))

    (doc,) = read_documents([path]).documents

    assert story[0] in doc.text
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_windows_1252_text_file_is_detected_and_strict_refuses_it(tmp_path):
    text = " ".join(LATIN_STORY) + "\n"
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode("windows-1252"))

    (doc,) = read_documents([path]).documents
    assert doc.text == text
    assert doc.encoding in ("cp1252", "windows-1252")
    with pytest.raises(InputError, match="UTF-8"):
        read_documents([path], strict=True)


# --- identity and folders -------------------------------------------------------------------


def test_two_index_pages_in_different_folders_keep_different_sources(tmp_path):
    for folder, story in (("a", STORY[:2]), ("b", STORY[1:])):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(page(story=story, second=False), "utf-8")

    report = read_documents([tmp_path])

    assert sorted(d.source for d in report.documents) == ["a/index.html", "b/index.html"]


def test_two_files_named_alike_and_named_explicitly_keep_their_paths(tmp_path):
    paths = []
    for folder, text in (("a", "Putin met Kim."), ("b", "Kim met Putin.")):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "story.txt")
        paths[-1].write_text(text, "utf-8")

    sources = sorted(d.source for d in read_documents(paths).documents)

    assert sources == sorted(p.as_posix() for p in paths)


def test_ignored_files_are_reported(tmp_path):
    (tmp_path / "story.txt").write_text("Putin met Kim.", "utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".draft.txt").write_text("Kim met Putin.", "utf-8")

    report = read_documents([tmp_path])

    assert report.ignored == (".draft.txt (hidden)", "notes.pdf (unsupported suffix)")


# --- language -------------------------------------------------------------------------------

GERMAN = ["Der russische Präsident Wladimir Putin hat dem nordkoreanischen Machthaber Kim Jong "
          "Un am Dienstag ein Gewehr geschenkt.",
          "Kim bedankte sich für das Geschenk und lud ihn zu einem Besuch in Pjöngjang ein.",
          "Die beiden Politiker trafen sich vier Stunden lang am Weltraumbahnhof Wostotschny."]


def test_a_page_in_another_language_is_skipped_with_a_warning_naming_it(tmp_path):
    import kg

    (tmp_path / "de.html").write_text(page(story=GERMAN, second=False).replace(
        "Putin gives Kim a rifle", "Putin schenkt Kim ein Gewehr"), "utf-8")
    (tmp_path / "en.html").write_text(page(second=False), "utf-8")

    result = kg.build_result([tmp_path])

    assert [d.source for d in result.corpus.documents] == ["en.html"]
    (warning,) = result.skipped
    assert warning.startswith("de.html: written in German (de)")
    assert "\n" not in warning


def test_only_pages_in_another_language_is_an_input_error(tmp_path):
    import kg

    (tmp_path / "de.html").write_text(page(story=GERMAN, second=False), "utf-8")
    with pytest.raises(InputError, match="German"):
        kg.build_result([tmp_path])


# --- the provenance promise, on generated pages ---------------------------------------------

SENTENCES = [
    *STORY,
    "Albares met Antony Blinken in Madrid on Friday.",
    "Microsoft bought Activision Blizzard for $69 billion in 2023.",
    "The minister Jos&eacute; Albares said Spain&rsquo;s navy sent ships to Gaza.",
    "Kim left Pyongyang for Russia on Sunday &amp; arrived on Tuesday.",
]
WRAPS = st.sampled_from(["{}", "<b>{}</b>", "<span class=\"x\">{}</span>", "<em>{}</em>"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    story = draw(st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=6))
    wrapped = [draw(WRAPS).format(s) for s in story]
    return page(story=wrapped, second=draw(st.booleans()))


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(html=pages())
def test_every_fact_offset_slices_the_stored_article_text_to_its_quote(html):
    document = make_document(html, source="p.html", media_type="text/html")
    corpus = corpus_of_documents(document)
    (stored,) = corpus.documents
    assert "<" not in stored.text and "&amp;" not in stored.text
    for fact in corpus.facts:
        e = fact.evidence
        assert stored.text[e.sentence_start:e.sentence_end] == e.sentence_text
        assert stored.text[e.trigger_start:e.trigger_end] == e.trigger
        for role in (fact.subject, *fact.roles):
            mention = role.mention
            assert " ".join(stored.text[mention.start:mention.end].split()) == \
                mention.text.replace("\u00ad", "")
    for mention in corpus.sentences:
        assert stored.text[mention.start:mention.end] == mention.text

