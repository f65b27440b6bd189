"""What a foreign-producer report says: paragraphs and tables with their truth, independent of the producer."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from tonghop.reference import load_units

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
LETTERS = "abcdefghiklmn"
PROVINCE = "QUẢNG NAM"


@dataclass(frozen=True)
class Para:
    """One body paragraph: its text as stored (an automatic label is not part of it) and its truth."""

    text: str
    section: str
    role: str = "body"
    look: str = "body"  # part | h1 | h2 | own | title | center | bold | bullet | item | right
    heading: bool = False
    node: str | None = None
    level: int | None = None
    label: str | None = None  # what the reader sees before the text (hand-written or automatic)
    auto: bool = False  # the label comes from automatic numbering, not from the text
    ordinal: int = 0  # the label's number (1 for "I.", "1.", "a)")
    origin: str = "body"  # body | textbox (inside a text frame anchored in the paragraph before)
    footnote: str | None = None


@dataclass(frozen=True)
class Cell:
    """A table cell as written: text and its spans."""

    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Table:
    """A table as written (rows of cells with spans) and its truth."""

    rows: tuple[tuple[Cell, ...], ...]
    section: str
    role: str
    borderless: bool = False


@dataclass
class Report:
    """A whole report: blocks in order, the look chosen and the features used."""

    unit_id: str
    blocks: list = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    mode: str = "styles_hand"


OUTLINE = [
    ("P1.I", "Bối cảnh thực hiện nghị quyết", [
        ("P1.I.1", "Khái quát đặc điểm tình hình"),
        ("P1.I.2", "Bối cảnh thực hiện; những thuận lợi, khó khăn")]),
    ("P1.II", "Công tác lãnh đạo, chỉ đạo triển khai thực hiện Nghị quyết Đại hội Đảng bộ huyện, thành phố "
              "nhiệm kỳ 2020 - 2025, Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội XIII của Đảng", [
        ("P1.II.1", "Công tác lãnh đạo, chỉ đạo và kết quả tổ chức học tập, quán triệt, tuyên truyền Nghị quyết"),
        ("P1.II.2", "Công tác lãnh đạo, chỉ đạo và kết quả cụ thể hoá Nghị quyết"),
        ("P1.II.3", "Công tác kiểm tra, giám sát việc thực hiện")]),
    ("P1.III", "Kết quả thực hiện các mục tiêu, nhiệm vụ, giải pháp thực hiện Nghị quyết Đại hội Đảng bộ huyện, "
               "thành phố nhiệm kỳ 2020 - 2025", [
        ("P1.III.1", "Kết quả thực hiện các chỉ tiêu chủ yếu"),
        ("P1.III.2", "Kết quả thực hiện nhiệm vụ trọng tâm"),
        ("P1.III.3", "Kết quả thực hiện chương trình trọng điểm, nhiệm vụ đột phá")]),
    ("P1.IV", "Kết quả thực hiện chương trình hành động, kế hoạch thực hiện Nghị quyết Đại hội Đảng bộ tỉnh "
              "lần thứ XIV và Nghị quyết Đại hội XIII của Đảng", [
        ("P1.IV.1", "Kết quả thực hiện nhiệm vụ trọng tâm"),
        ("P1.IV.2", "Kết quả thực hiện chương trình trọng điểm, nhiệm vụ đột phá chiến lược"),
        ("P1.IV.3", "Kết quả thực hiện các nghị quyết chuyên đề, đề án, kết luận của Tỉnh ủy")]),
    ("P1.V", "Đánh giá chung", [
        ("P1.V.1", "Ưu điểm"), ("P1.V.2", "Hạn chế, khuyết điểm"),
        ("P1.V.3", "Nguyên nhân của những hạn chế, khuyết điểm (khách quan, chủ quan)"),
        ("P1.V.4", "Những khó khăn vướng mắc")]),
]
P2 = [("P2.I", "Nhiệm vụ và giải pháp chủ yếu đến năm 2025"), ("P2.II", "Kiến nghị, đề xuất")]
P1_TITLE = ("Tình hình thực hiện Nghị quyết Đại hội Đảng bộ huyện, thành phố nhiệm kỳ 2020 - 2025, Nghị quyết "
            "Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội XIII của Đảng")
P2_TITLE = "Nhiệm vụ và giải pháp chủ yếu đến năm 2025"

REWORD = {
    "P1.I": ["Bối cảnh thực hiện Nghị quyết", "Bối cảnh, tình hình thực hiện nghị quyết"],
    "P1.II": ["Công tác lãnh đạo, chỉ đạo triển khai thực hiện nghị quyết",
              "Công tác lãnh đạo, chỉ đạo triển khai thực hiện NQ ĐH Đảng bộ huyện nhiệm kỳ 2020 - 2025, "
              "NQ ĐH Đảng bộ tỉnh lần thứ XIV và NQ ĐH XIII của Đảng"],
    "P1.III": ["Kết quả thực hiện các mục tiêu, nhiệm vụ, giải pháp",
               "Kết quả thực hiện các mục tiêu, nhiệm vụ, giải pháp thực hiện NQ ĐH Đảng bộ nhiệm kỳ 2020 - 2025"],
    "P1.III.1": ["Kết quả thực hiện các chỉ tiêu chủ yếu và dự ước cả năm 2023", "Về thực hiện các chỉ tiêu chủ yếu"],
    "P1.II.2": ["Công tác lãnh đạo, chỉ đạo và kết quả cụ thể hóa Nghị quyết"],
    "P1.IV": ["Kết quả thực hiện chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV "
              "và Nghị quyết Đại hội XIII của Đảng"],
    "P1.V.1": ["Những kết quả đạt được"],
    "P1.V.2": ["Tồn tại, hạn chế", "Hạn chế, khuyết điểm và nguyên nhân"],
    "P1.V.4": ["Những khó khăn, vướng mắc"],
    "P2.I": ["Nhiệm vụ, giải pháp chủ yếu từ nay đến năm 2025", "Nhiệm vụ và giải pháp chủ yếu đến năm 2025"],
    "P2.II": ["Kiến nghị, đề xuất", "Đề xuất, kiến nghị"],
}

PROSE = {
    "P1.I.1": ["{place} có diện tích tự nhiên 587 km², dân số trung bình năm 2022 là 158.420 người, có 18 đơn vị "
               "hành chính cấp xã; toàn Đảng bộ có 52 tổ chức cơ sở đảng với 6.214 đảng viên.",
               "Kinh tế của địa phương chủ yếu dựa vào nông nghiệp, tiểu thủ công nghiệp và dịch vụ; cơ sở hạ tầng "
               "từng bước được đầu tư nhưng chưa đồng bộ."],
    "P1.I.2": ["Nửa đầu nhiệm kỳ diễn ra trong bối cảnh đại dịch Covid-19 tác động nặng nề đến mọi mặt đời sống, "
               "giá cả nguyên vật liệu tăng cao, thiên tai diễn biến phức tạp.",
               "Được sự quan tâm lãnh đạo của Tỉnh ủy, sự đồng thuận của Nhân dân, Đảng bộ đã tập trung lãnh đạo "
               "thực hiện đạt nhiều kết quả quan trọng."],
    "P1.II.1": ["Ngay sau Đại hội, Ban Thường vụ đã tổ chức hội nghị quán triệt, triển khai Nghị quyết cho "
                "1.250 cán bộ chủ chốt; 100% chi bộ tổ chức học tập cho đảng viên.",
                "Công tác tuyên truyền được thực hiện đa dạng trên hệ thống truyền thanh, trang thông tin điện tử "
                "và mạng xã hội."],
    "P1.II.2": ["Ban Chấp hành đã ban hành Chương trình hành động số 01-CTr/HU và 05 nghị quyết chuyên đề, "
                "12 đề án, kế hoạch để cụ thể hóa Nghị quyết.",
                "Các cấp ủy cơ sở đã xây dựng chương trình, kế hoạch phù hợp với điều kiện thực tế của địa phương."],
    "P1.II.3": ["Ủy ban Kiểm tra đã tham mưu kiểm tra, giám sát 34 tổ chức đảng và 57 đảng viên về việc "
                "thực hiện Nghị quyết, qua đó kịp thời chấn chỉnh những thiếu sót."],
    "P1.III.1": ["Trong tổng số 21 chỉ tiêu chủ yếu, đến nay có 12 chỉ tiêu đạt và vượt, 6 chỉ tiêu có khả năng "
                 "đạt, 3 chỉ tiêu khó đạt.",
                 "Tốc độ tăng giá trị sản xuất bình quân đạt 7,2%/năm; thu nhập bình quân đầu người năm 2022 "
                 "đạt 52,4 triệu đồng."],
    "P1.III.2": ["Kinh tế tiếp tục phát triển, cơ cấu kinh tế chuyển dịch đúng hướng; sản xuất nông nghiệp "
                 "gắn với xây dựng nông thôn mới được quan tâm.",
                 "Công tác xây dựng Đảng và hệ thống chính trị được chú trọng; quốc phòng, an ninh được giữ vững."],
    "P1.III.3": ["Chương trình phát triển hạ tầng giao thông được triển khai với 46 công trình, tổng vốn "
                 "đầu tư 612 tỷ đồng.",
                 "Nhiệm vụ đột phá về cải cách hành chính đạt kết quả bước đầu, mức độ hài lòng của người dân "
                 "đạt 86,5%."],
    "P1.IV.1": ["Đảng bộ đã tập trung thực hiện các nhiệm vụ trọng tâm theo Chương trình hành động của "
                "Tỉnh ủy, gắn với điều kiện cụ thể của địa phương."],
    "P1.IV.2": ["Ba khâu đột phá chiến lược của tỉnh được cụ thể hóa bằng các kế hoạch, đề án; nhiều công trình "
                "hạ tầng kết nối vùng được khởi công."],
    "P1.IV.3": ["Thực hiện Nghị quyết số 05-NQ/TU của Tỉnh ủy, đến nay đã hoàn thành 8/10 nhiệm vụ đề ra.",
                "Các đề án, kết luận của Tỉnh ủy được triển khai kịp thời, đúng tiến độ."],
    "P1.V.1": ["Nửa nhiệm kỳ qua, dù gặp nhiều khó khăn nhưng Đảng bộ đã lãnh đạo hoàn thành nhiều chỉ tiêu, "
               "nhiệm vụ quan trọng."],
    "P1.V.2": ["Một số chỉ tiêu chưa đạt theo lộ trình; công tác giải phóng mặt bằng còn chậm; chất lượng "
               "sinh hoạt chi bộ ở một số nơi chưa cao."],
    "P1.V.3": ["Nguyên nhân khách quan là do tác động của dịch bệnh, thiên tai; nguyên nhân chủ quan là "
               "một số cấp ủy chưa quyết liệt trong lãnh đạo, chỉ đạo."],
    "P1.V.4": ["Nguồn lực đầu tư còn hạn chế; cơ chế, chính sách về đất đai còn nhiều vướng mắc."],
    "P2.I": ["Tiếp tục đổi mới phương thức lãnh đạo của Đảng, nâng cao năng lực lãnh đạo và sức chiến đấu của "
             "tổ chức cơ sở đảng.",
             "Tập trung phát triển kinh tế nhanh và bền vững, huy động hiệu quả các nguồn lực đầu tư."],
    "P2.II": ["Đề nghị Tỉnh ủy, UBND tỉnh quan tâm hỗ trợ nguồn vốn đầu tư các công trình hạ tầng trọng điểm "
              "trên địa bàn."],
}
EXTRA_PROSE = ["2023 là năm bản lề, có ý nghĩa quan trọng trong việc thực hiện thắng lợi Nghị quyết.",
               "3 nhiệm vụ đột phá đều được cụ thể hóa bằng kế hoạch riêng.",
               "1.250 đảng viên được bồi dưỡng lý luận chính trị trong năm 2022."]
OWN_SUB = [("Về kinh tế", "Tổng giá trị sản xuất tăng 7,1%; thu ngân sách trên địa bàn vượt dự toán."),
           ("Về văn hóa - xã hội", "Công tác giáo dục, y tế được quan tâm; tỷ lệ hộ nghèo giảm còn 2,9%."),
           ("Về quốc phòng, an ninh", "Hoàn thành 100% chỉ tiêu giao quân; an ninh chính trị ổn định."),
           ("Về xây dựng Đảng và hệ thống chính trị", "Kết nạp 312 đảng viên mới, đạt 104% kế hoạch.")]
TASKS = [("Về công tác xây dựng Đảng và hệ thống chính trị",
          "Tiếp tục nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đảng viên."),
         ("Về phát triển kinh tế", "Tập trung tháo gỡ khó khăn cho sản xuất, kinh doanh; đẩy nhanh tiến độ các dự án."),
         ("Về văn hóa - xã hội", "Nâng cao chất lượng giáo dục, y tế; thực hiện tốt chính sách an sinh xã hội."),
         ("Về quốc phòng, an ninh", "Giữ vững ổn định chính trị, bảo đảm trật tự, an toàn xã hội trên địa bàn.")]
BULLETS = ["Tập trung chỉ đạo chuyển đổi số trong các cơ quan đảng, chính quyền.",
           "Đẩy mạnh cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh cấp huyện.",
           "Quan tâm công tác đào tạo, bồi dưỡng cán bộ trẻ, cán bộ nữ."]


def unit_names(unit_id: str) -> tuple[str, str, str]:
    """(registry name, letterhead name in capitals, place name) of a registered unit."""
    unit = next(u for u in load_units() if u.id == unit_id)
    name = unit.ten
    for prefix in ("Thành ủy ", "Thị ủy ", "Huyện ủy "):
        if name.startswith(prefix):
            return name, name.upper(), name[len(prefix):]
    return name, name.upper(), "Tam Kỳ"


def heading_text(node: str, title: str, rng: random.Random, features: list[str]) -> str:
    """A heading's words as a clerk writes them (exact, reworded, abbreviated, old tones)."""
    r = rng.random()
    if node in REWORD and r < 0.45:
        features.append("wording:reworded")
        return rng.choice(REWORD[node])
    if r < 0.55 and "hoá" in title:
        features.append("wording:new_tone")
        return title.replace("hoá", "hóa")
    if r < 0.6 and "Nghị quyết" in title:
        features.append("wording:abbreviated")
        return title.replace("Nghị quyết", "NQ").replace("Đại hội", "ĐH")
    return title


