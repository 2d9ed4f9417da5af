"""The dateline as a sentence of its own: 'FRESNO, Calif. — ' says where a story was filed.

The body blanks the dateline (see ``kg.datelines``), so the parser never sees it and cannot make
the city the subject of the lede. Its place and region become mentions here, from the record on
the Document, and 'FRESNO, Calif.' is the fact Fresno locatedIn California, quoted from the
dateline itself. The dateline's sentence is numbered after the body's, so the parse's own
numbering (which pronoun search counts back through) is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.facts import fact_at
from kg.model import Dateline, Document, EntityType, Fact, Mention, Sentence

_SEPARATORS = " \t—–-:"


@dataclass(frozen=True)
class DatelineReading:
    """What a dateline adds to a document's extraction."""

    sentence: Sentence
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]


def read_dateline_facts(document: Document, index: int) -> DatelineReading | None:
    """The dateline's sentence (numbered ``index``), its place mentions and its place fact."""
    dateline = document.dateline
    if dateline is None:
        return None
    quote = document.text[dateline.start:dateline.end].rstrip(_SEPARATORS)
    sentence = Sentence(doc_id=document.doc_id, index=index, start=dateline.start,
                        end=dateline.start + len(quote), text=quote)
    place = _mention(document, index, dateline.place_start, dateline.place_end, dateline.place)
    if dateline.region is None or dateline.region_start is None or dateline.region_end is None:
        return DatelineReading(sentence, (place,), ())
    region = _mention(document, index, dateline.region_start, dateline.region_end,
                      dateline.region)
    fact = fact_at(document.doc_id, sentence, _comma(document.text, dateline),
                   predicate="locatedIn", lemma="locatedIn", subject=place, obj=region,
                   rule="dateline", roles=())
    return DatelineReading(sentence, (place, region), (fact,))


def _mention(document: Document, index: int, start: int, end: int, name: str) -> Mention:
    """A place named in the dateline, under the name a reader uses ('Fresno', 'California')."""
    return Mention(doc_id=document.doc_id, sentence_index=index, start=start, end=end,
                   text=name, type=EntityType.PLACE, ner_label="GPE")


def _comma(text: str, dateline: Dateline) -> tuple[int, int, str]:
    """The comma between place and region states the containment, as in 'Paris, France'."""
    at = text.find(",", dateline.place_end, dateline.region_start)
    return (at, at + 1, ",") if at >= 0 else (dateline.place_start, dateline.place_end,
                                               text[dateline.place_start:dateline.place_end])
