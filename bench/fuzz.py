"""Long fuzzing run over readers, decoders and every extractor (hypothesis at scale).

usage: python bench/fuzz.py [--examples 20000] [--source-examples 300]
Prints how many inputs were tried and any failure (with the shrunk input). The short version of
the same property runs in the test suite (tests/test_reliability.py).

A second property fuzzes whole sources through `ingest`: file names (any bytes), JSON-lines fields
(any JSON value, lone surrogates, missing or odd ids, integers of thousands of digits, nesting
thousands deep), special files (FIFOs, links to /dev/zero, directories named like texts, dangling
links), link trees (links to files and folders outside the folder, loops, links inside it) and
compressed input (valid, truncated, corrupted, concatenated, bombs). It holds when the run ends,
every input is loaded or reported, every stored string is valid UTF-8, and nothing outside the
folder is stored.

A third property rewrites a feed while it is read (in place, by rename, or by appending, after a
random number of lines) during an `ingest --prune`: it holds when nothing is pruned and, once the
writer is done, a second run stores every line of the feed.

usage: python bench/fuzz.py [--examples 20000] [--source-examples 300] [--rewrite-examples 100]"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # for tests/ (the hostile inputs); last, so that vietmine is the installed one


def _run(prop, tried, extra=lambda: ""):
    """Run a property and print one line: how many inputs it tried and whether one failed (its
    shrunk example is in the message: reported, not hidden)."""
    t0 = time.monotonic()
    try:
        prop()
        status = "no failure"
    except Exception as e:
        status = f"FAILURE: {e!r}"
    print(f"{tried()}; {status}; {extra()}{time.monotonic() - t0:.0f} s in all")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=20000)
    ap.add_argument("--source-examples", type=int, default=300)
    ap.add_argument("--rewrite-examples", type=int, default=100)
    args = ap.parse_args()
    for stage, n in ((fuzz_texts, args.examples), (fuzz_sources, args.source_examples),
                     (fuzz_rewrites, args.rewrite_examples)):
        if n:
            stage(n)


def fuzz_texts(examples: int):
    import logging

    from hypothesis import HealthCheck, given, settings, strategies as st

    from tests.test_reliability import HOSTILE
    from vietmine.facts import ExtractionResult, Problem, RawInput
    from vietmine.pipeline.analyse import process

    logging.disable(logging.CRITICAL)
    tried = [0]
    slowest = [0.0]

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(HOSTILE, st.sampled_from(["txt", "html", "md"]))
    def prop(data, fmt):
        tried[0] += 1
        raw = RawInput(f"fuzz.{fmt}", data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data, fmt)
        t = time.monotonic()
        result = process(raw, budget_s=20)
        slowest[0] = max(slowest[0], time.monotonic() - t)
        assert isinstance(result, (ExtractionResult, Problem))

    _run(prop, lambda: f"inputs tried: {tried[0]}", lambda: f"slowest input {slowest[0]:.2f} s; ")


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
    # lines no JSON parser takes whole: an integer past Python's 4,300 digits, nesting past its
    # recursion limit, a float past double's range
    hostile = st.one_of(
        st.integers(4000, 20000).map(lambda n: b'{"text": "x", "n": ' + b"7" * n + b"}"),
        st.integers(900, 200_000).map(lambda n: b'{"text": "x", "a": ' + b"[" * n + b"]" * n + b"}"),
        st.integers(900, 50_000).map(lambda n: b'{"text": "x", "a": ' + b'{"a": ' * n + b"1" + b"}" * n + b"}"),
        st.just('{"id": "f", "text": "Chỉ thị số 09-CT/TW.", "v": 1e999999}'.encode()),
    )
    lines = st.lists(record.map(lambda r: json.dumps(r).encode()) | st.binary(max_size=80) | hostile, max_size=6).map(
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
    # link trees: to a file or a folder outside (the secret must never be stored), to the folder
    # itself or its parent (loops), to a file inside, and chains of links
    links = st.tuples(st.sampled_from(["link-out-file", "link-out-dir", "link-loop", "link-parent", "link-in",
                                       "link-chain-out"]), st.tuples(names, suffix).map(b"".join), st.just(b""))
    return st.lists(regular | compressed | special | links, min_size=1, max_size=6, unique_by=lambda s: s[1].lower())


SECRET = "Mật khẩu của hệ thống: 0000-secret-0000."
SENTENCES = ("Thực hiện Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng "
             "đối với phong trào Toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới, năm 2018 toàn tỉnh có "
             "1.250 mô hình tự quản về an ninh trật tự được duy trì hoạt động hiệu quả. ") * 2


def fuzz_sources(examples: int):
    import os
    import shutil
    import tempfile

    import duckdb
    from hypothesis import HealthCheck, given, settings

    from vietmine.api import ingest
    from vietmine.errors import VietmineError

    tried = [0]

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(_sources())
    def prop(sources):
        tried[0] += 1
        root = tempfile.mkdtemp(prefix="vietmine-fuzz-")
        try:
            folder = os.path.join(os.fsencode(root), b"in")
            os.mkdir(folder)
            outside = os.path.join(os.fsencode(root), b"outside")
            os.mkdir(outside)
            with open(os.path.join(outside, b"secret.txt"), "w", encoding="utf-8") as fh:
                fh.write(SECRET)
            for kind, name, payload in sources:
                p = os.path.join(folder, name)
                if kind.startswith("link"):
                    target = {"link-out-file": os.path.join(outside, b"secret.txt"), "link-out-dir": outside,
                              "link-loop": folder, "link-parent": os.path.dirname(folder),
                              "link-in": os.path.join(folder, sources[0][1]),
                              "link-chain-out": os.path.join(os.fsencode(root), b"hop")}[kind]
                    if kind == "link-chain-out" and not os.path.lexists(target):
                        os.symlink(os.path.join(outside, b"secret.txt"), target)
                    os.symlink(target, p)
                elif kind == "file":
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
            try:
                stats = ingest([os.fsdecode(folder)], db, time_budget_s=20)
            except VietmineError as e:  # only folders, and links that stay in the folder: nothing to read
                assert "no supported files" in str(e) and all(
                    k in ("dir", "link-loop", "link-parent", "link-out-dir", "link-in") for k, _, _ in sources), e
                return
            con = duckdb.connect(db, read_only=True)
            stored = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
            for (v,) in con.execute("SELECT source_path || coalesce(title, '') || \"text\" FROM documents").fetchall():
                v.encode("utf-8")
                assert SECRET not in v, "a link out of the folder was followed"
            con.close()
            assert stored == stats.loaded, (stored, vars(stats))
        finally:
            shutil.rmtree(root, ignore_errors=True)

    _run(prop, lambda: f"source sets tried: {tried[0]}")


def fuzz_rewrites(examples: int):
    """A feed written while `ingest --prune` reads it: nothing pruned, and all of it stored next time."""
    import json
    import os
    import shutil
    import tempfile

    from hypothesis import HealthCheck, given, settings, strategies as st

    from vietmine.api import ingest
    from vietmine.corpus import files, readers

    tried = [0]
    real_iter_lines, chunk = readers.iter_lines, files.CHUNK

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.integers(1, 60), st.integers(0, 65), st.sampled_from(["in-place", "rename", "append"]),
           st.booleans(), st.booleans())
    def prop(n, at, how, with_ids, gz):
        import gzip

        tried[0] += 1
        root = tempfile.mkdtemp(prefix="vietmine-rewrite-")
        try:
            folder = os.path.join(root, "in")
            os.mkdir(folder)
            feed = os.path.join(folder, "feed.jsonl.gz" if gz else "feed.jsonl")
            # lines of a real length: a feed larger than a read buffer (8 KB), as real feeds are
            rows = [{**({"id": f"a{i}"} if with_ids else {}),
                     "text": f"Ngày {i % 28 + 1}/8/2022, tỉnh Khánh Hòa có {i} xã. " + SENTENCES} for i in range(n)]
            data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
            extra = json.dumps({"id": "new", "text": "Kết luận số 44-KL/TW ngày 22/01/2019."}, ensure_ascii=False).encode() + b"\n"
            final = data + extra if how == "append" else data

            def write(path, b, mode="wb"):
                with (gzip.open if gz else open)(path, mode) as fh:
                    fh.write(b)
            write(feed, data)
            db = os.path.join(root, "f.duckdb")
            first = ingest([folder], db)

            def rewritten(path, *a, **k):
                for i, item in enumerate(real_iter_lines(path, *a, **k)):
                    if i == at:
                        if how == "in-place":  # truncated and half written again when read
                            write(feed, data[: len(data) // 2])
                        elif how == "rename":
                            write(feed + ".new", data)
                            os.replace(feed + ".new", feed)
                        else:  # a new article appended (a new gzip member to a .gz)
                            write(feed, extra, "ab")
                    yield item

            readers.iter_lines, files.CHUNK = rewritten, 256  # small reads: what follows the write is the new file
            try:
                during = ingest([folder], db, prune=True)
            finally:
                readers.iter_lines, files.CHUNK = real_iter_lines, chunk
            assert during.pruned == 0, vars(during)
            write(feed, final)  # the writer is done
            after = ingest([folder], db, prune=True)
            lines = n + (how == "append")
            assert after.pruned == 0 and after.loaded + after.unchanged + after.replaced == lines, vars(after)
            assert first.loaded == n
        finally:
            shutil.rmtree(root, ignore_errors=True)

    _run(prop, lambda: f"feeds rewritten while read: {tried[0]}")


if __name__ == "__main__":
    main()
