"""Counts and amounts from real sentences (shared corpus and texts), each exclusion included."""
from vietmine.extractors.counts import extract, parse_number_words
from vietmine.facts import Amount, Count
from tests.util import doc_of


def counts(text):
    return [(c.value, c.entity, c.cmp, c.is_percent, c.denominator) for c in extract(doc_of(text)) if isinstance(c, Count)]


def test_numbers_as_vietnamese_writes_them():
    got = counts("xây dựng và củng cố 97 tổ chức công an xã với 937 người, 40 ban bảo vệ dân phố với 1.856 thành viên, "
                 "287 đội bảo vệ cơ quan, doanh nghiệp, cùng hơn 10.000 cán bộ làm nòng cốt")
    assert got == [(97, "tổ chức công an xã", "eq", False, None), (937, "người", "eq", False, None),
                   (40, "ban bảo vệ dân phố", "eq", False, None), (1856, "thành viên", "eq", False, None),
                   (287, "đội bảo vệ cơ quan", "eq", False, None), (10000, "cán bộ", "gt", False, None)]


def test_nesting_links_the_members_to_their_organisations():
    found = [c for c in extract(doc_of("củng cố 97 tổ chức công an xã với 937 người")) if isinstance(c, Count)]
    assert found[1].parent_start == found[0].start_char


def test_ratios_percentages_and_comparators():
    assert counts("Năm 2022, thị xã Ninh Hòa có 27/27 xã, phường và 54/54 cơ quan, doanh nghiệp đạt chuẩn") == [
        (27, "xã", "eq", False, 27), (54, "cơ quan", "eq", False, 54)]
    assert counts("năm 2024 có trên 80% khu dân cư, xã, phường đạt tiêu chuẩn") == [(80, "khu dân cư", "gt", True, None)]
    assert counts("phấn đấu hằng năm có từ 95% trở lên cơ quan, doanh nghiệp, nhà trường đạt tiêu chuẩn") == [
        (95, "cơ quan", "gte", True, None)]
    assert counts("Đảm bảo 100% các văn bản của Đảng") == [(100, "văn bản", "eq", True, None)]
    assert counts("ghi nhận khoảng 300 người tham gia") == [(300, "người", "approx", False, None)]


def test_ranges_and_number_words():
    found = [c for c in extract(doc_of("từ 10 đến 15 người mỗi tổ")) if isinstance(c, Count)]
    assert [(c.value, c.value_max, c.cmp) for c in found] == [(10, 15, "range")]
    assert counts("có hai tập thể và bốn cá nhân được khen") == [(2, "tập thể", "eq", False, None), (4, "cá nhân", "eq", False, None)]
    assert parse_number_words("hai mươi mốt") == 21
    assert parse_number_words("một trăm linh năm") == 105
    assert parse_number_words("mười lăm") == 15
    assert counts("liên quan hàng nghìn người") == [(1000, "người", "approx", False, None)]
    assert counts("kèm theo 01 (một) bộ hồ sơ xin miễn") == [(1, "bộ hồ sơ xin miễn", "eq", False, None)]


def test_money_and_measures_are_amounts_not_counts():
    found = extract(doc_of("hỗ trợ 500 triệu đồng và bán 6,8 ha đất cho 12 hộ"))
    amounts = [(a.value, a.unit) for a in found if isinstance(a, Amount)]
    assert amounts == [(500_000_000, "đồng"), (6.8, "ha")]
    assert [(c.value, c.entity) for c in found if isinstance(c, Count)] == [(12, "hộ")]
    # baomoi 2017: measures of products
    found = extract(doc_of("bộ mâm hợp kim, 5 chấu kép, kích thước 18 inch. Động cơ cho sức mạnh 201 mã lực"))
    assert [(a.value, a.unit) for a in found if isinstance(a, Amount)] == [(18, "inch"), (201, "mã lực")]
    assert counts("bộ mâm hợp kim, 5 chấu kép, kích thước 18 inch.") == [(5, "chấu kép", "eq", False, None)]
    # "mẫu" is a land measure before land, a noun ("design") before anything else (shared/texts/003)
    assert counts("Nghiên cứu, thiết kế tối thiểu 03 mẫu nhà điển hình, kèm theo dự toán") == [
        (3, "mẫu nhà điển hình", "gte", False, None)]
    assert [(a.value, a.unit) for a in extract(doc_of("gia đình có 5 mẫu ruộng")) if isinstance(a, Amount)] == [
        (5, "mẫu")]


