"""The workbench (工作台): a user's pending items from every app, by kind, nearest first;
and 数据汇总: every app's figures for a town or the county and a year."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from fazhi.core import clock, snapshots
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import role_required

from . import selectors


@login_required
def workbench(request):
    today = clock.today()
    fresh = snapshots.asked_fresh(request)
    groups, read_at = selectors.workbench_groups(request.user, today, fresh=fresh)
    context = {"groups": groups, "read_at": read_at, "today": today}
    return render(request, "reports/workbench.html", context)


def _int(value, default: int, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


@role_required(*selectors.FIGURE_READER_ROLES)
def figures(request):
    """?unit=<id>&year=<yyyy>; by default the person's own town (or county), this year."""
    this_year = clock.today().year
    year = _int(request.GET.get("year"), this_year, 2000, 2100)
    unit_id = _int(request.GET.get("unit"), 0, 1, 2**63 - 1)
    unit = get_object_or_404(OrgUnit, pk=unit_id) if unit_id else selectors.home_unit(request.user)
    rows, taken_at = [], None
    if unit:
        fresh = snapshots.asked_fresh(request)
        rows, taken_at = selectors.figures_for(request.user, unit, year, fresh=fresh)
    sections: dict[str, list] = {}
    for f in rows:
        sections.setdefault(f.section or "其他", []).append(f)
    home = selectors.home_unit(request.user)
    towns = []
    if home is not None and home.kind == "county":
        towns = [home, *OrgUnit.objects.filter(parent=home, kind="town").order_by("code")]
    return render(
        request,
        "reports/figures.html",
        {
            "unit": unit,
            "year": year,
            "years": range(this_year, this_year - 5, -1),
            "sections": sections,
            "units": towns,
            "snapshot": snapshots.note(request, taken_at, unit),
        },
    )
