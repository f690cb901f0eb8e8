"""智能预审, round 18 (docs/precheck.md, 第十八轮): read the genre before the words.

Three genres a town issues look like measures and are not — the issuer's own management
procedures (not licensing), a subsidy's own conditions (not a penalty, not an added duty), a
definition or a heading (not a clause) — each read once in genre.py for every rule of the
category. And the competition clauses 154–165 showed the rules could not read: several named
operators designated together, a benefit only for users of named operators, a local payee
or local invoice, a size threshold or whole industries shut out of aid, registration and tax
here as a condition, preferences by individual agreement.
"""

from __future__ import annotations

import pytest

from fazhi.reviews.precheck import genre, precheck
from fazhi.reviews.precheck.rules import RULES


def findings(text: str, whole: bool = False) -> list[tuple[str, str]]:
    return [
        (f.category, f.rule)
        for f in precheck(text, "normative", whole_document=whole).findings
        if f.paragraph is not None
    ]


def categories(text: str) -> set[str]:
    return {c for c, _ in findings(text)}


# ---- the issuer's own management is not licensing --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "各村级项目资金的拨付，由镇农经站提出意见，报镇主要领导审批后拨付。",
        "社区年度维修计划由社区项目办根据预算安排拟定，报街道审批后实施。",
        "单项合同金额在20万元以上的，须经镇合同审核小组审核并报主要领导审批后方可用印。",
        "乡政府下一年度实施的道路硬化项目，由乡项目办编入年度预算后报县财政局批准。",
        "局机关差旅费的报销，须经科室负责人签字并报分管领导审批。",
    ],
)
def test_the_issuers_own_procedures_are_not_licensing(text):
    assert genre.internal_only(text)
    assert "licensing" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "企业在本镇开办农家乐，须报镇政府审批同意后方可营业。",
        "个人在集镇区设置户外广告牌，须经街道办事处批准。",
        "居民装修房屋需要改变外立面的，应当报社区审批。",
        "商户占用人行道摆放商品，须事先报街道城管办同意。",
    ],
)
def test_an_outside_applicant_still_needs_a_licence(text):
    assert not genre.internal_only(text)
    assert "licensing" in categories(text)


# ---- a benefit's condition is not a penalty --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "小区物业服务质量考核不合格的，取消该小区当季度考核补贴。",
        "年度考核为不合格等次的物业企业，取消其下一年度达标补贴资格。",
        "经核查申报材料不实的，收回已拨付的奖补资金。",
        "连续两个季度考核排名末位的，扣减该项目当年补贴资金的20%。",
        "季度测评得分低于60分的，当季不予发放保洁补贴。",
        "申请补贴的企业应当如实填报申请表。",
    ],
)
def test_a_benefits_own_conditions_are_no_penalty_or_duty(text):
    assert not {"penalty", "duty"} & categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # A citizen's entitlement, or a benefit taken for breaking a law or ban.
        "违反禁渔规定的渔船，取消其当年渔业油价补贴，并处罚款。",
        "对拒不配合人居环境整治的农户，停发其当年惠农补贴。",
        "对违反秸秆禁烧规定的农户，扣除其耕地地力保护补贴。",
        # Naming and shaming next to the benefit withheld stays a penalty (157).
        "针对审计意见中的问题，责令限时整改，严重者通报批评、取消下一年度补贴资格。",
    ],
)
def test_a_sanction_is_still_a_penalty(text):
    assert "penalty" in categories(text)


# ---- a definition or a heading is not a clause -----------------------------------------


def test_a_definition_is_not_a_clause_but_a_defined_clause_is():
    definition = "机构所在地为本县以外的单位（以下简称“外地企业”）在本县提供的建筑服务行为。"
    assert genre.definition(definition) and findings(definition) == []
    clause = "机构所在地为本县以外的单位（以下简称“外地企业”）须在本县设立分公司。"
    assert not genre.definition(clause)
    assert "competition" in categories(clause)


@pytest.mark.parametrize(
    "text", ["（一）对税收增长的奖励。", "三、考核管理。", "第五条 补贴对象和标准。"]
)
def test_a_heading_is_not_a_clause(text):
    assert genre.heading(text) and findings(text) == []


