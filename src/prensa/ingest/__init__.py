"""Ingest: files -> decoded text -> raw releases -> language -> segments (title, lead, body)."""

from prensa.errors import IngestError
from prensa.ingest.decode import DecodeError, decode_bytes
from prensa.ingest.language import SUPPORTED_LANGUAGES, UnsupportedLanguageError, detect_language
from prensa.ingest.readers import SUPPORTED_SUFFIXES, RawDocument, iter_sources, read_path
from prensa.ingest.segment import Segments, segment

__all__ = [
    "SUPPORTED_LANGUAGES",
    "SUPPORTED_SUFFIXES",
    "DecodeError",
    "IngestError",
    "RawDocument",
    "Segments",
    "UnsupportedLanguageError",
    "decode_bytes",
    "detect_language",
    "iter_sources",
    "read_path",
    "segment",
]
