"""组织领导's figures for any period (a year, a month, a 旬): meetings and study sessions
by kind and level ("开展法治理论专题学习4次,开展镇法治工作专题部署3次"), villages with a
leading group, and the 述法 of the years the period covers ("实现镇领导干部述法全覆盖")."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, percent, period_bounds

from . import selectors
from .models import LawReport, Meeting

SECTION = "组织领导"
K = Meeting.Kind


def _whole_year(start: date, end: date) -> bool:
    return start == date(start.year, 1, 1) and end == date(start.year, 12, 31)


def _meeting_counts(unit: OrgUnit, start: date, end: date) -> dict:
    """Held meetings of the period by (kind, level), one query."""
    rows = (
        Meeting.objects.filter(
            in_subtree(unit), status=Meeting.Status.HELD, held_on__range=(start, end)
        )
        .values("kind", "level")
        .annotate(n=Count("id"))
    )
    return {(r["kind"], r["level"]): r["n"] for r in rows}


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    c = _meeting_counts(unit, start, end)
    pre = "全年" if _whole_year(start, end) else ""

    def n(kinds, level=None):
        return sum(v for (k, lv), v in c.items() if k in kinds and (level is None or lv == level))

    # The seed's sentences are the town's own: "全年开展法治理论专题学习4次,开展镇法治工作
    # 专题部署3次"; the villages' meetings have their own figure.
    theory = n((K.CENTRAL_GROUP, K.LAW_STUDY), "town")
    seminar = n((K.SEMINAR,))
    deploy = n((K.DEPLOYMENT,), "town")
    topical = n((K.TOPICAL,), "town")
    relay = n((K.RELAY,))
    village_meetings = sum(v for (k, lv), v in c.items() if lv == "village")
    figures = [
        Figure(
            key="leadership.study",
            label="法治理论专题学习",
            value=theory,
            unit="次",
            sentence=f"{pre}开展法治理论专题学习{theory}次" if theory else "",
            section=SECTION,
            breakdown={
                "党委理论学习中心组学习": n((K.CENTRAL_GROUP,), "town"),
                "专题学法": n((K.LAW_STUDY,), "town"),
                "村社级(另计)": n((K.CENTRAL_GROUP, K.LAW_STUDY), "village"),
            },
        ),
        Figure(
            key="leadership.seminar",
            label="法治学习研讨",
            value=seminar,
            unit="次",
            sentence=f"开展法治思想学习研讨活动{seminar}次" if seminar else "",
            section=SECTION,
        ),
        Figure(
            key="leadership.deployment",
            label="法治工作专题部署",
            value=deploy,
            unit="次",
            sentence=f"开展镇法治工作专题部署{deploy}次" if deploy else "",
            section=SECTION,
        ),
        Figure(
            key="leadership.topical",
            label="法治工作专题研究会",
            value=topical,
            unit="次",
            sentence=f"召开法治工作专题研究会{topical}次" if topical else "",
            section=SECTION,
        ),
        Figure(
            key="leadership.relay",
            label="传达学习上级文件",
            value=relay,
            unit="次",
            sentence=f"传达学习上级文件{relay}次" if relay else "",
            section=SECTION,
        ),
        Figure(
            key="leadership.village_meetings",
            label="村社法治会议与学习",
            value=village_meetings,
            unit="次",
            sentence=f"村社开展法治会议与学习{village_meetings}次" if village_meetings else "",
            section=SECTION,
            breakdown={"学习": n(Meeting.STUDY_KINDS, "village")},
        ),
    ]
    with_group, total, rate = selectors.village_group_rate(unit)
    figures.append(
        Figure(
            key="leadership.village_groups",
            label="村社建立领导小组",
            value=rate,
            unit="%",
            sentence=(
                (
                    "在各村社均建立了相应的工作领导小组"
                    if with_group == total
                    else f"{total}个村社中{with_group}个建立了工作领导小组"
                )
                if with_group
                else ""
            ),  # fmt: skip
            section=SECTION,
            breakdown={"已建立": with_group, "村社总数": total},
        )
    )
    figures.append(_lawreports(unit, start, end))
    return figures


def _lawreports(unit: OrgUnit, start: date, end: date) -> Figure:
    """For a whole year: that year's list and how much of it has reported (coverage).
    For any shorter period: the 述法 submitted within it (a count, no coverage claim)."""
    if not _whole_year(start, end):
        lo, hi = period_bounds(start, end)
        done = LawReport.objects.filter(
            in_subtree(unit), submitted_at__gte=lo, submitted_at__lt=hi
        ).count()
        return Figure(
            key="leadership.lawreport_coverage",
            label="领导干部述法",
            value=done,
            unit="人",
            sentence=f"{done}名领导干部完成述法" if done else "",
            section=SECTION,
        )
    agg = LawReport.objects.filter(in_subtree(unit), year=start.year).aggregate(
        total=Count("id"), done=Count("id", filter=~Q(status=LawReport.Status.PENDING))
    )
    done, total = agg["done"], agg["total"]
    rate = percent(done, total)
    if total and done == total:
        sentence = "实现镇领导干部述法全覆盖"
    elif done:
        sentence = f"应述法领导干部{total}人,已述法{done}人(覆盖率{rate}%)"
    else:
        sentence = ""
    return Figure(
        key="leadership.lawreport_coverage",
        label="领导干部述法覆盖率",
        value=rate,
        unit="%",
        sentence=sentence,
        section=SECTION,
        breakdown={"应述法": total, "已述法": done},
    )
