"""The local engine: read -> decode/clean -> segment -> extract -> resolve -> store, in this
process or with a pool of worker processes that send results back to the single writer."""
from __future__ import annotations

import functools
import hashlib
import multiprocessing as mp
import os
import signal
import sys
import threading
import traceback
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from tqdm import tqdm

from vietmine.corpus.readers import read_paths
from vietmine.errors import ExtractorError
from vietmine.extractors import load_all
from vietmine.facts import Document, ExtractionResult, Problem, RawInput
from vietmine.pipeline.clean import CleanError, clean
from vietmine.pipeline.connections import publish_snapshot
from vietmine.pipeline.decode import DecodeError
from vietmine import __version__
from vietmine.pipeline.extract import extract, rules_version
from vietmine.pipeline.resolve import resolve
from vietmine.pipeline.segment import segment
from vietmine.pipeline.store import Store

BATCH_DOCS = 1000
DOC_TIME_BUDGET_S = 30.0


def analyse(doc: Document) -> ExtractionResult:
    """Segment, extract and resolve one cleaned document."""
    segment(doc)
    doc.rules_version = rules_version()
    return resolve(ExtractionResult(doc, extract(doc)))


class _TimeBudgetExceeded(Exception):
    pass


def _on_alarm(signum, frame):
    raise _TimeBudgetExceeded()


def process(raw: RawInput, budget_s: float = DOC_TIME_BUDGET_S) -> ExtractionResult | Problem:
    """Clean and analyse one input within a time budget: the unit of work of a worker process.
    A document that exceeds the budget is skipped and reported, never allowed to hang a run."""
    use_alarm = budget_s > 0 and threading.current_thread() is threading.main_thread()
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, budget_s)
    try:
        doc = clean(raw)
        doc.raw_hash = raw_hash(raw)
        return analyse(doc)
    except (DecodeError, CleanError) as e:
        return Problem(raw.source_path, str(e))
    except ExtractorError:  # the run cannot produce its facts: stop it, naming the extractor
        raise
    except _TimeBudgetExceeded:
        return Problem(raw.source_path, f"analysis exceeded the time budget of {budget_s:g} s")
    except Exception as e:  # a bug must cost one document, never the run: reported with its cause
        where = traceback.extract_tb(e.__traceback__)[-1]
        return Problem(raw.source_path, f"internal error {e.__class__.__name__}: {e} "
                                        f"(at {os.path.basename(where.filename)}:{where.lineno}); please report")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def process_packed(raw: RawInput, budget_s: float = DOC_TIME_BUDGET_S) -> ExtractionResult | Problem:
    """`process` for worker processes: facts sent back as row tuples."""
    result = process(raw, budget_s)
    return result if isinstance(result, Problem) else result.packed()


def raw_hash(raw: RawInput) -> str:
    data = raw.data.encode("utf-8", "surrogatepass") if isinstance(raw.data, str) else raw.data
    return hashlib.sha1(data).hexdigest()


def extract_text(text: str, source_path: str = "<text>") -> ExtractionResult:
    """All facts of one text, without a database."""
    return analyse(clean(RawInput(source_path, text, "txt")))


@dataclass
class IngestStats:
    seen: int = 0
    loaded: int = 0
    unchanged: int = 0
    replaced: int = 0
    skipped: int = 0
    facts: int = 0
    resolved_from_corpus: int = 0
    problems: list[Problem] = field(default_factory=list)


def _changed(raws: Iterable[RawInput | Problem], stats: IngestStats, known_raw: dict,
             on_problem: Callable[[Problem], None]) -> Iterator[RawInput]:
    """Drop inputs that need no work: problems found while reading, and unchanged files."""
    for raw in raws:
        stats.seen += 1
        if isinstance(raw, Problem):
            on_problem(raw)
        elif known_raw.get(raw.source_path) == raw_hash(raw):
            stats.unchanged += 1
        else:
            yield raw


class LoadSession:
    """One writing session on a database: decides, by the rules of the contract, what happens
    to each analysed document (new, replacing its path's old version, unchanged, duplicate),
    and records the run. Used by `ingest` and by `load` (Parquet from the Dask engine)."""

    def __init__(self, db_path: str):
        self.db_path = db_path
        self.store = Store(db_path)
        self.stats = IngestStats()
        self.run_id = self.store.start_run(__version__)
        self.known_paths = self.store.known_paths()
        self.known_hashes = self.store.known_hashes()
        self.known_raw = self.store.known_raw_hashes()

    def problem(self, p: Problem):
        self.stats.skipped += 1
        self.stats.problems.append(p)
        print(f"skipped {p.source_path}: {p.reason}", file=sys.stderr)

    def decide(self, path: str, content_hash: str) -> str:
        """'new', 'replace', or 'skip' (unchanged, or a duplicate, which is reported)."""
        other = self.known_hashes.get(content_hash)
        if other == path or (other is None and self.known_paths.get(path) == content_hash):
            self.stats.unchanged += 1  # same text (only furniture or encoding changed), or given twice
            return "skip"
        if other is not None:
            self.problem(Problem(path, f"duplicate content of {other}; stored once"))
            return "skip"
        self.known_hashes[content_hash] = path
        if path in self.known_paths:
            self.stats.replaced += 1
            return "replace"
        self.stats.loaded += 1
        return "new"

    def finish(self, snapshot: bool = True) -> IngestStats:
        self.stats.resolved_from_corpus = self.store.resolve_from_corpus()
        self.store.add_problems(self.run_id, self.stats.problems)
        self.store.finish_run(self.run_id, vars(self.stats))
        self.store.close()
        if snapshot:
            publish_snapshot(self.db_path)
        return self.stats


def ingest(paths: list[str], db_path: str, workers: int = 1, progress: bool = False,
           batch_docs: int = BATCH_DOCS, time_budget_s: float = DOC_TIME_BUDGET_S,
           snapshot: bool = True) -> IngestStats:
    load_all()  # a missing or broken extractor stops the run before anything is read
    session = LoadSession(db_path)
    stats = session.stats
    raws = _changed(read_paths(paths), stats, session.known_raw, session.problem)
    pool = mp.get_context("spawn").Pool(workers) if workers > 1 else None
    if pool:
        results = pool.imap(functools.partial(process_packed, budget_s=time_budget_s), raws, chunksize=16)
    else:
        results = map(functools.partial(process, budget_s=time_budget_s), raws)
    batch: list[ExtractionResult] = []
    replace: list[str] = []
    # a terminal gets a bar (documents, rate, ETA when the total is known); pipes and --quiet get none
    bar = tqdm(results, unit="doc", disable=not progress, file=sys.stderr, dynamic_ncols=True)

    def flush():
        session.store.write_batch(batch, replace)
        batch.clear()
        replace.clear()

    try:
        for res in bar:
            if isinstance(res, Problem):
                session.problem(res)
                continue
            decision = session.decide(res.document.source_path, res.document.content_hash)
            if decision == "skip":
                continue
            if decision == "replace":
                replace.append(res.document.source_path)
            stats.facts += res.n_facts
            batch.append(res)
            if len(batch) >= batch_docs:
                flush()
        flush()
    finally:
        bar.close()
        if pool:
            pool.terminate()
    return session.finish(snapshot)

