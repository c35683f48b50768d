"""Speed, scale and memory benchmark on ../shared/bench/baomoi-2017.jsonl.gz.

Every figure is measured in this run, on the same texts, side by side with its baseline, and
quoted as a ratio:
  - full pipeline (read, clean, every extractor, resolve, store into DuckDB) vs underthesea's
    word_tokenize and ner over the same texts;
  - growth with corpus size (per-article cost at N vs at the smallest N);
  - peak resident memory of the ingest process (each measurement is its own process);
  - share of the time spent writing to DuckDB;
  - --workers 2 vs --workers 1;
  - the legal-reference extractor alone, in MB/s.

usage: python bench/run_bench.py [--sizes 1000,5000,35440] [--baseline-docs 1000] [--ner-docs 200]
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "bench" / "baomoi-2017.jsonl.gz"


def write_sample(n: int, path: Path) -> int:
    chars = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, gzip.open(path, "wt", encoding="utf-8") as dst:
        for line in itertools.islice(src, n):
            chars += len(json.loads(line)["text"])
            dst.write(line)
    return chars


def child(mode: str, sample: str, extra: str) -> dict:
    """Run one measurement in a fresh process; returns its timings and peak RSS."""
    out = subprocess.run([sys.executable, __file__, "--child", mode, sample, extra],
                         capture_output=True, text=True, cwd=tempfile.gettempdir())  # not the checkout: its vietmine/ folder is no package
    if out.returncode != 0:
        sys.exit(f"benchmark step {mode} {extra} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_child(mode: str, sample: str, extra: str):
    texts = None
    if mode in ("word_tokenize", "ner", "legal_refs"):
        n = int(extra)
        with gzip.open(sample, "rt", encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in itertools.islice(fh, n)]
    t0 = time.perf_counter()
    result = {}
    if mode == "ingest":
        import vietmine.pipeline.store as store_mod
        from vietmine.api import ingest

        write_time = [0.0]
        original = store_mod.Store.write_batch

        def timed(self, *a, **k):
            t = time.perf_counter()
            try:
                return original(self, *a, **k)
            finally:
                write_time[0] += time.perf_counter() - t

        store_mod.Store.write_batch = timed
        workers = int(extra)
        with tempfile.TemporaryDirectory() as d:
            stats = ingest([sample], os.path.join(d, "b.duckdb"), workers=workers)
        result = {"docs": stats.loaded, "facts": stats.facts, "write_s": write_time[0]}
    elif mode == "word_tokenize":
        from underthesea import word_tokenize

        for t in texts:
            word_tokenize(t)
        result = {"docs": len(texts), "chars": sum(map(len, texts))}
    elif mode == "ner":
        from underthesea import ner

        for t in texts:
            ner(t)
        result = {"docs": len(texts), "chars": sum(map(len, texts))}
    elif mode == "legal_refs":
        from vietmine.extractors.legal_refs import extract
        from vietmine.facts import Document

        docs = [Document("x", "x", t, "h") for t in texts]
        t0 = time.perf_counter()
        for d in docs:
            extract(d)
        result = {"docs": len(texts), "chars": sum(map(len, texts))}
    result["seconds"] = time.perf_counter() - t0
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,5000,35440")
    ap.add_argument("--baseline-docs", type=int, default=1000, help="articles tokenised by word_tokenize")
    ap.add_argument("--ner-docs", type=int, default=200, help="articles tagged by underthesea ner (slow)")
    ap.add_argument("--child", nargs=3)
    args = ap.parse_args()
    if args.child:
        return run_child(*args.child)
    if not CORPUS.exists():
        sys.exit(f"benchmark corpus missing: {CORPUS}")
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        samples = {}
        for n in sizes:
            p = Path(tmp) / f"s{n}.jsonl.gz"
            chars = write_sample(n, p)
            samples[n] = (str(p), chars)
        small, (small_path, _) = sizes[0], samples[sizes[0]]
        wt = child("word_tokenize", small_path, str(args.baseline_docs))
        ner = child("ner", small_path, str(args.ner_docs))
        legal = child("legal_refs", small_path, str(small))
        base_cps = wt["chars"] / wt["seconds"]
        ner_cps = ner["chars"] / ner["seconds"]
        for n in sizes:
            path, chars = samples[n]
            r = child("ingest", path, "1")
            cps = chars / r["seconds"]
            rows.append({"articles": n, "chars": chars, "seconds": r["seconds"], "chars_per_s": cps,
                         "docs_per_s": r["docs"] / r["seconds"], "peak_rss_mb": r["peak_rss_mb"],
                         "write_share": r["write_s"] / r["seconds"], "facts": r["facts"]})
        # workers compared on the largest sample, where pool start-up (~2 s) is amortised as in real use
        w2 = child("ingest", samples[sizes[-1]][0], "2")
        w1 = rows[-1]
    per_article0 = rows[0]["seconds"] / rows[0]["articles"]
    print("\n| articles | chars | seconds | chars/s | docs/s | × word_tokenize | × ner | per-article cost vs first | peak RSS MB | DuckDB write share |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['articles']} | {r['chars']:,} | {r['seconds']:.1f} | {r['chars_per_s']:,.0f} | {r['docs_per_s']:.1f} |"
              f" {r['chars_per_s'] / base_cps:.2f} | {r['chars_per_s'] / ner_cps:.1f} |"
              f" {r['seconds'] / r['articles'] / per_article0:.2f} | {r['peak_rss_mb']:.0f} | {r['write_share']:.1%} |")
    print(f"\nbaselines (same texts, first {args.baseline_docs} / {args.ner_docs} articles): word_tokenize "
          f"{base_cps:,.0f} chars/s, ner {ner_cps:,.0f} chars/s")
    print(f"--workers 2 vs 1 on {w1['articles']} articles: {w1['seconds'] / w2['seconds']:.2f}× throughput "
          f"({w2['seconds']:.1f} s vs {w1['seconds']:.1f} s)")
    print(f"legal-reference extractor alone: {legal['chars'] / legal['seconds'] / 1e6:.1f} MB/s of text "
          f"(× word_tokenize {legal['chars'] / legal['seconds'] / base_cps:.0f})")


if __name__ == "__main__":
    main()
