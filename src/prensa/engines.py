"""Where the releases are parsed: in this process, in local worker processes, or on a Dask
cluster. Every engine gets the same jobs (a few releases already read from disk) and gives back
their records; ``stream`` hands them on in input order, so every engine writes the same tables.

The files are read here, in the calling process: it decides which releases an earlier run
already finished (the manifest), and workers need neither the input files nor the output folder,
only prensa and its models.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from prensa.errors import UsageError
from prensa.ingest.readers import RawDocument, Source, read_path
from prensa.records import DocumentRecord, ErrorRecord

Result = DocumentRecord | ErrorRecord
#: Releases sent to a worker at once: enough for nlp.pipe to batch, few enough to balance.
JOB_SIZE = 16


def run_job(raws: Sequence[RawDocument], ner: str) -> list[Result]:
    """A worker's task: parse and extract a few releases (models load once per process).
    ``ner`` travels with the job: a remote worker's environment does not know the run's."""
    from prensa.pipeline import process_raw

    return list(process_raw(raws, ner=ner))


class Pending(Protocol):
    def result(self) -> list[Result]: ...


class Engine(Protocol):
    """Runs jobs somewhere; ``submit`` returns at once, ``result()`` waits for the records."""

    workers: int

    def submit(self, raws: Sequence[RawDocument]) -> Pending: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class _Done:
    results: list[Result]

    def result(self) -> list[Result]:
        return self.results


class LocalEngine:
    """This process: each job runs when submitted."""

    workers = 1

    def __init__(self, ner: str) -> None:
        self.ner = ner

    def submit(self, raws: Sequence[RawDocument]) -> Pending:
        return _Done(run_job(raws, self.ner))

    def close(self) -> None:
        pass


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive the run: the kernel kills it when the parent dies (Linux), and a
    watchdog thread checks for it elsewhere."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="prensa-parent-watch").start()


class ProcessEngine:
    """Local worker processes, forked after the models are loaded, so they share them."""

    def __init__(self, workers: int, ner: str) -> None:
        self.workers = workers
        self.ner = ner
        methods = multiprocessing.get_all_start_methods()
        fork = "fork" in methods
        if fork:
            from prensa import nlp

            for language in ("es", "en"):
                nlp.load(language, ner)  # type: ignore[arg-type]
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork" if fork else "spawn"),
            initializer=_die_with_parent,
            initargs=(os.getpid(),),
        )

    def submit(self, raws: Sequence[RawDocument]) -> Future[list[Result]]:
        return self._pool.submit(run_job, raws, self.ner)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """A Dask distributed cluster: the one at ``scheduler`` (an address such as
    ``tcp://10.0.0.5:8786``), or a local cluster of ``workers`` processes when none is given."""

    def __init__(self, workers: int, scheduler: str | None, ner: str) -> None:
        from distributed import Client, LocalCluster

        self.ner = ner
        self._cluster: Any = None
        if scheduler is None:
            self._cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        try:
            self._client = Client(scheduler or self._cluster, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})) or workers)

    def submit(self, raws: Sequence[RawDocument]) -> Pending:
        return self._client.submit(  # type: ignore[no-any-return]
            run_job, list(raws), self.ner, pure=False
        )

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(name: str, workers: int, scheduler: str | None, ner: str) -> Engine:
    """``local`` (this process for one worker, worker processes for more) or ``dask``; every
    worker runs the NER ``ner``."""
    if name == "dask":
        return DaskEngine(workers, scheduler, ner)
    return LocalEngine(ner) if workers == 1 else ProcessEngine(workers, ner)


#: What ``plan`` yields: records ready now, a job for an engine, or a file that is all read.
Step = list[Result] | tuple[RawDocument, ...] | Path


def plan(
    sources: Iterable[Source],
    done: Mapping[str, DocumentRecord],
    issuer_country: str | None = None,
) -> Iterator[Step]:
    """Read each file in order; releases in ``done`` and read errors are ready at once, the
    others are grouped into jobs of ``JOB_SIZE`` (never across files). ``issuer_country`` (the
    run's --issuer-country) travels in each release's metadata, where every engine reads it."""
    from prensa.pipeline import doc_id_for

    for source in sources:
        documents, errors = read_path(source.path, source.key)
        if errors:
            yield list(errors)
        job: list[RawDocument] = []
        for raw in documents:
            if issuer_country:
                raw = replace(raw, metadata={**raw.metadata, "issuer_country": issuer_country})
            finished = done.get(doc_id_for(raw)) if done else None
            if finished is not None and issuer_country not in (None, finished.issuer_country):
                finished = None  # the same release, now with another issuer country
            if finished is None:
                job.append(raw)
                if len(job) >= JOB_SIZE:
                    yield tuple(job)
                    job = []
                continue
            if job:
                yield tuple(job)
                job = []
            yield [finished]
        if job:
            yield tuple(job)
        yield source.path


def stream(
    steps: Iterable[Step],
    engine: Engine,
    on_file: Callable[[Path], None] | None = None,
) -> Iterator[Result]:
    """Every record, in input order, with at most a few jobs per worker in flight: memory stays
    flat and the output does not depend on which worker finished first."""
    window = 2 * engine.workers
    queue: deque[tuple[Pending | Path, tuple[RawDocument, ...]]] = deque()
    in_flight = 0
    for step in steps:
        if isinstance(step, tuple):
            queue.append((engine.submit(step), step))
            in_flight += 1
        else:
            queue.append((step if isinstance(step, Path) else _Done(step), ()))
        # Hand on what is ready at the head; wait for the oldest job when too many are out.
        while queue and (in_flight > window or not queue[0][1]):
            head, job = queue.popleft()
            in_flight -= bool(job)
            yield from _results(head, job, on_file)
    while queue:
        yield from _results(*queue.popleft(), on_file)


def _results(
    head: Pending | Path,
    job: tuple[RawDocument, ...],
    on_file: Callable[[Path], None] | None,
) -> list[Result]:
    if isinstance(head, Path):
        if on_file is not None:
            on_file(head)
        return []
    try:
        return head.result()
    except Exception as exc:  # a worker died (killed, out of memory): its releases are reported
        return [_lost(raw, exc) for raw in job]


def _lost(raw: RawDocument, exc: Exception) -> ErrorRecord:
    where = raw.source_path + (f"#{raw.record_index}" if raw.record_index is not None else "")
    reason = f"the worker processing it failed: {type(exc).__name__}: {exc}"
    return ErrorRecord(source_path=where, stage="worker", error=reason)
