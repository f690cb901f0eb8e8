"""Permission matrix entries of 法治建设旬报 (merged by tests/test_permission_matrix.py).

The record: town A's (海屿镇) draft 旬报 for the last ended 旬. Its law office, leaders and
county read it; only its law officer edits and submits; only the county returns;
town B's officer and the other county get 404."""

from __future__ import annotations

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

PAGE_ROLES = {"supervisor", "leader", "officer", "officer_b", "other_supervisor"}
SEES = {"supervisor", "leader", "officer"}
HIDDEN = {"officer_b", "other_supervisor"}
REPORT = lambda c: {"pk": c.tenday_report.pk}  # noqa: E731
API_REPORT = lambda c: {"report_id": c.tenday_report.pk}  # noqa: E731
WRITE_REFUSED = {ANON: LOGIN, "leader": 403, "supervisor": 403, "cadre": 403, "officer_b": 404}
API_WRITE_REFUSED = {ANON: 401, "leader": 403, "supervisor": 403, "cadre": 403, "officer_b": 404}

EXPECTATIONS = {
    "tenday:report_list": page(PAGE_ROLES),
    "tenday:county_matrix": page(PAGE_ROLES),
    "tenday:report_export": page(PAGE_ROLES),
    "tenday:report_detail": page(SEES, hidden=HIDDEN, kwargs=REPORT),
    "tenday:report_docx": page(SEES, hidden=HIDDEN, kwargs=REPORT),
    "tenday:report_edit": page(
        {"officer"},
        hidden={"officer_b"},
        kwargs=REPORT,
        post=WRITE_REFUSED,
        data=lambda c: {"body": "探测"},
    ),
    "tenday:report_create": post_only(
        WRITE_REFUSED,
        data=lambda c: {"org_unit": c.tree.town_a.pk, "period_start": "2026-10-21"},
    ),
    "tenday:report_regenerate": post_only(WRITE_REFUSED, kwargs=REPORT),
    "tenday:report_transition": post_only(
        {
            ANON: LOGIN,
            "leader": 403,
            "supervisor": 403,
            "cadre": 403,
            "officer_b": 404,
            "other_supervisor": 404,
        },
        kwargs=lambda c: {"pk": c.tenday_report.pk, "verb": "submit"},
    ),
    "api-1.0.0:tenday_list": api_get(PAGE_ROLES),
    "api-1.0.0:tenday_matrix": api_get(PAGE_ROLES),
    "api-1.0.0:tenday_detail": api_get(SEES, hidden=HIDDEN, kwargs=API_REPORT),
    "api-1.0.0:tenday_create": api_write(
        API_WRITE_REFUSED,
        data=lambda c: {"org_unit_id": c.tree.town_a.pk, "period_start": "2026-10-21"},
    ),
    "api-1.0.0:tenday_update": api_write(
        API_WRITE_REFUSED, data=lambda c: {"body": "探测"}, kwargs=API_REPORT, method="put"
    ),
    "api-1.0.0:tenday_regenerate": api_write(
        API_WRITE_REFUSED, data=lambda c: {}, kwargs=API_REPORT
    ),
    "api-1.0.0:tenday_transition": api_write(
        {ANON: 401, "leader": 403, "supervisor": 403, "officer_b": 404, "other_supervisor": 404},
        data=lambda c: {},
        kwargs=lambda c: {"report_id": c.tenday_report.pk, "verb": "submit"},
    ),
}


def records(people, tree) -> dict:
    from fazhi.core import clock
    from fazhi.tenday import services
    from fazhi.tenday.periods import last_ended

    report = services.report_create(
        actor=people.officer, org_unit=tree.town_a, period_start=last_ended(clock.today()).start
    )
    return {"tenday_report": report}
