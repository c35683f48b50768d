"""Legal references: a document type word followed by a number, with its full code (as written,
or completed by the certain conventions of gazetteer/data/legal.json), issue date and issuer.

One compiled pattern scans the text once; per match only the short window after it is examined."""
from __future__ import annotations

import datetime as dt

import re

import regex

from vietmine.gazetteer import alternation, load_json, trie_alternation
from vietmine.gazetteer.cache import persistent
from vietmine.facts import Document, LegalRef

# a code group: "BCA", "QH13", "BNN&PTNT"; "BCA(X11)" with a sub-issuer, not an alias "(BLHS)"
_SEG = r"[0-9A-ZĐÐ](?:[0-9A-Za-zĐÐđ]|&(?=[A-ZĐ])){0,15}(?:\s?\((?=[A-ZĐ]*\d)[0-9A-ZĐ]{1,8}\))?"
# number, then code segments joined by / or a dash; a space may follow a separator (PDF and press
# typos); a space before a dash only when an upper-case code group follows ("301/BGDĐT – GDMN",
# "07 - NQ/HU"), so "Chỉ thị 05 - Đẩy mạnh" stays a bare number. At most 10 groups of at most
# 16 letters: the longest real code has 7 ("01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH").
_SEP = r"(?:/{1,2}|[\-–—]|\s[\-–—](?=\s?[A-ZĐÐ][0-9A-ZĐÐ]+(?![\p{Ll}])))"


def _code(type_codes: str) -> str:
    """Number and code; a space may stand for the slash before a type code ("309 QĐ-TTg")."""
    return (rf"(?P<num>\d{{1,5}}[a-c]?)(?P<tail>(?:\s(?=(?:{type_codes})[\-–][A-ZĐÐ]){_SEG})?"
            rf"(?:{_SEP}\s?{_SEG}){{0,10}})")
_DATE = r"(?P<date>\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?(?:19|20)\d{2}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d{2})"
_SOFT_BREAK = regex.compile(r"\n(?=\p{Ll})")
# compiled once: these run for every reference
_SPACE_SLASH = regex.compile(r"^(\d+[a-c]?)\s+(?=\p{Lu})")  # "309 QĐ-TTg"
_SPACES = regex.compile(r"\s+")
_DASHES = regex.compile(r"[–—‐‑−]")
_SEPARATOR_KEPT = regex.compile(r"([/-])")
_SEPARATOR = regex.compile(r"[/-]")
_ANY_SEPARATOR = regex.compile(r"[/\-–—]")
_SLASHED_PARTY = regex.compile(r"(\d+)/([A-Za-zĐđ]+)-([A-Za-zĐđ]+)")
_YEAR = regex.compile(r"(?:19|20)\d{2}")
_YEAR_TAIL = regex.compile(r"[/-]\s?((?:19|20)\d{2})$")
_LETTER = regex.compile(r"\p{L}")


def _title(word: str) -> str:
    """Every word capitalised: "Bộ Luật", "Nghị Định" (press case drift)."""
    return " ".join(w[:1].upper() + w[1:] for w in word.split())


def _ci_first(word: str) -> str:
    """Pattern matching a phrase in title case, lower case, upper case or with every word capitalised."""
    forms = {word, word.lower(), word.upper(), word[0].lower() + word[1:], _title(word)}
    return "(?:" + "|".join(_spaced(w) for w in sorted(forms, key=len, reverse=True)) + ")"


def _spaced(phrase: str) -> str:
    """A literal phrase whose spaces match any run of white space (a wrapped line)."""
    return r"\s+".join(regex.escape(w) for w in phrase.split(" "))


