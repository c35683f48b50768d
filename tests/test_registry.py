"""The registry a researcher reads (issue 26): the title a text gives itself, and the date of the
document that acts on another (`document_status.act_date`), from real texts of ../shared/texts."""
import datetime as dt

import pytest

from vietmine.cli import main
from tests.util import doc_of, q

# --------------------------------------------------------------------------------------- titles
# Heads of real texts, quoted exactly (shared/texts NNN.txt after its "# source:" line); the title
# is the type line and the summary under it, or a công văn's "V/v" line, never the page furniture.
TITLES = [
    pytest.param(
        "CÔNG BÁO/Số 323/Ngày 11-06-2026 \n72\n \n \nBỘ CÔNG AN \n \n \nSố: 56/2026/TT-BCA \nCỘNG HÒA XÃ HỘI CHỦ "
        "NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n \nHà Nội, ngày 15 tháng 5 năm 2026 \n \nTHÔNG TƯ \nQuy định "
        "quản lý, theo dõi người bị cấm đi khỏi nơi cư trú \n \nCăn cứ Bộ luật Tố tụng hình sự số 101/2015/QH13 được "
        "sửa đổi, bổ sung \nmột số điều theo Luật số 02/2021/QH15, Luật số 34/2024/QH15, Luật số ",
        "THÔNG TƯ Quy định quản lý, theo dõi người bị cấm đi khỏi nơi cư trú", id="gazette-page-header-012"),
    pytest.param(
        "|\n| ỦY BAN NHÂN DÂN TỈNH SƠN LA ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "--------------- |\n|---|---|\n| Số: 254/QĐ-UBND | Sơn La, ngày 17 tháng 02 năm 2023 |\n\nQUYẾT ĐỊNH\n\nBAN "
        "HÀNH KẾ HOẠCH THỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH THỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023",
        id="markdown-table-and-motto-001"),
    pytest.param(
        "# Về việc ban hành Quy định trình tự, thủ tục giải quyết chế độ miễn, giảm tiền sử dụng đất đối với "
        "người có công với cách mạng trên địa bàn tỉnh Gia Lai\n\n| UỶ BAN NHÂN DÂN TỈNH GIA LAI -------- | CỘNG "
        "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------- |\n|---|---|\n| Số: 31/2011/QĐ-UBND "
        "| Gia Lai, ngày 10 tháng 11 năm 2011 |\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC BAN HÀNH QUY ĐỊNH TRÌNH TỰ, THỦ TỤC "
        "GIẢI QUYẾT CHẾ ĐỘ MIỄN, GIẢM TIỀN SỬ DỤNG ĐẤT ĐỐI VỚI NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG TRÊN ĐỊA BÀN TỈNH "
        "GIA LAI\n\nUỶ BAN NHÂN DÂN TỈNH\n",
        "QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH QUY ĐỊNH TRÌNH TỰ, THỦ TỤC GIẢI QUYẾT CHẾ ĐỘ MIỄN, GIẢM TIỀN SỬ DỤNG ĐẤT ĐỐI VỚI "
        "NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG TRÊN ĐỊA BÀN TỈNH GIA LAI", id="blank-line-ends-summary-005"),
    # the same head as PDF and gazette text give it, without the blank lines between paragraphs (as in
    # 012-014): the issuing authority's line under the summary ends it
    pytest.param(
        "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY ĐỊNH TRÌNH TỰ, THỦ TỤC GIẢI QUYẾT CHẾ ĐỘ MIỄN, GIẢM TIỀN SỬ DỤNG ĐẤT ĐỐI "
        "VỚI NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG TRÊN ĐỊA BÀN TỈNH GIA LAI\nUỶ BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức "
        "HĐND và UBND năm 2003;",
        "QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH QUY ĐỊNH TRÌNH TỰ, THỦ TỤC GIẢI QUYẾT CHẾ ĐỘ MIỄN, GIẢM TIỀN SỬ DỤNG ĐẤT ĐỐI VỚI "
        "NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG TRÊN ĐỊA BÀN TỈNH GIA LAI", id="authority-line-ends-summary-005-no-blank-lines"),
    pytest.param(
        "\nB Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI\n-------\nSố: 2638/LĐTBXH-KHTC\nV/v xây dựng dự toán ngân sách trung "
        "ươ n g thực hiện Pháp lệnh ưu đãi NCC với cách mạng năm 2020 và kế hoạch tài chính - NSNN 03 năm 2020-2022\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nHà Nội, ngày 03 tháng 7 "
        "năm 2019\n",
        "V/v xây dựng dự toán ngân sách trung ươ n g thực hiện Pháp lệnh ưu đãi NCC với cách mạng năm 2020 và kế "
        "hoạch tài chính - NSNN 03 năm 2020-2022", id="cong-van-vv-011"),
    pytest.param(
        " \n \nCÔNG BÁO/Số 261 + 262/Ngày 06-3-2022 \n3 \n \nVĂN BẢN QUY PHẠM PHÁP LUẬT \n \nVIỆN KIỂM SÁT NHÂN "
        "DÂN TỐI CAO - \nTÒA ÁN NHÂN DÂN TỐI CAO - \nBỘ CÔNG AN - BỘ QUỐC PHÒNG - \nBỘ LAO ĐỘNG - THƯƠNG BINH "
        "VÀ XÃ HỘI \n \nVIỆN KIỂM SÁT NHÂN DÂN TỐI CAO - \n TÒA ÁN NHÂN DÂN TỐI CAO -  \nBỘ CÔNG AN - BỘ QUỐC "
        "PHÒNG -  \nBỘ LAO ĐỘNG - THƯƠNG BINH  \nVÀ XÃ HỘI \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự "
        "do - Hạnh phúc \n \n \nSố: 01/2022/TTLT-VKSNDTC-\nTANDTC-BCA-BQP-BLĐTBXH \nHà Nội, ngày 18 tháng 02 "
        "năm 2022 \n \nTHÔNG TƯ LIÊN TỊCH \nQuy định về phối hợp giữa các cơ quan có thẩm quyền trong tiếp nhận, "
        " \ngiải quyết tố giác, tin báo về tội phạm, kiến nghị khởi tố, điều tra, truy tố,  \nxét xử sơ thẩm "
        "các vụ án xâm hại tình dục người dưới 18 tuổi \n \nCăn cứ Bộ luật Tố tụng hình sự ngày 27 tháng 11 năm "
        "2015; Luật sửa đổi, bổ \nsung một số điều của Bộ luật Tố tụng hình sự ngày 12 tháng 11 năm 2021; \nCăn "
        "cứ Luật Tổ chức Cơ quan điều tra hình sự ngày 26 tháng 11 năm 2015; \nCăn cứ Luật Ban hành văn bản quy "
        "phạm pháp luật ngày 22 tháng 6 năm 2015; ",
        "THÔNG TƯ LIÊN TỊCH Quy định về phối hợp giữa các cơ quan có thẩm quyền trong tiếp nhận, giải quyết tố giác, "
        "tin báo về tội phạm, kiến nghị khởi tố, điều tra, truy tố, xét xử sơ thẩm các vụ án xâm hại tình dục người "
        "dưới 18 tuổi", id="summary-wrapped-over-lines-014"),
    pytest.param(
        "QUỐC HỘI\n********\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n********\n\nSố: "
        "32/2004/QH11\n\nHà Nội, ngày 03 tháng 12 năm 2004\n\n\n\nLUẬT\n\nCỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ "
        "NGHĨA VIỆT NAM SỐ 32/2004/QH11 NGÀY 03 THÁNG 12 NĂM 2004 VỀ AN NINH QUỐC GIA\n\nCăn cứ vào Hiến pháp "
        "nước Cộng hoà xã hội chủ nghĩa Việt Nam năm 1992 đã được sửa đổi, bổ sung theo Nghị quyết số 51/2001/QH10 "
        "ngày 25 tháng 12 năm 2001 của Quốc hội khoá X, kỳ họp thứ 10;",
        "LUẬT CỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ 32/2004/QH11 NGÀY 03 THÁNG 12 NĂM 2004 VỀ AN "
        "NINH QUỐC GIA", id="law-after-the-motto-015"),
    pytest.param(
        "# Quy định chế độ, chính sách đối với gia đình, thân nhân hạ sĩ quan, chiến sĩ đang phục vụ có thời hạn trong "
        "Công an nhân dân\n\n| CHÍNH PHỦ ------ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "--------------- |\n|---|\n| Số: 87/2013/NĐ-CP | Hà Nội, ngày 30 tháng 07 năm 2013 |\n\nNGHỊ ĐỊNH\n\nQUY ĐỊNH "
        "CHẾ ĐỘ, CHÍNH SÁCH ĐỐI VỚI GIA ĐÌNH, THÂN NHÂN HẠ SĨ QUAN, CHIẾN SĨ ĐANG PHỤC VỤ CÓ THỜI HẠN TRONG CÔNG AN "
        "NHÂN DÂN\n",
        "NGHỊ ĐỊNH QUY ĐỊNH CHẾ ĐỘ, CHÍNH SÁCH ĐỐI VỚI GIA ĐÌNH, THÂN NHÂN HẠ SĨ QUAN, CHIẾN SĨ ĐANG PHỤC VỤ CÓ THỜI "
        "HẠN TRONG CÔNG AN NHÂN DÂN", id="summary-starting-with-a-type-word-004"),
    # news: the first line stays the title (shared/texts 016; bench baomoi 22637308)
    pytest.param(
        "Không để bị động, bất ngờ trong đảm bảo an ninh trật tự\nNgày 19/6, Đoàn công tác Bộ Công an do Thượng tướng "
        "Nguyễn Văn Thành - Thứ trưởng Bộ Công an dẫn đầu có buổi làm việc với Công an Hà Tĩnh.",
        "Không để bị động, bất ngờ trong đảm bảo an ninh trật tự", id="news-first-line-016"),
    pytest.param(
        "Về việc cấp giấy phép nhận chìm ở biển cho Điện lực Vĩnh Tân 1\nBộ Tài nguyên và Môi trường chính thức thông "
        "tin về việc cấp Giấy phép nhận chìm ở biển cho Công ty TNHH Điện lực Vĩnh Tân 1 tỉnh Bình Thuận.",
        "Về việc cấp giấy phép nhận chìm ở biển cho Điện lực Vĩnh Tân 1", id="news-title-opening-ve-viec-bench"),
]


