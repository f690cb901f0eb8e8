"""Pages and API of 规范性文件: the whole loop through the pages and through the API,
bad input answered in Chinese with nothing written, flat query counts, the ledger."""

from __future__ import annotations

import json
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core.models import AuditEvent
from fazhi.documents import services
from fazhi.documents.models import Document, Filing
from fazhi.reviews.selectors import active_review

from .helpers import all_ok, conclude, make_document

pytestmark = pytest.mark.django_db


def _post(client, name, data=None, **kwargs):
    return client.post(reverse(name, kwargs=kwargs), data or {})


def test_page_loop_officer_adviser_leader_county(people, login, client):
    """Officer drafts and moves the document through the pages; the adviser concludes;
    the leader records the deliberation; the officer registers, publishes and files; the
    county returns it; the town completes; the county accepts."""
    c = login(people.officer)
    r = c.post(reverse("documents:document_create"),
               {"title": "海屿镇渔港管理办法", "issuer": "government", "body": "第一条 为规范管理。"})  # fmt: skip
    assert r.status_code == 302
    doc = Document.objects.get()
    start = date.today() - timedelta(days=20)
    r = _post(c, "documents:document_transition", {"open_comment-comment_start": start,
              "open_comment-comment_channel": "镇政府网站"}, pk=doc.pk, verb="open_comment")  # fmt: skip
    doc.refresh_from_db()
    assert doc.status == "public_comment", r
    r = _post(c, "documents:document_transition", {
        "close_comment-comment_end": date.today(),
        "close_comment-reviewer": people.adviser.pk}, pk=doc.pk, verb="close_comment")  # fmt: skip
    doc.refresh_from_db()
    assert doc.status == "legality_review"
    page = c.get(doc.get_absolute_url())
    assert "审核中" in page.content.decode()
    conclude(people.adviser, doc)
    _post(c, "documents:document_transition", pk=doc.pk, verb="submit_deliberation")
    c = login(people.leader)
    _post(c, "documents:document_transition", {"record_deliberation-meeting": "镇政府常务会议",
          "record_deliberation-meeting_date": date.today(),
          "record_deliberation-decision": "passed"}, pk=doc.pk, verb="record_deliberation")  # fmt: skip
    c = login(people.officer)
    _post(c, "documents:document_transition", pk=doc.pk, verb="register")
    doc.refresh_from_db()
    assert doc.number == f"海屿镇政规〔{date.today().year}〕1号"
    _post(c, "documents:document_transition", {
        "publish-published_on": date.today(), "publish-publish_channel": "镇政府网站",
        "publish-effective_from": date.today() + timedelta(days=30),
        "publish-valid_until": date.today() + timedelta(days=700)}, pk=doc.pk, verb="publish")  # fmt: skip
    doc.refresh_from_db()
    assert doc.status == "published"
    assert "报送县级备案" in c.get(doc.get_absolute_url()).content.decode()
    r = _post(c, "documents:filing_submit", {"materials": "备案报告"}, pk=doc.pk)
    filing = Filing.objects.get()
    assert filing.on_time
    c = login(people.supervisor)
    assert doc.title in c.get(reverse("documents:filing_list")).content.decode()
    _post(c, "documents:filing_transition", {"note": "缺少制定说明"}, pk=filing.pk, verb="return")
    filing.refresh_from_db()
    assert filing.status == "returned"
    c = login(people.officer)
    _post(
        c, "documents:filing_transition", {"note": "已补充制定说明"}, pk=filing.pk, verb="resubmit"
    )
    c = login(people.supervisor)
    _post(c, "documents:filing_transition", {"note": "准予备案"}, pk=filing.pk, verb="accept")
    filing.refresh_from_db()
    assert filing.status == "accepted" and not filing.conforming
    body = c.get(reverse("documents:filing_detail", args=[filing.pk])).content.decode()
    for label in ("报送备案", "退回补正", "补正后重新报送", "准予备案"):
        assert label in body


def test_refusal_on_page_is_flashed_and_changes_nothing(people, login):
    doc = make_document(people, until="deliberation")
    c = login(people.officer)
    events = AuditEvent.objects.count()
    r = _post(c, "documents:document_transition", pk=doc.pk, verb="register")
    assert r.status_code == 302
    follow = c.get(r["Location"]).content.decode()
    assert "未经集体审议决定,不得登记编号" in follow
    doc.refresh_from_db()
    assert doc.status == "deliberation" and not doc.number
    assert AuditEvent.objects.count() == events


