"""The incremental manifest: every finished release, so an interrupted or repeated batch does not
redo work.

``prensa run`` appends each release's record to ``manifest.jsonl`` in the output folder as soon as
it is extracted. On the next run, a release whose ``doc_id`` is already there is taken from the
manifest instead of being parsed again; ``doc_id`` hashes the file name, the record's position and
the text, so an edited release is processed anew. The manifest is tied to the prensa version and to
a hash of ``models/``: when either changes, it is ignored and rebuilt. Failed inputs are never
recorded, so they are retried.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from prensa import __version__
from prensa.records import DocumentRecord
from prensa.resources import models_dir

MANIFEST_NAME = "manifest.jsonl"


def models_sha256() -> str:
    """Hash of every rule and lexicon file in models/: changing one invalidates the manifest."""
    digest = hashlib.sha256()
    root = models_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _header() -> dict[str, str]:
    return {"prensa_version": __version__, "models_sha256": models_sha256()}


def load_manifest(out_dir: Path) -> tuple[dict[str, DocumentRecord], str | None]:
    """Records finished by an earlier run, by doc_id, and why none were usable (or None)."""
    path = out_dir / MANIFEST_NAME
    if not path.exists():
        return {}, None
    records: dict[str, DocumentRecord] = {}
    with path.open(encoding="utf-8") as handle:
        first = handle.readline()
        try:
            header = json.loads(first) if first.strip() else {}
        except json.JSONDecodeError:
            header = {}
        if header != _header():
            return {}, "the manifest was written by another prensa version or other models/ rules"
        for line in handle:
            try:
                record = DocumentRecord.model_validate_json(line)
            except ValidationError:
                continue  # a line cut short by an interruption: that release is redone
            records[record.doc_id] = record
    return records, None


class ManifestWriter:
    """Appends finished records; ``close()`` leaves exactly the given records behind."""

    def __init__(self, out_dir: Path, keep: Iterable[DocumentRecord] = ()) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / MANIFEST_NAME
        tmp = self.path.with_name(f".{MANIFEST_NAME}.tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            handle.write(json.dumps(_header()) + "\n")
            for record in keep:
                handle.write(record.model_dump_json() + "\n")
        os.replace(tmp, self.path)
        self._handle: IO[str] = self.path.open("a", encoding="utf-8")

    def add(self, record: DocumentRecord) -> None:
        self._handle.write(record.model_dump_json() + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()
