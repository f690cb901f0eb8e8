from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role

_READERS = {
    Role.COUNTY_SUPERVISOR,
    Role.TOWN_LEADER,
    Role.LAW_OFFICER,
    Role.LEGAL_ADVISER,
    Role.VILLAGE_CADRE,
}


class LawunitsConfig(registry.FazhiAppConfig):
    name = "fazhi.lawunits"
    verbose_name = "法治单元"
    url_prefix = "lawunits/"
    # Village cadres keep their village's registries, evidence and 村规民约 (on a phone).
    menu = (
        MenuEntry("民主法治村(社区)", "lawunits:village_list", _READERS, "普法教育"),
        MenuEntry("法治微单元名册", "lawunits:registry_list", _READERS, "普法教育"),
        MenuEntry("村规民约", "lawunits:villagerules_list", _READERS, "普法教育"),
    )
    # The audit verbs that are no workflow step (the workflows name their own steps).
    audit_labels = {
        "lawunits_criterion.seed": "设置默认创建标准",
        "lawunits_criterion.create": "添加创建标准",
        "lawunits_criterion.retire": "停用创建标准",
        "lawunits_record.create": "登记民主法治村(社区)创建",
        "lawunits_evidence.note": "填写创建佐证说明",
        "lawunits_type.seed": "设置默认法治微单元类型",
        "lawunits_type.create": "添加法治微单元类型",
        "lawunits_entry.create": "登记法治微单元",
        "lawunits_entry.remove": "移出法治微单元名册",
        "lawunits_training.create": "记录培训",
        "lawunits_rules.file": "报备村规民约",
    }
