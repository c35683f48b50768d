"""Organisations, normalised: "UBND tỉnh Khánh Hòa" -> "Ủy ban nhân dân tỉnh Khánh Hòa",
"Ban Chỉ đạo 138 tỉnh Thanh Hóa", "Công an huyện Diễn Châu", "Bộ Công an", "MTTQ Việt Nam".

Ministries, departments, provincial departments, the Party's and the National Assembly's organs,
the courts, the mass organisations and the press agencies are published, finite sets
(gazetteer/data/organizations.json): their names are matched whole ("Sở Nông nghiệp và Phát triển
nông thôn tỉnh Quảng Nam", "Bộ GD-ĐT"), never cut after the first capitalised word. A body missing
from the lists is named by rule after a head (organization_heads.json: Phòng, Đội, Trung tâm, Ban,
Ủy ban, Hội, Đảng bộ, Công ty, Báo...): a capitalised word, lower-case words up to a clause word,
then a number, a place, or a parent body glued on ("Phòng Cảnh sát hình sự Công an tỉnh Khánh
Hòa"). A person's name that follows ("Quốc hội Nguyễn Thị Kim Ngân") ends the organisation.
Heads written bare before another body's place share it ("Đảng ủy, HĐND, UBND xã Lê Hồng"); a
plural cue makes a list of portfolios ("Các Bộ: Quốc phòng, Công an"); a legal text's header and
signature in capitals are read in sentence case; news outlets count in credits ("Thái Tân/KD&PL").
A provincial body named without its province ("Sở Tài chính", "UBND tỉnh") is marked
(`wants_province`) for the resolve stage, which names the document's province or drops it."""
from __future__ import annotations

import functools
import datetime as dt
import re
from typing import NamedTuple

import regex

from vietmine.gazetteer import alternation, load_json, trie_alternation
from vietmine.facts import Document, Organization
from vietmine.gazetteer.casing import sentence_case
from vietmine.gazetteer.cache import persistent
from vietmine.gazetteer.places import gazetteer
from vietmine.gazetteer.words import dictionary_words
from vietmine.gazetteer.text import modern_tones, name_key

# one word of a listed name: letters (with "HIV/AIDS"), a number, or a connector (& , - –)
_TOKEN = regex.compile(r"[ \t]*(?:(?P<word>[\p{L}\p{M}\d]+(?:/[\p{L}\p{M}\d]+)?)|(?P<conn>[&,\-–]))")
# one word of a proper name after a head: no line break, no punctuation in between
# (a word may be a unit's code, "A03", "PC67", or carry a number, "Covid-19")
# "Trung tâm Phòng chống HIV/AIDS": acronyms joined by a slash are one word
_SLASHED_ACRONYMS = r"\p{Lu}{2,}(?:/\p{Lu}{2,})+"
_NAME_WORD = rf"[ \t]+(?P<w>{_SLASHED_ACRONYMS}|[\p{{L}}\p{{M}}]+\d*(?:-(?:\p{{Lu}}+|\d+))*|\d{{1,4}})(?![\p{{L}}\p{{M}}\d])"
_WORD = regex.compile(_NAME_WORD)
_WORD_RUNS: dict = {}  # n -> the pattern for a run of at most n words
_NUMBER_AFTER = regex.compile(r"[ \t]+\d{2,4}(?![\d\p{L}])")
_CONNECTOR = "+"
_HYPHENATED = regex.compile(r"[ \t]+(?P<name>\p{Lu}[\p{L}\p{M}]*(?: \p{Lu}[\p{L}\p{M}]*)?[ \t]*[-–][ \t]*\p{Lu}[\p{L}\p{M}]*(?: \p{Lu}[\p{L}\p{M}]*)?)(?![\p{L}\p{M}\d])")
_PAREN_ABBREVIATION = regex.compile(r"[ \t]*\(\p{Lu}[\p{Lu}\d&\-]*\)")
_PAREN_PARENT = regex.compile(r"[ \t]*\([ \t]*(?:thuộc[ \t]+)?(?=\p{Lu})")
_PAREN_CLOSE = regex.compile(r"[ \t]*\)")
_ROMAN = regex.compile(r"[IVX]{1,4}")
_SHORT = "…"  # trie key of the entries a short form stands for
_ERA_2025 = dt.date(2025, 3, 1)  # ministries merged (Nghị quyết 176/2025/QH15)
# heads whose next word varies; other listed names are looked for by their first two words
# ("Văn phòng", "Thanh tra"), which keeps common first words ("Văn", "Thanh") from waking the matcher
_ONE_WORD_HEADS = ("Bộ", "Sở", "Cục", "BĐBP", "Phòng")
_MAX_NAME_TOKENS = 20
_MAX_PLACE_SYLLABLES = 4
_MAX_CAPITALISED = 6
_MAX_WORDS_READ = 13  # the most words a rule reads after a position (a name by rule: 6 capitalised, 5 lower, 2)
# token keys that stand for two words of a listed name
_TOKEN_ALIASES = {"vn": ("việt", "nam")}


def _title_words(phrase: str) -> str:
    """"Chi cục" -> "Chi Cục": the press capitalises every word of a head now and then."""
    return " ".join(w[:1].upper() + w[1:] for w in phrase.split())


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


class _Entry(NamedTuple):
    """A listed body: its official name, kind, whether a place may follow, era, whether it is one
    body per province or per district ("province", "district", ""), and what its name alone adds
    ("Hội Cựu chiến binh" -> "... Việt Nam")."""
    official: str
    kind: str
    takes_place: bool
    era: str
    local: str
    alone_suffix: str


class _Body(NamedTuple):
    """A body found in the text: where it ends, its normalised name, its kind, its rank (parents
    have a smaller one), and, when its place is the document's province left unnamed ("Sở Tài
    chính", "UBND tỉnh"), the unit word that province must have (None: any) and whether its name
    goes without the unit word ("Tỉnh ủy Sơn La")."""
    end: int
    normalized: str
    kind: str
    rank: int
    wants: tuple | None = None
    place: str = ""
    needs_parent: bool = False  # a unit named with no owner ("Phòng Cảnh sát hình sự"): none alone
    parent_in_parentheses: tuple | None = None  # (start, body) of "(Bộ Công an)" ending the name


_KEYS: dict[str, str] = {}  # a plain dict of strings: no per-entry objects for the garbage collector to walk


def _key(word: str) -> str:
    k = _KEYS.get(word)
    if k is None:
        if len(_KEYS) > 50000:
            _KEYS.clear()
        k = _KEYS[word] = name_key(word)
    return k


