"""Several processes for large batches: files are shared out among workers, each of which loads
the spaCy pipelines once and sends back finished records, in input order."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from prensa.ingest.readers import iter_sources, read_path
from prensa.pipeline import process_raw
from prensa.records import DocumentRecord, ErrorRecord

Result = DocumentRecord | ErrorRecord

#: Releases finished by an earlier run, handed to each worker process once when it starts.
_worker_done: Mapping[str, DocumentRecord] = {}
#: The issuer country given for the whole run (None: inferred per release).
_worker_country: str | None = None


def _start_worker(done: Mapping[str, DocumentRecord], issuer_country: str | None) -> None:
    global _worker_done, _worker_country
    _worker_done, _worker_country = done, issuer_country


def _process_file(path: Path) -> list[Result]:
    documents, errors = read_path(path)
    return [*errors, *process_raw(documents, _worker_done, issuer_country=_worker_country)]


def process_paths_parallel(
    paths: Sequence[Path],
    workers: int,
    on_file: Callable[[Path], None] | None = None,
    done: Mapping[str, DocumentRecord] | None = None,
    issuer_country: str | None = None,
) -> Iterator[Result]:
    """Like ``prensa.pipeline.process_paths``, over ``workers`` processes (one file per task)."""
    files = iter_sources(paths)
    methods = multiprocessing.get_all_start_methods()
    # fork shares the parent's already loaded models; spawn is the portable fallback.
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(dict(done or {}), issuer_country),
    ) as pool:
        for path, results in zip(files, pool.map(_process_file, files), strict=True):
            yield from results
            if on_file is not None:
                on_file(path)
