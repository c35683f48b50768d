"""The README's examples are what a new user copies first: every SQL example runs on a database of
the bundled corpus and prints the table shown under it (`vietmine sql --format markdown`); the
worked example of checking the facts (`vietmine gold export`, `vietmine eval`) prints what it shows;
the citation graph it draws is the bundled corpus's; the command table lists every command of the
parser; and every file it names is in the repository."""
import io
import json
import re
import shutil

import pytest

import vietmine
from tests.conftest import ROOT
from tests.util import q
from vietmine.cli import build_parser, main, print_frame

README = (ROOT / "README.md").read_text(encoding="utf-8")
# a ```sql block, then (after at most a line of text) the Markdown table of its result
EXAMPLES = re.findall(r"```sql\n(.*?)```\n(?:[^|\n][^\n]*\n)?\n?((?:\|[^\n]*\n)+)", README, flags=re.S)
CONSOLE = re.findall(r"```console\n(.*?)```", README, flags=re.S)


def test_every_sql_example_shows_its_result():
    blocks = re.findall(r"```sql\n", README)
    assert len(EXAMPLES) == len(blocks) > 0, "a ```sql block without the table of its result under it"


@pytest.mark.parametrize("query, shown", EXAMPLES, ids=[q.strip().splitlines()[0][:60] for q, _ in EXAMPLES])
def test_readme_query_prints_what_the_readme_shows(query, shown, sample_db):
    with vietmine.open(sample_db) as db:
        result = db.sql(query)
    assert len(result), "an example that finds nothing shows nothing"
    out = io.StringIO()
    print_frame(result, "markdown", out)
    assert out.getvalue().strip() == shown.strip()


def _sessions():
    """The console blocks as (command, what it prints) pairs."""
    for block in CONSOLE:
        for part in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, shown = part.partition("\n")
            yield command, shown


def test_the_worked_example_of_checking_the_facts_prints_what_the_readme_shows(sample_db, tmp_path, monkeypatch,
                                                                               capsys):
    """Run in a folder whose outputs/vietmine.duckdb is the bundled corpus's, as after `vietmine ingest`;
    between the two console blocks, the correction the README describes."""
    (tmp_path / "outputs").mkdir()
    shutil.copy(sample_db, tmp_path / "outputs" / "vietmine.duckdb")
    monkeypatch.chdir(tmp_path)
    sessions = list(_sessions())
    assert [c.split()[:2] for c, _ in sessions] == [["vietmine", "gold"], ["vietmine", "eval"], ["vietmine", "eval"]]
    for i, (command, shown) in enumerate(sessions):
        if i == 2:  # the correction described between the blocks
            assert '"95% trở lên cơ quan"' in README
            added = {"value": 54, "head": "doanh nghiệp", "cmp": "eq", "percent": False, "of": 54}
            assert f"`{json.dumps(added, ensure_ascii=False)}`" in README
            draft = tmp_path / "draft.jsonl"
            lines = [json.loads(line) for line in draft.read_text(encoding="utf-8").splitlines()]
            lines[0]["counts"] = [c for c in lines[0]["counts"] if c["surface"] != "95% trở lên cơ quan"] + [added]
            draft.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
        assert main(command.split()[1:]) == 0
        captured = capsys.readouterr()
        assert captured.err + captured.out == shown, command


def test_the_graph_drawn_is_the_bundled_corpus_s(sample_db):
    (chart,) = re.findall(r"```mermaid\n(.*?)```", README, flags=re.S)
    nodes = dict(re.findall(r"(\w+)\[\"([^<\"]+)<br>", chart))
    drawn = {(nodes[a], rel, nodes[b]) for a, rel, b in re.findall(r"(\w+)\[[^\]]*\] -- (\w+) --> (\w+)", chart)}
    assert drawn == set(q(sample_db, "SELECT src_key, relation, dst_key FROM legal_links"))


def test_the_amount_the_readme_describes():
    (amount,) = vietmine.extract("Tổng vốn đầu tư của dự án là 1.200 tỷ đồng.")["amounts"]
    assert (amount["surface"], amount["value"], amount["unit"]) == ("1.200 tỷ đồng", 1200000000000, "đồng")
    assert '`surface` "1.200 tỷ đồng", `value` 1200000000000 and `unit` "đồng"' in README


def test_the_command_table_lists_every_command():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(re.findall(r"^\| `vietmine (\w+)", README, re.M)) == set(sub.choices)


def test_every_file_the_readme_names_is_in_the_repository():
    """Links, images and paths of the repository (the shared DOMAIN.md and GUIDE.md are named as not in it)."""
    named = set(re.findall(r"\]\(([^)#]+)\)", README))
    named |= {p for p in re.findall(r"`([\w./-]+\.(?:py|md|json|png))`", README) if "/" in p}
    assert named and all((ROOT / p).exists() for p in named), [p for p in named if not (ROOT / p).exists()]
    for shared in ("DOMAIN.md", "GUIDE.md"):
        for m in re.finditer(shared, README):
            assert "shared" in README[max(0, m.start() - 120):m.end() + 60], f"{shared} named as if in the repository"
