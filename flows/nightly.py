"""The nightly consolidation flow: one task per submission, then consolidation and the deliverables.

Tasks are thin wrappers over library functions (flows/pipeline.py, aggregators/, reports/).
"""
from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE

from tonghop.aggregators.consolidate import consolidate, select_versions, unit_key
from tonghop.aggregators.decisions import apply_decisions
from tonghop.flows.pipeline import RunContext, load_context, parse_or_reject, with_decisions
from tonghop.flows.settings import Settings
from tonghop.model import FileRecord, FileStatus, Rejection, Submission
from tonghop.parsers.parse import file_sha256
from tonghop.reports.archive import archive_previous
from tonghop.reports.draft_docx import write_draft
from tonghop.reports.manifest import write_manifest, write_status_csv
from tonghop.reports.quyet_dinh import gather_decisions
from tonghop.reports.workbook_xlsx import decision_notes, inputs_time, write_workbook

__all__ = [
    "consolidate_flow", "DRAFT", "inbox_files", "MANIFEST", "parse_task", "precheck", "received", "schedule_args",
    "serve", "STATUS", "SUPPORTED", "TZ", "WORKBOOK",
]

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DRAFT, WORKBOOK, MANIFEST, STATUS = "du-thao-tong-hop.docx", "chi-tieu.xlsx", "manifest.json", "nop-bao-cao.csv"
SUPPORTED = {".docx"}


def inbox_files(inbox: Path, exclude: Path | None = None) -> list[Path]:
    """Every file of the inbox (sub-folders and hidden files included, the output folder left out when
    it lies inside the inbox), in a stable order."""
    skip = exclude.resolve() if exclude is not None else None
    files = []
    for p in inbox.rglob("*"):
        if skip is not None and (p.resolve() == skip or skip in p.resolve().parents):
            continue
        if p.is_file() or (p.is_symlink() and not p.exists()):
            files.append(p)
    return sorted(files)


