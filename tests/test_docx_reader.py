"""The reader on XML fragments built inline: fonts, merged cells, text boxes, footnotes."""
import io
import zipfile

import pytest

from tonghop.parsers.docx_reader import DocxError, read_docx
from tonghop.parsers.legacy import encode

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')


def docx(body: str, styles: str = "", footnotes: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
        if styles:
            z.writestr("word/styles.xml", f"<w:styles {NS}>{styles}</w:styles>")
        if footnotes:
            z.writestr("word/footnotes.xml", f"<w:footnotes {NS}>{footnotes}</w:footnotes>")
    return buf.getvalue()


def run(text: str, font: str | None = None, bold: bool = False) -> str:
    rpr = ""
    if font or bold:
        rpr = "<w:rPr>" + (f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else "") + ("<w:b/>" if bold else "") + "</w:rPr>"  # noqa: E501
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def p(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{('<w:pPr>' + ppr + '</w:pPr>') if ppr else ''}{''.join(runs)}</w:p>"


def texts(blocks):
    return [b.text for b in blocks if b.kind == "p"]


def test_legacy_runs_are_decoded_by_font_in_a_mixed_paragraph():
    from xml.sax.saxutils import escape
    body = p(run(escape(encode("Ban Chấp hành ", "tcvn3")), ".VnTime"),
             run(escape(encode("ĐẢNG BỘ", "tcvn3h")), ".VnTimeH"),
             run(escape(encode(" huyện Đại Lộc", "vni")), "VNI-Times"), run(" năm 2023"))
    blocks, warnings = read_docx(docx(body))
    assert texts(blocks) == ["Ban Chấp hành ĐẢNG BỘ huyện Đại Lộc năm 2023"]
    assert blocks[0].raw and any("TCVN3" in str(w) for w in warnings) and any("VNI" in str(w) for w in warnings)


def test_bold_from_style_and_outline_level_from_style():
    styles = ('<w:style w:type="paragraph" w:styleId="TD1"><w:name w:val="Tieu de 1"/>'
              '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>')
    blocks, _ = read_docx(docx(p(run("BỐI CẢNH"), ppr='<w:pStyle w:val="TD1"/>'), styles))
    assert blocks[0].bold and blocks[0].outline_level == 0 and blocks[0].style == "Tieu de 1"


def test_merged_cells_are_expanded_and_nested_tables_kept():
    def cell(t, pr=""):
        return f"<w:tc><w:tcPr>{pr}</w:tcPr>{p(run(t))}</w:tc>"
    nested = f"<w:tbl><w:tr>{cell('n1')}{cell('n2')}</w:tr></w:tbl>"
    restart, span2 = '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="2"/>'
    rows = (f"<w:tr>{cell('Chỉ tiêu', restart)}{cell('Kết quả', span2)}</w:tr>"
            f"<w:tr>{cell('', '<w:vMerge/>')}{cell('2022')}{cell('2023')}</w:tr>"
            f"<w:tr>{cell('GRDP')}{cell('6,8')}<w:tc>{p(run('7,1'))}{nested}</w:tc></w:tr>")
    blocks, _ = read_docx(docx(f"<w:tbl>{rows}</w:tbl>"))
    tables = [b.table for b in blocks if b.kind == "table"]
    assert tables[0].rows == (("Chỉ tiêu", "Kết quả", "Kết quả"), ("Chỉ tiêu", "2022", "2023"), ("GRDP", "6,8", "7,1"))
    assert tables[1].rows == (("n1", "n2"),)


def test_text_box_once_despite_fallback_and_footnote_after_its_paragraph():
    def box():
        return f"<w:txbxContent>{p(run('Trong khung'))}</w:txbxContent>"
    alt = (f"<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{box()}</w:drawing></mc:Choice>"
           f"<mc:Fallback><w:pict>{box()}</w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    fn = '<w:footnote w:id="2">' + p(run("Số liệu Cục Thống kê.")) + "</w:footnote>"
    body = p(run("Đoạn có khung"), alt) + p(run("Đoạn có chú thích"), '<w:r><w:footnoteReference w:id="2"/></w:r>')
    blocks, _ = read_docx(docx(body, footnotes=fn))
    assert [(b.text, b.origin) for b in blocks] == [
        ("Đoạn có khung", "body"), ("Trong khung", "textbox"),
        ("Đoạn có chú thích", "body"), ("Số liệu Cục Thống kê.", "footnote")]


def test_deleted_text_is_not_read_and_inserted_text_is():
    body = p(run("Giữ "), "<w:del><w:r><w:delText>xoá</w:delText></w:r></w:del>", f"<w:ins>{run('thêm')}</w:ins>")
    assert texts(read_docx(docx(body))[0]) == ["Giữ thêm"]


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04garbage", b"<html>", docx("")[:40]],
                         ids=["empty", "zip-garbage", "html", "truncated-docx"])   # stable ids for xdist
def test_unreadable_bytes_raise_docx_error(data):
    with pytest.raises(DocxError):
        read_docx(data)


def test_zip_without_document_part():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "x")
    with pytest.raises(DocxError, match="document.xml"):
        read_docx(buf.getvalue())


def test_entity_expansion_is_not_performed():
    bomb = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", bomb + f"<w:document {NS}><w:body>{p(run('&c;'))}</w:body></w:document>")
    try:
        blocks, _ = read_docx(buf.getvalue())
    except DocxError:
        return                                   # refusing the document is fine too
    assert all(len(b.text) < 100 for b in blocks)


def test_oversized_part_is_refused(monkeypatch):
    import tonghop.parsers.docx_reader as reader
    monkeypatch.setattr(reader, "MAX_XML_BYTES", 100)
    with pytest.raises(DocxError, match="quá lớn"):
        read_docx(docx(p(run("x" * 500))))


def test_corrupt_numbering_and_footnotes_are_warnings_and_the_body_is_kept():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", f"<w:document {NS}><w:body>{p(run('Nội dung còn nguyên'))}</w:body></w:document>")
        z.writestr("word/numbering.xml", "<w:numbering broken")
        z.writestr("word/footnotes.xml", "not xml at all")
    blocks, warnings = read_docx(buf.getvalue())
    assert texts(blocks) == ["Nội dung còn nguyên"]
    assert sum("hỏng" in str(w) for w in warnings) == 2


def test_footnote_and_text_box_in_a_table_cell_are_kept_in_the_cell():
    fn = '<w:footnote w:id="3">' + p(run("Nguồn: Chi cục Thống kê.")) + "</w:footnote>"
    ref = '<w:r><w:footnoteReference w:id="3"/></w:r>'
    cell = f"<w:tc>{p(run('6,8%'), ref)}</w:tc>"
    blocks, _ = read_docx(docx(f"<w:tbl><w:tr><w:tc>{p(run('GRDP'))}</w:tc>{cell}</w:tr></w:tbl>", footnotes=fn))
    assert blocks[0].table.rows == (("GRDP", "6,8%\nNguồn: Chi cục Thống kê."),)


def test_plain_document_cells_read_fast_and_the_same():
    rows = "".join(f"<w:tr><w:tc>{p(run(f'Chỉ tiêu {i}'), run(' năm'))}</w:tc><w:tc>{p(run('1.234,5'))}</w:tc></w:tr>"
                   for i in range(3))
    blocks, _ = read_docx(docx(f"<w:tbl>{rows}</w:tbl>"))
    assert blocks[0].table.rows == tuple((f"Chỉ tiêu {i} năm", "1.234,5") for i in range(3))


def test_localised_default_style_carries_the_legacy_font_and_based_on_chains_resolve():
    from xml.sax.saxutils import escape
    styles = ('<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr></w:rPrDefault>'
              '</w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Binhthng"><w:name w:val="Normal"/>'
              '<w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Muc1"><w:name w:val="Muc 1"/><w:basedOn w:val="Binhthng"/>'
              '<w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>')
    body = p(run(escape(encode("Huyện có 18 xã", "tcvn3")))) + \
        p(run(escape(encode("Bối cảnh thực hiện", "tcvn3"))), ppr='<w:pStyle w:val="Muc1"/>')
    blocks, _ = read_docx(docx(body, styles))
    assert texts(blocks) == ["Huyện có 18 xã", "Bối cảnh thực hiện"]
    assert blocks[1].bold and blocks[1].outline_level == 1 and blocks[1].style == "Muc 1"


def test_damaged_archives_are_refused_cleanly_never_crash():
    """Byte damage anywhere in a real sample: a DocxError or a parse, never another exception."""
    import random
    from pathlib import Path
    sample = (Path(__file__).resolve().parent.parent / "data" / "samples" / "inbox" / "hoa-vang.docx").read_bytes()
    rnd = random.Random(1)
    refused = 0
    for _ in range(120):
        data = bytearray(sample)
        for _ in range(rnd.randint(1, 12)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
        if rnd.random() < 0.3:
            data = data[: rnd.randrange(len(data))]
        try:
            read_docx(bytes(data))
        except DocxError as exc:
            refused += 1
            assert " / " in str(exc) and "\n" not in str(exc)
    assert refused > 60


BR, TAB, PTAB, CR = "<w:r><w:br/></w:r>", "<w:r><w:tab/></w:r>", '<w:r><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/></w:r>', "<w:r><w:cr/></w:r>"  # noqa: E501
LEGACY_STYLE = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
                '<w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr></w:style>')


@pytest.mark.parametrize("styles", ["", LEGACY_STYLE], ids=["plain-fast-path", "runs-path"])
def test_breaks_and_tabs_are_whitespace_in_cells_body_boxes_and_footnotes(styles):
    from xml.sax.saxutils import escape
    def t(text):            # the same words stored in the document's encoding
        return run(escape(encode(text, "vni")) if styles else text)
    cell = p(t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), BR, t("Độc lập - Tự do - Hạnh phúc"))
    tabs = p(t("Số"), TAB, t("12-BC/HU"), PTAB, t("ngày"), CR, t("KT. CHỦ TỊCH"))
    box = ('<w:r><w:pict><w:txbxContent>' + p(t("ỦY BAN NHÂN DÂN"), BR, t("KT. CHỦ TỊCH"))
           + '</w:txbxContent></w:pict></w:r>')
    fn = '<w:footnote w:id="2">' + p(t("Nguồn:"), TAB, t("Cục Thống kê")) + "</w:footnote>"
    body = (f"<w:tbl><w:tr><w:tc>{cell}</w:tc><w:tc>{tabs}</w:tc></w:tr></w:tbl>"
            + p(t("HUYỆN ỦY ĐẠI LỘC"), BR, t("*"), BR, BR, t("Số 12"), box)
            + p('<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>', t("Đầu"), TAB, t("cuối"),
                '<w:r><w:footnoteReference w:id="2"/></w:r>'))
    blocks, _ = read_docx(docx(body, styles, footnotes=fn))
    assert blocks[0].table.rows == (("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                                     "Số 12-BC/HU ngày\nKT. CHỦ TỊCH"),)
    assert texts(blocks) == ["HUYỆN ỦY ĐẠI LỘC\n*\nSố 12", "ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "Đầu cuối",
                             "Nguồn: Cục Thống kê"]

# ---------------------------------------------------------------- format detection (what a file really is)

def test_foreign_formats_say_what_the_unit_should_do(tmp_path):
    import hostile

    from tonghop.parsers.docx_reader import DocxError, foreign_format_reason, read_docx
    encrypted = hostile.encrypted_ole()
    for data in (encrypted,):
        try:
            read_docx(data)
        except DocxError as exc:
            assert "có mật khẩu, hãy gỡ mật khẩu rồi gửi lại / password protected" in str(exc)
        else:
            raise AssertionError("an encrypted file was read")
    (tmp_path / "a.doc").write_bytes(encrypted)
    assert "password protected" in foreign_format_reason(tmp_path / "a.doc")
    (tmp_path / "b.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "Save As .docx" in foreign_format_reason(tmp_path / "b.doc")
    (tmp_path / "c.odt").write_bytes(b"PK\x03\x04")
    assert "(.odt)" in foreign_format_reason(tmp_path / "c.odt")


def test_a_docm_is_read_like_a_docx_with_a_warning():
    import hostile

    from tonghop.parsers.docx_reader import read_docx
    sample = hostile.SAMPLES / "hoa-vang.docx"
    blocks, warnings = read_docx(hostile.docm(sample))
    plain, plain_warnings = read_docx(sample.read_bytes())
    assert blocks == plain
    added = [str(w) for w in warnings if w not in plain_warnings]
    assert len(added) == 1 and "macro" in added[0] and len(warnings) == len(plain_warnings) + 1
