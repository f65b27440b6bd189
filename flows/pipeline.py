"""The per-run context and the per-file work, as plain functions the flow and the CLI share."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from tonghop.indicators.extract import extract_indicators
from tonghop.aggregators.matching import Matcher, build_matcher
from tonghop.reference import load_abbreviations
from tonghop.model import Reference, Rejection, Submission
from tonghop.parsers.docx_reader import DocxError
from tonghop.parsers.parse import file_sha256, parse_file
from tonghop.reference import load_reference
from tonghop.parsers.units import UnitKeys, unit_keys


@dataclass(frozen=True)
class RunContext:
    """Reference data and the matching structures built from it once per run."""

    ref: Reference
    keys: tuple[UnitKeys, ...]
    matcher: Matcher


def load_context(outline: str = "de-cuong-huyen", catalog: Path | str | None = None,
                 units: Path | str | None = None) -> RunContext:
    """Read and validate the reference data; raises ReferenceDataError."""
    ref = load_reference(outline, catalog, units)
    return RunContext(ref=ref, keys=unit_keys(ref.units),
                      matcher=build_matcher(ref.catalog, load_abbreviations()))


def parse_one(path: Path | str, ctx: RunContext) -> Submission:
    """Parse one submission and read its indicators; raises DocxError when unreadable."""
    sub = parse_file(path, ctx.ref, ctx.keys)
    indicators = extract_indicators(sub.sections, ctx.ref.catalog, ctx.matcher)
    return replace(sub, indicators=tuple(indicators))


def internal_error_reason(exc: BaseException) -> str:
    """The one-line reason of a file that hit a bug (the traceback goes to the log, not the deliverables)."""
    return (f"Lỗi nội bộ khi phân tích ({type(exc).__name__}), đã ghi nhật ký / "
            f"internal error while parsing ({type(exc).__name__}), logged")


def parse_or_reject(path: Path | str, ctx: RunContext) -> Submission | Rejection:
    """Parse one submission; a file that cannot be read, or that hits a bug, becomes a Rejection with its
    one-line reason instead of an exception (the CLI and the flow both go on to the next file)."""
    try:
        return parse_one(path, ctx)
    except DocxError as exc:
        return Rejection(str(path), file_sha256(path), str(exc))
    except MemoryError:
        return Rejection(str(path), file_sha256(path),
                         "Tệp cần quá nhiều bộ nhớ để đọc / file needs too much memory to read")
    except RecursionError:
        return Rejection(str(path), file_sha256(path),
                         "Tệp lồng quá sâu, không đọc được / file nested too deeply to read")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run; the caller logs it
        import logging
        logging.getLogger("tonghop").exception("internal error parsing %r", str(path))
        return Rejection(str(path), file_sha256(path), internal_error_reason(exc))
