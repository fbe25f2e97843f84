"""Errors of the ingest stage; their messages become rows of errors.csv, so they read as prose."""

from __future__ import annotations

from prensa.errors import DecodeError, IngestError

__all__ = ["DecodeError", "IngestError"]
