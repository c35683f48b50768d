"""Places: named administrative units ("xã Hải Long", "thị xã Ninh Hòa", "các xã Ninh Phước,
Ninh Thọ", "Công an Hà Tĩnh", "TP.HCM"), each linked to its official code when the hierarchy in
the text, the document's main province and its date fix it, else left unlinked with candidates."""
from __future__ import annotations

import functools
import collections
import datetime as dt

import regex

from vietmine.gazetteer import alternation, load_json
from vietmine.gazetteer.places import Unit, gazetteer
from vietmine.gazetteer.text import modern_tones
from vietmine.facts import Document, Place

REORGANISATION = dt.date(2025, 7, 1)
_SYL = r"(?:\p{Lu}[\p{Ll}\p{M}]*|\d{1,2}[A-Z]?)"
_NAME = rf"(?P<name>{_SYL}(?:(?: - | |-){_SYL}){{0,4}})"
_TIERS = {"province": {"province"}, "province_or_district": {"province", "district"},
          "district": {"district"}, "ward": {"ward"}, "village": set()}


class _Rules:
    def __init__(self):
        cfg = load_json("places.json")
        self.unit_tier = {}
        forms = set()
        for w, tier in cfg["unit_words"].items():
            for f in {w, w[0].upper() + w[1:]}:
                self.unit_tier[f.lower()] = tier
                forms.add(f)
        self.abbrev_level = cfg["level_of_abbreviation"]
        self.mention = regex.compile(
            rf"(?<![\p{{L}}\d])(?P<unit>{alternation(forms)})(?:\s+|(?<=\.)){_NAME}(?![\p{{L}}\d])")
        # "4 xã (Hương Thọ, Hương Phong và Hải Dương)": a counted unit word, then its names
        self.listed = regex.compile(
            rf"(?<![\p{{L}}\d])(?P<unit>{alternation(forms)})\s*\((?P<items>{_NAME}(?:(?:\s*,\s*|\s+và\s+){_NAME})*)\)")
        self.list_item = regex.compile(_NAME)
        # "Ba Đình, Hà Nội", "quận Hai Bà Trưng, Hà Nội": a bare unit name just left of its parent
        self.chain_before = regex.compile(rf"(?<![\p{{L}}\d.]){_NAME}\s*,\s*$", regex.REVERSE)
        # "xã Mỹ Phong (Phù Mỹ)": a bare parent in parentheses just right of a unit
        self.paren_after = regex.compile(rf"\s*\({_NAME}\)")
        # "bà xã" (wife), "ông xã" (husband): the unit word inside an idiom
        self.idiom_before = {unit: regex.compile(rf"(?:^|[^\p{{L}}])(?i:{alternation(words)})\s+$", regex.REVERSE)
                             for unit, words in cfg["idioms_with_unit_word"].items()}
        # "các xã A, B và C": checked left of a mention rather than tried at every word (2x faster)
        self.plural_before = regex.compile(
            rf"(?:^|[^\p{{L}}\d])(?:{alternation(cfg['plural_before'])}|\d+)\s+$", regex.REVERSE)
        self.list_next = regex.compile(rf"(?:\s*,\s*|\s+và\s+){_NAME}(?![\p{{L}}\d])")
        caps_units = [w.upper() for w, t in cfg["unit_words"].items() if t != "village" and not w.endswith(".")]
        self.caps = regex.compile(rf"(?<![\p{{L}}])(?P<unit>{alternation(caps_units)})\s+(?P<name>\p{{Lu}}+(?:\s\p{{Lu}}+){{0,3}})(?!\p{{L}})")
        self.aliases = {a["alias"]: (a["name"], a["level"]) for a in cfg["aliases"]}
        g = gazetteer()
        names = [n for n in g.province_names if n not in cfg["bare_name_ambiguous"]]
        self.bare = regex.compile(rf"(?<![\p{{L}}\d.])(?P<name>{alternation(list(self.aliases) + names)})(?![\p{{L}}\d])")
        self.bare_excl_before = regex.compile(rf"(?:^|[^\p{{L}}])(?:{alternation(cfg['bare_name_excluded_before'])})\s*$", regex.REVERSE)
        self.bare_excl_after = regex.compile(rf"^\s*(?:{alternation(cfg['bare_name_excluded_after'])})(?!\p{{L}})")


@functools.cache
def rules() -> _Rules:
    return _Rules()


