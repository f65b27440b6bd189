"""Readers of the reference data: outline YAML, indicator catalog CSV, units registry CSV.

Untrusted input: every file is validated here and turned into the frozen model, or a
`ReferenceDataError` with a one-line Vietnamese + English message.
"""
from __future__ import annotations

import csv
import hashlib
import unicodedata
from datetime import date
from importlib.resources import files
from pathlib import Path

import yaml

from tonghop.model import Aggregation, Catalog, CatalogEntry, Direction, Outline, OutlineNode, Reference, Unit

__all__ = [
    "CATALOG_COLUMNS", "DATA_DIR", "DEFAULT_ABBREVIATIONS", "DEFAULT_CATALOG", "DEFAULT_OUTLINE", "DEFAULT_UNITS",
    "HUONG", "load_abbreviations", "load_catalog", "load_outline", "load_reference", "load_units", "outline_path",
    "ReferenceDataError", "TONG_HOP", "UNITS_COLUMNS",
]

DATA_DIR = Path(str(files("tonghop").joinpath("data")))   # package data; a real folder in wheels and editable installs
DEFAULT_OUTLINE = "de-cuong-huyen"
DEFAULT_CATALOG = DATA_DIR / "catalog" / "chi-tieu.csv"
DEFAULT_UNITS = DATA_DIR / "units" / "don-vi.csv"
DEFAULT_ABBREVIATIONS = DATA_DIR / "catalog" / "viet-tat.csv"

CATALOG_COLUMNS = ("id", "ten", "dvt", "nhom", "huong", "tong_hop", "bi_danh")
UNITS_COLUMNS = ("id", "ten", "cap", "bi_danh", "han_nop")
HUONG = frozenset(Direction)
TONG_HOP = frozenset(Aggregation)


class ReferenceDataError(ValueError):
    """Reference data that cannot be used; the message is one bilingual line."""


def outline_path(outline: str) -> Path:
    """An outline id (file name in data/outlines) or a path to a YAML file."""
    p = Path(outline)
    if p.suffix in {".yaml", ".yml"} and p.exists():
        return p
    candidate = DATA_DIR / "outlines" / f"{outline}.yaml"
    if candidate.exists():
        return candidate
    known = ", ".join(sorted(q.stem for q in (DATA_DIR / "outlines").glob("*.yaml")))
    raise ReferenceDataError(
        f"Không tìm thấy đề cương '{outline}' (có: {known}) / outline '{outline}' not found (known: {known})")


def load_outline(outline: str = DEFAULT_OUTLINE) -> Outline:
    """Read an outline YAML into nodes in document order."""
    path = outline_path(outline)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ReferenceDataError(
            f"Không đọc được đề cương {path.name}: {_one_line(exc)} / cannot read outline {path.name}") from exc
    if not isinstance(doc, dict) or not doc.get("nodes"):
        raise ReferenceDataError(f"Đề cương {path.name} không có mục nào / outline {path.name} has no nodes")
    nodes: list[OutlineNode] = []

    def walk(items: list, parent: str | None, depth: int) -> None:
        for item in items:
            if not isinstance(item, dict) or not item.get("id") or not item.get("title"):
                raise ReferenceDataError(
                    f"Mục đề cương thiếu id/title trong {path.name} / outline node without id or title in {path.name}")
            node = OutlineNode(
                id=str(item["id"]), label=str(item.get("label", "")), title=" ".join(str(item["title"]).split()),
                depth=depth, parent=parent, aliases=tuple(str(a) for a in item.get("aliases", ()) or ()))
            nodes.append(node)
            walk(item.get("children") or [], node.id, depth + 1)

    walk(doc["nodes"], None, 0)
    ids = [n.id for n in nodes]
    if len(set(ids)) != len(ids):
        raise ReferenceDataError(f"Đề cương {path.name} có id trùng / duplicate ids in outline {path.name}")
    return Outline(id=str(doc.get("id") or path.stem), version=str(doc.get("version", "")),
                   title=" ".join(str(doc.get("title", "")).split()), nodes=tuple(nodes))


def _read_csv(path: Path, columns: tuple[str, ...], what_vi: str, what_en: str) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            first = fh.readline()
            fh.seek(0)
            # Excel in a Vietnamese locale saves CSV with ";" between fields
            delimiter = ";" if first.count(";") > first.count(",") else ","
            reader = csv.DictReader(fh, delimiter=delimiter)
            header = tuple((h or "").strip() for h in (reader.fieldnames or ()))
            missing = [c for c in columns if c not in header and c != "bi_danh"]
            if missing:
                raise ReferenceDataError(
                    f"{what_vi} {path.name} thiếu cột {', '.join(missing)}"
                    f" / {what_en} {path.name} lacks columns {', '.join(missing)}")
            rows = []
            for row in reader:
                if None in row:
                    raise ReferenceDataError(
                        f"{what_vi} {path.name} dòng {reader.line_num} có nhiều cột hơn tiêu đề (thiếu dấu ngoặc kép?)"
                        f" / {what_en} {path.name} line {reader.line_num} has more fields than the header")
                rows.append({(k or "").strip(): (v or "").strip() for k, v in row.items()})
            return rows
    except OSError as exc:
        raise ReferenceDataError(
            f"Không đọc được {what_vi} {path}: {_one_line(exc)} / cannot read {what_en} {path}") from exc
    except UnicodeDecodeError as exc:
        raise ReferenceDataError(
            f"{what_vi} {path.name} không phải UTF-8 / {what_en} {path.name} is not UTF-8") from exc
    except csv.Error as exc:
        raise ReferenceDataError(
            f"{what_vi} {path.name} không phải CSV hợp lệ: {_one_line(exc)} / {what_en} {path.name} is not valid CSV") from exc


