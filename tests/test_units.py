import pytest

from tonghop.parsers.units import identify_unit, unit_keys


@pytest.fixture(scope="module")
def keys(ref):
    return unit_keys(ref.units)


@pytest.mark.parametrize("lines,unit", [
    (["HUYỆN ỦY QUẾ SƠN", "*", "Số 12-BC/HU"], "que-son"),
    (["ĐẢNG BỘ TỈNH QUẢNG NAM", "ĐẢNG ỦY BỘ CHỈ HUY QUÂN SỰ TỈNH"], "qs-tinh"),
    (["BCH ĐẢNG BỘ HUYỆN NAM GIANG"], "nam-giang"),
    (["ĐẢNG ỦY KHỐI CÁC CƠ QUAN", "VÀ DN TỈNH"], "khoi-cq-dn"),
    (["HUYEN UY DAI LOC"], "dai-loc"),
    (["THỊ ỦY ĐIỆN BÀN", "Điện Bàn, ngày 20 tháng 7 năm 2023"], "tx-dien-ban"),
])
def test_registry_units_are_found_in_the_letterhead(keys, lines, unit):
    assert identify_unit(lines, "bao-cao.docx", keys).id == unit


@pytest.mark.parametrize("lines", [
    ["ĐẢNG BỘ HUYỆN QUẾ SƠN", "CHI BỘ TRƯỜNG THPT QUẾ SƠN"],
    ["ĐẢNG BỘ HUYỆN ĐẠI LỘC", "ĐẢNG ỦY XÃ ĐẠI HIỆP"],
    ["ĐẢNG ỦY PHƯỜNG AN MỸ - THÀNH ỦY TAM KỲ"],
    ["QUẬN ỦY HẢI CHÂU"],
])
def test_senders_outside_the_registry_are_not_forced_onto_it(keys, lines):
    assert identify_unit(lines, "bao-cao.docx", keys).id is None


def test_file_name_is_the_fallback(keys):
    match = identify_unit(["BÁO CÁO"], "inbox/bao-cao-dai-loc.docx", keys)
    assert match.id == "dai-loc" and match.evidence.startswith("file name")
