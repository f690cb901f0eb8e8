"""What the record says about the text being pre-reviewed (智能预审 in context).

A pre-review run attached to a record (a normative document sent for legality review, a
contract…) knows more than its text: who issues it, how far the workflow has gone and
the dates already entered. The subject's app builds a `Context` (through the app
registry, `core.registry.precheck_context`) and the document-level checks read it:

- an issuer on the record: no 制定主体 "missing" finding;
- an effective date or a validity on the record: no "missing" finding for it;
- a step the workflow itself enforces later is not a finding before that step: the
  number is given at 统一登记 (stage "registered"); the effective date and the validity
  are required at 公布 (stage "published").

Without a context (the CLI, a pasted text) the checks read the text alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# How far a record has gone, in order. A normative document is "draft" until 统一登记
# (起草, 公平竞争审查, 征求意见, 合法性审核, 集体审议), "registered" once it has its number,
# "published" from 公布 on. A contract is "draft" until it is "signed".
DRAFT = "draft"
REGISTERED = "registered"
PUBLISHED = "published"
SIGNED = "signed"
_ORDER = {DRAFT: 0, REGISTERED: 1, PUBLISHED: 2, SIGNED: 2}


@dataclass(frozen=True)
class Context:
    """The record's facts a pre-review may rely on; every field is optional."""

    title: str = ""
    issuer: str = ""  # the issuer's label on the record, e.g. "镇人民政府"
    stage: str | None = None  # DRAFT, REGISTERED, PUBLISHED or SIGNED; None: unknown
    number: str = ""
    published_on: date | None = None
    effective_from: date | None = None
    valid_until: date | None = None
    signed_on: date | None = None

    def before(self, stage: str) -> bool:
        """Whether the record has not yet reached `stage` (False when its stage is
        unknown: then nothing is excused)."""
        if self.stage not in _ORDER:
            return False
        return _ORDER[self.stage] < _ORDER[stage]
