"""What the services share: roles, text cleaning, the kind of a subject, masking of
personal data in public text."""

from __future__ import annotations

import re

from fazhi.core import pii
from fazhi.core.permissions import ServiceError
from fazhi.core.roles import Role

# The town's office puts drafts to the public, answers and moderates (the law officer),
# and its leaders may too; county supervisors read.
ORGANISER_ROLES = frozenset({Role.LAW_OFFICER, Role.TOWN_LEADER})
PAGE_ROLES = frozenset(
    {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR, Role.LEGAL_ADVISER}
)
MAX_SHORT = 200
MAX_TEXT = 5000

_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]|&#?\w+;|javascript:", re.IGNORECASE)
# An 18-digit ID number (last may be X) or a mainland mobile number, not inside longer digit runs.
_ID_LIKE = re.compile(r"(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}\d{7}[0-9Xx](?![0-9Xx])")
_PHONE_LIKE = re.compile(r"(?<![0-9])1[3-9]\d{9}(?![0-9])")


def text(value, field: str, label: str, limit: int, *, required: bool = False) -> str:
    value = str(value or "").strip()
    if required and not value:
        raise ServiceError(f"请填写{label}", errors={field: [f"请填写{label}"]})
    if len(value) > limit:
        raise ServiceError(
            f"{label}不得超过{limit}字", errors={field: [f"{label}不得超过{limit}字"]}
        )
    return value


def has_html(value: str) -> bool:
    return bool(_HTML.search(value or ""))


def mask_personal(value: str) -> str:
    """Public text with ID-number-like and phone-like strings masked."""
    value = _ID_LIKE.sub(lambda m: m.group(0)[:3] + "*" * 11 + m.group(0)[-4:], value or "")
    return _PHONE_LIKE.sub(lambda m: m.group(0)[:3] + "****" + m.group(0)[-4:], value)


def mask_name(name: str) -> str:
    """张三 → 张*; a resident's full name is not shown on the public page."""
    return pii.mask_name(name) or "匿名"


def kind_of(subject) -> str:
    """The consultation's kind from its subject's app (no import of that app)."""
    if subject is None:
        return "other"
    declared = getattr(subject, "consultation_kind", None)
    if declared:
        return declared
    return {"documents": "normative", "decisions": "decision"}.get(subject._meta.app_label, "plan")


_ARTICLE = re.compile(r"^\s*(第[一二三四五六七八九十百零〇0-9]+条)")


def split_text(value: str) -> list[dict]:
    """The draft's articles/paragraphs: each non-empty line; a line opening with 第…条
    is labelled by its article, others by their place."""
    out = []
    for line in (value or "").splitlines():
        line = line.strip()
        if not line:
            continue
        no = len(out) + 1
        m = _ARTICLE.match(line)
        out.append({"no": no, "label": m.group(1) if m else f"第{no}段", "text": line})
    return out
