"""Calendar days from real sentences (shared/texts, the baomoi 2017 bench corpus by article id),
as gold/GUIDE.md counts them: every day written, a day and month without a year in the article's
year (its publication date, else the year its own dates fix), both ends of a day range; bare
years, periods and malformed dates are no days."""
import datetime as dt

import pytest

from vietmine.extractors.dates import document_year, extract
from tests.util import doc_of

D = dt.date


def days(text, published=None):
    doc = doc_of(text)
    if published:
        doc.published = published
    return [f.value for f in extract(doc) if getattr(f, "precision", None) == "day"]


@pytest.mark.parametrize("text,expected", [
    pytest.param("Sáng 15/8/2022, Ban chỉ đạo", [D(2022, 8, 15)], id="seed-numeric"),
    pytest.param("ngày 30- 3- 2011 của Bộ", [D(2011, 3, 30)], id="texts-spaced-hyphens"),
    pytest.param("Hà Nội, ngày 01 tháng 12 năm 2011", [D(2011, 12, 1)], id="texts-worded"),
    pytest.param("Thứ 5, Ngày 16 Tháng 7 Năm 2020", [D(2020, 7, 16)], id="seed-capitalised-words"),
    pytest.param("Ngày cập nhật: 20/03/2020 03:57:36 | |", [D(2020, 3, 20)], id="seed-page-furniture"),
    pytest.param("Đêm 19.2.1947, Bác nghỉ tại nhà k", [D(1947, 2, 19)], id="bench-21471491-dots"),
    pytest.param("Ngày ký: 2026-06-10 17:00:19 +07:00", [D(2026, 6, 10)], id="012-iso-signature"),
    pytest.param("Thứ hai, 7-4-25", [D(2025, 4, 7)], id="guide-header-two-digit-year"),
    pytest.param("mở cửa miễn phí (từ ngày 6/4 – 9/4/2017). Bộ LĐ-TB&XH", [D(2017, 4, 6), D(2017, 4, 9)],
                 id="bench-21472145-range-second-end-full"),
    pytest.param("Hội nghị Trung ương lần thứ 8 (từ ngày 10 đến 19-5-1941) đồng chí được bầu",
                 [D(1941, 5, 10), D(1941, 5, 19)], id="bench-21471880-range-days-then-full"),
    pytest.param("trong đợt một (từ ngày 24 và 25-9-2016), Viện", [D(2016, 9, 24), D(2016, 9, 25)],
                 id="bench-21475987-two-days"),
    pytest.param("Thông tư này có hiệu lực từ ngày 12-2-2017 đến ngày 1-7- 2017.", [D(2017, 2, 12), D(2017, 7, 1)],
                 id="bench-21471048-from-to"),
    pytest.param("thứ 3 Asian Cup 2019 sẽ bắt đầu vào ngày 28/3 năm 2017. HLV Hữu Thắng", [D(2017, 3, 28)],
                 id="bench-day-month-then-year-word"),
])
def test_full_dates(text, expected):
    assert days(text) == expected


