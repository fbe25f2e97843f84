"""Files to raw releases: one bad file or record becomes an error row, never a failed run."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import yaml

from prensa.errors import IngestError
from prensa.ingest.decode import DecodeError, decode_bytes, normalize_text
from prensa.ingest.markup import html_page, html_to_text, looks_like_html, markdown_to_text
from prensa.ingest.sources import (
    FORMATS,
    SUPPORTED_SUFFIXES,
    Source,
    iter_sources,
    scan_sources,
    unsupported_reason,
)
from prensa.records import ErrorRecord
from prensa.text import fold

__all__ = [
    "SUPPORTED_SUFFIXES",
    "IngestError",
    "RawDocument",
    "Source",
    "iter_sources",
    "read_path",
    "scan_sources",
]

#: Fields holding a release's text, in order of preference.
TEXT_FIELDS: tuple[str, ...] = ("text", "body", "content", "contenido", "cuerpo")
#: Keys under which a JSON object lists its releases.
CONTAINER_KEYS: tuple[str, ...] = ("items", "releases", "documents")
#: Normalised metadata key -> field names used by exporters and CMSs, in order of preference.
METADATA_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "titulo", "título", "headline"),
    "date": (
        "date",
        "published",
        "fecha",
        "published_at",
        "date_published",
        "datepublished",
        "pubdate",
        "fecha_publicacion",
        "fecha_de_publicacion",
    ),
    "url": ("url", "link", "enlace", "href"),
    "issuer_country": ("issuer_country", "country", "pais", "país"),
    "issuer": (
        "issuer",
        "source",
        "fuente",
        "emisor",
        "dependencia",
        "author",
        "autor",
        "publisher",
        "agency",
    ),
}
_STAGE = "ingest"
#: A single release (txt, md, html) over this size is reported, not read: the longest transcripts
#: are a few hundred kilobytes, and a file this big is a dump or a mistake.
MAX_RELEASE_BYTES = 16 * 1024 * 1024
#: A JSON or JSONL file of many releases over this size is reported, not read (split it).
MAX_COLLECTION_BYTES = 512 * 1024 * 1024
#: Integers longer than Python converts by default are kept as their digits, not a crash.
_MAX_INT_DIGITS = 4300
#: Where the next record of a JSON list may start after a broken one.
_NEXT_RECORD = re.compile(r"\}\s*,\s*\{")


@dataclass(frozen=True)
class RawDocument:
    """One release as read from disk, before any layout analysis."""

    source_path: str
    format: str
    text: str
    record_index: int | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    #: What the doc_id hashes for the file: its path from the folder given (with that folder's
    #: name), so 'a.txt' and 'sub/a.txt' differ while ids stay the same wherever the folder is.
    id_key: str | None = None


def read_path(path: Path, key: str | None = None) -> tuple[list[RawDocument], list[ErrorRecord]]:
    """The releases in one file, and an error row for each part that could not be read.

    ``key`` is what the releases' doc_ids hash for the file (``Source.key``; its name when
    not given).
    """
    docs, errors = _read_path(path)
    if key is not None:
        docs = [replace(doc, id_key=key) for doc in docs]
    return docs, errors


def _read_path(path: Path) -> tuple[list[RawDocument], list[ErrorRecord]]:
    source = str(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        return [], [_error(source, unsupported_reason(path))]
    try:
        size = path.stat().st_size
        limit = MAX_COLLECTION_BYTES if fmt in ("json", "jsonl") else MAX_RELEASE_BYTES
        if size > limit:
            return [], [
                _error(
                    source,
                    f"the file is {size / 2**20:.1f} MiB; {fmt} files over "
                    f"{limit / 2**20:.0f} MiB are not read (see README: limits)",
                )
            ]
        text = decode_bytes(path.read_bytes())
    except DecodeError as exc:
        return [], [_error(source, f"cannot decode the file: {exc}")]
    except OSError as exc:
        return [], [_error(source, f"cannot read the file: {exc.strerror or exc}")]
    if not text.strip():
        return [], [_error(source, "the file is empty")]
    if fmt in ("json", "jsonl"):
        return _read_json(source, text) if fmt == "json" else _read_jsonl(source, text)
    try:
        doc = _read_markup(source, fmt, text)
    except Exception as exc:  # parser libraries raise many types on malformed markup
        return [], [_error(source, f"cannot parse the {fmt} file: {type(exc).__name__}: {exc}")]
    if not doc.text.strip():
        return [], [_error(source, f"no text found in the {fmt} file")]
    manifest = sidecar_metadata(path.parent).get(path.stem, {})
    if manifest:
        doc = replace(doc, metadata={**manifest, **doc.metadata})
    return [doc], []


@cache
def sidecar_metadata(folder: Path) -> dict[str, dict[str, str]]:
    """Metadata from a ``sources.tsv``/``sources.csv`` manifest beside the files, keyed by file
    name without extension (column ``id``). Scrapers often keep dates and URLs there rather than
    in the text; the file's own metadata wins where both have a field."""
    for name, delimiter in (("sources.tsv", "\t"), ("sources.csv", ",")):
        manifest = folder / name
        if not manifest.is_file():
            continue
        try:
            with manifest.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle, delimiter=delimiter))
        except (OSError, UnicodeDecodeError, csv.Error):
            return {}
        return {
            row["id"]: _metadata({k: v for k, v in row.items() if k and v})
            for row in rows
            if row.get("id")
        }
    return {}


