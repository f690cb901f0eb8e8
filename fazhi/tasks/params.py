"""工作任务's parameters and the refusals that name the rule they enforce (tests assert
them). The breakdown of a plan is local practice (seed 一(一): "将各项工作任务,分解到各村社,
层层压紧压实责任"), not statute: its periods are local rules with these defaults."""

from __future__ import annotations

from fazhi.core import params

DUE_SOON_WORKDAYS = params.define(
    "tasks.due_soon_workdays",
    "工作任务临期提醒",
    default=5,
    unit="工作日",
    basis="本地规则:完成期限前5个工作日起列入工作台临期提醒",
    minimum=1,
    maximum=30,
)
MEETING_FOLLOWUP_WORKDAYS = params.define(
    "tasks.meeting_followup_workdays",
    "会议决定事项落实期限",
    default=15,
    unit="工作日",
    basis="本地规则:会议决定事项未另定期限的,自分解之日起15个工作日内落实",
    minimum=1,
    maximum=120,
)

BEFORE_PARENT_START = (
    "任务完成期限({due})不能早于上级{parent}的开始日期({start})"
    "(本地规则:任务层层分解,下级期限须在上级期限之内)"
)
AFTER_PARENT_DEADLINE = (
    "任务完成期限({due})不能晚于上级{parent}的完成期限({deadline})"
    "(本地规则:任务层层分解,下级期限须在上级期限之内)"
)
START_BEFORE_PARENT = "任务开始日期({start})不能早于上级{parent}的开始日期({parent_start})"
START_AFTER_DUE = "开始日期不能晚于完成期限"
ITEM_DEADLINE_BEFORE_START = "工作要点的完成期限不能早于开始日期"
ITEM_OUTSIDE_YEAR = "工作要点的期限须在计划年度({year}年)之内"
ITEM_BEFORE_TASKS = "已分解的任务期限晚于新的要点期限({deadline}),请先调整任务"
NEEDS_EVIDENCE = "任务须附佐证材料方可完成:请上传至少一份佐证({required})"
OPEN_SUBTASKS = "尚有{n}项下级任务未完成,不能完成本任务(层层分解的任务须逐级完成)"
OWNER_OUTSIDE = "责任人须为责任单位({unit})的在岗人员"
NO_OWNER = "{unit}没有在岗的{roles},无法指派责任人,请先配备人员或指定责任单位"
UNIT_OUTSIDE = "责任单位须在{scope}范围内"
OFFICE_ONLY_TOWN = "站所(中心)只能是镇(街道)本级的,责任单位选择村社或网格时不填站所"
PERCENT_RANGE = "进度须为0到100之间的整数"
PERCENT_DONE_ONLY_WHEN_DONE = "任务已完成,不能再报告进展"
PLAN_EXISTS = "{unit}已有{year}年度工作计划“{title}”"
ALREADY_SENT = "县级计划已下发到所有乡镇,无需再次下发"
NOT_COUNTY_PLAN = "只有县级工作计划可以下发到乡镇"
ON_REST_DAY = "完成期限{given}为休息日,已顺延至{moved}(民法典第二百零三条)"
