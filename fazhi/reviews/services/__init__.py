"""Every write of 智能预审 (`precheck`) and 合法性审核 (`review`). Callers import this
package: `from fazhi.reviews import services; services.review_request_create(...)`."""

from .precheck import (
    CREATOR_ROLES,
    DECIDER_ROLES,
    READER_ROLES,
    can_decide,
    file_paragraphs,
    precheck_finding_decide,
    precheck_run_create,
    precheck_text,
    text_paragraphs,
)
from .review import (
    REQUESTER_ROLES,
    REVIEW_FLOW,
    REVIEW_READER_ROLES,
    REVIEWER_ROLES,
    is_reviewer_for,
    review_conclude,
    review_due_date,
    review_request_create,
    review_withdraw,
)

__all__ = [
    "CREATOR_ROLES",
    "DECIDER_ROLES",
    "READER_ROLES",
    "REQUESTER_ROLES",
    "REVIEWER_ROLES",
    "REVIEW_FLOW",
    "REVIEW_READER_ROLES",
    "can_decide",
    "file_paragraphs",
    "is_reviewer_for",
    "precheck_finding_decide",
    "precheck_run_create",
    "precheck_text",
    "review_conclude",
    "review_due_date",
    "review_request_create",
    "review_withdraw",
    "text_paragraphs",
]
