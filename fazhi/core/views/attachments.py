"""Attachment upload, download and removal. Any page shows a record's files with
`{% include "core/_attachments.html" with record=obj attachments=... %}`."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from fazhi.core.links import reverse

from .. import attachments as svc
from ..permissions import ServiceError, role_required
from ..uploads import CONTENT_TYPES


def _safe(request, url) -> bool:
    return bool(url) and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _safe_next(request) -> str:
    url = request.POST.get("next", "")
    return url if _safe(request, url) else ""


def _back(request, record=None):
    """Where the form came from (same host only), else the record's page, else the
    workbench."""
    for candidate in (request.POST.get("next"), request.META.get("HTTP_REFERER")):
        if _safe(request, candidate):
            return redirect(candidate)
    if record is not None and hasattr(record, "get_absolute_url"):
        return redirect(record.get_absolute_url())
    return redirect(reverse("workbench"))


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _partial(request, record, *, error="", notice="", status=200):
    """The refreshed attachment list for htmx requests."""
    return render(
        request,
        "core/_attachments.html",
        {
            "record": record,
            "attachments": svc.attachments_for(record),
            "attachment_error": error,
            "attachment_notice": notice,
            "attachment_next": _safe_next(request),
        },
        status=status,
    )


def _answer(request, record, *, error: str = "", notice: str = ""):
    """htmx: the refreshed list with the message in it (200, so htmx swaps it in);
    otherwise a flash message and back to the record's page."""
    if _is_htmx(request):
        return _partial(request, record, error=error, notice=notice)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, notice)
    return _back(request, record)


@require_POST
@role_required(*svc.ATTACHER_ROLES)
def attachment_upload(request):
    record = svc.record_for(
        request.user, request.POST.get("content_type"), request.POST.get("object_id")
    )
    try:
        att = svc.attachment_add(
            actor=request.user, record=record, uploaded_file=request.FILES.get("file")
        )
    except ServiceError as exc:
        return _answer(request, record, error=f"上传失败:{exc.message}")
    return _answer(request, record, notice=f"已上传附件:{att.original_name}")


@require_POST
@role_required(*svc.ATTACHER_ROLES)
def attachment_remove(request, pk):
    att = svc.attachment_visible_or_404(request.user, pk)
    record = att.record
    try:
        svc.attachment_remove(actor=request.user, attachment=att)
    except ServiceError as exc:
        return _answer(request, record, error=f"删除失败:{exc.message}")
    return _answer(request, record, notice=f"已删除附件:{att.original_name}")


@require_GET
@role_required(*svc.DOWNLOADER_ROLES)
def attachment_download(request, pk):
    att = svc.attachment_visible_or_404(request.user, pk)
    try:
        handle = svc.attachment_download(actor=request.user, attachment=att)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=att.original_name,
        content_type=CONTENT_TYPES.get(att.file_type, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


urlpatterns = [
    path("attachments/upload/", attachment_upload, name="attachment_upload"),
    path("attachments/<int:pk>/download/", attachment_download, name="attachment_download"),
    path("attachments/<int:pk>/remove/", attachment_remove, name="attachment_remove"),
]