def _read_markup(source: str, fmt: str, text: str) -> RawDocument:
    if fmt == "md":
        front, body = _split_front_matter(text)
        return RawDocument(source, fmt, markdown_to_text(body), None, _metadata(front))
    if fmt == "html":
        page = html_page(text)
        return RawDocument(source, fmt, _with_title(page.text, page.metadata), None, page.metadata)
    return RawDocument(source, fmt, text, None, {})


def _int_or_digits(digits: str) -> int | str:
    """JSON integers past Python's conversion limit stay text instead of failing the file."""
    return int(digits) if len(digits.lstrip("-")) <= _MAX_INT_DIGITS else digits


_DECODER = json.JSONDecoder(parse_int=_int_or_digits)


def _loads(text: str) -> object:
    """json.loads that raises only ValueError (JSONDecodeError, too deep)."""
    try:
        return _DECODER.decode(text)
    except RecursionError as exc:
        raise ValueError("the JSON is nested too deeply") from exc


def _json_error(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON at line {exc.lineno}, column {exc.colno}: {_json_reason(exc)}"
    return str(exc)


def _salvage_list(text: str) -> list[object]:
    """The records of a JSON list that does not parse as a whole: each element is read on its
    own; after a broken one, reading resumes at the next '}, {'."""
    records: list[object] = []
    pos = text.index("[") + 1
    while (pos := _skip_separators(text, pos)) < len(text) and text[pos] != "]":
        try:
            record, pos = _DECODER.raw_decode(text, pos)
            records.append(record)
        except (ValueError, RecursionError) as exc:
            reason = _json_error(exc) if isinstance(exc, ValueError) else "nested too deeply"
            records.append(_Broken(reason))
            resume = _NEXT_RECORD.search(text, pos + 1)
            if resume is None:
                break
            pos = resume.start() + resume.group().index("{")
    return records


def _skip_separators(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n,":
        pos += 1
    return pos


@dataclass(frozen=True)
class _Broken:
    """A record of a JSON list that could not be read; it keeps its position."""

    reason: str


def _read_json(source: str, text: str) -> tuple[list[RawDocument], list[ErrorRecord]]:
    try:
        payload = _loads(text)
    except ValueError as exc:
        if not text.lstrip().startswith("["):
            return [], [_error(source, _json_error(exc))]
        payload = _salvage_list(text)
    records = _records(payload)
    if records is None:
        keys = "/".join(CONTAINER_KEYS)
        return [], [
            _error(source, f"expected a JSON object, a list of objects or {{{keys}: [...]}}")
        ]
    if not records:
        return [], [_error(source, "the JSON file holds no releases")]
    docs: list[RawDocument] = []
    errors: list[ErrorRecord] = []
    for index, record in enumerate(records):
        if isinstance(record, _Broken):
            errors.append(_error(source, f"record {index}: {record.reason}"))
            continue
        result = _from_record(source, "json", record, index, f"record {index}")
        if isinstance(result, RawDocument):
            docs.append(result)
        else:
            errors.append(result)
    return docs, errors


def _read_jsonl(source: str, text: str) -> tuple[list[RawDocument], list[ErrorRecord]]:
    docs: list[RawDocument] = []
    errors: list[ErrorRecord] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = _loads(line)
        except json.JSONDecodeError as exc:
            errors.append(
                _error(
                    source, f"line {number}: invalid JSON ({_json_reason(exc)}, column {exc.colno})"
                )
            )
            continue
        except ValueError as exc:
            errors.append(_error(source, f"line {number}: {exc}"))
            continue
        result = _from_record(source, "jsonl", record, number, f"line {number}")
        if isinstance(result, RawDocument):
            docs.append(result)
        else:
            errors.append(result)
    if not docs and not errors:
        errors.append(_error(source, "the JSONL file holds no releases"))
    return docs, errors


def _json_reason(exc: json.JSONDecodeError) -> str:
    """json's message without its dangling "at" ("Unterminated string starting at")."""
    return exc.msg.removesuffix(" at")


def _records(payload: object) -> list[object] | None:
    if isinstance(payload, list):
        return payload
    if isinstance(payload, dict):
        for key in CONTAINER_KEYS:
            if isinstance(payload.get(key), list):
                return list(payload[key])
        return [payload]
    return None


def _from_record(
    source: str, fmt: str, record: object, index: int, where: str
) -> RawDocument | ErrorRecord:
    if not isinstance(record, dict):
        return _error(source, f"{where}: expected a JSON object, got {type(record).__name__}")
    fields = {str(key).strip().lower(): value for key, value in record.items()}
    body = next((_as_text(fields[name]) for name in TEXT_FIELDS if _as_text(fields.get(name))), "")
    if not body:
        return _error(source, f"{where}: no text field (expected one of {', '.join(TEXT_FIELDS)})")
    if looks_like_html(body):
        try:
            body = html_to_text(body)
        except Exception as exc:  # parser libraries raise many types on malformed markup
            return _error(source, f"{where}: cannot parse the HTML in the text field: {exc}")
    return RawDocument(source, fmt, body, index, _metadata(fields))


def _as_text(value: object) -> str:
    """A text field as a string: lists of paragraphs are joined, other types are not text."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        value = "\n".join(value)
    if not isinstance(value, str):
        return ""
    return normalize_text(value).strip()


def _metadata(fields: Mapping[str, object]) -> dict[str, str]:
    lowered = {str(key).strip().lower(): value for key, value in fields.items()}
    metadata: dict[str, str] = {}
    for key, names in METADATA_FIELDS.items():
        value = next((text for name in names if (text := _scalar(lowered.get(name)))), "")
        if value:
            metadata[key] = value
    return metadata


def _scalar(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, str | int | float):
        return " ".join(normalize_text(str(value)).split())
    if hasattr(value, "isoformat"):  # YAML front matter parses dates into date objects
        return str(value.isoformat())
    return ""


def _split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """YAML front matter (``---`` ... ``---``) of a Markdown file, and the rest of the file."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            try:
                front = yaml.safe_load("\n".join(lines[1:end]))
            except yaml.YAMLError:
                return {}, text
            if isinstance(front, dict):
                return front, "\n".join(lines[end + 1 :])
            return {}, text
    return {}, text


def _with_title(text: str, metadata: Mapping[str, str]) -> str:
    """Put the page title on the first line unless the article already starts with it."""
    title = metadata.get("title")
    if not title:
        return text
    first = text.split("\n", 1)[0]
    return text if fold(first) == fold(title) else f"{title}\n{text}"


def _error(source: str, message: str) -> ErrorRecord:
    return ErrorRecord(source_path=source, stage=_STAGE, error=message)
