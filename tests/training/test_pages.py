"""案例实景式教学 pages: the library and the sessions for each kind of reader, the law
office's forms (refusals shown on the form, nothing written), who sees whose evaluation,
"我的培训", and flat query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.training import services
from fazhi.training.models import Case, Participant, Session

from .conftest import DAY, make_case, make_session, snapshot

pytestmark = pytest.mark.django_db

CASES = reverse("training:case_list")
SESSIONS = reverse("training:session_list")


def _evaluated(people, held):
    session, a, b = held
    services.participant_evaluate(actor=people.officer, participant=a, rating="excellent",
                                  comment="组织有力")  # fmt: skip
    services.participant_evaluate(actor=people.officer, participant=b, rating="improve",
                                  comment="告知期限不准确")  # fmt: skip
    services.session_transition(
        actor=people.officer, obj=session, verb="evaluate", lessons="经验与不足"
    )
    return session


def test_case_form_records_a_case_and_refuses_bad_input(people, login):
    client = login(people.officer)
    page = client.get(reverse("training:case_create")).content.decode()
    assert "遗留拆迁" in page and "劳资纠纷" in page
    data = {
        "title": "滴水檐纠纷",
        "case_type": "邻里纠纷",
        "facts": "相邻两户因滴水发生争执。",
        "roles": "当事人甲\n当事人乙\n人民调解员",
        "legal_points": "《民法典》第二百八十八条",
        "model_handling": "1.到场;2.调解",
    }
    before = snapshot()
    bad = client.post(reverse("training:case_create"), {**data, "roles": "调解员\n调解员"})
    assert bad.status_code == 400 and "演练角色“调解员”重复" in bad.content.decode()
    assert snapshot() == before
    response = client.post(reverse("training:case_create"), data)
    case = Case.objects.get(title="滴水檐纠纷")
    assert response.url == reverse("training:case_detail", args=[case.pk])
    detail = client.get(response.url).content.decode()
    assert "人民调解员" in detail and "《民法典》第二百八十八条" in detail and "安排教学" in detail


def test_library_lists_by_type_and_search(people, tree, login, case):
    make_case(
        people, tree, title="外嫁女承包地纠纷", case_type="土地承包纠纷", facts="收回承包地。"
    )
    client = login(people.grid_worker)  # staff of the town read the library from their grid
    page = client.get(CASES, {"case_type": "土地承包纠纷"}).content.decode()
    assert "外嫁女承包地纠纷" in page and "征地补偿集体走访" not in page
    page = client.get(CASES, {"q": "承包"}).content.decode()
    assert "外嫁女承包地纠纷" in page and "征地补偿集体走访" not in page
    assert "录入案例" not in page  # not the grid worker's to curate
    assert (
        login(people.officer_b).get(reverse("training:case_detail", args=[case.pk])).status_code
        == 404
    )


def test_session_form_plans_and_refuses_a_host_outside(people, tree, login, case):
    from fazhi.core.roles import Role
    from tests.factories import member

    client = login(people.officer)
    page = client.get(reverse("training:session_create"), {"case": case.pk}).content.decode()
    assert "征地补偿集体走访" in page
    outsider = member(tree.town_b, Role.CADRE, "cadre_b")
    data = {
        "case": case.pk,
        "held_on": "2025-03-14",
        "place": "镇信访接待中心",
        "host": outsider.pk,
    }
    bad = client.post(reverse("training:session_create"), data)
    assert bad.status_code == 400 and Session.objects.count() == 0
    response = client.post(reverse("training:session_create"), {**data, "host": people.officer.pk})
    session = Session.objects.get()
    assert response.url == reverse("training:session_detail", args=[session.pk])


def test_roster_and_steps_from_the_session_page(people, session, login, on_day):
    client = login(people.officer)
    url = reverse("training:session_detail", args=[session.pk])
    client.post(reverse("training:participant_add", args=[session.pk]),
                {"user": people.cadre.pk, "role": "接访干部"})  # fmt: skip
    bad = client.post(reverse("training:participant_add", args=[session.pk]),
                      {"user": people.cadre.pk, "role": "接访干部"}, follow=True)  # fmt: skip
    assert "已在本次教学的参训名单中" in bad.content.decode()
    assert Participant.objects.count() == 1
    early = client.post(
        reverse("training:session_transition", args=[session.pk, "hold"]), follow=True
    )
    assert "尚未到举行日期" in early.content.decode()
    on_day(DAY)
    client = login(people.officer)  # a new day, a new login (sessions expire when idle)
    client.post(reverse("training:session_transition", args=[session.pk, "hold"]))
    session.refresh_from_db()
    assert session.status == Session.Status.HELD
    p = Participant.objects.get()
    client.post(
        reverse("training:participant_evaluate", args=[p.pk]), {"rating": "good", "comment": "好"}
    )
    missing = client.post(reverse("training:session_transition", args=[session.pk, "evaluate"]),
                          {"lessons": ""}, follow=True)  # fmt: skip
    assert "请填写本次教学的经验与不足" in missing.content.decode()
    client.post(reverse("training:session_transition", args=[session.pk, "evaluate"]),
                {"lessons": "经验:演练逼真。"})  # fmt: skip
    page = client.get(url).content.decode()
    assert "已评价" in page and "经验:演练逼真。" in page and "良好" in page


def test_evaluations_are_read_by_the_evaluated_and_those_who_run_training(people, held, login):
    session = _evaluated(people, held)
    url = reverse("training:session_detail", args=[session.pk])
    for who in ("officer", "leader", "supervisor"):
        page = login(getattr(people, who)).get(url).content.decode()
        assert "优秀" in page and "需改进" in page and "告知期限不准确" in page
    own = login(people.grid_worker).get(url).content.decode()
    assert "需改进" in own and "告知期限不准确" in own and "优秀" not in own
    other = login(people.cadre).get(url).content.decode()
    assert "需改进" not in other and "优秀" not in other and "评价只向本人" in other


def test_my_trainings_list_shows_role_and_own_evaluation_once_final(people, held, login):
    session, _, _ = held
    page = login(people.grid_worker).get(SESSIONS).content.decode()
    assert "我的培训" in page and "我扮演:<strong>信访人</strong>" in page
    assert "我的评价" not in page
    _evaluated(people, held)
    page = login(people.grid_worker).get(SESSIONS).content.decode()
    assert '我的评价:<strong data-testid="my-rating">需改进</strong>' in page
    assert "我的培训" not in login(people.leader).get(SESSIONS).content.decode()


def test_lists_keep_a_flat_query_count(people, tree, login, count_queries):
    def make(n):
        for i in range(n):
            case = make_case(people, tree, title=f"案例{i}")
            session = make_session(people, case)
            services.participant_add(actor=people.officer, session=session, user=people.cadre,
                                     role="村干部")  # fmt: skip

    client = login(people.supervisor)
    make(10)
    client.get(SESSIONS)
    ten = (count_queries(lambda: client.get(SESSIONS)), count_queries(lambda: client.get(CASES)))
    make(90)
    hundred = (
        count_queries(lambda: client.get(SESSIONS, {"page": 3})),
        count_queries(lambda: client.get(CASES, {"page": 3})),
    )
    assert hundred == ten and max(ten) <= 12, (ten, hundred)
    cadre = login(people.cadre)  # on every roster: "我的培训" too
    cadre.get(SESSIONS)
    assert count_queries(lambda: cadre.get(SESSIONS)) <= 12


def test_bad_filters_answer_400(people, login):
    assert login(people.officer).get(SESSIONS, {"year": "abc"}).status_code == 400
    assert login(people.officer).get(CASES, {"case_type": "不存在"}).status_code == 400
