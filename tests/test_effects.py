"""Effects on parts (issue 25 §2): what each acting relation does to its target, part by part, read by hand from the
Gazette corpus (/work/shared/corpus/congbao/texts; the file each excerpt is copied from is the first column).

EFFECTS: a verbatim excerpt (its line breaks joined), the relation it states and the effect: kind and the target's
parts as ids (`graph.structure`'s: 'dieu_8/khoan_2/diem_a', 'phu_luc_1/mau_02'; none: the whole text). Each excerpt is
read under the header of the text it comes from (`HEADS`: its number, date, type and title, as the text prints them),
so that 'Bãi bỏ …', an item '3. Bãi bỏ khoản 4 Điều 9.' and 'Nghị định này thay thế …' have their doer, and items
that do not name their document take the one the title amends. NO_EFFECT: sentences that name parts of a document
that are not an effect on them (where a rule stands, what another formula acts on, a lead's 'một số điều').
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from graph.extract.effects import read_parts
from graph.incremental import dump_source, load_source
from graph.model import Graph
from graph.pipeline import extract_text
from graph.resolve import Resolver
from graph.vocab import fold_lower

FIXTURES = Path(__file__).parent / "fixtures" / "congbao"

# the acting texts' headers: number, date of issue, type, title (as the Gazette prints them)
HEADS: dict[str, tuple[str, str, str, str]] = {
    'thong-tu-so-08-2023-tt-bldtbxh-40176.txt': ('08/2023/TT-BLĐTBXH', '2023-08-29', 'THÔNG TƯ', 'Sửa đổi, bổ sung, bãi bỏ một số điều của các Thông tư, Thông tư liên tịch có quy định liên quan đến việc nộp, xuất trình sổ hộ khẩu giấy, sổ tạm trú giấy hoặc giấy tờ có yêu cầu xác nhận nơi cư trú khi thực hiện thủ tục hành chính thuộc lĩnh vực quản lý nhà nước'),
    'nghi-dinh-so-136-2026-nd-cp-469355.txt': ('136/2026/NĐ-CP', '2026-04-07', 'NGHỊ ĐỊNH', 'Sửa đổi, bổ sung một số điều của Nghị định số 100/2024/NĐ-CP ngày 26 tháng 7 năm 2024 của Chính phủ quy định chi tiết một số điều của Luật Nhà ở về phát triển và quản lý nhà ở xã hội (đã được sửa đổi, bổ sung tại Nghị định số 261/2025/NĐ-CP và Nghị định số 54/2026/NĐ-CP)'),
    'thong-tu-so-16-2022-tt-bkhdt-37688.txt': ('16/2022/TT-BKHĐT', '2022-07-29', 'THÔNG TƯ', 'Ngưng hiệu lực của Thông tư số 08/2022/TT-BKHĐT ngày 31 tháng 5 năm 2022 của Bộ trưởng Bộ Kế hoạch và Đầu tư quy định chi tiết việc cung cấp, đăng tải thông tin về đấu thầu và lựa chọn nhà thầu trên Hệ thống mạng đấu thầu quốc gia và Thông tư số 10/2022/TT-BKHĐT ngày 15 tháng 6 năm 2022 của Bộ trưởng Bộ Kế hoạch và Đầu tư quy định chi tiết việc cung cấp, đăng tải thông tin và lựa chọn nhà đầu tư trên Hệ thống mạng đấu thầu quốc gia'),
    'nghi-dinh-so-188-2025-nd-cp-45593.txt': ('188/2025/NĐ-CP', '2025-07-01', 'NGHỊ ĐỊNH', 'Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm y tế'),
    'nghi-quyet-so-17-2026-nq-cp-469464.txt': ('17/2026/NQ-CP', '2026-04-29', 'NGHỊ QUYẾT', 'Về phân cấp thẩm quyền giải quyết thủ tục hành chính'),
    'nghi-dinh-so-118-2026-nd-cp-469379.txt': ('118/2026/NĐ-CP', '2026-04-03', 'NGHỊ ĐỊNH', 'Về cho vay của ngân sách trung ương cho chính phủ nước ngoài'),
    'nghi-dinh-so-121-2026-nd-cp-469354.txt': ('121/2026/NĐ-CP', '2026-04-03', 'NGHỊ ĐỊNH', 'Quy định về thành lập, tổ chức lại, giải thể tổ chức hành chính'),
    'nghi-dinh-so-128-2026-nd-cp-469347.txt': ('128/2026/NĐ-CP', '2026-04-06', 'NGHỊ ĐỊNH', 'Sửa đổi, bổ sung một số điều của Nghị định số 85/2024/NĐ-CP ngày 10 tháng 7 năm 2024 của Chính phủ quy định chi tiết một số điều của Luật Giá số 16/2023/QH15 được sửa đổi, bổ sung bởi Luật số 44/2024/QH15, Luật số 61/2024/QH15, Luật số 95/2025/QH15 và Luật số 140/2025/QH15'),
    'nghi-dinh-so-134-2026-nd-cp-469388.txt': ('134/2026/NĐ-CP', '2026-04-06', 'NGHỊ ĐỊNH', 'Sửa đổi, bổ sung một số điều của Nghị định số 17/2023/NĐ-CP ngày 26 tháng 4 năm 2023 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Sở hữu trí tuệ về quyền tác giả, quyền liên quan'),
    'nghi-dinh-so-137-2026-nd-cp-469361.txt': ('137/2026/NĐ-CP', '2026-04-07', 'NGHỊ ĐỊNH', 'Về quản lý hoạt động kinh doanh theo phương thức đa cấp'),
    'nghi-dinh-so-138-2026-nd-cp-469380.txt': ('138/2026/NĐ-CP', '2026-04-07', 'NGHỊ ĐỊNH', 'Quy định chi tiết một số điều của Luật Việc làm về phát triển kỹ năng nghề'),
    'nghi-dinh-so-139-2026-nd-cp-469377.txt': ('139/2026/NĐ-CP', '2026-04-07', 'NGHỊ ĐỊNH', 'Quy định chi tiết nội dung chế độ báo cáo thống kê cấp quốc gia'),
    'nghi-dinh-so-147-2026-nd-cp-469496.txt': ('147/2026/NĐ-CP', '2026-05-07', 'NGHỊ ĐỊNH', 'Hướng dẫn thực hiện cơ chế, chính sách đặc thù tháo gỡ khó khăn, vướng mắc cho các dự án tồn đọng, kéo dài quy định tại Nghị quyết số 29/2026/QH16 ngày 24 tháng 4 năm 2026 của Quốc hội'),
    'nghi-dinh-so-148-2026-nd-cp-469501.txt': ('148/2026/NĐ-CP', '2026-05-12', 'NGHỊ ĐỊNH', 'Sửa đổi, bổ sung một số điều của Nghị định số 72/2015/NĐ-CP ngày 07 tháng 9 năm 2015 của Chính phủ về quản lý hoạt động thông tin đối ngoại'),
    'nghi-dinh-so-153-2026-nd-cp-469525.txt': ('153/2026/NĐ-CP', '2026-05-14', 'NGHỊ ĐỊNH', 'Sửa đổi, bổ sung một số điều của Nghị định số 01/2015/NĐ-CP ngày 02 tháng 01 năm 2015 của Chính phủ quy định chi tiết phạm vi địa bàn hoạt động hải quan; trách nhiệm phối hợp trong phòng, chống buôn lậu, vận chuyển trái phép hàng hóa qua biên giới đã được sửa đổi, bổ sung tại Nghị định số 12/2018/NĐ-CP ngày 23 tháng 01 năm 2018 của Chính phủ'),
    'nghi-dinh-so-155-2026-nd-cp-469547.txt': ('155/2026/NĐ-CP', '2026-05-15', 'NGHỊ ĐỊNH', 'Sửa đổi, bổ sung một số điều của Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại'),
    'nghi-dinh-so-156-2026-nd-cp-469581.txt': ('156/2026/NĐ-CP', '2026-05-15', 'NGHỊ ĐỊNH', 'Sửa đổi, bổ sung một số điều của Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo'),
    'nghi-dinh-so-160-2026-nd-cp-469549.txt': ('160/2026/NĐ-CP', '2026-05-15', 'NGHỊ ĐỊNH', 'Quy định cơ sở dữ liệu về thi hành án hình sự'),
    'nghi-dinh-so-167-2026-nd-cp-469559.txt': ('167/2026/NĐ-CP', '2026-05-15', 'NGHỊ ĐỊNH', 'Quy định chi tiết một số điều của Luật Dẫn độ'),
    'nghi-dinh-so-172-2026-nd-cp-469584.txt': ('172/2026/NĐ-CP', '2026-05-15', 'NGHỊ ĐỊNH', 'Quy định chi tiết chi phí thực hiện và kinh phí bảo đảm công tác dẫn độ, công tác chuyển giao người đang chấp hành án phạt tù, công tác tương trợ tư pháp về hình sự'),
    'nghi-dinh-so-182-2026-nd-cp-469623.txt': ('182/2026/NĐ-CP', '2026-05-22', 'NGHỊ ĐỊNH', 'Quy định chế độ phụ cấp ưu đãi theo nghề đối với nhà giáo, cán bộ quản lý cơ sở giáo dục và nhân sự hỗ trợ giáo dục công tác trong các cơ sở giáo dục công lập'),
    'nghi-dinh-so-192-2026-nd-cp-469673.txt': ('192/2026/NĐ-CP', '2026-05-30', 'NGHỊ ĐỊNH', 'Quy định một số chế độ phụ cấp đặc thù trong lĩnh vực y tế; hỗ trợ hằng tháng đối với nhân viên y tế thôn, tổ dân phố và cô đỡ thôn, bản'),
    'luat-so-51-2024-qh15-43559.txt': ('51/2024/QH15', '2024-11-27', 'LUẬT', 'Sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế'),
    'thong-tu-so-20-2026-tt-bxd-469697.txt': ('20/2026/TT-BXD', '2026-05-15', 'THÔNG TƯ', 'Quy định về quản lý nhà nước chuyên ngành tại cảng thủy nội địa, bến thủy nội địa, khu neo đậu và quản lý hoạt động hoa tiêu đường thủy nội địa'),
    'nghi-dinh-so-207-2026-nd-cp-469769.txt': ('207/2026/NĐ-CP', '2026-06-15', 'NGHỊ ĐỊNH', 'Quy định chi tiết một số điều của Luật Xây dựng về quản lý chất lượng, thi công xây dựng và bảo trì công trình xây dựng'),
    'nghi-dinh-so-372-2025-nd-cp-468594.txt': ('372/2025/NĐ-CP', '2025-12-31', 'NGHỊ ĐỊNH', 'Sửa đổi, bổ sung một số điều của Nghị định số 112/2021/NĐ-CP ngày 10 tháng 12 năm 2021 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng'),
    'nghi-dinh-so-51-2025-nd-cp-44397.txt': ('51/2025/NĐ-CP', '2025-03-01', 'NGHỊ ĐỊNH', 'Sửa đổi, bổ sung một số điều của Nghị định số 10/2022/NĐ-CP ngày 15 tháng 01 năm 2022 của Chính phủ quy định về lệ phí trước bạ'),
    'nghi-dinh-so-74-2025-nd-cp-44712.txt': ('74/2025/NĐ-CP', '2025-03-31', 'NGHỊ ĐỊNH', 'sửa đổi'),
    'nghi-quyet-so-15-2026-nq-cp-469344.txt': ('15/2026/NQ-CP', '2026-04-06', 'NGHỊ QUYẾT', 'Tạm ngưng hiệu lực Nghị định số 46/2026/NĐ-CP ngày 26 tháng 01 năm 2026 và Nghị quyết số 66.13/2026/NQ-CP ngày 27 tháng 01 năm 2026 của Chính phủ'),
    'nghi-quyet-so-18-2026-nq-cp-469465.txt': ('18/2026/NQ-CP', '2026-04-29', 'NGHỊ QUYẾT', 'Về cắt giảm, phân cấp, đơn giản hóa thủ tục hành chính, cắt giảm điều kiện đầu tư kinh doanh thuộc phạm vi quản lý của Bộ Văn hóa, Thể thao và Du lịch'),
    'nghi-quyet-so-19-2026-nq-cp-469466.txt': ('19/2026/NQ-CP', '2026-04-29', 'NGHỊ QUYẾT', 'Cắt giảm, phân cấp, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh thuộc phạm vi quản lý của Bộ Công Thương'),
    'nghi-quyet-so-22-2026-nq-cp-469469.txt': ('22/2026/NQ-CP', '2026-04-29', 'NGHỊ QUYẾT', 'Cắt giảm, phân cấp, đơn giản hóa thủ tục hành chính và cắt giảm, đơn giản hóa điều kiện kinh doanh thuộc phạm vi quản lý của Bộ Công an'),
    'nghi-quyet-so-23-2026-nq-cp-469470.txt': ('23/2026/NQ-CP', '2026-04-29', 'NGHỊ QUYẾT', 'Về cắt giảm, phân cấp, đơn giản hóa thủ tục hành chính và cắt giảm điều kiện kinh doanh thuộc phạm vi quản lý của Bộ Giáo dục và Đào tạo'),
    'nghi-quyet-so-6619-2026-nq-cp-469586.txt': ('66.19/2026/NQ-CP', '2026-05-18', 'NGHỊ QUYẾT', 'Về cắt giảm, phân quyền, đơn giản hóa thủ tục hành chính và cắt giảm, đơn giản hoá điều kiện kinh doanh thuộc phạm vi quản lý của Bộ Nông nghiệp và Môi trường'),
    'quyet-dinh-so-135-qd-bldtbxh-41357.txt': ('135/QĐ-BLĐTBXH', '2024-01-31', 'QUYẾT ĐỊNH', 'Về việc công bố Danh mục văn bản quy phạm pháp luật hết hiệu lực toàn bộ hoặc một phần thuộc lĩnh vực quản lý nhà nước của Bộ Lao động - Thương binh và Xã hội'),
    'quyet-dinh-so-1478-qd-bldtbxh-42752.txt': ('1478/QĐ-BLĐTBXH', '2024-09-12', 'QUYẾT ĐỊNH', 'Về việc bổ sung nội dung tại Quyết định số 225/QĐ-BLĐTBXH ngày 05/3/2024 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội về việc công bố kết quả hệ thống hóa văn bản quy phạm pháp luật thuộc lĩnh vực quản lý nhà nước của Bộ Lao động - Thương binh và Xã hội kỳ hệ thống hóa 2019 - 2023'),
    'thong-tu-so-03-2022-tt-bldtbxh-36975.txt': ('03/2022/TT-BLĐTBXH', '2022-03-30', 'THÔNG TƯ', 'Quy định Danh mục nhà tù và những nơi được coi là nhà tù để xem xét công nhận người hoạt động cách mạng, kháng chiến, bảo vệ Tổ quốc, làm nghĩa vụ quốc tế bị địch bắt tù, đày'),
    'thong-tu-so-05-2025-tt-bkhdt-44340.txt': ('05/2025/TT-BKHĐT', '2025-01-24', 'THÔNG TƯ', 'Hướng dẫn xây dựng khu công nghiệp sinh thái'),
    'thong-tu-so-06-2021-tt-bldtbxh-34037.txt': ('06/2021/TT-BLĐTBXH', '2021-07-07', 'THÔNG TƯ', 'Sửa đổi, bổ sung một số điều của Thông tư số 59/2015/TT-BLĐTBXH ngày 29 tháng 12 năm 2015 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc'),
    'thong-tu-so-06-2026-tt-btc-468899.txt': ('06/2026/TT-BTC', '2026-01-26', 'THÔNG TƯ', 'Sửa đổi, bổ sung một số điều của Thông tư số 13/2015/TT-BTC ngày 30 tháng 01 năm 2015 của Bộ trưởng Bộ Tài chính quy định về kiểm tra, giám sát, tạm dừng làm thủ tục hải quan đối với hàng hóa xuất khẩu, nhập khẩu có yêu cầu bảo vệ quyền sở hữu trí tuệ; kiểm soát hàng giả và hàng hóa xâm phạm quyền sở hữu trí tuệ được sửa đổi, bổ sung bởi Thông tư số 13/2020/TT-BTC'),
    'thong-tu-so-07-2023-tt-bldtbxh-40090.txt': ('07/2023/TT-BLĐTBXH', '2023-08-28', 'THÔNG TƯ', 'quy định mã số, tiêu chuẩn chức danh nghề nghiệp'),
    'thong-tu-so-10-2024-tt-bkhdt-42068.txt': ('10/2024/TT-BKHĐT', '2024-06-12', 'THÔNG TƯ', 'Sửa đổi một số điều của Thông tư số 09/2021/TT-BKHĐT ngày 16 tháng 11 năm 2021 của Bộ trưởng Bộ Kế hoạch và Đầu tư hướng dẫn lựa chọn nhà đầu tư thực hiện dự án đầu tư theo phương thức đối tác công tư và dự án đầu tư có sử dụng đất, Thông tư số 10/2022/TT-BKHĐT ngày 15 tháng 6 năm 2022 của Bộ trưởng Bộ Kế hoạch và Đầu tư quy định chi tiết việc cung cấp, đăng tải thông tin và lựa chọn nhà đầu tư trên Hệ thống mạng đấu thầu quốc gia'),
    'thong-tu-so-21-2022-tt-bkhdt-38037.txt': ('21/2022/TT-BKHĐT', '2022-09-30', 'THÔNG TƯ', 'Quy định chi tiết về lập hồ sơ mời thầu dịch vụ phi tư vấn đối với gói thầu thuộc phạm vi điều chỉnh của Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương, Hiệp định Thương mại tự do giữa Cộng hòa xã hội chủ nghĩa Việt Nam và Liên minh Châu Âu, Hiệp định Thương mại tự do giữa Việt Nam và Liên hiệp Vương quốc Anh và Bắc Ai-len'),
    'thong-tu-so-10-2022-tt-bkhdt-37566.txt': ('10/2022/TT-BKHĐT', '2022-06-15', 'THÔNG TƯ', 'quy định chi tiết việc cung cấp đăng tải thông tin và lựa chọn nhà đầu tư trên hệ thống mạng đấu thầu quốc gia'),
    'thong-tu-so-107-2025-tt-btc-46707.txt': ('107/2025/TT-BTC', '2025-11-14', 'THÔNG TƯ', 'Hướng dẫn kế toán quỹ bảo hiểm xã hội, quỹ bảo hiểm y tế, quỹ bảo hiểm thất nghiệp'),
    'thong-tu-so-11-2021-tt-bldtbxh-34739.txt': ('11/2021/TT-BLĐTBXH', '2021-09-30', 'THÔNG TƯ', 'Hướng dẫn chức năng, nhiệm vụ, quyền hạn của Sở Lao động - Thương binh và Xã hội thuộc Ủy ban nhân dân cấp tỉnh và Phòng Lao động - Thương binh và Xã hội thuộc Ủy ban nhân dân cấp huyện'),
    'thong-tu-so-12-2022-tt-bkhdt-37525.txt': ('12/2022/TT-BKHĐT', '2022-06-30', 'THÔNG TƯ', 'Quy định chi tiết về lập hồ sơ mời thầu mua sắm hàng hóa đối với gói thầu thuộc phạm vi điều chỉnh của Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương, Hiệp định Thương mại tự do giữa Cộng hòa xã hội chủ nghĩa Việt Nam và Liên minh Châu Âu, Hiệp định Thương mại tự do giữa Việt Nam và Liên hiệp Vương quốc Anh và Bắc Ai-len 25/8/2022 Nội dung'),
    'thong-tu-so-13-2024-tt-bldtbxh-43506.txt': ('13/2024/TT-BLĐTBXH', '2024-12-05', 'THÔNG TƯ', 'Sửa đổi, bổ sung một số điều của Thông tư số 26/2018/TT-BLĐTBXH ngày 25 tháng 12 năm 2018 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội quy định về quản lý chất lượng sản phẩm, hàng hóa có khả năng gây mất an toàn thuộc trách nhiệm quản lý nhà nước của Bộ Lao động - Thương binh và Xã hội'),
    'thong-tu-so-13-2026-tt-nhnn-469590.txt': ('13/2026/TT-NHNN', '2026-05-19', 'THÔNG TƯ', 'Sửa đổi, bổ sung một số điều của Thông tư số 53/2018/TT-NHNN quy định về mạng lưới hoạt động của tổ chức tín dụng phi ngân hàng'),
    'thong-tu-so-14-2026-tt-btc-469036.txt': ('14/2026/TT-BTC', '2026-03-02', 'THÔNG TƯ', 'Hướng dẫn việc lập dự toán, quản lý, sử dụng, quyết toán kinh phí của cơ quan quản lý nhà nước chi trả chuyến bay chuyên cơ, chuyên khoang của Việt Nam từ nguồn ngân sách nhà nước'),
    'thong-tu-so-147-2025-tt-btc-468713.txt': ('147/2025/TT-BTC', '2025-12-31', 'THÔNG TƯ', 'Quy định quản lý, sử dụng và quyết toán vốn đầu tư công và kinh phí sự nghiệp từ nguồn ngân sách nhà nước thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030'),
    'thong-tu-so-15-2023-tt-bldtbxh-40971.txt': ('15/2023/TT-BLĐTBXH', '2023-12-29', 'THÔNG TƯ', 'Sửa đổi, bổ sung một số điều của Thông tư số 28/2015/TT-BLĐTBXH ngày 31 tháng 7 năm 2015 hướng dẫn thực hiện Điều 52 Luật Việc làm và một số điều của Nghị định số 28/2015/NĐ-CP ngày 12 tháng 3 năm 2015 của Chính phủ quy định chi tiết thi hành một số điều của Luật Việc làm về bảo hiểm thất nghiệp'),
    'thong-tu-so-15-2024-tt-bldtbxh-43951.txt': ('15/2024/TT-BLĐTBXH', '2024-12-31', 'THÔNG TƯ', 'Bãi bỏ một số văn bản quy phạm pháp luật do Bộ trưởng Bộ Lao động -'),
    'thong-tu-so-152-2025-tt-btc-468714.txt': ('152/2025/TT-BTC', '2025-12-31', 'THÔNG TƯ', 'Hướng dẫn kế toán cho các hộ kinh doanh, cá nhân kinh doanh'),
    'thong-tu-so-17-2026-tt-nhnn-469613.txt': ('17/2026/TT-NHNN', '2026-05-19', 'THÔNG TƯ', 'Sửa đổi, bổ sung một số điều của các Thông tư trong lĩnh vực quản lý ngoại hối liên quan đến phân cấp, đơn giản hóa thủ tục hành chính'),
    'thong-tu-so-22-2026-tt-bnnmt-469587.txt': ('22/2026/TT-BNNMT', '2026-05-19', 'THÔNG TƯ', 'Sửa đổi, bổ sung một số Thông tư liên quan phân cấp, cắt giảm, đơn giản hóa thủ tục hành chính thuộc phạm vi quản lý nhà nước của Bộ Nông nghiệp và Môi trường'),
    'thong-tu-so-25-2026-tt-btc-469238.txt': ('25/2026/TT-BTC', '2026-03-25', 'THÔNG TƯ', 'Sửa đổi, bổ sung một số điều của Thông tư số 12/2015/TT-BTC ngày 30 tháng 01 năm 2015 quy định chi tiết thủ tục cấp Chứng chỉ nghiệp vụ khai hải quan; cấp và thu hồi mã số nhân viên đại lý làm thủ tục hải quan; trình tự, thủ tục công nhận và hoạt động đại lý làm thủ tục hải quan đã được sửa đổi, bổ sung bởi Thông tư số 22/2019/TT-BTC ngày 16 tháng 4 năm 2019 và Thông tư số 79/2022/TT-BTC ngày 30 tháng 12 năm 2022 của Bộ trưởng Bộ Tài chính'),
    'thong-tu-so-27-2026-tt-bkhcn-469693.txt': ('27/2026/TT-BKHCN', '2026-05-31', 'THÔNG TƯ', 'Quy hoạch sử dụng kênh tần số truyền hình số mặt đất băng tần 470-694 MHz'),
    'thong-tu-so-28-2026-tt-btc-469231.txt': ('28/2026/TT-BTC', '2026-03-27', 'THÔNG TƯ', 'Quy định mức thu, chế độ thu, nộp phí, lệ phí trong lĩnh vực xuất cảnh, nhập cảnh, quá cảnh, cư trú tại Việt Nam'),
    'thong-tu-so-32-2026-tt-bkhcn-469766.txt': ('32/2026/TT-BKHCN', '2026-06-11', 'THÔNG TƯ', 'Quy định danh mục các lĩnh vực và thời hạn người có chức vụ, quyền hạn không được thành lập, giữ chức danh, chức vụ quản lý, điều hành doanh nghiệp tư nhân, công ty trách nhiệm hữu hạn, công ty cổ phần, công ty hợp danh, hợp tác xã sau khi thôi giữ chức vụ thuộc phạm vi quản lý của Bộ Khoa học và Công nghệ'),
    'thong-tu-so-33-2026-tt-bca-469654.txt': ('33/2026/TT-BCA', '2026-04-10', 'THÔNG TƯ', 'Hướng dẫn một số quy định tại Nghị định số 289/2025/NĐ-CP ngày 06 tháng 11 năm 2025 của Chính phủ hướng dẫn thi hành Nghị quyết số 197/2025/QH15 ngày 17 tháng 5 năm 2025 của Quốc hội về một số cơ chế, chính sách đặc biệt tạo đột phá trong xây dựng và tổ chức thi hành pháp luật trong Công an nhân dân'),
    'thong-tu-so-41-2026-tt-btc-469351.txt': ('41/2026/TT-BTC', '2026-04-06', 'THÔNG TƯ', 'Hướng dẫn việc kê khai, khấu trừ, nộp thuế, quyết toán thuế trên thị trường tài sản mã hóa'),
    'thong-tu-so-45-2026-tt-btc-469477.txt': ('45/2026/TT-BTC', '2026-04-29', 'THÔNG TƯ', 'Sửa đổi, bổ sung một số điều của Thông tư số 29/2020/TT-BTC ngày 17 tháng 4 năm 2020 của Bộ trưởng Bộ Tài chính hướng dẫn thực hiện việc xử phạt vi phạm hành chính trong lĩnh vực quản lý tài sản công'),
    'thong-tu-so-50-2026-tt-btc-469544.txt': ('50/2026/TT-BTC', '2026-05-13', 'THÔNG TƯ', 'Sửa đổi, bổ sung một số điều của Thông tư số 18/2026/TT-BTC ngày 05 tháng 3 năm 2026 của Bộ trưởng Bộ Tài chính quy định về hồ sơ, thủ tục quản lý thuế đối với hộ kinh doanh, cá nhân kinh doanh'),
    'thong-tu-so-56-2026-tt-btc-469555.txt': ('56/2026/TT-BTC', '2026-05-15', 'THÔNG TƯ', 'Sửa đổi, bổ sung một số điều của Thông tư số 52/2025/TT-BTC ngày 24 tháng 6 năm 2025 của Bộ trưởng Bộ Tài chính quy định mức thu, miễn, chế độ thu, nộp, quản lý và sử dụng phí quyền hoạt động viễn thông, lệ phí cấp giấy phép kinh doanh dịch vụ viễn thông và giấy phép nghiệp vụ viễn thông'),
    'thong-tu-so-95-2025-tt-btc-46745.txt': ('95/2025/TT-BTC', '2025-10-20', 'THÔNG TƯ', 'Sửa đổi, bổ sung một số Điều của Thông tư số 44/2022/TT-BTC ngày 21 tháng 7 năm 2022 của Bộ trưởng Bộ Tài chính quy định quản lý và sử dụng kinh phí chi thường xuyên thực hiện chính sách, chế độ ưu đãi người có công với cách mạng, thân nhân của người có công với cách mạng và người trực tiếp tham gia kháng chiến do ngành Lao động - Thương binh và Xã hội quản lý'),
}


_ND207_K3 = ('3. Bãi bỏ Điều 8 Nghị định số 140/2025/NĐ-CP; Điều 13 Nghị định số 144/2025/NĐ-CP; khoản 4 Điều 9, Điều '
             '38 của Nghị định số 11/2013/NĐ-CP ngày 14 tháng 01 năm 2013 của Chính phủ về quản lý đầu tư phát triển đô '
             'thị được sửa đổi, bổ sung tại Nghị định số 35/2023/NĐ-CP ngày 20 tháng 6 năm 2023 của Chính phủ sửa đổi, '
             'bổ sung một số điều của các Nghị định thuộc lĩnh vực quản lý nhà nước của Bộ Xây dựng.')
_LUAT51_D2 = ('Điều 2. Sửa đổi, bổ sung Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở số 30/2023/QH15\n'
              'Bãi bỏ khoản 2 Điều 32 của Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở số 30/2023/QH15.')
_TT20_K2 = ('2. Các quy định sau đây hết hiệu lực từ ngày Thông tư này có hiệu lực thi hành:\n'
            'a) Thông tư số 50/2014/TT-BGTVT của Bộ trưởng Bộ Giao thông vận tải quy định về quản lý cảng, bến thủy nội '
            'địa;\n'
            'b) Điều 2 Thông tư số 35/2020/TT-BGTVT của Bộ trưởng Bộ Giao thông vận tải sửa đổi, bổ sung một số điều của '
            'các Thông tư quy định về chế độ báo cáo định kỳ trong lĩnh vực đường thủy nội địa.')


class E(NamedTuple):
    file: str
    excerpt: str
    type: str
    target: str
    kind: str
    parts: tuple[str, ...]


EFFECTS: list[E] = [
    E('nghi-dinh-so-182-2026-nd-cp-469623.txt',
      'Bãi bỏ quy định tại Điều 5 Nghị định số 61/2006/NĐ-CP ngày 20 tháng 6 năm 2006 của Chính phủ về chính sách đối với nhà giáo, cán bộ quản lý giáo dục công tác ở trường chuyên biệt, ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn.',
      'AMENDS', '61/2006/ND-CP', 'repealed', ('dieu_5',)),
    E('nghi-dinh-so-192-2026-nd-cp-469673.txt',
      'Bãi bỏ khoản 2 Điều 26 Nghị định số 60/2021/NĐ-CP ngày 21 tháng 6 năm 2021 của Chính phủ quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập được sửa đổi, bổ sung bởi Nghị định số 111/2025/NĐ-CP ngày 22 tháng 5 năm 2025 của Chính phủ./.',
      'AMENDS', '60/2021/ND-CP', 'repealed', ('dieu_26/khoan_2',)),
    E('nghi-dinh-so-207-2026-nd-cp-469769.txt',
      'Bãi bỏ Điều 8 Nghị định số 140/2025/NĐ-CP; Điều 13 Nghị định số 144/2025/NĐ-CP;',
      'AMENDS', '144/2025/ND-CP', 'repealed', ('dieu_13',)),
    E('nghi-dinh-so-207-2026-nd-cp-469769.txt',
      'Bãi bỏ Điều 8 Nghị định số 140/2025/NĐ-CP;',
      'AMENDS', '140/2025/ND-CP', 'repealed', ('dieu_8',)),
    # a list of parts that a ';' carries on, tied to its document by 'của'; the history after it ('… được sửa đổi,
    # bổ sung tại Nghị định số 35/2023/NĐ-CP') is no act of this text's (test below)
    E('nghi-dinh-so-207-2026-nd-cp-469769.txt', _ND207_K3, 'AMENDS', '11/2013/ND-CP', 'repealed',
      ('dieu_9/khoan_4', 'dieu_38')),
    # an article's heading that names the law it amends, with no stop, then its body: the parts after 'của' are that
    # law's, not the one the text's title amends (51/2024/QH15, Điều 2)
    E('luat-so-51-2024-qh15-43559.txt', _LUAT51_D2, 'AMENDS', '30/2023/QH15', 'repealed', ('dieu_32/khoan_2',)),
    # the items of a lead that says they expire: a part of one text, a whole other (20/2026/TT-BXD, Điều 20 khoản 2)
    E('thong-tu-so-20-2026-tt-bxd-469697.txt', _TT20_K2, 'AMENDS', '35/2020/TT-BGTVT', 'repealed', ('dieu_2',)),
    E('thong-tu-so-20-2026-tt-bxd-469697.txt', _TT20_K2, 'REPLACES', '50/2014/TT-BGTVT', 'replaced', ()),
    # an item after the first is named whole or in part by the lead and its own head, not by the items before it
    # (a)'s 'một số điều' is no part of b))
    E('nghi-dinh-so-188-2025-nd-cp-45593.txt',
      '5. Bãi bỏ các văn bản sau đây từ ngày 15 tháng 8 năm 2025:\n'
      'a) Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018 của Chính phủ quy định chi tiết và hướng dẫn biện pháp '
      'thi hành một số điều của Luật Bảo hiểm y tế;\n'
      'b) Nghị định số 75/2023/NĐ-CP ngày 19 tháng 10 năm 2023 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định '
      'số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018 của Chính phủ quy định chi tiết và hướng dẫn biện pháp thi hành một '
      'số điều của Luật Bảo hiểm y tế;',
      'REPEALS', '75/2023/ND-CP', 'repealed', ()),
    E('nghi-quyet-so-19-2026-nq-cp-469466.txt',
      'Bãi bỏ điều kiện kinh doanh dịch vụ cho thuê cảng, kho tiếp nhận xăng dầu quy định tại Điều 27 Nghị định số 83/2014/NĐ-CP;',
      'AMENDS', '83/2014/ND-CP', 'repealed', ('dieu_27',)),
    E('nghi-quyet-so-19-2026-nq-cp-469466.txt',
      'Bãi bỏ điều kiện kinh doanh tạm nhập tái xuất hàng hóa có thuế tiêu thụ đặc biệt quy định tại Điều 22, Điều 24 Nghị định 69/2018/NĐ-CP.',
      'AMENDS', '69/2018/ND-CP', 'repealed', ('dieu_22', 'dieu_24')),
    E('nghi-quyet-so-19-2026-nq-cp-469466.txt',
      'Bãi bỏ điều kiện cấp Giấy phép bán buôn sản phẩm thuốc lá quy định tại Điều 26 Nghị định số 67/2013/NĐ-CP.',
      'AMENDS', '67/2013/ND-CP', 'repealed', ('dieu_26',)),
    E('nghi-quyet-so-22-2026-nq-cp-469469.txt',
      'Bãi bỏ thủ tục thu thập, cập nhật thông tin sinh trắc học về ADN vào Cơ sở dữ liệu về căn cước thực hiện tại cấp bộ, cấp tỉnh quy định tại Điều 13 Nghị định số 70/2024/NĐ-CP ngày 25/6/2024 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước.',
      'AMENDS', '70/2024/ND-CP', 'repealed', ('dieu_13',)),
    E('quyet-dinh-so-135-qd-bldtbxh-41357.txt',
      'LĨNH VỰC GIẢM NGHÈO 26 Quyết định số 59/2015/QĐ-TTg ngày 19/11/2015 của Thủ tướng Chính phủ ban hành chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016-2020 Được bãi bỏ bởi Quyết định số 25/2022/QĐ-TTg ngày 12/12/2022 của Thủ tướng Chính phủ bãi bỏ một số văn bản quy phạm pháp luật của Thủ tướng Chính phủ.',
      'REPEALS', '59/2015/QD-TTG', 'repealed', ()),
    E('thong-tu-so-10-2022-tt-bkhdt-37566.txt',
      'Kể từ ngày Thông tư này có hiệu lực thi hành, các Điều 7, 8, 9, 10 và 13 của Thông tư số 06/2020/TT-BKHĐT ngày 18 tháng 9 năm 2020 của Bộ trưởng Bộ Kế hoạch và Đầu tư hướng dẫn thực hiện Nghị định số 25/2020/NĐ-CP ngày 28 tháng 02 năm 2020 của Chính phủ quy định chi tiết thi hành một số điều của Luật Đấu thầu về lựa chọn nhà đầu tư hết hiệu lực thi hành.',
      'AMENDS', '6/2020/TT-BKHDT', 'repealed', ('dieu_7', 'dieu_8', 'dieu_9', 'dieu_10', 'dieu_13')),
    E('thong-tu-so-15-2023-tt-bldtbxh-40971.txt',
      'Bãi bỏ Mẫu số 04, 09, 17, 18, 19, 20 của Thông tư số 28/2015/TT-BLĐTBXH.',
      'AMENDS', '28/2015/TT-BLDTBXH', 'repealed', ('mau_04', 'mau_09', 'mau_17', 'mau_18', 'mau_19', 'mau_20')),
    E('thong-tu-so-17-2026-tt-nhnn-469613.txt',
      'Bãi bỏ Điều 2, khoản 3 Điều 4, Điều 11, Điều 13, Điều 14, Điều 16 và Điều 19 Thông tư số 78/2025/TT-NHNN sửa đổi, bổ sung, bãi bỏ một số quy định tại các văn bản quy phạm pháp luật trong lĩnh vực quản lý ngoại hối đối với các giao dịch vốn để thực thi phương án cắt giảm, đơn giản hóa thủ tục hành chính.',
      'AMENDS', '78/2025/TT-NHNN', 'repealed', ('dieu_2', 'dieu_4/khoan_3', 'dieu_11', 'dieu_13', 'dieu_14', 'dieu_16', 'dieu_19')),
    E('thong-tu-so-22-2026-tt-bnnmt-469587.txt',
      'Bãi bỏ Thông tư số 17/2016/TT-BNNPTNT ngày 24 tháng 6 năm 2016 của Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn hướng dẫn quản lý các nhiệm vụ bảo vệ môi trường thuộc Bộ Nông nghiệp và Phát triển nông thôn;',
      'REPEALS', '17/2016/TT-BNNPTNT', 'repealed', ()),
    E('thong-tu-so-22-2026-tt-bnnmt-469587.txt',
      'Bãi bỏ khoản 2 Điều 11 Thông tư số 17/2025/TT-BNNMT ngày 19 tháng 6 năm 2025 của Bộ trưởng Bộ Nông nghiệp và Môi trường quy định về phân cấp quản lý nhà nước trong lĩnh vực quản lý chất lượng nông lâm sản và thủy sản.',
      'AMENDS', '17/2025/TT-BNNMT', 'repealed', ('dieu_11/khoan_2',)),
    E('thong-tu-so-22-2026-tt-bnnmt-469587.txt',
      'Bãi bỏ Thông tư số 43/2025/TT-BNNMT ngày 16 tháng 7 năm 2025 của Bộ trưởng Bộ Nông nghiệp và Môi trường quy định quản lý nhiệm vụ khoa học và công nghệ của Bộ Nông nghiệp và Môi trường.',
      'REPEALS', '43/2025/TT-BNNMT', 'repealed', ()),
    E('thong-tu-so-22-2026-tt-bnnmt-469587.txt',
      'Bãi bỏ khoản 4, khoản 5, điểm b khoản 6, khoản 7, khoản 9 và khoản 10 Điều 26 Thông tư số 09/2025/TT-BNNMT ngày 19 tháng 6 năm 2025 của Bộ trưởng Bộ Nông nghiệp và Môi trường quy định phân quyền, phân cấp và phân định thẩm quyền trong lĩnh vực quản lý nhà nước về chăn nuôi và thú y.',
      'AMENDS', '9/2025/TT-BNNMT', 'repealed', ('dieu_26/khoan_4', 'dieu_26/khoan_5', 'dieu_26/khoan_6/diem_b', 'dieu_26/khoan_7', 'dieu_26/khoan_9', 'dieu_26/khoan_10')),
    E('thong-tu-so-22-2026-tt-bnnmt-469587.txt',
      'Bãi bỏ khoản 2 Điều 1, Điều 7a, Phụ lục Ia, Phụ lục IIa ban hành kèm theo Thông tư số 33/2014/TT-BNNPTNT ngày 30 tháng 10 năm 2014 của Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn quy định trình tự, thủ tục kiểm dịch thực vật nhập khẩu, xuất khẩu, quá cảnh và sau nhập khẩu vật thể thuộc diện kiểm dịch thực vật được sửa đổi, bổ sung bởi Thông tư số 34/2018/TT-BNNPTNT.',
      'AMENDS', '33/2014/TT-BNNPTNT', 'repealed', ('dieu_1/khoan_2', 'dieu_7a', 'phu_luc_1a', 'phu_luc_2a')),
    E('thong-tu-so-25-2026-tt-btc-469238.txt',
      'Bãi bỏ Mẫu số 08 ban hành kèm theo Thông tư số 12/2015/TT-BTC và các Mẫu số 07A, Mẫu số 07B ban hành kèm theo Thông tư số 22/2019/TT-BTC.',
      'AMENDS', '12/2015/TT-BTC', 'repealed', ('mau_08',)),
    E('thong-tu-so-28-2026-tt-btc-469231.txt',
      'Bãi bỏ Thông tư số 62/2023/TT-BTC ngày 03 tháng 10 năm 2023 của Bộ trưởng Bộ Tài chính sửa đổi, bổ sung một số điều của Thông tư số 25/2021/TT-BTC ngày 07 tháng 4 năm 2021 của Bộ trưởng Bộ Tài chính quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực xuất cảnh, nhập cảnh, quá cảnh, cư trú tại Việt Nam.',
      'REPEALS', '62/2023/TT-BTC', 'repealed', ()),
    E('thong-tu-so-32-2026-tt-bkhcn-469766.txt',
      'Bãi bỏ Thông tư số 09/2024/TT-BTTTT ngày 30 tháng 8 năm 2024 của Bộ trưởng Bộ Thông tin và Truyền thông quy định danh mục các lĩnh vực và thời hạn người có chức vụ, quyền hạn không được thành lập, giữ chức danh, chức vụ quản lý, điều hành doanh nghiệp tư nhân, công ty trách nhiệm hữu hạn, công ty cổ phần, công ty hợp danh, hợp tác xã sau khi thôi giữ chức vụ thuộc phạm vi quản lý của Bộ Thông tin và Truyền thông.',
      'REPEALS', '9/2024/TT-BTTTT', 'repealed', ()),
    E('nghi-dinh-so-128-2026-nd-cp-469347.txt',
      '1. Sửa đổi, bổ sung khoản 1 Điều 10 như sau:',
      'AMENDS', '85/2024/ND-CP', 'amended', ('dieu_10/khoan_1',)),
    E('nghi-dinh-so-128-2026-nd-cp-469347.txt',
      '2. Sửa đổi, bổ sung điểm d khoản 2 Điều 16 như sau:',
      'AMENDS', '85/2024/ND-CP', 'amended', ('dieu_16/khoan_2/diem_d',)),
    E('nghi-dinh-so-128-2026-nd-cp-469347.txt',
      '4. Sửa đổi điểm d khoản 2 Điều 11 như sau:',
      'AMENDS', '85/2024/ND-CP', 'amended', ('dieu_11/khoan_2/diem_d',)),
    E('nghi-dinh-so-155-2026-nd-cp-469547.txt',
      'Điều 16. Sửa đổi, bổ sung Điều 40 “Điều 40.',
      'AMENDS', '124/2020/ND-CP', 'amended', ('dieu_40',)),
    E('nghi-dinh-so-51-2025-nd-cp-44397.txt',
      'Sửa đổi, bổ sung điểm c khoản 5 Điều 8 Nghị định số 10/2022/NĐ-CP ngày 15 tháng 01 năm 2022 của Chính phủ quy định về lệ phí trước bạ, như sau:',
      'AMENDS', '10/2022/ND-CP', 'amended', ('dieu_8/khoan_5/diem_c',)),
    E('nghi-dinh-so-74-2025-nd-cp-44712.txt',
      'Sửa đổi, bổ sung điểm a khoản 5 Điều 14 Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018 của Chính phủ quy định chi tiết và hướng dẫn biện pháp thi hành Luật Bảo hiểm y tế, đã được sửa đổi, bổ sung tại Nghị định số 75/2023/NĐ-CP ngày 19 tháng 10 năm 2023 và Nghị định số 02/2025/NĐ-CP ngày 01 tháng 01 năm 2025 của Chính phủ như sau:',
      'AMENDS', '146/2018/ND-CP', 'amended', ('dieu_14/khoan_5/diem_a',)),
    E('nghi-quyet-so-18-2026-nq-cp-469465.txt',
      'Trường hợp hồ sơ thay đổi thông tin đăng ký hoạt động in không đúng quy định tại Điều 1 Nghị định số 116/2026/NĐ-CP (sửa đổi, bổ sung điều 14 Nghi định số 60/2014/NĐ-CP, Nghị định số 25/2018/NĐ-CP, Nghị định số 72/2022/NĐ-CP) phải thông báo bằng văn bản cho cơ sở in và nêu rõ lý do.',
      'AMENDS', '60/2014/ND-CP', 'amended', ('dieu_14',)),
    E('nghi-quyet-so-23-2026-nq-cp-469470.txt',
      '- Sửa đổi, bổ sung Điều 12 Nghị định số 143/2016/NĐ-CP;',
      'AMENDS', '143/2016/ND-CP', 'amended', ('dieu_12',)),
    E('nghi-quyet-so-23-2026-nq-cp-469470.txt',
      'điểm b khoản 1, khoản 2 Điều 48 Nghị định số 86/2018/NĐ-CP đã được sửa đổi, bổ sung tại Nghị định số 124/2024/NĐ-CP.',
      'AMENDS', '86/2018/ND-CP', 'amended', ('dieu_48/khoan_1/diem_b', 'dieu_48/khoan_2')),
    E('nghi-quyet-so-23-2026-nq-cp-469470.txt',
      'Điều 29, Điều 31, Điều 32, Điều 33, Điều 34 Nghị định số 15/2019/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định 24/2022/NĐ-CP;',
      'AMENDS', '15/2019/ND-CP', 'amended', ('dieu_29', 'dieu_31', 'dieu_32', 'dieu_33', 'dieu_34')),
    E('nghi-quyet-so-6619-2026-nq-cp-469586.txt',
      'Điều 23 Nghị định số 13/2020/NĐ-CP hướng dẫn chi tiết Luật Chăn nuôi được sửa đổi, bổ sung bởi Nghị định số 32/2026/NĐ-CP.',
      'AMENDS', '13/2020/ND-CP', 'amended', ('dieu_23',)),
    E('nghi-quyet-so-6619-2026-nq-cp-469586.txt',
      'khoản 4 và khoản 5 Điều 10 Nghị định số 13/2020/NĐ-CP hướng dẫn chi tiết Luật Chăn nuôi được sửa đổi, bổ sung bởi Nghị định số 32/2026/NĐ-CP.',
      'AMENDS', '13/2020/ND-CP', 'amended', ('dieu_10/khoan_4', 'dieu_10/khoan_5')),
    E('thong-tu-so-03-2022-tt-bldtbxh-36975.txt',
      'Kể từ ngày Thông tư này có hiệu lực, bãi bỏ Thông tư số 02/2019/TT- BLĐTBXH ngày 08 tháng 01 năm 2019 của Bộ Lao động - Thương binh và Xã hội sửa đổi, bổ sung khoản 2 Điều 9 Thông tư số 16/2014/TT-BLĐTBXH ngày 30 tháng 7 năm 2014 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn một số nội dung xác nhận và thực hiện chế độ ưu đãi người có công với cách mạng.',
      'AMENDS', '16/2014/TT-BLDTBXH', 'amended', ('dieu_9/khoan_2',)),
    E('thong-tu-so-13-2024-tt-bldtbxh-43506.txt',
      'Sửa đổi, bổ sung khoản 2 Điều 5 Thông tư số 26/2018/TT-BLĐTBXH như sau:',
      'AMENDS', '26/2018/TT-BLDTBXH', 'amended', ('dieu_5/khoan_2',)),
    E('thong-tu-so-147-2025-tt-btc-468713.txt',
      'Chương III Thông tư số 40/2017/TT-BTC được sửa đổi, bổ sung bởi Thông tư số 12/2025/TT-BTC.',
      'AMENDS', '40/2017/TT-BTC', 'amended', ('chuong_3',)),
    E('thong-tu-so-25-2026-tt-btc-469238.txt',
      'Sửa đổi, bổ sung Điều 6 Thông tư số 12/2015/TT-BTC đã được sửa đổi, bổ sung tại khoản 4 Điều 1 Thông tư số 22/2019/TT-BTC “1.',
      'AMENDS', '12/2015/TT-BTC', 'amended', ('dieu_6',)),
    E('thong-tu-so-50-2026-tt-btc-469544.txt',
      'Điều 1. Sửa đổi, bổ sung Điều 1 “Điều 1.',
      'AMENDS', '18/2026/TT-BTC', 'amended', ('dieu_1',)),
    E('thong-tu-so-56-2026-tt-btc-469555.txt',
      'Điều 1. Sửa đổi, bổ sung khoản 4 của Điều 5 “4.',
      'AMENDS', '52/2025/TT-BTC', 'amended', ('dieu_5/khoan_4',)),
    E('nghi-dinh-so-134-2026-nd-cp-469388.txt',
      'Điều 11. Bổ sung khoản 2a vào sau khoản 2 Điều 34 “2a.',
      'AMENDS', '17/2023/ND-CP', 'inserted', ('dieu_34/khoan_2a',)),
    E('nghi-dinh-so-134-2026-nd-cp-469388.txt',
      'Điều 4. Bổ sung Điều 5a vào sau Điều 5 “Điều 5a.',
      'AMENDS', '17/2023/ND-CP', 'inserted', ('dieu_5a',)),
    E('nghi-dinh-so-134-2026-nd-cp-469388.txt',
      'Điều 30. Bổ sung điểm b1 vào sau điểm b khoản 1 Điều 100 “b1) Cơ quan nhà nước có thẩm quyền xử lý hành vi xâm phạm quyền tác giả, quyền liên quan;”',
      'AMENDS', '17/2023/ND-CP', 'inserted', ('dieu_100/khoan_1/diem_b1',)),
    E('nghi-dinh-so-148-2026-nd-cp-469501.txt',
      '14. Bổ sung Điều 23a sau Điều 23 như sau:',
      'AMENDS', '72/2015/ND-CP', 'inserted', ('dieu_23a',)),
    E('nghi-dinh-so-155-2026-nd-cp-469547.txt',
      'Điều 18. Bổ sung Điều 41a vào sau Điều 41 “Điều 41a.',
      'AMENDS', '124/2020/ND-CP', 'inserted', ('dieu_41a',)),
    E('nghi-dinh-so-156-2026-nd-cp-469581.txt',
      'Điều 4. Bổ sung Điều 19a vào sau Điều 19 như sau:',
      'AMENDS', '31/2019/ND-CP', 'inserted', ('dieu_19a',)),
    E('nghi-dinh-so-372-2025-nd-cp-468594.txt',
      'c) Bổ sung Mẫu số 10 quy định về Thông báo đáp ứng điều kiện thị trường, ngành, nghề.',
      'AMENDS', '112/2021/ND-CP', 'inserted', ('mau_10',)),
    E('nghi-quyet-so-6619-2026-nq-cp-469586.txt',
      'Điều 8b Nghị định số 13/2020/NĐ-CP hướng dẫn chi tiết Luật Chăn nuôi được bổ sung bởi Nghị định số 32/2026/NĐ-CP.',
      'AMENDS', '13/2020/ND-CP', 'inserted', ('dieu_8b',)),
    E('thong-tu-so-06-2021-tt-bldtbxh-34037.txt',
      '24. Bổ sung Điều 27a sau Điều 27 như sau:',
      'AMENDS', '59/2015/TT-BLDTBXH', 'inserted', ('dieu_27a',)),
    E('thong-tu-so-06-2021-tt-bldtbxh-34037.txt',
      '29. Bổ sung khoản 3 vào Điều 38 như sau:',
      'AMENDS', '59/2015/TT-BLDTBXH', 'inserted', ('dieu_38/khoan_3',)),
    E('thong-tu-so-06-2021-tt-bldtbxh-34037.txt',
      '9. Bổ sung khoản 3 và khoản 4 vào Điều 13 như sau:',
      'AMENDS', '59/2015/TT-BLDTBXH', 'inserted', ('dieu_13/khoan_3', 'dieu_13/khoan_4')),
    E('thong-tu-so-06-2021-tt-bldtbxh-34037.txt',
      '3. Bổ sung vào cuối khoản 3 Điều 6 như sau:',
      'AMENDS', '59/2015/TT-BLDTBXH', 'inserted', ('dieu_6/khoan_3',)),
    E('thong-tu-so-13-2026-tt-nhnn-469590.txt',
      'Điều 9. Bổ sung khoản 2a, khoản 2b vào sau khoản 2 của Điều 21 “2a.',
      'AMENDS', '53/2018/TT-NHNN', 'inserted', ('dieu_21/khoan_2a', 'dieu_21/khoan_2b')),
    E('thong-tu-so-45-2026-tt-btc-469477.txt',
      'Điều 1. Bổ sung Điều 3a vào sau Điều 3 “Điều 3a.',
      'AMENDS', '29/2020/TT-BTC', 'inserted', ('dieu_3a',)),
    E('nghi-dinh-so-121-2026-nd-cp-469354.txt',
      'Nghị định này thay thế Nghị định số 158/2018/NĐ-CP ngày 22 tháng 11 năm 2018 của Chính phủ quy định về thành lập, tổ chức lại, giải thể tổ chức hành chính.',
      'REPLACES', '158/2018/ND-CP', 'replaced', ()),
    E('nghi-dinh-so-137-2026-nd-cp-469361.txt',
      'Nghị định này thay thế Nghị định số 40/2018/NĐ-CP ngày 12 tháng 3 năm 2018 của Chính phủ về quản lý hoạt động kinh doanh theo phương thức đa cấp;',
      'REPLACES', '40/2018/ND-CP', 'replaced', ()),
    E('nghi-dinh-so-139-2026-nd-cp-469377.txt',
      'Nghị định này thay thế Nghị định số 60/2018/NĐ-CP ngày 20 tháng 4 năm 2018 của Chính phủ quy định chi tiết nội dung chế độ báo cáo thống kê cấp quốc gia.',
      'REPLACES', '60/2018/ND-CP', 'replaced', ()),
    E('nghi-dinh-so-160-2026-nd-cp-469549.txt',
      'Nghị định số 59/2020/NĐ-CP ngày 20 tháng 3 năm 2020 của Chính phủ quy định cơ sở dữ liệu về thi hành án hình sự hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.',
      'REPLACES', '59/2020/ND-CP', 'replaced', ()),
    E('thong-tu-so-07-2023-tt-bldtbxh-40090.txt',
      'Thông tư số 31/2019/TT-BLĐTBXH ngày 30 tháng 12 năm 2019 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội quy định tiêu chuẩn, điều kiện, nội dung và hình thức thi hoặc xét thăng hạng chức danh nghề nghiệp viên chức chuyên ngành giáo dục nghề nghiệp hết hiệu lực kể từ ngày Thông tư này có hiệu lực.',
      'REPLACES', '31/2019/TT-BLDTBXH', 'replaced', ()),
    E('thong-tu-so-107-2025-tt-btc-46707.txt',
      'Thông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018 của Bộ trưởng Bộ Tài chính hướng dẫn kế toán bảo hiểm xã hội hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành.',
      'REPLACES', '102/2018/TT-BTC', 'replaced', ()),
    E('thong-tu-so-11-2021-tt-bldtbxh-34739.txt',
      'Thông tư này thay thế Thông tư liên tịch số 37/2015/TTLT-BLĐTBXH-BNV ngày 02 tháng 10 năm 2015 của Bộ Lao động - Thương binh và Xã hội và Bộ Nội vụ hướng dẫn chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Lao động - Thương binh và Xã hội thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương, Phòng Lao động - Thương binh và Xã hội thuộc Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh.',
      'REPLACES', '37/2015/TTLT-BLDTBXH-BNV', 'replaced', ()),
    E('thong-tu-so-12-2022-tt-bkhdt-37525.txt',
      'Kể từ ngày Thông tư này có hiệu lực thi hành, Thông tư số 09/2020/TT- BKHĐT ngày 27 tháng 11 năm 2020 của Bộ trưởng Bộ Kế hoạch và Đầu tư quy định chi tiết lập hồ sơ mời thầu mua sắm hàng hoá đối với gói thầu thuộc phạm vi điều chỉnh của Hiệp định CPTPP hết hiệu lực thi hành.',
      'REPLACES', '9/2020/TT-BKHDT', 'replaced', ()),
    E('thong-tu-so-14-2026-tt-btc-469036.txt',
      'Thông tư số 75/2010/TT-BTC ngày 17 tháng 5 năm 2010 của Bộ Tài chính quy định việc lập dự toán, thanh toán, quyết toán ngân sách nhà nước cho công tác bảo đảm, bảo vệ chuyến bay chuyên cơ của Việt Nam hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành.',
      'REPLACES', '75/2010/TT-BTC', 'replaced', ()),
    E('thong-tu-so-152-2025-tt-btc-468714.txt',
      'Thông tư số 88/2021/TT-BTC ngày 11/10/2021 của Bộ trưởng Bộ Tài chính hướng dẫn chế độ kế toán cho các hộ kinh doanh, cá nhân kinh doanh hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành.',
      'REPLACES', '88/2021/TT-BTC', 'replaced', ()),
    E('thong-tu-so-22-2026-tt-bnnmt-469587.txt',
      'Thay thế Mẫu số 06, Mẫu số 07a, Mẫu số 07b, Mẫu số 09, Mẫu số 10, Mẫu số 11, Mẫu số 12, Mẫu số 13, Mẫu số 14, Mẫu số 15 Phụ lục I Thông tư số 94/2025/TT-BNNMT bằng Mẫu số 06, Mẫu số 07a, Mẫu số 07b, Mẫu số 09, Mẫu số 10, Mẫu số 11, Mẫu số 12, Mẫu số 13, Mẫu số 14, Mẫu số 15 Phần A Phụ lục IV kèm theo Thông tư này;',
      'AMENDS', '94/2025/TT-BNNMT', 'replaced', ('phu_luc_1/mau_06', 'phu_luc_1/mau_07a', 'phu_luc_1/mau_07b', 'phu_luc_1/mau_09', 'phu_luc_1/mau_10', 'phu_luc_1/mau_11', 'phu_luc_1/mau_12', 'phu_luc_1/mau_13', 'phu_luc_1/mau_14', 'phu_luc_1/mau_15')),
    E('thong-tu-so-25-2026-tt-btc-469238.txt',
      'Thay thế Mẫu số 06, Mẫu số 07, Mẫu số 10, Mẫu số 12 ban hành kèm theo Thông tư số 12/2015/TT-BTC đã được sửa đổi, bổ sung tại Thông tư số 22/2019/TT-BTC bằng Mẫu số 06, Mẫu số 07, Mẫu số 10, Mẫu số 12 ban hành kèm theo Thông tư này.',
      'AMENDS', '12/2015/TT-BTC', 'replaced', ('mau_06', 'mau_07', 'mau_10', 'mau_12')),
    E('thong-tu-so-27-2026-tt-bkhcn-469693.txt',
      'Thông tư số 37/2020/TT-BTTTT ngày 13 tháng 11 năm 2020 của Bộ trưởng Bộ Thông tin và Truyền thông ban hành quy hoạch sử dụng kênh tần số cho truyền hình số mặt đất băng tần 470-694 MHz hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành.',
      'REPLACES', '37/2020/TT-BTTTT', 'replaced', ()),
    E('nghi-dinh-so-128-2026-nd-cp-469347.txt',
      '3. Bổ sung cụm từ “, cung ứng” sau cụm từ “tổ chức, cá nhân kinh doanh” tại điểm a khoản 1, khoản 3 và khoản 6 Điều 9.',
      'AMENDS', '85/2024/ND-CP', 'words_substituted', ('dieu_9/khoan_1/diem_a', 'dieu_9/khoan_3', 'dieu_9/khoan_6')),
    E('nghi-dinh-so-128-2026-nd-cp-469347.txt',
      'd) Thay thế cụm từ “Bộ Thông tin và Truyền thông” tại Phụ lục V bằng cụm từ “Bộ Khoa học và Công nghệ”.',
      'AMENDS', '85/2024/ND-CP', 'words_substituted', ('phu_luc_5',)),
    E('nghi-dinh-so-134-2026-nd-cp-469388.txt',
      '18. Thay thế cụm từ “mạng viễn thông và mạng Internet” bằng cụm từ “không gian mạng” tại các điểm a, b khoản 1 Điều 110.',
      'AMENDS', '17/2023/ND-CP', 'words_substituted', ('dieu_110/khoan_1/diem_a', 'dieu_110/khoan_1/diem_b')),
    E('nghi-dinh-so-134-2026-nd-cp-469388.txt',
      '8. Bổ sung cụm từ “, đơn vị cung cấp dịch vụ phát thanh, truyền hình” vào sau cụm từ “tổ chức phát sóng” tại khoản 3 Điều 35.',
      'AMENDS', '17/2023/ND-CP', 'words_substituted', ('dieu_35/khoan_3',)),
    E('nghi-dinh-so-134-2026-nd-cp-469388.txt',
      '17. Thay thế cụm từ “môi trường mạng viễn thông và mạng Internet” bằng cụm từ “không gian mạng” tại khoản 4 Điều 64, điểm h khoản 1 Điều 75, tên Điều 111, khoản 6 Điều 111, khoản 2 Điều 114.',
      'AMENDS', '17/2023/ND-CP', 'words_substituted', ('dieu_64/khoan_4', 'dieu_75/khoan_1/diem_h', 'dieu_111', 'dieu_111/khoan_6', 'dieu_114/khoan_2')),
    E('nghi-dinh-so-134-2026-nd-cp-469388.txt',
      '19. Thay thế cụm từ “tư vấn, dịch vụ quyền tác giả” bằng cụm từ “dịch vụ đại diện quyền tác giả” tại khoản 11 Điều 62;',
      'AMENDS', '17/2023/ND-CP', 'words_substituted', ('dieu_62/khoan_11',)),
    E('thong-tu-so-06-2026-tt-btc-468899.txt',
      'Thay thế cụm từ “Chi cục Hải quan” bằng cụm từ “Hải quan cửa khẩu/ngoài cửa khẩu nơi đăng ký tờ khai” tại điểm a khoản 5 Điều 10, điểm b khoản 8 Điều 1 Thông tư số 13/2020/TT-BTC.',
      'AMENDS', '13/2020/TT-BTC', 'words_substituted', ('dieu_10/khoan_5/diem_a', 'dieu_1/khoan_8/diem_b')),
    E('thong-tu-so-06-2026-tt-btc-468899.txt',
      'Thay thế cụm từ “Chi cục trưởng Chi cục Hải quan” bằng cụm từ “Đội trưởng Hải quan cửa khẩu/ngoài cửa khẩu” tại khoản 1, khoản 5 Điều 10 Thông tư số 13/2015/TT-BTC, khoản 9, khoản 11 Điều 1 Thông tư số 13/2020/TT-BTC.',
      'AMENDS', '13/2015/TT-BTC', 'words_substituted', ('dieu_10/khoan_1', 'dieu_10/khoan_5')),
    E('thong-tu-so-25-2026-tt-btc-469238.txt',
      'Thay thế cụm từ “Cục trưởng Cục Thuế” bằng cụm từ “Trưởng Thuế tỉnh, thành phố” tại khoản 2 Điều 8 Thông tư số 12/2015/TT-BTC.',
      'AMENDS', '12/2015/TT-BTC', 'words_substituted', ('dieu_8/khoan_2',)),
    E('thong-tu-so-95-2025-tt-btc-46745.txt',
      'thay thế cụm từ “cơ quan Lao động - Thương binh và Xã hội” bằng cụm từ “cơ quan Nội vụ hoặc cơ quan được giao quản lý và sử dụng kinh phí người có công với cách mạng” tại khoản 3 Điều 8 Thông tư số 44/2022/TT-BTC.',
      'AMENDS', '44/2022/TT-BTC', 'words_substituted', ('dieu_8/khoan_3',)),
    E('nghi-dinh-so-128-2026-nd-cp-469347.txt',
      'a) Bãi bỏ cụm từ “, Bộ Kế hoạch và Đầu tư” tại khoản 2 Điều 22;',
      'AMENDS', '85/2024/ND-CP', 'words_removed', ('dieu_22/khoan_2',)),
    E('nghi-dinh-so-134-2026-nd-cp-469388.txt',
      '4. Bãi bỏ cụm từ “, pháp luật về tố tụng hình sự” tại khoản 4 Điều 81.',
      'AMENDS', '17/2023/ND-CP', 'words_removed', ('dieu_81/khoan_4',)),
    E('nghi-dinh-so-134-2026-nd-cp-469388.txt',
      '3. Bãi bỏ cụm từ “ngày, tháng, năm sinh,” tại điểm b khoản 2 Điều 53.',
      'AMENDS', '17/2023/ND-CP', 'words_removed', ('dieu_53/khoan_2/diem_b',)),
    E('nghi-dinh-so-134-2026-nd-cp-469388.txt',
      '2. Bãi bỏ cụm từ “, không thể được tạo ra một cách dễ dàng đối với người có hiểu biết trung bình trong lĩnh vực tương ứng” tại khoản 8 Điều 6.',
      'AMENDS', '17/2023/ND-CP', 'words_removed', ('dieu_6/khoan_8',)),
    E('nghi-dinh-so-148-2026-nd-cp-469501.txt',
      'Bãi bỏ cụm từ “cơ quan thuộc Chính phủ” tại Điều 1;',
      'AMENDS', '72/2015/ND-CP', 'words_removed', ('dieu_1',)),
    E('nghi-dinh-so-153-2026-nd-cp-469525.txt',
      'Bãi bỏ cụm từ “Thực hiện đúng yêu cầu phối hợp của cơ quan hải quan” tại điểm b khoản 1 Điều 12 Nghị định số 01/2015/NĐ-CP ngày 02 tháng 01 năm 2015 quy định chi tiết phạm vi địa bàn hoạt động hải quan;',
      'AMENDS', '1/2015/ND-CP', 'words_removed', ('dieu_12/khoan_1/diem_b',)),
    E('thong-tu-so-45-2026-tt-btc-469477.txt',
      '7. Bãi bỏ cụm từ “cơ quan của tổ chính trị - xã hội” tại khoản 1 Điều 6.',
      'AMENDS', '29/2020/TT-BTC', 'words_removed', ('dieu_6/khoan_1',)),
    E('thong-tu-so-95-2025-tt-btc-46745.txt',
      'Bãi bỏ cụm từ “(Sở Lao động - Thương binh và Xã hội hoặc Phòng Lao động - Thương binh và Xã hội tùy theo phân cấp của từng địa phương)” tại khoản 2 Điều 8 Thông tư số 44/2022/TT-BTC.',
      'AMENDS', '44/2022/TT-BTC', 'words_removed', ('dieu_8/khoan_2',)),
    E('nghi-quyet-so-15-2026-nq-cp-469344.txt',
      'Tạm ngưng hiệu lực Nghị định số 46/2026/NĐ-CP ngày 26 tháng 01 năm 2026 và Nghị quyết số 66.13/2026/NQ-CP ngày 27 tháng 01 năm 2026 của Chính phủ',
      'CITES', '66.13/2026/NQ-CP', 'suspended', ()),
    E('nghi-dinh-so-118-2026-nd-cp-469379.txt',
      'Phạm vi điều chỉnh Nghị định này quy định chi tiết việc thực hiện khoản 6 Điều 37 của Luật Ngân sách nhà nước số 89/2025/QH15 (Luật Ngân sách nhà nước) về chi của ngân sách trung ương để cho vay chính phủ nước ngoài.',
      'GUIDES', '89/2025/QH15', 'detailed', ('dieu_37/khoan_6',)),
    E('nghi-dinh-so-138-2026-nd-cp-469380.txt',
      'Phạm vi điều chỉnh Nghị định này quy định chi tiết một số nội dung về phát triển kỹ năng nghề tại khoản 4 Điều 22, khoản 3 Điều 23, khoản 6 Điều 24, khoản 4 Điều 25 và khoản 2 Điều 26 của Luật Việc làm số 74/2025/QH15.',
      'GUIDES', '74/2025/QH15', 'detailed', ('dieu_22/khoan_4', 'dieu_23/khoan_3', 'dieu_24/khoan_6', 'dieu_25/khoan_4', 'dieu_26/khoan_2')),
    E('nghi-dinh-so-167-2026-nd-cp-469559.txt',
      'Phạm vi điều chỉnh Nghị định này quy định chi tiết Điều 5, Điều 8, Điều 9, Điều 13, Điều 16, Điều 20, Điều 21, Điều 22, khoản 2 và khoản 3 Điều 23, Điều 24 và Điều 27 của Luật Dẫn độ số 100/2025/QH15 (sau đây gọi là Luật Dẫn độ).',
      'GUIDES', '100/2025/QH15', 'detailed', ('dieu_5', 'dieu_8', 'dieu_9', 'dieu_13', 'dieu_16', 'dieu_20', 'dieu_21', 'dieu_22', 'dieu_23/khoan_2', 'dieu_23/khoan_3', 'dieu_24', 'dieu_27')),
    E('nghi-dinh-so-172-2026-nd-cp-469584.txt',
      'Phạm vi điều chỉnh Nghị định này quy định chi tiết Điều 11 của Luật Dẫn độ số 100/2025/QH15 (sau đây gọi là Luật Dẫn độ);',
      'GUIDES', '100/2025/QH15', 'detailed', ('dieu_11',)),
    E('thong-tu-so-05-2025-tt-bkhdt-44340.txt',
      'Phạm vi điều chỉnh Thông tư này quy định chi tiết việc xây dựng khu công nghiệp sinh thái và các biểu mẫu có liên quan quy định tại các Điều 2, 36, 37, 38, 40, 41, 42, 43, 44, 53 của Nghị định số 35/2022/NĐ-CP ngày 28 tháng 5 năm 2022 của Chính phủ quy định về quản lý khu công nghiệp và khu kinh tế (sau đây gọi là Nghị định số 35/2022/NĐ-CP).',
      'GUIDES', '35/2022/ND-CP', 'detailed', ('dieu_2', 'dieu_36', 'dieu_37', 'dieu_38', 'dieu_40', 'dieu_41', 'dieu_42', 'dieu_43', 'dieu_44', 'dieu_53')),
    E('nghi-dinh-so-147-2026-nd-cp-469496.txt',
      'Hướng dẫn về mở rộng việc áp dụng các cơ chế, chính sách đặc thù tại Nghị quyết số 170/2024/QH15 ngày 30 tháng 11 năm 2024 về cơ chế, chính sách đặc thù để tháo gỡ khó khăn, vướng mắc đối với các dự án, đất đai trong kết luận thanh tra, kiểm tra, bản án tại Thành phố Hồ Chí Minh, thành phố Đà Nẵng và tỉnh Khánh Hòa',
      'GUIDES', '170/2024/QH15', 'guided', ()),
    E('quyet-dinh-so-1478-qd-bldtbxh-42752.txt',
      'Thông tư Số 178/1998/TT-TCCP ngày 04/6/1998 Về việc hướng dẫn thực hiện Quyết định số 67/1998/QĐ-TTg ngày 26/3/1998 của Thủ tướng Chính phủ về việc chuyển giao nhiệm vụ quản lý Nhà nước về đào tạo nghề từ Bộ Giáo dục và đào tạo sang Bộ Lao động - Thương binh và Xã hội 19/6/1998',
      'GUIDES', '67/1998/QD-TTG', 'guided', ()),
    E('thong-tu-so-08-2023-tt-bldtbxh-40176.txt',
      'Bãi bỏ Mẫu số 01, Mẫu số 02, Mẫu số 03, Mẫu số 04-A, Mẫu số 04-B và Mẫu số 05 ban hành kèm theo Thông tư số 24/2009/TT-BLĐTBXH ngày 10 tháng 7 năm 2009 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn thực hiện Quyết định số 170/2008/QĐ-TTg ngày 18 tháng 12 năm 2008 của Thủ tướng Chính phủ về chế độ bảo hiểm y tế và trợ cấp mai táng đối với thanh niên xung phong thời kỳ kháng chiến chống Pháp.',
      'GUIDES', '170/2008/QD-TTG', 'guided', ()),
    E('thong-tu-so-15-2024-tt-bldtbxh-43951.txt',
      'Thông tư số 08/2013/TT-BLĐTBXH ngày 10/6/2013 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn Nghị định số 46/2013/NĐ-CP ngày 10/5/2013 của Chính phủ quy định chi tiết thi hành một số điều của Bộ luật Lao động về tranh chấp lao động.',
      'GUIDES', '46/2013/ND-CP', 'guided', ()),
    E('thong-tu-so-33-2026-tt-bca-469654.txt',
      'THÔNG TƯ Hướng dẫn một số quy định tại Nghị định số 289/2025/NĐ-CP ngày 06 tháng 11 năm 2025 của Chính phủ hướng dẫn thi hành Nghị quyết số 197/2025/QH15 ngày 17 tháng 5 năm 2025 của Quốc hội về một số cơ chế, chính sách đặc biệt tạo đột phá trong xây dựng và tổ chức thi hành pháp luật trong Công an nhân dân',
      'GUIDES', '197/2025/QH15', 'guided', ()),
    E('thong-tu-so-41-2026-tt-btc-469351.txt',
      'Phạm vi điều chỉnh Thông tư này hướng dẫn về kê khai, khấu trừ, nộp thuế, quyết toán thuế trên thị trường tài sản mã hóa theo Nghị quyết số 05/2025/NQ-CP về việc triển khai thí điểm thị trường tài sản mã hóa tại Việt Nam.',
      'GUIDES', '5/2025/NQ-CP', 'guided', ()),
    # quoted words ('nội dung “…”') removed
    E('thong-tu-so-08-2023-tt-bldtbxh-40176.txt',
      'Bãi bỏ nội dung “(có xác nhận của Ủy ban nhân dân cấp xã nơi cư trú)” tại điểm b khoản 2 Điều 10 của Thông tư số '
      '57/2015/TT-BLĐTBXH ngày 25 tháng 12 năm 2015 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội quy định về Điều '
      'lệ trung tâm giáo dục nghề nghiệp.',
      'AMENDS', '57/2015/TT-BLDTBXH', 'words_removed', ('dieu_10/khoan_2/diem_b',)),
    # an item that names a điểm only: its khoản from the item above, its article from the article's lead
    E('nghi-dinh-so-155-2026-nd-cp-469547.txt',
      'Điều 8. Sửa đổi, bổ sung một số khoản của Điều 10\n2. Sửa đổi, bổ sung một số điểm của khoản 2\n'
      'a) Sửa đổi, bổ sung điểm b như sau:',
      'AMENDS', '124/2020/ND-CP', 'amended', ('dieu_10/khoan_2/diem_b',)),
    # a form of an annex, item by item under the title
    E('nghi-dinh-so-136-2026-nd-cp-469355.txt',
      '3. Sửa đổi, bổ sung Mẫu số 01 tại Phụ lục II (đơn đăng ký mua, thuê mua, thuê nhà ở xã hội).',
      'AMENDS', '100/2024/ND-CP', 'amended', ('phu_luc_2/mau_01',)),
    # a heading alone ('tên Mục 1', 'tên Điều 9'): an amendment of the part, not a repeal of what it holds
    E('nghi-dinh-so-372-2025-nd-cp-468594.txt',
      '15. Bãi bỏ một số tên mục và điều, khoản, điểm như sau:\na) Bãi bỏ tên Mục 1, Mục 2, Mục 3 trong Chương III.',
      'AMENDS', '112/2021/ND-CP', 'amended', ('chuong_3/muc_1', 'chuong_3/muc_2', 'chuong_3/muc_3')),
    E('nghi-dinh-so-372-2025-nd-cp-468594.txt',
      '13. Sửa đổi, bổ sung tên Điều và khoản 7 Điều 39 như sau:',
      'AMENDS', '112/2021/ND-CP', 'amended', ('dieu_39', 'dieu_39/khoan_7')),
    # a table's row ('khoản 2.c Bảng số 01') is no part: its holders are; the clause after 'như sau:' says the kind
    E('thong-tu-so-21-2022-tt-bkhdt-38037.txt',
      '6. Sửa đổi khoản 3 Điều 31 và khoản 2.c Bảng số 01 Chương II Phụ lục 4 ban hành kèm theo Thông tư số 10/2022/TT-BKHĐT ngày 15 tháng 6 năm 2022 của Bộ trưởng Bộ Kế hoạch và Đầu tư quy định chi tiết việc cung cấp, đăng tải thông tin và lựa chọn nhà đầu tư trên Hệ thống mạng đấu thầu quốc gia như sau: Thay thế cụm từ “nhà đầu tư” bằng cụm từ “đối tác”.',
      'AMENDS', '10/2022/TT-BKHDT', 'words_substituted', ('dieu_31/khoan_3', 'phu_luc_4/chuong_2')),
    # a form numbered with a dot, as the structure numbers it
    E('thong-tu-so-22-2026-tt-bnnmt-469587.txt',
      '11. Thay thế Mẫu số 07.DT Phụ lục XII kèm theo Thông tư số 24/2022/TT-BNNPTNT đã được thay thế bởi Mẫu số 07.DT tại Phụ lục II kèm theo Thông tư số 09/2025/TT-BNNMT bằng Mẫu số 07.DT Phần C Phụ lục IV kèm theo Thông tư này.',
      'AMENDS', '24/2022/TT-BNNPTNT', 'replaced', ('phu_luc_12/mau_07.dt',)),
    # a khoản without its article after a reference that names one: of that article
    E('nghi-dinh-so-372-2025-nd-cp-468594.txt',
      '5. Sửa đổi, bổ sung điểm a, điểm c, điểm d khoản 2 Điều 7 và khoản 3 như sau:',
      'AMENDS', '112/2021/ND-CP', 'amended', ('dieu_7/khoan_2/diem_a', 'dieu_7/khoan_2/diem_c', 'dieu_7/khoan_2/diem_d',
                                              'dieu_7/khoan_3')),
    # a list of parts that goes on after a ';' (the sentence ends there, the item does not)
    E('thong-tu-so-10-2024-tt-bkhdt-42068.txt',
      'Điều 2. Sửa đổi một số điều của Thông tư số 10/2022/TT-BKHĐT ngày 15 tháng 6 năm 2022 của Bộ trưởng Bộ Kế hoạch và Đầu tư quy định chi tiết việc cung cấp, đăng tải thông tin và lựa chọn nhà đầu tư trên Hệ thống mạng đấu thầu quốc gia\n'
      '5. Bãi bỏ khoản 3 Điều 9; điểm c khoản 1, điểm c khoản 2 và điểm c khoản 3 Điều 10; điểm b khoản 1 Điều 20.',
      'AMENDS', '10/2022/TT-BKHDT', 'repealed', ('dieu_9/khoan_3', 'dieu_10/khoan_1/diem_c', 'dieu_10/khoan_2/diem_c',
                                                  'dieu_10/khoan_3/diem_c', 'dieu_20/khoan_1/diem_b')),
    E('thong-tu-so-10-2024-tt-bkhdt-42068.txt',
      'Điều 2. Sửa đổi một số điều của Thông tư số 10/2022/TT-BKHĐT ngày 15 tháng 6 năm 2022 của Bộ trưởng Bộ Kế hoạch và Đầu tư quy định chi tiết việc cung cấp, đăng tải thông tin và lựa chọn nhà đầu tư trên Hệ thống mạng đấu thầu quốc gia\n'
      '3. Bãi bỏ cụm từ “đơn vị được cấp có thẩm quyền giao nhiệm vụ đối với dự án phải tổ chức đấu thầu theo quy định của pháp luật chuyên ngành, pháp luật về xã hội hóa”; “đơn vị được cấp có thẩm quyền giao nhiệm vụ đánh giá đối với dự án phải tổ chức đấu thầu theo quy định của pháp luật chuyên ngành, pháp luật về xã hội hóa” tại Điều 20, Điều 27.',
      'AMENDS', '10/2022/TT-BKHDT', 'words_removed', ('dieu_20', 'dieu_27')),
    # suspensions: the title names what the text suspends
    E('nghi-quyet-so-15-2026-nq-cp-469344.txt',
      'Điều 1. Tạm ngưng hiệu lực áp dụng văn bản',
      'CITES', '46/2026/ND-CP', 'suspended', ()),
    E('thong-tu-so-16-2022-tt-bkhdt-37688.txt',
      'Điều 1. Ngưng hiệu lực thi hành',
      'CITES', '8/2022/TT-BKHDT', 'suspended', ()),
    E('thong-tu-so-16-2022-tt-bkhdt-37688.txt',
      'Điều 1. Ngưng hiệu lực thi hành',
      'CITES', '10/2022/TT-BKHDT', 'suspended', ()),
    # a list's item after its lead, with ranges ('từ Điều 1 đến Điều 12') and a date after the formula
    E('nghi-dinh-so-188-2025-nd-cp-45593.txt',
      '4. Bãi bỏ các điều, khoản của các văn bản sau đây từ ngày 01 tháng 7 năm 2025:\n'
      'b) Các khoản 3 và 4 Điều 95 của Nghị định số 24/2024/NĐ-CP ngày 27 tháng 02 năm 2024 của Chính phủ quy định chi '
      'tiết một số điều và biện pháp thi hành Luật Đấu thầu về lựa chọn nhà thầu;',
      'AMENDS', '24/2024/ND-CP', 'repealed', ('dieu_95/khoan_3', 'dieu_95/khoan_4')),
    E('nghi-dinh-so-188-2025-nd-cp-45593.txt',
      '4. Bãi bỏ các điều, khoản của các văn bản sau đây từ ngày 01 tháng 7 năm 2025:\n'
      'a) Các điều từ Điều 1 đến Điều 3, các khoản 1, 2 và 3 Điều 14, từ Điều 16 đến Điều 18 và toàn bộ các mẫu tại Phụ '
      'lục ban hành kèm theo của Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018 của Chính phủ;',
      'AMENDS', '146/2018/ND-CP', 'repealed', ('dieu_1', 'dieu_2', 'dieu_3', 'dieu_14/khoan_1', 'dieu_14/khoan_2',
                                               'dieu_14/khoan_3', 'dieu_16', 'dieu_17', 'dieu_18', 'phu_luc')),
]


def _text(file: str, excerpt: str) -> str:
    number, date, type_word, title = HEADS[file]
    y, m, d = date.split("-")
    return f"Số: {number}\nHà Nội, ngày {int(d)} tháng {int(m)} năm {y}\n{type_word}\n{title}\n\n{excerpt}\n"


def _graph(text: str, path: str = "t.txt") -> Graph:
    return Resolver().build([extract_text(text, path)])


def test_the_table_covers_every_kind_and_eighty_effects() -> None:
    kinds = {e.kind for e in EFFECTS}
    assert len(EFFECTS) >= 80
    assert kinds == {"repealed", "amended", "inserted", "replaced", "words_substituted", "words_removed", "suspended",
                     "detailed", "guided"}
    assert any(not e.parts for e in EFFECTS) and sum(bool(e.parts) for e in EFFECTS) >= 60


@pytest.mark.parametrize("row", EFFECTS, ids=[f"{i}-{e.kind}-{e.file[:30]}" for i, e in enumerate(EFFECTS)])
def test_effect_read_from_the_gazette(row: E) -> None:
    g = _graph(_text(row.file, row.excerpt))
    rels = [r for r in g.relations.values() if r.type == row.type and r.target == row.target]
    assert rels, f"no {row.type} to {row.target}: {sorted(g.relations)}"
    effects = [(e.kind, tuple(e.parts)) for r in rels for e in r.effects]
    assert (row.kind, row.parts) in effects, effects
    for r in rels:
        for e in r.effects:
            # by_part: none in an excerpt, or (branch parts' resolver) the excerpt's part holding the sentence
            assert e.evidence.sentence and (e.by_part is None or e.by_part.startswith(("dieu_", "chuong_", "phu_luc")))
            if e.parts:  # as written: the words of the parts, in the excerpt
                assert e.written and fold_lower(e.written).split()[0] in fold_lower(row.excerpt)


def test_the_date_an_effect_takes_hold() -> None:
    """'… sau đây từ ngày 01 tháng 7 năm 2025:' after the formula: the effect's date (188/2025/NĐ-CP, Điều 52)."""
    row = next(e for e in EFFECTS if e.target == "24/2024/ND-CP")
    g = _graph(_text(row.file, row.excerpt))
    eff = next(e for r in g.relations.values() if r.target == row.target for e in r.effects)
    assert str(eff.date) == "2025-07-01"
    # a date before the formula is another's: when the annex took effect, not when it was amended
    g = _graph("58 Phụ lục I ban hành kèm theo Nghị định số 143/2016/NĐ-CP, có hiệu lực từ ngày 14/10/2016 được sửa "
               "đổi, bổ sung theo quy định tại điểm a khoản 20 Điều 1 của Nghị định số 24/2022/NĐ-CP ngày 06 tháng 4 "
               "năm 2022 của Chính phủ.")
    effs = [e for r in g.relations.values() for e in r.effects]
    assert [(e.kind, e.parts, e.date) for e in effs] == [("amended", ["phu_luc_1"], None)]


