"""The dateline's place is a place, whatever the statistical NER made of it.

Segmentation knows where the dateline is and which place it names; the stock models read an
all-caps "CIUDAD DE GUATEMALA" as a person, or skip "Bogotá" before a bracketed country. Each part
of the dateline place the gazetteer knows becomes a place entity, replacing any entity that
overlaps it, so the place is in the places table with its provenance and never a person.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from prensa import gazetteer
from prensa.context import DocContext
from prensa.extract.spans import overlaps
from prensa.ingest.dateline import place_parts
from prensa.text import doc_text

#: The label a dateline place gets (one of prensa.labels.PLACE_LABELS).
PLACE_LABEL = "LOC"


def mark_dateline_place(doc: Doc, ctx: DocContext, place: str | None) -> None:
    """Make each known part of ``place`` (written inside ``ctx.dateline``) a place entity."""
    if not place or ctx.dateline is None:
        return
    text = doc_text(doc)
    start, end = ctx.dateline
    at = text.find(place, start, end)
    if at < 0:
        return
    gaz = gazetteer.load()
    spans: list[Span] = []
    for part in place_parts(place):
        offset = text.find(part, at, at + len(place))
        if offset < 0 or gaz.lookup(part) is None:
            continue
        span = doc.char_span(offset, offset + len(part), label=PLACE_LABEL)
        if span is not None and not any(overlaps(span, s) for s in spans):
            spans.append(span)
    if spans:
        kept = [e for e in doc.ents if not any(overlaps(e, s) for s in spans)]
        doc.ents = sorted([*kept, *spans], key=lambda s: s.start)
