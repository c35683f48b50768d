"""Scoring against a gold file in the format of the shared annotation guide (GUIDE.md of the shared
gold files): precision, recall and F1 per fact kind.

Each fact kind names its key in a gold line (`Kind.gold_key`, vietmine/facts.py); this module holds
one scorer per gold key, and fails at import when a kind names a key it has no scorer for. A gold
line without a kind's key is not scored for that kind (the seeds have no organisations); a key no
kind scores is reported, never silently ignored."""
from __future__ import annotations

import functools
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

import regex

from vietmine.corpus.sources import SourceKey
from vietmine.facts import KINDS, KindError
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
    misses: list = field(default_factory=list)    # (gold doc, gold fact)
    spurious: list = field(default_factory=list)  # (gold doc, predicted fact)
    accuracy_only: bool = False  # a share of matched facts (code accuracy), not a P/R/F1 row
    at: dict = field(default_factory=dict)  # (gold doc, predicted fact) -> (doc_id, start_char) of its first mention

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

    def add_sets(self, doc, pred: set, gold: set, at: dict | None = None):
        """`at`: where each prediction is first mentioned ((doc_id, start_char)), to show its sentence."""
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)
        self.misses += [(doc, g) for g in sorted(gold - pred, key=str)]
        self.spurious += [(doc, p) for p in sorted(pred - gold, key=str)]
        self.at.update({(doc, p): at[p] for p in pred - gold if at and p in at})


def first_mentions(rows, key) -> tuple[set, dict]:
    """The set of `key(row)` over rows ending in (doc_id, start_char), and where each is first mentioned."""
    at: dict = {}
    for row in sorted(rows, key=lambda r: (r[-2], r[-1])):
        at.setdefault(key(row), (row[-2], row[-1]))
    return set(at), at


def majority_code(codes: Counter) -> str | None:
    """The code most references of one (type, number) carry; a tie goes to the smallest code, so
    that eval and `gold export` pick the same one."""
    return min(codes.items(), key=lambda kv: (-kv[1], kv[0]))[0] if codes else None


Query = Callable[[str], list[tuple]]  # SQL with {ids} -> rows of the document's facts


def score_legal_refs(q: Query, gold: list[dict], doc: str, scores: dict[str, Score]) -> None:
    """By (type, number); and, separately, the share of matched references whose code equals a
    non-null gold code."""
    refs = q("SELECT doc_type, number, code, doc_id, start_char FROM legal_refs WHERE doc_id IN ({ids})")
    pred_refs, at = first_mentions(refs, lambda r: (r[0], r[1]))
    codes: dict[tuple, Counter] = {}
    for t, n, c, _, _ in refs:
        if c:
            codes.setdefault((t, n), Counter())[c] += 1
    scores["legal_refs"].add_sets(doc, pred_refs, {(r["type"], r["number"]) for r in gold}, at)
    sc = scores.setdefault("legal_refs:code", Score(accuracy_only=True))
    for r in gold:
        key = (r["type"], r["number"])
        if r.get("code") and key in pred_refs:
            got = majority_code(codes.get(key, Counter()))
            ok = got == r["code"]
            sc.tp += ok
            sc.fn += not ok
            if not ok:
                sc.misses.append((doc, (key, r["code"], got)))


def score_links(q: Query, gold: list[dict], doc: str, scores: dict[str, Score]) -> None:
    links, at = first_mentions(
        q("SELECT src_code, dst_code, doc_id, start_char FROM legal_links WHERE doc_id IN ({ids})"), lambda r: (r[0], r[1]))
    scores["links"].add_sets(doc, links, {(ln["src"], ln["dst"]) for ln in gold}, at)


def score_counts(q: Query, gold: list[dict], doc: str, scores: dict[str, Score]) -> None:
    """One to one: a prediction matches a gold count with equal value, cmp and percent whose
    counted phrase starts with the gold head."""
    unused = q("SELECT value, entity, cmp, is_percent, doc_id, start_char FROM counts WHERE doc_id IN ({ids}) "
               "ORDER BY doc_id, start_char")
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
    sc.spurious += [(doc, p[:4]) for p in unused]
    sc.at.update({(doc, p[:4]): p[4:] for p in unused})


