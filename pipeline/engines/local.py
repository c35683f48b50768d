"""The local engine: reads the selected inputs, runs the stages of each document (pipeline/analyse.py)
in this process or in a pool of worker processes, and hands the results to the run
(pipeline/run.py), which decides and writes in batches through the single writer."""
from __future__ import annotations

import collections
import contextlib
import functools
import gc
import multiprocessing as mp
import signal
import sys
from typing import Iterator

from tqdm import tqdm

from vietmine.corpus.readers import InputSelection, read_files
from vietmine.extractors import load_all
from vietmine.facts import ExtractionResult, Problem, RawInput
from vietmine.pipeline.analyse import analyse, analyse_packed, process, process_packed, raw_hash
from vietmine.pipeline.extract import rules_version
from vietmine.pipeline.run import IngestOptions, IngestStats, Run


# The cyclic garbage collector while a run lasts. What is loaded at the start (the rules, the
# gazetteer, the sources known) lives the whole run, and a batch holds some hundred thousand facts:
# with the default threshold (700 allocations) the collector traversed them again and again, 0.9 s
# of 23 s on 10,000 bench articles. Frozen, and collected after this many allocations: 0.2 s.
GC_THRESHOLD = 50_000


@contextlib.contextmanager
def _long_lived_frozen():
    """What is alive now is left out of collections, which run less often; restored afterwards
    (an API caller's process keeps its own settings: one that froze objects itself keeps them
    frozen, and nothing more is frozen, since only all can be unfrozen)."""
    threshold = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if freeze:
            gc.unfreeze()


def _ignore_interrupts():
    """Worker processes leave Ctrl-C to the writer, which ends the run cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool(workers: int):
    return mp.get_context("spawn").Pool(workers, initializer=_ignore_interrupts) if workers > 1 else None


def _bar(iterable=None, **kw):
    """A terminal gets a bar (documents, rate, ETA when the total is known); pipes and --quiet get none."""
    return tqdm(iterable, unit="doc", file=sys.stderr, dynamic_ncols=True, **kw)


def ingest(selection: InputSelection, db_path: str, options: IngestOptions = IngestOptions()) -> IngestStats:
    """Read the selected files, analyse what changed, load it; then re-extract stale documents."""
    load_all()  # a missing or broken extractor stops the run before anything is read
    run = Run.open(db_path)
    stats = run.stats
    stats.ignored = dict(selection.ignored)
    keys: collections.deque[str] = collections.deque()
    met_files: set[str] = set()
    unread: set[str] = set()  # files not read whole, folders not listed: nothing under them is gone

    def skip(problem: Problem):
        stats.seen += 1
        if problem.unread_file is not None:
            unread.add(problem.unread_file.file)
        run.problem(problem)

    def changed() -> Iterator[RawInput]:
        """Drop inputs that need no work: problems found while reading, and unchanged sources."""
        for problem in selection.problems:
            skip(problem)
        for raw in read_files(selection.files, budget_s=options.time_budget_s):
            if isinstance(raw, Problem):
                skip(raw)
                continue
            stats.seen += 1
            key = raw.key
            met_files.add(key.file)
            if run.unchanged_raw(str(key), raw.source_path, raw_hash(raw)):
                continue
            keys.append(str(key))
            yield raw

    def body():
        pool = _pool(options.workers)
        work = functools.partial(process_packed if pool else process, budget_s=options.time_budget_s)
        results = pool.imap(work, changed(), chunksize=16) if pool else map(work, changed())
        batch: list[ExtractionResult] = []
        replace: list[str] = []
        bar = _bar(results, disable=not options.progress)

        def flush(hold: bool = False):
            run.write(batch, replace, hold)
            batch.clear()
            replace.clear()

        try:
            for res in bar:
                key = keys.popleft()
                if isinstance(res, Problem):
                    run.problem(res)
                    continue
                doc = res.document
                decision = run.decide(key, doc.source_path, doc.content_hash, doc.raw_hash)
                if decision == "skip":
                    continue
                if decision == "replace":
                    replace.append(key)
                if doc.repair:
                    run.note(Problem(doc.source_path, f"loaded, {doc.repair}"))
                stats.facts += res.n_facts
                batch.append(res)
                if len(batch) >= options.batch_docs:
                    flush()
            flush(hold=True)  # what follows is quick unless stale documents wait (released then)
            bar.close()
            run.handle_missing(run.missing_sources(selection.paths, met_files - unread, unread), options.prune)
            reextract_stale(run, options, pool)
        finally:
            bar.close()
            if pool:
                pool.terminate()

    with _long_lived_frozen():
        return run.run(body, options.snapshot)


def reextract_stale(run: Run, options: IngestOptions, pool=None) -> int:
    """Documents extracted by other rules (their rules_version differs) analysed again from their
    stored text; no source file is read."""
    stale = [d for d in run.store.stale_ids(rules_version()) if d not in run.written_ids]
    if not stale:
        return 0
    run.store.release()
    bar = _bar(total=len(stale), desc="re-extracting", disable=not options.progress)
    own_pool = _pool(options.workers) if pool is None else None
    pool = pool or own_pool
    try:
        for i in range(0, len(stale), options.batch_docs):
            docs = run.store.stored_documents(stale[i:i + options.batch_docs])
            run.store.release()
            results = list(pool.imap(analyse_packed, docs, chunksize=16) if pool else map(analyse, docs))
            run.write(results, [])
            run.stats.reextracted += len(results)
            run.stats.facts += sum(r.n_facts for r in results)
            bar.update(len(results))
    finally:
        bar.close()
        if own_pool:
            own_pool.terminate()
    return run.stats.reextracted


def reextract(db_path: str, options: IngestOptions = IngestOptions()) -> IngestStats:
    """Analyse again, from their stored text, the documents extracted by other rules."""
    run = Run.open(db_path)
    with _long_lived_frozen():
        return run.run(lambda: reextract_stale(run, options))
