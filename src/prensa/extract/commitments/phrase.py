"""The action phrase of a commitment: the verb and what follows it, and its object."""

from __future__ import annotations

from spacy.tokens import Span, Token

from prensa.extract.commitments.grammar import (
    ACTION_STOP_DEPS,
    OBJECT_DEPS,
    SUBJECT_DEPS,
    Lines,
    after_comma,
    children,
    is_infinitive,
)
from prensa.extract.commitments.lexicon import Lexicon
from prensa.extract.commitments.triggers import Candidate
from prensa.text import clean_span


def action_bounds(
    cand: Candidate, lines: Lines, lex: Lexicon, blocked: set[int], passive: bool = False
) -> tuple[int, int]:
    """Token range [start, end) of the action phrase: the verb and what follows it, without
    coordinated verbs, the subject, or a nested commitment (``blocked``: the other actions).
    In a passive 'se' clause the subject after the verb is what is acted on ('se llevará a
    cabo *una revisión*'), so it stays."""
    skip = ACTION_STOP_DEPS if passive else ACTION_STOP_DEPS | SUBJECT_DEPS
    head = cand.action
    doc = head.doc
    start = min(head.i, *(t.i for t in cand.triggers)) if cand.whole_phrase else head.i
    if cand.clause:  # '…señala que *el horario será de…*': from the clause's first word
        start = next(t.i for t in head.subtree if t.dep_ != "mark" and not t.is_punct)
        skip = ACTION_STOP_DEPS
    end = head.i + 1
    for verb in (head, *cand.shared_with):
        end = max(end, verb.i + 1)
        for child in children(verb, lines):
            if (child.i < verb.i and not cand.clause) or child.dep_ in skip:
                continue
            if child.dep_ in ("advcl", "conj") and child.i in blocked:
                continue
            listed = lex.language == "es" and child.dep_ == "advcl" and is_infinitive(child, lex)
            if listed and after_comma(child):
                continue  # ", continuar con…": the next action of a list
            end = max(end, child.right_edge.i + 1)
    for i in range(start + 1, end):
        if i in blocked and doc[i] is not head:
            end = min(end, doc[i].left_edge.i if doc[i].left_edge.i > start else i)
            break
    end = _quote_end(doc[: lines.end(head)], start, min(end, lines.end(head)), lines, head)
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].pos_ == "CCONJ"):
        end -= 1
    return start, end


_OPENING = frozenset("«“")
_CLOSING = frozenset("»”")


def _quote_end(doc: Span, start: int, end: int, lines: Lines, head: Token) -> int:
    """Inside a quotation opened before the action on its line, the action ends where the
    quotation closes ('dijo que «la Cancillería continuará…», agregando que…')."""
    first = start
    while first > 0 and lines.same(doc[first - 1], head):
        first -= 1
    line = doc[first:start]
    straight = sum(t.text == '"' for t in line) % 2 == 1
    curly = sum(t.text in _OPENING for t in line) > sum(t.text in _CLOSING for t in line)
    if not (straight or curly):
        return end
    closing = _CLOSING | {'"'} if straight else _CLOSING
    return next((i for i in range(start + 1, end) if doc[i].text in closing), end)


def object_text(cand: Candidate, span: Span) -> str | None:
    """The object of the action as written inside the phrase ``span``."""
    if cand.whole_phrase and cand.noun is not None:
        tokens = [t for t in cand.noun.subtree if span.start <= t.i < span.end]
        return clean_span(" ".join(t.text for t in tokens)) or None
    for child in cand.action.children:
        if child.dep_ in OBJECT_DEPS and span.start <= child.i < span.end:
            tokens = [t for t in child.subtree if span.start <= t.i < span.end]
            text = clean_span(span.doc[tokens[0].i : tokens[-1].i + 1].text) if tokens else ""
            return text or None
    return None
