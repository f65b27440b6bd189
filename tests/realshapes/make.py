"""Write the real-shaped corpus (issue 11) with its truth: .docx + .json per document.

    .venv/bin/python -m tests.realshapes.make OUT_DIR [--docs 60] [--seed 7]

Kinds, each in several wordings and layouts (letterheads in a table with Shift+Enter inside cells, with
cell paragraphs, as body paragraphs with line breaks, or as one line with a tab; signatures in a table or as
paragraphs):
  decision   QUYẾT ĐỊNH … "QUYẾT ĐỊNH:" … Điều 1. … Điều 3., Nơi nhận + T/M / K/T signature
  rules      QUY CHẾ … Chương … Điều … "Quyền …", "Quy trình …" lines, after a decision or alone
  report     an outline report whose "Kiến nghị, đề xuất" holds "Quy hoạch chung …" lines and whose
             signature is "T/M CẤP UỶ CƠ SỞ" (or another), a table of people in the body
  students   a student or Youth Union report: non-registry letterhead, short lines ("I", "KH"), a table
             of students with student numbers, a reference list with years
  form       a legal form (đơn): national motto typed with Shift+Enter, "ÔNG …", "Công nhận …"
  state      a People's Committee (UBND) decision naming a registry place: not the Party committee
  lower      a Party cell or commune committee under a registry district: not the district
Registry units must be identified; every other letterhead must identify no unit.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

from tests.realshapes.writer import Doc, P, T, truth, write

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("decision", "rules", "report", "students", "form", "state", "lower")
MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương")
MIDDLE = ("Văn", "Thị", "Minh", "Ngọc", "Thanh", "Đức", "Hữu", "Thu", "Quốc", "Kim")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Hà", "Hiếu", "Khoa", "Lan", "Long", "Mai", "Nam", "Oanh", "Phúc", "Quân",
         "Sơn", "Tâm", "Trang", "Vinh", "Yến", "Tuấn")
SCHOOLS = ("TRƯỜNG ĐẠI HỌC SƯ PHẠM", "TRƯỜNG ĐẠI HỌC KINH TẾ", "TRƯỜNG CAO ĐẲNG CÔNG NGHỆ", "HỌC VIỆN CHÍNH TRỊ KHU VỰC III")
FACULTIES = ("KHOA NGỮ VĂN", "KHOA KẾ TOÁN", "KHOA LÝ LUẬN CHÍNH TRỊ", "KH & CN")


def registry() -> list[dict]:
    """The shipped units registry (id, ten, aliases)."""
    with open(ROOT / "data" / "units" / "don-vi.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _place(unit: dict) -> str:
    words = unit["ten"].split()
    return " ".join(words[2:]) if words[0] in ("Huyện", "Thành", "Thị") else unit["ten"]


def unit_lines(unit: dict, rng: random.Random) -> list[str]:
    """How a registry unit writes itself in its letterhead: one or two lines, upper case."""
    names = [unit["ten"]] + [a for a in unit["bi_danh"].split(";") if a and "&" not in a]
    name = rng.choice(names).upper()
    if name.startswith(("ĐẢNG ỦY", "ĐẢNG BỘ")) and rng.random() < 0.5:
        return ["ĐẢNG BỘ TỈNH QUẢNG NAM", name]
    if rng.random() < 0.4:
        return ["ĐẢNG BỘ TỈNH QUẢNG NAM", name]
    return [name]


def letterhead(rng: random.Random, left: list[str], right: list[str], number: str, date: str) -> tuple[list, str]:
    """Letterhead items in one of four layouts, and the layout's name. left/right: lines of each half."""
    left = left + ["*", number]
    right = right + ["", date]
    layout = rng.choice(("table_br", "table_para", "paragraph_br", "tab_line"))
    if layout in ("table_br", "table_para"):
        return [T((("\n".join(left), "\n".join(x for x in right if x)),), "front",
                  breaks="br" if layout == "table_br" else "para")], layout
    if layout == "paragraph_br":
        return [P("\n".join(left), "front", bold=True), P("\n".join(x for x in right if x), "front", bold=True)], layout
    return ([P(f"{left[0]}\t\t{right[0]}", "front", bold=True)] + [P(x, "front", bold=True) for x in left[1:]]
            + [P(x, "front", italic=True) for x in right[1:] if x]), layout


