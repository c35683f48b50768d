"""Resolve stage: cross-fact steps inside one document.

- short legal references take the code of a full mention of the same type and number in the
  same document (only when that code is unique: ambiguity stays unresolved);
- links between documents from the verbs that state them (pipeline/links.py; never from co-occurrence alone);
- dates that are the issue date of a reference get that role;
- the document's main province, the place each count is about, the place of each organisation,
  and the province of a provincial body named without it;
- the registry identity of each cited document (pipeline/identity.py)."""
from __future__ import annotations

import collections

import regex

from vietmine.facts import Count, DateFact, Document, ExtractionResult, LegalLink, LegalRef, Organization, Place
from vietmine.extractors.places import era_of, rules as place_rules
from vietmine.gazetteer import alternation, load_json, trie_alternation
from vietmine.gazetteer.places import gazetteer
from vietmine.gazetteer.cache import persistent
from vietmine.pipeline.identity import key_of
from vietmine.pipeline.links import find_links


def resolve_short_forms(refs: list[LegalRef]) -> None:
    by_key: dict[tuple[str, str], set[str]] = {}
    for r in refs:
        if r.code and r.resolved_by == "text":
            by_key.setdefault((r.doc_type, r.number), set()).add(r.code)
    for r in refs:
        if r.code is None:
            codes = by_key.get((r.doc_type, r.number), set())
            partial = regex.search(r"\d+\s?/\s?((?:19|20)\d{2})\b", r.surface)
            if partial:  # "Thông tư liên tịch số 01/2017": only codes of that year
                codes = {c for c in codes if c.startswith(f"{r.number}/{partial.group(1)}/")}
            if len(codes) == 1:
                r.code = next(iter(codes))
                r.resolved_by = "same_doc"


def mark_issue_dates(refs: list[LegalRef], dates: list[DateFact]) -> None:
    for d in dates:
        for r in refs:
            if r.issue_date == d.value and 0 <= d.start_char - r.end_char <= 40:
                d.role = "issue_date"


_AT_PLACE = regex.compile(r"[^\S\n]*(?:\p{L}+[^\S\n]+){0,2}?(?:tại|ở|thuộc)[^\S\n]+")  # "7 trường hợp tại xã Quảng Yên"
PARAGRAPH_SENTENCES = 3  # a paragraph of the press holds a few sentences; a wire text's body is one line
CLAUSE_AFTER = 50  # how far after a count its own phrase may say where it is ("175 điểm bán trên khắp miền Bắc")
_RANK = {"village": 0, "ward": 1, "district": 2, "province": 3}
_PLURAL_UNITS = {"province": "tỉnh", "district": "huyện|quận|thị xã", "ward": "xã|phường|thị trấn"}
# between the names of one list: commas, "và", "hoặc", brackets, an ellipsis; "của", "thuộc" before their parent
_LIST_GAP = regex.compile(r"[\s,;()…–-]*(?:(?:và|hoặc|của|thuộc)[\s,;()…–-]*)?")
# between a plural unit phrase and the last of its names: names, commas, "và", brackets
_NAMES_ONLY = regex.compile(r"(?:[\s,;–-]|và|\p{Lu}[\p{L}\p{M}.'-]*|\([^()]*\))*")


class _Cued:
    """A pattern searched only in a window where one of its words stands: the plain alternation of
    the words is found fast, the pattern's look-arounds are tried at every position (most windows
    hold none of the words)."""

    def __init__(self, words: list[str], pattern: str, flags: int = 0):
        self.cue, self.pattern = regex.compile(trie_alternation(words)), regex.compile(pattern, flags)

    def search(self, text: str, pos: int, endpos: int):
        return self.pattern.search(text, pos, endpos) if self.cue.search(text, pos, endpos) else None

    def finditer(self, text: str, pos: int, endpos: int):
        return self.pattern.finditer(text, pos, endpos) if self.cue.search(text, pos, endpos) else iter(())


