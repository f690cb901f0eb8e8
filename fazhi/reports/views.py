"""The workbench (工作台): a user's pending items from every app, nearest deadline first."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from fazhi.core.pending import collect


@login_required
def workbench(request):
    today = timezone.localdate()
    items = collect(request.user, today)
    return render(request, "reports/workbench.html", {"items": items, "today": today})
