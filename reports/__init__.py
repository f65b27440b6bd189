"""Rendering of the deliverables: draft .docx, indicator workbook .xlsx, manifest."""
