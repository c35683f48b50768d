"""The CLI end to end: bundled corpus, shared texts, idempotence, replacement, bad input."""
import gc
import gzip
import json
import shutil
import subprocess
import sys

import pytest

import vietmine
from vietmine.corpus import SAMPLE_DIR
from vietmine.cli import main
from tests.conftest import shared_path
from tests.util import q, row_counts, table_rows



def test_bundled_corpus_then_idempotent_rerun(tmp_db, capsys):
    assert main(["ingest", "--db", tmp_db]) == 0
    first = row_counts(tmp_db)
    assert first["documents"] == 5 and first["legal_refs"] > 0 and first["dates"] > 0
    assert main(["ingest", "--db", tmp_db]) == 0
    assert row_counts(tmp_db) == first
    assert "5 unchanged" in capsys.readouterr().out


def test_offsets_point_into_stored_text(tmp_db):
    main(["ingest", "--db", tmp_db])
    span = "substr(d.text, f.start_char + 1, f.end_char - f.start_char)"
    refs = q(tmp_db, f"SELECT f.surface, {span} FROM legal_refs f JOIN documents d USING (doc_id)")
    assert refs and all(surface == text for surface, text in refs)
    counts = q(tmp_db, f"SELECT f.entity, {span} FROM counts f JOIN documents d USING (doc_id)")
    assert counts and all(text.endswith(entity) for entity, text in counts)
    people = q(tmp_db, f"SELECT f.name, {span} FROM people f JOIN documents d USING (doc_id)")
    assert people and all(name == text for name, text in people)
    # every fact lies inside the sentence it names
    for table in ("legal_refs", "counts", "places", "dates"):
        bad = q(tmp_db, f"""SELECT count(*) FROM {table} f JOIN sentences s USING (doc_id, sentence_idx)
                            WHERE f.start_char < s.start_char OR f.start_char >= s.end_char""")
        assert bad == [(0,)], table


def test_changed_file_replaces_its_facts(tmp_path, tmp_db):
    f = tmp_path / "a.txt"
    f.write_text("Thực hiện Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư.", encoding="utf-8")
    main(["ingest", str(f), "--db", tmp_db])
    f.write_text("Thực hiện Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư.", encoding="utf-8")
    main(["ingest", str(f), "--db", tmp_db])
    assert q(tmp_db, "SELECT code FROM legal_refs") == [("44-KL/TW",)]
    assert q(tmp_db, "SELECT count(*) FROM documents") == [(1,)]
    assert q(tmp_db, "SELECT count(*) FROM dates WHERE doc_id NOT IN (SELECT doc_id FROM documents)") == [(0,)]


def test_same_content_under_two_paths_is_stored_once(tmp_path, tmp_db):
    src = SAMPLE_DIR / "002_1d0d6e342db257f0.txt"
    shutil.copy(src, tmp_path / "one.txt")
    shutil.copy(src, tmp_path / "two.txt")
    main(["ingest", str(tmp_path), "--db", tmp_db])
    assert q(tmp_db, "SELECT count(*) FROM documents") == [(1,)]
    assert q(tmp_db, "SELECT reason FROM problems")[0][0].startswith("duplicate content of")


def test_bad_inputs_are_skipped_with_a_reason_and_the_rest_loads(tmp_path, tmp_db, capsys):
    good = (SAMPLE_DIR / "004_a003ad0d4c678184.txt").read_bytes()
    (tmp_path / "good.txt").write_bytes(good)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "truncated.jsonl.gz").write_bytes(gzip.compress(b'{"id": 1, "text": "Ch\xe1\xbb\x89 th\xe1\xbb\x8b"}\n' * 50)[:60])
    (tmp_path / "broken.jsonl").write_text('{"id": 1, "text": "Ngày 15/8/2022 có 3 xã"}\n{"id": 2, "text": \n', encoding="utf-8")
    (tmp_path / "bad.html").write_text("<html><body><div><p></div></span>", encoding="utf-8")
    assert main(["ingest", str(tmp_path), "--db", tmp_db]) == 0
    err = capsys.readouterr().err
    reasons = dict(q(tmp_db, "SELECT source_path, reason FROM problems"))
    names = {p.split("/")[-1]: r for p, r in reasons.items()}
    assert names["empty.txt"] == "empty file"
    assert names["binary.txt"] == "binary data, not text"
    assert "truncated" in names["truncated.jsonl.gz"]
    assert "malformed JSON line" in names["broken.jsonl:2"]
    assert "HTML" in names["bad.html"]
    for name in ("empty.txt", "binary.txt", "bad.html"):
        assert any(line.startswith("skipped ") and name in line for line in err.splitlines())
    docs = {p.split("/")[-1] for (p,) in q(tmp_db, "SELECT source_path FROM documents")}
    # complete lines before the truncation point of an archive are real documents and load
    assert docs == {"good.txt", "broken.jsonl#1", "truncated.jsonl.gz#1"}