def test_heads_that_start_with_a_function_word_and_numbers_after_a_type_word():
    # shared/texts/016 and 026 (baomoi 2017): "bị can", "bị cáo", "đồng chí" are nouns
    assert counts("đề nghị Viện kiểm sát truy tố 48 vụ, 95 bị can… Phát hiện") == [
        (48, "vụ", "eq", False, None), (95, "bị can", "eq", False, None)]
    assert counts("có hơn 2.000 vụ án bị khởi tố, 1.841 bị cáo là lái xe") == [
        (2000, "vụ án", "gt", False, None), (1841, "bị cáo", "eq", False, None)]
    assert counts("trong đó có 2 đồng chí được tặng Huy hiệu") == [(2, "đồng chí", "eq", False, None)]
    # shared/texts/038 and 039 (dantri 2021): "tổng số", "dân số" count; a bare "số N" is a number N
    assert counts("tỉnh Hà Nam, với tổng số 320 hộ tương ứng 1068 nhân khẩu.") == [
        (320, "hộ", "eq", False, None), (1068, "nhân khẩu", "eq", False, None)]
    assert counts("dân số 652.572 người; có 36 đơn vị") == [(652572, "người", "eq", False, None), (36, "đơn vị", "eq", False, None)]
    assert counts("tại nhà số 12 phố Huế") == []
    # shared/texts/027: grouped in thousands, so no document number after "quy định"
    assert counts("chạy quá tốc độ quy định 27.173 trường hợp; không có") == [
        (27173, "trường hợp", "eq", False, None)]


def test_not_counts():
    assert counts("KỶ NIỆM 45 NĂM NGÀY GIẢI PHÓNG") == []
    assert counts("Ban Chỉ đạo 138 tỉnh Thanh Hóa đã ban hành") == []
    assert counts("Thực hiện Đề án 375 và Chỉ thị số 10 của UBND tỉnh") == []
    assert counts("theo quy định tại Điều 5, khoản 2 của Luật") == []
    assert counts("Ngày cập nhật: 20/03/2020 03:57:36") == []
    assert counts("tai nạn giao thông giảm 6,22% so với cùng kỳ") == []
    assert counts("thu ngân sách đạt 102% kế hoạch năm") == []
    # shared/texts/039 (dantri 2021): a percentage of a standard
    assert counts("vẫn còn một số phường có diện tích khá nhỏ (dưới 50% tiêu chuẩn); không gian") == []
    assert counts("vào khoảng 23 giờ 30 tối 16-6") == []
    assert counts("liên hệ số điện thoại 0913456789 để báo tin") == []


def test_target_and_year_context():
    found = [c for c in extract(doc_of("Trước mắt, năm 2024 xây dựng 15 Công an phường điển hình")) if isinstance(c, Count)]
    assert [(c.value, c.year) for c in found] == [(15, 2024)]
    found = [c for c in extract(doc_of("Phấn đấu năm 2025 có 90% hộ dân được tuyên truyền")) if isinstance(c, Count)]
    assert found[0].modality == "target" and found[0].year == 2025


def test_furniture_and_measures_from_real_texts():
    assert counts("quy  14 CÔNG BÁO/Số 261 + 262/Ngày 06-3-2022") == []
    assert counts("# date = 20210430\nUBND tỉnh Hà Nam vừa có quyết định") == []
    assert counts("nồng độ cồn vượt quá 80 miligam/100 mililít máu") == []
    assert counts("mang theo 16.700 Nhân dân tệ xuất cảnh") == []
    assert counts("Trường Tiểu học Nhơn Phúc: Nhà 02 tầng 06 phòng") == [(6, "phòng", "eq", False, None)]
