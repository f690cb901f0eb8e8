"""网格走访 over HTTP: the visit form's queue protocol (stored once, replay answered 200),
CSRF and an expired session, the refusal of another grid's person, who sees key persons
(lists and API exclude everyone else), flat query counts, and the compliance page."""

from __future__ import annotations

import json
import uuid
from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client
from django.urls import reverse

from fazhi.core.models import AuditEvent
from fazhi.grids.models import KeyPerson, Visit
from fazhi.grids.params import OUTSIDE_GRID, REPLAYED

from .conftest import DAY, counts, make_person, visit

pytestmark = pytest.mark.django_db
QUEUE = {"HTTP_X_FAZHI_QUEUE": "1"}


def _form(person, key=None, **kw):
    return {
        "person": person.pk,
        "client_key": str(key or uuid.uuid4()),
        "visited_on": kw.pop("visited_on", DAY.isoformat()),
        "mode": kw.pop("mode", "phone"),
        "situation": kw.pop("situation", "电话联系,近况平稳。"),
        **kw,
    }


def test_a_queued_visit_sent_twice_is_stored_once(login, people, person):
    client = login(people.grid_worker)
    url = reverse("grids:visit_create")
    key = uuid.uuid4()
    first = client.post(url, _form(person, key), **QUEUE)
    assert first.status_code == 201
    assert first.json()["message"] == "走访已登记"
    before = counts()
    for _ in range(2):
        again = client.post(url, _form(person, key), **QUEUE)
        assert again.status_code == 200
        assert again.json()["message"] == REPLAYED
        assert again.json()["url"] == first.json()["url"]
    assert counts() == before and Visit.objects.filter(client_key=key).count() == 1


def test_a_double_submitted_page_shows_the_stored_visit(login, people, person):
    client = login(people.grid_worker)
    key = uuid.uuid4()
    response = client.post(reverse("grids:visit_create"), _form(person, key))
    assert response.status_code == 302
    again = client.post(reverse("grids:visit_create"), _form(person, key))
    assert again.status_code == 200
    assert "该走访已提交" in again.content.decode()
    assert Visit.objects.count() == 1


def test_another_grids_person_is_refused_on_the_page_and_in_the_queue(login, people, other_person):
    client = login(people.grid_worker)
    before = counts()
    page = client.post(reverse("grids:visit_create"), _form(other_person))
    assert page.status_code == 400 and OUTSIDE_GRID in page.content.decode()
    queued = client.post(reverse("grids:visit_create"), _form(other_person), **QUEUE)
    assert queued.status_code == 400 and queued.json()["message"] == OUTSIDE_GRID
    assert counts() == before


def test_csrf_still_holds_for_the_queue(people, person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.grid_worker)
    before = counts()
    response = client.post(reverse("grids:visit_create"), _form(person), **QUEUE)
    assert response.status_code == 403
    assert counts() == before


def test_an_expired_session_is_sent_to_login_and_nothing_is_written(client, person):
    before = counts()
    response = client.post(reverse("grids:visit_create"), _form(person), **QUEUE)
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert counts() == before


def test_the_form_page_carries_the_token_the_key_field_and_the_script(login, people, person):
    body = (
        login(people.grid_worker)
        .get(reverse("grids:visit_create") + f"?person={person.pk}")
        .content.decode()
    )
    assert "csrfmiddlewaretoken" in body and 'name="client_key"' in body
    assert "grids/visit-form.js" in body and 'id="fz-grids-queue"' in body
    assert "<script>" not in body  # CSP: no inline script


def test_the_visit_page_links_to_dispute_registration(login, people, person):
    v, _ = visit(people.grid_worker, person, situation="与邻居因宅基地边界争执")
    body = login(people.grid_worker).get(reverse("grids:visit_detail", args=[v.pk])).content
    href = body.decode().split('data-testid="dispute-create"')[0].rsplit('href="', 1)[1]
    href = href.split('"')[0].replace("&amp;", "&")
    parsed = urlparse(href)
    assert parsed.path == reverse("disputes:dispute_create")
    assert parse_qs(parsed.query) == {
        "source": ["grid_visit"],
        "visit": [str(v.pk)],
        "org_unit": [str(v.org_unit_id)],
        "summary": ["与邻居因宅基地边界争执"],
    }


