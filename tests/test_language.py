"""Language detection: the cheap test for plainly English text says 'en' only where langdetect
would, and leaves every other text to langdetect."""

from __future__ import annotations

import pytest

from kg.language import _WORD, detect_language, plainly_english

# Invented paragraphs, each long enough (200+ letters) for langdetect to judge.
ENGLISH = ("The museum said on Friday that its new wing would open in the spring, after the "
           "city council had approved the plan. Visitors who have been waiting for years will "
           "be able to see the collection, which was stored in a warehouse by the river. "
           "The director has said that the building was paid for by a fund which local "
           "families set up after the flood.")
GERMAN = ("Das Museum teilte am Freitag mit, dass der neue Flügel im Frühjahr eröffnet werde, "
          "nachdem der Stadtrat den Plan gebilligt hatte. Besucher, die seit Jahren warten, "
          "können dann die Sammlung sehen, die in einem Lager am Fluss aufbewahrt wurde. "
          "Der Direktor sagte, das Gebäude sei von einer Stiftung bezahlt worden, die Familien "
          "aus der Stadt nach dem Hochwasser gegründet hatten.")
FRENCH = ("Le musée a annoncé vendredi que sa nouvelle aile ouvrirait au printemps, après que "
          "le conseil municipal eut approuvé le projet. Les visiteurs qui attendent depuis des "
          "années pourront voir la collection, conservée dans un entrepôt près du fleuve. "
          "Le directeur a déclaré que le bâtiment avait été payé par une fondation créée par "
          "des familles de la ville après l'inondation.")
# English words in another script's text: the letters are not ASCII, so langdetect decides.
MIXED_SCRIPT = ENGLISH + " " + "Музей сообщил в пятницу, что новое крыло откроется весной. " * 6


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def test_a_plain_english_paragraph_passes_the_cheap_test():
    assert plainly_english(_words(ENGLISH))
    assert detect_language(ENGLISH) == "en"


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (FRENCH, "fr")])
def test_other_languages_fail_the_cheap_test_and_are_still_detected(text, code):
    assert not plainly_english(_words(text))
    assert detect_language(text) == code


def test_english_words_in_another_script_are_left_to_langdetect():
    assert not plainly_english(_words(MIXED_SCRIPT))


def test_a_short_text_is_not_judged_even_when_plainly_english():
    short = "The board said that it has been working with the city."
    assert plainly_english(_words(short))
    assert detect_language(short) is None


def test_no_words_is_not_plainly_english():
    assert not plainly_english([])
