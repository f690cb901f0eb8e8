"""The one way a page runs a workflow transition (core.workflow): call the app's
transition service, say what happened, go back to the record. Every app's
`<record>_transition` view ends with this."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect

from fazhi.core.permissions import ServiceError


def form_errors_text(form) -> str:
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        parts.append(f"{label}:{' '.join(errors)}" if label else " ".join(errors))
    return ";".join(parts)


def run_transition(request, obj, verb: str, *, service, redirect_to: str, form=None):
    """POST handler body. `service(actor=, obj=, verb=, note=, **fields)` is the app's
    transition service (often its Workflow.run with an `apply`); `form` (bound,
    optional) supplies the transition's own fields. Refusals are flashed in Chinese and
    change nothing."""
    fields = {}
    if form is not None:
        if not form.is_valid():
            messages.error(request, f"提交的内容有误:{form_errors_text(form)}")
            return redirect(redirect_to)
        fields = dict(form.cleaned_data)
    note = fields.pop("note", None) or request.POST.get("note", "")
    try:
        service(actor=request.user, obj=obj, verb=verb, note=note, **fields)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "操作已完成")
    return redirect(redirect_to)
