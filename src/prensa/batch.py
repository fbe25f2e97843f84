"""A batch: every release under some paths → the tables in an output folder.

The library function behind ``prensa run`` and ``prensa.run``: under the output folder's lock,
it reads the manifest of earlier runs, streams the releases through an engine (this process,
local workers or Dask), writes each record as it comes and publishes the tables together. It
raises PrensaError subclasses; printing is the caller's business.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prensa.engines import make_engine, plan, stream
from prensa.errors import UsageError
from prensa.export.manifest import ManifestIndex, ManifestWriter, load_manifest
from prensa.export.publish import locked, new_generation, publish
from prensa.export.writers import TablesWriter
from prensa.ingest.readers import scan_sources
from prensa.records import ErrorRecord

#: Where the releases are parsed (prensa.engines).
ENGINES = ("local", "dask")


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


def default_workers() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run(
    paths: Sequence[Path | str],
    out: Path | str = Path("data/processed"),
    *,
    workers: int | None = 1,
    fresh: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    wait: float = 0,
    on_start: Callable[[int], None] | None = None,
    on_file: Callable[[Path], None] | None = None,
    issuer_country: str | None = None,
    ner: str | None = None,
) -> RunSummary:
    """Process every release under ``paths`` and write every table to ``out``.

    Releases finished by an earlier run into the same folder (its manifest) are reused unless
    ``fresh``. ``engine`` is ``local`` (``workers`` processes on this machine; None: all cores)
    or ``dask`` (the cluster at ``scheduler``, or a local one of ``workers`` processes). A run
    holds ``out``'s lock: another run there waits ``wait`` seconds, then is refused
    (OutputBusyError). Records are written as they are produced and the tables appear together
    at the end (prensa.export.publish). ``on_start`` gets the number of files, ``on_file`` each
    file once it is done. ``issuer_country`` (ISO alpha-2) is every release's issuer country
    instead of the inferred one. ``ner`` picks the NER (``stock``, ``conll``; None: the
    ``PRENSA_NER`` environment variable of this process, else stock); every worker, local or
    remote, runs that one.
    """
    from prensa.ingest.issuer import country_code
    from prensa.nlp import ner_choice

    issuer_country = country_code(issuer_country)
    ner = ner_choice(ner)
    out = Path(out)
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise UsageError("workers must be at least 1")
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r} (choose from: {', '.join(ENGINES)})")
    sources, scan_errors = scan_sources([Path(p) for p in paths])
    if not sources and not scan_errors:
        raise UsageError("no .txt, .md, .html, .json or .jsonl files found")
    if on_start is not None:
        on_start(len(sources))

    with locked(out, wait):
        done, stale = (ManifestIndex(), None) if fresh else load_manifest(out, ner)
        generation = new_generation(out)
        writer = TablesWriter(generation)
        manifest = ManifestWriter(out, ner=ner)
        errors: list[ErrorRecord] = list(scan_errors)
        writer.add_errors(scan_errors)
        n_documents = reused = 0
        runner = make_engine(engine, workers, scheduler, ner)
        try:
            for result in stream(plan(sources, done, issuer_country), runner, on_file):
                if isinstance(result, ErrorRecord):
                    errors.append(result)
                    writer.add_errors([result])
                    continue
                writer.add(result)
                is_new = result.doc_id not in done
                manifest.add(result, new=is_new)
                n_documents += 1
                reused += not is_new
        except BaseException:
            manifest.abort()
            raise
        finally:
            runner.close()
        counts = writer.close()
        publish(out, generation)
        manifest.close()
    return RunSummary(
        out=out,
        n_files=len(sources),
        n_documents=n_documents,
        n_reused=reused,
        table_counts=counts,
        errors=errors,
        note=f"{stale}; every release is processed again" if stale else None,
    )
