"""Unit profiles for the generator: how a unit of data/units/don-vi.csv names itself in a report."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

UNITS_CSV = Path(__file__).resolve().parents[2] / "data" / "units" / "don-vi.csv"

# id -> (kind, place, header names as units write them)
_PROFILES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "tp-tam-ky": ("thành phố", "Tam Kỳ", ("THÀNH ỦY TAM KỲ", "THÀNH UỶ TAM KỲ", "ĐẢNG BỘ THÀNH PHỐ TAM KỲ",
                                          "BCH ĐẢNG BỘ THÀNH PHỐ TAM KỲ")),
    "tp-hoi-an": ("thành phố", "Hội An", ("THÀNH ỦY HỘI AN", "ĐẢNG BỘ THÀNH PHỐ HỘI AN", "THÀNH UỶ HỘI AN",
                                          "BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ HỘI AN")),
    "tx-dien-ban": ("thị xã", "Điện Bàn", ("THỊ ỦY ĐIỆN BÀN", "BCH ĐẢNG BỘ THỊ XÃ ĐIỆN BÀN", "ĐẢNG BỘ THỊ XÃ ĐIỆN BÀN",
                                           "THỊ UỶ ĐIỆN BÀN")),
    "qs-tinh": ("tỉnh", "Quảng Nam", ("ĐẢNG ỦY QUÂN SỰ TỈNH", "ĐẢNG ỦY BỘ CHỈ HUY QUÂN SỰ TỈNH",
                                      "ĐẢNG UỶ QUÂN SỰ TỈNH")),
    "ca-tinh": ("tỉnh", "Quảng Nam", ("ĐẢNG ỦY CÔNG AN TỈNH", "ĐẢNG BỘ CÔNG AN TỈNH", "ĐẢNG UỶ CÔNG AN TỈNH")),
    "khoi-cq-dn": ("tỉnh", "Quảng Nam", ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH",
                                         "ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH",
                                         "ĐẢNG UỶ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH")),
}


@dataclass(frozen=True)
class UnitProfile:
    """What the generator needs to write a unit's report."""

    id: str
    ten: str              # registry name, e.g. "Huyện ủy Đại Lộc"
    kind: str             # huyện | thành phố | thị xã | tỉnh
    place: str            # "Đại Lộc"
    headers: tuple[str, ...]

    @property
    def committee(self) -> str:
        """Huyện ủy / Thành ủy / Thị ủy / Đảng ủy."""
        return self.ten.split()[0] + " " + self.ten.split()[1]

    @property
    def symbol(self) -> str:
        """Document number suffix: HU, TU or ĐU."""
        return {"Huyện": "HU", "Thành": "TU", "Thị": "TU"}.get(self.ten.split()[0], "ĐU")

    @property
    def dang_bo(self) -> str:
        """'Đảng bộ huyện Đại Lộc', 'Đảng bộ Công an tỉnh'."""
        if self.kind == "tỉnh":
            return "Đảng bộ " + self.ten.split(" ", 2)[2]
        return f"Đảng bộ {self.kind} {self.place}"

    @property
    def area(self) -> str:
        """'huyện Đại Lộc', or 'toàn Đảng bộ' for units that are not territorial."""
        return f"{self.kind} {self.place}" if self.kind != "tỉnh" else "toàn Đảng bộ"


def load_profiles(path: Path = UNITS_CSV) -> tuple[UnitProfile, ...]:
    """Every unit of the registry with the ways its report header names it."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for row in rows:
        uid, ten = row["id"], row["ten"]
        if uid in _PROFILES:
            kind, place, headers = _PROFILES[uid]
        else:
            place = ten.split(" ", 2)[2]
            kind = "huyện"
            up = place.upper()
            headers = (f"HUYỆN ỦY {up}", f"ĐẢNG BỘ HUYỆN {up}", f"HUYỆN UỶ {up}", f"BCH ĐẢNG BỘ HUYỆN {up}")
        out.append(UnitProfile(uid, ten, kind, place, headers))
    return tuple(out)
