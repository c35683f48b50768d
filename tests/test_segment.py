"""Sentence segmentation over real layouts (shared/texts NNN, bench = baomoi-2017 id): a line break
inside a sentence (gazette and PDF text) is soft; list items, headings, table rows, header lines
and a news title stay sentences of their own."""
import pytest
from hypothesis import given, settings, strategies as st

from tests.conftest import shared_path
from tests.util import doc_of


def sentences(text):
    doc = doc_of(text)
    return [doc.text[s:e] for s, e in doc.sentences]


def flat(s):
    return " ".join(s.split())


# Each case: a real passage, then the sentences (whitespace folded) that must come out whole.
CASES = [
    pytest.param("Căn cứ Bộ luật Tố tụng hình sự số 101/2015/QH13 được sửa đổi, bổ sung \nmột số điều theo Luật số "
                 "02/2021/QH15, Luật số 34/2024/QH15, Luật số \n59/2024/QH15, Luật số 99/2025/QH15, Luật số "
                 "106/2025/QH15 và Luật số \n128/2025/QH15; \nCăn cứ Luật Thi hành tạm giữ, tạm giam và cấm đi khỏi "
                 "nơi cư trú số \n128/2025/QH15; \n",
                 ["Căn cứ Bộ luật Tố tụng hình sự số 101/2015/QH13 được sửa đổi, bổ sung một số điều theo Luật số "
                  "02/2021/QH15, Luật số 34/2024/QH15, Luật số 59/2024/QH15, Luật số 99/2025/QH15, Luật số "
                  "106/2025/QH15 và Luật số 128/2025/QH15;",
                  "Căn cứ Luật Thi hành tạm giữ, tạm giam và cấm đi khỏi nơi cư trú số 128/2025/QH15;"],
                 id="012-wrapped-preamble-items"),
    pytest.param("c) Lập biên bản về việc người bị cấm đi khỏi nơi cư trú đến trình diện; yêu \ncầu họ viết giấy cam "
                 "đoan chấp hành nghĩa vụ theo quy định. Trường hợp người \nbị cấm đi khỏi nơi cư trú là người từ đủ 14 "
                 "tuổi đến dưới 18 tuổi, người có \n\nCÔNG BÁO/Số 323/Ngày 11-06-2026 \n74\n \n \nnhược điểm về tâm "
                 "thần hoặc thể chất ảnh hưởng trực tiếp tới việc làm giấy \ncam đoan thì giấy cam đoan phải có xác "
                 "nhận của người đại diện; \nd) Lập",
                 ["Trường hợp người bị cấm đi khỏi nơi cư trú là người từ đủ 14 tuổi đến dưới 18 tuổi, người có "
                  "CÔNG BÁO/Số 323/Ngày 11-06-2026 74 nhược điểm về tâm thần hoặc thể chất ảnh hưởng trực tiếp tới "
                  "việc làm giấy cam đoan thì giấy cam đoan phải có xác nhận của người đại diện;", "d) Lập"],
                 id="012-sentence-over-a-page-break"),
    pytest.param("Điều 1. Phạm vi điều chỉnh \nThông tư này quy định về tiếp nhận, quản lý, theo dõi người bị cấm đi "
                 "khỏi \nnơi cư trú; trách nhiệm của Công an các đơn vị, địa phương trong thi hành biện \npháp cấm đi "
                 "khỏi nơi cư trú. \nĐiều 2. Giải thích từ ngữ \n",
                 ["Phạm vi điều chỉnh",
                  "Thông tư này quy định về tiếp nhận, quản lý, theo dõi người bị cấm đi khỏi nơi cư trú; trách nhiệm "
                  "của Công an các đơn vị, địa phương trong thi hành biện pháp cấm đi khỏi nơi cư trú."],
                 id="012-heading-stays-apart"),
    pytest.param("Điều 5. Giải quyết trường hợp người bị cấm đi khỏi nơi cư trú không \nđến trình diện \n1. Hết "
                 "thời hạn 03 ngày kể từ ngày nhận được lệnh cấm đi khỏi nơi cư trú \n",
                 ["Giải quyết trường hợp người bị cấm đi khỏi nơi cư trú không đến trình diện",
                  "Hết thời hạn 03 ngày kể từ ngày nhận được lệnh cấm đi khỏi nơi cư trú"],
                 id="012-wrapped-heading-then-numbered-item"),
    pytest.param("2. Khi người bị cấm đi khỏi nơi cư trú đến trình diện, Trưởng Công an cấp \nxã chỉ đạo thực hiện "
                 "các nhiệm vụ sau: \na) Kiểm tra, đối chiếu thông tin trong lệnh cấm đi khỏi nơi cư trú và giấy tờ "
                 "\ncá nhân của họ hoặc thông tin trong Cơ sở dữ liệu quốc gia về dân cư, VNeID. \n",
                 ["Khi người bị cấm đi khỏi nơi cư trú đến trình diện, Trưởng Công an cấp xã chỉ đạo thực hiện các "
                  "nhiệm vụ sau:",
                  "a) Kiểm tra, đối chiếu thông tin trong lệnh cấm đi khỏi nơi cư trú và giấy tờ cá nhân của họ hoặc "
                  "thông tin trong Cơ sở dữ liệu quốc gia về dân cư, VNeID."],
                 id="012-lettered-items-stay-apart"),
    pytest.param("Số: 01/2022/TTLT-VKSNDTC-\nTANDTC-BCA-BQP-BLĐTBXH \nHà Nội, ngày 18 tháng 02 năm 2022 \n",
                 ["Số: 01/2022/TTLT-VKSNDTC- TANDTC-BCA-BQP-BLĐTBXH", "Hà Nội, ngày 18 tháng 02 năm 2022"],
                 id="014-code-wrapped-after-a-hyphen"),
    pytest.param("B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI\n-------\nSố: 2638/LĐTBXH-KHTC\n",
                 ["B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI", "-------", "Số: 2638/LĐTBXH-KHTC"],
                 id="011-rule-line-under-the-header"),
    pytest.param("KT. BỘ TRƯỞNG \nBỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI \nTHỨ TRƯỞNG \n",
                 ["BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "THỨ TRƯỞNG"],
                 id="014-signature-block-lines-stay-apart"),
    pytest.param("Sau vòng bảng World Cup U20: Việt Nam rời giải; Châu Âu bảo toàn quân số\n\nSau 9 ngày, vòng bảng "
                 "World Cup U20 chính thức khép lại.",
                 ["Sau vòng bảng World Cup U20: Việt Nam rời giải; Châu Âu bảo toàn quân số",
                  "Sau 9 ngày, vòng bảng World Cup U20 chính thức khép lại."], id="bench-22398957-title-apart"),
    pytest.param("Khảo sát về loa phường tại Hà Nội có nhiều bất thường\n78% ý kiến tham gia khảo sát trên Cổng giao "
                 "tiếp điện tử Hà Nội ủng hộ giữ lại loa phường",
                 ["Khảo sát về loa phường tại Hà Nội có nhiều bất thường"],
                 id="bench-21484662-title-apart-from-a-lead-opening-with-a-number"),
    pytest.param("1. Thông tư này có hiệu lực kể từ ngày 13 tháng 10 năm 2025 và thay thế \nThông tư 57/2019/TT-BCA ngày "
                 "11 tháng 11 năm 2019 của Bộ trưởng Bộ Công \nan hướng dẫn thực hiện bảo hiểm y tế",
                 ["Thông tư này có hiệu lực kể từ ngày 13 tháng 10 năm 2025 và thay thế Thông tư 57/2019/TT-BCA ngày 11 "
                  "tháng 11 năm 2019 của Bộ trưởng Bộ Công an hướng dẫn thực hiện bảo hiểm y tế"],
                 id="013-verb-then-its-document-on-the-next-line"),
    pytest.param("Chuyển nhượng Real: Ronaldo đi, Lewandowski thay thế\nReal Madrid đang có nhiều lựa chọn chất lượng trong "
                 "trường hợp Ronaldo nhất quyết rời sân Bernabeu.",
                 ["Chuyển nhượng Real: Ronaldo đi, Lewandowski thay thế"], id="bench-22553746-title-ending-in-a-verb"),
    pytest.param("Hình tượng anh hùng trong biếm họa ông Trump chặt đầu nữ thần tự do\nDư luận thế giới đang xôn xao về "
                 "chuyện tạp chí Đức Der Spiegel công bố trang bìa",
                 ["Hình tượng anh hùng trong biếm họa ông Trump chặt đầu nữ thần tự do"],
                 id="bench-21473201-title-ending-in-tu-do"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentences_follow_the_layout(text, expected):
    got = [flat(s) for s in sentences(text)]
    for want in expected:
        assert want in got


def test_every_offset_is_kept_and_sentences_do_not_overlap():
    text = CASES[1].values[0]
    doc = doc_of(text)
    ends = 0
    for s, e in doc.sentences:
        assert s >= ends and doc.text[s:e].strip() == doc.text[s:e]
        ends = e


def test_a_hard_wrapped_gazette_keeps_a_full_line_with_its_continuation():
    # 013 wraps at about 80 characters: "... và thay thế" ends a full line, the object starts the next
    doc = doc_of(shared_path("texts", "013.txt").read_text(encoding="utf-8"))
    got = [flat(doc.text[s:e]) for s, e in doc.sentences]
    assert any(s.startswith("Thông tư này có hiệu lực kể từ ngày 13 tháng 10 năm 2025 và thay thế Thông tư "
                            "57/2019/TT-BCA ngày 11 tháng 11 năm 2019") for s in got)
    assert "Hiệu lực thi hành và điều khoản áp dụng" in got


# The fast splitter must give underthesea's own sentences: random strings over the characters its
# rules look at (stops, ellipses, quotes, abbreviations, numbers, spaces of several kinds), and
# the real texts.
_SPLIT_PIECES = [*"....??!!  \t\n\r\xa0\u2009aAbTtpsđĐ01239…”e.g", "tp", "Tp", "TS", "e.g", "1.500", "...", "\u3000",
                 "\x1c", "ths"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_SPLIT_PIECES), max_size=30).map("".join))
def test_the_fast_splitter_gives_underthesea_sentences_on_random_text(text):
    from vietmine.pipeline.segment import _punkt_abbreviations, _punkt_spans, _tokenizer_spans

    abbreviations = _punkt_abbreviations()
    if abbreviations is None:
        pytest.skip("the installed underthesea splits otherwise: its sent_tokenize is called")
    assert _punkt_spans(text, abbreviations) == _tokenizer_spans(text)


@pytest.mark.parametrize("source", ["bundled corpus", "shared texts"])
def test_the_fast_splitter_gives_underthesea_sentences_on_real_text(source):
    from vietmine.corpus import SAMPLE_DIR
    from vietmine.pipeline.segment import _punkt_abbreviations, _punkt_spans, _tokenizer_spans

    abbreviations = _punkt_abbreviations()
    assert abbreviations is not None, "underthesea 9 (the pinned floor) has the tokenizer the fast path reads"
    folder = SAMPLE_DIR if source == "bundled corpus" else shared_path("texts")
    for path in sorted(folder.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            assert _punkt_spans(block, abbreviations) == _tokenizer_spans(block), (path.name, block[:80])
