from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role


class TasksConfig(registry.FazhiAppConfig):
    name = "fazhi.tasks"
    verbose_name = "任务分解"
    url_prefix = "tasks/"
    # Village cadres see their village's tasks, grid workers their grid's (scoping does it).
    menu = (
        MenuEntry(
            "工作任务",
            "tasks:task_list",
            {
                Role.LAW_OFFICER,
                Role.TOWN_LEADER,
                Role.COUNTY_SUPERVISOR,
                Role.VILLAGE_CADRE,
                Role.GRID_WORKER,
            },
            "组织领导",
        ),
    )
    # The audit verbs that are no workflow step (the workflow names its own steps).
    audit_labels = {
        "plan.create": "制定工作计划",
        "plan.send_down": "下发县级工作计划",
        "plan_item.create": "添加工作要点",
        "plan_item.update": "修改工作要点",
        "task.create": "分解工作任务",
        "task.report": "报告任务进展",
        "task.export": "导出任务分解台账",
        "task.import": "导入任务清单",
    }
