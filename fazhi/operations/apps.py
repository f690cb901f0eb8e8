from fazhi.core import registry
from fazhi.core.roles import Role


class OperationsConfig(registry.FazhiAppConfig):
    name = "fazhi.operations"
    verbose_name = "运维"
    url_prefix = "operations/"
    menu = (registry.MenuEntry("数据备份", "operations:backup_list", {Role.SYS_ADMIN}, "系统"),)
    audit_labels = {
        "operations.backup": "数据备份",
        "operations.restore": "数据恢复",
    }