class _Scope:
    """Patterns saying where a count is not (gazetteer/data/places.json: beyond_one_province,
    named_elsewhere, units_abroad, residence_words, registration_words, delegate_words, national_bodies,
    country_heads)."""

    def __init__(self):
        cfg = load_json("places.json")
        # a country or a region that is also the end of a Vietnamese name ("Phù Mỹ") is not matched:
        # the words are whole words, not after a capitalised one
        beyond, elsewhere = alternation(cfg['beyond_one_province']), alternation(cfg['named_elsewhere'])
        # (not in a title: "2 Di sản văn hóa thế giới" of one province)
        titles = alternation(cfg['beyond_words_in_titles_after'])
        self.beyond = _Cued(cfg['beyond_one_province'],
                            rf"(?<![\p{{L}}\d])(?<!nhất\s+(?:trong\s+)?)(?<!(?:{titles})\s+)(?:{beyond})(?![\p{{L}}\d])")
        # (not after a capitalised word: "Phù Mỹ"; but after one opening the sentence: "Ở Việt Nam, ...")
        openers = alternation(cfg['sentence_openers_before_a_name'])
        self.elsewhere = _Cued(cfg['named_elsewhere'],
                               rf"(?<![\p{{L}}\d])(?<!(?!(?:{openers})\s)\p{{Lu}}\p{{Ll}}*\s)(?:{elsewhere})(?![\p{{L}}\d])")
        abroad = alternation(cfg['units_abroad'])
        self.abroad_unit = _Cued(cfg['units_abroad'], rf"(?<!\p{{L}})(?:{abroad})\s+(?=\p{{Lu}}\p{{Ll}})")
        plural = alternation(cfg["plural_before"] + [w.capitalize() for w in cfg["plural_before"]] + ["nhiều", "Nhiều"])
        # "ở TP.HCM và một số tỉnh lân cận": the last unit of a list and more of a tier
        self.more_units = [(tier, regex.compile(rf"[^\S\n]*,?[^\S\n]*(?:và|hoặc|cùng)[^\S\n]+(?:{plural}|một số|một vài)"
                                                rf"[^\S\n]+(?:{words})(?!\p{{L}})"))
                           for tier, words in _PLURAL_UNITS.items()]

        def units_after(number: str) -> list:  # a plural word or a number (`number`), then unit words of a tier
            return [(tier, _Cued(words.split("|"), rf"(?<!\p{{L}})(?:{plural}|{number})\s+(?:{words})(?!\p{{L}})"))
                    for tier, words in _PLURAL_UNITS.items()]

        # "thuộc 9 huyện, thị xã", "các xã Duy Nghĩa, Duy Hải": a figure spread over several units of a tier
        self.plural_units = units_after(r"\d+(?:/\d+)?")
        # the same opening a list of names before a count: a small number that is no label's or year's ("Tổ 9 thị
        # trấn Sóc Sơn", "cụm 5 xã Phụng Thượng", "năm 2017 quận Hoàn Kiếm" open none)
        self.plural_lists = units_after(rf"(?<!(?:{alternation(cfg['label_words_before_a_number'])})\s)(?<![\d.,])\d{{1,2}}")
        self.head_units = [(tier, regex.compile(rf"(?:{words})(?!\p{{L}})")) for tier, words in _PLURAL_UNITS.items()]
        self.country_head = regex.compile(rf"(?:{alternation(cfg['country_heads'])})(?!\p{{L}})")
        self.locality_head = regex.compile(rf"(?:{alternation(cfg['locality_heads'])})(?!\p{{L}})")
        units = alternation([w for w in cfg["unit_words"] if w.islower()] + ["TP", "TP.", "Q.", "P.", "H.", "TX"])
        home_words = cfg['residence_words'] + cfg['registration_words']
        residence = alternation(home_words)
        # the address's words, then names, numbers and unit words up to the place ("đến từ Vũng Tàu và Hà Nội")
        self.residence = _Cued(home_words + ["tuổi"],
                               rf"(?<!\p{{L}})(?:(?:{residence})(?:\s+(?:tại|ở))?|{cfg['age_before_an_address']})[\s:]*"
                               rf"(?:(?:\p{{Lu}}[\p{{L}}\p{{M}}'.]*|\d+[A-Z]?|số|(?:{units}))(?:[\s,–-]|và\s)*)*$", regex.REVERSE)
        # "tiền vệ người Lâm Đồng", "ca sĩ gốc Hà Nội": where a person comes from (a bare name after the
        # word, no unit word, no number before it: "5 người Hà Nội" are five people there)
        self.origin = regex.compile(rf"(?<!\d\s*)(?<!\p{{L}})(?:{alternation(cfg['origin_words'])})\s+$")
        # "ĐB Thái Trường Giang (Cà Mau)", "đại biểu Hồ Đức Phớc (đoàn Nghệ An)": a deputy's constituency
        self.delegate = regex.compile(
            rf"(?<!\p{{L}})(?:{alternation(cfg['delegate_words'])})(?:\s+\p{{Lu}}[\p{{L}}\p{{M}}]*){{0,5}}\s*\(\s*"
            rf"(?:(?:đoàn|Đoàn)\s+)?(?:(?:ĐBQH|tỉnh|Tỉnh|TP\.?|thành phố|Thành phố)\s*)?$", regex.REVERSE)
        self.whole_province = _Cued(cfg['whole_province_words'],
                                    rf"(?<!\p{{L}})(?:{alternation(cfg['whole_province_words'])})(?!\p{{L}})")
        self.national = _Cued(cfg['national_bodies'], rf"(?<![\p{{L}}\d])(?:{alternation(cfg['national_bodies'])})(?![\p{{L}}\d])")
        self.stop_after = regex.compile(r"[\d;.!?\n]")


