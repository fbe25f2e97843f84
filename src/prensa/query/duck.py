"""``prensa sql``: read-only SQL for analysts over the Parquet tables, with DuckDB.

Each ``<table>.parquet`` in the folder becomes a view of that name in an in-memory database.
Two locks keep it read-only: only one SELECT statement is accepted (DuckDB's own parser says what
a statement is), and the connection is then locked down — no file access beyond the Parquet
files, no configuration changes — so even a SELECT cannot read or write anything else.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from prensa.errors import UsageError

_ALLOWED = {duckdb.StatementType.SELECT}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per Parquet table in ``folder``, locked down."""
    tables = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if not tables:
        raise UsageError(f"no Parquet tables in {folder}: run `prensa run` first")
    con = duckdb.connect(":memory:")
    for path in tables:
        con.execute(f'CREATE VIEW "{path.stem}" AS SELECT * FROM read_parquet({_quote(str(path))})')
    allowed = ", ".join(_quote(str(p.resolve())) for p in tables)
    con.execute(f"SET allowed_paths = [{allowed}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def check_read_only(sql: str) -> None:
    """Refuse anything but a single SELECT (or WITH … SELECT) statement."""
    try:
        statements = duckdb.connect(":memory:").extract_statements(sql)
    except duckdb.Error as exc:
        raise UsageError(f"the SQL does not parse: {exc}") from exc
    if len(statements) != 1:
        raise UsageError(f"give exactly one SELECT statement, not {len(statements)}")
    kind = statements[0].type
    if kind not in _ALLOWED:
        raise UsageError(f"prensa sql is read-only: {kind.name} statements are refused; use SELECT")


def query(folder: Path, sql: str) -> list[dict[str, object]]:
    """Run one read-only SELECT over the Parquet tables in ``folder``."""
    check_read_only(sql)
    con = connect(folder)
    try:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description or []]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    except duckdb.Error as exc:
        raise UsageError(f"the query failed: {exc}") from exc
    finally:
        con.close()
