"""The questions journalists ask of prensa.sqlite, as parametrised SQL.

Each function returns plain rows (dicts), every one with its provenance: the release's title,
its date and the sentence that states the fact, plus the doc_id to open it with ``prensa show``.
Names match accent- and case-insensitively and partially ('velasco' finds 'Roberto Velasco
Álvarez'); search text goes through ``store.fts_query`` and never becomes SQL.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date, timedelta

from prensa.errors import UsageError
from prensa.query.store import fts_query, like_pattern, rows
from prensa.text import fold

Row = dict[str, object]

#: When a release happened: its publication date, else its dateline's date.
_DATE = "coalesce(d.published, d.dateline_date)"
#: How a release is named: its title, else its file.
_RELEASE = "coalesce(d.title, d.source_path)"
_SPAN = re.compile(r"^\s*(\d+)\s*([dwm]?)\s*$")
_SPAN_DAYS = {"": 1, "d": 1, "w": 7, "m": 30}


def _prepare(con: sqlite3.Connection) -> None:
    con.create_function("prensa_fold", 1, lambda s: fold(s) if s else s, deterministic=True)


def parse_day(value: str | None, option: str) -> str | None:
    """A YYYY-MM-DD option value, checked; None stays None."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise UsageError(f"{option} wants a date as YYYY-MM-DD, not {value!r}") from exc


def parse_span(value: str) -> int:
    """'30d', '2w', '1m' or '30' → days."""
    match = _SPAN.match(value)
    if not match:
        raise UsageError(f"--due-within wants a span such as 30d, 2w or 1m, not {value!r}")
    return int(match.group(1)) * _SPAN_DAYS[match.group(2)]


def people(con: sqlite3.Connection, name: str) -> list[Row]:
    """Every role held by the people whose name matches, and every release they appear in."""
    _prepare(con)
    sql = f"""
    WITH hit AS (
        SELECT person_id, name FROM persons WHERE name_key LIKE :pattern ESCAPE '\\')
    SELECT hit.name AS person, r.title AS role, r.organization, r.country,
           {_RELEASE} AS release, {_DATE} AS date, r.sentence, r.doc_id, r.start
    FROM hit JOIN roles r USING (person_id) JOIN documents d USING (doc_id)
    UNION ALL
    SELECT hit.name, NULL, NULL, NULL, {_RELEASE}, {_DATE}, p.sentence, p.doc_id, p.start
    FROM hit JOIN people p USING (person_id) JOIN documents d USING (doc_id)
    WHERE NOT EXISTS (
        SELECT 1 FROM roles r WHERE r.person_id = p.person_id AND r.doc_id = p.doc_id)
    ORDER BY person, date, doc_id, start
    """
    return rows(con, sql, {"pattern": like_pattern(fold(name))})


def commitments(
    con: sqlite3.Connection,
    *,
    actor: str | None = None,
    topic: str | None = None,
    since: str | None = None,
    until: str | None = None,
    due_before: str | None = None,
    due_within: str | None = None,
    today: date | None = None,
) -> list[Row]:
    """Commitments filtered by actor, topic, release date and deadline. ``due_within`` keeps
    those whose deadline has passed or falls within the span from ``today``."""
    _prepare(con)
    today = today or date.today()
    horizon = (today + timedelta(days=parse_span(due_within))).isoformat() if due_within else None
    params: dict[str, object] = {
        "actor": like_pattern(fold(actor)) if actor else None,
        "topic": topic,
        "topic_label": like_pattern(fold(topic)) if topic else None,
        "since": parse_day(since, "--since"),
        "until": parse_day(until, "--until"),
        "due_before": parse_day(due_before, "--due-before"),
        "horizon": horizon,
        "today": today.isoformat(),
    }
    order = "c.deadline_date, date" if (due_before or due_within) else "date, c.doc_id, c.start"
    sql = f"""
    SELECT c.actors, c.action, c.deadline, c.modality,
           CASE WHEN c.deadline_date IS NULL THEN NULL
                WHEN c.deadline_date < :today THEN 'overdue'
                ELSE 'due in ' || CAST(julianday(c.deadline_date) - julianday(:today) AS INTEGER)
                     || ' days' END AS status,
           c.topic_ids AS topics, {_RELEASE} AS release, {_DATE} AS date, c.sentence, c.doc_id,
           c.start
    FROM commitments c JOIN documents d USING (doc_id)
    WHERE (:actor IS NULL OR prensa_fold(c.actors) LIKE :actor ESCAPE '\\')
      AND (:topic IS NULL OR EXISTS (
            SELECT 1 FROM json_each(c.topic_ids) j WHERE j.value = :topic
            OR j.value IN (SELECT topic_id FROM topics
                           WHERE prensa_fold(label_en) LIKE :topic_label ESCAPE '\\'
                              OR prensa_fold(label_es) LIKE :topic_label ESCAPE '\\')))
      AND (:since IS NULL OR {_DATE} >= :since)
      AND (:until IS NULL OR {_DATE} <= :until)
      AND (:due_before IS NULL OR c.deadline_date < :due_before)
      AND (:horizon IS NULL OR c.deadline_date <= :horizon)
    ORDER BY {order}
    """
    return rows(con, sql, params)


