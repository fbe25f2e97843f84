"""Streaming writers: each release's rows go to disk as soon as it is finished, so memory stays
flat however many releases a batch holds.

Every writer has the same small shape (``RecordWriter``): ``add(record)``, ``add_errors(errors)``
and ``close()`` → rows per table. ``TablesWriter`` fans a batch out to all of them, inside one
folder that ``prensa.export.publish`` then switches into place as a whole.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Protocol

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from prensa.export.database import DatabaseWriter
from prensa.export.rows import Kind, Row, column_kinds, columns, error_rows, flat, record_rows
from prensa.records import TABLES, DocumentRecord, ErrorRecord

#: Rows buffered per table before a Parquet row group is written.
PARQUET_ROW_GROUP = 2000

_ARROW: dict[Kind, pa.DataType] = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "list_str": pa.list_(pa.string()),
    "list_int": pa.list_(pa.int64()),
}
#: pandas dtypes the Parquet files announce, so an integer column with gaps reads back as Int64.
_PANDAS: dict[Kind, str] = {
    "str": "string",
    "int": "Int64",
    "float": "Float64",
    "bool": "boolean",
    "list_str": "object",
    "list_int": "object",
}
_SQLITE: dict[Kind, str] = {
    "str": "TEXT",
    "int": "INTEGER",
    "float": "REAL",
    "bool": "INTEGER",
    "list_str": "TEXT",
    "list_int": "TEXT",
}


class RecordWriter(Protocol):
    """What the batch writes through: every format's writer has this shape."""

    def add(self, record: DocumentRecord) -> None: ...

    def add_errors(self, errors: Iterable[ErrorRecord]) -> None: ...

    def close(self) -> dict[str, int]: ...


class _RowWriter:
    """A writer of flat rows, one file per table: CSV and Parquet differ only in ``_write``."""

    def _write(self, table: str, rows: list[Row]) -> None:
        raise NotImplementedError

    def add(self, record: DocumentRecord) -> None:
        self.add_rows(record_rows(record))

    def add_rows(self, rows: dict[str, list[Row]]) -> None:
        for table, table_rows in rows.items():
            self._write(table, table_rows)

    def add_errors(self, errors: Iterable[ErrorRecord]) -> None:
        self._write("errors", error_rows(list(errors)))


class CsvWriter(_RowWriter):
    """One CSV per table, appended row by row; list cells joined with '; '."""

    def __init__(self, folder: Path) -> None:
        self._handles: dict[str, IO[str]] = {}
        self._writers: dict[str, Any] = {}
        self._counts = dict.fromkeys(TABLES, 0)
        for table in TABLES:
            handle = (folder / f"{table}.csv").open("w", encoding="utf-8", newline="")
            self._handles[table] = handle
            self._writers[table] = csv.writer(handle, lineterminator="\n")
            self._writers[table].writerow(columns(table))

    def _write(self, table: str, rows: list[Row]) -> None:
        names = columns(table)
        self._writers[table].writerows([flat(row.get(c)) for c in names] for row in rows)
        self._counts[table] += len(rows)

    def close(self) -> dict[str, int]:
        for handle in self._handles.values():
            handle.close()
        return dict(self._counts)


def arrow_schema(table: str) -> pa.Schema:
    """The table's Arrow schema, with pandas metadata so readers get nullable dtypes back."""
    kinds = column_kinds(table)
    empty = pd.DataFrame({c: pd.Series([], dtype=_PANDAS[k]) for c, k in kinds.items()})
    metadata = pa.Schema.from_pandas(empty, preserve_index=False).metadata
    return pa.schema([pa.field(c, _ARROW[k]) for c, k in kinds.items()], metadata=metadata)


class ParquetWriter(_RowWriter):
    """One Parquet file per table, written in row groups as rows arrive."""

    def __init__(self, folder: Path) -> None:
        self._schemas = {table: arrow_schema(table) for table in TABLES}
        self._writers = {
            table: pq.ParquetWriter(folder / f"{table}.parquet", schema)
            for table, schema in self._schemas.items()
        }
        self._buffers: dict[str, list[Row]] = {table: [] for table in TABLES}
        self._counts = dict.fromkeys(TABLES, 0)

    def _write(self, table: str, rows: list[Row], flush_at: int = PARQUET_ROW_GROUP) -> None:
        buffer = self._buffers[table]
        buffer.extend(rows)
        self._counts[table] += len(rows)
        if buffer and len(buffer) >= flush_at:
            batch = pa.Table.from_pylist(buffer, schema=self._schemas[table])
            self._writers[table].write_table(batch)
            buffer.clear()

    def close(self) -> dict[str, int]:
        for table, writer in self._writers.items():
            self._write(table, [], flush_at=1)
            writer.close()
        return dict(self._counts)


class JsonlWriter:
    """documents.jsonl: the nested record of each release, one per line."""

    def __init__(self, folder: Path) -> None:
        self._handle = (folder / "documents.jsonl").open("w", encoding="utf-8")
        self._count = 0

    def add(self, record: DocumentRecord) -> None:
        self._handle.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")
        self._count += 1

    def add_errors(self, errors: Iterable[ErrorRecord]) -> None:
        """Failed inputs have no record: they are in the errors tables."""

    def close(self) -> dict[str, int]:
        self._handle.close()
        return {"documents": self._count}


class TablesWriter:
    """Every format at once into ``folder``: CSV, Parquet, documents.jsonl and prensa.sqlite.

    Each record is flattened once for CSV and Parquet; the database writer is any
    ``RecordWriter`` (one line to swap).
    """

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._csv = CsvWriter(folder)
        self._parquet = ParquetWriter(folder)
        self._jsonl = JsonlWriter(folder)
        self._database: RecordWriter = DatabaseWriter(folder / "prensa.sqlite")

    def add(self, record: DocumentRecord) -> None:
        rows = record_rows(record)
        self._csv.add_rows(rows)
        self._parquet.add_rows(rows)
        self._jsonl.add(record)
        self._database.add(record)

    def add_errors(self, errors: Iterable[ErrorRecord]) -> None:
        errors = list(errors)
        for writer in (self._csv, self._parquet, self._jsonl, self._database):
            writer.add_errors(errors)

    def close(self) -> dict[str, int]:
        """Close every file; the row counts are the CSV writer's (every writer gets the same),
        plus the database's batch-wide entity tables (persons, orgs, locations)."""
        counts = self._csv.close()
        for writer in (self._parquet, self._jsonl):
            writer.close()
        database = self._database.close()
        return {**counts, **{name: n for name, n in database.items() if name not in counts}}
