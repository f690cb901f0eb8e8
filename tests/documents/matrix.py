"""Permission matrix entries of 规范性文件 (merged by tests/test_permission_matrix.py).

Readers: the town's law officer, leader, legal adviser and cadre, and the county
supervisor; village cadres, grid workers, residents and the three administrators get 403.
Records are in town A: officer_b (town B) and the other county's supervisor get 404."""

from __future__ import annotations

from datetime import date

from tests.permission_lib import ANON, LOGIN, Entry, api, api_get, api_write, page, post_only

YEAR = date.today().year

READERS = {"supervisor", "leader", "officer", "adviser", "cadre", "officer_b", "other_supervisor"}
HIDDEN = {"officer_b", "other_supervisor"}
IN_SCOPE = READERS - HIDDEN
DOC = lambda c: {"pk": c.document.pk}  # noqa: E731
FILING = lambda c: {"pk": c.filing.pk}  # noqa: E731

EXPECTATIONS = {
    "documents:document_list": page(READERS),
    "documents:document_export": page(READERS),
    "documents:document_create": page(
        {"officer", "officer_b"},
        post={ANON: LOGIN, "leader": 403, "supervisor": 403, "adviser": 403, "cadre": 403},
        data=lambda c: {"title": "探测", "issuer": "government"},
    ),
    "documents:document_detail": page(IN_SCOPE, hidden=HIDDEN, kwargs=DOC),
    "documents:document_edit": page({"officer"}, hidden={"officer_b"}, kwargs=DOC),
    "documents:document_transition": post_only(
        {
            ANON: LOGIN,
            "adviser": 403,
            "cadre": 403,
            "supervisor": 403,
            "officer_b": 404,
            "resident": 403,
        },
        kwargs=lambda c: {"pk": c.document.pk, "verb": "open_comment"},
    ),  # fmt: skip
    "documents:document_review_request": post_only(
        {ANON: LOGIN, "leader": 403, "adviser": 403, "supervisor": 403, "officer_b": 404},
        kwargs=DOC,
    ),
    "documents:filing_submit": post_only(
        {ANON: LOGIN, "leader": 403, "supervisor": 403, "officer_b": 404}, kwargs=DOC
    ),
    "documents:filing_list": page(READERS),
    "documents:filing_export": page(READERS),
    "documents:filing_detail": page(IN_SCOPE, hidden=HIDDEN, kwargs=FILING),
    "documents:filing_transition": post_only(
        {ANON: LOGIN, "leader": 403, "adviser": 403, "officer_b": 404, "other_supervisor": 404},
        kwargs=lambda c: {"pk": c.filing.pk, "verb": "accept"},
    ),
    "documents:cleanup_list": page(
        READERS,
        post={ANON: LOGIN, "leader": 403, "supervisor": 403, "cadre": 403},
        data=lambda c: {"title": "探测清理"},
    ),
    "documents:cleanup_detail": page(
        IN_SCOPE, hidden=HIDDEN, kwargs=lambda c: {"pk": c.cleanup.pk}
    ),
    "documents:cleanup_outcome": post_only(
        {ANON: LOGIN, "leader": 403, "officer_b": 404},
        kwargs=lambda c: {"pk": c.cleanup.pk, "item_pk": c.cleanup.items.first().pk},
        data=lambda c: {"outcome": "continue"},
    ),
    "documents:cleanup_publish": post_only(
        {ANON: LOGIN, "leader": 403, "officer_b": 404}, kwargs=lambda c: {"pk": c.cleanup.pk}
    ),
    # --- API ---
    "api-1.0.0:documents_list": api_get(READERS),
    "api-1.0.0:document_create": api_write(
        {ANON: 401, "leader": 403, "supervisor": 403, "adviser": 403, "resident": 403},
        data=lambda c: {"title": "探测"},
    ),
    "api-1.0.0:document_detail": api_get(
        IN_SCOPE, hidden=HIDDEN, kwargs=lambda c: {"document_id": c.document.pk}
    ),
    "api-1.0.0:document_transition": api_write(
        {
            ANON: 401,
            "officer_b": 404,
            "other_supervisor": 404,
            "adviser": 403,
            "cadre": 403,
            "resident": 403,
        },
        data=lambda c: {"comment_channel": "网站"},
        kwargs=lambda c: {"document_id": c.document.pk, "verb": "open_comment"},
    ),  # fmt: skip
    "api-1.0.0:document_review_request": api_write(
        {ANON: 401, "officer_b": 404, "leader": 403, "resident": 403},
        data=lambda c: {"reviewer_id": c.people.adviser.pk},
        kwargs=lambda c: {"document_id": c.document.pk},
    ),
    "api-1.0.0:filing_submit": api_write(
        {ANON: 401, "officer_b": 404, "leader": 403, "supervisor": 403},
        data=lambda c: {},
        kwargs=lambda c: {"document_id": c.document.pk},
    ),
    "api-1.0.0:filings_list": api_get(READERS),
    "api-1.0.0:filing_rates": Entry(
        get=api(READERS), is_api=True, path=lambda c: f"/api/v1/filings/rates?year={YEAR}"
    ),
    "api-1.0.0:filing_detail": api_get(
        IN_SCOPE, hidden=HIDDEN, kwargs=lambda c: {"filing_id": c.filing.pk}
    ),
    "api-1.0.0:filing_transition": api_write(
        {ANON: 401, "officer_b": 404, "other_supervisor": 404, "leader": 403, "adviser": 403},
        data=lambda c: {},
        kwargs=lambda c: {"filing_id": c.filing.pk, "verb": "accept"},
    ),
}


def records(people, tree) -> dict:
    """A published, filed document of town A, and a clean-up batch that includes it."""
    from fazhi.documents import services

    from .helpers import make_document

    document = make_document(people, until="published", title="探测管理办法")
    filing = services.filing_submit(actor=people.officer, document=document)
    cleanup = services.cleanup_create(actor=people.officer, title="探测清理")
    return {"document": document, "filing": filing, "cleanup": cleanup}
