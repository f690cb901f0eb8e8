"""The facts early warning (社会矛盾预警) reads about one open matter.

Apps never import each other, so the early-warning app cannot query disputes or
petitions itself. Each app that holds matters worth watching has a `risk.py` with

    def risk_facts(unit_ids, day) -> Iterable[RiskFacts]

(`unit_ids`: a queryset of org-unit ids in scope — filter with `org_unit_id__in`;
`day`: the clock's today) yielding one `RiskFacts` per open matter. The early-warning app
finds these through `core.hooks.app_hooks("risk", "risk_facts")`, scores them from named
factors with configurable weights, and keeps the warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class RiskFacts:
    kind: str  # "dispute", "petition", "key_person" — the subject's model label
    pk: int
    org_unit_id: int  # the unit that owns the matter (scoping, routing to its leader)
    title: str  # what a leader reads on the workbench (no personal data beyond a masked name)
    url: str  # the matter's detail page
    category: str = ""  # the matter's category code (category weights are parameters)
    group_size: int = 1  # people involved (集体访/群体性纠纷)
    repeat_count: int = 0  # earlier matters of the same people/place within the window
    unresolved_earlier: int = 0  # of those, still open
    deadline: date | None = None  # the nearest statutory deadline of the matter
    text: str = ""  # free text to scan for escalation words (集体, 上访, 极端 …)
    signals: tuple[str, ...] = field(default_factory=tuple)  # recorded risk signals (visits)
