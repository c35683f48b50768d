"""Scoring against a gold file in the format of gold/GUIDE.md: precision, recall and F1 per fact kind."""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field

import regex

from vietmine.gazetteer import load_json
from vietmine.gazetteer.text import modern_tones, name_key

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


# -- organisations and people: names compared after folding ------------------------------------------
_APOSTROPHES = regex.compile(r"[’'‘`]")
_NON_WORD = regex.compile(r"[^\p{L}\p{M}\d]+")
_EXPANSIONS: tuple = ()


def _expansion_pattern():
    global _EXPANSIONS
    if not _EXPANSIONS:
        table = load_json("abbreviations_written_out.json")["expansions"]
        alts = "|".join(regex.escape(k) for k in sorted(table, key=len, reverse=True))
        _EXPANSIONS = (regex.compile(rf"(?<![\p{{L}}\p{{M}}\d])(?:{alts})(?![\p{{L}}\p{{M}}\d])"), table)
    return _EXPANSIONS


def fold_name(s: str | None, expand: bool = True) -> str:
    """A name as scoring compares it: NFC, modern tone placement, the standard abbreviations
    written out ("UBND" -> "ủy ban nhân dân"), lower case, apostrophes dropped ("B’Krông" =
    "BKrông"), other punctuation and spacing made one space ("Lao động - Thương binh" = "Lao
    động Thương binh")."""
    s = modern_tones(s or "")
    if expand:
        pattern, table = _expansion_pattern()
        s = pattern.sub(lambda m: table[m.group()], s)
    s = _APOSTROPHES.sub("", s.lower())
    return _NON_WORD.sub(" ", s).strip()


def _inside(key: str, longer: str) -> bool:
    return key != longer and f" {key} " in f" {longer} "


def match_organizations(pred_rows, gold_entries) -> tuple[int, int, int, list, list]:
    """Organisations of one document as GUIDE.md scores them. `pred_rows`: (name as written,
    normalised name); `gold_entries`: the gold dicts (name, surface, optional). A gold entry is
    found when a prediction's name as written or normalised equals its name or surface after
    folding. A prediction that finds no entry is spurious unless it finds an optional one or is a
    body named inside a longer gold name. Predictions are counted once per folded normalised name.
    Returns (tp, fp, fn, missed gold names, spurious normalised names)."""
    preds = {}
    for name, normalized in pred_rows:
        keys = {fold_name(name), fold_name(normalized or name)} - {""}
        preds.setdefault(fold_name(normalized or name), set()).update(keys)
    golds = [({fold_name(g.get("name")), fold_name(g.get("surface"))} - {""}, g) for g in gold_entries]
    gold_names = [fold_name(g.get("name")) for g in gold_entries]
    tp, misses = 0, []
    for keys, g in golds:
        if g.get("optional"):
            continue
        if any(keys & pk for pk in preds.values()):
            tp += 1
        else:
            misses.append(g.get("name"))
    spurious = []
    for key, pk in preds.items():
        if any(pk & keys for keys, _ in golds) or any(_inside(k, n) for k in pk for n in gold_names):
            continue
        spurious.append(key)
    return tp, len(spurious), len(misses), misses, sorted(spurious)


def match_people(pred_names, gold_entries) -> tuple[int, int, int, list, list]:
    """People of one document by name after folding; optional entries (bylines, photo credits)
    neither rewarded nor penalised. Returns (tp, fp, fn, missed names, spurious names)."""
    pred = {fold_name(n, expand=False) for n in pred_names} - {""}
    required = {fold_name(g["name"], expand=False): g["name"] for g in gold_entries if not g.get("optional")}
    optional = {fold_name(g["name"], expand=False) for g in gold_entries if g.get("optional")}
    misses = [required[k] for k in required if k not in pred]
    spurious = sorted(pred - set(required) - optional)
    return len(pred & set(required)), len(spurious), len(misses), misses, spurious


def _add_match(score: Score, doc: str, result) -> None:
    tp, fp, fn, misses, spurious = result
    score.tp += tp
    score.fp += fp
    score.fn += fn
    score.misses += [(doc, m) for m in misses]
    score.spurious += [(doc, s) for s in spurious]


def evaluate(gold_path: str, con) -> dict[str, Score]:
    kinds = ["legal_refs", "legal_code", "links", "counts", "places", "dates"]
    with open(gold_path, encoding="utf-8") as fh:
        golds = [json.loads(line) for line in fh if line.strip()]
    # organisations and people are scored only where a gold file annotates them (the seeds do not)
    kinds += [k for k in ("organizations", "people") if any(k in g for g in golds)]
    scores = {k: Score() for k in kinds}
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
        if "organizations" in g:
            orgs = q("SELECT name, normalized FROM organizations WHERE doc_id IN ({ids})")
            _add_match(scores["organizations"], doc, match_organizations(orgs, g["organizations"]))
        if "people" in g:
            names = [n for (n,) in q("SELECT DISTINCT name FROM people WHERE doc_id IN ({ids})")]
            _add_match(scores["people"], doc, match_people(names, g["people"]))
    return scores


def format_table(scores: dict[str, Score]) -> str:
    lines = [f"{'kind':<13} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for k, s in scores.items():
        if k == "legal_code":
            acc = s.tp / (s.tp + s.fn) if s.tp + s.fn else 0.0
            lines.append(f"{'code acc.':<13} {acc:>20.3f} {s.tp:>5} {'':>5} {s.fn:>5}")
        else:
            lines.append(f"{k:<13} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.tp:>5} {s.fp:>5} {s.fn:>5}")
    return "\n".join(lines)
