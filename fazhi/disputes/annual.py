"""矛盾纠纷's part of the annual summary (core.annual): the seed's (四)二是 "…化解社会矛盾"
with the disputes received, mediated, the success rate, agreements and judicial
confirmations; disputes still open at the year's end are a problem.
`?annual=<key>:<year>:<unit code>` narrows the dispute list to the disputes counted."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db.models import Q

from fazhi.core.annual import Contribution, Fact, Point, cohort_fact, cohort_narrow
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree

from .models import Agreement, Dispute
from .summary import counts

S = Dispute.Status
J = Agreement.Judicial


def _received(u, y):
    return in_subtree(u) & Q(registered_on__range=(date(y, 1, 1), date(y, 12, 31)))


COHORTS = {
    "received": (Dispute, _received),
    "mediated": (Dispute, lambda u, y: _received(u, y) & Q(outcome=S.MEDIATED)),
    "agreements": (
        Dispute,
        lambda u, y: _received(u, y) & Q(agreement__form=Agreement.Form.WRITTEN),
    ),
    "judicial": (
        Dispute,
        lambda u, y: (
            _received(u, y) & Q(agreement__judicial_state__in=[J.APPLIED, J.CONFIRMED, J.REJECTED])
        ),
    ),
    "open": (Dispute, lambda u, y: _received(u, y) & Q(status__in=Dispute.OPEN)),
}
LISTS = {Dispute: "disputes:dispute_list"}


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    received = _fact(unit, year, "received", "排查化解矛盾纠纷")
    if not received.value:
        return c
    k = counts(unit, date(year, 1, 1), date(year, 12, 31))
    mediated = _fact(unit, year, "mediated", "调解成功")
    text = (
        "强化法律在维护群众权益、化解社会矛盾中的权威地位,全年排查化解矛盾纠纷{0}件,调解成功{1}件"
    )
    facts = [received, mediated]
    if k["mediated"] + k["failed"]:
        text += ",调解成功率{2}"
        facts.append(Fact(f"{k['rate']:g}%", "", "调解成功率"))
    for key, label, phrase, unit_word in (
        ("agreements", "达成书面调解协议", "达成调解协议", "份"),
        ("judicial", "申请司法确认", "申请司法确认", "件"),
    ):
        fact = _fact(unit, year, key, label)
        if fact.value:
            text += f",{phrase}{{{len(facts)}}}{unit_word}"
            facts.append(fact)
    c.points.append(Point("disputes.mediation", text + "。", tuple(facts), "governance", order=21))
    still = _fact(unit, year, "open", "尚在办理的矛盾纠纷")
    if still.value:
        c.problems.append(
            Point(
                "disputes.open",
                "矛盾纠纷化解仍有存量,{0}件矛盾纠纷尚在调解办理中。",
                (still,),
            )
        )
    return c
