"""行政协议与合同's part of the annual summary (core.annual): the seed's "今年审核…行政
协议105件", worded so a reader sees why it can differ from the 合法性审核 count: the
agreements counted here are every agreement whose review fell in the year, those reviewed
in fazhi (the 合法性审核 figure counts only these) and those reviewed offline before fazhi
and registered when signed (imported history). Payments overdue and archives late are the
problems. `?annual=<key>:<year>:<unit code>` narrows the contract list to the records."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from django.db.models import Count, F, Q

from fazhi.core import clock
from fazhi.core.annual import Contribution, Fact, Point, cohort_narrow, cohort_url
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree

from .models import AGREEMENT_CATEGORIES, Contract, ContractPayment

AGREEMENT = Q(category__in=[c.value for c in AGREEMENT_CATEGORIES])
S = Contract.Status


def _span(y):
    return (date(y, 1, 1), date(y, 12, 31))


def _online(u, y):
    return in_subtree(u) & Q(reviewed_on__range=_span(y))


def _offline(u, y):
    return in_subtree(u) & Q(is_imported=True, reviewed_on__isnull=True, signed_on__range=_span(y))


def _overdue_payments(u, y):
    as_of = min(date(y, 12, 31), clock.today() - timedelta(days=1))
    late = ContractPayment.objects.filter(paid_on__isnull=True, due_on__lte=as_of)
    return (
        in_subtree(u)
        & Q(pk__in=late.values("contract"))
        & ~Q(status__in=(S.COMPLETED, S.TERMINATED))
    )


COHORTS = {
    "agreements": (Contract, lambda u, y: (_online(u, y) | _offline(u, y)) & AGREEMENT),
    "agreements_online": (Contract, lambda u, y: _online(u, y) & AGREEMENT),
    "agreements_offline": (Contract, lambda u, y: _offline(u, y) & AGREEMENT),
    "civil": (Contract, lambda u, y: (_online(u, y) | _offline(u, y)) & ~AGREEMENT),
    "signed_agreements": (
        Contract,
        lambda u, y: in_subtree(u) & Q(signed_on__range=_span(y), is_imported=False) & AGREEMENT,
    ),
    "archived_late": (
        Contract,
        lambda u, y: (
            in_subtree(u)
            & Q(signed_on__range=_span(y), is_imported=False, archive_due__isnull=False)
            & (
                Q(archived_on__gt=F("archive_due"))
                | Q(archived_on__isnull=True, archive_due__lt=min(date(y, 12, 31), clock.today()))
            )
        ),
    ),
    "payments_overdue": (Contract, _overdue_payments),
}
LISTS = {Contract: "contracts:contract_list"}


narrow = partial(cohort_narrow, COHORTS)


def _counts(unit, year) -> dict[str, int]:
    """Every cohort's count in one pass over the unit's contracts (a conditional COUNT
    each): seven separate COUNTs read the town's contracts seven times, a quarter of a
    town-year summary's time at county scale."""
    return Contract.objects.filter(in_subtree(unit)).aggregate(
        **{key: Count("pk", filter=q(unit, year)) for key, (_, q) in COHORTS.items()}
    )


def _fact(counts, unit, year, key, label) -> Fact:
    return Fact(counts[key], cohort_url(LISTS, COHORTS[key][0], key, year, unit), label)


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    fact = partial(_fact, _counts(unit, year))
    agreements = fact(unit, year, "agreements", "审核行政协议")
    civil = fact(unit, year, "civil", "审核民事合同")
    if agreements.value or civil.value:
        online = fact(unit, year, "agreements_online", "经本平台合法性审核的行政协议")
        offline = fact(unit, year, "agreements_offline", "线下审核后登记签订的行政协议")
        text = "严格行政协议和合同管理,今年审核行政协议{0}件"
        facts = [agreements]
        # Why this can differ from the 合法性审核 figure: that one counts the reviews
        # concluded in fazhi; agreements reviewed offline and registered when signed are
        # counted here only.
        if online.value and offline.value:
            text += "(其中经本平台合法性审核{1}件,线下审核后登记签订{2}件)"
            facts += [online, offline]
        elif offline.value:
            text += "(均为线下审核后登记签订)"
        else:
            text += "(均经本平台合法性审核)"
        text += f",审核民事合同{{{len(facts)}}}件"
        facts.append(civil)
        signed = fact(unit, year, "signed_agreements", "登记签订的行政协议")
        if signed.value:
            text += f",依法登记签订行政协议{{{len(facts)}}}件"
            facts.append(signed)
        c.points.append(
            Point("contracts.review", text + "。", tuple(facts), "administration", order=11)
        )
    for key, label, text in (
        (
            "payments_overdue",
            "有逾期未付款项的合同",
            "合同履约管理仍有短板,{0}份合同存在逾期未付款项。",
        ),
        ("archived_late", "未按期归档的合同", "{0}份合同未按期归档。"),
    ):
        problem = fact(unit, year, key, label)
        if problem.value:
            c.problems.append(Point(f"contracts.{key}", text, (problem,)))
    return c
