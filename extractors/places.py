"""Places: named administrative units ("xã Hải Long", "thị xã Ninh Hòa", "các xã Ninh Phước,
Ninh Thọ", "Công an Hà Tĩnh", "TP.HCM"), each linked to its official code when the hierarchy in
the text, the document's main province and its date fix it, else left unlinked with candidates."""
from __future__ import annotations

import functools
import collections
import itertools
import datetime as dt
import re

import regex

from vietmine.gazetteer import MEMO_ENTRIES, alternation, load_json, trie_alternation
from vietmine.gazetteer.places import Unit, gazetteer
from vietmine.gazetteer.cache import persistent
from vietmine.gazetteer.text import modern_tones
from vietmine.gazetteer.text import name_key
from vietmine.gazetteer.text import loose_key
from vietmine.gazetteer.words import dictionary_words
from vietmine.facts import Document, Place

REORGANISATION = dt.date(2025, 7, 1)
# a syllable of a name: "Hải", "K'Man" (Central Highlands names keep the apostrophe), "12", "10A"
# ("Phường 10 - Q.Gò Vấp": "Q." is the next unit's abbreviation, not a syllable of this name, while
# in "phường Nhật Tân.Về việc" a sentence follows without its space)
_SYL = (r"(?:\p{Lu}(?:[\p{Ll}\p{M}]++(?:['’]\p{L}[\p{Ll}\p{M}]*)?|['’]\p{L}[\p{Ll}\p{M}]*|(?!\.\p{L}))"
        r"|\d{1,2}[A-Z]?)")
_TOKEN = regex.compile(r"(?:^|\s*[-–]\s*|\s+)[^\s\-–]+")
_SPACES_OR_HYPHENS = regex.compile(r"[\s-]+")
_LOWER_WORD_NEXT = regex.compile(r"[^\S\n]+\p{Ll}")
_LAST_WORDS = regex.compile(r"(?:(?P<one_before>\S+)\s+)?(?P<last>\S+)\s*$", regex.REVERSE)
_TITLE_WORD = regex.compile(r"\p{Lu}\p{Ll}")
_DASHED = regex.compile(r" ?[-–] ?")
_DECIMAL_NEXT = regex.compile(r"\.\d")  # "xóm 3,4" is a list
_ADDRESS_LINK = regex.compile(r"[^\S\n]*[,(][^\S\n]*")  # "xã A, huyện B", "huyện B (tỉnh C)"
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;\n])\s*$", regex.REVERSE)
_ACRONYM = regex.compile(r"\p{Lu}[\p{Lu}\d&.-]*\p{Lu}[\p{Lu}\d]*")
_TITLE_WORD_NEXT = regex.compile(r"\s\p{Lu}\p{Ll}")
_LETTER = regex.compile(r"\p{L}")
# syllables apart by a space or a hyphen, spaced or not ("Thừa Thiên- Huế", "Bà Rịa – Vũng Tàu")
_NAME_WORDS = rf"{_SYL}(?:(?: ?[-–] ?(?=\p{{Lu}})| ){_SYL}){{0,4}}"
_NAME = rf"(?P<name>{_NAME_WORDS})"


class _Cue:
    """Where a pattern can start: at one of its literal phrases, after a non-letter. The stdlib
    engine finds the phrases 3-7x faster than `regex` scans the whole pattern position by position."""

    def __init__(self, literals):
        self.scan = re.compile(trie_alternation(literals))
        # a phrase hides the phrases that start inside it ("thị xã" hides "xã"): the pattern is
        # also tried after each non-letter inside a phrase found
        self.starts_inside = {w: (0, *(i for i in range(1, len(w)) if not _LETTER.match(w, i - 1)))
                              for w in literals}

    def finditer(self, pattern, text: str):
        """`pattern.finditer(text)`, match for match, for a pattern whose every match starts with
        one of the literals after a non-letter. Lookbehinds see the text before the position
        tried, as in a scan."""
        pos, match, inside = 0, pattern.match, self.starts_inside
        for hit in self.scan.finditer(text):
            start = hit.start()
            for at in inside[hit[0]]:
                at += start
                if at >= pos:
                    m = match(text, at)
                    if m:
                        yield m
                        pos = m.end()


_ABOVE = {"ward": {"district", "province"}, "district": {"province"}}
_TIERS = {"province": {"province"}, "province_or_district": {"province", "district"},
          "district": {"district"}, "ward": {"ward"}, "village": set()}


