"""prensa.sqlite, built to be queried: primary and foreign keys, batch-wide entity tables,
indexes on the columns people filter on, list cells as JSON arrays and accent-insensitive
full-text search. Written with sqlite-utils, streaming: records are upserted in batches as they
arrive, and what needs the whole batch (entity tables, indexes, search) is built at close.

The database is assembled in a temporary file beside the target and renamed over it at close, so
Datasette or a reader never sees half a batch, and a repeated run holds the same rows, not twice
as many (rows are upserted on their primary key).
"""

from __future__ import annotations

import calendar
import json
import os
import tempfile
import types
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import sqlite_utils

from prensa.records import FACT_TABLES, TABLES, DocumentRecord, ErrorRecord, Record
from prensa.text import fold

#: Accent- and case-insensitive tokens: 'Álvarez' is found by 'alvarez'.
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
#: Rows buffered per table before an upsert.
BATCH_SIZE = 500

#: Primary key of every table (fact tables are keyed within their document).
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "people": ("doc_id", "person_id"),
    "organizations": ("doc_id", "org_id"),
    "places": ("doc_id", "place_id"),
    "dates": ("doc_id", "date_id"),
    "roles": ("doc_id", "role_id"),
    "topics": ("doc_id", "topic_id"),
    "commitments": ("doc_id", "commitment_id"),
    "mentions": ("doc_id", "kind", "start", "end"),
    "errors": ("source_path", "stage", "error"),
    "persons": ("person_id",),
    "orgs": ("org_id",),
    "locations": ("place_id",),
}

#: Columns people filter on, per table.
INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    "documents": (("published",), ("language",), ("issuer",)),
    "people": (("person_id",), ("name",)),
    "organizations": (("org_id",), ("name",), ("country",)),
    "places": (("place_id",), ("country_code",)),
    "dates": (("value",), ("relation",)),
    "roles": (("person_id",), ("org_id",), ("country",), ("title_en",), ("title_es",)),
    "topics": (("topic_id",),),
    "commitments": (("deadline",), ("deadline_date",)),
    "mentions": (("entity_id",),),
    "persons": (("name",), ("last_seen",)),
    "orgs": (("name",), ("country",)),
    "locations": (("name",), ("country_code",)),
}

#: Full-text search: table → columns (the index is ``<table>_fts``).
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("title", "lead", "body"),
    "commitments": ("action", "sentence", "actors"),
    "persons": ("name", "aliases", "titles"),
}

#: Batch-wide entity tables: per-document table → (entity table, its id column).
ENTITY_TABLES: dict[str, tuple[str, str]] = {
    "people": ("persons", "person_id"),
    "organizations": ("orgs", "org_id"),
    "places": ("locations", "place_id"),
}

_ENTITY_COLUMNS: dict[str, dict[str, type]] = {
    "persons": {"person_id": str, "name": str, "aliases": str, "titles": str},
    "orgs": {"org_id": str, "name": str, "acronym": str, "country": str, "aliases": str},
    "locations": {
        "place_id": str,
        "name": str,
        "kind": str,
        "country_code": str,
        "admin1": str,
        "lat": float,
        "lon": float,
        "geonameid": int,
        "aliases": str,
    },
}
_ENTITY_TAIL: dict[str, type] = {
    "n_releases": int,
    "n_mentions": int,
    "first_seen": str,
    "last_seen": str,
    "name_key": str,
}


