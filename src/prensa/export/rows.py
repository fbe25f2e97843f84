"""Records as table rows, and each table's columns and types: what every writer shares."""

from __future__ import annotations

import types
import typing
from datetime import date
from typing import Any, Literal

from pydantic.fields import FieldInfo

from prensa.records import FACT_TABLES, TABLES, DocumentRecord, ErrorRecord, Record

#: Separator for list-valued cells in CSV and SQLite (Parquet and JSONL keep real lists).
LIST_SEPARATOR = "; "
#: The documents table holds the release's own fields; its facts go to their own tables.
DOCUMENT_FIELDS = frozenset(TABLES["documents"].model_fields)
_EVIDENCE_COLUMNS = ("sentence", "start", "end")

Row = dict[str, Any]
#: A column's scalar kind: what Parquet, SQLite and pandas types are made from.
Kind = Literal["str", "int", "float", "bool", "list_str", "list_int"]


def columns(table: str) -> list[str]:
    """doc_id first, the fact's own fields next, its provenance (sentence, offsets) last."""
    fields = list(TABLES[table].model_fields)
    if table == "documents":
        return fields
    head = [f for f in ("doc_id",) if f in fields]
    tail = [f for f in _EVIDENCE_COLUMNS if f in fields]
    return head + [f for f in fields if f not in head and f not in tail] + tail


def _kind(annotation: object) -> Kind:
    """The column kind of a pydantic field annotation (Optional and Literal unwrapped)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _kind(inner[0])
    if origin is Literal:
        return "str"
    if origin is list:
        (item,) = typing.get_args(annotation)
        return "list_int" if item is int else "list_str"
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation is float:
        return "float"
    if annotation in (str, date):
        return "str"
    raise TypeError(f"no column type for {annotation!r}")


def column_kinds(table: str) -> dict[str, Kind]:
    """Each column of ``table`` and its kind, in column order."""
    fields: dict[str, FieldInfo] = TABLES[table].model_fields
    return {name: _kind(fields[name].annotation) for name in columns(table)}


def record_rows(record: DocumentRecord) -> dict[str, list[Row]]:
    """One release's rows, per table (the errors table excluded)."""
    rows: dict[str, list[Row]] = {
        "documents": [record.model_dump(mode="json", include=set(DOCUMENT_FIELDS))]
    }
    for table in FACT_TABLES:
        items: list[Record] = getattr(record, table)
        rows[table] = [item.model_dump(mode="json") for item in items]
    return rows


def error_rows(errors: list[ErrorRecord]) -> list[Row]:
    return [error.model_dump(mode="json") for error in errors]


def flat(value: object) -> object:
    """Lists become 'a; b' strings: CSV and SQLite have no list type."""
    return LIST_SEPARATOR.join(map(str, value)) if isinstance(value, list) else value
