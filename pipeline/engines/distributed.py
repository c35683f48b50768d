"""Scale-out: the same stage code as shard tasks on a Dask cluster. Each task reads one shard
(a group of files, or a line range of a JSON-lines file), runs clean -> analyse, and writes one
Parquet file per table under OUT/<table>/<shard>.parquet, then a marker OUT/_done/<shard>.
A rerun skips shards with a marker; `load` merges the Parquet into DuckDB with the same rules
as `ingest` (vietmine.pipeline.run.Run). Dask is an optional extra: pip install 'vietmine[dask]'."""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import signal
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from vietmine.corpus.readers import count_lines, format_of, iter_files, read_files, read_jsonl
from vietmine.corpus.sources import SourceKey
from vietmine.facts import ExtractionResult, Problem
from vietmine.pipeline.analyse import DOC_TIME_BUDGET_S, process
from vietmine.pipeline.run import Interrupted, Run, _shielded
from vietmine.pipeline.connections import arrow_table
from vietmine.pipeline.store import result_rows, table_columns, typed_columns, valid_table

SHARD_DOCS = 500


@dataclass(frozen=True)
class Shard:
    shard_id: str
    files: tuple[str, ...] = ()
    jsonl: str | None = None
    start: int = 1
    stop: int | None = None

    @property
    def name(self) -> str:
        return f"{self.jsonl}#lines {self.start}-{self.stop - 1}" if self.jsonl else f"{len(self.files)} files from {self.files[0]}"


def _shard_id(*parts) -> str:
    return hashlib.sha1("\x00".join(map(str, parts)).encode()).hexdigest()[:16]


def plan_shards(paths: list[str], shard_docs: int = SHARD_DOCS) -> list[Shard]:
    """Shards named by their content's identity (path, size, mtime, range): a changed input
    gets a new shard id, an unchanged one keeps its marker."""
    shards, group = [], []

    def close_group():
        if group:
            ident = [(f, os.path.getsize(f), os.path.getmtime(f)) for f in group if os.path.exists(f)]
            shards.append(Shard(_shard_id("files", *ident, *group), files=tuple(group)))
            group.clear()

    for shown, p in iter_files(paths):
        if format_of(p) == "jsonl":
            n = count_lines(p)
            st = p.stat()
            for start in range(1, n + 1, shard_docs):
                stop = min(start + shard_docs, n + 1)
                shards.append(Shard(_shard_id("jsonl", shown, st.st_size, st.st_mtime, start, stop),
                                    jsonl=shown, start=start, stop=stop))
        else:
            group.append(shown)
            if len(group) >= shard_docs:
                close_group()
    close_group()
    return shards


def _atomic_parquet(table, path: Path):
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def run_shard(shard: Shard, out_dir: str, budget_s: float = DOC_TIME_BUDGET_S) -> dict:
    """One task: analyse a shard and write its Parquet files; idempotent (skips a finished shard)."""
    out = Path(out_dir)
    marker = out / "_done" / shard.shard_id
    if marker.exists():
        return {"shard": shard.shard_id, "status": "done before"}
    raws = read_jsonl(shard.jsonl, Path(shard.jsonl), shard.start, shard.stop) if shard.jsonl else read_files(list(shard.files))
    results: list[ExtractionResult] = []
    problems: list[Problem] = []
    for raw in raws:
        # a Dask task runs off the main thread: process() then keeps the time budget with a timer
        # in this worker (SIGALRM exists only on the main thread)
        res = raw if isinstance(raw, Problem) else process(raw, budget_s)
        if isinstance(res, Problem):
            problems.append(res)
        else:
            results.append(res)
    tables = {t: arrow_table(typed_columns()[t], rows) for t, rows in result_rows(results).items()}
    tables["problems"] = arrow_table([("source_path", "VARCHAR"), ("reason", "VARCHAR")],
                                     [(p.source_path, p.reason) for p in problems])
    for table, data in tables.items():
        _atomic_parquet(data, out / table / f"{shard.shard_id}.parquet")
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(shard.name, encoding="utf-8")
    return {"shard": shard.shard_id, "status": "written", "documents": len(results), "problems": len(problems)}


