"""Fixtures of 信访: petitions of town A (海屿镇) registered and moved on through the
services, on pinned days of the real 2024–2026 holiday schedules."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.demo import demo_id_number
from fazhi.core.models import AuditEvent, StatusChange
from fazhi.petitions import services
from fazhi.petitions.models import Petition, Petitioner

ID_1 = demo_id_number(date(1960, 5, 1), 101, female=False)
ID_2 = demo_id_number(date(1972, 8, 9), 102, female=True)


def person(n=1, **kw):
    return {
        "name": kw.pop("name", f"林阿{n}"),
        "address": kw.pop("address", "海屿镇东岙村"),
        "id_number": kw.pop("id_number", demo_id_number(date(1970, 1, n % 28 + 1), 200 + n,
                                                        female=False)),
        "phone": kw.pop("phone", "13905809001"),
    }  # fmt: skip


def register(people, tree, **kw):
    return services.petition_register(
        actor=kw.pop("actor", people.officer),
        org_unit=kw.pop("org_unit", tree.town_a),
        title=kw.pop("title", "渔港码头征地补偿款未发放"),
        channel=kw.pop("channel", "letter"),
        category=kw.pop("category", "land"),
        content=kw.pop("content", "请求发放2023年渔港码头征地补偿款。"),
        received_on=kw.pop("received_on", date(2024, 9, 16)),
        petitioners=kw.pop("petitioners", [person(1, id_number=ID_1)]),
        **kw,
    )


def step(people, petition, verb, actor=None, **kw):
    return services.petition_transition(
        actor=actor or people.officer, obj=petition, verb=verb, **kw
    )


def snapshot(*objs):
    """What a refused call must leave unchanged: rows, each record's fields, timeline, audit."""
    rows = []
    for o in objs:
        o.refresh_from_db()
        rows.append(
            {
                f.attname: getattr(o, f.attname)
                for f in o._meta.concrete_fields
                if f.attname != "search"
            }
        )
    return (
        rows,
        Petition.objects.count(),
        Petitioner.objects.count(),
        StatusChange.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def on_2024(on_day):
    return on_day(date(2024, 12, 31))


@pytest.fixture
def accepted(people, tree, on_day):
    """Received 2024-09-16, accepted and told on 2024-09-20 (Friday)."""
    on_day(date(2024, 12, 31))
    p = register(people, tree)
    return step(people, p, "accept", decided_on=date(2024, 9, 20), notified_on=date(2024, 9, 20))
