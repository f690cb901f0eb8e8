from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import LAWFUL_ADMIN_ROLES, Role


class ReportsConfig(registry.FazhiAppConfig):
    name = "fazhi.reports"
    label = "reports"
    verbose_name = "报表与工作台"
    url_prefix = ""  # the workbench is the site's front page
    menu = (
        MenuEntry("工作台", "workbench", frozenset(Role), "工作台"),
        MenuEntry("数据汇总", "report_figures", LAWFUL_ADMIN_ROLES | {Role.CADRE}, "报表"),
    )
