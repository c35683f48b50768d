"""Places from real sentences: levels, lists, same name at two levels, tone placements, the
2025 reorganisation, and the negative cases."""
import datetime as dt

from vietmine.extractors.places import extract
from tests.util import doc_of


def places(text, published=None):
    doc = doc_of(text)
    doc.published = published
    return [(p.name, p.level, p.admin_code) for p in extract(doc)]


def test_hierarchy_links_codes():
    got = places("Ngày hội toàn dân bảo vệ ANTT tại xã Hải Long, huyện Như Thanh")
    # two communes named Hải Long exist; the district named after it fixes the one in Thanh Hóa
    assert got == [("Hải Long", "xã", "16252"), ("Như Thanh", "huyện", "403")]


def test_list_sharing_one_unit_word_and_tone_placements():
    got = places("Công an các xã Ninh Phước, Ninh Thọ và phường Ninh Thuỷ, thị xã Ninh Hoà")
    assert [(n, lv) for n, lv, _ in got] == [("Ninh Phước", "xã"), ("Ninh Thọ", "xã"), ("Ninh Thủy", "phường"),
                                             ("Ninh Hòa", "thị xã")]
    assert all(code for _, _, code in got)


def test_same_name_at_two_levels():
    got = places("trên địa bàn tỉnh Thanh Hóa: thành phố Thanh Hóa 10 đơn vị, thành phố Sầm Sơn 02 đơn vị")
    assert got == [("Thanh Hóa", "tỉnh", "38"), ("Thanh Hóa", "thành phố", "380"), ("Sầm Sơn", "thành phố", "382")]


def test_bare_province_names_and_abbreviations():
    assert places("làm việc với Công an Hà Tĩnh về phong trào") == [("Hà Tĩnh", "tỉnh", "42")]
    assert places("Công an TP.HCM gặp mặt báo chí") == [("Hồ Chí Minh", "thành phố", "79")]


def test_not_places():
    assert places("Đồng chí Phó Giám đốc Công an tỉnh dự; toàn tỉnh có 264 mô hình") == []
    assert places("theo Báo Khánh Hòa, MTTQ Việt Nam và miền Nam") == []
    assert places("Ban Quản lý khu kinh tế Nghi Sơn") == []
    assert places("Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp") == []
    # baomoi 2017: "bà xã" (wife) is no commune
    assert places('gu thời trang của "bà xã Hồ Hoài Anh" có sự tiến bộ rõ rệt') == []


def test_commune_missing_from_the_gazetteer_keeps_its_name_and_bare_province_after_comma():
    # shared/texts/027 (baomoi 2017): Thanh Dương was merged in 2019, a one-syllable "xã Thanh" exists
    assert places("cuối cùng vì “ma men” Xóm 4, xã Thanh Dương, huyện Thanh Chương, Nghệ An") == [
        ("Thanh Dương", "xã", None), ("Thanh Chương", "huyện", "428"), ("Nghệ An", "tỉnh", "40")]
    # baomoi 2017: one-syllable cities still stop before a capitalised word
    assert places("Gây dựng thanh thế ở thành phố Vinh Sau khi bị giam") == [("Vinh", "thành phố", "412")]


def test_units_after_the_2025_reorganisation():
    old = extract(doc_of("phường Ninh Thủy, thị xã Ninh Hòa"))
    assert old[0].admin_code == "22567" and old[0].admin_code_2025 == "22561"
    # after 1 July 2025 Ninh Hòa is a ward of Khánh Hòa, with no district above it
    assert places("phường Ninh Hòa, tỉnh Khánh Hòa", published=dt.date(2025, 9, 1)) == [
        ("Ninh Hòa", "phường", "22528"), ("Khánh Hòa", "tỉnh", "56")]


def test_bare_units_placed_by_their_address():
    # baomoi 2017: a bare district left of its province, a chain of ward, district, province, and
    # a district in parentheses after one of its communes
    assert places("chủ cơ sở này là bà Vũ Thị Tân (SN 1983, ở Ba Đình, Hà Nội). Hai cô giáo") == [
        ("Ba Đình", "quận", "001"), ("Hà Nội", "thành phố", "01")]
    assert places("trường mầm non Sen Vàng (Minh Khai, Hai Bà Trưng, Hà Nội).") == [
        ("Minh Khai", "phường", "00295"), ("Hai Bà Trưng", "quận", "007"), ("Hà Nội", "thành phố", "01")]
    assert places("đến đoạn Km 1166+865 thuộc xã Mỹ Phong (Phù Mỹ) do không làm chủ tốc độ") == [
        ("Mỹ Phong", "xã", "21754"), ("Phù Mỹ", "huyện", "545")]
    # a street named like a ward is no ward
    assert places("diễn ra tại Trụ sở của DOJI trên phố Lê Ngọc Hân, Hà Nội.") == [("Hà Nội", "thành phố", "01")]


def test_names_listed_in_parentheses_after_a_counted_unit_word():
    # shared/texts/039 (dantri 2021): Hải Dương here is a commune of Hương Trà, not the province
    got = places("2 phường (Hương Hồ, Hương An) và 4 xã (Hương Thọ, Hương Phong, Hương Vinh, Hải Dương) "
                 "thuộc thị xã Hương Trà")
    assert [(n, lv) for n, lv, _ in got] == [
        ("Hương Hồ", "phường"), ("Hương An", "phường"), ("Hương Thọ", "xã"), ("Hương Phong", "xã"),
        ("Hương Vinh", "xã"), ("Hải Dương", "xã"), ("Hương Trà", "thị xã")]