# sentences that name parts of a document that are no effect on those parts: (file, excerpt, type, target); the
# relation may exist (with no effect on parts) or not
NO_EFFECT: list[tuple[str, str, str, str]] = [
    # where a rule stands, as amended by another text: 'quy định của Điều 17, Điều 18 … đã được sửa đổi … bởi …'
    ('nghi-quyet-so-17-2026-nq-cp-469464.txt',
     '1. Trình tự, thủ tục công nhận khu vực biển thực hiện theo quy định của Điều 17, Điều 18 Nghị định số '
     '11/2021/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định số 65/2025/NĐ-CP, Nghị định số 44/2026/NĐ-CP.',
     'AMENDS', '11/2021/ND-CP'),
    # (the parts an active formula acts on are not what a passive aside's amending text changed: tested below)
    # a citation of an article: no effect
    ('nghi-quyet-so-15-2026-nq-cp-469344.txt',
     'c) Công bố công khai, cập nhật thông tin về các tổ chức thử nghiệm, giám định, chứng nhận theo quy định tại khoản '
     '4 Điều 67 Nghị định số 22/2026/NĐ-CP ngày 16 tháng 01 năm 2026 của Chính phủ quy định chi tiết một số điều và '
     'biện pháp để tổ chức, hướng dẫn thi hành Luật Tiêu chuẩn và Quy chuẩn kỹ thuật.',
     'CITES', '22/2026/ND-CP'),
    # a lead of 'một số điều': the items list the parts, the lead is no effect of its own
    ('nghi-dinh-so-128-2026-nd-cp-469347.txt',
     'Điều 1. Sửa đổi, bổ sung một số điểm, khoản của Điều 9',
     'AMENDS', '85/2024/ND-CP'),
    ('nghi-dinh-so-128-2026-nd-cp-469347.txt',
     'Điều 7. Thay thế, bãi bỏ một số cụm từ, khoản, phụ lục của Nghị định số 85/2024/NĐ-CP',
     'AMENDS', '85/2024/ND-CP'),
    # a partial expiry that names no part it can list: no effect on the whole text of an AMENDS
    ('nghi-dinh-so-188-2025-nd-cp-45593.txt',
     'Nghị định này sửa đổi, bổ sung một số điều của Nghị định số 146/2018/NĐ-CP.',
     'AMENDS', '146/2018/ND-CP'),
]


