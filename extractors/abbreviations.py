"""Abbreviations: defined in the text ("an ninh Tổ quốc (ANTQ)", the initials of the words before
the parenthesis), and the common ones of DOMAIN.md that the text uses."""
from __future__ import annotations

import functools
import unicodedata

import regex

from vietmine.gazetteer import load_json
from vietmine.facts import Abbreviation, Document

# Find the parenthesised abbreviation first and look back for its words: a pattern that starts
# with the words would try up to ten words at every letter of the text.
_PARENTHESISED = regex.compile(r"\(\s*(?P<abbr>\p{Lu}[\p{Lu}\d]{1,9})\s*\)")
_WORDS_BEFORE = regex.compile(r"(?<!\p{L})(?:\p{L}+[\s-]+){1,10}$")
_LOOK_BACK = 200


def _initial(word: str) -> str:
    c = word[0].upper()
    return c if c == "Đ" else unicodedata.normalize("NFD", c)[0]


def _letters(abbr: str) -> str:
    return "".join(c if c == "Đ" else unicodedata.normalize("NFD", c)[0] for c in abbr)


@functools.cache
def _common():
    common = load_json("people_orgs.json")["common_abbreviations"]
    return common, regex.compile(rf"(?<!\p{{L}})(?P<a>{'|'.join(map(regex.escape, common))})(?!\p{{L}})")


def extract(doc: Document) -> list[Abbreviation]:
    out, defined = [], set()
    text = doc.text
    for m in _PARENTHESISED.finditer(text):
        window_start = max(0, m.start() - _LOOK_BACK)
        before = _WORDS_BEFORE.search(text, window_start, m.start())
        if not before:
            continue
        words = [w for w in regex.split(r"[\s-]+", before[0].strip()) if w]
        want = _letters(m["abbr"])
        k = len(want)
        if len(words) >= k and "".join(_initial(w) for w in words[-k:]) == want:
            exp_start = before.start() + before[0].index(words[-k])
            out.append(Abbreviation(m["abbr"], " ".join(words[-k:]), True, exp_start, m.end()))
            defined.add(m["abbr"])
    common, pattern = _common()
    for m in pattern.finditer(text):
        if m["a"] not in defined:
            defined.add(m["a"])
            out.append(Abbreviation(m["a"], common[m["a"]], False, m.start(), m.end()))
    return out
