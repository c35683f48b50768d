"""Every SQL example of the README runs on a database of the bundled corpus (the examples are
what a new user copies first)."""
import re

import pytest

import vietmine
from tests.conftest import ROOT
from vietmine.cli import main

BLOCKS = re.findall(r"```sql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture(scope="module")
def bundled_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("readme") / "r.duckdb")
    assert main(["ingest", "--db", db, "--quiet"]) == 0
    return db


@pytest.mark.parametrize("query", [b for b in BLOCKS if "read_parquet" not in b],
                         ids=lambda b: b.strip().splitlines()[0][:60])
def test_readme_query_runs(query, bundled_db):
    with vietmine.open(bundled_db) as db:
        db.sql(query)


def test_the_chain_example_walks_back_through_identities(bundled_db):
    (chain,) = [b for b in BLOCKS if "RECURSIVE" in b]
    with vietmine.open(bundled_db) as db:
        rows = db.sql(chain)
    assert list(rows[["src", "relation", "dst"]].itertuples(index=False, name=None)) == [
        ("250/KH-BCA-V05@2020", "implements", "07/CT-BCA-V28@2014")]


def test_the_command_table_lists_every_command():
    from vietmine.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert set(re.findall(r"^\| `vietmine (\w+)", readme, re.M)) == set(sub.choices)
