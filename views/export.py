"""`vietmine export`: every table as Parquet and CSV, or every table and view in one SQLite file
for datasette and sqlite-utils. Every file is written beside its target and renamed into place
when whole (`written_whole`, which every output of vietmine goes through), so an interrupted or
failed write never leaves a half-written file under its final name."""
from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from vietmine.errors import VietmineError
from vietmine.facts import KINDS
from vietmine.pipeline.connections import no_space

# DuckDB type -> the DuckDB expression that gives a value sqlite3 stores as datasette shows it:
# dates and timestamps as ISO text, booleans as 0/1, decimals as floats
_AS_TEXT = "CAST({} AS VARCHAR)"
_CONVERT = {"BOOLEAN": "CAST({} AS INTEGER)", "DATE": _AS_TEXT, "TIMESTAMP": _AS_TEXT, "HUGEINT": "CAST({} AS DOUBLE)"}
_SQLITE_TYPES = {"BOOLEAN": int, "DOUBLE": float, "FLOAT": float, "VARCHAR": str, "DATE": str, "TIMESTAMP": str,
                 "TINYINT": int, "SMALLINT": int, "INTEGER": int, "BIGINT": int, "UTINYINT": int,
                 "USMALLINT": int, "UINTEGER": int, "HUGEINT": float}
BATCH_ROWS = 20_000


class OutputError(VietmineError):
    """An output that could not be written (a full disk, a folder that cannot be written)."""


def output_error(target: Path, e: BaseException) -> OutputError:
    reason = no_space(e)
    if reason:
        return OutputError(f"cannot write {target}: {reason}; nothing was written under that name: free space, "
                           "then run the same command again")
    why = e.strerror if isinstance(e, OSError) and e.strerror else (str(e).strip().splitlines() or [""])[0]
    return OutputError(f"cannot write {target}: {why}")


def _temporary(target: Path) -> Path:
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)  # left by a run that was killed
    return tmp


@contextlib.contextmanager
def written_whole(target: str | os.PathLike):
    """A temporary path beside `target` to write to, renamed to `target` when the block ends
    without error; on any error it is removed and `target` is left as it was. A failed write (a
    full disk, a folder that cannot be written, DuckDB's own write errors) is one OutputError."""
    import sqlite3

    import duckdb

    target = Path(target)
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = _temporary(target)
        yield tmp
        os.replace(tmp, target)
    except BaseException as e:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        # the output's own fault (not the database's, which a read of it may raise here too)
        if isinstance(e, OSError) and not isinstance(e, BrokenPipeError) or (
                isinstance(e, (duckdb.Error, sqlite3.Error)) and (no_space(e) or str(tmp) in str(e))):
            raise output_error(target, e) from None
        raise


# DuckDB's writers hold whole row groups (of 122,880 rows by default: 1.3 GB peak for the 70,880
# article bench database, texts included) and buffer as much as its memory limit lets them: small
# row groups and a bounded limit kept that export at 343 MB. A table the limit cannot hold is
# written again without it.
EXPORT_ROW_GROUP_ROWS = 8192
EXPORT_MEMORY_LIMIT = "256MB"


def export_files(con, out_dir: str, tables: list[str], formats=("parquet", "csv")) -> list[str]:
    """Every table in `out_dir`, as Parquet and/or CSV (`formats`), in bounded memory."""
    out = Path(out_dir)
    for t in tables:
        rel = con.table(t)
        writers = {"parquet": lambda path, rel=rel: rel.write_parquet(path, row_group_size=EXPORT_ROW_GROUP_ROWS),
                   "csv": rel.write_csv}
        for f in formats:
            _write_bounded(con, out / f"{t}.{f}", writers[f])
    return tables


