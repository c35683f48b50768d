"""JSON-lines readers: the fields people use for text, date, outlet, title and id, and the
publication date as feeds write it."""
import datetime as dt
import json

import pytest

from vietmine.corpus.readers import json_meta, read_jsonl
from vietmine.pipeline.clean import clean, parse_date_string
from vietmine.facts import Problem

TEXT = "Ngày 5/2, Công an huyện Trảng Bàng bắt giữ xe"


@pytest.mark.parametrize("obj,fields,expected", [
    # the bench corpus (baomoi 2017): id, title, text
    pytest.param({"id": "21395276", "title": "Kết quả xổ số", "text": TEXT}, None,
                 (TEXT, "21395276", {"title": "Kết quả xổ số"}), id="bench-shape"),
    pytest.param({"content": TEXT, "date": "2017-02-06T10:20:00+07:00", "source": "Tuổi Trẻ"}, None,
                 (TEXT, None, {"published": "2017-02-06T10:20:00+07:00", "outlet": "Tuổi Trẻ"}), id="content-date-source"),
    pytest.param({"body": TEXT, "publish_date": "06/02/2017", "url": "https://www.baomoi.com/a/c/21395276.epi"}, None,
                 (TEXT, None, {"published": "06/02/2017", "outlet": "baomoi.com",
                               "url": "https://www.baomoi.com/a/c/21395276.epi"}), id="body-url-host"),
    pytest.param({"text": TEXT, "time": 1486350000, "id": 7}, None,
                 (TEXT, "7", {"published": "1486350000"}), id="unix-time-and-numeric-id"),
    # the first non-empty field of a role wins
    pytest.param({"text": "", "content": TEXT, "published": None, "date": "Thứ hai, 6/2/2017 - 10:20"}, None,
                 (TEXT, None, {"published": "Thứ hai, 6/2/2017 - 10:20"}), id="empty-fields-skipped"),
    pytest.param({"noi_dung": TEXT, "ngay": "6/2/2017"}, {"text": "noi_dung", "published": ("ngay",)},
                 (TEXT, None, {"published": "6/2/2017"}), id="caller-names-other-fields"),
    pytest.param({"title": "Không có bài", "text": ["a", "b"]}, None, (None, None, {"title": "Không có bài"}),
                 id="text-not-a-string"),
])
def test_json_fields(obj, fields, expected):
    assert json_meta(obj, fields) == expected


def test_read_jsonl_end_to_end(tmp_path):
    lines = [{"id": "a1", "content": TEXT, "date": "2017-02-06", "url": "http://dantri.com.vn/x.htm"},
             {"title": "no text here"},
             {"body": TEXT, "publish_date": "ngày 6 tháng 2 năm 2017"}]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in lines) + "\n", encoding="utf-8")
    got = list(read_jsonl(str(path), path))
    assert [type(g).__name__ for g in got] == ["RawInput", "Problem", "RawInput"]
    assert got[0].source_path.endswith("#a1") and got[2].source_path.endswith("#3")
    doc = clean(got[0])
    assert (doc.published, doc.outlet) == (dt.date(2017, 2, 6), "dantri.com.vn")
    assert clean(got[2]).published == dt.date(2017, 2, 6)
    assert isinstance(got[1], Problem)


@pytest.mark.parametrize("value,expected", [
    pytest.param("2017-02-06T10:20:00+07:00", dt.date(2017, 2, 6), id="iso-with-time"),
    pytest.param("10:20 06/02/2017", dt.date(2017, 2, 6), id="time-first"),
    pytest.param("Thứ hai, 6/2/2017 - 10:20", dt.date(2017, 2, 6), id="weekday-first"),
    pytest.param("ngày 6 tháng 2 năm 2017", dt.date(2017, 2, 6), id="words"),
    pytest.param("1486350000", dt.date(2017, 2, 6), id="unix-seconds-vietnam-time"),
    pytest.param("20210429", dt.date(2021, 4, 29), id="compact"),
    pytest.param("20/03/2020", dt.date(2020, 3, 20), id="day-first"),
    pytest.param("2020-13-45", None, id="impossible"),
    pytest.param("hôm qua", None, id="no-date"),
])
def test_metadata_dates(value, expected):
    assert parse_date_string(value) == expected


# Metadata read from the text itself (gazetteer/data/furniture.json), each pattern tried only in a
# text that holds one of its cue words: real header and footer lines of the shared texts
BODY = "\nCông an tỉnh Khánh Hòa đã triển khai nhiều mô hình tự quản về an ninh, trật tự ở cơ sở.\n"


