"""Reads for reports: every app's figures (core.summary) for a town or county and a year,
for a person who may read that unit's records."""

from __future__ import annotations

from datetime import date, datetime

from django.core.cache import cache
from django.db.models import Max
from django.http import Http404

from fazhi.core import clock, params, pending, snapshots, summary
from fazhi.core.deadlines import overrides_read_once
from fazhi.core.models import AuditEvent, OrgUnit
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.summary import Figure, collect

# Who reads a town's figures: its office, leaders, advisers and cadres, and the county.
FIGURE_READER_ROLES = {
    Role.LAW_OFFICER,
    Role.TOWN_LEADER,
    Role.LEGAL_ADVISER,
    Role.CADRE,
    Role.COUNTY_SUPERVISOR,
}


# How long the workbench reuses a person's list (workbench_groups).
REUSE_SECONDS = params.define(
    "reports.workbench_seconds",
    "工作台待办清单的复用时长(0=每次重新读取)",
    default=60,
    unit="秒",
    basis="本地规则:工作台是最常打开的页面,逐类读取二十类待办约需40毫秒;"
    "本人的操作立即反映,他人的操作在此时长内反映,页面注明读取时间并可刷新",
    minimum=0,
    maximum=600,
)


def home_unit(user) -> OrgUnit | None:
    """The unit a person reports on by default: their town, else their county."""
    units = [m.org_unit for m in user.active_memberships() if m.role in FIGURE_READER_ROLES]
    units = [u for u in units if u.kind in ("town", "county")]
    return min(units, key=lambda u: (u.level, u.code), default=None)


def figures_for(
    user, unit: OrgUnit, year: int, *, fresh: bool = False
) -> tuple[list[Figure], datetime | None]:
    """Figures of `unit` (a town, or a county = all its towns) for calendar year `year`,
    and when they were counted if they are a remembered count (core.snapshots; None:
    counted now); a unit outside the person's scope is 'not found'."""
    if unit.kind not in ("town", "county") or not unit_in_scope(user, unit, FIGURE_READER_ROLES):
        raise Http404("记录不存在或无权查看")
    return unit_figures(unit, year, fresh=fresh)


def unit_figures(
    unit: OrgUnit, year: int, *, fresh: bool = False, warm: bool = False
) -> tuple[list[Figure], datetime | None]:
    """`figures_for` without the reader: also what `fazhi tick` counts ahead (`warm`)."""
    span = date(year, 1, 1), date(year, 12, 31)
    if not snapshots.applies(unit) or not snapshots.reuse_minutes(unit):
        return collect(unit, *span), None
    return snapshots.remembered(
        f"figures:{unit.pk}:{year}",
        lambda: collect(unit, *span),
        dump=summary.dump,
        load=summary.load,
        fresh=fresh,
        warm=warm,
        unit=unit,
    )


def annual_list(user):
    """The annual summaries (records: edited, approved or exported) of the person's scope,
    newest year first."""
    from .models import AnnualReport

    return (
        AnnualReport.objects.visible_to(user, FIGURE_READER_ROLES)
        .select_related("org_unit")
        .order_by("-year", "-id")
    )


def unit_writable(user, unit: OrgUnit, roles) -> bool:
    return unit_in_scope(user, unit, roles)


def _own_generation(user) -> int:
    """The id of the person's latest audited act (0: none): every write is audited, so a
    list read before it is not reused after it (index core_audit_actor_id_idx)."""
    return AuditEvent.objects.filter(actor_id=user.pk).aggregate(last=Max("id"))["last"] or 0


def workbench_groups(
    user, today: date, *, fresh: bool = False
) -> tuple[list[pending.PendingGroup], datetime | None]:
    """The workbench's groups for `user` and when they were read (None: read now).

    The workbench is the page people open most (a quarter of all requests in the soak) and
    reads every app's pending items, about 40 statements. A person's groups are reused for
    REUSE_SECONDS (the value in force for their highest unit) in this process's
    memory, keyed on the business day and on their own latest audited act: what they did
    themselves shows at once, what colleagues did within the reuse time; the page says
    when the list was read and offers 刷新 (`fresh`), which reads at once."""
    units = [m.org_unit for m in user.active_memberships()]
    seconds = int(REUSE_SECONDS.value(min(units, key=_height, default=None)))
    if not seconds:
        return _read_groups(user, today), None
    key = f"pending:{user.pk}:{today.isoformat()}:{_own_generation(user)}"
    kept = None if fresh else cache.get(key)
    if kept is not None:
        return kept
    groups = _read_groups(user, today)
    cache.set(key, (groups, clock.wall_now()), seconds)
    return groups, None


def _height(unit) -> tuple:
    return (unit.level, unit.code)


def _read_groups(user, today: date) -> list[pending.PendingGroup]:
    with overrides_read_once():  # one read of the holiday overrides for every provider
        return pending.grouped(pending.collect(user, today))
