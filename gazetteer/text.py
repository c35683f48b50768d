"""Text keys for matching Vietnamese names: NFC, lower case, modern tone placement."""
from __future__ import annotations

import functools
import unicodedata

import regex

from vietmine.gazetteer import MEMO_ENTRIES

# Old-style placement puts the tone on the second vowel of open oa/oe/uy ("hoà", "thuỷ");
# the modern style on the first ("hòa", "thủy"). Only open syllables differ.
# Not underthesea's text_normalize: on the 10,667 words of the shared texts and the gazetteer's unit
# names it also respells ("An Qui" -> "An Quy"), moves one tone the old way ("Thanh Lòa" -> "Thanh
# Loà"), puts a space before commas (it tokenizes), and is 15x slower (0.22 s vs 0.014 s on the names).
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


_HYPHEN = regex.compile(r"\s*[-–]\s*")


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def name_key(s: str) -> str:
    """"Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu" and "Thừa Thiên Huế" are written with and without
    the hyphen: it is no part of the key."""
    return _HYPHEN.sub(" ", modern_tones(s).lower().strip())


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def loose_key(s: str) -> str:
    """A key blind to tone marks, vowel marks, spaces and hyphens: "Kong Chro" = "Kông Chro",
    "Simacai" = "Si Ma Cai". For recognising a unit written without its marks, never for linking
    when an exact key matches."""
    base = unicodedata.normalize("NFD", s.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in base if c.isalnum() and not unicodedata.combining(c))
