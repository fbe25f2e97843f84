"""The quality gate: measured figures must stay at or above the floors pinned for each data set.

The floors file (``models/quality_floors.yaml``) names each data set by its path under the
benchmarks folder (or, for gold files kept in the repository such as ``benchmarks/gold-other``,
under the repository; their texts are still read from the benchmarks folder), the sha256 of the
data the floors were measured on, and one minimum per figure. Layout data sets (a folder of
releases with a sources.tsv, see prensa.evaluate.layout) are checked the same way. A figure
below its floor, a figure the evaluation does not produce, a document the extractor failed on,
and a data set whose hash changed are all violations: when the data changes, the figures must
be measured again and the floors pinned again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Self, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from prensa import nlp
from prensa.evaluate.conll import CORE, TYPES, evaluate_conll
from prensa.evaluate.gold import (
    BASE_FIELDS,
    EXTRA_FIELDS,
    RECALL_ONLY,
    GoldFormatError,
    evaluate_gold,
    load_gold,
)
from prensa.evaluate.layout import CHECKS as LAYOUT_CHECKS
from prensa.evaluate.layout import evaluate_layout
from prensa.nlp import NerChoice
from prensa.records import DocumentRecord, Language
from prensa.resources import LexiconError


class FloorsFileError(LexiconError):
    """The floors file is missing or does not match its schema."""


class DatasetFloors(BaseModel):
    """One evaluation data set and the minimum each of its figures must reach."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["gold", "conll", "layout"]
    path: str = Field(description="Relative to the benchmarks folder (or the repository).")
    root: Literal["benchmarks", "repository"] = Field(
        default="benchmarks",
        description="Where ``path`` is: gold files may live in the repository; the texts they "
        "annotate are always read from the benchmarks folder.",
    )
    language: Language | None = Field(default=None, description="CoNLL only.")
    sample: int | None = Field(
        default=None, ge=1, description="CoNLL only: score the first N sentences."
    )
    ner: NerChoice | None = Field(
        default=None, description="CoNLL only: the NER to score (default: the default pipeline's)."
    )
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    floors: dict[str, float]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.kind == "conll" and self.language is None:
            raise ValueError("a conll data set needs a language")
        if self.kind != "conll" and (
            self.language is not None or self.sample is not None or self.ner is not None
        ):
            raise ValueError("language, sample and ner apply to conll data sets only")
        if self.kind != "gold" and self.root != "benchmarks":
            raise ValueError("only gold data sets may live in the repository")
        bad = {k: v for k, v in self.floors.items() if not 0.0 <= v <= 1.0}
        if bad:
            raise ValueError(f"floors must be between 0 and 1: {bad}")
        unknown = [m for m in self.floors if m not in known_figures(self.kind)]
        if unknown:
            raise ValueError(f"no {self.kind} evaluation produces {unknown}")
        return self


def known_figures(kind: str) -> frozenset[str]:
    """Every figure name a floor may refer to, so a typo fails when the file is read."""
    metrics = ("precision", "recall", "f1")
    if kind == "conll":
        return frozenset(f"{t}.{m}" for t in (*TYPES, CORE, "overall") for m in metrics)
    if kind == "layout":
        scopes = ("overall", *get_args(Language))
        return frozenset(f"{scope}.{check}" for scope in scopes for check in LAYOUT_CHECKS)
    return frozenset(
        f"{scope}.{name}.{m}"
        for scope in ("overall", *get_args(Language))
        for name in BASE_FIELDS + EXTRA_FIELDS
        for m in (("recall",) if name in RECALL_ONLY else metrics)
    )


class FloorsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    datasets: dict[str, DatasetFloors]


def load_floors(path: Path) -> FloorsFile:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return TypeAdapter(FloorsFile).validate_python(raw)
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise FloorsFileError(f"{path}: {exc}") from exc


def files_sha256(files: Iterable[tuple[str, Path]]) -> str:
    """Hash of (name, content) pairs in name order; a missing file hashes as a marker."""
    digest = hashlib.sha256()
    for name, path in sorted(files):
        data = path.read_bytes() if path.is_file() else b"\x00missing"
        digest.update(f"{name}\x00{len(data)}\x00".encode())
        digest.update(data)
    return digest.hexdigest()


def gold_sha256(gold_dir: Path, texts_root: Path | None = None) -> str:
    """Hash of the gold files (by path under ``gold_dir``) and of the texts they annotate."""
    root = texts_root if texts_root is not None else gold_dir.parent
    files = [(f"gold/{p.relative_to(gold_dir).as_posix()}", p) for p in gold_dir.rglob("*.json")]
    files += [(f"text/{g.source.path}", root / g.source.path) for g in load_gold(gold_dir)]
    return files_sha256(files)


