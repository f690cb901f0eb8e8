"""The work record from real legality reviews (one aggregate query), the renewal reminder
on the workbench, and the figures for reports."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from fazhi.advisers import deadlines, selectors, services
from fazhi.advisers.summary import figures
from fazhi.core.models import ParameterValue
from fazhi.reviews.models import ReviewRequest

from .helpers import appointed, full_scores, lawyer

pytestmark = pytest.mark.django_db


def review(
    unit,
    reviewer,
    requester,
    *,
    kind="agreement",
    due=date(2025, 3, 10),
    concluded=date(2025, 3, 7),
    status="concluded",
    n=1,
):
    ct = ContentType.objects.get_for_model(unit)
    for _ in range(n):
        ReviewRequest.objects.create(
            org_unit=unit,
            content_type=ct,
            object_id=unit.pk,
            kind=kind,
            title="探测审核",
            requested_by=requester,
            reviewer=reviewer,
            status=status,
            due_date=due,
            concluded_at=timezone.make_aware(datetime.combine(concluded, datetime.min.time()))
            + timedelta(hours=10)
            if status == "concluded"
            else None,
            conclusion="passed" if status == "concluded" else "",
        )


def test_work_record_counts_reviews_by_year_kind_and_on_time(people, tree):
    a = appointed(people.officer, user=people.adviser)
    other = appointed(people.officer, name="王教授", kind="expert", licence_no="")
    review(tree.town_a, people.adviser, people.officer, kind="agreement", n=3)
    review(
        tree.town_a,
        people.adviser,
        people.officer,
        kind="normative",
        due=date(2025, 4, 1),
        concluded=date(2025, 4, 3),
    )  # late
    review(tree.town_a, people.adviser, people.officer, status="pending")  # not concluded
    review(
        tree.town_a,
        people.adviser,
        people.officer,
        concluded=date(2024, 12, 30),
        due=date(2025, 1, 3),
    )  # another year
    review(tree.town_b, people.adviser, people.officer_b)  # another town's review
    review(tree.town_a, people.officer, people.leader)  # not an adviser's
    records = selectors.work_records([a, other], 2025)
    rec = records[a.pk]
    assert (rec.reviews, rec.on_time) == (4, 3)
    assert rec.reviews_by_kind == {"行政协议": 3, "规范性文件": 1}
    assert rec.on_time_rate == 75.0 and rec.on_time_percent == "75.0%"
    assert records[other.pk].reviews == 0 and records[other.pk].on_time_rate is None
    assert selectors.work_records([a], 2024)[a.pk].reviews == 1


def test_work_record_is_two_queries_for_any_number_of_advisers(
    people, tree, django_assert_num_queries
):
    advisers = [appointed(people.officer, user=people.adviser)]
    advisers += [
        lawyer(people.officer, name=f"专家{i}", kind="expert", licence_no="") for i in range(20)
    ]
    review(tree.town_a, people.adviser, people.officer, n=5)
    advisers = list(selectors.adviser_list(people.officer))
    with django_assert_num_queries(2):
        selectors.work_records(advisers, 2025)


def test_on_the_due_date_counts_as_on_time(people, tree):
    a = appointed(people.officer, user=people.adviser)
    review(
        tree.town_a,
        people.adviser,
        people.officer,
        due=date(2025, 3, 10),
        concluded=date(2025, 3, 10),
    )
    review(
        tree.town_a,
        people.adviser,
        people.officer,
        due=date(2025, 3, 10),
        concluded=date(2025, 3, 11),
    )
    rec = selectors.work_records([a], 2025)[a.pk]
    assert (rec.reviews, rec.on_time) == (2, 1)


# --- renewal reminder ------------------------------------------------------------------------


def _terms(user, today):
    """The workbench items about terms (not the annual assessment's)."""
    return [i for i in deadlines.pending_items(user, today) if "聘期" in i.title]


def test_renewal_reminder_within_the_notice_period(people):
    today = date(2025, 6, 16)
    a = appointed(people.officer, start=date(2023, 8, 1), end=today + timedelta(days=45))
    items = _terms(people.officer, today)
    assert len(items) == 1
    item = items[0]
    assert "郑立言" in item.title and "请组织年度考核并决定是否续聘" in item.title
    # 2025-07-31 is a Thursday (a working day): the due date is the term's end.
    assert item.due == date(2025, 7, 31) and item.level == "warning"
    assert item.url.endswith(f"/advisers/{a.pk}/")
    assert _terms(people.leader, today) == items
    for user in (people.adviser, people.officer_b, people.supervisor, people.cadre):
        assert _terms(user, today) == []


def test_no_reminder_before_the_notice_period_and_a_parameter_changes_it(people, tree):
    today = date(2025, 6, 16)
    appointed(people.officer, start=date(2023, 8, 1), end=today + timedelta(days=70))
    assert _terms(people.officer, today) == []
    ParameterValue.objects.create(
        org_unit=tree.town_a, key="advisers.renewal_notice_days", value=90, set_by=people.supervisor
    )
    assert len(_terms(people.officer, today)) == 1


def test_due_date_moves_past_a_rest_day():
    # A term ending on Saturday 2025-10-04 (National Day holiday): due the next working day.
    assert deadlines.renewal_due(date(2025, 10, 4), 60) == date(2025, 10, 9)
    assert deadlines.renewal_due(date(2025, 7, 31), 60) == date(2025, 7, 31)


def test_renewed_or_dismissed_terms_leave_the_workbench_and_expired_ones_are_flagged(people):
    today = date(2025, 6, 16)
    a = appointed(people.officer, start=date(2023, 1, 1), end=date(2025, 6, 30))
    b = appointed(
        people.officer,
        name="王教授",
        kind="expert",
        licence_no="",
        start=date(2023, 1, 1),
        end=date(2025, 5, 31),
    )
    items = {i.title[:8]: i for i in _terms(people.officer, today)}
    expired = [i for i in items.values() if i.level == "danger"]
    assert len(expired) == 1 and "已于2025年5月31日届满" in expired[0].title
    services.appointment_create(
        actor=people.officer, adviser=a, start=date(2025, 7, 1), end=date(2027, 6, 30)
    )
    services.adviser_transition(actor=people.officer, obj=b, verb="dismiss", note="不再续聘")
    assert _terms(people.officer, today) == []


# --- figures ----------------------------------------------------------------------------------


def test_figures_for_a_town_and_the_county(people, tree):
    a = appointed(people.officer, user=people.adviser)
    appointed(people.officer, name="王教授", kind="expert", licence_no="")
    lawyer(people.officer, name="未聘者", licence_no="3" * 17)  # no term: not counted
    review(tree.town_a, people.adviser, people.officer, kind="agreement", n=4)
    review(tree.town_a, people.adviser, people.officer, kind="normative", n=2)
    review(tree.town_a, people.officer, people.leader, n=3)  # law officer's, not an adviser's
    for kind, day in (("consultation", 6), ("consultation", 7), ("training", 8), ("litigation", 9)):
        services.work_entry_create(
            actor=people.officer,
            adviser=a,
            kind=kind,
            date=date(2025, 1, day),
            description="事项",
            today=date(2025, 6, 1),
        )
    services.assessment_create(
        actor=people.leader, adviser=a, year=2025, scores=full_scores(), today=date(2025, 6, 1)
    )
    got = {f.key: f for f in figures(tree.town_a, date(2025, 1, 1), date(2025, 12, 31))}
    assert got["advisers.appointed"].value == 2
    assert got["advisers.appointed"].sentence == "聘请法律顾问2名(其中律师1名、法学专家1名)"
    assert got["advisers.review_opinions"].value == 6
    assert got["advisers.review_opinions"].sentence == (
        "法律顾问出具合法性审核意见6件(其中规范性文件2件、行政协议4件)"
    )
    assert got["advisers.work_entries"].value == 4
    assert got["advisers.work_entries"].sentence == (
        "法律顾问提供法律咨询2次、代理诉讼案件1件、开展法治培训1场"
    )
    assert got["advisers.assessments"].sentence == "完成法律顾问年度考核1人次,其中优秀1名"
    county = {f.key: f.value for f in figures(tree.county, date(2025, 1, 1), date(2025, 12, 31))}
    assert county["advisers.appointed"] == 2 and county["advisers.review_opinions"] == 6
    town_b = {f.key: f.value for f in figures(tree.town_b, date(2025, 1, 1), date(2025, 12, 31))}
    assert set(town_b.values()) == {0}
    earlier = {f.key: f.value for f in figures(tree.town_a, date(2020, 1, 1), date(2020, 12, 31))}
    assert earlier["advisers.appointed"] == 0


def test_last_years_assessment_is_a_pending_item_until_done(people):
    today = date(2025, 2, 10)
    a = appointed(people.officer, start=date(2024, 3, 1), end=date(2026, 2, 28))
    items = deadlines.pending_items(people.officer, today)
    assert len(items) == 1
    item = items[0]
    assert "郑立言的2024年度考核尚未进行" in item.title
    # 90 days after 2024-12-31 is 2025-03-31, a Monday (a working day).
    assert item.due == date(2025, 3, 31) and item.level == "info"
    assert item.url.endswith(f"/advisers/{a.pk}/assess/?year=2024")
    services.assessment_create(
        actor=people.leader, adviser=a, year=2024, scores=full_scores(), today=today
    )
    assert deadlines.pending_items(people.officer, today) == []
    # Overdue after the period: shown in red.
    b = appointed(
        people.officer,
        name="王教授",
        kind="expert",
        licence_no="",
        start=date(2024, 3, 1),
        end=date(2026, 2, 28),
    )
    late = deadlines.pending_items(people.officer, date(2025, 4, 10))
    assert [i.level for i in late] == ["danger"] and "王教授" in late[0].title
    assert b.pk
