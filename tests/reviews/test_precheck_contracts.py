"""智能预审 for contracts and administrative agreements (issue 14): the rules on
competition, guarantees, payment conditions, state assets, pre-financing and arbitration,
the direction of a guarantee, the per-kind evaluation report and `--corpus`."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.reviews.precheck import precheck
from fazhi.reviews.precheck.evaluate import evaluate, load_corpus
from fazhi.reviews.precheck.rules import RULES


def categories(text: str, kind: str = "agreement") -> set[str]:
    return precheck(text, kind, whole_document=False).categories()


# ---- the rules ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        ("甲方承诺在本协议有效期内不再引进同类水产品加工企业。", "agreement", "competition"),
        ("全镇各村今后实施的村庄亮化工程，均由乙方负责供货和安装。", "agreement", "competition"),
        ("乙方年产值每超过1亿元，甲方给予一次性奖励50万元。", "agreement", "competition"),
        ("乙方投资本项目的年收益率低于6%的，差额部分由镇财政予以补足。", "agreement", "guarantee"),
        (
            "镇人民政府向贷款银行出具承诺函，承诺将该笔贷款的还本付息纳入镇级财政预算。",
            "agreement",
            "guarantee",
        ),
        ("工程进度款待县发改局批复项目概算后再行支付。", "contract", "payment_term"),
        ("合同余款在工程竣工财务决算经县审计局审定后支付。", "contract", "payment_term"),
        (
            "甲方将原镇农机站厂房以每年2万元的租金出租给乙方，租期十五年。",
            "contract",
            "state_assets",
        ),
        (
            "施工期间甲方不支付工程进度款，工程款在竣工验收后一次性支付。",
            "contract",
            "prefinancing",
        ),
        ("协商不成提交舟山仲裁委员会仲裁。", "agreement", "arbitration"),
    ],
)
def test_contract_clauses_of_each_family_are_flagged(text, kind, category):
    """Given a clause of each family the blind set missed, then its category is found."""
    assert category in categories(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        # A guarantee given *to* the town by the company's shareholder.
        "乙方股东海屿控股集团为乙方履行本协议义务向甲方提供连带责任保证。",
        "乙方控股股东向甲方出具承诺函，保证乙方按期完成投资。",
        # A minimum return paid *to* the village, not by the town.
        "乙方每年向村集体支付保底收益8万元，并按经营利润的10%分红。",
        "项目投资风险由乙方自行承担，甲方不承诺任何固定回报或保底收益。",
    ],
)
def test_a_guarantee_to_the_town_is_lawful(text):
    """Given a guarantee or return promised to the town, then it is no guarantee finding."""
    assert "guarantee" not in categories(text)


def test_a_guarantee_by_the_town_is_flagged_in_the_same_words():
    """Given the same guarantee the other way round, then it is flagged."""
    assert "guarantee" in categories("甲方为乙方履行本协议义务向银行提供连带责任保证。")
    assert "guarantee" in categories("甲方保证乙方每年获得不低于300万元的固定回报。")


@pytest.mark.parametrize(
    "text",
    [
        "乙方以自有资金投资建设生产厂房，项目建成后产权归乙方所有。",
        "乙方先行投入资金建设自身生产线，甲方不承担任何建设费用。",
    ],
)
def test_a_company_building_its_own_plant_is_not_prefinancing(text):
    """Given a company spending its own money on its own assets, then no 垫资 finding;
    the same money paid back by the town is."""
    assert categories(text) == set()
    assert "prefinancing" in categories(
        "乙方先行投入资金建设配套道路，竣工验收后由甲方分三年回购。", "contract"
    )


@pytest.mark.parametrize(
    "text",
    [
        "原镇农机站厂房经资产评估后，通过县公共资源交易平台公开招租，由乙方竞得。",
        "东岙村将村集体山林发包给乙方，已经村民会议三分之二以上成员同意并报镇人民政府批准。",
        "甲方将镇区道路保洁服务委托乙方实施。",
    ],
)
def test_appraised_and_openly_let_assets_and_services_are_lawful(text):
    """Given a lease after appraisal and open letting, or a service contracted out, then no
    state-assets finding."""
    assert "state_assets" not in categories(text, "contract")


def test_contract_rules_cite_a_law_and_an_article_and_do_not_touch_normative_documents():
    """Given the contract rules, then each cites an article; the new ones apply to
    contracts and agreements only."""
    for rule in RULES:
        if {"contract", "agreement"} & set(rule.kinds):
            assert "第" in rule.basis and "条" in rule.basis, rule.id
            assert rule.explanation and rule.suggestion
    new = {
        r.id: r
        for r in RULES
        if r.id.startswith("competition.")
        and r.id
        not in {
            "competition.designation",
            "competition.threshold",
            "competition.locality",
            "competition.subsidy",
            "competition.price",
            "competition.outside_goods",
            # Round 17's normative readings (tests/reviews/test_precheck_names_and_aid.py).
            "competition.case_by_case",
            "competition.tender_limited",
            # Round 18's (tests/reviews/test_precheck_genres.py).
            "competition.named_operators",
            "competition.local_payment",
            "competition.aid_excluded",
        }
    }
    assert new and all("normative" not in r.kinds for r in new.values())


# Rules written or widened for issue 14: each needs labelled sentences that it must flag
# and lawful look-alikes that its own words match but that it must leave alone.
ISSUE_14_RULES = {
    "competition.exclusive",
    "competition.no_tender",
    "competition.no_rival",
    "competition.preference",
    "competition.subsidy",
    "guarantee.government",
    "guarantee.return",
    "payment_term.condition",
    "payment_term.yearly",
    "payment_term.waiting",
    "state_assets.investment",
    "state_assets.disposal",
    "state_assets.lease",
    "prefinancing.contractor",
    "arbitration.clause",
}


def test_every_contract_rule_has_positives_and_hard_negatives_in_the_corpus():
    """Given the corpus, then each issue-14 rule flags ≥ 2 contract or agreement
    sentences, and ≥ 2 lawful sentences contain its words yet are not flagged by it."""
    items = [i for i in load_corpus() if i["kind"] != "normative"]
    rules = {r.id: r for r in RULES}
    assert ISSUE_14_RULES <= set(rules)
    found = {
        i["text"]: {f.rule for f in precheck(i["text"], i["kind"], whole_document=False).findings}
        for i in items
    }
    for rid in ISSUE_14_RULES:
        rule = rules[rid]
        words = re.compile("|".join(f"(?:{p})" for p in rule.patterns))
        mine = [i for i in items if i["kind"] in rule.kinds]
        hits = [i for i in mine if rid in found[i["text"]]]
        near = [
            i
            for i in mine
            if not i["expected"] and rid not in found[i["text"]] and words.search(i["text"])
        ]
        assert len(hits) >= 2, rid
        assert len(near) >= 2, rid
        # The blind sets label one category per clause (corpus/blind/README.md): a 垫资
        # clause that also pays over three years is labelled 垫资 only there.
        labelled = [i for i in hits if not str(i.get("batch", "")).startswith("blind")]
        assert all(rule.category in i["expected"] for i in labelled), rid


# ---- round 2: the wordings held-out set A showed (the sentences below are new ones) --------


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        # Exclusivity in other words: "独家享有", every unit of a kind, granted, given first.
        ("镇域内的生活垃圾焚烧发电项目由乙方独家享有经营权。", "agreement", "competition"),
        ("镇内各农贸市场的冷鲜肉统一交由乙方配送，期限五年。", "agreement", "competition"),
        ("本镇公共区域的充电桩建设运营权全部授予乙方。", "agreement", "competition"),
        ("甲方今后实施的道路养护项目，同等条件下优先委托乙方承担。", "contract", "competition"),
        # Keeping rivals out: a new outlet, "其他…企业" after the verb, a radius.
        ("本协议签订后，甲方不再审批新建同类型的建材市场。", "agreement", "competition"),
        ("甲方保证不再准许其他快递分拣企业在镇工业园入驻。", "agreement", "competition"),
        (
            "以乙方充电站为中心半径三公里内，甲方不再审批建设其他充电设施。",
            "agreement",
            "competition",
        ),
        # Rewards tied to volume or retained tax, fees waived for this company alone.
        ("乙方可按其每年实际产量每吨20元获得甲方发放的生产奖励。", "agreement", "competition"),
        (
            "乙方上缴的增值税镇级留成部分，甲方按50%比例给予乙方技术改造奖励。",
            "agreement",
            "competition",
        ),
        (
            "甲方免收乙方三年的城市基础设施配套费，本镇其他企业不适用本条。",
            "agreement",
            "competition",
        ),
        # The town's own offices as guarantors; its fee rights pledged; fixed returns paid.
        ("镇财政所为乙方在农商银行的流动资金贷款提供连带责任保证。", "agreement", "guarantee"),
        ("本镇以镇属停车场的收费权为乙方项目贷款办理质押登记。", "agreement", "guarantee"),
        ("甲方每年向乙方兑付固定回报300万元，直至合作期满。", "agreement", "guarantee"),
        ("不论文旅项目经营盈亏，甲方均按年向乙方支付投资收益。", "agreement", "guarantee"),
        ("乙方投入的本金到期不能全额收回的，不足部分由镇财政补足。", "agreement", "guarantee"),
        # 垫资 in other words, and working first while nothing is paid.
        ("承包人以自筹资金完成敬老院维修工程的全部施工内容。", "contract", "prefinancing"),
        ("施工方应以自有资金先行开工建设，甲方暂缓拨付工程预付款。", "contract", "prefinancing"),
        # Unappraised, unbid, buyer-priced, discounted or free disposals.
        ("甲方将镇农机站的闲置库房未经资产评估直接租给乙方使用。", "contract", "state_assets"),
        ("镇属旧办公楼按乙方出价出售，不进行公开挂牌交易。", "contract", "state_assets"),
        ("镇政府所有的沿街门面以评估价的七折出租给乙方。", "contract", "state_assets"),
        ("甲方将原供销社旧址无偿转让给乙方，作为项目用地补偿。", "agreement", "state_assets"),
    ],
)
def test_round_two_wordings_are_flagged(text, kind, category):
    """Given another wording of a family set A's misses showed, then its category is found."""
    assert category in categories(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("本协议不视为甲方授予乙方任何独家或排他性的经营权利。", "agreement"),
        ("本项目所需全部投资均由乙方自行承担，甲方不提供资金支持。", "agreement"),
        ("乙方加油站周边五十米范围内，甲方依法不再审批新建居民住宅。", "agreement"),
        ("乙方依法享受国家规定的小微企业税费减免，甲方不另行给予返还。", "agreement"),
        ("乙方以项目公司股权为本项目贷款提供质押的，应提前书面告知甲方。", "agreement"),
        ("乙方应向镇财政所提供金额为合同价款10%的履约保函。", "agreement"),
        ("甲方不对乙方投资的本金安全作出任何承诺，投资风险由乙方自行承担。", "agreement"),
        ("不论项目运营盈亏，乙方均应按期向甲方支付土地租金。", "agreement"),
        ("乙方投资建设的冷链物流中心，全部资金由乙方自筹解决。", "agreement"),
        ("工程质量验收不合格的，甲方暂不支付进度款，直至乙方整改合格。", "contract"),
        ("乙方以不低于注册资本的出资额在本镇设立项目公司。", "agreement"),
        ("未经资产评估，甲方不得出租、出借镇属房产。", "contract"),
        ("资产未经评估的，甲方应当先行委托评估机构评估。", "contract"),
        ("镇属闲置校舍以不低于评估价的价格公开挂牌转让，乙方摘牌受让。", "contract"),
        ("合作期满后，乙方将项目全部设施无偿移交给甲方。", "agreement"),
    ],
)
def test_round_two_look_alikes_are_lawful(text, kind):
    """Given a lawful clause in the words of a round-two rule, then nothing is found."""
    assert categories(text, kind) == set()


