from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import LAWFUL_ADMIN_ROLES


class AdvisersConfig(registry.FazhiAppConfig):
    name = "fazhi.advisers"
    verbose_name = "法律顾问"
    url_prefix = "advisers/"
    menu = (MenuEntry("法律顾问", "advisers:adviser_list", LAWFUL_ADMIN_ROLES, "依法行政"),)
