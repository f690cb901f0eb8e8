"""智能预审: 限定交易 read from its parts (issue 14, fourteenth round).

Round 10 read 限定交易 as a list of wordings and caught 1 of 6 clauses on documents it had
not seen (round 13). Round 14 reads what the clause does, whatever the verb: an obligation
on a class of actors, goods or activities, a link (运至, 迁入, 到…交易, 在…办理, 交由,
由…负责, 向…购买, 与…签订, 使用…) and one *named* destination; or the mirror, a ban
outside one named place, or every other site closed (rules.CONFINE_*, CONFINEMENT_RULES;
structure.confinements), or a named operator made responsible for a whole area's trade.
The lawful look-alikes stay quiet: a concession, qualified or
approved operators with none named, temporary arrangements during works, an area inside
one market, a higher law's own designation (cremation, 生猪定点屠宰 unless the town names
the slaughterhouse), public platforms and utilities, a cited law.
"""

from __future__ import annotations

import pytest

from fazhi.reviews.precheck import precheck
from fazhi.reviews.precheck.rules import CONFINEMENT_RULES
from fazhi.reviews.precheck.structure import confinements, destinations


def findings(text: str) -> dict[str, tuple[str, str]]:
    """category → (rule, severity) of a normative sentence's findings."""
    return {
        f.category: (f.rule, f.severity)
        for f in precheck(text, "normative", whole_document=False).findings
        if f.paragraph is not None
    }


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # The round-13 misses, in other words than the documents used.
        ("禁止在城关殡仪馆外的其他场所举办吊唁活动。", "competition.confined_outside"),
        ("8吨以上的，须运输至西山渣土处置场。", "competition.confined"),
        ("城区内所有蔬菜批发户一律迁入东方农产品批发市场经营。", "competition.confined"),
        ("取缔城区内其他所有水果批发经营场所。", "competition.close_others"),
        (
            "原菜市场内外的经营户应与新菜市场（原粮站）管理单位及时联系，办理入场登记。",
            "competition.confined",
        ),
        # Other links and classes: 交售给, 送, 由…统一, 在…办理, 请…前到, 指定…为, 暂定为.
        ("凡收购的茶青须全部交售给镇华茗茶业有限公司。", "competition.confined"),
        ("全乡宰杀的牛羊一律送县城北牲畜屠宰场屠宰。", "competition.confined"),
        ("全镇的病死畜禽统一由县安康无害化处理有限公司收集处理。", "competition.confined"),
        ("城区范围内的丧事一律在县殡仪馆内办理。", "competition.confined"),
        ("请各摊主于6月1日前到城西新市场管理办公室领取摊位号。", "competition.confined"),
        ("指定县洁美保洁有限公司为全镇餐厨垃圾唯一收运单位。", "competition.confined"),
        ("城区活禽交易暂定为北关禽类交易市场。", "competition.confined"),
        # Buying or using one operator's goods.
        ("新建小区的燃气表须向县顺安燃气有限公司购买。", "competition.confined_purchase"),
        ("门店招牌统一使用县美亚广告有限公司制作的灯箱。", "competition.confined_purchase"),
        ("化肥须到县农技站指定的经销点购买。", "competition.confined"),
        # The mirror: a ban outside one named place; every other site closed or stopped.
        ("除城南屠宰场外，任何单位和个人不得在镇区宰杀活禽。", "competition.confined_outside"),
        ("严禁在县城西农贸市场以外销售活鸡。", "competition.confined_outside"),
        ("其余集贸市场一律停止活禽交易。", "competition.close_others"),
        # A named operator made responsible for a whole area's trade.
        ("县清源环保有限公司负责全县餐厨垃圾的收集、运输和处置。", "competition.confined"),
        ("镇福满宴席服务中心统一承办辖区内的红白喜事宴席。", "competition.confined"),
        # Household waste only named in a ban does not make the sentence a public service.
        ("不得将建筑垃圾混入生活垃圾，建筑垃圾须运至城东宏源消纳场。", "competition.confined"),
    ],
)
def test_a_confined_trade_is_reported_as_competition(text, rule):
    """Given a class confined to one named place or operator, however it is worded, when
    pre-reviewed as a normative document, then a competition finding — high where a trade is
    confined (selling, buying, hauling for hire) or an operator named by the wording rules,
    medium otherwise since round 21's calibration (docs/precheck.md, 第二十一轮;
    test_precheck_real.py tests the readings)."""
    found = findings(text)
    assert "competition" in found, (text, found)
    assert found["competition"][1] in {"high", "medium"}, (text, found)
    assert rule in {r.id for r in confinements(text)}, (text, confinements(text))


