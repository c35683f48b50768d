"""Resolve stage: cross-fact steps inside one document.

- short legal references take the code of a full mention of the same type and number in the
  same document (only when that code is unique: ambiguity stays unresolved);
- links between documents from the verbs that state them (never from co-occurrence alone);
- dates that are the issue date of a reference get that role;
- the document's main province, the place each count is about, the place of each organisation;
- the registry identity of each cited document (pipeline/identity.py)."""
from __future__ import annotations

import collections
import functools

import regex

from vietmine.gazetteer import load_json
from vietmine.facts import Count, DateFact, Document, ExtractionResult, LegalLink, LegalRef, Organization, Place
from vietmine.pipeline.identity import key_of


class _LinkRules:
    def __init__(self):
        cfg = load_json("legal.json")
        self.verbs = [(regex.compile(rf"(?i)\b(?:{v['pattern']})\s*$"), v["relation"]) for v in cfg["link_verbs"]]
        self.based_on = regex.compile(cfg["based_on_pattern"])
        # between a source reference and the verb: its date, issuer and "về"/"nhằm" (a short clause)
        self.gap = regex.compile(r"(?i)^[^;]{0,200}?\b(?:về(?:\s+việc)?|nhằm|để|V/v|quy định|hướng dẫn|sửa đổi|thay thế|bãi bỏ)\b")


@functools.cache
def link_rules() -> _LinkRules:
    return _LinkRules()


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


def _verb_relation(gap_text: str) -> str | None:
    """Relation stated right before the target reference: '... về tiếp tục đẩy mạnh thực hiện <B>'."""
    tail = gap_text[-60:]
    for pat, rel in link_rules().verbs:
        if pat.search(tail):
            return rel
    return None


def find_links(doc: Document, refs: list[LegalRef]) -> list[LegalLink]:
    text = doc.text
    lr = link_rules()
    links: list[LegalLink] = []
    own = next((r for r in refs if r.start_char < 4000 and text[max(0, r.start_char - 8):r.start_char].rstrip().endswith(":")
                and r.code), None)
    ordered = sorted(refs, key=lambda r: r.start_char)
    for a, b in zip(ordered, ordered[1:]):
        if not (a.code and b.code) or a.code == b.code:
            continue
        if doc.sentence_of(a.start_char) != doc.sentence_of(b.start_char):
            continue
        gap = text[a.end_char:b.start_char]
        if ";" in gap or len(gap) > 260:
            continue
        rel = _verb_relation(gap)
        if rel and (lr.gap.match(gap) or rel != "implements"):
            links.append(LegalLink(a.code, b.code, rel, a.start_char, b.end_char,
                                   evidence=text[a.start_char:b.end_char][:500]))
    # preamble of a legal text: "Căn cứ Luật ...; Căn cứ Nghị định số ..." -> based_on
    if own is not None:
        for r in ordered:
            if r is own or not r.code:
                continue
            s, e = doc.sentences[doc.sentence_of(r.start_char)]
            line_start = text.rfind("\n", 0, r.start_char) + 1
            if lr.based_on.match(text[max(s, line_start):r.start_char]):
                links.append(LegalLink(own.code, r.code, "based_on", r.start_char, r.end_char,
                                       evidence=text[max(s, line_start):min(e, r.end_char + 200)]))
    return links


def mark_issue_dates(refs: list[LegalRef], dates: list[DateFact]) -> None:
    for d in dates:
        for r in refs:
            if r.issue_date == d.value and 0 <= d.start_char - r.end_char <= 40:
                d.role = "issue_date"


def place_context(doc: Document, places: list[Place], counts: list[Count]) -> None:
    """The document's main province (its most named one), and for each count the place it is
    about: the last unit named before it in its sentence, else the main province."""
    provinces = collections.Counter(p.province_code for p in places if p.province_code)
    doc.main_province = provinces.most_common(1)[0][0] if provinces else None
    main_name = next((p.name for p in places if p.admin_code == doc.main_province), None)
    ordered = sorted(places, key=lambda p: p.start_char)
    for c in counts:
        sent = doc.sentence_of(c.start_char)
        before = [p for p in ordered if p.end_char <= c.start_char and doc.sentence_of(p.start_char) == sent]
        c.place = f"{before[-1].level} {before[-1].name}" if before else main_name


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


def resolve(result: ExtractionResult) -> ExtractionResult:
    doc = result.document

    def of_type(cls):
        return [f for f in result.facts if isinstance(f, cls)]

    refs, places = of_type(LegalRef), of_type(Place)
    resolve_short_forms(refs)
    result.facts.extend(find_links(doc, refs))
    mark_issue_dates(refs, of_type(DateFact))
    place_context(doc, places, of_type(Count))
    place_of_organizations(of_type(Organization), places)
    assign_registry_keys(refs, doc.main_province)
    key_link_ends(of_type(LegalLink), refs)
    text = doc.text
    for f in result.facts:
        f.doc_id = doc.doc_id
        f.sentence_idx = doc.sentence_of(f.start_char)
        f.surface = text[f.start_char:f.end_char]
    return result
