"""The structure of a text (graph/structure.py): table tests on verbatim excerpts of the Gazette corpus (the spaces at
the ends of their lines left out), one per hard case, and whole fixture files. Each excerpt is cleaned as the pipeline
cleans it (page headers go)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.clean import clean
from graph.structure import Part, Structure, lookup, normalise_number, parse_reference, parse_structure

from .conftest import GAZETTE


def parse(raw: str) -> tuple[str, Structure]:
    text = clean(raw).text
    return text, parse_structure(text)


def ids(s: Structure, kind: str | None = None) -> list[str]:
    return [p.id for p in s.walk() if kind is None or p.kind == kind]


# nghi-dinh-so-123-2026-nd-cp-469299.txt: a page header (and a signature stamp) inside khoản 3 of Điều 4
PAGE_BREAK = """Điều 4. Vận tải hàng hóa siêu trường, hàng hóa siêu trọng
1. Hàng hóa siêu trường là hàng hóa không thể tháo rời có kích thước bao
chiều dài > 40 m hoặc chiều rộng > 10 m hoặc chiều cao > 4,5 m.
2. Hàng hóa siêu trọng là hàng hóa không thể tháo rời có trọng lượng
toàn bộ > 100 tấn.
3. Trước khi thực hiện việc vận tải hàng hóa siêu trường, hàng hóa
siêu trọng, thuyền trưởng phương tiện hoặc người vận tải, người kinh doanh
Điều này phê duyệt. Phương án gồm các nội dung chủ yếu sau:
Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Cơ quan: VĂN PHÒNG CHÍNH PHỦ
Ngày ký: 2026-04-20 08:18:21 +07:00

CÔNG BÁO/Số 229/Ngày 19-04-2026
71


