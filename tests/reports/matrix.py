"""Permission expectations for reports pages and API (merged by tests/test_permission_matrix.py)."""

from tests.permission_lib import Entry, api, page

FIGURE_READERS = {"supervisor", "leader", "officer", "officer_b", "adviser", "cadre"}
FIGURE_READERS |= {"other_supervisor"}
OUTSIDE_TOWN_A = {"officer_b", "other_supervisor"}

EXPECTATIONS = {
    # Each reader sees their own town (or county) by default.
    "report_figures": page(FIGURE_READERS),
    # Town A's figures: town B's officer and another county's supervisor get 404.
    "api-1.0.0:report_figures": Entry(
        get=api(FIGURE_READERS - OUTSIDE_TOWN_A, hidden=OUTSIDE_TOWN_A),
        path=lambda c: f"/api/v1/figures?unit_id={c.tree.town_a.pk}&year=2026",
        is_api=True,
    ),
}
