"""Python API.

    import vietmine
    db = vietmine.open("outputs/vietmine.duckdb")
    db.counts(province="Khánh Hòa", year=2018)   # pandas DataFrames
    db.citations("09-CT/TW")
    g = db.graph()                               # networkx DiGraph of the directive network
    db.sql("SELECT * FROM places LIMIT 5")
    vietmine.extract("Thực hiện Chỉ thị số 09-CT/TW ...")   # facts of one text, no database
"""
from __future__ import annotations

import dataclasses

import duckdb
import pandas as pd

from pipeline import __version__

__all__ = ["open", "extract", "Database", "__version__"]


class Database:
    def __init__(self, path: str):
        import os

        if not os.path.exists(path):
            raise FileNotFoundError(f"no database at {path}; create it with: vietmine ingest --db {path}")
        self.path = path
        self.con = duckdb.connect(path, read_only=True)

    def sql(self, query: str, params: list | None = None) -> pd.DataFrame:
        return self.con.execute(query, params or []).df()

    def counts(self, province: str | None = None, year: int | None = None, category: str | None = None) -> pd.DataFrame:
        """Count facts, filtered by the province they are about (name or code), year and category."""
        from gazetteer.places import gazetteer

        q = ("SELECT c.*, d.source_path, d.main_province FROM counts c JOIN documents d USING (doc_id) WHERE true")
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
            return self.sql("SELECT * FROM citations")
        return self.sql("SELECT c.*, d.source_path FROM citations c JOIN documents d USING (doc_id) WHERE c.code = ?", [code])

    def graph(self):
        from pipeline.graph import build_graph

        return build_graph(self.con)

    def close(self):
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open(path: str = "outputs/vietmine.duckdb") -> Database:  # noqa: A001 - the API's name
    return Database(path)


def extract(text: str) -> dict[str, list[dict]]:
    """Every fact of one text, by table, as plain dicts (no database)."""
    from pipeline.run import extract_text

    result = extract_text(text)
    out: dict[str, list[dict]] = {}
    for f in result.facts:
        out.setdefault(f.TABLE, []).append(dataclasses.asdict(f))
    return out