a) Hiện trạng tuyến đường thủy dự kiến hành trình: chiều rộng, chiều sâu,
bán kính cong của luồng; chiều cao tĩnh không các công trình vượt sông;
b) Thông tin về loại hàng hóa vận chuyển: kích thước (dài x rộng x cao) m,
tổng khối lượng (tấn);
c) Dự kiến thời gian vận chuyển; cảng đi, cảng đến;
d) Chủng loại, thông số kích thước phương tiện vận tải;
đ) Hướng dẫn đảm bảo an toàn giao thông, yêu cầu hỗ trợ (nếu có).
4. Thẩm quyền phê duyệt phương án vận tải hàng hóa siêu trường, hàng
hóa siêu trọng
a) Cục Hàng hải và Đường thủy Việt Nam tổ chức phê duyệt phương án
Điều 5. Điều khoản thi hành
1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.
"""


def test_page_header_inside_an_article_does_not_break_it() -> None:
    text, s = parse(PAGE_BREAK)
    assert ids(s, "dieu") == ["dieu_4", "dieu_5"]
    k3 = lookup(s, "khoản 3 Điều 4")
    assert k3 is not None and [d.label for d in k3.children] == ["điểm a", "điểm b", "điểm c", "điểm d", "điểm đ"]
    assert lookup(s, "điểm đ khoản 3 Điều 4") is k3.children[-1]
    assert k3.children[-1].id == "dieu_4/khoan_3/diem_dd"
    assert "CÔNG BÁO" not in text[k3.start : k3.end]
    assert text[k3.children[0].start :].startswith("a) Hiện trạng")
    art = s.parts[0]
    assert art.heading == "Vận tải hàng hóa siêu trường, hàng hóa siêu trọng"
    assert [k.id for k in art.children] == ["dieu_4/khoan_1", "dieu_4/khoan_2", "dieu_4/khoan_3", "dieu_4/khoan_4"]
    assert art.end <= s.parts[1].start and text[art.end - 30 : art.end].endswith("phương án")


# luat-so-51-2024-qh15 style: Roman chapters with a title in capitals, Mục, and a law's Phần; Arabic chapters too
CHAPTERS = """Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Luật này quy định về đối tượng chịu thuế.
Chương II
DOANH NGHIỆP, ĐƠN VỊ SỰ NGHIỆP, TỔ CHỨC, CÁ NHÂN
VIỆT NAM ĐƯA NGƯỜI LAO ĐỘNG VIỆT NAM ĐI LÀM VIỆC
Mục 1
DOANH NGHIỆP VIỆT NAM HOẠT ĐỘNG DỊCH VỤ ĐƯA NGƯỜI
LAO ĐỘNG VIỆT NAM ĐI LÀM VIỆC Ở NƯỚC NGOÀI
Điều 2. Điều kiện cấp Giấy phép
1. Doanh nghiệp được cấp Giấy phép khi đáp ứng đủ các điều kiện sau đây:
a) Có vốn điều lệ từ 05 tỷ đồng trở lên;
b) Đã thực hiện ký quỹ theo quy định tại Điều 24 của Luật này;
Mục 2
DOANH NGHIỆP VIỆT NAM TRÚNG THẦU
Điều 3. Điều kiện
Nội dung theo quy định tại
Chương II Nghị định này và khoản 1 Điều 2.
Chương 3
TỔ CHỨC THỰC HIỆN
Điều 4. Hiệu lực thi hành
"""


def test_roman_and_arabic_chapters_sections_and_article_ids() -> None:
    text, s = parse(CHAPTERS)
    assert [(p.id, p.label, p.number) for p in s.parts] == [
        ("chuong_1", "Chương I", "1"), ("chuong_2", "Chương II", "2"), ("chuong_3", "Chương 3", "3")]
    assert s.parts[1].heading == ("DOANH NGHIỆP, ĐƠN VỊ SỰ NGHIỆP, TỔ CHỨC, CÁ NHÂN VIỆT NAM ĐƯA NGƯỜI LAO ĐỘNG "
                                  "VIỆT NAM ĐI LÀM VIỆC")
    assert [m.id for m in s.parts[1].children] == ["chuong_2/muc_1", "chuong_2/muc_2"]
    # articles are numbered through the text: their id does not name the chapter
    assert ids(s, "dieu") == ["dieu_1", "dieu_2", "dieu_3", "dieu_4"]
    assert lookup(s, "Điều 2") is s.parts[1].children[0].children[0]
    assert lookup(s, "Mục 2 Chương II") is s.parts[1].children[1]
    assert lookup(s, "Chương III") is s.parts[2]
    # 'Chương II Nghị định này …' wrapped onto a line is a reference, not a chapter
    assert len([p for p in s.walk() if p.kind == "chuong"]) == 3
    assert lookup(s, "điểm b khoản 1 Điều 2") is not None


# van-ban-hop-nhat-so-22-vbhn-vpqh-44464.txt: 'Điều 7a' (an article a consolidated law added), a footnote mark
# glued to its heading and to a khoản's number, and the page's footnotes
VBHN = """Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Điều 7. Trách nhiệm của Bộ Tài chính về bảo hiểm y tế
1. Phối hợp với Bộ Y tế, cơ quan, tổ chức có liên quan xây dựng chính sách,
pháp luật về tài chính liên quan đến bảo hiểm y tế.
2. Thanh tra, kiểm tra việc thực hiện các quy định của pháp luật về chế độ tài
chính đối với bảo hiểm y tế, quỹ bảo hiểm y tế.
2a.15 Ban hành gói dịch vụ y tế cơ bản do quỹ bảo hiểm y tế chi trả.
Điều 7a. Trách nhiệm của Bộ Lao động - Thương binh và Xã hội16
1. Chỉ đạo, hướng dẫn tổ chức thực hiện việc xác định, quản lý đối tượng do
Bộ Lao động - Thương binh và Xã hội quản lý quy định tại các điểm e, h, i, k, o, r,
s và t khoản 3, các điểm a, b, d và g khoản 4 Điều 12 của Luật này.
2. Thanh tra, kiểm tra việc thực hiện quy định của pháp luật về trách nhiệm tham
gia bảo hiểm y tế của người sử dụng lao động, người lao động quy định tại khoản 1

14 Khoản này được sửa đổi, bổ sung theo quy định tại điểm b khoản 3 Điều 1 của Luật số
51/2024/QH15 sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế, có hiệu lực kể từ ngày 01
tháng 7 năm 2025. Quy định như sau:
1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.
Điều 3. Điều khoản thi hành

