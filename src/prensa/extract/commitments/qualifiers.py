"""What a record says about its action besides the words: deadline, polarity and confidence."""

from __future__ import annotations

from collections.abc import Sequence

from prensa.extract.commitments.actors import Actors
from prensa.extract.commitments.clauses import negated
from prensa.extract.commitments.grammar import SUBJECT_DEPS, Lines, children
from prensa.extract.commitments.lexicon import Lexicon
from prensa.extract.commitments.triggers import Candidate
from prensa.records import DateMention
from prensa.taxonomy import commitment_model


def deadline(
    cand: Candidate, start: int, end: int, dates: Sequence[DateMention], lines: Lines
) -> DateMention | None:
    """A date inside the action phrase [start, end), or hung before the verb ('Mañana… vamos a
    llevar'); the publication date never is one."""
    doc = cand.action.doc
    lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    left = [
        c
        for c in children(cand.action, lines)
        if c.i < cand.action.i and c.dep_ not in SUBJECT_DEPS
    ]
    ranges = [(lo, hi), *((c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in left)]
    usable = [d for d in dates if d.relation != "published"]
    for a, b in ranges:
        inside = [d for d in usable if a <= d.start and d.end <= b]
        if inside:
            return min(inside, key=lambda d: (d.start, d.value))
    return None


class GroupDeadlines:
    """'acordaron reunirse en enero y revisar…': later actions of one trigger inherit the first
    action's deadline when the date comes before them."""

    def __init__(self) -> None:
        self._first: dict[int, tuple[DateMention, int]] = {}

    def settle(self, cand: Candidate, own: DateMention | None) -> DateMention | None:
        if own is not None and cand.order == 0:
            self._first[cand.group] = (own, cand.action.idx)
        elif own is None and cand.order > 0 and cand.group in self._first:
            inherited, at = self._first[cand.group]
            before = inherited.start < cand.action.idx and at < cand.action.idx
            return inherited if before else None
        return own


def is_negated(cand: Candidate, lex: Lexicon) -> bool:
    return negated([cand.action, *cand.triggers], lex)


def confidence(cand: Candidate, actors: Actors) -> float:
    """The trigger's confidence, lowered when nobody could be named or the clause is
    impersonal."""
    weights = commitment_model().confidence
    value = cand.confidence
    if not actors.names:
        value *= weights.no_actor
    if actors.impersonal:
        value *= weights.impersonal
    return round(value, 3)
