"""The package's promises to a newcomer: one installed namespace, extractors that fail loudly,
numbered migrations recorded in the database, and a rules version on every document."""
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import entry_points

import duckdb
import pytest

from tests.conftest import ROOT
from vietmine.cli import main
from vietmine.extractors import EXTRACTORS, load_all
from vietmine.pipeline import extract as extract_stage
from vietmine.pipeline import migrations

FIXTURES = ROOT / "tests" / "fixtures"


def q(db, sql):
    con = duckdb.connect(db, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.slow
def test_the_wheel_installs_only_the_vietmine_namespace(tmp_path):
    # built from a copy: setuptools writes build/ and *.egg-info beside the sources it builds
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", ".venv", "outputs", "build", "*.egg-info",
                                                             ".hypothesis", "__pycache__", ".pytest_cache"))
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(src)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {out.stderr.strip().splitlines()[-1:]}")
    (wheel,) = tmp_path.glob("vietmine-*.whl")
    top = {name.split("/")[0] for name in zipfile.ZipFile(wheel).namelist()}
    assert {t for t in top if not t.endswith(".dist-info")} == {"vietmine"}
    names = zipfile.ZipFile(wheel).namelist()
    assert "vietmine/gazetteer/data/legal.json" in names and "vietmine/corpus/sample/000_12abbadf6209466f.txt" in names


def test_the_console_script_is_a_vietmine_module():
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "vietmine"]
    assert script.value == "vietmine.cli:main"


def test_every_extractor_is_loaded_in_its_order():
    assert tuple(load_all()) == EXTRACTORS


@pytest.mark.parametrize("name", EXTRACTORS)
def test_an_unimportable_extractor_stops_the_run_with_its_name(name, tmp_db, monkeypatch, capsys):
    load_all.cache_clear()
    monkeypatch.setitem(sys.modules, f"vietmine.extractors.{name}", None)  # import now raises ImportError
    try:
        assert main(["ingest", "--db", tmp_db]) == 2
    finally:
        load_all.cache_clear()
    err = capsys.readouterr().err.strip()
    assert f"extractor '{name}' cannot be loaded" in err and len(err.splitlines()) == 1
    assert not (ROOT / tmp_db).exists() or q(tmp_db, "SELECT count(*) FROM documents") == [(0,)]


def test_a_new_database_records_every_migration(tmp_db):
    assert main(["ingest", "--db", tmp_db]) == 0
    rows = q(tmp_db, "SELECT number, name FROM migrations ORDER BY number")
    assert rows == [(m.number, m.name) for m in migrations.MIGRATIONS]
    assert q(tmp_db, "SELECT value FROM schema_info WHERE key = 'schema_version'") == [(str(migrations.SCHEMA_VERSION),)]


def test_the_stored_old_schema_is_migrated_and_keeps_its_rows(tmp_path):
    db = str(tmp_path / "old.duckdb")
    shutil.copy(FIXTURES / "schema_v1.duckdb", db)
    before = q(db, "SELECT doc_id FROM documents")
    assert main(["ingest", "--db", db]) == 0
    assert [n for (n,) in q(db, "SELECT number FROM migrations ORDER BY 1")] == list(range(1, migrations.SCHEMA_VERSION + 1))
    assert set(before) <= set(q(db, "SELECT doc_id FROM documents"))  # its text is that of a bundled file
    con = duckdb.connect(db, read_only=True)
    from vietmine.pipeline.store import expected_columns
    assert migrations.check_schema(con, expected_columns()) == []
    con.close()


def test_a_database_from_a_newer_vietmine_is_refused_in_one_line(tmp_db, capsys):
    assert main(["ingest", "--db", tmp_db]) == 0
    con = duckdb.connect(tmp_db)
    con.execute("INSERT INTO migrations VALUES (999, 'from the future', now())")
    con.close()
    capsys.readouterr()
    assert main(["ingest", "--db", tmp_db]) == 2
    err = capsys.readouterr().err.strip()
    assert "newer than this vietmine" in err and len(err.splitlines()) == 1


def test_every_document_records_the_rules_version(tmp_db):
    assert main(["ingest", "--db", tmp_db]) == 0
    assert q(tmp_db, "SELECT DISTINCT rules_version FROM documents") == [(extract_stage.rules_version(),)]


