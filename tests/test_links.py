"""Links between documents, one case per real passage (shared/texts NNN, bench = baomoi-2017 id).
Expected links are what the text states (GUIDE.md 'links'), as (source, target, relation)."""
import pytest

from vietmine.extractors.legal_refs import extract
from vietmine.pipeline.links import find_links
from vietmine.pipeline.resolve import resolve_short_forms
from tests.util import doc_of


def links_of(text):
    doc = doc_of(text)
    refs = extract(doc)
    resolve_short_forms(refs)
    return find_links(doc, refs), doc


def triples(text):
    return {(ln.src_code, ln.dst_code, ln.relation) for ln in links_of(text)[0]}


T012 = ("BỘ CÔNG AN \n \n \nSố: 56/2026/TT-BCA \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n \n"
        "Hà Nội, ngày 15 tháng 5 năm 2026 \n \nTHÔNG TƯ \nQuy định quản lý, theo dõi người bị cấm đi khỏi nơi cư trú \n \n"
        "Căn cứ Bộ luật Tố tụng hình sự số 101/2015/QH13 được sửa đổi, bổ sung \nmột số điều theo Luật số 02/2021/QH15, "
        "Luật số 34/2024/QH15, Luật số \n59/2024/QH15, Luật số 99/2025/QH15, Luật số 106/2025/QH15 và Luật số \n"
        "128/2025/QH15; \nCăn cứ Luật Thi hành tạm giữ, tạm giam và cấm đi khỏi nơi cư trú số \n128/2025/QH15; \n"
        "Căn cứ Nghị định số 02/2025/NĐ-CP ngày 18 tháng 02 năm 2025 của Chính \nphủ quy định chức năng, nhiệm vụ, quyền "
        "hạn và cơ cấu tổ chức của Bộ Công an, \nđược sửa đổi, bổ sung bởi Nghị định số 11/2025/NĐ-CP; \n"
        "Theo đề nghị của Cục trưởng Cục Cảnh sát quản lý tạm giữ, tạm giam và \nthi hành án hình sự tại cộng đồng; \n")

T001 = ("| Số: 254/QĐ-UBND | Sơn La, ngày 17 tháng 02 năm 2023 |\n\nQUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH THỰC HIỆN CÔNG TÁC "
        "BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\nCăn cứ Luật Tổ chức Chính quyền địa phương ngày "
        "19 tháng 6 năm 2015; Luật Sửa đổi bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức Chính quyền địa "
        "phương ngày 22 tháng 11 năm 2019;\n\nCăn cứ Luật Bảo vệ bí mật nhà nước ngày 15 tháng 11 năm 2018;\n\nCăn cứ Nghị "
        "định số 26/2020/NĐ-CP ngày 28 tháng 02 năm 2020 của Chính phủ Quy định chi tiết một số điều của Luật Bảo vệ bí mật "
        "nhà nước; Thông tư số 24/2020/TT-BCA ngày 10 tháng 3 năm 2020 của Bộ trưởng Bộ Công an ban hành biểu mẫu sử dụng "
        "trong công tác bảo vệ bí mật nhà nước; Chỉ thị số 02/CT-TTg ngày 15 tháng 11 năm 2019 về tăng cường công tác bảo vệ "
        "bí mật nhà nước trong tình hình hiện nay.\n\n")

T006 = ("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính (đã "
        "được sửa đổi, bổ sung bởi Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm 2017 của Chính phủ); Nghị định số "
        "61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải "
        "quyết thủ tục hành chính (đã được sửa đổi, bổ sung bởi Nghị định số 107/2021/NĐ-CP ngày 06 tháng 12 năm 2021 của "
        "Chính phủ); Nghị định số 45/2020/NĐ-CP ngày 08 tháng 4 năm 2020 của Chính phủ về thực hiện TTHC trên môi trường "
        "điện tử;")

T009 = ("Căn cứ Thông tư liên tịch số 25/2010/TTLT-BLĐTBXH-BTC-BYT ngày 11/9/2010 của Liên Bộ: Lao động Thương binh và Xã "
        "hội, Tài chính, Y tế về việc sửa đổi, bổ sung Thông tư liên tịch số: 17/2006/TTLT-BLĐTBXH-BTC-BYT ngày 21/11/2006 "
        "và thay thế Thông tư liên tịch số 06/2007/TTLT-BLĐTBXH-BTC-BYT ngày 12/4/2007 của liên Bộ: Lao động Thương binh và "
        "Xã hội - Tài chính - Y tế hướng dẫn chế độ chăm sóc sức khỏe đối với người có công với cách mạng;")

# Thông tư 81/2025/TT-BCA (a public legal-text repository, hrmaster1982-dev/phapluat-8chude-data)
T81 = ("Số: 81/2025/TT-BCA \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n \nHà Nội, ngày 29 tháng "
       "8 năm 2025 \n \nTHÔNG TƯ \nQuy định biện pháp thực hiện bảo hiểm y tế đối với sĩ quan, hạ sĩ quan,           \n"
       "chiến sĩ và học viên Công an nhân dân \n \nCăn cứ Luật Bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008 đã \n"
       "được sửa đổi, bổ sung bởi Luật số 46/2014/QH13 và Luật số 51/2024/QH15 (sau \nđây viết gọn là Luật Bảo hiểm y tế "
       "đã được sửa đổi, bổ sung); \nCăn cứ Nghị định số 70/2015/NĐ-CP ngày 01 tháng 9 năm 2015 của Chính \nphủ quy định "
       "chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm y tế \nđối với Quân đội nhân dân, Công an nhân dân và "
       "người làm công tác cơ yếu đã \nđược sửa đổi, bổ sung bởi Nghị định số 74/2025/NĐ-CP ngày 31 tháng 3 năm \n2025 "
       "của Chính phủ (sau đây viết gọn là Nghị định số 70/2015/NĐ-CP đã được \nsửa đổi, bổ sung); \nTheo đề nghị của "
       "Cục trưởng Cục Tổ chức cán bộ; \n")

