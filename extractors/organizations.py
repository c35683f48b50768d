"""Organisations, normalised: "UBND tỉnh Khánh Hòa" -> "Ủy ban nhân dân tỉnh Khánh Hòa",
"Ban Chỉ đạo 138 tỉnh Thanh Hóa", "Công an huyện Diễn Châu", "Bộ Công an", "MTTQ Việt Nam".

Ministries, general departments, departments and provincial departments are a published, finite
set (gazetteer/data/organizations.json): their names are matched whole ("Sở Nông nghiệp và Phát
triển nông thôn tỉnh Quảng Nam", "Bộ GD-ĐT"), never cut after the first capitalised word. A body
missing from the lists is named by rule: a head (Sở, Cục, Tổng cục, Chi cục), a capitalised word, lower-case
words up to a clause word, then a place. A person's name that follows ("Quốc hội Nguyễn Thị Kim
Ngân") ends the organisation."""
from __future__ import annotations

import functools
import datetime as dt

import regex

from vietmine.gazetteer import alternation, load_json, trie_alternation
from vietmine.facts import Document, Organization
from vietmine.gazetteer.places import gazetteer
from vietmine.gazetteer.text import modern_tones, name_key

# one word of a listed name: letters (with "HIV/AIDS"), a number, or a connector (& , - –)
_TOKEN = regex.compile(r"[ \t]*(?:(?P<word>[\p{L}\p{M}\d]+(?:/[\p{L}\p{M}\d]+)?)|(?P<conn>[&,\-–]))")
# one word of a proper name after a head: no line break, no punctuation in between
_WORD = regex.compile(r"[ \t]+(?P<w>[\p{L}\p{M}]+(?:-\p{Lu}+)*|\d{1,4})(?![\p{L}\p{M}\d])")
_WORD_RUN = r"(?:[ \t]+(?:[\p{{L}}\p{{M}}]+(?:-\p{{Lu}}+)*|\d{{1,4}})(?![\p{{L}}\p{{M}}\d])){{1,{n}}}"
_WORD_RUNS: dict = {}  # n -> the pattern for a run of at most n words
_WORD_IN_RUN = regex.compile(r"[\p{L}\p{M}]+(?:-\p{Lu}+)*|\d{1,4}")
_NUMBER_AFTER = regex.compile(r"[ \t]+\d{2,4}(?![\d\p{L}])")
_CONNECTOR = "+"
_PAREN_ABBREVIATION = regex.compile(r"[ \t]*\(\p{Lu}[\p{Lu}\d&\-]*\)")
_ROMAN = regex.compile(r"[IVX]{1,4}")
_SHORT = "…"  # trie key of the entries a short form stands for
_ERA_2025 = dt.date(2025, 3, 1)  # ministries merged (Nghị quyết 176/2025/QH15)
# heads whose next word varies; other listed names are looked for by their first two words
# ("Văn phòng", "Thanh tra"), which keeps common first words ("Văn", "Thanh") from waking the matcher
_ONE_WORD_HEADS = ("Bộ", "Sở", "Cục", "BĐBP")
_MAX_NAME_TOKENS = 20
_MAX_PLACE_SYLLABLES = 4
_MAX_CAPITALISED = 6
# token keys that stand for two words of a listed name
_TOKEN_ALIASES = {"vn": ("việt", "nam")}


