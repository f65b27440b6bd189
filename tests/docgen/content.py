"""Realistic Vietnamese administrative prose for each outline node, the front and the closing block.

Templates use {area} ("huyện Đại Lộc"), {dang_bo} ("Đảng bộ huyện Đại Lộc"), {committee} ("Huyện ủy").
"""
from __future__ import annotations

import random

PROSE: dict[str, tuple[str, ...]] = {
    "P1": (
        "Sau hơn hai năm rưỡi triển khai thực hiện Nghị quyết Đại hội {dang_bo} nhiệm kỳ 2020 - 2025, trong "
        "bối cảnh có nhiều khó khăn, thách thức, {dang_bo} đã đoàn kết, nỗ lực vượt qua khó khăn, đạt được "
        "nhiều kết quả quan trọng.",
    ),
    "P1.I": (
        "Nửa đầu nhiệm kỳ, tình hình thế giới, trong nước và của tỉnh có nhiều diễn biến phức tạp, khó lường, "
        "tác động trực tiếp đến việc thực hiện các mục tiêu, nhiệm vụ mà Nghị quyết đề ra.",
    ),
    "P1.I.1": (
        "{area_cap} có diện tích tự nhiên 587,1 km², dân số trung bình hơn 158 nghìn người, gồm 18 đơn vị hành "
        "chính cấp xã; {dang_bo} hiện có 52 tổ chức cơ sở đảng với 6.180 đảng viên.",
        "Kinh tế của {area} giữ được tốc độ tăng trưởng khá, cơ cấu kinh tế chuyển dịch đúng hướng, tăng dần tỷ "
        "trọng công nghiệp - xây dựng và thương mại - dịch vụ; đời sống vật chất và tinh thần của Nhân dân "
        "từng bước được cải thiện.",
        "Hệ thống chính trị từ {area} đến cơ sở được củng cố, kiện toàn; khối đại đoàn kết toàn dân tộc tiếp tục "
        "được tăng cường; quốc phòng, an ninh được giữ vững, trật tự an toàn xã hội được bảo đảm.",
    ),
    "P1.I.2": (
        "Thuận lợi: Được sự quan tâm lãnh đạo, chỉ đạo của Tỉnh ủy, sự hỗ trợ của các sở, ban, ngành của tỉnh; "
        "tình hình chính trị ổn định, Nhân dân tin tưởng vào sự lãnh đạo của Đảng.",
        "Khó khăn: Đại dịch Covid-19 bùng phát trong năm 2021 và đầu năm 2022 ảnh hưởng nặng nề đến sản xuất, kinh "
        "doanh và đời sống Nhân dân; giá cả nguyên, nhiên, vật liệu tăng cao; thiên tai, bão lũ liên tiếp gây thiệt "
        "hại lớn về cơ sở hạ tầng.",
        "Nguồn lực đầu tư còn hạn chế, nhiều dự án trọng điểm chậm tiến độ do vướng mắc trong công tác bồi thường, "
        "giải phóng mặt bằng; chất lượng nguồn nhân lực chưa đáp ứng yêu cầu phát triển.",
    ),
    "P1.II": (
        "Ngay sau Đại hội, Ban Chấp hành, Ban Thường vụ {committee} đã tập trung lãnh đạo, chỉ đạo triển khai "
        "thực hiện Nghị quyết một cách đồng bộ, quyết liệt với nhiều giải pháp cụ thể.",
    ),
    "P1.II.1": (
        "Ban Thường vụ {committee} đã tổ chức hội nghị học tập, quán triệt, triển khai Nghị quyết Đại hội XIII "
        "của Đảng, Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội {dang_bo} cho 100% cán bộ "
        "chủ chốt; tỷ lệ cán bộ, đảng viên tham gia học tập đạt 97,8%.",
        "Công tác tuyên truyền được thực hiện bằng nhiều hình thức phong phú, đa dạng trên hệ thống thông tin cơ "
        "sở, trang thông tin điện tử, mạng xã hội; qua đó tạo sự thống nhất cao trong nhận thức và hành động của "
        "cán bộ, đảng viên và Nhân dân.",
        "Các chi bộ, đảng bộ cơ sở đã xây dựng chương trình hành động, kế hoạch thực hiện Nghị quyết sát với "
        "tình hình thực tế của địa phương, đơn vị.",
    ),
    "P1.II.2": (
        "Ban Chấp hành {dang_bo} đã ban hành Chương trình hành động số 01-CTr/{symbol} thực hiện Nghị quyết Đại "
        "hội, 4 nghị quyết chuyên đề, 6 đề án và nhiều kế hoạch, kết luận để cụ thể hóa các mục tiêu, nhiệm vụ.",
        "Hội đồng nhân dân đã ban hành 47 nghị quyết; Ủy ban nhân dân đã ban hành các kế hoạch, quyết định "
        "triển khai thực hiện, phân công rõ cơ quan chủ trì, lộ trình và thời gian hoàn thành.",
        "Việc cụ thể hóa Nghị quyết bảo đảm kịp thời, đồng bộ, phù hợp với điều kiện thực tiễn, tạo hành lang "
        "để các cơ quan, đơn vị tổ chức thực hiện.",
    ),
    "P1.II.3": (
        "Ban Thường vụ {committee} đã ban hành chương trình kiểm tra, giám sát toàn khóa; đã tiến hành kiểm tra "
        "18 tổ chức đảng và 35 đảng viên, giám sát chuyên đề 22 tổ chức đảng và 41 đảng viên.",
        "Qua kiểm tra, giám sát đã kịp thời chấn chỉnh những hạn chế, thiếu sót, góp phần nâng cao hiệu quả "
        "thực hiện Nghị quyết ở cơ sở.",
        "Ủy ban Kiểm tra {committee} đã thi hành kỷ luật 12 đảng viên vi phạm, trong đó khiển trách 8, cảnh cáo 3, "
        "khai trừ 1 đảng viên.",
    ),
    "P1.III": (
        "Nhìn chung, sau nửa nhiệm kỳ, các mục tiêu, nhiệm vụ, giải pháp mà Nghị quyết Đại hội {dang_bo} đề ra "
        "đã được triển khai tích cực và đạt được nhiều kết quả quan trọng.",
    ),
    "P1.III.1": (
        "Trong bối cảnh có nhiều khó khăn, các chỉ tiêu chủ yếu cơ bản đạt tiến độ đề ra; một số chỉ tiêu đạt "
        "và vượt so với Nghị quyết.",
        "Kết quả cụ thể các chỉ tiêu chủ yếu đến ngày 30/6/2023 và dự ước cả năm 2023 như sau:",
    ),
    "P1.III.2": (
        "Kinh tế tiếp tục phát triển; sản xuất nông nghiệp chuyển dịch theo hướng sản xuất hàng hóa, ứng dụng công "
        "nghệ cao; đã hình thành một số vùng sản xuất tập trung gắn với liên kết tiêu thụ sản phẩm.",
        "Công nghiệp - tiểu thủ công nghiệp duy trì tăng trưởng; các cụm công nghiệp được đầu tư hạ tầng, thu hút "
        "thêm 12 dự án với tổng vốn đăng ký trên 1.500 tỷ đồng.",
        "Lĩnh vực văn hóa - xã hội có nhiều tiến bộ; công tác chăm sóc sức khỏe Nhân dân được quan tâm; các chính "
        "sách an sinh xã hội được thực hiện đầy đủ, kịp thời.",
        "Quốc phòng, an ninh được giữ vững; công tác xây dựng Đảng và hệ thống chính trị được chú trọng, năng "
        "lực lãnh đạo và sức chiến đấu của tổ chức đảng được nâng lên.",
    ),
    "P1.III.3": (
        "Chương trình phát triển hạ tầng giao thông được tập trung chỉ đạo; đã hoàn thành và đưa vào sử dụng "
        "tuyến đường trục chính nối trung tâm {area} với quốc lộ, tạo động lực phát triển cho vùng phía Tây.",
        "Nhiệm vụ đột phá về cải cách hành chính, chuyển đổi số được triển khai quyết liệt; tỷ lệ hồ sơ giải quyết "
        "trực tuyến toàn trình đạt 62,5%.",
        "Chương trình xây dựng nông thôn mới gắn với phát triển đô thị được thực hiện đồng bộ, huy động được "
        "nhiều nguồn lực xã hội hóa.",
    ),
    "P1.IV": (
        "{committee} đã ban hành kế hoạch thực hiện Chương trình hành động của Tỉnh ủy thực hiện Nghị quyết Đại "
        "hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội XIII của Đảng, phân công cụ thể cho từng cơ quan.",
    ),
    "P1.IV.1": (
        "Tập trung thực hiện các nhiệm vụ trọng tâm theo Chương trình hành động của Tỉnh ủy, nhất là phát triển "
        "kinh tế biển, kinh tế đô thị và du lịch; nâng cao chất lượng nguồn nhân lực.",
        "Phối hợp chặt chẽ với các sở, ngành của tỉnh trong triển khai các dự án lớn trên địa bàn, tháo gỡ vướng "
        "mắc về đất đai, bồi thường, giải phóng mặt bằng.",
        "Công tác bảo vệ môi trường, ứng phó với biến đổi khí hậu, phòng chống thiên tai được chú trọng.",
    ),
    "P1.IV.2": (
        "Tham gia thực hiện ba khâu đột phá chiến lược của tỉnh về thể chế, hạ tầng và nguồn nhân lực; huy "
        "động được 2.350 tỷ đồng đầu tư kết cấu hạ tầng kinh tế - xã hội.",
        "Chương trình phát triển nguồn nhân lực chất lượng cao được triển khai, đã đào tạo, bồi dưỡng cho 1.120 "
        "lượt cán bộ, công chức.",
    ),
    "P1.IV.3": (
        "Triển khai thực hiện nghiêm túc các nghị quyết chuyên đề, đề án, kết luận của Tỉnh ủy, đặc biệt là Nghị "
        "quyết về phát triển kinh tế - xã hội miền núi gắn với các dự án động lực.",
        "Kết luận của Ban Thường vụ Tỉnh ủy về đẩy mạnh cải cách hành chính được cụ thể hóa bằng kế hoạch, tạo "
        "chuyển biến rõ nét về chỉ số hài lòng của người dân.",
    ),
    "P1.V": (
        "Qua nửa nhiệm kỳ thực hiện Nghị quyết, có thể rút ra một số nhận định chung như sau:",
    ),
    "P1.V.1": (
        "Ban Chấp hành, Ban Thường vụ {committee} đã phát huy tinh thần đoàn kết, chủ động, sáng tạo trong lãnh "
        "đạo, chỉ đạo; nhiều chỉ tiêu đạt và vượt tiến độ; bộ mặt {area} có nhiều khởi sắc.",
        "Công tác xây dựng Đảng và hệ thống chính trị có nhiều chuyển biến tích cực; niềm tin của Nhân dân đối "
        "với Đảng được củng cố.",
    ),
    "P1.V.2": (
        "Một số chỉ tiêu chưa đạt tiến độ đề ra, nhất là chỉ tiêu về thu ngân sách và tốc độ tăng trưởng; chất "
        "lượng tăng trưởng chưa cao, thiếu tính bền vững.",
        "Công tác quản lý đất đai, trật tự xây dựng ở một số nơi còn buông lỏng; tiến độ giải ngân vốn đầu tư công "
        "còn chậm.",
        "Năng lực lãnh đạo và sức chiến đấu của một số tổ chức cơ sở đảng còn hạn chế; sinh hoạt chi bộ ở một vài "
        "nơi chưa đi vào chiều sâu.",
    ),
    "P1.V.3": (
        "Nguyên nhân khách quan: tác động kéo dài của đại dịch Covid-19, thiên tai, biến động giá cả; một số cơ "
        "chế, chính sách chưa đồng bộ, chậm được sửa đổi.",
        "Nguyên nhân chủ quan: một số cấp ủy, người đứng đầu chưa thật sự quyết liệt trong chỉ đạo; sự phối hợp "
        "giữa các cơ quan, đơn vị có lúc chưa chặt chẽ.",
    ),
    "P1.V.4": (
        "Vướng mắc trong công tác bồi thường, giải phóng mặt bằng ở các dự án trọng điểm; nguồn lực đầu tư cho "
        "hạ tầng còn hạn chế so với nhu cầu.",
        "Đề nghị Tỉnh ủy, UBND tỉnh quan tâm bố trí nguồn vốn hỗ trợ đầu tư các công trình hạ tầng quan trọng.",
    ),
    "P2": (
        "Để hoàn thành thắng lợi Nghị quyết Đại hội {dang_bo} nhiệm kỳ 2020 - 2025, trong thời gian còn lại cần "
        "tập trung lãnh đạo, chỉ đạo thực hiện tốt các nhiệm vụ, giải pháp sau:",
    ),
    "P2.I": (
        "Tiếp tục đẩy mạnh công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh toàn "
        "diện; nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ đảng viên.",
        "Tập trung tháo gỡ khó khăn, vướng mắc để thúc đẩy phát triển kinh tế; đẩy nhanh tiến độ giải ngân vốn "
        "đầu tư công, hoàn thành các công trình, dự án trọng điểm.",
        "Thực hiện tốt các chính sách an sinh xã hội, giảm nghèo bền vững; giữ vững quốc phòng, an ninh, bảo đảm "
        "trật tự an toàn xã hội trên địa bàn.",
    ),
    "P2.II": (
        "Đề nghị Ban Thường vụ Tỉnh ủy chỉ đạo các sở, ngành quan tâm hỗ trợ {area} trong việc thu hút đầu tư, "
        "phát triển hạ tầng giao thông và các cụm công nghiệp.",
        "Kiến nghị UBND tỉnh sớm ban hành cơ chế đặc thù hỗ trợ các xã miền núi, vùng khó khăn hoàn thành các "
        "tiêu chí nông thôn mới.",
    ),
}

