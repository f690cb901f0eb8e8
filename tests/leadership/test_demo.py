"""The demo town's 组织领导 records match the seed's shape, and its figures say so."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command

from fazhi.core.models import OrgUnit
from fazhi.leadership import deadlines
from fazhi.leadership.demo import plan_problems
from fazhi.leadership.models import LawReport, LeadingGroup, Meeting
from fazhi.leadership.summary import figures
from tests.conftest import travel_to

pytestmark = pytest.mark.django_db


def test_the_demo_plan_holds_on_awkward_days():
    for day in [date(2025, 1, 1), date(2026, 1, 2), date(2025, 10, 3), date(2024, 2, 12)]:
        assert plan_problems(day) == [], day


def test_demo_has_the_seed_shape_and_is_idempotent(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with travel_to(date(2026, 3, 16)):
        call_command("demo", verbosity=0)
        call_command("demo", verbosity=0)
        town = OrgUnit.objects.get(code="339901101")
        got = {f.key: f for f in figures(town, date(2025, 1, 1), date(2025, 12, 31))}
        assert got["leadership.study"].sentence == "全年开展法治理论专题学习4次"
        assert got["leadership.deployment"].sentence == "开展镇法治工作专题部署3次"
        assert got["leadership.lawreport_coverage"].sentence == "实现镇领导干部述法全覆盖"
        assert got["leadership.village_groups"].breakdown == {"已建立": 5, "村社总数": 7}
        assert LeadingGroup.objects.filter(org_unit=town).count() == 1
        assert (
            Meeting.objects.filter(org_unit=town, held_on__year=2025, kind="deployment").count()
            == 3
        )
        first = Meeting.objects.get(org_unit=town, title="镇法治政府建设工作推进部署会")
        assert first.decisions.count() == 3
        leader = LawReport.objects.get(year=2026, reporter__username="leader")
        assert leader.status == "pending"
        items = deadlines.pending_items(leader.reporter, date(2026, 3, 16))
        assert [i.title for i in items] == ["提交2026年度述法报告"]
