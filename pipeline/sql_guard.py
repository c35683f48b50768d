"""The guard of `vietmine sql` / `Database.sql`: one read-only statement, and files read only
from the outputs folder (or folders the caller names).

Two layers, DuckDB's own settings first:
1. the query runs on its own DuckDB instance that attaches the database READ_ONLY and then turns
   file access off (`enable_external_access = false`) except for the allowed folders
   (`allowed_directories`), and locks that configuration (`lock_configuration = true`): no COPY
   TO, EXPORT, ATTACH, INSTALL or read_text('/etc/shadow') can get past it, whatever the SQL;
2. a statement check with DuckDB's own parser (`duckdb.extract_statements`): exactly one
   statement, of a read-only type (SELECT, WITH, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN of one of
   those, PRAGMA table_info and other listing pragmas); anything else is refused with a reason
   naming the statement as it is written.
A query runs on a thread of its own (`GuardedConnection.run`), so that a time limit or Ctrl-C
stops it while DuckDB computes; nothing it spills goes outside a private, bounded folder.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import time
from typing import Callable, TypeVar

import duckdb

from vietmine.corpus.files import SURROGATE
from vietmine.errors import QueryError
from vietmine.pipeline.connections import READ_WAIT_S, connect, database_error, repr_sql

R = TypeVar("R")

T = duckdb.StatementType
READ_ONLY_TYPES = {T.SELECT}  # SELECT, WITH ..., DESCRIBE, SUMMARIZE, SHOW, FROM x all parse as SELECT
LISTING_PRAGMAS = {"table_info", "show", "show_tables", "show_tables_expanded", "database_list", "database_size",
                   "version", "platform", "storage_info", "show_databases"}
DEFAULT_READ_DIRS = ("outputs",)
MAX_QUERY_CHARS = 1_000_000  # a query longer than this is not a query
# Why a statement is refused, by the words it starts with (DuckDB's statement types do not tell
# TRUNCATE from DELETE, ANALYZE from VACUUM or IMPORT DATABASE from PRAGMA)
_WHAT = {"COPY": "writes or reads files", "COPY FROM DATABASE": "copies a database", "EXPORT DATABASE": "writes files",
         "IMPORT DATABASE": "reads files into the database", "ATTACH": "opens another database",
         "DETACH": "changes the attached databases", "USE": "changes the current database",
         "INSTALL": "changes extensions", "FORCE INSTALL": "changes extensions", "LOAD": "changes extensions",
         "UPDATE EXTENSIONS": "changes extensions", "SET": "changes settings", "RESET": "changes settings",
         "CALL": "runs a procedure", "PREPARE": "prepares a statement (use --param for values)",
         "EXECUTE": "runs a prepared statement (use --param for values)", "DEALLOCATE": "drops a prepared statement",
         **{w: "writes" for w in ("INSERT", "UPDATE", "DELETE", "TRUNCATE", "CREATE", "DROP", "ALTER", "COMMENT ON",
                                 "MERGE", "VACUUM", "ANALYZE", "CHECKPOINT", "FORCE CHECKPOINT")},
         **{w: "starts or ends a transaction, which reading does not need"
            for w in ("BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT")}}
_LONG_NAMES = ("COPY FROM DATABASE", "EXPORT DATABASE", "IMPORT DATABASE", "FORCE INSTALL", "UPDATE EXTENSIONS",
               "COMMENT ON", "FORCE CHECKPOINT")
_SPACE = re.compile(r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*", re.S)  # blanks and comments
_WORD = re.compile(r"[A-Za-z_]+")


def _refuse(reason: str):
    raise QueryError(f"refused: {reason}; `sql` runs one read-only statement (SELECT, WITH, DESCRIBE, "
                     "SUMMARIZE, SHOW, EXPLAIN, PRAGMA table_info)")


def _words(text: str, at: int = 0, n: int = 3) -> tuple[list[str], int]:
    """The first `n` words of `text` from `at` (blanks and comments skipped), upper case, and
    where the text after the first of them starts."""
    words, after = [], None
    pos = at
    for _ in range(n):
        pos = _SPACE.match(text, pos).end()
        m = _WORD.match(text, pos)
        if not m:
            break
        words.append(m.group().upper())
        pos = m.end()
        after = pos if after is None else after
    return words, (after if after is not None else pos)


def _name(text: str) -> str:
    """The statement's name as its text starts it: 'TRUNCATE', 'IMPORT DATABASE', 'COPY FROM DATABASE'."""
    words, _ = _words(text)
    lead = " ".join(words) + " "
    return next((n for n in _LONG_NAMES if lead.startswith(n + " ")), words[0] if words else "this statement")


