"""组织领导's parameters and the refusals that name the rule they enforce (tests assert
them).

The rules here are the town's own practice under the central rules on rule-of-law
responsibility: 《党政主要负责人履行推进法治建设第一责任人职责规定》(中办发〔2016〕, 述法
列入年终述职) and the county's 法治政府建设 assessment (领导小组、会议、学法、述法全覆盖).
None of it is statute in ../shared/reference/laws, so every period is a parameter."""

from __future__ import annotations

from fazhi.core import params

LAWREPORT_DUE_DAYS = params.define(
    "leadership.lawreport_due_days",
    "述法截止期限(自年度结束起)",
    default=31,
    unit="日",
    basis="本地做法:领导干部年度述法与年终述职同步进行,于次年1月底前完成"
    "(《党政主要负责人履行推进法治建设第一责任人职责规定》要求将法治建设情况列入年终述职)",
    minimum=0,
    maximum=180,
)
LAWREPORT_WARN_DAYS = 14  # the leader's 述法 turns amber two weeks before it is due

RULE_BASIS = "《党政主要负责人履行推进法治建设第一责任人职责规定》及本县法治建设考核办法"

MEMBER_OUTSIDE = (
    "领导小组成员须为{unit}的在册人员(在本单位或所辖村社有账号):{name}不属于本单位,不能加入领导小组"
)
MEMBER_OVERLAP = "{name}在{start}起已是本领导小组成员,同一时段不能重复加入"
ENDED_BEFORE_START = "结束日期不能早于开始日期({started})"
ALREADY_ENDED = "该成员已于{ended}退出领导小组"
GROUP_EXISTS = "{unit}已成立领导小组,不能重复成立(成员调整请在小组页面办理)"
GROUP_UNIT = "领导小组须建在乡镇或村(社区)"
ATTENDEE_OUTSIDE = "参会人员须为{town}的人员:{names}不属于本镇,不能选为参会或缺席人员"
HOST_OUTSIDE = "主持人须为{town}的人员"
ATTENDEE_TWICE = "{names}不能既列为出席又列为缺席"
ABSENCE_REASON = "缺席人员须写明缺席原因:{names}"
HELD_IN_FUTURE = "会议日期{day}尚未到来,不能标记为已召开(会议召开后方可记录纪要与决定)"
NEEDS_MINUTES = "标记为已召开须填写会议纪要"
MEETING_HELD = "会议已召开,不能再修改参会人员"
NOT_HELD_DECISION = "会议尚未召开,不能记录会议决定"
NOT_ON_LIST = (
    "{name}不在{town}{year}年度述法名单中,不能提交述法(述法对象为本镇领导干部,"
    "依{basis};名单由法治办确定)"
)
ALREADY_ON_LIST = "{name}已在{year}年度述法名单中"
REPORTER_OUTSIDE = "述法人员须为{town}的在册人员:{name}不属于本镇"
NEEDS_REPORT = "述法须提交述法报告:请填写报告内容或上传报告文件"
NOT_REPORTER = "只有述法人本人可以提交自己的述法报告"
NEEDS_MEETING = "请选择述法所在的会议(本镇已召开的会议)"
MEETING_NOT_HELD = "述法会议须为本镇已召开的会议"
MEETING_WRONG_YEAR = "述法会议须在{year}年度内或次年述法期间召开"
NEEDS_RATING = "请填写评议结果"
REMOVE_DONE = "已提交的述法不能移出名单"
YEAR_RANGE = "年度须在2000至2100之间"
