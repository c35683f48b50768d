"""`vietmine gold export`: the database's facts for some documents as a draft gold file, one JSON
line per document in the format of the shared annotation guide (GUIDE.md of the shared gold files), for a researcher
to correct in an editor and score with `vietmine eval`: the pipeline measured on their own texts.

Every entry is what the guide asks for (one per distinct reference, place, organisation, person
and day; one per count mention), plus where the text writes it: `surface` (the words) and
`start`/`end` (character offsets into the stored text, as every fact table has them). The guide
writes dates as bare ISO strings, and so does the draft. eval reads the extra keys as notes."""
from __future__ import annotations

import json
import os
from collections import Counter

from vietmine.corpus.sources import SourceKey
from vietmine.views.evaluate import head_key, majority_code
from vietmine.views.rows import facts_of


def _number(v):
    """27.0 -> 27 (the guide writes counts as JSON numbers)."""
    return None if v is None else int(v) if float(v).is_integer() else float(v)


def _where(f: dict) -> dict:
    return {"surface": f["surface"], "start": f["start_char"], "end": f["end_char"]}


def _first(rows: list[dict], key) -> list[dict]:
    """The first mention of each distinct `key(row)`, in text order."""
    seen: dict = {}
    for f in rows:
        seen.setdefault(key(f), f)
    return list(seen.values())


def _legal_refs(rows):
    codes: dict[tuple, Counter] = {}
    for f in rows:
        if f["code"]:
            codes.setdefault((f["doc_type"], f["number"]), Counter())[f["code"]] += 1
    out = []
    for f in _first(rows, lambda f: (f["doc_type"], f["number"])):
        same = [r for r in rows if (r["doc_type"], r["number"]) == (f["doc_type"], f["number"])]
        date = next((r["issue_date"] for r in same if r["issue_date"]), None)
        out.append({"type": f["doc_type"], "number": f["number"],
                    "code": majority_code(codes.get((f["doc_type"], f["number"]), Counter())),
                    "date": date.isoformat() if date else None,
                    "issuer": next((r["issuer"] for r in same if r["issuer"]), None), **_where(f)})
    return out


def _links(rows):
    return [{"src": f["src_code"], "dst": f["dst_code"], "relation": f["relation"], **_where(f)}
            for f in _first(rows, lambda f: (f["src_code"], f["dst_code"]))]


def _counts(rows):
    out = []
    for f in rows:
        entry = {"value": _number(f["value"]), "head": head_key(f["entity"]), "cmp": f["cmp"],
                 "percent": bool(f["is_percent"]), "of": _number(f["denominator"])}
        if f.get("value_max") is not None:
            entry["max"] = _number(f["value_max"])
        out.append({**entry, **_where(f)})
    # eval matches counts one to one, taking gold lines in order: where one head starts another
    # ("hộ", "hộ nghèo") for the same figure, the longer goes first so that each finds its own
    groups: dict[tuple, list[int]] = {}
    for i, e in enumerate(out):
        groups.setdefault((e["value"], e["cmp"], e["percent"]), []).append(i)
    for places in groups.values():
        ordered = sorted((out[i] for i in places), key=lambda e: -len(e["head"]))
        for i, e in zip(places, ordered):
            out[i] = e
    return out


def _places(rows):
    from vietmine.gazetteer.text import name_key

    return [{"name": f["name"], "level": f["level"], **_where(f)}
            for f in _first(rows, lambda f: (name_key(f["name"]), name_key(f["level"])))]


def _dates(rows):
    return list(dict.fromkeys(f["value"].isoformat() for f in rows if f["precision"] == "day"))


def _organizations(rows):
    return [{"name": f["normalized"] or f["name"], "surface": f["surface"], "start": f["start_char"],
             "end": f["end_char"]} for f in _first(rows, lambda f: f["normalized"] or f["name"])]


def _people(rows):
    return [{"name": f["name"], "position": f["position"], "rank": f["rank"], **_where(f)}
            for f in _first(rows, lambda f: f["name"])]


# gold key of the guide -> (fact table, entries of one document's rows)
ENTRIES = {"legal_refs": ("legal_refs", _legal_refs), "links": ("legal_links", _links), "counts": ("counts", _counts),
           "places": ("places", _places), "dates": ("dates", _dates),
           "organizations": ("organizations", _organizations), "people": ("people", _people)}


def _plain_name(source_key: str) -> str:
    """How the guide names a document: a feed article by its id, a file by its name."""
    source = SourceKey.parse(source_key)
    return source.item if source.is_item else os.path.basename(source.file)


def gold_lines(con, doc_ids: list[str]) -> list[dict]:
    """One draft gold line per document, in the order given."""
    documents = {d: (_plain_name(k), p) for d, k, p in
                 con.execute("SELECT doc_id, source_key, source_path FROM documents").fetchall()}
    taken = Counter(name for name, _ in documents.values())
    facts = facts_of(con, doc_ids, [table for table, _ in ENTRIES.values()])
    lines = []
    for doc_id in doc_ids:
        name, path = documents[doc_id]
        # a name another stored document shares would name both: the source path names one
        line = {"doc": name if taken[name] == 1 else path}
        for key, (table, make) in ENTRIES.items():
            line[key] = make(facts[doc_id].get(table, []))
        lines.append(line)
    return lines


def write_gold(lines: list[dict], path: str) -> None:
    """JSON lines, written beside the target and renamed into place when whole."""
    tmp = f"{path}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    os.replace(tmp, path)
