"""End to end on the bundled sample releases: what a user sees in the records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from prensa.ingest.readers import RawDocument, read_path
from prensa.pipeline import ExtractionError, extract_path, process_paths, process_raw
from prensa.records import DocumentRecord, ErrorRecord

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def comunicado() -> DocumentRecord:
    return extract_path(RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt")


def test_dateline_sets_published_and_relative_dates_resolve_against_it(
    comunicado: DocumentRecord,
) -> None:
    assert comunicado.published == date(2026, 1, 11)
    assert comunicado.language == "es"
    dates = {d.text: d for d in comunicado.dates}
    assert (dates["ayer"].value, dates["ayer"].granularity) == ("2026-01-10", "day")
    assert dates["ayer"].is_relative
    assert (dates["enero de 2026"].value, dates["enero de 2026"].granularity) == (
        "2026-01",
        "month",
    )


def test_every_offset_points_at_its_text(comunicado: DocumentRecord) -> None:
    for mention in comunicado.mentions:
        assert comunicado.text[mention.start : mention.end] == mention.text
        assert mention.text in mention.sentence or mention.sentence in comunicado.text


def test_people_are_clustered_with_their_short_forms(comunicado: DocumentRecord) -> None:
    people = {p.name: p for p in comunicado.people}
    assert "Roberto Velasco" in people and "Velasco" in people["Roberto Velasco"].aliases
    assert "Ronald Johnson" in people
    assert not {"Además", "También", "Asimismo"} & set(people)


def test_acronym_defined_in_the_text_is_one_organisation(comunicado: DocumentRecord) -> None:
    groups = [o for o in comunicado.organizations if o.acronym == "GIS"]
    assert len(groups) == 1
    assert groups[0].name == "Grupo de Implementación de Seguridad"
    assert groups[0].mentions >= 3


def test_places_are_geocoded(comunicado: DocumentRecord) -> None:
    places = {p.name: p for p in comunicado.places}
    assert places["Estados Unidos"].kind == "country"
    assert places["Estados Unidos"].country_code == "US"
    city = places["Ciudad de México"]
    assert city.kind == "city" and city.lat is not None


def test_same_person_same_id_across_documents_and_languages() -> None:
    spanish = extract_path(RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt")
    english = extract_path(RAW / "en" / "state-2022-05-03-high-level-security-dialogue.txt")
    es_ids = {p.person_id for p in spanish.people if "Velasco" in p.name}
    en_ids = {p.person_id for p in english.people if "Velasco" in p.name}
    assert es_ids and es_ids == en_ids


def test_ids_are_stable_between_runs(comunicado: DocumentRecord) -> None:
    again = extract_path(RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt")
    assert again.doc_id == comunicado.doc_id
    assert [p.person_id for p in again.people] == [p.person_id for p in comunicado.people]
    assert [d.date_id for d in again.dates] == [d.date_id for d in comunicado.dates]


def test_whole_sample_folder_processes_without_errors() -> None:
    results = list(process_paths([RAW]))
    errors = [r for r in results if isinstance(r, ErrorRecord)]
    documents = [r for r in results if isinstance(r, DocumentRecord)]
    assert errors == []
    assert len(documents) >= 12
    assert {d.language for d in documents} == {"es", "en"}
    assert len({d.doc_id for d in documents}) == len(documents)


def test_bad_inputs_become_error_rows_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Reunión bilateral\n\nCiudad de México, 3 de marzo de 2025.- La canciller se reunió "
        "ayer con el embajador de Canadá para revisar la agenda bilateral.",
        encoding="utf-8",
    )
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "french.txt").write_text(
        "Le ministre des Affaires étrangères a rencontré hier son homologue pour discuter "
        "de la coopération bilatérale et des échanges commerciaux entre les deux pays.",
        encoding="utf-8",
    )
    results = list(process_paths([tmp_path]))
    errors = {
        Path(r.source_path).name.split("#")[0]: r for r in results if isinstance(r, ErrorRecord)
    }
    documents = [r for r in results if isinstance(r, DocumentRecord)]
    assert [Path(d.source_path).name for d in documents] == ["good.txt"]
    assert errors["broken.json"].stage == "ingest"
    assert errors["french.txt"].stage == "language" and "fr" in errors["french.txt"].error


def test_extract_path_raises_a_clear_error_for_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    with pytest.raises(ExtractionError, match=r"broken\.json"):
        extract_path(broken)


def test_ids_do_not_depend_on_processing_order() -> None:
    files = sorted((RAW / "en").glob("*.txt")) + sorted((RAW / "es").glob("*.txt"))

    def ids(paths: list[Path]) -> dict[str, set[str]]:
        # process_paths sorts its inputs, so feed the releases in the given order directly.
        raws = [raw for path in paths for raw in read_path(path)[0]]
        found: dict[str, set[str]] = {}
        for result in process_raw(raws):
            assert isinstance(result, DocumentRecord)
            found[result.doc_id] = {p.person_id for p in result.people} | {
                o.org_id for o in result.organizations
            }
        return found

    assert ids(files) == ids(list(reversed(files)))


def test_an_extractor_crash_on_one_release_is_an_error_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from prensa.extract import topics

    def broken(doc: object, ctx: object) -> list[object]:
        if "Velasco" in str(doc):
            raise IndexError("boom")
        return []

    monkeypatch.setattr(topics, "extract", broken)
    results = list(process_paths([RAW / "es"]))
    errors = [r for r in results if isinstance(r, ErrorRecord)]
    documents = [r for r in results if isinstance(r, DocumentRecord)]
    assert errors and all(e.stage == "extract" and "boom" in e.error for e in errors)
    assert documents, "the other releases are still processed"


def test_a_release_longer_than_spacys_limit_is_parsed_in_pieces_and_one_too_long_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from prensa import pipeline

    text = (RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt").read_text(encoding="utf-8")
    whole = next(process_raw([RawDocument("a.txt", "txt", text)]))
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 400)  # as if spaCy's max_length were tiny
    pieces = next(process_raw([RawDocument("a.txt", "txt", text)]))
    assert isinstance(whole, DocumentRecord) and isinstance(pieces, DocumentRecord)
    assert pieces.text == whole.text and pieces.n_tokens == whole.n_tokens
    for mention in pieces.mentions:
        assert pieces.text[mention.start : mention.end] == mention.text
    assert {p.name for p in pieces.people} & {p.name for p in whole.people}

    monkeypatch.setattr(pipeline, "MAX_TEXT_CHARS", 1000)
    (error,) = process_raw([RawDocument("a.txt", "txt", text)])
    assert isinstance(error, ErrorRecord) and "not analysed" in error.error


@pytest.mark.parametrize(
    ("text", "language", "places"),
    [
        (
            "Reunión de cancilleres\nCIUDAD DE GUATEMALA, 5 mar. 2024 (MINEX). – El Canciller "
            "Carlos Ramiro Martínez se reunió este martes con su homólogo.",
            "es",
            [("CIUDAD DE GUATEMALA", "city")],
        ),
        (
            "Reunión de cancilleres\nBogotá (Colombia). El Canciller Luis Murillo se reunió hoy "
            "con su homólogo.",
            "es",
            [("Bogotá", "city"), ("Colombia", "country")],
        ),
    ],
)
def test_the_dateline_place_is_a_place_and_never_a_person(
    text: str, language: str, places: list[tuple[str, str]]
) -> None:
    raw = RawDocument(source_path="<test>", format="txt", text=text, metadata={})
    record = next(iter(process_raw([raw], language=language)))
    assert isinstance(record, DocumentRecord)
    assert [(p.name, p.kind) for p in record.places][: len(places)] == places
    assert all(record.text[p.start : p.end] == p.name for p in record.places)
    named = {p.name.casefold() for p in record.people}
    assert not named & {name.casefold() for name, _ in places}
