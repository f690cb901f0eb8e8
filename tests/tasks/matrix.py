"""Permission matrix entries of 工作任务 (merged by tests/test_permission_matrix.py).

The records: town A's (海屿镇) 2025 plan with one item and one task of 东岙村 owned by its
village cadre. Plan readers are the county, the town's leader and law office; the task is
seen by them and the village cadre; the grid worker (a grid of 东岙村, below the task's
unit), town B's officer and the other county get 404."""

from __future__ import annotations

from datetime import date

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

TASK_PAGE = {"supervisor", "leader", "officer", "officer_b", "village_cadre", "grid_worker",
             "other_supervisor", "cadre"}  # fmt: skip
PLAN_PAGE = {"supervisor", "leader", "officer", "officer_b", "other_supervisor"}
PLANNERS = {"supervisor", "officer", "officer_b", "other_supervisor"}
SEES_PLAN = {"supervisor", "leader", "officer"}
SEES_TASK = SEES_PLAN | {"village_cadre"}
TASK_HIDDEN = {"officer_b", "grid_worker", "other_supervisor", "cadre"}

PLAN = lambda c: {"pk": c.tasks_plan.pk}  # noqa: E731
TASK = lambda c: {"pk": c.tasks_task.pk}  # noqa: E731
API_PLAN = lambda c: {"plan_id": c.tasks_plan.pk}  # noqa: E731
API_TASK = lambda c: {"task_id": c.tasks_task.pk}  # noqa: E731
TASK_FORM = lambda c: {  # noqa: E731
    "item": c.tasks_item.pk,
    "title": "探测",
    "org_units": [c.tree.village_a1.pk],
    "due": "2025-05-30",
}

EXPECTATIONS = {
    "tasks:task_list": page(TASK_PAGE),
    "tasks:task_export": page(TASK_PAGE),
    "tasks:task_create": page(
        {"officer", "officer_b"},
        post={ANON: LOGIN, "leader": 403, "village_cadre": 403, "cadre": 403, "resident": 403},
        data=TASK_FORM,
    ),
    "tasks:task_detail": page(SEES_TASK, hidden=TASK_HIDDEN, kwargs=TASK),
    "tasks:task_report": post_only(
        {
            ANON: LOGIN,
            "leader": 403,
            "supervisor": 403,
            "officer_b": 404,
            "grid_worker": 404,
            "other_supervisor": 404,
            "cadre": 404,
            "resident": 403,
        },
        kwargs=TASK,
        data=lambda c: {"percent": "10", "note": "探测"},
    ),  # fmt: skip
    "tasks:task_transition": post_only(
        {
            ANON: LOGIN,
            "leader": 403,
            "supervisor": 403,
            "officer_b": 404,
            "grid_worker": 404,
            "cadre": 404,
            "resident": 403,
        },
        kwargs=lambda c: {"pk": c.tasks_task.pk, "verb": "complete"},
    ),  # fmt: skip
    "tasks:plan_list": page(PLAN_PAGE),
    "tasks:plan_create": page(
        PLANNERS,
        post={ANON: LOGIN, "leader": 403, "village_cadre": 403, "cadre": 403},
        data=lambda c: {"org_unit": c.tree.town_a.pk, "year": "2025", "title": "探测"},
    ),
    "tasks:import_template": page({"officer", "officer_b"}),
    "tasks:plan_detail": page(SEES_PLAN, hidden={"officer_b", "other_supervisor"}, kwargs=PLAN),
    "tasks:item_add": post_only(
        {
            ANON: LOGIN,
            "leader": 403,
            "supervisor": 403,
            "officer_b": 404,
            "village_cadre": 403,
            "other_supervisor": 404,
        },
        kwargs=PLAN,
        data=lambda c: {"title": "探测", "starts_on": "2025-03-03", "deadline": "2025-04-30"},
    ),  # fmt: skip
    "tasks:plan_import": post_only(
        {ANON: LOGIN, "leader": 403, "supervisor": 403, "officer_b": 404, "village_cadre": 403},
        kwargs=PLAN,
    ),
    "tasks:plan_send_down": post_only(
        {ANON: LOGIN, "officer": 403, "leader": 403, "supervisor": 403, "other_supervisor": 404},
        kwargs=PLAN,
    ),
    "api-1.0.0:tasks_plan_list": api_get(PLAN_PAGE),
    "api-1.0.0:tasks_plan_detail": api_get(
        SEES_PLAN, hidden={"officer_b", "other_supervisor"}, kwargs=API_PLAN
    ),
    "api-1.0.0:tasks_list": api_get(TASK_PAGE),
    "api-1.0.0:tasks_task_detail": api_get(SEES_TASK, hidden=TASK_HIDDEN, kwargs=API_TASK),
    "api-1.0.0:tasks_task_create": api_write(
        {ANON: 401, "leader": 403, "cadre": 404, "resident": 403, "officer_b": 404},
        data=lambda c: {
            "item_id": c.tasks_item.pk,
            "org_unit_ids": [c.tree.village_a1.pk],
            "title": "探测",
            "due": "2025-05-30",
        },
    ),
    "api-1.0.0:tasks_task_report": api_write(
        {ANON: 401, "leader": 403, "officer_b": 404, "grid_worker": 404, "resident": 403},
        data=lambda c: {"percent": 10, "note": "探测"},
        kwargs=API_TASK,
    ),
    "api-1.0.0:tasks_task_transition": api_write(
        {ANON: 401, "leader": 403, "officer_b": 404, "grid_worker": 404, "resident": 403},
        data=lambda c: {},
        kwargs=lambda c: {"task_id": c.tasks_task.pk, "verb": "complete"},
    ),
}


def records(people, tree) -> dict:
    from fazhi.tasks import services

    plan = services.plan_create(
        actor=people.officer, org_unit=tree.town_a, year=2025, title="探测计划"
    )
    item = services.item_add(
        actor=people.officer, plan=plan, title="探测要点", starts_on=date(2025, 3, 3),
        deadline=date(2025, 6, 30),
    )  # fmt: skip
    [task] = services.task_create(
        actor=people.officer, units=[tree.village_a1], item=item, title="探测任务",
        due=date(2025, 5, 30),
    )  # fmt: skip
    return {"tasks_plan": plan, "tasks_item": item, "tasks_task": task}
