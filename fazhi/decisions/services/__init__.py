"""Every write of 重大行政决策, one module per aggregate.

Who does what (《重大行政决策程序暂行条例》, towns per 第四十二条):
- the town's law officer drafts the year's catalogue and lists its matters, the town
  leader adopts it, the law officer publishes it (`catalogue`);
- the law officer runs each decision through public participation (a consultation on
  fazhi.participation, `consult`), expert argumentation, risk assessment and legality
  review (fazhi.reviews), each step refused until the previous procedure's evidence is
  attached; the collective discussion is recorded with the chief speaking last; the
  leader decides; the law officer publishes and archives (`decision`, `record`);
- implementation reports and a post-evaluation by someone other than the pre-assessor
  follow; a change is a new version through the whole procedure (`decision_revise`);
- the archived file is one audited .zip download with its index (`archive`).
"""

from .archive import decision_archive_file
from .catalogue import CATALOGUE_FLOW, catalogue_create, catalogue_transition
from .common import (
    GATES,
    LEADER_ROLES,
    OFFICE_ROLES,
    PAGE_ROLES,
    WRITER_ROLES,
    gate_report,
)
from .decision import (
    DECISION_FLOW,
    decision_create,
    decision_review_concluded,
    decision_revise,
    decision_transition,
    decision_update_draft,
)
from .record import (
    discussion_record,
    expert_add,
    implementation_report_add,
    post_evaluation_record,
    risk_record,
)

__all__ = [
    "CATALOGUE_FLOW",
    "DECISION_FLOW",
    "GATES",
    "LEADER_ROLES",
    "OFFICE_ROLES",
    "PAGE_ROLES",
    "WRITER_ROLES",
    "catalogue_create",
    "catalogue_transition",
    "decision_archive_file",
    "decision_create",
    "decision_review_concluded",
    "decision_revise",
    "decision_transition",
    "decision_update_draft",
    "discussion_record",
    "expert_add",
    "gate_report",
    "implementation_report_add",
    "post_evaluation_record",
    "risk_record",
]
