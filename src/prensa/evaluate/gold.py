"""Scores extracted records against hand-made gold files (``GOLD-FORMAT.md``), field by field.

Every comparison is accent- and case-insensitive (``prensa.text.fold``) and works on whole
words. Each gold item is matched at most once: candidate pairs are ranked by how well they agree
(exact text first, then same words, then shorter forms) and taken greedily, so one good
prediction never hides behind a worse one. A prediction left unmatched is a false positive, a
gold item left unmatched a false negative. A prediction that matches an ``optional_<field>``
entry instead is dropped from both sides: borderline items are neither rewarded nor penalised.
Counts are added over documents before precision, recall and F1 are computed (micro-average).

Matching rules, per field:

- **people**: the predicted name (or one of its aliases) equals the gold name or a gold alias,
  or is a shorter form of one of them: its words are a contiguous run of the gold form's words
  that includes a surname (the last word, or one of the last two when the name has three words
  or more). A first name alone matches only when the gold lists it as an alias. One-letter
  initials are ignored on both sides ("Antony J. Blinken" = "Antony Blinken").
- **organizations**: the predicted name, acronym or an alias equals the gold name or an alias,
  or one is a contiguous run of the other's words covering more than half of the longer one's
  content words ("Relaciones Exteriores" ~ "Secretaría de Relaciones Exteriores", but not
  "Secretaría" alone). Leading and trailing function words ("la", "the") are ignored.
- **places**: the same rule against the gold name, with the predicted name, gazetteer name and
  aliases; ``kind`` is not required to agree.
- **dates**: the ISO values are equal and the texts overlap (one's words are a contiguous run of
  the other's: "ayer" ~ "el día de ayer"). ``dates_strict`` also wants the same granularity
  and the same relative flag; ``dates_span`` ignores the value (detection only). Predictions
  are first reduced to one per distinct (text, value), as the gold lists them.
- **roles**: the role's person matches the gold person as for people, and the titles agree:
  the same head word (compared on a five-letter stem, so "secretario" ~ "secretaria") and a
  Jaccard similarity of at least 0.5 on the content-word stems. The head is the first content
  word of a Spanish title and the last of the first run of content words of an English one
  ("Foreign Secretary", "Secretary of State"); "próximo", "former"… are skipped.
- **commitments**: an actor of each side overlaps (one name's words contained in the other's)
  and the actions agree: the same head verb (first content word, five-letter stem, so
  "enviará" ~ "enviar") or content-word stems shared by at least half of the smaller action.
- **topics** (recall only): a gold keyword is found when a predicted topic's English or Spanish
  label or one of its evidence terms shares a content-word stem with it.

Roles, commitments and topics are scored only when the predicted record has those fields. They
are read duck-typed, so any object with the attributes named in ``_pred_roles``,
``_pred_commitments`` and ``_topic_terms`` works.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from prensa.errors import DataFormatError
from prensa.evaluate.metrics import Counts
from prensa.nlp import ModelNotInstalledError
from prensa.records import DocumentRecord, Granularity, Language, Modality, PlaceKind
from prensa.resources import LexiconError, load_yaml
from prensa.text import fold

P = TypeVar("P")
G = TypeVar("G")
O = TypeVar("O")  # noqa: E741 - optional items, by symmetry with P and G

#: Fields every prediction has, in report order.
BASE_FIELDS: tuple[str, ...] = (
    "people",
    "organizations",
    "places",
    "dates",
    "dates_strict",
    "dates_span",
)
#: Fields scored only when the predicted record carries them.
EXTRA_FIELDS: tuple[str, ...] = ("roles", "commitments", "topics")
#: Fields for which only recall means something (the gold list is not exhaustive).
RECALL_ONLY: frozenset[str] = frozenset({"topics"})
#: Stem length for loose word comparison: cheap, and enough for es/en inflection.
STEM = 5


# --- gold files -------------------------------------------------------------------------------


class GoldFormatError(DataFormatError):
    """One or more gold files do not parse or do not match the gold format."""


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldSource(_Gold):
    path: str
    repo: str | None = None
    commit: str | None = None
    guid: str | None = None


class GoldPerson(_Gold):
    name: str
    aliases: list[str] = []


class GoldRole(_Gold):
    person: str
    title: str
    organization: str | None = None
    country: str | None = None


class GoldOrganization(_Gold):
    name: str
    aliases: list[str] = []


class GoldPlace(_Gold):
    name: str
    kind: PlaceKind
    country: str | None = None


class GoldDate(_Gold):
    text: str
    value: str
    granularity: Granularity
    relative: bool


class GoldCommitment(_Gold):
    actors: list[str]
    action: str
    deadline: str | None = None
    modality: Modality
    evidence: str


class GoldDocument(_Gold):
    """One annotated release; ``optional_*`` hold borderline items as plain strings."""

    id: str
    language: Language
    source: GoldSource
    published: date
    dateline_place: str | None = None
    people: list[GoldPerson] = []
    roles: list[GoldRole] = []
    organizations: list[GoldOrganization] = []
    places: list[GoldPlace] = []
    dates: list[GoldDate] = []
    commitments: list[GoldCommitment] = []
    topics: list[str] = []
    optional_people: list[str] = []
    optional_roles: list[str] = []
    optional_organizations: list[str] = []
    optional_places: list[str] = []
    optional_dates: list[str] = []
    optional_commitments: list[str] = []


def load_gold(gold_dir: Path) -> list[GoldDocument]:
    """Every ``*.json`` under ``gold_dir``, sorted by path; one error lists every bad file."""
    paths = sorted(gold_dir.rglob("*.json"))
    if not paths:
        raise GoldFormatError(f"{gold_dir}: no gold files (*.json) found")
    documents: list[GoldDocument] = []
    problems: list[str] = []
    for path in paths:
        try:
            documents.append(GoldDocument.model_validate(json.loads(path.read_text("utf-8"))))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(f"{path}: {exc}")
        except ValidationError as exc:
            details = "; ".join(
                f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
            )
            problems.append(f"{path}: {details}")
    seen: dict[str, int] = {}
    for doc in documents:
        seen[doc.id] = seen.get(doc.id, 0) + 1
    problems.extend(f"{gold_dir}: id {i!r} is used by {n} files" for i, n in seen.items() if n > 1)
    if problems:
        raise GoldFormatError("bad gold files:\n" + "\n".join(problems))
    return documents


# --- words ------------------------------------------------------------------------------------


class _Stopwords(_Gold):
    function_words: dict[Language, list[str]]
    title_premodifiers: dict[Language, list[str]]


@cache
def _stopwords() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    data = load_yaml("evaluation/stopwords.yaml", _Stopwords)
    function = frozenset(fold(w) for words in data.function_words.values() for w in words)
    premodifiers = {
        lang: frozenset(fold(w) for w in words) for lang, words in data.title_premodifiers.items()
    }
    return function, premodifiers


_WORD = re.compile(r"\w+")


def words(text: str) -> tuple[str, ...]:
    """Folded words: 'Secretaría de Relaciones' -> ('secretaria', 'de', 'relaciones')."""
    return tuple(_WORD.findall(fold(text)))


def _is_function(word: str) -> bool:
    return word in _stopwords()[0]


def _content(ws: Sequence[str]) -> list[str]:
    return [w for w in ws if not _is_function(w)]


def _stems(text: str) -> list[str]:
    """Five-letter stems of the content words, in order, without repeats."""
    return list(dict.fromkeys(w[:STEM] for w in _content(words(text)) if len(w) > 1))


def _trim(ws: tuple[str, ...]) -> tuple[str, ...]:
    start, end = 0, len(ws)
    while start < end and _is_function(ws[start]):
        start += 1
    while end > start and _is_function(ws[end - 1]):
        end -= 1
    return ws[start:end]


def _find(short: Sequence[str], long: Sequence[str]) -> int:
    """Index where ``short`` runs contiguously inside ``long``, or -1."""
    n = len(short)
    if n == 0 or n > len(long):
        return -1
    for i in range(len(long) - n + 1):
        if tuple(long[i : i + n]) == tuple(short):
            return i
    return -1


def _overlaps(a: str, b: str) -> int:
    """2 same words, 1 one text's words run inside the other's, 0 otherwise."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0
    if wa == wb:
        return 2
    short, long = sorted((wa, wb), key=len)
    return 1 if _find(short, long) >= 0 else 0


