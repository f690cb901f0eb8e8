"""The warning pages: the list (filters, red first then score, counts by colour, 立即研判),
the detail with its factor breakdown and the link to the matter, the response and
dismissal forms (a dismissal without reason is refused in Chinese and writes nothing),
key persons shown masked, and flat query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.core.models import AuditEvent
from fazhi.earlywarning import params as P
from fazhi.earlywarning.models import EarlyWarning
from fazhi.earlywarning.services import evaluate

from .conftest import DAY, fact, green, red, snapshot, yellow

pytestmark = pytest.mark.django_db
LIST = reverse("earlywarning:warning_list")


@pytest.fixture
def warnings(tree, provider, on_day):
    on_day(DAY)
    provider.offer(
        yellow(tree.village_a1, 1, title="东岙村征地补偿纠纷"),
        red(tree.grid_a1, 2, title="欠薪讨薪纠纷(张**等)"),
        green(tree.village_a2, 3, title="渔港社区邻里纠纷"),
        yellow(
            tree.village_a1,
            4,
            title="东岙村拆迁信访",
            kind="petition",
            url="/petitions/4/",
            repeat_count=1,
        ),  # fmt: skip
        red(tree.village_b1, 5, title="青山村纠纷"),
    )
    evaluate(None, DAY)
    return {w.subject_pk: w for w in EarlyWarning.objects.all()}


def _rows(response):
    return [w.subject_pk for w in response.context["page"]]


def test_the_list_orders_red_first_then_score_and_filters(people, tree, warnings, login):
    client = login(people.officer)
    response = client.get(LIST)
    assert response.status_code == 200
    assert _rows(response) == [2, 4, 1, 3]  # red; yellow 54 before yellow 46; green
    page = response.content.decode()
    assert "立即研判海屿镇" in page and 'data-testid="count-red">1<' in page
    assert _rows(client.get(LIST, {"colour": "yellow"})) == [4, 1]
    assert _rows(client.get(LIST, {"kind": "petition"})) == [4]
    assert _rows(client.get(LIST, {"unit": tree.village_a2.pk})) == [3]
    assert _rows(client.get(LIST, {"q": "拆迁"})) == [4]
    assert _rows(client.get(LIST, {"state": "resolved"})) == []
    # The county sees every town, read-only (no 立即研判).
    county = login(people.supervisor).get(LIST)
    assert _rows(county) == [5, 2, 4, 1, 3] and "立即研判" not in county.content.decode()


@pytest.mark.parametrize(
    "query, message",
    [({"colour": "purple"}, "选择一个有效的选项"), ({"unit": "999999"}, "所选单位不在您的范围内")],
)
def test_bad_filters_answer_400_in_chinese(people, warnings, login, query, message):
    response = login(people.leader).get(LIST, query)
    assert response.status_code == 400 and message in response.content.decode()


def test_another_towns_unit_is_not_a_filter(people, tree, warnings, login):
    response = login(people.officer).get(LIST, {"unit": tree.village_b1.pk})
    assert response.status_code == 400


def test_the_detail_explains_the_score_and_links_to_the_matter(people, warnings, login):
    w = warnings[2]
    page = login(people.leader).get(reverse("earlywarning:warning_detail", args=[w.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert 'href="/disputes/2/"' in text and "查看矛盾纠纷" in text
    for cell in ("升级词", "跳楼、扬言", "类别权重", "劳资纠纷", ">75<", "生成红色预警"):
        assert cell in text, cell
    assert 'data-testid="action-respond"' in text and 'data-testid="action-dismiss"' in text
    # The county reads it and may not answer it.
    county = login(people.supervisor).get(reverse("earlywarning:warning_detail", args=[w.pk]))
    assert county.status_code == 200 and 'data-testid="no-actions"' in county.content.decode()


def test_a_key_person_warning_shows_the_masked_title_and_the_link_only(
    people, tree, provider, login
):
    provider.offer(fact(tree.grid_a1, 9, kind="key_person", title="王**(信访重点人员)",
                        url="/grids/persons/9/", signals=("扬言跳楼",), text="与邻居矛盾"))  # fmt: skip
    evaluate(tree.town_a, DAY)
    w = EarlyWarning.objects.get(subject_kind="key_person")
    text = (
        login(people.leader)
        .get(reverse("earlywarning:warning_detail", args=[w.pk]))
        .content.decode()
    )
    assert "王**(信访重点人员)" in text and 'href="/grids/persons/9/"' in text
    assert "个人信息保护法第28—30条" in text
    assert "跳楼" not in text and "与邻居矛盾" not in text


def test_the_leader_responds_on_the_page(people, warnings, login):
    w = warnings[2]
    url = reverse("earlywarning:warning_transition", args=[w.pk, "respond"])
    client = login(people.leader)
    response = client.post(
        url, {"who": "林海峰(镇长)", "measures": "当日约谈,包案稳控", "on": "2025-06-16"}
    )
    assert response.status_code == 302
    w.refresh_from_db()
    assert w.status == "responded" and w.response_who == "林海峰(镇长)"
    page = client.get(reverse("earlywarning:warning_detail", args=[w.pk])).content.decode()
    assert "当日约谈,包案稳控" in page and "已应对" in page


def test_a_dismissal_without_reason_is_refused_on_the_page(people, warnings, login):
    w = warnings[1]
    client = login(people.officer)
    before = snapshot(w)
    url = reverse("earlywarning:warning_transition", args=[w.pk, "dismiss"])
    response = client.post(url, {"reason": ""}, follow=True)
    assert P.DISMISS_NEEDS_REASON in response.content.decode()
    assert snapshot(w) == before
    client.post(url, {"reason": "经核实系误报"})
    w.refresh_from_db()
    assert w.status == "dismissed" and w.dismissed_reason == "经核实系误报"


def test_an_incomplete_response_is_refused_on_the_page(people, warnings, login):
    w = warnings[2]
    client = login(people.leader)
    before = snapshot(w)
    url = reverse("earlywarning:warning_transition", args=[w.pk, "respond"])
    response = client.post(url, {"who": "林镇长", "measures": "", "on": ""}, follow=True)
    assert P.RESPONSE_NEEDS_WHAT in response.content.decode()
    assert snapshot(w) == before


def test_evaluate_now_button(people, tree, provider, login, on_day):
    on_day(DAY)
    provider.offer(red(tree.village_a1, 1))
    audit_before = AuditEvent.objects.count()
    response = login(people.officer).post(reverse("earlywarning:warning_evaluate"), follow=True)
    assert "海屿镇社会矛盾预警研判:事项1件,新生成1条" in response.content.decode()
    assert EarlyWarning.objects.count() == 1 and AuditEvent.objects.count() > audit_before


def test_the_list_says_when_there_is_nothing_to_evaluate(people, no_providers, login):
    response = login(people.officer).get(LIST)
    assert 'data-testid="no-providers"' in response.content.decode()
    response = login(people.officer).post(reverse("earlywarning:warning_evaluate"), follow=True)
    assert "尚无可研判的事项来源" in response.content.decode()


def test_list_query_count_is_flat_from_10_to_100_rows(
    people, tree, provider, login, count_queries, on_day
):
    on_day(DAY)
    client = login(people.officer)

    def grow(n):
        provider.offer(
            *[yellow(tree.village_a1 if i % 2 else tree.grid_a1, 1000 + i) for i in range(n)]
        )
        evaluate(tree.town_a, DAY)

    grow(10)
    small = count_queries(lambda: client.get(LIST, {"state": "all"}))
    grow(100)
    large = count_queries(lambda: client.get(LIST, {"state": "all"}))
    assert small == large and large <= 12
    w = EarlyWarning.objects.first()
    assert (
        count_queries(lambda: client.get(reverse("earlywarning:warning_detail", args=[w.pk]))) <= 12
    )