Điều 8. Trách nhiệm của Ủy ban nhân dân các cấp
1. Tổ chức thực hiện chính sách, pháp luật về bảo hiểm y tế.
Nơi nhận:
Số: 22/VBHN-VPQH
"""


def test_consolidated_text_footnotes_marks_and_article_5a() -> None:
    text, s = parse(VBHN)
    assert s.consolidated
    assert ids(s, "dieu") == ["dieu_7", "dieu_7a", "dieu_8"]
    a7a = lookup(s, "Điều 7a")
    assert a7a is not None and a7a.label == "Điều 7a" and a7a.number == "7a"
    assert a7a.heading == "Trách nhiệm của Bộ Lao động - Thương binh và Xã hội"  # the footnote mark 16 left out
    assert [k.id for k in lookup(s, "dieu_7").children] == ["dieu_7/khoan_1", "dieu_7/khoan_2", "dieu_7/khoan_2a"]  # type: ignore[union-attr]
    # the footnote's own '1.' and 'Điều 3.' are not parts of this text
    assert [k.id for k in a7a.children] == ["dieu_7a/khoan_1", "dieu_7a/khoan_2"]
    assert lookup(s, "d7ak2") is a7a.children[1]
    assert lookup(s, "dieu_8/khoan_1") is not None
    assert s.numbering() == {}


# nghi-dinh-so-156-2026-nd-cp-469581.txt: an amending decree quotes whole articles; the quote of Điều 4 lost its
# closing mark, so the quote marks pair up to the end of Điều 2's quote: Điều 2 is read by its number
AMENDING = """Điều 1. Sửa đổi, bổ sung Điều 4 như sau:
“Điều 4. Rút tố cáo
1. Đơn rút tố cáo phải ghi rõ ngày, tháng, năm, họ và tên, địa chỉ của người
tố cáo rút tố cáo, cách thức liên hệ, nội dung tố cáo được rút, có chữ ký hoặc
điểm chỉ của người tố cáo rút tố cáo và được thực hiện theo Mẫu số 02 tại Phụ
lục ban hành kèm theo Nghị định này.
Điều 5. Tiếp nhận tố cáo
cho người bị tố cáo theo quy định của pháp luật.
Điều 2. Sửa đổi, bổ sung khoản 1, khoản 2 Điều 15 như sau:
“1. Khi xét thấy cần có sự đánh giá về nội dung liên quan đến chuyên môn,
kỹ thuật làm căn cứ cho việc kết luận nội dung tố cáo, xử lý hành vi vi phạm bị
tố cáo thì người giải quyết tố cáo quyết định việc trưng cầu giám định hoặc ủy
quyền cho cơ quan, tổ chức được giao xác minh nội dung tố cáo quyết định việc
trưng cầu giám định.
2. Việc trưng cầu giám định được thực hiện bằng văn bản, trong đó nêu rõ
Văn bản trưng cầu giám định thực hiện theo Mẫu số 09 tại Phụ lục ban hành
kèm theo Nghị định này.”.
Điều 3. Sửa đổi, bổ sung khoản 2 Điều 18 như sau:
“2. Người giải quyết tố cáo có trách nhiệm theo dõi, đôn đốc hoặc giao
cho cơ quan thanh tra cùng cấp hoặc đơn vị tham mưu theo dõi, đôn đốc việc
thực hiện kết luận nội dung tố cáo.”.
"""


def test_quoted_articles_of_an_amending_text_are_not_its_parts() -> None:
    text, s = parse(AMENDING)
    assert ids(s, "dieu") == ["dieu_1", "dieu_2", "dieu_3"]
    assert [(q.label, q.id) for q in s.quoted] == [("Điều 4", "dieu_4"), ("Điều 5", "dieu_5")]
    # the quoted '1.', '2.' are the amended text's khoản, not this text's
    assert all(not p.children for p in s.parts)
    assert s.quoted[0].heading == "Rút tố cáo"


# nghi-dinh-so-155-2026-nd-cp-469547.txt: a quoted Mục holding Điều 28a, then Điều 28b whose opening mark the text
# left out, then a page break, then the decree's own Điều 13
QUOTED_SECTION = """quan được quy định tại Điều 28a Nghị định này.”.
Điều 12. Bổ sung Mục 2a vào sau Mục 2 Chương IV
“Mục 2a
TẠM ĐÌNH CHỈ, ĐÌNH CHỈ GIẢI QUYẾT KHIẾU NẠI
Điều 28a. Sự kiện bất khả kháng và trở ngại khách quan trong giải
quyết khiếu nại
1. Sự kiện bất khả kháng quy định tại điểm a khoản 1 Điều 11a Luật Khiếu
nại là sự kiện xảy ra một cách khách quan không thể lường trước được và không
thể khắc phục được mặc dù đã áp dụng mọi biện pháp cần thiết và khả năng
cho phép.
c) Hồ sơ, tài liệu liên quan trực tiếp đến vụ việc khiếu nại đang bị cơ quan
có thẩm quyền tạm giữ, niêm phong.
4. Việc áp dụng quy định tại Điều này phải có căn cứ, tài liệu chứng minh
và được thể hiện trong hồ sơ giải quyết khiếu nại.”.
Điều 28b. Ban hành, gửi quyết định tạm đình chỉ, quyết định đình chỉ
giải quyết khiếu nại; thông báo tiếp tục giải quyết khiếu nại
1. Khi có đủ căn cứ quy định tại khoản 1, khoản 2 Điều 11a Luật Khiếu
nại, người giải quyết khiếu nại ban hành ngay quyết định tạm đình chỉ hoặc
quyết định đình chỉ giải quyết khiếu nại theo Mẫu số 14a ban hành kèm theo


