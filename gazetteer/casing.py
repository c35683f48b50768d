"""Text in capitals, read in sentence case: a legal text names its issuer and its signer's title in
capitals ("ỦY BAN NHÂN DÂN TỈNH SƠN LA", "BAN CHỈ ĐẠO QUỐC GIA VỀ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT
SĨ"); the name rules read capitals as the start of a proper name. `sentence_case` gives a copy of
the text, of the same length, where each run of two or more capitalised syllables is lower case
but for its first word and the names of units after a unit word ("Ủy ban nhân dân tỉnh Sơn La").
Acronyms ("UBND", "CSGT", "TP") are no syllables and stay as written."""
from __future__ import annotations

import functools

import regex

from vietmine.gazetteer import MEMO_ENTRIES, alternation, load_json
from vietmine.gazetteer.text import name_key

VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
# one Vietnamese syllable, lower case: onset, vowels, final consonant
_SYLLABLE = regex.compile(rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[{VOWELS}]{{1,3}}(?:ng|nh|ch|[cmnpt])?")
_CAPS_WORD = r"\p{Lu}[\p{Lu}\p{M}]*"
# two or more words in capitals, with commas and hyphens between them
_CAPS_RUN = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d]){_CAPS_WORD}(?:(?:[ \t]*[,\-–][ \t]*|[ \t]+){_CAPS_WORD})+(?![\p{{L}}\p{{M}}\d])")
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_MAX_PLACE_WORDS = 4


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def is_syllable(word: str) -> bool:
    """"SƠN", "nhân" are Vietnamese syllables; "UBND", "TP", "VOV", "Trump" are not."""
    return _SYLLABLE.fullmatch(word.lower()) is not None


@functools.cache
def _unit_words():
    words = {w.lower() for w in load_json("places.json")["unit_words"] if not w.endswith(".")}
    return regex.compile(rf"(?:{alternation(words)})(?![\p{{L}}\p{{M}}])")


def _place_keys():
    from vietmine.gazetteer.places import gazetteer

    return gazetteer().by_key


def _recase(run: str) -> str:
    words = list(_WORD.finditer(run))
    lowered = run.lower()
    out = list(lowered)
    out[words[0].start()] = run[words[0].start()]
    units = _unit_words()
    keys = _place_keys()
    for w in words:
        u = units.match(lowered, w.start())
        if not u:
            continue
        after = [x for x in words if x.start() > u.end()][:_MAX_PLACE_WORDS]
        for n in range(len(after), 0, -1):
            if name_key(lowered[after[0].start():after[n - 1].end()]) in keys:
                for x in after[:n]:
                    out[x.start()] = run[x.start()]
                break
    return "".join(out)


def sentence_case(text: str) -> str:
    """The text with its runs of capitalised syllables in sentence case; the same length, so
    offsets into it are offsets into the text."""
    pieces, last = [], 0
    for m in _CAPS_RUN.finditer(text):
        # the syllables between acronyms ("UBND TỈNH SƠN LA"): two or more of them
        syllables = [w for w in _WORD.finditer(text, m.start(), m.end())]
        i = 0
        while i < len(syllables):
            j = i
            while j < len(syllables) and is_syllable(syllables[j].group()):
                j += 1
            if j - i >= 2:
                a, b = syllables[i].start(), syllables[j - 1].end()
                pieces += [text[last:a], _recase(text[a:b])]
                last = b
            i = j + 1
    if not pieces:
        return text
    pieces.append(text[last:])
    out = "".join(pieces)
    return out if len(out) == len(text) else text
