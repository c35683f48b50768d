"""Dates: calendar days (with precision day), months and years, each with its role."""
from __future__ import annotations

import collections
import functools
import datetime as dt
import json

import regex

from vietmine.gazetteer import load_json
from vietmine.gazetteer.cache import persistent
from vietmine.facts import DateFact, Document, Period


class _Cue:
    """Where a pattern's matches can start, from the runs of digits (dates.json '_cue_note')."""

    def __init__(self, cfg: dict, index: int):
        self.index = index
        self.gate = regex.compile(cfg["gate"]) if "gate" in cfg else None
        then = cfg.get("then")
        # the (run length, first non-space character after it or None for any) the cue starts from
        self.keys = [(n, c) for n in cfg.get("run", ()) for c in (then or [None])]
        low, high = cfg.get("back", (0, 0))
        self.back = tuple(range(low, high + 1))
        self.from_end = cfg.get("from_end", False)
        self.first = frozenset(cfg.get("first", ""))
        self.at_run_start = self.back == (0,) and not self.from_end and not self.first
        self.whole_text = cfg.get("whole_text", False)


class _Pattern:
    """A compiled pattern of dates.json, with its cue when it has one."""

    def __init__(self, entry, cues: dict[str, _Cue]):
        self.pattern = regex.compile(entry if isinstance(entry, str) else entry["pattern"])
        self.cue = None
        if isinstance(entry, dict) and "cue" in entry:  # patterns with the same cue share its starts
            key = json.dumps(entry["cue"], sort_keys=True)
            self.cue = cues.setdefault(key, _Cue(entry["cue"], len(cues)))

    def finditer(self, text: str):
        """`pattern.finditer(text)`, match for match: with a cue, the pattern is tried only where a
        match can start (a lookbehind sees the text before the position tried, as in a scan)."""
        cue = self.cue
        if cue is None:
            return self.pattern.finditer(text)
        if cue.gate:
            return self.pattern.finditer(text) if cue.gate.search(text) else iter(())
        starts = _cue_starts(text)[cue.index]
        if cue.whole_text:
            return self.pattern.finditer(text) if starts else iter(())
        return self._at(text, starts)

    def _at(self, text: str, starts: list[int]):
        pos, match = 0, self.pattern.match
        for at in starts:
            if at >= pos:
                m = match(text, at)
                if m:
                    yield m
                    pos = m.end()


@functools.lru_cache(maxsize=64)
def _cue_starts(text: str) -> list[list[int]]:
    """The positions where each cue's patterns can start, in order, from one pass over the text's
    runs of digits."""
    p = patterns()
    out: list[list[int]] = [[] for _ in p.cues]
    by_key = p.cues_by_key
    for m in p.cued_runs.finditer(text):
        s, e = m.span()
        for cue in by_key.get((e - s, m[1])) or by_key.get((e - s, None), ()):
            starts = out[cue.index]
            if cue.at_run_start:
                starts.append(s)
                continue
            anchor, lowest = (e, s) if cue.from_end else (s, 0)
            for b in cue.back:
                at = anchor - b
                if at >= lowest and (not cue.first or text[at] in cue.first):
                    starts.append(at)
    for cue in p.cues.values():
        if not cue.at_run_start:  # the starts before two runs close together interleave
            out[cue.index] = sorted(set(out[cue.index]))
    return out