# ---- round 3: the wordings set B showed (乡/街道, other words; new sentences) -------------


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        # The township or street office as the party that guarantees or promises.
        ("乡人民政府为乙方向信用社的借款提供连带责任保证。", "agreement", "guarantee"),
        ("街道办事处作为保证人，对乙方的银行贷款承担保证责任。", "agreement", "guarantee"),
        ("甲方保证乙方认购的基金份额本息安全。", "agreement", "guarantee"),
        ("乙方在合作社的投资出现损失的，由乡政府按原始投资额全额退还。", "agreement", "guarantee"),
        # Exclusivity and steering in other words; no tender; favoured in tenders.
        ("本街道范围内的社区团餐配送由乙方统一提供。", "agreement", "competition"),
        ("甲方将集镇停车场的收费经营权排他性地授予乙方十年。", "agreement", "competition"),
        ("甲方负责协调辖区学校食堂统一委托乙方供应食材。", "agreement", "competition"),
        ("甲方在本街道政府采购评审中对乙方给予加分。", "agreement", "competition"),
        ("乙方承建今后的安置房项目无须参加招标。", "agreement", "competition"),
        ("甲方承诺乙方米厂投产后不再扶持本乡新设碾米加工点。", "agreement", "competition"),
        ("乙方月用水量超过一万吨的部分，由甲方给予水费补贴每吨0.5元。", "agreement", "competition"),
        # Paid when the payer has money, after a party committee, or in months.
        ("工程尾款以甲方取得项目专项债资金为前提支付。", "contract", "payment_term"),
        ("第二期款项在甲方收到社会捐赠资金后支付。", "contract", "payment_term"),
        ("乙方的奖励资金待乡党委会研究同意后兑现。", "agreement", "payment_term"),
        ("乙方为中型企业，本合同的付款期限为验收合格后三个月。", "contract", "payment_term"),
        # Collective land let by agreement or without the villagers; capital injected.
        ("村委会以协议方式将集体鱼塘发包给乙方经营。", "contract", "state_assets"),
        ("乡政府以财政资金500万元向乙方公司增资。", "agreement", "state_assets"),
        # Someone else's investment pre-financed; a bidder funding public works.
        ("施工单位同意为甲方投资的村道工程垫付材料款。", "contract", "prefinancing"),
        (
            "中标人应承诺建设期间不要求支付进度款，建设资金由中标人自行解决。",
            "contract",
            "prefinancing",
        ),
    ],
)
def test_round_three_wordings_are_flagged(text, kind, category):
    """Given another wording of a family set B's misses showed, then its category is found."""
    assert category in categories(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("乙方股东向街道办事处出具履约保函，保证乙方按期完成投资。", "agreement"),
        ("乡人民政府不对项目公司的任何债务提供担保或承诺。", "agreement"),
        ("甲方按绩效考核结果付费，不承诺固定回报或保底收益。", "agreement"),
        ("乙方参与本乡工程建设项目，应与其他投标人同等参加招标。", "agreement"),
        ("乡政府将闲置车辆调剂给乡卫生院使用，已报县机关事务管理局备案。", "contract"),
        ("被征收人选择产权调换的，按评估价格上浮5%结算。", "agreement"),
        ("付款期限为交付之日起四十五天。", "contract"),
    ],
)
def test_round_three_look_alikes_are_lawful(text, kind):
    """Given a lawful clause in the words of a round-3 rule, then no finding."""
    assert categories(text, kind) == set()


