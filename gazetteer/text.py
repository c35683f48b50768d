"""Text keys for matching Vietnamese names: NFC, lower case, modern tone placement."""
from __future__ import annotations

import unicodedata

import regex

# Old-style placement puts the tone on the second vowel of open oa/oe/uy ("hoà", "thuỷ");
# the modern style on the first ("hòa", "thủy"). Only open syllables differ.
_OLD_TO_NEW = {}
for base, marks in (("oa", "àáảãạ"), ("oe", "èéẻẽẹ"), ("uy", "ỳýỷỹỵ")):
    plain_first = {"o": "òóỏõọ", "u": "ùúủũụ"}[base[0]]
    for i, marked_second in enumerate(marks):
        _OLD_TO_NEW[base[0] + marked_second] = plain_first[i] + base[1]
_OLD_RE = regex.compile("(?i)(?<![qg])(" + "|".join(_OLD_TO_NEW) + r")(?!\p{L})")


def modern_tones(s: str) -> str:
    def sub(m):
        old = m.group(1)
        new = _OLD_TO_NEW[old.lower()]
        return new.upper() if old.isupper() else (new[0].upper() + new[1:] if old[0].isupper() else new)
    return _OLD_RE.sub(sub, unicodedata.normalize("NFC", s))


def name_key(s: str) -> str:
    return modern_tones(s).lower().strip()
