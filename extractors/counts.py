"""Counts of things ("264 mô hình", "hơn 10.000 cán bộ", "27/27 xã", "trên 80% khu dân cư") and,
kept apart, amounts of money and measures ("500 triệu đồng", "12 ha").

One pattern finds every numeric expression; each is then read left (comparator, exclusions such
as article numbers and names) and right (percent, scale word, unit, counted noun phrase)."""
from __future__ import annotations

import functools

import regex
import importlib.util
from pathlib import Path

from vietmine.extractors.dates import document_year
from vietmine.gazetteer import alternation, load_json
from vietmine.facts import Amount, Count, Document

_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+")
_BARE_YEAR = regex.compile(r"(?:19|20)\d{2}")
_LETTERS_ONLY = regex.compile(r"[\p{L} ]*")
_WORD_BEFORE = regex.compile(r"(?:^|[^\p{L}])(\p{L}+)\s+$", regex.REVERSE)
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


class _Rules:
    def __init__(self):
        cfg = load_json("counts.json")
        legal_types = [t["word"] for t in load_json("legal.json")["types"]]
        self.numeric = regex.compile(
            rf"(?:(?<=\p{{L}}/)|(?<![\p{{L}}\d/.,:\-–]))(?:(?P<from>[Tt]ừ)\s+)?(?P<a>{_NUM})"
            rf"(?:\s*(?P<pct_a>%)?\s*(?:-|–|đến|tới)\s*(?P<b>{_NUM}))?(?:\s*/\s*(?P<den>\d{{1,6}}))?"
            rf"(?![\p{{L}}\d/]|[.,:\-]\d)")
        nw = cfg["number_words"]
        self.number_words = nw
        cont = [w for w in nw if w not in ("năm", "tư")]
        self.worded = regex.compile(
            rf"(?<!\p{{L}})(?P<w>(?:{alternation(cfg['number_word_starts'])})(?:\s+(?:{alternation(cont)}))*)(?!\p{{L}})",
            regex.I)
        self.vague = regex.compile(rf"(?<!\p{{L}})(?P<v>{alternation(cfg['vague_quantities'])})(?!\p{{L}})", regex.I)
        self.vague_values = cfg["vague_quantities"]
        # The "...before" patterns end at "$" and are searched on the text left of a number:
        # searching in reverse tries the end first instead of every position (3x faster).
        self.excluded_before = regex.compile(
            rf"(?:^|[^\p{{L}}])(?:{alternation(cfg['excluded_before'])})\s*:?\s*$", regex.REVERSE)
        # a number after a document type is the document's number, unless grouped in thousands
        # ("quá tốc độ quy định 27.173 trường hợp")
        self.document_type_before = regex.compile(
            rf"(?:^|[^\p{{L}}])(?:{alternation(legal_types + [t.lower() for t in legal_types])})\s*:?\s*$", regex.REVERSE)
        # one search instead of one per pattern: this runs for every number of the text
        self.excluded_before_numeric = regex.compile("|".join(
            [f"(?:{self.excluded_before.pattern})"] + [f"(?:{x})" for x in cfg["excluded_before_patterns"]]), regex.REVERSE)
        # comparators in one search, tried in the order of counts.json ("trên dưới" before "dưới")
        cmp_groups = "|".join(f"(?P<c{i}>{c['pattern']})" for i, c in enumerate(cfg["comparators"]))
        self.cmp_any_before = regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?:{cmp_groups})\s+$", regex.REVERSE)
        self.cmp_names = {f"c{i}": c["cmp"] for i, c in enumerate(cfg["comparators"])}
        self.rate_before = regex.compile(cfg["rate_of_change_before"], regex.REVERSE)
        self.scale = regex.compile(rf"^\s+(?P<s>{alternation(cfg['scale_words'])})(?!\p{{L}})")
        self.scale_values = cfg["scale_words"]
        self.percent = regex.compile(r"^\s*(?:%|phần trăm(?!\p{L}))")
        self.paren = regex.compile(r"^\s*\([^()\n]{1,25}\)")
        self.at_least = regex.compile(rf"^\s+{cfg['at_least_after']}(?!\p{{L}})")
        self.unit = regex.compile(rf"^\s*(?P<u>{alternation(cfg['amount_units'])})(?![\p{{L}}\d])")
        self.unit_only_before = {u: regex.compile(p) for u, p in cfg["unit_only_before"].items()}
        self.not_heads = set(cfg["not_count_heads"])
        self.first_two_not_heads = {h for h in self.not_heads if " " in h}
        self.heads_despite = set(cfg["heads_despite_not_count_heads"])  # "95 bị can": "bị" starts a noun
        self.pct_excluded = cfg["percent_excluded_heads"]
        self.entity = regex.compile(r"^\s+(?P<e>\p{L}[\p{L}\d]*(?:-\p{L}+)?(?: \p{L}[\p{L}\d]*(?:-\p{L}+)?){0,7})")
        self.parent_between = regex.compile(cfg["parent_link_between"])
        self.target = regex.compile(cfg["target_cues"])
        self.year_in_sentence = regex.compile(r"(?i)\bnăm\s+((?:19|20)\d{2})\b")
        self.categories = sorted(cfg["categories"], key=len, reverse=True)
        self.determiners = regex.compile(rf"^(?:(?:{alternation(cfg['determiners'])})\s+)+", regex.I)
        self.single_word_determiners = {w for w in cfg["determiners"] if " " not in w}
        self.stop_words = set(cfg["entity_stop_words"])  # a counted phrase ends before these
        self.classifiers = set(cfg["classifiers"])
        self.classifier_nouns = set(cfg["classifier_nouns"])
        self.agent_prefixes = set(cfg["agent_prefixes"])
        self.nouns = set(cfg["nouns"]) | {c for c in cfg["categories"] if " " in c} | self.classifier_nouns
        self.verbs = set(cfg["verbs"]) | set(cfg["verbs_extra"]) | set(cfg["verbs_bench"])
        self.event_heads = set(cfg["event_heads"])
        self.adverbs = set(cfg["adverbs"])
        # words after which a number may count an attribute noun ("có 50 chỗ ngồi", not "xe 50 chỗ")
        self.not_nouns = self.verbs | self.adverbs | set(cfg["prepositions_conjunctions"]) | self.stop_words
        self.attribute_heads = set(cfg["attribute_heads"])
        self.not_ratios = set(cfg["not_ratios"])
        self.share_of_counted = regex.compile(r"^\s+(?:tổng\s+)?số\s+(?!tiền|vốn)\p{L}")
        self.subset_cue = regex.compile(cfg["subset_cue_before"], regex.REVERSE)
        self.part_continues = regex.compile(cfg["subset_part_continues"])


