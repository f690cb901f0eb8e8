"""Attachments on records: stored under a random name, scoped exactly like their record,
every add, removal and download audited."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from fazhi.core import attachments
from fazhi.core.attachments import attachment_add, attachment_remove, attachments_for
from fazhi.core.models import Attachment, AuditEvent
from fazhi.core.permissions import Forbidden, ServiceError

from .test_uploads import make_docx, make_pdf, make_png, make_xlsx


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _add(actor, record, name="制度.docx", content=None):
    content = make_docx() if content is None else content
    return attachment_add(
        actor=actor, record=record, uploaded_file=SimpleUploadedFile(name, content)
    )


def _form(record, file, **extra):
    return {
        "content_type": ContentType.objects.get_for_model(record).pk,
        "object_id": record.pk,
        "file": file,
        **extra,
    }


# --- service -------------------------------------------------------------------------


def test_given_an_officer_when_attaching_a_pdf_to_their_town_then_stored_hashed_and_audited(
    people, tree, media
):
    content = make_pdf()
    att = _add(people.officer, tree.town_a, name="..\\..\\会议 纪要.pdf", content=content)

    att.refresh_from_db()
    assert att.record == tree.town_a
    assert att.org_unit == tree.town_a
    assert att.original_name == "会议 纪要.pdf"
    assert att.file_type == "pdf" and att.size == len(content)
    assert att.sha256 == hashlib.sha256(content).hexdigest()
    assert att.uploaded_by == people.officer
    # Random name on disk, never the user's filename.
    stored = media / att.file.name
    assert stored.read_bytes() == content
    assert att.file.name.startswith("attachments/")
    assert "纪要" not in att.file.name and stored.name.endswith(".pdf")
    assert len(stored.stem) == 32
    event = AuditEvent.objects.get(verb="attachment.add")
    assert event.actor == people.officer and event.org_unit_id == tree.town_a.pk
    assert event.changes["sha256"] == att.sha256
    assert event.changes["record"] == f"core.orgunit:{tree.town_a.pk}"


def test_given_a_village_record_when_attached_then_the_unit_is_the_village(people, tree):
    att = _add(people.village_cadre, tree.village_a1, name="台账.xlsx", content=make_xlsx())
    assert att.org_unit == tree.village_a1 and att.file_type == "xlsx"


def test_given_officer_of_town_b_when_attaching_to_town_a_then_forbidden_and_nothing_stored(
    people, tree, media
):
    with pytest.raises(Forbidden):
        _add(people.officer_b, tree.town_a)
    assert Attachment.objects.count() == 0
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


@pytest.mark.parametrize("who", ["resident", "security_admin", "audit_admin"])
def test_given_a_role_that_reads_no_records_when_attaching_then_forbidden(people, tree, who):
    with pytest.raises(Forbidden):
        _add(getattr(people, who), tree.town_a)
    assert Attachment.objects.count() == 0


def test_given_a_record_without_scoped_manager_when_attaching_then_refused(people):
    with pytest.raises(ServiceError) as exc:
        _add(people.officer, people.cadre)  # a User: its manager has no visible_to
    assert exc.value.message == "该类记录不能添加附件"


def test_given_no_file_when_attaching_then_a_chinese_message(people, tree):
    with pytest.raises(ServiceError) as exc:
        attachment_add(actor=people.officer, record=tree.town_a, uploaded_file=None)
    assert exc.value.message == "请选择要上传的文件"


def test_given_attachments_of_two_records_when_listed_then_each_record_has_its_own(people, tree):
    a1 = _add(people.officer, tree.town_a)
    _add(people.officer_b, tree.town_b)
    a2 = _add(people.officer, tree.town_a, name="图.png", content=make_png())
    assert list(attachments_for(tree.town_a)) == [a2, a1]


def test_given_the_uploader_when_removing_then_row_and_file_go_and_it_is_audited(
    people, tree, media, django_capture_on_commit_callbacks
):
    att = _add(people.cadre, tree.town_a)
    stored = media / att.file.name
    with django_capture_on_commit_callbacks(execute=True):
        attachment_remove(actor=people.cadre, attachment=att)
    assert not Attachment.objects.filter(pk=att.pk).exists()
    assert not stored.exists()
    event = AuditEvent.objects.get(verb="attachment.remove")
    assert event.object_id == str(att.pk) and event.changes["original_name"] == "制度.docx"


def test_given_a_law_officer_of_the_town_when_removing_anothers_file_then_allowed(people, tree):
    att = _add(people.cadre, tree.town_a)
    attachment_remove(actor=people.officer, attachment=att)
    assert not Attachment.objects.filter(pk=att.pk).exists()


def test_given_neither_uploader_nor_law_officer_when_removing_then_forbidden(people, tree, media):
    att = _add(people.officer, tree.town_a)
    with pytest.raises(Forbidden) as exc:
        attachment_remove(actor=people.leader, attachment=att)
    assert "上传人" in exc.value.message
    with pytest.raises(Forbidden):
        attachment_remove(actor=people.officer_b, attachment=att)
    assert Attachment.objects.filter(pk=att.pk).exists()
    assert (media / att.file.name).exists()


# --- download ------------------------------------------------------------------------


def test_given_town_a_attachment_when_officer_of_town_a_downloads_then_200_and_audited(
    people, tree, login
):
    content = make_pdf()
    att = _add(people.officer, tree.town_a, name="批复.pdf", content=content)
    client = login(people.leader)
    response = client.get(reverse("core:attachment_download", args=[att.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%E6%89%B9%E5%A4%8D.pdf" in response["Content-Disposition"]
    event = AuditEvent.objects.get(verb="attachment.download")
    assert event.actor == people.leader
    assert event.object_id == str(att.pk) and event.org_unit_id == tree.town_a.pk


@pytest.mark.parametrize("who", ["officer_b", "other_supervisor", "village_cadre"])
def test_given_town_a_attachment_when_someone_outside_downloads_then_404_not_audited(
    people, tree, login, who
):
    """Given a file on 海屿镇's record, 青山镇's officer, another county's supervisor
    and a village cadre (whose scope is only their village) all get 404."""
    att = _add(people.officer, tree.town_a)
    client = login(getattr(people, who))
    response = client.get(reverse("core:attachment_download", args=[att.pk]))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(verb="attachment.download").exists()


def test_given_a_resident_when_downloading_then_403(people, tree, login):
    att = _add(people.officer, tree.town_a)
    assert (
        login(people.resident).get(reverse("core:attachment_download", args=[att.pk])).status_code
        == 403
    )


def test_given_an_anonymous_visitor_when_downloading_then_sent_to_login(people, tree, client):
    att = _add(people.officer, tree.town_a)
    response = client.get(reverse("core:attachment_download", args=[att.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_given_a_missing_file_on_disk_when_downloading_then_404_not_500(people, tree, login, media):
    att = _add(people.officer, tree.town_a)
    (media / att.file.name).unlink()
    response = login(people.officer).get(reverse("core:attachment_download", args=[att.pk]))
    assert response.status_code == 404


def test_given_an_unknown_attachment_id_when_resolving_then_404(people):
    with pytest.raises(Http404):
        attachments.attachment_visible_or_404(people.officer, 999_999)


# --- upload and remove pages --------------------------------------------------------


def test_given_an_officer_when_uploading_through_the_page_then_redirected_back_with_message(
    people, tree, login
):
    client = login(people.officer)
    back = reverse("core:unit_detail", args=[tree.town_a.pk])
    response = client.post(
        reverse("core:attachment_upload"),
        _form(tree.town_a, SimpleUploadedFile("制度.docx", make_docx()), next=back),
    )
    assert response.status_code == 302 and response["Location"] == back
    [message] = list(get_messages(response.wsgi_request))
    assert str(message) == "已上传附件:制度.docx"
    assert Attachment.objects.get().record == tree.town_a


def test_given_an_offsite_next_when_uploading_then_not_redirected_offsite(people, tree, login):
    client = login(people.officer)
    response = client.post(
        reverse("core:attachment_upload"),
        _form(
            tree.town_a, SimpleUploadedFile("制度.docx", make_docx()), next="https://evil.example/"
        ),
    )
    assert response.status_code == 302 and "evil" not in response["Location"]


def test_given_htmx_when_uploading_then_the_refreshed_list_is_returned(people, tree, login):
    client = login(people.officer)
    response = client.post(
        reverse("core:attachment_upload"),
        _form(tree.town_a, SimpleUploadedFile("现场.png", make_png())),
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    att = Attachment.objects.get()
    assert response.status_code == 200
    assert "已上传附件:现场.png" in body
    assert reverse("core:attachment_download", args=[att.pk]) in body
    assert att.sha256[:12] in body and "PNG" in body and str(people.officer) in body
    assert 'name="content_type"' in body  # the upload form comes back too


def test_given_htmx_and_a_disguised_file_when_uploading_then_the_error_is_in_the_list(
    people, tree, login
):
    client = login(people.officer)
    response = client.post(
        reverse("core:attachment_upload"),
        _form(tree.town_a, SimpleUploadedFile("通知.docx", make_png())),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "文件内容与扩展名不符" in response.content.decode()
    assert Attachment.objects.count() == 0


@pytest.mark.parametrize(
    ("who", "status"), [("officer_b", 404), ("other_supervisor", 404), ("resident", 403)]
)
def test_given_someone_outside_when_uploading_to_town_a_then_refused_and_nothing_stored(
    people, tree, login, media, who, status
):
    client = login(getattr(people, who))
    response = client.post(
        reverse("core:attachment_upload"),
        _form(tree.town_a, SimpleUploadedFile("制度.docx", make_docx())),
    )
    assert response.status_code == status
    assert Attachment.objects.count() == 0
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


@pytest.mark.parametrize(
    "form",
    [
        {"content_type": "abc", "object_id": "1"},
        {"content_type": "999999", "object_id": "1"},
        {"object_id": "1"},
    ],
)
def test_given_a_bad_upload_target_when_uploading_then_404(people, login, form):
    response = login(people.officer).post(reverse("core:attachment_upload"), form)
    assert response.status_code == 404


def test_given_a_user_record_as_target_when_uploading_then_404(people, login):
    """A model without scoped manager (the User) is no attachment target."""
    ct = ContentType.objects.get_for_model(people.cadre)
    response = login(people.officer).post(
        reverse("core:attachment_upload"),
        {
            "content_type": ct.pk,
            "object_id": people.cadre.pk,
            "file": SimpleUploadedFile("制度.docx", make_docx()),
        },
    )
    assert response.status_code == 404


def test_given_a_get_when_uploading_then_405(people, login):
    assert login(people.officer).get(reverse("core:attachment_upload")).status_code == 405


def test_given_the_uploader_when_removing_through_the_page_then_gone(people, tree, login):
    att = _add(people.officer, tree.town_a)
    response = login(people.officer).post(
        reverse("core:attachment_remove", args=[att.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "已删除附件:制度.docx" in response.content.decode()
    assert not Attachment.objects.exists()


def test_given_officer_b_when_removing_town_a_file_through_the_page_then_404(people, tree, login):
    att = _add(people.officer, tree.town_a)
    response = login(people.officer_b).post(reverse("core:attachment_remove", args=[att.pk]))
    assert response.status_code == 404
    assert Attachment.objects.filter(pk=att.pk).exists()


# --- the included partial ------------------------------------------------------------


def _render(user, record):
    request = RequestFactory().get("/units/1/")
    request.user = user
    return render_to_string(
        "core/_attachments.html",
        {"record": record, "attachments": attachments_for(record), "user": user},
        request=request,
    )


def test_given_many_attachments_when_the_partial_renders_then_queries_stay_flat(
    people, tree, count_queries
):
    _add(people.officer, tree.town_a)
    _add(people.cadre, tree.town_a)
    few = count_queries(lambda: _render(people.officer, tree.town_a))
    for _ in range(6):
        _add(people.cadre, tree.town_a, name="图.png", content=make_png())
    many = count_queries(lambda: _render(people.officer, tree.town_a))
    assert many == few


def test_given_a_reader_without_scope_when_the_partial_renders_then_no_file_names(people, tree):
    _add(people.officer, tree.town_a, name="机密.pdf", content=make_pdf())
    body = _render(people.audit_admin, tree.town_a)
    assert "机密.pdf" not in body and "无权查看本记录的附件" in body
    assert "上传附件" not in body


def test_given_a_leader_when_the_partial_renders_then_list_and_form_but_no_remove(people, tree):
    att = _add(people.officer, tree.town_a, name="批复.pdf", content=make_pdf())
    body = _render(people.leader, tree.town_a)
    assert "批复.pdf" in body and "上传附件" in body
    assert reverse("core:attachment_remove", args=[att.pk]) not in body
    assert reverse("core:attachment_remove", args=[att.pk]) in _render(people.officer, tree.town_a)


# --- the API: /api/v1/attachments ----------------------------------------------------

API = "/api/v1/attachments"


def _ref(record) -> str:
    return f"{record._meta.label_lower}:{record.pk}"


def _upload(client, record_ref, name="制度.docx", content=None, **headers):
    content = make_docx() if content is None else content
    return client.post(
        API, {"record": record_ref, "file": SimpleUploadedFile(name, content)}, headers=headers
    )


def _stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def test_api_given_an_officer_when_uploading_then_201_with_the_file_facts_and_audited(
    people, tree, login, media
):
    content = make_pdf()
    r = _upload(login(people.officer), _ref(tree.town_a), name="会议纪要.pdf", content=content)
    assert r.status_code == 201, r.content
    body = r.json()
    att = Attachment.objects.get()
    assert body["id"] == att.pk and body["record"] == f"core.orgunit:{tree.town_a.pk}"
    assert (body["name"], body["type"], body["size"]) == ("会议纪要.pdf", "pdf", len(content))
    assert body["sha256"] == hashlib.sha256(content).hexdigest()
    assert body["uploaded_at"] and body["uploaded_by"] == str(people.officer)
    assert body["download_url"] == reverse("core:attachment_download", args=[att.pk])
    assert AuditEvent.objects.filter(verb="attachment.add").count() == 1
    assert len(_stored_files(media)) == 1


def test_api_given_a_token_when_uploading_and_deleting_then_no_csrf_is_needed(people, tree):
    from django.test import Client

    from fazhi.core.services import api_token_create

    _token, raw = api_token_create(actor=people.officer, name="脚本")
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")
    r = _upload(client, _ref(tree.town_a))
    assert r.status_code == 201, r.content
    assert client.delete(f"{API}/{r.json()['id']}").status_code == 204
    assert not Attachment.objects.exists()


def test_api_given_a_session_without_csrf_token_when_uploading_then_403_nothing_stored(
    people, tree, media
):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(people.officer)
    r = _upload(client, _ref(tree.town_a))
    assert r.status_code == 403 and r.json()["code"] == "csrf_failed"
    assert not Attachment.objects.exists() and not _stored_files(media)


def test_api_given_a_record_when_listing_then_its_files_newest_first(people, tree, login):
    first = _add(people.officer, tree.town_a, name="一.docx")
    second = _add(people.cadre, tree.town_a, name="二.png", content=make_png())
    _add(people.officer, tree.village_a1, name="村.docx")
    r = login(people.leader).get(API, {"record": _ref(tree.town_a)})
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["count"] == 2 and body["record"] == _ref(tree.town_a)
    assert [i["id"] for i in body["items"]] == [second.pk, first.pk]
    assert body["items"][0]["uploaded_by"] == str(people.cadre)


def test_api_given_many_files_when_listing_then_queries_stay_flat(
    people, tree, login, count_queries
):
    client = login(people.officer)
    _add(people.officer, tree.town_a)
    few = count_queries(lambda: client.get(API, {"record": _ref(tree.town_a)}))
    for _ in range(8):
        _add(people.cadre, tree.town_a, name="图.png", content=make_png())
    many = count_queries(lambda: client.get(API, {"record": _ref(tree.town_a)}))
    assert many == few


@pytest.mark.parametrize("who", ["officer_b", "other_supervisor"])
def test_api_given_another_town_when_listing_or_uploading_then_404_nothing_stored(
    people, tree, login, media, who
):
    _add(people.officer, tree.town_a)
    client = login(getattr(people, who))
    r = client.get(API, {"record": _ref(tree.town_a)})
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    r = _upload(client, _ref(tree.town_a))
    assert r.status_code == 404
    assert Attachment.objects.count() == 1 and len(_stored_files(media)) == 1


@pytest.mark.parametrize(
    ("who", "status"), [("resident", 403), ("audit_admin", 403), ("security_admin", 403)]
)
def test_api_given_a_role_without_records_when_uploading_then_403(
    people, tree, login, media, who, status
):
    r = _upload(login(getattr(people, who)), _ref(tree.town_a))
    assert r.status_code == status and "无权上传附件" in r.json()["message"]
    assert not Attachment.objects.exists() and not _stored_files(media)


def test_api_given_no_login_when_uploading_then_401(tree, client):
    r = _upload(client, _ref(tree.town_a))
    assert r.status_code == 401 and not Attachment.objects.exists()


@pytest.mark.parametrize(
    ("ref", "status", "message"),
    [
        ("abc", 400, "记录格式应为"),
        ("core.orgunit", 400, "记录格式应为"),
        ("core.orgunit:0", 400, "记录格式应为"),
        ("core.orgunit:-1", 400, "记录格式应为"),
        ("core.orgunit:1x", 400, "记录格式应为"),
        ("core.orgunit:99999999999999999999", 400, "记录格式应为"),
        ("Core.OrgUnit:1", 400, "记录格式应为"),
        ("nope.thing:1", 400, "该类记录不能添加附件"),
        ("core.user:1", 400, "该类记录不能添加附件"),
        ("core.attachment:1", 400, "该类记录不能添加附件"),
        ("core.orgunit:999999", 404, "记录不存在或无权查看"),
        ("x" * 201, 422, "提交的数据不符合要求"),  # the list's query bound; the upload: 400
    ],
)
def test_api_given_a_bad_record_reference_then_a_chinese_refusal_on_record(
    people, login, media, ref, status, message
):
    client = login(people.officer)
    for r in (client.get(API, {"record": ref}), _upload(client, ref)):
        if status == 422 and r.request["REQUEST_METHOD"] == "POST":
            status = 400
        assert r.status_code == status, r.content
        assert message in r.json()["message"]
        if status != 404:
            assert "record" in r.json()["errors"]
    assert not Attachment.objects.exists() and not _stored_files(media)


def test_api_given_a_bad_file_when_uploading_then_400_on_file_and_nothing_stored(
    people, tree, login, media
):
    client = login(people.officer)
    r = _upload(client, _ref(tree.town_a), name="通知.docx", content=make_png())
    assert r.status_code == 400 and "文件内容与扩展名不符" in r.json()["message"]
    assert "file" in r.json()["errors"]
    r = client.post(API, {"record": _ref(tree.town_a)})
    assert r.status_code == 400 and r.json()["errors"]["file"] == ["请选择要上传的文件"]
    r = client.post(API, {"file": SimpleUploadedFile("a.docx", make_docx())})
    assert r.status_code == 400 and "record" in r.json()["errors"]
    r = client.post(API, {"record": _ref(tree.town_a), "file": "不是文件"})
    assert r.status_code == 400 and "file" in r.json()["errors"]
    assert not Attachment.objects.exists() and not _stored_files(media)


@pytest.mark.parametrize(
    "content_type",
    ["multipart/form-data", "multipart/form-data; boundary=", "application/json", "text/plain"],
)
def test_api_given_a_body_that_is_no_form_when_uploading_then_400_in_chinese(
    people, login, media, content_type
):
    """Given a body that is not valid multipart (no boundary, JSON, text), then a 400 with
    the project's error body, never a 500 from the multipart parser."""
    client = login(people.officer)
    r = client.generic("POST", API, b'{"record": "core.orgunit:1"}', content_type)
    assert r.status_code == 400, r.content
    assert set(r.json()) == {"code", "message", "errors"}
    assert "上传" in r.json()["message"] or "提交的数据不符合要求" in r.json()["message"]
    assert not Attachment.objects.exists() and not _stored_files(media)


