"""公众参与's legal parameters and the refusals that name the rule they enforce (tests
assert them)."""

from __future__ import annotations

from fazhi.core import params

MIN_DAYS_DECISION = params.define(
    "participation.min_days_decision",
    "重大行政决策公开征求意见最短期限",
    default=30,
    unit="日",
    basis="重大行政决策程序暂行条例第十五条:公开征求意见的期限一般不少于30日",
    minimum=1,
    maximum=365,
)
MIN_WORKDAYS_NORMATIVE = params.define(
    "participation.min_workdays_normative",
    "行政规范性文件公开征求意见最短期限",
    default=7,
    unit="工作日",
    basis="法治政府建设示范指标:行政规范性文件征求意见一般不少于7个工作日(与经营主体"
    "密切相关的不少于30日,由文件登记的规则另行把关)",
    minimum=1,
    maximum=90,
)
MIN_DAYS_OTHER = params.define(
    "participation.min_days_other",
    "其他事项公开征求意见最短期限",
    default=7,
    unit="日",
    basis="本地规则:民生政策公众参与平台上的其他事项征求意见一般不少于7日",
    minimum=1,
    maximum=365,
)
HEARING_NOTICE_DAYS = params.define(
    "participation.hearing_notice_days",
    "听证公告提前天数",
    default=7,
    unit="日",
    basis="重大行政决策程序暂行条例第十七条:听证材料于听证会召开7日前公布或送达",
    minimum=1,
    maximum=60,
)
COMMENT_MAX_CHARS = params.define(
    "participation.comment_max_chars",
    "单条意见最大字数",
    default=2000,
    unit="字",
    basis="本地规则:平台管理规定,意见为纯文本",
    minimum=100,
    maximum=20000,
)
COMMENTS_PER_ACCOUNT_HOUR = params.define(
    "participation.comments_per_account_hour",
    "每个账号每小时最多提交意见数",
    default=10,
    unit="条",
    basis="本地规则:平台防刷规定(网络安全法第二十一条的安全保护义务)",
    minimum=1,
    maximum=1000,
)
COMMENTS_PER_IP_HOUR = params.define(
    "participation.comments_per_ip_hour",
    "每个网络地址每小时最多提交意见数",
    default=30,
    unit="条",
    basis="本地规则:平台防刷规定(网络安全法第二十一条的安全保护义务)",
    minimum=1,
    maximum=10000,
)

CONSENT_VERSION = "2026-1"

CLOSED = "征求意见期已于{ends:%Y年%m月%d日}结束,不再接收意见(征求意见须在公布的期限内提出)"
NOT_STARTED = "征求意见自{starts:%Y年%m月%d日}开始,尚未开始接收意见"
NO_PARAGRAPH = "征求意见稿中没有所选的条文(第{no}项),请对照原文选择条文或对全文提意见"
EMPTY_BODY = "请填写意见内容"
TOO_LONG = "意见不得超过{n}字(平台管理规定:意见为纯文本,每条不超过{n}字)"
HTML = "意见须为纯文本,不得包含HTML标签或脚本(平台管理规定)"
RATE_ACCOUNT = "提交过于频繁:每个账号每小时最多提交{n}条意见(平台防刷规定),请稍后再试"
RATE_IP = "提交过于频繁:同一网络地址每小时最多提交{n}条意见(平台防刷规定),请稍后再试"
ANSWER_REASON = (
    "答复须写明理由:采纳、部分采纳或不采纳均须说明理由(重大行政决策程序暂行条例第十五条、第十八条)"
)
ANSWER_OUTCOME = "请选择处理结果:采纳、部分采纳或不采纳"
ANSWER_NONE = "请选择要答复的意见"
ANSWERED = "所选意见已经答复,不能重复答复"
HIDDEN_ANSWER = "已隐藏的意见不需答复"
HIDE_REASON = "隐藏意见须写明理由(理由将公开显示)"
ALREADY_HIDDEN = "该意见已隐藏"
SHORT_PERIOD = (
    "征求意见期限不足:{rule},最早可于{earliest:%Y年%m月%d日}截止;确需缩短的,须写明理由"
    "(重大行政决策程序暂行条例第十五条)"
)
END_BEFORE_START = "截止日期不能早于开始日期"
ALREADY_OPEN = "该事项已有进行中的征求意见"
EMPTY_TEXT = "请填写征求意见稿正文"
UNANSWERED = (
    "尚有{n}条意见未答复:对公众意见须逐条研究、反馈(重大行政决策程序暂行条例第十五条),"
    "全部答复前不得提请集体审议"
)
HEARING_LATE = (
    "听证公告过晚:听证须在公告{days}日后举行(重大行政决策程序暂行条例第十七条),"
    "最早可于{earliest:%Y年%m月%d日}举行"
)
HEARING_REG_END = "报名截止日期须在公告日期之后、听证日期之前"
HEARING_NO_INTERESTED = (
    "听证参加人须包括利害关系人代表(重大行政决策程序暂行条例第十七条:参加人应具有代表性)"
)
HEARING_NONE_SELECTED = "请至少选定一名听证参加人"
HEARING_REG_CLOSED = "听证报名已于{day:%Y年%m月%d日}截止"
HEARING_REG_TWICE = "您已报名参加该听证"
HEARING_RECORD = "须上传经听证参加人签字确认的听证笔录(重大行政决策程序暂行条例第十七条)"
HEARING_NOT_YET = "听证尚未举行(听证日期{day:%Y年%m月%d日}),不能上传笔录"
HEARING_REPORT = "须上传听证报告并填写摘要"
CONSENT = "须阅读并同意《个人信息处理告知书》方可注册(个人信息保护法第十三条、第十四条)"
CONSENT_ID = "填写身份证号的,须单独同意处理该敏感个人信息(个人信息保护法第二十九条)"
NAME = "请填写姓名"
PHONE_TAKEN = "该手机号已注册"
