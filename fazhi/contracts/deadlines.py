"""Early warnings of 行政协议与合同 for the workbench: archive due or overdue after
signing, instalments due within the warning window or overdue (the SME payment rule),
and terms ending soon. Three queries however many contracts there are, each through
core.pending.read (nearest LIMIT, and whether there are more)."""

from __future__ import annotations

import datetime as dt

from fazhi.core.links import reverse
from fazhi.core.pending import PendingItem, read

from .models import READER_ROLES, Contract, ContractPayment
from .params import PAYMENT_WARNING_DAYS, TERM_WARNING_DAYS
from .selectors import OPEN_STATUSES

# Who is warned: the law office that runs contracts, and the town leaders.
WARNED_ROLES = ("law_officer", "town_leader")
# What an item shows of a contract: read only these (a contract row carries its whole text).
SHOWN = ("title", "archive_due", "term_end", "counterparty_is_sme", "org_unit__name")


def pending_items(user, today: dt.date) -> list[PendingItem]:
    if not (user and user.is_authenticated and user.has_role(*WARNED_ROLES)):
        return []
    units = user.units_for(set(WARNED_ROLES))
    unit = units[0] if units else None
    items: list[PendingItem] = []
    contracts = Contract.objects.visible_to(user, READER_ROLES)

    rows, capped = read(
        contracts.filter(status=Contract.Status.SIGNED, archive_due__isnull=False)
        .select_related("org_unit")
        .only(*SHOWN)
        .order_by("archive_due", "id")
    )
    for c in rows:
        overdue = c.archive_due < today
        items.append(
            PendingItem(
                title=f"{c.title}:{'归档已逾期' if overdue else '签订后待归档'}",
                category="合同归档",
                list_url=reverse("contracts:contract_list") + "?status=signed",
                due=c.archive_due,
                url=c.get_absolute_url(),
                unit=c.org_unit.name,
                level="danger" if overdue else "warning",
                capped=capped,
            )
        )

    horizon = today + dt.timedelta(days=PAYMENT_WARNING_DAYS.value(unit))
    rows, capped = read(
        ContractPayment.objects.visible_to(user, READER_ROLES)
        # The contract's earliest unpaid instalment (an indexed column the payment services
        # keep) finds the few contracts with one due, instead of every contract of the town.
        .filter(paid_on__isnull=True, due_on__lte=horizon, contract__next_unpaid_due__lte=horizon)
        .exclude(contract__status__in=(Contract.Status.COMPLETED, Contract.Status.TERMINATED))
        .select_related("contract__org_unit")
        .only("due_on", "condition", "amount", *(f"contract__{f}" for f in SHOWN))
        .order_by("due_on", "id")
    )
    for p in rows:
        overdue = p.due_on < today
        sme = "(中小企业款项)" if p.contract.counterparty_is_sme else ""
        items.append(
            PendingItem(
                title=f"{p.contract.title}:{p.condition}{p.amount:,}元{'付款已逾期' if overdue else '即将到期'}{sme}",
                category="合同付款",
                list_url=reverse("contracts:contract_list") + "?warning=payment",
                due=p.due_on,
                url=reverse("contracts:contract_detail", args=[p.contract_id]) + "#payments",
                unit=p.contract.org_unit.name,
                level="danger" if overdue else "warning",
                capped=capped,
            )
        )

    term_horizon = today + dt.timedelta(days=TERM_WARNING_DAYS.value(unit))
    rows, capped = read(
        contracts.filter(status__in=OPEN_STATUSES, term_end__gte=today, term_end__lte=term_horizon)
        .select_related("org_unit")
        .only(*SHOWN)
        .order_by("term_end", "id")
    )
    for c in rows:
        items.append(
            PendingItem(
                title=f"{c.title}:履行期限即将届满",
                category="合同期限",
                list_url=reverse("contracts:contract_list") + "?warning=term_ending",
                due=c.term_end,
                url=c.get_absolute_url(),
                unit=c.org_unit.name,
                level="info",
                capped=capped,
            )
        )
    return items
