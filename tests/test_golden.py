"""Golden text dumps of the deliverables of `tonghop run` over the sample inbox, so that any change to
what editors and analysts receive shows as a diff in tests/golden/ (reviewed and committed with the
change that caused it).

    .venv/bin/python -m pytest tests/test_golden.py --update-golden    # rewrite the dumps, then `git diff`

The draft: one line per body paragraph, `style<TAB>text`, tables as their rows of cells. The workbook:
one TSV per sheet, each cell's value with its number format when it is not General, plus the frozen
panes and the auto-filter range. The inbox is copied with one fixed modification time for every file, so
receipt times (and what depends on them) do not depend on the checkout.
"""
from __future__ import annotations

import os
import re
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import docx
import openpyxl
import pytest
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

ROOT = Path(__file__).resolve().parent.parent
INBOX = ROOT / "data" / "samples" / "inbox"
GOLDEN = Path(__file__).resolve().parent / "golden"
RECEIVED = datetime(2023, 7, 20, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")).timestamp()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

pytestmark = pytest.mark.slow


def _cell(text: str) -> str:
    return re.sub(r"[\t\n\r]+", " ⏎ ", text)


def _volatile(text: str, base: Path) -> str:
    """Paths of the temporary folders the run used, made stable."""
    return text.replace(str(base), "<tmp>").replace(base.as_uri(), "file://<tmp>")


def draft_dump(path: Path, base: Path) -> str:
    document = docx.Document(str(path))
    lines = []
    for el in document.element.body.iterchildren():
        if el.tag == W + "p":
            p = DocxParagraph(el, document)
            lines.append(f"{p.style.name if p.style is not None else ''}\t{_cell(p.text)}")
        elif el.tag == W + "tbl":
            table = DocxTable(el, document)
            lines.append("[bảng / table]")
            for row in table.rows:
                lines.append("\t| " + "\t".join(_cell(c.text) for c in row.cells))
    return _volatile("\n".join(lines) + "\n", base)


def workbook_dumps(path: Path, base: Path) -> dict[str, str]:
    wb = openpyxl.load_workbook(path)
    dumps = {}
    for n, ws in enumerate(wb.worksheets, start=1):
        lines = [f"# {ws.title}\tfreeze={ws.freeze_panes}\tfilter={ws.auto_filter.ref}"]
        for row in ws.iter_rows():
            cells = []
            for c in row:
                value = "" if c.value is None else _cell(str(c.value))
                if c.value is not None and c.number_format != "General":
                    value += f" ⟨{c.number_format}⟩"
                cells.append(value)
            while cells and not cells[-1]:
                cells.pop()
            lines.append("\t".join(cells))
        slug = re.sub(r"\W+", "-", ws.title.lower()).strip("-")
        dumps[f"chi-tieu-{n}-{slug}.tsv"] = _volatile("\n".join(lines) + "\n", base)
    return dumps


@pytest.fixture(scope="module")
def outputs(prefect_harness, tmp_path_factory) -> tuple[Path, Path]:
    from tonghop.flows.nightly import consolidate_flow
    base = tmp_path_factory.mktemp("golden")
    inbox = base / "inbox"
    shutil.copytree(INBOX, inbox)
    for f in inbox.rglob("*"):
        os.utime(f, (RECEIVED, RECEIVED), follow_symlinks=False)
    out = base / "out"
    consolidate_flow(inbox=str(inbox), out=str(out), period="6 tháng đầu năm 2023")
    return out, base


def test_golden_dumps_of_the_draft_and_the_workbook(outputs, request):
    out, base = outputs
    dumps = {"du-thao-tong-hop.txt": draft_dump(out / "du-thao-tong-hop.docx", base)}
    dumps.update(workbook_dumps(out / "chi-tieu.xlsx", base))
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        for old in GOLDEN.glob("*"):
            if old.name not in dumps:
                old.unlink()
        for name, text in dumps.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
        return
    missing = [name for name in dumps if not (GOLDEN / name).exists()]
    assert not missing, f"no golden dump {missing}: run pytest tests/test_golden.py --update-golden"
    changed = [name for name, text in dumps.items() if (GOLDEN / name).read_text(encoding="utf-8") != text]
    assert not changed, (f"the deliverables changed: {changed}. If intended, run "
                         "`pytest tests/test_golden.py --update-golden` and commit the diff of tests/golden/")
    assert sorted(p.name for p in GOLDEN.glob("*")) == sorted(dumps)