def test_a_heading_repealed_is_no_repeal_of_the_section() -> None:
    """'a) Bãi bỏ tên Mục 1, Mục 2, Mục 3 trong Chương III.' (372/2025/NĐ-CP on 112/2021/NĐ-CP): the headings go,
    written as such; no part of Chương III is repealed."""
    g = _graph(_text('nghi-dinh-so-372-2025-nd-cp-468594.txt',
                     '15. Bãi bỏ một số tên mục và điều, khoản, điểm như sau:\na) Bãi bỏ tên Mục 1, Mục 2, Mục 3 trong '
                     'Chương III.'))
    effs = [e for r in g.relations.values() for e in r.effects]
    assert effs and all(e.kind != "repealed" for e in effs)
    assert [e.written for e in effs] == ["tên Mục 1, Mục 2, Mục 3 trong Chương III"]


@pytest.mark.parametrize("row", NO_EFFECT, ids=[f"{i}" for i in range(len(NO_EFFECT))])
def test_parts_named_that_are_no_effect(row: tuple[str, str, str, str]) -> None:
    file, excerpt, type_, target = row
    g = _graph(_text(file, excerpt))
    for r in g.relations.values():
        if r.target == target:
            # the excerpt's own relation to it carries no effect on parts (the title's, if any, is not read here)
            assert not [e for e in r.effects if e.parts and e.evidence.sentence in " ".join(excerpt.split())], r.effects


