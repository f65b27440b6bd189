"""The per-run context and the per-file work, as plain functions the flow and the CLI share."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from tonghop.indicators.extract import extract_indicators
from tonghop.aggregators.decisions import decided_aliases
from tonghop.aggregators.matching import Matcher, build_matcher, with_aliases
from tonghop.reference import load_abbreviations
from tonghop.model import Decision, Reference, Submission
from tonghop.parsers.parse import parse_file
from tonghop.reference import load_reference
from tonghop.parsers.units import UnitKeys, unit_keys


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
