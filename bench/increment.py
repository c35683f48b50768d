"""What an incremental ingest costs as the database grows.

usage: python bench/increment.py [--feed ../shared/bench/baomoi-2017.jsonl.gz] [--sizes 1000,35440]
                                 [--base-db DB] [--out /tmp/increment]

For each size N: a database holding the first N articles of the feed (built here, or copied from
--base-db for the largest size), then an ingest of 10 new articles. Printed per size: the wall
time of the 10-article increment (best of three, in a new process as `vietmine ingest` runs, and
in this warmed-up process), the bytes written beside the database by the run (the old
design copied the whole database to a snapshot at the end of every run), and, as the baseline
measured in the same run, what that whole-database copy costs at this size. A design whose
increment does not grow with the database shows the same increment time at both sizes."""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import tempfile
import sys
import time
from pathlib import Path

from run_bench import CORPUS, ENV  # the bench feed; the command as a default Python runs it


def vietmine(*args: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vietmine", *args, "--quiet"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, cwd=tempfile.gettempdir(),  # not the checkout: its vietmine/ folder is no package
                   env=ENV)
    return time.perf_counter() - t


def in_process_increment(jsonl: Path, db: Path) -> float:
    """The ingest of the increment in this (warmed-up) process: the database's share of the cost,
    without interpreter start-up and the one-time loading of the gazetteer."""
    from vietmine.api import ingest

    t = time.perf_counter()
    stats = ingest([str(jsonl)], str(db))
    assert stats.loaded == 10, vars(stats)
    return time.perf_counter() - t


def head(feed: Path, n: int, out: Path) -> Path:
    with gzip.open(feed, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return out


def increment(feed: Path, out: Path, run: int) -> Path:
    """10 articles the database has never seen: real articles with a new id and a closing line."""
    lines = []
    with gzip.open(feed, "rt", encoding="utf-8") as src:
        for i, line in enumerate(src):
            if i >= 10:
                break
            obj = json.loads(line)
            obj["id"] = f"{obj.get('id', i)}-increment-{run}"
            obj["text"] += f"\nBản cập nhật số {run}.{i}."
            lines.append(json.dumps(obj, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def files_beside(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.iterdir() if p != db and p.name.startswith(db.name + ".")
               and p.suffix != ".wal" and not p.name.endswith(".lock"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--feed", default=str(CORPUS))
    ap.add_argument("--sizes", default="1000,35440")
    ap.add_argument("--base-db", help="an existing database of the whole feed, used for the largest size")
    ap.add_argument("--out", default="/tmp/increment")
    ap.add_argument("--workers", default="2")
    args = ap.parse_args()
    feed = Path(args.feed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    from vietmine.pipeline.analyse import extract_text

    extract_text("Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư tỉnh Khánh Hòa.")  # load the rules once
    print(f"{'articles':>9} {'db MB':>7} {'CLI increment s':>16} {'in-process s':>13} {'bytes beside db':>16} "
          f"{'whole-db copy s (old design)':>29}")
    for n in sizes:
        db = out / f"db{n}.duckdb"
        for p in out.glob(f"db{n}.duckdb*"):
            p.unlink()
        if args.base_db and n == max(sizes):
            shutil.copyfile(args.base_db, db)
        else:
            vietmine("ingest", str(head(feed, n, out / f"head{n}.jsonl")), "--db", str(db), "--workers", args.workers)
        vietmine("reextract", "--db", str(db), "--workers", args.workers)  # one-time upgrades, stale rules
        before = files_beside(db)
        # best of three each: a shared machine's noise only ever adds time
        t1 = min(vietmine("ingest", str(increment(feed, out / f"inc{run}.jsonl", run)), "--db", str(db))
                 for run in (1, 2, 3))
        t2 = min(in_process_increment(increment(feed, out / f"inc{run}.jsonl", run), db) for run in (4, 5, 6))
        beside = files_beside(db) - before
        t = time.perf_counter()
        shutil.copyfile(db, out / "copy.tmp")
        copy_s = time.perf_counter() - t
        os.remove(out / "copy.tmp")
        print(f"{n:>9} {db.stat().st_size / 1e6:>7.0f} {t1:>16.2f} {t2:>13.2f} {beside:>16} {copy_s:>29.2f}",
              flush=True)


if __name__ == "__main__":
    main()
