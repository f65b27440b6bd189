"""Words of the third realistic corpus: unit letterheads, heading wordings and body sentences.

Written independently of tests/docgen and tests/realistic. `{dv}` is the unit's short name
("huyện", "Đảng bộ Quân sự tỉnh"), `{n}`, `{m}`, `{p}` are numbers filled per document.
"""
from __future__ import annotations

# unit id -> (superior line, unit line, short name used in sentences, signatory body, place)
UNITS = {
    "dai-loc": ("ĐẢNG BỘ TỈNH QUẢNG NAM", "HUYỆN ỦY ĐẠI LỘC", "huyện", "BAN THƯỜNG VỤ", "Đại Lộc"),
    "duy-xuyen": ("ĐẢNG BỘ TỈNH QUẢNG NAM", "HUYỆN ỦY DUY XUYÊN", "huyện", "BAN THƯỜNG VỤ", "Duy Xuyên"),
    "thang-binh": ("ĐẢNG BỘ TỈNH QUẢNG NAM", "HUYỆN ỦY THĂNG BÌNH", "huyện", "BAN THƯỜNG VỤ", "Thăng Bình"),
    "que-son": ("TỈNH ỦY QUẢNG NAM", "HUYỆN ỦY QUẾ SƠN", "huyện", "BAN THƯỜNG VỤ", "Quế Sơn"),
    "nui-thanh": ("ĐẢNG BỘ TỈNH QUẢNG NAM", "HUYỆN ỦY NÚI THÀNH", "huyện", "BAN THƯỜNG VỤ", "Núi Thành"),
    "tien-phuoc": ("ĐẢNG BỘ TỈNH QUẢNG NAM", "HUYỆN ỦY TIÊN PHƯỚC", "huyện", "BAN THƯỜNG VỤ", "Tiên Phước"),
    "nam-giang": ("ĐẢNG BỘ TỈNH QUẢNG NAM", "HUYỆN ỦY NAM GIANG", "huyện", "BAN THƯỜNG VỤ", "Nam Giang"),
    "tp-tam-ky": ("ĐẢNG BỘ TỈNH QUẢNG NAM", "THÀNH ỦY TAM KỲ", "thành phố", "BAN THƯỜNG VỤ", "Tam Kỳ"),
    "tp-hoi-an": ("ĐẢNG BỘ TỈNH QUẢNG NAM", "THÀNH ỦY HỘI AN", "thành phố", "BAN THƯỜNG VỤ", "Hội An"),
    "tx-dien-ban": ("ĐẢNG BỘ TỈNH QUẢNG NAM", "THỊ ỦY ĐIỆN BÀN", "thị xã", "BAN THƯỜNG VỤ", "Điện Bàn"),
    "hoa-vang": ("ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG", "HUYỆN ỦY HÒA VANG", "huyện", "BAN THƯỜNG VỤ", "Hòa Vang"),
    "qs-tinh": ("ĐẢNG BỘ TỈNH QUẢNG NAM", "ĐẢNG ỦY QUÂN SỰ TỈNH", "Đảng bộ Quân sự tỉnh", "ĐẢNG ỦY", "Tam Kỳ"),
    "ca-tinh": ("ĐẢNG BỘ TỈNH QUẢNG NAM", "ĐẢNG ỦY CÔNG AN TỈNH", "Đảng bộ Công an tỉnh", "BAN THƯỜNG VỤ", "Tam Kỳ"),
    "khoi-cq-dn": ("ĐẢNG BỘ TỈNH QUẢNG NAM", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH",
                   "Đảng bộ Khối", "BAN THƯỜNG VỤ", "Tam Kỳ"),
    # not in the registry: a commune under Đại Lộc, a district of Đà Nẵng (truth unit: null)
    None: ("ĐẢNG BỘ HUYỆN ĐẠI LỘC", "ĐẢNG ỦY XÃ ĐẠI HIỆP", "xã", "BAN THƯỜNG VỤ", "Đại Hiệp"),
    "hai-chau": ("ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG", "QUẬN ỦY HẢI CHÂU", "quận", "BAN THƯỜNG VỤ", "Hải Châu"),
}

