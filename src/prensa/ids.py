"""Content-derived ids: the same input always gives the same id, whatever the run order."""

from __future__ import annotations

import hashlib

from prensa.text import fold


def stable_id(prefix: str, *parts: object, length: int = 12) -> str:
    """Hash ``parts`` into ``prefix_<hex>``; parts are joined with a separator that cannot clash."""
    payload = "\x1f".join("" if p is None else str(p) for p in parts)
    # surrogatepass: a lone surrogate (from a JSON '\\ud800') hashes instead of raising.
    data = payload.encode("utf-8", errors="surrogatepass")
    return f"{prefix}_{hashlib.sha1(data).hexdigest()[:length]}"


def entity_id(prefix: str, name: str) -> str:
    """Id of a named entity: accent- and case-insensitive, so 'SRE' in two documents agrees."""
    return stable_id(prefix, fold(name))
