"""Parameters of the backups: how many to keep and when the last one is too old."""

from fazhi.core import params

KEEP_DAILY = params.define(
    "operations.keep_daily",
    "保留每日备份份数",
    default=7,
    unit="份",
    basis="本地规则(另每月保留一份,见“保留每月备份份数”)",
    minimum=1,
    maximum=365,
)
KEEP_MONTHLY = params.define(
    "operations.keep_monthly",
    "保留每月备份份数",
    default=12,
    unit="份",
    basis="本地规则;审计记录至少保存6个月(网络安全法第二十一条),每月备份宜保留一年以上",
    minimum=0,
    maximum=120,
)
MAX_AGE_DAYS = params.define(
    "operations.backup_max_age_days",
    "最近一次备份的最长间隔",
    default=2,
    unit="日",
    basis="本地规则:超过即在系统管理员工作台标红、健康检查报告异常",
    minimum=1,
    maximum=30,
)
