"""The periods and limits of legal-rules.md §1 as configurable parameters (architecture
rule 10), each with the law's (or the local rule's) default and its citation, and the
Chinese refusals the guards give, each naming its rule. Validation lives in services."""

from __future__ import annotations

from fazhi.core import params

FILING_DAYS = params.define(
    "documents.filing_days",
    "公布后报送备案期限",
    default=15,
    unit="日",
    basis="各地行政规范性文件备案审查规定(本地规则,常见为5个工作日或10、15、30日)",
    minimum=1,
    maximum=60,
)
COMMENT_WORKDAYS = params.define(
    "documents.comment_workdays",
    "征求意见期限(一般)",
    default=7,
    unit="工作日",
    basis="法治政府建设示范指标体系(征求意见一般不少于7个工作日)",
    minimum=1,
    maximum=60,
)
COMMENT_DAYS_BUSINESS = params.define(
    "documents.comment_days_business",
    "征求意见期限(涉及经营主体)",
    default=30,
    unit="日",
    basis="《优化营商环境条例》第六十二条(与市场主体生产经营活动密切相关的,一般不少于30日)",
    minimum=1,
    maximum=120,
)
VALIDITY_YEARS = params.define(
    "documents.validity_years",
    "有效期上限",
    default=5,
    unit="年",
    basis="行政规范性文件有效期制度(本地规则:有效期一般不超过5年)",
    minimum=1,
    maximum=10,
)
PROVISIONAL_VALIDITY_YEARS = params.define(
    "documents.provisional_validity_years",
    "暂行、试行文件有效期上限",
    default=2,
    unit="年",
    basis="行政规范性文件有效期制度(本地规则:标题含“暂行”“试行”的,有效期一般不超过2年)",
    minimum=1,
    maximum=5,
)
EXPIRY_REMINDER_MONTHS = params.define(
    "documents.expiry_reminder_months",
    "有效期届满前评估提醒",
    default=6,
    unit="月",
    basis="行政规范性文件有效期制度(本地规则:届满前6个月评估)",
    minimum=1,
    maximum=12,
)
EFFECTIVE_GAP_DAYS = params.define(
    "documents.effective_gap_days",
    "公布至施行的间隔",
    default=30,
    unit="日",
    basis="本地规则:施行日期一般距公布之日不少于30日,紧急情况须说明理由",
    minimum=0,
    maximum=90,
)
NUMBER_PREFIX = params.define(
    "documents.number_prefix",
    "发文字号前缀",
    default="",
    basis="统一登记、统一编号、统一印发(国办发〔2018〕37号);不填时用单位简称,如“海屿镇政规”",
)
CORRECTION_DAYS = params.define(
    "documents.correction_days",
    "备案纠错整改期限(默认)",
    default=30,
    unit="日",
    basis="各地行政规范性文件备案审查规定(本地规则)",
    minimum=1,
    maximum=90,
)
FILING_REVIEW_DAYS = params.define(
    "documents.filing_review_days",
    "县级备案审查期限",
    default=20,
    unit="日",
    basis="各地行政规范性文件备案审查规定(本地规则)",
    minimum=1,
    maximum=60,
)

# --- the refusals, each naming its rule ------------------------------------------------

ISSUER_REFUSED = (
    "制定主体应为镇人民政府或经其授权的政府办公室,内设机构和议事协调机构不得制发"
    "行政规范性文件(国办发〔2018〕37号)"
)
NUMBER_BY_HAND = (
    "文号由系统在登记时统一编号,不得手工填写(统一登记、统一编号、统一印发,国办发〔2018〕37号)"
)
FAIR_COMPETITION_NOT_NEEDED = (
    "本文件未标注涉及经营主体经济活动,无需进行公平竞争审查;如涉及,请先修改文件信息"
)
FAIR_COMPETITION_FIRST = (
    "涉及经营主体经济活动的政策措施,征求意见前须完成公平竞争审查"
    "(《公平竞争审查条例》第二条、第十八条)"
)
FAIR_COMPETITION_NONCOMPLIANT = (
    "公平竞争审查结论为“不符合”的,不得出台,须修改后重新审查(《公平竞争审查条例》第十八条)"
)
FAIR_COMPETITION_CONCLUSION = (
    "请选择公平竞争审查结论:符合、不符合或适用例外(《公平竞争审查条例》第十三条)"
)
FAIR_COMPETITION_EXCEPTION = "适用例外规定的,须说明理由并明确实施期限(《公平竞争审查条例》第十二条)"
REVIEW_FIRST = "未经合法性审核或审核未通过,不得提交集体审议(国办发〔2018〕37号)"
DELIBERATION_FIRST = "未经集体审议决定,不得登记编号(国办发〔2018〕37号)"
NUMBER_FIRST = "未经统一登记编号,不得公布(统一登记、统一编号、统一印发,国办发〔2018〕37号)"
PUBLISH_WHERE_WHEN = (
    "公布须载明公布日期和公布载体,未经公布的不得作为行政管理依据(《优化营商环境条例》第六十四条)"
)
PUBLISHED_FIRST = "未公布的规范性文件不得报送备案(先公布、后备案)"
RETROACTIVE = (
    "施行日期不得早于公布日期(未经公布的不得作为行政管理依据,《优化营商环境条例》第六十四条)"
)

# Templates: the rule with its configured figure ({n} days, {years} years).
COMMENT_MIN_BUSINESS = "涉及经营主体的,征求意见期限不少于{n}日(《优化营商环境条例》第六十二条)"
COMMENT_MIN_WORKDAYS = "征求意见期限不少于{n}个工作日(法治政府建设示范指标)"
VALIDITY_REQUIRED = "请填写施行日期和有效期(行政规范性文件实行有效期制度)"
VALIDITY_MAX_PROVISIONAL = "标题含“暂行”“试行”的,有效期不得超过{years}年(行政规范性文件有效期制度)"
VALIDITY_MAX = "有效期不得超过{years}年(行政规范性文件有效期制度)"

# Public consultation (fazhi.participation): every comment answered before the draft goes on.
COMMENTS_UNANSWERED = (
    "尚有{n}条公众意见未答复:对征求意见中收到的意见须逐条研究并反馈(国办发〔2018〕37号;"
    "重大行政决策程序暂行条例第十五条),全部答复前不得结束征求意见、提请集体审议"
)
COMMENT_ADOPTION = (
    "收到意见{n}条:采纳{adopted}条、部分采纳{partly}条、不采纳{rejected}条,均已逐条答复并公布"
)
