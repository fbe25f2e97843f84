"""Which files under the paths given are releases, and the key each one's doc_ids hash.

One unusable path (unreadable folder, symlink loop, unsupported file named explicitly) becomes an
error row; only a path that does not exist at all is a usage error.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from prensa.errors import IngestError
from prensa.export.publish import STATE_DIR
from prensa.records import ErrorRecord

FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(FORMATS)

#: Folders are walked for releases; their READMEs and hidden files are not releases.
_SKIPPED_STEMS = frozenset({"readme"})


@dataclass(frozen=True, order=True)
class Source:
    """One release file found under the paths given, and the key its doc_ids hash."""

    path: Path
    key: str


def scan_sources(paths: Sequence[Path]) -> tuple[list[Source], list[ErrorRecord]]:
    """Release files under ``paths`` (files as given, folders recursively, symlinks to folders
    not followed), sorted by path, and an error row for each folder or file that cannot be
    listed or used (permissions, symlink loops, an unsupported file named explicitly).

    Folder walks skip hidden files, README files (a folder's own notes are not releases) and
    prensa's own output folders (their JSONL tables are records, not releases: an ``--out``
    inside the input folder must not feed the next run). Raises IngestError for a path that does
    not exist at all or that is itself an output folder (usage errors).
    """
    found: dict[Path, str] = {}
    errors: list[ErrorRecord] = []
    for path in paths:
        if path.is_dir() and is_output_folder(path):
            raise IngestError(f"{path}: a prensa output folder ({STATE_DIR}/ inside), not releases")
        if path.is_dir():
            for candidate, relative in _walk(path, errors):
                found.setdefault(candidate, f"{path.resolve().name}/{relative.as_posix()}")
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                errors.append(_error(str(path), unsupported_reason(path)))
                continue
            found.setdefault(path, path.name)
        elif path.is_symlink():
            errors.append(_error(str(path), _unreachable(path)))
        else:
            raise IngestError(f"{path}: no such file or folder")
    sources = sorted(Source(p, k) for p, k in found.items())
    seen: set[str] = set()
    unique: list[Source] = []
    for source in sources:
        # Two files the walk gives the same key (two folders named alike): the path tells them
        # apart, so their releases never share a doc_id.
        key = source.key if source.key not in seen else str(source.path)
        seen.add(key)
        unique.append(Source(source.path, key))
    return unique, errors


def iter_sources(paths: Sequence[Path]) -> list[Path]:
    """The release files of ``scan_sources``, sorted; raises IngestError for a missing path or
    a file that cannot be used."""
    sources, errors = scan_sources(paths)
    if errors:
        raise IngestError(f"{errors[0].source_path}: {errors[0].error}")
    return [source.path for source in sources]


def _walk(root: Path, errors: list[ErrorRecord]) -> list[tuple[Path, Path]]:
    """Release files under ``root``; an unreadable folder becomes an error row."""

    def failed(exc: OSError) -> None:
        errors.append(_error(str(exc.filename or root), f"cannot list the folder: {exc.strerror}"))

    files: list[tuple[Path, Path]] = []
    for folder, dirs, names in os.walk(root, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not is_output_folder(Path(folder) / d))
        for name in names:
            candidate = Path(folder) / name
            relative = candidate.relative_to(root)
            if not _is_release_file(relative):
                continue
            if candidate.is_file():
                files.append((candidate, relative))
            elif candidate.is_symlink():
                errors.append(_error(str(candidate), _unreachable(candidate)))
    return files


def is_output_folder(folder: Path) -> bool:
    """A folder ``prensa run`` wrote its tables to."""
    return (folder / STATE_DIR).is_dir()


def unsupported_reason(path: Path) -> str:
    return (
        f"unsupported file type {path.suffix or '(none)'!r}; "
        f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}"
    )


def _unreachable(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        return f"cannot follow the link: {exc.strerror}"
    return "not a regular file"


def _is_release_file(relative: Path) -> bool:
    if relative.suffix.lower() not in SUPPORTED_SUFFIXES:
        return False
    if any(part.startswith(".") for part in relative.parts):
        return False
    return relative.stem.lower() not in _SKIPPED_STEMS


def _error(source: str, message: str) -> ErrorRecord:
    return ErrorRecord(source_path=source, stage="ingest", error=message)
