"""Rows out as a readable table (rich), CSV or JSON: one function for every query command."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

#: Columns that serve links and sorting, not reading: kept in CSV/JSON, hidden in the table.
_HIDDEN_IN_TABLE = {"start"}
_BOLD = re.compile(r"\*\*(.+?)\*\*")


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(map(str, value))
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        try:
            items = json.loads(value)
        except json.JSONDecodeError:
            return value
        return "; ".join(map(str, items)) if isinstance(items, list) else value
    return str(value)


def _json_value(value: Any) -> Any:
    """JSON arrays stored as text come back as arrays."""
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def render(rows: Sequence[dict[str, Any]], fmt: Format, title: str) -> str | None:
    """CSV and JSON come back as text; the table is printed to stdout (None is returned)."""
    if fmt is Format.json:
        data = [{k: _json_value(v) for k, v in row.items()} for row in rows]
        return json.dumps(data, ensure_ascii=False, indent=2, default=str)
    if fmt is Format.csv:
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
        return buffer.getvalue().rstrip("\n")
    if not rows:
        Console(stderr=True).print(f"{escape(title)}: no rows")
        return None
    table = Table(title=f"{title}: {len(rows)} rows", show_lines=True)
    columns = [c for c in (rows[0] if rows else {}) if c not in _HIDDEN_IN_TABLE]
    for column in columns:
        wide = column in ("sentence", "snippet", "release", "action", "latest_release")
        table.add_column(column, overflow="fold", ratio=3 if wide else 1)
    for row in rows:
        table.add_row(*(_BOLD.sub(r"[bold]\1[/bold]", escape(_cell(row[c]))) for c in columns))
    console = Console()
    # A terminal decides its own width; piped output gets room for the sentences.
    (console if console.is_terminal else Console(width=160)).print(table)
    return None
