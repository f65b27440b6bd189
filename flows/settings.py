"""Settings of the nightly deployment: a TOML file, overridden by TONGHOP_* environment variables."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["DEFAULT_SETTINGS", "load_settings", "Settings", "SettingsError"]

DEFAULT_SETTINGS = Path("tonghop.toml")


class SettingsError(ValueError):
    """Settings that cannot be used; the message is one bilingual line."""


@dataclass(frozen=True)
class Settings:
    """Where the nightly run reads and writes, with what reference data, and when."""

    inbox: str = "inbox"
    out: str = "out"
    outline: str = "de-cuong-huyen"
    catalog: str | None = None
    units: str | None = None
    period: str | None = None
    cron: str = "0 23 * * *"
    timezone: str = "Asia/Ho_Chi_Minh"
    name: str = "tonghop-hang-dem"
    task_runner: str = "process"          # process (every core), threads, dask
    dask_address: str | None = None       # tcp://host:8786 of a running Dask scheduler (dask only)


def load_settings(path: Path | None = None) -> Settings:
    """Settings from `path` (or ./tonghop.toml when present), then TONGHOP_<FIELD> variables."""
    values: dict[str, str] = {}
    source = path or (DEFAULT_SETTINGS if DEFAULT_SETTINGS.exists() else None)
    if source is not None:
        try:
            data = tomllib.loads(Path(source).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise SettingsError(f"Không tìm thấy tệp cấu hình {source} / settings file not found: {source}") from exc
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"Tệp cấu hình {source} không hợp lệ / invalid settings file {source}: "
                                f"{' '.join(str(exc).split())[:120]}") from exc
        table = data.get("tonghop", data)
        wrong = sorted(k for k, v in table.items() if not isinstance(v, str))
        if wrong:
            raise SettingsError(f"Giá trị cấu hình phải là chuỗi trong dấu ngoặc kép: {', '.join(wrong)}"
                                f" / settings must be quoted strings: {', '.join(wrong)}")
        values.update(table)
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise SettingsError(f"Khóa cấu hình không biết: {', '.join(unknown)} / unknown settings: {', '.join(unknown)}")
    for name in known:
        env = os.environ.get(f"TONGHOP_{name.upper()}")
        if env:
            values[name] = env
    settings = Settings(**values)
    _check_schedule(settings)
    if settings.task_runner not in ("process", "threads", "dask"):
        raise SettingsError(f"task_runner '{settings.task_runner}' phải là process, threads hoặc dask"
                            f" / task_runner must be process, threads or dask")
    return settings


def _check_schedule(settings: Settings) -> None:
    from prefect.schedules import validate_cron_string

    if len(settings.cron.split()) != 5:
        raise SettingsError(f"Lịch cron '{settings.cron}' phải có 5 trường / cron '{settings.cron}' needs 5 fields")
    try:
        validate_cron_string(settings.cron)
    except ValueError as exc:
        raise SettingsError(f"Lịch cron '{settings.cron}' không hợp lệ / invalid cron '{settings.cron}'") from exc
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SettingsError(f"Múi giờ '{settings.timezone}' không tồn tại / unknown time zone '{settings.timezone}'") from exc