def score_places(q: Query, gold: list[dict], doc: str, scores: dict[str, Score]) -> None:
    """By (name, level), after NFC, lower case and modern tone placement."""
    pred, at = first_mentions(q("SELECT name, level, doc_id, start_char FROM places WHERE doc_id IN ({ids})"),
                              lambda r: (name_key(r[0]), name_key(r[1])))
    scores["places"].add_sets(doc, pred, {(name_key(p["name"]), name_key(p["level"])) for p in gold}, at)


def score_dates(q: Query, gold: list[str], doc: str, scores: dict[str, Score]) -> None:
    pred, at = first_mentions(
        q("SELECT value, doc_id, start_char FROM dates WHERE precision = 'day' AND doc_id IN ({ids})"), lambda r: str(r[0]))
    scores["dates"].add_sets(doc, pred, set(gold), at)


# -- organisations and people: names compared after folding ------------------------------------------
_APOSTROPHES = regex.compile(r"[’'‘`]")
_NON_WORD = regex.compile(r"[^\p{L}\p{M}\d]+")
@functools.cache
def _expansion_pattern():
    table = load_json("abbreviations_written_out.json")["expansions"]
    alts = "|".join(regex.escape(k) for k in sorted(table, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\d])(?:{alts})(?![\p{{L}}\p{{M}}\d])"), table


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


def _add_match(score: "Score", doc: str, result) -> None:
    tp, fp, fn, misses, spurious = result
    score.tp += tp
    score.fp += fp
    score.fn += fn
    score.misses += [(doc, m) for m in misses]
    score.spurious += [(doc, s) for s in spurious]


def score_organizations(q: Query, gold: list[dict], doc: str, scores: dict[str, Score]) -> None:
    orgs = q("SELECT name, normalized FROM organizations WHERE doc_id IN ({ids})")
    _add_match(scores["organizations"], doc, match_organizations(orgs, gold))


def score_people(q: Query, gold: list[dict], doc: str, scores: dict[str, Score]) -> None:
    names = [n for (n,) in q("SELECT DISTINCT name FROM people WHERE doc_id IN ({ids})")]
    _add_match(scores["people"], doc, match_people(names, gold))


SCORERS: dict[str, Callable[[Query, list, str, dict[str, Score]], None]] = {
    "legal_refs": score_legal_refs,
    "links": score_links,
    "counts": score_counts,
    "places": score_places,
    "dates": score_dates,
    "organizations": score_organizations,
    "people": score_people,
}
GOLD_KEYS = [k.gold_key for k in KINDS if k.gold_key]
for _kind in KINDS:
    if _kind.gold_key and _kind.gold_key not in SCORERS:
        raise KindError(f"fact kind '{_kind.table}': eval has no scorer for its gold key '{_kind.gold_key}' "
                        "(views/evaluate.py SCORERS)")


def _doc_ids(con, gold_doc: str) -> list[str]:
    """The documents a gold line names: by its source path as stored (what `gold export` writes
    when a file name is not unique), else by file name, or by a feed article's id."""
    base = os.path.basename(gold_doc)
    rows = con.execute("SELECT doc_id, source_key, source_path FROM documents").fetchall()
    exact = [doc_id for doc_id, key, path in rows if gold_doc in (path, key)]
    if exact:
        return exact
    out = []
    for doc_id, key, _ in rows:
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
    documents: dict[str, list[str]] = field(default_factory=dict)  # gold doc -> the doc_ids it names
    disagreements: list = field(default_factory=list)  # filled on request: see disagreements()


def evaluate(golds: list[dict], con) -> Evaluation:
    # only the kinds the gold file annotates: a kind no line has is not a row of zeros
    scores = {key: Score() for key in GOLD_KEYS if any(key in g for g in golds)}
    unscored: Counter = Counter()
    found = 0
    documents: dict[str, list[str]] = {}
    for g in golds:
        doc = g["doc"]
        ids = documents[doc] = _doc_ids(con, doc)
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
    return Evaluation({k: scores[k] for k in order}, found, len(golds), dict(unscored), documents)


