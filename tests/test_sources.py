"""Faults in the sources: bad names and strings, special files, bombs, and sources that change,
move or disappear. Each test injects the fault and checks the database afterwards."""
import gzip
import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from vietmine.cli import main
from vietmine.corpus import SAMPLE_DIR
from vietmine.corpus.files import ReadRefused, iter_lines, read_bounded
from tests.util import q, table_rows

SAMPLES = sorted(SAMPLE_DIR.glob("*.txt"))
SENTENCE_A = "Thực hiện Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư về an ninh Tổ quốc."
SENTENCE_B = "Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư được quán triệt tại tỉnh Khánh Hòa."


def _docs(db):
    return {os.path.basename(p): t for p, t in q(db, "SELECT source_path, text FROM documents")}


# -- 1. one bad input costs one input -------------------------------------------------------------

@pytest.mark.parametrize("name, line", [
    pytest.param(b"bad\xff.txt", None, id="undecodable-byte-in-file-name"),
    pytest.param(b"ok.jsonl", {"id": "x\udcff", "title": "t", "text": SENTENCE_B}, id="lone-surrogate-in-id"),
    pytest.param(b"ok.jsonl", {"id": "x1", "title": "t\udcff", "text": SENTENCE_B}, id="lone-surrogate-in-title"),
    pytest.param(b"ok.jsonl", {"id": "x1", "title": "t\ud800", "text": SENTENCE_B + "\ud800"}, id="high-surrogate-in-text"),
    pytest.param(b"ok.jsonl", {"id": "x1", "author": "\udcff", "published": "\udcff", "text": SENTENCE_B},
                 id="surrogates-in-other-fields"),
])
def test_a_bad_string_costs_at_most_its_input_and_the_batch_loads(tmp_path, tmp_db, name, line):
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(SAMPLES[0], corpus / "good.txt")
    target = os.path.join(os.fsencode(corpus), name)
    with open(target, "wb") as fh:
        if line is None:
            fh.write(SENTENCE_A.encode())
        else:  # json.dumps writes a lone surrogate as the escape \udcff, as real feeds do
            fh.write(json.dumps(line).encode() + b"\n")
    assert main(["ingest", str(corpus), "--db", tmp_db]) == 0
    docs = _docs(tmp_db)
    assert "good.txt" in docs  # the rest of the batch loads
    assert len(docs) == 2      # and the bad-string input too, its strings made valid
    for (value,) in q(tmp_db, "SELECT source_path || coalesce(title, '') || source_key || \"text\" FROM documents"):
        value.encode("utf-8")  # valid UTF-8: raises on a lone surrogate
    assert main(["ingest", str(corpus), "--db", tmp_db]) == 0  # rerun: the same input is recognised
    assert q(tmp_db, "SELECT count(*) FROM documents") == [(2,)]
    assert q(tmp_db, "SELECT unchanged FROM runs ORDER BY run_id DESC LIMIT 1") == [(2,)]


@pytest.mark.parametrize("name, shown", [
    (b"b\xe1i.txt", "b\\xe1i.txt"),
    (b"two\nlines.txt", "two\\x0alines.txt"),
    (b"tab\there.txt", "tab\\x09here.txt"),
], ids=["latin-1-byte", "newline", "tab"])
def test_a_file_name_is_stored_and_shown_on_one_valid_line(tmp_path, tmp_db, name, shown, capsys):
    (tmp_path / "c").mkdir()
    with open(os.path.join(os.fsencode(tmp_path / "c"), name), "wb") as fh:
        fh.write(SENTENCE_A.encode())
    with open(os.path.join(os.fsencode(tmp_path / "c"), b"empty-" + name), "wb"):
        pass
    main(["ingest", str(tmp_path / "c"), "--db", tmp_db])
    assert [os.path.basename(p) for (p,) in q(tmp_db, "SELECT source_path FROM documents")] == [shown]
    err = capsys.readouterr().err
    assert [ln for ln in err.splitlines() if ln.startswith("skipped")] == [
        f"skipped {tmp_path / 'c' / ('empty-' + shown)}: empty file"]
    main(["ingest", str(tmp_path / "c"), "--db", tmp_db])  # the escaped name is the same source next time
    assert q(tmp_db, "SELECT loaded, unchanged, missing FROM runs ORDER BY run_id DESC LIMIT 1") == [(0, 1, 0)]


