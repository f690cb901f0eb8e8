"""The pages of 法治建设旬报: the list with the periods awaiting a report, drafting,
editing with field errors, submitting and returning through the buttons, the matrix, the
.docx; flat query counts from 10 to 100 reports; API routes."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.urls import reverse

from fazhi.tenday.models import TenDayReport
from fazhi.tenday.periods import periods_between

from .conftest import draft, snapshot, submit

pytestmark = pytest.mark.django_db


def test_the_officer_drafts_edits_and_submits_through_the_pages(people, tree, login, on_day):
    on_day(date(2025, 3, 11))
    client = login(people.officer)
    page = client.get(reverse("tenday:report_list"))
    assert page.status_code == 200
    assert "待起草、待报送的旬报" in page.content.decode()
    assert 'data-testid="draft-2025-03-01"' in page.content.decode()
    response = client.post(
        reverse("tenday:report_create"), {"org_unit": tree.town_a.pk, "period_start": "2025-03-01"}
    )
    report = TenDayReport.objects.get()
    assert response["Location"] == reverse("tenday:report_detail", args=[report.pk])
    edit = reverse("tenday:report_edit", args=[report.pk])
    assert client.get(edit).status_code == 200
    bad = client.post(edit, {"body": "", "problems": "x"})
    assert bad.status_code == 400 and "这个字段是必填项" in bad.content.decode()
    ok = client.post(
        edit, {"body": "一、组织领导\n召开会议1次。", "problems": "", "next_steps": "做好排查"}
    )
    assert ok.status_code == 302
    client.post(reverse("tenday:report_transition", args=[report.pk, "submit"]))
    report.refresh_from_db()
    assert report.status == "submitted" and report.next_steps == "做好排查"
    detail = client.get(reverse("tenday:report_detail", args=[report.pk])).content.decode()
    assert "召开会议1次。" in detail and "报送县级" in detail
    # A second submission through the button is refused with the rule, nothing changes.
    before = snapshot(report)
    response = client.post(
        reverse("tenday:report_transition", args=[report.pk, "submit"]), follow=True
    )
    assert "不得重复报送" in response.content.decode()
    assert snapshot(report) == before
    docx = client.get(reverse("tenday:report_docx", args=[report.pk]))
    assert docx.status_code == 200 and docx["Content-Type"].startswith("application/vnd.openxml")


def test_the_county_returns_from_the_detail_page_and_reads_the_matrix(people, tree, login, on_day):
    on_day(date(2025, 3, 11))
    report = submit(people.officer, draft(people, tree))
    client = login(people.supervisor)
    detail = client.get(reverse("tenday:report_detail", args=[report.pk])).content.decode()
    assert "退回查漏补缺" in detail
    url = reverse("tenday:report_transition", args=[report.pk, "return"])
    response = client.post(url, {"note": ""}, follow=True)
    assert "退回意见(查漏补缺)" in response.content.decode()  # the field's error
    client.post(url, {"note": "请补充矛盾纠纷调处情况"})
    report.refresh_from_db()
    assert report.status == "returned"
    matrix = client.get(reverse("tenday:county_matrix"), {"start": "2025-02", "end": "2025-03"})
    body = matrix.content.decode()
    assert matrix.status_code == 200
    assert 'data-testid="cell-339901101-2025-03-01" data-state="returned"' in body
    assert 'data-testid="cell-339901102-2025-03-01" data-state="due"' in body
    assert (
        client.get(
            reverse("tenday:county_matrix"), {"start": "2025-03", "end": "2025-01"}
        ).status_code
        == 400
    )
    assert (
        client.get(reverse("tenday:county_matrix"), {"start": "2025-13", "end": "x"}).status_code
        == 400
    )


def test_list_and_matrix_query_counts_stay_flat(people, tree, login, on_day, count_queries):
    on_day(date(2025, 12, 31))
    periods = periods_between(date(2024, 1, 1), date(2025, 12, 20))

    def make(n):
        TenDayReport.objects.all().delete()
        TenDayReport.objects.bulk_create(
            TenDayReport(org_unit=town, period_start=p.start, period_end=p.end, due_on=p.end,
                         status="submitted", first_submitted_on=p.end, submitted_on=p.end,
                         created_by=people.officer)
            for town in (tree.town_a, tree.town_b) for p in periods[: n // 2]
        )  # fmt: skip

    client = login(people.supervisor)
    counts = []
    for n in (10, 100):
        make(n)
        counts.append(
            (
                count_queries(lambda: client.get(reverse("tenday:report_list"))),
                count_queries(
                    lambda: client.get(
                        reverse("tenday:county_matrix"), {"start": "2025-01", "end": "2025-12"}
                    )
                ),
                count_queries(lambda: client.get("/api/v1/tenday/reports?limit=100")),
            )
        )
    assert counts[0] == counts[1]


def test_the_api_drafts_submits_returns_and_shows_the_matrix(people, tree, login, on_day):
    on_day(date(2025, 3, 11))
    client = login(people.officer)
    created = client.post(
        "/api/v1/tenday/reports",
        json.dumps({"org_unit_id": tree.town_a.pk, "period_start": "2025-03-01"}),
        content_type="application/json",
    )
    assert created.status_code == 201
    rid = created.json()["id"]
    assert created.json()["title"] == "海屿镇法治建设旬报(2025年3月上旬)"
    put = client.put(
        f"/api/v1/tenday/reports/{rid}",
        json.dumps({"body": "一、组织领导\n召开会议1次。", "next_steps": "继续"}),
        content_type="application/json",
    )
    assert put.status_code == 200 and put.json()["next_steps"] == "继续"
    sub = client.post(
        f"/api/v1/tenday/reports/{rid}/transitions/submit", "{}", content_type="application/json"
    )
    assert sub.status_code == 200 and sub.json()["status"] == "submitted"
    again = client.post(
        f"/api/v1/tenday/reports/{rid}/transitions/submit", "{}", content_type="application/json"
    )
    assert again.status_code == 400 and "不得重复报送" in again.json()["message"]
    early = client.post(
        "/api/v1/tenday/reports",
        json.dumps({"org_unit_id": tree.town_a.pk, "period_start": "2025-03-21"}),
        content_type="application/json",
    )
    assert early.status_code == 400 and "尚未开始" in early.json()["message"]
    supervisor = login(people.supervisor)
    ret = supervisor.post(
        f"/api/v1/tenday/reports/{rid}/transitions/return",
        json.dumps({"note": "补充"}),
        content_type="application/json",
    )
    assert ret.status_code == 200 and ret.json()["return_count"] == 1
    assert [s["label"] for s in ret.json()["timeline"]] == ["起草旬报", "报送县级", "退回查漏补缺"]
    matrix = supervisor.get("/api/v1/tenday/matrix?start=2025-03-01&end=2025-03-31").json()
    assert matrix[0]["cells"][0]["state"] == "returned"
    assert len(matrix[0]["cells"]) == 3


def test_search_and_the_ledger_export(people, tree, login, on_day):
    from io import BytesIO

    from openpyxl import load_workbook

    from fazhi.core.models import AuditEvent
    from fazhi.tenday import services

    on_day(date(2025, 3, 21))
    a = draft(people, tree)
    services.report_update(actor=people.officer, report=a, body="一、基层治理\n排查渔港纠纷3起。")
    b = draft(people, tree, start=date(2025, 3, 11))
    client = login(people.supervisor)
    found = client.get(reverse("tenday:report_list"), {"q": "渔港"}).content.decode()
    assert reverse("tenday:report_detail", args=[a.pk]) in found
    assert reverse("tenday:report_detail", args=[b.pk]) not in found
    api = client.get("/api/v1/tenday/reports", {"q": "渔港"}).json()
    assert [r["id"] for r in api["items"]] == [a.pk]
    response = client.get(reverse("tenday:report_export"), {"q": "渔港"})
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[-1][0] == "海屿镇" and rows[-1][1] == "2025年3月上旬"
    assert len([r for r in rows if r[0] == "海屿镇"]) == 1
    assert AuditEvent.objects.filter(verb="tenday_report.export").count() == 1
