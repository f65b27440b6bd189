"""The per-run context and the per-file work, as plain functions the flow and the CLI share."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from tonghop.aggregators.decisions import decided_aliases
from tonghop.aggregators.matching import Matcher, build_matcher, with_aliases
from tonghop.indicators.extract import extract_indicators
from tonghop.model import Decision, Reference, Rejection, Submission
from tonghop.parsers.docx_reader import DocxError
from tonghop.parsers.parse import file_sha256, parse_file
from tonghop.parsers.units import UnitKeys, unit_keys
from tonghop.reference import load_abbreviations, load_reference

__all__ = ["RunContext", "internal_error_reason", "load_context", "parse_one", "parse_or_reject", "with_decisions"]


@dataclass(frozen=True)
class RunContext:
    """Reference data and the matching structures built from it once per run."""

    ref: Reference
    keys: tuple[UnitKeys, ...]
    matcher: Matcher
    unit_matchers: tuple[tuple[str, Matcher], ...] = ()   # units with decided names: matcher with their aliases

    def matcher_for(self, unit_id: str | None) -> Matcher:
        """The unit's matcher (its decided names as aliases), else the catalog's."""
        return next((m for u, m in self.unit_matchers if u == unit_id), self.matcher)


def with_decisions(ctx: RunContext, decisions: tuple[Decision, ...]) -> RunContext:
    """The context whose matchers know the analysts' decided names, each for its own unit."""
    units = sorted({d.unit_id for d in decisions})
    matchers = []
    for unit in units:
        aliases = decided_aliases(decisions, ctx.ref.catalog, unit)
        if aliases:
            matchers.append((unit, with_aliases(ctx.matcher, aliases)))
    return replace(ctx, unit_matchers=tuple(matchers))


def load_context(outline: str = "de-cuong-huyen", catalog: Path | str | None = None,
                 units: Path | str | None = None) -> RunContext:
    """Read and validate the reference data; raises ReferenceDataError."""
    ref = load_reference(outline, catalog, units)
    return RunContext(ref=ref, keys=unit_keys(ref.units),
                      matcher=build_matcher(ref.catalog, load_abbreviations()))


def parse_one(path: Path | str, ctx: RunContext) -> Submission:
    """Parse one submission and read its indicators; raises DocxError when unreadable."""
    sub = parse_file(path, ctx.ref, ctx.keys)
    indicators = extract_indicators(sub.sections, ctx.ref.catalog, ctx.matcher_for(sub.unit.id))
    return replace(sub, indicators=tuple(indicators))


def internal_error_reason(exc: BaseException) -> str:
    """The one-line reason for a file that hit a bug (never a traceback in the outputs)."""
    name = type(exc).__name__
    return (f"Lỗi nội bộ khi phân tích ({name}) / internal error while parsing "
            f"({name}: {' '.join(str(exc).split())[:120]})")


def parse_or_reject(path: Path | str, ctx: RunContext, source: str | None = None) -> Submission | Rejection:
    """Parse one submission, or the Rejection that says why not: an unreadable file (DocxError) or a bug
    on this file (any other exception, kept in `Rejection.error` for the caller to log). Never raises for
    one file, so one broken submission cannot stop a batch. `source` names the file in the result."""
    name = str(path) if source is None else source
    try:
        sub = parse_one(path, ctx)
    except DocxError as exc:
        return Rejection(name, file_sha256(path), str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug on one file is one file's rejection, logged by the caller
        return Rejection(name, file_sha256(path), internal_error_reason(exc), error=exc)
    return sub if source is None else replace(sub, source=source)