def test_the_amending_text_of_a_passive_aside_gets_no_parts() -> None:
    g = _graph(_text("nghi-dinh-so-128-2026-nd-cp-469347.txt",
                     "Sửa đổi, bổ sung Điều 6 Thông tư số 12/2015/TT-BTC đã được sửa đổi, bổ sung tại khoản 4 Điều 1 "
                     "Thông tư số 22/2019/TT-BTC “1."))
    assert [e.parts for e in g.relations["AMENDS|128/2026/ND-CP|12/2015/TT-BTC"].effects] == [["dieu_6"]]
    assert not g.relations["AMENDS|22/2019/TT-BTC|12/2015/TT-BTC"].effects


def test_the_history_of_parts_a_text_repeals_is_no_act_of_the_amending_text() -> None:
    """'Bãi bỏ …; khoản 4 Điều 9, Điều 38 của Nghị định số 11/2013/NĐ-CP … được sửa đổi, bổ sung tại Nghị định số
    35/2023/NĐ-CP …' (207/2026/NĐ-CP, Điều 52 khoản 3): the repeal is 207/2026's; 35/2023 changed no part here."""
    g = _graph(_text("nghi-dinh-so-207-2026-nd-cp-469769.txt", _ND207_K3))
    assert [(e.kind, e.parts) for e in g.relations["AMENDS|207/2026/ND-CP|11/2013/ND-CP"].effects] == [
        ("repealed", ["dieu_9/khoan_4", "dieu_38"])]
    assert not g.relations["AMENDS|35/2023/ND-CP|11/2013/ND-CP"].effects


