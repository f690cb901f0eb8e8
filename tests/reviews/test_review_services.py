"""合法性审核 services: request, conclude, withdraw — every refusal names its rule and
changes nothing; due dates on the official calendar; the pre-review attaches."""

from __future__ import annotations

from datetime import date

import pytest
from django.apps import apps
from django.utils import timezone

from fazhi.core import params
from fazhi.core.models import AuditEvent, Membership, StatusChange
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role
from fazhi.reviews import selectors, services
from fazhi.reviews.models import PrecheckRun, ReviewRequest
from tests.factories import member

from .helpers import DRAFT, OPINION, full_checklist, make_subject

pytestmark = pytest.mark.django_db


@pytest.fixture
def subject(people, tree):
    # Drafted by the town's cadre; the law officer sends it, the adviser reviews.
    return make_subject(tree.town_a, people.cadre)


def _snapshot():
    return (
        ReviewRequest.objects.count(),
        AuditEvent.objects.count(),
        StatusChange.objects.count(),
        PrecheckRun.objects.count(),
    )


def _request(people, subject, **kw):
    args = {"actor": people.officer, "subject": subject, "kind": "normative"}
    args.update(kw)
    args.setdefault("reviewer", people.adviser)
    return services.review_request_create(**args)


def _refused(fn, message_part, exc=ServiceError):
    before = _snapshot()
    with pytest.raises(exc) as info:
        fn()
    assert message_part in info.value.message
    assert _snapshot() == before, "a refusal must write nothing"
    return info.value


# --- request ------------------------------------------------------------------------------


def test_request_creates_a_pending_review_with_timeline_and_audit(people, subject):
    review = _request(people, subject)
    assert review.status == "pending"
    assert review.org_unit == subject.org_unit
    assert review.title == subject.title
    assert review.subject == subject
    assert review.requested_by == people.officer and review.reviewer == people.adviser
    assert review.due_date > timezone.localdate()
    assert AuditEvent.objects.filter(verb="review.request", object_id=str(review.pk)).exists()
    assert StatusChange.objects.filter(object_id=review.pk, verb="create").count() == 1
    assert selectors.active_review(subject) == review
    assert selectors.latest_review(subject) == review
    assert not selectors.review_passed(subject)


def test_due_date_counts_working_days_past_national_day(people, subject, on_day):
    """Given a request on 2026-09-30, the eve of 国庆, then the 5 working days start after
    the holiday (10-08, 10-09, the 调休 Saturday 10-10, 10-12, 10-13)."""
    assert services.review_due_date(subject.org_unit, "normative", date(2026, 9, 30)) == date(
        2026, 10, 13
    )
    on_day(date(2026, 9, 30))
    review = _request(people, subject)
    assert review.due_date == date(2026, 10, 13)


def test_due_date_follows_the_county_parameter(people, subject, tree):
    params.parameter_set(
        actor=people.supervisor, unit=tree.county, key="reviews.review_workdays", raw_value="10"
    )
    start = date(2026, 6, 1)  # a Monday, no holiday in the next two weeks
    assert services.review_due_date(subject.org_unit, "normative", start) == date(2026, 6, 15)
    # Major decisions: ≥ 7 working days (决策条例 第二十六条)
    assert services.review_due_date(subject.org_unit, "decision", start) == date(2026, 6, 10)


def test_drafter_cannot_review_own_subject(people, tree):
    subject = make_subject(tree.town_a, people.adviser)
    e = _refused(lambda: _request(people, subject), "起草人不得审核本人起草的规范性文件")
    assert "审核与起草相分离" in e.message
    assert e.errors["reviewer"]


def test_requester_cannot_name_themself(people, tree, subject):
    _refused(lambda: _request(people, subject, reviewer=people.officer), "不得指定本人为审核人")


@pytest.mark.parametrize("who", ["leader", "village_cadre", "officer_b", "supervisor"])
def test_reviewer_must_be_adviser_or_law_officer_of_town_or_county(people, subject, who):
    _refused(
        lambda: _request(people, subject, reviewer=getattr(people, who)),
        "审核人须为本镇或本县的法律顾问或法治办工作人员",
    )


def test_county_adviser_may_review(people, subject, tree):
    county_adviser = member(tree.county, Role.LEGAL_ADVISER, "county_adviser")
    review = _request(people, subject, reviewer=county_adviser)
    assert review.reviewer == county_adviser
    assert county_adviser in selectors.reviewer_candidates(tree.town_a)


def test_ended_membership_is_no_longer_a_reviewer(people, subject):
    Membership.objects.filter(user=people.adviser).update(is_active=False)
    people.adviser._membership_cache = None
    _refused(lambda: _request(people, subject), "审核人须为本镇或本县")


