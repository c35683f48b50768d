"""Every connection to a vietmine database is opened here.

Single-writer model. DuckDB lets one process hold a database file for writing and no reader
beside it. A run (`ingest`, `load`, `reextract`) therefore takes two things:
- the writer lock (`<db>.lock`, an OS file lock held for the whole run): a second run is refused
  at once with the first one's PID, so two runs never interleave their batches;
- the database file itself only while it writes a batch (one transaction), then a checkpoint and
  close. Between batches (while documents are analysed) readers open the database itself.
A reader that finds the file held waits for the batch to commit and retries (READ_WAIT_S); a
writer that finds readers on the file waits for them to close, once per run, for at most
WRITE_WAIT_S (readers hold the file only for a query: vietmine.api connects per query or per
`with` block). Nothing is copied, so the cost of a run grows with what it loads, never with the
size of the database.

Every connection is opened by `connect`, with extension auto-install and auto-load off from its
first moment: opening a file (a SQLite file given as --db) never downloads anything."""
from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import time
from pathlib import Path
from typing import Callable, Iterator

import duckdb

from vietmine.errors import DatabaseError

READ_WAIT_S = 60.0    # longer than any batch takes to commit
WRITE_WAIT_S = 120.0  # longer than a `vietmine sql` query may run (its --timeout)
_RETRY_S = 0.05
# settings every connection starts with: DuckDB installs and loads known extensions on demand
# (a SQLite file, an https:// path) unless told not to, downloading them while a file is opened
SAFE_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def repr_sql(s: str) -> str:
    """A string literal of SQL."""
    return "'" + s.replace("'", "''") + "'"


def connect(path: str, read_only: bool = False, config: dict | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with SAFE_CONFIG (and `config`) from its first moment."""
    return duckdb.connect(path, read_only=read_only, config={**SAFE_CONFIG, **(config or {})})


def snapshot_path(db_path: str) -> str:
    return db_path + ".snapshot"


def lock_path(db_path: str) -> str:
    return db_path + ".lock"


def lock_holder(message: str) -> str:
    """'... Conflicting lock is held in /usr/bin/python3 (PID 123) ...' -> 'PID 123 (/usr/bin/python3)'."""
    m = re.search(r"held in (.+?) \(PID (\d+)\)", message)
    return f"PID {m.group(2)} ({m.group(1)})" if m else "another process"


def reader_holder(message: str) -> str:
    """The process that keeps a run from the file it holds the writer lock of: a reader (no other
    vietmine run can hold it), or a program that opened the file itself."""
    return f"a reader, {lock_holder(message)}"


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [e.__class__.__name__])[0]


def _is_lock(e: BaseException) -> bool:
    return isinstance(e, duckdb.IOException) and "lock" in str(e).lower()


_NO_SPACE = {errno.ENOSPC: "no space left on device", getattr(errno, "EDQUOT", errno.ENOSPC): "disk quota exceeded",
             errno.EFBIG: "file size limit reached"}
_NO_SPACE_TEXT = {"no space left": "no space left on device", "disk full": "no space left on device",
                  "disk is full": "no space left on device", "quota exceeded": "disk quota exceeded",
                  "file too large": "file size limit reached"}
# DuckDB's words for a file it cannot trust: a checksum that fails, a file cut short, a catalog
# it cannot read back, or an instance invalidated by an earlier fatal error
_DAMAGE_TEXT = ("corrupt", "checksum", "could not read enough bytes", "serialization error", "invalidated",
                "fatal error", "internal error", "failed to read", "not a valid duckdb database")


def no_space(e: BaseException) -> str | None:
    """Why a write failed for lack of space (ENOSPC, EDQUOT, EFBIG, or the message DuckDB or
    SQLite gives for them), or None for another error."""
    if isinstance(e, OSError):
        return _NO_SPACE.get(e.errno)
    msg = str(e).lower()
    return next((why for text, why in _NO_SPACE_TEXT.items() if text in msg), None)


def is_damaged(e: BaseException) -> bool:
    return isinstance(e, (duckdb.FatalException, duckdb.InternalException)) or (
        isinstance(e, duckdb.Error) and any(t in str(e).lower() for t in _DAMAGE_TEXT))


def _is_sqlite(path: str) -> bool:
    """A SQLite file, which DuckDB opens only through an extension (never installed here)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def database_error(db_path: str, e: BaseException, what: str = "cannot read") -> DatabaseError:
    """One line for an error of DuckDB (or the OS) on the database file: a full disk, a file that
    is not a DuckDB database, a damaged one (with what to do), or `what` and DuckDB's first line."""
    reason = no_space(e)
    if reason:
        return DatabaseError(f"disk full writing {db_path} ({reason}); free space, then run the same command again")
    first = _first_line(e)
    if _is_sqlite(db_path) or "not a valid duckdb database" in first.lower():
        return DatabaseError(f"{db_path} is not a DuckDB database ({first})")
    if is_damaged(e):
        return DatabaseError(f"{db_path} is damaged ({first}); restore it from a copy, or move it away and "
                             "build it again with vietmine ingest")
    return DatabaseError(f"{what} {db_path}: {first}")


class WriterLock:
    """An exclusive OS lock on `<db>.lock` for the length of a run (filelock: flock on POSIX,
    LockFileEx on Windows), released by the OS if the process dies, so a killed run never leaves
    a stale lock. The holder writes its PID into the file, so a second run can name it."""

    def __init__(self, lock):
        self.lock = lock

    def release(self):
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _write_pid(fd: int) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)