def test_a_twenty_page_contract_is_reviewed_within_200_ms():
    """Given ~15,000 characters of contract clauses, when pre-reviewed, then ≤ 200 ms, or on a
    slower machine ≤ twice a fixed regex scan of the same text (tests/reviews/helpers.py)."""
    from tests.reviews.helpers import precheck_within_budget

    clauses = [i["text"] for i in load_corpus() if i["kind"] != "normative"]
    paragraphs, n = [], 0
    while sum(len(p) for p in paragraphs) < 15_000:
        paragraphs.append(f"第{n + 1}条 " + clauses[n % len(clauses)])
        n += 1
    for kind in ("contract", "agreement"):
        ok, why = precheck_within_budget(paragraphs, kind)
        assert ok, why


# ---- the evaluation report -----------------------------------------------------------------

ITEMS = [
    {"text": "对违反规定的，处以500元罚款。", "kind": "normative", "expected": ["penalty"]},
    {"text": "本镇环境优美。", "kind": "normative", "expected": []},
    {
        "text": "甲方在收到上级拨付资金后支付乙方服务费。",
        "kind": "contract",
        "expected": ["payment_term"],
    },
    {"text": "甲方在收到发票后15日内支付服务费。", "kind": "contract", "expected": []},
    {"text": "甲方为乙方的银行授信提供担保。", "kind": "agreement", "expected": ["guarantee"]},
    # A miss: nothing in the rules says this is an arbitration clause.
    {"text": "争议由双方选定的机构终局裁决。", "kind": "agreement", "expected": ["arbitration"]},
]


def test_evaluation_scores_each_kind_and_group_apart():
    """Given sentences of the three kinds, then each kind and each group (normative;
    contracts and agreements) has its own overall score and category scores."""
    ev = evaluate(ITEMS)
    assert {k: (t.sentences, t.positives, t.negatives) for k, t in ev.per_kind.items()} == {
        "normative": (2, 1, 1),
        "contract": (2, 1, 1),
        "agreement": (2, 2, 0),
    }
    assert ev.per_kind["normative"].score.recall == 1.0
    assert ev.per_kind["contract"].score.recall == 1.0
    assert ev.per_kind["agreement"].score.recall == 0.5
    contracts = ev.group_totals["contracts"].score
    assert (contracts.tp, contracts.fp, contracts.fn) == (2, 0, 1)
    assert ev.per_group["contracts"]["arbitration"].fn == 1
    assert not ev.per_group["normative"]["arbitration"].measured
    assert ev.per_group["normative"]["penalty"].tp == 1
    assert not ev.per_group["contracts"]["penalty"].measured
    # The whole-corpus figures the targets are checked on are unchanged.
    assert (ev.overall.tp, ev.overall.fn) == (3, 1)
    assert ev.per_category["arbitration"].recall == 0.0