def test_second_active_review_is_refused(people, subject, tree):
    _request(people, subject)
    other = member(tree.town_a, Role.LEGAL_ADVISER, "adviser2")
    _refused(lambda: _request(people, subject, reviewer=other), "该事项已有进行中的合法性审核")


def test_second_review_allowed_after_withdrawal(people, subject):
    first = _request(people, subject)
    services.review_withdraw(actor=people.officer, review=first, reason="材料不全,补充后再送")
    second = _request(people, subject)
    assert selectors.active_review(subject) == second
    assert list(selectors.reviews_of(subject)) == [second, first]


@pytest.mark.parametrize("who", ["adviser", "leader", "cadre", "supervisor"])
def test_only_law_officers_send_for_review(people, subject, who):
    _refused(
        lambda: _request(people, subject, actor=getattr(people, who)),
        "只有法治办工作人员可以送请合法性审核",
        Forbidden,
    )


def test_law_officer_of_another_town_cannot_send(people, subject):
    _refused(lambda: _request(people, subject, actor=people.officer_b), "记录不存在", Forbidden)


def test_wrong_kind_is_refused(people, subject):
    _refused(lambda: _request(people, subject, kind="memo"), "审核事项类型不正确")


def test_precheck_run_attached_with_findings(people, subject):
    text = "第一条 本镇居民必须缴纳卫生管理费。\n第二条 违反者处以罚款。"
    review = _request(people, subject, text=text)
    run = review.precheck_run
    assert run is not None and run.org_unit == subject.org_unit
    assert run.kind == "normative" and run.created_by == people.officer
    assert run.findings.count() >= 1
    assert {"penalty", "fees"} & set(run.findings.values_list("category", flat=True))


def test_refused_request_leaves_no_precheck_run(people, tree):
    subject = make_subject(tree.town_a, people.adviser)
    _refused(lambda: _request(people, subject, text=DRAFT), "起草人不得审核")


# --- conclude -----------------------------------------------------------------------------


@pytest.fixture
def review(people, subject):
    return _request(people, subject)


def _conclude(people, review, **kw):
    args = {
        "actor": people.adviser,
        "review": review,
        "opinion": OPINION,
        "conclusion": "passed",
        "checklist": full_checklist(),
    }
    args.update(kw)
    return services.review_conclude(**args)


def test_conclude_closes_the_review(people, review, subject):
    done = _conclude(people, review)
    assert done.status == "concluded" and done.conclusion == "passed"
    assert done.opinion == OPINION and done.concluded_at is not None
    assert set(done.checklist) == {k for k in full_checklist()}
    assert done.on_time is True
    assert selectors.review_passed(subject)
    assert AuditEvent.objects.filter(verb="review.conclude", object_id=str(review.pk)).exists()
    steps = [s.verb for s in StatusChange.objects.filter(object_id=review.pk).order_by("id")]
    assert steps == ["create", "conclude"]


def test_rejected_review_does_not_pass(people, review, subject):
    _conclude(people, review, conclusion="rejected", checklist=full_checklist(failed=["authority"]))
    assert not selectors.review_passed(subject)


def test_passed_with_changes_passes(people, review, subject):
    _conclude(
        people,
        review,
        conclusion="passed_with_changes",
        checklist=full_checklist(failed=["validity"]),
    )
    assert selectors.review_passed(subject)


def _unchanged(review):
    review.refresh_from_db()
    assert review.status == "pending" and review.opinion == "" and review.conclusion == ""


@pytest.mark.parametrize(
    "kw, message",
    [
        ({"opinion": ""}, "书面审核意见和审核结论缺一不可"),
        ({"opinion": "   "}, "书面审核意见和审核结论缺一不可"),
        ({"conclusion": ""}, "书面审核意见和审核结论缺一不可"),
        ({"conclusion": "maybe"}, "书面审核意见和审核结论缺一不可"),
        ({"opinion": "同意。"}, "书面审核意见过于简略"),
        ({"opinion": "同意\x00" * 5}, "含有无效字符"),
        ({"checklist": {}}, "审核要点须逐项作出判断"),
        ({"checklist": "all ok"}, "审核要点格式不正确"),
        ({"checklist": {**full_checklist(), "bogus": {"ok": True}}}, "审核要点不存在"),
        (
            {"checklist": {**full_checklist(), "issuer": {"ok": "yes"}}},
            "审核要点须逐项作出判断",
        ),
        ({"checklist": full_checklist(failed=["issuer"])}, "结论不能为“通过”"),
        (
            {
                "conclusion": "rejected",
                "checklist": {**full_checklist(), "issuer": {"ok": False, "note": ""}},
            },
            "不符合的审核要点须说明问题",
        ),
    ],
)
def test_conclude_refusals(people, review, kw, message):
    _refused(lambda: _conclude(people, review, **kw), message)
    _unchanged(review)


