"""Identity of a cited document, following DOMAIN.md, in one place:
- normative documents (N/YYYY/TYPE-ISSUER, laws, ordinances): the code alone;
- Party documents (N-TYPE/ISSUER): code + the Party term of its date;
- administrative documents (no year in the code): code + year of issue, + province for
  UBND/HĐND/BCĐ and other local issuers (every province has a 30/CT-UBND).
An unknown part is '?', so a key still groups what is certainly the same document.

`DocumentKey` is the typed key; its text form ("30/CT-UBND@2012@56") is what the database stores
in `registry_key`, `src_key` and `dst_key` (pipeline/resolve_corpus.py completes keys across the
corpus; the registry views that group by them are in pipeline/migrations.py)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
