"""Read files and folders into Documents, and derive the offset-aligned text the parser sees.

The one invariant: ``Document.text`` is the source decoded as UTF-8 with no newline translation
(for JSON Lines, the record's text field), and ``Document.body`` has exactly the same length with
markup and boilerplate blanked out. So any span found in ``body`` slices ``text`` to the quote,
which is what makes every offset in the graph checkable against the file on disk.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from kg.datelines import blank_spans, read_dateline, read_stamps, stamp_date
from kg.errors import InputError
from kg.model import Document

PADDING = "\u00ad"  # soft hyphen: fills the room a decoded HTML entity leaves in the body
SUPPORTED_SUFFIXES = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown",
                      ".html": "text/html", ".htm": "text/html", ".jsonl": "application/jsonl"}
_TEXT_KEYS = ("text", "content", "body", "article")
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DATE_PATTERNS = (
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTHS}),? (\d{{4}})\b"),
    re.compile(rf"\b({_MONTHS}) (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b"),
)


@dataclass(frozen=True)
class IngestReport:
    """Documents read, plus files skipped inside folders (with the reason), for the CLI to show."""

    documents: tuple[Document, ...]
    skipped: tuple[str, ...]


def read_documents(paths: Iterable[str | Path]) -> IngestReport:
    """Read every supported file under ``paths`` in a stable order.

    A file named explicitly must be readable text or this raises ``InputError``; inside a folder,
    unreadable or unsupported files are skipped and reported instead, so one stray file does not
    sink a whole corpus. Duplicate contents are read once.
    """
    docs: dict[str, Document] = {}
    skipped: list[str] = []
    paths = list(paths)
    if not paths:
        raise InputError("no input paths given")
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            for file in files:
                if file.suffix.lower() not in SUPPORTED_SUFFIXES:
                    continue
                try:
                    for doc in read_file(file):
                        docs.setdefault(doc.doc_id, doc)
                except InputError as err:
                    skipped.append(str(err))
        else:
            for doc in read_file(path):
                docs.setdefault(doc.doc_id, doc)
    if not docs:
        raise InputError("no readable documents (.txt, .md, .html, .jsonl) in " +
                         ", ".join(str(p) for p in paths))
    return IngestReport(tuple(docs.values()), tuple(skipped))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_file(path: Path) -> Iterator[Document]:
    """Decode one file into one Document (or one per line for JSON Lines)."""
    media_type = SUPPORTED_SUFFIXES.get(path.suffix.lower(), "text/plain")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    text = decode_bytes(data, path)
    if media_type == "application/jsonl":
        yield from _read_jsonl(text, path)
        return
    yield make_document(text, source=path.name, media_type=media_type)


def decode_bytes(data: bytes, path: Path | str) -> str:
    """Strict UTF-8: a wrong guess at an encoding would corrupt every quote and offset."""
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: not valid UTF-8 (byte {err.start}); re-save it as UTF-8") from None
    # A byte-order mark is kept, so offsets match the file decoded as UTF-8; the body blanks it.
    return text


def _read_jsonl(text: str, path: Path) -> Iterator[Document]:
    found = False
    # Only "\n" ends a record: str.splitlines() would also split at U+2028, U+0085 and other
    # characters that JSON allows raw inside a string.
    for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}:{number}: not valid JSON ({err.msg})") from None
        body = next((record[k] for k in _TEXT_KEYS if isinstance(record, dict)
                     and isinstance(record.get(k), str) and record[k].strip()), None)
        if body is None:
            raise InputError(f"{path}:{number}: record has no text field ({', '.join(_TEXT_KEYS)})")
        found = True
        yield make_document(
            body, source=f"{path.name}#L{number}", media_type="text/plain",
            title=_str_or_none(record.get("title")), date=_str_or_none(record.get("date")),
            url=_str_or_none(record.get("url")),
        )
    if not found:
        raise InputError(f"{path}: no records")


def _str_or_none(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def make_document(text: str, *, source: str, media_type: str = "text/plain",
                  title: str | None = None, date: str | None = None,
                  url: str | None = None) -> Document:
    """Build a Document from decoded text; title and date are guessed when not given."""
    if not text.strip():
        raise InputError(f"{source}: no text")
    body = clean_body(text, media_type)
    # The dateline and date stamps are read, then blanked, so the parser starts at the lede.
    dateline, stamps = read_dateline(body), read_stamps(body)
    stamped = [(s.start, s.end) for s in stamps]
    body = blank_spans(body, stamped + ([(dateline.start, dateline.end)] if dateline else []))
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    if media_type == "text/html":
        title = title or _html_title(text)
        date = date or _html_date(text)
    # Best first: the page's own metadata, the dateline, a 'Published:' line, a date near the
    # top, and last a 'Last updated:' line (a footer is the article's date at the latest).
    date = normalize_date(date) if date else (
        (dateline.date if dateline else None) or stamp_date(stamps, published=True)
        or guess_date(body) or stamp_date(stamps, published=False))
    return Document(
        doc_id=doc_id, source=source, text=text, body=body, media_type=media_type,
        title=title or guess_title(body), date=date, url=url, dateline=dateline,
    )


def clean_body(text: str, media_type: str) -> str:
    """Blank markup and boilerplate with spaces, keeping every character's position."""
    body = text
    if media_type == "text/html":
        body = _mask_html(body)
    elif media_type == "text/markdown":
        body = _mask_markdown(body)
    body = _mask_boilerplate(body)
    # Editorial brackets ('Putin gave [Jong-un] a rifle') confuse the parser; the words stay.
    body = body.replace("[", " ").replace("]", " ").replace("\ufeff", " ")
    assert len(body) == len(text)
    return body


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