class _Rules:
    def __init__(self):
        cfg = load_json("places.json")
        self.urban_rank = cfg["urban_rank"]
        self.unit_tier = {}
        forms = set()
        for w, tier in cfg["unit_words"].items():
            for f in {w, w[0].upper() + w[1:]}:
                self.unit_tier[f.lower()] = tier
                forms.add(f)
        self.abbrev_level = cfg["level_of_abbreviation"]
        # the name on the same line: "Công an tỉnh\n\nTham mưu" is a heading, then a sentence.
        # "các xã, thị trấn: A, B": more unit words and a colon, taken only after a plural word
        lower_units = alternation([w for w in cfg["unit_words"] if w.islower()])
        # "4 xã (Hương Thọ, Hương Phong và Hải Dương)": a counted unit word, then its names in
        # parentheses (one scan with the mentions: a second one cost 20 % of the extractor)
        # "các huyện giáp ranh như A, B": names after a few lower-case words and a word that lists
        # (in the same scan, tried only after a plural word: a scan of its own cost 40 % of the extractor)
        cue = alternation(cfg["list_cues"])
        plural_forms = alternation(cfg["plural_before"] + [w.capitalize() for w in cfg["plural_before"]])
        far_units = alternation([w for w, t in cfg["unit_words"].items() if w.islower() and t != "village"])
        anon = _NAME.replace("(?P<name>", "(?:")
        self.mention_cue = _Cue(forms)
        self.mention = regex.compile(
            rf"(?<![\p{{L}}\d&])(?P<unit>{alternation(forms)})"
            rf"(?:(?P<more>(?:(?:[^\S\n]*,[^\S\n]*|[^\S\n]+và[^\S\n]+)(?:{lower_units}))*)"
            rf"(?P<qual>[^\S\n]+(?:{alternation(cfg['unit_qualifiers'])}))?"
            rf"(?P<sep>[^\S\n]*:[^\S\n]*|[^\S\n]+|(?<=\.)){_NAME}(?![\p{{L}}\d])"
            rf"|\s*\((?P<items>{anon}(?:(?:\s*,\s*|\s+và\s+){anon})*)\)"
            rf"|(?<=(?:{plural_forms}|\d)[^\S\n]+(?:{far_units}))"
            rf"(?P<far>(?:[^\S\n]*,?[^\S\n]+(?!(?:{cue})(?!\p{{L}}))\p{{Ll}}[\p{{Ll}}\p{{M}}]*){{1,10}}?"
            rf"[^\S\n]*,?[^\S\n]+(?:{cue})[^\S\n]*:?[^\S\n]*)(?=\p{{Lu}}))")
        self.far_more = regex.compile(rf"(?:[^\S\n]*,[^\S\n]*(?:{lower_units}))*")
        self.unit_in_gap = regex.compile(rf"(?<!\p{{L}})(?:{lower_units})(?!\p{{L}})")
        self.unit_split = regex.compile(r"\s*,\s*|\s+và\s+")
        self.list_first = regex.compile(rf"{_NAME}(?![\p{{L}}\d])")
        # an unknown name further down a list is a unit only where the list goes on or ends there
        self.item_end = regex.compile(r"\s*(?:[,;.:)\n]|và\s|$)")
        self.numbered = set(cfg["numbered_unit_words"])
        self.also_versions = set(cfg["unit_words_also_versions"])
        self.versions_of_a_country = set(cfg["versions_of_a_country"]) | set(load_json("organizations.json")["foreign_countries"])
        self.break_or_parent = regex.compile(rf"[^\S\n]*(?:[,;.:()\n]|$|(?:{alternation(forms)})(?!\p{{L}}))")
        self.historical = cfg["historical_provinces"]
        self.complete = set(cfg["complete_unit_words"])
        # keyed without marks' placement or dashes: "Thừa Thiên - Huế" is "Thừa Thiên Huế"
        self.renamed_level = {name_key(k): v for k, v in cfg["renamed_provinces_level"].items()}
        self.renamed_names = list(cfg["renamed_provinces_level"])
        self.numbered_abbrev_needs_parent = set(cfg["numbered_abbreviations_need_parent"])
        self.parent_after = regex.compile(
            rf"[^\S\n]*[,–-][^\S\n]*(?:{alternation(forms)})(?:[^\S\n]+|(?<=\.))[\p{{Lu}}\d]")
        self.surnames = set(load_json("people_orgs.json")["surnames"])
        # a country's name starting a longer name is none: "phường Mỹ Đình 1, Mỹ Đình 2", "xã A, Đức Phổ";
        # the units above may stand between: "bản Xuân Gia, huyện Luông Nậm Thà, tỉnh Luông Nậm Thà (Lào)"
        # (bare names between after a comma: "thị xã Kiến Đức, Hàng Châu, Chiết Giang, Trung Quốc")
        self.abroad_after = regex.compile(
            rf"(?:[^\S\n]*,?[^\S\n]*(?:{alternation(forms)})[^\S\n]+{_NAME_WORDS}|[^\S\n]*,[^\S\n]*{_NAME_WORDS}){{0,3}}"
            rf"\s*(?:,|\(|-|–|thuộc|của)\s*(?:{alternation(cfg['foreign_country_after'])})"
            # ("tỉnh Đồng Nai, Nga và Phượng": two people's names)
            rf"(?![\p{{L}}\d]|[^\S\n]\p{{Lu}}|[^\S\n]+và[^\S\n]+\p{{Lu}})")
        # the province of an address ("bản Nậm Phui, huyện Mường Tiêng, tỉnh Xay Nha Bu Ly": abroad if none of ours)
        self.province_in_address = regex.compile(
            rf"(?:[^\S\n]*,[^\S\n]*(?:{alternation(forms)})[^\S\n]+{_NAME_WORDS}){{0,2}}?"
            rf"[^\S\n]*(?:,|ở|thuộc|của)[^\S\n]*(?:tỉnh|Tỉnh)[^\S\n]+(?P<province>{_NAME_WORDS})")
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
            rf"(?:^|(?P<prev>\S*)\s+|[^\p{{L}}\d])(?:(?i:{alternation(cfg['plural_before'])})|(?P<n>\d+))\s+$", regex.REVERSE)
        # a number further down a list of numbered units: "Tổ dân phố 1, 2 phường Văn Quán"
        self.number_end = regex.compile(rf"\s*(?:[,;:)\n]|\.(?!\d)|và\s|$|(?i:{lower_units})(?!\p{{L}}))")
        self.list_next = regex.compile(rf"(?:[^\S\n]*[,;][^\S\n]*|[^\S\n]+và[^\S\n]+){_NAME}(?![\p{{L}}\d])")
        caps_units = [w.upper() for w, t in cfg["unit_words"].items() if t != "village" and not w.endswith(".")]
        self.caps_cue = _Cue(caps_units)
        self.caps = regex.compile(rf"(?<![\p{{L}}])(?P<unit>{alternation(caps_units)})\s+(?P<name>\p{{Lu}}+(?:\s\p{{Lu}}+){{0,3}})(?!\p{{L}})")
        self.aliases = {a["alias"]: (a["name"], a["level"]) for a in cfg["aliases"]}
        for written, name in cfg["dashed_provinces"].items():
            left, right = written.split(" - ")
            for before, dash, after in itertools.product(("", " "), ("-", "–"), ("", " ")):
                self.aliases.setdefault(f"{left}{before}{dash}{after}{right}", (name, "tỉnh"))
        g = gazetteer()
        names = [n for n in g.province_names if n not in cfg["bare_name_ambiguous"]]
        self.bare_cue = _Cue(list(self.aliases) + names)
        self.bare = regex.compile(rf"(?<![\p{{L}}\d.])(?P<name>{alternation(list(self.aliases) + names)})(?![\p{{L}}\d])")
        self.bare_excl_before = regex.compile(
            rf"(?:^|[^\p{{L}}])(?:{alternation(cfg['bare_name_excluded_before'] + cfg['bare_name_team_before'])})\s*$", regex.REVERSE)
        # "Đại học Quốc gia Hà Nội", "Trường ĐH Kinh tế TP.HCM": the same heads, a few words of a name between
        # (a province named with a head's word is none: "Hồ Chí Minh và Bình Phước" is no lake's name)
        heads_in_names = [n for n in g.province_names if any(n.startswith(f"{h} ") for h in cfg["bare_name_excluded_before"])]
        self.inside_org_name = regex.compile(
            rf"(?:^|[^\p{{L}}])(?!{alternation(heads_in_names)}(?!\p{{L}}))(?:{alternation(cfg['bare_name_excluded_before'])})"
            rf"(?:\s+\p{{Lu}}[\p{{L}}&.-]*(?:\s+\p{{Ll}}+)?){{1,4}}\s+$", regex.REVERSE)
        self.bodies = set(cfg["acronyms_of_bodies"])
        self.sentence_openers = set(cfg["sentence_openers_before_a_name"])
        # "Sở GD&ĐT", "Sở GD - ĐT", "sở GD ĐT": a body's head, then the acronyms of its portfolio
        self.body_head_before = regex.compile(
            rf"(?:^|[^\p{{L}}])(?i:{alternation(cfg['body_heads_before_acronym'])})(?:\s*(?:[&–-]|\p{{Lu}}[\p{{Lu}}\d&.-]*))*\s+$")
        self.function_word_next = regex.compile(rf"[^\S\n]+(?:{alternation(cfg['function_words_after_a_name'])})(?!\p{{L}})")
        self.body_before_unit = regex.compile(rf"(?:[(:]|(?<!\p{{L}})(?:{alternation(cfg['bodies_before_a_capitalised_unit'])}))\s*$")
        self.lower_syllable_next = regex.compile(r"[^\S\n](\p{Ll}[\p{Ll}\p{M}]*)(?!\p{L})")
        # anchored by match() at the name's end (a "^" would anchor at the text's start only)
        self.bare_excl_after = regex.compile(rf"\s*(?:{alternation(cfg['bare_name_excluded_after'])})(?!\p{{L}})")
        # a match report's bare names are its teams (places.json: _teams_note)
        self.sports_words = regex.compile(rf"(?<!\p{{L}})(?:{trie_alternation(cfg['sports_words'])})(?!\p{{L}})")
        self.sports_cue = _Cue(cfg["sports_words"])
        self.sports_words_min = cfg["sports_words_min"]
        self.team_before = regex.compile(rf"(?:^|[^\p{{L}}])(?:{cfg['team_before']})\s*$", regex.REVERSE)
        self.team_list_before = regex.compile(cfg["team_list_before"], regex.REVERSE)
        self.team_after = regex.compile(cfg["team_after"])
        # "nhà máy gang thép Thái Nguyên", "chợ Hòa Bình": a facility's head, a few lower-case words of its name
        stops = alternation(cfg["function_words_after_a_name"] + cfg["words_ending_a_facility_name"])
        self.facility_before = regex.compile(
            rf"(?:^|[^\p{{L}}])(?<!(?i:{alternation(cfg['plural_before'])}|nhiều|mấy)\s+)"
            rf"(?:{alternation(cfg['facility_heads_before_a_name'])})"
            rf"(?:\s+(?!(?:{stops})(?!\p{{L}}))\p{{Ll}}[\p{{Ll}}\p{{M}}]*){{0,3}}\s+$", regex.REVERSE)
        # "Công ty Môi trường đô thị TP.HCM", "trường Đại học sư phạm Hà Nội": a firm's or a school's name
        # of up to six words of any case ends in the name (a word ends in a letter or a digit, or is an
        # abbreviation or a dash: "TP.", "cao tốc Hà Nội - Hải Phòng"; a sentence does not go on in it:
        # "thua sân khách. Thanh Hóa sẽ ...")
        word = r"(?:[\p{L}\p{M}\d&.-]*[\p{L}\p{M}\d&]|\p{Lu}[\p{L}\p{M}]*\.|[-–])"
        self.organization_before = regex.compile(
            rf"(?:^|[^\p{{L}}])(?:{alternation(cfg['organization_heads_before_a_name'])})(?!\s+vụ(?!\p{{L}}))"
            rf"(?:\s+(?!(?:{stops})(?!\p{{L}})){word}){{0,6}}\s+$", regex.REVERSE)


