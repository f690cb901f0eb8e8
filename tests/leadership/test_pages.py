"""组织领导's pages, API, figures and workbench items as a person meets them."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import NoReverseMatch, reverse

from fazhi.core import summary
from fazhi.core.models import AuditEvent
from fazhi.leadership import deadlines, services
from fazhi.leadership.summary import figures

from .conftest import DAY, make_meeting

pytestmark = pytest.mark.django_db


def test_decision_shows_the_task_link_with_the_contract_params(people, tree, held, login):
    html = (
        login(people.officer)
        .get(reverse("leadership:meeting_detail", args=[held.pk]))
        .content.decode()
    )
    assert "各村社于3月底前成立法治建设领导小组" in html
    try:
        base = reverse("tasks:task_create")
    except NoReverseMatch:
        pytest.fail("tasks:task_create is part of the batch-2 contract")
    start = html.index(f'href="{base}?')
    href = html[start + 6 : html.index('"', start + 6)].replace("&amp;", "&")
    params = parse_qs(urlsplit(href).query)
    assert params == {
        "source": ["meeting"],
        "meeting": [str(held.pk)],
        "title": ["各村社于3月底前成立法治建设领导小组"],
        "org_unit": [str(tree.town_a.pk)],
    }


def test_meeting_form_shows_field_errors_and_writes_nothing(people, tree, login):
    client = login(people.officer)
    before = AuditEvent.objects.count()
    response = client.post(
        reverse("leadership:meeting_create"), {"org_unit": tree.town_a.pk, "title": ""}
    )
    assert response.status_code == 400
    assert "这个字段是必填项" in response.content.decode()
    assert AuditEvent.objects.count() == before


def test_hold_in_the_future_is_refused_on_the_page(people, tree, login, on_day):
    on_day(date(2025, 3, 1))
    meeting = make_meeting(people, tree)
    client = login(people.officer)
    response = client.post(
        reverse("leadership:meeting_hold", args=[meeting.pk]), {"minutes": "纪要"}, follow=True
    )
    assert "尚未到来,不能标记为已召开" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == "planned"


def test_meeting_list_query_count_is_flat(people, tree, login, count_queries):
    client = login(people.supervisor)
    url = reverse("leadership:meeting_list")
    for i in range(10):
        make_meeting(people, tree, title=f"会议{i}")
    ten = count_queries(lambda: client.get(url))
    for i in range(90):
        make_meeting(people, tree, title=f"会议{i + 10}")
    hundred = count_queries(lambda: client.get(url))
    assert hundred == ten


def test_leader_submits_their_lawreport_on_the_page_and_sees_it_pending_first(
    people, tree, report, login, on_day
):
    on_day(date(2026, 1, 20))
    items = deadlines.pending_items(people.leader, date(2026, 1, 20))
    assert [(i.title, i.due, i.level) for i in items] == [
        ("提交2025年度述法报告", date(2026, 2, 2), "warning")
    ]
    client = login(people.leader)
    client.post(
        reverse("leadership:lawreport_submit", args=[report.pk]), {"report_text": "述法报告正文"}
    )
    report.refresh_from_db()
    assert report.status == "submitted"
    assert deadlines.pending_items(people.leader, date(2026, 1, 20)) == []
    assert [i.title for i in deadlines.pending_items(people.officer, date(2026, 1, 20))] == [
        f"记录{people.leader}2025年度述法评议"
    ]


def test_figures_for_a_year_and_for_a_ten_day_period(people, tree, on_day):
    on_day(date(2025, 12, 1))
    for day, kind in [(date(2025, 3, 3), "central_group"), (date(2025, 6, 3), "law_study"),
                      (date(2025, 3, 5), "deployment"), (date(2025, 3, 12), "deployment")]:  # fmt: skip
        m = make_meeting(people, tree, held_on=day, kind=kind)
        services.meeting_hold(actor=people.officer, obj=m, minutes="纪要")
    make_meeting(
        people, tree, held_on=date(2025, 3, 6), kind="deployment"
    )  # planned only: not counted
    (r,) = services.lawreport_roster(actor=people.officer, town=tree.town_a, year=2025)
    services.lawreport_submit(actor=people.leader, town=tree.town_a, year=2025, report_text="报告")
    year = {f.key: f for f in figures(tree.town_a, date(2025, 1, 1), date(2025, 12, 31))}
    assert year["leadership.study"].sentence == "全年开展法治理论专题学习2次"
    assert year["leadership.deployment"].sentence == "开展镇法治工作专题部署2次"
    assert year["leadership.lawreport_coverage"].sentence == "实现镇领导干部述法全覆盖"
    tenday = {f.key: f for f in figures(tree.town_a, date(2025, 3, 1), date(2025, 3, 10))}
    assert tenday["leadership.deployment"].value == 1
    assert tenday["leadership.study"].sentence == "开展法治理论专题学习1次"
    assert tenday["leadership.lawreport_coverage"].value == 0
    assert any(
        f.key == "leadership.study"
        for f in summary.collect(tree.town_a, date(2025, 1, 1), date(2025, 12, 31))
    )


def test_lawreport_due_date_follows_the_holiday_calendar(people, tree):
    # 2024: 31 days after 2024-12-31 is 2025-01-31, inside the Spring Festival holiday
    # (2025-01-28 … 02-04): the period ends on the next working day, 2025-02-05.
    assert services.due_on(tree.town_a, 2024) == date(2025, 2, 5)


def test_api_lists_meetings_and_refuses_a_lawreport_not_on_the_list(people, tree, held, client):
    client.force_login(people.officer)
    body = client.get("/api/v1/meetings").json()
    assert body["count"] == 1 and body["items"][0]["kind"] == "deployment"
    before = AuditEvent.objects.count()
    response = client.post(
        "/api/v1/lawreports/submit",
        {"org_unit_id": tree.town_a.pk, "year": 2025, "report_text": "x"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "不在海屿镇2025年度述法名单中" in response.json()["message"] or "不在" in str(
        response.json()
    )
    assert AuditEvent.objects.count() == before


def test_group_page_shows_members_on_a_past_day(people, tree, group, login):
    m = services.member_add(
        actor=people.officer, group=group, user=people.leader, role="leader", started_on=DAY
    )
    services.member_end(actor=people.officer, member=m, ended_on=date(2025, 5, 31))
    client = login(people.supervisor)
    url = reverse("leadership:group_detail", args=[group.pk])
    assert (
        str(people.leader)
        in client.get(url + "?on=2025-04-01").content.decode().split("成员变动记录")[0]
    )
    assert "当日无在任成员" in client.get(url + "?on=2025-06-01").content.decode()


def test_each_ledger_exports_what_one_sees_and_is_audited(people, tree, held, report, group, login):
    import io

    from openpyxl import load_workbook

    services.member_add(
        actor=people.officer, group=group, user=people.leader, role="leader", started_on=DAY
    )
    client = login(people.supervisor)
    for name, expected in [
        ("leadership:meeting_export", "法治建设推进部署会"),
        ("leadership:lawreport_export", str(people.leader)),
        ("leadership:group_export", "海屿镇法治建设领导小组"),
    ]:
        response = client.get(reverse(name))
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content)).active
        values = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
        assert expected in values, (name, values)
    assert AuditEvent.objects.filter(verb__endswith=".export").count() == 3
    # Town B's officer sees nothing of town A in the ledger.
    other = login(people.officer_b).get(reverse("leadership:meeting_export"))
    sheet = load_workbook(io.BytesIO(other.content)).active
    assert "法治建设推进部署会" not in [c for row in sheet.iter_rows(values_only=True) for c in row]


def test_other_lists_query_count_is_flat(people, tree, login, count_queries):
    client = login(people.supervisor)
    for i in range(10):
        services.rule_create(
            actor=people.officer, org_unit=tree.town_a, title=f"制度{i}", adopted_on=DAY
        )
    services.lawreport_roster(actor=people.officer, town=tree.town_a, year=2025)
    urls = [
        reverse("leadership:rule_list"),
        reverse("leadership:lawreport_list"),
        reverse("leadership:group_list"),
    ]
    ten = [count_queries(lambda u=u: client.get(u)) for u in urls]
    for i in range(90):
        services.rule_create(
            actor=people.officer, org_unit=tree.town_a, title=f"制度{i + 10}", adopted_on=DAY
        )
    for year in range(2000, 2030):
        services.lawreport_roster(actor=people.officer, town=tree.town_a, year=year)
    assert [count_queries(lambda u=u: client.get(u)) for u in urls] == ten


def test_api_refuses_an_attendee_of_another_town_and_writes_nothing(people, tree, client):
    from fazhi.leadership.models import Meeting

    client.force_login(people.officer)
    before = (Meeting.objects.count(), AuditEvent.objects.count())
    response = client.post(
        "/api/v1/meetings",
        {
            "org_unit_id": tree.town_a.pk,
            "kind": "deployment",
            "title": "部署会",
            "held_on": "2025-03-03",
            "attendee_ids": [people.leader.pk, people.officer_b.pk],
        },  # fmt: skip
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "参会人员须为海屿镇的人员" in response.json()["message"]
    assert (Meeting.objects.count(), AuditEvent.objects.count()) == before


def test_member_add_page_refuses_someone_outside_the_unit(people, tree, group, login):
    from fazhi.leadership.models import GroupMember

    client = login(people.officer)
    response = client.post(
        reverse("leadership:member_add", args=[group.pk]),
        {"user": people.officer_b.pk, "role": "member", "started_on": "2025-03-03"},
        follow=True,
    )
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    assert GroupMember.objects.count() == 0
