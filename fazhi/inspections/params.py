"""督查整改's legal parameter and the refusals that name the rule they enforce (tests
assert them)."""

from __future__ import annotations

from fazhi.core import params

RECTIFY_DAYS = params.define(
    "inspections.rectify_days",
    "督查问题整改期限",
    default=30,
    unit="日",
    basis="本地规则:督查通知未另定期限的,自问题记录之日起30日内整改到位",
    minimum=1,
    maximum=365,
)

NEEDS_EVIDENCE = "整改须附佐证材料:请先上传至少一份整改佐证(照片、文件等)再提交"
NEEDS_RECTIFICATION = "整改须写明整改情况:请填写采取的整改措施和结果"
OPEN_FINDINGS = "尚有{n}个问题未整改销号,不得办结督查(督查问题须整改到位、逐项销号)"
NO_FINDINGS_NEEDS_CONCLUSION = (
    "本次督查未记录问题:须明确记录结论“未发现需整改问题”方可办结(无问题也须作为结论记录)"
)
FINDINGS_CONTRADICT = "本次督查已发现问题,结论不能为“未发现需整改问题”"
NO_FINDINGS_TO_ISSUE = "未记录任何问题,不能下发整改通知;未发现问题的,请以“未发现需整改问题”办结督查"
NOT_ISSUED = "督查尚未下发整改通知,暂不能提交整改"
DEADLINE_BEFORE_START = "整改期限不能早于督查开始日期({started})"
ENDED_BEFORE_START = "结束日期不能早于督查开始日期({started})"
OWNER_OUTSIDE = "整改责任人须为被督查单位({town})的工作人员"
OWN_FINDING = "整改责任人不得为本人负责的问题销号"
COMPLETED = "督查已办结,不能再添加问题"
COMPLETED_NO_EDIT = "督查已办结,不能再修改(办结的督查是已形成的记录)"
FINDING_SUBMITTED_NO_EDIT = "已提交整改的问题不能修改,请先退回"
FINDING_CLOSED_NO_EDIT = "已销号的问题不能修改(销号即整改已核实完毕)"
START_AFTER_DEADLINE = "开始日期不能晚于已记录问题的整改期限({deadline})"
