"""`fazhi tick` for 社会矛盾预警: evaluate every town as of the day (idempotent: a second
run the same day raises nothing new and changes no colour)."""

from __future__ import annotations

from datetime import date

from fazhi.core.models import OrgUnit

from .services import evaluate, providers


def run(today: date) -> list[str]:
    if not providers():
        return evaluate(None, today).lines()
    lines: list[str] = []
    for town in OrgUnit.objects.filter(kind=OrgUnit.Kind.TOWN, is_active=True).order_by("code"):
        result = evaluate(town, today)
        if result.offered or result.resolved or result.failed:
            lines += result.lines()
    return lines