def test_the_command_prints_two_tables_and_an_overall_row_per_kind():
    """When `fazhi precheck_eval` runs on the shipped corpus, then normative documents and
    contracts/agreements each get a table, every kind an overall row, and it passes."""
    out = io.StringIO()
    call_command("precheck_eval", stdout=out)
    text = out.getvalue()
    assert "【规范性文件】" in text and "【合同与行政协议】" in text
    for key in ("overall·normative", "overall·contract", "overall·agreement", "overall·contracts"):
        assert key in text
    normative, contracts = text.split("【合同与行政协议】")
    assert "guarantee" in contracts and "guarantee" not in normative
    assert "全部达标" in text


def write_corpus(tmp_path, items) -> str:
    path = tmp_path / "held_out.jsonl"
    path.write_text(
        "\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8"
    )
    return str(path)


def test_corpus_option_measures_another_file_and_only_reports_its_targets(tmp_path):
    """Given a held-out file in the corpus format, when run with --corpus, then it is
    scored on its own, per kind, and a missed target is reported but exits 0; --strict
    makes it fail."""
    path = write_corpus(tmp_path, [dict(i, batch=9) for i in ITEMS])
    out = io.StringIO()
    call_command("precheck_eval", "--corpus", path, "--mistakes", stdout=out)
    text = out.getvalue()
    assert path in text
    assert "共 6 句" in text
    assert "争议由双方选定的机构终局裁决" in text  # the miss is listed
    assert "未达到目标(仅报告" in text and "arbitration 召回率 0.000" in text
    with pytest.raises(CommandError, match="未达到目标"):
        call_command("precheck_eval", "--corpus", path, "--strict", stdout=io.StringIO())
    # The shipped corpus is untouched.
    assert "争议由双方选定的机构终局裁决" not in {i["text"] for i in load_corpus()}


def test_corpus_option_with_only_contracts_shows_no_normative_scores(tmp_path):
    """Given a held-out file of contract clauses only, then the normative rows say there
    were no sentences rather than a perfect score."""
    path = write_corpus(tmp_path, ITEMS[2:4])
    out = io.StringIO()
    call_command("precheck_eval", "--corpus", path, stdout=out)
    text = out.getvalue()
    assert "无句子" in text.split("【合同与行政协议】")[0]
    assert "全部达标" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"text": "甲方为乙方提供担保。", "kind": "contract", "expected": ["guarantee"]}\nnot json\n',
            "第 2 行",
        ),
        ('{"text": "甲方为乙方提供担保。", "kind": "treaty", "expected": []}\n', "kind"),
        (
            '{"text": "甲方为乙方提供担保。", "kind": "contract", "expected": ["loan"]}\n',
            "expected",
        ),
    ],
)
def test_a_malformed_corpus_is_refused_with_its_line(tmp_path, content, message):
    """Given a malformed held-out file, then the command fails with a Chinese message."""
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("precheck_eval", "--corpus", str(path), stdout=io.StringIO())


def test_a_missing_corpus_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="找不到语料文件"):
        call_command(
            "precheck_eval", "--corpus", str(tmp_path / "none.jsonl"), stdout=io.StringIO()
        )


# ---- round 4: structure, not wording (structure.py, rules.FRAMES) --------------------------


def test_frames_cite_a_law_and_an_article_and_apply_to_contracts_only():
    """Given the structural frames, then each cites an article, explains and suggests, and
    none applies to normative documents."""
    from fazhi.reviews.precheck.rules import CATEGORIES, FRAMES

    assert FRAMES
    for f in FRAMES:
        assert "第" in f.basis and "条" in f.basis, f.id
        assert f.explanation and f.suggestion and f.category in CATEGORIES
        assert "normative" not in f.kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Who acts decides: the government side guaranteeing is unlawful, the company side
        # (or its shareholder) guaranteeing to the town is lawful — in words no rule lists.
        ("镇农业服务中心对乙方在信用社的周转借款承担连带清偿责任。", "government"),
        ("乙方实际控制人对乙方在本协议项下的全部义务承担连带清偿责任。", "company"),
        ("街道办事处同意乙方的流动资金借款到期未还的，由街道财政负责偿付。", "government"),
    ],
)
def test_the_actor_of_a_guarantee_decides_its_direction(text, expected):
    """Given a guarantee-like act, then the party doing it (subject, 由X) decides."""
    from fazhi.reviews.precheck.structure import actor, mentions

    pos = max(text.rfind(w) for w in ("承担", "偿付"))
    assert actor(text, pos, mentions(text))[0] == expected
    assert ("guarantee" in categories(text)) == (expected == "government")


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        # Self-written for round 4, in none of the corpus batches or blind sets.
        ("园区管委会负责在乙方融资逾期时代其归还贷款本息。", "agreement", "guarantee"),
        ("乙方年度净利润未达800万元的，缺口由镇级财政予以补贴。", "agreement", "guarantee"),
        ("丁方（青石乡人民政府）为乙方的设备融资租赁款承担保证责任。", "contract", "guarantee"),
        ("设计费待区财政局核拨项目经费后再行支付。", "contract", "payment_term"),
        ("运维费的支付日期由甲方届时另行通知乙方。", "contract", "payment_term"),
        ("镇属原供销社门市部以每年500元的租金直接租给乙方经营。", "contract", "state_assets"),
        (
            "甲方将村集体闲置仓库交付乙方使用，乙方以修缮费用抵扣全部租金。",
            "contract",
            "state_assets",
        ),
        ("本镇范围内的农村饮水工程管材一律在乙方门市采购。", "agreement", "competition"),
        ("甲方不再同意其他物流企业入驻本镇物流园。", "agreement", "competition"),
        ("承包人须将300万元建设周转金汇入发包人账户后方可进场。", "contract", "prefinancing"),
    ],
)
def test_unseen_wordings_of_the_same_structure_are_flagged(text, kind, category):
    """Given clauses built from the frames' parts in new words, then they are flagged."""
    assert category in categories(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Negated, turned round, or the company's own affair.
        ("管委会不为乙方的任何借款承担代偿或清偿责任。", "agreement"),
        ("乙方控股股东就乙方的投资义务向镇人民政府承担连带保证责任。", "agreement"),
        ("发包人（某农业发展有限公司）自有仓库工程，承包人垫资部分按约定计息。", "contract"),
        ("付款不以区财政局核拨经费为前提，甲方在验收合格后三十日内支付。", "contract"),
        ("甲方以银行转账付款，不采用商业汇票方式支付。", "contract"),
        ("镇属门市部经评估后通过产权交易平台公开招租，由乙方竞得。", "contract"),
        ("本协议不授予乙方在本镇范围内的独家经营权。", "agreement"),
        ("乙方在项目建设中优先采购本地农产品。", "agreement"),
    ],
)
def test_lawful_structures_are_not_flagged(text, kind):
    """Given the same parts negated, given to the town, or in a private project, then no
    finding."""
    assert categories(text, kind) == set()


