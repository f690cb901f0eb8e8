"""年度学法考试's part of the annual summary (core.annual, chapter "publicity"): the
seed's "落实领导干部和机关干部年度法律知识考试 … 全镇干部认真开展年度法律知识考试,完成率
合格率均达到100%", with the year's rates bound to the year's exams; candidates absent or
not passed as problems; the exam as a next-year item."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Count, Q

from fazhi.core.annual import Contribution, Fact, Point
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import percent

from .models import Candidate, Exam


def year_counts(unit: OrgUnit, year: int) -> dict:
    exams = Exam.objects.filter(in_subtree(unit), year=year)
    row = Candidate.objects.filter(exam__in=exams.values("pk")).aggregate(
        total=Count("id"),
        took=Count("id", filter=Q(took=True)),
        passed=Count("id", filter=Q(passed=True)),
        excellent=Count("id", filter=Q(excellent=True)),
    )
    return {"exams": exams.count(), **row}


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    n = year_counts(unit, year)
    if not n["exams"]:
        return c
    url = reverse("exams:exam_list") + "?" + urlencode({"year": year})
    took, passed = percent(n["took"], n["total"]), percent(n["passed"], n["total"])
    whole = "全镇" if unit.kind == OrgUnit.Kind.TOWN else "全县"
    took_fact = Fact(f"{took:g}%", url, f"参考率(参考{n['took']}人/应考{n['total']}人)")
    pass_fact = Fact(f"{passed:g}%", url, f"合格率(合格{n['passed']}人/应考{n['total']}人)")
    if took == passed == 100.0:
        text = ("落实领导干部和机关干部年度法律知识考试,努力提高领导干部运用法律手段解决各种矛盾"
                "和问题的本领。" + whole + "干部认真开展年度法律知识考试,完成率合格率均达到{0}")  # fmt: skip
        facts = (took_fact,)
    else:
        text = ("落实领导干部和机关干部年度法律知识考试," + whole
                + "干部认真开展年度法律知识考试,参考率{0}、合格率{1}")  # fmt: skip
        facts = (took_fact, pass_fact)
    c.points.append(Point("exams.annual", text, facts, chapter="publicity", order=20))
    absent, failed = n["total"] - n["took"], n["took"] - n["passed"]
    if absent or failed:
        c.problems.append(Point(
            "exams.short",
            "年度法律知识考试仍有{0}人缺考、{1}人未合格,干部学法用法的刚性约束有待加强",
            (Fact(absent, url, "缺考人数"), Fact(failed, url, "未合格人数")),
        ))  # fmt: skip
    c.next_year.append(Point(
        "exams.next",
        "继续落实领导干部和机关干部年度学法考试,参考率、合格率保持{0}",
        (Fact("100%", "", "目标"),),
    ))  # fmt: skip
    return c
