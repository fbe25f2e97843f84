"""The release as the actor rules see it, and the actors they fall back on: the issuing
government for 'we', the countries a release is about for 'both governments', the speaker
for 'I'.

The issuing government is the government of ``DocContext.issuer_country`` as
:mod:`prensa.kb.governments` knows it; a release whose issuer country is unknown gets the
lexicon's ``unknown_issuer`` ("issuing government"), never a country guessed from the language.
A local issuer (a state's judiciary, a municipality: :func:`prensa.ingest.issuer.local_issuer`)
speaks for itself: its "we" and its impersonal decisions are the issuer's, not its country's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from prensa.extract.commitments.actors import Actors, Cast
from prensa.extract.commitments.grammar import Lines
from prensa.extract.commitments.lexicon import Lexicon
from prensa.ingest.issuer import local_issuer
from prensa.kb.governments import government
from prensa.text import doc_text

#: A 'NAME, TITLE:' header line that introduces a speaker in a transcript.
_SPEAKER_LINE = re.compile(r"^[^\n:a-z]{3,120}:", re.MULTILINE)
#: A line in capitals alone that does the same ('ADÁN AUGUSTO LÓPEZ HERNÁNDEZ, GOBERNADOR').
_CAPITALS_LINE = re.compile(r"^[^\na-z]{3,120}$", re.MULTILINE)
#: Most countries an impersonal clause is taken to speak for.
_MAX_PARTIES = 3
#: Bracketed additions to an issuer's name ('(CPC Coahuila)', '(…; publicado en …)').
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_OPENING_QUOTES = '“"«'
_CLOSING_QUOTES = "”»"


@dataclass(frozen=True)
class Scene:
    """What every actor rule reads: the Doc, its lines, the lexicon and the cast."""

    doc: Doc
    lines: Lines
    lex: Lexicon
    cast: Cast
    #: ISO alpha-2 country of the issuer, when known.
    issuer_country: str | None = None
    #: A local issuer's name without bracketed additions; None for a national or unknown one.
    local_body: str | None = None

    def home(self) -> Actors:
        """The issuing government ('we', 'el Gobierno', 'our Government'): a local issuer
        itself, else the issuer's government, as the release names it when it does; a country
        prensa has no government for stands for itself."""
        if self.local_body:
            body = self.cast.body_named(self.local_body)
            return Actors.of(body[:1]) if body else Actors.named(self.local_body)
        return self.country_home()

    def country_home(self) -> Actors:
        """The issuer's country or national government ('nuestro país', 'our nation')."""
        code = self.issuer_country
        if code is None:
            return Actors.named(self.lex.raw.unknown_issuer)
        gov = government(code)
        if gov is None:
            ents = self.cast.country(code)
            return Actors.of(ents[:1]) if ents else Actors.named(code)
        ents = self.cast.named(*gov.names())
        if ents:
            return Actors.of(ents[:1])
        local = gov.name_es if self.lex.language == "es" else gov.name_en
        return Actors.named(local or gov.name)

    def participants(self, kind: str = "country", count: int | None = None) -> Actors:
        """The countries (or people) the release is about; the home government if none."""
        ents = self.cast.participants(kind, count)
        return Actors.of(ents) if ents else self.home()

    def parties(self) -> Actors:
        """Whom an impersonal clause ('se acordó…') speaks for: the countries of a bilateral or
        trilateral release; the home government when it names none, or more (a summit, a
        regional programme: 'se va a realizar…' is not twenty countries' doing)."""
        ents = self.cast.participants("country", None)
        return Actors.of(ents) if 0 < len(ents) <= _MAX_PARTIES else self.home()

    def speaker(self, token: Token) -> Actors | None:
        """Who says 'I': the last 'NAME, TITLE:' header above; inside a quotation, the person
        named just before it; else a person named in the title line."""
        text = doc_text(self.doc)
        for header in reversed(_headers(text[: token.idx])):
            found = self.cast.in_chars(header.start(), header.end(), "person")
            found = found or self.cast.person_named_in(header.group())
            if found:
                return Actors.of(found[:1])
        line_start = text.rfind("\n", 0, token.idx) + 1
        quote = _open_quote(text, line_start, token.idx)
        prev_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        if quote != -1 or text[:line_start].rstrip().endswith(":"):
            end = quote if quote != -1 else line_start
            found = self.cast.in_chars(prev_start, end, "person")
            if found:
                return Actors.of(found[-1:])
        title_end = text.find("\n")
        found = self.cast.in_chars(0, title_end if title_end != -1 else len(text), "person")
        return Actors.of(found[:1]) if found else None


def local_body(issuer: str | None) -> str | None:
    """The name a local issuer goes by in its release ('Consejo de Participación Ciudadana…'
    without '(CPC Coahuila)'), once per release; None when the issuer is not local."""
    if not local_issuer(issuer):
        return None
    return _BRACKETED.sub("", issuer or "").strip(" .,;:") or None


def _headers(text: str) -> list[re.Match[str]]:
    """Speaker header lines of ``text`` in order: 'NAME, TITLE:' and lines in capitals."""
    caps = [
        m
        for m in _CAPITALS_LINE.finditer(text)
        if any(c.isupper() for c in m.group()) and not any(c.islower() for c in m.group())
    ]
    return sorted([*_SPEAKER_LINE.finditer(text), *caps], key=lambda m: m.start())


def _open_quote(text: str, start: int, end: int) -> int:
    """Offset of the quotation still open at ``end`` on its line, or -1: '“La Mañanera”, les
    estaré informando' quotes a name, closed before the verb."""
    quote = max(text.rfind(q, start, end) for q in _OPENING_QUOTES)
    if quote == -1:
        return -1
    if text[quote] == '"':  # straight quotes open and close alike: an odd count is open
        return quote if text[start:end].count('"') % 2 == 1 else -1
    return -1 if any(c in text[quote + 1 : end] for c in _CLOSING_QUOTES) else quote
