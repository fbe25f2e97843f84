"""The parse as the commitment rules read it: spaCy's labels, and lines a clause never crosses.

Dependency labels and part-of-speech tags are spaCy's annotation scheme (Universal Dependencies
for Spanish, ClearNLP for English), not language rules, so they stay here as constants.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from prensa.extract.commitments.lexicon import Lexicon
from prensa.text import doc_text

VERBS = frozenset({"VERB", "AUX"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "csubj", "obj", "dobj", "acl", "advcl"})
OBJECT_DEPS = frozenset({"obj", "dobj"})
#: The conditional mood, the future of a clause reported in the past ("dijo que apoyaría").
CONDITIONAL = "Cnd"
REFLEXIVE_DEPS = frozenset({"obj", "iobj", "expl", "expl:pv", "expl:pass", "expl:impers"})
#: Subtrees that never belong to an action phrase: other clauses, coordination, punctuation.
ACTION_STOP_DEPS = frozenset({"conj", "cc", "punct", "parataxis"})


@dataclass(frozen=True)
class Lines:
    """Line starts, so a clause never borrows words from the line above (titles, headers)."""

    starts: list[int]

    @classmethod
    def of(cls, doc: Doc) -> Lines:
        return cls([0, *(m.end() for m in re.finditer(r"\n", doc_text(doc)))])

    def line(self, token: Token) -> int:
        return bisect.bisect_right(self.starts, token.idx) - 1

    def same(self, a: Token, b: Token) -> bool:
        return self.line(a) == self.line(b)

    def end(self, token: Token) -> int:
        """Index of the first token after ``token``'s line."""
        line = self.line(token)
        doc = token.doc
        i = token.i
        while i < len(doc) and self.line(doc[i]) == line:
            i += 1
        return i


def children(token: Token, lines: Lines, deps: Iterable[str] | None = None) -> list[Token]:
    """``token``'s dependents on its own line, optionally only those with one of ``deps``."""
    wanted = None if deps is None else frozenset(deps)
    return [
        c for c in token.children if lines.same(c, token) and (wanted is None or c.dep_ in wanted)
    ]


def is_infinitive(token: Token, lex: Lexicon) -> bool:
    if lex.language == "es":
        return "Inf" in token.morph.get("VerbForm")
    return token.tag_ in ("VB", "VBG") or any(
        c.dep_ == "aux" and lex.has("infinitive_marks", c) for c in token.children
    )


def person_number(token: Token) -> tuple[str | None, str | None]:
    """Grammatical person and number of a clause, read off the verb or its auxiliary."""
    for t in (token, *(c for c in token.children if c.dep_ in ("aux", "cop"))):
        person, number = t.morph.get("Person"), t.morph.get("Number")
        if person:
            return person[0], number[0] if number else None
    return None, None


def across_lines(a: Token, b: Token) -> bool:
    return "\n" in doc_text(a.doc)[min(a.idx, b.idx) : max(a.idx, b.idx)]


def after_comma(token: Token) -> bool:
    """', continuar con…': a comma right before the verb or opening its phrase."""
    doc = token.doc
    return (token.i > 0 and doc[token.i - 1].text == ",") or doc[token.left_edge.i].text == ","