def test_no_such_path_fails_the_run(tmp_db):
    assert main(["ingest", "/nonexistent/nowhere", "--db", tmp_db]) == 2


def test_unwritable_database_fails_the_run(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    # even root cannot create a database under a regular file
    assert main(["ingest", "--db", str(blocker / "x.duckdb")]) == 2
    assert "cannot write database" in capsys.readouterr().err
    ro = tmp_path / "ro.duckdb"
    ro.mkdir()  # a directory where the database file should be
    assert main(["ingest", "--db", str(ro)]) == 2


def test_sql_is_read_only_and_formats(tmp_db, capsys):
    main(["ingest", "--db", tmp_db])
    capsys.readouterr()
    assert main(["sql", "SELECT count(*) AS n FROM documents", "--db", tmp_db, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "5"]
    assert main(["sql", "DELETE FROM documents", "--db", tmp_db]) == 1
    assert row_counts(tmp_db)["documents"] == 5


def test_jsonl_lines_become_documents(tmp_path, tmp_db):
    lines = [{"id": "a1", "title": "T", "text": "Ngày 15/8/2022, Chỉ thị số 09-CT/TW được quán triệt.", "published": "2022-08-16"},
             {"id": "a2", "text": "Kết luận số 44-KL/TW ngày 22/01/2019."}]
    p = tmp_path / "feed.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    main(["ingest", str(p), "--db", tmp_db])
    rows = q(tmp_db, "SELECT source_path, title, published FROM documents ORDER BY 1")
    assert [r[0].split("/")[-1] for r in rows] == ["feed.jsonl.gz#a1", "feed.jsonl.gz#a2"]
    assert str(rows[0][2]) == "2022-08-16" and rows[0][1] == "T"


def test_shared_texts_all_load_and_rerun_changes_nothing(tmp_db):
    texts = shared_path("texts")
    assert main(["ingest", str(texts), "--db", tmp_db]) == 0
    first = row_counts(tmp_db)
    txt = q(tmp_db, "SELECT count(*) FROM documents WHERE source_path LIKE '%.txt'")[0][0]
    assert txt == 43 and first["documents"] == 44  # plus SOURCES.md: .md is a supported format
    main(["ingest", str(texts), "--db", tmp_db])
    assert row_counts(tmp_db) == first


def test_eval_prints_per_kind_table(tmp_db, capsys):
    gold = shared_path("gold", "seeds.jsonl")
    main(["ingest", "--db", tmp_db])
    capsys.readouterr()
    assert main(["eval", str(gold), "--db", tmp_db]) == 0
    out = capsys.readouterr().out
    for kind in ("legal_refs", "links", "counts", "places", "dates"):
        assert kind in out


def test_console_script_help_lists_every_command():
    out = subprocess.run([sys.executable, "-m", "vietmine", "--help"], capture_output=True, text=True).stdout
    for cmd in ("ingest", "sql", "eval", "stats", "export"):
        assert cmd in out


def test_two_worker_processes_store_the_same_rows_as_one(tmp_path):

    one, two = str(tmp_path / "one.duckdb"), str(tmp_path / "two.duckdb")
    assert main(["ingest", "--db", one]) == 0
    assert main(["ingest", "--db", two, "--workers", "2"]) == 0
    assert table_rows(two) == table_rows(one)


@pytest.mark.parametrize("caller_froze", [False, True])
def test_an_api_ingest_leaves_the_callers_garbage_collector_as_it_was(tmp_db, caller_froze):
    # the run freezes what it loaded and collects less often (pipeline/engines/local.py)
    if caller_froze:
        gc.freeze()
    try:
        threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
        vietmine.ingest([str(SAMPLE_DIR)], tmp_db)
        assert gc.get_threshold() == threshold
        # the caller's frozen objects stay frozen (fewer if some were freed), and no others
        assert 0 < gc.get_freeze_count() <= frozen if caller_froze else gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
