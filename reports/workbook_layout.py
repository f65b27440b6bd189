"""How the indicator workbook reads and prints: print setup, number formats by unit of measure, status
colours, the decision list, the achievement chart. Pure styling of openpyxl sheets already filled."""
from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from tonghop.aggregators.matching import unit_class

__all__ = [
    "achievement_chart", "coverage_fill", "decision_list", "input_columns", "number_format", "print_setup",
    "status_colours", "STATUS_COLOURS",
]

# status label prefix -> (fill, font colour); the labels are reports.labels.STATUS_LABEL's
STATUS_COLOURS = (("Vượt", "63BE7B", "0B3D17"), ("Đạt", "C6EFCE", "006100"), ("Có khả năng đạt", "DDEBB5", "3F5F00"),
                  ("Gần đạt", "FFEB9C", "7F6000"), ("Chưa đạt", "F8CBAD", "843C0C"), ("Khó đạt", "FFC7CE", "9C0006"))
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")       # cells an analyst fills in
INPUT_HEADER_FILL = PatternFill("solid", fgColor="FFD966")
COVERAGE_FILLS = ((0, "FFC7CE", "9C0006"), (1, "FFEB9C", "7F6000"), (3, "C6EFCE", "006100"))
PERCENT, MONEY, COUNT, OTHER = '0.0#"%"', "#,##0.0#", "#,##0", "#,##0.0#"


def number_format(dvt: str | None, tong_hop: str | None = None) -> str:
    """Excel number format for a value in this unit of measure: '6.8%', '1,234.5' (tỷ đồng), '2,500' (người)."""
    if tong_hop == "ty_le_dat":
        return PERCENT
    kind = unit_class(dvt) or ""
    if kind == "percent":
        return PERCENT
    if kind.startswith("money"):
        return MONEY
    if kind.startswith("count:"):
        return COUNT
    return OTHER


def _escape(text: str) -> str:
    return text.replace("&", "&&")


def print_setup(ws: Worksheet, title: str, period: str | None, as_of: str) -> None:
    """Landscape A4, one page wide, header row repeated, a header with the title, period and data time."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddHeader.left.text = _escape(title)
    ws.oddHeader.center.text = _escape(period or "")
    ws.oddHeader.right.text = _escape(f"Số liệu đến {as_of}")
    ws.oddFooter.center.text = "Trang &P/&N"


def status_colours(ws: Worksheet, columns: list[int], last_row: int) -> None:
    """Conditional formatting: status cells coloured by their label (vượt ... khó đạt)."""
    if not columns or last_row < 2:
        return
    ranges = " ".join(f"{get_column_letter(c)}2:{get_column_letter(c)}{last_row}" for c in columns)
    first = f"{get_column_letter(columns[0])}2"
    for label, fill, font in STATUS_COLOURS:
        style = DifferentialStyle(fill=PatternFill("solid", bgColor=fill, fgColor=fill), font=Font(color=font))
        rule = Rule(type="beginsWith", operator="beginsWith", text=label, dxf=style,
                    formula=[f'LEFT({first},{len(label)})="{label}"'])
        ws.conditional_formatting.add(ranges, rule)


def decision_list(ws: Worksheet, column: int, last_row: int, source: str) -> None:
    """Data validation on the analyst's decision column: a catalog id from `source` (a range) or '-'."""
    if last_row < 2:
        return
    dv = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                        errorTitle="Mã không hợp lệ", error="Chọn mã chỉ tiêu trong danh sách, hoặc '-' nếu không "
                        "phải chỉ tiêu trong danh mục / pick a catalog id or '-'",
                        promptTitle="Quyết định", prompt="Mã chỉ tiêu trong danh mục, hoặc '-'", showInputMessage=True)
    letter = get_column_letter(column)
    dv.add(f"{letter}2:{letter}{last_row}")
    ws.add_data_validation(dv)


def input_columns(ws: Worksheet, columns: list[int], last_row: int) -> None:
    """Columns an analyst fills in: a coloured header and cells."""
    for c in columns:
        ws.cell(1, c).fill = INPUT_HEADER_FILL
        for r in range(2, last_row + 1):
            ws.cell(r, c).fill = INPUT_FILL


def coverage_fill(ws: Worksheet, row: int, column: int, count: int | None) -> None:
    """A coverage cell coloured by how much the unit wrote there (none: red)."""
    if count is None:
        return
    fill, font = next((f, t) for floor, f, t in reversed(COVERAGE_FILLS) if count >= floor)
    cell = ws.cell(row, column)
    cell.fill = PatternFill("solid", fgColor=fill)
    cell.font = Font(color=font)


def achievement_chart(target: Worksheet, data: Worksheet, first_col: int, last_col: int, first_row: int,
                      last_row: int, anchor: str, width: float = 24.0) -> None:
    """A stacked bar chart, one bar per unit, of its indicators with a target by status group; the data are
    `data`'s columns first_col..last_col (header in first_row - 1, unit names in column 2)."""
    if last_row < first_row:
        return
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = "Kết quả thực hiện chỉ tiêu có mục tiêu, theo đơn vị"
    chart.y_axis.title = "Số chỉ tiêu"
    chart.x_axis.title = None
    values = Reference(data, min_col=first_col, max_col=last_col, min_row=first_row - 1, max_row=last_row)
    chart.add_data(values, titles_from_data=True)
    chart.set_categories(Reference(data, min_col=2, min_row=first_row, max_row=last_row))
    colours = ("63BE7B", "FFD966", "F4B183", "BFBFBF")
    for series, colour in zip(chart.series, colours):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.width = width
    chart.height = max(7.5, 0.7 * (last_row - first_row + 1) + 3, 0.3 * width)
    target.add_chart(chart, anchor)