CASES = [
    # Kế hoạch 16/KH-MTTQ-BTT of a commune's Fatherland Front (LaHieu11/baucu-luongminh): an amending law after
    # "một số điều tại", and a law named by its title inside the item that numbers it
    pytest.param("Số: 16/KH-MTTQ-BTT\n\nLương Minh, ngày 18 tháng 11 năm 2025\n\nKẾ HOẠCH\n\nThực hiện công tác bầu cử "
                 "đại biểu Quốc hội khóa XVI\n\nCăn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số "
                 "85/2015/QH13, ngày 25/6/2015 và được sửa đổi, bổ sung một số điều tại Luật số 83/2025/QH15, ngày "
                 "24/6/2025; Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13, ngày 09/6/2015 và Luật số 97/2025/QH15, "
                 "ngày 27/6/2025 về sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn, Luật "
                 "Thanh niên, Luật Thực hiện dân chủ ở cơ sở; Chỉ thị số 46-CT/TW, ngày 16/5/2025 của Bộ Chính trị về lãnh "
                 "đạo cuộc bầu cử;",
                 {("16/KH-MTTQ-BTT", "85/2015/QH13", "based_on"), ("16/KH-MTTQ-BTT", "75/2015/QH13", "based_on"),
                  ("16/KH-MTTQ-BTT", "97/2025/QH15", "based_on"), ("16/KH-MTTQ-BTT", "46-CT/TW", "based_on"),
                  ("83/2025/QH15", "85/2015/QH13", "amends"), ("97/2025/QH15", "75/2015/QH13", "amends")},
                 id="plan-16-amending-laws-and-a-title-in-the-same-item"),
    # Công văn 296/BHXH-CSYT (Bảo hiểm xã hội Việt Nam, a public legal-text repository): correcting amends
    pytest.param("Số: 296/BHXH-CSYT\nKính gửi: Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương.\nBộ Y tế có "
                 "Công văn số 627/BYT-BH ngày 27/01/2021 về việc hướng dẫn thực hiện một số quy định tại Điều 22 Luật "
                 "Bảo hiểm y tế (BHYT) và Công văn số 666/BYT-BH ngày 27/01/2021 về việc đính chính điểm b Mục 3 Công "
                 "văn số 627/BYT-BH.", {("666/BYT-BH", "627/BYT-BH", "amends")}, id="legal-296-a-correction-amends"),
    # the same page flattened: the title runs on after the place and date line
    pytest.param("Quyết định 3176/QĐ-BYT năm 2024. BỘ Y TẾ -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
                 "Hạnh phúc ---------------\nSố: 3176/QĐ-BYT\nHà Nội, ngày 29 tháng 10 năm 2024 QUYẾT ĐỊNH SỬA ĐỔI, BỔ "
                 "SUNG QUYẾT ĐỊNH SỐ 4750/QĐ-BYT  NGÀY 29/12/2023 CỦA BỘ TRƯỞNG BỘ Y TẾ SỬA ĐỔI, BỔ SUNG QUYẾT ĐỊNH SỐ "
                 "130/QĐ-BYT  NGÀY 18/01/2023 QUY ĐỊNH CHUẨN VÀ ĐỊNH DẠNG DỮ LIỆU ĐẦU RA\nCăn cứ Nghị định số "
                 "95/2022/NĐ-CP ngày 15 tháng 11 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu "
                 "tổ chức của Bộ Y tế;",
                 {("3176/QĐ-BYT", "4750/QĐ-BYT", "amends"), ("4750/QĐ-BYT", "130/QĐ-BYT", "amends"),
                  ("3176/QĐ-BYT", "95/2022/NĐ-CP", "based_on")}, id="legal-3176-title-after-the-date-line"),
    # Quyết định 3176/QĐ-BYT (johnPa02/thuvienphapluat-crawler): a guiding text details an article
    # and the measures to apply it
    pytest.param("Số: 3176/QĐ-BYT\nHà Nội, ngày 29 tháng 10 năm 2024\nCăn cứ Nghị định số 95/2022/NĐ-CP ngày 15 tháng "
                 "11 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Y tế;\n"
                 "Thông tư số 30/2020/TT-BYT ngày 31 tháng 12 năm 2020 của Bộ trưởng Bộ Y tế quy định chi tiết và hướng "
                 "dẫn biện pháp thi hành một số điều của Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018 của Chính "
                 "phủ quy định chi tiết và hướng dẫn biện pháp thi hành một số điều của Luật Bảo hiểm y tế;\nTheo đề nghị "
                 "của Vụ trưởng Vụ Bảo hiểm y tế.",
                 {("3176/QĐ-BYT", "95/2022/NĐ-CP", "based_on"), ("3176/QĐ-BYT", "30/2020/TT-BYT", "based_on"),
                  ("30/2020/TT-BYT", "146/2018/NĐ-CP", "guides")}, id="legal-3176-guides-the-measures-to-apply"),
    pytest.param("Số: 3618/QĐ-BHXH\nHà Nội, ngày 12 tháng 12 năm 2022\nCăn cứ Thông tư số 30/2020/TT-BYT ngày 31 tháng 12 "
                 "năm 2020 của Bộ trưởng Bộ Y tế quy định chi tiết và hướng dẫn thực hiện một số điều của Nghị định số "
                 "146/2018/NĐ-CP;\n",
                 {("3618/QĐ-BHXH", "30/2020/TT-BYT", "based_on"), ("30/2020/TT-BYT", "146/2018/NĐ-CP", "guides")},
                 id="tvpl-3618-QĐ-BHXH-guides-and-directs-how-to-apply"),
    # the decree amends the decree, not the law named by its title between them; a law named by its
    # title alone is no link (the gold's reading)
    pytest.param(T81, {
        ("81/2025/TT-BCA", "25/2008/QH12", "based_on"), ("81/2025/TT-BCA", "70/2015/NĐ-CP", "based_on"),
        ("46/2014/QH13", "25/2008/QH12", "amends"), ("51/2024/QH15", "25/2008/QH12", "amends"),
        ("74/2025/NĐ-CP", "70/2015/NĐ-CP", "amends")}, id="legal-81-2025-decree-amends-the-decree-not-the-law"),
    pytest.param(T012, {
        ("56/2026/TT-BCA", "101/2015/QH13", "based_on"), ("56/2026/TT-BCA", "128/2025/QH15", "based_on"),
        ("56/2026/TT-BCA", "02/2025/NĐ-CP", "based_on"),
        ("02/2021/QH15", "101/2015/QH13", "amends"), ("34/2024/QH15", "101/2015/QH13", "amends"),
        ("59/2024/QH15", "101/2015/QH13", "amends"), ("99/2025/QH15", "101/2015/QH13", "amends"),
        ("106/2025/QH15", "101/2015/QH13", "amends"), ("128/2025/QH15", "101/2015/QH13", "amends"),
        ("11/2025/NĐ-CP", "02/2025/NĐ-CP", "amends")}, id="012-passive-chain-across-pdf-lines"),
    pytest.param(T006, {("92/2017/NĐ-CP", "63/2010/NĐ-CP", "amends"), ("107/2021/NĐ-CP", "61/2018/NĐ-CP", "amends")},
                 id="006-passive-in-parentheses-no-own-number"),
    pytest.param("| 1 | 2.000674 | Cấp Giấy xác nhận đủ điều kiện làm tổng đại lý kinh doanh xăng dầu thuộc thẩm quyền cấp "
                 "của Sở Công Thương | Nghị định số 95/2021/NĐ-CP ngày 01 tháng 11 năm 2021 của Chính phủ sửa đổi, bổ sung "
                 "một số điều của Nghị định số 83/2014/NĐ-CP ngày 03 tháng 9 năm 2014 của Chính phủ về kinh doanh xăng dầu. |",
                 {("95/2021/NĐ-CP", "83/2014/NĐ-CP", "amends")}, id="006-active-in-table-cell"),
    pytest.param(T009, {("25/2010/TTLT-BLĐTBXH-BTC-BYT", "17/2006/TTLT-BLĐTBXH-BTC-BYT", "amends"),
                        ("25/2010/TTLT-BLĐTBXH-BTC-BYT", "06/2007/TTLT-BLĐTBXH-BTC-BYT", "replaces")},
                 id="009-coordinated-objects-share-the-source"),
    pytest.param(T001, {("254/QĐ-UBND", "26/2020/NĐ-CP", "based_on"), ("254/QĐ-UBND", "24/2020/TT-BCA", "based_on"),
                        ("254/QĐ-UBND", "02/CT-TTg", "based_on")}, id="001-preamble-items-drop-can-cu"),
    pytest.param("|---|\n| Số: 87/2013/NĐ-CP | Hà Nội, ngày 30 tháng 07 năm 2013 |\n\nNGHỊ ĐỊNH\n\n"
                 "Bãi bỏ Nghị định số 54/2008/NĐ-CP ngày 24 tháng 4 năm 2008 của Chính phủ quy định chế độ, chính sách "
                 "đối với thân nhân hạ sĩ quan, chiến sĩ đang phục vụ có thời hạn trong Công an nhân dân.",
                 {("87/2013/NĐ-CP", "54/2008/NĐ-CP", "repeals")}, id="004-own-article-repeals"),
    pytest.param("| Số: 3210/QĐ - UBND | T hành phố Hồ Chí M inh, ngày 28 tháng 6 năm 2014 |\n\nQUYẾT ĐỊNH\n\n"
                 "VỀ BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN THÔNG TƯ SỐ 09/2013/TT-BXD NGÀY 01 THÁNG 7 NĂM 2013 CỦA BỘ XÂY "
                 "DỰNG VỀ HƯỚNG DẪN THỰC HIỆN QUYẾT ĐỊNH SỐ 22/2013/QĐ-TTG NGÀY 26 THÁNG 4 NĂM 2013 CỦA THỦ TƯỚNG CHÍNH PHỦ",
                 {("3210/QĐ-UBND", "09/2013/TT-BXD", "implements"), ("09/2013/TT-BXD", "22/2013/QĐ-TTg", "guides")},
                 id="003-own-title-upper-case-spaced-header-code"),
    pytest.param("Số: 2638/LĐTBXH-KHTC\nV/v xây dựng dự toán ngân sách trung ươ n g thực hiện Pháp lệnh ưu đãi NCC với "
                 "cách mạng năm 2020 và kế hoạch tài chính - NSNN 03 năm 2020-2022\nThực hiện Chỉ thị số 16/CT-TTg ngày "
                 "25/6/2019 của Thủ tướng Chính phủ về xây dựng Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách "
                 "nhà nước năm 2020 và Thông tư số 38/2019/TT-BTC ngày 28/6/2019 của Bộ trưởng Bộ Tài chính hướng dẫn xây "
                 "dựng dự toán ngân sách nhà nước năm 2020, kế hoạch tài chính - ngân sách nhà nước 03 năm 2020-2022; kế "
                 "hoạch tài chính 05 năm tỉnh, thành phố trực thuộc trung ương giai đoạn 2021-2025, Bộ hướng dẫn Sở Lao động "
                 "- Thương binh và Xã hội các tỉnh, thành phố xây dựng dự toán ngân sách.",
                 {("2638/LĐTBXH-KHTC", "16/CT-TTg", "implements"), ("2638/LĐTBXH-KHTC", "38/2019/TT-BTC", "implements")},
                 id="011-official-letter-implements-its-thuc-hien-list"),
    pytest.param("Thực hiện Nghị quyết số 63/NQ-CP ngày 22/7/2016 của Chính phủ ban hành Chương trình hành động của Chính "
                 "phủ thực hiện Nghị quyết của Quốc hội về Kế hoạch phát triển kinh tế - xã hội 5 năm 2016 – 2020; Nghị "
                 "quyết số 64/NQ-CP ngày 22/7/2016 của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện "
                 "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng; Nghị quyết số 100/NQ-CP ngày 18/11/2016 của "
                 "Chính phủ ban hành Chương trình hành động của Chính phủ nhiệm kỳ 2016 -2021 và các Nghị quyết của Đảng bộ "
                 "tỉnh Kon Tum, của HĐND tỉnh, Ủy ban nhân dân tỉnh Kon Tum đã ban hành Chương trình số 3303/CTr-UBND ngày "
                 "29/12/2016 thực hiện các Nghị quyết của Chính phủ.",
                 {("3303/CTr-UBND", "63/NQ-CP", "implements"), ("3303/CTr-UBND", "64/NQ-CP", "implements"),
                  ("3303/CTr-UBND", "100/NQ-CP", "implements")}, id="bench-21478425-thuc-hien-list-then-issued-plan"),
    pytest.param("Ngày 6-2, UBND TP Hà Nội ban hành Kế hoạch số 23/KH-UBND về Tổ chức thực hiện Chỉ thị số 15-CT/TU, ngày "
                 "16-12-2016, của Thành ủy “Về tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác tiếp công dân”.",
                 {("23/KH-UBND", "15-CT/TU", "implements")}, id="bench-21478620-plan-implements"),
    pytest.param("Bộ Tài chính vừa ban hành Thông tư số 332/2016/TT-BTC sửa đổi, bổ sung một số điều của Thông tư số "
                 "76/2014/TT-BTC hướng dẫn thực hiện một số điều của Nghị định số 45/2014/NĐ-CP của Chính phủ quy định về "
                 "thu tiền sử dụng đất và Thông tư số 333/2016/TT-BTC sửa đổi, bổ sung một số điều của Thông tư số "
                 "77/2014/TT-BTC hướng dẫn thực hiện một số điều của Nghị định số 46/2014/NĐ-CP của Chính phủ quy định về "
                 "thu tiền thuê đất, thuê mặt nước.",
                 {("332/2016/TT-BTC", "76/2014/TT-BTC", "amends"), ("76/2014/TT-BTC", "45/2014/NĐ-CP", "guides"),
                  ("333/2016/TT-BTC", "77/2014/TT-BTC", "amends"), ("77/2014/TT-BTC", "46/2014/NĐ-CP", "guides")},
                 id="bench-21508350-chain-of-relative-clauses"),
    pytest.param("Thông tư số 151/2014/TT-BTC ngày 10/10/2014 của Bộ Tài chính sửa đổi Điều 12 Thông tư số 156/2013/TT-BTC "
                 "như sau: Khai thuế TNDN đối với hoạt động chuyển nhượng bất động sản.",
                 {("151/2014/TT-BTC", "156/2013/TT-BTC", "amends")}, id="bench-21479648-amends-an-article"),
    pytest.param("đảm bảo thời gian phục vụ khách hàng của hệ thống ATM theo đúng quy định tại khoản 1 Điều 5 Thông tư số "
                 "36/2012/TT-NHNN ngày 28/12/2012 của Thống đốc Ngân hàng Nhà nước quy định về trang bị, quản lý, vận hành "
                 "và đảm bảo an toàn hoạt động của máy giao dịch tự động (đã được sửa đổi, bổ sung tại Thông tư số "
                 "20/2016/TT-NHNN)", {("20/2016/TT-NHNN", "36/2012/TT-NHNN", "amends")}, id="bench-22239330-passive-tai"),
    pytest.param("Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định chi tiết thi hành một số điều, khoản "
                 "của Luật Đất đai số 45/2013/QH13, trường hợp SDĐ trên của ông Trần Thanh Bình",
                 {("43/2014/NĐ-CP", "45/2013/QH13", "guides")}, id="bench-21490603-law-named-before-number"),
    pytest.param("Sửa đổi, bổ sung Điều 6 Thông tư số 78/2014/TT-BTC (đã được sửa đổi, bổ sung tại Khoản 2, Điều 6 Thông tư "
                 "số 119/2014/TT-BTC và Điều 1 Thông tư số 151/2014/TT-BTC) như sau: \"Điều 6.",
                 {("119/2014/TT-BTC", "78/2014/TT-BTC", "amends"), ("151/2014/TT-BTC", "78/2014/TT-BTC", "amends")},
                 id="bench-21473007-passive-tai-provisions-coordinated-agents"),
    pytest.param("- Dự án đầu tư được Nhà nước cho thuê đất để xây dựng nhà ở cho công nhân của các khu công nghiệp được miễn "
                 "tiền thuê đất trong toàn bộ thời gian thuê theo điểm b Khoản 1 Điều 19 Nghị định 46/2014/NĐ-CP (đươc sửa "
                 "đổi bởi Nghị định 135/2016/NĐ-CP).", {("135/2016/NĐ-CP", "46/2014/NĐ-CP", "amends")},
                 id="bench-21474359-passive-typo-duoc"),
    pytest.param("UBND thành phố Hà Nội vừa ban hành Kế hoạch số 23/KH-UBND tổ chức thực hiện Chỉ thị số 15-CT/TU ngày "
                 "16/12/2016 của Thành ủy “Về tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác tiếp công dân”",
                 {("23/KH-UBND", "15-CT/TU", "implements")}, id="bench-21488094-issued-plan-to-chuc-thuc-hien"),
    pytest.param("Đồng thời, chỉ đạo và tổ chức thực hiện nghiêm túc việc đánh giá, xếp loại học sinh học kỳ II và cả năm học "
                 "theo đúng quy định tại Thông tư số 58/2011/TT-BGDĐT của Bộ trưởng Bộ GD&ĐT, Quy chế đánh giá, xếp loại học "
                 "viên theo học Chương trình giáo dục thường xuyên cấp THCS và cấp THPT ban hành kèm theo Quyết định số "
                 "02/2007/QĐ-BGDĐT của Bộ trưởng Bộ GD&ĐT và Thông tư số 26/2014/TT-BGDĐT của Bộ trưởng Bộ GD&ĐT sửa đổi, bổ "
                 "sung một số điều của Quy chế đánh giá, xếp loại học viên theo học Chương trình giáo dục thường xuyên cấp THCS "
                 "và cấp THPT ban hành kèm theo Quyết định số 02/2007/QĐ-BGDĐT của Bộ trưởng Bộ GD&ĐT; đảm bảo khách quan.",
                 {("26/2014/TT-BGDĐT", "02/2007/QĐ-BGDĐT", "amends")}, id="bench-21493800-amends-the-attached-rules"),
    pytest.param("Số: 86/2025/TT-BCA \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n Hà Nội, ngày 15 "
                 "tháng 9 năm 2025 \n \nTHÔNG TƯ  \nQuy định biện pháp thực hiện bảo hiểm y tế đối với công nhân công an, "
                 "người \nlao động, học sinh, sinh viên và thân nhân của cán bộ, chiến sĩ, công nhân \ncông an đang công tác, "
                 "học tập trong Công an nhân dân \n  \nCăn cứ Luật Bảo hiểm y tế số 25/2008/QH12 được sửa đổi, bổ sung bởi "
                 "Luật số \n46/2014/QH13 và Luật số 51/2024/QH15 (sau đây viết gọn là Luật Bảo hiểm y tế); \nCăn cứ Nghị "
                 "định số 02/2025/NĐ-CP ngày 18 tháng 02 năm 2025 của Chính \nphủ quy định chức năng, nhiệm vụ, quyền hạn và "
                 "cơ cấu tổ chức của Bộ Công an \nđược sửa đổi, bổ sung bởi Nghị định số 11/2025/NĐ-CP ngày 01 tháng 7 năm "
                 "2025 \ncủa Chính phủ; \nCăn cứ Nghị định số 188/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính \nphủ quy "
                 "định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm y tế \n",
                 {("86/2025/TT-BCA", "25/2008/QH12", "based_on"), ("86/2025/TT-BCA", "02/2025/NĐ-CP", "based_on"),
                  ("86/2025/TT-BCA", "188/2025/NĐ-CP", "based_on"), ("46/2014/QH13", "25/2008/QH12", "amends"),
                  ("51/2024/QH15", "25/2008/QH12", "amends"), ("11/2025/NĐ-CP", "02/2025/NĐ-CP", "amends")},
                 id="013-law-numbered-once-then-named-by-title-is-no-link"),
    pytest.param(" (Nghị quyết số 04/2017/NQ-HĐTP của Hội đồng Thẩm phán TAND tối cao hướng dẫn một số quy định tại khoản 1 "
                 "và khoản 3 Điều 192 Bộ luật Tố tụng dân sự số 92/2015/QH13 về trả lại đơn khởi kiện, quyền nộp đơn khởi "
                 "kiện lại vụ án, có hiệu lực thi hành từ ngày 1-7 quy định)",
                 {("04/2017/NQ-HĐTP", "92/2015/QH13", "guides")}, id="033-guides-clauses-of-a-named-code"),
    pytest.param("Căn cứ vào Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam năm 1992 đã được sửa đổi, bổ sung theo Nghị "
                 "quyết số 51/2001/QH10 ngày 25 tháng 12 năm 2001 của Quốc hội khoá X, kỳ họp thứ 10;", set(),
                 id="015-amended-constitution-has-no-number"),
    pytest.param("Nghị định số 44/2008/NĐ-CP ngày 09/4/2008 của Chính phủ về sửa đổi, bổi sung một số Điều của Nghị định số "
                 "198/2004/NĐ-CP .", {("44/2008/NĐ-CP", "198/2004/NĐ-CP", "amends")}, id="005-typo-in-the-verb"),
    # negatives: documents named together with no verb between them, or a verb whose subject is not a document
    pytest.param("Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư về tiếp tục đẩy mạnh thực hiện Chỉ thị số 09-CT/TW "
                 "về “Tăng cường”; Nghị định số 06/2013/NĐ-CP ngày 09/01/2013 của Chính phủ và Thông tư số 46/2014/TT-BCA "
                 "của Bộ Công an về “Bảo vệ cơ quan”.", {("44-KL/TW", "09-CT/TW", "implements")},
                 id="seed-004-cooccurrence-is-no-link"),
    pytest.param("Thực hiện ý kiến chỉ đạo của Phó Thủ tướng Chính phủ Vũ Đức Đam về việc tiếp tục lắng nghe; vì vậy Bộ "
                 "Văn hóa, Thể thao và Du lịch đã ban hành văn bản số 2383/BVHTTDL-TCDL ngày 02/6/2017",
                 set(), id="bench-thuc-hien-without-a-numbered-document"),
    pytest.param("# Hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg ngày 26 tháng 4 năm 2013 của Thủ tướng Chính phủ về "
                 "hỗ trợ người có công với cách mạng về nhà ở\n\n| Số: 3210/QĐ - UBND | T hành phố Hồ Chí M inh, ngày 28 "
                 "tháng 6 năm 2014 |", set(), id="003-heading-before-the-header-is-not-the-text"),
    pytest.param("1. Các sở, ban, ngành trực thuộc UBND tỉnh tiếp tục tổ chức tuyên truyền; Kế hoạch số 11/KH-UBND ngày "
                 "23/01/2020 của UBND tỉnh về thực hiện Chỉ thị số 02/CT-TTg ngày 15/11/2019 của Thủ tướng Chính phủ.",
                 {("11/KH-UBND", "02/CT-TTg", "implements")}, id="001-body-list-only-the-stated-pair"),
    pytest.param("Ngoài ra, Quyết định số 32/2015/QĐ-TTg và Thông tư số 159/2015/TT-BTC chưa quy định, hướng dẫn việc chuyển "
                 "đổi từ xe phục vụ công tác sang xe chuyên dùng nhưng có 6 bộ và 1 tỉnh chuyển đổi từ xe phục vụ công tác "
                 "sang xe chuyên dùng theo hướng dẫn tại Công văn số 1041/BTC-QLCS ngày 11/11/2016.", set(),
                 id="bench-22325957-negated-verb-and-guidance-noun"),
    pytest.param("Ngày 7/7, Đoàn kiểm tra theo Quyết định số 469-QĐNS/TW ngày 21/3/2017 của Bộ Chính trị ( Đoàn kiểm tra số "
                 "469) do đồng chí Trần Quốc Vượng, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Chủ nhiệm Ủy ban Kiểm tra "
                 "Trung ương đã có buổi làm việc với Ban Thường vụ Tỉnh ủy Cao Bằng, công bố báo cáo kết quả kiểm tra của Bộ "
                 "Chính trị về việc thực hiện Kết luận số 24-KL/TW ngày 5/6/2012 của Bộ Chính trị (khóa XI).", set(),
                 id="bench-22702478-verb-of-another-clause"),
    pytest.param("bên thế chấp được giữ bản chính Giấy chứng nhận đăng ký xe trong thời hạn hợp đồng thế chấp có hiệu lực theo "
                 "đúng quy dịnh tại nghị định 163/2006/NĐ-CP ngày 29/12/2006 về giao dịch bảo đảm (đã được sửa đổi bổ sung "
                 "tại nghị định số 11/2012/NĐ-CP ngày 22/2/2012) và công văn số 3851/NHNN-PC ngày 24/5/2017 của Ngân hàng Nhà "
                 "nước.", {("11/2012/NĐ-CP", "163/2006/NĐ-CP", "amends")}, id="bench-22704863-parenthesis-closes-the-chain"),
    pytest.param("Nội dung dự thảo Thông tư thay thế Thông tư số 15/2014/TT-BXD có điều khoản bãi bỏ các Thông tư sau: số "
                 "15/2014/TT-BXD ngày 15/9/2014; số 11/2009/TT-BXD ngày 18/6/2009, số 01/2010/TT-BXD ngày 08/01/2010, số "
                 "14/2010/TT-BXD ngày 20/8/2010.", set(), id="bench-draft-without-number-repeals-nothing-yet"),
]


