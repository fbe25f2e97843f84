"""The topic taxonomy and the commitment lexicon: reviewed data files in ``models/``, validated.

Topic patterns are written in a compact token syntax (documented at the top of
``models/topics.yaml``) rather than as raw spaCy Matcher dictionaries, so a reviewer can read a
whole topic on one screen. :func:`compile_pattern` turns one into Matcher patterns that compare
each word with the token's lower-cased text *or* its lemma, accent-insensitively: the Spanish
model's lemmas are imperfect ("migrantes" → "migrant"), and a word list that also accepts the
written form does not depend on them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from spacy.attrs import LEMMA, NORM, ORTH
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc

from prensa.records import Language, Modality
from prensa.resources import load_yaml, models_cache
from prensa.text import fold

_SPEC = re.compile(r"^(?P<body>[^?*+]+)(?P<op>[?*+])?$")
_POS_TAGS = frozenset(tag for tag in IDS if tag and tag != "EOL")  # the Universal POS tags

Tokenize = Callable[[str], list[str]]
MatcherPattern = list[dict[str, Any]]


def folded_hashes(doc: Doc) -> numpy.ndarray:
    """Each token's folded text and folded lemma, as string hashes in a (tokens, 2) array:
    read from the ORTH/LEMMA arrays and folded once per distinct string, never building a
    Token per word."""
    strings = doc.vocab.strings
    hashes = doc.to_array([ORTH, LEMMA]).reshape(len(doc), 2)
    distinct, where = numpy.unique(hashes, return_inverse=True)
    folded = [strings.add(fold(strings[h])) for h in distinct.tolist()]
    return numpy.array(folded, dtype="uint64")[where.reshape(-1)].reshape(len(doc), 2)


@contextmanager
def folded_forms(doc: Doc, folded: numpy.ndarray | None = None) -> Iterator[None]:
    """While matching, NORM holds each token's folded text and LEMMA its folded lemma.

    Each pattern is compiled twice, once per attribute, and the Matcher checks both in C; an
    extension attribute is checked in Python at every pattern state, which made topic matching
    the slowest stage by far. Both are set and restored as arrays, in C; ``folded`` is
    ``folded_hashes(doc)`` if already computed.
    """
    saved = doc.to_array([NORM, LEMMA])
    if len(doc):
        doc.from_array([NORM, LEMMA], folded_hashes(doc) if folded is None else folded)
    try:
        yield
    finally:
        if len(doc):
            doc.from_array([NORM, LEMMA], saved)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_pattern(pattern: str) -> str:
    for spec in pattern.split():
        match = _SPEC.match(spec)
        if match is None or any(not alt for alt in match["body"].split("|")):
            raise ValueError(f"bad token {spec!r} in pattern {pattern!r}")
        alts = match["body"].split("|")
        upper = [a for a in alts if a.isupper()]
        if upper and len(upper) != len(alts):
            raise ValueError(f"{spec!r} mixes part-of-speech tags and words")
        if unknown := [a for a in upper if a not in _POS_TAGS]:
            raise ValueError(f"unknown part-of-speech tag(s) {unknown} in {pattern!r}")
    return pattern


def _spec_options(spec: str, tokenize: Tokenize, attr: str) -> list[list[dict[str, Any]]]:
    """The token sequences one spec can match; a multi-token word becomes its own sequence."""
    match = _SPEC.match(spec)
    assert match is not None  # validated on load
    body, op = match["body"], match["op"]
    alts = body.split("|")
    if alts[0].isupper():
        token: dict[str, Any] = {"POS": {"IN": alts}}
        return [[{**token, "OP": op}]] if op else [[token]]
    single: list[str] = []
    multi: list[list[str]] = []
    for alt in alts:
        words = [w for part in alt.split("_") for w in tokenize(part)]
        if len(words) == 1:
            single.append(fold(words[0]))
        else:
            multi.append([fold(w) for w in words])
    options: list[list[dict[str, Any]]] = []
    if single:
        token = {attr: {"IN": sorted(set(single))}}
        if op in ("*", "+") and not multi:
            return [[{**token, "OP": op}]]
        options.append([token])
    options.extend([{attr: {"IN": [w]}} for w in words] for words in multi)
    if op in ("*", "+"):
        raise ValueError(f"{spec!r}: repetition is only allowed on single-token alternatives")
    if op == "?":
        options.append([])
    return options


def compile_pattern(pattern: str, tokenize: Tokenize) -> list[MatcherPattern]:
    """Matcher patterns for one compact pattern; ``tokenize`` splits hyphenated words the way
    the language's tokenizer does, so "anti-corruption" matches in English as three tokens."""
    patterns: list[MatcherPattern] = []
    # Once on the folded text (NORM), once on the folded lemma (LEMMA): see folded_forms().
    for attr in ("NORM", "LEMMA"):
        per_spec = [_spec_options(spec, tokenize, attr) for spec in pattern.split()]
        combos = itertools.product(*per_spec)
        patterns.extend(p for p in ([t for seq in c for t in seq] for c in combos) if p)
    return patterns


