"""Every write of the annual summary: opening a unit-year's report record, the officer's
prose edits per point (figures stay bound), the leader's approval (and return for
revision), and the .docx export under a lock. Each write is scoped, checked and audited;
a refusal writes nothing."""

from __future__ import annotations

from datetime import timedelta

from django.db import IntegrityError, transaction

from fazhi.core import audit, clock
from fazhi.core.models import OrgUnit
from fazhi.core.officedoc import PDF_UNAVAILABLE, OfficeDocument, build, pdf_converter
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from .. import compose, prose
from ..models import AnnualReport, AnnualReportVersion

S = AnnualReport.Status
NOT_FOUND = "记录不存在或无权查看"
READER_ROLES = frozenset(
    {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.LEGAL_ADVISER, Role.CADRE, Role.COUNTY_SUPERVISOR}
)
# A town's summary is written by its law office and approved by its leaders; the county's
# (all its towns together) by the county supervisor.
EDITORS = {OrgUnit.Kind.TOWN: frozenset({Role.LAW_OFFICER}),
           OrgUnit.Kind.COUNTY: frozenset({Role.COUNTY_SUPERVISOR})}  # fmt: skip
APPROVERS = {OrgUnit.Kind.TOWN: frozenset({Role.TOWN_LEADER}),
             OrgUnit.Kind.COUNTY: frozenset({Role.COUNTY_SUPERVISOR})}  # fmt: skip
EXPORT_LOCK = timedelta(minutes=10)  # an export that crashed frees the report after this

NO_DATA = "{year}年{unit}没有任何可写入工作总结的台账数据,无法生成{year}年法治政府建设工作总结"
EXPORT_RUNNING = "该报告正在导出,请稍候再试(同一报告同一时间只能导出一份)"
APPROVED = "报告已审定,不能再修改;如需修改,请领导先“退回修改”"
NO_PARAGRAPH = "报告中没有这一段(数据可能已更新),请刷新后再改"


def editors(unit) -> frozenset:
    return EDITORS.get(unit.kind, frozenset())


def approvers(unit) -> frozenset:
    return APPROVERS.get(unit.kind, frozenset())


def reportable(unit) -> bool:
    return unit is not None and unit.kind in (OrgUnit.Kind.TOWN, OrgUnit.Kind.COUNTY)


def check_readable(actor, unit) -> None:
    """A town or county inside the person's scope, else 'not found' (never confirms it)."""
    if not reportable(unit) or not unit_in_scope(actor, unit, READER_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")


def _check_writer(actor, unit, roles, what: str) -> None:
    check_readable(actor, unit)
    if not actor.has_role(*roles) or not unit_in_scope(actor, unit, roles):
        names = "、".join(r.label for r in roles)
        raise Forbidden(f"只有{names}可以{what}")


def _may_approve(obj, actor) -> bool:
    return unit_in_scope(actor, obj.org_unit, approvers(obj.org_unit))


def _has_data(obj, actor, **_):
    if not compose.compose(obj.org_unit, obj.year).has_data:
        return NO_DATA.format(year=obj.year, unit=obj.org_unit.name)
    return None


def _on_approve(step) -> None:
    step.put("approved_by", step.actor)
    step.put("approved_on", clock.today())


def _on_reopen(step) -> None:
    step.put("approved_by", None)
    step.put("approved_on", None)


ANY_APPROVER = {Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR}
REPORT_FLOW = Workflow(
    AnnualReport,
    audit_prefix="annual_report",
    status_labels=S,
    transitions=[
        Transition("approve", "审定", {S.DRAFT}, S.APPROVED, roles=ANY_APPROVER,
                   allowed=_may_approve, guards=[_has_data], effect=_on_approve),
        Transition("reopen", "退回修改", {S.APPROVED}, S.DRAFT, roles=ANY_APPROVER,
                   allowed=_may_approve, note_required=True, style="warning", effect=_on_reopen),
    ],
)  # fmt: skip


def _ensure(actor, unit, year: int) -> AnnualReport:
    """The unit-year's record, created (and audited) the first time someone writes."""
    report = AnnualReport.objects.filter(org_unit=unit, year=year).first()
    if report is not None:
        return report
    try:
        with transaction.atomic():
            report = AnnualReport.objects.create(org_unit=unit, year=year, created_by=actor)
            REPORT_FLOW.start(actor=actor, obj=report, label="建立年度报告")
            audit.record(verb="annual_report.create", actor=actor, obj=report, org_unit=unit,
                         changes={"year": year})  # fmt: skip
    except IntegrityError:  # opened by someone else at the same moment
        report = AnnualReport.objects.get(org_unit=unit, year=year)
    return report


def report_open(*, actor, unit, year: int) -> AnnualReport:
    """The record a writer acts on (edit, approve); readers only compose."""
    check_readable(actor, unit)
    if not actor.has_role(*(editors(unit) | approvers(unit))):
        raise Forbidden("无权修改或审定该报告")
    return _ensure(actor, unit, year)


def paragraph_edit(*, actor, unit, year: int, key: str, text: str) -> AnnualReport:
    """Replace one paragraph's prose. `text` keeps the paragraph's figures as {0}, {1} …
    (once each) and types no number of its own; the original text, or an empty one,
    restores the paragraph. Each save is a new version."""
    _check_writer(actor, unit, editors(unit), "修改总结的表述")
    text = prose.clean(text)
    current = AnnualReport.objects.filter(org_unit=unit, year=year).first()
    document = compose.compose(unit, year, current.edits if current else {})
    paragraph = document.paragraph(key)
    if paragraph is None:
        raise ServiceError(NO_PARAGRAPH, errors={"text": [NO_PARAGRAPH]}, code="not_found")
    if text and text != paragraph.original:
        refusal = prose.refusal(paragraph.original, len(paragraph.facts), text)
        if refusal:
            raise ServiceError(refusal, errors={"text": [refusal]}, code="bound_figure")
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=_ensure(actor, unit, year).pk)
        if report.status != S.DRAFT:
            raise ServiceError(APPROVED, code="wrong_state")
        before = report.edits.get(key, "")
        edits = dict(report.edits)
        if text and text != paragraph.original:
            edits[key] = text
        else:
            edits.pop(key, None)
        if edits.get(key, "") == before:
            return report  # nothing changed: no new version
        report.edits = edits
        report.version += 1
        report.updated_at = clock.now()
        report.save(update_fields=["edits", "version", "updated_at"])
        AnnualReportVersion.objects.create(
            report=report, number=report.version, edits=edits, created_by=actor,
            note=f"修改“{document.where(key)}”",
        )  # fmt: skip
        audit.record(
            verb="annual_report.edit",
            actor=actor,
            obj=report,
            changes={"key": key, "text": [before, edits.get(key, "")], "version": report.version},
        )
    return report