def test_api_given_the_uploader_when_deleting_then_204_gone_and_audited(people, tree, login):
    att = _add(people.officer, tree.town_a)
    client = login(people.officer)
    r = client.delete(f"{API}/{att.pk}")
    assert r.status_code == 204 and not r.content
    assert not Attachment.objects.exists()
    assert AuditEvent.objects.filter(verb="attachment.remove").count() == 1
    assert client.delete(f"{API}/{att.pk}").status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [("leader", 403), ("cadre", 403), ("officer_b", 404), ("other_supervisor", 404)],
)
def test_api_given_someone_else_when_deleting_then_refused_and_kept(
    people, tree, login, who, status
):
    att = _add(people.officer, tree.town_a)
    removals = AuditEvent.objects.filter(verb="attachment.remove").count
    r = login(getattr(people, who)).delete(f"{API}/{att.pk}")
    assert r.status_code == status, r.content
    assert Attachment.objects.filter(pk=att.pk).exists() and removals() == 0


def test_api_given_submitted_evidence_when_deleting_then_the_finding_locks_it(people, tree, login):
    """Given a finding whose owner uploaded evidence through the API and submitted, when
    anyone deletes that evidence through the API, then 400 naming the lock, file kept."""
    from datetime import date

    from fazhi.inspections import services as insp

    inspection = insp.inspection_create(
        actor=people.supervisor,
        org_unit=tree.town_a,
        kind="county_special",
        title="专项督查",
        topic="documents",
        started_on=date(2025, 3, 3),
    )
    finding = insp.finding_add(
        actor=people.supervisor,
        inspection=inspection,
        description="未备案",
        basis="备案规定",
        owner=people.cadre,
        deadline=date(2025, 4, 30),
    )
    insp.inspection_transition(actor=people.supervisor, obj=inspection, verb="issue")
    client = login(people.cadre)
    r = _upload(client, _ref(finding), name="回执.png", content=make_png())
    assert r.status_code == 201 and r.json()["record"] == f"inspections.finding:{finding.pk}"
    insp.finding_transition(actor=people.cadre, obj=finding, verb="submit", rectification="已补报")
    r = client.delete(f"{API}/{r.json()['id']}")
    assert r.status_code == 400 and r.json()["code"] == "locked"
    assert "整改佐证材料不能删除" in r.json()["message"]
    assert Attachment.objects.filter(object_id=finding.pk).count() == 1
    # Those who do not see the finding do not see its files either.
    assert login(people.grid_worker).get(API, {"record": _ref(finding)}).status_code == 404


