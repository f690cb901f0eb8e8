"""The 旬报 document for the reports app's `fazhi report ten-day` command (found through
core.hooks.app_hooks("reportdocs", "ten_day"), so reports never imports this app): the
town's report of the 旬 containing a day as it stands, or — when none was drafted — the
draft the figures of that 旬 would give, in the same GB/T 9704 layout. Nothing is saved."""

from __future__ import annotations

from datetime import date

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.officedoc import OfficeDocument
from fazhi.core.permissions import ServiceError

from . import drafting
from . import params as P
from .document import report_document
from .models import TenDayReport
from .periods import period_of


def ten_day(unit: OrgUnit, day: date) -> OfficeDocument:
    if unit.kind != OrgUnit.Kind.TOWN:
        raise ServiceError(P.NOT_A_TOWN, code="not_a_town")
    period = period_of(day)
    if period.start > clock.today():
        raise ServiceError(P.FUTURE.format(period=period.name), code="future")
    report = TenDayReport.objects.filter(org_unit=unit, period_start=period.start).first()
    if report is None:
        figures = drafting.figures_of(unit, period)
        report = TenDayReport(
            org_unit=unit,
            period_start=period.start,
            period_end=period.end,
            figures=figures,
            body=drafting.body_of(figures),
        )
    return report_document(report)