def _era(doc: Document) -> str:
    return "2025" if doc.published and doc.published >= REORGANISATION else "2024"


def _compatible(u: Unit, unit_word: str, tier: str, era: str) -> bool:
    return u.era == era and u.tier in _TIERS[tier]


def candidates(name: str, unit_word: str, tier: str, era: str) -> list[Unit]:
    """Units of that name at a compatible tier; those with the same unit word first-class
    ("thành phố Thanh Hóa" is the city, not the province), others only when none has it
    (units renamed or upgraded since the article was written)."""
    same_tier = [u for u in gazetteer().lookup(name) if _compatible(u, unit_word, tier, era)]
    exact = [u for u in same_tier if u.unit_word == unit_word]
    return exact or same_tier


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(not (end <= a or start >= b) for a, b in spans)


def _plural_before(text: str, pos: int) -> bool:
    return rules().plural_before.search(text[max(0, pos - 20):pos]) is not None


def _trim(name: str, unit_word: str, tier: str, era: str) -> str:
    """Longest leading run of syllables that is a known unit at this tier; else the run itself.
    A commune is not cut down to one syllable: one-syllable communes are rare (<1 %), a commune
    missing from the gazetteer (merged since) is not ("xã Thanh Dương" is not "xã Thanh")."""
    sylls = name.split(" ")
    if not _TIERS[tier]:
        return " ".join(sylls[:4])
    shortest = 2 if tier == "ward" and len(sylls) > 1 and sylls[1] != "-" else 1
    for k in range(len(sylls), shortest - 1, -1):
        cand = " ".join(sylls[:k])
        if any(_compatible(u, unit_word, tier, era) for u in gazetteer().lookup(cand)):
            return cand
    return " ".join(sylls[:4])


def extract(doc: Document) -> list[Place]:
    r = rules()
    text = doc.text
    era = _era(doc)
    found: list[tuple[Place, str]] = []  # (place, tier)
    taken: list[tuple[int, int]] = []

    def add(name: str, level: str, tier: str, start: int, end: int):
        found.append((Place(modern_tones(name), level, start, end), tier))
        taken.append((start, end))

    for m in r.mention.finditer(text):
        unit = m["unit"]
        tier = r.unit_tier[unit.lower()]
        level = r.abbrev_level.get(unit, unit.lower())
        if unit[0].isupper() and tier == "village":
            s, _ = doc.sentences[doc.sentence_of(m.start("unit"))] if doc.sentences else (0, 0)
            if text[s:m.start("unit")].strip():
                continue  # "Bản", "Làng" mid-sentence are words, not units
        idiom = r.idiom_before.get(unit)
        if idiom and idiom.search(text[max(0, m.start() - 10):m.start()]):
            continue
        name = _trim(m["name"], level, tier, era)
        if unit in r.abbrev_level and not candidates(name, level, tier, era):
            continue  # "TP. Bên cạnh đó": an abbreviation needs a known unit after it
        add(name, level, tier, m.start("unit"), m.start("name") + len(name))
        if _plural_before(text, m.start()):
            pos = m.start("name") + len(name)
            while True:
                nm = r.list_next.match(text, pos=pos, endpos=min(len(text), pos + 80))
                if not nm:
                    break
                nxt = _trim(nm["name"], level, tier, era)
                add(nxt, level, tier, nm.start("name"), nm.start("name") + len(nxt))
                pos = nm.start("name") + len(nxt)
    for m in r.listed.finditer(text):
        unit = m["unit"]
        if not _plural_before(text, m.start()):
            continue
        tier = r.unit_tier[unit.lower()]
        level = r.abbrev_level.get(unit, unit.lower())
        for item in r.list_item.finditer(text, m.start("items"), m.end("items")):
            add(item["name"], level, tier, item.start(), item.end())
    for m in r.caps.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        level = m["unit"].lower()
        tier = r.unit_tier[level]
        title = " ".join(w.capitalize() for w in m["name"].split())
        name = _trim(title, level, tier, era)
        if any(_compatible(u, level, tier, era) for u in gazetteer().lookup(name)):
            add(name, level, tier, m.start(), m.start("name") + len(name))
    for m in r.bare.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        before = text[max(0, m.start() - 25):m.start()]
        if r.bare_excl_before.search(before) or r.bare_excl_after.match(text, pos=m.end()):
            continue
        prev = regex.search(r"(\S+)\s*$", before)
        if prev and regex.match(r"\p{Lu}\p{Ll}", prev.group(1)) and not before.endswith(("\n", ". ", ": ", ", ")):
            continue  # inside a longer proper name
        if regex.match(r"\s\p{Lu}\p{Ll}", text[m.end():m.end() + 3]):
            continue
        if m["name"] in r.aliases:
            name, level = r.aliases[m["name"]]
        else:
            name = m["name"]
            units = [u for u in gazetteer().lookup(name) if u.tier == "province"]
            level = units[0].unit_word if units else "tỉnh"
        add(name, level, "province", m.start(), m.end())
    found.sort(key=lambda pt: pt[0].start_char)
    _add_bare_relatives(doc, found, era)
    _link(found, era)
    return [p for p, _ in found]


