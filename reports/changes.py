"""What changed since the last night: `thay-doi.md` and the workbook's `Thay đổi` sheet, for editors.

The night's state (which report each unit's content came from, a fingerprint of each of its sections,
its indicator readings) is kept in `--out/.tonghop-state.json`; the next night compares against it:
new and updated submissions (with the outline sections whose text changed), indicator values that
changed, and the units still missing with the days left to their deadline (`han_nop`).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tonghop.aggregators.consolidate import Consolidation
from tonghop.model import Reference, Submission
from tonghop.reports.atomic import write_text_atomic

__all__ = ["CHANGES_MD", "Changes", "STATE_FILE", "SHEET", "add_changes_sheet", "build_state", "compare",
           "load_state", "render_markdown", "sheet_rows", "write_changes", "write_state"]

CHANGES_MD = "thay-doi.md"
STATE_FILE = ".tonghop-state.json"
SHEET = "Thay đổi"
STATE_FORMAT = 1
MAX_LISTED = 30                 # lines per list in thay-doi.md; the sheet holds every row


def _fingerprint(texts) -> str:
    return hashlib.sha256("\n".join(texts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _section_prints(sub: Submission) -> dict[str, str]:
    """Outline id → fingerprint of everything the section holds (heading, paragraphs, tables)."""
    texts: dict[str, list[str]] = {}
    for s in sub.sections:
        acc = texts.setdefault(s.id, [])
        if s.heading is not None:
            acc.append(s.heading.text)
        acc.extend(p.text for p in s.paragraphs)
        acc.extend("\t".join(row) for t in s.tables for row in t.rows)
    return {sid: _fingerprint(t) for sid, t in texts.items()}


def _key(sub: Submission) -> str:
    return sub.unit.id or f"tệp:{sub.source}"


def build_state(cons: Consolidation, run_at: str) -> dict:
    """The night's state: per kept submission its file, bytes' hash, sections and indicator readings."""
    units = {}
    for sub in cons.submissions:
        readings = {}
        for iv in sub.indicators:
            if iv.id and iv.id not in readings:
                readings[iv.id] = {"value": iv.value, "unit": iv.unit,
                                   "status": str(iv.status) if iv.status else None}
        units[_key(sub)] = {"source": sub.source, "sha256": sub.sha256, "name": sub.unit.name,
                            "sections": _section_prints(sub), "indicators": readings}
    return {"format": STATE_FORMAT, "run_at": run_at, "units": units}


def load_state(out_dir: Path | str) -> dict | None:
    """The previous night's state, or None (first night, or an unreadable state: then all is new)."""
    try:
        data = json.loads((Path(out_dir) / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == STATE_FORMAT else None


def write_state(state: dict, out_dir: Path | str) -> Path:
    return write_text_atomic(Path(out_dir) / STATE_FILE, json.dumps(state, ensure_ascii=False, indent=1) + "\n")


@dataclass(frozen=True)
class Changes:
    """What an editor reads first: since `previous_run` (None on the first night)."""

    previous_run: str | None
    new: tuple[tuple[str, str], ...] = ()                       # (unit name, file)
    updated: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (unit name, file, changed section labels)
    values: tuple[tuple[str, str, str, str], ...] = ()          # (unit name, indicator, before, now)
    withdrawn: tuple[tuple[str, str], ...] = ()                 # (unit name, file) kept last night, gone now
    missing: tuple[tuple[str, date | None, int | None], ...] = ()   # (unit name, deadline, days left)
    today: date = field(default_factory=date.today)


def _number(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.4g}" if abs(value) >= 1000 else f"{value:g}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def _reading(r: dict | None) -> str:
    if not r:
        return "(chưa có)"
    text = _number(r.get("value"))
    if r.get("unit") and r.get("value") is not None:
        text += f" {r['unit']}"
    if r.get("status"):
        text += f" [{r['status']}]"
    return text


def _section_label(cons: Consolidation, sid: str) -> str:
    if sid in ("front", "back"):
        return {"front": "phần đầu", "back": "phần cuối"}[sid]
    node = next((n for n in cons.outline.nodes if n.id == sid), None)
    return f"{sid} {node.title}" if node is not None else sid


def compare(previous: dict | None, state: dict, cons: Consolidation, ref: Reference, today: date) -> Changes:
    """The changes from the previous night's state to this one's."""
    names = {u.id: u.ten for u in ref.units}
    catalog = {e.id: e.ten for e in ref.catalog.entries}
    missing = tuple((u.ten, u.han_nop, (u.han_nop - today).days if u.han_nop else None) for u in cons.missing)
    now = state["units"]
    if previous is None:
        new = tuple((v["name"] or names.get(k, k), v["source"]) for k, v in now.items())
        return Changes(None, new=new, missing=missing, today=today)
    before = previous.get("units", {})
    new, updated, values, withdrawn = [], [], [], []
    for key, cur in now.items():
        name = cur["name"] or names.get(key, key)
        old = before.get(key)
        if old is None:
            new.append((name, cur["source"]))
            continue
        if old.get("sha256") != cur["sha256"]:
            old_s, cur_s = old.get("sections", {}), cur["sections"]
            changed = [sid for sid in cur_s if old_s.get(sid) != cur_s[sid]]
            changed += [sid for sid in old_s if sid not in cur_s]
            updated.append((name, cur["source"], tuple(_section_label(cons, sid) for sid in changed)))
        old_i, cur_i = old.get("indicators", {}), cur["indicators"]
        for iid in sorted(set(old_i) | set(cur_i), key=lambda i: list(catalog).index(i) if i in catalog else 1 << 20):
            a, b = old_i.get(iid), cur_i.get(iid)
            if (a or {}).get("value") != (b or {}).get("value") or (a or {}).get("status") != (b or {}).get("status"):
                values.append((name, catalog.get(iid, iid), _reading(a), _reading(b)))
    for key, old in before.items():
        if key not in now:
            withdrawn.append((old.get("name") or names.get(key, key), old.get("source", "")))
    return Changes(previous.get("run_at"), tuple(new), tuple(updated), tuple(values), tuple(withdrawn),
                   missing, today)


def _deadline(deadline: date | None, days: int | None) -> str:
    if deadline is None:
        return "không có hạn nộp"
    when = deadline.strftime("%d/%m/%Y")
    if days > 0:
        return f"hạn {when}, còn {days} ngày"
    if days == 0:
        return f"hạn {when}, hôm nay là hạn cuối"
    return f"hạn {when}, đã quá hạn {-days} ngày"


def _listed(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_LISTED:
        return lines
    return lines[:MAX_LISTED] + [f"- … và {len(lines) - MAX_LISTED} dòng nữa (xem trang `{SHEET}` của chi-tieu.xlsx)"]


def render_markdown(ch: Changes) -> str:
    """thay-doi.md: short, Vietnamese, what an editor reads first."""
    since = f"so với lượt chạy {ch.previous_run}" if ch.previous_run else "lần tổng hợp đầu tiên, chưa có đêm trước để so sánh"
    out = [f"# Thay đổi ({since})", ""]
    if ch.previous_run and not (ch.new or ch.updated or ch.values or ch.withdrawn):
        out += ["Không có báo cáo mới hay thay đổi nào.", ""]
    if ch.new:
        out += [f"## Báo cáo mới ({len(ch.new)})", ""] + _listed([f"- {u} — {f}" for u, f in ch.new]) + [""]
    if ch.updated:
        lines = [f"- {u} — {f}: " + ("sửa " + "; ".join(s) if s else "đổi tệp, nội dung các mục như cũ")
                 for u, f, s in ch.updated]
        out += [f"## Báo cáo cập nhật ({len(ch.updated)})", ""] + _listed(lines) + [""]
    if ch.values:
        out += [f"## Chỉ tiêu thay đổi số liệu ({len(ch.values)})", ""]
        out += _listed([f"- {u}: {i}: {a} → {b}" for u, i, a, b in ch.values]) + [""]
    if ch.withdrawn:
        out += [f"## Không còn trong hộp thư ({len(ch.withdrawn)})", ""]
        out += _listed([f"- {u} — {f}" for u, f in ch.withdrawn]) + [""]
    if ch.missing:
        order = sorted(ch.missing, key=lambda m: (m[2] is None, m[2] if m[2] is not None else 0, m[0]))
        out += [f"## Đơn vị chưa nộp ({len(ch.missing)})", ""]
        out += _listed([f"- {u}: {_deadline(d, n)}" for u, d, n in order]) + [""]
    else:
        out += ["Tất cả đơn vị đã nộp báo cáo.", ""]
    return "\n".join(out)


def sheet_rows(ch: Changes) -> list[list]:
    """The `Thay đổi` sheet: one row per change (Loại, Đơn vị, Tệp/Chỉ tiêu, Trước, Nay/Mục sửa, Hạn nộp, Còn ngày)."""
    rows: list[list] = [["Loại", "Đơn vị", "Tệp / chỉ tiêu", "Trước", "Nay / mục thay đổi", "Hạn nộp", "Còn (ngày)"]]
    rows += [["Báo cáo mới", u, f, None, None, None, None] for u, f in ch.new]
    rows += [["Báo cáo cập nhật", u, f, None, "; ".join(s) or "(nội dung như cũ)", None, None]
             for u, f, s in ch.updated]
    rows += [["Chỉ tiêu thay đổi", u, i, a, b, None, None] for u, i, a, b in ch.values]
    rows += [["Không còn trong hộp thư", u, f, None, None, None, None] for u, f in ch.withdrawn]
    rows += [["Chưa nộp", u, None, None, None, d, n] for u, d, n in ch.missing]
    return rows


def add_changes_sheet(wb, changes: Changes | None) -> None:
    """The `Thay đổi` sheet after the others (nothing when no changes were computed)."""
    if changes is None:
        return
    from tonghop.reports.workbook_xlsx import fill_sheet

    fill_sheet(wb.create_sheet(SHEET), sheet_rows(changes))


def write_changes(changes: Changes, out_dir: Path | str) -> Path:
    return write_text_atomic(Path(out_dir) / CHANGES_MD, render_markdown(changes))
