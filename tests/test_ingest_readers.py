"""Readers: every supported format gives releases; a broken file or record gives an error row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from prensa.ingest.readers import (
    SUPPORTED_SUFFIXES,
    IngestError,
    RawDocument,
    iter_sources,
    read_path,
)

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def read_ok(path: Path) -> list[RawDocument]:
    docs, errors = read_path(path)
    assert errors == []
    return docs


def test_supported_suffixes() -> None:
    assert {".txt", ".md", ".html", ".htm", ".json", ".jsonl"} == SUPPORTED_SUFFIXES


def test_iter_sources_walks_folders_sorted_and_skips_readme(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b" / "c.jsonl").write_text("{}", encoding="utf-8")
    (tmp_path / "b" / "d.HTM").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "README.md").write_text("# about", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    found = iter_sources([tmp_path / "b", tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.txt", "b/c.jsonl", "b/d.HTM"]


def test_iter_sources_on_the_sample_data_finds_every_release_file() -> None:
    found = iter_sources([RAW])
    assert len(found) >= 13
    assert RAW / "README.md" not in found
    assert {p.suffix for p in found} == {".txt", ".md", ".html", ".json", ".jsonl"}


def test_missing_path_raises_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        iter_sources([tmp_path / "nowhere"])


def test_explicit_unsupported_file_raises_ingest_error(tmp_path: Path) -> None:
    pdf = tmp_path / "release.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(IngestError, match="unsupported"):
        iter_sources([pdf])


def test_every_sample_release_reads_without_errors() -> None:
    docs = [doc for path in iter_sources([RAW]) for doc in read_ok(path)]
    assert len(docs) >= 14
    assert all(doc.text.strip() for doc in docs)
    assert {doc.format for doc in docs} == {"txt", "md", "html", "json", "jsonl"}


def test_txt_with_bom_reads_as_text_without_bom() -> None:
    (doc,) = read_ok(RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt")
    assert doc.format == "txt"
    assert doc.record_index is None
    assert doc.text.startswith("• México y Estados Unidos")


def test_utf16_and_cp1252_files_read_with_accents_intact() -> None:
    (utf16,) = read_ok(RAW / "es" / "presidencia-2025-02-03-acuerdo-seguridad-frontera.txt")
    (cp1252,) = read_ok(RAW / "es" / "sre-2025-10-15-proteccion-consular.txt")
    (latin1,) = read_ok(RAW / "es" / "aviso-campana-vacunacion.txt")
    assert "Presidencia de la República" in utf16.text
    assert "“Ninguna persona mexicana está sola" in cp1252.text
    assert "\r" not in cp1252.text
    assert "campaña nacional de vacunación" in latin1.text


def test_markdown_markup_is_stripped_and_front_matter_becomes_metadata() -> None:
    (doc,) = read_ok(RAW / "es" / "sre-2025-09-22-ayuda-humanitaria.md")
    assert doc.format == "md"
    for markup in ("**", "](", "# ", "---", "date:"):
        assert markup not in doc.text
    assert "la Secretaría de Relaciones Exteriores coordinó hoy" in doc.text
    assert "• Un buque de la Secretaría de Marina transporta" in doc.text
    assert doc.metadata["date"] == "2025-09-22"
    assert doc.metadata["issuer"] == "Secretaría de Relaciones Exteriores"
    assert doc.metadata["title"].startswith("México envía ayuda humanitaria")


def test_html_keeps_the_article_and_drops_page_chrome() -> None:
    (doc,) = read_ok(RAW / "es" / "sre-2025-11-20-extradicion-huachicol.html")
    first_line = doc.text.split("\n", 1)[0]
    assert (
        first_line == "México extradita a Estados Unidos a operador de red de robo de combustible"
    )
    assert "huachicol fiscal, con pleno respeto al debido proceso" in doc.text
    for chrome in ("Trámites", "dataLayer", "Compartir en Facebook", "Aviso de privacidad"):
        assert chrome not in doc.text
    assert doc.metadata["date"] == "2025-11-20"
    assert doc.metadata["url"].startswith("https://www.gob.mx/sre/prensa/")
    assert doc.metadata["issuer"] == "Secretaría de Relaciones Exteriores"


def test_html_issuer_is_the_full_declared_author() -> None:
    (doc,) = read_ok(RAW / "en" / "state-2025-06-10-health-security.html")
    assert doc.metadata["issuer"] == "Office of the Spokesperson"
    assert "Related Articles" not in doc.text
    assert "Skip to content" not in doc.text


def test_json_list_gives_one_document_per_record_with_normalised_metadata() -> None:
    docs = read_ok(RAW / "es" / "comunicados-sre-2025.json")
    assert [d.record_index for d in docs] == [0, 1]
    assert {d.format for d in docs} == {"json"}
    assert docs[0].metadata["date"] == "2025-11-04"
    assert docs[0].text.startswith("Ciudad de México, 4 de noviembre de 2025.-")
    # Spanish field names (fecha, fuente, cuerpo) map to the same keys.
    assert docs[1].metadata["date"] == "18 de noviembre de 2025"
    assert docs[1].metadata["issuer"] == "Secretaría de Relaciones Exteriores"


def test_html_inside_a_json_text_field_becomes_plain_text() -> None:
    docs = read_ok(RAW / "es" / "comunicados-sre-2025.json")
    body = docs[1].text
    assert "<p>" not in body and "<strong>" not in body
    assert "Contribución Determinada a Nivel Nacional (NDC)" in body
    assert "Restauración de 100 mil hectáreas de manglar." in body


def test_jsonl_record_index_is_the_line_number() -> None:
    docs = read_ok(RAW / "en" / "state-readouts-2025.jsonl")
    assert [d.record_index for d in docs] == [1, 2]
    assert docs[1].metadata["issuer"] == "Office of the Spokesperson"  # from "source"


def test_json_container_key_and_field_aliases() -> None:
    docs, errors = read_path(FIXTURES / "wrapped.json")
    assert len(docs) == 1
    assert docs[0].metadata == {
        "title": "Reunión bilateral sobre comercio",
        "date": "2025-05-06",
        "url": "https://example.org/a",
        "issuer": "Secretaría de Economía",
    }
    assert len(errors) == 1
    assert "record 1" in errors[0].error


def test_invalid_json_is_one_error_row_with_its_position() -> None:
    docs, errors = read_path(FIXTURES / "invalid.json")
    assert docs == []
    assert len(errors) == 1
    assert errors[0].stage == "ingest"
    assert errors[0].source_path.endswith("invalid.json")
    assert "invalid JSON at line 1" in errors[0].error


def test_one_bad_jsonl_line_does_not_stop_the_others() -> None:
    docs, errors = read_path(FIXTURES / "mixed.jsonl")
    assert [d.record_index for d in docs] == [1, 4]
    assert [e.error.split(":")[0] for e in errors] == ["line 2", "line 3"]
    assert "invalid JSON" in errors[0].error
    assert "no text field" in errors[1].error
    assert docs[1].metadata == {"title": "Tercera nota"}  # text came from "contenido"


def test_object_without_text_field_is_an_error() -> None:
    docs, errors = read_path(FIXTURES / "no_text.json")
    assert docs == []
    assert "no text field" in errors[0].error


@pytest.mark.parametrize(
    ("name", "expected"),
    [("empty.txt", "empty"), ("garbage.txt", "cannot decode")],
)
def test_unreadable_files_become_error_rows(name: str, expected: str) -> None:
    docs, errors = read_path(FIXTURES / name)
    assert docs == []
    assert len(errors) == 1
    assert expected in errors[0].error


def test_unreadable_file_in_a_folder_does_not_stop_the_folder(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "garbage.txt", tmp_path / "a-garbage.txt")
    shutil.copy(RAW / "en" / "state-2022-05-04-blinken-ebrard-call.txt", tmp_path / "b.txt")
    results = [read_path(path) for path in iter_sources([tmp_path])]
    assert [(len(docs), len(errors)) for docs, errors in results] == [(0, 1), (1, 0)]


def test_a_json_list_with_a_broken_record_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    path.write_text(
        '[{"text": "Primer comunicado."},\n {"text": "roto" oops},\n {"text": "Tercero."}]',
        encoding="utf-8",
    )
    docs, errors = read_path(path)
    assert [(d.record_index, d.text) for d in docs] == [(0, "Primer comunicado."), (2, "Tercero.")]
    assert len(errors) == 1 and errors[0].error.startswith("record 1: invalid JSON")


def test_huge_integers_and_deep_nesting_do_not_fail_the_file(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    deep = '{"text": ' * 3000 + '"x"' + "}" * 3000
    path.write_text(f'{{"id": {"7" * 6000}, "text": "Un comunicado."}}\n{deep}\n', "utf-8")
    docs, errors = read_path(path)
    assert [d.text for d in docs] == ["Un comunicado."]
    assert len(errors) == 1 and "line 2" in errors[0].error and "deeply" in errors[0].error