# Issue 26, one family of stated links per case (real passages, quoted exactly; a header line and a
# passage of the same text are joined by a blank line where the link needs the text's own number).
H008 = "| Số: 12/2012/QĐ-UBND | Tuyên Quang, ngày 25 tháng 6 năm 2012 |\n\n"
H013 = "Số: 86/2025/TT-BCA \n"
FAMILY_CASES = [
    pytest.param(H008 + "Điều 3. Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký và thay thế các Quyết định: Quyết "
                 "định số 110/2005/QĐ-UBND ngày 29/12/2005 của Ủy ban nhân dân tỉnh về việc ban hành Quy định tặng quà đối "
                 "với thương binh, bệnh binh, gia đình liệt sĩ, người có công với cách mạng trên địa bàn tỉnh Tuyên Quang; "
                 "Quyết định số 42/2007/QĐ-UBND ngày 31/12/2007 của Ủy ban nhân dân tỉnh về việc sửa đổi, bổ sung một số "
                 "diều của Quy định ban hành kèm theo Quyết định số 110/2005/QĐ-UBND ngày 29/12/2005 của Ủy ban nhân dân "
                 "tỉnh.\n",
                 {("12/2012/QĐ-UBND", "110/2005/QĐ-UBND", "replaces"), ("12/2012/QĐ-UBND", "42/2007/QĐ-UBND", "replaces"),
                  ("42/2007/QĐ-UBND", "110/2005/QĐ-UBND", "amends")}, id="f1-008-list-after-a-generic-object"),
    pytest.param(H013 + "1. Thông tư này có hiệu lực kể từ ngày 13 tháng 10 năm 2025 và thay thế \nThông tư 57/2019/TT-BCA "
                 "ngày 11 tháng 11 năm 2019 của Bộ trưởng Bộ Công \nan hướng dẫn thực hiện bảo hiểm y tế đối với người "
                 "lao động, học sinh, sinh viên \nvà thân nhân của cán bộ, chiến sĩ, công nhân công an đang phục vụ, công "
                 "tác trong \nCông an nhân dân. \n",
                 {("86/2025/TT-BCA", "57/2019/TT-BCA", "replaces")}, id="f2-013-object-on-the-next-wrapped-line"),
    pytest.param("quan có thẩm quyền tiến hành tố tụng được thực hiện theo quy định của Thông tư \nliên tịch số "
                 "01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC ngày 29/12/2017 \ncủa Bộ Công an, Bộ Quốc phòng, Bộ Tài chính, "
                 "Bộ Nông nghiệp và Phát triển \nnông thôn, Viện kiểm sát nhân dân tối cao quy định việc phối hợp giữa các "
                 "cơ \nquan có thẩm quyền trong việc thực hiện một số quy định của Bộ luật Tố tụng hình \nsự năm 2015 về "
                 "tiếp nhận, giải quyết tố giác, tin báo về tội phạm, kiến nghị khởi tố \n(sau đây viết tắt là Thông tư "
                 "liên tịch số 01/2017) và Thông tư liên tịch số \n01/2021/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC ngày 29/11/2021 "
                 "sửa đổi, \nbổ sung một số điều của Thông tư liên tịch số 01/2017 (sau đây viết tắt là Thông tư \nliên "
                 "tịch số 01/2021). ",
                 {("01/2021/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC", "01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC", "amends")},
                 id="f2-014-type-word-and-code-wrapped-over-lines"),
    pytest.param("|---|\n| Số: 87/2013/NĐ-CP | Hà Nội, ngày 30 tháng 07 năm 2013 |\n\nNGHỊ ĐỊNH\n\n"
                 "Bãi bỏ Nghị định số 54/2008/NĐ-CP ngày 24 tháng 4 năm 2008 của Chính phủ quy định chế độ, chính sách "
                 "đối với thân nhân hạ sĩ quan, chiến sĩ đang phục vụ có thời hạn trong Công an nhân dân.",
                 {("87/2013/NĐ-CP", "54/2008/NĐ-CP", "repeals")}, id="f3-004-article-acts-for-the-text"),
    pytest.param(H013 + "Căn cứ Nghị định số 188/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính \nphủ quy định chi tiết và "
                 "hướng dẫn thi hành một số điều của Luật Bảo hiểm y tế \n(sau đây viết gọn là Nghị định số "
                 "188/2025/NĐ-CP); \nTheo đề nghị của Cục trưởng Cục Tổ chức cán bộ; \nBộ trưởng Bộ Công an ban hành "
                 "Thông tư quy định biện pháp thực hiện bảo \nhiểm y tế đối với công nhân công an, người lao động, học "
                 "sinh, sinh viên và thân \nnhân của cán bộ, chiến sĩ, công nhân công an đang công tác, học tập trong Công "
                 "\nan nhân dân, \n",
                 {("86/2025/TT-BCA", "188/2025/NĐ-CP", "based_on")}, id="f3-013-enacting-formula-ends-the-preamble-list"),
    pytest.param("QUỐC HỘI Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam; Căn cứ Luật Tổ chức Quốc hội số "
                 "57/2014/QH13; Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13; Sau khi xem xét Tờ trình số "
                 "107/TTr-UBTVQH14 ngày 11 tháng 5 năm 2017",
                 set(), id="f4-bench-22589939-preamble-of-a-text-without-its-number"),
    pytest.param("Số: 56/2026/TT-BCA \nCăn cứ Luật Tổ chức Quốc hội số 57/2014/QH13; Căn cứ Luật Ban hành văn bản quy "
                 "phạm pháp luật số 80/2015/QH13; Sau khi xem xét Tờ trình số 107/TTr-UBTVQH14 ngày 11 tháng 5 năm 2017",
                 {("56/2026/TT-BCA", "57/2014/QH13", "based_on"), ("56/2026/TT-BCA", "80/2015/QH13", "based_on")},
                 id="f4-composite-012-header-bench-22589939-law-whose-name-holds-a-type-word"),
    pytest.param("Thực hiện Kết luận số 91-KL/TU ngày 09/01/2017 của Thường trực Tỉnh ủy Thái Nguyên, ngày 6/2/2017 Chủ tịch "
                 "UBND tỉnh Thái Nguyên đã có Văn bản số 331/UBND-TH giao nhiệm vụ thực hiện Kết luận số 91-KL/TU của "
                 "Thường trực Tỉnh ủy",
                 {("331/UBND-TH", "91-KL/TU", "implements")}, id="f5-bench-21488776-doer-issues-a-document"),
    pytest.param("| Số: 3210/QĐ - UBND | T hành phố Hồ Chí M inh, ngày 28 tháng 6 năm 2014 |\n\nKẾ HOẠCH\n\nTRIỂN KHAI "
                 "THỰC HIỆN THÔNG TƯ SỐ 09/2013/TT-BXD NGÀY 01 THÁNG 7 NĂM 2013 CỦA BỘ XÂY DỰNG VỀ HƯỚNG DẪN THỰC HIỆN "
                 "QUYẾT ĐỊNH SỐ 22/2013/QĐ-TTG NGÀY 26 THÁNG 4 NĂM 2013 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ HỖ TRỢ NGƯỜI CÓ CÔNG VỚI "
                 "CÁCH MẠNG VỀ NHÀ Ở TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH (Ban hành kèm theo Quyết định số 3210/QĐ-UBND ngày "
                 "28 tháng 6 năm 2014 của Chủ tịch Ủy ban nhân dân Thành phố)",
                 {("3210/QĐ-UBND", "09/2013/TT-BXD", "implements"), ("09/2013/TT-BXD", "22/2013/QĐ-TTg", "guides")},
                 id="f5-003-attached-plan-passes-its-links-to-the-decision"),
    pytest.param("Quyết định số 3398/QĐ-UBND ngày 08/8/2016 của Chủ tịch UBND huyện Mỹ Xuyên được ban hành đúng trình tự, "
                 "thủ tục quy định tại Thông tư số 07/2013/TT-TTCP ngày 31/10/2013 của Thanh tra Chính phủ.\nQuyết định số "
                 "940/QĐ-UBND ngày 28/9/2017 của Chủ tịch UBND huyện Mỹ Xuyên về việc phê duyệt dự toán bồi thường, hỗ trợ "
                 "bổ sung thêm phần đất do bị sạt lở kênh cho ông Nguyễn Văn Đình đã áp dụng đúng quy định tại Quyết định "
                 "số 34/2014/QĐ-UBND và Quyết định số 35/2014/QĐ-UBND ngày 31/12/2014 của UBND tỉnh Sóc Trăng quy định về "
                 "chính sách bồi thường, hỗ trợ, tái định cư và bảng giá các loại đất trên địa bàn tỉnh.\n",
                 {("3398/QĐ-UBND", "07/2013/TT-TTCP", "based_on"), ("940/QĐ-UBND", "34/2014/QĐ-UBND", "based_on"),
                  ("940/QĐ-UBND", "35/2014/QĐ-UBND", "based_on")}, id="f6-042-document-subject-complies"),
    pytest.param("Về đất, do khi thực hiện dự án, phần diện tích đất bị ảnh hưởng đã được UBND huyện Mỹ Xuyên áp đúng đơn "
                 "giá đất tại Quyết định số 805/QĐHC-CTUBND ngày 31/3/2016 của Chủ tịch UBND tỉnh Sóc Trăng.",
                 set(), id="f6-042-non-document-subject-states-no-link"),
    pytest.param("| Số: 31/2011/QĐ-UBND | Gia Lai, ngày 10 tháng 11 năm 2011 |\n\nCăn cứ Quyết định số 118/TTg ngày "
                 "27/02/1996 của Thủ tướng Chính phủ về việc hỗ trợ người có công với cách mạng cải thiện nhà ở; Quyết định "
                 "số 117/2007/QĐ-TTg ngày 25/7/2007 của Thủ tướng Chính phủ về việc sửa đổi, bổ sung một số Điều của Quyết "
                 "định số 118/TTg ngày 27/02/1996 và Điều 3, Quyết định số 20/2000/QĐ-TTg ngày 03/02/2000 của Thủ tướng "
                 "Chính phủ về việc hỗ trợ người hoạt động cách mạng từ trước cách mạng tháng Tám năm 1945 cải thiện nhà "
                 "ở.\n\nĐối tượng áp dụng chế độ miễn, giảm là người có công với cách mạng hiện đang gặp hoàn cảnh thật "
                 "sự khó khăn về nhà ở, đất ở theo quy định tại Khoản 1, Điều 1, Quyết định số 117/2007/QĐ-TTg ngày "
                 "25/7/2007 về việc sửa đổi, bổ sung một số điều của Quyết định số 118/QĐ-TTg ngày 27/02/1996 của Thủ "
                 "tướng Chính phủ về việc hỗ trợ người có công với cách mạng cải thiện nhà ở.\n",
                 {("31/2011/QĐ-UBND", "118/TTg", "based_on"), ("31/2011/QĐ-UBND", "117/2007/QĐ-TTg", "based_on"),
                  ("117/2007/QĐ-TTg", "118/TTg", "amends"), ("117/2007/QĐ-TTg", "20/2000/QĐ-TTg", "amends")},
                 id="f7-005-two-spellings-one-document"),
    pytest.param("Trước đó, đầu tháng 6 này, tại Chỉ thị 26/CT-TTg của Thủ tướng về tiếp tục triển khai hiệu quả Nghị quyết "
                 "số 35/NQ-CP ngày 16/5/2016 theo tinh thần Chính phủ đồng hành cùng doanh nghiệp",
                 {("26/CT-TTg", "35/NQ-CP", "implements")}, id="f2-bench-22517385-manner-between-verb-and-object"),
    pytest.param("Quốc hội khóa XIV, Kỳ họp thứ 3 đã thông qua Nghị quyết số 41/2017/QH14 về việc thi hành Bộ Luật hình sự số "
                 "12/2017/QH14 về hiệu lực thi hành của Bộ luật Tố tụng hình sự số 101/2015/QH13",
                 {("41/2017/QH14", "12/2017/QH14", "implements")}, id="f4-bench-22738284-law-named-in-lower-case"),
    pytest.param("Thông tư 151/2014/TT-BTC ngày 10/10/2014 hướng dẫn thực hiện Nghị định số 91/2014/NĐ-CP, Nghị định số "
                 "12/2015/NĐ-CP", {("151/2014/TT-BTC", "91/2014/NĐ-CP", "guides")},
                 id="f8-bench-22257452-no-guiding-a-later-document"),
]