# ---- round 5: the structural parts tuned on blind set D ----------------------------------


@pytest.mark.parametrize(
    ("text", "pos_word", "expected"),
    [
        # County and district bodies are the government side; a 区 of a place is not.
        ("县自然资源局从土地出让收入中弥补乙方的投资差额。", "弥补", "government"),
        ("景区运营公司自行承担运营亏损。", "承担", None),
        # A party right after a verb is its object: the actor is named before it.
        ("由区财政局核拨补贴，并确保乙方每年回报率不低于百分之六。", "确保", "government"),
        # A government framing clause names the actor of what follows; a company one does not.
        (
            "区属平台公司同意，片区养护项目直接委托乙方实施，不再选择其他单位。",
            "不再",
            "government",
        ),
        ("乙方同意，在甲方内部审批完成前付款期限相应顺延。", "顺延", None),
    ],
)
def test_round_five_actor(text, pos_word, expected):
    """Given a clause, then the actor of the act at `pos_word` is read from its structure."""
    from fazhi.reviews.precheck.structure import actor, mentions

    assert actor(text, text.find(pos_word), mentions(text))[0] == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # Pre-financed works repaid by instalments: one pre-financing finding.
        (
            "村道硬化工程由乙方先行垫资施工，验收合格后甲方分四年等额偿还。",
            "contract",
            {"prefinancing"},
        ),
        # A payment that also waits for an audit is still both.
        (
            "乙方垫资施工，付款以县审计局审计结论为准并在审计后支付。",
            "contract",
            {"prefinancing", "payment_term"},
        ),
        # The town's budget making good a return is a guarantee, not a payment term.
        (
            "项目运营收益低于约定标准的，镇财政在下一年度预算中安排资金补足乙方的投资收益。",
            "agreement",
            {"guarantee"},
        ),
        # The price the company pays and an audit that only trues up are not payment terms.
        ("镇属冷库按评估价经公开挂牌转让给乙方，转让价款由乙方分两期付清。", "agreement", set()),
        (
            "甲方在验收合格后二十日内支付合同价款的百分之九十，审计完成后据实调整结算，多退少补。",
            "contract",
            set(),
        ),
        # A private employer stated once for the paragraph clears the advance after "；".
        (
            "本工程为某民营食品公司自建厂房，不属于政府投资项目；承包人垫资部分按年息百分之五计息。",
            "contract",
            set(),
        ),
        (
            "本项目为镇政府投资的农贸市场改造工程；施工单位垫资施工至主体完工。",
            "contract",
            {"prefinancing"},
        ),
    ],
)
def test_round_five_one_finding_per_concern(text, kind, expected):
    """Given clauses where one concern explains the other, then only it is reported."""
    assert categories(text, kind) == expected


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        # Business steered to whomever the town picks; local protection; others made to join.
        ("各村的农村公路养护统一交由镇交通管理站确定的养护公司实施。", "agreement", "competition"),
        ("非本镇企业生产的有机肥不得在示范基地内使用。", "agreement", "competition"),
        (
            "辖区内的农家乐经营户均须加入乙方成立的旅游协会，并执行乙方统一制定的收费标准。",
            "agreement",
            "competition",
        ),
        ("甲方对乙方的用水执行低于其他企业的优惠水价。", "contract", "competition"),
        ("甲方承诺，在本协议期内，镇区内不再另建同类的污水处理设施。", "agreement", "competition"),
        ("县财政按乙方光伏电站每年上网电量每千瓦时0.03元给予奖励。", "agreement", "competition"),
        # The town taking the company's market risk or its stake.
        ("乙方种植的中药材未能售出的，由乡人民政府按约定收购价全部收购。", "contract", "guarantee"),
        (
            "项目期满后，乙方在合资公司中的股权由镇属平台公司按乙方出资额加百分之五年息受让。",
            "agreement",
            "guarantee",
        ),
        # Pre-financing in other words; payment in the next quarter.
        (
            "承包人应在开工前向发包人缴纳工程周转金一百万元，用于征地补偿。",
            "contract",
            "prefinancing",
        ),
        ("施工期间乙方不要求甲方支付任何进度款，竣工后一次性结算。", "contract", "prefinancing"),
        ("甲方于次季度末统一结算支付上季度的配送费用。", "contract", "payment_term"),
        # State assets: contributed as capital, decided by one leader, passed into ownership.
        (
            "镇政府将财政资金建设的农贸市场作为对乙方的出资，未经资产评估。",
            "agreement",
            "state_assets",
        ),
        ("镇属闲置办公楼经镇长个人审批后由乙方租用，租期十年。", "contract", "state_assets"),
        ("政府投资建设的农村污水处理设施，竣工后移交给乙方所有。", "agreement", "state_assets"),
    ],
)
def test_round_five_structures_are_flagged(text, kind, category):
    """Given the round-5 structural parts in self-written clauses, then they are flagged."""
    assert category in categories(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("乙方应当优先采购本地农户种植的蔬菜，价格按市场价协商确定。", "agreement"),
        ("乙方的项目经理为本项目唯一的对接人，负责与甲方日常联络。", "contract"),
        ("根据国土空间规划，甲方在规划区内不再批准新建化工企业。", "agreement"),
        ("乙方的保证人为乙方向甲方返还预付款提供连带责任保证。", "agreement"),
        ("乙方在自有土地上自建的仓库归乙方所有。", "agreement"),
        ("乙方承租镇属门面，租金经资产评估确定，且不低于评估价格。", "contract"),
        ("项目监理单位由甲方通过公开招标方式另行确定。", "agreement"),
        ("甲方于次月十日前支付上月货款。", "contract"),
    ],
)
def test_round_five_look_alikes_are_lawful(text, kind):
    """Given the lawful counterparts (voluntary, internal, planning, the company's own),
    then no finding."""
    assert categories(text, kind) == set()


