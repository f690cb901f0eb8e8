"""Validity reminders and filing deadlines on the workbench, automatic entry into force and
expiry by `tick`, clean-up batches, report figures, and the demo year of 海屿镇."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse

from fazhi.core.models import AuditEvent, StatusChange
from fazhi.core.permissions import ServiceError
from fazhi.documents import deadlines, services, summary, tick
from fazhi.documents.models import CleanupBatch, Document, Filing

from .helpers import make_document

pytestmark = pytest.mark.django_db
T = services.document_transition


def _publish(people, doc, published, effective, valid_until):
    return T(actor=people.officer, obj=doc, verb="publish", on=published, published_on=published,
             publish_channel="网站", effective_from=effective, valid_until=valid_until)  # fmt: skip


def test_tick_brings_into_force_and_expires_idempotently(people):
    today = date.today()
    doc = make_document(people, until="registered")
    _publish(people, doc, today - timedelta(days=40), today - timedelta(days=10),
             today - timedelta(days=1))  # fmt: skip
    doc.refresh_from_db()
    assert doc.status == "published"
    done = tick.run(today)
    doc.refresh_from_db()
    assert doc.status == "expired" and doc.ended_on == today
    assert len(done) == 2
    assert tick.run(today) == []
    labels = list(StatusChange.objects.filter(object_id=doc.pk, content_type__model="document")
                  .values_list("label", flat=True))  # fmt: skip
    assert labels[-2:] == ["到期自动施行", "有效期届满自动失效"]
    call_command("tick", "--today", today.isoformat())  # the command runs it too


def test_expiry_reminder_and_filing_deadline_on_workbench(people, login):
    today = date.today()
    doc = make_document(people, until="registered")
    _publish(people, doc, today - timedelta(days=3), today + timedelta(days=30),
             today + timedelta(days=100))  # fmt: skip
    items = deadlines.pending_items(people.officer, today)
    titles = [i.title for i in items]
    assert any(t.startswith("报送备案") for t in titles)
    assert any("有效期即将届满" in t for t in titles)
    due = next(i.due for i in items if i.title.startswith("报送备案"))
    assert due >= today - timedelta(days=3) + timedelta(days=15)
    assert deadlines.pending_items(people.officer_b, today) == []
    services.filing_submit(actor=people.officer, document=doc)
    county = deadlines.pending_items(people.supervisor, today)
    assert any(i.title.startswith("备案审查") for i in county)
    assert deadlines.pending_items(people.other_supervisor, today) == []
    page = login(people.officer).get(reverse("workbench"))
    assert "有效期即将届满" in page.content.decode()


def test_late_filing_is_recorded_as_not_on_time(people):
    doc = make_document(people, until="published")  # published 40 days ago
    filing = services.filing_submit(actor=people.officer, document=doc)
    assert not filing.on_time and filing.due_date < date.today()


def test_filing_twice_refused(people):
    doc = make_document(people, until="published")
    services.filing_submit(actor=people.officer, document=doc)
    n = AuditEvent.objects.count()
    with pytest.raises(ServiceError, match="不能重复报送"):
        services.filing_submit(actor=people.officer, document=doc)
    assert Filing.objects.count() == 1 and AuditEvent.objects.count() == n


def test_revocation_order_closes_with_repeal(people):
    doc = make_document(people, until="published")
    f = services.filing_submit(actor=people.officer, document=doc)
    with pytest.raises(ServiceError, match="纠错方式"):
        services.filing_transition(actor=people.supervisor, obj=f, verb="order_correction",
                                   note="违法设定义务", order_kind="")  # fmt: skip
    f.refresh_from_db()
    assert f.status == "submitted"
    services.filing_transition(actor=people.supervisor, obj=f, verb="order_correction",
                               note="违法设定义务", order_kind="revoke")  # fmt: skip
    services.filing_transition(actor=people.officer, obj=f, verb="report_revoked", note="已废止")
    f.refresh_from_db()
    doc.refresh_from_db()
    assert f.status == "revoked" and doc.status == "repealed"


def test_only_county_reviews_filings(people):
    doc = make_document(people, until="published")
    f = services.filing_submit(actor=people.officer, document=doc)
    for actor in (people.officer, people.leader):
        with pytest.raises(ServiceError):
            services.filing_transition(actor=actor, obj=f, verb="accept")
    with pytest.raises(ServiceError, match="记录不存在"):
        services.filing_transition(actor=people.other_supervisor, obj=f, verb="accept")
    f.refresh_from_db()
    assert f.status == "submitted"


def test_cleanup_batch(people, login):
    docs = [make_document(people, until="published", title=f"办法{i}") for i in range(4)]
    for d in docs:
        T(actor=people.officer, obj=d, verb="take_effect")
    batch = services.cleanup_create(actor=people.officer, title="2026年度规范性文件清理")
    items = {i.document_id: i for i in batch.items.all()}
    assert set(items) == {d.pk for d in docs}
    with pytest.raises(ServiceError, match="还有4件文件未确定清理结论"):
        services.cleanup_publish(actor=people.officer, batch=batch)
    for d, outcome in zip(docs, ["continue", "amend", "repeal", "invalidate"], strict=True):
        services.cleanup_set_outcome(actor=people.officer, batch=batch, item_id=items[d.pk].pk,
                                     outcome=outcome)  # fmt: skip
    with pytest.raises(ServiceError):
        services.cleanup_set_outcome(actor=people.officer, batch=batch, item_id=items[docs[0].pk].pk,
                                     outcome="burn")  # fmt: skip
    services.cleanup_publish(actor=people.officer, batch=batch)
    statuses = [Document.objects.get(pk=d.pk).status for d in docs]
    assert statuses == ["in_force", "in_force", "repealed", "expired"]
    batch.refresh_from_db()
    assert batch.status == "published"
    with pytest.raises(ServiceError, match="已公布"):
        services.cleanup_set_outcome(actor=people.officer, batch=batch, item_id=items[docs[0].pk].pk,
                                     outcome="repeal")  # fmt: skip
    page = login(people.supervisor).get(reverse("documents:cleanup_detail", args=[batch.pk]))
    assert "宣布失效" in page.content.decode()
    fig = {f.key: f for f in summary.figures(docs[0].org_unit, date.today() - timedelta(days=1),
                                             date.today())}  # fmt: skip
    assert fig["documents.cleaned"].value == 4


def test_figures_for_town_and_county(people, tree):
    today = date.today()
    doc = make_document(people, until="published")
    services.filing_submit(actor=people.officer, document=doc)
    start, end = date(today.year - 1, 1, 1), today
    figs = {f.key: f for f in summary.figures(tree.town_a, start, end)}
    assert figs["documents.reviewed"].value == 1
    assert figs["documents.reviewed"].sentence == "审核行政规范性文件1件"
    assert figs["documents.filed"].value == 1
    county = {f.key: f for f in summary.figures(tree.county, start, end)}
    assert county["documents.reviewed"].value == 1
    other = {f.key: f for f in summary.figures(tree.town_b, start, end)}
    assert other["documents.reviewed"].value == 0


@pytest.mark.parametrize("day", [date(2026, 11, 30), date(2027, 1, 4)])
def test_demo_year(demo_on, day):
    """On any day the demo holds last year complete: its two documents reviewed, one
    returned for completion by the county and accepted (the seed's 审核行政规范性文件2件)."""
    from fazhi.core.demo import ISLAND_TOWN_CODE
    from fazhi.core.models import OrgUnit

    today = demo_on(day)
    town = OrgUnit.objects.get(code=ISLAND_TOWN_CODE)
    docs = {d.title: d for d in Document.objects.filter(org_unit=town)}
    assert len(docs) == 7
    assert docs["海屿镇民宿管理暂行办法"].status == "expired"
    assert docs["海屿镇渔港环境卫生管理办法"].status == "in_force"
    assert docs["海屿镇农村宅基地使用管理办法"].status == "public_comment"
    last = today.year - 1
    year = {f.key: f for f in summary.figures(town, date(last, 1, 1), date(last, 12, 31))}
    reviewed = year["documents.reviewed"].value
    # Two planned in last year; in early January a recent one may fall in it too.
    assert reviewed >= 2 and year["documents.reviewed"].sentence == f"审核行政规范性文件{reviewed}件"
    assert Filing.objects.filter(
        org_unit=town, status="accepted", returned_count=1, submitted_on__year=last
    ).exists()
    officer = town.memberships.get(user__username="officer").user
    titles = [i.title for i in deadlines.pending_items(officer, today)]
    assert any("有效期即将届满" in t for t in titles)
    assert not CleanupBatch.objects.exists()
    started = time.monotonic()
    from fazhi.documents.demo import load_app_demo

    assert load_app_demo() == []  # idempotent
    assert time.monotonic() - started < 1