@pytest.mark.parametrize(
    "text",
    ["每户自行配备生活垃圾收集桶。", "本通告自发布之日起施行。", "禁止焚烧秸秆。", "给予奖励。"],
)
def test_a_short_clause_is_no_heading(text):
    assert not genre.heading(text)


def test_a_heading_at_the_start_of_a_paragraph_leaves_the_clause_after_it():
    text = "关于企业奖励的办法\n2.对税收增长的奖励。当年纳税额增幅在10%以上的企业，按增加部分的5%给予奖励。"
    quotes = [
        f.quote
        for f in precheck(text, "normative").findings
        if f.category == "competition" and f.quote
    ]
    assert quotes and not any(q.startswith("对税收增长的奖励") for q in quotes)


# ---- the misses of 154–165, read generally ---------------------------------------------


@pytest.mark.parametrize(
    "text, rule",
    [
        (
            "由县移动公司、县电信公司两家运营商负责全县农村学校网络设施建设和维护。",
            "named_operators",
        ),
        ("由县人寿、县平安两家保险机构承保全县校方责任险。", "named_operators"),
        ("非县电信公司提供的监控设备接入的商户，不享受平安商铺奖励。", "named_operators"),
        (
            "未在县天然气公司、县燃气公司两家企业购买燃气具的餐饮商户，不享受安全改造补助。",
            "named_operators",
        ),
        ("结算对象只能是在我县设立的项目公司。", "local_payment"),
        ("施工企业报账的发票必须在本县税务机关领取或代开。", "local_payment"),
        ("年营业收入不足500万元的物流企业，不予享受本办法补贴。", "aid_excluded"),
        ("除房地产、金融、批发零售等行业外的其他企业均可申报技改奖励。", "aid_excluded"),
        ("本办法适用于在我县注册纳税的电商企业和网店。", "locality"),
        ("对在我县注册的快递企业，按年度给予场地补贴。", "locality"),
        ("入驻园区企业的扶持政策，按双方签订的入驻协议确定。", "case_by_case"),
        ("企业年纳税额首次突破500万元、1000万元的，分别给予10万元、20万元奖励。", "subsidy"),
    ],
)
def test_competition_clauses_of_the_new_genres_are_read(text, rule):
    assert ("competition", f"competition.{rule}") in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        # Aid by published general criteria open to all, the state's industrial policy.
        "补贴按照公开的标准，对所有符合条件的物业服务企业同等适用，由企业自愿申报。",
        "按照国家产业结构调整指导目录，限制类、淘汰类项目不享受本办法扶持。",
        "国家规定的高耗能、高污染行业企业不纳入本办法奖励范围。",
        "对种植面积50亩以上的家庭农场，按每亩100元给予补贴。",
        # A free choice, a tender, the tax law's own place of payment.
        "餐饮商户可自主选择具备安装资质的企业安装燃气报警器，安装后凭发票申领补贴。",
        "经公开招标确定的两家保险公司承保本县政策性农业保险。",
        "依法在项目所在地主管税务机关预缴增值税的，按有关规定办理。",
        "施工企业应当依法向税务机关申报纳税，按规定开具发票。",
        "补贴对象为在本县从事物业服务的所有企业，不分注册地。",
        "镇政府与企业签订的招商合作协议，应当在签订后报县商务局备案。",
    ],
)
def test_lawful_look_alikes_get_no_competition_finding(text):
    assert "competition" not in categories(text)


def test_the_new_rules_cite_the_fair_competition_review_regulation():
    cited = {r.id: r.basis for r in RULES if r.id.startswith("competition.")}
    assert "第八条" in cited["competition.named_operators"]
    assert "第九条" in cited["competition.local_payment"]
    assert "第十条" in cited["competition.aid_excluded"]
    assert cited["competition.aid_excluded"].startswith("《公平竞争审查条例》")


def test_batch_25_is_half_positive_and_written_in_other_wordings():
    from fazhi.reviews.precheck.evaluate import load_corpus

    batch = [d for d in load_corpus() if d.get("batch") == 25]
    assert len(batch) >= 120
    positives = sum(bool(d["expected"]) for d in batch)
    assert 0.4 <= positives / len(batch) <= 0.6
    assert not any("塘桥" in d["text"] or "南码头" in d["text"] for d in batch)