_HTML_DROP = re.compile(
    r"<(script|style|noscript|nav|header|footer|aside|form|svg|head)\b.*?</\1\s*>", re.S | re.I)
_HTML_BLOCK = re.compile(r"</?(p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|blockquote|"
                         r"title|figcaption|pre)\b[^>]*>", re.I)
_HTML_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_HTML_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


def _mask_html(text: str) -> str:
    body = _HTML_DROP.sub(_blank, text)
    body = _HTML_BLOCK.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), body)
    body = _HTML_TAG.sub(_blank, body)

    def entity(match: re.Match[str]) -> str:
        # A letter is padded with soft hyphens so 'St&eacute;phane' stays one word; punctuation
        # with spaces before it, so 'Spain&rsquo;s' still reads 'Spain ’s'. Mention texts drop
        # the padding.
        char = html.unescape(match.group(0))
        room = len(match.group(0)) - len(char)
        if char in ("\xa0", match.group(0)):
            return " " * len(match.group(0))
        return char + PADDING * room if char.isalnum() else " " * room + char

    return _HTML_ENTITY.sub(entity, body)


def _mask_markdown(text: str) -> str:
    body = re.sub(r"(?m)^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s", _blank, text)
    body = re.sub(r"!?\[([^\]]*)\]\(([^)]*)\)", _link_text_in_place, body)
    return re.sub(r"(\*\*|__|`)", _blank, body)


def _link_text_in_place(match: re.Match[str]) -> str:
    """Keep a link's (or an image's) text where it stands in the file; blank the rest."""
    before = match.start(1) - match.start(0)
    return " " * before + match.group(1) + " " * (match.end(0) - match.end(1))


@cache
def _boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    lines = resources.files("kg").joinpath("data/boilerplate.txt").read_text("utf-8").splitlines()
    return tuple(re.compile(ln, re.I) for ln in lines if ln.strip() and not ln.startswith("#"))


def _mask_boilerplate(text: str) -> str:
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        stripped = content.strip()
        if stripped and any(p.fullmatch(stripped) for p in _boilerplate_patterns()):
            line = " " * len(content) + line[len(content):]
        out.append(line)
    return "".join(out)


def guess_title(body: str) -> str | None:
    """A headline-like line among the first four: four to thirty words once datelines are
    removed, preferably without a final period."""
    lines = [re.sub(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*", "", ln).strip() for ln in body.splitlines()]
    lines = [ln for ln in lines if ln][:4]
    candidates = [ln for ln in lines if 4 <= _word_count(ln) <= 30]
    candidates = [" ".join(line.split()) for line in candidates]
    for line in candidates:
        if not line.endswith("."):
            return line
    return candidates[0] if candidates else None


def _word_count(line: str) -> int:
    for pattern in _DATE_PATTERNS:
        line = pattern.sub(" ", line)
    return len(re.findall(r"[^\W\d_]{2,}", line))


def guess_date(body: str) -> str | None:
    """An explicit date near the top (a dateline); relative dates are never guessed from 'now'."""
    head = body[:600]
    found: list[tuple[int, str]] = []
    for pattern in _DATE_PATTERNS:
        match = pattern.search(head)
        if match:
            found.append((match.start(), match.group(0)))
    return normalize_date(min(found)[1]) if found else None


def normalize_date(value: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


def _html_title(text: str) -> str | None:
    for pattern in (r'<meta[^>]+property=["\']og:title["\'][^>]+content=["\']([^"\']+)',
                    r"<title[^>]*>(.*?)</title>", r"<h1[^>]*>(.*?)</h1>"):
        match = re.search(pattern, text, re.I | re.S)
        if match:
            title = html.unescape(re.sub(r"<[^>]+>|\s+", " ", match.group(1))).strip()
            if title:
                return title
    return None


def _html_date(text: str) -> str | None:
    match = re.search(r'<meta[^>]+(?:article:published_time|datePublished|date)["\'][^>]+'
                      r'content=["\']([^"\']+)', text, re.I)
    if match is None:
        match = re.search(r'<time[^>]+datetime=["\']([^"\']+)', text, re.I)
    return match.group(1)[:10] if match else None
