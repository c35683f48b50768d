"""`vietmine remove`: documents ingested by mistake go with all their facts, in one transaction,
recorded in `runs` and `problems`; and what other documents had from them through the corpus-wide
resolution goes too, so that the database equals one that never held them. Pruning a vanished
source and replacing a changed one take back the same way.

The feed holds four real bench articles (baomoi 2017): 21486904 cites "Nghị định 46/2016/NĐ-CP của
Chính phủ" in full, 22236178 only "Nghị định số 46 của Chính phủ" (its code comes from the corpus);
22705928 cites "Nghị quyết 08-NQ/TW ngày 16/1/2017" (Party term XII from the date), 22658955 the
same resolution without a date (its identity 08-NQ/TW@? is completed from the corpus)."""
import json
import shutil
import subprocess
import sys
import textwrap

import pytest

import vietmine
from tests.conftest import ROOT
from tests.util import q, row_counts, table_rows
from vietmine.cli import main

FEED = ROOT / "tests" / "fixtures" / "feed_corpus_resolution.jsonl"
LINES = {json.loads(line)["id"]: line for line in FEED.read_text(encoding="utf-8").splitlines()}
FULL_46, SHORT_46, UNDATED_08, DATED_08 = "21486904", "22236178", "22658955", "22705928"


def refs_of(db, article):
    return q(db, "SELECT code, registry_key, resolved_by FROM legal_refs r JOIN documents d USING (doc_id) "
                 "WHERE d.source_key LIKE ? ORDER BY r.start_char", f"%#{article}")


def write_feed(folder, ids):
    folder.mkdir(exist_ok=True)
    feed = folder / "feed.jsonl"
    feed.write_text("".join(LINES[i] + "\n" for i in ids), encoding="utf-8")
    return feed


def never_held(tmp_path, ids) -> dict:
    """The rows of a database that only ever read these articles of the feed (same path)."""
    feed = write_feed(tmp_path / "in", ids)
    db = str(tmp_path / "fresh.duckdb")
    assert main(["ingest", str(feed), "--db", db, "--quiet"]) == 0
    return table_rows(db)


@pytest.fixture
def whole(tmp_path):
    """A database of the whole feed, and the feed's path."""
    feed = write_feed(tmp_path / "in", LINES)
    db = str(tmp_path / "whole.duckdb")
    assert main(["ingest", str(feed), "--db", db, "--quiet"]) == 0
    # what the corpus gave before anything is removed
    assert refs_of(db, SHORT_46) == [("46/2016/NĐ-CP", "46/2016/NĐ-CP", "corpus")]
    assert {k for _, k, _ in refs_of(db, UNDATED_08)} == {"08-NQ/TW@XII"}
    return db, feed


@pytest.mark.parametrize("removed, short_46, undated_08", [
    ([FULL_46], [(None, None, None)], {"08-NQ/TW@XII"}),
    ([DATED_08], [("46/2016/NĐ-CP", "46/2016/NĐ-CP", "corpus")], {"08-NQ/TW@?"}),
    ([FULL_46, DATED_08], [(None, None, None)], {"08-NQ/TW@?"}),
    ([SHORT_46, UNDATED_08], None, None),  # the dependents themselves: nothing else changes
], ids=["source-of-a-code", "source-of-a-date", "both-sources", "the-dependents"])
def test_remove_leaves_the_database_as_if_the_documents_were_never_read(removed, short_46, undated_08, whole, tmp_path,
                                                                      capsys):
    db, feed = whole
    assert main(["remove", *(f"{feed}#{i}" for i in removed), "--db", db]) == 0
    out = capsys.readouterr().out
    assert f"removed {len(removed)} document{'s' if len(removed) > 1 else ''} with " in out
    assert f"note: the next ingest of their folder reads {len(removed)} of them again" in out  # the feed is still there
    if short_46 is not None:
        assert refs_of(db, SHORT_46) == short_46
        assert {k for _, k, _ in refs_of(db, UNDATED_08)} == undated_08
    assert table_rows(db) == never_held(tmp_path, [i for i in LINES if i not in removed])


def test_a_code_another_document_still_gives_is_kept(whole, tmp_path):
    """The full citation quoted again in a second document: removing the first one takes nothing back."""
    db, feed = whole
    quoted = tmp_path / "in" / "quoted.txt"
    quoted.write_text("Nghị định 46/2016/NĐ-CP của Chính phủ quy các mức xử phạt vi phạm hành chính trong lĩnh vực "
                      "giao thông đường bộ và đường sắt đã nêu rõ các mức phạt cho từng đối tượng.\n", encoding="utf-8")
    assert main(["ingest", str(quoted), "--db", db, "--quiet"]) == 0
    assert main(["remove", f"{feed}#{FULL_46}", "--db", db]) == 0
    assert refs_of(db, SHORT_46) == [("46/2016/NĐ-CP", "46/2016/NĐ-CP", "corpus")]
    assert main(["remove", str(quoted), "--db", db]) == 0
    assert refs_of(db, SHORT_46) == [(None, None, None)]


