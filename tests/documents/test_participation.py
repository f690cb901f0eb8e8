"""A draft in public comment is a consultation on the public platform (fazhi.participation):
its `close_comment` step takes the counts from the consultation, not a typed number, and
refuses to go on while a comment is unanswered."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fazhi.core import clock
from fazhi.core.models import AuditEvent, StatusChange
from fazhi.core.permissions import ServiceError
from fazhi.documents import services
from fazhi.participation import selectors as participation
from fazhi.participation import services as p_services

from .helpers import make_document

START = date(2025, 3, 3)  # a Monday
T = services.document_transition


def test_open_comment_opens_a_consultation_split_into_articles(people):
    doc = make_document(people, until="public_comment", start=START)
    c = participation.consultation_for(doc)
    assert c is not None and c.kind == "normative" and c.org_unit == doc.org_unit
    assert [p["label"] for p in c.paragraphs] == ["第一条", "第二条"]
    assert c.starts_on == START and c.ends_on == date(2025, 3, 12)  # 7 working days


def test_close_comment_refuses_while_comments_are_unanswered(people):
    doc = make_document(people, until="public_comment", start=START)
    c = participation.consultation_for(doc)
    with clock.pinned(START + timedelta(days=1)):
        comment = p_services.comment_submit(
            actor=people.resident, consultation=c, body="建议明确清扫责任", paragraph=2
        )
    before = (doc.status, StatusChange.objects.count(), AuditEvent.objects.count())
    with clock.pinned(date(2025, 3, 13)), pytest.raises(ServiceError) as info:
        T(actor=people.officer, obj=doc, verb="close_comment", comment_end=date(2025, 3, 12),
          comment_count=99, reviewer=people.adviser)  # fmt: skip
    assert "尚有1条公众意见未答复" in info.value.message and "37号" in info.value.message
    doc.refresh_from_db()
    assert (doc.status, StatusChange.objects.count(), AuditEvent.objects.count()) == before
    with clock.pinned(date(2025, 3, 13)):
        p_services.answer_comments(actor=people.officer, consultation=c, comments=[comment],
                                   outcome="partly", reason="第二条增加责任人")  # fmt: skip
        T(actor=people.officer, obj=doc, verb="close_comment", comment_end=date(2025, 3, 12),
          comment_count=99, reviewer=people.adviser)  # fmt: skip
    doc.refresh_from_db()
    c.refresh_from_db()
    # The count is the consultation's (the typed 99 is not used); the period is closed.
    assert doc.status == "legality_review" and doc.comment_count == 1
    assert "部分采纳1条" in doc.comment_adoption
    assert c.status == "closed" and c.closed_on == date(2025, 3, 13)


def test_return_to_draft_closes_the_consultation_and_reopening_starts_a_new_one(people):
    doc = make_document(people, until="public_comment", start=START)
    first = participation.consultation_for(doc)
    T(actor=people.officer, obj=doc, verb="return_draft", note="修改后重新征求意见")
    first.refresh_from_db()
    assert first.closed_on is not None
    T(actor=people.officer, obj=doc, verb="open_comment", comment_start=date.today(),
      comment_channel="镇政府门户网站")  # fmt: skip
    second = participation.consultation_for(doc)
    assert second.pk != first.pk and second.status == "open"
