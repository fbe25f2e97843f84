"""Split a release into title, lead, dateline and body, and drop what is not its text.

Built for the genre rather than for one site: letterhead, labels ("For immediate release") and
date lines above or below the title are header; the opening dateline is found in the shapes
government releases use (see prensa.ingest.dateline); end marks, related headlines, contact
blocks, download and share lines and publication lines ("Publicado: …") at the end are dropped
(a publication line's date is kept). The patterns live in models/segment/*.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

import dateparser

from prensa import gazetteer
from prensa.ingest.boilerplate import is_widget, strip_tail
from prensa.ingest.dateline import (
    OPENING_WINDOW,
    Dateline,
    find_dateline,
    is_dateline,
    place_country,
    place_parts,
)
from prensa.ingest.lines import bullet_text, is_labelled, join_bare_labels, lead_bullets
from prensa.ingest.patterns import (
    BoilerplateRules,
    DatePatterns,
    HeaderRules,
    boilerplate_rules,
    date_patterns,
    full_match,
    header_rules,
)
from prensa.ingest.readers import RawDocument
from prensa.text import fold
from prensa.timex.numeric import (
    default_order,
    is_numeric_date,
    language_order,
    numeric_date,
    settled_order,
)

PublishedSource = Literal["dateline", "header", "metadata"]

#: A first line this long that ends like a sentence is a paragraph, not a title.
_PROSE_WORDS = 30
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
#: "1º de mayo", "1o. de mayo" -> "1 de mayo": dateparser does not read ordinal day marks.
_ORDINAL_DAY = re.compile(r"(\d)\s*(?:º|°|o\.?)(?=\s)")


@dataclass(frozen=True)
class Segments:
    """A release's parts. ``text`` (title, lead lines, body joined by blank lines) is what
    every extractor offset points into; header lines and trailing boilerplate are not in it.
    Body paragraphs are separated by single newlines."""

    title: str | None
    lead: list[str]
    dateline_place: str | None
    dateline_date: date | None
    #: Character offsets in ``text`` of the dateline's place and date (None without one).
    dateline_start: int | None
    dateline_end: int | None
    published: date | None
    published_source: PublishedSource | None
    issuer: str | None
    release_number: str | None
    body: str
    text: str
    boilerplate: list[str]


@dataclass(frozen=True)
class _HeaderLine:
    """What one metadata line above or below the title says."""

    issuer: str | None = None
    date: date | None = None
    release_number: str | None = None
    #: The place of a "Quito, 12.05.2022" line above the title.
    place: str | None = None


@dataclass
class _Header:
    """Header facts gathered while walking the top of one release (first value wins)."""

    issuer: str | None = None
    date: date | None = None
    release_number: str | None = None
    place: str | None = None

    def add(self, line: _HeaderLine) -> None:
        self.issuer = self.issuer or line.issuer
        self.date = self.date or line.date
        self.release_number = self.release_number or line.release_number
        self.place = self.place or line.place


def segment(raw: RawDocument, language: str) -> Segments:
    """Segments of ``raw``; ``language`` picks the date and dateline patterns tried first."""
    headers, boiler = header_rules(), boilerplate_rules()
    dates = _patterns_for(language)
    lines = [line for line in (_clean(line) for line in raw.text.split("\n")) if line]
    lines = join_bare_labels(lines, headers)
    found = _Header()
    dropped: list[str] = []

    pos = _skip_header(lines, 0, found, dates, headers, dropped, above_title=True)
    title, pos = _title(lines, pos, raw.metadata, dates, headers)
    issuer_lead, pos = _issuer_line(lines, pos, found, dates, headers, dropped)
    pos = _skip_header(lines, pos, found, dates, headers, dropped, above_title=False)
    if issuer_lead is None:  # "Title / July 1, 2025 / Office of the Spokesperson / text"
        issuer_lead, pos = _issuer_line(lines, pos, found, dates, headers, dropped)
    bullets, pos = lead_bullets(lines, pos, headers.bullets)
    tail = strip_tail(lines[pos:], boiler, dates, headers.release_numbers, parse_date)
    dropped.extend(tail.dropped)
    found.add(_HeaderLine(date=tail.published, release_number=tail.release_number))
    body_lines = tail.kept
    body_lines = _drop_opening_headers(body_lines, title, dates, (headers, boiler), found, dropped)

    dateline = find_dateline(body_lines, dates, parse_date, _known_place)
    dateline_date = _local_reading(dateline, language) if dateline else None
    header_date = found.date or (None if dateline_date else _title_date(title, dates))
    published, source = _published(header_date, dateline_date, raw.metadata.get("date"), dates)
    lead = [issuer_lead, *bullets] if issuer_lead else bullets
    body = "\n".join(body_lines)
    text = "\n\n".join(part for part in (title, *lead, body) if part)
    span = None
    if dateline is not None:
        at = len(text) - len(body) + sum(len(line) + 1 for line in body_lines[: dateline.line])
        span = (at + dateline.start, at + dateline.end)
    return Segments(
        title=title,
        lead=lead,
        dateline_place=dateline.place if dateline else found.place,
        dateline_date=dateline_date,
        dateline_start=span[0] if span else None,
        dateline_end=span[1] if span else None,
        published=published,
        published_source=source,
        issuer=found.issuer or _clean(raw.metadata.get("issuer", "")) or None,
        release_number=found.release_number,
        body=body,
        text=text,
        boilerplate=dropped,
    )


def parse_date(text: str, language: str) -> date | None:
    """A full calendar date (day, month and year all written) from a captured date string."""
    return _parse_date(" ".join(_ORDINAL_DAY.sub(r"\1", text).split()), language)


@lru_cache(maxsize=4096)
def _parse_date(text: str, language: str) -> date | None:
    parsed = dateparser.parse(
        text,
        languages=[language],
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first",
            "DATE_ORDER": language_order(language),
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed else None


def _patterns_for(language: str) -> list[DatePatterns]:
    """The release's language first, then the others (a Spanish dateline in English text)."""
    patterns = date_patterns()
    first = [patterns[language]] if language in patterns else []
    return first + [p for lang, p in patterns.items() if lang != language]