def report_transition(*, actor, obj: AnnualReport, verb: str, note: str = "", **_):
    return REPORT_FLOW.run(actor=actor, obj=obj, verb=verb, note=note)


def report_step(*, actor, unit, year: int, verb: str, note: str = "") -> AnnualReport:
    """A leader's step (approve, reopen) on the unit-year's summary, which need not have a
    record yet: opened and stepped in one transaction, so a refused step (not a leader, a
    year without data) leaves no empty record and no audit entry behind."""
    if not actor.has_role(*approvers(unit)):
        check_readable(actor, unit)
        raise Forbidden("无权审定该报告")
    with transaction.atomic():
        report = report_open(actor=actor, unit=unit, year=year)
        return report_transition(actor=actor, obj=report, verb=verb, note=note)


def report_export(*, actor, unit, year: int, pdf: bool = False) -> OfficeDocument:
    """The unit-year's summary as .docx (GB/T 9704), or as PDF converted from that .docx
    where LibreOffice is installed. `actor` None is the `fazhi report` command (the
    server's operator). Refused while another export of the same report runs, and for a
    year with no data; audited."""
    if pdf and pdf_converter() is None:
        raise ServiceError(PDF_UNAVAILABLE, code="pdf_unavailable")
    if actor is not None:
        check_readable(actor, unit)
    existing = AnnualReport.objects.filter(org_unit=unit, year=year).first()
    document = compose.compose(unit, year, existing.edits if existing else {})
    if not document.has_data:
        raise ServiceError(NO_DATA.format(year=year, unit=unit.name), code="no_data")
    report = _lock(actor, unit, year)
    try:
        exported = OfficeDocument(
            document.filename(), build(document.blocks(report.approved_on or clock.today()))
        )
        if pdf:
            exported = exported.as_pdf()
        audit.record(verb="annual_report.export", actor=actor, obj=report,
                     actor_name="" if actor else "fazhi report 命令",
                     changes={"version": report.version, "status": report.status,
                              "format": "pdf" if pdf else "docx"})  # fmt: skip
    finally:
        AnnualReport.objects.filter(pk=report.pk).update(exporting_since=None)
    return exported


def _lock(actor, unit, year) -> AnnualReport:
    report = _ensure(actor, unit, year)
    now = clock.now()
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        if report.exporting_since and now - report.exporting_since < EXPORT_LOCK:
            raise ServiceError(EXPORT_RUNNING, code="locked")
        report.exporting_since = now
        report.save(update_fields=["exporting_since"])
    return report
