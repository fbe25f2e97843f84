"""The commands that read a processed batch: ``query``, ``sql``, ``serve``, ``show``, ``report``.

Thin, like the rest of the CLI: options in, a library call, rows out. Errors are PrensaErrors,
which the main CLI's guard turns into their exit codes.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from prensa.errors import UsageError
from prensa.query.output import Format, render

T = TypeVar("T")
DEFAULT_DIR = Path("data/processed")

query_app = typer.Typer(
    help="Ask prensa.sqlite who held which role, who promised what, and where.",
    no_args_is_help=True,
)

DbOption = Annotated[Path, typer.Option("--db", help="prensa.sqlite or the folder holding it.")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table, csv or json.")]


def _guard(call: Callable[[], T]) -> T:
    """The main CLI's guard: a PrensaError becomes its message and exit code."""
    from prensa.guard import guarded

    return guarded(call)


def _emit(fetch: Callable[[], list[dict[str, Any]]], fmt: Format, title: str) -> None:
    rows = _guard(fetch)
    text = render(rows, fmt, title)
    if text is not None:
        typer.echo(text)


def _run_query(db: Path, question: Callable[..., list[dict[str, Any]]], *args: Any, **kw: Any):
    from prensa.query.store import connect

    def fetch() -> list[dict[str, Any]]:
        with closing(connect(db)) as con:
            return question(con, *args, **kw)

    return fetch


@query_app.command("people", help="A person's roles and the releases naming them.")
def query_people(
    name: Annotated[str, typer.Argument(help="Any part of the name, accents optional.")],
    db: DbOption = DEFAULT_DIR,
    fmt: FormatOption = Format.table,
) -> None:
    from prensa.query import queries

    _emit(_run_query(db, queries.people, name), fmt, f"people matching {name!r}")


@query_app.command("commitments", help="Who promised what, by when; filter by actor, topic, date.")
def query_commitments(
    actor: Annotated[str | None, typer.Option(help="Part of an actor's name.")] = None,
    topic: Annotated[str | None, typer.Option(help="Topic id or part of its label.")] = None,
    since: Annotated[str | None, typer.Option(help="Releases from this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Releases up to this date.")] = None,
    due_before: Annotated[
        str | None, typer.Option("--due-before", help="Deadline before this date.")
    ] = None,
    due_within: Annotated[
        str | None,
        typer.Option("--due-within", help="Overdue or due within a span from today: 30d, 2w, 1m."),
    ] = None,
    today: Annotated[
        str | None, typer.Option(help="Count --due-within from this date instead of today.")
    ] = None,
    db: DbOption = DEFAULT_DIR,
    fmt: FormatOption = Format.table,
) -> None:
    from prensa.query import queries

    def fetch() -> list[dict[str, Any]]:
        day = queries.parse_day(today, "--today")
        return _run_query(
            db,
            queries.commitments,
            actor=actor,
            topic=topic,
            since=since,
            until=until,
            due_before=due_before,
            due_within=due_within,
            today=date.fromisoformat(day) if day else None,
        )()

    _emit(fetch, fmt, "commitments")


@query_app.command("search", help="Full-text search over releases and commitments, ranked.")
def query_search(
    text: Annotated[str, typer.Argument(help="Words to find (accents optional; all must match).")],
    limit: Annotated[int, typer.Option(min=1, help="Most rows to show.")] = 20,
    db: DbOption = DEFAULT_DIR,
    fmt: FormatOption = Format.table,
) -> None:
    from prensa.query import queries

    _emit(_run_query(db, queries.search, text, limit), fmt, f"search {text!r}")


@query_app.command("topics", help="Topics with how many releases carry them.")
def query_topics(db: DbOption = DEFAULT_DIR, fmt: FormatOption = Format.table) -> None:
    from prensa.query import queries

    _emit(_run_query(db, queries.topics), fmt, "topics")


@query_app.command("places", help="Places across the batch, with coordinates.")
def query_places(
    country: Annotated[str | None, typer.Option(help="ISO country code, e.g. MX.")] = None,
    db: DbOption = DEFAULT_DIR,
    fmt: FormatOption = Format.table,
) -> None:
    from prensa.query import queries

    _emit(_run_query(db, queries.places, country), fmt, "places")


@query_app.command("timeline", help="What a person or organisation did and promised, by date.")
def query_timeline(
    name: Annotated[str, typer.Argument(help="Part of a person's or organisation's name.")],
    db: DbOption = DEFAULT_DIR,
    fmt: FormatOption = Format.table,
) -> None:
    from prensa.query import queries

    _emit(_run_query(db, queries.timeline, name), fmt, f"timeline of {name!r}")


def sql(
    statement: Annotated[str, typer.Argument(help="One SELECT over the Parquet tables.")],
    folder: Annotated[
        Path, typer.Option("--dir", "-d", help="Folder of Parquet tables.")
    ] = DEFAULT_DIR,
    fmt: FormatOption = Format.table,
) -> None:
    """Read-only SQL (DuckDB) over the Parquet tables; each table is a view by its name."""
    from prensa.query.duck import query

    _emit(lambda: query(folder, statement), fmt, "sql")


def serve(
    folder: Annotated[Path, typer.Argument(help="Output folder (or prensa.sqlite).")] = DEFAULT_DIR,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8001,
) -> None:
    """Browse the database in Datasette (read-only), with search, facets and canned queries."""
    from prensa.query.serve import serve as run_server

    _guard(lambda: run_server(folder, host, port))


def show(
    release: Annotated[str, typer.Argument(help="A release file, or a doc_id in the database.")],
    out: Annotated[
        Path | None, typer.Option("--html", help="Write the page here [stdout].")
    ] = None,
    db: DbOption = DEFAULT_DIR,
) -> None:
    """One release as HTML: entities highlighted, roles, commitments and topics beside it."""
    from prensa.query.show import release_html

    def build() -> str:
        path = Path(release)
        if path.is_file():
            from prensa.api import extract_file

            return release_html(extract_file(path))
        if path.suffix or len(path.parts) > 1:
            raise UsageError(f"{release} is not a file (nor a doc_id)")
        from prensa.query.show import load_record
        from prensa.query.store import connect

        with closing(connect(db)) as con:
            return release_html(load_record(con, release))

    page = _guard(build)
    if out is None:
        typer.echo(page)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")


def report(
    folder: Annotated[Path, typer.Argument(help="Output folder (or prensa.sqlite).")] = DEFAULT_DIR,
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path(
        "report.html"
    ),
) -> None:
    """A self-contained HTML report with charts of a processed batch (opens offline)."""
    from prensa.query.report import write_report

    _guard(lambda: write_report(folder, out))
    typer.echo(str(out))


def register(app: typer.Typer) -> None:
    """Add the reading commands to the main ``prensa`` app."""
    app.add_typer(query_app, name="query")
    app.command("sql")(sql)
    app.command("serve")(serve)
    app.command("show")(show)
    app.command("report")(report)