@pytest.mark.parametrize("role", ["supervisor", "leader", "adviser", "cadre", "resident"])
def test_key_persons_are_unreadable_to_roles_that_do_not_visit(login, people, person, role):
    v, _ = visit(people.grid_worker, person)
    client = login(getattr(people, role))
    for url in (
        reverse("grids:person_list"),
        reverse("grids:person_detail", args=[person.pk]),
        reverse("grids:visit_detail", args=[v.pk]),
        reverse("grids:visit_list"),
        "/api/v1/grids/persons",
        f"/api/v1/grids/persons/{person.pk}",
        "/api/v1/grids/visits",
        f"/api/v1/grids/visits/{v.pk}",
    ):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert "陈阿婆" not in response.content.decode()


def test_lists_exclude_persons_of_other_grids_and_towns(login, people, person, other_person):
    worker = login(people.grid_worker)
    names = worker.get(reverse("grids:person_list")).content.decode()
    assert "陈阿婆" in names and "王大伯" not in names
    data = worker.get("/api/v1/grids/persons").json()
    assert [p["name"] for p in data["items"]] == ["陈阿婆"]
    assert (
        data["items"][0]["id_number_masked"].startswith("339")
        and "*" in data["items"][0]["id_number_masked"]
    )
    worker.logout()
    town_b = login(people.officer_b).get("/api/v1/grids/persons").json()
    assert town_b == {"count": 0, "items": []}
    cadre = login(people.village_cadre).get("/api/v1/grids/persons").json()
    assert {p["name"] for p in cadre["items"]} == {"陈阿婆", "王大伯"}


def test_the_api_records_a_visit_once_per_key(login, people, person):
    client = login(people.grid_worker)
    body = {"person_id": person.pk, "visited_on": "2025-03-03", "mode": "talk",
            "situation": "约谈了解情况", "client_key": str(uuid.uuid4())}  # fmt: skip
    first = client.post("/api/v1/grids/visits", json.dumps(body), content_type="application/json")
    assert first.status_code == 201, first.content
    again = client.post("/api/v1/grids/visits", json.dumps(body), content_type="application/json")
    assert again.status_code == 200 and again.json()["message"] == REPLAYED
    assert Visit.objects.count() == 1


def test_the_person_page_states_its_purpose_and_masks_the_id(login, people, person):
    body = (
        login(people.grid_worker)
        .get(reverse("grids:person_detail", args=[person.pk]))
        .content.decode()
    )
    assert "个人信息保护法第二十八条" in body and "处理目的" in body
    assert person.id_number not in body and "13905809999" not in body


def _persons(people, tree, n, on_day):
    on_day(DAY)
    for i in range(n):
        p = make_person(people.grid_worker, tree.grid_a1, tree.town_a, seq=100 + i, name=f"人员{i}")
        visit(people.grid_worker, p)


def test_list_query_counts_are_flat(login, people, tree, grids, on_day, count_queries):
    client = login(people.grid_worker)
    _persons(people, tree, 10, on_day)
    small = [
        count_queries(lambda u=u: client.get(u))
        for u in (reverse("grids:person_list"), reverse("grids:visit_list"))
    ]
    _persons_more = [make_person(people.grid_worker, tree.grid_a1, tree.town_a, seq=200 + i, name=f"乙{i}")
                     for i in range(90)]  # fmt: skip
    for p in _persons_more:
        visit(people.grid_worker, p)
    large = [
        count_queries(lambda u=u: client.get(u))
        for u in (reverse("grids:person_list"), reverse("grids:visit_list"))
    ]
    assert small == large
    assert max(large) <= 12


def test_the_compliance_page_shows_rates_without_persons(login, people, tree, person, on_day):
    on_day(date(2025, 7, 1))
    visit(people.grid_worker, person, visited_on=date(2025, 5, 20))  # on time (due 6-3)
    client = login(people.leader)
    body = client.get(
        reverse("grids:compliance") + "?start=2025-01-01&end=2025-06-30"
    ).content.decode()
    assert "东岙一网格" in body and "100.0%" in body and "陈阿婆" not in body
    api = client.get("/api/v1/grids/compliance?start=2025-01-01&end=2025-06-30").json()
    grid = next(g for g in api["grids"] if g["org_unit"] == "东岙一网格")
    assert (grid["due"], grid["on_time"], grid["visits"]) == (1, 1, 1)


