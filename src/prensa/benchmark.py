"""Speed and memory, measured, never asserted: prensa against raw spaCy on the same releases,
1 against 2 workers, and peak memory as the batch grows.

In one process, the stock spaCy pipelines (``spacy.load``, every component) run ``nlp.pipe``
over the releases' texts, then the full prensa pipeline runs over the same releases (reading,
language id, segmentation, parsing, extraction, validation); each figure is given per language
and for long transcripts apart. Batches for the worker and memory figures run as separate
``prensa run`` processes over copies of the releases, so each has its own peak memory.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import psutil
from spacy.language import Language as SpacyLanguage

from prensa.ingest.readers import RawDocument, read_path, scan_sources
from prensa.records import DocumentRecord

#: A release this long (characters) counts as a long transcript and is reported apart.
LONG_CHARS = 20_000
#: Models, gazetteer, matchers and lexicons load lazily: every stage is warmed up once per
#: language before anything is timed, and that counts as start-up.
_WARM_UP = (
    "Reunión bilateral\n\nMéxico, 3 de marzo de 2025.- La canciller se reunió ayer en Washington "
    "con el secretario de Estado y ambos gobiernos acordaron reunirse de nuevo en abril.",
    "Secretary's Call\n\nSecretary of State Antony Blinken spoke yesterday with Mexican Foreign "
    "Secretary Marcelo Ebrard. They agreed to meet again next month in Mexico City.",
    # the rarer paths load their own lexicons: a transcript header, dates in words and digits
    "Versión estenográfica\n\nPRESIDENTA CLAUDIA SHEINBAUM PARDO: El Consejo de Salubridad "
    "General (CSG) aprobó el tres de agosto del año dos mil veinte ampliar el plazo al 22.06.2029.",
    "Board decision\n\nBERN, 08.02.2023 - The Federal Council resolved on the third of August, "
    "two thousand twenty, that the FDFA would support the Office of the Attorney General (OAG).",
)


@dataclass(frozen=True)
class Throughput:
    """One engine over one group of releases."""

    documents: int
    tokens: int
    seconds: float
    #: Processor time of this process: unlike wall time, it does not grow when other jobs
    #: share the machine.
    cpu_seconds: float = 0.0

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, float]:
        return {
            **asdict(self),
            "documents_per_second": round(self.documents_per_second, 2),
            "tokens_per_second": round(self.tokens_per_second, 1),
        }


@dataclass(frozen=True)
class Comparison:
    """Raw spaCy and prensa over the same group; ``ratio`` is prensa's share of raw speed."""

    group: str
    raw: Throughput
    prensa: Throughput

    @property
    def ratio(self) -> float:
        return self.raw.seconds / self.prensa.seconds if self.prensa.seconds else 0.0

    @property
    def cpu_ratio(self) -> float:
        """The same ratio in processor time: the figure to trust on a busy machine."""
        return self.raw.cpu_seconds / self.prensa.cpu_seconds if self.prensa.cpu_seconds else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "group": self.group,
            "raw_spacy": self.raw.to_dict(),
            "prensa": self.prensa.to_dict(),
            "ratio": round(self.ratio, 3),
            "cpu_ratio": round(self.cpu_ratio, 3),
        }


@dataclass(frozen=True)
class BatchRun:
    """One ``prensa run`` process: its size, wall time and peak memory."""

    releases: int
    workers: int
    seconds: float
    peak_rss_mb: float

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True)
class BenchmarkResult:
    """Every figure of one benchmark run."""

    documents: int
    errors: int
    load_seconds: float
    comparisons: list[Comparison]
    peak_rss_mb: float
    workers: list[BatchRun] = field(default_factory=list)
    memory: list[BatchRun] = field(default_factory=list)
    machine: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "machine": self.machine,
            "documents": self.documents,
            "errors": self.errors,
            "load_seconds": self.load_seconds,
            "peak_rss_mb": self.peak_rss_mb,
            "comparisons": [c.to_dict() for c in self.comparisons],
            "workers": [w.to_dict() for w in self.workers],
            "memory": [m.to_dict() for m in self.memory],
        }


def _peak_rss_mb(usage: resource.struct_rusage | None = None) -> float:
    peak = (usage or resource.getrusage(resource.RUSAGE_SELF)).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def machine() -> str:
    """What the figures were measured on."""
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    model = names[0] if names else "unknown CPU"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores, {model}, Python {sys.version.split()[0]}"


def _releases(paths: Sequence[Path]) -> list[RawDocument]:
    sources, _ = scan_sources(paths)
    return [raw for source in sources for raw in read_path(source.path, source.key)[0]]


Group = dict[str, list[tuple[RawDocument, str]]]


def _groups(raws: list[RawDocument]) -> tuple[dict[str, Group], int]:
    """Each group's releases (each language, and long transcripts apart) by language, with the
    text prensa analyses, from language id and segmentation alone; and how many failed there."""
    from prensa.pipeline import Prepared, prepare

    groups: dict[str, Group] = {}
    failed = 0
    for raw in raws:
        item = prepare(raw)
        if not isinstance(item, Prepared):
            failed += 1
            continue
        name = "long" if len(item.segments.text) > LONG_CHARS else item.language
        groups.setdefault(name, {}).setdefault(item.language, []).append((raw, item.segments.text))
    return dict(sorted(groups.items())), failed


