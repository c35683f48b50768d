"""Store stage: the DuckDB database. Schema (versioned, migrated in place), and writes where each
document and all of its facts land in one transaction, in bulk through Arrow/pandas frames."""
from __future__ import annotations

import dataclasses
import datetime as dt

import duckdb
import pandas as pd

from pipeline import __version__
from pipeline.model import (Abbreviation, Amount, Count, DateFact, ExtractionResult, LegalLink,
                            LegalRef, Organization, Period, Person, Place, Problem, as_row)

SCHEMA_VERSION = 2
# v1 -> v2: documents.raw_hash, legal_refs.registry_key, counts.parent_start and counts.place,
# the legal_documents and citations views. Migrations only add: old rows keep NULL in new columns
# until their file changes (a forced re-extraction is `vietmine ingest` on a fresh database).

FACT_TYPES = [LegalRef, LegalLink, Count, Amount, Place, DateFact, Period, Person, Organization, Abbreviation]

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


def expected_columns() -> dict[str, list[tuple[str, str]]]:
    cols = {"documents": [(n, t.replace(" PRIMARY KEY", "")) for n, t in DOCUMENT_COLUMNS]}
    for cls in FACT_TYPES:
        cols[cls.TABLE] = _fact_columns(cls)
    return cols


VIEWS = [
    """CREATE OR REPLACE VIEW legal_documents AS
       SELECT registry_key, any_value(code) AS code, mode(doc_type) AS doc_type, min(issue_date) AS issue_date,
              mode(issuer) AS issuer, mode(issuer_code) AS issuer_code, mode(subject) AS subject,
              count(*) AS mentions, count(DISTINCT doc_id) AS citing_documents
       FROM legal_refs WHERE registry_key IS NOT NULL GROUP BY registry_key""",
    """CREATE OR REPLACE VIEW citations AS
       SELECT r.doc_id, r.registry_key, any_value(r.code) AS code, any_value(r.doc_type) AS doc_type,
              count(*) AS mentions, min(r.issue_date) AS issue_date, any_value(d.published) AS published,
              any_value(d.main_province) AS province
       FROM legal_refs r JOIN documents d USING (doc_id)
       WHERE r.registry_key IS NOT NULL GROUP BY r.doc_id, r.registry_key""",
]

# A short citation left without a code takes the code of the one document of that type and
# number cited in full elsewhere in the corpus, when its issuer agrees (and, for local issuers,
# its province). Runs after every ingest, so a later full mention resolves earlier short ones.
RESOLVE_FROM_CORPUS = """
UPDATE legal_refs AS r SET code = c.code, registry_key = c.registry_key, resolved_by = 'corpus'
FROM (SELECT doc_type, number, issuer_code, any_value(code) AS code, any_value(registry_key) AS registry_key,
             any_value(d.main_province) AS province, count(DISTINCT registry_key) AS n
      FROM legal_refs JOIN documents d USING (doc_id)
      WHERE resolved_by = 'text' AND issuer_code IS NOT NULL
      GROUP BY doc_type, number, issuer_code) AS c,
     documents AS d
WHERE r.code IS NULL AND r.doc_id = d.doc_id AND c.n = 1
  AND r.doc_type = c.doc_type AND r.number = c.number AND r.issuer_code = c.issuer_code
  AND (c.registry_key NOT LIKE '%@%@%' OR c.province = d.main_province)
"""

# A key with an unknown part ('09-CT/TW@?': a Party directive cited without its date) joins the
# one fully known document in the corpus that it can be ('09-CT/TW@XI'), if there is exactly one.
COMPLETE_REGISTRY_KEYS = """
UPDATE legal_refs AS r SET registry_key = c.registry_key
FROM (SELECT r2.registry_key AS partial, any_value(k.registry_key) AS registry_key, count(DISTINCT k.registry_key) AS n
      FROM (SELECT DISTINCT registry_key FROM legal_refs WHERE registry_key LIKE '%?%') AS r2
      JOIN (SELECT DISTINCT registry_key FROM legal_refs WHERE registry_key NOT LIKE '%?%') AS k
        ON k.registry_key LIKE replace(replace(r2.registry_key, '%', '\\%'), '?', '%') ESCAPE '\\'
      GROUP BY r2.registry_key) AS c
WHERE r.registry_key = c.partial AND c.n = 1
"""