SUB_HEADINGS = ("Về kinh tế", "Về văn hóa - xã hội", "Về quốc phòng, an ninh",
                "Về xây dựng Đảng và hệ thống chính trị", "Về công tác dân vận, Mặt trận và đoàn thể")

SUB_PROSE = (
    "Tổng giá trị sản xuất năm 2022 ước đạt 18.450 tỷ đồng, tăng 7,2% so với cùng kỳ; cơ cấu kinh tế chuyển "
    "dịch đúng hướng.",
    "Phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa tiếp tục được nâng cao; các thiết chế văn hóa ở cơ sở "
    "được quan tâm đầu tư.",
    "Hoàn thành 100% chỉ tiêu tuyển quân hằng năm; tổ chức diễn tập khu vực phòng thủ bảo đảm an toàn, đạt mục "
    "đích, yêu cầu.",
    "Công tác tổ chức, cán bộ được thực hiện đúng quy trình; việc quy hoạch, luân chuyển, bố trí cán bộ bảo đảm "
    "dân chủ, công khai.",
    "Mặt trận Tổ quốc và các đoàn thể đã phát huy vai trò tập hợp, đoàn kết các tầng lớp Nhân dân tham gia các "
    "phong trào thi đua yêu nước.",
)

# Units' own numbered items under P2.I, written like outline headings.
P2_ITEMS = ("Về phát triển kinh tế", "Về văn hóa - xã hội, bảo đảm an sinh xã hội",
            "Về quốc phòng, an ninh, đối ngoại", "Về xây dựng Đảng và hệ thống chính trị")