def roman_case(text: str, rng: random.Random, caps: bool) -> str:
    """Roman-level headings are usually typed in capitals."""
    return text.upper() if caps else text


def header_block(unit_id: str, rng: random.Random, features: list[str], frames: bool = False) -> list:
    """Letterhead (as a borderless table, as paragraphs, or with the right column in a text frame anchored in the
    first line), then title and opening."""
    name, upper, place = unit_names(unit_id)
    number = f"Số {rng.randint(80, 480)}-BC/{'TU' if 'Thành' in name else 'HU'}"
    date = f"{place}, ngày {rng.randint(1, 28)} tháng 7 năm 2023"
    over = f"ĐẢNG BỘ TỈNH {PROVINCE}"
    if rng.random() < 0.5:
        features.append("header_table")
        rows = ((Cell(over), Cell("ĐẢNG CỘNG SẢN VIỆT NAM")), (Cell(upper), Cell("")), (Cell("*"), Cell("")),
                (Cell(number), Cell(date)))
        blocks: list = [Table(rows, "front", "header", borderless=True)]
    elif frames and rng.random() < 0.6:
        features.append("header_text_frame")
        blocks = [Para(over, "front", "front", "center")]
        blocks += [Para(t, "front", "textbox", "frame", origin="textbox") for t in ("ĐẢNG CỘNG SẢN VIỆT NAM", date)]
        blocks += [Para(t, "front", "front", "center") for t in (upper, "*", number)]
    else:
        features.append("header_paragraphs")
        blocks = [Para(t, "front", "front", "center") for t in (over, upper, "*", number)]
        blocks += [Para("ĐẢNG CỘNG SẢN VIỆT NAM", "front", "front", "right"), Para(date, "front", "front", "right")]
    blocks += [Para("BÁO CÁO", "front", "title", "title"),
               Para("Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ huyện nhiệm kỳ 2020 - 2025, "
                    "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội XIII của Đảng",
                    "front", "title", "center"),
               Para("-----", "front", "front", "center"),
               Para(f"Thực hiện Kế hoạch số 152-KH/TU ngày 27/02/2023 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ "
                    f"{name} báo cáo kết quả sơ kết giữa nhiệm kỳ như sau:", "front", "front")]
    return blocks


