"""Permission matrix entries of 重大行政决策 (merged by tests/test_permission_matrix.py).

The records: 海屿镇's published catalogue of this year with one decision in 起草. The
town's readers (county supervisor, leader, law officer, adviser) see them; town B's
officer and the other county get 404; the public catalogue page is open to everyone,
anonymous included."""

from __future__ import annotations

from tests.permission_lib import (
    ANON,
    LOGIN,
    Entry,
    Redirect,
    api_get,
    api_write,
    everyone,
    page,
    post_only,
)

READERS = {"supervisor", "leader", "officer", "officer_b", "adviser", "other_supervisor"}
SEES = {"supervisor", "leader", "officer", "adviser"}
HIDDEN = READERS - SEES
OFFICE_ONLY = {
    ANON: LOGIN,
    "leader": 403,
    "adviser": 403,
    "supervisor": 403,
    "cadre": 403,
    "resident": 403,
    "officer_b": 404,
}
WRITERS_ONLY = {
    ANON: LOGIN,
    "adviser": 403,
    "supervisor": 403,
    "cadre": 403,
    "resident": 403,
    "other_supervisor": 403,
    "officer_b": 404,
}

DECISION = lambda c: {"pk": c.dec_decision.pk}  # noqa: E731
CATALOGUE = lambda c: {"pk": c.dec_catalogue.pk}  # noqa: E731
PUBLIC = lambda c: {"code": c.tree.town_a.code, "year": c.dec_catalogue.year}  # noqa: E731
API_DECISION = lambda c: {"decision_id": c.dec_decision.pk}  # noqa: E731

EXPECTATIONS = {
    "decisions:decision_list": page(READERS),
    "decisions:catalogue": page(
        READERS,
        post={ANON: LOGIN, "leader": 403, "adviser": 403, "supervisor": 403, "cadre": 403},
        data=lambda c: {"year": c.dec_catalogue.year},
    ),
    "decisions:catalogue_detail": page(
        SEES,
        hidden=HIDDEN,
        kwargs=CATALOGUE,
        post={ANON: LOGIN, "leader": 403, "adviser": 403, "supervisor": 403, "officer_b": 404},
        data=lambda c: {"title": "探测", "category": "policy", "undertaker": "探测"},
    ),
    "decisions:catalogue_transition": post_only(
        WRITERS_ONLY, kwargs=lambda c: {"pk": c.dec_catalogue.pk, "verb": "adopt"}
    ),
    "decisions:decision_detail": page(SEES, hidden=HIDDEN, kwargs=DECISION),
    "decisions:decision_transition": post_only(
        {**WRITERS_ONLY, "leader": 403},
        kwargs=lambda c: {"pk": c.dec_decision.pk, "verb": "start_participation"},
    ),
    "decisions:expert_add": post_only(OFFICE_ONLY, kwargs=DECISION),
    "decisions:risk_record": post_only(OFFICE_ONLY, kwargs=DECISION),
    "decisions:discussion_record": post_only(WRITERS_ONLY, kwargs=DECISION),
    "decisions:report_add": post_only(OFFICE_ONLY, kwargs=DECISION),
    "decisions:evaluation_add": post_only(OFFICE_ONLY, kwargs=DECISION),
    "decisions:decision_revise": post_only(OFFICE_ONLY, kwargs=DECISION),
    # Not archived yet: readers are sent back to the decision with the reason.
    "decisions:archive_download": page(
        SEES, ok=Redirect("/decisions/"), hidden=HIDDEN, kwargs=DECISION
    ),
    # The public site: anyone reads a published catalogue, no login.
    "decisions:public_catalogue": Entry(get=everyone(200), kwargs=PUBLIC),
    "api-1.0.0:decisions_list": api_get(READERS),
    "api-1.0.0:decision_detail": api_get(SEES, hidden=HIDDEN, kwargs=API_DECISION),
    "api-1.0.0:decision_transition": api_write(
        {
            ANON: 401,
            "adviser": 403,
            "supervisor": 403,
            "cadre": 403,
            "resident": 403,
            "officer_b": 404,
        },
        data=lambda c: {},
        kwargs=lambda c: {"decision_id": c.dec_decision.pk, "verb": "finish_expert"},
    ),
    "api-1.0.0:decision_catalogues": api_get(READERS),
    "api-1.0.0:decision_public_catalogue": Entry(get=everyone(200), kwargs=PUBLIC, is_api=True),
}


def records(people, tree) -> dict:
    from fazhi.core import clock
    from fazhi.decisions import services

    cat = services.catalogue_create(
        actor=people.officer, org_unit=tree.town_a, year=clock.today().year
    )
    decision = services.decision_create(
        actor=people.officer,
        catalogue=cat,
        title="探测决策",
        category="policy",
        undertaker="镇政府",
        body="第一条 探测",
    )
    services.catalogue_transition(actor=people.leader, obj=cat, verb="adopt")
    services.catalogue_transition(actor=people.officer, obj=cat, verb="publish")
    return {"dec_catalogue": cat, "dec_decision": decision}
