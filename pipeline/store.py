"""Store stage: writes to the DuckDB database. Each batch of documents lands with all of its facts
in one transaction, in bulk through pandas frames; the schema comes from the numbered migrations
(pipeline/migrations.py) and its columns from the fact types' fields (vietmine/facts.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing

import pandas as pd

from vietmine.facts import FACT_TYPES, Document, ExtractionResult, LegalRef, Problem, as_row
from vietmine.pipeline import identity, migrations
from vietmine.errors import DatabaseError
from vietmine.pipeline.connections import open_writer
from vietmine.pipeline.resolve import relink

_SQL_TYPES = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN", dt.date: "DATE",
              dt.datetime: "TIMESTAMP"}


def sql_type(tp) -> str:
    """The DuckDB type of a field annotation: `int | None` -> INTEGER."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        (tp,) = [a for a in typing.get_args(tp) if a is not type(None)]
    return _SQL_TYPES[tp]


@functools.cache
def fact_columns(cls) -> list[tuple[str, str]]:
    """Columns of a fact table, in the dataclass's field order."""
    hints = typing.get_type_hints(cls)
    return [(f.name, sql_type(hints[f.name])) for f in dataclasses.fields(cls)]


DOCUMENT_COLUMNS = [
    ("doc_id", "VARCHAR"), ("source_path", "VARCHAR"), ("text", "VARCHAR"), ("title", "VARCHAR"),
    ("published", "DATE"), ("author", "VARCHAR"), ("outlet", "VARCHAR"), ("kind", "VARCHAR"),
    ("content_hash", "VARCHAR"), ("raw_hash", "VARCHAR"), ("main_province", "VARCHAR"),
    ("rules_version", "VARCHAR"), ("n_sentences", "INTEGER"), ("ingested_at", "TIMESTAMP"),
]
SENTENCE_COLUMNS = [("doc_id", "VARCHAR"), ("sentence_idx", "INTEGER"), ("start_char", "INTEGER"),
                    ("end_char", "INTEGER")]


def expected_columns() -> dict[str, list[tuple[str, str]]]:
    cols = {"documents": DOCUMENT_COLUMNS, "sentences": SENTENCE_COLUMNS}
    cols.update({cls.TABLE: fact_columns(cls) for cls in FACT_TYPES})
    return cols


def table_columns() -> dict[str, list[str]]:
    return {t: [n for n, _ in cols] for t, cols in expected_columns().items()}


FACT_TABLES = [cls.TABLE for cls in FACT_TYPES] + ["sentences"]


def _document_row(d: Document, now: dt.datetime) -> tuple:
    return (d.doc_id, d.source_path, d.text, d.title, d.published, d.author, d.outlet, d.kind, d.content_hash,
            d.raw_hash, d.main_province, d.rules_version, len(d.sentences), now)


def result_frames(results: list[ExtractionResult]) -> dict[str, pd.DataFrame]:
    """One frame per table for a batch of extraction results."""
    cols = table_columns()
    now = dt.datetime.now()
    frames = {"documents": pd.DataFrame([_document_row(r.document, now) for r in results], columns=cols["documents"]),
              "sentences": pd.DataFrame([(r.document.doc_id, i, s, e) for r in results
                                         for i, (s, e) in enumerate(r.document.sentences)], columns=cols["sentences"])}
    for cls in FACT_TYPES:
        rows = [as_row(f) for r in results for f in r.facts if isinstance(f, cls)]
        rows += [row for r in results if r.rows for row in r.rows.get(cls.TABLE, ())]
        frames[cls.TABLE] = pd.DataFrame(rows, columns=cols[cls.TABLE])
    return frames


