"""Encodings, converted from a real sample sentence."""
import codecs
import subprocess
import unicodedata

import pytest

from vietmine.pipeline.decode import DecodeError, decode_bytes

SENTENCE = "Năm 2018, phong trào Toàn dân bảo vệ an ninh Tổ quốc toàn tỉnh Khánh Hòa có nhiều nét mới."


@pytest.mark.parametrize("data", [
    SENTENCE.encode("utf-8"),
    codecs.BOM_UTF8 + SENTENCE.encode("utf-8"),
    SENTENCE.encode("utf-16"),
    SENTENCE.encode("utf-16-le"),
    unicodedata.normalize("NFD", SENTENCE).encode("utf-8"),
])
def test_unicode_forms_decode_to_nfc(data):
    assert decode_bytes(data)[0] == SENTENCE


def _cp1258_form(s: str) -> str:
    """Windows-1258 keeps â ê ô ơ ư ă precomposed and writes the tone as a combining mark."""
    out, tones = [], []
    for ch in unicodedata.normalize("NFD", s) + " ":
        if unicodedata.combining(ch) and ch in "\u0302\u0306\u031b":
            out[-1] = unicodedata.normalize("NFC", out[-1] + ch)
        elif unicodedata.combining(ch):
            tones.append(ch)
        else:
            out.extend(tones)
            tones = []
            out.append(ch)
    return "".join(out)[:-1]


def test_windows_1258():
    data = _cp1258_form(SENTENCE).encode("cp1258")
    assert decode_bytes(data) == (SENTENCE, "cp1258")


def test_tcvn3():
    r = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=SENTENCE.encode(), capture_output=True)
    if r.returncode != 0:
        pytest.skip("iconv without TCVN5712-1 on this machine")
    # TCVN3 (ABC) fonts have no upper-case precomposed letters: compare the lower-case sentence
    lower = SENTENCE.lower()
    data = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=lower.encode(), capture_output=True).stdout
    assert decode_bytes(data) == (lower, "tcvn3")


def test_empty_and_binary_are_refused():
    with pytest.raises(DecodeError, match="empty"):
        decode_bytes(b"  \n")
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))


def test_truncated_utf16_keeps_its_whole_characters():
    data = codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le")
    text, enc = decode_bytes(data[:-1])
    assert SENTENCE.startswith(text) and len(text) == len(SENTENCE) - 1 and enc == "utf-16 (truncated)"


def _vni(text: str) -> bytes:
    """A real sentence converted to VNI with the table of gazetteer/data/legacy_encodings.json."""
    from vietmine.gazetteer import load_json

    to_vni = {uni: seq for seq, uni in load_json("legacy_encodings.json")["sequences"]["vni"].items()}
    return "".join(to_vni.get(ch, ch) for ch in text).encode("latin-1")


def test_vni_table_inverts_to_the_sentence():
    assert decode_bytes(_vni(SENTENCE)) == (SENTENCE, "vni")


@pytest.mark.parametrize("vni, text", [
    # VNI text as pages typed in VNI fonts show it when read as Windows-1252 (written by hand)
    ("Vieät Nam laø moät quoác gia", "Việt Nam là một quốc gia"),
    ("Thaønh phoá Hoà Chí Minh ñöôïc thaønh laäp", "Thành phố Hồ Chí Minh được thành lập"),
    ("UÛy ban nhaân daân tænh Khaùnh Hoøa", "Ủy ban nhân dân tỉnh Khánh Hòa"),
])
def test_vni_known_words(vni, text):
    decoded, enc = decode_bytes(vni.encode("cp1252"))
    assert (decoded, enc) == (text, "vni")


@pytest.mark.parametrize("data", [
    SENTENCE.encode("utf-8")[:20] + b"\x00" + SENTENCE.encode("utf-8")[20:],
    b"\x00" + SENTENCE.encode("utf-8"),
    SENTENCE.encode("utf-8") + b"\x00\x00",
], ids=["nul-inside", "nul-first", "nul-at-end"])
def test_a_stray_nul_in_good_text_is_removed(data):
    assert decode_bytes(data)[0] == SENTENCE


def _article() -> str:
    from vietmine.corpus import SAMPLE_DIR

    return sorted(SAMPLE_DIR.glob("*.txt"))[0].read_text(encoding="utf-8")


def _spoil(text: str, how: str) -> tuple[bytes, str]:
    """(the text's UTF-8 with one fault in the middle, the text as it should decode): a stray
    byte before a character, or a character of several bytes that lost its last one."""
    data = text.encode("utf-8")
    mid = len(data) // 2
    while data[mid] & 0xC0 == 0x80 or (how != "stray-byte" and data[mid] < 0x80):
        mid += 1
    end = mid
    if how != "stray-byte":
        end = mid + 1
        while data[end] & 0xC0 == 0x80:
            end += 1
    fault = b"\xff" if how == "stray-byte" else data[mid:end - 1]
    return (data[:mid] + fault + data[end:] if how != "stray-byte" else data[:mid] + fault + data[mid:],
            unicodedata.normalize("NFC", data[:mid].decode() + "\ufffd" + data[end:].decode()))


@pytest.mark.parametrize("text", [
    pytest.param(SENTENCE, id="one-sentence"),
    pytest.param("Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an, làm việc tại tỉnh Khánh Hòa. " * 70, id="5kb-text"),
    pytest.param("article", id="bundled-article"),
])
@pytest.mark.parametrize("how", ["stray-byte", "character-cut-in-half"])
def test_utf8_with_one_bad_byte_is_repaired_not_refused_or_garbled(text, how):
    text = _article() if text == "article" else text
    data, expected = _spoil(text, how)
    decoded, encoding = decode_bytes(data)
    assert decoded == expected
    assert encoding == "utf-8 (1 invalid byte replaced by U+FFFD)"


def test_a_repaired_decoding_is_recorded_and_the_document_loaded(tmp_path):
    from tests.util import q
    from vietmine.cli import main

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(_spoil(_article(), "stray-byte")[0])
    db = str(tmp_path / "r.duckdb")
    assert main(["ingest", str(corpus), "--db", db]) == 0
    assert q(db, "SELECT loaded, skipped FROM runs") == [(1, 0)]
    assert q(db, "SELECT reason FROM problems") == [("loaded, decoded as utf-8 (1 invalid byte replaced by U+FFFD)",)]
    assert q(db, "SELECT count(*) FROM places") != [(0,)]
