"""Figures of 行政协议与合同 for reports: agreements and contracts reviewed in the period
(the seed's "审核…行政协议105件"), signed, archived on time, and payments overdue."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Count, F, Q

from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, percent

from .models import AGREEMENT_CATEGORIES, Category, Contract, ContractPayment

SECTION = "依法行政"


def _in_unit(qs, unit, field="org_unit"):
    return qs.filter(in_subtree(unit, field))


def figures(unit, start: dt.date, end: dt.date) -> list[Figure]:
    contracts = _in_unit(Contract.objects.all(), unit)
    agreement = Q(category__in=list(AGREEMENT_CATEGORIES))

    # Reviewed: the legality review concluded in the period (in fazhi) or, for imported
    # history, the contract was signed in the period after its offline review.
    # The two kinds counted apart (they never overlap: an imported one has no review
    # date), each through its unit-and-date index; one OR read the county's year instead.
    by_category: Counter = Counter()
    for reviewed in (
        contracts.filter(reviewed_on__range=(start, end)),
        contracts.filter(is_imported=True, reviewed_on__isnull=True, signed_on__range=(start, end)),
    ):
        by_category.update(
            dict(
                reviewed.values_list("category")
                .annotate(n=Count("id"))
                .order_by()
                .values_list("category", "n")
            )
        )
    agreements = sum(n for c, n in by_category.items() if c in AGREEMENT_CATEGORIES)
    civil = sum(n for c, n in by_category.items() if c not in AGREEMENT_CATEGORIES)
    breakdown = {Category(c).label: n for c, n in sorted(by_category.items())}
    breakdown = {"行政协议": agreements, "民事合同": civil, **breakdown}

    signed = contracts.filter(signed_on__range=(start, end), is_imported=False)
    archive = signed.aggregate(
        total=Count("id", filter=Q(archive_due__isnull=False)),
        on_time=Count("id", filter=Q(archived_on__isnull=False, archived_on__lte=F("archive_due"))),
        agreements=Count("id", filter=agreement),
        signed=Count("id"),
    )
    signed_total = archive["signed"]

    # Payments through the unit's contracts (contract_id IN …, index contract+paid_on): a
    # join filtered by the payment's dates read the whole county's payments of the period
    # for each town, 30 times over in the county's comparison.
    payments = ContractPayment.objects.filter(contract__in=contracts.values("pk"))
    overdue = payments.filter(paid_on__isnull=True, due_on__lte=end).exclude(
        contract__status__in=(Contract.Status.COMPLETED, Contract.Status.TERMINATED)
    )
    paid = payments.filter(paid_on__range=(start, end))
    paid_counts = paid.aggregate(
        total=Count("id"), on_time=Count("id", filter=Q(paid_on__lte=F("due_on")))
    )
    overdue_count = overdue.count()
    on_time_rate = percent(archive["on_time"], archive["total"])
    pay_rate = percent(paid_counts["on_time"], paid_counts["total"])

    return [
        Figure(
            key="contracts.reviewed",
            label="审核行政协议和合同",
            value=agreements + civil,
            unit="件",
            sentence=f"审核行政协议{agreements}件、民事合同{civil}件",
            section=SECTION,
            breakdown=breakdown,
        ),
        Figure(
            key="contracts.agreements_reviewed",
            label="审核行政协议",
            value=agreements,
            unit="件",
            sentence=f"行政协议{agreements}件",
            section=SECTION,
        ),
        Figure(
            key="contracts.signed",
            label="签订行政协议和合同",
            value=signed_total,
            unit="件",
            sentence=f"签订行政协议和合同{signed_total}件,其中行政协议{archive['agreements']}件",
            section=SECTION,
            breakdown={
                "行政协议": archive["agreements"],
                "民事合同": signed_total - archive["agreements"],
            },
        ),
        Figure(
            key="contracts.archived_on_time_rate",
            label="合同按期归档率",
            value=on_time_rate,
            unit="%",
            sentence=f"合同签订后按期归档率{on_time_rate:g}%",
            section=SECTION,
            breakdown={"应归档": archive["total"], "按期归档": archive["on_time"]},
        ),
        Figure(
            key="contracts.payments_on_time_rate",
            label="合同款项按期支付率",
            value=pay_rate,
            unit="%",
            sentence=f"合同款项按期支付率{pay_rate:g}%",
            section=SECTION,
            breakdown={"已支付": paid_counts["total"], "按期支付": paid_counts["on_time"]},
        ),
        Figure(
            key="contracts.payments_overdue",
            label="逾期未付合同款项",
            value=overdue_count,
            unit="笔",
            sentence=(
                f"截至期末有{overdue_count}笔合同款项逾期未付"
                if overdue_count
                else "未发生拖欠合同款项"
            ),
            section=SECTION,
        ),
    ]