# Heading words of de-cuong-huyen as a unit writes them; several wordings per node.
HEADINGS = {
    "P1": ["TÌNH HÌNH THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ {DV} NHIỆM KỲ 2020 - 2025, NGHỊ QUYẾT ĐẠI HỘI "
           "ĐẢNG BỘ TỈNH LẦN THỨ XIV VÀ NGHỊ QUYẾT ĐẠI HỘI XIII CỦA ĐẢNG",
           "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ {DV} NHIỆM KỲ 2020 - 2025"],
    "P1.I": ["Bối cảnh thực hiện nghị quyết", "Bối cảnh thực hiện Nghị quyết Đại hội"],
    "P1.I.1": ["Khái quát đặc điểm tình hình", "Khái quát đặc điểm, tình hình của {dv}"],
    "P1.I.2": ["Bối cảnh thực hiện; những thuận lợi, khó khăn", "Những thuận lợi, khó khăn"],
    "P1.II": ["Công tác lãnh đạo, chỉ đạo triển khai thực hiện Nghị quyết Đại hội Đảng bộ {dv} nhiệm kỳ "
              "2020 - 2025, Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội XIII của Đảng",
              "Công tác lãnh đạo, chỉ đạo triển khai thực hiện nghị quyết"],
    "P1.II.1": ["Công tác lãnh đạo, chỉ đạo và kết quả tổ chức học tập, quán triệt, tuyên truyền Nghị quyết",
                "Việc tổ chức học tập, quán triệt, tuyên truyền Nghị quyết"],
    "P1.II.2": ["Công tác lãnh đạo, chỉ đạo và kết quả cụ thể hóa Nghị quyết",
                "Công tác cụ thể hoá nghị quyết thành chương trình, kế hoạch"],
    "P1.II.3": ["Công tác kiểm tra, giám sát việc thực hiện", "Công tác kiểm tra, giám sát việc thực hiện nghị quyết"],
    "P1.III": ["Kết quả thực hiện các mục tiêu, nhiệm vụ, giải pháp thực hiện Nghị quyết Đại hội Đảng bộ {dv} "
               "nhiệm kỳ 2020 - 2025",
               "Kết quả thực hiện các mục tiêu, nhiệm vụ, giải pháp theo Nghị quyết Đại hội Đảng bộ {dv}"],
    "P1.III.1": ["Kết quả thực hiện các chỉ tiêu chủ yếu", "Về thực hiện các chỉ tiêu chủ yếu"],
    "P1.III.2": ["Kết quả thực hiện nhiệm vụ trọng tâm", "Kết quả thực hiện các nhiệm vụ trọng tâm"],
    "P1.III.3": ["Kết quả thực hiện chương trình trọng điểm, nhiệm vụ đột phá",
                 "Kết quả thực hiện các chương trình trọng điểm và nhiệm vụ đột phá"],
    "P1.IV": ["Kết quả thực hiện chương trình hành động, kế hoạch thực hiện Nghị quyết Đại hội Đảng bộ tỉnh "
              "lần thứ XIV và Nghị quyết Đại hội XIII của Đảng",
              "Kết quả thực hiện chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV "
              "và Nghị quyết Đại hội XIII của Đảng"],
    "P1.IV.1": ["Kết quả thực hiện nhiệm vụ trọng tâm", "Kết quả thực hiện nhiệm vụ trọng tâm"],
    "P1.IV.2": ["Kết quả thực hiện chương trình trọng điểm, nhiệm vụ đột phá chiến lược",
                "Việc thực hiện các chương trình trọng điểm, nhiệm vụ đột phá chiến lược"],
    "P1.IV.3": ["Kết quả thực hiện các nghị quyết chuyên đề, đề án, kết luận của Tỉnh ủy",
                "Kết quả thực hiện các nghị quyết chuyên đề, đề án của Tỉnh ủy"],
    "P1.V": ["Đánh giá chung", "Đánh giá chung"],
    "P1.V.1": ["Ưu điểm", "Những kết quả đạt được"],
    "P1.V.2": ["Hạn chế, khuyết điểm", "Tồn tại, hạn chế"],
    "P1.V.3": ["Nguyên nhân của những hạn chế, khuyết điểm", "Nguyên nhân của hạn chế, khuyết điểm"],
    "P1.V.4": ["Những khó khăn vướng mắc", "Những khó khăn, vướng mắc"],
    "P2": ["NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU ĐẾN NĂM 2025", "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐẾN NĂM 2025"],
    "P2.I": ["Nhiệm vụ và giải pháp chủ yếu đến năm 2025", "Nhiệm vụ, giải pháp chủ yếu từ nay đến năm 2025"],
    "P2.II": ["Kiến nghị, đề xuất", "Đề xuất, kiến nghị"],
}