def _title_words(phrase: str) -> str:
    """"Chi cục" -> "Chi Cục": the press capitalises every word of a head now and then."""
    return " ".join(w[:1].upper() + w[1:] for w in phrase.split())


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


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
        self.connectors = {_key(c) for c in data["connectors"]}
        self.stop_words = frozenset(data["name_stop_words"])
        self.clause_verb = regex.compile(rf"(?:{alternation(cfg['clause_verbs'])})(?![\p{{L}}\p{{M}}])")
        # a head as written -> as normalised ("Chi Cục" -> "Chi cục")
        self.rule_heads = {v: h for h in data["rule_heads"] for v in (h, _title_words(h))}
        self.max_lower = data["max_lower_syllables"]
        self.title_words = {_key(w) for w in data["title_words_after_a_body"]}
        self.two_syllable_words = {_key(w) for w in data["words_in_names_going_on_lower_case"]}
        self.numbered = set(data["numbered"])
        self.countries = {tuple(self._keys(c)): c for c in data["foreign_countries"]}
        self.own_country = {tuple(self._keys(c)) for c in data["own_country"]}
        self.trie: dict = {}
        first_words = set()
        canonical = data["canonical"]
        by_official = {}
        for group in data["groups"]:
            for name in group["names"]:
                official = canonical.get(name, name)
                entry = by_official.setdefault(official, (official, group["kind"], group["takes_place"], group["era"]))
                head, _, portfolio = name.partition(" ")
                spellings = [name]
                if head in ("Bộ", "Sở"):
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
        units = alternation({v for w, tier in unit_words.items() if tier != "village" for v in (w, w[:1].upper() + w[1:])})
        self.unit_word = regex.compile(rf"[ \t]+(?P<unit>{units})(?![\p{{L}}\p{{M}}])")
        self.place_alias = regex.compile(rf"[ \t]*(?P<alias>{alternation(self.place_aliases)})(?![\p{{L}}\p{{M}}])")
        self.legacy = regex.compile(rf"(?P<head>{alternation(self.heads)})(?P<num>[ \t]+\d{{2,4}}(?!\d))?(?![\p{{L}}\d])")
        self.scan = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}\d])(?=\p{{Lu}})(?:{trie_alternation(set(self.heads) | first_words | set(self.rule_heads))})"
            rf"(?![\p{{L}}\p{{M}}\d])")
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
        """Longest listed name at `start`, or its short form: (end, (official, kind, takes_place,
        era), whole) or None. Connectors may be left out ("Sở Văn hóa Thể thao")."""
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
            entries = short[1]
            entry = next((e for e in entries if e[3] in (era, "both")), entries[0])
            return short[0], entry, False
        return best

    # -- words after a name ---------------------------------------------------------------------
    def words(self, text: str, pos: int, n: int) -> list[tuple[str, int, int]]:
        """The next n words on the line, each (word, start, end): one match for the run, then its words."""
        run = _WORD_RUNS.get(n)
        if run is None:
            run = _WORD_RUNS[n] = regex.compile(_WORD_RUN.format(n=n))
        m = run.match(text, pos)
        if not m:
            return []
        return [(w.group(), w.start(), w.end()) for w in _WORD_IN_RUN.finditer(text, pos, m.end())]

    def place_at(self, words, i: int, keys: set) -> int:
        """Number of words from i that form a unit name in `keys` (longest), else 0."""
        for n in range(min(_MAX_PLACE_SYLLABLES, len(words) - i), 0, -1):
            if all(_is_cap(w) for w, _, _ in words[i:i + n]) and \
                    _key(" ".join(w for w, _, _ in words[i:i + n])) in keys:
                return n
        return 0

    def person_at(self, words, i: int) -> bool:
        """A family name and one to three capitalised words: a person ("Nguyễn Thị Kim Ngân")."""
        return words[i][0] in self.surnames and i + 1 < len(words) and _is_cap(words[i + 1][0])

    def country_at(self, words, i: int, table) -> int:
        for n in range(min(3, len(words) - i), 0, -1):
            if tuple(_key(w) for w, _, _ in words[i:i + n]) in table:
                return n
        return 0

    def place(self, text: str, pos: int, bare: bool, unit_for_bare: bool = True):
        """A place that ends a body's name: "tỉnh Quảng Nam", "TP.HCM", "quận 12", or (when `bare`)
        a province or district name alone ("Hà Nội"). Returns (end, normalised text) or None."""
        paren = _PAREN_ABBREVIATION.match(text, pos)  # "Chi cục Thi hành án dân sự (THADS) huyện Lâm Hà"
        if paren:
            found = self.place(text, paren.end(), bare=False, unit_for_bare=unit_for_bare)
            if found:
                return found
        m = self.place_alias.match(text, pos)
        if m:
            return m.end(), self.place_aliases[m["alias"]]
        m = self.unit_word.match(text, pos)
        if m:
            words = self.words(text, m.end(), _MAX_PLACE_SYLLABLES)
            if not words:
                return None
            unit = self.level_of_abbreviation.get(m["unit"], m["unit"]).lower()
            if words[0][0].isdigit():
                return words[0][2], f"{unit} {words[0][0]}"
            n = self.place_at(words, 0, self.unit_names)
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
                    or self.person_at(words, i):
                break  # "UBND TP Hà Nội", "Công an Hà Nội", "Quốc hội Nguyễn Thị Kim Ngân"
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

    def ruled_tail(self, text: str, pos: int) -> int | None:
        """End of an unlisted name after a rule head: a capitalised word, then capitalised words
        and lower-case words up to a clause word, a place or punctuation ("Cục Chống tham nhũng").
        None when no capitalised word follows or the lower-case words run on too long to tell."""
        words = self.words(text, pos, _MAX_CAPITALISED + self.max_lower + 2)
        if not words or not _is_cap(words[0][0]) or words[0][0].isdigit() or self.person_at(words, 0) \
                or words[0][0] in self.rule_heads:
            return None
        if _ROMAN.fullmatch(words[0][0]):
            return words[0][2]  # "Cục II"
        end, lower, i = words[0][2], 0, 1
        while i < len(words):
            w, s, e = words[i]
            if w.isdigit() or (not _is_cap(w) and (w in self.stop_words or self.unit_word.match(text, s - 1)
                                                   or self.clause_verb.match(text, s))):
                if w == "và" and i + 1 < len(words) and _is_cap(words[i + 1][0]):
                    i += 1  # "Sở Khoa học và Công nghệ"
                    continue
                return end
            if _is_cap(w):
                if self.unit_word.match(text, s - 1) or _key(w) in self.trie or w in self.heads or self.person_at(words, i) or self.place_at(words, i, self.bare_places) or \
                        self.country_at(words, i, self.countries):
                    return end
            else:
                lower += 1
                if lower > self.max_lower:
                    return None
            end = e
            i += 1
        # the words ran out: a boundary (punctuation, line end) or too many words to judge
        return end if len(words) < _MAX_CAPITALISED + self.max_lower + 2 else None


