"""法治单元's part of the annual summary (core.annual), chapter "publicity" in the seed's
words: "X社区、X村被列入省级民主法治村拟命名名单,全镇市级民主法治村创建率100%。推进海岛
法治民宿打造、海岛法治明白人、法治带头人、学法守法示范户培育". Every number is a Fact bound
to the filtered list that holds the records counted. Problems from the data: villages
short of 法律明白人, 村规民约 returned and not yet corrected."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from fazhi.core.annual import Contribution, Fact, Point
from fazhi.core.links import reverse

from . import summary
from .models import Tier, VillageRecord

CHAPTER = "publicity"
# After 普法宣传's points (events 10, online study 30, 以案释法 40) and the exam (20): the
# seed's 三是 comes after its 二是 (学法考试、线上学法、以案释法).


def _url(name: str, **params) -> str:
    return reverse(name) + ("?" + urlencode(params) if params else "")


def contribute(unit, year: int) -> Contribution:
    start, end = date(year, 1, 1), date(year, 12, 31)
    out = Contribution()
    scope = summary._scope_word(unit)
    rates = summary.tier_rates(unit, end)
    proposed = list(summary.proposed_in(unit, start, end, Tier.PROVINCE))
    city_named, _, city_rate = rates[Tier.CITY.value]
    rate_fact = Fact(
        f"{city_rate:g}%",
        _url("lawunits:village_list", tier="city", status="named"),
        "市级民主法治村(社区)创建率",
    )
    if proposed:
        names = Fact(
            "、".join(r.org_unit.name for r in proposed),
            _url("lawunits:village_list", tier="province", status=VillageRecord.Stage.PROPOSED),
            "列入省级民主法治村拟命名名单的村(社区)",
        )
        text = f"{year}年进一步推进全镇村社民主法治村建设,{{0}}被列入省级民主法治村拟命名名单"
        facts: tuple[Fact, ...] = (names,)
        if city_named:
            text += f",{scope}市级民主法治村创建率{{1}}"
            facts = (names, rate_fact)
        out.points.append(Point("lawunits.creation", text, facts, CHAPTER, order=50))
    elif city_named:
        out.points.append(
            Point(
                "lawunits.creation",
                f"推进民主法治村(社区)建设,{scope}市级民主法治村创建率{{0}}",
                (rate_fact,),
                CHAPTER,
                order=50,
            )
        )
    registry = [(c, n, k) for c, n, k in summary.registry_counts(unit, end) if k]
    if registry:
        parts, facts = [], []
        for i, (code, name, n) in enumerate(registry):
            parts.append(f"{name}{{{i}}}{summary._measure(code)}")
            facts.append(Fact(n, _url("lawunits:registry_list", unit_type=code), name))
        out.points.append(
            Point(
                "lawunits.registry",
                "以海岛特色法治微单元开展法治宣传,培育" + "、".join(parts),
                tuple(facts),
                CHAPTER,
                order=51,
            )
        )
    rules = summary.rules_counts(unit, start, end)
    if rules["filed"]:
        text = "村规民约报镇备案{0}件"
        facts = [Fact(rules["filed"], _url("lawunits:villagerules_list"), "报备村规民约")]
        if rules["corrected"]:
            text += ",经智能预审和审查督促改正违法条款{1}件"
            facts.append(
                Fact(
                    rules["corrected"],
                    _url("lawunits:villagerules_list", status="accepted"),
                    "经改正后审查通过的村规民约",
                )  # fmt: skip
            )
        out.points.append(Point("lawunits.rules", text, tuple(facts), CHAPTER, order=52))
    short = summary.short_villages(unit, end)
    if short:
        out.problems.append(
            Point(
                "lawunits.short_understanders",
                "{0}个行政村法律明白人不足" + str(short[0][2]) + "名({1}),培育工作不平衡",
                (
                    Fact(
                        len(short),
                        _url("lawunits:registry_list", unit_type="legal_understander"),
                        "法律明白人不足的行政村",
                    ),  # fmt: skip
                    Fact("、".join(v.name for v, _, _ in short), "", "村名"),
                ),
                CHAPTER,
            )
        )
    if rules["uncorrected"]:
        out.problems.append(
            Point(
                "lawunits.uncorrected_rules",
                "{0}件村规民约退回改正后尚未重新报备",
                (
                    Fact(
                        rules["uncorrected"],
                        _url("lawunits:villagerules_list", status="returned"),
                        "退回改正中的村规民约",
                    ),
                ),  # fmt: skip
                CHAPTER,
            )
        )
    out.next_year.append(
        Point(
            "lawunits.next",
            "持续推进民主法治村(社区)创建和法律明白人、法治带头人、学法守法示范户培育,"
            "做好村规民约合法性审查和备案",
            (),
            CHAPTER,
        )
    )
    return out