class _Patterns:
    def __init__(self):
        cfg = load_json("dates.json")
        self.cues: dict[str, _Cue] = {}
        c = lambda ps: [_Pattern(p, self.cues) for p in ps]  # noqa: E731
        self.dmy = c(cfg["day_month_year"])
        self.dm = c(cfg["day_month"])
        self.short_year = _Pattern(cfg["weekday_short_year"], self.cues)
        self.weekdays = cfg["weekdays"]
        self.ranges = c(cfg["day_range"])
        self.month_ranges = c(cfg["month_range"])
        self.dm_block = regex.compile(cfg["day_month_blockers_before"])
        self.dm_block_after = regex.compile(cfg["day_month_blockers_after"])
        self.my = c(cfg["month_year"])
        self.y = c(cfg["year"])
        self.year_ctx = _Pattern(cfg["year_context_pattern"], self.cues)
        self.festival_year = regex.compile(cfg["festival_year_pattern"])
        self.year_ctx_block = regex.compile(cfg["year_context_blockers_before"], regex.REVERSE)
        self.year_law_name = regex.compile(cfg["year_context_law_name_before"], regex.REVERSE)
        self.year_evidence_block = regex.compile(cfg["year_evidence_blockers_before"])
        self.background_block = regex.compile(cfg["background_date_blockers_before"])
        self.own_date_line = regex.compile(cfg["own_date_line"])
        self.year_of_text = regex.compile(cfg["year_of_the_text_pattern"], regex.REVERSE)
        self.cited_document_before = regex.compile(cfg["year_evidence_cited_document_before"], regex.REVERSE)
        self.periods = [(p["kind"], _Pattern(p, self.cues)) for p in cfg["periods"]]
        self.period_before = [regex.compile(p["before"], regex.REVERSE) if p.get("before") else None
                              for p in cfg["periods"]]
        # (run length, next character) -> the cues of that character and those of any (key None)
        self.cues_by_key: dict[tuple[int, str | None], list[_Cue]] = {}
        for cue in self.cues.values():
            for key in cue.keys:
                self.cues_by_key.setdefault(key, []).append(cue)
        for (n, c), cues in self.cues_by_key.items():
            if c is not None:
                cues.extend(self.cues_by_key.get((n, None), ()))
        # the runs of digits some cue starts from, with the first non-space character after them
        # (the patterns' own \s); the other runs are left to the engine
        runs = []
        for n in sorted({n for n, _ in self.cues_by_key}):
            then = {c for m, c in self.cues_by_key if m == n}
            after = r"\S?" if None in then else "[" + "".join(regex.escape(c) for c in sorted(then)) + "]"
            runs.append(rf"\d{{{n}}}(?!\d)(?=\s*({after}))")
        self.cued_runs = regex.compile(rf"(?<!\d)(?|{'|'.join(runs)})")


@persistent("dates-rules", _Patterns)
def patterns() -> _Patterns:
    return _Patterns()


def document_year(doc: Document) -> int | None:
    """The year an article is about: the year of its own date; else the latest year its dates
    and 'năm YYYY' name, where something fixes one (a full date, a year named twice or as a
    period under way), leaving out birth dates and years, deadlines, the ends of spans, cited
    documents' dates and reporting periods. The latest, because a news article looks back from
    its own time: on the baomoi 2017 bench it gives 2017 more often than the most frequent year
    or the nearest date."""
    own = own_date(doc)
    return own.year if own else _year_of_text(doc.text)


def own_date(doc: Document) -> dt.date | None:
    """The text's own date: its publication date, else the date line of its header, at month
    precision too ("# date = 2021-09": the middle of that month)."""
    if doc.published:
        return doc.published
    m = _own_date_line(doc.text)
    return m and _make(int(m["y"]), int(m["m"]), int(m["d"]) if m["d"] else 15)


@functools.lru_cache(maxsize=64)
def _own_date_line(text: str):
    return patterns().own_date_line.search(text, 0, 1000)


def _year_blocked(text: str, start: int) -> bool:
    """'năm 2016' after 'so với', 'tổng kết', ... or in a law's name ('Bộ luật Dân sự năm 2015')."""
    p = patterns()
    return bool(p.year_ctx_block.search(text, max(0, start - 20), start)
                or p.year_law_name.search(text, max(0, start - 60), start))


@functools.lru_cache(maxsize=64)
def _year_of_text(text: str) -> int | None:
    """The latest year the text's full dates fix, or its bare years where they are the text's
    own (dates.json 'year_context_pattern'); a year named after Tết ("Tết Đinh Dậu 2017") counts
    among the latest, once something fixes one. Cached: the counts and dates extractors both ask
    for it, once per document."""
    p = patterns()
    bare = [m for m in p.year_ctx.finditer(text) if not _year_blocked(text, m.start())]
    named = collections.Counter(int(m.group(1)) for m in bare)
    fixed = [y for y, n in named.items() if n >= 2]
    fixed += [value.year for value, _ in _dates_of_the_text(text)]
    if bare and not fixed:  # only then can a programme's year ("kế hoạch năm 2017") change the answer
        fixed = [int(m.group(1)) for m in bare if p.year_of_text.search(text, max(0, m.start() - 40), m.start())]
    if "Tết" in text:  # (fixing none alone: "đường hoa Tết Mậu Tuất 2018" is planned in 2017)
        named.update(int(m.group(1)) for m in p.festival_year.finditer(text) if not _year_blocked(text, m.start()))
    return max(fixed + list(named)) if fixed else None


@functools.lru_cache(maxsize=64)
def _dates_of_the_text(text: str) -> tuple[tuple[dt.date, int], ...]:
    """The full dates that tell the text's time, (date, start): not birth dates, deadlines, ends of
    spans or cited documents' dates (dates.json 'year_evidence_blockers_before'). Cached: the
    text's year and the year of its lead both read them."""
    p = patterns()
    return tuple((value, s) for value, s, _ in _full_dates(text)
                 if not p.year_evidence_block.search(text, max(0, s - 15), s)
                 and not p.cited_document_before.search(text, max(0, s - 60), s))


