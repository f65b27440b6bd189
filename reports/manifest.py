"""The run manifest (manifest.json) for operators and scripts, and a per-unit status CSV."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from tonghop.aggregators.consolidate import Consolidation, latest_records, submission_status
from tonghop.model import FileRecord, FileStatus, Reference, Submission, warning_texts
from tonghop.parsers.units import unit_evidence
from tonghop.reports.atomic import write_text_atomic

__all__ = [
    "build_manifest", "file_entry", "MANIFEST_VERSION", "project_version", "run_summary", "STATUS_CSV_COLUMNS",
    "write_manifest", "write_status_csv",
]

MANIFEST_VERSION = 1
STATUS_CSV_COLUMNS = ("ma_don_vi", "ten_don_vi", "trong_danh_sach", "da_nop", "tep", "thoi_diem_nhan",
                      "han_nop", "dung_han", "trang_thai_tep", "ghi_chu",
                      "can_cu_don_vi", "diem_don_vi", "can_ra_soat_don_vi")   # how the file's unit was identified


def project_version() -> str:
    """Installed version of the tonghop distribution ("unknown" when run from a bare checkout)."""
    try:
        return metadata.version("tonghop")
    except metadata.PackageNotFoundError:
        return "unknown"


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def file_entry(rec: FileRecord, sub: Submission | None) -> dict:
    """One inbox file: identity, unit, status and reason, timing, warnings, what was read."""
    warnings = warning_texts(rec.warnings, sub.warnings if sub else ())
    entry = {
        "source": rec.source, "file": Path(rec.source).name, "sha256": rec.sha256, "received": rec.received,
        "status": rec.status, "reason": rec.reason,
        "unit": (sub.unit.id if sub else None) or rec.unit,
        "unit_name": sub.unit.name if sub else None,
        "unit_score": round(sub.unit.score, 4) if sub else None,
        "unit_evidence": unit_evidence(sub.unit)[0] if sub else None,
        "unit_review": unit_evidence(sub.unit)[2] if sub else None,
        "seconds": round(rec.seconds, 3), "warnings": warnings,
    }
    if sub is not None:
        matched = sum(iv.id is not None for iv in sub.indicators)
        entry["sections"] = len(sub.sections)
        entry["paragraphs"] = sum(len(s.paragraphs) + (s.heading is not None) for s in sub.sections)
        entry["indicators"] = {"total": len(sub.indicators), "matched": matched,
                               "unmatched": len(sub.indicators) - matched}
    return entry


def run_summary(records: tuple[FileRecord, ...], kept: list[Submission], ref: Reference) -> dict:
    """Counts by status, units submitted of those expected, indicators matched and unmatched."""
    by_status = Counter(r.status for r in records)
    submitted = sorted({s.unit.id for s in kept if s.unit.id} & {u.id for u in ref.units})
    indicators = [iv for s in kept for iv in s.indicators]
    matched = sum(iv.id is not None for iv in indicators)
    return {
        "files": len(records),
        "by_status": {k.value: by_status.get(k, 0) for k in FileStatus},
        "units_expected": len(ref.units), "units_submitted": len(submitted),
        "units_missing": [u.id for u in ref.units if u.id not in submitted],
        "unknown_unit_files": sorted(s.source for s in kept if not s.unit.id),
        "indicators": {"total": len(indicators), "matched": matched, "unmatched": len(indicators) - matched},
    }


def build_manifest(records, subs, ref: Reference, run_info: Mapping[str, Any] | None = None) -> dict:
    """The manifest of contract §4 as a JSON-ready dict; files sorted by source."""
    records = tuple(sorted(latest_records(records), key=lambda r: r.source))
    by_source = {s.source: s for s in subs}
    status = {r.source: r.status for r in records}
    kept = [s for s in subs if status.get(s.source, FileStatus.OK) == FileStatus.OK]
    return {
        "manifest_version": MANIFEST_VERSION,
        "versions": {
            "tonghop": project_version(),
            "outline": {"id": ref.outline.id, "version": ref.outline.version},
            "catalog": {"version": ref.catalog.version, "entries": len(ref.catalog.entries)},
            "units": {"version": ref.units_version, "entries": len(ref.units)},
        },
        "run": _jsonable(dict(run_info or {})),
        "summary": run_summary(records, kept, ref),
        "files": [file_entry(r, by_source.get(r.source)) for r in records],
    }


def write_manifest(records, subs, ref: Reference, path: Path | str,
                   run_info: Mapping[str, Any] | None = None) -> Path:
    """Write manifest.json atomically (UTF-8, indented, Vietnamese kept readable)."""
    text = json.dumps(build_manifest(records, subs, ref, run_info), ensure_ascii=False, indent=2)
    return write_text_atomic(path, text + "\n")


def write_status_csv(cons: Consolidation, records, ref: Reference, path: Path | str) -> Path:
    """Write the submission register (one line per unit, then unclaimed files) as UTF-8 CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(STATUS_CSV_COLUMNS)
    subs = {sub.source: sub for sub in cons.submissions}
    for s in submission_status(records, cons.submissions, ref):
        sub = subs.get(s.source) if s.source else None
        evidence, score, review = unit_evidence(sub.unit) if sub is not None else ("", "", False)
        writer.writerow([s.unit_id or "", s.unit_name, int(s.registered), int(s.submitted and not review),
                         s.source or "", s.received or "", s.deadline.isoformat() if s.deadline else "",
                         "" if s.on_time is None else int(s.on_time), s.file_status or "", s.note,
                         evidence, score, int(review) if sub is not None else ""])
    return write_text_atomic(path, buffer.getvalue())
