"""Every connection to a vietmine database is opened here.

Single-writer model. DuckDB lets one process hold a database file for writing and no reader
beside it. A run (`ingest`, `load`, `reextract`) therefore takes two things:
- the writer lock (`<db>.lock`, an OS file lock held for the whole run): a second run is refused
  at once with the first one's PID, so two runs never interleave their batches;
- the database file itself only while it writes a batch (one transaction), then a checkpoint and
  close. Between batches (while documents are analysed) readers open the database itself.
A reader that finds the file held waits for the batch to commit and retries (READ_WAIT_S); a
writer that finds readers on the file waits for them to close (WRITE_WAIT_S). Nothing is copied,
so the cost of a run grows with what it loads, never with the size of the database."""
from __future__ import annotations

import errno
import os
import re
import sys
import time
from pathlib import Path
from typing import Callable

import duckdb

from vietmine.errors import DatabaseError

READ_WAIT_S = 60.0    # longer than any batch takes to commit
WRITE_WAIT_S = 600.0  # readers of the CLI close within seconds; a notebook must close its Database
_RETRY_S = 0.05


def snapshot_path(db_path: str) -> str:
    return db_path + ".snapshot"


def lock_path(db_path: str) -> str:
    return db_path + ".lock"


def lock_holder(message: str) -> str:
    """'... Conflicting lock is held in /usr/bin/python3 (PID 123) ...' -> 'PID 123 (/usr/bin/python3)'."""
    m = re.search(r"held in (.+?) \(PID (\d+)\)", message)
    return f"PID {m.group(2)} ({m.group(1)})" if m else "another process"


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [e.__class__.__name__])[0]


def _is_lock(e: BaseException) -> bool:
    return isinstance(e, duckdb.IOException) and "lock" in str(e).lower()


def is_disk_full(e: BaseException) -> bool:
    """A write failed for lack of space (OSError ENOSPC/EDQUOT, or DuckDB's message for it)."""
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return True
    msg = str(e).lower()
    return isinstance(e, duckdb.Error) and ("no space left" in msg or "disk full" in msg or "quota exceeded" in msg)


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


def open_writer(db_path: str, wait_for_readers: bool = False) -> duckdb.DuckDBPyConnection:
    """The single writing connection; creates the file and its folder if missing. With
    `wait_for_readers`, a file held by readers is retried until WRITE_WAIT_S has passed."""
    deadline = time.monotonic() + (WRITE_WAIT_S if wait_for_readers else 0)
    told = False
    while True:
        try:
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
            return duckdb.connect(db_path)
        except duckdb.Error as e:
            if _is_lock(e):
                if time.monotonic() < deadline:
                    if not told:
                        warn(f"waiting for {lock_holder(str(e))} to close {db_path}")
                        told = True
                    time.sleep(_RETRY_S)
                    continue
                raise DatabaseError(f"{db_path} is being written by {lock_holder(str(e))}; wait for it to finish "
                                    "(or close it), then run this one again (DuckDB allows one writer)") from None
            raise DatabaseError(f"cannot write database {db_path}: {_first_line(e)}") from None
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
            return duckdb.connect(db_path, read_only=True, config=config or {})
        except duckdb.Error as e:
            if not _is_lock(e):
                raise DatabaseError(f"cannot open {db_path}: {_first_line(e)}") from None
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