class _Rules:
    def __init__(self):
        cfg = load_json("people_orgs.json")
        data = load_json("organizations.json")
        places = load_json("places.json")
        self.heads = cfg["organization_heads"]
        self.alone = set(cfg["organizations_complete_alone"])
        self.need_place = set(cfg["heads_needing_place"])
        self.bare_place_heads = set(cfg["heads_named_with_bare_place"])
        self.surnames = frozenset(cfg["surnames"])
        self.also_people = frozenset(cfg["province_names_also_people"])
        self.connectors = {_key(c) for c in data["connectors"]}
        self.stop_words = frozenset(data["name_stop_words"])
        # word lists as tries (one branch per letter: the same match as longest-first, tried faster
        # and compiled from a shorter pattern); not under (?i) nor in REVERSE patterns, where the order
        # of the branches could pick another word
        self.clause_verb = regex.compile(rf"(?:{trie_alternation(cfg['clause_verbs'])})(?![\p{{L}}\p{{M}}])")
        # a head as written -> as normalised ("Chi Cục" -> "Chi cục")
        self.rule_heads = {v: h for h in data["rule_heads"] for v in (h, _title_words(h))}
        self.max_lower = data["max_lower_syllables"]
        self.title_words = {_key(w) for w in data["title_words_after_a_body"]}
        self.two_syllable_words = {_key(w) for w in data["words_in_names_going_on_lower_case"]}
        self.numbered = set(data["numbered"])
        self.signature_marks = set(data["signature_marks"])
        self.without_country = set(data["national_without_country"])
        self.countries = {tuple(self._keys(c)): c for c in data["foreign_countries"]}
        self.own_country = {tuple(self._keys(c)) for c in data["own_country"]}
        # the first keys of both: country_at says no at once to any other word
        self.country_firsts = {k[0] for k in [*self.countries, *self.own_country] if k}
        self.trie: dict = {}
        self._words_of, self._words = None, {}
        self._bodies_of, self._bodies = None, {}
        self._listed_of, self._listed = None, {}
        first_words = set()
        canonical = data["canonical"]
        by_official = {}
        for group in data["groups"]:
            for name in group["names"]:
                official = canonical.get(name, name)
                entry = by_official.setdefault(official, _Entry(
                    official, group["kind"], group["takes_place"], group["era"],
                    "province" if group.get("provincial") else "district" if group.get("district") else "",
                    group.get("alone_suffix", "")))
                head, _, portfolio = name.partition(" ")
                spellings = [name]
                if head in ("Bộ", "Sở", "Phòng"):
                    spellings += [f"{head} {abbr}" for abbr in data["portfolios"].get(portfolio, [])]
                for s in spellings:
                    self._add(s, entry)
                    first = " ".join(s.split()[:1 if head in _ONE_WORD_HEADS else 2])
                    first_words.update((first, _title_words(first)))
        for alias, official in canonical.items():  # abbreviations: "Cục BVTV"
            self._add(alias, by_official[official])
            first = " ".join(alias.split()[:1 if alias.split()[0] in _ONE_WORD_HEADS else 2])
            first_words.update((first, _title_words(first)))
        unit_words = places["unit_words"]
        self.level_of_abbreviation = places["level_of_abbreviation"]
        self.place_aliases = {a["alias"]: f'{a["level"]} {a["name"]}' for a in places["aliases"]
                              if a["alias"].startswith(("TP", "Tp"))}
        # unit words, also capitalised as legal texts write them ("Ủy ban nhân dân Thành phố")
        units = trie_alternation({v for w, tier in unit_words.items() if tier != "village" for v in (w, w[:1].upper() + w[1:])})
        self.unit_word = regex.compile(rf"[ \t]+(?P<unit>{units})(?![\p{{L}}\p{{M}}])")
        glued = trie_alternation({a[:-1] for a in self.level_of_abbreviation if a.endswith(".")})
        self.glued_unit = regex.compile(rf"[ \t]+(?P<unit>{glued})\.(?=\p{{Lu}})")
        self.place_alias = regex.compile(rf"[ \t]*(?P<alias>{trie_alternation(self.place_aliases)})(?![\p{{L}}\p{{M}}])")
        self.legacy = regex.compile(rf"(?P<head>{trie_alternation(self.heads)})(?P<num>[ \t]+\d{{2,4}}(?!\d))?(?![\p{{L}}\d])")
        heads = load_json("organization_heads.json")
        self.generic = {}
        for spec in heads["heads"]:
            for v in [spec["head"], *spec.get("variants", [])]:
                self.generic[v] = spec
        self.kind_rank = heads["kind_rank"]
        self.company = regex.compile(rf"[ \t]+(?:{trie_alternation(heads['company_words'])})(?![\p{{L}}\p{{M}}])")
        self.shared_heads = set(heads["shared_place_heads"])
        self.shared_prefixes = tuple(self.shared_heads)
        self.plural_before = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{trie_alternation(heads['plural_cues'])})[ \t]+$")
        self.press = heads["press_outlets"]
        self.national_end = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?<!(?:{trie_alternation(heads['national_name_not_after'])})[ \t])"
            rf"(?:{trie_alternation(heads['national_name_ends'])})$")
        self.national_goes_on = regex.compile(
            rf"[ \t]+(?:(?:{trie_alternation(heads['national_name_goes_on'])})(?![\p{{L}}\p{{M}}])|\p{{Lu}}{{2}})")
        self.generic_after = regex.compile(rf"[ \t]+(?:{trie_alternation(heads['generic_after'])})(?![\p{{L}}\p{{M}}])")
        # an outlet's name, found first, then what tells it is the outlet: a cue before it ("PV Dân
        # trí", "theo VnExpress", "(TTXVN)"), a credit after it ("KD&PL/Thái Tân"), an acronym alone
        self.local_tv = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*(?: \p{Lu}[\p{L}\p{M}]*)? TV(?![\p{L}\p{M}\d])")
        self.press_cue_before = regex.compile(
            rf"(?:(?<![\p{{L}}\p{{M}}])(?:{alternation(heads['press_cues'])})[ \t]+|[/(][ \t]*)$", regex.REVERSE)
        self.credit_after = regex.compile(r"[ \t]*/[ \t]*\p{Lu}")
        self.press_alone = frozenset(heads["press_alone"])
        scanned = self.scanned = set(self.heads) | first_words | set(self.rule_heads) | set(self.generic)
        self.scan = regex.compile(
            rf"(?=\p{{Lu}})(?<![\p{{L}}\p{{M}}\d])(?:{trie_alternation(scanned)})(?![\p{{L}}\p{{M}}\d])")
        # one pass over the text finds the heads, the heads in capitals (a legal text's header,
        # read in sentence case, see gazetteer/casing.py) and the news outlets
        self.capitals = {h.upper() for h in scanned if h.upper() != h}
        scan_words = trie_alternation(scanned | self.capitals | set(self.press))
        self.first_scan = regex.compile(
            rf"(?=\p{{Lu}})(?<![\p{{L}}\p{{M}}\d])(?:{scan_words})(?![\p{{L}}\p{{M}}\d&+])")
        # the same words, searched by the standard library: it skips the text between them several
        # times faster (`first_scan_search`); a literal-only pattern means the same to both engines
        self.scan_words = re.compile(scan_words)
        # per generic head: the words that must start its name, and those that make no body
        self.first_words = {spec["head"]: regex.compile(
            rf"(?i)[ \t]+(?:{alternation(spec['first'])})(?![\p{{L}}\p{{M}}\d])") for spec in heads["heads"] if spec.get("first")}
        self.not_first = {spec["head"]: regex.compile(
            rf"[ \t]+(?:{trie_alternation(spec['not_first'])})(?![\p{{L}}\p{{M}}\d])") for spec in heads["heads"] if spec.get("not_first")}
        self.company_head = regex.compile(rf"(?:{trie_alternation(h for h, spec in self.generic.items() if spec.get('company'))})(?![\p{{L}}\p{{M}}\d])")
        self.generic_head = regex.compile(rf"(?:{trie_alternation(self.generic)})(?![\p{{L}}\p{{M}}\d])")
        self.shared_head = regex.compile(rf"(?:{trie_alternation(self.shared_heads)})(?![\p{{L}}\p{{M}}\d])")
        # a unit word alone after a body: the province of the document ("UBND tỉnh", "Công an tỉnh"),
        # not when a list of unit words makes it every province ("UBND tỉnh, thành phố")
        self.province_units = heads["province_units"]
        above_commune = trie_alternation(w for w, tier in unit_words.items() if tier in ("province", "province_or_district", "district"))
        self.bare_province = regex.compile(
            rf"[ \t]+(?P<unit>{trie_alternation(self.province_units)})(?![\p{{L}}\p{{M}}])(?![ \t]*\p{{Lu}})"
            rf"(?![ \t]+(?:{trie_alternation(heads['committee_syllables'])}))"
            rf"(?![ \t]*(?:,|/|-|và|hoặc)[ \t]*(?:{above_commune}))")
        self.level_committees = heads["level_committees"]
        below_province = [w for w, tier in unit_words.items() if tier in ("district", "ward") and not w.endswith(".")]
        self.lower_unit_alone = regex.compile(
            rf"[ \t]+(?:{trie_alternation(below_province + heads['lower_levels_alone_extra'])})(?![\p{{L}}\p{{M}}])(?![ \t]+(?:\p{{Lu}}|\d))")
        villages = trie_alternation(w for w, tier in unit_words.items() if tier == "village")
        self.village = regex.compile(rf"[ \t]+(?P<unit>{villages})[ \t]+"
                                     r"(?P<name>\d+|\p{Lu}[\p{L}\p{M}]*(?: \p{Lu}[\p{L}\p{M}]*){0,3})(?![\p{L}\p{M}\d])")
        self.bcd_level = regex.compile(rf"[ \t]+(?:{trie_alternation(heads['steering_committee_levels'])})(?![\p{{L}}\p{{M}}])")
        self.bcd_subject_cues = tuple(heads["steering_committee_subject_cues"])
        self.portfolio_heads = tuple(heads["portfolio_heads"])
        # heads written in lower case before a name, read capitalised (one pass over the text):
        # inside a position, "Trưởng phòng Tham mưu Công an TP.HCM" (not before the head written out
        # again: "Trưởng phòng Phòng Giáo dục"); and as the press writes them, "bệnh viện Chợ Rẫy",
        # "trường THPT Nguyễn Du", before a capitalised name or the school's kind but not a country
        # ("các công ty Hàn Quốc" are no one body)
        position_heads = heads["heads_after_a_position"]
        branches = [rf"(?:{trie_alternation(heads['positions_before_a_head'])})[ \t]+"
                    rf"(?P<head>{trie_alternation(position_heads)})(?=[ \t]+\p{{Lu}})"
                    rf"(?![ \t]+(?:{trie_alternation(h.capitalize() for h in position_heads)})(?![\p{{L}}\p{{M}}]))"]
        countries = alternation(data["foreign_countries"] + data["own_country"])
        for head in heads["heads_in_lower_case"]:
            first = next((spec["first"] for spec in heads["heads"]
                          if spec["head"].lower() == head and spec.get("first")), None)
            after = (rf"[ \t]+(?:{alternation(first)})(?![\p{{L}}\p{{M}}\d])" if first
                     else rf"[ \t]+(?!(?:{countries})(?![\p{{L}}\p{{M}}]))\p{{Lu}}")
            branches.append(rf"(?P<head>{regex.escape(head)})(?={after})")
        # "công an xã Diễn Hồng": before a unit word and its name
        lower_units = trie_alternation([w for w in unit_words if w.islower()] + ["TP"])
        branches.append(rf"(?P<head>{trie_alternation(heads['heads_in_lower_case_before_a_unit'])})"
                        rf"(?=[ \t]+(?:{lower_units})(?:[ \t]+|\.[ \t]*)\p{{Lu}})")
        self.lower_case_head = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{'|'.join(branches)})")
        # the words every match of it starts with, found by the stdlib engine (far faster than a scan)
        self.lower_case_head_words = re.compile(trie_alternation(
            heads["positions_before_a_head"] + heads["heads_in_lower_case"] + heads["heads_in_lower_case_before_a_unit"]))
        self.colon_list = regex.compile(rf"(?P<head>{trie_alternation(self.portfolio_heads)})[ \t]*:[ \t]*")
        self.suffix_after_pair = set(heads["name_suffix_after_pair"])
        gz = gazetteer()
        # bare names after a body ("Sở Y tế Hà Nội", "Công an Hoàng Mai"): provinces and districts
        self.bare_places = {k for k, units_ in gz.by_key.items() if any(u.tier != "ward" for u in units_)}
        self.unit_names = set(gz.by_key)
        # the unit word of a bare name, where the name is one province or one district
        self.bare_unit_word = {}
        for k in self.bare_places:
            for tier in ("province", "district"):
                words_ = {u.unit_word for u in gz.by_key[k] if u.tier == tier}
                if words_:
                    if len(words_) == 1:
                        self.bare_unit_word[k] = words_.pop()
                    break

    def first_scan_search(self, text: str, pos: int):
        """first_scan.search(text, pos), tried only where one of its words starts."""
        return _search_where_words_start(self.first_scan, self.scan_words, text, pos)

    @staticmethod
    def _keys(text: str) -> list[str]:
        out: list[str] = []
        for m in _TOKEN.finditer(text):
            k = _CONNECTOR if m["conn"] else _key(m["word"])
            out.extend(_TOKEN_ALIASES.get(k, (k,)))
        return out

    def _add(self, name: str, entry):
        keys = []
        for k in self._keys(name):
            k = _CONNECTOR if k in self.connectors else k
            if not (k == _CONNECTOR and keys and keys[-1] == _CONNECTOR):
                keys.append(k)
        node = self.trie
        for i, k in enumerate(keys):
            node = node.setdefault(k, {})
            rest = keys[i + 1:]
            if i >= 1 and k != _CONNECTOR and rest and (rest[0] == _CONNECTOR or rest == ["việt", "nam"]):
                # a short form the press uses: "Sở Giáo dục", "Cục Đường sắt", "Tổng cục Đường bộ"
                node.setdefault(_SHORT, []).append(entry)
        node[None] = entry

    # -- listed names ---------------------------------------------------------------------------
    def listed(self, text: str, start: int, era: str):
        """Longest listed name at `start`, or its short form: (end, _Entry, whole) or None.
        Connectors may be left out ("Sở Văn hóa Thể thao"). Remembered for the document."""
        if text is not self._listed_of:
            self._listed_of, self._listed = text, {}
        if start not in self._listed:
            self._listed[start] = self._find_listed(text, start, era)
        return self._listed[start]

    def _find_listed(self, text: str, start: int, era: str):
        node, pos, best, short, prev = self.trie, start, None, None, None
        for _ in range(_MAX_NAME_TOKENS):
            m = _TOKEN.match(text, pos)
            if not m:
                break
            k = _CONNECTOR if m["conn"] else _key(m["word"])
            if k in self.connectors:
                k = _CONNECTOR
            if k == _CONNECTOR and prev == _CONNECTOR:
                pos = m.end()
                continue
            nxt = node
            for part in _TOKEN_ALIASES.get(k, (k,)):
                step = nxt.get(part)
                if step is None and nxt.get(_CONNECTOR) is not None:
                    step = nxt[_CONNECTOR].get(part)
                nxt = step
                if nxt is None:
                    break
            if nxt is None:
                break
            node, pos, prev = nxt, m.end(), k
            if k != _CONNECTOR:
                if short:
                    short = pos, short[1]  # the text goes on along the name: "Cục Khảo thí và Kiểm định"
                if None in node:
                    best = (pos, node[None], True)
                elif _SHORT in node:
                    short = pos, node[_SHORT]
        if short and (not best or short[0] > best[0]):
            entry = next((e for e in short[1] if e.era in (era, "both")), None)
            if entry is not None:  # "Ban Tuyên giáo" in 2017 is no short form of a board of 2025
                return short[0], entry, False
        return best

    # -- words after a name ---------------------------------------------------------------------
    def words(self, text: str, pos: int, n: int) -> list[tuple[str, int, int]]:
        """The next n words on the line, each (word, start, end): one match for the run, then its words
        (cached for the document: a name's end is read by several rules)."""
        if text is not self._words_of:
            self._words_of, self._words = text, {}
        found = self._words.get(pos)
        if found is None:
            found = self._words[pos] = self._read_words(text, pos, _MAX_WORDS_READ)
        return found[:n]

    def _read_words(self, text: str, pos: int, n: int) -> list[tuple[str, int, int]]:
        run = _WORD_RUNS.get(n)
        if run is None:
            run = _WORD_RUNS[n] = regex.compile(rf"(?:{_NAME_WORD}){{1,{n}}}")
        m = run.match(text, pos)
        if not m:
            return []
        return list(zip(m.captures("w"), m.starts("w"), m.ends("w")))

    def place_at(self, words, i: int, keys: set) -> int:
        """Number of words from i that form a unit name in `keys` (longest), else 0."""
        caps = 0  # a name is capitalised words: at most as many as run from i
        while caps < _MAX_PLACE_SYLLABLES and i + caps < len(words) and _is_cap(words[i + caps][0]):
            caps += 1
        for n in range(caps, 0, -1):
            if _key(" ".join(w for w, _, _ in words[i:i + n])) in keys:
                return n
        return 0

    def person_at(self, words, i: int) -> bool:
        """A family name and one to three capitalised words: a person ("Nguyễn Thị Kim Ngân")."""
        return words[i][0] in self.surnames and i + 1 < len(words) and _is_cap(words[i + 1][0])

    def country_at(self, words, i: int, table) -> int:
        if i >= len(words) or not _is_cap(words[i][0]) or _key(words[i][0]) not in self.country_firsts:
            return 0
        for n in range(min(3, len(words) - i), 0, -1):
            if tuple(_key(w) for w, _, _ in words[i:i + n]) in table:
                return n
        return 0

    def place(self, text: str, pos: int, bare: bool, unit_for_bare: bool = True):
        """A place that ends a body's name: "tỉnh Quảng Nam", "TP.HCM", "quận 12", or (when `bare`)
        a province or district name alone ("Hà Nội"). Returns (end, normalised text) or None."""
        paren = _PAREN_ABBREVIATION.match(text, pos)  # "Chi cục Thi hành án dân sự (THADS) huyện Lâm Hà"
        if paren:
            found = self.place(text, paren.end(), bare=bare, unit_for_bare=unit_for_bare)
            if found:
                return found
        m = self.place_alias.match(text, pos)
        if m:
            return m.end(), self.place_aliases[m["alias"]]
        m = self.glued_unit.match(text, pos)
        if m:  # "Công an TP.Biên Hòa", "UBND H.Phong Điền": an abbreviated unit glued to a known name
            words = self._read_words(" " + text[m.end():m.end() + 80], 0, _MAX_PLACE_SYLLABLES)
            n = self.place_at(words, 0, self.unit_names)
            if not n:
                return None
            end = m.end() + words[n - 1][2] - 1
            return end, f"{self.level_of_abbreviation[m['unit'] + '.']} {text[m.end():end]}"
        m = self.unit_word.match(text, pos)
        if m:
            words = self.words(text, m.end(), _MAX_PLACE_SYLLABLES)
            if not words:
                return None
            unit = self.level_of_abbreviation.get(m["unit"], m["unit"]).lower()
            if words[0][0].isdigit():
                return words[0][2], f"{unit} {words[0][0]}"
            hyphenated = _HYPHENATED.match(text, m.end())
            if hyphenated and _key(hyphenated["name"]) in self.unit_names:  # "tỉnh Thừa Thiên - Huế"
                return hyphenated.end(), f"{unit} {hyphenated['name']}"
            n = self.place_at(words, 0, self.unit_names)
            if not n and m["unit"] in self.level_of_abbreviation:
                return None  # "Công an TP. Các đơn vị": after an abbreviation, only a known name
            if not n:  # a name missing from the gazetteer: its capitalised words, a person's excluded
                while n < len(words) and _is_cap(words[n][0]) and not self.person_at(words, n):
                    n += 1
            if not n:
                return None
            return words[n - 1][2], f"{unit} {text[words[0][1]:words[n - 1][2]]}"
        if bare:
            words = self.words(text, pos, _MAX_PLACE_SYLLABLES)
            n = self.place_at(words, 0, self.bare_places) if words else 0
            if n:  # "Sở Y tế Hà Nội" is "Sở Y tế thành phố Hà Nội"
                name = text[words[0][1]:words[n - 1][2]]
                unit = self.bare_unit_word.get(_key(name), "") if unit_for_bare else ""
                return words[n - 1][2], f"{unit} {name}".strip()
        return None

    def capitalised_tail(self, text: str, pos: int, era: str = "before_2025") -> int:
        """End of the capitalised words after a head ("Ban Chỉ đạo Tây Nguyên", "Quốc hội Mỹ"),
        stopping before a person's name, a unit word or a bare place name (which `place` reads).
        A body named inside is taken whole ("Đảng ủy Công an Trung ương", "Ban Chỉ đạo Bộ Tài chính");
        a document's title starts a new phrase ("của Chính phủ Quy định chi tiết")."""
        words = self.words(text, pos, _MAX_CAPITALISED + _MAX_PLACE_SYLLABLES)
        end, i = pos, 0
        while i < len(words) and i < _MAX_CAPITALISED and _is_cap(words[i][0]):
            if self.unit_word.match(text, words[i][1] - 1) or self.place_at(words, i, self.bare_places) \
                    or self.place_alias.match(text, words[i][1] - 1) or self.glued_unit.match(text, words[i][1] - 1) \
                    or self.person_at(words, i) or words[i][0] in self.signature_marks \
                    or self.country_at(words, i, self.own_country):
                break  # "UBND TP Hà Nội", "Công an Hà Nội", "Quốc hội Nguyễn Thị Kim Ngân"
            n = self.country_at(words, i, self.countries)
            if n:  # a foreign country ends the name: "Quốc hội Lào Pany Yathotou" names a person after it
                end = words[i + n - 1][2]
                break
            inner = self.legacy.match(text, words[i][1])
            inner_end = inner.end() if inner else None
            if _key(words[i][0]) in self.trie:
                found = self.listed(text, words[i][1], era)
                if found and (inner_end is None or found[0] > inner_end):
                    inner_end = found[0]
            if inner_end is not None:
                end = inner_end
                while i < len(words) and words[i][2] <= inner_end:
                    i += 1
                continue
            if i + 1 < len(words) and not _is_cap(words[i + 1][0]):
                pair = _key(f"{words[i][0]} {words[i + 1][0]}")
                if pair in self.title_words:
                    break
                if pair in self.two_syllable_words:  # "Ban Chỉ đạo Trung ương"
                    end = words[i + 1][2]
                    i += 2
                    continue
            end = words[i][2]
            i += 1
        return end

    def place_follows(self, text: str, pos: int) -> bool:
        """A unit word and its name at `pos` ("tỉnh Hà Nam", "quận 12"); "Xã hội" is no place."""
        m = self.unit_word.match(text, pos)
        return bool(m) and bool(_NAME_AFTER_UNIT.match(text, m.end()))

    def _body_after_and(self, words, i: int, text: str) -> bool:
        """Whether the capitalised word after "và" starts another body: a head, unless a one-word
        head is a verb's first syllable ("Chi cục Đê điều và Phòng chống lụt bão")."""
        head = self.scan.match(text, words[i][1])
        if head is None:
            return False
        return " " in head.group() or i + 1 >= len(words) or _is_cap(words[i + 1][0]) \
            or f"{words[i][0]} {words[i + 1][0]}".lower() not in dictionary_words()

    def ruled_tail(self, text: str, pos: int, era: str = "before_2025", max_lower: int | None = None,
                   proper: bool = False) -> int | None:
        """End of an unlisted name after a rule head: a capitalised word, then capitalised words
        and lower-case words up to a clause word, a place or punctuation ("Cục Chống tham nhũng");
        in a company's or a paper's name (`proper`), a lower-case word after two capitalised ones
        ends it ("Tập đoàn Hòa Phát góp"). None when no capitalised word follows, a place or
        another body does, or the lower-case words run on too long to tell."""
        max_lower = self.max_lower if max_lower is None else max_lower
        words = self.words(text, pos, _MAX_CAPITALISED + self.max_lower + 2)
        if not words or not _is_cap(words[0][0]) or words[0][0].isdigit() or self.person_at(words, 0) \
                or words[0][0] in self.rule_heads or words[0][0] in self.signature_marks \
                or self.place_follows(text, pos) or self.place_alias.match(text, pos) \
                or self.legacy.match(text, words[0][1]) \
                or (_key(words[0][0]) in self.trie and self.listed(text, words[0][1], era)):
            return None
        if _ROMAN.fullmatch(words[0][0]):
            return words[0][2]  # "Cục II"
        end, lower, i, caps = words[0][2], 0, 1, 1
        while i < len(words):
            w, s, e = words[i]
            if proper and not _is_cap(w) and not w.isdigit() and caps >= 2 and w != "và":
                return end  # "Tập đoàn Hòa Phát góp 98% vốn"
            if proper and _is_cap(w) and self.company_head.match(text, s):
                return end  # "Công ty CP Truyền hình Cáp Sông Thu Công ty CP Xây dựng": the next company
            caps = caps + 1 if _is_cap(w) else 0
            if w.isdigit() or (not _is_cap(w) and (w in self.stop_words or self.unit_word.match(text, s - 1)
                                                   or self.clause_verb.match(text, s))):
                if w == "và" and i + 1 < len(words) and _is_cap(words[i + 1][0]) and not self._body_after_and(words, i + 1, text):
                    i += 1  # "Sở Khoa học và Công nghệ" (not "Công ty A và Công ty B")
                    continue
                return end
            if _is_cap(w) and i + 1 < len(words) and _key(f"{w} {words[i + 1][0]}") in self.two_syllable_words:
                end = words[i + 1][2]  # "Ban Thường vụ", "Ủy ban Kiểm tra"
                i += 2
                continue
            if _is_cap(w):
                if self.place_follows(text, s - 1) or self.place_alias.match(text, s - 1) or w in self.heads or w in self.signature_marks or self.person_at(words, i) \
                        or self.place_at(words, i, self.bare_places) or self.country_at(words, i, self.countries) \
                        or self.legacy.match(text, s) or (_key(w) in self.trie and self.listed(text, s, era)):
                    return end
            else:
                lower += 1
                if lower > max_lower:
                    return None
            end = e
            i += 1
        # the words ran out: a boundary (punctuation, line end) or too many words to judge
        return end if len(words) < _MAX_CAPITALISED + self.max_lower + 2 else None


