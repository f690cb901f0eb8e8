"""The workbench reuses a person's list for a minute (reports.selectors.workbench_groups): what
they did themselves shows at once, what a colleague did shows after the reuse time or on
刷新, and the page says when the list was read."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from fazhi.contracts import services
from fazhi.core import params
from fazhi.core.roles import Role
from tests.contracts.helpers import signed
from tests.factories import member

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 11, 30, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _archive_count(client, query="") -> int:
    """How many contracts the workbench says wait to be archived (0: the kind is not shown)."""
    html = client.get(reverse("workbench") + query).content.decode()
    groups = [g for g in html.split('data-testid="pending-group"') if "合同归档" in g]
    if not groups:
        return 0
    total = re.search(r"共 (\d+) 项", groups[0])
    return int(total[1]) if total else groups[0].count('data-testid="pending-item"')


def _colleague(people, username="officer2"):
    """Another law officer of the same town, to sign a contract as his own act."""
    other = member(people.officer.memberships.first().org_unit, Role.LAW_OFFICER, username)
    return SimpleNamespace(officer=other, adviser=people.adviser)


def test_a_colleagues_act_shows_after_the_reuse_time_or_on_refresh(people, login, time_machine):
    time_machine.move_to(NOON, tick=False)
    signed(people)
    client = login(people.officer)
    assert _archive_count(client) == 1
    signed(_colleague(people))  # audited as the colleague's act, not the officer's

    html = client.get(reverse("workbench")).content.decode()
    assert 'data-testid="pending-read-at"' in html and "清单读取于 12:00:00" in html
    assert _archive_count(client) == 1  # the list read a moment ago
    assert _archive_count(client, "?fresh=1") == 2  # 刷新 reads at once

    signed(_colleague(people, "officer3"))
    time_machine.move_to(NOON + timedelta(seconds=61), tick=False)  # past the reuse time
    assert _archive_count(client) == 3


def test_the_persons_own_act_shows_at_once(people, login, time_machine):
    time_machine.move_to(NOON, tick=False)
    first, _second = signed(people), signed(people)
    client = login(people.officer)
    assert _archive_count(client) == 2
    services.contract_transition(
        actor=people.officer, obj=first, verb="archive", archive_number="HY-2026-001"
    )
    assert _archive_count(client) == 1


def test_a_county_that_sets_no_reuse_reads_every_time(people, tree, login, time_machine):
    time_machine.move_to(NOON, tick=False)
    params.parameter_set(
        actor=people.supervisor,
        unit=tree.county,
        key="reports.workbench_seconds",
        raw_value="0",
        reason="测试:不复用",
    )
    signed(people)
    client = login(people.officer)
    assert _archive_count(client) == 1
    signed(_colleague(people))
    html = client.get(reverse("workbench")).content.decode()
    assert 'data-testid="pending-read-at"' not in html
    assert _archive_count(client) == 2


def test_the_first_read_says_nothing_about_reuse(people, login):
    html = login(people.officer).get(reverse("workbench")).content.decode()
    assert 'data-testid="pending-read-at"' not in html
