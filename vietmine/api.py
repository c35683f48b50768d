"""The Python API; the `vietmine` command is a thin shell over it.

    import vietmine
    stats = vietmine.ingest(["articles/"], "outputs/vietmine.duckdb")
    db = vietmine.open("outputs/vietmine.duckdb")
    db.counts(province="Khanh Hoa", year=2018)   # pandas DataFrames; names with or without tone marks
    db.citations("09-CT/TW")
    g = db.graph()                               # networkx DiGraph of the directive network
    db.sql("SELECT * FROM places LIMIT 5")
    vietmine.extract("Thực hiện Chỉ thị số 09-CT/TW ...")   # facts of one text, no database
    db.export_sqlite("outputs/vietmine.sqlite")  # for datasette
    vietmine.remove(["articles/wrong.txt"], "outputs/vietmine.duckdb")   # documents and their facts out
"""
from __future__ import annotations

import builtins
import contextlib
import dataclasses
import difflib
import functools
import json
import os
import re
import unicodedata
from typing import TYPE_CHECKING, Iterator

import duckdb

from vietmine.errors import DatabaseError, QueryError, UnknownPlace, UnknownTable, VietmineError
from vietmine.pipeline.connections import open_reader, warn

if TYPE_CHECKING:  # pandas is imported by the methods that return DataFrames: `vietmine sql` starts without it
    import pandas as pd

DEFAULT_DB = os.path.join("outputs", "vietmine.duckdb")


def fold(s: str) -> str:
    """Lower case without tone marks or diacritics ("Khánh Hòa" -> "khanh hoa", "Đà" -> "da")."""
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in s if unicodedata.category(c) != "Mn").lower().split())


_PROVINCE_WORD = re.compile(r"^(?:tỉnh|tinh|thành phố|thanh pho|tp\.?)\s+", re.IGNORECASE)


