"""Permission expectations for reports pages and API (merged by tests/test_permission_matrix.py)."""

from tests.permission_lib import (
    ANON,
    LOGIN,
    Entry,
    Redirect,
    api,
    api_get,
    api_write,
    page,
    post_only,
)

FIGURE_READERS = {"supervisor", "leader", "officer", "officer_b", "adviser", "cadre"}
FIGURE_READERS |= {"other_supervisor"}
OUTSIDE_TOWN_A = {"officer_b", "other_supervisor"}

# The annual summary of town A for a year with no data (so every probe is deterministic,
# whichever apps contribute): readers of town A see it; town B's officer and another
# county get 404; only the town's law office edits, only its leaders approve.
ANNUAL_READERS = {"supervisor", "leader", "officer", "adviser", "cadre"}
ANNUAL = lambda c: {"unit_id": c.tree.town_a.pk, "year": 2019}  # noqa: E731

EXPECTATIONS = {
    "annual_index": page(FIGURE_READERS),
    "annual_preview": page(ANNUAL_READERS, hidden=OUTSIDE_TOWN_A, kwargs=ANNUAL),
    "annual_docx": page(
        ANNUAL_READERS, ok=Redirect("/annual/"), hidden=OUTSIDE_TOWN_A, kwargs=ANNUAL
    ),
    "annual_pdf": page(
        ANNUAL_READERS, ok=Redirect("/annual/"), hidden=OUTSIDE_TOWN_A, kwargs=ANNUAL
    ),
    "annual_edit": page(
        {"officer"},
        hidden=OUTSIDE_TOWN_A,
        kwargs=lambda c: {**ANNUAL(c), "key": "reports.preamble"},
        post={ANON: LOGIN, "leader": 403, "supervisor": 403, "cadre": 403, "officer_b": 404},
        data=lambda c: {"text": "探测"},
    ),
    "annual_transition": post_only(
        {
            ANON: LOGIN,
            "officer": 403,
            "cadre": 403,
            "officer_b": 404,
            "other_supervisor": 404,
        },
        kwargs=lambda c: {**ANNUAL(c), "verb": "approve"},
    ),
    # The same summary through the API (a year without data: the .docx is refused, 400).
    "api-1.0.0:annual_get": api_get(ANNUAL_READERS, hidden=OUTSIDE_TOWN_A, kwargs=ANNUAL),
    "api-1.0.0:annual_docx": api_get(
        ANNUAL_READERS, ok=400, hidden=OUTSIDE_TOWN_A, kwargs=ANNUAL
    ),
    "api-1.0.0:annual_paragraph": api_write(
        {ANON: 401, "leader": 403, "supervisor": 403, "cadre": 403, "officer_b": 404},
        data=lambda c: {"text": "探测"},
        kwargs=lambda c: {**ANNUAL(c), "key": "reports.preamble"},
        method="patch",
    ),
    "api-1.0.0:annual_transition": api_write(
        {ANON: 401, "officer": 403, "cadre": 403, "officer_b": 404, "other_supervisor": 404},
        data=lambda c: {"note": ""},
        kwargs=lambda c: {**ANNUAL(c), "verb": "approve"},
    ),
    # 驾驶舱: every figure reader, on their own town (or county); the towns' comparison
    # and its export only for a county supervisor (their own county's towns).
    "dashboard": page(FIGURE_READERS),
    "dashboard_county": page({"supervisor", "other_supervisor"}),
    "dashboard_county_export": page({"supervisor", "other_supervisor"}),
    # Each reader sees their own town (or county) by default.
    "report_figures": page(FIGURE_READERS),
    # Town A's figures: town B's officer and another county's supervisor get 404.
    "api-1.0.0:report_figures": Entry(
        get=api(FIGURE_READERS - OUTSIDE_TOWN_A, hidden=OUTSIDE_TOWN_A),
        path=lambda c: f"/api/v1/figures?unit_id={c.tree.town_a.pk}&year=2026",
        is_api=True,
    ),
}
