"""Links between documents, only where the text states them (never from co-occurrence).

The text is read as statements (ended by a full stop, a blank line, a table cell or a line break
the segmenter kept; a wrapped line inside a sentence is soft) made of items (separated by ";").
Between two consecutive references A and B of one item, the words right before B say how B relates:
- an active verb ("A ... sửa đổi, bổ sung một số điều của B"): A acts on B;
- a passive verb with its agent ("A (đã được sửa đổi, bổ sung bởi B)"): B acts on A, and every
  further agent joined by "," or "và" too ("... theo Luật số B1, Luật số B2 ... và Luật số Bn");
- "và"/"," alone: B shares A's role ("sửa đổi B ... và thay thế C": both from the same source), and
  so does the next item of one type ("... của Nghị định số X ...; Nghị định số Y ...");
- compliance of a document subject ("A được ban hành đúng trình tự ... quy định tại B"): A based on B.
A statement opened by "Căn cứ" or "Thực hiện" lists documents whose subject is the document that
the statement issues ("..., UBND tỉnh ban hành Kế hoạch số X", "(Ban hành kèm theo Quyết định số
X)", or the next statement's "Đảng ủy xã xây dựng Kế hoạch số X") or, in a legal text's preamble,
the text itself (its own number from its header "Số: ..."). The text's own title, its enacting
formula ("Chính phủ ban hành Nghị định sửa đổi ... của Nghị định số X") and its articles ("Bãi bỏ
Nghị định số ...", "Quyết định này thay thế ...") act for the text itself, as does a verb over a
generic object followed by a list ("thay thế các Quyết định: ..."). A document cannot act on one
issued after it. Every link keeps the whole sentence it was read from and its offsets.
Word lists and verb patterns: gazetteer/data/legal.json."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import regex

from vietmine.gazetteer import load_json
from vietmine.gazetteer.cache import persistent
from vietmine.facts import Document, LegalLink, LegalRef
from vietmine.pipeline.segment import sentence_spans

_DATE = r"(?:\d{1,2}\s?[/.-]\s?\d{1,2}(?:\s?[/.-]\s?(?:19|20)\d{2})?|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+(?:19|20)\d{2})?)"
_CODE_YEAR = regex.compile(r"/((?:19|20)\d{2})/")
_SPACES = regex.compile(r"\s+")
_MAX_GAP = 400
_MAX_EVIDENCE = 2000


@dataclass
class _Mention:
    code: str
    start: int
    end: int
    doc_type: str = ""


class _LinkRules:
    def __init__(self):
        cfg = load_json("legal.json")
        lc = cfg["links"]
        verbs = "|".join(f"(?P<v{i}>{v['pattern']})" for i, v in enumerate(cfg["link_verbs"]))
        self.relations = {f"v{i}": v["relation"] for i, v in enumerate(cfg["link_verbs"])}
        prov = lc["provision"]
        lead = f"{lc['object_lead']}|{lc['manner']}"
        # kept for callers of the old module layout
        self.based_on = regex.compile(cfg["based_on_pattern"])
        # the words right before a target: [được] VERB [objects' lead words] [bởi|theo AGENT-provisions]
        self.tail = regex.compile(
            rf"(?i)(?:^|[\s(,])(?P<passive>(?:{lc['passive_marker']})\s+)?(?:{verbs})"
            rf"(?P<lead>(?:\s+(?:{lead}))*(?:\s+{lc['attached_object']})?)(?P<agent>\s+(?:{lc['passive_agent']})(?:\s+{prov})*)?\s*:?\s*$")
        # "được sửa đổi, bổ sung một số điều tại Luật số B": a lead ending in an agent's word introduces the agent
        self.lead_ends_in_agent = regex.compile(rf"\s(?:{lc['passive_agent']})$")
        self.negation = regex.compile(rf"(?i)\b(?:{lc['negation']})\b(?:[\s,]+\S+){{0,2}}[\s,]*$")
        self.provisions = regex.compile(rf"(?i)(?:\s+{prov})+\s*$")
        self.coord = regex.compile(rf"(?i)(?:,|\b(?:{lc['coordinator']}))\s*$")
        self.issue = regex.compile(rf"(?i)(?<!\p{{L}})(?:{lc['issue_verb']}|{lc['draw_up_verb']})\s*$")
        # a reference's date and issuer; the issuer ends before the words that end it in legal_refs
        ends = "|".join(regex.escape(w) for w in cfg["issuer_ends_before"])
        iss = rf"(?:(?!\b(?:{ends})\b)[^,;()“”\"]){{1,100}}?"  # an issuer's name; "A, B, C" for joint issuers
        self.attrs = regex.compile(
            rf"(?i)^\s*[,(]?\s*(?:\(?(?:được\s+)?(?:ban hành\s+|ký\s+)?(?:ngày|ngày ký)\s+{_DATE}\)?\s*,?\s*)?"
            rf"(?:(?:của|do)\s+{iss}(?:\s*,\s*(?=\p{{Lu}}){iss}){{0,6}})?\s*,?\s*$")
        self.subject_clause = regex.compile(rf"(?i)\b(?:{lc['subject_clause']})(?:\s+\S+){{0,4}}\s*$")
        frames = "|".join(f"(?P<f{i}>{f['pattern']})" for i, f in enumerate(lc["frames"]))
        self.frame_rel = {f"f{i}": f["relation"] for i, f in enumerate(lc["frames"])}
        self.frame_start = regex.compile(rf"(?i)^[\W\d]*(?:[^,;\n]{{0,40}},\s*)?(?:{frames})\b")
        self.item_head = regex.compile(
            rf"(?i)^[\s\-+•*]*(?:\(?(?:\d{{1,2}}|[a-zđ])[.)]\s*)?(?:và\s+)?"
            rf"(?:(?:{frames})(?:\s+(?:{lc['manner']}))*(?:\s+(?:các|những))?(?:\s+[^;,]{{0,60}}?\s(?:tại|của|theo))?"
            rf"(?:\s+{prov})*)?\s*$")
        types = "|".join(regex.escape(t["word"]) for t in sorted(cfg["types"], key=lambda t: -len(t["word"])))
        self.own_act = regex.compile(
            rf"(?i)^[\W\d]*(?:Điều\s+\d+\.?\s*)?(?:(?P<this>{types})\s+này\b[^;]{{0,120}}?\s)?(?:{verbs})(?:\s+(?:{lead}))*\s*:?\s*$")
        # (a flattened page keeps the place and date line before the title: "Hà Nội, ngày 29 tháng 10
        # năm 2024 QUYẾT ĐỊNH SỬA ĐỔI, BỔ SUNG QUYẾT ĐỊNH SỐ 4750/QĐ-BYT")
        self.title = regex.compile(
            rf"(?i)^[\W\d]*(?:[^\W\d][^,\n]{{0,30}},\s*ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+\d{{4}}\s+)?"
            rf"(?:(?:{types})\s+)?(?:(?:về việc|v/v|về)\s+)?(?:ban hành\s+(?:\p{{L}}+\s+){{1,4}}?)?"
            rf"(?:{verbs})(?:\s+(?:{lead}))*\s*:?\s*$")
        # the enacting formula names the text by its type only: "Chính phủ ban hành Nghị định sửa
        # đổi, bổ sung một số điều của Nghị định số X"
        self.enacting = regex.compile(
            rf"(?i)^[^;]{{0,150}}?\b(?:{lc['issue_verb']})\s+(?P<type>{types})\s+(?:{verbs})(?:\s+(?:{lead}))*\s*:?\s*$")
        self.frame_end = regex.compile(rf"(?i)(?<!\p{{L}})(?:{lc['frame_end']})(?!\p{{L}})")
        self.bare_item = regex.compile(r"^[\s\-+•*]*(?:\(?(?:\d{1,2}|[a-zđ])[.)]\s*)?(?:và\s+)?$")
        self.issues_doc = regex.compile(rf"(?i)^[^,;.]{{0,80}}?(?<!\p{{L}})(?:{lc['issue_verb']}|{lc['draw_up_verb']})\s*$")
        self.attached = regex.compile(rf"(?i)(?:{lc['attached_to']})\s*$")
        self.complies = regex.compile(rf"(?i)(?<!\p{{L}})(?:{lc['complies']})\s*$")
        self.own_acts = set(lc["own_act_relations"])
        self.type_of = {t["word"].lower(): t["word"] for t in cfg["types"]}
        self.partial = regex.compile(rf"(?i)(?<!\p{{L}})(?:{lc['partial_object']})(?!\p{{L}})")
        self.partial_relations = set(lc["partial_relations"])
        self.dated_issued = regex.compile(
            rf"(?i)^\s*,?\s*(?:ngày|ngày ký)\s+{_DATE}\s*,?\s*(?:của|do)\s+\p{{Lu}}")
        self.any_verb = regex.compile(rf"(?i)(?<!\p{{L}})(?:{verbs})(?!\p{{L}})")
        # what may follow the last "Thực hiện" document of a statement that names no doer
        self.heads_only = regex.compile(
            rf"(?i)^\s*,?\s*(?:\(?(?:ngày|ngày ký)\s+{_DATE}\)?\s*,?\s*)?(?:(?:của|do)\s+[^,;.()]{{1,100}}?)?\s*"
            rf"(?:(?:về(?:\s+việc)?|V/v)\s+(?:(?!,\s*\p{{Lu}})[^;.])*)?\s*[.;|]?\s*$")
        self.title_end = regex.compile(r"(?m)^[\s|*#]*(?:Căn cứ|CĂN CỨ|Xét|Theo đề nghị|Điều\s+1\b|I\.\s)")
        self.body_start = regex.compile(
            r"\n[\s|*#]*(?:Điều\s+1\b|Chương\s+I\b|CHƯƠNG\s+I\b|I\s*[.-]\s|QUYẾT ĐỊNH\s*:|QUYẾT NGHỊ\s*:)")
        self.header_own = regex.compile(r"(?:^|\n)[\s|*#]{0,6}Số\s*:?\s*$")
        # the date under a text's number: "Hà Nội, ngày 15 tháng 5 năm 2026"
        self.header_date = regex.compile(r"(?i)ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d{2}")
        # a verb over a generic object ("bãi bỏ các văn bản sau:", "thay thế các Quyết định:",
        # "bãi bỏ toàn bộ 12 văn bản ..., cụ thể:"), then one document per list item
        generic = "|".join(regex.escape(w) for w in sorted({t["word"] for t in cfg["types"]}, key=len, reverse=True))
        self.list_intro = regex.compile(
            rf"(?i)(?<!\p{{L}})(?:{verbs})\s+(?:toàn bộ\s+)?(?:(?:{lc['list_quantifier']})\s+)?"
            rf"(?:{generic})\b[^:\n;.\d]{{0,100}}:[ \t]*")
        self.list_colon = re.compile(r":[ \t]*")
        self.list_item = regex.compile(r"\s*(?:[-+•*–]|\d{1,3}[.)]|[a-zđ][.)])?[ \t]*(?:và\s+)?")
        self.item_end = regex.compile(r";|\n|\.(?=\s+\p{Lu})")
        # statement boundaries
        self.breaks = regex.compile(
            r"\||;|\n|(?<!(?:^|\n)[ \t|*#]*\d{1,3}|Điều\s+\d{1,3}|\b(?:TP|TX|Tp|TT|ThS|TS|PGS|GS|St|Q|P))[.!?](?=\s)")
        self.named_type = regex.compile(r"^(?P<type>\S+(?:\s+luật)?)\s+(?P<name>\p{Lu}[^\d;:()]{3,150}?)\s+số\b", regex.I)


@persistent("link-rules", _LinkRules)
def link_rules() -> _LinkRules:
    return _LinkRules()


def _soft_newlines(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Line breaks inside a sentence of the segmenter (a wrapped line, a page break): soft."""
    out = set()
    for s, e in spans:
        i = text.find("\n", s, e)
        while i >= 0:
            out.add(i)
            i = text.find("\n", i + 1, e)
    return frozenset(out)