FACT_TABLES = [cls.TABLE for cls in FACT_TYPES] + ["sentences"]


def table_columns() -> dict[str, list[str]]:
    cols = {"documents": [c for c, _ in DOCUMENT_COLUMNS],
            "sentences": ["doc_id", "sentence_idx", "start_char", "end_char"]}
    for cls in FACT_TYPES:
        cols[cls.TABLE] = [n for n, _ in _fact_columns(cls)]
    return cols


def result_frames(results: list[ExtractionResult]) -> dict[str, pd.DataFrame]:
    """One frame per table for a batch of extraction results."""
    cols = table_columns()
    now = dt.datetime.now()
    frames = {"documents": pd.DataFrame([
        {"doc_id": r.document.doc_id, "source_path": r.document.source_path, "text": r.document.text,
         "title": r.document.title, "published": r.document.published, "author": r.document.author,
         "outlet": r.document.outlet, "kind": r.document.kind, "content_hash": r.document.content_hash,
         "raw_hash": r.document.raw_hash, "main_province": r.document.main_province,
         "n_sentences": len(r.document.sentences), "ingested_at": now}
        for r in results], columns=cols["documents"])}
    frames["sentences"] = pd.DataFrame(
        [(r.document.doc_id, i, s, e) for r in results for i, (s, e) in enumerate(r.document.sentences)],
        columns=cols["sentences"])
    for cls in FACT_TYPES:
        field_order = [f.name for f in dataclasses.fields(cls)]
        rows = [as_row(f) for r in results for f in r.facts if isinstance(f, cls)]
        rows += [row for r in results if r.rows for row in r.rows.get(cls.TABLE, ())]
        frames[cls.TABLE] = pd.DataFrame(rows, columns=field_order)[cols[cls.TABLE]]
    return frames


class Store:
    def __init__(self, path: str, read_only: bool = False):
        self.path = path
        self.read_only = read_only
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
        elif int(row[0]) < SCHEMA_VERSION:
            self._migrate()
            self.con.execute("UPDATE schema_info SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
        for view in VIEWS:
            self.con.execute(view)
        self._load_gazetteer()
        self.con.execute("COMMIT")

    def _load_gazetteer(self):
        """The official units (before and after 2025) and the old-to-new commune map, so that SQL
        can group facts by today's units. Loaded once per database."""
        self.con.execute("CREATE TABLE IF NOT EXISTS admin_units (code VARCHAR, era VARCHAR, name VARCHAR, "
                         "unit_word VARCHAR, tier VARCHAR, province_code VARCHAR, district_code VARCHAR, "
                         "lat DOUBLE, lon DOUBLE)")
        self.con.execute("CREATE TABLE IF NOT EXISTS admin_units_2025 (old_code VARCHAR, new_code VARCHAR)")
        if self.con.execute("SELECT count(*) FROM admin_units").fetchall()[0][0]:
            return
        from gazetteer.places import gazetteer

        g = gazetteer()
        units = pd.DataFrame([as_row(u) for u in g.units],
                             columns=["code", "name", "unit_word", "tier", "era", "province_code", "district_code", "lat", "lon"])
        self._insert("admin_units", units, list(units.columns))
        # province keys are stored as 'P' + code in the map; communes by their own code
        pairs = pd.DataFrame([(k.removeprefix("P"), v) for k, v in g.old_to_new.items()], columns=["old_code", "new_code"])
        self._insert("admin_units_2025", pairs, list(pairs.columns))

    def _migrate(self):
        """Add the columns a newer schema has; inside the caller's transaction."""
        for table, cols in expected_columns().items():
            have = {r[0] for r in self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
            for name, sql_type in cols:
                if name not in have:
                    self.con.execute(f"ALTER TABLE {table} ADD COLUMN {name} {sql_type}")

    def close(self):
        if not self.read_only:
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
                self._insert(table, frame, list(frame.columns))
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

    def resolve_from_corpus(self) -> int:
        self.con.execute("BEGIN")
        n = self.con.execute(RESOLVE_FROM_CORPUS).fetchone()[0]
        self.con.execute(COMPLETE_REGISTRY_KEYS)
        self.con.execute("COMMIT")
        return n

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