def signature(rng: random.Random, on_behalf: str, title: str, recipients: list[str]) -> tuple[list, str]:
    """Recipients and signature: a two-column table (Shift+Enter or cell paragraphs) or paragraphs."""
    signer = person(rng)
    sign = [on_behalf] + ([title] if title else []) + ["(Đã ký)" if rng.random() < 0.3 else "", signer]
    sign = [s for s in sign if s]
    layout = rng.choice(("table_br", "table_para", "paragraphs", "sign_first"))
    if layout.startswith("table"):
        return [T((("\n".join(recipients), "\n".join(sign)),), "closing",
                  breaks="br" if layout == "table_br" else "para")], layout
    if layout == "sign_first":
        return [P(s, "closing", bold=True, center=True) for s in sign] + [P(r, "closing") for r in recipients], layout
    return [P(r, "closing", bold=r.endswith(":")) for r in recipients] + \
        [P(s, "closing", bold=True, center=True) for s in sign], layout


def recipients(rng: random.Random, first: str = "- Như Điều 3;") -> list[str]:
    lines = [rng.choice(("Nơi nhận:", "Nơi nhận :", "NƠI NHẬN:")), first,
             rng.choice(("- Ban Thường vụ Tỉnh ủy (b/c);", "- Thường trực Tỉnh ủy (b/c),")),
             rng.choice(("- Lưu VT.", "- Lưu Văn phòng.", "- Lưu hồ sơ."))]
    return lines


def _date(rng: random.Random, place: str) -> str:
    return f"{place}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {rng.choice((2021, 2022, 2023))}"


def _long(rng: random.Random, subject: str) -> str:
    """A body sentence long enough to be prose (more than 25 words)."""
    verbs = ("lãnh đạo, chỉ đạo", "tổ chức quán triệt, triển khai", "kiểm tra, đôn đốc", "hướng dẫn, theo dõi")
    return (f"{subject} có trách nhiệm {rng.choice(verbs)} thực hiện nghiêm túc các nội dung đã đề ra, bảo đảm "
            f"đúng nguyên tắc, quy trình, thủ tục theo quy định của Điều lệ Đảng và hướng dẫn của cấp trên; định kỳ "
            f"{rng.choice(('6 tháng', 'hằng quý', 'hằng năm'))} báo cáo kết quả về Ban Thường vụ để theo dõi, chỉ đạo.")


# ---------------------------------------------------------------- kinds


def decision(rng: random.Random, unit: dict | None, head: list[str], place: str, sym: str,
             issuer: str | None = None) -> list:
    """A decision of a Party committee (or a state body): title, 'Về việc', bases, 'QUYẾT ĐỊNH:', articles."""
    subject = rng.choice(("ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ nhiệm kỳ 2020 - 2025",
                          "thành lập Đoàn kiểm tra việc thực hiện Nghị quyết Đại hội",
                          "kiện toàn Ban Chỉ đạo xây dựng nông thôn mới",
                          "công nhận kết quả đánh giá, xếp loại tổ chức đảng năm 2022"))
    resolution = issuer is None and rng.random() < 0.4           # a resolution: "NGHỊ QUYẾT" … "QUYẾT NGHỊ:"
    title, verb = ("NGHỊ QUYẾT", "QUYẾT NGHỊ") if resolution else ("QUYẾT ĐỊNH", "QUYẾT ĐỊNH")
    items = [P(title, bold=True, center=True), P(f"Về việc {subject}", italic=True, center=True),
             P(f"-----\n{issuer or rng.choice(('BAN THƯỜNG VỤ', 'BAN CHẤP HÀNH', 'THƯỜNG TRỰC')) + ' ' + head[-1]}",
               bold=True, center=True),
             P("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"),
             P(f"- Căn cứ Quy định số {rng.randint(20, 300)}-QĐ/TW ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/2021 "
               f"của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"),
             P(rng.choice(("- Xét đề nghị của Ban Tổ chức,", "- Theo đề nghị của Văn phòng,", "Xét đề nghị của Ủy "
                           "ban Kiểm tra,"))),
             P(rng.choice((f"{verb}:", f"{verb} :", verb)), bold=True, center=True)]
    articles = [f"Điều 1. {subject[0].upper()}{subject[1:]}" + rng.choice(("", " (có danh sách kèm theo).")),
                "Điều 2. " + _long(rng, rng.choice(("Các đồng chí có tên tại Điều 1", "Ban Chỉ đạo", "Đoàn kiểm tra"))),
                "Điều 3. Văn phòng, các ban xây dựng Đảng, các chi bộ, đảng bộ trực thuộc và các đồng chí có tên tại "
                "Điều 1 căn cứ Quyết định thi hành. Quyết định có hiệu lực kể từ ngày ký."]
    items += [P(a) for a in articles]
    return items