class _Rules:
    def __init__(self):
        cfg = load_json("legal.json")
        self.cfg = cfg
        words = sorted((t["word"] for t in cfg["types"]), key=len, reverse=True)
        self.needs_so = set(cfg["types_needing_so_or_code"])
        self.abbrev = cfg["abbreviated_types"]
        # a few type words are common nouns in lower case: only their written form counts
        self.strict_types = set(cfg["types_written_as_is"])
        type_alt = "|".join(_spaced(w) if w in self.strict_types else _ci_first(w) for w in words)
        code = _code("|".join(map(regex.escape, sorted(cfg["code_type_to_word"], key=len, reverse=True))))
        abbr_alt = alternation(self.abbrev)
        self.ref = regex.compile(
            rf"(?:(?<![\p{{L}}\d])|(?<=\p{{Ll}})(?=\p{{Lu}}))(?:(?P<type>{type_alt})|(?P<abbr>{abbr_alt}))"
            rf"(?P<so>\s+(?:số|Số|SỐ)\s*:?)?\s*{code}(?![\d\p{{L}}])"
        )
        # a text's own number: "Số: 31/2011/QĐ-UBND", Party style without the colon "Số 15-KH/TU"
        self.header = regex.compile(rf"(?m)^[\s|*#]{{0,6}}Số\s*:?\s*{code}(?![\d\p{{L}}])")
        self.canon_type = {w.lower(): w for w in words}
        self.type_line = regex.compile(
            rf"(?m)^[\s|*#]*(?P<type>{'|'.join(regex.escape(w.upper()) for w in words)})[\s|*#]*$")
        self.cong_van_subject = regex.compile(r"[^\n]{0,80}\n(?:[\s|*#]*\n){0,3}[\s|*#]*V/v\b")
        self.canon_type.update({k.lower(): v for k, v in cfg["type_aliases"].items()})
        # cheap first pass (stdlib re on the lower-cased text, about 7x faster than the full
        # pattern at every position): where a type word or abbreviation is followed by a number;
        # the words as a trie, so that each position tries one branch per first letter
        lowered = {w.lower() for w in words} | {a.lower() for a in self.abbrev}
        self.candidates = re.compile("(?:" + trie_alternation(lowered, any_space=True) + r")(?:\s+số\s*:?)?\s*\d")
        # a law named before its number: "Bộ luật Tố tụng hình sự số 101/2015/QH13"
        self.named_candidates = re.compile(r"số\s*:?\s*\d{1,5}\s*/\s*(?:((?:19|20)\d\d\s*/\s*(?:qh|ubtvqh|pl-ubtvqh))|\d{0,4}\s*/?\s*[^\W\d_])")
        self.named_type = regex.compile(rf"(?<![\p{{L}}\d])(?P<type>{type_alt})(?=\s+\p{{Ll}})")
        # "Quyết định khởi tố vụ án hình sự số ...", "các Quyết định của Thủ tướng Chính phủ số ..."
        self.named_gap = regex.compile(r"\s+(?:\p{Ll}[\p{Ll}\s,]{0,80}|của\s+\p{Lu}[\p{L}\s]{1,60}:?)\s$")
        named = "|".join(_ci_first(w) for w in sorted(cfg["named_law_types"], key=len, reverse=True))
        self.named_law_type = regex.compile(rf"(?<![\p{{L}}\d])(?P<type>{named})(?=\s+\p{{Lu}})")
        self.named_law_gap = regex.compile(r"\s+\p{Lu}(?:[^;.:()\d“”\"|]|\(\p{Lu}{2,10}\)){0,150}\s$")
        # the press also writes a law's name in lower case after its capitalised type word:
        # "Bộ Luật hình sự số 12/2017/QH14", "Luật đất đai số 45/2013/QH13"
        titled = "|".join(regex.escape(v) for w in cfg["named_law_types"] for v in {w, _title(w)})
        self.lower_named_law_type = regex.compile(rf"(?<![\p{{L}}\d])(?P<type>{titled})(?=\s+\p{{Ll}})")
        self.lower_named_law_gap = regex.compile(r"\s+\p{Ll}[^;.:,()\d“”\"|]{0,80}\s$")
        self.named_law_code = regex.compile(rf"số\s*:?\s*{code}(?![\d\p{{L}}])")
        self.code_word = cfg["code_type_to_word"]
        # more codes after one type word: "Tờ trình số: 4/TTr-STC ngày ..., 9/TTr-STC ngày ...",
        # "các Quyết định ... số 142/2008/QĐ-TTg ngày 27/10/2008, số 53/2010/QĐ-TTg ... và số 62/2011/QĐ-TTg"
        self.more = regex.compile(
            rf"(?:\s*,?\s*\(?(?:ngày|ngày ký)\s+{_DATE}\)?)?(?:\s*,?\s*(?:của|do)\s+[^,;:()\n\d]{{2,60}}?)?"
            rf"\s*(?:,|;|\bvà\b)\s*(?P<so>(?:số|Số)\s*:?\s*)?{code}(?![\d\p{{L}}])")
        # a plan's length is no number: "Kế hoạch 5 năm", "chương trình 2 năm"
        self.duration = regex.compile(r"\s+(?:năm|tháng)(?!\s+(?:19|20)\d{2})(?!\p{L})")
        self.duration_types = set(cfg["types_with_a_duration"])
        self.issuer_spellings = cfg["issuer_spellings"]
        self.spellings = regex.compile(
            rf"(?<!\p{{L}})(?:{'|'.join(map(regex.escape, self.issuer_spellings))})(?!\p{{L}})")
        self.issuer_of_code = cfg["issuer_of_code"]
        self.case_fixes = {k.upper(): v for k, v in cfg["code_case_fixes"].items()}
        self.party_types = set(cfg["party_type_codes"])
        self.party_issuers = set(cfg["party_issuer_codes"])
        self.issuers = sorted(cfg["issuers"], key=lambda i: len(i["name"]), reverse=True)
        self.issuer_by_name = {}
        for i in self.issuers:
            self.issuer_by_name.setdefault(i["name"].casefold(), i["code"])
        self.issuer_names = regex.compile(
            rf"(?<!\p{{L}})(?:{'|'.join(regex.escape(n) for n in self.issuer_by_name)})(?!\p{{L}})")
        # "của Chính phủ và Thông tư số 46/..." : the issuer ends before the next cited document
        self.issuer_then_doc = regex.compile(r"\s+và\s+(?=" + "|".join(map(regex.escape, words)) + ")")
        self.named_law_types = set(cfg["named_law_types"])
        self.type_code = {t["word"]: t["code"] for t in cfg["types"]}
        self.ministries = set(cfg["ministry_codes"])
        self.conventions = cfg["conventions"]
        self.after = regex.compile(
            rf"^\s*,?\s*(?:được\s+)?(?:ban hành\s+|ký\s+)?(?:ngày|ngày ký)\s+{_DATE}"
        )
        self.issuer_after = regex.compile(
            r"^\s*,?\s*(?:ngày[^,;]{0,30}?\s+)?(?:của|do|giữa)\s+(?P<issuer>[^,;:()“”\"\n]{2,90}?)"
            rf"(?=\s+(?:{alternation(cfg['issuer_ends_before'])})(?!\p{{L}})|\s+và\s+\p{{Ll}}|[,;:()“”\"\n.]|$)"
        )
        self.subject_after = regex.compile(r"^[^;\n]{0,160}?\s(?:về(?:\s+việc)?|V/v)\s+(?P<subject>“[^”\n]{3,300}”|\"[^\"\n]{3,300}\"|[^;.\n]{3,200})")


    def type_of(self, written: str) -> str:
        """The type a written type word names ("thông tư \nliên tịch" -> "Thông tư liên tịch")."""
        return self.canon_type[" ".join(written.lower().split())]


