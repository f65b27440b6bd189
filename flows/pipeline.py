"""The per-run context and the per-file work, as plain functions the flow and the CLI share."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from tonghop.indicators.extract import extract_indicators
from tonghop.aggregators.matching import Matcher, build_matcher
from tonghop.reference import load_abbreviations
from tonghop.model import Reference, Submission
from tonghop.parsers.parse import parse_file
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
