"""Checking the facts on one's own texts: `vietmine gold export` writes the database's facts as
draft gold lines (gold/GUIDE.md format, with surfaces and offsets), the researcher corrects them,
`vietmine eval` scores the pipeline against the result and `--misses` lists each disagreement with
its sentence. An unedited draft scores 1.000; each correction moves precision or recall by itself."""
import json
import re

import pytest

import vietmine
from tests.util import q
from vietmine.cli import main
from vietmine.views.evaluate import GOLD_KEYS

SAMPLE_DOCS = ["000_12abbadf6209466f.txt", "001_a616d854d4a1c20a.txt", "002_1d0d6e342db257f0.txt",
               "003_17ad9a4ca812faf4.txt", "004_a003ad0d4c678184.txt"]


def scores(out: str) -> dict[str, tuple]:
    """The rows of eval's table: kind -> (P, R, F1, tp, fp, fn)."""
    rows = {}
    for line in out.splitlines():
        m = re.fullmatch(r"(\w+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+(\d+)", line.strip())
        if m:
            rows[m.group(1)] = tuple(float(v) for v in m.groups()[1:4]) + tuple(int(v) for v in m.groups()[4:])
    return rows


@pytest.fixture
def draft(sample_db, tmp_path, capsys):
    out = tmp_path / "draft.jsonl"
    assert main(["gold", "export", *SAMPLE_DOCS, "--out", str(out), "--db", sample_db]) == 0
    assert f"wrote {out} (5 documents, " in capsys.readouterr().out
    return out


def read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def evaluate(draft_path, db, capsys, *extra):
    assert main(["eval", str(draft_path), "--db", db, *extra]) == 0
    captured = capsys.readouterr()
    return scores(captured.out), captured


def test_an_unedited_draft_scores_one_on_every_kind(draft, sample_db, capsys):
    got, captured = evaluate(draft, sample_db, capsys)
    assert set(got) == set(GOLD_KEYS)
    for kind, (p, r, f1, tp, fp, fn) in got.items():
        assert (p, r, f1, fp, fn) == (1.0, 1.0, 1.0, 0, 0) and tp > 0, kind
    assert "code acc." in captured.out and "5 of the 5 gold documents are in" in captured.err


def test_the_draft_holds_every_kind_of_the_guide_with_surfaces_and_offsets(draft, sample_db):
    lines = read(draft)
    assert [line["doc"] for line in lines] == SAMPLE_DOCS
    texts = dict(q(sample_db, "SELECT source_path, text FROM documents"))
    for line in lines:
        text = next(t for p, t in texts.items() if p.endswith(line["doc"]))
        assert set(line) == {"doc", "legal_refs", "links", "counts", "places", "dates", "organizations", "people"}
        assert all(isinstance(d, str) for d in line["dates"])  # the guide's bare ISO strings
        for key in ("legal_refs", "links", "counts", "places", "organizations", "people"):
            for entry in line[key]:
                assert text[entry["start"]:entry["end"]] == entry["surface"], (key, entry)
    doc4 = lines[4]
    assert {"name": "Ủy ban nhân dân thị xã Ninh Hòa", "surface": "UBND thị xã Ninh Hòa"}.items() <= \
        next(o for o in doc4["organizations"] if o["surface"] == "UBND thị xã Ninh Hòa").items()
    assert any(p["name"] == "Lương Tam Quang" for p in doc4["people"])
    assert {"src": "44-KL/TW", "dst": "09-CT/TW", "relation": "implements"}.items() <= doc4["links"][0].items()


def _delete(kind, match):
    def edit(lines):
        for line in lines:
            line[kind] = [e for e in line[kind] if not match(e)]
    return edit


def _add(doc, kind, entry):
    def edit(lines):
        next(line for line in lines if line["doc"] == doc)[kind].append(entry)
    return edit