def rules(rng: random.Random, head: list[str]) -> list:
    """A set of rules: 'QUY CHẾ', chapters, articles with 'Quyền …' and 'Quy trình …' lines."""
    items = [P("QUY CHẾ", bold=True, center=True),
             P(rng.choice(("Làm việc của Ban Chấp hành Đảng bộ nhiệm kỳ 2020 - 2025",
                           "Phối hợp giữa Ủy ban Kiểm tra và các ban xây dựng Đảng",
                           "Quản lý, sử dụng tài chính đảng")), bold=True, center=True),
             P(f"(Ban hành kèm theo Quyết định số {rng.randint(10, 400)}-QĐ/{head[-1].split()[0][:2]} "
               f"ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/2021)", italic=True, center=True)]
    for n, (chapter, arts) in enumerate([("QUY ĐỊNH CHUNG", ["Phạm vi điều chỉnh", "Nguyên tắc làm việc"]),
                                         ("NHIỆM VỤ, QUYỀN HẠN", ["Quyền và trách nhiệm của tập thể",
                                                                  "Quy trình giải quyết công việc"])], 1):
        items += [P(f"Chương {'I' * n}", bold=True, center=True), P(chapter, bold=True, center=True)]
        for k, art in enumerate(arts, 2 * n - 1):
            items.append(P(f"Điều {k}. {art}", bold=True))
            items.append(P(_long(rng, rng.choice(("Ban Chấp hành", "Ban Thường vụ", "Thường trực", "Các cơ quan tham mưu")))))
            items.append(P(rng.choice(("Quyền của đảng viên được bảo đảm theo Điều lệ Đảng.",
                                       "Quy trình gồm các bước: chuẩn bị, thảo luận, biểu quyết và ban hành.",
                                       "Quyết định của tập thể được thông báo bằng văn bản đến các tổ chức đảng.",
                                       "Quy định này được phổ biến đến toàn thể cán bộ, đảng viên."))))
    return items


REPORT_HEADS = (("I. BỐI CẢNH THỰC HIỆN NGHỊ QUYẾT", "P1.I"), ("II. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT", "P1.II"),
                ("III. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP", "P1.III"),
                ("1. Kết quả thực hiện các chỉ tiêu chủ yếu", "P1.III.1"), ("IV. ĐÁNH GIÁ CHUNG", "P1.V"))
# Catalog indicators a report states in its indicator table: (id, name as written, unit, target, result)
INDICATORS = (("budget_revenue", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "1.200", "1.286"),
              ("trained_labour", "Tỷ lệ lao động qua đào tạo", "%", "70", "72,5"),
              ("health_insurance", "Tỷ lệ dân số tham gia BHYT", "%", "95", "93,2"),
              ("ntm_communes", "Số xã đạt chuẩn nông thôn mới", "xã", "12", "10"))


def indicator_table(rng: random.Random) -> T:
    """A real indicator table: its readings must survive the non-value filter."""
    rows = [("STT", "Chỉ tiêu", "ĐVT", "Nghị quyết đề ra", "Thực hiện 2022")]
    for n, (_, name, unit, target, value) in enumerate(rng.sample(INDICATORS, 3), 1):
        rows.append((str(n), name, unit, target, value))
    return T(tuple(rows), "body", borderless=False, bold_first_row=True)


