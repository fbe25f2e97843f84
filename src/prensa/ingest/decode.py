"""Bytes to text: releases arrive as UTF-8, UTF-16 or legacy Windows code pages."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from prensa.errors import DecodeError

__all__ = ["DecodeError", "decode_bytes"]

#: Checked longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Single-byte Latin code pages charset-normalizer may pick for short Western texts; cp1252 reads
#: ñ, ¿ and ¡ where cp1250 gives ń, ż and ˇ, so it wins whenever it decodes the bytes.
_WESTERN_FALLBACK = "cp1252"
_LATIN_SINGLE_BYTE = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp850",
        "cp437",
        "latin_1",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
    }
    | {f"iso8859_{n}" for n in (2, 3, 4, 9, 10, 13, 14, 15, 16)}
)
_UNICODE_WIDE = ("utf_16", "utf_32")
#: Share of control or unassigned characters above which decoded "text" is really binary.
_MAX_CONTROL_SHARE = 0.02
_ALLOWED_CONTROLS = frozenset("\n\r\t\f\v")
#: Control characters (but tab and newline), lone surrogates and the BOM never reach the tables:
#: they break CSV readers, SQLite's FTS and UTF-8 encoders downstream.
_STRIPPED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufeff]")
#: Share of NUL bytes on one side of the byte pairs that marks UTF-16 text without a BOM.
_UTF16_NUL_SHARE = 0.3


def decode_bytes(data: bytes) -> str:
    """Decode a release: BOM, UTF-16 without BOM, strict UTF-8, UTF-8 and Windows-1252 mixed
    line by line, then charset-normalizer's best guess.

    Returns ``normalize_text``'s form; raises DecodeError when nothing plausible decodes.
    """
    text = _decode(data)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise DecodeError("the file looks binary: it decodes to control characters, not text")
    return normalize_text(text)


def normalize_text(text: str) -> str:
    """NFC with ``\\n`` newlines, no BOM, no control characters and no lone surrogates: the
    same text gives the same offsets and ids, however it came (a file, a JSON string, a
    notebook)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return unicodedata.normalize("NFC", _STRIPPED.sub("", text))


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"the file starts with a {encoding} BOM but is not {encoding}"
                ) from exc
    wide = _utf16_without_bom(data)
    if wide is not None:
        return wide
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mixed_lines(data)
    if mixed is not None:
        return mixed
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("no text encoding fits the bytes (binary or corrupt file?)")
    encoding = best.encoding
    if b"\x00" in data and not encoding.startswith(_UNICODE_WIDE):
        raise DecodeError("the file holds NUL bytes: it is binary, not text")
    if encoding in _LATIN_SINGLE_BYTE:
        try:
            return data.decode(_WESTERN_FALLBACK)
        except UnicodeDecodeError:
            pass
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM: Latin text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    for encoding, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) >= _UTF16_NUL_SHARE * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _mixed_lines(data: bytes) -> str | None:
    """A file pasted together from UTF-8 and Windows-1252 sources: each line is decoded on its
    own, so 'Andrés' stays 'Andrés' in both halves instead of turning into 'AndrÃ©s'."""
    lines = data.split(b"\n")
    utf8 = legacy = 0
    decoded: list[str] = []
    for line in lines:
        try:
            text = line.decode("utf-8")
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            try:
                text = line.decode(_WESTERN_FALLBACK)
            except UnicodeDecodeError:
                return None
            legacy += 1
        decoded.append(text)
    return "\n".join(decoded) if utf8 and legacy else None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(
        1
        for ch in text
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
    )
    return bad / len(text)
