"""Generator of realistic, messy submitted reports (.docx) with ground truth. See README.md."""
from .builder import TRUTH_FORMAT, DocSpec, build
from .corpus import broken_document, corpus_specs, generate_corpus, generate_document

__all__ = ["TRUTH_FORMAT", "DocSpec", "build", "broken_document", "corpus_specs", "generate_corpus",
           "generate_document"]
