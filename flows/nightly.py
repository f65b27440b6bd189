"""The nightly consolidation flow: one task per submission, then consolidation and the deliverables.

Tasks are thin wrappers over library functions (flows/pipeline.py, aggregators/, reports/). What one
file can do never stops the night: names are shown escaped (reports/names.py), links leaving the
inbox are never followed, special files never opened, each parse runs in a worker process with a time
limit (flows/workers.py), and a parse already done on the same bytes is reused (flows/cache.py).
"""
from __future__ import annotations

import os
import stat
import threading
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from tonghop.aggregators.consolidate import consolidate, select_versions, unit_key
from tonghop.aggregators.decisions import apply_decisions, decisions_hash
from tonghop.flows.cache import ParseCache
from tonghop.flows.pipeline import RunContext, load_context, parse_or_reject, with_decisions
from tonghop.flows.progress import Progress
from tonghop.flows.settings import Settings
from tonghop.flows.workers import CRASH_REASON, DEFAULT_TIME_LIMIT, ParsePool, timeout_reason
from tonghop.model import FileRecord, FileStatus, Rejection, Submission
from tonghop.parsers.docx_reader import foreign_format_reason
from tonghop.parsers.parse import file_sha256
from tonghop.reports.archive import archive_previous
from tonghop.reports.changes import CHANGES_MD, build_state, compare, load_state, write_changes, write_state
from tonghop.reports.draft_docx import write_draft
from tonghop.reports.manifest import write_manifest, write_status_csv
from tonghop.reports.names import display_name
from tonghop.reports.quyet_dinh import gather_decisions
from tonghop.reports.tap_hop_docx import write_compilation
from tonghop.reports.workbook_xlsx import decision_notes, inputs_time, write_workbook

__all__ = [
    "consolidate_flow", "DRAFT", "inbox_files", "MANIFEST", "parse_all", "parse_task", "precheck", "received",
    "RUNNERS", "schedule_args", "serve", "source_name", "STATUS", "SUPPORTED", "task_runner", "TZ", "WORKBOOK",
    "FULL_TEXT",
]

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DRAFT, WORKBOOK, MANIFEST, STATUS = "du-thao-tong-hop.docx", "chi-tieu.xlsx", "manifest.json", "nop-bao-cao.csv"
FULL_TEXT = "tap-hop-nguyen-van.docx"
SUPPORTED = {".docx", ".docm"}
RUNNERS = ("process", "threads", "dask")


def inbox_files(inbox: Path, exclude: Path | None = None) -> list[Path]:
    """Every entry of the inbox that is not a folder (sub-folders walked, hidden files included, links
    listed but never followed into, the output folder left out when it lies inside), in a stable order."""
    skip = exclude.resolve() if exclude is not None else None
    files = []
    for top, dirs, names in os.walk(inbox, followlinks=False):
        here = Path(top)
        if skip is not None and (here.resolve() == skip or skip in here.resolve().parents):
            dirs[:] = []
            continue
        keep_dirs = []
        for d in dirs:
            p = here / d
            if p.is_symlink():
                files.append(p)                 # a link to a folder: listed, judged by precheck
            elif skip is None or p.resolve() != skip:
                keep_dirs.append(d)
        dirs[:] = keep_dirs
        files.extend(here / n for n in names)
    return sorted(files)


def source_name(path: Path, inbox: Path) -> str:
    """How the deliverables name an inbox file: its path under the inbox, escaped where unshowable."""
    return display_name(str(path.relative_to(inbox)))


