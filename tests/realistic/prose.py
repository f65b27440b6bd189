"""Words of the realistic reports: units' letterheads, heading wordings and body prose per outline node.

Written independently of tests/docgen: own sentences, own wordings, own unit names and signatories.
`{dp}` in a sentence is the unit's locality ("huyện Quế Sơn", "lực lượng Công an tỉnh"...).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UnitWords:
    """How one unit names itself in a report."""

    id: str
    headers: tuple[str, ...]      # letterhead forms of the unit line (upper case, as typed)
    parent: str                   # line above it
    place: str                    # place of the date line
    dp: str                       # locality used in prose
    body: str                     # the committee that reports ("Ban Thường vụ Huyện ủy")
    sign: str                     # "T/M BAN THƯỜNG VỤ" line
    number: str                   # document number suffix


_TINH = "ĐẢNG BỘ TỈNH QUẢNG NAM"


def _huyen(uid: str, name: str, kind: str = "HUYỆN", uy: str = "HUYỆN ỦY", sym: str = "HU") -> UnitWords:
    up = name.upper()
    kind_lower = kind.lower()
    return UnitWords(
        id=uid,
        headers=(f"{uy} {up}", f"BCH ĐẢNG BỘ {kind} {up}", f"BAN CHẤP HÀNH ĐẢNG BỘ {kind} {up}", f"ĐẢNG BỘ {kind} {up}"),
        parent=_TINH, place=name, dp=f"{kind_lower} {name}",
        body=f"Ban Thường vụ {uy.capitalize()}", sign="T/M BAN THƯỜNG VỤ", number=f"-BC/{sym}",
    )


UNITS: dict[str, UnitWords] = {u.id: u for u in (
    _huyen("tp-tam-ky", "Tam Kỳ", "THÀNH PHỐ", "THÀNH ỦY", "TU"),
    _huyen("tp-hoi-an", "Hội An", "THÀNH PHỐ", "THÀNH ỦY", "TU"),
    _huyen("tx-dien-ban", "Điện Bàn", "THỊ XÃ", "THỊ ỦY", "TU"),
    _huyen("hoa-vang", "Hòa Vang"),
    _huyen("dai-loc", "Đại Lộc"),
    _huyen("duy-xuyen", "Duy Xuyên"),
    _huyen("thang-binh", "Thăng Bình"),
    _huyen("que-son", "Quế Sơn"),
    _huyen("nui-thanh", "Núi Thành"),
    _huyen("tien-phuoc", "Tiên Phước"),
    _huyen("nam-giang", "Nam Giang"),
    UnitWords("qs-tinh", ("ĐẢNG ỦY QUÂN SỰ TỈNH", "ĐẢNG ỦY BỘ CHỈ HUY QUÂN SỰ TỈNH"), _TINH, "Tam Kỳ",
              "lực lượng vũ trang tỉnh", "Ban Thường vụ Đảng ủy Quân sự tỉnh", "T/M ĐẢNG ỦY", "-BC/ĐU"),
    UnitWords("ca-tinh", ("ĐẢNG ỦY CÔNG AN TỈNH",), _TINH, "Tam Kỳ",
              "lực lượng Công an tỉnh", "Ban Thường vụ Đảng ủy Công an tỉnh", "T/M BAN THƯỜNG VỤ", "-BC/ĐUCA"),
    UnitWords("khoi-cq-dn", ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DN TỈNH"),
              _TINH, "Tam Kỳ", "Đảng bộ Khối", "Ban Thường vụ Đảng ủy Khối", "T/M BAN THƯỜNG VỤ", "-BC/ĐUK"),
)}

SIGNERS = ("Nguyễn Văn Thành", "Trần Thị Kim Oanh", "Lê Quang Vinh", "Phan Đình Hiếu", "Võ Thị Thu Hà",
           "Huỳnh Minh Tâm", "Đoàn Công Luận", "Hồ Thị Mỹ Linh")

# Heading wordings per node: first is close to the outline, the others as units rewrite them.
WORDINGS: dict[str, tuple[str, ...]] = {
    "P1": ("Tình hình thực hiện Nghị quyết Đại hội Đảng bộ huyện nhiệm kỳ 2020 - 2025, Nghị quyết Đại hội Đảng bộ "
           "tỉnh lần thứ XIV và Nghị quyết Đại hội XIII của Đảng",
           "Kết quả thực hiện Nghị quyết Đại hội Đảng bộ các cấp nửa đầu nhiệm kỳ 2020 - 2025"),
    "P1.I": ("Bối cảnh thực hiện nghị quyết", "Bối cảnh tình hình", "Đặc điểm, bối cảnh thực hiện Nghị quyết"),
    "P1.I.1": ("Khái quát đặc điểm tình hình", "Đặc điểm tình hình chung", "Khái quát đặc điểm, tình hình của đơn vị"),
    "P1.I.2": ("Bối cảnh thực hiện; những thuận lợi, khó khăn", "Thuận lợi, khó khăn",
               "Những thuận lợi và khó khăn trong quá trình thực hiện"),
    "P1.II": ("Công tác lãnh đạo, chỉ đạo triển khai thực hiện Nghị quyết Đại hội Đảng bộ huyện nhiệm kỳ 2020 - 2025, "
              "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội XIII của Đảng",
              "Công tác lãnh đạo, chỉ đạo triển khai thực hiện Nghị quyết",
              "Công tác lãnh đạo, chỉ đạo của cấp ủy"),
    "P1.II.1": ("Công tác lãnh đạo, chỉ đạo và kết quả tổ chức học tập, quán triệt, tuyên truyền Nghị quyết",
                "Việc tổ chức học tập, quán triệt và tuyên truyền Nghị quyết",
                "Công tác quán triệt, tuyên truyền Nghị quyết"),
    "P1.II.2": ("Công tác lãnh đạo, chỉ đạo và kết quả cụ thể hóa Nghị quyết",
                "Việc cụ thể hóa Nghị quyết thành chương trình, kế hoạch",
                "Công tác cụ thể hoá nghị quyết"),
    "P1.II.3": ("Công tác kiểm tra, giám sát việc thực hiện", "Công tác kiểm tra, giám sát",
                "Kiểm tra, giám sát việc thực hiện Nghị quyết"),
    "P1.III": ("Kết quả thực hiện các mục tiêu, nhiệm vụ, giải pháp thực hiện Nghị quyết Đại hội Đảng bộ huyện "
               "nhiệm kỳ 2020 - 2025",
               "Kết quả thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XXII",
               "Kết quả thực hiện các mục tiêu, nhiệm vụ Nghị quyết Đại hội"),
    "P1.III.1": ("Kết quả thực hiện các chỉ tiêu chủ yếu", "Về thực hiện các chỉ tiêu chủ yếu",
                 "Kết quả thực hiện các chỉ tiêu chủ yếu của Nghị quyết"),
    "P1.III.2": ("Kết quả thực hiện nhiệm vụ trọng tâm", "Kết quả thực hiện các nhiệm vụ trọng tâm",
                 "Về thực hiện các nhiệm vụ trọng tâm"),
    "P1.III.3": ("Kết quả thực hiện chương trình trọng điểm, nhiệm vụ đột phá",
                 "Kết quả thực hiện các chương trình trọng điểm và nhiệm vụ đột phá",
                 "Về thực hiện chương trình trọng điểm, khâu đột phá"),
    "P1.IV": ("Kết quả thực hiện chương trình hành động, kế hoạch thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ "
              "XIV và Nghị quyết Đại hội XIII của Đảng",
              "Kết quả thực hiện Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị "
              "quyết Đại hội XIII của Đảng",
              "Kết quả thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội XIII"),
    "P1.IV.1": ("Kết quả thực hiện nhiệm vụ trọng tâm", "Kết quả thực hiện các nhiệm vụ trọng tâm",
                "Về thực hiện các nhiệm vụ trọng tâm"),
    "P1.IV.2": ("Kết quả thực hiện chương trình trọng điểm, nhiệm vụ đột phá chiến lược",
                "Kết quả thực hiện các chương trình trọng điểm, khâu đột phá chiến lược",
                "Về các chương trình trọng điểm và nhiệm vụ đột phá chiến lược"),
    "P1.IV.3": ("Kết quả thực hiện các nghị quyết chuyên đề, đề án, kết luận của Tỉnh ủy",
                "Kết quả thực hiện các nghị quyết chuyên đề, đề án của Tỉnh ủy",
                "Việc thực hiện các nghị quyết, đề án, kết luận của Tỉnh ủy"),
    "P1.V": ("Đánh giá chung", "Đánh giá chung kết quả thực hiện", "Nhận xét, đánh giá chung"),
    "P1.V.1": ("Ưu điểm", "Những ưu điểm", "Kết quả nổi bật, ưu điểm"),
    "P1.V.2": ("Hạn chế, khuyết điểm", "Những hạn chế, khuyết điểm", "Tồn tại, hạn chế"),
    "P1.V.3": ("Nguyên nhân của những hạn chế, khuyết điểm", "Nguyên nhân của hạn chế, khuyết điểm",
               "Nguyên nhân"),
    "P1.V.4": ("Những khó khăn vướng mắc", "Khó khăn, vướng mắc", "Những khó khăn, vướng mắc cần tháo gỡ"),
    "P2": ("Nhiệm vụ và giải pháp chủ yếu đến năm 2025", "Nhiệm vụ, giải pháp từ nay đến cuối nhiệm kỳ"),
    "P2.I": ("Nhiệm vụ và giải pháp chủ yếu đến năm 2025", "Nhiệm vụ, giải pháp trọng tâm từ nay đến năm 2025",
             "Những nhiệm vụ, giải pháp chủ yếu thời gian tới"),
    "P2.II": ("Kiến nghị, đề xuất", "Đề xuất, kiến nghị", "Kiến nghị"),
}

# Body prose per node: the generator picks a few, in order.
PROSE: dict[str, tuple[str, ...]] = {
    "P1": ("Sau hơn hai năm rưỡi triển khai thực hiện Nghị quyết, trong điều kiện có nhiều khó khăn, thách thức, "
           "{dp} đã đạt được những kết quả quan trọng trên các lĩnh vực.",),
    "P1.I": ("Nửa đầu nhiệm kỳ diễn ra trong bối cảnh tình hình thế giới, trong nước có nhiều biến động phức tạp.",),
    "P1.I.1": ("{Dp} có vị trí thuận lợi, nằm trên trục giao thông quan trọng của tỉnh, diện tích tự nhiên khoảng "
               "hơn 250 km², dân số trên 86 nghìn người.",
               "Toàn Đảng bộ hiện có 46 tổ chức cơ sở đảng với 4.312 đảng viên; hệ thống chính trị từ huyện đến cơ sở "
               "được kiện toàn, hoạt động ổn định.",
               "Kinh tế tăng trưởng khá nhưng quy mô còn nhỏ, nguồn thu ngân sách chưa bền vững."),
    "P1.I.2": ("Thuận lợi: được sự quan tâm lãnh đạo, chỉ đạo sát sao của Tỉnh ủy, Ủy ban nhân dân tỉnh và sự hỗ trợ "
               "của các sở, ban, ngành.",
               "Khó khăn: đại dịch Covid-19 kéo dài trong những năm 2020 - 2021 đã ảnh hưởng nặng nề đến sản xuất, "
               "kinh doanh và đời sống Nhân dân.",
               "Thiên tai, bão lũ liên tiếp xảy ra vào cuối năm 2020 gây thiệt hại lớn về người và tài sản, nhiều công "
               "trình hạ tầng bị hư hỏng.",
               "Giá cả nguyên vật liệu tăng cao, thị trường tiêu thụ nông sản gặp nhiều trở ngại."),
    "P1.II": ("Ngay sau Đại hội, cấp ủy đã tập trung lãnh đạo triển khai đồng bộ các nhiệm vụ, giải pháp đề ra.",),
    "P1.II.1": ("Ban Thường vụ đã ban hành kế hoạch tổ chức học tập, quán triệt Nghị quyết Đại hội cho cán bộ, đảng "
                "viên; tỷ lệ cán bộ, đảng viên tham gia học tập đạt 97,6%.",
                "Công tác tuyên truyền được thực hiện đa dạng qua hệ thống truyền thanh, trang thông tin điện tử và "
                "mạng xã hội.",
                "Các đoàn thể chính trị - xã hội tổ chức phổ biến Nghị quyết đến đoàn viên, hội viên và Nhân dân."),
    "P1.II.2": ("Ban Chấp hành đã ban hành 05 nghị quyết chuyên đề, 03 đề án và nhiều kế hoạch để cụ thể hoá Nghị "
                "quyết.",
                "Hội đồng nhân dân, Ủy ban nhân dân đã thể chế hoá bằng các nghị quyết, kế hoạch phát triển kinh tế - "
                "xã hội hằng năm.",
                "Các chi bộ, đảng bộ cơ sở xây dựng chương trình hành động sát với thực tiễn địa phương."),
    "P1.II.3": ("Ủy ban Kiểm tra đã tham mưu tổ chức 14 cuộc kiểm tra, 21 cuộc giám sát chuyên đề việc thực hiện Nghị "
                "quyết.",
                "Qua kiểm tra, giám sát đã kịp thời chấn chỉnh những hạn chế, thiếu sót, góp phần nâng cao hiệu quả "
                "lãnh đạo."),
    "P1.III": ("Nhìn chung, các mục tiêu, nhiệm vụ Nghị quyết đề ra cơ bản được triển khai đúng tiến độ.",),
    "P1.III.1": ("Trong số 24 chỉ tiêu chủ yếu, có 09 chỉ tiêu đạt và vượt, 11 chỉ tiêu có khả năng đạt, 04 chỉ tiêu "
                 "khó đạt.",
                 "Tốc độ tăng giá trị sản xuất bình quân đạt 8,3%/năm, thấp hơn mục tiêu Nghị quyết đề ra.",
                 "Thu ngân sách trên địa bàn năm 2022 đạt 612 tỷ đồng, tăng 18% so với năm 2020.",
                 "Tỷ lệ hộ nghèo giảm còn 2,1%, đạt chỉ tiêu Nghị quyết."),
    "P1.III.2": ("Về phát triển kinh tế: cơ cấu kinh tế chuyển dịch đúng hướng, tăng tỷ trọng công nghiệp - xây dựng "
                 "và dịch vụ.",
                 "Về văn hoá - xã hội: chất lượng giáo dục toàn diện được nâng lên, 78% trường học đạt chuẩn quốc gia.",
                 "Về quốc phòng - an ninh: tình hình an ninh chính trị, trật tự an toàn xã hội được giữ vững.",
                 "Về xây dựng Đảng và hệ thống chính trị: công tác chính trị tư tưởng được chú trọng."),
    "P1.III.3": ("Chương trình phát triển hạ tầng giao thông nông thôn được tập trung đầu tư, đã bê tông hóa thêm "
                 "38 km đường giao thông.",
                 "Nhiệm vụ đột phá về cải cách hành chính có chuyển biến rõ nét; chỉ số hài lòng của người dân đạt 86%.",
                 "Chương trình xây dựng nông thôn mới tiếp tục được duy trì, có thêm 04 xã đạt chuẩn nông thôn mới "
                 "nâng cao."),
    "P1.IV": ("Cấp ủy đã ban hành chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh và Nghị quyết Đại "
              "hội XIII của Đảng phù hợp với điều kiện của đơn vị.",),
    "P1.IV.1": ("Tập trung triển khai các nhiệm vụ trọng tâm theo chương trình hành động của Tỉnh ủy, trong đó ưu "
                "tiên phát triển kinh tế gắn với bảo vệ môi trường.",
                "Phối hợp với các sở, ngành của tỉnh đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm."),
    "P1.IV.2": ("Tham gia thực hiện 03 nhiệm vụ đột phá chiến lược của tỉnh, nhất là đột phá về hạ tầng và nguồn "
                "nhân lực.",
                "Hoàn thành đầu tư tuyến đường liên xã kết nối với quốc lộ, góp phần thu hút các nhà đầu tư."),
    "P1.IV.3": ("Triển khai thực hiện nghiêm túc Nghị quyết số 08-NQ/TU của Tỉnh ủy về phát triển du lịch và các đề "
                "án chuyên đề của tỉnh.",
                "Đã sơ kết 02 năm thực hiện các kết luận của Ban Thường vụ Tỉnh ủy, rút ra nhiều kinh nghiệm thiết "
                "thực."),
    "P1.V": ("Qua nửa nhiệm kỳ, có thể rút ra một số đánh giá chung như sau:",),
    "P1.V.1": ("Các cấp ủy đảng đã bám sát Nghị quyết, chủ động đề ra nhiều giải pháp sáng tạo, phù hợp.",
               "Kinh tế duy trì tăng trưởng, đời sống vật chất và tinh thần của Nhân dân từng bước được cải thiện.",
               "Công tác xây dựng Đảng được quan tâm; khối đại đoàn kết toàn dân được củng cố."),
    "P1.V.2": ("Một số chỉ tiêu về kinh tế chưa đạt yêu cầu; thu hút đầu tư còn hạn chế.",
               "Công tác cải cách hành chính ở một số cơ quan chuyển biến chậm.",
               "Năng lực lãnh đạo của một số tổ chức cơ sở đảng chưa đáp ứng yêu cầu nhiệm vụ."),
    "P1.V.3": ("Nguyên nhân khách quan: tác động của đại dịch Covid-19 và thiên tai kéo dài.",
               "Nguyên nhân chủ quan: một số cấp ủy, người đứng đầu chưa quyết liệt trong lãnh đạo, chỉ đạo."),
    "P1.V.4": ("Nguồn lực đầu tư còn hạn hẹp, chủ yếu trông chờ vào ngân sách cấp trên.",
               "Một số quy định về đất đai, đầu tư còn chồng chéo, gây khó khăn trong tổ chức thực hiện."),
    "P2": ("Để hoàn thành thắng lợi Nghị quyết, trong thời gian tới cần tập trung thực hiện tốt các nhiệm vụ, giải "
           "pháp sau:",),
    "P2.I": ("Tiếp tục đổi mới phương thức lãnh đạo của Đảng, nâng cao năng lực lãnh đạo và sức chiến đấu của tổ "
             "chức cơ sở đảng.",
             "Tập trung tháo gỡ khó khăn cho sản xuất, kinh doanh; đẩy mạnh thu hút đầu tư vào các cụm công nghiệp.",
             "Chăm lo phát triển văn hóa, giáo dục, y tế; thực hiện tốt chính sách an sinh xã hội.",
             "Giữ vững quốc phòng, an ninh, bảo đảm trật tự an toàn xã hội trên địa bàn."),
    "P2.II": ("Đề nghị Tỉnh ủy, Ủy ban nhân dân tỉnh quan tâm bố trí nguồn vốn cho các công trình hạ tầng trọng điểm.",
              "Đề nghị các sở, ngành hướng dẫn tháo gỡ vướng mắc trong công tác bồi thường, giải phóng mặt bằng."),
}

# Body lines that look like headings or labels but are not.
LABEL_LIKE = (
    "2022 là năm có nhiều khó khăn do giá xăng dầu, vật tư tăng cao.",
    "1.250 hộ gia đình được hỗ trợ cải thiện nhà ở trong giai đoạn 2021 - 2023.",
    "3 nhiệm vụ đột phá được cụ thể hóa thành các chương trình, đề án riêng.",
    "100% tổ chức cơ sở đảng đã xây dựng kế hoạch thực hiện Nghị quyết.",
)
BULLETS = (
    "- Tập trung phát triển công nghiệp chế biến nông sản;",
    "- Đẩy mạnh chuyển đổi số trong các cơ quan đảng, chính quyền;",
    "+ Năm 2021: kết nạp 186 đảng viên mới;",
    "+ Năm 2022: kết nạp 201 đảng viên mới.",
)
SUBHEADS_III2 = ("Lĩnh vực kinh tế", "Lĩnh vực văn hóa - xã hội", "Quốc phòng, an ninh", "Xây dựng Đảng, hệ thống chính trị")
PROGRAMS = ("Chương trình phát triển hạ tầng giao thông.", "Chương trình xây dựng nông thôn mới.",
            "Chương trình phát triển nguồn nhân lực.")
CLOSING_SENTENCE = "Trên đây là báo cáo sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội của {body}."
RECIPIENTS = ("Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (b/c),", "- Ban Tổ chức Tỉnh ủy,", "- Văn phòng Tỉnh ủy,",
              "- Lưu VT.")
