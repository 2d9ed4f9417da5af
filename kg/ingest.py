"""Read files and folders into Documents, and derive the offset-aligned text the parser sees.

The one invariant: ``Document.text`` is what offsets index and what the graph stores
(``nif:isString``), and ``Document.body`` has exactly the same length with markup and
boilerplate blanked out. So any span found in ``body`` slices ``text`` to the quote. For plain
text and Markdown the text is the file decoded with no newline translation (for JSON Lines, the
record's text field); for a web page it is the article alone, as clean text (``kg.webpage``),
and ``Document.sha256`` keeps the hash of the file itself.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

from kg.datelines import blank_spans, read_dateline, read_stamps, stamp_date
from kg.encoding import decode_bytes
from kg.errors import InputError
from kg.language import detect_language
from kg.lexicon import data_lines
from kg.model import Document
from kg.webpage import read_article

PADDING = "\u00ad"  # soft hyphen: web text hides it inside words; mention texts drop it
SUPPORTED_SUFFIXES = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown",
                      ".html": "text/html", ".htm": "text/html", ".jsonl": "application/jsonl"}
_TEXT_KEYS = ("text", "content", "body", "article")
# What the parser takes in one document on a 2-core machine within the per-document time limit
# (kg.nlp.DOCUMENT_SECONDS), measured: a longer article is refused before it is parsed.
MAX_DOCUMENT_CHARS = 100_000
# Bytes read from one file at most, by media type: a page carries scripts and styles around its
# article. Read up to the cap, never whole and then refused. A JSON Lines feed has no cap: it is
# read a record at a time (MAX_RECORD_BYTES each).
MAX_FILE_BYTES = {"text/html": 4 << 20}
MAX_TEXT_FILE_BYTES = 4 * MAX_DOCUMENT_CHARS  # UTF-8 is at most four bytes a character
# One JSON Lines record at most: a longest document written as "\uXXXX" escapes (12 bytes for
# a character outside the BMP) plus room for its title, url and other fields. A longer line is
# skipped without being held in memory.
MAX_RECORD_BYTES = 12 * MAX_DOCUMENT_CHARS + (64 << 10)
_SKIP_CHUNK = 1 << 20
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DATE_PATTERNS = (
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTHS}),? (\d{{4}})\b"),
    re.compile(rf"\b({_MONTHS}) (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b"),
)


@dataclass(frozen=True)
class IngestReport:
    """Documents read, files skipped (with the reason) and files ignored without reading
    (unsupported suffixes, hidden files), for the CLI to show."""

    documents: tuple[Document, ...]
    skipped: tuple[str, ...]
    ignored: tuple[str, ...] = ()


def read_documents(paths: Iterable[str | Path], *, strict: bool = False,
                   follow_links: bool = False) -> IngestReport:
    """Read every supported file under ``paths`` in a stable order.

    A file named explicitly must be readable text or this raises ``InputError``; inside a folder,
    unreadable files are skipped and reported instead, so one stray file does not sink a whole
    corpus. A bad JSON Lines record is skipped alone. Duplicate contents are read once.
    ``strict`` refuses anything but UTF-8 instead of guessing an encoding. A symbolic link inside
    a folder is read only when it points inside that folder, unless ``follow_links``: a corpus
    folder must not pull ``~/.ssh`` or ``/etc`` into the graph.

    A document's ``source`` is its path relative to the folder it was found in (its name, for
    a file named explicitly), made longer when that would name two documents alike, so two
    ``index.html`` in different folders stay apart.
    """
    docs: dict[str, Document] = {}
    skipped: list[str] = []
    ignored: list[str] = []
    paths = list(paths)
    if not paths:
        raise InputError("no input paths given")
    found: list[tuple[Path, str, str, bool]] = []  # file, short source, long source, explicit
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir():
            for file, why in walk_folder(path, follow_links=follow_links):
                relative = printable(file.relative_to(path).as_posix())
                if why:
                    ignored.append(f"{relative} ({why})")
                elif _hidden(file, path):
                    ignored.append(f"{relative} (hidden)")
                elif file.suffix.lower() not in SUPPORTED_SUFFIXES:
                    ignored.append(f"{relative} (unsupported suffix)")
                else:
                    found.append((file, relative, printable(file.as_posix()), False))
        else:
            found.append((path, printable(path.name), printable(path.as_posix()), True))
    sources = _unique_sources(found)
    for (file, _, _, explicit), source in zip(found, sources, strict=True):
        try:
            for doc in read_file(file, source=source, strict=strict, on_skip=skipped.append):
                if doc.doc_id in docs:
                    skipped.append(f"{doc.source}: same document as {docs[doc.doc_id].source}")
                docs.setdefault(doc.doc_id, doc)
        except InputError as err:
            if explicit:
                raise
            skipped.append(str(err))
    if not docs:  # the reasons, else a folder of refused files leaves the user guessing
        why = f": skipped {skipped[0]}" if skipped else ""
        more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
        raise InputError("no readable documents (.txt, .md, .html, .jsonl) in " +
                         ", ".join(str(p) for p in paths) + why + more)
    return IngestReport(tuple(docs.values()), tuple(skipped), tuple(ignored))


def walk_folder(root: Path, *, follow_links: bool = False) -> list[tuple[Path, str | None]]:
    """Every file under ``root`` in name order, each with why it is not read (None: read it).

    Symbolic links are not followed out of ``root`` (to a file or a folder) unless
    ``follow_links``; then each folder is entered once, so a link loop ends. Anything but a
    regular file (a FIFO, a device, a socket) is never opened: reading one blocks or never ends.
    """
    top = root.resolve()
    seen: set[tuple[int, int]] = set()
    found: list[tuple[Path, str | None]] = []
    for folder, dirs, files in os.walk(root, followlinks=follow_links):
        here = Path(folder)
        info = here.stat()
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        kept = []
        for name in sorted(dirs):
            sub = here / name
            if sub.is_symlink() and not follow_links and not _inside(sub, top):
                found.append((sub, "symbolic link out of the folder; --follow-links reads it"))
            else:
                kept.append(name)
        dirs[:] = kept
        for name in files:
            file = here / name
            if file.is_symlink() and not follow_links and not _inside(file, top):
                found.append((file, "symbolic link out of the folder; --follow-links reads it"))
            elif not _regular(file):
                found.append((file, "not a regular file"))
            else:
                found.append((file, None))
    return sorted(found, key=lambda item: item[0].relative_to(root).parts)


def _inside(path: Path, top: Path) -> bool:
    try:
        return path.resolve().is_relative_to(top)
    except (OSError, RuntimeError):  # a dangling link or a loop
        return False


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def printable(name: str) -> str:
    """A file name as text that can be written anywhere: bytes that are not UTF-8 (kept by
    Python as lone surrogates) become U+FFFD, so a graph never holds an unencodable name."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _unique_sources(found: list[tuple[Path, str, str, bool]]) -> list[str]:
    """The short source of each file, or its path as given where the short one repeats."""
    counts: dict[str, int] = {}
    for _, short, _, _ in found:
        counts[short] = counts.get(short, 0) + 1
    return [short if counts[short] == 1 else long for _, short, long, _ in found]


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_file(path: Path, *, source: str | None = None, strict: bool = False,
              on_skip: Callable[[str], None] | None = None) -> Iterator[Document]:
    """Decode one file into one Document (or one per record for JSON Lines); ``on_skip`` hears
    of each bad JSON Lines record, which is skipped alone."""
    media_type = SUPPORTED_SUFFIXES.get(path.suffix.lower(), "text/plain")
    source = source or printable(path.name)
    if media_type == "application/jsonl":
        yield from _read_jsonl(path, source, strict, on_skip or (lambda _: None))
        return
    data = read_capped(path, MAX_FILE_BYTES.get(media_type, MAX_TEXT_FILE_BYTES), source)
    decoded = decode_bytes(data, source, strict=strict, html=media_type == "text/html")
    yield make_document(decoded.text, source=source, media_type=media_type,
                        sha256=hashlib.sha256(data).hexdigest(), encoding=decoded.encoding)


