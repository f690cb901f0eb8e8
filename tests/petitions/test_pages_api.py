"""信访 pages and API: registering through the form (a sixth representative refused),
the steps, the 处理意见书 .docx, whistle-blowing hidden from the accused everywhere, the
county's age table, the workbench, and flat query counts."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.urls import reverse

from fazhi.core.models import AuditEvent
from fazhi.core.officedoc import text_of
from fazhi.petitions.deadlines import pending_items as collect
from fazhi.petitions.models import Petition, Petitioner

from .conftest import ID_1, person, register, step

pytestmark = pytest.mark.django_db
DAY = date(2024, 12, 31)


def _form(rows, **fields):
    data = {
        "title": "渔港码头征地补偿款未发放", "channel": "visit", "received_on": "2024-12-20",
        "category": "land", "content": "请求发放征地补偿款。", "source": "direct",
        "p-TOTAL_FORMS": "6", "p-INITIAL_FORMS": "0", "p-MIN_NUM_FORMS": "0",
        "p-MAX_NUM_FORMS": "6",
    }  # fmt: skip
    for n, row in enumerate(rows):
        data.update({f"p-{n}-{k}": v for k, v in row.items()})
    data.update(fields)
    return data


def test_register_through_the_form_and_a_sixth_representative_is_refused(
    people, tree, login, on_day
):
    on_day(DAY)
    client = login(people.officer)
    six = [person(n) for n in range(1, 7)]
    before = (Petition.objects.count(), Petitioner.objects.count(), AuditEvent.objects.count())
    response = client.post(
        reverse("petitions:petition_create"), _form(six, is_group="on", people_count="30")
    )
    assert response.status_code == 400
    assert "代表人数不得超过5人" in response.content.decode()
    assert "第二十条" in response.content.decode()
    assert (
        Petition.objects.count(),
        Petitioner.objects.count(),
        AuditEvent.objects.count(),
    ) == before
    response = client.post(
        reverse("petitions:petition_create"), _form(six[:5], is_group="on", people_count="30")
    )
    assert response.status_code == 302
    petition = Petition.objects.get()
    assert petition.is_group and petition.petitioners.count() == 5
    page = client.get(response["Location"]).content.decode()
    assert "集体访,涉及30人,代表5名" in page
    assert ID_1 not in page and "339***********" in page  # masked


def test_steps_through_the_page_and_the_answer_document(people, tree, login, on_day):
    on_day(DAY)
    p = register(people, tree, received_on=date(2024, 12, 2))
    client = login(people.officer)
    url = reverse("petitions:petition_transition", args=[p.pk, "accept"])
    client.post(url, {"decided_on": "2024-12-04", "notified_on": "2024-12-04"})
    p.refresh_from_db()
    assert p.status == "accepted" and p.handling_due == date(2025, 2, 5)  # 60 days, past 春节
    # A late extension form without reasons changes nothing.
    client.post(reverse("petitions:petition_transition", args=[p.pk, "extend"]),
                {"extended_on": "2024-12-20", "days": "30"})  # fmt: skip
    p.refresh_from_db()
    assert p.extended_on is None
    client.post(
        reverse("petitions:petition_transition", args=[p.pk, "answer"]),
        {"answered_on": "2024-12-30", "facts": "经查补偿款尚未拨付。", "result": "support",
         "opinion": "于2025年1月底前拨付。", "legal_basis": "《土地管理法》第四十八条",
         "review_organ": "示范县人民政府"},
    )  # fmt: skip
    p.refresh_from_db()
    assert p.status == "answered"
    response = client.get(reverse("petitions:petition_answer_docx", args=[p.pk]))
    assert response.status_code == 200
    text = text_of(response.content)
    for part in ("信访事项处理意见书", "林阿1", "渔港码头征地补偿款未发放", "经查补偿款尚未拨付。",
                 "于2025年1月底前拨付。", "《土地管理法》第四十八条",
                 "30日内,向示范县人民政府请求复查", "海屿镇人民政府", "2024年12月30日"):  # fmt: skip
        assert part in text, part
    assert AuditEvent.objects.filter(verb="petition.answer_document").count() == 1
    client.post(reverse("petitions:petition_transition", args=[p.pk, "serve"]),
                {"served_on": "2024-12-31"})  # fmt: skip
    p.refresh_from_db()
    assert p.status == "served" and p.served_on == DAY


def test_whistle_blowing_is_never_shown_to_the_accused(people, tree, login, on_day):
    on_day(DAY)
    hidden = register(people, tree, category="conduct", is_accusation=True,
                      accused_name="镇领导", accused_user=people.leader,
                      title="举报镇领导违规发放补贴", received_on=date(2024, 12, 24))  # fmt: skip
    visible = register(people, tree, title="渔港道路破损", received_on=date(2024, 12, 24))
    leader = login(people.leader)
    assert leader.get(reverse("petitions:petition_detail", args=[hidden.pk])).status_code == 404
    assert (
        leader.get(reverse("petitions:petition_answer_docx", args=[hidden.pk])).status_code == 404
    )
    assert leader.get(f"/api/v1/petitions/{hidden.pk}").status_code == 404
    page = leader.get(reverse("petitions:petition_list")).content.decode()
    assert "渔港道路破损" in page and "举报镇领导" not in page
    api = leader.get("/api/v1/petitions").json()
    assert [i["id"] for i in api["items"]] == [visible.pk]
    assert leader.get("/api/v1/petitions?q=举报").json()["items"] == []
    assert all("举报" not in i.title for i in collect(people.leader, DAY))
    # Everyone else who reads the town sees it, and the accused is named on the page.
    for reader in (people.officer, people.supervisor):
        response = login(reader).get(reverse("petitions:petition_detail", args=[hidden.pk]))
        assert response.status_code == 200 and "已对其屏蔽" in response.content.decode()


def test_the_api_registers_refuses_and_steps(people, tree, login, on_day):
    on_day(DAY)
    client = login(people.officer)
    body = {"title": "集体访:渔民转产补助", "channel": "visit", "category": "fishery",
            "content": "请求落实转产补助。", "received_on": "2024-12-23", "is_group": True,
            "people_count": 25, "petitioners": [person(n) for n in range(1, 7)]}  # fmt: skip
    before = (Petition.objects.count(), AuditEvent.objects.count())
    response = client.post("/api/v1/petitions", json.dumps(body), content_type="application/json")
    assert response.status_code == 400 and "第二十条" in response.json()["message"]
    assert (Petition.objects.count(), AuditEvent.objects.count()) == before
    body["petitioners"] = body["petitioners"][:5]
    created = client.post("/api/v1/petitions", json.dumps(body), content_type="application/json")
    assert created.status_code == 201
    data = created.json()
    assert data["accept_due"] == "2025-01-07" and data["is_group"]  # 15 days: 7 January
    assert re.fullmatch(r"339\*{11}\d{3}[\dX]", data["petitioners"][0]["id_number"])
    assert data["petitioners"][0]["phone"] == "139****9001"
    pk = data["id"]
    late = client.post(f"/api/v1/petitions/{pk}/transitions/extend", json.dumps({"days": 10}),
                       content_type="application/json")  # fmt: skip
    assert late.status_code == 400 and "不能执行“延长办理期限”" in late.json()["message"]
    ok = client.post(f"/api/v1/petitions/{pk}/transitions/accept",
                     json.dumps({"decided_on": "2024-12-27", "notified_on": "2024-12-27"}),
                     content_type="application/json")  # fmt: skip
    assert ok.status_code == 200 and ok.json()["status"] == "accepted"
    wrong = client.post(f"/api/v1/petitions/{pk}/transitions/serve",
                        json.dumps({"days": 3}), content_type="application/json")  # fmt: skip
    assert wrong.status_code == 400


def test_workbench_lists_overdue_and_due_soon_for_officer_and_leader(people, tree, on_day):
    on_day(DAY)
    overdue = register(people, tree, received_on=date(2024, 12, 2))  # due 17 December
    soon = register(people, tree, received_on=date(2024, 12, 20))  # due 6 January (Mon)
    register(people, tree, received_on=date(2024, 12, 30))  # due 14 January: not yet
    for user in (people.officer, people.leader):
        items = collect(user, DAY)
        assert [i.due for i in items] == [overdue.accept_due, soon.accept_due]
        assert items[0].level == "danger" and "已逾期" in items[0].title
        assert items[1].level == "warning"
        assert items[0].list_url.endswith("?warning=overdue")
    assert not [i for i in collect(people.officer_b, DAY) if i.category == "信访事项"]


def test_the_county_sees_every_towns_open_petitions_by_age(people, tree, login, on_day):
    on_day(DAY)
    register(people, tree, received_on=date(2024, 12, 24))  # 7 days
    old = register(people, tree, received_on=date(2024, 10, 8))  # 84 days
    step(people, old, "accept", decided_on=date(2024, 10, 10), notified_on=date(2024, 10, 10))
    done = register(people, tree, received_on=date(2024, 10, 8))
    step(people, done, "not_accept", notified_on=date(2024, 10, 10), note="属诉讼事项")
    register(people, tree, actor=people.officer_b, org_unit=tree.town_b,
             received_on=date(2024, 11, 25))  # 36 days  # fmt: skip
    client = login(people.supervisor)
    page = client.get(reverse("petitions:petition_ages")).content.decode()
    rows = client.get("/api/v1/petitions/ages").json()
    by_town = {r["town"]: r for r in rows}
    assert by_town["海屿镇"]["bands"] == {"0-15": 1, "16-30": 0, "31-60": 0, "61+": 1}
    assert by_town["青山镇"]["bands"] == {"0-15": 0, "16-30": 0, "31-60": 1, "61+": 0}
    link = f"?town={tree.town_a.pk}&amp;age=61%2B"
    assert link in page
    listed = client.get(reverse("petitions:petition_list") + f"?town={tree.town_a.pk}&age=61%2B")
    assert listed.status_code == 200
    assert [p.pk for p in listed.context["page"]] == [old.pk]
    # A town's officer sees only their own town.
    mine = login(people.officer).get("/api/v1/petitions/ages").json()
    assert [r["town"] for r in mine] == ["海屿镇"]


def test_list_query_count_is_flat(people, tree, login, on_day, count_queries):
    on_day(DAY)
    client = login(people.officer)
    url = reverse("petitions:petition_list")

    def add(n):
        for i in range(n):
            register(people, tree, received_on=date(2024, 12, 1 + i % 28),
                     petitioners=[person(i + 1)])  # fmt: skip

    add(10)
    ten = count_queries(lambda: client.get(url + "?page=1"))
    add(90)
    hundred = count_queries(lambda: client.get(url + "?page=5"))
    assert ten == hundred <= 12
    assert count_queries(lambda: client.get("/api/v1/petitions?limit=100")) <= 8
