"""People, organisations and abbreviations from real sentences."""
from vietmine.extractors import abbreviations, people
from vietmine.pipeline.engines.local import analyse
from tests.util import doc_of


def test_people_with_rank_and_position():
    got = people.extract(doc_of("Thượng tướng Lương Tam Quang - Ủy viên Trung ương Đảng, Thứ Trưởng Bộ Công an trao giấy khen"))
    assert [(p.name, p.rank, p.position) for p in got] == [("Lương Tam Quang", "Thượng tướng", "Ủy viên Trung ương Đảng")]
    got = people.extract(doc_of(" Ông Lê Đức Vinh - Chủ tịch UBND tỉnh Khánh Hòa\n"))
    assert [(p.name, p.position) for p in got] == [("Lê Đức Vinh", "Chủ tịch UBND tỉnh Khánh Hòa")]
    got = people.extract(doc_of("Sáng 15/5, Thủ tướng Nguyễn Xuân Phúc chủ trì hội nghị"))
    assert [(p.name, p.position) for p in got] == [("Nguyễn Xuân Phúc", "Thủ tướng")]


def test_place_names_are_not_people():
    assert people.extract(doc_of("Chủ tịch UBND thị xã Ninh Hòa đã ban hành văn bản")) == []
    # baomoi 2017: a headline, and a river whose word "sông" holds the honorific "ông"
    assert people.extract(doc_of("Chủ tịch Hà Nội: Loa phường 'ngốn' vài trăm triệu đồng mỗi năm")) == []
    assert people.extract(doc_of("Thanh Trì cải tạo sông Tô Lịch: Bảo vệ môi trường, chống tái lấn chiếm")) == []
    got = people.extract(doc_of("Học tập và làm theo tư tưởng, đạo đức, phong cách Chủ tịch Hồ Chí Minh"))
    assert [p.name for p in got] == ["Hồ Chí Minh"]


def test_organizations_normalised_and_linked_to_their_place():
    result = analyse(doc_of("Chủ tịch UBND tỉnh Khánh Hòa và Ban Chỉ đạo 138 tỉnh Thanh Hóa; lực lượng Công an và MTTQ Việt Nam."))
    orgs = [(o.normalized, o.kind, o.admin_code) for o in result.facts if o.__class__.__name__ == "Organization"]
    assert orgs == [("Ủy ban nhân dân tỉnh Khánh Hòa", "Ủy ban nhân dân", "56"),
                    ("Ban Chỉ đạo 138 tỉnh Thanh Hóa", "Ban Chỉ đạo", "38"),
                    ("Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", None)]


def test_abbreviations_defined_in_text_and_common_ones():
    got = abbreviations.extract(doc_of("phong trào Toàn dân bảo vệ an ninh Tổ quốc (ANTQ) và bảo đảm ANTT ở cơ sở"))
    assert [(a.short, a.expansion, a.defined_in_text) for a in got] == [
        ("ANTQ", "an ninh Tổ quốc", True), ("ANTT", "an ninh trật tự", False)]
    # initials must agree: a parenthesised code after unrelated words is no definition
    assert [a.short for a in abbreviations.extract(doc_of("theo báo cáo (BCA)")) if a.defined_in_text] == []


def test_words_with_stray_hyphens_before_a_parenthesis():
    # from the baomoi bench: a split on " - " left an empty word and crashed the extractor
    assert abbreviations.extract(doc_of("Kinh tế - - (VN)")) == []


def test_an_extractor_bug_costs_one_document_not_the_run(monkeypatch):
    from vietmine.extractors import load_all
    from vietmine.facts import Problem, RawInput
    from vietmine.pipeline.engines.local import process

    def broken(doc):
        raise IndexError("string index out of range")

    monkeypatch.setitem(load_all(), "abbreviations", broken)
    result = process(RawInput("x.txt", "Chỉ thị số 09-CT/TW".encode(), "txt"))
    assert isinstance(result, Problem) and result.reason.startswith("internal error IndexError")
