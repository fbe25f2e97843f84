"""Commitments: an actor of each side overlaps and the actions agree.

Actors overlap when one name's words are contained in the other's; a gold actor also stands
for the aliases the gold lists for that person or organisation (an actor written "FDFA"
in the text is the gold's "Federal Department of Foreign Affairs", as in the entity fields).
Actions agree when they
have the same head verb (first content word, compared on its stem, so "enviará" ~ "enviar")
or when content-word stems are shared by at least half of the smaller action. Optional
commitments are matched on the action alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prensa.evaluate.gold.matching import FieldScore, as_text, match_items
from prensa.evaluate.gold.schema import GoldCommitment
from prensa.evaluate.gold.vocabulary import Vocabulary, overlap, vocabulary
from prensa.text import fold


@dataclass(frozen=True)
class _Commitment:
    actors: tuple[str, ...]
    action: str
    lemma: str = ""

    def show(self) -> str:
        return f"{', '.join(self.actors) or '?'}: {self.action}"


def _pred_commitments(commitments: Sequence[Any]) -> list[_Commitment]:
    out: list[_Commitment] = []
    for c in commitments:
        actors = [
            a if isinstance(a, str) else as_text(getattr(a, "name", None))
            for a in getattr(c, "actors", None) or []
        ]
        action = as_text(getattr(c, "action", None)) or as_text(getattr(c, "sentence", None))
        lemma = as_text(getattr(c, "action_lemma", None))
        out.append(_Commitment(tuple(a for a in actors if a), action, lemma))
    return out


def action_match(
    pred: str, gold: str, pred_lemma: str = "", vocab: Vocabulary | None = None
) -> float:
    """Share of the smaller action's content stems found in the other, plus 1 for the same head.

    The head is the first content word; ``pred_lemma`` (the head verb's lemma, when the
    extractor gives it) stands in for the predicted one.
    """
    vocab = vocab or vocabulary()
    a, b = vocab.stems(pred), vocab.stems(gold)
    if not a or not b:
        return 0.0
    shared = len(set(a) & set(b)) / min(len(set(a)), len(set(b)))
    heads = {a[0], *vocab.stems(pred_lemma)[:1]}
    same_head = b[0] in heads
    if not same_head and shared < 0.5:
        return 0.0
    return shared + (1.0 if same_head else 0.0)


def _actors_overlap(
    pred: Sequence[str], gold: Sequence[str], forms: Mapping[str, Sequence[str]]
) -> bool:
    gold_forms = [f for g in gold for f in forms.get(fold(g), [g])]
    return any(overlap(p, g) for p in pred for g in gold_forms)


def score_commitments(
    predicted: Sequence[Any],
    gold: Sequence[GoldCommitment],
    optional: Sequence[str] = (),
    entity_forms: Mapping[str, Sequence[str]] | None = None,
) -> FieldScore:
    """Commitments: see the module docstring.

    ``entity_forms`` maps a folded gold entity name to its name and aliases.
    """
    vocab = vocabulary()
    forms = entity_forms or {}

    def pair(p: _Commitment, g: GoldCommitment) -> float:
        if not _actors_overlap(p.actors, g.actors, forms):
            return 0
        return action_match(p.action, g.action, p.lemma, vocab)

    def optional_pair(p: _Commitment, o: str) -> bool:
        a, b = set(vocab.stems(p.action)), set(vocab.stems(o))
        return bool(a and b) and len(a & b) * 2 >= min(len(a), len(b))

    return match_items(
        _pred_commitments(predicted),
        gold,
        optional,
        pair,
        optional_pair,
        _Commitment.show,
        lambda g: f"{', '.join(g.actors)}: {g.action}",
    )