def _clean(line: str) -> str:
    return " ".join(line.translate(_INVISIBLE).split())


def _classify_header(
    line: str, dates: list[DatePatterns], rules: HeaderRules, *, above_title: bool
) -> _HeaderLine | None:
    """What a metadata line says, or None when the line is release text."""
    if "|" in line:
        return _classify_byline(line, dates, rules)
    if full_match(rules.release_numbers, line):
        return _HeaderLine(release_number=line)
    if full_match(rules.labels, line) or full_match(rules.separators, line):
        return _HeaderLine()
    for patterns in dates:
        match = patterns.header_date.fullmatch(line) or (
            patterns.place_date.fullmatch(line) if above_title else None
        )
        if match:
            place = match.groupdict().get("place")
            return _HeaderLine(
                date=parse_date(match["date"], patterns.language),
                place=place.strip() if place and _known_place(place.strip()) else None,
            )
    labelled = full_match(rules.issuer_labels, line)
    if labelled:  # "From: Foreign, Commonwealth & Development Office", "Fuente: Ministerio …"
        return _HeaderLine(issuer=labelled["issuer"].strip())
    if above_title and full_match(rules.issuers, line):
        return _HeaderLine(issuer=line)
    return None


def _classify_byline(
    line: str, dates: list[DatePatterns], rules: HeaderRules
) -> _HeaderLine | None:
    """A "|"-separated line ("Presidencia de la República | 30 de noviembre de 2018",
    "Comunicado 412 | 20 de noviembre de 2025") is a header when every part is one."""
    merged = _Header()
    for part in (p.strip() for p in line.split("|")):
        header = _classify_header(part, dates, rules, above_title=True) if part else _HeaderLine()
        if header is None:
            return None
        merged.add(header)
    return _HeaderLine(merged.issuer, merged.date, merged.release_number, merged.place)


def _skip_header(
    lines: list[str],
    pos: int,
    found: _Header,
    dates: list[DatePatterns],
    rules: HeaderRules,
    dropped: list[str],
    *,
    above_title: bool,
) -> int:
    while pos < len(lines):
        header = _classify_header(lines[pos], dates, rules, above_title=above_title)
        if header is None:
            break
        found.add(header)
        dropped.append(lines[pos])
        pos += 1
    return pos


def _title(
    lines: list[str],
    pos: int,
    metadata: dict[str, str],
    dates: list[DatePatterns],
    rules: HeaderRules,
) -> tuple[str | None, int]:
    """The title: the metadata's when it has one, else a first line that reads like a title."""
    first = lines[pos] if pos < len(lines) else None
    meta_title = _clean(metadata.get("title", ""))
    if meta_title:
        same = first is not None and fold(first) == fold(meta_title)
        return (first, pos + 1) if same else (meta_title, pos)
    if first is not None and pos + 1 < len(lines) and _reads_like_title(first, dates, rules):
        return first, pos + 1
    return None, pos


