"""工作任务 pages: the list with its warnings and a flat query count, the breakdown form
(also from a meeting's decision), field errors, progress reports with evidence, the plan's
tree and roll-up, the ledger export and the workbench."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core import clock
from fazhi.core.deadlines import deadline
from fazhi.core.pending import collect
from fazhi.core.roles import Role
from fazhi.tasks import services
from fazhi.tasks.models import Task
from tests.factories import member

from .conftest import break_down, png, snapshot

pytestmark = pytest.mark.django_db

LIST = reverse("tasks:task_list")
CREATE = reverse("tasks:task_create")


def test_the_form_from_a_meeting_decision_assigns_two_villages(people, tree, item, login):
    member(tree.village_a2, Role.VILLAGE_CADRE, "vcadre2")
    client = login(people.officer)
    params = {
        "source": "meeting",
        "meeting": "7",
        "title": "开展民法典进村宣讲",
        "org_unit": tree.town_a.pk,
    }
    body = client.get(CREATE, params).content.decode()
    assert "开展民法典进村宣讲" in body and "本任务来自会议决定事项" in body
    # The local follow-up period prefills the deadline (15 working days by default).
    expected = deadline(clock.today(), 15, "workdays")
    assert f'value="{expected:%Y-%m-%d}"' in body
    response = client.post(
        CREATE,
        {
            "item": item.pk,
            "title": "开展民法典进村宣讲",
            "org_units": [tree.village_a1.pk, tree.village_a2.pk],
            "due": "2025-05-30",
            "source": "meeting",
            "meeting": "7",
        },
    )
    assert response.status_code == 302
    tasks = Task.objects.filter(source_meeting_id=7).order_by("org_unit__code")
    assert [t.org_unit.name for t in tasks] == ["渔港社区", "东岙村"]
    assert all(t.source == "meeting" for t in tasks)


def test_the_meeting_link_is_hidden_while_leadership_has_no_such_page(people, tree, item, login):
    [task] = break_down(
        people.officer, [tree.village_a1], item=item, source="meeting", source_meeting_id=7
    )
    body = login(people.officer).get(reverse("tasks:task_detail", args=[task.pk])).content.decode()
    try:
        url = reverse("leadership:meeting_detail", args=[7])
    except Exception:  # the leadership app is built in parallel
        url = None
    assert ("查看会议" in body) == bool(url)
    assert "会议决定" in body


def test_a_deadline_after_the_item_is_a_field_error_and_nothing_is_written(
    people, tree, item, login
):
    client = login(people.officer)
    before = snapshot(item)
    response = client.post(
        CREATE,
        {
            "item": item.pk,
            "title": "超期任务",
            "org_units": [tree.village_a1.pk],
            "due": "2025-07-31",
        },
    )
    assert response.status_code == 400
    assert "不能晚于上级工作要点" in response.content.decode()
    assert snapshot(item) == before


def test_the_village_cadre_reports_progress_with_evidence(people, village_task, login):
    client = login(people.village_cadre)
    url = reverse("tasks:task_report", args=[village_task.pk])
    before = snapshot(village_task)
    response = client.post(url, {"percent": "100", "note": "已完成"}, follow=True)
    assert "须附佐证材料方可完成" in response.content.decode()
    assert snapshot(village_task) == before
    assert client.post(url, {"percent": "120", "note": "x"}).status_code == 400
    response = client.post(
        url, {"percent": "100", "note": "村民代表会议表决通过", "files": [png()]}
    )
    assert response.status_code == 302
    village_task.refresh_from_db()
    assert village_task.status == "done"
    body = client.get(reverse("tasks:task_detail", args=[village_task.pk])).content.decode()
    assert "村民代表会议表决通过" in body and "佐证照片.png" in body


def test_the_list_warns_and_filters(people, tree, item, login):
    (late,) = break_down(people.officer, [tree.village_a1], item=item, title="逾期的任务")
    client = login(people.village_cadre)
    body = client.get(LIST).content.decode()
    assert "逾期的任务" in body and "已逾期" in body
    assert "逾期的任务" in client.get(LIST, {"warning": "overdue"}).content.decode()
    assert "逾期的任务" not in client.get(LIST, {"status": "done"}).content.decode()
    assert "逾期的任务" in client.get(LIST, {"q": "逾期"}).content.decode()
    assert "逾期的任务" not in client.get(LIST, {"q": "普法"}).content.decode()
    # The grid worker sees only their grid's tasks.
    assert "逾期的任务" not in login(people.grid_worker).get(LIST).content.decode()


def test_list_query_count_is_flat(people, tree, item, login, count_queries):
    client = login(people.officer)
    break_down(people.officer, [tree.village_a1], item=item)
    ten = count_queries(lambda: client.get(LIST))
    for _ in range(3):
        break_down(people.officer, [tree.village_a1, tree.town_a], item=item, office="")
    more = count_queries(lambda: client.get(LIST))
    assert ten == more


def test_plan_page_shows_the_tree_with_progress_and_overdue_marks(
    people, tree, item, village_task, login
):
    break_down(people.village_cadre, [tree.grid_a1], parent=village_task, title="入户宣传",
               due=date(2025, 5, 20))  # fmt: skip
    services.progress_report(
        actor=people.village_cadre, task=village_task, percent=40, note="起草中"
    )
    body = (
        login(people.officer)
        .get(reverse("tasks:plan_detail", args=[item.plan_id]))
        .content.decode()
    )
    assert "推进民主法治村创建" in body and "修订村规民约" in body and "入户宣传" in body
    assert "已逾期" in body and "各村社完成情况" in body and "东岙村" in body


def test_plan_page_query_count_is_flat(people, tree, item, login, count_queries):
    client = login(people.officer)
    url = reverse("tasks:plan_detail", args=[item.plan_id])
    break_down(people.officer, [tree.village_a1], item=item)
    few = count_queries(lambda: client.get(url))
    for _ in range(10):
        [t] = break_down(people.officer, [tree.village_a1], item=item)
        break_down(people.officer, [tree.grid_a1], parent=t, due=date(2025, 5, 20))
    assert count_queries(lambda: client.get(url)) == few


def test_export_lists_the_visible_tasks(people, tree, village_task, login):
    response = login(people.officer).get(reverse("tasks:task_export"))
    assert response.status_code == 200
    ws = load_workbook(BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "工作要点*" and rows[1][3] == "修订村规民约" and rows[1][4] == "东岙村"


def test_workbench_shows_overdue_tasks_to_the_owner_and_the_law_office(people, village_task):
    today = date(2025, 6, 2)
    own = [i for i in collect(people.village_cadre, today) if i.category == "我的工作任务"]
    assert own and own[0].due == date(2025, 5, 30) and own[0].level == "danger"
    assert own[0].list_url.startswith(LIST)
    office = [i for i in collect(people.officer, today) if i.category == "工作任务督办"]
    assert office and "东岙村" in office[0].title
    # Far from the deadline, nothing is pending.
    assert not [
        i for i in collect(people.village_cadre, date(2025, 4, 1)) if i.category == "我的工作任务"
    ]


def test_plan_create_and_item_add_pages(people, tree, login):
    client = login(people.officer)
    response = client.post(
        reverse("tasks:plan_create"),
        {"org_unit": tree.town_a.pk, "year": "2026", "title": "2026年工作要点"},
    )
    assert response.status_code == 302
    plan_url = response["Location"]
    response = client.post(
        plan_url + "items/",
        {"title": "要点一", "starts_on": "2026-03-02", "deadline": "2026-02-01"},
    )
    assert response.status_code == 400 and "完成期限不能早于开始日期" in response.content.decode()
    response = client.post(
        plan_url + "items/",
        {"title": "要点一", "starts_on": "2026-03-02", "deadline": "2026-06-30"},
    )
    assert response.status_code == 302
    assert "要点一" in client.get(plan_url).content.decode()


def test_a_town_office_task_is_seen_and_reported_by_its_cadre_owner(people, tree, item, login):
    [task] = break_down(
        people.officer, [tree.town_a], item=item, office="党政办", owner=people.cadre
    )
    client = login(people.cadre)
    assert "修订村规民约" in client.get(LIST).content.decode()
    url = reverse("tasks:task_report", args=[task.pk])
    response = client.post(url, {"percent": "100", "note": "已完成", "files": [png()]})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == "done"
    # …but the cadre sees no other task of the town.
    [other] = break_down(people.officer, [tree.village_a1], item=item)
    assert client.get(reverse("tasks:task_detail", args=[other.pk])).status_code == 404
