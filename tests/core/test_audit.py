"""The audit trail is append-only in the database and its hash chain detects tampering."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from fazhi.core import audit, services
from fazhi.core.models import AuditEvent, AuditPrunePermit
from fazhi.core.roles import Role


def _events(n=3):
    return [audit.record(verb="test.event", changes={"i": i}) for i in range(n)]


@pytest.mark.django_db
def test_chain_links_each_event_to_the_one_before():
    first, second, third = _events()
    assert second.prev_hash == first.hash and third.prev_hash == second.hash
    assert audit.verify() is None


@pytest.mark.django_db
def test_update_of_an_audit_row_is_refused_by_the_database():
    event = _events(1)[0]
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(verb="tampered")
    event.refresh_from_db()
    assert event.verb == "test.event"


@pytest.mark.django_db
def test_delete_of_an_audit_row_is_refused_by_the_database():
    event = _events(1)[0]
    with pytest.raises(DatabaseError), transaction.atomic():
        with connection.cursor() as cur:
            cur.execute("DELETE FROM core_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_delete_is_refused_even_with_a_prune_permit_for_young_rows():
    event = _events(1)[0]
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditPrunePermit.objects.create()
        with connection.cursor() as cur:
            cur.execute("DELETE FROM core_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_verify_names_the_altered_event(capsys, audit_triggers):
    """Given triggers dropped and one row altered, `fazhi audit verify` names that event."""
    events = _events(4)
    call_command("audit", "verify")
    assert capsys.readouterr().out.strip() == "OK"
    audit_triggers(False)
    with connection.cursor() as cur:
        cur.execute("UPDATE core_auditevent SET object_repr = %s WHERE id = %s",
                    ["改过的", events[2].pk])
    with pytest.raises(CommandError) as exc:
        call_command("audit", "verify")
    assert f"第 {events[2].pk} 条" in str(exc.value)


@pytest.mark.django_db
def test_prune_refuses_events_younger_than_180_days():
    _events(2)
    with pytest.raises(CommandError) as exc:
        call_command("audit", "prune", "--older-than", "30")
    assert "180" in str(exc.value)
    assert AuditEvent.objects.count() == 2


@pytest.mark.django_db
def test_prune_deletes_only_old_events_and_chain_still_verifies(audit_triggers):
    """Given events older than 400 days (backdated with triggers off), prune removes
    exactly those and the remaining chain still verifies."""
    old = _events(2)
    audit_triggers(False)
    with connection.cursor() as cur:
        cur.execute("UPDATE core_auditevent SET occurred_at = %s",
                    [timezone.now() - timedelta(days=400)])
    audit_triggers(True)
    recent = _events(1)
    assert audit.prune(older_than_days=365) == 2
    assert not AuditEvent.objects.filter(pk__in=[e.pk for e in old]).exists()
    assert AuditEvent.objects.filter(pk=recent[0].pk).exists()
    assert AuditEvent.objects.filter(verb="audit.prune").exists()
    assert not AuditPrunePermit.objects.exists()
    assert audit.verify() is None


def test_every_service_write_is_audited(people, tree):
    unit = services.org_unit_create(actor=people.officer, parent=tree.town_a, kind="village",
                                    code="339901101202", name="西岙村")
    event = AuditEvent.objects.get(verb="org_unit.create")
    assert event.actor_name == "officer" and event.object_id == str(unit.pk)
    assert event.changes["code"]["after"] == "339901101202"
    services.membership_grant(actor=people.officer, user=people.cadre, org_unit=unit,
                              role=Role.VILLAGE_CADRE)
    assert AuditEvent.objects.filter(verb="membership.grant", org_unit=unit).exists()


def test_login_logout_and_failed_login_are_audited(client, people):
    client.post("/login/", {"username": "officer", "password": "wrong-Password1"})
    client.post("/login/", {"username": "officer", "password": people.password})
    client.post("/logout/")
    verbs = list(AuditEvent.objects.order_by("id").values_list("verb", "result"))
    assert ("auth.login_failed", "failure") in verbs
    assert ("auth.login", "success") in verbs
    assert ("auth.logout", "success") in verbs
    failed = AuditEvent.objects.get(verb="auth.login_failed")
    assert failed.actor_name == "officer" and failed.ip == "127.0.0.1"


def test_audit_admin_browses_filters_and_exports_the_trail(login, people):
    from io import BytesIO

    from openpyxl import load_workbook

    audit.record(verb="membership.grant", actor=people.officer, changes={"x": 1})
    client = login(people.audit_admin)
    body = client.get("/core/audit/?verb=membership.").content.decode()
    assert "membership.grant" in body and "auth.login" not in body
    assert "起始日期不能晚于截止日期" in client.get(
        "/core/audit/?date_from=2026-02-02&date_to=2026-01-01").content.decode()
    response = client.get("/core/audit/export.xlsx?verb=membership.")
    assert response.status_code == 200
    ws = load_workbook(BytesIO(response.content)).active
    rows = list(ws.values)
    assert rows[0][0] == "编号" and rows[1][3] == "membership.grant" and len(rows) == 2
    assert AuditEvent.objects.filter(verb="audit.export", actor=people.audit_admin).exists()


def test_nobody_else_reads_or_exports_the_trail(login, people):
    for user in [people.officer, people.sys_admin, people.supervisor]:
        client = login(user)
        assert client.get("/core/audit/").status_code == 403
        assert client.get("/core/audit/export.xlsx").status_code == 403


def test_audit_chart_counts_events_per_day_and_result(login, people):
    from fazhi.core.selectors import audit_daily_counts

    audit.record(verb="auth.login_failed", actor_name="x", result=AuditEvent.Result.FAILURE)
    audit.record(verb="auth.login_failed", actor_name="x", result=AuditEvent.Result.FAILURE)
    daily = audit_daily_counts()
    failures = next(s for s in daily["series"] if s["name"] == "失败")
    assert failures["data"][-1] == 2 and sum(failures["data"]) == 2
    body = login(people.audit_admin).get("/core/audit/").content.decode()
    assert 'id="audit-daily"' in body and "echarts.min.js" in body


def test_every_verb_in_the_code_has_a_chinese_label():
    import re
    from pathlib import Path

    import fazhi
    from fazhi.core.hooks import app_hooks

    # Apps register their labels when their services and views are imported.
    for module in ("services", "views"):
        list(app_hooks(module, "__name__"))
    root = Path(fazhi.__file__).parent
    verbs = set()
    for path in root.rglob("*.py"):
        verbs |= set(re.findall(r'verb="([a-z_]+\.[a-z_]+)"', path.read_text()))
    missing = sorted(v for v in verbs if v not in audit.VERB_LABELS)
    assert verbs and not missing, missing
