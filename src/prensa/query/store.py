"""Opening prensa.sqlite for reading, and turning user text into safe full-text queries.

Every query module goes through here: the database is opened read-only (a query can never change
it) and search text is reduced to quoted FTS5 phrase tokens, so quotes, operators (AND, OR, NEAR,
``*``, ``-``) and SQL keywords in what a user types are searched for, never interpreted.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from prensa.errors import UsageError

DATABASE_NAME = "prensa.sqlite"
_WORD = re.compile(r"\w+", re.UNICODE)


def database_path(where: Path) -> Path:
    """``where`` is the database itself or the output folder holding it."""
    path = where / DATABASE_NAME if where.is_dir() else where
    if not path.is_file():
        raise UsageError(f"no database at {path}: run `prensa run` first")
    return path


def connect(where: Path) -> sqlite3.Connection:
    """A read-only connection whose rows are dicts by column name."""
    path = database_path(where)
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        con.execute("SELECT 1 FROM documents LIMIT 1")
    except sqlite3.DatabaseError as exc:
        con.close()
        raise UsageError(f"{path} is not a prensa database ({exc})") from exc
    return con


def fts_query(text: str) -> str:
    """Every word of ``text`` as a quoted FTS5 token, all required: 'a "b" OR c' → '"a" "b" "OR"
    "c"'. Raises UsageError when nothing searchable is left."""
    words = _WORD.findall(text)
    if not words:
        raise UsageError(f"nothing to search for in {text!r}: give at least one word")
    return " ".join(f'"{w}"' for w in words)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere; % and _ in it are literal (ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def rows(con: sqlite3.Connection, sql: str, params: dict[str, object]) -> list[dict[str, object]]:
    """Run a parametrised query; an SQLite error (a malformed search) becomes a UsageError."""
    try:
        return [dict(r) for r in con.execute(sql, params).fetchall()]
    except sqlite3.OperationalError as exc:
        raise UsageError(f"the query could not run: {exc}") from exc
