"""The audit administrator browses and filters the audit trail. Nobody edits it."""

from django.shortcuts import render
from django.urls import path

from .. import selectors
from ..forms.audit import AuditFilterForm
from ..models import AuditEvent
from ..permissions import role_required
from ..roles import AUDIT_READER_ROLES
from django.http import Http404

PAGE = 50


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
    })


@role_required(*AUDIT_READER_ROLES)
def audit_detail(request, pk):
    event = AuditEvent.objects.select_related("org_unit").filter(pk=pk).first()
    if event is None:
        raise Http404("审计事件不存在")
    return render(request, "core/audit_detail.html", {"event": event})


urlpatterns = [
    path("audit/", audit_list, name="audit_list"),
    path("audit/<int:pk>/", audit_detail, name="audit_detail"),
]