def acquire_writer_lock(db_path: str) -> WriterLock:
    import filelock

    path = lock_path(db_path)
    try:
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        lock = filelock.FileLock(path, timeout=0, thread_local=False, preserve_lock_file=True, on_acquired=_write_pid)
        lock.acquire()
    except filelock.Timeout:
        try:
            pid = Path(path).read_text(encoding="ascii", errors="replace").strip() or "?"
        except OSError:
            pid = "?"
        raise DatabaseError(f"{db_path} is being written by PID {pid}; wait for that run to finish, then run this "
                            "one again (one writer at a time)") from None
    except OSError as e:
        raise DatabaseError(f"cannot write database {db_path}: {e.strerror or e}") from None
    return WriterLock(lock)


# DuckDB rewrites a table's last row group whole at each checkpoint, and every batch ends with one:
# at its default of 122,880 rows the rewrite of the documents' texts grew with the corpus (peak RSS
# 466 MB at 10,000 bench articles, 780 MB at 35,440). The size is not kept in the file, so every
# writing connection attaches the database with it.
WRITER_ROW_GROUP_ROWS = 8192


def _connect_writer(db_path: str) -> duckdb.DuckDBPyConnection:
    # one thread: a batch's checkpoint compresses row groups on every thread, each with its own
    # buffers (one thread lowered an ingest's peak by ~30 MB at no measurable cost: the documents
    # are analysed elsewhere, the writer only appends)
    con = connect(":memory:", config={"threads": 1})
    try:
        con.execute(f"ATTACH {repr_sql(os.path.abspath(db_path))} AS db (ROW_GROUP_SIZE {WRITER_ROW_GROUP_ROWS})")
        con.execute("USE db")
    except BaseException:
        con.close()
        raise
    return con


def open_writer(db_path: str, wait_s: float = 0) -> duckdb.DuckDBPyConnection:
    """The single writing connection, for a caller that holds the writer lock; creates the file
    and its folder if missing. A file held by a reader is retried for up to `wait_s` seconds."""
    deadline = time.monotonic() + wait_s
    told = False
    while True:
        try:
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
            return _connect_writer(db_path)
        except duckdb.Error as e:
            if _is_lock(e):
                holder = reader_holder(str(e))
                if time.monotonic() < deadline:
                    if not told:
                        warn(f"waiting for {holder}, to close {db_path}")
                        told = True
                    time.sleep(_RETRY_S)
                    continue
                waited = f", for {wait_s:g} s" if wait_s else ""
                raise DatabaseError(f"{db_path} is held open by {holder}{waited}; close it (a query, or a "
                                    "Database kept open in a `with` block), then run this one again") from None
            raise database_error(db_path, e, "cannot write") from None
        except OSError as e:
            raise DatabaseError(f"cannot write database {db_path}: {e.strerror or e}") from None


def warn(message: str) -> None:
    print(f"vietmine: {message}", file=sys.stderr)


