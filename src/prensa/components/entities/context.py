"""What the entity rules know: the word lists of models/ as one serialisable record (saved with a
pipeline by ``to_disk``), and the ready-to-match context built from it for one pipeline."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.strings import get_string_id

from prensa import gazetteer, resources, titles
from prensa.components.entities.words import CommonWords
from prensa.labels import KIND_LABELS
from prensa.text import WordSequences, fold


class OrganizationNames(BaseModel):
    """The names of one organisation the phrase matcher looks for."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    acronym: str | None = None
    aliases: list[str] = []
    short: list[str] = []


class RuleData(BaseModel):
    """Every word list the entity rules read, as written in models/ (both languages)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    not_names: list[str]
    honorific_initials: list[str] = []
    opening_verbs: list[str] = []
    not_person_after: list[str]
    place_after: list[str]
    place_after_motion: list[str]
    motion_verbs: list[str]
    name_prefixes: list[str]
    postnominals: list[str] = []
    office_words: list[str]
    office_nouns: list[str]
    organization_heads: list[str]
    organization_tails: list[str] = []
    place_heads: list[str]
    local_place_nouns: list[str] = []
    local_offices: list[str] = []
    place_openers: list[str] = []
    government_heads: list[str]
    particles: list[str]
    connectors: list[str]
    definite_articles: list[str]
    conjunctions: list[str]
    office_links: list[str]
    complement_links: list[str]
    organizations: list[OrganizationNames]

    @classmethod
    def from_resources(cls) -> RuleData:
        """The rules as the models/ folder has them now."""
        filters = resources.person_filters()
        heads = resources.heads()
        words = {
            name: sorted(resources.word_class(name))
            for name in (
                "particles",
                "connectors",
                "definite_articles",
                "conjunctions",
                "office_links",
                "complement_links",
            )
        }
        return cls(
            not_names=filters.not_names,
            honorific_initials=filters.honorific_initials,
            opening_verbs=filters.opening_verbs,
            not_person_after=filters.not_person_after,
            place_after=filters.place_after,
            place_after_motion=filters.place_after_motion,
            motion_verbs=filters.motion_verbs,
            # The one title lexicon says what a title is, for the rules as for roles.
            name_prefixes=sorted(titles.name_prefixes()),
            postnominals=sorted(titles.postnominals()),
            office_words=sorted(titles.office_words()),
            office_nouns=sorted(titles.office_nouns()),
            organization_heads=heads.organization_heads,
            organization_tails=heads.organization_tails,
            place_heads=heads.place_heads,
            local_place_nouns=heads.local_place_nouns,
            local_offices=heads.local_offices,
            place_openers=heads.place_openers,
            government_heads=heads.government_heads,
            organizations=[
                OrganizationNames(
                    name=org.name, acronym=org.acronym, aliases=org.aliases, short=org.short
                )
                for org in resources.organizations()
            ],
            **words,
        )


def _folded(words: list[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


@dataclass(frozen=True)
class EntityContext:
    """The rules of one pipeline, ready to match: folded sets, indexed sequences, the model's
    dictionary and the gazetteer. Every rule function takes it as its first argument."""

    language: str
    trust_ner: bool
    labels: dict[str, str]
    dictionary: CommonWords
    common: CommonWords
    gazetteer: gazetteer.Gazetteer
    not_names: frozenset[str]
    honorific_initials: frozenset[str]
    opening_verbs: frozenset[str]
    not_person_after: frozenset[str]
    place_after: frozenset[str]
    place_after_motion: frozenset[str]
    motion_verbs: frozenset[str]
    prefixes: WordSequences
    postnominals: frozenset[str]
    org_heads: WordSequences
    org_tails: frozenset[str]
    place_heads: WordSequences
    local_place_nouns: frozenset[str]
    local_offices: frozenset[str]
    local_word_ids: frozenset[int]
    place_openers: frozenset[str]
    articles: WordSequences
    government_heads: frozenset[str]
    office_words: frozenset[str]
    office_nouns: frozenset[str]
    particles: frozenset[str]
    connectors: frozenset[str]
    definite_articles: frozenset[str]
    conjunctions: frozenset[str]
    office_links: frozenset[str]
    complement_links: frozenset[str]

    @classmethod
    def build(cls, data: RuleData, nlp: Language, language: str, trust_ner: bool) -> EntityContext:
        # Either language: telling a title's last words from the name after it.
        dictionary = CommonWords(nlp)
        return cls(
            language=language,
            trust_ner=trust_ner,
            labels=KIND_LABELS[language],
            dictionary=dictionary,
            # Only Spanish capitalises common nouns in office and programme names.
            common=dictionary if language == "es" else CommonWords(nlp, enabled=False),
            gazetteer=gazetteer.load(),
            not_names=_folded(data.not_names),
            honorific_initials=frozenset(data.honorific_initials),
            opening_verbs=_folded(data.opening_verbs),
            not_person_after=_folded(data.not_person_after),
            place_after=_folded(data.place_after),
            place_after_motion=_folded(data.place_after_motion),
            motion_verbs=_folded(data.motion_verbs),
            prefixes=WordSequences(p.replace(".", "") for p in data.name_prefixes),
            postnominals=_folded(data.postnominals),
            org_heads=WordSequences(data.organization_heads),
            org_tails=_folded(data.organization_tails),
            place_heads=WordSequences(data.place_heads),
            local_place_nouns=_folded(data.local_place_nouns),
            local_offices=_folded(data.local_offices),
            local_word_ids=frozenset(
                get_string_id(form)
                for w in (*data.local_place_nouns, *data.local_offices)
                for form in (w.lower(), fold(w))
            ),
            place_openers=_folded(data.place_openers),
            articles=WordSequences(data.definite_articles),
            government_heads=_folded(data.government_heads),
            office_words=_folded(data.office_words),
            office_nouns=_folded(data.office_nouns),
            particles=_folded(data.particles),
            connectors=_folded(data.connectors),
            definite_articles=_folded(data.definite_articles),
            conjunctions=_folded(data.conjunctions),
            office_links=_folded(data.office_links),
            complement_links=_folded(data.complement_links),
        )