def test_an_unvisited_overdue_person_lowers_the_rate(people, tree, person, other_person, on_day):
    from fazhi.grids.selectors import compliance

    on_day(date(2025, 7, 1))
    visit(people.village_cadre, other_person, visited_on=date(2025, 5, 20))
    rates = compliance([tree.grid_a1], date(2025, 1, 1), date(2025, 6, 30))
    r = rates[tree.grid_a1.pk]
    assert (r.due, r.on_time, r.rate) == (1, 0, 0.0)  # 陈阿婆 was due 6-3, never visited


def test_workbench_lists_overdue_visits_nearest_first(login, people, tree, person, on_day):
    from fazhi.grids.deadlines import pending_items

    on_day(date(2025, 6, 10))
    items = pending_items(people.grid_worker, date(2025, 6, 10))
    assert [i.due for i in items] == [date(2025, 6, 3)]
    assert items[0].level == "danger" and "overdue" in items[0].list_url
    assert "陈**" in items[0].title
    assert pending_items(people.leader, date(2025, 6, 10)) == []
    body = login(people.grid_worker).get("/").content.decode()
    assert "重点人员走访逾期" in body


def test_audit_labels_cover_every_verb(people, person):
    from fazhi.core.audit import VERB_LABELS

    visit(people.grid_worker, person)
    verbs = set(AuditEvent.objects.filter(verb__startswith="grids_").values_list("verb", flat=True))
    assert verbs and all(v in VERB_LABELS for v in verbs)
    assert KeyPerson.objects.count() == 1


def test_the_county_sees_one_row_per_town_and_opens_a_towns_grids(
    login, people, tree, person, on_day
):
    from fazhi.core.models import OrgUnit

    OrgUnit.objects.create(
        kind="grid", code="339901102201001", name="青山一网格", parent=tree.village_b1
    )
    on_day(date(2025, 7, 1))
    visit(people.grid_worker, person, visited_on=date(2025, 5, 20))
    client = login(people.supervisor)
    url = reverse("grids:compliance") + "?start=2025-01-01&end=2025-06-30"
    county = client.get(url)
    body = county.content.decode()
    assert body.count('data-testid="town-row"') == 2 and "海屿镇" in body and "青山镇" in body
    assert "东岙一网格" not in body and 'data-testid="snapshot"' in body
    assert (county.context["total"].due, county.context["total"].on_time) == (1, 1)
    town = client.get(url + f"&town={tree.town_a.pk}")
    assert town.status_code == 200 and "东岙一网格" in town.content.decode()
    assert (
        town.context["total"].rate == 100.0 and 'data-testid="to-county"' in town.content.decode()
    )
    # A town outside the county, or not a town at all: not found, as elsewhere.
    assert client.get(url + f"&town={tree.other_town.pk}").status_code == 404
    assert client.get(url + "&town=abc").status_code == 404
    # The API alike: towns (and when counted) without town_id, a town's grids with it.
    api = client.get("/api/v1/grids/compliance?start=2025-01-01&end=2025-06-30").json()
    assert [t["org_unit"] for t in api["towns"]] == ["海屿镇", "青山镇"] and api["grids"] == []
    assert api["towns"][0]["due"] == 1 and api["counted_at"]
    one = client.get(
        f"/api/v1/grids/compliance?start=2025-01-01&end=2025-06-30&town_id={tree.town_a.pk}"
    ).json()
    names = [g["org_unit"] for g in one["grids"]]
    assert "东岙一网格" in names and "青山一网格" not in names and one["towns"] == []
    assert one["counted_at"] is None
    assert client.get(f"/api/v1/grids/compliance?town_id={tree.other_town.pk}").status_code == 404
    # The town's own leader still sees its villages and grids, with no town rows.
    own = login(people.leader).get(url).content.decode()
    assert 'data-testid="town-row"' not in own and "东岙一网格" in own
