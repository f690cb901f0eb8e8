"""Permission matrix entries of 案例实景式教学 (merged by tests/test_permission_matrix.py).

The records: a case of town A's (海屿镇) library and a planned session of it with the
village cadre on its roster. The county supervisor and the town's staff (leader, law
officer, cadre, village cadre, grid worker) read them; the law officer of town B and the
other county's supervisor get 404; the adviser, the public and the administrators get 403.
Only the town's law office writes."""

from __future__ import annotations

from datetime import date

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

READERS = {
    "supervisor",
    "leader",
    "officer",
    "officer_b",
    "village_cadre",
    "grid_worker",
    "cadre",
    "other_supervisor",
}
SEES = {"supervisor", "leader", "officer", "village_cadre", "grid_worker", "cadre"}
HIDDEN = READERS - SEES
CURATORS = {"officer", "officer_b"}
# A write by anyone but town A's law office: refused before anything is read or written.
REFUSED = {ANON: LOGIN, "leader": 403, "cadre": 403, "supervisor": 403, "officer_b": 404}
API_REFUSED = {ANON: 401, "leader": 403, "cadre": 403, "supervisor": 403, "officer_b": 404}

CASE = lambda c: {"pk": c.training_case.pk}  # noqa: E731
SESSION = lambda c: {"pk": c.training_session.pk}  # noqa: E731
PARTICIPANT = lambda c: {"pk": c.training_participant.pk}  # noqa: E731
CASE_DATA = lambda c: {  # noqa: E731
    "title": "探测",
    "case_type": "信访纠纷",
    "facts": "探测",
    "roles": "信访人",
    "legal_points": "探测",
    "model_handling": "探测",
}

EXPECTATIONS = {
    "training:session_list": page(READERS),
    "training:case_list": page(READERS),
    "training:case_create": page(
        CURATORS, post={ANON: LOGIN, "leader": 403, "cadre": 403, "resident": 403}, data=CASE_DATA
    ),
    "training:case_detail": page(SEES, hidden=HIDDEN, kwargs=CASE),
    "training:case_edit": page(
        {"officer"}, hidden={"officer_b"}, kwargs=CASE, post=REFUSED, data=CASE_DATA
    ),  # fmt: skip
    "training:session_create": page(
        CURATORS,
        post={ANON: LOGIN, "leader": 403, "cadre": 403, "grid_worker": 403},
        data=lambda c: {
            "case": c.training_case.pk,
            "held_on": "2025-03-14",
            "place": "探测",
            "host": c.people.officer.pk,
        },  # fmt: skip
    ),
    "training:session_detail": page(SEES, hidden=HIDDEN, kwargs=SESSION),
    "training:session_edit": page(
        {"officer"},
        hidden={"officer_b"},
        kwargs=SESSION,
        post=REFUSED,
        data=lambda c: {"held_on": "2025-03-14", "place": "探测", "host": c.people.officer.pk},
    ),  # fmt: skip
    "training:participant_add": post_only(
        REFUSED,
        kwargs=SESSION,
        data=lambda c: {"user": c.people.cadre.pk, "role": "信访人"},
    ),
    "training:session_transition": post_only(
        REFUSED, kwargs=lambda c: {"pk": c.training_session.pk, "verb": "hold"}
    ),
    "training:participant_remove": post_only(REFUSED, kwargs=PARTICIPANT),
    "training:participant_evaluate": post_only(
        REFUSED, kwargs=PARTICIPANT, data=lambda c: {"rating": "good"}
    ),
    "api-1.0.0:training_cases_list": api_get(READERS),
    "api-1.0.0:training_case_create": api_write(
        {ANON: 401, "leader": 403, "cadre": 403, "supervisor": 403, "resident": 403},
        data=lambda c: {**CASE_DATA(c), "roles": ["信访人"]},
    ),
    "api-1.0.0:training_case_detail": api_get(
        SEES, hidden=HIDDEN, kwargs=lambda c: {"case_id": c.training_case.pk}
    ),  # fmt: skip
    "api-1.0.0:training_case_update": api_write(
        API_REFUSED,
        data=lambda c: {"title": "探测"},
        kwargs=lambda c: {"case_id": c.training_case.pk},
        method="patch",
    ),
    "api-1.0.0:training_sessions_list": api_get(READERS),
    "api-1.0.0:training_my_sessions": api_get(READERS),
    "api-1.0.0:training_session_create": api_write(
        API_REFUSED,
        data=lambda c: {
            "case_id": c.training_case.pk,
            "held_on": "2025-03-14",
            "place": "探测",
            "host_id": c.people.officer.pk,
        },  # fmt: skip
    ),
    "api-1.0.0:training_session_detail": api_get(
        SEES, hidden=HIDDEN, kwargs=lambda c: {"session_id": c.training_session.pk}
    ),
    "api-1.0.0:training_participant_add": api_write(
        API_REFUSED,
        data=lambda c: {"user_id": c.people.cadre.pk, "role": "信访人"},
        kwargs=lambda c: {"session_id": c.training_session.pk},
    ),
    "api-1.0.0:training_participant_evaluate": api_write(
        API_REFUSED,
        data=lambda c: {"rating": "good"},
        kwargs=lambda c: {"participant_id": c.training_participant.pk},
    ),
    "api-1.0.0:training_session_transition": api_write(
        API_REFUSED,
        data=lambda c: {},
        kwargs=lambda c: {"session_id": c.training_session.pk, "verb": "hold"},
    ),
}


def records(people, tree) -> dict:
    from fazhi.training import services

    case = services.case_create(
        actor=people.officer,
        org_unit=tree.town_a,
        title="探测案例",
        case_type="信访纠纷",
        facts="探测",
        roles=["信访人", "村干部"],
        legal_points="探测",
        model_handling="探测",
    )
    session = services.session_create(
        actor=people.officer,
        case=case,
        held_on=date(2025, 3, 14),
        place="探测",
        host=people.officer,
    )
    participant = services.participant_add(
        actor=people.officer, session=session, user=people.village_cadre, role="村干部"
    )
    return {
        "training_case": case,
        "training_session": session,
        "training_participant": participant,
    }