@persistent("resolve-rules", _Scope)
def _scope() -> _Scope:
    return _Scope()


def _residences(text: str, places: list[Place]) -> set[int]:
    """Indexes of the places that are part of a person's address ("trú tại xã A, huyện B", "(36
    tuổi, ở Hà Nội)") or a vehicle's ("xe biển kiểm soát tỉnh Phú Thọ"), say where a person comes
    from ("tiền vệ người Lâm Đồng") or a deputy's constituency ("ĐB X (Cà Mau)")."""
    sc = _scope()
    return {i for i, p in enumerate(places) if sc.residence.search(text, max(0, p.start_char - 80), p.start_char)
            or (text[p.start_char].isupper() and sc.origin.search(text, max(0, p.start_char - 12), p.start_char))
            or ("(" in text[max(0, p.start_char - 12):p.start_char]
                and sc.delegate.search(text, max(0, p.start_char - 70), p.start_char))}


def main_provinces(doc: Document, places: list[Place]) -> str | None:
    """Set the document's main province (its most named one) and return the province the document
    is about, where the text fixes it: named twice or more, ahead of any other, in half its
    province mentions at least (an article naming twenty provinces fixes none). On 2,000 bench
    articles, of the counts a main province named less often took, 12 of 13 read were about
    somewhere else (of those it took so, 14 of 17 were its own). Counts and provincial bodies named
    without their province both take this one. A person's address ("trú tại ... tỉnh Hải Dương")
    says where someone lives, not what the article is about: it is not counted."""
    home = _residences(doc.text, places)
    provinces = collections.Counter(p.province_code for i, p in enumerate(places) if p.province_code and i not in home)
    doc.main_province = provinces.most_common(1)[0][0] if provinces else None
    (top, n), *rest = provinces.most_common(2) or [(None, 0)]
    return top if n >= 2 and 2 * n >= provinces.total() and (not rest or rest[0][1] < n) else None


def _tier(p: Place, era: str) -> str | None:
    unit = gazetteer().by_code.get((era, p.admin_code)) if p.admin_code else None
    if unit is not None:
        return unit.tier
    tier = place_rules().unit_tier.get(p.level)
    return "district" if tier == "province_or_district" else tier


def _spread_tier(text: str, c: Count, clause_end: int, list_start: int, list_end: int | None,
                 sentence_tiers: list[str]) -> str | None:
    """The tier a count spreads over: its head ("13 tỉnh", "9 huyện"; "10 địa phương": the tier of
    most of `sentence_tiers`, the units its sentence names), a plural unit phrase right after it
    ("ngư dân thuộc các xã A, B", "9 ban thuộc 9 huyện, thị xã và TP.Huế"), or one whose list of
    names ends at the last unit named before it (`list_end`, from `list_start`: "tại các tỉnh Hà
    Giang, ... và Hòa Bình, đã làm 12 người chết")."""
    sc = _scope()
    tiers = [t for t, rx in sc.head_units if rx.match(c.entity or "") and c.value != 1]
    if c.value != 1 and sc.locality_head.match(c.entity or "") and sentence_tiers:
        # the tier most of them are of: "3 địa phương là TP Thái Nguyên, TX Phổ Yên và TP Sông Công" (and the province)
        tiers.append(max(set(sentence_tiers), key=lambda t: (sentence_tiers.count(t), _RANK[t])))
    tiers += [t for t, rx in sc.plural_units if rx.search(text, c.end_char, clause_end)]
    if list_end is not None:
        tiers += [t for t, rx in sc.plural_lists for m in rx.finditer(text, list_start, list_end)
                  if _NAMES_ONLY.fullmatch(text, m.end(), list_end)]
    return max(tiers, key=_RANK.get) if tiers else None


