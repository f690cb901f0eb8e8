"""Permission matrix entries of 矛盾纠纷 (merged by tests/test_permission_matrix.py).

The record: a dispute of 东岙村 (town A) registered by its village cadre, mediated by the
town's law officer to a written agreement. Readers of its scope (county supervisor,
leader, law officer, the village cadre) see it; the grid worker (who did not register
it), town B's officer and the other county get 404; the mediators (law officer, village
cadre) act on it. Residents have their own two pages."""

from __future__ import annotations

from datetime import date

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

PAGE = {
    "supervisor",
    "leader",
    "officer",
    "officer_b",
    "village_cadre",
    "grid_worker",
    "other_supervisor",
}
SEES = {"supervisor", "leader", "officer", "village_cadre"}
HIDDEN = {"officer_b", "grid_worker", "other_supervisor"}
MEDIATORS = {"officer", "village_cadre"}
INTAKE = {"officer", "officer_b", "village_cadre", "grid_worker"}

DISPUTE = lambda c: {"pk": c.dispute.pk}  # noqa: E731
API_DISPUTE = lambda c: {"dispute_id": c.dispute.pk}  # noqa: E731
REFUSED_POST = {
    ANON: LOGIN,
    "leader": 403,
    "officer_b": 404,
    "grid_worker": 403,
    "resident": 403,
    "other_supervisor": 403,
    "adviser": 403,
}
REFUSED_API = {
    ANON: 401,
    "leader": 403,
    "officer_b": 404,
    "grid_worker": 403,
    "resident": 403,
    "other_supervisor": 403,
}


def _step(kwargs=DISPUTE):
    return page(
        MEDIATORS,
        hidden={"officer_b"},
        kwargs=kwargs,
        post={ANON: LOGIN, "leader": 403, "officer_b": 404, "grid_worker": 403, "resident": 403},
        data=lambda c: {},
    )


EXPECTATIONS = {
    "disputes:dispute_list": page(PAGE),
    "disputes:dispute_create": page(
        INTAKE,
        post={ANON: LOGIN, "leader": 403, "supervisor": 403, "resident": 403, "cadre": 403},
        data=lambda c: {"summary": "探测"},
    ),
    "disputes:my_disputes": page({"resident"}),
    "disputes:online_create": page(
        {"resident"},
        post={ANON: LOGIN, "officer": 403, "leader": 403, "grid_worker": 403},
        data=lambda c: {"summary": "探测"},
    ),
    "disputes:dispute_detail": page(SEES, hidden=HIDDEN, kwargs=DISPUTE),
    "disputes:dispute_transition": post_only(
        REFUSED_POST, kwargs=lambda c: {"pk": c.dispute.pk, "verb": "close"}
    ),
    "disputes:dispute_route": _step(),
    "disputes:party_add": _step(),
    "disputes:party_edit": _step(lambda c: {"pk": c.dispute_party.pk}),
    "disputes:session_add": _step(),
    "disputes:agreement_create": _step(),
    "disputes:agreement_docx": page(MEDIATORS, hidden={"officer_b"}, kwargs=DISPUTE),
    "disputes:agreement_sign": post_only(REFUSED_POST, kwargs=DISPUTE),
    "disputes:judicial_record": post_only(
        REFUSED_POST, kwargs=lambda c: {"pk": c.dispute.pk, "action": "waive"}
    ),
    "disputes:followup_add": post_only(REFUSED_POST, kwargs=DISPUTE),
    "api-1.0.0:disputes_list": api_get(PAGE),
    "api-1.0.0:dispute_create": api_write(
        {ANON: 401, "leader": 403, "resident": 403, "cadre": 403, "officer_b": 404},
        data=lambda c: {
            "org_unit_id": c.tree.village_a1.pk,
            "source": "walk_in",
            "category": "neighbour",
            "place": "探测",
            "summary": "探测",
            "parties": [
                {"role": "applicant", "name": "甲", "id_number": "1"},
                {"role": "respondent", "name": "乙", "id_number": "1"},
            ],
        },
    ),
    "api-1.0.0:dispute_detail": api_get(SEES, hidden=HIDDEN, kwargs=API_DISPUTE),
    "api-1.0.0:dispute_transition": api_write(
        REFUSED_API,
        data=lambda c: {},
        kwargs=lambda c: {"dispute_id": c.dispute.pk, "verb": "close"},
    ),
    "api-1.0.0:dispute_route": api_write(
        REFUSED_API, data=lambda c: {"to_body": "other", "reason": "探测"}, kwargs=API_DISPUTE
    ),
    "api-1.0.0:dispute_session_create": api_write(
        REFUSED_API,
        data=lambda c: {
            "held_on": "2025-03-03",
            "place": "探测",
            "mediators": "探测",
            "attendees": "探测",
            "record": "探测",
            "result": "continue",
        },
        kwargs=API_DISPUTE,
    ),
    "api-1.0.0:dispute_agreement_create": api_write(
        REFUSED_API, data=lambda c: {"form": "oral", "mediators": "探测"}, kwargs=API_DISPUTE
    ),
    "api-1.0.0:dispute_judicial": api_write(
        REFUSED_API,
        data=lambda c: {"note": "探测"},
        kwargs=lambda c: {"dispute_id": c.dispute.pk, "action": "waive"},
    ),
    "api-1.0.0:dispute_followup_create": api_write(
        REFUSED_API,
        data=lambda c: {"visited_on": "2025-03-03", "performance": "done"},
        kwargs=API_DISPUTE,
    ),
}


def records(people, tree) -> dict:
    from fazhi.core import clock
    from fazhi.core.demo import demo_id_number
    from fazhi.disputes import services

    day = clock.today()
    ids = [demo_id_number(date(1970, 1, 1), n, female=False) for n in (1, 2)]
    dispute = services.dispute_create(
        actor=people.village_cadre,
        org_unit=tree.village_a1,
        source="walk_in",
        category="neighbour",
        place="东岙村",
        summary="探测纠纷",
        parties=[
            {"role": "applicant", "name": "甲", "id_number": ids[0], "address": "东岙村1号"},
            {"role": "respondent", "name": "乙", "id_number": ids[1], "address": "东岙村2号"},
        ],
    )
    services.dispute_transition(actor=people.officer, obj=dispute, verb="accept")
    services.agreement_record(
        actor=people.officer, dispute=dispute, form="written", facts="事实", issues="争议",
        responsibility="责任", terms="协议", performance_manner="现金",
        performance_deadline=day, mediators="调解员", agreed_on=day,
    )  # fmt: skip
    dispute.refresh_from_db()
    return {"dispute": dispute, "dispute_party": dispute.parties.order_by("id").first()}