@functools.lru_cache(maxsize=64)
def _full_dates(text: str) -> tuple[tuple[dt.date, int, int], ...]:
    """Days written with their year, (date, start, end), the first pattern to claim a span
    winning; cached for the year of the document and the extractor."""
    out, taken = [], []
    for pat in patterns().dmy:
        for m in pat.finditer(text):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                value = _make(int(m["y"]), int(m["m"]), int(m["d"]))
                if value:
                    out.append((value, m.start(), m.end()))
                    taken.append((m.start(), m.end()))
    return tuple(out)


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


ANAPHORA_YEARS = 3  # how far from the text's year a day written in full can be and still date its repetitions
LEAD_CHARS = 400  # a news article's title and lead: the news itself, told before its background
BACKGROUND_DAYS = 90  # how far before a later date in full a day of the lead is the next year's (dates.json)


class _YearOfDay:
    """The year of a day written without one ("Sáng 14/9", "từ 1-7"): the text's own date's
    (the year before for a day more than half a year after it: "25/12" in an article of 5
    January); else the year the same day was written with in full before ("Chiều 23-3-2016 ...
    ngay trong đêm 23-3"); else that of a month written with its year ("tháng 7-2017"), the
    nearest; else the year the text's own dates fix, or the next one for a day of the lead that
    would fall before a date written in full further on (the news comes after its background:
    "Chiều 29/6, ... xét xử ... bắt tạm giam ngày 10/10/2016" is 29 June 2017). None without any:
    a day of no known year is no day."""

    def __init__(self, doc: Document, months: list):
        self.own = own_date(doc)
        self.fallback = None if self.own else _year_of_text(doc.text)
        self.text = doc.text
        self.month_years: dict[int, list[tuple[int, int]]] = {}
        self.written: dict[tuple[int, int], list[tuple[int, int]]] = {}  # (month, day) -> (start, year) written in full
        if not self.own:
            for m in months:
                self.month_years.setdefault(int(m["m"]), []).append((m.start(), int(m["y"])))
            for value, start, _ in _full_dates(doc.text):
                self.written.setdefault((value.month, value.day), []).append((start, value.year))

    def __bool__(self) -> bool:
        return bool(self.own or self.fallback or self.month_years or self.written)

    @functools.cached_property
    def background(self) -> dt.date | None:
        """The latest date of the text's past, in the fallback year, written in full after its lead
        (read only for a day of the lead that takes the fallback year)."""
        p = patterns()
        return max((v for v, s in _dates_of_the_text(self.text) if s >= LEAD_CHARS and v.year == self.fallback
                    and not p.background_block.search(self.text, max(0, s - 40), s)), default=None)

    def day(self, m: int, d: int, pos: int) -> dt.date | None:
        if self.own:
            value = _make(self.own.year, m, d)
            if value and (value - self.own).days > 183:
                value = _make(self.own.year - 1, m, d)
            return value
        # "Chiều 23-3-2016 ... ngay trong đêm 23-3": the day written in full before (not an anniversary's
        # date decades back: "ngày 8/5/1945 ... Ngày 8/5, Tổng thống Putin đã đến thăm")
        years = {y for start, y in self.written.get((m, d), ()) if start < pos
                 and (self.fallback is None or abs(y - self.fallback) <= ANAPHORA_YEARS)}
        if len(years) == 1:
            return _make(years.pop(), m, d)
        if m in self.month_years:
            return _make(min(self.month_years[m], key=lambda py: abs(py[0] - pos))[1], m, d)
        value = self.fallback and _make(self.fallback, m, d)
        if value and pos < LEAD_CHARS and (later := self.background) and (later - value).days > BACKGROUND_DAYS:
            value = _make(self.fallback + 1, m, d)
        return value