@persistent("organizations-rules", _Rules)
def rules() -> _Rules:
    return _Rules()


@functools.lru_cache(maxsize=8192)
def _normalise(text: str) -> str:
    return modern_tones(" ".join(text.split()))


@functools.cache
def _expansions():
    """Abbreviations written out in a normalised name ("Đảng ủy UBND tỉnh" -> "Đảng ủy Ủy ban nhân dân tỉnh")."""
    table = load_json("abbreviations_written_out.json")["expansions"]
    table = {k: v for k, v in table.items() if not v[:1].islower()}  # "TP" is read with its place
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\d])(?:{trie_alternation(table)})(?![\p{{L}}\p{{M}}\d&])"), table


@functools.lru_cache(maxsize=8192)
def _written_out(name: str) -> str:
    pattern, table = _expansions()
    return pattern.sub(lambda m: table[m.group()], name)


_NAME_AFTER_UNIT = regex.compile(r"[ \t]+(?:\p{Lu}|\d)")
_LIST_GOES_ON = regex.compile(r"[ \t]*(?:,|và)")
_SHARED_SEP = regex.compile(r"[ \t]*(?:[,/\-–]|và)[ \t]*")
_SHARED_AHEAD = regex.compile(r"[^\s,/\-–]+(?: [^\s,/\-–]+){0,4}?[ \t]*(?:[,/\-–]|và )")  # a separator within the first words
_SEPARATOR = regex.compile(r"[ \t]*(?:(?P<sep>[,\-–])[ \t]*|(?P<space>[ \t]))")
_NUMBERED_NAME = regex.compile(r"[ \t]+số[ \t]+\d{1,3}[A-Z]?(?![\p{L}\p{M}\d])")
_NUMBER = regex.compile(r"[ \t]+(?:số[ \t]+)?(?P<n>\d{1,4}[A-Z]?)(?![\p{L}\p{M}\d/.,]\d?)")
_PAREN_PLACE = regex.compile(r"[ \t]*\((?=[^()\n]{1,40}\))")
_LOWER_WORD = regex.compile(
    rf"[ \t]*(?P<comma>,[ \t]*)?(?P<w>\p{{Ll}}[\p{{L}}\p{{M}}]*|{_SLASHED_ACRONYMS}|\p{{Lu}}[\p{{L}}\p{{M}}]*(?:-\d+)?)(?![\p{{L}}\p{{M}}\d])")
