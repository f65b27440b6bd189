"""tonghop: consolidate the units' .docx reports of a mid-term review into one draft, an indicator
workbook and a manifest.

One import namespace: `tonghop.parsers` (docx → model), `tonghop.indicators` (per-document indicator
readings), `tonghop.aggregators` (matching and consolidation across units), `tonghop.reports` (the
deliverables), `tonghop.flows` (Prefect and the `tonghop` command), `tonghop.model` (the shared
types), `tonghop.reference` (outline, catalog, units and abbreviations read from `tonghop/data`).
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tonghop")
except PackageNotFoundError:        # a source tree that is not installed
    __version__ = "0+unknown"
