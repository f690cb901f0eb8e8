"""案例实景式教学's parameters and the refusals that name the rule they enforce (tests
assert them). Scenario training is local practice: the seed's town runs it (“围绕‘基层信访
纠纷’、‘遗留拆迁问题’等案例进行‘案例实景式’教学仿真训练”) in the spirit of 人民调解法第十四条
(regular training of mediators) and 信访工作条例第十六条 (training of petition cadres), but no
statute fixes its types or periods: both are parameters the county may change."""

from __future__ import annotations

from fazhi.core import params

DEFAULT_CASE_TYPES = ("信访纠纷", "遗留拆迁", "邻里纠纷", "土地承包纠纷", "舆情处置", "劳资纠纷")

CASE_TYPES = params.define(
    "training.case_types",
    "典型案例类型",
    default="、".join(DEFAULT_CASE_TYPES),
    unit="",
    basis="本地规则:案例库的案例类型,以“、”分隔,各地可增删",
)

EVALUATION_WORKDAYS = params.define(
    "training.evaluation_workdays",
    "实景教学评价期限",
    default=5,
    unit="工作日",
    basis="本地规则:实景教学举行后5个工作日内完成对参训人员的评价和经验总结",
    minimum=1,
    maximum=30,
)


def case_types(unit) -> list[str]:
    """The case types in force for `unit` (its county's or its own list)."""
    raw = str(CASE_TYPES.value(unit))
    return [t.strip() for t in raw.replace(",", "、").replace(",", "、").split("、") if t.strip()]


RULE = "本地规则·案例实景式教学"
UNKNOWN_TYPE = (
    "案例类型“{value}”不在本地案例类型中(可选:{options});类型由县级在参数“典型案例类型”中设定"
)
NO_ROLES = "请至少列出一个演练角色(每行一个,如:信访人、接访干部)"
ROLE_TOO_LONG = "演练角色“{role}”过长(每个角色不超过50个字)"
DUPLICATE_ROLE = "演练角色“{role}”重复"
CASE_OTHER_TOWN = "教学案例须为本镇案例库中的案例"
CASE_INACTIVE = "案例“{title}”已停用,不能再安排教学"
HOST_OUTSIDE = "主持人须为{town}的工作人员"
PARTICIPANT_OUTSIDE = "参训人员须为{town}的工作人员(镇机关干部、村社干部、网格员等)"
PARTICIPANT_TWICE = "{name}已在本次教学的参训名单中"
ROLE_NOT_IN_CASE = "角色“{role}”不是案例“{title}”的演练角色(可选:{options})"
NOT_PLANNED_EDIT = "只有计划中的教学可以修改时间、地点和主持人"
ROSTER_CLOSED = "教学已评价或已取消,参训名单不能再修改"
HELD_BEFORE_DATE = "教学定于{day}举行,今天({today})尚未到举行日期,不能标记为已举行"
NO_PARTICIPANTS = "参训名单为空:须至少安排一名参训人员方可标记已举行"
EVALUATE_NOT_HELD = "教学尚未举行(或已完成评价、已取消),不能评价参训人员"
UNEVALUATED = "还有{n}名参训人员未评价({names}):须逐一评价后方可完成评价"
NO_LESSONS = "请填写本次教学的经验与不足"
IMPROVE_NEEDS_COMMENT = "评价为“需改进”的,须在评语中写明需改进之处"
REMOVE_EVALUATED = "{name}已被评价,不能从名单中移除"