@functools.cache
def rules() -> _Rules:
    return _Rules()


def parse_number(s: str) -> float:
    """'1.856' -> 1856, '1,5' -> 1.5, '02' -> 2 (Vietnamese separators)."""
    return float(s.replace(".", "").replace(",", "."))


def parse_number_words(s: str) -> float | None:
    """'hai mươi mốt' -> 21, 'một trăm linh năm' -> 105, 'mười lăm' -> 15."""
    nw = rules().number_words
    total, current = 0, 0
    for w in s.lower().split():
        v = nw.get(w)
        if v is None:
            return None
        if w == "mươi":
            current = (current or 1) * 10
        elif w == "mười":
            current += 10
        elif v in (100,):
            current = (current or 1) * 100
        elif v >= 1000:
            total += (current or 1) * v
            current = 0
        else:
            current += v
    return float(total + current)


@functools.cache
def _dictionary() -> frozenset[str]:
    """Lower-case words of two to four syllables: Viet74K (shipped with underthesea, located without
    importing it) and the nouns of counts.json."""
    words = set(rules().nouns)
    spec = importlib.util.find_spec("underthesea")
    if spec and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / "corpus" / "data" / "Viet74K.txt"
        if path.is_file():
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    w = line.strip().lower()
                    if 0 < w.count(" ") < 4:
                        words.add(w)
    return frozenset(words)


