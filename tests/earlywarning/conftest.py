"""Fixtures of 社会矛盾预警: a fake risk provider standing in for the disputes, petitions
and grids apps (found through the same hook discovery, patched), and helpers that build
the facts a provider would offer."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.models import AuditEvent, OrgUnit, StatusChange
from fazhi.core.risk import RiskFacts
from fazhi.earlywarning.models import EarlyWarning
from fazhi.earlywarning.services import evaluation

DAY = date(2025, 6, 16)  # a Monday


class FakeProvider:
    """A provider like `<app>.risk.risk_facts`: the open matters it holds, filtered to the
    units asked for; `fail` makes it raise as a broken provider would."""

    __module__ = "fazhi.fakeapp.risk"

    def __init__(self):
        self.facts: list[RiskFacts] = []
        self.fail = False
        self.calls = 0

    def __call__(self, unit_ids, day):
        self.calls += 1
        if self.fail:
            raise RuntimeError("provider broken")
        ids = set(OrgUnit.objects.filter(pk__in=unit_ids).values_list("id", flat=True))
        return [f for f in self.facts if f.org_unit_id in ids]

    def offer(self, *facts):
        keys = {(f.kind, f.pk) for f in facts}
        self.facts = [f for f in self.facts if (f.kind, f.pk) not in keys] + list(facts)

    def withdraw(self, kind, pk):
        self.facts = [f for f in self.facts if (f.kind, f.pk) != (kind, pk)]


def fact(unit, pk, kind="dispute", **kw) -> RiskFacts:
    kw.setdefault("title", f"测试事项{pk}")
    kw.setdefault("url", f"/{kind}s/{pk}/")
    return RiskFacts(kind=kind, pk=pk, org_unit_id=unit.pk, **kw)


def red(unit, pk, **kw):
    """Facts that score red on the defaults: a threat of self-harm."""
    kw = {"category": "劳资纠纷", "text": "信访人扬言跳楼讨薪", **kw}
    return fact(unit, pk, **kw)


def yellow(unit, pk, **kw):
    """Facts that score yellow: a heavy category, a group, a stated intent to petition."""
    kw = {"category": "征地拆迁", "group_size": 5, "text": "对补偿不满,扬言上访", **kw}
    return fact(unit, pk, **kw)


def green(unit, pk, **kw):
    kw = {"category": "邻里纠纷", "group_size": 2, "text": "双方情绪平稳", **kw}
    return fact(unit, pk, **kw)


@pytest.fixture
def provider(monkeypatch):
    """The one risk provider the evaluation finds (the real apps' are patched away)."""
    fake = FakeProvider()
    monkeypatch.setattr(
        evaluation, "app_hooks", lambda module, attr: iter([fake]) if module == "risk" else iter(())
    )
    return fake


@pytest.fixture
def no_providers(monkeypatch):
    monkeypatch.setattr(evaluation, "app_hooks", lambda module, attr: iter(()))


def snapshot(*objs):
    """What a refused call must leave unchanged: rows, states, timeline, audit trail."""
    states = []
    for o in objs:
        o.refresh_from_db()
        states.append((o.pk, o.status, o.colour, o.responded_at, o.dismissed_reason))
    return (
        states,
        EarlyWarning.objects.count(),
        StatusChange.objects.count(),
        AuditEvent.objects.count(),
    )
