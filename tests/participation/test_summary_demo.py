"""公众参与's demo (through the services), its figures for any period and its workbench
items."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from fazhi.core.pending import collect
from fazhi.participation import demo, selectors, services
from fazhi.participation.models import Comment, Consultation, Hearing
from fazhi.participation.summary import figures

from .conftest import DAY, comment

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 16)


@pytest.fixture
def demo_data(people, tree, on_day):
    on_day(TODAY)
    started = time.monotonic()
    created = demo.load_app_demo()
    assert time.monotonic() - started < 5
    return created


def test_demo_plan_consultation_all_answered_with_hearing(demo_data, people, tree):
    c = Consultation.objects.get(title=demo.PLAN_TITLE)
    assert c.status == "closed" and c.starts_on.year == TODAY.year - 1
    assert c.comment_count == len(demo.PLAN_COMMENTS) and c.all_answered
    assert Comment.objects.filter(consultation=c, hidden=True).count() == 1
    mine = list(selectors.my_comments(people.resident))
    assert mine and all(m.answer for m in mine)
    h = Hearing.objects.get()
    assert h.status == "reported" and h.held_on - h.notice_published_on >= timedelta(days=7)
    assert h.registrations.filter(selected=True, interested=True).count() == 3
    assert demo.load_app_demo() == []


def test_demo_document_consultation(demo_data, people, tree):
    from fazhi.documents.demo import load_app_demo as documents_demo
    from fazhi.documents.models import Document

    documents_demo()
    doc = Document.objects.get(status="public_comment")
    c = selectors.consultation_for(doc)
    assert c.status == "open" and c.comment_count == len(demo.DOC_COMMENTS) and c.all_answered
    assert Comment.objects.filter(consultation=c, author=people.resident).count() == 2
    total = Comment.objects.filter(hidden=False).count()
    assert 35 <= total <= 45


def test_figures_of_last_year(demo_data, tree):
    y = TODAY.year - 1
    by_key = {f.key: f for f in figures(tree.town_a, date(y, 1, 1), date(y, 12, 31))}
    assert by_key["participation.consultations"].value == 1
    n = len(demo.PLAN_COMMENTS)
    comments = by_key["participation.comments"]
    assert comments.value == n and comments.breakdown["人大代表"] == 3
    assert comments.sentence.startswith(f"收到公众意见{n}条,其中人大代表3条")
    assert by_key["participation.feedback_rate"].value == 100.0
    assert "全部答复" in by_key["participation.feedback_rate"].sentence
    assert by_key["participation.hearings"].sentence == "就群众切身利益事项举行听证会1场"
    # The county sees its towns' figures; an empty period says nothing.
    county = {f.key: f for f in figures(tree.county, date(y, 1, 1), date(y, 12, 31))}
    assert county["participation.comments"].value == n
    empty = {f.key: f for f in figures(tree.town_a, date(y, 1, 1), date(y, 1, 31))}
    assert (
        empty["participation.comments"].value == 0
        and empty["participation.comments"].sentence == ""
    )


def test_unanswered_comments_on_the_workbench(people, consultation):
    comment(people, consultation)
    items = [i for i in collect(people.officer, DAY) if i.category == "征求意见"]
    assert len(items) == 1 and "未答复1条" in items[0].title
    assert items[0].due == consultation.ends_on
    assert not [i for i in collect(people.supervisor, DAY) if i.category == "征求意见"]
    services.answer_comments(actor=people.officer, consultation=consultation,
                             comments=list(Comment.objects.all()), outcome="adopted",
                             reason="采纳")  # fmt: skip
    assert not [i for i in collect(people.officer, DAY) if i.category == "征求意见"]