def province_codes(name: str) -> set[str]:
    """Codes of the province named `name` ("Khánh Hòa", "Khanh Hoa", "tỉnh Khánh Hoà") or given by
    its code ("56"); an unknown name is an error with the closest names, not an empty result."""
    from vietmine.gazetteer.places import gazetteer

    name = name.strip()
    if name.isdigit():
        return {name}
    bare = _PROVINCE_WORD.sub("", name)
    exact = {u.province_code for u in gazetteer().lookup(bare) if u.tier == "province"}
    if exact:
        return exact
    loose = {u.province_code for u in gazetteer().lookup_loose(bare) if u.tier == "province"}
    if loose:  # written without tone marks ("Khanh Hoa")
        return loose
    names = sorted({fold(u.name) for u in gazetteer().units if u.tier == "province"})
    close = difflib.get_close_matches(fold(bare), names, n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise UnknownPlace(f"no province named {name!r}{hint}")


class Result:
    """The result of one statement, computed as it is read. `relation` is DuckDB's: its columns and
    types are known before it runs, and `relation.to_arrow_reader(n)` streams it as Arrow batches;
    `batches(n)` streams its rows as lists of at most n tuples, without pyarrow."""

    def __init__(self, con: duckdb.DuckDBPyConnection, statement: str, params: list | dict | None):
        self.con, self.statement, self.params = con, statement, params
        self.relation = con.sql(statement, params=params)

    def batches(self, n: int) -> Iterator[list[tuple]]:
        if self.relation.type != "QUERY_RELATION":  # run already (EXPLAIN, PRAGMA): DuckDB holds its rows
            rows = self.relation.fetchall()
            yield from (rows[i:i + n] for i in range(0, len(rows), n))
            return
        # a relation's rows are computed whole before the first is read; a cursor's as they are read
        cursor = self.con.execute(self.statement, self.params)
        while rows := cursor.fetchmany(n):
            yield rows


def _connected(method):
    """The method runs on the connection of the current `with` block, or on one opened for this
    call and closed after it: a Database outside a `with` block holds nothing open."""
    @functools.wraps(method)
    def call(self, *args, **kwargs):
        with self._connection():
            return method(self, *args, **kwargs)
    return call


class Database:
    """A vietmine database opened for reading (while an ingest commits a batch, opening waits for it).
    It connects per call, or once for a `with` block: an idle Database holds nothing, so an ingest
    never waits for it; an ingest waits (a bounded time) only for a call or a `with` block under way."""

    def __init__(self, path: str = DEFAULT_DB, on_fallback=warn, read_dirs: list[str] | None = None):
        self.path = path
        self.on_fallback = on_fallback
        self.read_dirs = read_dirs  # folders `sql` may read files from, beside outputs/
        self._con = None        # the connection of a `with` block or of the call under way
        self._query_con = None  # the guarded connection of a `with` block (sql)
        self._in_block = False
        open_reader(path, on_fallback).close()  # a missing or unreadable database fails here, in one line

    @contextlib.contextmanager
    def _connection(self):
        if self._con is not None:
            yield self._con
            return
        self._con = open_reader(self.path, self.on_fallback)
        try:
            yield self._con
        finally:
            con, self._con = self._con, None
            con.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection (of the `with` block or the call under way); outside both, one
        opened now and held until close()."""
        if self._con is None:
            self._con = open_reader(self.path, self.on_fallback)
        return self._con

    # -- queries
    def sql(self, query: str, params: list | dict | None = None, timeout: float | None = None) -> pd.DataFrame:
        """One read-only statement (pipeline/sql_guard.py); files only from outputs/ or read_dirs.
        Stopped after `timeout` seconds (None: no limit), or by Ctrl-C / a kernel interrupt."""
        return self.query(query, params, lambda result: result.relation.df(), timeout)

    def query(self, query: str, params: list | dict | None, work, timeout: float | None = None):
        """`work(result)` on the Result of one read-only statement, stoppable as `sql` is."""
        from vietmine.pipeline import sql_guard

        guarded = self._query_con or sql_guard.GuardedConnection(self.path, self.read_dirs)
        if self._in_block:
            self._query_con = guarded
        try:
            statement = sql_guard.check(query, guarded.con)  # parsed there: a DuckDB instance costs start-up time
            return guarded.run(lambda con: work(Result(con, statement, params or None)), timeout)
        except duckdb.Error as e:
            refused = sql_guard.file_refusal(str(e), self.read_dirs)
            if refused:
                raise QueryError(refused) from None
            first = (str(e).strip().splitlines() or [e.__class__.__name__])[0]
            raise QueryError(f"{first}{self._hint(str(e), guarded.con)}") from None
        finally:
            if guarded is not self._query_con:
                guarded.close()

    def _hint(self, message: str, con) -> str:
        m = re.search(r'Table with name (\S+) does not exist|column "?([^"\s]+)"? not found', message)
        if not m:
            return ""
        wrong = m.group(1) or m.group(2)
        names = con.execute("SELECT table_name FROM information_schema.tables" if m.group(1) else
                            "SELECT DISTINCT column_name FROM information_schema.columns").fetchall()
        close = difflib.get_close_matches(wrong, sorted(n for (n,) in names), n=3, cutoff=0.5)
        return f" (did you mean {', '.join(close)}?)" if close else ""

    @_connected
    def table_names(self) -> list[str]:
        return [t for (t,) in self.con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]

    @_connected
    def row_counts(self, tables: list[str] | None = None) -> dict[str, int]:
        return {t: self.con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables or self.table_names()}

    TABLE_COLUMNS = ("table", "kind", "rows", "columns")

    @_connected
    def table_rows(self) -> list[tuple[str, str, int, int]]:
        """tables() as tuples (TABLE_COLUMNS), without pandas."""
        info = self.con.execute("""SELECT table_name, lower(replace(table_type, 'BASE ', '')) AS kind,
                                          (SELECT count(*) FROM information_schema.columns c
                                           WHERE c.table_name = t.table_name) AS "columns"
                                   FROM information_schema.tables t ORDER BY kind, table_name""").fetchall()
        return [(t, kind, self.row_counts([t])[t], n) for t, kind, n in info]

    def tables(self) -> pd.DataFrame:
        """One row per table and view: name, kind, rows, columns."""
        import pandas as pd

        return pd.DataFrame(self.table_rows(), columns=list(self.TABLE_COLUMNS))

    @_connected
    def schema(self, table: str | None = None) -> str:
        """The CREATE statements of every table and view, or of one."""
        rows = self.con.execute("""SELECT table_name, sql FROM duckdb_tables() WHERE NOT internal
                                   UNION ALL SELECT view_name, sql FROM duckdb_views() WHERE NOT internal
                                   ORDER BY 1""").fetchall()
        if table is not None:
            rows = [(t, q) for t, q in rows if t == table]
            if not rows:
                close = difflib.get_close_matches(table, self.table_names(), n=3, cutoff=0.5)
                hint = f" (did you mean {', '.join(close)}?)" if close else ""
                raise UnknownTable(f"no table or view named {table!r}{hint}")
        return "\n".join(q.strip() for _, q in rows)

    _TOP_DOCUMENTS = """SELECT d.doc_id, d.source_path, count(*) AS facts FROM documents d JOIN (
                            SELECT doc_id FROM legal_refs UNION ALL SELECT doc_id FROM counts UNION ALL
                            SELECT doc_id FROM places UNION ALL SELECT doc_id FROM dates) f USING (doc_id)
                          GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT ?"""

    def top_documents(self, n: int = 10) -> pd.DataFrame:
        return self.sql(self._TOP_DOCUMENTS, [n])

    @_connected
    def top_document_rows(self, n: int = 10) -> list[tuple[str, str, int]]:
        """top_documents() as tuples (doc_id, source_path, facts), without pandas."""
        return self.con.execute(self._TOP_DOCUMENTS, [n]).fetchall()

    def counts(self, province: str | None = None, year: int | None = None, category: str | None = None) -> pd.DataFrame:
        """Count facts, filtered by the province they are about (name with or without tone marks,
        or code), year and category."""
        q = "SELECT c.*, d.source_path, d.main_province FROM counts c JOIN documents d USING (doc_id) WHERE true"
        params: list = []
        if province is not None:
            codes = province_codes(province)
            q += f" AND d.main_province IN ({','.join('?' * len(codes))})"
            params += sorted(codes)
        if year is not None:
            q += " AND c.year = ?"
            params.append(year)
        if category is not None:
            q += " AND c.category = ?"
            params.append(category)
        return self.sql(q + " ORDER BY d.source_path, c.start_char", params)

    def places(self, name: str | None = None, province: str | None = None) -> pd.DataFrame:
        """Place mentions, filtered by the unit's name and by province (either with or without
        tone marks: "Ninh Hoa" finds "Ninh Hòa" and "Ninh Hoà")."""
        q = "SELECT p.*, d.source_path FROM places p JOIN documents d USING (doc_id) WHERE true"
        params: list = []
        if name is not None:
            q += " AND lower(strip_accents(replace(replace(p.name, 'đ', 'd'), 'Đ', 'D'))) = ?"
            params.append(fold(name))
        if province is not None:
            codes = province_codes(province)
            q += f" AND p.province_code IN ({','.join('?' * len(codes))})"
            params += sorted(codes)
        return self.sql(q + " ORDER BY d.source_path, p.start_char", params)

    def citations(self, code: str | None = None) -> pd.DataFrame:
        if code is None:
            return self.sql("SELECT * FROM citations ORDER BY doc_id, registry_key")
        return self.sql("SELECT c.*, d.source_path FROM citations c JOIN documents d USING (doc_id) "
                        "WHERE c.code = ? ORDER BY d.source_path", [code])

    # -- views
    @_connected
    def graph(self, all_documents: bool = False):
        from vietmine.views.graph import build_graph

        return build_graph(self.con, all_documents=all_documents)

    @_connected
    def document(self, key: str) -> tuple[str, str]:
        """(doc_id, text) of a document named by doc_id, source path or file name."""
        from vietmine.views.show import find_document

        return find_document(self.con, key)

    @_connected
    def spans(self, doc_id: str) -> list[tuple[int, int, str, str]]:
        from vietmine.views.show import spans

        return spans(self.con, doc_id)

    @_connected
    def show_html(self, doc_id: str, kinds) -> str:
        """One document as an HTML page: its text exactly, a line under each fact (views/show.py)."""
        from vietmine.views.rows import documents, facts_of
        from vietmine.views.show import render_html

        return render_html(documents(self.con, [doc_id])[0], facts_of(self.con, [doc_id])[doc_id], kinds)

    @_connected
    def docbin(self, out: str) -> dict:
        """Every document with its facts as span groups in a spaCy DocBin file (views/docbin.py)."""
        from vietmine.views.docbin import write_docbin
        from vietmine.views.export import written_whole

        with written_whole(out) as tmp:
            return write_docbin(self.con, str(tmp))

    @_connected
    def report(self, out: str) -> dict:
        from vietmine.views.export import written_whole
        from vietmine.views.report import write_report

        with written_whole(out) as tmp:
            return write_report(self.con, str(tmp), self.path)

    @_connected
    def export(self, out_dir: str, formats=("parquet", "csv")) -> list[str]:
        """Every table as Parquet and/or CSV files in `out_dir` (views/export.py)."""
        from vietmine.views.export import export_files

        unknown = set(formats) - {"parquet", "csv"}
        if unknown or not formats:
            raise VietmineError(f"unknown export format(s) {', '.join(sorted(unknown)) or '(none)'}: "
                                "choose parquet, csv, or both")
        return export_files(self.con, out_dir, self.table_names(), tuple(formats))

    @_connected
    def export_sqlite(self, path: str) -> dict[str, int]:
        """Every table and view in one SQLite file for datasette, with a full-text index on the
        documents and `metadata.json` beside it (views/export.py). Returns rows per table."""
        from vietmine.views.export import export_sqlite

        return export_sqlite(self.con, path, self.table_names())

    @_connected
    def evaluate(self, gold_path: str, misses: bool = False):
        """Scores per fact kind against a gold file (views/evaluate.py), with how many of its
        documents the database holds and which of its keys no kind scores; `misses=True` also
        lists every disagreement with its sentence (`result.disagreements`)."""
        from vietmine.views.evaluate import disagreements, evaluate

        golds = read_gold(gold_path)
        try:
            result = evaluate(golds, self.con)
            if misses:
                result.disagreements = disagreements(result, self.con)
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise VietmineError(f"{gold_path}: malformed gold entry ({e.__class__.__name__}: {e}); "
                                "see GUIDE.md of the shared gold files") from None
        if not result.found:
            raise VietmineError(f"none of the {result.total} documents of {gold_path} is in {self.path} (0 found); "
                                f"ingest them first: vietmine ingest FOLDER --db {self.path}")
        return result

    @_connected
    def gold(self, docs: list[str]) -> list[dict]:
        """The facts of these documents (doc_id, source path or file name) as draft gold lines in the
        format of the shared annotation guide (GUIDE.md), each entry with its surface and offsets
        (views/gold.py)."""
        from vietmine.views.gold import gold_lines

        return gold_lines(self.con, list(dict.fromkeys(self.document(d)[0] for d in docs)))

    def export_gold(self, docs: list[str], out: str) -> dict:
        """Write `gold(docs)` as a JSON-lines file to correct and score with `evaluate`."""
        from vietmine.views.export import written_whole
        from vietmine.views.gold import write_gold

        lines = self.gold(docs)
        with written_whole(out) as tmp:
            write_gold(lines, str(tmp))
        return {"documents": len(lines),
                "entries": sum(len(v) for line in lines for k, v in line.items() if k != "doc")}

    def close(self):
        self._in_block = False
        if self._query_con is not None:
            self._query_con.close()
            self._query_con = None
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self):
        """Connect once for the block (an ingest waits for the block to end, a bounded time)."""
        if self._con is None:
            self._con = open_reader(self.path, self.on_fallback)
        self._in_block = True
        return self

    def __exit__(self, *exc):
        self.close()


def read_gold(path: str) -> list[dict]:
    """The entries of a gold file (one JSON object per line with a "doc"), or a one-line error."""
    if not os.path.isfile(path):
        raise VietmineError(f"no gold file at {path}")
    golds = []
    try:
        with builtins.open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError as e:
                    raise VietmineError(f"{path}:{lineno}: not a JSON line ({e.msg}); "
                                        "see GUIDE.md of the shared gold files") from None
                if not isinstance(entry, dict) or not isinstance(entry.get("doc"), str):
                    raise VietmineError(f"{path}:{lineno}: an entry needs a \"doc\" string; "
                                        "see GUIDE.md of the shared gold files")
                golds.append(entry)
    except UnicodeDecodeError:
        raise VietmineError(f"{path} is not UTF-8 text") from None
    if not golds:
        raise VietmineError(f"{path} holds no gold entries")
    return golds



def open(path: str = DEFAULT_DB) -> Database:  # noqa: A001 - the API's name
    return Database(path)


def ingest(paths: list[str], db_path: str = DEFAULT_DB, exclude=(), glob=(), follow_links: bool = False, **options):
    """Read, analyse and load files into the database. In folders, only files matching `glob`
    (default: every supported file) and no `exclude` pattern are read, and a link that leads out
    of the folder is reported and not followed unless `follow_links`; a selection with no file
    at all is an error, before the database is opened. `options`: the fields of
    vietmine.pipeline.run.IngestOptions (workers, progress, batch_docs, time_budget_s, prune, snapshot)."""
    from vietmine.corpus.readers import select_inputs
    from vietmine.pipeline.engines.local import ingest as run
    from vietmine.pipeline.run import IngestOptions

    selection = select_inputs(paths, exclude, glob, follow_links)
    return run(selection, db_path, IngestOptions(exclude=tuple(exclude), glob=tuple(glob), **options))


def ingest_dask(paths: list[str], out_dir: str, exclude=(), glob=(), **options):
    """Analyse the selected files as shard tasks on a Dask cluster writing Parquet under `out_dir`
    (merge it with `load`). Returns (task summaries, failed shards, files of the folders not read).
    `options`: scheduler, workers, shard_docs, verbose (see pipeline.engines.distributed.ingest_dask)."""
    from vietmine.corpus.readers import select_inputs
    from vietmine.pipeline.engines.distributed import ingest_dask as run

    selection = select_inputs(paths, exclude, glob)
    for problem in selection.problems:
        warn(f"skipped {problem.source_path}: {problem.reason}")
    summaries, failed = run(selection.files, out_dir, **options)
    return summaries, failed, selection.ignored


def reextract(db_path: str = DEFAULT_DB, **options):
    """Extract again, from their stored text, the documents whose rules_version differs from
    this vietmine's rules; no source file is read. `options`: workers, progress, batch_docs."""
    from vietmine.pipeline.engines.local import reextract as run
    from vietmine.pipeline.run import IngestOptions

    return run(db_path, IngestOptions(**options))