@persistent("places-rules", _Rules)
def rules() -> _Rules:
    return _Rules()


def era_of(doc: Document) -> str:
    """The gazetteer of the text's period: the units after 1 July 2025, or those before."""
    return "2025" if doc.published and doc.published >= REORGANISATION else "2024"


def _compatible(u: Unit, unit_word: str, tier: str, era: str) -> bool:
    return u.era == era and u.tier in _TIERS[tier]


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def candidates(name: str, unit_word: str, tier: str, era: str) -> list[Unit]:
    """Units of that name at a compatible tier; those with the same unit word first-class
    ("thành phố Thanh Hóa" is the city, not the province), others only when none has it
    (units renamed or upgraded since the article was written)."""
    same_tier = ([u for u in gazetteer().lookup(name) if _compatible(u, unit_word, tier, era)]
                 or [u for u in gazetteer().lookup_loose(name) if _compatible(u, unit_word, tier, era)])
    exact = [u for u in same_tier if u.unit_word == unit_word]
    return exact or same_tier


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(not (end <= a or start >= b) for a, b in spans)


def _plural_before(text: str, pos: int) -> bool:
    """A plural word or a count just before a unit word; a number after a capitalised word is a
    name's ("Quốc Lộ 279 xã Búng Lao")."""
    m = rules().plural_before.search(text[max(0, pos - 30):pos])
    return m is not None and not (m["n"] and m["prev"] and m["prev"][0].isupper() and m["prev"][-1].isalpha())