def _name_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in words(text) if len(w) > 1)


def _is_short_name(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """A contiguous run of ``full`` that includes a surname, not a first name alone."""
    if not short or len(short) >= len(full):
        return False
    start = _find(short, full)
    if start < 0:
        return False
    surnames = {len(full) - 1} if len(full) <= 2 else {len(full) - 2, len(full) - 1}
    covered = range(start, start + len(short))
    return any(i in surnames and not _is_function(full[i]) for i in covered)


def name_match(pred: str, gold: str) -> int:
    """Fit of a predicted person name to a gold form: 3 same text, 2 same words, 1 short form."""
    if fold(pred) == fold(gold):
        return 3
    p, g = _name_words(pred), _name_words(gold)
    if not p or not g:
        return 0
    if p == g:
        return 2
    return 1 if _is_short_name(p, g) else 0


def phrase_match(pred: str, gold: str) -> int:
    """Organisation/place names: 3 same text, 2 same words, 1 containment covering most words."""
    if fold(pred) == fold(gold):
        return 3
    p, g = _trim(words(pred)), _trim(words(gold))
    if not p or not g:
        return 0
    if p == g:
        return 2
    short, long = sorted((p, g), key=len)
    if _find(short, long) < 0:
        return 0
    return 1 if len(_content(short)) * 2 > len(_content(long)) else 0


def _best(match: Callable[[str, str], int], preds: Iterable[str], golds: Sequence[str]) -> float:
    """Best agreement of any predicted form with any gold form. The gold's own name (listed
    first) wins ties over its aliases, so 'AMLO' does not take the full name's place."""
    best = 0.0
    for p in preds:
        for j, g in enumerate(golds):
            score = match(p, g) if p and g else 0
            if score:
                best = max(best, score + (0.1 if j == 0 else 0.0))
    return best


# --- generic one-to-one scoring ---------------------------------------------------------------


@dataclass(frozen=True)
class FieldScore:
    """Counts of one field in one document, with the items behind them for error analysis."""

    counts: Counts
    matched: tuple[tuple[str, str], ...] = ()
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    recall_only: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.counts.to_dict(self.recall_only),
            "matched": [list(pair) for pair in self.matched],
            "missed": list(self.missed),
            "spurious": list(self.spurious),
            "ignored": list(self.ignored),
        }


