"""The pages and API of 重大行政决策: lists flat in queries, the detail page at every
step, refusals shown on the form with nothing written, the public catalogue without a
login, the archive download, and the legality review's due date on the 2024 calendar."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta

import pytest
from django.urls import reverse

from fazhi.core import clock
from fazhi.decisions import services
from fazhi.decisions.models import Catalogue, Decision, Expert

from .conftest import (
    decided,
    published_catalogue,
    record_risk,
    run,
    snapshot,
    through_expert,
    through_participation,
    to_discussion,
)

pytestmark = pytest.mark.django_db


def test_list_query_count_is_flat(people, tree, login, count_queries):
    cat = services.catalogue_create(
        actor=people.officer, org_unit=tree.town_a, year=clock.today().year
    )
    client = login(people.officer)
    url = reverse("decisions:decision_list")

    def add(n):
        for i in range(n):
            services.decision_create(
                actor=people.officer,
                catalogue=cat,
                title=f"事项{i}",
                category="policy",
                undertaker="镇政府",
            )

    add(10)
    ten = count_queries(lambda: client.get(url))
    add(90)
    hundred = count_queries(lambda: client.get(url + "?page=5"))
    assert ten == hundred and ten <= 12


def test_detail_at_every_step_and_archive_download(people, tree, fake, login):
    d = decided(people, tree, fake)
    client = login(people.officer)
    page = client.get(reverse("decisions:decision_detail", args=[d.pk])).content.decode()
    assert "副镇长甲 → 副镇长乙 → 镇长" in page and "公布决策" in page
    client.post(
        reverse("decisions:decision_transition", args=[d.pk, "publish"]),
        {
            "publish-published_on": clock.today().isoformat(),
            "publish-publish_channel": "镇政府网站",
        },
    )
    client.post(reverse("decisions:decision_transition", args=[d.pk, "archive"]))
    d.refresh_from_db()
    assert d.status == Decision.Status.ARCHIVED
    resp = login(people.supervisor).get(reverse("decisions:archive_download", args=[d.pk]))
    assert resp.status_code == 200 and resp["Content-Type"] == "application/zip"
    assert "案卷目录.txt" in zipfile.ZipFile(io.BytesIO(resp.content)).namelist()


def test_expert_with_conflict_on_the_page(people, tree, fake, login):
    _cat, d = published_catalogue(people, tree)
    d = through_participation(people, d, fake)
    client = login(people.officer)
    before = snapshot(d)
    resp = client.post(
        reverse("decisions:expert_add", args=[d.pk]),
        {"name": "李工", "field": "港口工程", "opinion": "同意", "conflict": "declared"},
    )
    assert resp.status_code == 400
    assert "第二十条" in resp.content.decode()
    assert snapshot(d) == before and Expert.objects.count() == 0


def test_chief_not_last_on_the_page(people, tree, fake, login):
    d = to_discussion(people, tree, fake)
    client = login(people.leader)
    before = snapshot(d)
    resp = client.post(
        reverse("decisions:discussion_record", args=[d.pk]),
        {
            "meeting_name": "常务会议",
            "meeting_date": clock.today().isoformat(),
            "attendees": "镇长、副镇长甲",
            "speaking_order": "镇长、副镇长甲",
            "chief": "镇长",
        },
    )
    assert resp.status_code == 400 and "行政首长须最后发表意见" in resp.content.decode()
    assert snapshot(d) == before


def test_transition_refusal_is_flashed_and_changes_nothing(people, tree, fake, login):
    _cat, d = published_catalogue(people, tree)
    d = through_expert(people, through_participation(people, d, fake))
    client = login(people.officer)
    before = snapshot(d)
    resp = client.post(
        reverse("decisions:decision_transition", args=[d.pk, "submit_review"]),
        {"submit_review-reviewer": people.adviser.pk},
        follow=True,
    )
    assert "第二十二条" in resp.content.decode()
    assert snapshot(d) == before


def test_public_catalogue_needs_no_login(people, tree, client):
    cat, d = published_catalogue(people, tree)
    resp = client.get(reverse("decisions:public_catalogue", args=[tree.town_a.code, cat.year]))
    body = resp.content.decode()
    assert resp.status_code == 200 and d.title in body and "尚未启动" in body
    draft = services.catalogue_create(actor=people.officer, org_unit=tree.town_a, year=cat.year - 1)
    assert (
        client.get(
            reverse("decisions:public_catalogue", args=[tree.town_a.code, draft.year])
        ).status_code
        == 404
    )
    api = client.get(f"/api/v1/public/decision-catalogues/{tree.town_a.code}/{cat.year}")
    assert api.status_code == 200 and api.json()["items"][0]["title"] == d.title


def test_catalogue_pages(people, tree, login):
    client = login(people.officer)
    year = clock.today().year
    resp = client.post(reverse("decisions:catalogue"), {"year": year})
    cat = Catalogue.objects.get()
    assert resp.status_code == 302
    resp = client.post(
        reverse("decisions:catalogue_detail", args=[cat.pk]),
        {"title": "渔港整治", "category": "project", "undertaker": "镇建设办", "body": "第一条 ……"},
    )
    assert resp.status_code == 302 and cat.decisions.count() == 1
    again = client.post(reverse("decisions:catalogue"), {"year": year})
    assert again.status_code == 400 and "已存在" in again.content.decode()
    login(people.leader).post(reverse("decisions:catalogue_transition", args=[cat.pk, "adopt"]))
    cat.refresh_from_db()
    assert cat.status == Catalogue.Status.ADOPTED


def test_api_transition_refusal(people, tree, fake, client):
    _cat, d = published_catalogue(people, tree)
    client.force_login(people.officer)
    start = clock.today()
    resp = client.post(
        f"/api/v1/decisions/{d.pk}/transitions/start_participation",
        {"starts_on": start.isoformat(), "ends_on": (start + timedelta(days=10)).isoformat()},
        content_type="application/json",
    )
    assert resp.status_code == 400 and "第十五条" in resp.json()["message"]
    detail = client.get(f"/api/v1/decisions/{d.pk}").json()
    assert detail["status"] == "draft" and len(detail["gates"]) == 5


def test_legality_review_due_counts_working_days_over_national_day(people, tree, fake, on_day):
    on_day(date(2024, 9, 27))  # a Friday; 29 Sep and 12 Oct 2024 are 调休 working days
    _cat, d = published_catalogue(people, tree)
    d = through_expert(people, through_participation(people, d, fake))
    record_risk(people, d)
    d = run(people.officer, d, "submit_review", reviewer=people.adviser)
    assert d.next_due == date(2024, 10, 12)
