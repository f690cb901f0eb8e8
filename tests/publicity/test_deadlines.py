"""Reminders before each themed campaign reach the law office's workbench, counted in
working days on the real holiday schedules."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.publicity import deadlines, services

from .conftest import make_event

pytestmark = pytest.mark.django_db


def _titles(user, day):
    return [i.title for i in deadlines.pending_items(user, day)]


def test_national_day_holidays_lengthen_the_reminder(people, tree, on_day):
    # From Fri 2024-09-27, ten working days: 9-29 (调休 Sunday), 9-30, then after the
    # National Day holiday 10-8 … 10-12 (调休 Saturday), 10-14, 10-15, 10-16.
    on_day(date(2024, 9, 1))
    services.campaign_create(actor=people.officer, name="重阳敬老法治宣传", starts_on="2024-10-16")
    services.campaign_create(
        actor=people.officer, name="秋季安全生产法宣传", starts_on="2024-10-17"
    )
    assert deadlines.reminder_horizon(tree.town_a, date(2024, 9, 27)) == date(2024, 10, 16)
    assert _titles(people.officer, date(2024, 9, 27)) == ["筹备主题宣传:重阳敬老法治宣传(10月16日)"]
    assert _titles(people.officer, date(2024, 9, 26)) == []


def test_a_campaign_under_way_without_an_event_stays_until_one_is_recorded(people, configured):
    # 2025-06-16: 国际禁毒日 (6-26) is eight working days away
    items = deadlines.pending_items(people.officer, date(2025, 6, 16))
    assert [i.title for i in items] == ["筹备主题宣传:国际禁毒日(6月26日)"]
    assert items[0].due == date(2025, 6, 26) and "campaign=" in items[0].url
    assert deadlines.pending_items(people.leader, date(2025, 6, 16)) == []
    assert deadlines.pending_items(people.officer_b, date(2025, 6, 16)) == []


def test_an_event_of_the_campaign_clears_the_reminder(people, configured, on_day):
    on_day(date(2025, 5, 6))
    assert "筹备主题宣传:民法典宣传月(5月1日—5月31日)—已开始,尚未登记活动" in _titles(
        people.officer, date(2025, 5, 6)
    )
    make_event(people.officer, configured, held_on=date(2025, 5, 6))
    assert not any("民法典宣传月" in t for t in _titles(people.officer, date(2025, 5, 6)))