def match_items(
    preds: Sequence[P],
    golds: Sequence[G],
    optional: Sequence[O],
    pair: Callable[[P, G], float],
    optional_pair: Callable[[P, O], bool],
    show_pred: Callable[[P], str],
    show_gold: Callable[[G], str],
) -> FieldScore:
    """Greedy one-to-one matching on ``pair`` scores (> 0 means compatible, higher is better)."""
    candidates = [
        (score, i, j)
        for i, p in enumerate(preds)
        for j, g in enumerate(golds)
        if (score := pair(p, g)) > 0
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    pred_to_gold: dict[int, int] = {}
    taken: set[int] = set()
    for _score, i, j in candidates:
        if i not in pred_to_gold and j not in taken:
            pred_to_gold[i] = j
            taken.add(j)
    ignored: list[str] = []
    spurious: list[str] = []
    for i, p in enumerate(preds):
        if i in pred_to_gold:
            continue
        if any(optional_pair(p, o) for o in optional):
            ignored.append(show_pred(p))
        else:
            spurious.append(show_pred(p))
    missed = [show_gold(g) for j, g in enumerate(golds) if j not in taken]
    matched = [(show_pred(preds[i]), show_gold(golds[j])) for i, j in sorted(pred_to_gold.items())]
    return FieldScore(
        counts=Counts(tp=len(matched), fp=len(spurious), fn=len(missed)),
        matched=tuple(matched),
        missed=tuple(missed),
        spurious=tuple(spurious),
        ignored=tuple(ignored),
    )


# --- per-field scorers ------------------------------------------------------------------------


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _strings(values: object) -> list[str]:
    if isinstance(values, str):
        return [values]
    if isinstance(values, Iterable):
        return [v for v in values if isinstance(v, str) and v]
    return []


def _person_forms(person: object) -> list[str]:
    return [_text(getattr(person, "name", None)), *_strings(getattr(person, "aliases", []))]


def _strip_note(text: str) -> str:
    """'Ortega-Murillo (regime)' -> 'Ortega-Murillo': optional lists carry notes in brackets."""
    return re.sub(r"\s*\([^)]*\)", "", text).strip()


_G = TypeVar("_G", GoldPerson, GoldOrganization, GoldPlace)


def _score_named(
    predicted: Sequence[Any],
    gold: Sequence[_G],
    optional: Sequence[str],
    match: Callable[[str, str], int],
    forms: Callable[[object], list[str]],
    gold_names: Callable[[_G], list[str]],
) -> FieldScore:
    """People, organisations and places: a prediction's forms against a gold item's names."""
    return match_items(
        predicted,
        gold,
        [_strip_note(o) for o in optional],
        lambda p, g: _best(match, forms(p), gold_names(g)),
        lambda p, o: _best(match, forms(p), [o]) > 0,
        lambda p: _text(getattr(p, "name", None)),
        lambda g: g.name,
    )


def score_people(
    predicted: Sequence[Any], gold: Sequence[GoldPerson], optional: Sequence[str] = ()
) -> FieldScore:
    """People: see the module docstring."""
    return _score_named(
        predicted, gold, optional, name_match, _person_forms, lambda g: [g.name, *g.aliases]
    )


def _org_forms(org: object) -> list[str]:
    return [
        _text(getattr(org, "name", None)),
        _text(getattr(org, "acronym", None)),
        *_strings(getattr(org, "aliases", [])),
    ]


def score_organizations(
    predicted: Sequence[Any], gold: Sequence[GoldOrganization], optional: Sequence[str] = ()
) -> FieldScore:
    """Organizations: see the module docstring."""
    return _score_named(
        predicted, gold, optional, phrase_match, _org_forms, lambda g: [g.name, *g.aliases]
    )


def _place_forms(place: object) -> list[str]:
    return [
        _text(getattr(place, "name", None)),
        _text(getattr(place, "canonical_name", None)),
        *_strings(getattr(place, "aliases", [])),
    ]


def score_places(
    predicted: Sequence[Any], gold: Sequence[GoldPlace], optional: Sequence[str] = ()
) -> FieldScore:
    """Places: see the module docstring."""
    return _score_named(predicted, gold, optional, phrase_match, _place_forms, lambda g: [g.name])


def _unique_dates(predicted: Sequence[Any]) -> list[Any]:
    """One prediction per distinct (text, value), as the gold lists dates."""
    seen: dict[tuple[str, str], Any] = {}
    for d in predicted:
        seen.setdefault((fold(_text(getattr(d, "text", None))), _text(getattr(d, "value", ""))), d)
    return list(seen.values())


def score_dates(
    predicted: Sequence[Any],
    gold: Sequence[GoldDate],
    optional: Sequence[str] = (),
    mode: str = "value",
) -> FieldScore:
    """Dates; ``mode`` is ``value`` (dates), ``strict`` (dates_strict) or ``span`` (dates_span)."""
    if mode not in ("value", "strict", "span"):
        raise ValueError(f"unknown date scoring mode {mode!r}")

    def pair(p: Any, g: GoldDate) -> float:
        overlap = _overlaps(_text(getattr(p, "text", None)), g.text)
        if not overlap:
            return 0
        if mode != "span" and getattr(p, "value", None) != g.value:
            return 0
        if mode == "strict" and (
            getattr(p, "granularity", None) != g.granularity
            or bool(getattr(p, "is_relative", getattr(p, "relative", False))) != g.relative
        ):
            return 0
        return overlap + (0.5 if getattr(p, "value", None) == g.value else 0)

    return match_items(
        _unique_dates(predicted),
        gold,
        optional,
        pair,
        lambda p, o: _overlaps(_text(getattr(p, "text", None)), o) > 0,
        lambda p: f"{_text(getattr(p, 'text', None))} = {getattr(p, 'value', None)}",
        lambda g: f"{g.text} = {g.value}",
    )


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
            forms.extend(_person_forms(person))
        titles = [_text(getattr(role, a, None)) for a in ("title", "title_es", "title_en")]
        out.append(_Role(tuple(f for f in forms if f), tuple(t for t in titles if t)))
    return out


def _title_head(title: str, language: str) -> str | None:
    """Stem of a title's head word; see the module docstring for the rule."""
    premodifiers = _stopwords()[1].get(language, frozenset())
    ws = [w for w in words(title) if len(w) > 1]
    while ws and (ws[0] in premodifiers or _is_function(ws[0])):
        ws = ws[1:]
    run: list[str] = []
    for w in ws:
        if _is_function(w):
            break
        run.append(w)
    if not run:
        return None
    return (run[-1] if language == "en" else run[0])[:STEM]


def title_match(pred: str, gold: str, language: str) -> float:
    """Jaccard of content-word stems when the heads agree and it is at least 0.5, else 0."""
    head = _title_head(gold, language)
    if head is None or _title_head(pred, language) != head:
        return 0.0
    a, b = set(_stems(pred)), set(_stems(gold))
    jaccard = len(a & b) / len(a | b) if a | b else 0.0
    return jaccard if jaccard >= 0.5 else 0.0


def _role_pair(p: _Role, person: Sequence[str], title: str, language: str) -> float:
    who = _best(name_match, p.person, person)
    if not who:
        return 0.0
    what = max((title_match(t, title, language) for t in p.titles), default=0.0)
    return who + what if what else 0.0


def score_roles(
    predicted: Sequence[Any],
    predicted_people: Sequence[Any],
    gold: Sequence[GoldRole],
    gold_people: Sequence[GoldPerson],
    optional: Sequence[str] = (),
    language: str = "es",
) -> FieldScore:
    """Roles: see the module docstring. Optional roles are written 'Person: title'."""
    forms = {fold(p.name): [p.name, *p.aliases] for p in gold_people}

    def gold_forms(name: str) -> list[str]:
        return forms.get(fold(name), [name])

    parsed = [tuple(o.split(":", 1)) if ":" in o else ("", o) for o in optional]
    return match_items(
        _pred_roles(predicted, predicted_people),
        gold,
        parsed,
        lambda p, g: _role_pair(p, gold_forms(g.person), g.title, language),
        lambda p, o: _role_pair(p, gold_forms(o[0].strip()), o[1].strip(), language) > 0,
        _Role.show,
        lambda g: f"{g.person}: {g.title}",
    )


@dataclass(frozen=True)
class _Commitment:
    actors: tuple[str, ...]
    action: str
    lemma: str = ""

    def show(self) -> str:
        return f"{', '.join(self.actors) or '?'}: {self.action}"


def _pred_commitments(commitments: Sequence[Any]) -> list[_Commitment]:
    out: list[_Commitment] = []
    for c in commitments:
        actors = [
            a if isinstance(a, str) else _text(getattr(a, "name", None))
            for a in getattr(c, "actors", None) or []
        ]
        action = _text(getattr(c, "action", None)) or _text(getattr(c, "sentence", None))
        lemma = _text(getattr(c, "action_lemma", None))
        out.append(_Commitment(tuple(a for a in actors if a), action, lemma))
    return out


def action_match(pred: str, gold: str, pred_lemma: str = "") -> float:
    """Share of the smaller action's content stems found in the other, plus 1 for the same head.

    The head is the first content word; ``pred_lemma`` (the head verb's lemma, when the
    extractor gives it) stands in for the predicted one.
    """
    a, b = _stems(pred), _stems(gold)
    if not a or not b:
        return 0.0
    shared = len(set(a) & set(b)) / min(len(set(a)), len(set(b)))
    heads = {a[0], *_stems(pred_lemma)[:1]}
    same_head = b[0] in heads
    if not same_head and shared < 0.5:
        return 0.0
    return shared + (1.0 if same_head else 0.0)


def _actors_overlap(pred: Sequence[str], gold: Sequence[str]) -> bool:
    return any(_overlaps(p, g) for p in pred for g in gold)


def score_commitments(
    predicted: Sequence[Any], gold: Sequence[GoldCommitment], optional: Sequence[str] = ()
) -> FieldScore:
    """Commitments: see the module docstring. Optional ones are matched on the action alone."""

    def optional_pair(p: _Commitment, o: str) -> bool:
        a, b = set(_stems(p.action)), set(_stems(o))
        return bool(a and b) and len(a & b) * 2 >= min(len(a), len(b))

    return match_items(
        _pred_commitments(predicted),
        gold,
        optional,
        lambda p, g: (
            action_match(p.action, g.action, p.lemma) if _actors_overlap(p.actors, g.actors) else 0
        ),
        optional_pair,
        _Commitment.show,
        lambda g: f"{', '.join(g.actors)}: {g.action}",
    )


def _topic_terms(topics: Sequence[Any]) -> list[str]:
    terms: list[str] = []
    for t in topics:
        if isinstance(t, str):
            terms.append(t)
            continue
        for attr in ("label_en", "label_es", "label", "evidence", "evidence_terms", "terms"):
            terms.extend(_strings(getattr(t, attr, None)))
    return terms


def score_topics(predicted: Sequence[Any], gold: Sequence[str]) -> FieldScore:
    """Recall of the gold keywords: found when a predicted term shares a content-word stem."""
    stems = {s for term in _topic_terms(predicted) for s in _stems(term) if len(s) > 2}
    found = [k for k in gold if stems & {s for s in _stems(k) if len(s) > 2}]
    missed = [k for k in gold if k not in found]
    return FieldScore(
        counts=Counts(tp=len(found), fn=len(missed)),
        matched=tuple((k, k) for k in found),
        missed=tuple(missed),
        recall_only=True,
    )


# --- documents and reports --------------------------------------------------------------------


@dataclass(frozen=True)
class DocScores:
    """The scores of one gold document; ``error`` is set when extraction failed on it."""

    gold_id: str
    language: str
    fields: dict[str, FieldScore]
    text_path: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.gold_id,
            "language": self.language,
            "text_path": self.text_path,
            "error": self.error,
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
        }


