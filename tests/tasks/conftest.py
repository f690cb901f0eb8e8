"""Fixtures of 工作任务: a 2025 plan of town A (海屿镇) with one item, reached through the
services."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.attachments import attachment_add
from fazhi.core.models import Attachment, AuditEvent, StatusChange
from fazhi.tasks import services
from fazhi.tasks.models import Plan, PlanItem, ProgressReport, Task
from tests.permission_lib import _png

ITEM_START = date(2025, 3, 3)  # a Monday
ITEM_DEADLINE = date(2025, 6, 30)  # a Monday


def png(name="佐证照片.png"):
    return SimpleUploadedFile(name, _png(), content_type="image/png")


def make_plan(people, tree, year=2025):
    return services.plan_create(
        actor=people.officer, org_unit=tree.town_a, year=year, title=f"{year}年法治建设工作要点"
    )


def make_item(people, plan, **kw):
    return services.item_add(
        actor=people.officer,
        plan=plan,
        title=kw.pop("title", "推进民主法治村创建"),
        starts_on=kw.pop("starts_on", ITEM_START),
        deadline=kw.pop("deadline", ITEM_DEADLINE),
    )


def break_down(actor, units, item=None, parent=None, **kw):
    return services.task_create(
        actor=actor,
        units=units,
        item=item,
        parent=parent,
        title=kw.pop("title", "修订村规民约"),
        due=kw.pop("due", date(2025, 5, 30)),
        evidence_required=kw.pop("evidence_required", "修订后的村规民约文本"),
        **kw,
    )


def evidence(actor, task):
    return attachment_add(actor=actor, record=task, uploaded_file=png())


def snapshot(*objs):
    """What a refused call must leave unchanged: rows, statuses, timeline, audit trail."""
    states = []
    for o in objs:
        o.refresh_from_db()
        states.append(
            (type(o).__name__, o.pk, getattr(o, "status", None), getattr(o, "progress", None))
        )
    return (
        states,
        Plan.objects.count(),
        PlanItem.objects.count(),
        Task.objects.count(),
        ProgressReport.objects.count(),
        Attachment.objects.count(),
        StatusChange.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def plan(people, tree):
    return make_plan(people, tree)


@pytest.fixture
def item(people, plan):
    return make_item(people, plan)


@pytest.fixture
def village_task(people, tree, item):
    """A task of 东岙村, owned by its cadre (`vcadre`)."""
    return break_down(people.officer, [tree.village_a1], item=item)[0]