# Whole-bold body sentences (emphasis, not headings).
BOLD_BODY = ("Kết quả cụ thể như sau:", "Trong đó, nổi bật là:", "Tuy nhiên, vẫn còn một số tồn tại:")

# Body paragraphs that start like labels but are not headings.
LABEL_LIKE = (
    "2023 là năm có ý nghĩa quan trọng, quyết định việc hoàn thành các mục tiêu của Nghị quyết nhiệm kỳ.",
    "1.250 đảng viên đã được học tập, quán triệt đầy đủ nội dung Nghị quyết tại các chi bộ trực thuộc.",
    "3 nhiệm vụ đột phá của nhiệm kỳ đều được cụ thể hóa bằng đề án và kế hoạch thực hiện.",
    "12/18 xã đã tổ chức hội nghị sơ kết giữa nhiệm kỳ trước thời hạn quy định.",
    "06 chương trình trọng điểm được giao cho các đồng chí Ủy viên Ban Thường vụ trực tiếp phụ trách.",
    "100% tổ chức cơ sở đảng đã xây dựng kế hoạch thực hiện Nghị quyết.",
)

BULLETS = (
    "- Tập trung chỉ đạo hoàn thành quy hoạch chung và quy hoạch chi tiết các khu chức năng;",
    "- Đẩy mạnh cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh cấp huyện;",
    "+ Tổ chức 26 lớp bồi dưỡng lý luận chính trị cho 2.150 lượt học viên;",
    "+ Kết nạp mới 312 đảng viên, đạt 104% kế hoạch;",
    "- Tăng cường công tác kiểm tra, giám sát việc thực hiện nhiệm vụ của người đứng đầu.",
    "- Chú trọng phát triển đảng viên trong các doanh nghiệp ngoài khu vực nhà nước.",
)