def _fields_of(pred: object) -> tuple[str, ...]:
    return BASE_FIELDS + tuple(f for f in EXTRA_FIELDS if hasattr(pred, f))


def _score(pred: object, gold: GoldDocument, fields: Sequence[str]) -> dict[str, FieldScore]:
    def items(name: str) -> list[Any]:
        return list(getattr(pred, name, None) or [])

    scorers: dict[str, Callable[[], FieldScore]] = {
        "people": lambda: score_people(items("people"), gold.people, gold.optional_people),
        "organizations": lambda: score_organizations(
            items("organizations"), gold.organizations, gold.optional_organizations
        ),
        "places": lambda: score_places(items("places"), gold.places, gold.optional_places),
        "dates": lambda: score_dates(items("dates"), gold.dates, gold.optional_dates),
        "dates_strict": lambda: score_dates(
            items("dates"), gold.dates, gold.optional_dates, mode="strict"
        ),
        "dates_span": lambda: score_dates(
            items("dates"), gold.dates, gold.optional_dates, mode="span"
        ),
        "roles": lambda: score_roles(
            items("roles"),
            items("people"),
            gold.roles,
            gold.people,
            gold.optional_roles,
            gold.language,
        ),
        "commitments": lambda: score_commitments(
            items("commitments"), gold.commitments, gold.optional_commitments
        ),
        "topics": lambda: score_topics(items("topics"), gold.topics),
    }
    return {name: scorers[name]() for name in fields}