def received(path: Path) -> str:
    """When a file arrived: its modification time, Vietnam time, ISO 8601 ("" when it cannot be read).
    A link's own time: its target is never looked at."""
    try:
        return datetime.fromtimestamp(path.lstat().st_mtime, TZ).isoformat(timespec="seconds")
    except OSError:
        return ""


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def precheck(path: Path, inbox: Path) -> FileRecord | None:
    """A record for a file that is not parsed at all (link leaving the inbox, special file, hidden, lock
    file, broken link, wrong format), else None. A link leaving the inbox is never read, not even hashed."""
    rel = source_name(path, inbox)
    if path.is_symlink():
        try:
            target = Path(os.path.realpath(path))
            root = Path(os.path.realpath(inbox))
        except (OSError, RuntimeError):
            target, root = None, None
        if target is None or not _inside(target, root):
            return FileRecord(rel, None, received(path), FileStatus.REJECTED,
                              reason="Liên kết (symlink) trỏ ra ngoài hộp thư, không đọc / symbolic link "
                                     "pointing outside the inbox, not read")
        if target.is_dir():
            return FileRecord(rel, None, received(path), FileStatus.SKIPPED,
                              reason="Liên kết tới một thư mục trong hộp thư, tệp ở đó đã được đọc / link to a "
                                     "folder inside the inbox, its files are read there")
    if not os.path.exists(path):
        return FileRecord(rel, None, "", FileStatus.REJECTED,
                          reason="Liên kết tới tệp không còn tồn tại / broken link, the file it points to is gone")
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        regular = False
    if not regular:
        return FileRecord(rel, None, received(path), FileStatus.REJECTED,
                          reason="Không phải tệp thông thường (thiết bị, ống dẫn…), không đọc / not a regular "
                                 "file (device, pipe…), not read")
    if any(part.startswith(".") for part in path.relative_to(inbox).parts):
        return FileRecord(rel, file_sha256(path), received(path), FileStatus.SKIPPED,
                          reason="Tệp ẩn (vd. ._tệp của macOS), bỏ qua / hidden file, ignored")
    if path.name.startswith("~$"):
        return FileRecord(rel, file_sha256(path), received(path), FileStatus.SKIPPED,
                          reason="Tệp khóa tạm của Word, bỏ qua / Word lock file, ignored")
    if path.suffix.lower() not in SUPPORTED:
        return FileRecord(rel, file_sha256(path), received(path), FileStatus.REJECTED,
                          reason=foreign_format_reason(path))
    return None


# ---------------------------------------------------------------- the per-file task

_POOLS: dict[int, ParsePool] = {}          # the process pool of a running flow, by id (tasks run in threads)
_WORKER_CONTEXTS: dict[tuple, RunContext] = {}
_WORKER_LOCK = threading.Lock()


def _context_in_worker(spec: tuple) -> RunContext:
    """The run context on a Dask worker: loaded once per worker process from the same reference files."""
    with _WORKER_LOCK:
        if spec not in _WORKER_CONTEXTS:
            _WORKER_CONTEXTS[spec] = with_decisions(load_context(*spec[:3]), spec[3] if len(spec) > 3 else ())
        return _WORKER_CONTEXTS[spec]


@task(name="phan-tich-bao-cao", cache_policy=NO_CACHE, retries=0)
def parse_task(path: str, mode: str, pool_id: int | None = None, ctx: RunContext | None = None,
               spec: tuple | None = None) -> tuple[Submission | Rejection, float]:
    """Parse one submission (in the run's worker pool, in this thread, or on a Dask worker); an unreadable
    file becomes a rejection, never an exception. Returns the result and the seconds it took."""
    start = time.perf_counter()
    if mode == "process":
        result = _POOLS[pool_id].run(path)
    elif mode == "dask":
        result = parse_or_reject(path, _context_in_worker(spec))
    else:
        result = parse_or_reject(path, ctx)
    if isinstance(result, Rejection) and result.error is not None:   # a bug on one file: logged in full
        get_run_logger().error("Lỗi nội bộ khi phân tích %s / internal error parsing %s", display_name(path),
                               display_name(path), exc_info=result.error)
        result = Rejection(result.source, result.sha256, result.reason)
    return result, time.perf_counter() - start


def task_runner(name: str = "process", dask_address: str | None = None, workers: int | None = None):
    """The Prefect task runner for `--task-runner`: threads that hand each file to the worker pool
    (process, default), threads parsing in-process (threads), or a Dask cluster (dask)."""
    from prefect.task_runners import ThreadPoolTaskRunner

    n = max(1, workers or os.cpu_count() or 1)
    if name == "dask":
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError as exc:      # pragma: no cover - prefect-dask is a dependency
            raise RuntimeError("Cần cài prefect-dask / prefect-dask is not installed") from exc
        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": n, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    if name == "threads":
        return ThreadPoolTaskRunner(max_workers=n)
    return ThreadPoolTaskRunner(max_workers=2 * n)


def _record(result: Submission | Rejection, path: Path, inbox: Path, sha: str | None,
            seconds: float) -> tuple[Submission | Rejection, FileRecord]:
    rel = source_name(path, inbox)
    when = received(path)
    if isinstance(result, Submission):
        sub = replace(result, source=rel)
        return sub, FileRecord(rel, sub.sha256, when, FileStatus.OK, unit=sub.unit.id, seconds=round(seconds, 4),
                               warnings=sub.warnings)
    return (Rejection(rel, sha, result.reason),
            FileRecord(rel, sha, when, FileStatus.REJECTED, reason=result.reason, seconds=round(seconds, 4)))