def report(rng: random.Random, unit: dict | None, head: list[str]) -> list:
    """An outline report (Phần thứ nhất/thứ hai) with people tables and citations among its indicators,
    and 'Quy hoạch chung …' lines in Kiến nghị."""
    items = [P("BÁO CÁO", bold=True, center=True),
             P("Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội\nnhiệm kỳ 2020 - 2025", bold=True, center=True),
             P("PHẦN THỨ NHẤT\nTÌNH HÌNH THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI", bold=True, center=True, heading="P1")]
    for title, node in REPORT_HEADS:
        items.append(P(title, bold=True, heading=node))
        items.append(P(_long(rng, rng.choice(("Ban Chấp hành", "Ban Thường vụ", "Các tổ chức cơ sở đảng")))))
        if node == "P1.II":
            items.append(P("Danh sách cán bộ được cử đi học lớp trung cấp lý luận chính trị:", nonvalue=True))
            items.append(people_table(rng, rng.choice(("birth", "phone", "party_card", "tasks"))))
        if node == "P1.III.1":
            items.append(indicator_table(rng))
            items.append(P("Các đồng chí được khen thưởng trong thực hiện chỉ tiêu:", nonvalue=True))
            items.append(people_table(rng, rng.choice(("tasks", "evaluation", "birth_result"))))
            items += references(rng)[1:3]
    items += [P("PHẦN THỨ HAI\nNHIỆM VỤ, GIẢI PHÁP ĐẾN NĂM 2025", bold=True, center=True, heading="P2"),
              P("I. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", bold=True, heading="P2.I"),
              P(_long(rng, "Các cấp ủy, tổ chức đảng")),
              P(rng.choice(("II. KIẾN NGHỊ, ĐỀ XUẤT", "II. KIẾN NGHỊ", "II. ĐỀ XUẤT, KIẾN NGHỊ")), bold=True,
                heading="P2.II")]
    items += [P(x) for x in rng.sample([
        "Quy hoạch chung đô thị của huyện đã lạc hậu, cần được điều chỉnh cho phù hợp với tình hình mới.",
        "Quy hoạch chung xây dựng các xã nông thôn mới cần được điều chỉnh, bổ sung.",
        "Quyền tự chủ của các đơn vị sự nghiệp công lập cần được mở rộng.",
        "Quy trình thẩm định dự án đầu tư còn kéo dài, đề nghị tỉnh rút ngắn thời gian.",
        "QUY ĐỊNH về phân cấp quản lý cán bộ cần sớm được sửa đổi.",
        "Thay mặt nhân dân trong huyện, đề nghị Tỉnh ủy quan tâm đầu tư tuyến đường ĐT609.",
        "Đề nghị Tỉnh ủy quan tâm hỗ trợ kinh phí đầu tư hạ tầng giao thông nông thôn."], 4)]
    return items


def people_table(rng: random.Random, shape: str) -> T:
    """A table of people: numbers there are record data (birth year, phone, party card), not values."""
    header = {"birth": ("STT", "Họ và tên", "Năm sinh", "Chức vụ", "Ghi chú"),
              "phone": ("TT", "Họ và tên", "Đơn vị", "Số điện thoại"),
              "party_card": ("STT", "Họ tên", "Số thẻ đảng viên", "Ngày vào Đảng"),
              "student": ("STT", "Họ và tên", rng.choice(("MSSV", "Mã số sinh viên", "Mã SV")), "Lớp",
                          rng.choice(("Điểm", "Kết quả học tập", "Kết quả"))),
              "tasks": ("TT", "Họ và tên", "Năm sinh", rng.choice(("Kế hoạch", "Nhiệm vụ được giao (KH)")),
                        rng.choice(("Kết quả", "Kết quả thực hiện"))),
              "evaluation": ("STT", "Họ và tên", "Năm vào Đảng", "Kết quả đánh giá"),
              "birth_result": ("STT", "Họ và tên đảng viên", "Năm sinh", "Thực hiện")}[shape]
    rows = [header]
    for i in range(1, rng.randint(4, 8)):
        name = rng.choice(("", "", "Đ/c ", "Ông ")) + person(rng) if shape != "student" else person(rng)
        cell = {"birth": (str(i), name, str(rng.randint(1965, 1998)), rng.choice(("Phó Bí thư", "Ủy viên", "Chủ tịch "
                                                                              "UBND xã", "Trưởng ban")), ""),
                "phone": (str(i), name, rng.choice(("Xã Đại Hiệp", "Phòng Nội vụ", "Hội Nông dân")),
                          f"09{rng.randint(0, 9)}{rng.randint(1000000, 9999999)}"),
                "party_card": (f"{i}.", name, f"{rng.randint(10, 99)}.{rng.randint(100000, 999999)}",
                               f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1990, 2020)}"),
                "student": (str(i), name, str(rng.randint(2011000000, 2121999999)),
                            f"{rng.randint(18, 21)}{rng.choice(('CT', 'KT', 'NV'))}{rng.randint(1, 4)}",
                            f"{rng.randint(5, 9)},{rng.randint(0, 9)}"),
                "tasks": (str(i), name, str(rng.randint(1965, 2000)), str(rng.randint(1, 3)), str(rng.choice(
                    (rng.randint(1, 3), rng.randint(1965, 2000))))),
                "evaluation": (str(i), name, str(rng.randint(1985, 2020)), rng.choice((
                    "Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành nhiệm vụ"))),
                "birth_result": (str(i), name, str(rng.randint(1965, 2000)), str(rng.randint(1965, 2000)))}[shape]
        rows.append(cell)
    return T(tuple(rows), "body", borderless=False, bold_first_row=True, nonvalue=True)