def folder_sha256(folder: Path) -> str:
    """Hash of every file under ``folder`` (by its path under it) and its content."""
    files = [(p.relative_to(folder).as_posix(), p) for p in folder.rglob("*") if p.is_file()]
    return files_sha256(files)


def conll_sha256(path: Path) -> str:
    """Plain sha256 of a CoNLL file's content, as ``sha256sum`` prints it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class GateCheck:
    dataset: str
    metric: str
    floor: float
    value: float | None

    @property
    def passed(self) -> bool:
        return self.value is not None and self.value >= self.floor

    def to_dict(self) -> dict[str, Any]:
        value = None if self.value is None else round(self.value, 4)
        return {
            "dataset": self.dataset,
            "metric": self.metric,
            "floor": self.floor,
            "value": value,
            "passed": self.passed,
        }


@dataclass(frozen=True)
class GateResult:
    """Every floor compared with its figure, the violations, and what was measured."""

    checks: tuple[GateCheck, ...]
    violations: tuple[str, ...]
    sha256: dict[str, str] = field(default_factory=dict)
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.violations

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "violations": list(self.violations),
            "checks": [c.to_dict() for c in self.checks],
            "sha256": dict(self.sha256),
            "reports": dict(self.reports),
        }


def _measure(
    name: str,
    spec: DatasetFloors,
    target: Path,
    benchmarks_dir: Path,
    extract: Callable[[Path], DocumentRecord],
) -> tuple[dict[str, float | None], dict[str, Any], list[str]]:
    """Figures, full report and per-document failures of one data set."""
    if spec.kind == "gold":
        report = evaluate_gold(target, benchmarks_dir, extract)
        failures = [f"{name}: extraction failed on {i}: {e}" for i, e in report.errors]
        return report.figures(), report.to_dict(), failures
    if spec.kind == "layout":
        layout = evaluate_layout(target, extract)
        failures = [
            f"{name}: extraction failed on {r.id}: {r.error}" for r in layout.rows if r.error
        ]
        return layout.figures(), layout.to_dict(), failures
    assert spec.language is not None  # checked by DatasetFloors
    pipeline = None if spec.ner is None else nlp.load(spec.language, spec.ner)
    conll = evaluate_conll(target, spec.language, spec.sample, nlp=pipeline)
    return conll.figures(), conll.to_dict(), []


def _sha256(spec: DatasetFloors, target: Path, benchmarks_dir: Path) -> str:
    if spec.kind == "gold":
        return gold_sha256(target, benchmarks_dir)
    return folder_sha256(target) if spec.kind == "layout" else conll_sha256(target)


def check_gate(
    benchmarks_dir: Path,
    floors_path: Path,
    extract: Callable[[Path], DocumentRecord],
    repository_dir: Path | None = None,
) -> GateResult:
    """Evaluate every data set in the floors file and compare each figure with its floor.

    ``repository_dir`` (default: the folder holding the floors file's folder, i.e. the
    repository of models/quality_floors.yaml) is where data sets with ``root: repository`` live.
    """
    repository = repository_dir or floors_path.resolve().parent.parent
    floors = load_floors(floors_path)
    checks: list[GateCheck] = []
    violations: list[str] = []
    hashes: dict[str, str] = {}
    reports: dict[str, dict[str, Any]] = {}
    for name, spec in floors.datasets.items():
        target = (repository if spec.root == "repository" else benchmarks_dir) / spec.path
        if not target.exists():
            violations.append(f"{name}: {target} does not exist")
            continue
        try:
            actual = _sha256(spec, target, benchmarks_dir)
        except GoldFormatError as exc:
            violations.append(f"{name}: {exc}")
            continue
        hashes[name] = actual
        if actual != spec.sha256:
            violations.append(
                f"{name}: the data changed (sha256 {actual}, floors were measured on "
                f"{spec.sha256}); measure again and pin new floors"
            )
        figures, reports[name], failures = _measure(name, spec, target, benchmarks_dir, extract)
        violations.extend(failures)
        for metric, floor in spec.floors.items():
            check = GateCheck(name, metric, floor, figures.get(metric))
            checks.append(check)
            if metric not in figures:
                violations.append(f"{name}: no figure named {metric!r} was measured")
            elif check.value is None:
                violations.append(f"{name}: {metric} is undefined (nothing to count)")
            elif not check.passed:
                violations.append(f"{name}: {metric} = {check.value:.4f} is below floor {floor}")
    return GateResult(tuple(checks), tuple(violations), hashes, reports)
