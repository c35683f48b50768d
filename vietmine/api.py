"""The Python API; the `vietmine` command is a thin shell over it.

    import vietmine
    stats = vietmine.ingest(["articles/"], "outputs/vietmine.duckdb")
    db = vietmine.open("outputs/vietmine.duckdb")
    db.counts(province="Khánh Hòa", year=2018)   # pandas DataFrames
    db.citations("09-CT/TW")
    g = db.graph()                               # networkx DiGraph of the directive network
    db.sql("SELECT * FROM places LIMIT 5")
    vietmine.extract("Thực hiện Chỉ thị số 09-CT/TW ...")   # facts of one text, no database
"""
from __future__ import annotations

import dataclasses
import difflib
import os
import re
from pathlib import Path

import duckdb
import pandas as pd

from vietmine.errors import QueryError
from vietmine.pipeline.connections import open_reader, warn

DEFAULT_DB = os.path.join("outputs", "vietmine.duckdb")
SUMMARY_TABLES = ["documents", "legal_refs", "legal_links", "counts", "amounts", "places", "dates"]


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

    def top_documents(self, n: int = 10) -> pd.DataFrame:
        return self.sql("""SELECT d.doc_id, d.source_path, count(*) AS facts FROM documents d JOIN (
                             SELECT doc_id FROM legal_refs UNION ALL SELECT doc_id FROM counts UNION ALL
                             SELECT doc_id FROM places UNION ALL SELECT doc_id FROM dates) f USING (doc_id)
                           GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT ?""", [n])

    def counts(self, province: str | None = None, year: int | None = None, category: str | None = None) -> pd.DataFrame:
        """Count facts, filtered by the province they are about (name or code), year and category."""
        from vietmine.gazetteer.places import gazetteer

        q = "SELECT c.*, d.source_path, d.main_province FROM counts c JOIN documents d USING (doc_id) WHERE true"
        params: list = []
        if province is not None:
            codes = {u.province_code for u in gazetteer().lookup(province) if u.tier == "province"} or {province}
            q += f" AND d.main_province IN ({','.join('?' * len(codes))})"
            params += sorted(codes)
        if year is not None:
            q += " AND c.year = ?"
            params.append(year)
        if category is not None:
            q += " AND c.category = ?"
            params.append(category)
        return self.sql(q + " ORDER BY d.source_path, c.start_char", params)

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

    def evaluate(self, gold_path: str):
        from vietmine.views.evaluate import evaluate

        return evaluate(gold_path, self.con)

    def close(self):
        if self._query_con is not None:
            self._query_con.close()
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open(path: str = DEFAULT_DB) -> Database:  # noqa: A001 - the API's name
    return Database(path)


def ingest(paths: list[str], db_path: str = DEFAULT_DB, **options):
    """Read, analyse and load files into the database (see pipeline.engines.local.ingest)."""
    from vietmine.pipeline.engines.local import ingest as run

    return run(paths, db_path, **options)


def reextract(db_path: str = DEFAULT_DB, **options):
    """Extract again, from their stored text, the documents whose rules_version differs from
    this vietmine's rules (see pipeline.engines.local.reextract); no source file is read."""
    from vietmine.pipeline.engines.local import reextract as run

    return run(db_path, **options)


def load(parquet_dir: str, db_path: str = DEFAULT_DB):
    """Merge the Parquet shards written by the Dask engine into the database."""
    from vietmine.pipeline.engines.distributed import load_parquet

    return load_parquet(parquet_dir, db_path)


def extract(text: str) -> dict[str, list[dict]]:
    """Every fact of one text, by table, as plain dicts (no database)."""
    from vietmine.pipeline.engines.local import extract_text

    result = extract_text(text)
    out: dict[str, list[dict]] = {}
    for f in result.facts:
        out.setdefault(f.TABLE, []).append(dataclasses.asdict(f))
    return out
