"""Abbreviations: defined in the text ("an ninh Tổ quốc (ANTQ)", the initials of the words before
the parenthesis), and the common ones of DOMAIN.md that the text uses."""
from __future__ import annotations

import unicodedata

import regex

from extractors import register
from gazetteer import load_json
from pipeline.model import Abbreviation, Document

_DEFINED = regex.compile(r"(?P<words>(?:[\p{L}]+[\s-]+){1,10}?)\(\s*(?P<abbr>\p{Lu}[\p{Lu}\d]{1,9})\s*\)")


def _initial(word: str) -> str:
    c = word[0].upper()
    return c if c == "Đ" else unicodedata.normalize("NFD", c)[0]


def _letters(abbr: str) -> str:
    return "".join(c if c == "Đ" else unicodedata.normalize("NFD", c)[0] for c in abbr)


@register("abbreviations")
def extract(doc: Document) -> list[Abbreviation]:
    out, defined = [], set()
    for m in _DEFINED.finditer(doc.text):
        words = [w for w in regex.split(r"[\s-]+", m["words"].strip()) if w]
        want = _letters(m["abbr"])
        k = len(want)
        if len(words) >= k and "".join(_initial(w) for w in words[-k:]) == want:
            exp_start = m.start("words") + m["words"].index(words[-k])
            out.append(Abbreviation(m["abbr"], " ".join(words[-k:]), True, exp_start, m.end()))
            defined.add(m["abbr"])
    common = load_json("people_orgs.json")["common_abbreviations"]
    pattern = regex.compile(rf"(?<![\p{{L}}])(?P<a>{'|'.join(map(regex.escape, common))})(?![\p{{L}}])")
    for m in pattern.finditer(doc.text):
        if m["a"] not in defined:
            defined.add(m["a"])
            out.append(Abbreviation(m["a"], common[m["a"]], False, m.start(), m.end()))
    return out
