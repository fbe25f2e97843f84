"""Speed and memory of the whole pipeline on a set of releases, measured, never asserted."""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from prensa.ingest.readers import RawDocument, iter_sources
from prensa.pipeline import process_paths, process_raw
from prensa.records import DocumentRecord

_WARM_UP = (
    "Reunión bilateral\n\nMéxico, 3 de marzo de 2025.- La canciller se reunió ayer en Washington "
    "con el secretario de Estado y ambos gobiernos acordaron reunirse de nuevo en abril.",
    "Secretary's Call\n\nSecretary of State Antony Blinken spoke yesterday with Mexican Foreign "
    "Secretary Marcelo Ebrard. They agreed to meet again next month in Mexico City.",
)


@dataclass(frozen=True)
class BenchmarkResult:
    """Throughput after the models are loaded, and the process's peak memory."""

    documents: int
    errors: int
    tokens: int
    characters: int
    load_seconds: float
    seconds: float
    peak_rss_mb: float

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            **asdict(self),
            "documents_per_second": round(self.documents_per_second, 2),
            "tokens_per_second": round(self.tokens_per_second, 1),
        }


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_benchmark(paths: Sequence[Path]) -> BenchmarkResult:
    """Process ``paths`` once; model loading is timed apart from throughput."""
    started = time.perf_counter()
    # Models, gazetteer, matchers and lexicons load lazily: warm every stage up once per language.
    list(process_raw(RawDocument("warm-up", "txt", text) for text in _WARM_UP))
    load_seconds = time.perf_counter() - started
    documents = errors = tokens = characters = 0
    started = time.perf_counter()
    for result in process_paths(iter_sources(paths)):
        if isinstance(result, DocumentRecord):
            documents += 1
            tokens += result.n_tokens
            characters += len(result.text)
        else:
            errors += 1
    return BenchmarkResult(
        documents=documents,
        errors=errors,
        tokens=tokens,
        characters=characters,
        load_seconds=round(load_seconds, 2),
        seconds=round(time.perf_counter() - started, 2),
        peak_rss_mb=round(_peak_rss_mb(), 1),
    )