def _above(code: str | None, tier: str, era: str) -> str | None:
    """The code of the unit holding `code` above `tier` (a ward's district before 2025, else its
    province); None where nothing is above (a figure over several provinces is national)."""
    unit = gazetteer().by_code.get((era, code)) if code else None
    if unit is None or tier == "province":
        return None
    if _RANK[unit.tier] > _RANK[tier]:
        return unit.code
    if tier == "ward" and era == "2024" and unit.district_code:
        return unit.district_code
    return unit.province_code


def _common_parent(members: list[Place], tier: str, era: str) -> str | None:
    """The smallest unit above `tier` holding every listed unit: "các xã Duy Nghĩa, Duy Hải
    (huyện Duy Xuyên), Bình Giang (Thăng Bình)" are all of tỉnh Quảng Nam."""
    codes = {_above(p.admin_code, tier, era) for p in members}
    if len(codes) == 1:
        return codes.pop()
    provinces = {p.province_code for p in members}
    return _above(provinces.pop(), tier, era) if len(provinces) == 1 and tier != "province" else None


def _listed(text: str, ordered: list[Place], sentence: list[int], first: int, era: str):
    """The place of a count whose unit after it opens a list of units ("tại xã Dương Hòa, huyện
    Kiên Lương và xã Thuận Yên, thị xã Hà Tiên của tỉnh Kiên Giang", "ở TP.HCM và một số tỉnh lân
    cận"): (code, None) of the smallest unit holding the listed units of its tier, (code, parent)
    for units of no code followed by their parent ("các thôn A, B (xã Tam Xuân 2)"), (None, None)
    when nothing holds them; None for a unit that opens no list."""
    chain = [first]
    for i in range(first + 1, len(ordered)):
        if sentence[i] != sentence[first] or not _LIST_GAP.fullmatch(text, ordered[chain[-1]].end_char,
                                                                      ordered[i].start_char):
            break
        chain.append(i)
    tier = _tier(ordered[first], era)
    members = [ordered[i] for i in chain if _tier(ordered[i], era) == tier]
    end = ordered[chain[-1]].end_char
    more = [t for t, rx in _scope().more_units if rx.match(text, end)]
    if tier not in _RANK or (len(members) < 2 and not more):
        return None
    if all(q.admin_code for q in members):
        spread = max([tier] + more, key=_RANK.get)
        code = _common_parent(members, spread, era) if len(members) > 1 else _above(members[0].admin_code, spread, era)
        return code, None
    # units of no code: their parents in the list ("2 làng Vân Đài (xã Chí Hòa) và làng Tam Đường (xã Tiến Đức)")
    above = [ordered[i] for i in chain if _RANK.get(_tier(ordered[i], era), -1) > _RANK[tier]]
    parents = [q for q in above if _tier(q, era) == _tier(above[0], era)] if above else []
    if len(parents) == 1:
        return parents[0].admin_code, parents[0]
    if parents and all(q.admin_code for q in parents):
        return _common_parent(parents, _tier(parents[0], era), era), None
    return None, None