def _add_bare_relatives(doc: Document, found: list[tuple[Place, str]], era: str) -> None:
    """Bare names whose place in an address makes them certain: the unit just left of a found
    place that the gazetteer puts inside it ("Minh Khai, Hai Bà Trưng, Hà Nội", walked leftwards),
    and the district in parentheses after a commune that lies in it ("xã Mỹ Phong (Phù Mỹ)")."""
    r, text = rules(), doc.text
    taken = [(p.start_char, p.end_char) for p, _ in found]

    def add(unit: Unit, start: int, end: int):
        found.append((Place(modern_tones(unit.name), unit.unit_word, start, end), unit.tier))
        taken.append((start, end))

    def children_named(name: str, parents: list[Unit]) -> list[Unit]:
        out = []
        for u in gazetteer().lookup(name):
            if u.era != era:
                continue
            for parent in parents:
                if parent.tier == "province" and u.province_code == parent.code and (
                        u.tier == "district" or era == "2025"):
                    out.append(u)
                elif parent.tier == "district" and u.tier == "ward" and u.district_code == parent.code:
                    out.append(u)
        return out

    for place, tier in list(found):
        own = candidates(place.name, place.level, tier, era)
        parents, start = own, place.start_char
        while parents:
            m = r.chain_before.search(text, max(0, start - 60), start)
            if not m or _overlaps(m.start(), m.end(), taken) or r.bare_excl_before.search(text[max(0, m.start() - 25):m.start()]):
                break
            units = children_named(m["name"], parents)
            if len({(u.name, u.unit_word) for u in units}) != 1:
                break
            add(units[0], m.start("name"), m.end("name"))
            parents, start = units, m.start()
        if tier == "ward":
            m = r.paren_after.match(text, place.end_char)
            if m and not _overlaps(m.start(), m.end(), taken):
                districts = {u.district_code for u in own}
                units = [u for u in gazetteer().lookup(m["name"])
                         if u.era == era and u.tier == "district" and u.code in districts]
                if units:
                    add(units[0], m.start("name"), m.end("name"))
    found.sort(key=lambda pt: pt[0].start_char)


def _link(found: list[tuple[Place, str]], era: str) -> None:
    """Official codes: unique candidate; else the parent named right after ("xã X, huyện Y");
    else the document's main province. Anything still ambiguous keeps its candidates only."""
    g = gazetteer()
    cands = [candidates(p.name, p.level, tier, era) for p, tier in found]
    provinces = collections.Counter(c[0].province_code for c in cands if len({u.province_code for u in c}) == 1)
    main = provinces.most_common(1)[0][0] if provinces else None
    for i, ((place, _tier), cs) in enumerate(zip(found, cands)):
        if len(cs) > 1 and i + 1 < len(found):
            nxt = found[i + 1][0]
            if nxt.start_char - place.end_char <= 3:
                parents = {u.code for u in cands[i + 1]}
                narrowed = [u for u in cs if u.district_code in parents or u.province_code in parents]
                cs = narrowed or cs
        if len(cs) > 1 and main:
            cs = [u for u in cs if u.province_code == main] or cs
        if len(cs) == 1:
            u = cs[0]
            place.admin_code, place.province_code = u.code, u.province_code
            if era == "2024":
                key = ("P" + u.code) if u.tier == "province" else u.code
                place.admin_code_2025 = g.old_to_new.get(key)
            else:
                place.admin_code_2025 = u.code
        elif cs:
            place.candidates = ",".join(sorted({u.code for u in cs}))
