"""Reading files into Documents: the text is the file, the body is the text with noise blanked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.encoding import decode_bytes
from kg.errors import InputError
from kg.ingest import (
    SUPPORTED_SUFFIXES,
    guess_date,
    guess_title,
    make_document,
    read_documents,
)

ARTICLE = ("Putin gives Kim a rifle in Pyongyang\n\n"
           "Russian President Vladimir Putin gave Kim a rifle.\n")


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def _only(paths: list[Path]):
    report = read_documents(paths)
    assert len(report.documents) == 1
    return report.documents[0]


_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


def _assert_body_aligned(text: str, body: str, media_type: str = "text/plain") -> None:
    """Same length; every body character is the text's own character or blanked, except
    that in HTML an entity's room holds its decoded character."""
    assert len(body) == len(text)
    entity_room = {i for m in _ENTITY.finditer(text) for i in range(m.start(), m.end())} \
        if media_type == "text/html" else set()
    for i, (b, t) in enumerate(zip(body, text, strict=True)):
        assert b == t or b.isspace() or i in entity_room, (i, b, t)


# --- supported files ------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES.keys() - {".jsonl"}))
def test_each_text_suffix_reads_one_document_with_its_media_type(tmp_path, suffix):
    path = _write(tmp_path, f"article{suffix}", ARTICLE)

    doc = _only([path])

    if SUPPORTED_SUFFIXES[suffix] == "text/html":  # a page's article, as clean text
        assert doc.text.split() == ARTICLE.split()
    else:
        assert doc.text == ARTICLE
    assert doc.source == f"article{suffix}"
    assert doc.media_type == SUPPORTED_SUFFIXES[suffix]
    _assert_body_aligned(doc.text, doc.body, doc.media_type)


def test_text_is_the_file_with_no_newline_translation(tmp_path):
    path = _write(tmp_path, "crlf.txt", "Putin met Kim in Moscow.\r\nKim met Putin again.\r\n")

    doc = _only([path])

    assert doc.text == path.read_bytes().decode("utf-8")
    assert "\r\n" in doc.text
    start = doc.body.index("Kim met")
    assert doc.text[start:start + len("Kim met Putin again.")] == "Kim met Putin again."


def test_doc_id_is_a_content_hash_so_duplicates_are_read_once(tmp_path):
    first = _write(tmp_path, "a.txt", ARTICLE)
    second = _write(tmp_path, "b.txt", ARTICLE)
    other = _write(tmp_path, "c.txt", ARTICLE + "Kim thanked Putin.\n")

    report = read_documents([first, second, other])

    assert [d.source for d in report.documents] == ["a.txt", "c.txt"]
    assert len({d.doc_id for d in report.documents}) == 2


def test_boilerplate_lines_are_blanked_and_the_story_keeps_its_offsets(tmp_path):
    text = ("Share this\nAdvertisement\nPutin gave Kim a rifle in Pyongyang.\n"
            "Read more: Kim visits Russia\nAll rights reserved 2024\n")
    doc = _only([_write(tmp_path, "page.txt", text)])

    for noise in ("Share this", "Advertisement", "Read more", "All rights reserved"):
        assert noise not in doc.body
    sentence = "Putin gave Kim a rifle in Pyongyang."
    start = doc.body.index(sentence)
    assert doc.text[start:start + len(sentence)] == sentence
    assert doc.body.count("\n") == text.count("\n")
    _assert_body_aligned(doc.text, doc.body)


def test_markdown_marks_are_blanked_and_link_text_stays_in_place(tmp_path):
    text = ("# Putin gives Kim a rifle in Pyongyang\n\n"
            "**Putin** gave [Kim](https://x.example/kim) a rifle.\n")
    doc = _only([_write(tmp_path, "post.md", text)])

    assert "#" not in doc.body and "*" not in doc.body and "https" not in doc.body
    start = doc.body.index("Kim")
    assert doc.text[start:start + 3] == "Kim"
    assert doc.title == "Putin gives Kim a rifle in Pyongyang"
    _assert_body_aligned(doc.text, doc.body)


@pytest.mark.parametrize("link", ["[Kim Jong Un](https://x.example/kim)",
                                  "![Kim Jong Un](kim.jpg)"])
