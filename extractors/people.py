"""People with their rank and position: "Thượng tướng Lương Tam Quang - Ủy viên Trung ương Đảng,
Thứ trưởng Bộ Công an", "Ông Lê Đức Vinh - Chủ tịch UBND tỉnh Khánh Hòa", "Thủ tướng Nguyễn Xuân Phúc".
A name must start with a known family name, which keeps place and organisation names out."""
from __future__ import annotations

import functools

import regex

from vietmine.gazetteer import alternation, load_json
from vietmine.gazetteer.places import gazetteer
from vietmine.facts import Document, Person

_SYL = r"\p{Lu}[\p{Ll}\p{M}]*"
_UNIT_LOOK_BACK = 30


class _Rules:
    def __init__(self):
        cfg = load_json("people_orgs.json")
        self.person = regex.compile(
            rf"(?<![\p{{L}}\d])(?:(?P<pos_before>(?:{alternation(cfg['positions'])})(?: [^\s,.;:()]+){{0,6}}?)\s+)?"
            rf"(?:(?P<rank>{alternation(cfg['ranks'])})\s+|(?:{alternation(cfg['honorifics'])})\s+)?"
            rf"(?P<name>(?:{alternation(cfg['surnames'])})(?: {_SYL}){{1,3}})(?![\p{{L}}\d])"
            rf"(?:\s*(?:-|–|,)\s*(?P<pos_after>(?:{alternation(cfg['positions'])})[^;\n()“”]{{0,90}}?)(?=[;\n()“”.]|,\s|\s-\s|$))?")
        self.enough_alone = regex.compile(rf"(?i)(?:{alternation(cfg['honorifics_enough_alone'])})(?!\p{{L}})")
        # "UBND thị xã Ninh Hòa": a name right after a unit word is a place
        self.unit_before = regex.compile(
            rf"(?<!\p{{L}})(?:{alternation(load_json('places.json')['unit_words'])})\s+$", regex.REVERSE)
        # province names that are not also a person's name ("Chủ tịch Hồ Chí Minh" is a person)
        self.province_names = frozenset(gazetteer().province_names) - set(cfg["province_names_also_people"])


@functools.cache
def rules() -> _Rules:
    return _Rules()


def extract(doc: Document) -> list[Person]:
    r, out = rules(), []
    for m in r.person.finditer(doc.text):
        if not (m["rank"] or m["pos_before"] or m["pos_after"] or r.enough_alone.match(m.group())):
            continue  # a bare name-like phrase is too often a place or a street
        if m["name"] in r.province_names:
            continue  # "Chủ tịch Hà Nội" (a headline): a province, not a person named Hà
        if r.unit_before.search(doc.text, max(0, m.start("name") - _UNIT_LOOK_BACK), m.start("name")):
            continue  # "UBND thị xã Ninh Hòa": a place, not a person named Ninh
        position = (m["pos_after"] or m["pos_before"] or "").strip() or None
        out.append(Person(m["name"], m.start("name"), m.end("name"), rank=m["rank"], position=position))
    return out
