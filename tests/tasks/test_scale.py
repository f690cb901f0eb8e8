"""工作任务 at county scale: the generated plans and tasks keep the services' rules and the
services carry on with them."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import F

from fazhi.core import scale
from fazhi.core.demo import COUNTY_CODE, load_demo
from fazhi.core.models import Attachment
from fazhi.tasks import demo as tasks_demo
from fazhi.tasks import scale as tasks_scale
from fazhi.tasks import services
from fazhi.tasks.models import Plan, PlanItem, Task

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 30)


@pytest.fixture
def grown(on_day, monkeypatch):
    """The demo county (its units and people, and this app's demo only), grown at factor 0.1."""
    on_day(DAY)
    monkeypatch.setattr(
        "fazhi.core.demo.app_hooks",
        lambda module, attr: [tasks_demo.load_app_demo] if module == "demo" else [],
    )
    load_demo()
    scale.grow(county_code=COUNTY_CODE, factor=0.1, seed=7, progress=scale.Progress(stream=StringIO()),
               generators=[scale.generate, tasks_scale.generate])  # fmt: skip


def test_generated_tasks_keep_the_rules(grown):
    generated = Task.objects.filter(source="plan", plan__title__contains="年").exclude(
        plan__org_unit__code="339901101"
    )
    assert generated.count() > 300
    # Within their item's (a subtask: its task's) period.
    assert not generated.filter(parent=None, due__gt=F("item__deadline")).exists()
    assert not generated.filter(parent=None, due__lt=F("item__starts_on")).exists()
    assert not generated.exclude(parent=None).filter(due__gt=F("parent__due")).exists()
    done = generated.filter(status="done")
    ct = ContentType.objects.get_for_model(Task)
    with_evidence = set(
        Attachment.objects.filter(content_type=ct).values_list("object_id", flat=True)
    )
    assert done.exists() and set(done.values_list("pk", flat=True)) <= with_evidence
    assert generated.filter(status="open", due__lt=DAY).exists()  # some overdue
    assert Plan.objects.count() == PlanItem.objects.values("plan").distinct().count()


def test_the_services_carry_on_with_generated_tasks(grown):
    task = (
        Task.objects.filter(status="open", parent=None)
        .exclude(plan__org_unit__code="339901101")
        .first()
    )
    services.progress_report(actor=task.owner, task=task, percent=50, note="继续推进")
    task.refresh_from_db()
    assert task.progress == 50
