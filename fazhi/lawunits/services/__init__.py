"""Every write of 法治单元, one module per aggregate.

Who does what:
- the town's law office keeps the checklist of 民主法治村(社区) criteria and the types of
  法治微单元 (defaults seeded), opens a village's creation at a tier, and records the
  higher level's decisions: 列入拟命名名单, 命名, 复核 (`village`);
- a village's cadre uploads the evidence of each criterion (photos stripped of their
  metadata) and declares (申报) once every criterion is evidenced (`village`, `photos`);
- the village's cadre keeps its registries (法律明白人 ≥ 3, 法治带头人, 学法守法示范户,
  法治民宿 …) with evidence and training records (`registry`);
- the village files its 村规民约, pre-reviewed at once; the office accepts or returns it
  for correction; the village refiles (`villagerules`).
"""

from .common import OFFICE_ROLES, PAGE_ROLES, WRITER_ROLES
from .registry import (
    DEFAULT_TYPES,
    entry_create,
    entry_evidence_add,
    entry_remove,
    training_add,
    type_add,
    types_of,
    types_seed,
)
from .village import (
    DEFAULT_CRITERIA,
    RECORD_FLOW,
    criteria_of,
    criteria_seed,
    criterion_add,
    criterion_retire,
    evidence_upload,
    missing_criteria,
    record_create,
    record_transition,
)
from .villagerules import RULES_FLOW, review_text, rules_attach, rules_file, rules_transition

__all__ = [
    "DEFAULT_CRITERIA",
    "DEFAULT_TYPES",
    "OFFICE_ROLES",
    "PAGE_ROLES",
    "RECORD_FLOW",
    "RULES_FLOW",
    "WRITER_ROLES",
    "criteria_of",
    "criteria_seed",
    "criterion_add",
    "criterion_retire",
    "entry_create",
    "entry_evidence_add",
    "entry_remove",
    "evidence_upload",
    "missing_criteria",
    "record_create",
    "record_transition",
    "review_text",
    "rules_attach",
    "rules_file",
    "rules_transition",
    "training_add",
    "type_add",
    "types_of",
    "types_seed",
]
