"""重大行政决策's legal parameters and the refusals that name the article they enforce
(《重大行政决策程序暂行条例》, applied by towns per 第四十二条; tests assert them)."""

from __future__ import annotations

from fazhi.core import params

CONSULT_MIN_DAYS = params.define(
    "decisions.consult_min_days",
    "重大行政决策公开征求意见最短期限",
    default=30,
    unit="日",
    basis="《重大行政决策程序暂行条例》第十五条(一般不少于30日;情况紧急需缩短的应当说明)",
    minimum=1,
    maximum=90,
)
IMPLEMENTATION_REPORT_DAYS = params.define(
    "decisions.implementation_report_days",
    "决策执行情况报告周期",
    default=180,
    unit="日",
    basis="本地规则:第三十四条要求决策执行单位报告执行情况,未定周期;本镇按公布后每180日报告一次",
    minimum=30,
    maximum=366,
)

NOT_IN_CATALOGUE = "决策事项须列入已公布的年度决策事项目录后方可启动决策程序(第三条第三款)"
CATALOGUE_EMPTY = "目录尚无决策事项,不能通过(第三条第三款:确定决策事项目录)"
CATALOGUE_NOT_DRAFT = "目录已通过或已公布,不能再增加事项(调整目录须重新报请通过,第三条第三款)"
CONSULT_TOO_SHORT = (
    "公开征求意见期限不足{days}日(第十五条:一般不少于30日),最早可于{earliest:%Y年%m月%d日}截止;"
    "确需缩短的,须在征求意见时说明理由"
)
CONSULT_DATES = "征求意见截止日期须晚于开始日期"
CONSULT_MISSING = "尚未通过公众参与平台公开征求意见(第十四条、第十五条)"
CONSULT_OPEN = "征求意见尚未结束,不能结束公众参与(第十五条:征求意见期限届满)"
CONSULT_UNANSWERED = (
    "尚有{n}条公众意见未答复,不能进入下一程序(第十八条:对意见归纳整理、研究论证并反馈)"
)
HEARING_NOT_DONE = "听证会“{title}”尚未举行或未附听证报告(第十七条:听证参加人确认记录并签字)"
NO_EXPERT = "尚未组织专家论证(第十九条):请至少记录一位论证专家及其论证意见"
EXPERT_CONFLICT = "与决策事项有直接利害关系的专家不得参与论证(第二十条)"
EXPERT_NO_OPINION = "专家“{name}”尚无书面论证意见(第十九条)"
EXPERT_NOT_SIGNED = "专家“{name}”的书面论证意见未上传署名件(第十九条:书面论证意见应当署名、盖章)"
NO_RISK = "尚未完成风险评估(第二十二条、第二十三条):请记录风险点、防范措施和处置预案"
RISK_NO_REPORT = "风险评估报告未上传(第二十三条:形成风险评估报告)"
RISK_UNCONTROLLABLE = "风险评估结论为风险不可控,须调整决策草案确保风险可控后方可提交(第二十四条)"
REVIEW_FIRST = "决策草案未经合法性审查或审查未通过,不得提交集体讨论(第二十五条)"
REVIEWER_MISSING = "请选择合法性审查人(法律顾问或司法所、法治办审核人员,第二十八条)"
NO_DISCUSSION = "尚未记录集体讨论情况(第三十条):请记录会议、参会人员和发言顺序"
DISCUSSION_NO_MINUTES = "集体讨论会议记录未上传(第三十条:集体讨论决定情况应当如实记录)"
CHIEF_NOT_LAST = "行政首长须最后发表意见(第三十条第二款):发言顺序的最后一位应为{chief}"
CHIEF_ABSENT = "行政首长须参加集体讨论并在发言顺序中(第三十条)"
SPEAKER_NOT_ATTENDEE = "发言人“{name}”不在参会人员中"
DECISION_TEXT = "请填写决定内容(第三十条:行政首长在集体讨论的基础上作出决定)"
PUBLISH_WHERE_WHEN = "请填写公布日期和公布载体(第三十二条:及时公布重大行政决策)"
POST_EVAL_SAME_PERSON = (
    "决策后评估不得由决策前承担主要论证评估工作的人员或单位承担(第三十六条第二款)"
)
NOT_IN_FORCE = "只有已公布的决策才能报告执行情况或开展后评估(第三十四条、第三十六条)"
REVISE_NOT_DECIDED = "只有已作出的决策才需调整;调整须依照本条例重新履行相关法定程序(第三十七条)"
REVISE_PENDING = "该决策已有进行中的调整版本,请在其上继续办理(第三十七条)"
GATE_STATE = "当前处于“{status}”阶段,不能记录{what}"
ARCHIVE_FIRST = "决策尚未归档,不能下载案卷(第三十三条)"
