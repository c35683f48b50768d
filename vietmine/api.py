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
"""
from __future__ import annotations

import builtins
import collections
import dataclasses
import difflib
import json
import os
import re
import sqlite3
import unicodedata
from pathlib import Path

import duckdb
import pandas as pd

from vietmine.errors import QueryError, UnknownPlace, UnknownTable, VietmineError
from vietmine.pipeline.connections import open_reader, warn

DEFAULT_DB = os.path.join("outputs", "vietmine.duckdb")
SUMMARY_TABLES = ["documents", "legal_refs", "legal_links", "counts", "amounts", "places", "dates"]
SUPPORTED = ".txt .md .html .htm .jsonl .jsonl.gz"


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


@dataclasses.dataclass
class InputSelection:
    """The files an ingest reads, and by suffix the files of its folders it does not read."""
    files: list[str]
    ignored: dict[str, int]

    def ignored_note(self) -> str:
        """'2 .pdf, 1 .docx' (most frequent first)."""
        return ", ".join(f"{n} {suffix}" for suffix, n in sorted(self.ignored.items(), key=lambda kv: (-kv[1], kv[0])))


def select_inputs(paths: list[str], exclude=(), glob=()) -> InputSelection:
    """The supported files under `paths` (folders recursively), filtered by the `glob` and
    `exclude` patterns (matched against a file's path inside its folder, or its name)."""
    from vietmine.corpus.readers import iter_files

    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise VietmineError(f"no such path: {', '.join(missing)}")
    ignored: collections.Counter = collections.Counter()
    files = [shown for shown, _ in iter_files(paths, exclude, glob, ignored)]
    selection = InputSelection(files, dict(ignored))
    if not files:
        where = ", ".join(paths)
        filters = " matching --glob/--exclude" if exclude or glob else ""
        not_read = f"; {selection.ignored_note()} files are not read" if ignored else ""
        raise VietmineError(f"no supported files{filters} in {where}{not_read} (vietmine reads {SUPPORTED})")
    return selection


class Database:
    """A vietmine database opened for reading (while an ingest commits a batch, opening waits for it).
    Close it (or use `with`) when done: an ingest waits for open readers before it writes."""

    def __init__(self, path: str = DEFAULT_DB, on_fallback=warn, read_dirs: list[str] | None = None):
        self.path = path
        self.con = open_reader(path, on_fallback)
        self.read_dirs = read_dirs  # folders `sql` may read files from, beside outputs/
        self._query_con = None

    # -- queries
    def sql(self, query: str, params: list | dict | None = None) -> pd.DataFrame:
        """One read-only statement (pipeline/sql_guard.py); files only from outputs/ or read_dirs."""
        from vietmine.pipeline import sql_guard

        statement = sql_guard.check(query)
        if self._query_con is None:
            self._query_con = sql_guard.guarded_connection(self.path, self.read_dirs)
        try:
            return self._query_con.execute(statement, params or []).df()
        except duckdb.Error as e:
            refused = sql_guard.file_refusal(str(e), self.read_dirs)
            if refused:
                raise QueryError(refused) from None
            raise QueryError(f"{str(e).strip().splitlines()[0]}{self._hint(str(e))}") from None

    def _hint(self, message: str) -> str:
        m = re.search(r'Table with name (\S+) does not exist|column "?([^"\s]+)"? not found', message)
        if not m:
            return ""
        wrong = m.group(1) or m.group(2)
        names = self.con.execute("SELECT table_name FROM information_schema.tables" if m.group(1) else
                                 "SELECT DISTINCT column_name FROM information_schema.columns").fetchall()
        close = difflib.get_close_matches(wrong, sorted(n for (n,) in names), n=3, cutoff=0.5)
        return f" (did you mean {', '.join(close)}?)" if close else ""

    def table_names(self) -> list[str]:
        return [t for (t,) in self.con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]

    def row_counts(self, tables: list[str] | None = None) -> dict[str, int]:
        return {t: self.con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables or self.table_names()}

    def tables(self) -> pd.DataFrame:
        """One row per table and view: name, kind, rows, columns."""
        info = self.con.execute("""SELECT table_name, lower(replace(table_type, 'BASE ', '')) AS kind,
                                          (SELECT count(*) FROM information_schema.columns c
                                           WHERE c.table_name = t.table_name) AS "columns"
                                   FROM information_schema.tables t ORDER BY kind, table_name""").df()
        info.insert(2, "rows", [self.row_counts([t])[t] for t in info["table_name"]])
        return info.rename(columns={"table_name": "table"})

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

    def top_documents(self, n: int = 10) -> pd.DataFrame:
        return self.sql("""SELECT d.doc_id, d.source_path, count(*) AS facts FROM documents d JOIN (
                             SELECT doc_id FROM legal_refs UNION ALL SELECT doc_id FROM counts UNION ALL
                             SELECT doc_id FROM places UNION ALL SELECT doc_id FROM dates) f USING (doc_id)
                           GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT ?""", [n])

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
    def graph(self, all_documents: bool = False):
        from vietmine.views.graph import build_graph

        return build_graph(self.con, all_documents=all_documents)

    def document(self, key: str) -> tuple[str, str]:
        """(doc_id, text) of a document named by doc_id, source path or file name."""
        from vietmine.views.show import find_document

        return find_document(self.con, key)

    def spans(self, doc_id: str) -> list[tuple[int, int, str, str]]:
        from vietmine.views.show import spans

        return spans(self.con, doc_id)

    def show_html(self, doc_id: str, kinds) -> str:
        """One document as an HTML page drawn by displaCy (views/show.py)."""
        from vietmine.views.docbin import documents, facts_of
        from vietmine.views.show import render_html

        return render_html(documents(self.con, [doc_id])[0], facts_of(self.con, [doc_id])[doc_id], kinds)

    def docbin(self, out: str) -> dict:
        """Every document with its facts as span groups in a spaCy DocBin file (views/docbin.py)."""
        from vietmine.views.docbin import write_docbin

        Path(out).parent.mkdir(parents=True, exist_ok=True)
        return write_docbin(self.con, out)

    def report(self, out: str) -> dict:
        from vietmine.views.report import write_report

        Path(out).parent.mkdir(parents=True, exist_ok=True)
        return write_report(self.con, out, self.path)

    def export(self, out_dir: str) -> list[str]:
        """Every table as Parquet and CSV."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        tables = self.table_names()
        for t in tables:
            rel = self.con.table(t)
            rel.write_parquet(str(out / f"{t}.parquet"))
            rel.write_csv(str(out / f"{t}.csv"))
        return tables

    def export_sqlite(self, path: str) -> dict[str, int]:
        """Every table and view as a table of one SQLite file (for datasette and sqlite-utils):
        documents keyed by doc_id, fact tables indexed on doc_id and referencing documents.
        Written beside `path` and renamed into place, so never half-written. Returns rows per table."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.unlink(missing_ok=True)
        cols = collections.defaultdict(list)
        for t, c, ty in self.con.execute("""SELECT table_name, column_name, data_type FROM information_schema.columns
                                            ORDER BY table_name, ordinal_position""").fetchall():
            cols[t].append((c, ty))
        counts = {}
        out = sqlite3.connect(tmp)
        try:
            out.execute("PRAGMA journal_mode = OFF")
            out.execute("PRAGMA synchronous = OFF")
            for table in self.table_names():
                specs = [_sqlite_column(table, c, ty) for c, ty in cols[table]]
                out.execute(f'CREATE TABLE "{table}" ({", ".join(decl for decl, _ in specs)})')
                select = ", ".join(expr for _, expr in specs)
                result = self.con.execute(f'SELECT {select} FROM "{table}"')
                insert = f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(specs))})'
                n = 0
                while batch := result.fetchmany(50_000):
                    out.executemany(insert, batch)
                    n += len(batch)
                counts[table] = n
                if table != "documents" and any(c == "doc_id" for c, _ in cols[table]):
                    out.execute(f'CREATE INDEX "idx_{table}_doc_id" ON "{table}" (doc_id)')
            out.commit()
        finally:
            out.close()
        os.replace(tmp, target)
        return counts

    def gold_coverage(self, gold_path: str) -> tuple[int, int]:
        """(documents of the gold file found in the database, documents in the gold file)."""
        from vietmine.views.evaluate import _doc_ids

        golds = read_gold(gold_path)
        return sum(1 for g in golds if _doc_ids(self.con, g["doc"])), len(golds)

    def evaluate(self, gold_path: str):
        from vietmine.views.evaluate import evaluate

        found, total = self.gold_coverage(gold_path)
        if not found:
            raise VietmineError(f"none of the {total} documents of {gold_path} is in {self.path} (0 found); "
                                f"ingest them first: vietmine ingest FOLDER --db {self.path}")
        try:
            return evaluate(gold_path, self.con)
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise VietmineError(f"{gold_path}: malformed gold entry ({e.__class__.__name__}: {e}); "
                                "see gold/GUIDE.md") from None

    def close(self):
        if self._query_con is not None:
            self._query_con.close()
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_SQLITE_TYPES = {"BOOLEAN": ("INTEGER", "CAST({} AS INTEGER)"), "DOUBLE": ("REAL", "{}"), "FLOAT": ("REAL", "{}"),
                 "VARCHAR": ("TEXT", "{}"), "DATE": ("TEXT", "CAST({} AS VARCHAR)"),
                 "TIMESTAMP": ("TEXT", "CAST({} AS VARCHAR)")}
