"""The gold file format (``GOLD-FORMAT.md``) as pydantic models, and the loader of a gold set."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from prensa.errors import DataFormatError
from prensa.records import Granularity, Language, Modality, PlaceKind


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