def read_capped(path: Path, limit: int, source: str) -> bytes:
    """The bytes of a regular file (``open_regular``) of at most ``limit`` bytes, read once up
    to the cap."""
    with open_regular(path, source) as stream:
        try:
            data = stream.read(limit + 1)
        except OSError as err:
            raise InputError(f"{source}: cannot read ({err.strerror})") from None
    if len(data) > limit:
        raise InputError(f"{source}: more than {limit:,} bytes, more than kg reads from one "
                         "file; split the file")
    return data


def open_regular(path: Path, source: str) -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file.

    Opened without blocking and checked on the open handle, so a FIFO or a device named as input
    (``/dev/zero``, a pipe nobody writes to) is refused instead of read forever."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as err:
        raise InputError(f"{source}: cannot read ({err.strerror})") from None
    stream = os.fdopen(handle, "rb")
    if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
        stream.close()
        raise InputError(f"{source}: not a regular file (a device, pipe or socket)")
    return stream


def _read_jsonl(path: Path, source: str, strict: bool,
                on_skip: Callable[[str], None]) -> Iterator[Document]:
    """The records of a JSON Lines file, read one line at a time: memory is one record
    (``MAX_RECORD_BYTES`` at most; a longer line is skipped alone, read through in chunks and
    never held), whatever the size of the file."""
    found, first_error, blank = False, None, True
    with open_regular(path, source) as stream:
        # Only "\n" ends a record (readline on bytes): str.splitlines() would also split at
        # U+2028, U+0085 and other characters that JSON allows raw inside a string.
        for number, raw in enumerate(_record_lines(stream, source), start=1):
            if number == 1 and raw is not None:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if raw is not None and not raw.strip():
                continue
            blank = False
            try:
                document = _read_record(_record_text(raw, f"{source}:{number}", strict),
                                        f"{source}:{number}", source, number)
            except InputError as err:
                first_error = first_error or str(err)
                on_skip(str(err))
                continue
            found = True
            yield document
    if blank:
        raise InputError(f"{source}: file is empty")
    if not found:
        raise InputError(f"{source}: no readable records" +
                         (f" (first: {first_error})" if first_error else ""))


