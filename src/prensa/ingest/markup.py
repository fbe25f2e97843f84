"""Markup to plain text: every offset downstream points into text without tags or Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import trafilatura
from markdown_it import MarkdownIt
from markdown_it.token import Token

#: A bullet glyph at the start of a soft-wrapped Markdown line keeps that line on its own.
_BULLET_START = re.compile(r"^[•●▪◦‣∙·○■□►▶➢➤✓]\s")
_HTML_TAG = re.compile(
    r"<(?:p|br|div|span|ul|ol|li|h[1-6]|a|strong|em|b|i|u|table|tr|td|blockquote|section|article)"
    r"\b[^>]*>",
    re.IGNORECASE,
)
#: Only dates written in the markup (meta, time, JSON-LD); never guessed from the prose.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class HtmlPage:
    """The article of an HTML page and the metadata its markup declares."""

    text: str
    metadata: dict[str, str] = field(default_factory=dict)


def looks_like_html(text: str) -> bool:
    """True when a text field carries HTML tags (CMS exports often store the body as HTML)."""
    return bool(_HTML_TAG.search(text))


def html_page(html: str) -> HtmlPage:
    """The article of a whole page (no menus, scripts, share buttons or footer) with its title."""
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        text = trafilatura.extract(html, favor_recall=True, include_comments=False) or ""
    if not text.strip():
        text = _plain_html_text(html)
    declared = _declared_meta(html)
    metadata = {
        key: " ".join(value.split())
        for key, value in (
            ("title", getattr(doc, "title", None)),
            ("date", getattr(doc, "date", None)),
            ("url", getattr(doc, "url", None)),
            # trafilatura trims author names ("Office of the Spokesperson" -> "Office").
            ("issuer", _first(declared, _ISSUER_META) or getattr(doc, "author", None)),
        )
        if isinstance(value, str) and value.strip()
    }
    return HtmlPage(text=_tidy(text), metadata=metadata)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a body field), one block per line."""
    wrapped = f"<html><body><article>{fragment}</article></body></html>"
    text = trafilatura.extract(wrapped, favor_recall=True, include_comments=False) or ""
    if not text.strip():
        # trafilatura skips fragments it deems too short to be an article.
        text = _plain_html_text(fragment)
    return _tidy(text)


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown release: headings, paragraphs and list items one per line.

    Links keep their text, images their alt text, emphasis and code marks go; bullet items are
    written "• item" so lead bullets survive; rules (``---``) are dropped.
    """
    lines: list[str] = []
    lists: list[list[int]] = []  # per open list: [is_ordered, next number]
    prefix = ""
    for token in MarkdownIt("commonmark").parse(markdown):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1)
            lists.append([int(kind == "ordered_list_open"), start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists:
            ordered, number = lists[-1]
            prefix = f"{number}. " if ordered else "• "
            lists[-1][1] += 1
        elif kind == "inline":
            lines.extend((prefix + _inline_text(token.children or [])).split("\n"))
            prefix = ""
        elif kind in ("fence", "code_block"):
            lines.extend(token.content.rstrip("\n").split("\n"))
        elif kind == "html_block":
            lines.extend(html_to_text(token.content).split("\n"))
    return "\n".join(line.strip() for line in lines if line.strip())


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    for i, child in enumerate(children):
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(_inline_text(child.children or []) or child.content)
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "softbreak":
            following = children[i + 1].content if i + 1 < len(children) else ""
            parts.append("\n" if _BULLET_START.match(following) else " ")
    return "".join(parts)


#: <meta> names that state who issued a page, in order of preference.
_ISSUER_META: tuple[str, ...] = ("author", "dc.creator", "dc.publisher", "article:author")


class _MetaCollector(HTMLParser):
    """The content of every <meta name=...>/<meta property=...> tag, names lower-cased."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta":
            return
        values = dict(attrs)
        name, content = values.get("name") or values.get("property"), values.get("content")
        if name and content and content.strip():
            self.meta.setdefault(name.strip().lower(), content.strip())


def _declared_meta(html: str) -> dict[str, str]:
    collector = _MetaCollector()
    collector.feed(html)
    collector.close()
    return collector.meta


def _first(meta: dict[str, str], names: tuple[str, ...]) -> str | None:
    """The first named value that is a name, not a profile URL."""
    return next((meta[n] for n in names if n in meta and "://" not in meta[n]), None)


class _TextCollector(HTMLParser):
    """Last-resort HTML to text: block tags become line breaks, scripts and styles vanish."""

    # fmt: off
    _BLOCKS = frozenset({
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
        "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    })
    # fmt: on
    _SKIP = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _plain_html_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return "".join(collector.parts)


def _tidy(text: str) -> str:
    """One non-blank line per block, white space collapsed inside lines."""
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)
