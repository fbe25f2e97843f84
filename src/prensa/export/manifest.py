"""The incremental manifest: every finished release, so an interrupted or repeated batch does not
redo work.

``prensa run`` appends each release's record to ``manifest.jsonl`` in the output folder as soon as
it is extracted. On the next run, a release whose ``doc_id`` is already there is taken from the
manifest instead of being parsed again; ``doc_id`` hashes the file's path from the input folder,
the record's position and the text, so an edited release is processed anew. The manifest is tied
to the prensa version, the NER choice and a hash of ``models/``: when one changes, it is ignored
and rebuilt. Failed inputs are never recorded, so they are retried. Only the offset of each line is
held in memory (``ManifestIndex``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from prensa.records import DocumentRecord
from prensa.resources import models_dir
from prensa.version import __version__

MANIFEST_NAME = "manifest.jsonl"
#: Records are dumped by pydantic with doc_id as their first field.
_DOC_ID = re.compile(rb'^\{\s*"doc_id"\s*:\s*"([^"]+)"')


def models_sha256() -> str:
    """Hash of every rule and lexicon file in models/: changing one invalidates the manifest."""
    digest = hashlib.sha256()
    root = models_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _header(ner: str) -> dict[str, str]:
    """What the records depend on besides the releases: a change of any of it redoes them."""
    return {"prensa_version": __version__, "models_sha256": models_sha256(), "ner": ner}


class ManifestIndex(Mapping[str, DocumentRecord]):
    """Records finished by earlier runs, by doc_id, read from the manifest when asked for: only
    the byte offset of each line stays in memory, however many releases the folder holds."""

    def __init__(self, path: Path | None = None, offsets: dict[str, int] | None = None) -> None:
        self.path = path
        self._offsets = offsets or {}

    def __getitem__(self, doc_id: str) -> DocumentRecord:
        offset = self._offsets[doc_id]
        assert self.path is not None
        with self.path.open("rb") as handle:
            handle.seek(offset)
            line = handle.readline()
        try:
            return DocumentRecord.model_validate_json(line)
        except ValidationError as exc:  # a line spoilt by an interruption: the release is redone
            raise KeyError(doc_id) from exc

    def __iter__(self) -> Iterator[str]:
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)


def load_manifest(out_dir: Path, ner: str) -> tuple[ManifestIndex, str | None]:
    """Records finished by an earlier run with the NER ``ner``, by doc_id, and why none were
    usable (or None)."""
    path = out_dir / MANIFEST_NAME
    if not path.exists():
        return ManifestIndex(), None
    offsets: dict[str, int] = {}
    with path.open("rb") as handle:
        first = handle.readline()
        try:
            header = json.loads(first) if first.strip() else {}
        except json.JSONDecodeError:
            header = {}
        if header != _header(ner):
            return (
                ManifestIndex(),
                "the manifest was written by another prensa version or other models/ rules",
            )
        offset = handle.tell()
        for line in handle:
            match = _DOC_ID.match(line)
            if match and line.endswith(b"\n"):  # a line cut short by an interruption is redone
                offsets[match.group(1).decode()] = offset
            offset += len(line)
    return ManifestIndex(path, offsets), None


class ManifestWriter:
    """Appends finished records to ``<out>/manifest.jsonl`` as they come, so a killed run
    loses nothing it finished; ``close()`` replaces it by exactly this run's records."""

    def __init__(self, out_dir: Path, *, ner: str, folder: Path | None = None) -> None:
        """``folder`` receives the manifest of this run (published by ``close``); ``ner`` is
        the run's NER choice."""
        out_dir.mkdir(parents=True, exist_ok=True)
        self._header = _header(ner)
        self.path = out_dir / MANIFEST_NAME
        self._fresh = (folder or out_dir) / f".{MANIFEST_NAME}.{os.getpid()}.tmp"
        header = json.dumps(self._header) + "\n"
        self._run: IO[str] = self._fresh.open("w", encoding="utf-8")
        self._run.write(header)
        if not self._usable():
            self.path.write_text(header, encoding="utf-8")
        with self.path.open("rb") as handle:
            handle.seek(-1, os.SEEK_END)
            cut = handle.read(1) != b"\n"
        self._log: IO[str] = self.path.open("a", encoding="utf-8")
        if cut:
            self._log.write("\n")  # after a line cut by a killed run

    def _usable(self) -> bool:
        try:
            with self.path.open("rb") as handle:
                return json.loads(handle.readline() or b"{}") == self._header
        except (OSError, ValueError):
            return False

    def add(self, record: DocumentRecord, new: bool = True) -> None:
        """Keep ``record`` for this run; ``new`` ones are also logged at once for a re-run."""
        line = record.model_dump_json() + "\n"
        self._run.write(line)
        if new:
            self._log.write(line)
            self._log.flush()

    def close(self) -> None:
        """The manifest now holds exactly this run's records."""
        self._log.close()
        self._run.close()
        os.replace(self._fresh, self.path)

    def abort(self) -> None:
        """Keep the log of finished records; drop this run's partial copy."""
        self._log.close()
        self._run.close()
        self._fresh.unlink(missing_ok=True)