_MAX_LOWER_NAME = 8
_COMPANY_NAME = regex.compile(r"(?:[ \t]+\p{Ll}[\p{L}\p{M}]*){0,4}[ \t]+(?P<name>\p{Lu})")
_COMMA_BEFORE_ABBREVIATION = regex.compile(
    r"(?:,[ \t]*|[ \t]+về[ \t]+)\p{Ll}[\p{L}\p{M}]*(?:[ \t]+\p{Ll}[\p{L}\p{M}]*){0,4}(?=[ \t]*\(\p{Lu}[\p{Lu}\d&\-]*\))")
_DEFINED_ABBREVIATION = regex.compile(r"^(?P<head>\S+(?: \p{Ll}\S*)?) (?P<full>.+?)[ \t]*\((?P<acr>\p{Lu}[\p{Lu}\d&\-]*)\)")
# a name in lower case that a code in parentheses and its parent body follow: "Phòng cảnh sát ma túy
# (PC47) Công an TP HCM" (not "cơ quan BHXH đã phát hiện nhiều bệnh viện (BV) thực hiện")
_LOWER_NAME_BEFORE_CODE = regex.compile(
    r"(?:[ \t]+\p{Ll}[\p{L}\p{M}]*){1,8}(?=[ \t]*\(\p{Lu}[\p{Lu}\d&\-]*\)[ \t]+\p{Lu})")
