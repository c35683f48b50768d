"""The writer hands rows to DuckDB two ways (pipeline/connections.py rows_relation): a local run's
Python rows as lists of query parameters, the distributed engine's shards as Arrow tables. Both
must store the very same values, in the same order, with the same types and NULLs."""
import datetime as dt

import duckdb
import pytest

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
def test_lists_and_arrow_store_the_same_values(rows):
    stored = {}
    for way, given in (("lists", rows), ("arrow", connections.arrow_table(COLUMNS, rows))):
        con = duckdb.connect()
        con.execute("CREATE TABLE t (" + ", ".join(f'"{c}" {t}' for c, t in COLUMNS) + ")")
        insert_rows(con, "t", COLUMNS, given)
        stored[way] = con.execute("SELECT *, typeof(value) FROM t ORDER BY rowid").fetchall()
    assert stored["lists"] == stored["arrow"]
    assert [r[:7] for r in stored["lists"]] == rows


def test_a_local_ingest_loads_no_frame_library(tmp_path):
    """pyarrow, numpy and pandas cost the writer 0.3 s and about 90 MB of peak memory, and wrote
    no faster (connections.py): not even for a batch as large as a thousand articles make."""
    import json
    import subprocess
    import sys

    from vietmine.corpus import SAMPLE_DIR

    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:  # the bundled articles, each 130 times with a line of its own
        for i in range(130):
            for f in sorted(SAMPLE_DIR.glob("*.txt")):
                text = f.read_text(encoding="utf-8") + f"\nBản số {i}."
                out.write(json.dumps({"id": f"{f.stem}-{i}", "text": text}, ensure_ascii=False) + "\n")
    code = ("import sys; from vietmine.cli import main; main(['ingest', sys.argv[1], '--db', sys.argv[2], '--quiet']); "
            "print(sorted(m for m in ('pyarrow', 'pandas', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(feed), str(tmp_path / "t.duckdb")], capture_output=True,
                         text=True, check=True, cwd=tmp_path).stdout
    assert out.strip().splitlines()[-1] == "[]"
    con = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    # more values in one batch's table than the old bound for Arrow (50,000)
    assert con.execute("SELECT count(*) * (SELECT count(*) FROM duckdb_columns() WHERE table_name = 'sentences') "
                       "FROM sentences").fetchone()[0] > 50_000
