"""Store stage: writes to the DuckDB database, and nothing else: every analysis happens in the
stages before it. Each batch of documents lands with all of its facts in one transaction, in bulk
(connections.insert_rows: Python rows as query parameters, so a local run loads no frame library);
the schema comes from the numbered migrations (pipeline/migrations.py) and the columns of each
fact table from its kind's dataclass (vietmine/facts.py). The few reads here are what a run
needs to decide what to write (known sources, stale documents, stored references)."""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import types
import typing

import duckdb

from vietmine.corpus.files import SURROGATE, valid_text
from vietmine.corpus.sources import SourceKey
from vietmine.errors import DatabaseError
from vietmine.facts import KINDS, CorpusResolution, Document, ExtractionResult, LegalRef, Problem, StoredDocument, as_row
from vietmine.pipeline import migrations
from vietmine.pipeline.connections import WRITE_WAIT_S, acquire_writer_lock, insert_rows, open_writer, rows_relation

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
    ("source_key", "VARCHAR"),
]
SENTENCE_COLUMNS = [("doc_id", "VARCHAR"), ("sentence_idx", "INTEGER"), ("start_char", "INTEGER"),
                    ("end_char", "INTEGER")]


def expected_columns() -> dict[str, list[tuple[str, str]]]:
    cols = {"documents": DOCUMENT_COLUMNS, "sentences": SENTENCE_COLUMNS}
    cols.update({k.table: fact_columns(k.fact_type) for k in KINDS})
    return cols


@functools.cache
def table_columns() -> dict[str, list[str]]:
    return {t: [n for n, _ in cols] for t, cols in expected_columns().items()}


PROBLEM_COLUMNS = [("run_id", "INTEGER"), ("source_path", "VARCHAR"), ("reason", "VARCHAR"), ("seen_at", "TIMESTAMP")]


@functools.cache
def typed_columns() -> dict[str, list[tuple[str, str]]]:
    """(name, SQL type) of the columns of every table the writer inserts into."""
    return {**expected_columns(), "problems": PROBLEM_COLUMNS}


# the columns of `documents` a stored document is analysed again from
_STORED_DOCUMENT_COLUMNS = ("doc_id", "source_path", "text", "content_hash", "title", "published", "author", "outlet",
                            "kind", "raw_hash", "main_province", "source_key")

# every table whose rows belong to one document: removed with it
DOCUMENT_TABLES = [k.table for k in KINDS] + ["sentences"]


# Longer than any real value of its kind: a code, key or name beyond this is not one, and is cut
# (with a mark) rather than stored whole; free text columns are bounded by clean.MAX_TEXT_CHARS.
MAX_NAME_CHARS = 300
MAX_FIELD_CHARS = 2000
_NAME_COLUMNS = {"code", "number", "name", "normalized", "short", "registry_key", "src_code", "dst_code", "src_key",
                 "dst_key", "issuer_code", "admin_code", "province_code", "admin_code_2025", "doc_type", "unit",
                 "level", "kind", "rank", "cmp", "category", "modality", "precision", "role", "relation",
                 "resolved_by", "main_province", "doc_id", "content_hash", "raw_hash", "rules_version"}
_FREE_TEXT_COLUMNS = {"text", "source_path", "source_key"}
_CUT_MARK = "…"


def _valid_value(value, limit: int | None):
    if not isinstance(value, str):
        return value
    value = valid_text(value)
    if limit is not None and len(value) > limit:
        value = value[: limit - 1] + _CUT_MARK
    return value


def _limits(columns: list[str]) -> list[int | None]:
    return [None if c in _FREE_TEXT_COLUMNS else MAX_NAME_CHARS if c in _NAME_COLUMNS else MAX_FIELD_CHARS
            for c in columns]


def valid_rows(rows: list[tuple], columns: list[str]) -> list[tuple]:
    """Every string of a table's rows made storable: lone surrogates replaced (Arrow and DuckDB
    take only valid UTF-8; one bad title must not abort a batch), and codes, names and other short
    fields cut at a length no real one reaches."""
    limits = _limits(columns)
    out = []
    for row in rows:
        for v, lim in zip(row, limits):
            if isinstance(v, str) and ((lim is not None and len(v) > lim) or not v.isascii() and SURROGATE.search(v)):
                row = tuple(_valid_value(x, m) for x, m in zip(row, limits))
                break
        out.append(row)
    return out