@pytest.mark.parametrize("head, title", TITLES)
def test_title_is_the_type_line_and_its_summary_not_page_furniture(head, title):
    assert doc_of(head).title == title


# ------------------------------------------------------------------------------------- act dates
PREAMBLE_012 = (
    "CÔNG BÁO/Số 323/Ngày 11-06-2026 \n72\n \n \nBỘ CÔNG AN \n \n \nSố: 56/2026/TT-BCA \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA "
    "VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n \nHà Nội, ngày 15 tháng 5 năm 2026 \n \nTHÔNG TƯ \nQuy định quản lý, "
    "theo dõi người bị cấm đi khỏi nơi cư trú \n \nCăn cứ Bộ luật Tố tụng hình sự số 101/2015/QH13 được sửa đổi, bổ "
    "sung \nmột số điều theo Luật số 02/2021/QH15, Luật số 34/2024/QH15, Luật số \n59/2024/QH15, Luật số 99/2025/QH15,"
    " Luật số 106/2025/QH15 và Luật số \n128/2025/QH15; \n")
# shared/texts/004.txt, excerpts joined: the decree's own header and type line, then its Điều 5 that repeals another
OWN_004 = (
    "| CHÍNH PHỦ ------ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n|---|\n"
    "| Số: 87/2013/NĐ-CP | Hà Nội, ngày 30 tháng 07 năm 2013 |\n\nNGHỊ ĐỊNH\n\nĐiều 5. Hiệu lực thi hành\n\n1. Nghị "
    "định này có hiệu lực thi hành kể từ ngày 14 tháng 9 năm 2013.\n\nBãi bỏ Nghị định số 54/2008/NĐ-CP ngày 24 "
    "tháng 4 năm 2008 của Chính phủ quy định chế độ, chính sách đối với thân nhân hạ sĩ quan, chiến sĩ đang phục vụ "
    "có thời hạn trong Công an nhân dân.\n")
