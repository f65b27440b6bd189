"""The `tonghop` command line: each command opens, calls one library function, reports cleanly."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import typer

__all__ = ["app", "CATALOG_HELP", "main", "OUTLINE_HELP", "parse_cmd", "run_cmd", "serve_cmd", "UNITS_HELP"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help=("Tổng hợp báo cáo sơ kết giữa nhiệm kỳ của các đơn vị thành một dự thảo, bảng chỉ tiêu và "
          "nhật ký lượt chạy. / Consolidate the units' reports into a draft, an indicator workbook and a manifest."),
)

OUTLINE_HELP = "Mã đề cương (tệp trong data/outlines) hoặc đường dẫn YAML / outline id or YAML path"
CATALOG_HELP = "Danh mục chỉ tiêu CSV / indicator catalog CSV (mặc định / default: data/catalog/chi-tieu.csv)"
UNITS_HELP = "Danh sách đơn vị CSV / units registry CSV (mặc định / default: data/units/don-vi.csv)"


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"Lỗi / error: {message}", err=True)
    raise typer.Exit(code)


def _prefect_env() -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


LOCAL_SERVER = "http://127.0.0.1:4200/api"


def _use_running_server() -> str | None:
    """Without PREFECT_API_URL, a Prefect server already running on this machine's default address is
    used instead of starting a temporary one (which costs most of a small run's time); its URL, or None."""
    if os.environ.get("PREFECT_API_URL") or os.environ.get("TONGHOP_NO_SERVER_PROBE"):
        return None
    import urllib.request

    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value():          # a profile or a test harness already names a server
        return None

    try:
        with urllib.request.urlopen(f"{LOCAL_SERVER}/health", timeout=0.5) as res:
            if res.status != 200:
                return None
    except (OSError, ValueError):
        return None
    os.environ["PREFECT_API_URL"] = LOCAL_SERVER
    return LOCAL_SERVER


@app.command("parse")
def parse_cmd(
    files: list[Path] = typer.Argument(..., help="Các tệp báo cáo .docx / submitted .docx files"),
    outline: str = typer.Option("de-cuong-huyen", "--outline", help=OUTLINE_HELP),
    catalog: Path | None = typer.Option(None, "--catalog", help=CATALOG_HELP),
    units: Path | None = typer.Option(None, "--units", help=UNITS_HELP),
    as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON / print JSON (contract §2)"),
) -> None:
    """Phân tích báo cáo theo đề cương / parse reports by outline headings, print sections and indicators."""
    from tonghop.flows.pipeline import load_context, parse_or_reject
    from tonghop.model import Rejection
    from tonghop.reference import ReferenceDataError
    from tonghop.reports.names import display_name

    try:
        ctx = load_context(outline, catalog, units)
    except ReferenceDataError as exc:
        _fail(str(exc))
    failed = 0
    for path in files:
        shown = display_name(str(path))
        result = parse_or_reject(path, ctx) if not path.is_dir() else Rejection(
            str(path), None, f"{shown} là thư mục / is a folder")
        if isinstance(result, Rejection):
            failed += 1
            if len(files) == 1:
                _fail(f"{display_name(path.name)}: {result.reason}")
            typer.echo(json.dumps({"source": shown, "error": result.reason}, ensure_ascii=False))
            continue
        sub = replace(result, source=shown)
        if as_json:
            indent = 2 if len(files) == 1 else None
            typer.echo(json.dumps(sub.to_json(), ensure_ascii=False, indent=indent))
        else:
            typer.echo(_summary(sub))
    raise typer.Exit(0)


def _summary(sub) -> str:
    lines = [f"{sub.source}: {sub.unit.name or '(chưa xác định đơn vị / unknown unit)'}"]
    for s in sub.sections:
        mark = "" if s.matched else " (đề mục riêng / unit's own heading)"
        head = s.heading.text[:70] if s.heading else ""
        lines.append(f"  {s.id:<10} {len(s.paragraphs):>3} đoạn  {head}{mark}")
    lines.append(f"  chỉ tiêu / indicators: {len(sub.indicators)}, "
                 f"khớp danh mục / matched: {sum(1 for i in sub.indicators if i.id)}")
    lines.extend(f"  ! {w}" for w in sub.warnings)
    return "\n".join(lines)


@app.command("run")
def run_cmd(
    inbox: Path = typer.Option(..., "--inbox", help="Thư mục báo cáo đã nhận / folder of submitted reports"),
    out: Path = typer.Option(..., "--out", help="Thư mục kết quả / output folder"),
    outline: str = typer.Option("de-cuong-huyen", "--outline", help=OUTLINE_HELP),
    catalog: Path | None = typer.Option(None, "--catalog", help=CATALOG_HELP),
    units: Path | None = typer.Option(None, "--units", help=UNITS_HELP),
    period: str | None = typer.Option(None, "--period", help="Kỳ báo cáo, vd. '6 tháng đầu năm 2023' / reporting period"),
    overwrite: bool = typer.Option(False, "--overwrite", help="Ghi đè kết quả cũ thay vì lưu vào out/luu-tru / overwrite earlier outputs instead of archiving them"),  # noqa: E501
    decisions: Path | None = typer.Option(None, "--decisions", help="Tệp CSV quyết định của cán bộ rà soát (cột như quyet-dinh.csv), ghi thêm vào out/quyet-dinh.csv / analysts' decisions CSV shaped like quyet-dinh.csv"),  # noqa: E501
    full: bool = typer.Option(False, "--full", help="Phân tích lại mọi tệp, không dùng kết quả đã lưu / parse every file again, ignoring the kept results"),  # noqa: E501
    runner: str = typer.Option("process", "--task-runner", help="process (mọi nhân CPU / every core, mặc định / default), threads, dask"),  # noqa: E501
    dask_address: str | None = typer.Option(None, "--dask-address", help="Địa chỉ cụm Dask có sẵn, vd. tcp://10.0.0.5:8786 / address of a running Dask scheduler (default: a local cluster)"),  # noqa: E501
    workers: int | None = typer.Option(None, "--workers", min=1, help="Số tiến trình phân tích / parse processes (mặc định / default: số nhân CPU / CPU count)"),  # noqa: E501
    time_limit: float = typer.Option(120.0, "--time-limit", min=1.0, help="Giây tối đa cho một tệp / seconds one file may take"),
) -> None:
    """Chạy tổng hợp một lần / run the consolidation once over every submission in the inbox."""
    if runner not in ("process", "threads", "dask"):
        _fail(f"--task-runner phải là process, threads hoặc dask / --task-runner must be process, threads or dask: {runner}")
    if dask_address and runner != "dask":
        runner = "dask"
    if not inbox.is_dir():
        _fail(f"Không tìm thấy thư mục hộp thư {inbox} / inbox folder not found: {inbox}")
    from tonghop.reference import ReferenceDataError, load_reference

    try:
        load_reference(outline, catalog, units)     # bad reference data: a clean error before any flow starts
    except ReferenceDataError as exc:
        _fail(str(exc))
    if decisions is not None and not decisions.is_file():
        _fail(f"Không tìm thấy tệp quyết định {decisions} / decisions file not found: {decisions}")
    _check_writable(out)
    _prefect_env()
    server = _use_running_server()
    if server:
        typer.echo(f"Dùng máy chủ Prefect đang chạy tại {server} / using the running Prefect server at {server}",
                   err=True)
    from tonghop.flows.nightly import consolidate_flow, task_runner

    try:
        flow_fn = consolidate_flow
        if runner == "dask":
            flow_fn = consolidate_flow.with_options(task_runner=task_runner("dask", dask_address, workers))
        summary = flow_fn(inbox=str(inbox), out=str(out), outline=outline,
                          catalog=str(catalog) if catalog else None,
                          units=str(units) if units else None, period=period, overwrite=overwrite,
                          full=full, runner=runner, workers=workers, time_limit=time_limit,
                          decisions=str(decisions) if decisions else None)
    except ReferenceDataError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"Không ghi được kết quả: {exc.strerror or exc} / cannot write outputs", code=1)
    typer.echo(summary["message"])
    if (decided := summary.get("decisions")) and (decided["total"] or decided["notes"]):
        typer.echo(f"Quyết định của cán bộ rà soát: {decided['total']} ({len(decided['notes'])} ghi chú trong Cần rà soát),"
                   f" {decided['appended']} mới ghi vào quyet-dinh.csv / analysts' decisions: {decided['total']},"
                   f" {decided['appended']} new")
    for path in summary["outputs"]:
        typer.echo(f"  {path}")
    raise typer.Exit(0)