@persistent("legal-refs-rules", _Rules)
def rules() -> _Rules:
    return _Rules()


def normalize_code(num: str, tail: str) -> str:
    """Official form: no spaces, hyphen-minus, Đ not Ð, known case drift fixed, Party N-TYPE/ISSUER."""
    r = rules()
    code = _SPACE_SLASH.sub(r"\1/", num + tail)  # "309 QĐ-TTg"
    code = _SPACES.sub("", code)
    code = _DASHES.sub("-", code).replace("Ð", "Đ").replace("//", "/")
    parts = _SEPARATOR_KEPT.split(code)
    parts = [r.case_fixes.get(p.upper(), p) if p not in "/-" else p for p in parts]
    code = "".join(parts)
    # Party documents written with a slash, e.g. 29/NQ-TW -> 29-NQ/TW
    m = _SLASHED_PARTY.fullmatch(code)
    if m and m.group(2) in r.party_types and m.group(3) in r.party_issuers:
        code = f"{m.group(1)}-{m.group(2)}/{m.group(3)}"
    return code


def _parse_date(s: str) -> dt.date | None:
    nums = [int(x) for x in regex.findall(r"\d+", s)]
    if len(nums) != 3:
        return None
    try:
        return dt.date(nums[2], nums[1], nums[0])
    except ValueError:
        return None