def remove(targets: list[str], db_path: str = DEFAULT_DB):
    """Take documents out of the database. Each target is a doc_id, a source path as stored, or a
    file or folder that was ingested (every document read from it; FEED#ID for one article
    of a feed); a target that names no document is an error and nothing is removed. The documents
    and all their facts go in one transaction, recorded in `runs` (`removed`) and in `problems` (one
    row per document); then the corpus-wide resolution is redone, so a reference of another
    document that had its code from a removed one loses it unless another document still gives it.
    Returns the run's IngestStats (removed, removed_facts, references_resolved_again)."""
    from vietmine.pipeline.run import Run, documents_named

    if not targets:
        raise VietmineError("nothing to remove: give doc_ids, source paths, or files or folders that were ingested")
    if not os.path.exists(db_path):
        raise DatabaseError(f"no database at {db_path}")
    with Database(db_path, on_fallback=None) as d:  # a mistyped target: refused before any run starts
        documents_named(d.con.execute("SELECT doc_id, source_key, source_path FROM documents").fetchall(),
                        targets, db_path)
    run = Run.open(db_path)
    return run.run(lambda: run.remove(run.documents_named(targets)))


def load(parquet_dir: str, db_path: str = DEFAULT_DB):
    """Merge the Parquet shards written by the Dask engine into the database."""
    from vietmine.pipeline.engines.distributed import load_parquet

    return load_parquet(parquet_dir, db_path)


def extract(text: str, as_frames: bool = False) -> dict[str, list[dict]] | dict[str, pd.DataFrame]:
    """Every fact of one text (no database), by table: every fact table is a key, in the same
    order each time, with an empty list when the text has none of its facts. `as_frames=True`
    gives a pandas DataFrame per table, with the database's columns."""
    from vietmine.facts import TABLES
    from vietmine.pipeline.analyse import extract_text
    from vietmine.pipeline.store import table_columns

    result = extract_text(text)
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for f in result.facts:
        out[f.TABLE].append(dataclasses.asdict(f))
    if as_frames:
        import pandas as pd

        cols = table_columns()
        return {t: pd.DataFrame(rows, columns=cols[t]) for t, rows in out.items()}
    return out