# --------------------------------------------------------------------------- topics


class TopicEntry(_Strict):
    """One subject, with patterns in both languages so both share its id."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    label_es: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    es: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)

    @field_validator("es", "en")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        return [_check_pattern(p) for p in value]

    def patterns(self, language: Language) -> list[str]:
        return self.es if language == "es" else self.en


class TopicScoring(_Strict):
    """How evidence becomes a score; see prensa.extract.topics for the formula."""

    title_bonus: float = Field(ge=0)
    saturation: float = Field(gt=0)
    min_strength: float = Field(ge=0)
    sentences_per_step: int = Field(ge=1)
    max_topics: int = Field(ge=1)


class Taxonomy(_Strict):
    scoring: TopicScoring
    topics: list[TopicEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Taxonomy:
        ids = [t.id for t in self.topics]
        if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
            raise ValueError(f"duplicate topic ids: {duplicates}")
        return self

    def by_id(self) -> dict[str, TopicEntry]:
        return {t.id: t for t in self.topics}


@models_cache
def taxonomy() -> Taxonomy:
    """The validated topic taxonomy (``models/topics.yaml``)."""
    return load_yaml("topics.yaml", Taxonomy)


# --------------------------------------------------------------------------- commitments


class TriggerVerb(_Strict):
    """A verb whose complement is the committed action: 'acordaron *fortalecer*…'."""

    lemma: str
    modality: Modality
    #: Counts only with a commitment noun as object ("reafirman su *compromiso* con…").
    needs_noun: bool = False
    #: Counts only with a reflexive clitic ("*se* comprometen a…", "*nos* hemos propuesto").
    reflexive: bool = False
    #: Also takes a finite clause in the future ("anunció que viajará", "I promise we will").
    que_future: bool = False
    #: Its object is the action itself ("se prevé *su aprobación*").
    object_is_action: bool = False
    #: Counts only as a finite verb: "el Consejo *resolvió* ampliar…", never "vamos a resolver…"
    #: (a verb that also means 'to solve').
    finite: bool = False
    #: Counts only with this adverb or particle ("look *forward* to continuing…").
    particle: str | None = None
    #: Overrides the modality's base confidence for weak triggers.
    confidence: float | None = Field(default=None, ge=0, le=1)


#: The single-word lists of a language's commitment model, validated alike and read by name.
WORD_LIST_FIELDS: tuple[str, ...] = (
    "commitment_nouns",
    "plan_nouns",
    "plan_verbs",
    "future_auxiliaries",
    "going_to",
    "reporting_verbs",
    "non_actions",
    "agent_nouns",
    "country_nouns",
    "people_nouns",
    "counted_people_nouns",
    "collective_determiners",
    "first_person",
    "first_person_plural",
    "third_person",
    "negations",
    "conditional_marks",
    "home_nouns",
    "first_person_states",
    "negated_existentials",
    "complement_marks",
    "of_marks",
    "purpose_marks",
    "adverbial_marks",
    "infinitive_marks",
    "clause_adverbs",
    "progressive_verbs",
    "going_to_auxiliaries",
    "impersonal_clitics",
    "pronominal_verbs",
    "reflexive_enclitics",
    "place_labels",
    "ceremony_verbs",
    "ceremony_nouns",
    "programme_nouns",
    "body_nouns",
    "state_nouns",
    "decision_verbs",
    "decision_nouns",
    "provision_verbs",
    "measure_nouns",
    "reported_future_auxiliaries",
    "reported_future_endings",
)


class CommitmentLexicon(_Strict):
    """Trigger words and filters of one language; see the header of models/commitments.yaml."""

    triggers: list[TriggerVerb] = Field(min_length=1)
    commitment_nouns: list[str]
    plan_nouns: list[str]
    plan_verbs: list[str]
    future_auxiliaries: list[str]
    going_to: list[str]
    reporting_verbs: list[str]
    non_actions: list[str]
    agent_nouns: list[str]
    numbers: dict[str, int]
    country_nouns: list[str]
    people_nouns: list[str]
    #: People named by their part in a meeting, only with a number ("*ambos representantes*").
    counted_people_nouns: list[str]
    collective_determiners: list[str]
    first_person: list[str]
    first_person_plural: list[str]
    third_person: list[str]
    #: The actor 'we' / 'el Gobierno' stand for when the issuer country is unknown: not a guess.
    unknown_issuer: str
    #: Singular nouns that, unnamed, mean the issuing government ("el Gobierno", "el Ejecutivo").
    home_nouns: list[str]
    #: Verbs of state that promise something in the first person ("vamos a ser respetuosos").
    first_person_states: list[str]
    #: Existentials that promise something when negated ("no habrá impunidad").
    negated_existentials: list[str]
    negations: list[str]
    conditional_marks: list[str]
    #: Prepositions that open a verb's non-finite complement ("se comprometieron *a* dar").
    complement_marks: list[str]
    #: Prepositions that attach an owner to a noun ("el compromiso *de* México").
    of_marks: list[str]
    #: Marks of a purpose clause, which is no committed action ("…*para* apoyar").
    purpose_marks: list[str]
    #: Marks of a clause of reason, time or manner on the trigger, which is no committed action
    #: either ("coincidieron en apoyar…, *por* considerar que…", "agreed…, *after* reviewing…").
    adverbial_marks: list[str]
    #: Words that mark an infinitive and are never its finite auxiliary ("agreed *to* share").
    infinitive_marks: list[str]
    #: Adverbs that open a new clause with its own subject ("…, *where* he will meet").
    clause_adverbs: list[str]
    #: Verbs whose future is only a tense when a gerund follows ("*estaré* informando").
    progressive_verbs: list[str]
    #: The auxiliary before "going" in "*is* going to".
    going_to_auxiliaries: list[str]
    #: Clitics of an impersonal or passive clause ("*se* construirá").
    impersonal_clitics: list[str]
    #: Verbs whose "se" is their own ("se reunirá con…"), not an impersonal clause's.
    pronominal_verbs: list[str]
    #: Reflexive clitics fused to an infinitive trigger ("comprometer*se*").
    reflexive_enclitics: list[str]
    #: Endings of the synthetic future, matched on the written word (accents kept).
    future_endings: list[str]
    #: Named-entity labels of an unlinked name that is a place, which never commits.
    place_labels: list[str]
    #: Verbs whose future describes a ceremony, not a promise ("presidirá", "will preside").
    ceremony_verbs: list[str]
    #: Objects that make a future a ceremony ("pasará *revista*", "will deliver *remarks*").
    ceremony_nouns: list[str]
    #: Subjects of a sentence that describes a programme or agenda ("El *programa* incluye…").
    programme_nouns: list[str]
    #: Nouns that, with "ambos"/"both", name the two parties of a meeting, which may be
    #: organisations rather than countries ("ambas partes", "ambos colegiados", "both sides").
    body_nouns: list[str]
    #: Plural nouns for the states or provinces of one country that sign an agreement with
    #: its government ("los estados firmantes", "the provinces"): those the release names.
    state_nouns: list[str]
    #: Verbs by which a board or council adopts a decision ("el Consejo *aprobó* el acuerdo…").
    decision_verbs: list[str]
    #: What such a body adopts ("acuerdo", "resolución", "resolution"); its content clause
    #: ("…el cual señala que el horario será…") is the action decided.
    decision_nouns: list[str]
    #: Verbs by which a decision states its content ("señala", "establece", "provides").
    provision_verbs: list[str]
    #: What an agreement adopts with a purpose ("acordaron un conjunto de *acciones* para
    #: renovar…"): each purpose verb is an action agreed.
    measure_nouns: list[str]
    #: The future of a reported clause: "said that the FDFA *would* support…" (auxiliaries)
    #: or "aseguró que el Consejo *apoyaría*…" (endings of the conditional, on the written
    #: word: the small parser's morphology tags some past tenses as conditional).
    reported_future_auxiliaries: list[str]
    reported_future_endings: list[str]

    @field_validator(*WORD_LIST_FIELDS)
    @classmethod
    def _single_words(cls, value: list[str]) -> list[str]:
        if several := [w for w in value if len(w.split()) != 1]:
            raise ValueError(f"entries must be single words: {several}")
        return value

    @model_validator(mode="after")
    def _unique_triggers(self) -> CommitmentLexicon:
        lemmas = [t.lemma for t in self.triggers]
        if duplicates := sorted({x for x in lemmas if lemmas.count(x) > 1}):
            raise ValueError(f"duplicate trigger lemmas: {duplicates}")
        return self

    def words(self, field: str) -> frozenset[str]:
        """A word list, folded, for membership tests."""
        value = getattr(self, field)
        return frozenset(fold(w) for w in (value.keys() if isinstance(value, dict) else value))

    def trigger(self, word: str) -> TriggerVerb | None:
        return self._triggers().get(word)

    def _triggers(self) -> dict[str, TriggerVerb]:
        return {fold(t.lemma): t for t in self.triggers}


class CommitmentConfidence(_Strict):
    """Base confidence per modality and the deductions applied by the extractor."""

    base: dict[Modality, float]
    no_actor: float = Field(ge=0, le=1)
    impersonal: float = Field(ge=0, le=1)


class CommitmentModel(_Strict):
    confidence: CommitmentConfidence
    es: CommitmentLexicon
    en: CommitmentLexicon

    def lexicon(self, language: Language) -> CommitmentLexicon:
        return self.es if language == "es" else self.en


@models_cache
def commitment_model() -> CommitmentModel:
    """The validated commitment lexicon (``models/commitments.yaml``)."""
    return load_yaml("commitments.yaml", CommitmentModel)