@pytest.mark.parametrize(
    "text",
    [
        # A concession; qualified, approved or designated-by-law operators with none named.
        "餐厨垃圾由依法取得特许经营权的企业统一收运。",
        "建筑垃圾应当运至县城管局核准的建筑垃圾消纳场。",
        "装修垃圾应当委托具有运输资质的单位清运至合法的消纳场所。",
        "砖石骨料须运至指定的建筑垃圾处置场所集中处理。",
        "养犬人应当到经依法指定的动物诊疗机构为犬只免疫。",
        # Temporary arrangements during works; an area inside one market.
        "菜市场改造期间，经营户统一搬到东街临时经营区经营。",
        "一楼摊主统一搬迁到本市场二楼指定区域经营。",
        # The law's own designation: cremation, the 定点屠宰厂 unnamed.
        "火葬区内死亡人员的遗体一律运往县殡仪馆火化。",
        "本县生猪一律在县定点屠宰厂屠宰，严禁私屠滥宰。",
        # A permission, an encouragement, the town's own staff, a public platform, a utility.
        "经营户可以选择到城东农贸市场或城西农贸市场经营。",
        "鼓励农户将农产品送到县农产品交易中心销售。",
        "各乡镇要组织干部到县殡仪馆参观学习。",
        "政府投资项目一律进入县公共资源交易中心公开交易。",
        "城区居民用水统一由县自来水公司供应。",
        # Household waste to the public transfer station; a fireworks place limit.
        "各村生活垃圾统一运至镇垃圾中转站。",
        "除指定的临时销售点外，其他区域一律禁止销售烟花爆竹。",
        # Closing unlawful sites; the named market's own duties; a higher law cited.
        "关闭其他违法违规经营场所。",
        "东方农产品批发市场应当落实食品安全主体责任。",
        "根据《生猪屠宰管理条例》规定，生猪必须送至县定点屠宰厂屠宰。",
        # Supervising or running the town's own markets is no trade handed over.
        "县城投公司负责全县建筑垃圾运输的监督管理。",
        "县市场管理有限公司负责城区各农贸市场的日常管理。",
        # A stop during an emergency is temporary.
        "疫情期间，其他市场一律停止活禽交易。",
    ],
)
def test_a_lawful_look_alike_is_not_reported_as_competition(text):
    """Given a lawful look-alike, when pre-reviewed, then no competition finding."""
    assert "competition" not in findings(text), (text, findings(text))


def test_a_named_slaughterhouse_is_the_towns_pick_even_a_designated_one():
    """生猪 go to the 定点屠宰厂 the slaughter regulation provides; naming which one is the
    town's pick (the brief of round 14, the labels' notes)."""
    assert "competition" not in findings("生猪必须送往县定点屠宰厂屠宰。")
    assert "competition" in findings("全镇生猪一律送往红岭定点屠宰厂屠宰。")


def test_a_concession_the_document_states_clears_designations_of_its_holder():
    """83: the preamble says the company holds the concession, so the item sending every
    producer to it is the concession's effect; another company named is still reported."""
    document = [
        "关于规范餐厨垃圾收运的通告",
        "青山环保科技有限公司获得全县餐厨垃圾收集、运输、处置特许经营权。现通告如下：",
        "一、各餐厨垃圾产生单位应与青山环保科技有限公司签订收运协议。",
        "二、各餐饮单位的废弃油脂应与县绿源油脂有限公司签订回收协议。",
    ]
    found = [f for f in precheck(document, "normative").findings if f.category == "competition"]
    assert [f.paragraph for f in found] == [3], found


def test_the_confinement_outranks_the_general_duty_rules():
    """ "一律迁入…市场经营" is one problem (113's label): no added-duty finding beside it. A
    duty to buy something at all keeps its own finding."""
    assert set(findings("城区所有水产批发户一律迁入城东水产批发市场经营。")) == {"competition"}
    assert set(findings("养殖户必须为所养家禽全部购买镇指定公司的保险。")) == {
        "competition",
        "duty",
    }


def test_a_basis_named_for_the_confinement_reports_at_medium_and_a_sanctions_does_not_clear_it():
    """A cited law for the sanction ("逾期不迁入的，依法予以取缔") does not clear the
    confinement; "依法" in the sentence keeps it at medium (calibration, round 11)."""
    text = "城区水产批发户限期迁入城东水产批发市场，逾期不迁入的，依法予以取缔。"
    assert findings(text).get("competition") == ("competition.confined", "medium")


def test_destinations_read_the_name_not_the_kind_of_place():
    """A named place is what is left once the words for a kind of place are taken out, or
    the county's own one, or a bracket saying where it is."""
    named = {d.words for d in destinations("经营户须迁入上谷农产品批发市场经营")}
    assert named == {"上谷农产品批发市场"}
    assert not destinations("建筑垃圾须运至指定建筑垃圾处置场所")
    assert not destinations("经营户须进入农贸市场经营")
    assert {d.words for d in destinations("应与新农贸市场（老油库）建设管理单位联系")} == {
        "新农贸市场"
    }


def test_every_confinement_rule_carries_its_basis_and_suggestion():
    for rule in CONFINEMENT_RULES.values():
        assert rule.category == "competition" and rule.kinds == ("normative",)
        assert "公平竞争审查条例" in rule.basis and rule.explanation and rule.suggestion


