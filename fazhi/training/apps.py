from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role


class TrainingConfig(registry.FazhiAppConfig):
    name = "fazhi.training"
    verbose_name = "案例实景式教学"
    url_prefix = "training/"
    # The law office runs it, leaders and the county read it, and the town's cadres,
    # village cadres and grid workers take part (their sessions and own evaluation).
    menu = (
        MenuEntry(
            "案例实景教学",
            "training:session_list",
            {
                Role.LAW_OFFICER,
                Role.TOWN_LEADER,
                Role.COUNTY_SUPERVISOR,
                Role.VILLAGE_CADRE,
                Role.GRID_WORKER,
                Role.CADRE,
            },
            "基层治理",
        ),
    )
    # The audit verbs that are no workflow step (the workflow names its own steps).
    audit_labels = {
        "training_case.create": "录入典型案例",
        "training_case.update": "修改典型案例",
        "training_session.create": "安排实景教学",
        "training_session.update": "修改实景教学",
        "training_participant.add": "安排参训人员",
        "training_participant.remove": "移出参训人员",
        "training_participant.evaluate": "评价参训人员",
    }
