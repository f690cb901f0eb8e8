"""督查整改 pages: lists with filters and a flat query count, forms with Chinese field
errors, detail pages with actions, transitions by POST, the ledger export and the
workbench items."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from fazhi.core.models import AuditEvent
from fazhi.core.pending import collect
from fazhi.inspections import services
from fazhi.inspections.models import Finding, Inspection

from .conftest import START, add_finding, county_inspection, evidence, snapshot

pytestmark = pytest.mark.django_db

LIST = reverse("inspections:inspection_list")


def test_list_shows_the_scope_with_filters(people, tree, login):
    county_inspection(people, tree, title="县级督查甲")
    services.inspection_create(
        actor=people.officer,
        org_unit=tree.town_a,
        kind="self",
        title="本镇自查乙",
        topic="documents",
        started_on=date(2024, 6, 1),
    )
    client = login(people.officer)
    body = client.get(LIST).content.decode()
    assert "县级督查甲" in body and "本镇自查乙" in body and "发起督查" in body
    body = client.get(LIST, {"kind": "self"}).content.decode()
    assert "本镇自查乙" in body and "县级督查甲" not in body
    body = client.get(LIST, {"year": "2025"}).content.decode()
    assert "县级督查甲" in body and "本镇自查乙" not in body
    body = client.get(LIST, {"status": "completed"}).content.decode()
    assert "暂无督查记录" in body
    assert "暂无督查记录" in login(people.officer_b).get(LIST).content.decode()


@pytest.mark.parametrize(
    "query, message",
    [
        ({"year": "abc"}, "年度应为四位数字"),
        ({"kind": "x"}, "选择一个有效的选项"),
        ({"year": "1999"}, "年度不能早于2000年"),
    ],
)
def test_bad_filters_answer_400_in_chinese(people, tree, login, query, message):
    response = login(people.officer).get(LIST, query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_list_query_count_is_flat_from_10_to_100_rows(people, tree, login, count_queries):
    client = login(people.supervisor)

    def make(n):
        for i in range(n):
            inspection = Inspection.objects.create(
                org_unit=tree.town_a if i % 2 else tree.town_b,
                conducted_by=tree.county,
                kind="county_special",
                title=f"督查{i}",
                topic="documents",
                started_on=START,
                created_by=people.supervisor,
            )
            Finding.objects.create(
                org_unit=inspection.org_unit,
                inspection=inspection,
                description="问题",
                basis="依据",
                owner=people.cadre,
                deadline=START,
                created_by=people.supervisor,
            )

    make(10)
    client.get(LIST)  # warm caches (content types, sessions)
    ten = count_queries(lambda: client.get(LIST, {"page": 1}))
    make(90)
    hundred = count_queries(lambda: client.get(LIST, {"page": 5}))
    assert hundred == ten, (ten, hundred)
    assert ten <= 12
    # An owner's list (their findings on top) is flat too.
    cadre = login(people.cadre)
    cadre.get(LIST)
    assert count_queries(lambda: cadre.get(LIST)) <= 12


def test_create_page_makes_an_inspection_and_refuses_bad_input(people, tree, login):
    client = login(people.supervisor)
    page = client.get(reverse("inspections:inspection_create")).content.decode()
    assert "海屿镇" in page and "青山镇" in page and "镇级自查" not in page
    bad = client.post(
        reverse("inspections:inspection_create"),
        {"org_unit": tree.town_a.pk, "kind": "county_special", "title": "", "topic": "documents"},
    )
    assert bad.status_code == 400
    body = bad.content.decode()
    assert "这个字段是必填项" in body or "必填" in body
    assert Inspection.objects.count() == 0
    # A town outside the county is not offered (the form refuses it as an invalid choice).
    foreign = client.post(
        reverse("inspections:inspection_create"),
        {
            "org_unit": tree.other_town.pk,
            "kind": "county_special",
            "title": "越权",
            "topic": "documents",
            "started_on": "2025-03-03",
        },
    )
    assert foreign.status_code == 400 and Inspection.objects.count() == 0
    ok = client.post(
        reverse("inspections:inspection_create"),
        {
            "org_unit": tree.town_a.pk,
            "kind": "county_special",
            "title": "专项督查",
            "topic": "contracts",
            "started_on": "2025-03-03",
        },
    )
    inspection = Inspection.objects.get()
    assert ok.status_code == 302 and ok["Location"] == reverse(
        "inspections:inspection_detail", args=[inspection.pk]
    )


def test_officer_create_page_offers_own_town_and_self_inspection(people, tree, login):
    page = login(people.officer).get(reverse("inspections:inspection_create")).content.decode()
    assert "镇级自查" in page and "县级专项督查" not in page
    assert "海屿镇" in page and "青山镇" not in page
    # A date input only shows an ISO value (2025/03/03 would render as an empty box).
    today = timezone.localdate().isoformat()
    assert f'type="date" name="started_on" value="{today}"' in page


def test_finding_form_shows_field_errors_and_writes_nothing(people, tree, login, inspection):
    client = login(people.supervisor)
    url = reverse("inspections:finding_add", args=[inspection.pk])
    page = client.get(url).content.decode()
    assert people.cadre.full_name in page and people.officer_b.full_name not in page
    before = snapshot(inspection)
    response = client.post(
        url,
        {
            "description": "未备案",
            "basis": "备案规定",
            "owner": people.cadre.pk,
            "deadline": "2025-03-01",
        },
    )
    assert response.status_code == 400
    assert "整改期限不能早于督查开始日期(2025-03-03)" in response.content.decode()
    assert snapshot(inspection) == before
    response = client.post(
        url, {"description": "未备案", "basis": "备案规定", "owner": people.cadre.pk}
    )
    assert response.status_code == 302
    assert Finding.objects.get().deadline > START


def test_detail_shows_findings_timeline_and_actions(people, tree, login, inspection):
    add_finding(people.supervisor, inspection, people.cadre, description="备案超期")
    url = reverse("inspections:inspection_detail", args=[inspection.pk])
    body = login(people.supervisor).get(url).content.decode()
    assert "备案超期" in body and "下发整改通知" in body and "办结督查" in body
    assert "发起督查" in body and "记录问题" in body  # timeline and the add link
    leader = login(people.leader).get(url).content.decode()
    assert (
        "备案超期" in leader
        and "下发整改通知" not in leader
        and "当前没有您可以办理的操作" in leader
    )


def test_clean_inspection_reads_as_a_recorded_conclusion(people, tree, login, inspection):
    client = login(people.supervisor)
    url = reverse("inspections:inspection_transition", args=[inspection.pk, "complete"])
    response = client.post(url, {"conclusion": ""}, follow=True)
    assert "须明确记录结论“未发现需整改问题”方可办结" in response.content.decode()
    inspection.refresh_from_db()
    assert inspection.status == Inspection.Status.IN_PROGRESS
    client.post(url, {"conclusion": "no_issues", "ended_on": "2025-03-05"})
    inspection.refresh_from_db()
    assert inspection.status == Inspection.Status.COMPLETED
    body = client.get(
        reverse("inspections:inspection_detail", args=[inspection.pk])
    ).content.decode()
    assert "结论:未发现需整改问题" in body


def test_owner_submits_on_the_finding_page_and_the_county_closes(people, tree, login, issued):
    _, finding = issued
    cadre = login(people.cadre)
    detail = reverse("inspections:finding_detail", args=[finding.pk])
    body = cadre.get(detail).content.decode()
    assert "提交整改" in body and "上传附件" in body
    submit = reverse("inspections:finding_transition", args=[finding.pk, "submit"])
    before = snapshot(finding)
    response = cadre.post(submit, {"rectification": "已补报"}, follow=True)
    assert "整改须附佐证材料" in response.content.decode()
    assert snapshot(finding) == before
    evidence(people.cadre, finding)
    cadre.post(submit, {"rectification": "已补报"})
    finding.refresh_from_db()
    assert finding.status == Finding.Status.SUBMITTED
    # The owner cannot close; the county can.
    close = reverse("inspections:finding_transition", args=[finding.pk, "close"])
    assert cadre.post(close).status_code == 403
    supervisor = login(people.supervisor)
    assert supervisor.post(close).status_code == 302
    finding.refresh_from_db()
    assert finding.status == Finding.Status.CLOSED
    assert (
        supervisor.post(
            reverse("inspections:finding_transition", args=[finding.pk, "nope"])
        ).status_code
        == 404
    )


def test_the_ledger_exports_inspections_and_findings(people, tree, login, issued):
    inspection, finding = issued
    clean = services.inspection_create(
        actor=people.officer,
        org_unit=tree.town_a,
        kind="self",
        title="无问题自查",
        topic="documents",
        started_on=START,
    )
    services.inspection_transition(
        actor=people.officer, obj=clean, verb="complete", conclusion="no_issues"
    )
    response = login(people.officer).get(reverse("inspections:inspection_export"))
    assert response.status_code == 200
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "督查名称" and "整改责任人" in rows[0]
    by_title = {r[0]: r for r in rows[1:]}
    assert by_title["无问题自查"][9] == "未发现需整改问题"
    assert by_title["规范性文件专项督查"][11] == finding.description
    assert AuditEvent.objects.filter(verb="inspection.export").count() == 1
    # Another town's officer exports nothing of town A.
    other = login(people.officer_b).get(reverse("inspections:inspection_export"))
    assert len(list(load_workbook(BytesIO(other.content)).active.iter_rows())) == 1


def test_workbench_items_for_owner_and_inspector(people, tree, inspection):
    today = date(2025, 5, 10)
    late = add_finding(people.supervisor, inspection, people.cadre, deadline=date(2025, 5, 1))
    soon = add_finding(people.supervisor, inspection, people.cadre, deadline=today + timedelta(3))
    later = add_finding(people.supervisor, inspection, people.leader, deadline=date(2025, 6, 30))
    # Before the notice, owners have nothing to do yet.
    assert not [i for i in collect(people.cadre, today) if i.category == "督查整改"]
    services.inspection_transition(actor=people.supervisor, obj=inspection, verb="issue")
    items = [i for i in collect(people.cadre, today) if i.category == "督查整改"]
    assert [i.due for i in items] == [late.deadline, soon.deadline]
    assert [i.level for i in items] == ["danger", "warning"]
    leader_items = [i for i in collect(people.leader, today) if i.category == "督查整改"]
    assert [(i.due, i.level) for i in leader_items] == [(later.deadline, "info")]
    evidence(people.cadre, late)
    services.finding_transition(actor=people.cadre, obj=late, verb="submit", rectification="改")
    sup = [i for i in collect(people.supervisor, today) if i.category == "督查整改"]
    assert len(sup) == 1 and sup[0].title.startswith("审核整改销号")
    assert sup[0].url == reverse("inspections:finding_detail", args=[late.pk])
    # The town's officer does not close the county's findings.
    assert not [i for i in collect(people.officer, today) if i.title.startswith("审核整改销号")]
    assert not [i for i in collect(people.other_supervisor, today) if i.category == "督查整改"]


def test_workbench_items_take_two_queries(people, tree, inspection, max_queries):
    for _ in range(5):
        add_finding(people.supervisor, inspection, people.cadre)
    services.inspection_transition(actor=people.supervisor, obj=inspection, verb="issue")
    from fazhi.inspections.deadlines import pending_items

    people.cadre.active_memberships()
    with max_queries(1):
        assert len(pending_items(people.cadre, date(2025, 5, 1))) == 5


def test_detail_query_count_is_flat_in_its_findings(people, tree, login, inspection, count_queries):
    client = login(people.supervisor)
    url = reverse("inspections:inspection_detail", args=[inspection.pk])
    for _ in range(5):
        add_finding(people.supervisor, inspection, people.cadre)
    client.get(url)
    five = count_queries(lambda: client.get(url))
    for _ in range(45):
        add_finding(people.supervisor, inspection, people.leader)
    fifty = count_queries(lambda: client.get(url))
    assert fifty == five, (five, fifty)