def search(con: sqlite3.Connection, text: str, limit: int = 20) -> list[Row]:
    """Releases and commitments matching every word of ``text``, best first, with the matched
    words in **bold** in a snippet."""
    sql = f"""
    SELECT * FROM (
        SELECT 'release' AS kind, {_RELEASE} AS release, {_DATE} AS date,
               snippet(documents_fts, -1, '**', '**', '…', 16) AS snippet, d.doc_id,
               bm25(documents_fts) AS rank
        FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
        WHERE documents_fts MATCH :query
        UNION ALL
        SELECT 'commitment', {_RELEASE}, {_DATE},
               snippet(commitments_fts, -1, '**', '**', '…', 16), c.doc_id,
               bm25(commitments_fts)
        FROM commitments_fts JOIN commitments c ON c.rowid = commitments_fts.rowid
        JOIN documents d USING (doc_id)
        WHERE commitments_fts MATCH :query)
    ORDER BY rank LIMIT :limit
    """
    found = rows(con, sql, {"query": fts_query(text), "limit": limit})
    for row in found:
        row["rank"] = round(float(row["rank"]), 3)  # type: ignore[arg-type]
    return found


def topics(con: sqlite3.Connection) -> list[Row]:
    """Every topic with how many releases carry it, when, and its latest release."""
    sql = f"""
    WITH seen AS (
        SELECT t.*, {_RELEASE} AS release, {_DATE} AS date,
               row_number() OVER (PARTITION BY t.topic_id ORDER BY {_DATE} DESC, t.doc_id) AS n,
               count(*) OVER (PARTITION BY t.topic_id) AS releases,
               min({_DATE}) OVER (PARTITION BY t.topic_id) AS first_seen
        FROM topics t JOIN documents d USING (doc_id))
    SELECT topic_id, label_en, label_es, releases, first_seen, date AS last_seen,
           release AS latest_release, terms AS evidence, doc_id
    FROM seen WHERE n = 1 ORDER BY releases DESC, topic_id
    """
    return rows(con, sql, {})


def places(con: sqlite3.Connection, country: str | None = None) -> list[Row]:
    """Places across the batch with coordinates, optionally in one country (ISO code)."""
    sql = f"""
    WITH seen AS (
        SELECT p.place_id, p.sentence, p.doc_id, {_RELEASE} AS release, {_DATE} AS date,
               row_number() OVER (PARTITION BY p.place_id ORDER BY {_DATE} DESC, p.doc_id) AS n
        FROM places p JOIN documents d USING (doc_id))
    SELECT l.name, l.kind, l.country_code AS country, l.lat, l.lon, l.n_releases AS releases,
           s.release AS latest_release, s.date, s.sentence, s.doc_id
    FROM locations l JOIN seen s ON s.place_id = l.place_id AND s.n = 1
    WHERE (:country IS NULL OR l.country_code = upper(:country))
    ORDER BY releases DESC, l.name
    """
    return rows(con, sql, {"country": country})


def timeline(con: sqlite3.Connection, name: str) -> list[Row]:
    """What a person or organisation did and promised, in date order: roles, commitments, and
    the releases that only mention them."""
    _prepare(con)
    pattern = like_pattern(fold(name))
    hits = rows(
        con,
        """SELECT person_id AS id, name, 'person' AS kind FROM persons
           WHERE name_key LIKE :p ESCAPE '\\'
           UNION ALL SELECT org_id, name, 'organization' FROM orgs
           WHERE name_key LIKE :p ESCAPE '\\' OR prensa_fold(acronym) = :exact""",
        {"p": pattern, "exact": fold(name)},
    )
    if not hits:
        raise UsageError(f"no person or organisation matches {name!r}")
    events: list[Row] = []
    for hit in hits:
        key = "person_id" if hit["kind"] == "person" else "org_id"
        facts = "people" if hit["kind"] == "person" else "organizations"
        params = {"id": hit["id"], "name": hit["name"], "p": like_pattern(fold(str(hit["name"])))}
        events += rows(
            con,
            f"""SELECT {_DATE} AS date, :name AS who, 'role' AS event, r.title AS what,
                       {_RELEASE} AS release, r.sentence, r.doc_id, r.start
                FROM roles r JOIN documents d USING (doc_id) WHERE r.{key} = :id
                UNION ALL
                SELECT {_DATE}, :name, 'commitment',
                       c.action || coalesce(' (by ' || c.deadline || ')', ''),
                       {_RELEASE}, c.sentence, c.doc_id, c.start
                FROM commitments c JOIN documents d USING (doc_id)
                WHERE EXISTS (SELECT 1 FROM json_each(c.actor_ids) j WHERE j.value = :id)
                   OR prensa_fold(c.actors) LIKE :p ESCAPE '\\'
                UNION ALL
                SELECT {_DATE}, :name, 'mentioned', NULL, {_RELEASE}, f.sentence, f.doc_id, f.start
                FROM {facts} f JOIN documents d USING (doc_id) WHERE f.{key} = :id""",
            params,
        )
    busy = {(e["who"], e["doc_id"]) for e in events if e["event"] != "mentioned"}
    kept = [e for e in events if e["event"] != "mentioned" or (e["who"], e["doc_id"]) not in busy]
    # Undated releases last: they cannot be placed in time.
    return sorted(
        kept,
        key=lambda e: (e["date"] is None, str(e["date"] or ""), str(e["doc_id"]), e["start"] or 0),
    )