def _record_lines(stream: BinaryIO, source: str) -> Iterator[bytes | None]:
    """Each line of ``stream`` without its "\n"; a line over ``MAX_RECORD_BYTES`` comes as
    None, after the rest of it has been read past in bounded chunks."""
    while True:
        try:
            line = stream.readline(MAX_RECORD_BYTES + 1)
        except OSError as err:
            raise InputError(f"{source}: cannot read ({err.strerror})") from None
        if not line:
            return
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line.removesuffix(b"\n")


def _record_text(raw: bytes | None, where: str, strict: bool) -> str:
    """One record's line as text: UTF-8 (what JSON Lines is), or, unless ``strict``, the
    encoding kg guesses for that line. None is a line too long to read."""
    if raw is None:
        raise InputError(f"{where}: a record longer than {MAX_RECORD_BYTES:,} bytes; line "
                         "skipped")
    try:
        return decode_bytes(raw, where, strict=strict).text
    except InputError as err:
        raise InputError(f"{err}; line skipped") from None


def _read_record(line: str, where: str, source: str, number: int) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: not valid JSON ({err.msg}); line skipped") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply; line skipped") from None
    except ValueError:  # an integer of more digits than Python converts (4,300)
        raise InputError(f"{where}: a number too long to read; line skipped") from None
    body = next((record[k] for k in _TEXT_KEYS if isinstance(record, dict)
                 and isinstance(record.get(k), str) and record[k].strip()), None)
    if body is None:
        raise InputError(f"{where}: record has no text field ({', '.join(_TEXT_KEYS)})")
    # An 'id' is the record's identity: the same id is the same document, wherever it moves.
    record_id = record.get("id")
    record_id = str(record_id).strip() if isinstance(record_id, str | int) else None
    for key in ("title", "date", "url"):
        if _has_surrogate(record.get(key)):
            raise InputError(f"{where}: the {key} holds a lone surrogate (not Unicode text); "
                             "line skipped")
    if _has_surrogate(body) or _has_surrogate(record_id):
        raise InputError(f"{where}: the text holds a lone surrogate (not Unicode text); "
                         "line skipped")
    return make_document(
        body, source=f"{source}#{record_id}" if record_id else f"{source}#L{number}",
        media_type="text/plain", title=_str_or_none(record.get("title")),
        date=_str_or_none(record.get("date")), url=_str_or_none(record.get("url")),
        sha256=hashlib.sha256(line.encode("utf-8")).hexdigest(),
        doc_id=_digest(f"id\x1f{source}\x1f{record_id}") if record_id else None,
    )