# -- 3. only regular files, bounded reads ---------------------------------------------------------

def _fifo(p):
    os.mkfifo(p)


def _dev_zero_link(p):
    os.symlink("/dev/zero", p)


def _socket(p):
    import socket

    s = socket.socket(socket.AF_UNIX)
    s.bind(str(p))
    s.listen()
    return s


@pytest.mark.parametrize("make, name, reason", [
    pytest.param(_fifo, "a.txt", "not a regular file", id="fifo-named-like-a-text"),
    pytest.param(_fifo, "feed.jsonl", "not a regular file", id="fifo-named-like-json-lines"),
    pytest.param(_dev_zero_link, "zero.txt", "not a regular file (a character device)", id="link-to-dev-zero"),
    pytest.param(_dev_zero_link, "zero.jsonl.gz", "not a regular file (a character device)", id="link-to-dev-zero-gz"),
    pytest.param(_socket, "s.txt", "not a regular file", id="unix-socket"),
])
def test_special_files_are_skipped_with_a_reason_never_waited_on(tmp_path, tmp_db, make, name, reason):
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(SAMPLES[1], corpus / "good.txt")
    keep = make(corpus / name)
    done = threading.Event()
    result = {}

    def run():  # a link to a device leaves the folder: followed only when asked, and refused then too
        result["rc"] = main(["ingest", str(corpus), "--db", tmp_db, "--follow-links"])
        done.set()

    t = threading.Thread(target=run, daemon=True)
    t.start()
    assert done.wait(120), "the run hung on a special file"
    if keep is not None:
        keep.close()
    assert result["rc"] == 0
    reasons = {os.path.basename(p): r for p, r in q(tmp_db, "SELECT source_path, reason FROM problems")}
    assert reason in reasons[name]
    assert set(_docs(tmp_db)) == {"good.txt"}


def test_a_large_file_is_refused_after_reading_limit_plus_one_byte(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 1001)
    with pytest.raises(ReadRefused, match="file too large"):
        read_bounded(big, limit=1000)
    assert read_bounded(big, limit=1001) == b"a" * 1001


