"""The dask engine: a 2-worker local cluster gives the same facts, row for row, as one process; it
prints its own summary only (Dask's logging with --verbose), and Ctrl-C ends it in one line."""
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from vietmine.corpus import SAMPLE_DIR
from vietmine.cli import main
from tests.conftest import ROOT, SHARED
from tests.util import table_rows

pytest.importorskip("dask.distributed", reason="the dask extra is not installed")


@pytest.fixture
def sample(tmp_path):
    root = tmp_path / "in"
    shutil.copytree(SAMPLE_DIR, root / "corpus")
    texts = SHARED / "texts"
    if texts.exists():  # more real text where the shared material is present
        for f in sorted(texts.glob("0[1-3]*.txt")):
            shutil.copy(f, root / f.name)
    return root


@pytest.mark.slow
def test_two_worker_cluster_equals_single_process(sample, tmp_path, capfd):
    single, dist = str(tmp_path / "single.duckdb"), str(tmp_path / "dask.duckdb")
    assert main(["ingest", str(sample), "--db", single]) == 0
    out = str(tmp_path / "parquet")
    # small shards so that both workers get several tasks
    cmd = ["ingest", str(sample), "--engine", "dask", "--workers", "2", "--shard-size", "4", "--out", out, "--db", dist]
    capfd.readouterr()
    assert main(cmd) == 0
    # its own summary only: none of Dask's logging, from this process or the workers'
    assert capfd.readouterr().err == ""
    assert table_rows(dist) == table_rows(single)
    # rerun: every shard is done, nothing changes; load again is idempotent; --verbose shows Dask's logging
    assert main([*cmd, "--verbose"]) == 0
    assert "distributed.worker - INFO" in capfd.readouterr().err
    assert main(["load", out, "--db", dist]) == 0
    assert table_rows(dist) == table_rows(single)


@pytest.mark.slow
def test_rerun_processes_only_missing_shards(sample, tmp_path):
    from vietmine.pipeline.engines.distributed import plan_shards, run_shard

    out = tmp_path / "p"
    shards = plan_shards([str(sample)], shard_docs=3)
    assert len(shards) >= 2
    first = run_shard(shards[0], str(out))
    assert first["status"] == "written"
    statuses = [run_shard(s, str(out))["status"] for s in shards]
    assert statuses[0] == "done before" and set(statuses[1:]) == {"written"}


@pytest.mark.slow
def test_a_failed_shard_is_reported_by_name_and_the_rerun_does_only_it(sample, tmp_path, capsys):
    from vietmine.pipeline.engines.distributed import plan_shards

    out, db = tmp_path / "p", str(tmp_path / "d.duckdb")
    shards = plan_shards([str(sample)], shard_docs=4)
    assert len(shards) >= 2
    # a directory where the shard's Parquet file must go: writing fails on every retry, even as root
    blocked = out / "documents" / f"{shards[0].shard_id}.parquet"
    blocked.mkdir(parents=True)
    cmd = ["ingest", str(sample), "--engine", "dask", "--workers", "2", "--shard-size", "4", "--out", str(out), "--db", db]
    assert main(cmd) == 0
    err = capsys.readouterr().err
    assert f"failed shard {shards[0].name} ({shards[0].shard_id})" in err and "rerun the same command" in err
    blocked.rmdir()
    assert main(cmd) == 0
    report = capsys.readouterr().out
    assert f"{len(shards)} shards: 1 written, {len(shards) - 1} done before" in report
    single = str(tmp_path / "single.duckdb")
    assert main(["ingest", str(sample), "--db", single]) == 0
    assert table_rows(db) == table_rows(single)


def _many(tmp_path, n=60):
    """n distinct texts: the bundled articles, each copy with a line of its own."""
    root = tmp_path / "many"
    root.mkdir()
    sample = sorted(SAMPLE_DIR.glob("*.txt"))
    for i in range(n):
        src = sample[i % len(sample)]
        (root / f"{i:03d}_{src.name}").write_text(src.read_text(encoding="utf-8") + f"\nBản {i}.\n", encoding="utf-8")
    return root


def _vietmine(*args, **kw):
    # SIGINT as a terminal's foreground job has it, also when the test runner was started in the background (nohup, &)
    return subprocess.Popen([sys.executable, "-m", "vietmine", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL), **kw)


@pytest.mark.slow
def test_ctrl_c_during_the_dask_engine_is_one_line_and_keeps_finished_shards(tmp_path):
    """SIGINT to the whole process group, as a terminal sends it, once the first shard is done."""
    many, out, db = _many(tmp_path), tmp_path / "p", tmp_path / "d.duckdb"
    proc = _vietmine("ingest", str(many), "--engine", "dask", "--shard-size", "1", "--out", str(out), "--db", str(db),
                     start_new_session=True)
    done = out / "_done"
    deadline = time.monotonic() + 300
    while not (done.exists() and any(done.iterdir())) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 130
    assert stderr.splitlines() == ["vietmine ingest: interrupted: the shards written so far are kept (a marker each); "
                                   "run the same command to process the others"]
    assert 1 <= len(list(done.iterdir())) < 60  # the finished shards are kept for the rerun
