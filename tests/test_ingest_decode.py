"""Decoding: whatever encoding a release arrives in, the text downstream is the same."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from prensa.ingest.decode import DecodeError, decode_bytes
from prensa.ingest.errors import IngestError

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