CITY_HEADINGS = {
    "P1": ["BÁO CÁO SƠ KẾT GIỮA NHIỆM KỲ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ XIII CỦA ĐẢNG VÀ NGHỊ QUYẾT "
           "ĐẠI HỘI LẦN THỨ XXII ĐẢNG BỘ THÀNH PHỐ, NHIỆM KỲ 2020 - 2025",
           "SƠ KẾT GIỮA NHIỆM KỲ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI XIII CỦA ĐẢNG VÀ NGHỊ QUYẾT ĐẠI HỘI XXII "
           "ĐẢNG BỘ THÀNH PHỐ"],
    "P1.1": ["Kết quả thực hiện Chương trình hành động số 01-CTr/TU, Chương trình hành động số 08-CTr/TU và "
             "Kết luận số 201-KL/TU của Thành ủy về triển khai thực hiện Nghị quyết Đại hội lần thứ XIII của "
             "Đảng, Nghị quyết Đại hội lần thứ XXII Đảng bộ thành phố",
             "Kết quả thực hiện Chương trình hành động số 01-CTr/TU, số 08-CTr/TU và Kết luận số 201-KL/TU "
             "của Thành ủy"],
    "P1.2": ["Kết quả thực hiện 3 nhiệm vụ trọng tâm, đột phá theo Nghị quyết Đại hội lần thứ XXII Đảng bộ "
             "thành phố gắn với kết quả thực hiện 10 chương trình, 02 kế hoạch thực hiện Nghị quyết số "
             "43-NQ/TW của Bộ Chính trị",
             "Kết quả thực hiện 03 nhiệm vụ trọng tâm, đột phá gắn với 10 chương trình, 02 kế hoạch thực "
             "hiện Nghị quyết 43-NQ/TW"],
    "P1.3": ["Đề xuất điều chỉnh, bổ sung các quan điểm, mục tiêu, chỉ tiêu và nhiệm vụ, giải pháp đáp ứng "
             "yêu cầu thực tiễn",
             "Đề xuất điều chỉnh, bổ sung mục tiêu, chỉ tiêu, nhiệm vụ và giải pháp"],
    "P1.4": ["Các kiến nghị, đề xuất với Trung ương", "Kiến nghị, đề xuất với Trung ương và thành phố"],
    "P2": ["BÁO CÁO KIỂM ĐIỂM GIỮA NHIỆM KỲ SỰ LÃNH ĐẠO, CHỈ ĐẠO CỦA BAN CHẤP HÀNH ĐẢNG BỘ {DV} "
           "NHIỆM KỲ 2020 - 2025",
           "KIỂM ĐIỂM SỰ LÃNH ĐẠO, CHỈ ĐẠO CỦA BAN CHẤP HÀNH ĐẢNG BỘ {DV} GIỮA NHIỆM KỲ 2020 - 2025"],
    "P3": ["CÁC PHỤ LỤC", "PHỤ LỤC"],
}

