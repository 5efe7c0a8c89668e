import codecs

import pytest

from storysum.decode import InputError, decode_bytes

GERMAN = "Präsident Müller sagte: „Größer wird es nicht.“ – Straße"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\t \r\n", "only whitespace"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"abc\x00\x01\x02\x03\x00\x00\xff\xfe\x00binary", "NUL bytes"),
])
def test_refuses_what_is_not_text(data, reason):
    with pytest.raises(InputError, match=reason):
        decode_bytes(data)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_encodings_round_trip(encoding):
    data = (GERMAN * 3).encode(encoding)
    assert decode_bytes(data) == GERMAN * 3


def test_latin1_german_is_decoded():
    text = "Der Präsident der Bundesärztekammer äußerte sich über größere Schäden in Köln. " * 3
    assert decode_bytes(text.encode("latin-1")) == text


def test_windows_1252_quotes_and_euro():
    text = "Die Stadt zahlt 34 Mio. € für den „Neubau“ – sagte der Bürgermeister in Düsseldorf. " * 3
    assert decode_bytes(text.encode("cp1252")) == text


def test_bom_is_not_part_of_the_text():
    assert decode_bytes(codecs.BOM_UTF8 + "Hallo Welt".encode()) == "Hallo Welt"
