"""Writes of the annual summary: edits keep the figures bound and make versions, the
leader approves, every write is audited, refusals write nothing, exports lock."""

from __future__ import annotations

import pytest
from django.utils import timezone

from fazhi.core.models import AuditEvent
from fazhi.core.officedoc import text_of
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.reports import services
from fazhi.reports.models import AnnualReport

from .conftest import YEAR, snapshot

pytestmark = pytest.mark.django_db
STUDY = "全年专题学习{0}次、部署会{1}次,实现领导干部述法全覆盖。"


def edit(people, tree, text=STUDY, key="probe.study", actor=None):
    return services.paragraph_edit(
        actor=actor or people.officer, unit=tree.town_a, year=YEAR, key=key, text=text
    )


def test_each_edit_is_a_version_audited_and_shown_with_live_figures(fake, tree, people):
    report = edit(people, tree)
    report = edit(people, tree, "二是改了文字,{0}个村社建立领导小组。", key="probe.villages")
    assert report.version == 2
    assert [v.number for v in report.versions.all()] == [2, 1]
    assert report.versions.get(number=1).edits == {"probe.study": STUDY}
    verbs = list(AuditEvent.objects.filter(object_id=str(report.pk)).values_list("verb", flat=True))
    assert verbs.count("annual_report.edit") == 2 and "annual_report.create" in verbs
    content = services.report_export(actor=people.officer, unit=tree.town_a, year=YEAR).content
    assert "一是全年专题学习4次、部署会3次,实现领导干部述法全覆盖。" in text_of(content)


def test_the_original_text_restores_a_paragraph(fake, tree, people):
    edit(people, tree)
    report = edit(people, tree, "")
    assert report.edits == {} and report.version == 2


@pytest.mark.parametrize(
    "text",
    [
        "全年专题学习4次、部署会{1}次。",
        "全年专题学习{0}次。",
        "全年学习{0}次、部署{1}次,覆盖20人。",
    ],
)
def test_an_edit_that_changes_a_bound_figure_is_refused_and_writes_nothing(
    fake, tree, people, text
):
    before = snapshot()
    with pytest.raises(ServiceError) as refused:
        edit(people, tree, text)
    assert "数字" in refused.value.message
    assert snapshot() == before


def test_only_the_towns_law_office_edits_and_other_towns_are_not_found(fake, tree, people):
    before = snapshot()
    with pytest.raises(Forbidden):
        edit(people, tree, actor=people.leader)
    with pytest.raises(ServiceError) as hidden:
        edit(people, tree, actor=people.officer_b)
    assert hidden.value.code == "not_found"
    assert snapshot() == before


def test_the_leader_approves_then_no_edit_until_returned(fake, tree, people):
    report = services.report_open(actor=people.leader, unit=tree.town_a, year=YEAR)
    with pytest.raises(Forbidden):
        services.report_transition(actor=people.officer, obj=report, verb="approve")
    with pytest.raises(Forbidden):  # the county approves the county's summary, not a town's
        services.report_transition(actor=people.supervisor, obj=report, verb="approve")
    services.report_transition(actor=people.leader, obj=report, verb="approve")
    report.refresh_from_db()
    assert report.status == "approved" and report.approved_by == people.leader
    before = snapshot()
    with pytest.raises(ServiceError) as refused:
        edit(people, tree)
    assert "已审定" in refused.value.message and snapshot() == before
    services.report_transition(actor=people.leader, obj=report, verb="reopen", note="补充问题")
    assert edit(people, tree).version == 1


def test_a_year_without_data_is_not_approved_or_exported(fake, tree, people):
    report = services.report_open(actor=people.leader, unit=tree.town_a, year=2019)
    before = snapshot()
    with pytest.raises(ServiceError) as refused:
        services.report_transition(actor=people.leader, obj=report, verb="approve")
    assert "2019年海屿镇没有任何可写入工作总结的台账数据" in refused.value.message
    with pytest.raises(ServiceError):
        services.report_export(actor=people.officer, unit=tree.town_a, year=2019)
    assert snapshot() == before


def test_a_second_export_while_one_runs_is_refused(fake, tree, people):
    services.report_export(actor=people.officer, unit=tree.town_a, year=YEAR)
    AnnualReport.objects.update(exporting_since=timezone.now())  # another export running
    before = snapshot()
    with pytest.raises(ServiceError) as refused:
        services.report_export(actor=people.leader, unit=tree.town_a, year=YEAR)
    assert "正在导出" in refused.value.message and snapshot() == before


def test_an_export_that_fails_releases_the_lock(fake, tree, people, monkeypatch):
    def broken(blocks):
        raise OSError("disk full")

    monkeypatch.setattr("fazhi.reports.services.annual.build", broken)
    with pytest.raises(OSError):
        services.report_export(actor=people.officer, unit=tree.town_a, year=YEAR)
    assert AnnualReport.objects.get().exporting_since is None


def test_the_county_summary_is_the_countys_and_written_by_the_county(fake, tree, people):
    services.paragraph_edit(actor=people.supervisor, unit=tree.county, year=YEAR,
                            key="probe.plan", text="全县继续推进规范性文件备案审查。")  # fmt: skip
    content = services.report_export(actor=people.supervisor, unit=tree.county, year=YEAR).content
    assert text_of(content).splitlines()[0] == "2023年示范县法治政府建设工作总结及2024年工作思路"
    with pytest.raises(ServiceError):
        services.report_export(actor=people.other_supervisor, unit=tree.county, year=YEAR)
