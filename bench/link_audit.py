"""Recall audit of links beyond the gold: sentences that hold a link cue but produced no link.

A sentence holds a cue when it has
  - a link verb of the rules (gazetteer/data/legal.json "link_verbs") and at least two coded
    references ("verb:<relation>"), or
  - a "Căn cứ"/"Thực hiện"-style opener (legal.json "links.frames") and a coded reference that
    something can be based on or implement: a second coded reference in the sentence, or the text's
    own number ("opener:<word>").
It produced no link when no link of the document ends inside it. The script counts cue sentences
per cue, with and without a link, and prints a random sample of the unlinked ones; --links FILE
writes every link found (JSON lines), to diff two runs of the rules (--diff OLD NEW).

usage: python bench/link_audit.py [--bench-docs N] [--sample 8] [--links out.jsonl] [--seed 1]
       python bench/link_audit.py --diff before.jsonl after.jsonl [--sample 40]
"""
from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent

from vietmine.corpus.readers import read_paths  # noqa: E402
from vietmine.extractors.legal_refs import extract  # noqa: E402
from vietmine.facts import Problem  # noqa: E402
from vietmine.gazetteer import load_json  # noqa: E402
from vietmine.pipeline.clean import CleanError, DecodeError, clean  # noqa: E402
from vietmine.pipeline.links import _own, find_links  # noqa: E402
from vietmine.pipeline.resolve import resolve_short_forms  # noqa: E402
from vietmine.pipeline.segment import segment  # noqa: E402


def _default_shared() -> Path:
    for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if p.exists():
            return p
    return ROOT.parent / "shared"


def _flat(s: str) -> str:
    return regex.sub(r"\s+", " ", s)


def cue_patterns():
    cfg = load_json("legal.json")
    verbs = [(v["relation"], regex.compile(rf"(?i)(?<!\p{{L}})(?:{v['pattern']})(?!\p{{L}})")) for v in cfg["link_verbs"]]
    frames = "|".join(f["pattern"] for f in cfg["links"]["frames"])
    opener = regex.compile(rf"(?i)^[\W\d]*(?:[a-zđ][.)]\s*)?(?P<w>{frames})(?!\p{{L}})")
    return verbs, opener


def audit_doc(doc, refs, links, verbs, opener):
    """(cue, linked, sentence start, sentence end) for each cue sentence of one document. A sentence
    is linked when a link of the document joins two documents it names (the text's own number
    counts as named): a link is stored once per document, a repeated statement is still linked."""
    own = _own(doc.text, sorted(refs, key=lambda r: r.start_char))
    pairs = {(ln.src_code, ln.dst_code) for ln in links}
    coded = sorted((r.start_char, r.code) for r in refs if r.code and r is not own)
    out = []
    text = doc.text
    for s, e in doc.sentences:
        codes = {c for p, c in coded if s <= p < e}
        n = sum(1 for p, _ in coded if s <= p < e)
        if n == 0:
            continue
        sent = text[s:e]
        cue = None
        om = opener.match(sent)
        if om and (n >= 2 or own is not None):
            cue = "opener:" + _flat(om["w"].lower())
        elif n >= 2:
            for rel, pat in verbs:
                if pat.search(sent):
                    cue = "verb:" + rel
                    break
        if cue:
            named = codes | ({own.code} if own is not None else set())
            linked = any(a in named and b in codes for a, b in pairs)
            out.append((cue, linked, s, e))
    return out


def docs(bench_docs: int, shared: Path):
    paths = [str(shared / "texts")]
    if bench_docs:
        paths.append(str(shared / "bench" / "baomoi-2017.jsonl.gz"))
    n_bench = 0
    for raw in read_paths(paths, exclude=["SOURCES.md"]):
        if isinstance(raw, Problem):
            continue
        if raw.fmt == "json":
            n_bench += 1
            if n_bench > bench_docs:
                return
        try:
            yield raw.source_path, clean(raw)
        except (CleanError, DecodeError):
            continue


def run(args):
    verbs, opener = cue_patterns()
    totals = collections.Counter()
    unlinked = collections.defaultdict(list)
    n_docs = n_links = 0
    out = open(args.links, "w", encoding="utf-8") if args.links else None
    for path, doc in docs(args.bench_docs, Path(args.shared)):
        n_docs += 1
        refs = extract(doc)
        if not any(r.code for r in refs):
            continue
        segment(doc)
        resolve_short_forms(refs)
        links = find_links(doc, refs)
        n_links += len(links)
        if out:
            for ln in links:
                out.write(json.dumps({"doc": path, "src": ln.src_code, "dst": ln.dst_code, "rel": ln.relation,
                                      "evidence": ln.evidence}, ensure_ascii=False) + "\n")
        for cue, linked, s, e in audit_doc(doc, refs, links, verbs, opener):
            totals[(cue, linked)] += 1
            if not linked:
                unlinked[cue].append((path, doc.text[s:e]))
    if out:
        out.close()
    rng = random.Random(args.seed)
    cues = sorted({c for c, _ in totals}, key=lambda c: -(totals[(c, True)] + totals[(c, False)]))
    print(f"{n_docs} documents, {n_links} links")
    print(f"{'cue':28} {'sentences':>9} {'linked':>7} {'unlinked':>8}")
    for c in cues:
        print(f"{c:28} {totals[(c, True)] + totals[(c, False)]:9d} {totals[(c, True)]:7d} {totals[(c, False)]:8d}")
    print(f"{'all':28} {sum(totals.values()):9d} {sum(v for (c, l), v in totals.items() if l):7d} "
          f"{sum(v for (c, l), v in totals.items() if not l):8d}")
    for c in cues:
        items = unlinked.get(c, [])
        for path, sent in rng.sample(items, min(args.sample, len(items))):
            print(f"\n[{c}] {Path(path).name}\n  {_flat(sent)[:700]}")


def diff(args):
    def load(p):
        rows = [json.loads(line) for line in open(p, encoding="utf-8")]
        return {(r["doc"], r["src"], r["dst"], r["rel"]): r for r in rows}
    old, new = load(args.diff[0]), load(args.diff[1])
    gained, lost = sorted(set(new) - set(old)), sorted(set(old) - set(new))
    print(f"links: {len(old)} -> {len(new)}; new {len(gained)}, lost {len(lost)}")
    rng = random.Random(args.seed)
    for name, keys, rows in (("NEW", gained, new), ("LOST", lost, old)):
        for k in sorted(rng.sample(keys, min(args.sample, len(keys)))):
            ev = _flat(rows[k]["evidence"])
            print(f"\n{name} {Path(k[0]).name} {k[1]} -{k[3]}-> {k[2]}\n  {ev[-500:]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench-docs", type=int, default=35440, help="first N bench articles (0: shared texts only)")
    ap.add_argument("--shared", default=str(_default_shared()))
    ap.add_argument("--sample", type=int, default=8, help="unlinked sentences printed per cue")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--links", help="write every link found to this JSON-lines file")
    ap.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"), help="compare two --links files")
    args = ap.parse_args()
    diff(args) if args.diff else run(args)


if __name__ == "__main__":
    main()