def test_markdown_link_and_image_text_keeps_its_file_offset(link):
    text = f"Putin met {link} in Moscow."
    doc = make_document(text, source="x.md", media_type="text/markdown")

    start = doc.body.index("Kim Jong Un")
    assert doc.text[start:start + len("Kim Jong Un")] == "Kim Jong Un"
    assert doc.body.split() == ["Putin", "met", "Kim", "Jong", "Un", "in", "Moscow."]


HTML = """<html><head><title>Putin gives Kim a rifle in Pyongyang</title>
<meta property="article:published_time" content="2024-06-19T10:00:00Z">
<script>var tracking = "Putin";</script><style>p { color: red }</style></head>
<body><nav>Home | World | Share</nav>
<p>Russian President <b>Vladimir Putin</b> gave Kim Jong Un a rifle &amp; a car.</p>
<footer>Copyright 2024 News Corp</footer></body></html>
"""


def test_html_page_is_read_as_its_article_in_clean_text(tmp_path):
    """The stored text is the article (markup dropped, entities decoded), which offsets index;
    the file itself is kept only as its hash."""
    import hashlib

    path = _write(tmp_path, "page.html", HTML)
    doc = _only([path])

    assert doc.text == ("Putin gives Kim a rifle in Pyongyang\n\n"
                        "Russian President Vladimir Putin gave Kim Jong Un a rifle & a car.\n")
    for gone in ("<", ">", "tracking", "color", "Home", "Copyright", "&amp;"):
        assert gone not in doc.text
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    name = "Vladimir Putin"
    start = doc.body.index(name)
    assert doc.text[start:start + len(name)] == name
    _assert_body_aligned(doc.text, doc.body)


def test_html_title_and_date_come_from_the_head(tmp_path):
    doc = _only([_write(tmp_path, "page.html", HTML)])

    assert doc.title == "Putin gives Kim a rifle in Pyongyang"
    assert doc.date == "2024-06-19"


def test_html_title_prefers_og_title_and_date_falls_back_to_time_element():
    text = ('<meta property="og:title" content="Kim meets Putin at the cosmodrome">'
            "<title>Site name</title><p><time datetime=\"2023-09-13\">Wednesday</time> "
            "Kim met Putin at the cosmodrome in the Amur region of Russia.</p>")
    doc = make_document(text, source="x.html", media_type="text/html")

    assert doc.title == "Kim meets Putin at the cosmodrome"
    assert doc.date == "2023-09-13"


# --- title and date guessing ----------------------------------------------------------------


def test_guess_title_takes_the_first_headline_like_line():
    body = "MOSCOW\n\nPutin gives Kim a rifle in Pyongyang\n\nPutin gave Kim a rifle on Tuesday.\n"
    assert guess_title(body) == "Putin gives Kim a rifle in Pyongyang"


def test_guess_title_falls_back_to_a_sentence_and_none_for_short_text():
    sentence = "Putin gave Kim a rifle on Tuesday."
    assert guess_title(sentence + "\n") == sentence
    assert guess_title("Kim smiled.\n") is None


@pytest.mark.parametrize(("body", "expected"), [
    ("Published 2024-05-06. Putin met Kim.", "2024-05-06"),
    ("PYONGYANG, June 19th, 2024 - Putin met Kim.", "2024-06-19"),
    ("MOSCOW, 13 Sept 2023 (Reuters) - Kim met Putin.", "2023-09-13"),
    ("Sep 13, 2023: Kim met Putin; on 1 January 2020 they had not.", "2023-09-13"),
    ("Kim met Putin yesterday.", None),
    ("Kim met Putin in 2023.", None),
])
def test_guess_date_reads_an_explicit_dateline(body, expected):
    assert guess_date(body) == expected


def test_date_far_below_the_top_is_not_a_dateline():
    assert guess_date("Kim met Putin. " * 60 + "On 3 March 2024 they met again.") is None


def test_given_title_and_date_win_over_guesses():
    doc = make_document("Putin gives Kim a rifle in Pyongyang\n2024-01-02 Putin gave Kim a rifle.",
                        source="x.txt", title="Given title", date="13 September 2023")
    assert doc.title == "Given title"
    assert doc.date == "2023-09-13"


# --- JSON Lines -----------------------------------------------------------------------------


def _jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                   for r in records)