def check(query: str, con: duckdb.DuckDBPyConnection | None = None) -> str:
    """The one read-only statement of `query`, or QueryError with the reason it is refused (parsed
    by `con`, or by DuckDB's default connection)."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is longer than {MAX_QUERY_CHARS} characters")
    if SURROGATE.search(query):
        raise QueryError("the query is not valid text (it holds bytes that are not UTF-8)")
    try:
        statements = (con or duckdb).extract_statements(query)
    except duckdb.Error as e:
        raise QueryError((str(e).strip().splitlines() or ["syntax error"])[0]) from None
    if not statements:
        raise QueryError("empty query")
    if len(statements) > 1:
        _refuse(f"{len(statements)} statements in one call")
    st = statements[0]
    text = st.query.strip().rstrip(";")
    try:
        kind = st.type
    except ValueError:  # a statement type this duckdb module does not name (UPDATE EXTENSIONS)
        kind = None
    if kind in READ_ONLY_TYPES:
        return text
    name = _name(text)
    if kind == T.EXPLAIN and name == "EXPLAIN":  # EXPLAIN ANALYZE runs its statement: that one must be read-only too
        words, pos = _words(text, n=1)
        following, after = _words(text, pos, n=1)
        if following and following[0] in ("ANALYZE", "ANALYSE"):
            pos = after
        pos = _SPACE.match(text, pos).end()
        if text.startswith("(", pos):  # EXPLAIN (FORMAT json) ...: the options, then the statement
            close = text.find(")", pos)
            pos = close + 1 if close > 0 else len(text)
        check(text[pos:], con)  # shorter than `text`: no endless recursion
        return text
    if kind == T.PRAGMA and name == "PRAGMA":
        words, _ = _words(text, n=2)
        pragma = words[1].lower() if len(words) > 1 else ""
        if pragma in LISTING_PRAGMAS:
            return text
        _refuse(f"PRAGMA {pragma} is not a listing pragma" if pragma else "PRAGMA without a name")
    _refuse(f"{name} {_WHAT.get(name, 'is not a read-only statement')}")
    raise AssertionError  # unreachable


def allowed_dirs(read_dirs: list[str] | None = None) -> list[str]:
    """Absolute folders (with a trailing separator) that queries may read files from."""
    dirs = [*DEFAULT_READ_DIRS, *(read_dirs or ())]
    return [os.path.join(os.path.realpath(d), "") for d in dirs]


SPILL_LIMIT_BYTES = 4 << 30  # temporary files a query may write (sorts and joins larger than memory)
CLOSE_TRIES = 40  # 2 s of asking a connection still finishing an interrupted statement to close


class GuardedConnection:
    """A connection of its own (a separate DuckDB instance, so the settings of the caller's
    connection are untouched) that sees the database read-only and no file outside the allowed
    folders; its configuration is locked. What a query spills goes to a private folder of at most
    SPILL_LIMIT_BYTES (never ./.tmp, which DuckDB would then let queries read), removed on close."""

    def __init__(self, db_path: str, read_dirs: list[str] | None = None):
        self.spill_dir = tempfile.mkdtemp(prefix="vietmine-sql-")
        spill = min(SPILL_LIMIT_BYTES, shutil.disk_usage(self.spill_dir).free // 2)
        try:
            self.con = connect(":memory:", config={"temp_directory": self.spill_dir,
                                                   "max_temp_directory_size": f"{spill}B"})
        except BaseException:
            shutil.rmtree(self.spill_dir, ignore_errors=True)
            raise
        try:
            deadline = time.monotonic() + READ_WAIT_S
            while True:  # a run holds the file only while it commits a batch: wait for it, as readers do
                try:
                    self.con.execute(f"ATTACH {repr_sql(os.path.abspath(db_path))} AS db (READ_ONLY)")
                    break
                except duckdb.IOException as e:
                    if "lock" not in str(e).lower() or time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            self.con.execute("USE db")
            dirs = allowed_dirs(read_dirs)
            self.con.execute(f"SET allowed_directories = [{', '.join(repr_sql(d) for d in dirs)}]")
            self.con.execute("SET enable_external_access = false")
            self.con.execute("SET enable_progress_bar = false")  # standard output is the result's alone
            self.con.execute("SET lock_configuration = true")
        except duckdb.Error as e:
            self.close()
            raise database_error(db_path, e, "cannot open") from None
        except RuntimeError as e:
            self.close()
            if "interrupted" in str(e).lower():  # Ctrl-C while DuckDB attaches the file: "Query interrupted"
                raise KeyboardInterrupt from None
            raise

    def close(self):
        # a statement cut by Ctrl-C may keep the connection busy a moment ("connection is busy with another
        # call", DuckDB 2.0): ask again, then leave it to the process's exit rather than hide the interrupt
        for _ in range(CLOSE_TRIES):
            try:
                self.con.close()
                break
            except duckdb.Error:
                self.con.interrupt()
                time.sleep(0.05)
        shutil.rmtree(self.spill_dir, ignore_errors=True)

    def run(self, work: Callable[[duckdb.DuckDBPyConnection], R], timeout: float | None = None) -> R:
        """`work(con)` on a thread of its own, stopped (DuckDB's interrupt) after `timeout` seconds
        (QueryError) or at Ctrl-C in the caller (KeyboardInterrupt): DuckDB computing a result
        does not return to Python, where a signal would stop it."""
        box: dict = {}
        expired = threading.Event()

        done = threading.Event()  # not Thread.is_alive: a join cut by Ctrl-C may leave it False (CPython gh-90882)

        def target():
            try:
                box["value"] = work(self.con)
            except BaseException as e:  # noqa: BLE001 - handed to the caller's thread
                box["error"] = e
            finally:
                done.set()

        def expire():
            expired.set()
            self.con.interrupt()

        worker = threading.Thread(target=target, name="vietmine-query", daemon=True)
        timer = threading.Timer(timeout, expire) if timeout and timeout > 0 else None
        worker.start()
        if timer:
            timer.daemon = True
            timer.start()
        try:
            while not done.wait(0.1):  # a signal interrupts the wait, not the query: see below
                if expired.is_set():
                    self.con.interrupt()  # again: the first may have come before the query started
        except KeyboardInterrupt:
            # until the worker is done: an interrupt before its query started is lost, and closing
            # the connection under a running query fails
            while not done.wait(0.05):
                self.con.interrupt()
            raise
        finally:
            if timer:
                timer.cancel()
        error = box.get("error")
        if error is None:
            return box["value"]
        if expired.is_set() and isinstance(error, duckdb.InterruptException):
            raise QueryError(f"stopped after {timeout:g} s (the time limit; --timeout SECONDS raises it, 0 for none)") from None
        raise error


def file_refusal(message: str, read_dirs: list[str] | None = None) -> str | None:
    """A one-line reason for DuckDB's refusal to touch a file, or None for another error."""
    m = re.search(r'Cannot access (?:file|directory) "([^"]*)" - file system operations are disabled', message)
    if not m:
        return None
    return (f"refused: {m.group(1)} is outside the folders queries may read files from "
            f"({', '.join(allowed_dirs(read_dirs))})")