def test_the_rules_version_changes_with_a_rule_data_file(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(extract_stage.DATA_DIR, data)
    before = extract_stage.rules_version()
    monkeypatch.setattr(extract_stage, "DATA_DIR", data)
    extract_stage.rules_version.cache_clear()
    try:
        assert extract_stage.rules_version() == before  # same files, same version
        extract_stage.rules_version.cache_clear()
        (data / "counts.json").write_text((data / "counts.json").read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert extract_stage.rules_version() != before
    finally:
        extract_stage.rules_version.cache_clear()


# -- the layout: one record per fact kind, stages that each do one thing

STAGES = {"analyse", "budget", "clean", "decode", "extract", "identity", "links", "resolve", "resolve_corpus",
          "run", "segment", "engines"}


def _imports(path) -> set[str]:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def test_the_store_only_writes_it_imports_no_stage():
    stages = tuple(f"vietmine.pipeline.{s}" for s in STAGES) + ("vietmine.extractors",)
    imported = _imports(ROOT / "pipeline" / "store.py")
    assert [m for m in imported if m.startswith(stages)] == []


def test_only_corpus_sources_parses_a_source_key():
    import re

    parsing = re.compile(r"""\.jsonl(?:\.gz)?#|split\(["']#["']\)|partition\(["']#["']\)""")
    offenders = [str(p.relative_to(ROOT)) for folder in ("vietmine", "pipeline", "corpus", "views", "extractors")
                 for p in (ROOT / folder).rglob("*.py") if p.name != "sources.py" and parsing.search(p.read_text("utf-8"))]
    assert offenders == []


PLATE_PARTS = dict(table="plates", label="PLATE", color="#cccccc", style="bold", made_by="plates",
                   describe=lambda f: f["plate"], description="a vehicle licence plate")


@pytest.mark.parametrize("broken, says", [
    ({"label": ""}, "no span label"),
    ({"color": "grey"}, "no colour"),
    ({"style": ""}, "no terminal style"),
    ({"made_by": ""}, "no extractor"),
    ({"describe": None}, "no describe"),
    ({"description": ""}, "no description"),
    ({"kb_field": "number"}, "kb_field 'number'"),
    ({"facets": ("province",)}, "facet 'province'"),
], ids=lambda v: next(iter(v)) if isinstance(v, dict) else None)
def test_a_kind_missing_a_part_fails_at_import_naming_the_kind(broken, says):
    from dataclasses import dataclass

    from vietmine.facts import Fact, Kind, KindError

    @dataclass
    class Plate(Fact):
        plate: str
        start_char: int
        end_char: int

    with pytest.raises(KindError, match=f"fact kind 'plates': {says}"):
        Kind(fact_type=Plate, **{**PLATE_PARTS, **broken})


def test_a_scored_kind_without_a_scorer_fails_when_eval_loads(monkeypatch):
    import importlib
    from dataclasses import dataclass

    from vietmine import facts
    from vietmine.views import evaluate

    @dataclass
    class Plate(facts.Fact):
        plate: str
        start_char: int
        end_char: int

    monkeypatch.setattr(facts, "KINDS", [*facts.KINDS, facts.Kind(fact_type=Plate, gold_key="plates", **PLATE_PARTS)])
    try:
        with pytest.raises(facts.KindError, match="fact kind 'plates': eval has no scorer for its gold key 'plates'"):
            importlib.reload(evaluate)
    finally:
        monkeypatch.undo()
        importlib.reload(evaluate)


def test_every_reader_of_the_kinds_sees_every_kind(sample_db):
    """The store's columns, extract(), the extractors, the spaCy component, show and docbin all read
    the kinds' records: none keeps a list of its own."""
    import duckdb

    import vietmine
    from vietmine.facts import KINDS, TABLES
    from vietmine.pipeline.store import expected_columns
    from vietmine.views.docbin import existing_tables
    from vietmine.views.show import parse_kinds

    assert TABLES == [k.table for k in KINDS] and len(set(TABLES)) == len(TABLES)
    assert set(expected_columns()) == {"documents", "sentences", *TABLES}
    assert list(vietmine.extract("Chỉ thị số 09-CT/TW")) == TABLES
    assert set(EXTRACTORS) == {k.made_by for k in KINDS} - {"resolve"}
    assert parse_kinds(None) == TABLES and parse_kinds(",".join(k.label for k in KINDS)) == TABLES
    con = duckdb.connect(sample_db, read_only=True)
    try:
        assert existing_tables(con) == TABLES
    finally:
        con.close()