def issuer_code(issuer: str | None) -> str | None:
    if not issuer:
        return None
    r = rules()
    found = [m.group() for m in r.issuer_names.finditer(issuer.casefold(), overlapped=True)]
    if not found:
        return None
    # the longest name wins ("Văn phòng Chính phủ" over "Chính phủ"), as when tried longest first
    return r.issuer_by_name[max(found, key=len)]


def complete_code(doc_type: str, number: str, year: str | None, icode: str | None,
                  from_date: bool = False) -> str | None:
    """Fill a partial citation by a certain convention, else None (never a guess). `from_date`: the
    year is that of the issue date, which completes only codes that always hold their year."""
    for conv in rules().conventions:
        if doc_type not in conv["types"] or bool(year) != conv["needs_year"]:
            continue
        if from_date and not conv.get("year_from_date"):
            continue
        wanted = conv["issuer"]
        if wanted == "ministry":
            if icode not in rules().ministries:
                continue
        elif wanted is not None and icode != wanted:
            continue
        t = rules().cfg["types"]
        tcode = next(x["code"] for x in t if x["word"] == doc_type)
        return conv["template"].format(n=number, y=year, t=tcode, i=icode)
    return None


def _issuer_of(code: str) -> tuple[str | None, str | None]:
    """The issuer a code's own symbol names, when the text does not (77/2015/QH13 -> Quốc hội,
    06/2013/NĐ-CP -> Chính phủ, 23/2012/TT-BCA -> Bộ Công an; 250/KH-BCA-V05 -> Bộ Công an).
    Only one issuer: a joint code (TTLT-BCA-BQP) and ambiguous ones (TW, UBND) name none here."""
    r = rules()
    groups = [g for g in _SEPARATOR.split(code)[1:]
              if not _YEAR.fullmatch(g) and g not in r.code_word]
    if not groups:
        return None, None
    first = groups[0].rstrip("0123456789")  # QH13 -> QH: the term is not the issuer
    name = r.issuer_of_code.get(first)
    if name is None or any(g in r.issuer_of_code and g != groups[0] for g in groups[1:]):
        return None, None
    return name, first


def _type_from_code(tail: str) -> str | None:
    for seg in _ANY_SEPARATOR.split(tail):
        seg = seg.strip()
        seg = rules().case_fixes.get(seg.upper(), seg)
        if seg in rules().code_word:
            return rules().code_word[seg]
    return None


