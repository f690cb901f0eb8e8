"""Reads for reports: every app's figures (core.summary) for a town or county and a year,
for a person who may read that unit's records."""

from __future__ import annotations

from datetime import date, datetime

from django.http import Http404

from fazhi.core import snapshots, summary
from fazhi.core.models import OrgUnit
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


def home_unit(user) -> OrgUnit | None:
    """The unit a person reports on by default: their town, else their county."""
    units = [m.org_unit for m in user.active_memberships() if m.role in FIGURE_READER_ROLES]
    units = [u for u in units if u.kind in ("town", "county")]
    return min(units, key=lambda u: (u.level, u.code), default=None)


def figures_for(
    user, unit: OrgUnit, year: int, *, fresh: bool = False
) -> tuple[list[Figure], datetime | None]:
    """Figures of `unit` (a town, or a county = all its towns) for calendar year `year`,
    and when they were counted if they are a county's remembered count (core.snapshots;
    None: counted now); a unit outside the person's scope is 'not found'."""
    if unit.kind not in ("town", "county") or not unit_in_scope(user, unit, FIGURE_READER_ROLES):
        raise Http404("记录不存在或无权查看")
    span = date(year, 1, 1), date(year, 12, 31)
    if not snapshots.applies(unit):
        return collect(unit, *span), None
    return snapshots.remembered(
        f"figures:{unit.pk}:{year}",
        lambda: collect(unit, *span),
        dump=summary.dump,
        load=summary.load,
        fresh=fresh,
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