def test_jsonl_gives_one_document_per_record_with_its_fields(tmp_path):
    path = _write(tmp_path, "feed.jsonl", _jsonl(
        {"title": "Gift", "date": "2024-06-19", "url": "https://x.example/1",
         "text": "Putin gave Kim a rifle."},
        "",
        {"content": "Kim met Putin in Moscow."},
    ))

    docs = read_documents([path]).documents

    assert [d.source for d in docs] == ["feed.jsonl#L1", "feed.jsonl#L3"]
    assert [d.text for d in docs] == ["Putin gave Kim a rifle.", "Kim met Putin in Moscow."]
    assert (docs[0].title, docs[0].date, docs[0].url) == ("Gift", "2024-06-19",
                                                           "https://x.example/1")
    assert docs[1].url is None


def test_jsonl_record_may_hold_line_separator_characters(tmp_path):
    """JSON allows raw U+2028/U+0085 inside strings; they must not split the record."""
    text = "Putin met Kim\u2028in Moscow\x85on Tuesday."
    path = _write(tmp_path, "feed.jsonl", _jsonl({"text": text}, {"text": "Second record."}))

    docs = read_documents([path]).documents

    assert [d.text for d in docs] == [text, "Second record."]
    assert [d.source for d in docs] == ["feed.jsonl#L1", "feed.jsonl#L2"]


def test_jsonl_with_crlf_line_ends(tmp_path):
    path = _write(tmp_path, "feed.jsonl", '{"text": "Putin met Kim."}\r\n{"text": "Kim left."}\r\n')
    assert [d.text for d in read_documents([path]).documents] == ["Putin met Kim.", "Kim left."]


