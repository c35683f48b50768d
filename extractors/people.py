"""People with their rank and position: "Thượng tướng Lương Tam Quang - Ủy viên Trung ương Đảng,
Thứ trưởng Bộ Công an", "Ông Lê Đức Vinh - Chủ tịch UBND tỉnh Khánh Hòa", "Thủ tướng Nguyễn Xuân Phúc".
A name starts with a known family name (or a Central Highlands prefix, "Y Quý B’Krông"), which
keeps place and organisation names out; a place glued before it ("Chủ tịch UBND TP Hà Nội Nguyễn
Đức Chung") is stepped over, and a position ends where the clause goes on ("..., Giám đốc Sở Y tế
tỉnh Hà Nam xác nhận"), two roles kept. A name without a title counts after a cue ("anh",
"đối tượng", "vợ là"), before a birth year, an age or a role ("Bùi Minh Tuấn (SN 1995)"), and in a
list after a person; a signer's title is in capitals. Honorifics are no part of a name: "ông Vinh"
is the document's "Lê Đức Vinh", "ông Trump" a foreign name, "Ông Địa" nobody."""
from __future__ import annotations

import re

import regex

from vietmine.gazetteer import alternation, load_json, trie_alternation
from vietmine.gazetteer.casing import VOWELS, is_syllable
from vietmine.gazetteer.places import gazetteer
from vietmine.gazetteer.cache import persistent
from vietmine.facts import Document, Person

# a syllable of a name: "Lâm", "B’Krông" (Central Highlands names keep their apostrophe), "Jong-un"
_SYL = r"\p{Lu}[\p{Ll}\p{M}]*(?:['’]\p{Lu}[\p{Ll}\p{M}]*)?(?:-\p{Ll}+)*"
_UNIT_LOOK_BACK = 30
_LONGEST_PREFIX = 200  # a position with six words, a rank or an honorific before a name
_BREAK = regex.compile(r"[,.;:()\n“”]", regex.REVERSE)  # the last punctuation before a name
_CUE_WITH_POINT = 12  # "Người ký:", "PGS.TS"
# a position of more words after its title ("Chủ tịch Hội Hữu nghị Việt Nam - Trung Quốc Nguyễn Xuân
# Thắng") makes a person only of a name of three syllables: a name of two after it is too often a
# place's end ("Đại sứ truyền thông của Lễ hội cafe Buôn Ma Thuột", "khu vực Châu Á")
_SHORT_POSITION = 6


def _sentence_case(position: str) -> str:
    """"Phó Thủ tướng" as the press also writes it, "Phó thủ tướng" (acronyms kept: "Phó chủ tịch UBND")."""
    first, *rest = position.split()
    return " ".join([first] + [w if w.isupper() and len(w) > 1 else w.lower() for w in rest])


