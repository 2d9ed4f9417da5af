"""Which language a document is written in, so a page kg cannot read is skipped, not misread.

langdetect ships its language profiles in the wheel (nothing is downloaded) and is seeded here,
so the same text always gets the same answer. Short texts are not judged: on a sentence or two
the detector is often wrong, and a wrong 'not English' would drop a good document.
"""

from __future__ import annotations

from functools import cache

MIN_LETTERS = 200  # below this, detection is a coin toss; the document is kept
MIN_PROBABILITY = 0.90


@cache
def _factory() -> object:
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0
    init_factory()
    return DetectorFactory


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code ('en', 'de') when the text is long enough to tell, else None."""
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return None
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