# Round 5's fresh clauses: written before any round-5 change and never tuned on. Run once
# after the changes: 16 of 21 right (the old rules: 14), every lawful one among them. The
# five misses are left unfixed so that the number stays honest; a later round may use them.
ROUND_FIVE_FRESH = [
    (
        "县住房和城乡建设局对乙方为本项目发行的企业债券按期兑付承担补充清偿责任。",
        "agreement",
        {"guarantee"},
    ),
    (
        "乙方投资的冷链物流中心投入运营后五年内，年度净利润低于三百万元的，不足部分由区商务局"
        "从专项资金中据实补齐。",
        "agreement",
        {"guarantee"},
    ),
    (
        "合作期届满后，乙方在项目公司中的全部股份由县国有资本投资运营公司按乙方累计出资本金加"
        "百分之八的年息收购。",
        "agreement",
        {"guarantee"},
    ),
    (
        "甲方承诺在协议期内，本街道辖区内不再新批建设其他大型商业综合体。",
        "agreement",
        {"competition"},
    ),
    (
        "园区内入驻企业的员工通勤班车服务，均由管委会委托乙方统一承运。",
        "agreement",
        {"competition"},
    ),
    (
        "各行政村的生活垃圾清运车辆、垃圾桶等设备，应当向乙方或者乙方授权的经销商购买。",
        "contract",
        {"competition"},
    ),
    (
        "乙方每年在本县实现的增值税县级留存部分，由县财政按百分之六十以产业扶持资金的形式拨付给乙方。",
        "agreement",
        {"competition"},
    ),
    (
        "合同价款在项目通过县财政投资评审中心评审并出具审定报告后，按审定金额支付。",
        "contract",
        {"payment_term"},
    ),
    (
        "本合同的尾款百分之三十在县级配套资金拨付到镇财政账户后支付给乙方。",
        "contract",
        {"payment_term"},
    ),
    (
        "乡政府将原中心小学闲置校舍交由乙方改造为养老机构，十年内不收取租金。",
        "agreement",
        {"state_assets"},
    ),
    (
        "村股份经济合作社名下的二百亩林地，经村两委会议研究同意后以每亩每年八十元的价格直接流转给乙方经营。",
        "contract",
        {"state_assets"},
    ),
    (
        "本工程承包人需筹足工程所需全部资金并完成施工，发包人于工程竣工决算审计完成后分三年支付工程价款。",
        "contract",
        {"prefinancing"},
    ),
    (
        "乙方的实际控制人向县人民政府出具承诺函，承诺对乙方在本协议项下的违约责任承担连带责任。",
        "agreement",
        set(),
    ),
    ("乙方以其名下的土地使用权为乙方的银行贷款设定抵押，与甲方无关。", "agreement", set()),
    (
        "乙方在本街道开设门店，不影响街道辖区内其他经营者依法平等开展同类经营。",
        "agreement",
        set(),
    ),
    (
        "甲方应在收到乙方发票并验收合格之日起二十日内支付当期货款，不以财政资金到位为付款前提。",
        "contract",
        set(),
    ),
    (
        "本项目资金来源为县级财政预算资金，已经县财政局批复落实，甲方按月支付进度款。",
        "contract",
        set(),
    ),
    (
        "镇属闲置仓库经资产评估后，在县公共资源交易中心公开招租，由出价最高者承租。",
        "contract",
        set(),
    ),
    ("乙方以自有资金在自有工业用地上建设新的生产车间，与甲方无关。", "agreement", set()),
    ("双方因本协议发生争议的，可以依法申请行政复议或者提起行政诉讼。", "agreement", set()),
    (
        "乙方采购建筑材料应当选择具有合格证明的产品，甲方不得指定品牌和供应商。",
        "contract",
        set(),
    ),
]


def test_round_five_fresh_clauses():
    """Given clauses written before round 5 and never tuned on, then at least the 16 of 21
    read right when measured, and no lawful one flagged."""
    right = [categories(text, kind) == expected for text, kind, expected in ROUND_FIVE_FRESH]
    assert sum(right) >= 16
    assert all(
        ok for ok, (_, _, expected) in zip(right, ROUND_FIVE_FRESH, strict=True) if not expected
    )