@pytest.mark.parametrize("text,published,expected", [
    # shared/texts/036: "ngày 29/4 của" — a word of time before it, so the lower-case word after is fine
    pytest.param("thực hiện nghiêm công văn số 1017 ngày 29/4 của UBND tỉnh Hà Nam.", D(2021, 5, 1),
                 [D(2021, 4, 29)], id="036-day-month-then-lowercase"),
    pytest.param("Ngày 5.2, lãnh đạo Sở GD-ĐT TP.HCM cho biết", D(2017, 2, 5), [D(2017, 2, 5)],
                 id="bench-21470220-dot"),
    pytest.param("từ sáng sớm nay (6-2), hàng ngàn người kéo về", D(2017, 2, 6), [D(2017, 2, 6)],
                 id="bench-21473772-today-in-parentheses"),
    pytest.param("Chị cho biết thêm:“Ngày hôm qua (5/2), một người quản lý", D(2017, 2, 6), [D(2017, 2, 5)],
                 id="bench-21472991-yesterday"),
    pytest.param("lượng vé bán ra trong hai ngày 5 và 6/2 chỉ mới khoảng", D(2017, 2, 7), [D(2017, 2, 5), D(2017, 2, 6)],
                 id="bench-21476090-two-days"),
    pytest.param("tuyển sinh bằng hình thức trực tiếp từ 1/7 – 15/7. Theo Hà Phương", D(2017, 2, 7),
                 [D(2017, 7, 1), D(2017, 7, 15)], id="bench-from-day-month-to-day-month"),
    pytest.param("Thời gian tổ chức kỳ thi từ ngày 22 - 24/6. Lịch thi THPT", D(2017, 2, 7),
                 [D(2017, 6, 22), D(2017, 6, 24)], id="bench-day-range-hyphen"),
    pytest.param("Lễ hội hoa anh đào dự kiến diễn ra từ ngày 11 đến 13/2 sẽ được hủy bỏ.", D(2017, 2, 7),
                 [D(2017, 2, 11), D(2017, 2, 13)], id="bench-day-range-words"),
    pytest.param("phóng viên báo Tin Tức lúc 6h30 sáng 6/2 ở cửa ngõ Tây Bắc", D(2017, 2, 6), [D(2017, 2, 6)],
                 id="bench-morning"),
    # an article of January that speaks of 25 December speaks of the year before (sentence from
    # bench 21472977, publication date set for the case)
    pytest.param("ngày 28 Tết, tức 25/1, sau va chạm giao thông; đêm 25/12, lượng khách", D(2017, 1, 30),
                 [D(2017, 1, 25), D(2016, 12, 25)], id="previous-year"),
])
def test_day_month_in_the_publication_year(text, published, expected):
    assert days(text, published) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Ngày tạo: 11/03/2024 09:05:48\nTổ chức “Ngày hội toàn dân bảo vệ ANTQ” 19/8; "
                 "“Ngày toàn dân phòng chống ma túy” 26/6.", [D(2024, 3, 11), D(2024, 8, 19), D(2024, 6, 26)],
                 id="texts-year-from-page-date"),
    # bench 21476160: no publication date; the range's full end fixes the year of "sáng ngày 6/2"
    pytest.param("Sáng ngày 6/2, UBND thành phố Nam Định có báo cáo; lễ hội tổ chức từ ngày 7/2 - 12/2/2017",
                 [D(2017, 2, 6), D(2017, 2, 7), D(2017, 2, 12)], id="bench-21476160-year-from-other-dates"),
    # shared/texts/027: the only year given is a driver's birth year
    pytest.param("Nguyễn Đức L. (sinh năm 1962, trú tại phường Thống Nhất) ... vào sáng ngày 1/2 (mùng 5 Tết)", [],
                 id="027-birth-year-fixes-nothing"),
    # shared/texts/010: a deadline that recurs every year
    pytest.param("Báo cáo năm 2012 gửi trước ngày 30 tháng 4 hàng năm (đối với báo cáo năm).", [],
                 id="010-yearly-deadline"),
    pytest.param("Chiều 5/2, cô Vũ Thị Tân - Hiệu trưởng cho biết", [], id="bench-21469535-nothing-fixes-the-year"),
])
def test_day_month_without_publication_date(text, expected):
    assert days(text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("năm 2020 có 27/27 xã, phường đạt chuẩn", id="texts-fraction"),
    pytest.param("Thông tư số 23/2012/TT-BCA", id="seed-document-number"),
    pytest.param("ngày 31/2/2020", id="impossible-day"),
    pytest.param("văn minh đô thị giai đoạn 2023-2030", id="texts-period"),
    pytest.param("trong tình hình mới” giai đoạn 2020 - 2025.", id="texts-period-spaced"),
    pytest.param("Năm 2016, TP Hồ Chí Minh", id="bench-bare-year"),
    pytest.param("đá cho SHB Đà Nẵng, tỷ số 2-1 nghiêng về đội khách, năm 2017", id="score"),
    pytest.param("Thứ hai, 7-4-26", id="guide-header-weekday-disagrees"),
])
def test_not_days(text):
    assert days(text) == []


