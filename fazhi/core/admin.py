"""Django admin, in Chinese, for the system administrator only. The audit trail is not
here (the audit administrator reads it in its own pages), nor are personal data."""

from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login

from .models import HolidayOverride, HolidaySchedule, Membership, OrgUnit, User
from .roles import Role


def _is_sys_admin(request) -> bool:
    user = request.user
    return user.is_active and user.is_authenticated and user.has_role(Role.SYS_ADMIN)


admin.site.has_permission = _is_sys_admin


def _login(request, extra_context=None):
    # One login page for everyone (with the lockout and audit of /login/); admin's own
    # form would also refuse a system administrator, who is not `is_staff`.
    return redirect_to_login(request.GET.get("next") or "/admin/")


admin.site.login = _login

# Roles are memberships, not Django groups; lockouts are handled on the security
# administrator's page. Neither belongs in the admin.
admin.site.unregister(Group)


class SysAdminModelAdmin(admin.ModelAdmin):
    """Every permission of these pages is the system administrator role, nothing else."""

    def has_module_permission(self, request):
        return _is_sys_admin(request)

    def has_view_permission(self, request, obj=None):
        return _is_sys_admin(request)

    def has_add_permission(self, request):
        return _is_sys_admin(request)

    def has_change_permission(self, request, obj=None):
        return _is_sys_admin(request)

    def has_delete_permission(self, request, obj=None):
        return False  # records are ended or deactivated, never deleted


@admin.register(OrgUnit)
class OrgUnitAdmin(SysAdminModelAdmin):
    list_display = ["code", "name", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "name"]
    readonly_fields = ["code", "kind", "parent"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False  # units are added in the org pages, through the service

    def get_queryset(self, request):
        # The system administrator of one county keeps that county's tree, not another's.
        return super().get_queryset(request).visible_to(request.user, {Role.SYS_ADMIN})

    def save_model(self, request, obj, form, change):
        # Through the service, as the org pages: scope re-checked, before/after audited.
        from .services import org_unit_update

        org_unit_update(actor=request.user, unit=obj, name=obj.name,
                        short_name=obj.short_name, is_active=obj.is_active)


@admin.register(User)
class UserAdmin(SysAdminModelAdmin):
    list_display = ["username", "full_name", "is_active", "last_login"]
    search_fields = ["username", "full_name"]
    fields = ["username", "full_name", "is_active", "last_login", "date_joined"]
    # Switching an account off is not the system administrator's to do: it would let them
    # silence the security or audit administrator (三权分立). Access ends by ending the
    # person's memberships, which the security administrator (or a town's law officer) does.
    readonly_fields = ["username", "is_active", "last_login", "date_joined"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        # People holding a role in the system administrator's county, no one else's.
        in_scope = Membership.objects.visible_to(request.user, {Role.SYS_ADMIN})
        return super().get_queryset(request).filter(pk__in=in_scope.values("user_id"))


@admin.register(HolidaySchedule)
class HolidayScheduleAdmin(SysAdminModelAdmin):
    list_display = ["year", "source", "entered_at"]


@admin.register(HolidayOverride)
class HolidayOverrideAdmin(SysAdminModelAdmin):
    list_display = ["date", "is_workday", "name"]
    date_hierarchy = "date"


def _unregister_axes():
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        if admin.site.is_registered(model):
            admin.site.unregister(model)


_unregister_axes()


def _unregister_otp():
    # Two-factor devices hold the TOTP secrets and recovery codes: they change only through
    # core.twofactor (audited; reset by the security administrator), never in the admin.
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for model in (TOTPDevice, StaticDevice):
        if admin.site.is_registered(model):
            admin.site.unregister(model)


_unregister_otp()
