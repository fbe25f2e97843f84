"""An output folder that readers always see whole: one run's tables, never a mix of two.

Each run writes its tables into a fresh generation folder, ``<out>/.prensa/<generation>/``. When
every file is complete, the link ``<out>/.prensa/current`` is switched to it in one atomic
rename; ``<out>/documents.csv`` and its siblings are links through ``current``, so all of them
change at the same instant. A run holds ``<out>/.prensa.lock`` from start to end: a second run
into the same folder is refused with a message instead of mixing its tables with the first's.
The lock is released by the kernel when a run dies, and the next run removes what a killed run
left behind (unfinished generations, temporary files).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from prensa.errors import UsageError

STATE_DIR = ".prensa"
LOCK_NAME = ".prensa.lock"
CURRENT = "current"


class OutputBusyError(UsageError):
    """Another run is writing into the same output folder."""


@contextmanager
def locked(out: Path, wait: float = 0) -> Iterator[None]:
    """Hold ``out``'s lock for the block; wait up to ``wait`` seconds for another run to end."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock = FileLock(out / LOCK_NAME)
        lock.acquire(timeout=wait)
    except Timeout as exc:
        raise OutputBusyError(
            f"another prensa run is writing to {out}; wait until it ends or choose another --out"
        ) from exc
    except OSError as exc:
        raise UsageError(f"cannot write to {out}: {exc.strerror or exc}") from exc
    try:
        clean_leftovers(out)
        yield
    finally:
        lock.release()


def _current(out: Path) -> Path | None:
    link = out / STATE_DIR / CURRENT
    return (out / STATE_DIR / os.readlink(link)) if link.is_symlink() else None


def clean_leftovers(out: Path) -> None:
    """Remove what killed runs left: generations no link points to, old temporary files.
    Called only under the lock, so nothing removed can belong to a live run."""
    state = out / STATE_DIR
    live = _current(out)
    if state.is_dir():
        for entry in state.iterdir():
            if entry.name == CURRENT or entry == live:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
    for entry in out.glob(".*.tmp"):
        entry.unlink(missing_ok=True)


def new_generation(out: Path) -> Path:
    """A fresh, empty folder for this run's tables."""
    folder = out / STATE_DIR / f"gen-{time.time_ns()}-{os.getpid()}"
    folder.mkdir(parents=True)
    return folder


def publish(out: Path, generation: Path) -> None:
    """Make ``generation`` the tables of ``out`` in one atomic step, then drop the old one."""
    state = out / STATE_DIR
    old = _current(out)
    link = state / f".{CURRENT}.{os.getpid()}.tmp"
    link.unlink(missing_ok=True)
    link.symlink_to(generation.name)
    os.replace(link, state / CURRENT)  # the one step readers can observe
    for table in sorted(p.name for p in generation.iterdir()):
        _link_through_current(out, table)
    if old is not None and old != generation:
        shutil.rmtree(old, ignore_errors=True)


def _link_through_current(out: Path, name: str) -> None:
    """``out/name`` → ``.prensa/current/name`` (replacing a plain file of an older layout)."""
    target = Path(STATE_DIR) / CURRENT / name
    path = out / name
    if path.is_symlink() and Path(os.readlink(path)) == target:
        return
    tmp = out / f".{name}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target)
    os.replace(tmp, path)
