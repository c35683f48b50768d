"""Resolve across the corpus: the stage after every batch of a run is analysed and before the
writer applies it. Reads what the corpus already holds (every reference's identity), and decides:

1. A short citation left without a code takes the code of the one document of that type, number
   and issuer cited in full elsewhere in the corpus (for local issuers: of its province).
2. A key with an unknown part ('09-CT/TW@?': a Party directive cited without its date) becomes the
   one complete key in the corpus that it can be, if there is exactly one.
3. The documents whose references took a code from the corpus get their links read again.

Plain data in, plain data out: the store (pipeline/store.py) reads the inputs and writes the result."""
from __future__ import annotations

from typing import Callable

import pandas as pd

from vietmine.facts import CorpusResolution, StoredDocument
from vietmine.pipeline.identity import DocumentKey
from vietmine.pipeline.resolve import relink


def resolve_corpus(refs: pd.DataFrame, load: Callable[[list[str]], list[StoredDocument]]) -> CorpusResolution:
    """`refs`: every stored reference (rid, doc_id, doc_type, number, issuer_code, code, registry_key,
    resolved_by, province: the citing document's main province); `load`: the stored documents of
    these ids, with their references."""
    updates = resolve_across_corpus(refs)
    result = CorpusResolution(updates)
    if updates.empty:
        return result
    newly_coded = set(updates[updates.resolved_by == "corpus"].rid)
    by_rid = {row.rid: row for row in updates.itertuples(index=False)}
    for stored in load(sorted(set(refs[refs.rid.isin(newly_coded)].doc_id))):
        for rid, ref in stored.refs:
            if rid in by_rid:
                u = by_rid[rid]
                ref.code, ref.registry_key, ref.resolved_by = u.code, u.registry_key, u.resolved_by
        result.links[stored.document.doc_id] = relink(stored.document, [ref for _, ref in stored.refs])
    return result


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
