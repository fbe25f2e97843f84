"""``prensa report``: one self-contained HTML page of charts about a processed batch.

Charts are plotly figures with plotly.js inlined once, so the page opens offline. The map draws
places from their coordinates on a plain longitude/latitude plane over country outlines shipped
with prensa: plotly's geographic maps fetch their base map from the network, which a report read
offline cannot do.
"""

from __future__ import annotations

import html
import json
import sqlite3
from contextlib import closing
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from prensa.query.store import connect

_DATE = "coalesce(d.published, d.dateline_date)"
_STYLE = """
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 2rem;color:#222}
h1{color:#1f3b57}section{margin:2rem 0}h2{font-size:1.15rem;margin-bottom:.2rem}
p.note{color:#666;margin-top:0}
"""
_TOP = 15
#: Country outlines (Natural Earth 1:110m, from the world-atlas package): see assets/NOTICE.
OUTLINES = Path(__file__).parent / "assets" / "countries-110m.json"


def _frame(con: sqlite3.Connection, sql: str) -> pd.DataFrame:
    return pd.read_sql_query(sql, con)


def releases_per_month(con: sqlite3.Connection) -> go.Figure | None:
    data = _frame(
        con,
        f"SELECT substr({_DATE}, 1, 7) AS month, language, count(*) AS releases "
        "FROM documents d WHERE month IS NOT NULL GROUP BY month, language ORDER BY month",
    )
    if data.empty:
        return None
    return px.bar(data, x="month", y="releases", color="language", barmode="stack")


def releases_per_issuer(con: sqlite3.Connection) -> go.Figure | None:
    data = _frame(
        con,
        "SELECT coalesce(issuer, '(unknown)') AS issuer, count(*) AS releases FROM documents "
        "GROUP BY 1 ORDER BY releases",
    )
    if data.empty:
        return None
    return px.bar(data, x="releases", y="issuer", orientation="h")


def topics_over_time(con: sqlite3.Connection) -> go.Figure | None:
    data = _frame(
        con,
        f"SELECT t.label_en AS topic, substr({_DATE}, 1, 7) AS month, count(*) AS releases "
        "FROM topics t JOIN documents d USING (doc_id) WHERE month IS NOT NULL "
        "GROUP BY topic, month",
    )
    if data.empty:
        return None
    top = data.groupby("topic")["releases"].sum().nlargest(10).index
    grid = (
        data[data["topic"].isin(top)]
        .pivot_table(index="topic", columns="month", values="releases", fill_value=0)
        .sort_index(axis=1)
    )
    figure = px.imshow(grid, color_continuous_scale="Blues", aspect="auto", text_auto=True)
    return figure.update_xaxes(type="category")


def most_mentioned(con: sqlite3.Connection, table: str) -> go.Figure | None:
    data = _frame(
        con,
        f"SELECT name, n_releases AS releases, n_mentions AS mentions FROM {table} "
        f"ORDER BY n_releases DESC, n_mentions DESC, name LIMIT {_TOP}",
    )
    if data.empty:
        return None
    return px.bar(data.iloc[::-1], x="releases", y="name", orientation="h", hover_data=["mentions"])


def commitments_timeline(con: sqlite3.Connection) -> go.Figure | None:
    data = _frame(
        con,
        f"SELECT {_DATE} AS announced, c.deadline_date AS deadline, c.deadline AS due, "
        "c.actors, c.action FROM commitments c JOIN documents d USING (doc_id) "
        f"WHERE c.deadline_date IS NOT NULL AND {_DATE} IS NOT NULL ORDER BY c.deadline_date",
    )
    if data.empty:
        return None
    data["who"] = data["actors"].str.strip("[]").str.replace('"', "").str.slice(0, 40)
    data["what"] = data["action"].str.slice(0, 80)
    figure = px.timeline(
        data, x_start="announced", x_end="deadline", y="who", hover_data=["what", "due"]
    )
    figure.add_vline(x=date.today().isoformat(), line_dash="dot", line_color="#c0392b")
    return figure


