"""The 工作任务 API: lists, the plan's rolled-up tree, breakdown and reports through the
same services."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.tasks.models import Task

from .conftest import break_down, evidence, snapshot

pytestmark = pytest.mark.django_db


def test_plan_tree_rolls_progress_up(people, tree, item, village_task, login):
    [sub] = break_down(
        people.village_cadre, [tree.grid_a1], parent=village_task, due=date(2025, 5, 20)
    )
    evidence(people.grid_worker, sub)
    client = login(people.grid_worker)
    assert client.post(f"/api/v1/tasks/{sub.pk}/reports", {"percent": 100, "note": "完成"},
                       content_type="application/json").status_code == 201  # fmt: skip
    data = login(people.officer).get(f"/api/v1/plans/{item.plan_id}").json()
    [node] = data["tree"]
    assert node["kind"] == "item" and node["progress"] == 100.0  # one task, its one subtask done
    assert node["children"][0]["children"][0]["progress"] == 100.0
    assert data["villages"][0]["unit"] == "东岙村"


def test_create_via_api_and_refusal(people, tree, item, login):
    client = login(people.officer)
    response = client.post(
        "/api/v1/tasks",
        {"item_id": item.pk, "org_unit_ids": [tree.village_a1.pk], "title": "普法宣传", "due": "2025-05-30",
         "source_meeting_id": 3},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201
    assert response.json()[0]["source_meeting_id"] == 3
    before = snapshot(item)
    response = client.post(
        "/api/v1/tasks",
        {
            "item_id": item.pk,
            "org_unit_ids": [tree.village_a1.pk],
            "title": "晚",
            "due": "2025-12-31",
        },
        content_type="application/json",
    )
    assert response.status_code == 400 and "不能晚于上级工作要点" in response.json()["message"]
    assert snapshot(item) == before


def test_task_list_warnings(people, tree, item, village_task, login):
    data = login(people.village_cadre).get("/api/v1/tasks", {"warning": "overdue"}).json()
    assert data["count"] == 1 and data["items"][0]["overdue"] is True
    assert Task.objects.count() == 1
