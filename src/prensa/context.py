"""What an extractor knows about the document beyond its spaCy Doc."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from prensa.records import Language


@dataclass(frozen=True)
class DocContext:
    """Per-document facts extractors need; immutable so extractors stay pure functions."""

    doc_id: str
    language: Language
    published: date | None = None
    #: What relative dates resolve against: the opening dateline's date, else ``published``.
    anchor: date | None = None
    #: Character offsets in the text of the opening dateline (place and date), from segmentation.
    dateline: tuple[int, int] | None = None
    #: ISO alpha-2 country of the issuer, when known.
    issuer_country: str | None = None
    #: The issuer's name (a header line or the source's metadata), when known.
    issuer: str | None = None
