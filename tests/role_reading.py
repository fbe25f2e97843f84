"""People and roles read the way the pipeline reads them, for the role tests: people first,
their mentions on the Doc, then the role extractor."""

from __future__ import annotations

from spacy.language import Language

from prensa.context import DocContext
from prensa.extract import people, roles
from prensa.extract.spans import set_entity_spans
from prensa.records import Person, Role


def read_people_and_roles(
    pipeline: Language, text: str, language: str
) -> tuple[list[Person], list[Role]]:
    doc = pipeline(text)
    ctx = DocContext(doc_id="doc_test", language=language)  # type: ignore[arg-type]
    found_people, mentions = people.extract(doc, ctx)
    set_entity_spans(doc, mentions)  # as the pipeline does after linking
    return found_people, roles.extract(doc, ctx, found_people)


def read_roles(pipeline: Language, text: str, language: str) -> list[Role]:
    return read_people_and_roles(pipeline, text, language)[1]


def roles_of(found: list[Role], person: str) -> list[Role]:
    """The person's roles; a failure shows whose roles were found instead."""
    matches = [r for r in found if r.person == person]
    assert matches, (person, [(r.person, r.title) for r in found])
    return matches