def _check_writable(out: Path) -> None:
    """The output folder exists (or can be made) and can be written, or a one-line error."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".tonghop-", delete=True):
            pass
    except OSError as exc:
        _fail(f"Không ghi được vào thư mục kết quả {out} ({exc.strerror or type(exc).__name__})"
              f" / cannot write to output folder {out}", code=1)


@app.command("serve")
def serve_cmd(
    settings: Path | None = typer.Option(None, "--settings", help="Tệp cấu hình TOML / settings file (TOML)"),
) -> None:
    """Phục vụ lịch chạy hằng đêm / serve the nightly deployment (cron, Asia/Ho_Chi_Minh)."""
    _prefect_env()
    from tonghop.flows.nightly import serve
    from tonghop.flows.settings import SettingsError, load_settings

    try:
        cfg = load_settings(settings)
    except SettingsError as exc:
        _fail(str(exc))
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        _fail("Lịch chạy cần một máy chủ Prefect: chạy 'prefect server start' và đặt PREFECT_API_URL"
              " / a schedule needs a Prefect server: run 'prefect server start' and set PREFECT_API_URL")
    if not Path(cfg.inbox).is_dir():
        _fail(f"Không tìm thấy thư mục hộp thư {cfg.inbox} / inbox folder not found: {cfg.inbox}")
    serve(cfg)


def main() -> None:
    """Console script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