def place_context(doc: Document, places: list[Place], counts: list[Count], about: str | None) -> None:
    """For each count the unit it is
    about, with its official codes and where it was found (`place_source`): the unit right after
    it ("7 trường hợp tại xã Quảng Yên"), else the last unit named before it in its sentence, else
    the first after it there ("sentence"); the last one named before it in its paragraph, at most
    three sentences back ("paragraph"); else the main province, where the document is about it
    ("document": `about`, see main_provinces). One spelling per unit: the gazetteer's for a linked
    unit ("Hà Nội", "Thủ đô Hà Nội", "TP Hà Nội" are all "thành phố Hà Nội"), else the unit word and
    name as written.
    No place rather than a wrong one: a count whose clause says it is national, regional or abroad
    ("cả nước có", "trên khắp miền Bắc", "U23 Malaysia", "thành phố Sapporo"), from the end of the
    last unit named before it to a little after it, has none; a count spread over several units
    ("13 tỉnh", "thuộc các xã A, B") or followed by a list of them ("tại xã A, huyện B và xã C", "ở
    TP.HCM và một số tỉnh lân cận") takes the unit above them all, none above provinces, and a
    count of countries ("hai nước") none; a person's address ("trú tại ...", "(36 tuổi, ở Hà Nội)")
    is no count's place unless it follows the count in its phrase ("2 đối tượng Von (18 tuổi, xã Hà
    Tây)"); a count whose sentence names a national body or scheme ("Quốc hội", "Vietlott") takes no
    document guess."""
    if not counts:
        return
    era = era_of(doc)
    ordered = sorted(places, key=lambda p: p.start_char)
    sentence = [doc.sentence_of(p.start_char) for p in ordered]
    home = _residences(doc.text, ordered)
    tiers_in = collections.defaultdict(list)  # sentence -> the tiers of the units it names
    for q, i in zip(ordered, sentence):
        if (t := _tier(q, era)) in _RANK:
            tiers_in[i].append(t)
    text, sc = doc.text, _scope()
    for c in counts:
        if sc.country_head.match(c.entity or ""):
            continue  # countries are above any province ("hai nước")
        sent, para = doc.sentence_of(c.start_char), text.rfind("\n", 0, c.start_char) + 1
        s_start, s_end = doc.sentences[sent] if doc.sentences else (0, len(text))
        before = [i for i, p in enumerate(ordered) if p.end_char <= c.start_char and p.start_char >= para
                  and sent - sentence[i] <= PARAGRAPH_SENTENCES and i not in home]
        # a unit inside the count's phrase ("110 thanh niên huyện Thạch Hà") is the first after it
        # (an address after it only in the count's own phrase: "2 đối tượng Von (18 tuổi, xã Hà Tây)")
        after = [i for i, p in enumerate(ordered) if p.start_char > c.start_char and sentence[i] == sent
                 and (i not in home or p.start_char - c.end_char <= CLAUSE_AFTER)][:1]
        in_sentence = [i for i in before if sentence[i] == sent]
        at_place = after and (ordered[after[0]].start_char < c.end_char
                              or _AT_PLACE.fullmatch(text, c.end_char, ordered[after[0]].start_char))
        opens_list = False  # the count takes the unit after it, which may open a list
        if after and (not in_sentence or at_place):
            in_sentence, opens_list = after, True
        # the count's clause: from the last unit before it in its sentence to a little after it
        start = max([s_start] + [ordered[i].end_char for i in before if sentence[i] == sent])
        stop = sc.stop_after.search(text, c.end_char, min(s_end, c.end_char + CLAUSE_AFTER))
        end = min([stop.start() if stop else min(s_end, c.end_char + CLAUSE_AFTER)]
                  + ([max(c.end_char, ordered[after[0]].start_char)] if at_place else []))
        if sc.beyond.search(text, start, end):
            continue
        if in_sentence:
            p, source = ordered[in_sentence[-1]], "sentence"
        elif sc.elsewhere.search(text, start, end) or _abroad(text, start, end, ordered):
            continue  # named abroad or nationally: neither the paragraph's unit nor the document's
        elif before:
            p, source = ordered[before[-1]], "paragraph"
        elif sc.national.search(text, s_start, s_end):
            continue  # a national body or scheme in its sentence: no document guess
        else:
            p, source = None, "document"
        code = p.admin_code if p else about
        if p and p.province_code and code != p.province_code and sc.whole_province.search(text, start, end):
            code, p = p.province_code, None  # "toàn tỉnh đã giảm được gần 700 thôn": the whole province's
        last_before = ordered[in_sentence[-1]] if in_sentence and ordered[in_sentence[-1]].end_char <= c.start_char else None
        spread = _spread_tier(text, c, min(s_end, c.end_char + CLAUSE_AFTER), s_start,
                              last_before.end_char if last_before else None, tiers_in[sent])
        if spread:
            members = [q for i, q in enumerate(ordered) if sentence[i] == sent and q.admin_code
                       and _RANK.get(_tier(q, era), 3) <= _RANK[spread]]
            if members:
                code, p = _common_parent(members, spread, era), None
            elif p is None or _RANK.get(_tier(p, era), 3) <= _RANK[spread]:
                code, p = _above(code, spread, era), None
            if code is None:
                continue
        elif opens_list and (listed := _listed(text, ordered, sentence, after[0], era)):
            code, p = listed
            if code is None and p is None:
                continue  # units of several provinces, or of no code and no parent
        unit = gazetteer().by_code.get((era, code)) if code else None
        if not (unit or p):
            continue
        c.place = f"{unit.unit_word} {unit.name}" if unit else f"{p.level} {p.name}"
        c.place_code, c.province_code = code, unit.province_code if unit else p.province_code
        c.place_source = source


