"""Scoring of organisations and people as gold/GUIDE.md's Scoring section says, on hand-made cases
built from the guide's own examples."""
import pytest

from vietmine.views.evaluate import fold_name, match_organizations, match_people


@pytest.mark.parametrize("a, b", [
    pytest.param("UBND tỉnh Khánh Hòa", "Ủy ban nhân dân tỉnh Khánh Hòa", id="ubnd"),
    pytest.param("HĐND TP Hà Nội", "Hội đồng nhân dân thành phố Hà Nội", id="hdnd-tp"),
    pytest.param("Ủy ban MTTQ Việt Nam tỉnh Gia Lai", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai", id="mttq"),
    pytest.param("BCĐ 138 tỉnh Thanh Hóa", "Ban Chỉ đạo 138 tỉnh Thanh Hoá", id="bcd-old-tone-placement"),
    pytest.param("Bộ GTVT", "Bộ Giao thông vận tải", id="bo-gtvt"),
    pytest.param("Sở Lao động - Thương binh và Xã hội", "Sở Lao động Thương binh và Xã hội", id="punctuation-dropped"),
    pytest.param("UỶ BAN NHÂN DÂN TỈNH GIA LAI", "Ủy ban nhân dân tỉnh Gia Lai", id="upper-case-old-tones"),
])
def test_fold_makes_one_name(a, b):
    assert fold_name(a) == fold_name(b)


def test_fold_keeps_different_names_apart():
    assert fold_name("Sở Tài chính tỉnh Sơn La") != fold_name("Sở Tài chính")
    assert fold_name("Công an tỉnh Hà Tĩnh") != fold_name("Công an Hà Tĩnh")


GOLD_ORGS = [
    {"name": "Ủy ban nhân dân thị xã Ninh Hòa", "surface": "UBND thị xã Ninh Hòa"},
    {"name": "Sở Tư pháp tỉnh Sơn La", "surface": "Sở Tư pháp"},
    {"name": "Phòng Cảnh sát hình sự Công an tỉnh Khánh Hòa", "surface": "Phòng Cảnh sát hình sự Công an tỉnh Khánh Hòa"},
    {"name": "Ủy ban nhân dân tỉnh Khánh Hòa", "surface": "UBND tỉnh", "optional": True},
]


@pytest.mark.parametrize("pred, expected", [
    pytest.param([("UBND thị xã Ninh Hòa", "Ủy ban nhân dân thị xã Ninh Hòa")], (1, 0, 2), id="normalised-name-matches"),
    pytest.param([("UBND thị xã Ninh Hòa", "UBND thị xã Ninh Hòa")], (1, 0, 2), id="name-as-written-folds-to-gold"),
    pytest.param([("Sở Tư pháp", "Sở Tư pháp")], (1, 0, 2), id="surface-matches-without-the-place"),
    pytest.param([("Sở Tư pháp", "Sở Tư pháp tỉnh Sơn La")], (1, 0, 2), id="normalised-name-carries-the-place"),
    pytest.param([("UBND tỉnh", "Ủy ban nhân dân tỉnh Khánh Hòa")], (0, 0, 3), id="optional-neither-rewarded-nor-penalised"),
    pytest.param([("Công an tỉnh Khánh Hòa", "Công an tỉnh Khánh Hòa")], (0, 0, 3), id="body-inside-a-longer-gold-name"),
    pytest.param([("Sở Y tế", "Sở Y tế")], (0, 1, 3), id="spurious"),
    pytest.param([("UBND thị xã Ninh Hòa", "Ủy ban nhân dân thị xã Ninh Hòa"),
                  ("Ủy ban nhân dân thị xã Ninh Hòa", "Ủy ban nhân dân thị xã Ninh Hòa")], (1, 0, 2), id="one-body-counted-once"),
    pytest.param([("Phòng Cảnh sát hình sự", "Phòng Cảnh sát hình sự")], (0, 0, 3), id="stub-inside-a-gold-name-is-not-counted"),
])
def test_match_organizations(pred, expected):
    tp, fp, fn, misses, spurious = match_organizations(pred, GOLD_ORGS)
    assert (tp, fp, fn) == expected
    assert len(misses) == fn and len(spurious) == fp


def test_inside_means_whole_words():
    gold = [{"name": "Bộ Công an", "surface": "Bộ Công an"}]
    assert match_organizations([("Bộ Công", "Bộ Công")], gold)[:2] == (0, 0)  # whole words inside: not counted
    assert match_organizations([("Bộ Cô", "Bộ Cô")], gold)[:2] == (0, 1)  # cut inside a word: spurious


GOLD_PEOPLE = [
    {"name": "Lê Đức Vinh", "position": "Chủ tịch UBND tỉnh Khánh Hòa", "rank": None},
    {"name": "Y Quý B’Krông", "position": "Phó Công an xã", "rank": None},
    {"name": "Lê Sơn", "position": None, "rank": None, "optional": True},
]


@pytest.mark.parametrize("pred, expected", [
    pytest.param(["Lê Đức Vinh", "Y Quý B'Krông"], (2, 0, 0), id="all-found-apostrophe-folded"),
    pytest.param(["Lê Đức Vinh", "Lê Sơn"], (1, 0, 1), id="byline-optional"),
    pytest.param(["Lê Đức Vinh", "Vinh"], (1, 1, 1), id="short-mention-kept-apart-is-spurious"),
    pytest.param(["Y Quý B"], (0, 1, 2), id="name-cut-at-the-apostrophe-is-wrong"),
    pytest.param(["LÊ ĐỨC VINH"], (1, 0, 1), id="case-folded"),
])
def test_match_people(pred, expected):
    tp, fp, fn, misses, spurious = match_people(pred, GOLD_PEOPLE)
    assert (tp, fp, fn) == expected


def test_eval_scores_only_annotated_kinds(tmp_path, tmp_db):
    """A gold line without organizations/people keys (the seeds) is not scored for them; a line with
    them is, from the database rows."""
    import json

    from vietmine.api import Database, ingest

    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Ông Lê Đức Vinh - Chủ tịch UBND tỉnh Khánh Hòa chỉ đạo Sở Y tế.", encoding="utf-8")
    (d / "b.txt").write_text("Ông Lê Đức Vinh - Chủ tịch UBND tỉnh Khánh Hòa.", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "b.txt", "places": []}) + "\n", encoding="utf-8")
    ingest([str(d)], tmp_db)
    with Database(tmp_db) as db:
        scores = db.evaluate(str(gold)).scores
        assert "organizations" not in scores and "people" not in scores
    gold.write_text(json.dumps({"doc": "a.txt", "organizations": [
        {"name": "Ủy ban nhân dân tỉnh Khánh Hòa", "surface": "UBND tỉnh Khánh Hòa"}],
        "people": [{"name": "Lê Đức Vinh", "position": None, "rank": None}]}) + "\n", encoding="utf-8")
    with Database(tmp_db) as db:
        scores = db.evaluate(str(gold)).scores
    assert (scores["people"].tp, scores["people"].fp, scores["people"].fn) == (1, 0, 0)
    assert scores["organizations"].tp == 1 and scores["organizations"].fn == 0