def test_only_the_assigned_reviewer_concludes(people, review, tree):
    other = member(tree.town_a, Role.LEGAL_ADVISER, "adviser2")
    _refused(lambda: _conclude(people, review, actor=other), "只有被指定的审核人", Forbidden)
    _refused(
        lambda: _conclude(people, review, actor=people.officer), "只有被指定的审核人", Forbidden
    )
    _refused(lambda: _conclude(people, review, actor=people.leader), "只有法律顾问", Forbidden)
    _unchanged(review)


def test_other_town_reviewer_gets_not_found(people, review):
    _refused(lambda: _conclude(people, review, actor=people.officer_b), "记录不存在")


def test_conclude_twice_is_refused(people, review):
    _conclude(people, review)
    e = _refused(lambda: _conclude(people, review, conclusion="rejected"), "当前状态为“已出具意见”")
    assert e.code == "wrong_state"
    review.refresh_from_db()
    assert review.conclusion == "passed"


def test_subject_hook_is_called_in_the_same_transaction(people, review, monkeypatch):
    seen = []
    # The subject's app registers its hook on its AppConfig (core.registry.review_hook).
    monkeypatch.setattr(apps.get_app_config("reviews"), "review_hook", "services.test_hook")
    monkeypatch.setattr(
        services,
        "test_hook",
        lambda *, subject, review, actor: seen.append((review, actor)),
        raising=False,
    )
    done = _conclude(people, review)
    assert seen == [(done, people.adviser)]


# --- withdraw -----------------------------------------------------------------------------


def test_withdraw_needs_a_reason(people, review):
    e = _refused(
        lambda: services.review_withdraw(actor=people.officer, review=review, reason=" "),
        "须说明理由",
    )
    assert e.errors["reason"]
    _unchanged(review)


def test_withdraw_by_requester(people, review):
    done = services.review_withdraw(actor=people.officer, review=review, reason="文件需重新起草")
    assert done.status == "withdrawn" and done.withdraw_reason == "文件需重新起草"
    assert StatusChange.objects.get(object_id=review.pk, verb="withdraw").note == "文件需重新起草"
    assert selectors.active_review(review.subject) is None


def test_withdraw_refusals(people, review):
    _refused(
        lambda: services.review_withdraw(actor=people.adviser, review=review, reason="不审了"),
        "只有法治办工作人员可以撤回送审",
        Forbidden,
    )
    _refused(
        lambda: services.review_withdraw(actor=people.officer_b, review=review, reason="不审了"),
        "记录不存在",
    )
    _conclude(people, review)
    _refused(
        lambda: services.review_withdraw(actor=people.officer, review=review, reason="不审了"),
        "当前状态为“已出具意见”",
    )


def test_every_recorded_verb_has_a_chinese_label():
    from fazhi.core import audit

    for verb in ("review.request", "review.conclude", "review.withdraw"):
        assert audit.VERB_LABELS[verb] != verb


def test_reviewer_candidates_exclude_the_drafter(people, tree):
    candidates = set(selectors.reviewer_candidates(tree.town_a, exclude=people.adviser))
    assert candidates == {people.officer}
    assert set(selectors.reviewer_candidates(tree.town_a)) == {people.officer, people.adviser}
    assert people.officer_b not in set(selectors.reviewer_candidates(tree.town_a))


def test_database_allows_one_pending_review_per_subject(people, subject):
    """Given a pending review, when a second pending row is written behind the service's
    back, then the database refuses it."""
    from django.db import IntegrityError, transaction

    review = _request(people, subject)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewRequest.objects.create(
            org_unit=review.org_unit,
            content_type=review.content_type,
            object_id=review.object_id,
            kind=review.kind,
            title=review.title,
            requested_by=people.officer,
            reviewer=people.adviser,
            due_date=review.due_date,
        )


def test_a_lost_race_is_refused_in_chinese(people, subject, tree, monkeypatch):
    """Given a concurrent request that got in between the check and the write (the check
    sees nothing), then the database constraint refuses the second in Chinese and nothing
    of it is written."""
    _request(people, subject)
    other = member(tree.town_a, Role.LEGAL_ADVISER, "adviser2")
    monkeypatch.setattr(type(ReviewRequest.objects.all()), "exists", lambda self: False)
    _refused(lambda: _request(people, subject, reviewer=other), "该事项已有进行中的合法性审核")


def test_drafter_turned_reviewer_is_refused_at_conclusion(people, review, subject):
    """Given a subject whose drafter is (later) recorded as the assigned reviewer, then the
    conclusion is refused: 审核与起草相分离 holds at every step."""
    PrecheckRun.objects.filter(pk=subject.pk).update(created_by=people.adviser)
    _refused(lambda: _conclude(people, review), "起草人不得审核本人起草的规范性文件")
    _unchanged(review)
