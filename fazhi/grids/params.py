"""网格走访's parameters (visit intervals are local practice, not statute: configuration
with a default) and the refusals that name the rule they enforce (tests assert them)."""

from __future__ import annotations

from fazhi.core import params

LOCAL = "本地规则(各地网格化管理走访要求不一,由县级按本地实践设定)"

# The default visit interval of each key group, used when the law officer loads the
# default categories or adds a category without its own interval. Each category keeps its
# own interval, which the town's law officer may change.
INTERVAL_HARDSHIP = params.define(
    "grids.interval_hardship",
    "困难群体默认走访周期",
    default=90,
    unit="日",
    basis=LOCAL + ":困难群体每季度至少走访一次",
    minimum=1,
    maximum=366,
)
INTERVAL_SENSITIVE = params.define(
    "grids.interval_sensitive",
    "敏感群体默认走访周期",
    default=15,
    unit="日",
    basis=LOCAL + ":敏感群体每半月至少走访一次",
    minimum=1,
    maximum=366,
)
INTERVAL_SPECIAL = params.define(
    "grids.interval_special",
    "特殊群体默认走访周期",
    default=30,
    unit="日",
    basis=LOCAL + ":特殊群体每月至少走访一次",
    minimum=1,
    maximum=366,
)
DUE_SOON_DAYS = params.define(
    "grids.due_soon_days",
    "走访临期提醒天数",
    default=7,
    unit="日",
    basis="本地规则:应走访日前7日起在网格员工作台提示",
    minimum=1,
    maximum=60,
)
RISK_WINDOW_DAYS = params.define(
    "grids.risk_window_days",
    "走访风险信号统计期",
    default=30,
    unit="日",
    basis="本地规则:近30日走访记录的风险信号纳入社会矛盾预警",
    minimum=1,
    maximum=365,
)

# 个人信息保护法: the articles the refusals and the purpose statement cite.
PIPL = "个人信息保护法"
PURPOSE = (
    "处理目的:为落实网格化管理,对困难群体开展帮扶、对敏感群体和特殊群体开展走访服务与矛盾风险排查。"
    "重点人员信息属于敏感个人信息(个人信息保护法第二十八条),仅为上述特定目的、在必要范围内处理"
    "(第二十八条第二款、第三十四条);登记时应当告知本人处理的必要性和对其权益的影响(第三十条、第三十五条)。"
    "仅本网格网格员、所在村社干部和本镇法治办工作人员可以查看;身份证号码、手机号加密存储、脱敏显示。"
)

OUTSIDE_GRID = (
    "只能为本人负责网格内的重点人员登记走访:该人员不在您负责的网格内"
    "(网格化管理分网格负责;个人信息保护法第三十四条:不得超出履行职责所必需的范围)"
)
OUTSIDE_SCOPE = (
    "只能在本人负责的网格、村社或乡镇范围内登记重点人员"
    "(个人信息保护法第三十四条:不得超出履行职责所必需的范围)"
)
VISIT_IN_FUTURE = "走访日期不能晚于今天(只登记已经进行的走访)"
VISIT_BEFORE_REGISTERED = "走访日期不能早于该人员登记日期({registered})"
VISIT_INACTIVE = "该人员已移出重点人员名单,不能再登记走访"
REPLAYED = "该走访已提交(同一走访只保存一次,未重复登记)"
KEY_USED = "提交编号已被其他走访使用,请刷新页面后重新填写"
NEEDS_CATEGORY = "请至少选择一个重点人群类别(登记须有明确的走访事由,个人信息保护法第二十八条第二款)"
CATEGORY_OTHER_TOWN = "所选类别不属于该人员所在乡镇"
CATEGORY_INACTIVE = "所选类别“{name}”已停用"
DUPLICATE_PERSON = "该公民身份号码已在本镇登记为重点人员,同一人只登记一次"
NOT_A_GRID = "所属网格须为网格(不能是村社或乡镇)"
CATEGORY_DUPLICATE = "本镇已有同名类别“{name}”"
SIGNAL_DUPLICATE = "本镇已有同名风险信号“{name}”"
SIGNAL_UNKNOWN = "风险信号“{name}”不在本镇的风险信号选项中"
CATEGORY_OFFICER_ONLY = "重点人群类别和风险信号选项由本镇法治办工作人员设置"
HELPER_MANAGERS_ONLY = "网格助手由本镇法治办工作人员或所在村社干部登记"
DEFAULTS_EXIST = "本镇已有重点人群类别,未重复载入"
REMOVE_REASON = "移出名单须写明原因(如:脱离低保、矫正期满、迁出本镇)"
