"""Fast start (issue 24): the reading commands load only what they use. Each case runs one command
in a fresh Python process and lists the modules it loaded; the heavy ones (pandas, numpy, pyarrow,
spaCy, underthesea, the extractors and their `regex`) must not be among them. Timings are
bench/startup.py's, not a test's."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

# runs the command as `vietmine` does, then writes the names of the loaded modules to argv[1]
PROBE = """import json, sys
from vietmine.cli import main
code = main(sys.argv[2:])
sys.stdout.flush()
with open(sys.argv[1], "w") as fh:
    json.dump({"code": code, "modules": sorted(sys.modules)}, fh)
"""

PIPELINE = ("pandas", "spacy", "underthesea", "regex", "vietmine.extractors", "vietmine.gazetteer")
HEAVY = (*PIPELINE, "numpy", "pyarrow")


@pytest.mark.parametrize("argv, absent, output", [
    pytest.param(["sql", "SELECT 1"], HEAVY, "1", id="sql-select-1"),
    pytest.param(["sql", "SELECT code, count(*) AS n FROM legal_refs GROUP BY 1 ORDER BY 2 DESC", "--format", "csv"],
                 HEAVY, "code,n", id="sql-csv"),
    pytest.param(["sql", "SELECT doc_id, is_percent, start_char FROM counts", "--format", "json"], HEAVY, '"doc_id"',
                 id="sql-json"),
    pytest.param(["sql", "SELECT * FROM counts"], HEAVY, "doc_id", id="sql-table-every-plain-type"),
    pytest.param(["sql", "SELECT name, level FROM places WHERE level = $level", "--param", "level", "tỉnh",
                  "--format", "markdown"], HEAVY, "| name", id="sql-markdown-param"),
    pytest.param(["sql", "SUMMARIZE documents"], HEAVY, "column_name", id="sql-summarize"),
    # read through Arrow: a DATE column (DuckDB's rows hold no infinite date), and numbers CSV or JSON
    # must convert one by one (Arrow hands them over faster): pyarrow and its numpy, but still no pandas
    pytest.param(["sql", "SELECT value FROM dates LIMIT 3", "--format", "json"], PIPELINE, '"value"',
                 id="sql-dates-through-arrow"),
    pytest.param(["sql", "SELECT avg(value) AS mean FROM counts", "--format", "csv"], PIPELINE, "mean",
                 id="sql-csv-float-through-arrow"),
    pytest.param(["tables"], HEAVY, "legal_refs", id="tables"),
    pytest.param(["tables", "--format", "csv"], HEAVY, "table,kind,rows,columns", id="tables-csv"),
    pytest.param(["schema"], HEAVY, "CREATE TABLE", id="schema"),
    pytest.param(["schema", "counts"], HEAVY, "CREATE TABLE counts", id="schema-one-table"),
    pytest.param(["stats"], HEAVY, "top documents by facts", id="stats"),
])
def test_a_reading_command_loads_no_heavy_module(argv, absent, output, sample_db, tmp_path):
    report = tmp_path / "modules.json"
    out = subprocess.run([sys.executable, "-c", PROBE, str(report), *argv, "--db", sample_db],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr
    assert output in out.stdout
    loaded = json.loads(report.read_text())
    assert loaded["code"] == 0
    heavy = sorted(m for m in loaded["modules"] if m.split(".")[0] in absent or m.startswith(absent))
    assert heavy == [], f"`vietmine {argv[0]}` loaded {heavy[:8]}"


def test_the_probe_sees_a_heavy_module_when_one_is_loaded(sample_db, tmp_path):
    """The same probe on the API's DataFrame path: pandas shows, so an empty list above means something."""
    report = tmp_path / "modules.json"
    probe = PROBE.replace("code = main(sys.argv[2:])",
                          "import vietmine; vietmine.open(sys.argv[-1]).tables(); code = 0")
    subprocess.run([sys.executable, "-c", probe, str(report), sample_db], check=True, cwd=tmp_path, timeout=120)
    assert "pandas" in json.loads(report.read_text())["modules"]


def _ingest_modules(tmp_path, db: str, source) -> list[str]:
    report = tmp_path / "modules.json"
    out = subprocess.run([sys.executable, "-c", PROBE, str(report), "ingest", str(source), "--db", db, "--quiet"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert out.returncode == 0, out.stderr
    loaded = json.loads(report.read_text())
    assert loaded["code"] == 0
    return loaded["modules"]


def _heavy(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in names)


def test_an_increment_loads_no_frame_library(sample_copy, tmp_path):
    """Issue 24: an ingest of a few new articles into an existing database writes its rows as plain
    lists (pipeline/connections.py insert_rows); the frame libraries cost more than the writing."""
    sample = sorted((Path(__file__).parents[1] / "corpus" / "sample").glob("*.txt"))[0]
    article = tmp_path / "new" / "article.txt"
    article.parent.mkdir()
    # a new source with new content: loaded, not skipped as a copy of the stored one
    article.write_text(sample.read_text(encoding="utf-8") + "\n\nBài mới.\n", encoding="utf-8")
    modules = _ingest_modules(tmp_path, sample_copy, article)
    assert _heavy(modules, ("pandas", "numpy", "pyarrow")) == []
    assert "vietmine.extractors" in modules  # the probe saw a real ingest


def test_an_ingest_into_a_new_database_loads_no_pandas(tmp_path):
    """A new database also fills its reference tables (14,000 official units), once: as lists too."""
    sample = Path(__file__).parents[1] / "corpus" / "sample"
    modules = _ingest_modules(tmp_path, str(tmp_path / "new.duckdb"), sample)
    assert _heavy(modules, ("pandas", "numpy", "pyarrow")) == []
