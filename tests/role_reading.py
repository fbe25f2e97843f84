"""Roles read the way the pipeline reads them, for the role tests: people first, their mentions
on the Doc, then the role extractor."""

from __future__ import annotations

from spacy.language import Language

from prensa.context import DocContext
from prensa.extract import people, roles
from prensa.extract.spans import set_entity_spans
from prensa.records import Role


def read_roles(pipeline: Language, text: str, language: str) -> list[Role]:
    doc = pipeline(text)
    ctx = DocContext(doc_id="doc_test", language=language)  # type: ignore[arg-type]
    found_people, mentions = people.extract(doc, ctx)
    set_entity_spans(doc, mentions)  # as the pipeline does after linking
    return roles.extract(doc, ctx, found_people)
