"""Factories for plain rows. Workflow states are reached through services, not here."""

from __future__ import annotations

import factory

from fazhi.core.models import Membership, OrgUnit, User

PASSWORD = "Fazhi-Test-2024"


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    kind = OrgUnit.Kind.COUNTY
    code = factory.Sequence(lambda n: f"{339000 + n:06d}")
    name = factory.Sequence(lambda n: f"测试县{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"用户{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def member(unit: OrgUnit, role: str, username: str | None = None, **kwargs) -> User:
    """A user holding `role` in `unit`."""
    user = UserFactory(**({"username": username} if username else {}), **kwargs)
    Membership.objects.create(user=user, org_unit=unit, role=role)
    return user