def test_malformed_date_next_to_a_good_one():
    assert days("(02/4/1975 - 02//2020)") == [D(1975, 4, 2)]


@pytest.mark.parametrize("text,published,year", [
    pytest.param("Ngày 8/2/2017, UBND TP Hà Nội đã ban hành Kế hoạch", None, 2017, id="022-full-date"),
    pytest.param("sinh năm 1962, trú tại phường Thống Nhất", None, None, id="027-birth-year"),
    pytest.param("Chiều 5/2, cô Vũ Thị Tân", D(2017, 2, 6), 2017, id="published"),
    pytest.param("ngày 14/11/2016 – 20/6/2017 và hôm nay (6/2/2017), so với năm 2015", None, 2017,
                 id="bench-21476179-latest-year"),
    pytest.param("sổ đỏ đất sân bay, ngày 24-10-2014, UBND TP Hà Nội đã ra Quyết định 5383 ... Theo đó, Quyết định 113 "
                 "ngày 14-4-1980 của chủ tịch ... Cũng theo ông Huy, năm 2017, một số", None,
                 2017, id="030-latest-year-not-the-cited-decision"),
    # the cited decision's date fixes nothing, and a year named once in passing neither
    pytest.param("Theo đó, Quyết định 113 ngày 14-4-1980 của chủ tịch ... Cũng theo ông Huy, năm 2017, một số", None,
                 None, id="030-cited-decision-and-a-year-in-passing-fix-nothing"),
    pytest.param("mang tên Đỗ Đình Nam (sinh ngày 27/5/1985, đăng kí thường trú", None, None,
                 id="031-birth-date-fixes-nothing"),
    pytest.param("cuối theo BKS 36C - 028.86 vào ngày 17/1, còn hạn kiểm định đến ngày 16/1/2018. Kết quả xét nghiệm",
                 None, None, id="bench-deadline-fixes-nothing"),
])
def test_document_year(text, published, year):
    doc = doc_of(text)
    if published:
        doc.published = published
    assert document_year(doc) == year


def test_months_and_years_have_their_precision():
    got = {(f.precision, f.value) for f in extract(doc_of("từ tháng 7/2017 đến năm 2018"))}
    assert got == {("month", D(2017, 7, 1)), ("year", D(2018, 1, 1))}


@pytest.mark.parametrize("text,expected", [
    pytest.param("# doc_id = news_society_182\n# date = 20210429\nKhông sử dụng mạng xã hội", D(2021, 4, 29),
                 id="texts-header-compact"),
    pytest.param("| Số: 6154/QĐ-UBND | Hà Nội, ngày 30 tháng 12 năm 2011 |\nQUYẾT ĐỊNH", D(2011, 12, 30),
                 id="009-legal-header"),
    pytest.param("Thứ 5, Ngày 16 Tháng 7 Năm 2020\nKết quả phong trào", D(2020, 7, 16), id="seed-page-header"),
    # an event date in the body is not a publication date
    pytest.param("Không để bị động\nNgày 8/2/2017, UBND TP Hà Nội đã ban hành Kế hoạch", None, id="022-event-date"),
])
def test_publication_date_from_page_furniture_and_headers(text, expected):
    from vietmine.pipeline.clean import clean
    from vietmine.facts import RawInput

    assert clean(RawInput("x.txt", text, "txt")).published == expected


@pytest.mark.parametrize("text,published,expected", [
    pytest.param("văn minh đô thị giai đoạn 2023-2030", None, [("year_range", D(2023, 1, 1), D(2030, 12, 31))],
                 id="texts-range"),
    pytest.param("trong tình hình mới” giai đoạn 2020 - 2025.", None,
                 [("year_range", D(2020, 1, 1), D(2025, 12, 31))], id="texts-range-spaced"),
    pytest.param("từ năm 2016 đến nay", D(2019, 5, 2), [("until_now", D(2016, 1, 1), D(2019, 5, 2))], id="until-now"),
    pytest.param("trong quý I/2024", None, [("quarter", D(2024, 1, 1), D(2024, 3, 31))], id="quarter"),
    pytest.param("6 tháng đầu năm 2017, toàn quốc", None, [("months_of_year", D(2017, 1, 1), D(2017, 6, 30))],
                 id="half-year"),
    pytest.param("Thông tư số 23/2012/TT-BCA, tỷ số 2-1", None, [], id="no-period"),
])
def test_periods_with_start_and_end(text, published, expected):
    from vietmine.extractors.dates import periods

    doc = doc_of(text)
    doc.published = published
    got = [(p.kind, p.start_date, p.end_date) for p in periods(doc, published.year if published else None)]
    assert got == expected


