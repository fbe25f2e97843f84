"""Helpers shared by the extractors: evidence for a span, and grouping mentions into entities."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc, Span

from prensa.context import DocContext
from prensa.records import EntityKind, Mention


def sentence_text(span: Span) -> str:
    """The sentence holding ``span``; a line when the parser ran a sentence across a line break."""
    sent = span.sent
    text = span.doc.text
    line_start = text.rfind("\n", sent.start_char, span.start_char) + 1
    line_end = text.find("\n", span.end_char, sent.end_char)
    start = max(sent.start_char, line_start)
    end = line_end if line_end != -1 else sent.end_char
    return text[start:end].strip()


def evidence(span: Span, ctx: DocContext) -> dict[str, Any]:
    """Provenance fields every record carries."""
    return {
        "doc_id": ctx.doc_id,
        "sentence": sentence_text(span),
        "start": span.start_char,
        "end": span.end_char,
    }


def entities_with_labels(doc: Doc, labels: Iterable[str]) -> list[Span]:
    wanted = frozenset(labels)
    return [ent for ent in doc.ents if ent.label_ in wanted]


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
