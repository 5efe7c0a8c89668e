"""Bytes to text: byte-order marks, UTF-8, legacy encodings, and refusing binary files.

News archives deliver Windows-1252 and UTF-16 exports next to UTF-8; a wrong guess turns
"Präsident" into "PrÃ¤sident" and poisons every later stage, so decoding is its own concern.
"""

from __future__ import annotations

import codecs

import charset_normalizer


class InputError(Exception):
    """An input that cannot be used; the message is the one-line reason shown to the user."""


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
]


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes to text, or raise InputError saying why it is not text."""
    if not data.strip():
        raise InputError("empty file" if not data else "file contains only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strip_nul(data.decode(encoding, errors="replace"))
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"binary file ({kind}), not text")
    utf16 = _guess_bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if b"\x00" in data[:65536]:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is None:
        raise InputError("binary or undecodable file, not text")
    encoding = best.encoding
    # charset-normalizer often names a close cousin of cp1252; cp1252 is the safe superset of
    # Latin-1 for Western European news text (it maps the 0x80-0x9f quotes and dashes).
    if encoding in {"latin_1", "iso8859_15", "iso8859_1"}:
        encoding = "cp1252"
    return data.decode(encoding, errors="replace")


def _guess_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes on every other position of ASCII text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _strip_nul(text: str) -> str:
    return text.replace("\x00", "")