@pytest.mark.parametrize("how", ["doc_id", "source_path", "feed#id", "file", "folder"])
def test_a_document_is_named_by_id_path_file_or_folder(how, whole):
    db, feed = whole
    doc_id, path = q(db, "SELECT doc_id, source_path FROM documents WHERE source_key LIKE ?", f"%#{FULL_46}")[0]
    target = {"doc_id": doc_id, "source_path": path, "feed#id": f"{feed}#{FULL_46}", "file": str(feed),
              "folder": str(feed.parent)}[how]
    stats = vietmine.remove([target], db)
    expected = 1 if how in ("doc_id", "source_path", "feed#id") else len(LINES)
    assert stats.removed == expected
    assert row_counts(db)["documents"] == len(LINES) - expected


def test_remove_is_recorded_in_runs_and_problems(whole):
    db, feed = whole
    doc_id = q(db, "SELECT doc_id FROM documents WHERE source_key LIKE ?", f"%#{DATED_08}")[0][0]
    facts = sum(n for t, n in row_counts(db).items() if t not in ("documents", "sentences"))
    stats = vietmine.remove([doc_id], db)
    left = sum(n for t, n in row_counts(db).items() if t not in ("documents", "sentences"))
    assert (stats.removed, stats.removed_facts) == (1, facts - left)
    assert stats.references_resolved_again == 3  # the three mentions of 08-NQ/TW in 22658955
    assert q(db, "SELECT status, removed, loaded FROM runs ORDER BY run_id DESC LIMIT 1") == [("complete", 1, 0)]
    (reason,) = q(db, "SELECT reason FROM problems WHERE source_path LIKE ?", f"%#{DATED_08}")[0]
    assert reason == f"removed on request (vietmine remove {doc_id})"


def test_an_unknown_target_removes_nothing(whole, capsys):
    db, feed = whole
    before = table_rows(db)
    assert main(["remove", f"{feed}#{FULL_46}", str(feed.parent / "nowhere.txt"), "--db", db]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no document" in err[0] and "nowhere.txt" in err[0] and "nothing removed" in err[0]
    assert table_rows(db) == before
    assert q(db, "SELECT count(*) FROM runs")[0][0] == 1  # refused before a run began: only the ingest's


def test_prune_takes_back_what_a_vanished_source_gave(whole, tmp_path):
    db, feed = whole
    keep = [i for i in LINES if i != FULL_46]
    write_feed(feed.parent, keep)  # the article is gone from the feed
    assert main(["ingest", str(feed), "--db", db, "--prune", "--quiet"]) == 0
    assert refs_of(db, SHORT_46) == [(None, None, None)]
    after = table_rows(db)
    assert after == never_held(tmp_path, keep)


def test_a_replaced_document_takes_back_what_its_old_version_gave(whole, tmp_path):
    """The article's text edited so that it no longer gives the date: the short form loses it."""
    db, feed = whole
    edited = json.loads(LINES[DATED_08])
    edited["text"] = edited["text"].replace("Nghị quyết 08-NQ/TW ngày 16/1/2017", "Nghị quyết 08-NQ/TW")
    edited_lines = {**LINES, DATED_08: json.dumps(edited, ensure_ascii=False)}
    feed.write_text("".join(v + "\n" for v in edited_lines.values()), encoding="utf-8")
    assert main(["ingest", str(feed), "--db", db, "--quiet"]) == 0
    assert {k for _, k, _ in refs_of(db, UNDATED_08)} == {"08-NQ/TW@?"}
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    shutil.copy(feed, fresh / "feed.jsonl")
    fresh_db = str(tmp_path / "fresh.duckdb")
    assert main(["ingest", str(fresh / "feed.jsonl"), "--db", fresh_db, "--quiet"]) == 0
    assert refs_of(fresh_db, UNDATED_08) == refs_of(db, UNDATED_08)


# -- the weekly loop beside an open notebook (issue 25 item 8 makes readers connect per query)

NOTEBOOK = textwrap.dedent("""
    import sys, vietmine
    db = vietmine.open(sys.argv[1])
    print(db.sql("SELECT count(*) AS n FROM documents").n[0], flush=True)
    for line in sys.stdin:          # each line: query again, as a notebook cell would
        print(db.sql("SELECT count(*) AS n FROM documents").n[0], flush=True)
""")


def test_an_open_notebook_does_not_block_the_weekly_ingest_or_remove(whole, tmp_path):
    db, feed = whole
    notebook = subprocess.Popen([sys.executable, "-c", NOTEBOOK, db], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert notebook.stdout.readline().strip() == str(len(LINES))
        more = tmp_path / "more.txt"
        more.write_text("Nghị định 46/2016/NĐ-CP của Chính phủ quy các mức xử phạt vi phạm hành chính.\n", encoding="utf-8")
        assert main(["ingest", str(more), "--db", db, "--quiet"]) == 0
        notebook.stdin.write("\n")
        notebook.stdin.flush()
        assert notebook.stdout.readline().strip() == str(len(LINES) + 1)  # the notebook sees the new week
        assert main(["remove", str(more), "--db", db]) == 0
        notebook.stdin.write("\n")
        notebook.stdin.flush()
        assert notebook.stdout.readline().strip() == str(len(LINES))
    finally:
        notebook.kill()
        notebook.wait()
