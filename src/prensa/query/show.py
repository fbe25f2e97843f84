"""One release as HTML: people, organisations, places and dates highlighted in the text by
spaCy's displaCy, and its roles, commitments and topics beside it, each linking to its sentence.

The text is cut at the sentences that state facts, each piece rendered by displaCy on its own,
so every fact can link to ``#f-<start>``: the anchor of the sentence holding its offset.
"""

from __future__ import annotations

import html
import json
import sqlite3
from collections.abc import Iterable
from typing import Any, get_origin

from spacy import displacy

from prensa.errors import UsageError
from prensa.records import FACT_TABLES, TABLES, DocumentRecord, Record

#: displaCy label per entity kind and language, and prensa's colour for it.
LABELS: dict[str, dict[str, str]] = {
    "es": {"person": "PERSONA", "organization": "ORGANIZACIÓN", "place": "LUGAR", "date": "FECHA"},
    "en": {"person": "PERSON", "organization": "ORG", "place": "PLACE", "date": "DATE"},
}
COLOURS = {"person": "#f6c177", "organization": "#9ccfd8", "place": "#a3d9a5", "date": "#c4a7e7"}
_HEADINGS = {
    "es": ("Cargos", "Compromisos", "Temas", "Personas", "Organizaciones", "Lugares"),
    "en": ("Roles", "Commitments", "Topics", "People", "Organisations", "Places"),
}