def score_document(pred: DocumentRecord, gold: GoldDocument) -> DocScores:
    """Every field ``pred`` has, scored against ``gold``."""
    return DocScores(gold.id, gold.language, _score(pred, gold, _fields_of(pred)))


@dataclass(frozen=True)
class GoldReport:
    """Scores of a gold set: per document, per language and overall (micro-averaged)."""

    documents: tuple[DocScores, ...]
    fields: tuple[str, ...] = field(default=BASE_FIELDS)

    @property
    def languages(self) -> list[str]:
        return sorted({d.language for d in self.documents})

    def totals(self, language: str | None = None) -> dict[str, Counts]:
        """Counts per field over all documents, or over one language's."""
        docs = [d for d in self.documents if language in (None, d.language)]
        return {
            name: Counts.total(d.fields[name].counts for d in docs if name in d.fields)
            for name in self.fields
        }

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [(d.gold_id, d.error) for d in self.documents if d.error]

    def figures(self) -> dict[str, float | None]:
        """Flat ``<overall|lang>.<field>.<precision|recall|f1>`` figures, as floors name them."""
        out: dict[str, float | None] = {}
        for scope in ["overall", *self.languages]:
            for name, counts in self.totals(None if scope == "overall" else scope).items():
                metrics = ("recall",) if name in RECALL_ONLY else ("precision", "recall", "f1")
                for metric in metrics:
                    out[f"{scope}.{name}.{metric}"] = counts.figure(metric)
        return out

    def to_dict(self) -> dict[str, Any]:
        def table(counts: dict[str, Counts]) -> dict[str, Any]:
            return {n: c.to_dict(n in RECALL_ONLY) for n, c in counts.items()}

        return {
            "n_documents": len(self.documents),
            "fields": list(self.fields),
            "overall": table(self.totals()),
            "by_language": {lang: table(self.totals(lang)) for lang in self.languages},
            "documents": [d.to_dict() for d in self.documents],
            "errors": [{"id": i, "error": e} for i, e in self.errors],
        }