_MAX_DEPTH = 3


def _rank(r: _Rules, kind: str, default: int = 2) -> int:
    return r.kind_rank.get(kind, default)


def _closing(r: _Rules, text: str, start: int, end: int, normalized: str, kind: str, rank: int,
             takes_place: bool = True, unit_for_bare: bool = True) -> _Body:
    """A body's name goes on with a country ("Bộ Quốc phòng Mỹ"), or its place ("tỉnh Quảng Nam",
    "(tỉnh Tây Ninh)", "Hà Nội"), or a unit word alone that means the document's province."""
    if text[end:end + 1] not in (" ", "\t", "("):
        return _Body(end, normalized, kind, rank)  # punctuation: the name ends here
    if text[end + 1:end + 2].islower() and not r.unit_word.match(text, end):
        return _Body(end, normalized, kind, rank)  # a lower-case word, no unit word: no place, no country
    words = r.words(text, end, 3) if text[end + 1:end + 2].isupper() else []
    n = r.country_at(words, 0, r.countries) if words else 0
    if n:
        return _Body(words[n - 1][2], f"{normalized} {text[words[0][1]:words[n - 1][2]]}", kind, rank)
    n = r.country_at(words, 0, r.own_country) if words else 0
    if n:
        if not (normalized in r.without_country or kind in r.without_country or normalized.endswith("Việt Nam")):
            normalized = f"{normalized} Việt Nam"
        end = words[n - 1][2]
        p = r.place(text, end, bare=False) if takes_place else None
        if p:  # "Ủy ban MTTQ Việt Nam tỉnh Gia Lai"
            return _Body(p[0], f"{normalized} {p[1]}", kind, rank, place=p[1])
        return _Body(end, normalized, kind, rank, place="Việt Nam")
    if not takes_place:
        return _Body(end, normalized, kind, rank)
    p = r.place(text, end, bare=True, unit_for_bare=unit_for_bare)
    if p is None:
        paren = _PAREN_PLACE.match(text, end)
        if paren:  # "Đội Quản lý thị trường số 4 (tỉnh Tây Ninh)"
            inside = " " + text[paren.end():paren.end() + 48]
            q = r.place(inside, 0, bare=False)
            if q and inside.startswith(")", q[0]):
                p = paren.end() + q[0], q[1]
    if p:
        place = p[1]
        committee_level = r.level_committees.get(kind)
        if committee_level and place.startswith(committee_level + " ") and place[len(committee_level) + 1:] not in r.also_people:
            place = place[len(committee_level) + 1:]  # "Tỉnh ủy tỉnh Hà Nam" is "Tỉnh ủy Hà Nam" (not "Thành ủy Hồ Chí Minh")
        return _Body(p[0], f"{normalized} {place}", kind, rank, place=place)
    return _Body(end, normalized, kind, rank)


def _province_unit(r: _Rules, text: str, start: int, end: int):
    """A unit word alone after a body that means the document's province ("Công an tỉnh"): its end
    and the unit word, or None; none where the body is one of many ("UBND các tỉnh")."""
    m = r.bare_province.match(text, end)
    if not m or r.plural_before.search(text, max(0, start - 12), start):
        return None
    return m.end(), r.province_units[m["unit"]]


def _foreign_after(r: _Rules, text: str, end: int) -> bool:
    """A foreign country a few words on ("Đài truyền hình trung ương Trung Quốc"); one right after
    the name is read with it ("Cục Hàng không Campuchia")."""
    words = r.words(text, end, 4)
    return any(r.country_at(words, i, r.countries) for i in range(1, len(words)))