def references(rng: random.Random) -> list:
    """A reference list: authors, years, page counts: citations, never readings."""
    works = ("Giáo trình Lịch sử Đảng Cộng sản Việt Nam", "Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII",
             "Tư tưởng Hồ Chí Minh về xây dựng Đảng", "Kinh tế phát triển", "Phương pháp nghiên cứu khoa học")
    out = [P(rng.choice(("TÀI LIỆU THAM KHẢO", "DANH MỤC TÀI LIỆU THAM KHẢO")), bold=True, center=True)]
    for i in range(1, rng.randint(4, 7)):
        year = rng.randint(1995, 2022)
        style = rng.randint(0, 2)
        if style == 0:
            text = f"{i}. {person(rng)} ({year}), {rng.choice(works)}, NXB Chính trị quốc gia, Hà Nội, {rng.randint(120, 600)} tr."
        elif style == 1:
            text = f"[{i}] {rng.choice(works)} ({year}), Nxb. Giáo dục, tập {rng.randint(1, 3)}, tr. {rng.randint(10, 300)}."
        else:
            text = f"{i}. Đảng Cộng sản Việt Nam ({year}), {rng.choice(works)}, Nxb. CTQG, Hà Nội."
        out.append(P(text, nonvalue=True))
    return out


def students(rng: random.Random) -> tuple[list, list[str], list[str]]:
    """A student or Youth Union report: school letterhead, short lines, a student table, references."""
    left = [rng.choice(SCHOOLS), rng.choice(FACULTIES)]
    items = [P(rng.choice(("BÁO CÁO THỰC TẬP TỐT NGHIỆP", "BÁO CÁO TỔNG KẾT HOẠT ĐỘNG ĐOÀN")), bold=True, center=True),
             P(rng.choice(("I", "KH", "II")), bold=True),
             P("Sinh viên thực hiện: " + person(rng)),
             P("I. KẾT QUẢ HỌC TẬP CỦA LỚP", bold=True),
             P("Kết quả học tập học kỳ I năm học 2022 - 2023 của các sinh viên như sau:"),
             people_table(rng, "student"),
             P("Công nhận " + str(rng.randint(5, 30)) + " sinh viên đạt danh hiệu sinh viên 5 tốt cấp trường."),
             *references(rng)]
    return items, left, [NATION]


def form(rng: random.Random) -> list:
    """A legal form (đơn): national motto in a cell typed with Shift+Enter, 'ÔNG', 'Công nhận …'."""
    place = rng.choice(("Đại Lộc", "Hội An", "Tam Kỳ", "Duy Xuyên"))
    title = rng.choice(("ĐƠN KHỞI KIỆN", "ĐƠN XIN LY HÔN", "ĐƠN ĐỀ NGHỊ"))
    items = [T(((NATION,),), "front", breaks=rng.choice(("br", "para"))), P(title, bold=True, center=True),
             P(f"Kính gửi: Tòa án nhân dân huyện {place}", bold=True),
             P("ÔNG", bold=True), P(f"Họ và tên: {person(rng)}\tSinh năm: {rng.randint(1960, 2000)}"),
             P(f"Số CCCD: {rng.randint(10**11, 10**12 - 1)}\tNgày cấp: {rng.randint(1, 28)}/{rng.randint(1, 12)}/2021"),
             P("BÀ", bold=True), P(f"Họ và tên: {person(rng)}\tSinh năm: {rng.randint(1960, 2000)}"),
             P("Công nhận thuận tình ly hôn và sự thỏa thuận của các đương sự về nuôi con, chia tài sản."),
             P(f"Con chung: {rng.randint(1, 3)} con, sinh năm {rng.randint(2005, 2020)}."),
             P("NGƯỜI LÀM ĐƠN\n(Ký, ghi rõ họ tên)", "closing", bold=True, center=True),
             P(person(rng), "closing", bold=True, center=True)]
    return items