def _trim(name: str, unit_word: str, tier: str, era: str) -> str:
    """Longest leading run of syllables that is a known unit at this tier; else the run itself.
    A commune is not cut down to one syllable: one-syllable communes are rare (<1 %), a commune
    missing from the gazetteer (merged since) is not ("xã Thanh Dương" is not "xã Thanh").
    Syllables are split at spaces and hyphens ("Quận Cầu Giấy-Hà Nội"); a numbered unit is its
    number unless the gazetteer knows a longer name ("quận 2 Diamond Island" is "quận 2")."""
    toks = _TOKEN.findall(name)
    if _TIERS[tier]:
        shortest = 2 if tier == "ward" and len(toks) > 1 and not toks[1].lstrip().startswith("-") else 1
        for k in range(len(toks), shortest - 1, -1):
            cand = "".join(toks[:k])
            if any(_compatible(u, unit_word, tier, era) for u in gazetteer().lookup(cand)):
                return cand
    if toks[0].isdigit() or toks[0][:-1].isdigit():
        return toks[0]
    # an unknown name ends before a unit word ("phường Đakao Quận 1") or a person's name after two
    # syllables ("Phó Chủ tịch xã Phù Việt Nguyễn Đăng Thuần")
    r = rules()
    end = next((k for k in range(1, min(len(toks), 4)) if toks[k].strip(" -").lower() in r.unit_tier
                or (k >= 2 and k + 1 < len(toks) and toks[k].strip(" -") in r.surnames)), 4)
    return "".join(toks[:end])


# A syllable as Vietnamese spells it once marks are dropped (Central Highlands onsets "kr",
# "dr", "bl" and codas "k", "h", "l" included): "Boeun", "Stockport", "Patna" are not.
_VN_SYLLABLE = regex.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[kdbpt]r|[bkp]l|[bcdghklmnprstvx])?"
    r"(?:uye|uya|uyu|oai|oay|oao|oeo|uay|uoi|ieu|yeu|ai|ao|au|ay|eo|eu|ia|iu|oa|oe|oi|ua|ue|ui|uo|uu|uy|ie|ye|[aeiouy])"
    r"(?:ng|nh|ch|[cmnptkhl])?")


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def _known(name: str, tier: str) -> list[Unit]:
    """Units of that name at a tier the unit word allows, in either era; a name written without
    its marks or spaces ("Kong Chro", "Simacai") is known too."""
    tiers = _TIERS[tier]
    g = gazetteer()
    return [u for u in g.lookup(name) if u.tier in tiers] or [u for u in g.lookup_loose(name) if u.tier in tiers]


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def _looks_foreign(name: str) -> bool:
    """No Vietnamese mark and a syllable Vietnamese cannot spell: "huyện Chitral", "quận Patna"."""
    import unicodedata

    if "đ" in name.lower() or any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", name)):
        return False
    return any(not _VN_SYLLABLE.fullmatch(loose_key(s)) for s in _SPACES_OR_HYPHENS.split(name) if not s.isdigit())


_NEXT_LOWER_SYLLABLE = regex.compile(r"[^\S\n]+(\p{Ll}+)(?!\p{L})")


def _names_a_version(text: str, name: str, end: int) -> bool:
    """After a word that is a unit's and a version's ("bản"): a number before more words ("bản 2
    cầu"), a letter or an acronym ("bản E", "bản AMG"), or one syllable that the syllable after it
    completes as a word ("bản Quy hoạch"), or a country ("bản Mỹ") names a version or a text, not a unit."""
    if name[0].isdigit():
        return not rules().break_or_parent.match(text, end)
    if name in rules().versions_of_a_country:
        return True  # "Glee bản Mỹ", "bản Việt"
    letters = name.replace(" ", "")
    if len(letters) == 1 or letters.isupper():
        return True
    nxt = " " not in name and _NEXT_LOWER_SYLLABLE.match(text, end)  # "bản Cát Cát thành lập": a name
    return bool(nxt) and f"{name.lower()} {nxt[1]}" in dictionary_words()


def _acceptable(name: str, level: str, tier: str) -> bool:
    """Whether "<unit word> <name>" names a unit of Viet Nam. A bare number names a unit only for
    the words that number their units ("phường 12", not "cấp tỉnh 1"); a province or city must be
    one of the gazetteer's or a former one ("tỉnh Quảng Đông", "thành phố New York" are abroad);
    an unknown district or commune (merged since 2019) is kept unless it is spelled as no
    Vietnamese name is, or reads as a person's name ("Phó Chủ tịch UBND huyện Nguyễn Văn A")."""
    r = rules()
    if name.isdigit() or name[:-1].isdigit():
        return level in r.numbered
    if tier in ("province", "province_or_district"):
        return name in r.historical or name_key(name) in r.renamed_level or any(
            u.unit_word == level or name_key(u.name) == name_key(name) for u in _known(name, tier))
    if level in r.complete:
        return any(u.unit_word == level for u in _known(name, tier))
    if _TIERS[tier] and _known(name, tier):
        return True
    if _looks_foreign(name):
        return False  # "huyện Chitral"; villages too, the gazetteer has none: "bản Android", "làng Shishe"
    if not _TIERS[tier]:
        return True
    sylls = name.split(" ")
    return not (len(sylls) >= 3 and sylls[0] in r.surnames)