def test_create_form_shows_field_errors(people, login):
    c = login(people.officer)
    r = c.post(reverse("documents:document_create"), {"title": "", "issuer": "coordination"})
    assert r.status_code == 400
    assert not Document.objects.exists()


def test_list_query_count_is_flat(people, login, count_queries):
    c = login(people.officer)
    url = reverse("documents:document_list")

    def make(n):
        Document.objects.bulk_create(
            [Document(org_unit=people.officer.units_for({"law_officer"})[0], issuer="government",
                      title=f"文件{i}", created_by=people.officer) for i in range(n)]
        )  # fmt: skip

    make(10)
    c.get(url)  # warm caches
    ten = count_queries(lambda: c.get(url))
    make(90)
    hundred = count_queries(lambda: c.get(url))
    assert hundred == ten


def test_filing_list_query_count_is_flat(people, login, count_queries):
    docs = [make_document(people, until="published", title=f"办法{i}") for i in range(3)]
    for d in docs[:2]:
        services.filing_submit(actor=people.officer, document=d)
    c = login(people.supervisor)
    url = reverse("documents:filing_list")
    c.get(url)
    few = count_queries(lambda: c.get(url))
    services.filing_submit(actor=people.officer, document=docs[2])
    assert count_queries(lambda: c.get(url)) == few


def test_export_ledger(people, login):
    doc = make_document(people, until="published")
    c = login(people.supervisor)
    r = c.get(reverse("documents:document_export"))
    assert r.status_code == 200
    ws = load_workbook(BytesIO(r.content)).active
    rows = list(ws.values)
    assert rows[0][0] == "文号"
    assert rows[1][0] == doc.number and rows[1][17] == "未报备"
    assert AuditEvent.objects.filter(verb="document.export").exists()


def _api(client, method, path, data=None):
    return getattr(client, method)(
        f"/api/v1{path}", data=json.dumps(data or {}), content_type="application/json"
    )


def test_api_loop(people, login):
    c = login(people.officer)
    r = _api(
        c, "post", "/documents", {"title": "海屿镇民宿管理暂行办法", "body": "第一条 为规范。"}
    )
    assert r.status_code == 201, r.content
    doc_id = r.json()["id"]
    assert r.json()["available"]
    start = (date.today() - timedelta(days=20)).isoformat()
    r = _api(c, "post", f"/documents/{doc_id}/transitions/open_comment",
             {"comment_start": start, "comment_channel": "网站"})  # fmt: skip
    assert r.json()["status"] == "public_comment", r.content
    r = _api(c, "post", f"/documents/{doc_id}/transitions/close_comment",
             {"comment_end": date.today().isoformat(), "reviewer_id": people.adviser.pk})  # fmt: skip
    assert r.status_code == 200, r.content
    doc = Document.objects.get(pk=doc_id)
    from fazhi.reviews.services import review_conclude

    review_conclude(actor=people.adviser, review=active_review(doc), opinion="经审核,内容合法,程序完备。",
                    conclusion="passed", checklist=all_ok())  # fmt: skip
    _api(c, "post", f"/documents/{doc_id}/transitions/submit_deliberation")
    lc = login(people.leader)
    r = _api(lc, "post", f"/documents/{doc_id}/transitions/record_deliberation",
             {"meeting": "常务会议", "meeting_date": date.today().isoformat(), "decision": "passed"})  # fmt: skip
    assert r.status_code == 200, r.content
    c = login(people.officer)
    r = _api(c, "post", f"/documents/{doc_id}/transitions/register", {"number": "手填〔2025〕1号"})
    assert r.status_code == 400 and "不得手工填写" in r.json()["message"]
    r = _api(c, "post", f"/documents/{doc_id}/transitions/register")
    assert r.json()["serial"] == 1
    today = date.today()
    r = _api(c, "post", f"/documents/{doc_id}/transitions/publish", {
        "published_on": today.isoformat(), "publish_channel": "网站",
        "effective_from": today.isoformat(), "valid_until": (today + timedelta(days=900)).isoformat()})  # fmt: skip
    assert r.status_code == 400 and "暂行" in r.json()["message"]
    r = _api(c, "post", f"/documents/{doc_id}/transitions/publish", {
        "published_on": today.isoformat(), "publish_channel": "网站", "urgent_reason": "台风季前须施行",
        "effective_from": today.isoformat(), "valid_until": (today + timedelta(days=700)).isoformat()})  # fmt: skip
    assert r.json()["status"] == "in_force", r.content
    assert r.json()["filing_due"]
    r = _api(c, "post", f"/documents/{doc_id}/filing", {})
    assert r.status_code == 201, r.content
    filing_id = r.json()["id"]
    sc = login(people.supervisor)
    r = _api(sc, "post", f"/filings/{filing_id}/transitions/order_correction",
             {"order_kind": "correct", "note": "第三条增加义务无依据"})  # fmt: skip
    assert r.json()["status"] == "correction_ordered", r.content
    assert r.json()["correction_due"]
    c = login(people.officer)
    r = _api(c, "post", f"/filings/{filing_id}/transitions/report_revoked", {"note": "x"})
    assert r.status_code == 400 and "纠正" in r.json()["message"]
    r = _api(
        c, "post", f"/filings/{filing_id}/transitions/report_corrected", {"note": "已删除第三条"}
    )
    assert r.json()["status"] == "submitted"
    sc = login(people.supervisor)
    _api(sc, "post", f"/filings/{filing_id}/transitions/accept", {"note": "准予备案"})
    r = sc.get(f"/api/v1/filings/rates?year={today.year}")
    row = next(x for x in r.json() if x["unit"] == "海屿镇")
    assert (row["published"], row["filed"], row["reviewed"], row["conforming"]) == (1, 1, 1, 0)
    assert row["corrections_ordered"] == 1 and row["corrections_done"] == 1
    assert sc.get(f"/api/v1/documents/{doc_id}").json()["timeline"]


