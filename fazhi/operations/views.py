"""The system administrator's page of backups (read only: backups are taken by
`fazhi backup` / `fazhi tick` on the server, never from the browser)."""

from django.shortcuts import render

from fazhi.core.paging import page_of
from fazhi.core.permissions import role_required
from fazhi.core.roles import Role

from . import locations
from .health import checks, max_age_days
from .models import BackupRun


@role_required(Role.SYS_ADMIN)
def backup_list(request):
    page = page_of(BackupRun.objects.order_by("-finished_at"), request.GET.get("page"), 30)
    notices, warn = locations.key_notice()
    return render(
        request,
        "operations/backup_list.html",
        {
            "page": page,
            "health": checks(),
            "max_age_days": max_age_days(),
            "backup_root": locations.default_backup_root(),
            "key_notices": notices,
            "key_warning": warn,
        },
    )