def _tail_of_a_name(text: str, start: int) -> bool:
    """A bare name ending a longer proper name: after a capitalised word ("Than Quảng Ninh"), an
    acronym of no body ("Nhà thi đấu TDTT Phú Thọ", "CLB FLC Thanh Hóa", "THPT Quảng Trị"), or the
    lower-case syllable of a university's or a hospital's name ("Đại học Quốc gia Hà Nội")."""
    before = text[max(0, start - 40):start]
    prev = _LAST_WORDS.search(before)
    if not prev or before.endswith(("\n", ". ", ": ", ", ", "; ")):
        return False
    word, r = prev["last"].lstrip("("), rules()  # "(FLC Thanh Hóa)": the acronym inside the bracket
    if not word:
        return False
    if word[0].islower():  # the org's head is tested only after "Quốc gia", "Kinh tế", ...
        return bool(prev["one_before"] and prev["one_before"][0].isupper() and r.inside_org_name.search(before))
    if word in r.sentence_openers and _SENTENCE_START.search(before, 0, prev.start("last")):
        return False  # "Tại Sơn La, các huyện": a capitalised word opening the sentence
    return bool(_TITLE_WORD.match(word)) or bool(_ACRONYM.fullmatch(word)) and not _names_a_body(
        word, before[:prev.start("last")])


def _names_a_body(acronym: str, before: str) -> bool:
    """"UBND Hà Nội", "PC45 Hà Nội", "Sở GD&ĐT Hà Nội": an acronym of a province's own body."""
    r = rules()
    return acronym.rstrip("0123456789") in r.bodies or bool(r.body_head_before.search(before))


@functools.lru_cache(maxsize=4096)
def _spelling(name: str) -> str:
    """A name written with a dash as the gazetteer spells it: "Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng
    Tàu" are "Bà Rịa - Vũng Tàu", "Thừa Thiên-Huế" is "Thừa Thiên Huế"."""
    key = name_key(name)
    known = [u.name for u in gazetteer().lookup(name) if name_key(u.name) == key]
    known += [old for old in [*rules().historical, *rules().renamed_names] if name_key(old) == key]
    return known[0] if known else name.replace("–", "-")


def _with_lower_syllable(text: str, end: int, name: str, level: str, tier: str, era: str) -> str:
    """"quận Cầu giấy", "huyện Kế sách": a known unit whose last syllable is written lower-case."""
    if not _TIERS[tier] or candidates(name, level, tier, era):
        return name
    nxt = rules().lower_syllable_next.match(text, end)
    if nxt:
        joined = f"{name} {nxt[1].capitalize()}"
        if candidates(joined, level, tier, era):
            return joined
    return name


def _plausible_here(doc: Document, unit_start: int, unit: str, name: str, tier: str, end: int) -> bool:
    """Checks of an accepted name against its surroundings: a unit abroad ("tỉnh Hà Bắc, Trung
    Quốc"; a name the gazetteer lacks in an address whose province is none of ours: "huyện Mường
    Tiêng, tỉnh Xay Nha Bu Ly"); for a commune, or any name the gazetteer lacks, one syllable
    running into a lower-case word ("loa phường Dự kiến", a title glued to its first sentence); for
    a name the gazetteer lacks, a capitalised unit word inside a sentence ("209 Xã Đàn", a street);
    a version's name after a word that is also a unit's ("bản E")."""
    r, text = rules(), doc.text
    if r.abroad_after.match(text, end) or unit.lower() in r.also_versions and _names_a_version(text, name, end):
        return False
    if "ỉnh" in text[end:end + 90] and not _known(name, tier) and (m := r.province_in_address.match(text, end)):
        words = m["province"].split(" ")  # (the name may run into the next one: "tỉnh Quảng Trị Lê Văn C cho biết")
        if not any(_acceptable(" ".join(words[:k]), "tỉnh", "province") for k in range(len(words), 0, -1)):
            return False  # "bản Nậm Phui, huyện Mường Tiêng, tỉnh Xay Nha Bu Ly": an address abroad
    # one-syllable communes are rare, even known ones ("phường Dự kiến"), unless a clause goes on
    # after one ("thị trấn Lim và")
    if tier == "ward" and " " not in name and _LOWER_WORD_NEXT.match(text, end, end + 3) and not (
            _known(name, tier) and r.function_word_next.match(text, end)):
        return False
    if not _TIERS[tier] or _known(name, tier):
        return True
    if " " not in name and _LOWER_WORD_NEXT.match(text, end, end + 3):
        return False
    if unit[0].isupper() and unit not in r.abbrev_level and not name[0].isdigit():
        s, _ = doc.sentences[doc.sentence_of(unit_start)] if doc.sentences else (0, 0)
        if text[s:unit_start].strip() and not r.body_before_unit.search(text, max(s, unit_start - 30), unit_start):
            return False  # "209 Xã Đàn" is a street; "Công an Thị xã Cửa Lò" (merged in 2025) a unit
    return True