def _reads_like_title(line: str, dates: list[DatePatterns], rules: HeaderRules) -> bool:
    if len(line) > rules.title_max_chars or bullet_text(line, rules.bullets) is not None:
        return False
    if is_dateline(line, dates, parse_date, _known_place):
        return False
    return not (len(line.split()) >= _PROSE_WORDS and line.endswith((".", "!", "?", ":")))


def _issuer_line(
    lines: list[str],
    pos: int,
    found: _Header,
    dates: list[DatePatterns],
    rules: HeaderRules,
    dropped: list[str],
) -> tuple[str | None, int]:
    """An issuer right below the title: header when a date/rule line follows (gob.mx), else a
    lead line that stays in the text ("Office of the Spokesperson")."""
    if pos >= len(lines) or not full_match(rules.issuers, lines[pos]):
        return None, pos
    line = lines[pos]
    found.add(_HeaderLine(issuer=line))
    following = lines[pos + 1] if pos + 1 < len(lines) else ""
    if following and _classify_header(following, dates, rules, above_title=False) is not None:
        dropped.append(line)
        return None, pos + 1
    return line, pos + 1


def _local_reading(dateline: Dateline, language: str) -> date | None:
    """The dateline's date, a numeric one read in the order of its place's country:
    "WELLINGTON, 7/2/2024" is 7 February, "WASHINGTON, 7/2/2024" July 2."""
    written = dateline.date_text
    if written is None or not is_numeric_date(written) or settled_order(written) is not None:
        return dateline.date
    country = place_country(dateline.place)
    if country is None:
        return dateline.date
    return numeric_date(written, default_order(language, country)) or dateline.date


def _known_place(place: str) -> bool:
    gaz = gazetteer.load()
    return any(gaz.lookup(part) is not None for part in place_parts(place))


def _drop_opening_headers(
    lines: list[str],
    title: str | None,
    dates: list[DatePatterns],
    rules: tuple[HeaderRules, BoilerplateRules],
    found: _Header,
    dropped: list[str],
) -> list[str]:
    """Labels, date lines, download/share lines and a repeated title among the opening lines
    (a breadcrumb or an agency line may come before them) are header, not text: "FOR IMMEDIATE
    RELEASE", "Wednesday, May 21, 2014", "Descargar", the headline printed again."""
    headers, boiler = rules
    kept: list[str] = []
    summary = False  # a first paragraph (GOV.UK's summary) may come before "From:"/"Published"
    for index, line in enumerate(lines):
        prose = len(line.split()) >= _PROSE_WORDS
        if index >= OPENING_WINDOW or (prose and summary):
            return kept + lines[index:]
        if prose or (summary and not is_labelled(line, headers)):
            summary = True
            kept.append(line)
            continue
        header = _classify_header(line, dates, headers, above_title=False)
        widget = is_widget(line, boiler)
        if header is None and not widget and not (title and fold(line) == fold(title)):
            kept.append(line)
            continue
        found.add(header or _HeaderLine())
        dropped.append(line)
    return kept


def _title_date(title: str | None, dates: list[DatePatterns]) -> date | None:
    """A full date closing the title ("Department Press Briefing – June 11, 2021", "Comunicado
    CPC Coahuila y Campeche 13 de mayo de 2020"): the release's own date, printed in its head."""
    if not title:
        return None
    end = len(title.rstrip(" .)"))
    for patterns in dates:
        for match in patterns.date.finditer(title):
            if match.end() == end and match.start() > 0:
                return parse_date(match.group(0), patterns.language)
    return None


def _published(
    header_date: date | None,
    dateline_date: date | None,
    metadata_date: str | None,
    dates: list[DatePatterns],
) -> tuple[date | None, PublishedSource | None]:
    """Header date line, else the dateline, else the metadata; never a guess."""
    if header_date:
        return header_date, "header"
    if dateline_date:
        return dateline_date, "dateline"
    when = _metadata_date(metadata_date, dates) if metadata_date else None
    return (when, "metadata") if when else (None, None)


def _metadata_date(value: str, dates: list[DatePatterns]) -> date | None:
    iso = _ISO_DATE.match(value)
    if iso:
        try:
            return date.fromisoformat(iso.group(1))
        except ValueError:
            return None
    for patterns in dates:
        when = parse_date(value, patterns.language)
        if when:
            return when
    return None
