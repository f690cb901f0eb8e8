"""矛盾纠纷's legal parameters and the refusals that name the rule they enforce (tests
assert them)."""

from __future__ import annotations

from fazhi.core import params

JUDICIAL_DAYS = params.define(
    "disputes.judicial_days",
    "申请司法确认期限",
    default=30,
    unit="日",
    basis="人民调解法第三十三条:自调解协议生效之日起三十日内共同向人民法院申请司法确认",
    minimum=30,
    maximum=30,
)
JUDICIAL_WARN_DAYS = params.define(
    "disputes.judicial_warn_days",
    "司法确认申请期限提醒天数",
    default=7,
    unit="日",
    basis="本地规则:申请期限届满前7日起在工作台提醒",
    minimum=1,
    maximum=29,
)
ACCEPT_WORKDAYS = params.define(
    "disputes.accept_workdays",
    "纠纷受理时限",
    default=2,
    unit="工作日",
    basis="本地规则:参照浙江“基层治理四平台”,登记后2个工作日内受理",
    minimum=1,
    maximum=15,
)
HANDLE_DAYS = params.define(
    "disputes.handle_days",
    "纠纷调解时限",
    default=30,
    unit="日",
    basis="司法部《人民调解工作若干规定》第三十七条:调解纠纷一般在一个月内调结(内部办理目标)",
    minimum=1,
    maximum=90,
)
REPEAT_WINDOW_DAYS = params.define(
    "disputes.repeat_window_days",
    "重复纠纷统计期间",
    default=180,
    unit="日",
    basis="本地规则:同一当事人此前180日内的纠纷计入预警的重复次数",
    minimum=7,
    maximum=730,
)
LOCAL_CATEGORIES = params.define(
    "disputes.local_categories",
    "本地增设的纠纷类别",
    default="",
    basis="本地规则:在内置类别之外增设的类别,以顿号分隔(如:海域滩涂、渔业生产)",
)

PARTIES_REQUIRED = "纠纷须登记至少两方当事人(申请人和被申请人)"
PARTY_ID_REQUIRED = (
    "受理前须登记每位当事人的公民身份号码(人民调解法第二十九条:载明当事人的基本情况)"
)
ROUTE_REASON = "分流须写明理由"
REFUSED_NO_MEDIATION = "当事人一方已明确拒绝调解,不得调解(人民调解法第十七条)"
REFUSER_REQUIRED = "请选择明确拒绝调解的当事人并填写日期(人民调解法第十七条)"
REMEDIES_REQUIRED = (
    "调解不成的,应当终止调解,并告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利"
    "(人民调解法第二十六条):请记录告知的内容"
)
AGREEMENT_MISSING = "调解协议书缺少人民调解法第二十九条规定的事项:{items}"
ORAL_TERMS_REQUIRED = "口头协议须由人民调解员记录协议内容(人民调解法第二十八条)"
AGREEMENT_EXISTS = "本纠纷已记录调解协议"
NOT_MEDIATING = "纠纷须先受理并进入调解,才能记录调解情况或协议"
SIGN_ORAL = "口头协议自达成之日起生效(人民调解法第三十条),无需上传签字件"
SIGN_TWICE = "调解协议书已上传签字盖章件并生效"
SIGN_FUTURE = "签字盖章日期不能晚于今天"
SIGN_BEFORE_AGREED = "签字盖章日期不能早于达成协议日期({agreed})"
JUDICIAL_NOT_OPEN = "本协议当前不在申请司法确认的期间内(须为已生效的调解协议书)"
JUDICIAL_LATE = "申请日期已超过人民调解法第三十三条规定的期限:自调解协议生效之日起三十日内({due}前)"
JUDICIAL_NOT_APPLIED = "尚未记录申请司法确认,不能记录法院的决定"
COURT_REQUIRED = "请填写受理申请的人民法院"
CLOSE_BEFORE_OUTCOME = (
    "纠纷尚无调解结果(调解成功、调解不成、拒绝调解或移交),不能结案"
    "(人民调解法第二十六条至第二十八条)"
)
CLOSE_FOLLOWUP = "调解成功的纠纷须先回访协议履行情况再结案(人民调解法第三十一条)"
CLOSE_JUDICIAL_OPEN = (
    "司法确认申请期限({due})未届满,尚未记录当事人申请或不申请司法确认,暂不能结案"
    "(人民调解法第三十三条)"
)
FOLLOWUP_BEFORE = "回访须在调解成功之后"
DATE_FUTURE = "{label}不能晚于今天"
DATE_BEFORE = "{label}不能早于{other}({day})"
CLOSED = "纠纷已结案,不能再修改"
