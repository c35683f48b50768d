"""The local engine: read -> decode/clean -> segment -> extract -> resolve -> store, in this
process or with a pool of worker processes that send results back to the single writer."""
from __future__ import annotations

import collections
import contextlib
import ctypes
import functools
import hashlib
import multiprocessing as mp
import os
import re
import signal
import sys
import threading
import traceback
from dataclasses import dataclass, field
from typing import Callable, Iterator

from tqdm import tqdm

from vietmine.corpus.files import ReadRefused, canonical_path, read_bounded, valid_text
from vietmine.corpus.readers import read_paths
from vietmine.errors import DatabaseError, ExtractorError, VietmineError
from vietmine.extractors import load_all
from vietmine.facts import Document, ExtractionResult, Problem, RawInput
from vietmine.pipeline.clean import CleanError, clean
from vietmine.pipeline.connections import is_disk_full, publish_snapshot
from vietmine.pipeline.decode import DecodeError
from vietmine import __version__
from vietmine.pipeline.extract import extract, rules_version
from vietmine.pipeline.resolve import resolve
from vietmine.pipeline.segment import segment
from vietmine.pipeline.store import Store, file_of, source_key_of

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


class _ThreadBudget:
    """The time budget off the main thread (Dask tasks, thread pools), where SIGALRM cannot be
    used: a timer raises the same exception in the working thread, at the same points (between
    Python bytecodes) where a SIGALRM handler would run."""

    def __init__(self, budget_s: float):
        self.tid = threading.get_ident()
        self.lock = threading.Lock()
        self.done = False
        self.fired = False
        self.timer = threading.Timer(budget_s, self._fire)
        self.timer.daemon = True
        self.timer.start()

    def _fire(self):
        with self.lock:
            if not self.done:
                self.fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.tid), ctypes.py_object(_TimeBudgetExceeded))

    def cancel(self):
        with self.lock:
            self.done = True
            self.timer.cancel()
            if self.fired:  # raised already, or still pending: clear a pending one
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.tid), None)


def process(raw: RawInput, budget_s: float = DOC_TIME_BUDGET_S) -> ExtractionResult | Problem:
    """Clean and analyse one input within a time budget: the unit of work of a worker process.
    A document that exceeds the budget is skipped and reported, never allowed to hang a run."""
    try:
        return _process(raw, budget_s)
    except _TimeBudgetExceeded:  # delivered by a thread budget just as the work ended
        return Problem(raw.source_path, f"analysis exceeded the time budget of {budget_s:g} s")


def _process(raw: RawInput, budget_s: float) -> ExtractionResult | Problem:
    use_alarm = budget_s > 0 and threading.current_thread() is threading.main_thread()
    thread_budget = _ThreadBudget(budget_s) if budget_s > 0 and not use_alarm else None
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
        if thread_budget:
            thread_budget.cancel()
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
    moved: int = 0
    reextracted: int = 0
    missing: int = 0
    pruned: int = 0
    committed: int = 0
    facts: int = 0
    resolved_from_corpus: int = 0
    problems: list[Problem] = field(default_factory=list)


class Interrupted(VietmineError):
    """SIGINT or SIGTERM: what was committed stays; the same command finishes the work."""
    exit_code = 130


class _Terminate(BaseException):
    pass


def _on_term(signum, frame):
    raise _Terminate()


@contextlib.contextmanager
def _interruptible():
    """SIGTERM ends a run as Ctrl-C does (cleanly, in the main thread); restored afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _shielded():
    """No second interrupt while a run is being closed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