def _write_bounded(con, target: Path, write) -> None:
    """`write(path)` under EXPORT_MEMORY_LIMIT, and again without it if the limit cannot hold it."""
    import duckdb

    for limit in (EXPORT_MEMORY_LIMIT, None):
        con.execute(f"SET memory_limit = '{limit}'" if limit else "RESET memory_limit")
        try:
            with written_whole(target) as tmp:
                write(str(tmp))
            return
        except duckdb.OutOfMemoryException:
            if limit is None:
                raise
        finally:
            con.execute("RESET memory_limit")


def _columns(con) -> dict[str, list[tuple[str, str]]]:
    cols: dict[str, list[tuple[str, str]]] = {}
    for t, c, ty in con.execute("""SELECT table_name, column_name, data_type FROM information_schema.columns
                                   ORDER BY table_name, ordinal_position""").fetchall():
        cols.setdefault(t, []).append((c, ty))
    return cols


def datasette_metadata(db_name: str, tables: list[str]) -> dict:
    """datasette's metadata.json: a title, each fact table's description and facets."""
    described = {k.table: {"description": f"{k.description[0].upper()}{k.description[1:]} per row.",
                           "facets": list(k.facets)}
                 for k in KINDS if k.table in tables}
    described["documents"] = {"description": "An input document per row: its cleaned text (every offset points "
                                             "into it), title, publication date, outlet, kind and main province.",
                              "facets": ["kind", "outlet", "main_province"]}
    return {"title": "vietmine: facts mined from Vietnamese articles and official texts",
            "description": "Made by `vietmine export --format sqlite`; every fact table links to `documents` by doc_id, "
                           "and documents.text has a full-text index.",
            "databases": {db_name: {"tables": described}}}


def metadata_path(sqlite_path: str | Path) -> Path:
    """datasette's metadata file written beside an export: `FILE.sqlite` -> `FILE.metadata.json`."""
    p = Path(sqlite_path)
    return p.with_name(p.stem + ".metadata.json")


def export_sqlite(con, path: str, tables: list[str]) -> dict[str, int]:
    """Every table and view of the DuckDB connection as a table of one SQLite file, through
    sqlite-utils: documents keyed by doc_id with a full-text index on title and text, fact tables
    indexed on doc_id and declared as referencing documents (datasette links each fact to its
    document); datasette's metadata beside it (`metadata_path`). Returns rows per table."""
    import sqlite_utils

    target = Path(path)
    cols = _columns(con)
    with written_whole(target) as tmp:
        counts = _write_sqlite(con, sqlite_utils.Database(tmp), tables, cols)
    with written_whole(metadata_path(target)) as tmp:
        tmp.write_text(json.dumps(datasette_metadata(target.stem, tables), ensure_ascii=False, indent=2),
                       encoding="utf-8")
    return counts


def _write_sqlite(con, out, tables: list[str], cols: dict) -> dict[str, int]:
    counts = {}
    try:
        out.execute("PRAGMA journal_mode = OFF")
        out.execute("PRAGMA synchronous = OFF")
        for table in sorted(tables, key=lambda t: t != "documents"):  # referenced first
            columns = cols[table]
            names = [c for c, _ in columns]
            references = table != "documents" and "doc_id" in names and "documents" in tables
            out.create_table(table, {c: _SQLITE_TYPES.get(ty.split("(")[0], str) for c, ty in columns},
                             pk="doc_id" if table == "documents" else None,
                             foreign_keys=[("doc_id", "documents", "doc_id")] if references else None)
            select = ", ".join(_CONVERT.get(ty.split("(")[0], "{}").format(f'"{c}"') for c, ty in columns)
            result = con.execute(f'SELECT {select} FROM "{table}"')
            n = 0
            while batch := result.fetchmany(BATCH_ROWS):
                out[table].insert_all((dict(zip(names, row)) for row in batch), batch_size=BATCH_ROWS)
                n += len(batch)
            counts[table] = n
            if references:
                out[table].create_index(["doc_id"])
        if "documents" in tables:
            out["documents"].enable_fts(["title", "text"], create_triggers=False)
        out.conn.commit()
    finally:
        out.close()
    return counts
