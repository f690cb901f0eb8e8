from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role

_READERS = {Role.COUNTY_SUPERVISOR, Role.TOWN_LEADER, Role.LAW_OFFICER, Role.VILLAGE_CADRE}


class PublicityConfig(registry.FazhiAppConfig):
    name = "fazhi.publicity"
    verbose_name = "普法宣传"
    url_prefix = "publicity/"
    menu = (
        MenuEntry("普法活动", "publicity:event_list", _READERS, "普法教育"),
        MenuEntry("普法日历", "publicity:calendar", _READERS, "普法教育"),
        MenuEntry("线上学法", "publicity:study_list", _READERS - {Role.VILLAGE_CADRE}, "普法教育"),
        MenuEntry("以案释法", "publicity:casepush_list", _READERS | {Role.CADRE}, "普法教育"),
    )
    audit_labels = {
        "publicity.campaign_create": "新增主题宣传活动",
        "publicity.campaign_seed": "载入年度主题宣传日历",
        "publicity.option_create": "新增普法配置项",
        "publicity.option_toggle": "启用/停用普法配置项",
        "publicity.option_seed": "载入默认宣传对象和活动形式",
        "publicity.event_create": "登记普法活动",
        "publicity.study_import": "导入线上学法学时",
        "publicity.case_create": "录入以案释法案例",
        "publicity.casepush_create": "推送以案释法案例",
        "publicity.casepush_read": "阅读推送案例",
    }
