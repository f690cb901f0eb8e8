"""The mediation agreement: recorded (a written 调解协议书 with every item of 人民调解法
art 29, or an oral agreement whose content the mediator records, art 28), generated as
.docx in the official layout, signed (the signed copy uploaded: it takes effect on the
signing day, art 29), and the joint application for judicial confirmation within 30 days
of effect (art 33) with the court's decision."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.attachments import attachment_add
from fazhi.core.deadlines import deadline
from fazhi.core.officedoc import Block, OfficeDocument, build, cn_date
from fazhi.core.permissions import ServiceError, check_role

from ..models import Agreement, Dispute, Party
from ..params import (
    AGREEMENT_EXISTS,
    AGREEMENT_MISSING,
    COURT_REQUIRED,
    DATE_BEFORE,
    JUDICIAL_DAYS,
    JUDICIAL_LATE,
    JUDICIAL_NOT_APPLIED,
    JUDICIAL_NOT_OPEN,
    NOT_MEDIATING,
    ORAL_TERMS_REQUIRED,
    REFUSED_NO_MEDIATION,
    SIGN_BEFORE_AGREED,
    SIGN_ORAL,
    SIGN_TWICE,
)
from .common import (
    MEDIATOR_ROLES,
    NOT_FOUND,
    _choice,
    _date,
    _text,
    committee_name,
    locked_dispute,
    may_mediate,
)
from .flow import DISPUTE_FLOW

S = Dispute.Status
J = Agreement.Judicial

# Art 29's three items, each with the fields that carry it.
ART29 = (
    ("(一)当事人的基本情况", ()),
    ("(二)纠纷的主要事实", ("facts",)),
    ("(二)争议事项", ("issues",)),
    ("(二)各方当事人的责任", ("responsibility",)),
    ("(三)协议内容", ("terms",)),
    ("(三)履行方式", ("performance_manner",)),
    ("(三)履行期限", ("performance_deadline",)),
)


def _party_gaps(parties: list[Party]) -> list[str]:
    """What art 29 (一) misses: each party's name, ID number and address."""
    gaps = []
    for p in parties:
        lacks = [label for label, value in (("公民身份号码", p.id_number), ("住址", p.address))
                 if not value]  # fmt: skip
        if lacks:
            gaps.append(f"{p.masked_name}缺少{'、'.join(lacks)}")
    return gaps


def art29_missing(fields: dict, parties: list[Party]) -> tuple[list[str], dict]:
    """The art 29 items a written agreement lacks, and the field errors to show."""
    missing, errors = [], {}
    gaps = _party_gaps(parties)
    if len(parties) < 2 or gaps:
        missing.append("(一)当事人的基本情况" + (f"({';'.join(gaps)})" if gaps else ""))
        errors["parties"] = ["请先补全当事人的公民身份号码和住址"]
    for label, names in ART29[1:]:
        for name in names:
            if fields.get(name) in (None, ""):
                missing.append(label)
                errors[name] = [f"调解协议书须载明{label[3:]}(人民调解法第二十九条)"]
    return missing, errors