# Each correction a researcher makes, the eval row it moves, and the disagreement listed with its sentence.
EDITS = [
    ("delete-a-place", _delete("places", lambda e: e["name"] == "Ninh Hòa" and e["level"] == "thị xã"),
     "places", (1, 0), "SPURIOUS places 004_a003ad0d4c678184.txt: thị xã ninh hòa",
     "thị xã Ninh Hòa"),
    ("delete-a-count", _delete("counts", lambda e: e["surface"] == "27/27 xã"),
     "counts", (1, 0), "SPURIOUS counts 004_a003ad0d4c678184.txt: eq 27 xã", "27/27 xã"),
    ("delete-a-reference", _delete("legal_refs", lambda e: e["number"] == "44"),
     "legal_refs", (1, 0), "SPURIOUS legal_refs 004_a003ad0d4c678184.txt: Kết luận 44", "Kết luận số 44-KL/TW"),
    # "54/54 cơ quan, doanh nghiệp, nhà trường" read as counting the businesses too
    ("add-a-missed-count", _add("004_a003ad0d4c678184.txt", "counts",
                                {"value": 54, "head": "doanh nghiệp", "cmp": "eq", "percent": False, "of": 54}),
     "counts", (0, 1), "MISS counts 004_a003ad0d4c678184.txt: eq 54 doanh nghiệp", "54/54 cơ quan, doanh nghiệp"),
    ("add-a-missed-date", _add("000_12abbadf6209466f.txt", "dates", "2020-04-02"),
     "dates", (0, 1), "MISS dates 000_12abbadf6209466f.txt: 2020-04-02", None),
]


@pytest.mark.parametrize("edit, kind, moved, listed, in_sentence", [e[1:] for e in EDITS], ids=[e[0] for e in EDITS])
def test_a_correction_moves_precision_or_recall_and_is_listed_with_its_sentence(edit, kind, moved, listed, in_sentence,
                                                                               draft, sample_db, capsys):
    lines = read(draft)
    edit(lines)
    draft.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    got, captured = evaluate(draft, sample_db, capsys, "--misses")
    p, r, _, tp, fp, fn = got[kind]
    assert (fp, fn) == moved
    assert (p < 1, r < 1) == (fp > 0, fn > 0)  # a deleted fact costs precision, an added one recall
    assert all(row[:3] == (1.0, 1.0, 1.0) for k, row in got.items() if k != kind)
    out = captured.out.splitlines()
    assert "1 disagreements (MISS: in the gold, not found;" in captured.out
    i = out.index(listed)
    sentence = out[i + 1]
    if in_sentence is None:
        assert sentence == "    | (no sentence of the document writes it)"
    else:
        assert sentence.startswith("    | ") and in_sentence in sentence


def test_a_feed_article_is_named_by_its_id_and_a_shared_file_name_by_its_path(tmp_path, capsys):
    """Two files named alike in two folders, and an article of a feed, each get a name eval finds again."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    (tmp_path / "a" / "tin.txt").write_text("Thực hiện Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư.\n", encoding="utf-8")
    (tmp_path / "b" / "tin.txt").write_text("Tỉnh Khánh Hòa có 264 mô hình tự quản.\n", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "x1", "text": "Thị xã Ninh Hòa có 27/27 xã đạt chuẩn."},
                                                    ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    assert main(["ingest", str(tmp_path / "a"), str(tmp_path / "b"), str(tmp_path / "feed.jsonl"), "--db", db]) == 0
    ids = [d for (d,) in q(db, "SELECT doc_id FROM documents ORDER BY source_key")]
    with vietmine.open(db) as d:
        lines = d.gold(ids)
    assert [line["doc"] for line in lines] == [str(tmp_path / "a" / "tin.txt"), str(tmp_path / "b" / "tin.txt"), "x1"]
    out = tmp_path / "draft.jsonl"
    with vietmine.open(db) as d:
        d.export_gold(ids, str(out))
        result = d.evaluate(str(out))
    assert result.found == 3
    assert all(s.fp == s.fn == 0 for s in result.scores.values())
