"""docx → typed document model: reading, heading detection, outline alignment, legacy encodings."""