def _abroad(text: str, start: int, end: int, places: list[Place]) -> bool:
    """A unit word and a capitalised name that no place found covers: a unit the gazetteer cannot
    link, most often abroad ("thành phố Sapporo, Nhật Bản", "bang California")."""
    for m in _scope().abroad_unit.finditer(text, start, end):
        if not any(p.start_char <= m.end() < p.end_char or p.start_char == m.end() for p in places):
            return True
    return False


def _province_words(code: str | None) -> tuple[str, str] | None:
    """(unit word, name) of a province: ("tỉnh", "Sơn La")."""
    for era in ("2024", "2025"):
        u = gazetteer().by_code.get((era, code)) if code else None
        if u is not None and u.tier == "province":
            return u.unit_word, u.name
    return None


def province_of_organizations(orgs: list[Organization], about: str | None) -> list[Organization]:
    """A provincial body named without its province ("Sở Tài chính", "UBND tỉnh", "Tỉnh ủy", marked
    by the organisations extractor) is the body of the document's main province, and its normalised
    name says which ("Sở Tài chính tỉnh Sơn La"). Where that province is unknown, or has another
    unit word than the text's ("UBND Thành phố" in a text about a tỉnh), the mention names no one
    body: it is returned, to be dropped."""
    main = _province_words(about)
    dropped = []
    for org in orgs:
        wants = getattr(org, "wants_province", None)
        if wants is None:
            continue
        unit, bare = wants
        if main is None or (unit is not None and unit != main[0]):
            dropped.append(org)
        else:
            bare = bare and main[1] not in getattr(org, "unit_kept_for", ())
            org.normalized = f"{org.normalized} {main[1]}" if bare else f"{org.normalized} {main[0]} {main[1]}"
    return dropped


def place_of_organizations(orgs: list[Organization], places: list[Place]) -> None:
    for org in orgs:
        inside = [p for p in places if org.start_char <= p.start_char and p.end_char <= org.end_char and p.admin_code]
        org.admin_code = inside[-1].admin_code if inside else None


def assign_registry_keys(refs: list[LegalRef], main_province: str | None) -> None:
    """Every mention of one code in a document shares the identity of its fullest mention."""
    best: dict[str, LegalRef] = {}
    for r in refs:
        if r.code and (r.code not in best or (r.issue_date and not best[r.code].issue_date)):
            best[r.code] = r
    for r in refs:
        if r.code:
            r.registry_key = str(key_of(best[r.code], main_province))


def key_link_ends(links: list[LegalLink], refs: list[LegalRef]) -> None:
    """Each end of a link carries the identity of the document its code names in this text."""
    keys = {r.code: r.registry_key for r in refs if r.code}
    for link in links:
        link.src_key, link.dst_key = keys.get(link.src_code), keys.get(link.dst_code)


def place_facts(doc: Document, facts: list) -> None:
    """Every fact learns its document, its sentence and its surface text."""
    text = doc.text
    for f in facts:
        f.doc_id = doc.doc_id
        f.sentence_idx = doc.sentence_of(f.start_char)
        f.surface = text[f.start_char:f.end_char]


def relink(doc: Document, refs: list[LegalRef]) -> list[LegalLink]:
    """The links of a stored document again, after references of it took their code from the
    corpus (a short form resolved by a later document)."""
    links = find_links(doc, refs)
    key_link_ends(links, refs)
    place_facts(doc, links)
    return links


def resolve(result: ExtractionResult) -> ExtractionResult:
    doc = result.document

    def of_type(cls):
        return [f for f in result.facts if isinstance(f, cls)]

    refs, places = of_type(LegalRef), of_type(Place)
    resolve_short_forms(refs)
    result.facts.extend(find_links(doc, refs))
    mark_issue_dates(refs, of_type(DateFact))
    about = main_provinces(doc, places)
    place_context(doc, places, of_type(Count), about)
    dropped = {id(o) for o in province_of_organizations(of_type(Organization), about)}
    if dropped:
        result.facts = [f for f in result.facts if id(f) not in dropped]
    place_of_organizations(of_type(Organization), places)
    assign_registry_keys(refs, doc.main_province)
    key_link_ends(of_type(LegalLink), refs)
    place_facts(doc, result.facts)
    return result
