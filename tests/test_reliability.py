"""Faults injected: schema migration, concurrent access, per-document time budget, hostile
input (property-based), and SIGKILL during long ingests."""
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from vietmine.corpus import SAMPLE_DIR
from vietmine.cli import main
from vietmine.pipeline.migrations import SCHEMA_VERSION
from tests.util import DOCUMENT_TABLES, q, table_rows

FIXTURES = Path(__file__).parent / "fixtures"


def test_previous_schema_version_is_migrated_in_place(tmp_path):
    db = tmp_path / "old.duckdb"
    shutil.copy(FIXTURES / "schema_v1.duckdb", db)
    assert q(str(db), "SELECT value FROM schema_info") == [("1",)]
    before = q(str(db), "SELECT doc_type, number, code FROM legal_refs ORDER BY start_char")
    assert main(["ingest", "--db", str(db)]) == 0
    assert q(str(db), "SELECT value FROM schema_info") == [(str(SCHEMA_VERSION),)]
    # new columns present, new documents loaded beside the old one
    assert q(str(db), "SELECT count(*) FROM legal_refs WHERE registry_key IS NOT NULL")[0][0] > 0
    # the fixture holds article 004, stored from /tmp/v1fx/004.txt, a path that no longer exists:
    # the bundled copy is the same content, so the document follows it (stored once, not a duplicate)
    assert q(str(db), "SELECT count(*) FROM documents")[0][0] == 5
    old_doc, path = q(str(db), "SELECT doc_id, source_path FROM documents WHERE source_path LIKE '%004_a003ad0d4c678184.txt'")[0]
    assert q(str(db), "SELECT doc_type, number, code FROM legal_refs WHERE doc_id = ? ORDER BY start_char", old_doc) == before
    assert q(str(db), "SELECT count(*) FROM documents WHERE source_key IS NULL") == [(0,)]
    assert q(str(db), "SELECT count(*) FROM problems WHERE reason LIKE 'duplicate%'") == [(0,)]


def test_second_writer_gets_a_clear_message_and_readers_wait_for_the_batch(tmp_path):
    db = str(tmp_path / "busy.duckdb")
    assert main(["ingest", "--db", db]) == 0
    # a process holding the file as a run does while it commits a batch, for 8 seconds
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(8); c.close(); time.sleep(60)", db],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        reader = subprocess.Popen([sys.executable, "-m", "vietmine", "sql", "SELECT count(*) AS n FROM documents",
                                   "--db", db, "--format", "csv"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)
        r = subprocess.run([sys.executable, "-m", "vietmine", "ingest", "--db", db], capture_output=True, text=True)
        assert r.returncode == 2
        assert f"is being written by PID {holder.pid}" in r.stderr and "Traceback" not in r.stderr
        # the reader waits for the file and reads the database itself: no copy, no stale snapshot
        out, err = reader.communicate(timeout=60)
        r = subprocess.CompletedProcess(reader.args, reader.returncode, out, err)
        assert r.returncode == 0 and r.stdout.split() == ["n", "5"]
        assert "waiting for its batch to commit" in r.stderr
        assert not os.path.exists(db + ".snapshot")
    finally:
        holder.kill()
        holder.wait()


def test_a_second_run_is_refused_while_the_first_holds_the_writer_lock(tmp_path):
    from vietmine.pipeline.store import Store
    from vietmine.errors import DatabaseError

    db = str(tmp_path / "w.duckdb")
    first = Store(db)
    first.release()  # between two batches: the file is free, the run is not over
    try:
        with pytest.raises(DatabaseError, match=f"is being written by PID {os.getpid()}"):
            Store(db)
        con = duckdb.connect(db, read_only=True)  # a reader gets in between batches
        assert con.execute("SELECT count(*) FROM documents").fetchall() == [(0,)]
        con.close()
        from vietmine.api import Database

        with Database(db) as d:
            assert d.sql("SELECT count(*) AS n FROM documents").n[0] == 0
    finally:
        first.close()


def test_time_budget_skips_and_reports_a_slow_document(tmp_path, monkeypatch):
    from vietmine.pipeline import analyse as run

    f = tmp_path / "slow.txt"
    f.write_text("Chỉ thị số 09-CT/TW", encoding="utf-8")

    def slow(doc):
        time.sleep(5)
        return doc

    monkeypatch.setattr(run, "segment", slow)
    result = run.process(run.RawInput(str(f), f.read_bytes(), "txt"), budget_s=0.5)
    assert result.reason == "analysis exceeded the time budget of 0.5 s"


