"""One document's tokens as the title patterns read them: folded words, where people and
entities are, line breaks, and the title as written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Self

from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Doc, Span, Token

from prensa import titles
from prensa.labels import ORG_LABELS, PLACE_LABELS
from prensa.records import Language
from prensa.text import doc_text

#: Longest title read, in tokens; longer runs are prose, not titles.
MAX_TITLE = 24


@dataclass(frozen=True)
class Found:
    """A title found next to a person mention, before normalisation."""

    person_id: str
    name: Span
    start: int
    end: int
    text: str
    country: str | None = None
    organizations: tuple[str, ...] = ()
    context_organization: str | None = None
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocView:
    """One document's tokens, folded, with where people are: shared by every pattern."""

    doc: Doc
    language: Language
    words: list[str]
    person_starts: dict[int, tuple[Span, str]]
    in_names: frozenset[int]
    entity_at: dict[int, Span] = field(default_factory=dict)
    #: Each token's text and whether it is white space, read once: patterns test them at
    #: every token, and each ``doc[i]`` builds a new Token.
    texts: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    #: The language's title lexicon, fetched once per document.
    matcher: titles.TitleMatcher | None = None
    #: ``title_at`` per token, filled as patterns ask: they ask again and again at the same
    #: tokens, and the answer depends only on the fields above.
    _titles: dict[int, tuple[int, titles.TitleForm] | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def build(cls, doc: Doc, language: Language, people: list[tuple[Span, str]]) -> Self:
        starts = {span.start: (span, pid) for span, pid in people}
        in_names = frozenset(i for span, _ in people for i in range(span.start, span.end))
        entity_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        # Read from the Doc's arrays: a Token object per word costs more than the look-ups.
        table = doc.to_array([ORTH, IS_SPACE])
        strings = doc.vocab.strings
        texts = [strings[orth] for orth in table[:, 0].tolist()]
        words = [titles.key(text) for text in texts]
        spaces = [bool(flag) for flag in table[:, 1].tolist()]
        matcher = titles.title_matcher(language)
        return cls(doc, language, words, starts, in_names, entity_at, texts, spaces, matcher)

    # --- token tests --------------------------------------------------------------------------

    def line_start(self, i: int) -> int:
        while i > 0 and not self.breaks_before(i):
            i -= 1
        return i

    def breaks_before(self, i: int) -> bool:
        """A line break between token ``i - 1`` and token ``i``."""
        if i <= 0 or i >= len(self.doc):
            return True
        here, prev = self.doc[i], self.doc[i - 1]
        return any(
            "\n" in text
            for text in (
                prev.whitespace_,
                prev.text if prev.is_space else "",
                here.text if here.is_space else "",
            )
        )

    def capitalised(self, token: Token) -> bool:
        text = token.text
        return bool(text) and (text[0].isupper() or text[0].isdigit())

    def title_at(self, i: int) -> tuple[int, titles.TitleForm] | None:
        """The title form starting at token ``i``; never a word of a name ('Bernardo Reyes')."""
        if i in self._titles:
            return self._titles[i]
        if i >= len(self.texts) or self.spaces[i] or i in self.in_names:
            found = None
        else:
            matcher = self.matcher or titles.title_matcher(self.language)
            found = matcher.match(self.words, i, self.texts[i])
        self._titles[i] = found
        return found

    def starts_title(self, i: int) -> bool:
        """A title (maybe after an article and modifiers) starts at ``i``."""
        i = self.skip_articles(i)
        for _ in range(4):
            if self.title_at(i):
                return True
            mod = titles.match_modifier(self.words, i, self.language)
            if not mod:
                return False
            i += mod[0]
        return False

    def skip_articles(self, i: int) -> int:
        while i < len(self.doc) and self.words[i] in titles.articles():
            i += 1
        return i

    # --- the title grammar ----------------------------------------------------------------------

    # --- text ---------------------------------------------------------------------------------

    def written(self, start: int, end: int) -> str:
        """The title as written; an upper-case header takes the casing the release uses
        elsewhere for the same words, else sentence case."""
        text = " ".join(self.doc[start:end].text.split())
        if not text.isupper():
            return text
        pattern = re.compile(r"\s+".join(map(re.escape, text.split())), re.IGNORECASE)
        for found in pattern.finditer(doc_text(self.doc)):
            candidate = " ".join(found.group().split())
            if not candidate.isupper():
                return candidate
        return titles.restore_case(text, self.language)

    def found(
        self,
        pid: str,
        name: Span,
        start: int,
        end: int,
        country: str | None,
        context: tuple[str, ...],
    ) -> Found:
        """The title at ``start:end`` as written, with the organisations it names and the
        first one of the text before it (``context``)."""
        return Found(
            pid,
            name,
            start,
            end,
            self.written(start, end),
            country,
            self.organizations_in(start, end),
            context[0] if context else None,
            self.entities_in(start, end, PLACE_LABELS),
        )

    def organizations_in(self, start: int, end: int) -> tuple[str, ...]:
        return self.entities_in(start, end, ORG_LABELS)

    def entities_in(self, start: int, end: int, labels: frozenset[str]) -> tuple[str, ...]:
        """The text of each entity with one of ``labels`` wholly inside ``start:end``."""
        seen = {
            id(ent): ent.text
            for i in range(start, end)
            if (ent := self.entity_at.get(i)) is not None
            and ent.label_ in labels
            and ent.start >= start
            and ent.end <= end
        }
        return tuple(seen.values())