METADATA_CASES = [
    pytest.param("Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2007 | |" + BODY, "published", dt.date(2020, 3, 20),
                 id="corpus-002-updated"),
    pytest.param("# date = 20210429" + BODY, "published", dt.date(2021, 4, 29), id="texts-035-date-line"),
    pytest.param("Thứ 5, Ngày 16 Tháng 7 Năm 2020" + BODY, "published", dt.date(2020, 7, 16), id="corpus-002-weekday"),
    pytest.param("UỶ BAN NHÂN DÂN\nHà Nội, ngày 03 tháng 7 năm 2019" + BODY, "published", dt.date(2019, 7, 3),
                 id="texts-011-place-and-date"),
    pytest.param(BODY + "Tác giả: Văn Thiện", "author", "Văn Thiện", id="corpus-001-author"),
    pytest.param(BODY + "CTV. Yến Thu, Đức Vinh - Trung tâm Văn hóa - Thông tin và Thể thao Ninh Hòa", "author",
                 "Yến Thu, Đức Vinh - Trung tâm Văn hóa - Thông tin và Thể thao Ninh Hòa", id="corpus-004-contributor"),
    pytest.param(BODY + "Theo baokhanhhoa.com.vn", "outlet", "baokhanhhoa.com.vn", id="corpus-000-outlet"),
    pytest.param(BODY + "(Nguồn: Báo Khánh Hòa)", "outlet", "Báo Khánh Hòa", id="source-line"),
    pytest.param("| Số: 252/KH-BCĐQG1237 | Hà Nội, ngày 11 tháng 11 năm 2013 |\n\nKẾ HOẠCH" + BODY, "kind", "plan",
                 id="texts-002-plan"),
    pytest.param("Căn cứ Luật Tổ chức Chính quyền địa phương ngày 19 tháng 6 năm 2015;" + BODY, "kind", "legal",
                 id="texts-001-legal-basis"),
    pytest.param("| Số: 87/2013/NĐ-CP | Hà Nội, ngày 30 tháng 07 năm 2013 |" + BODY, "kind", "legal",
                 id="texts-004-legal-number"),
    pytest.param("| Số: 254/QĐ-UBND | Sơn La, ngày 17 tháng 02 năm 2023 |" + BODY, "kind", "directive",
                 id="texts-001-decision-number"),
    pytest.param(BODY, "kind", "news", id="no-marker"),
    pytest.param(BODY + "Theo thông tin ban đầu, vụ việc xảy ra lúc 10 giờ.", "outlet", None, id="theo-not-an-outlet"),
]


@pytest.mark.parametrize("text,field,expected", METADATA_CASES)
def test_metadata_read_from_the_text(text, field, expected):
    from vietmine.facts import RawInput

    assert getattr(clean(RawInput("x.txt", text, "txt")), field) == expected


@pytest.mark.parametrize("text,furniture", [
    pytest.param("Ngày cập nhật: 20/03/2020 03:57:36 | Lượt xem: 2007 | |" + BODY, "Lượt xem", id="corpus-002-views"),
    pytest.param(BODY + "\nĐang online: 28\n\nSố lượt truy cập: 2426004", "online", id="corpus-000-visitors"),
])
def test_page_furniture_removed(text, furniture):
    from vietmine.facts import RawInput

    doc = clean(RawInput("x.txt", text, "txt"))
    assert furniture not in doc.text and BODY.strip() in doc.text


@pytest.mark.parametrize("source", ["metadata cases", "bundled corpus", "shared texts"])
def test_a_cued_furniture_pattern_finds_what_the_pattern_finds(source):
    """furniture.json's cues and cue patterns are written by hand beside each pattern: one that
    misses a match would silently lose a date, an author or a kind. Each line of the texts is
    searched alone too, so that a pattern matching anywhere in a text is checked on every line."""
    from tests.conftest import shared_path
    from vietmine.corpus import SAMPLE_DIR
    from vietmine.pipeline.clean import furniture

    if source == "metadata cases":
        texts = [case.values[0] for case in METADATA_CASES]
    else:
        folder = SAMPLE_DIR if source == "bundled corpus" else shared_path("texts")
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    f = furniture()
    cued = [p for p in [*f.published, *f.author, *f.outlet, *f.drop_inline, *(q for ps in f.kind.values() for q in ps)]
            if p.cues or p.cue_pattern]
    assert cued, "no pattern has a cue: this test checks nothing"
    found = 0
    for text in texts + [line for t in texts for line in t.split("\n")]:
        low = text.lower()
        for p in cued:
            m = p.pattern.search(text)
            found += m is not None
            assert (m and m.span()) == ((c := p.search(text, low)) and c.span()), p.pattern.pattern
    assert found, "no pattern matches these texts: this test checks nothing"
