"""Correcting an adviser's registry entry (services.adviser_update, the edit page and
PATCH /api/v1/advisers/{id}): the resulting entry passes the registration rules, each
refusal names its rule and writes nothing, and the audit keeps the changed fields only."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from fazhi.advisers import services
from fazhi.advisers.models import Adviser
from fazhi.core import audit
from fazhi.core.models import AuditEvent, Membership
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role

from .helpers import LICENCE, lawyer

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 16)


def _state():
    return (
        [model_to_dict(a) for a in Adviser.objects.order_by("pk")],
        AuditEvent.objects.exclude(verb__startswith="auth.").count(),
    )


def refused(call, *fragments, exc=ServiceError, field=None):
    """Refused with a message naming each fragment (on `field` when given); nothing changed."""
    before = _state()
    with pytest.raises(exc) as info:
        call()
    for fragment in fragments:
        assert fragment in info.value.message, info.value.message
    if field:
        assert field in info.value.errors, info.value.errors
    assert _state() == before
    return info.value


def update(actor, adviser, **fields):
    return services.adviser_update(actor=actor, adviser=adviser, today=TODAY, **fields)


# --- the service ---------------------------------------------------------------------------


def test_correction_records_only_the_changed_fields(people):
    a = lawyer(people.officer)
    out = update(
        people.officer,
        a,
        name="郑立严",
        institution="海屿第二律师事务所",
        specialty="行政法",
        licence_no=LICENCE,  # unchanged: not in the audit
        user_id=people.adviser.pk,
    )
    a.refresh_from_db()
    assert (a.name, a.institution, a.specialty, a.user) == (
        "郑立严",
        "海屿第二律师事务所",
        "行政法",
        people.adviser,
    )
    assert a.kind == "lawyer" and a.practice_since == date(2012, 3, 1)  # untouched
    assert out.changed_fields == ["institution", "name", "specialty", "user"]
    event = AuditEvent.objects.get(verb="adviser.update")
    assert event.object_id == str(a.pk) and event.actor == people.officer
    assert event.changes == {
        "institution": {"before": "海屿律师事务所", "after": "海屿第二律师事务所"},
        "name": {"before": "郑立言", "after": "郑立严"},
        "specialty": {"before": "", "after": "行政法"},
        "user": {"before": None, "after": "adviser"},
    }
    assert "adviser.update" in audit.VERB_LABELS


def test_practice_date_change_is_audited_as_text(people):
    a = lawyer(people.officer)
    update(people.officer, a, practice_since=date(2011, 9, 1))
    event = AuditEvent.objects.get(verb="adviser.update")
    assert event.changes == {"practice_since": {"before": "2012-03-01", "after": "2011-09-01"}}


def test_no_change_writes_nothing(people):
    a = lawyer(people.officer)
    before = _state()
    out = update(people.officer, a, name="郑立言", institution=" 海屿律师事务所 ")
    assert out.changed_fields == [] and _state() == before


def test_unlinking_the_login(people):
    a = lawyer(people.officer, user=people.adviser)
    update(people.officer, a, user_id=None)
    a.refresh_from_db()
    assert a.user is None
    event = AuditEvent.objects.get(verb="adviser.update")
    assert event.changes == {"user": {"before": "adviser", "after": None}}


@pytest.mark.parametrize(
    "fields, fragment, field",
    [
        ({"practice_since": date(2022, 1, 1)}, "律师担任法律顾问须执业满5年", "practice_since"),
        ({"criminal_record": True}, "受过刑事处罚的人员不得担任法律顾问", "criminal_record"),
        ({"sanction_record": True}, "受过行业惩戒或行政处罚的人员不得担任", "sanction_record"),
        ({"licence_no": "3301-123"}, "执业证号应为17位数字", "licence_no"),
        ({"licence_no": ""}, "律师、公职律师须填写执业证号", "licence_no"),
        ({"practice_since": None}, "律师、公职律师须填写执业起始日期", "practice_since"),
        ({"practice_since": date(2030, 1, 1)}, "执业起始日期不能晚于今天", "practice_since"),
        ({"practice_since": date(1900, 1, 1)}, "执业起始日期应在1950年以后", "practice_since"),
        ({"name": "  "}, "请填写姓名", "name"),
        ({"name": "甲" * 65}, "姓名不能超过64个字", "name"),
        ({"institution": ""}, "请填写律师事务所或工作单位", "institution"),
        ({"kind": "judge"}, "类别不正确", "kind"),
        ({"note": "x\x00"}, "备注含有无效字符", "note"),
        ({"status": "dismissed"}, "不能修改", "status"),
        ({"org_unit": None}, "不能修改", "org_unit"),
    ],
)
def test_each_rule_refuses_and_nothing_changes(people, fields, fragment, field):
    a = lawyer(people.officer, user=people.adviser)
    refused(lambda: update(people.officer, a, **fields), fragment, field=field)


def test_active_adviser_no_longer_qualified_is_told_to_dismiss_first(people):
    a = lawyer(people.officer)
    err = refused(lambda: update(people.officer, a, criminal_record=True), "请先解聘")
    assert err.code == "unqualified"


def test_becoming_a_lawyer_requires_licence_and_years(people):
    a = services.adviser_create(
        actor=people.officer, name="王教授", kind="expert", institution="浙江大学", today=TODAY
    )
    refused(lambda: update(people.officer, a, kind="lawyer"), "须填写执业证号")
    refused(
        lambda: update(
            people.officer, a, kind="lawyer", licence_no=LICENCE, practice_since=date(2023, 1, 1)
        ),
        "执业满5年",
    )
    update(people.officer, a, kind="lawyer", licence_no=LICENCE, practice_since=date(2015, 1, 1))
    a.refresh_from_db()
    assert a.kind == "lawyer"


def test_linked_login_must_be_a_legal_adviser_of_the_town_or_county(people):
    a = lawyer(people.officer)
    for account in (people.cadre, people.officer, people.resident):
        refused(
            lambda account=account: update(people.officer, a, user_id=account.pk),
            "不是本单位的法律顾问账号",
            field="user",
        )


def test_login_already_linked_to_another_adviser(people):
    lawyer(people.officer, user=people.adviser)
    other = lawyer(people.officer, name="王教授", kind="expert", licence_no="")
    refused(
        lambda: update(people.officer, other, user_id=people.adviser.pk),
        "该账号已关联本单位的另一名法律顾问",
        field="user",
    )


def test_licence_already_in_the_registry(people):
    lawyer(people.officer)
    other = lawyer(people.officer, name="王律师", licence_no="13301201010999999")
    refused(
        lambda: update(people.officer, other, licence_no=LICENCE),
        "该执业证号的法律顾问已在本单位名册中",
        field="licence_no",
    )


def test_only_the_towns_law_officer_may_correct(people):
    a = lawyer(people.officer)
    for actor in (people.leader, people.supervisor, people.adviser, people.cadre):
        refused(
            lambda actor=actor: update(actor, a, name="改名"),
            "只有法治办工作人员可以修改法律顾问信息",
            exc=Forbidden,
        )
    err = refused(lambda: update(people.officer_b, a, name="改名"), "记录不存在或无权查看")
    assert err.code == "not_found"


def test_a_dismissed_adviser_can_still_be_corrected(people):
    a = lawyer(people.officer)
    services.adviser_transition(actor=people.officer, obj=a, verb="dismiss", note="受到行业惩戒")
    # the record of why they left, and the re-registered successor's licence, are allowed
    lawyer(people.officer, name="郑立言(新)")
    a.refresh_from_db()
    update(people.officer, a, sanction_record=True, institution="另一律所")
    a.refresh_from_db()
    assert a.sanction_record and a.institution == "另一律所" and a.status == "dismissed"
    # the form rules still hold
    refused(lambda: update(people.officer, a, licence_no="12"), "执业证号应为17位数字")
    # and reinstating re-checks qualification
    with pytest.raises(ServiceError, match="受过行业惩戒"):
        services.adviser_transition(actor=people.officer, obj=a, verb="reinstate", note="复聘")


def test_an_unchanged_link_whose_role_ended_does_not_block_a_correction(people):
    a = lawyer(people.officer, user=people.adviser)
    Membership.objects.filter(user=people.adviser, role=Role.LEGAL_ADVISER).update(is_active=False)
    update(people.officer, a, institution="新律所", user_id=people.adviser.pk)
    a.refresh_from_db()
    assert a.institution == "新律所" and a.user == people.adviser


# --- the page ------------------------------------------------------------------------------


def _form(a, **override):
    data = {
        "name": a.name,
        "kind": a.kind,
        "institution": a.institution,
        "licence_no": a.licence_no,
        "practice_since": a.practice_since.isoformat() if a.practice_since else "",
        "specialty": a.specialty,
        "user": a.user_id or "",
        "note": a.note,
    }
    data.update(override)
    return {k: v for k, v in data.items() if v is not None}


def test_edit_page_is_prefilled_and_saves_with_a_flash(people, login):
    a = lawyer(people.officer, user=people.adviser)
    client = login(people.officer)
    url = reverse("advisers:adviser_edit", args=[a.pk])
    r = client.get(url)
    body = r.content.decode()
    assert r.status_code == 200 and 'value="郑立言"' in body and 'value="2012-03-01"' in body
    assert "执业满5年" in body
    r = client.post(url, _form(a, institution="海屿第二律师事务所"), follow=True)
    assert r.redirect_chain == [(reverse("advisers:adviser_detail", args=[a.pk]), 302)]
    assert "已修改法律顾问郑立言的登记信息" in r.content.decode()
    a.refresh_from_db()
    assert a.institution == "海屿第二律师事务所" and a.user == people.adviser
    assert AuditEvent.objects.filter(verb="adviser.update").count() == 1


def test_edit_page_without_changes_says_so(people, login):
    a = lawyer(people.officer)
    r = login(people.officer).post(
        reverse("advisers:adviser_edit", args=[a.pk]), _form(a), follow=True
    )
    assert "登记信息没有变化" in r.content.decode()
    assert not AuditEvent.objects.filter(verb="adviser.update").exists()


@pytest.mark.parametrize(
    "override, fragment",
    [
        ({"practice_since": "2023-01-01"}, "律师担任法律顾问须执业满5年"),
        ({"licence_no": "abc"}, "执业证号应为17位数字"),
        ({"criminal_record": "on"}, "受过刑事处罚的人员不得担任法律顾问"),
        ({"practice_since": "2023-13-45"}, "有效的日期"),
        ({"name": ""}, "这个字段是必填项"),
        ({"user": "999999"}, "选择一个有效的选项"),
    ],
)
def test_edit_page_refusals_are_400_with_field_errors(people, login, override, fragment):
    a = lawyer(people.officer)
    before = _state()
    r = login(people.officer).post(
        reverse("advisers:adviser_edit", args=[a.pk]), _form(a, **override)
    )
    assert r.status_code == 400
    body = r.content.decode()
    assert fragment in body and "errorlist" in body
    assert _state() == before


def test_edit_page_for_a_login_whose_role_ended_keeps_it_selectable(people, login):
    a = lawyer(people.officer, user=people.adviser)
    Membership.objects.filter(user=people.adviser, role=Role.LEGAL_ADVISER).update(is_active=False)
    client = login(people.officer)
    url = reverse("advisers:adviser_edit", args=[a.pk])
    assert f'value="{people.adviser.pk}" selected' in client.get(url).content.decode()
    r = client.post(url, _form(a, specialty="行政法"))
    assert r.status_code == 302
    a.refresh_from_db()
    assert a.specialty == "行政法" and a.user == people.adviser


def test_edit_page_permissions_and_the_detail_button(people, login):
    a = lawyer(people.officer)
    url = reverse("advisers:adviser_edit", args=[a.pk])
    detail = reverse("advisers:adviser_detail", args=[a.pk])
    assert login(people.leader).get(url).status_code == 403
    assert 'data-testid="adviser-edit"' not in login(people.leader).get(detail).content.decode()
    assert login(people.officer_b).get(url).status_code == 404
    before = _state()
    assert login(people.officer_b).post(url, _form(a, name="改名")).status_code == 404
    assert _state() == before
    body = login(people.officer).get(detail).content.decode()
    assert 'data-testid="adviser-edit"' in body and url in body


def test_detail_button_also_for_a_dismissed_adviser(people, login):
    a = lawyer(people.officer)
    services.adviser_transition(actor=people.officer, obj=a, verb="dismiss", note="辞任")
    body = login(people.officer).get(reverse("advisers:adviser_detail", args=[a.pk]))
    assert 'data-testid="adviser-edit"' in body.content.decode()


# --- the API -------------------------------------------------------------------------------


def _patch(client, pk, body):
    return client.patch(
        f"/api/v1/advisers/{pk}", data=json.dumps(body), content_type="application/json"
    )


def test_api_partial_update(people, login):
    a = lawyer(people.officer, user=people.adviser)
    r = _patch(login(people.officer), a.pk, {"institution": "海屿第二律师事务所"})
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["institution"] == "海屿第二律师事务所" and body["name"] == "郑立言"
    assert body["user_id"] == people.adviser.pk and body["licence_no"] == LICENCE
    event = AuditEvent.objects.get(verb="adviser.update")
    assert event.changes == {
        "institution": {"before": "海屿律师事务所", "after": "海屿第二律师事务所"}
    }
    r = _patch(login(people.officer), a.pk, {"user_id": None})
    assert r.status_code == 200 and r.json()["user_id"] is None


@pytest.mark.parametrize(
    "body, status, field",
    [
        ({"licence_no": "123"}, 400, "licence_no"),
        ({"practice_since": "2024-01-01"}, 400, "practice_since"),
        ({"criminal_record": True}, 400, "criminal_record"),
        ({"user_id": 999999}, 400, "user"),
        ({"name": None}, 422, "name"),
        ({"name": ""}, 422, "name"),
        ({"kind": "judge"}, 422, "kind"),
        ({"status": "dismissed"}, 422, "status"),
        ({"user_id": 2**70}, 422, "user_id"),
        ({"practice_since": "2024-02-30"}, 422, "practice_since"),
        ({"specialty": "x\x00"}, 422, "specialty"),
    ],
)
def test_api_bad_input_is_4xx_json_and_writes_nothing(people, login, body, status, field):
    a = lawyer(people.officer)
    before = _state()
    r = _patch(login(people.officer), a.pk, body)
    assert r.status_code == status, r.content
    assert field in r.json()["errors"], r.json()
    assert _state() == before


def test_api_scope_and_roles(people, login):
    a = lawyer(people.officer)
    before = _state()
    assert _patch(login(people.officer_b), a.pk, {"name": "改名"}).status_code == 404
    r = _patch(login(people.leader), a.pk, {"name": "改名"})
    assert r.status_code == 403 and "只有法治办工作人员" in r.json()["message"]
    assert _patch(login(people.officer), 987654, {"name": "改名"}).status_code == 404
    assert _state() == before