def valid_table(table):
    """The same for an Arrow table read back from Parquet (already valid UTF-8): lengths only."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for i, (col, lim) in enumerate(zip(table.column_names, _limits(table.column_names))):
        column = table.column(i)
        if lim is None or not pa.types.is_string(column.type) \
                or not pc.any(pc.greater(pc.utf8_length(column), lim)).as_py():
            continue
        table = table.set_column(i, col, pa.array([_valid_value(v, lim) for v in column.to_pylist()], pa.string()))
    return table


def _document_row(d: Document, now: dt.datetime) -> tuple:
    return (d.doc_id, d.source_path, d.text, d.title, d.published, d.author, d.outlet, d.kind, d.content_hash,
            d.raw_hash, d.main_province, d.rules_version, len(d.sentences), now, str(d.key))


def result_rows(results: list[ExtractionResult]) -> dict[str, list[tuple]]:
    """The rows of each table (tuples in table_columns() order) for a batch of extraction results
    (each document with its source key)."""
    cols = table_columns()
    now = dt.datetime.now()
    docs = [_document_row(r.document, now) for r in results]
    tables = {"documents": valid_rows(docs, cols["documents"]),
              "sentences": [(r.document.doc_id, i, s, e) for r in results for i, (s, e) in enumerate(r.document.sentences)]}
    by_table: dict[str, list[tuple]] = {k.table: [] for k in KINDS}
    for r in results:
        for f in r.facts:
            by_table[f.TABLE].append(as_row(f))
        for table, rows in (r.rows or {}).items():
            by_table[table].extend(rows)
    for table, rows in by_table.items():
        tables[table] = valid_rows(rows, cols[table])
    return tables


def table_doc_ids(rows) -> list[str]:
    """The doc_id of each row of a document table: tuples (doc_id first), or an Arrow table."""
    return [r[0] for r in rows] if isinstance(rows, list) else rows.column("doc_id").to_pylist()


def _rollback(con) -> None:
    """Roll back what a failed transaction wrote. A transaction DuckDB already ended (a failed
    commit, a full disk) has nothing left to roll back: the first error is the one to report."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass


class KnownSource(typing.NamedTuple):
    """What the database holds of one source: the content it stored and the path it came by."""
    content_hash: str
    raw_hash: str | None
    source_path: str

    @classmethod
    def of(cls, key: str, content_hash: str, raw_hash: str | None, path: str) -> "KnownSource":
        # a line of a JSON-lines file is named by its key: one string kept, not two equal ones
        # (a run keeps one of these per stored document)
        return cls(content_hash, raw_hash, key if path == key else path)


