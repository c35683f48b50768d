"""People with their rank and position: "Thượng tướng Lương Tam Quang - Ủy viên Trung ương Đảng,
Thứ trưởng Bộ Công an", "Ông Lê Đức Vinh - Chủ tịch UBND tỉnh Khánh Hòa", "Thủ tướng Nguyễn Xuân Phúc".
A name must start with a known family name, which keeps place and organisation names out; a place
glued before it ("Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung") is stepped over, and a position ends
where the clause goes on ("..., Giám đốc Sở Y tế tỉnh Hà Nam xác nhận")."""
from __future__ import annotations

import functools

import regex

from vietmine.gazetteer import alternation, load_json, trie_alternation
from vietmine.gazetteer.places import gazetteer
from vietmine.facts import Document, Person

_SYL = r"\p{Lu}[\p{Ll}\p{M}]*"
_UNIT_LOOK_BACK = 30
_LONGEST_PREFIX = 200  # a position with six words, a rank or an honorific before a name


class _Rules:
    def __init__(self):
        cfg = load_json("people_orgs.json")
        # a position ends where the clause goes on: "..., Giám đốc Sở Y tế tỉnh Hà Nam xác nhận"
        clause = rf"(?:{trie_alternation(cfg['clause_verbs'] + cfg['position_ends_before'])})(?![\p{{L}}\p{{M}}])"
        self.person = regex.compile(
            rf"(?<![\p{{L}}\d])(?:(?P<pos_before>(?:{trie_alternation(cfg['positions'])})(?: (?!{clause})[^\s,.;:()]+){{0,6}}?)\s+)?"
            rf"(?:(?P<rank>{trie_alternation(cfg['ranks'])})\s+|(?:{trie_alternation(cfg['honorifics'])})\s+)?"
            rf"(?P<name>(?:{trie_alternation(cfg['surnames'])})(?: {_SYL}){{1,3}})(?![\p{{L}}\d])"
            rf"(?:\s*(?:-|–|,)\s*(?P<pos_after>(?:{trie_alternation(cfg['positions'])})[^;\n()“”]{{0,90}}?)"
            rf"(?=[;\n()“”.:]|,\s|\s-\s|\s{clause}|$))?")
        # the name alone: found first, it tells where the full pattern (much slower to try at every
        # character) can start
        self.name_only = regex.compile(
            rf"(?<![\p{{L}}\d])(?:{trie_alternation(cfg['surnames'])})(?: {_SYL}){{1,3}}(?![\p{{L}}\d])")
        self.position_word = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{trie_alternation(cfg['positions'])})(?![\p{{L}}\p{{M}}])")
        self.enough_alone = regex.compile(rf"(?i)(?:{alternation(cfg['honorifics_enough_alone'])})(?!\p{{L}})")
        # "UBND thị xã Ninh Hòa": a name right after a unit word is a place
        self.unit_before = regex.compile(
            rf"(?<!\p{{L}})(?:{alternation(load_json('places.json')['unit_words'])})\s+$", regex.REVERSE)
        self.unit_tier = load_json("places.json")["unit_words"]
        # province names that are not also a person's name ("Chủ tịch Hồ Chí Minh" is a person)
        self.province_names = frozenset(gazetteer().province_names) - set(cfg["province_names_also_people"])


@functools.cache
def rules() -> _Rules:
    return _Rules()


def _place_at_name(r: _Rules, text: str, m) -> int:
    """Characters at the start of the matched name that are a place, not a person: "Ninh Hòa" in
    "UBND thị xã Ninh Hòa", "Hà Nội" in "UBND TP Hà Nội Nguyễn Đức Chung", "Ninh" in "tỉnh Quảng
    Ninh Nguyễn Văn Đọc". 0 when the name is a person's."""
    start, words = m.start("name"), m["name"].split()
    unit = r.unit_before.search(text, max(0, start - _UNIT_LOOK_BACK), start)
    if unit:
        for n in range(len(words), 0, -1):
            if gazetteer().lookup(" ".join(words[:n])):
                return len(" ".join(words[:n]))
        if r.unit_tier.get(unit.group().strip()) == "village":
            return len(m["name"])  # "thôn Lê Xá": village names are not in the gazetteer
        return 0  # "UBND thành phố Trần Văn Miên": the city is the article's, the name a person's
    for n in range(len(words) - 1, 0, -1):
        if " ".join(words[:n]) in r.province_names:
            return len(" ".join(words[:n]))
    if _continues_place(text, start):
        return len(words[0])
    return 0


