"""Long fuzzing run over readers, decoders and every extractor (hypothesis at scale).

usage: python bench/fuzz.py [--examples 20000] [--source-examples 300]
Prints how many inputs were tried and any failure (with the shrunk input). The short version of
the same property runs in the test suite (tests/test_reliability.py).

A second property fuzzes whole sources through `ingest`: file names (any bytes), JSON-lines fields
(any JSON value, lone surrogates, missing or odd ids), special files (FIFOs, links to /dev/zero,
directories named like texts, dangling links) and compressed input (valid, truncated, corrupted,
concatenated, bombs). It holds when the run ends, every input is loaded or reported, and every
stored string is valid UTF-8."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=20000)
    ap.add_argument("--source-examples", type=int, default=300)
    args = ap.parse_args()
    import logging

    from hypothesis import HealthCheck, given, settings, strategies as st

    from tests.test_reliability import HOSTILE
    from vietmine.facts import ExtractionResult, Problem, RawInput
    from vietmine.pipeline.analyse import process

    logging.disable(logging.CRITICAL)
    tried = [0]
    slowest = [0.0]

    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(HOSTILE, st.sampled_from(["txt", "html", "md"]))
    def prop(data, fmt):
        tried[0] += 1
        raw = RawInput(f"fuzz.{fmt}", data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data, fmt)
        t = time.monotonic()
        result = process(raw, budget_s=20)
        slowest[0] = max(slowest[0], time.monotonic() - t)
        assert isinstance(result, (ExtractionResult, Problem))

    t0 = time.monotonic()
    try:
        prop()
        status = "no failure"
    except Exception as e:  # report, do not hide: the shrunk example is in the message
        status = f"FAILURE: {e!r}"
    print(f"inputs tried: {tried[0]}; {status}; slowest input {slowest[0]:.2f} s; {time.monotonic() - t0:.0f} s in all")
    if args.source_examples:
        fuzz_sources(args.source_examples)


def _sources():
    """A folder's worth of hostile sources: (kind, name bytes, payload)."""
    import gzip
    import json

    from hypothesis import strategies as st

    names = st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_").strip(b".") or b"x")
    suffix = st.sampled_from([b".txt", b".md", b".html", b".jsonl", b".jsonl.gz", b".TXT", b".JsonL"])
    text = st.text(max_size=300) | st.sampled_from(["Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư.",
                                                    "Ngày 15/8/2022 tỉnh Khánh Hòa có 3 xã."])
    value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
                         lambda c: st.lists(c, max_size=3) | st.dictionaries(text, c, max_size=3), max_leaves=8)
    surrogate = st.sampled_from(["\udcff", "\ud800", "\udfff", "x\udc80y"])
    record = st.fixed_dictionaries({"text": text | surrogate}, optional={
        "id": value | surrogate, "title": value | surrogate, "published": value | surrogate, "url": value})
    lines = st.lists(record.map(lambda r: json.dumps(r).encode()) | st.binary(max_size=80), max_size=6).map(
        lambda ls: b"\n".join(ls) + b"\n")

    def gz(data, how):
        z = gzip.compress(data)
        return {"ok": z, "truncated": z[: max(1, len(z) // 2)], "corrupt": z[:10] + bytes(len(z) - 10),
                "twice": z + z, "bomb": gzip.compress(b"\n" * (8 << 20))}[how]

    regular = st.tuples(st.just("file"), st.tuples(names, suffix).map(b"".join), lines | text.map(
        lambda t: t.encode("utf-8", "surrogatepass")) | st.binary(max_size=500))
    compressed = st.tuples(st.just("file"), names.map(lambda n: n + b".jsonl.gz"),
                           st.tuples(lines, st.sampled_from(["ok", "truncated", "corrupt", "twice", "bomb"])).map(
                               lambda a: gz(*a)))
    special = st.tuples(st.sampled_from(["fifo", "devzero", "dir", "dangling"]), st.tuples(names, suffix).map(b"".join),
                        st.just(b""))
    return st.lists(regular | compressed | special, min_size=1, max_size=6, unique_by=lambda s: s[1].lower())


def fuzz_sources(examples: int):
    import os
    import shutil
    import tempfile

    import duckdb
    from hypothesis import HealthCheck, given, settings

    from vietmine.api import ingest

    tried = [0]

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(_sources())
    def prop(sources):
        tried[0] += 1
        root = tempfile.mkdtemp(prefix="vietmine-fuzz-")
        try:
            folder = os.path.join(os.fsencode(root), b"in")
            os.mkdir(folder)
            for kind, name, payload in sources:
                p = os.path.join(folder, name)
                if kind == "file":
                    with open(p, "wb") as fh:
                        fh.write(payload)
                elif kind == "fifo":
                    os.mkfifo(p)
                elif kind == "devzero":
                    os.symlink(b"/dev/zero", p)
                elif kind == "dir":
                    os.mkdir(p)
                else:
                    os.symlink(b"/nonexistent/target", p)
            db = os.path.join(root, "f.duckdb")
            stats = ingest([os.fsdecode(folder)], db, time_budget_s=20)
            con = duckdb.connect(db, read_only=True)
            stored = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
            for (v,) in con.execute("SELECT source_path || coalesce(title, '') || \"text\" FROM documents").fetchall():
                v.encode("utf-8")
            con.close()
            assert stored == stats.loaded, (stored, vars(stats))
        finally:
            shutil.rmtree(root, ignore_errors=True)

    t0 = time.monotonic()
    try:
        prop()
        status = "no failure"
    except Exception as e:
        status = f"FAILURE: {e!r}"
    print(f"source sets tried: {tried[0]}; {status}; {time.monotonic() - t0:.0f} s in all")


if __name__ == "__main__":
    main()
