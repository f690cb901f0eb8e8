from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role

# Key persons: only those who visit or supervise the grid (个人信息保护法 28, 34).
_KEY = {Role.GRID_WORKER, Role.VILLAGE_CADRE, Role.LAW_OFFICER}


class GridsConfig(registry.FazhiAppConfig):
    name = "fazhi.grids"
    verbose_name = "网格走访"
    url_prefix = "grids/"
    # Town leaders and the county read the compliance rates only, never a person.
    menu = (
        MenuEntry("网格走访", "grids:person_list", _KEY, "基层治理"),
        MenuEntry(
            "走访完成率",
            "grids:compliance",
            _KEY | {Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR},
            "基层治理",
        ),
    )
    audit_labels = {
        "grids_category.defaults": "载入默认重点人群类别",
        "grids_category.create": "新增重点人群类别",
        "grids_category.update": "修改重点人群类别",
        "grids_signal.create": "新增风险信号选项",
        "grids_signal.update": "停用或启用风险信号选项",
        "grids_helper.create": "登记网格助手",
        "grids_helper.end": "网格助手离岗",
        "grids_person.create": "登记重点人员",
        "grids_person.update": "修改重点人员信息",
        "grids_person.remove": "重点人员移出名单",
        "grids_visit.create": "登记走访",
    }
