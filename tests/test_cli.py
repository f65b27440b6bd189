"""`tonghop parse` through the real console entry point (contract §1, §2)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from docbuild import make_docx

ROOT = Path(__file__).resolve().parent.parent
B = "Normal+bold"


def tonghop(*args, cwd=None):
    return subprocess.run([sys.executable, "-c", "from tonghop.flows.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=cwd or ROOT, timeout=300)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = tmp_path_factory.mktemp("inbox") / "dai-loc.docx"
    path.write_bytes(make_docx([
        ("Normal", "HUYỆN ỦY ĐẠI LỘC"), ("Normal+bold", "BÁO CÁO"),
        (B, "I. BỐI CẢNH THỰC HIỆN NGHỊ QUYẾT"), (B, "1. Khái quát đặc điểm tình hình"),
        ("Normal", "Huyện có 18 xã, thị trấn."),
        (B, "III. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP"),
        (B, "1. Kết quả thực hiện các chỉ tiêu chủ yếu"),
        ("Normal", "Tốc độ tăng trưởng kinh tế bình quân đạt 6,8%/năm (NQ đề ra 7 - 7,5%), chưa đạt chỉ tiêu."),
        ("Normal", "Nơi nhận:"), ("Normal", "T/M BAN THƯỜNG VỤ")]))
    return path


def test_parse_json_single_file_follows_the_contract(report):
    res = tonghop("parse", str(report), "--json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert {"source", "sha256", "outline", "unit", "sections", "indicators", "warnings"} <= set(doc)
    assert doc["outline"] == "de-cuong-huyen" and doc["unit"]["id"] == "dai-loc"
    ids = [s["id"] for s in doc["sections"]]
    assert ids == ["front", "P1.I", "P1.I.1", "P1.III", "P1.III.1", "back"]
    growth = [i for i in doc["indicators"] if i["id"] == "grdp_growth"]
    assert growth and growth[0]["value"] == 6.8 and growth[0]["target"] == 7.0 and growth[0]["status"] == "chua_dat"


def test_parse_several_files_gives_json_lines_with_an_error_line(report, tmp_path):
    broken = tmp_path / "hong.docx"
    broken.write_text("không phải docx")
    res = tonghop("parse", str(report), str(broken), "--json")
    assert res.returncode == 0
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert lines[0]["unit"]["id"] == "dai-loc"
    assert lines[1]["source"] == str(broken) and " / " in lines[1]["error"]


@pytest.mark.parametrize("content", [b"not a zip", b"", b"PK\x03\x04\x14\x00broken"])
def test_parse_broken_single_file_exits_2_with_one_line(tmp_path, content):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    res = tonghop("parse", str(bad), "--json")
    assert res.returncode == 2 and res.stdout == ""
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def test_parse_missing_file_and_bad_outline_are_clean_errors(report, tmp_path):
    res = tonghop("parse", str(tmp_path / "nope.docx"), "--json")
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1
    res = tonghop("parse", str(report), "--outline", "khong-co", "--json")
    assert res.returncode == 2 and "khong-co" in res.stderr and "Traceback" not in res.stderr


def test_an_internal_error_on_one_file_is_one_line_not_a_traceback(report, monkeypatch):
    from typer.testing import CliRunner

    import tonghop.flows.pipeline
    from tonghop.flows.cli import app

    def broken(path, ctx):
        raise KeyError("lỗi giả lập")
    monkeypatch.setattr(tonghop.flows.pipeline, "parse_one", broken)
    result = CliRunner().invoke(app, ["parse", str(report), "--json"])
    assert result.exit_code == 2 and "KeyError" in result.output and "Traceback" not in result.output
