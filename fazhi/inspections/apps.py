from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import LAWFUL_ADMIN_ROLES, Role


class InspectionsConfig(registry.FazhiAppConfig):
    name = "fazhi.inspections"
    verbose_name = "督查整改"
    url_prefix = "inspections/"
    # Anyone of the town may own a finding to rectify, village cadres and grid workers too.
    menu = (
        MenuEntry(
            "督查整改",
            "inspections:inspection_list",
            LAWFUL_ADMIN_ROLES | {Role.CADRE, Role.VILLAGE_CADRE, Role.GRID_WORKER},
            "依法行政",
        ),
    )
    # The audit verbs that are no workflow step (the workflows name their own steps).
    audit_labels = {
        "inspection.create": "发起督查",
        "inspection.update": "修改督查",
        "inspection_finding.update": "修改督查问题",
        "inspection_finding.create": "记录督查问题",
        "inspection.export": "导出督查整改台账",
    }