def _list_item(name: str, heads: list[tuple[str, str]], era: str) -> tuple[str, str, str, bool]:
    """(name, level, tier, known) of a name listed after plural unit words. After one unit word,
    its level ("2 xã An Sinh và Bình Khê" in 2017, though Bình Khê is a ward since 2019); after
    several ("các xã, thị trấn: A, B"), the one the gazetteer gives that name, else the one unit
    word all its same-tier units share, else the first."""
    if len(heads) == 1:
        level, tier = heads[0]
        trimmed = _trim(name, level, tier, era)
        cs = candidates(trimmed, level, tier, era)
        renamed = rules().renamed_level.get(name_key(trimmed))
        return trimmed, renamed or _level_in_list(cs, level, tier, era), tier, bool(cs)
    exact, other = [], []
    for level, tier in heads:
        trimmed = _trim(name, level, tier, era)
        cs = [u for u in gazetteer().lookup(trimmed) if _compatible(u, level, tier, era)]
        if any(u.unit_word == level for u in cs):
            exact.append((trimmed, level, tier))
        elif cs and len({u.unit_word for u in cs}) == 1:
            other.append((trimmed, cs[0].unit_word, tier))
    renamed = rules().renamed_level
    if len(exact) >= 1:
        name, level, tier = exact[0]
        return name, renamed.get(name_key(name), level), tier, True
    if other:
        name, level, tier = other[0]
        return name, renamed.get(name_key(name), level), tier, True
    level, tier = heads[0]
    return _trim(name, level, tier, era), level, tier, False


def _level_in_list(cs: list[Unit], level: str, tier: str, era: str) -> str:
    """The level of a name listed after one plural unit word: the written one where a unit of that
    name has it, or the unit was upgraded since ("2 xã An Sinh và Bình Khê" in 2017, a ward since
    2019); the gazetteer's where it is of the text's own period ("các xã" of a 2025 text may list
    wards), the unit a province ("các tỉnh như Hà Nội": a city), or the written word is the more
    urban one (no upgrade explains it: "các quận 1, 4, 6, 7, 8, Nhà Bè" lists huyện Nhà Bè)."""
    words = {u.unit_word for u in cs}
    if level in words or len(words) != 1:
        return level
    word = next(iter(words))
    upgrades = rules().urban_rank
    if era == "2025" or tier == "province" or upgrades.get(level, -1) > upgrades.get(word, 9):
        return word  # no unit is made less urban: "các quận 1, 4, Nhà Bè" lists huyện Nhà Bè
    return level


def _add_list(doc: Document, unit_start: int, unit: str, more: str, pos: int, era: str, add,
              known_only: bool = False) -> None:
    """The names after plural unit words ("các xã A, B và C", "các huyện: A, B", "các xã, thị
    trấn: A, B"), each at the level the gazetteer gives it among those words. Names further from
    their unit word ("các huyện giáp ranh như A, B") only while the gazetteer knows them."""
    r, text = rules(), doc.text
    words = [unit] + [w for w in r.unit_split.split(more) if w]
    heads = [(r.abbrev_level.get(w, w.lower()), r.unit_tier[w.lower()]) for w in words]
    idiom = r.idiom_before.get(unit)
    if idiom and idiom.search(text[max(0, unit_start - 10):unit_start]):
        return
    first = True
    while True:
        nm = (r.list_first if first else r.list_next).match(text, pos=pos, endpos=min(len(text), pos + 80))
        if not nm:
            return
        name, level, tier, known = _list_item(nm["name"], heads, era)
        end = nm.start("name") + len(name)
        if r.unit_tier.get(name.split(" ")[0].lower()):
            return  # "xã Búng Lao, Huyện Mường Ảng": the list has ended, a new unit starts
        if not _acceptable(name, level, tier) or not _plausible_here(doc, unit_start, unit, name, tier, end):
            return
        if known_only:  # a name far from its unit word: known, and ending there ("... và Cao Minh đã")
            if not known or not (r.item_end.match(text, end) or _LOWER_WORD_NEXT.match(text, end, end + 3)):
                return
        elif not known and not first and not r.item_end.match(text, end):
            return
        add(name, level, tier, nm.start("name"), end)
        pos, first = end, False


def _add_far_list(doc: Document, m, era: str, add) -> None:
    """The names after a plural unit word, a few lower-case words and a word that lists; where
    another plural unit word stands between, the last one is theirs ("các quận, thậm chí cả các
    huyện mới sát nhập về như Hoài Đức"; but "4/4 xã trên địa bàn thị xã gồm: A, B" are communes)."""
    r, text = rules(), doc.text
    unit, start = m["unit"], m.start()
    more = r.far_more.match(m["far"])[0]
    inner = [u for u in r.unit_in_gap.finditer(text, m.start("far") + len(more), m.end())
             if _plural_before(text, u.start())]
    if inner:
        unit, start, more = inner[-1][0], inner[-1].start(), ""
    if unit.islower() and r.unit_tier[unit] != "village" and _plural_before(text, start):
        _add_list(doc, start, unit, more, m.end(), era, add, known_only=True)


def _beside(u: Unit, first: Unit, era: str) -> bool:
    if u.code == first.code:
        return False
    if u.tier == "ward" and era == "2024":
        return u.district_code == first.district_code
    return u.province_code == first.province_code


def _add_siblings(doc: Document, first: str, level: str, tier: str, pos: int, era: str, add) -> None:
    """Names listed with commas after a singular unit word ("từ phần xã Lang Quán, Tứ Quận đưa
    về", "phường Mỹ Đình 1, Mỹ Đình 2", "Tổ dân phố 1, 2"): each only where the gazetteer puts it
    beside the first (same district; same province after 2025) and no unit above it bears its
    name ("huyện Yên Định, Thanh Hóa" is the province); numbers after a numbered unit."""
    r, text = rules(), doc.text
    nm = r.list_next.match(text, pos=pos, endpos=min(len(text), pos + 60))
    if not nm:
        return  # the common case, tested first
    numbered = first[0].isdigit()
    firsts = [] if numbered else candidates(first, level, tier, era)
    if not numbered and not (firsts and tier in ("ward", "district")):
        return
    while nm:
        if numbered:
            name = nm["name"]
            if not name[0].isdigit() or not r.number_end.match(text, nm.end("name")):
                return
        else:
            name = _trim(nm["name"], level, tier, era)
            beside = [u for u in candidates(name, level, tier, era) if any(_beside(u, f, era) for f in firsts)]
            if not beside or any(u.era == era and u.tier in _ABOVE[tier] and u.province_code == beside[0].province_code
                                 for u in gazetteer().lookup(name)):
                return
        end = nm.start("name") + len(name)
        add(name, level, tier, nm.start("name"), end)
        nm = r.list_next.match(text, pos=end, endpos=min(len(text), end + 60))


