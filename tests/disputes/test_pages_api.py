"""矛盾纠纷 pages and API: the grid-visit prefill, intake with a refused ID number (form
errors, nothing written), the detail with repeat links and masked data, the agreement's
.docx and the signed upload through the page, the resident's form, flat query counts."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from fazhi.core.models import Attachment, AuditEvent
from fazhi.core.officedoc import text_of
from fazhi.disputes.models import Dispute, Party

from .conftest import BAD_ID, DAY, ID_A, ID_B, ID_C, mediate, parties, register, signed_copy

pytestmark = pytest.mark.django_db


def _form(unit, party_rows, **extra):
    data = {
        "org_unit": unit.pk, "source": "walk_in", "category": "neighbour", "place": "东岙村",
        "summary": "两户因排水沟发生争执", **extra,
    }  # fmt: skip
    for n, p in enumerate(party_rows):
        for key, value in p.items():
            data[f"party-{n}-{key}"] = value
    return data


def test_the_grid_visit_link_prefills_the_form(people, tree, login, today):
    client = login(people.grid_worker)
    url = reverse("disputes:dispute_create") + (
        f"?source=grid_visit&visit=77&org_unit={tree.grid_a1.pk}&summary=%E9%82%BB%E5%B1%85%E4%BA%89%E5%90%B5"
    )
    body = client.get(url).content.decode()
    assert "来自网格走访记录 #77" in body and "邻居争吵" in body
    assert f'<option value="{tree.grid_a1.pk}" selected>' in body
    data = _form(tree.grid_a1, parties(), source="grid_visit", source_visit_id="77")
    response = client.post(reverse("disputes:dispute_create"), data)
    d = Dispute.objects.get()
    assert response.url == reverse("disputes:dispute_detail", args=[d.pk])
    assert (d.source, d.source_visit_id, d.org_unit) == ("grid_visit", 77, tree.village_a1)
    # The grid worker sees what they registered.
    assert client.get(response.url).status_code == 200


def test_a_malformed_id_number_on_the_form_writes_nothing(people, tree, login, today):
    client = login(people.officer)
    before = (Dispute.objects.count(), Party.objects.count(), AuditEvent.objects.count())
    response = client.post(
        reverse("disputes:dispute_create"), _form(tree.town_a, parties(a=BAD_ID))
    )
    assert response.status_code == 400
    assert "公民身份号码校验位错误,请核对" in response.content.decode()
    assert (Dispute.objects.count(), Party.objects.count(), AuditEvent.objects.count()) == before


def test_detail_masks_personal_data_and_links_repeats(people, tree, login, dispute):
    again = register(people.officer, tree.town_a, parties=parties(b=ID_C))
    body = login(people.officer).get(reverse("disputes:dispute_detail", args=[again.pk])).content
    body = body.decode()
    assert (
        "同一当事人此前纠纷1件" in body
        and reverse("disputes:dispute_detail", args=[dispute.pk]) in body
    )
    assert ID_A not in body and ID_A[-4:] in body and "13800001111" not in body
    assert "个人信息保护法" in body


def test_agreement_docx_and_signed_upload_through_the_page(people, tree, login, dispute):
    mediate(people.officer, dispute)
    client = login(people.officer)
    response = client.get(reverse("disputes:agreement_docx", args=[dispute.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = text_of(response.content)
    for item in ("当事人的基本情况", ID_A, ID_B, "纠纷的主要事实", "争议事项", "各方当事人的责任",
                 "达成如下协议", "履行方式", "履行期限:2025年3月31日前",
                 "人民调解员(签名)", "人民调解委员会(印章)", "年    月    日"):  # fmt: skip
        assert item in text, item
    assert AuditEvent.objects.filter(verb="dispute_agreement.generate").count() == 1
    response = client.post(
        reverse("disputes:agreement_sign", args=[dispute.pk]),
        {"signed_on": DAY.isoformat(), "file": signed_copy()},
    )
    dispute.refresh_from_db()
    assert dispute.judicial_due == date(2025, 4, 2) and Attachment.objects.count() == 1
    body = client.get(response.url).content.decode()
    assert "可于 2025-04-02 前共同向人民法院申请司法确认" in body
    # On the workbench of the law office.
    workbench = client.get(reverse("workbench")).content.decode()
    assert "司法确认申请期限" in workbench and "2025-04-02" in workbench


def test_resident_reports_online_and_sees_only_their_own(people, tree, login, today):
    client = login(people.resident)
    assert "我要反映纠纷" in client.get(reverse("disputes:online_create")).content.decode()
    response = client.post(
        reverse("disputes:online_create"),
        {"category": "neighbour", "place": "东岙村", "summary": "邻居堆放杂物堵路",
         "name": "黄秀珍", "phone": "13905801401", "other_party": "王某"},
    )  # fmt: skip
    assert response.status_code == 302
    d = Dispute.objects.get()
    assert (d.source, d.org_unit, d.created_by) == ("online", tree.town_a, people.resident)
    register(people.officer, tree.town_a)  # someone else's
    body = client.get(reverse("disputes:my_disputes")).content.decode()
    assert body.count('data-testid="my-dispute"') == 1 and "已登记" in body
    bad = client.post(reverse("disputes:online_create"), {"category": "neighbour", "place": "x",
                      "summary": "x", "name": "黄", "phone": "123"})  # fmt: skip
    assert bad.status_code == 400 and "手机号应为以1开头的11位数字" in bad.content.decode()


def test_list_filters_search_and_flat_query_count(people, tree, login, today, count_queries):
    client = login(people.supervisor)
    register(people.officer, tree.town_a, summary="渔港码头渔船碰撞")
    body = client.get(reverse("disputes:dispute_list") + "?q=渔船碰撞").content.decode()
    assert "渔港码头渔船碰撞"[:10] in body
    assert (
        "暂无纠纷记录"
        in client.get(reverse("disputes:dispute_list") + "?q=不存在的词").content.decode()
    )
    url = reverse("disputes:dispute_list") + "?status=registered"

    def fill(n):
        while Dispute.objects.count() < n:
            register(people.officer, tree.town_a)

    fill(10)
    ten = count_queries(lambda: client.get(url))
    fill(60)
    sixty = count_queries(lambda: client.get(url))
    assert ten == sixty <= 12


def test_the_unit_filter_accepts_every_unit_it_offers(people, tree, login):
    # The select lists the units in scope; picking one filters the list (it once answered
    # 400 "该选择不在可用的选项中" for every unit: the choices were a sliced queryset).
    client = login(people.officer)
    register(people.officer, tree.village_a1, summary="东岙村两户排水沟纠纷")
    register(people.officer, tree.town_a, summary="镇区商户门前堆放纠纷")
    url = reverse("disputes:dispute_list")
    page = client.get(url).content.decode()
    assert f'value="{tree.village_a1.pk}"' in page and f'value="{tree.town_a.pk}"' in page
    picked = client.get(url, {"unit": tree.village_a1.pk})
    assert picked.status_code == 200
    body = picked.content.decode()
    assert "东岙村两户排水沟纠纷"[:8] in body and "镇区商户门前堆放纠纷"[:8] not in body
    assert client.get(url, {"unit": tree.village_b1.pk}).status_code == 400  # out of scope


def test_detail_query_count_is_flat(people, tree, login, dispute, count_queries):
    mediate(people.officer, dispute)
    client = login(people.officer)
    url = reverse("disputes:dispute_detail", args=[dispute.pk])
    client.get(url)  # the first page of a login may renew the session: not the page's cost
    few = count_queries(lambda: client.get(url))
    for _ in range(5):
        register(people.officer, tree.town_a)  # repeats of the same parties
    assert count_queries(lambda: client.get(url)) == few


def test_api_create_list_detail_and_refusal(people, tree, client, today):
    client.force_login(people.officer)
    payload = {
        "org_unit_id": tree.village_a1.pk, "source": "phone", "category": "family",
        "place": "东岙村", "summary": "赡养纠纷",
        "parties": [{"role": "applicant", "name": "张三", "id_number": ID_A, "address": "东岙"},
                    {"role": "respondent", "name": "李四", "id_number": BAD_ID}],
    }  # fmt: skip
    before = Dispute.objects.count()
    bad = client.post("/api/v1/disputes", payload, content_type="application/json")
    assert bad.status_code == 400 and "校验位错误" in bad.json()["message"]
    assert Dispute.objects.count() == before
    payload["parties"][1]["id_number"] = ID_B
    created = client.post("/api/v1/disputes", payload, content_type="application/json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "registered" and body["parties"][0]["id_masked"].endswith(ID_A[-4:])
    assert ID_A not in created.content.decode()
    listed = client.get("/api/v1/disputes?status=registered").json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == body["id"]
    step = client.post(f"/api/v1/disputes/{body['id']}/transitions/accept", {},
                       content_type="application/json")  # fmt: skip
    assert step.json()["status"] == "accepted"
    refused = client.post(f"/api/v1/disputes/{body['id']}/agreement",
                          {"form": "written", "terms": "和解", "mediators": "陈"},
                          content_type="application/json")  # fmt: skip
    assert refused.status_code == 400 and "人民调解法第二十九条" in refused.json()["message"]
