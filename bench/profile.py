"""Where the time goes: pyinstrument over an ingest of the first N bench articles.

Prints the inclusive share of each pipeline stage (functions of this project's packages) and the
functions with the most self time.

usage: pip install -e '.[bench]'; python bench/profile.py [--docs 2000] [--top 15]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

from pyinstrument import Profiler

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from run_bench import CORPUS, write_sample  # noqa: E402
from vietmine.api import ingest  # noqa: E402

OWN_PACKAGES = ("vietmine", "pipeline", "extractors", "corpus", "gazetteer", "views")  # top-level folders


def own_label(frame) -> str | None:
    path = Path(frame.file_path or "")
    if not path.is_relative_to(ROOT) or path.relative_to(ROOT).parts[0] not in OWN_PACKAGES:
        return None
    return ".".join(path.relative_to(ROOT).with_suffix("").parts + (frame.function,))


def aggregate(root):
    """Inclusive time per own function (outermost call only) and self time per any function."""
    inclusive, self_time = Counter(), Counter()

    def walk(frame, open_labels):
        label = own_label(frame)
        if label and label not in open_labels:
            inclusive[label] += frame.time
            open_labels = open_labels | {label}
        if not frame.is_synthetic:
            where = f"{Path(frame.file_path or '?').name}:{frame.line_no}"
            self_time[f"{frame.function} ({where})"] += frame.total_self_time
        for child in frame.children:
            walk(child, open_labels)

    walk(root, frozenset())
    return inclusive, self_time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS}: not found (the bench corpus lives in ../shared/bench)")
    with tempfile.TemporaryDirectory() as d:
        sample = Path(d) / "sample.jsonl.gz"
        write_sample(args.docs, sample)
        profiler = Profiler(interval=0.001)
        profiler.start()
        ingest([str(sample)], os.path.join(d, "p.duckdb"), workers=1)
        profiler.stop()
    root = profiler.last_session.root_frame()
    total = root.time
    inclusive, self_time = aggregate(root)
    print(f"{args.docs} articles, {total:.1f} s profiled\n\nstage (inclusive, outermost call)")
    for label, t in inclusive.most_common(args.top):
        print(f"  {100 * t / total:5.1f} %  {label}")
    print("\nself time")
    for label, t in self_time.most_common(args.top):
        print(f"  {100 * t / total:5.1f} %  {label}")


if __name__ == "__main__":
    main()