@pytest.mark.parametrize("text,expected", CASES + FAMILY_CASES)
def test_links_stated_by_the_text(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text", [T012, T006, T009, T001])
def test_every_link_keeps_its_evidence_and_offsets(text):
    found, doc = links_of(text)
    assert found
    for ln in found:
        assert doc.text[ln.start_char:ln.end_char] in ln.evidence  # in the whole sentence(s) stating it
        assert 0 < len(ln.evidence) <= 2000


def test_link_finding_is_linear_on_a_long_list():
    # a "Căn cứ" list of many documents joined by ";" and "," must not blow up
    text = "Căn cứ " + "; ".join(f"Nghị định số {i}/2020/NĐ-CP ngày 01/01/2020 của Chính phủ" for i in range(1, 3000))
    found, _ = links_of(text)
    assert found == []  # no own number, no issued document: nothing to link to


def test_evidence_is_the_whole_wrapped_sentence():
    # 012: the evidence of 11/2025 amending 02/2025 was cut at "... của Chính" by the PDF line break
    found, _ = links_of(T012)
    ev = next(ln.evidence for ln in found if (ln.src_code, ln.dst_code) == ("11/2025/NĐ-CP", "02/2025/NĐ-CP"))
    assert ev.startswith("Căn cứ Nghị định số 02/2025/NĐ-CP") and ev.endswith("Nghị định số 11/2025/NĐ-CP;")
