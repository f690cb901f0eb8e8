"""Permission expectations for 法律顾问 pages and API (merged by tests/test_permission_matrix.py).

The probed adviser belongs to town A (海屿镇) and is linked to the `adviser` account: town
B's law officer and another county's supervisor get 404; the adviser reads their own."""

from datetime import date

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

READERS = {"supervisor", "leader", "officer", "officer_b", "adviser", "other_supervisor"}
MANAGERS = READERS - {"adviser"}
HIDDEN = {"officer_b", "other_supervisor"}
ADVISER = lambda c: {"pk": c.adviser_record.pk}  # noqa: E731
ADVISER_ID = lambda c: {"adviser_id": c.adviser_record.pk}  # noqa: E731
CREATE = lambda c: {  # noqa: E731
    "name": "探测顾问",
    "kind": "expert",
    "institution": "探测大学",
    "org_unit_id": c.tree.town_a.pk,
}

EXPECTATIONS = {
    "advisers:adviser_list": page(READERS),
    "advisers:adviser_create": page(
        {"officer", "officer_b"},
        post={ANON: LOGIN, "leader": 403, "supervisor": 403, "adviser": 403},
        data=lambda c: {"name": "探测", "kind": "expert", "institution": "探测大学"},
    ),
    "advisers:adviser_export": page(MANAGERS),
    "advisers:scheme": page(
        MANAGERS,
        post={ANON: LOGIN, "leader": 403, "adviser": 403, "cadre": 403},
        data=lambda c: {
            "name": "x",
            "criteria": "甲 100",
            "grades": "合格 60\n不合格 0",
            "renew_grades": "合格",
        },
    ),
    "advisers:adviser_detail": page(READERS - HIDDEN, hidden=HIDDEN, kwargs=ADVISER),
    "advisers:adviser_edit": page(
        {"officer"},
        hidden={"officer_b"},
        kwargs=ADVISER,
        post={ANON: LOGIN, "leader": 403, "supervisor": 403, "adviser": 403, "officer_b": 404},
        data=lambda c: {"name": "探测", "kind": "expert", "institution": "探测大学"},
    ),
    "advisers:appointment_create": page({"officer"}, hidden={"officer_b"}, kwargs=ADVISER),
    "advisers:work_entry_create": page({"officer"}, hidden={"officer_b"}, kwargs=ADVISER),
    "advisers:assessment_create": page({"officer", "leader"}, hidden={"officer_b"}, kwargs=ADVISER),
    "advisers:adviser_transition": post_only(
        {ANON: LOGIN, "leader": 403, "supervisor": 403, "adviser": 403, "officer_b": 404},
        kwargs=lambda c: {"pk": c.adviser_record.pk, "verb": "dismiss"},
        data=lambda c: {"note": "探测"},
    ),
    "api-1.0.0:advisers_list": api_get(READERS),
    "api-1.0.0:advisers_scheme": api_get(MANAGERS),
    "api-1.0.0:advisers_detail": api_get(READERS - HIDDEN, hidden=HIDDEN, kwargs=ADVISER_ID),
    "api-1.0.0:advisers_create": api_write(
        {ANON: 401, "leader": 403, "supervisor": 403, "adviser": 403, "officer_b": 400},
        data=CREATE,
    ),
    "api-1.0.0:adviser_update": api_write(
        {ANON: 401, "leader": 403, "supervisor": 403, "adviser": 403, "officer_b": 404},
        data=lambda c: {"specialty": "探测"},
        kwargs=ADVISER_ID,
        method="patch",
    ),
    "api-1.0.0:advisers_appointment_create": api_write(
        {ANON: 401, "leader": 403, "adviser": 403, "officer_b": 404, "other_supervisor": 403},
        data=lambda c: {"start": "2030-01-01", "end": "2030-12-31"},
        kwargs=ADVISER_ID,
    ),
    "api-1.0.0:advisers_work_entry_create": api_write(
        {ANON: 401, "leader": 403, "adviser": 403, "officer_b": 404},
        data=lambda c: {"kind": "training", "date": "2024-03-01", "description": "探测"},
        kwargs=ADVISER_ID,
    ),
    "api-1.0.0:advisers_assessment_create": api_write(
        {ANON: 401, "supervisor": 403, "adviser": 403, "officer_b": 404, "cadre": 403},
        data=lambda c: {"year": 2024, "scores": {"workload": 30}},
        kwargs=ADVISER_ID,
    ),
    "api-1.0.0:advisers_transition": api_write(
        {ANON: 401, "leader": 403, "adviser": 403, "officer_b": 404},
        data=lambda c: {"note": "探测"},
        kwargs=lambda c: {"adviser_id": c.adviser_record.pk, "verb": "dismiss"},
    ),
}


def records(people, tree) -> dict:
    from fazhi.advisers import services

    adviser = services.adviser_create(
        actor=people.officer,
        name="郑立言",
        kind="lawyer",
        institution="海屿律师事务所",
        licence_no="13301200910123456",
        practice_since=date(2012, 3, 1),
        user_id=people.adviser.pk,
    )
    services.appointment_create(
        actor=people.officer, adviser=adviser, start=date(2024, 1, 1), end=date(2026, 12, 31)
    )
    return {"adviser_record": adviser}
