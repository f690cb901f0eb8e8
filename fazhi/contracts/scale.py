"""Contracts at county scale (`fazhi scale-data`): about 90,000 contracts over five years
at factor 1.0, each with one or two payments, as the towns' ledgers would hold them.

Every row keeps the rules the services enforce: an administrative agreement never has an
arbitration clause; procurement above the tendering threshold was tendered openly or by
invitation before registration; a signed contract was reviewed first (the offline review
record of an imported ledger row) and its archive deadline is the archive period in
working days from signing; an SME is paid within the statutory period of delivery unless
the row is one of the few late ones the warnings exist for.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from fazhi.core.deadlines import deadline, overrides_read_once

from .ledger import credit_code
from .models import (
    AGREEMENT_CATEGORIES,
    CATEGORY_PROCUREMENT,
    Category,
    Contract,
    ContractPayment,
    TenderMethod,
)
from .params import ARCHIVE_WORKDAYS, SME_PAYMENT_DAYS, TENDER_THRESHOLDS

CONTRACTS = 90_000
S = Contract.Status
_CATEGORIES = [
    (Category.SERVICES, 35), (Category.GOODS, 18), (Category.WORKS, 15), (Category.LEASE, 10),
    (Category.OTHER_CIVIL, 12), (Category.EXPROPRIATION, 4), (Category.OTHER_AGREEMENT, 4),
    (Category.PPP, 1), (Category.CONCESSION, 1),
]  # fmt: skip
_SUBJECTS = {
    Category.SERVICES: ["道路保洁服务", "物业管理服务", "法律顾问服务", "绿化养护服务", "安保服务"],
    Category.GOODS: ["办公设备采购", "应急物资采购", "路灯采购", "垃圾分类设施采购"],
    Category.WORKS: ["村道硬化工程", "河道清淤工程", "文化礼堂修缮工程", "污水管网改造工程"],
    Category.LEASE: ["集体用房租赁", "渔港仓库租赁", "办公场地租赁"],
    Category.OTHER_CIVIL: ["宣传品制作", "培训委托", "资料印刷"],
    Category.EXPROPRIATION: ["房屋征收补偿协议", "土地征收补偿协议"],
    Category.OTHER_AGREEMENT: ["招商引资协议", "拆迁安置协议"],
    Category.PPP: ["污水处理PPP项目协议"],
    Category.CONCESSION: ["公交线路特许经营协议"],
}
_COMPANY = ["建设工程", "物业服务", "环境科技", "贸易", "信息技术", "园林绿化", "文化传媒", "劳务"]


def _status(rng, created, today):
    age = (today - created).days
    if age > 240:
        return rng.choices([S.COMPLETED, S.PERFORMING, S.TERMINATED, S.ARCHIVED], [80, 12, 2, 6])[0]
    if age > 45:
        return rng.choices([S.PERFORMING, S.ARCHIVED, S.COMPLETED, S.SIGNED], [55, 25, 15, 5])[0]
    return rng.choices([S.DRAFT, S.APPROVED, S.SIGNED, S.ARCHIVED, S.PERFORMING], [25, 15, 20, 20, 20])[0]  # fmt: skip


def _contract(ctx, rng, town, seq: int) -> tuple[Contract, list[ContractPayment]]:
    today = ctx.today
    created = ctx.day(rng)
    category = rng.choices([c for c, _ in _CATEGORIES], [w for _, w in _CATEGORIES])[0]
    kind = CATEGORY_PROCUREMENT.get(category, "")
    amount = Decimal(round(min(rng.lognormvariate(11.5, 1.3), 5e7), 2)).quantize(Decimal("0.01"))
    person = category == Category.LEASE and rng.random() < 0.3
    name = (
        ctx.person_name(rng)
        if person
        else (f"{town.unit.name[:2]}{rng.choice(_COMPANY)}有限公司{seq % 97 or ''}")
    )
    c = Contract(
        org_unit=town.unit,
        title=f"{town.unit.name}{rng.choice(_SUBJECTS[category])}合同({created.year}-{seq})",
        category=category,
        procurement_kind=kind,
        counterparty_name=name,
        counterparty_is_person=person,
        counterparty_credit_code="" if person else credit_code(seq % 999_999 + 1),
        counterparty_is_sme=not person and rng.random() < 0.7,
        amount=amount,
        term_start=created + timedelta(days=rng.randint(5, 40)),
        has_arbitration_clause=category not in AGREEMENT_CATEGORIES and rng.random() < 0.2,
        dispute_resolution="向人民法院提起诉讼",
        body="",
        is_imported=True,
        review_reference=f"法律顾问书面审核意见({created:%Y年%m月%d日})",
        created_by=town.officer,
        created_on=created,
        created_at=timezone.make_aware(datetime.combine(created, time(9, 30))),
    )
    c.term_end = c.term_start + timedelta(days=rng.choice([90, 180, 365, 730]))
    if c.has_arbitration_clause:
        c.dispute_resolution = "提交仲裁委员会仲裁"
    threshold = TENDER_THRESHOLDS.get(kind)
    if threshold is not None and amount >= Decimal(threshold.value(town.unit)):
        c.tender_method = rng.choice([TenderMethod.OPEN, TenderMethod.INVITED])
        c.tender_date = created - timedelta(days=rng.randint(10, 40))
        c.tender_notice_ref = f"ZB{created.year}{seq:06d}"
    c.status = _status(rng, created, today)
    if c.status == S.DRAFT:
        c.review_reference = ""
        return c, []
    c.reviewed_on = min(created + timedelta(days=rng.randint(1, 7)), today - timedelta(days=1))
    if c.status == S.APPROVED:
        return c, []
    c.signed_on = min(c.reviewed_on + timedelta(days=rng.randint(1, 10)), today - timedelta(days=1))
    c.archive_due = deadline(c.signed_on, int(ARCHIVE_WORKDAYS.value(town.unit)), "workdays")
    if c.status != S.SIGNED:
        late = rng.random() < 0.05
        c.archived_on = min(c.archive_due + timedelta(days=rng.randint(1, 9) if late else 0), today)
        c.archive_number = f"{created.year}-HT-{seq:06d}"
    if c.status in (S.COMPLETED, S.TERMINATED):
        c.completed_on = min(c.term_end, today - timedelta(days=1))
    return c, _payments(ctx, rng, c)


def _payments(ctx, rng, c: Contract) -> list[ContractPayment]:
    payments = []
    shares = [Decimal(1)] if rng.random() < 0.6 else [Decimal("0.3"), Decimal("0.7")]
    period = int(SME_PAYMENT_DAYS.value(c.org_unit))
    for i, share in enumerate(shares):
        delivered = c.term_start + timedelta(
            days=(c.term_end - c.term_start).days * (i + 1) // len(shares)
        )
        p = ContractPayment(
            condition="验收合格后支付" if i == len(shares) - 1 else "预付款",
            amount=(c.amount * share).quantize(Decimal("0.01")),
        )  # fmt: skip
        if delivered < ctx.today:
            p.delivered_on = delivered
            p.due_on = delivered + timedelta(days=period if c.counterparty_is_sme else 60)
            finished = c.status in (S.COMPLETED, S.TERMINATED)
            if finished or p.due_on < ctx.today - timedelta(days=90) or rng.random() < 0.9:
                p.paid_on = min(p.due_on - timedelta(days=rng.randint(0, 10)), ctx.today)
                p.paid_amount = p.amount
        payments.append(p)
    unpaid = [p.due_on for p in payments if p.paid_on is None and p.due_on is not None]
    c.next_unpaid_due = min(unpaid, default=None)  # as the payment services keep it
    return payments


def generate(ctx) -> None:
    rng = ctx.rng("contracts")
    contracts, payments = [], []
    with overrides_read_once():
        for seq in range(1, ctx.n(CONTRACTS) + 1):
            town = rng.choice(ctx.towns)
            c, ps = _contract(ctx, rng, town, seq)
            c.fill_search()  # as save() would
            contracts.append(c)
            payments.append(ps)
    saved = ctx.bulk(Contract, contracts, "合同协议")
    rows = []
    for c, ps in zip(saved, payments, strict=True):
        for p in ps:
            p.contract = c
            rows.append(p)
    ctx.bulk(ContractPayment, rows, "付款计划")