#: What a failed extraction is scored as: nothing found.
_NOTHING = SimpleNamespace(**{name: [] for name in ("people", "organizations", "places", "dates")})


def evaluate_gold(
    gold_dir: Path,
    texts_root: Path | None,
    extract: Callable[[Path], DocumentRecord],
) -> GoldReport:
    """Extract every gold document's text with ``extract`` and score it.

    The text of a gold file is ``texts_root / source.path`` (``texts_root`` defaults to the
    parent of ``gold_dir``). A document ``extract`` fails on is reported with its error and
    scored as if nothing had been found; a missing model or lexicon stops the run instead.
    """
    root = texts_root if texts_root is not None else gold_dir.parent
    scored: list[tuple[GoldDocument, Path, object | None, str | None]] = []
    for gold in load_gold(gold_dir):
        path = root / gold.source.path
        try:
            scored.append((gold, path, extract(path), None))
        except (ModelNotInstalledError, LexiconError):
            raise
        except Exception as exc:  # one bad document must not stop the evaluation
            scored.append((gold, path, None, f"{type(exc).__name__}: {exc}"))
    extra = [
        f for f in EXTRA_FIELDS if any(hasattr(p, f) for _, _, p, _ in scored if p is not None)
    ]
    fields = BASE_FIELDS + tuple(extra)
    documents = tuple(
        DocScores(
            gold.id,
            gold.language,
            _score(pred if pred is not None else _NOTHING, gold, fields),
            text_path=str(path),
            error=error,
        )
        for gold, path, pred, error in scored
    )
    return GoldReport(documents=documents, fields=fields)
