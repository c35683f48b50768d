"""Store stage: the DuckDB database. Schema (versioned, migrated in place), and writes where each
document and all of its facts land in one transaction, in bulk through Arrow/pandas frames."""
from __future__ import annotations

import dataclasses
import datetime as dt

import duckdb
import pandas as pd

from pipeline import __version__
from pipeline.model import (Amount, Count, DateFact, Document, ExtractionResult, LegalLink,
                            LegalRef, Place, Problem)

SCHEMA_VERSION = 1

FACT_TYPES = [LegalRef, LegalLink, Count, Amount, Place, DateFact]

_SQL_TYPES = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN", dt.date: "DATE"}


def _column_type(tp) -> str:
    for py, sql in _SQL_TYPES.items():
        if py.__name__ in str(tp):
            return sql
    return "VARCHAR"


def _fact_columns(cls) -> list[tuple[str, str]]:
    """Columns of a fact table: doc_id first, then the dataclass fields."""
    fields = [(f.name, _column_type(f.type)) for f in dataclasses.fields(cls) if f.name != "doc_id"]
    return [("doc_id", "VARCHAR")] + fields


DOCUMENT_COLUMNS = [
    ("doc_id", "VARCHAR PRIMARY KEY"), ("source_path", "VARCHAR"), ("text", "VARCHAR"),
    ("title", "VARCHAR"), ("published", "DATE"), ("author", "VARCHAR"), ("outlet", "VARCHAR"),
    ("kind", "VARCHAR"), ("content_hash", "VARCHAR"), ("raw_hash", "VARCHAR"), ("main_province", "VARCHAR"),
    ("n_sentences", "INTEGER"), ("ingested_at", "TIMESTAMP"),
]


def schema_sql() -> list[str]:
    stmts = [
        "CREATE TABLE IF NOT EXISTS schema_info (key VARCHAR PRIMARY KEY, value VARCHAR)",
        "CREATE TABLE IF NOT EXISTS documents (" + ", ".join(f"{n} {t}" for n, t in DOCUMENT_COLUMNS) + ")",
        "CREATE TABLE IF NOT EXISTS sentences (doc_id VARCHAR, sentence_idx INTEGER, start_char INTEGER, end_char INTEGER)",
        "CREATE TABLE IF NOT EXISTS runs (run_id INTEGER, started_at TIMESTAMP, finished_at TIMESTAMP, version VARCHAR,"
        " files_seen INTEGER, loaded INTEGER, unchanged INTEGER, replaced INTEGER, skipped INTEGER)",
        "CREATE TABLE IF NOT EXISTS problems (run_id INTEGER, source_path VARCHAR, reason VARCHAR, seen_at TIMESTAMP)",
    ]
    for cls in FACT_TYPES:
        cols = ", ".join(f"{n} {t}" for n, t in _fact_columns(cls))
        stmts.append(f"CREATE TABLE IF NOT EXISTS {cls.TABLE} ({cols})")
    return stmts


FACT_TABLES = [cls.TABLE for cls in FACT_TYPES] + ["sentences"]


class Store:
    def __init__(self, path: str, read_only: bool = False):
        self.path = path
        self.con = duckdb.connect(path, read_only=read_only)
        if not read_only:
            self._init_schema()

    def _init_schema(self):
        self.con.execute("BEGIN")
        for s in schema_sql():
            self.con.execute(s)
        row = self.con.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.con.execute("INSERT INTO schema_info VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif int(row[0]) > SCHEMA_VERSION:
            self.con.execute("ROLLBACK")
            raise RuntimeError(f"database schema version {row[0]} is newer than this vietmine ({SCHEMA_VERSION}); upgrade vietmine")
        self.con.execute("COMMIT")

    def close(self):
        self.con.close()

    # -- lookups used to decide what to do with an input, before extraction
    def known_paths(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT source_path, content_hash FROM documents").fetchall())

    def known_raw_hashes(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT source_path, raw_hash FROM documents").fetchall())

    def known_hashes(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT content_hash, source_path FROM documents").fetchall())

    # -- writes
    def write_batch(self, results: list[ExtractionResult], replace_paths: list[str]):
        """Write documents with all their facts in one transaction; first delete the old
        versions of replaced paths. Either the whole batch lands or none of it."""
        if not results and not replace_paths:
            return
        con = self.con
        con.execute("BEGIN")
        try:
            if replace_paths:
                con.register("replaced_paths", pd.DataFrame({"source_path": replace_paths}))
                old = "SELECT doc_id FROM documents WHERE source_path IN (SELECT source_path FROM replaced_paths)"
                for t in FACT_TABLES:
                    con.execute(f"DELETE FROM {t} WHERE doc_id IN ({old})")
                con.execute(f"DELETE FROM documents WHERE doc_id IN ({old})")
                con.unregister("replaced_paths")
            now = dt.datetime.now()
            docs = pd.DataFrame([
                {"doc_id": r.document.doc_id, "source_path": r.document.source_path, "text": r.document.text,
                 "title": r.document.title, "published": r.document.published, "author": r.document.author,
                 "outlet": r.document.outlet, "kind": r.document.kind, "content_hash": r.document.content_hash,
                 "raw_hash": r.document.raw_hash, "main_province": r.document.main_province,
                 "n_sentences": len(r.document.sentences), "ingested_at": now}
                for r in results], columns=[c for c, _ in DOCUMENT_COLUMNS])
            self._insert("documents", docs, [c for c, _ in DOCUMENT_COLUMNS])
            sents = pd.DataFrame(
                [(r.document.doc_id, i, s, e) for r in results for i, (s, e) in enumerate(r.document.sentences)],
                columns=["doc_id", "sentence_idx", "start_char", "end_char"])
            self._insert("sentences", sents, list(sents.columns))
            for cls in FACT_TYPES:
                cols = [n for n, _ in _fact_columns(cls)]
                rows = [dataclasses.asdict(f) for r in results for f in r.facts if isinstance(f, cls)]
                if rows:
                    self._insert(cls.TABLE, pd.DataFrame(rows, columns=cols), cols)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _insert(self, table: str, frame: pd.DataFrame, cols: list[str]):
        if frame.empty:
            return
        self.con.register("batch_frame", frame)
        col_list = ", ".join(cols)
        self.con.execute(f"INSERT INTO {table} ({col_list}) SELECT {col_list} FROM batch_frame")
        self.con.unregister("batch_frame")

    def start_run(self) -> int:
        run_id = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()[0]
        self.con.execute("INSERT INTO runs (run_id, started_at, version) VALUES (?, ?, ?)",
                         [run_id, dt.datetime.now(), __version__])
        return run_id

    def finish_run(self, run_id: int, stats: dict):
        self.con.execute(
            "UPDATE runs SET finished_at = ?, files_seen = ?, loaded = ?, unchanged = ?, replaced = ?, skipped = ?"
            " WHERE run_id = ?",
            [dt.datetime.now(), stats["seen"], stats["loaded"], stats["unchanged"], stats["replaced"],
             stats["skipped"], run_id])

    def add_problems(self, run_id: int, problems: list[Problem]):
        if problems:
            df = pd.DataFrame({"run_id": run_id, "source_path": [p.source_path for p in problems],
                               "reason": [p.reason for p in problems], "seen_at": dt.datetime.now()})
            self._insert("problems", df, list(df.columns))
