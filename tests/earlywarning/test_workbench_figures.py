"""Red warnings on the town leader's workbench, yellow on the law office's, with response
periods on the real holiday calendar; `fazhi tick` evaluates every town; the figures
(warnings by colour, red response time) with their sentences."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from fazhi.earlywarning import deadlines, summary
from fazhi.earlywarning.models import EarlyWarning
from fazhi.earlywarning.services import evaluate, response_due, warning_respond

from .conftest import DAY, green, red, yellow

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "colour, raised, due",
    [
        # 国庆 2024: 1–7 October off, Saturday 12 October worked.
        ("red", date(2024, 9, 30), date(2024, 10, 8)),
        ("yellow", date(2024, 9, 30), date(2024, 10, 12)),
        # 春节 2025: 28 January – 4 February off, Sunday 26 January worked.
        ("red", date(2025, 1, 27), date(2025, 2, 5)),
        ("red", date(2025, 1, 25), date(2025, 1, 26)),
        # 劳动节 2026: 1–5 May off, Saturday 9 May worked.
        ("red", date(2026, 4, 30), date(2026, 5, 6)),
        ("green", date(2026, 4, 30), None),
    ],
)
def test_response_periods_follow_the_official_calendar(tree, colour, raised, due):
    assert response_due(colour, raised, tree.town_a) == due


def test_red_reaches_the_leader_and_yellow_the_law_office(tree, people, provider, on_day):
    on_day(DAY)
    provider.offer(red(tree.village_a1, 1), yellow(tree.grid_a1, 2), green(tree.town_a, 3),
                   red(tree.village_b1, 4))  # fmt: skip
    evaluate(None, DAY)
    leader = deadlines.pending_items(people.leader, DAY)
    assert [i.title.split(":")[0] for i in leader] == ["红色预警"]
    item = leader[0]
    assert item.due == date(2025, 6, 17) and item.level == "warning" and item.category == "矛盾预警"
    assert item.url == reverse(
        "earlywarning:warning_detail", args=[EarlyWarning.objects.get(subject_pk=1).pk]
    )
    assert item.list_url.endswith("?colour=red&state=open")
    officer = deadlines.pending_items(people.officer, DAY)
    assert [i.title.split(":")[0] for i in officer] == ["黄色预警"]
    assert deadlines.pending_items(people.supervisor, DAY) == []
    assert deadlines.pending_items(people.grid_worker, DAY) == []
    # Overdue: the day after the period the item turns danger; answered, it leaves.
    assert deadlines.pending_items(people.leader, DAY + timedelta(days=2))[0].level == "danger"
    warning_respond(actor=people.leader, warning=EarlyWarning.objects.get(subject_pk=1),
                    who="林镇长", measures="包案稳控", on=DAY)  # fmt: skip
    assert deadlines.pending_items(people.leader, DAY) == []


def test_the_workbench_page_shows_the_red_warning(tree, people, provider, on_day, login):
    on_day(DAY)
    provider.offer(red(tree.village_a1, 1, title="东岙村欠薪纠纷(张**等)"))
    evaluate(tree.town_a, DAY)
    page = login(people.leader).get(reverse("workbench")).content.decode()
    assert "红色预警:东岙村欠薪纠纷(张**等)" in page


def test_tick_evaluates_every_town_and_is_idempotent(tree, provider, on_day):
    on_day(DAY)
    provider.offer(red(tree.village_a1, 1), yellow(tree.village_b1, 2))
    out = io.StringIO()
    call_command("tick", today=DAY.isoformat(), stdout=out)
    assert "海屿镇社会矛盾预警研判:事项1件,新生成1条" in out.getvalue()
    assert "青山镇社会矛盾预警研判:事项1件,新生成1条" in out.getvalue()
    assert EarlyWarning.objects.count() == 2
    call_command("tick", today=DAY.isoformat(), stdout=io.StringIO())
    assert EarlyWarning.objects.count() == 2
    provider.withdraw("dispute", 2)
    out = io.StringIO()
    call_command("tick", today=DAY.isoformat(), stdout=out)
    assert "解除1条" in out.getvalue()


def test_tick_without_providers_says_so(tree, no_providers):
    out = io.StringIO()
    call_command("tick", today=DAY.isoformat(), stdout=out)
    assert "尚无可研判的事项来源" in out.getvalue()


def test_figures_count_by_peak_colour_and_time_the_red_responses(tree, people, provider, on_day):
    on_day(DAY)
    provider.offer(red(tree.village_a1, 1), red(tree.village_a1, 2), yellow(tree.village_a1, 3),
                   green(tree.village_a1, 4), yellow(tree.village_b1, 5))  # fmt: skip
    evaluate(None, DAY)
    w1 = EarlyWarning.objects.get(subject_pk=1)
    # Answered three hours after it was raised.
    with time_machine.travel(w1.colour_since + timedelta(hours=3), tick=False):
        warning_respond(actor=people.leader, warning=w1, who="林镇长", measures="包案稳控", on=DAY)
    figures = {f.key: f for f in summary.figures(tree.town_a, date(2025, 1, 1), date(2025, 12, 31))}
    raised = figures["earlywarning.raised"]
    assert raised.value == 4 and raised.breakdown["红色"] == 2 and raised.breakdown["黄色"] == 1
    assert raised.sentence == (
        "健全社会矛盾预警机制,研判预警4条,其中红色2条、黄色1条,红色预警平均响应3小时"
    )
    hours = figures["earlywarning.red_response_hours"]
    assert (
        hours.value == 3.0 and hours.sentence == "红色预警已应对1条,平均响应3小时,按期应对率100.0%"
    )
    county = {f.key: f for f in summary.figures(tree.county, date(2025, 1, 1), date(2025, 12, 31))}
    assert county["earlywarning.raised"].value == 5
    empty = summary.figures(tree.town_a, date(2024, 1, 1), date(2024, 12, 31))
    assert [f.sentence for f in empty] == ["", ""]
