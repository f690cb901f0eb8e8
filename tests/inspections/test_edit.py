"""Correcting inspections and findings: the inspecting side corrects an inspection until it
is completed and a finding while it is 待整改 or 退回, under the guards of creation; every
refusal changes nothing; every correction is audited with before/after and shows as
"最近修改" (it is no status change, so the timeline does not grow)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.urls import reverse

from fazhi.core.models import AuditEvent, StatusChange
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.inspections import services
from fazhi.inspections.models import Finding, Inspection

from .conftest import START, add_finding, evidence, snapshot

pytestmark = pytest.mark.django_db

API = "/api/v1"


def refused(exc_type, message, call, *objs):
    """`call()` raises `exc_type` naming `message`; rows, statuses, fields, timeline and
    audit trail are as before."""
    before = snapshot(*objs), [_fields(o) for o in objs]
    with pytest.raises(exc_type) as info:
        call()
    assert message in info.value.message, info.value.message
    assert (snapshot(*objs), [_fields(o) for o in objs]) == before
    return info.value


def _fields(obj):
    obj.refresh_from_db()
    names = services.FINDING_EDITABLE if isinstance(obj, Finding) else services.INSPECTION_EDITABLE
    return {n: getattr(obj, n) for n in names}


def patch(client, url, data):
    return client.patch(url, data=json.dumps(data), content_type="application/json")


# --- inspections: service -----------------------------------------------------------------


def test_the_county_corrects_its_inspection_and_it_is_audited(people, tree, inspection):
    """Given an open county inspection, when the supervisor corrects title, topic, basis
    and start, then those change, one audit event holds before/after of exactly those
    fields, and the timeline does not grow."""
    steps = StatusChange.objects.count()
    updated = services.inspection_update(
        actor=people.supervisor,
        inspection=inspection,
        title="合同管理专项督查",
        topic="contracts",
        basis="县依法治县办通知(修订)",
        started_on="2025-03-04",
    )
    inspection.refresh_from_db()
    assert (inspection.title, inspection.topic) == ("合同管理专项督查", "contracts")
    assert inspection.started_on == date(2025, 3, 4) and updated.started_on == date(2025, 3, 4)
    event = AuditEvent.objects.get(verb="inspection.update")
    assert event.actor == people.supervisor and event.object_id == str(inspection.pk)
    assert event.changes["started_on"] == {"before": "2025-03-03", "after": "2025-03-04"}
    assert event.changes["topic"] == {"before": "documents", "after": "contracts"}
    assert set(event.changes) == {"title", "topic", "basis", "started_on"}
    assert StatusChange.objects.count() == steps
    _event, labels = services.last_change(inspection)
    assert set(labels) == {"督查名称", "督查内容", "督查依据", "开始日期"}


def test_a_correction_that_changes_nothing_writes_nothing(people, tree, inspection):
    before = snapshot(inspection)
    services.inspection_update(
        actor=people.supervisor, inspection=inspection, title=inspection.title
    )
    assert snapshot(inspection) == before
    assert services.last_change(inspection) is None


def test_a_completed_inspection_cannot_be_corrected(people, tree, inspection):
    services.inspection_transition(
        actor=people.supervisor, obj=inspection, verb="complete", conclusion="no_issues"
    )
    refused(
        ServiceError,
        "督查已办结,不能再修改",
        lambda: services.inspection_update(
            actor=people.supervisor, inspection=inspection, title="改名"
        ),
        inspection,
    )


def test_the_start_cannot_move_past_a_findings_deadline(people, tree, inspection):
    finding = add_finding(people.supervisor, inspection, people.cadre, deadline=date(2025, 3, 20))
    exc = refused(
        ServiceError,
        "开始日期不能晚于已记录问题的整改期限(2025-03-20)",
        lambda: services.inspection_update(
            actor=people.supervisor, inspection=inspection, started_on=date(2025, 3, 21)
        ),
        inspection,
        finding,
    )
    assert "started_on" in exc.errors


def test_the_end_cannot_precede_the_start(people, tree, inspection):
    exc = refused(
        ServiceError,
        "结束日期不能早于督查开始日期",
        lambda: services.inspection_update(
            actor=people.supervisor, inspection=inspection, ended_on=date(2025, 3, 1)
        ),
        inspection,
    )
    assert "ended_on" in exc.errors


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"title": " "}, "title", "请填写督查名称"),
        ({"title": "x" * 201}, "title", "不能超过200个字"),
        ({"topic": "weekly"}, "topic", "督查内容不正确"),
        ({"started_on": "2025-02-30"}, "started_on", "格式应为 YYYY-MM-DD"),
        ({"started_on": None}, "started_on", "请填写开始日期"),
        ({"kind": "self"}, "kind", "不能修改的字段"),
        ({"org_unit": 1}, "org_unit", "不能修改的字段"),
    ],
)
def test_bad_corrections_are_refused_in_chinese(people, tree, inspection, fields, field, message):
    exc = refused(
        ServiceError,
        message,
        lambda: services.inspection_update(
            actor=people.supervisor, inspection=inspection, **fields
        ),
        inspection,
    )
    assert field in exc.errors


@pytest.mark.parametrize(
    "who, exc_type, message",
    [
        ("officer", Forbidden, "只有县级督导可以修改县级督查"),
        ("leader", Forbidden, "只有县级督导或镇法治办工作人员可以修改督查"),
        ("cadre", Forbidden, "只有县级督导或镇法治办工作人员可以修改督查"),
        ("officer_b", ServiceError, "记录不存在或无权查看"),
        ("other_supervisor", ServiceError, "记录不存在或无权查看"),
    ],
)
def test_only_the_inspecting_side_corrects(people, tree, inspection, who, exc_type, message):
    refused(
        exc_type,
        message,
        lambda: services.inspection_update(
            actor=getattr(people, who), inspection=inspection, title="改名"
        ),
        inspection,
    )


# --- findings: service ----------------------------------------------------------------------


def test_the_county_reassigns_a_finding_and_moves_its_deadline(people, tree, issued):
    """Given an issued finding owned by the cadre, when the supervisor names the leader and
    a later deadline, then both change, the audit event says from whom to whom, and the
    new owner sees the finding while the old one no longer does."""
    _inspection, finding = issued
    services.finding_update(
        actor=people.supervisor,
        finding=finding,
        owner=people.leader,
        deadline=date(2025, 5, 15),
        description=finding.description,
    )
    finding.refresh_from_db()
    assert finding.owner == people.leader and finding.deadline == date(2025, 5, 15)
    event = AuditEvent.objects.get(verb="inspection_finding.update")
    assert event.changes == {
        "deadline": {"before": "2025-04-30", "after": "2025-05-15"},
        "owner": {"before": people.cadre.username, "after": people.leader.username},
    }
    assert not Finding.objects.visible_to(people.cadre).filter(pk=finding.pk).exists()
    _event, labels = services.last_change(finding)
    assert labels == ["整改责任人", "整改期限"]  # in the form's order


def test_a_returned_finding_may_be_corrected_a_submitted_one_not(people, tree, issued):
    _inspection, finding = issued
    evidence(people.cadre, finding)
    finding = services.finding_transition(
        actor=people.cadre, obj=finding, verb="submit", rectification="已补报"
    )
    refused(
        ServiceError,
        "已提交整改的问题不能修改,请先退回",
        lambda: services.finding_update(actor=people.supervisor, finding=finding, basis="另一依据"),
        finding,
    )
    finding = services.finding_transition(
        actor=people.supervisor, obj=finding, verb="return", note="依据写错,先退回"
    )
    services.finding_update(actor=people.supervisor, finding=finding, basis="另一依据")
    finding.refresh_from_db()
    assert finding.basis == "另一依据" and finding.status == Finding.Status.RETURNED


def test_a_closed_finding_cannot_be_corrected(people, tree, issued):
    _inspection, finding = issued
    evidence(people.cadre, finding)
    services.finding_transition(actor=people.cadre, obj=finding, verb="submit", rectification="好")
    finding = services.finding_transition(actor=people.supervisor, obj=finding, verb="close")
    refused(
        ServiceError,
        "已销号的问题不能修改",
        lambda: services.finding_update(actor=people.supervisor, finding=finding, basis="改"),
        finding,
    )


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"owner": "officer_b"}, "owner", "整改责任人须为被督查单位(海屿镇)的工作人员"),
        ({"owner": "supervisor"}, "owner", "整改责任人须为被督查单位"),
        ({"owner": None}, "owner", "请选择整改责任人"),
        ({"deadline": date(2025, 3, 2)}, "deadline", "整改期限不能早于督查开始日期(2025-03-03)"),
        ({"deadline": None}, "deadline", "请填写整改期限"),
        ({"description": ""}, "description", "请填写问题描述"),
        ({"basis": "x" * 201}, "basis", "依据不能超过200个字"),
        ({"status": "closed"}, "status", "不能修改的字段"),
    ],
)
def test_bad_finding_corrections_are_refused(people, tree, issued, fields, field, message):
    _inspection, finding = issued
    if fields.get("owner"):
        fields = {**fields, "owner": getattr(people, fields["owner"])}
    exc = refused(
        ServiceError,
        message,
        lambda: services.finding_update(actor=people.supervisor, finding=finding, **fields),
        finding,
    )
    assert field in exc.errors


@pytest.mark.parametrize(
    "who, exc_type, message",
    [
        ("officer", Forbidden, "只有县级督导可以修改县级督查的问题"),
        ("cadre", Forbidden, "只有督查单位可以修改督查问题"),
        ("officer_b", ServiceError, "记录不存在或无权查看"),
    ],
)
def test_only_the_inspecting_side_corrects_findings(people, tree, issued, who, exc_type, message):
    _inspection, finding = issued
    refused(
        exc_type,
        message,
        lambda: services.finding_update(
            actor=getattr(people, who), finding=finding, deadline=date(2025, 6, 1)
        ),
        finding,
    )


def test_in_a_self_inspection_the_law_officer_corrects(people, tree):
    inspection = services.inspection_create(
        actor=people.officer,
        org_unit=tree.town_a,
        kind="self",
        title="自查",
        topic="documents",
        started_on=START,
    )
    finding = add_finding(people.officer, inspection, people.cadre)
    services.inspection_update(actor=people.officer, inspection=inspection, title="年度自查")
    services.finding_update(actor=people.officer, finding=finding, owner=people.village_cadre)
    finding.refresh_from_db()
    assert finding.owner == people.village_cadre
    refused(
        Forbidden,
        "只有本镇法治办工作人员可以修改自查",
        lambda: services.inspection_update(
            actor=people.supervisor, inspection=inspection, title="县改"
        ),
        inspection,
    )


def test_every_correction_verb_has_a_chinese_label():
    from fazhi.core import audit

    assert audit.VERB_LABELS["inspection.update"] == "修改督查"
    assert audit.VERB_LABELS["inspection_finding.update"] == "修改督查问题"


# --- pages -------------------------------------------------------------------------------------


def test_the_edit_pages_are_prefilled_and_save(people, tree, login, issued):
    inspection, finding = issued
    sup = login(people.supervisor)
    detail = sup.get(reverse("inspections:inspection_detail", args=[inspection.pk]))
    assert 'data-testid="inspection-edit"' in detail.content.decode()
    url = reverse("inspections:inspection_edit", args=[inspection.pk])
    body = sup.get(url).content.decode()
    assert 'value="规范性文件专项督查"' in body and 'value="2025-03-03"' in body
    response = sup.post(
        url,
        {"title": "规范性文件管理专项督查", "topic": "documents", "started_on": "2025-03-03"},
    )
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.title == "规范性文件管理专项督查"
    body = sup.get(reverse("inspections:inspection_detail", args=[inspection.pk])).content.decode()
    assert "最近修改" in body and "督查名称" in body

    url = reverse("inspections:finding_edit", args=[finding.pk])
    body = sup.get(url).content.decode()
    assert "文件未按期报送备案" in body and 'value="2025-04-30"' in body
    assert f'<option value="{people.cadre.pk}" selected>' in body
    response = sup.post(
        url,
        {
            "description": "文件未按期报送备案",
            "basis": "备案审查规定",
            "owner": people.leader.pk,
            "deadline": "2025-05-20",
        },
    )
    assert response.status_code == 302
    body = sup.get(reverse("inspections:finding_detail", args=[finding.pk])).content.decode()
    assert 'data-testid="last-change"' in body and "整改责任人" in body and "2025-05-20" in body


def test_bad_edits_answer_400_with_field_errors_and_write_nothing(people, tree, login, issued):
    inspection, finding = issued
    sup = login(people.supervisor)
    before = snapshot(inspection, finding), _fields(inspection), _fields(finding)
    response = sup.post(
        reverse("inspections:inspection_edit", args=[inspection.pk]),
        {"title": "", "topic": "weekly", "started_on": "2025-13-01"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "日期格式应为 YYYY-MM-DD" in body
    response = sup.post(
        reverse("inspections:inspection_edit", args=[inspection.pk]),
        {"title": "x", "topic": "documents", "started_on": "2025-05-01"},
    )
    assert response.status_code == 400
    assert "开始日期不能晚于已记录问题的整改期限" in response.content.decode()
    response = sup.post(
        reverse("inspections:finding_edit", args=[finding.pk]),
        {"description": "x", "basis": "y", "owner": people.cadre.pk, "deadline": "2025-01-01"},
    )
    assert response.status_code == 400
    assert "整改期限不能早于督查开始日期" in response.content.decode()
    response = sup.post(
        reverse("inspections:finding_edit", args=[finding.pk]),
        {"description": "x", "basis": "y", "owner": people.cadre.pk, "deadline": ""},
    )
    assert response.status_code == 400
    assert (snapshot(inspection, finding), _fields(inspection), _fields(finding)) == before


def test_no_edit_button_for_readers_and_no_edit_once_submitted(people, tree, login, issued):
    inspection, finding = issued
    leader = login(people.leader)
    assert (
        "inspection-edit"
        not in leader.get(
            reverse("inspections:inspection_detail", args=[inspection.pk])
        ).content.decode()
    )
    assert leader.get(reverse("inspections:finding_edit", args=[finding.pk])).status_code == 403
    evidence(people.cadre, finding)
    services.finding_transition(actor=people.cadre, obj=finding, verb="submit", rectification="好")
    sup = login(people.supervisor)
    body = sup.get(reverse("inspections:finding_detail", args=[finding.pk])).content.decode()
    assert 'data-testid="finding-edit"' not in body
    response = sup.get(reverse("inspections:finding_edit", args=[finding.pk]), follow=True)
    assert "已提交整改的问题不能修改,请先退回" in response.content.decode()
    before = snapshot(finding), _fields(finding)
    response = sup.post(
        reverse("inspections:finding_edit", args=[finding.pk]),
        {"description": "x", "basis": "y", "owner": people.cadre.pk, "deadline": "2025-05-01"},
    )
    assert response.status_code == 400
    assert "已提交整改的问题不能修改,请先退回" in response.content.decode()
    assert (snapshot(finding), _fields(finding)) == before


def test_detail_pages_stay_flat_with_the_last_change(people, tree, login, issued, count_queries):
    inspection, finding = issued
    sup = login(people.supervisor)
    url = reverse("inspections:finding_detail", args=[finding.pk])
    first = count_queries(lambda: sup.get(url))
    for n in range(3):
        services.finding_update(actor=people.supervisor, finding=finding, basis=f"依据{n}")
    assert count_queries(lambda: sup.get(url)) == first


# --- API ---------------------------------------------------------------------------------------


def test_patch_corrects_only_the_fields_sent(people, tree, login, issued):
    inspection, finding = issued
    sup = login(people.supervisor)
    r = patch(sup, f"{API}/inspections/{inspection.pk}", {"basis": "新依据"})
    assert r.status_code == 200, r.content
    assert r.json()["basis"] == "新依据" and r.json()["title"] == "规范性文件专项督查"
    r = patch(
        sup,
        f"{API}/inspection-findings/{finding.pk}",
        {"owner_id": people.leader.pk, "deadline": "2025-05-10"},
    )
    assert r.status_code == 200, r.content
    assert r.json()["owner_id"] == people.leader.pk and r.json()["deadline"] == "2025-05-10"
    assert r.json()["description"] == "文件未按期报送备案"


@pytest.mark.parametrize(
    "path, payload, status, field",
    [
        ("inspection", {"kind": "self"}, 422, "kind"),
        ("inspection", {"title": ""}, 422, "title"),
        ("inspection", {"started_on": "2025-02-30"}, 422, "started_on"),
        ("inspection", {"started_on": "2025-06-01"}, 400, "started_on"),
        ("inspection", {"ended_on": "2025-01-01"}, 400, "ended_on"),
        ("inspection", {"title": "a\x00b"}, 422, "title"),
        ("finding", {"owner_id": "officer_b"}, 400, "owner_id"),
        ("finding", {"owner_id": 999999}, 400, "owner_id"),
        ("finding", {"owner_id": 2**70}, 422, "owner_id"),
        ("finding", {"deadline": "2025-01-01"}, 400, "deadline"),
        ("finding", {"deadline": None}, 400, "deadline"),
        ("finding", {"status": "closed"}, 422, "status"),
    ],
)
def test_bad_patches_are_4xx_on_the_field_and_change_nothing(
    people, tree, login, issued, path, payload, status, field
):
    inspection, finding = issued
    if payload.get("owner_id") == "officer_b":
        payload = {"owner_id": people.officer_b.pk}
    url = (
        f"{API}/inspections/{inspection.pk}"
        if path == "inspection"
        else f"{API}/inspection-findings/{finding.pk}"
    )
    sup = login(people.supervisor)  # a login is an audit event of its own
    before = snapshot(inspection, finding), _fields(inspection), _fields(finding)
    r = patch(sup, url, payload)
    assert r.status_code == status, r.content
    assert field in r.json()["errors"], r.json()
    assert (snapshot(inspection, finding), _fields(inspection), _fields(finding)) == before


def test_patch_refusals_by_state_and_scope(people, tree, login, issued):
    inspection, finding = issued
    evidence(people.cadre, finding)
    services.finding_transition(actor=people.cadre, obj=finding, verb="submit", rectification="好")
    url = f"{API}/inspection-findings/{finding.pk}"
    sup = login(people.supervisor)
    before = snapshot(inspection, finding), _fields(finding)
    r = patch(sup, url, {"basis": "改"})
    assert r.status_code == 400 and r.json()["message"] == "已提交整改的问题不能修改,请先退回"
    assert (snapshot(inspection, finding), _fields(finding)) == before
    r = patch(login(people.officer_b), url, {"basis": "改"})
    assert r.status_code == 404
    r = patch(login(people.officer), f"{API}/inspections/{inspection.pk}", {"title": "改"})
    assert r.status_code == 403 and "县级督导" in r.json()["message"]
    assert _fields(finding) == before[1]
    assert Inspection.objects.get().title == "规范性文件专项督查"
    assert not AuditEvent.objects.filter(verb__endswith=".update").exists()
    assert Inspection.objects.get().title == "规范性文件专项督查"
