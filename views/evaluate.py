"""Scoring against a gold file in the format of gold/GUIDE.md: precision, recall and F1 per fact kind.

Each fact kind names its key in a gold line (`Kind.gold_key`, vietmine/facts.py); this module holds
one scorer per gold key, and fails at import when a kind names a key it has no scorer for. A gold
line without a kind's key is not scored for that kind (the seeds have no organisations); a key no
kind scores is reported, never silently ignored."""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

import regex

from vietmine.corpus.sources import SourceKey
from vietmine.facts import KINDS, KindError
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
    accuracy_only: bool = False  # a share of matched facts (code accuracy), not a P/R/F1 row

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


Query = Callable[[str], list[tuple]]  # SQL with {ids} -> rows of the document's facts


def score_legal_refs(q: Query, gold: list[dict], doc: str, scores: dict[str, Score]) -> None:
    """By (type, number); and, separately, the share of matched references whose code equals a
    non-null gold code."""
    refs = q("SELECT doc_type, number, code FROM legal_refs WHERE doc_id IN ({ids})")
    pred_refs = {(t, n) for t, n, _ in refs}
    codes: dict[tuple, Counter] = {}
    for t, n, c in refs:
        if c:
            codes.setdefault((t, n), Counter())[c] += 1
    scores["legal_refs"].add_sets(doc, pred_refs, {(r["type"], r["number"]) for r in gold})
    sc = scores.setdefault("legal_refs:code", Score(accuracy_only=True))
    for r in gold:
        key = (r["type"], r["number"])
        if r.get("code") and key in pred_refs:
            got = codes.get(key, Counter()).most_common(1)
            ok = bool(got) and got[0][0] == r["code"]
            sc.tp += ok
            sc.fn += not ok
            if not ok:
                sc.misses.append((doc, (key, r["code"], got[0][0] if got else None)))


def score_links(q: Query, gold: list[dict], doc: str, scores: dict[str, Score]) -> None:
    links = set(q("SELECT src_code, dst_code FROM legal_links WHERE doc_id IN ({ids})"))
    scores["links"].add_sets(doc, links, {(ln["src"], ln["dst"]) for ln in gold})


def score_counts(q: Query, gold: list[dict], doc: str, scores: dict[str, Score]) -> None:
    """One to one: a prediction matches a gold count with equal value, cmp and percent whose
    counted phrase starts with the gold head."""
    unused = q("SELECT value, entity, cmp, is_percent FROM counts WHERE doc_id IN ({ids})")
    sc = scores["counts"]
    for g in gold:
        gh = head_key(g.get("head"))
        hit = next((p for p in unused if p[0] == float(g["value"]) and p[2] == g.get("cmp", "eq")
                    and bool(p[3]) == bool(g.get("percent")) and head_key(p[1]).startswith(gh)), None)
        if hit is None:
            sc.fn += 1
            sc.misses.append((doc, g))
        else:
            unused.remove(hit)
            sc.tp += 1
    sc.fp += len(unused)
    sc.spurious += [(doc, p) for p in unused]


def score_places(q: Query, gold: list[dict], doc: str, scores: dict[str, Score]) -> None:
    """By (name, level), after NFC, lower case and modern tone placement."""
    pred = {(name_key(n), name_key(lv)) for n, lv in q("SELECT name, level FROM places WHERE doc_id IN ({ids})")}
    scores["places"].add_sets(doc, pred, {(name_key(p["name"]), name_key(p["level"])) for p in gold})


def score_dates(q: Query, gold: list[str], doc: str, scores: dict[str, Score]) -> None:
    pred = {str(v) for (v,) in q("SELECT DISTINCT value FROM dates WHERE precision = 'day' AND doc_id IN ({ids})")}
    scores["dates"].add_sets(doc, pred, set(gold))


SCORERS: dict[str, Callable[[Query, list, str, dict[str, Score]], None]] = {
    "legal_refs": score_legal_refs,
    "links": score_links,
    "counts": score_counts,
    "places": score_places,
    "dates": score_dates,
}
GOLD_KEYS = [k.gold_key for k in KINDS if k.gold_key]
for _kind in KINDS:
    if _kind.gold_key and _kind.gold_key not in SCORERS:
        raise KindError(f"fact kind '{_kind.table}': eval has no scorer for its gold key '{_kind.gold_key}' "
                        "(views/evaluate.py SCORERS)")


def _doc_ids(con, gold_doc: str) -> list[str]:
    """The documents a gold line names: by file name, or by a feed article's id."""
    base = os.path.basename(gold_doc)
    out = []
    for doc_id, key in con.execute("SELECT doc_id, source_key FROM documents").fetchall():
        source = SourceKey.parse(key)
        if source.item == gold_doc or (not source.is_item and os.path.basename(source.file) == base):
            out.append(doc_id)
    return out


@dataclass
class Evaluation:
    scores: dict[str, Score]
    found: int                   # gold documents found in the database
    total: int                   # gold documents in the file
    unscored: dict[str, int]     # gold keys no kind scores -> lines holding them


def evaluate(golds: list[dict], con) -> Evaluation:
    scores = {key: Score() for key in GOLD_KEYS}
    unscored: Counter = Counter()
    found = 0
    for g in golds:
        doc = g["doc"]
        ids = _doc_ids(con, doc)
        found += bool(ids)
        marks = ",".join("?" * max(len(ids), 1))

        def q(sql: str) -> list[tuple]:
            return con.execute(sql.format(ids=marks), ids or [""]).fetchall()

        for key, value in g.items():
            if key in SCORERS:
                SCORERS[key](q, value, doc, scores)
            elif key != "doc":
                unscored[key] += 1
    # a kind's own rows ("legal_refs:code") right after it
    order = [k for key in GOLD_KEYS for k in scores if k == key or k.startswith(key + ":")]
    return Evaluation({k: scores[k] for k in order}, found, len(golds), dict(unscored))


def format_table(scores: dict[str, Score]) -> str:
    lines = [f"{'kind':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for k, s in scores.items():
        if s.accuracy_only:
            acc = s.tp / (s.tp + s.fn) if s.tp + s.fn else 0.0
            lines.append(f"{'  ' + k.split(':')[1] + ' acc.':<14} {acc:>20.3f} {s.tp:>5} {'':>5} {s.fn:>5}")
        else:
            lines.append(f"{k:<14} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.tp:>5} {s.fp:>5} {s.fn:>5}")
    return "\n".join(lines)
