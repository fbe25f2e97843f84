"""Scoring a gold set: extract each gold document's text, score every field, add up the counts.

Counts are added over documents before precision, recall and F1 are computed (micro-average).
Roles, commitments and topics are scored only when the predicted record has those fields.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from prensa.evaluate.gold.commitments import score_commitments
from prensa.evaluate.gold.dates import score_dates
from prensa.evaluate.gold.matching import FieldScore
from prensa.evaluate.gold.names import score_organizations, score_people, score_places
from prensa.evaluate.gold.roles import score_roles
from prensa.evaluate.gold.schema import GoldDocument, load_gold
from prensa.evaluate.gold.topics import score_topics
from prensa.evaluate.metrics import Counts
from prensa.nlp import ModelNotInstalledError
from prensa.records import DocumentRecord
from prensa.resources import LexiconError
from prensa.text import fold

#: Fields every prediction has, in report order.
BASE_FIELDS: tuple[str, ...] = (
    "people",
    "organizations",
    "places",
    "dates",
    "dates_strict",
    "dates_span",
)
#: Fields scored only when the predicted record carries them.
EXTRA_FIELDS: tuple[str, ...] = ("roles", "commitments", "topics")
#: Fields for which only recall means something (the gold list is not exhaustive).
RECALL_ONLY: frozenset[str] = frozenset({"topics"})


@dataclass(frozen=True)
class DocScores:
    """The scores of one gold document; ``error`` is set when extraction failed on it."""

    gold_id: str
    language: str
    fields: dict[str, FieldScore]
    text_path: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.gold_id,
            "language": self.language,
            "text_path": self.text_path,
            "error": self.error,
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
        }


def _fields_of(pred: object) -> tuple[str, ...]:
    return BASE_FIELDS + tuple(f for f in EXTRA_FIELDS if hasattr(pred, f))


def _entity_forms(gold: GoldDocument) -> dict[str, list[str]]:
    """Every gold person and organisation by its folded name: its name and aliases."""
    return {fold(e.name): [e.name, *e.aliases] for e in (*gold.people, *gold.organizations)}


def _score(pred: object, gold: GoldDocument, fields: Sequence[str]) -> dict[str, FieldScore]:
    def items(name: str) -> list[Any]:
        return list(getattr(pred, name, None) or [])

    scorers: dict[str, Callable[[], FieldScore]] = {
        "people": lambda: score_people(items("people"), gold.people, gold.optional_people),
        "organizations": lambda: score_organizations(
            items("organizations"), gold.organizations, gold.optional_organizations
        ),
        "places": lambda: score_places(items("places"), gold.places, gold.optional_places),
        "dates": lambda: score_dates(items("dates"), gold.dates, gold.optional_dates),
        "dates_strict": lambda: score_dates(
            items("dates"), gold.dates, gold.optional_dates, mode="strict"
        ),
        "dates_span": lambda: score_dates(
            items("dates"), gold.dates, gold.optional_dates, mode="span"
        ),
        "roles": lambda: score_roles(
            items("roles"),
            items("people"),
            gold.roles,
            gold.people,
            gold.optional_roles,
            gold.language,
        ),
        "commitments": lambda: score_commitments(
            items("commitments"),
            gold.commitments,
            gold.optional_commitments,
            _entity_forms(gold),
        ),
        "topics": lambda: score_topics(items("topics"), gold.topics),
    }
    return {name: scorers[name]() for name in fields}


def score_document(pred: DocumentRecord, gold: GoldDocument) -> DocScores:
    """Every field ``pred`` has, scored against ``gold``."""
    return DocScores(gold.id, gold.language, _score(pred, gold, _fields_of(pred)))


@dataclass(frozen=True)
class GoldReport:
    """Scores of a gold set: per document, per language and overall (micro-averaged)."""

    documents: tuple[DocScores, ...]
    fields: tuple[str, ...] = field(default=BASE_FIELDS)

    @property
    def languages(self) -> list[str]:
        return sorted({d.language for d in self.documents})

    def totals(self, language: str | None = None) -> dict[str, Counts]:
        """Counts per field over all documents, or over one language's."""
        docs = [d for d in self.documents if language in (None, d.language)]
        return {
            name: Counts.total(d.fields[name].counts for d in docs if name in d.fields)
            for name in self.fields
        }

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [(d.gold_id, d.error) for d in self.documents if d.error]

    def figures(self) -> dict[str, float | None]:
        """Flat ``<overall|lang>.<field>.<precision|recall|f1>`` figures, as floors name them."""
        out: dict[str, float | None] = {}
        for scope in ["overall", *self.languages]:
            for name, counts in self.totals(None if scope == "overall" else scope).items():
                metrics = ("recall",) if name in RECALL_ONLY else ("precision", "recall", "f1")
                for metric in metrics:
                    out[f"{scope}.{name}.{metric}"] = counts.figure(metric)
        return out

    def to_dict(self) -> dict[str, Any]:
        def table(counts: dict[str, Counts]) -> dict[str, Any]:
            return {n: c.to_dict(n in RECALL_ONLY) for n, c in counts.items()}

        return {
            "n_documents": len(self.documents),
            "fields": list(self.fields),
            "overall": table(self.totals()),
            "by_language": {lang: table(self.totals(lang)) for lang in self.languages},
            "documents": [d.to_dict() for d in self.documents],
            "errors": [{"id": i, "error": e} for i, e in self.errors],
        }


#: What a failed extraction is scored as: nothing found.
_NOTHING = SimpleNamespace(**{name: [] for name in ("people", "organizations", "places", "dates")})


def evaluate_gold(
    gold_dir: Path,
    texts_root: Path | None,
    extract: Callable[[Path], DocumentRecord],
) -> GoldReport:
    """Extract every gold document's text with ``extract`` and score it.

    The text of a gold file is ``texts_root / source.path`` (``texts_root`` defaults to the
    parent of ``gold_dir``). A document ``extract`` fails on is reported with its error and
    scored as if nothing had been found; a missing model or lexicon stops the run instead.
    """
    root = texts_root if texts_root is not None else gold_dir.parent
    scored: list[tuple[GoldDocument, Path, object | None, str | None]] = []
    for gold in load_gold(gold_dir):
        path = root / gold.source.path
        try:
            scored.append((gold, path, extract(path), None))
        except (ModelNotInstalledError, LexiconError):
            raise
        except Exception as exc:  # one bad document must not stop the evaluation
            scored.append((gold, path, None, f"{type(exc).__name__}: {exc}"))
    extra = [
        f for f in EXTRA_FIELDS if any(hasattr(p, f) for _, _, p, _ in scored if p is not None)
    ]
    fields = BASE_FIELDS + tuple(extra)
    documents = tuple(
        DocScores(
            gold.id,
            gold.language,
            _score(pred if pred is not None else _NOTHING, gold, fields),
            text_path=str(path),
            error=error,
        )
        for gold, path, pred, error in scored
    )
    return GoldReport(documents=documents, fields=fields)
