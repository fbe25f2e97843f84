"""What the entity layer derives from the title lexicon, so "title" is defined once: the words
stripped from the front of names, the office words a ministry's short name follows, and the
office nouns that end a person's title."""

from __future__ import annotations

from collections.abc import Iterable

from prensa import resources
from prensa.text import fold
from prensa.titles.schema import lexicon
from prensa.titles.words import plural


def _folded(forms: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(fold(f).replace(".", "").split()) for f in forms)


def _lower_and_folded(words: Iterable[str]) -> frozenset[str]:
    """Each word in lower case as written ('secretaría', for a Matcher on LOWER) and folded
    ('secretaria', for folded comparisons)."""
    return frozenset(w for word in words for w in (word.lower(), fold(word)))


@resources.models_cache
def name_prefixes() -> frozenset[str]:
    """Folded forms written before a person's name and not part of it: every title (offices and
    ranks), English ones also in the plural ('Trial Attorneys Ana Ruiz and …'; Spanish plurals
    are surnames too: 'Reyes'), and every honorific, in both languages."""
    data = lexicon()
    forms = [f for entry in data.titles for f in (*entry.es, *entry.en)]
    plurals = [" ".join(plural(tuple(fold(f).split()), "en")) for e in data.titles for f in e.en]
    return _folded([*forms, *plurals, *data.honorifics.es, *data.honorifics.en])


@resources.models_cache
def postnominals() -> frozenset[str]:
    """Folded letters written after a name and not part of it ('MP', 'KC'), both languages."""
    data = lexicon().postnominals
    return _folded([*data.es, *data.en])


@resources.models_cache
def office_words() -> frozenset[str]:
    """Words right before the ministry an office is of ('secretario de Marina', 'Secretaría de
    Marina', 'Ministry of …'): the last word of every form of an ``office_word`` entry, and the
    words that name a ministry."""
    data = lexicon()
    words = [f.split()[-1] for e in data.titles if e.office_word for f in (*e.es, *e.en)]
    return _lower_and_folded([*words, *data.ministries.es, *data.ministries.en])


@resources.models_cache
def office_nouns() -> frozenset[str]:
    """One-word offices that end a person's title, never an organisation's name: the one-word
    forms of every ``office_noun`` entry."""
    words = [f for e in lexicon().titles if e.office_noun for f in (*e.es, *e.en) if " " not in f]
    return _lower_and_folded(words)