def _timed_prensa(raws: list[RawDocument]) -> tuple[Throughput, int]:
    """The whole pipeline from read releases to validated records; and its error count."""
    from prensa.pipeline import process_raw

    started, cpu = time.perf_counter(), time.process_time()
    results = list(process_raw(raws))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    records = [r for r in results if isinstance(r, DocumentRecord)]
    tokens = sum(r.n_tokens for r in records)
    timed = Throughput(len(records), tokens, round(seconds, 2), round(cpu, 2))
    return timed, len(results) - len(records)


@cache
def _stock(language: str) -> SpacyLanguage:
    """The stock pipeline as spaCy loads it, every component on."""
    import spacy

    from prensa.nlp import MODEL_PACKAGES

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        nlp = spacy.load(MODEL_PACKAGES[language])
    nlp("warm up")
    return nlp


def _timed_raw(texts: list[str], language: str) -> Throughput:
    nlp = _stock(language)
    nlp.max_length = max([nlp.max_length, *map(len, texts)])
    started, cpu = time.perf_counter(), time.process_time()
    tokens = sum(sum(1 for t in doc if not t.is_space) for doc in nlp.pipe(texts, batch_size=16))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return Throughput(len(texts), tokens, round(seconds, 2), round(cpu, 2))


def compare(raws: list[RawDocument]) -> tuple[list[Comparison], int, int]:
    """Raw spaCy against prensa over each group of ``raws``; counts of records and errors."""
    groups, errors = _groups(raws)
    comparisons = []
    documents = 0
    for group, by_language in groups.items():
        raw_parts, prensa_parts = [], []
        for language, items in sorted(by_language.items()):
            raw_parts.append(_timed_raw([text for _, text in items], language))
            timed, failed = _timed_prensa([raw for raw, _ in items])
            prensa_parts.append(timed)
            documents, errors = documents + timed.documents, errors + failed
        comparisons.append(Comparison(group, _sum(raw_parts), _sum(prensa_parts)))
    comparisons.append(
        Comparison("all", _sum(c.raw for c in comparisons), _sum(c.prensa for c in comparisons))
    )
    return comparisons, documents, errors


def _sum(parts: Iterator[Throughput] | list[Throughput]) -> Throughput:
    parts = list(parts)
    return Throughput(
        sum(p.documents for p in parts),
        sum(p.tokens for p in parts),
        round(sum(p.seconds for p in parts), 2),
        round(sum(p.cpu_seconds for p in parts), 2),
    )


def replicate(paths: Sequence[Path], releases: int, folder: Path) -> int:
    """Copies of the files under ``paths`` in ``folder`` (copy-000/, copy-001/...) until they
    hold at least ``releases`` releases; returns how many they hold."""
    sources, _ = scan_sources(paths)
    per_copy = sum(len(read_path(s.path)[0]) for s in sources)
    if per_copy == 0:
        return 0
    copies = max(1, -(-releases // per_copy))
    for n in range(copies):
        for source in sources:
            target = folder / f"copy-{n:03d}" / source.key
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source.path, target)
    return copies * per_copy


def timed_run(inputs: Path, out: Path, workers: int, releases: int) -> BatchRun:
    """``prensa run`` in its own process: wall time and the peak memory of its largest process
    (sampled: the kernel's own peak of a child started from this process would count this
    process's memory too, as it is kept across exec)."""
    command = [sys.executable, "-m", "prensa.cli", "run", str(inputs), "--out", str(out)]
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--fresh", "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak = 0
    root = psutil.Process(process.pid)
    while process.poll() is None:
        with contextlib.suppress(psutil.Error):
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, *(p.memory_info().rss for p in tree))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    return BatchRun(releases, workers, round(seconds, 2), round(peak / 2**20, 1))


def run_benchmark(
    paths: Sequence[Path],
    *,
    workers_releases: int = 0,
    memory_scales: Sequence[int] = (),
) -> BenchmarkResult:
    """Measure ``paths``: raw spaCy against prensa in this process; with ``workers_releases``,
    1 against 2 workers on copies holding at least that many releases; with ``memory_scales``,
    peak memory of one-process runs over that many copies of the releases."""
    from prensa.pipeline import process_raw

    started = time.perf_counter()
    list(process_raw(RawDocument("warm-up", "txt", text) for text in _WARM_UP))
    load_seconds = round(time.perf_counter() - started, 2)
    raws = _releases(paths)
    comparisons, documents, errors = compare(raws)
    peak = _peak_rss_mb()
    batches: list[BatchRun] = []
    memory: list[BatchRun] = []
    with tempfile.TemporaryDirectory(prefix="prensa-benchmark-") as tmp:
        root = Path(tmp)
        if workers_releases:
            held = replicate(paths, workers_releases, root / "workers")
            for workers in (1, 2):
                out = root / f"out-{workers}"
                batches.append(timed_run(root / "workers", out, workers, held))
        for scale in memory_scales:
            folder = root / f"scale-{scale}"
            held = replicate(paths, scale * len(raws), folder)
            memory.append(timed_run(folder, root / f"out-scale-{scale}", 1, held))
            shutil.rmtree(folder)
    return BenchmarkResult(
        documents=documents,
        errors=errors,
        load_seconds=load_seconds,
        comparisons=comparisons,
        peak_rss_mb=peak,
        workers=batches,
        memory=memory,
        machine=machine(),
    )
