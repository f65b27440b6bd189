import pytest

from tonghop.reference import ReferenceDataError, load_catalog, load_outline, load_units


def test_shipped_outline_has_the_contract_ids_and_full_titles():
    o = load_outline("de-cuong-huyen")
    assert o.ids == ("P1", "P1.I", "P1.I.1", "P1.I.2", "P1.II", "P1.II.1", "P1.II.2", "P1.II.3",
                     "P1.III", "P1.III.1", "P1.III.2", "P1.III.3", "P1.IV", "P1.IV.1", "P1.IV.2", "P1.IV.3",
                     "P1.V", "P1.V.1", "P1.V.2", "P1.V.3", "P1.V.4", "P2", "P2.I", "P2.II")
    assert o.node("P1.I.2").title == "Bối cảnh thực hiện; những thuận lợi, khó khăn"
    assert o.node("P2.II").title == "Kiến nghị, đề xuất" and o.node("P1.V.2").aliases == ("Tồn tại, hạn chế",)
    assert o.node("P1.III.2").title == o.node("P1.IV.1").title
    assert [o.node(i).depth for i in ("P1", "P1.III", "P1.III.2")] == [0, 1, 2]


def test_city_outline_loads():
    assert load_outline("de-cuong-thanh-pho").ids == ("P1", "P1.1", "P1.2", "P1.3", "P1.4", "P2", "P3")


def test_unknown_outline_names_the_known_ones():
    with pytest.raises(ReferenceDataError, match="de-cuong-huyen"):
        load_outline("khong-co")


def test_catalog_and_units_validate(tmp_path):
    bad = tmp_path / "c.csv"
    bad.write_text("id,ten,dvt,nhom,huong,tong_hop,bi_danh\nx,Tên,%,KT,len,tong,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="huong"):
        load_catalog(bad)
    units = tmp_path / "u.csv"
    units.write_text("id,ten,cap,bi_danh,han_nop\na,Huyện ủy A,huyen,,30/7/2023\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="ISO"):
        load_units(units)
    missing = tmp_path / "m.csv"
    missing.write_text("id,ten\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="dvt"):
        load_catalog(missing)


def test_shipped_catalog_and_units():
    cat = load_catalog()
    assert 24 <= len(cat.entries) <= 30 and cat.get("grdp_growth").tong_hop == "trung_binh"
    units = load_units()
    assert len(units) >= 12 and all(u.han_nop for u in units)


def test_ragged_semicolon_and_duplicate_reference_files(tmp_path):
    ragged = tmp_path / "r.csv"
    ragged.write_text("id,ten,dvt,nhom,huong,tong_hop,bi_danh\nx,Tên,%,KT,tang,tong,a,b\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="nhiều cột"):
        load_catalog(ragged)
    semi = tmp_path / "s.csv"
    semi.write_text("id;ten;dvt;nhom;huong;tong_hop;bi_danh\nx;Tên chỉ tiêu;%;KT;tang;tong;\"a;b\"\n", encoding="utf-8")
    assert load_catalog(semi).entries[0].bi_danh == ("a", "b")
    dup = tmp_path / "u.csv"
    dup.write_text("id,ten,cap,bi_danh,han_nop\na,Huyện ủy A,huyen,,2023-07-30\na,Huyện ủy B,huyen,,\n",
                   encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="trùng"):
        load_units(dup)
