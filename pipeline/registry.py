"""Identity of a cited document, following DOMAIN.md:
- normative documents (N/YYYY/TYPE-ISSUER, laws, ordinances): the code alone;
- administrative documents (no year in the code): code + year of issue, + province for
  UBND/HĐND/BCĐ and other local issuers (every province has a 30/CT-UBND);
- Party documents (N-TYPE/ISSUER): code + the Party term of its date.
An unknown part is written '?', so the key still groups what is certainly the same document."""
from __future__ import annotations

import datetime as dt

import regex

from gazetteer import load_json
from pipeline.model import LegalRef

_NORMATIVE = regex.compile(r"^\d+[a-c]?/(?:19|20)\d{2}/")
_PARTY = regex.compile(r"^\d+[a-c]?-[^/]+/")


def party_term(date: dt.date | None) -> str:
    if date is None:
        return "?"
    for t in load_json("legal.json")["party_terms"]:
        if dt.date.fromisoformat(t["from"]) <= date <= dt.date.fromisoformat(t["to"]):
            return t["term"]
    return "?"


def registry_key(ref: LegalRef, main_province: str | None) -> str | None:
    code = ref.code
    if not code:
        return None
    if _NORMATIVE.match(code):
        return code
    if _PARTY.match(code):
        return f"{code}@{party_term(ref.issue_date)}"
    year = str(ref.issue_date.year) if ref.issue_date else "?"
    issuers = set(regex.split(r"[/-]", code)[1:])
    if issuers & set(load_json("legal.json")["place_bound_issuers"]):
        return f"{code}@{year}@{main_province or '?'}"
    return f"{code}@{year}"