_SQLITE_INTEGERS = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER", "HUGEINT"}


def _sqlite_column(table: str, column: str, duck_type: str) -> tuple[str, str]:
    """(SQLite column declaration, DuckDB expression giving a value sqlite3 stores as is)."""
    quoted = f'"{column}"'
    if duck_type in _SQLITE_INTEGERS:
        decl, expr = "INTEGER", "CAST({} AS BIGINT)"
    elif duck_type.startswith("DECIMAL"):
        decl, expr = "REAL", "CAST({} AS DOUBLE)"
    else:  # dates and timestamps as ISO text; anything else as its text
        decl, expr = _SQLITE_TYPES.get(duck_type, ("TEXT", "CAST({} AS VARCHAR)"))
    decl = f"{quoted} {decl}"
    if column == "doc_id":
        decl += " PRIMARY KEY" if table == "documents" else " REFERENCES documents(doc_id)"
    return decl, expr.format(quoted)


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
                    raise VietmineError(f"{path}:{lineno}: not a JSON line ({e.msg}); see gold/GUIDE.md") from None
                if not isinstance(entry, dict) or not isinstance(entry.get("doc"), str):
                    raise VietmineError(f"{path}:{lineno}: an entry needs a \"doc\" string; see gold/GUIDE.md")
                golds.append(entry)
    except UnicodeDecodeError:
        raise VietmineError(f"{path} is not UTF-8 text") from None
    if not golds:
        raise VietmineError(f"{path} holds no gold entries")
    return golds