@functools.cache
def rules() -> _Rules:
    return _Rules()


def _normalise(text: str) -> str:
    return modern_tones(" ".join(text.split()))


def extract(doc: Document) -> list[Organization]:
    r, text, out, last_end = rules(), doc.text, [], 0
    era = "from_2025" if doc.published and doc.published >= _ERA_2025 else "before_2025"
    for m in r.scan.finditer(text):
        start = m.start()
        if start < last_end:
            continue
        found = r.listed(text, start, era) if _key(text[start:m.end()].split(" ", 1)[0]) in r.trie else None
        if found:
            end, (official, kind, takes_place, _), whole = found
            normalized = official
            if official in r.numbered:  # "Bộ Tư lệnh Quân khu 7"
                num = _WORD.match(text, end)
                if num and num["w"].isdigit():
                    end = num.end()
                    normalized = f"{official} {num['w']}"
            words = r.words(text, end, 3)
            n = r.country_at(words, 0, r.countries) if words else 0
            if n:  # a foreign body: "Bộ Quốc phòng Mỹ", "Cục Hàng không Campuchia"
                normalized = text[start:words[n - 1][2]] if not whole else f"{normalized} {text[words[0][1]:words[n - 1][2]]}"
                end = words[n - 1][2]
            else:
                n = r.country_at(words, 0, r.own_country) if words else 0
                if n:
                    end = words[n - 1][2]
                    if not normalized.endswith("Việt Nam"):
                        normalized = f"{normalized} Việt Nam"
                elif takes_place:
                    p = r.place(text, end, bare=True)
                    if p:
                        end, normalized = p[0], f"{normalized} {p[1]}"
            out.append(Organization(text[start:end], _normalise(normalized), kind, start, end))
            last_end = end
            continue
        lm = r.legacy.match(text, start)
        if lm:
            head, kind = lm["head"], r.heads[lm["head"]]
            end = lm.end()
            if not lm["num"]:
                end = r.capitalised_tail(text, end, era)
                num = _NUMBER_AFTER.match(text, end) if kind == "Ban Chỉ đạo" else None
                if num:
                    end = num.end()
            elif kind != "Ban Chỉ đạo":
                continue  # "UBND 27 xã": a count follows, not a name
            tail = text[start + len(head):end]
            p = r.place(text, end, bare=True, unit_for_bare=kind not in r.bare_place_heads)
            place_norm = ""
            if p:
                end, place_norm = p[0], p[1]
            if head in r.need_place and not p:
                continue  # "CA" alone is too often something else
            name = text[start:end]
            if not tail.strip() and not p and name not in r.alone:
                continue  # "Công an", "Ủy ban nhân dân" alone name no particular body
            normalized = " ".join(x for x in (kind + tail, place_norm) if x.strip())
            out.append(Organization(name, _normalise(normalized), kind, start, end))
            last_end = end
            continue
        head = m.group()
        if head in r.rule_heads:
            end = r.ruled_tail(text, m.end())
            if end is None:
                continue
            normalized = text[start:end]
            words = r.words(text, end, 3)
            n = r.country_at(words, 0, r.countries) if words else 0
            p = None if n else r.place(text, end, bare=True)
            if n:  # "Cục Điều tra Liên bang Mỹ"
                end = words[n - 1][2]
                normalized = text[start:end]
            elif p:
                end, normalized = p[0], f"{normalized} {p[1]}"
            out.append(Organization(text[start:end], _normalise(normalized), r.rule_heads[head], start, end))
            last_end = end
    return out
