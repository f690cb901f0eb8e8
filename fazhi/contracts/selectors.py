"""Reads of 行政协议与合同, scoped to what the user may see and prefetched (no N+1)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, Prefetch, Q, Value, When

from fazhi.core import clock
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.search import search_q

from .models import AGREEMENT_CATEGORIES, READER_ROLES, Contract, ContractPayment
from .params import PAYMENT_WARNING_DAYS, TERM_WARNING_DAYS

Status = Contract.Status
OPEN_STATUSES = (Status.SIGNED, Status.ARCHIVED, Status.PERFORMING)

# The list's warning filter: early warnings of legal-rules §6 and the archive deadline.
WARNINGS = {
    "archive_overdue": "归档逾期",
    "archive_due": "待归档",
    "payment_overdue": "付款逾期",
    "payment_due": "付款临近",
    "payment": "付款逾期或临近",
    "term_ending": "期限将满",
}


def _visible(actor):
    return Contract.objects.visible_to(actor, READER_ROLES).select_related("org_unit", "created_by")


def _payment_windows(today: dt.date, unit=None) -> tuple[Q, Q]:
    """(overdue, due soon) as ranges on the contract's indexed earliest unpaid due date."""
    horizon = today + dt.timedelta(days=PAYMENT_WARNING_DAYS.value(unit))
    return Q(next_unpaid_due__lt=today), Q(next_unpaid_due__gte=today, next_unpaid_due__lte=horizon)


def with_warnings(qs, today: dt.date, unit=None):
    """Annotate each contract with payment_overdue / payment_due: an unpaid instalment is
    past its due date, or the next one falls due within the warning period. Read from
    the contract's own column (kept by the payment services), no per-row subquery."""
    overdue, due = _payment_windows(today, unit)
    flag = lambda q: Case(When(q, then=Value(True)), default=Value(False))  # noqa: E731
    return qs.annotate(payment_overdue=flag(overdue), payment_due=flag(due))


def contract_list(
    actor,
    *,
    category: str = "",
    status: str = "",
    year: int | None = None,
    q: str = "",
    warning: str = "",
    kind: str = "",
    today: dt.date | None = None,
):
    """The contracts the actor sees under the list's filters, newest first, each with its
    warning flags: the list page, the API list and the export all read through it."""
    today = today or clock.today()
    qs = with_warnings(_visible(actor), today)
    if category:
        qs = qs.filter(category=category)
    if kind == "agreement":
        qs = qs.filter(category__in=[c.value for c in AGREEMENT_CATEGORIES])
    elif kind == "contract":
        qs = qs.exclude(category__in=[c.value for c in AGREEMENT_CATEGORIES])
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(created_on__year=year)
    if q:
        qs = qs.filter(search_q(Contract, q))
    term_horizon = today + dt.timedelta(days=TERM_WARNING_DAYS.default)
    if warning == "archive_overdue":
        qs = qs.filter(status=Status.SIGNED, archive_due__lt=today)
    elif warning == "archive_due":
        qs = qs.filter(status=Status.SIGNED, archive_due__gte=today)
    elif warning in ("payment_overdue", "payment_due", "payment"):
        overdue, due = _payment_windows(today)
        qs = qs.filter({"payment_overdue": overdue, "payment_due": due}.get(warning, overdue | due))
    elif warning == "term_ending":
        qs = qs.filter(status__in=OPEN_STATUSES, term_end__gte=today, term_end__lte=term_horizon)
    return qs.order_by("-created_on", "-id")


def contract_get(actor, pk: int) -> Contract:
    """One contract the actor may see, with its payments; else 404."""
    return get_visible_or_404(
        _visible(actor).prefetch_related(
            Prefetch("payments", queryset=ContractPayment.objects.order_by("due_on", "id"))
        ),
        actor,
        READER_ROLES,
        pk=pk,
    )


def payment_get(actor, pk: int, *, contract_pk: int) -> ContractPayment:
    """One instalment of contract `contract_pk` the actor may see; else 404."""
    return get_visible_or_404(
        ContractPayment.objects.select_related("contract__org_unit"),
        actor,
        READER_ROLES,
        pk=pk,
        contract_id=contract_pk,
    )


def export_rows(qs):
    """Rows of the .xlsx ledger, one per contract (payments summed in the same query)."""
    from django.db.models import Count, DecimalField, Sum, Value
    from django.db.models.functions import Coalesce

    zero = Value(0, output_field=DecimalField(max_digits=16, decimal_places=2))
    return qs.annotate(
        scheduled=Coalesce(Sum("payments__amount"), zero),
        paid=Coalesce(Sum("payments__paid_amount"), zero),
        payment_count=Count("payments"),
    )
