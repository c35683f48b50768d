"""A writing run (`ingest`, `load`, `reextract`): the writer lock and the database held through
the store, the decision for each analysed document (new, replacing its source's old version,
unchanged, moved, duplicate), corpus-wide resolution before the run closes, and the record of the
run (`runs`, `problems`). Interrupts and a full disk end it cleanly. The engines drive the stages
and hand their results to a Run; the Run never analyses text."""
from __future__ import annotations

import contextlib
import hashlib
import signal
import sys
import threading
from dataclasses import dataclass, field
from typing import Callable

import duckdb

from vietmine import __version__
from vietmine.corpus.files import ReadRefused, valid_text
from vietmine.corpus.sources import SourceKey, canonical_roots
from vietmine.errors import DatabaseError, UnknownDocument, VietmineError
from vietmine.facts import ExtractionResult, Problem
from vietmine.pipeline.analyse import DOC_TIME_BUDGET_S
from vietmine.pipeline.connections import database_error, no_space, publish_snapshot
from vietmine.pipeline.resolve_corpus import resolve_corpus
from vietmine.pipeline.store import KnownSource, Store, table_doc_ids

BATCH_DOCS = 1000
KEPT_PROBLEMS = 1000  # problems kept in IngestStats; every one is written to the `problems` table


@dataclass(frozen=True)
class IngestOptions:
    """How a run reads and works: one typed object from the API or the CLI to the engines."""
    workers: int = 1                       # extraction processes (one writer stays in the caller's process)
    progress: bool = False                 # a progress bar on stderr
    batch_docs: int = BATCH_DOCS           # documents written per transaction
    time_budget_s: float = DOC_TIME_BUDGET_S  # seconds one document may take (0: none)
    prune: bool = False                    # remove the documents of sources that no longer exist
    snapshot: bool = False                 # also write a copy of the whole database (FILE.snapshot)
    exclude: tuple[str, ...] = ()          # in folders: skip paths or names matching these globs
    glob: tuple[str, ...] = ()             # in folders: read only files matching these globs


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
    removed: int = 0
    removed_facts: int = 0
    removed_still_on_disk: int = 0  # removed documents whose source the next ingest of its folder reads again
    committed: int = 0
    facts: int = 0
    resolved_from_corpus: int = 0
    references_resolved_again: int = 0  # stored references whose code or identity the corpus changed
    problems: list[Problem] = field(default_factory=list)  # the first KEPT_PROBLEMS (all are in the database)
    ignored: dict[str, int] = field(default_factory=dict)  # files of the folders not read, by suffix


class Interrupted(VietmineError):
    """SIGINT or SIGTERM: what was committed stays; the same command finishes the work."""
    exit_code = 130


class _Terminate(BaseException):
    pass