def _listed_body(r: _Rules, text: str, start: int, era: str) -> _Body | None | bool:
    """The listed body at `start`; False when no listed name starts there, None when one does but
    names no one body here ("các Sở", "Chi cục Thuế" without its district)."""
    found = r.listed(text, start, era)
    if not found:
        return False
    end, entry, whole = found
    if not whole and not entry.takes_place and (r.place(text, end, bare=True) or _foreign_after(r, text, end)):
        return False  # "Bảo hiểm xã hội Hà Nội", "Đài truyền hình trung ương Trung Quốc": not the national body
    normalized = entry.official
    if normalized in r.numbered:  # "Bộ Tư lệnh Quân khu 7"
        num = _WORD.match(text, end)
        if num and num["w"].isdigit():
            end = num.end()
            normalized = f"{normalized} {num['w']}"
    if entry.takes_place:
        numbered = _NUMBERED_NAME.match(text, end)  # "Thanh tra giao thông số 3 quận Ninh Kiều"
        if numbered:
            end = numbered.end()
            normalized = f"{normalized} {text[numbered.start():end].strip()}"
    rank = _rank(r, entry.kind)
    words = r.words(text, end, 3)
    if not whole and words and r.country_at(words, 0, r.countries):
        normalized = text[start:end]  # "Cục Hàng không Campuchia": a foreign body, as written
    body = _closing(r, text, start, end, normalized, entry.kind, rank, entry.takes_place)
    if body.end == end and entry.takes_place:
        if r.lower_unit_alone.match(text, end):
            return None  # "Hội Phụ nữ xã", "LĐLĐ huyện": the body of a commune or a district left unnamed
        if entry.local == "district":
            return None  # "Chi cục Thuế", "Phòng Tư pháp": one in each district, no one body
        if entry.local == "province":
            unit = _province_unit(r, text, start, end)
            if unit:
                return body._replace(end=unit[0], wants=(unit[1], False))
            if not r.plural_before.search(text, max(0, start - 12), start):
                return body._replace(wants=(None, False))
            return None  # "các Sở": every province's, no one body
        if entry.alone_suffix and not normalized.endswith(entry.alone_suffix):
            unit = _province_unit(r, text, start, end)
            if unit:  # "Hội Nông dân tỉnh", "NHCSXH tỉnh": the province's body (resolved), not the national one
                return body._replace(end=unit[0], wants=(unit[1], False))
            return body._replace(normalized=f"{normalized} {entry.alone_suffix}")
    return body


_PHRASE_END = regex.compile(r"[ \t]*(?:$|\n|[|(\-–—*]|\.(?!\d))", regex.MULTILINE)
_MAX_SUBJECT_WORDS = 14


def _subject_tail(r: _Rules, text: str, pos: int) -> int:
    """"Ban Chỉ đạo phòng, chống dịch Covid-19 huyện Lý Nhân", "Ban chỉ đạo quốc gia về tìm kiếm,
    quy tập hài cốt liệt sĩ": a steering committee named by its level and its subject. The subject
    (lower-case words, commas between them) is taken only up to a place or the end of the phrase,
    where nothing else can follow; otherwise the level alone ("Ban Chỉ đạo quốc gia")."""
    level = r.bcd_level.match(text, pos)
    if level:
        pos = level.end()
    first = _LOWER_WORD.match(text, pos)
    if not first or first["comma"] or not text.startswith(r.bcd_subject_cues, first.start("w")):
        return pos
    end, n, p = pos, 0, pos
    while n < _MAX_SUBJECT_WORDS:
        m = _LOWER_WORD.match(text, p)
        if not m:
            break
        w, s = m["w"], m.start("w")
        if r.unit_word.match(text, s - 1):
            return end  # its place follows
        if m["comma"] and not _LOWER_WORD.match(text, m.end("w")):
            break
        if r.clause_verb.match(text, s) or (w in r.stop_words and w != "về") or r.scan.match(text, s):
            break
        end, p, n = m.end(), m.end(), n + 1
    return end if _PHRASE_END.match(text, end) else pos


def _legacy_body(r: _Rules, text: str, start: int, era: str) -> _Body | None | bool:
    lm = r.legacy.match(text, start)
    if not lm:
        return False
    head, kind = lm["head"], r.heads[lm["head"]]
    end = lm.end()
    if not lm["num"]:
        end = r.capitalised_tail(text, end, era)
        num = _NUMBER_AFTER.match(text, end) if kind == "Ban Chỉ đạo" else None
        if num:
            end = num.end()
        if kind == "Ban Chỉ đạo" and end == lm.end():
            end = _subject_tail(r, text, end)
            num = _NUMBER_AFTER.match(text, end)
            if num and end > lm.end():
                end = num.end()  # "Ban Chỉ đạo quốc gia 1237"
    elif kind != "Ban Chỉ đạo":
        return None  # "UBND 27 xã": a count follows, not a name
    tail = text[start + len(head):end]
    normalized = _written_out(kind + tail)
    rank = _rank(r, kind)
    body = _closing(r, text, start, end, normalized, kind, rank, unit_for_bare=kind not in r.bare_place_heads)
    if body.end > end:
        return body
    if head in r.need_place:
        return None  # "CA" alone is too often something else
    unit = _province_unit(r, text, start, end)
    if unit:
        return body._replace(end=unit[0], wants=(unit[1], False))
    if kind in r.level_committees and not tail.strip() and r.level_committees[kind] in r.province_units.values():
        if r.plural_before.search(text, max(0, start - 12), start):
            return None
        return body._replace(wants=(r.level_committees[kind], True))  # "Tỉnh ủy" of the document's province
    if not tail.strip() and text[start:end] not in r.alone:
        return None  # "Công an", "Ủy ban nhân dân" alone name no particular body
    return body


def _rule_body(r: _Rules, text: str, start: int, head: str, era: str) -> _Body | None:
    end = r.ruled_tail(text, start + len(head), era)
    if end is None:
        return None
    kind = r.rule_heads[head]
    return _closing(r, text, start, end, text[start:end], kind, _rank(r, kind))


def _generic_body(r: _Rules, text: str, start: int, era: str) -> _Body | None:
    """A body named by rule after a generic head (organization_heads.json), as its spec allows."""
    hm = r.generic_head.match(text, start)
    if not hm:
        return None
    spec = r.generic[hm.group()]
    kind, rank = spec["head"], spec["rank"]
    pos = hm.end()
    if text[pos:pos + 1] != " " and not spec.get("bare_ok"):
        return None  # "Ban,", "Hội.": the word alone
    coded = _LOWER_NAME_BEFORE_CODE.match(text, pos)  # "Phòng cảnh sát giao thông đường bộ (PC67) Công an ..."
    if text[pos + 1:pos + 2].islower() and not (spec.get("lower") or spec.get("place") or spec.get("first")
                                                 or spec.get("company") or coded):
        return None  # "Trường hợp", "Báo cáo": a common word
    nf = r.not_first.get(kind)
    if nf and nf.match(text, pos):
        return None
    lower = unnamed = False
    first = r.first_words.get(kind)
    if first:
        fm = first.match(text, pos)
        if not fm:
            return None
        pos = fm.end()
        if spec.get("any_name"):  # "Trường THPT Nguyễn Du": a school's name is any capitalised words
            numbered = _NUMBERED_NAME.match(text, pos)  # "Trường Tiểu học số 1 Nhơn Hòa"
            end = pos = numbered.end() if numbered else pos
            words = r.words(text, pos, _MAX_CAPITALISED)
            for i, (w, ws, e) in enumerate(words):
                if ws < end:
                    continue  # the second word of a pair taken below
                if not (_is_cap(w) or w.isdigit()) or r.unit_word.match(text, ws - 1):
                    break
                end = e
                if i + 1 < len(words) and (_key(f"{w} {words[i + 1][0]}") in r.two_syllable_words
                                           or f"{w} {words[i + 1][0]}".lower() in dictionary_words()):
                    end = words[i + 1][2]  # "Trường Văn hóa Công an nhân dân", "Trường Đại học Công nghiệp"
                    if i + 3 < len(words) and f"{words[i + 2][0]} {words[i + 3][0]}" in r.suffix_after_pair:
                        end = words[i + 3][2]
            if end == pos and not numbered and not r.unit_word.match(text, pos):
                return None  # "Trường THCS" alone: no school named; "Trường MN thị trấn Diêu Trì" is named by its place
            unnamed = end == pos and not numbered
        else:
            end = r.ruled_tail(text, pos, era) or pos
    else:
        if spec.get("company"):
            cm = r.company.match(text, pos)
            if cm:  # "Công ty CP gốm Bát Tràng": the form, trade words, then the name in capitals
                pos = cm.end()
                name = _COMPANY_NAME.match(text, pos)
                if not name:
                    return None
                pos = name.start("name") - 1
        words = r.words(text, pos, 1)
        end = None
        if words and (_is_cap(words[0][0]) or words[0][0].isdigit()):
            end = r.ruled_tail(text, pos, era, spec.get("max_lower"), proper=bool(spec.get("proper")))
            if end is None and words[0][0].isdigit() and spec.get("numbered"):
                end = words[0][2]  # "Bệnh viện 108"
        if end is None and spec.get("lower") and words and not _is_cap(words[0][0]):
            end, lower = _lower_tail(r, text, pos), True
        if end is None and coded:
            end = coded.end()
        if end is None:
            end = pos  # the head alone: a place or a parent body must follow
    more = _COMMA_BEFORE_ABBREVIATION.match(text, end)
    if more and end > hm.end():
        end = more.end()  # "Phòng Cảnh sát giao thông đường bộ, đường sắt (PC67)"
    normalized = _written_out(text[start:end])
    num = _NUMBER.match(text, end)
    closed = False
    if num and end > hm.end():
        end, closed = num.end(), True
        normalized = f"{normalized} {num['n']}" if "số" not in num.group() else _written_out(text[start:end])
    body = _closing(r, text, start, end, normalized, kind, rank, takes_place=True,
                    unit_for_bare=not spec.get("place_is_name"))
    village = r.village.match(text, end) if spec.get("village") and body.end == end else None
    if village:  # "Chi bộ thôn Yên Cảnh": village names are in no gazetteer
        place = f"{village['unit']} {village['name']}"
        body = _Body(village.end(), f"{normalized} {place}", kind, rank, place=place)
    closed = closed or bool(body.place and body.place != "Việt Nam") or (body.end > end and not lower)
    national = r.national_end.search(text, hm.end() + 1, end) if end > hm.end() and not lower else None
    if national and national.start() > hm.end() + 1 and not r.national_goes_on.match(text, end):
        closed = True  # "Hội đồng Y khoa Quốc gia": a national body, whole ("Ủy ban Quốc gia" names none)
    if body.end == end:
        unit = _province_unit(r, text, start, end)
        if unit and (spec.get("place") or end > hm.end()):
            body, closed = body._replace(end=unit[0], wants=(unit[1], False)), True
    if unnamed and body.end == end:
        return None  # "Trường THPT TX.Quảng Trị": no place read after the school's kind, so no name
    if not closed and (lower or spec.get("needs_owner")
                       or (end == hm.end() and not spec.get("bare_ok"))):
        body = body._replace(needs_parent=True)  # a body only with a parent body after it
    return body