def _photo_with_gps(fmt="JPEG"):
    from PIL import Image

    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "HUAWEI"  # Make
    exif[0x0110] = "P60 Pro"  # Model
    exif[0x8825] = {1: "N", 2: (30.0, 0.0, 0.0), 3: "E", 4: (122.0, 0.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, format=fmt, exif=exif.tobytes())
    return out.getvalue()


def test_given_a_record_that_strips_photo_metadata_when_a_photo_is_attached_then_no_exif(
    people, tree
):
    from PIL import Image

    raw = _photo_with_gps()
    assert b"HUAWEI" in raw
    tree.town_a.strip_photo_metadata = True
    att = _add(people.officer, tree.town_a, "现场.jpg", raw)
    stored = att.file.read()
    assert b"HUAWEI" not in stored and not Image.open(io.BytesIO(stored)).getexif()
    assert att.size == len(stored) and att.sha256 == hashlib.sha256(stored).hexdigest()
    assert Image.open(io.BytesIO(stored)).size == (64, 48)


def test_given_a_record_that_keeps_metadata_when_a_photo_is_attached_then_stored_as_sent(
    people, tree
):
    raw = _photo_with_gps()
    att = _add(people.officer, tree.town_a, "现场.jpg", raw)
    assert att.file.read() == raw