def open_reader(db_path: str, on_fallback: Callable[[str], None] | None = warn,
                config: dict | None = None, wait_s: float | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the database itself. While a run commits a batch the file is
    held for a moment: the reader waits and retries (up to READ_WAIT_S)."""
    if not os.path.exists(db_path):
        raise DatabaseError(f"no database at {db_path}; create it with: vietmine ingest --db {db_path}")
    deadline = time.monotonic() + (READ_WAIT_S if wait_s is None else wait_s)
    told = False
    while True:
        try:
            return connect(db_path, read_only=True, config=config)
        except duckdb.Error as e:
            if not _is_lock(e):
                raise database_error(db_path, e, "cannot open") from None
            holder = lock_holder(str(e))
            if time.monotonic() >= deadline:
                raise DatabaseError(f"{db_path} is held by {holder} and was not released in "
                                    f"{READ_WAIT_S if wait_s is None else wait_s:g} s") from None
            if on_fallback and not told:
                on_fallback(f"{db_path} is being written by {holder}; waiting for its batch to commit")
                told = True
            time.sleep(_RETRY_S)


def publish_snapshot(db_path: str) -> bool:
    """An optional read-only copy of the whole database (for shipping it, or a reader on another
    machine); replaced atomically. A failed copy is a warning and leaves no temporary file."""
    tmp = snapshot_path(db_path) + ".tmp"
    try:
        import shutil

        shutil.copyfile(db_path, tmp)
        os.replace(tmp, snapshot_path(db_path))
        return True
    except OSError as e:
        try:
            os.remove(tmp)
        except OSError:
            pass
        warn(f"snapshot of {db_path} not written ({e.strerror or e}); the database itself is complete")
        return False


# -- rows handed to DuckDB
# Python rows go to DuckDB as query parameters, one list per column. Converting them to Arrow first
# (as batches of more than 50,000 values once were) stored the same values no faster (10,000 bench
# articles: 28.7 s and 29.4 s against 29.3 s and 29.3 s, interleaved) but imported pyarrow, numpy
# and pandas into the writer (0.3 s, and 93 MB more peak memory: 266 MB against 362 MB). Arrow
# tables still come from the distributed engine's shards (read from Parquet) and are registered.


def arrow_table(columns: list[tuple[str, str]], rows: list[tuple]):
    """Rows as an Arrow table, each column of the Arrow type of its SQL type (a shard's tables)."""
    import pyarrow as pa

    types = {"VARCHAR": pa.string(), "INTEGER": pa.int64(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
             "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us")}
    values = list(zip(*rows)) if rows else [()] * len(columns)
    return pa.table([pa.array(list(v), type=types[t]) for v, (_, t) in zip(values, columns)],
                    names=[c for c, _ in columns])


@contextlib.contextmanager
def rows_relation(con, name: str, columns: list[tuple[str, str]], rows) -> Iterator[tuple[str, list]]:
    """Python rows (tuples in the order of `columns`: (name, SQL type) pairs), or an Arrow table
    with these columns (as read from Parquet), as a relation to select from: yields (SQL,
    parameters). Each Python value is cast to its column's type, so both store the same values."""
    if isinstance(rows, list):
        values = [list(c) for c in zip(*rows)] if rows else [[] for _ in columns]
        casts = ", ".join(f"?::{t}[] AS c{i}" for i, (_, t) in enumerate(columns))
        unnests = ", ".join(f'unnest(c{i}) AS "{c}"' for i, (c, _) in enumerate(columns))
        yield f"(SELECT {unnests} FROM (SELECT {casts}))", values
        return
    con.register(name, rows)
    try:
        yield name, []
    finally:
        con.unregister(name)


def insert_rows(con, table: str, columns: list[tuple[str, str]], rows) -> None:
    """Append rows (Python tuples or an Arrow table, see rows_relation) to a table (nothing when
    there are none)."""
    if not len(rows):
        return
    col_list = ", ".join(f'"{c}"' for c, _ in columns)
    with rows_relation(con, f"{table}_rows", columns, rows) as (source, params):
        con.execute(f"INSERT INTO {table} ({col_list}) SELECT {col_list} FROM {source}", params)