# shared/texts/033 (no publication date): the month written with its year fixes the days of that month,
# not the year of a law's name ("Bộ luật Dân sự năm 2015") nor a deadline ("trước ngày 1-1-2017")
TEXT_033 = ("Nhiều chính sách mới, có liên quan mật thiết đến người dân sẽ có hiệu lực thi hành trong tháng 7-2017.\n"
            "Tăng tiền đặt cọc đấu giá Từ 1-7, người tham gia đấu giá phải nộp tiền đặt trước từ 5% - 20% giá khởi điểm "
            "... (Luật Đấu giá tài sản số 01/2016/QH14, có hiệu lực từ ngày 1-7 quy định). ... điểm d khoản 1 Điều 688 "
            "Bộ luật Dân sự năm 2015 thời hiệu khởi kiện vẫn còn ... (Nghị định 66/2017/NĐ-CP quy định điều kiện kinh "
            "doanh thiết bị, phần mềm ngụy trang dùng để ghi âm, ghi hình, định vị, có hiệu lực thi hành từ ngày 5-7).")


@pytest.mark.parametrize("text,published,expected", [
    pytest.param(TEXT_033, None, [D(2017, 7, 1), D(2017, 7, 5)], id="033-month-with-its-year"),
    # shared/texts/037: the header's own date, a compact day in a date line, anchors the day of the body
    pytest.param("# date = 20210501\nNgày 30/4, thông tin từ UBND xã Quảng Yên xác nhận", None,
                 [D(2021, 5, 1), D(2021, 4, 30)], id="037-header-date-line"),
    # the same header at month precision (as issue 21 saw it: "date 2021-09" before "Sáng 14/9")
    pytest.param("# date = 2021-05\nNgày 30/4, thông tin từ UBND xã Quảng Yên xác nhận", None, [D(2021, 4, 30)],
                 id="037-header-month-precision"),
    # shared/texts/020: the year of a programme under way ("khẩu hiệu công tác thi đua năm 2017")
    pytest.param("Tiếp tục chuyến công tác tại các tỉnh, thành khu vực ĐBSCL, sáng 7-2, Trung tướng Nguyễn Văn Sơn ... "
                 "được Bộ Công an quán triệt trong khẩu hiệu công tác thi đua năm 2017 của toàn", None, [D(2017, 2, 7)],
                 id="020-year-of-a-programme"),
    # bench 21511706: the year reviewed ("công tác năm 2016") is not the meeting's; the tasks' year is
    pytest.param("Sáng 10/2, Thủ tướng Chính phủ Nguyễn Xuân Phúc và Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc (MTTQ) "
                 "Việt Nam ... kiểm điểm việc phối hợp công tác năm 2016, bàn nhiệm vụ trọng tâm năm 2017.", None,
                 [D(2017, 2, 10)], id="bench-21511706-reporting-period-is-not-the-year"),
    # shared/texts/016 (gold: no date): nothing fixes the year
    pytest.param("Ngày 19/6, Đoàn công tác Bộ Công an do Thượng tướng Nguyễn Văn Thành - Thứ trưởng Bộ Công", None, [],
                 id="016-no-anchor-no-day"),
    # bench 21471491: a day to come, a day once the text's year is known
    pytest.param("Con đường lần đầu tiên Bác Hồ về thăm Thanh Hóa\nNgày 20.2 tới, Đảng bộ, chính quyền và nhân dân "
                 "Thanh Hóa sẽ long trọng t", None, [], id="bench-21471491-day-to-come-without-year"),
    pytest.param("Con đường lần đầu tiên Bác Hồ về thăm Thanh Hóa\nNgày 20.2 tới, Đảng bộ, chính quyền và nhân dân "
                 "Thanh Hóa sẽ long trọng t", D(2017, 2, 6), [D(2017, 2, 20)], id="bench-21471491-day-to-come"),
    # shared/texts/027: a year named after Tết is among the text's years (a decree's date alone gave 2016)
    pytest.param("Tổ tuần tra kiểm soát CSGT Tuy Phước (Phòng CSGT, Công an tỉnh Bình Định) kiểm tra nồng độ cồn dịp cao "
                 "điểm Tết Đinh Dậu 2017 (Ảnh chụp ngày mùng 4 Tết)\nNghị định 46/2016/NĐ-CP thay thế Nghị định 171 có "
                 "hiệu lực thi hành từ 1/8/2016 tăng nặng mức xử phạt tiền đối với nhóm hành vi vi phạm về nồng độ cồn. "
                 "Theo người thân gia đình nạn nhân, vào sáng ngày 1/2 (mùng 5 Tết), anh Võ Văn Tịnh cùng mẹ là Nguyễn Thị "
                 "Xuân (SN 1957) đi chúc Tết bà con lối xóm.", None, [D(2016, 8, 1), D(2017, 2, 1)], id="027-year-of-tet"),
    # bench (one article, in its order): a day written in full dates its repetition; the text's year the others
    pytest.param("Vị khách du lịch “đặc biệt” Trong buổi chiều 2-2 (tức mùng 6 Tết Xuân Đinh Dậu 2017), chúng tôi được "
                 "Thượng tá Đào Anh Tuấn “khai xuân” bằng chiến công ấn tượng mà đơn vị lập vào giữa năm 2016.\nChiều "
                 "23-3-2016, tổ công tác Phòng Cảnh sát truy nã tội phạm nhận được thông tin Minh đang có mặt tại một lô cốt "
                 "trên quả đồi thuộc huyện Tân Yên.\n“Bằng sự quyết tâm và kinh nghiệm trong công tác trinh sát bắt truy nã, "
                 "ngay trong đêm 23-3, chúng tôi đã xác định Minh đang lẩn trốn trong “lô cốt” bỏ hoang.", None,
                 [D(2017, 2, 2), D(2016, 3, 23), D(2016, 3, 23)], id="bench-day-written-in-full-before"),
    # ... but not an anniversary's day decades back
    pytest.param("Cách đây 72 năm, ngày 8/5/1945, tại Berlin, phát xít Đức đã ký vào văn bản đầu hàng quân Đồng minh.\n• "
                 "2017-05-09 13:51 Tổng thống Putin đến thăm 'cấp trên' cũ tại KGB Ngày 8/5, Tổng thống Putin đã đến thăm "
                 "ông Lazar Matveyev.", None, [D(1945, 5, 8), D(2017, 5, 9), D(2017, 5, 8)], id="bench-anniversary-day"),
    # bench_sample 22643179: the news of the lead comes after the background told further on
    pytest.param("Tuyên phạt Nguyễn Ngọc Như Quỳnh 10 năm tù về tội tuyên truyền chống Nhà nước\nChiều 29/6, Hội đồng xét "
                 "xử Tòa án nhân dân tỉnh Khánh Hòa đã tuyên phạt bị cáo Nguyễn Ngọc Như Quỳnh (sinh năm 1979, thường trú tại "
                 "phường Vĩnh Phước, thành phố Nha Trang) 10 năm tù về tội “Tuyên truyền chống Nhà nước Cộng hòa xã hội chủ "
                 "nghĩa Việt Nam”.\nNhư tin TTXVN đã đưa, bị cáo Nguyễn Ngọc Như Quỳnh bị Cơ quan An ninh điều tra, Công an "
                 "tỉnh Khánh Hòa khởi tố, bắt tạm giam ngày 10/10/2016 về tội danh nói trên.", None,
                 [D(2017, 6, 29), D(2016, 10, 10)], id="bench-lead-after-its-background"),
    # ... but not before a date the text looks forward to (bench 2f21b41de62ebad9, cut)
    pytest.param("Từ 11/2 sẽ đổi mã vùng điện thoại cố định\nBắt đầu từ ngày 11/2 (tức Chủ nhật tuần này), giai đoạn 1 của "
                 "Kế hoạch chuyển đổi mã vùng điện thoại cố định sẽ chính thức được áp dụng. Theo đó, 13 tỉnh thành sẽ bắt đầu "
                 "chuyển đổi mã vùng mới.\nCục Viễn thông cho biết, lộ trình đổi mã vùng điện thoại cố định đợt này diễn ra ở "
                 "59 tỉnh, thành phố trên cả nước. Riêng 4 tỉnh là Vĩnh Phúc, Phú Thọ, Hòa Bình và Hà Giang vẫn giữ nguyên. "
                 "Kế hoạch chuyển đổi mã vùng sẽ kết thúc vào ngày 31/8/2017.", None,
                 [D(2017, 2, 11), D(2017, 2, 11), D(2017, 8, 31)], id="bench-lead-before-a-date-to-come"),
])
def test_the_year_of_a_day_written_without_one(text, published, expected):
    assert days(text, published) == expected


