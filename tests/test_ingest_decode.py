"""Decoding: whatever encoding a release arrives in, the text downstream is the same."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from prensa.errors import IngestError
from prensa.ingest.decode import DecodeError, decode_bytes, normalize_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ENCODED = sorted((FIXTURES / "encodings").iterdir())


def test_fixture_set_covers_the_encodings() -> None:
    assert {p.stem for p in ENCODED} >= {"utf8", "utf8-bom", "utf16-le", "utf16-be", "cp1252"}


def test_every_encoding_decodes_to_the_same_text() -> None:
    texts = {path.name: decode_bytes(path.read_bytes()) for path in ENCODED}
    reference = texts["utf8.txt"]
    assert "¿Qué acordaron México y Estados Unidos?" in reference
    assert {name for name, text in texts.items() if text != reference} == set()


@pytest.mark.parametrize("path", ENCODED, ids=lambda p: p.name)
def test_decoded_text_has_no_bom_or_carriage_return(path: Path) -> None:
    text = decode_bytes(path.read_bytes())
    assert "\ufeff" not in text
    assert "\r" not in text
    assert text.startswith("Comunicado No. 7\n")


def test_cp1252_punctuation_and_spanish_letters_survive() -> None:
    original = "“Ningún niño está solo” — ¡Sí! ¿Año? Peña, Núñez…"
    assert decode_bytes(original.encode("cp1252")) == original


def test_result_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Relaciones Exteriores de México")
    assert decode_bytes(decomposed.encode("utf-8")) == "Relaciones Exteriores de México"


def test_binary_garbage_is_rejected_as_ingest_error() -> None:
    with pytest.raises(DecodeError) as caught:
        decode_bytes((FIXTURES / "garbage.txt").read_bytes())
    assert isinstance(caught.value, IngestError)
    assert str(caught.value)


def test_nul_heavy_data_is_rejected() -> None:
    with pytest.raises(DecodeError):
        decode_bytes(b"\x00" * 200 + b"texto")


def test_utf16_without_a_bom_is_decoded() -> None:
    text = "Ciudad de México, 3 de marzo de 2025.- La canciller se reunió con su homólogo."
    assert decode_bytes(text.encode("utf-16-le")) == text
    assert decode_bytes(text.encode("utf-16-be")) == text


def test_a_file_mixing_utf8_and_windows_1252_is_repaired_line_by_line() -> None:
    data = "Andrés Manuel López Obrador\n".encode() + "Andrés Manuel, presidente\n".encode("cp1252")
    assert decode_bytes(data) == "Andrés Manuel López Obrador\nAndrés Manuel, presidente\n"


def test_control_characters_and_lone_surrogates_are_removed() -> None:
    words = b"La canciller se reuni\xc3\xb3 hoy con el secretario de Estado. " * 4
    data = words + b"Texto\x00 con\x07 control\x1b.\x0cFin"
    assert decode_bytes(data) == words.decode() + "Texto con control.\nFin"
    assert normalize_text("Ca\ud800nciller") == "Canciller"