CÔNG BÁO/Số 292/Ngày 30-05-2026
10


Điều 13. Bổ sung Điều 30a vào sau Điều 30
“Điều 30a. Ứng dụng công nghệ thông tin, chuyển đổi số trong giải
quyết khiếu nại
1. Việc ứng dụng công nghệ thông tin được thực hiện theo quy định.”.
"""


def test_a_quoted_section_and_an_article_whose_opening_mark_was_left_out() -> None:
    text, s = parse(QUOTED_SECTION)
    assert ids(s, "dieu") == ["dieu_12", "dieu_13"]
    assert [q.label for q in s.quoted] == ["Điều 28a", "Điều 28b", "Điều 30a"]
    assert not [p for p in s.walk() if p.kind == "muc"]  # the quoted 'Mục 2a' is the amended decree's
    assert s.numbering() == {}


# thong-tu-so-02-2024-tt-bldtbxh-41394.txt: an annex holding a model contract whose 'Điều 1:' numbering restarts;
# nghi-dinh-so-123-2026-nd-cp-469299.txt: 'Phụ lục ban hành kèm theo Nghị định này' in a sentence is no annex
ANNEX = """Điều 1. Sửa đổi Điều 7
Mẫu quy định tại Phụ lục ban hành
Phụ lục I ban hành kèm theo Nghị định này;
Điều 4. Hiệu lực thi hành
1. Thông tư này có hiệu lực thi hành từ ngày 15 tháng 5 năm 2024.
2. Trong quá trình thực hiện Thông tư, nếu có vướng mắc đề nghị phản ánh.
Nơi nhận:
- Như Điều 4;

Phụ lục I
Các biểu mẫu về người lao động đi làm việc ở nước ngoài
(Kèm theo Thông tư số 02/2024/TT-BLĐTBXH ngày 23 tháng 02 năm 2024
của Bộ trưởng Bộ Lao động - Thương binh và Xã hội)
Hai Bên thỏa thuận và ký kết thực hiện các điều khoản hợp đồng sau đây:
Điều 1: Điều khoản chung
- Thời hạn của hợp đồng lao động:
Điều 2: Quyền và nghĩa vụ của người lao động
2.1. Tham gia các khóa bồi dưỡng kỹ năng nghề.