@pytest.mark.parametrize("text,published,expected", [
    pytest.param("2.2. Người hoạt động cách mạng từ ngày 01/01/1945 đến trước Tổng khởi nghĩa 19 tháng 8 năm 1945 "
                 "đang hưởng trợ cấp ưu đãi hằng tháng.", None, [D(1945, 1, 1), D(1945, 8, 19)],
                 id="008-worded-day-without-ngay"),
    pytest.param("Tổng lượng mưa tính từ đêm 15 đến hết đêm 19/6 ở vùng núi Bắc Bộ phổ biến 200-300mm.",
                 D(2017, 6, 15), [D(2017, 6, 15), D(2017, 6, 19)], id="bench-22538376-range-by-night"),
    pytest.param("Giám đốc Sở GD-ĐT tỉnh Vĩnh Long, cho biết: từ chiều 24 đến ngày 26-7, sở tiến hành nhận bài thi",
                 D(2017, 7, 20), [D(2017, 7, 24), D(2017, 7, 26)], id="bench-22628289-range-from-an-afternoon"),
    # a range across months: the first day takes the year written at the end
    pytest.param("Trong thông cáo báo chí phát hành chiều 11/7, Văn phòng Quốc hội cho biết, kỳ họp thứ 4, dự kiến Quốc hội "
                 "sẽ tiến hành trong làm việc trong 23 ngày, từ ngày 23/10 đến ngày 22/11/2017 để xem xét",
                 None, [D(2017, 10, 23), D(2017, 11, 22)], id="bench-range-across-months"),
    pytest.param("Trong đó, lợi nhuận sau thuế của riêng Quý 4 (từ 01/07 – 30/09/2016) đã là 87,4 tỷ đồng, tăng trưởng 3,4 "
                 "lần so với cùng kỳ 2015.", None, [D(2016, 7, 1), D(2016, 9, 30)], id="bench-quarter-range"),
])
def test_more_written_days(text, published, expected):
    assert days(text, published) == expected


def _texts(source: str) -> list[str]:
    from tests.conftest import shared_path
    from vietmine.corpus import SAMPLE_DIR

    folder = SAMPLE_DIR if source == "bundled corpus" else shared_path("texts")
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


@pytest.mark.parametrize("source", ["bundled corpus", "shared texts"])
def test_a_cued_pattern_finds_what_a_scan_of_the_whole_text_finds(source):
    """dates.json's cues (where a pattern's matches can start, from the runs of digits) are written
    by hand beside each pattern: a cue that misses a start would silently lose dates."""
    from vietmine.extractors.dates import patterns

    p = patterns()
    cued = [x for x in [*p.dmy, *p.dm, p.short_year, *p.ranges, *p.my, *p.y, p.year_ctx, *(q for _, q in p.periods)]
            if x.cue is not None]
    assert cued, "no pattern has a cue: this test checks nothing"
    for text in _texts(source):
        for x in cued:
            assert [m.span() for m in x.finditer(text)] == [m.span() for m in x.pattern.finditer(text)], x.pattern.pattern
