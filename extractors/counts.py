"""Counts of things ("264 mô hình", "hơn 10.000 cán bộ", "27/27 xã", "trên 80% khu dân cư") and,
kept apart, amounts of money and measures ("500 triệu đồng", "12 ha").

One pattern finds every numeric expression; each is then read left (comparator, exclusions such
as article numbers and names) and right (percent, scale word, unit, counted noun phrase)."""
from __future__ import annotations

import functools

import regex

from vietmine.extractors.dates import document_year
from vietmine.gazetteer import alternation, load_json
from vietmine.facts import Amount, Count, Document

_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+")
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


class _Rules:
    def __init__(self):
        cfg = load_json("counts.json")
        legal_types = [t["word"] for t in load_json("legal.json")["types"]]
        self.numeric = regex.compile(
            rf"(?<![\p{{L}}\d/.,:\-–])(?:(?P<from>[Tt]ừ)\s+)?(?P<a>{_NUM})"
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
        self.cmp_before = [(regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?:{c['pattern']})\s+$", regex.REVERSE), c["cmp"])
                           for c in cfg["comparators"]]
        self.excluded_before = regex.compile(
            rf"(?:^|[^\p{{L}}])(?:{alternation(cfg['excluded_before'])})\s*:?\s*$", regex.REVERSE)
        # a number after a document type is the document's number, unless grouped in thousands
        # ("quá tốc độ quy định 27.173 trường hợp")
        self.document_type_before = regex.compile(
            rf"(?:^|[^\p{{L}}])(?:{alternation(legal_types + [t.lower() for t in legal_types])})\s*:?\s*$", regex.REVERSE)
        self.excluded_before_patterns = [regex.compile(x, regex.REVERSE) for x in cfg["excluded_before_patterns"]]
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


def _entity(rest: str) -> str | None:
    """The counted noun phrase at the start of `rest`, or None when no noun follows."""
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
    if len(words) >= 2 and all(len(w) > 1 and w.isupper() for w in words[:2]):
        return None  # a heading after a page number ("14 CÔNG BÁO/Số 261")
    kept = [words[0]]
    for w in words[1:]:
        if w.lower() in r.stop_words:
            break
        kept.append(w)
    prefix = m["e"][: m["e"].index(words[0])]
    return prefix + " ".join(kept)


def category_of(entity: str) -> str:
    e = rules().determiners.sub("", entity.lower())
    for c in rules().categories:
        if e == c or e.startswith(c + " "):
            return c
    return e.split()[0] if e else e


def _cmp_before(before: str) -> str:
    for pat, cmp in rules().cmp_before:
        if pat.search(before):
            return cmp
    return "eq"


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
        ent = _entity(rest)
        if ent is None:
            return
        if is_pct:
            if r.rate_before.search(text[max(0, start - 25):start]):
                return
            low = r.determiners.sub("", ent.lower())
            if any(low.startswith(x) for x in r.pct_excluded):
                return
        m = r.entity.match(rest)
        end = end_num + m.start("e") + len(ent)
        modality, yr = _sentence_context(doc, start, year)
        out.append(Count(value=value, cmp=cmp, is_percent=is_pct, entity=r.determiners.sub("", ent),
                         start_char=start, end_char=end, value_max=value_max, denominator=den,
                         category=category_of(ent), modality=modality, year=yr))

    for m in r.numeric.finditer(text):
        a = m["a"]
        before = text[max(0, m.start() - 30):m.start()]
        if (r.excluded_before.search(before) or any(p.search(before) for p in r.excluded_before_patterns)
                or (r.document_type_before.search(before) and not _THOUSANDS.fullmatch(a))):
            continue  # article numbers, names with numbers, times, page numbers after a date
        digits = a.replace(".", "").replace(",", "")
        if (len(digits) > 3 and digits.startswith("0")) or len(digits) > 12:
            continue  # phone numbers and identifiers
        if m["b"] is None and m["den"] is None and regex.fullmatch(r"(?:19|20)\d{2}", a):
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
        value = parse_number_words(m["w"])
        before = text[max(0, m.start() - 30):m.start()]
        if value and not (r.excluded_before.search(before) or r.document_type_before.search(before)):
            emit(value, m.start(), m.end(), _cmp_before(before))
    for m in r.vague.finditer(text):
        emit(float(r.vague_values[m["v"].lower()]), m.start(), m.end(), "approx")
    out.sort(key=lambda f: f.start_char)
    counts = [c for c in out if isinstance(c, Count)]
    for prev, cur in zip(counts, counts[1:]):
        if r.parent_between.match(text[prev.end_char:cur.start_char]):
            cur.parent_start = prev.start_char
    return out
