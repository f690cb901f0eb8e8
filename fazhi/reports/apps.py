from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import LAWFUL_ADMIN_ROLES, Role


class ReportsConfig(registry.FazhiAppConfig):
    name = "fazhi.reports"
    label = "reports"
    verbose_name = "报表与工作台"
    url_prefix = ""  # the workbench is the site's front page
    # The annual summary's audit verbs that are no workflow step (approve/reopen name
    # themselves through the workflow).
    audit_labels = {
        "annual_report.create": "建立年度工作总结",
        "annual_report.edit": "修改年度工作总结表述",
        "annual_report.export": "导出年度工作总结",
        "dashboard.comparison_export": "导出乡镇对比表",
    }
    menu = (
        MenuEntry("工作台", "workbench", frozenset(Role), "工作台"),
        MenuEntry("数据汇总", "report_figures", LAWFUL_ADMIN_ROLES | {Role.CADRE}, "报表"),
        MenuEntry("驾驶舱", "dashboard", LAWFUL_ADMIN_ROLES | {Role.CADRE}, "报表"),
        MenuEntry("乡镇对比", "dashboard_county", frozenset({Role.COUNTY_SUPERVISOR}), "报表"),
        MenuEntry("年度工作总结", "annual_index", LAWFUL_ADMIN_ROLES | {Role.CADRE}, "报表"),
    )
