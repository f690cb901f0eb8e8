"""组织领导's part of the annual summary on the demo town: the seed's sentences with the
demo's own numbers and study topics, each number a link to the records it counts."""

from __future__ import annotations

import pytest

from fazhi.core.models import User
from fazhi.leadership.annual import contribute
from fazhi.leadership.models import LawReport, Meeting
from tests.annual_lib import assert_facts_list_their_records

pytestmark = pytest.mark.django_db


def test_the_demo_towns_organisation_chapter_states_its_ledgers(client, demo_county):
    """On the demo county as `fazhi demo` leaves it (2026-11-30)."""
    town = demo_county.town
    c = contribute(town, 2025)
    text = {p.key: p.render() for p in c.points}
    held = Meeting.objects.filter(org_unit=town, status="held", held_on__year=2025)
    theory = held.filter(kind__in=("central_group", "law_study")).count()
    deploy = held.filter(kind="deployment").count()
    assert (theory, deploy) == (4, 3)
    assert (
        f"全年开展法治理论专题学习{theory}次,开展镇法治工作专题部署{deploy}次"
        in text["leadership.study"]
    )
    assert LawReport.objects.filter(org_unit=town, year=2025, status="pending").count() == 0
    assert "实现镇领导干部述法全覆盖" in text["leadership.study"]
    assert "《习近平法治思想学习纲要》" in text["leadership.thought"]
    assert "专题学习2次" in text["leadership.thought"]
    assert "学习研讨活动1次" in text["leadership.thought"]
    assert [p.chapter for p in c.points] == ["organisation"] * 3 + ["publicity"]
    # The seed's (三)一是: the 专题学法 among the theory study, the laws named from their titles.
    law_study = text["leadership.law_study"]
    assert f"全年开展法治理论专题学习{theory}次" in law_study
    assert "其中组织镇、村社两级干部专题学法" in law_study
    # Two of the seven villages have no leading group: a problem, not a boast.
    assert "尚有2个未建立" in c.problems[0].render()

    # 三、第一责任人职责: the group's leader and the principal leaders' own 述法.
    duty = c.duty[0].render()
    assert "林海峰同志担任镇法治建设领导小组组长" in duty
    assert "党委书记郑国栋" in duty and "带头述法" in duty

    client.force_login(User.objects.get(username="officer"))
    assert assert_facts_list_their_records(client, c) == 9  # with the law-study pair


@pytest.mark.parametrize(
    "value",
    ["x", "theory:abc:339901101", "theory:2025:33990110%", "nokey:2025:339901101",
     "theory:2025:339901101:extra", "lawreports:2025:339901101"],
)  # fmt: skip
def test_a_malformed_annual_filter_is_ignored_not_an_error(client, people, value):
    """A hand-edited link never breaks the list: an unknown key, a bad year or code, or a
    key of another list leaves the list as the user may see it."""
    client.force_login(people.officer)
    response = client.get("/leadership/meetings/", {"annual": value})
    assert response.status_code == 200
