"""CoNLL-2002/2003 NER scoring of prensa's entity recognition: exact span and type, per type.

The sentences are handed to the pipeline already tokenised (``Doc(words=…)``), so tokenisation
differences cannot cost or earn points. Which prensa label counts as which CoNLL type is read
from ``models/evaluation/conll_labels.yaml``; labels it does not list (dates, numbers…) are
dropped, because CoNLL does not annotate them.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict
from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc

from prensa import nlp as prensa_nlp
from prensa.errors import DataFormatError
from prensa.evaluate.metrics import Counts
from prensa.records import Language
from prensa.resources import load_yaml, models_cache

ConllType = Literal["PER", "LOC", "ORG", "MISC"]
TYPES: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")
#: The usual headline figure: the three types every NER system is expected to find.
CORE = "PER+LOC+ORG"
BATCH_SIZE = 256

Span = tuple[int, int, str]


class ConllFormatError(DataFormatError):
    """A CoNLL file has a line that is not ``token … TAG``."""


@dataclass(frozen=True)
class Sentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]

    def spans(self) -> set[Span]:
        """Entities as (start, end, type) token spans; tags must be IOB2."""
        return _spans(self.tags)


def _spans(tags: Sequence[str]) -> set[Span]:
    spans: set[Span] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            spans.add((start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return spans


def iob1_to_iob2(tags: Sequence[str]) -> list[str]:
    """Start every entity with ``B-``; IOB2 input comes back unchanged."""
    out: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def _check_tag(tag: str, path: Path, line_no: int) -> None:
    if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
        raise ConllFormatError(f"{path}:{line_no}: {tag!r} is not an IOB tag")


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of a 2-, 3- or 4-column CoNLL file; the tag is the last column.

    ``-DOCSTART-`` lines are skipped and IOB1 tags are converted to IOB2.
    """
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []

    def close() -> None:
        if words:
            sentences.append(Sentence(tuple(words), tuple(iob1_to_iob2(tags))))
        words.clear()
        tags.clear()

    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            columns = line.split()
            if not columns:
                close()
                continue
            if columns[0] == "-DOCSTART-":
                close()
                continue
            if len(columns) < 2:
                raise ConllFormatError(f"{path}:{line_no}: expected 'token … TAG', got {line!r}")
            _check_tag(columns[-1], path, line_no)
            words.append(columns[0])
            tags.append(columns[-1])
    close()
    return sentences


class _LabelMap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    es: dict[str, ConllType]
    en: dict[str, ConllType]


@models_cache
def label_map(language: Language) -> dict[str, str]:
    """prensa entity label -> CoNLL type, for ``language``."""
    return dict(getattr(load_yaml("evaluation/conll_labels.yaml", _LabelMap), language))


@dataclass(frozen=True)
class ConllReport:
    """Entity-level exact-match scores of one CoNLL file, and how fast it was processed."""

    path: str
    language: str
    n_sentences: int
    n_tokens: int
    seconds: float
    by_type: dict[str, Counts]
    limit: int | None = None

    @property
    def tokens_per_second(self) -> float:
        return self.n_tokens / self.seconds if self.seconds > 0 else 0.0

    def figures(self) -> dict[str, float | None]:
        """Flat ``<type>.<precision|recall|f1>`` figures, as quality floors name them."""
        return {
            f"{name}.{metric}": counts.figure(metric)
            for name, counts in self.by_type.items()
            for metric in ("precision", "recall", "f1")
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "language": self.language,
            "limit": self.limit,
            "n_sentences": self.n_sentences,
            "n_tokens": self.n_tokens,
            "seconds": round(self.seconds, 2),
            "tokens_per_second": round(self.tokens_per_second, 1),
            "by_type": {name: counts.to_dict() for name, counts in self.by_type.items()},
        }


def score_spans(gold: set[Span], predicted: set[Span]) -> dict[str, Counts]:
    """Exact span-and-type counts per CoNLL type."""
    return {
        kind: Counts(
            tp=sum(1 for s in predicted & gold if s[2] == kind),
            fp=sum(1 for s in predicted - gold if s[2] == kind),
            fn=sum(1 for s in gold - predicted if s[2] == kind),
        )
        for kind in TYPES
    }


def evaluate_conll(
    path: Path,
    language: Language,
    limit: int | None = None,
    *,
    nlp: SpacyLanguage | None = None,
) -> ConllReport:
    """Run the entity recognition on the first ``limit`` sentences of ``path`` and score it.

    ``nlp`` defaults to ``prensa.nlp.load(language)``, the pipeline the extractor uses.
    """
    sentences = read_conll(path)[:limit]
    pipeline = nlp if nlp is not None else prensa_nlp.load(language)
    labels = label_map(language)
    docs = (
        Doc(pipeline.vocab, words=list(s.words), spaces=[True] * (len(s.words) - 1) + [False])
        for s in sentences
    )
    pipeline(Doc(pipeline.vocab, words=["warm", "up"]))  # lazy set-up is not throughput
    totals = {kind: Counts() for kind in TYPES}
    started = time.perf_counter()
    for sentence, doc in zip(sentences, pipeline.pipe(docs, batch_size=BATCH_SIZE), strict=True):
        predicted = {(e.start, e.end, labels[e.label_]) for e in doc.ents if e.label_ in labels}
        for kind, counts in score_spans(sentence.spans(), predicted).items():
            totals[kind] = totals[kind] + counts
    seconds = time.perf_counter() - started
    by_type = {
        **totals,
        CORE: Counts.total(totals[k] for k in ("PER", "LOC", "ORG")),
        "overall": Counts.total(totals.values()),
    }
    return ConllReport(
        path=str(path),
        language=language,
        n_sentences=len(sentences),
        n_tokens=sum(len(s.words) for s in sentences),
        seconds=seconds,
        by_type=by_type,
        limit=limit,
    )
