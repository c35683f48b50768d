"""The registry a researcher reads (issue 26): the title a text gives itself, and the date of the
document that acts on another (`document_status.act_date`), from real texts of ../shared/texts."""
import datetime as dt

import pytest

from vietmine.cli import main
from tests.util import q

# ------------------------------------------------------------------------------------- act dates
PREAMBLE_012 = (
    "CÔNG BÁO/Số 323/Ngày 11-06-2026 \n72\n \n \nBỘ CÔNG AN \n \n \nSố: 56/2026/TT-BCA \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA "
    "VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n \nHà Nội, ngày 15 tháng 5 năm 2026 \n \nTHÔNG TƯ \nQuy định quản lý, "
    "theo dõi người bị cấm đi khỏi nơi cư trú \n \nCăn cứ Bộ luật Tố tụng hình sự số 101/2015/QH13 được sửa đổi, bổ "
    "sung \nmột số điều theo Luật số 02/2021/QH15, Luật số 34/2024/QH15, Luật số \n59/2024/QH15, Luật số 99/2025/QH15,"
    " Luật số 106/2025/QH15 và Luật số \n128/2025/QH15; \n")
# shared/texts/004.txt: the decree's own header, then the article of its body that repeals another
OWN_004 = (
    "| CHÍNH PHỦ ------ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n|---|\n"
    "| Số: 87/2013/NĐ-CP | Hà Nội, ngày 30 tháng 07 năm 2013 |\n\nNGHỊ ĐỊNH\n\nĐiều 5. Hiệu lực thi hành\n\n1. Nghị "
    "định này có hiệu lực thi hành kể từ ngày 14 tháng 9 năm 2013.\n\nBãi bỏ Nghị định số 54/2008/NĐ-CP ngày 24 "
    "tháng 4 năm 2008 của Chính phủ quy định chế độ, chính sách đối với thân nhân hạ sĩ quan, chiến sĩ đang phục vụ "
    "có thời hạn trong Công an nhân dân.\n")
# shared/texts/035.txt, a news article of 29/04/2021 citing a decree by its short number
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
