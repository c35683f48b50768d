"""Faults injected: schema migration, concurrent access, per-document time budget, hostile
input (property-based), and SIGKILL during long ingests."""
import csv
import io
import json
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
    assert q(str(db), "SELECT value FROM schema_info WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]
    # new columns present, new documents loaded beside the old one
    assert q(str(db), "SELECT count(*) FROM legal_refs WHERE registry_key IS NOT NULL")[0][0] > 0
    # the fixture holds article 004, stored from /tmp/v1fx/004.txt, a path that no longer exists:
    # the bundled copy is the same content, so the document follows it (stored once, not a duplicate)
    assert q(str(db), "SELECT count(*) FROM documents")[0][0] == 5
    old_doc, path = q(str(db), "SELECT doc_id, source_path FROM documents WHERE source_path LIKE '%004_a003ad0d4c678184.txt'")[0]
    assert q(str(db), "SELECT doc_type, number, code FROM legal_refs WHERE doc_id = ? ORDER BY start_char", old_doc) == before
    assert q(str(db), "SELECT count(*) FROM documents WHERE source_key IS NULL") == [(0,)]
    assert q(str(db), "SELECT count(*) FROM problems WHERE reason LIKE 'duplicate%'") == [(0,)]


def _units(db):
    return q(db, "SELECT * FROM admin_units ORDER BY ALL"), q(db, "SELECT * FROM admin_units_2025 ORDER BY ALL")


def test_an_upgrade_reloads_reference_tables_an_older_vietmine_loaded_and_drops_its_snapshot(tmp_path, sample_db):
    """A 0.1 database: its units loaded with garbled names, and the `.snapshot` copy its readers used."""
    db = str(tmp_path / "old.duckdb")
    shutil.copy(FIXTURES / "schema_v1.duckdb", db)
    con = duckdb.connect(db)
    con.execute(f"ATTACH '{sample_db}' AS fresh (READ_ONLY)")
    con.execute("CREATE TABLE admin_units AS SELECT * REPLACE (CASE WHEN code < '1' THEN name || 'Ã' ELSE name END "
                "AS name) FROM fresh.admin_units")
    con.execute("CREATE TABLE admin_units_2025 AS SELECT * FROM fresh.admin_units_2025 LIMIT 10")
    con.close()
    Path(db + ".snapshot").write_bytes(b"a copy of the database made by vietmine 0.1")
    assert q(db, "SELECT count(*) FROM admin_units WHERE name LIKE '%Ã'")[0][0] > 0
    assert main(["ingest", "--db", db, "--quiet"]) == 0
    assert _units(db) == _units(sample_db)
    assert not os.path.exists(db + ".snapshot")


def test_reference_tables_are_reloaded_when_their_version_changes(sample_copy, monkeypatch):
    from vietmine.pipeline import migrations

    version = migrations.reference_version()
    assert q(sample_copy, "SELECT DISTINCT version FROM reference_tables") == [(version,)]
    before = _units(sample_copy)
    con = duckdb.connect(sample_copy)
    con.execute("UPDATE admin_units SET name = 'stale' WHERE tier = 'province'")
    con.close()
    assert main(["ingest", "--db", sample_copy, "--quiet"]) == 0  # same version: the tables are left alone
    assert q(sample_copy, "SELECT count(*) FROM admin_units WHERE name = 'stale'")[0][0] > 0
    monkeypatch.setattr(migrations, "reference_version", lambda: "new-data")
    assert main(["ingest", "--db", sample_copy, "--quiet"]) == 0
    assert _units(sample_copy) == before
    assert q(sample_copy, "SELECT DISTINCT version FROM reference_tables") == [("new-data",)]


def _view_sql(db: str, name: str) -> str:
    return q(db, "SELECT sql FROM duckdb_views() WHERE view_name = ?", name)[0][0]


def test_views_are_recreated_when_dropped_or_changed_and_left_alone_otherwise(sample_copy, monkeypatch):
    from vietmine.pipeline import migrations
    from vietmine.pipeline.store import Store

    con = duckdb.connect(sample_copy)
    con.execute("DROP VIEW document_status")
    con.close()
    Store(sample_copy).close()
    assert _view_sql(sample_copy, "document_status")  # dropped by hand: back
    con = duckdb.connect(sample_copy)
    con.execute("CREATE OR REPLACE VIEW citations AS SELECT 1 AS edited_by_hand")
    con.close()
    Store(sample_copy).close()  # definitions unchanged: an open writes nothing, the view stays
    assert "edited_by_hand" in _view_sql(sample_copy, "citations")
    monkeypatch.setattr(migrations, "VIEWS", [v.replace("AS status", "AS status_of_the_document")
                                              for v in migrations.VIEWS])
    Store(sample_copy).close()  # a new vietmine's definitions: every view recreated
    assert "edited_by_hand" not in _view_sql(sample_copy, "citations")
    assert "status_of_the_document" in _view_sql(sample_copy, "document_status")


def _reader(db: str, hold: str) -> subprocess.Popen:
    """A second process reading the database as a notebook does: `idle` keeps a Database it used
    once, `block` stays inside a `with` block (a query under way); each waits for a line on its
    standard input, after saying what it holds."""
    body = {"idle": "d = vietmine.open(db); n = d.sql('SELECT count(*) AS n FROM documents').n[0]; "
                    "print('holding', n, flush=True); sys.stdin.readline()",
            "block": "with vietmine.open(db) as d:\n    n = d.sql('SELECT count(*) AS n FROM documents').n[0]\n"
                     "    print('holding', n, flush=True)\n    sys.stdin.readline()"}[hold]
    p = subprocess.Popen([sys.executable, "-c", f"import sys, vietmine\ndb = sys.argv[1]\n{body}", db],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().split()[0] == "holding"
    return p


def _release(reader: subprocess.Popen):
    reader.stdin.write("\n")
    reader.stdin.close()
    assert reader.wait(timeout=60) == 0


def test_an_idle_reader_holds_nothing_and_an_ingest_waits_once_for_a_query_under_way(tmp_path):
    db = str(tmp_path / "busy.duckdb")
    assert main(["ingest", "--db", db, "--quiet"]) == 0
    corpus = _long_corpus(tmp_path / "corpus", 3)
    idle = _reader(db, "idle")
    try:  # a notebook that opened the database and keeps it: the ingest does not even wait
        r = subprocess.run([sys.executable, "-m", "vietmine", "ingest", str(corpus / "a0000.txt"), "--db", db, "--quiet"],
                           capture_output=True, text=True)
        assert r.returncode == 0 and "waiting" not in r.stderr, r.stderr
    finally:
        _release(idle)
    busy = _reader(db, "block")
    try:  # a query under way: the ingest says whom it waits for, once, and goes on when it is done
        ingest = subprocess.Popen([sys.executable, "-m", "vietmine", "ingest", str(corpus), "--db", db, "--quiet"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = ingest.stderr.readline()
        assert first.startswith(f"vietmine: waiting for a reader, PID {busy.pid} (") and db in first, first
        _release(busy)
        out, err = ingest.communicate(timeout=300)
        assert ingest.returncode == 0, err
        assert "waiting" not in err and "Traceback" not in err
    finally:
        busy.kill()
        busy.wait()
    assert q(db, "SELECT status FROM runs ORDER BY run_id") == [("complete",)] * 3
    assert q(db, "SELECT count(*) FROM documents") == [(8,)]


@pytest.mark.parametrize("when", ["at-the-start", "between-batches"])
def test_a_reader_that_stays_costs_one_bounded_wait_and_one_line(tmp_path, monkeypatch, capsys, when):
    """The wait is bounded, happens once, and its message names the reader as a reader; what was
    committed stays, the run's row is closed as 'crashed' by the next run, which finishes the work."""
    from vietmine.pipeline import store
    from vietmine.pipeline.run import Run

    corpus = _long_corpus(tmp_path / "corpus", 6)
    db = str(tmp_path / "r.duckdb")
    assert main(["ingest", str(corpus / "a0000.txt"), "--db", db, "--quiet"]) == 0
    monkeypatch.setattr(store, "WRITE_WAIT_S", 0.5)
    readers = []
    if when == "at-the-start":
        readers.append(_reader(db, "block"))
    else:
        real_write = Run.write

        def write_after_a_reader_came(self, results, replace, hold=False):
            if not readers:  # the first batch is analysed; a notebook cell starts meanwhile
                readers.append(_reader(db, "block"))
            return real_write(self, results, replace, hold)

        monkeypatch.setattr(Run, "write", write_after_a_reader_came)
    capsys.readouterr()
    try:
        assert main(["ingest", str(corpus), "--db", db, "--quiet", "--batch-size", "2"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert [line for line in err if "waiting" in line] == [
            f"vietmine: waiting for a reader, PID {readers[0].pid} ({err[0].split('(', 1)[1]}"]
        assert err[-1].startswith(f"vietmine ingest: {db} is held open by a reader, PID {readers[0].pid} (")
        assert err[-1].endswith("for 0.5 s; close it (a query, or a Database kept open in a `with` block), "
                                "then run this one again")
        assert len(err) == 2
    finally:
        for r in readers:
            _release(r)
    monkeypatch.undo()
    assert main(["ingest", str(corpus), "--db", db, "--quiet"]) == 0
    statuses = [s for (s,) in q(db, "SELECT status FROM runs ORDER BY run_id")]
    assert statuses == (["complete", "complete"] if when == "at-the-start" else ["complete", "crashed", "complete"])
    ref = str(tmp_path / "ref.duckdb")
    assert main(["ingest", str(corpus), "--db", ref, "--quiet"]) == 0
    assert table_rows(db) == table_rows(ref)


def test_a_run_killed_is_closed_as_crashed_by_the_next_run(tmp_path):
    db = str(tmp_path / "k.duckdb")
    subprocess.run([sys.executable, "-c", "import os, signal, sys\nfrom vietmine.pipeline.run import Run\n"
                    "Run(sys.argv[1])\nos.kill(os.getpid(), signal.SIGKILL)", db])
    assert q(db, "SELECT status FROM runs") == [("running",)]
    assert main(["ingest", "--db", db, "--quiet"]) == 0
    assert q(db, "SELECT status FROM runs ORDER BY run_id") == [("crashed",), ("complete",)]


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
    ("LOAD httpfs", "refused: LOAD"),
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


# -- sql: stopped, streamed, never a traceback, never out of its folders ------------------------

ENDLESS = {
    "count-of-a-trillion": "SELECT count(*) AS n FROM range(1000000000000)",
    "recursive-cte-without-end": "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t",
    "cross-join-of-sentences": "SELECT sum(hash(a.start_char, b.start_char, c.start_char, d.start_char, e.end_char)) "
                               "FROM sentences a, sentences b, sentences c, sentences d, sentences e",
}


@pytest.mark.parametrize("query", list(ENDLESS.values()), ids=list(ENDLESS))
def test_sql_stops_at_its_time_limit_with_one_line(sample_db, query, capsys):
    assert main(["sql", query, "--db", sample_db, "--timeout", "0.5"]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == ["vietmine sql: stopped after 0.5 s (the time limit; --timeout SECONDS "
                                                 "raises it, 0 for none)"]
    assert captured.out == ""


def _holds_open(pid: int, path: str) -> bool:
    fd_dir = f"/proc/{pid}/fd"
    try:
        return any(os.path.realpath(os.path.join(fd_dir, fd)) == os.path.realpath(path) for fd in os.listdir(fd_dir))
    except OSError:
        return False


@pytest.mark.parametrize("how", ["ctrl-c-typed-in-a-terminal", "sigint-from-outside"])
def test_ctrl_c_stops_a_query_at_once_with_one_line_and_exit_130(sample_db, how):
    """A real terminal (a pty): ^C typed reaches the query while DuckDB computes it, not after."""
    import pty

    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc to see when the query has opened the database")
    pid, fd = pty.fork()
    if pid == 0:  # the child: vietmine in the terminal's foreground, no time limit
        # as a terminal's foreground job: Ctrl-C ignored by a test runner started in the background (nohup, &)
        # would be inherited, and Python then installs no KeyboardInterrupt
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.execv(sys.executable, [sys.executable, "-m", "vietmine", "sql", ENDLESS["count-of-a-trillion"],
                                  "--db", sample_db, "--timeout", "0"])
    try:
        deadline = time.monotonic() + 120  # a guard against hanging the suite, not a measurement
        while not _holds_open(pid, sample_db):
            assert time.monotonic() < deadline, "the query never opened the database"
            time.sleep(0.05)
        if how.startswith("ctrl-c"):
            os.write(fd, b"\x03")  # the terminal turns it into SIGINT for its foreground processes
        else:
            os.kill(pid, signal.SIGINT)
        output = b""
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the terminal closed: the child is gone
                break
            if not chunk:
                break
            output += chunk
        _, status = os.waitpid(pid, 0)
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(fd)
    text = output.decode(errors="replace").replace("\r", "").replace("^C", "")  # the terminal echoes ^C
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert os.waitstatus_to_exitcode(status) == 130, output
    assert lines == ["vietmine sql: interrupted"], output


def test_an_interrupted_query_whose_connection_is_still_busy_ends_as_an_interrupt(sample_db, monkeypatch, capsys):
    """Ctrl-C under load once ended as 'cannot read ...: Resource In Use Error: connection is busy with
    another call' (exit 2): closing the query's connection failed while DuckDB 2.0 was still finishing the
    interrupted statement. Closing asks again until it can; the user sees the interrupt."""
    from vietmine.pipeline import sql_guard

    real_init = sql_guard.GuardedConnection.__init__
    busy = []

    class StillBusy:  # the connection as DuckDB leaves it for a moment after an interrupted statement
        def __init__(self, con):
            self._con = con

        def close(self):
            busy.append(1)
            if len(busy) < 3:
                raise duckdb.ResourceInUseException("Resource In Use Error: connection is busy with another call")
            self._con.close()

        def __getattr__(self, name):
            return getattr(self._con, name)

    def interrupted(self, work, timeout=None):
        raise KeyboardInterrupt

    def opened(self, *a, **k):
        real_init(self, *a, **k)
        self.con = StillBusy(self.con)

    monkeypatch.setattr(sql_guard.GuardedConnection, "__init__", opened)
    monkeypatch.setattr(sql_guard.GuardedConnection, "run", interrupted)
    assert main(["sql", "SELECT 1", "--db", sample_db]) == 130
    assert capsys.readouterr().err.strip() == "vietmine sql: interrupted"
    assert len(busy) == 3


def _peak_rss_mb(argv: list[str]) -> tuple[int, int]:
    """(exit code, peak resident memory in MB) of a command, measured by a process of its own."""
    probe = ("import resource, subprocess, sys\n"
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
             "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)")
    out = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True).stdout
    code, mb = out.split()
    return int(code), int(mb)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_sql_streams_a_large_result_in_constant_memory(sample_db, fmt):
    """Two million rows of two integers: written batch by batch (the whole result as Python
    objects took 500 MB to 800 MB)."""
    query = "SELECT range AS a, range * 2 AS b FROM range(2000000)"
    code, mb = _peak_rss_mb([sys.executable, "-m", "vietmine", "sql", query, "--db", sample_db, "--format", fmt])
    assert code == 0
    assert mb < 350, f"{mb} MB"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_sql_output_in_batches_is_the_whole_result(sample_db, fmt, capsys):
    n = 123_457  # several batches, the last one partial
    assert main(["sql", f"SELECT range AS i, 'một ' || range AS s FROM range({n})", "--db", sample_db,
                 "--format", fmt]) == 0
    out = capsys.readouterr().out
    rows = json.loads(out) if fmt == "json" else list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == n and str(rows[-1]["i"]) == str(n - 1) and rows[77_777]["s"] == "một 77777"


def test_sql_table_format_refuses_what_it_cannot_lay_out(sample_db, capsys):
    assert main(["sql", "SELECT range AS a, range AS b FROM range(600000)", "--db", sample_db]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.strip().splitlines()
    assert "larger than a table can lay out" in line and "--format csv" in line and "LIMIT" in line


SPECIAL_VALUES = ("SELECT 'nan'::DOUBLE AS n, 'inf'::DOUBLE AS i, '-inf'::DOUBLE AS m, NULL::DOUBLE AS z, "
                  "170141183460469231731687303715884105727::HUGEINT AS h, 1.50::DECIMAL(10, 2) AS d, "
                  "[1.5, 'nan'::DOUBLE] AS l")


@pytest.mark.parametrize("fmt, expected", [
    ("csv", "n,i,m,z,h,d,l\nNaN,Infinity,-Infinity,,170141183460469231731687303715884105727,1.50,\"[1.5, \"\"NaN\"\"]\"\n"),
    ("json", '[{"n": "NaN", "i": "Infinity", "m": "-Infinity", "z": null, "h": 170141183460469231731687303715884105727, '
             '"d": 1.5, "l": [1.5, "NaN"]}]\n'),
])
def test_sql_writes_nan_infinity_and_huge_integers_as_they_are(sample_db, fmt, expected, capsys):
    assert main(["sql", SPECIAL_VALUES, "--db", sample_db, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert out == expected
    if fmt == "json":
        json.loads(out, parse_constant=lambda c: pytest.fail(f"bare {c} is not JSON"))


class _Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize("argv, stdin, code, message", [
    pytest.param(["UPDATE EXTENSIONS"], None, 1, "refused: UPDATE EXTENSIONS changes extensions", id="update-extensions"),
    pytest.param(["/* plan */ EXPLAIN SELECT 1"], None, 0, "", id="comment-before-explain"),
    pytest.param(["EXPLAIN/**/SELECT 1"], None, 0, "", id="comment-after-explain"),
    pytest.param(["EXPLAIN ANALYZE /* x */ DELETE FROM documents"], None, 1, "refused: DELETE writes", id="explain-analyze-delete"),
    pytest.param(["-"], b"SELECT '\xff'", 1, "standard input is not UTF-8 text", id="non-utf8-stdin"),
    pytest.param(["--file", "/dev/zero"], None, 1, "query file /dev/zero holds more than 1 MB", id="file-dev-zero"),
    pytest.param(["--file", "/dev/urandom"], None, 1, "query file /dev/urandom holds more than 1 MB", id="file-dev-urandom"),
    pytest.param(["TRUNCATE documents"], None, 1, "refused: TRUNCATE writes", id="truncate-named-as-itself"),
    pytest.param(["RESET threads"], None, 1, "refused: RESET changes settings", id="reset-named-as-itself"),
    pytest.param(["ANALYZE"], None, 1, "refused: ANALYZE writes", id="analyze-named-as-itself"),
    pytest.param(["IMPORT DATABASE 'x'"], None, 1, "refused: IMPORT DATABASE reads files", id="import-named-as-itself"),
    pytest.param(["COPY FROM DATABASE db TO x"], None, 1, "refused: COPY FROM DATABASE copies", id="copy-database"),
    pytest.param(["FORCE INSTALL httpfs"], None, 1, "refused: FORCE INSTALL changes extensions", id="force-install"),
    pytest.param(["CHECKPOINT"], None, 1, "refused: CHECKPOINT writes", id="checkpoint-named-as-itself"),
])
def test_sql_faults_are_one_line_naming_what_was_wrong(sample_db, argv, stdin, code, message, capsys, monkeypatch):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", _Stdin(stdin))
    capsys.readouterr()
    assert main(["sql", *argv, "--db", sample_db]) == code
    err = capsys.readouterr().err
    if code:
        assert len(err.strip().splitlines()) == 1 and message in err, err
    else:
        assert err == ""


def test_no_connection_is_opened_without_the_extension_settings():
    """Every duckdb.connect of the package is pipeline/connections.connect, which turns extension
    auto-install and auto-load off from the first moment."""
    from tests.conftest import ROOT

    offenders = [str(p.relative_to(ROOT)) for folder in ("vietmine", "pipeline", "corpus", "views", "extractors")
                 for p in (ROOT / folder).rglob("*.py")
                 if "duckdb.connect(" in p.read_text("utf-8") and p.name != "connections.py"]
    assert offenders == []


@pytest.mark.parametrize("command", [["sql", "SELECT 1"], ["tables"], ["stats"], ["ingest"]])
def test_a_sqlite_file_as_db_downloads_nothing_and_gives_one_line(tmp_path, command):
    import sqlite3

    db = tmp_path / "data.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE documents (doc_id TEXT)")
    con.commit()
    con.close()
    home = tmp_path / "home"
    home.mkdir()  # where DuckDB would install the sqlite extension it downloads
    r = subprocess.run([sys.executable, "-m", "vietmine", *command, "--db", str(db)], capture_output=True, text=True,
                       env={**os.environ, "HOME": str(home)})
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [f"vietmine {command[0]}: {db} is not a DuckDB database "
                                             f"({r.stderr.split('(', 1)[1].strip()}"]
    assert "download" not in r.stderr.lower() and list(home.rglob("*")) == []


def test_sql_reads_nothing_in_duckdbs_own_temporary_folder(sample_db, tmp_path, monkeypatch):
    """DuckDB allows its temporary folder (./.tmp by default) when file access is off: queries spill
    to a private folder instead, of bounded size."""
    from vietmine.api import Database
    from vietmine.errors import QueryError
    from vietmine.pipeline.sql_guard import SPILL_LIMIT_BYTES

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".tmp").mkdir()
    (tmp_path / ".tmp" / "secret.csv").write_text("a\n1\n", encoding="utf-8")
    d = Database(sample_db)
    with pytest.raises(QueryError, match="is outside the folders"):
        d.sql("SELECT * FROM read_csv('.tmp/secret.csv')")
    folder, limit = d.sql("SELECT current_setting('temp_directory') AS t, "
                          "current_setting('max_temp_directory_size') AS m").iloc[0]
    assert not os.path.exists(folder)  # removed with its connection
    assert limit.endswith("B") and float(limit.split()[0]) <= SPILL_LIMIT_BYTES / 2**30


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


@pytest.mark.parametrize("error", [duckdb.InterruptException("INTERRUPT Error: Interrupted!"),
                                   duckdb.TransactionException("TransactionContext Error: Current transaction is "
                                                               "aborted (please ROLLBACK)")],
                         ids=["interrupted-statement", "aborted-transaction"])
def test_ctrl_c_that_reaches_duckdb_mid_statement_is_an_interrupt(tmp_path, monkeypatch, capsys, error):
    """Ctrl-C during a batch's write can come out of DuckDB as its own error (seen once in 20 runs
    of the SIGINT test above): it is an interrupt all the same, and the rerun finishes."""
    from vietmine.pipeline.store import Store

    corpus = _long_corpus(tmp_path / "corpus", 12)
    db = str(tmp_path / "i.duckdb")
    real_insert = Store._insert
    calls = [0]

    def interrupted(self, table, frame):
        calls[0] += 1
        if table == "documents" and calls[0] > 12:
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(5)  # the signal arrives here, as it would inside DuckDB's statement
            except KeyboardInterrupt:
                raise error from None
        return real_insert(self, table, frame)

    monkeypatch.setattr(Store, "_insert", interrupted)
    assert main(["ingest", str(corpus), "--db", db, "--batch-size", "3", "--quiet"]) == 130
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("vietmine ingest: interrupted: ") and "run the same command" in err[-1]
    assert q(db, "SELECT status FROM runs") == [("interrupted",)]
    monkeypatch.setattr(Store, "_insert", real_insert)
    assert main(["ingest", str(corpus), "--db", db, "--quiet"]) == 0
    ref = str(tmp_path / "ref.duckdb")
    main(["ingest", str(corpus), "--db", ref, "--quiet"])
    assert table_rows(db) == table_rows(ref)


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


# -- outputs: whole or not at all, one line when they cannot be written ---------------------------

DOC = "004_a003ad0d4c678184.txt"


def _outputs(d: Path) -> dict[str, tuple[list[str], Path]]:
    """Every command that writes a file: its arguments and the file (or folder) it writes."""
    return {
        "export": (["export", "--out", str(d / "export")], d / "export"),
        "export-sqlite": (["export", "--format", "sqlite", "--out", str(d / "v.sqlite")], d / "v.sqlite"),
        "report": (["report", "--out", str(d / "r.html")], d / "r.html"),
        "graph": (["graph", "--format", "graphml", "--out", str(d / "g")], d / "g" / "directives.graphml"),
        "docbin": (["docbin", "--out", str(d / "v.spacy")], d / "v.spacy"),
        "show-html": (["show", DOC, "--html", str(d / "s.html")], d / "s.html"),
    }


def _no_partial_files(folder: Path, db: str):
    """Nothing half-written under a final name, nothing temporary left: every export file whole."""
    assert not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]
    for p in folder.rglob("*.parquet"):
        assert q(db, f"SELECT count(*) FROM {p.stem}") == q(db, f"SELECT count(*) FROM read_parquet('{p}')")
    for p in folder.rglob("*.csv"):
        assert q(db, f"SELECT count(*) FROM {p.stem}") == q(db, f"SELECT count(*) FROM read_csv('{p}', all_varchar=true)")


def _half_then_enospc(path, *_a, **_k):
    Path(path).write_bytes(b"<half a file>")
    raise OSError(28, "No space left on device")


def _inject_enospc(monkeypatch, output: str):
    """The writer of `output` writes half its file, then finds the disk full."""
    import sqlite_utils.db

    from vietmine.views import docbin, graph, report

    if output == "export":
        monkeypatch.setattr(duckdb.DuckDBPyRelation, "write_csv", lambda self, path, *a, **k: _half_then_enospc(path))
    elif output == "export-sqlite":
        def full(self, *a, **k):
            raise __import__("sqlite3").OperationalError("database or disk is full")
        monkeypatch.setattr(sqlite_utils.db.Table, "insert_all", full)
    elif output == "show-html":
        monkeypatch.setattr(Path, "write_text", lambda self, *a, **k: _half_then_enospc(self))
    else:
        module, name = {"report": (report, "write_report"), "graph": (graph, "write_graph"),
                        "docbin": (docbin, "write_docbin")}[output]
        monkeypatch.setattr(module, name, lambda con, path, *a, **k: _half_then_enospc(path))


@pytest.mark.parametrize("output", list(_outputs(Path("."))))
def test_an_output_the_disk_cannot_hold_is_one_line_and_leaves_the_old_file(sample_db, tmp_path, monkeypatch,
                                                                            capsys, output):
    argv, target = _outputs(tmp_path)[output]
    assert main([*argv, "--db", sample_db]) == 0
    before = {p: p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    _inject_enospc(monkeypatch, output)
    capsys.readouterr()
    assert main([*argv, "--db", sample_db]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"vietmine {argv[0]}: cannot write {target if target.suffix else target}") or \
        line.startswith(f"vietmine {argv[0]}: cannot write {target}/"), line
    assert line.endswith("no space left on device; nothing was written under that name: free space, then run the "
                         "same command again")
    assert {p: p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()} == before


@pytest.fixture
def small_disk(tmp_path):
    """A real file system of 24 MB (tmpfs), or a skip where it cannot be mounted (not root)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode:
        pytest.skip("a small tmpfs cannot be mounted here (needs root); the injected faults test the same paths")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with open(filler, "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * (64 << 10))
                fh.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_gives_one_line_from_every_command_and_the_database_finishes_later(small_disk, tmp_path):
    """A real full disk: ingest (and its rerun while the disk is still full), then every output."""
    db = str(small_disk / "v.duckdb")
    corpus = _long_corpus(tmp_path / "corpus", 12)
    cmd = [sys.executable, "-m", "vietmine"]
    subprocess.run([*cmd, "ingest", "--db", db, "--quiet"], check=True, capture_output=True)
    filler = _fill(small_disk)
    for attempt in range(2):  # the rerun meets the same full disk
        r = subprocess.run([*cmd, "ingest", str(corpus), "--db", db, "--quiet"], capture_output=True, text=True)
        lines = r.stderr.strip().splitlines()
        assert r.returncode == 2 and len(lines) == 1, r.stderr
        assert lines[0].startswith(f"vietmine ingest: disk full writing {db}"), lines[0]
    for output, (argv, target) in _outputs(small_disk).items():
        r = subprocess.run([*cmd, *argv, "--db", db], capture_output=True, text=True)
        lines = r.stderr.strip().splitlines()
        assert r.returncode == 2 and len(lines) == 1 and "no space left on device" in lines[0], (output, r.stderr)
        assert not (target.exists() and target.is_file()), output
        _no_partial_files(small_disk, db)
    filler.unlink()
    subprocess.run([*cmd, "ingest", str(corpus), "--db", db, "--quiet"], check=True, capture_output=True)
    ref = str(tmp_path / "ref.duckdb")
    subprocess.run([*cmd, "ingest", "--db", ref, "--quiet"], check=True, capture_output=True)
    subprocess.run([*cmd, "ingest", str(corpus), "--db", ref, "--quiet"], check=True, capture_output=True)
    assert table_rows(db) == table_rows(ref)
    assert "running" not in [s for (s,) in q(db, "SELECT status FROM runs")]


def test_export_in_bounded_memory_writes_a_table_the_bound_cannot_hold_without_it(sample_db, tmp_path, monkeypatch):
    """export runs under a memory limit (small row groups: a 70,880-article database peaked at
    1.5 GB without); a table the limit cannot hold is written again without it, whole."""
    import vietmine.views.export as export

    monkeypatch.setattr(export, "EXPORT_MEMORY_LIMIT", "1MB")
    out = tmp_path / "export"
    assert main(["export", "--db", sample_db, "--out", str(out)]) == 0
    con = duckdb.connect()
    for table in DOCUMENT_TABLES:
        (n,) = q(sample_db, f'SELECT count(*) FROM "{table}"')[0]
        assert con.execute(f"SELECT count(*) FROM '{out / table}.parquet'").fetchone()[0] == n, table
        assert con.execute(f"SELECT count(*) FROM read_csv('{out / table}.csv')").fetchone()[0] == n, table


@pytest.mark.slow
def test_sigkill_during_export_leaves_no_partial_file_under_a_final_name(sample_db, tmp_path):
    out = tmp_path / "export"
    cmd = [sys.executable, "-m", "vietmine", "export", "--out", str(out), "--db", sample_db]
    t0 = time.monotonic()
    subprocess.run(cmd, check=True, capture_output=True)
    full_run = time.monotonic() - t0
    shutil.rmtree(out)
    rng = random.Random(25)
    for _ in range(6):
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 0.95) * full_run)
        p.send_signal(signal.SIGKILL)
        p.wait()
        for f in out.rglob("*.tmp") if out.exists() else []:
            f.unlink()  # what a killed run leaves under a temporary name; the next run removes it too
        if out.exists():
            _no_partial_files(out, sample_db)
    subprocess.run(cmd, check=True, capture_output=True)
    _no_partial_files(out, sample_db)


def _damage(db: str, how: str):
    size = os.path.getsize(db)
    if how == "cut-in-half":
        os.truncate(db, size // 2)
        return
    with open(db, "r+b") as fh:  # a flipped stretch in every block of the second half of the file
        for at in range(size // 2, size, 1 << 18):
            fh.seek(at + 100)
            stretch = fh.read(16)
            fh.seek(at + 100)
            fh.write(bytes(b ^ 0xFF for b in stretch))


DAMAGE_COMMANDS = {
    "tables": ["tables"], "stats": ["stats"], "schema": ["schema"], "sql": ["sql", "SELECT count(*) FROM legal_refs"],
    "export": ["export", "--out", "{d}/export"], "export-sqlite": ["export", "--format", "sqlite", "--out", "{d}/v.sqlite"],
    "report": ["report", "--out", "{d}/r.html"], "graph": ["graph", "--out", "{d}/g"],
    "docbin": ["docbin", "--out", "{d}/v.spacy"], "show": ["show", DOC],
    "eval": ["eval", str(FIXTURES / "gold_one_doc.jsonl")], "ingest": ["ingest", "--quiet"],
    "reextract": ["reextract", "--quiet"],
}


@pytest.mark.parametrize("how", ["data-blocks-flipped", "cut-in-half"])
def test_a_damaged_database_gives_one_line_naming_it_from_every_command(sample_db, tmp_path, capsys, how):
    failed = []
    for name, argv in DAMAGE_COMMANDS.items():
        db = str(tmp_path / f"{name}.duckdb")
        shutil.copy(sample_db, db)
        _damage(db, how)
        capsys.readouterr()
        code = main([*(a.format(d=tmp_path) for a in argv), "--db", db])
        err = capsys.readouterr().err.strip().splitlines()
        if code:
            failed.append(name)
            assert len(err) == 1 and err[0].startswith(f"vietmine {argv[0]}: {db} is damaged ("), (name, err)
            assert err[0].endswith("restore it from a copy, or move it away and build it again with vietmine ingest")
    assert len(failed) >= len(DAMAGE_COMMANDS) // 2, f"the damage was not found: only {failed} failed"


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
    from vietmine.pipeline.store import MAX_NAME_CHARS, result_rows, table_columns

    res = extract_text("Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư.")
    res.facts.append(LegalRef(doc_type="Chỉ thị", number="9" * 5000, code="9" * 5000 + "/CT-TW", start_char=0,
                              end_char=5, surface="Chỉ thị"))
    res.facts.append(Person(name="Nguyễn " * 2000, start_char=0, end_char=5))
    tables = result_rows([res])
    codes = [r[table_columns()["legal_refs"].index("code")] for r in tables["legal_refs"]]
    names = [r[table_columns()["people"].index("name")] for r in tables["people"]]
    assert max(map(len, codes)) == MAX_NAME_CHARS
    assert max(map(len, names)) == MAX_NAME_CHARS
    assert codes[-1].endswith("…")


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