@pytest.mark.parametrize(
    "payload",
    [
        {"title": ""},
        {"title": "x" * 201},
        {"title": "某办法", "issuer": "leading_group"},
        {"title": "某办法", "number": "海屿镇政规〔2025〕3号"},
        {"title": "某办法", "unknown": 1},
        {"title": "a\x00b"},
    ],
)
def test_api_bad_input_is_4xx_in_chinese_and_writes_nothing(people, login, payload):
    c = login(people.officer)
    r = _api(c, "post", "/documents", payload)
    assert 400 <= r.status_code < 500
    assert r.json()["message"]
    assert not Document.objects.exists()


def test_api_bad_transition_input(people, login):
    doc = make_document(people, until="public_comment")
    c = login(people.officer)
    for verb, data in [
        ("close_comment", {"comment_end": "2025-13-01"}),
        ("close_comment", {"comment_count": -1}),
        ("close_comment", {"reviewer_id": 999999}),
        ("nope", {}),
        ("close_comment", {"reviewer_id": 2**70}),
    ]:
        r = _api(c, "post", f"/documents/{doc.pk}/transitions/{verb}", data)
        assert 400 <= r.status_code < 500, (verb, data, r.content)
    doc.refresh_from_db()
    assert doc.status == "public_comment"


def test_filing_before_publication_refused(people, login):
    doc = make_document(people, until="registered")
    c = login(people.officer)
    r = _api(c, "post", f"/documents/{doc.pk}/filing", {})
    assert r.status_code == 400 and "未公布的规范性文件不得报送备案" in r.json()["message"]
    assert not Filing.objects.exists()


def test_detail_page_of_each_stage_renders(people, login):
    for stage in ("draft", "legality_review", "deliberation", "registered", "published"):
        doc = make_document(people, until=stage, title=f"{stage}办法")
        for user in (people.officer, people.leader, people.supervisor, people.adviser):
            r = login(user).get(doc.get_absolute_url())
            assert r.status_code == 200


def test_detail_page_says_whether_a_fair_competition_review_is_needed(people, login):
    """Given two drafts, one touching business and one not, then each detail page says
    plainly whether the fair-competition review applies."""
    plain = make_document(people, title="内部管理办法")
    business = make_document(people, title="民宿扶持措施", touches_business=True)
    c = login(people.officer)
    assert "<dd class=\"col-sm-8\">否</dd>" in c.get(plain.get_absolute_url()).content.decode()
    assert "是(须进行公平竞争审查)" in c.get(business.get_absolute_url()).content.decode()
