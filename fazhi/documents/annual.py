"""规范性文件's part of the annual summary (core.annual): the seed's "加强规范性文件管理…
今年审核行政规范性文件2件" with the documents named, their filing with the county, and the
problems the ledgers show (documents not filed, filings returned or ordered corrected).
`?annual=<key>:<year>:<unit code>` narrows the document list to the records counted."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from fazhi.core.annual import Contribution, Fact, Point, cohort_fact, cohort_narrow
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import percent, period_bounds
from fazhi.reviews.models import ReviewRequest

from .models import Document, Filing


def _reviewed(u, y):
    """Documents whose legality review was concluded in the year (documents.summary)."""
    lo, hi = period_bounds(date(y, 1, 1), date(y, 12, 31))
    concluded = ReviewRequest.objects.filter(
        in_subtree(u),
        content_type=ContentType.objects.get_for_model(Document),
        status=ReviewRequest.Status.CONCLUDED,
        concluded_at__gte=lo,
        concluded_at__lt=hi,
    ).values("object_id")
    return in_subtree(u) & Q(pk__in=concluded)


def _published(u, y):
    return in_subtree(u) & Q(published_on__range=(date(y, 1, 1), date(y, 12, 31)))


COHORTS = {
    "reviewed": (Document, _reviewed),
    "published": (Document, _published),
    "filed": (Document, lambda u, y: _published(u, y) & Q(filing__isnull=False)),
    "filed_on_time": (Document, lambda u, y: _published(u, y) & Q(filing__on_time=True)),
    "unfiled": (Document, lambda u, y: _published(u, y) & Q(filing__isnull=True)),
    "returned": (Document, lambda u, y: _published(u, y) & Q(filing__returned_count__gt=0)),
    "uncorrected": (
        Document,
        lambda u, y: (
            _published(u, y)
            & Q(filing__correction_ordered=True)
            & ~Q(filing__status__in=(Filing.Status.ACCEPTED, Filing.Status.REVOKED))
        ),
    ),
}
LISTS = {Document: "documents:document_list"}


narrow = partial(cohort_narrow, COHORTS)


_fact = partial(cohort_fact, COHORTS, LISTS)


def contribute(unit: OrgUnit, year: int) -> Contribution:
    c = Contribution()
    reviewed = _fact(unit, year, "reviewed", "经合法性审核的行政规范性文件")
    published = _fact(unit, year, "published", "制发并公布的行政规范性文件")
    if reviewed.value or published.value:
        text = (
            "加强规范性文件管理。严格按照法定职权制发规范性文件和落实行政规范性文件备案审查机制,"
            "做到“有件必备、有错必纠”,今年审核行政规范性文件{0}件"
        )
        facts = [reviewed]
        if published.value:
            titles = Document.objects.filter(_published(unit, year)).order_by("published_on", "id")
            named = "".join(f"《{t}》" for t in titles.values_list("title", flat=True)[:4])
            filed = _fact(unit, year, "filed", "报送县级备案的行政规范性文件")
            on_time = _fact(unit, year, "filed_on_time", "按时报送备案")
            rate = percent(on_time.value, filed.value)
            text += ",制发并公布" + named + "{1}件,报送县级备案{2}件,按时报送率{3}"
            facts += [published, filed, Fact(f"{rate:g}%", on_time.url, "按时报送率")]
        c.points.append(
            Point("documents.review", text + "。", tuple(facts), "administration", order=10)
        )
    for key, label, text in (
        ("unfiled", "未报送备案", "{0}件已公布的行政规范性文件尚未报送县级备案。"),
        ("returned", "被退回补正", "报备材料质量有待提高,{0}件行政规范性文件被退回补正。"),
        ("uncorrected", "责令纠错未纠正", "{0}件行政规范性文件被责令纠错,尚未纠正到位。"),
    ):
        fact = _fact(unit, year, key, label)
        if fact.value:
            c.problems.append(Point(f"documents.{key}", text, (fact,)))
    return c