def agreement_record(
    *,
    actor,
    dispute: Dispute,
    form: str,
    terms: str,
    facts: str = "",
    issues: str = "",
    responsibility: str = "",
    performance_manner: str = "",
    performance_deadline=None,
    mediators: str = "",
    agreed_on=None,
) -> Agreement:
    """调解成功: the agreement reached. A written one must carry every item of art 29 (it
    is refused, nothing written, naming what is missing); an oral one must record its
    content (art 28) and takes effect the day it is agreed (art 30)."""
    check_role(actor, MEDIATOR_ROLES, "只有人民调解员可以记录调解协议")
    form = _choice(form, Agreement.Form, "form", "协议形式")
    clean = {
        "facts": _text(facts, "facts", "纠纷的主要事实", required=False),
        "issues": _text(issues, "issues", "争议事项", required=False),
        "responsibility": _text(responsibility, "responsibility", "各方当事人的责任",
                                required=False),
        "terms": _text(terms, "terms", "协议内容", required=False),
        "performance_manner": _text(performance_manner, "performance_manner", "履行方式",
                                    required=False),
        "performance_deadline": _date(performance_deadline, "performance_deadline", "履行期限",
                                      required=False, not_future=False),
    }  # fmt: skip
    mediators = _text(mediators, "mediators", "人民调解员", limit=200)
    agreed_on = _date(agreed_on or clock.today(), "agreed_on", "达成协议日期")
    with transaction.atomic():
        locked = locked_dispute(actor, dispute)
        if locked.status == S.REFUSED:
            raise ServiceError(REFUSED_NO_MEDIATION, code="guard")
        if Agreement.objects.filter(dispute=locked).exists():
            raise ServiceError(AGREEMENT_EXISTS, code="wrong_state")
        if locked.status not in (S.ACCEPTED, S.MEDIATING):
            raise ServiceError(NOT_MEDIATING, code="wrong_state")
        if agreed_on < locked.accepted_on:
            message = DATE_BEFORE.format(label="达成协议日期", other="受理日期",
                                         day=locked.accepted_on)  # fmt: skip
            raise ServiceError(message, errors={"agreed_on": [message]})
        if form == Agreement.Form.WRITTEN:
            missing, errors = art29_missing(clean, list(locked.parties.all()))
            if missing:
                raise ServiceError(
                    AGREEMENT_MISSING.format(items="、".join(missing)), errors=errors, code="art29"
                )
            if clean["performance_deadline"] < agreed_on:
                message = DATE_BEFORE.format(label="履行期限", other="达成协议日期", day=agreed_on)
                raise ServiceError(message, errors={"performance_deadline": [message]})
        elif not clean["terms"]:
            raise ServiceError(ORAL_TERMS_REQUIRED, errors={"terms": [ORAL_TERMS_REQUIRED]})
        if locked.status == S.ACCEPTED:
            locked = DISPUTE_FLOW.run(actor=actor, obj=locked, verb="start")
        oral = form == Agreement.Form.ORAL
        agreement = Agreement(
            dispute=locked,
            form=form,
            mediators=mediators,
            committee=committee_name(locked.org_unit, locked.handler_body),
            agreed_on=agreed_on,
            effective_on=agreed_on if oral else None,  # art 30
            recorded_by=actor,
            **clean,
        )
        DISPUTE_FLOW.run(
            actor=actor,
            obj=locked,
            verb="succeed",
            note=f"达成{agreement.get_form_display()}",
            apply=lambda obj: agreement.save() or {"agreement": form},
            outcome_on=agreed_on,
            on=clock.today(),
        )
        audit.record(
            verb="dispute_agreement.create",
            actor=actor,
            obj=agreement,
            org_unit=locked.org_unit,
            changes={"dispute": locked.pk, "form": form, "agreed_on": agreed_on.isoformat()},
        )
    return agreement


# --- the .docx ---------------------------------------------------------------------------------


def _party_line(p: Party) -> str:
    parts = [f"{p.get_role_display()}:{p.name}", f"公民身份号码:{p.id_number}", f"住址:{p.address}"]
    if p.phone:
        parts.append(f"联系电话:{p.phone}")
    return ",".join(parts) + "。"


def number_prefix(committee: str) -> str:
    """海屿镇人民调解委员会 → 海屿镇 (the agreement number's prefix)."""
    return committee.removesuffix("人民调解委员会") or committee


def agreement_blocks(agreement: Agreement, parties: list[Party]) -> list[Block]:
    """The 人民调解协议书 with every item of art 29, the signature lines of the parties and
    the mediator, the committee's seal and the date."""
    d = agreement.dispute
    blocks = [
        Block("title", "人民调解协议书"),
        Block(
            "subtitle",
            f"{number_prefix(agreement.committee)}调〔{agreement.agreed_on.year}〕{d.pk}号",
        ),
        Block("h1", "一、当事人的基本情况"),
        *[Block("body", _party_line(p)) for p in parties],
        Block("h1", "二、纠纷的主要事实、争议事项及各方当事人的责任"),
        Block("field", agreement.facts, label="纠纷的主要事实"),
        Block("field", agreement.issues, label="争议事项"),
        Block("field", agreement.responsibility, label="各方当事人的责任"),
        Block("h1", "三、经调解,各方当事人自愿达成如下协议"),
        *[Block("body", line) for line in agreement.terms.splitlines() if line.strip()],
        Block("field", agreement.performance_manner, label="履行方式"),
        Block("field", f"{cn_date(agreement.performance_deadline)}前履行完毕", label="履行期限"),
        Block(
            "body",
            "本协议自各方当事人签名、盖章或者按指印,人民调解员签名并加盖人民调解委员会印章"
            "之日起生效。本协议具有法律约束力,当事人应当按照约定履行。当事人可以自本协议生效"
            "之日起三十日内共同向人民法院申请司法确认。",
        ),
        Block(
            "body",
            f"本协议一式{len(parties) + 1}份,当事人各执一份,人民调解委员会留存一份。",
        ),
        Block("plain", ""),
        *[
            Block("plain", f"{p.get_role_display()}(签名、盖章或按指印):____________")
            for p in parties
        ],  # fmt: skip
        Block("plain", f"人民调解员(签名):____________({agreement.mediators})"),
        Block("plain", ""),
        Block("right", f"{agreement.committee}(印章)"),
        Block("right", "年    月    日"),
    ]
    return blocks


