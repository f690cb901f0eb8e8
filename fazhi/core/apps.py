from . import registry
from .registry import MenuEntry
from .roles import (
    ALL_STAFF_ROLES,
    AUDIT_READER_ROLES,
    HOLIDAY_ROLES,
    LAWFUL_ADMIN_ROLES,
    TREE_READER_ROLES,
    Role,
)


class CoreConfig(registry.FazhiAppConfig):
    name = "fazhi.core"
    label = "core"
    verbose_name = "平台基础"
    url_prefix = "core/"
    menu = (
        MenuEntry("组织机构", "core:unit_list", TREE_READER_ROLES, "系统"),
        MenuEntry("节假日", "core:holiday_list", HOLIDAY_ROLES, "系统"),
        MenuEntry("审计日志", "core:audit_list", AUDIT_READER_ROLES, "系统"),
        MenuEntry("账号安全", "core:locked_accounts", {Role.SECURITY_ADMIN}, "系统"),
        MenuEntry("双因素认证管理", "core:twofactor_users", {Role.SECURITY_ADMIN}, "系统"),
        MenuEntry("双因素认证", "core:twofactor_status", ALL_STAFF_ROLES, "系统"),
        MenuEntry("参数配置", "core:parameter_list", LAWFUL_ADMIN_ROLES, "系统"),
        MenuEntry("API令牌", "core:token_list", ALL_STAFF_ROLES, "系统"),
        MenuEntry("接口文档", "api-1.0.0:openapi-view", ALL_STAFF_ROLES, "系统"),
    )

    def ready(self):
        super().ready()
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  login/logout/admin audit hooks
        from .dbstats import after_migrate

        # once per migrate (sender: this app), not once per app migrated
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="fazhi-dbstats")
