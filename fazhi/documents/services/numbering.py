"""Unified registration and numbering (统一登记、统一编号): the town's prefix, the number's
form, and the next serial taken under a row lock."""

from __future__ import annotations

from datetime import date

from fazhi.core.models import OrgUnit
from fazhi.core.permissions import ServiceError

from .. import params
from ..models import Document, NumberCounter


def number_prefix(unit: OrgUnit) -> str:
    """The configured prefix, else the town's 简称, else "<name>政规"."""
    return (
        str(params.NUMBER_PREFIX.value(unit) or "").strip() or unit.short_name or f"{unit.name}政规"
    )


def format_number(prefix: str, year: int, serial: int) -> str:
    return f"{prefix}〔{year}〕{serial}号"


def _refuse_number(number) -> None:
    """A number typed by hand is refused: the system numbers at registration."""
    if number not in (None, ""):
        raise ServiceError(params.NUMBER_BY_HAND, errors={"number": [params.NUMBER_BY_HAND]})


def _take_number(doc: Document, on: date) -> None:
    """Give `doc` the next serial of its town, prefix and year. The counter row is locked
    (select_for_update: PostgreSQL row lock; SQLite's IMMEDIATE transaction holds the
    write lock), so concurrent registrations queue and numbers have no gaps or twins."""
    prefix = number_prefix(doc.org_unit)
    year = on.year
    NumberCounter.objects.bulk_create(
        [NumberCounter(org_unit=doc.org_unit, prefix=prefix, year=year, last=0)],
        ignore_conflicts=True,
    )
    counter = NumberCounter.objects.select_for_update().get(
        org_unit=doc.org_unit, prefix=prefix, year=year
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    doc.number_prefix, doc.year, doc.serial = prefix, year, counter.last
    doc.number = format_number(prefix, year, counter.last)
    doc.registered_on = on
