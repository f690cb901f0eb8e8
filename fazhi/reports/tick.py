"""`fazhi tick` for the county's pages: each county's comparison of its towns, its
dashboard and its figures, for every year the pages offer, counted once a day ahead of
the supervisors (core.snapshots, `warm`). Each takes seconds at county scale; counted by
a page, the day's first view of each year waited for it (the soak's slowest requests,
p95 11 s). A second run the same day counts nothing."""

from __future__ import annotations

import time
from datetime import date

from fazhi.core import clock
from fazhi.core.models import OrgUnit

from . import dashboard, selectors


def run(today: date) -> list[str]:
    lines = []
    counties = OrgUnit.objects.filter(kind=OrgUnit.Kind.COUNTY, is_active=True)
    for county in counties.order_by("code"):
        started, began = clock.wall_now(), time.monotonic()
        taken = []
        for year in dashboard.years(today):
            taken.append(dashboard.remembered_comparison(county, year, warm=True)[-1])
            taken.append(dashboard.year_view(county, year, warm=True)[-1])
            taken.append(selectors.unit_figures(county, year, warm=True)[1])
        counted = sum(1 for at in taken if at is not None and at >= started)
        if counted:
            seconds = time.monotonic() - began
            lines.append(f"{county.name}:预先统计县级汇总{counted}项,用时{seconds:.1f}秒")
    return lines
