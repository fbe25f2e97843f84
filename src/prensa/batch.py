"""A batch: every release under some paths → the tables in an output folder.

The library function behind ``prensa run`` and ``prensa.run``: it reads the manifest of earlier
runs, streams the releases through the pipeline (in this process or shared among workers),
and writes the tables. It raises PrensaError subclasses; printing is the caller's business.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prensa.errors import UsageError
from prensa.export.manifest import ManifestWriter, load_manifest
from prensa.export.tables import write_tables
from prensa.ingest.readers import iter_sources
from prensa.records import DocumentRecord, ErrorRecord


@dataclass(frozen=True)
class RunSummary:
    """What a batch did: where the tables are, how many rows each got, and what failed."""

    out: Path
    n_files: int
    n_documents: int
    n_reused: int
    table_counts: dict[str, int]
    errors: list[ErrorRecord] = field(default_factory=list)
    note: str | None = None

    @property
    def ok(self) -> bool:
        """True when every input became a record."""
        return not self.errors


def run(
    paths: Sequence[Path | str],
    out: Path | str = Path("data/processed"),
    *,
    workers: int = 1,
    fresh: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_file: Callable[[Path], None] | None = None,
    issuer_country: str | None = None,
) -> RunSummary:
    """Process every release under ``paths`` and write every table to ``out``.

    Releases finished by an earlier run into the same folder (its manifest) are reused unless
    ``fresh``. ``on_start`` gets the number of files, ``on_file`` each file once it is done.
    ``issuer_country`` (ISO alpha-2) is every release's issuer country instead of the inferred.
    """
    from prensa.ingest.issuer import country_code
    from prensa.pipeline import process_paths

    issuer_country = country_code(issuer_country)

    out = Path(out)
    if workers < 1:
        raise UsageError("workers must be at least 1")
    sources = iter_sources([Path(p) for p in paths])
    if not sources:
        raise UsageError("no .txt, .md, .html, .json or .jsonl files found")
    if on_start is not None:
        on_start(len(sources))

    done, stale = ({}, None) if fresh else load_manifest(out)
    note = f"{stale}; every release is processed again" if stale else None
    manifest = ManifestWriter(out, keep=done.values())
    documents: list[DocumentRecord] = []
    errors: list[ErrorRecord] = []
    try:
        if workers > 1:
            from prensa.parallel import process_paths_parallel

            results = process_paths_parallel(
                sources, workers, on_file=on_file, done=done, issuer_country=issuer_country
            )
        else:
            results = process_paths(
                sources, on_file=on_file, done=done, issuer_country=issuer_country
            )
        for result in results:
            if isinstance(result, ErrorRecord):
                errors.append(result)
                continue
            documents.append(result)
            if result.doc_id not in done:
                manifest.add(result)
    finally:
        manifest.close()

    counts = write_tables(documents, errors, out)
    ManifestWriter(out, keep=documents).close()  # only what this run's tables hold
    reused = sum(1 for d in documents if d.doc_id in done)
    return RunSummary(
        out=out,
        n_files=len(sources),
        n_documents=len(documents),
        n_reused=reused,
        table_counts=counts,
        errors=errors,
        note=note,
    )
