from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import LAWFUL_ADMIN_ROLES


class AdvisersConfig(registry.FazhiAppConfig):
    name = "fazhi.advisers"
    verbose_name = "法律顾问"
    url_prefix = "advisers/"
    menu = (MenuEntry("法律顾问", "advisers:adviser_list", LAWFUL_ADMIN_ROLES, "依法行政"),)
    # Audit verbs other than ADVISER_FLOW's steps (a workflow names its own).
    audit_labels = {
        "adviser.create": "登记法律顾问",
        "adviser.update": "修改法律顾问登记信息",
        "adviser.appointment_create": "登记法律顾问聘期",
        "adviser.work_entry_create": "登记法律顾问工作记录",
        "adviser.assess": "法律顾问年度考核",
        "adviser.scheme_save": "修改法律顾问考核办法",
        "adviser.export": "导出法律顾问台账",
    }
