"""公众参与's part of the annual summary (core.annual): the seed's 三是 "增强公众参与实效"
with the consultations named, the comments received from each kind of participant, the
answers, and the hearings held; comments left unanswered are a problem.
`?annual=<key>:<year>:<unit code>` narrows the consultation or hearing list."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db.models import Q

from fazhi.core.annual import Contribution, Fact, Point, cohort_fact, cohort_narrow
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree

from .models import Consultation, Hearing
from .summary import figures


def _span(y):
    return (date(y, 1, 1), date(y, 12, 31))


COHORTS = {
    "consultations": (Consultation, lambda u, y: in_subtree(u) & Q(starts_on__range=_span(y))),
    "hearings": (
        Hearing,
        lambda u, y: (
            in_subtree(u)
            & Q(held_on__range=_span(y), status__in=[Hearing.Status.HELD, Hearing.Status.REPORTED])
        ),
    ),
}
LISTS = {Consultation: "participation:consultation_list", Hearing: "participation:hearing_list"}


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def _book(title: str) -> str:
    """《…》 of a consultation's subject ("关于《X》(征求意见稿)公开征求意见" → 《X》)."""
    t = title.removeprefix("关于").removesuffix("公开征求意见").replace("(征求意见稿)", "")
    return t if t.startswith("《") else f"《{t}》"


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    consultations = _fact(unit, year, "consultations", "公开征求意见")
    hearings = _fact(unit, year, "hearings", "举行听证会")
    if not (consultations.value or hearings.value):
        return c
    figs = {f.key: f for f in figures(unit, *_span(year))}
    comments = figs["participation.comments"]
    answered = figs["participation.feedback_rate"].breakdown
    text = (
        f"增强公众参与实效。{year}年镇以全镇人大代表、人民团体、基层组织、社会组织为纽带"
        "建立健全镇民生政策公众参与平台"
    )
    facts: list[Fact] = []
    if consultations.value:
        titles = Consultation.objects.filter(COHORTS["consultations"][1](unit, year))
        # No 顿号 between items in 书名号 (GB/T 15834-2011 4.5.3.5): 《甲》《乙》.
        named = "".join(
            _book(t) for t in titles.order_by("starts_on", "id").values_list("title", flat=True)[:3]
        )
        text += ",就" + named + "等事项公开征求意见{0}项"
        facts.append(consultations)
        if comments.value:
            text += ",收到意见{1}条,已答复{2}条"
            facts += [
                Fact(comments.value, "", "收到公众意见"),
                Fact(answered["已答复"], "", "已答复的意见"),
            ]
    if hearings.value:
        named = "、".join(
            Hearing.objects.filter(COHORTS["hearings"][1](unit, year))
            .order_by("held_on", "id")
            .values_list("title", flat=True)[:3]
        )
        text += ",强化政策听证,举行" + named + f"{{{len(facts)}}}场"
        facts.append(hearings)
    text += ",对事关群众切身利益的重大行政决策事项广泛听取意见,并及时反馈,强化了政策的广泛接受性。"
    c.points.append(Point("participation.platform", text, tuple(facts), "administration", order=30))
    if answered["待答复"]:
        c.problems.append(
            Point(
                "participation.unanswered",
                "公众意见反馈还不够及时,{0}条公众意见尚未答复。",
                (Fact(answered["待答复"], "", "待答复的意见"),),
            )
        )
    return c