def extract(doc: Document) -> list[Place]:
    r = rules()
    text = doc.text
    era = era_of(doc)
    found: list[tuple[Place, str]] = []  # (place, tier)
    taken: list[tuple[int, int]] = []

    def add(name: str, level: str, tier: str, start: int, end: int):
        found.append((Place(modern_tones(_spelling(name) if "-" in name or "–" in name else name),
                            level, start, end), tier))
        taken.append((start, end))

    for m in r.mention_cue.finditer(r.mention, text):
        unit = m["unit"]
        if m["items"] is not None:
            if _plural_before(text, m.start()):
                tier = r.unit_tier[unit.lower()]
                level = r.abbrev_level.get(unit, unit.lower())
                for item in r.list_item.finditer(text, m.start("items"), m.end("items")):
                    add(item["name"], level, tier, item.start(), item.end())
            continue
        if m["far"] is not None:
            _add_far_list(doc, m, era, add)
            continue
        if _overlaps(m.start("name"), m.start("name") + 1, taken):
            continue
        if m["qual"] and (m["name"] in gazetteer().province_names or _plural_before(text, m.start())):
            continue  # "các huyện vùng cao Quảng Ngãi": the districts of a province
        if unit not in r.abbrev_level and _plural_before(text, m.start()):
            _add_list(doc, m.start(), unit, m["more"], m.start("name"), era, add)
            continue
        unit_start = m.start("unit")
        if ":" in m["sep"]:
            continue
        if m["more"]:  # "UBND tỉnh, huyện Thiệu Hóa", "công an xã và huyện Krông Pắk": the last word's name
            unit = r.unit_split.split(m["more"])[-1]
            unit_start = m.end("more") - len(unit)
            if r.unit_tier[unit.lower()] == "village":
                continue  # "trưởng thôn, ấp Trước quyết tâm": villages are words more often than units
        tier = r.unit_tier[unit.lower()]
        level = r.abbrev_level.get(unit, unit.lower())
        if unit[0].isupper() and tier == "village":
            s, _ = doc.sentences[doc.sentence_of(unit_start)] if doc.sentences else (0, 0)
            before = text[s:unit_start].strip()
            numbered_after_word = m["name"][0].isdigit() and not (before.split() or [" "])[-1][0].isupper()
            if before and not numbered_after_word:
                continue  # "Bản", "Làng" mid-sentence are words, not units ("ở Ấp 1" is one, "Nhật Bản 39" not)
        idiom = r.idiom_before.get(unit)
        if idiom and idiom.search(text[max(0, unit_start - 10):unit_start]):
            continue
        name = _trim(m["name"], level, tier, era)
        if name == m["name"] and not name[0].isdigit() and unit not in r.abbrev_level:
            name = _with_lower_syllable(text, m.end("name"), name, level, tier, era)
        if unit in r.abbrev_level and (not candidates(name, level, tier, era) or len(name) < 2 and not name.isdigit()):
            continue  # "TP. Bên cạnh đó", "P.V" (a reporter): an abbreviation needs a known unit after it
        if m["qual"] and not candidates(name, level, tier, era):
            continue  # "huyện đảo Phú Quốc" is one; "các tỉnh ven biển Trung Bộ" a region
        if unit in r.abbrev_level and r.organization_before.search(text, max(0, unit_start - 90), unit_start):
            continue  # "Công ty Môi trường đô thị TP.HCM": the unit's short form ends a firm's name
        if unit in r.numbered_abbrev_needs_parent and name[0].isdigit() and not r.parent_after.match(text, m.end()):
            continue  # "(P.1)" is a part or a page; "P.5, Q.Gò Vấp" a ward
        end = m.start("name") + len(name)
        if name[0].isdigit() and _DECIMAL_NEXT.match(text, end):
            continue  # "ba phiên bản lựa chọn: bản 1.5L": a number, not a unit's
        if not _acceptable(name, level, tier) or not _plausible_here(doc, unit_start, unit, name, tier, end):
            continue
        add(name, level, tier, unit_start, end)
        if unit not in r.abbrev_level or name[0].isdigit():
            _add_siblings(doc, name, level, tier, end, era, add)
    for m in r.caps_cue.finditer(r.caps, text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        level = m["unit"].lower()
        tier = r.unit_tier[level]
        title = " ".join(w.capitalize() for w in m["name"].split())
        name = _trim(title, level, tier, era)
        if any(_compatible(u, level, tier, era) for u in gazetteer().lookup(name)):
            add(name, level, tier, m.start(), m.start("name") + len(name))
    for m in r.bare_cue.finditer(r.bare, text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        before = text[max(0, m.start() - 25):m.start()]
        if (r.bare_excl_before.search(before) or r.bare_excl_after.match(text, pos=m.end())
                or r.abroad_after.match(text, m.end())
                or r.facility_before.search(text, max(0, m.start() - 40), m.start())
                or r.organization_before.search(text, max(0, m.start() - 90), m.start())):
            continue
        if _tail_of_a_name(text, m.start()):
            continue
        if not text[m.end():].strip() and before.rstrip().endswith(("./.", ".", "…", "!", "?")):
            continue  # "... ngày 20/2/2017./. Hà Giang": a byline closing the article
        if _TITLE_WORD_NEXT.match(text, m.end(), m.end() + 3):
            continue
        if m["name"] in r.aliases:
            name, level = r.aliases[m["name"]]
        else:
            name = m["name"]
            units = [u for u in gazetteer().lookup(name) if u.tier == "province"]
            level = r.renamed_level.get(name_key(name)) or (units[0].unit_word if units else "tỉnh")
        add(name, level, "province", m.start(), m.end())
    found.sort(key=lambda pt: pt[0].start_char)
    if any(tier == "province" for _, tier in found) and _match_report(text):
        found = [(p, tier) for p, tier in found if not _a_team(text, p, tier)]
    _add_bare_relatives(doc, found, era)
    _link(found, era, doc.text)
    return [p for p, _ in found]


def _match_report(text: str) -> bool:
    r = rules()
    found = r.sports_cue.finditer(r.sports_words, text)
    return sum(1 for _ in itertools.islice(found, r.sports_words_min)) >= r.sports_words_min


def _a_team(text: str, p: Place, tier: str) -> bool:
    """In a match report, a province named without a lower-case unit word next to a match's words is a team:
    "Viettel đã đánh bại TP.HCM", "Hà Nội gặp Hải Phòng", "Đà Nẵng 2-2 Hà Nội" (places.json: _teams_note)."""
    r = rules()
    return tier == "province" and text[p.start_char:p.start_char + 1].isupper() \
        and not text[max(0, p.start_char - 6):p.start_char].endswith(("người ", "Người ")) and bool(
            r.team_before.search(text, max(0, p.start_char - 40), p.start_char) or r.team_after.match(text, p.end_char)
            or (text[p.start_char - 1:p.start_char] == "("
                and r.team_list_before.search(text, max(0, p.start_char - 120), p.start_char)))


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
            if (not m or _overlaps(m.start(), m.end(), taken)
                    or r.bare_excl_before.search(text[max(0, m.start() - 25):m.start()])
                    or r.organization_before.search(text, max(0, m.start("name") - 90), m.start("name"))
                    or _tail_of_a_name(text, m.start("name"))):
                break
            if m["name"][0].isdigit():
                break  # "Bệnh viện Nhi đồng 1, TP HCM": a bare number is no district
            name, name_start = m["name"], m.start("name")
            units = children_named(name, parents)
            if not units and _DASHED.search(name):  # "chị Vũ Kim Anh – Hoàng Mai, Hà Nội"
                name = _DASHED.split(name)[-1]
                name_start = m.end("name") - len(name)
                units = children_named(name, parents)
            if len({(u.name, u.unit_word) for u in units}) != 1:
                break
            add(units[0], name_start, m.end("name"))
            parents, start = units, name_start
        if tier == "ward":
            m = r.paren_after.match(text, place.end_char)
            if m and not _overlaps(m.start(), m.end(), taken):
                districts = {u.district_code for u in own}
                units = [u for u in gazetteer().lookup(m["name"])
                         if u.era == era and u.tier == "district" and u.code in districts]
                if units:
                    add(units[0], m.start("name"), m.end("name"))
    found.sort(key=lambda pt: pt[0].start_char)


def _link(found: list[tuple[Place, str]], era: str, doc_text: str) -> None:
    """Official codes: unique candidate; else the parent named right after ("xã X, huyện Y");
    else the document's main province. Anything still ambiguous keeps its candidates only."""
    g = gazetteer()
    cands = [candidates(p.name, p.level, tier, era) for p, tier in found]
    provinces = collections.Counter(c[0].province_code for c in cands if len({u.province_code for u in c}) == 1)
    main = provinces.most_common(1)[0][0] if provinces else None
    names_in = collections.defaultdict(set)  # province -> the names of the document's places found only in it
    for (p, _tier), c in zip(found, cands):
        if len({u.province_code for u in c}) == 1:
            names_in[c[0].province_code].add(p.name)
    for i, ((place, _tier), cs) in enumerate(zip(found, cands)):
        if len(cs) > 1 and i + 1 < len(found):
            nxt = found[i + 1][0]
            if nxt.start_char - place.end_char <= 3:
                parents = {u.code for u in cands[i + 1]}
                narrowed = [u for u in cs if u.district_code in parents or u.province_code in parents]
                cs = narrowed or cs
        if len(cs) == 1 and cs[0].tier != "province" and i + 1 < len(found) and cands[i + 1] \
                and all(u.tier == "province" for u in cands[i + 1]) and cs[0].province_code not in {u.code for u in cands[i + 1]} \
                and _ADDRESS_LINK.fullmatch(doc_text, place.end_char, found[i + 1][0].start_char):
            # "huyện Tân Thành, tỉnh Bà Rịa - Vũng Tàu" (merged in 2018; Long An's survives): the province named right
            # after it holds no unit of that name (not a route: "TP. Sơn La – Hưng Yên")
            cs = []
        if len(cs) > 1 and main:
            cs = [u for u in cs if u.province_code == main] or cs
        if len(cs) == 1 and main and cs[0].tier == "ward" and cs[0].province_code != main \
                and names_in[cs[0].province_code] == {place.name}:
            # the one commune or ward of that name lies in a province the document names nowhere else: most often
            # one of the document's province merged before the gazetteer's snapshot ("phường Văn Miếu", Đống Đa, 2017)
            cs = []
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
    # a unit the gazetteer lacks (merged before its snapshot) keeps the province its address or
    # the document gives it: "xã Thanh Dương, huyện Thanh Chương, Nghệ An"
    for i in range(len(found) - 1, -1, -1):
        place = found[i][0]
        if place.province_code or place.candidates:
            continue
        if i + 1 < len(found) and found[i + 1][0].start_char - place.end_char <= 3:
            place.province_code = found[i + 1][0].province_code
        place.province_code = place.province_code or main
