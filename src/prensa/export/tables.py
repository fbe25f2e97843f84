"""Writes the records as tables: CSV for analysts, Parquet and JSONL for researchers, SQLite for
journalists. The tables of one call appear together, in one atomic step
(``prensa.export.publish``), so an interrupted run never leaves a half-written or mixed set.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from prensa.export.publish import locked, new_generation, publish
from prensa.export.rows import LIST_SEPARATOR
from prensa.export.writers import TablesWriter
from prensa.records import DocumentRecord, ErrorRecord

__all__ = ["LIST_SEPARATOR", "write_tables"]


def write_tables(
    records: Iterable[DocumentRecord], errors: Iterable[ErrorRecord], out_dir: Path
) -> dict[str, int]:
    """Write each table as CSV and Parquet, plus documents.jsonl and prensa.sqlite; count rows.

    Rows keep the order given. For a batch, ``prensa.batch.run`` streams them instead.
    """
    with locked(out_dir):
        generation = new_generation(out_dir)
        writer = TablesWriter(generation)
        for record in records:
            writer.add(record)
        writer.add_errors(errors)
        counts = writer.close()
        publish(out_dir, generation)
    return counts