@functools.lru_cache(maxsize=1 << 16)
def _words(phrase: str) -> tuple[str, ...]:
    """A lower-case phrase cut into whole words, longest dictionary word first ("dự án đầu tư" ->
    "dự án", "đầu tư"); syllables no word covers stand alone."""
    syl, d, out, i = phrase.split(), _dictionary(), [], 0
    while i < len(syl):
        n = next((n for n in range(min(4, len(syl) - i), 1, -1) if " ".join(syl[i:i + n]) in d), 1)
        out.append(" ".join(syl[i:i + n]))
        i += n
    r = rules()
    if len(out) > 1 and out[0] in r.agent_prefixes and (" " in out[1] or out[1] in r.verbs):
        out[:2] = [f"{out[0]} {out[1]}"]  # "nhà lãnh đạo", "nhà đầu tư": the doer
    return tuple(out)


def _head_syllables(low: list[str]) -> int:
    """How many leading syllables form the head: the first word, or a classifier and the word after
    it ("con heo", "chiếc xe máy"); 0 for a classifier alone."""
    r = rules()
    skip = 1 if low[0] in r.classifiers and " ".join(low[:2]) not in r.classifier_nouns else 0
    if skip and len(low) == 1:
        return 0
    return skip + len(_words(" ".join(low[skip:skip + 4]))[0].split())


@functools.lru_cache(maxsize=1 << 16)
def _cut_at_predicate(words: tuple[str, ...]) -> tuple[str, ...]:
    """The counted phrase without the predicate that follows it: it ends before an adverb, a
    one-syllable verb or a second verb ("2 xe máy | vượt lên", "trường hợp vi phạm | nói trên")."""
    r = rules()
    low = [w.lower() for w in words]
    head = _head_syllables(low)
    if head == 0 or head >= len(low):
        return words
    # "3 vụ cướp", "2 cuộc họp": the verb right after an event noun names the event
    i, seen_verb, event = head, False, " ".join(low[:head]) in r.event_heads
    for w in _words(" ".join(low[head:])):
        if w in r.adverbs or (w in r.verbs and (seen_verb or (" " not in w and not (event and i == head)))):
            return words[:i]
        seen_verb |= w in r.verbs
        i += w.count(" ") + 1
    return words


def _entity(rest: str) -> tuple[str, int] | None:
    """The counted noun phrase at the start of `rest` and where it starts, or None when no noun follows."""
    r = rules()
    m = r.entity.match(rest)
    if not m:
        return None
    words = m["e"].split()
    while words and words[0].lower() in r.single_word_determiners:
        words = words[1:]
    first_two = " ".join(words[:2]).lower()
    if not words or (first_two not in r.heads_despite and (
            words[0].lower() in r.not_heads or first_two in r.first_two_not_heads)):
        return None
    if words[0].lower() in r.adverbs and _words(" ".join(words[:2]).lower())[0] in r.adverbs:
        return None  # "cả hai đều ...", "cả hai chỉ dừng": no noun follows
    if len(words) >= 2 and all(len(w) > 1 and w.isupper() for w in words[:2]):
        return None  # a heading after a page number ("14 CÔNG BÁO/Số 261")
    kept = [words[0]]
    for w in words[1:]:
        if w.lower() in r.stop_words:
            break
        kept.append(w)
    kept = _cut_at_predicate(tuple(kept))
    prefix = m["e"][: m["e"].index(words[0])]
    return prefix + " ".join(kept), m.start("e")


@functools.lru_cache(maxsize=1 << 16)
def category_of(entity: str) -> str | None:
    """What was counted, for grouping: the head noun as a whole word, after a classifier ("5 con heo"
    -> "heo", "12 dự án đầu tư" -> "dự án"); None for a classifier alone ("200 chiếc")."""
    r = rules()
    low = r.determiners.sub("", entity.lower()).split()
    if not low:
        return None
    n = _head_syllables(low)
    skip = 1 if n and low[0] in r.classifiers and " ".join(low[:2]) not in r.classifier_nouns else 0
    head = " ".join(low[skip:n])
    # a one-syllable verb is no thing ("1 sống 2 chết"); two-syllable ones are nouns here too ("2 bảo vệ", "97 tổ chức")
    verb = head in r.verbs and " " not in head
    return head if head and head not in r.classifiers and not verb and head not in r.adverbs else None


