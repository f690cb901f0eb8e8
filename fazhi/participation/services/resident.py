"""Residents register themselves on the public site: a core account with a 公众 (RESIDENT)
membership on their town or village, after consenting to the processing of their
personal data (个人信息保护法 第十三、十四条; the ID number is sensitive: 第二十九条,
separate consent). Name, phone, optional ID number: validated, encrypted, masked by
core (core.services, core.pii)."""

from __future__ import annotations

from django.db import transaction

from fazhi.core import audit, pii
from fazhi.core import services as core_services
from fazhi.core.models import Membership, OrgUnit, User
from fazhi.core.permissions import ServiceError
from fazhi.core.roles import Role

from .. import params
from ..models import ResidentConsent

UNIT_KINDS = ("town", "village", "community")


def resident_register(
    *, username, full_name, phone, password, org_unit: OrgUnit, consent: bool,
    id_number="", id_consent=False,
) -> User:  # fmt: skip
    with transaction.atomic():
        if not consent:
            raise ServiceError(params.CONSENT, errors={"consent": [params.CONSENT]})
        if str(id_number or "").strip() and not id_consent:
            raise ServiceError(params.CONSENT_ID, errors={"id_consent": [params.CONSENT_ID]})
        if not str(full_name or "").strip():
            raise ServiceError(params.NAME, errors={"full_name": [params.NAME]})
        if org_unit is None or org_unit.kind not in UNIT_KINDS or not org_unit.is_active:
            raise ServiceError("请选择所在镇或村(社区)", errors={"org_unit": ["请选择"]})
        if not str(phone or "").strip():
            raise ServiceError("请填写手机号码", errors={"phone": ["请填写手机号码"]})
        # Core's own creator: validates the password policy, the ID number (check digit,
        # birth date) and the phone, encrypts both and keeps their lookup hashes. No actor:
        # the resident creates their own account (audited as such).
        user = core_services._user_create(
            actor=None, username=username, full_name=str(full_name).strip()[:50],
            password=password, id_number=id_number or "", phone=phone,
            must_change_password=False,
        )  # fmt: skip
        if User.objects.filter(phone_hash=user.phone_hash).exclude(pk=user.pk).exists():
            raise ServiceError(params.PHONE_TAKEN, errors={"phone": [params.PHONE_TAKEN]})
        membership = Membership.objects.create(user=user, org_unit=org_unit, role=Role.RESIDENT)
        ResidentConsent.objects.create(
            user=user, org_unit=org_unit, version=params.CONSENT_VERSION,
            id_number_consent=bool(id_number),
        )  # fmt: skip
        audit.record(
            verb="resident.register", actor=None, obj=membership, org_unit=org_unit,
            actor_name=user.username,
            changes={"username": user.username, "phone": pii.mask_phone(user.phone),
                     "consent": params.CONSENT_VERSION, "id_number": bool(id_number)},
        )  # fmt: skip
    return user