def _gz_of_repeated(path: Path, piece: bytes, total: int):
    block = piece * (1 << 20 // len(piece))
    with gzip.open(path, "wb", compresslevel=9) as fh:
        for _ in range(total // len(block)):
            fh.write(block)


@pytest.mark.parametrize("piece, reason", [
    pytest.param(b"\x00", "compression bomb", id="zeros"),
    pytest.param(b"\n", "compression bomb", id="newlines"),
    pytest.param(b"{}", "compression bomb", id="one-endless-line"),
])
def test_decompression_bombs_are_stopped_within_bounds(tmp_path, tmp_db, piece, reason):
    """256 MB of one byte in ~250 KB of gzip: stopped at the expansion bound (64 MB minimum),
    memory bounded by one line; the good file beside it loads."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    _gz_of_repeated(corpus / "bomb.jsonl.gz", piece, 256 << 20)
    (corpus / "good.jsonl").write_text(json.dumps({"id": "g", "text": SENTENCE_A}, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    assert main(["ingest", str(corpus), "--db", tmp_db]) == 0
    reasons = " ".join(r for _, r in q(tmp_db, "SELECT source_path, reason FROM problems"))
    assert reason in reasons
    assert q(tmp_db, "SELECT count(*) FROM documents") == [(1,)]


def test_a_line_longer_than_the_limit_is_skipped_without_being_held(tmp_path):
    p = tmp_path / "f.jsonl"
    p.write_bytes(b'{"text": "a"}\n' + b"x" * 5000 + b"\n\n\n" + b'{"text": "b"}\n')
    assert list(iter_lines(p, max_line=1000)) == [(1, b'{"text": "a"}\n'), (2, None), (5, b'{"text": "b"}\n')]


def test_reading_counts_against_the_time_budget(tmp_path, monkeypatch):
    from vietmine.corpus import files

    p = tmp_path / "slow.jsonl"
    p.write_bytes(b"\n" * (3 << 20) + b'{"text": "a"}\n')
    monkeypatch.setattr(files, "CHUNK", 1024)
    real = time.monotonic
    clock = [real()]
    monkeypatch.setattr(files.time, "monotonic", lambda: clock.__setitem__(0, clock[0] + 0.01) or clock[0])
    with pytest.raises(ReadRefused, match="time budget of 5 s"):
        list(iter_lines(p, budget_s=5))


# -- 4. the database follows the files ------------------------------------------------------------

def _two_files(root: Path):
    root.mkdir(exist_ok=True)
    (root / "a.txt").write_text(SENTENCE_A, encoding="utf-8")
    (root / "b.txt").write_text(SENTENCE_B, encoding="utf-8")


def test_swapped_contents_are_followed(tmp_path, tmp_db):
    root = tmp_path / "c"
    _two_files(root)
    main(["ingest", str(root), "--db", tmp_db])
    (root / "a.txt").write_text(SENTENCE_B, encoding="utf-8")
    (root / "b.txt").write_text(SENTENCE_A, encoding="utf-8")
    assert main(["ingest", str(root), "--db", tmp_db]) == 0
    assert _docs(tmp_db) == {"a.txt": SENTENCE_B, "b.txt": SENTENCE_A}
    assert q(tmp_db, "SELECT count(*) FROM problems WHERE reason LIKE 'duplicate%'") == [(0,)]
    # row for row what a clean run of the swapped files stores
    clean = str(tmp_path / "clean.duckdb")
    main(["ingest", str(root), "--db", clean])
    assert table_rows(tmp_db) == table_rows(clean)


def test_renamed_file_moves_its_document(tmp_path, tmp_db):
    root = tmp_path / "c"
    _two_files(root)
    main(["ingest", str(root), "--db", tmp_db])
    (root / "a.txt").rename(root / "renamed.txt")
    main(["ingest", str(root), "--db", tmp_db])
    assert _docs(tmp_db) == {"renamed.txt": SENTENCE_A, "b.txt": SENTENCE_B}
    assert q(tmp_db, "SELECT count(*) FROM problems WHERE reason LIKE 'duplicate%'") == [(0,)]


def test_a_copy_is_still_a_duplicate(tmp_path, tmp_db):
    root = tmp_path / "c"
    _two_files(root)
    main(["ingest", str(root), "--db", tmp_db])
    shutil.copy(root / "a.txt", root / "copy.txt")
    main(["ingest", str(root), "--db", tmp_db])
    assert set(_docs(tmp_db)) == {"a.txt", "b.txt"}
    assert q(tmp_db, "SELECT reason FROM problems WHERE source_path LIKE '%copy.txt'")[0][0].startswith("duplicate")


def test_a_line_prepended_to_an_id_less_feed_shifts_nothing(tmp_path, tmp_db):
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in (SENTENCE_A, SENTENCE_B)]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    main(["ingest", str(feed), "--db", tmp_db])
    before = q(tmp_db, "SELECT doc_id, source_key FROM documents ORDER BY 1")
    new = json.dumps({"text": "Ngày 15/8/2022, tỉnh Khánh Hòa có 3 xã đạt chuẩn nông thôn mới."}, ensure_ascii=False)
    feed.write_text(new + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert main(["ingest", str(feed), "--db", tmp_db]) == 0
    assert q(tmp_db, "SELECT loaded, unchanged, replaced FROM runs ORDER BY run_id DESC LIMIT 1") == [(1, 2, 0)]
    after = q(tmp_db, "SELECT doc_id, source_key FROM documents ORDER BY 1")
    assert set(before) < set(after) and len(after) == 3
    # the stored path follows the line's new number
    assert {t: p.rsplit("#", 1)[1] for p, t in q(tmp_db, "SELECT source_path, \"text\" FROM documents")}[SENTENCE_A] == "2"


def test_relative_absolute_and_other_working_directory_are_one_source(tmp_path, tmp_db, monkeypatch):
    root = tmp_path / "c"
    _two_files(root)
    monkeypatch.chdir(tmp_path)
    main(["ingest", "c", "--db", tmp_db])
    main(["ingest", str(root), "--db", tmp_db])
    monkeypatch.chdir(root)
    main(["ingest", ".", "--db", tmp_db])
    assert q(tmp_db, "SELECT count(*) FROM documents") == [(2,)]
    assert q(tmp_db, "SELECT count(*) FROM problems") == [(0,)]
    assert q(tmp_db, "SELECT sum(loaded), sum(unchanged) FROM runs") == [(2, 4)]


def test_two_corpora_with_the_same_relative_names_stay_apart(tmp_path, tmp_db, monkeypatch):
    for name, text in (("one", SENTENCE_A), ("two", SENTENCE_B)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(text, encoding="utf-8")
    for name in ("one", "two"):
        monkeypatch.chdir(tmp_path / name)
        main(["ingest", "a.txt", "--db", tmp_db])
    assert sorted(t for (t,) in q(tmp_db, "SELECT \"text\" FROM documents")) == sorted([SENTENCE_A, SENTENCE_B])


def test_a_deleted_source_is_reported_then_pruned_on_request(tmp_path, tmp_db, capsys):
    root = tmp_path / "c"
    _two_files(root)
    feed = root / "feed.jsonl"
    feed.write_text(json.dumps({"id": "k1", "text": SENTENCE_A + " Bài 1."}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "k2", "text": SENTENCE_B + " Bài 2."}, ensure_ascii=False) + "\n", encoding="utf-8")
    main(["ingest", str(root), "--db", tmp_db])
    assert q(tmp_db, "SELECT count(*) FROM documents") == [(4,)]
    (root / "b.txt").unlink()
    feed.write_text(json.dumps({"id": "k1", "text": SENTENCE_A + " Bài 1."}, ensure_ascii=False) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["ingest", str(root), "--db", tmp_db]) == 0
    err = capsys.readouterr().err
    assert "missing " in err and "b.txt" in err and "feed.jsonl#k2" in err
    assert q(tmp_db, "SELECT count(*) FROM documents") == [(4,)]  # reported, never silently dropped
    assert q(tmp_db, "SELECT missing, pruned FROM runs ORDER BY run_id DESC LIMIT 1") == [(2, 0)]
    assert main(["ingest", str(root), "--db", tmp_db, "--prune"]) == 0
    assert set(_docs(tmp_db)) == {"a.txt", "feed.jsonl#k1"}
    assert q(tmp_db, "SELECT count(*) FROM legal_refs WHERE doc_id NOT IN (SELECT doc_id FROM documents)") == [(0,)]
    clean = str(tmp_path / "clean.duckdb")
    main(["ingest", str(root), "--db", clean])
    assert table_rows(tmp_db) == table_rows(clean)


def test_sources_outside_the_ingested_folder_are_not_reported(tmp_path, tmp_db, capsys):
    _two_files(tmp_path / "one")
    _two_files(tmp_path / "two")
    (tmp_path / "two" / "a.txt").write_text(SENTENCE_A + " Thêm.", encoding="utf-8")
    (tmp_path / "two" / "b.txt").write_text(SENTENCE_B + " Thêm.", encoding="utf-8")
    main(["ingest", str(tmp_path / "one"), str(tmp_path / "two"), "--db", tmp_db])
    capsys.readouterr()
    main(["ingest", str(tmp_path / "one"), "--db", tmp_db, "--prune"])
    assert "missing" not in capsys.readouterr().err
    assert q(tmp_db, "SELECT count(*) FROM documents") == [(4,)]


# -- 5. one JSON line costs one line, whatever it raises -----------------------------------------

HUGE_NUMBER = b'{"id": "n1", "text": "x", "views": ' + b"7" * 5000 + b"}"
DEEP_NESTING = b'{"id": "d1", "text": "x", "tags": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


@pytest.mark.parametrize("bad, reason", [
    pytest.param(HUGE_NUMBER, "malformed JSON line (ValueError", id="integer-of-5000-digits"),
    pytest.param(DEEP_NESTING, "malformed JSON line (RecursionError", id="nesting-100000-deep"),
    pytest.param(b'{"id": "b1", "text": "\xff\xfe"}', "malformed JSON line (UnicodeDecodeError)", id="invalid-utf-8"),
])
def test_a_hostile_json_line_costs_that_line_and_the_feed_loads_past_it(tmp_path, tmp_db, bad, reason):
    feed = tmp_path / "feed.jsonl"
    good = [json.dumps({"id": f"k{i}", "text": t}, ensure_ascii=False).encode()
            for i, t in enumerate((SENTENCE_A, SENTENCE_B))]
    feed.write_bytes(good[0] + b"\n" + bad + b"\n" + good[1] + b"\n")
    for _ in range(2):  # and the rerun is not stopped at the same line
        assert main(["ingest", str(feed), "--db", tmp_db, "--prune"]) == 0
    assert sorted(t for (t,) in q(tmp_db, 'SELECT "text" FROM documents')) == sorted([SENTENCE_A, SENTENCE_B])
    assert q(tmp_db, "SELECT status, loaded, unchanged, skipped FROM runs ORDER BY run_id") == [
        ("complete", 2, 0, 1), ("complete", 0, 2, 1)]
    assert [r for (r,) in q(tmp_db, "SELECT reason FROM problems WHERE source_path LIKE '%:2'")][0].startswith(reason)


# -- 6. repeated lines cost constant memory --------------------------------------------------------

@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_a_feed_of_one_line_repeated_takes_constant_memory(tmp_path, tmp_db, suffix):
    """100,000 copies of one id-less line: one document; Python's memory does not grow with them
    (a list of every copy's path grew it by ~50 MB)."""
    import tracemalloc

    from vietmine.api import ingest

    line = json.dumps({"title": "Tin", "text": SENTENCE_B}, ensure_ascii=False).encode() + b"\n"
    feed = tmp_path / f"feed{suffix}"
    (gzip.open if suffix.endswith(".gz") else open)(feed, "wb").write(line * 100_000)
    warm = tmp_path / "warm.jsonl"  # models and rules loaded before measuring
    warm.write_bytes(line * 2)
    ingest([str(warm)], str(tmp_path / "warm.duckdb"))
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        stats = ingest([str(feed)], tmp_db)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert (stats.loaded, stats.unchanged) == (1, 99_999)
    assert peak < 20 << 20, f"{peak >> 20} MB held while reading 100,000 copies of one line"


# -- 7. prune only what is certainly gone ----------------------------------------------------------

def _feed_lines(n):
    return [json.dumps({"id": f"a{i}", "text": f"{SENTENCE_A} Bài số {i}."}, ensure_ascii=False) + "\n"
            for i in range(n)]


def _rewrite(feed: Path, lines: list[str], how: str):
    """What a writer does to a feed while it is being read."""
    if how == "rewritten-in-place":  # truncated, then written again: a reader sees a cut feed
        feed.write_text("".join(lines[:10]) + lines[10][:20], encoding="utf-8")
    elif how == "replaced-by-rename":
        tmp = feed.with_name("new.tmp")
        tmp.write_text("".join(lines), encoding="utf-8")
        os.replace(tmp, feed)
    else:  # appended to
        with open(feed, "a", encoding="utf-8") as fh:
            fh.write(_feed_lines(len(lines) + 1)[-1])


@pytest.mark.parametrize("how", ["rewritten-in-place", "replaced-by-rename", "appended-to"])
def test_a_feed_written_while_it_is_read_is_not_pruned(tmp_path, tmp_db, monkeypatch, how):
    from vietmine.corpus import files, readers

    corpus = tmp_path / "c"
    corpus.mkdir()
    feed = corpus / "feed.jsonl"
    lines = _feed_lines(60)
    feed.write_text("".join(lines), encoding="utf-8")
    assert main(["ingest", str(corpus), "--db", tmp_db]) == 0
    real = readers.iter_lines

    def written_meanwhile(path, *a, **k):
        for n, (lineno, line) in enumerate(real(path, *a, **k)):
            if n == 5:
                _rewrite(feed, lines, how)
            yield lineno, line

    monkeypatch.setattr(readers, "iter_lines", written_meanwhile)
    monkeypatch.setattr(files, "CHUNK", 256)  # read in small pieces: what is read after the write is the new file
    assert main(["ingest", str(corpus), "--db", tmp_db, "--prune"]) == 0
    # nothing pruned; a line appended meanwhile and read is loaded
    assert q(tmp_db, "SELECT count(*) FROM documents") == [(61 if how == "appended-to" else 60,)]
    assert q(tmp_db, "SELECT pruned, status FROM runs ORDER BY run_id DESC LIMIT 1") == [(0, "complete")]
    assert any("changed while it was read" in r for (r,) in q(tmp_db, "SELECT reason FROM problems"))


def _unlistable(monkeypatch, folder: Path):
    """`folder` as mode 000 makes it for a user other than root (the tests run as root, which
    chmod does not stop): listing it, or reaching a file inside it, raises PermissionError."""
    real_scandir, real_stat = os.scandir, os.stat
    inside = os.fsencode(folder)

    def refused(path):
        p = os.fsencode(os.fspath(path)) if not isinstance(path, int) else b""
        return p == inside or p.startswith(inside + b"/")

    def scandir(path="."):
        if refused(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def stat(path, *a, **k):
        if refused(path) and os.fsencode(os.fspath(path)) != inside:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_stat(path, *a, **k)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat)


def test_a_folder_that_cannot_be_listed_is_reported_and_nothing_under_it_is_pruned(tmp_path, tmp_db, monkeypatch):
    root = tmp_path / "c"
    _two_files(root)
    _two_files(root / "sub")
    (root / "a.txt").write_text(SENTENCE_A + " Một.", encoding="utf-8")
    (root / "b.txt").write_text(SENTENCE_B + " Hai.", encoding="utf-8")
    assert main(["ingest", str(root), "--db", tmp_db]) == 0
    assert q(tmp_db, "SELECT count(*) FROM documents") == [(4,)]
    _unlistable(monkeypatch, root / "sub")
    assert main(["ingest", str(root), "--db", tmp_db, "--prune"]) == 0
    monkeypatch.undo()
    assert q(tmp_db, "SELECT count(*) FROM documents") == [(4,)]
    assert q(tmp_db, "SELECT source_path, reason FROM problems") == [
        (str(root / "sub"), "cannot list folder: Permission denied; nothing under it is pruned")]
    assert q(tmp_db, "SELECT pruned FROM runs ORDER BY run_id DESC LIMIT 1") == [(0,)]


# -- 8. one source, one key; two sources, two keys -----------------------------------------------

def _content_key(row: dict) -> str:
    """The item key an id-less line gets: a hash of its content (corpus.files.line_key)."""
    from vietmine.corpus.files import line_key

    return line_key(json.dumps(row).encode())


def _write(folder: Path, name: bytes, data: bytes):
    with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
        fh.write(data)


@pytest.mark.parametrize("sources", [
    pytest.param([(b"a\nb.txt", SENTENCE_A), (b"a\\x0ab.txt", SENTENCE_B)], id="newline-and-its-escape-spelt-out"),
    pytest.param([(b"b\xe1i.txt", SENTENCE_A), (b"b\\xe1i.txt", SENTENCE_B)], id="undecodable-byte-and-its-escape"),
    pytest.param([(b"feed.jsonl#x.txt", SENTENCE_A), (b"feed.jsonl", {"id": "x.txt", "text": SENTENCE_B})],
                 id="file-named-like-a-feed-article"),
    pytest.param([(b"feed.jsonl", [{"id": "x\udcff", "text": SENTENCE_A}, {"id": "x\\xff", "text": SENTENCE_B}])],
                 id="surrogate-id-and-its-escape"),
    pytest.param([(b"feed.jsonl", [{"text": SENTENCE_A}, {"id": _content_key({"text": SENTENCE_A}), "text": SENTENCE_B}])],
                 id="id-spelt-as-the-content-hash-of-an-id-less-line"),
])
def test_two_sources_never_share_a_key(tmp_path, tmp_db, sources):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, content in sources:
        if isinstance(content, str):
            _write(corpus, name, content.encode())
        else:
            rows = content if isinstance(content, list) else [content]
            _write(corpus, name, b"".join(json.dumps(r).encode() + b"\n" for r in rows))
    for _ in range(2):
        assert main(["ingest", str(corpus), "--db", tmp_db, "--batch-size", "1"]) == 0
    assert sorted(t for (t,) in q(tmp_db, 'SELECT "text" FROM documents')) == sorted([SENTENCE_A, SENTENCE_B])
    assert q(tmp_db, "SELECT count(DISTINCT source_key) FROM documents") == [(2,)]
    assert q(tmp_db, "SELECT loaded, replaced, unchanged FROM runs ORDER BY run_id") == [(2, 0, 0), (0, 0, 2)]


def test_key_text_is_injective_and_disk_path_undoes_it():
    from hypothesis import given, settings, strategies as st

    from vietmine.corpus.files import canonical_path, key_text
    from vietmine.corpus.sources import SourceKey

    piece = st.sampled_from(["\\", "x", "u", "0", "a", "5c", "#", ".jsonl", ".gz", "\n", "\x7f", "\udcff", "\ud800",
                             "é", "/", " "])
    name = st.lists(piece, max_size=10).map("".join)

    @settings(max_examples=1000, deadline=None)
    @given(name, name)
    def prop(a, b):
        if a != b:
            assert key_text(a) != key_text(b)
        path = "/r/" + a.replace("/", "_").replace("\ud800", "_")
        assert SourceKey(canonical_path(path)).disk_path() == os.path.realpath(path)
        assert SourceKey.parse(str(SourceKey.of_file(path))) == SourceKey.of_file(path)

    prop()


# -- 9. links out of the folder --------------------------------------------------------------------

def test_a_link_out_of_the_folder_is_reported_and_not_followed_unless_asked(tmp_path, tmp_db):
    outside = tmp_path / "outside"
    _two_files(outside)
    (outside / "secret.txt").write_text("Mật khẩu của Bộ Quốc phòng: 1234.", encoding="utf-8")
    corpus = tmp_path / "c"
    _two_files(corpus)
    (corpus / "passwd.txt").symlink_to(outside / "secret.txt")
    (corpus / "elsewhere").symlink_to(outside, target_is_directory=True)
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")   # stays in the folder: read (a duplicate)
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    assert main(["ingest", str(corpus), "--db", tmp_db]) == 0
    assert sorted(_docs(tmp_db).values()) == sorted([SENTENCE_A, SENTENCE_B])
    reasons = dict(q(tmp_db, "SELECT source_path, reason FROM problems"))
    assert reasons[str(corpus / "passwd.txt")] == (f"link to a file outside {corpus} ({outside / 'secret.txt'}); "
                                                  "not followed (--follow-links follows it)")
    assert reasons[str(corpus / "elsewhere")].startswith(f"link to a folder outside {corpus}")
    assert str(corpus / "loop") not in reasons  # a link inside the folder is no leak
    assert main(["ingest", str(corpus), "--db", tmp_db, "--follow-links"]) == 0
    assert "Mật khẩu của Bộ Quốc phòng: 1234." in _docs(tmp_db).values()
