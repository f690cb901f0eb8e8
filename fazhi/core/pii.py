"""Personal data at rest (architecture rule 7, 个人信息保护法 51).

Values are encrypted with Fernet (AES-128-CBC + HMAC) under FAZHI_FIELD_KEY, looked
up by an HMAC-SHA256 keyed hash (a plain hash of an 18-digit ID number is trivially
brute-forced), and masked whenever shown unless the viewer holds the permission.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import lru_cache
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models

from .middleware import current_request_context

if TYPE_CHECKING:
    from cryptography.fernet import Fernet


@lru_cache(maxsize=4)
def _keys(field_key: str) -> tuple[Fernet, bytes]:
    # cryptography is imported on first use, not with the models: most processes (each
    # `fazhi` command) never encrypt or decrypt a value (issue 15).
    from cryptography.fernet import Fernet

    material = hashlib.sha256(("fazhi-field-key:" + field_key).encode()).digest()
    hmac_key = hashlib.sha256(("fazhi-lookup-key:" + field_key).encode()).digest()
    return Fernet(base64.urlsafe_b64encode(material)), hmac_key


def encrypt(value: str) -> str:
    if not value:
        return ""
    return _keys(settings.FIELD_KEY)[0].encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    if not token:
        return ""
    # Within a request a ciphertext met again is decrypted once: a list's rows carry the
    # same few people (drafter, reviewer, recorder), whose ID number and phone each row's
    # select_related reads - a list of 50 documents decrypted 100 values for 3 people,
    # 3 ms. The plain values live as long as the request's rows do, no longer.
    context = current_request_context()
    memo = context.setdefault("plaintexts", {}) if context else None
    if memo is not None and token in memo:
        return memo[token]
    from cryptography.fernet import InvalidToken

    try:
        plain = _keys(settings.FIELD_KEY)[0].decrypt(token.encode()).decode()
    except InvalidToken as exc:  # wrong key or tampered ciphertext: never show garbage
        raise ValueError("个人信息密文无法解密,请检查 FAZHI_FIELD_KEY") from exc
    if memo is not None:
        memo[token] = plain
    return plain


def keyed_hash(value: str) -> str:
    """Lookup hash of a normalised value; equal inputs give equal hashes."""
    if not value:
        return ""
    normalised = value.strip().upper()
    return hmac.new(_keys(settings.FIELD_KEY)[1], normalised.encode(), hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """A text field stored encrypted; Python code sees the plain value."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value


def unread(model, *relations: str) -> list[str]:
    """The encrypted fields of `model`'s `relations` (paths as select_related takes them,
    "" for the model itself), for `.defer(*unread(...))` on a list that never shows them:
    each one read is a decryption per row (a list of 50 visits spent 3 ms of its 13 on
    ID numbers and phones nobody saw)."""
    paths = []
    for relation in relations:
        target = model
        for step in filter(None, relation.split("__")):
            target = target._meta.get_field(step).related_model
        prefix = f"{relation}__" if relation else ""
        paths += [
            prefix + f.name
            for f in target._meta.concrete_fields
            if isinstance(f, EncryptedTextField)
        ]
    return paths


def mask_id_number(value: str) -> str:
    """330***********1234: region prefix and last four only."""
    if not value:
        return ""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_name(value: str) -> str:
    """张** : the surname only, one * for every other character — what a workbench, a
    warning or a public page may show of a resident, party, petitioner or key person."""
    value = (value or "").strip()
    return value[:1] + "*" * max(1, len(value) - 1) if value else ""


def mask_phone(value: str) -> str:
    """138****1234."""
    if not value:
        return ""
    if len(value) < 8:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
