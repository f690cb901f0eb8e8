"""Permission matrix entries of 公众参与 (merged by tests/test_permission_matrix.py).

The records: an open consultation of town A (海屿镇) with one resident comment, and a
hearing noticed today. The public site is read by everyone, anonymous included; only
residents comment and register; the staff pages are for the town's law officer and
leaders (who organise), the county supervisor and the adviser (who read). Town B's
officer and the other county get 404 on town A's records."""

from __future__ import annotations

from datetime import timedelta

from tests.permission_lib import (
    ANON,
    LOGIN,
    ROLES,
    Entry,
    Redirect,
    api_get,
    api_write,
    everyone,
    outcomes,
    page,
    post_only,
)

STAFF = {"supervisor", "leader", "officer", "officer_b", "adviser", "other_supervisor"}
SEES = {"supervisor", "leader", "officer", "adviser"}
HIDDEN = {"officer_b", "other_supervisor"}
ORGANISERS = {"officer", "leader", "officer_b"}
C = lambda c: {"pk": c.part_consultation.pk}  # noqa: E731
H = lambda c: {"pk": c.part_hearing.pk}  # noqa: E731
REFUSED = {ANON: LOGIN, "supervisor": 403, "adviser": 403, "resident": 403, "officer_b": 404}
API_REFUSED = {ANON: 401, "supervisor": 403, "adviser": 403, "resident": 403, "officer_b": 404}
LOGGED_IN_SENT_HOME = outcomes(set(ROLES), ok=Redirect("/public/"), anonymous=200)

EXPECTATIONS = {
    # --- the public site: anonymous reading ---
    "participation:public_home": Entry(get=everyone(200)),
    "participation:public_consultation": Entry(get=everyone(200), kwargs=C),
    "participation:public_hearing": Entry(get=everyone(200), kwargs=H),
    "participation:public_register": Entry(get=LOGGED_IN_SENT_HOME),
    "participation:public_mine": page({"resident"}),
    "participation:public_comment": page(
        {"resident"},
        kwargs=C,
        post={ANON: LOGIN, "officer": 403, "supervisor": 403},
        data=lambda c: {"body": "探测"},
    ),  # fmt: skip
    "participation:public_hearing_register": post_only(
        {ANON: LOGIN, "officer": 403, "supervisor": 403},
        kwargs=H,
        data=lambda c: {"name": "探测", "phone": "13800000000", "tag": "public"},
    ),  # fmt: skip
    # --- staff pages ---
    "participation:consultation_list": page(STAFF),
    "participation:consultation_create": page(
        ORGANISERS, post={ANON: LOGIN, "supervisor": 403, "resident": 403}, data=lambda c: {}
    ),
    "participation:consultation_detail": page(SEES, hidden=HIDDEN, kwargs=C),
    "participation:comment_add": post_only(
        REFUSED,
        kwargs=C,
        data=lambda c: {
            "body": "探测",
            "author_name": "探测",
            "channel": "letter",
            "tag": "public",
        },
    ),  # fmt: skip
    "participation:comment_answer": post_only(
        REFUSED,
        kwargs=C,
        data=lambda c: {"comments": [c.part_comment.pk], "outcome": "adopted", "reason": "探测"},
    ),  # fmt: skip
    "participation:consultation_invite": post_only(
        REFUSED, kwargs=C, data=lambda c: {"group": "deputy", "invitees": "探测", "method": "探测"}
    ),
    "participation:comment_hide": post_only(
        REFUSED, kwargs=lambda c: {"pk": c.part_comment.pk}, data=lambda c: {"reason": "探测"}
    ),
    "participation:hearing_create": page(
        {"officer", "leader"},
        hidden={"officer_b"},
        kwargs=C,
        post={ANON: LOGIN, "supervisor": 403, "officer_b": 404},
        data=lambda c: {},
    ),  # fmt: skip
    "participation:hearing_list": page(STAFF),
    "participation:hearing_detail": page(SEES, hidden=HIDDEN, kwargs=H),
    "participation:hearing_select": post_only(
        REFUSED, kwargs=H, data=lambda c: {"registrations": [c.part_registration.pk]}
    ),
    "participation:hearing_upload": post_only(
        REFUSED, kwargs=lambda c: {"pk": c.part_hearing.pk, "what": "record"}, data=lambda c: {}
    ),
    # --- API: public reads without a token ---
    "api-1.0.0:participation_public_list": Entry(get=everyone(200), is_api=True),
    "api-1.0.0:participation_public_detail": Entry(
        get=everyone(200), kwargs=lambda c: {"consultation_id": c.part_consultation.pk}, is_api=True
    ),  # fmt: skip
    "api-1.0.0:participation_public_hearings": Entry(get=everyone(200), is_api=True),
    "api-1.0.0:participation_consultations": api_get(STAFF),
    "api-1.0.0:participation_hearings": api_get(STAFF),
    "api-1.0.0:participation_answer": api_write(
        API_REFUSED,
        data=lambda c: {"comment_ids": [c.part_comment.pk], "outcome": "adopted", "reason": "探测"},
        kwargs=lambda c: {"consultation_id": c.part_consultation.pk},
    ),
    "api-1.0.0:participation_comment": api_write(
        {ANON: 401, "officer": 403, "supervisor": 403},
        data=lambda c: {"body": "探测"},
        kwargs=lambda c: {"consultation_id": c.part_consultation.pk},
    ),
}


def records(people, tree) -> dict:
    from fazhi.core import clock
    from fazhi.participation import services

    today = clock.today()
    consultation = services.consultation_open(
        actor=people.officer, subject=None, org_unit=tree.town_a, title="探测计划",
        text="第一条 探测。\n第二条 探测。", starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=30),
    )  # fmt: skip
    comment = services.comment_submit(
        actor=people.resident, consultation=consultation, body="探测意见", paragraph=1
    )
    hearing = services.hearing_create(
        actor=people.officer, subject=None, org_unit=tree.town_a, title="探测听证",
        matter="探测", place="镇政府会议室", held_on=today + timedelta(days=20),
    )  # fmt: skip
    registration = services.hearing_register(
        actor=people.resident, hearing=hearing, name="探测", phone="13800000000",
        tag="interested",
    )  # fmt: skip
    return {
        "part_consultation": consultation,
        "part_comment": comment,
        "part_hearing": hearing,
        "part_registration": registration,
    }