# Body sentences per node (first sentences first); they end with a full stop and are long.
BODY = {
    "P1.I": ["Nửa đầu nhiệm kỳ 2020 - 2025 diễn ra trong bối cảnh tình hình thế giới, trong nước có nhiều "
             "diễn biến phức tạp, khó lường, tác động nhiều mặt đến đời sống nhân dân trên địa bàn {dv}."],
    "P1.I.1": ["{Dv} có diện tích tự nhiên {n} km², dân số trên {m}.000 người, gồm {p} đơn vị hành chính; "
               "toàn Đảng bộ có {m}.{n} đảng viên sinh hoạt tại {p} tổ chức cơ sở đảng.",
               "Kinh tế của {dv} tiếp tục duy trì tăng trưởng khá, cơ cấu kinh tế chuyển dịch đúng hướng, "
               "đời sống vật chất và tinh thần của nhân dân từng bước được cải thiện.",
               "Tình hình an ninh chính trị, trật tự an toàn xã hội cơ bản ổn định; khối đại đoàn kết toàn "
               "dân tộc được củng cố, niềm tin của nhân dân đối với Đảng được nâng lên."],
    "P1.I.2": ["Bên cạnh những thuận lợi cơ bản, {dv} cũng gặp không ít khó khăn do ảnh hưởng nặng nề của "
               "đại dịch Covid-19, thiên tai, bão lũ liên tiếp xảy ra trong các năm 2020, 2022.",
               "Giá cả vật tư, nguyên liệu đầu vào tăng cao; nguồn lực đầu tư còn hạn chế, trong khi nhu cầu "
               "đầu tư phát triển kết cấu hạ tầng kinh tế - xã hội rất lớn."],
    "P1.II": ["Ngay sau Đại hội, Ban Chấp hành Đảng bộ {dv} đã tập trung lãnh đạo, chỉ đạo triển khai "
              "thực hiện nghị quyết một cách đồng bộ, quyết liệt, có trọng tâm, trọng điểm."],
    "P1.II.1": ["Ban Thường vụ đã ban hành kế hoạch tổ chức học tập, quán triệt và tuyên truyền Nghị quyết "
                "Đại hội đến toàn thể cán bộ, đảng viên và các tầng lớp nhân dân.",
                "Tỷ lệ cán bộ, đảng viên tham gia học tập đạt {p}%, cao hơn so với nhiệm kỳ trước; nội dung "
                "tuyên truyền được đổi mới, phù hợp với từng đối tượng."],
    "P1.II.2": ["Trên cơ sở Nghị quyết Đại hội, Ban Chấp hành đã cụ thể hóa thành {p} chương trình, đề án "
                "và kế hoạch để lãnh đạo, chỉ đạo thực hiện trong cả nhiệm kỳ.",
                "Hằng năm, Ban Thường vụ ban hành chương trình công tác toàn khóa và phân công nhiệm vụ cụ thể "
                "cho các đồng chí ủy viên phụ trách từng lĩnh vực."],
    "P1.II.3": ["Công tác kiểm tra, giám sát được tăng cường; đã kiểm tra {n} tổ chức đảng và {m} đảng viên, "
                "giám sát chuyên đề {p} tổ chức đảng về việc thực hiện nghị quyết.",
                "Qua kiểm tra, giám sát đã kịp thời chấn chỉnh những hạn chế, thiếu sót, góp phần nâng cao "
                "hiệu quả lãnh đạo của các cấp ủy, tổ chức đảng."],
    "P1.III": ["Mặc dù còn nhiều khó khăn, nhưng với sự nỗ lực của cả hệ thống chính trị, việc thực hiện "
               "các mục tiêu, nhiệm vụ, giải pháp của nghị quyết đạt được những kết quả quan trọng."],
    "P1.III.1": ["Trong tổng số {p} chỉ tiêu chủ yếu, đến nay có {n} chỉ tiêu đạt và vượt, các chỉ tiêu còn "
                 "lại có khả năng đạt vào cuối nhiệm kỳ.",
                 "Tốc độ tăng giá trị sản xuất bình quân đạt {p},{n}%/năm; thu ngân sách nhà nước trên địa bàn "
                 "năm 2022 đạt {m} tỷ đồng, tăng {n}% so với năm 2020."],
    "P1.III.2": ["Công tác xây dựng Đảng và hệ thống chính trị được chú trọng; chất lượng sinh hoạt chi bộ "
                 "từng bước được nâng lên, đã kết nạp {m} đảng viên mới.",
                 "Kinh tế tiếp tục phát triển, sản xuất nông nghiệp theo hướng hàng hóa, ứng dụng công nghệ "
                 "cao; công nghiệp, tiểu thủ công nghiệp được quan tâm đầu tư."],
    "P1.III.3": ["Chương trình xây dựng nông thôn mới được triển khai quyết liệt; đến nay có {n} xã đạt chuẩn "
                 "nông thôn mới, {p} xã đạt chuẩn nông thôn mới nâng cao.",
                 "Nhiệm vụ đột phá về phát triển kết cấu hạ tầng được tập trung chỉ đạo, đã đầu tư {m} công "
                 "trình giao thông, thủy lợi với tổng vốn trên {n}0 tỷ đồng."],
    "P1.IV": ["Thực hiện Chương trình hành động của Tỉnh ủy, {dv} đã cụ thể hóa các nhiệm vụ phù hợp với "
              "tình hình thực tế của địa phương, đơn vị."],
    "P1.IV.1": ["Các nhiệm vụ trọng tâm theo chương trình hành động của Tỉnh ủy được triển khai đồng bộ, "
                "trong đó chú trọng phát triển du lịch, dịch vụ và kinh tế nông nghiệp.",
                "Đã phối hợp với các sở, ngành của tỉnh triển khai {p} dự án trọng điểm trên địa bàn."],
    "P1.IV.2": ["Ba nhiệm vụ đột phá chiến lược của tỉnh được cụ thể hóa bằng các kế hoạch của {dv}, bước "
                "đầu tạo chuyển biến rõ nét về cải cách hành chính và phát triển nguồn nhân lực.",
                "Chỉ số năng lực cạnh tranh cấp huyện được cải thiện, năm 2022 xếp thứ {p}/18 huyện, thị xã, "
                "thành phố."],
    "P1.IV.3": ["Triển khai thực hiện {p} nghị quyết chuyên đề, {n} đề án của Tỉnh ủy, bước đầu mang lại "
                "hiệu quả thiết thực trên các lĩnh vực.",
                "Việc thực hiện Kết luận của Tỉnh ủy về phát triển kinh tế vùng tây được quan tâm chỉ đạo."],
    "P1.V": ["Nhìn chung, sau nửa nhiệm kỳ, việc thực hiện nghị quyết đạt nhiều kết quả tích cực trên hầu "
             "hết các lĩnh vực."],
    "P1.V.1": ["Công tác lãnh đạo, chỉ đạo của cấp ủy các cấp có nhiều đổi mới, sâu sát, quyết liệt; kinh tế "
               "duy trì tăng trưởng, văn hóa - xã hội có bước phát triển.",
               "Quốc phòng, an ninh được giữ vững; công tác xây dựng Đảng và hệ thống chính trị được quan tâm "
               "đúng mức."],
    "P1.V.2": ["Một số chỉ tiêu đạt thấp so với nghị quyết; tốc độ tăng trưởng kinh tế chưa tương xứng với "
               "tiềm năng, lợi thế.",
               "Công tác giải phóng mặt bằng một số dự án còn chậm; năng lực lãnh đạo của một số tổ chức cơ sở "
               "đảng còn hạn chế."],
    "P1.V.3": ["Nguyên nhân khách quan là do tác động của đại dịch Covid-19 và thiên tai; nguồn lực đầu tư "
               "còn hạn chế.",
               "Nguyên nhân chủ quan là một số cấp ủy, người đứng đầu chưa thật sự quyết liệt, thiếu sâu sát "
               "trong lãnh đạo, chỉ đạo."],
    "P1.V.4": ["Một số cơ chế, chính sách còn chồng chéo, chưa phù hợp với thực tiễn; thủ tục đầu tư, đất "
               "đai còn vướng mắc, kéo dài."],
    "P2": ["Để hoàn thành thắng lợi nghị quyết, trong thời gian còn lại của nhiệm kỳ, cần tập trung thực "
           "hiện tốt các nhiệm vụ, giải pháp sau đây."],
    "P2.I": ["Tiếp tục đổi mới phương thức lãnh đạo của Đảng, nâng cao năng lực lãnh đạo và sức chiến đấu "
             "của tổ chức cơ sở đảng, chất lượng đội ngũ cán bộ, đảng viên.",
             "Tập trung phát triển kinh tế nhanh và bền vững; huy động mọi nguồn lực đầu tư phát triển kết cấu "
             "hạ tầng, nhất là hạ tầng giao thông, đô thị.",
             "Quan tâm phát triển văn hóa, xã hội, nâng cao đời sống vật chất và tinh thần của nhân dân; giữ "
             "vững quốc phòng, an ninh."],
    "P2.II": ["Đề nghị Tỉnh ủy, Ủy ban nhân dân tỉnh quan tâm bố trí nguồn vốn đầu tư các công trình trọng "
              "điểm trên địa bàn {dv}.",
              "Đề nghị các sở, ngành của tỉnh sớm tháo gỡ vướng mắc về đất đai, giải phóng mặt bằng các dự án."],
}

