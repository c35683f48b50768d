"""Speed, start-up and memory of vietmine as a user runs it (the installed `vietmine` command) on
../shared/bench/baomoi-2017.jsonl.gz, every figure a ratio against a baseline measured in the
same run:
  - ingest at each size vs underthesea's `word_tokenize` over the same texts (CPU time);
  - this vietmine vs another one (`--compare-with`, e.g. the previous release's command),
    interleaved, best of `--runs`;
  - `--workers 2` vs 1 (wall time: what two cores buy);
  - start-up: `vietmine sql "SELECT 1"` and a 10-article increment, vs `python -c pass`;
  - peak resident memory of an ingest at each of `--memory-sizes` (70,880 is the bench twice, its
    second copy with every text marked so that none is a duplicate) and of `export`.
Each measurement is a process of its own; its CPU time and peak RSS are the kernel's (wait4).

usage: python bench/run_bench.py [--sizes 1000,10000] [--memory-sizes 10000,35440,70880]
                                 [--compare-with /path/to/old/bin/vietmine] [--runs 2] [--ner-docs 0]
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "baomoi-2017.jsonl.gz"


@dataclass
class Measured:
    wall: float
    cpu: float      # user + system seconds
    peak_mb: float  # peak resident memory


# A default Python writes each module's bytecode once and loads it after; an environment that
# forbids it (PYTHONDONTWRITEBYTECODE, as in some sandboxes and CI images) makes every process
# compile vietmine's modules again, a tenth of a second no user's start-up pays.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(argv: list[str], cwd: str) -> Measured:
    """Run a command (output discarded; a failure stops the benchmark) and measure it."""
    t = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"benchmark step failed: {' '.join(argv)}\n{err.decode(errors='replace')[-3000:]}")
    return Measured(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def best(runs: int, argv_of, cwd: str) -> Measured:
    """Best of `runs` (least CPU); `argv_of(i)` gives the command of run i (a fresh database)."""
    return min((measure(argv_of(i), cwd) for i in range(runs)), key=lambda m: m.cpu)


def best_interleaved(runs: int, argv_ofs: list, cwd: str, by: str = "cpu") -> list[Measured]:
    """Best of `runs` (least `by`) of each command, run in turn: a busy moment costs all alike."""
    found: list[list[Measured]] = [[] for _ in argv_ofs]
    for i in range(runs):
        for seen, argv_of in zip(found, argv_ofs, strict=True):
            seen.append(measure(argv_of(i), cwd))
    return [min(seen, key=lambda m: getattr(m, by)) for seen in found]


def write_sample(n: int, path: Path) -> int:
    """The first n articles of the bench (past its 35,440: the bench again, each text marked as a
    second copy so that it is analysed, not skipped as a duplicate); returns their characters."""
    chars = 0
    with gzip.open(path, "wt", encoding="utf-8") as dst:
        for copy in itertools.count():
            with gzip.open(CORPUS, "rt", encoding="utf-8") as src:
                for line in src:
                    if n == 0:
                        return chars
                    row = json.loads(line)
                    if copy:
                        row["id"], row["text"] = f"{row.get('id')}-copy{copy}", f"(Bản {copy + 1}) {row['text']}"
                    chars += len(row["text"])
                    dst.write(json.dumps(row, ensure_ascii=False) + "\n")
                    n -= 1
    return chars


def word_tokenize_child(sample: str) -> None:
    from underthesea import word_tokenize

    with gzip.open(sample, "rt", encoding="utf-8") as fh:
        for line in fh:
            word_tokenize(json.loads(line)["text"])


def ner_child(sample: str, n: int) -> None:
    from underthesea import ner

    with gzip.open(sample, "rt", encoding="utf-8") as fh:
        for line in itertools.islice(fh, n):
            ner(json.loads(line)["text"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="articles ingested for speed (the last also for --workers)")
    ap.add_argument("--memory-sizes", default="10000,35440,70880", help="articles ingested for peak memory ('' skips)")
    ap.add_argument("--compare-with", help="another vietmine command to compare with (e.g. the previous release's)")
    ap.add_argument("--runs", type=int, default=2, help="runs per speed figure; the best is kept")
    ap.add_argument("--ner-docs", type=int, default=0, help="articles tagged by underthesea ner as a second baseline")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        mode, sample, *rest = args.child
        return word_tokenize_child(sample) if mode == "word_tokenize" else ner_child(sample, int(rest[0]))
    if not CORPUS.exists():
        sys.exit(f"benchmark corpus missing: {CORPUS}")
    beside = Path(sys.executable).parent / "vietmine"  # the command of this interpreter's environment
    this = [str(beside) if beside.exists() else shutil.which("vietmine")
            or sys.exit("the vietmine command is not installed (pip install -e .)")]
    other = [args.compare_with] if args.compare_with else None
    sizes = [int(s) for s in args.sizes.split(",")]
    memory_sizes = [int(s) for s in args.memory_sizes.split(",") if s]
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        chars_of: dict[int, int] = {}

        def sample(n: int) -> tuple[str, int]:
            path = Path(tmp) / f"s{n}.jsonl.gz"
            if n not in chars_of:
                chars_of[n] = write_sample(n, path)
            return str(path), chars_of[n]

        def db(name: str) -> str:
            path = Path(tmp) / f"{name}.duckdb"
            for p in (path, Path(f"{path}.lock"), Path(f"{path}.wal")):
                p.unlink(missing_ok=True)
            return str(path)

        def ingest(cmd, path, name, *extra):
            return lambda i: [*cmd, "ingest", path, "--db", db(f"{name}{i}"), "--quiet", *extra]

        print(f"# vietmine benchmark: {CORPUS.name}, best of {args.runs}, {os.cpu_count()} cores\n")
        if "PYTHONDONTWRITEBYTECODE" in os.environ:
            print("(PYTHONDONTWRITEBYTECODE is set here; the commands measured run without it, as a default "
                  "Python does)\n")
        print("| articles | chars | ingest CPU s | speed × word_tokenize (CPU) | peak RSS MB |"
              + (" speed-up vs --compare-with (its CPU s) |" if other else ""))
        print("|---:|---:|---:|---:|---:|" + ("---:|" if other else ""))
        for n in sizes:
            path, chars = sample(n)
            wt, mine, *theirs = best_interleaved(
                args.runs, [lambda i, path=path: [py, __file__, "--child", "word_tokenize", path], ingest(this, path, "this"),
                            *([ingest(other, path, "other")] if other else [])], tmp)
            theirs = theirs[0] if theirs else None
            print(f"| {n:,} | {chars:,} | {mine.cpu:.1f} | {wt.cpu / mine.cpu:.2f} | {mine.peak_mb:.0f} |"
                  + (f" {theirs.cpu / mine.cpu:.2f}× ({theirs.cpu:.1f} s) |" if other else ""))
        if args.ner_docs:
            path, _ = sample(sizes[0])
            tagged = measure([py, __file__, "--child", "ner", path, str(args.ner_docs)], tmp)
            print(f"\nunderthesea ner on {args.ner_docs} articles: {tagged.cpu:.1f} s CPU")

        path, _ = sample(sizes[-1])
        one, two = best_interleaved(args.runs, [ingest(this, path, "w1"), ingest(this, path, "w2", "--workers", "2")],
                                    tmp, by="wall")
        print(f"\n--workers 2 vs 1 at {sizes[-1]:,} articles: {one.wall / two.wall:.2f}× (wall {two.wall:.1f} s vs "
              f"{one.wall:.1f} s)")

        base = sample(sizes[0])[0]
        built = db("start")
        measure([*this, "ingest", base, "--db", built, "--quiet"], tmp)
        nothing = best(5, lambda i: [py, "-c", "pass"], tmp)
        query = best(5, lambda i: [*this, "sql", "SELECT 1", "--db", built], tmp)
        ten = Path(tmp) / "ten.jsonl"
        with gzip.open(CORPUS, "rt", encoding="utf-8") as src:
            ten.write_text("".join(itertools.islice(src, sizes[-1] + 100, sizes[-1] + 110)), encoding="utf-8")

        def increment(i):
            copy = db(f"increment{i}")
            shutil.copyfile(built, copy)
            return [*this, "ingest", str(ten), "--db", copy, "--quiet"]
        inc = best(3, increment, tmp)
        print(f"\nstart-up (wall, best of 5): `sql \"SELECT 1\"` {query.wall:.2f} s; a 10-article increment on "
              f"{sizes[0]:,} articles {inc.wall:.2f} s; `python -c pass` {nothing.wall:.2f} s "
              f"(× {query.wall / nothing.wall:.1f} and × {inc.wall / nothing.wall:.1f})")

        if memory_sizes:
            print("\n| articles | ingest peak RSS MB | ingest CPU s |\n|---:|---:|---:|")
            for n in memory_sizes:
                path, _ = sample(n)
                m = measure([*this, "ingest", path, "--db", db(f"m{n}"), "--quiet"], tmp)
                print(f"| {n:,} | {m.peak_mb:.0f} | {m.cpu:.0f} |")
            largest = str(Path(tmp) / f"m{memory_sizes[-1]}.duckdb")
            size_mb = os.path.getsize(largest) / 1e6
            exported = measure([*this, "export", "--db", largest, "--out", str(Path(tmp) / "export")], tmp)
            print(f"\nexport of the {memory_sizes[-1]:,}-article database ({size_mb:.0f} MB): peak RSS "
                  f"{exported.peak_mb:.0f} MB, {exported.wall:.0f} s")


if __name__ == "__main__":
    main()
