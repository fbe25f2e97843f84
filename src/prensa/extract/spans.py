"""Helpers shared by the extractors: evidence for a span, grouping mentions into entities, and
the linked entities on the Doc."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc, Span

from prensa.context import DocContext
from prensa.labels import GENERIC_SPANS
from prensa.records import EntityKind, Mention
from prensa.text import sentence_text


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans of one Doc share a token."""
    return a.start < b.end and b.start < a.end


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