class Store:
    """The writer: opens the database, applies the missing migrations, writes batches.

    Single-writer model: a run holds the writer lock (pipeline/connections.py) from start to end,
    so no second ingest interleaves with it; the database file itself is held only while a batch
    is written (`writing()`), so readers open the database between batches."""

    def __init__(self, path: str):
        self.path = path
        self.lock = acquire_writer_lock(path)
        self.con = None
        try:
            self.acquire()
            self._init_schema()
        except BaseException:
            self.abandon()
            raise

    def _init_schema(self):
        self.con.execute("BEGIN")
        try:
            migrations.migrate(self.con)
            migrations.sync_reference_tables(self.con)
            migrations.create_views(self.con)
            missing = migrations.check_schema(self.con, expected_columns())
            if missing:  # a fact field without its migration: a bug, caught by the tests
                raise DatabaseError(f"schema of {self.path} lacks {', '.join(missing)}; a migration is missing")
            self._backfill_source_keys()
            self.con.execute("COMMIT")
        except BaseException:
            _rollback(self.con)
            raise

    def _backfill_source_keys(self):
        """Documents stored before sources had keys get one from their path."""
        rows = self.con.execute("SELECT doc_id, source_path FROM documents WHERE source_key IS NULL").fetchall()
        if rows:
            keys = [(d, valid_text(str(SourceKey.of_stored_path(p)))) for d, p in rows]
            self._update_from("documents", [("doc_id", "VARCHAR"), ("source_key", "VARCHAR")], keys)

    # -- holding the file only while writing
    def release(self):
        """Let readers in: fold the WAL into the file and close it (the writer lock is kept)."""
        if self.con is not None:
            self.con.execute("CHECKPOINT")
            self.con.close()
            self.con = None

    def acquire(self, wait: bool = True):
        """The database file, waited for (up to WRITE_WAIT_S) while a reader holds it."""
        if self.con is None:
            self.con = open_writer(self.path, WRITE_WAIT_S if wait else 0)

    @contextlib.contextmanager
    def writing(self):
        self.acquire()
        yield self.con

    def close(self):
        try:
            self.release()
        finally:
            self.lock.release()

    def abandon(self):
        """Close without a checkpoint (after a failure writing): what is committed stays in the
        WAL and is replayed by the next open."""
        try:
            if self.con is not None:
                try:
                    self.con.close()
                except Exception:
                    pass
                self.con = None
        finally:
            self.lock.release()

    @contextlib.contextmanager
    def _transaction(self):
        self.acquire()
        self.con.execute("BEGIN")
        try:
            yield self.con
            self.con.execute("COMMIT")
        except BaseException:
            _rollback(self.con)
            raise

    # -- reads a run needs to decide what to write
    def known_sources(self) -> dict[str, KnownSource]:
        """source_key -> what is stored of it."""
        self.acquire()
        rows = self.con.execute("SELECT source_key, content_hash, raw_hash, source_path FROM documents").fetchall()
        return {key: KnownSource.of(key, content, raw, path) for key, content, raw, path in rows}

    def document_sources(self) -> list[tuple[str, str, str]]:
        """(doc_id, source_key, source_path) of every stored document."""
        self.acquire()
        return self.con.execute("SELECT doc_id, source_key, source_path FROM documents ORDER BY doc_id").fetchall()

    def stale_ids(self, version: str) -> list[str]:
        self.acquire()
        return [d for (d,) in self.con.execute("SELECT doc_id FROM documents WHERE rules_version IS DISTINCT FROM ? "
                                               "ORDER BY doc_id", [version]).fetchall()]

    def stored_documents(self, doc_ids: list[str], with_sentences: bool = False) -> list[Document]:
        """The stored documents of these ids (in doc_id order), as cleaned documents to analyse again."""
        self.acquire()
        # one look-up by the primary key per document: a join would read every stored text (the
        # peak memory of a run's end grew by 170 MB at 70,880 documents)
        columns = ", ".join(f'"{c}"' for c in _STORED_DOCUMENT_COLUMNS)
        query = f"SELECT {columns} FROM documents WHERE doc_id = ?"
        docs = []
        for doc_id in sorted(set(doc_ids)):
            row = self.con.execute(query, [doc_id]).fetchone()
            if row is None:
                continue
            fields = dict(zip(_STORED_DOCUMENT_COLUMNS, row))
            fields["kind"] = fields["kind"] or "news"
            fields["source"] = SourceKey.parse(fields.pop("source_key"))
            docs.append(Document(**fields))
        if with_sentences and docs:
            spans: dict[str, list] = {}
            with rows_relation(self.con, "wanted_ids", [("doc_id", "VARCHAR")], [(d.doc_id,) for d in docs]) as (wanted, params):
                for doc_id, start, end in self.con.execute(
                        "SELECT doc_id, start_char, end_char FROM sentences WHERE doc_id IN "
                        f"(SELECT doc_id FROM {wanted}) ORDER BY doc_id, sentence_idx", params).fetchall():
                    spans.setdefault(doc_id, []).append((start, end))
            for d in docs:
                d.sentences = spans.get(d.doc_id, [])
        return docs

    def reference_rows(self) -> list[dict]:
        """Every stored reference with its row id and its document's main province: the input of
        the corpus-wide resolution (pipeline/resolve_corpus.py)."""
        self.acquire()
        cur = self.con.execute("""SELECT r.rowid AS rid, r.doc_id, r.doc_type, r.number, r.issuer_code, r.code,
                                         r.registry_key, r.resolved_by, r.issue_date, r.start_char,
                                         d.main_province AS province
                                  FROM legal_refs r JOIN documents d USING (doc_id)""")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def documents_with_refs(self, doc_ids: list[str]) -> list[StoredDocument]:
        """Stored documents (with sentences) and their references, each with its row id."""
        docs = self.stored_documents(doc_ids, with_sentences=True)
        out = []
        for doc in docs:
            cur = self.con.execute("SELECT rowid AS rid, * FROM legal_refs WHERE doc_id = ? ORDER BY start_char",
                                   [doc.doc_id])
            names = [d[0] for d in cur.description]
            refs = [(row[0], LegalRef(**dict(zip(names[1:], row[1:])))) for row in cur.fetchall()]
            out.append(StoredDocument(doc, refs))
        return out

    # -- writes
    def write_batch(self, results: list[ExtractionResult], replace_keys: list[str]):
        """Write documents with all their facts in one transaction; first delete the old versions
        of replaced sources and any stored document with the same content (moved or re-extracted).
        Either the whole batch lands or none of it."""
        if results or replace_keys:
            self.write_tables(result_rows(results), replace_keys)

    def write_tables(self, tables: dict, replace_keys: list[str]):
        """The same, from each table's rows: tuples in table_columns() order (as result_rows makes
        them), or an Arrow table (as read from Parquet)."""
        written = table_doc_ids(tables["documents"]) if "documents" in tables else []
        with self._transaction() as con:
            self._delete(con, "SELECT doc_id FROM documents WHERE source_key IN (SELECT unnest(?::VARCHAR[])) "
                              "OR doc_id IN (SELECT unnest(?::VARCHAR[]))", [replace_keys, written])
            for table, rows in tables.items():
                self._insert(table, rows)

    def remove_documents(self, doc_ids: list[str]) -> int:
        """Delete these documents with all their facts, in one transaction; returns the facts deleted."""
        with self._transaction() as con:
            return self._delete(con, "SELECT unnest(?::VARCHAR[])", [doc_ids])

    @staticmethod
    def _delete(con, doc_ids_query: str, params: list) -> int:
        # the stored documents named, found first: a batch of new documents names none, and each
        # table's DELETE scans the whole table (time and memory growing with the database)
        doc_ids = [r[0] for r in con.execute(f"SELECT doc_id FROM documents WHERE doc_id IN ({doc_ids_query})",
                                             params).fetchall()]
        if not doc_ids:
            return 0
        facts = 0
        for t in DOCUMENT_TABLES:
            deleted = con.execute(f"DELETE FROM {t} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids]).fetchone()[0]
            facts += deleted if t != "sentences" else 0
        con.execute("DELETE FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids])
        return facts

    def update_paths(self, moves: list[tuple[str, str]]):
        """source_path follows the path a source was last given by (same key, same content)."""
        if moves:
            self.acquire()
            self._update_from("documents", [("source_key", "VARCHAR"), ("source_path", "VARCHAR")],
                              valid_rows(moves, ["source_key", "source_path"]))

    def remove_sources(self, keys: list[str]):
        """Delete the documents of sources that no longer exist, with all their facts."""
        if keys:
            self.write_tables({}, keys)

    def apply_corpus_resolution(self, resolution: CorpusResolution) -> None:
        """Write what the corpus-wide resolution decided (pipeline/resolve_corpus.py), in one
        transaction: references' codes and identities, the links read again, the ends of links."""
        if not resolution.ref_updates:
            return
        with self._transaction() as con:
            self._update_from("legal_refs", [("rid", "BIGINT"), ("code", "VARCHAR"), ("registry_key", "VARCHAR"),
                                             ("resolved_by", "VARCHAR")], resolution.ref_updates, match="rowid")
            for doc_id, links in resolution.links.items():
                con.execute("DELETE FROM legal_links WHERE doc_id = ?", [doc_id])
                self._insert("legal_links", [as_row(link) for link in links])
            # the ends of links follow the identity of the references they name
            for end in ("src", "dst"):
                con.execute(f"""UPDATE legal_links AS l SET {end}_key = k.registry_key
                                FROM (SELECT doc_id, code, min(registry_key) AS registry_key FROM legal_refs
                                      WHERE code IS NOT NULL GROUP BY ALL) AS k
                                WHERE l.doc_id = k.doc_id AND l.{end}_code = k.code
                                  AND l.{end}_key IS DISTINCT FROM k.registry_key""")

    def _insert(self, table: str, rows):
        """Python rows in table_columns() order, or an Arrow table of those columns read from Parquet."""
        insert_rows(self.con, table, typed_columns()[table], rows)

    def _update_from(self, table: str, columns: list[tuple[str, str]], rows: list[tuple], match: str = ""):
        """Set columns[1:] of the table's rows whose `match` column (by default columns[0]) equals columns[0]."""
        key = columns[0][0]
        sets = ", ".join(f'"{c}" = u."{c}"' for c, _ in columns[1:])
        match = match or f'"{key}"'
        with rows_relation(self.con, "update_rows", columns, rows) as (source, params):
            self.con.execute(f'UPDATE {table} SET {sets} FROM {source} u WHERE {table}.{match} = u."{key}"', params)

    # -- the record of runs
    def start_run(self, version: str) -> int:
        """A new row in `runs`. Rows still 'running' belong to runs that died (killed, or unable to
        record their end): the writer lock held here means none of them is alive."""
        self.acquire()
        self.con.execute("UPDATE runs SET status = 'crashed' WHERE status = 'running'")
        run_id = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchall()[0][0]
        self.con.execute("INSERT INTO runs (run_id, started_at, version, status) VALUES (?, ?, ?, 'running')",
                         [run_id, dt.datetime.now(), version])
        return run_id

    def finish_run(self, run_id: int, stats: dict, status: str = "complete"):
        self.acquire()
        self.con.execute(
            "UPDATE runs SET finished_at = ?, files_seen = ?, loaded = ?, unchanged = ?, replaced = ?, skipped = ?,"
            " reextracted = ?, missing = ?, pruned = ?, removed = ?, status = ? WHERE run_id = ?",
            [dt.datetime.now(), stats["seen"], stats["loaded"], stats["unchanged"], stats["replaced"],
             stats["skipped"], stats.get("reextracted", 0), stats.get("missing", 0), stats.get("pruned", 0),
             stats.get("removed", 0), status, run_id])

    def add_problems(self, run_id: int, problems: list[Problem]):
        if problems:
            self.acquire()
            now = dt.datetime.now()
            rows = valid_rows([(p.source_path, p.reason) for p in problems], ["source_path", "reason"])
            self._insert("problems", [(run_id, path, reason, now) for path, reason in rows])
