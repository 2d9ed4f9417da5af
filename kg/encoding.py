"""Turn a file's bytes into text: byte-order mark, then UTF-8, then the declared charset, then a
guess by charset-normalizer.

Saved web pages and old text exports are often windows-1252 or latin-1; refusing them loses the
article, while a wrong guess corrupts every quote. So the guess is last, only when the bytes are
not UTF-8 and the page declares nothing usable, and ``strict=True`` (``kg build --strict``)
turns it off: then anything but UTF-8 is an error a user fixes by re-saving the file.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

# Browsers read a page declared latin-1 or ASCII as windows-1252 (the WHATWG Encoding Standard),
# and so do the pages' authors, who put curly quotes in them.
_BROWSER_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
                    "us-ascii": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252",
                    "latin_1": "cp1252"}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str = "utf-8"


def decode_bytes(data: bytes, path: Path | str, *, strict: bool = False,
                 html: bool = False) -> Decoded:
    """Decode ``data``; a UTF-8 byte-order mark is kept as U+FEFF so offsets in plain text
    still match the file decoded as UTF-8 (the body blanks it). Raises ``InputError``."""
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode(data, name, path)
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        if strict:
            raise InputError(f"{path}: not valid UTF-8 (byte {err.start}); re-save it as UTF-8 "
                             "or build without --strict") from None
    declared = declared_charset(data) if html else None
    if declared is not None and declared not in ("utf-8", "utf_8"):
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            pass  # the declaration is wrong: fall through to the guess
    return _guess(data, path)


def declared_charset(data: bytes) -> str | None:
    """The charset a page's <meta> declares in its first 4 KiB, as a Python codec name."""
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    name = _BROWSER_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode(data: bytes, encoding: str, path: Path | str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not valid {encoding} (byte {err.start})") from None


def _guess(data: bytes, path: Path | str) -> Decoded:
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise InputError(f"{path}: cannot tell the text encoding; re-save it as UTF-8")
    encoding = _BROWSER_ALIASES.get(best.encoding, best.encoding)
    # Western text often reads equally well as cp1250 or cp1252 ('ñ' or 'ń'): on a tie, take
    # windows-1252, the web's own fallback for undeclared pages.
    tied = [m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    if any("cp1252" in m.could_be_from_charset for m in tied):
        encoding = "cp1252"
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return Decoded(str(best), best.encoding)
