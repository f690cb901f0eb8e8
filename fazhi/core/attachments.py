"""Attachments: files hung on a record (a unit's rules, a signed contract's scan, the
photos of a campaign event).

Any record whose default manager is a ScopedQuerySet may carry attachments, and a file
is shown exactly to those who may see its record: every check resolves the record
and asks its manager's `visible_to` again. Files are stored under a random name,
never the user's filename, and only after `uploads.inspect_upload` accepted them.
"""

from __future__ import annotations

import re
import uuid
from pathlib import PurePath

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404

from . import audit
from .models import Attachment, OrgUnit
from .permissions import Forbidden, ServiceError, check_role
from .roles import RECORD_ROLES, UNIT_MANAGER_ROLES, Role
from .scoping import unit_in_scope
from .uploads import inspect_upload, photo_without_metadata

# Who may attach files: everyone who reads records, never the public.
ATTACHER_ROLES = set(RECORD_ROLES) - {Role.RESIDENT}
# Who may download at all: the widest set any record model names as its readers (a
# unit's own files are also read by the system administrator who keeps the tree); the
# record's own `reader_roles` and scope decide each file.
DOWNLOADER_ROLES = set(RECORD_ROLES) | set(UNIT_MANAGER_ROLES)
# Besides the uploader, a law officer of the record's town may remove a wrong file.
REMOVER_ROLES = {Role.LAW_OFFICER}

NOT_FOUND = "记录不存在或无权查看"


# --- selectors ----------------------------------------------------------------


def scoped_manager(model):
    """The record model's default manager if it is scoped (has `visible_to`), else None."""
    if model is None or model is Attachment:
        return None
    manager = model._default_manager
    return manager if hasattr(manager.get_queryset(), "visible_to") else None


def _visible(manager, user):
    """The records of `manager` the user may read: by the roles the record model names
    (`reader_roles`, e.g. 智能预审 is not for village cadres), else every record role."""
    return manager.visible_to(user, getattr(manager.model, "reader_roles", None))


def record_visible(user, record) -> bool:
    manager = scoped_manager(type(record))
    if manager is None or record.pk is None:
        return False
    return _visible(manager, user).filter(pk=record.pk).exists()


def record_org_unit(record) -> OrgUnit:
    """The unit a record belongs to: the field its manager scopes by (an org unit is its
    own unit)."""
    if isinstance(record, OrgUnit):
        return record
    scope_field = scoped_manager(type(record)).get_queryset().scope_field
    value = record
    for part in scope_field.split("__"):
        value = getattr(value, part)
    return value


