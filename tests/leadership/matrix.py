"""Permission matrix entries of 组织领导 (merged by tests/test_permission_matrix.py).

The records, all of town A (海屿镇) at town level: its leading group with the leader as
组长, a work rule, a held deployment meeting, and the leader's 2025 述法 (pending). The
town's readers (county supervisor, leader, law officer) see them; the village cadre
(own village only), town B's officer and the other county get 404."""

from __future__ import annotations

from datetime import date

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

PAGE_ROLES = {"supervisor", "leader", "officer", "officer_b", "village_cadre", "other_supervisor"}
WRITERS = {"officer", "officer_b", "village_cadre"}
SEES = {"supervisor", "leader", "officer"}
HIDDEN = {"officer_b", "village_cadre", "other_supervisor"}
WRITE_REFUSED = {ANON: LOGIN, "leader": 403, "supervisor": 403, "cadre": 403, "resident": 403}
OBJECT_WRITE = {**WRITE_REFUSED, "officer_b": 404, "village_cadre": 404, "other_supervisor": 403}
OFFICE_ONLY = {ANON: LOGIN, "leader": 403, "supervisor": 403, "village_cadre": 403, "cadre": 403}

GROUP = lambda c: {"pk": c.lead_group.pk}  # noqa: E731
MEETING = lambda c: {"pk": c.lead_meeting.pk}  # noqa: E731
REPORT = lambda c: {"pk": c.lead_report.pk}  # noqa: E731

EXPECTATIONS = {
    "leadership:group_list": page(PAGE_ROLES),
    "leadership:group_export": page(PAGE_ROLES),
    "leadership:group_create": page(
        WRITERS,
        post=WRITE_REFUSED,
        data=lambda c: {"org_unit": c.tree.town_a.pk, "established_on": "2025-01-02"},
    ),
    "leadership:group_detail": page(SEES, hidden=HIDDEN, kwargs=GROUP),
    "leadership:member_add": post_only(
        OBJECT_WRITE,
        kwargs=GROUP,
        data=lambda c: {"user": c.people.officer.pk, "role": "member", "started_on": "2025-01-02"},
    ),
    "leadership:member_end": post_only(
        OBJECT_WRITE,
        kwargs=lambda c: {"pk": c.lead_member.pk},
        data=lambda c: {"ended_on": "2025-12-31"},
    ),
    "leadership:rule_list": page(PAGE_ROLES),
    "leadership:rule_create": page(
        WRITERS, post=WRITE_REFUSED, data=lambda c: {"org_unit": c.tree.town_a.pk, "title": "探测"}
    ),
    "leadership:rule_detail": page(SEES, hidden=HIDDEN, kwargs=lambda c: {"pk": c.lead_rule.pk}),
    "leadership:meeting_list": page(PAGE_ROLES),
    "leadership:meeting_export": page(PAGE_ROLES),
    "leadership:meeting_create": page(
        WRITERS,
        post=WRITE_REFUSED,
        data=lambda c: {"org_unit": c.tree.town_a.pk, "kind": "deployment"},
    ),
    "leadership:meeting_detail": page(SEES, hidden=HIDDEN, kwargs=MEETING),
    "leadership:meeting_hold": post_only(
        OBJECT_WRITE, kwargs=MEETING, data=lambda c: {"minutes": "探测"}
    ),
    "leadership:decision_add": post_only(
        OBJECT_WRITE, kwargs=MEETING, data=lambda c: {"text": "探测"}
    ),
    "leadership:lawreport_list": page(PAGE_ROLES),
    "leadership:lawreport_export": page(PAGE_ROLES),
    "leadership:lawreport_roster": post_only(OFFICE_ONLY, data=lambda c: {"year": "2025"}),
    "leadership:lawreport_add": post_only(OFFICE_ONLY, data=lambda c: {"year": "2025"}),
    "leadership:lawreport_detail": page(SEES, hidden=HIDDEN, kwargs=REPORT),
    # Only the reporter (the leader) submits their own.
    "leadership:lawreport_submit": post_only(
        {
            ANON: LOGIN,
            "officer": 403,
            "supervisor": 403,
            "officer_b": 404,
            "village_cadre": 404,
            "cadre": 403,
        },  # fmt: skip
        kwargs=REPORT,
        data=lambda c: {"report_text": ""},
    ),
    "leadership:lawreport_review": post_only(
        {ANON: LOGIN, "leader": 403, "supervisor": 403, "officer_b": 404}, kwargs=REPORT
    ),
    "leadership:lawreport_remove": post_only(
        {ANON: LOGIN, "leader": 403, "supervisor": 403, "officer_b": 404}, kwargs=REPORT
    ),
    "api-1.0.0:leadership_meetings": api_get(PAGE_ROLES),
    "api-1.0.0:leadership_meeting_create": api_write(
        {ANON: 401, "leader": 403, "supervisor": 403, "cadre": 403, "officer_b": 404},
        data=lambda c: {
            "org_unit_id": c.tree.town_a.pk,
            "kind": "deployment",
            "title": "探测",
            "held_on": "2025-03-03",
        },  # fmt: skip
    ),
    "api-1.0.0:leadership_meeting_detail": api_get(
        SEES, hidden=HIDDEN, kwargs=lambda c: {"meeting_id": c.lead_meeting.pk}
    ),
    "api-1.0.0:leadership_meeting_hold": api_write(
        {ANON: 401, "leader": 403, "supervisor": 403, "officer_b": 404, "village_cadre": 404},
        data=lambda c: {"minutes": "探测"},
        kwargs=lambda c: {"meeting_id": c.lead_meeting.pk},
    ),
    "api-1.0.0:leadership_group_members": api_get(
        SEES, hidden=HIDDEN, kwargs=lambda c: {"group_id": c.lead_group.pk}
    ),
    "api-1.0.0:leadership_lawreports": api_get(PAGE_ROLES),
    "api-1.0.0:leadership_lawreport_submit": api_write(
        {ANON: 401, "officer": 400, "officer_b": 400, "other_supervisor": 400},
        data=lambda c: {"org_unit_id": c.tree.town_a.pk, "year": 2025, "report_text": "探测"},
    ),
}


def records(people, tree) -> dict:
    from fazhi.leadership import services

    day = date(2025, 3, 3)
    group = services.group_create(actor=people.officer, org_unit=tree.town_a, established_on=day)
    member = services.member_add(
        actor=people.officer, group=group, user=people.leader, role="leader", started_on=day
    )
    rule = services.rule_create(
        actor=people.officer, org_unit=tree.town_a, title="法治建设例会制度", adopted_on=day
    )
    meeting = services.meeting_create(
        actor=people.officer, org_unit=tree.town_a, kind="deployment", title="探测部署会", held_on=day,
        attendees=[people.leader],
    )  # fmt: skip
    meeting = services.meeting_hold(
        actor=people.officer, obj=meeting, minutes="纪要", decisions=["探测决定"]
    )
    (report,) = services.lawreport_roster(actor=people.officer, town=tree.town_a, year=2025)
    return {"lead_group": group, "lead_member": member, "lead_rule": rule, "lead_meeting": meeting,
            "lead_report": report}  # fmt: skip