def format_table(scores: dict[str, Score]) -> str:
    lines = [f"{'kind':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for k, s in scores.items():
        if s.accuracy_only:
            acc = s.tp / (s.tp + s.fn) if s.tp + s.fn else 0.0
            lines.append(f"{'  ' + k.split(':')[1] + ' acc.':<14} {acc:>20.3f} {s.tp:>5} {'':>5} {s.fn:>5}")
        else:
            lines.append(f"{k:<14} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.tp:>5} {s.fp:>5} {s.fn:>5}")
    return "\n".join(lines)


# -- each disagreement with its sentence (`vietmine eval --misses`)

@dataclass
class Disagreement:
    verdict: str          # MISS: in the gold, not found; SPURIOUS: found, not in the gold; CODE: another code
    kind: str
    doc: str              # the gold line's document
    fact: object          # the gold fact, or the prediction as its kind compares it
    sentence: str | None  # the sentence it is in (a missed fact: where the text first writes it), if found


def _vietnamese_number(value) -> list[str]:
    """How a number may be written: 1856 -> "1.856", "1856"; 1.5 -> "1,5"."""
    v = float(value)
    if v.is_integer():
        return list(dict.fromkeys([f"{int(v):,}".replace(",", "."), str(int(v))]))
    return [str(v).replace(".", ","), str(v)]


def _probes(kind: str, fact) -> list[regex.Pattern]:
    """Patterns that find where the text writes a fact that has no position (a gold fact)."""
    def literal(*parts):
        return [regex.compile(regex.escape(p), regex.IGNORECASE) for p in parts if p]

    if isinstance(fact, dict) and fact.get("surface"):
        return literal(fact["surface"])
    if kind == "legal_refs:code":
        fact = fact[0]
    if kind in ("legal_refs", "legal_refs:code"):
        t, n = fact
        return [regex.compile(rf"{regex.escape(t)}\s+(?:số\s+)?{regex.escape(n)}(?!\d)", regex.IGNORECASE),
                # the number as a code starts: 23/2012/TT-BCA, 250/KH-BCA, 09-CT/TW
                regex.compile(rf"(?<![\d/.]){regex.escape(n)}(?:/\d{{4}})?[/-]\p{{Lu}}")]
    if kind == "links":
        return literal(fact[1], fact[0])  # the cited document's sentence says more than the citing one's header
    if kind == "counts":
        numbers = _vietnamese_number(fact.get("value", 0) if isinstance(fact, dict) else fact[0])
        head = fact.get("head") if isinstance(fact, dict) else fact[1]
        with_head = [regex.compile(rf"(?<![\d.,]){regex.escape(n)}(?![\d]).{{0,40}}?{regex.escape(head)}",
                                   regex.IGNORECASE) for n in numbers if head]
        return with_head + [regex.compile(rf"(?<![\d.,]){regex.escape(n)}(?![\d])") for n in numbers]
    if kind == "dates" and isinstance(fact, str) and regex.fullmatch(r"\d{4}-\d{2}-\d{2}", fact):
        y, m, d = fact.split("-")
        d, m = d.lstrip("0"), m.lstrip("0")
        return [regex.compile(rf"(?<!\d)0?{d}\s*[/.-]\s*0?{m}\s*[/.-]\s*{y}"),
                regex.compile(rf"(?<!\d)0?{d}\s+tháng\s+0?{m}\s+năm\s+{y}", regex.IGNORECASE),
                regex.compile(fact.replace("-", "") + r"|" + regex.escape(fact)),  # a page header's 20210501
                regex.compile(rf"(?<!\d)0?{d}\s*[/.-]\s*0?{m}(?![\d/.-])")]
    if kind == "places":
        name, level = fact
        return [regex.compile(rf"{regex.escape(level)}\s+{regex.escape(name)}", regex.IGNORECASE),
                regex.compile(regex.escape(name), regex.IGNORECASE)]
    # a kind this module does not know the shape of (its scorer lives elsewhere): its words
    if isinstance(fact, dict):
        return literal(fact.get("name"), fact.get("surface"))
    if isinstance(fact, (tuple, list)):
        return literal(*[p for p in fact if isinstance(p, str)])
    return literal(str(fact))


SENTENCE_CHARS = 300  # a longer sentence (a table row, a legal article) is shown around the fact


class _Texts:
    """Documents' texts and sentence spans, read once each."""

    def __init__(self, con):
        self.con = con
        self.cache: dict[str, tuple[str, list[tuple[int, int]]]] = {}

    def get(self, doc_id: str):
        if doc_id not in self.cache:
            text = self.con.execute("SELECT text FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0] or ""
            spans = self.con.execute("SELECT start_char, end_char FROM sentences WHERE doc_id = ? ORDER BY start_char",
                                     [doc_id]).fetchall()
            self.cache[doc_id] = (text, spans)
        return self.cache[doc_id]

    def sentence(self, doc_id: str, pos: int, width: int = SENTENCE_CHARS) -> str:
        """The sentence holding `pos`, on one line; a long one cut to `width` characters around `pos`."""
        text, spans = self.get(doc_id)
        start, end = next(((s, e) for s, e in spans if s <= pos < e),
                          (max(0, pos - width // 2), min(len(text), pos + width // 2)))
        cut_left = cut_right = False
        if end - start > width:
            new_start = max(start, min(pos - width // 3, end - width))
            cut_left, cut_right = new_start > start, new_start + width < end
            start, end = new_start, new_start + width
        return ("…" if cut_left else "") + " ".join(text[start:end].split()) + ("…" if cut_right else "")

    def find(self, doc_ids: list[str], probes) -> str | None:
        for probe in probes:
            for doc_id in doc_ids:
                hit = probe.search(self.get(doc_id)[0])
                if hit:
                    return self.sentence(doc_id, hit.start())
        return None


def disagreements(result: Evaluation, con) -> list[Disagreement]:
    """Every miss and spurious fact of an evaluation, each with its sentence: a prediction's own
    sentence; for a gold fact, the first sentence of its document that writes it (its surface, or
    its number, code, name or date as the text may write them), None when none does."""
    texts = _Texts(con)
    out = []
    for kind, score in result.scores.items():
        for doc, fact in score.misses:
            verdict = "CODE" if score.accuracy_only else "MISS"
            sentence = texts.find(result.documents.get(doc, []), _probes(kind, fact))
            out.append(Disagreement(verdict, kind, doc, fact, sentence))
        for doc, fact in score.spurious:
            at = score.at.get((doc, fact))
            sentence = (texts.sentence(*at) if at else
                        texts.find(result.documents.get(doc, []), _probes(kind, fact)))
            out.append(Disagreement("SPURIOUS", kind, doc, fact, sentence))
    return out


def _number(v) -> str:
    v = float(v)
    return str(int(v)) if v.is_integer() else str(v)


def shown(kind: str, fact) -> str:
    """A fact as a reader names it: "Chỉ thị 09", "44-KL/TW → 09-CT/TW", "gt 77 mô hình"."""
    if kind == "legal_refs" and isinstance(fact, tuple):
        return " ".join(fact)
    if kind == "legal_refs:code":
        (t, n), gold, got = fact
        return f"{t} {n}: gold code {gold}, found {got or 'none'}"
    if kind == "links" and isinstance(fact, tuple):
        return " → ".join(fact)
    if kind == "counts" and isinstance(fact, dict):
        pct = "%" if fact.get("percent") else ""
        return f"{fact.get('cmp', 'eq')} {_number(fact['value'])}{pct} {fact.get('head') or ''}".strip()
    if kind == "counts" and isinstance(fact, tuple):
        value, entity, cmp, pct = fact[:4]
        return f"{cmp} {_number(value)}{'%' if pct else ''} {entity or ''}".strip()
    if kind == "places" and isinstance(fact, tuple):
        return f"{fact[1]} {fact[0]}"
    if isinstance(fact, (dict, list)):
        return json.dumps(fact, ensure_ascii=False, default=str)
    return str(fact)


def format_disagreement(d: Disagreement) -> str:
    """Two lines: what disagrees, then its sentence."""
    sentence = d.sentence if d.sentence is not None else "(no sentence of the document writes it)"
    return f"{d.verdict} {d.kind} {d.doc}: {shown(d.kind, d.fact)}\n    | {sentence}"
