"""Permission matrix entries of 社会矛盾预警 (merged by tests/test_permission_matrix.py).

The record: an open red warning of a dispute in 东岙村 of town A (海屿镇). The town's
leader and law officer and the county supervisor read it; town B's law officer and the
other county's supervisor get 404; everyone else (advisers, cadres, village cadres, grid
workers, residents, administrators) is refused the pages. Only the town's leader and law
officer answer a warning; only a law officer evaluates (立即研判)."""

from __future__ import annotations

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

READERS = {"supervisor", "leader", "officer", "officer_b", "other_supervisor"}
SEES = {"supervisor", "leader", "officer"}
HIDDEN = {"officer_b", "other_supervisor"}

WARNING = lambda c: {"pk": c.ew_warning.pk}  # noqa: E731
API_WARNING = lambda c: {"warning_id": c.ew_warning.pk}  # noqa: E731

EXPECTATIONS = {
    "earlywarning:warning_list": page(READERS),
    "earlywarning:warning_detail": page(SEES, hidden=HIDDEN, kwargs=WARNING),
    # Refusals only: an allowed evaluation or answer would change what the others read.
    "earlywarning:warning_evaluate": post_only(
        {
            ANON: LOGIN,
            "leader": 403,
            "supervisor": 403,
            "cadre": 403,
            "adviser": 403,
            "grid_worker": 403,
            "resident": 403,
        }  # fmt: skip
    ),
    "earlywarning:warning_transition": post_only(
        {
            ANON: LOGIN,
            "supervisor": 403,
            "cadre": 403,
            "adviser": 403,
            "village_cadre": 403,
            "resident": 403,
            "officer_b": 404,
            "other_supervisor": 404,
        },  # fmt: skip
        kwargs=lambda c: {"pk": c.ew_warning.pk, "verb": "respond"},
        data=lambda c: {"who": "探测", "measures": "探测", "on": "2025-06-16"},
    ),
    "api-1.0.0:earlywarning_list": api_get(READERS),
    "api-1.0.0:earlywarning_detail": api_get(SEES, hidden=HIDDEN, kwargs=API_WARNING),
    "api-1.0.0:earlywarning_transition": api_write(
        {
            ANON: 401,
            "supervisor": 403,
            "cadre": 403,
            "adviser": 403,
            "resident": 403,
            "officer_b": 404,
            "other_supervisor": 404,
        },  # fmt: skip
        data=lambda c: {"who": "探测", "measures": "探测", "on": "2025-06-16"},
        kwargs=lambda c: {"warning_id": c.ew_warning.pk, "verb": "respond"},
    ),
    "api-1.0.0:earlywarning_evaluate": api_write(
        {ANON: 401, "leader": 403, "supervisor": 403, "cadre": 403, "resident": 403},
        data=lambda c: {},
    ),
}


def records(people, tree) -> dict:
    from datetime import date

    from fazhi.earlywarning.models import EarlyWarning

    warning = EarlyWarning.objects.create(
        org_unit=tree.village_a1, subject_kind="dispute", subject_pk=990001,
        title="探测纠纷", url="/disputes/990001/", category="劳资纠纷", score=75,
        colour="red", colour_rank=3, peak_colour="red", evaluated_on=date(2025, 6, 16),
        response_due=date(2025, 6, 17),
        factors=[{"key": "words", "label": "升级词", "value": "跳楼", "weight": "跳楼60",
                  "points": 60}],
    )  # fmt: skip
    return {"ew_warning": warning}