Phụ lục II
Nội dung chi tiết hợp đồng cung ứng lao động
(Kèm theo Thông tư số 02/2024/TT-BLĐTBXH ngày 23 tháng 02 năm 2024
của Bộ trưởng Bộ Lao động - Thương binh và Xã hội)
1. Thông tin về bên nước ngoài.
"""


def test_annexes_number_their_articles_again() -> None:
    text, s = parse(ANNEX)
    assert [p.id for p in s.parts] == ["dieu_1", "dieu_4", "phu_luc_1", "phu_luc_2"]
    pl1 = lookup(s, "Phụ lục I")
    assert pl1 is not None and pl1.label == "Phụ lục I"
    assert pl1.heading == "Các biểu mẫu về người lao động đi làm việc ở nước ngoài"
    assert [a.id for a in pl1.children] == ["phu_luc_1/dieu_1", "phu_luc_1/dieu_2"]
    assert lookup(s, "Điều 2 Phụ lục I") is pl1.children[1]
    # the list after 'Nơi nhận:' and the annex are not in Điều 4
    a4 = lookup(s, "Điều 4")
    assert a4 is not None and "Nơi nhận" not in text[a4.start : a4.end] and a4.end < pl1.start
    # a numbered list in an annex, outside any article, is not a khoản
    assert not lookup(s, "phu_luc_2").children  # type: ignore[union-attr]
    # the excerpt leaves out Điều 2 and 3: a gap of the text's own numbering, the annex's numbering apart
    assert s.numbering() == {"": {"gaps": ["2", "3"], "duplicates": []}}


# nghi-dinh-so-191-2026-nd-cp-469672.txt: a decree that issues a regulation ('QUY CHẾ' over '(Kèm theo …)')
ATTACHED = """Điều 1. Ban hành kèm theo Nghị định này Quy chế làm việc của Chính phủ.
Điều 2. Nghị định này có hiệu lực thi hành từ ngày ký ban hành.
 TM. CHÍNH PHỦ
THỦ TƯỚNG