def build(i: int, kind: str, rng: random.Random, units: list[dict]) -> Doc:
    """One document of a kind, its letterhead, body and closing, with its truth."""
    unit = rng.choice(units) if kind in ("decision", "rules", "report") else None
    features: list[str] = []
    if kind == "students":
        body, left, right = students(rng)
        number = f"Số: {rng.randint(1, 90)}/BC-ĐTN"
        closing = [P("GIẢNG VIÊN HƯỚNG DẪN", "closing", bold=True, center=True), P(person(rng), "closing", center=True)]
    elif kind == "form":
        doc = Doc(f"rs{i:03d}-{kind}", kind, None, form(rng), ["form"])
        return doc
    else:
        if unit is not None:
            left = unit_lines(unit, rng)
            place = _place(unit) if unit["cap"] == "huyen" else "Tam Kỳ"
        elif kind == "state":
            place = rng.choice(("Đại Lộc", "Quế Sơn", "Núi Thành", "Tiên Phước"))
            left = rng.choice(([f"ỦY BAN NHÂN DÂN\nHUYỆN {place.upper()}"], [f"UBND HUYỆN {place.upper()}"],
                               [f"HỘI ĐỒNG NHÂN DÂN HUYỆN {place.upper()}"], [f"TRƯỜNG THPT {place.upper()}"]))
            left = left[0].split("\n")
        else:                                   # lower: a committee under a registry district
            place = rng.choice(("Đại Lộc", "Quế Sơn", "Duy Xuyên", "Thăng Bình"))
            left = [f"ĐẢNG BỘ HUYỆN {place.upper()}",
                    rng.choice(("ĐẢNG ỦY XÃ ĐẠI HIỆP", "CHI BỘ TRƯỜNG THPT SỐ 2", "ĐẢNG ỦY THỊ TRẤN NAM PHƯỚC",
                                "CHI BỘ THÔN 3"))]
        sym = "QĐ-UBND" if kind == "state" else "QĐ/HU" if unit is None or unit["cap"] == "huyen" else "QĐ/ĐU"
        number = f"Số {rng.randint(1, 900)}-{'BC' if kind == 'report' else 'QĐ'}/{sym.split('/')[-1]}"
        right = [MOTTO] if kind != "state" else [NATION]
        if kind == "state":
            body = decision(rng, unit, left, place, sym, rng.choice(("ỦY BAN NHÂN DÂN", "CHỦ TỊCH ỦY BAN NHÂN DÂN"))
                            + f" HUYỆN {place.upper()}")
        elif kind in ("decision", "lower"):
            body = decision(rng, unit, left, place, sym)
        elif kind == "rules":
            body = rules(rng, left)
            if rng.random() < 0.5:              # the decision that issues the rules, its signature, then the rules
                first, _ = signature(rng, "T/M BAN THƯỜNG VỤ", "BÍ THƯ", recipients(rng))
                body = decision(rng, unit, left, place, sym) + [_as_body(x) for x in first] + body
                features.append("rules_after_decision")
        else:
            body = report(rng, unit, left)
        on_behalf, title = rng.choice((("T/M BAN THƯỜNG VỤ", "BÍ THƯ"), ("T/M CẤP UỶ CƠ SỞ", "BÍ THƯ"),
                                       ("T/M ĐẢNG ỦY", "PHÓ BÍ THƯ"), ("K/T BÍ THƯ", "PHÓ BÍ THƯ"),
                                       ("TM. HUYỆN ỦY", "BÍ THƯ"), ("T/M BAN CHẤP HÀNH", "")))
        if kind == "state":
            on_behalf, title = rng.choice((("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")))
        closing, sig_layout = signature(rng, on_behalf, title, recipients(rng))
        features.append(f"signature:{sig_layout}")
    head, layout = letterhead(rng, left, right, number, _date(rng, "Đại Lộc"))
    features.append(f"letterhead:{layout}")
    return Doc(f"rs{i:03d}-{kind}", kind, unit["id"] if unit else None, head + body + closing, features)


def _as_body(item):
    """A closing item of an earlier part of the document (the decision before its rules) is body."""
    return P(item.text, "body", item.bold, item.center, item.italic) if isinstance(item, P) else \
        T(item.rows, "body", item.breaks, item.borderless)


def generate(out_dir: Path, n: int = 60, seed: int = 7) -> list[Path]:
    """Write n documents (every kind in turn) and their truth into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    units = registry()
    paths = []
    for i in range(n):
        rng = random.Random(seed * 100_003 + i)
        doc = build(i, KINDS[i % len(KINDS)], rng, units)
        path = out_dir / f"{doc.name}.docx"
        path.write_bytes(write(doc))
        path.with_suffix(".json").write_text(json.dumps(truth(doc), ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    print(len(generate(args.out, args.docs, args.seed)), "documents in", args.out)


if __name__ == "__main__":
    main()