def extract(doc: Document) -> list[DateFact]:
    p = patterns()
    text = doc.text
    out: list[DateFact] = []
    taken: list[tuple[int, int]] = []
    year = document_year(doc)
    months = [m for pat in p.my for m in pat.finditer(text)]  # "tháng 7-2017"
    year_of_day = _YearOfDay(doc, months)

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def day(value: dt.date | None, s: int, e: int) -> None:
        if value:
            out.append(DateFact(value, "day", s, e))
            taken.append((s, e))

    for pat in p.ranges:  # "ngày 5 - 17/8", "từ ngày 3 đến 12/9/2020": both ends
        for m in pat.finditer(text):
            d1, d2, mo = int(m["d1"]), int(m["d"]), int(m["m"])
            if not d1 < d2 or not free(m.start(), m.end()):
                continue
            if m["y"]:
                first, last = _make(int(m["y"]), mo, d1), _make(int(m["y"]), mo, d2)
            elif p.dm_block_after.match(text[m.end():m.end() + 12]):
                continue
            else:
                last = year_of_day.day(mo, d2, m.start())
                first = last and _make(last.year, mo, d1)
            if first and last:
                day(first, m.start("d1"), m.end("d1"))
                day(last, m.start("d"), m.end())
    for pat in p.month_ranges:  # "từ ngày 23/10 đến ngày 22/11/2017": the first day takes the last one's year
        for m in pat.finditer(text):
            y, first_month = int(m["y"]), int(m["m1"])
            if free(m.start(), m.end("m1")):
                day(_make(y if first_month <= int(m["m"]) else y - 1, first_month, int(m["d1"])), m.start(), m.end("m1"))
    for value, s, e in _full_dates(text):
        if free(s, e):
            day(value, s, e)
    head = _own_date_line(text)
    if head and head["d"] and free(head.start("y"), head.end()):  # "# date = 20210501"
        day(_make(int(head["y"]), int(head["m"]), int(head["d"])), head.start("y"), head.end())
    for m in p.short_year.finditer(text):  # "Thứ hai, 7-4-25" in a page header
        value = _make(2000 + int(m["y"]), int(m["m"]), int(m["d"]))
        weekday = 6 if m["sun"] else p.weekdays.get(m["w"].lower())
        if value and value.weekday() == weekday and free(m.start("d"), m.end()):
            day(value, m.start("d"), m.end())
    if year_of_day:
        for pat in p.dm:
            for m in pat.finditer(text):
                bare = text[m.start()].isdigit()  # a word of time before it rules out a fraction
                if (not free(m.start(), m.end())
                        or (bare and p.dm_block.search(text, max(0, m.start() - 12), m.start()))
                        or p.dm_block_after.match(text[m.end():m.end() + 12])):
                    continue
                day(year_of_day.day(int(m["m"]), int(m["d"]), m.start()), m.start(), m.end())
    for m in months:
        if free(m.start(), m.end()) and 1 <= int(m["m"]) <= 12:
            out.append(DateFact(dt.date(int(m["y"]), int(m["m"]), 1), "month", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for pat in p.y:
        for m in pat.finditer(text):
            if free(m.start(), m.end()):
                out.append(DateFact(dt.date(int(m["y"]), 1, 1), "year", m.start(), m.end()))
    if doc.published:
        for f in out:
            if f.precision == "day" and f.value == doc.published and f.start_char < 600:
                f.role = "published"
    out.extend(periods(doc, year))
    return sorted(out, key=lambda f: f.start_char)


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def periods(doc: Document, year: int | None) -> list[Period]:
    """'giai đoạn 2023-2030', '2020 - 2025', 'từ năm 2016 đến nay', 'quý I/2024', '6 tháng đầu năm 2017'."""
    out, taken = [], []
    p = patterns()
    for (kind, pat), before in zip(p.periods, p.period_before):
        for m in pat.finditer(doc.text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            span_start = m.start()
            if before:
                b = before.search(doc.text, max(0, span_start - 30), span_start)
                span_start = b.start() if b else span_start
            y1 = int(m["y1"]) if m.groupdict().get("y1") else year
            if y1 is None:
                continue
            if kind == "year_range":
                y2 = int(m["y2"])
                if not y1 < y2 <= y1 + 50:
                    continue
                start, end = dt.date(y1, 1, 1), dt.date(y2, 12, 31)
            elif kind == "until_now":
                start, end = dt.date(y1, 1, 1), doc.published
            elif kind == "quarter":
                q = _ROMAN.get(m["q"].upper()) or int(m["q"])
                start = dt.date(y1, 3 * q - 2, 1)
                end = dt.date(y1, 12, 31) if q == 4 else dt.date(y1, 3 * q + 1, 1) - dt.timedelta(days=1)
            else:
                n = {"sáu": 6, "chín": 9}.get(m["n"].lower()) or int(m["n"])
                if not 1 <= n <= 12:
                    continue
                if m["part"].lower() == "đầu":
                    start = dt.date(y1, 1, 1)
                    end = dt.date(y1, 12, 31) if n == 12 else dt.date(y1, n + 1, 1) - dt.timedelta(days=1)
                else:
                    start, end = dt.date(y1, 13 - n, 1), dt.date(y1, 12, 31)
            out.append(Period(kind, start, end, span_start, m.end()))
            taken.append((span_start, m.end()))
    return out
