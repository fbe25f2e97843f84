"""Writes the records as tables: CSV for analysts, Parquet and JSONL for researchers, SQLite for
journalists. Every file is written to a temporary name and renamed, so an interrupted run never
leaves a half-written table behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from prensa.export.database import write_database
from prensa.records import FACT_TABLES, TABLES, DocumentRecord, ErrorRecord, Record

#: Separator for list-valued cells in CSV (Parquet and JSONL keep real lists, SQLite JSON arrays).
LIST_SEPARATOR = "; "
#: The documents table holds the release's own fields; its facts go to their own tables.
_DOCUMENT_FIELDS = tuple(TABLES["documents"].model_fields)


_EVIDENCE_COLUMNS = ("sentence", "start", "end")


def _columns(table: str) -> list[str]:
    """doc_id first, the fact's own fields next, its provenance (sentence, offsets) last."""
    fields = list(TABLES[table].model_fields)
    if table == "documents":
        return fields
    head = [f for f in ("doc_id",) if f in fields]
    tail = [f for f in _EVIDENCE_COLUMNS if f in fields]
    return head + [f for f in fields if f not in head and f not in tail] + tail


def table_rows(
    records: Iterable[DocumentRecord], errors: Iterable[ErrorRecord]
) -> dict[str, list[dict[str, Any]]]:
    """Flatten nested records into one list of row dicts per table."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for record in records:
        rows["documents"].append(record.model_dump(mode="json", include=set(_DOCUMENT_FIELDS)))
        for table in FACT_TABLES:
            items: list[Record] = getattr(record, table)
            rows[table].extend(item.model_dump(mode="json") for item in items)
    rows["errors"].extend(e.model_dump(mode="json") for e in errors)
    return rows


def _frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Nullable dtypes, so an id column with gaps stays integer instead of turning into floats."""
    return pd.DataFrame(rows, columns=_columns(table)).convert_dtypes()


def _flatten_lists(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists become 'a; b' strings: CSV has no list type."""
    flat = frame.copy()
    for column in flat.columns:
        if flat[column].map(lambda v: isinstance(v, list)).any():
            flat[column] = flat[column].map(
                lambda v: LIST_SEPARATOR.join(map(str, v)) if isinstance(v, list) else v
            )
    return flat


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then rename over ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_tables(
    records: Iterable[DocumentRecord], errors: Iterable[ErrorRecord], out_dir: Path
) -> dict[str, int]:
    """Write each table as CSV and Parquet, plus documents.jsonl and prensa.sqlite; count rows."""
    # Input order, whatever order the releases finished in (some may come from the manifest).
    records = sorted(records, key=lambda r: (r.source_path, r.record_index or 0))
    errors = list(errors)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = table_rows(records, errors)
    frames = {table: _frame(table, table_rows_) for table, table_rows_ in rows.items()}
    for table, frame in frames.items():
        _atomic(
            out_dir / f"{table}.csv",
            lambda p, f=frame: _flatten_lists(f).to_csv(p, index=False, encoding="utf-8"),
        )
        _atomic(out_dir / f"{table}.parquet", lambda p, f=frame: f.to_parquet(p, index=False))

    def write_jsonl(path: Path) -> None:
        with path.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")

    _atomic(out_dir / "documents.jsonl", write_jsonl)
    write_database(out_dir / "prensa.sqlite", records, errors)
    return {table: len(frame) for table, frame in frames.items()}
