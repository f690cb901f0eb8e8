"""Writes of a 规范性文件 itself: drafting and editing, every step of DOCUMENT_FLOW, a new
request for legality review, and the dated steps `fazhi tick` takes (taking effect,
expiry)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.core import audit
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.scoping import unit_in_scope

from .. import params
from ..models import Document
from .common import (
    DRAFTER_ROLES,
    MAX_BODY,
    MAX_TEXT,
    MAX_TITLE,
    NOT_FOUND,
    _text,
    _today,
    _town_of,
)
from .document_flow import DOCUMENT_FLOW, _request_review
from .numbering import _refuse_number

S = Document.Status

# --- creating and editing -----------------------------------------------------------------

EDITABLE = ("issuer", "title", "body", "touches_business")


def _clean_fields(fields: dict) -> dict:
    out = {}
    if "issuer" in fields:
        if fields["issuer"] not in Document.Issuer.values:
            raise ServiceError(params.ISSUER_REFUSED, errors={"issuer": [params.ISSUER_REFUSED]})
        out["issuer"] = fields["issuer"]
    if "title" in fields:
        out["title"] = _text(fields["title"], "title", "标题", MAX_TITLE, required=True)
    if "body" in fields:
        out["body"] = _text(fields["body"], "body", "正文", MAX_BODY)
    if "touches_business" in fields:
        out["touches_business"] = bool(fields["touches_business"])
    return out


def document_create(
    *,
    actor,
    title: str,
    issuer: str = Document.Issuer.GOVERNMENT,
    body: str = "",
    touches_business: bool = False,
    org_unit: OrgUnit | None = None,
    number: str | None = None,
) -> Document:
    """A new draft (起草) of the actor's town."""
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以起草规范性文件")
    _refuse_number(number)
    unit = _town_of(actor, org_unit, DRAFTER_ROLES)
    data = _clean_fields(
        {"issuer": issuer, "title": title, "body": body, "touches_business": touches_business}
    )
    with transaction.atomic():
        doc = Document.objects.create(org_unit=unit, created_by=actor, **data)
        DOCUMENT_FLOW.start(actor=actor, obj=doc, label="起草")
        audit.record(
            verb="document.create",
            actor=actor,
            obj=doc,
            changes={k: [None, v] for k, v in data.items()},
        )
    return doc


def document_update(*, actor, document: Document, number: str | None = None, **fields) -> Document:
    """Edit the draft's own fields; only while it is being drafted (before deliberation)."""
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以修改规范性文件")
    _refuse_number(number)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ServiceError(f"不能修改这些字段:{'、'.join(sorted(unknown))}")
    data = _clean_fields(fields)
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=document.pk)
        if not unit_in_scope(actor, doc.org_unit, DRAFTER_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        if doc.status not in (S.DRAFT, S.FAIR_COMPETITION, S.PUBLIC_COMMENT):
            raise ServiceError(
                f"当前状态为“{doc.get_status_display()}”,不能修改;如需修改请先退回修改"
            )
        if (
            "touches_business" in data
            and data["touches_business"] != doc.touches_business
            and doc.status != S.DRAFT
        ):
            raise ServiceError("只有起草阶段可以更改是否涉及经营主体经济活动")
        before = {k: getattr(doc, k) for k in data}
        for k, v in data.items():
            setattr(doc, k, v)
        doc.save()
        changes = audit.diff(before, data)
        if changes:
            audit.record(verb="document.update", actor=actor, obj=doc, changes=changes)
    return doc


# --- transitions -----------------------------------------------------------------------------


def document_transition(
    *, actor, obj: Document, verb: str, note: str = "", on: date | None = None, **fields
) -> Document:
    """Move a document by `verb` (DOCUMENT_FLOW), with the step's own fields."""
    if "number" in fields:
        _refuse_number(fields.pop("number") or "x")
    day = _today(on)
    DOCUMENT_FLOW.get(verb)  # unknown verbs refused before anything else
    doc = DOCUMENT_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=_text(note, "note", "说明", MAX_TEXT),
        on=day,
        **fields,
    )
    if verb == "publish" and doc.effective_from and doc.effective_from <= day:
        doc = DOCUMENT_FLOW.run(
            actor=actor, obj=doc, verb="take_effect", note="施行日期已到", on=day
        )
    return doc


def document_request_review(*, actor, document: Document, reviewer, note: str = ""):
    """Send the document (in 合法性审核) for a new review, e.g. after a 不通过 opinion and
    a revised draft. A second review while one is pending is refused by reviews."""
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以送请合法性审核")
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=document.pk)
        if not unit_in_scope(actor, doc.org_unit, DRAFTER_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        if doc.status != S.LEGALITY_REVIEW:
            raise ServiceError(f"当前状态为“{doc.get_status_display()}”,不能送请合法性审核")
        if reviewer is None:
            raise ServiceError("请选择合法性审核人", errors={"reviewer": ["请选择合法性审核人"]})
        review = _request_review(actor=actor, doc=doc, reviewer=reviewer)
        audit.record(
            verb="document.request_review",
            actor=actor,
            obj=doc,
            changes={"review": review.pk, "reviewer": reviewer.pk},
        )
    return review


# --- automatic changes (fazhi tick) ------------------------------------------------------------


def run_due(today: date) -> list[str]:
    """Documents whose effective date has come take effect; those past their validity
    expire. Idempotent."""
    done = []
    with transaction.atomic():
        for doc in Document.objects.select_for_update().filter(
            status=S.PUBLISHED, effective_from__lte=today
        ):
            DOCUMENT_FLOW.run(
                actor=None, obj=doc, verb="auto_in_force",
                note=f"施行日期{doc.effective_from:%Y-%m-%d}已到(系统自动)",
            )  # fmt: skip
            done.append(f"规范性文件开始施行:{doc}")
        for doc in Document.objects.select_for_update().filter(
            status__in=(S.IN_FORCE, S.PUBLISHED), valid_until__lt=today
        ):
            DOCUMENT_FLOW.run(
                actor=None, obj=doc, verb="auto_expire",
                note=f"有效期至{doc.valid_until:%Y-%m-%d},已届满(系统自动)", on=today,
            )  # fmt: skip
            done.append(f"规范性文件有效期届满失效:{doc}")
    return done
