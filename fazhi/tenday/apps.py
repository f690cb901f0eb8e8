from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role


class TendayConfig(registry.FazhiAppConfig):
    name = "fazhi.tenday"
    label = "tenday"
    verbose_name = "法治建设旬报"
    url_prefix = "tenday/"
    menu = (
        MenuEntry(
            "法治建设旬报",
            "tenday:report_list",
            {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR},
            "组织领导",
        ),
    )
    # The audit verbs that are no workflow step (the workflow names its own steps).
    audit_labels = {
        "tenday_report.create": "起草旬报",
        "tenday_report.update": "修改旬报",
        "tenday_report.regenerate": "重新生成旬报草稿",
        "tenday_report.export": "导出法治建设旬报台账",
    }
