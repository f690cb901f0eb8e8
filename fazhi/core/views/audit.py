"""The audit administrator browses and filters the audit trail. Nobody edits it."""

from django.http import Http404
from django.shortcuts import render
from django.urls import path

from .. import selectors, services
from ..forms.audit import AuditFilterForm
from ..models import AuditEvent
from ..permissions import role_required
from ..roles import AUDIT_READER_ROLES

PAGE = 50


@role_required(*AUDIT_READER_ROLES)
def audit_list(request):
    form = AuditFilterForm(request.GET or None)
    events, next_before = [], None
    if not form.is_bound or form.is_valid():
        filters = form.cleaned_data if form.is_bound else {}
        events = list(selectors.audit_event_list(**{k: v for k, v in filters.items() if v},
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
    return services.audit_export(actor=request.user, filters=filters).response()


urlpatterns = [
    path("audit/export.xlsx", audit_export, name="audit_export"),
    path("audit/", audit_list, name="audit_list"),
    path("audit/<int:pk>/", audit_detail, name="audit_detail"),
]