CITY_BODY = {
    "P1.1": ["Ngay sau khi Thành ủy ban hành Chương trình hành động số 01-CTr/TU, Ban Thường vụ {name} đã "
             "cụ thể hóa thành {p} kế hoạch để triển khai thực hiện.",
             "Tốc độ tăng trưởng giá trị sản xuất bình quân đạt {p},{n}%/năm; thu ngân sách năm 2022 đạt "
             "{m} tỷ đồng, vượt {n}% dự toán."],
    "P1.2": ["Nhiệm vụ phát triển kinh tế số, xây dựng đô thị thông minh được tập trung chỉ đạo; đến nay "
             "{p}% hồ sơ thủ tục hành chính được xử lý trực tuyến.",
             "Thực hiện 10 chương trình, 02 kế hoạch thực hiện Nghị quyết số 43-NQ/TW, {dv} đã triển khai "
             "{n} công trình, dự án trên địa bàn."],
    "P1.3": ["Đề nghị điều chỉnh chỉ tiêu tốc độ tăng trưởng kinh tế bình quân giai đoạn 2020 - 2025 cho phù "
             "hợp với tình hình thực tế sau đại dịch Covid-19."],
    "P1.4": ["Đề nghị Trung ương sớm ban hành cơ chế, chính sách đặc thù cho thành phố; hoàn thiện quy định "
             "về tổ chức chính quyền đô thị."],
    "P2": ["Ban Chấp hành Đảng bộ {dv} khóa XXII đã lãnh đạo thực hiện đạt và vượt {n}/{p} chỉ tiêu; giữ "
           "vững nguyên tắc tập trung dân chủ trong hoạt động.",
           "Bên cạnh đó, việc lãnh đạo một số nhiệm vụ còn chậm, chưa tạo được đột phá; công tác phối hợp "
           "giữa các cơ quan có lúc chưa chặt chẽ."],
    "P3": ["(Kèm theo Báo cáo số {m}-BC/HU ngày 20/7/2023 của Ban Thường vụ {name})"],
}

