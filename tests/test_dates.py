import datetime as dt

from vietmine.extractors.dates import extract
from tests.util import doc_of


def days(text):
    return [f.value for f in extract(doc_of(text)) if f.precision == "day"]


def test_numeric_and_worded_forms():
    assert days("Sáng 15/8/2022, Ban chỉ đạo") == [dt.date(2022, 8, 15)]
    assert days("ngày 30- 3- 2011 của Bộ") == [dt.date(2011, 3, 30)]
    assert days("Hà Nội, ngày 01 tháng 12 năm 2011") == [dt.date(2011, 12, 1)]
    assert days("Thứ 5, Ngày 16 Tháng 7 Năm 2020") == [dt.date(2020, 7, 16)]
    assert days("Ngày cập nhật: 20/03/2020 03:57:36 | |") == [dt.date(2020, 3, 20)]


def test_day_month_takes_the_document_year():
    text = "Ngày tạo: 11/03/2024 09:05:48\nTổ chức “Ngày hội toàn dân bảo vệ ANTQ” 19/8; “Ngày toàn dân phòng chống ma túy” 26/6."
    assert days(text) == [dt.date(2024, 3, 11), dt.date(2024, 8, 19), dt.date(2024, 6, 26)]


def test_a_birth_year_or_a_yearly_deadline_fixes_no_day():
    # shared/texts/027 (baomoi 2017): the only year given is a driver's birth year
    assert days("Nguyễn Đức L. (sinh năm 1962, trú tại phường Thống Nhất) ... vào sáng ngày 1/2 (mùng 5 Tết)") == []
    # shared/texts/010: a deadline that recurs every year
    assert days("Báo cáo năm 2012 gửi trước ngày 30 tháng 4 hàng năm (đối với báo cáo năm).") == []


def test_not_dates():
    assert days("(02/4/1975 - 02//2020)") == [dt.date(1975, 4, 2)]
    assert days("năm 2020 có 27/27 xã, phường đạt chuẩn") == []
    assert days("Thông tư số 23/2012/TT-BCA") == []
    assert days("ngày 31/2/2020") == []


def test_months_and_years_have_their_precision():
    got = {(f.precision, f.value) for f in extract(doc_of("từ tháng 7/2017 đến năm 2018"))}
    assert got == {("month", dt.date(2017, 7, 1)), ("year", dt.date(2018, 1, 1))}


def test_publication_date_from_page_furniture_and_headers():
    from vietmine.pipeline.clean import clean
    from vietmine.facts import RawInput

    def published(text):
        return clean(RawInput("x.txt", text, "txt")).published

    assert published("# doc_id = news_society_182\n# date = 20210429\nKhông sử dụng mạng xã hội") == dt.date(2021, 4, 29)
    assert published("| Số: 6154/QĐ-UBND | Hà Nội, ngày 30 tháng 12 năm 2011 |\nQUYẾT ĐỊNH") == dt.date(2011, 12, 30)
    assert published("Thứ 5, Ngày 16 Tháng 7 Năm 2020\nKết quả phong trào") == dt.date(2020, 7, 16)
    # an event date in the body is not a publication date
    assert published("Không để bị động\nNgày 8/2/2017, UBND TP Hà Nội đã ban hành Kế hoạch") is None


def test_periods_with_start_and_end():
    from vietmine.extractors.dates import periods

    def got(text, published=None):
        doc = doc_of(text)
        doc.published = published
        return [(p.kind, p.start_date, p.end_date) for p in periods(doc, published.year if published else None)]

    assert got("văn minh đô thị giai đoạn 2023-2030") == [("year_range", dt.date(2023, 1, 1), dt.date(2030, 12, 31))]
    assert got("trong tình hình mới” giai đoạn 2020 - 2025.") == [("year_range", dt.date(2020, 1, 1), dt.date(2025, 12, 31))]
    assert got("từ năm 2016 đến nay", dt.date(2019, 5, 2)) == [("until_now", dt.date(2016, 1, 1), dt.date(2019, 5, 2))]
    assert got("trong quý I/2024") == [("quarter", dt.date(2024, 1, 1), dt.date(2024, 3, 31))]
    assert got("6 tháng đầu năm 2017, toàn quốc") == [("months_of_year", dt.date(2017, 1, 1), dt.date(2017, 6, 30))]
    assert got("Thông tư số 23/2012/TT-BCA, tỷ số 2-1") == []