def open(path: str = DEFAULT_DB) -> Database:  # noqa: A001 - the API's name
    return Database(path)


def ingest(paths: list[str], db_path: str = DEFAULT_DB, exclude=(), glob=(), **options):
    """Read, analyse and load files into the database (see pipeline.engines.local.ingest).
    In folders, only files matching `glob` (default: every supported file) and no `exclude`
    pattern are read; a selection with no file at all is an error, before the database is opened."""
    from vietmine.pipeline.engines.local import ingest as run

    select_inputs(paths, exclude, glob)  # fails, before the database is opened, when nothing would be read
    # the folders themselves go on: a source gone from a folder is reported on its next ingest
    return run(paths, db_path, exclude=exclude, glob=glob, **options)


def reextract(db_path: str = DEFAULT_DB, **options):
    """Extract again, from their stored text, the documents whose rules_version differs from
    this vietmine's rules (see pipeline.engines.local.reextract); no source file is read."""
    from vietmine.pipeline.engines.local import reextract as run

    return run(db_path, **options)


def load(parquet_dir: str, db_path: str = DEFAULT_DB):
    """Merge the Parquet shards written by the Dask engine into the database."""
    from vietmine.pipeline.engines.distributed import load_parquet

    return load_parquet(parquet_dir, db_path)


def extract(text: str, as_frames: bool = False) -> dict[str, list[dict]] | dict[str, pd.DataFrame]:
    """Every fact of one text (no database), by table: every fact table is a key, in the same
    order each time, with an empty list when the text has none of its facts. `as_frames=True`
    gives a pandas DataFrame per table, with the database's columns."""
    from vietmine.facts import FACT_TYPES
    from vietmine.pipeline.engines.local import extract_text
    from vietmine.pipeline.store import table_columns

    result = extract_text(text)
    out: dict[str, list[dict]] = {cls.TABLE: [] for cls in FACT_TYPES}
    for f in result.facts:
        out[f.TABLE].append(dataclasses.asdict(f))
    if as_frames:
        cols = table_columns()
        return {t: pd.DataFrame(rows, columns=cols[t]) for t, rows in out.items()}
    return out
