"""Every connection to a vietmine database is opened here.

DuckDB allows one writing process and no readers beside it. The writer (`ingest`, `load`) holds
the database while it runs; at the end of each run it publishes a read-only snapshot next to the
database file. Readers (the CLI's views, `eval`, the Python API) open the database read-only, and
fall back to that snapshot while a writer holds the file."""
from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path
from typing import Callable

import duckdb

from vietmine.errors import DatabaseError


def snapshot_path(db_path: str) -> str:
    return db_path + ".snapshot"


def lock_holder(message: str) -> str:
    """'... Conflicting lock is held in /usr/bin/python3 (PID 123) ...' -> 'PID 123 (/usr/bin/python3)'."""
    m = re.search(r"held in (.+?) \(PID (\d+)\)", message)
    return f"PID {m.group(2)} ({m.group(1)})" if m else "another process"


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [e.__class__.__name__])[0]


def _is_lock(e: BaseException) -> bool:
    return isinstance(e, duckdb.IOException) and "lock" in str(e).lower()


def open_writer(db_path: str) -> duckdb.DuckDBPyConnection:
    """The single writing connection; creates the file and its folder if missing."""
    try:
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(db_path)
    except duckdb.Error as e:
        if _is_lock(e):
            raise DatabaseError(f"{db_path} is being written by {lock_holder(str(e))}; wait for that ingest to "
                                "finish, then run this one again (DuckDB allows one writer)") from None
        raise DatabaseError(f"cannot write database {db_path}: {_first_line(e)}") from None
    except OSError as e:
        raise DatabaseError(f"cannot write database {db_path}: {e.strerror or e}") from None


def warn(message: str) -> None:
    print(f"vietmine: {message}", file=sys.stderr)


def open_reader(db_path: str, on_fallback: Callable[[str], None] | None = warn) -> duckdb.DuckDBPyConnection:
    """A read-only connection; the last published snapshot while a writer holds the database."""
    if not os.path.exists(db_path):
        raise DatabaseError(f"no database at {db_path}; create it with: vietmine ingest --db {db_path}")
    try:
        return duckdb.connect(db_path, read_only=True)
    except duckdb.Error as e:
        if not _is_lock(e):
            raise DatabaseError(f"cannot open {db_path}: {_first_line(e)}") from None
        holder = lock_holder(str(e))
        snap = snapshot_path(db_path)
        if not os.path.exists(snap):
            raise DatabaseError(f"{db_path} is being written by {holder}; wait for that ingest to finish "
                                "(DuckDB allows one writer and no readers beside it)") from None
        if on_fallback:
            on_fallback(f"{db_path} is being written by {holder}; reading the snapshot of the last "
                        f"finished ingest ({snap})")
        return duckdb.connect(snap, read_only=True)


def publish_snapshot(db_path: str) -> None:
    """A read-only copy for readers while a later ingest holds the database; replaced
    atomically, so never half-written."""
    tmp = snapshot_path(db_path) + ".tmp"
    shutil.copyfile(db_path, tmp)
    os.replace(tmp, snapshot_path(db_path))
