"""Scoring against a gold file in the format of gold/GUIDE.md: precision, recall and F1 per fact kind."""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field

import regex

from vietmine.gazetteer.text import name_key

_HEAD_STRIP = regex.compile(r"^(?:(?:các|những|mỗi|số|toàn bộ|tổng số)\s+)+")


def head_key(s: str | None) -> str:
    return _HEAD_STRIP.sub("", (s or "").lower().strip())


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = field(default_factory=list)
    spurious: list = field(default_factory=list)

    @property
    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add_sets(self, doc, pred: set, gold: set):
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)
        self.misses += [(doc, g) for g in sorted(gold - pred, key=str)]
        self.spurious += [(doc, p) for p in sorted(pred - gold, key=str)]


def _doc_ids(con, gold_doc: str) -> list[str]:
    rows = con.execute("SELECT doc_id, source_path FROM documents").fetchall()
    base = os.path.basename(gold_doc)
    return [d for d, p in rows if os.path.basename(p.split("#")[0]) == base or p.endswith("#" + gold_doc)]


def _match_counts(pred: list[tuple], gold: list[dict]) -> tuple[int, list, list]:
    """One-to-one: a prediction matches a gold count with equal value, cmp and percent whose
    counted phrase starts with the gold head."""
    unused = list(pred)
    misses = []
    tp = 0
    for g in gold:
        gh = head_key(g.get("head"))
        hit = next((p for p in unused if p[0] == float(g["value"]) and p[2] == g.get("cmp", "eq")
                    and bool(p[3]) == bool(g.get("percent")) and head_key(p[1]).startswith(gh)), None)
        if hit is None:
            misses.append(g)
        else:
            unused.remove(hit)
            tp += 1
    return tp, misses, unused


def evaluate(gold_path: str, con) -> dict[str, Score]:
    kinds = ["legal_refs", "legal_code", "links", "counts", "places", "dates"]
    scores = {k: Score() for k in kinds}
    with open(gold_path, encoding="utf-8") as fh:
        golds = [json.loads(line) for line in fh if line.strip()]
    for g in golds:
        doc = g["doc"]
        ids = _doc_ids(con, doc)
        q = lambda sql: con.execute(sql.format(ids=",".join("?" * max(len(ids), 1))), ids or [""]).fetchall()  # noqa: E731
        refs = q("SELECT doc_type, number, code FROM legal_refs WHERE doc_id IN ({ids})")
        pred_refs = {(t, n) for t, n, _ in refs}
        codes: dict[tuple, Counter] = {}
        for t, n, c in refs:
            if c:
                codes.setdefault((t, n), Counter())[c] += 1
        gold_refs = {(r["type"], r["number"]) for r in g.get("legal_refs", [])}
        scores["legal_refs"].add_sets(doc, pred_refs, gold_refs)
        for r in g.get("legal_refs", []):
            key = (r["type"], r["number"])
            if r.get("code") and key in pred_refs:
                got = codes.get(key, Counter()).most_common(1)
                ok = bool(got) and got[0][0] == r["code"]
                sc = scores["legal_code"]
                sc.tp += ok
                sc.fn += not ok
                if not ok:
                    sc.misses.append((doc, (key, r["code"], got[0][0] if got else None)))
        links = {(s, d) for s, d in q("SELECT src_code, dst_code FROM legal_links WHERE doc_id IN ({ids})")}
        scores["links"].add_sets(doc, links, {(ln["src"], ln["dst"]) for ln in g.get("links", [])})
        pc = q("SELECT value, entity, cmp, is_percent FROM counts WHERE doc_id IN ({ids})")
        tp, miss, spur = _match_counts(pc, g.get("counts", []))
        sc = scores["counts"]
        sc.tp += tp
        sc.fn += len(miss)
        sc.fp += len(spur)
        sc.misses += [(doc, m) for m in miss]
        sc.spurious += [(doc, s) for s in spur]
        places = {(name_key(n), name_key(lv)) for n, lv in q("SELECT name, level FROM places WHERE doc_id IN ({ids})")}
        scores["places"].add_sets(doc, places, {(name_key(p["name"]), name_key(p["level"])) for p in g.get("places", [])})
        dates = {str(v) for (v,) in q("SELECT DISTINCT value FROM dates WHERE precision = 'day' AND doc_id IN ({ids})")}
        scores["dates"].add_sets(doc, dates, set(g.get("dates", [])))
    return scores


def format_table(scores: dict[str, Score]) -> str:
    lines = [f"{'kind':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for k, s in scores.items():
        if k == "legal_code":
            acc = s.tp / (s.tp + s.fn) if s.tp + s.fn else 0.0
            lines.append(f"{'code acc.':<12} {acc:>20.3f} {s.tp:>5} {'':>5} {s.fn:>5}")
        else:
            lines.append(f"{k:<12} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.tp:>5} {s.fp:>5} {s.fn:>5}")
    return "\n".join(lines)
