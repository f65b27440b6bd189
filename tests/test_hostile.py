"""Nothing one file can do stops the night: a hostile inbox (tests/hostile.py, generated here) goes through
the real `tonghop run` with exit 0, every good report consolidated, each bad one rejected with its reason,
under 1 GiB of memory, nothing of a system file in any output, links that open the files, no formulas."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote_to_bytes, urlsplit

import hostile
import openpyxl
import pytest

from tonghop.reports.names import display_name, raw_name

pytestmark = pytest.mark.slow
GIB = 1 << 30


@pytest.fixture(scope="module")
def night(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    inbox, out = tmp / "inbox", tmp / "out"
    want = hostile.build(inbox)
    script = Path(sys.executable).with_name("tonghop")
    command = [str(script), "run", "--inbox", str(inbox), "--out", str(out)] if script.exists() else [
        sys.executable, "-m", "tonghop.flows.cli", "run", "--inbox", str(inbox), "--out", str(out)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp / "prefect-home"), PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180",
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    # measured in a fresh wrapper so that only this run (and what it starts) counts in RUSAGE_CHILDREN
    wrapper = ("import json, resource, subprocess, sys\n"
               "res = subprocess.run(json.loads(sys.argv[1]), capture_output=True, text=True)\n"
               "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024\n"
               "print(json.dumps({'code': res.returncode, 'out': res.stdout, 'err': res.stderr, 'peak': peak}))\n")
    res = subprocess.run([sys.executable, "-c", wrapper, json.dumps(command)], capture_output=True, text=True,
                         env=env, cwd=tmp, timeout=1200)
    assert res.returncode == 0, res.stderr[-3000:]
    run = json.loads(res.stdout)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {"inbox": inbox, "out": out, "want": want, "run": run, "manifest": manifest}


def test_the_night_completes_with_exit_0_and_no_traceback(night):
    run = night["run"]
    assert run["code"] == 0, run["err"][-3000:]
    assert "Traceback" not in run["err"]


def test_every_file_in_the_manifest_with_its_status_and_reason(night):
    files = {f["source"]: f for f in night["manifest"]["files"]}
    want = {display_name(os.fsdecode(raw)): v for raw, v in night["want"].items()}
    assert set(files) == set(want)
    for source, (status, word) in want.items():
        entry = files[source]
        if status != "any":
            assert entry["status"] == status, (source, entry["reason"])
        if word is not None:
            assert word in entry["reason"], (source, entry["reason"])
            assert "\n" not in entry["reason"] and " / " in entry["reason"]
        for text in [entry["source"], entry["reason"] or ""] + entry["warnings"]:
            assert not any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in text), source


def test_every_good_report_is_consolidated_and_its_link_opens_it(night):
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    files = {f["source"]: f for f in night["manifest"]["files"]}
    good = [display_name(os.fsdecode(raw)) for raw, (status, _) in night["want"].items() if status == "ok"]
    document = docx.Document(str(night["out"] / "du-thao-tong-hop.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    targets = {r.target_ref for r in document.part.rels.values() if r.reltype == RT.HYPERLINK}
    opened = {unquote_to_bytes(urlsplit(t).path) for t in targets if urlsplit(t).scheme == "file"}
    inner = {t for t in targets if urlsplit(t).scheme != "file"}          # into the full text beside the draft
    assert all(t.startswith("tap-hop-nguyen-van.docx#") for t in inner)
    assert inner and (night["out"] / "tap-hop-nguyen-van.docx").is_file()
    inbox = os.fsencode(night["inbox"].resolve())
    for source in good:
        assert files[source]["status"] == "ok" and files[source]["unit"], source
        assert f"— {Path(source).name}" in text, source
        raw = os.fsencode(raw_name(source))
        assert os.path.join(inbox, raw) in opened, source
    assert all(os.path.exists(p) for p in opened)
    docm = files["tx-dien-ban.docm"]
    assert any("macro" in w for w in docm["warnings"])


def test_nothing_of_a_system_file_in_any_output(night):
    secret = [line for line in Path(hostile.SECRET_FILE).read_text().splitlines() if len(line) > 12][:5]
    assert secret
    for path in night["out"].rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        texts = [data]
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                texts = [zf.read(n) for n in zf.namelist()]
        for blob in texts:
            for line in secret:
                assert line.encode() not in blob, path


def test_no_formula_cells_in_the_workbook_text_starting_with_equals_stays_text(night):
    wb = openpyxl.load_workbook(night["out"] / "chi-tieu.xlsx")
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(isinstance(c.value, str) and c.value.startswith("=") for c in cells)
    with zipfile.ZipFile(night["out"] / "chi-tieu.xlsx") as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        assert sheets and not any(b"<f>" in zf.read(n) or b"<f " in zf.read(n) for n in sheets)  # a chart's <f>: its data range


def test_peak_memory_under_1_gib(night):
    assert 0 < night["run"]["peak"] < GIB, night["run"]["peak"]