def test_parts_tied_by_cua_are_not_the_title_law_s() -> None:
    """51/2024/QH15 (title: amends Luật Bảo hiểm y tế), Điều 2: 'Bãi bỏ khoản 2 Điều 32 của Luật … số 30/2023/QH15.'
    repeals a part of 30/2023/QH15, none of the law its title amends."""
    g = _graph(_text("luat-so-51-2024-qh15-43559.txt", _LUAT51_D2))
    effs = [(r.target, e.kind, e.parts) for r in g.relations.values() for e in r.effects]
    assert effs == [("30/2023/QH15", "repealed", ["dieu_32/khoan_2"])], effs
    got = _fixture_effects("luat-so-51-2024-qh15-43559.txt")  # the whole law: its Điều 32 of 25/2008 is amended only
    assert ("AMENDS", "30/2023/QH15", "repealed", ("dieu_32/khoan_2",)) in got
    assert ("AMENDS", "25/2008/QH12", "repealed", ("dieu_32/khoan_2",)) not in got


# how lists of parts are written, and the ids they name
PARTS: list[tuple[str, list[str]]] = [
    ("khoản 2 Điều 8", ["dieu_8/khoan_2"]),
    ("Điều 3 và Điều 4", ["dieu_3", "dieu_4"]),
    ("các điều 104, 105, 106, 116 và 117", ["dieu_104", "dieu_105", "dieu_106", "dieu_116", "dieu_117"]),
    ("điểm b khoản 2 Điều 10", ["dieu_10/khoan_2/diem_b"]),
    ("điểm đ khoản 2 Điều 16", ["dieu_16/khoan_2/diem_dd"]),
    ("Mẫu số 01, Mẫu số 02 và Mẫu số 05 ban hành kèm theo", ["mau_01", "mau_02", "mau_05"]),
    ("Mẫu số 02 Phụ lục III", ["phu_luc_3/mau_02"]),
    ("Phụ lục I", ["phu_luc_1"]),
    ("Mẫu số 01 tại Phụ lục II", ["phu_luc_2/mau_01"]),
    ("điểm a khoản 1 Điều 7 và tại Phụ lục V", ["dieu_7/khoan_1/diem_a", "phu_luc_5"]),
    ("Phụ lục", ["phu_luc"]),
    ("Điều 3 Phụ lục II", ["phu_luc_2/dieu_3"]),
    ("khoản 4 Điều 24, khoản 3 Điều 26", ["dieu_24/khoan_4", "dieu_26/khoan_3"]),
    ("điểm a khoản 1, khoản 3 và khoản 6 Điều 9", ["dieu_9/khoan_1/diem_a", "dieu_9/khoan_3", "dieu_9/khoan_6"]),
    ("điểm a khoản 1 và điểm b khoản 2 Điều 5", ["dieu_5/khoan_1/diem_a", "dieu_5/khoan_2/diem_b"]),
    ("từ Điều 5 đến Điều 8", ["dieu_5", "dieu_6", "dieu_7", "dieu_8"]),
    ("khoản 2a vào sau khoản 2 Điều 34", ["dieu_34/khoan_2a"]),
    ("Điều 8a vào sau Điều 8", ["dieu_8a"]),
    ("điểm b1 vào sau điểm b khoản 1 Điều 100", ["dieu_100/khoan_1/diem_b1"]),
    ("Mục 2 Chương III", ["chuong_3/muc_2"]),
    ("cụm từ “Điều 5” tại khoản 2 Điều 22", ["dieu_22/khoan_2"]),  # quoted words name no part
    ("một số điều", []),
    ("khoản 2", []),  # no article: not an id of the target
    ("Mẫu số 04-A và Mẫu số 05", ["mau_04.a", "mau_05"]),  # a form numbered with a dash or a dot: as the structure
    ("Mẫu số 07.DT Phụ lục XII", ["phu_luc_12/mau_07.dt"]),
    ("khoản 2 Điều 7 và khoản 3", ["dieu_7/khoan_2", "dieu_7/khoan_3"]),  # the article of the one before
]


