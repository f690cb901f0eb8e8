"""智能预审: rule-based pre-review of normative documents, contracts and administrative
agreements. `precheck(text_or_paragraphs, kind)` returns a `Result` whose findings carry
paragraph/start/end offsets, the legal basis, an explanation and a suggested fix."""

from .engine import Finding, Result, detect_kind, precheck

__all__ = ["Finding", "Result", "detect_kind", "precheck"]
