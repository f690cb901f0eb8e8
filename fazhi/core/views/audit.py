"""The audit administrator browses and filters the audit trail. Nobody edits it."""

from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils import timezone

from fazhi.core import clock

from .. import audit, selectors
from ..forms.audit import AuditFilterForm
from ..models import AuditEvent
from ..permissions import role_required
from ..roles import AUDIT_READER_ROLES
from ..xlsx import build_xlsx, xlsx_response

PAGE = 50
EXPORT_LIMIT = 50_000


@role_required(*AUDIT_READER_ROLES)
def audit_list(request):
    form = AuditFilterForm(request.GET or None)
    events, next_before = [], None
    if not form.is_bound or form.is_valid():
        filters = form.cleaned_data if form.is_bound else {}
        events = list(selectors.audit_events(**{k: v for k, v in filters.items() if v},
                                             limit=PAGE + 1))
        if len(events) > PAGE:
            events = events[:PAGE]
            next_before = events[-1].id
    query = request.GET.copy()
    query.pop("before_id", None)
    return render(request, "core/audit_list.html", {
        "form": form, "events": events, "next_before": next_before, "query": query.urlencode(),
        "daily": selectors.audit_daily_counts(),
    })


@role_required(*AUDIT_READER_ROLES)
def audit_detail(request, pk):
    event = AuditEvent.objects.select_related("org_unit").filter(pk=pk).first()
    if event is None:
        raise Http404("审计事件不存在")
    return render(request, "core/audit_detail.html", {"event": event})


@role_required(*AUDIT_READER_ROLES)
def audit_export(request):
    """The filtered events as an .xlsx ledger; the export itself is an audit event."""
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "core/audit_list.html", {"form": form, "events": []}, status=400)
    filters = {k: v for k, v in (form.cleaned_data if form.is_bound else {}).items() if v}
    events = selectors.audit_events(**filters, limit=EXPORT_LIMIT)
    rows = (
        (e.pk, timezone.localtime(e.occurred_at).strftime("%Y-%m-%d %H:%M:%S"), e.actor_name,
         e.verb, e.object_type, e.object_id, e.object_repr,
         e.org_unit.name if e.org_unit else "", e.get_result_display(), e.ip, e.hash)
        for e in events
    )
    content = build_xlsx("审计日志", ["编号", "时间", "操作人", "操作", "对象类型", "对象编号",
                                      "对象", "单位", "结果", "IP地址", "哈希"], rows)
    audit.record(verb="audit.export", actor=request.user,
                 changes={"filters": {k: str(v) for k, v in filters.items()}})
    return xlsx_response(f"审计日志-{clock.today():%Y%m%d}.xlsx", content)


urlpatterns = [
    path("audit/export.xlsx", audit_export, name="audit_export"),
    path("audit/", audit_list, name="audit_list"),
    path("audit/<int:pk>/", audit_detail, name="audit_detail"),
]
