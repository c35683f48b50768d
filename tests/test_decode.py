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