def parse_all(paths: list[Path], inbox: Path, ctx: RunContext, spec: tuple, cache: ParseCache,
              mode: str, workers: int | None, time_limit: float,
              progress: Progress) -> list[tuple[Submission | Rejection, FileRecord]]:
    """Every file parsed or taken from the cache, in the order given."""
    from prefect.futures import as_completed

    results: dict[int, tuple] = {}
    todo: list[tuple[int, Path, str | None]] = []
    for i, p in enumerate(paths):
        sha = file_sha256(p)
        hit = cache.get(sha, str(p))
        if hit is not None:
            results[i] = _record(hit[0], p, inbox, sha, hit[1])
            progress.advance()
        else:
            todo.append((i, p, sha))
    if not todo:
        return [results[i] for i in range(len(paths))]
    pool = ParsePool(ctx, workers=min(workers or os.cpu_count() or 1, len(todo)),
                     time_limit=time_limit) if mode == "process" else None
    if pool is not None:
        _POOLS[id(pool)] = pool
    try:
        futures = {}
        # on Dask the worker processes are not ours to kill: Prefect's task time-out interrupts Python code
        submit = parse_task.with_options(timeout_seconds=time_limit).submit if mode == "dask" else parse_task.submit
        for i, p, sha in todo:
            fut = submit(str(p), mode, pool_id=id(pool) if pool else None,
                                    ctx=ctx if mode == "threads" else None,
                                    spec=spec if mode == "dask" else None)
            futures[fut] = (i, p, sha)
        for fut in as_completed(list(futures)):
            i, p, sha = futures[fut]
            try:
                result, seconds = fut.result()
            except Exception as exc:  # noqa: BLE001 - a task that failed (time-out, lost worker) is one file's
                timed_out = isinstance(exc, TimeoutError) or "Timeout" in type(exc).__name__
                get_run_logger().warning("Tác vụ phân tích %s thất bại / parse task failed: %r",
                                         display_name(str(p)), exc)
                result = Rejection(str(p), None, timeout_reason(time_limit) if timed_out else CRASH_REASON)
                seconds = 0.0
            if isinstance(result, Submission) or (result.sha256 is not None and result.error is None):
                cache.put(sha, str(p), result, round(seconds, 4))   # not a time-out or crash: those may pass next time
            results[i] = _record(result, p, inbox, sha, seconds)
            progress.advance()
    finally:
        if pool is not None:
            _POOLS.pop(id(pool), None)
            pool.close()
    return [results[i] for i in range(len(paths))]


@flow(name="tonghop-tong-hop", log_prints=False,
      task_runner=ThreadPoolTaskRunner(max_workers=2 * max(1, os.cpu_count() or 1)))
