"""The dask engine: a 2-worker local cluster gives the same facts, row for row, as one process."""
import shutil

import pytest

from vietmine.corpus import SAMPLE_DIR
from vietmine.cli import main
from tests.conftest import SHARED
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
def test_two_worker_cluster_equals_single_process(sample, tmp_path):
    single, dist = str(tmp_path / "single.duckdb"), str(tmp_path / "dask.duckdb")
    assert main(["ingest", str(sample), "--db", single]) == 0
    out = str(tmp_path / "parquet")
    # small shards so that both workers get several tasks
    cmd = ["ingest", str(sample), "--engine", "dask", "--workers", "2", "--shard-size", "4", "--out", out, "--db", dist]
    assert main(cmd) == 0
    assert table_rows(dist) == table_rows(single)
    # rerun: every shard is done, nothing changes; load again is idempotent
    assert main(cmd) == 0
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
