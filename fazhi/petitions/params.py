"""信访's legal parameters and the refusals that name the rule they enforce (tests assert
them).

The statutory periods differ by province, so the set in force is a parameter of the town
(`petitions.province_rules`): "national" (信访工作条例 2022, the default) or "zhejiang"
(浙江省信访条例 2016 where it is stricter, the national rule where that is stricter: a
province may shorten a period, never lengthen what the State Council caps). A petition
keeps the set it was registered under, so a change of parameter never moves the deadlines
of matters already in hand."""

from __future__ import annotations

from dataclasses import dataclass

from fazhi.core import params


@dataclass(frozen=True)
class Period:
    n: int
    unit: str  # "days" | "workdays" (core.deadlines)
    basis: str

    @property
    def text(self) -> str:
        return f"{self.n}{'个工作日' if self.unit == 'workdays' else '日'}"


@dataclass(frozen=True)
class RuleSet:
    code: str
    label: str
    accept: Period  # decide acceptance and tell the petitioner, from receipt
    objection: Period  # object to a matter transferred to us outside our remit
    handle: Period  # handle from acceptance
    extension_max: int  # days, one extension only
    extension_basis: str
    review_request: Period  # petitioner asks for 复查 after receiving the answer
    review_decide: Period  # 复查 decided from the request
    rereview_request: Period
    rereview_decide: Period


NATIONAL = RuleSet(
    code="national",
    label="全国(信访工作条例)",
    accept=Period(15, "days", "《信访工作条例》第二十二条、第二十三条"),
    objection=Period(5, "workdays", "《信访工作条例》第二十三条第三款"),
    handle=Period(60, "days", "《信访工作条例》第三十四条"),
    extension_max=30,
    extension_basis="《信访工作条例》第三十四条",
    review_request=Period(30, "days", "《信访工作条例》第三十五条"),
    review_decide=Period(30, "days", "《信访工作条例》第三十五条"),
    rereview_request=Period(30, "days", "《信访工作条例》第三十六条"),
    rereview_decide=Period(30, "days", "《信访工作条例》第三十六条"),
)
ZHEJIANG = RuleSet(
    code="zhejiang",
    label="浙江省(浙江省信访条例,较严者)",
    accept=Period(5, "workdays", "《浙江省信访条例》第二十条"),
    objection=Period(5, "workdays", "《信访工作条例》第二十三条第三款"),
    handle=Period(30, "days", "《浙江省信访条例》第二十三条"),
    # 浙江省信访条例 23 allows up to 60 days; 信访工作条例 34 (2022, the higher rule) caps 30.
    extension_max=30,
    extension_basis="《信访工作条例》第三十四条(严于《浙江省信访条例》第二十三条)",
    review_request=Period(30, "days", "《信访工作条例》第三十五条(《浙江省信访条例》第二十四条)"),
    review_decide=Period(30, "days", "《信访工作条例》第三十五条"),
    rereview_request=Period(30, "days", "《信访工作条例》第三十六条"),
    rereview_decide=Period(30, "days", "《信访工作条例》第三十六条"),
)
RULESETS = {r.code: r for r in (NATIONAL, ZHEJIANG)}

PROVINCE_RULES = params.define(
    "petitions.province_rules",
    "信访办理期限适用规定",
    default="national",
    unit="",
    basis=(
        "national:《信访工作条例》(受理告知15日、办结60日、延期不超过30日、复查复核各30日);"
        "zhejiang:《浙江省信访条例》较严之处(受理告知5个工作日、办结30日),其余适用全国规定"
    ),
)
REPEAT_WINDOW_DAYS = params.define(
    "petitions.repeat_window_days",
    "重复信访统计期间",
    default=90,
    unit="日",
    basis="本地规则:同一信访人在此期间内再次信访计为重复信访(供社会矛盾预警使用)",
    minimum=7,
    maximum=730,
)
DUE_SOON_DAYS = params.define(
    "petitions.due_soon_days",
    "信访期限临近提醒",
    default=7,
    unit="日",
    basis="本地规则:法定期限届满前此日数内列入工作台“即将到期”",
    minimum=1,
    maximum=30,
)
MAX_REPRESENTATIVES = 5  # 信访工作条例 第二十条第三款: a fixed number of the statute


def ruleset(code_or_unit) -> RuleSet:
    """The rule set by its code, or the one in force for an org unit (unknown: national)."""
    code = code_or_unit if isinstance(code_or_unit, str) else PROVINCE_RULES.value(code_or_unit)
    return RULESETS.get(str(code).strip().lower(), NATIONAL)


# --- refusals (each names its rule) ---------------------------------------------------------

TOO_MANY_REPRESENTATIVES = (
    "多人采用走访形式提出共同信访事项的,应当推选代表,代表人数不得超过5人"
    "(《信访工作条例》第二十条第三款),本次登记了{n}名代表"
)
NEEDS_PETITIONER = "请至少登记一名信访人(姓名、住址)(《信访工作条例》第十九条)"
GROUP_NEEDS_PEOPLE = "集体访涉及人数应不少于2人"
ACCUSED_REQUIRED = "检举控告类事项须写明被检举控告的人员或单位(《信访工作条例》第三十条)"
LATE_NOTICE = (
    "告知日期{notified}已超过{period}的期限(应于{due}前书面告知,{basis}),"
    "须记录逾期理由(如信访人姓名、住址不清)"
)
NOT_TRANSFERRED = "只有上级转送、交办的信访事项才能提出异议(《信访工作条例》第二十三条第三款)"
LATE_OBJECTION = (
    "对不属于本机关职权范围的转送、交办事项,应当自收到之日起{period}内提出异议"
    "({basis}),期限已于{due}届满,不能再提出异议,请依法受理或告知"
)
SECOND_EXTENSION = "办理期限只能延长一次,本事项已于{on}延期(《信访工作条例》第三十四条)"
EXTENSION_TOO_LONG = "延长期限不得超过{max}日({basis})"
EXTENSION_AFTER_DUE = "办理期限已于{due}届满,不能再延期(《信访工作条例》第三十四条)"
LATE_REVIEW = (
    "复查请求应当自收到书面答复之日起{period}内提出({basis}),"
    "答复于{served}送达,期限已于{due}届满,不予受理"
)
LATE_REREVIEW = (
    "复核请求应当自收到复查意见之日起{period}内提出({basis}),"
    "复查意见于{served}送达,期限已于{due}届满,不予受理"
)
CLOSED_FOR_GOOD = (
    "本事项已经复核,复核意见为终结意见;信访人仍以同一事实和理由提出的,"
    "不再受理(《信访工作条例》第三十六条第三款)"
)
DATE_BEFORE = "{label}不能早于{before_label}({before})"
DATE_IN_FUTURE = "{label}不能晚于今天"