def _pair_follows(text: str, found: list, slash: int, number: str) -> bool:
    """A number after "<counted noun>/" is the second count of a pair ("12 vụ/25 đối tượng"), unless
    it is 1 (a rate: "hành khách/1 lượt xe")."""
    last = next((f for f in reversed(found) if isinstance(f, Count)), None)
    # the first phrase may end before the slash ("102 mã | tăng/116 mã giảm")
    return (last is not None and 0 <= slash - last.end_char < 30 and not last.is_percent and parse_number(number) != 1
            and _LETTERS_ONLY.fullmatch(text[last.end_char:slash]) is not None)


def _is_attribute(text: str, start: int, category: str | None) -> bool:
    """"xe 3 bánh", "nhà 5 tầng", "ô tô 4 chỗ": a number between a noun and an attribute noun
    describes the noun. After a verb, preposition or comparator it counts ("có 50 chỗ ngồi")."""
    r = rules()
    if category not in r.attribute_heads:
        return False
    before = text[max(0, start - 25):start]
    m = _WORD_BEFORE.search(before)
    return bool(m) and m[1].lower() not in r.not_nouns and _cmp_before(before) == "eq"


def _link_parts(doc: Document, counts: list) -> None:
    """Nest a part under its whole via parent_start: "97 tổ chức công an xã với 937 người";
    "264 mô hình, ... trong đó 46 mô hình ..."; further parts listed after the first one
    ("trong đó có 2 giải nhất, 22 giải nhì và 5 giải ba") belong to the same whole."""
    r, text = rules(), doc.text
    part_of: dict[int, Count] = {}  # index of a part found after a subset cue -> its whole
    for i, cur in enumerate(counts):
        prev = counts[i - 1] if i else None
        if prev is not None and r.parent_between.match(text[prev.end_char:cur.start_char]):
            cur.parent_start = prev.start_char
            continue
        window = text[max(0, cur.start_char - 40):cur.start_char]
        cue = r.subset_cue.search(window) if "đó" in window or "ồm" in window else None
        si = doc.sentence_of(cur.start_char) if cue and doc.sentences else 0
        sent_start = doc.sentences[si][0] if cue and doc.sentences else 0
        if cue and max(0, cur.start_char - 40) + cue.start() + 1 < sent_start:
            cue = None  # the cue belongs to an earlier sentence
        if cue:
            cue_at = max(0, cur.start_char - 40) + cue.start()
            if si and not text[sent_start:cue_at + (not text[cue_at].isalpha())].strip():
                sent_start = doc.sentences[si - 1][0]  # "... 264 mô hình. Trong đó, có 46 mô hình ..."
            wholes = [c for c in counts[:i] if sent_start <= c.start_char and c.end_char <= cue_at and not c.is_percent]
            whole = next((c for c in reversed(wholes) if cur.category and c.category == cur.category),
                         wholes[-1] if wholes else None)
            if whole is not None and (cur.is_percent or whole.category != cur.category or cur.value <= whole.value):
                cur.parent_start = whole.start_char
                part_of[i] = whole
            continue
        whole = part_of.get(i - 1)
        if whole is not None and r.part_continues.match(text[prev.end_char:cur.start_char]) and (
                cur.is_percent or whole.category != cur.category or cur.value <= whole.value):
            cur.parent_start = whole.start_char
            part_of[i] = whole


def _cmp_before(before: str) -> str:
    m = rules().cmp_any_before.search(before)
    return rules().cmp_names[m.lastgroup] if m else "eq"


def _sentence_context(doc: Document, pos: int, default_year: int | None) -> tuple[str, int | None]:
    s, _ = doc.sentences[doc.sentence_of(pos)] if doc.sentences else (0, 0)
    before = doc.text[s:pos]
    modality = "target" if rules().target.search(before) else "achieved"
    years = rules().year_in_sentence.findall(before)
    return modality, int(years[-1]) if years else default_year