def closing_block(unit_id: str, rng: random.Random, features: list[str]) -> list:
    """Recipients and signature, as a two-column table or as paragraphs."""
    left = ["Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (b/c),", "- Văn phòng Tỉnh ủy,", "- Lưu Văn phòng."]
    signer = rng.choice([["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"],
                         ["TM. BAN THƯỜNG VỤ", "BÍ THƯ"]])
    right = signer + [rng.choice(["Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Quang Minh"])]
    if rng.random() < 0.5:
        features.append("closing_table")
        return [Table(((Cell(" ".join(left)), Cell(" ".join(right))),), "back", "closing", borderless=True)]
    features.append("closing_paragraphs")
    return [Para(t, "back", "back") for t in left] + [Para(t, "back", "back", "center") for t in right]


def indicator_table() -> Table:
    """The indicator table with a two-row header (colspan and rowspan)."""
    head1 = (Cell("STT", rowspan=2), Cell("Chỉ tiêu", rowspan=2), Cell("ĐVT", rowspan=2),
             Cell("Nghị quyết đề ra", rowspan=2), Cell("Kết quả thực hiện", colspan=2), Cell("Đánh giá", rowspan=2))
    head2 = (Cell("Năm 2022"), Cell("Ước 2023"))
    data = [("1", "Tốc độ tăng giá trị sản xuất bình quân", "%", "8 - 8,5", "7,2", "7,5", "Khó đạt"),
            ("2", "Thu nhập bình quân đầu người", "triệu đồng", "60", "52,4", "56", "Có khả năng đạt"),
            ("3", "Tỷ lệ hộ nghèo giảm bình quân", "%", "1 - 1,5", "1,6", "1,5", "Vượt"),
            ("4", "Tỷ lệ che phủ rừng", "%", "60", "60,2", "60,3", "Đạt")]
    rows = (head1, head2) + tuple(tuple(Cell(v) for v in row) for row in data)
    return Table(rows, "P1.III.1", "indicators")


def expand(table: Table) -> list[list[str]]:
    """Logical rows: a spanned cell's text fills every grid cell it covers."""
    grid: dict[tuple[int, int], str] = {}
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    grid[(r + dr, c + dc)] = cell.text
            c += cell.colspan
    width = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(len(table.rows))]
