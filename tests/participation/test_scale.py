"""公众参与 at county scale: `fazhi scale-data` adds consultations, comments, answers and
hearings that keep the services' rules (counters exact, closed ones fully answered,
hearings noticed ≥ 7 days ahead), scoped as the demo accounts expect; the services carry
on with them."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.urls import reverse

from fazhi.core import demo as core_demo
from fazhi.core import scale
from fazhi.core.demo import COUNTY_CODE
from fazhi.core.models import User
from fazhi.participation import demo, services
from fazhi.participation.models import Comment, Consultation, Hearing
from fazhi.participation.scale import generate

pytestmark = pytest.mark.django_db(transaction=False)
DAY = date(2026, 11, 30)


@pytest.fixture
def grown(on_day, monkeypatch):
    on_day(DAY)
    monkeypatch.setattr(core_demo, "app_hooks", lambda module, attr: iter([demo.load_app_demo]))
    call_command("demo", stdout=StringIO())
    last = Consultation.objects.order_by("-id").values_list("id", flat=True).first()
    scale.grow(county_code=COUNTY_CODE, factor=0.01, seed=7, generators=[scale.generate, generate],
               progress=scale.Progress(stream=StringIO()))  # fmt: skip
    return last


def test_generated_records_keep_the_rules(grown, login):
    made = Consultation.objects.filter(id__gt=grown).annotate(
        n=Count("comments"), answered=Count("comments", filter=Q(comments__answer__isnull=False))
    )
    assert made.count() == 25
    assert 3_000 <= Comment.objects.filter(consultation__in=made).count() <= 7_000
    for c in made:
        assert (c.comment_count, c.answered_count) == (c.n, c.answered)
        assert c.ends_on - c.starts_on >= timedelta(days=30)
        if c.status == "closed":
            assert c.all_answered
    assert not Comment.objects.filter(consultation__in=made, created_at__date__gt=DAY).exists()
    for h in Hearing.objects.all():
        assert h.held_on - h.notice_published_on >= timedelta(days=7)
    officer, supervisor = (
        User.objects.get(username="officer"),
        User.objects.get(username="supervisor"),
    )
    mine = Consultation.objects.visible_to(officer).count()
    assert 0 < mine < Consultation.objects.visible_to(supervisor).count()
    for user in (officer, supervisor):
        assert login(user).get(reverse("participation:consultation_list")).status_code == 200
    # The services carry on: the officer hides a generated answered comment; the counters
    # stay exact.
    c = Consultation.objects.visible_to(officer).filter(id__gt=grown, answered_count__gt=0).first()
    comment = Comment.objects.filter(consultation=c, answer__isnull=False).first()
    services.comment_hide(actor=officer, comment=comment, reason="重复意见")
    c.refresh_from_db()
    visible = Comment.objects.filter(consultation=c, hidden=False)
    assert c.comment_count == visible.count()
    assert c.answered_count == visible.filter(answer__isnull=False).count()
