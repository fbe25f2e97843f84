"""Topics, recall only: a gold keyword is found when a predicted topic's English or Spanish
label or one of its evidence terms shares a content-word stem with it.

The gold lists a few keywords, not every topic a release touches, so a predicted topic with no
keyword is not counted as wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from prensa.evaluate.gold.matching import FieldScore, as_strings
from prensa.evaluate.gold.vocabulary import vocabulary
from prensa.evaluate.metrics import Counts


def _topic_terms(topics: Sequence[Any]) -> list[str]:
    terms: list[str] = []
    for t in topics:
        if isinstance(t, str):
            terms.append(t)
            continue
        for attr in ("label_en", "label_es", "label", "evidence", "evidence_terms", "terms"):
            terms.extend(as_strings(getattr(t, attr, None)))
    return terms


def score_topics(predicted: Sequence[Any], gold: Sequence[str]) -> FieldScore:
    """Recall of the gold keywords: found when a predicted term shares a content-word stem."""
    vocab = vocabulary()
    stems = {s for term in _topic_terms(predicted) for s in vocab.stems(term) if len(s) > 2}
    found = [k for k in gold if stems & {s for s in vocab.stems(k) if len(s) > 2}]
    missed = [k for k in gold if k not in found]
    return FieldScore(
        counts=Counts(tp=len(found), fn=len(missed)),
        matched=tuple((k, k) for k in found),
        missed=tuple(missed),
        recall_only=True,
    )