# Written before round 6 changed anything and measured then: 19 of 25 read right (the 11
# lawful ones 9 of 11: "为乙方唯一的研发机构" and "按同一标准给予租金减免" were flagged; the
# risky ones 10 of 14). Five of the six were then seen while the general readings of round 6
# were written (so 25 / 25 after is not a blind measure; docs/precheck.md).
ROUND_SIX_FRESH = [
    (
        "园区管委会承诺，入园企业的蒸汽供应全部交由乙方负责，园区内不再核准其他热源点。",
        "agreement",
        {"competition"},
    ),
    (
        "嘎查村民委员会将集体草场一万亩以每亩五元的价格直接承包给乙方经营三十年。",
        "agreement",
        {"state_assets"},
    ),
    (
        "协议期内，旗人民政府不再受理其他企业在本旗境内建设光伏电站的申请。",
        "agreement",
        {"competition"},
    ),
    (
        "村股份经济合作社所有的沿街门面房由合作社理事长与乙方议定租金后直接出租。",
        "contract",
        {"state_assets"},
    ),
    ("街道辖区内老旧小区的电梯维保业务仅限乙方承接。", "agreement", {"competition"}),
    (
        "乙方在本项目的银行贷款到期无法偿还的，由镇城投公司代为清偿。",
        "agreement",
        {"guarantee"},
    ),
    (
        "甲方应在区财政评审中心出具评审报告后支付剩余百分之七十的合同价款。",
        "contract",
        {"payment_term"},
    ),
    (
        "乡政府同意乙方先行自筹资金建设乡卫生院门诊楼，竣工验收后分五年支付工程款。",
        "agreement",
        {"prefinancing"},
    ),
    (
        "村民小组的集体鱼塘作价二十万元入股乙方，未经资产评估。",
        "agreement",
        {"state_assets"},
    ),
    (
        "苏木人民政府对乙方年度经营收入低于承诺值的部分予以全额补足。",
        "agreement",
        {"guarantee"},
    ),
    ("本协议履行中发生争议的，提交旗仲裁委员会仲裁。", "agreement", {"arbitration"}),
    (
        "对乙方缴纳的增值税地方留存部分，县政府按百分之五十给予产业发展扶持。",
        "agreement",
        {"competition"},
    ),
    (
        "镇所属农贸市场的摊位经营权整体交由乙方运营二十年，乙方每年仅需支付管理费一万元。",
        "agreement",
        {"state_assets"},
    ),
    (
        "除乙方外，本县其他企业不得承担县域内农村生活污水处理设施的运维。",
        "agreement",
        {"competition"},
    ),
    (
        "乙方以其自有资金在自购土地上建设冷库，建设期内不需甲方支付任何费用。",
        "contract",
        set(),
    ),
    (
        "经资产评估并经村民代表会议表决通过后，村集体闲置厂房通过县农村产权交易中心公开招租。",
        "contract",
        set(),
    ),
    (
        "乙方的控股股东就乙方在本协议项下的付款义务向镇人民政府提供连带责任保证。",
        "agreement",
        set(),
    ),
    (
        "甲方应在工程竣工验收合格之日起三十日内支付至结算价款的百分之九十七，审计结论不作为付款前提。",
        "contract",
        set(),
    ),
    (
        "街道办事处通过公开招标确定乙方为辖区道路保洁服务单位，服务期三年。",
        "contract",
        set(),
    ),
    ("乙方承诺其在园区内设立的研发中心为乙方唯一的研发机构。", "agreement", set()),
    (
        "管委会对所有符合条件的入园企业按同一标准给予租金减免，不针对特定企业。",
        "agreement",
        set(),
    ),
    ("乙方不得将承租的集体房屋转租给第三方。", "contract", set()),
    (
        "因本协议发生的争议，双方协商不成的，依法向旗人民法院提起行政诉讼。",
        "agreement",
        set(),
    ),
    ("乙方应当保证所供饲料质量符合国家标准，甲方有权抽检。", "contract", set()),
    (
        "股份经济合作社的集体林地流转方案经成员大会三分之二以上成员同意，并在县产权交易平台公开竞价。",
        "contract",
        set(),
    ),
]


def test_round_six_fresh_clauses():
    """Given clauses written before round 6, then all 25 read right after it, and no lawful
    one is flagged."""
    right = [categories(text, kind) == expected for text, kind, expected in ROUND_SIX_FRESH]
    assert sum(right) == 25
    assert all(
        ok for ok, (_, _, expected) in zip(right, ROUND_SIX_FRESH, strict=True) if not expected
    )


@pytest.mark.parametrize(
    "text, kind, category",
    [
        # A grant to one party of what others are denied, whatever the verb.
        ("街道范围内新建住宅小区的充电桩安装业务专由乙方承接。", "agreement", "competition"),
        ("本镇其他合作社申报的同类项目，甲方不再受理。", "agreement", "competition"),
        ("投标人须为本旗内注册的企业，旗外企业的投标文件不予接收。", "contract", "competition"),
        ('本项目路灯须采用"××"牌LED灯具，不得以其他品牌替代。', "contract", "competition"),
        ("对乙方每年缴纳的土地使用税，县政府按实缴额的一半给予奖励。", "agreement", "competition"),
        # Public property leaving public hands without appraisal, market or villagers.
        ("镇属农机站的三台拖拉机抵顶给乙方作为拖欠的工程款。", "agreement", "state_assets"),
        (
            "村委会将村集体的仓库出租给村会计的妻弟，租金由村两委研究决定。",
            "contract",
            "state_assets",
        ),
        (
            "苏木政府投资建成的牧民定居点供水设施，交付之日起产权转归乙方。",
            "agreement",
            "state_assets",
        ),
        # Northern and western government bodies; a stake or a price floor as the risk.
        ("嘎查委员会以集体收益为乙方的经营贷款提供连带责任保证。", "agreement", "guarantee"),
        (
            "乙方种植的中药材市场价格跌破保护价时，乡政府按保护价敞开收购。",
            "agreement",
            "guarantee",
        ),
        (
            "采购人在县农业农村局完成项目绩效考评并出具意见后支付合同尾款。",
            "contract",
            "payment_term",
        ),
    ],
)
def test_round_six_general_readings_are_flagged(text, kind, category):
    assert category in categories(text, kind)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("承租人不得将租赁的集体厂房转借、分租或者以其他方式交由他人使用。", "contract"),
        ("乙方独家运营镇域内的城乡公交线路须经公开招标取得，本协议不作约定。", "agreement"),
        (
            "本出让协议项下的国有建设用地使用权，经评估后已通过县公共资源交易中心挂牌出让。",
            "contract",
        ),
        ("项目所需资本金及建设资金全部由乙方以自有资金筹集，甲方不出资。", "agreement"),
        ("乙方采购的灯具应符合国家标准，甲方不指定品牌和生产厂家。", "contract"),
        ("乙方以银行承兑汇票收款的，贴现利息由乙方自行承担。", "contract"),
        ("发包人不接受投标人以带资承包作为优惠条件。", "contract"),
        (
            "合作社的茶青收购面向所有收购商开放，甲方不承诺收购份额，也不限制其他收购商进入。",
            "agreement",
        ),
        ("项目公司享有的可行性缺口补助按经批准的实施方案和绩效考核结果列入年度预算。", "agreement"),
        ("甲方不再审批新的延期申请，乙方应按期竣工。", "agreement"),
        ("其他合作社的同类申报由甲方依法审核，本协议不作限制。", "agreement"),
    ],
)
def test_round_six_look_alikes_are_lawful(text, kind):
    assert categories(text, kind) == set()