def consolidate_flow(inbox: str, out: str, outline: str = "de-cuong-huyen", catalog: str | None = None,
                     units: str | None = None, period: str | None = None, overwrite: bool = False,
                     full: bool = False, runner: str = "process", workers: int | None = None,
                     time_limit: float = DEFAULT_TIME_LIMIT, progress: bool | None = None,
                     decisions: str | None = None) -> dict:
    """Consolidate every submission of the inbox into the draft, the workbook and the manifest.

    full: parse every file again instead of reusing the results kept in --out/.tonghop-cache.
    runner: how the parse tasks run ("process": worker processes on every core, "threads", "dask": the
    flow's Dask task runner). progress: a progress bar (None: only when stderr is a terminal).
    decisions: a CSV of analysts' decisions to add to --out/quyet-dinh.csv (harvested from the previous
    workbook anyway)."""
    started = time.perf_counter()
    started_at = datetime.now(TZ).isoformat(timespec="seconds")
    spec = (outline, catalog, units)
    ctx = load_context(*spec)
    inbox_dir, out_dir = Path(inbox), Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    # the analysts' decisions: harvested from the previous workbook into quyet-dinh.csv before it is archived
    gathered = gather_decisions(out_dir, WORKBOOK, decisions, [e.id for e in ctx.ref.catalog.entries],
                                now=datetime.now(TZ).replace(microsecond=0))
    ctx = with_decisions(ctx, gathered.decisions)
    spec = spec + (tuple(gathered.decisions),)
    files = inbox_files(inbox_dir, exclude=out_dir)
    records: list[FileRecord] = []
    to_parse = []
    for f in files:
        rec = precheck(f, inbox_dir)
        if rec is None:
            to_parse.append(f)
        else:
            records.append(rec)
    cache = ParseCache(out_dir, ctx, extra=decisions_hash(gathered.decisions, ctx.ref.catalog), enabled=not full)
    bar = Progress(len(to_parse), enabled=progress)
    parse_started = time.perf_counter()
    results = parse_all(to_parse, inbox_dir, ctx, spec, cache, runner, workers, time_limit, bar)
    bar.close()
    parse_seconds = time.perf_counter() - parse_started
    parsed = [(r, rec) for r, rec in results if isinstance(r, Submission)]
    records.extend(rec for r, rec in results if not isinstance(r, Submission))
    kept, skipped = select_versions(parsed)
    records.extend(rec for _, rec in kept)
    records.extend(skipped)
    records.sort(key=lambda r: r.source)
    subs, applied = apply_decisions([s for s, _ in kept], gathered.decisions, ctx.ref.catalog,
                                    lambda s: unit_key(s, ctx.ref)[0])
    cons = consolidate(subs, ctx.ref)
    state = build_state(cons, started_at)
    changes = compare(load_state(out_dir), state, cons, ctx.ref, datetime.now(TZ).date())
    archived = None if overwrite else archive_previous(out_dir, (DRAFT, FULL_TEXT, WORKBOOK, MANIFEST, STATUS,
                                                                      CHANGES_MD))
    run_info = {"started_at": started_at, "inbox": display_name(str(inbox_dir)), "period": period,
                "as_of": inputs_time(records).isoformat(),
                "archived_previous": str(archived) if archived else None,
                "decisions": {**gathered.summary(), "readings_decided": applied.applied,
                              "not_applied": [p.reason for p in applied.problems]}}
    notes = decision_notes(gathered.notes, applied.problems)
    write_draft(cons, out_dir / DRAFT, period=period, run_info=run_info, base_dir=inbox_dir)
    write_compilation(cons, out_dir / FULL_TEXT, period=period, run_info=run_info, base_dir=inbox_dir)
    write_workbook(cons, records, ctx.ref, out_dir / WORKBOOK, notes=notes, period=period, base_dir=inbox_dir,
                   changes=changes)
    write_status_csv(cons, records, ctx.ref, out_dir / STATUS)
    write_changes(changes, out_dir)
    cache.prune()
    run_info["parse"] = {"files": len(to_parse), "parsed": len(to_parse) - cache.hits, "cached": cache.hits,
                         "seconds": round(parse_seconds, 3), "runner": runner}
    run_info["seconds"] = round(time.perf_counter() - started, 3)
    manifest = write_manifest(records, subs, ctx.ref, out_dir / MANIFEST, run_info)
    write_state(state, out_dir)             # last: a night that fails before here is compared against again
    counts = {s: sum(1 for r in records if r.status == s) for s in ("ok", "rejected", "skipped")}
    message = (f"Đã tổng hợp {counts['ok']} báo cáo ({counts['rejected']} bị từ chối, {counts['skipped']} bỏ qua); "
               f"{len(cons.missing)} đơn vị chưa nộp. / Consolidated {counts['ok']} reports "
               f"({counts['rejected']} rejected, {counts['skipped']} skipped); {len(cons.missing)} units missing.")
    return {"message": message, "counts": counts, "manifest": str(manifest), "parse": run_info["parse"],
            "outputs": [str(out_dir / n) for n in (DRAFT, WORKBOOK, MANIFEST, STATUS, FULL_TEXT, CHANGES_MD)],
            "decisions": gathered.summary()}


def schedule_args(settings: Settings) -> dict:
    """The deployment the nightly schedule serves: name, cron schedule in its time zone, parameters."""
    from prefect.schedules import Cron

    return {
        "name": settings.name,
        "schedules": [Cron(settings.cron, timezone=settings.timezone)],
        "parameters": {"inbox": settings.inbox, "out": settings.out, "outline": settings.outline,
                       "catalog": settings.catalog, "units": settings.units, "period": settings.period,
                       "runner": settings.task_runner},
        "description": "Tổng hợp báo cáo sơ kết hằng đêm / nightly consolidation of the units' reports",
    }


def serve(settings: Settings) -> None:
    """Serve the flow on its nightly schedule (needs a running Prefect server, see README)."""
    flow_fn = consolidate_flow
    if settings.task_runner == "dask":
        flow_fn = consolidate_flow.with_options(task_runner=task_runner("dask", settings.dask_address))
    flow_fn.serve(**schedule_args(settings))
