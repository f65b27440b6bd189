"""Inbox scanning: hidden files listed, an output folder inside the inbox never read back."""
import json
import shutil
from pathlib import Path

from tonghop.flows.nightly import inbox_files, precheck

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples" / "inbox"


def test_hidden_files_are_listed_and_skipped_and_out_inside_inbox_is_left_out(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "ket-qua" / "luu-tru").mkdir(parents=True)
    (inbox / "._dai-loc.docx").write_bytes(b"\0\5\x16\7")
    (inbox / "ket-qua" / "du-thao-tong-hop.docx").write_bytes(b"PK")
    (inbox / "ket-qua" / "luu-tru" / "manifest.json").write_text("{}")
    (inbox / "hoa-vang.docx").write_bytes(b"PK")
    files = inbox_files(inbox, exclude=inbox / "ket-qua")
    assert [f.name for f in files] == ["._dai-loc.docx", "hoa-vang.docx"]
    hidden = precheck(files[0], inbox)
    assert hidden.status == "skipped" and " / " in hidden.reason and hidden.sha256
    assert precheck(files[1], inbox) is None


def test_second_run_with_out_inside_the_inbox_reads_only_the_reports(prefect_harness, tmp_path):
    from typer.testing import CliRunner

    from tonghop.flows.cli import app
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("dai-loc-lan-2.docx", "hoa-vang.docx"):
        shutil.copy(SAMPLES / name, inbox / name)
    out = inbox / "ket-qua"
    for _ in range(2):
        result = CliRunner().invoke(app, ["run", "--inbox", str(inbox), "--out", str(out)])
        assert result.exit_code == 0, result.output
    sources = [f["source"] for f in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]]
    assert sources == ["dai-loc-lan-2.docx", "hoa-vang.docx"]
    assert (out / "luu-tru").is_dir()
