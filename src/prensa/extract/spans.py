"""Helpers shared by the extractors: evidence for a span, and grouping mentions into entities."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc, Span

from prensa.context import DocContext
from prensa.labels import GENERIC_SPANS
from prensa.records import EntityKind, Mention


def sentence_text(span: Span) -> str:
    """The sentence holding ``span``; only its line when the parser ran across a line break.

    Reads the sentence's own text: ``Doc.text`` is rebuilt on every access, which is slow on
    long transcripts when done per mention.
    """
    sent = span.sent
    text = sent.text
    local_start, local_end = span.start_char - sent.start_char, span.end_char - sent.start_char
    line_start = text.rfind("\n", 0, local_start) + 1
    line_end = text.find("\n", local_end)
    return text[line_start : line_end if line_end != -1 else len(text)].strip()


def evidence(span: Span, ctx: DocContext) -> dict[str, Any]:
    """Provenance fields every record carries."""
    return {
        "doc_id": ctx.doc_id,
        "sentence": sentence_text(span),
        "start": span.start_char,
        "end": span.end_char,
    }


def entities_with_labels(doc: Doc, labels: Iterable[str]) -> list[Span]:
    """The named entities with one of ``labels``; generic mentions ('el Gobierno') left out."""
    wanted = frozenset(labels)
    generic = {(s.start, s.end) for s in doc.spans.get(GENERIC_SPANS, ())}
    return [ent for ent in doc.ents if ent.label_ in wanted and (ent.start, ent.end) not in generic]


def group_by(spans: Iterable[Span], key: Callable[[Span], str | None]) -> dict[str, list[Span]]:
    """Spans grouped by ``key`` in order of first mention; a None key drops the span."""
    groups: dict[str, list[Span]] = {}
    for span in spans:
        k = key(span)
        if k is not None:
            groups.setdefault(k, []).append(span)
    return groups


def mention_records(
    kind: EntityKind, entity_id: str, spans: Iterable[Span], ctx: DocContext
) -> list[Mention]:
    return [
        Mention(kind=kind, entity_id=entity_id, text=span.text, **evidence(span, ctx))
        for span in spans
    ]


#: ``doc.spans`` key of the linked entities: one span per mention of a person, organisation or
#: place, labelled with its kind ("person", "organization", "place") and carrying the entity's id
#: as ``kb_id_``. Set once, after linking; roles, commitments and the other extractors read it.
ENTITY_SPANS = "prensa_entities"


def set_entity_spans(doc: Doc, mentions: Iterable[Mention]) -> None:
    """Put the linked mentions on ``doc.spans[ENTITY_SPANS]`` (their offsets came from spans of
    this Doc, so each maps back to exactly its tokens)."""
    spans = []
    for mention in mentions:
        span = doc.char_span(
            mention.start, mention.end, label=mention.kind, kb_id=mention.entity_id
        )
        if span is not None:
            spans.append(span)
    doc.spans[ENTITY_SPANS] = sorted(spans, key=lambda s: (s.start, s.end))


def entity_spans(doc: Doc, *kinds: EntityKind) -> list[Span]:
    """The linked mentions of ``kinds`` (every kind when none is given), in text order; the
    entity id of each is ``span.kb_id_``."""
    group = doc.spans.get(ENTITY_SPANS, ())
    return [s for s in group if not kinds or s.label_ in kinds]


_TEXT_KEY = "prensa_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy rebuilds it from the tokens on every access,
    which costs tens of milliseconds on a long transcript."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached
