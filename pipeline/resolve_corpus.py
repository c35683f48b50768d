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

Plain data in (dicts), plain data out: the store (pipeline/store.py) reads the inputs and writes the result."""
from __future__ import annotations

import functools
from typing import Callable

from vietmine.facts import CorpusResolution, LegalRef, StoredDocument
from vietmine.gazetteer import MEMO_ENTRIES
from vietmine.pipeline.identity import DocumentKey, key_of
from vietmine.pipeline.resolve import relink

STATE = ("code", "registry_key", "resolved_by")
LOAD_DOCS = 200  # documents read back at a time to read their links again


def resolve_corpus(refs: list[dict], load: Callable[[list[str]], list[StoredDocument]]) -> CorpusResolution:
    """`refs`: every stored reference (rid, doc_id, doc_type, number, issuer_code, code, registry_key,
    resolved_by, issue_date, start_char, province: the citing document's main province); `load`: the
    stored documents of these ids, with their references."""
    target = own_state(refs)
    for rid, state in resolve_across_corpus(target).items():
        target[rid].update(zip(STATE, state))
    updates, recoded = [], set()
    for ref in refs:
        now = target[ref["rid"]]
        if any(ref[c] != now[c] for c in STATE):
            updates.append((ref["rid"], *(now[c] for c in STATE)))
            if ref["code"] != now["code"]:
                recoded.add(ref["doc_id"])
    result = CorpusResolution(updates)
    recoded_ids = sorted(recoded) if updates else []
    for i in range(0, len(recoded_ids), LOAD_DOCS):  # a few documents' texts in memory at a time
        for doc in load(recoded_ids[i:i + LOAD_DOCS]):
            for rid, ref in doc.refs:
                ref.code, ref.registry_key, ref.resolved_by = (target[rid][c] for c in STATE)
            result.links[doc.document.doc_id] = relink(doc.document, [ref for _, ref in doc.refs])
    return result


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def _own_key(code: str, issue_date, province: str | None) -> str:
    return str(key_of(LegalRef("", "", code, 0, 0, issue_date=issue_date), province))


def own_state(refs: list[dict]) -> dict[int, dict]:
    """The references as their documents alone resolve them (by rid, with the fields the corpus
    steps read): a code from the corpus dropped, and every code's identity from the fullest mention
    of it in the document (the first one with a date, else the first), as pipeline/resolve.py
    assign_registry_keys gives it."""
    own = {}
    for ref in refs:
        state = {c: ref[c] for c in ("doc_id", "doc_type", "number", "issuer_code", "province", *STATE)}
        if ref["resolved_by"] == "corpus":
            state["code"] = state["resolved_by"] = None
        state["registry_key"] = None
        own[ref["rid"]] = state
    coded = [ref for ref in refs if ref["resolved_by"] != "corpus" and ref["code"] is not None]
    best: dict[tuple[str, str], dict] = {}
    for ref in sorted(coded, key=lambda r: (r["issue_date"] is None, r["start_char"])):  # stable
        best.setdefault((ref["doc_id"], ref["code"]), ref)
    keys = {dc: _own_key(dc[1], ref["issue_date"], ref["province"]) for dc, ref in best.items()}
    for ref in coded:
        own[ref["rid"]]["registry_key"] = keys[(ref["doc_id"], ref["code"])]
    return own


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def _canonical(key: str) -> str:
    return str(DocumentKey.parse(key))


def resolve_across_corpus(refs: dict[int, dict]) -> dict[int, tuple[str, str, str]]:
    """Corpus-wide identity, from the references' own state (by rid: doc_id, doc_type, number,
    issuer_code, code, registry_key, resolved_by, province: the citing document's main province).
    Returns the references that change: rid -> (code, registry_key, resolved_by).

    1. A short citation left without a code takes the code of the one document of that type,
       number and issuer cited in full elsewhere in the corpus (for local issuers: of its province).
    2. A key with an unknown part ('09-CT/TW@?': a Party directive cited without its date) becomes
       the one complete key in the corpus that it can be, if there is exactly one."""
    updates: dict[int, tuple[str, str, str]] = {}
    by_citation: dict[tuple, set[str]] = {}
    for ref in refs.values():
        if ref["resolved_by"] == "text" and ref["issuer_code"] is not None and ref["registry_key"] is not None:
            by_citation.setdefault((ref["doc_type"], ref["number"], ref["issuer_code"]), set()).add(
                _canonical(ref["registry_key"]))
    for rid, ref in refs.items():
        if ref["code"] is not None or ref["issuer_code"] is None:
            continue
        keys = by_citation.get((ref["doc_type"], ref["number"], ref["issuer_code"]), set())
        if len(keys) != 1:
            continue
        key = DocumentKey.parse(next(iter(keys)))
        if key.scope == "local" and key.province != ref["province"]:
            continue
        updates[rid] = (key.code, str(key), "corpus")

    current = {rid: ref["registry_key"] for rid, ref in refs.items() if ref["registry_key"]}
    current.update({rid: key for rid, (_, key, _) in updates.items()})
    holders: dict[str, list[int]] = {}  # each key once: a corpus has far fewer keys than references
    for rid, text in current.items():
        holders.setdefault(text, []).append(rid)
    parsed = {text: DocumentKey.parse(text) for text in holders}
    complete: dict[tuple[str, str], set[DocumentKey]] = {}
    for key in parsed.values():
        if key.complete:
            complete.setdefault((key.code, key.scope), set()).add(key)
    for text, key in parsed.items():
        if key.complete:
            continue
        options = [k for k in complete.get((key.code, key.scope), ()) if key.could_be(k)]
        if len(options) == 1:
            for rid in holders[text]:
                code, _, how = updates.get(rid, (refs[rid]["code"], None, refs[rid]["resolved_by"]))
                updates[rid] = (code, str(options[0]), how)
    return updates