@contextlib.contextmanager
def _interruptible(signalled: list[int]):
    """SIGTERM ends a run as Ctrl-C does (cleanly, in the main thread); restored afterwards. Each
    signal is also noted in `signalled`: one that reaches DuckDB mid-statement comes out as
    DuckDB's own error (an interrupted or aborted transaction), and is an interrupt all the same."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_int(signum, frame):
        signalled.append(signum)
        raise KeyboardInterrupt

    def on_term(signum, frame):
        signalled.append(signum)
        raise _Terminate()

    previous = {signal.SIGINT: signal.signal(signal.SIGINT, on_int),
                signal.SIGTERM: signal.signal(signal.SIGTERM, on_term)}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


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


def _raise_failure(db_path: str, e: BaseException):
    """Raise the one-line error of a run that failed on the database (a full disk, a damaged
    file), or `e` itself for anything else."""
    reason = no_space(e)
    if reason:
        raise DatabaseError(f"disk full writing {db_path} ({reason}); the batches committed so far are kept: "
                            "free space, then run the same command to finish") from None
    if isinstance(e, duckdb.Error):
        raise database_error(db_path, e, "cannot write") from None
    raise e


def documents_named(rows: list[tuple[str, str, str]], targets: list[str], db_path: str) -> list[str]:
    """The stored documents (rows: doc_id, source_key, source_path) each target names: a doc_id, a
    source path as stored, or a file or folder (every document read from it; FEED#ID for one
    article of a feed). A target that names none is an error, before anything is removed."""
    found: dict[str, None] = {}
    for target in targets:
        named = SourceKey.of_stored_path(target)
        hits = [doc_id for doc_id, key, path in rows
                if target in (doc_id, path) or key == str(named)
                or (named.item is None and SourceKey.parse(key).under((named.file,)))]
        if not hits:
            raise UnknownDocument(f"no document '{valid_text(target)}' in {db_path} (give a doc_id, a source "
                                  "path, or a file or folder that was ingested); nothing removed")
        found.update(dict.fromkeys(hits))
    return list(found)


class Run:
    """One writing run on a database. Documents are kept by their source key (corpus/sources.py)."""

    def __init__(self, db_path: str):
        self.db_path = db_path
        self.store = Store(db_path)
        self.stats = IngestStats()
        try:
            self.run_id = self.store.start_run(__version__)
            self.known: dict[str, KnownSource] = self.store.known_sources()
            self.store.release()
        except BaseException:
            self.store.abandon()
            raise
        self.known_hashes = {s.content_hash: k for k, s in self.known.items()}
        self.seen: dict[str, str] = {}  # source key -> content hash, of sources met in this run
        self.path_moves: dict[str, str] = {}  # source key -> the path it was last given by
        self.pending: list[Problem] = []  # problems not written yet (they go with the next batch)
        self.written_ids: set[str] = set()

    @classmethod
    def open(cls, db_path: str) -> "Run":
        try:
            return cls(db_path)
        except Exception as e:
            _raise_failure(db_path, e)

    def problem(self, p: Problem):
        """An input skipped, with its reason."""
        self.stats.skipped += 1
        self._record(p, "skipped")

    def note(self, p: Problem):
        """Something a loaded input needed (a repair), recorded in `problems` as well."""
        self._record(p, "note")

    def _record(self, p: Problem, verb: str):
        if len(self.stats.problems) < KEPT_PROBLEMS:
            self.stats.problems.append(p)
        self.pending.append(p)
        print(f"{verb} {valid_text(p.source_path)}: {valid_text(p.reason)}", file=sys.stderr)
        if len(self.pending) >= BATCH_DOCS:  # a feed of bad lines costs constant memory too
            self.write([], [])

    # -- what to do with each input
    def unchanged_raw(self, key: str, path: str, rhash: str | None) -> bool:
        """True when the source holds the same bytes as when it was stored (no work to do); its
        stored path follows the path it was given by this time."""
        known = self.known.get(key)
        if known is None or rhash is None or known.raw_hash != rhash:
            return False
        self.stats.unchanged += 1
        self.seen[key] = known.content_hash
        if known.source_path != path:
            self.path_moves[key] = path
            self.known[key] = known._replace(source_path=path)
        return True

    def _still_holds(self, key: str, content_hash: str) -> bool:
        """Whether the source `key` (stored with this content) still holds it: seen so in this run,
        or, not met yet, its file exists with the same bytes."""
        if key in self.seen:
            return self.seen[key] == content_hash
        source = SourceKey.parse(key)
        if not source.file_exists():
            return False
        if source.is_item:  # a line of a JSON-lines file not read yet: assume it still holds it
            return True
        try:
            data = source.file_bytes()
        except (OSError, ReadRefused):
            return False
        return hashlib.sha1(data).hexdigest() == self.known[key].raw_hash

    def decide(self, key: str, path: str, content_hash: str, rhash: str | None = None) -> str:
        """'new', 'replace', or 'skip' (unchanged, or a duplicate, which is reported)."""
        other = self.known_hashes.get(content_hash)
        if other == key:
            self.stats.unchanged += 1  # same text (only furniture or encoding changed), or given twice
            self.seen[key] = content_hash
            old = self.known[key]
            if old.source_path != path:
                self.path_moves[key] = path
            self.known[key] = KnownSource(content_hash, rhash or old.raw_hash, path)
            return "skip"
        if other is not None and self._still_holds(other, content_hash):
            self.problem(Problem(path, f"duplicate content of {self.known[other].source_path}; stored once"))
            return "skip"
        if other is not None:  # the content moved here from a source that no longer holds it
            self.stats.moved += 1
            del self.known[other]
        old = self.known.get(key)
        if old is not None and self.known_hashes.get(old.content_hash) == key:
            del self.known_hashes[old.content_hash]
        self.known_hashes[content_hash] = key
        self.known[key] = KnownSource.of(key, content_hash, rhash or "", path)
        self.seen[key] = content_hash
        if old is not None:
            self.stats.replaced += 1
            return "replace"
        self.stats.loaded += 1
        return "new"

    # -- writes, each batch in one transaction; the database file is held only meanwhile
    def write(self, results: list[ExtractionResult], replace: list[str], hold: bool = False):
        """Commit one batch, then let readers in; `hold`: keep the file for what follows at once
        (the last batch of a run: its checkpoint is then the run's last one, and no reader waits)."""
        with self.store.writing():
            self.store.write_batch(results, replace)
            self.store.update_paths(list(self.path_moves.items()))
            self.store.add_problems(self.run_id, self.pending)
        if not hold:
            self.store.release()
        self.path_moves.clear()
        self.pending.clear()
        self.stats.committed += len(results)
        self.written_ids.update(r.document.doc_id for r in results)

    def write_tables(self, tables: dict, replace: list[str]):
        """Store.write_tables, for tables read from Parquet."""
        with self.store.writing():
            self.store.write_tables(tables, replace)
            self.store.add_problems(self.run_id, self.pending)
        self.store.release()
        self.pending.clear()
        written = table_doc_ids(tables["documents"])
        self.stats.committed += len(written)
        self.written_ids.update(written)

    # -- sources gone
    def missing_sources(self, roots: list[str], complete_files: set[str], unread: set[str] = frozenset()) -> list[str]:
        """Stored sources under the given paths that this run did not meet and that are certainly
        gone: a file that no longer exists, or a line gone from a JSON-lines file read to its end
        (`complete_files`: the canonical files this run read whole). Nothing in or under `unread`
        (canonical files not read whole, folders that could not be listed) is taken for gone."""
        prefixes = canonical_roots(roots)
        unread_roots = tuple(unread)
        out = []
        for key in self.known:
            if key in self.seen or not key.startswith(prefixes):  # cheap tests first: this runs on every key
                continue
            source = SourceKey.parse(key)
            if not source.under(prefixes) or source.under(unread_roots):
                continue
            if not source.file_exists() or (source.is_item and source.file in complete_files):
                out.append(key)
        return sorted(out)

    def handle_missing(self, keys: list[str], prune: bool):
        self.stats.missing = len(keys)
        for key in keys:
            path = self.known[key].source_path
            reason = ("source no longer exists; its document was removed (--prune)" if prune else
                      "source no longer exists; its document is kept (remove it with: vietmine ingest --prune)")
            self._record(Problem(path, reason), "missing")
        if prune and keys:
            with self.store.writing():
                self.store.remove_sources(keys)
            self.store.release()
            for key in keys:
                self.known_hashes.pop(self.known.pop(key).content_hash, None)
            self.stats.pruned = len(keys)

    # -- documents taken out on request (`vietmine remove`)
    def documents_named(self, targets: list[str]) -> list[str]:
        rows = self.store.document_sources()
        self.store.release()
        return documents_named(rows, targets, self.db_path)

    def remove(self, doc_ids: list[str]):
        """Delete these documents with all their facts in one transaction, each named in `problems`;
        the corpus-wide resolution at `finish` takes back what other documents had from them."""
        sources = {d: (key, path) for d, key, path in self.store.document_sources()}
        with self.store.writing():
            self.stats.removed_facts = self.store.remove_documents(doc_ids)
        self.store.release()
        self.stats.removed = len(doc_ids)
        self.stats.removed_still_on_disk = sum(SourceKey.parse(sources[d][0]).file_exists() for d in doc_ids)
        removed = [Problem(sources[d][1], f"removed on request (vietmine remove {d})") for d in doc_ids]
        self.stats.problems += removed
        self.pending += removed

    # -- closing
    def finish(self, snapshot: bool = False) -> IngestStats:
        with _shielded():
            self.store.acquire()
            self.store.update_paths(list(self.path_moves.items()))
            resolution = resolve_corpus(self.store.reference_rows(), self.store.documents_with_refs)
            self.store.apply_corpus_resolution(resolution)
            self.stats.resolved_from_corpus = resolution.from_corpus
            self.stats.references_resolved_again = len(resolution.ref_updates)
            self.store.add_problems(self.run_id, self.pending)
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
                self.store.acquire(wait=False)  # a reader that kept the run waiting is not waited for twice
                self.store.add_problems(self.run_id, self.pending)
                self.store.finish_run(self.run_id, vars(self.stats), status)
                self.store.close()
            except BaseException:
                self.store.abandon()  # the run's row stays 'running': the next run closes it as 'crashed'

    def run(self, body: Callable[[], None], snapshot: bool = False) -> IngestStats:
        """Run `body`, then finish; SIGINT/SIGTERM or a full disk close the run as such and
        raise a one-line error."""
        signalled: list[int] = []
        try:
            with _interruptible(signalled):
                body()
        except BaseException as e:
            if not (signalled or isinstance(e, (KeyboardInterrupt, _Terminate))):
                self.end("failed")
                _raise_failure(self.db_path, e)
            self.end("interrupted")
            raise Interrupted(f"interrupted: {self.stats.committed} documents committed; "
                              "run the same command to finish") from None
        try:
            return self.finish(snapshot)
        except BaseException as e:
            self.store.abandon()
            _raise_failure(self.db_path, e)
