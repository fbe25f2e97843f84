"""Single lines of a release's layout: lead bullets, and labels printed above their values."""

from __future__ import annotations

from prensa.ingest.patterns import HeaderRules, full_match


def bullet_text(line: str, bullets: str) -> str | None:
    """The item of a bullet line ("• Se acordó …" -> "Se acordó …"), else None."""
    if len(line) < 2 or line[0] not in bullets:
        return None
    # ASCII and dash markers need a space ("- x"); glyphs like • may touch the text.
    if line[0] in "-–*" and not line[1].isspace():
        return None
    item = line[1:].strip()
    return item or None


def lead_bullets(lines: list[str], pos: int, bullets: str) -> tuple[list[str], int]:
    """The bullet items from line ``pos`` on (a lead's key points), and the line after them."""
    lead: list[str] = []
    while pos < len(lines):
        item = bullet_text(lines[pos], bullets)
        if item is None:
            break
        lead.append(item)
        pos += 1
    return lead, pos


def is_labelled(line: str, rules: HeaderRules) -> bool:
    """A header line that says what it is ("From: …", "Published 4 June 2024")."""
    return bool(full_match(rules.issuer_labels, line) or full_match(rules.labelled_dates, line))


def join_bare_labels(lines: list[str], rules: HeaderRules) -> list[str]:
    """ "From:" / "Published" alone on a line, then their value: one line, as other sites print."""
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if index + 1 < len(lines) and full_match(rules.bare_labels, line):
            joined.append(f"{line} {lines[index + 1]}")
            index += 2
            continue
        joined.append(line)
        index += 1
    return joined
