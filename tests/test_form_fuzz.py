"""Malformed input on every form page (quality battery #7, pages side): each field of each
form gets missing, empty, huge, NUL, emoji, wrong-type, out-of-range and impossible-date
values. Given such a post, when the page answers, then it is never a 500; when the
post is refused, every error shown is Chinese and nothing was written (no audit event,
no new row). List pages get junk query parameters and answer 200 or 400, never 500."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fazhi.core import audit
from fazhi.core.models import AuditEvent, HolidayOverride
from fazhi.reviews.services import precheck_run_create

HAN = re.compile(r"[\u4e00-\u9fff]")

# One value of each kind of trouble. Several of them are also valid for some fields
# (an emoji name is a fine name): then the post may succeed, and that is fine too.
BAD_VALUES = [
    "",
    "   ",
    "x" * 5000,
    "名" * 100_001,
    "\x00",
    "a\x00b",
    "😀🏯" * 20,
    "2025-02-30",
    "0000-00-00",
    "abc",
    "-1",
    "0",
    "1.5",
    "99999999999999999999999999",
    "１２",  # full-width digits
    "<script>alert(1)</script>",
    "\u202e\ufeff",
]


def _counts():
    """Rows in every table fazhi owns (audit trail included): a refused post changes none."""
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in ("core", "reviews") and not m._meta.proxy
    }


def _form_errors(response) -> list[str]:
    """Every error message of every form on the rendered page."""
    messages = []
    for ctx in response.context or []:
        for value in ctx.flatten().values() if hasattr(ctx, "flatten") else []:
            errors = getattr(value, "errors", None)
            if hasattr(value, "fields") and errors:
                for field_errors in errors.values():
                    messages.extend(str(e) for e in field_errors)
    return messages


def _post_variants(base: dict):
    """(label, data) for the base data with each field missing, then each field set to each
    bad value, then each field sent twice, then a field the form does not have."""
    for name in base:
        yield f"{name} missing", {k: v for k, v in base.items() if k != name}
        for bad in BAD_VALUES:
            yield f"{name}={bad[:20]!r}", {**base, name: bad}
        yield f"{name} twice", {**base, name: [base[name], "x"]}
    yield "extra field", {**base, "zzz": "\x00"}


def _check_post(client, url, data, label, extra=None):
    before = _counts()
    response = client.post(url, data, **(extra or {}))
    assert response.status_code < 500, f"{url} {label}: {response.status_code}"
    if response.status_code in (302, 303):
        return response  # accepted (or refused with a message on the next page)
    errors = _form_errors(response)
    for message in errors:
        assert HAN.search(message), f"{url} {label}: English error {message!r}"
    if errors:
        assert _counts() == before, f"{url} {label}: refused but something was written"
    return response


@pytest.fixture
def run(people):
    return precheck_run_create(
        actor=people.officer,
        title="关于加强管理的通知",
        kind="normative",
        text="一、违者一律罚款五千元。\n二、本通知自发布之日起施行。",
    )


def test_unit_forms_never_fail_on_junk(people, tree, login):
    """Given the law officer, when the add-unit and edit-unit forms get junk, then no 500
    and every refusal is Chinese with nothing written."""
    client = login(people.officer)
    add = reverse("core:unit_create", args=[tree.town_a.pk])
    base = {"kind": "village", "code": "339901101299", "name": "新村", "short_name": ""}
    for label, data in _post_variants(base):
        _check_post(client, add, data, label)
    edit = reverse("core:unit_edit", args=[tree.village_a1.pk])
    base = {"name": "东岙村", "short_name": "东岙", "is_active": "on"}
    for label, data in _post_variants(base):
        _check_post(client, edit, data, label)


def test_membership_form_never_fails_on_junk(people, tree, login):
    """Given the law officer granting a role, when each field is junk (a new account's
    phone and ID number included), then no 500 and refusals are Chinese, nothing written."""
    client = login(people.officer)
    url = reverse("core:membership_grant", args=[tree.village_a1.pk])
    base = {
        "username": "newcadre",
        "role": "village_cadre",
        "title": "主任",
        "full_name": "王五",
        "password": "Fazhi@2026strong",
        "phone": "13800138000",
        "id_number": "11010519491231002X",
    }
    for label, data in _post_variants(base):
        _check_post(client, url, data, label)


def test_holiday_forms_never_fail_on_junk(people, login):
    """Given the system administrator, when the year schedule and one-day forms get junk
    (2025-02-30 included), then no 500, Chinese refusals, nothing written."""
    client = login(people.sys_admin)
    url = reverse("core:holiday_schedule_enter")
    base = {
        "year": "2030",
        "source": "国办发明电〔2029〕1号",
        "holidays": "2030-01-01 元旦\n2030-02-30 春节",
        "workdays": "2030-02-09 调休",
    }
    for label, data in _post_variants(base):
        _check_post(client, url, data, label)
    url = reverse("core:holiday_override_set")
    base = {"day": "2025-02-30", "is_workday": "1", "name": "调休"}
    for label, data in _post_variants(base):
        _check_post(client, url, data, label)
    assert not any("\x00" in o.name for o in HolidayOverride.objects.all())


def test_token_form_never_fails_on_junk(people, login):
    """Given a staff member, when the new-token form gets junk, then no 500 and Chinese
    refusals with no token made."""
    client = login(people.officer)
    url = reverse("core:token_list")
    for label, data in _post_variants({"name": "台账同步"}):
        _check_post(client, url, data, label)


def test_attachment_upload_never_fails_on_junk(people, tree, login):
    """Given the law officer, when the upload form names junk records or sends junk files,
    then the answer is a 404 or a Chinese refusal, never a 500, and nothing is stored."""
    client = login(people.officer)
    url = reverse("core:attachment_upload")
    ct = ContentType.objects.get_for_model(tree.town_a).pk
    base = {"content_type": str(ct), "object_id": str(tree.town_a.pk)}
    for label, data in _post_variants(base):
        data = {**data, "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 junk")}
        before = _counts()
        response = client.post(url, data, HTTP_HX_REQUEST="true")
        assert response.status_code in (200, 404), f"{label}: {response.status_code}"
        if response.status_code == 200:
            assert HAN.search(response.content.decode())
        assert _counts() == before, label
    for name, content in [
        ("\x00.pdf", b"%PDF-1.4"),
        ("😀" * 150 + ".docx", b"PK\x03\x04junk"),
        ("a.exe", b"MZ"),
        ("x", b""),
        ("a.xlsx", b"\x00" * 100),
        # A part header over 1 KiB: Django refuses the whole body (its 400 page, Chinese).
        ("名" * 400 + ".pdf", b"%PDF-1.4"),
    ]:
        before = _counts()
        response = client.post(
            url, {**base, "file": SimpleUploadedFile(name, content)}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code in (200, 400), name[:20]
        assert HAN.search(response.content.decode()), name[:20]
        assert _counts() == before, name[:20]


def test_precheck_forms_never_fail_on_junk(people, login, run):
    """Given the law officer and the adviser, when the pre-review form and the decision
    form get junk, then no 500, Chinese refusals, and nothing stored."""
    client = login(people.officer)
    url = reverse("reviews:precheck_list")
    base = {"title": "关于加强管理的通知", "kind": "normative", "text": "一、违者一律罚款。"}
    for label, data in _post_variants(base):
        _check_post(client, url, data, label)
    _check_post(
        client,
        url,
        {**base, "text": "", "file": SimpleUploadedFile("a.docx", b"PK\x03\x04\x00junk")},
        "broken docx",
    )
    client = login(people.adviser)
    finding = run.findings.first()
    url = reverse("reviews:precheck_decide", args=[run.pk, finding.pk])
    for label, data in _post_variants({"decision": "rejected", "note": "理由"}):
        before = AuditEvent.objects.count()
        response = client.post(url, data, HTTP_HX_REQUEST="true")
        assert response.status_code == 200, label
        finding.refresh_from_db()
        if finding.decision == "pending":
            assert AuditEvent.objects.count() == before, label
        else:  # accepted: put it back for the next variant
            type(finding).objects.filter(pk=finding.pk).update(
                decision="pending", note="", decided_by=None, decided_at=None
            )


@pytest.mark.parametrize(
    "name, role, params",
    [
        ("reviews:precheck_list", "officer", "?page=abc&kind=zzz"),
        ("reviews:precheck_list", "officer", "?page=-1&kind=%00"),
        ("reviews:precheck_list", "officer", "?page=99999999999999999999999"),
        ("core:audit_list", "audit_admin", "?before_id=-1"),
        ("core:audit_list", "audit_admin", "?before_id=99999999999999999999999"),
        ("core:audit_list", "audit_admin", "?before_id=abc&date_from=xx&date_to=2025-02-30"),
        ("core:audit_list", "audit_admin", "?verb=%00&actor_name=" + "x" * 500),
        ("core:audit_list", "audit_admin", "?result=zzz&object_type=%F0%9F%98%80"),
        ("core:audit_export", "audit_admin", "?date_from=xx"),
        ("core:audit_export", "audit_admin", "?before_id=99999999999999999999999"),
        ("core:holiday_list", "sys_admin", "?start=2025-02-30&n=abc&unit=zzz"),
        ("core:holiday_list", "sys_admin", "?start=9999-12-31&n=3650&unit=workday"),
        ("core:holiday_list", "sys_admin", "?start=0001-01-01&n=99999999999999999999"),
        ("core:holiday_list", "sys_admin", "?start=%00&n=%00&unit=%00"),
        ("core:unit_list", "officer", "?page=abc&kind=zzz"),
        ("core:token_list", "officer", "?page=abc"),
        ("core:locked_accounts", "security_admin", "?page=abc"),
        ("reviews:rule_stats", "officer", "?kind=zzz&page=abc"),
    ],
)
def test_list_pages_shrug_off_junk_query(people, login, name, role, params):
    """Given a list page, when its query string is junk, then it answers 200 or 400 (with
    Chinese errors), never a 500."""
    client = login(getattr(people, role))
    response = client.get(reverse(name) + params)
    assert response.status_code in (200, 400), response.status_code
    for message in _form_errors(response):
        assert HAN.search(message), message


def test_security_unlock_shrugs_off_junk(people, login):
    """Given the security administrator, when the unlock form names junk, then no 500."""
    client = login(people.security_admin)
    url = reverse("core:unlock_account")
    for bad in BAD_VALUES:
        assert client.post(url, {"username": bad}).status_code == 302


def test_object_pages_with_huge_ids_are_404(people, tree, login):
    """Given a page that takes an id in its path, when the id does not fit in 64 bits,
    then it is a 404 (not an overflow in the database driver)."""
    huge = 10**30
    client = login(people.officer)
    for name in ("core:unit_detail", "core:unit_edit", "reviews:precheck_detail"):
        assert client.get(reverse(name, args=[huge])).status_code == 404, name
    assert client.post(reverse("core:membership_end", args=[huge])).status_code == 404
    assert client.post(reverse("core:attachment_remove", args=[huge])).status_code == 404
    assert client.get(reverse("core:attachment_download", args=[huge])).status_code == 404
    assert client.post(reverse("core:token_revoke", args=[huge])).status_code == 404
    response = client.post(reverse("reviews:precheck_decide", args=[huge, huge]))
    assert response.status_code in (403, 404)
    client = login(people.sys_admin)
    assert client.post(reverse("core:holiday_override_delete", args=[huge])).status_code == 404
    client = login(people.audit_admin)
    assert client.get(reverse("core:audit_detail", args=[huge])).status_code == 404
    client = login(people.security_admin)
    assert client.get(reverse("core:user_pii_unmask", args=[huge, "phone"])).status_code in (
        404,
        405,
    )


def test_grant_to_existing_user_with_junk(people, tree, login):
    """Given an existing account, when a role is granted with junk title, then no 500."""
    client = login(people.officer)
    url = reverse("core:membership_grant", args=[tree.village_a1.pk])
    for bad in BAD_VALUES:
        data = {"username": people.cadre.username, "role": "village_cadre", "title": bad}
        _check_post(client, url, data, f"title={bad[:20]!r}")


def test_audit_record_stores_junk_text(people):
    """Given an event whose free text is junk (NUL, longer than its columns; found on
    PostgreSQL through the unlock page), when it is recorded, then it is stored clipped,
    NUL replaced, and the hash chain still verifies."""
    event = audit.record(
        verb="auth.unlock",
        actor=people.security_admin,
        object_type="user",
        object_id="x" * 5000,
        object_repr="a\x00b" * 300,
        changes={"k\x00": ["v\x00", {"n": "\x00"}]},
    )
    event.refresh_from_db()
    assert event.object_id == "x" * 64
    assert len(event.object_repr) == 200 and "\x00" not in event.object_repr
    assert event.changes == {"k\ufffd": ["v\ufffd", {"n": "\ufffd"}]}
    assert audit.verify() is None