# shared/texts/035.txt, excerpts joined (date line, title, 4th paragraph): a news article of 29/04/2021 citing a
# decree by its short number
NEWS_035 = ("# date = 20210429\nKhông sử dụng mạng xã hội trong giờ làm việc\nNghị định 37/2021 của Chính phủ sửa "
            "đổi Nghị định 137/2015 hướng dẫn Luật Căn cước công dân sẽ chính thức có hiệu lực từ ngày 14/5/2021.\n")
# shared/texts/013.txt: the amending decree cited with its own date
CITED_013 = ("Căn cứ Nghị định số 02/2025/NĐ-CP ngày 18 tháng 02 năm 2025 của Chính \nphủ quy định chức năng, nhiệm vụ, "
             "quyền hạn và cơ cấu tổ chức của Bộ Công an \nđược sửa đổi, bổ sung bởi Nghị định số 11/2025/NĐ-CP ngày 01 "
             "tháng 7 năm 2025 \ncủa Chính phủ; \n")


@pytest.mark.parametrize("text, amended, expected", [
    # six amending laws cited by number alone: not the date of the circular that cites them
    pytest.param(PREAMBLE_012, "101/2015/QH13", {("02/2021/QH15", None, 2021), ("34/2024/QH15", None, 2024),
                                                 ("59/2024/QH15", None, 2024), ("99/2025/QH15", None, 2025),
                                                 ("106/2025/QH15", None, 2025), ("128/2025/QH15", None, 2025)},
                 id="preamble-laws-by-number-012"),
    # the acting document is the text itself: its own header date
    pytest.param(OWN_004, "54/2008/NĐ-CP", {("87/2013/NĐ-CP", dt.date(2013, 7, 30), 2013)}, id="own-text-004"),
    # a news article's date is not the decree's
    pytest.param(NEWS_035, "137/2015/NĐ-CP", {("37/2021/NĐ-CP", None, 2021)}, id="news-short-number-035"),
    pytest.param(CITED_013, "02/2025/NĐ-CP", {("11/2025/NĐ-CP", dt.date(2025, 7, 1), 2025)}, id="cited-with-date-013"),
])
def test_act_date_is_the_acting_documents_own_date(text, amended, expected, tmp_path, tmp_db):
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    assert main(["ingest", str(tmp_path / "t.txt"), "--db", tmp_db, "--quiet"]) == 0
    rows = q(tmp_db, "SELECT by_key, act_date, act_year FROM document_status WHERE registry_key = ?", amended)
    assert set(rows) == expected
