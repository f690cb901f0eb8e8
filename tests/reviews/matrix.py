"""Permission matrix entries of 合法性审核 (merged by tests/test_permission_matrix.py).

The record: a subject of town A drafted by the cadre, sent by `officer` to `adviser`.
Writes are probed with input the service refuses, so the record stays pending for
every probe: a 400 shows the caller got past role and scope."""

from __future__ import annotations

from tests.permission_lib import ANON, LOGIN, Redirect, api_get, api_write, page, post_only

from .helpers import make_subject

READERS = {"supervisor", "leader", "officer", "officer_b", "adviser", "other_supervisor"}
HIDDEN = {"officer_b", "other_supervisor"}
NOT_REVIEWERS = ["leader", "supervisor", "cadre", "resident", "village_cadre", "grid_worker"]
ADMINS = ["sys_admin", "security_admin", "audit_admin"]
BY_ID = lambda c: {"pk": c.review.pk}  # noqa: E731
API_BY_ID = lambda c: {"review_id": c.review.pk}  # noqa: E731


def records(people, tree) -> dict:
    from fazhi.reviews.services import review_request_create

    subject = make_subject(tree.town_a, people.cadre, title="探测送审文件")
    review = review_request_create(
        actor=people.officer, subject=subject, kind="normative", reviewer=people.adviser
    )
    return {"review": review, "review_subject": subject}


EXPECTATIONS = {
    "reviews:review_list": page(READERS),
    "reviews:review_detail": page(READERS - HIDDEN, hidden=HIDDEN, kwargs=BY_ID),
    "reviews:review_conclude": post_only(
        {
            ANON: LOGIN,
            **{r: 403 for r in NOT_REVIEWERS + ADMINS + ["other_supervisor"]},
            "officer_b": 404,
            "officer": 403,  # not the assigned reviewer
            "adviser": 400,  # the reviewer, with an empty opinion: refused, form shown
        },
        kwargs=BY_ID,
        data=lambda c: {"opinion": "", "conclusion": ""},
    ),
    "reviews:review_withdraw": post_only(
        {
            ANON: LOGIN,
            **{r: 403 for r in NOT_REVIEWERS + ADMINS + ["adviser", "other_supervisor"]},
            "officer_b": 404,
            "officer": Redirect("/reviews/"),  # no reason: refused with a message
        },
        kwargs=BY_ID,
        data=lambda c: {"reason": ""},
    ),
    "api-1.0.0:review_list": api_get(READERS),
    "api-1.0.0:review_checklists": api_get(READERS),
    "api-1.0.0:review_detail": api_get(READERS - HIDDEN, hidden=HIDDEN, kwargs=API_BY_ID),
    "api-1.0.0:review_conclude": api_write(
        {
            ANON: 401,
            "leader": 403,
            "supervisor": 403,
            "other_supervisor": 403,
            "cadre": 403,
            "officer_b": 404,
            "officer": 403,
            "adviser": 400,
        },
        data=lambda c: {"opinion": "", "conclusion": "passed", "checklist": {}},
        kwargs=API_BY_ID,
    ),
    "api-1.0.0:review_withdraw": api_write(
        {ANON: 401, "adviser": 403, "leader": 403, "officer_b": 404, "officer": 400},
        data=lambda c: {"reason": ""},
        kwargs=API_BY_ID,
    ),
}
