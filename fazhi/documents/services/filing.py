"""Filing with the county (报送备案) and the county's review of it (FILING_FLOW): the
town files a published document; the county accepts, returns it for completion or
orders it corrected or revoked; the town answers."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.core import audit
from fazhi.core.deadlines import deadline
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Step, Transition, Workflow

from .. import params
from ..models import Document, Filing
from .common import COUNTY_ROLES, DRAFTER_ROLES, MAX_TEXT, NOT_FOUND, _text, _today
from .dates import filing_due_date
from .document import document_transition

S = Document.Status
FS = Filing.Status

# --- guards (obj, actor, **params) -> None | refusal ------------------------------------


def _order_kind(filing, actor, order_kind="", correction_due=None, on=None, **_):
    if order_kind not in (Filing.OrderKind.CORRECT, Filing.OrderKind.REVOKE):
        return "请选择纠错方式:责令纠正或责令撤销"
    if isinstance(correction_due, date) and correction_due < _today(on):
        return "整改期限不得早于今天"
    return None


def _is_correct_order(filing, actor, **_):
    if filing.order_kind != Filing.OrderKind.CORRECT:
        return "县级审查要求撤销该文件,请办理废止并报告撤销情况"
    return None


def _is_revoke_order(filing, actor, **_):
    if filing.order_kind != Filing.OrderKind.REVOKE:
        return "县级审查要求纠正该文件,请纠正后重新报送"
    return None


# --- each step's own field changes; `note_text` is the step's note (the county's opinion
# or the town's answer), `on` the acting day ---------------------------------------------------


def _accept(step: Step) -> None:
    filing, on = step.obj, step.params["on"]
    filing.decided_on = on
    filing.county_opinion = step.params["note_text"] or "准予备案"
    step.changes["decided_on"] = on.isoformat()


def _return(step: Step) -> None:
    filing = step.obj
    filing.returned_count += 1
    filing.county_opinion = step.params["note_text"]
    filing.decided_on = step.params["on"]


def _order_correction(step: Step) -> None:
    filing, on = step.obj, step.params["on"]
    due = step.params.get("correction_due") or deadline(
        on, int(params.CORRECTION_DAYS.value(filing.org_unit)), "days"
    )
    filing.order_kind = step.params["order_kind"]
    filing.correction_due = due
    filing.correction_ordered = True
    filing.county_opinion = step.params["note_text"]
    filing.decided_on = on
    step.changes.update({"order_kind": filing.order_kind, "correction_due": due.isoformat()})


def _refile(step: Step) -> None:
    materials = step.params.get("materials")
    if materials:
        step.obj.materials = _text(materials, "materials", "报送材料说明", MAX_TEXT)


def _report_revoked(step: Step) -> None:
    doc = step.obj.document
    if doc.status not in (S.REPEALED, S.EXPIRED, S.REVISED):
        document_transition(
            actor=step.actor,
            obj=doc,
            verb="repeal",
            note=f"根据县级备案审查意见撤销:{step.params['note_text']}",
            on=step.params["on"],
        )
        step.changes["document"] = "repealed"


FILING_FLOW = Workflow(
    Filing,
    audit_prefix="filing",
    status_labels=FS,
    transitions=[
        Transition(
            "accept", "准予备案", {FS.SUBMITTED}, FS.ACCEPTED, roles=COUNTY_ROLES, effect=_accept,
        ),
        Transition(
            "return", "退回补正", {FS.SUBMITTED}, FS.RETURNED, roles=COUNTY_ROLES,
            note_required=True, style="outline-warning", effect=_return,
        ),
        Transition(
            "order_correction", "责令纠正或撤销", {FS.SUBMITTED}, FS.CORRECTION_ORDERED,
            roles=COUNTY_ROLES, guards=[_order_kind], note_required=True, style="outline-danger",
            effect=_order_correction,
        ),
        Transition(
            "resubmit", "补正后重新报送", {FS.RETURNED}, FS.SUBMITTED, roles=DRAFTER_ROLES,
            note_required=True, effect=_refile,
        ),
        Transition(
            "report_corrected", "纠正后重新报送", {FS.CORRECTION_ORDERED}, FS.SUBMITTED,
            roles=DRAFTER_ROLES, guards=[_is_correct_order], note_required=True, effect=_refile,
        ),
        Transition(
            "report_revoked", "报告已撤销(废止文件)", {FS.CORRECTION_ORDERED}, FS.REVOKED,
            roles=DRAFTER_ROLES, guards=[_is_revoke_order], note_required=True,
            style="outline-danger", effect=_report_revoked,
        ),
    ],
)  # fmt: skip


# --- the town files, the county decides ------------------------------------------------------


def filing_submit(
    *, actor, document: Document, materials: str = "", on: date | None = None
) -> Filing:
    """The town files a published document with its county (报送备案)."""
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以报送备案")
    day = _today(on)
    materials = _text(materials, "materials", "报送材料说明", MAX_TEXT)
    with transaction.atomic():
        doc = (
            Document.objects.select_for_update(of=("self",))
            .select_related("org_unit")
            .get(pk=document.pk)
        )
        if not unit_in_scope(actor, doc.org_unit, DRAFTER_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        if doc.status not in (S.PUBLISHED, S.IN_FORCE) or not doc.published_on:
            raise ServiceError(params.PUBLISHED_FIRST, code="guard")
        if Filing.objects.filter(document=doc).exists():
            raise ServiceError("该文件已报送备案,不能重复报送", code="guard")
        if day < doc.published_on:
            raise ServiceError(
                "报送日期不能早于公布日期", errors={"on": ["报送日期不能早于公布日期"]}
            )
        county = doc.org_unit.ancestor_of_kind(OrgUnit.Kind.COUNTY)
        if county is None:
            raise ServiceError("未找到上级县级备案审查机关")
        due = filing_due_date(doc)
        filing = Filing.objects.create(
            document=doc,
            org_unit=doc.org_unit,
            county=county,
            submitted_on=day,
            due_date=due,
            on_time=day <= due,
            materials=materials,
            submitted_by=actor,
        )
        FILING_FLOW.start(actor=actor, obj=filing, label="报送备案", note=materials)
        audit.record(
            verb="filing.submit",
            actor=actor,
            obj=filing,
            changes={
                "document": doc.pk,
                "submitted_on": day.isoformat(),
                "due_date": due.isoformat(),
                "on_time": filing.on_time,
            },
        )
    return filing


def filing_transition(
    *, actor, obj: Filing, verb: str, note: str = "", on: date | None = None, **fields
) -> Filing:
    """Move a filing by `verb` (FILING_FLOW): the county's decisions, the town's answers."""
    day = _today(on)
    FILING_FLOW.get(verb)
    note = _text(note, "note", "说明", MAX_TEXT)
    return FILING_FLOW.run(
        actor=actor, obj=obj, verb=verb, note=note, on=day, note_text=note, **fields
    )