@pytest.mark.parametrize("written,ids", PARTS)
def test_read_parts(written: str, ids: list[str]) -> None:
    low = fold_lower(written)
    assert read_parts(low, written, 0, len(low))[0] == ids


def _fixture_effects(name: str) -> set[tuple[str, str, str, tuple[str, ...]]]:
    g = _graph((FIXTURES / name).read_text(), name)
    return {(r.type, r.target, e.kind, tuple(e.parts)) for r in g.relations.values() for e in r.effects}


# whole texts of the fixtures (copied from the corpus): their items, read one by one
FIXTURE_EFFECTS = {
    "luat-so-51-2024-qh15-43559.txt": {
        ("AMENDS", "25/2008/QH12", "inserted", ("dieu_2/khoan_9",)),  # 1. Bổ sung khoản 9 vào sau khoản 8 Điều 2
        ("AMENDS", "25/2008/QH12", "amended", ("dieu_3/khoan_2",)),  # 2. Sửa đổi, bổ sung khoản 2 Điều 3
        ("AMENDS", "25/2008/QH12", "amended", ("dieu_6/khoan_1",)),  # 3. … Điều 6 … : a) … khoản 1
        ("AMENDS", "25/2008/QH12", "amended", ("dieu_7a",)),
        ("AMENDS", "25/2008/QH12", "amended", ("dieu_8/khoan_2", "dieu_8/khoan_3")),
        ("AMENDS", "25/2008/QH12", "inserted", ("dieu_48a", "dieu_48b")),  # Bổ sung Điều 48a và Điều 48b vào sau Điều 48
        ("AMENDS", "30/2023/QH15", "repealed", ("dieu_32/khoan_2",)),  # Điều 2: Bãi bỏ khoản 2 Điều 32 của Luật … 30/2023
    },
    "thong-tu-so-28-2022-tt-bldtbxh-38853.txt": {
        ("AMENDS", "6/2017/TT-BLDTBXH", "amended", ("dieu_1",)),
        ("AMENDS", "6/2017/TT-BLDTBXH", "amended", ("dieu_2/khoan_2",)),
        ("AMENDS", "6/2017/TT-BLDTBXH", "amended", ("dieu_13/khoan_1",)),  # a) Sửa đổi, bổ sung khoản 1 (of Điều 13)
        ("AMENDS", "6/2017/TT-BLDTBXH", "amended", ("dieu_13/khoan_3",)),
    },
    "thong-tu-so-22-2026-tt-bnnmt-469587.txt": {
        ("AMENDS", "7/2026/TT-BNNMT", "amended", ("dieu_6",)),
        ("AMENDS", "7/2026/TT-BNNMT", "words_substituted", ("dieu_13/khoan_2/diem_c",)),
        ("AMENDS", "33/2014/TT-BNNPTNT", "repealed", ("dieu_1/khoan_2", "dieu_7a", "phu_luc_1a", "phu_luc_2a")),
        ("AMENDS", "17/2025/TT-BNNMT", "amended", ("dieu_3/khoan_1",)),
    },
    "nghi-dinh-so-123-2026-nd-cp-469299.txt": {  # 'Bãi bỏ các quy định sau:' and its items
        ("AMENDS", "128/2018/ND-CP", "repealed", ("dieu_3",)),
        ("AMENDS", "54/2022/ND-CP", "repealed", ("dieu_2",)),
        ("AMENDS", "140/2025/ND-CP", "repealed", ("dieu_27/khoan_2", "dieu_27/khoan_3", "dieu_27/khoan_4",
                                                  "dieu_27/khoan_5")),
        # 'Các Nghị định sau hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành:' and its three items, whole
        ("REPLACES", "24/2015/ND-CP", "replaced", ()),
        ("REPLACES", "8/2021/ND-CP", "replaced", ()),
        ("REPLACES", "6/2024/ND-CP", "replaced", ()),
    },
    "nghi-dinh-so-139-2026-nd-cp-469377.txt": {("REPLACES", "60/2018/ND-CP", "replaced", ())},  # the whole text
}


