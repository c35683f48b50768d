"""The guard of `vietmine sql` / `Database.sql`: one read-only statement, and files read only
from the outputs folder (or folders the caller names).

Two layers, DuckDB's own settings first:
1. the query runs on its own DuckDB instance that attaches the database READ_ONLY and then turns
   file access off (`enable_external_access = false`) except for the allowed folders
   (`allowed_directories`), and locks that configuration (`lock_configuration = true`): no COPY
   TO, EXPORT, ATTACH, INSTALL or read_text('/etc/shadow') can get past it, whatever the SQL;
2. a statement check with DuckDB's own parser (`duckdb.extract_statements`): exactly one
   statement, of a read-only type (SELECT, WITH, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN of one of
   those, PRAGMA table_info and other listing pragmas); anything else is refused with a reason.
"""
from __future__ import annotations

import os
import re
import time

import duckdb

from vietmine.errors import QueryError
from vietmine.pipeline.connections import READ_WAIT_S

T = duckdb.StatementType
READ_ONLY_TYPES = {T.SELECT}  # SELECT, WITH ..., DESCRIBE, SUMMARIZE, SHOW, FROM x all parse as SELECT
LISTING_PRAGMAS = {"table_info", "show", "show_tables", "show_tables_expanded", "database_list", "database_size",
                   "version", "platform", "storage_info", "show_databases"}
DEFAULT_READ_DIRS = ("outputs",)
_WHAT = {T.COPY: "COPY writes or reads files", T.EXPORT: "EXPORT DATABASE writes files",
         T.ATTACH: "ATTACH opens another database", T.DETACH: "DETACH changes the attached databases",
         T.LOAD: "INSTALL/LOAD changes extensions", T.SET: "SET changes settings", T.CALL: "CALL runs a procedure",
         T.INSERT: "INSERT writes", T.UPDATE: "UPDATE writes", T.DELETE: "DELETE writes", T.CREATE: "CREATE writes",
         T.DROP: "DROP writes", T.ALTER: "ALTER writes", T.TRANSACTION: "transactions are not needed to read",
         T.VACUUM: "VACUUM writes", T.ANALYZE: "ANALYZE writes statistics"}


def _refuse(reason: str):
    raise QueryError(f"refused: {reason}; `sql` runs one read-only statement (SELECT, WITH, DESCRIBE, "
                     "SUMMARIZE, SHOW, EXPLAIN, PRAGMA table_info)")


def check(query: str) -> str:
    """The one read-only statement of `query`, or QueryError with the reason it is refused."""
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as e:
        raise QueryError((str(e).strip().splitlines() or ["syntax error"])[0]) from None
    if not statements:
        raise QueryError("empty query")
    if len(statements) > 1:
        _refuse(f"{len(statements)} statements in one call")
    st = statements[0]
    text = st.query.strip().rstrip(";")
    if st.type in READ_ONLY_TYPES:
        return text
    if st.type == T.EXPLAIN:  # EXPLAIN ANALYZE runs its statement: that one must be read-only too
        inner = re.sub(r"^\s*explain\s+(analy[sz]e\s+)?", "", text, flags=re.I)
        check(inner)
        return text
    if st.type == T.PRAGMA:
        name = re.match(r"\s*pragma\s+(\w+)", text, re.I)
        if name and name.group(1).lower() in LISTING_PRAGMAS:
            return text
        _refuse(f"PRAGMA {name.group(1) if name else ''} is not a listing pragma".replace("  ", " "))
    _refuse(_WHAT.get(st.type, f"a {st.type.name} statement is not read-only"))
    raise AssertionError  # unreachable


def allowed_dirs(read_dirs: list[str] | None = None) -> list[str]:
    """Absolute folders (with a trailing separator) that queries may read files from."""
    dirs = [*DEFAULT_READ_DIRS, *(read_dirs or ())]
    return [os.path.join(os.path.realpath(d), "") for d in dirs]


def guarded_connection(db_path: str, read_dirs: list[str] | None = None) -> duckdb.DuckDBPyConnection:
    """A connection of its own (a separate DuckDB instance, so the settings of the caller's
    connection are untouched) that sees the database read-only and no file outside the allowed
    folders; its configuration is locked."""
    con = duckdb.connect(":memory:")
    try:
        deadline = time.monotonic() + READ_WAIT_S
        while True:  # a run holds the file only while it commits a batch: wait for it, as readers do
            try:
                con.execute(f"ATTACH '{_quote(os.path.abspath(db_path))}' AS db (READ_ONLY)")
                break
            except duckdb.IOException as e:
                if "lock" not in str(e).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        con.execute("USE db")
        dirs = allowed_dirs(read_dirs)
        con.execute(f"SET allowed_directories = [{', '.join(repr_sql(d) for d in dirs)}]")
        con.execute("SET enable_external_access = false")
        con.execute("SET autoinstall_known_extensions = false")
        con.execute("SET autoload_known_extensions = false")
        con.execute("SET lock_configuration = true")
    except duckdb.Error as e:
        con.close()
        raise QueryError(f"cannot open {db_path} for queries: {(str(e).strip().splitlines() or [''])[0]}") from None
    return con


def _quote(s: str) -> str:
    return s.replace("'", "''")


def repr_sql(s: str) -> str:
    return f"'{_quote(s)}'"


def file_refusal(message: str, read_dirs: list[str] | None = None) -> str | None:
    """A one-line reason for DuckDB's refusal to touch a file, or None for another error."""
    m = re.search(r'Cannot access (?:file|directory) "([^"]*)" - file system operations are disabled', message)
    if not m:
        return None
    return (f"refused: {m.group(1)} is outside the folders queries may read files from "
            f"({', '.join(allowed_dirs(read_dirs))})")
