"""Every write of 社会矛盾预警, one module per aggregate.

- `evaluation`: 研判 — score the open matters the other apps offer (core.risk) and keep
  one warning per matter (`fazhi tick` for every town; 立即研判 by a town's law officer);
- `warning`: the town's 应对措施 (who, what, when) or reasoned 撤销, and the system's
  解除 / 重新待应对.
"""

from .evaluation import NO_PROVIDERS, EvaluationResult, evaluate, evaluate_now, providers, town_of
from .warning import (
    WARNING_FLOW,
    response_due,
    warning_dismiss,
    warning_respond,
    warning_transition,
)

__all__ = [
    "NO_PROVIDERS",
    "WARNING_FLOW",
    "EvaluationResult",
    "evaluate",
    "evaluate_now",
    "providers",
    "response_due",
    "town_of",
    "warning_dismiss",
    "warning_respond",
    "warning_transition",
]
