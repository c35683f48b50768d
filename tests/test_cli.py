"""The `vietmine` command as sqlite-utils and datasette users expect it: help with defaults, one
rendering of NULL and plain numbers in every format, queries from files, standard input and
named parameters, tables/schema, a SQLite export, file selection, one-line errors, and a quiet
end when the reader of a pipe goes away."""
import csv
import io
import json
import re
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.conftest import ROOT, shared_path
from tests.util import FACT_TABLES
from tests.util import q as duck
from vietmine.cli import build_parser, main
from vietmine.corpus import SAMPLE_DIR


def commands() -> list[str]:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return sorted(sub.choices)


# -- help and version

def test_no_command_prints_the_help_with_every_command(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: vietmine")
    for cmd in commands():
        assert cmd in out


def test_version(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert re.fullmatch(r"vietmine \S+\n", capsys.readouterr().out)


@pytest.mark.parametrize("cmd, default", [
    ("ingest", "(default: outputs/vietmine.duckdb)"),
    ("ingest", "(default: 1000)"),
    ("ingest", "(default: 30.0)"),
    ("sql", "(default: table)"),
    ("export", "(default: parquet,csv)"),
    ("report", "(default: outputs/report.html)"),
], ids=lambda v: v if isinstance(v, str) and " " not in v else None)
def test_help_shows_defaults_and_keeps_examples_as_written(cmd, default, capsys):
    with pytest.raises(SystemExit):
        main([cmd, "--help"])
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps long lines
    assert default in out
    assert "example: vietmine " + cmd in out
    assert "(default: None)" not in out and "(default: False)" not in out


# One real run of each command through main() on a copy of the bundled corpus's database, with a
# piece of what it must print; the commands come from the parser, so a new command without a run
# here fails by name.
COMMAND_RUNS = {
    "ingest": (lambda d: ["ingest"], "5 inputs: 0 loaded, 0 replaced, 5 unchanged"),
    "load": (lambda d: ["load", str(d / "no-shards")], "loaded from"),
    "sql": (lambda d: ["sql", "SELECT count(*) AS n FROM documents", "--format", "csv"], "n\n5\n"),
    "tables": (lambda d: ["tables"], "legal_refs"),
    "schema": (lambda d: ["schema", "places"], "CREATE TABLE places("),
    "eval": (lambda d: ["eval", str(ROOT / "tests" / "fixtures" / "gold_one_doc.jsonl")], "links"),
    "stats": (lambda d: ["stats"], "top documents by facts:"),
    "graph": (lambda d: ["graph", "--out", str(d / "g"), "--format", "json"], "directives.json"),
    "report": (lambda d: ["report", "--out", str(d / "r.html")], "self-contained"),
    "show": (lambda d: ["show", "004_a003ad0d4c678184.txt", "--kinds", "places"], "[thị xã Ninh Hòa|places:"),
    "export": (lambda d: ["export", "--out", str(d / "x")], "exported"),
    "docbin": (lambda d: ["docbin", "--out", str(d / "v.spacy")], "5 documents"),
    "reextract": (lambda d: ["reextract", "--quiet"], "0 documents re-extracted"),
    "gold": (lambda d: ["gold", "export", "004_a003ad0d4c678184.txt", "--out", str(d / "g.jsonl")], "(1 document, "),
    "remove": (lambda d: ["remove", str(SAMPLE_DIR / "004_a003ad0d4c678184.txt")], "removed 1 document with "),
}


@pytest.mark.parametrize("cmd", commands())
def test_every_command_runs_through_the_cli(cmd, sample_copy, tmp_path, capsys):
    assert cmd in COMMAND_RUNS, f"no run of `vietmine {cmd}` in COMMAND_RUNS"
    argv, expected = COMMAND_RUNS[cmd]
    (tmp_path / "no-shards").mkdir()
    assert main([*argv(tmp_path), "--db", sample_copy]) == 0
    assert expected in capsys.readouterr().out


# -- sql: rendering

LITERALS = ("SELECT 27::DOUBLE AS v, 2.18e11::DOUBLE AS big, 0.5::DOUBLE AS half, NULL::INTEGER AS n, "
            "3::INTEGER AS i, DATE '2019-01-22' AS d, true AS b, 'Khánh Hòa' AS s, NULL::VARCHAR AS t")


@pytest.mark.parametrize("fmt, parse, expected", [
    ("csv", lambda out: list(csv.reader(io.StringIO(out))),
     [["v", "big", "half", "n", "i", "d", "b", "s", "t"],
      ["27", "218000000000", "0.5", "", "3", "2019-01-22", "true", "Khánh Hòa", ""]]),
    ("json", json.loads,
     [{"v": 27, "big": 218000000000, "half": 0.5, "n": None, "i": 3, "d": "2019-01-22", "b": True,
       "s": "Khánh Hòa", "t": None}]),
    ("markdown", lambda out: [[c.strip() for c in line.strip("|").split("|")] for line in out.splitlines()],
     [["v", "big", "half", "n", "i", "d", "b", "s", "t"],
      ["--:", "--:", "--:", "--:", "--:", ":--", ":--", ":--", ":--"],
      ["27", "218000000000", "0.5", "NULL", "3", "2019-01-22", "true", "Khánh Hòa", "NULL"]]),
    ("table", lambda out: re.split(r"\s{2,}", out.splitlines()[2].strip()),
     ["27", "218000000000", "0.5", "NULL", "3", "2019-01-22", "true", "Khánh Hòa", "NULL"]),
])
def test_sql_renders_null_numbers_and_dates_once_per_format(fmt, parse, expected, sample_db, capsys):
    assert main(["sql", LITERALS, "--db", sample_db, "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "markdown":  # the rule row: how many dashes depends on the widths; alignment does not
        rows = parse(out)
        rows[1] = [re.sub("-+", "--", c) for c in rows[1]]
        assert rows == expected
    else:
        assert parse(out) == expected
    assert "e+" not in out and "NaN" not in out and "None" not in out


@pytest.mark.parametrize("fmt", ["csv", "json", "table", "markdown"])
def test_sql_integer_column_with_nulls_stays_integer(fmt, sample_db, capsys):
    query = "SELECT * FROM (VALUES (1, 'a'), (NULL, 'b'), (1234567, 'c')) t(i, s) ORDER BY s"
    assert main(["sql", query, "--db", sample_db, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "1234567" in out and "1.0" not in out and "1234567.0" not in out


def test_sql_dates_of_a_real_table_are_iso_in_json(sample_db, capsys):
    assert main(["sql", "SELECT value FROM dates WHERE precision = 'day' ORDER BY value LIMIT 3",
                 "--db", sample_db, "--format", "json"]) == 0
    values = [r["value"] for r in json.loads(capsys.readouterr().out)]
    assert len(values) == 3 and all(re.fullmatch(r"\d{4}-\d\d-\d\d", v) for v in values)


# -- sql: where the query comes from

QUERY = "SELECT count(*) AS n FROM documents"


@pytest.mark.parametrize("source", ["argument", "file", "stdin-dash", "file-dash"])
def test_sql_query_from_argument_file_or_stdin(source, sample_db, tmp_path, capsys, monkeypatch):
    path = tmp_path / "q.sql"
    path.write_text(QUERY + ";\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(QUERY))
    argv = {"argument": [QUERY], "file": ["--file", str(path)], "stdin-dash": ["-"], "file-dash": ["--file", "-"]}
    assert main(["sql", *argv[source], "--db", sample_db, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "5"]


@pytest.mark.parametrize("query, params", [
    ("SELECT count(*) AS n FROM legal_refs WHERE code = $code", [("code", "09-CT/TW")]),
    ("SELECT count(*) AS n FROM dates WHERE year(value) = $y AND precision = $p", [("y", "2019"), ("p", "day")]),
    ("SELECT count(*) AS n FROM counts WHERE value >= $v", [("v", "10.5")]),
], ids=["string", "integer-and-string", "float"])
def test_sql_named_parameters_equal_the_literal_query(query, params, sample_db, capsys):
    argv = [a for name, value in params for a in ("--param", name, value)]
    assert main(["sql", query, *argv, "--db", sample_db, "--format", "csv"]) == 0
    got = capsys.readouterr().out.splitlines()
    literal = query
    for name, value in params:
        literal = literal.replace(f"${name}", value if re.fullmatch(r"[\d.]+", value) else f"'{value}'")
    assert got == ["n", str(duck(sample_db, literal)[0][0])]


# -- errors: one line, never a traceback

def _gold(tmp_path, text, name="gold.jsonl"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


ERRORS = [
    ("empty-query", lambda t: ["sql", ""], 1, "empty query"),
    ("blank-query", lambda t: ["sql", "  \n "], 1, "empty query"),
    ("no-query", lambda t: ["sql"], 1, "no query"),
    ("failing-query", lambda t: ["sql", "SELEC 1"], 1, "syntax error"),
    ("missing-parameter", lambda t: ["sql", "SELECT $x AS x"], 1, "x"),
    ("query-file-missing", lambda t: ["sql", "--file", str(t / "none.sql")], 2, "cannot read query file"),
    ("unknown-table", lambda t: ["schema", "countz"], 1, "did you mean counts"),
    ("gold-missing", lambda t: ["eval", str(t / "none.jsonl")], 2, "no gold file at"),
    ("gold-not-json", lambda t: ["eval", _gold(t, '{"doc": "a.txt"}\n{not json\n')], 2, "gold.jsonl:2: not a JSON line"),
    ("gold-no-doc", lambda t: ["eval", _gold(t, '{"legal_refs": []}\n')], 2, 'gold.jsonl:1: an entry needs a "doc"'),
    ("gold-empty", lambda t: ["eval", _gold(t, "\n")], 2, "holds no gold entries"),
    ("gold-not-in-db", lambda t: ["eval", _gold(t, '{"doc": "x.txt"}\n{"doc": "y.txt"}\n')], 2,
     "none of the 2 documents of"),
    ("gold-malformed-entry", lambda t: ["eval", _gold(t, '{"doc": "004_a003ad0d4c678184.txt", "counts": [{"head": "xã"}]}\n')],
     2, "malformed gold entry (KeyError: 'value')"),
    ("no-such-path", lambda t: ["ingest", str(t / "nowhere")], 2, "no such path"),
    ("remove-unknown-document", lambda t: ["remove", str(t / "never-ingested.txt")], 1, "nothing removed"),
]


@pytest.mark.parametrize("argv, code, message", [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_user_errors_are_one_line(argv, code, message, sample_db, tmp_path, capsys):
    assert main([*argv(tmp_path), "--db", sample_db]) == code
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_folder_without_supported_files_names_what_is_not_read(tmp_path, capsys):
    folder = tmp_path / "scans"
    folder.mkdir()
    for name in ("a.pdf", "b.pdf", "c.docx"):
        (folder / name).write_bytes(b"%PDF-1.4")
    db = tmp_path / "t.duckdb"
    assert main(["ingest", str(folder), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "no supported files in" in err and "2 .pdf, 1 .docx files are not read" in err
    assert len(err.strip().splitlines()) == 1
    assert not db.exists()  # nothing was opened, let alone written


def test_eval_names_the_gold_keys_it_does_not_score_and_always_gives_coverage(sample_db, tmp_path, capsys):
    gold = _gold(tmp_path, '{"doc": "004_a003ad0d4c678184.txt", "dates": ["2019-01-22"], "vehicles": [], '
                           '"weather": ["mưa"]}\n{"doc": "000_12abbadf6209466f.txt", "vehicles": []}\n')
    assert main(["eval", gold, "--db", sample_db]) == 0
    err = capsys.readouterr().err
    assert "vietmine eval: 2 of the 2 gold documents are in" in err and "count as missed" not in err
    assert "not scored (no fact kind has these gold keys): vehicles (2 lines), weather (1 lines)" in err


def test_ingest_summary_lists_every_fact_table_and_its_total_adds_up(tmp_path, capsys):
    from vietmine.facts import TABLES

    assert main(["ingest", "--db", str(tmp_path / "s.duckdb")]) == 0
    out = capsys.readouterr().out
    total = int(re.search(r"; (\d+) facts -> ", out).group(1))
    listed = dict(kv.split("=") for kv in re.search(r"^database: (.*)$", out, re.M).group(1).split(", "))
    assert list(listed) == ["documents", *TABLES]
    assert sum(int(listed[t]) for t in TABLES) == total > 0


def test_eval_says_how_many_gold_documents_were_found(sample_db, tmp_path, capsys):
    gold = _gold(tmp_path, '{"doc": "004_a003ad0d4c678184.txt", "dates": ["2019-01-22"]}\n{"doc": "elsewhere.txt"}\n')
    assert main(["eval", gold, "--db", sample_db]) == 0
    captured = capsys.readouterr()
    assert "1 of the 2 gold documents are in" in captured.err
    assert "dates" in captured.out


# -- a closed pipe

@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_closed_pipe_ends_quietly(fmt, sample_db):
    """`vietmine sql ... | head -1` on a large result: no traceback, no error message."""
    proc = subprocess.Popen([sys.executable, "-m", "vietmine", "sql", "SELECT range AS i, 'một hai ba' AS s FROM range(400000)",
                             "--db", sample_db, "--format", fmt], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader goes away long before the 400,000 rows are written
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert first
    assert err == "" and proc.returncode in (0, 1)


# -- tables, schema, export

def test_tables_lists_rows_per_table_and_view(sample_db, capsys):
    assert main(["tables", "--db", sample_db, "--format", "csv"]) == 0
    rows = {r["table"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    for table in ("documents", "legal_refs", "counts", "places", "dates", "sentences", "citations"):
        assert int(rows[table]["rows"]) == duck(sample_db, f"SELECT count(*) FROM {table}")[0][0]
    assert rows["documents"]["rows"] == "5"
    assert rows["citations"]["kind"] == "view" and rows["counts"]["kind"] == "table"


@pytest.mark.parametrize("argv, present, absent", [
    ([], ["CREATE TABLE documents(", "CREATE TABLE counts(", "CREATE VIEW citations"], []),
    (["counts"], ["CREATE TABLE counts(", "surface VARCHAR"], ["CREATE TABLE documents"]),
    (["citations"], ["CREATE VIEW citations"], ["CREATE TABLE"]),
], ids=["all", "one-table", "one-view"])
def test_schema(argv, present, absent, sample_db, capsys):
    assert main(["schema", *argv, "--db", sample_db]) == 0
    out = capsys.readouterr().out
    assert all(p in out for p in present) and not any(a in out for a in absent)


def test_export_sqlite_opens_with_sqlite3_and_holds_every_row(sample_db, tmp_path, capsys):
    out = tmp_path / "facts.sqlite"
    assert main(["export", "--format", "sqlite", "--out", str(out), "--db", sample_db]) == 0
    assert str(out) in capsys.readouterr().out
    con = sqlite3.connect(out)
    try:
        tables = {t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                  if not t.startswith("documents_fts")}
        duck_tables = {t for (t,) in duck(sample_db, "SELECT table_name FROM information_schema.tables")}
        assert tables == duck_tables
        for t in tables:
            assert con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] == \
                duck(sample_db, f'SELECT count(*) FROM "{t}"')[0][0], t
        pk = [name for _, name, _, _, _, is_pk in con.execute("PRAGMA table_info(documents)") if is_pk]
        assert pk == ["doc_id"]
        for t in ("legal_refs", "counts", "places", "dates", "sentences"):
            indexed = {c for (_, idx, *_rest) in con.execute(f"PRAGMA index_list({t})").fetchall()
                       for (_, _, c) in con.execute(f"PRAGMA index_info({idx})")}
            assert indexed == {"doc_id"}, t
        # dates as ISO text, booleans as 0/1, and the same values as in DuckDB
        assert con.execute("SELECT min(value) FROM dates").fetchone()[0] == str(duck(sample_db, "SELECT min(value) FROM dates")[0][0])
        assert {b for (b,) in con.execute("SELECT DISTINCT is_percent FROM counts")} <= {0, 1}
        # a join datasette users write: every fact's document is there, and declared so
        assert con.execute("SELECT count(*) FROM counts LEFT JOIN documents USING (doc_id) "
                           "WHERE documents.doc_id IS NULL").fetchone()[0] == 0
        assert [(r[2], r[3], r[4]) for r in con.execute("PRAGMA foreign_key_list(counts)")] == [
            ("documents", "doc_id", "doc_id")]
        # full-text search over the documents, as datasette offers it (blind to tone marks, as SQLite's
        # unicode61 tokenizer is)
        hits = con.execute("SELECT d.doc_id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid "
                           "WHERE documents_fts MATCH ?", ['"Công an xã"']).fetchall()
        having = duck(sample_db, "SELECT doc_id FROM documents WHERE regexp_matches(strip_accents(lower(text)), "
                                 "'(^|\\W)cong an xa(\\W|$)')")
        assert 0 < len(hits) < 5 and sorted(hits) == sorted(having)
    finally:
        con.close()
    meta = json.loads((tmp_path / "facts.metadata.json").read_text(encoding="utf-8"))
    counts_meta = meta["databases"]["facts"]["tables"]["counts"]
    assert "category" in counts_meta["facets"] and counts_meta["description"].startswith("A number of things")


@pytest.mark.parametrize("argv, written, says", [
    ([], {".parquet", ".csv"}, "(Parquet and CSV)"),
    (["--format", "csv"], {".csv"}, "(CSV)"),
    (["--format", "parquet"], {".parquet"}, "(Parquet)"),
], ids=["default", "csv", "parquet"])
def test_export_writes_the_formats_asked_for(argv, written, says, sample_db, tmp_path, capsys):
    out = tmp_path / "export"
    assert main(["export", "--out", str(out), "--db", sample_db, *argv]) == 0
    assert says in capsys.readouterr().out
    assert {p.suffix for p in out.iterdir()} == written
    counts = out / ("counts.csv" if ".csv" in written else "counts.parquet")
    read = pd.read_csv if counts.suffix == ".csv" else pd.read_parquet
    assert len(read(counts)) == duck(sample_db, "SELECT count(*) FROM counts")[0][0]


def _help_examples() -> list[str]:
    """Every example command line the help texts show (`vietmine --help` and each command's)."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    texts = [parser.format_help()] + [p.format_help() for p in sub.choices.values()]
    return sorted({line.strip().split("  #")[0].strip() for t in texts for line in t.splitlines()
                   if line.strip().startswith("vietmine ")})


@pytest.mark.parametrize("example", [e for e in _help_examples() if "$" in e])
def test_help_examples_survive_the_shell_as_written(example):
    """Pasted into bash, a `$name` of an example reaches vietmine as written (not expanded away)."""
    shown = subprocess.run(["bash", "-uc", 'vietmine() { printf "%s\\n" "$@"; }; ' + example],
                           capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines() == shlex.split(example)[1:]


# -- ingest: which files of a folder are read

@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "in"
    files = {"a.txt": "Chỉ thị số 09-CT/TW được quán triệt tại tỉnh Khánh Hòa.",
             "SOURCES.md": "Nguồn: báo Khánh Hòa, ngày 22/01/2019.",
             "drafts/b.txt": "Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư.",
             "c.html": "<html><body><p>Huyện Vạn Ninh có 27 xã đạt chuẩn nông thôn mới.</p></body></html>",
             "x.pdf": "%PDF-1.4"}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("options, loaded", [
    ([], {"a.txt", "SOURCES.md", "drafts/b.txt", "c.html"}),
    (["--exclude", "SOURCES.md"], {"a.txt", "drafts/b.txt", "c.html"}),
    (["--exclude", "drafts"], {"a.txt", "SOURCES.md", "c.html"}),
    (["--exclude", "*.md", "--exclude", "*.html"], {"a.txt", "drafts/b.txt"}),
    (["--glob", "*.txt"], {"a.txt", "drafts/b.txt"}),
    (["--glob", "*.txt", "--exclude", "drafts/*"], {"a.txt"}),
    (["--glob", "*.html", "--glob", "*.md"], {"SOURCES.md", "c.html"}),
], ids=["all", "exclude-name", "exclude-folder", "exclude-twice", "glob", "glob-and-exclude", "glob-twice"])
def test_ingest_glob_and_exclude_choose_the_files_of_a_folder(options, loaded, folder, tmp_path, capsys):
    db = str(tmp_path / "t.duckdb")
    assert main(["ingest", str(folder), *options, "--db", db, "--quiet"]) == 0
    paths = {Path(p).relative_to(folder).as_posix() for (p,) in duck(db, "SELECT source_path FROM documents")}
    assert paths == loaded
    out = capsys.readouterr().out
    # the PDF is named as not read unless --glob already leaves it out
    assert ("not read: 1 .pdf files" in out) == ("--glob" not in options)


# -- surface text of every fact


def _surface_mismatches(db) -> dict[str, tuple[int, int]]:
    """(rows, rows whose surface differs from the 1-based SQL substring of its offsets) per table."""
    return {t: tuple(duck(db, f"""SELECT count(*), count(*) FILTER (WHERE f.surface IS DISTINCT FROM
                                      substr(d.text, f.start_char + 1, f.end_char - f.start_char))
                                  FROM {t} f JOIN documents d USING (doc_id)""")[0]) for t in FACT_TABLES}


# sentences of ../shared/texts holding amounts and periods, which the bundled corpus lacks
PLAN_SENTENCES = """Thời gian thực hiện: Từ năm 2013 đến năm 2020 và tiếp theo.
a) Gia đình hạ sĩ quan, chiến sĩ gặp tai nạn, hỏa hoạn, thiên tai dẫn đến bị sập nhà, trôi nhà, cháy nhà hoặc phải di dời chỗ ở được trợ cấp 2.000.000 đồng/suất/lần.
Căn cứ Quyết định số 3208/QĐ-UBND ngày 03/10/2022 của UBND tỉnh ban hành Đề án đảm bảo cơ sở vật chất cho chương trình giáo dục mầm non và giáo dục phổ thông trên địa bàn tỉnh Bình Định giai đoạn 2022-2025;
"""


def test_every_fact_row_carries_its_surface_text(tmp_path):
    db = str(tmp_path / "t.duckdb")
    (tmp_path / "plan.txt").write_text(PLAN_SENTENCES, encoding="utf-8")
    assert main(["ingest", "--db", db, "--quiet"]) == 0
    assert main(["ingest", str(tmp_path / "plan.txt"), "--db", db, "--quiet"]) == 0
    counts = _surface_mismatches(db)
    # the kinds these texts hold (a kind they lack is checked by its own tests)
    assert all(counts[t][0] > 0 for t in ("legal_refs", "legal_links", "counts", "amounts", "places", "dates",
                                          "periods", "people", "organizations", "abbreviations")), counts
    assert {t: bad for t, (_, bad) in counts.items()} == dict.fromkeys(FACT_TABLES, 0)
    surfaces = {s for (s,) in duck(db, "SELECT surface FROM counts UNION SELECT surface FROM amounts "
                                      "UNION SELECT surface FROM periods")}
    assert {"27/27 xã", "2.000.000 đồng"} <= surfaces  # as written in the bundled article and the plan
    assert any(s.startswith("Từ năm 2013 đến năm 2020") for s in surfaces)


def test_surface_on_the_shared_texts(tmp_path):
    texts = shared_path("texts")
    db = str(tmp_path / "t.duckdb")
    assert main(["ingest", str(texts), "--db", db, "--quiet"]) == 0
    assert {t: bad for t, (_, bad) in _surface_mismatches(db).items()} == dict.fromkeys(FACT_TABLES, 0)


SURFACE_ADDED_BY_MIGRATION_6 = ("legal_links", "counts", "amounts", "places", "dates", "periods", "people",
                                "organizations", "abbreviations")  # the tables of that time (legal_refs had it)


def test_migration_6_fills_the_surface_of_an_older_database(tmp_path):
    db = str(tmp_path / "t.duckdb")
    assert main(["ingest", "--db", db, "--quiet"]) == 0
    con = duckdb.connect(db)  # the database as vietmine before migration 6 left it
    for t in SURFACE_ADDED_BY_MIGRATION_6:
        con.execute(f"ALTER TABLE {t} DROP COLUMN surface")
    con.execute("DELETE FROM migrations WHERE number = 6")
    con.close()
    assert main(["ingest", "--db", db, "--quiet"]) == 0  # the writer applies the missing migration
    counts = _surface_mismatches(db)
    assert all(counts[t][0] > 0 for t in ("legal_links", "counts", "places", "dates", "people"))
    assert {t: bad for t, (_, bad) in counts.items()} == dict.fromkeys(FACT_TABLES, 0)
    assert duck(db, "SELECT count(*) FROM migrations WHERE number = 6")[0][0] == 1
