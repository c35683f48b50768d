"""The README's examples are what a new user copies first: every SQL example runs on a database of
the bundled corpus and prints the table shown under it in the README (`vietmine sql --format
markdown`), and the README's command table lists every command of the parser."""
import io
import re

import pytest

import vietmine
from tests.conftest import ROOT
from vietmine.cli import build_parser, print_frame

README = (ROOT / "README.md").read_text(encoding="utf-8")
# a ```sql block, then (after at most a line of text) the Markdown table of its result
EXAMPLES = re.findall(r"```sql\n(.*?)```\n(?:[^|\n][^\n]*\n)?\n?((?:\|[^\n]*\n)+)", README, flags=re.S)


def test_every_sql_example_shows_its_result():
    blocks = re.findall(r"```sql\n", README)
    assert len(EXAMPLES) == len(blocks) > 0, "a ```sql block without the table of its result under it"


@pytest.mark.parametrize("query, shown", EXAMPLES, ids=[q.strip().splitlines()[0][:60] for q, _ in EXAMPLES])
def test_readme_query_prints_what_the_readme_shows(query, shown, sample_db):
    with vietmine.open(sample_db) as db:
        result = db.sql(query)
    out = io.StringIO()
    print_frame(result, "markdown", out)
    assert out.getvalue().strip() == shown.strip()


def test_the_command_table_lists_every_command():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(re.findall(r"^\| `vietmine (\w+)", README, re.M)) == set(sub.choices)
