"""The normative document's lifecycle: every guard of legal-rules.md §1 refuses in Chinese
naming its rule, and a refusal changes nothing (status, fields, timeline, audit)."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, timedelta

import pytest

from fazhi.core.models import AuditEvent, ParameterValue, StatusChange
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.documents import params, services
from fazhi.documents.models import Document
from fazhi.reviews.models import ReviewRequest

from .helpers import conclude, make_document

pytestmark = pytest.mark.django_db
T = services.document_transition


@contextmanager
def refused(doc, *fragments):
    """The block raises a ServiceError whose message contains every fragment, and the
    document, its timeline, reviews and the audit trail are as before."""
    doc.refresh_from_db()
    before = (
        {f.name: getattr(doc, f.attname) for f in Document._meta.fields if f.name != "updated_at"},
        StatusChange.objects.count(),
        AuditEvent.objects.count(),
        ReviewRequest.objects.count(),
    )
    with pytest.raises(ServiceError) as info:
        yield info
    for fragment in fragments:
        assert fragment in info.value.message, info.value.message
    doc.refresh_from_db()
    after = (
        {f.name: getattr(doc, f.attname) for f in Document._meta.fields if f.name != "updated_at"},
        StatusChange.objects.count(),
        AuditEvent.objects.count(),
        ReviewRequest.objects.count(),
    )
    assert after == before


def test_whole_lifecycle_writes_timeline_and_audit(people):
    """Given a draft, when it goes through every step, then it is numbered, published,
    and each step is on its timeline and in the audit trail with a Chinese label."""
    doc = make_document(people, until="published")
    assert doc.status == "published"
    assert doc.number == f"海屿镇政规〔{doc.year}〕1号"
    verbs = list(
        StatusChange.objects.filter(object_id=doc.pk, content_type__model="document").values_list(
            "verb", flat=True
        )
    )
    assert verbs == [
        "create", "open_comment", "close_comment", "submit_deliberation",
        "record_deliberation", "register", "publish",
    ]  # fmt: skip
    from fazhi.core.audit import VERB_LABELS

    for verb in AuditEvent.objects.values_list("verb", flat=True).distinct():
        assert verb in VERB_LABELS, verb


def test_issuer_must_be_government_or_its_office(people):
    """An internal office or a coordination body is refused (37号)."""
    n = Document.objects.count()
    with pytest.raises(ServiceError) as info:
        services.document_create(actor=people.officer, title="某办法", issuer="internal_office")
    assert "内设机构和议事协调机构不得制发" in info.value.message
    assert "37号" in info.value.message
    assert Document.objects.count() == n


def test_number_typed_by_hand_is_refused(people):
    n, events = Document.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ServiceError) as info:
        services.document_create(
            actor=people.officer, title="某办法", number="海屿镇政规〔2024〕9号"
        )
    assert "不得手工填写" in info.value.message
    assert (Document.objects.count(), AuditEvent.objects.count()) == (n, events)
    doc = make_document(people)
    with refused(doc, "不得手工填写"):
        services.document_update(actor=people.officer, document=doc, number="X〔2024〕1号")
    with refused(doc, "不得手工填写"):
        T(actor=people.officer, obj=doc, verb="open_comment", number="X〔2024〕1号",
          comment_start=date.today(), comment_channel="网站")  # fmt: skip


def test_only_law_officer_drafts(people):
    with pytest.raises(Forbidden):
        services.document_create(actor=people.leader, title="某办法")
    assert not Document.objects.exists()


def test_fair_competition_required_when_touching_business(people):
    doc = make_document(people, touches_business=True)
    with refused(doc, "公平竞争审查", "第二条、第十八条"):
        T(actor=people.officer, obj=doc, verb="open_comment", comment_start=date.today(),
          comment_channel="网站")  # fmt: skip


def test_fair_competition_not_needed_without_business(people):
    doc = make_document(people)
    with refused(doc, "无需进行公平竞争审查"):
        T(actor=people.officer, obj=doc, verb="fair_competition_start")


def test_fair_competition_noncompliant_blocks_comment(people):
    doc = make_document(people, touches_business=True)
    T(actor=people.officer, obj=doc, verb="fair_competition_start")
    T(actor=people.officer, obj=doc, verb="fair_competition_record", conclusion="noncompliant")
    with refused(doc, "不得出台", "第十八条"):
        T(actor=people.officer, obj=doc, verb="open_comment", comment_start=date.today(),
          comment_channel="网站")  # fmt: skip


def test_fair_competition_exception_needs_reason_and_term(people):
    doc = make_document(people, touches_business=True)
    T(actor=people.officer, obj=doc, verb="fair_competition_start")
    with refused(doc, "第十二条"):
        T(actor=people.officer, obj=doc, verb="fair_competition_record", conclusion="exception",
          reason="保障海岛民生")  # fmt: skip
    T(actor=people.officer, obj=doc, verb="fair_competition_record", conclusion="exception",
      reason="保障海岛民生", until=date.today() + timedelta(days=365))  # fmt: skip
    doc.refresh_from_db()
    assert doc.fair_competition == "exception"


def test_comment_period_at_least_7_workdays(people):
    doc = make_document(people, until="public_comment", start=date(2025, 3, 3))  # a Monday
    with refused(doc, "不少于7个工作日", "2025年03月12日"):
        T(actor=people.officer, obj=doc, verb="close_comment", comment_end=date(2025, 3, 11),
          reviewer=people.adviser)  # fmt: skip
    T(actor=people.officer, obj=doc, verb="close_comment", comment_end=date(2025, 3, 12),
      reviewer=people.adviser)  # fmt: skip
    doc.refresh_from_db()
    assert doc.status == "legality_review"
    assert ReviewRequest.objects.filter(object_id=doc.pk, status="pending").count() == 1


def test_comment_period_30_days_when_touching_business(people):
    doc = make_document(people, until="public_comment", start=date(2025, 3, 3),
                        touches_business=True)  # fmt: skip
    with refused(doc, "不少于30日", "第六十二条"):
        T(actor=people.officer, obj=doc, verb="close_comment", comment_end=date(2025, 3, 20),
          reviewer=people.adviser)  # fmt: skip


def test_comment_period_is_configurable(people, tree):
    ParameterValue.objects.create(
        org_unit=tree.county, key="documents.comment_workdays", value=10, set_by=people.supervisor
    )
    doc = make_document(people, until="public_comment", start=date(2025, 3, 3))
    with refused(doc, "不少于10个工作日"):
        T(actor=people.officer, obj=doc, verb="close_comment", comment_end=date(2025, 3, 12),
          reviewer=people.adviser)  # fmt: skip


def test_no_deliberation_without_passed_review(people):
    doc = make_document(people, until="legality_review")
    with refused(doc, "未经合法性审核", "37号"):
        T(actor=people.officer, obj=doc, verb="submit_deliberation")
    conclude(people.adviser, doc, conclusion="rejected")
    with refused(doc, "审核未通过"):
        T(actor=people.officer, obj=doc, verb="submit_deliberation")


def test_second_active_review_refused(people):
    doc = make_document(people, until="legality_review")
    n = ReviewRequest.objects.count()
    with pytest.raises(ServiceError) as info:
        services.document_request_review(
            actor=people.officer, document=doc, reviewer=people.adviser
        )
    assert "已有进行中的合法性审核" in info.value.message
    assert ReviewRequest.objects.count() == n


def test_review_by_drafter_refused(people):
    doc = make_document(people, until="public_comment")
    with refused(doc, "起草人不得审核"):
        T(actor=people.officer, obj=doc, verb="close_comment",
          comment_end=date.today(), reviewer=people.officer)  # fmt: skip


def test_rereview_after_rejection(people):
    doc = make_document(people, until="legality_review")
    conclude(people.adviser, doc, conclusion="rejected")
    services.document_request_review(actor=people.officer, document=doc, reviewer=people.adviser)
    conclude(people.adviser, doc)
    T(actor=people.officer, obj=doc, verb="submit_deliberation")
    doc.refresh_from_db()
    assert doc.status == "deliberation"


def test_no_registration_without_deliberation(people):
    doc = make_document(people, until="deliberation")
    with refused(doc, "未经集体审议决定,不得登记编号"):
        T(actor=people.officer, obj=doc, verb="register")


def test_only_the_leader_records_deliberation(people):
    doc = make_document(people, until="deliberation")
    with refused(doc, "无权"):
        T(actor=people.officer, obj=doc, verb="record_deliberation", meeting="会",
          meeting_date=date.today(), decision="passed")  # fmt: skip


def test_deliberation_needs_meeting_date_decision(people):
    doc = make_document(people, until="deliberation")
    with refused(doc, "请填写审议会议"):
        T(actor=people.leader, obj=doc, verb="record_deliberation", meeting_date=date.today(),
          decision="passed")  # fmt: skip
    with refused(doc, "请选择审议结论"):
        T(actor=people.leader, obj=doc, verb="record_deliberation", meeting="常务会议",
          meeting_date=date.today(), decision="rejected")  # fmt: skip


def test_skipped_steps_are_refused(people):
    doc = make_document(people)
    with refused(doc, "当前状态为“起草”", "不能执行“统一登记编号”"):
        T(actor=people.officer, obj=doc, verb="register")
    with refused(doc, "不能执行“公布”"):
        T(actor=people.officer, obj=doc, verb="publish", published_on=date.today(),
          publish_channel="网站", effective_from=date.today(),
          valid_until=date.today() + timedelta(days=300))  # fmt: skip


def test_no_publication_before_numbering(people):
    """The publish step demands a number even if the state were forced."""
    doc = make_document(people, until="deliberated")
    Document.objects.filter(pk=doc.pk).update(status="registered")
    with refused(doc, "未经统一登记编号,不得公布"):
        T(actor=people.officer, obj=doc, verb="publish", published_on=date.today(),
          publish_channel="网站", effective_from=date.today() + timedelta(days=30),
          valid_until=date.today() + timedelta(days=400))  # fmt: skip


def test_publication_needs_date_and_channel(people):
    doc = make_document(people, until="registered")
    with refused(doc, "公布日期和公布载体", "第六十四条"):
        T(actor=people.officer, obj=doc, verb="publish", published_on=date.today(),
          publish_channel="", effective_from=date.today() + timedelta(days=30),
          valid_until=date.today() + timedelta(days=400))  # fmt: skip


def test_validity_at_most_5_years(people):
    doc = make_document(people, until="registered")
    today = date(2025, 1, 10)
    with refused(doc, "有效期不得超过5年", "2030年02月09日"):
        T(actor=people.officer, obj=doc, verb="publish", published_on=today,
          publish_channel="网站", effective_from=date(2025, 2, 10),
          valid_until=date(2030, 2, 10), on=today)  # fmt: skip
    T(actor=people.officer, obj=doc, verb="publish", published_on=today,
      publish_channel="网站", effective_from=date(2025, 2, 10),
      valid_until=date(2030, 2, 9), on=today)  # fmt: skip


def test_validity_at_most_2_years_when_provisional(people):
    doc = make_document(people, until="registered", title="海屿镇民宿管理暂行办法")
    with refused(doc, "暂行", "不得超过2年"):
        T(actor=people.officer, obj=doc, verb="publish", published_on=date(2025, 1, 10),
          publish_channel="网站", effective_from=date(2025, 2, 10),
          valid_until=date(2027, 6, 1), on=date(2025, 1, 10))  # fmt: skip


def test_effective_before_publication_refused(people):
    doc = make_document(people, until="registered")
    with refused(doc, "施行日期不得早于公布日期"):
        T(actor=people.officer, obj=doc, verb="publish", published_on=date(2025, 1, 10),
          publish_channel="网站", effective_from=date(2025, 1, 1),
          valid_until=date(2026, 1, 1), on=date(2025, 1, 10))  # fmt: skip


def test_short_effective_gap_is_a_warning_not_a_refusal(people):
    doc = make_document(people, until="registered")
    T(actor=people.officer, obj=doc, verb="publish", published_on=date(2025, 1, 10),
      publish_channel="网站", effective_from=date(2025, 1, 10),
      valid_until=date(2026, 1, 1), on=date(2025, 1, 10))  # fmt: skip
    doc.refresh_from_db()
    assert doc.status == "in_force"  # effective at once
    assert "不足30日" in services.effective_warning(doc)


def test_numbers_are_per_town_and_year_without_gaps(people, tree):
    a1 = make_document(people, until="registered", start=date(2024, 3, 1))
    a2 = make_document(people, until="registered", start=date(2024, 5, 1))
    a3 = make_document(people, until="registered", start=date(2024, 12, 1))  # registered 2025
    assert (a1.number, a2.number) == ("海屿镇政规〔2024〕1号", "海屿镇政规〔2024〕2号")
    assert a3.number == "海屿镇政规〔2025〕1号"


def test_number_prefix_is_configurable(people, tree):
    ParameterValue.objects.create(
        org_unit=tree.town_a,
        key="documents.number_prefix",
        value="海政发",
        set_by=people.supervisor,
    )
    doc = make_document(people, until="registered", start=date(2024, 3, 1))
    assert doc.number == "海政发〔2024〕1号"


def test_return_to_draft_needs_a_note(people):
    doc = make_document(people, until="deliberation")
    with refused(doc, "须填写说明"):
        T(actor=people.leader, obj=doc, verb="return_draft", note=" ")
    T(actor=people.leader, obj=doc, verb="return_draft", note="补充论证")
    doc.refresh_from_db()
    assert doc.status == "draft"


def test_other_town_cannot_touch(people):
    doc = make_document(people)
    with refused(doc, "记录不存在"):
        T(actor=people.officer_b, obj=doc, verb="open_comment", comment_start=date.today(),
          comment_channel="网站")  # fmt: skip


def test_unknown_verb_refused(people):
    doc = make_document(people)
    with refused(doc, "未知的操作"):
        T(actor=people.officer, obj=doc, verb="explode")


def test_rules_are_parameters_with_citations():
    from fazhi.core.params import REGISTRY

    assert REGISTRY["documents.filing_days"].default == 15
    assert "第六十二条" in params.COMMENT_DAYS_BUSINESS.basis