def _make_ref(doc_type: str, num: str, tail: str, start: int, end: int, text: str) -> LegalRef:
    r = rules()
    has_letters = _LETTER.search(tail) is not None
    code = normalize_code(num, tail) if has_letters else None
    year = None
    m = _YEAR_TAIL.match(tail)
    if not has_letters and m:
        year = m.group(1)
    # a hard line break inside a sentence (Công báo PDF text) does not end the issuer's name
    window = _SOFT_BREAK.sub(" ", text[end:end + 260])
    date = None
    dm = r.after.match(window)
    if dm:
        date = _parse_date(dm["date"])
    issuer = None
    im = r.issuer_after.match(window)
    if im:
        # "của Chính phủ và Thông tư số 46/..." : the issuer ends before the next cited document
        issuer = r.issuer_then_doc.split(im["issuer"])[0].strip()
        issuer = r.spellings.sub(lambda m: r.issuer_spellings[m.group()], issuer)
    icode = issuer_code(issuer)
    resolved_by = "text" if code else None
    if code is None and doc_type:
        code = complete_code(doc_type, num, year, icode)
        if code is None and year is None and date is not None:
            # "Thông tư số 15 ngày 3-5-2016 của Bộ Công an": types whose code always holds the year
            code = complete_code(doc_type, num, str(date.year), icode, from_date=True)
        resolved_by = "convention" if code else None
    if issuer is None and code:
        issuer, icode = _issuer_of(code)
    subject = None
    sm = r.subject_after.match(window)
    if sm:
        subject = sm["subject"].strip().strip("“”\"")
    return LegalRef(doc_type=doc_type, number=num, code=code, start_char=start, end_char=end,
                    issue_date=date, issuer=issuer, issuer_code=icode, subject=subject,
                    surface=text[start:end], resolved_by=resolved_by)


def _ref_matches(text: str, low: str):
    """The full reference pattern, tried only where the cheap first pass found a candidate (over
    `low`, the lower-cased text)."""
    r = rules()
    if len(low) != len(text):  # a character whose lower case is longer: offsets would drift
        yield from r.ref.finditer(text)
        return
    end = 0
    for c in r.candidates.finditer(low):
        if c.start() < end:
            continue
        m = r.ref.match(text, c.start())
        if m:
            end = m.end()
            yield m


def _named_laws(text: str, low: str):
    """(type match, code match) for a document named between its type word and its number:
    "Luật <name> số N/YYYY/QHxx" (laws, codes, ordinances: the name runs back to the type word
    without a stop), and "Quyết định khởi tố vụ án hình sự số 11/QĐ-KTVA" (any type, when the
    code's own type code says the same type, over a short lower-case description)."""
    r = rules()
    if len(low) != len(text):
        return
    for c in r.named_candidates.finditer(low):
        p = c.start()
        law = c.group(1) is not None
        last = None
        if law:
            for t in r.named_law_type.finditer(text, max(0, p - 160), p):
                last = t
            if last is None or not r.named_law_gap.match(text, last.end(), p):
                last = None
                for t in r.lower_named_law_type.finditer(text, max(0, p - 90), p):
                    last = t
                if last is None or not r.lower_named_law_gap.match(text, last.end(), p):
                    continue
        else:
            for t in r.named_type.finditer(text, max(0, p - 90), p):
                last = t
            if last is None or not r.named_gap.match(text, last.end(), p):
                continue
        code = r.named_law_code.match(text, p)
        if code is None:
            continue
        if not law and _type_from_code(code["tail"]) != r.type_of(last["type"]):
            continue
        yield last, code


