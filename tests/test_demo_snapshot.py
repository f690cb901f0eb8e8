"""The shared demo fixture (tests/demo_snapshot.py) gives each test the county that
`fazhi demo` builds: loading the demo again over it finds nothing missing, the audit
chain verifies, and a test's own records get fresh ids beside the demo's."""

from __future__ import annotations

from fazhi.core import audit
from fazhi.core.demo import load_demo
from fazhi.core.models import AuditEvent, OrgUnit


def test_the_restored_demo_is_the_whole_demo(demo_county):
    assert demo_county.town.name == "海屿镇"
    assert AuditEvent.objects.count() > 1000
    assert load_demo() == []
    assert audit.verify() is None


def test_a_test_writes_beside_the_demo_and_leaves_nothing_behind(demo_county):
    village = OrgUnit.objects.create(
        kind="village", code="339901101299", name="试验村", parent=demo_county.town
    )
    assert village.pk > OrgUnit.objects.exclude(pk=village.pk).order_by("-pk")[0].pk


def test_the_next_test_starts_from_the_same_demo(demo_county):
    assert not OrgUnit.objects.filter(code="339901101299").exists()
    assert OrgUnit.objects.filter(code__startswith="339901").count() > 5