def _inner_person(r: _Rules, text: str, a: int, b: int) -> int | None:
    """Start of another person with a position or rank inside text[a:b] ("..., Phó Thủ tướng
    Chính phủ Trịnh Đình Dũng"): the position after a name must not swallow the next person."""
    for im in r.person.finditer(text, a, b):
        if (im["pos_before"] or im["rank"]) and not gazetteer().lookup(im["name"]) \
                and not _place_at_name(r, text, im):
            return im.start()
    return None


def extract(doc: Document) -> list[Person]:
    r, out, text, pos = rules(), [], doc.text, 0
    held = None  # a match whose name turned out to start with a place: its position word still counts
    while True:
        name = r.name_only.search(text, pos)
        if not name:
            break
        # every match holds a name; none starting before the first name at or after `pos` can
        # begin more than _LONGEST_PREFIX characters before it
        m = r.person.search(text, max(pos, name.start() - _LONGEST_PREFIX))
        if not m:
            break
        pos = m.end()
        if held is not None and not m["pos_before"] and _only_names_between(text, held.start("name"), m.start("name")):
            pos_before = text[held.start("pos_before"):m.start("name")].strip()
        else:
            pos_before = (m["pos_before"] or "").strip()
        held = None
        place = _place_at_name(r, text, m)
        if place:
            # "UBND TP Hà Nội Nguyễn Đức Chung": a place, not a person named Hà; a person may follow it
            if pos_before:
                held = m
            pos = m.start("name") + place
            continue
        pos_after = m["pos_after"]
        if pos_after:
            inner = _inner_person(r, text, m.start("pos_after"), m.end("pos_after"))
            if inner is not None:
                pos_after, pos = text[m.start("pos_after"):inner].rstrip(" ,-–"), inner
        if not (m["rank"] or pos_before or pos_after or r.enough_alone.match(m.group())):
            pos = min(pos, m.end("name"))
            continue  # a bare name-like phrase is too often a place or a street
        if m["name"] in r.province_names:
            pos = min(pos, m.end("name"))
            continue  # "Chủ tịch Hà Nội" (a headline): a province, not a person named Hà
        if pos_before:
            # "Thủ tướng quay sang Bí thư Tỉnh ủy Hà Nam Nguyễn Đình Khang": after a clause, the last
            # position is his; "Bộ trưởng, Chủ nhiệm VPCP" (no clause between) is one position
            found = list(r.position_word.finditer(pos_before))
            if len(found) > 1 and _LOWER_WORD.search(pos_before, found[-2].end(), found[-1].start()):
                pos_before = pos_before[found[-1].start():]
        position = (pos_after or "").strip() or pos_before or None
        out.append(Person(m["name"], m.start("name"), m.end("name"), rank=m["rank"], position=position))
    return out


_WORD_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]* $")


def _continues_place(text: str, start: int) -> bool:
    """"tỉnh Quảng Ninh Nguyễn Văn Đọc": the name's first word ends a place name begun before it."""
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    if not before:
        return False
    first = text[start:start + 12].split(" ", 1)[0]
    return bool(gazetteer().lookup(f"{before.group().strip()} {first}"))


# a clause between two positions: a lower-case word right after the first ("Thủ tướng Chính phủ do Phó
# Thủ tướng"), or two lower-case words ("Thủ tướng quay sang Bí thư"); "Chủ tịch Hội đồng Bộ trưởng",
# "Chủ tịch UBND tỉnh" are names
_LOWER_WORD = regex.compile(r"\G\s+\p{Ll}|(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*\s+\p{Ll}")
_NAMES_ONLY = regex.compile(r"[\p{Lu}][\p{L}\p{M}]*(?: [\p{Lu}][\p{L}\p{M}]*)*\s+")


def _only_names_between(text: str, a: int, b: int) -> bool:
    return _NAMES_ONLY.fullmatch(text, a, b) is not None
