"""The legal parameters of 行政协议与合同 (legal-rules.md §6) and the Chinese refusals that
cite the law. Every period and threshold is a parameter with the law's default and its
citation; the checks that apply them are in services/checks.py."""

from __future__ import annotations

from fazhi.core import params

from .models import ProcurementKind

# --- parameters ----------------------------------------------------------------------------

ARCHIVE_WORKDAYS = params.define(
    "contracts.archive_workdays",
    "合同签订后归档期限",
    default=5,
    unit="工作日",
    basis="本地合同管理规定(常见为签订后5个工作日内交档案室归档)",
    minimum=1,
    maximum=30,
)
SME_PAYMENT_DAYS = params.define(
    "contracts.sme_payment_days",
    "向中小企业支付款项期限(未约定时)",
    default=30,
    unit="日",
    basis="《保障中小企业款项支付条例》(2025)第九条:自交付之日起30日内",
    minimum=1,
    maximum=60,
)
SME_PAYMENT_MAX_DAYS = params.define(
    "contracts.sme_payment_max_days",
    "向中小企业支付款项约定期限上限",
    default=60,
    unit="日",
    basis="《保障中小企业款项支付条例》(2025)第九条:合同另有约定的,最长不得超过60日",
    minimum=1,
    maximum=60,
)
TENDER_THRESHOLD_WORKS = params.define(
    "contracts.tender_threshold_works",
    "工程施工必须招标的单项合同估算价",
    default=4_000_000,
    unit="元",
    basis="《必须招标的工程项目规定》(国家发展改革委令第16号)第五条",
    minimum=0,
)
TENDER_THRESHOLD_GOODS = params.define(
    "contracts.tender_threshold_goods",
    "货物采购必须招标的单项合同估算价",
    default=2_000_000,
    unit="元",
    basis="《必须招标的工程项目规定》(国家发展改革委令第16号)第五条;政府采购限额标准以本省规定为准",
    minimum=0,
)
TENDER_THRESHOLD_SERVICES = params.define(
    "contracts.tender_threshold_services",
    "服务采购必须招标的单项合同估算价",
    default=1_000_000,
    unit="元",
    basis="《必须招标的工程项目规定》(国家发展改革委令第16号)第五条;政府采购限额标准以本省规定为准",
    minimum=0,
)
PAYMENT_WARNING_DAYS = params.define(
    "contracts.payment_warning_days",
    "付款到期预警提前天数",
    default=7,
    unit="日",
    basis="本地规则",
    minimum=1,
    maximum=60,
)
TERM_WARNING_DAYS = params.define(
    "contracts.term_warning_days",
    "合同履行期限届满预警提前天数",
    default=30,
    unit="日",
    basis="本地规则",
    minimum=1,
    maximum=180,
)
TENDER_THRESHOLDS = {
    ProcurementKind.WORKS: TENDER_THRESHOLD_WORKS,
    ProcurementKind.GOODS: TENDER_THRESHOLD_GOODS,
    ProcurementKind.SERVICES: TENDER_THRESHOLD_SERVICES,
}

# --- citations -------------------------------------------------------------------------------

ARBITRATION = "《最高人民法院关于审理行政协议案件若干问题的规定》第二十六条"
SME_PAYMENT = "《保障中小企业款项支付条例》第九条"
TENDER = "《招标投标法》第三条、《必须招标的工程项目规定》第五条"
CREDIT_CODE = "GB 32100-2015"
REVIEW_BEFORE_SIGNING = (
    "中办发〔2016〕30号《关于推行法律顾问制度和公职律师公司律师制度的意见》、本镇合同管理规定"
)
ARCHIVE = "本镇合同管理规定"

# --- refusals that cite the law ----------------------------------------------------------------

ARBITRATION_REFUSED = f"行政协议不得约定仲裁条款,争议应通过行政诉讼解决({ARBITRATION})"
THIRD_PARTY_PAYMENT_REFUSED = f"不得以收到第三方付款作为向中小企业支付款项的条件({SME_PAYMENT})"
NOT_REVIEWED = f"未经合法性审核或审核未通过,不得签订({REVIEW_BEFORE_SIGNING})"
HISTORY_NOT_REVIEWED = (
    f"未经合法性审核,不得签订:历史合同须填写线下审核记录({REVIEW_BEFORE_SIGNING})"
)
NO_ARCHIVE_NUMBER = f"未填写档案号,不得归档({ARCHIVE})"