EXTRA_SECTIONS = (
    ("Bài học kinh nghiệm", (
        "Một là, phải thường xuyên chăm lo xây dựng, chỉnh đốn Đảng, giữ vững đoàn kết nội bộ.",
        "Hai là, phát huy vai trò nêu gương của người đứng đầu; lãnh đạo, chỉ đạo phải quyết liệt, cụ thể.")),
    ("Một số kết quả nổi bật khác", (
        "Hoàn thành việc sáp nhập các thôn, tổ dân phố theo chủ trương của Trung ương và của tỉnh.",)),
)

FOOTNOTES = (
    "Số liệu theo báo cáo của Chi cục Thống kê đến ngày 30/6/2023.",
    "Theo Quyết định số 1234/QĐ-UBND ngày 15/5/2023 của UBND tỉnh.",
    "Bao gồm cả các đảng bộ, chi bộ cơ sở trong Công an và Quân sự.",
)

TEXTBOX_NOTES = (
    ("Ghi chú: Số liệu năm 2023 là số ước thực hiện, sẽ được cập nhật khi có số liệu chính thức.",),
    ("Nguồn số liệu: Văn phòng HĐND và UBND, Chi cục Thống kê.", "Số liệu tính đến ngày 30/6/2023."),
)


def fill(template: str, ctx: dict[str, str]) -> str:
    """Template with the unit's names filled in."""
    return template.format(**ctx)