def test_contracts_are_not_read_for_confinement():
    """The reading is for normative documents; a contract's own delivery clause is no
    restriction on a class."""
    found = precheck("乙方须将建筑垃圾运至城东宏源消纳场处置。", "contract", whole_document=False)
    assert not [f for f in found.findings if f.rule.startswith("competition.confined")]


# ---- round 15: a destination by its shape; a region, every other operator, the issuer ----


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # A proper name before any operator's suffix, not a noun list (122, 123 in other words).
        ("全县农村客运班车一律进城南公交枢纽站停靠运营。", "competition.confined"),
        ("全县的散装水泥须全部运至县宏基建材基地集中销售。", "competition.confined"),
        ("城区所有二手车交易一律进入县顺达二手车交易园区办理。", "competition.confined"),
        ("新建楼盘的电梯安装必须委托县恒达电梯工程所承担。", "competition.confined"),
        ("全县的旅游团队住宿统一交由县悦来旅行社安排。", "competition.confined"),
        ("凡新建住宅，必须向县东华白蚁防治所申报白蚁预防。", "competition.confined_purchase"),
        # The issuer directing the trade to itself.
        ("建设单位须与本站签订白蚁预防合同。", "competition.confined"),
        ("各加油站应当向我中心申报防雷检测并缴纳检测费。", "competition.confined_purchase"),
        # A regional restriction on who may serve.
        ("各建设单位应当委托县内具有资质的监理企业承担工程监理。", "competition.confined_local"),
        ("学校食堂采购的大米必须选用本市粮油企业生产的产品。", "competition.confined_local"),
        # Every other operator barred from the trade; 统由 as the duty.
        ("其他任何单位和个人不得收购、批发蚕茧。", "competition.others_excluded"),
        ("除县盐业公司外，其它单位一律不得批发食盐。", "competition.others_excluded"),
        ("全县的化肥批发统由县农资有限公司经营。", "competition.confined"),
        # Fireworks wholesale is no place limit of the fireworks regulation.
        ("全县烟花爆竹批发业务统由县日杂有限公司经营。", "competition.confined"),
    ],
)
def test_round_fifteen_confinements_are_reported(text, rule):
    """Given a destination read by its shape, a regional restriction, every other operator
    barred or the issuer named as the one to deal with, then a competition finding (high or,
    since round 21, medium where no trade is confined)."""
    found = findings(text)
    assert found.get("competition", ("", ""))[1] in {"high", "medium"}, (text, found)
    assert rule in {r.id for r in confinements(text)}, (text, confinements(text))


@pytest.mark.parametrize(
    "text",
    [
        # Public utilities supplying their own network, in any wording (128, 131).
        "城区各自备井用水户要积极与供水公司沟通对接，切换公共供水水源。",
        "各单位应在6月底前与县自来水公司对接，接入公共供水管网。",
        "各用户须改接市政管网，关停自备水源。",
        "新建厂房应与县燃气公司联系办理报装手续。",
        # Qualified operators without a name or a region; a free choice.
        "受检单位应当委托具有相应资质的防雷检测机构开展年度检测。",
        "各企业可自主选择有资质的检测机构进行检测。",
        "各单位可以委托本市或者外地具有资质的机构进行评估。",
        # Temporary stalls during works; cremation; statutory 定点.
        "市场封闭改造期间，经营户必须在市场两侧指定的临时地点摆摊经营。",
        "遗体一律由县殡仪馆接运火化。",
        "生猪一律送定点屠宰厂屠宰。",
        # Authorities and public bodies are no trade partners, nor the town's own offices.
        "养犬人应于3月底前将犬只送往镇兽医站免疫。",
        "申请人应当到县政务服务中心办理。",
        "应办未办手续的道路由镇规土所负责处置。",
        "驾驶人须到县公安交警大队办理审验。",
        # Every other one barred where the law asks for a licence; a ban on the unlawful.
        "未取得燃气经营许可证的，其他任何单位和个人不得经营燃气。",
        "其他单位和个人不得擅自占用、挖掘城市道路。",
        # Fireworks: where they are sold and set off.
        "除指定的临时销售点外，其他区域一律禁止零售烟花爆竹。",
        # A place of the document's own market; a place word that is no name.
        "经营户必须在本市场内经营。",
        "施工车辆一律运至施工现场卸货。",
        "群众进出县客运中心请遵守秩序。",
    ],
)
def test_round_fifteen_look_alikes_stay_quiet(text):
    """Given a lawful look-alike of the round-15 parts, then no competition finding."""
    assert "competition" not in findings(text), (text, findings(text))


def test_a_destination_is_named_by_its_shape():
    """Any operator's suffix after a proper name is a destination; a spot, an authority or
    a kind of place is not."""
    assert {d.words for d in destinations("所有班线车辆一律进县客运中心运营")} == {"县客运中心"}
    assert {d.words for d in destinations("须向南昌市新建区白蚁防治站申报")} == {
        "南昌市新建区白蚁防治站"
    }
    assert not destinations("施工车辆一律运至施工现场卸货")
    assert not destinations("须到镇政务服务中心办理")
    assert not destinations("须到镇派出所办理")
