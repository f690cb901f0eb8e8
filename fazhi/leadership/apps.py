from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role

# The town's office and leaders, the county (reads), village cadres (their own village).
_ROLES = frozenset({Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR, Role.VILLAGE_CADRE})


class LeadershipConfig(registry.FazhiAppConfig):
    name = "fazhi.leadership"
    label = "leadership"
    verbose_name = "组织领导"
    url_prefix = "leadership/"
    menu = (
        MenuEntry("领导小组", "leadership:group_list", _ROLES, "组织领导"),
        MenuEntry("会议与学习", "leadership:meeting_list", _ROLES, "组织领导"),
        MenuEntry("述法", "leadership:lawreport_list", _ROLES, "组织领导"),
    )
    # The audit verbs that are no workflow step (the workflows name their own steps).
    audit_labels = {
        "leading_group.create": "成立领导小组",
        "leading_group.member_add": "增加领导小组成员",
        "leading_group.member_end": "领导小组成员退出",
        "leading_group.export": "导出领导小组成员台账",
        "work_rule.create": "登记工作制度",
        "meeting.create": "记录会议",
        "meeting.decision_add": "增加会议决定",
        "meeting.export": "导出会议与学习台账",
        "lawreport.add": "列入述法名单",
        "lawreport.remove": "移出述法名单",
        "lawreport.export": "导出述法台账",
    }
