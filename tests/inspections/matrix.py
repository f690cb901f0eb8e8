"""Permission matrix entries of 督查整改 (merged by tests/test_permission_matrix.py).

The records: a county inspection of town A (海屿镇), in progress, with one finding owned
by the town's 机关干部 (`cadre`). Readers of the town (county supervisor, leader, law
officer, adviser) see it; the cadre sees it as the finding's owner; staff of the town
who own nothing, town B's officer and the other county get 404."""

from __future__ import annotations

from datetime import date

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

PAGE_ROLES = {
    "supervisor",
    "leader",
    "officer",
    "officer_b",
    "adviser",
    "village_cadre",
    "grid_worker",
    "cadre",
    "other_supervisor",
}
INSPECTORS = {"supervisor", "officer", "officer_b", "other_supervisor"}
SEES_RECORD = {"supervisor", "leader", "officer", "adviser", "cadre"}
HIDDEN = PAGE_ROLES - SEES_RECORD

INSPECTION = lambda c: {"pk": c.insp_inspection.pk}  # noqa: E731
FINDING = lambda c: {"pk": c.insp_finding.pk}  # noqa: E731
API_INSPECTION = lambda c: {"inspection_id": c.insp_inspection.pk}  # noqa: E731
API_FINDING = lambda c: {"finding_id": c.insp_finding.pk}  # noqa: E731
CREATE_PAGE = lambda c: {  # noqa: E731
    "org_unit": c.tree.town_a.pk,
    "kind": "other",
    "title": "探测",
    "topic": "documents",
    "started_on": "2025-03-03",
}
CREATE_API = lambda c: {  # noqa: E731
    "org_unit_id": c.tree.town_a.pk,
    "kind": "other",
    "title": "探测",
    "topic": "documents",
    "started_on": "2025-03-03",
}
FINDING_PAGE = lambda c: {  # noqa: E731
    "description": "探测",
    "basis": "探测",
    "owner": c.people.cadre.pk,
}
FINDING_API = lambda c: {  # noqa: E731
    "description": "探测",
    "basis": "探测",
    "owner_id": c.people.cadre.pk,
}

EXPECTATIONS = {
    "inspections:inspection_list": page(PAGE_ROLES),
    "inspections:inspection_export": page(PAGE_ROLES),
    "inspections:inspection_create": page(
        INSPECTORS,
        post={ANON: LOGIN, "leader": 403, "cadre": 403, "adviser": 403, "resident": 403},
        data=CREATE_PAGE,
    ),
    "inspections:inspection_detail": page(SEES_RECORD, hidden=HIDDEN, kwargs=INSPECTION),
    # Only the inspecting side (the county, for a county inspection) records findings.
    "inspections:finding_add": page(
        {"supervisor"},
        hidden={"officer_b", "other_supervisor"},
        kwargs=INSPECTION,
        post={ANON: LOGIN, "leader": 403, "cadre": 403, "officer": 403, "officer_b": 404},
        data=FINDING_PAGE,
    ),
    "inspections:inspection_transition": post_only(
        {
            ANON: LOGIN,
            "leader": 403,
            "cadre": 403,
            "officer": 403,
            "officer_b": 404,
            "other_supervisor": 404,
        },
        kwargs=lambda c: {"pk": c.insp_inspection.pk, "verb": "issue"},
    ),
    # Corrections: the inspecting side only (the county, for a county inspection).
    "inspections:inspection_edit": page(
        {"supervisor"},
        hidden={"officer_b", "other_supervisor"},
        kwargs=INSPECTION,
        post={ANON: LOGIN, "leader": 403, "cadre": 403, "officer": 403, "officer_b": 404},
        data=lambda c: {"title": "探测", "topic": "documents", "started_on": "2025-03-03"},
    ),
    "inspections:finding_edit": page(
        {"supervisor"},
        hidden={"officer_b", "other_supervisor"},
        kwargs=FINDING,
        post={ANON: LOGIN, "leader": 403, "cadre": 403, "officer": 403, "officer_b": 404},
        data=lambda c: {**FINDING_PAGE(c), "deadline": "2025-04-30"},
    ),
    "inspections:finding_detail": page(SEES_RECORD, hidden=HIDDEN, kwargs=FINDING),
    "inspections:finding_transition": post_only(
        {
            ANON: LOGIN,
            "leader": 403,
            "cadre": 403,
            "officer": 403,
            "village_cadre": 404,
            "officer_b": 404,
            "other_supervisor": 404,
            "resident": 403,
        },
        kwargs=lambda c: {"pk": c.insp_finding.pk, "verb": "close"},
    ),
    "api-1.0.0:inspections_list": api_get(PAGE_ROLES),
    "api-1.0.0:inspection_create": api_write(
        {ANON: 401, "leader": 403, "cadre": 403, "resident": 403, "officer_b": 404},
        data=CREATE_API,
    ),
    "api-1.0.0:inspection_detail": api_get(SEES_RECORD, hidden=HIDDEN, kwargs=API_INSPECTION),
    "api-1.0.0:inspection_finding_create": api_write(
        {
            ANON: 401,
            "leader": 403,
            "cadre": 403,
            "officer": 403,
            "officer_b": 404,
            "other_supervisor": 404,
        },
        data=FINDING_API,
        kwargs=API_INSPECTION,
    ),
    "api-1.0.0:inspection_transition": api_write(
        {ANON: 401, "leader": 403, "cadre": 403, "officer": 403, "officer_b": 404},
        data=lambda c: {},
        kwargs=lambda c: {"inspection_id": c.insp_inspection.pk, "verb": "issue"},
    ),
    "api-1.0.0:inspection_update": api_write(
        {
            ANON: 401,
            "leader": 403,
            "cadre": 403,
            "officer": 403,
            "resident": 403,
            "officer_b": 404,
            "other_supervisor": 404,
        },
        data=lambda c: {"title": "探测"},
        kwargs=API_INSPECTION,
        method="patch",
    ),
    "api-1.0.0:inspection_finding_update": api_write(
        {
            ANON: 401,
            "leader": 403,
            "cadre": 403,
            "officer": 403,
            "resident": 403,
            "officer_b": 404,
            "other_supervisor": 404,
        },
        data=lambda c: {"basis": "探测"},
        kwargs=API_FINDING,
        method="patch",
    ),
    "api-1.0.0:inspection_finding_detail": api_get(SEES_RECORD, hidden=HIDDEN, kwargs=API_FINDING),
    "api-1.0.0:inspection_finding_transition": api_write(
        {
            ANON: 401,
            "leader": 403,
            "cadre": 403,
            "officer": 403,
            "officer_b": 404,
            "village_cadre": 404,
            "resident": 403,
        },
        data=lambda c: {},
        kwargs=lambda c: {"finding_id": c.insp_finding.pk, "verb": "close"},
    ),
}


def records(people, tree) -> dict:
    from fazhi.inspections import services

    inspection = services.inspection_create(
        actor=people.supervisor,
        org_unit=tree.town_a,
        kind="county_special",
        title="探测督查",
        topic="documents",
        started_on=date(2025, 3, 3),
    )
    finding = services.finding_add(
        actor=people.supervisor,
        inspection=inspection,
        description="探测问题",
        basis="探测依据",
        owner=people.cadre,
        deadline=date(2025, 4, 30),
    )
    return {"insp_inspection": inspection, "insp_finding": finding}
