"""What follows a release and is not part of it: end marks and what comes after them, related
headlines, contact, download and share lines, agency trailers, and a closing publication line
(whose date is kept). The patterns live in models/segment/boilerplate.yaml."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from prensa.ingest.patterns import BoilerplateRules, DatePatterns, full_match

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
#: How a line that ends a sentence ends (closing quotes and brackets included).
_SENTENCE_END = (".", "!", "?", ":", ";", "…", ")", '"', "”", "»", "’", "'")
_SENTENCE_INSIDE = re.compile(r"[.!?…]\s")

DateParser = Callable[[str, str], "date | None"]


@dataclass
class Tail:
    """The body lines kept, the lines dropped, and what closing lines said about the release."""

    kept: list[str]
    dropped: list[str] = field(default_factory=list)
    release_number: str | None = None
    published: date | None = None


def is_widget(line: str, rules: BoilerplateRules) -> bool:
    """A share, download, contact or credit line: never release text, wherever it stands."""
    return bool(full_match(rules.trailing, line)) or _is_share_line(line, rules)


def strip_tail(
    lines: list[str],
    rules: BoilerplateRules,
    dates: list[DatePatterns],
    release_numbers: Sequence[re.Pattern[str]],
    parse: DateParser,
) -> Tail:
    """Separators anywhere, and the trailing material after the release's last line."""
    tail = Tail(kept=[])
    cut = _tail_cut(lines, rules)
    if cut is not None:
        tail.dropped.extend(lines[cut:])
        lines = lines[:cut]
    for line in lines:
        if full_match(rules.separators, line) or full_match(rules.end_marks, line):
            tail.dropped.append(line)
        else:
            tail.kept.append(line)
    kept, headlines = tail.kept, 0
    while kept:
        last = kept[-1]
        if full_match(release_numbers, last):
            tail.release_number = tail.release_number or last
        elif when := _publication_line(last, dates, parse):
            tail.published = tail.published or when
        elif is_widget(last, rules):
            pass
        elif headlines < rules.headline.max_lines and _is_headline(kept, rules, dates):
            headlines += 1
        else:
            break
        tail.dropped.append(kept.pop())
    return tail


def _is_headline(lines: list[str], rules: BoilerplateRules, dates: list[DatePatterns]) -> bool:
    """Whether the last line reads like a headline hanging after the release's last sentence."""
    if len(lines) < 2:
        return False
    line, before = lines[-1], lines[-2]
    limits = rules.headline
    if len(line) > limits.max_chars or len(line.split()) < limits.min_words:
        return False
    if not line[0].isupper() or line.endswith(_SENTENCE_END) or not before.endswith(_SENTENCE_END):
        return False
    if _SENTENCE_INSIDE.search(line):  # "Muchas gracias. ---": the end of a speech, not a headline
        return False
    return not any(p.place_date.match(line) or p.dateline(line) for p in dates)


def _tail_cut(lines: list[str], rules: BoilerplateRules) -> int | None:
    """Index of an end mark or "related" heading close enough to the end to cut from."""
    start = max(0, len(lines) - 1 - rules.tail.max_lines)
    for index in range(start, len(lines)):
        line = lines[index]
        marks = full_match(rules.end_marks, line) or full_match(rules.related_headings, line)
        if marks and all(len(after) <= rules.tail.max_chars for after in lines[index + 1 :]):
            return index
    return None


def _is_share_line(line: str, rules: BoilerplateRules) -> bool:
    words = _WORD.findall(line.casefold())
    if not words or len(line) > 120 or any(ch.isdigit() for ch in line):
        return False
    allowed = rules.share_words | rules.share_connectors
    return all(w in allowed for w in words) and any(w in rules.share_words for w in words)


def _publication_line(line: str, dates: list[DatePatterns], parse: DateParser) -> date | None:
    """The date of a closing "Publicado: 3 de marzo de 2025" / "Published 3 March 2025" line."""
    for patterns in dates:
        match = patterns.header_date.fullmatch(line)
        if match:
            return parse(match["date"], patterns.language)
    return None