def extract(doc: Document) -> list[LegalRef]:
    r = rules()
    text = doc.text
    out: list[LegalRef] = []
    seen_spans: set[int] = set()
    weak: dict[int, int] = {}  # number start -> index in out of a law found by a lower-case type word
    for m in r.header.finditer(text[:4000]):
        doc_type = _type_from_code(m["tail"])
        if doc_type is None and r.cong_van_subject.match(text, m.end()):
            doc_type = "Công văn"  # an official letter's number has no type code; "V/v" follows it
        if doc_type is None:
            # a law's number has no type code ("Số: 32/2004/QH11"): the type line under it says it
            tl = r.type_line.search(text, m.end(), m.end() + 300)
            doc_type = r.type_of(tl["type"]) if tl else None
        if doc_type and _LETTER.search(m["tail"]):
            out.append(_make_ref(doc_type, m["num"], m["tail"], m.start("num"), m.end(), text))
            seen_spans.add(m.start("num"))
    low = text.lower().replace("ð", "đ")  # "Ð" (U+00D0) for "Đ" in PDF text
    for m in _ref_matches(text, low):
        if m.start("num") in seen_spans:
            continue
        tail = m["tail"]
        has_code = _LETTER.search(tail) is not None
        if m["abbr"]:
            # "CT1 - CT2" is a building, "QĐ 12/QĐ-UBND" a decision: an abbreviation needs "số" or a slash
            if not (m["so"] or (has_code and "/" in tail)):
                continue
            doc_type = r.abbrev[m["abbr"]]
        else:
            doc_type = r.type_of(m["type"])
            if doc_type in r.needs_so and not (has_code or m["so"] or tail):
                continue
            if m["type"] in r.strict_types and not (has_code or m["so"]):
                continue  # "điện 500 kV", "ghế chỉnh điện 8 hướng": electricity, not a telegram
            # a year after a law's name is not its number: "Luật Đất đai 2013"
            if not m["so"] and not tail and _YEAR.fullmatch(m["num"]):
                continue
            if (not m["so"] and not tail and doc_type in r.duration_types and len(m["num"]) <= 2
                    and r.duration.match(text, m.end())):
                continue
            if m["type"][0].islower() and doc_type in r.named_law_types:
                weak[m.start("num")] = len(out)  # "... pháp luật số 64/2025/QH15": the law's name may start earlier
        out.append(_make_ref(doc_type, m["num"], tail, m.start(), m.end(), text))
        seen_spans.add(m.start("num"))
    # after the plain pass: "văn bản số 119/BC-BCT" keeps its own type word; "Luật Ban hành văn bản
    # quy phạm pháp luật số 64/2025/QH15" is anchored at the first type word of its name
    for m in _named_laws(text, low):
        at = m[1].start("num")
        if at not in seen_spans or at in weak:
            ref = _make_ref(r.type_of(m[0]["type"]), m[1]["num"], m[1]["tail"], m[0].start(),
                            m[1].end(), text)
            if at in weak:
                out[weak[at]] = ref
            else:
                out.append(ref)
            seen_spans.add(at)
    for ref in list(out):
        _more_codes(text, ref, out, seen_spans)
    out.sort(key=lambda x: x.start_char)
    unify_spellings(out)
    return out


def _more_codes(text: str, ref: LegalRef, out: list[LegalRef], seen: set[int]) -> None:
    """Further full codes of the same type after a reference, joined by ",", ";" or "và"."""
    r = rules()
    if not ref.code or "/" not in ref.code:
        return
    pos = ref.end_char
    while True:
        m = r.more.match(text, pos)
        if m is None or m.start("num") in seen or "/" not in m["tail"] or not _LETTER.search(m["tail"]):
            return
        found = _type_from_code(m["tail"])
        if (r.type_code.get(found) if found else None) != r.type_code.get(ref.doc_type):
            return  # another type of document
        start = m.start("so") if m["so"] else m.start("num")
        out.append(_make_ref(ref.doc_type, m["num"], m["tail"], start, m.end(), text))
        seen.add(m.start("num"))
        pos = m.end()


def _spelling_key(ref: LegalRef) -> tuple | None:
    """What stays of a code when its separators and its own type code are set aside:
    "212-BYT/QĐ" and "212/BYT-QĐ", "118/TTg" and "118/QĐ-TTg" give one key."""
    groups = _SEPARATOR.split(ref.code)[1:]
    year = next((g for g in groups if _YEAR.fullmatch(g)), None)
    code_word = rules().code_word
    rest = frozenset(g for g in groups if g != year and code_word.get(g) != ref.doc_type)
    return (ref.doc_type, ref.number, year, rest) if rest else None


def unify_spellings(refs: list[LegalRef]) -> None:
    """One document cited under two spellings of its code in one text takes the first spelling
    (005: "Quyết định số 118/TTg ngày 27/02/1996" and later "Quyết định số 118/QĐ-TTg ngày
    27/02/1996"). Two different issue dates keep them apart."""
    first: dict[tuple, LegalRef] = {}
    for r in refs:
        if not r.code:
            continue
        key = _spelling_key(r)
        if key is None:
            continue
        f = first.setdefault(key, r)
        if f.code != r.code and not (f.issue_date and r.issue_date and f.issue_date != r.issue_date):
            r.code = f.code