class Store:
    """The writer: opens the database, applies the missing migrations, writes batches."""

    def __init__(self, path: str):
        self.path = path
        self.con = open_writer(path)
        self._init_schema()

    def _init_schema(self):
        self.con.execute("BEGIN")
        try:
            migrations.migrate(self.con)
            for view in identity.VIEWS:
                self.con.execute(view)
            missing = migrations.check_schema(self.con, expected_columns())
            if missing:  # a fact field without its migration: a bug, caught by the tests
                raise DatabaseError(f"schema of {self.path} lacks {', '.join(missing)}; a migration is missing")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            self.con.close()
            raise

    def close(self):
        self.con.execute("CHECKPOINT")  # fold the WAL in: the file alone is then complete
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
        if results or replace_paths:
            self.write_frames(result_frames(results), replace_paths)

    def write_frames(self, frames: dict[str, pd.DataFrame], replace_paths: list[str]):
        """The same, from table frames (as result_frames makes them, or as read from Parquet)."""
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
            for table, frame in frames.items():
                self._insert(table, frame)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _insert(self, table: str, frame: pd.DataFrame):
        if frame.empty:
            return
        self.con.register("batch_frame", frame)
        col_list = ", ".join(f'"{c}"' for c in frame.columns)
        self.con.execute(f"INSERT INTO {table} ({col_list}) SELECT {col_list} FROM batch_frame")
        self.con.unregister("batch_frame")

    def resolve_from_corpus(self) -> int:
        """Identity across the corpus (pipeline/identity.py); returns how many short citations
        took their code from another document."""
        refs = self.con.execute("""SELECT r.rowid AS rid, r.doc_id, r.doc_type, r.number, r.issuer_code, r.code,
                                          r.registry_key, r.resolved_by, d.main_province AS province
                                   FROM legal_refs r JOIN documents d USING (doc_id)""").df()
        updates = identity.resolve_across_corpus(refs)
        if updates.empty:
            return 0
        newly_coded = updates[updates.resolved_by == "corpus"].rid
        relink_docs = sorted(set(refs[refs.rid.isin(newly_coded)].doc_id))
        con = self.con
        con.execute("BEGIN")
        try:
            con.register("key_updates", updates)
            con.execute("""UPDATE legal_refs SET code = u.code, registry_key = u.registry_key, resolved_by = u.resolved_by
                           FROM key_updates u WHERE legal_refs.rowid = u.rid""")
            for doc_id in relink_docs:
                self._relink(doc_id)
            # the ends of links follow the identity of the references they name
            for end in ("src", "dst"):
                con.execute(f"""UPDATE legal_links AS l SET {end}_key = k.registry_key
                                FROM (SELECT doc_id, code, min(registry_key) AS registry_key FROM legal_refs
                                      WHERE code IS NOT NULL GROUP BY ALL) AS k
                                WHERE l.doc_id = k.doc_id AND l.{end}_code = k.code
                                  AND l.{end}_key IS DISTINCT FROM k.registry_key""")
            con.unregister("key_updates")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return int((updates.resolved_by == "corpus").sum())

    def _relink(self, doc_id: str) -> None:
        """Recompute a stored document's links from its text and its (now resolved) references."""
        text, path, chash = self.con.execute("SELECT text, source_path, content_hash FROM documents WHERE doc_id = ?",
                                             [doc_id]).fetchone()
        sentences = self.con.execute("SELECT start_char, end_char FROM sentences WHERE doc_id = ? ORDER BY sentence_idx",
                                     [doc_id]).fetchall()
        cur = self.con.execute("SELECT * FROM legal_refs WHERE doc_id = ? ORDER BY start_char", [doc_id])
        names = [d[0] for d in cur.description]
        refs = [LegalRef(**dict(zip(names, row))) for row in cur.fetchall()]
        doc = Document(doc_id, path, text, chash, sentences=sentences)
        links = relink(doc, refs)
        self.con.execute("DELETE FROM legal_links WHERE doc_id = ?", [doc_id])
        self._insert("legal_links", pd.DataFrame([as_row(link) for link in links],
                                                 columns=table_columns()["legal_links"]))

    def start_run(self, version: str) -> int:
        run_id = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()[0]
        self.con.execute("INSERT INTO runs (run_id, started_at, version) VALUES (?, ?, ?)",
                         [run_id, dt.datetime.now(), version])
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
            self._insert("problems", df)
