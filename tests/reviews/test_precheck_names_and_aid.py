"""智能预审, round 17 (issue 14): names are not clauses, discrimination needs a difference,
traffic organisation is not trade, and aid tied to tax, output or investment or kept for
the county's own firms is competition (公平竞争审查条例 第九条、第十条).

The sentences here are worded apart from the corpus (batch 24) and the real documents.
"""

from __future__ import annotations

import pytest

from fazhi.reviews.precheck import precheck
from fazhi.reviews.precheck.engine import name_paragraphs, name_spans
from fazhi.reviews.precheck.structure import confinements, traffic_only


def findings(text: str) -> dict[str, tuple[str, str]]:
    """category → (rule, severity) of a normative sentence's findings."""
    return {
        f.category: (f.rule, f.severity)
        for f in precheck(text, "normative", whole_document=False).findings
        if f.paragraph is not None
    }


def located(paragraphs: list[str]) -> list[tuple[int, str, str]]:
    return [
        (f.paragraph, f.category, f.rule)
        for f in precheck(paragraphs, "normative").findings
        if f.paragraph is not None
    ]


# ---- names are not clauses ----------------------------------------------------------------


def test_a_title_creates_nothing_but_the_same_words_as_a_clause_do():
    """Given a document whose title names outside operators and a licence, then the title
    yields no finding; the clause with the same words still does."""
    doc = [
        "外地企业进场经营许可管理办法",
        "第一条 为规范市场秩序，制定本办法。",
        "第二条 外地企业进入本县市场经营，须先到县市场监管局办理进场许可。",
    ]
    found = located(doc)
    assert not [f for f in found if f[0] == 0], found
    assert (2, "competition", "competition.locality") in found


def test_a_form_named_in_brackets_is_a_name_not_a_clause():
    """A form's or document's name in 《》 is a name; the clause around it is read."""
    assert "competition" not in findings("填写《外地施工企业进场登记表》一式两份。")
    assert "competition" in findings("外地施工企业须填写《进场登记表》并缴纳保证金。")
    assert name_spans("填写《外地施工企业进场登记表》一式两份。") == [(3, 14)]


def test_a_permit_named_in_brackets_is_still_what_the_licensing_clause_asks_for():
    """A permit's name ("须持…核发的《…许可证》") is what the licensing clause requires."""
    assert name_spans("须持县农业局核发的《种子经营许可证》方可经营。") == []


def test_an_attachment_list_names_and_creates_nothing():
    doc = [
        "关于规范砂石经营的通知",
        "各乡镇：现将有关事项通知如下。",
        "一、各砂石场应当依法经营。",
        "附件：1.外地砂石企业备案表",
        "2.县外运输车辆登记表",
        "县人民政府",
    ]
    assert name_paragraphs(doc) == {0, 3, 4}
    assert not [f for f in located(doc) if f[0] in (0, 3, 4)]


# ---- discrimination needs a difference ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "内外地客商在本镇收购茶叶的，一律按规定办理登记。",
        "本地和外地的运输户，均须遵守本县道路运输管理规定。",
        "无论本县或外县的施工企业，均应按规定缴纳农民工工资保证金。",
        "县外企业与县内企业参加本县工程招标，执行同一资格条件。",
    ],
)
def test_local_and_outside_operators_named_alike_are_not_discriminated(text):
    assert "competition" not in findings(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "外地客商在本镇收购茶叶的，须另交每吨50元的市场管理费。",
        "同等条件下，优先采购本地企业生产的办公家具。",
        "县外施工企业参加本县工程投标的，须提交县住建局出具的诚信证明。",
        "本县企业在县级工程招标中享有评标加分。",
        "县里的扶贫产业资金专门用于扶持本县的农产品加工企业。",
        "入驻企业须将结算地设在本县。",
    ],
)
def test_a_burden_on_outsiders_or_a_benefit_for_locals_is_competition(text):
    assert findings(text).get("competition", ("", ""))[0].startswith("competition."), findings(text)


# ---- traffic organisation is not trade ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "端午龙舟赛期间，所有社会车辆一律停放在滨江临时停车场，观众可步行前往。",
        "农历初一、十五，进入寺庙周边的车辆一律在南门停车场停放。",
        "城区施工期间，货运车辆一律绕行环城北路通行。",
        "快递车辆须在西门装卸点统一装卸，不得进入步行街。",
    ],
)
def test_a_traffic_arrangement_is_not_confined_trade(text):
    assert traffic_only(text)
    assert not confinements(text)
    assert "competition" not in findings(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        # A paid ride compelled, one operator's vehicles let through, a business as the
        # destination: trade, not traffic.
        "所有自驾车辆一律在换乘中心停放，游客统一乘坐景区观光车进入。",
        "禁止渣土运输车辆驶入城区，县宏达运输公司的车辆除外。",
        "所有进城货运车辆一律停放至城东物流园卸货。",
    ],
)
def test_a_compelled_purchase_or_a_favoured_operator_is_not_mere_traffic(text):
    assert not traffic_only(text)


# ---- aid tied to tax, output or investment; deals firm by firm ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "对新入驻的电商企业，按其缴纳的增值税县级留成部分给予全额补助。",
        "企业年度入库税收超过300万元的，超出部分的40%奖励给企业。",
        "企业缴纳的房产税由镇财政以扶持资金形式返还企业。",
        "对年交易额超过5000万元的市场主体，按交易额的千分之二给予奖补。",
        "按企业实际投资额的8%给予一次性落户补助。",
        "对特别重大项目实行一企一策，奖励标准由县政府常务会议研究确定。",
        "重大招商项目的扶持政策另行单独议定。",
    ],
)
def test_aid_in_proportion_to_what_a_firm_pays_or_turns_over_is_competition(text):
    assert "competition" in findings(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "对种植大豆的农户，按每亩200元的标准给予生产者补贴。",
        "对参加政策性水稻保险的种植户，保费由财政补贴75%。",
        "对农村危房改造户，按每户2万元给予补助。",
        "符合条件的小微企业，依照《中华人民共和国企业所得税法》享受税收优惠。",
        "村内小型水利设施建设实行一事一议财政奖补，由村民会议议定。",
        "对引荐项目落地的引荐人，实行一事一议给予奖励。",
        "所有符合条件的企业均可按公开发布的标准申请研发费用补助。",
        "单项工程备案的企业，按其资质等级参加相应工程的投标。",
    ],
)
def test_lawful_aid_and_general_criteria_stay_quiet(text):
    assert "competition" not in findings(text), findings(text)


def test_the_new_competition_rules_carry_the_articles():
    tax = findings("按企业上缴增值税地方留成部分的50%给予奖励。")["competition"]
    deal = findings("对投资10亿元以上的项目实行一企一策。")["competition"]
    tender = findings("备案的外地企业仅可参加邀请招标项目。")["competition"]
    assert tax[0] == "competition.subsidy" and deal[0] == "competition.case_by_case"
    assert tender[0] in ("competition.tender_limited", "competition.locality")
    from fazhi.reviews.precheck.rules import RULES

    rules = {r.id: r for r in RULES}
    assert "第十条" in rules["competition.case_by_case"].basis
    assert "第九条" in rules["competition.tender_limited"].basis
    assert rules["competition.tender_limited"].severity == "medium"
