"""以案释法: a case pushed to chosen cadres; opening it is the read receipt; the reading
rate per push; the cadre's unread pushes on the workbench."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.publicity import deadlines, services
from fazhi.publicity.models import CasePush

from .conftest import DAY, counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(people, on_day):
    on_day(DAY)
    return services.case_create(
        actor=people.officer,
        title="渔船雇工工资纠纷案",
        facts="某渔船船主拖欠雇工工资三个月……",
        law_applied="民法典第五百七十七条;劳动合同法第三十条",
        lesson="用工须签订书面合同、按时足额支付报酬……",
    )


@pytest.fixture
def push(people, case):
    return services.casepush_create(
        actor=people.officer, case=case, recipients=[people.cadre, people.village_cadre]
    )


def test_opening_a_push_is_its_read_receipt(people, push, login):
    assert (push.recipient_count, push.read_count, push.read_rate) == (2, 0, 0.0)
    page = login(people.cadre).get(reverse("publicity:casepush_detail", args=[push.pk]))
    assert page.status_code == 200 and "渔船雇工工资纠纷案" in page.content.decode()
    push.refresh_from_db()
    assert (push.read_count, push.read_rate) == (1, 50.0)
    login(people.cadre).get(reverse("publicity:casepush_detail", args=[push.pk]))
    push.refresh_from_db()
    assert push.read_count == 1  # a second opening counts once
    officer_page = (
        login(people.officer)
        .get(reverse("publicity:casepush_detail", args=[push.pk]))
        .content.decode()
    )
    assert '阅读率 <span data-testid="rate">50.0%</span>' in officer_page
    push.refresh_from_db()
    assert push.read_count == 1  # the officer is no recipient


def test_a_push_is_hidden_from_who_did_not_receive_it(people, push, login, tree):
    from tests.factories import member

    other = member(tree.town_a, "cadre", "cadre2")
    assert login(other).get(reverse("publicity:casepush_detail", args=[push.pk])).status_code == 404
    assert (
        login(people.officer_b)
        .get(reverse("publicity:casepush_detail", args=[push.pk]))
        .status_code
        == 404
    )


def test_only_the_towns_cadres_receive_pushes(people, case):
    before = counts()
    with pytest.raises(ServiceError) as exc:
        services.casepush_create(
            actor=people.officer, case=case, recipients=[people.cadre, people.officer_b]
        )
    assert "不是本镇的机关干部或村(社区)干部" in exc.value.message
    with pytest.raises(ServiceError, match="请至少选择一名接收干部"):
        services.casepush_create(actor=people.officer, case=case, recipients=[])
    with pytest.raises(Forbidden):
        services.casepush_create(actor=people.cadre, case=case, recipients=[people.cadre])
    assert counts() == before


def test_the_cadre_sees_unread_pushes_on_the_workbench(people, push, login):
    items = deadlines.pending_items(people.cadre, DAY)
    assert [i.title for i in items] == ["阅读推送案例:渔船雇工工资纠纷案"]
    assert items[0].url == reverse("publicity:casepush_detail", args=[push.pk])
    services.casepush_read(actor=people.cadre, push=push)
    assert deadlines.pending_items(people.cadre, DAY) == []
    workbench = login(people.village_cadre).get("/").content.decode()
    assert "阅读推送案例:渔船雇工工资纠纷案" in workbench


def test_the_push_list_shows_the_reading_rate(people, push, login):
    services.casepush_read(actor=people.cadre, push=push)
    page = login(people.officer).get(reverse("publicity:casepush_list")).content.decode()
    assert "50.0%" in page
    mine = login(people.cadre).get(reverse("publicity:casepush_list")).content.decode()
    assert "渔船雇工工资纠纷案" in mine and "已读" in mine
    assert CasePush.objects.get().read_count == 1


def test_the_push_pages_keep_a_flat_query_count(people, case, login, count_queries):
    client = login(people.officer)

    def load(n):
        for _ in range(n - CasePush.objects.count()):
            services.casepush_create(
                actor=people.officer, case=case, recipients=[people.cadre, people.village_cadre]
            )
        return count_queries(lambda: client.get(reverse("publicity:casepush_list")))

    assert load(10) == load(60)
