"""The writer hands rows to DuckDB two ways (pipeline/connections.py rows_relation): as lists of
query parameters for small tables (an increment imports no frame library), through Arrow for
large ones (a batch of a thousand documents). Both must store the very same values, in the same
order, with the same types and NULLs."""
import datetime as dt

import duckdb
import pytest

from vietmine.cli import main
from vietmine.pipeline import connections
from vietmine.pipeline.connections import insert_rows

COLUMNS = [("doc_id", "VARCHAR"), ("n", "INTEGER"), ("big", "BIGINT"), ("value", "DOUBLE"), ("flag", "BOOLEAN"),
           ("day", "DATE"), ("at", "TIMESTAMP")]
ROWS = [
    ("a", 1, 2**40, 1.5, True, dt.date(2017, 1, 31), dt.datetime(2017, 1, 31, 12, 0, 0, 123456)),
    (None, None, None, None, None, None, None),
    ("Nguyễn Phú Trọng … ", -7, 0, 0.1 + 0.2, False, dt.date(1975, 4, 30), dt.datetime(2000, 1, 1)),
    ("", 0, -1, -0.0, False, None, None),
]


@pytest.mark.parametrize("rows", [ROWS, ROWS[1:2], ROWS * 50], ids=["mixed", "all-null", "many"])
def test_lists_and_arrow_store_the_same_values(rows, monkeypatch):
    stored = {}
    for way, limit in (("lists", 10**9), ("arrow", 0)):
        monkeypatch.setattr(connections, "ARROW_MIN_VALUES", limit)
        con = duckdb.connect()
        con.execute("CREATE TABLE t (" + ", ".join(f'"{c}" {t}' for c, t in COLUMNS) + ")")
        insert_rows(con, "t", COLUMNS, rows)
        stored[way] = con.execute("SELECT *, typeof(value) FROM t ORDER BY rowid").fetchall()
    assert stored["lists"] == stored["arrow"]
    assert [r[:7] for r in stored["lists"]] == rows


def _ordered_tables(db: str) -> dict[str, list]:
    """Every table's rows in the order they were stored (the time of ingest left out)."""
    con = duckdb.connect(db, read_only=True)
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE table_name NOT IN "
                                            "('runs', 'problems', 'migrations', 'reference_tables')").fetchall()]
        return {t: con.execute(f"SELECT * {'EXCLUDE (ingested_at)' if t == 'documents' else ''} FROM {t} "
                               "ORDER BY rowid").fetchall() for t in tables}
    finally:
        con.close()


def test_an_ingest_stores_the_same_rows_through_lists_and_through_arrow(tmp_path, monkeypatch):
    """The bundled corpus with every table through lists, then through Arrow."""
    stored = {}
    for way, limit in (("lists", 10**9), ("arrow", 0)):
        monkeypatch.setattr(connections, "ARROW_MIN_VALUES", limit)
        db = str(tmp_path / f"{way}.duckdb")
        assert main(["ingest", "--db", db, "--quiet"]) == 0
        stored[way] = _ordered_tables(db)
    assert stored["lists"]["counts"] and stored["lists"]["sentences"]  # the comparison compares something
    assert stored["lists"] == stored["arrow"]