_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:1rem 2rem;background:#1f3b57;color:#fff}header h1{margin:0 0 .3rem;font-size:1.4rem}
header p{margin:0;opacity:.85}main{display:flex;gap:2rem;padding:1rem 2rem}
article{flex:3;background:#fff;padding:1rem 1.5rem;border-radius:6px;line-height:2.4}
aside{flex:2;font-size:.92rem}aside section{background:#fff;padding:.6rem 1rem;margin-bottom:1rem;
border-radius:6px}aside h2{font-size:1rem;margin:.2rem 0 .5rem}aside li{margin:.3rem 0}
.seg>.entities{display:inline}.seg:has(:target){background:#fff3b0}
.legend mark{padding:.1rem .4rem;border-radius:.3rem;margin-right:.4rem}
"""


def _model_row(model: type[Record], row: dict[str, Any]) -> dict[str, Any]:
    """A database row back into a record's fields: JSON text → lists, extra columns dropped."""
    out: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        value = row.get(name)
        if get_origin(field.annotation) is list and isinstance(value, str):
            value = json.loads(value)
        out[name] = value
    return out


def _fetch(con: sqlite3.Connection, sql: str, params: Iterable[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, tuple(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def load_record(con: sqlite3.Connection, doc_id: str) -> DocumentRecord:
    """The full record of one release, read back from prensa.sqlite."""
    found = _fetch(con, "SELECT * FROM documents WHERE doc_id = ?", [doc_id])
    if not found:
        raise UsageError(f"no release {doc_id!r} in the database")
    data = _model_row(TABLES["documents"], found[0])
    for table in FACT_TABLES:
        rows = _fetch(con, f"SELECT * FROM [{table}] WHERE doc_id = ? ORDER BY rowid", [doc_id])
        data[table] = [_model_row(TABLES[table], row) for row in rows]
    return DocumentRecord.model_validate(data)


def _sentence_start(text: str, sentence: str, start: int) -> int | None:
    position = text.find(sentence, max(0, start - len(sentence)))
    return position if 0 <= position <= start else None


def _facts(record: DocumentRecord) -> list[Any]:
    return [
        *record.roles,
        *record.commitments,
        *record.people,
        *record.organizations,
        *record.places,
        *record.dates,
    ]


def _entities(record: DocumentRecord) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, kind) spans, first come first kept."""
    spans = sorted({(m.start, m.end, m.kind) for m in record.mentions})
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, kind))
    return kept


def _cuts(record: DocumentRecord, entities: list[tuple[int, int, str]]) -> list[int]:
    """Where pieces start: at each fact's sentence, never inside an entity."""
    cuts = {0}
    for fact in _facts(record):
        position = _sentence_start(record.text, fact.sentence, fact.start)
        if position is not None:
            cuts.add(position)
    inside = {i for start, end, _ in entities for i in range(start + 1, end)}
    return sorted(c for c in cuts if c not in inside and c < len(record.text))


def text_html(record: DocumentRecord) -> str:
    """The release text, highlighted, in pieces anchored for the facts they hold."""
    labels = LABELS[record.language]
    entities = _entities(record)
    cuts = _cuts(record, entities)
    bounds = list(zip(cuts, [*cuts[1:], len(record.text)], strict=True))
    starts = sorted({fact.start for fact in _facts(record)})
    options = {
        "ents": list(labels.values()),
        "colors": {labels[k]: c for k, c in COLOURS.items()},
    }
    pieces = []
    for a, b in bounds:
        ents = [
            {"start": s - a, "end": e - a, "label": labels[k]}
            for s, e, k in entities
            if a <= s and e <= b
        ]
        rendered = displacy.render(
            {"text": record.text[a:b], "ents": ents, "title": None},
            style="ent",
            manual=True,
            options=options,
        )
        anchors = "".join(f'<span id="f-{s}"></span>' for s in starts if a <= s < b)
        pieces.append(f'<span class="seg" id="s-{a}">{anchors}{rendered}</span>')
    return "".join(pieces)


def _link(start: int, label: str) -> str:
    return f'<a href="#f-{start}">{html.escape(label)}</a>'


def _section(heading: str, items: list[str]) -> str:
    if not items:
        return ""
    body = "".join(f"<li>{item}</li>" for item in items)
    return f"<section><h2>{heading}</h2><ul>{body}</ul></section>"


def sidebar_html(record: DocumentRecord) -> str:
    """Roles, commitments (actor → action → deadline), topics and the named entities."""
    roles_h, commit_h, topics_h, people_h, orgs_h, places_h = _HEADINGS[record.language]
    roles = [
        _link(r.start, f"{r.person} — {r.title}")
        + (f" ({html.escape(r.organization)})" if r.organization else "")
        for r in record.roles
    ]
    commitments = [
        _link(c.start, f"{', '.join(c.actors) or '?'} → {c.action}")
        + (f" → <strong>{html.escape(c.deadline)}</strong>" if c.deadline else "")
        + f" <small>({c.modality}{', negated' if c.negated else ''})</small>"
        for c in record.commitments
    ]
    label = "label_es" if record.language == "es" else "label_en"
    topics = [
        f"{html.escape(getattr(t, label))} <small>{t.score:.2f} · {html.escape(', '.join(t.terms))}"
        "</small>"
        for t in record.topics
    ]
    people = [_link(p.start, p.name) for p in record.people]
    orgs = [_link(o.start, o.name) for o in record.organizations]
    places = [_link(p.start, p.name) for p in record.places]
    return "".join(
        _section(h, items)
        for h, items in (
            (roles_h, roles),
            (commit_h, commitments),
            (topics_h, topics),
            (people_h, people),
            (orgs_h, orgs),
            (places_h, places),
        )
    )


def release_html(record: DocumentRecord) -> str:
    """A full, self-contained page for one release."""
    title = html.escape(record.title or record.source_path)
    when = record.published or record.dateline_date
    meta = " · ".join(
        html.escape(str(v)) for v in (when, record.issuer, record.language, record.doc_id) if v
    )
    labels = LABELS[record.language]
    legend = "".join(f'<mark style="background:{COLOURS[k]}">{labels[k]}</mark>' for k in COLOURS)
    return (
        f'<!DOCTYPE html><html lang="{record.language}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>{title}</h1><p>{meta}</p></header>"
        f'<main><article><p class="legend">{legend}</p>{text_html(record)}</article>'
        f"<aside>{sidebar_html(record)}</aside></main></body></html>"
    )