def paragraphs_for(node_id: str, ctx: dict[str, str], rng: random.Random) -> list[str]:
    """1-3 body paragraphs for an outline node."""
    pool = PROSE.get(node_id, ())
    if not pool:
        return []
    k = min(len(pool), rng.randint(1, 3))
    return [fill(t, ctx) for t in rng.sample(pool, k)]


def front_lines(ctx: dict[str, str], rng: random.Random) -> tuple[str, list[str], str]:
    """Title, subject lines and the opening paragraph."""
    subject = [
        f"Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội {ctx['dang_bo']} lần thứ {ctx['congress']}, "
        "nhiệm kỳ 2020 - 2025",
        "và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, Nghị quyết Đại hội XIII của Đảng",
    ]
    if rng.random() < 0.4:
        subject = [" ".join(subject)]
    opening = (f"Thực hiện Kế hoạch số 152-KH/TU ngày 27/02/2023 của Ban Thường vụ Tỉnh ủy về sơ kết giữa nhiệm "
               f"kỳ thực hiện nghị quyết đại hội đảng bộ các cấp, Ban Thường vụ {ctx['committee']} báo cáo kết quả "
               "như sau:")
    return "BÁO CÁO", subject, opening


def closing_sentence(ctx: dict[str, str]) -> str:
    """'Trên đây là báo cáo…': the last body paragraph, before the closing block."""
    return (f"Trên đây là báo cáo sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội {ctx['dang_bo']} nhiệm kỳ "
            f"2020 - 2025, Ban Thường vụ {ctx['committee']} kính báo cáo Ban Thường vụ Tỉnh ủy.")


SIGNERS = ("Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Quang Minh", "Phan Văn Bình", "Võ Thị Hồng Nhung",
           "Huỳnh Tấn Phát", "Đặng Ngọc Sơn", "Bùi Xuân Trường")


def recipients(ctx: dict[str, str], rng: random.Random) -> list[str]:
    """The 'Nơi nhận' lines."""
    lines = ["Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (b/c),", "- Ban Tuyên giáo Tỉnh ủy,",
             "- Văn phòng Tỉnh ủy,", f"- Các đồng chí {ctx['committee']} viên,", f"- Lưu Văn phòng {ctx['committee']}."]
    if rng.random() < 0.3:
        lines.pop(3)
    return lines


def signature(rng: random.Random) -> list[str]:
    """The signature block."""
    if rng.random() < 0.3:
        return ["T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "PHÓ BÍ THƯ", rng.choice(SIGNERS)]
    return ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", rng.choice(SIGNERS)]