def record_for(user, content_type_id, object_id):
    """The record an upload form points at, if the user may see it; otherwise 404."""
    try:
        ct = ContentType.objects.get_for_id(int(content_type_id))
        object_id = int(object_id)
    except (ContentType.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404(NOT_FOUND) from exc
    manager = scoped_manager(ct.model_class())
    if manager is None:
        raise Http404(NOT_FOUND)
    record = _visible(manager, user).filter(pk=object_id).first()
    if record is None:
        raise Http404(NOT_FOUND)
    return record


def attachments_for(record):
    """A record's attachments, newest first, with their uploaders."""
    ct = ContentType.objects.get_for_model(record)
    return (
        Attachment.objects.filter(content_type=ct, object_id=record.pk)
        .select_related("uploaded_by", "org_unit")
        .order_by("-uploaded_at", "-id")
    )


def attachment_visible_or_404(user, pk) -> Attachment:
    """An attachment the user may download: its record must be visible to them."""
    att = Attachment.objects.select_related("content_type", "org_unit").filter(pk=pk).first()
    if att is None:
        raise Http404(NOT_FOUND)
    manager = scoped_manager(att.content_type.model_class())
    if manager is None or not _visible(manager, user).filter(pk=att.object_id).exists():
        raise Http404(NOT_FOUND)
    return att


def can_attach(user, record) -> bool:
    return bool(
        user
        and user.is_authenticated
        and user.has_role(*ATTACHER_ROLES)
        and record_visible(user, record)
    )


def can_remove(user, attachment: Attachment) -> bool:
    if not (user and user.is_authenticated and user.has_role(*ATTACHER_ROLES)):
        return False
    return attachment.uploaded_by_id == user.pk or unit_in_scope(
        user, attachment.org_unit, REMOVER_ROLES
    )


# --- services -----------------------------------------------------------------


def _clean_name(name: str) -> str:
    """The user's filename for display and download only: no path, no control characters."""
    name = PurePath(str(name or "").replace("\\", "/")).name
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip() or "附件"
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = stem[: 199 - len(ext)] + dot + ext if dot and len(ext) < 10 else name[:200]
    return name


def attachment_add(*, actor, record, uploaded_file) -> Attachment:
    """Attach an uploaded file to `record` after inspecting its content, size and
    structure; nothing is stored when the file is refused."""
    if scoped_manager(type(record)) is None:
        raise ServiceError("该类记录不能添加附件")
    check_role(actor, ATTACHER_ROLES, "无权上传附件")
    if not record_visible(actor, record):
        raise Forbidden(NOT_FOUND)
    if uploaded_file is None:
        raise ServiceError("请选择要上传的文件", errors={"file": ["请选择要上传的文件"]})
    try:
        info = inspect_upload(uploaded_file)
    except ValidationError as exc:
        raise ServiceError(exc.messages[0], errors={"file": exc.messages}) from exc
    # A record whose photos may show residents (an event, a village's evidence) declares
    # `strip_photo_metadata`; every way of attaching to it then stores the pixels only.
    if getattr(record, "strip_photo_metadata", False):
        try:
            uploaded_file, info = photo_without_metadata(uploaded_file, info)
        except ValidationError as exc:
            raise ServiceError(exc.messages[0], errors={"file": exc.messages}) from exc

    attachment = Attachment(
        org_unit=record_org_unit(record),
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        original_name=_clean_name(uploaded_file.name),
        file_type=info.file_type,
        size=info.size,
        sha256=info.sha256,
        uploaded_by=actor,
    )
    try:
        with transaction.atomic():
            # Random name on disk: the user's filename never reaches the filesystem.
            attachment.file.save(f"{uuid.uuid4().hex}.{info.file_type}", uploaded_file, save=False)
            attachment.save()
            audit.record(
                verb="attachment.add",
                actor=actor,
                obj=attachment,
                org_unit=attachment.org_unit,
                changes={
                    "record": f"{record._meta.label_lower}:{record.pk}",
                    "original_name": attachment.original_name,
                    "file_type": info.file_type,
                    "size": info.size,
                    "sha256": info.sha256,
                },
            )
    except BaseException:
        # The row was rolled back; do not leave its file behind.
        if attachment.file.name:
            attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


def attachment_remove(*, actor, attachment: Attachment) -> None:
    """Delete an attachment (its uploader, or a law officer of its unit)."""
    with transaction.atomic():
        attachment = (
            Attachment.objects.select_for_update()
            .select_related("org_unit", "content_type")
            .filter(pk=attachment.pk)
            .first()
        )
        if attachment is None:
            raise ServiceError("附件不存在或已删除", code="not_found")
        check_role(actor, ATTACHER_ROLES, "无权删除附件")
        manager = scoped_manager(attachment.content_type.model_class())
        if (
            manager is None
            or not _visible(manager, actor).filter(pk=attachment.object_id).exists()
        ):
            raise Forbidden(NOT_FOUND)
        if not can_remove(actor, attachment):
            raise Forbidden("只有上传人或本单位法治办工作人员可以删除附件")
        # A record may freeze its files once they are evidence of a step taken (a submitted
        # rectification, a signed contract…): it says why in its attachments_locked().
        record = manager.filter(pk=attachment.object_id).first()
        locked = getattr(record, "attachments_locked", None)
        if locked is not None and (reason := locked()):
            raise ServiceError(reason, code="locked")
        audit.record(
            verb="attachment.remove",
            actor=actor,
            obj=attachment,
            org_unit=attachment.org_unit,
            changes={
                "record": f"{attachment.content_type.app_label}.{attachment.content_type.model}"
                f":{attachment.object_id}",
                "original_name": attachment.original_name,
                "sha256": attachment.sha256,
            },
        )
        storage, name = attachment.file.storage, attachment.file.name
        attachment.delete()
        # The file goes only once the deletion is committed.
        transaction.on_commit(lambda: storage.delete(name))


def attachment_download(*, actor, attachment: Attachment):
    """Open an attachment's file for `actor` and record the download (rule 6). The
    caller has fetched `attachment` with `attachment_visible_or_404`; the check is run
    again here so that no other caller can hand out another town's file."""
    model = attachment.content_type.model_class()
    check_role(actor, getattr(model, "reader_roles", RECORD_ROLES), "无权下载附件")
    manager = scoped_manager(model)
    if manager is None or not _visible(manager, actor).filter(pk=attachment.object_id).exists():
        raise Forbidden(NOT_FOUND)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise ServiceError("附件文件缺失,请联系系统管理员", code="not_found") from exc
    try:
        audit.record(
            verb="attachment.download",
            actor=actor,
            obj=attachment,
            org_unit=attachment.org_unit,
            changes={"original_name": attachment.original_name, "sha256": attachment.sha256},
        )
    except BaseException:
        handle.close()
        raise
    return handle
