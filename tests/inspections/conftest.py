"""Fixtures of 督查整改: an open county inspection of town A and a self-inspection,
reached through the services."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.attachments import attachment_add
from fazhi.core.models import AuditEvent, StatusChange
from fazhi.inspections import services
from fazhi.inspections.models import Finding, Inspection
from tests.permission_lib import _png

START = date(2025, 3, 3)  # a Monday


def county_inspection(people, tree, **kw):
    return services.inspection_create(
        actor=people.supervisor,
        org_unit=tree.town_a,
        kind=kw.pop("kind", "county_special"),
        title=kw.pop("title", "规范性文件专项督查"),
        topic=kw.pop("topic", "documents"),
        started_on=kw.pop("started_on", START),
        basis="县依法治县办通知",
        **kw,
    )


def add_finding(actor, inspection, owner, **kw):
    return services.finding_add(
        actor=actor,
        inspection=inspection,
        description=kw.pop("description", "文件未按期报送备案"),
        basis=kw.pop("basis", "备案审查规定"),
        owner=owner,
        deadline=kw.pop("deadline", date(2025, 4, 30)),
        **kw,
    )


def evidence(actor, finding, name="整改照片.png"):
    return attachment_add(
        actor=actor,
        record=finding,
        uploaded_file=SimpleUploadedFile(name, _png(), content_type="image/png"),
    )


def snapshot(*objs):
    """What a refused call must leave unchanged: rows, statuses, timeline, audit trail."""
    statuses = []
    for o in objs:
        o.refresh_from_db()
        statuses.append((type(o).__name__, o.pk, o.status, getattr(o, "conclusion", None)))
    return (
        statuses,
        Inspection.objects.count(),
        Finding.objects.count(),
        StatusChange.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def inspection(people, tree):
    return county_inspection(people, tree)


@pytest.fixture
def issued(people, tree, inspection):
    """A county inspection with one finding owned by the town's cadre, notice issued."""
    finding = add_finding(people.supervisor, inspection, people.cadre)
    services.inspection_transition(actor=people.supervisor, obj=inspection, verb="issue")
    inspection.refresh_from_db()
    finding.refresh_from_db()
    return inspection, finding