def received(path: Path) -> str:
    """When a file arrived: its modification time, Vietnam time, ISO 8601 ("" when it cannot be read)."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, TZ).isoformat(timespec="seconds")
    except OSError:
        return ""


def precheck(path: Path, inbox: Path) -> FileRecord | None:
    """A record for a file that is not parsed at all (hidden, lock file, broken link, wrong format), else None."""
    rel = str(path.relative_to(inbox))
    if any(part.startswith(".") for part in path.relative_to(inbox).parts):
        return FileRecord(rel, file_sha256(path), received(path), FileStatus.SKIPPED,
                          reason="Tệp ẩn (vd. ._tệp của macOS), bỏ qua / hidden file, ignored")
    if path.name.startswith("~$"):
        return FileRecord(rel, file_sha256(path), received(path), FileStatus.SKIPPED,
                          reason="Tệp khóa tạm của Word, bỏ qua / Word lock file, ignored")
    if not path.exists():
        return FileRecord(rel, None, "", FileStatus.REJECTED,
                          reason="Liên kết tới tệp không còn tồn tại / broken link, the file it points to is gone")
    if path.suffix.lower() not in SUPPORTED:
        return FileRecord(rel, file_sha256(path), received(path), FileStatus.REJECTED,
                          reason=f"Định dạng {path.suffix or '(không có đuôi)'} không hỗ trợ, cần lưu thành .docx"
                                 f" / unsupported format {path.suffix or '(none)'}, save as .docx")
    return None


@task(name="phan-tich-bao-cao", cache_policy=NO_CACHE, retries=0)
def parse_task(path: str, inbox: str, ctx: RunContext) -> tuple[Submission | Rejection, FileRecord]:
    """Parse one submission; an unreadable one becomes a rejection, never an exception."""
    p, base = Path(path), Path(inbox)
    rel = str(p.relative_to(base))
    start = time.perf_counter()
    when = received(p)
    sub = parse_or_reject(p, ctx, source=rel)
    if isinstance(sub, Rejection):
        if sub.error is not None:       # one bad file must not stop the night's run; logged in full
            get_run_logger().error("Lỗi nội bộ khi phân tích %s / internal error parsing %s", rel, rel,
                                   exc_info=sub.error)
        return sub, FileRecord(rel, sub.sha256, when, FileStatus.REJECTED, reason=sub.reason,
                               seconds=time.perf_counter() - start)
    return sub, FileRecord(rel, sub.sha256, when, FileStatus.OK, unit=sub.unit.id,
                           seconds=round(time.perf_counter() - start, 4), warnings=sub.warnings)


@flow(name="tonghop-tong-hop", log_prints=False)
def consolidate_flow(inbox: str, out: str, outline: str = "de-cuong-huyen", catalog: str | None = None,
                     units: str | None = None, period: str | None = None, overwrite: bool = False,
                     decisions: str | None = None) -> dict:
    """Consolidate every submission of the inbox into the draft, the workbook and the manifest."""
    started = time.perf_counter()
    started_at = datetime.now(TZ).isoformat(timespec="seconds")
    ctx = load_context(outline, catalog, units)
    inbox_dir, out_dir = Path(inbox), Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    # the analysts' decisions: harvested from the previous workbook into quyet-dinh.csv before it is archived
    gathered = gather_decisions(out_dir, WORKBOOK, decisions, [e.id for e in ctx.ref.catalog.entries],
                                now=datetime.now(TZ).replace(microsecond=0))
    ctx = with_decisions(ctx, gathered.decisions)
    files = inbox_files(inbox_dir, exclude=out_dir)
    records: list[FileRecord] = []
    to_parse = []
    for f in files:
        rec = precheck(f, inbox_dir)
        if rec is None:
            to_parse.append(str(f))
        else:
            records.append(rec)
    results = parse_task.map(to_parse, inbox=unmapped(str(inbox_dir)), ctx=unmapped(ctx)).result()
    parsed = [(r, rec) for r, rec in results if isinstance(r, Submission)]
    records.extend(rec for r, rec in results if not isinstance(r, Submission))
    kept, skipped = select_versions(parsed)
    records.extend(rec for _, rec in kept)
    records.extend(skipped)
    records.sort(key=lambda r: r.source)
    subs, applied = apply_decisions([s for s, _ in kept], gathered.decisions, ctx.ref.catalog,
                                    lambda s: unit_key(s, ctx.ref)[0])
    cons = consolidate(subs, ctx.ref)
    archived = None if overwrite else archive_previous(out_dir, (DRAFT, WORKBOOK, MANIFEST, STATUS))
    run_info = {"started_at": started_at, "inbox": str(inbox_dir), "period": period,
                "as_of": inputs_time(records).isoformat(),
                "archived_previous": str(archived) if archived else None,
                "decisions": {**gathered.summary(), "readings_decided": applied.applied,
                              "not_applied": [p.reason for p in applied.problems]}}
    notes = decision_notes(gathered.notes, applied.problems)
    write_draft(cons, out_dir / DRAFT, period=period, run_info=run_info, base_dir=inbox_dir)
    write_workbook(cons, records, ctx.ref, out_dir / WORKBOOK, notes=notes, period=period, base_dir=inbox_dir)
    write_status_csv(cons, records, ctx.ref, out_dir / STATUS)
    run_info["seconds"] = round(time.perf_counter() - started, 3)
    manifest = write_manifest(records, subs, ctx.ref, out_dir / MANIFEST, run_info)
    counts = {s.value: sum(1 for r in records if r.status == s) for s in FileStatus}
    message = (f"Đã tổng hợp {counts['ok']} báo cáo ({counts['rejected']} bị từ chối, {counts['skipped']} bỏ qua); "
               f"{len(cons.missing)} đơn vị chưa nộp. / Consolidated {counts['ok']} reports "
               f"({counts['rejected']} rejected, {counts['skipped']} skipped); {len(cons.missing)} units missing.")
    return {"message": message, "counts": counts, "manifest": str(manifest),
            "outputs": [str(out_dir / n) for n in (DRAFT, WORKBOOK, MANIFEST, STATUS)],
            "decisions": gathered.summary()}


def schedule_args(settings: Settings) -> dict:
    """The deployment the nightly schedule serves: name, cron schedule in its time zone, parameters."""
    from prefect.schedules import Cron

    return {
        "name": settings.name,
        "schedules": [Cron(settings.cron, timezone=settings.timezone)],
        "parameters": {"inbox": settings.inbox, "out": settings.out, "outline": settings.outline,
                       "catalog": settings.catalog, "units": settings.units, "period": settings.period},
        "description": "Tổng hợp báo cáo sơ kết hằng đêm / nightly consolidation of the units' reports",
    }


def serve(settings: Settings) -> None:
    """Serve the flow on its nightly schedule (needs a running Prefect server, see README)."""
    consolidate_flow.serve(**schedule_args(settings))