def test_jsonl_is_read_a_record_at_a_time_and_a_too_long_record_is_skipped_alone(tmp_path):
    """A line far over MAX_RECORD_BYTES (and a file far over any whole-file cap) costs one
    record's memory: the long line is read past in chunks and reported in one line."""
    import tracemalloc

    from kg.ingest import MAX_RECORD_BYTES

    path = tmp_path / "feed.jsonl"
    long_line = b'{"text": "' + b"word " * (16 * MAX_RECORD_BYTES // 5) + b'"}\n'
    with path.open("wb") as feed:
        feed.write(b'{"text": "Putin met Kim in Moscow."}\n')
        feed.write(long_line * 3)  # about 60 MB in three records
        feed.write(b'{"text": "Kim left Moscow on Friday."}\n')
    assert path.stat().st_size > 40 * MAX_RECORD_BYTES

    tracemalloc.start()
    try:
        report = read_documents([path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert [d.text for d in report.documents] == ["Putin met Kim in Moscow.",
                                                  "Kim left Moscow on Friday."]
    assert [d.source for d in report.documents] == ["feed.jsonl#L1", "feed.jsonl#L5"]
    assert len(report.skipped) == 3
    assert all(s.startswith(f"feed.jsonl:{n}: a record longer than") and "\n" not in s
               for n, s in zip((2, 3, 4), report.skipped, strict=True))
    assert peak < 4 * MAX_RECORD_BYTES, f"peak {peak:,} bytes: the feed was held whole"


def test_jsonl_with_a_byte_order_mark_and_a_line_not_utf8(tmp_path):
    path = _write(tmp_path, "feed.jsonl", b'\xef\xbb\xbf{"text": "Putin met Kim."}\n'
                  + '{"text": "Caf\xe9 talks in Paris."}\n'.encode("latin-1"))

    assert [d.text for d in read_documents([path]).documents] == [
        "Putin met Kim.", "Caf\xe9 talks in Paris."]
    strict = read_documents([path], strict=True)
    assert [d.text for d in strict.documents] == ["Putin met Kim."]
    assert strict.skipped == ("feed.jsonl:2: not valid UTF-8 (byte 13); re-save it as UTF-8 or "
                              "build without --strict; line skipped",)


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_an_empty_jsonl_file_is_one_error(tmp_path, content):
    path = _write(tmp_path, "feed.jsonl", content)
    with pytest.raises(InputError, match=r"feed\.jsonl: file is empty"):
        read_documents([path])


# --- bad input ------------------------------------------------------------------------------


BAD_FILES = {
    "empty": ("empty.txt", b"", "empty"),
    "blank": ("blank.md", b"  \n\t\n", "empty"),
    "binary": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "bad json": ("feed.jsonl", b'{"text": "unterminated\n', ":1:"),
    "no text field": ("feed.jsonl", b'{"title": "No body here"}\n', "no text field"),
    "not an object": ("feed.jsonl", b'["Putin met Kim."]\n', "no text field"),
    "no records": ("feed.jsonl", b"\n\n   \n", "empty"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_named_explicitly_raises_one_line_input_error(tmp_path, case):
    name, content, words = BAD_FILES[case]
    path = _write(tmp_path, name, content)

    with pytest.raises(InputError) as raised:
        read_documents([path])

    message = str(raised.value)
    assert "\n" not in message
    assert name in message
    assert words in message


def test_missing_path_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_documents([tmp_path / "missing.txt"])


def test_no_paths_raises_input_error():
    with pytest.raises(InputError):
        read_documents([])


def test_non_utf8_is_refused_when_strict_and_the_message_names_the_byte(tmp_path):
    path = _write(tmp_path, "latin.txt", "Caf\xe9 talks: Putin met Kim.".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin\.txt: not valid UTF-8 \(byte 3\)"):
        read_documents([path], strict=True)


def test_non_utf8_is_decoded_when_not_strict(tmp_path):
    path = _write(tmp_path, "latin.txt", "Caf\xe9 talks: Putin met Kim.".encode("latin-1"))
    assert _only([path]).text == "Caf\xe9 talks: Putin met Kim."


def test_a_bad_json_line_skips_that_line_only(tmp_path):
    path = _write(tmp_path, "feed.jsonl", b'{"text": "Putin met Kim."}\n{"text": "unterminated\n'
                  b'{"text": "Kim left."}\n{"title": "no text"}\n{"text": "Kim returned."}\n')

    report = read_documents([path])

    assert [d.text for d in report.documents] == ["Putin met Kim.", "Kim left.", "Kim returned."]
    assert [d.source for d in report.documents] == ["feed.jsonl#L1", "feed.jsonl#L3",
                                                    "feed.jsonl#L5"]
    assert len(report.skipped) == 2
    assert report.skipped[0].startswith("feed.jsonl:2: not valid JSON")
    assert report.skipped[1].startswith("feed.jsonl:4: record has no text field")


def test_a_json_lines_id_is_the_documents_identity(tmp_path):
    first = _write(tmp_path, "feed.jsonl", _jsonl({"id": "a-1", "text": "Putin met Kim."},
                                                   {"id": 7, "text": "Kim left."}))
    docs = read_documents([first]).documents
    assert [d.source for d in docs] == ["feed.jsonl#a-1", "feed.jsonl#7"]

    # The same id, edited text and moved to another line: still the same document.
    _write(tmp_path, "feed.jsonl", _jsonl({"text": "Other."},
                                          {"id": "a-1", "text": "Putin met Kim in Moscow."}))
    again = read_documents([first]).documents
    assert again[1].doc_id == docs[0].doc_id
    assert again[1].source == "feed.jsonl#a-1"


def test_make_document_rejects_blank_text():
    with pytest.raises(InputError):
        make_document(" \n\t ", source="x.txt")


# --- folders --------------------------------------------------------------------------------


def test_folder_is_read_recursively_in_name_order_skipping_hidden_and_other_files(tmp_path):
    _write(tmp_path, "b.txt", "Kim met Putin in Moscow.")
    _write(tmp_path, "a/z.md", "Putin gave Kim a rifle.")
    _write(tmp_path, "notes.pdf", b"%PDF-1.4 \x00\x01")
    _write(tmp_path, ".git/HEAD.txt", "ref: refs/heads/main")
    _write(tmp_path, ".hidden.txt", "Putin visited Pyongyang.")

    report = read_documents([tmp_path])

    assert [d.source for d in report.documents] == ["a/z.md", "b.txt"]
    assert report.skipped == ()
    assert report.ignored == (".git/HEAD.txt (hidden)", ".hidden.txt (hidden)",
                              "notes.pdf (unsupported suffix)")


def test_folder_with_one_bad_file_skips_it_and_reports_why(tmp_path):
    _write(tmp_path, "good.txt", "Putin gave Kim a rifle.")
    _write(tmp_path, "latin.txt", "Caf\xe9".encode("latin-1"))
    _write(tmp_path, "empty.html", b"")

    report = read_documents([tmp_path], strict=True)

    assert [d.source for d in report.documents] == ["good.txt"]
    assert len(report.skipped) == 2
    assert any("empty.html" in s and "empty" in s for s in report.skipped)
    assert any("latin.txt" in s and "UTF-8" in s for s in report.skipped)


def test_folder_with_only_bad_files_raises(tmp_path):
    _write(tmp_path, "empty.txt", b"")
    with pytest.raises(InputError, match="no readable documents"):
        read_documents([tmp_path])


def test_a_folder_of_refused_files_says_why_in_one_line(tmp_path, monkeypatch):
    from kg import ingest

    monkeypatch.setattr(ingest, "MAX_DOCUMENT_CHARS", 50)
    _write(tmp_path, "a.txt", "Putin gave Kim a rifle in Pyongyang on a Friday morning.")
    _write(tmp_path, "b.txt", b"")

    with pytest.raises(InputError) as raised:
        read_documents([tmp_path])

    message = str(raised.value)
    assert "\n" not in message
    assert "skipped a.txt: 56 characters is more than kg parses" in message
    assert message.endswith("(and 1 more)")


def test_bad_file_named_next_to_a_folder_still_raises(tmp_path):
    folder = tmp_path / "corpus"
    _write(folder, "good.txt", "Putin gave Kim a rifle.")
    bad = _write(tmp_path, "empty.txt", b"")
    with pytest.raises(InputError, match=r"empty\.txt"):
        read_documents([folder, bad])


# --- properties -----------------------------------------------------------------------------


MARKUP = st.sampled_from([
    "<p>", "</p>", "<b>", "<br/>", "<script>x</script>", "<!--", "-->", "&amp;", "&#x41;",
    "&#0;", "&#13;", "&bogus;", "&", ";", "<", ">", "# ", "**", "__", "`", "[a](b)", "![i](u)",
    "\n", "\r\n", "\u2028", "\x85", "[", "]", " ", "Putin", ".", "2024-05-06", "3 March 2024",
    "May 5, 2024", "Share this", "Advertisement", "12",
    "\u0662\u0660\u0662\u0664-\u0660\u0661-\u0660\u0661",  # 2024-01-01 in Arabic-Indic digits
])
ANY_TEXT = st.one_of(st.text(), st.lists(st.one_of(MARKUP, st.text(max_size=3)), max_size=40)
                     .map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT, media_type=st.sampled_from(sorted(set(SUPPORTED_SUFFIXES.values()))))
def test_make_document_keeps_body_aligned_or_raises_input_error(text, media_type):
    try:
        doc = make_document(text, source="x", media_type=media_type)
    except InputError:
        assert not text.strip() or media_type == "text/html"  # a page may hold no article
        return
    if media_type == "text/html":
        return  # a page's article text: tests/test_webpage.py checks its offsets
    assert doc.text == text
    _assert_body_aligned(doc.text, doc.body, media_type)
    assert all(b == t or b == " " for b, t in zip(doc.body, doc.text, strict=True))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200), st.booleans())
def test_decode_bytes_returns_text_or_raises_input_error(data, strict):
    try:
        decoded = decode_bytes(data, "x.txt", strict=strict)
    except InputError as err:
        assert "\n" not in str(err)
        return
    assert data.strip()
    if decoded.encoding == "utf-8":
        assert decoded.text.encode("utf-8") in (data, data.removeprefix(b"\xef\xbb\xbf"))
    else:
        assert not strict or data.startswith((b"\xff\xfe", b"\xfe\xff"))


def test_byte_order_mark_is_kept_so_offsets_match_the_file(tmp_path):
    from kg.ingest import read_file

    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfVladimir Putin gave Kim Jong Un a rifle.\n")
    (document,) = read_file(path)
    assert document.text == path.read_bytes().decode("utf-8")  # U+FEFF kept
    assert document.body[0] == " " and len(document.body) == len(document.text)


def test_byte_order_mark_before_json_lines_is_ignored(tmp_path):
    from kg.ingest import read_file

    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "Putin met Kim."}\n')
    (document,) = read_file(path)
    assert document.text == "Putin met Kim."
