"""组织领导's part of the annual 法治政府建设工作总结 (core.annual): the seed's 一是 (leading
group, study sessions and deployment meetings, 述法 coverage), 二是 (the villages' leading
groups) and 三是 (the central group's named study topics, the seminar).

Each number is a Fact bound to the list it counts: `?annual=<key>:<year>:<unit code>`
narrows the meeting, 述法 or leading-group list to exactly the records of `COHORTS[key]`,
the same Q the number is counted with, so the link and the figure never disagree."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db.models import Q

from fazhi.core.annual import Contribution, Fact, Point, cohort_fact, cohort_narrow
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree

from .models import GroupMember, LawReport, LeadingGroup, Meeting
from .selectors import VILLAGE_KINDS

K = Meeting.Kind
HELD = Q(status=Meeting.Status.HELD)


def _year(y: int, field: str) -> Q:
    return Q(**{f"{field}__range": (date(y, 1, 1), date(y, 12, 31))})


# key → (model, Q of the records counted for a unit's year)
COHORTS = {
    "theory": (
        Meeting,
        lambda u, y: (
            in_subtree(u)
            & HELD
            & _year(y, "held_on")
            & Q(kind__in=(K.CENTRAL_GROUP, K.LAW_STUDY), level=Meeting.Level.TOWN)
        ),
    ),
    "central": (
        Meeting,
        lambda u, y: (
            in_subtree(u)
            & HELD
            & _year(y, "held_on")
            & Q(kind=K.CENTRAL_GROUP, level=Meeting.Level.TOWN)
        ),
    ),
    # 镇、村社两级干部专题学法 (the seed's (三)一是 "组织镇、村社两级干部专题学法2次").
    "law_study": (
        Meeting,
        lambda u, y: in_subtree(u) & HELD & _year(y, "held_on") & Q(kind=K.LAW_STUDY),
    ),
    "seminar": (
        Meeting,
        lambda u, y: in_subtree(u) & HELD & _year(y, "held_on") & Q(kind=K.SEMINAR),
    ),
    "deployment": (
        Meeting,
        lambda u, y: (
            in_subtree(u)
            & HELD
            & _year(y, "held_on")
            & Q(kind=K.DEPLOYMENT, level=Meeting.Level.TOWN)
        ),
    ),
    "lawreports": (LawReport, lambda u, y: in_subtree(u) & Q(year=y)),
    "lawreports_done": (
        LawReport,
        lambda u, y: in_subtree(u) & Q(year=y) & ~Q(status=LawReport.Status.PENDING),
    ),
    "lawreports_missing": (
        LawReport,
        lambda u, y: in_subtree(u) & Q(year=y, status=LawReport.Status.PENDING),
    ),
    "village_groups": (
        LeadingGroup,
        lambda u, y: (
            in_subtree(u) & Q(org_unit__kind__in=VILLAGE_KINDS, established_on__lte=date(y, 12, 31))
        ),
    ),
}
LISTS = {Meeting: "leadership:meeting_list", LawReport: "leadership:lawreport_list"}
LISTS[LeadingGroup] = "leadership:group_list"


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def _titles(unit, year, key) -> list[str]:
    model, q = COHORTS[key]
    return list(
        model.objects.filter(q(unit, year)).order_by("held_on").values_list("title", flat=True)
    )


def _topic(title: str) -> str:
    """The book or subject of a study session: 《…》 when the title names one."""
    if "《" in title and "》" in title:
        return title[title.index("《") : title.index("》") + 1]
    for lead in ("党委理论学习中心组专题学习", "专题学习"):
        if title.startswith(lead) and len(title) > len(lead):
            return "“" + title[len(lead) :] + "”"
    return "“" + title + "”"


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    theory = _fact(unit, year, "theory", "法治理论专题学习")
    deploy = _fact(unit, year, "deployment", "镇法治工作专题部署")
    listed = _fact(unit, year, "lawreports", "应述法领导干部")
    done = _fact(unit, year, "lawreports_done", "已述法领导干部")
    if theory.value or deploy.value or listed.value:
        text = (
            "成立镇法治政府领导小组。定期召开法治建设工作推进部署会议,专题研究部署法治政府"
            "建设工作,传达上级文件和指令,确保工作及时有效落实。"
            "全年开展法治理论专题学习{0}次,开展镇法治工作专题部署{1}次"
        )
        facts = [theory, deploy]
        if listed.value and done.value == listed.value:
            text += ",实现镇领导干部述法全覆盖({2}人)"
            facts.append(done)
        elif listed.value:
            text += ",应述法领导干部{2}人,已述法{3}人"
            facts += [listed, done]
        c.points.append(
            Point("leadership.study", text + "。", tuple(facts), "organisation", order=10)
        )
    groups = _fact(unit, year, "village_groups", "建立工作领导小组的村社")
    villages = OrgUnit.objects.filter(
        code__startswith=unit.code, kind__in=VILLAGE_KINDS, is_active=True
    ).count()
    if groups.value:
        whole = groups.value == villages
        c.points.append(
            Point(
                "leadership.village_groups",
                "强化村社法治建设人员配置。"
                + ("在全部{0}个村社均建立了相应的工作领导小组" if whole
                   else "已有{0}个村社建立了相应的工作领导小组")
                + ",切实加强对创建工作的领导,形成全镇主要领导亲自抓,分管领导具体抓,"
                "相关站所中心、各村配合抓的工作局面。",
                (groups,),
                "organisation",
                order=20,
            )
        )  # fmt: skip
    if villages > groups.value:
        c.problems.append(
            Point(
                "leadership.village_groups_missing",
                "村社法治建设力量仍不均衡,{0}个村社中尚有{1}个未建立法治建设工作领导小组。",
                (Fact(villages, "", "村社"), Fact(villages - groups.value, "", "未建领导小组")),
            )
        )
    central = _fact(unit, year, "central", "党委理论学习中心组专题学习")
    seminar = _fact(unit, year, "seminar", "法治思想学习研讨")
    if central.value or seminar.value:
        topics = "".join(dict.fromkeys(_topic(t) for t in _titles(unit, year, "central")))
        parts, facts = [], []
        if central.value:
            parts.append("组织镇党委理论学习中心组开展" + topics + f"等专题学习{{{len(facts)}}}次")
            facts.append(central)
        if seminar.value:
            parts.append(f"在镇、村社两级干部内开展法治思想学习研讨活动{{{len(facts)}}}次")
            facts.append(seminar)
        c.points.append(
            Point(
                "leadership.thought",
                "学习贯彻法治思想。" + ",并".join(parts) + "。",
                tuple(facts),
                "organisation",
                order=30,
            )
        )
    _law_study(c, unit, year)
    _duty(c, unit, year)
    missing = _fact(unit, year, "lawreports_missing", "未述法领导干部")
    if missing.value:
        c.problems.append(
            Point(
                "leadership.lawreports_missing",
                "领导干部述法尚未全覆盖,{0}名领导干部未完成年度述法。",
                (missing,),
            )
        )
    return c


def _subject(title: str) -> str:
    """The law a 专题学法 studied: "专题学法:宪法" → 宪法 (the title when it names none)."""
    for sep in (":", "："):
        if sep in title:
            return title.split(sep, 1)[1].strip().strip("《》") or title
    return title


def _law_study(c: Contribution, unit: OrgUnit, year: int) -> None:
    """The seed's (三)一是 closing sentences ("进一步组织党委中心理论组学习宪法民法典,全年开展
    学习4次。组织镇、村社两级干部专题学法2次。"), in chapter 宣传贯彻 after 普法宣传's
    events (order 10). The seed's 4 is the year's theory study (central group and
    专题学法: the same records as the 一是 count), its 2 the 专题学法 alone; the laws are
    named from the 专题学法 titles."""
    theory = _fact(unit, year, "theory", "法治理论专题学习")
    study = _fact(unit, year, "law_study", "镇、村社两级干部专题学法")
    if not study.value:
        return
    laws = "、".join(dict.fromkeys(_subject(t) for t in _titles(unit, year, "law_study")))
    c.points.append(
        Point(
            "leadership.law_study",
            "进一步组织党委理论学习中心组和镇、村社两级干部学习" + laws
            + ",全年开展法治理论专题学习{0}次,其中组织镇、村社两级干部专题学法{1}次。",
            (theory, study),
            "publicity",
            order=11,
        )
    )  # fmt: skip


def _duty(c: Contribution, unit: OrgUnit, year: int) -> None:
    """三、党政主要负责人履行推进法治建设第一责任人职责情况: who leads the town's leading
    group, and the principal leaders' own 述法 at the year's 述法 meeting."""
    if not hasattr(c, "duty"):  # the contract's optional part (core.annual)
        return
    end = date(year, 12, 31)
    chairs = (
        GroupMember.objects.filter(
            group__org_unit__code=unit.code, role=GroupMember.Role.LEADER, started_on__lte=end
        )
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=date(year, 1, 1)))
        .select_related("user")
    )
    reports = LawReport.objects.filter(
        in_subtree(unit),
        year=year,
        status__in=(LawReport.Status.SUBMITTED, LawReport.Status.REVIEWED),
    ).select_related("reporter", "meeting")
    principal = [
        r for r in reports if "书记" in r.reporter_title or r.reporter_title.endswith("镇长")
    ]
    if not (chairs or principal):
        return
    parts = []
    chair = chairs.first()
    if chair is not None:
        parts.append(
            f"{chair.user.full_name}同志担任镇法治建设领导小组组长,亲自部署、亲自推动法治建设重要工作"
        )
    facts = []
    if principal:
        meeting = next((r.meeting for r in principal if r.meeting), None)
        names = "、".join(f"{r.reporter_title}{r.reporter.full_name}" for r in principal)
        parts.append(
            f"党政主要负责人{names}"
            + (f"在{meeting.title}上" if meeting else "")
            + "带头述法,全镇领导干部述法{0}人"
        )
        facts.append(_fact(unit, year, "lawreports_done", "已述法领导干部"))
    c.duty.append(Point("leadership.duty", ";".join(parts) + "。", tuple(facts), order=10))