def _lower_tail(r: _Rules, text: str, pos: int) -> int | None:
    """A name in lower case after its head ("Hội đồng chính sách", "Ủy ban bầu cử", "Đồn Biên
    phòng cửa khẩu quốc tế"): its words up to a place, a body, a number or a clause word."""
    end, p, n = None, pos, 0
    while n < _MAX_LOWER_NAME:
        m = _LOWER_WORD.match(text, p)
        if not m:
            break
        w, s = m["w"], m.start("w")
        if m["comma"] and not (_LOWER_WORD.match(text, m.end("w")) and not _is_cap(w)):
            break
        if r.unit_word.match(text, s - 1) or r.clause_verb.match(text, s) or w in r.stop_words or \
                w == "số" or r.scan.match(text, s):
            break
        if _is_cap(w):
            words = r.words(text, s - 1, _MAX_PLACE_SYLLABLES)
            if words and (r.place_at(words, 0, r.bare_places) or r.country_at(words, 0, r.countries)
                          or r.person_at(words, 0)):
                break
        end, p, n = m.end(), m.end(), n + 1
    return end


def _body_at(r: _Rules, text: str, start: int, era: str, depth: int = 0) -> _Body | None:
    """The body whose name starts at `start`, with the parent body that follows it glued on
    ("Phòng Cảnh sát hình sự Công an tỉnh Khánh Hòa", "Cục Kiểm tra văn bản - Bộ Tư pháp").
    Remembered for the document: a parent tried after one body is met again by the scan."""
    if text is not r._bodies_of:
        r._bodies_of, r._bodies = text, {}
    if start in r._bodies:
        return r._bodies[start]
    body = r._bodies[start] = _find_body(r, text, start, era, depth)
    return body


def _find_body(r: _Rules, text: str, start: int, era: str, depth: int) -> _Body | None:
    head = r.scan.match(text, start)
    if not head:
        return None
    body = False
    if _key(head.group().split(" ", 1)[0]) in r.trie:
        body = _listed_body(r, text, start, era)
    if body is False:
        body = _legacy_body(r, text, start, era)
        if body is False:
            body = None
            if head.group() in r.rule_heads:
                body = _rule_body(r, text, start, head.group(), era)
            if body is None:
                body = _generic_body(r, text, start, era)
    if body is None or (not body.place and r.generic_after.match(text, body.end)):
        return None  # "Ban Chỉ đạo 1237 cấp tỉnh", "Ban ATGT các địa phương": every unit's, no one body
    if depth < _MAX_DEPTH and not body.place and body.wants is None:
        glued = _parent(r, text, start, body, era, depth)
        if glued:
            return glued
    return None if body.needs_parent else body


def _parent(r: _Rules, text: str, start: int, body: _Body, era: str, depth: int) -> _Body | None:
    if text[body.end:body.end + 1] not in (" ", ",", "-", "–", "\t", "("):
        return None
    paren = _PAREN_ABBREVIATION.match(text, body.end)  # "Phòng Cảnh sát giao thông (PC67) Công an ..."
    in_paren = None if paren else _PAREN_PARENT.match(text, body.end)
    if in_paren:  # "Tổng cục Cảnh sát (Bộ Công an)", "Ban Dân nguyện (thuộc Ủy ban Thường vụ Quốc hội)"
        parent = _body_at(r, text, in_paren.end(), era, depth + 1)
        close = _PAREN_CLOSE.match(text, parent.end) if parent is not None else None
        if close is None or parent.rank >= body.rank:
            return None
        return parent._replace(end=close.end(), normalized=f"{body.normalized} {parent.normalized}", kind=body.kind,
                               rank=body.rank, needs_parent=False, parent_in_parentheses=(in_paren.end(), parent))
    sep = _SEPARATOR.match(text, paren.end() if paren else body.end)
    if not sep or not text[sep.end():sep.end() + 1].isupper():
        return None
    at = sep.end()
    if sep["sep"] == ",":
        # "Phòng An ninh chính trị nội bộ, Công an tỉnh": not inside a list of bodies
        before = text[max(0, start - 2):start]
        if "," in before or ";" in before:
            return None
    parent = _body_at(r, text, at, era, depth + 1)
    if parent is None or parent.rank >= body.rank:
        return None
    if sep["sep"] == "," and text[parent.end - 1] != ")" and _LIST_GOES_ON.match(text, parent.end):
        return None  # "Phòng A, Cục B, Cục C": a list; "Phòng A, Cục B (Bộ C), cho biết" closes an apposition
    return parent._replace(normalized=f"{body.normalized} {parent.normalized}", kind=body.kind, rank=body.rank,
                           needs_parent=False)


def _shared_place(r: _Rules, text: str, start: int, era: str) -> list[tuple[int, int, str, str]]:
    """"Đảng ủy, HĐND, UBND xã Lê Hồng": bodies written by their head alone before a body with its
    place each take that place. Returns (start, end, head, kind) of the bare heads, and the last
    body's start, or [] when the heads do not end in a body with a place."""
    heads, pos = [], start
    if not text.startswith(r.shared_prefixes, start) or not _SHARED_AHEAD.match(text, start):
        return []
    while True:
        hm = r.shared_head.match(text, pos)
        if not hm:
            return []
        sep = _SHARED_SEP.match(text, hm.end())
        if not sep or not r.shared_head.match(text, sep.end()):
            break
        heads.append((pos, hm.end(), hm.group()))
        pos = sep.end()
    if not heads:
        return []
    return heads + [(pos, -1, "")]