def _aliases(text: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in text.split(";") if a.strip())


def load_catalog(path: Path | str = DEFAULT_CATALOG) -> Catalog:
    """Read the indicator catalog CSV (contract §5)."""
    path = Path(path)
    rows = _read_csv(path, CATALOG_COLUMNS, "Danh mục chỉ tiêu", "catalog")
    entries = []
    for n, row in enumerate(rows, start=2):
        if not row.get("id") or not row.get("ten"):
            raise ReferenceDataError(
                f"Danh mục chỉ tiêu dòng {n}: thiếu id hoặc ten / catalog line {n}: id or ten missing")
        if row.get("huong") not in HUONG or row.get("tong_hop") not in TONG_HOP:
            raise ReferenceDataError(
                f"Danh mục chỉ tiêu dòng {n}: huong phải là tang/giam, tong_hop là tong/trung_binh/ty_le_dat/khong"
                f" / catalog line {n}: bad huong or tong_hop")
        entries.append(CatalogEntry(id=row["id"], ten=row["ten"], dvt=row.get("dvt", ""), nhom=row.get("nhom", ""),
                                    huong=Direction(row["huong"]), tong_hop=Aggregation(row["tong_hop"]),
                                    bi_danh=_aliases(row.get("bi_danh", ""))))
    if len({e.id for e in entries}) != len(entries):
        raise ReferenceDataError(f"Danh mục chỉ tiêu {path.name} có id trùng / duplicate ids in catalog {path.name}")
    return Catalog(entries=tuple(entries), version=_file_hash(path))


def load_units(path: Path | str = DEFAULT_UNITS) -> tuple[Unit, ...]:
    """Read the units registry CSV (contract §5)."""
    path = Path(path)
    rows = _read_csv(path, UNITS_COLUMNS, "Danh sách đơn vị", "units registry")
    units = []
    for n, row in enumerate(rows, start=2):
        if not row.get("id") or not row.get("ten"):
            raise ReferenceDataError(
                f"Danh sách đơn vị dòng {n}: thiếu id hoặc ten / units line {n}: id or ten missing")
        deadline = None
        if row.get("han_nop"):
            try:
                deadline = date.fromisoformat(row["han_nop"])
            except ValueError as exc:
                raise ReferenceDataError(
                    f"Danh sách đơn vị dòng {n}: hạn nộp '{row['han_nop']}' không phải ngày ISO"
                    f" / units line {n}: han_nop is not an ISO date") from exc
        units.append(Unit(id=row["id"], ten=row["ten"], cap=row.get("cap", ""),
                          bi_danh=_aliases(row.get("bi_danh", "")), han_nop=deadline))
    ids = [u.id for u in units]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise ReferenceDataError(f"Danh sách đơn vị {path.name} có id trùng: {', '.join(duplicated)}"
                                 f" / duplicate unit ids in {path.name}: {', '.join(duplicated)}")
    return tuple(units)


def load_reference(outline: str = DEFAULT_OUTLINE, catalog: Path | str | None = None,
                   units: Path | str | None = None) -> Reference:
    """Outline, catalog and units together; defaults are the files shipped under data/."""
    units_path = Path(units) if units else DEFAULT_UNITS
    return Reference(outline=load_outline(outline), catalog=load_catalog(catalog or DEFAULT_CATALOG),
                     units=load_units(units_path), units_version=_file_hash(units_path))


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def load_abbreviations(path: Path | str = DEFAULT_ABBREVIATIONS) -> dict[str, str]:
    """Read the abbreviations CSV (`viet_tat,day_du`) into a casefolded lookup."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not {"viet_tat", "day_du"} <= set(reader.fieldnames or ()):
                raise ReferenceDataError(f"Tệp viết tắt {path.name} thiếu cột viet_tat, day_du"
                                         f" / abbreviations {path.name} lacks columns viet_tat, day_du")
            rows = [(r["viet_tat"] or "", r["day_du"] or "") for r in reader]
    except OSError as exc:
        raise ReferenceDataError(f"Không đọc được tệp viết tắt {path} / cannot read abbreviations {path}") from exc
    except UnicodeDecodeError as exc:
        raise ReferenceDataError(f"Tệp viết tắt {path.name} không phải UTF-8 / {path.name} is not UTF-8") from exc
    table = {}
    for short, full in rows:
        short, full = _fold_words(short), _fold_words(full)
        if short and full:
            table[short] = full
    return table


def _fold_words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())