def _ignore_interrupts():
    """Worker processes leave Ctrl-C to the writer, which ends the run cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _source_key(raw: RawInput) -> str:
    return raw.meta.get("source_key") or source_key_of(raw.source_path)


def _unescape(path: str) -> str:
    """A display path ('\\xff' for an undecodable byte) back to the name on disk."""
    def byte(m):
        n = int(m.group(1), 16)
        return chr(0xDC00 + n) if n >= 0x80 else chr(n)

    return re.sub(r"\\x([0-9a-f]{2})", byte, path)


def _exists(path: str) -> bool:
    return os.path.exists(path) or os.path.exists(_unescape(path))


class LoadSession:
    """One writing session on a database: decides, by the rules of the contract, what happens
    to each analysed document (new, replacing its source's old version, unchanged, moved from a
    source that no longer holds it, duplicate), and records the run. Documents are kept by their
    canonical source (documents.source_key). Used by `ingest`, `load` (Parquet from the Dask
    engine) and `reextract`."""

    def __init__(self, db_path: str):
        self.db_path = db_path
        self.store = Store(db_path)
        self.stats = IngestStats()
        try:
            self.run_id = self.store.start_run(__version__)
            # source_key -> (content_hash, raw_hash, source_path)
            self.known = self.store.known_sources()
            self.store.release()
        except BaseException:
            self.store.abandon()
            raise
        self.known_hashes = {c: k for k, (c, _, _) in self.known.items()}
        self.seen: dict[str, str] = {}  # source_key -> content hash, of sources met in this run
        self.path_moves: list[tuple[str, str]] = []
        self.written_ids: set[str] = set()

    def problem(self, p: Problem):
        self.stats.skipped += 1
        self.stats.problems.append(p)
        print(f"skipped {valid_text(p.source_path)}: {valid_text(p.reason)}", file=sys.stderr)

    def unchanged_raw(self, key: str, path: str, rhash: str | None) -> bool:
        """True when the source holds the same bytes as when it was stored (no work to do); its
        stored path follows the path it was given by this time."""
        known = self.known.get(key)
        if known is None or rhash is None or known[1] != rhash:
            return False
        self.stats.unchanged += 1
        self.seen[key] = known[0]
        if known[2] != path:
            self.path_moves.append((key, path))
            self.known[key] = (known[0], known[1], path)
        return True

    def _still_holds(self, key: str, content_hash: str) -> bool:
        """Whether the source `key` (stored with this content) still holds it: seen so in this run,
        or, not met yet, its file exists with the same bytes."""
        if key in self.seen:
            return self.seen[key] == content_hash
        file = file_of(key)
        if not _exists(file):
            return False
        if file != key:  # a line of a JSON-lines file not read yet: assume it still holds it
            return True
        try:
            data = read_bounded(file if os.path.exists(file) else _unescape(file))
        except (OSError, ReadRefused):
            return False
        return hashlib.sha1(data).hexdigest() == self.known[key][1]

    def decide(self, key: str, path: str, content_hash: str, rhash: str | None = None) -> str:
        """'new', 'replace', or 'skip' (unchanged, or a duplicate, which is reported)."""
        other = self.known_hashes.get(content_hash)
        if other == key:
            self.stats.unchanged += 1  # same text (only furniture or encoding changed), or given twice
            self.seen[key] = content_hash
            old = self.known[key]
            if old[2] != path:
                self.path_moves.append((key, path))
            self.known[key] = (content_hash, rhash or old[1], path)
            return "skip"
        if other is not None and self._still_holds(other, content_hash):
            self.problem(Problem(path, f"duplicate content of {self.known[other][2]}; stored once"))
            return "skip"
        if other is not None:  # the content moved here from a source that no longer holds it
            self.stats.moved += 1
            del self.known[other]
        old = self.known.get(key)
        if old is not None and self.known_hashes.get(old[0]) == key:
            del self.known_hashes[old[0]]
        self.known_hashes[content_hash] = key
        self.known[key] = (content_hash, rhash or "", path)
        self.seen[key] = content_hash
        if old is not None:
            self.stats.replaced += 1
            return "replace"
        self.stats.loaded += 1
        return "new"

    def write(self, results: list[ExtractionResult], replace: list[str], keys: list[str] | None = None):
        """One batch in one transaction; the database file is held only meanwhile."""
        with self.store.writing():
            self.store.write_batch(results, replace, keys)
            self.store.update_paths(self.path_moves)
        self.store.release()
        self.path_moves.clear()
        self.stats.committed += len(results)
        self.written_ids.update(r.document.doc_id for r in results)

    def write_frames(self, frames, replace: list[str]):
        with self.store.writing():
            self.store.write_frames(frames, replace)
        self.store.release()
        self.stats.committed += len(frames["documents"])
        self.written_ids.update(frames["documents"]["doc_id"])

    def missing_sources(self, roots: list[str], complete_files: set[str]) -> list[str]:
        """Stored sources under the given paths that this run did not meet and that no longer
        exist: a file gone, or a line gone from a JSON-lines file that was read to its end."""
        prefixes = tuple(canonical_path(r) for r in roots)
        out = []
        for key in self.known:
            if key in self.seen or not key.startswith(prefixes):  # cheap tests first: this runs on every key
                continue
            file = file_of(key)
            if not any(file == p or file.startswith(p.rstrip(os.sep) + os.sep) for p in prefixes):
                continue
            if not _exists(file) or (file != key and file in complete_files):
                out.append(key)
        return sorted(out)

    def handle_missing(self, keys: list[str], prune: bool):
        self.stats.missing = len(keys)
        for key in keys:
            path = self.known[key][2]
            reason = ("source no longer exists; its document was removed (--prune)" if prune else
                      "source no longer exists; its document is kept (remove it with: vietmine ingest --prune)")
            self.stats.problems.append(Problem(path, reason))
            print(f"missing {valid_text(path)}: {reason}", file=sys.stderr)
        if prune and keys:
            with self.store.writing():
                self.store.remove_sources(keys)
            self.store.release()
            for key in keys:
                self.known_hashes.pop(self.known.pop(key)[0], None)
            self.stats.pruned = len(keys)

    def reextract_stale(self, workers: int = 1, progress: bool = False, batch_docs: int = BATCH_DOCS,
                        pool=None) -> int:
        """Documents extracted by other rules (their rules_version differs) analysed again from
        their stored text; no source file is read."""
        stale = [d for d in self.store.stale_ids(rules_version()) if d not in self.written_ids]
        self.store.release()
        if not stale:
            return 0
        bar = tqdm(total=len(stale), unit="doc", desc="re-extracting", disable=not progress, file=sys.stderr,
                   dynamic_ncols=True)
        own_pool = None
        if pool is None and workers > 1:
            pool = own_pool = mp.get_context("spawn").Pool(workers, initializer=_ignore_interrupts)
        try:
            for i in range(0, len(stale), batch_docs):
                rows = self.store.stored_documents(stale[i:i + batch_docs])
                self.store.release()
                docs = [_document_of(r) for r in rows]
                results = list(pool.imap(analyse_packed, docs, chunksize=16) if pool else map(analyse, docs))
                self.write(results, [], [r[10] for r in rows])
                self.stats.reextracted += len(results)
                self.stats.facts += sum(r.n_facts for r in results)
                bar.update(len(results))
        finally:
            bar.close()
            if own_pool:
                own_pool.terminate()
        return self.stats.reextracted

    def finish(self, snapshot: bool = False) -> IngestStats:
        with _shielded():
            self.store.acquire()
            self.store.update_paths(self.path_moves)
            self.stats.resolved_from_corpus = self.store.resolve_from_corpus()
            self.store.add_problems(self.run_id, self.stats.problems)
            self.store.finish_run(self.run_id, vars(self.stats))
            self.store.close()
        if snapshot:
            publish_snapshot(self.db_path)
        return self.stats

    def end(self, status: str):
        """Close an interrupted or failed run: its problems and status recorded if the database
        can still be written; the committed batches are kept either way."""
        with _shielded():
            try:
                self.store.acquire()
                self.store.add_problems(self.run_id, self.stats.problems)
                self.store.finish_run(self.run_id, vars(self.stats), status)
                self.store.close()
            except BaseException:
                self.store.abandon()

    def run(self, body: Callable[[], None]) -> IngestStats:
        """Run `body`, then finish; SIGINT/SIGTERM or a full disk close the run as such and
        raise a one-line error."""
        try:
            with _interruptible():
                body()
        except (KeyboardInterrupt, _Terminate):
            self.end("interrupted")
            raise Interrupted(f"interrupted: {self.stats.committed} documents committed; "
                              "run the same command to finish") from None
        except BaseException as e:
            self.end("failed")
            if is_disk_full(e):
                raise _disk_full(self.db_path) from None
            raise
        try:
            return self.finish()
        except BaseException as e:
            if is_disk_full(e):
                self.store.abandon()
                raise _disk_full(self.db_path) from None
            raise


def _document_of(row: tuple) -> Document:
    doc_id, path, text, chash, title, published, author, outlet, kind, rhash, _key = row
    return Document(doc_id=doc_id, source_path=path, text=text, content_hash=chash, title=title, published=published,
                    author=author, outlet=outlet, kind=kind or "news", raw_hash=rhash)


def analyse_packed(doc: Document) -> ExtractionResult:
    return analyse(doc).packed()


def _disk_full(db_path: str) -> DatabaseError:
    return DatabaseError(f"disk full writing {db_path} (no space left on device); the batches committed so far "
                         "are kept: free space, then run the same command to finish")


def open_session(db_path: str) -> LoadSession:
    try:
        return LoadSession(db_path)
    except BaseException as e:
        if is_disk_full(e):
            raise _disk_full(db_path) from None
        raise


def _problem_files(problems: list[Problem]) -> set[str]:
    """Files whose reading ended in a problem of the whole file (not of one of its lines)."""
    return {canonical_path(p.source_path) for p in problems if not re.search(r"(#|:\d+$)", p.source_path)}


def ingest(paths: list[str], db_path: str, workers: int = 1, progress: bool = False,
           batch_docs: int = BATCH_DOCS, time_budget_s: float = DOC_TIME_BUDGET_S,
           snapshot: bool = False, prune: bool = False, exclude=(), glob=()) -> IngestStats:
    load_all()  # a missing or broken extractor stops the run before anything is read
    session = open_session(db_path)
    stats = session.stats
    keys: collections.deque[str] = collections.deque()
    met_files: set[str] = set()

    def changed() -> Iterator[RawInput]:
        """Drop inputs that need no work: problems found while reading, and unchanged sources."""
        for raw in read_paths(paths, budget_s=time_budget_s, exclude=exclude, glob=glob):
            stats.seen += 1
            if isinstance(raw, Problem):
                session.problem(raw)
                continue
            key = _source_key(raw)
            met_files.add(file_of(key))
            if session.unchanged_raw(key, raw.source_path, raw_hash(raw)):
                continue
            keys.append(key)
            yield raw

    def body():
        pool = mp.get_context("spawn").Pool(workers, initializer=_ignore_interrupts) if workers > 1 else None
        if pool:
            results = pool.imap(functools.partial(process_packed, budget_s=time_budget_s), changed(), chunksize=16)
        else:
            results = map(functools.partial(process, budget_s=time_budget_s), changed())
        batch: list[ExtractionResult] = []
        batch_keys: list[str] = []
        replace: list[str] = []
        # a terminal gets a bar (documents, rate, ETA when the total is known); pipes and --quiet get none
        bar = tqdm(results, unit="doc", disable=not progress, file=sys.stderr, dynamic_ncols=True)

        def flush():
            session.write(batch, replace, batch_keys)
            batch.clear()
            batch_keys.clear()
            replace.clear()

        try:
            for res in bar:
                key = keys.popleft()
                if isinstance(res, Problem):
                    session.problem(res)
                    continue
                doc = res.document
                decision = session.decide(key, doc.source_path, doc.content_hash, doc.raw_hash)
                if decision == "skip":
                    continue
                if decision == "replace":
                    replace.append(key)
                stats.facts += res.n_facts
                batch.append(res)
                batch_keys.append(key)
                if len(batch) >= batch_docs:
                    flush()
            flush()
            bar.close()
            complete = met_files - _problem_files(stats.problems)
            session.handle_missing(session.missing_sources(paths, complete), prune)
            session.reextract_stale(workers, progress, batch_docs, pool)
        finally:
            bar.close()
            if pool:
                pool.terminate()

    stats_out = session.run(body)
    if snapshot:
        publish_snapshot(db_path)
    return stats_out


def reextract(db_path: str, workers: int = 1, progress: bool = False, batch_docs: int = BATCH_DOCS) -> IngestStats:
    """Analyse again, from their stored text, the documents extracted by other rules."""
    session = open_session(db_path)
    return session.run(lambda: session.reextract_stale(workers, progress, batch_docs))