@cache
def outline_lines() -> tuple[list[float | None], list[float | None]]:
    """Every border of the TopoJSON as one polyline (lon, lat), segments split by None: its arcs
    are delta-encoded integers, scaled and shifted by the file's transform."""
    topology = json.loads(OUTLINES.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    lons: list[float | None] = []
    lats: list[float | None] = []
    for arc in topology["arcs"]:
        x = y = 0
        for dx, dy in arc:
            x, y = x + dx, y + dy
            lons.append(round(x * sx + tx, 3))
            lats.append(round(y * sy + ty, 3))
        lons.append(None)
        lats.append(None)
    return lons, lats


def places_map(con: sqlite3.Connection) -> go.Figure | None:
    data = _frame(
        con,
        "SELECT name, country_code, lat, lon, n_releases AS releases FROM locations "
        "WHERE lat IS NOT NULL AND lon IS NOT NULL",
    )
    if data.empty:
        return None
    figure = px.scatter(
        data,
        x="lon",
        y="lat",
        size="releases",
        text="name",
        hover_data=["country_code", "releases"],
        size_max=30,
    )
    figure.update_traces(textposition="top center")
    lons, lats = outline_lines()
    figure.add_trace(
        go.Scatter(
            x=lons,
            y=lats,
            mode="lines",
            line={"color": "#8a98a6", "width": 0.8},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    figure.data = (figure.data[-1], *figure.data[:-1])  # borders under the places
    pad = 8
    figure.update_xaxes(
        title="longitude", range=[data["lon"].min() - pad * 2, data["lon"].max() + pad * 2]
    )
    figure.update_yaxes(
        title="latitude",
        range=[data["lat"].min() - pad, data["lat"].max() + pad],
        scaleanchor="x",
        scaleratio=1,
    )
    return figure


#: (id, Spanish title · English title, note, chart builder)
_CHARTS = (
    ("per-month", "Comunicados por mes · Releases per month", "", releases_per_month),
    ("per-issuer", "Comunicados por emisor · Releases per issuer", "", releases_per_issuer),
    ("topics", "Temas principales en el tiempo · Top topics over time", "", topics_over_time),
    (
        "people",
        "Personas más mencionadas · Most-mentioned people",
        "releases naming them",
        lambda con: most_mentioned(con, "persons"),
    ),
    (
        "orgs",
        "Organizaciones más mencionadas · Most-mentioned organisations",
        "releases naming them",
        lambda con: most_mentioned(con, "orgs"),
    ),
    (
        "commitments",
        "Compromisos y plazos · Commitments and their deadlines",
        "from the release that announced each to its deadline; the dotted line is today",
        commitments_timeline,
    ),
    (
        "map",
        "Mapa de lugares · Map of places",
        "longitude and latitude of every geocoded place; size is the number of releases",
        places_map,
    ),
)


def build_report(folder: Path) -> str:
    """The report's HTML for the database in ``folder``."""
    sections: list[str] = []
    inline_js = True
    with closing(connect(folder)) as con:
        n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        for key, title, note, build in _CHARTS:
            figure = build(con)
            if figure is None:
                body = '<p class="note">Sin datos · No data</p>'
            else:
                figure.update_layout(margin={"l": 10, "r": 10, "t": 10, "b": 10}, height=420)
                body = figure.to_html(
                    full_html=False, include_plotlyjs=inline_js, div_id=f"chart-{key}"
                )
                inline_js = False
            note_html = f'<p class="note">{html.escape(note)}</p>' if note else ""
            sections.append(
                f'<section id="{key}"><h2>{html.escape(title)}</h2>{note_html}{body}</section>'
            )
    head = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>prensa report</title>'
        f"<style>{_STYLE}</style></head><body><h1>prensa</h1>"
        f'<p class="note">{n_docs} comunicados · releases</p>'
    )
    return head + "".join(sections) + "</body></html>"


def write_report(folder: Path, out: Path) -> Path:
    """Write the report for ``folder`` to ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(build_report(folder), encoding="utf-8")
    return out