class _Rules:
    def __init__(self):
        cfg = dict(load_json("people_orgs.json"))
        cfg["positions"] = list(dict.fromkeys(cfg["positions"] + [_sentence_case(p) for p in cfg["positions"]]))
        # a position ends where the clause goes on: "..., Giám đốc Sở Y tế tỉnh Hà Nam xác nhận"
        # ("Trưởng Ban chỉ đạo" goes on: a verb does not follow "Ban")
        # ("Đại sứ Việt Nam tại Ấn Độ Tôn Sinh Thành": "tại" before a country goes on)
        countries = load_json("organizations.json")["foreign_countries"]
        abroad = trie_alternation(countries + cfg["hosts_of_envoys"])
        clause = (rf"(?<!Ban )(?!tại (?:{abroad})(?![\p{{L}}\p{{M}}]))"
                  rf"(?:{trie_alternation(cfg['clause_verbs'] + cfg['position_ends_before'])})(?![\p{{L}}\p{{M}}])")
        # a signature block writes the title in capitals: "PHÓ CHỦ TỊCH Nguyễn Huy Tưởng"
        positions = trie_alternation(cfg["positions"] + [p.upper() for p in cfg["positions"]])
        first = rf"(?:{trie_alternation(cfg['surnames'])}|{cfg['minority_first_syllable']})"
        name = rf"{first}(?: {_SYL}){{1,3}}"
        role = rf"(?:{positions})[^;\n()“”]{{0,90}}?"
        self.person = regex.compile(
            rf"(?<![\p{{L}}\d])(?:(?P<pos_before>(?:{positions})(?: (?!{clause})[^\s,.;:()]+){{0,8}}?)\s+)?"
            rf"(?:(?P<rank>{trie_alternation(cfg['ranks'])})\s+"
            rf"|(?P<cue>{trie_alternation(cfg['honorifics'] + cfg['person_cues'])}):?\s+)?"
            rf"(?P<name>{name})(?![\p{{L}}\d])"
            # a second role goes on after a comma: "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh"
            rf"(?:\s*(?:-|–|,)\s*(?P<pos_after>{role}(?:,\s*(?:kiêm\s+)?{role})*)"
            rf"(?=[;\n()“”.:]|,\s|\s-\s|\s{clause}|$))?")
        # the name alone: found first, it tells where the full pattern (much slower to try at every
        # character) can start
        # (a capital first: the scan stops only at capitals)
        self.name_only = regex.compile(rf"(?=\p{{Lu}})(?<![\p{{L}}\d]){name}(?![\p{{L}}\d])")
        # the words a name or a match can start with, for the standard library's re, which skips the
        # text between them several times faster than `regex` tries a pattern at every character
        # (`_search`); None when the minority prefix is not of the form "(?:H|K|...)['’]...".
        # No lower-case letter or digit follows them: a space, a colon or (after "H’") a capital does
        minority = regex.fullmatch(r"\(\?:(\w(?:\|\w)*)\)\[(['’]+)\].*", cfg["minority_first_syllable"])
        if minority:
            starts = [c + q for c in minority[1].split("|") for q in minority[2]]
            small = f"a-z0-9{VOWELS}đ"
            self.name_words = re.compile(
                rf"(?:{trie_alternation(cfg['surnames'] + starts)})(?:(?<=['’])|[ ](?![\s{small}]))")
            self.person_words = re.compile(trie_alternation(
                cfg["positions"] + [p.upper() for p in cfg["positions"]] + cfg["ranks"] + cfg["honorifics"]
                + cfg["person_cues"] + cfg["surnames"] + starts) + f"(?![{small}])")
        else:
            self.name_words = self.person_words = None
        self.enough_cues = set(cfg["honorifics_enough_alone"]) | set(cfg["person_cues"])
        self.need_three = set(cfg["person_cues_need_three_syllables"])
        # ... or a position in parentheses: "Đoàn Vũ Duy (nguyên Đội trưởng Đội 11 ...); Võ Hoàng Anh (...)"
        self.after_name = regex.compile(
            rf"{cfg['after_name']}|[ \t]*\([ \t]*(?:(?:{alternation(cfg['former'])})[ \t]+)?"
            rf"(?:{trie_alternation(cfg['positions'])})(?![\p{{L}}\p{{M}}])")
        # (word lists as tries: one branch per letter; these three are read only for whether they match)
        self.thing_before = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:{trie_alternation(cfg['thing_words_before'])})[ \t]+$", regex.REVERSE)
        self.school_before = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:{trie_alternation(cfg['thing_words_before_any_title'])})[ \t]+$", regex.REVERSE)
        self.also_people_cue = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:{trie_alternation(cfg['province_names_also_people_cues'])})[ \t]+$", regex.REVERSE)
        self.next_in_list = regex.compile(
            rf"[ \t]*(?:,|;|và|-|–)[ \t]*(?:(?P<cue>{trie_alternation(cfg['honorifics'])})[ \t]+)?(?P<name>{name})(?![\p{{L}}\d])")
        # (the look-behind first: the scan stops only at capitals, three times faster than at every
        # cue); a country may stand between ("Tổng thống Mỹ Donald Trump"), after a body and before
        # the country hosting an envoy ("Bộ trưởng Quốc phòng Nga Sergey Shoigu", "Đại sứ Lào tại
        # Việt Nam Thongsavanh Phomvihane")
        # (a body holds no cue nor "và": "Tổng thống Nga Putin và Tổng thống Mỹ Donald Trump" is two;
        # it follows an office only: in "ông Trump sẽ gặp thủ tướng Nhật Bản Shinzo Abe" none stands)
        offices = [c for c in cfg["short_mention_cues"] if c in cfg["positions"]]
        others = [c for c in cfg["short_mention_cues"] if c not in cfg["positions"]]
        not_body = rf"(?!(?:{trie_alternation(cfg['short_mention_cues'] + ['và', 'với', 'cùng'])})(?![\p{{L}}\p{{M}}]))"
        body = rf"{not_body}\p{{Lu}}[\p{{Ll}}\p{{M}}]+(?:[ \t]+{not_body}\p{{L}}[\p{{Ll}}\p{{M}}]*){{0,4}}"
        country = trie_alternation(countries)
        word = r"\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Ll}+)?"
        between = (rf"(?: (?:{alternation(cfg['name_particles_apart'])}) "  # "Mohammed bin Salman"
                   rf"| (?:{alternation(cfg['name_particles_joined'])})| )")  # "Bashar al-Assad"
        self.short = regex.compile(
            rf"(?=\p{{Lu}})(?<=(?<![\p{{L}}\p{{M}}])(?P<cue>(?P<office>{trie_alternation(offices)})|{trie_alternation(others)})[ \t]+)"
            rf"(?P<of>(?:(?(office){body}[ \t]+|(?!)))??(?:{country})(?:[ \t]+tại[ \t]+(?:{abroad}))?[ \t]+)?"
            rf"(?!(?:{country})(?![\p{{L}}\p{{M}}]))"
            rf"(?P<w>{word}(?:{between}{not_body}{word}){{0,2}})"
            rf"(?![\p{{L}}\p{{M}}\d])(?![ \t]+\p{{Lu}})")
        # where `short` can match: after the last word of a cue and its spaces (one place per
        # occurrence: of two last words starting at one place, only the shorter can end in a space)
        # (the match starts at a capital: no space or lower-case letter follows the spaces)
        self.cue_ends = re.compile(rf"(?:{trie_alternation({c.split()[-1] for c in cfg['short_mention_cues']})})"
                                   rf"[ \t]+(?![ \ta-z{VOWELS}đ])")
        self.countries = frozenset(countries)
        cycle = cfg["sexagenary_cycle"]  # "tết Đinh Dậu, Phó chủ tịch ...": a lunar year, not a person named Đinh
        self.lunar_years = frozenset(f"{stem} {branch}" for stem in cycle["stems"] for branch in cycle["branches"])
        self.cues_also_names = frozenset(cfg["short_mention_cues_also_names"])
        self.position_word = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{trie_alternation(cfg['positions'])})(?![\p{{L}}\p{{M}}])")
        # "UBND thị xã Ninh Hòa": a name right after a unit word is a place
        self.unit_before = regex.compile(
            rf"(?<!\p{{L}})(?:{alternation(load_json('places.json')['unit_words'])})\s+$", regex.REVERSE)
        self.unit_tier = load_json("places.json")["unit_words"]
        # province names that are not also a person's name ("Chủ tịch Hồ Chí Minh" is a person)
        self.province_names = frozenset(gazetteer().province_names) - set(cfg["province_names_also_people"])
        self.also_people = frozenset(cfg["province_names_also_people"])
        # a role before the position before a name, a comma between: "Ủy viên Bộ Chính trị, Phó Thủ tướng"
        # (where every position starts with a capital, a search stops only at capitals)
        capital = r"(?=\p{Lu})" if all(regex.match(r"\p{Lu}", p) for p in cfg["positions"]) else ""
        self.role_before = regex.compile(
            rf"{capital}(?<![\p{{L}}\p{{M}}])(?P<role>(?:{positions})(?: [^\s,.;:()]+){{0,5}}),[ \t]*$")
        self.not_foreign = frozenset(cfg["not_foreign_names"])