def _break_kind(text: str, i: int, soft: frozenset[int]) -> str | None:
    """'hard', 'item' or None (soft) for the boundary candidate at text[i]."""
    c = text[i]
    if c == "|":
        return "hard"
    if c == ";":
        return "item"
    if c == "\n":
        if i in soft:
            return None
        j = i - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j >= 0 and text[j] == ";" and text.find("\n", i + 1, i + 3) < 0:
            return "item"
        return "hard"
    # a full stop followed by a space: a sentence ends unless a lower-case word follows
    k = i + 1
    while k < len(text) and text[k] in " \t":
        k += 1
    if k < len(text) and text[k].islower():
        return None
    return "hard"


def _scan(text: str, lo: int, hi: int, soft: frozenset[int]) -> tuple[int | None, int | None]:
    """Position after the last hard break in text[lo:hi] (None if none), and after the last ';'
    item break that follows it (None if none)."""
    hard = item = None
    for m in link_rules().breaks.finditer(text, lo, hi):
        kind = _break_kind(text, m.start(), soft)
        if kind == "hard":
            hard, item = m.end(), None
        elif kind == "item":
            item = m.end()
    return hard, item


def _norm(s: str) -> str:
    return _SPACES.sub(" ", s)


def _own(text: str, refs: list[LegalRef]) -> LegalRef | None:
    """The text's own number: the first "Số: X" header reference."""
    lr = link_rules()
    for r in refs:
        if r.start_char >= 4000:
            break
        if r.code and lr.header_own.search(text, max(0, r.start_char - 12), r.start_char):
            return r
    return None


