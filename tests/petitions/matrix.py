"""Permission matrix entries of 信访 (merged by tests/test_permission_matrix.py).

The record: a petition of town A (海屿镇), registered, whistle-blowing that accuses the
town's 机关干部 (`cadre`). The town's office and leaders and the county supervisor read
it; town B's officer and the other county get 404; nobody else opens these pages."""

from __future__ import annotations

from datetime import date

from tests.permission_lib import ANON, LOGIN, Redirect, api_get, api_write, page, post_only

READERS = {"supervisor", "leader", "officer", "officer_b", "other_supervisor"}
SEES_RECORD = {"supervisor", "leader", "officer"}
HIDDEN = {"officer_b", "other_supervisor"}
PETITION = lambda c: {"pk": c.petition.pk}  # noqa: E731
API_PETITION = lambda c: {"petition_id": c.petition.pk}  # noqa: E731
CREATE_API = lambda c: {  # noqa: E731
    "title": "探测", "channel": "letter", "category": "other", "content": "探测",
    "received_on": "2025-03-03", "petitioners": [{"name": "探测", "address": "探测"}],
}  # fmt: skip

EXPECTATIONS = {
    "petitions:petition_list": page(READERS),
    "petitions:petition_ages": page(READERS),
    "petitions:petition_create": page(
        {"officer", "officer_b"},
        post={ANON: LOGIN, "leader": 403, "supervisor": 403, "cadre": 403, "resident": 403},
        data=lambda c: {"title": "探测"},
    ),
    "petitions:petition_detail": page(SEES_RECORD, hidden=HIDDEN, kwargs=PETITION),
    # No answer yet: the officer is sent back to the page with the reason.
    "petitions:petition_answer_docx": page(
        SEES_RECORD, hidden=HIDDEN, kwargs=PETITION, ok=Redirect("/petitions/")
    ),
    "petitions:petition_transition": post_only(
        {
            ANON: LOGIN,
            "leader": 403,
            "cadre": 403,
            "resident": 403,
            "officer_b": 404,
            "other_supervisor": 404,
        },
        kwargs=lambda c: {"pk": c.petition.pk, "verb": "accept"},
    ),  # fmt: skip
    "api-1.0.0:petitions_list": api_get(READERS),
    "api-1.0.0:petition_ages": api_get(READERS),
    "api-1.0.0:petition_detail": api_get(SEES_RECORD, hidden=HIDDEN, kwargs=API_PETITION),
    "api-1.0.0:petition_create": api_write(
        {ANON: 401, "leader": 403, "supervisor": 403, "cadre": 403, "resident": 403},
        data=CREATE_API,
    ),
    "api-1.0.0:petition_transition": api_write(
        {ANON: 401, "leader": 403, "cadre": 403, "officer_b": 404, "other_supervisor": 404},
        data=lambda c: {},
        kwargs=lambda c: {"petition_id": c.petition.pk, "verb": "accept"},
    ),
}


def records(people, tree) -> dict:
    from fazhi.petitions import services

    petition = services.petition_register(
        actor=people.officer,
        org_unit=tree.town_a,
        title="探测信访",
        channel="letter",
        category="conduct",
        content="探测内容",
        received_on=date(2025, 3, 3),
        petitioners=[{"name": "探测人", "address": "海屿镇"}],
        is_accusation=True,
        accused_name="探测干部",
        accused_user=people.cadre,
    )
    return {"petition": petition}
