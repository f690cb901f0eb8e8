"""Cleaning of free text inside services (architecture rule 8): the same Chinese messages
for every app, as a ServiceError that names the field, so forms and the API show it there."""

from __future__ import annotations

from .permissions import ServiceError


def _refuse(field: str, message: str) -> ServiceError:
    return ServiceError(message, errors={field: [message]})


def clean_text(value, field: str, label: str, limit: int = 2000, *, required: bool = True) -> str:
    """`value` stripped; refused when blank (if required), too long, or holding a NUL
    character (PostgreSQL text cannot store it)."""
    text = str(value or "").strip()
    if "\x00" in text:
        raise _refuse(field, f"{label}含有无效字符")
    if required and not text:
        raise _refuse(field, f"请填写{label}")
    if len(text) > limit:
        raise _refuse(field, f"{label}不能超过{limit}个字")
    return text