# A unit's own numbered lists inside outline nodes: short items, some without a full stop.
LISTS = {
    "P1.II.1": ["Tổ chức {n} hội nghị quán triệt nghị quyết cho {m}.{p}0 cán bộ, đảng viên",
                "Ban hành {p} kế hoạch tuyên truyền nghị quyết trên các phương tiện thông tin",
                "Biên soạn tài liệu hỏi - đáp về nghị quyết phát hành đến các chi bộ"],
    "P1.II.2": ["Ban hành {p} chương trình hành động và {n} đề án thực hiện nghị quyết",
                "Kết quả thực hiện nhiệm vụ chính trị của địa phương năm 2021",
                "Kết quả thực hiện nhiệm vụ chính trị của địa phương năm 2022"],
    "P1.III.2": ["Về phát triển kinh tế nông nghiệp gắn với xây dựng nông thôn mới",
                 "Về công tác xây dựng Đảng, chính quyền và hệ thống chính trị",
                 "Về quốc phòng, an ninh và trật tự an toàn xã hội"],
    "P1.V.1": ["Công tác lãnh đạo, chỉ đạo triển khai thực hiện nghị quyết được quan tâm",
               "Kết quả thực hiện các chỉ tiêu chủ yếu cơ bản đạt yêu cầu đề ra",
               "Khối đại đoàn kết toàn dân được củng cố"],
    "P2.I": ["Kiến nghị, đề xuất các giải pháp tháo gỡ khó khăn cho sản xuất",
             "Đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư",
             "Tăng cường công tác kiểm tra, giám sát việc thực hiện nghị quyết"],
}

SUBHEADINGS = {
    "P1.III.2": ["Về kinh tế", "Về văn hóa - xã hội", "Về quốc phòng, an ninh"],
    "P1.1": ["Lĩnh vực kinh tế", "Lĩnh vực văn hóa - xã hội", "Công tác xây dựng Đảng, hệ thống chính trị"],
    "P2": ["Ưu điểm", "Hạn chế, khuyết điểm và nguyên nhân", "Bài học kinh nghiệm"],
}
