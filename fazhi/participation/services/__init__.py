"""公众参与's writes. Other apps call these (participation is a shared service)."""

from .comment import (
    answer_comments,
    comment_enter_offline,
    comment_hide,
    comment_submit,
    is_resident,
)
from .common import ORGANISER_ROLES, PAGE_ROLES, mask_name, mask_personal, split_text
from .consultation import consultation_close, consultation_open, invitation_add, minimum_end
from .hearing import (
    earliest_hearing,
    hearing_create,
    hearing_record,
    hearing_register,
    hearing_report,
    hearing_select,
)
from .resident import resident_register

__all__ = [
    "ORGANISER_ROLES",
    "PAGE_ROLES",
    "answer_comments",
    "comment_enter_offline",
    "comment_hide",
    "comment_submit",
    "consultation_close",
    "consultation_open",
    "earliest_hearing",
    "hearing_create",
    "hearing_record",
    "hearing_register",
    "hearing_report",
    "hearing_select",
    "invitation_add",
    "is_resident",
    "mask_name",
    "mask_personal",
    "minimum_end",
    "resident_register",
    "split_text",
]