def _has_surrogate(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _str_or_none(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def make_document(text: str, *, source: str, media_type: str = "text/plain",
                  title: str | None = None, date: str | None = None,
                  url: str | None = None, sha256: str | None = None,
                  encoding: str = "utf-8", doc_id: str | None = None) -> Document:
    """Build a Document from decoded text; title and date are guessed when not given.

    For ``text/html`` the text is a whole page: the Document holds its article alone (title and
    paragraphs, clean text) and the page's metadata; ``sha256`` should then be the file's."""
    if not text.strip():
        raise InputError(f"{source}: no text")
    if _has_surrogate(text):
        raise InputError(f"{source}: the text holds a lone surrogate (not Unicode text)")
    author = site_name = None
    given_sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if media_type == "text/html":
        article = read_article(text, source)
        text = article.text
        title, date, url = title or article.title, date or article.date, url or article.url
        author, site_name = article.author, article.site_name
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(f"{source}: {len(text):,} characters is more than kg parses in one "
                         f"document ({MAX_DOCUMENT_CHARS:,}); split the file")
    body = clean_body(text, "text/plain" if media_type == "text/html" else media_type)
    # The dateline and date stamps are read, then blanked, so the parser starts at the lede.
    dateline, stamps = read_dateline(body), read_stamps(body)
    stamped = [(s.start, s.end) for s in stamps]
    body = blank_spans(body, stamped + ([(dateline.start, dateline.end)] if dateline else []))
    # Best first: the page's own metadata, the dateline, a 'Published:' line, a date near the
    # top, and last a 'Last updated:' line (a footer is the article's date at the latest).
    date = normalize_date(date) if date else (
        (dateline.date if dateline else None) or stamp_date(stamps, published=True)
        or guess_date(body) or stamp_date(stamps, published=False))
    return Document(
        doc_id=doc_id or _digest(text), source=source, text=text, body=body,
        media_type=media_type, title=title or guess_title(body), date=date, url=url,
        dateline=dateline, sha256=sha256 or given_sha256, encoding=encoding, author=author,
        site_name=site_name, language=detect_language(body),
    )


def clean_body(text: str, media_type: str) -> str:
    """Blank markup and boilerplate with spaces, keeping every character's position."""
    body = text
    if media_type == "text/markdown":
        body = _mask_markdown(body)
    body = _mask_boilerplate(body)
    # Editorial brackets ('Sorokin gave [Song-chol] a rifle') confuse the parser; the words stay.
    body = body.replace("[", " ").replace("]", " ").replace("\ufeff", " ")
    assert len(body) == len(text)
    return body


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


# A link's text and target stop at the next bracket or parenthesis, so a run of unclosed
# '![a](' is scanned once, not once per opening (was quadratic: 40,000 took minutes).
_MARKDOWN_LINK = re.compile(r"!?\[([^\[\]]*+)\]\(([^()]*+)\)")


def _mask_markdown(text: str) -> str:
    body = re.sub(r"(?m)^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s", _blank, text)
    body = _MARKDOWN_LINK.sub(_link_text_in_place, body)
    return re.sub(r"(\*\*|__|`)", _blank, body)


def _link_text_in_place(match: re.Match[str]) -> str:
    """Keep a link's (or an image's) text where it stands in the file; blank the rest."""
    before = match.start(1) - match.start(0)
    return " " * before + match.group(1) + " " * (match.end(0) - match.end(1))


@cache
def _boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """data/boilerplate.txt: one case-insensitive pattern a line, matched on a whole line."""
    return tuple(re.compile(line, re.I) for line in data_lines("boilerplate.txt"))


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
