from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role


class DecisionsConfig(registry.FazhiAppConfig):
    name = "fazhi.decisions"
    verbose_name = "重大行政决策"
    url_prefix = "decisions/"
    menu = (
        MenuEntry(
            "重大行政决策",
            "decisions:decision_list",
            {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.LEGAL_ADVISER, Role.COUNTY_SUPERVISOR},
            "依法行政",
        ),
    )
    # The audit verbs that are no workflow step (the workflows name their own steps).
    audit_labels = {
        "decision_catalogue.create": "编制决策事项目录",
        "decision.create": "列入决策事项",
        "decision.update": "修改决策草案",
        "decision.revise": "调整决策(新版本)",
        "decision.archive_download": "下载决策案卷",
        "decision_expert.add": "记录论证专家",
        "decision_risk.record": "记录风险评估",
        "decision_discussion.record": "记录集体讨论",
        "decision_report.add": "报告决策执行情况",
        "decision_evaluation.add": "记录决策后评估",
    }
    # Legality review (fazhi.reviews) tells a decision of its conclusion through this hook.
    review_hook = "services.decision_review_concluded"