def _press(r: _Rules, text: str, found: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[Organization]:
    """News outlets named in a byline, a credit or a source ("PV Dân trí", "Thái Tân/KD&PL",
    "Ảnh: VGP/Lê Sơn", "(TTXVN)", "(ảnh: Hà Nam TV)"); `found`: where their names are written."""
    out = []
    if " TV" in text:  # a province's television: "Hà Nam TV"
        found += [m.span() for m in r.local_tv.finditer(text)]
    for s, e in found:
        name = text[s:e]
        if any(a < e and s < b for a, b in taken):
            continue
        cue = r.press_cue_before.search(text, max(0, s - 16), s)
        if not (name in r.press_alone or cue or r.credit_after.match(text, e)):
            continue
        masthead = r.press.get(name, name)
        if cue and cue.group().split()[-1].lower() == "báo":
            masthead = f"Báo {masthead}"  # "báo Người Đưa Tin": the paper, named as written with its head
        out.append(Organization(name, masthead, "Cơ quan báo chí", s, e))
        taken.append((s, e))
    return out


_PORTFOLIO_SEP = regex.compile(r"[ \t]*(?:[,\-–]|và)[ \t]*")


def _portfolio_list(r: _Rules, text: str, start: int, body: _Body, era: str) -> list[tuple[int, _Body]]:
    """"Các Bộ: Quốc phòng, Công an", "liên Bộ Lao động Thương binh và Xã hội - Tài chính - Y tế":
    after a ministry or department named with a plural cue, the portfolios listed are more of
    them. Returns the bodies after the first."""
    head = next((h for h in r.portfolio_heads if text.startswith(h + " ", start)), None)
    if head is None or not r.plural_before.search(text, max(0, start - 8), start):
        return []
    out, pos = [], body.end
    while True:
        sep = _PORTFOLIO_SEP.match(text, pos)
        if not sep:
            break
        p = sep.end()
        found = r.listed(f"{head} " + text[p:p + 80], 0, era)
        if not found or found[0] <= len(head) + 1:
            break
        end = p + found[0] - len(head) - 1
        if r.place(text, end, bare=False) or _SEPARATOR.match(text, end) is None and end < len(text) and \
                text[end].isalpha():
            break  # "..., Công an tỉnh X": another body
        entry = found[1]
        out.append((p, _Body(end, entry.official, entry.kind, _rank(r, entry.kind),
                             (None, False) if entry.local == "province" else None)))
        pos = end
    return out


def _colon_list(r: _Rules, text: str, start: int, era: str) -> list[tuple[int, _Body]]:
    """"Các Bộ: Quốc phòng, Công an, Ngoại giao", "Giám đốc các Sở: Tài chính, Y tế": the head, a
    colon, and the portfolios."""
    if not text.startswith(r.portfolio_heads, start) or ":" not in text[start + 2:start + 6]:
        return []
    m = r.colon_list.match(text, start)
    if not m or not r.plural_before.search(text, max(0, start - 8), start):
        return []
    head, pos, out = m["head"], m.end(), []
    while True:
        found = r.listed(f"{head} " + text[pos:pos + 80], 0, era)
        if not found or found[0] <= len(head) + 1:
            break
        end = pos + found[0] - len(head) - 1
        entry = found[1]
        out.append((pos, _Body(end, entry.official, entry.kind, _rank(r, entry.kind),
                               (None, False) if entry.local == "province" else None)))
        sep = _PORTFOLIO_SEP.match(text, end)
        if not sep:
            break
        pos = sep.end()
    return out


def _organization(raw: str, start: int, body: _Body) -> Organization:
    org = Organization(raw[start:body.end], _normalise(body.normalized), body.kind, start, body.end)
    if body.wants:
        org.wants_province = body.wants  # the resolve stage names the province (pipeline/resolve.py)
        if body.wants[1]:
            org.unit_kept_for = rules().also_people  # "Thành ủy thành phố Hồ Chí Minh", not "Thành ủy Hồ Chí Minh"
    return org


def _search_where_words_start(pattern, words, text: str, pos: int):
    """pattern.search(text, pos), for a pattern whose every match starts with one of `words` (a
    stdlib pattern of literals, far faster at skipping text): tried only where one of them starts."""
    while (word := words.search(text, pos)) is not None:
        m = pattern.match(text, word.start())
        if m:
            return m
        pos = word.start() + 1
    return None


def _heads_capitalised(r: _Rules, text: str) -> str:
    """The text with heads written in lower case before a name capitalised: inside a position
    ("Trưởng phòng Tham mưu" -> "Trưởng Phòng Tham mưu") and where the press writes them so
    ("bệnh viện Chợ Rẫy"). The same length, so offsets into it are offsets into the text."""
    out, done = [], 0
    while (m := _search_where_words_start(r.lower_case_head, r.lower_case_head_words, text, done)) is not None:
        out += (text[done:m.start("head")], m["head"].capitalize())  # a match ends with its head
        done = m.end()
    return "".join(out) + text[done:] if out else text


def extract(doc: Document) -> list[Organization]:
    r, raw = rules(), doc.text
    text = _heads_capitalised(r, raw)
    era = "from_2025" if doc.published and doc.published >= _ERA_2025 else "before_2025"
    out, last_end, outlets, pos, recased = [], 0, [], 0, False
    while True:
        m = r.first_scan_search(text, pos)
        if not m:
            break
        start, word = m.start(), m.group()
        pos = m.end()
        # a head first_scan found is one scan finds (scan's may end further: "&", "+" may follow it)
        head = word in r.scanned
        if word in r.press:
            outlets.append(m.span())
            if not (head or r.scan.match(text, start)) or raw[max(0, start - 4):start].lower() == "báo ":
                continue  # "báo Công an nhân dân": the paper, not the force (the press pass names it)
        if word in r.capitals and not recased:
            # the same length: scan it again from here
            text, pos, recased = _heads_capitalised(r, sentence_case(raw)), start, True
            continue
        if start < last_end or not (head or r.scan.match(text, start)):
            continue
        listed_items = _colon_list(r, text, start, era)
        if listed_items:
            for s, b in listed_items:
                out.append(_organization(raw, s, b))
            last_end = pos = listed_items[-1][1].end
            continue
        shared = _shared_place(r, text, start, era)
        if shared:
            last = _body_at(r, text, shared[-1][0], era)
            if last is not None and (last.place or last.wants):
                for s, e, head in shared[:-1]:
                    kind = r.heads.get(head, head)
                    if kind in r.level_committees and last.place:
                        unit = r.level_committees[kind]
                        place = last.place[len(unit) + 1:] if last.place.startswith(unit + " ") else last.place
                        b = _Body(e, f"{kind} {place}", kind, 2)
                    elif last.place:
                        b = _Body(e, f"{_written_out(kind)} {last.place}", kind, 2)
                    else:
                        bare = kind in r.level_committees
                        b = _Body(e, _written_out(kind), kind, 2, (last.wants[0], bare))
                    out.append(_organization(raw, s, b))
                out.append(_organization(raw, shared[-1][0], last))
                last_end = pos = last.end
                continue
        body = _body_at(r, text, start, era)
        if body is None:
            continue
        out.append(_organization(raw, start, body))
        last_end = pos = body.end
        if body.parent_in_parentheses:  # "Cục Văn hóa cơ sở (Bộ Văn hóa, Thể thao và Du lịch)": the ministry too
            out.append(_organization(raw, *body.parent_in_parentheses))
        for s, b in _portfolio_list(r, text, start, body, era):
            out.append(_organization(raw, s, b))
            last_end = pos = b.end
    _abbreviations_defined(out)
    out += _press(r, raw, outlets, [(o.start_char, o.end_char) for o in out])
    return out


def _abbreviations_defined(orgs: list[Organization]) -> None:
    """"Phòng Cảnh sát giao thông đường bộ, đường sắt (PC67) Công an thành phố Hà Nội" defines PC67:
    a later "Phòng PC67 Công an thành phố Hà Nội" is the same body, named in full."""
    defined = {}
    for o in orgs:
        m = _DEFINED_ABBREVIATION.match(o.name) if "(" in o.name else None
        if m and m["head"] != m["full"]:
            defined[m["acr"]] = m["full"]
    if not defined:
        return
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d])(?:{alternation(defined)})(?![\p{{L}}\p{{M}}\d])")
    for o in orgs:
        if "(" not in o.name:
            o.normalized = _normalise(pattern.sub(lambda m: defined[m.group()], o.normalized))
