"""The dates the law sets for a document: the earliest close of its comment period, the
longest validity, the filing deadline, and the local rule's warning on an early start."""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.core.dates import add_years
from fazhi.core.deadlines import deadline

from .. import params
from ..models import Document


def comment_minimum(doc, start: date) -> tuple[date, str]:
    """The earliest allowed close of a comment period opened on `start`, and the rule."""
    if doc.touches_business:
        n = int(params.COMMENT_DAYS_BUSINESS.value(doc.org_unit))
        return deadline(start, n, "days"), params.COMMENT_MIN_BUSINESS.format(n=n)
    n = int(params.COMMENT_WORKDAYS.value(doc.org_unit))
    return deadline(start, n, "workdays"), params.COMMENT_MIN_WORKDAYS.format(n=n)


def validity_refusal(doc, effective_from, valid_until) -> str | None:
    """The validity rule: an end date, within 5 years (2 for 暂行/试行) of the effective date."""
    if not isinstance(effective_from, date) or not isinstance(valid_until, date):
        return params.VALIDITY_REQUIRED
    if valid_until < effective_from:
        return "有效期截止日期不得早于施行日期"
    if doc.is_provisional:
        years = int(params.PROVISIONAL_VALIDITY_YEARS.value(doc.org_unit))
        rule = params.VALIDITY_MAX_PROVISIONAL.format(years=years)
    else:
        years = int(params.VALIDITY_YEARS.value(doc.org_unit))
        rule = params.VALIDITY_MAX.format(years=years)
    limit = add_years(effective_from, years) - timedelta(days=1)
    if valid_until > limit:
        return f"有效期过长:{rule},自{effective_from:%Y年%m月%d日}施行的最迟至{limit:%Y年%m月%d日}"
    return None


def filing_due_date(doc: Document) -> date:
    if doc.filing_due:
        return doc.filing_due
    return deadline(doc.published_on, int(params.FILING_DAYS.value(doc.org_unit)), "days")


def effective_warning(doc: Document) -> str:
    """The local rule's warning (not a refusal): in force less than 30 days after
    publication without a stated urgent reason."""
    if not (doc.published_on and doc.effective_from) or doc.urgent_reason:
        return ""
    gap = int(params.EFFECTIVE_GAP_DAYS.value(doc.org_unit))
    if doc.effective_from < doc.published_on + timedelta(days=gap):
        return f"施行日期距公布不足{gap}日且未说明紧急理由(本地规则:一般应不少于{gap}日)"
    return ""
