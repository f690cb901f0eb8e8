"""Contract services: registration rules, the workflow with its guards, payments."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fazhi.contracts import services
from fazhi.contracts.models import Contract, ContractPayment
from fazhi.core.models import AuditEvent, StatusChange
from fazhi.core.permissions import ServiceError

from .helpers import GOOD_CODE, conclude, fields, signed

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        Contract.objects.count(),
        ContractPayment.objects.count(),
        AuditEvent.objects.count(),
        StatusChange.objects.count(),
        list(Contract.objects.order_by("pk").values_list("status", "signed_on", "archive_number")),
    )


def refused(match, fn, **kwargs):
    before = snapshot()
    with pytest.raises(ServiceError) as exc:
        fn(**kwargs)
    assert match in exc.value.message, exc.value.message
    assert snapshot() == before, "a refusal must change nothing"
    return exc.value


def test_full_journey(people):
    c = services.contract_create(actor=people.officer, **fields())
    assert c.status == "draft" and c.org_unit == people.officer.units_for({"law_officer"})[0]
    services.contract_transition(
        actor=people.officer, obj=c, verb="submit_review", reviewer=people.adviser
    )
    c.refresh_from_db()
    assert c.status == "legality_review"
    conclude(c, people.adviser)
    c.refresh_from_db()
    assert c.status == "approved" and c.reviewed_on == date.today()
    c = services.contract_transition(
        actor=people.officer, obj=c, verb="sign", signed_on=date.today()
    )
    assert c.status == "signed" and c.archive_due > c.signed_on
    c = services.contract_transition(
        actor=people.officer, obj=c, verb="archive", archive_number="HY-HT-2026-001"
    )
    assert c.status == "archived" and c.archived_on == date.today()
    c = services.contract_transition(actor=people.officer, obj=c, verb="perform")
    c = services.contract_transition(actor=people.officer, obj=c, verb="complete")
    assert c.status == "completed"
    verbs = list(
        AuditEvent.objects.filter(object_type="contracts.contract").values_list("verb", flat=True)
    )
    assert "contract.create" in verbs and "contract.sign" in verbs


def test_rejected_review_returns_to_draft(people):
    c = services.contract_create(actor=people.officer, **fields())
    services.contract_transition(
        actor=people.officer, obj=c, verb="submit_review", reviewer=people.adviser
    )
    conclude(c, people.adviser, "rejected")
    c.refresh_from_db()
    assert c.status == "draft"


# --- registration refusals: each names its rule, nothing is written -----------------------


def test_malformed_credit_code_is_refused(people):
    bad = GOOD_CODE[:-1] + ("0" if GOOD_CODE[-1] != "0" else "1")
    exc = refused(
        "校验位错误",
        services.contract_create,
        actor=people.officer,
        **fields(counterparty_credit_code=bad),
    )
    assert "GB 32100" in exc.message
    refused(
        "18位",
        services.contract_create,
        actor=people.officer,
        **fields(counterparty_credit_code="12345"),
    )


def test_payment_term_over_60_days_is_refused(people):
    exc = refused(
        "最长不得超过60日",
        services.contract_create,
        actor=people.officer,
        **fields(payment_term_days=61, payment_term_agreed=True),
    )
    assert "保障中小企业款项支付条例》第九条" in exc.message


def test_payment_term_over_30_days_needs_agreement(people):
    refused(
        "须经双方在合同中约定",
        services.contract_create,
        actor=people.officer,
        **fields(payment_term_days=45),
    )
    c = services.contract_create(
        actor=people.officer, **fields(payment_term_days=45, payment_term_agreed=True)
    )
    assert c.payment_term_days == 45


def test_payment_conditional_on_third_party_is_refused_for_an_sme(people):
    refused(
        "第三方付款",
        services.contract_create,
        actor=people.officer,
        **fields(payment_conditional_on_third_party=True),
    )


def test_sme_term_defaults_to_30_days(people):
    c = services.contract_create(actor=people.officer, **fields(payment_term_days=None))
    assert c.payment_term_days == 30


def test_arbitration_clause_in_an_agreement_is_refused(people):
    exc = refused(
        "不得约定仲裁条款",
        services.contract_create,
        actor=people.officer,
        **fields(category="expropriation", has_arbitration_clause=True, counterparty_is_sme=False),
    )
    assert "第二十六条" in exc.message
    # A civil contract may agree arbitration.
    c = services.contract_create(actor=people.officer, **fields(has_arbitration_clause=True))
    assert c.has_arbitration_clause and not c.is_administrative_agreement


def test_missing_tender_record_over_threshold_is_refused(people):
    exc = refused(
        "必须招标",
        services.contract_create,
        actor=people.officer,
        **fields(category="works", amount="4000000"),
    )
    assert set(exc.errors) >= {"tender_method", "tender_date", "tender_notice_ref"}
    c = services.contract_create(
        actor=people.officer,
        **fields(
            category="works",
            amount="4000000",
            tender_method="open",
            tender_date=date(2026, 3, 1),
            tender_notice_ref="HYZB-2026-003",
        ),
    )
    assert c.procurement_kind == "works"
    # Just under the threshold needs none.
    services.contract_create(actor=people.officer, **fields(category="works", amount="3999999.99"))


def test_tender_threshold_is_a_parameter(people, tree):
    from fazhi.core.params import parameter_set

    parameter_set(
        actor=people.supervisor, unit=tree.county, key="contracts.tender_threshold_services",
        raw_value="100000",
    )  # fmt: skip
    refused("必须招标", services.contract_create, actor=people.officer, **fields())


def test_only_law_officers_register(people):
    for user in (people.leader, people.adviser, people.supervisor, people.cadre):
        refused("法治办工作人员", services.contract_create, actor=user, **fields())


def test_term_end_before_start_is_refused(people):
    refused(
        "不能早于",
        services.contract_create,
        actor=people.officer,
        **fields(term_start=date(2026, 5, 1), term_end=date(2026, 4, 1)),
    )


# --- workflow guards ---------------------------------------------------------------------------


def draft(people, **over):
    return services.contract_create(actor=people.officer, **fields(**over))


def submitted(people):
    c = draft(people)
    services.contract_transition(
        actor=people.officer, obj=c, verb="submit_review", reviewer=people.adviser
    )
    c.refresh_from_db()
    return c


def test_signing_before_review_is_refused(people):
    c = draft(people)
    refused(
        "当前状态为“登记”",
        services.contract_transition,
        actor=people.officer,
        obj=c,
        verb="sign",
        signed_on=date.today(),
    )


def test_signing_with_review_pending_or_rejected_is_refused(people):
    c = submitted(people)
    # approve while the review is pending
    refused("尚未通过", services.contract_transition, actor=people.officer, obj=c, verb="approve")
    # Force the state the guard protects (an approved contract whose review did not pass).
    Contract.objects.filter(pk=c.pk).update(status="approved")
    c.refresh_from_db()
    exc = refused(
        "未经合法性审核",
        services.contract_transition,
        actor=people.officer,
        obj=c,
        verb="sign",
        signed_on=date.today(),
    )
    assert "不得签订" in exc.message


def test_second_active_review_is_refused(people):
    c = submitted(people)
    Contract.objects.filter(pk=c.pk).update(status="draft")
    c.refresh_from_db()
    refused(
        "进行中的合法性审核",
        services.contract_transition,
        actor=people.officer,
        obj=c,
        verb="submit_review",
        reviewer=people.adviser,
    )


def test_review_by_the_drafter_is_refused(people):
    c = draft(people)
    refused(
        "起草人不得审核",
        services.contract_transition,
        actor=people.officer,
        obj=c,
        verb="submit_review",
        reviewer=people.officer,
    )
    refused(
        "请选择审核人",
        services.contract_transition,
        actor=people.officer,
        obj=c,
        verb="submit_review",
    )


def test_reviewer_from_another_town_is_refused(people):
    c = draft(people)
    refused(
        "不是本镇",
        services.contract_transition,
        actor=people.officer,
        obj=c,
        verb="submit_review",
        reviewer=people.officer_b,
    )


def test_arbitration_clause_is_refused_at_signing_too(people):
    c = submitted(people)
    conclude(c, people.adviser)
    # Someone changed the category under the contract (e.g. a data fix): signing re-checks.
    Contract.objects.filter(pk=c.pk).update(category="other_agreement", has_arbitration_clause=True)
    c.refresh_from_db()
    refused(
        "不得约定仲裁条款",
        services.contract_transition,
        actor=people.officer,
        obj=c,
        verb="sign",
        signed_on=date.today(),
    )


def test_sign_needs_a_date_not_in_the_future(people):
    c = submitted(people)
    conclude(c, people.adviser)
    c.refresh_from_db()
    refused(
        "请填写签订日期", services.contract_transition, actor=people.officer, obj=c, verb="sign"
    )
    refused(
        "不能晚于今天",
        services.contract_transition,
        actor=people.officer,
        obj=c,
        verb="sign",
        signed_on=date.today() + timedelta(days=1),
    )
    refused(
        "不能早于合法性审核通过日期",
        services.contract_transition,
        actor=people.officer,
        obj=c,
        verb="sign",
        signed_on=date.today() - timedelta(days=3),
    )


def test_archive_without_number_is_refused(people):
    c = signed(people)
    exc = refused(
        "未填写档案号", services.contract_transition, actor=people.officer, obj=c, verb="archive"
    )
    assert "不得归档" in exc.message


def test_archive_number_unique_in_town(people):
    a = signed(people)
    services.contract_transition(actor=people.officer, obj=a, verb="archive", archive_number="A-1")
    b = signed(people, title="另一份合同")
    refused(
        "已被本镇其他合同使用",
        services.contract_transition,
        actor=people.officer,
        obj=b,
        verb="archive",
        archive_number="A-1",
    )


def test_archive_due_is_five_workdays_on_the_official_calendar(people):
    """Signed on Wednesday 30 September 2026: National Day holidays 1–7 October (with a
    调休 working Saturday 10 October) put the 5th working day on Monday 12 October...
    counted by core.deadlines."""
    from fazhi.core.deadlines import deadline

    c = submitted(people)
    conclude(c, people.adviser)
    Contract.objects.filter(pk=c.pk).update(reviewed_on=date(2026, 9, 1))
    c.refresh_from_db()
    c = services.contract_transition(
        actor=people.officer, obj=c, verb="sign", signed_on=date(2026, 9, 30)
    )
    assert c.archive_due == deadline(date(2026, 9, 30), 5, "workdays")
    assert c.archive_due > date(2026, 10, 7)  # past the Golden Week holiday


def test_terminate_needs_a_note(people):
    c = signed(people)
    refused(
        "须填写说明", services.contract_transition, actor=people.officer, obj=c, verb="terminate"
    )
    c = services.contract_transition(
        actor=people.officer, obj=c, verb="terminate", note="对方违约,经协商解除"
    )
    assert c.status == "terminated"


def test_other_town_officer_gets_not_found(people):
    c = draft(people)
    refused(
        "记录不存在", services.contract_transition, actor=people.officer_b, obj=c, verb="submit_review",
        reviewer=people.adviser,
    )  # fmt: skip


def test_leader_cannot_run_the_workflow(people):
    c = draft(people)
    refused(
        "无权",
        services.contract_transition,
        actor=people.leader,
        obj=c,
        verb="submit_review",
        reviewer=people.adviser,
    )


def test_update_only_in_draft(people):
    c = draft(people)
    c = services.contract_update(actor=people.officer, contract=c, title="改名后的合同")
    assert c.title == "改名后的合同"
    refused(
        "校验位错误",
        services.contract_update,
        actor=people.officer,
        contract=c,
        counterparty_credit_code=GOOD_CODE[:-1] + "0",
    )
    s = signed(people)
    refused("只有登记状态", services.contract_update, actor=people.officer, contract=s, title="x")


# --- payments ------------------------------------------------------------------------------------


def test_sme_payment_due_counts_from_delivery(people):
    from fazhi.core.deadlines import deadline

    c = signed(people)
    p = services.payment_add(
        actor=people.officer,
        contract=c,
        condition="验收合格后",
        amount="50000",
        delivered_on=date(2026, 9, 1),
    )
    assert p.due_on == deadline(date(2026, 9, 1), 30, "days")
    refused(
        "应付日期不得晚于",
        services.payment_add,
        actor=people.officer,
        contract=c,
        condition="验收合格后",
        amount="1000",
        delivered_on=date(2026, 9, 1),
        due_on=date(2026, 12, 31),
    )


def test_payment_schedule_cannot_exceed_amount(people):
    c = signed(people)
    refused(
        "不能超过合同金额",
        services.payment_add,
        actor=people.officer,
        contract=c,
        condition="一次性支付",
        amount="180000.01",
        due_on=date(2026, 12, 1),
    )


def test_record_payment_and_complete(people):
    c = signed(people)
    p = services.payment_add(
        actor=people.officer, contract=c, condition="签订后", amount="180000", due_on=date.today()
    )
    c = services.contract_transition(
        actor=people.officer, obj=c, verb="archive", archive_number="N1"
    )
    c = services.contract_transition(actor=people.officer, obj=c, verb="perform")
    refused(
        "尚有未支付", services.contract_transition, actor=people.officer, obj=c, verb="complete"
    )
    refused(
        "不能超过应付金额",
        services.payment_record,
        actor=people.officer,
        payment=p,
        paid_on=date.today(),
        paid_amount="180001",
    )
    services.payment_record(
        actor=people.officer, payment=p, paid_on=date.today(), paid_amount="180000"
    )
    refused(
        "已登记支付",
        services.payment_record,
        actor=people.officer,
        payment=p,
        paid_on=date.today(),
        paid_amount="1",
    )
    c = services.contract_transition(actor=people.officer, obj=c, verb="complete")
    assert c.status == "completed"
