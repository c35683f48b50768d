"""Organisations, normalised: "UBND tỉnh Khánh Hòa" -> "Ủy ban nhân dân tỉnh Khánh Hòa",
"Ban Chỉ đạo 138 tỉnh Thanh Hóa", "Công an huyện Diễn Châu", "Bộ Công an", "MTTQ Việt Nam"."""
from __future__ import annotations

import functools

import regex

from vietmine.gazetteer import alternation, load_json
from vietmine.facts import Document, Organization

_SYL = r"(?:\p{Lu}[\p{Ll}\p{M}]*|\d{1,4})"


class _Rules:
    def __init__(self):
        cfg = load_json("people_orgs.json")
        self.heads = cfg["organization_heads"]
        self.alone = set(cfg["organizations_complete_alone"])
        units = alternation(w for w, tier in load_json("places.json")["unit_words"].items() if tier != "village")
        self.org = regex.compile(
            rf"(?<![\p{{L}}])(?P<head>{alternation(self.heads)})"
            rf"(?P<tail>(?: {_SYL}){{0,6}}(?: \d{{2,4}})?(?: (?:{units})(?: {_SYL}){{1,4}})?)(?![\p{{L}}\d])")


@functools.cache
def rules() -> _Rules:
    return _Rules()


def extract(doc: Document) -> list[Organization]:
    r = rules()
    out = []
    for m in r.org.finditer(doc.text):
        head, tail = m["head"], m["tail"]
        name = (head + tail).strip()
        if not tail.strip() and name not in r.alone:
            continue  # "Công an", "Sở" alone name no particular body
        if tail.strip().isdigit() and r.heads[head] != "Ban Chỉ đạo":
            continue  # "UBND 27 xã": a count follows, not a name
        out.append(Organization(name, (r.heads[head] + tail).strip(), r.heads[head], m.start(), m.end()))
    return out
