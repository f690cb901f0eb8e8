"""Clean-up (清理) of a town's documents in force: a batch lists every one, each gets its
outcome, and publishing the batch repeals or invalidates those it names."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.core import audit
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.scoping import unit_in_scope

from ..models import CleanupBatch, CleanupItem, Document
from .common import DRAFTER_ROLES, MAX_TITLE, NOT_FOUND, _text, _today, _town_of
from .document import document_transition

S = Document.Status


def cleanup_create(
    *, actor, title: str, reason: str = "", org_unit: OrgUnit | None = None
) -> CleanupBatch:
    """Start a clean-up of the town's documents in force: every one gets an item."""
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以发起清理")
    unit = _town_of(actor, org_unit, DRAFTER_ROLES)
    title = _text(title, "title", "清理名称", MAX_TITLE, required=True)
    reason = _text(reason, "reason", "清理原因", 200)
    with transaction.atomic():
        if CleanupBatch.objects.filter(org_unit=unit, status=CleanupBatch.Status.DRAFT).exists():
            raise ServiceError("本镇已有进行中的清理,请先公布其结果")
        batch = CleanupBatch.objects.create(
            org_unit=unit, title=title, reason=reason, created_by=actor
        )
        docs = Document.objects.filter(org_unit=unit, status__in=(S.IN_FORCE, S.PUBLISHED))
        CleanupItem.objects.bulk_create([CleanupItem(batch=batch, document=d) for d in docs])
        audit.record(
            verb="cleanup.create",
            actor=actor,
            obj=batch,
            changes={"title": title, "documents": [d.pk for d in docs]},
        )
    return batch


def _locked_batch(actor, batch: CleanupBatch) -> CleanupBatch:
    locked = CleanupBatch.objects.select_for_update().get(pk=batch.pk)
    if not unit_in_scope(actor, locked.org_unit, DRAFTER_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    if locked.status != CleanupBatch.Status.DRAFT:
        raise ServiceError("清理结果已公布,不能再修改")
    return locked


def cleanup_set_outcome(
    *, actor, batch: CleanupBatch, item_id: int, outcome: str, note: str = ""
) -> CleanupItem:
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以确定清理结论")
    if outcome not in CleanupItem.Outcome.values or not outcome:
        raise ServiceError(
            "清理结论应为继续有效、修改、废止或宣布失效", errors={"outcome": ["请选择清理结论"]}
        )
    note = _text(note, "note", "说明", 200)
    with transaction.atomic():
        locked = _locked_batch(actor, batch)
        item = CleanupItem.objects.filter(batch=locked, pk=item_id).first()
        if item is None:
            raise ServiceError(NOT_FOUND, code="not_found")
        before = item.outcome
        item.outcome, item.note = outcome, note
        item.save()
        audit.record(
            verb="cleanup.set_outcome",
            actor=actor,
            obj=locked,
            changes={"document": item.document_id, "outcome": [before, outcome], "note": note},
        )
    return item


CLEANUP_VERBS = {
    CleanupItem.Outcome.REPEAL: "repeal",
    CleanupItem.Outcome.INVALIDATE: "expire",
}


def cleanup_publish(*, actor, batch: CleanupBatch, on: date | None = None) -> CleanupBatch:
    """Publish the list: every document must have its outcome; 废止 and 宣布失效 take
    effect on the documents."""
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以公布清理结果")
    day = _today(on)
    with transaction.atomic():
        locked = _locked_batch(actor, batch)
        items = list(locked.items.select_related("document"))
        pending = [i for i in items if not i.outcome]
        if pending:
            raise ServiceError(
                f"还有{len(pending)}件文件未确定清理结论,每件文件都须确定继续有效、修改、废止或宣布失效"
            )
        for item in items:
            verb = CLEANUP_VERBS.get(item.outcome)
            if verb and item.document.status in (S.IN_FORCE, S.PUBLISHED):
                document_transition(
                    actor=actor,
                    obj=item.document,
                    verb=verb,
                    note=f"{locked.title}:{item.get_outcome_display()}{(',' + item.note) if item.note else ''}",
                    on=day,
                )
        locked.status, locked.published_on = CleanupBatch.Status.PUBLISHED, day
        locked.save()
        audit.record(
            verb="cleanup.publish",
            actor=actor,
            obj=locked,
            changes={"published_on": day.isoformat(), "items": len(items)},
        )
    return locked
