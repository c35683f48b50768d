"""Precision audit at scale: a random sample of the counts or places of a database, each printed
with the text around it, for a person (or a helper session) to read and judge against
../shared/gold/GUIDE.md.

Each entry: its number, the document, the fact's fields (a count's value, bounds, comparator,
category and place with how the place was assigned; a place's name, level and code), then the
text around it with the fact marked <<...>>. Judged entries give the share that is right, the
figure issue 21 asks for (>= 95 % of 150 counts and of 150 places on 10,000 bench articles).

usage: python bench/precision_sample.py DB [--kind counts|places] [--n 150] [--seed 1] [--out FILE]
"""
from __future__ import annotations

import argparse
import random
import sys

import duckdb

QUERIES = {
    "counts": "SELECT c.doc_id, c.start_char, c.end_char, c.value, c.value_max, c.denominator, c.cmp, c.is_percent, "
              "c.category, c.place, c.place_source FROM counts c ORDER BY c.doc_id, c.start_char",
    "places": "SELECT p.doc_id, p.start_char, p.end_char, p.name, p.level, p.admin_code "
              "FROM places p ORDER BY p.doc_id, p.start_char",
}
BEFORE, AFTER = 250, 200  # characters of text shown around a fact


def describe(kind: str, row: tuple) -> str:
    if kind == "counts":
        value, value_max, den, cmp, pct, category, place, source = row[3:11]
        bounds = (f" max={value_max:g}" if value_max is not None else "") + (f" of={den:g}" if den is not None else "")
        return f"value={value:g}{bounds} cmp={cmp} pct={pct} category={category!r} place={place!r} ({source})"
    name, level, code = row[3:6]
    return f"name={name!r} level={level!r} code={code!r}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("--kind", choices=sorted(QUERIES), default="counts")
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", help="write the sample here instead of printing it")
    args = ap.parse_args(argv)
    with duckdb.connect(args.db, read_only=True) as con:
        rows = con.execute(QUERIES[args.kind]).fetchall()
        sample = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
        # the texts of the sampled facts' documents only (not one copy of a text per fact)
        texts = dict(con.execute('SELECT doc_id, "text" FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))',
                                 [sorted({row[0] for row in sample})]).fetchall())
    lines = []
    for i, row in enumerate(sample):
        doc_id, start, end = row[:3]
        text = texts[doc_id]
        around = text[max(0, start - BEFORE):start] + "<<" + text[start:end] + ">>" + text[end:end + AFTER]
        lines.append(f"#{i} doc={doc_id} {describe(args.kind, row)}\n   {around.replace(chr(10), ' ')}\n")
    out = "\n".join(lines)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(out)
    else:
        sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
