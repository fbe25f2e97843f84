"""Roles: the role's person matches the gold person as for people, and the titles agree.

Titles agree when they have the same head word (compared on its stem, so "secretario" ~
"secretaria") and a Jaccard similarity of at least 0.5 on the content-word stems. The head is
the first or the last word of the title's first run of content words, as
``models/evaluation/stopwords.yaml`` says for the language (Spanish "secretario de Estado",
English "Foreign Secretary", "Secretary of State"); premodifiers such as "próximo" or
"former" are skipped. Optional roles are written 'Person: title'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from prensa.evaluate.gold.matching import FieldScore, as_text, match_items
from prensa.evaluate.gold.names import person_forms
from prensa.evaluate.gold.schema import GoldPerson, GoldRole
from prensa.evaluate.gold.vocabulary import Vocabulary, best_form, name_match, vocabulary, words
from prensa.text import fold


@dataclass(frozen=True)
class _Role:
    person: tuple[str, ...]
    titles: tuple[str, ...]

    def show(self) -> str:
        return f"{self.person[0] if self.person else '?'}: {self.titles[0] if self.titles else '?'}"


def _pred_roles(roles: Sequence[Any], people: Sequence[Any]) -> list[_Role]:
    """Roles name their person by ``person_id`` (looked up in ``people``) or by a name field."""
    by_id = {getattr(p, "person_id", None): p for p in people}
    out: list[_Role] = []
    for role in roles:
        forms: list[str] = []
        for attr in ("person", "person_name", "name"):
            value = getattr(role, attr, None)
            if isinstance(value, str) and value:
                forms.append(value)
        person = by_id.get(getattr(role, "person_id", None))
        if person is not None:
            forms.extend(person_forms(person))
        titles = [as_text(getattr(role, a, None)) for a in ("title", "title_es", "title_en")]
        out.append(_Role(tuple(f for f in forms if f), tuple(t for t in titles if t)))
    return out


def _title_head(title: str, language: str, vocab: Vocabulary) -> str | None:
    """Stem of a title's head word; see the module docstring for the rule."""
    premodifiers = vocab.premodifiers.get(language, frozenset())
    ws = [w for w in words(title) if len(w) > 1]
    while ws and (ws[0] in premodifiers or vocab.is_function(ws[0])):
        ws = ws[1:]
    run: list[str] = []
    for w in ws:
        if vocab.is_function(w):
            break
        run.append(w)
    if not run:
        return None
    return vocab.stem(run[-1] if vocab.title_head.get(language) == "last" else run[0])


def title_match(pred: str, gold: str, language: str, vocab: Vocabulary | None = None) -> float:
    """Jaccard of content-word stems when the heads agree and it is at least 0.5, else 0."""
    vocab = vocab or vocabulary()
    head = _title_head(gold, language, vocab)
    if head is None or _title_head(pred, language, vocab) != head:
        return 0.0
    a, b = set(vocab.stems(pred)), set(vocab.stems(gold))
    jaccard = len(a & b) / len(a | b) if a | b else 0.0
    return jaccard if jaccard >= 0.5 else 0.0


def _role_pair(
    p: _Role, person: Sequence[str], title: str, language: str, vocab: Vocabulary
) -> float:
    who = best_form(name_match, p.person, person, vocab)
    if not who:
        return 0.0
    what = max((title_match(t, title, language, vocab) for t in p.titles), default=0.0)
    return who + what if what else 0.0


def score_roles(
    predicted: Sequence[Any],
    predicted_people: Sequence[Any],
    gold: Sequence[GoldRole],
    gold_people: Sequence[GoldPerson],
    optional: Sequence[str] = (),
    language: str = "es",
) -> FieldScore:
    """Roles: see the module docstring."""
    vocab = vocabulary()
    forms = {fold(p.name): [p.name, *p.aliases] for p in gold_people}

    def gold_forms(name: str) -> list[str]:
        return forms.get(fold(name), [name])

    parsed = [tuple(o.split(":", 1)) if ":" in o else ("", o) for o in optional]
    return match_items(
        _pred_roles(predicted, predicted_people),
        gold,
        parsed,
        lambda p, g: _role_pair(p, gold_forms(g.person), g.title, language, vocab),
        lambda p, o: _role_pair(p, gold_forms(o[0].strip()), o[1].strip(), language, vocab) > 0,
        _Role.show,
        lambda g: f"{g.person}: {g.title}",
    )
