"""The legal parameters of 法律顾问 (legal-rules.md §5), each with the law's default and
its basis, and the Chinese refusals that cite the rule they enforce."""

from __future__ import annotations

from fazhi.core import params

OPINION_2016 = "中办国办《关于推行法律顾问制度和公职律师公司律师制度的意见》(2016)"

MIN_PRACTICE_YEARS = params.define(
    "advisers.min_practice_years",
    "律师担任法律顾问的最低执业年限",
    default=5,
    unit="年",
    basis=OPINION_2016,
    minimum=0,
    maximum=30,
)
RENEWAL_NOTICE_DAYS = params.define(
    "advisers.renewal_notice_days",
    "聘期届满前提醒续聘的天数",
    default=60,
    unit="日",
    basis="本地规则(聘期届满前组织考核、决定是否续聘)",
    minimum=1,
    maximum=365,
)
MAX_TERM_YEARS = params.define(
    "advisers.max_term_years",
    "法律顾问单个聘期的最长年限",
    default=3,
    unit="年",
    basis="本地规则(法律顾问聘期一般不超过3年,期满考核合格可续聘)",
    minimum=1,
    maximum=10,
)
ASSESSMENT_DUE_DAYS = params.define(
    "advisers.assessment_due_days",
    "上一年度法律顾问考核的完成期限(自次年1月1日起算)",
    default=90,
    unit="日",
    basis="本地考核办法(一般于次年第一季度完成上年度考核)",
    minimum=1,
    maximum=365,
)
WORKLOAD_TARGET = params.define(
    "advisers.workload_target",
    "考核“工作量”项满分对应的年度工作件数",
    default=24,
    unit="件",
    basis="本地考核办法",
    minimum=1,
    maximum=1000,
)

# --- refusals that cite the rule ----------------------------------------------------------
CRIMINAL_RECORD_REFUSAL = f"受过刑事处罚的人员不得担任法律顾问({OPINION_2016})"
SANCTION_RECORD_REFUSAL = f"受过行业惩戒或行政处罚的人员不得担任法律顾问({OPINION_2016})"
# .format(need=, have=)
PRACTICE_YEARS_REFUSAL = (
    "律师担任法律顾问须执业满{need}年(" + OPINION_2016 + "),该律师执业{have}年,不符合条件"
)
# .format(years=)
MAX_TERM_REFUSAL = "单个聘期不得超过{years}年(本地规则:期满考核合格可续聘)"
# .format(year=, grade=)
NOT_RENEWABLE_REFUSAL = (
    "{year}年度考核结果为“{grade}”、不予续聘,不能续聘"
    "(法律顾问年度考核结果决定是否续聘," + OPINION_2016 + ")"
)
