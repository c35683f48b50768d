"""Decode stage: an input's bytes to Unicode text in NFC. Detects BOMs, UTF-16, UTF-8,
Windows-1258 and the legacy Vietnamese 8-bit encodings TCVN3 and VNI, removes stray NUL bytes, and
rejects binary data with a reason. UTF-8 text with a few invalid bytes (a stray byte, a character
cut in half) is decoded with those bytes replaced, and the repair is recorded: a legacy decoding
wins over it only when it reads as Vietnamese."""
from __future__ import annotations

import codecs
import dataclasses
import functools
import re
import unicodedata

from vietmine.corpus.files import valid_text
from vietmine.facts import RawInput
from vietmine.gazetteer import load_json


class DecodeError(ValueError):
    pass


def _legacy_tables():
    return load_json("legacy_encodings.json")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.02


def _plausible_text(text: str) -> bool:
    sample = text[:4000]
    printable = sum(1 for c in sample if c.isprintable() or c in "\n\t")
    letters = sum(1 for c in sample if c.isalpha())
    return printable > 0.97 * len(sample) and letters > 0.5 * len(sample.replace(" ", ""))


LEGACY_MIN_SCORE = 0.05  # share of frequent Vietnamese syllables a legacy decoding must reach


def _vietnamese_score(text: str) -> float:
    """Share of words that are frequent Vietnamese syllables; picks among 8-bit decodings."""
    words = text[:20000].lower().split()
    if not words:
        return 0.0
    frequent = set(_legacy_tables()["frequent_words"])
    return sum(1 for w in words if w.strip(".,;:()\"“”") in frequent) / len(words)




def _decode_legacy(data: bytes, table: dict[str, str]) -> str:
    """Decode a legacy 8-bit encoding given as a byte (as latin-1 char) -> Unicode table."""
    return data.decode("latin-1").translate(str.maketrans(table))


@functools.cache
def _sequence_pattern(name: str) -> re.Pattern:
    table = _legacy_tables()["sequences"][name]
    return re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))


def _decode_sequences(data: bytes, name: str, table: dict[str, str]) -> str:
    """Decode an encoding that writes a letter as its base plus mark characters (VNI: 'eä' is
    'ệ'), given as a table of (latin-1) sequences -> Unicode; longest sequences first."""
    return _sequence_pattern(name).sub(lambda m: table[m.group()], data.decode("latin-1"))


def decode(raw: RawInput) -> RawInput:
    """The input with its text in NFC in place of its bytes (JSON lines arrive as text already);
    DecodeError with a reason. A repaired decoding is named in meta["repair"]."""
    if not isinstance(raw.data, bytes):
        return dataclasses.replace(raw, data=normalize(raw.data))
    text, encoding = decode_bytes(raw.data)
    if "(" in encoding:  # 'utf-8 (truncated)', 'utf-8 (2 invalid bytes replaced by U+FFFD)'
        return dataclasses.replace(raw, data=text, meta={**raw.meta, "repair": f"decoded as {encoding}"})
    return dataclasses.replace(raw, data=text)


# At most this share of a text's non-ASCII characters may be invalid bytes for it to be read as
# UTF-8 with repairs: a legacy 8-bit text has nearly every one of them invalid.
REPAIRABLE_SHARE = 0.05
_FFFD = "\ufffd".encode()


def _utf8_repaired(data: bytes) -> tuple[str, int, int] | None:
    """(text with invalid bytes replaced by U+FFFD, invalid sequences, valid non-ASCII
    characters) when only a few bytes keep `data` from being UTF-8; None otherwise."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(_FFFD)
    wide = sum(1 for c in text if ord(c) > 0x7F) - bad
    if bad > max(4, REPAIRABLE_SHARE * wide):
        return None
    return text, bad, wide


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text in NFC, encoding name). Raises DecodeError with a reason."""
    if not data.strip():
        raise DecodeError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return normalize(data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        even = data[: len(data) - len(data) % 2]  # a file cut mid-character keeps its whole characters
        try:
            return normalize(even.decode("utf-16")), "utf-16" if even == data else "utf-16 (truncated)"
        except UnicodeDecodeError:
            raise DecodeError("undecodable: UTF-16 byte order mark but invalid UTF-16 data") from None
    # UTF-16 without BOM: every other byte NUL on mostly-Latin text
    for codec, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if len(data) >= 4 and zeros.count(0) > len(data) // 4:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _plausible_text(text):
                return normalize(text), codec
    nuls = data.count(b"\x00")
    if nuls and nuls <= max(4, len(data) // 100) and not _looks_binary(data.replace(b"\x00", b"")):
        data = data.replace(b"\x00", b"")  # a stray NUL (a copy or transfer fault) in good text
    if _looks_binary(data):
        raise DecodeError("binary data, not text")
    try:
        return normalize(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as e:
        # a valid prefix cut mid-character at the very end is a truncated UTF-8 file
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":
            return normalize(data[: e.start].decode("utf-8")), "utf-8 (truncated)"
    candidates = []
    for name, table in _legacy_tables()["encodings"].items():
        candidates.append((name, _decode_legacy(data, table)))
    for name, table in _legacy_tables().get("sequences", {}).items():
        candidates.append((name, _decode_sequences(data, name, table)))
    candidates.append(("cp1258", data.decode("cp1258", errors="replace")))
    scored = [(_vietnamese_score(normalize(t)), name, t) for name, t in candidates]
    score, name, text = max(scored, key=lambda s: s[0])
    repaired = _utf8_repaired(data)
    if repaired is not None:
        utf8, bad, wide = repaired
        utf8 = normalize(utf8)
        utf8_score = _vietnamese_score(utf8)
        # a legacy decoding wins only when it reads as Vietnamese, and better than the repaired
        # UTF-8 does (or as well, when nothing but the invalid bytes is non-ASCII: no sign of UTF-8)
        if not (score >= LEGACY_MIN_SCORE and (score > utf8_score or (wide == 0 and score == utf8_score))):
            return utf8, f"utf-8 ({bad} invalid byte{'s' if bad > 1 else ''} replaced by U+FFFD)"
    if score < LEGACY_MIN_SCORE:
        raise DecodeError("undecodable: not UTF-8/UTF-16 and no Vietnamese legacy encoding fits")
    return normalize(text), name


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f]")


def normalize(text: str) -> str:
    """NFC, unified newlines, no NUL or stray control characters, no lone surrogate (a JSON
    '\\ud800' is valid JSON but not text: it becomes U+FFFD)."""
    text = valid_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = _CONTROL_CHARS.sub("", text)
    return unicodedata.normalize("NFC", text)