def extract(doc: Document) -> list:
    r = rules()
    text = doc.text
    out: list = []
    year = document_year(doc)

    def emit(value, start, end_num, cmp, value_max=None, den=None, from_word=False, pct_inside=False):
        rest = text[end_num:end_num + 160]
        pm = r.paren.match(rest)
        if pm:
            rest = rest[pm.end():]
            end_num += pm.end()
        is_pct = pct_inside
        m = r.percent.match(rest)
        if m:
            is_pct = True
            rest, end_num = rest[m.end():], end_num + m.end()
        if not is_pct:
            m = r.scale.match(rest)
            if m:
                value *= r.scale_values[m["s"].lower()]
                if value_max is not None:
                    value_max *= r.scale_values[m["s"].lower()]
                rest, end_num = rest[m.end():], end_num + m.end()
            m = r.unit.match(rest)
            follow = m and r.unit_only_before.get(m["u"])
            if follow and not follow.match(rest, m.end()):
                m = None
            if m:
                out.append(Amount(value, m["u"], start, end_num + m.end(), cmp=cmp))
                return
        if from_word and value_max is None:
            m = r.at_least.match(rest)
            if m:
                cmp = "gte"
                rest, end_num = rest[m.end():], end_num + m.end()
        found = _entity(rest)
        if found is None:
            return
        ent, ent_at = found
        if is_pct:
            # "đạt trên 95% số vụ án": a share of counted things, not of a plan
            if r.rate_before.search(text[max(0, start - 25):start]) and not r.share_of_counted.match(rest):
                return
            low = r.determiners.sub("", ent.lower())
            if any(low.startswith(x) for x in r.pct_excluded):
                return
        category = category_of(ent)
        if not is_pct and _is_attribute(text, start, category):
            return
        end = end_num + ent_at + len(ent)
        modality, yr = _sentence_context(doc, start, year)
        out.append(Count(value=value, cmp=cmp, is_percent=is_pct, entity=r.determiners.sub("", ent),
                         start_char=start, end_char=end, value_max=value_max, denominator=den,
                         category=category, modality=modality, year=yr))

    for m in r.numeric.finditer(text):
        a = m["a"]
        before = text[max(0, m.start() - 30):m.start()]
        if (r.excluded_before_numeric.search(before)
                or (r.document_type_before.search(before) and not _THOUSANDS.fullmatch(a))):
            continue  # article numbers, names with numbers, times, page numbers after a date
        digits = a.replace(".", "").replace(",", "")
        if (len(digits) > 3 and digits.startswith("0")) or len(digits) > 12:
            continue  # phone numbers and identifiers
        if text[m.start() - 1:m.start()] == "/" and not _pair_follows(text, out, m.start() - 1, a):
            continue  # a rate ("6 lít/100 km", "39,1 hành khách/1 lượt xe"), not the second count of a pair
        if m["den"] is not None and f"{a}/{m['den']}" in r.not_ratios:
            continue  # "trực 24/24", "7/7": around the clock
        if m["b"] is None and m["den"] is None and _BARE_YEAR.fullmatch(a):
            continue  # a bare year
        value = parse_number(a)
        cmp = _cmp_before(before) if not m["from"] else "eq"
        if m["b"] is not None:
            if m["den"] is not None:
                continue
            hi = parse_number(m["b"])
            if hi <= value or (m["from"] is None and "-" in text[m.end("a"):m.start("b")] and len(digits) > 2):
                continue
            emit(value, m.start(), m.end(), "range", value_max=hi, pct_inside=bool(m["pct_a"]))
        elif m["den"] is not None:
            den = float(m["den"])
            if value > den:
                continue
            emit(value, m.start(), m.end(), cmp, den=den)
        else:
            emit(value, m.start() if not m["from"] else m.start("a"), m.end(), cmp, from_word=bool(m["from"]))
    for m in r.worded.finditer(text):
        nxt = text[m.end() + 1:m.end() + 3]
        if m["w"][0].isupper() and nxt[:1].isupper() and not nxt.isupper():
            continue  # a name: "Hai Bà Trưng", "Ba Đình", "Ba Vì" (not "Hai CLB")
        value = parse_number_words(m["w"])
        before = text[max(0, m.start() - 30):m.start()]
        if value and not (r.excluded_before.search(before) or r.document_type_before.search(before)):
            emit(value, m.start(), m.end(), _cmp_before(before))
    for m in r.vague.finditer(text):
        emit(float(r.vague_values[m["v"].lower()]), m.start(), m.end(), "approx")
    out.sort(key=lambda f: f.start_char)
    _link_parts(doc, [c for c in out if isinstance(c, Count)])
    return out