def agreement_document(*, actor, dispute: Dispute) -> OfficeDocument:
    """The 人民调解协议书 (.docx) of a written agreement, generated for signing. Refused
    (nothing generated) when an art 29 item is missing; the generation is audited."""
    check_role(actor, MEDIATOR_ROLES, "只有人民调解员可以生成调解协议书")
    if not may_mediate(actor, dispute):
        raise ServiceError(NOT_FOUND, code="not_found")
    agreement = Agreement.objects.select_related("dispute").filter(dispute=dispute).first()
    if agreement is None or agreement.form != Agreement.Form.WRITTEN:
        raise ServiceError("本纠纷没有需要制作的调解协议书", code="not_found")
    parties = list(dispute.parties.all())
    fields = {name: getattr(agreement, name) for _, names in ART29 for name in names}
    missing, _ = art29_missing(fields, parties)
    if missing:
        raise ServiceError(AGREEMENT_MISSING.format(items="、".join(missing)), code="art29")
    content = build(agreement_blocks(agreement, parties))
    audit.record(
        verb="dispute_agreement.generate",
        actor=actor,
        obj=agreement,
        org_unit=dispute.org_unit,
        changes={"dispute": dispute.pk},
    )
    return OfficeDocument(f"人民调解协议书(纠纷{dispute.pk}).docx", content)


# --- signing and judicial confirmation ---------------------------------------------------------


def _locked_agreement(actor, dispute: Dispute) -> tuple[Dispute, Agreement]:
    locked = locked_dispute(actor, dispute)
    agreement = Agreement.objects.select_for_update().filter(dispute=locked).first()
    if agreement is None:
        raise ServiceError("本纠纷尚未记录调解协议", code="not_found")
    agreement.dispute = locked
    return locked, agreement


def agreement_sign(*, actor, dispute: Dispute, uploaded_file, signed_on) -> Agreement:
    """The signed and sealed copy uploaded (kept in the case file): the agreement takes
    effect on its signing day (art 29), and the 30-day window for judicial confirmation
    opens (art 33) — on the workbench until an application or a waiver is recorded."""
    check_role(actor, MEDIATOR_ROLES, "只有人民调解员可以上传签字的调解协议书")
    signed_on = _date(signed_on, "signed_on", "签字盖章日期")
    if uploaded_file is None:
        raise ServiceError("请选择签字盖章的调解协议书文件", errors={"file": ["请选择文件"]})
    with transaction.atomic():
        locked, agreement = _locked_agreement(actor, dispute)
        if agreement.form == Agreement.Form.ORAL:
            raise ServiceError(SIGN_ORAL, code="wrong_state")
        if agreement.signed_on:
            raise ServiceError(SIGN_TWICE, code="wrong_state")
        if signed_on < agreement.agreed_on:
            message = SIGN_BEFORE_AGREED.format(agreed=agreement.agreed_on.isoformat())
            raise ServiceError(message, errors={"signed_on": [message]})
        attachment_add(actor=actor, record=agreement, uploaded_file=uploaded_file)
        due = deadline(signed_on, int(JUDICIAL_DAYS.value(locked.org_unit)), "days")
        agreement.signed_on = agreement.effective_on = signed_on
        agreement.judicial_state, agreement.judicial_due = J.OPEN, due
        agreement.save()
        locked.judicial_due = locked.next_due = due
        locked.save(update_fields=["judicial_due", "next_due"])
        audit.record(
            verb="dispute_agreement.sign",
            actor=actor,
            obj=agreement,
            org_unit=locked.org_unit,
            changes={"signed_on": signed_on.isoformat(), "judicial_due": due.isoformat()},
        )
    return agreement


def _close_window(locked: Dispute) -> None:
    locked.judicial_due = locked.next_due = None
    locked.save(update_fields=["judicial_due", "next_due"])


