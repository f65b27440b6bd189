"""File names in the deliverables: shown escaped when unshowable, reversibly, links from the raw bytes."""
import os
from pathlib import Path
from urllib.parse import unquote_to_bytes, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from tonghop.reports.names import display_name, file_uri, raw_name


def test_printable_names_are_shown_as_they_are():
    for name in ("hoa-vang.docx", "Báo cáo Hòa Vang.docx", "-rf.docx", "C:\\Users\\x.docx", "=1+1.docx"):
        assert display_name(name) == name


def test_undecodable_bytes_and_control_characters_are_escaped():
    name = os.fsdecode(b"B\xe1o\ncao\t\x1b" + "\u202e".encode() + b".docx")
    shown = display_name(name)
    assert shown == "B\\xe1o\\x0acao\\x09\\x1b\\u202e.docx"
    shown.encode("utf-8")                                  # writable anywhere
    assert raw_name(shown) == name


@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\0" not in b))
def test_escaping_is_reversible_for_any_file_name(raw):
    name = os.fsdecode(raw)
    shown = display_name(name)
    shown.encode("utf-8")
    assert not any(ord(c) < 32 for c in shown)
    if shown != name:
        assert os.fsencode(raw_name(shown)) == raw


def test_links_are_made_from_the_raw_bytes(tmp_path):
    raw = b"B\xe1o c\xe1o %20 #1.docx"
    with open(os.path.join(os.fsencode(tmp_path), raw), "wb") as fh:
        fh.write(b"x")
    uri = file_uri(tmp_path, display_name(os.fsdecode(raw)))
    assert os.path.exists(unquote_to_bytes(urlsplit(uri).path))
    assert unquote_to_bytes(urlsplit(uri).path).endswith(raw)


def test_parse_prints_an_undecodable_name_escaped(tmp_path):
    import json
    import shutil

    from typer.testing import CliRunner

    from tonghop.flows.cli import app
    samples = Path(__file__).resolve().parent.parent / "data" / "samples" / "inbox"
    raw = os.path.join(os.fsencode(tmp_path), b"B\xe1o c\xe1o.docx")
    shutil.copy(samples / "hoa-vang.docx", raw)
    bad = os.path.join(os.fsencode(tmp_path), b"h\xf4ng\n.docx")
    with open(bad, "wb") as fh:
        fh.write(b"not a zip")
    result = CliRunner().invoke(app, ["parse", os.fsdecode(raw), os.fsdecode(bad), "--json"])
    assert result.exit_code == 0, result.output
    first, second = [json.loads(line) for line in result.stdout.splitlines()]
    assert first["source"].endswith("B\\xe1o c\\xe1o.docx") and first["unit"]["id"] == "hoa-vang"
    assert second["source"].endswith("h\\xf4ng\\x0a.docx") and " / " in second["error"]
