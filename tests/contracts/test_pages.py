"""Contract pages and API: lists with flat query counts, forms with field errors, the
detail page's actions, transitions as POSTs, cross-town 404, API refusals as 4xx."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.urls import reverse

from fazhi.contracts import services
from fazhi.contracts.models import Contract

from .helpers import GOOD_CODE, conclude, fields, signed

pytestmark = pytest.mark.django_db


def make(people, n):
    for i in range(n):
        c = services.contract_create(actor=people.officer, **fields(title=f"合同{i}"))
        services.payment_add(
            actor=people.officer, contract=c, condition="签订后", amount="100", due_on=date.today()
        )


def test_list_query_count_is_flat(people, login, count_queries):
    client = login(people.officer)
    url = reverse("contracts:contract_list")
    make(people, 10)
    client.get(url)  # warm caches
    ten = count_queries(lambda: client.get(url))
    make(people, 90)
    hundred = count_queries(lambda: client.get(url + "?warning=payment_due"))
    hundred_all = count_queries(lambda: client.get(url))
    assert hundred_all <= ten and hundred <= ten + 1 and ten <= 12, (ten, hundred, hundred_all)


def test_api_list_query_count_is_flat(people, login, count_queries):
    client = login(people.officer)
    url = "/api/v1/contracts?limit=200"
    make(people, 10)
    client.get(url)
    ten = count_queries(lambda: client.get(url))
    make(people, 90)
    assert count_queries(lambda: client.get(url)) <= ten


def test_list_filters(people, login):
    make(people, 2)
    services.contract_create(
        actor=people.officer,
        **fields(title="征收补偿协议", category="expropriation", counterparty_is_sme=False),
    )
    client = login(people.officer)
    body = client.get(reverse("contracts:contract_list") + "?kind=agreement").content.decode()
    assert "征收补偿协议" in body and "合同0" not in body
    body = client.get(reverse("contracts:contract_list") + "?q=合同1&year=2099").content.decode()
    assert "暂无合同" in body
    # junk filters are ignored, never a 500
    r = client.get(reverse("contracts:contract_list") + "?year=abc&status=zzz&page=-1&q=%00")
    assert r.status_code == 200


def test_create_form_shows_field_errors_and_writes_nothing(people, login):
    client = login(people.officer)
    data = {k: ("" if v is None else str(v)) for k, v in fields().items()}
    data["counterparty_credit_code"] = GOOD_CODE[:-1] + "0"
    data["counterparty_is_sme"] = "on"
    r = client.post(reverse("contracts:contract_create"), data)
    assert r.status_code == 400
    assert "校验位错误" in r.content.decode()
    assert Contract.objects.count() == 0
    data["counterparty_credit_code"] = GOOD_CODE
    r = client.post(reverse("contracts:contract_create"), data)
    assert r.status_code == 302
    assert Contract.objects.count() == 1


def test_detail_shows_actions_and_runs_transitions(people, login):
    c = services.contract_create(actor=people.officer, **fields())
    client = login(people.officer)
    url = reverse("contracts:contract_detail", args=[c.pk])
    body = client.get(url).content.decode()
    assert "提交合法性审核" in body and "审核人" in body
    r = client.post(
        reverse("contracts:contract_transition", args=[c.pk, "submit_review"]),
        {"submit_review-reviewer": people.adviser.pk},
    )
    assert r.status_code == 302
    c.refresh_from_db()
    assert c.status == "legality_review"
    conclude(c, people.adviser)
    # Signing without a date: refused with a message, nothing changed.
    r = client.post(reverse("contracts:contract_transition", args=[c.pk, "sign"]), {}, follow=True)
    assert "签订日期" in r.content.decode()
    c.refresh_from_db()
    assert c.status == "approved"
    client.post(
        reverse("contracts:contract_transition", args=[c.pk, "sign"]),
        {"sign-signed_on": date.today().isoformat()},
    )
    c.refresh_from_db()
    assert c.status == "signed"
    r = client.post(
        reverse("contracts:contract_transition", args=[c.pk, "archive"]),
        {"archive-archive_number": "", "archive-archived_on": date.today().isoformat()},
        follow=True,
    )
    assert "未填写档案号,不得归档" in r.content.decode()
    body = client.get(url).content.decode()
    assert "归档期限" in body and "timeline" in body


def test_detail_of_another_town_is_404(people, login):
    c = services.contract_create(actor=people.officer, **fields())
    client = login(people.officer_b)
    assert client.get(reverse("contracts:contract_detail", args=[c.pk])).status_code == 404
    assert client.get(f"/api/v1/contracts/{c.pk}").status_code == 404
    assert client.get(reverse("contracts:contract_detail", args=[99999999])).status_code == 404


def test_unknown_verb_is_404(people, login):
    c = services.contract_create(actor=people.officer, **fields())
    r = login(people.officer).post(reverse("contracts:contract_transition", args=[c.pk, "nope"]))
    assert r.status_code == 404


def test_payment_pages(people, login):
    c = signed(people)
    client = login(people.officer)
    r = client.post(
        reverse("contracts:payment_add", args=[c.pk]),
        {"condition": "验收合格后", "amount": "1000", "delivered_on": "2026-09-01"},
    )
    assert r.status_code == 302
    p = c.payments.get()
    assert p.due_on is not None
    client.post(
        reverse("contracts:payment_pay", args=[c.pk, p.pk]),
        {f"pay{p.pk}-paid_on": date.today().isoformat(), f"pay{p.pk}-paid_amount": "1000"},
    )
    p.refresh_from_db()
    assert p.paid_on == date.today()


# --- API ---------------------------------------------------------------------------------


def api_post(client, url, data, method="post"):
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def api_fields(**over):
    data = fields(**over)
    for k in ("term_start", "term_end"):
        data[k] = str(data[k])
    return data


def test_api_create_and_run_the_whole_loop(people, login):
    client = login(people.officer)
    r = api_post(client, "/api/v1/contracts", api_fields())
    assert r.status_code == 201, r.content
    cid = r.json()["id"]
    assert r.json()["actions"] == ["submit_review"]
    r = api_post(
        client,
        f"/api/v1/contracts/{cid}/transitions/submit_review",
        {"reviewer_id": people.adviser.pk},
    )
    assert r.status_code == 200 and r.json()["status"] == "legality_review"
    conclude(Contract.objects.get(pk=cid), people.adviser)
    r = api_post(
        client, f"/api/v1/contracts/{cid}/transitions/sign", {"signed_on": date.today().isoformat()}
    )
    assert r.json()["status"] == "signed" and r.json()["archive_due"]
    r = api_post(
        client,
        f"/api/v1/contracts/{cid}/payments",
        {"condition": "一次性", "amount": "500", "due_on": "2026-12-31"},
    )
    assert r.status_code == 201
    pid = r.json()["id"]
    r = api_post(
        client,
        f"/api/v1/contracts/{cid}/payments/{pid}/pay",
        {"paid_on": date.today().isoformat(), "paid_amount": "500"},
    )
    assert r.status_code == 200 and r.json()["paid_on"]
    r = api_post(client, f"/api/v1/contracts/{cid}/transitions/archive", {"archive_number": "X-1"})
    assert r.json()["status"] == "archived"
    timeline = [s["label"] for s in client.get(f"/api/v1/contracts/{cid}").json()["timeline"]]
    assert timeline[0] == "登记" and "归档" in timeline


@pytest.mark.parametrize(
    "over, field",
    [
        ({"counterparty_credit_code": "91339901MA2000001X"}, "counterparty_credit_code"),
        ({"payment_term_days": 61, "payment_term_agreed": True}, "payment_term_days"),
        ({"category": "ppp", "has_arbitration_clause": True}, "has_arbitration_clause"),
        ({"category": "works", "amount": "5000000"}, "tender_method"),
    ],
)
def test_api_refusals_are_400_with_field_errors(people, login, over, field):
    client = login(people.officer)
    r = api_post(client, "/api/v1/contracts", api_fields(**over))
    assert r.status_code == 400, r.content
    assert field in r.json()["errors"]
    assert Contract.objects.count() == 0


def test_api_bad_input_is_422_not_500(people, login):
    client = login(people.officer)
    for bad in (
        {"amount": "abc"},
        {"amount": "-1"},
        {"category": "nope"},
        {"term_start": "2026-13-01"},
        {"title": "a\x00b"},
        {"extra": 1},
    ):
        r = api_post(client, "/api/v1/contracts", api_fields(**bad))
        assert r.status_code == 422, (bad, r.content)
    c = services.contract_create(actor=people.officer, **fields())
    r = api_post(client, f"/api/v1/contracts/{c.pk}/transitions/fly", {})
    assert r.status_code == 422
    r = api_post(client, f"/api/v1/contracts/{c.pk}/transitions/sign", {})
    assert r.status_code == 400 and "当前状态" in r.json()["message"]
    r = api_post(
        client,
        f"/api/v1/contracts/{c.pk}/transitions/submit_review",
        {"reviewer_id": people.officer.pk},
    )
    assert r.status_code == 400 and "reviewer_id" in r.json()["errors"]
    assert Contract.objects.get(pk=c.pk).status == "draft"


def test_detail_query_count_does_not_grow_with_payments(people, login, count_queries):
    c = signed(people, amount="100000")
    client = login(people.officer)
    url = reverse("contracts:contract_detail", args=[c.pk])

    def add(n):
        for _ in range(n):
            services.payment_add(
                actor=people.officer,
                contract=c,
                condition="分期",
                amount="100",
                due_on=date.today(),
            )

    add(2)
    client.get(url)
    few = count_queries(lambda: client.get(url))
    add(20)
    assert count_queries(lambda: client.get(url)) <= few


def test_readers_see_no_actions(people, login):
    c = services.contract_create(actor=people.officer, **fields())
    for user in (people.leader, people.supervisor, people.adviser):
        body = login(user).get(reverse("contracts:contract_detail", args=[c.pk])).content.decode()
        assert 'data-testid="no-actions"' in body and "payment-form" not in body
