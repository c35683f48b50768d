"""`vietmine export`: every table as Parquet and CSV, or every table and view in one SQLite file
for datasette and sqlite-utils. Every file is written beside its target and renamed into place
when whole, so an interrupted export never leaves a half-written file under its final name."""
from __future__ import annotations

import json
import os
from pathlib import Path

from vietmine.facts import KINDS

# DuckDB type -> the DuckDB expression that gives a value sqlite3 stores as datasette shows it:
# dates and timestamps as ISO text, booleans as 0/1, decimals as floats
_AS_TEXT = "CAST({} AS VARCHAR)"
_CONVERT = {"BOOLEAN": "CAST({} AS INTEGER)", "DATE": _AS_TEXT, "TIMESTAMP": _AS_TEXT, "HUGEINT": "CAST({} AS DOUBLE)"}
_SQLITE_TYPES = {"BOOLEAN": int, "DOUBLE": float, "FLOAT": float, "VARCHAR": str, "DATE": str, "TIMESTAMP": str,
                 "TINYINT": int, "SMALLINT": int, "INTEGER": int, "BIGINT": int, "UTINYINT": int,
                 "USMALLINT": int, "UINTEGER": int, "HUGEINT": float}
BATCH_ROWS = 20_000


def _temporary(target: Path) -> Path:
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    return tmp


def export_files(con, out_dir: str, tables: list[str], formats=("parquet", "csv")) -> list[str]:
    """Every table in `out_dir`, as Parquet and/or CSV (`formats`)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for t in tables:
        rel = con.table(t)
        writers = {"parquet": rel.write_parquet, "csv": rel.write_csv}
        for suffix, write in ((f".{f}", writers[f]) for f in formats):
            target = out / f"{t}{suffix}"
            tmp = _temporary(target)
            write(str(tmp))
            os.replace(tmp, target)
    return tables


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
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temporary(target)
    cols = _columns(con)
    counts = {}
    out = sqlite_utils.Database(tmp)
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
    os.replace(tmp, target)
    meta = metadata_path(target)
    tmp_meta = _temporary(meta)
    tmp_meta.write_text(json.dumps(datasette_metadata(target.stem, tables), ensure_ascii=False, indent=2),
                        encoding="utf-8")
    os.replace(tmp_meta, meta)
    return counts
