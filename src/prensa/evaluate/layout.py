"""How well layout analysis holds up on releases that only carry their source's metadata.

Over a folder of releases with a ``sources.tsv``/``sources.csv`` beside them (title and date from
the publishing site), each release is extracted and checked against that metadata:

- **title**: the record's title is the metadata title (case and accents aside);
- **title_from_text**: the title is found in the text itself when the metadata title is withheld;
- **date_found**: the publication date comes from the text (a header line, a publication line
  or the dateline), not from the metadata;
- **date_written**: the text prints a full date within 3 days of the metadata date where
  releases print their own date: in its first or last lines, on a short line (a date line, a
  "Published …" line) or opening a line before a dash ("Lima, 5 de enero de 2024.- …"), not
  inside a sentence of the body ("At its meeting on 19 February 2020, …") nor after a label
  other than a publication label ("Auction: 08.02.2023", "Foto: … 15 de abril de 2019");
- **date_found_when_written**: ``date_found`` among the releases with ``date_written`` (the
  share of the dates that were there to find);
- **date_within_3_days**: that date is at most 3 days from the metadata date (a site may record
  a release a day or two after its dateline);
- **dateline_place**: a dateline place was found;
- **not_empty**: the record has text and at least one person, organisation, place or date;
- **ok**: the release was extracted without an error.

Every figure is the share of the releases listed in the manifest (``overall`` and per language).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from prensa.errors import PrensaError, UsageError
from prensa.ingest.patterns import DatePatterns, date_patterns
from prensa.ingest.readers import RawDocument, iter_sources, read_path, sidecar_metadata
from prensa.ingest.segment import parse_date, segment
from prensa.records import DocumentRecord
from prensa.text import fold

#: Days a text's publication date may differ from the metadata date.
TOLERANCE_DAYS = 3
CHECKS: tuple[str, ...] = (
    "ok",
    "title",
    "title_from_text",
    "date_found",
    "date_written",
    "date_found_when_written",
    "date_within_3_days",
    "dateline_place",
    "not_empty",
)
_MANIFESTS = ("sources.tsv", "sources.csv")
#: Lines at the top and at the bottom of a text where a release prints its own date.
_HEAD_LINES, _TAIL_LINES = 10, 5
#: A date printed as a line's own: on a line this short, or starting within this many characters.
_SHORT_LINE_WORDS, _OPENING_CHARS = 15, 60
#: What follows the date of a dateline: a dash, possibly after a bracket, a stop or a place.
_DASH_AFTER = re.compile(
    r"\s*\)?\s*(?:[,;]\s*[^\W\d_][^.!?\d]{0,60}?)?(?:\.\s*[-–—]+|\s+[-–—]+|[-–—]+\s)"
)
#: Figures over a subset: the check -> the check that selects the releases it is counted over.
_SUBSET = {"date_found_when_written": "date_written"}


@dataclass(frozen=True)
class LayoutRow:
    """The checks of one release (all False when it could not be extracted)."""

    id: str
    language: str | None
    checks: dict[str, bool]
    error: str | None = None
    details: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class LayoutReport:
    rows: tuple[LayoutRow, ...]

    @property
    def languages(self) -> list[str]:
        return sorted({r.language for r in self.rows if r.language})

    def figures(self) -> dict[str, float | None]:
        """``<overall|lang>.<check>`` shares, as the quality floors name them."""
        out: dict[str, float | None] = {}
        for scope in ["overall", *self.languages]:
            scoped = [r for r in self.rows if scope == "overall" or r.language == scope]
            for check in CHECKS:
                rows = [r for r in scoped if check not in _SUBSET or r.checks.get(_SUBSET[check])]
                hits = sum(1 for r in rows if r.checks.get(check))
                out[f"{scope}.{check}"] = round(hits / len(rows), 4) if rows else None
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_documents": len(self.rows),
            "figures": self.figures(),
            "errors": [{"id": r.id, "error": r.error} for r in self.rows if r.error],
            "documents": [
                {"id": r.id, "language": r.language, **r.checks, **r.details} for r in self.rows
            ],
        }


def manifest_files(folder: Path) -> list[tuple[Path, dict[str, str]]]:
    """Every release under ``folder`` that a manifest beside it describes, with its metadata."""
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    listed: list[tuple[Path, dict[str, str]]] = []
    cache: dict[Path, dict[str, dict[str, str]]] = {}
    for path in iter_sources([folder]):
        if path.name in _MANIFESTS:
            continue
        if path.parent not in cache:
            cache[path.parent] = sidecar_metadata(path.parent)
        metadata = cache[path.parent].get(path.stem)
        if metadata is not None:
            listed.append((path, metadata))
    if not listed:
        raise UsageError(f"{folder}: no release is listed in a sources.tsv or sources.csv")
    return listed


def evaluate_layout(folder: Path, extract: Callable[[Path], DocumentRecord]) -> LayoutReport:
    """Extract every listed release with ``extract`` and check it against its metadata."""
    rows: list[LayoutRow] = []
    for path, metadata in manifest_files(folder):
        try:
            record = extract(path)
        except PrensaError as exc:
            rows.append(LayoutRow(path.stem, None, dict.fromkeys(CHECKS, False), str(exc)))
            continue
        rows.append(_check(path, record, metadata))
    return LayoutReport(tuple(rows))


def _check(path: Path, record: DocumentRecord, metadata: dict[str, str]) -> LayoutRow:
    expected = _iso(metadata.get("date"))
    in_text = record.published if record.published_source in ("header", "dateline") else None
    near = (
        in_text is not None
        and expected is not None
        and abs((in_text - expected).days) <= TOLERANCE_DAYS
    )
    found = record.people or record.organizations or record.places or record.dates
    raw = read_path(path)[0][0]
    text_title = _title_from_text(raw, record.language)
    written = expected is not None and _writes_date(raw.text, expected)
    meta_title = fold(metadata.get("title", ""))
    checks = {
        "ok": True,
        "title": bool(meta_title) and fold(record.title or "") == meta_title,
        "title_from_text": bool(meta_title) and fold(text_title or "") == meta_title,
        "date_found": in_text is not None,
        "date_written": written,
        "date_found_when_written": written and in_text is not None,
        "date_within_3_days": near,
        "dateline_place": record.dateline_place is not None,
        "not_empty": bool(record.text.strip()) and bool(found),
    }
    details = {
        "published": record.published.isoformat() if record.published else None,
        "published_source": record.published_source,
        "dateline_place": record.dateline_place,
        "issuer_country": record.issuer_country,
    }
    return LayoutRow(path.stem, record.language, checks, details=details)


def _labelled_field(line: str, start: int, patterns: DatePatterns) -> bool:
    """A date after a label that is not a publication label ("Auction: 08.02.2023", "Foto: …")
    is a field of the release, not its own date ("Published: …", "Fecha: …" are)."""
    return ":" in line[:start] and patterns.header_date.fullmatch(line) is None


def _writes_date(text: str, expected: date) -> bool:
    """Whether the first or last lines of ``text`` write a full date near ``expected``."""
    lines = [line for line in text.split("\n") if line.strip()]
    edges = lines[:_HEAD_LINES] + lines[-_TAIL_LINES:]
    for patterns in date_patterns().values():
        for line in edges:
            for match in patterns.date.finditer(line):
                opening = match.start() <= _OPENING_CHARS and _DASH_AFTER.match(line, match.end())
                if len(line.split()) > _SHORT_LINE_WORDS and not opening:
                    continue
                if _labelled_field(line, match.start(), patterns):
                    continue
                when = parse_date(match.group(0), patterns.language)
                if when is not None and abs((when - expected).days) <= TOLERANCE_DAYS:
                    return True
    return False


def _title_from_text(raw: RawDocument, language: str) -> str | None:
    """The title segmentation finds when the metadata title is withheld."""
    blind = replace(raw, metadata={k: v for k, v in raw.metadata.items() if k != "title"})
    return segment(blind, language).title


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
