"""Indicators, catalog matching and consolidation across units: pure functions over the model."""