@persistent("people-rules", _Rules)
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
    Chính phủ Trịnh Đình Dũng"): the position after a name must not swallow the next person, unless
    it is a long one ("TS Nguyễn Quốc Tuấn - Viện trưởng Viện nghiên cứu tôn giáo và GS- TS Ngô Đức
    Thịnh": the whole role read as the second's would leave the first none)."""
    for im in r.person.finditer(text, a, b):
        if im.start() == a and im["pos_before"] and _words_after_title(r, im["pos_before"]) > _SHORT_POSITION:
            continue
        if (im["pos_before"] or im["rank"]) and not gazetteer().lookup(im["name"]) \
                and im["name"] not in r.countries and not _place_at_name(r, text, im):
            return im.start()
    return None


def _evidence(r: _Rules, text: str, m, pos_before: str, pos_after: str | None) -> bool:
    """Whether the matched name is a person's: a rank, a position, a cue before it ("anh",
    "đối tượng", "vợ là"), or what follows it ("(SN 1995)", "sinh 1991, ngụ ...")."""
    start = m.start("name")
    if r.school_before.search(text, max(0, start - 20), start):
        return False  # "Hiệu trưởng Trường Tiểu học Nguyễn Khả Trạc": the school's name
    if m["rank"] or pos_before or pos_after:
        return True
    name = m["name"]
    cue = m["cue"]
    if cue and (cue in r.enough_cues or cue.lower() in r.enough_cues):
        return cue not in r.need_three or len(name.split()) >= 3
    if r.thing_before.search(text, max(0, start - 20), start):
        return False  # "đường Lê Văn Lương", "Trường THPT Nguyễn Du"
    if name in r.also_people and r.also_people_cue.search(text, max(0, start - 20), start):
        return True  # "tấm gương đạo đức Hồ Chí Minh"
    if len(name.split()) >= 3 and _COLON_BEFORE.search(text, max(0, start - 3), start):
        nxt = r.next_in_list.match(text, m.end("name"))
        if nxt and len(nxt["name"].split()) >= 3:
            return True  # "Các đ/c PVP: Lý Văn Giao, Đỗ Đình Hồng": a list of full names
    return bool(r.after_name.match(text, m.end("name")))


_COLON_BEFORE = regex.compile(r":[ \t]*$")
_CAPITAL_NEXT = regex.compile(r"[ \t]+\p{Lu}")
_VOWEL = regex.compile(rf"(?i)[{VOWELS}]")


def _following(r: _Rules, text: str, pos: int, seen: list[Person]) -> int:
    """"Bùi Minh Tuấn (SN 1995), Bùi Văn Lượng (SN 1999) và Bùi Nhật Trường": the full names listed
    after a person are persons too. Appends them to `seen`; returns where the list ends."""
    while True:
        after = r.after_name.match(text, pos)
        if after:
            close = text.find(")", after.end() - 1, after.end() + 80) if "(" in after.group() else -1
            pos = close + 1 if close >= 0 else after.end()
        nxt = r.next_in_list.match(text, pos)
        if not nxt:
            return pos
        name = nxt["name"]
        if len(name.split()) < 3 and not nxt["cue"] and not r.after_name.match(text, nxt.end("name")):
            return pos
        if name in r.province_names or gazetteer().lookup(name) or _CAPITAL_NEXT.match(text, nxt.end()):
            return pos  # a place, or a name that goes on beyond four words
        seen.append(Person(name, nxt.start("name"), nxt.end("name")))
        pos = nxt.end()


def _search(pattern, words, text: str, pos: int):
    """pattern.search(text, pos), tried only where one of `words` (all it can start with) starts."""
    if words is None:
        return pattern.search(text, pos)
    while True:
        word = words.search(text, pos)
        if word is None:
            return None
        m = pattern.match(text, word.start())
        if m:
            return m
        pos = word.start() + 1


def extract(doc: Document) -> list[Person]:
    r, out, text, pos = rules(), [], doc.text, 0
    held = None  # a match whose name turned out to start with a place: its position word still counts
    while True:
        name = _search(r.name_only, r.name_words, text, pos)
        if not name:
            break
        # every match holds a name; none starting before the first name at or after `pos` can
        # begin more than _LONGEST_PREFIX characters before it, nor before punctuation (a position
        # before a name holds none; a cue may: "PGS.TS", "gồm:")
        lo = max(pos, name.start() - _LONGEST_PREFIX)
        cut = _BREAK.search(text, lo, name.start())
        m = _search(r.person, r.person_words, text, max(lo, cut.start() - _CUE_WITH_POINT) if cut else lo)
        if not m:
            break
        pos = m.end()
        if held is not None and not m["pos_before"] and _only_names_between(text, held.start("name"), m.start("name")):
            pos_before, role_start = text[held.start("pos_before"):m.start("name")].strip(), held.start("pos_before")
        else:
            pos_before, role_start = (m["pos_before"] or "").strip(), m.start()
        if pos_before and len(m["name"].split()) < 3 and _words_after_title(r, pos_before) > _SHORT_POSITION:
            pos_before = ""
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
        if not _evidence(r, text, m, pos_before, pos_after):
            pos = min(pos, m.end("name"))
            continue  # a bare name-like phrase is too often a place or a street
        if m["name"] in r.province_names or m["name"] in r.countries or m["name"] in r.lunar_years:
            pos = min(pos, m.end("name"))
            # "Chủ tịch Hà Nội" (a headline), "Chủ tịch Tổng hội người Việt Nam tại Thái Lan": a
            # province or a country, not a person named Hà or Thái
            continue
        if pos_before:
            # "Thủ tướng quay sang Bí thư Tỉnh ủy Hà Nam Nguyễn Đình Khang": after a clause, the last
            # position is his; "Bộ trưởng, Chủ nhiệm VPCP" (no clause between) is one position
            found = list(r.position_word.finditer(pos_before))
            if len(found) > 1 and _LOWER_WORD.search(pos_before, found[-2].end(), found[-1].start()):
                pos_before = pos_before[found[-1].start():]
            pos_before = _earlier_role(r, text, role_start, pos_before)
        position = (pos_after or "").strip() or pos_before or None
        out.append(Person(m["name"], m.start("name"), m.end("name"), rank=m["rank"], position=position))
        if not pos_after:
            pos = max(pos, _following(r, text, m.end("name"), out))
    return _short_mentions(r, text, out)


def _words_after_title(r: _Rules, position: str) -> int:
    return len(position.split()) - len(r.position_word.match(position).group().split())


def _earlier_role(r: _Rules, text: str, start: int, position: str) -> str:
    """"Ủy viên Bộ Chính trị, Phó Thủ tướng thường trực Trương Hòa Bình": a role written before the
    position, a comma between, is his too."""
    m = r.role_before.search(text, max(0, start - 90), start)
    if not m or r.name_only.search(m["role"]):
        return position  # "Thủ tướng Nguyễn Xuân Phúc, Phó Thủ tướng Trịnh Đình Dũng": another person's
    return f"{m['role']}, {position}"


def _short_matches(r: _Rules, text: str):
    """r.short.finditer(text), tried only right after a cue's last word and its spaces."""
    end, at = 0, 0
    while True:
        cue = r.cue_ends.search(text, at)
        if cue is None:
            return
        at = cue.start() + 1
        if cue.end() >= end:
            m = r.short.match(text, cue.end())
            if m:
                end = m.end()
                yield m


def _short_mentions(r: _Rules, text: str, people: list[Person]) -> list[Person]:
    """"ông Vinh" after "Lê Đức Vinh" is that person; "ông Trump" is "Donald Trump" where the text
    names him so, else "Trump" (no Vietnamese syllable: a foreign name); "ông Tuấn" or "Ông Địa"
    with no full name of the document ending so is none. Two passes: the full names first."""
    taken = [(p.start_char, p.end_char) for p in people]
    shorts, foreign = [], []
    for m in _short_matches(r, text):
        s, e = m.span("w")
        if any(a <= s < b for a, b in taken):
            continue
        words = m["w"].split()
        if any(w in r.not_foreign or w in r.countries or gazetteer().lookup(w) for w in words):
            continue
        before = text[max(0, m.start() - 30):m.start()].split()
        if len(before) >= 2 and before[-1] in r.cues_also_names and before[-2][:1].isupper() and before[-2][-1:].isalpha():
            continue  # "Quỳnh Anh Shyn": a cue that ends a name is part of it
        if not all(len(w) >= 3 and _VOWEL.search(w) for w in words):
            continue  # "anh Ch.": an initial, no name
        if len(words) > 1 and not all(is_syllable(w) for w in words):
            # "ông Richard Kenneth Wilson"; "Bộ trưởng Quốc phòng Nga Sergey Shoigu" holds a position
            position = f"{m['cue']} {m['of'].strip()}" if m["of"] and m["office"] else None
            foreign.append(Person(m["w"], s, e, position=position))
        elif len(words) == 1:
            shorts.append((m["w"], s, e))
    by_given: dict[str, set] = {}
    for p in people + foreign:
        words = p.name.split()
        # a Vietnamese name of two syllables is too often a pen name to stand for a short mention
        if len(words) >= 3 or (len(words) == 2 and not all(is_syllable(w) for w in words)):
            by_given.setdefault(words[-1], set()).add(p.name)
    out = list(people) + foreign
    for w, s, e in shorts:
        full = by_given.get(w, set())
        if len(full) == 1:
            out.append(Person(next(iter(full)), s, e))
        elif not full and not is_syllable(w):
            out.append(Person(w, s, e))  # "ông Trump" where he is named no other way
    out.sort(key=lambda p: p.start_char)
    return out


# (a capital first: a search stops only at capitals, not at every character)
_WORD_BEFORE = regex.compile(r"(?=\p{Lu})(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]* $")
_TWO_WORDS_BEFORE = regex.compile(r"(?=\p{Lu})(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]* \p{Lu}[\p{L}\p{M}]* $")


def _continues_place(text: str, start: int) -> bool:
    """"tỉnh Quảng Ninh Nguyễn Văn Đọc": the name's first word ends a place name begun before it."""
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    if not before:
        return False
    two_before = _TWO_WORDS_BEFORE.search(text, max(0, start - 24), start)
    if two_before and gazetteer().lookup(two_before.group().strip()):
        return False  # "Thành phố Hà Nội Hoàng Trung Hải": the place before is whole ("Nội Hoàng" is another)
    first = text[start:start + 12].split(" ", 1)[0]
    return bool(gazetteer().lookup(f"{before.group().strip()} {first}"))


# a clause between two positions: a lower-case word right after the first ("Thủ tướng Chính phủ do Phó
# Thủ tướng"), or two lower-case words ("Thủ tướng quay sang Bí thư"); "Chủ tịch Hội đồng Bộ trưởng",
# "Chủ tịch UBND tỉnh" are names
_LOWER_WORD = regex.compile(r"\G\s+\p{Ll}|(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*\s+\p{Ll}")
_NAMES_ONLY = regex.compile(r"[\p{Lu}][\p{L}\p{M}]*(?: [\p{Lu}][\p{L}\p{M}]*)*\s+")


def _only_names_between(text: str, a: int, b: int) -> bool:
    return _NAMES_ONLY.fullmatch(text, a, b) is not None