def _name_mentions(text: str, refs: list[LegalRef]) -> list[_Mention]:
    """A law cited as "Luật X số N/YYYY/QHk" is meant by a later "Luật X" of the same item ("Luật
    Mặt trận Tổ quốc Việt Nam số 75/2015/QH13, ... và Luật số 97/2025/QH15 về sửa đổi, bổ sung một
    số điều của Luật Mặt trận Tổ quốc Việt Nam"); beyond it the title alone is no link end (the
    gold's reading: "Căn cứ Luật Bảo hiểm y tế số 25/2008/QH12; Căn cứ Nghị định số 70/2015/NĐ-CP
    ... hướng dẫn thi hành ... Luật Bảo hiểm y tế" links no decree to the law)."""
    lr = link_rules()
    out = []
    for r in refs:
        if not r.code or r.doc_type not in ("Luật", "Bộ luật", "Pháp lệnh"):
            continue
        m = lr.named_type.match(_norm(r.surface))
        if not m or len(m["name"].split()) < 2:
            continue
        item_end = lr.item_end.search(text, r.end_char)
        words = [regex.escape(w) for w in (m["type"] + " " + m["name"]).split()]
        pat = regex.compile(r"(?<!\p{L})" + r"\s+".join(words) + r"(?![\p{L}\d])(?!\s+số\s*:?\s*\d)", regex.I)
        for n in pat.finditer(text, r.end_char, item_end.start() if item_end else len(text)):
            out.append(_Mention(r.code, n.start(), n.end(), r.doc_type))
    return out