@pytest.mark.parametrize("name", sorted(FIXTURE_EFFECTS))
def test_whole_texts_yield_their_items(name: str) -> None:
    got = _fixture_effects(name)
    assert FIXTURE_EFFECTS[name] <= got, FIXTURE_EFFECTS[name] - got


def test_quoted_wording_is_not_read_as_items() -> None:
    """51/2024/QH15 quotes the new wording of each article it amends (“Điều 7a. … 1. … 2. …”): the quoted khoản are
    not items of its own, so no effect names a khoản of the quoted article alone (every effect is under an article
    the item names)."""
    got = _fixture_effects("luat-so-51-2024-qh15-43559.txt")
    assert got and all(p.startswith(("dieu_", "phu_luc", "chuong")) for _, _, _, parts in got for p in parts)
    assert {k for _, _, k, _ in got} <= {"amended", "inserted", "repealed", "words_substituted", "words_removed",
                                          "replaced"}


def test_kept_sources_keep_effects() -> None:
    """A source kept for incremental builds (`graph.incremental`) carries its relations' effects."""
    name = "nghi-dinh-so-123-2026-nd-cp-469299.txt"
    r = extract_text((FIXTURES / name).read_text(), name)
    back = load_source(dump_source(r))
    assert Resolver().build([back]).model_dump() == Resolver().build([extract_text((FIXTURES / name).read_text(),
                                                                                   name)]).model_dump()