@contextlib.contextmanager
def _dask_quiet(verbose: bool):
    """Dask's own logging (some 40 lines a run: nannies, workers, comms) only when asked for: what
    vietmine has to say (shards written, failed shards) it prints itself."""
    if verbose:
        yield
        return
    loggers = [logging.getLogger(name) for name in ("distributed", "dask", "tornado", "bokeh")]
    saved = [(lg, lg.level, [(h, h.level) for h in lg.handlers]) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
        for h in lg.handlers:
            h.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():  # "Port 8787 is already in use" and the like
            warnings.filterwarnings("ignore", module=r"(distributed|dask|tornado)\b")
            yield
    finally:
        for lg, level, handlers in saved:
            lg.setLevel(level)
            for h, hl in handlers:
                h.setLevel(hl)


def _worker_ignores_interrupts():
    """Run in each worker process: Ctrl-C in a terminal reaches every process of the group; the
    workers leave it to vietmine's process, which closes the cluster and says so in one line."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def ingest_dask(paths: list[str], out_dir: str, scheduler: str | None = None, workers: int = 2,
                shard_docs: int = SHARD_DOCS, retries: int = 2, verbose: bool = False) -> tuple[list[dict], list[str]]:
    """Run every shard on a Dask cluster (a local one when no scheduler address is given).
    Returns the task summaries and the names of shards that failed after their retries.
    Dask's own logging shows only with `verbose`; Ctrl-C closes the cluster and raises Interrupted."""
    try:
        import dask.distributed  # noqa: F401 (configures Dask's logging, which _dask_quiet then lowers)
    except ImportError:
        sys.exit("vietmine: the dask engine needs the optional extra: pip install 'vietmine[dask]'")
    try:
        with _dask_quiet(verbose):
            return _run_shards(paths, out_dir, scheduler, workers, shard_docs, retries, verbose)
    except KeyboardInterrupt:
        raise Interrupted("interrupted: the shards written so far are kept (a marker each); "
                          "run the same command to process the others") from None


def _run_shards(paths, out_dir, scheduler, workers, shard_docs, retries, verbose):
    from dask.distributed import Client, LocalCluster

    shards = plan_shards(paths, shard_docs)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=False if verbose else logging.CRITICAL + 1)
        client = Client(cluster)
        client.run(_worker_ignores_interrupts)
    try:
        futures = client.map(run_shard, shards, out_dir=out_dir, retries=retries, pure=False,
                             key=[f"shard-{s.shard_id}" for s in shards])
        summaries, failed = [], []
        for shard, fut in zip(shards, futures):
            try:
                summaries.append(fut.result())
            except Exception as e:  # reported by name; a rerun processes only what is missing
                failed.append(f"{shard.name} ({shard.shard_id}): {e.__class__.__name__}: {e}")
        return summaries, failed
    finally:
        with _shielded():  # a second Ctrl-C does not cut the cluster's closing short
            client.close()
            if cluster:
                cluster.close()


def load_parquet(out_dir: str, db_path: str, snapshot: bool = False):
    """Merge finished shards' Parquet files into DuckDB, each shard in one transaction, with the
    same idempotence rules as ingest (unchanged, replaced, duplicate)."""
    out = Path(out_dir)
    run = Run.open(db_path)
    return run.run(lambda: _load_shards(run, out), snapshot)


def _load_shards(session: Run, out: Path):
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    cols = table_columns()
    # only finished shards: a shard's marker is written after all its files, so a shard that failed
    # or was killed half-way is never loaded (its rerun writes it whole)
    for marker in sorted((out / "_done").glob("*")):
        sid = marker.name
        docs = pq.read_table(out / "documents" / f"{sid}.parquet")
        prob_file = out / "problems" / f"{sid}.parquet"
        if prob_file.exists():
            problems = pq.read_table(prob_file)
            for path, reason in zip(*(problems.column(c).to_pylist() for c in ("source_path", "reason"))):
                session.problem(Problem(path, reason))
        if "source_key" not in docs.column_names:  # Parquet written by an older vietmine
            docs = docs.append_column("source_key", pa.array(
                [str(SourceKey.of_stored_path(p)) for p in docs.column("source_path").to_pylist()], pa.string()))
        keep, replace = [], []
        for doc_id, path, chash, rhash, key in zip(*(docs.column(c).to_pylist() for c in (
                "doc_id", "source_path", "content_hash", "raw_hash", "source_key"))):
            if session.unchanged_raw(key, path, rhash):
                continue
            decision = session.decide(key, path, chash, rhash)
            if decision != "skip":
                keep.append(doc_id)
                if decision == "replace":
                    replace.append(key)
        if not keep:
            continue
        tables = {}
        for table, columns in cols.items():
            f = out / table / f"{sid}.parquet"
            if table != "documents" and not f.exists():
                tables[table] = []
                continue
            data = docs if table == "documents" else pq.read_table(f)
            tables[table] = valid_table(data.filter(pc.is_in(data.column("doc_id"), pa.array(keep, pa.string())))
                                        .select(columns))
            if table not in ("documents", "sentences"):
                session.stats.facts += tables[table].num_rows
        session.write_tables(tables, replace)
