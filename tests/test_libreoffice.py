"""The deliverables open in LibreOffice: the draft converts to PDF, the workbook to CSV and PDF.

Skipped when `soffice` is not on PATH (.ci/run installs it). One fresh LibreOffice profile per
session; generous timeouts because the first start of a profile can take a minute.
"""
from __future__ import annotations

import csv
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INBOX = ROOT / "data" / "samples" / "inbox"
SOFFICE = shutil.which("soffice")
TIMEOUT = 300
CSV_UTF8 = 'csv:Text - txt - csv (StarCalc):44,34,76'   # comma, double quote, UTF-8

pytestmark = [pytest.mark.slow, pytest.mark.skipif(SOFFICE is None, reason="soffice (LibreOffice) not on PATH")]


def norm(text: str) -> str:
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text)).strip()


@pytest.fixture(scope="module")
def outputs(prefect_harness, tmp_path_factory) -> Path:
    from tonghop.flows.nightly import consolidate_flow
    out = tmp_path_factory.mktemp("lo-run")
    consolidate_flow(inbox=str(INBOX), out=str(out))
    return out


@pytest.fixture(scope="module")
def profile(tmp_path_factory) -> str:
    return (tmp_path_factory.mktemp("lo-profile") / "user").as_uri()


def convert(src: Path, target: str, outdir: Path, profile: str) -> Path:
    """Convert with a headless LibreOffice; the converted file's path."""
    outdir.mkdir(parents=True, exist_ok=True)
    res = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                          "--convert-to", target, "--outdir", str(outdir), str(src)],
                         capture_output=True, text=True, timeout=TIMEOUT)
    ext = target.split(":", 1)[0]
    result = outdir / f"{src.stem}.{ext}"
    assert res.returncode == 0, res.stderr
    assert result.exists(), f"no {result.name}: {res.stdout} {res.stderr}"
    return result


def test_draft_converts_to_pdf_with_the_outline_headings(outputs, profile, tmp_path, ref):
    from tonghop.reports.draft_docx import heading_text
    pdf = convert(outputs / "du-thao-tong-hop.docx", "pdf", tmp_path, profile)
    assert pdf.stat().st_size > 10_000 and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        return
    text = norm(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                               timeout=TIMEOUT).stdout.decode("utf-8"))
    short = [heading_text(n) for n in ref.outline.nodes if len(heading_text(n)) < 60]
    assert short and all(norm(h) in text for h in short), [h for h in short if norm(h) not in text]


def test_workbook_converts_to_csv_with_the_summary_sheet(outputs, profile, tmp_path, ref):
    out = convert(outputs / "chi-tieu.xlsx", CSV_UTF8, tmp_path, profile)
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:2] == ["Mã chỉ tiêu", "Tên chỉ tiêu"]
    assert [r[0] for r in rows[1:] if r] == [e.id for e in ref.catalog.entries]


def test_workbook_converts_to_pdf(outputs, profile, tmp_path):
    pdf = convert(outputs / "chi-tieu.xlsx", "pdf", tmp_path, profile)
    assert pdf.stat().st_size > 5_000 and pdf.read_bytes().startswith(b"%PDF")
