"""督查整改 at county scale: `fazhi scale-data` adds the inspections and findings of five
years, each in a status the workflow would have reached by now under the services' rules,
scoped as the demo accounts expect, and the services carry on with them afterwards."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from fazhi.core import scale
from fazhi.core.attachments import attachment_add, attachment_remove
from fazhi.core.deadlines import deadline, overrides_read_once
from fazhi.core.demo import COUNTY_CODE
from fazhi.core.models import Attachment, Membership, User
from fazhi.core.permissions import ServiceError
from fazhi.core.roles import Role
from fazhi.core.uploads import inspect_upload
from fazhi.inspections.models import OWNER_ROLES, Finding, Inspection
from fazhi.inspections.params import RECTIFY_DAYS
from fazhi.inspections.scale import generate
from fazhi.inspections.services import finding_transition
from tests.permission_lib import _png

pytestmark = pytest.mark.django_db(transaction=False)
DAY = date(2026, 11, 30)
S = Finding.Status
I = Inspection.Status  # noqa: E741


@pytest.fixture
def grown(demo_county, on_day):
    """The demo, then the county's inspections grown at factor 0.1; the demo's last ids."""
    last = (
        Inspection.objects.order_by("-id").values_list("id", flat=True).first(),
        Finding.objects.order_by("-id").values_list("id", flat=True).first(),
    )
    # The county's towns and people (core) and the inspections: the other apps' rows would
    # take half a minute per test and nothing here reads them.
    scale.grow(county_code=COUNTY_CODE, factor=0.1, seed=7, generators=[scale.generate, generate],
               progress=scale.Progress(stream=StringIO()))  # fmt: skip
    return last


def _local_day(moment):
    return timezone.localtime(moment).date()


def test_volumes_scoping_pages_and_the_services_carry_on(grown, login):
    last_inspection, last_finding = grown
    generated = Inspection.objects.filter(id__gt=last_inspection)
    findings = Finding.objects.filter(id__gt=last_finding)
    assert generated.count() == 270
    assert 450 <= findings.count() <= 900  # 0–5 each, about 2.4 on average
    assert set(generated.values_list("kind", flat=True)) == {"county_special", "self", "other"}
    officer, supervisor = (
        User.objects.get(username="officer"),
        User.objects.get(username="supervisor"),
    )
    for model in (Inspection, Finding):
        mine = model.objects.visible_to(officer).count()
        county = model.objects.visible_to(supervisor).count()
        assert 0 < mine < county == model.objects.count()
    for user in (officer, supervisor):
        assert login(user).get(reverse("inspections:inspection_list")).status_code == 200
        assert login(user).get(reverse("workbench")).status_code == 200
    # A generated open finding goes on through the services: its owner submits the
    # rectification with evidence (notice issued, owner of the town), the inspecting side
    # closes it (not the owner).
    finding = (
        Finding.objects.filter(
            id__gt=last_finding, status=S.PENDING, inspection__status=I.RECTIFYING
        )
        .select_related("owner", "inspection__conducted_by", "inspection__created_by")
        .first()
    )
    owner, inspector = finding.owner, finding.inspection.created_by
    attachment_add(
        actor=owner,
        record=finding,
        uploaded_file=SimpleUploadedFile("整改照片.png", _png(), content_type="image/png"),
    )
    finding_transition(actor=owner, obj=finding, verb="submit", rectification="已整改到位。")
    closed = finding_transition(actor=inspector, obj=finding, verb="close", note="整改到位")
    assert closed.status == S.CLOSED and closed.closed_by == inspector != owner
    # The generated evidence is a stored file the upload check accepts; a closed finding's
    # evidence (which the town's closed findings share) cannot be removed.
    shared = (
        Attachment.objects.filter(
            content_type__model="finding",
            object_id__in=findings.filter(status=S.CLOSED).values("pk"),
        )
        .select_related("uploaded_by")
        .first()
    )
    with shared.file.open("rb") as handle:
        upload = SimpleUploadedFile("x.png", handle.read(), content_type="image/png")
    assert inspect_upload(upload).file_type == "png"
    with pytest.raises(ServiceError, match="已销号的整改佐证材料不能删除"):
        attachment_remove(actor=shared.uploaded_by, attachment=shared)


def test_generated_records_keep_the_services_rules(grown):
    last_inspection, last_finding = grown
    roles = {
        (m.user_id, m.org_unit.code, m.role)
        for m in Membership.objects.filter(is_active=True, user__is_active=True).select_related(
            "org_unit"
        )
    }
    owner_towns = {
        (u, code[:9]) for u, code, role in roles if role in OWNER_ROLES and len(code) >= 9
    }
    supervisors = {
        u for u, code, role in roles if role == Role.COUNTY_SUPERVISOR and code == COUNTY_CODE
    }
    inspections = {
        i.pk: i
        for i in Inspection.objects.filter(id__gt=last_inspection).select_related(
            "org_unit", "conducted_by"
        )
    }
    by_inspection: dict[int, list[Finding]] = {pk: [] for pk in inspections}
    evidence = set(
        Attachment.objects.filter(content_type__model="finding").values_list("object_id", flat=True)
    )
    days = {}
    with overrides_read_once():
        for f in Finding.objects.filter(id__gt=last_finding).select_related("org_unit"):
            i = inspections[f.inspection_id]
            by_inspection[i.pk].append(f)
            inspector = {i.created_by_id}
            assert f.org_unit_id == i.org_unit_id and f.created_by_id == i.created_by_id
            assert (f.owner_id, i.org_unit.code) in owner_towns and f.owner_id not in inspector
            recorded = _local_day(f.created_at)
            period = days.setdefault(i.org_unit_id, RECTIFY_DAYS.value(i.org_unit))
            assert i.started_on <= recorded < DAY
            assert f.deadline == deadline(recorded, period, "days") >= i.started_on
            if f.status == S.PENDING:
                assert f.submitted_at is None and not f.rectification and f.pk not in evidence
            else:  # submitted once at least: after the notice, with text and evidence
                assert i.status != I.IN_PROGRESS and f.rectification and f.pk in evidence
                assert recorded <= _local_day(f.submitted_at) < DAY
            if f.status == S.CLOSED:
                assert (
                    f.closed_by_id in inspector and _local_day(f.submitted_at) < f.closed_on < DAY
                )
            else:
                assert f.closed_by_id is None and f.closed_on is None
    for i in inspections.values():
        if i.kind == Inspection.Kind.SELF:
            assert i.conducted_by_id == i.org_unit_id
            assert (i.created_by_id, i.org_unit.code, Role.LAW_OFFICER) in roles
        else:
            assert i.conducted_by.code == COUNTY_CODE and i.created_by_id in supervisors
        statuses = {f.status for f in by_inspection[i.pk]}
        assert i.started_on < DAY and _local_day(i.created_at) == i.started_on
        if i.status == I.IN_PROGRESS:
            assert i.conclusion == "" and i.ended_on is None and statuses <= {S.PENDING}
        elif i.status == I.RECTIFYING:
            assert i.conclusion == "found_issues" and statuses and i.ended_on is None
        else:
            assert i.started_on <= i.ended_on < DAY
            assert i.conclusion == ("found_issues" if statuses else "no_issues")
            assert statuses <= {S.CLOSED}
            closed = [f.closed_on for f in by_inspection[i.pk]]
            assert not closed or max(closed) <= i.ended_on
    findings = Finding.objects.filter(id__gt=last_finding)
    # Past years are complete; most were rectified in time, a few late.
    old = findings.filter(inspection__started_on__lt=DAY - timedelta(days=150))
    assert not old.exclude(status=S.CLOSED).exists()
    closed = list(old.values_list("submitted_at", "deadline"))
    late = sum(_local_day(at) > due for at, due in closed)
    assert 0 < late < len(closed) * 0.15
    # This year has work in hand: findings open, some of them overdue.
    open_ = findings.filter(status__in=Finding.OPEN, inspection__status=I.RECTIFYING)
    assert open_.filter(status=S.PENDING, deadline__lt=DAY).exists()
    assert open_.filter(status=S.PENDING, deadline__gte=DAY).exists()
