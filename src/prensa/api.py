"""prensa as a library: what the CLI does, callable from a notebook or another program.

>>> import prensa
>>> record = prensa.extract_text("Ciudad de México, 3 de febrero de 2025.- ...")
>>> summary = prensa.run(["data/raw"], out="data/processed")
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from spacy.language import Language as SpacyLanguage

from prensa.batch import RunSummary
from prensa.batch import run as _run_batch
from prensa.errors import ExtractionError, UsageError
from prensa.ingest.decode import normalize_text
from prensa.ingest.readers import RawDocument
from prensa.records import DocumentRecord, ErrorRecord, Language

__all__ = ["RunSummary", "extract_file", "extract_text", "load", "run"]


def load(language: Language, *, ner: str | None = None) -> SpacyLanguage:
    """The spaCy pipeline for ``language`` with prensa's components, for ``nlp.pipe`` yourself.

    ``ner`` picks the NER: ``"stock"`` (the default) or ``"conll"`` (research use only, see
    models/README.md); None reads ``PRENSA_NER`` at this call.
    """
    from prensa import nlp

    if language not in ("es", "en"):
        raise UsageError(f"unsupported language {language!r} (supported: es, en)")
    return nlp.load(language, ner)


def extract_text(
    text: str,
    language: Language | None = None,
    published: date | str | None = None,
    title: str | None = None,
    *,
    source: str = "<text>",
    issuer_country: str | None = None,
    ner: str | None = None,
) -> DocumentRecord:
    """The record of one release given as text, as ``prensa extract`` gives it for a file.

    ``language`` skips language identification; ``published`` (a date or ISO string) and
    ``title`` play the part of a source's metadata: they anchor relative dates and name the
    release when its text does not. ``source`` names the text in provenance (and its ids): with
    a file's path, the record equals ``extract_file`` on that file. ``issuer_country`` (ISO
    alpha-2) replaces the issuer country prensa would infer. ``ner``: see ``load``.
    """
    from prensa.ingest.issuer import country_code
    from prensa.pipeline import process_raw

    issuer_country = country_code(issuer_country)

    if not text or not text.strip():
        raise ExtractionError("no text to analyse")
    metadata: dict[str, str] = {}
    if published is not None:
        metadata["date"] = published.isoformat() if isinstance(published, date) else published
    if title:
        metadata["title"] = title
    raw = RawDocument(
        source_path=source, format="txt", text=normalize_text(text), metadata=metadata
    )
    for result in process_raw([raw], language=language, issuer_country=issuer_country, ner=ner):
        if isinstance(result, ErrorRecord):
            raise ExtractionError(f"{result.stage}: {result.error}")
        return result
    raise ExtractionError("no release found")  # pragma: no cover - process_raw yields one


def extract_file(
    path: Path | str, *, issuer_country: str | None = None, ner: str | None = None
) -> DocumentRecord:
    """The record of the first release in ``path`` (txt, md, html, json or jsonl); ``ner``:
    see ``load``."""
    from prensa.pipeline import extract_path

    return extract_path(Path(path), issuer_country, ner)


def run(
    paths: list[Path | str] | Path | str,
    out: Path | str = Path("data/processed"),
    *,
    workers: int | None = 1,
    fresh: bool = False,
    issuer_country: str | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    ner: str | None = None,
) -> RunSummary:
    """Process every release under ``paths`` into the tables in ``out``; see RunSummary and
    prensa.batch.run (``workers=None``: all cores; ``engine="dask"``; ``ner``: see ``load``)."""
    many = [paths] if isinstance(paths, str | Path) else list(paths)
    return _run_batch(
        many,
        out,
        workers=workers,
        fresh=fresh,
        engine=engine,
        scheduler=scheduler,
        issuer_country=issuer_country,
        ner=ner,
    )
