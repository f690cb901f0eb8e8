"""以案释法: the town's case library, cases pushed to chosen cadres (the town's 机关干部
and its villages' cadres), and read receipts — a receipt turns read when its cadre
opens the push; the push keeps its counts, so its reading rate is a column read."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from fazhi.core import audit, clock
from fazhi.core.cleaning import clean_text
from fazhi.core.models import User

from ..models import RECIPIENT_ROLES, Case, CasePush, CaseReceipt
from ..params import NO_RECIPIENTS, NOT_FOUND, NOT_RECIPIENT
from .common import refuse, writer_town


def case_create(*, actor, title, facts, law_applied, lesson, town=None) -> Case:
    town = writer_town(actor, town)
    title = clean_text(title, "title", "案例名称", 200)
    facts = clean_text(facts, "facts", "基本案情", 5000)
    law_applied = clean_text(law_applied, "law_applied", "适用法律", 2000)
    lesson = clean_text(lesson, "lesson", "以案释法", 5000)
    with transaction.atomic():
        case = Case.objects.create(
            org_unit=town, title=title, facts=facts, law_applied=law_applied, lesson=lesson,
            created_by=actor,
        )  # fmt: skip
        audit.record(verb="publicity.case_create", actor=actor, obj=case, changes={"title": title})
    return case


def recipient_choices(town):
    """Who may receive a push of `town`: its cadres and its villages' cadres (one query)."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__role__in=RECIPIENT_ROLES,
            memberships__org_unit__code__startswith=town.code,
        )
        .distinct()
        .order_by("full_name", "username")
    )


def casepush_create(*, actor, case: Case, recipients, note="") -> CasePush:
    town = writer_town(actor, case.org_unit if case is not None else None)
    if case is None:
        raise refuse("case", NOT_FOUND)
    note = clean_text(note, "note", "推送说明", 200, required=False)
    wanted = {u.pk: u for u in recipients or []}
    if not wanted:
        raise refuse("recipients", NO_RECIPIENTS)
    allowed = set(recipient_choices(town).filter(pk__in=wanted).values_list("pk", flat=True))
    outside = [u for pk, u in wanted.items() if pk not in allowed]
    if outside:
        raise refuse("recipients", NOT_RECIPIENT.format(name=outside[0]))
    with transaction.atomic():
        push = CasePush.objects.create(
            org_unit=town, case=case, pushed_on=clock.today(), note=note,
            recipient_count=len(wanted), pushed_by=actor,
        )  # fmt: skip
        CaseReceipt.objects.bulk_create(
            CaseReceipt(org_unit=town, push=push, recipient_id=pk) for pk in sorted(wanted)
        )
        audit.record(
            verb="publicity.casepush_create",
            actor=actor,
            obj=push,
            changes={"case": case.title, "recipients": [str(u) for u in wanted.values()]},
        )
    return push


def casepush_read(*, actor, push: CasePush) -> CaseReceipt | None:
    """The recipient opened the push: their receipt turns read (once; later openings
    change nothing). None when the actor is no recipient (a reader of the town)."""
    with transaction.atomic():
        receipt = (
            CaseReceipt.objects.select_for_update()
            .filter(push_id=push.pk, recipient_id=actor.pk)
            .first()
        )
        if receipt is None or receipt.read_at is not None:
            return receipt
        receipt.read_at = clock.now()
        receipt.save(update_fields=["read_at"])
        CasePush.objects.filter(pk=push.pk).update(read_count=F("read_count") + 1)
        audit.record(
            verb="publicity.casepush_read",
            actor=actor,
            obj=push,
            changes={"read_at": receipt.read_at.isoformat()},
        )
    return receipt