def _sql_type(annotation: Any) -> type:
    """The SQLite column type of a pydantic field: lists are JSON text, dates ISO text."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return _sql_type(inner[0]) if inner else str
    if origin is list or annotation in (str, date):
        return str
    if annotation is bool or annotation is int:
        return int
    if annotation is float:
        return float
    return str


def _columns(model: type[Record]) -> dict[str, type]:
    return {name: _sql_type(field.annotation) for name, field in model.model_fields.items()}


def deadline_end(value: str | None) -> str | None:
    """Last day of a deadline's period ('2026-03' → '2026-03-31'), so deadlines of any
    granularity compare as dates."""
    if not value:
        return None
    try:
        if len(value) == 4:
            return f"{value}-12-31"
        if "-W" in value:
            return datetime.strptime(value + "-7", "%G-W%V-%u").date().isoformat()
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


class DatabaseWriter:
    """Streams records into ``path``: ``add`` each record, ``add_errors``, then ``close``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
        )
        os.close(fd)
        self._tmp = Path(tmp)
        self.db = sqlite_utils.Database(self._tmp)
        # A scratch file until close renames it: no journal or fsync needed while it is built.
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self._buffers: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._create_tables()

    def _create_tables(self) -> None:
        for table, model in TABLES.items():
            columns = _columns(model)
            if table == "commitments":
                columns["deadline_date"] = str
            fks = [("doc_id", "documents", "doc_id")] if table in FACT_TABLES else None
            self.db[table].create(columns, pk=PRIMARY_KEYS[table], foreign_keys=fks)
        for table, columns in _ENTITY_COLUMNS.items():
            self.db[table].create({**columns, **_ENTITY_TAIL}, pk=PRIMARY_KEYS[table])

    def add(self, record: DocumentRecord) -> None:
        """Queue one release and its facts; upserted in batches."""
        document_fields = set(TABLES["documents"].model_fields)
        self._queue("documents", [record.model_dump(mode="json", include=document_fields)])
        for table in FACT_TABLES:
            rows = [item.model_dump(mode="json") for item in getattr(record, table)]
            if table == "commitments":
                for row in rows:
                    row["deadline_date"] = deadline_end(row["deadline"])
            self._queue(table, rows)

    def add_errors(self, errors: Iterable[ErrorRecord]) -> None:
        """Queue the inputs that failed."""
        self._queue("errors", [e.model_dump(mode="json") for e in errors])

    def _queue(self, table: str, rows: list[dict[str, Any]]) -> None:
        buffer = self._buffers[table]
        buffer.extend(rows)
        if len(buffer) >= BATCH_SIZE:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self._buffers.pop(table, [])
        if rows:
            self.db[table].upsert_all(rows, pk=PRIMARY_KEYS[table], batch_size=BATCH_SIZE)

    def close(self) -> dict[str, int]:
        """Build entity tables, indexes and search, swap the file in; rows per table."""
        try:
            for table in list(self._buffers):
                self._flush(table)
            for table in ENTITY_TABLES:
                self._build_entities(table)
            self._index()
            counts = {name: self.db[name].count for name in self.db.table_names()}
            self.db.close()
            os.replace(self._tmp, self.path)
        finally:
            if self._tmp.exists():
                self.db.close()
                self._tmp.unlink()
        return {name: n for name, n in counts.items() if name in PRIMARY_KEYS}

    def abort(self) -> None:
        """Drop the temporary file; the database already in place stays as it was."""
        self.db.close()
        if self._tmp.exists():
            self._tmp.unlink()

    def _index(self) -> None:
        # Fact tables' keys start with doc_id, so their key index serves joins on documents.
        for table, columns in INDEXES.items():
            for cols in columns:
                self.db[table].create_index(cols, if_not_exists=True)
        for table, columns in FTS_COLUMNS.items():
            self.db[table].enable_fts(columns, tokenize=FTS_TOKENIZE, replace=True)
        self.db.execute("ANALYZE")

    def _build_entities(self, table: str) -> None:
        """One row per entity across the batch: the most used name, every other form, how many
        releases name it and when it was first and last seen."""
        target, key = ENTITY_TABLES[table]
        rows = self.db.execute(
            f"SELECT t.*, coalesce(d.published, d.dateline_date) AS seen "
            f"FROM [{table}] t JOIN documents d USING (doc_id)"
        )
        names = [c[0] for c in rows.description]
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for values in rows.fetchall():
            row = dict(zip(names, values, strict=True))
            groups[row[key]].append(row)
        titles = self._titles() if target == "persons" else {}
        self.db[target].upsert_all(
            (_entity(target, key, group, titles.get(k, [])) for k, group in groups.items()),
            pk=PRIMARY_KEYS[target],
            batch_size=BATCH_SIZE,
        )

    def _titles(self) -> dict[str, list[str]]:
        titles: dict[str, set[str]] = defaultdict(set)
        for person_id, *forms in self.db.execute(
            "SELECT person_id, title, title_es, title_en FROM roles"
        ).fetchall():
            titles[person_id].update(f for f in forms if f)
        return {k: sorted(v) for k, v in titles.items()}


def _entity(
    target: str, key: str, group: list[dict[str, Any]], titles: list[str]
) -> dict[str, Any]:
    canonical = [r.get("canonical_name") for r in group if r.get("canonical_name")]
    used = Counter(canonical or [r["name"] for r in group])
    name = max(used, key=lambda n: (used[n], len(n), n))
    forms = {r["name"] for r in group}
    for row in group:
        forms.update(json.loads(row["aliases"] or "[]"))
    aliases = sorted(forms - {name})
    seen = sorted(str(r["seen"]) for r in group if r["seen"])
    row: dict[str, Any] = {
        key: group[0][key],
        "name": name,
        "aliases": aliases,
        "n_releases": len({r["doc_id"] for r in group}),
        "n_mentions": sum(r["mentions"] for r in group),
        "first_seen": seen[0] if seen else None,
        "last_seen": seen[-1] if seen else None,
        "name_key": fold(" | ".join([name, *aliases])),
    }
    first = group[0]
    if target == "persons":
        row["titles"] = titles
    elif target == "orgs":
        row |= {
            "acronym": next((r["acronym"] for r in group if r["acronym"]), None),
            "country": next((r["country"] for r in group if r["country"]), None),
        }
    else:
        row |= {c: first[c] for c in ("kind", "country_code", "admin1", "lat", "lon", "geonameid")}
    return row


def write_database(
    path: Path, records: Iterable[DocumentRecord], errors: Iterable[ErrorRecord]
) -> dict[str, int]:
    """Write every record and error to ``path`` in one go; rows per table."""
    writer = DatabaseWriter(path)
    try:
        for record in records:
            writer.add(record)
        writer.add_errors(errors)
    except BaseException:
        writer.abort()
        raise
    return writer.close()
