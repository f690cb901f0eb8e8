"""组织领导 at county scale: `fazhi scale-data` adds groups, meetings and 述法 that keep
the services' rules, scoped as the demo accounts expect, and the pages stay flat."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.db.models import Count
from django.urls import reverse

from fazhi.core import clock, scale
from fazhi.core.demo import COUNTY_CODE
from fazhi.core.models import Membership, User
from fazhi.core.permissions import ServiceError
from fazhi.leadership import scale as app_scale
from fazhi.leadership import services
from fazhi.leadership.models import LawReport, LeadingGroup, Meeting

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 30)


def test_scale_data_keeps_the_rules(demo_county, on_day, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    last = Meeting.objects.order_by("-id").values_list("id", flat=True).first()
    scale.grow(
        county_code=COUNTY_CODE,
        factor=0.1,
        seed=7,
        progress=scale.Progress(stream=StringIO()),
        generators=[scale.generate, app_scale.generate],  # core's and this app's only
    )
    generated = Meeting.objects.filter(id__gt=last)
    assert generated.count() > 100
    # Only meetings dated before today are held.
    assert not generated.filter(status="held", held_on__gte=clock.today()).exists()
    # One group per unit, one 述法 per leader and year, reviewed only at a held meeting of its town.
    assert (
        not LeadingGroup.objects.values("org_unit").annotate(n=Count("id")).filter(n__gt=1).exists()
    )
    reviewed = LawReport.objects.filter(status="reviewed").select_related("meeting")
    assert reviewed.exists()
    assert all(
        r.meeting.org_unit_id == r.org_unit_id and r.meeting.status == "held" for r in reviewed
    )
    # The demo officer's pages read only their own town; the services carry on.
    officer = User.objects.get(username="officer")
    client = login(officer)
    assert client.get(reverse("leadership:meeting_list")).status_code == 200
    planned = generated.filter(status="planned", level="town").select_related("org_unit").first()
    town_officer = (
        Membership.objects.filter(org_unit=planned.org_unit, role="law_officer").first().user
    )
    with pytest.raises(ServiceError, match="尚未到来"):
        services.meeting_hold(actor=town_officer, obj=planned, minutes="纪要")
