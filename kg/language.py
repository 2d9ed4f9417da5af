"""Which language a document is written in, so a page kg cannot read is skipped, not misread.

langdetect ships its language profiles in the wheel (nothing is downloaded) and is seeded here,
so the same text always gets the same answer. Short texts are not judged: on a sentence or two
the detector is often wrong, and a wrong 'not English' would drop a good document.

langdetect reads every character of a text in Python (6-7 ms an article, most of ingest's CPU),
so a text that is plainly English by a cheap test (``plainly_english``: a fifth of its words
English function words, its letters ASCII) is called English without it. The test is set well
inside langdetect's own verdict: on every English text of the benchmarks and seeds both say
'en', and a text the test is unsure of goes to langdetect as before.
"""

from __future__ import annotations

import re
from functools import cache

from kg.lexicon import english_function_words

MIN_LETTERS = 200  # below this, detection is a coin toss; the document is kept
MIN_PROBABILITY = 0.90
# Share of a text's words that are English function words (data/english_function_words.json)
# from which it is plainly English: English news 0.20-0.30, a German or French text near 0.
FUNCTION_SHARE = 0.18
# Share of its letters that must be ASCII: a text in another script with an English passage
# is left to langdetect.
ASCII_SHARE = 0.98
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _factory() -> object:
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0
    init_factory()
    return DetectorFactory


def plainly_english(words: list[str]) -> bool:
    """Whether a text of these (lower-case) words is English beyond doubt: at least
    ``FUNCTION_SHARE`` of them English function words and ``ASCII_SHARE`` of their letters
    ASCII. False means 'ask langdetect', not 'not English'."""
    if not words:
        return False
    function = english_function_words()
    if sum(word in function for word in words) < FUNCTION_SHARE * len(words):
        return False
    letters = sum(map(len, words))
    return sum(len(word) for word in words if word.isascii()) >= ASCII_SHARE * letters


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code ('en', 'de') when the text is long enough to tell, else None."""
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return None
    if plainly_english(_WORD.findall(text.lower())):
        return "en"
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    _factory()
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return None
    return best.lang if best.prob >= MIN_PROBABILITY else None


def language_name(code: str) -> str:
    """'de' -> 'German'; the code itself when babel does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).english_name or code
    except (UnknownLocaleError, ValueError):
        return code