def judicial_apply(*, actor, dispute: Dispute, applied_on, court: str) -> Agreement:
    """申请司法确认: the parties applied jointly, within 30 days of effect (art 33)."""
    check_role(actor, MEDIATOR_ROLES, "只有人民调解员可以记录司法确认")
    applied_on = _date(applied_on, "applied_on", "申请日期")
    court = _text(court, "court", "受理法院", required=False, limit=100)
    if not court:
        raise ServiceError(COURT_REQUIRED, errors={"court": [COURT_REQUIRED]})
    with transaction.atomic():
        locked, agreement = _locked_agreement(actor, dispute)
        if agreement.judicial_state != J.OPEN:
            raise ServiceError(JUDICIAL_NOT_OPEN, code="wrong_state")
        if applied_on < agreement.effective_on:
            message = DATE_BEFORE.format(label="申请日期", other="协议生效日期",
                                         day=agreement.effective_on)  # fmt: skip
            raise ServiceError(message, errors={"applied_on": [message]})
        if applied_on > agreement.judicial_due:
            message = JUDICIAL_LATE.format(due=agreement.judicial_due.isoformat())
            raise ServiceError(message, errors={"applied_on": [message]}, code="art33")
        agreement.judicial_state, agreement.applied_on, agreement.court = (
            J.APPLIED,
            applied_on,
            court,
        )
        agreement.save(update_fields=["judicial_state", "applied_on", "court"])
        _close_window(locked)
        audit.record(
            verb="dispute_agreement.judicial_apply",
            actor=actor,
            obj=agreement,
            org_unit=locked.org_unit,
            changes={"applied_on": applied_on.isoformat(), "court": court},
        )
    return agreement


def judicial_waive(*, actor, dispute: Dispute, note: str) -> Agreement:
    """The parties do not apply (art 33: "认为有必要的" — it is their choice)."""
    check_role(actor, MEDIATOR_ROLES, "只有人民调解员可以记录司法确认")
    note = _text(note, "note", "说明", limit=2000)
    with transaction.atomic():
        locked, agreement = _locked_agreement(actor, dispute)
        if agreement.judicial_state != J.OPEN:
            raise ServiceError(JUDICIAL_NOT_OPEN, code="wrong_state")
        agreement.judicial_state, agreement.judicial_note = J.WAIVED, note
        agreement.save(update_fields=["judicial_state", "judicial_note"])
        _close_window(locked)
        audit.record(
            verb="dispute_agreement.judicial_waive",
            actor=actor,
            obj=agreement,
            org_unit=locked.org_unit,
            changes={"note": note},
        )
    return agreement


def judicial_decide(
    *, actor, dispute: Dispute, decision: str, decided_on, note: str = ""
) -> Agreement:
    """The court's decision: 确认有效 or 驳回/不予确认 (规定第五条, 第八条)."""
    check_role(actor, MEDIATOR_ROLES, "只有人民调解员可以记录司法确认")
    decision = _choice(
        decision, [(J.CONFIRMED.value, J.CONFIRMED.label), (J.REJECTED.value, J.REJECTED.label)],
        "decision", "法院决定",
    )  # fmt: skip
    decided_on = _date(decided_on, "decided_on", "法院决定日期")
    note = _text(note, "note", "说明", required=False, limit=2000)
    with transaction.atomic():
        locked, agreement = _locked_agreement(actor, dispute)
        if agreement.judicial_state != J.APPLIED:
            raise ServiceError(JUDICIAL_NOT_APPLIED, code="wrong_state")
        if decided_on < agreement.applied_on:
            message = DATE_BEFORE.format(label="法院决定日期", other="申请日期",
                                         day=agreement.applied_on)  # fmt: skip
            raise ServiceError(message, errors={"decided_on": [message]})
        agreement.judicial_state, agreement.decided_on = decision, decided_on
        if note:
            agreement.judicial_note = note
        agreement.save(update_fields=["judicial_state", "decided_on", "judicial_note"])
        audit.record(
            verb="dispute_agreement.judicial_decide",
            actor=actor,
            obj=agreement,
            org_unit=locked.org_unit,
            changes={"decision": decision, "decided_on": decided_on.isoformat()},
        )
    return agreement


def court_due(agreement: Agreement) -> date | None:
    """When the court should decide: 15 days from acceptance, +10 with the president's
    approval (最高人民法院《关于人民调解协议司法确认程序的若干规定》第五条); shown only."""
    if agreement.judicial_state != J.APPLIED or agreement.applied_on is None:
        return None
    return deadline(agreement.applied_on, 15, "days")