QUY CHẾ
Làm việc của Chính phủ
(Kèm theo Nghị định số 191/2026/NĐ-CP
ngày 29 tháng 5 năm 2026 của Chính phủ)

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
1. Quy chế này quy định nguyên tắc, chế độ trách nhiệm.
Điều 2. Nguyên tắc làm việc của Chính phủ
1. Mọi hoạt động của Chính phủ phải tuân thủ Hiến pháp và pháp luật.
"""


def test_an_attached_regulation_numbers_its_articles_again() -> None:
    text, s = parse(ATTACHED)
    assert ids(s, "dieu") == ["dieu_1", "dieu_2", "kem_theo_1/dieu_1", "kem_theo_1/dieu_2"]
    att = lookup(s, "kem_theo_1")
    assert att is not None and att.heading == "QUY CHẾ Làm việc của Chính phủ"
    assert lookup(s, "kem_theo_1/chuong_1") is not None
    # the decree's Điều 1 has no heading of its own: its first words are its body
    a1 = lookup(s, "Điều 1")
    assert a1 is not None and a1.heading is None and "TM. CHÍNH PHỦ" not in text[a1.start : s.parts[1].end]


# a numbered list inside a quoted block is not a khoản; an article's own list that restarts is not either
LISTS = """Điều 2. Thay thế, bãi bỏ một số cụm từ
1. Thay thế cụm từ “lĩnh vực quản lý, sử dụng tài sản công” bằng cụm từ
“lĩnh vực quản lý”.
2. Bổ sung khoản 3 vào Điều 6 như sau:
“3. Nội dung gồm:
1. Tên tài sản;
2. Giá trị tài sản.”.
3. Bãi bỏ khoản 4 Điều 17: các nội dung sau:
1. Mục tiêu;
2. Yêu cầu.
4. Sửa đổi khoản 5.
"""


def test_numbered_lists_that_are_not_khoan() -> None:
    text, s = parse(LISTS)
    assert [k.number for k in s.parts[0].children] == ["1", "2", "3", "4"]


def test_a_reference_wrapped_onto_a_line_is_not_an_article() -> None:
    # nghi-dinh-so-74-2025-nd-cp-44712.txt
    raw = ("Điều 2. Bổ sung, thay thế, bãi bỏ cụm từ \n"
           "3. Thay thế cụm từ “điểm a và b khoản 3” thành “điểm a, b và d khoản 3” tại khoản 1 \n"
           "Điều 6. \n"
           "4. Thay thế cụm từ “trang thiết bị y tế” thành “thiết bị y tế”. \n"
           "Điều 3. Điều khoản chuyển tiếp \n")
    text, s = parse(raw)
    assert ids(s, "dieu") == ["dieu_2", "dieu_3"]


def test_a_text_continued_from_an_earlier_issue() -> None:
    # thong-tu-so-102-2018-tt-btc-28383.txt opens inside the text, after '(Tiếp theo Công báo số 201 + 202)'
    raw = ("Thông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018 \nhướng dẫn kế toán Bảo hiểm xã hội  \n \n \n"
           "(Tiếp theo Công báo số 201 + 202) \n \nb) Số liệu ghi vào các cột của báo cáo. \n"
           "2. Phương pháp lập báo cáo. \nĐiều 25. Hiệu lực thi hành \n1. Thông tư này có hiệu lực từ ngày ký. \n")
    text, s = parse(raw)
    assert ids(s, "dieu") == ["dieu_25"]
    assert s.lead is not None and text[s.lead[0] : s.lead[1]].strip().startswith("b) Số liệu")
    assert s.numbering() == {}


@pytest.mark.parametrize(("written", "want"), [
    ("khoản 2 Điều 8", {"khoan": "2", "dieu": "8"}),
    ("Điều 8 khoản 2", {"dieu": "8", "khoan": "2"}),
    ("d8k2", {"dieu": "8", "khoan": "2"}),
    ("D8K2A", {"dieu": "8", "khoan": "2", "diem": "a"}),
    ("điểm đ khoản 2 Điều 8", {"diem": "đ", "khoan": "2", "dieu": "8"}),
    ("diem a khoan 2 dieu 8", {"diem": "a", "khoan": "2", "dieu": "8"}),
    ("dieu_8/khoan_2/diem_dd", {"dieu": "8", "khoan": "2", "diem": "đ"}),
    ("Điều 5a", {"dieu": "5a"}),
    ("Chương III", {"chuong": "3"}),
    ("Điều 3 Phụ lục II", {"dieu": "3", "phu_luc": "2"}),
])
def test_references_as_people_write_them(written: str, want: dict[str, str]) -> None:
    assert parse_reference(written) == want


@pytest.mark.parametrize(("kind", "written", "want"), [
    ("chuong", "III", "3"), ("chuong", "XIV", "14"), ("chuong", "1", "1"), ("phan", "thứ hai", "2"),
    ("phan", "THỨ MƯỜI", "10"), ("dieu", "5a", "5a"), ("phu_luc", "05", "5"), ("phu_luc", "IA", "1a"),
])
def test_numbers_normalised(kind: str, written: str, want: str) -> None:
    assert normalise_number(kind, written) == want


def test_a_whole_gazette_decree() -> None:
    raw = (GAZETTE / "nghi-dinh-so-123-2026-nd-cp-469299.txt").read_text(encoding="utf-8")
    text, s = parse(raw)
    assert ids(s, "dieu") == [f"dieu_{n}" for n in range(1, 7)]
    assert [p.id for p in s.parts][-1] == "phu_luc"
    assert lookup(s, "khoản 2 Điều 5") is lookup(s, "d5k2") is lookup(s, "Điều 5 khoản 2")
    k = lookup(s, "điểm c khoản 3 Điều 5")
    assert k is not None and k.id == "dieu_5/khoan_3/diem_c" and text[k.start :].startswith("c) Khoản 2, 3, 4, 5 Điều 27")
    assert lookup(s, "dieu_4/khoan_3/diem_dd") is not None and lookup(s, "Điều 9") is None
    assert len(lookup(s, "Điều 4").children) == 5  # type: ignore[union-attr]
    a6 = lookup(s, "Điều 6")
    assert a6 is not None and a6.heading == "Trách nhiệm thi hành" and "TM. CHÍNH PHỦ" not in text[a6.start : a6.end]
    assert s.numbering() == {} and not s.quoted


def test_a_whole_consolidated_decree() -> None:
    raw = (GAZETTE / "van-ban-hop-nhat-so-03-vbhn-btc-468970.txt").read_text(encoding="utf-8")
    text, s = parse(raw)
    assert s.consolidated
    arts = s.articles()
    own = [a for a in arts if "/" not in a.id]
    assert [a.number for a in own[:4]] == ["1", "2", "3", "4"]
    k = lookup(s, "khoản 1b Điều 4")
    assert k is not None and text[k.start :].startswith("1b.")
    assert s.numbering().get("", {}).get("duplicates", []) == []


def test_offsets_nest_and_never_raise() -> None:
    raw = (GAZETTE / "luat-so-51-2024-qh15-43559.txt").read_text(encoding="utf-8")
    text, s = parse(raw)

    def check(p: Part, lo: int, hi: int) -> None:
        assert lo <= p.start <= p.end <= hi, p.id
        for c in p.children:
            check(c, p.start, p.end)

    for p in s.parts:
        check(p, 0, len(text))
    assert len({p.id for p in s.walk()}) == len(s.walk())
    for junk in ["", "\n\n", "Điều", "Điều 1.", "“Điều 1.", "1.\n2.\na)", "Phụ lục\n(Kèm theo", "Chương"]:
        parse_structure(junk)


def test_parts_made_unchecked_are_the_parts_validated() -> None:
    """The resolver makes the corpus's 51,702 parts without pydantic's constructor (`model.part_unchecked`): each is
    the part `PartNode(**values)` makes, equal, with the same hash, dump, JSON and fields set; and the graph's parts
    are those of the structure parser, with their spans in the source as read."""
    from graph.extract import parts_of
    from graph.model import PartNode, part_unchecked
    from graph.pipeline import read_text

    parts = []
    for path in sorted(GAZETTE.glob("*.txt"))[:4]:
        raw = path.read_text(encoding="utf-8")
        got = [p for ps in read_text(raw, path.name).parts.values() for p in ps]
        ct = clean(raw)
        want = [(p.id, p.kind, p.parent, ct.to_raw(p.start), ct.to_raw(p.end)) for p in parts_of(ct.text)]
        assert [(p.id, p.kind, p.parent, p.start, p.end) for p in got] == want, path.name
        assert all(p.source == path.name for p in got)
        parts += got
    assert len(parts) > 20
    for p in parts:
        checked = PartNode(**p.model_dump())
        assert p == checked and hash(p) == hash(checked)
        assert p.model_dump_json() == checked.model_dump_json() and p.model_fields_set == checked.model_fields_set
    values = {"id": "dieu_1/khoan_2", "kind": "khoan", "label": "2.", "number": "2", "heading": None, "parent": "dieu_1",
              "source": "x.txt", "start": 10, "end": 20}
    made = part_unchecked(dict(values))
    assert made == PartNode(**values) and made.model_copy(update={"end": 21}).end == 21
    with pytest.raises(Exception, match="frozen"):
        made.end = 3  # type: ignore[misc]


def test_documents_and_evidence_made_unchecked_are_the_validated() -> None:
    """The resolver makes a document and an evidence per mention without pydantic's constructor
    (`model.document_unchecked`, `model.evidence_unchecked`): each is the one the constructor makes from the same values
    (equal, same dump, JSON and fields set), a document changes as a validated one does and has its own set of fields."""
    import datetime as dt

    from graph.model import Document, Evidence, document_unchecked, evidence_unchecked, merge_document

    ev = evidence_unchecked("a.txt", "Nghị định số 42/2022/NĐ-CP …", 3, 40)
    checked_ev = Evidence(source="a.txt", sentence="Nghị định số 42/2022/NĐ-CP …", start=3, end=40)
    assert ev == checked_ev and hash(ev) == hash(checked_ev) and ev.model_dump_json() == checked_ev.model_dump_json()
    assert ev.model_fields_set == checked_ev.model_fields_set
    with pytest.raises(Exception, match="frozen"):
        ev.start = 1  # type: ignore[misc]
    values = {"key": "42/2022/ND-CP", "number": "42/2022/NĐ-CP", "name": None, "type": "Nghị định", "type_id": "NghiDinh",
              "issuer": "CP", "co_issuers": ["BTC"], "date": dt.date(2022, 6, 24), "year": 2022, "title": "về …",
              "evidence": [ev], "mentions": 1}
    docs = [document_unchecked(**values) for _ in range(2)]  # type: ignore[arg-type]
    checked = Document(**values)  # type: ignore[arg-type]
    for d in docs:
        assert d == checked and d.model_dump_json() == checked.model_dump_json()
        assert d.model_fields_set == checked.model_fields_set
        assert d.effective_claims == [] and d.effective_claims is not checked.effective_claims
    merge_document(docs[0], docs[1].model_copy(update={"evidence": [checked_ev], "mentions": 2}))
    merge_document(checked, Document(**{**values, "evidence": [checked_ev], "mentions": 2}))  # type: ignore[arg-type]
    assert docs[0] == checked and docs[0].model_dump_json() == checked.model_dump_json()
    docs[0].effective = dt.date(2022, 8, 15)
    assert "effective" in docs[0].model_fields_set and "effective" not in docs[1].model_fields_set


def _merge_document_as_it_was(into: Any, new: Any, additive: bool = True) -> None:
    """`model.merge_document` as it was written before `merge_sighting` (718255a), word for word: what both must do."""
    from graph.model import merge_effective, merge_evidence

    for attr in ("number", "name", "issuer", "date", "year", "title"):
        if getattr(into, attr) in (None, "") and getattr(new, attr) not in (None, ""):
            setattr(into, attr, getattr(new, attr))
    if into.type_id == "CongVan" and new.type_id != "CongVan":
        into.type, into.type_id = new.type, new.type_id
    for c in new.co_issuers:
        if c not in into.co_issuers:
            into.co_issuers.append(c)
    merge_evidence(into.evidence, new.evidence)
    into.mentions = into.mentions + new.mentions if additive else max(into.mentions, new.mentions)
    merge_effective(into, new.effective_claims)


def test_a_mention_taken_into_a_held_document_as_merge_document_would() -> None:
    """Resolution takes most mentions into a document already held without making one per mention
    (`model.merge_sighting`): for every pair of sightings below — values missing on either side, an official letter
    (CongVan) met before its type is known, co-issuers in another order, evidence already held — the document is the one
    `merge_document` made (as it was written before: `_merge_document_as_it_was`) of the same sighting made a document;
    and `merge_document`, added up or not (a store's), is what it was."""
    import datetime as dt
    import itertools

    from graph.model import evidence_unchecked, merge_document, merge_sighting
    from graph.resolve import _DocFields, _document

    ev = [evidence_unchecked("a.txt", "Nghị định số 42/2022/NĐ-CP …", 3, 40),
          evidence_unchecked("b.txt", "Công văn số 42/2022/NĐ-CP …", 0, 30)]
    sightings = [
        _DocFields("42/2022/ND-CP", "42/2022/NĐ-CP", None, "Nghị định", "NghiDinh", "CP", ("BTC",),
                   dt.date(2022, 6, 24), 2022, "về …"),
        _DocFields("42/2022/ND-CP", None, "Luật X", "Công văn", "CongVan", None, (), None, None, ""),
        _DocFields("42/2022/ND-CP", "42/2022/NĐ-CP", None, "Công văn", "CongVan", "BTC", ("CP", "BTC"), None, 2022,
                   None),
        _DocFields("42/2022/ND-CP", "", "", "Quyết định", "QuyetDinh", "TTg", ("BTP",), dt.date(2022, 7, 1), 2023,
                   "khác"),
    ]
    pairs = 0
    for (a, ea), (b, eb) in itertools.product(itertools.product(sightings, ev), repeat=2):
        want, got = _document(a, ea), _document(a, ea)
        _merge_document_as_it_was(want, _document(b, eb))
        merge_sighting(got, b, [eb], 1)
        assert got == want and got.model_dump_json() == want.model_dump_json(), (a, b)
        assert got.model_fields_set == want.model_fields_set
        for additive in (True, False):
            was, now = _document(a, ea), _document(a, ea)
            new = _document(b, eb).model_copy(update={"mentions": 3})
            _merge_document_as_it_was(was, new, additive)
            merge_document(now, new, additive)
            assert now == was and now.model_dump_json() == was.model_dump_json(), (a, b, additive)
        pairs += 1
    assert pairs == 64
