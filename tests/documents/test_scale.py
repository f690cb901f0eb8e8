"""规范性文件 at county scale (`fazhi scale-data`): the expected volume, scoped as the demo
accounts expect, every generated row keeping the rules the services enforce, and the
numbering carrying on after it."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.urls import reverse

from fazhi.core import scale
from fazhi.core.deadlines import deadline, is_workday
from fazhi.core.demo import COUNTY_CODE
from fazhi.core.models import User
from fazhi.documents import params, services
from fazhi.documents import scale as documents_scale
from fazhi.documents.models import CleanupBatch, CleanupItem, Document, Filing, NumberCounter
from fazhi.reviews.models import ReviewRequest

from .helpers import make_document

pytestmark = pytest.mark.django_db(transaction=False)
DAY = date(2026, 11, 30)
S = Document.Status
# The states a document reaches only with a passed legality review behind it.
REVIEWED = {S.DELIBERATION, S.REGISTERED, S.PUBLISHED, S.IN_FORCE, S.EXPIRED, S.REVISED,
            S.REPEALED}  # fmt: skip


@pytest.fixture
def grown(demo_county, on_day):
    """The demo, grown at factor 0.1 by core (towns, people) and documents only (the other
    apps' generators are exercised by tests/core/test_scale_data.py). Returns the demo's
    last ids."""
    last = SimpleNamespace(
        document=Document.objects.order_by("-id").values_list("id", flat=True).first() or 0,
        review=ReviewRequest.objects.order_by("-id").values_list("id", flat=True).first() or 0,
    )
    scale.grow(county_code=COUNTY_CODE, factor=0.1, seed=7,
               progress=scale.Progress(stream=StringIO()),
               generators=[scale.generate, documents_scale.generate])  # fmt: skip
    return last


def test_volume_scope_and_pages(grown, login):
    generated = Document.objects.filter(id__gt=grown.document)
    assert generated.count() == round(documents_scale.DOCUMENTS * 0.1)
    officer, supervisor = (User.objects.get(username=u) for u in ("officer", "supervisor"))
    for model in (Document, Filing, CleanupBatch):
        mine = model.objects.visible_to(officer).count()
        county = model.objects.visible_to(supervisor).count()
        assert 0 < mine < county == model.objects.count()
    # This year's documents stand at every stage; past years' are all published.
    this_year = set(generated.filter(created_at__year=DAY.year).values_list("status", flat=True))
    assert {S.PUBLIC_COMMENT, S.LEGALITY_REVIEW, S.DELIBERATION, S.IN_FORCE} <= this_year
    assert this_year & {S.DRAFT, S.FAIR_COMPETITION}
    assert not generated.filter(created_at__year__lt=DAY.year - 1, status__in=services.DRAFTING)
    for user in (officer, supervisor):
        client = login(user)
        for name in ("document_list", "filing_list", "cleanup_list"):
            assert client.get(reverse(f"documents:{name}")).status_code == 200
        # A document of every stage (its available steps check the review behind it), a
        # filing and a clean-up.
        mine = Document.objects.visible_to(user).filter(id__gt=grown.document)
        for status in sorted(set(mine.values_list("status", flat=True))):
            doc = mine.filter(status=status).first()
            assert client.get(doc.get_absolute_url()).status_code == 200, status
        for model in (Filing, CleanupBatch):
            row = model.objects.visible_to(user).order_by("-id").first()
            assert client.get(row.get_absolute_url()).status_code == 200
        assert client.get(reverse("workbench")).status_code == 200


def test_generated_rows_keep_the_rules_and_numbering_carries_on(grown):
    generated = list(Document.objects.filter(id__gt=grown.document).select_related("org_unit"))
    ct = ContentType.objects.get_for_model(Document)
    reviews = {
        r.object_id: r for r in ReviewRequest.objects.filter(id__gt=grown.review, content_type=ct)
    }
    filings = {f.document_id: f for f in Filing.objects.filter(document__in=generated)}
    for d in generated:
        assert d.created_at.date() < DAY
        if d.touches_business and d.status != S.FAIR_COMPETITION and d.status != S.DRAFT:
            assert d.fair_competition in ("compliant", "exception")
        if d.comment_end:
            earliest, _ = services.comment_minimum(d, d.comment_start)
            assert d.comment_start <= d.comment_end and earliest <= d.comment_end < DAY
            review = reviews[d.pk]
            assert review.requested_at.date() == d.comment_end
            assert review.reviewer_id != d.created_by_id
        else:
            assert d.pk not in reviews
        if d.status in REVIEWED:
            review = reviews[d.pk]
            assert review.is_passed and review.concluded_at.date() < DAY
        if d.serial:
            assert d.deliberation_decision and d.deliberation_date <= d.registered_on
            assert d.year == d.registered_on.year
            assert d.number == services.format_number(d.number_prefix, d.year, d.serial)
            assert is_workday(d.registered_on) and d.registered_on < DAY
        else:
            assert d.status not in REVIEWED - {S.DELIBERATION} and not d.number
        if d.published_on:
            assert d.published_on > d.registered_on
            assert services.validity_refusal(d, d.effective_from, d.valid_until) is None
            assert d.effective_from >= d.published_on
            assert not services.effective_warning(d)
            filing_days = int(params.FILING_DAYS.value(d.org_unit))
            assert d.filing_due == deadline(d.published_on, filing_days, "days")
            if d.status == S.PUBLISHED:
                assert d.effective_from > DAY
            elif d.status == S.IN_FORCE:
                assert d.effective_from <= DAY <= d.valid_until
            else:
                assert d.effective_from <= d.ended_on <= DAY and d.end_reason
                if d.end_reason == "有效期届满":
                    assert d.ended_on == d.valid_until + timedelta(days=1)
                else:
                    assert d.ended_on <= d.valid_until
        f = filings.get(d.pk)
        if f is not None:
            assert d.published_on < f.submitted_on < DAY and f.due_date == d.filing_due
            assert f.on_time == (f.submitted_on <= f.due_date)
            assert f.decided_on is None or f.submitted_on < f.decided_on < DAY
            if f.status == Filing.Status.RETURNED:
                assert f.returned_count == 1
        elif d.published_on:
            assert d.published_on > DAY - timedelta(days=40)  # only recent ones unfiled
    # Past years: every published document filed, most on time, a few returned.
    past = [f for d, f in filings.items() if f.submitted_on.year < DAY.year]
    assert 0.85 < sum(f.on_time for f in past) / len(past) < 1
    assert any(f.returned_count for f in past)
    # Clean-ups: one open at most per town; a published one's 废止 ended its document then.
    open_batches = CleanupBatch.objects.filter(status="draft").values("org_unit")
    assert not open_batches.annotate(n=Count("id")).filter(n__gt=1)
    repealed = CleanupItem.objects.filter(
        batch__status="published", outcome__in=("repeal", "invalidate"),
        document__in=generated,
    ).select_related("batch", "document")  # fmt: skip
    assert repealed
    for item in repealed:
        assert item.document.status in (S.REPEALED, S.EXPIRED)
        assert item.document.ended_on == item.batch.published_on
    assert not CleanupItem.objects.filter(batch__status="published", outcome="").exists()

    # Numbers: per town, prefix and year without gaps, the counters at the last serial.
    serials: dict[tuple, list[int]] = {}
    for unit, prefix, year, serial in Document.objects.filter(serial__isnull=False).values_list(
        "org_unit", "number_prefix", "year", "serial"
    ):
        serials.setdefault((unit, prefix, year), []).append(serial)
    counters = {(c.org_unit_id, c.prefix, c.year): c.last for c in NumberCounter.objects.all()}
    assert len(serials) > 5 and counters.keys() == serials.keys()
    for key, got in serials.items():
        assert sorted(got) == list(range(1, len(got) + 1)) and counters[key] == len(got)
    # The next document the officer registers takes the next number of the town's year.
    people = SimpleNamespace(
        **{
            u.username: u
            for u in User.objects.filter(username__in=["officer", "adviser", "leader"])
        }
    )
    doc = make_document(people, until="registered", start=DAY - timedelta(days=90))
    key = (doc.org_unit_id, doc.number_prefix, doc.year)
    assert doc.year == DAY.year and doc.serial == len(serials[key]) + 1
    assert NumberCounter.objects.get(org_unit=doc.org_unit, prefix=key[1], year=key[2]).last == doc.serial  # fmt: skip