# ---- round 23: the readings blind set I showed (measured once, then used to improve) --------


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        # The town's own companies guarantee for the government side, in brackets or not.
        (
            "承租方向银行申请贷款的，出租方（镇集体资产经营公司）为该笔贷款提供保证担保。",
            "contract",
            "guarantee",
        ),
        (
            "镇政府可以应供货商要求出具付款保证书，乙方逾期未付的由镇政府先行代付。",
            "contract",
            "guarantee",
        ),
        # A receivables voucher falling due a year out stretches the term (条例 第十一条).
        (
            "甲方以应收账款电子凭证支付工程款，凭证到期日为开具之日起一年。",
            "contract",
            "payment_term",
        ),
        (
            "甲方向乙方开具应收账款电子凭证，凭证到期日为开具之日起一年。",
            "contract",
            "payment_term",
        ),
        # Bought and installed before the project is approved, paid after. (Where the
        # learned second opinion finds a clause very unlikely it still drops the rule's hit:
        # "监控设备由乙方先行采购安装并投入使用，待……" is read as a purchase, model.py.)
        (
            "村级监控点位建设所需摄像头由乙方先行采购安装，待项目立项批复后，甲方再补办采购手续并支付费用。",
            "contract",
            "prefinancing",
        ),
        (
            "镇政府投资建设的公厕，其建设资金由乙方自筹解决，甲方在三年内分期付清。",
            "contract",
            "prefinancing",
        ),
        # A named firm's products, the steps of a disposal skipped, a nominal rent.
        (
            "本工程所用砌块限定使用镇属建材公司的产品，另行采购的不予验收。",
            "contract",
            "competition",
        ),
        (
            "原乡卫生院闲置用房租给乙方开办养老机构，租金由双方议定，不必评估挂牌。",
            "contract",
            "state_assets",
        ),
        (
            "河道清淤产生的砂石按每方八元作价全部交乙方处置，不另行公开拍卖。",
            "contract",
            "state_assets",
        ),
        (
            "由镇政府收购的老街民居十二幢交由乙方经营，使用费每年象征性收取一元。",
            "contract",
            "state_assets",
        ),
    ],
)
def test_round_23_wordings_are_flagged(text, kind, category):
    assert category in categories(text, kind)


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        # Refusals in other words, and the company's own guarantor.
        ("政府方及其出资代表不对项目公司的债务承担偿还责任。", "agreement", "guarantee"),
        ("甲方出具的支持函仅表明政策支持态度，不构成担保或者付款承诺。", "agreement", "guarantee"),
        (
            "乙方应提供经甲方认可的保证人，对乙方在本合同项下的租金支付义务承担连带保证责任。",
            "contract",
            "guarantee",
        ),
        # A bill only with the payee's consent and never a longer term; money already there.
        (
            "物业费以银行转账支付；如拟使用商业汇票，须经乙方书面同意，且不得因此延长付款期限。",
            "contract",
            "payment_term",
        ),
        (
            "本工程的省级补助资金已拨付至县财政，发包人在收到进度款申请后十四日内支付。",
            "contract",
            "payment_term",
        ),
        # The company's own project funded by itself; a priority refused.
        ("乙方项目建设所需资金由乙方自行筹措，甲方不提供担保。", "agreement", "prefinancing"),
        (
            "游船经营权经公开竞价由乙方取得，期满后重新竞价，乙方不享有优先续约权。",
            "agreement",
            "competition",
        ),
        # Appraised and openly let, with the villagers' meeting's consent.
        (
            "闲置校舍经资产评估后在公共资源交易平台公开招租，由乙方竞得。",
            "contract",
            "state_assets",
        ),
    ],
)
def test_round_23_look_alikes_are_lawful(text, kind, category):
    assert category not in categories(text, kind)


# ---- round 24: the readings blind set J missed (measured once, then used to improve) -------


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        # The late payer waives the interest beforehand.
        ("本合同项下甲方逾期付款的，不承担违约责任和利息损失。", "contract", "payment_term"),
        ("发包人延期支付工程款的，不支付逾期利息。", "contract", "payment_term"),
        # The town as a co-debtor is a guarantee in another form.
        ("乡人民政府同意作为共同还款人，在乙方的借款合同上签字盖章。", "contract", "guarantee"),
        # The tender skipped by the town's own decision.
        ("经镇党政联席会议研究，本项目不再组织招标，直接委托乙方施工。", "contract", "competition"),
        ("该工程不再履行招标程序，由乙方直接承建。", "contract", "competition"),
        # A bar on who may bid set by size and age.
        ("投标人注册资本不低于3000万元，成立年限在五年以上。", "contract", "competition"),
        # Collective property handed over for nothing, in other words.
        (
            "各村集体仓库的屋面由镇政府统一提供给乙方铺设光伏板，屋面使用不收取费用。",
            "contract",
            "state_assets",
        ),
    ],
)
def test_round_24_wordings_are_flagged(text, kind, category):
    assert category in categories(text, kind)


@pytest.mark.parametrize(
    ("text", "kind", "category"),
    [
        # Interest paid as the law says; a prohibition of the waiver.
        (
            "甲方逾期付款的，应按同期贷款市场报价利率向乙方支付逾期利息。",
            "contract",
            "payment_term",
        ),
        ("双方不得约定逾期付款不支付利息。", "contract", "payment_term"),
        # The company's shareholder as co-debtor to the town: the direction the law allows.
        (
            "乙方股东同意作为共同还款人，对乙方欠付甲方的租金承担还款责任。",
            "contract",
            "guarantee",
        ),
        # A service free of charge is no asset given away.
        ("乙方使用甲方提供的技术资料不收取费用。", "contract", "state_assets"),
        # An investor's promise of its project company's capital is a performance term.
        (
            "乙方在镇内投资设立的项目公司注册资本不少于5000万元，并于签约后三个月内实缴到位。",
            "agreement",
            "competition",
        ),
    ],
)
def test_round_24_look_alikes_are_lawful(text, kind, category):
    assert category not in categories(text, kind)
