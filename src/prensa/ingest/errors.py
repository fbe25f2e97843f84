"""Errors of the ingest stage; their messages become rows of errors.csv, so they read as prose."""

from __future__ import annotations


class IngestError(Exception):
    """A source path or file that cannot be turned into releases."""


class DecodeError(IngestError):
    """Bytes that decode to no plausible text (binary data, NUL-heavy files)."""
