from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role


class DisputesConfig(registry.FazhiAppConfig):
    name = "fazhi.disputes"
    verbose_name = "矛盾纠纷"
    url_prefix = "disputes/"
    menu = (
        MenuEntry(
            "矛盾纠纷",
            "disputes:dispute_list",
            {
                Role.LAW_OFFICER,
                Role.TOWN_LEADER,
                Role.COUNTY_SUPERVISOR,
                Role.VILLAGE_CADRE,
                Role.GRID_WORKER,
            },
            "基层治理",
        ),
        # The resident's own phone-sized form and the status of what they reported.
        MenuEntry("我要反映纠纷", "disputes:my_disputes", {Role.RESIDENT}, "基层治理"),
    )
    # The audit verbs that are no workflow step (the workflow names its own steps).
    audit_labels = {
        "dispute.create": "登记矛盾纠纷",
        "dispute.online_submit": "群众网上反映纠纷",
        "dispute.route": "纠纷分流",
        "dispute_party.create": "补充当事人",
        "dispute_party.update": "修改当事人信息",
        "dispute_session.create": "记录调解情况",
        "dispute_agreement.create": "记录调解协议",
        "dispute_agreement.generate": "生成人民调解协议书",
        "dispute_agreement.sign": "上传已签字的调解协议书",
        "dispute_agreement.judicial_apply": "记录申请司法确认",
        "dispute_agreement.judicial_waive": "记录不申请司法确认",
        "dispute_agreement.judicial_decide": "记录司法确认结果",
        "dispute_followup.create": "记录回访",
    }
