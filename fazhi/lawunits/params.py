"""法治单元's legal parameters and the refusals that name the rule they enforce (tests
assert them)."""

from __future__ import annotations

from fazhi.core import params

MIN_LEGAL_UNDERSTANDERS = params.define(
    "lawunits.min_legal_understanders",
    "每个行政村法律明白人最少人数",
    default=3,
    unit="名",
    basis="《乡村“法律明白人”培养工作规范(试行)》(2021年):每个行政村一般不少于3名",
    minimum=1,
    maximum=50,
)
RULES_CORRECTION_DAYS = params.define(
    "lawunits.rules_correction_days",
    "村规民约退回改正期限",
    default=30,
    unit="日",
    basis="本地规则:《村民委员会组织法》第二十七条第三款(由镇人民政府责令改正)未定期限,"
    "自退回之日起30日内改正后重新报备",
    minimum=5,
    maximum=180,
)

NOT_FOUND = "记录不存在或无权查看"
VILLAGE_REQUIRED = (
    "请选择村(社区):村规民约由村民会议制定,须以村(社区)名义报镇人民政府备案"
    "(《村民委员会组织法》第二十七条第一款)"
)
NOT_A_VILLAGE = "所选单位不是村(社区):{name}"
VILLAGE_OUTSIDE = "所选村(社区)不在您的管辖范围内,不能为其登记或报备"
NEEDS_EVIDENCE = "尚有{n}项创建标准未上传佐证材料({names}),不能申报:申报须每项标准均有佐证"
NO_CRITERIA = "本镇尚未设置民主法治村(社区)创建标准,请先由法治办设置"
TIER_EXISTS = "{village}已有{tier}民主法治村(社区)创建记录"
LOWER_TIER_FIRST = "{village}尚未被命名为{lower}民主法治村(社区),不能创建{tier}(逐级创建)"
ID_REQUIRED = "登记{type}须填写公民身份号码"
ID_DUPLICATE = "该公民身份号码已登记为本村{type}"
NOT_PERSONAL = "{type}不登记个人身份信息"
TRAINING_FUTURE = "培训日期不能晚于今天"
NOT_PERSON_TYPE = "只有登记个人的类型才记录培训"
RULES_NOT_RETURNED = "只有退回改正的村规民约才能重新报备"
RULES_FUTURE = "{label}不能晚于今天"
FILED_BEFORE_ADOPTED = "报备日期不能早于村民会议通过日期"
RULES_UNCHANGED = "重新报备的正文与退回前相同:请按审查意见修改后再报备"
ACCEPT_WITH_FINDINGS = "预审仍有{n}处提示:审查通过须说明为何不需改正(或退回村里改正)"
