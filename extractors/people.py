"""People with their rank and position: "Thượng tướng Lương Tam Quang - Ủy viên Trung ương Đảng,
Thứ trưởng Bộ Công an", "Ông Lê Đức Vinh - Chủ tịch UBND tỉnh Khánh Hòa", "Thủ tướng Nguyễn Xuân Phúc".
A name must start with a known family name, which keeps place and organisation names out."""
from __future__ import annotations

import functools

import regex

from extractors import register
from gazetteer import alternation, load_json
from gazetteer.places import gazetteer
from pipeline.model import Document, Person

_SYL = r"\p{Lu}[\p{Ll}\p{M}]*"
_UNIT_LOOK_BACK = 30


def _trie_pattern(words) -> str:
    """A regex for a set of literal phrases, factored by common prefixes: the scanner tries one
    branch per letter instead of every phrase in turn (half the time of a flat alternation here).
    (The same helper as in extractors/organizations.py; it belongs beside gazetteer.alternation.)"""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        alts = [regex.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body  # the longer phrase is tried first

    return build(trie)


class _Rules:
    def __init__(self):
        cfg = load_json("people_orgs.json")
        # a position ends where the clause goes on: "..., Giám đốc Sở Y tế tỉnh Hà Nam xác nhận"
        clause = rf"(?:{_trie_pattern(cfg['clause_verbs'] + cfg['position_ends_before'])})(?![\p{{L}}\p{{M}}])"
        self.person = regex.compile(
            rf"(?<![\p{{L}}\d])(?:(?P<pos_before>(?:{_trie_pattern(cfg['positions'])})(?: (?!{clause})[^\s,.;:()]+){{0,6}}?)\s+)?"
            rf"(?:(?P<rank>{_trie_pattern(cfg['ranks'])})\s+|(?:{_trie_pattern(cfg['honorifics'])})\s+)?"
            rf"(?P<name>(?:{_trie_pattern(cfg['surnames'])})(?: {_SYL}){{1,3}})(?![\p{{L}}\d])"
            rf"(?:\s*(?:-|–|,)\s*(?P<pos_after>(?:{_trie_pattern(cfg['positions'])})[^;\n()“”]{{0,90}}?)"
            rf"(?=[;\n()“”.:]|,\s|\s-\s|\s{clause}|$))?")
        self.enough_alone = regex.compile(rf"(?i)(?:{alternation(cfg['honorifics_enough_alone'])})(?!\p{{L}})")
        # "UBND thị xã Ninh Hòa": a name right after a unit word is a place
        self.unit_before = regex.compile(
            rf"(?<!\p{{L}})(?:{alternation(load_json('places.json')['unit_words'])})\s+$", regex.REVERSE)
        # province names that are not also a person's name ("Chủ tịch Hồ Chí Minh" is a person)
        self.province_names = frozenset(gazetteer().province_names) - set(cfg["province_names_also_people"])


@functools.cache
def rules() -> _Rules:
    return _Rules()


def _starts_with_province(r: _Rules, name: str) -> bool:
    words = name.split()
    return any(" ".join(words[:n]) in r.province_names for n in range(1, len(words)))


@register("people")
def extract(doc: Document) -> list[Person]:
    r, out, text, pos = rules(), [], doc.text, 0
    held = None  # a match whose name turned out to start with a place: its position word still counts
    while True:
        m = r.person.search(text, pos)
        if not m:
            break
        pos = m.end()
        if held is not None and not m["pos_before"] and _only_names_between(text, held.start("name"), m.start("name")):
            pos_before = text[held.start("pos_before"):m.start("name")].strip()
        else:
            pos_before = (m["pos_before"] or "").strip()
        held = None
        if r.unit_before.search(text, max(0, m.start("name") - _UNIT_LOOK_BACK), m.start("name")) or \
                _starts_with_province(r, m["name"]) or _continues_place(text, m.start("name")):
            # "UBND thị xã Ninh Hòa", "UBND TP Hà Nội Nguyễn Đức Chung": a place, not a person named Ninh
            # or Hà; a person's name may still follow the place
            if pos_before:
                held = m
            pos = m.start("name") + 1
            continue
        if not (m["rank"] or pos_before or m["pos_after"] or r.enough_alone.match(m.group())):
            continue  # a bare name-like phrase is too often a place or a street
        if m["name"] in r.province_names:
            continue  # "Chủ tịch Hà Nội" (a headline): a province, not a person named Hà
        position = (m["pos_after"] or "").strip() or pos_before or None
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


_NAMES_ONLY = regex.compile(r"[\p{Lu}][\p{L}\p{M}]*(?: [\p{Lu}][\p{L}\p{M}]*)*\s+")


def _only_names_between(text: str, a: int, b: int) -> bool:
    return _NAMES_ONLY.fullmatch(text, a, b) is not None
