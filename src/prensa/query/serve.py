"""``prensa serve``: Datasette over prensa.sqlite, read-only, with prensa's metadata and plugin.

The metadata lives in ``datasette/metadata.yaml`` (Spanish and English side by side, checked
here); it is turned into Datasette's format at serve time, with each table's full-text index
named. The database is opened immutable: Datasette never writes to it.
"""

from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from prensa.errors import ResourceError
from prensa.export.database import FTS_COLUMNS
from prensa.query.store import database_path

_HERE = Path(__file__).parent / "datasette"
METADATA_PATH = _HERE / "metadata.yaml"
PLUGINS_DIR = _HERE / "plugins"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Bilingual(_Strict):
    es: str
    en: str

    def joined(self) -> str:
        return self.es if self.es == self.en else f"{self.es} · {self.en}"


class TableMeta(_Strict):
    title: Bilingual
    description: Bilingual
    facets: list[str | dict[str, str]] = Field(default_factory=list)
    sort_desc: str | None = None
    columns: dict[str, Bilingual] = Field(default_factory=dict)


class QueryMeta(_Strict):
    title: Bilingual
    description: Bilingual
    sql: str


class Metadata(_Strict):
    title: Bilingual
    description: Bilingual
    tables: dict[str, TableMeta]
    common_columns: dict[str, Bilingual]
    queries: dict[str, QueryMeta]


@cache
def load_metadata() -> Metadata:
    """The reviewed metadata file, validated."""
    try:
        data = yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))
        return Metadata.model_validate(data)
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise ResourceError(f"{METADATA_PATH}: {exc}") from exc


def datasette_metadata(name: str, table_columns: dict[str, list[str]]) -> dict[str, Any]:
    """Datasette's metadata for database ``name`` whose tables have ``table_columns``."""
    meta = load_metadata()
    tables: dict[str, Any] = {}
    for table_name, table in meta.tables.items():
        present = table_columns.get(table_name, [])
        columns = {c: t.joined() for c, t in meta.common_columns.items() if c in present}
        columns |= {c: t.joined() for c, t in table.columns.items()}
        entry: dict[str, Any] = {
            "title": table.title.joined(),
            "description": table.description.joined(),
            "columns": columns,
        }
        if table.facets:
            entry["facets"] = table.facets
        if table.sort_desc:
            entry["sort_desc"] = table.sort_desc
        if table_name in FTS_COLUMNS:
            entry |= {"fts_table": f"{table_name}_fts", "fts_pk": "rowid"}
        tables[table_name] = entry
    queries = {
        key: {"title": q.title.joined(), "description": q.description.joined(), "sql": q.sql}
        for key, q in meta.queries.items()
    }
    return {
        "title": meta.title.joined(),
        "description": meta.description.joined(),
        "databases": {name: {"tables": tables, "queries": queries}},
    }


def _table_columns(db: Path) -> dict[str, list[str]]:
    import sqlite_utils

    database = sqlite_utils.Database(f"{db.resolve().as_uri()}?mode=ro&immutable=1")
    try:
        return {t.name: list(t.columns_dict) for t in database.tables}
    finally:
        database.close()


def serve_args(folder: Path, host: str, port: int, metadata_dir: Path) -> list[str]:
    """The ``datasette serve`` arguments for the database in ``folder``."""
    db = database_path(folder)
    metadata = metadata_dir / "metadata.json"
    data = datasette_metadata(db.stem, _table_columns(db))
    metadata.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return [
        "serve",
        "--immutable",
        str(db),
        "--metadata",
        str(metadata),
        "--plugins-dir",
        str(PLUGINS_DIR),
        "--host",
        host,
        "--port",
        str(port),
        "--setting",
        "truncate_cells_html",
        "300",
    ]


def serve(folder: Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette until interrupted."""
    from datasette.cli import cli

    with tempfile.TemporaryDirectory(prefix="prensa-serve-") as tmp:
        args = serve_args(folder, host, port, Path(tmp))
        cli.main(args=args, prog_name="prensa serve", standalone_mode=True)
