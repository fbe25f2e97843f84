"""Datasette hooks for prensa.sqlite, loaded with ``--plugins-dir`` by ``prensa serve``.

They link every fact to the sentence that states it in its release's annotated view
(``/-/release/<doc_id>#f-<start>``), open a person's roles from their name, and give SQL an
accent-insensitive ``prensa_fold()`` for the canned queries.
"""

from __future__ import annotations

import sqlite3
from typing import Any
from urllib.parse import quote

import markupsafe
from datasette import hookimpl
from datasette.utils.asgi import Response

from prensa.errors import UsageError
from prensa.text import fold


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("prensa_fold", 1, lambda s: fold(s) if s else s, deterministic=True)


def _keys(row: Any) -> set[str]:
    try:
        return set(row.keys())
    except AttributeError:
        return set()


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, datasette: Any) -> Any:
    if value in (None, ""):
        return None
    keys = _keys(row)
    anchor = ""
    if column in ("sentence", "release") and "doc_id" in keys:
        anchor = f"#f-{row['start']}" if column == "sentence" and "start" in keys else ""
    elif not (table == "documents" and column == "title"):
        if table == "persons" and column == "name":
            path = datasette.urls.database(datasette.get_database().name)
            return markupsafe.Markup(
                f'<a href="{path}/who_held_which_role?name={quote(str(value))}">'
                f"{markupsafe.escape(value)}</a>"
            )
        return None
    url = datasette.urls.path(f"/-/release/{quote(str(row['doc_id']))}{anchor}")
    return markupsafe.Markup(f'<a href="{url}">{markupsafe.escape(value)}</a>')


async def _release(datasette: Any, request: Any) -> Response:
    from prensa.query.show import load_record, release_html  # spaCy loads on first view only

    doc_id = request.url_vars["doc_id"]
    database = datasette.get_database()
    try:
        record = await database.execute_fn(lambda conn: load_record(conn, doc_id))
    except UsageError as exc:
        return Response.html(f"<p>{markupsafe.escape(str(exc))}</p>", status=404)
    return Response.html(release_html(record))


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/release/(?P<doc_id>[A-Za-z0-9_-]+)$", _release)]
