"""The records users see: one pydantic model per output table, plus the nested document record.

Every model forbids unknown fields so a typo in an extractor fails loudly instead of silently
dropping a column. The JSON Schema printed by ``prensa schema`` is generated from these classes.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

Language = Literal["es", "en"]
Granularity = Literal["day", "week", "month", "year"]
DateRelation = Literal["published", "event", "deadline", "mentioned"]
PlaceKind = Literal["country", "state", "city", "region", "other"]
EntityKind = Literal["person", "organization", "place", "date"]
Modality = Literal["agreed", "committed", "pledged", "announced", "reiterated", "will"]

_VALUE_PATTERNS: dict[str, re.Pattern[str]] = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "week": re.compile(r"^\d{4}-W\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}


class Record(BaseModel):
    """Base for every record: strict about fields, lenient about nothing."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Evidence(Record):
    """Where a fact was read: enough for a journalist to quote and cite it."""

    doc_id: str
    sentence: str = Field(description="The sentence (or line) that states the fact.")
    start: int = Field(ge=0, description="Character offset into documents.text.")
    end: int = Field(ge=0, description="End offset (exclusive) into documents.text.")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Mention(Evidence):
    """One occurrence of an entity in the text."""

    kind: EntityKind
    entity_id: str
    text: str


class Person(Evidence):
    """A named individual, once per document; start/end point at the first mention."""

    person_id: str
    name: str = Field(description="Longest form of the name used in the document.")
    aliases: list[str] = Field(default_factory=list)
    mentions: int = Field(ge=1)


class Organization(Evidence):
    """A named institution, once per document."""

    org_id: str
    name: str = Field(description="Longest form used in the document.")
    canonical_name: str | None = Field(
        default=None, description="Name in the alias table, shared by every form and language."
    )
    acronym: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    aliases: list[str] = Field(default_factory=list)
    mentions: int = Field(ge=1)


class Place(Evidence):
    """A named location, once per document, geocoded offline where the gazetteer knows it."""

    place_id: str
    name: str = Field(description="Longest form used in the document.")
    canonical_name: str | None = Field(
        default=None, description="Gazetteer name, shared by the Spanish and English forms."
    )
    kind: PlaceKind
    country_code: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    admin1: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    geonameid: int | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: int = Field(ge=1)


class DateMention(Evidence):
    """A date expression with its ISO value; relative ones are resolved against the dateline."""

    date_id: str
    text: str
    value: str = Field(description="ISO 8601: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY.")
    granularity: Granularity
    is_relative: bool
    relation: DateRelation = "mentioned"

    @model_validator(mode="after")
    def _value_matches_granularity(self) -> Self:
        if not _VALUE_PATTERNS[self.granularity].match(self.value):
            raise ValueError(f"value {self.value!r} does not have granularity {self.granularity}")
        if self.granularity in ("day", "month"):
            year, month = int(self.value[:4]), int(self.value[5:7])
            day = int(self.value[8:10]) if self.granularity == "day" else 1
            date(year, month, day)  # raises ValueError for impossible dates
        return self


class Role(Evidence):
    """A title a release gives a named person: 'Roberto Velasco, subsecretario para América del
    Norte' → title as written, normalised in both languages, with the organisation and country."""

    role_id: str
    person_id: str
    person: str = Field(description="The person's name (longest form in the document).")
    title: str = Field(description="The title as written, without the name.")
    title_es: str | None = Field(default=None, description="Normalised Spanish form.")
    title_en: str | None = Field(default=None, description="Normalised English form.")
    org_id: str | None = None
    organization: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")


class Topic(Record):
    """A subject of the release, from the bilingual taxonomy, with the words that gave it away."""

    doc_id: str
    topic_id: str
    label_es: str
    label_en: str
    score: float = Field(ge=0, le=1)
    terms: list[str] = Field(description="Evidence terms as written.")
    starts: list[int] = Field(description="Start offset of each evidence term.")
    ends: list[int] = Field(description="End offset of each evidence term.")

    @model_validator(mode="after")
    def _aligned(self) -> Self:
        if not len(self.terms) == len(self.starts) == len(self.ends):
            raise ValueError("terms, starts and ends must have the same length")
        return self


class Commitment(Evidence):
    """One action somebody committed to: who, what, by when, and how firmly."""

    commitment_id: str
    actors: list[str] = Field(description="Who commits, resolved ('Ambos gobiernos' → both).")
    actor_ids: list[str] = Field(default_factory=list, description="person/org/place ids.")
    trigger: str = Field(description="The words that make it a commitment.")
    action_lemma: str = Field(description="Lemma of the action's head verb.")
    action: str = Field(description="The action phrase as written.")
    object: str | None = None
    deadline: str | None = Field(default=None, description="ISO value of the deadline.")
    deadline_granularity: Granularity | None = None
    deadline_text: str | None = None
    modality: Modality
    negated: bool = False
    topic_ids: list[str] = Field(default_factory=list)
    confidence: float = Field(ge=0, le=1)


class ErrorRecord(Record):
    """A file or record that could not be processed, and why."""

    source_path: str
    stage: str = Field(description="ingest, segment, language, nlp, extract or write.")
    error: str


class Document(Record):
    """One release: its segments and metadata. ``text`` is what every offset points into."""

    doc_id: str
    source_path: str
    record_index: int | None = Field(
        default=None, description="Position of the release inside a JSON/JSONL file."
    )
    format: str
    language: Language
    title: str | None = None
    lead: list[str] = Field(default_factory=list)
    dateline_place: str | None = None
    dateline_date: date | None = None
    published: date | None = None
    published_source: Literal["dateline", "header", "metadata"] | None = None
    issuer: str | None = None
    issuer_country: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{2}$",
        description="ISO 3166 alpha-2 country of the issuer: given, from the source's metadata, "
        "or inferred from the issuer's name, the letterhead or the dateline place.",
    )
    release_number: str | None = None
    url: str | None = None
    body: str
    text: str
    n_tokens: int = Field(ge=0)
    n_sentences: int = Field(ge=0)


class DocumentRecord(Document):
    """The full nested record of a release: what ``prensa extract`` prints."""

    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


#: Table name -> record class, in the order the writers emit them.
TABLES: dict[str, type[Record]] = {
    "documents": Document,
    "people": Person,
    "organizations": Organization,
    "places": Place,
    "dates": DateMention,
    "roles": Role,
    "topics": Topic,
    "commitments": Commitment,
    "mentions": Mention,
    "errors": ErrorRecord,
}

#: Nested list fields of DocumentRecord that become their own tables.
FACT_TABLES: tuple[str, ...] = (
    "people",
    "organizations",
    "places",
    "dates",
    "roles",
    "topics",
    "commitments",
    "mentions",
)


def json_schema() -> dict[str, object]:
    """JSON Schema of the nested document record and of the error rows."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "prensa records",
        "document": DocumentRecord.model_json_schema(),
        "error": ErrorRecord.model_json_schema(),
    }
