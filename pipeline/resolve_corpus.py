"""Resolve across the corpus: the stage after every batch of a run is analysed and before the
writer applies it. What the corpus decides is a function of what each document says on its own,
recomputed whole each time, so that removing or replacing a document also takes back what other
documents had from it:

0. Each stored reference's own state is read back: its code unless it came from the corpus, and
   the identity its document alone gives it (pipeline/resolve.py assign_registry_keys).
1. A short citation left without a code takes the code of the one document of that type, number
   and issuer cited in full elsewhere in the corpus (for local issuers: of its province).
2. A key with an unknown part ('09-CT/TW@?': a Party directive cited without its date) becomes the
   one complete key in the corpus that it can be, if there is exactly one.
3. The rows whose stored state differs from that are updated (a code from a document no longer in
   the corpus is taken back), and the documents whose references' codes changed get their links
   read again.

Plain data in, plain data out: the store (pipeline/store.py) reads the inputs and writes the result."""
from __future__ import annotations

import functools
from typing import Callable

import pandas as pd

from vietmine.facts import CorpusResolution, LegalRef, StoredDocument
from vietmine.gazetteer import MEMO_ENTRIES
from vietmine.pipeline.identity import DocumentKey, key_of
from vietmine.pipeline.resolve import relink

STATE = ["code", "registry_key", "resolved_by"]


def resolve_corpus(refs: pd.DataFrame, load: Callable[[list[str]], list[StoredDocument]]) -> CorpusResolution:
    """`refs`: every stored reference (rid, doc_id, doc_type, number, issuer_code, code, registry_key,
    resolved_by, issue_date, start_char, province: the citing document's main province); `load`: the
    stored documents of these ids, with their references."""
    refs = refs.astype(object).where(refs.notna(), None)
    target = own_state(refs)
    for row in resolve_across_corpus(target).itertuples(index=False):
        target.loc[row.rid, STATE] = [row.code, row.registry_key, row.resolved_by]
    stored, target = refs.set_index("rid")[STATE], target[STATE]
    differs = ~((stored == target) | (stored.isna() & target.isna())).all(axis=1)
    updates = target[differs].reset_index()[["rid", *STATE]]
    result = CorpusResolution(updates)
    if updates.empty:
        return result
    recoded = differs & ~((stored.code == target.code) | (stored.code.isna() & target.code.isna()))
    by_rid = target.to_dict("index")
    for doc in load(sorted(set(refs.set_index("rid")[recoded].doc_id))):
        for rid, ref in doc.refs:
            ref.code, ref.registry_key, ref.resolved_by = (by_rid[rid][c] for c in STATE)
        result.links[doc.document.doc_id] = relink(doc.document, [ref for _, ref in doc.refs])
    return result


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def _own_key(code: str, issue_date, province: str | None) -> str:
    return str(key_of(LegalRef("", "", code, 0, 0, issue_date=issue_date), province))


def own_state(refs: pd.DataFrame) -> pd.DataFrame:
    """The references as their documents alone resolve them (indexed by rid, with the columns the
    corpus steps read): a code from the corpus dropped, and every code's identity from the fullest
    mention of it in the document (the first one with a date, else the first), as
    pipeline/resolve.py assign_registry_keys gives it."""
    own = refs.set_index("rid")[["doc_id", "doc_type", "number", "issuer_code", "province", *STATE]].copy()
    from_corpus = own.resolved_by == "corpus"
    own.loc[from_corpus, ["code", "resolved_by"]] = None
    own["registry_key"] = None
    coded = refs[~from_corpus.to_numpy() & refs.code.notna().to_numpy()]
    ordered = coded.assign(undated=coded.issue_date.isna()).sort_values(["undated", "start_char"], kind="stable")
    best = ordered.drop_duplicates(["doc_id", "code"])
    keys = {(d, c): _own_key(c, None if i is None else i.date(), p)
            for d, c, i, p in best[["doc_id", "code", "issue_date", "province"]].itertuples(index=False)}
    own.loc[coded.rid, "registry_key"] = [keys[(d, c)] for d, c in zip(coded.doc_id, coded.code)]
    return own


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def _canonical(key: str) -> str:
    return str(DocumentKey.parse(key))


def resolve_across_corpus(refs: pd.DataFrame) -> pd.DataFrame:
    """Corpus-wide identity, from the references' own state (indexed by rid; columns doc_id, doc_type,
    number, issuer_code, code, registry_key, resolved_by, province: the citing document's main
    province). Returns the rows that change (rid, code, registry_key, resolved_by).

    1. A short citation left without a code takes the code of the one document of that type,
       number and issuer cited in full elsewhere in the corpus (for local issuers: of its province).
    2. A key with an unknown part ('09-CT/TW@?': a Party directive cited without its date) becomes
       the one complete key in the corpus that it can be, if there is exactly one."""
    refs = refs.reset_index()
    updates: dict[int, tuple[str, str, str]] = {}
    full = refs[(refs.resolved_by == "text") & refs.issuer_code.notna() & refs.registry_key.notna()]
    by_citation: dict[tuple, set[str]] = {}
    for row in full.itertuples(index=False):
        by_citation.setdefault((row.doc_type, row.number, row.issuer_code), set()).add(_canonical(row.registry_key))
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
    holders: dict[str, list[int]] = {}  # each key once: a corpus has far fewer keys than references
    for rid, text in current.items():
        holders.setdefault(text, []).append(rid)
    parsed = {text: DocumentKey.parse(text) for text in holders}
    complete: dict[tuple[str, str], set[DocumentKey]] = {}
    for key in parsed.values():
        if key.complete:
            complete.setdefault((key.code, key.scope), set()).add(key)
    resolved_by = dict(zip(refs.rid, refs.resolved_by))
    codes = dict(zip(refs.rid, refs.code))
    for text, key in parsed.items():
        if key.complete:
            continue
        options = [k for k in complete.get((key.code, key.scope), ()) if key.could_be(k)]
        if len(options) == 1:
            for rid in holders[text]:
                code, _, how = updates.get(rid, (codes[rid], None, resolved_by[rid]))
                updates[rid] = (code, str(options[0]), how)
    return pd.DataFrame([(rid, *u) for rid, u in updates.items()],
                        columns=["rid", "code", "registry_key", "resolved_by"])
