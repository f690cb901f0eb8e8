from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role


class EarlywarningConfig(registry.FazhiAppConfig):
    name = "fazhi.earlywarning"
    verbose_name = "矛盾预警"
    url_prefix = "earlywarning/"
    # The town's leaders respond to red warnings, its law office works the rest; the county
    # reads every town's warnings.
    menu = (
        MenuEntry(
            "矛盾预警",
            "earlywarning:warning_list",
            {Role.TOWN_LEADER, Role.LAW_OFFICER, Role.COUNTY_SUPERVISOR},
            "基层治理",
        ),
    )
    # The audit verbs that are no workflow step (the workflow names its own steps).
    audit_labels = {
        "earlywarning.raise": "生成矛盾预警",
        "earlywarning.recolour": "矛盾预警颜色变化",
        "earlywarning.evaluate": "社会矛盾预警研判",
    }