HOSTILE = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=3000),
    st.text(alphabet="0123456789/-.,% ", min_size=1, max_size=5000),
    st.builds(lambda n: "<div>" * n + "Chỉ thị 09" + "</span>" * (n // 2), st.integers(0, 3000)),
    st.builds(lambda n, s: ("Thông tư số " + "/" * n + "-" * n + " " + s), st.integers(0, 3000), st.text(max_size=200)),
    st.builds(lambda n: "Có " + "9" * n + " người và " + "1." * n + " xã", st.integers(1, 200_000)),
    st.builds(lambda s: (s * 40).encode("utf-16") + s.encode("cp1258", "ignore"), st.text(max_size=100)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(HOSTILE, st.sampled_from(["txt", "html", "md"]))
def test_hostile_input_never_crashes_or_hangs(data, fmt):
    from vietmine.facts import ExtractionResult, Problem, RawInput
    from vietmine.pipeline.analyse import process

    raw = RawInput(f"fuzz.{fmt}", data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data, fmt)
    result = process(raw, budget_s=20)
    assert isinstance(result, (ExtractionResult, Problem))
    # no wall-clock limit in the test: the pipeline's own budget must not have been needed
    assert not (isinstance(result, Problem) and "time budget" in result.reason), result.reason
    if isinstance(result, ExtractionResult):
        n = len(result.document.text)
        assert all(0 <= f.start_char <= f.end_char <= n for f in result.facts if hasattr(f, "start_char"))


def _long_corpus(root: Path, n: int = 150) -> Path:
    """Many distinct real articles: each bundled article with a numbered closing line."""
    src = sorted(SAMPLE_DIR.glob("*.txt"))
    root.mkdir()
    for i in range(n):
        text = src[i % len(src)].read_text(encoding="utf-8")
        (root / f"a{i:04d}.txt").write_text(text + f"\nBài số {i} trong tuyển tập năm 2020.\n", encoding="utf-8")
    return root


def _check_consistent(db: str, reference: dict[str, list]):
    """The database opens; no fact without its document; each document present has all its facts."""
    con = duckdb.connect(db, read_only=True)
    tables = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not tables:  # killed before the schema's own transaction committed: nothing was loaded
        con.close()
        return
    assert {"documents", *DOCUMENT_TABLES} <= tables, "a partial schema"
    docs = {d for (d,) in con.execute("SELECT doc_id FROM documents").fetchall()}
    for t in DOCUMENT_TABLES:
        orphans = con.execute(f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()[0]
        assert orphans == 0, f"{t} has facts without their document"
    con.close()
    # every document present has exactly the facts it has in an uninterrupted run
    now = table_rows(db, per_document_only=True)
    for t in DOCUMENT_TABLES:
        ref = [r for r in reference[t] if any(f"'{d}'" in r for d in docs)]
        assert now[t] == ref, f"{t}: a document present has incomplete facts"


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing(tmp_path):
    corpus = _long_corpus(tmp_path / "corpus")
    cmd = [sys.executable, "-m", "vietmine", "ingest", str(corpus), "--batch-size", "7", "--quiet"]
    ref_db = str(tmp_path / "ref.duckdb")
    subprocess.run(cmd + ["--db", ref_db], check=True, capture_output=True)
    reference = table_rows(ref_db)
    reference_per_document = table_rows(ref_db, per_document_only=True)
    t0 = time.monotonic()
    subprocess.run(cmd + ["--db", str(tmp_path / "timing.duckdb")], check=True, capture_output=True)
    full_run = time.monotonic() - t0
    rng = random.Random(20261123)
    kills = 0
    for i in range(20):
        db = str(tmp_path / f"k{i}.duckdb")
        # a database that already holds part of the corpus, then a run killed at a random moment
        if i % 2:
            subprocess.run(cmd[:4] + [str(corpus / "a0000.txt"), "--db", db], check=True, capture_output=True)
        p = subprocess.Popen(cmd + ["--db", db], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 0.85 * full_run))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            kills += 1
        p.wait()
        if os.path.exists(db):
            _check_consistent(db, reference_per_document)
        subprocess.run(cmd + ["--db", db], check=True, capture_output=True)
        assert table_rows(db) == reference
    assert kills >= 15, f"only {kills} of 20 runs were killed mid-way"


# -- sql cannot write ---------------------------------------------------------------------------

def _fingerprint(db):
    return table_rows(db), sorted(os.listdir(os.path.dirname(db)))


@pytest.mark.parametrize("query, reason", [
    ("COPY documents TO '{db}'", "refused: COPY"),
    ("COPY documents TO '{dir}/out.csv'", "refused: COPY"),
    ("COPY (SELECT 1) TO '{dir}/x.parquet' (FORMAT parquet)", "refused: COPY"),
    ("EXPORT DATABASE '{dir}/exported'", "refused: EXPORT"),
    ("ATTACH '{dir}/other.duckdb' (READ_WRITE)", "refused: ATTACH"),
    ("INSTALL httpfs", "refused: INSTALL"),
    ("LOAD httpfs", "refused: INSTALL"),
    ("SELECT 1; DELETE FROM documents", "refused: 2 statements"),
    ("DELETE FROM documents", "refused: DELETE"),
    ("CREATE TABLE t AS SELECT 1", "refused: CREATE"),
    ("SET enable_external_access = true", "refused: SET"),
    ("CALL pragma_version()", "refused: CALL"),
    ("PRAGMA enable_profiling", "refused: PRAGMA enable_profiling"),
    ("EXPLAIN ANALYZE COPY documents TO '{dir}/y.csv'", "refused: COPY"),
    ("SELECT * FROM read_text('/etc/shadow')", "is outside the folders"),
    ("SELECT * FROM read_csv('{db}.lock')", "is outside the folders"),
    ("SELECT * FROM read_blob('/etc/passwd')", "is outside the folders"),
    ("SELECT * FROM read_csv('outputs/../../../../etc/passwd')", "is outside the folders"),
    ("", "empty query"),
    ("SELEC 1", "Parser Error"),
])
def test_sql_refuses_anything_but_one_read_only_statement(sample_db, query, reason, capsys):
    before = _fingerprint(sample_db)
    q_ = query.format(db=sample_db, dir=os.path.dirname(sample_db))
    capsys.readouterr()
    assert main(["sql", q_, "--db", sample_db]) == 1
    err = capsys.readouterr().err
    assert reason in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert _fingerprint(sample_db) == before


@pytest.mark.parametrize("query", [
    "SELECT count(*) FROM documents",
    "WITH d AS (SELECT * FROM documents) SELECT count(*) FROM d",
    "DESCRIBE documents",
    "SUMMARIZE legal_refs",
    "EXPLAIN SELECT * FROM places",
    "SHOW TABLES",
    "PRAGMA table_info('documents')",
    "SELECT * FROM legal_documents LIMIT 3",
    "FROM citations LIMIT 1;",
])
def test_sql_runs_read_only_statements(sample_db, query):
    from vietmine.api import Database

    with Database(sample_db) as d:
        assert len(d.sql(query)) > 0


def test_sql_reads_files_only_from_outputs_or_named_folders(sample_db, tmp_path, monkeypatch):
    import pandas as pd

    from vietmine.api import Database
    from vietmine.errors import QueryError

    monkeypatch.chdir(tmp_path)
    (tmp_path / "outputs").mkdir()
    (tmp_path / "mine").mkdir()
    for folder in ("outputs", "mine"):
        pd.DataFrame({"a": [1, 2]}).to_parquet(tmp_path / folder / "t.parquet")
    with Database(sample_db) as d:
        assert d.sql("SELECT sum(a) AS s FROM 'outputs/t.parquet'").s[0] == 3
        with pytest.raises(QueryError, match="is outside the folders"):
            d.sql("SELECT * FROM 'mine/t.parquet'")
    with Database(sample_db, read_dirs=["mine"]) as d:
        assert d.sql("SELECT sum(a) AS s FROM 'mine/t.parquet'").s[0] == 3


# -- facts follow the rules -----------------------------------------------------------------------

def test_stale_documents_are_reextracted_from_stored_text(tmp_path):
    from vietmine.api import reextract

    corpus = tmp_path / "c"
    corpus.mkdir()
    for src in sorted(SAMPLE_DIR.glob("*.txt"))[:3]:
        shutil.copy(src, corpus / src.name)
    ref, db = str(tmp_path / "ref.duckdb"), str(tmp_path / "db.duckdb")
    main(["ingest", str(corpus), "--db", ref])
    main(["ingest", str(corpus), "--db", db])
    # facts from "older rules": some removed, one wrong, and an old rules version
    con = duckdb.connect(db)
    con.execute("UPDATE documents SET rules_version = '0.0.1+old'")
    con.execute("DELETE FROM dates")
    con.execute("UPDATE legal_refs SET code = 'WRONG'")
    con.close()
    for p in corpus.iterdir():  # the sources are gone: only the stored text is used
        p.unlink()
    stats = reextract(db)
    assert stats.reextracted == 3
    assert table_rows(db) == table_rows(ref)
    assert reextract(db).reextracted == 0  # nothing stale is left
    con = duckdb.connect(db)
    con.execute("UPDATE documents SET rules_version = 'other'")
    con.close()
    assert main(["reextract", "--db", db, "--quiet"]) == 0
    assert table_rows(db) == table_rows(ref)
    assert q(db, "SELECT reextracted, status FROM runs ORDER BY run_id DESC LIMIT 1") == [(3, "complete")]


def test_the_next_ingest_reextracts_stale_documents(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for src in sorted(SAMPLE_DIR.glob("*.txt"))[:2]:
        shutil.copy(src, corpus / src.name)
    db, ref = str(tmp_path / "db.duckdb"), str(tmp_path / "ref.duckdb")
    main(["ingest", str(corpus), "--db", ref])
    main(["ingest", str(corpus), "--db", db])
    con = duckdb.connect(db)
    con.execute("UPDATE documents SET rules_version = NULL WHERE source_path LIKE '%000_%'")
    con.execute("DELETE FROM places")
    con.close()
    capsys.readouterr()
    assert main(["ingest", str(corpus), "--db", db]) == 0
    assert "1 re-extracted" in capsys.readouterr().out
    ref_rows, rows = table_rows(ref), table_rows(db)
    # only the stale document was analysed again: the other keeps its (deleted) places
    doc0 = q(db, "SELECT doc_id FROM documents WHERE source_path LIKE '%000_%'")[0][0]
    assert rows["places"] == [r for r in ref_rows["places"] if f"'{doc0}'" in r]


# -- interrupts, full disks -----------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupt_ends_with_one_line_and_the_rerun_finishes(tmp_path, sig):
    corpus = _long_corpus(tmp_path / "corpus", 200)  # long enough to be running still after its first batch
    db = str(tmp_path / "i.duckdb")
    cmd = [sys.executable, "-m", "vietmine", "ingest", str(corpus), "--batch-size", "5", "--quiet", "--db", db]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait for a first committed batch
        time.sleep(0.3)
        if os.path.exists(db):
            try:
                c = duckdb.connect(db, read_only=True)
                n = c.execute("SELECT count(*) FROM documents").fetchall()[0][0]
                c.close()
                if n:
                    break
            except duckdb.Error:
                pass
    assert p.poll() is None, "the run ended before it could be interrupted"
    p.send_signal(sig)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 130, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert "Traceback" not in err
    assert lines[-1].startswith("vietmine ingest: interrupted: ") and lines[-1].endswith(
        "documents committed; run the same command to finish")
    n = int(lines[-1].split("interrupted: ")[1].split()[0])
    assert n > 0 and q(db, "SELECT count(*) FROM documents") == [(n,)]
    assert q(db, "SELECT status FROM runs") == [("interrupted",)]
    subprocess.run(cmd, check=True, capture_output=True)
    ref = str(tmp_path / "ref.duckdb")
    subprocess.run(cmd[:-1] + [ref], check=True, capture_output=True)
    assert table_rows(db) == table_rows(ref)
    assert q(db, "SELECT status FROM runs ORDER BY run_id") == [("interrupted",), ("complete",)]


def _enospc(*a, **k):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("where", ["batch", "finish"])
def test_a_full_disk_gives_one_line_and_the_database_finishes_later(tmp_path, monkeypatch, capsys, where):
    from vietmine.pipeline.store import Store

    corpus = _long_corpus(tmp_path / "corpus", 12)
    db = str(tmp_path / "full.duckdb")
    real_insert = Store._insert
    calls = [0]

    def filling(self, table, frame):
        calls[0] += 1
        if (where == "batch" and table == "documents" and calls[0] > 12) or (where == "finish" and table == "problems"):
            _enospc()
        return real_insert(self, table, frame)

    monkeypatch.setattr(Store, "_insert", filling)
    if where == "finish":  # a problem to record at the end
        (corpus / "empty.txt").write_bytes(b"")
    assert main(["ingest", str(corpus), "--db", db, "--batch-size", "3", "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(f"vietmine ingest: disk full writing {db}") and "run the same command" in err[-1]
    monkeypatch.setattr(Store, "_insert", real_insert)  # space is back
    _check_consistent(db, table_rows(db, per_document_only=True))
    assert main(["ingest", str(corpus), "--db", db, "--quiet"]) == 0
    ref = str(tmp_path / "ref.duckdb")
    main(["ingest", str(corpus), "--db", ref, "--quiet"])
    assert table_rows(db) == table_rows(ref)


def test_a_failed_snapshot_copy_is_a_warning_and_leaves_no_temporary_file(tmp_path, monkeypatch, capsys):
    import shutil as sh

    from vietmine.api import ingest
    from vietmine.pipeline import connections

    db = str(tmp_path / "s.duckdb")

    def half_copy(src, dst):
        Path(dst).write_bytes(b"partial")
        _enospc()

    monkeypatch.setattr(sh, "copyfile", half_copy)
    stats = ingest([str(SAMPLE_DIR)], db, snapshot=True)
    assert stats.loaded == 5
    assert "snapshot" in capsys.readouterr().err
    assert sorted(os.listdir(tmp_path)) == ["s.duckdb", "s.duckdb.lock"]
    assert connections.snapshot_path(db) not in os.listdir(tmp_path)


# -- smaller faults -------------------------------------------------------------------------------

def test_a_database_from_a_newer_schema_gives_one_line(tmp_path, capsys):
    db = str(tmp_path / "new.duckdb")
    assert main(["ingest", "--db", db]) == 0
    con = duckdb.connect(db)
    con.execute("INSERT INTO migrations VALUES (?, 'from the future', now())", [SCHEMA_VERSION + 1])
    con.close()
    capsys.readouterr()
    assert main(["ingest", "--db", db]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "newer than this vietmine's" in err[0]


def test_codes_and_names_longer_than_any_real_one_are_cut_at_the_store(tmp_path):
    from vietmine.facts import LegalRef, Person
    from vietmine.pipeline.analyse import extract_text
    from vietmine.pipeline.store import MAX_NAME_CHARS, result_frames

    res = extract_text("Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư.")
    res.facts.append(LegalRef(doc_type="Chỉ thị", number="9" * 5000, code="9" * 5000 + "/CT-TW", start_char=0,
                              end_char=5, surface="Chỉ thị"))
    res.facts.append(Person(name="Nguyễn " * 2000, start_char=0, end_char=5))
    frames = result_frames([res])
    assert frames["legal_refs"]["code"].str.len().max() == MAX_NAME_CHARS
    assert frames["people"]["name"].str.len().max() == MAX_NAME_CHARS
    assert frames["legal_refs"]["code"].iloc[-1].endswith("…")


def test_the_time_budget_holds_off_the_main_thread(monkeypatch):
    """Dask runs tasks on worker threads, where SIGALRM is never delivered."""
    from concurrent.futures import ThreadPoolExecutor

    from vietmine.pipeline import analyse as run

    def slow(doc):
        while True:  # pure Python: interruptible between bytecodes, as under SIGALRM
            sum(range(1000))

    monkeypatch.setattr(run, "segment", slow)
    raw = run.RawInput("slow.txt", "Chỉ thị số 09-CT/TW".encode(), "txt")
    with ThreadPoolExecutor(1) as ex:  # an endless loop unless the timer stops it: .result() fails after 30 s
        result = ex.submit(run.process, raw, 0.5).result(timeout=30)
    assert result.reason == "analysis exceeded the time budget of 0.5 s"
    # and a quick document on a thread is not hit by a late timer
    monkeypatch.undo()
    with ThreadPoolExecutor(1) as ex:
        ok = ex.submit(run.process, raw, 0.2).result()
        time.sleep(0.5)
        again = ex.submit(run.process, raw, 0).result()
    assert not isinstance(ok, run.Problem) and not isinstance(again, run.Problem)