def find_links(doc: Document, refs: list[LegalRef]) -> list[LegalLink]:
    if sum(1 for r in refs if r.code) < 2:
        return []  # a link joins two documents: the text's own number counts as one
    text = doc.text
    lr = link_rules()
    spans = doc.sentences or sentence_spans(text)
    starts = [s for s, _ in spans]
    soft = _soft_newlines(text, spans)
    links: dict[tuple[str, str, str], LegalLink] = {}

    def add(src: str, dst: str, rel: str, start: int, end: int) -> None:
        if src == dst or (src, dst, rel) in links:
            return
        start, end = max(0, start), min(len(text), end)
        while start < end and text[start] in " \t\n|;,":
            start += 1
        if end - start > _MAX_EVIDENCE:  # keep the evidence to the target's own statement
            start = max(start, end - _MAX_EVIDENCE)
        # the evidence is the whole sentence(s) holding the statement, unless far too long
        s0 = spans[max(bisect.bisect_right(starts, start) - 1, 0)][0]
        s1 = spans[max(bisect.bisect_right(starts, max(end - 1, start)) - 1, 0)][1]
        s0, s1 = min(s0, start), max(s1, end)
        if s1 - s0 > _MAX_EVIDENCE:
            s0, s1 = start, end
        links[(src, dst, rel)] = LegalLink(src, dst, rel, start, end, evidence=text[s0:s1])

    ordered = sorted(refs, key=lambda r: r.start_char)
    own = _own(text, ordered)
    mentions = [_Mention(r.code, r.start_char, r.end_char, r.doc_type) for r in ordered if r.code and r is not own]
    mentions += _name_mentions(text, ordered)
    mentions.sort(key=lambda m: m.start)
    # drop a mention inside another (a name mention overlapping a full citation)
    kept: list[_Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    mentions = kept

    title_zone = body_start = -1
    if own is not None:
        te = lr.title_end.search(text, own.end_char)
        title_zone = min(te.start() if te else len(text), own.end_char + 1200)
        bs = lr.body_start.search(text, own.end_char)
        body_start = bs.start() if bs else len(text)

    stmt_start = 0     # where the current statement starts
    frame = None       # frame relation of the current item ("based_on", "implements")
    heads: list[tuple[_Mention, str, int]] = []  # frame heads of the statement, awaiting a subject
    carry: list[tuple[_Mention, str, int]] = []  # heads of the last statement, if it was only them
    prev: _Mention | None = None
    prev_end = 0
    role: dict[int, tuple] = {}  # id(mention) -> ("obj", src, rel, ev) | ("agent", dst, rel, ev) | ("head", rel, ev)
    subjects: set[int] = set()   # mentions that open their item (a possible grammatical subject)
    tentative: dict[int, tuple] = {}  # id(mention) -> key of a link read from the item list it continues
    item_obj: tuple | None = None  # (mention, role) of the object that opened the last item

    def close_statement(end: int):
        nonlocal carry
        carry = []
        if heads and own is not None and stmt_start < body_start:
            # no document issued in the statement: in a legal text's preamble, the text itself
            for h, rel, ev in heads:
                add(own.code, h.code, rel, ev, h.end)
        elif heads and lr.heads_only.match(_norm(text[heads[-1][0].end:end])):
            carry = heads[:]  # "Thực hiện Kế hoạch số 12-KH/HU của Huyện ủy." names no doer yet
        heads.clear()

    for m in mentions:
        far = prev is None or m.start - prev_end > _MAX_GAP
        lo = max(prev_end, m.start - _MAX_GAP) if prev is not None else max(0, m.start - _MAX_GAP)
        hard, item = _scan(text, lo, m.start, soft)
        item_text = None
        new_statement = far or hard is not None
        if new_statement:
            close_statement(hard if hard is not None else lo)
            stmt_start = hard if hard is not None else lo
            fm = lr.frame_start.match(_norm(text[stmt_start:m.start]))
            frame = lr.frame_rel[fm.lastgroup] if fm else None
            item_pos = item if item is not None else stmt_start
            prev, item_obj = None, None
        elif item is not None:
            item_pos = item
            prev = None
        if prev is None:
            item_text = _norm(text[item_pos:m.start])
            if item_pos != stmt_start:
                fm = lr.frame_start.match(item_text)
                if fm:
                    frame = lr.frame_rel[fm.lastgroup]
                elif frame and lr.frame_end.search(item_text):
                    frame = None  # "Theo đề nghị của ...;", "Chính phủ ban hành Nghị định ..."
            if lr.bare_item.match(item_text) or lr.issues_doc.match(item_text):
                subjects.add(id(m))  # "Nghị định số A ...", "Chính phủ vừa ban hành Nghị định số A ..."
        if new_statement and carry:
            if lr.issues_doc.match(item_text) and not frame:
                # "Thực hiện A. Đảng ủy xã xây dựng Kế hoạch số X": X implements A
                for h, rel, ev in carry:
                    add(m.code, h.code, rel, ev, m.end)
            carry = []  # only the next statement

        if prev is not None:
            _pair(_norm(text[prev_end:m.start]), prev, m, role, add, heads, lr, id(prev) in subjects,
                  _norm(text[m.end:m.end + 160]))
            r = role.get(id(m))
            if r and r[0] == "obj" and r[1] == prev.code and id(prev) in tentative:
                links.pop(tentative.pop(id(prev)), None)  # it acts itself: not an item of the list
        elif frame and lr.item_head.match(item_text):
            role[id(m)] = ("head", frame, item_pos)
            heads.append((m, frame, item_pos))
        else:
            om = None
            if own is not None and m.start > own.end_char:
                in_title = own.end_char <= stmt_start < title_zone
                om = (lr.title.match(item_text) if in_title else None) or lr.own_act.match(item_text)
                # the enacting formula closes the preamble; in the body "tham mưu UBND tỉnh ban hành
                # Quyết định sửa đổi ..." is a task
                em = lr.enacting.match(item_text) if om is None and m.start < body_start else None
                if em and lr.type_of.get(em["type"].lower()) == own.doc_type:
                    om, in_title = em, True  # the formula acts for the text, like its title
            if om:
                rel = _relation(om)
                # in the body only the text's normative acts, or what "Thông tư này ..." says it does:
                # a plan's task "Hướng dẫn thực hiện Thông tư X" asks others to act
                if in_title or rel in lr.own_acts or om.groupdict().get("this"):
                    add(own.code, m.code, rel, item_pos, m.end)
                    role[id(m)] = ("obj", own.code, rel, item_pos)
            elif (not new_statement and item_obj and lr.bare_item.match(item_text)
                  and m.doc_type == item_obj[0].doc_type):
                # "sửa đổi ... của Nghị định số X ...; Nghị định số Y ...": the list goes on
                _, src, rel, ev = item_obj[1]
                if src != m.code and (src, m.code, rel) not in links:
                    add(src, m.code, rel, ev, m.end)
                    tentative[id(m)] = (src, m.code, rel)
                role[id(m)] = item_obj[1]
        if prev is None:
            r = role.get(id(m))
            item_obj = (m, r) if r and r[0] == "obj" else None
        prev, prev_end = m, m.end
    close_statement(len(text))
    _list_links(text, mentions, own, lr, add, soft)
    when = _issue_times(text, ordered, own)
    # a document cannot act on, or be based on, one issued after it
    return [ln for ln in links.values()
            if not (ln.src_code in when and ln.dst_code in when and _older(when[ln.src_code], when[ln.dst_code]))]


def _issue_times(text: str, refs: list[LegalRef], own: LegalRef | None) -> dict[str, tuple]:
    """Per code, when it was issued as far as the text tells: (year,) from the code or
    (year, month, day) from its issue date; the text's own number takes the date of its header."""
    out: dict[str, tuple] = {}
    for r in refs:
        if not r.code:
            continue
        if r.issue_date:
            out[r.code] = (r.issue_date.year, r.issue_date.month, r.issue_date.day)
        elif r.code not in out:
            y = _CODE_YEAR.search(r.code)
            if y:
                out[r.code] = (int(y.group(1)),)
    if own is not None:
        d = link_rules().header_date.search(text, own.end_char, own.end_char + 300)
        if d:
            nums = [int(x) for x in regex.findall(r"\d+", d.group())]
            out[own.code] = (nums[2], nums[1], nums[0])
    return out


def _older(a: tuple, b: tuple) -> bool:
    return a < b if len(a) == len(b) else a[0] < b[0]


def _relation(m) -> str:
    """The relation of the link verb a match holds; repealing or replacing only some articles of a
    document amends it ("bãi bỏ một số điều của Nghị định số 185")."""
    lr = link_rules()
    g = next(g for g, v in m.groupdict().items() if v and g in lr.relations)
    rel = lr.relations[g]
    if rel in lr.partial_relations and lr.partial.search(m.string, m.end(g), m.end()):
        return "amends"
    return rel


def _last_break_hard_only(text: str, lo: int, hi: int, soft: frozenset[int]) -> tuple[str | None, int]:
    lr = link_rules()
    hard = lo
    found = None
    for m in lr.breaks.finditer(text, lo, hi):
        if _break_kind(text, m.start(), soft) == "hard":
            hard, found = m.end(), "hard"
    return found, hard


def _pair(gap: str, a: _Mention, b: _Mention, role: dict, add, heads: list, lr: _LinkRules,
          a_opens: bool = False, after: str = "") -> bool:
    """Read the words between two references of one item; record b's role. True if b got one.
    `a_opens`: a opens its item (it may be the subject of what follows); `after`: the words after b."""
    ra = role.get(id(a))
    cm = lr.complies.search(gap) if a_opens and ra is None else None
    if cm and not lr.negation.search(gap[:cm.start()]) and ")" not in gap and "(" not in gap:
        # "Quyết định số A ... được ban hành đúng trình tự, thủ tục quy định tại Thông tư số B"
        add(a.code, b.code, "based_on", a.start, b.end)
        role[id(b)] = ("obj", a.code, "based_on", a.start)
        return True
    tm = lr.tail.search(gap)
    if tm:
        rel = _relation(tm)
        front = gap[:tm.start()]
        if gap[tm.start()] == "(":
            front += "("  # the verb opens a parenthesis on a: "A (sửa đổi, bổ sung bởi B)"
        if lr.negation.search(front):
            return False  # "Thông tư X chưa quy định, hướng dẫn ..."
        if tm["agent"] or (tm["passive"] and lr.lead_ends_in_agent.search(tm["lead"])):
            # "(sửa đổi, bổ sung bởi B)" or "được sửa đổi ... theo B"; "theo hướng dẫn tại B" is a noun
            if rel == "implements" or not (tm["passive"] or front.rstrip().endswith("(")):
                return False
            # passive: b acts on a (or on what a's chain acts on)
            dst, ev = (ra[1], ra[3]) if ra and ra[0] == "agent" else (a.code, a.start)
            add(b.code, dst, rel, ev, b.end)
            role[id(b)] = ("agent", dst, rel, ev)
            return True
        if tm["passive"]:
            return False
        if lr.coord.search(front) and ra and ra[0] in ("obj", "head"):
            if front.count(")") > front.count("("):
                return False
            if ra[0] == "obj":  # "sửa đổi B ... và thay thế C": same source
                add(ra[1], b.code, rel, ra[3], b.end)
                role[id(b)] = ("obj", ra[1], rel, ra[3])
                return True
            role[id(b)] = ra  # "Thực hiện A và triển khai B"
            heads.append((b, ra[1], ra[2]))
            return True
        if ra and ra[0] == "agent" and ")" in front:
            src = ra[1]  # "A (sửa đổi bởi B) hướng dẫn C": A acts
        else:
            src = a.code
        # the verb must belong to A: right after A's date and issuer, inside A's subject clause
        # ("A ... về việc sửa đổi B"), or in a parenthesis on A ("A ... (thay thế B")
        sm = lr.subject_clause.search(front)
        ok = bool(lr.attrs.match(front)) or bool(sm and lr.attrs.match(front[:sm.start()]))
        if not ok and rel != "implements":
            ok = (front.rstrip().endswith("(") and ")" not in front) or (len(front) <= 60 and "," not in front)
            # the subject's own description, then its act: "Nghị định số 67/2017/NĐ-CP quy định xử
            # phạt ... trong lĩnh vực dầu khí, kinh doanh xăng dầu và khí, thay thế Nghị định 97/2013/NĐ-CP"
            ok = ok or (a_opens and front.rstrip().endswith(",") and len(front) <= 200
                        and not lr.any_verb.search(front) and "(" not in front)
        if ok:
            add(src, b.code, rel, a.start, b.end)
            role[id(b)] = ("obj", src, rel, a.start)
            return True
        return False
    if heads and ((lr.issue.search(gap) and "," in gap) or lr.attached.search(gap)):
        # "Thực hiện A; B, UBND tỉnh ban hành Kế hoạch số X": X implements A and B; so does the
        # decision a plan is attached to: "KẾ HOẠCH TRIỂN KHAI THỰC HIỆN A (Ban hành kèm theo X)"
        for h, rel, ev in heads:
            add(b.code, h.code, rel, ev, b.end)
        heads.clear()
        return True
    if ra is None or gap.count(")") > gap.count("("):
        return False  # "A (được sửa đổi tại B) và C": C is not in the parenthesis
    rest = lr.provisions.sub("", gap)
    if not lr.coord.search(rest):
        return False
    front = lr.coord.sub("", rest)
    if ra[0] == "obj" and heads and rest == gap and lr.dated_issued.match(after):
        # "Căn cứ A ... quy định chi tiết B và Nghị định số C ngày ... của Chính phủ ...": C, with
        # its own date and issuer, is one more basis of the outer list, not an object of A
        ra = ("head", heads[-1][1], heads[-1][2])
    if ra[0] == "head":
        role[id(b)] = ra
        heads.append((b, ra[1], ra[2]))
        return True
    if not lr.attrs.match(front) and not (ra[0] == "obj" and b.doc_type == a.doc_type and len(front) <= 250
                                          and not lr.any_verb.search(front) and "(" not in front):
        return False  # "... Nghị định số Y ... quy định z và Nghị định số Z": a list of one type goes on
    if ra[0] == "agent":
        add(b.code, ra[1], ra[2], ra[3], b.end)
        role[id(b)] = ra
        return True
    if ra[0] == "obj":
        add(ra[1], b.code, ra[2], ra[3], b.end)
        role[id(b)] = ra
        return True
    return False


def _list_links(text: str, mentions: list[_Mention], own, lr: _LinkRules, add, soft: frozenset[int]) -> None:
    """A verb over a generic object, then the list of its documents after ":" ("bãi bỏ toàn bộ 12
    văn bản ..., cụ thể: / 1. Quyết định số ...; / 2. ...", "thay thế các Quyết định: Quyết định số
    A ...; Quyết định số B ..."): one link per listed document, item by item (";" or a new line,
    with or without a list marker) until an item does not open with a document. The subject is the
    last reference before the verb in its statement, else the text itself."""
    if not mentions:
        return
    starts = {m.start: m for m in mentions}
    for colon in lr.list_colon.finditer(text):
        # the verb is at most a few words before the colon; search only there (cheap on long texts)
        intro = None
        for intro in lr.list_intro.finditer(text, max(0, colon.start() - 160), colon.end()):
            pass
        if intro is None or intro.end() != colon.end():
            continue
        rel = _relation(intro)
        _, s0 = _last_break_hard_only(text, max(0, intro.start() - _MAX_GAP), intro.start(), soft)
        before = [m for m in mentions if s0 <= m.start and m.end <= intro.start()]
        front = _norm(text[before[-1].end:intro.start()]) if before else ""
        if before and (lr.attrs.match(front) or (len(front) <= 60 and "," not in front)):
            src = before[-1].code
        elif not before and own is not None and lr.own_act.match(_norm(text[s0:intro.start()]) + " bãi bỏ"):
            src = own.code
        else:
            continue
        pos = intro.end()
        while True:
            lm = lr.list_item.match(text, pos)
            m = starts.get(lm.end())
            if m is None:
                break
            add(src, m.code, rel, intro.start(), m.end)
            # the item ends at ";" or a line break; a full stop before a capital ends the list
            end = lr.item_end.search(text, m.end)
            if end is None or end.group().startswith("."):
                break
            pos = end.end()
