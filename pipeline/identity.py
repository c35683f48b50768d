"""Identity of a cited document, following DOMAIN.md, in one place:
- normative documents (N/YYYY/TYPE-ISSUER, laws, ordinances): the code alone;
- Party documents (N-TYPE/ISSUER): code + the Party term of its date;
- administrative documents (no year in the code): code + year of issue, + province for
  UBND/HĐND/BCĐ and other local issuers (every province has a 30/CT-UBND).
An unknown part is '?', so a key still groups what is certainly the same document.

`DocumentKey` is the typed key; its text form ("30/CT-UBND@2012@56") is what the database stores
in `registry_key`, `src_key` and `dst_key`. This module also owns the resolution of short forms
across the corpus and the registry views (`legal_documents`, `citations`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import regex

from vietmine.facts import LegalRef
from vietmine.gazetteer import load_json

_NORMATIVE = regex.compile(r"^\d+[a-c]?/(?:19|20)\d{2}/")
_PARTY = regex.compile(r"^\d+[a-c]?-[^/]+/")
UNKNOWN = "?"


@dataclass(frozen=True, order=True)
class DocumentKey:
    code: str
    scope: str = "normative"  # normative, party, administrative, local
    term: str | None = None       # party
    year: str | None = None       # administrative, local
    province: str | None = None   # local

    def __str__(self) -> str:
        parts = {"normative": [], "party": [self.term], "administrative": [self.year],
                 "local": [self.year, self.province]}[self.scope]
        return "@".join([self.code, *(p or UNKNOWN for p in parts)])

    @classmethod
    def parse(cls, text: str) -> "DocumentKey":
        code, *parts = text.split("@")
        parts = [None if p == UNKNOWN else p for p in parts]
        if not parts:
            return cls(code)
        if len(parts) == 2:
            return cls(code, "local", year=parts[0], province=parts[1])
        return cls(code, "party", term=parts[0]) if _PARTY.match(code) else cls(code, "administrative", year=parts[0])

    @property
    def complete(self) -> bool:
        return UNKNOWN not in str(self).split("@")[1:]

    def could_be(self, other: "DocumentKey") -> bool:
        """Whether `other` (complete) may be this partially known document."""
        if (self.code, self.scope) != (other.code, other.scope):
            return False
        return all(mine is None or mine == theirs for mine, theirs in
                   ((self.term, other.term), (self.year, other.year), (self.province, other.province)))


def party_term(date: dt.date | None) -> str | None:
    if date is None:
        return None
    for t in load_json("legal.json")["party_terms"]:
        if dt.date.fromisoformat(t["from"]) <= date <= dt.date.fromisoformat(t["to"]):
            return t["term"]
    return None


def is_place_bound(code: str) -> bool:
    issuers = set(regex.split(r"[/-]", code)[1:])
    return bool(issuers & set(load_json("legal.json")["place_bound_issuers"]))


def key_of(ref: LegalRef, main_province: str | None) -> DocumentKey | None:
    code = ref.code
    if not code:
        return None
    if _NORMATIVE.match(code):
        return DocumentKey(code)
    if _PARTY.match(code):
        return DocumentKey(code, "party", term=party_term(ref.issue_date))
    year = str(ref.issue_date.year) if ref.issue_date else None
    if is_place_bound(code):
        return DocumentKey(code, "local", year=year, province=main_province)
    return DocumentKey(code, "administrative", year=year)


def resolve_across_corpus(refs: pd.DataFrame) -> pd.DataFrame:
    """Corpus-wide identity, from the rows of every reference (columns rid, doc_id, doc_type, number,
    issuer_code, code, registry_key, resolved_by, province: the citing document's main province).
    Returns the rows to update (rid, code, registry_key, resolved_by).

    1. A short citation left without a code takes the code of the one document of that type,
       number and issuer cited in full elsewhere in the corpus (for local issuers: of its province).
    2. A key with an unknown part ('09-CT/TW@?': a Party directive cited without its date) becomes
       the one complete key in the corpus that it can be, if there is exactly one."""
    refs = refs.astype(object).where(refs.notna(), None)
    updates: dict[int, tuple[str, str, str]] = {}
    full = refs[(refs.resolved_by == "text") & refs.issuer_code.notna() & refs.registry_key.notna()]
    by_citation: dict[tuple, set[str]] = {}
    for row in full.itertuples(index=False):
        key = DocumentKey.parse(row.registry_key)
        by_citation.setdefault((row.doc_type, row.number, row.issuer_code), set()).add(str(key))
    for row in refs[refs.code.isna() & refs.issuer_code.notna()].itertuples(index=False):
        keys = by_citation.get((row.doc_type, row.number, row.issuer_code), set())
        if len(keys) != 1:
            continue
        key = DocumentKey.parse(next(iter(keys)))
        if key.scope == "local" and key.province != row.province:
            continue
        updates[row.rid] = (key.code, str(key), "corpus")

    current = {row.rid: row.registry_key for row in refs.itertuples(index=False) if row.registry_key}
    current.update({rid: key for rid, (_, key, _) in updates.items()})
    complete: dict[tuple[str, str], set[DocumentKey]] = {}
    for text in set(current.values()):
        key = DocumentKey.parse(text)
        if key.complete:
            complete.setdefault((key.code, key.scope), set()).add(key)
    resolved_by = dict(zip(refs.rid, refs.resolved_by))
    codes = dict(zip(refs.rid, refs.code))
    for rid, text in current.items():
        key = DocumentKey.parse(text)
        if key.complete:
            continue
        options = [k for k in complete.get((key.code, key.scope), ()) if key.could_be(k)]
        if len(options) == 1:
            code, _, how = updates.get(rid, (codes[rid], None, resolved_by[rid]))
            updates[rid] = (code, str(options[0]), how)
    return pd.DataFrame([(rid, *u) for rid, u in updates.items()],
                        columns=["rid", "code", "registry_key", "resolved_by"])


# The registry: one row per cited document. Every column is deterministic (no mode() ties):
# the most frequent value, ties broken by the value itself.
VIEWS = [
    """CREATE OR REPLACE VIEW legal_documents AS
       WITH ranked AS (
         SELECT registry_key, code, doc_type, issue_date, issuer, issuer_code, subject, doc_id,
                count(*) OVER (PARTITION BY registry_key, doc_type) AS n_type,
                count(*) OVER (PARTITION BY registry_key, issuer) AS n_issuer,
                count(*) OVER (PARTITION BY registry_key, issuer_code) AS n_icode,
                count(*) OVER (PARTITION BY registry_key, subject) AS n_subject
         FROM legal_refs WHERE registry_key IS NOT NULL)
       SELECT registry_key, min(code) AS code,
              arg_max(doc_type, (n_type, doc_type)) AS doc_type, min(issue_date) AS issue_date,
              arg_max(issuer, (issuer IS NOT NULL, n_issuer, issuer)) AS issuer,
              arg_max(issuer_code, (issuer_code IS NOT NULL, n_icode, issuer_code)) AS issuer_code,
              arg_max(subject, (subject IS NOT NULL, n_subject, subject)) AS subject,
              count(*) AS mentions, count(DISTINCT doc_id) AS citing_documents
       FROM ranked GROUP BY registry_key""",
    """CREATE OR REPLACE VIEW citations AS
       SELECT r.doc_id, r.registry_key, min(r.code) AS code, min(r.doc_type) AS doc_type,
              count(*) AS mentions, min(r.issue_date) AS issue_date, min(d.published) AS published,
              min(d.main_province) AS province
       FROM legal_refs r JOIN documents d USING (doc_id)
       WHERE r.registry_key IS NOT NULL GROUP BY r.doc_id, r.registry_key""",
    # What happened to each registry document according to the corpus: one row per later act
    # on it (amends, replaces, repeals, suspends) with the acting document, its date and the whole
    # sentence that states it; documents nothing acts on have one row with NULL act columns.
    # `status` is the strongest act: repealed > replaced > suspended > amended > in force.
    """CREATE OR REPLACE VIEW document_status AS
       WITH acts AS (
         SELECT l.dst_key AS registry_key, l.src_key AS by_key, l.src_code AS by_code, l.relation, l.doc_id,
                coalesce(src.issue_date, d.published) AS act_date,
                substr(d.text, s.start_char + 1, s.end_char - s.start_char) AS evidence
         FROM legal_links l JOIN documents d USING (doc_id)
         LEFT JOIN sentences s ON s.doc_id = l.doc_id AND s.sentence_idx = l.sentence_idx
         LEFT JOIN legal_documents src ON src.registry_key = l.src_key
         WHERE l.relation IN ('amends', 'replaces', 'repeals', 'suspends') AND l.dst_key IS NOT NULL),
       ranked AS (
         SELECT registry_key, max(CASE relation WHEN 'repeals' THEN 4 WHEN 'replaces' THEN 3
                                                WHEN 'suspends' THEN 2 ELSE 1 END) AS strength
         FROM acts GROUP BY registry_key)
       SELECT g.registry_key, g.code, g.doc_type, g.issue_date,
              CASE r.strength WHEN 4 THEN 'repealed' WHEN 3 THEN 'replaced' WHEN 2 THEN 'suspended'
                              WHEN 1 THEN 'amended' ELSE 'in force' END AS status,
              a.relation, a.by_key, a.by_code, a.act_date, a.evidence, a.doc_id
       FROM legal_documents g LEFT JOIN ranked r USING (registry_key) LEFT JOIN acts a USING (registry_key)""",
]

